"""The financial-linkage study end to end, through the study runner on the project's kernel.

Three runs: the defaults on the bundled sample, with the planted themes standing in for a coding run (about
25 s); IBM's Telco customers with only parameters changed, as studies.yml's ``linkage-telco`` run does (about
6 s); and an id column that does not exist (fails in the first cells). Checked against the sample's planted
truth (data/sample/truth/truth.json) and the Telco export's known separation (../shared/datasets/README.md:
churn is 100% at satisfaction 1-2 and 0% at 4-5).
"""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
import yaml

from cxresearch import config
from cxresearch.reporting import read_results
from cxresearch.runner import run_study

pytestmark = pytest.mark.notebook

MONEY_RESULTS = {"revenue_at_risk", "scenario_value", "scenario_churn_change", "costliest_theme"}


def run(tmp_path_factory, name, parameters=None, expect="ok"):
    reports = tmp_path_factory.mktemp(name)
    result = run_study("financial-linkage", parameters, reports_dir=reports, html=True)
    assert result.status == expect, result.message
    return result


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("coding")
    mentions = pd.read_parquet(config.TRUTH_DIR / "mentions.parquet")
    negative = mentions[mentions["polarity"] == "neg"]  # complaints: the negative mentions
    negative.rename(columns={"theme": "code"})[["doc_id", "code"]].drop_duplicates().to_csv(
        folder / "coded.csv", index=False)
    return run(tmp_path_factory, "sample", {"coded_path": str(folder / "coded.csv"), "n_bootstrap": 300}).run_dir


def test_every_planted_effect_lies_inside_its_interval(sample_run):
    results = read_results(sample_run)
    planted = pd.read_csv(sample_run / "tables" / "planted_effects.csv")
    assert len(planted) == 5 and planted["inside"].all(), planted
    assert results["planted_inside"]["value"] == 5
    truth = json.loads((config.TRUTH_DIR / "truth.json").read_text())
    detractor = results["next_month_churn_or_detractor"]
    assert detractor["ci_low"] <= truth["churn"]["odds_ratio_detractor_vs_passive"] <= detractor["ci_high"]
    orders = results["orders_rr_promoter"]
    assert orders["ci_low"] <= truth["orders"]["rate_ratio"]["promoter"] <= orders["ci_high"]


def test_sample_run_makes_money_claims_with_their_terms(sample_run):
    results = read_results(sample_run)
    assert results["leakage_flagged"]["value"] is False and results["money_claims_suppressed"]["value"] is False
    risk = results["revenue_at_risk"]
    assert risk["unit"] == "EUR" and 0 < risk["ci_low"] < risk["value"] < risk["ci_high"]
    for term in ["36 months", "38% gross margin", "0.8% a month", "EUR"]:
        assert term in risk["note"] and term in results["scenario_value"]["note"]
    assert results["scenario_churn_change"]["value"] < 0
    assert results["top_driver"]["value"] == "delivery"
    assert results["store_engagement_r"]["ci_low"] > 0
    summary = results["executive_summary"]["value"]
    assert "At risk" in summary and "95% CI" in summary and "Caveat" in summary
    tables = {p.stem for p in (sample_run / "tables").glob("*.csv")}
    assert {"groups", "group_tests", "group_pairs", "churn_odds_ratios", "next_month_churn", "next_month_orders",
            "relative_weights", "importance_performance", "revenue_at_risk", "scenario", "units", "theme_costs",
            "planted_effects"} <= tables
    figures = {p.stem for p in (sample_run / "figures").glob("*.png")}
    assert figures >= {"groups", "churn_odds_ratios", "drivers", "stores", "theme_costs"}
    content = json.loads((sample_run / "results.json").read_text())
    assert all(f["alt"] for f in content["figures"])
    html = (sample_run / "report.html").read_text(encoding="utf-8")
    assert "Traceback" not in html and "Executive summary" in html


def test_planted_detractor_themes_cost_money(sample_run):
    themes = pd.read_csv(sample_run / "tables" / "theme_costs.csv")
    churn = themes[(themes["outcome"] == "churned") & ~themes["withheld"]].set_index("theme")
    planted = json.loads((config.TRUTH_DIR / "truth.json").read_text())["themes"]["detractor_themes"]
    # customers who complain about a planted detractor theme are more often detractors, who churn more
    assert (churn.loc[planted, "difference"] > 0).sum() >= 3


