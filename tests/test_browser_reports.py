"""What a stakeholder sees: the real ``cxresearch serve`` over real runs, in headless Chromium.

One server (the command itself, on a free loopback port) over a reports folder
holding a fresh good run of every study (``published_reports``, conftest), one
browser for the module. Expected numbers come from the run folders'
results.json and, for the filters, from ``cxresearch.nps`` on the raw sample
subset. Screenshots are saved in ``test-artifacts/browser/`` (printed at the
end of the run). Debian's Chromium is used (``python3 bootstrap.py test``
installs it); Playwright never downloads a browser.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import cxresearch as cx
from cxresearch.index import format_value
from cxresearch.publishing import runs

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: Page loads wait this long at most: a view that finds no preheated kernel starts one (several seconds).
WAIT_MS = 90_000
SCORECARD = "00-cx-scorecard"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _damage(reports: Path) -> dict:
    """Copies of the scorecard's run, each damaged in one way, published as studies of their own."""
    source = reports / SCORECARD
    damaged = {}
    harms = {"90-damaged-results": lambda run: (run / "results.json").write_text("{"),
             "91-damaged-cube": lambda run: (run / "tables" / "nps_filters.csv").write_text("x\n1\n")}
    for name, harm in harms.items():
        shutil.copytree(source, reports / name, symlinks=True)
        run_id = (reports / name / "LATEST").read_text().strip()
        harm(reports / name / run_id)
        damaged[name] = run_id
    return damaged


@pytest.fixture(scope="module")
def server(published_reports, tmp_path_factory):
    """The real command, ``cxresearch serve``, on a free loopback port; stopped after the module.

    It publishes a copy of the session's runs plus two damaged studies.
    """
    served = tmp_path_factory.mktemp("served") / "reports"
    shutil.copytree(published_reports, served, symlinks=True)
    _damage(served)
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    command = [str(Path(sys.executable).parent / "cxresearch"), "serve", "--port", str(port),
               "--reports", str(served)]
    with open(log, "wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT,
                                   env=dict(os.environ, PYTHONUNBUFFERED="1"))
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=5) as reply:
                if reply.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"cxresearch serve did not start: {log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.3)
    yield {"base": base, "log": log, "reports": served}
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `python3 bootstrap.py test` installs it "
                    "(apt-get install -y chromium), or deselect these tests with -m 'not browser'")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server, request, browser_artifacts):
    """A fresh page that records every request it makes; screenshot saved after the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    tab.requested = []
    tab.on("request", lambda r: tab.requested.append(r.url))
    yield tab
    tab.screenshot(path=str(browser_artifacts / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.fixture(scope="module")
def answers():
    responses = cx.read_dataset("responses")
    return responses.assign(period=responses["date"].dt.strftime("%Y-%m"))


def _open_report(page, server, study, query=""):
    page.goto(f"{server['base']}/report/{study}{query}")
    page.locator(".cx-card .value, .cx-unavailable").first.wait_for()
    return page


def _shows_no_code_and_no_traceback(page):
    text = page.locator("body").inner_text()
    assert "Traceback" not in text and "Error" not in text and "show_report" not in text
    assert "import " not in text and "get_query_string" not in text
    assert page.locator(".jp-InputArea:visible").count() == 0


def _dropdown(page, label):
    return page.locator(".widget-dropdown").filter(has_text=label).locator("select")


def _nps_shown(page):
    return page.locator('[data-cube="nps_filters"] [data-cx="value"]')


def _expected_nps(answers, **filters):
    subset = answers
    for column, value in filters.items():
        subset = subset[subset[column].astype(str) == value]
    return subset, format_value(cx.nps(subset, min_n_privacy=1)["nps"].iloc[0], "points")


def _published(server) -> list[str]:
    """Every study of the session's runs (a study added later included), not the damaged copies."""
    return [s for s in runs.published_studies(server["reports"]) if not s.startswith("9")]


def test_gallery_lists_every_study_with_its_headline_numbers_and_date(page, server):
    page.goto(server["base"] + "/")
    for study in _published(server):
        run = runs.load_run(study, server["reports"])
        card = page.locator(f'section[data-study="{study}"]')
        assert run.title in card.locator("h2").inner_text()
        assert run.date in card.inner_text()
        first = next(r for r in run.results if r.get("value") is not None)
        assert card.locator(f'[data-name="{first["name"]}"] .value').inner_text() == \
            format_value(first["value"], first.get("unit", ""))
    assert "not available right now" in page.locator('section[data-study="90-damaged-results"]').inner_text()
    assert all(url.startswith(server["base"]) for url in page.requested)


