"""The column contracts of each table kind, and the check that enforces them.

A *contract* says which columns a table of one kind (``responses``,
``verbatims``, ``customers``, ``customer_months``, ``units``) must have, which
it may have, and what their values must look like: ids are text and unique,
scores lie on their scale, dates parse, yes/no columns are booleans.
:func:`validate` checks a DataFrame against its contract and returns a cleaned
copy with the types every other module relies on:

* ids as the pandas string dtype (never floats: a 19-digit id survives exactly);
* dates as ``datetime64``;
* yes/no columns as ``bool`` (``"boolean"`` when some are missing);
* scores and other numbers as ``float`` with NaN for missing (counts such as
  ``orders`` or ``turn`` as the nullable ``"Int64"``).

Answer codes such as "Don't know", "N/A" or an out-of-scale 99 become missing,
are counted in ``df.attrs["load_report"]["missing_codes"]`` and summarised in
one :class:`~cxresearch.exceptions.CXResearchWarning`.  A genuine out-of-range
value (an NPS of 11, a CSAT of 0) is an error, never silently dropped.

This module does not read files (see :mod:`cxresearch.datasets`) and computes
no metrics (see :mod:`cxresearch.metrics`).
"""

from __future__ import annotations

import difflib
import math
import re
import warnings
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

import numpy as np
import pandas as pd

from .exceptions import (
    CXResearchWarning,
    DataValidationError,
    ParameterError,
    SchemaError,
)

__all__ = [
    "Contract",
    "CONTRACTS",
    "KINDS",
    "DEFAULT_MISSING_CODES",
    "get_contract",
    "validate",
]


def _frozen(mapping: Mapping | None = None) -> Mapping:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Contract:
    """What a table of one kind must and may hold.

    Parameters
    ----------
    kind : str
        Name of the table kind, e.g. ``"responses"``.
    required : tuple of str
        Columns that must be present.
    one_of : tuple of str
        At least one of these columns must be present (e.g. a score).
    ids : tuple of str
        Identifier columns, kept as text.
    unique : tuple of str
        Columns whose combination identifies a row (no duplicates allowed).
    scales : mapping of str to (low, high)
        Closed range of a numeric column (scores, engagement).
    prefix_scales : mapping of str to (low, high)
        Range of every column whose name starts with the prefix (``attr_``).
    dates : tuple of str
        Date columns.
    months : tuple of str
        Date columns holding the first day of a month (``"2025-06"`` accepted).
    bools : tuple of str
        Yes/no columns (0/1, yes/no, true/false, Y/N accepted).
    non_negative : tuple of str
        Numeric columns that must be ≥ 0.
    integers : tuple of str
        Numeric columns that must hold whole numbers (stored as ``"Int64"``).
    numeric : tuple of str
        Other numeric columns without a range.
    text : tuple of str
        Known free-text or category columns (kept as read).
    categories : mapping of str to tuple of str
        Allowed values of a category column (compared case-insensitively).
    description : str
        One line saying what a row of this table is.
    """

    kind: str
    required: tuple = ()
    one_of: tuple = ()
    ids: tuple = ()
    unique: tuple = ()
    scales: Mapping = field(default_factory=_frozen)
    prefix_scales: Mapping = field(default_factory=_frozen)
    dates: tuple = ()
    months: tuple = ()
    bools: tuple = ()
    non_negative: tuple = ()
    integers: tuple = ()
    numeric: tuple = ()
    text: tuple = ()
    categories: Mapping = field(default_factory=_frozen)
    description: str = ""

    @property
    def columns(self) -> tuple:
        """Every column name this contract knows, required ones first."""
        names = [*self.required, *self.one_of, *self.ids, *self.unique,
                 *self.scales, *self.dates, *self.months, *self.bools,
                 *self.non_negative, *self.integers, *self.numeric, *self.text,
                 *self.categories]
        return tuple(dict.fromkeys(names))

    def scale_of(self, column: str):
        """The (low, high) range of ``column``, or None when it has none."""
        if column in self.scales:
            return tuple(self.scales[column])
        for prefix, scale in self.prefix_scales.items():
            if column.startswith(prefix):
                return tuple(scale)
        if column in self.non_negative:
            return (0, math.inf)
        return None

    def is_numeric(self, column: str) -> bool:
        """Whether ``column`` holds numbers under this contract."""
        return (self.scale_of(column) is not None or column in self.integers
                or column in self.numeric)

    def knows(self, column: str) -> bool:
        """Whether ``column`` is named by this contract (directly or by prefix)."""
        return column in self.columns or any(
            column.startswith(p) for p in self.prefix_scales)


