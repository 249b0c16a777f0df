r"""Human coding in spreadsheets: sheets out to coders, their codes back in, coders reconciled.

What this module is for: the round trip between the workbench and the people
who code verbatims by hand.

* :func:`export_coding_sheet`: a spreadsheet (``.xlsx`` or ``.csv``) for one
  coder, one row per document, one blank column per code to fill with 1 or 0
  (or x), and in Excel the codebook and the instructions on their own sheets.
* :func:`read_coding_sheets`: the filled sheets back as the long table
  ``doc_id, coder, code, applied`` that :mod:`cxresearch.coding.reliability`
  reads (the shape of ``data/sample/human_coding.parquet``), every cell
  checked.
* :func:`reconcile`: one agreed coding from several coders' (majority, union
  or intersection), with each document x code where the coders differ flagged.
* :func:`disagreements`: those document x code pairs with who said what, the
  agenda of a reconciliation meeting.

What it is not for: deciding codes (the coders, or an auto-coder, do that),
measuring agreement (:mod:`cxresearch.coding.reliability`), or making
verbatims fit to share: redact personal data first
(:func:`cxresearch.privacy.redact_pii`). This module only keeps text cells
from running as spreadsheet formulas (:func:`cxresearch.privacy.spreadsheet_safe`).

A sheet's layout is fixed, so that it reads back without guessing::

    doc_id | context columns ... | text | suggested_codes | code columns ... | note

The code columns are every column right of the text column except
``suggested_codes`` and ``note``. Coders may sort and filter the rows; a
column they add right of the text is read as a code and refused by name.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import numbers
import os
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from .._checks import check_columns, check_frame
from ..exceptions import CXResearchWarning, DataFileError, DataValidationError, ParameterError, SchemaError
from ..privacy import FORMULA_PREFIXES, spreadsheet_safe
from .codebook import Codebook, load_codebook

__all__ = [
    "export_coding_sheet",
    "read_coding_sheets",
    "reconcile",
    "disagreements",
    "SHEET_SUFFIXES",
    "SHEET_NAMES",
    "NOTE_COLUMN",
    "SUGGESTIONS_COLUMN",
    "APPLIED_WORDS",
    "NOT_APPLIED_WORDS",
    "RULES",
    "CODING_COLUMNS",
    "RECONCILE_COLUMNS",
    "DISAGREEMENT_COLUMNS",
]

#: File types a coding sheet can be written and read as.
SHEET_SUFFIXES = (".xlsx", ".csv")
#: Worksheets of an Excel coding sheet: the coding itself, the codebook, the instructions.
SHEET_NAMES = ("coding", "codebook", "instructions")
#: The coder's free-text column, last in the sheet.
NOTE_COLUMN = "note"
#: The column of an auto-coder's suggestions (shown to the coder, never read as codes).
SUGGESTIONS_COLUMN = "suggested_codes"
#: Cell values read as "the code applies" (case and surrounding spaces ignored; also the number 1, TRUE).
APPLIED_WORDS = ("1", "x", "yes", "y", "true", "\u2713", "\u2714")
#: Cell values read as "the code does not apply" (as is a blank cell in a row with other cells filled).
NOT_APPLIED_WORDS = ("0", "no", "n", "false")
#: Rules :func:`reconcile` knows.
RULES = ("majority", "any", "all")
#: Columns of :func:`read_coding_sheets` after the document id column.
CODING_COLUMNS = ("coder", "code", "applied")
#: Columns of :func:`reconcile` after the document id column.
RECONCILE_COLUMNS = ("code", "n_coders", "n_applied", "agreed", "disagreement", "tie", "rule")
#: Columns of :func:`disagreements` after the document id column (then ``text`` when docs are given).
DISAGREEMENT_COLUMNS = ("code", "n_coders", "n_applied", "applied_by", "not_applied_by")

# Excel keeps at most this many characters in a cell.
_EXCEL_CELL_LIMIT = 32_767
# Control characters an .xlsx file cannot hold (openpyxl refuses them).
_ILLEGAL_XLSX = re.compile(r"[\000-\010\013\014\016-\037]")
_APPLIED = frozenset(APPLIED_WORDS)
_NOT_APPLIED = frozenset(NOT_APPLIED_WORDS)
_BAD = object()  # a cell that is no decision
_FILL_FIX = ("write 1, x, yes or TRUE where the code applies, and 0, no, FALSE or nothing where it does not")


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------

def _plain(value):
    """numpy scalars as Python ones, so messages read 3, not np.int64(3)."""
    return value.item() if isinstance(value, np.generic) else value


def _did_you_mean(value, known) -> str:
    close = difflib.get_close_matches(str(value), [str(k) for k in known], n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _quoted(names, limit: int = 6) -> str:
    names = list(names)
    shown = ", ".join(repr(n) for n in names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _safe_text(text: str) -> str:
    """One text as :func:`~cxresearch.privacy.spreadsheet_safe` leaves it (for headers and stray values)."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _unsafe_text(text: str) -> str:
    """Undo :func:`_safe_text`: drop the apostrophe it put before a formula character."""
    if len(text) >= 2 and text[0] == "'" and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text


def _as_codebook(codebook, required: bool):
    if codebook is None and not required:
        return None
    if isinstance(codebook, Codebook):
        return codebook
    if isinstance(codebook, (str, os.PathLike)):
        return load_codebook(codebook)
    raise ParameterError(f"expected a Codebook, got {type(codebook).__name__}", parameter="codebook",
                         fix="pass load_codebook(), a shipped codebook's name such as 'cx-default', or a .yaml path")


