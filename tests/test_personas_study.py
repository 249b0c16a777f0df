"""The persona study's steps (cxresearch.persona_study): reading and joining customers, the customer view,
coded verbatims, the comparison with planted personas, and what a reader sees (selection, stability, cards,
the export). Expected values are computed by hand in each test.
"""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pandas as pd
import pytest

from cxresearch import persona_study as study
from cxresearch.exceptions import DataValidationError, ParameterError, SchemaError
from cxresearch.personas import PersonaSegmenter, profile_personas


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def telco_like(tmp_path):
    """Three small exports in their own column names, joined on 'Customer ID' (as IBM's Telco files are)."""
    demographics = write(tmp_path, "demographics.csv", "Customer ID,Count,Age,Married\nA-1,1,34,Yes\nB-2,1,71,No\n"
                                                        "C-3,1,25,No\n")
    services = write(tmp_path, "services.csv", "Customer ID,Count,Tenure in Months,Monthly Charge,Total Revenue\n"
                                                "B-2,1,12,80.5,966\nA-1,1,40,20.0,800\nC-3,1,1,55.0,55\nZ-9,1,3,10,30\n")
    status = write(tmp_path, "status.csv", "Customer ID,Churn Value,CLTV\nA-1,0,5000\nB-2,1,3000\nC-3,1,2500\n")
    return [demographics, services, status]


MAPPING = {"Customer ID": "customer_id", "Tenure in Months": "tenure_months", "Total Revenue": "revenue",
           "CLTV": "clv", "Churn Value": "churned"}


def test_customers_from_several_files_are_joined_on_the_mapped_id(telco_like):
    before = [digest(p) for p in telco_like]
    customers = study.load_customers([str(p) for p in telco_like], MAPPING)
    assert customers["customer_id"].tolist() == ["A-1", "B-2", "C-3"]
    assert customers.set_index("customer_id").loc["B-2", ["Age", "tenure_months", "revenue", "clv"]].tolist() == [
        71, 12, 966, 3000]
    assert customers["churned"].tolist() == [False, True, True]  # 0/1 read as yes/no by the customers contract
    report = customers.attrs["load_report"]
    assert report["columns_kept_from_earlier_file"] == ["Count"] and report["not_in_first_file"] == 1
    assert [p.name for p in telco_like] == [f["file"] for f in report["files"]]
    assert before == [digest(p) for p in telco_like]  # raw exports are only read
    # a folder reads every table file in it (in name order: demographics, services, status)
    assert len(study.load_customers(telco_like[0].parent, MAPPING)) == 3


def test_customer_files_errors_name_the_file_column_and_fix(telco_like, tmp_path):
    with pytest.raises(SchemaError) as err:
        study.load_customers([str(p) for p in telco_like], {**MAPPING, "Tenure": "tenure_months"})
    assert "'Tenure'" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(SchemaError) as err:
        study.load_customers(telco_like[0])
    assert "demographics.csv" in str(err.value) and "customer_id" in str(err.value)
    repeated = write(tmp_path, "repeated.csv", "customer_id,age\nA,1\nA,2\n")
    with pytest.raises(DataValidationError) as err:
        study.load_customers(repeated)
    assert "repeated.csv" in str(err.value) and "duplicate" in str(err.value)
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    with pytest.raises(ParameterError, match="no table file"):
        study.load_customers(empty_folder)
    with pytest.raises(ParameterError):
        study.load_customers([])