CONTRACTS: Mapping[str, Contract] = MappingProxyType({
    "responses": Contract(
        kind="responses",
        required=("response_id",),
        one_of=("nps", "csat", "ces"),
        ids=("response_id", "customer_id", "unit_id"),
        unique=("response_id",),
        scales=_frozen({"nps": (0, 10), "csat": (1, 5), "ces": (1, 7)}),
        prefix_scales=_frozen({"attr_": (1, 5), "att_": (1, 5)}),
        dates=("date",),
        non_negative=("weight",),
        text=("touchpoint", "journey_stage", "region", "segment", "language", "comment"),
        description="one survey answer: scores, attribute ratings, a comment",
    ),
    "verbatims": Contract(
        kind="verbatims",
        required=("doc_id", "text"),
        ids=("doc_id", "response_id", "customer_id", "unit_id", "interview_id"),
        unique=("doc_id",),
        scales=_frozen({"rating": (1, 5)}),
        dates=("date",),
        integers=("turn",),
        text=("text", "language", "speaker"),
        categories=_frozen({"source": ("survey", "interview", "review", "complaint")}),
        description="one piece of text to code: a comment, a review, an interview turn",
    ),
    "customers": Contract(
        kind="customers",
        required=("customer_id",),
        ids=("customer_id", "unit_id"),
        unique=("customer_id",),
        dates=("signup_date", "churn_date"),
        bools=("churned",),
        non_negative=("tenure_months", "orders", "revenue", "cost_to_serve"),
        integers=("orders",),
        numeric=("clv",),
        text=("segment", "region", "channel"),
        description="one customer: segment, tenure, revenue, churn",
    ),
    "customer_months": Contract(
        kind="customer_months",
        required=("customer_id", "month"),
        ids=("customer_id",),
        unique=("customer_id", "month"),
        months=("month",),
        bools=("active",),
        non_negative=("revenue", "orders"),
        integers=("orders",),
        description="one customer in one month: revenue, orders, active",
    ),
    "units": Contract(
        kind="units",
        required=("unit_id",),
        ids=("unit_id",),
        unique=("unit_id",),
        scales=_frozen({"employee_engagement": (0, 100)}),
        non_negative=("headcount",),
        integers=("headcount", "opened_year"),
        text=("unit_name", "region", "country", "format"),
        description="one store or team: region, engagement, headcount",
    ),
})

#: The table kinds cxresearch knows.
KINDS: tuple = tuple(CONTRACTS)

#: Values read as "no answer" in score, number, date and yes/no columns.
#: Text codes match ignoring case, surrounding spaces and the apostrophe style;
#: numeric codes count only where they fall outside the column's range (so an
#: engagement score of 99 on a 0-100 scale stays 99).
DEFAULT_MISSING_CODES: tuple = (
    "Don't know", "Dont know", "Do not know", "DK", "Not sure",
    "N/A", "NA", "#N/A", "Not applicable", "n.a.",
    "Prefer not to say", "Prefer not to answer", "Refused", "No answer",
    "None", "null", "NaN", "-",
    99, 98, 97, 999, -9, -99, -999,
)

_BOOL_WORDS = {
    "1": True, "0": False, "1.0": True, "0.0": False,
    "yes": True, "no": False, "y": True, "n": False,
    "true": True, "false": False, "t": True, "f": False,
    "churned": True, "stayed": False,
}

# A label holding exactly one number, at its start or its end:
# "10 - Extremely likely", "0 = Not at all likely", "Extremely likely - 10",
# "Very satisfied (5)".
_NUMBER = r"[-+]?\d+(?:[.,]\d+)?"
_LEADING_LABEL = re.compile(rf"^\s*\(?({_NUMBER})\)?\s*(?:[-–—=:.)]\s*|\s+)(?=\S)(\D*)$")
_TRAILING_LABEL = re.compile(rf"^(\D*?\S)\s*(?:[-–—=:(]\s*|\s+)({_NUMBER})\s*\)?\s*$")
_DECIMAL_COMMA = re.compile(r"^\s*[-+]?\d+,\d+\s*$")

_DATE_FORMATS = (
    "%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S",
    "%Y/%m/%d", "%Y%m%d",
    "%d/%m/%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S",
    "%m/%d/%Y", "%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S",
    "%d.%m.%Y", "%d.%m.%Y %H:%M", "%d-%m-%Y", "%m-%d-%Y",
    "%d/%m/%y", "%m/%d/%y", "%d.%m.%y",
    "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%d/%m/%Y %I:%M:%S %p",
)
_MONTH_FORMATS = ("%Y-%m", "%Y/%m", "%m/%Y", "%Y%m")
# Excel stores dates as days since 1899-12-30; 1950..2150 is a safe window.
_EXCEL_SERIAL_RANGE = (18264, 91311)


