"""Relative periods and path templates in study parameters, resolved when a run starts.

A scheduled run must report on a new period each time without anyone editing
its parameters, so a parameter value may be written relative to the day of the
run (``"last complete month"``) and an input path may name the period it
needs (``"data/raw/{period}/responses.csv"``). :func:`resolve_period` turns the
first into a concrete period and :func:`fill_template` fills the second from
the resolved parameters. A period is complete when it ended before the day of
the run: on Sunday 29 June 2025 the current week, June and Q2 are all still
running.

What it is not for: periods inside the data (``cxresearch.kpis`` finds the last
period the data cover); this module only knows the calendar.
"""

from __future__ import annotations

import re
import string
from datetime import date, datetime, timedelta

from .exceptions import ParameterError

__all__ = ["RELATIVE_PERIODS", "is_relative_period", "resolve_period", "parse_as_of", "fill_template",
           "template_fields"]

#: The relative periods a parameter value may name, and what each becomes.
RELATIVE_PERIODS = {
    "last complete week": "ISO week, e.g. 2025-W26",
    "last complete month": "month, e.g. 2025-06",
    "last complete quarter": "quarter, e.g. 2025Q2",
    "last complete year": "year, e.g. 2024",
}


def _normal(value) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.lower().split())


def is_relative_period(value) -> bool:
    """Whether ``value`` names a relative period (case and spacing do not matter)."""
    return _normal(value) in RELATIVE_PERIODS


def parse_as_of(value) -> date:
    """The day a run counts as happening on: a ``date``, or text ``YYYY-MM-DD``; ``None`` is today."""
    if value is None:
        return date.today()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ParameterError("not a date", parameter="as_of", value=value,
                             fix="write the day as YYYY-MM-DD, e.g. 2025-07-01") from None


def resolve_period(value, as_of=None):
    """The concrete period a relative period names on day ``as_of``; any other value unchanged.

    Parameters
    ----------
    value : object
        ``"last complete week"``, ``"last complete month"``, ``"last complete quarter"``
        or ``"last complete year"`` (any case); anything else is returned as is.
    as_of : date or str, optional
        The day of the run (default: today). That day's own week, month,
        quarter and year are never complete.

    Returns
    -------
    str or object
        ``"2025-W26"`` (ISO year and week), ``"2025-06"``, ``"2025Q2"``, ``"2024"``.

    Examples
    --------
    >>> resolve_period("last complete week", "2025-07-01")
    '2025-W26'
    >>> resolve_period("Last complete quarter", "2025-01-01")
    '2024Q4'
    >>> resolve_period("2025-06", "2025-07-01")
    '2025-06'
    """
    kind = _normal(value)
    if kind not in RELATIVE_PERIODS:
        return value
    day = parse_as_of(as_of)
    if kind == "last complete week":
        monday = day - timedelta(days=day.weekday())
        year, week, _ = (monday - timedelta(days=7)).isocalendar()
        return f"{year}-W{week:02d}"
    if kind == "last complete month":
        last = day.replace(day=1) - timedelta(days=1)
        return f"{last.year}-{last.month:02d}"
    if kind == "last complete quarter":
        quarter = (day.month - 1) // 3  # quarters of the year already over (0-3)
        if quarter == 0:
            return f"{day.year - 1}Q4"
        return f"{day.year}Q{quarter}"
    return str(day.year - 1)


def template_fields(value) -> list[str]:
    """The ``{name}`` fields of a path template (empty for plain text and non-text values)."""
    if not isinstance(value, str) or "{" not in value:
        return []
    try:
        return [field for _, field, _, _ in string.Formatter().parse(value) if field is not None]
    except ValueError:
        return []  # unbalanced braces: not a template, taken literally


_FIELD = re.compile(r"^[A-Za-z_]\w*$")


def fill_template(value, namespace: dict, *, parameter: str | None = None):
    """Fill a template such as ``"data/raw/{period}/responses.csv"`` from ``namespace``.

    Text without ``{...}`` (and any other value) is returned unchanged; ``{{`` and
    ``}}`` stand for literal braces. A field that names nothing in ``namespace``
    is a :class:`ParameterError` listing the names that can be used.

    Examples
    --------
    >>> fill_template("data/raw/{period}/responses.csv", {"period": "2025-06"})
    'data/raw/2025-06/responses.csv'
    """
    if not isinstance(value, str) or ("{" not in value and "}" not in value):
        return value
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(value) if field is not None]
    except ValueError:
        return value  # unbalanced braces: not a template, taken literally
    for field in fields:
        if not _FIELD.match(field) or field not in namespace:
            raise ParameterError(f"the template names {{{field}}}, which is not a parameter",
                                 parameter=parameter, value=value,
                                 fix=f"use one of {', '.join('{' + n + '}' for n in sorted(namespace))}, "
                                     "or write {{ and }} for literal braces")
    return value.format_map({k: namespace[k] for k in fields})
