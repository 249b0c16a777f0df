"""Shared fixtures: the project root, the real public datasets, a headless plot backend."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")  # tests never open a window

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
