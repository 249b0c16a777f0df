"""Tests of cxresearch.schemas: the contracts and validate() on in-memory tables.

Expected values are written out by hand from the contract in docs/design.md.
"""

from __future__ import annotations

import dataclasses
import doctest
import math
import warnings

import numpy as np
import pandas as pd
import pytest

from cxresearch import datasets, schemas
from cxresearch.exceptions import (
    CXResearchError,
    CXResearchWarning,
    DataValidationError,
    ParameterError,
    SchemaError,
)
from cxresearch.schemas import CONTRACTS, KINDS, get_contract, validate


def quiet_validate(*args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CXResearchWarning)
        return validate(*args, **kwargs)


def raises(error_type, frame, kind, *fragments, **kwargs):
    with pytest.raises(CXResearchError) as excinfo:
        quiet_validate(frame, kind, **kwargs)
    assert type(excinfo.value) is error_type, str(excinfo.value)
    message = str(excinfo.value)
    assert "\n" not in message
    for fragment in fragments:
        assert str(fragment) in message, f"{fragment!r} not in {message!r}"
    return excinfo.value


def test_the_five_kinds():
    assert KINDS == ("responses", "verbatims", "customers", "customer_months", "units")
    assert CONTRACTS["responses"].required == ("response_id",)
    assert CONTRACTS["responses"].one_of == ("nps", "csat", "ces")
    assert CONTRACTS["verbatims"].required == ("doc_id", "text")
    assert CONTRACTS["customer_months"].unique == ("customer_id", "month")
    with pytest.raises(dataclasses.FrozenInstanceError):
        CONTRACTS["units"].required = ()
    with pytest.raises(TypeError):
        CONTRACTS["responses"].scales["nps"] = (0, 100)


def test_scales_by_name_and_prefix():
    responses = get_contract("responses")
    assert responses.scale_of("nps") == (0, 10)
    assert responses.scale_of("csat") == (1, 5)
    assert responses.scale_of("ces") == (1, 7)
    assert responses.scale_of("attr_speed") == (1, 5)
    assert responses.scale_of("att_trust") == (1, 5)
    assert responses.scale_of("weight") == (0, math.inf)
    assert responses.scale_of("comment") is None
    assert get_contract("units").scale_of("employee_engagement") == (0, 100)
    assert get_contract("verbatims").scale_of("rating") == (1, 5)


def test_unknown_kind():
    with pytest.raises(ParameterError) as excinfo:
        get_contract("customer")
    message = str(excinfo.value)
    assert "'customer'" in message and "kind='customers'" in message
    assert all(kind in message for kind in KINDS)


def test_validate_returns_typed_copy_and_leaves_input_alone():
    raw = pd.DataFrame({"response_id": [1001.0, 1002.0], "customer_id": [" C1 ", None],
                        "nps": ["9", "10"], "date": ["2025-06-01", "2025-06-02"],
                        "weight": [1, 2], "other": ["x", "y"]})
    before = raw.copy()
    clean = validate(raw, "responses")
    pd.testing.assert_frame_equal(raw, before)
    assert clean["response_id"].tolist() == ["1001", "1002"]
    assert isinstance(clean["response_id"].dtype, pd.StringDtype)
    assert clean["customer_id"].iloc[0] == "C1" and pd.isna(clean["customer_id"].iloc[1])
    assert clean["nps"].dtype == "float64"
    assert clean["weight"].dtype == "float64"
    assert pd.api.types.is_datetime64_dtype(clean["date"])
    assert clean["other"].tolist() == ["x", "y"]


def test_rows_of_an_in_memory_table_are_its_index_labels():
    raw = pd.DataFrame({"response_id": ["a", "b", "c"], "csat": [5, 6, 4]},
                       index=[10, 20, 30])
    err = raises(DataValidationError, raw, "responses", "(value 6, row 20)")
    assert err.file is None


def test_file_is_named_when_given():
    raw = pd.DataFrame({"response_id": ["a"], "nps": [12]})
    raises(DataValidationError, raw, "responses", "june.csv, column 'nps'", file="june.csv")


def test_required_id_cannot_be_empty():
    raw = pd.DataFrame({"response_id": ["a", " ", None], "nps": [1, 2, 3]})
    raises(DataValidationError, raw, "responses", "column 'response_id'", "no id", "row 1")


def test_validate_wants_a_dataframe():
    with pytest.raises(ParameterError):
        validate({"response_id": [1]}, "responses")


def test_yes_no_columns():
    raw = pd.DataFrame({"customer_id": list("abcdefgh"),
                        "churned": ["Yes", "no", "Y", "n", "1", "0", "TRUE", "false"]})
    assert validate(raw, "customers")["churned"].tolist() == [True, False, True, False,
                                                              True, False, True, False]
    numeric = pd.DataFrame({"customer_id": ["a", "b"], "churned": [1, 0]})
    assert validate(numeric, "customers")["churned"].dtype == bool
    gaps = pd.DataFrame({"customer_id": ["a", "b", "c"], "churned": ["yes", None, "N/A"]})
    clean = quiet_validate(gaps, "customers")
    assert clean["churned"].dtype == "boolean"
    assert clean["churned"].isna().tolist() == [False, True, True]
    raises(DataValidationError, pd.DataFrame({"customer_id": ["a", "b"], "churned": ["y", "maybe"]}),
           "customers", "column 'churned'", "'maybe'", "row 1", "yes/no")