def _codes_of_sheet(codebook, codes):
    """The code ids of a sheet, in order: ``codes`` checked against the codebook, or its leaves."""
    if codes is None:
        return None if codebook is None else [code.id for code in codebook.leaves]
    if isinstance(codes, str):
        codes = [codes]
    try:
        codes = list(codes)
    except TypeError:
        raise ParameterError("expected a list of code ids", parameter="codes", value=codes,
                             fix="pass e.g. codes=['wait_time', 'price_value'], or None for every codable "
                                 "code") from None
    if not codes:
        raise ParameterError("no codes given", parameter="codes", value=codes,
                             fix="list at least one code id, or pass None for every codable code")
    seen = set()
    for code in codes:
        if not isinstance(code, str) or not code.strip():
            raise ParameterError("a code id must be non-empty text", parameter="codes", value=code,
                                 fix="list the codes by their ids, e.g. 'wait_time'")
        if code in seen:
            raise ParameterError("a code is listed twice", parameter="codes", value=code, fix="list each code once")
        if code in (NOTE_COLUMN, SUGGESTIONS_COLUMN):
            raise ParameterError(f"{code!r} names a column the sheet already has", parameter="codes", value=code,
                                 fix="codes cannot be called 'note' or 'suggested_codes'")
        if codebook is not None and code not in codebook:
            raise ParameterError(f"no code {code!r} in codebook {codebook.name!r}{_did_you_mean(code, codebook.ids)}",
                                 parameter="codes", value=code, fix="use the codebook's ids (codebook.ids)")
        seen.add(code)
    return codes


def _check_suffix(path: Path, parameter: str) -> str:
    suffix = path.suffix.lower()
    if suffix not in SHEET_SUFFIXES:
        hint = " (open it in Excel and save it as .xlsx)" if suffix in (".xls", ".xlsm", ".ods", ".numbers") else ""
        raise ParameterError(f"a coding sheet is an .xlsx or .csv file{hint}", parameter=parameter,
                             value=str(path), fix="give a path ending in .xlsx (best for coders) or .csv")
    return suffix


# --------------------------------------------------------------------------
# export
# --------------------------------------------------------------------------

def export_coding_sheet(docs, codebook, path, *, text="text", id="doc_id", coder=None, codes=None,
                        suggestions=None, extra=(), seed=None, sample=None, overwrite=False):
    r"""Write a coding sheet for a human coder: one row per document, one blank column per code.

    Parameters
    ----------
    docs : pandas.DataFrame
        One row per document (e.g. ``read_dataset("verbatims")``).
    codebook : Codebook or str
        The codebook, or the name or path :func:`~cxresearch.coding.codebook.load_codebook` reads.
    path : str or pathlib.Path
        The file to write: ``.xlsx`` (openpyxl; best for coders) or ``.csv``
        (UTF-8 with a byte-order mark, so Excel shows accents and Chinese
        right). ``{coder}`` in the path is replaced by ``coder``
        (``"sheets/{coder}.xlsx"``), so the file name carries the coder's
        name that :func:`read_coding_sheets` takes by default.
    text, id : str
        The columns of ``docs`` holding the verbatim and the document id.
    coder : str, optional
        The coder's name: put into ``{coder}`` in the path and, in Excel,
        written on the instructions sheet.
    codes : list of str, optional
        The code ids to code, in the order of the columns. By default every
        codable code (``codebook.leaves``), in codebook order.
    suggestions : pandas.DataFrame, optional
        An auto-coder's long table, one row per document and suggested code
        (columns ``id`` and ``code``; rows whose ``applied`` column, if any,
        is not 1 are left out). The codes are listed in a
        ``suggested_codes`` column ("; "-joined) for the coder to review.
        They never prefill the code columns: prefilled answers anchor coders
        and make human-machine agreement look better than it is.
    extra : sequence of str
        Context columns of ``docs`` to show left of the text (e.g. ``nps``,
        ``language``).
    sample : int, optional
        Draw this many documents at random (without replacement), kept in
        the order of ``docs``.
    seed : int or numpy.random.Generator, optional
        Seed of the draw. The same seed and ``docs`` draw the same documents,
        so every coder's sheet holds the same ones.
    overwrite : bool, default False
        Replace an existing file. Off by default: the file may hold a
        coder's work.

    Returns
    -------
    pathlib.Path
        The file written. Its columns: ``id``, the ``extra`` columns,
        ``text``, ``suggested_codes`` (when ``suggestions`` is given), one
        blank column per code, ``note``. An Excel file also has a
        ``codebook`` sheet (code, label, definition, parent) and an
        ``instructions`` sheet; its header row is bold and frozen with the
        columns up to the text, and each code's header shows the code's
        definition on hover.

    Raises
    ------
    ParameterError
        ``docs`` is not a DataFrame or lacks a column, an unknown code in
        ``codes``, a bad ``sample`` or ``seed``, a path that is not .xlsx or
        .csv.
    DataValidationError
        A document without an id, or the same id twice.
    DataFileError
        The file exists and ``overwrite`` is False.

    Warns
    -----
    CXResearchWarning
        ``sample`` without a ``seed`` (another call would draw other
        documents); no suggestion matches a document of the sheet; a text
        longer than Excel's 32,767 characters (cut in .xlsx).

    Notes
    -----
    Every text cell passes :func:`~cxresearch.privacy.spreadsheet_safe`: a
    cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    gets a leading apostrophe, so ``=HYPERLINK(...)`` typed by a customer opens
    as text. Document ids are written as text, so Excel does not round long
    numeric ids; they come back as text from :func:`read_coding_sheets`.
    Prefer .xlsx: Excel rewrites ids such as ``00123`` or ``1-2`` when it opens
    a .csv, and in some locales saves a .csv with semicolons (which
    :func:`read_coding_sheets` reads).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> import pandas as pd
    >>> from cxresearch.coding.codebook import load_codebook
    >>> from cxresearch.coding.sheets import export_coding_sheet
    >>> docs = pd.DataFrame({"doc_id": ["d1", "d2"], "nps": [3, 9],
    ...                      "text": ["The queue was endless", "=1+1 the staff were lovely"]})
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> path = export_coding_sheet(docs, load_codebook(), folder / "{coder}.csv", coder="ann",
    ...                            extra=["nps"], codes=["wait_time", "staff_attitude"])
    >>> path.name
    'ann.csv'
    >>> print(path.read_text(encoding="utf-8-sig"), end="")
    doc_id,nps,text,wait_time,staff_attitude,note
    d1,3,The queue was endless,,,
    d2,9,'=1+1 the staff were lovely,,,

    The Excel version carries the codebook and the instructions:

    >>> from openpyxl import load_workbook
    >>> path = export_coding_sheet(docs, load_codebook(), folder / "ann.xlsx", codes=["wait_time"])
    >>> load_workbook(path).sheetnames
    ['coding', 'codebook', 'instructions']
    """
    check_frame(docs, "docs", fix="pass a DataFrame with one row per document")
    codebook = _as_codebook(codebook, required=True)
    if coder is not None and (not isinstance(coder, str) or not coder.strip()):
        raise ParameterError("the coder's name must be non-empty text", parameter="coder", value=coder,
                             fix="pass e.g. coder='ann', or leave it out")
    if not isinstance(path, (str, os.PathLike)):
        raise ParameterError(f"expected a file path, got {type(path).__name__}", parameter="path",
                             fix="pass e.g. 'sheets/{coder}.xlsx'")
    path_text = os.fspath(path)
    if "{coder}" in path_text:
        if coder is None:
            raise ParameterError("the path holds {coder} but no coder is given", parameter="path", value=path_text,
                                 fix="pass coder='name', or write the file name in full")
        path_text = path_text.replace("{coder}", coder)
    path = Path(path_text)
    suffix = _check_suffix(path, "path")
    if path.exists() and not overwrite:
        raise DataFileError("the file exists; writing would replace it and any coding in it", file=path,
                            fix="choose another file name, or pass overwrite=True if it holds nothing you need")
    if isinstance(extra, str):
        extra = [extra]
    extra = list(extra)
    for parameter, columns in (("id", [id]), ("text", [text]), ("extra", extra)):
        check_columns(docs, columns, parameter, where="docs")
    layout = [id, *extra, text]
    codes = _codes_of_sheet(codebook, codes)
    clash = [c for c in layout if layout.count(c) > 1 or c in codes or c in (NOTE_COLUMN, SUGGESTIONS_COLUMN)]
    if clash:
        raise ParameterError("a column would appear twice in the sheet, or takes the name of a code or of "
                             "'note' or 'suggested_codes'", parameter="extra", value=clash[0],
                             fix="rename the column in docs, or leave it out of extra")
    _check_ids(docs, id)
    docs = _draw(docs, sample, seed)

    sheet = docs.loc[:, layout].reset_index(drop=True)
    sheet[id] = [str(_plain(value)) for value in sheet[id]]  # text, so Excel keeps long numeric ids whole
    if suggestions is not None:
        sheet[SUGGESTIONS_COLUMN] = _suggested(suggestions, id, docs[id], codebook).to_numpy(dtype=object)
    sheet = spreadsheet_safe(sheet)
    for code in codes:
        sheet[code] = None
    sheet[NOTE_COLUMN] = None
    sheet.columns = [_safe_text(str(column)) for column in sheet.columns]

    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        sheet.to_csv(path, index=False, encoding="utf-8-sig")
    else:
        _write_xlsx(sheet, path, codebook=codebook, codes=codes, text_position=len(extra) + 1, coder=coder,
                    with_suggestions=suggestions is not None)
    return path


