"""Reading tables: the bundled sample, and users' own exports.

* :func:`read_dataset` returns a table of the bundled demo data (written by
  ``python -m cxresearch.sample``), e.g. ``read_dataset("responses")``.
* :func:`load_table` reads a user's file (CSV, TSV, TXT, Excel, Parquet) as it
  comes out of a survey platform or a CRM, renames its columns with a mapping,
  and checks it against the contract of its kind (:mod:`cxresearch.schemas`).

Whatever goes wrong, the user gets one :class:`~cxresearch.exceptions.CXResearchError`
whose one-line message names the file, the column, the offending value and row,
and the fix.  Files are only ever opened for reading: raw data is immutable.

This module does not compute anything about the data (see :mod:`cxresearch.metrics`)
and does not write files.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import json
import os
import re
from pathlib import Path
from typing import Mapping

import pandas as pd

from . import config
from . import schemas
from .exceptions import (
    CXResearchError,
    DataFileError,
    ParameterError,
    SchemaError,
)

__all__ = [
    "load_table",
    "read_dataset",
    "list_datasets",
    "TEXT_EXTENSIONS",
    "EXCEL_EXTENSIONS",
    "PARQUET_EXTENSIONS",
]

#: File name endings read as delimited text.
TEXT_EXTENSIONS = (".csv", ".tsv", ".txt", ".tab")
#: File name endings read as Excel workbooks.
EXCEL_EXTENSIONS = (".xlsx", ".xlsm", ".xls")
#: File name endings read as Parquet.
PARQUET_EXTENSIONS = (".parquet", ".pq")

_DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
# What pandas reads as missing by default; applied to the columns no contract
# types (contract columns handle such values as counted answer codes).
_NA_TOKENS = ("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
              "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None",
              "n/a", "nan", "null")
# Second header rows of survey platforms.
_IMPORT_ID = re.compile(r'^\s*\{\s*"ImportId"\s*:', re.IGNORECASE)
_SURVEYMONKEY_MARKERS = {"Response", "Open-Ended Response"}
_HEAD_BYTES = 256 * 1024

_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (perhaps an Excel .xlsx workbook with the wrong name)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.xls or .doc)"),
    (b"PAR1", "a Parquet file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3", "an SQLite database"),
    (b"$FL2", "an SPSS .sav file"),
    (b"$FL3", "an SPSS .sav file"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# --------------------------------------------------------------------------
# bundled sample
# --------------------------------------------------------------------------

def list_datasets() -> list:
    """Names of the bundled sample tables :func:`read_dataset` can return.

    Returns
    -------
    list of str
        The tables of ``data/sample/`` (``units``, ``customers``,
        ``customer_months``, ``responses``, ``verbatims``), then the files of
        ``data/sample/truth/`` as ``"truth/<name>"`` (what the generator
        planted, for tests).  Empty when the sample has not been generated.

    Examples
    --------
    >>> from cxresearch.datasets import list_datasets
    >>> names = list_datasets()  # doctest: +SKIP
    >>> "responses" in names  # doctest: +SKIP
    True
    """
    sample_dir, truth_dir = Path(config.SAMPLE_DIR), Path(config.TRUTH_DIR)
    names = []
    if sample_dir.is_dir():
        names += sorted(p.stem for p in sample_dir.glob("*.parquet") if p.is_file())
    if truth_dir.is_dir():
        names += sorted(f"truth/{p.stem}" for p in truth_dir.iterdir()
                        if p.is_file() and p.suffix in (".parquet", ".csv", ".json"))
    return names


def read_dataset(name: str):
    """Return a table of the bundled sample data.

    Parameters
    ----------
    name : str
        ``"units"``, ``"customers"``, ``"customer_months"``, ``"responses"`` or
        ``"verbatims"`` (see :func:`list_datasets`), or ``"truth/<name>"`` for
        what the sample generator planted.

    Returns
    -------
    pandas.DataFrame
        The table, in the types of its contract (:mod:`cxresearch.schemas`).
        A ``truth/`` JSON file is returned as the object it holds.

    Raises
    ------
    ParameterError
        When ``name`` is not a bundled table (the message lists them).
    DataFileError
        When the sample has not been generated yet (the message says how).

    Examples
    --------
    >>> from cxresearch.datasets import read_dataset
    >>> responses = read_dataset("responses")  # doctest: +SKIP
    >>> responses[["response_id", "nps"]].head(2)  # doctest: +SKIP
    """
    if not isinstance(name, str):
        raise ParameterError("a dataset name must be text", parameter="name", value=name,
                             fix="pass e.g. read_dataset('responses')")
    sample_dir, truth_dir = Path(config.SAMPLE_DIR), Path(config.TRUTH_DIR)
    available = list_datasets()
    if not any(not n.startswith("truth/") for n in available):
        raise DataFileError(
            "the bundled sample data has not been generated (no .parquet tables)",
            file=sample_dir, fix="run `python -m cxresearch.sample` from the project folder")
    if name not in available:
        close = difflib.get_close_matches(name, available, n=1)
        raise ParameterError(
            f"no bundled dataset of that name; available: {', '.join(available)}",
            parameter="name", value=name,
            fix=f"use read_dataset({close[0]!r})" if close else "use one of the names listed")
    if name.startswith("truth/"):
        stem = name.split("/", 1)[1]
        path = next(p for p in sorted(truth_dir.iterdir()) if p.stem == stem
                    and p.suffix in (".parquet", ".csv", ".json"))
    else:
        path = sample_dir / f"{name}.parquet"
    try:
        if path.suffix == ".json":
            with open(path, encoding="utf-8") as handle:
                return json.load(handle)
        if path.suffix == ".csv":
            frame = pd.read_csv(path)
        else:
            frame = pd.read_parquet(path)
    except (OSError, ValueError) as err:
        raise DataFileError(f"cannot read the bundled table: {type(err).__name__}",
                            file=path, fix="regenerate it with `python -m cxresearch.sample`") from err
    frame.attrs["load_report"] = {"file": str(path), "rows": len(frame), "dataset": name}
    return frame


# --------------------------------------------------------------------------
# users' files
# --------------------------------------------------------------------------

def load_table(path, kind=None, mapping=None, *, sheet=None, missing_codes=None,
               encoding=None, delimiter=None, require=None) -> pd.DataFrame:
    """Read a user's export and check it against the contract of its kind.

    Parameters
    ----------
    path : str or path-like
        A ``.csv``, ``.tsv``, ``.txt`` or ``.tab`` text table, an Excel workbook
        (``.xlsx``, ``.xlsm``; ``.xls`` needs the ``xlrd`` package) or a
        ``.parquet`` file.  The file is only read, never changed.
    kind : str, optional
        ``"responses"``, ``"verbatims"``, ``"customers"``, ``"customer_months"``
        or ``"units"``: the table is checked and cleaned by
        :func:`cxresearch.schemas.validate`.  None (default) only reads it.
    mapping : dict or str or path-like, optional
        ``{their column name: our column name}``, or the path of a YAML file
        holding such a mapping, optionally under a top-level key named after
        the kind (``responses: {Q1: nps}``).  Applied before the check.
    sheet : str or int, optional
        Excel sheet name or 0-based position; the first sheet by default.
    missing_codes : list or dict, optional
        Values meaning "no answer" in score, number, date and yes/no columns;
        replaces :data:`cxresearch.schemas.DEFAULT_MISSING_CODES` ("Don't
        know", "N/A", "Prefer not to say", out-of-scale 99/98/-99, ...).  A dict
        ``{column: [codes]}`` sets them per column (our column names).
    encoding : str, optional
        Text encoding; detected when None: UTF-8 (with or without BOM), UTF-16
        with BOM, else Windows-1252, else Latin-1.
    delimiter : str, optional
        Field separator; sniffed among comma, semicolon, tab and pipe when None.
    require : list of str, optional
        Columns this particular study needs on top of the contract.

    Returns
    -------
    pandas.DataFrame
        One row per record.  Id columns are text (a 19-digit id survives
        exactly); with ``kind`` the contract's types apply (see
        :func:`~cxresearch.schemas.validate`).  ``df.attrs["load_report"]``
        records what was done: ``file``, ``rows``, ``encoding``,
        ``delimiter``, ``header_rows_dropped``, ``missing_codes``
        (``{column: count}``), ``kind``, ``engine``, ``sheet``, ``mapping``,
        ``first_data_row``.

    Raises
    ------
    DataFileError
        File missing (close names in the folder are suggested), empty, header
        only, not a text table (binary), not decodable, ragged, or of an
        unsupported type; a mapping file that is missing or not valid YAML.
    SchemaError
        A required column is missing, or the mapping names a column the file
        does not have or maps two columns onto one name.
    DataValidationError
        A duplicate id, a score outside its scale or not a number, a date that
        cannot be read (see :func:`~cxresearch.schemas.validate`).
    ParameterError
        Unknown ``kind``, a mapping that is not ``{name: name}``, a bad
        ``sheet``, ``delimiter`` or ``encoding``.

    Warns
    -----
    CXResearchWarning
        Once, when answer codes were set to missing, with counts per column.

    Notes
    -----
    Row numbers in messages are the rows a user sees when opening the file in a
    spreadsheet: the column names are row 1, so the first record is row 2 (row
    4 under a Qualtrics three-row header).  A record whose quoted text spans
    several lines is one row, as in a spreadsheet; blank lines are not counted.
    For a Parquet file the row is the 1-based record number.

    Survey-platform exports are recognised: the question-text and
    ``{"ImportId": ...}`` rows of a Qualtrics CSV and the "Response" /
    "Open-Ended Response" row of a SurveyMonkey export are dropped (counted in
    ``header_rows_dropped``); scores written as labels ("10 - Extremely
    likely", "Extremely likely - 10") are read as their number.

    Empty cells are missing.  In the contract's score, number, date and yes/no
    columns, answer codes become missing and are counted (``missing_codes``);
    the contract's text columns keep what was written (an answer "None" stays
    "None"); columns outside the contract (all of them when ``kind`` is None)
    treat pandas' usual markers ("NA", "N/A", "NULL", ...) as missing.  Whole
    numbers too long for a float (more than 15 digits) are never turned into
    floats; note that Excel itself keeps only 15 digits of a number cell, so
    long ids in a workbook must be stored as text there.

    Text tables are parsed with the multi-threaded pyarrow CSV reader; files it
    rejects (e.g. ragged rows) are retried with the pandas C parser, which
    also names the offending line.

    Examples
    --------
    >>> import tempfile, pathlib, warnings
    >>> from cxresearch.datasets import load_table
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "export.csv").write_text(
    ...     "ResponseId,Q1,Comment\\n"
    ...     "3454875210006392832,10 - Extremely likely,Great\\n"
    ...     "3454875210006392833,Don't know,\\n")
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     df = load_table(folder / "export.csv", kind="responses",
    ...                     mapping={"ResponseId": "response_id", "Q1": "nps",
    ...                              "Comment": "comment"})
    >>> df["response_id"].tolist()
    ['3454875210006392832', '3454875210006392833']
    >>> df["nps"].tolist()
    [10.0, nan]
    >>> df.attrs["load_report"]["missing_codes"]
    {'nps': 1}
    """
    try:
        return _load_table(path, kind, mapping, sheet=sheet, missing_codes=missing_codes,
                           encoding=encoding, delimiter=delimiter, require=require)
    except CXResearchError as err:
        if err.file is not None or not isinstance(path, (str, os.PathLike)):
            raise
        # a parameter error still says which file was being loaded
        raise type(err)(err.problem, file=os.fspath(path), column=err.column,
                        parameter=err.parameter, value=err.value, row=err.row,
                        fix=err.fix) from None


def _load_table(path, kind, mapping, *, sheet, missing_codes, encoding, delimiter, require):
    contract = schemas.get_contract(kind) if kind is not None else None
    source = _check_path(path)
    name_map = _load_mapping(mapping, kind)
    _check_options(source, sheet, encoding, delimiter)
    require = schemas._check_require(require)

    def kept_as_text(column: str) -> bool:
        ours = name_map.get(column, column)
        if _looks_like_id(ours, contract):
            return True
        return contract is not None and (ours in contract.dates or ours in contract.months)

    suffix = source.suffix.lower()
    if suffix in TEXT_EXTENSIONS:
        frame, info = _read_text(source, kept_as_text, encoding, delimiter, name_map)
    elif suffix in EXCEL_EXTENSIONS:
        frame, info = _read_excel(source, kept_as_text, sheet, name_map)
    else:
        frame, info = _read_parquet(source, name_map)

    frame = _apply_mapping(frame, name_map, source)
    typed = set()
    if contract is not None:
        typed = {c for c in frame.columns if isinstance(c, str)
                 and (contract.knows(c) or c in contract.categories)}
    frame = _tidy_untyped(frame, typed, contract)

    report = {
        "file": str(source),
        "rows": len(frame),
        "kind": kind,
        "encoding": info.get("encoding"),
        "delimiter": info.get("delimiter"),
        "header_rows_dropped": info.get("header_rows_dropped", 0),
        "missing_codes": {},
        "engine": info.get("engine"),
        "sheet": info.get("sheet"),
        "mapping": dict(name_map),
        "first_data_row": info["first_data_row"],
    }
    frame.attrs["load_report"] = report
    if contract is None:
        if require:
            schemas._check_columns(frame, schemas.Contract(kind="table"), require, str(source))
        return frame
    frame, counts, details = schemas._validate(
        frame, kind, file=str(source), missing_codes=missing_codes, require=require,
        excel_serials=suffix in EXCEL_EXTENSIONS)
    frame.attrs["load_report"]["file"] = str(source)
    schemas._warn_missing(counts, details, str(source), stacklevel=4)
    return frame


# ---- checks before reading ------------------------------------------------------

def _check_path(path) -> Path:
    if not isinstance(path, (str, os.PathLike)):
        raise ParameterError("expected a file path", parameter="path", value=path,
                             fix="pass the path of the export as text or a pathlib.Path")
    source = Path(path).expanduser()
    if not source.exists():
        folder = source.parent
        if not folder.is_dir():
            raise DataFileError("file not found (its folder does not exist either)",
                                file=source, fix=f"check the path; {folder} is not a folder")
        siblings = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
        close = difflib.get_close_matches(source.name, siblings, n=3, cutoff=0.5)
        if close:
            fix = f"did you mean {', '.join(repr(c) for c in close)} (in {folder})?"
        elif siblings:
            shown = ", ".join(repr(s) for s in siblings[:6]) + (", …" if len(siblings) > 6 else "")
            fix = f"check the name; {folder} holds {shown}"
        else:
            fix = f"check the path; {folder} is empty"
        raise DataFileError("file not found", file=source, fix=fix)
    if source.is_dir():
        raise DataFileError("is a folder, not a file", file=source,
                            fix="pass the path of one export file inside it")
    suffix = source.suffix.lower()
    known = TEXT_EXTENSIONS + EXCEL_EXTENSIONS + PARQUET_EXTENSIONS
    if suffix not in known:
        hints = {".sav": "export it from SPSS as CSV", ".json": "convert it to CSV",
                 ".gz": "unpack it first", ".zip": "unpack it first",
                 ".ods": "save it from LibreOffice as .xlsx or CSV",
                 ".numbers": "export it from Numbers as CSV"}
        fix = hints.get(suffix, "save it as CSV")
        raise DataFileError(
            f"cannot read {suffix or 'extension-less'} files; readable: "
            f"{', '.join(known)}", file=source, value=suffix or str(source), fix=fix)
    if source.stat().st_size == 0:
        raise DataFileError("file is empty (0 bytes)", file=source,
                            fix="export the data again; this file holds nothing")
    return source


def _check_options(source, sheet, encoding, delimiter):
    suffix = source.suffix.lower()
    if sheet is not None:
        if suffix not in EXCEL_EXTENSIONS:
            raise ParameterError("sheet= only applies to Excel workbooks", parameter="sheet",
                                 file=source, value=sheet, fix="leave sheet=None for this file")
        if not isinstance(sheet, (str, int)) or isinstance(sheet, bool):
            raise ParameterError("expected a sheet name or a 0-based position",
                                 parameter="sheet", value=sheet, fix="pass e.g. sheet='Data'")
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except (LookupError, TypeError):
            raise ParameterError("unknown text encoding", parameter="encoding", value=encoding,
                                 fix="use e.g. 'utf-8', 'cp1252' or 'latin-1', or leave it "
                                     "None to detect it") from None
    if delimiter is not None and (not isinstance(delimiter, str) or len(delimiter) != 1
                                  or delimiter in "\"\r\n"):
        raise ParameterError("a delimiter is one character", parameter="delimiter",
                             value=delimiter, fix="pass e.g. delimiter=';', or None to sniff it")


def _looks_like_id(column, contract) -> bool:
    if not isinstance(column, str):
        return False
    if contract is not None and column in contract.ids:
        return True
    if column in _ALL_IDS:
        return True
    lowered = column.lower()
    return lowered == "id" or lowered.endswith("_id")


_ALL_IDS = frozenset(c for k in schemas.CONTRACTS.values() for c in k.ids)


# ---- mapping ---------------------------------------------------------------

def _load_mapping(mapping, kind) -> dict:
    if mapping is None:
        return {}
    origin = None
    if isinstance(mapping, (str, os.PathLike)):
        origin = Path(mapping).expanduser()
        data = _read_yaml(origin)
        if isinstance(data, Mapping) and data and all(isinstance(v, Mapping) or v is None
                                                      for v in data.values()) \
                and any(k in schemas.KINDS for k in data):
            if kind is None or kind not in data:
                raise ParameterError(
                    f"the mapping file has sections {', '.join(map(str, data))} but none "
                    f"for kind={kind!r}", parameter="mapping", file=origin, value=kind,
                    fix=f"add a section '{kind}:' or pass kind= one of "
                        f"{', '.join(map(str, data))}")
            data = data[kind] or {}
        elif isinstance(data, Mapping) and kind is not None and isinstance(data.get(kind), Mapping):
            data = data[kind]
    else:
        data = mapping
    if not isinstance(data, Mapping):
        raise ParameterError(
            "a column mapping must be {their column name: our column name}",
            parameter="mapping", file=origin, value=type(data).__name__,
            fix="write one 'Their Column: our_column' per line" if origin
                else "pass e.g. mapping={'NPS_Score': 'nps'}")
    clean = {}
    for theirs, ours in data.items():
        if theirs is None or ours is None or isinstance(ours, (Mapping, list)):
            raise ParameterError(
                "each mapping entry must map one column name to one column name",
                parameter="mapping", file=origin, value={theirs: ours},
                fix="write it as 'Their Column: our_column'")
        clean[str(theirs).strip()] = str(ours).strip()
    return clean


def _read_yaml(origin: Path):
    import yaml

    if not origin.is_file():
        folder = origin.parent
        siblings = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        close = difflib.get_close_matches(origin.name, siblings, n=3, cutoff=0.5)
        raise DataFileError(
            "mapping file not found", file=origin,
            fix=(f"did you mean {', '.join(repr(c) for c in close)}?" if close else
                 "check the path, or pass the mapping as a dict"))
    try:
        with open(origin, encoding="utf-8-sig") as handle:
            return yaml.safe_load(handle)
    except UnicodeDecodeError as err:
        raise DataFileError("mapping file is not UTF-8 text", file=origin,
                            fix="save it as UTF-8") from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or type(err).__name__
        raise DataFileError(
            f"mapping file is not valid YAML: {problem}", file=origin,
            row=None if mark is None else mark.line + 1,
            fix="write one 'Their Column: our_column' per line; quote names holding "
                "':' or '#'") from err


def _apply_mapping(frame, name_map, source):
    if not name_map:
        return frame
    columns = [str(c) for c in frame.columns]
    for theirs in name_map:
        if theirs not in frame.columns:
            close = schemas._close_columns(columns, theirs)
            where = (f"close columns: {', '.join(repr(c) for c in close)}" if close else
                     "the file has " + ", ".join(repr(c) for c in columns[:8])
                     + (", …" if len(columns) > 8 else ""))
            raise SchemaError(
                f"the mapping names a column the file does not have; {where}",
                file=str(source), column=theirs, parameter="mapping",
                fix=(f"use {close[0]!r} as the mapping key" if close
                     else "correct the key to the file's column name"))
    targets: dict = {}
    for column in columns:
        ours = name_map.get(column, column)
        if ours in targets:
            raise SchemaError(
                f"two columns would both be called {ours!r}: {targets[ours]!r} and {column!r}",
                file=str(source), column=ours, parameter="mapping",
                fix=f"map only one of them to {ours!r} (or rename the other too)")
        targets[ours] = column
    return frame.rename(columns=name_map)


def _tidy_untyped(frame, typed, contract):
    """Give the columns no contract types what pandas would: 'NA', 'N/A' ... as missing."""
    for column in frame.columns:
        if column in typed or _looks_like_id(column, contract):
            continue
        series = frame[column]
        if not (pd.api.types.is_string_dtype(series.dtype)
                or pd.api.types.is_object_dtype(series.dtype)):
            continue
        is_na = series.isin(_NA_TOKENS).to_numpy() & series.notna().to_numpy()
        if not is_na.any():
            continue
        series = series.mask(is_na)
        numbers = pd.to_numeric(series, errors="coerce")
        if int(numbers.isna().sum()) == int(series.isna().sum()):
            series = numbers
        frame[column] = series
    return frame


# ---- text tables -----------------------------------------------------------

def _read_text(source, kept_as_text, encoding, delimiter, name_map):
    with open(source, "rb") as handle:
        raw = handle.read()
    _refuse_binary(source, raw)
    text, encoding_used = _decode(source, raw, encoding)
    if not text or text.isspace():
        raise DataFileError("file holds only blank space", file=source,
                            fix="export the data again; this file holds no table")
    head = text[:_HEAD_BYTES]
    truncated = len(text) > _HEAD_BYTES
    sep = delimiter or _sniff_delimiter(head, truncated)
    records, header_lines = _first_records(head, sep, truncated)
    names = _clean_names(records[0])
    dropped = _count_header_rows(records[1:4])
    first_data_row = 2 + dropped
    if len(records) <= 1 + dropped and not truncated:
        shown = ", ".join(repr(c) for c in names[:5]) + (", …" if len(names) > 5 else "")
        raise DataFileError(f"file has column names ({shown}) but no data rows",
                            file=source, fix="export the data again, including the answers")
    _check_mapping_keys(name_map, names, source)
    as_text = [n for n in names if kept_as_text(n)]
    if encoding_used in ("utf-8", "ascii"):
        data = raw
    elif encoding_used == "utf-8-sig":
        data = raw[len(codecs.BOM_UTF8):]
    else:
        data = text.encode("utf-8")
    del text, head
    info = {"encoding": encoding_used, "delimiter": sep, "header_rows_dropped": dropped,
            "first_data_row": first_data_row}
    try:
        frame = _read_with_pyarrow(data, sep, names, header_lines, dropped, as_text)
        info["engine"] = "pyarrow"
    except Exception:  # the pyarrow reader rejects the file: let the C parser say why
        frame = _read_with_c(source, data, sep, names, dropped, as_text)
        info["engine"] = "c"
    if len(frame) == 0:
        shown = ", ".join(repr(c) for c in names[:5]) + (", …" if len(names) > 5 else "")
        raise DataFileError(f"file has column names ({shown}) but no data rows",
                            file=source, fix="export the data again, including the answers")
    return frame, info


def _refuse_binary(source, raw: bytes):
    head = raw[:4096]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise DataFileError(f"not a text table: it looks like {what}", file=source,
                                value=head[:8],
                                fix=_binary_fix(what))
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 or b == 127)
    if b"\x00" in head or controls > max(4, len(head) // 50):
        raise DataFileError("not a text table: it looks like binary data", file=source,
                            value=head[:12],
                            fix="export the data as CSV (or Excel / Parquet with the "
                                "right file ending)")


def _binary_fix(what):
    if "xlsx" in what:
        return "rename it to .xlsx if it is a workbook, or export it as CSV"
    if "Parquet" in what:
        return "rename it to .parquet"
    if ".xls" in what:
        return "rename it to .xls, or save it as .xlsx or CSV"
    return "export the data as CSV, Excel or Parquet"


def _decode(source, raw: bytes, encoding):
    if encoding is not None:
        try:
            return raw.decode(encoding), codecs.lookup(encoding).name
        except UnicodeDecodeError as err:
            raise DataFileError(
                f"cannot be decoded as {encoding} (byte {raw[err.start:err.start + 1]!r} at "
                f"position {err.start})", file=source,
                fix="leave encoding=None to detect it, or name the encoding the export "
                    "used") from None
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(name)
            except UnicodeDecodeError as err:
                raise DataFileError(f"starts with a {name} byte-order mark but cannot be "
                                    f"decoded as {name} (position {err.start})", file=source,
                                    fix="re-export the file as UTF-8") from None
            return text.lstrip("\ufeff"), name
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def _sniff_delimiter(head: str, truncated: bool) -> str:
    best, best_score = ",", None
    for sep in _DELIMITERS:
        rows = _records(head, sep, limit=30)
        if truncated and len(rows) > 1:
            rows = rows[:-1]  # the last one may be cut off
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        consistent = sum(len(r) == width for r in rows) / len(rows)
        score = (consistent, width)
        if best_score is None or score > best_score:
            best, best_score = sep, score
    return best


def _records(head: str, sep: str, limit: int):
    reader = csv.reader(io.StringIO(head, newline=""), delimiter=sep, quotechar='"',
                        doublequote=True, strict=False)
    rows = []
    try:
        for row in reader:
            if not row or all(not c.strip() for c in row):
                continue
            rows.append(row)
            if len(rows) >= limit:
                break
    except csv.Error:
        pass
    return rows


def _first_records(head: str, sep: str, truncated: bool):
    """The first records (header first) and how many physical lines the header spans."""
    reader = csv.reader(io.StringIO(head, newline=""), delimiter=sep, quotechar='"',
                        doublequote=True, strict=False)
    records, header_lines = [], 1
    try:
        for row in reader:
            if not records and (not row or all(not c.strip() for c in row)):
                continue  # leading blank lines
            if row or records:
                records.append(row)
                if len(records) == 1:
                    header_lines = reader.line_num
            if len(records) >= 5:
                break
    except csv.Error:
        pass
    if truncated and len(records) > 1 and len(records) < 5:
        records = records[:-1]
    # drop trailing blank rows (a final newline or empty lines)
    while len(records) > 1 and all(not c.strip() for c in records[-1]):
        records.pop()
    return records or [[]], header_lines


def _clean_names(header):
    names, seen = [], {}
    for i, cell in enumerate(header):
        name = cell.replace("\ufeff", "").strip() or f"Unnamed: {i}"
        base = name
        while name in seen:
            seen[base] += 1
            name = f"{base}.{seen[base]}"
        seen.setdefault(name, 0)
        names.append(name)
    return names


def _count_header_rows(rows) -> int:
    """How many rows after the column names are extra header rows of a survey platform."""
    for i, row in enumerate(rows[:3]):
        if any(_IMPORT_ID.match(str(c)) for c in row if c is not None):
            return i + 1  # Qualtrics: question text, then {"ImportId": ...}
    if rows and any(str(c).strip() in _SURVEYMONKEY_MARKERS for c in rows[0] if c is not None) \
            and not any(_is_number(c) for c in rows[0]):
        return 1  # SurveyMonkey: "Response" / "Open-Ended Response" under the questions
    return 0


def _is_number(cell) -> bool:
    try:
        float(str(cell).strip())
    except ValueError:
        return False
    return True


def _check_mapping_keys(name_map, names, source):
    if name_map:
        _apply_mapping(pd.DataFrame(columns=names), name_map, source)


def _read_with_pyarrow(data, sep, names, header_lines, dropped, as_text):
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv

    read = pcsv.ReadOptions(column_names=names, skip_rows=header_lines,
                            skip_rows_after_names=dropped, use_threads=True,
                            block_size=8 << 20)
    parse = pcsv.ParseOptions(delimiter=sep, quote_char='"', double_quote=True,
                              newlines_in_values=True, ignore_empty_lines=True)
    convert = pcsv.ConvertOptions(column_types={n: pa.string() for n in as_text},
                                  null_values=[""], strings_can_be_null=True,
                                  quoted_strings_can_be_null=True)
    table = pcsv.read_csv(pa.py_buffer(data), read_options=read, parse_options=parse,
                          convert_options=convert)
    for i, field in enumerate(table.schema):
        column = table.column(i)
        if pa.types.is_date(field.type):
            # dates pyarrow recognised itself: timestamps, not Python date objects
            table = table.set_column(i, field.name, column.cast(pa.timestamp("s")))
        elif pa.types.is_null(field.type):
            # an all-empty column: float NaN, as pandas reads it
            table = table.set_column(i, field.name, column.cast(pa.float64()))
        elif pa.types.is_int64(field.type) and column.null_count:
            # pandas would turn this into floats; long whole numbers (ids under
            # another name) would lose digits, so keep those as text
            largest = pc.max(pc.abs(column)).as_py()
            if largest is not None and largest > 2 ** 53:
                table = table.set_column(i, field.name, column.cast(pa.string()))
    return table.to_pandas(split_blocks=True, self_destruct=True)


def _read_with_c(source, data, sep, names, dropped, as_text):
    skip = list(range(1, 1 + dropped)) or None
    try:
        # First pass without a header, so a row longer than the header is an
        # error (with a header pandas would quietly turn a column into the index).
        pd.read_csv(io.BytesIO(data), sep=sep, engine="c", header=None, dtype=str,
                    skiprows=skip, keep_default_na=False, na_values=[""],
                    skip_blank_lines=True, low_memory=False)
        return pd.read_csv(io.BytesIO(data), sep=sep, engine="c", header=0, names=names,
                           skiprows=skip, index_col=False,
                           dtype={n: str for n in as_text}, keep_default_na=False,
                           na_values=[""], skip_blank_lines=True, low_memory=False)
    except pd.errors.ParserError as err:
        message = " ".join(str(err).split())
        found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", message)
        if found:
            want, line, saw = found.groups()
            raise DataFileError(
                f"a row has {saw} fields where the header has {want}", file=source,
                row=int(line),
                fix=f"check that row for an unquoted {_DELIMITER_NAMES.get(sep, sep)} "
                    "inside a value, or re-export with quoted text") from None
        raise DataFileError(f"cannot parse the table: {message}", file=source,
                            fix="re-export it as CSV with quoted text") from None
    except (ValueError, UnicodeDecodeError) as err:
        message = " ".join(str(err).split())
        raise DataFileError(f"cannot parse the table: {message}", file=source,
                            fix="re-export it as CSV with quoted text") from None


# ---- Excel and Parquet -----------------------------------------------------

def _read_excel(source, kept_as_text, sheet, name_map):
    suffix = source.suffix.lower()
    engine = "openpyxl" if suffix in (".xlsx", ".xlsm") else None
    with open(source, "rb") as handle:
        head = handle.read(8)
    if engine == "openpyxl" and not head.startswith(b"PK\x03\x04"):
        what = next((w for m, w in _MAGIC if head.startswith(m)), None)
        what = what or ("text (perhaps a CSV with the wrong ending)"
                        if _is_probably_text(source) else "binary data")
        raise DataFileError(f"not an Excel workbook: it looks like {what}", file=source,
                            value=head, fix="rename it to its real type (e.g. .csv), or "
                                            "save it from Excel as .xlsx")
    try:
        with pd.ExcelFile(source, engine=engine) as book:
            sheets = list(book.sheet_names)
            chosen = sheets[0] if sheet is None else sheet
            if isinstance(chosen, int):
                if not 0 <= chosen < len(sheets):
                    raise ParameterError(
                        f"the workbook has {len(sheets)} sheet(s): {', '.join(sheets)}",
                        parameter="sheet", file=str(source), value=chosen,
                        fix="pass a sheet name or a position from 0")
                chosen = sheets[chosen]
            if chosen not in sheets:
                close = difflib.get_close_matches(str(chosen), sheets, n=1, cutoff=0.4)
                raise ParameterError(
                    f"no such sheet; the workbook has {', '.join(repr(s) for s in sheets)}",
                    parameter="sheet", file=str(source), value=chosen,
                    fix=f"use sheet={close[0]!r}" if close else "use one of those names")
            frame = pd.read_excel(book, sheet_name=chosen, header=0, dtype=object,
                                  keep_default_na=False, na_values=[""])
    except CXResearchError:
        raise
    except ImportError as err:
        raise DataFileError("cannot read old .xls workbooks without the xlrd package",
                            file=source, fix="save it from Excel as .xlsx or CSV") from err
    except Exception as err:  # openpyxl/zipfile raise many types for broken workbooks
        raise DataFileError(
            f"cannot open the workbook ({type(err).__name__}: {' '.join(str(err).split())[:80]})",
            file=source, fix="open it in Excel and save it again as .xlsx, or export CSV") from None
    frame.columns = _clean_names(["" if pd.isna(c) or str(c).startswith("Unnamed: ")
                                  else str(c) for c in frame.columns])
    if frame.shape[1] == 0:
        raise DataFileError(f"sheet {chosen!r} is empty", file=source,
                            fix="pick the sheet holding the table with sheet=")
    first = [["" if pd.isna(v) else str(v) for v in row]
             for row in frame.head(3).itertuples(index=False)]
    dropped = _count_header_rows(first)
    if dropped:
        frame = frame.iloc[dropped:].reset_index(drop=True)
    if len(frame) == 0:
        raise DataFileError(f"sheet {chosen!r} has column names but no data rows",
                            file=source, fix="export the data again, including the answers")
    _check_mapping_keys(name_map, list(frame.columns), source)
    for column in frame.columns:
        if not kept_as_text(column):
            frame[column] = frame[column].infer_objects()
    return frame, {"engine": "openpyxl" if engine else "xlrd", "sheet": chosen,
                   "header_rows_dropped": dropped, "first_data_row": 2 + dropped}


def _is_probably_text(source) -> bool:
    with open(source, "rb") as handle:
        head = handle.read(4096)
    return b"\x00" not in head and sum(b < 9 for b in head) == 0


def _read_parquet(source, name_map):
    with open(source, "rb") as handle:
        head = handle.read(4)
    if head != b"PAR1":
        what = next((w for m, w in _MAGIC if head.startswith(m)), None) or (
            "text (perhaps a CSV with the wrong ending)" if _is_probably_text(source)
            else "binary data")
        raise DataFileError(f"not a Parquet file: it looks like {what}", file=source,
                            value=head, fix="rename it to its real type, or write it "
                                            "again with DataFrame.to_parquet")
    try:
        frame = pd.read_parquet(source)
    except Exception as err:  # pyarrow raises several types for broken files
        raise DataFileError(
            f"cannot read the Parquet file ({type(err).__name__}: "
            f"{' '.join(str(err).split())[:80]})", file=source,
            fix="write it again with DataFrame.to_parquet") from None
    if len(frame) == 0:
        raise DataFileError("file has column names but no data rows", file=source,
                            fix="write it again with the data")
    if not isinstance(frame.index, pd.RangeIndex):
        frame = frame.reset_index(drop=True)
    frame.columns = [str(c) for c in frame.columns]
    _check_mapping_keys(name_map, list(frame.columns), source)
    return frame, {"engine": "pyarrow", "first_data_row": 1}
