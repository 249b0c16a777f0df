"""Tests of cxresearch.metrics.

Every expected number names its independent source in a comment: a hand
computation written out, statsmodels (OLS/WLS with robust or cluster
covariance), scipy (t intervals, normal p-values) or statsmodels' multipletests.
"""

import doctest
import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

from cxresearch import config, metrics
from cxresearch.exceptions import DataValidationError, ParameterError
from cxresearch.metrics import (adjust_pvalues, ces, compare_nps, csat, nps, scorecard,
                                trend)

Z95 = 1.959963984540054  # scipy.stats.norm.ppf(0.975), written out


def answers(promoters, passives, detractors, **columns):
    """NPS answers with the given counts (10s, 8s and 3s), plus constant columns."""
    scores = [10] * promoters + [8] * passives + [3] * detractors
    return pd.DataFrame({"nps": scores, **columns})


@pytest.fixture(scope="module")
def survey():
    """300 answers in three stores from 60 customers, with survey weights."""
    rng = np.random.default_rng(7)
    n = 300
    return pd.DataFrame({
        "store": rng.choice(["north", "south", "west"], n),
        "customer": rng.integers(0, 60, n),
        "nps": rng.integers(0, 11, n),
        "csat": rng.integers(1, 6, n),
        "ces": rng.integers(1, 8, n),
        "w": rng.uniform(0.2, 3.0, n),
    })


def nps_x(scores):
    """+1 promoter, 0 passive, -1 detractor."""
    scores = np.asarray(scores)
    return np.where(scores >= 9, 1.0, np.where(scores <= 6, -1.0, 0.0))


# ---------------------------------------------------------------- nps: values

def test_nps_hand_computed_example():
    # Hand computation: 10 answers, 5 promoters, 3 passives, 2 detractors.
    # NPS = 100 (0.5 - 0.2) = 30; var(NPS/100) = (0.5 + 0.2 - 0.3^2) / 10 = 0.061;
    # se = 100 sqrt(0.061) = 24.6982; CI = 30 -/+ 1.959964 * 24.6982 = [-18.4075, 78.4075].
    data = pd.DataFrame({"nps": [10, 9, 9, 10, 9, 8, 7, 8, 3, 5]})
    row = nps(data).iloc[0]
    assert row["n"] == 10 and row["n_missing"] == 0
    assert row["promoters"] == pytest.approx(0.5)
    assert row["passives"] == pytest.approx(0.3)
    assert row["detractors"] == pytest.approx(0.2)
    assert row["nps"] == pytest.approx(30.0)
    assert row["se"] == pytest.approx(100 * math.sqrt(0.061))
    assert row["se"] == pytest.approx(24.6982, abs=1e-4)
    assert row["ci_low"] == pytest.approx(-18.4075, abs=1e-4)
    assert row["ci_high"] == pytest.approx(78.4075, abs=1e-4)
    assert not row["suppressed"] and not row["reliable"]  # 10 answers < 50


def test_nps_columns_and_group_order():
    data = pd.concat([answers(6, 2, 2, store="B"), answers(3, 3, 4, store="A")])
    table = nps(data, by="store", min_n_reliable=10)
    assert list(table.columns) == ["store", *metrics.NPS_COLUMNS]
    assert table["store"].tolist() == ["A", "B"]
    # Hand: A = 30% - 40% = -10; B = 60% - 20% = 40.
    assert table["nps"].tolist() == pytest.approx([-10.0, 40.0])
    assert table["reliable"].tolist() == [True, True]
    assert table["n"].dtype == np.int64 and table["suppressed"].dtype == bool


def test_nps_ci_level():
    # Hand: 90% interval uses z = 1.644854 (scipy.stats.norm.ppf(0.95)).
    data = answers(5, 3, 2)
    row = nps(data, ci=0.90).iloc[0]
    half = 1.6448536269514722 * 100 * math.sqrt(0.061)
    assert row["ci_high"] - row["nps"] == pytest.approx(half)


def test_nps_interval_is_clipped_to_scale():
    # Hand: 10 promoters, 1 detractor: NPS 81.82, se 100 sqrt((10/11+1/11-(9/11)^2)/11)
    # = 100 sqrt(0.3306/11) = 17.34, upper bound 115.8 -> clipped to 100.
    row = nps(answers(10, 0, 1)).iloc[0]
    assert row["ci_high"] == 100.0
    assert row["ci_low"] == pytest.approx(100 * (9 / 11) - Z95 * 100 * math.sqrt(
        (10 / 11 + 1 / 11 - (9 / 11) ** 2) / 11))


