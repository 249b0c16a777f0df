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