def test_customers_numbers():
    raw = pd.DataFrame({"customer_id": ["a", "b"], "orders": [3, None], "revenue": ["10,5", "7"],
                        "clv": [-20.0, 100.0], "signup_date": ["2024-01-31", "2024-02-29"]})
    clean = validate(raw, "customers")
    assert clean["orders"].dtype == "Int64"
    assert clean["revenue"].tolist() == [10.5, 7.0]
    assert clean["clv"].tolist() == [-20.0, 100.0]  # no range on clv
    raises(DataValidationError, raw.assign(orders=[1.5, 2]), "customers",
           "column 'orders'", "whole number", "1.5")


def test_customer_months():
    raw = pd.DataFrame({"customer_id": ["a", "a", "b"], "month": ["2025-06", "2025-07", "2025-06-01"],
                        "revenue": [1.0, 2.0, 3.0], "active": [1, 0, 1]})
    clean = validate(raw, "customer_months")
    assert clean["month"].tolist() == [pd.Timestamp("2025-06-01"), pd.Timestamp("2025-07-01"),
                                       pd.Timestamp("2025-06-01")]
    assert clean["active"].tolist() == [True, False, True]
    raises(DataValidationError, raw.assign(month=["2025-06-15", "2025-07-01", "2025-06-01"]),
           "customer_months", "column 'month'", "first day", "'2025-06-15'")
    raises(SchemaError, raw.drop(columns="month"), "customer_months", "column 'month'")


def test_verbatims():
    raw = pd.DataFrame({"doc_id": [1, 2, 3], "text": ["a", "b", "c"],
                        "source": ["Survey", "interview", None], "turn": [1, 2, None],
                        "speaker": ["R", "I", "R"]})
    clean = validate(raw, "verbatims")
    assert clean["source"].tolist()[:2] == ["survey", "interview"]
    assert clean["turn"].dtype == "Int64"
    assert clean["doc_id"].tolist() == ["1", "2", "3"]
    raises(DataValidationError, raw.assign(source=["survey", "tweet", "review"]), "verbatims",
           "column 'source'", "'tweet'", "survey, interview, review, complaint")
    raises(DataValidationError, raw.assign(doc_id=[1, 2, 1]), "verbatims", "'1'", "rows 0 and 2")


def test_units():
    raw = pd.DataFrame({"unit_id": ["S1", "S2"], "employee_engagement": [72.5, 99],
                        "headcount": [12, 30], "opened_year": [1998, 2021]})
    clean = validate(raw, "units")
    assert clean["employee_engagement"].tolist() == [72.5, 99.0]  # 99 is on a 0-100 scale
    raises(DataValidationError, raw.assign(employee_engagement=[101, 50]), "units",
           "0-100 scale", "value 101")
    raises(DataValidationError, raw.assign(headcount=[-1, 5]), "units", "column 'headcount'",
           "value -1")


def test_dates_already_parsed_and_with_time_zones():
    stamps = pd.to_datetime(["2025-06-01 10:00", "2025-06-02 11:00"]).tz_localize("Europe/Berlin")
    raw = pd.DataFrame({"response_id": ["a", "b"], "nps": [1, 2], "date": stamps})
    clean = validate(raw, "responses")
    assert clean["date"].dt.tz is None
    assert clean["date"].iloc[0] == pd.Timestamp("2025-06-01 08:00")
    iso = pd.DataFrame({"response_id": ["a"], "nps": [1], "date": ["2025-06-01T10:00:00Z"]})
    assert validate(iso, "responses")["date"].iloc[0] == pd.Timestamp("2025-06-01 10:00")


def test_missing_codes_warning_is_one_line_and_counts():
    raw = pd.DataFrame({"response_id": list("abcd"), "nps": [99, "Don't know", "N/A", 5],
                        "csat": [-99, 3, 4, 5]})
    with pytest.warns(CXResearchWarning) as caught:
        clean = validate(raw, "responses", file="june.csv")
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "\n" not in message and message.startswith("june.csv: 4 answer code(s)")
    assert clean.attrs["load_report"]["missing_codes"] == {"nps": 3, "csat": 1}
    with pytest.raises(ParameterError):
        validate(raw, "responses", missing_codes=[True])


def test_vectorised_on_a_million_rows():
    n = 1_000_000
    rng = np.random.default_rng(3)
    raw = pd.DataFrame({"response_id": pd.array(np.arange(n).astype(str), dtype="str"),
                        "nps": rng.integers(0, 11, n), "ces": rng.integers(1, 8, n)})
    clean = validate(raw, "responses")
    assert len(clean) == n and clean["nps"].max() == 10


@pytest.mark.parametrize("module", [schemas, datasets])
def test_docstring_examples_run(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    assert result.attempted > 0