def test_nps_adjusted_wald_hand_computed():
    # Method: MeasuringU (Sauro & Lewis, "Evaluating NPS confidence intervals with
    # real-world data", 2021) after Rocks (2016): add 3 to n, 3/4 to promoters and
    # to detractors. No published worked number was found, so by hand:
    # P = 5, D = 2, n = 10 -> n' = 13, p' = 5.75/13 = 0.442308, d' = 2.75/13 = 0.211538,
    # NPS' = 0.230769, var = (0.653846 - 0.230769^2)/13 = 0.600592/13 = 0.0461994,
    # se = 0.214940 -> CI = 23.0769 -/+ 1.959964 * 21.4940 = [-19.0506, 65.2045].
    # The point estimate stays the unadjusted 30.
    row = nps(answers(5, 3, 2), method="adjusted-wald").iloc[0]
    assert row["nps"] == pytest.approx(30.0)
    assert row["se"] == pytest.approx(21.4941, abs=1e-4)
    assert row["ci_low"] == pytest.approx(-19.0506, abs=1e-4)
    assert row["ci_high"] == pytest.approx(65.2045, abs=1e-4)


def test_nps_adjusted_wald_is_not_degenerate_when_all_promoters():
    # Hand: Wald gives se 0 for 20 promoters; adjusted: p' = 20.75/23, d' = 0.75/23,
    # var = (21.5/23 - (20/23)^2)/23 > 0.
    wald = nps(answers(20, 0, 0)).iloc[0]
    adjusted = nps(answers(20, 0, 0), method="adjusted-wald").iloc[0]
    assert wald["se"] == 0
    p, d = 20.75 / 23, 0.75 / 23
    assert adjusted["se"] == pytest.approx(100 * math.sqrt((p + d - (p - d) ** 2) / 23))
    assert adjusted["ci_low"] < 100 * (p - d) < adjusted["ci_high"] == 100.0


def test_nps_weighted_matches_statsmodels_wls(survey):
    # statsmodels: WLS of x on a constant; the constant is the weighted mean and its
    # HC0 sandwich SE is exactly our linearisation SE. HC1 = HC0 * sqrt(n/(n-1)).
    x = nps_x(survey["nps"])
    fit0 = sm.WLS(x, np.ones(len(x)), weights=survey["w"]).fit(cov_type="HC0")
    fit1 = sm.WLS(x, np.ones(len(x)), weights=survey["w"]).fit(cov_type="HC1")
    row = nps(survey, weight="w").iloc[0]
    assert row["nps"] == pytest.approx(100 * fit0.params[0])
    assert row["se"] == pytest.approx(100 * fit0.bse[0], rel=1e-10)
    n = len(x)
    assert row["se"] * math.sqrt(n / (n - 1)) == pytest.approx(100 * fit1.bse[0], rel=1e-10)
    # Weighted shares, by hand: sum of weights of promoters / sum of weights.
    promoters = survey["nps"] >= 9
    assert row["promoters"] == pytest.approx(survey["w"][promoters].sum() / survey["w"].sum())


def test_nps_unit_weights_equal_unweighted(survey):
    # With every weight 1 the sandwich reduces to (p + d - (p - d)^2)/n (written out above).
    plain = nps(survey, by="store")
    weighted = nps(survey.assign(one=1.0), by="store", weight="one")
    pd.testing.assert_frame_equal(plain, weighted, check_exact=False, rtol=1e-12)


def test_nps_cluster_matches_statsmodels(survey):
    # statsmodels OLS cluster covariance: G/(G-1) * (N-1)/(N-K) with K = 1 is G/(G-1),
    # the CR1 factor we use, so the SEs agree exactly.
    x = nps_x(survey["nps"])
    fit = sm.OLS(x, np.ones(len(x))).fit(cov_type="cluster",
                                         cov_kwds={"groups": survey["customer"]})
    row = nps(survey, cluster="customer").iloc[0]
    assert row["se"] == pytest.approx(100 * fit.bse[0], rel=1e-10)


