"""Tests of cxresearch.coding.reliability against published worked examples and independent code."""

from __future__ import annotations

import doctest
import itertools
import time
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score, precision_recall_fscore_support
from statsmodels.stats.inter_rater import fleiss_kappa as statsmodels_fleiss

from cxresearch import config
from cxresearch.coding import reliability
from cxresearch.coding.reliability import (
    ACCURACY_COLUMNS,
    AGREEMENT_COLUMNS,
    agreement_by_code,
    coding_accuracy,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    ratings_table,
    reliability_data,
)
from cxresearch.exceptions import CXResearchWarning, DataValidationError, ParameterError

nan = np.nan

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the worked
# example for any number of observers with missing values: 4 observers x 12
# units (unit 12 is coded once, so it is not pairable).
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
    [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
]

# Wikipedia, "Fleiss' kappa", worked example: 10 subjects x 5 categories, 14 raters.
WIKIPEDIA_FLEISS = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]

# Fleiss (1971), Table 1: 30 patients, each diagnosed by 6 of the psychiatrists
# into 5 categories (1 depression, 2 personality disorder, 3 schizophrenia,
# 4 neurosis, 5 other); as distributed with R's irr package (`diagnoses`).
FLEISS_1971 = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]


def value(result):
    return float(result.loc[0, "value"])