def _check_ids(docs, id):
    ids = docs[id]
    missing = ids.isna().to_numpy()
    if missing.any():
        pos = int(np.argmax(missing))
        raise DataValidationError("a document has no id", column=id, value=None, row=_plain(docs.index[pos]),
                                  fix="give every document an id, or drop the rows without one")
    duplicated = ids.duplicated().to_numpy()
    if duplicated.any():
        pos = int(np.argmax(duplicated))
        n = int(duplicated.sum())
        raise DataValidationError(
            f"{n} document id{' appears' if n == 1 else 's appear'} more than once; a coding sheet has one row "
            "per document",
            column=id, value=_plain(ids.iloc[pos]), row=_plain(docs.index[pos]),
            fix=f"keep one row per document, e.g. docs.drop_duplicates({id!r})")


def _draw(docs, sample, seed):
    if sample is None:
        if seed is not None:
            _rng(seed)  # still refuse a bad seed
        return docs
    if isinstance(sample, bool) or not isinstance(sample, numbers.Integral) or sample < 1:
        raise ParameterError("sample must be a whole number of documents, 1 or more", parameter="sample",
                             value=sample, fix="use e.g. sample=200, or None for every document")
    if sample > len(docs):
        raise ParameterError(f"cannot draw {sample} documents from {len(docs)}", parameter="sample", value=sample,
                             fix=f"use sample={len(docs)} or fewer, or None for every document")
    if seed is None:
        warnings.warn("sample drawn without a seed: another call draws other documents, so coders' sheets would "
                      "differ; pass seed=... (the same for every coder)", CXResearchWarning, stacklevel=3)
    positions = np.sort(_rng(seed).choice(len(docs), size=int(sample), replace=False))
    return docs.iloc[positions]


def _rng(seed):
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None or (isinstance(seed, numbers.Integral) and not isinstance(seed, bool) and seed >= 0):
        return np.random.default_rng(seed)
    raise ParameterError("seed must be None, a whole number 0 or more, or a numpy Generator", parameter="seed",
                         value=seed, fix="use e.g. seed=42")


def _suggested(suggestions, id, doc_ids, codebook) -> pd.Series:
    """'; '-joined suggested codes per document of the sheet (NaN where none), in codebook order."""
    check_frame(suggestions, "suggestions",
                fix="pass the auto-coder's long table, one row per document and suggested code")
    check_columns(suggestions, [id, "code"], "suggestions", where="suggestions")
    rows = suggestions
    if "applied" in rows.columns:
        rows = rows[pd.to_numeric(rows["applied"], errors="coerce").to_numpy() == 1]
    rows = rows[[id, "code"]].dropna().drop_duplicates()
    order = {code: i for i, code in enumerate(codebook.ids)}

    def joined(codes):
        return "; ".join(sorted(map(str, codes), key=lambda c: (order.get(c, len(order)), c)))

    by_doc = rows.groupby(id, sort=False, observed=True)["code"].agg(joined)
    by_doc.index = [str(_plain(value)) for value in by_doc.index]  # matched as text, like the sheet's ids
    out = pd.Series([str(_plain(value)) for value in doc_ids]).map(by_doc)
    if len(rows) and out.isna().all():
        warnings.warn(f"no document of the sheet has a suggestion: the ids in suggestions[{id!r}] match none of "
                      f"docs[{id!r}]; check that both hold the same ids", CXResearchWarning, stacklevel=3)
    return out