def test_nps_weight_and_cluster_match_statsmodels_per_group(survey):
    # statsmodels WLS with cluster covariance, fitted on each store separately.
    table = nps(survey, by="store", weight="w", cluster="customer")
    for _, row in table.iterrows():
        part = survey[survey["store"] == row["store"]]
        x = nps_x(part["nps"])
        fit = sm.WLS(x, np.ones(len(x)), weights=part["w"]).fit(
            cov_type="cluster", cov_kwds={"groups": part["customer"].to_numpy()})
        assert row["nps"] == pytest.approx(100 * fit.params[0])
        assert row["se"] == pytest.approx(100 * fit.bse[0], rel=1e-10)
        assert row["ci_high"] - row["nps"] == pytest.approx(Z95 * row["se"])


def test_nps_single_cluster_gives_nan_se():
    # Hand: CR1 needs G >= 2 clusters (G/(G-1) undefined for G = 1).
    data = answers(6, 2, 4, store="A")
    row = nps(data, cluster="store").iloc[0]
    assert row["nps"] == pytest.approx(100 * (6 - 4) / 12)
    assert np.isnan(row["se"]) and np.isnan(row["ci_low"])


def test_nps_multiple_by_columns(survey):
    # Each (store, quarter) cell equals nps() on that cell alone.
    data = survey.assign(quarter=np.where(survey.index % 2 == 0, "Q1", "Q2"))
    table = nps(data, by=["store", "quarter"], min_n_privacy=0)
    assert len(table) == 6
    for _, row in table.iterrows():
        cell = data[(data["store"] == row["store"]) & (data["quarter"] == row["quarter"])]
        alone = nps(cell).iloc[0]
        assert row["n"] == alone["n"]
        assert row["nps"] == pytest.approx(alone["nps"])
        assert row["se"] == pytest.approx(alone["se"])


def test_nps_categorical_by_keeps_category_order():
    data = pd.concat([answers(5, 3, 2, size="large"), answers(2, 3, 5, size="small")])
    data["size"] = pd.Categorical(data["size"], categories=["small", "large"])
    table = nps(data, by="size")
    assert table["size"].tolist() == ["small", "large"]
    assert table["nps"].tolist() == pytest.approx([-30.0, 30.0])  # hand: 20-50, 50-20


# ---------------------------------------------------------- nps: missing, privacy

def test_missing_scores_are_ignored_and_counted():
    # Hand: 10 valid answers (5/3/2 as above) plus 3 blanks -> n 10, n_missing 3, NPS 30.
    data = pd.DataFrame({"nps": [10, 9, 9, 10, 9, 8, 7, 8, 3, 5, np.nan, None, np.nan]})
    row = nps(data).iloc[0]
    assert (row["n"], row["n_missing"]) == (10, 3)
    assert row["nps"] == pytest.approx(30.0)


def test_nullable_integer_scores():
    data = pd.DataFrame({"nps": pd.array([10, 9, 9, 10, 9, 8, 7, 8, 3, 5, None], dtype="Int64")})
    row = nps(data).iloc[0]
    assert (row["n"], row["n_missing"]) == (10, 1)
    assert row["nps"] == pytest.approx(30.0)


def test_rows_with_missing_group_key_are_dropped():
    data = answers(5, 3, 2, store="A")
    data.loc[[0, 1], "store"] = None  # two promoters lose their store
    row = nps(data, by="store", min_n_privacy=0).iloc[0]
    # Hand: 3 promoters, 3 passives, 2 detractors left -> 100 (3 - 2)/8 = 12.5.
    assert (row["n"], row["n_missing"]) == (8, 0)
    assert row["nps"] == pytest.approx(12.5)


def test_privacy_suppression_and_reliability_thresholds():
    data = pd.concat([
        answers(5, 2, 2, store="n09"),    # 9 answers: withheld
        answers(5, 3, 2, store="n10"),    # 10 answers: shown, unreliable
        answers(25, 14, 10, store="n49"),  # 49: shown, unreliable
        answers(25, 15, 10, store="n50"),  # 50: shown, reliable
    ])
    table = nps(data, by="store").set_index("store")
    assert list(table.index) == ["n09", "n10", "n49", "n50"]  # the withheld row stays
    withheld = table.loc["n09"]
    assert withheld["suppressed"] and not withheld["reliable"]
    assert withheld["n"] == 9  # n stays visible
    for column in ["promoters", "passives", "detractors", "nps", "se", "ci_low", "ci_high"]:
        assert np.isnan(withheld[column]), column
    assert not table.loc["n10", "suppressed"] and not table.loc["n10", "reliable"]
    assert table.loc["n10", "nps"] == pytest.approx(30.0)
    assert not table.loc["n49", "reliable"]
    assert table.loc["n50", "reliable"]
    assert config.MIN_N_PRIVACY == 10 and config.MIN_N_RELIABLE == 50