@pytest.fixture(scope="module")
def telco_run(tmp_path_factory, shared_datasets):
    runs = yaml.safe_load((config.PROJECT_ROOT / "studies.yml").read_text())["runs"]
    parameters = dict(runs["linkage-telco"]["parameters"])
    telco = shared_datasets / "telco"
    parameters["customers_path"] = [str(telco / p.rsplit("/", 1)[-1]) for p in parameters["customers_path"]]
    parameters["responses_path"] = str(telco / parameters["responses_path"].rsplit("/", 1)[-1])
    return run(tmp_path_factory, "telco", parameters).run_dir


def test_telco_separation_is_shown_flagged_as_leakage_and_makes_no_money_claim(telco_run):
    results = read_results(telco_run)
    assert results["n_customers"]["value"] == 7043 and results["match_rate"]["value"] == 1.0
    table = pd.read_csv(telco_run / "tables" / "churn_by_score.csv").set_index("level")
    assert table.loc[[1.0, 2.0], "rate"].tolist() == [1.0, 1.0] and table.loc[[4.0, 5.0], "rate"].tolist() == [0.0, 0.0]
    assert 0.1 < table.loc[3.0, "rate"] < 0.25 and table["separated"].tolist() == [True, True, False, True, True]
    assert results["leakage_flagged"]["value"] is True and "leakage" in results["leakage_flagged"]["note"]
    assert results["money_claims_suppressed"]["value"] is True
    assert not MONEY_RESULTS & set(results), MONEY_RESULTS & set(results)
    tables = {p.stem for p in (telco_run / "tables").glob("*.csv")}
    assert not {"revenue_at_risk", "scenario"} & tables
    assert results["churn_model_method"]["value"] == "Firth-penalised"
    odds = pd.read_csv(telco_run / "tables" / "churn_odds_ratios.csv")
    assert odds[["odds_ratio", "ci_low", "ci_high", "coef", "se"]].map(math.isfinite).all().all()
    assert results["churn_auc"]["value"] > 0.9
    summary = results["executive_summary"]["value"]
    assert summary.startswith("- No money claims.") and "USD" not in summary.split("Churn odds")[0]
    html = (telco_run / "report.html").read_text(encoding="utf-8")
    assert "Traceback" not in html and "No money claims" in html


def test_a_wrong_id_mapping_fails_in_one_line(tmp_path_factory, shared_datasets):
    telco = shared_datasets / "telco"
    parameters = {"customers_path": str(telco / "Telco_customer_churn_services.csv"),
                  "responses_path": str(telco / "Telco_customer_churn_status.csv"),
                  "mapping": {"customers": {"Customer ID": "customer_id"},
                              "responses": {"Quarter": "customer_id", "Satisfaction Score": "csat"}},
                  "metric": "csat", "customer_months_path": None, "units_path": None, "drivers": None,
                  "coded_path": None, "truth_path": None}
    result = run(tmp_path_factory, "bad", parameters, expect="failed")
    assert "\n" not in result.message and "DataValidationError" in result.message
    assert "customer_id" in result.message and "Fix:" in result.message


@pytest.mark.parametrize("which", ["sample", "telco"])
def test_report_filters_show_the_churn_share_of_each_band(which, sample_run, telco_run):
    """The published report's churn cube: each band's cell (other filters "All") equals its churn rate in the
    run's group comparison (the same customers), recomputed independently from groups.csv."""
    folder = sample_run if which == "sample" else telco_run
    cube = pd.read_csv(folder / "tables" / "churn_filters.csv", keep_default_na=False)
    others = [c for c in ("segment", "region") if c in cube]
    overall = cube[(cube[others] == "All").all(axis=1)] if others else cube
    groups = pd.read_csv(folder / "tables" / "groups.csv")
    rates = groups[groups["outcome"] == "churned"]
    shown = overall[overall["band"].isin(rates["group"]) & (overall["withheld"].astype(str) == "False")]
    assert len(shown) >= 3  # every band ("no answer" is not one: customers without a score)
    for row in shown.itertuples():
        expected = rates.loc[rates["group"] == row.band, "estimate"]
        assert int(row.count) / int(row.n) == pytest.approx(float(expected.iloc[0]), abs=1e-12), row.band
        assert float(row.share) == pytest.approx(float(expected.iloc[0]), abs=5e-4)  # shown rounded
    meta = json.loads((folder / "results.json").read_text())["cubes"]
    assert any(c["name"] == "churn_filters" and c["filters"][0] == "band" for c in meta)