def _cell(value, cut):
    """A value as an Excel cell: no NaN, no time zone, text without control characters or overflow."""
    value = _plain(value)
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)  # Excel has no time zones: keep the wall-clock time
    if isinstance(value, (bool, int, float, dt.datetime, dt.date, dt.time)):
        return value
    text = _safe_text(_ILLEGAL_XLSX.sub("", value if isinstance(value, str) else str(value)))
    if len(text) > _EXCEL_CELL_LIMIT:
        cut.append(text)
        text = text[:_EXCEL_CELL_LIMIT]
    return text


def _write_xlsx(sheet, path, *, codebook, codes, text_position, coder, with_suggestions):
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold, header_fill = Font(bold=True), PatternFill("solid", fgColor="E8E8E8")
    top_wrapped, centred = Alignment(vertical="top", wrap_text=True), Alignment(horizontal="center", vertical="top")
    book = Workbook()
    book.properties.creator = "cxresearch"
    book.properties.title = f"Coding sheet, codebook {codebook.name} {codebook.version}"
    coding = book.active
    coding.title = SHEET_NAMES[0]
    cut = []
    headers = list(sheet.columns)
    coding.append(headers)
    for row in sheet.itertuples(index=False, name=None):
        coding.append([_cell(value, cut) for value in row])
    if cut:
        warnings.warn(f"{len(cut)} texts are longer than the {_EXCEL_CELL_LIMIT:,} characters an Excel cell holds "
                      f"and were cut in {path}; write a .csv to keep them whole", CXResearchWarning, stacklevel=3)

    n_rows = len(sheet) + 1
    first_code = text_position + 2 + (1 if with_suggestions else 0)  # 1-based column of the first code
    widths = {}
    for j, name in enumerate(headers[:text_position], start=1):  # the id and the context columns
        longest = sheet[name].astype(str).str.len().max() if len(sheet) else 0
        widths[j] = min(max(len(name), 0 if pd.isna(longest) else int(longest)) + 2, 30)
    widths[text_position + 1] = 70
    if with_suggestions:
        widths[text_position + 2] = 28
    for j in range(first_code, first_code + len(codes)):
        widths[j] = 5
    widths[len(headers)] = 40
    for j, width in widths.items():
        coding.column_dimensions[get_column_letter(j)].width = width

    for cell in coding[1]:
        cell.font, cell.fill = bold, header_fill
        cell.alignment = Alignment(vertical="bottom", wrap_text=True)
    by_id = {code.id: code for code in codebook}
    for j, code_id in enumerate(codes, start=first_code):
        cell = coding.cell(row=1, column=j)
        cell.alignment = Alignment(text_rotation=90, horizontal="center", vertical="bottom")
        code = by_id[code_id]
        cell.comment = Comment(f"{code.label}: {code.definition}", "cxresearch", width=320, height=160)
    coding.row_dimensions[1].height = min(max(30, 7 * max(len(c) for c in codes)), 200)
    if with_suggestions:
        cell = coding.cell(row=1, column=text_position + 2)
        cell.comment = Comment("Codes an auto-coder suggested. Not checked by a person and not read back: "
                               "fill the code columns with your own decisions.", "cxresearch", width=320, height=100)
        suggestion_font = Font(italic=True, color="666666")
        for (cell,) in coding.iter_rows(min_row=2, max_row=n_rows, min_col=text_position + 2,
                                        max_col=text_position + 2):
            cell.font, cell.alignment = suggestion_font, top_wrapped
    for (cell,) in coding.iter_rows(min_row=2, max_row=n_rows, min_col=text_position + 1, max_col=text_position + 1):
        cell.alignment = top_wrapped
    for row in coding.iter_rows(min_row=2, max_row=n_rows, min_col=first_code, max_col=first_code + len(codes) - 1):
        for cell in row:
            cell.alignment = centred
    coding.freeze_panes = coding.cell(row=2, column=text_position + 2)  # header, id, context and text stay in view
    coding.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{n_rows}"

    listed = pd.DataFrame([(c, by_id[c].label, by_id[c].definition, by_id[c].parent) for c in codes],
                          columns=["code", "label", "definition", "parent"])
    book_sheet = book.create_sheet(SHEET_NAMES[1])
    book_sheet.append(list(listed.columns))
    for row in spreadsheet_safe(listed).itertuples(index=False, name=None):
        book_sheet.append([_cell(value, []) for value in row])
    for letter, width in zip("ABCD", (24, 30, 90, 20)):
        book_sheet.column_dimensions[letter].width = width
    for cell in book_sheet[1]:
        cell.font, cell.fill = bold, header_fill
    for (cell,) in book_sheet.iter_rows(min_row=2, min_col=3, max_col=3):
        cell.alignment = top_wrapped
    book_sheet.freeze_panes = "A2"

    how = book.create_sheet(SHEET_NAMES[2])
    lines = [f"Coding sheet: codebook {codebook.name!r}, version {codebook.version}, {len(codes)} codes, "
             f"{len(sheet)} documents."]
    if coder is not None:
        lines.append(f"Coder: {coder}")
    lines += [
        "",
        "How to code",
        "1. Read the text of a row, then decide each code on its own (definitions: the 'codebook' sheet, "
        "or hover over a code's header).",
        "2. Write 1 (or x, yes, TRUE) where the code applies. Write 0 (or no, FALSE), or leave the cell blank, "
        "where it does not.",
        "3. A row left entirely blank counts as not coded yet. If none of the codes fits a text, write 0 in "
        "any one code column, so the row counts as coded.",
        "4. Keep the columns as they are: do not rename, move or add columns. Sorting and filtering rows is fine.",
        "5. Write remarks (doubts, a missing code) in the 'note' column.",
    ]
    if with_suggestions:
        lines.append("6. 'suggested_codes' lists what an auto-coder proposed. It is not read back: decide every "
                     "code yourself, and do not take a suggestion without reading the text.")
    for line in lines:
        how.append([_cell(line, [])])
    how["A1"].font = bold
    how["A4" if coder is not None else "A3"].font = bold
    how.column_dimensions["A"].width = 110
    for (cell,) in how.iter_rows(min_col=1, max_col=1):
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.active = 0
    book.save(path)


# --------------------------------------------------------------------------
# reading filled sheets
# --------------------------------------------------------------------------

