"""Keeping personal data and small groups out of what a report shows.

For now: :func:`spreadsheet_safe`, which neutralises cells a spreadsheet would
run as formulas (CSV injection). Later: PII redaction of quotes.
Small-cell suppression of metrics lives with the metrics themselves
(``suppressed`` columns of :mod:`cxresearch.metrics`).
"""

from __future__ import annotations

import pandas as pd

__all__ = ["spreadsheet_safe", "FORMULA_PREFIXES"]

#: A cell starting with one of these is run as a formula by Excel, LibreOffice or Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(data: pd.DataFrame) -> pd.DataFrame:
    """Return a copy whose text cells cannot run as spreadsheet formulas.

    A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return gets a leading apostrophe (OWASP's advice against CSV injection),
    so ``=HYPERLINK(...)`` typed into a survey box opens as text. Numbers are
    left alone (a negative number is not a formula).

    Examples
    --------
    >>> import pandas as pd
    >>> spreadsheet_safe(pd.DataFrame({"comment": ["=1+1", "fine", "-rude"], "n": [-1, 2, 3]}))
      comment  n
    0   '=1+1 -1
    1    fine  2
    2  '-rude  3
    """
    out = data.copy()
    for column in out.columns:
        values = out[column]
        if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
            continue
        text = values.astype("string")
        risky = text.str.startswith(FORMULA_PREFIXES).fillna(False).to_numpy(bool)
        if risky.any():
            out[column] = values.astype(object)
            out.loc[risky, column] = "'" + text[risky].astype(str)
    return out