def test_customer_view_takes_attitudes_from_the_first_answer_and_derives_behaviour():
    customers = pd.DataFrame({"customer_id": ["A", "B", "C"], "orders": [30, 0, 4], "revenue": [1500.0, 0.0, 200.0],
                              "tenure_months": [60, 8, 0]})
    answers = pd.DataFrame({
        "customer_id": ["A", "A", "B", "B"],
        "date": pd.to_datetime(["2025-03-01", "2025-01-01", "2025-02-01", "2025-01-15"]),
        "att_need_speed": [1.0, 5.0, np.nan, 3.0], "att_fear_wrong_choice": [2.0, 4.0, np.nan, np.nan]})
    view = study.customer_view(customers, answers, window_months=24)
    rows = view.set_index("customer_id")
    # A's first answer is the one of January (5, 4), not the first row of the file
    assert rows.loc["A", ["att_need_speed", "att_fear_wrong_choice"]].tolist() == [5.0, 4.0]
    assert rows.loc["B", "att_need_speed"] == 3.0 and np.isnan(rows.loc["C", "att_need_speed"])
    # orders per month over min(tenure, 24) months, at least 1: 30/24, 0/8, 4/1
    assert rows["orders_per_month"].tolist() == [1.25, 0.0, 4.0]
    assert rows.loc["A", "average_order_value"] == 50.0 and np.isnan(rows.loc["B", "average_order_value"])
    assert view.attrs["derived"] == ["att_need_speed", "att_fear_wrong_choice", "orders_per_month",
                                     "average_order_value"]
    assert "att_need_speed" not in customers.columns  # the input is not modified
    whole_tenure = study.customer_view(customers, None)
    assert whole_tenure["orders_per_month"].tolist() == [0.5, 0.0, 4.0]
    with pytest.raises(ParameterError, match="also a column"):
        study.customer_view(customers.assign(att_need_speed=1.0), answers)
    with pytest.raises(ParameterError, match="window_months"):
        study.customer_view(customers, None, window_months=0)


def test_feature_patterns_expand_in_order():
    data = pd.DataFrame(columns=["att_b", "att_a", "tenure_months", "channel", "attr_x"])
    assert study.expand_features(data, ["att_*", "channel", "att_a"]) == ["att_b", "att_a", "channel"]
    with pytest.raises(ParameterError, match="no column matches"):
        study.expand_features(data, ["need_*"])
    with pytest.raises(ParameterError, match="no such column"):
        study.expand_features(data, ["tenure"])


def test_coded_verbatims_are_optional_and_must_belong_to_the_verbatims(tmp_path):
    verbatims = pd.DataFrame({"doc_id": ["V1", "V2", "V3"], "customer_id": ["A", "B", None],
                              "text": ["late delivery", "great staff", "ok"]})
    verbatims.to_csv(tmp_path / "verbatims.csv", index=False)
    coded, docs, note = study.load_coded_verbatims(None, tmp_path / "verbatims.csv")
    assert coded is None and "No coded verbatims were given" in note
    coded, docs, note = study.load_coded_verbatims(tmp_path / "missing.csv", tmp_path / "verbatims.csv")
    assert coded is None and "run the qualitative-coding study first" in note
    pd.DataFrame({"doc_id": ["1", "2"], "code": ["delivery", "staff"]}).to_csv(tmp_path / "other.csv", index=False)
    coded, docs, note = study.load_coded_verbatims(tmp_path / "other.csv", tmp_path / "verbatims.csv")
    assert coded is None and "do not belong" in note
    pd.DataFrame({"doc_id": ["V1", "V2", "V9"], "code": ["delivery", "staff", "x"]}).to_csv(tmp_path / "coded.csv",
                                                                                          index=False)
    coded, docs, note = study.load_coded_verbatims(tmp_path / "coded.csv", tmp_path / "verbatims.csv")
    assert coded["doc_id"].tolist() == ["V1", "V2"] and len(docs) == 3
    assert "2 coded verbatims" in note and "2 of the 3 verbatims name their customer" in note


def test_comparison_with_planted_personas(tmp_path):
    pd.DataFrame({"customer_id": list("abcdef"), "persona": ["X", "X", "X", "Y", "Y", "Y"]}).to_csv(
        tmp_path / "personas.csv", index=False)
    (tmp_path / "truth.json").write_text(json.dumps({"personas": {"best_achievable_ari": 0.7}}))
    data = pd.DataFrame({"customer_id": list("abcdefg")})
    # found [0,0,1,1,2,2] vs planted [X,X,X,Y,Y,Y]: the hand-computed ARI of tests/test_personas.py, 0.8/3.3;
    # customer g is not segmented (-1) and left out
    result = study.compare_with_truth(data, np.array([0, 0, 1, 1, 2, 2, -1]), tmp_path / "personas.csv")
    assert result["ari"] == pytest.approx(round(0.8 / 3.3, 4))
    assert result["best_achievable_ari"] == 0.7 and result["target"] == pytest.approx(0.63)
    assert result["n_customers"] == 6 and result["n_planted"] == 2


