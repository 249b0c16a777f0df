"""Publishing without a browser: run folders read or refused, the gallery, the page's lookups, sign-in, offline HTML.

The browser tests (test_browser_reports.py) check what a person sees; these
check the pieces underneath on small hand-made run folders, plus the static
report.html of every real study run.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cxresearch.cli import build_parser
from cxresearch.exceptions import DataFileError, ParameterError
from cxresearch.index import format_value
from cxresearch.publishing import page, runs, server
from cxresearch.publishing.gallery import gallery_html
from cxresearch.reporting import record, record_cube

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4e90000000049454e44ae426082")


def make_run(reports: Path, study: str = "05-store-pulse", monkeypatch=None) -> Path:
    """A small good run as the runner files it: run folder, run.json, results.json, a figure, a cube, LATEST."""
    import pandas as pd

    folder = reports / study / "20250701-060000-abc123"
    (folder / "figures").mkdir(parents=True)
    (folder / "figures" / "trend.png").write_bytes(PNG)
    monkeypatch.setenv("CXRESEARCH_RUN_DIR", str(folder))
    record("nps", 22.34, unit="points", label="NPS, June 2025", ci_low=20.9, ci_high=23.8, n=12702)
    record("revenue", 1234567.8, unit="EUR", label="Revenue")
    answers = pd.DataFrame({"segment": ["Gold"] * 30 + ["Silver"] * 30 + ["Bronze"] * 4,
                            "nps": [10, 9, 5] * 10 + [10, 5, 5] * 10 + [0] * 4})
    record_cube(answers, "nps_filters", filters=["segment"], caption="NPS by segment")
    content = json.loads((folder / "results.json").read_text())
    content["figures"] = [{"name": "trend", "path": "figures/trend.png", "alt": "NPS rose from 18 to 22"}]
    (folder / "results.json").write_text(json.dumps(content))
    (folder / "run.json").write_text(json.dumps({"start": "2025-07-01T06:00:00+00:00", "status": "ok"}))
    (reports / study / "LATEST").write_text(folder.name + "\n")
    return folder


@pytest.fixture
def reports(tmp_path, monkeypatch):
    folder = tmp_path / "reports"
    make_run(folder, monkeypatch=monkeypatch)
    return folder


def test_a_good_run_is_read_with_everything_it_lists(reports):
    run = runs.load_run("05-store-pulse", reports)
    assert run.title == "Store pulse" and run.date == "2025-07-01 06:00"
    assert [r["name"] for r in run.results] == ["nps", "revenue"]
    cube = runs.read_cube(run, run.cubes[0])
    assert cube.filters == ["segment"] and cube.values["segment"] == ["Bronze", "Gold", "Silver"]
    assert cube.lookup({"segment": "Silver"})[0]["nps"] == pytest.approx(100 * (10 - 20) / 30, abs=0.005)
    # Bronze has 4 answers; Gold goes too, or All minus Silver would give Bronze away
    assert cube.lookup({"segment": "Bronze"})[0]["withheld"] and cube.lookup({"segment": "Gold"})[0]["withheld"]


@pytest.mark.parametrize("damage, problem", [
    (lambda f: (f / "results.json").write_text("{not json"), "unreadable"),
    (lambda f: (f / "tables" / "nps_filters.csv").unlink(), "a cube listed in results.json is missing"),
    (lambda f: (f / "figures" / "trend.png").unlink(), "a figure listed in results.json is missing"),
    (lambda f: (f / "run.json").unlink(), "file not found"),
    (lambda f: (f.parent / "LATEST").write_text("20990101-000000-gone00\n"), "folder is missing"),
])
def test_a_damaged_run_is_one_line_naming_the_file(reports, damage, problem):
    folder = next((reports / "05-store-pulse").glob("2025*"))
    damage(folder)
    with pytest.raises(DataFileError, match=problem) as caught:
        runs.load_run("05-store-pulse", reports)
    assert "\n" not in str(caught.value) and "cxresearch run 05-store-pulse" in str(caught.value)


def test_a_damaged_cube_file_is_refused(reports):
    folder = next((reports / "05-store-pulse").glob("2025*"))
    (folder / "tables" / "nps_filters.csv").write_text("region,n\nAll,3\n")
    run = runs.load_run("05-store-pulse", reports)
    with pytest.raises(DataFileError, match="column 'segment'"):
        runs.read_cube(run, run.cubes[0])


def test_unknown_or_malformed_study_names_are_refused(reports):
    for name in ("nope", "../reports", "", None):
        with pytest.raises(ParameterError, match="no published report"):
            runs.load_run(name, reports)


def test_gallery_lists_every_study_with_numbers_and_survives_a_broken_one(reports, monkeypatch):
    make_run(reports, "06-new-study", monkeypatch)  # a study added later: no configuration anywhere
    (reports / "07-broken").mkdir()
    (reports / "07-broken" / "LATEST").write_text("20250101-000000-aaaaaa\n")
    html = gallery_html(reports)
    for study in ("05-store-pulse", "06-new-study", "07-broken"):
        assert f'data-study="{study}"' in html
    assert html.count(format_value(22.34, "points")) == 2 and "€1,234,568" in html
    assert "This report is not available right now" in html and "<script" not in html


def test_the_page_shows_numbers_from_the_run_and_suppressed_cells_as_words(reports):
    run = runs.load_run("05-store-pulse", reports)
    head, panel, figures = page.report_parts(run, {"segment": "Silver"})
    assert "22.3 pts" in head and "20.9 to 23.8 pts" in head and "n = 12,702" in head
    assert panel.controls["segment"].value == "Silver"
    assert format_value(100 * (10 - 20) / 30, "points") in panel.result.value
    assert "study=05-store-pulse&amp;segment=Silver" in panel.result.value
    panel.controls["segment"].value = "Bronze"
    assert "suppressed" in panel.result.value and "pts" not in panel.result.value
    assert 'alt="NPS rose from 18 to 22"' in figures and 'src="/report/05-store-pulse/figures/trend.png"' in figures


def test_an_unknown_filter_value_in_the_link_falls_back_to_all(reports):
    run = runs.load_run("05-store-pulse", reports)
    _, panel, _ = page.report_parts(run, {"segment": "Platinum"})
    assert panel.controls["segment"].value == "All"
    assert "segment=Platinum is not in this report" in panel.widget.children[0].value


def test_show_report_never_raises_and_never_shows_a_traceback(reports, monkeypatch, capsys):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    folder = next((reports / "05-store-pulse").glob("2025*"))
    (folder / "results.json").write_text("{")
    page.show_report("study=05-store-pulse", reports)
    page.show_report("study=does-not-exist", reports)
    texts = [obj.data for obj in shown]
    assert "This report is not available right now" in texts[0] and "There is no such report" in texts[1]
    assert not any("Traceback" in t or "results.json" in t for t in texts)


def test_sign_in_is_required_off_loopback_and_documented():
    assert "--Voila.token=" in server.server_arguments("site")
    with pytest.raises(ParameterError, match="needs sign-in"):
        server.server_arguments("site", host="0.0.0.0")
    args = server.server_arguments("site", host="0.0.0.0", token="s3cret")
    assert "--Voila.token=s3cret" in args and "--Voila.ip=0.0.0.0" in args
    assert "--VoilaConfiguration.show_tracebacks=False" in args
    parsed = build_parser().parse_args(["serve"])
    assert (parsed.host, parsed.port) == ("127.0.0.1", 8866)
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "cxresearch serve" in readme and "--token" in readme


def test_an_exposed_server_asks_for_sign_in(reports, tmp_path):
    """The real command on all addresses: nothing is served without the token, everything with it."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [str(Path(sys.executable).parent / "cxresearch"), "serve", "--host", "0.0.0.0", "--port", str(port),
               "--token", "s3cret-t0ken", "--reports", str(reports)]
    with open(tmp_path / "serve.log", "wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    opener = urllib.request.build_opener(type("NoRedirect", (urllib.request.HTTPRedirectHandler,),
                                              {"redirect_request": lambda *args, **kwargs: None}))
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                opener.open(base + "/?token=s3cret-t0ken", timeout=5)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                assert process.poll() is None, (tmp_path / "serve.log").read_text()
                time.sleep(0.2)
        for path in ("/", "/report/05-store-pulse", "/report/05-store-pulse/figures/trend.png",
                     "/voila/render/report.ipynb?study=05-store-pulse"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                opener.open(base + path, timeout=10)
            assert refused.value.code in (302, 403) and "/login" in refused.value.headers.get("Location", "/login")
        with opener.open(base + "/?token=s3cret-t0ken", timeout=10) as reply:
            assert reply.status == 200 and "Store pulse" in reply.read().decode()
        assert "s3cret-t0ken" not in (tmp_path / "serve.log").read_text()
    finally:
        process.terminate()
        process.wait(20)


class _Fetches(HTMLParser):
    """Every URL a page would fetch by itself: scripts, style sheets, images, frames, media, objects."""

    FETCHING = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src", "audio": "src",
                "video": "src", "embed": "src", "object": "data"}

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        wanted = self.FETCHING.get(tag)
        self.urls += [value for name, value in attrs if name == wanted and value]


@pytest.mark.notebook
def test_every_studys_static_report_fetches_nothing_from_the_internet(published_reports):
    for study in runs.published_studies(published_reports):
        run = runs.load_run(study, published_reports)
        text = (run.folder / "report.html").read_text(encoding="utf-8")
        parser = _Fetches()
        parser.feed(text)
        external = [u for u in parser.urls if re.match(r"^(?:https?:)?//", u.strip(), flags=re.I)]
        assert not external, (study, external[:3])
        css_urls = re.findall(r"(?:@import|url\()\s*[\"']?((?:https?:)?//[^\"') ]+)", text, flags=re.I)
        assert not css_urls, (study, css_urls[:3])
