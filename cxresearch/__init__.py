"""cxresearch: a Jupyter-based workbench for customer-experience research.

The flat namespace holds what a researcher calls most (``cx.nps``,
``cx.load_table``, ...); each topic lives in its own module
(``cxresearch.metrics``, ``cxresearch.datasets``, ...). Names are imported on
first use (PEP 562), so the ``cxresearch`` command starts without paying for
pandas, scipy and seaborn when a command does not need them.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    **dict.fromkeys(["nps", "csat", "ces", "compare_nps", "adjust_pvalues", "trend", "scorecard"], "metrics"),
    **dict.fromkeys(["read_dataset", "list_datasets", "load_table"], "datasets"),
    **dict.fromkeys(["headline_metrics", "period_kpis", "kpi_table"], "kpis"),
    **dict.fromkeys(["redact_pii", "find_pii", "pii_summary", "spreadsheet_safe"], "privacy"),
    **dict.fromkeys(["PersonaSegmenter", "profile_personas"], "personas"),
    **dict.fromkeys(["CXResearchError", "CXResearchWarning", "DataFileError", "DataValidationError",
                     "ParameterError", "SchemaError"], "exceptions"),
}
_MODULES = {"plotting", "reporting", "dashboard", "privacy", "config", "personas", "persona_study"}

__all__ = sorted(_EXPORTS) + sorted(_MODULES)


def __getattr__(name):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    elif name in _MODULES:
        value = importlib.import_module(f".{name}", __name__)
    else:
        raise AttributeError(f"module 'cxresearch' has no attribute {name!r}")
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