def test_names_are_given_by_card_number():
    assert study.names_by_label({1: "Bargain Hunter", 3: "Loyal"}) == {0: "Bargain Hunter", 2: "Loyal"}
    assert study.names_by_label(None) is None
    with pytest.raises(ParameterError, match="numbered 1, 2"):
        study.names_by_label({0: "Zero"})
    with pytest.raises(ParameterError):
        study.names_by_label(["Bargain Hunter"])


@pytest.fixture(scope="module")
def two_personas():
    rng = np.random.default_rng(0)
    data = pd.DataFrame({"customer_id": [f"C{i}" for i in range(300)],
                         "att_need_low_price": np.r_[rng.normal(4.2, 0.5, 180), rng.normal(2.0, 0.5, 120)],
                         "channel": np.r_[rng.choice(["online", "store"], 180, p=[0.9, 0.1]), ["store"] * 120],
                         "revenue": np.r_[rng.normal(400, 30, 180), rng.normal(900, 30, 120)],
                         "churned": np.r_[rng.random(180) < 0.3, rng.random(120) < 0.1]})
    data.loc[5, "att_need_low_price"] = np.nan
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        segmenter = PersonaSegmenter(random_state=0, n_bootstrap=6, features=["att_need_low_price", "channel"],
                                     max_personas=4).fit(data)
    profiles = profile_personas(data, segmenter.labels_, features=segmenter.features_, revenue="revenue",
                                churned="churned")
    return data, segmenter, profiles


def test_words_for_the_selection_the_stability_and_a_card(two_personas):
    data, segmenter, profiles = two_personas
    assert segmenter.n_personas_ == 2
    selection = study.describe_selection(segmenter)
    assert "Chosen: 2 personas" in selection and "Qualifying:" in selection
    stability = study.describe_stability(segmenter)
    assert "highly stable" in stability and "In plain words" in stability
    card = study.persona_card(profiles, 0, currency="USD")
    assert card.startswith("### 1. ") and "What sets them apart" in card and "USD per customer" in card
    assert "need low price" in card and "att_" not in card  # features in the researcher's words
    assert "churn" in card
    with pytest.raises(ParameterError, match="no such persona"):
        study.persona_card(profiles, 9)
    withheld = profile_personas(data, segmenter.labels_, features=segmenter.features_, min_n_privacy=150)
    small = int(withheld.overview.loc[withheld.overview["withheld"], "persona"].iloc[0])
    assert "withheld" in study.persona_card(withheld, small)


def test_the_export_numbers_personas_as_the_cards_do(two_personas):
    data, segmenter, profiles = two_personas
    export = study.customer_personas(data, segmenter, profiles)
    assert len(export) == 300 and export["customer_id"].tolist() == data["customer_id"].tolist()
    assert set(export["persona"].dropna()) == {1, 2}
    assert export.loc[5, "persona_name"] == "not segmented" and pd.isna(export.loc[5, "persona"])
    assert export.loc[0, "persona_name"] == profiles.names[int(segmenter.labels_[0])]
    assert export["probability"].drop(index=5).between(0.5, 1.0).all()


def test_words_when_there_are_no_personas():
    rng = np.random.default_rng(1)
    data = pd.DataFrame(rng.normal(size=(600, 4)), columns=list("abcd"))
    segmenter = PersonaSegmenter(random_state=0, n_bootstrap=6).fit(data)
    assert not segmenter.found_personas_
    assert "No stable personas" in study.describe_selection(segmenter)
    assert study.describe_stability(segmenter).startswith("**No stable personas")