def test_thresholds_can_be_overridden():
    table = nps(answers(5, 2, 2), min_n_privacy=5, min_n_reliable=9)
    assert not table.loc[0, "suppressed"] and table.loc[0, "reliable"]


def test_group_with_only_missing_scores_is_kept_and_suppressed():
    data = pd.concat([answers(5, 3, 2, store="A"),
                      pd.DataFrame({"nps": [np.nan] * 4, "store": "B"})])
    table = nps(data, by="store").set_index("store")
    assert table.loc["B", "n"] == 0 and table.loc["B", "n_missing"] == 4
    assert table.loc["B", "suppressed"]


# ------------------------------------------------------------------ validation

def _one_line(error):
    text = str(error)
    assert "\n" not in text
    return text


@pytest.mark.parametrize("bad, shown", [(11, "11"), (-1, "-1"), (7.5, "7.5")])
def test_out_of_scale_nps_raises_data_validation_error(bad, shown):
    data = pd.DataFrame({"nps": [10, 9, bad, 3]}, index=[100, 101, 102, 103])
    with pytest.raises(DataValidationError) as info:
        nps(data)
    text = _one_line(info.value)
    assert "'nps'" in text and shown in text and "row 102" in text
    assert info.value.column == "nps" and info.value.row == 102


def test_non_numeric_scores_raise_data_validation_error():
    data = pd.DataFrame({"nps": ["10", "nine", "3"]})
    with pytest.raises(DataValidationError) as info:
        nps(data)
    text = _one_line(info.value)
    assert "'nps'" in text and "'nine'" in text and "row 1" in text


def test_csat_zero_is_out_of_scale():
    with pytest.raises(DataValidationError) as info:
        csat(pd.DataFrame({"csat": [5, 4, 0]}))
    text = _one_line(info.value)
    assert "'csat'" in text and "value 0" in text and "1-5" in text


def test_unknown_column_raises_parameter_error():
    data = answers(5, 3, 2, store="A")
    with pytest.raises(ParameterError) as info:
        nps(data, score="ltr")
    text = _one_line(info.value)
    assert info.value.parameter == "score" and info.value.column == "ltr"
    assert "'nps'" in text and "'store'" in text  # the available columns are listed
    with pytest.raises(ParameterError, match="parameter 'by'"):
        nps(data, by="region")
    with pytest.raises(ParameterError, match="parameter 'weight'"):
        nps(data, weight="wt")


@pytest.mark.parametrize("kwargs", [
    {"ci": 1.0}, {"ci": 0}, {"ci": "95%"}, {"method": "wilson"},
    {"min_n_privacy": -1}, {"min_n_reliable": 2.5},
    {"method": "adjusted-wald", "weight": "w"},
])
def test_bad_parameters_raise_parameter_error(kwargs):
    data = answers(5, 3, 2, w=1.0)
    with pytest.raises(ParameterError) as info:
        nps(data, **kwargs)
    _one_line(info.value)


def test_bad_weights_and_clusters_raise():
    data = answers(5, 3, 2, w=1.0, customer=1)
    data.loc[4, "w"] = -0.5
    with pytest.raises(DataValidationError) as info:
        nps(data, weight="w")
    assert "'w'" in _one_line(info.value) and "-0.5" in str(info.value)
    data.loc[4, "w"] = 1.0
    data["customer"] = data["customer"].astype(object)
    data.loc[2, "customer"] = None
    with pytest.raises(DataValidationError, match="row 2"):
        nps(data, cluster="customer")


def test_not_a_dataframe_raises():
    with pytest.raises(ParameterError, match="DataFrame"):
        nps([10, 9, 3])


# ------------------------------------------------------------------ csat / ces

def test_csat_hand_and_scipy():
    scores = [5, 4, 4, 3, 5, 2, 4, 5, 1, 4]
    row = csat(pd.DataFrame({"csat": scores})).iloc[0]
    assert list(row.index) == list(metrics.CSAT_COLUMNS)
    # Hand: 7 of 10 answers are 4 or 5 -> 0.7; Wald se sqrt(0.7*0.3/10) = 0.144914.
    assert row["top_box"] == pytest.approx(0.7)
    assert row["ci_low"] == pytest.approx(0.7 - Z95 * math.sqrt(0.021))
    assert row["ci_high"] == pytest.approx(min(1.0, 0.7 + Z95 * math.sqrt(0.021)))
    # scipy: the textbook t interval of the mean.
    low, high = stats.t.interval(0.95, 9, loc=np.mean(scores), scale=stats.sem(scores))
    assert row["mean"] == pytest.approx(3.7)
    assert (row["mean_ci_low"], row["mean_ci_high"]) == pytest.approx((low, high))


