"""Tests of cxresearch.datasets: reading real exports, one-line errors, the bundled sample.

Expected values come from the fixture files themselves (tests/fixtures/exports,
written by _make_fixtures.py and readable in any text editor) or, for the real
public datasets, from an independent read with Python's csv module.
"""

from __future__ import annotations

import csv
import hashlib
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from cxresearch import config
from cxresearch.datasets import list_datasets, load_table, read_dataset
from cxresearch.exceptions import (
    CXResearchError,
    CXResearchWarning,
    DataFileError,
    DataValidationError,
    ParameterError,
    SchemaError,
)
from cxresearch.schemas import DEFAULT_MISSING_CODES

EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"
LONG_ID = "3454875210006392832"  # 19 digits: a float64 would turn it into ...2800


def quiet_load(*args, **kwargs):
    """load_table with its CXResearchWarning silenced (tests of the warning use pytest.warns)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CXResearchWarning)
        return load_table(*args, **kwargs)


def check_error(excinfo, error_type, *fragments):
    """The error has the right type, a one-line message, and names what it should."""
    err = excinfo.value
    assert type(err) is error_type, f"{type(err).__name__}: {err}"
    message = str(err)
    assert "\n" not in message
    for fragment in fragments:
        assert str(fragment) in message, f"{fragment!r} not in {message!r}"
    return message


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


# --------------------------------------------------------------------------
# survey-platform exports
# --------------------------------------------------------------------------

def test_qualtrics_export_drops_its_two_extra_header_rows():
    with pytest.warns(CXResearchWarning) as caught:
        df = load_table(EXPORTS / "qualtrics_export.csv", kind="responses",
                        mapping=EXPORTS / "qualtrics_mapping.yaml")
    assert len([w for w in caught if issubclass(w.category, CXResearchWarning)]) == 1
    report = df.attrs["load_report"]
    assert report["header_rows_dropped"] == 2
    assert report["first_data_row"] == 4
    assert report["rows"] == len(df) == 6
    assert report["engine"] == "pyarrow"
    # "10 - Extremely likely" and "0 - Not at all likely" are read as their numbers
    assert df["nps"].tolist()[:4] == [10.0, 7.0, 0.0, 9.0]
    assert np.isnan(df["nps"].iloc[4])
    assert df["csat"].tolist()[:3] == [5.0, 4.0, 1.0]
    assert report["missing_codes"] == {"csat": 1, "attr_staff": 1}
    assert df["customer_id"].iloc[0] == LONG_ID
    assert df["comment"].iloc[1].splitlines() == ["Fine, but the queue", "was long on Saturday"]
    assert df["comment"].iloc[2] == 'Nadie me atendió, "pésimo" servicio'
    assert df["date"].iloc[0] == pd.Timestamp("2024-05-01 10:25:02")
    assert df["Finished"].tolist() == [True, True, True, True, False, True]
    assert isinstance(df["response_id"].dtype, pd.StringDtype)


def test_qualtrics_long_numbers_stay_exact_without_a_contract():
    df = load_table(EXPORTS / "qualtrics_export.csv")
    assert df.attrs["load_report"]["header_rows_dropped"] == 2
    # not named as an id, has a gap, longer than a float can hold: kept as text
    assert df["ExternalReference"].iloc[0] == LONG_ID
    assert df["Q1"].iloc[0] == "10 - Extremely likely"


def test_surveymonkey_export_drops_the_response_row():
    df = quiet_load(EXPORTS / "surveymonkey_export.csv", kind="responses",
                    mapping=EXPORTS / "surveymonkey_mapping.yml")
    report = df.attrs["load_report"]
    assert report["header_rows_dropped"] == 1
    assert report["first_data_row"] == 3
    assert df["response_id"].tolist() == ["114170473712", "114170469871",
                                          "114170455520", "114170438806"]
    assert df["nps"].tolist() == [10.0, 6.0, 10.0, 2.0]  # "Extremely likely - 10" too
    assert df["csat"].tolist() == [5.0, 3.0, 4.0, 1.0]
    # month-first with AM/PM: 06/16/2025 08:15:02 PM
    assert df["date"].iloc[2] == pd.Timestamp("2025-06-16 20:15:02")
    assert "Unnamed: 13" in df.columns  # SurveyMonkey leaves multi-choice headers blank


def test_score_labels_are_read_as_numbers(tmp_path):
    path = write(tmp_path, "labels.csv",
                 "id,nps,csat\n"
                 "1,10 - Extremely likely,5 - Very satisfied\n"
                 "2,0 = Not at all likely,Very dissatisfied (1)\n"
                 "3,Extremely likely - 10,3\n")
    df = load_table(path, kind="responses", mapping={"id": "response_id"})
    assert df["nps"].tolist() == [10.0, 0.0, 10.0]
    assert df["csat"].tolist() == [5.0, 1.0, 3.0]


# --------------------------------------------------------------------------
# encodings and delimiters
# --------------------------------------------------------------------------

def test_cp1252_file_with_euro_sign_and_curly_apostrophe():
    df = quiet_load(EXPORTS / "cp1252_export.csv", kind="responses")
    report = df.attrs["load_report"]
    assert report["encoding"] == "cp1252"
    assert df["comment"].iloc[0] == "Great value \u2013 only 12 \u20ac for lunch"
    assert df["comment"].iloc[1] == "\u201cToo crowded\u201d at noon"
    assert np.isnan(df["csat"].iloc[1])  # "Don’t know" with a curly apostrophe
    assert report["missing_codes"] == {"csat": 1}


def test_latin1_file_decodes():
    df = load_table(EXPORTS / "latin1_export.csv", kind="responses")
    # every Latin-1 letter used here means the same in Windows-1252, the first guess
    assert df.attrs["load_report"]["encoding"] in ("cp1252", "latin-1")
    assert df["comment"].tolist() == ["Très bien servi", "Le café était froid",
                                      "Schöne Grüße aus München"]
    assert df["region"].iloc[2] == "Süd"


def test_latin1_fallback_when_not_cp1252(tmp_path):
    # byte 0x90 is undefined in Windows-1252 but a (control) character in Latin-1
    path = write(tmp_path, "old.csv", b"response_id,nps,comment\nX1,8,caf\xe9 \x90ok\n")
    df = load_table(path, kind="responses")
    assert df.attrs["load_report"]["encoding"] == "latin-1"
    assert df["comment"].iloc[0].startswith("café")


def test_utf8_bom_semicolon_file_with_day_first_dates_and_decimal_commas():
    mapping = {"Antwort-ID": "response_id", "Kunden-ID": "customer_id", "Datum": "date",
               "NPS": "nps", "Gewicht": "weight", "Kommentar": "comment"}
    df = quiet_load(EXPORTS / "utf8_bom_semicolon.csv", kind="responses", mapping=mapping,
                    missing_codes=[*DEFAULT_MISSING_CODES, "Weiß nicht"])
    report = df.attrs["load_report"]
    assert report["encoding"] == "utf-8-sig"
    assert report["delimiter"] == ";"
    assert df["response_id"].tolist() == ["A-100", "A-101", "A-102"]  # BOM not in the name
    assert df["customer_id"].iloc[0] == "0012"  # leading zeros kept
    assert df["date"].tolist() == [pd.Timestamp("2025-06-15"), pd.Timestamp("2025-07-01"),
                                   pd.Timestamp("2025-07-02")]
    assert df["weight"].tolist() == [1.5, 0.75, 1.0]
    assert df["comment"].iloc[0] == "Sehr freundlich, schnelle Kasse"
    assert df["comment"].iloc[1] == "Zu teuer; lange Schlange"
    assert report["missing_codes"] == {"nps": 1}


def test_a_code_in_another_language_is_an_error_until_listed():
    mapping = {"Antwort-ID": "response_id", "NPS": "nps"}
    with pytest.raises(CXResearchError) as excinfo:
        load_table(EXPORTS / "utf8_bom_semicolon.csv", kind="responses", mapping=mapping)
    check_error(excinfo, DataValidationError, "utf8_bom_semicolon.csv", "'nps'",
                "'Weiß nicht'", "row 4", "missing_codes")


def test_tab_delimited_text_file():
    df = load_table(EXPORTS / "tab_delimited.txt", kind="responses")
    assert df.attrs["load_report"]["delimiter"] == "\t"
    assert df["customer_id"].tolist()[0] == LONG_ID
    assert pd.isna(df["customer_id"].iloc[1])
    assert df["comment"].iloc[0] == "Easy, quick, done"
    assert df["ces"].tolist() == [2.0, 6.0, 1.0]


def test_pipe_delimiter_and_explicit_options(tmp_path):
    path = write(tmp_path, "pipe.txt", "response_id|nps|comment\nP1|9|a, b; c\nP2|3|x\n")
    assert load_table(path, kind="responses").attrs["load_report"]["delimiter"] == "|"
    df = load_table(path, kind="responses", delimiter="|", encoding="utf-8")
    assert df["comment"].iloc[0] == "a, b; c"


def test_utf16_export_from_excel(tmp_path):
    path = write(tmp_path, "unicode.txt", "response_id\tnps\nU1\t7\nU2\t10\n", "utf-16")
    df = load_table(path, kind="responses")
    assert df.attrs["load_report"]["encoding"] == "utf-16"
    assert df["nps"].tolist() == [7.0, 10.0]


# --------------------------------------------------------------------------
# ids, Excel, Parquet
# --------------------------------------------------------------------------

def test_19_digit_ids_survive_exactly(tmp_path):
    path = write(tmp_path, "ids.csv",
                 f"response_id,customer_id,nps\n{LONG_ID},9223372036854775807,9\n"
                 f"3454875210006392833,,10\n0000000000000000001,{LONG_ID},0\n")
    for kind in ("responses", None):
        df = load_table(path, kind=kind)
        assert df["response_id"].tolist() == [LONG_ID, "3454875210006392833",
                                              "0000000000000000001"]
        assert df["customer_id"].iloc[0] == "9223372036854775807"
        assert pd.isna(df["customer_id"].iloc[1])
        assert isinstance(df["response_id"].dtype, pd.StringDtype)


def test_ids_under_their_own_names_are_read_as_text(tmp_path):
    path = write(tmp_path, "ids.csv", f"RespID,NPS\n{LONG_ID},9\n3454875210006392833,8\n")
    df = load_table(path, kind="responses", mapping={"RespID": "response_id", "NPS": "nps"})
    assert df["response_id"].iloc[0] == LONG_ID


def test_excel_workbook():
    mapping = {"ID": "response_id", "Customer": "customer_id", "Date": "date",
               "NPS": "nps", "CSAT": "csat", "Comment": "comment"}
    with pytest.warns(CXResearchWarning, match="csat 1"):
        df = load_table(EXPORTS / "responses.xlsx", kind="responses", mapping=mapping)
    report = df.attrs["load_report"]
    assert report["sheet"] == "Responses"
    assert report["engine"] == "openpyxl"
    assert df["response_id"].tolist() == ["1001", "1002", "1003", "1004"]  # not "1001.0"
    assert df["customer_id"].iloc[0] == LONG_ID
    # a real date cell, and 45811 typed as a plain number: an Excel serial date
    assert df["date"].tolist()[:3] == [pd.Timestamp("2025-06-01"), pd.Timestamp("2025-06-02"),
                                       pd.Timestamp("2025-06-03")]
    assert np.isnan(df["csat"].iloc[2])  # 99
    assert report["missing_codes"] == {"csat": 1}


def test_excel_sheet_choice():
    df = load_table(EXPORTS / "responses.xlsx", sheet=0)
    assert df.attrs["load_report"]["sheet"] == "Responses"
    with pytest.raises(CXResearchError) as excinfo:
        load_table(EXPORTS / "responses.xlsx", sheet="Respones")
    check_error(excinfo, ParameterError, "responses.xlsx", "'sheet'", "'Respones'",
                "'Responses'", "'Notes'")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(EXPORTS / "responses.xlsx", sheet="Notes")
    check_error(excinfo, DataFileError, "responses.xlsx", "no data rows")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(EXPORTS / "tab_delimited.txt", sheet="Data")
    check_error(excinfo, ParameterError, "'sheet'", "Excel")


def test_parquet_int64_ids_become_exact_text():
    df = load_table(EXPORTS / "responses.parquet", kind="responses")
    assert df["response_id"].tolist() == [LONG_ID, "3454875210006392833", "3454875210006392834"]
    assert df.attrs["load_report"]["first_data_row"] == 1
    assert df["nps"].dtype == "float64"


def test_wrong_file_ending_is_named(tmp_path):
    workbook = write(tmp_path, "really_a_workbook.csv", (EXPORTS / "responses.xlsx").read_bytes())
    with pytest.raises(CXResearchError) as excinfo:
        load_table(workbook)
    check_error(excinfo, DataFileError, "really_a_workbook.csv", "not a text table", "ZIP",
                "rename it to .xlsx")
    text = write(tmp_path, "really_text.xlsx", "a,b\n1,2\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(text)
    check_error(excinfo, DataFileError, "really_text.xlsx", "not an Excel workbook", "text")
    fake = write(tmp_path, "fake.parquet", "a,b\n1,2\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(fake)
    check_error(excinfo, DataFileError, "fake.parquet", "not a Parquet file")


# --------------------------------------------------------------------------
# missing codes
# --------------------------------------------------------------------------

def test_missing_codes_are_counted_and_reported_once(tmp_path):
    path = write(tmp_path, "codes.csv",
                 "response_id,nps,csat,ces\n"
                 "1,99,Don't know,7\n2,98,N/A,-99\n3,10,Prefer not to say,1\n4,,5,2\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = load_table(path, kind="responses")
    ours = [w for w in caught if issubclass(w.category, CXResearchWarning)]
    assert len(ours) == 1
    message = str(ours[0].message)
    assert "codes.csv" in message and "6 answer code(s)" in message
    assert "\n" not in message
    assert df.attrs["load_report"]["missing_codes"] == {"nps": 2, "csat": 3, "ces": 1}
    assert df["nps"].isna().tolist() == [True, True, False, True]


def test_no_warning_without_codes(tmp_path):
    path = write(tmp_path, "clean.csv", "response_id,nps\n1,9\n2,\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error", CXResearchWarning)
        df = load_table(path, kind="responses")
    assert df.attrs["load_report"]["missing_codes"] == {}


def test_missing_codes_can_be_overridden(tmp_path):
    path = write(tmp_path, "codes.csv", "response_id,nps,csat\n1,Don't know,0\n2,9,4\n")
    with pytest.raises(CXResearchError) as excinfo:  # 0 is no code by default: an error
        load_table(path, kind="responses")
    check_error(excinfo, DataValidationError, "'csat'", "(value 0, row 2)")
    df = quiet_load(path, kind="responses", missing_codes={"csat": [0]})
    assert df.attrs["load_report"]["missing_codes"] == {"nps": 1, "csat": 1}
    with pytest.raises(CXResearchError) as excinfo:  # no codes at all
        load_table(path, kind="responses", missing_codes=[])
    check_error(excinfo, DataValidationError, "'nps'", "Don't know")


def test_a_code_inside_the_scale_stays_a_value(tmp_path):
    path = write(tmp_path, "units.csv", "unit_id,employee_engagement,headcount\nS1,99,12\nS2,98,\n")
    df = load_table(path, kind="units")
    assert df["employee_engagement"].tolist() == [99.0, 98.0]
    assert df["headcount"].dtype == "Int64"


# --------------------------------------------------------------------------
# one-line errors
# --------------------------------------------------------------------------

def test_missing_file_suggests_close_names(tmp_path):
    write(tmp_path, "responses_june.csv", "response_id,nps\n1,9\n")
    write(tmp_path, "units.csv", "unit_id\nS1\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(tmp_path / "responses_jun.csv", kind="responses")
    check_error(excinfo, DataFileError, "responses_jun.csv", "file not found",
                "'responses_june.csv'")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(tmp_path / "nowhere" / "x.csv")
    check_error(excinfo, DataFileError, "x.csv", "not found", "nowhere")


def test_empty_file():
    with pytest.raises(CXResearchError) as excinfo:
        load_table(EXPORTS / "empty.csv", kind="responses")
    check_error(excinfo, DataFileError, "empty.csv", "empty (0 bytes)", "Fix:")


def test_blank_file(tmp_path):
    path = write(tmp_path, "blank.csv", "\n\n  \n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path)
    check_error(excinfo, DataFileError, "blank.csv", "blank")


def test_header_only_file():
    with pytest.raises(CXResearchError) as excinfo:
        load_table(EXPORTS / "header_only.csv", kind="responses")
    check_error(excinfo, DataFileError, "header_only.csv", "no data rows", "'response_id'")


def test_qualtrics_header_without_answers(tmp_path):
    header = "".join((EXPORTS / "qualtrics_export.csv").read_text(encoding="utf-8")
                     .splitlines(keepends=True)[:4])  # names, question text (2 lines), ImportIds
    path = write(tmp_path, "no_answers.csv", header)
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path)
    check_error(excinfo, DataFileError, "no_answers.csv", "no data rows")


def test_missing_required_column_suggests_a_mapping(tmp_path):
    path = write(tmp_path, "export.csv", "ResponseID,NPS\n1,9\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path, kind="responses", mapping={"NPS": "nps"})
    check_error(excinfo, SchemaError, "export.csv", "column 'response_id'", "missing",
                "'ResponseID'", "mapping={'ResponseID': 'response_id'}")


def test_missing_score_columns(tmp_path):
    path = write(tmp_path, "export.csv", "response_id,NPS_Score\n1,9\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path, kind="responses")
    check_error(excinfo, SchemaError, "export.csv", "nps, csat, ces", "'NPS_Score'")


def test_require_adds_columns_for_a_study(tmp_path):
    path = write(tmp_path, "export.csv", "response_id,nps,when\n1,9,2025-06-01\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path, kind="responses", require=["date"])
    check_error(excinfo, SchemaError, "export.csv", "column 'date'", "'when'")
    df = load_table(path, kind="responses", require=["date"], mapping={"when": "date"})
    assert df["date"].iloc[0] == pd.Timestamp("2025-06-01")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path, require=["segment"])
    check_error(excinfo, SchemaError, "column 'segment'")


def test_duplicate_ids_name_the_id_and_both_rows(tmp_path):
    path = write(tmp_path, "dups.csv", "response_id,nps\nA1,9\nA2,8\nA3,7\nA2,6\nA4,5\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path, kind="responses")
    check_error(excinfo, DataValidationError, "dups.csv", "column 'response_id'", "'A2'",
                "rows 3 and 5")


def test_duplicate_key_of_customer_months(tmp_path):
    path = write(tmp_path, "months.csv",
                 "customer_id,month,revenue\nC1,2025-06,10\nC1,2025-07,12\nC1,2025-06-01,3\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path, kind="customer_months")
    check_error(excinfo, DataValidationError, "months.csv", "customer_id + month",
                "'2025-06-01'", "rows 2 and 4")


@pytest.mark.parametrize("column,value,scale", [("nps", 11, "0-10"), ("csat", 0, "1-5"),
                                                ("ces", 8, "1-7")])
def test_score_outside_its_scale(tmp_path, column, value, scale):
    path = write(tmp_path, "scores.csv",
                 f"response_id,{column}\nR1,3\nR2,4\nR3,{value}\nR4,2\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path, kind="responses")
    check_error(excinfo, DataValidationError, "scores.csv", f"column '{column}'",
                f"(value {value}, row 4)", f"{scale} scale", "Fix:")


def test_out_of_scale_in_a_text_column_and_an_attribute(tmp_path):
    path = write(tmp_path, "scores.csv", "response_id,nps,attr_speed\nR1,N/A,3\nR2,4,6\n")
    with pytest.raises(CXResearchError) as excinfo:
        quiet_load(path, kind="responses")
    check_error(excinfo, DataValidationError, "column 'attr_speed'", "(value 6, row 3)", "1-5")


def test_non_numeric_score(tmp_path):
    path = write(tmp_path, "scores.csv", "response_id,nps\nR1,9\nR2,great\nR3,7\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path, kind="responses")
    check_error(excinfo, DataValidationError, "scores.csv", "column 'nps'",
                "(value 'great', row 3)", "not a number")


def test_negative_revenue(tmp_path):
    path = write(tmp_path, "customers.csv", "customer_id,revenue\nC1,10.5\nC2,-3\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path, kind="customers")
    check_error(excinfo, DataValidationError, "column 'revenue'", "(value -3, row 3)")


def test_unparseable_date(tmp_path):
    path = write(tmp_path, "dates.csv",
                 "response_id,nps,date\nR1,9,2025-06-01\nR2,8,2025-06-31\nR3,7,yesterday\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path, kind="responses")
    check_error(excinfo, DataValidationError, "dates.csv", "column 'date'",
                "(value '2025-06-31', row 3)", "YYYY-MM-DD")


def test_day_first_and_month_first_dates(tmp_path):
    day_first = write(tmp_path, "eu.csv", "response_id,nps,date\nR1,9,31/12/2024\nR2,8,01/02/2025\n")
    assert load_table(day_first, kind="responses")["date"].tolist() == [
        pd.Timestamp("2024-12-31"), pd.Timestamp("2025-02-01")]
    month_first = write(tmp_path, "us.csv", "response_id,nps,date\nR1,9,12/31/2024\nR2,8,01/02/2025\n")
    assert load_table(month_first, kind="responses")["date"].tolist() == [
        pd.Timestamp("2024-12-31"), pd.Timestamp("2025-01-02")]
    ambiguous = write(tmp_path, "either.csv", "response_id,nps,date\nR1,9,03/04/2025\nR2,8,05/06/2025\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(ambiguous, kind="responses")
    check_error(excinfo, DataValidationError, "either.csv", "column 'date'",
                "'03/04/2025'", "row 2", "day-first or month-first")


def test_excel_serials_only_in_workbooks(tmp_path):
    path = write(tmp_path, "serial.csv", "response_id,nps,date\nR1,9,45811\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path, kind="responses")
    check_error(excinfo, DataValidationError, "serial.csv", "column 'date'", "45811")


def test_wrong_mapping_key_names_close_columns(tmp_path):
    path = write(tmp_path, "export.csv", "Response ID,NPS_Score\n1,9\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path, kind="responses", mapping={"ResponseID": "response_id",
                                                    "NPS_Score": "nps"})
    check_error(excinfo, SchemaError, "export.csv", "column 'ResponseID'", "'Response ID'",
                "mapping")


def test_mapping_onto_an_existing_name(tmp_path):
    path = write(tmp_path, "export.csv", "response_id,nps,NPS_Score\n1,9,9\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path, kind="responses", mapping={"NPS_Score": "nps"})
    check_error(excinfo, SchemaError, "export.csv", "'nps'", "'NPS_Score'")


def test_unknown_kind_lists_the_kinds(tmp_path):
    path = write(tmp_path, "export.csv", "response_id,nps\n1,9\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path, kind="respones")
    message = check_error(excinfo, ParameterError, "'kind'", "'respones'", "kind='responses'")
    for kind in ("responses", "verbatims", "customers", "customer_months", "units"):
        assert kind in message
    assert isinstance(excinfo.value, ValueError)


def test_binary_garbage():
    with pytest.raises(CXResearchError) as excinfo:
        load_table(EXPORTS / "garbage.csv", kind="responses")
    check_error(excinfo, DataFileError, "garbage.csv", "not a text table", "binary data",
                r"b'\x8f\x03")


def test_unsupported_extension(tmp_path):
    path = write(tmp_path, "survey.sav", b"$FL2@(#) IBM SPSS STATISTICS")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path)
    check_error(excinfo, DataFileError, "survey.sav", "'.sav'", ".csv", "SPSS")


def test_bad_yaml_mapping():
    with pytest.raises(CXResearchError) as excinfo:
        load_table(EXPORTS / "qualtrics_export.csv", kind="responses",
                   mapping=EXPORTS / "bad_mapping.yaml")
    check_error(excinfo, DataFileError, "bad_mapping.yaml", "not valid YAML", "row 3")


def test_yaml_mapping_of_the_wrong_shape(tmp_path):
    listed = write(tmp_path, "list.yaml", "- Q1\n- Q2\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(EXPORTS / "qualtrics_export.csv", kind="responses", mapping=listed)
    check_error(excinfo, ParameterError, "list.yaml", "'mapping'", "'list'")
    other_kind = write(tmp_path, "units.yaml", "units:\n  Store: unit_id\n")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(EXPORTS / "qualtrics_export.csv", kind="responses", mapping=other_kind)
    check_error(excinfo, ParameterError, "units.yaml", "'responses'")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(EXPORTS / "qualtrics_export.csv", mapping=tmp_path / "mapping.yml")
    check_error(excinfo, DataFileError, "mapping.yml", "not found")


def test_ragged_row_is_named(tmp_path):
    path = write(tmp_path, "ragged.csv", 'response_id,nps,comment\nR1,9,"fine, ok"\nR2,8,late, rude\nR3,7,x\n')
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path, kind="responses")
    check_error(excinfo, DataFileError, "ragged.csv", "4 fields", "header has 3", "row 3")


def test_short_rows_are_tolerated(tmp_path):
    path = write(tmp_path, "short.csv", "response_id,nps,comment\nR1,9,ok\nR2,8\n")
    df = load_table(path, kind="responses")
    assert df.attrs["load_report"]["engine"] == "c"
    assert pd.isna(df["comment"].iloc[1])


def test_bad_options(tmp_path):
    path = write(tmp_path, "export.csv", "response_id,nps\n1,9\n")
    for kwargs, parameter in ((dict(delimiter=";;"), "delimiter"),
                              (dict(encoding="klingon"), "encoding"),
                              (dict(mapping=["a"]), "mapping"),
                              (dict(require=[1]), "require")):
        with pytest.raises(CXResearchError) as excinfo:
            load_table(path, **kwargs)
        check_error(excinfo, ParameterError, f"'{parameter}'")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(write(tmp_path, "latin.csv", b"response_id,nps\n\xe9,9\n"), encoding="utf-8")
    check_error(excinfo, DataFileError, "latin.csv", "utf-8", "encoding=None")
    with pytest.raises(CXResearchError) as excinfo:
        load_table(tmp_path)
    check_error(excinfo, DataFileError, "folder")


def test_error_fields_are_structured(tmp_path):
    path = write(tmp_path, "scores.csv", "response_id,nps\nR1,9\nR2,12\n")
    with pytest.raises(DataValidationError) as excinfo:
        load_table(path, kind="responses")
    err = excinfo.value
    assert (err.column, err.value, err.row) == ("nps", 12, 3)
    assert err.file.endswith("scores.csv") and err.fix


# --------------------------------------------------------------------------
# raw files are never written
# --------------------------------------------------------------------------

def _fingerprint(path: Path):
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_raw_files_are_only_read(tmp_path):
    calls = [
        (EXPORTS / "qualtrics_export.csv", dict(kind="responses",
                                                mapping=EXPORTS / "qualtrics_mapping.yaml")),
        (EXPORTS / "responses.xlsx", dict(kind="responses", mapping={"ID": "response_id",
                                                                      "NPS": "nps"})),
        (EXPORTS / "responses.parquet", dict(kind="responses")),
        (EXPORTS / "cp1252_export.csv", dict(kind="responses")),
        (EXPORTS / "garbage.csv", {}),
        (EXPORTS / "empty.csv", {}),
        (EXPORTS / "header_only.csv", {}),
        (EXPORTS / "qualtrics_export.csv", dict(kind="responses", mapping=EXPORTS / "bad_mapping.yaml")),
        (EXPORTS / "utf8_bom_semicolon.csv", dict(kind="responses", mapping={"NPS": "nps"})),
    ]
    bad = write(tmp_path, "bad.csv", "response_id,nps\nR1,11\n")
    calls.append((bad, dict(kind="responses")))
    touched = {p for p, _ in calls} | {EXPORTS / "qualtrics_mapping.yaml", EXPORTS / "bad_mapping.yaml"}
    before = {p: _fingerprint(p) for p in touched}
    time.sleep(0.01)
    for path, kwargs in calls:
        try:
            quiet_load(path, **kwargs)
        except CXResearchError:
            pass
    assert {p: _fingerprint(p) for p in touched} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]  # nothing written beside


# --------------------------------------------------------------------------
# speed: vectorised, no Python loop per row
# --------------------------------------------------------------------------

def test_loading_is_vectorised(tmp_path):
    rng = np.random.default_rng(1)
    n = 200_000
    frame = pd.DataFrame({
        "response_id": [f"R{i}" for i in range(n)],
        "customer_id": rng.integers(10**18, 2 * 10**18, n).astype(str),
        "date": pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 365, n), unit="D"),
        "nps": np.where(rng.random(n) < 0.01, "Don't know", rng.integers(0, 11, n).astype(str)),
        "csat": rng.integers(1, 6, n),
        "comment": rng.choice(["fast, friendly", "", 'said "fine"'], n),
    })
    path = tmp_path / "big.csv"
    frame.to_csv(path, index=False, date_format="%d/%m/%Y")
    start = time.perf_counter()
    df = quiet_load(path, kind="responses")
    elapsed = time.perf_counter() - start
    assert len(df) == n
    assert df["customer_id"].tolist()[:3] == frame["customer_id"].tolist()[:3]
    assert df["date"].iloc[0] == frame["date"].iloc[0]
    assert df.attrs["load_report"]["missing_codes"]["nps"] == int((frame["nps"] == "Don't know").sum())
    assert elapsed < 3.0, f"{n:,} rows took {elapsed:.2f} s"


# --------------------------------------------------------------------------
# the bundled sample
# --------------------------------------------------------------------------

@pytest.fixture
def sample_dir(tmp_path, monkeypatch):
    sample, truth = tmp_path / "sample", tmp_path / "sample" / "truth"
    truth.mkdir(parents=True)
    pd.DataFrame({"response_id": ["R1", "R2"], "nps": [9.0, 3.0]}).to_parquet(
        sample / "responses.parquet", index=False)
    pd.DataFrame({"unit_id": ["S1"], "headcount": [12]}).to_parquet(sample / "units.parquet")
    pd.DataFrame({"driver": ["speed"], "effect": [0.4]}).to_parquet(truth / "drivers.parquet")
    (truth / "planted.json").write_text('{"nps": 31.5}', encoding="utf-8")
    monkeypatch.setattr(config, "SAMPLE_DIR", sample)
    monkeypatch.setattr(config, "TRUTH_DIR", truth)
    return sample


def test_list_datasets(sample_dir):
    assert list_datasets() == ["responses", "units", "truth/drivers", "truth/planted"]


def test_read_dataset(sample_dir):
    df = read_dataset("responses")
    assert df["nps"].tolist() == [9.0, 3.0]
    assert df.attrs["load_report"]["dataset"] == "responses"
    assert read_dataset("truth/drivers")["effect"].tolist() == [0.4]
    assert read_dataset("truth/planted") == {"nps": 31.5}


def test_read_dataset_unknown_name_lists_the_names(sample_dir):
    with pytest.raises(CXResearchError) as excinfo:
        read_dataset("respones")
    check_error(excinfo, ParameterError, "'name'", "'respones'", "responses, units",
                "read_dataset('responses')")


def test_read_dataset_without_sample_says_how_to_make_it(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "SAMPLE_DIR", tmp_path / "nothing")
    monkeypatch.setattr(config, "TRUTH_DIR", tmp_path / "nothing" / "truth")
    assert list_datasets() == []
    with pytest.raises(CXResearchError) as excinfo:
        read_dataset("responses")
    check_error(excinfo, DataFileError, "nothing", "python -m cxresearch.sample")


# --------------------------------------------------------------------------
# real public exports (../shared/datasets)
# --------------------------------------------------------------------------

MIRO_MAPPING = {"user_id": "response_id", "NPS_Score": "nps", "text": "comment"}


def test_miro_nps_export(shared_datasets):
    path = shared_datasets / "miro" / "nps.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        expected = list(csv.DictReader(handle))  # independent reading: Python's csv module
    df = load_table(path, mapping=MIRO_MAPPING)
    assert len(df) == len(expected) == 441
    assert df["response_id"].tolist() == [row["user_id"] for row in expected]
    assert df["response_id"].str.len().max() == 19
    assert df["comment"].tolist() == [row["text"] for row in expected]
    assert df["comment"].str.contains("\n").sum() > 50  # multi-line answers stay whole
    assert df["nps"].tolist() == [int(row["NPS_Score"]) for row in expected]


def test_miro_as_responses_finds_the_repeated_user_ids(shared_datasets):
    # the export holds 19 repeated user_ids (15 whole rows submitted twice), so
    # user_id cannot serve as response_id: the contract says so, precisely.
    path = shared_datasets / "miro" / "nps.csv"
    with pytest.raises(CXResearchError) as excinfo:
        load_table(path, kind="responses", mapping=MIRO_MAPPING)
    check_error(excinfo, DataValidationError, "nps.csv", "'response_id'",
                "'3074457346540709505'", "rows 15 and 16", "18 more")
    from cxresearch.schemas import validate

    raw = load_table(path, mapping=MIRO_MAPPING)
    clean = validate(raw.drop_duplicates("response_id"), "responses", file=path.name)
    assert len(clean) == 441 - 19
    assert clean["nps"].between(0, 10).all()
    assert clean["response_id"].iloc[0] == "3074457347487777543"


def test_telco_status_as_customers(shared_datasets):
    path = shared_datasets / "telco" / "Telco_customer_churn_status.csv"
    df = load_table(path, kind="customers",
                    mapping={"Customer ID": "customer_id", "Churn Value": "churned", "CLTV": "clv"})
    assert len(df) == 7043
    assert df["churned"].dtype == bool
    assert int(df["churned"].sum()) == 1869  # IBM's published churn count
    assert df["customer_id"].iloc[0] == "8779-QRDMV"
    assert df["clv"].dtype == "float64" and df["clv"].min() > 0
    assert df.attrs["load_report"]["missing_codes"] == {}


def test_a_data_row_mentioning_response_is_not_a_header(tmp_path):
    path = write(tmp_path, "types.csv", "response_id,nps,type\nR1,9,Response\nR2,8,Complaint\n")
    df = load_table(path, kind="responses")
    assert df.attrs["load_report"]["header_rows_dropped"] == 0
    assert df["response_id"].tolist() == ["R1", "R2"]