def read_coding_sheets(paths, codebook=None, *, id="doc_id", coder=None, codes=None, text="text"):
    r"""Read filled coding sheets into the long table of coders' decisions.

    Parameters
    ----------
    paths : str, pathlib.Path or list of them
        The filled sheets (``.xlsx`` or ``.csv``), or a folder: every
        ``.xlsx`` and ``.csv`` in it, in name order (Excel's ``~$`` lock
        files left out).
    codebook : Codebook or str, optional
        Check the sheets' code columns against it: a column that is not one
        of its codable codes (``leaves``) is refused with a did-you-mean, as
        is a codable code without a column.
    id : str
        The document id column.
    coder : str or list of str, optional
        The coders' names, one per sheet. By default each file's name
        without its suffix (``sheets/ann.xlsx`` is coder ``ann``).
    codes : list of str, optional
        The codes the sheets hold, when they hold fewer than the codebook's
        leaves (``export_coding_sheet(..., codes=...)``); checked like the
        leaves. Without ``codebook`` and ``codes``, every code column is
        read as it is.
    text : str
        The text column; the code columns are the columns right of it,
        except ``suggested_codes`` and ``note``.

    Returns
    -------
    pandas.DataFrame
        One row per document, coder and code, in the order sheet, row, code
        (the order of ``codes``, else the codebook's, else the sheet's):

        - ``id`` (``doc_id`` by default): the document, as text
        - ``coder``
        - ``code``
        - ``applied``: 1 if the coder applied the code, else 0 (int8)

        the shape of ``data/sample/human_coding.parquet``, which
        :func:`~cxresearch.coding.reliability.agreement_by_code` and
        :func:`reconcile` read.

    Raises
    ------
    ParameterError
        A path that is not .xlsx or .csv, coder names that do not fit the
        sheets or repeat, an unknown code in ``codes``.
    DataFileError
        A file that is missing or cannot be opened.
    SchemaError
        No id or text column, a code column unknown to the codebook (or to
        ``codes``), a code missing from a sheet, two columns of one name.
    DataValidationError
        A cell that is no decision (e.g. ``maybe``): the message names the
        file, the code, the document and the value, and counts the other
        such cells; a document listed twice; a coded row without an id.

    Warns
    -----
    CXResearchWarning
        For each sheet with rows whose code cells are all blank: those
        documents are not coded yet and are left out, not read as "no code
        applies".

    Notes
    -----
    A cell reads as applied when it holds 1, ``x``, ``yes``, ``y``,
    ``TRUE`` or a tick (✓, ✔), and as not applied when it holds 0, ``no``,
    ``n``, ``FALSE`` or nothing, ignoring case and spaces. A row with some
    code cells filled reads its blank cells as 0.

    A CSV is read as UTF-8 (with or without a byte-order mark), UTF-16, or
    else Windows-1252 (Excel's "CSV (Comma delimited)"), with commas,
    semicolons (Excel in many European locales) or tabs. An id that
    :func:`~cxresearch.privacy.spreadsheet_safe` neutralised (``'-7``) reads
    back as it was (``-7``). An Excel file is read from its ``coding``
    sheet (else its first), with formulas read as their last computed value.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from cxresearch.coding.sheets import read_coding_sheets
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "ann.csv").write_text(
    ...     "doc_id,text,wait_time,staff_attitude,note\n"
    ...     "d1,The queue was endless,x,,\n"
    ...     "d2,The staff were lovely,no,YES,\n", encoding="utf-8")
    >>> read_coding_sheets(folder / "ann.csv", "cx-default", codes=["wait_time", "staff_attitude"])
      doc_id coder            code  applied
    0     d1   ann       wait_time        1
    1     d1   ann  staff_attitude        0
    2     d2   ann       wait_time        0
    3     d2   ann  staff_attitude        1
    """
    paths = _sheet_paths(paths)
    coders = _coder_names(coder, paths)
    codebook = _as_codebook(codebook, required=False)
    expected = _codes_of_sheet(codebook, codes)
    if expected is None:
        scope = None
    elif codes is None:
        scope = f"the codable codes of codebook {codebook.name!r}"
    else:
        scope = "the codes asked for (codes=...)"
    for name, value in (("id", id), ("text", text)):
        if not isinstance(value, str) or not value:
            raise ParameterError("must name a column of the sheets", parameter=name, value=value,
                                 fix=f"use e.g. {name}={'doc_id' if name == 'id' else 'text'!r}")
    if id == text:
        raise ParameterError("the id and the text column must differ", parameter="text", value=text,
                             fix="name the sheets' text column")
    parts = []
    for path, name in zip(paths, coders):
        header, body = _read_table(path)
        doc_ids, code_names, matrix = _decisions_of_sheet(path, header, body, id=id, text=text,
                                                           expected=expected, scope=scope)
        n = len(doc_ids)
        parts.append(pd.DataFrame({
            id: pd.Series(np.repeat(np.asarray(doc_ids, dtype=object), len(code_names)), dtype=str),
            "coder": pd.Series([name] * (n * len(code_names)), dtype=str),
            "code": pd.Series(np.tile(np.asarray(code_names, dtype=object), n), dtype=str),
            "applied": matrix.reshape(-1).astype(np.int8),
        }))
    return pd.concat(parts, ignore_index=True)


def _sheet_paths(paths):
    if isinstance(paths, (str, os.PathLike)):
        folder = Path(paths)
        if folder.is_dir():
            found = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SHEET_SUFFIXES
                           and not p.name.startswith(("~$", ".")))
            if not found:
                raise DataFileError("no .xlsx or .csv coding sheets in this folder", file=folder,
                                    fix="put the filled sheets there, or pass their paths")
            return found
        items = [paths]
    else:
        try:
            items = list(paths)
        except TypeError:
            raise ParameterError(f"expected a path or a list of paths, got {type(paths).__name__}",
                                 parameter="paths", fix="pass e.g. ['sheets/ann.xlsx', 'sheets/bob.xlsx']") from None
        if not items:
            raise ParameterError("no sheets given", parameter="paths", value=items,
                                 fix="pass the filled sheets' paths, or their folder")
    out = []
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise ParameterError(f"expected a file path, got {type(item).__name__}", parameter="paths", value=item,
                                 fix="pass e.g. ['sheets/ann.xlsx', 'sheets/bob.xlsx']")
        path = Path(item)
        _check_suffix(path, "paths")
        out.append(path)
    return out


