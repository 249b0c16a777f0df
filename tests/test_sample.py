"""The bundled sample: reproducible, realistic in size and shape, and its planted truth consistent.

Numbers below come from the issue's specification of the sample (sizes,
languages, rates) and from the generator's own declarations in
``cxresearch.sample.world``; effects are checked for direction and realism,
not for exact values (later studies check recovery against truth.json).
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from cxresearch import config
from cxresearch.sample import content_hash, phrases, world, write_sample


def _read(name):
    return pd.read_parquet(config.SAMPLE_DIR / f"{name}.parquet")


@pytest.fixture(scope="module")
def manifest():
    return json.loads((config.SAMPLE_DIR / "MANIFEST.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def truth():
    return json.loads((config.TRUTH_DIR / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def tables():
    names = ["units", "customers", "customer_months", "responses", "verbatims", "human_coding"]
    return {n: _read(n) for n in names} | {
        f"truth/{n}": _read(f"truth/{n}") for n in ["personas", "mentions", "pii", "coder_agreement",
                                                     "stores", "theme_effects", "churn_hazard"]}


def test_committed_files_match_their_manifest(manifest, tables):
    assert set(manifest["tables"]) == set(tables)
    for name, df in tables.items():
        assert manifest["tables"][name] == {"rows": len(df), "sha256": content_hash(df)}, name


def test_regenerating_from_the_seed_gives_content_identical_tables(manifest, tmp_path):
    fresh = write_sample(tmp_path)
    assert fresh["tables"] == manifest["tables"]
    assert json.loads((tmp_path / "truth" / "truth.json").read_text()) == \
        json.loads((config.TRUTH_DIR / "truth.json").read_text())


def test_sample_fits_in_15_megabytes():
    size = sum(p.stat().st_size for p in config.SAMPLE_DIR.rglob("*") if p.is_file())
    assert size <= 15 * 2 ** 20, f"{size / 2 ** 20:.1f} MB"


def test_sizes_and_shapes_are_those_of_a_retailer(tables):
    units, customers, responses = tables["units"], tables["customers"], tables["responses"]
    assert len(units) == 400 and units["region"].nunique() == 6
    assert units["employee_engagement"].between(0, 100).all() and (units["headcount"] > 0).all()
    assert len(customers) == 20_000
    assert 90_000 <= len(responses) <= 130_000
    assert responses["response_id"].is_unique and customers["customer_id"].is_unique
    assert (responses["customer_id"].value_counts() > 1).mean() > 0.5, "many customers answer more than once"
    months = tables["customer_months"]["month"]
    assert months.nunique() == 24 and not tables["customer_months"].duplicated(["customer_id", "month"]).any()
    assert set(responses["touchpoint"]) == set(world.TOUCHPOINTS)
    attributes = [c for c in responses if c.startswith("attr_")]
    attitudes = [c for c in responses if c.startswith("att_")]
    assert len(attributes) >= 10 and len(attitudes) >= 10
    for col, (lo, hi) in {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7), **{a: (1, 5) for a in attributes + attitudes}}.items():
        values = responses[col].dropna()
        assert values.between(lo, hi).all() and (values == values.round()).all(), col
    # a store-quarter has a readable number of answers
    per_store_quarter = responses.groupby(["unit_id", responses["date"].dt.to_period("Q")]).size()
    assert per_store_quarter.median() >= 25


def test_comments_in_six_languages_and_every_source(tables):
    verbatims = tables["verbatims"]
    assert set(verbatims["language"]) == {"en", "fr", "it", "pl", "uk", "zh"}
    assert set(verbatims["source"]) == {"survey", "interview", "review", "complaint"}
    interviews = verbatims[verbatims["source"] == "interview"]
    assert interviews["interview_id"].nunique() >= 12
    assert set(interviews["speaker"]) == {"interviewer", "respondent"}
    reviews = verbatims[verbatims["source"] == "review"]
    assert reviews["rating"].between(1, 5).all()
    assert verbatims["doc_id"].is_unique


def test_planted_themes_are_consistent_with_the_texts(tables, truth):
    verbatims, mentions = tables["verbatims"], tables["truth/mentions"]
    assert set(mentions["doc_id"]) <= set(verbatims["doc_id"])
    interviewer_turns = verbatims.loc[verbatims["speaker"] == "interviewer", "doc_id"]
    assert not mentions["doc_id"].isin(interviewer_turns).any(), "interviewer turns carry no planted theme"
    hard = (mentions["kind"] != "keyword").mean()
    assert hard >= 0.30, f"only {hard:.0%} of mentions escape a keyword list"
    assert set(world.EMERGENT_THEMES) <= set(mentions["theme"])
    assert truth["themes"]["no_effect_theme"] in set(mentions["theme"])
    assert len(set(mentions["theme"])) == len(world.THEME_ATTRIBUTE)


def test_the_phrase_bank_passes_its_own_checks():
    assert phrases.check() == []


def test_planted_pii_is_in_about_two_percent_of_comments(tables):
    pii, verbatims = tables["truth/pii"], tables["verbatims"].set_index("doc_id")
    survey = (verbatims["source"] == "survey").sum()
    assert 0.01 <= len(pii) / survey <= 0.03
    assert set(pii["kind"]) == {"email", "phone", "card"}
    for doc_id, value in pii[["doc_id", "value"]].itertuples(index=False):
        assert value in verbatims.at[doc_id, "text"]


def test_personas_are_planted_with_their_best_achievable_recovery(tables, truth):
    personas = tables["truth/personas"]
    assert 4 <= personas["persona"].nunique() <= 6
    best = truth["personas"]["best_achievable_ari"]
    # overlapping, not trivially separable, yet recoverable
    assert 0.5 <= best <= 0.9


def test_nps_is_realistic_and_moves_churn_and_revenue(tables, truth):
    responses, customers = tables["responses"], tables["customers"]
    category = pd.cut(responses["nps"], [-1, 6, 8, 10], labels=["detractor", "passive", "promoter"])
    shares = category.value_counts(normalize=True)
    nps = 100 * (shares["promoter"] - shares["detractor"])
    assert 0 < nps < 50, nps
    last = responses.sort_values("date").groupby("customer_id")["nps"].last()
    joined = customers.set_index("customer_id").join(last.rename("last_nps"), how="inner")
    churn = joined.groupby(pd.cut(joined["last_nps"], [-1, 6, 8, 10]), observed=True)["churned"].mean()
    assert churn.iloc[0] > churn.iloc[1] > churn.iloc[2], churn
    assert truth["churn"]["odds_ratio_detractor_vs_passive"] > 1 > truth["churn"]["odds_ratio_promoter_vs_passive"]
    assert 0.1 < customers["churned"].mean() < 0.45
    assert (customers.loc[customers["churned"], "churn_date"].notna()).all()
    assert customers.loc[~customers["churned"], "churn_date"].isna().all()


def test_store_engagement_goes_with_store_nps_but_not_perfectly(tables, truth):
    r = truth["stores"]["correlation_engagement_expected_nps"]
    assert 0.3 < r < 0.85
    responses, units = tables["responses"], tables["units"].set_index("unit_id")
    store_nps = responses.groupby("unit_id")["nps"].apply(lambda s: 100 * ((s >= 9).mean() - (s <= 6).mean()))
    observed = np.corrcoef(units.loc[store_nps.index, "employee_engagement"], store_nps)[0, 1]
    assert 0.2 < observed < r + 0.1


def test_the_dated_shock_is_visible(tables, truth):
    shock = truth["shock"]
    r = tables["responses"]
    hit = r[(r["region"] == shock["region"]) & (r["touchpoint"] == shock["touchpoint"])]
    month = hit["date"].dt.strftime("%Y-%m")
    by_month = hit.groupby(month)["nps"].apply(lambda s: 100 * ((s >= 9).mean() - (s <= 6).mean()))
    others = by_month.drop(shock["month"])
    assert by_month[shock["month"]] < others.mean() - 15


def test_simulated_coders_and_their_expected_agreement(tables, truth):
    coding, expected = tables["human_coding"], tables["truth/coder_agreement"]
    assert set(coding["coder"]) == set(truth["human_coding"]["coders"])
    assert coding["doc_id"].nunique() == truth["human_coding"]["documents"]
    assert expected["expected_kappa"].between(0, 1).all()
    # The expected-kappa formula, by hand for one case: prevalence 0.5, both coders se = sp = 0.9:
    # Po = .5(.81+.01) + .5(.81+.01) = .82, q = .5, Pe = .5, kappa = (.82-.5)/.5 = 0.64.
    from cxresearch.sample.generator import expected_kappa
    assert expected_kappa(0.5, (0.9, 0.9), (0.9, 0.9)) == pytest.approx(0.64)


def test_theme_effects_name_the_detractor_themes_and_the_null(tables, truth):
    effects = tables["truth/theme_effects"]
    neg = effects[effects["polarity"] == "neg"].set_index("theme")["detractor_lift"]
    top = set(neg.sort_values(ascending=False).index[:4])
    assert top == set(truth["themes"]["detractor_themes"])
    null = effects[effects["theme"] == truth["themes"]["no_effect_theme"]]["detractor_lift"]
    assert null.between(0.93, 1.07).all()