def get_contract(kind: str) -> Contract:
    """Return the :class:`Contract` of a table kind.

    Parameters
    ----------
    kind : str
        One of :data:`KINDS`.

    Returns
    -------
    Contract

    Raises
    ------
    ParameterError
        When ``kind`` is not a known kind (the message lists them).

    Examples
    --------
    >>> from cxresearch.schemas import get_contract
    >>> get_contract("responses").scale_of("nps")
    (0, 10)
    >>> get_contract("responses").scale_of("attr_speed")
    (1, 5)
    """
    if isinstance(kind, str) and kind in CONTRACTS:
        return CONTRACTS[kind]
    close = difflib.get_close_matches(str(kind), KINDS, n=1)
    hint = f"kind={close[0]!r}" if close else f"one of {', '.join(KINDS)}"
    raise ParameterError(
        f"unknown table kind; known kinds: {', '.join(KINDS)}",
        parameter="kind", value=kind, fix=f"use {hint}")


# --------------------------------------------------------------------------
# the public check
# --------------------------------------------------------------------------

def validate(df: pd.DataFrame, kind: str, file=None, *, missing_codes=None,
             require=None) -> pd.DataFrame:
    """Check a table against the contract of its kind and return it cleaned.

    Parameters
    ----------
    df : pandas.DataFrame
        The table, with columns already named as cxresearch names them (use
        :func:`cxresearch.datasets.load_table` with ``mapping=`` to rename a
        file's columns).  It is not modified.
    kind : str
        One of ``"responses"``, ``"verbatims"``, ``"customers"``,
        ``"customer_months"``, ``"units"``.
    file : str or path-like, optional
        Where the table came from, named in error messages.
    missing_codes : list or dict, optional
        Values to read as "no answer".  A list replaces
        :data:`DEFAULT_MISSING_CODES` for every column; a dict
        ``{column: [codes]}`` replaces them for the columns it names.  Pass
        ``[]`` to treat no value as a code.
    require : list of str, optional
        Columns a particular study needs on top of the contract.

    Returns
    -------
    pandas.DataFrame
        A cleaned copy: ids as string dtype (surrounding spaces removed),
        dates as ``datetime64``, yes/no columns as ``bool`` (``"boolean"``
        when some are missing), scores and numbers as ``float`` with NaN for
        missing, counts as ``"Int64"``.  Columns the contract does not know
        are kept unchanged.  ``attrs["load_report"]["missing_codes"]`` holds
        ``{column: number of values set to missing}``.

    Raises
    ------
    ParameterError
        Unknown ``kind``, or ``df`` is not a DataFrame.
    SchemaError
        A required column is missing (close names are suggested).
    DataValidationError
        A value breaks its column's contract: a duplicate id, a score outside
        its scale or not a number, a date that cannot be read, a yes/no value
        that is neither.  The message names the column, the first bad value
        and its row.

    Warns
    -----
    CXResearchWarning
        Once, when answer codes were set to missing, with the counts.

    Notes
    -----
    Row numbers in messages are the rows a user sees in a spreadsheet when the
    table was read by :func:`~cxresearch.datasets.load_table` (the header is
    row 1, so the first answer is row 2, or row 4 below a three-row Qualtrics
    header).  For a DataFrame built in memory they are its index labels.

    Dates are read per column: ISO dates (``2025-06-01``) always; day-first
    (``01/06/2025``) or month-first dates only when the column's values fit one
    reading and not the other; Excel serial numbers when the table came from a
    workbook.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.schemas import validate
    >>> raw = pd.DataFrame({"response_id": [101, 102, 103],
    ...                     "nps": ["10 - Extremely likely", "7", "Don't know"],
    ...                     "date": ["2025-06-01", "2025-06-02", "2025-06-02"]})
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     clean = validate(raw, "responses")
    >>> clean["nps"].tolist()
    [10.0, 7.0, nan]
    >>> clean["response_id"].tolist()
    ['101', '102', '103']
    >>> clean.attrs["load_report"]["missing_codes"]
    {'nps': 1}
    """
    out, counts, details = _validate(df, kind, file=file, missing_codes=missing_codes,
                                     require=require)
    _warn_missing(counts, details, file, stacklevel=3)
    return out


# --------------------------------------------------------------------------
# internals
# --------------------------------------------------------------------------