def _coder_names(coder, paths):
    if coder is None:
        names = [path.stem for path in paths]
    elif isinstance(coder, str):
        if len(paths) != 1:
            raise ParameterError(f"one coder name for {len(paths)} sheets", parameter="coder", value=coder,
                                 fix="pass one name per sheet, coder=[...], or None to name coders after the files")
        names = [coder]
    else:
        try:
            names = list(coder)
        except TypeError:
            raise ParameterError("expected a coder name or a list of names", parameter="coder", value=coder,
                                 fix="pass one name per sheet, or None to name coders after the files") from None
        if len(names) != len(paths):
            raise ParameterError(f"{len(names)} coder names for {len(paths)} sheets", parameter="coder",
                                 value=names, fix="pass one name per sheet, in the order of the paths")
    seen = set()
    for name in names:
        if not isinstance(name, str) or not name.strip():
            raise ParameterError("a coder's name must be non-empty text", parameter="coder", value=name,
                                 fix="pass e.g. coder=['ann', 'bob']")
        if name in seen:
            raise ParameterError("two sheets have the same coder", parameter="coder", value=name,
                                 fix="name each sheet's coder with coder=[...], or give the files distinct names")
        seen.add(name)
    return names


def _read_table(path: Path):
    """(header names, rows of cell values) of a sheet."""
    if not path.is_file():
        raise DataFileError("no such file", file=path, fix="check the path and the file name")
    if path.suffix.lower() == ".csv":
        rows = _read_csv(path)
    else:
        rows = _read_xlsx(path)
    if not rows:
        raise DataFileError("the sheet is empty: no header row", file=path,
                            fix="use the sheet export_coding_sheet wrote, with its header row")
    header = ["" if v is None else _unsafe_text(str(v)).strip() for v in rows[0]]
    while header and not header[-1]:
        header.pop()
    return header, rows[1:]


def _read_csv(path: Path):
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        content = raw.decode("utf-16")
    else:
        try:
            content = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Excel's "CSV (Comma delimited)" is Windows-1252; ids and decisions are plain ASCII either way
            content = raw.decode("cp1252", errors="replace")
    first = content.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    try:
        return list(csv.reader(io.StringIO(content, newline=""), delimiter=delimiter))
    except csv.Error as err:
        raise DataFileError(f"cannot read as CSV: {err}", file=path,
                            fix="open it in Excel and save it again as CSV UTF-8, or as .xlsx") from None


def _read_xlsx(path: Path):
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises zip, XML and key errors on a damaged or foreign file
        raise DataFileError(f"cannot open as an Excel workbook ({type(err).__name__})", file=path,
                            fix="open it in Excel and save it again as .xlsx") from None
    try:
        sheet = book[SHEET_NAMES[0]] if SHEET_NAMES[0] in book.sheetnames else book.worksheets[0]
        sheet.reset_dimensions()  # some writers record a wrong used range; read every row there is
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _decision(value):
    """1, 0, None (blank) or _BAD for one cell."""
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        return int(value)
    if isinstance(value, numbers.Real):
        if value != value:
            return None
        return 1 if value == 1 else 0 if value == 0 else _BAD
    if isinstance(value, str):
        word = value.strip().lower()
        if not word:
            return None
        if word in _APPLIED:
            return 1
        if word in _NOT_APPLIED:
            return 0
        try:
            number = float(word)
        except ValueError:
            return _BAD
        return 1 if number == 1 else 0 if number == 0 else _BAD
    return _BAD  # a date or a time: a mistyped cell


def _doc_id(value):
    """A cell's document id as text, or None when blank."""
    if value is None:
        return None
    if isinstance(value, str):
        return _unsafe_text(value) if value.strip() else None
    if isinstance(value, float):
        if value != value:
            return None
        if value.is_integer():  # Excel stores a retyped numeric id as a float
            return str(int(value))
    return str(value)


def _decisions_of_sheet(path, header, body, *, id, text, expected, scope):
    """(doc ids, code names, docs x codes int8 matrix) of one sheet, every cell checked."""
    position = {}
    for j, name in enumerate(header):
        if name and name in position:
            raise SchemaError("two columns have the same name", file=path, column=name,
                              fix="rename or delete one of them")
        position.setdefault(name, j)
    if id not in position:
        raise SchemaError("the sheet has no document id column", file=path, column=id,
                          fix=f"keep the id column the sheet was exported with, or pass id=... naming one of: "
                              f"{_quoted(n for n in header if n)}")
    if text not in position:
        raise SchemaError("the sheet has no text column, right of which the code columns are read", file=path,
                          column=text, fix=f"keep the text column, or pass text=... naming one of: "
                                           f"{_quoted(n for n in header if n)}")
    width = len(header)
    rows = [list(row[:width]) + [None] * (width - len(row)) for row in body]
    right = [j for j in range(position[text] + 1, width) if header[j] not in (NOTE_COLUMN, SUGGESTIONS_COLUMN)]
    for j in right:
        if not header[j] and any(_decision(row[j]) is not None for row in rows):
            raise SchemaError(f"column {j + 1}, right of the text, has values but no name", file=path,
                              column="", fix="name it as a code, or move it left of the text column")
    columns = [j for j in right if header[j]]
    names = [header[j] for j in columns]
    if expected is not None:
        unknown = [n for n in names if n not in expected]
        if unknown:
            listed = ", ".join(f"{n!r}{_did_you_mean(n, expected)}" for n in unknown[:6])
            more = f" and {len(unknown) - 6} more" if len(unknown) > 6 else ""
            raise SchemaError(f"{len(unknown)} column(s) right of {text!r} are not among {scope}: {listed}{more}",
                              file=path, column=unknown[0],
                              fix="rename them to the codes' ids, delete them, or move context columns left of "
                                  "the text; if the sheet codes fewer codes, pass codes=[...]")
        missing = [c for c in expected if c not in names]
        if missing:
            raise SchemaError(f"{len(missing)} of {scope} have no column in the sheet: {_quoted(missing)}",
                              file=path, column=missing[0],
                              fix="restore the columns (or export a fresh sheet), or pass codes=[...] listing "
                                  "the codes the sheet holds")
        order = [names.index(c) for c in expected]
        columns, names = [columns[k] for k in order], list(expected)
    if not columns:
        raise SchemaError(f"no code columns right of {text!r}", file=path, column=text,
                          fix="use the sheet export_coding_sheet wrote, with one column per code right of the text")

    id_column, seen, bad, uncoded = position[id], {}, [], 0
    doc_ids, matrix = [], []
    for r, row in enumerate(rows):
        line = r + 2  # the spreadsheet's row number: the header is row 1
        values = [_decision(row[j]) for j in columns]
        doc = _doc_id(row[id_column])
        if doc is None:
            if all(v is None for v in values):
                continue  # an empty row
            raise DataValidationError(f"a coded row has no document id (spreadsheet row {line})", file=path,
                                      column=id, fix="put the row's document id back (see the exported sheet), "
                                                     "or clear the row")
        if doc in seen:
            raise DataValidationError(f"a document is listed twice, on spreadsheet rows {seen[doc]} and {line}",
                                      file=path, column=id, value=doc,
                                      fix="keep one row per document: merge the two rows' codes into one")
        seen[doc] = line
        for j, name, value in zip(columns, names, values):
            if value is _BAD:
                bad.append((line, doc, name, row[j]))
        if all(v is None for v in values):
            uncoded += 1
            continue
        doc_ids.append(doc)
        matrix.append([0 if v is None or v is _BAD else v for v in values])
    if bad:
        line, doc, name, value = bad[0]
        more = len(bad) - 1
        more = f"; {more} more cell{'s' if more > 1 else ''} of the sheet cannot be read either" if more else ""
        raise DataValidationError(f"cannot read the coder's decision on document {doc!r} (spreadsheet row "
                                  f"{line}){more}", file=path, column=name, value=_plain(value), row=doc,
                                  fix=_FILL_FIX)
    if uncoded:
        warnings.warn(f"{path}: {uncoded} of {len(seen)} documents have no code cell filled in and were left out "
                      "as not coded yet; if none of the codes fits a document, the coder writes 0 in one code "
                      "column", CXResearchWarning, stacklevel=3)
    return doc_ids, names, np.asarray(matrix, dtype=np.int8).reshape(len(doc_ids), len(names))


