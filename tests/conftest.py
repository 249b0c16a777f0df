"""Shared fixtures: the project root, the real public datasets, a headless plot backend."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")  # tests never open a window
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATASETS = Path(os.environ.get("CXRESEARCH_SHARED_DATASETS", ROOT.parent / "shared" / "datasets"))


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared_datasets() -> Path:
    """The real public exports in ../shared/datasets; tests that need them skip when absent."""
    if not SHARED_DATASETS.is_dir():
        pytest.skip(f"real datasets not found at {SHARED_DATASETS} (set CXRESEARCH_SHARED_DATASETS)")
    return SHARED_DATASETS


@pytest.fixture
def no_leaked_figures():
    """Fails a plotting test that leaves a figure open (modules opt in with pytestmark)."""
    plt.close("all")
    yield
    leaked = plt.get_fignums()
    plt.close("all")
    assert not leaked, f"figures left open: {leaked}"


@pytest.fixture
def ax():
    """Fresh axes for a plot, closed afterwards."""
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


# --- published reports (cxresearch serve, browser tests) ------------------------------------------

#: Screenshots and other artifacts of the browser tests (gitignored); printed at the end of the run.
ARTIFACTS = ROOT / "test-artifacts" / "browser"


@pytest.fixture(scope="session")
def published_reports(tmp_path_factory) -> Path:
    """A reports folder holding a real good run of every study `cxresearch demo` runs (once per session).

    The runs are the demo's (studies.yml's demo runs, then every other study
    with its defaults), so a study added later is published and tested here
    without changing this fixture.
    """
    from cxresearch import runner

    reports = tmp_path_factory.mktemp("published") / "reports"
    results = runner.run_all(runner.demo_runs(), reports_dir=reports, force=True)
    failed = [r.message for r in results if r.status == "failed"]
    assert not failed, f"a study failed to run: {failed}"
    return reports


@pytest.fixture(scope="session")
def browser_artifacts() -> Path:
    """Where the browser tests save their screenshots (created)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    _saved.append(ARTIFACTS)
    return ARTIFACTS


_saved: list = []  # set when a browser test saved screenshots in this run


def pytest_terminal_summary(terminalreporter):
    if _saved:
        terminalreporter.write_line(f"browser test screenshots: {ARTIFACTS}")