def test_csat_top_box_and_scale_options():
    # Hand: on a 1-10 scale, top 3 boxes are 8-10: 3 of 6 answers.
    data = pd.DataFrame({"csat": [10, 8, 7, 1, 9, 5]})
    row = csat(data, scale=(1, 10), top_box=3, min_n_privacy=0).iloc[0]
    assert row["top_box"] == pytest.approx(0.5)
    assert row["mean"] == pytest.approx(40 / 6)
    with pytest.raises(ParameterError):
        csat(data, scale=(1, 10), top_box=10)
    with pytest.raises(ParameterError):
        csat(data, scale=(5, 1))


def test_csat_weighted_mean_matches_statsmodels_hc1(survey):
    # statsmodels WLS HC1: n/(n-1) * sum w^2 e^2 / W^2, our weighted-mean variance.
    y = survey["csat"].to_numpy(dtype=float)
    fit = sm.WLS(y, np.ones(len(y)), weights=survey["w"]).fit(cov_type="HC1")
    row = csat(survey, weight="w").iloc[0]
    q = stats.t.ppf(0.975, len(y) - 1)  # t quantile on n - 1 df
    assert row["mean"] == pytest.approx(fit.params[0])
    assert (row["mean_ci_high"] - row["mean"]) / q == pytest.approx(fit.bse[0], rel=1e-10)


def test_csat_clustered_mean_and_share_match_statsmodels(survey):
    # statsmodels OLS cluster SE (CR1, exact for an intercept-only model); t on G - 1 df.
    y = survey["csat"].to_numpy(dtype=float)
    groups = survey["customer"].to_numpy()
    fit = sm.OLS(y, np.ones(len(y))).fit(cov_type="cluster", cov_kwds={"groups": groups})
    top = (y >= 4).astype(float)
    fit_top = sm.OLS(top, np.ones(len(y))).fit(cov_type="cluster", cov_kwds={"groups": groups})
    row = csat(survey, cluster="customer").iloc[0]
    n_clusters = survey["customer"].nunique()
    q = stats.t.ppf(0.975, n_clusters - 1)
    assert (row["mean_ci_high"] - row["mean"]) / q == pytest.approx(fit.bse[0], rel=1e-10)
    assert (row["ci_high"] - row["top_box"]) / Z95 == pytest.approx(fit_top.bse[0], rel=1e-10)


def test_ces_hand_and_scipy():
    scores = [7, 6, 5, 5, 4, 7, 2, 6, 5, 3]
    row = ces(pd.DataFrame({"ces": scores})).iloc[0]
    assert list(row.index) == list(metrics.CES_COLUMNS)
    # Hand: mean 50/10 = 5.0; easy (5-7): 7 of 10.
    assert row["mean"] == pytest.approx(5.0)
    low, high = stats.t.interval(0.95, 9, loc=5.0, scale=stats.sem(scores))  # scipy
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high))
    assert row["easy"] == pytest.approx(0.7)
    assert row["easy_ci_low"] == pytest.approx(0.7 - Z95 * math.sqrt(0.7 * 0.3 / 10))
    with pytest.raises(DataValidationError, match="'ces'"):
        ces(pd.DataFrame({"ces": [1, 8]}))
    with pytest.raises(ParameterError):
        ces(pd.DataFrame({"ces": scores}), easy_from=9)


def test_ces_by_group_suppression(survey):
    table = ces(survey, by="store", easy_from=6, min_n_privacy=200)
    assert table["suppressed"].all()
    assert table[["mean", "ci_low", "easy", "easy_ci_high"]].isna().all().all()
    assert (table["n"] > 0).all()


# ---------------------------------------------------------------- compare_nps

