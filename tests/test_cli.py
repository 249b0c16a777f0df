"""The command line: thin, helpful, and never a traceback for a user's mistake."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cxresearch import cli, config
from cxresearch.exceptions import DataFileError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "notebooks"
COMMANDS = ["list", "run", "run-all", "schedule", "demo"]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A temporary project holding the tiny fixture study; config points at it."""
    root = tmp_path / "project"
    (root / "notebooks").mkdir(parents=True)
    shutil.copy(FIXTURES / "10-tiny.ipynb", root / "notebooks")
    (root / "inputs").mkdir()
    (root / "inputs" / "tiny.csv").write_text("a\nb\n")
    for name, value in (("PROJECT_ROOT", root), ("NOTEBOOKS_DIR", root / "notebooks"),
                        ("REPORTS_DIR", root / "reports")):
        monkeypatch.setattr(config, name, value)
    return root


@pytest.mark.notebook
def test_demo_runs_every_study_prints_its_headline_numbers_and_says_where_the_reports_are(project, capsys):
    assert cli.main(["demo", "--no-html"]) == 0
    out = capsys.readouterr().out
    assert "Maison Verde (bundled sample): 101,075 survey answers" in out
    assert "Running 1 study on the bundled sample" in out and "10-tiny ok in" in out
    assert "Total, 2025-06" in out and "€4,500" in out
    assert f"Reports: {project / 'reports' / 'index.html'}" in out
    assert (project / "reports" / "10-tiny" / "latest" / "results.json").is_file()
    # a second demo finds nothing changed and is quick; --force runs again
    assert cli.main(["demo", "--no-html"]) == 0
    assert "skipped 10-tiny: inputs unchanged" in capsys.readouterr().out


def test_demo_runs_the_demo_runs_of_studies_yml_and_every_other_study(project):
    from cxresearch.runner import demo_runs

    shutil.copy(FIXTURES / "20-broken.ipynb", project / "notebooks")
    (project / "studies.yml").write_text("runs:\n  tiny-big:\n    study: tiny\n    demo: true\n"
                                         "    parameters: {n: 9}\n  tiny-hidden:\n    study: tiny\n")
    runs = demo_runs()
    assert [(r.name, r.study, r.parameters) for r in runs] == [("tiny-big", "tiny", {"n": 9}),
                                                               ("20-broken", "20-broken", {})]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as done:
        cli.main([command, "--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: cxresearch {command}")


def test_list_shows_each_study_with_parameter_types_defaults_and_help(project, capsys):
    (project / "studies.yml").write_text("runs:\n  tiny-weekly:\n    study: tiny\n    schedule: '0 6 * * 1'\n")
    assert cli.main(["list"]) == 0
    out = capsys.readouterr().out
    assert "10-tiny  (or tiny)  Tiny fixture study" in out
    assert re.search(r"^  n +int +  = 3\n +rows in the table$", out, flags=re.M)
    assert re.search(r'^  period +str +  = "2025-06"\n +the month to report, YYYY-MM$', out, flags=re.M)
    assert re.search(r"^  flag +bool +  = False\n +mark the total as on target$", out, flags=re.M)
    assert re.search(r"^  tiny-weekly +tiny +0 6 \* \* 1", out, flags=re.M)
    assert "last complete month" in out


def test_schedule_prints_crontab_lines_and_checks_everything_first(project, capsys):
    (project / "studies.yml").write_text("runs:\n  tiny-weekly:\n    study: tiny\n    schedule: '0 6 * * 1'\n"
                                         "    parameters: {period: last complete week}\n")
    assert cli.main(["schedule"]) == 0
    out = capsys.readouterr().out
    [line] = [line for line in out.splitlines() if not line.startswith("#")]
    assert line.startswith(f"0 6 * * 1 cd {project} && ")
    assert line.endswith("run-all --only tiny-weekly >> reports/cron.log 2>&1")
    (project / "studies.yml").write_text("runs:\n  tiny-weekly:\n    study: tiny\n    schedule: '0 6 * *'\n")
    assert cli.main(["schedule"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "5 fields, this one has 4" in err
    (project / "studies.yml").write_text("runs:\n  tiny-weekly:\n    study: tiny\n    schedule: '0 6 * * 1'\n"
                                         "    parameters: {n: lots}\n")
    assert cli.main(["schedule"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "named run 'tiny-weekly'" in err and "expects int" in err


def test_run_with_a_bad_parameter_is_one_line_and_starts_nothing(project, capsys):
    for argv, message in ((["run", "tiny", "-p", "nn", "3"], "parameter 'nn': 10-tiny has no such parameter"),
                          (["run", "tiny", "-p", "n", "many"], "parameter 'n': 10-tiny expects int"),
                          (["run", "cx-nothing"], "no such study")):
        assert cli.main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and message in err and "Traceback" not in err
        if "study" not in message:
            assert err.rstrip().endswith("period (str), n (int), scale (float), flag (bool), data_path (str)")
    assert not (project / "reports").exists()


def test_a_parameters_file_is_read_and_checked(project, capsys):
    (project / "params.yaml").write_text("n: [1, 2]\n")
    assert cli.main(["run", "tiny", "-f", str(project / "params.yaml")]) == 2
    assert "parameter 'n': 10-tiny expects int" in capsys.readouterr().err
    assert cli.main(["run", "tiny", "-f", str(project / "missing.yaml")]) == 2
    assert "missing.yaml: file not found" in capsys.readouterr().err


def test_run_all_without_studies_yml_or_with_an_unknown_name(project, capsys):
    assert cli.main(["run-all"]) == 2
    assert "studies.yml: no such file" in capsys.readouterr().err
    (project / "studies.yml").write_text("runs:\n  tiny-weekly:\n    study: tiny\n")
    assert cli.main(["run-all", "--only", "weekly"]) == 2
    assert "no such named run (value 'weekly'). Fix: use one of: tiny-weekly" in capsys.readouterr().err


def test_no_command_shows_help_and_fails(capsys):
    assert cli.main([]) == 2
    assert "demo" in capsys.readouterr().out


def test_a_users_error_is_one_line_without_traceback(monkeypatch, capsys):
    def broken(name):
        raise DataFileError("file not found", file="data/sample/responses.parquet",
                            fix="run python -m cxresearch.sample")

    monkeypatch.setattr("cxresearch.datasets.read_dataset", broken)
    assert cli.main(["demo"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "responses.parquet" in err and "Traceback" not in err


def test_the_installed_console_script_runs():
    script = Path(sys.executable).parent / "cxresearch"
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("cxresearch ")