def test_each_report_shows_its_title_and_every_headline_number_without_code(page, server, browser_artifacts):
    studies = _published(server)
    assert {"00-cx-scorecard", "01-qualitative-coding", "02-persona-segmentation"} <= set(studies)
    for study in studies:
        _check_report(page, server, study)
        page.screenshot(path=str(browser_artifacts / f"report-{study}.png"), full_page=True)


def _check_report(page, server, study):
    run = runs.load_run(study, server["reports"])
    _open_report(page, server, study)
    assert page.locator("h1").first.inner_text() == run.title
    for entry in run.results:
        shown = page.locator(f'.cx-card[data-name="{entry["name"]}"] .value').inner_text()
        assert shown == format_value(entry.get("value"), entry.get("unit", "")), entry["name"]
    for figure in run.figures:
        assert page.locator(f'img[alt="{figure["alt"]}"]').count() == 1
    for cube in run.cubes:
        panel = page.locator(f'.cx-panel[data-cube="{cube["name"]}"]')
        panel.wait_for()
        assert panel.locator('[data-cx="value"]').count() == 1
    _shows_no_code_and_no_traceback(page)
    assert all(url.startswith(server["base"]) or url.startswith("data:") for url in page.requested), \
        [u for u in page.requested if not u.startswith(server["base"])][:3]


def test_changing_filters_shows_the_nps_of_that_subset_of_the_raw_answers(page, server, answers):
    _open_report(page, server, SCORECARD)
    _nps_shown(page).wait_for()
    subset, expected = _expected_nps(answers, segment="Gold", region="France", period="2025-06")
    assert len(subset) >= 50
    _dropdown(page, "Segment").select_option("Gold")
    _dropdown(page, "Region").select_option("France")
    _dropdown(page, "Period").select_option("2025-06")
    from playwright.sync_api import expect

    expect(_nps_shown(page)).to_have_text(expected)
    expect(page.locator('[data-cube="nps_filters"] [data-cx="n"]')).to_have_text(format_value(len(subset)))
    _, overall = _expected_nps(answers, segment="Gold")
    _dropdown(page, "Region").select_option("All")
    _dropdown(page, "Period").select_option("All")
    expect(_nps_shown(page)).to_have_text(overall)


def test_a_subset_too_small_to_show_reads_suppressed(page, server, answers):
    counts = answers.groupby(["period", "region", "segment", "touchpoint"]).size()
    period, region, segment, touchpoint = counts[(counts > 0) & (counts < 10)].index[0]
    _open_report(page, server, SCORECARD)
    _nps_shown(page).wait_for()
    for label, value in (("Period", period), ("Region", region), ("Segment", segment),
                         ("Touchpoint", touchpoint)):
        _dropdown(page, label).select_option(value)
    from playwright.sync_api import expect

    expect(_nps_shown(page)).to_have_text("suppressed")
    assert "pts" not in page.locator('[data-cube="nps_filters"]').inner_text()


def test_url_parameters_preselect_the_filters(page, server, answers):
    _, expected = _expected_nps(answers, segment="Silver", period="2025-03")
    _open_report(page, server, SCORECARD, "?segment=Silver&period=2025-03")
    _nps_shown(page).wait_for()
    assert _dropdown(page, "Segment").input_value() == "Silver"
    assert _dropdown(page, "Period").input_value() == "2025-03"
    assert _dropdown(page, "Region").input_value() == "All"
    assert _nps_shown(page).inner_text() == expected
    link = page.locator('[data-cube="nps_filters"] [data-cx="link"]').get_attribute("href")
    assert "segment=Silver" in link and "period=2025-03" in link


@pytest.mark.parametrize("study", ["90-damaged-results", "91-damaged-cube", "no-such-study"])
def test_a_damaged_or_unknown_report_shows_a_short_friendly_message(page, server, study):
    _open_report(page, server, study)
    message = page.locator(".cx-unavailable").inner_text()
    assert "not available right now" in message or "no such report" in message
    assert "All reports" in message
    _shows_no_code_and_no_traceback(page)
    assert "results.json" not in page.locator("body").inner_text()


def test_the_static_report_reads_offline(page, server):
    """report.html opened from disk with every network request refused: nothing is asked for, it reads."""
    run = runs.load_run(SCORECARD, server["reports"])
    page.route("**/*", lambda route: route.abort() if not route.request.url.startswith(("file:", "data:"))
               else route.continue_())
    page.goto((run.folder / "report.html").as_uri())
    text = page.locator("body").inner_text()
    assert "CX scorecard" in text and "Traceback" not in text and "import " not in text
    assert all(url.startswith(("file:", "data:")) for url in page.requested), page.requested[:3]