# --------------------------------------------------------------------------
# reconciling coders
# --------------------------------------------------------------------------

def _applied_values(coding, applied):
    """The decisions as floats 0/1 (NaN: no decision); anything else is refused, naming the row."""
    series = coding[applied]
    if pd.api.types.is_bool_dtype(series.dtype) or pd.api.types.is_numeric_dtype(series.dtype):
        values = series.to_numpy(dtype=np.float64, na_value=np.nan)
        bad = ~np.isnan(values) & (values != 0) & (values != 1)
    else:
        values = pd.to_numeric(series, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
        bad = (np.isnan(values) & series.notna().to_numpy()) | (~np.isnan(values) & (values != 0) & (values != 1))
    if bad.any():
        pos = int(np.argmax(bad))
        raise DataValidationError("a decision must be 0 or 1", column=applied, value=_plain(series.iloc[pos]),
                                  row=_plain(coding.index[pos]),
                                  fix=f"code {applied!r} as 1 (the code applies) or 0 (it does not)")
    return values


def _tally(coding, id, coder, code, applied):
    """(per document x code counts, the decisions with their group number) after every check."""
    check_frame(coding, "coding", fix="pass the long table of decisions read_coding_sheets returns")
    for parameter, column in (("id", id), ("coder", coder), ("code", code), ("applied", applied)):
        check_columns(coding, column, parameter, where="coding")
    if len({id, coder, code, applied}) < 4:
        raise ParameterError("id, coder, code and applied must name four different columns", parameter="code",
                             value=(id, coder, code, applied), fix="name each column once")
    values = _applied_values(coding, applied)
    keys = coding[[id, coder, code]]
    unnamed = keys.isna().any(axis=1).to_numpy() & ~np.isnan(values)
    if unnamed.any():
        pos = int(np.argmax(unnamed))
        column = keys.columns[int(np.argmax(keys.iloc[pos].isna().to_numpy()))]
        raise DataValidationError("a decision without its document, coder or code", column=column, value=None,
                                  row=_plain(coding.index[pos]), fix="fill in the missing value, or drop the row")
    duplicated = keys.duplicated().to_numpy()
    if duplicated.any():
        pos = int(np.argmax(duplicated))
        raise DataValidationError(
            "a coder decides the same document and code twice", column=coder,
            value=tuple(_plain(v) for v in keys.iloc[pos]), row=_plain(coding.index[pos]),
            fix=f"keep one row per ({id!r}, {coder!r}, {code!r}); drop or resolve the duplicates")
    keep = ~np.isnan(values)
    decisions = pd.DataFrame({id: coding[id].to_numpy()[keep], code: coding[code].to_numpy()[keep],
                              coder: coding[coder].to_numpy()[keep], applied: values[keep].astype(np.int64)})
    groups = decisions.groupby([id, code], sort=False, observed=True)
    counts = groups[applied].agg(["size", "sum"]).reset_index()
    counts.columns = [id, code, "n_coders", "n_applied"]
    counts = counts.astype({"n_coders": np.int64, "n_applied": np.int64})
    decisions["__group__"] = groups.ngroup().to_numpy()
    return counts, decisions


def _check_rule(rule):
    if rule not in RULES:
        raise ParameterError(f"unknown rule{_did_you_mean(rule, RULES) if isinstance(rule, str) else ''}",
                             parameter="rule", value=rule, fix=f"use one of {', '.join(map(repr, RULES))}")
    return rule


def reconcile(coding, *, id="doc_id", coder="coder", code="code", applied="applied", rule="majority"):
    """Merge several coders' decisions into one agreed coding, flagging where they differ.

    Parameters
    ----------
    coding : pandas.DataFrame
        Long form, one row per document, coder and code, with a 0/1
        decision (what :func:`read_coding_sheets` returns). A missing
        decision is left out: that coder did not decide the pair.
    id, coder, code, applied : str
        The columns holding the document, the coder, the code and the decision.
    rule : {"majority", "any", "all"}
        How the decisions make one: ``"majority"``, the code applies when
        more than half of the coders applied it (a tie stays undecided);
        ``"any"``, when at least one did (union: for recall, e.g. finding
        every complaint); ``"all"``, when every coder did (intersection: for
        precision).

    Returns
    -------
    pandas.DataFrame
        One row per document x code, in the order they first appear:

        - ``id`` (``doc_id`` by default), ``code``
        - ``n_coders``: coders who decided the pair
        - ``n_applied``: coders who applied the code
        - ``agreed``: the decision by ``rule``, 1 or 0 (``Int8``; missing
          for a tie under the majority rule)
        - ``disagreement``: whether the coders differ (some applied, some not)
        - ``tie``: as many coders applied the code as did not
        - ``rule``

    Raises
    ------
    ParameterError
        A column is not in the data, or an unknown ``rule``.
    DataValidationError
        A decision that is not 0 or 1, a decision without its document,
        coder or code, or a coder deciding the same pair twice.

    Warns
    -----
    CXResearchWarning
        Under the majority rule, when some pairs are ties (e.g. two coders
        who differ): settle them by discussion (:func:`disagreements`), or
        add a coder.

    Notes
    -----
    With n coders deciding a pair and k of them applying the code: majority
    gives 1 when 2k > n, 0 when 2k < n, undecided when 2k = n; any gives 1
    when k > 0; all gives 1 when k = n. The coders disagree when 0 < k < n.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.coding.sheets import reconcile
    >>> coding = pd.DataFrame({"doc_id": ["d1"] * 3 + ["d2"] * 3, "coder": ["ann", "bob", "cy"] * 2,
    ...                        "code": "wait_time", "applied": [1, 1, 0, 0, 0, 0]})
    >>> reconcile(coding)
      doc_id       code  n_coders  n_applied  agreed  disagreement    tie      rule
    0     d1  wait_time         3          2       1          True  False  majority
    1     d2  wait_time         3          0       0         False  False  majority
    >>> reconcile(coding, rule="all")["agreed"].tolist()
    [0, 0]
    """
    rule = _check_rule(rule)
    counts, _ = _tally(coding, id, coder, code, applied)
    n, k = counts["n_coders"].to_numpy(), counts["n_applied"].to_numpy()
    tie = 2 * k == n
    if rule == "majority":
        agreed = pd.array(np.where(2 * k > n, 1, 0), dtype="Int8")
        agreed[tie] = pd.NA
        if tie.any():
            warnings.warn(f"{int(tie.sum())} document x code pairs are ties (as many coders applied the code as "
                          "did not) and stay undecided (agreed is missing); settle them by discussion "
                          "(disagreements(...)) or add a coder", CXResearchWarning, stacklevel=2)
    elif rule == "any":
        agreed = pd.array((k > 0).astype(np.int8), dtype="Int8")
    else:
        agreed = pd.array((k == n).astype(np.int8), dtype="Int8")
    counts["agreed"] = agreed
    counts["disagreement"] = (k > 0) & (k < n)
    counts["tie"] = tie
    counts["rule"] = rule
    return counts


def disagreements(coding, docs=None, *, id="doc_id", coder="coder", code="code", applied="applied", text="text"):
    """The document x code pairs where coders differ, with who applied the code and who did not.

    The agenda of a reconciliation meeting: the coders discuss exactly these
    pairs, agree, and the agreed coding replaces the majority's guess.

    Parameters
    ----------
    coding : pandas.DataFrame
        Long form, one row per document, coder and code, with a 0/1 decision
        (what :func:`read_coding_sheets` returns).
    docs : pandas.DataFrame, optional
        The documents, to show each pair's text beside it.
    id, coder, code, applied : str
        The columns of ``coding``; ``id`` is also the id column of ``docs``.
    text : str
        The text column of ``docs``.

    Returns
    -------
    pandas.DataFrame
        One row per document x code where some coders applied the code and
        some did not, in the order they first appear:

        - ``id`` (``doc_id`` by default), ``code``
        - ``n_coders``, ``n_applied``: as in :func:`reconcile`
        - ``applied_by``: the coders who applied the code ("; "-joined, sorted)
        - ``not_applied_by``: the coders who did not
        - ``text``: the document's text, when ``docs`` is given

    Raises
    ------
    ParameterError, DataValidationError
        As :func:`reconcile`; also a ``docs`` without the id or text column,
        or with an id twice.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.coding.sheets import disagreements
    >>> coding = pd.DataFrame({"doc_id": ["d1"] * 3 + ["d2"] * 3, "coder": ["ann", "bob", "cy"] * 2,
    ...                        "code": "wait_time", "applied": [1, 1, 0, 0, 0, 0]})
    >>> disagreements(coding)
      doc_id       code  n_coders  n_applied applied_by not_applied_by
    0     d1  wait_time         3          2   ann; bob             cy
    """
    counts, decisions = _tally(coding, id, coder, code, applied)
    split = ((counts["n_applied"] > 0) & (counts["n_applied"] < counts["n_coders"])).to_numpy()
    out = counts[split].reset_index(drop=True)
    chosen = decisions[decisions["__group__"].isin(np.flatnonzero(split))]

    def names(rows):
        return rows.astype(str).groupby(chosen.loc[rows.index, "__group__"]).agg(lambda s: "; ".join(sorted(s)))

    groups = np.flatnonzero(split)
    out["applied_by"] = names(chosen.loc[chosen[applied] == 1, coder]).reindex(groups).to_numpy(dtype=object)
    out["not_applied_by"] = names(chosen.loc[chosen[applied] == 0, coder]).reindex(groups).to_numpy(dtype=object)
    if docs is not None:
        check_frame(docs, "docs", fix="pass a DataFrame with one row per document")
        check_columns(docs, [id, text], "docs", where="docs")
        duplicated = docs[id].duplicated().to_numpy()
        if duplicated.any():
            pos = int(np.argmax(duplicated))
            raise DataValidationError("a document id appears twice in docs", column=id,
                                      value=_plain(docs[id].iloc[pos]), row=_plain(docs.index[pos]),
                                      fix=f"keep one row per document, e.g. docs.drop_duplicates({id!r})")
        out[text] = out[id].map(pd.Series(docs[text].to_numpy(), index=docs[id].to_numpy()))
    return out