def test_compare_two_periods_hand_and_scipy():
    data = pd.concat([answers(14, 12, 14, month="2025-05"), answers(24, 10, 6, month="2025-06")])
    out = compare_nps(data, group="month", a="2025-05", b="2025-06")
    assert list(out.columns) == list(metrics.COMPARE_COLUMNS)
    row = out.iloc[0]
    # Hand: May NPS 0 (var (0.35+0.35-0)/40 = 0.0175), June 60%-15% = 45
    # (var (0.6+0.15-0.45^2)/40 = 0.0136875); se = sqrt(0.0311875) = 0.176600.
    se = math.sqrt(0.0175 + 0.0136875)
    assert (row["n_a"], row["n_b"]) == (40, 40)
    assert (row["nps_a"], row["nps_b"]) == pytest.approx((0.0, 45.0))
    assert row["difference"] == pytest.approx(45.0)
    assert row["z"] == pytest.approx(0.45 / se)
    assert row["p_value"] == pytest.approx(2 * stats.norm.sf(0.45 / se))  # scipy normal
    assert row["ci_low"] == pytest.approx(45 - Z95 * 100 * se)
    assert row["significant"] and not row["suppressed"]
    # statsmodels CompareMeans uses var_ddof0/(n-1); ours var_ddof0/n: same z up to
    # the factor sqrt((n-1)/n) when both sides have n = 40.
    d1 = DescrStatsW(nps_x(data["nps"][data["month"] == "2025-06"]))
    d2 = DescrStatsW(nps_x(data["nps"][data["month"] == "2025-05"]))
    z_sm, _ = CompareMeans(d1, d2).ztest_ind(usevar="unequal")
    assert row["z"] * math.sqrt(39 / 40) == pytest.approx(z_sm)


def test_compare_direction_is_b_minus_a():
    data = pd.concat([answers(14, 12, 14, month="May"), answers(24, 10, 6, month="June")])
    out = compare_nps(data, group="month", a="June", b="May").iloc[0]
    assert out["difference"] == pytest.approx(-45.0)
    assert (out["group_a"], out["group_b"]) == ("June", "May")


def test_compare_not_significant_small_change():
    # Hand: 30 vs 40 with n = 10 each: se = sqrt(0.061/10... ) -> |z| well below 1.96.
    data = pd.concat([answers(5, 3, 2, p="a"), answers(6, 2, 2, p="b")])
    row = compare_nps(data, group="p", a="a", b="b").iloc[0]
    se = math.sqrt(0.061 + (0.6 + 0.2 - 0.16) / 10)
    assert row["z"] == pytest.approx(0.1 / se)
    assert not row["significant"]


def test_compare_suppressed_pair():
    data = pd.concat([answers(5, 2, 2, p="a"), answers(24, 10, 6, p="b")])
    row = compare_nps(data, group="p", a="a", b="b").iloc[0]
    assert row["suppressed"] and not row["significant"]
    assert np.isnan(row["nps_a"]) and np.isnan(row["difference"]) and np.isnan(row["p_value"])
    assert row["nps_b"] == pytest.approx(45.0) and row["n_a"] == 9


def test_compare_each_group_with_rest(survey):
    out = compare_nps(survey, group="store")
    assert list(out.columns) == ["store", *metrics.COMPARE_REST_COLUMNS]
    x = nps_x(survey["nps"])
    for _, row in out.iterrows():
        inside = (survey["store"] == row["store"]).to_numpy()
        # Hand: Wald variances (p + d - (p - d)^2)/n of the group and of the rest.
        a, r = x[inside], x[~inside]
        va = (np.mean(a != 0) - a.mean() ** 2) / len(a)
        vr = (np.mean(r != 0) - r.mean() ** 2) / len(r)
        assert row["n"] == len(a) and row["n_rest"] == len(r)
        assert row["difference"] == pytest.approx(100 * (a.mean() - r.mean()))
        assert row["z"] == pytest.approx((a.mean() - r.mean()) / math.sqrt(va + vr))
        assert row["p_value"] == pytest.approx(2 * stats.norm.sf(abs(row["z"])))
    # statsmodels: Benjamini-Hochberg over the three groups.
    expected = multipletests(out["p_value"], method="fdr_bh")[1]
    assert out["p_fdr"].to_numpy() == pytest.approx(expected)
    assert (out["significant"] == (out["p_fdr"] < 0.05)).all()


@pytest.mark.parametrize("design", [{"weight": "w"}, {"cluster": "customer"},
                                    {"weight": "w", "cluster": "customer"}])
