"""PersonaSegmenter and profile_personas (cxresearch.personas), and the mixed-data mixture behind them.

Independent sources, named per test: scikit-learn's GaussianMixture (the tied mixture) and
adjusted_rand_score, hand computations of the adjusted Rand index, Jaccard index, Cohen's d, Cohen's h
and the Wilson interval, scipy's Cramér's V and rank functions, metrics.nps for NPS by persona.
Synthetic data with planted personas (well separated, or none at all) checks the choice of k.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.metrics import adjusted_rand_score

from cxresearch import metrics
from cxresearch._mixture import MixedMixture
from cxresearch.exceptions import CXResearchWarning, DataValidationError, ParameterError
from cxresearch.personas import (NO_PERSONAS, PersonaSegmenter, _ari, _best_jaccard, _contingency,
                                 _cramers_v, _NormalScores, persona_map, profile_personas, stability_verdict)

FAST = dict(n_bootstrap=8, n_init=2, max_personas=6)


def planted(n=900, seed=0, k=3, noise=0, separation=3.0):
    """Respondents from k well-separated personas: 4 numbers, a channel that follows the persona, noise items."""
    rng = np.random.default_rng(seed)
    persona = rng.integers(0, k, n)
    centres = rng.normal(0, separation, (k, 4))
    data = pd.DataFrame(rng.normal(centres[persona], 1.0), columns=["price", "speed", "advice", "quality"])
    shares = np.array([[0.8, 0.1, 0.1], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8], [0.4, 0.3, 0.3]])[persona % 4]
    draw = rng.random(n)[:, None] > shares.cumsum(axis=1)
    data["channel"] = np.array(["store", "online", "omnichannel"])[draw.sum(axis=1).clip(0, 2)]
    for j in range(noise):
        data[f"noise_{j}"] = np.clip(np.round(3 + 1.1 * rng.normal(size=n)), 1, 5)
    return data, persona


def structureless(n=1500, seed=3):
    """One population: correlated 1-5 items, a skewed spend, a channel independent of everything."""
    rng = np.random.default_rng(seed)
    cov = 0.4 * np.ones((6, 6)) + 0.6 * np.eye(6)
    items = np.clip(np.round(3 + 1.1 * rng.multivariate_normal(np.zeros(6), cov, n)), 1, 5)
    data = pd.DataFrame(items, columns=[f"att_{i}" for i in range(6)])
    data["spend"] = rng.lognormal(3, 0.8, n)
    data["channel"] = rng.choice(["store", "online", "omnichannel"], n, p=[0.5, 0.3, 0.2])
    return data


@pytest.fixture(scope="module")
def fitted():
    data, truth = planted(n=1200)  # fitted on the first 900, the last 300 are new respondents
    segmenter = PersonaSegmenter(random_state=0, **FAST).fit(data.iloc[:900])
    return segmenter, data.iloc[:900], truth[:900]


# ---------------------------------------------------------------- the estimator contract
def test_init_only_stores_parameters_and_clone_round_trips():
    segmenter = PersonaSegmenter(n_personas=4, method="kmeans", features=["a", "b"], random_state=7, n_bootstrap=5)
    assert not [name for name in vars(segmenter) if name.endswith("_")]
    params = segmenter.get_params()
    assert params["n_personas"] == 4 and params["method"] == "kmeans" and params["n_bootstrap"] == 5
    twin = clone(segmenter)
    assert twin.get_params() == params and twin is not segmenter
    assert PersonaSegmenter().set_params(n_personas=3).n_personas == 3


def test_not_fitted_raises_before_fit():
    with pytest.raises(NotFittedError):
        PersonaSegmenter().predict(pd.DataFrame({"a": [1.0]}))


def test_fit_recovers_planted_personas_and_sets_the_fitted_attributes(fitted):
    segmenter, data, truth = fitted
    assert segmenter.n_personas_ == 3 and segmenter.found_personas_
    assert adjusted_rand_score(truth, segmenter.labels_) > 0.9
    assert segmenter.stability_verdict_ == "highly stable" and segmenter.stability_ > 0.85
    assert len(segmenter.bootstrap_ari_) == FAST["n_bootstrap"]
    assert segmenter.stability_interval_[0] <= segmenter.stability_ <= segmenter.stability_interval_[1]
    assert len(segmenter.stability_by_persona_) == 3
    assert segmenter.features_ == ["price", "speed", "advice", "quality", "channel"]
    assert segmenter.categorical_ == ["channel"]
    assert segmenter.n_features_in_ == 5 and list(segmenter.feature_names_in_) == list(data.columns)
    # personas numbered largest first
    sizes = np.bincount(segmenter.labels_)
    assert (np.diff(sizes) <= 0).all()
    # the selection table: one row per candidate and the one-group baseline, exactly one chosen
    selection = segmenter.selection_
    assert selection["k"].tolist() == [1, 2, 3, 4, 5, 6]
    assert selection["chosen"].sum() == 1 and selection.loc[selection["chosen"], "k"].item() == 3
    assert selection.loc[selection["k"] == 3, "bic"].item() < selection.loc[selection["k"] == 1, "bic"].item()


def test_predict_and_transform_assign_new_respondents(fitted):
    segmenter, data, truth = fitted
    assert (segmenter.predict(data) == segmenter.labels_).all()
    fresh, fresh_truth = planted(n=1200)
    labels = segmenter.predict(fresh.iloc[900:])
    assert adjusted_rand_score(fresh_truth[900:], labels) > 0.9
    probabilities = segmenter.transform(data.head(50))
    assert probabilities.shape == (50, 3)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0)
    assert (probabilities.argmax(axis=1) == segmenter.labels_[:50]).all()
    np.testing.assert_array_equal(segmenter.predict_proba(data.head(5)), probabilities[:5])
    assert list(segmenter.get_feature_names_out()) == ["persona_0", "persona_1", "persona_2"]


def test_same_seed_same_personas_and_other_methods_agree():
    data, truth = planted(n=600, seed=4)
    first = PersonaSegmenter(random_state=11, **FAST).fit(data)
    again = PersonaSegmenter(random_state=11, **FAST).fit(data)
    np.testing.assert_array_equal(first.labels_, again.labels_)
    pd.testing.assert_frame_equal(first.selection_, again.selection_)
    for method in ("gmm", "kmeans"):
        other = PersonaSegmenter(method=method, random_state=0, **FAST).fit(data)
        assert other.n_personas_ == 3, (method, other.selection_)
        assert adjusted_rand_score(truth, other.labels_) > 0.9
    distances = other.transform(data.head(4))
    assert distances.shape == (4, 3) and (distances >= 0).all()
    assert (distances.argmin(axis=1) == other.labels_[:4]).all()
    with pytest.raises(ParameterError, match="k-means gives no membership probabilities"):
        other.predict_proba(data.head(4))


def test_a_fixed_number_of_personas_is_fitted_and_its_stability_still_measured():
    data, _ = planted(n=600, seed=5)
    segmenter = PersonaSegmenter(n_personas=5, random_state=0, n_bootstrap=6).fit(data)
    assert segmenter.n_personas_ == 5 and segmenter.selection_["k"].tolist() == [1, 5]
    assert np.isfinite(segmenter.stability_)
    if segmenter.selection_.loc[1, "note"]:
        assert any("asked for do not all meet" in note for note in segmenter.notes_)


def test_noise_features_are_screened_out_and_do_not_change_the_choice():
    """Items with no persona structure must not drive k: screened, same k, same personas."""
    data, truth = planted(n=900, seed=2, noise=6)
    segmenter = PersonaSegmenter(random_state=0, **FAST).fit(data)
    screened = segmenter.screened_features_.set_index("feature")
    assert not screened.loc[[f"noise_{j}" for j in range(6)], "kept"].any()
    assert screened.loc[["price", "speed", "advice", "quality"], "kept"].all()
    assert segmenter.n_personas_ == 3 and adjusted_rand_score(truth, segmenter.labels_) > 0.9
    assert any("carry no persona structure" in note for note in segmenter.notes_)
    # predicting needs only the kept features
    assert segmenter.predict(data[segmenter.features_]).tolist() == segmenter.labels_.tolist()


@pytest.mark.parametrize("method", ["mixed", "gmm", "kmeans"])
def test_no_structure_gives_no_stable_personas(method):
    """One population with correlated answers and a skewed spend: nothing to find, and nothing is invented."""
    data = structureless()
    segmenter = PersonaSegmenter(method=method, random_state=0, n_bootstrap=8).fit(data)
    assert not segmenter.found_personas_, segmenter.selection_
    assert segmenter.n_personas_ == 1
    assert segmenter.stability_verdict_ == NO_PERSONAS
    assert segmenter.verdict_.startswith("No stable personas")
    assert set(segmenter.labels_) == {0} and np.isnan(segmenter.stability_)
    assert (segmenter.predict(data.head(3)) == 0).all()


def test_uniform_answers_give_no_stable_personas():
    rng = np.random.default_rng(8)
    data = pd.DataFrame(rng.integers(1, 6, (2000, 8)).astype(float), columns=[f"q{i}" for i in range(8)])
    segmenter = PersonaSegmenter(random_state=0, n_bootstrap=8).fit(data)
    assert not segmenter.found_personas_


def test_missing_answers_are_not_segmented_or_imputed_when_asked():
    data, truth = planted(n=600, seed=6)
    data.loc[[3, 10, 20], "price"] = np.nan
    with pytest.warns(CXResearchWarning, match="3 of 600 respondents"):
        segmenter = PersonaSegmenter(random_state=0, **FAST).fit(data)
    assert (segmenter.labels_[[3, 10, 20]] == -1).all() and (np.delete(segmenter.labels_, [3, 10, 20]) >= 0).all()
    assert (segmenter.predict(data.iloc[[3, 4]]) == [-1, segmenter.labels_[4]]).all()
    assert np.isnan(segmenter.transform(data.iloc[[3]])).all()
    imputed = PersonaSegmenter(random_state=0, missing="impute", **FAST).fit(data)
    assert (imputed.labels_ >= 0).all()


def test_an_unseen_category_level_still_gets_a_persona(fitted):
    segmenter, data, _ = fitted
    new = data.head(3).assign(channel="kiosk")
    assert (segmenter.predict(new) >= 0).all()


def test_a_large_sample_is_judged_on_a_subsample_and_fitted_on_everyone():
    data, truth = planted(n=1500, seed=9)
    segmenter = PersonaSegmenter(random_state=0, sample_size=500, **FAST).fit(data)
    assert segmenter.selection_.attrs["n_respondents"] == 500
    assert any("random sample of 500" in note for note in segmenter.notes_)
    assert len(segmenter.labels_) == 1500 and adjusted_rand_score(truth, segmenter.labels_) > 0.9


# ---------------------------------------------------------------- bad input: one line, named, with a fix
def one_line(err):
    text = str(err.value)
    assert "\n" not in text and "Fix:" in text
    return text


def test_a_feature_that_does_not_exist_names_it_and_the_columns():
    data, _ = planted(n=100)
    with pytest.raises(ParameterError) as err:
        PersonaSegmenter(features=["price", "spedd"]).fit(data)
    text = one_line(err)
    assert "'spedd'" in text and "'speed'" in text and "features" in text


def test_too_few_rows_for_the_personas_asked():
    data, _ = planted(n=40)
    with pytest.raises(DataValidationError) as err:
        PersonaSegmenter(n_personas=5).fit(data)
    text = one_line(err)
    assert "too few respondents" in text and "n_personas" in text and "40" in text
    with pytest.raises(DataValidationError, match="too few respondents"):
        PersonaSegmenter().fit(data.head(15))
    with pytest.raises(DataValidationError, match="two personas need 20"):
        PersonaSegmenter(n_personas=2).fit(data.head(15))


def test_constant_and_empty_features_are_left_out_and_said(fitted):
    data, _ = planted(n=300, seed=1)
    data["same"] = 3.0
    data["empty"] = np.nan
    data["one_level"] = "store"
    with pytest.warns(CXResearchWarning) as caught:
        segmenter = PersonaSegmenter(random_state=0, **FAST).fit(data)
    assert set(segmenter.dropped_features_) == {"same", "empty", "one_level"}
    assert "no values" in segmenter.dropped_features_["empty"]
    assert len(caught) >= 3 and all("\n" not in str(w.message) for w in caught)
    assert "same" not in segmenter.features_
    with pytest.raises(DataValidationError, match="no feature varies"), pytest.warns(CXResearchWarning):
        PersonaSegmenter().fit(pd.DataFrame({"a": [1.0] * 50, "b": ["x"] * 50}))


def test_a_categorical_feature_with_hundreds_of_levels_is_refused():
    data, _ = planted(n=500)
    data["postcode"] = [f"P{i:04d}" for i in range(500)]
    with pytest.raises(ParameterError) as err:
        PersonaSegmenter(random_state=0).fit(data)
    text = one_line(err)
    assert "'postcode'" in text and "500 levels" in text and "max_levels" in text


def test_empty_data_and_infinite_values_are_refused():
    with pytest.raises(ParameterError, match="no respondents"):
        PersonaSegmenter().fit(pd.DataFrame({"a": []}))
    data, _ = planted(n=100)
    data.loc[7, "price"] = np.inf
    with pytest.raises(DataValidationError) as err:
        PersonaSegmenter().fit(data)
    text = one_line(err)
    assert "'price'" in text and "infinite" in text and "row 7" in text


def test_text_in_a_numeric_feature_and_bad_parameters():
    data, _ = planted(n=100)
    with pytest.raises(DataValidationError, match="holds text"):
        PersonaSegmenter(categorical=[]).fit(data)
    for bad in (dict(method="dbscan"), dict(n_personas="five"), dict(n_personas=1), dict(scaling="minmax"),
                dict(min_stability=1.5), dict(min_personas=6, max_personas=3), dict(missing="zero"),
                dict(criterion="aic"), dict(categorical=["nope"])):
        with pytest.raises(ParameterError) as err:
            PersonaSegmenter(**bad).fit(data)
        one_line(err)


# ---------------------------------------------------------------- stability arithmetic
def test_adjusted_rand_index_by_hand_and_against_scikit_learn():
    # Hand computation: labels a = [0,0,0,1,1,1], b = [0,0,1,1,2,2]. Contingency [[2,1,0],[0,1,2]]:
    # sum C(n_ij,2) = 1+0+0+0+0+1 = 2; rows C(3,2)*2 = 6; columns C(2,2)*3 = 3; C(6,2) = 15.
    # expected = 6*3/15 = 1.2; max = (6+3)/2 = 4.5; ARI = (2-1.2)/(4.5-1.2) = 0.8/3.3.
    a, b = np.array([0, 0, 0, 1, 1, 1]), np.array([0, 0, 1, 1, 2, 2])
    assert _ari(_contingency(a, b, 2, 3)) == pytest.approx(0.8 / 3.3)
    rng = np.random.default_rng(0)
    for _ in range(5):
        x, y = rng.integers(0, 4, 200), rng.integers(0, 5, 200)
        assert _ari(_contingency(x, y, 4, 5)) == pytest.approx(adjusted_rand_score(x, y))
    assert _ari(_contingency(a, a, 2, 2)) == 1.0


def test_best_jaccard_per_persona_by_hand():
    # persona 0 = {0,1,2}, persona 1 = {3,4,5}; resample clusters {0,1}, {2,3}, {4,5}.
    # persona 0: best with {0,1}: 2/3; persona 1: best with {4,5}: 2/3.
    table = _contingency(np.array([0, 0, 0, 1, 1, 1]), np.array([0, 0, 1, 1, 2, 2]), 2, 3)
    np.testing.assert_allclose(_best_jaccard(table), [2 / 3, 2 / 3])


def test_stability_verdicts_follow_the_stated_cut_points():
    assert [stability_verdict(v) for v in (0.0, 0.599, 0.6, 0.749, 0.75, 0.849, 0.85, 1.0)] == [
        "unstable", "unstable", "doubtful", "doubtful", "stable", "stable", "highly stable", "highly stable"]
    assert stability_verdict(float("nan")) == "not measured"
    with pytest.raises(ParameterError):
        stability_verdict("high")


def test_normal_scores_give_ties_their_mid_rank():
    values = np.array([1.0, 1.0, 2.0, 3.0, 3.0, 3.0, 5.0])
    scores = _NormalScores().fit(values).transform(values)
    expected = stats.norm.ppf((stats.rankdata(values) - 0.5) / len(values))  # scipy's mid-ranks
    np.testing.assert_allclose(scores, expected)
    assert _NormalScores().fit(values).transform(np.array([0.0, 9.0])).tolist() == [expected[0], expected[-1]]


# ---------------------------------------------------------------- the mixed-data mixture
def test_mixture_without_categories_equals_scikit_learn_tied_gaussian_mixture():
    from sklearn.mixture import GaussianMixture

    rng = np.random.default_rng(1)
    numbers = np.r_[rng.normal(0, 1, (400, 3)), rng.normal(2.5, 1, (250, 3))]
    ours = MixedMixture(2, random_state=0, tol=1e-10, max_iter=2000).fit(numbers, np.zeros((650, 0), int), [])
    theirs = GaussianMixture(2, covariance_type="tied", random_state=0, tol=1e-10, max_iter=2000).fit(numbers)
    assert ours.mean_log_likelihood_ == pytest.approx(theirs.score(numbers), abs=1e-6)
    assert ours.bic() == pytest.approx(theirs.bic(numbers), rel=1e-8)
    assert adjusted_rand_score(ours.predict(numbers, np.zeros((650, 0))), theirs.predict(numbers)) == 1.0


def test_mixture_parameters_and_marginal_prediction():
    rng = np.random.default_rng(2)
    numbers = np.r_[rng.normal(-2, 1, (300, 2)), rng.normal(2, 1, (300, 2))]
    codes = np.r_[rng.choice(3, (300, 1), p=[0.8, 0.1, 0.1]), rng.choice(3, (300, 1), p=[0.1, 0.1, 0.8])]
    model = MixedMixture(2, random_state=0).fit(numbers, codes, [3])
    # (k-1) + k d + d(d+1)/2 + k (L-1) = 1 + 4 + 3 + 4
    assert model.n_parameters() == 12
    everything = model.predict_marginal(numbers, codes, [True, True], [True])
    np.testing.assert_array_equal(everything, model.predict(numbers, codes))
    np.testing.assert_allclose(model.predict_proba(numbers, codes).sum(axis=1), 1.0)
    np.testing.assert_allclose(np.exp(model.log_level_probs_).sum(axis=1), 1.0)
    without_numbers = model.predict_marginal(numbers, codes, [False, False], [True])
    assert adjusted_rand_score(without_numbers, np.repeat([0, 1], 300)) > 0.3  # the category alone still informs
    partition = MixedMixture.from_partition(numbers, codes, [3], np.repeat([0, 1], 300), 2)
    assert partition.bic() == pytest.approx(-2 * partition.mean_log_likelihood_ * 600 + 12 * math.log(600))


# ---------------------------------------------------------------- profiles
@pytest.fixture(scope="module")
def profile_data():
    rng = np.random.default_rng(3)
    n = 400
    labels = np.repeat([0, 1, 2], [200, 150, 50])
    data = pd.DataFrame({
        "customer_id": [f"C{i:03d}" for i in range(n)],
        "need_low_price": np.r_[rng.normal(4, 0.7, 200), rng.normal(2.5, 0.7, 150), rng.normal(3, 0.7, 50)],
        "tenure_months": np.r_[rng.normal(20, 5, 200), rng.normal(60, 10, 150), rng.normal(40, 8, 50)],
        "channel": np.r_[rng.choice(["online", "store"], 200, p=[0.8, 0.2]),
                         rng.choice(["online", "store"], 150, p=[0.2, 0.8]), ["store"] * 50],
        "revenue": np.r_[rng.normal(300, 40, 200), rng.normal(900, 60, 150), rng.normal(500, 50, 50)],
        "clv": rng.normal(1000, 100, n),
        "churned": rng.random(n) < np.r_[np.full(200, 0.3), np.full(150, 0.1), np.full(50, 0.2)],
    })
    answers = pd.DataFrame({"customer_id": np.repeat(data["customer_id"], 2).to_numpy(),
                            "nps": rng.integers(0, 11, 2 * n).astype(float)})
    return data, labels, answers


def test_profile_effect_sizes_match_hand_and_scipy(profile_data):
    data, labels, answers = profile_data
    profiles = profile_personas(data, labels, features=["need_low_price", "tenure_months", "channel"],
                                revenue="revenue", clv="clv", churned="churned", answers=answers)
    traits = profiles.traits.set_index(["persona", "feature", "level"])
    # Cohen's d by hand: pooled SD of persona 0 vs the rest
    x = data["need_low_price"].to_numpy()[labels == 0]
    y = data["need_low_price"].to_numpy()[labels != 0]
    pooled = math.sqrt(((len(x) - 1) * x.var(ddof=1) + (len(y) - 1) * y.var(ddof=1)) / (len(x) + len(y) - 2))
    row = traits.loc[(0, "need_low_price", "")]
    assert row["effect"] == pytest.approx((x.mean() - y.mean()) / pooled)
    assert row["p_value"] == pytest.approx(stats.ttest_ind(x, y, equal_var=False).pvalue)
    # Cohen's h by hand and Cramér's V by scipy (persona 0 vs rest x channel, no correction)
    inside = labels == 0
    p1 = (data["channel"].to_numpy()[inside] == "online").mean()
    p2 = (data["channel"].to_numpy()[~inside] == "online").mean()
    online = traits.loc[(0, "channel", "online")]
    assert online["effect"] == pytest.approx(2 * math.asin(math.sqrt(p1)) - 2 * math.asin(math.sqrt(p2)))
    table = pd.crosstab(inside, data["channel"]).to_numpy()
    assert online["cramers_v"] == pytest.approx(stats.contingency.association(table, method="cramer",
                                                                               correction=False))
    assert _cramers_v(table.astype(float)) == pytest.approx(online["cramers_v"])
    # ranks, FDR and names
    assert (profiles.traits["p_fdr"] >= profiles.traits["p_value"] - 1e-12).all()
    assert profiles.top_traits(0, 2)["feature"].tolist()[0] in {"need_low_price", "tenure_months", "channel"}
    assert len(set(profiles.names.values())) == 3


def test_profile_sizes_money_churn_and_nps(profile_data):
    data, labels, answers = profile_data
    profiles = profile_personas(data, labels, features=["need_low_price", "channel"], revenue="revenue",
                                clv="clv", churned="churned", answers=answers, min_n_privacy=10)
    overview = profiles.overview.set_index("persona")
    assert overview["n"].tolist() == [200, 150, 50]
    # Wilson interval by hand for persona 2's share (50 of 400)
    z, p, n = stats.norm.ppf(0.975), 50 / 400, 400
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    assert overview.loc[2, "share_ci_low"] == pytest.approx(centre - half)
    assert overview.loc[2, "share_ci_high"] == pytest.approx(centre + half)
    assert overview["revenue_share"].sum() == pytest.approx(1.0)
    assert overview.loc[1, "revenue"] == pytest.approx(data["revenue"][labels == 1].mean())
    assert overview.loc[0, "churn_rate"] == pytest.approx(data["churned"][labels == 0].mean())
    # NPS by persona: promoters minus detractors of the persona's answers, as metrics.nps says
    mine = answers[answers["customer_id"].isin(data["customer_id"][labels == 1])]
    by_hand = 100 * ((mine["nps"] >= 9).mean() - (mine["nps"] <= 6).mean())
    assert overview.loc[1, "nps"] == pytest.approx(by_hand)
    clustered = metrics.nps(mine, cluster="customer_id")
    assert overview.loc[1, "nps_ci_low"] == pytest.approx(clustered["ci_low"].item())
    assert overview.loc[1, "nps_n"] == len(mine)
    assert profiles.overall["n"] == 400 and profiles.overall["nps"] == pytest.approx(
        100 * ((answers["nps"] >= 9).mean() - (answers["nps"] <= 6).mean()))
    assert list(profiles.trait_means.columns) == [profiles.names[p] for p in (0, 1, 2)]


def test_small_personas_are_withheld(profile_data):
    data, labels, answers = profile_data
    profiles = profile_personas(data, labels, features=["need_low_price"], revenue="revenue", min_n_privacy=60,
                                answers=answers)
    small = profiles.overview.set_index("persona").loc[2]
    assert small["withheld"] and small["n"] == 50
    assert np.isnan(small[["share", "revenue", "nps", "nps_ci_low"]].astype(float)).all()
    assert 2 not in set(profiles.traits["persona"])
    assert profiles.names[2] not in profiles.trait_means.columns


def test_names_are_readable_overridable_and_checked(profile_data):
    data, labels, _ = profile_data
    profiles = profile_personas(data, labels, features=["need_low_price", "tenure_months", "channel"],
                                names={1: "Loyal Enthusiast"})
    assert profiles.names[1] == "Loyal Enthusiast"
    assert profiles.names[0][0].isupper() and "," in profiles.names[0]
    assert profile_personas(data, labels, features=["channel"], names=["A", "B", "C"]).names == {0: "A", 1: "B", 2: "C"}
    with pytest.raises(ParameterError, match="does not exist"):
        profile_personas(data, labels, features=["channel"], names={7: "Ghost"})
    with pytest.raises(ParameterError, match="one persona per row"):
        profile_personas(data, labels[:10], features=["channel"])
    with pytest.raises(ParameterError, match="no such column"):
        profile_personas(data, labels, features=["channel"], revenue="turnover")


def test_codes_and_quotes_per_persona_are_distinctive_and_redacted(profile_data):
    data, labels, _ = profile_data
    rng = np.random.default_rng(5)
    verbatims = pd.DataFrame({"doc_id": [f"D{i}" for i in range(400)], "customer_id": data["customer_id"],
                              "text": ["The price was too high for me." if labels[i] == 0 else "Delivery was late."
                                       for i in range(400)]})
    verbatims.loc[0, "text"] = "The price was too high, mail me at ana.kowalska@example.com please."
    coded = pd.DataFrame({"doc_id": verbatims["doc_id"],
                          "code": np.where(labels == 0, "price_value", "delivery")})
    coded = pd.concat([coded, pd.DataFrame({"doc_id": verbatims["doc_id"][rng.random(400) < 0.3],
                                            "code": "staff_attitude"})], ignore_index=True)
    profiles = profile_personas(data, labels, features=["channel"], coded=coded, verbatims=verbatims, seed=1)
    top = profiles.codes.groupby("persona")["code"].first()
    assert top[0] == "price_value" and top[1] == "delivery"
    assert "staff_attitude" not in set(profiles.codes["code"])  # spread evenly: no persona raises it more
    assert (profiles.codes["lift"] > 1).all() and (profiles.codes["p_fdr"] < 0.05).all()
    quotes = profiles.quotes
    assert set(quotes["persona"]) == {0, 1, 2} and quotes.groupby("persona").size().le(3).all()
    assert not quotes["quote"].str.contains("@example.com").any()


def test_persona_map_draws_the_segmented_customers(fitted):
    segmenter, data, _ = fitted
    picture = persona_map(segmenter, data, sample=200)
    assert picture.shape == (200, 3) and set(picture["persona"]) == {0, 1, 2}
    assert 0 < sum(picture.attrs["explained"]) <= 1
    with pytest.raises(ParameterError, match="fitted PersonaSegmenter"):
        persona_map("segmenter", data)


def test_the_input_data_is_not_modified(fitted):
    data, _ = planted(n=300, seed=12)
    data.loc[0, "price"] = np.nan
    before = data.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CXResearchWarning)
        segmenter = PersonaSegmenter(random_state=0, **FAST).fit(data)
    profile_personas(data, segmenter.labels_, features=["price", "channel"])
    pd.testing.assert_frame_equal(data, before)
