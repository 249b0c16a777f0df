"""cxresearch.linkage: the single customer view, group comparisons, churn models, panels, money, stores, themes.

Independent sources named per test: hand computations (2x2 tables, Welch's ANOVA formula, the money
formula), statsmodels as an independent implementation (ConditionalPoisson, Logit, OLS), scipy (Pearson r),
and the bundled sample's planted truth (data/sample/truth/truth.json, truth/stores.parquet).
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from cxresearch import config
from cxresearch.exceptions import CXResearchError, DataValidationError, ParameterError
from cxresearch.linkage import (MoneySettings, band_scores, churn_model, compare_groups, customer_month_panel,
                                firth_logit, order_rate_ratios, revenue_at_risk, scenario, separation_table,
                                single_customer_view, theme_costs, unit_linkage)


@pytest.fixture(scope="module")
def truth():
    return json.loads((config.TRUTH_DIR / "truth.json").read_text())


@pytest.fixture(scope="module")
def sample():
    read = lambda name: pd.read_parquet(config.SAMPLE_DIR / f"{name}.parquet")  # noqa: E731
    return {name: read(name) for name in ["customers", "responses", "customer_months", "units"]}


@pytest.fixture(scope="module")
def panel(sample):
    return customer_month_panel(sample["customer_months"], sample["responses"], sample["customers"])


# ------------------------------------------------------------------ single customer view
def test_single_customer_view_reports_the_match_on_both_sides():
    customers = pd.DataFrame({"customer_id": ["A", "B", "C", "D"], "revenue": [1.0, 2.0, 3.0, 4.0]})
    answers = pd.DataFrame({"customer_id": ["A", "B", "B", "X", "Y", "Y"], "nps": [10, 3, 8, 9, 1, 2],
                            "date": pd.to_datetime(["2025-01-01", "2025-01-01", "2025-02-01", "2025-01-01",
                                                    "2025-01-01", "2025-03-01"])})
    view = single_customer_view(customers, answers)
    match = view.attrs["match"]
    assert match["n_answering_customers"] == 4 and match["match_rate"] == 0.5
    assert match["answers_unmatched"] == 3 and match["answering_customers_unmatched"] == 2
    assert match["customers_with_answers"] == 2 and match["customers_without_answers"] == 2
    assert view.set_index("customer_id").loc["B", "nps"] == 8  # the latest answer, by date
    mean = single_customer_view(customers, answers, how="mean").set_index("customer_id")
    assert mean.loc["B", "nps"] == 5.5 and mean.loc["C", "category"] == "no answer"


def test_ids_read_as_decimals_are_a_one_line_error_naming_file_column_and_fix():
    customers = pd.DataFrame({"customer_id": ["1001", "1002"]})
    answers = pd.DataFrame({"customer_id": ["1001.0", "1002.0"], "nps": [9, 3]})
    with pytest.raises(DataValidationError) as err:
        single_customer_view(customers, answers, responses_file="survey.csv")
    message = str(err.value)
    assert "\n" not in message and "survey.csv" in message and "'customer_id'" in message
    assert "decimal" in message and "'1001.0'" in message and "Fix:" in message and "text" in message


def test_ids_from_the_wrong_column_are_a_one_line_error():
    customers = pd.DataFrame({"customer_id": ["C1", "C2"]})
    answers = pd.DataFrame({"customer_id": ["R1", "R2"], "nps": [9, 3]})
    with pytest.raises(CXResearchError) as err:
        single_customer_view(customers, answers, responses_file="survey.csv")
    assert "\n" not in str(err.value) and "'R1'" in str(err.value) and "mapping" in str(err.value)


def test_bad_parameters_are_one_line_errors():
    data = pd.DataFrame({"nps": [1, 9], "revenue": [1.0, 2.0]})
    with pytest.raises(ParameterError, match="'revenu'.*no such column.*Fix"):
        compare_groups(data, "revenu")
    with pytest.raises(ParameterError, match="monthly_discount_rate"):
        MoneySettings(monthly_discount_rate=8)
    with pytest.raises(ParameterError, match="share"):
        scenario(data.assign(churned=False, months_observed=1), share=10)


def test_bands_of_each_metric():
    assert list(band_scores([0, 6, 7, 8, 9, 10])) == ["detractor"] * 2 + ["passive"] * 2 + ["promoter"] * 2
    assert list(band_scores([1, 2, 3, 4, 5], "csat")) == ["dissatisfied"] * 2 + ["neutral"] + ["satisfied"] * 2
    assert list(band_scores([1, 4, 7], "ces")) == ["difficult", "neutral", "easy"]


# ------------------------------------------------------------------ group comparisons
def test_compare_groups_matches_hand_computed_welch_anova_and_wilson_intervals():
    rng = np.random.default_rng(11)
    nps = rng.integers(0, 11, 900)
    data = pd.DataFrame({"nps": nps, "revenue": rng.gamma(2.0, 40 + 6 * nps),
                         "churned": rng.random(900) < np.where(nps <= 6, 0.3, 0.15)})
    result = compare_groups(data, ["revenue", "churned"])
    # Welch (1951) F by hand: weights n/s², weighted grand mean
    groups = [data.loc[band_scores(data["nps"]) == b, "revenue"].to_numpy() for b in ["detractor", "passive", "promoter"]]
    w = np.array([len(g) / g.var(ddof=1) for g in groups])
    m = np.array([g.mean() for g in groups])
    k = len(groups)
    grand = (w * m).sum() / w.sum()
    lam = (((1 - w / w.sum()) ** 2) / np.array([len(g) - 1 for g in groups])).sum()
    f = ((w * (m - grand) ** 2).sum() / (k - 1)) / (1 + 2 * (k - 2) / (k * k - 1) * lam)
    welch = result.tests.query("outcome == 'revenue' and test == 'Welch ANOVA'").iloc[0]
    assert welch["statistic"] == pytest.approx(f, rel=1e-9)
    assert welch["df2"] == pytest.approx((k * k - 1) / (3 * lam), rel=1e-9)
    kruskal = result.tests.query("test == 'Kruskal-Wallis'").iloc[0]
    assert kruskal["statistic"] == pytest.approx(stats.kruskal(*groups).statistic, rel=1e-9)
    # Wilson interval by hand for the detractors' churn
    row = result.groups.query("outcome == 'churned' and group == 'detractor'").iloc[0]
    n, p, z = row["n"], row["estimate"], stats.norm.ppf(0.975)
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((centre - half, centre + half))
    pair = result.pairs.query("outcome == 'revenue' and A == 'detractor' and B == 'promoter'").iloc[0]
    assert pair["difference"] == pytest.approx(m[0] - m[2]) and pair["ci_low"] < pair["difference"] < pair["ci_high"]
    assert pair["effect_size_name"] == "Hedges' g" and pair["effect_size"] < 0


def test_small_groups_are_withheld_and_left_out_of_tests():
    data = pd.DataFrame({"nps": [0] * 30 + [7] * 30 + [10] * 5, "revenue": np.arange(65.0)})
    result = compare_groups(data, "revenue", min_n_privacy=10)
    promoters = result.groups.query("group == 'promoter'").iloc[0]
    assert promoters["withheld"] and np.isnan(promoters["estimate"])
    assert set(result.pairs["A"]) | set(result.pairs["B"]) == {"detractor", "passive"}


# ------------------------------------------------------------------ churn models
def test_firth_equals_the_haldane_corrected_odds_ratio_of_a_2x2_table():
    # Firth (1993): with one binary predictor the estimate is the log odds ratio with 1/2 added to each cell
    for a, b, c, d in [(12, 0, 5, 9), (7, 3, 0, 10), (20, 5, 8, 14)]:
        x = np.r_[np.ones(a + b), np.zeros(c + d)]
        y = np.r_[np.ones(a), np.zeros(b), np.ones(c), np.zeros(d)]
        coef, _ = firth_logit(np.column_stack([np.ones(len(x)), x]), y)
        assert coef[1] == pytest.approx(np.log((a + 0.5) * (d + 0.5) / ((b + 0.5) * (c + 0.5))), abs=1e-6)


def test_maximum_likelihood_odds_ratio_equals_the_2x2_table():
    data = pd.DataFrame({"nps": [3] * 100 + [8] * 100,
                         "churned": [True] * 30 + [False] * 70 + [True] * 15 + [False] * 85})
    model = churn_model(data, seed=1)
    row = model.odds_ratios.set_index("term").loc["detractor"]
    assert model.method == "maximum likelihood" and not model.separated
    assert row["odds_ratio"] == pytest.approx((30 * 85) / (70 * 15), rel=1e-6)
    se = np.sqrt(1 / 30 + 1 / 70 + 1 / 15 + 1 / 85)  # Woolf's standard error of a log odds ratio
    assert row["se"] == pytest.approx(se, rel=1e-4)


def test_separation_falls_back_to_firth_says_so_and_stays_finite():
    # the Telco pattern: the lowest band always churns, the highest never
    rng = np.random.default_rng(5)
    csat = rng.integers(1, 6, 3000)
    churned = np.where(csat <= 2, True, np.where(csat >= 4, False, rng.random(3000) < 0.16))
    data = pd.DataFrame({"csat": csat, "churned": churned, "tenure_months": rng.integers(1, 72, 3000)})
    model = churn_model(data, metric="csat", controls=["tenure_months"], seed=2)
    assert model.separated and model.method == "Firth-penalised"
    assert np.isfinite(model.odds_ratios[["odds_ratio", "ci_low", "ci_high"]].to_numpy()).all()
    assert "Separation" in model.note and "leakage" in model.note
    assert model.auc > 0.9 and model.auc_ci[0] <= model.auc <= model.auc_ci[1]
    with pytest.raises(ParameterError, match="infinite"):
        churn_model(data, metric="csat", penalty="none")
    table = separation_table(data, "churned", "csat")
    assert table.attrs["separated"] and table["separated"].tolist() == [True, True, False, True, True]


# ------------------------------------------------------------------ panel and orders
def test_panel_has_exactly_the_generators_customer_months_at_risk(panel):
    hazard = pd.read_parquet(config.TRUTH_DIR / "churn_hazard.parquet")
    at_risk = panel[panel["at_risk"]]
    joined = at_risk.merge(hazard, on=["customer_id", "month"], suffixes=("", "_truth"))
    # customers who signed up in the first month of the window are at risk there in the generator but not
    # by their sign-up date: a handful of rows
    assert len(hazard) - 10 <= len(joined) == len(at_risk) <= len(hazard)
    assert (joined["churned"] == joined["churned_truth"]).all()
    assert (joined["category"].replace({"no answer yet": "none"}) == joined["latest_category"]).all()


def test_order_rate_ratios_equal_statsmodels_conditional_poisson():
    from statsmodels.discrete.conditional_models import ConditionalPoisson

    rng = np.random.default_rng(3)
    n, t = 300, 8
    band = rng.choice(["detractor", "passive", "promoter"], (n, t))
    level = rng.gamma(2.0, 0.5, n)[:, None]
    multiplier = np.where(band == "detractor", 0.8, np.where(band == "promoter", 1.2, 1.0))
    frame = pd.DataFrame({"customer_id": np.repeat(np.arange(n), t), "month": np.tile(np.arange(t), n),
                          "category": band.ravel(), "orders": rng.poisson(level * multiplier).ravel()})
    ours = order_rate_ratios(frame, active=None)
    X = pd.get_dummies(frame["category"], dtype=float).drop(columns="passive")
    X = pd.concat([X, pd.get_dummies(frame["month"].astype(str), drop_first=True, dtype=float)], axis=1)
    with pytest.warns(Warning):  # statsmodels drops the customers without any order, as we do
        fit = ConditionalPoisson(frame["orders"], X, groups=frame["customer_id"]).fit(disp=0)
    assert ours["coef"].to_numpy() == pytest.approx(np.asarray(fit.params)[:2], abs=1e-4)
    # ours is clustered by customer, theirs model-based: close under a true Poisson model
    assert ours["se"].to_numpy() == pytest.approx(np.asarray(fit.bse)[:2], rel=0.15)


def test_planted_churn_odds_ratios_lie_inside_the_intervals(panel, truth):
    """Estimand (truth.json "churn"): customer-month discrete-time logit, band of the latest answer before
    month t, log1p(tenure years) control."""
    model = churn_model(panel[panel["at_risk"]], "churned", controls=["log1p_tenure_years"], id="customer_id", seed=1)
    table = model.odds_ratios.set_index("term")
    for band, key in [("detractor", "odds_ratio_detractor_vs_passive"), ("promoter", "odds_ratio_promoter_vs_passive")]:
        assert table.loc[band, "ci_low"] <= truth["churn"][key] <= table.loc[band, "ci_high"], (band, table.loc[band])
    tenure = table.loc["log1p_tenure_years"]
    assert tenure["ci_low"] <= np.exp(truth["churn"]["tenure_coef"]) <= tenure["ci_high"]
    assert 0.5 < model.auc < 0.8  # a monthly hazard is hard to predict, and honest about it


def test_planted_order_rate_ratios_lie_inside_the_intervals(panel, truth):
    """Estimand (truth.json "orders"): within-customer rate ratio of orders per active month, band of the
    latest answer before the month vs passive, month effects."""
    table = order_rate_ratios(panel, "orders").set_index("term")
    for band in ["detractor", "promoter"]:
        planted = truth["orders"]["rate_ratio"][band]
        assert table.loc[band, "ci_low"] <= planted <= table.loc[band, "ci_high"], (band, table.loc[band])


def test_same_month_view_keeps_only_months_with_an_answer(sample):
    same = customer_month_panel(sample["customer_months"].head(20000), sample["responses"], sample["customers"],
                                timing="same")
    assert same["category"].isin(["detractor", "passive", "promoter"]).all()


# ------------------------------------------------------------------ money
def _money_data(seed=2, n=4000):
    rng = np.random.default_rng(seed)
    nps = rng.integers(0, 11, n)
    months = rng.integers(6, 25, n)
    return pd.DataFrame({"nps": nps, "months_observed": months, "revenue": months * rng.gamma(2, 20, n),
                         "churned": rng.random(n) < np.where(nps <= 6, 0.3, 0.15)})


def test_revenue_at_risk_equals_the_stated_formula_by_hand():
    data = _money_data()
    money = MoneySettings(horizon_months=24, gross_margin=0.4, monthly_discount_rate=0.01, currency="USD")
    risk = revenue_at_risk(data, money=money, n_bootstrap=200, seed=1).iloc[0]
    band = band_scores(data["nps"])
    det, pas = data[band == "detractor"], data[band == "passive"]
    h_d = det["churned"].sum() / det["months_observed"].sum()
    h_p = pas["churned"].sum() / pas["months_observed"].sum()
    per_month = det["revenue"].sum() / det["months_observed"].sum()
    current = (~det["churned"]).sum()
    m = np.arange(1, 25)
    expected = current * per_month * 0.4 * (((1 - h_p) ** m - (1 - h_d) ** m) / 1.01 ** m).sum()
    assert risk["value"] == pytest.approx(expected, rel=1e-9)
    assert risk["ci_low"] < risk["value"] < risk["ci_high"]
    assert (risk["currency"], risk["horizon_months"], risk["gross_margin"], risk["monthly_discount_rate"]) == \
        ("USD", 24, 0.4, 0.01)
    assert "24 months" in risk["statement"] and "40% gross margin" in risk["statement"] and "USD" in risk["statement"]


def test_scenario_by_hand_and_its_interval_scales_with_the_share():
    data = _money_data()
    small = scenario(data, 0.05, n_bootstrap=300, seed=4).iloc[0]
    large = scenario(data, 0.20, n_bootstrap=300, seed=4).iloc[0]
    assert large["value"] == pytest.approx(4 * small["value"], rel=0.01)
    assert small["churn_change"] < 0 < small["value"] and small["ci_low"] < small["value"] < small["ci_high"]
    band = band_scores(data["nps"])
    det, pas = data[band == "detractor"], data[band == "passive"]
    h_d = det["churned"].sum() / det["months_observed"].sum()
    h_p = pas["churned"].sum() / pas["months_observed"].sum()
    moved = 0.05 * (~det["churned"]).sum()
    assert small["churn_change"] == pytest.approx(moved * ((1 - h_d) ** 36 - (1 - h_p) ** 36), rel=1e-9)


# ------------------------------------------------------------------ stores
def test_unit_linkage_r_equals_scipy_and_the_planted_store_slope_is_inside(sample):
    result = unit_linkage(sample["responses"], sample["units"])
    fitted = result.units[result.units["in_fit"]]
    r, _ = stats.pearsonr(fitted["engagement"], fitted["score"])
    summary = result.summary.iloc[0]
    assert summary["r"] == pytest.approx(r) and summary["r_ci_low"] < r < summary["r_ci_high"]
    # planted: least-squares slope of each store's expected NPS (truth/stores.parquet) on its engagement
    stores = pd.read_parquet(config.TRUTH_DIR / "stores.parquet")
    planted = 10 * np.polyfit(stores["employee_engagement"], stores["expected_nps"], 1)[0]
    assert summary["slope_ci_low"] <= planted <= summary["slope_ci_high"], (planted, summary)
    assert result.units["furthest"].sum() == 5


# ------------------------------------------------------------------ themes
def test_theme_costs_find_a_planted_cost_and_adjust_for_how_much_customers_write():
    rng = np.random.default_rng(9)
    n = 3000
    customers = pd.DataFrame({"customer_id": [f"C{i}" for i in range(n)], "revenue": rng.gamma(3, 100, n)})
    writes = rng.integers(1, 6, n)
    customers["revenue"] += 40 * writes  # heavy writers are heavy buyers
    docs = pd.DataFrame({"customer_id": np.repeat(customers["customer_id"], writes)})
    docs["doc_id"] = [f"D{i}" for i in range(len(docs))]
    # "parking" is mentioned at random, more often by those who write more; "delivery" costs 80
    parking = docs.sample(frac=0.1, random_state=1)
    delivery_customers = customers.sample(frac=0.2, random_state=2)["customer_id"]
    customers.loc[customers["customer_id"].isin(delivery_customers), "revenue"] -= 80
    delivery = docs[docs["customer_id"].isin(delivery_customers)].drop_duplicates("customer_id")
    coded = pd.concat([parking.assign(code="parking"), delivery.assign(code="delivery")])[["doc_id", "code"]]
    table = theme_costs(customers, coded, docs, outcome="revenue").set_index("theme")
    assert table.loc["delivery", "ci_low"] <= -80 <= table.loc["delivery", "ci_high"]
    assert table.loc["parking", "ci_low"] <= 0 <= table.loc["parking", "ci_high"]
    assert table.loc["parking", "with"] > table.loc["parking", "without"]  # raw difference: writing volume