def _validate(df, kind, *, file=None, missing_codes=None, require=None,
              excel_serials=False):
    """Validate and clean; return (frame, {column: n codes}, {column: {code: n}})."""
    contract = get_contract(kind)
    if not isinstance(df, pd.DataFrame):
        raise ParameterError("expected a pandas DataFrame", parameter="df",
                             value=type(df).__name__, fix="pass the table as a DataFrame")
    require = _check_require(require)
    codes_for = _missing_code_lookup(missing_codes)
    report = dict(df.attrs.get("load_report", {}))
    first_row = report.get("first_data_row")
    rows = _RowNamer(df.index, first_row)
    file = file if file is not None else report.get("file")

    _check_columns(df, contract, require, file)

    out = df.copy(deep=False)
    counts: dict = {}
    details: dict = {}
    for column in list(out.columns):
        if not isinstance(column, str):
            continue
        series = out[column]
        if column in contract.ids:
            new = _clean_ids(series)
            if column in contract.required:
                empty = new.isna().to_numpy()
                if empty.any():
                    pos = int(np.argmax(empty))
                    raise DataValidationError(
                        f"{int(empty.sum())} row(s) have no id, first", file=file,
                        column=column, value="", row=rows(pos),
                        fix=f"give every row a {column}, or drop the rows without one")
        elif column in contract.dates or column in contract.months:
            new, found = _clean_dates(series, column, contract, codes_for(column), file,
                                      rows, excel_serials)
            _tally(column, found, counts, details)
        elif column in contract.bools:
            new, found = _clean_bools(series, column, codes_for(column), file, rows)
            _tally(column, found, counts, details)
        elif contract.is_numeric(column):
            new, found = _clean_numbers(series, column, contract, codes_for(column),
                                        file, rows)
            _tally(column, found, counts, details)
        elif column in contract.categories:
            new = _clean_category(series, column, contract.categories[column], file, rows)
        else:
            continue
        out[column] = new

    _check_unique(out, contract, file, rows)

    report.update({"kind": contract.kind, "missing_codes": dict(counts)})
    report.setdefault("rows", len(out))
    if file is not None:
        report.setdefault("file", str(file))
    out.attrs["load_report"] = report
    return out, counts, details


def _warn_missing(counts, details, file, stacklevel=3):
    """Emit the one warning that says which codes were set to missing."""
    total = sum(counts.values())
    if not total:
        return
    parts = []
    for column, n in counts.items():
        top = sorted(details[column].items(), key=lambda kv: -kv[1])[:3]
        shown = ", ".join(f"{code!r} {k}" for code, k in top)
        more = ", …" if len(details[column]) > 3 else ""
        parts.append(f"{column} {n} ({shown}{more})")
    where = f"{file}: " if file is not None else ""
    warnings.warn(
        f"{where}{total} answer code(s) set to missing: {'; '.join(parts)}. "
        "Pass missing_codes=[...] to change which values count as no answer.",
        CXResearchWarning, stacklevel=stacklevel)


def _tally(column, found, counts, details):
    if found:
        counts[column] = int(sum(found.values()))
        details[column] = found


class _RowNamer:
    """Turn a position in the table into the row a user can find."""

    def __init__(self, index, first_data_row):
        self.index = index
        self.first = first_data_row

    def __call__(self, pos: int):
        if self.first is not None:
            return int(pos) + int(self.first)
        label = self.index[int(pos)]
        return label.item() if hasattr(label, "item") else label


def _check_require(require):
    if require is None:
        return ()
    if isinstance(require, str):
        return (require,)
    try:
        items = tuple(require)
    except TypeError:
        raise ParameterError("expected a list of column names", parameter="require",
                             value=require, fix="pass e.g. require=['nps', 'date']") from None
    bad = [c for c in items if not isinstance(c, str)]
    if bad:
        raise ParameterError("column names must be text", parameter="require",
                             value=bad[0], fix="pass e.g. require=['nps', 'date']")
    return items


def _normal_name(name) -> str:
    return re.sub(r"[^0-9a-z]+", "_", str(name).lower()).strip("_")


def _close_columns(present, wanted, n=3):
    """Columns of ``present`` that look like ``wanted`` (case, spaces and tokens aside)."""
    target = _normal_name(wanted)
    by_normal = {}
    for column in present:
        by_normal.setdefault(_normal_name(column), column)
    found = [by_normal[target]] if target in by_normal else []
    tokens = set(target.split("_"))
    for normal, column in by_normal.items():
        if column not in found and (target in normal.split("_") or
                                    (len(tokens) > 1 and tokens <= set(normal.split("_")))):
            found.append(column)
    for normal in difflib.get_close_matches(target, list(by_normal), n=n, cutoff=0.6):
        if by_normal[normal] not in found:
            found.append(by_normal[normal])
    return found[:n]


