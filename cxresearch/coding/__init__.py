"""Qualitative coding of verbatims: codebook, auto-coding, human coding, reliability, sentiment, themes.

One topic per module: ``codebook`` (the codebook as data), ``text`` (offline
text preparation), ``autocode`` (applying a codebook to verbatims),
``sheets`` (coding sheets for human coders and their reconciliation),
``reliability`` (inter-coder agreement, auto-coder accuracy), ``sentiment``,
``themes`` (emergent themes among uncoded verbatims), ``analysis`` (frequencies,
co-occurrence, detractor lift, quotes) and ``study`` (the steps of
``notebooks/01-qualitative-coding.ipynb``).

The main functions are also available here, imported on first use:

>>> from cxresearch.coding import autocode, load_codebook
>>> load_codebook("cx-default").name
'CX retail default'
"""

from __future__ import annotations

import importlib

# Two functions share their module's name: imported here, so that the package attribute is
# the function even after ``import cxresearch.coding.autocode`` (which would set it to the module).
from .autocode import autocode
from .sentiment import sentiment

_EXPORTS = {
    "autocode": "autocode",
    "Codebook": "codebook", "load_codebook": "codebook",
    "normalise": "text", "tokenise": "text", "stem": "text", "stopwords": "text", "guess_language": "text",
    "sentiment": "sentiment",
    "cohen_kappa": "reliability", "fleiss_kappa": "reliability", "krippendorff_alpha": "reliability",
    "ratings_table": "reliability", "reliability_data": "reliability", "agreement_by_code": "reliability",
    "coding_accuracy": "reliability",
    "export_coding_sheet": "sheets", "read_coding_sheets": "sheets", "reconcile": "sheets",
    "disagreements": "sheets",
    "emergent_themes": "themes",
    "code_frequencies": "analysis", "code_cooccurrence": "analysis", "code_lift": "analysis",
    "sentiment_by_code": "analysis", "select_quotes": "analysis",
}
__all__ = sorted(_EXPORTS)
del _EXPORTS["autocode"], _EXPORTS["sentiment"]


def __getattr__(name):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