def test_compare_rest_weighted_clustered_equals_two_group_comparison(survey, design):
    # The vectorised "rest" must equal a direct two-group comparison of the group
    # with an explicit "rest" label (whose cluster SE was checked against
    # statsmodels above). Customers appear in several stores, so this exercises
    # clusters that cross groups.
    out = compare_nps(survey, group="store", **design)
    for _, row in out.iterrows():
        side = np.where(survey["store"] == row["store"], "group", "rest")
        pair = compare_nps(survey.assign(side=side), group="side", a="rest", b="group",
                           **design).iloc[0]
        assert row["difference"] == pytest.approx(pair["difference"], rel=1e-10)
        assert row["z"] == pytest.approx(pair["z"], rel=1e-9)
        assert row["nps_rest"] == pytest.approx(pair["nps_a"], rel=1e-10)


def test_compare_rest_suppressed_group_is_marked_and_left_out_of_fdr():
    data = pd.concat([answers(30, 10, 10, s="A"), answers(10, 20, 20, s="B"),
                      answers(5, 2, 2, s="C")])
    out = compare_nps(data, group="s").set_index("s")
    assert out.loc["C", "suppressed"] and out.loc["C", "n"] == 9
    assert out.loc[["C"], ["nps", "nps_rest", "difference", "p_value", "p_fdr"]].isna().all().all()
    expected = multipletests(out.loc[["A", "B"], "p_value"], method="fdr_bh")[1]  # statsmodels
    assert out.loc[["A", "B"], "p_fdr"].to_numpy() == pytest.approx(expected)


def test_compare_argument_errors():
    data = answers(5, 3, 2, p="a")
    with pytest.raises(ParameterError, match="group"):
        compare_nps(data)
    with pytest.raises(ParameterError, match="both a and b"):
        compare_nps(data, group="p", a="a")
    with pytest.raises(ParameterError) as info:
        compare_nps(data, group="p", a="a", b="zz")
    assert "'zz'" in _one_line(info.value)
    with pytest.raises(ParameterError):
        compare_nps(data, group="p", a="a", b="a")


def test_adjust_pvalues_matches_statsmodels():
    p = np.array([0.001, 0.01, 0.02, 0.04, 0.3, 0.9])
    assert adjust_pvalues(p) == pytest.approx(multipletests(p, method="fdr_bh")[1])
    assert adjust_pvalues(p, "holm") == pytest.approx(multipletests(p, method="holm")[1])
    # NaN stays NaN and is left out of the correction; Series keep their index.
    series = pd.Series([0.01, np.nan, 0.04], index=["x", "y", "z"])
    adjusted = adjust_pvalues(series)
    assert list(adjusted.index) == ["x", "y", "z"] and np.isnan(adjusted["y"])
    assert adjusted[["x", "z"]].to_numpy() == pytest.approx(
        multipletests([0.01, 0.04], method="fdr_bh")[1])
    with pytest.raises(ParameterError):
        adjust_pvalues([0.2, 1.5])
    with pytest.raises(ParameterError):
        adjust_pvalues([0.2], method="nope")


# --------------------------------------------------------------------- trend

def test_trend_monthly_quarterly_weekly_labels():
    dates = pd.to_datetime(["2024-12-30"] * 10 + ["2025-06-02"] * 10 + ["2025-06-30"] * 10)
    data = pd.DataFrame({"date": dates, "nps": [10] * 5 + [3] * 5 + [10] * 10 + [8] * 10})
    monthly = trend(data)
    assert monthly["period"].tolist() == ["2024-12", "2025-06"]
    # Hand: Dec = 5 promoters - 5 detractors = 0; June = 10 promoters, 10 passives = 50.
    assert monthly["nps"].tolist() == pytest.approx([0.0, 50.0])
    assert list(monthly.columns) == ["period", *metrics.NPS_COLUMNS]
    assert trend(data, freq="Q")["period"].tolist() == ["2024Q4", "2025Q2"]
    # ISO weeks: Mon 30 Dec 2024 is in 2025-W01; 2 June 2025 in W23; 30 June in W27.
    assert trend(data, freq="W")["period"].tolist() == ["2025-W01", "2025-W23", "2025-W27"]


def test_trend_by_group_other_metrics_and_parsed_dates():
    data = pd.DataFrame({
        "when": ["2025-01-15"] * 12 + ["2025-02-15"] * 12,
        "store": (["A"] * 6 + ["B"] * 6) * 2,
        "csat": [5, 4, 3, 5, 4, 2] * 4,
    })
    table = trend(data, metric="csat", date="when", by="store", min_n_privacy=0)
    assert list(table.columns[:2]) == ["period", "store"]
    assert table[["period", "store"]].values.tolist() == [
        ["2025-01", "A"], ["2025-01", "B"], ["2025-02", "A"], ["2025-02", "B"]]
    assert table["top_box"].tolist() == pytest.approx([4 / 6] * 4)  # hand: 5,4,5,4 of 6