def _mapping_hint(present, wanted):
    return _close_columns(present, wanted)


def _check_columns(df, contract, require, file):
    present = [str(c) for c in df.columns]
    for column in (*contract.required, *require):
        if column in df.columns:
            continue
        close = _mapping_hint(present, column)
        if close:
            problem = (f"required column is missing; close columns in the file: "
                       f"{', '.join(repr(c) for c in close)}")
            fix = f"add a mapping entry, e.g. mapping={{{close[0]!r}: {column!r}}}"
        else:
            shown = ", ".join(repr(c) for c in present[:8]) + (", …" if len(present) > 8 else "")
            problem = f"required column is missing; the file has {shown}"
            fix = f"add a mapping entry {{'<your column>': {column!r}}}"
        raise SchemaError(problem, file=file, column=column, fix=fix)
    if contract.one_of and not any(c in df.columns for c in contract.one_of):
        wanted = ", ".join(contract.one_of)
        close = []
        for column in contract.one_of:
            close += [c for c in _mapping_hint(present, column) if c not in close]
        hint = (f"e.g. mapping={{{close[0]!r}: {contract.one_of[0]!r}}}" if close
                else "map your score column to one of them")
        raise SchemaError(
            f"a {contract.kind} table needs at least one of the columns {wanted}, "
            f"and has none" + (f"; close columns: {', '.join(repr(c) for c in close)}"
                               if close else ""),
            file=file, column=contract.one_of[0], fix=f"add a mapping entry, {hint}")


# ---- missing codes ---------------------------------------------------------

def _norm_text(value) -> str:
    text = str(value).strip().lower()
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    return " ".join(text.split())


def _split_codes(codes):
    texts, numbers = {}, set()
    for code in codes:
        if isinstance(code, bool):
            raise ParameterError("a missing code cannot be True/False",
                                 parameter="missing_codes", value=code,
                                 fix="list the values as they appear in the file")
        if isinstance(code, (int, float, np.integer, np.floating)):
            numbers.add(float(code))
            continue
        text = _norm_text(code)
        try:
            numbers.add(float(text))
        except ValueError:
            texts[text] = str(code)
    return texts, numbers


def _missing_code_lookup(missing_codes):
    """Return column -> (text codes {normalised: shown}, numeric codes)."""
    default = _split_codes(DEFAULT_MISSING_CODES)
    if missing_codes is None:
        return lambda column: default
    if isinstance(missing_codes, Mapping):
        per_column = {}
        for column, codes in missing_codes.items():
            if isinstance(codes, (str, int, float)):
                codes = [codes]
            per_column[column] = _split_codes(codes)
        return lambda column: per_column.get(column, default)
    if isinstance(missing_codes, (str, int, float)):
        missing_codes = [missing_codes]
    try:
        chosen = _split_codes(list(missing_codes))
    except TypeError:
        raise ParameterError("expected a list of codes or a {column: [codes]} dict",
                             parameter="missing_codes", value=missing_codes,
                             fix="pass e.g. missing_codes=[\"Don't know\", 99]") from None
    return lambda column: chosen


# ---- value cleaning ----------------------------------------------------------

def _string_dtype():
    # pandas >= 3: the default "str" dtype (NaN for missing); pandas 2: "string".
    try:
        return pd.StringDtype(na_value=np.nan)
    except TypeError:  # pragma: no cover - pandas < 2.1
        return pd.StringDtype()


def _clean_ids(series: pd.Series) -> pd.Series:
    if pd.api.types.is_float_dtype(series.dtype):
        whole = series.dropna()
        if (whole == np.floor(whole)).all():
            series = series.astype("Int64")
    elif pd.api.types.is_object_dtype(series.dtype):
        series = series.map(_id_text, na_action="ignore")
    out = series.astype(_string_dtype())
    out = out.str.strip()
    return out.mask(out == "")


