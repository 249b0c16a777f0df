"""The runner: parameters checked before any kernel, run folders, the run log, latest, the index.

Kernel tests (``@pytest.mark.notebook``) run the fixture notebooks of
``tests/fixtures/notebooks`` through real papermill on the real ``cxresearch``
kernel, in a temporary project folder; nothing is written to the project's
own ``reports/``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import nbformat
import pytest

from cxresearch import config, runner
from cxresearch.exceptions import ParameterError
from cxresearch.index import format_value, write_index
from cxresearch.periods import fill_template, parse_as_of, resolve_period
from cxresearch.schedule import check_cron, crontab_lines, load_named_runs
from cxresearch.studies import find_study, prepare_parameters, read_study

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "notebooks"
SCRIPT = Path(sys.executable).parent / "cxresearch"
VALID = "period (str), n (int), scale (float), flag (bool), data_path (str)"


def make_project(root: Path) -> Path:
    """A project folder holding the fixture studies and their input file."""
    (root / "notebooks").mkdir(parents=True)
    for notebook in FIXTURES.glob("*.ipynb"):
        shutil.copy(notebook, root / "notebooks")
    (root / "inputs").mkdir()
    (root / "inputs" / "tiny.csv").write_text("a\nb\n", encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project")


def log(root: Path) -> list[dict]:
    return runner.read_run_log(root / "reports")


def files_of(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- relative periods and templates (no kernel) ----------------------------------------------------

# Hand-checked against a calendar: ISO week 1 is the week holding the year's first Thursday;
# 2020 had 53 ISO weeks (1 Jan 2020 was a Thursday); 1 Jan 2026 is a Thursday, so ISO 2026-W01
# runs Mon 29 Dec 2025 - Sun 4 Jan 2026. A period is complete only if it ended before the day.
PERIODS = [
    # as of          week          month       quarter    year
    ("2025-07-01", "2025-W26", "2025-06", "2025Q2", "2024"),  # Tue; W26 = 23-29 June
    ("2025-06-29", "2025-W25", "2025-05", "2025Q1", "2024"),  # a Sunday: its own week is not complete
    ("2025-06-30", "2025-W26", "2025-05", "2025Q1", "2024"),  # Monday: the week before is now complete
    ("2025-01-01", "2024-W52", "2024-12", "2024Q4", "2024"),  # year boundary
    ("2021-01-06", "2020-W53", "2020-12", "2020Q4", "2020"),  # the 53rd week, spanning two years
    ("2021-01-04", "2020-W53", "2020-12", "2020Q4", "2020"),
    ("2026-01-05", "2026-W01", "2025-12", "2025Q4", "2025"),  # ISO week 1 starts in December
    ("2025-03-31", "2025-W13", "2025-02", "2024Q4", "2024"),  # last day of a quarter is still in it
    ("2025-04-01", "2025-W13", "2025-03", "2025Q1", "2024"),
    ("2024-03-01", "2024-W08", "2024-02", "2023Q4", "2023"),  # leap year
]


@pytest.mark.parametrize("as_of, week, month, quarter, year", PERIODS)
def test_relative_periods_resolve_against_the_day_of_the_run(as_of, week, month, quarter, year):
    assert resolve_period("last complete week", as_of) == week
    assert resolve_period("last complete month", as_of) == month
    assert resolve_period("Last  Complete Quarter", date.fromisoformat(as_of)) == quarter
    assert resolve_period("last complete year", as_of) == year


def test_other_values_are_not_periods_and_a_bad_day_is_one_line():
    assert resolve_period("2025-06", "2025-07-01") == "2025-06"
    assert resolve_period("latest", "2025-07-01") == "latest"
    assert resolve_period(3, "2025-07-01") == 3
    assert parse_as_of(None) == date.today()
    with pytest.raises(ParameterError, match="as_of.*YYYY-MM-DD"):
        parse_as_of("1 July")


def test_path_templates_are_filled_from_the_parameters():
    assert fill_template("data/raw/{period}/responses.csv", {"period": "2025-06"}) == \
        "data/raw/2025-06/responses.csv"
    assert fill_template("plain/path.csv", {}) == "plain/path.csv"
    assert fill_template("{{literal}}/{period}", {"period": "2025Q2"}) == "{literal}/2025Q2"
    assert fill_template("odd}", {}) == "odd}"
    with pytest.raises(ParameterError, match=r"\{month\}.*use one of \{period\}"):
        fill_template("data/{month}.csv", {"period": "2025-06"}, parameter="responses_path")


# --- parameters, checked before any kernel --------------------------------------------------------

def test_the_parameters_cell_gives_names_types_defaults_and_help():
    study = read_study(FIXTURES / "10-tiny.ipynb")
    assert study.name == "10-tiny" and study.short_name == "tiny" and study.title == "Tiny fixture study"
    assert {n: p.type for n, p in study.parameters.items()} == \
        {"period": "str", "n": "int", "scale": "float", "flag": "bool", "data_path": "str"}
    assert study.parameters["n"].default == 3 and study.parameters["n"].help == "rows in the table"
    assert study.valid_parameters() == VALID


def test_annotations_none_and_expressions(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        'n: float = 3  # annotated\n'
        'responses_path = None  # a file, or None for the bundled sample\n'
        'targets = {"nps": 30,\n'
        '           "csat": 0.8}  # per metric\n'
        'regions = ["North", "South"]\n'
        'min_n = config.MIN_N_PRIVACY  # an expression\n'
        'label = "a # not a comment"\n'
        'for_loop_ignored = [x for x in range(3)]\n',
        metadata={"tags": ["parameters"]})])
    path = tmp_path / "01-typed.ipynb"
    nbformat.write(nb, path)
    study = read_study(path)
    p = study.parameters
    assert (p["n"].type, p["n"].default) == ("float", 3)
    assert p["responses_path"].type == "any"
    assert p["responses_path"].help == "a file, or None for the bundled sample"
    assert (p["targets"].type, p["targets"].help) == ("dict", "per metric")
    assert p["regions"].type == "list"
    assert p["min_n"].type == "any" and not p["min_n"].has_literal_default
    assert p["label"].default == "a # not a comment" and p["label"].help == ""
    prepared = prepare_parameters(study, text={"n": "4", "targets": "{nps: 35}", "regions": "[North]",
                                               "responses_path": "data/raw/x.csv", "min_n": "20"})
    assert prepared.injected == {"n": 4.0, "targets": {"nps": 35}, "regions": ["North"],
                                 "responses_path": "data/raw/x.csv", "min_n": 20}
    assert prepare_parameters(study, text={"responses_path": "null"}).injected == {"responses_path": None}
    with pytest.raises(ParameterError, match="expects dict"):
        prepare_parameters(study, text={"targets": "[1, 2]"})


@pytest.mark.parametrize("name, text, expected", [
    ("n", "5", 5), ("n", " 12 ", 12), ("scale", "2", 2.0), ("scale", "0.25", 0.25),
    ("flag", "true", True), ("flag", "Yes", True), ("flag", "1", True), ("flag", "no", False),
    ("flag", "0", False), ("flag", "FALSE", False), ("period", "2025-07", "2025-07"),
    ("period", "last complete month", "2025-06"), ("data_path", "inputs/x.csv", "inputs/x.csv"),
])
def test_command_line_text_is_converted_by_the_defaults_type(name, text, expected):
    study = read_study(FIXTURES / "10-tiny.ipynb")
    prepared = prepare_parameters(study, text={name: text}, as_of="2025-07-15")
    assert prepared.injected == {name: expected}
    assert type(prepared.injected[name]) is type(expected)
    assert prepared.effective[name] == expected and prepared.effective["scale"] == \
        (expected if name == "scale" else 1.5)


@pytest.mark.parametrize("given, text, pattern", [
    ({}, {"nn": "3"}, r"parameter 'nn': 10-tiny has no such parameter"),
    ({}, {"n": "three"}, r"parameter 'n': 10-tiny expects int \(a whole number\) \(value 'three'\)"),
    ({}, {"n": "2.5"}, r"parameter 'n': 10-tiny expects int"),
    ({}, {"scale": "big"}, r"parameter 'scale': 10-tiny expects float"),
    ({}, {"flag": "maybe"}, r"parameter 'flag': 10-tiny expects bool \(true or false\)"),
    ({"n": True}, {}, r"parameter 'n': 10-tiny expects int"),
    ({"flag": 1}, {}, r"parameter 'flag': 10-tiny expects bool"),
    ({"period": 2025}, {}, r"parameter 'period': 10-tiny expects str"),
    ({"data_path": "inputs/{month}.csv"}, {}, r"the template names \{month\}"),
])
def test_a_bad_parameter_fails_in_one_line_listing_the_valid_ones(given, text, pattern):
    study = read_study(FIXTURES / "10-tiny.ipynb")
    with pytest.raises(ParameterError) as caught:
        prepare_parameters(study, given, text=text)
    message = str(caught.value)
    assert re.search(pattern, message) and "\n" not in message
    if "template" not in pattern:
        assert message.endswith(f"valid parameters of 10-tiny: {VALID}")


def test_yaml_values_are_checked_and_lightly_converted():
    study = read_study(FIXTURES / "10-tiny.ipynb")
    prepared = prepare_parameters(study, {"scale": 2, "n": "4", "period": date(2025, 6, 1), "flag": "yes"})
    assert prepared.injected == {"scale": 2.0, "n": 4, "period": "2025-06-01", "flag": True}


def test_null_is_none_for_every_parameter():
    # notebooks take None as "not given" (e.g. customer_months_path = None drops the churn KPIs)
    study = read_study(FIXTURES / "10-tiny.ipynb")
    assert prepare_parameters(study, {"data_path": None}).injected == {"data_path": None}
    assert prepare_parameters(study, text={"data_path": "null", "n": "None"}).injected == \
        {"data_path": None, "n": None}


def test_a_bad_parameter_stops_the_run_before_any_kernel_starts(project, monkeypatch):
    def no_kernel(*args, **kwargs):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr("papermill.execute_notebook", no_kernel)
    for text in ({"nn": "1"}, {"n": "x"}):
        start = time.perf_counter()
        with pytest.raises(ParameterError, match=re.escape(VALID)):
            runner.run_study("tiny", text_parameters=text, project_root=project)
        assert time.perf_counter() - start < 1.0
    with pytest.raises(ParameterError, match="no such study.*10-tiny, 20-broken, 30-slow"):
        runner.run_study("nope", project_root=project)
    assert not (project / "reports").exists()  # no run folder, no tmp folder, no log line


def test_studies_are_found_by_stem_or_name_without_number(project):
    notebooks = project / "notebooks"
    assert find_study("tiny", notebooks).name == "10-tiny"
    assert find_study("10-tiny", notebooks).name == "10-tiny"
    assert find_study("10-tiny.ipynb", notebooks).name == "10-tiny"
    shutil.copy(notebooks / "10-tiny.ipynb", notebooks / "11-tiny.ipynb")
    with pytest.raises(ParameterError, match="more than one.*10-tiny, 11-tiny"):
        find_study("tiny", notebooks)


# --- inputs, the log, interrupted runs (no kernel) ------------------------------------------------

def test_inputs_are_the_notebook_and_every_parameter_naming_a_file_or_folder(project):
    study = find_study("tiny", project / "notebooks")
    (project / "inputs" / "more").mkdir()
    (project / "inputs" / "more" / "a.csv").write_text("1\n")
    params = {"data_path": "inputs/tiny.csv", "folder": "inputs/more", "period": "2025-06", "dot": ".",
              "missing": "inputs/none.csv", "n": 3}
    first = runner.fingerprint_inputs(study, params, project)
    assert [i["path"] for i in first] == ["notebooks/10-tiny.ipynb", "inputs/tiny.csv", "inputs/more"]
    assert all(re.fullmatch(r"[0-9a-f]{64}", i["sha256"]) for i in first)
    (project / "inputs" / "more" / "a.csv").write_text("2\n")
    second = runner.fingerprint_inputs(study, params, project)
    assert second[:2] == first[:2] and second[2] != first[2]
    # a parameter listing several files (joined by the study) fingerprints each of them
    listed = runner.fingerprint_inputs(study, {"files": ["inputs/tiny.csv", "inputs/more/a.csv", "x"]}, project)
    assert [(i.get("parameter"), i["path"]) for i in listed[1:]] == [("files", "inputs/tiny.csv"),
                                                                      ("files", "inputs/more/a.csv")]


def test_a_run_folder_left_by_a_dead_process_is_moved_to_failed_and_logged(project):
    reports = project / "reports"
    study_dir = reports / "10-tiny"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    for run_id, pid in (("20250101-000000-aaaaaa", dead.pid), ("20250101-000000-bbbbbb", os.getpid())):
        folder = study_dir / f".tmp-{run_id}"
        folder.mkdir(parents=True)
        (folder / ".owner").write_text(json.dumps({"pid": pid, "host": socket.gethostname(),
                                                   "record": {"study": "10-tiny", "id": run_id}}))
    moved = runner.collect_interrupted(study_dir, reports, project)
    assert moved == [study_dir / "failed" / "20250101-000000-aaaaaa"]
    assert (study_dir / ".tmp-20250101-000000-bbbbbb").is_dir()  # its process (this one) is alive
    [line] = log(project)
    assert line["status"] == "failed" and line["error"].startswith("Interrupted")
    assert line["run_dir"] == "reports/10-tiny/failed/20250101-000000-aaaaaa"


def test_log_lines_from_many_threads_never_interleave(tmp_path):
    records = [{"study": f"s{i}", "payload": "x" * 5000} for i in range(40)]
    threads = [threading.Thread(target=runner.append_log, args=(tmp_path, r)) for r in records]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lines = (tmp_path / "runs.jsonl").read_text().splitlines()
    assert sorted(json.loads(line)["study"] for line in lines) == sorted(r["study"] for r in records)


# --- studies.yml and cron (no kernel) -------------------------------------------------------------

@pytest.mark.parametrize("expression", ["0 6 * * 1", "*/15 * * * *", "0 6 2 * *", "30 5 1-7 jan,jul mon-fri",
                                        "0 0 * * 7", "@daily", "  0  6 * *   1 "])
def test_valid_cron_expressions(expression):
    assert check_cron(expression) == " ".join(expression.split())


@pytest.mark.parametrize("expression, pattern", [
    ("0 6 * *", "has 5 fields, this one has 4"), ("60 6 * * *", "minute field '60'"),
    ("0 24 * * *", "hour field"), ("0 6 0 * *", "day of month field"), ("0 6 * 13 *", "month field"),
    ("0 6 * * 8", "day of week field"), ("0 6 * * */0", "day of week field"), ("daily", "has 5 fields"),
    ("0 6-2 * * *", "hour field"), ("", "must be a cron expression"),
])
def test_invalid_cron_expressions_are_one_line(expression, pattern):
    with pytest.raises(ParameterError, match=pattern) as caught:
        check_cron(expression, where="runs.x.schedule")
    assert "\n" not in str(caught.value) and "runs.x.schedule" in str(caught.value)


@pytest.mark.parametrize("text, pattern", [
    ("runs:\n  a:\n    study: tiny\n    schedule: '0 6 * *'\n",
     r"studies.yml, parameter 'runs.a.schedule': .*5 fields"),
    ("runs:\n  a:\n    study: tiny\n    shedule: '0 6 * * *'\n", r"unknown key 'shedule'"),
    ("runs:\n  a:\n    parameters: {}\n", r"needs at least 'study:'"),
    ("runs:\n  a:\n    study: tiny\n   bad: [\n", r"not valid YAML at line"),
    ("- a\n- b\n", r"expected one mapping 'runs:'"),
    ("runs:\n  a b:\n    study: tiny\n", r"run name must be"),
    ("runs:\n  a:\n    study: tiny\n    demo: maybe\n", r"demo must be true or false"),
])
def test_studies_yml_mistakes_are_one_line(tmp_path, text, pattern):
    path = tmp_path / "studies.yml"
    path.write_text(text)
    with pytest.raises(ParameterError, match=pattern) as caught:
        load_named_runs(path)
    assert "\n" not in str(caught.value)


def test_crontab_lines_cd_to_the_project_and_run_one_named_run(tmp_path):
    path = tmp_path / "studies.yml"
    path.write_text("runs:\n  weekly:\n    study: tiny\n    schedule: '0 6 * * 1'\n"
                    "  adhoc:\n    study: broken\n")
    lines = crontab_lines(load_named_runs(path), project_root=tmp_path, config_path=path)
    [line] = [line for line in lines if not line.startswith("#")]
    assert re.fullmatch(rf"0 6 \* \* 1 cd {re.escape(str(tmp_path))} && \S+ run-all --only weekly "
                        r">> reports/cron\.log 2>&1", line)
    assert "# adhoc: no schedule" in "\n".join(lines)


# --- the index (no kernel) ------------------------------------------------------------------------

@pytest.mark.parametrize("value, unit, text", [
    (0.2534, "share", "25.3%"), (25.34, "%", "25.3%"), (1234567.8, "EUR", "€1,234,568"), (12.5, "EUR", "€12.50"),
    (-2500, "currency", "-€2,500"), (99.9, "USD", "$99.90"), (22.34, "points", "22.3 pts"),
    (-3.0, "points", "-3.0 pts"), (4.213, "score 1-5", "4.21 (score 1-5)"), (12702, "", "12,702"),
    (12702, "customers", "12,702 customers"), (None, "share", "n/a"), (float("nan"), "", "n/a"),
    (True, "", "yes"), ("2025Q2", "", "2025Q2"), (1534.6, "", "1,535"), (31.44, "days", "31.4 days"),
])
def test_headline_numbers_are_formatted_for_people(value, unit, text):
    assert format_value(value, unit) == text


def test_the_index_escapes_text_and_fetches_nothing(tmp_path):
    run_dir = tmp_path / "10-tiny" / "20250101-000000-abcdef"
    run_dir.mkdir(parents=True)
    (run_dir / "run.json").write_text(json.dumps({"start": "2025-01-01T00:00:00+00:00", "given": {}}))
    (run_dir / "results.json").write_text(json.dumps({"results": [
        {"name": "x", "value": 0.5, "unit": "share", "label": "<script>alert(1)</script>"}]}))
    (tmp_path / "10-tiny" / "LATEST").write_text("20250101-000000-abcdef\n")
    page = write_index(tmp_path).read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script" not in page
    assert "50.0%" in page and not re.search(r"(src|href)=\"https?://", page)


# --- real runs (papermill on the cxresearch kernel) -----------------------------------------------

@pytest.fixture(scope="module")
def good_run(tmp_path_factory):
    """One complete run of the tiny study, with report.html."""
    root = make_project(tmp_path_factory.mktemp("good") / "project")
    before = os.environ.get("CXRESEARCH_RUN_DIR")
    result = runner.run_study("tiny", text_parameters={"n": "4"}, project_root=root)
    assert os.environ.get("CXRESEARCH_RUN_DIR") == before  # this process's environment is untouched
    return root, result


@pytest.mark.notebook
def test_a_good_run_writes_a_complete_run_folder(good_run):
    root, result = good_run
    assert result.status == "ok", result.message
    folder = result.run_dir
    assert folder.parent == root / "reports" / "10-tiny"
    assert re.fullmatch(r"\d{8}-\d{6}-[0-9a-f]{6}", folder.name)
    for name in ("notebook.ipynb", "report.html", "results.json", "run.json", "tables/rows.csv"):
        assert (folder / name).is_file(), name
    assert not list(folder.parent.glob(".tmp-*")) and not (folder / ".owner").exists()
    results = json.loads((folder / "results.json").read_text())
    total = {r["name"]: r for r in results["results"]}["total"]
    assert (total["value"], total["unit"], total["label"], total["n"]) == (6000.0, "EUR", "Total, 2025-06", 4)
    # the kernel ran in the project root
    executed = nbformat.read(folder / "notebook.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    assert f"FIXTURE_OUTPUT total=6,000 lines=2 cwd={root}" in printed
    run = json.loads((folder / "run.json").read_text())
    assert run["status"] == "ok" and run["parameters"]["n"] == 4 and run["given"] == {"n": "4"}
    assert run["notebook"] == "notebooks/10-tiny.ipynb" and run["kernel"] == config.KERNEL_NAME


@pytest.mark.notebook
def test_latest_points_at_the_good_run(good_run):
    root, result = good_run
    study_dir = root / "reports" / "10-tiny"
    assert os.readlink(study_dir / "latest") == result.run_dir.name  # relative
    assert (study_dir / "latest" / "results.json").is_file()
    assert (study_dir / "LATEST").read_text().strip() == result.run_dir.name


@pytest.mark.notebook
def test_the_run_log_gets_one_complete_line(good_run):
    root, result = good_run
    [line] = [r for r in log(root) if r.get("id") == result.run_dir.name]
    assert {"name", "study", "parameters", "start", "duration_s", "status", "inputs", "version",
            "run_dir"} <= set(line)
    assert line["status"] == "ok" and line["study"] == "10-tiny" and line["duration_s"] > 0
    assert line["run_dir"] == f"reports/10-tiny/{result.run_dir.name}"
    assert line["parameters"] == {"period": "2025-06", "n": 4, "scale": 1.5, "flag": False,
                                  "data_path": "inputs/tiny.csv"}
    assert [i["path"] for i in line["inputs"]] == ["notebooks/10-tiny.ipynb", "inputs/tiny.csv"]
    assert line["version"] == runner.__version__


@pytest.mark.notebook
def test_the_index_lists_the_latest_good_run_with_its_numbers(good_run):
    root, result = good_run
    page = (root / "reports" / "index.html").read_text()
    assert "10-tiny" in page and "Total, 2025-06" in page and "€6,000" in page and "€5,400 to €6,600" in page
    assert "25.3%" in page
    assert f'href="10-tiny/{result.run_dir.name}/report.html"' in page
    assert f'href="10-tiny/{result.run_dir.name}/notebook.ipynb"' in page
    assert not re.search(r"<(script|link)\b", page)


@pytest.mark.notebook
def test_report_html_has_no_code_and_reads_offline(good_run):
    _, result = good_run
    page = (result.run_dir / "report.html").read_text()
    assert "FIXTURE_NARRATIVE" in page and "FIXTURE_OUTPUT total=6,000" in page
    assert "SOURCE_MARKER" not in page and "reporting.record" not in page and "import pandas" not in page
    for tag in re.findall(r"<(?:script|link)\b[^>]*>", page, flags=re.I):
        assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", tag, flags=re.I), tag
    assert not re.search(r"@import|url\(\s*[\"']?(?:https?:)?//|import\(\s*[\"']https?:", page, flags=re.I)
    assert "cdnjs" not in page and "unpkg" not in page and "cdn.jsdelivr" not in page
    assert "http://" not in page and "https://" not in page  # not even in the template's CSS comments


@pytest.mark.notebook
def test_unchanged_inputs_are_skipped_unless_forced(project):
    first = runner.run_study("tiny", project_root=project, html=False)
    assert first.status == "ok"
    start = time.perf_counter()
    skipped = runner.run_study("tiny", project_root=project, html=False)
    assert skipped.status == "skipped" and time.perf_counter() - start < 1.0
    assert skipped.run_dir == first.run_dir and "unchanged" in skipped.message
    (project / "inputs" / "tiny.csv").write_text("a\nb\nc\n")
    changed = runner.run_study("tiny", project_root=project, html=False)
    assert changed.status == "ok" and changed.run_dir != first.run_dir
    assert runner.run_study("tiny", project_root=project, html=False).status == "skipped"
    assert runner.run_study("tiny", text_parameters={"n": "5"}, project_root=project, html=False).status == "ok"
    forced = runner.run_study("tiny", project_root=project, html=False, force=True)
    assert forced.status == "ok" and forced.run_dir not in (first.run_dir, changed.run_dir)
    assert [r["status"] for r in log(project)] == ["ok", "skipped", "ok", "skipped", "ok", "ok"]
    assert (project / "reports" / "10-tiny" / "LATEST").read_text().strip() == forced.run_dir.name
    assert not (forced.run_dir / "report.html").exists()


@pytest.mark.notebook
def test_a_failing_notebook_leaves_the_last_good_run_untouched(project, monkeypatch, capsys):
    from cxresearch import cli

    good = runner.run_study("broken", {"fail": False}, project_root=project, html=False)
    assert good.status == "ok"
    study_dir = project / "reports" / "20-broken"
    before = files_of(good.run_dir)
    for name, value in (("PROJECT_ROOT", project), ("NOTEBOOKS_DIR", project / "notebooks"),
                        ("REPORTS_DIR", project / "reports")):
        monkeypatch.setattr(config, name, value)
    capsys.readouterr()
    assert cli.main(["run", "broken", "-p", "fail", "yes", "--no-html"]) == 1  # its "=" in a comment: no warning
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and "Traceback" not in err + out
    assert re.match(r"cxresearch: run failed: 20-broken, cell 4: DataValidationError: inputs/scores\.csv, "
                    r"column 'nps': NPS score out of range \(value 12\)\. Fix: keep NPS between 0 and 10 "
                    r"\(executed notebook: reports/20-broken/failed/\S+/notebook\.ipynb\)$", err)
    assert os.readlink(study_dir / "latest") == good.run_dir.name
    assert (study_dir / "LATEST").read_text().strip() == good.run_dir.name
    assert files_of(good.run_dir) == before
    [failed] = (study_dir / "failed").iterdir()
    executed = nbformat.read(failed / "notebook.ipynb", as_version=4)
    assert executed.metadata.papermill.exception is True
    assert json.loads((failed / "run.json").read_text())["status"] == "failed"
    line = log(project)[-1]
    assert (line["status"], line["cell"]) == ("failed", 4)
    assert line["error"].startswith("DataValidationError: inputs/scores.csv, column 'nps'")
    assert line["run_dir"] == f"reports/20-broken/failed/{failed.name}"
    page = (project / "reports" / "index.html").read_text()
    assert "failed, cell 4: DataValidationError" in page and "before_failure" in page


def _children(pid: int) -> list[int]:
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


@pytest.mark.notebook
@pytest.mark.skipif(not Path("/proc").is_dir() or not SCRIPT.exists(), reason="needs /proc and the console script")
def test_a_killed_run_leaves_only_a_tmp_folder_and_never_a_damaged_latest(project):
    good = runner.run_study("slow", {"seconds": 0}, project_root=project, html=False)
    study_dir = project / "reports" / "30-slow"
    before = files_of(good.run_dir)
    lines_before = len(log(project))
    env = dict(os.environ, CXRESEARCH_HOME=str(project))
    proc = subprocess.Popen([str(SCRIPT), "run", "slow", "-p", "seconds", "60", "--no-html"], cwd=project, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    kernels = []
    try:
        deadline = time.monotonic() + 30
        while not list(study_dir.glob(".tmp-*/results.json")):  # the notebook is inside its sleep
            assert time.monotonic() < deadline and proc.poll() is None, "the run never started"
            time.sleep(0.1)
        kernels = _children(proc.pid)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        for pid in kernels:  # the kernel notices its parent is gone within a second or so
            for _ in range(50):
                if not Path(f"/proc/{pid}").exists():
                    break
                time.sleep(0.1)
            else:
                os.kill(pid, signal.SIGKILL)
    [tmp] = study_dir.glob(".tmp-*")
    assert sorted(p.name for p in study_dir.iterdir() if not p.name.startswith(".")) == \
        sorted([good.run_dir.name, "LATEST", "latest"])
    assert os.readlink(study_dir / "latest") == good.run_dir.name and files_of(good.run_dir) == before
    assert len(log(project)) == lines_before  # a killed run could not log itself
    # the next run of the study files the interrupted one under failed/ and logs it
    assert runner.run_study("slow", {"seconds": 0}, project_root=project, html=False).status == "skipped"
    assert not list(study_dir.glob(".tmp-*"))
    assert (study_dir / "failed" / tmp.name[len(".tmp-"):] / "notebook.ipynb").is_file()
    interrupted = [r for r in log(project) if r.get("error", "").startswith("Interrupted")]
    assert len(interrupted) == 1 and interrupted[0]["parameters"]["seconds"] == 60.0


@pytest.mark.notebook
def test_two_runs_of_the_same_study_at_once_both_complete(project):
    results = {}

    def run(n):
        results[n] = runner.run_study("tiny", text_parameters={"n": str(n)}, project_root=project, html=False)

    threads = [threading.Thread(target=run, args=(n,)) for n in (5, 6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {n: r.status for n, r in results.items()} == {5: "ok", 6: "ok"}
    assert results[5].run_dir != results[6].run_dir
    for n, result in results.items():  # each kernel wrote into its own run folder
        total = json.loads((result.run_dir / "results.json").read_text())["results"][0]
        assert total["value"] == n * 1500.0
    study_dir = project / "reports" / "10-tiny"
    assert not list(study_dir.glob(".tmp-*"))
    assert (study_dir / "LATEST").read_text().strip() in {r.run_dir.name for r in results.values()}
    assert sorted(r["parameters"]["n"] for r in log(project)) == [5, 6]


@pytest.mark.notebook
def test_run_all_goes_on_after_failures_with_periods_and_templates(project, monkeypatch, capsys):
    from cxresearch import cli

    (project / "inputs" / "2025-06").mkdir()
    (project / "inputs" / "2025-06" / "tiny.csv").write_text("x\ny\nz\n")
    (project / "studies.yml").write_text(
        "runs:\n"
        "  broken:\n    study: broken\n"
        "  misspelt:\n    study: tiny\n    parameters: {nn: 3}\n"
        "  tiny-monthly:\n    study: tiny\n    schedule: '0 6 2 * *'\n    parameters:\n"
        "      period: last complete month\n      data_path: inputs/{period}/tiny.csv\n")
    for name, value in (("PROJECT_ROOT", project), ("NOTEBOOKS_DIR", project / "notebooks"),
                        ("REPORTS_DIR", project / "reports")):
        monkeypatch.setattr(config, name, value)
    assert cli.main(["run-all", "--as-of", "2025-07-15", "--no-html"]) == 1
    out, err = capsys.readouterr()
    assert "run failed: 20-broken, cell 4" in err and "nn" in err and "tiny-monthly ok" in out
    assert "3 runs: 1 ok, 0 skipped, 2 failed" in out
    lines = log(project)
    assert [(r["name"], r["status"]) for r in lines] == [("broken", "failed"), ("misspelt", "failed"),
                                                         ("tiny-monthly", "ok")]
    monthly = lines[-1]
    assert monthly["parameters"]["period"] == "2025-06"
    assert monthly["parameters"]["data_path"] == "inputs/2025-06/tiny.csv"
    assert monthly["as_of"] == "2025-07-15" and monthly["given"]["period"] == "last complete month"
    results = json.loads((project / monthly["run_dir"] / "results.json").read_text())["results"]
    assert {r["name"]: r["value"] for r in results}["lines"] == 3
    assert {r["name"]: r["label"] for r in results}["total"] == "Total, 2025-06"
    # --only runs one named run; a month later it is a new period, so a new run
    assert cli.main(["run-all", "--only", "tiny-monthly", "--as-of", "2025-07-20", "--no-html"]) == 0
    assert "skipped tiny-monthly" in capsys.readouterr().out
    (project / "inputs" / "2025-07").mkdir()
    (project / "inputs" / "2025-07" / "tiny.csv").write_text("x\n")
    assert cli.main(["run-all", "--only", "tiny-monthly", "--as-of", "2025-08-03", "--no-html"]) == 0
    assert log(project)[-1]["parameters"]["period"] == "2025-07" and log(project)[-1]["status"] == "ok"
