"""cxresearch: a Jupyter-based workbench for customer-experience research.

The flat namespace holds what a researcher calls most (``cx.nps``,
``cx.load_table``, ...); each topic lives in its own module
(``cxresearch.metrics``, ``cxresearch.datasets``, ...). ``cxresearch.plotting``
is imported on first use, so ``import cxresearch`` stays quick where no chart
is drawn (seaborn alone takes about two seconds to import).
"""

from __future__ import annotations

import importlib

from .datasets import list_datasets, load_table, read_dataset
from .exceptions import (CXResearchError, CXResearchWarning, DataFileError, DataValidationError,
                         ParameterError, SchemaError)
from .kpis import headline_metrics, period_kpis
from .metrics import adjust_pvalues, ces, compare_nps, csat, nps, scorecard, trend

__version__ = "0.1.0"

__all__ = [
    "nps", "csat", "ces", "compare_nps", "adjust_pvalues", "trend", "scorecard",
    "read_dataset", "list_datasets", "load_table", "headline_metrics", "period_kpis",
    "CXResearchError", "CXResearchWarning", "DataFileError", "DataValidationError",
    "ParameterError", "SchemaError", "plotting",
]

_LAZY = {"plotting"}


def __getattr__(name):
    if name in _LAZY:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'cxresearch' has no attribute {name!r}")