def _id_text(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value


def _as_text_uniques(series: pd.Series):
    """Factorize a column: (codes, unique values) so work happens once per value."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes, np.asarray(uniques, dtype=object)


def _lookup_codes(uniques, codes_pair, scale):
    """Boolean mask over ``uniques``: which are missing codes, and their shown form."""
    texts, numbers = codes_pair
    is_code = np.zeros(len(uniques), dtype=bool)
    shown = [None] * len(uniques)
    for i, value in enumerate(uniques):
        if isinstance(value, str):
            key = _norm_text(value)
            if key in texts:
                is_code[i], shown[i] = True, value.strip()
                continue
            try:
                number = float(key)
            except ValueError:
                continue
        elif isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
            number = float(value)
        else:
            continue
        if number in numbers and scale is not None and not (scale[0] <= number <= scale[1]):
            is_code[i], shown[i] = True, (int(number) if number.is_integer() else number)
    return is_code, shown


def _count_found(codes, is_code, shown):
    if not is_code.any():
        return {}
    hits = np.bincount(codes[codes >= 0], minlength=len(is_code))
    found: dict = {}
    for i in np.flatnonzero(is_code):
        if hits[i]:
            found[shown[i]] = found.get(shown[i], 0) + int(hits[i])
    return found


def _parse_number(value):
    """A number from text: "7", "7,5", "10 - Extremely likely"; None when not one."""
    text = str(value).strip()
    try:
        return float(text)
    except ValueError:
        pass
    if _DECIMAL_COMMA.match(text):
        return float(text.replace(",", "."))
    if len(re.findall(r"\d+(?:[.,]\d+)?", text)) != 1:
        return None
    match = _LEADING_LABEL.match(text)
    if match:
        return float(match.group(1).replace(",", "."))
    match = _TRAILING_LABEL.match(text)
    if match:
        return float(match.group(2).replace(",", "."))
    return None


def _first_position(mask: np.ndarray) -> int:
    return int(np.argmax(mask))


def _show(value):
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return int(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


def _clean_numbers(series, column, contract, codes_pair, file, rows):
    scale = contract.scale_of(column)
    found: dict = {}
    if pd.api.types.is_bool_dtype(series.dtype):
        values = series.astype("float64").to_numpy()
    elif pd.api.types.is_numeric_dtype(series.dtype):
        values = series.to_numpy(dtype="float64", na_value=np.nan)
        if codes_pair[1] and scale is not None:
            outside = ~np.isnan(values) & ((values < scale[0]) | (values > scale[1]))
            if outside.any():
                hit = outside & np.isin(values, list(codes_pair[1]))
                if hit.any():
                    found = {}
                    vals, ns = np.unique(values[hit], return_counts=True)
                    for v, n in zip(vals, ns):
                        found[_show(v)] = int(n)
                    values = values.copy()
                    values[hit] = np.nan
    else:
        codes, uniques = _as_text_uniques(series)
        is_code, shown = _lookup_codes(uniques, codes_pair, scale)
        found = _count_found(codes, is_code, shown)
        parsed = np.array(pd.to_numeric(pd.Series(uniques, dtype=object), errors="coerce"),
                          dtype="float64")
        for i in np.flatnonzero(np.isnan(parsed) & ~is_code):
            value = uniques[i]
            if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
                parsed[i] = float(value)
                continue
            number = _parse_number(value)
            if number is None:
                if isinstance(value, str) and not value.strip():
                    continue  # blank cell: plain missing
                pos = _first_position(codes == i)
                what = (f"not a number on the {_scale_text(scale)} scale" if
                        _is_score_scale(scale) else "not a number")
                n_bad = int((codes == i).sum())
                raise DataValidationError(
                    what + (f" ({n_bad} rows with this value), first" if n_bad > 1 else ""),
                    file=file, column=column, value=value, row=rows(pos),
                    fix=_fix_for_text(value, column))
            parsed[i] = number
        parsed[is_code] = np.nan
        values = np.where(codes >= 0, parsed[np.maximum(codes, 0)], np.nan)

    if scale is not None:
        outside = ~np.isnan(values) & ((values < scale[0]) | (values > scale[1]))
        if outside.any():
            pos = _first_position(outside)
            n_bad = int(outside.sum())
            if _is_score_scale(scale):
                problem = f"value outside the {_scale_text(scale)} scale"
            else:
                problem = "negative value where only values ≥ 0 make sense"
            if n_bad > 1:
                problem += f" ({n_bad} such values), first"
            raise DataValidationError(
                problem, file=file, column=column, value=_show(values[pos]),
                row=rows(pos),
                fix=("correct the value; if it is a code for 'no answer', pass it in "
                     f"missing_codes, e.g. missing_codes={{{column!r}: [{_show(values[pos])!r}]}}"))
    if column in contract.integers:
        frac = ~np.isnan(values) & (values != np.floor(values))
        if frac.any():
            pos = _first_position(frac)
            raise DataValidationError(
                "expected a whole number", file=file, column=column,
                value=_show(values[pos]), row=rows(pos),
                fix="correct the value or map a different column")
        return pd.Series(values, index=series.index, name=column).astype("Int64"), found
    return pd.Series(values, index=series.index, name=column), found


def _is_score_scale(scale):
    return scale is not None and not math.isinf(scale[1])


def _scale_text(scale):
    low, high = (_show(float(v)) for v in scale)
    return f"{low}-{high}"


def _fix_for_text(value, column):
    return (f"write scores as numbers, or labels starting or ending with the number "
            f"('10 - Extremely likely'); if {str(value)!r} means 'no answer', "
            f"pass missing_codes={{{column!r}: [{str(value)!r}]}}")


def _clean_bools(series, column, codes_pair, file, rows):
    if pd.api.types.is_bool_dtype(series.dtype) and not series.isna().any():
        return series.astype(bool), {}
    codes, uniques = _as_text_uniques(series)
    is_code, shown = _lookup_codes(uniques, codes_pair, None)
    found = _count_found(codes, is_code, shown)
    truth = np.zeros(len(uniques), dtype=bool)
    known = np.zeros(len(uniques), dtype=bool)
    for i, value in enumerate(uniques):
        if is_code[i]:
            continue
        if isinstance(value, (bool, np.bool_)):
            truth[i], known[i] = bool(value), True
            continue
        key = _norm_text(value)
        if key in _BOOL_WORDS:
            truth[i], known[i] = _BOOL_WORDS[key], True
        elif key == "":
            continue
        else:
            pos = _first_position(codes == i)
            raise DataValidationError(
                "not a yes/no value", file=file, column=column, value=value,
                row=rows(pos),
                fix="use 1/0, yes/no, true/false or Y/N (or map the right column)")
    missing = (codes < 0) | ~known[np.maximum(codes, 0)]
    values = truth[np.maximum(codes, 0)]
    if missing.any():
        out = pd.array(values, dtype="boolean")
        out[missing] = pd.NA
        return pd.Series(out, index=series.index, name=column), found
    return pd.Series(values, index=series.index, name=column), found


def _clean_category(series, column, allowed, file, rows):
    if not (pd.api.types.is_string_dtype(series.dtype) or pd.api.types.is_object_dtype(series.dtype)):
        series = series.astype(_string_dtype())
    codes, uniques = _as_text_uniques(series)
    fixed = []
    for i, value in enumerate(uniques):
        key = _norm_text(value)
        if key not in allowed:
            pos = _first_position(codes == i)
            raise DataValidationError(
                f"not a known {column}; allowed: {', '.join(allowed)}", file=file,
                column=column, value=value, row=rows(pos),
                fix=f"recode the value to one of {', '.join(allowed)}")
        fixed.append(key)
    values = np.array(fixed + [np.nan], dtype=object)[np.where(codes >= 0, codes, len(fixed))]
    return pd.Series(values, index=series.index, name=column).astype(_string_dtype())


def _clean_dates(series, column, contract, codes_pair, file, rows, excel_serials):
    months = column in contract.months
    found: dict = {}
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        out = series
        if getattr(out.dt, "tz", None) is not None:
            out = out.dt.tz_convert("UTC").dt.tz_localize(None)
    else:
        codes, uniques = _as_text_uniques(series)
        is_code, shown = _lookup_codes(uniques, codes_pair, None)
        found = _count_found(codes, is_code, shown)
        parsed = _parse_date_uniques(uniques, is_code, column, months, file, rows, codes,
                                     excel_serials)
        values = parsed[np.maximum(codes, 0)]
        values[codes < 0] = np.datetime64("NaT")
        out = pd.Series(values, index=series.index, name=column)
    if months:
        day = out.dt.day.to_numpy(dtype="float64", na_value=np.nan)
        off = ~np.isnan(day) & (day != 1)
        if off.any():
            pos = _first_position(off)
            raise DataValidationError(
                "a month must be given as its first day (or as YYYY-MM)", file=file,
                column=column, value=str(out.iloc[pos].date()), row=rows(pos),
                fix="write months as 2025-06 or 2025-06-01 (use the first of the month)")
    return out, found


def _parse_date_uniques(uniques, is_code, column, months, file, rows, codes, excel_serials):
    """Parse the distinct values of a date column with one format for all of them."""
    n = len(uniques)
    result = np.full(n, np.datetime64("NaT"), dtype="datetime64[us]")
    todo = ~is_code
    # values that are already dates/timestamps (Excel cells) or Excel serial numbers
    texts = np.empty(n, dtype=object)
    for i, value in enumerate(uniques):
        if not todo[i]:
            continue
        if isinstance(value, (pd.Timestamp, np.datetime64)) or hasattr(value, "year"):
            result[i] = _naive(pd.Timestamp(value)).to_datetime64()
            todo[i] = False
        elif isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
            number = float(value)
            if excel_serials and _EXCEL_SERIAL_RANGE[0] <= number <= _EXCEL_SERIAL_RANGE[1]:
                result[i] = (pd.Timestamp("1899-12-30")
                             + pd.to_timedelta(round(number * 86400), unit="s")).to_datetime64()
                todo[i] = False
            elif number.is_integer():
                texts[i] = str(int(number))
            else:
                texts[i] = str(number)
        else:
            text = str(value).strip()
            if not text:
                todo[i] = False
            texts[i] = text
    idx = np.flatnonzero(todo)
    if len(idx) == 0:
        return result
    candidates = pd.Index(texts[idx].astype(str))
    formats = (_MONTH_FORMATS + _DATE_FORMATS) if months else _DATE_FORMATS
    best = None  # (n parsed, format, parsed)
    complete = []
    iso = pd.to_datetime(candidates, format="ISO8601", errors="coerce")
    if not iso.isna().any():
        complete.append(("ISO8601", iso))
    else:
        best = (int((~iso.isna()).sum()), "ISO8601", iso)
        for fmt in formats:
            parsed = pd.to_datetime(candidates, format=fmt, errors="coerce")
            ok = int((~parsed.isna()).sum())
            if ok == len(candidates):
                complete.append((fmt, parsed))
            elif best is None or ok > best[0]:
                best = (ok, fmt, parsed)
    if complete:
        fmt, parsed = complete[0]
        rivals = [f for f, p in complete[1:] if not p.equals(parsed)]
        if rivals and fmt != "ISO8601":
            pos = _first_position(codes == idx[0])
            example = texts[idx[0]]
            raise DataValidationError(
                "dates can be read day-first or month-first and nothing in the column "
                "decides", file=file, column=column, value=example, row=rows(pos),
                fix="re-export the dates as YYYY-MM-DD (ISO)")
    else:
        _, fmt, parsed = best
        bad = np.flatnonzero(parsed.isna())
        # report the bad value that comes first in the file
        bad_uniques = idx[bad]
        first_rows = [(_first_position(codes == u), u) for u in bad_uniques[:50]]
        pos, u = min(first_rows)
        raise DataValidationError(
            "cannot read this as a date", file=file, column=column, value=uniques[u],
            row=rows(pos),
            fix=("write dates as YYYY-MM-DD; day-first (31/12/2025) dates work when the "
                 "whole column uses them"))
    if getattr(parsed, "tz", None) is not None:
        parsed = parsed.tz_convert("UTC").tz_localize(None)
    result[idx] = np.asarray(parsed.astype("datetime64[us]"))
    return result


def _naive(stamp: pd.Timestamp) -> pd.Timestamp:
    if stamp.tzinfo is not None:
        return stamp.tz_convert("UTC").tz_localize(None)
    return stamp


def _check_unique(df, contract, file, rows):
    key = [c for c in contract.unique if c in df.columns]
    if not key:
        return
    if len(key) == 1:
        column = df[key[0]]
        repeat = column.duplicated(keep="first").to_numpy() & column.notna().to_numpy()
    else:
        repeat = df.duplicated(subset=key, keep="first").to_numpy()
    if not repeat.any():
        return
    pos2 = _first_position(repeat)
    if len(key) == 1:
        value = df[key[0]].iloc[pos2]
        same = (df[key[0]] == value).to_numpy()
        shown_value, what, label = value, "id", key[0]
    else:
        values = tuple(df[c].iloc[pos2] for c in key)
        same = np.ones(len(df), dtype=bool)
        for c, v in zip(key, values):
            same &= (df[c] == v).to_numpy()
        shown_value = tuple(str(v.date()) if isinstance(v, pd.Timestamp) else v for v in values)
        what, label = "key", " + ".join(key)
    pos1 = _first_position(same)
    n_more = int(repeat.sum()) - 1
    more = f"; {n_more} more repeated {what}(s) after it" if n_more else ""
    raise DataValidationError(
        f"duplicate {what}: rows {rows(pos1)} and {rows(pos2)} have the same {label}{more}",
        file=file, column=label, value=shown_value, row=rows(pos2),
        fix=(f"remove or merge the repeated rows, or map a column that identifies each "
             f"row uniquely to {key[0]!r}" if len(key) == 1 else
             f"keep one row per {label}, e.g. sum them before loading"))