def test_trend_missing_and_bad_dates():
    data = pd.DataFrame({"date": ["2025-01-15"] * 10 + [None], "nps": [9] * 11})
    assert trend(data)["n"].tolist() == [10]  # the undated answer is dropped
    data.loc[3, "date"] = "someday"
    with pytest.raises(DataValidationError) as info:
        trend(data)
    assert "'someday'" in _one_line(info.value) and "row 3" in str(info.value)
    with pytest.raises(ParameterError):
        trend(data, freq="fortnight")
    with pytest.raises(ParameterError):
        trend(data, metric="ltr")


# ----------------------------------------------------------------- scorecard

def test_scorecard_statuses_gap_change_trend():
    card = scorecard([
        {"kpi": "NPS", "value": 32, "target": 30, "previous": 25, "unit": "points"},
        {"kpi": "CSAT top-2", "value": 78, "target": 80, "previous": 78, "unit": "%",
         "tolerance": 3},
        {"kpi": "Complaints", "value": 150, "target": 120, "previous": 140,
         "higher_is_better": False, "tolerance": 10},
        {"kpi": "CES", "value": np.nan, "target": 5.5, "previous": 5.4},
        {"kpi": "Repeat rate", "value": 41, "target": 40},
    ]).set_index("kpi")
    # Hand: gaps 32-30 = 2; 78-80 = -2 (within 3 -> close); lower is better:
    # 120-150 = -30 (beyond 10 -> off target); no value -> no data.
    assert card["gap"].tolist()[:3] == [2.0, -2.0, -30.0]
    assert card["status"].tolist() == ["on target", "close", "off target", "no data",
                                       "on target"]
    assert card.loc["NPS", "change"] == 7 and card.loc["NPS", "trend"] == "up"
    assert card.loc["CSAT top-2", "trend"] == "flat"
    assert card.loc["Complaints", "trend"] == "up"  # the value went up (which is worse)
    assert card.loc["CES", "trend"] is None and card.loc["Repeat rate", "trend"] is None
    assert list(card.columns[-4:]) == list(metrics.SCORECARD_COLUMNS)


def test_scorecard_significance_from_flag_and_intervals():
    card = scorecard(pd.DataFrame({
        "kpi": ["a", "b", "c", "d"],
        "value": [35.0, 35.0, 35.0, 35.0], "target": [30.0] * 4, "previous": [30.0] * 4,
        "change_significant": [False, True, None, None],
        "ci_low": [np.nan, np.nan, 33.0, 25.0], "ci_high": [np.nan, np.nan, 37.0, 45.0],
    })).set_index("kpi")
    # Hand: c: se = 4/(2*1.96) = 1.02, |5| > 1.96*1.02 -> real; d: se = 5.10, not real.
    assert card["trend"].tolist() == ["flat", "up", "up", "flat"]


def test_scorecard_validation():
    with pytest.raises(ParameterError, match="1 to 12"):
        scorecard([{"kpi": f"k{i}", "value": 1, "target": 1} for i in range(13)])
    with pytest.raises(ParameterError, match="unique"):
        scorecard([{"kpi": "a", "value": 1, "target": 1}, {"kpi": "a", "value": 2, "target": 1}])
    with pytest.raises(ParameterError) as info:
        scorecard([{"kpi": "a", "value": 1, "target": "high"}])
    assert "'target'" in _one_line(info.value) and "'high'" in str(info.value)
    with pytest.raises(ParameterError, match="target"):
        scorecard([{"kpi": "a", "value": 1}])
    with pytest.raises(ParameterError):
        scorecard([{"kpi": "a", "value": 1, "target": 1, "tolerance": -1}])
    with pytest.raises(ParameterError):
        scorecard("NPS 30")


# ------------------------------------------------------------------- the module

def test_docstring_examples_run():
    result = doctest.testmod(metrics, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_all_is_complete():
    public = {name for name in vars(metrics) if not name.startswith("_")
              and callable(getattr(metrics, name))
              and getattr(getattr(metrics, name), "__module__", None) == metrics.__name__}
    assert public <= set(metrics.__all__)