def naive_alpha(data, level):
    """Krippendorff's alpha by the book: the coincidence matrix built unit by unit, pair by pair.

    Written straight from Krippendorff (2011), independent of the vectorised
    algebra (mid-ranks, per-unit sums) of the module under test.
    """
    data = np.asarray(data, dtype=float)
    values = np.unique(data[~np.isnan(data)])
    index = {v: i for i, v in enumerate(values)}
    o = np.zeros((len(values), len(values)))
    for unit in data.T:
        seen = unit[~np.isnan(unit)]
        if len(seen) < 2:
            continue
        for i, j in itertools.permutations(range(len(seen)), 2):
            o[index[seen[i]], index[seen[j]]] += 1 / (len(seen) - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    delta = np.zeros_like(o)
    for c, k in itertools.product(range(len(values)), repeat=2):
        vc, vk = values[c], values[k]
        if level == "nominal":
            delta[c, k] = float(c != k)
        elif level == "interval":
            delta[c, k] = (vc - vk) ** 2
        elif level == "ratio":
            delta[c, k] = ((vc - vk) / (vc + vk)) ** 2 if vc + vk else 0.0
        else:
            low, high = min(c, k), max(c, k)
            delta[c, k] = (n_c[low:high + 1].sum() - (n_c[c] + n_c[k]) / 2) ** 2
    return 1 - (n - 1) * (o * delta).sum() / (np.outer(n_c, n_c) * delta).sum()


def simulated_coders(n_units, n_coders, n_categories, accuracy, missing, seed):
    rng = np.random.default_rng(seed)
    truth = rng.integers(1, n_categories + 1, n_units)
    codes = np.array([np.where(rng.random(n_units) < accuracy, truth, rng.integers(1, n_categories + 1, n_units))
                      for _ in range(n_coders)], dtype=float)
    codes[rng.random(codes.shape) < missing] = np.nan
    return codes


# --------------------------------------------------------------------------
# Krippendorff's alpha
# --------------------------------------------------------------------------

@pytest.mark.parametrize("level, published", [
    # Krippendorff (2011): nominal .743, ordinal .815, interval .849, ratio .797
    # for the example above (the same values are in the `krippendorff` package's
    # documentation of this example).
    ("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797),
])
def test_alpha_krippendorff_2011_example(level, published):
    result = krippendorff_alpha(KRIPPENDORFF_2011, level=level, ci=None)
    assert round(value(result), 3) == published
    assert value(result) == pytest.approx(naive_alpha(KRIPPENDORFF_2011, level), abs=1e-12)
    # Krippendorff (2011): 11 pairable units, n = 40 pairable values
    assert result.loc[0, "n_units"] == 11
    assert result.loc[0, "n_values"] == 40
    assert result.loc[0, "n_coders"] == 4
    assert result.loc[0, "level"] == level


def test_alpha_text_codes_with_categories():
    # The same example with text codes (as in the `krippendorff` package's docs):
    # the ordinal alpha needs their order, and is again .815.
    words = {1: "very low", 2: "low", 3: "mid", 4: "high", 5: "very high"}
    data = pd.DataFrame(KRIPPENDORFF_2011).map(lambda v: None if np.isnan(v) else words[int(v)])
    order = ["very low", "low", "mid", "high", "very high"]
    assert round(value(krippendorff_alpha(data, "ordinal", categories=order, ci=None)), 3) == 0.815
    assert round(value(krippendorff_alpha(data, "nominal", ci=None)), 3) == 0.743
    # an unused category does not change alpha
    wider = ["none"] + order
    assert value(krippendorff_alpha(data, "ordinal", categories=wider, ci=None)) == pytest.approx(0.815, abs=5e-4)
    with pytest.raises(ParameterError, match="categories"):
        krippendorff_alpha(data, "ordinal", ci=None)


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_alpha_matches_coincidence_matrix_by_hand(level):
    # Computed by hand (the naive loop above) on simulated data with missing codes.
    data = simulated_coders(60, 5, 6, 0.6, 0.3, seed=7)
    expected = naive_alpha(data, level)
    assert value(krippendorff_alpha(data, level, ci=None)) == pytest.approx(expected, abs=1e-10)
    assert value(krippendorff_alpha(pd.DataFrame(data), level, ci=None)) == pytest.approx(expected, abs=1e-10)


def test_alpha_continuous_interval_values():
    rng = np.random.default_rng(3)
    data = rng.normal(50, 10, (3, 40)) + rng.normal(0, 10, 40)
    data[0, :5] = np.nan
    assert value(krippendorff_alpha(data, "interval", ci=None)) == pytest.approx(naive_alpha(data, "interval"),
                                                                                 abs=1e-10)


def test_alpha_two_coders_nominal_equals_its_formula_for_scotts_pi():
    # For 2 coders and no missing codes, alpha = 1 - (2N - 1)/(2N) * (1 - pi)
    # (Krippendorff 2004, p. 417), with Scott's pi from pooled proportions.
    a = np.array([1, 1, 2, 2, 3, 1, 2, 3, 3, 1, 2, 2])
    b = np.array([1, 2, 2, 2, 3, 1, 1, 3, 3, 1, 2, 3])
    n = len(a)
    po = (a == b).mean()
    pooled = np.bincount(np.r_[a, b])[1:] / (2 * n)
    pe = (pooled ** 2).sum()
    pi = (po - pe) / (1 - pe)
    expected = 1 - (2 * n - 1) / (2 * n) * (1 - pi)
    assert value(krippendorff_alpha([a, b], "nominal", ci=None)) == pytest.approx(expected, abs=1e-12)


def test_alpha_reads_numbers_and_text_as_given():
    # None and pd.NA are missing; text codes stay text ("01" is not 1)
    as_numbers = krippendorff_alpha([[1, None, 2, 3], [1, 2, 2, pd.NA]], "interval", ci=None)
    assert value(as_numbers) == 1.0 and as_numbers.loc[0, "n_units"] == 2
    as_text = krippendorff_alpha([["01", "1", "2"], ["1", "1", "2"]], ci=None)
    assert value(as_text) < 1.0


def test_alpha_perfect_and_undefined():
    perfect = krippendorff_alpha([[1, 2, 3, 1], [1, 2, 3, 1]], ci=None)
    assert value(perfect) == 1.0 and perfect.loc[0, "verdict"] == "reliable"
    constant = krippendorff_alpha([[2, 2, 2], [2, 2, 2]], "interval", n_boot=50, random_state=0)
    assert np.isnan(value(constant)) and constant.loc[0, "verdict"].startswith("undefined")


def test_alpha_reliability_data_from_long_table():
    long = pd.DataFrame({"doc_id": np.repeat(np.arange(12), 4), "coder": np.tile(list("abcd"), 12),
                         "code": np.asarray(KRIPPENDORFF_2011).T.ravel()})
    matrix = reliability_data(long)
    assert matrix.shape == (4, 12)
    assert round(value(krippendorff_alpha(matrix, ci=None)), 3) == 0.743
    with pytest.raises(DataValidationError, match="twice"):
        reliability_data(pd.concat([long, long.iloc[[0]]]))


def test_alpha_fast_on_ten_thousand_units():
    # 3 coders x 10,000 units, with 1,000 bootstrap resamples, in well under a second
    data = simulated_coders(10_000, 3, 5, 0.8, 0.1, seed=11)
    for level in ("nominal", "ordinal", "interval", "ratio"):
        start = time.perf_counter()
        result = krippendorff_alpha(data, level, n_boot=1000, random_state=0)
        assert time.perf_counter() - start < 1.0, level
        assert result.loc[0, "ci_low"] < value(result) < result.loc[0, "ci_high"]


def test_alpha_ratio_on_many_distinct_values_warns():
    rng = np.random.default_rng(0)
    data = rng.uniform(1, 100, (2, 1500))
    with pytest.warns(CXResearchWarning, match="distinct values"):
        krippendorff_alpha(data, "ratio", ci=None)


# --------------------------------------------------------------------------
# Fleiss' kappa
# --------------------------------------------------------------------------

def test_fleiss_wikipedia_example():
    # Wikipedia, "Fleiss' kappa": P = 0.378, Pe = 0.213, kappa = 0.210
    result = fleiss_kappa(WIKIPEDIA_FLEISS, ci=None)
    assert round(value(result), 3) == 0.210
    assert round(float(result.loc[0, "percent_agreement"]), 3) == 0.378
    assert (result.loc[0, "n_units"], result.loc[0, "n_coders"], result.loc[0, "n_categories"]) == (10, 14, 5)
    assert result.loc[0, "verdict"] == "fair agreement"


def test_fleiss_1971_example_through_ratings_table():
    # Fleiss (1971): kappa = .430 over all 5 categories.
    ratings = np.asarray(FLEISS_1971)
    long = pd.DataFrame({"doc_id": np.repeat(np.arange(30), 6), "coder": np.tile(np.arange(6), 30),
                         "code": ratings.ravel()})
    table = ratings_table(long)
    assert table.shape == (30, 5) and (table.sum(axis=1) == 6).all()
    assert round(value(fleiss_kappa(table, ci=None)), 3) == 0.430


def test_fleiss_against_statsmodels():
    rng = np.random.default_rng(5)
    for _ in range(5):
        table = rng.multinomial(7, rng.dirichlet(np.ones(4)), size=25)
        assert value(fleiss_kappa(table, ci=None)) == pytest.approx(statsmodels_fleiss(table), abs=1e-12)


def test_ratings_table_keeps_unused_categories():
    long = pd.DataFrame({"doc_id": [1, 1, 2, 2], "coder": ["a", "b", "a", "b"], "code": ["x", "x", "y", "x"]})
    table = ratings_table(long, categories=["x", "y", "z"])
    assert list(table.columns) == ["x", "y", "z"]
    assert table.to_numpy().tolist() == [[2, 0, 0], [1, 1, 0]]
    with pytest.raises(DataValidationError, match="twice"):
        ratings_table(pd.concat([long, long.iloc[[0]]]))


# --------------------------------------------------------------------------
# Cohen's kappa
# --------------------------------------------------------------------------

def test_cohen_wikipedia_example():
    # Wikipedia, "Cohen's kappa": 50 grant proposals; yes/yes 20, yes/no 5,
    # no/yes 10, no/no 15; po = 0.7, pe = 0.5, kappa = 0.4.
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    result = cohen_kappa(a, b, ci=None)
    assert value(result) == pytest.approx(0.4, abs=1e-12)
    assert float(result.loc[0, "percent_agreement"]) == pytest.approx(0.7)
    assert result.loc[0, "n_units"] == 50 and result.loc[0, "n_coders"] == 2


@pytest.mark.parametrize("weights", [None, "linear", "quadratic"])
def test_cohen_against_sklearn(weights):
    # sklearn.metrics.cohen_kappa_score as an independent implementation
    data = simulated_coders(300, 2, 5, 0.6, 0.0, seed=21).astype(int)
    ours = value(cohen_kappa(data[0], data[1], weights=weights, ci=None))
    assert ours == pytest.approx(cohen_kappa_score(data[0], data[1], weights=weights), abs=1e-12)
    labels = [0, 1, 2, 3, 4, 5, 6]  # unused codes widen the distances, as in sklearn
    ours = value(cohen_kappa(data[0], data[1], weights=weights, labels=labels, ci=None))
    assert ours == pytest.approx(cohen_kappa_score(data[0], data[1], weights=weights, labels=labels), abs=1e-12)
    assert cohen_kappa(data[0], data[1], weights=weights, ci=None).loc[0, "weights"] == (weights or "none")


def test_cohen_drops_and_counts_missing_pairs():
    a = pd.Series([1, 2, None, 3, 1, 2, 3, np.nan])
    b = [1, 2, 3, None, 1, 3, 3, 2]
    result = cohen_kappa(a, b, ci=None)
    keep = [0, 1, 4, 5, 6]
    assert result.loc[0, "n_missing"] == 3 and result.loc[0, "n_units"] == 5
    assert value(result) == pytest.approx(
        cohen_kappa_score(np.asarray(a, dtype=float)[keep], np.asarray(b, dtype=float)[keep]), abs=1e-12)


def test_cohen_weighted_text_codes_need_an_order():
    a = ["low", "mid", "high", "mid", "low"]
    b = ["low", "high", "high", "mid", "mid"]
    with pytest.raises(ParameterError, match="labels"):
        cohen_kappa(a, b, weights="linear")
    ours = value(cohen_kappa(a, b, weights="linear", labels=["low", "mid", "high"], ci=None))
    ranks = {"low": 0, "mid": 1, "high": 2}
    expected = cohen_kappa_score([ranks[x] for x in a], [ranks[x] for x in b], weights="linear")
    assert ours == pytest.approx(expected, abs=1e-12)
    ordered = pd.CategoricalDtype(["low", "mid", "high"], ordered=True)
    from_categorical = cohen_kappa(pd.Series(a, dtype=ordered), pd.Series(b, dtype=ordered), weights="linear",
                                   ci=None)
    assert value(from_categorical) == pytest.approx(expected, abs=1e-12)


def test_cohen_code_outside_an_ordered_categorical():
    ordered = pd.Series(["lo", "hi"], dtype=pd.CategoricalDtype(["lo", "hi"], ordered=True))
    with pytest.raises(ParameterError, match="not among the listed codes"):
        cohen_kappa(ordered, ["lo", "mid"], weights="linear")


def test_cohen_undefined_when_both_use_one_code():
    result = cohen_kappa([1, 1, 1], [1, 1, 1], n_boot=20, random_state=0)
    assert np.isnan(value(result)) and result.loc[0, "verdict"].startswith("undefined")


# --------------------------------------------------------------------------
# bootstrap intervals and verdicts
# --------------------------------------------------------------------------

def test_bootstrap_is_reproducible_and_brackets_the_value():
    data = simulated_coders(200, 2, 3, 0.7, 0.0, seed=2)
    first = cohen_kappa(data[0], data[1], random_state=42)
    again = cohen_kappa(data[0], data[1], random_state=42)
    pd.testing.assert_frame_equal(first, again)
    assert first.loc[0, "ci_low"] < value(first) < first.loc[0, "ci_high"]
    narrow = cohen_kappa(data[0], data[1], ci=0.5, random_state=42)
    assert first.loc[0, "ci_low"] < narrow.loc[0, "ci_low"] < narrow.loc[0, "ci_high"] < first.loc[0, "ci_high"]
    skipped = cohen_kappa(data[0], data[1], n_boot=0)
    assert np.isnan(skipped.loc[0, "ci_low"]) and np.isnan(skipped.loc[0, "ci_high"])
    fleiss = fleiss_kappa(WIKIPEDIA_FLEISS, random_state=np.random.default_rng(1))
    assert fleiss.loc[0, "ci_low"] < value(fleiss) < fleiss.loc[0, "ci_high"]


def test_bootstrap_matches_resampling_units_directly():
    # The multinomial draw over unit patterns is the same distribution as
    # resampling units with replacement: compare with a plain loop over resamples.
    data = simulated_coders(150, 3, 3, 0.7, 0.1, seed=4)
    rng = np.random.default_rng(9)
    plain = []
    for _ in range(400):
        pick = rng.integers(0, data.shape[1], data.shape[1])
        plain.append(naive_alpha(data[:, pick], "ordinal"))
    result = krippendorff_alpha(data, "ordinal", n_boot=2000, random_state=0)
    assert result.loc[0, "ci_low"] == pytest.approx(np.percentile(plain, 2.5), abs=0.03)
    assert result.loc[0, "ci_high"] == pytest.approx(np.percentile(plain, 97.5), abs=0.03)


@pytest.mark.parametrize("kappa, verdict", [
    (-0.1, "poor agreement"), (0.0, "slight agreement"), (0.2, "slight agreement"), (0.204, "slight agreement"),
    (0.21, "fair agreement"), (0.4, "fair agreement"), (0.41, "moderate agreement"),
    (0.6, "moderate agreement"), (0.61, "substantial agreement"), (0.8, "substantial agreement"),
    (0.81, "almost perfect agreement"), (1.0, "almost perfect agreement"),
])
def test_landis_koch_bands(kappa, verdict):
    assert reliability._kappa_verdict(kappa) == verdict


@pytest.mark.parametrize("alpha, verdict", [
    (0.95, "reliable"), (0.800, "reliable"), (0.7996, "reliable"), (0.799, "tentative conclusions only"),
    (0.667, "tentative conclusions only"), (0.666, "unreliable"), (-0.2, "unreliable"),
])
def test_krippendorff_guideline(alpha, verdict):
    assert reliability._alpha_verdict(alpha) == verdict


# --------------------------------------------------------------------------
# agreement per code on the bundled sample
# --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def human_coding():
    path = config.SAMPLE_DIR / "human_coding.parquet"
    if not path.exists():
        pytest.skip("sample data not generated (python -m cxresearch.sample)")
    return pd.read_parquet(path)


@pytest.fixture(scope="module")
def sample_agreement(human_coding):
    return agreement_by_code(human_coding, random_state=2026)


def test_agreement_by_code_recovers_planted_kappa(sample_agreement):
    # truth/coder_agreement.parquet: the generator's expected Cohen's kappa per
    # code and coder pair, from the coders' sensitivity and specificity.
    truth = pd.read_parquet(config.TRUTH_DIR / "coder_agreement.parquet")
    expected = truth.groupby("code")["expected_kappa"].mean()
    table = sample_agreement.set_index("code")
    assert list(sample_agreement.columns) == list(AGREEMENT_COLUMNS)
    assert set(table.index) == set(expected.index)
    inside = (table["cohen_ci_low"] <= expected) & (expected <= table["cohen_ci_high"])
    assert inside.mean() >= 0.8, inside[~inside]
    assert table["cohen_kappa"].mean() == pytest.approx(expected.mean(), abs=0.05)
    assert (table["n_docs"] == 600).all() and (table["n_coders"] == 3).all()


def test_agreement_by_code_agrees_with_the_single_coefficients(sample_agreement, human_coding):
    code = "delivery"
    row = sample_agreement.set_index("code").loc[code]
    one = human_coding[human_coding["code"] == code]
    matrix = reliability_data(one, code="applied")
    assert row["krippendorff_alpha"] == pytest.approx(value(krippendorff_alpha(matrix, ci=None)), abs=1e-12)
    table = ratings_table(one, code="applied")
    assert row["fleiss_kappa"] == pytest.approx(value(fleiss_kappa(table, ci=None)), abs=1e-12)
    pairs = [cohen_kappa_score(matrix.loc[x], matrix.loc[y]) for x, y in itertools.combinations(matrix.index, 2)]
    assert row["cohen_kappa"] == pytest.approx(np.mean(pairs), abs=1e-12)
    assert row["prevalence"] == pytest.approx(one["applied"].mean())
    assert row["verdict"] == reliability._alpha_verdict(row["krippendorff_alpha"])
    for name in ("cohen", "fleiss", "alpha"):
        low, high = row[f"{name}_ci_low"], row[f"{name}_ci_high"]
        estimate = row["krippendorff_alpha" if name == "alpha" else f"{name}_kappa"]
        assert low < estimate < high


def test_agreement_by_code_with_missing_decisions():
    rng = np.random.default_rng(8)
    docs, coders = [f"d{i}" for i in range(80)], ["a", "b", "c"]
    rows = [(d, c, "price", int(rng.random() < 0.3)) for d in docs for c in coders]
    data = pd.DataFrame(rows, columns=["doc_id", "coder", "code", "applied"])
    data = data.drop(index=data.index[(data["coder"] == "c") & (data.index % 2 == 0)])  # c codes half
    row = agreement_by_code(data, random_state=0).iloc[0]
    matrix = reliability_data(data, code="applied")
    assert row["n_docs"] == 80
    assert row["krippendorff_alpha"] == pytest.approx(naive_alpha(matrix.to_numpy(), "nominal"), abs=1e-12)
    pairs = []
    for x, y in itertools.combinations(coders, 2):
        both = matrix.loc[[x, y]].dropna(axis=1)
        pairs.append(cohen_kappa_score(both.loc[x], both.loc[y]))
    assert row["cohen_kappa"] == pytest.approx(np.mean(pairs), abs=1e-12)
    complete = matrix.dropna(axis=1)
    table = np.stack([(complete == 0).sum(), (complete == 1).sum()], axis=1)
    assert row["fleiss_kappa"] == pytest.approx(statsmodels_fleiss(table), abs=1e-12)


# --------------------------------------------------------------------------
# auto-coder accuracy
# --------------------------------------------------------------------------

def test_coding_accuracy_against_sklearn():
    rng = np.random.default_rng(12)
    docs = [f"d{i:03d}" for i in range(200)]
    codes = ["price", "staff", "wait", "delivery", "rare"]
    truth = rng.random((200, 5)) < [0.3, 0.2, 0.1, 0.15, 0.0]
    guess = np.where(rng.random((200, 5)) < 0.85, truth, ~truth)
    guess[:, 4] = False  # "rare": never in the reference, never predicted -> left out of the averages

    def pairs(matrix):
        i, j = np.nonzero(matrix)
        return pd.DataFrame({"doc_id": np.asarray(docs)[i], "code": np.asarray(codes)[j]})

    table = coding_accuracy(pairs(guess), pairs(truth), docs=docs, codes=codes)
    assert list(table.columns) == list(ACCURACY_COLUMNS)
    assert list(table["code"]) == codes + ["micro avg", "macro avg"]
    p, r, f, s = precision_recall_fscore_support(truth, guess, average=None, zero_division=np.nan)
    per_code = table.iloc[:5]
    np.testing.assert_allclose(per_code["precision"], p, atol=1e-12)
    np.testing.assert_allclose(per_code["recall"], r, atol=1e-12)
    np.testing.assert_allclose(per_code["f1"].iloc[:4], f[:4], atol=1e-12)
    np.testing.assert_array_equal(per_code["support"], s)
    for average in ("micro", "macro"):
        p, r, f, _ = precision_recall_fscore_support(truth[:, :4], guess[:, :4], average=average,
                                                     zero_division=np.nan)
        row = table.set_index("code").loc[f"{average} avg"]
        assert (row["precision"], row["recall"], row["f1"]) == pytest.approx((p, r, f), abs=1e-12)
    assert table.set_index("code").loc["micro avg", "support"] == truth.sum()


def test_coding_accuracy_documents_considered():
    reference = pd.DataFrame({"doc_id": ["d1", "d2"], "code": ["price", "staff"]})
    predicted = pd.DataFrame({"doc_id": ["d1", "d3", "d9"], "code": ["price", "price", "staff"]})
    with pytest.warns(CXResearchWarning, match="not in the reference"):
        by_default = coding_accuracy(predicted, reference)
    assert by_default.set_index("code").loc["price", "fp"] == 0
    # d3 was seen and has no reference code: its predicted code is a false positive
    given = coding_accuracy(predicted, reference, docs=["d1", "d2", "d3"]).set_index("code")
    assert (given.loc["price", "tp"], given.loc["price", "fp"], given.loc["staff", "fn"]) == (1, 1, 1)
    assert given.loc["staff", "fp"] == 0  # d9 is outside the documents considered


def test_coding_accuracy_with_applied_column(human_coding):
    reference = human_coding[human_coding["coder"] == "coder_a"]
    predicted = human_coding[human_coding["coder"] == "coder_b"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the reference lists every document: no warning
        table = coding_accuracy(predicted, reference, applied="applied").set_index("code")
    a = reference.pivot(index="doc_id", columns="code", values="applied")
    b = predicted.pivot(index="doc_id", columns="code", values="applied").loc[a.index, a.columns]
    p, r, _, s = precision_recall_fscore_support(a.to_numpy(), b.to_numpy(), average=None, zero_division=np.nan)
    np.testing.assert_allclose(table.loc[list(a.columns), "precision"], p, atol=1e-12)
    np.testing.assert_allclose(table.loc[list(a.columns), "recall"], r, atol=1e-12)
    np.testing.assert_array_equal(table.loc[list(a.columns), "support"], s)


# --------------------------------------------------------------------------
# bad input: one-line ParameterError
# --------------------------------------------------------------------------

def one_line(err):
    message = str(err.value)
    assert "\n" not in message and "Fix:" in message
    return message


@pytest.mark.parametrize("call, words", [
    (lambda: krippendorff_alpha(KRIPPENDORFF_2011, level="nominl"), "unknown level"),
    (lambda: krippendorff_alpha(KRIPPENDORFF_2011, level=None), "unknown level"),
    (lambda: krippendorff_alpha([[1, 2, 3]]), "at least 2 coders"),
    (lambda: krippendorff_alpha([[1, 2, 3], [nan, nan, nan]]), "at least 2 coders"),
    (lambda: krippendorff_alpha([[1, nan, nan], [nan, 2, nan]]), "all missing"),
    (lambda: krippendorff_alpha([[nan, nan], [nan, nan]]), "at least 2 coders"),
    (lambda: krippendorff_alpha([1, 2, 3]), "two dimensions"),
    (lambda: krippendorff_alpha([["a", "b"], ["a", "a"]], "interval"), "needs numbers"),
    (lambda: krippendorff_alpha([[-1, 2], [1, 2]], "ratio"), "0 or more"),
    (lambda: krippendorff_alpha(KRIPPENDORFF_2011, ci=1.5), "confidence level"),
    (lambda: krippendorff_alpha(KRIPPENDORFF_2011, n_boot=-1), "bootstrap"),
    (lambda: krippendorff_alpha(KRIPPENDORFF_2011, random_state="x"), "random_state"),
    (lambda: cohen_kappa([1, 2, 3], [1, 2]), "3 and 2 codes"),
    (lambda: cohen_kappa([1, None], [None, 2]), "all missing"),
    (lambda: cohen_kappa([1, 2], [1, 2], weights="squared"), "unknown weights"),
    (lambda: cohen_kappa([1, 2], [1, 3], labels=[1, 2]), "not among the listed codes"),
    (lambda: cohen_kappa([[1, 2]], [[1, 2]]), "one-dimensional"),
    (lambda: fleiss_kappa([[3, 0], [2, 0]]), "sum to the number of raters"),
    (lambda: fleiss_kappa([[1, 0], [0, 1]]), "at least 2 raters"),
    (lambda: fleiss_kappa([[0, 0], [0, 0]]), "all missing"),
    (lambda: fleiss_kappa([[1.5, 0.5], [1, 1]]), "whole numbers"),
    (lambda: fleiss_kappa(pd.DataFrame({"doc": ["a"], "code": ["x"]})), "ratings_table"),
    (lambda: agreement_by_code(pd.DataFrame({"doc_id": [1], "coder": ["a"], "code": ["x"], "applied": [1]})),
     "at least 2 coders"),
    (lambda: agreement_by_code(pd.DataFrame({"doc_id": [1]})), "no such column"),
    (lambda: coding_accuracy(pd.DataFrame({"doc_id": [1]}), pd.DataFrame({"doc_id": [1], "code": ["x"]})),
     "predicted has no such column"),
    (lambda: coding_accuracy([("d1", "x")], pd.DataFrame({"doc_id": [1], "code": ["x"]})), "DataFrame"),
])
def test_bad_input_raises_one_line_parameter_error(call, words):
    with pytest.raises(ParameterError) as err:
        call()
    assert words in one_line(err)


def test_bad_decisions_raise_data_validation_error():
    data = pd.DataFrame({"doc_id": [1, 1], "coder": ["a", "b"], "code": ["x", "x"], "applied": [1, 2]})
    with pytest.raises(DataValidationError, match="0 or 1") as err:
        agreement_by_code(data)
    one_line(err)
    twice = pd.DataFrame({"doc_id": [1, 1, 1], "coder": ["a", "b", "a"], "code": ["x"] * 3, "applied": [1, 0, 1]})
    with pytest.raises(DataValidationError, match="twice"):
        agreement_by_code(twice)


def test_docstring_examples_run():
    result = doctest.testmod(reliability, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 10 and result.failed == 0
