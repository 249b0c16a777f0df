"""Emergent themes (cxresearch.coding.themes): hand-made cases, bad input, and the planted truth of the sample.

The bundled sample plants two themes the default codebook has no code for,
``parking`` and ``packaging_waste`` (``cxresearch.sample.world.EMERGENT_THEMES``);
the expected documents come from the generator's record of what it wrote
(``data/sample/truth/mentions.parquet``), not from this module.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest

from cxresearch import config
from cxresearch.coding.codebook import load_codebook
from cxresearch.coding.themes import THEME_COLUMNS, emergent_themes
from cxresearch.exceptions import CXResearchWarning, DataValidationError, ParameterError
from cxresearch.privacy import redact_pii

# ---------------------------------------------------------------- a hand-made case
# Staff and queue comments are coded; eight comments about parking, worded
# several ways, are not (nor is one about the garden section). Comment 18 is
# coded for staff but mentions parking too.
SMALL = [
    "The staff were rude to me", "Rude staff at the till", "Staff rude and unhelpful",
    "The queue was far too long", "Long queue again today", "Waited in a long queue",
    "Friendly staff as always", "Queue moved quickly", "Staff were helpful",
    "No parking spaces left at noon", "Parking was full again", "Could not find parking anywhere",
    "The car park was full", "Car park far too small", "Parking spaces too narrow for my car",
    "Had to park on the street, the car park was full", "Parking is a nightmare here",
    "Lovely garden section", "Staff rude and no parking",
]
SMALL_CODED = [0, 1, 2, 3, 4, 5, 6, 7, 8, 18]
PARKING_DOCS = [9, 10, 11, 12, 13, 14, 15, 16]


@pytest.fixture()
def small():
    verbatims = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(len(SMALL))], "language": "en",
                              "text": SMALL})
    coded = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in SMALL_CODED], "code": "staff_or_queue"})
    return verbatims, coded


def test_a_small_corpus_gives_back_its_obvious_theme(small):
    verbatims, coded = small
    themes = emergent_themes(verbatims, coded, min_docs=3, min_z=1)
    top = themes.iloc[0]
    assert "park" in top["theme"]
    # every uncoded parking comment, and nothing else (hand count: PARKING_DOCS)
    assert sorted(top["doc_ids"]) == [f"d{i:02d}" for i in PARKING_DOCS]
    assert top["n_docs"] == 8
    assert top["share_of_uncoded"] == pytest.approx(8 / 9)   # 9 uncoded comments
    assert top["n_coded_docs"] == 1                          # "Staff rude and no parking"
    assert top["rank"] == 1 and top["distinctiveness"] >= 1
    assert len(top["examples"]) == 3 and set(top["examples"]) <= {SMALL[i] for i in PARKING_DOCS}
    assert themes.attrs["n_uncoded"] == {"en": 9}


def test_the_table_is_tidy_and_sorted_by_size(small):
    verbatims, coded = small
    themes = emergent_themes(verbatims, coded, min_docs=2, min_z=0)
    assert tuple(themes.columns) == THEME_COLUMNS
    for _, block in themes.groupby("language"):
        assert block["n_docs"].is_monotonic_decreasing
        assert block["rank"].tolist() == list(range(1, len(block) + 1))
    assert all(isinstance(v, list) for column in ("terms", "examples", "doc_ids") for v in themes[column])
    assert (themes["n_docs"] == themes["doc_ids"].map(len)).all()
    assert themes["n_docs"].min() >= 2


def test_coded_can_be_a_boolean_column_and_rows_without_a_code_do_not_count(small):
    verbatims, coded = small
    expected = emergent_themes(verbatims, coded, min_docs=3, min_z=1)
    flagged = verbatims.assign(is_coded=verbatims["doc_id"].isin(coded["doc_id"]))
    by_column = emergent_themes(flagged, "is_coded", min_docs=3, min_z=1)
    pd.testing.assert_frame_equal(by_column, expected)
    # an auto-coder that lists uncoded verbatims with a missing code
    padded = pd.concat([coded, pd.DataFrame({"doc_id": ["d17"], "code": [None]})], ignore_index=True)
    assert emergent_themes(verbatims, padded, min_docs=3, min_z=1).attrs["n_uncoded"] == {"en": 9}


def test_ids_are_matched_as_text(small):
    verbatims, coded = small
    numbered = verbatims.assign(doc_id=range(len(SMALL)))
    as_text = pd.DataFrame({"doc_id": [str(i) for i in SMALL_CODED], "code": "x"})
    themes = emergent_themes(numbered, as_text, min_docs=3, min_z=1)
    assert sorted(themes.iloc[0]["doc_ids"]) == PARKING_DOCS   # ids keep their type


def test_interviewer_turns_are_not_read(small):
    verbatims, coded = small
    turns = pd.concat([verbatims.assign(speaker=pd.NA),
                       pd.DataFrame({"doc_id": ["q1", "q2", "q3"], "language": "en", "speaker": "interviewer",
                                     "text": ["And the parking?", "Was parking easy?", "Parking at all?"]})],
                      ignore_index=True)
    themes = emergent_themes(turns, coded, min_docs=3, min_z=1)
    assert not {"q1", "q2", "q3"} & set(themes.iloc[0]["doc_ids"])
    assert themes.attrs["n_uncoded"] == {"en": 9}


def test_the_language_is_guessed_when_there_is_no_column(small):
    verbatims, coded = small
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CXResearchWarning)  # a few short comments come back und
        themes = emergent_themes(verbatims.drop(columns="language"), coded, min_docs=3, min_z=1)
    assert set(themes["language"]) == {"en"} and "park" in themes.iloc[0]["theme"]


def test_examples_are_reproducible_for_a_seed(small):
    verbatims, coded = small
    first = emergent_themes(verbatims, coded, min_docs=3, min_z=1, n_examples=2, seed=7)
    again = emergent_themes(verbatims, coded, min_docs=3, min_z=1, n_examples=2, seed=7)
    pd.testing.assert_frame_equal(first, again)
    assert first["examples"].map(len).max() == 2
    none = emergent_themes(verbatims, coded, min_docs=3, min_z=1, n_examples=0)
    assert none["examples"].map(len).eq(0).all()


# ---------------------------------------------------------------- bad input
def _one_line(error) -> bool:
    return "\n" not in str(error.value)


def test_missing_columns_and_a_missing_or_wrong_coded_are_one_line_errors(small):
    verbatims, coded = small
    with pytest.raises(ParameterError, match="'comment'") as error:
        emergent_themes(verbatims, coded, text="comment")
    assert _one_line(error) and "Fix:" in str(error.value)
    with pytest.raises(ParameterError, match="coded") as error:
        emergent_themes(verbatims, None)
    assert _one_line(error)
    with pytest.raises(ParameterError, match="coded"):
        emergent_themes(verbatims, ["d00"])
    with pytest.raises(ParameterError, match="'doc_id'"):
        emergent_themes(verbatims, coded.rename(columns={"doc_id": "id"}))
    with pytest.raises(ParameterError, match="'is_coded'"):
        emergent_themes(verbatims, "is_coded")
    with pytest.raises(ParameterError, match="DataFrame"):
        emergent_themes(verbatims["text"], coded)


def test_bad_data_is_a_one_line_error(small):
    verbatims, coded = small
    with pytest.raises(DataValidationError, match="none of the 3 coded ids") as error:
        emergent_themes(verbatims, pd.DataFrame({"doc_id": ["x1", "x2", "x3"], "code": "c"}))
    assert _one_line(error)
    with pytest.raises(DataValidationError, match="duplicate ids"):
        emergent_themes(pd.concat([verbatims, verbatims.head(1)]), coded)
    with pytest.raises(DataValidationError, match="no verbatims"):
        emergent_themes(verbatims.head(0), coded)
    with pytest.raises(DataValidationError, match="not text"):
        emergent_themes(verbatims.assign(text=range(len(verbatims))), coded)
    with pytest.raises(DataValidationError, match="true/false"):
        emergent_themes(verbatims.assign(flag="yes"), "flag")


@pytest.mark.parametrize("setting", [dict(min_docs=0), dict(min_docs="3"), dict(min_docs=True),
                                     dict(max_themes=0), dict(n_examples=-1), dict(min_z="high"),
                                     dict(min_z=float("nan")), dict(stock_phrases=2), dict(seed=1.5)])
def test_bad_settings_are_one_line_errors(small, setting):
    verbatims, coded = small
    with pytest.raises(ParameterError, match=next(iter(setting))) as error:
        emergent_themes(verbatims, coded, **setting)
    assert _one_line(error)


def test_nothing_uncoded_gives_an_empty_table_and_says_why(small):
    verbatims, _ = small
    everything = pd.DataFrame({"doc_id": verbatims["doc_id"], "code": "x"})
    with pytest.warns(CXResearchWarning, match="every verbatim is coded"):
        themes = emergent_themes(verbatims, everything)
    assert themes.empty and tuple(themes.columns) == THEME_COLUMNS


def test_unknown_languages_and_uncoded_languages_are_left_out_with_a_warning(small):
    verbatims, coded = small
    mixed = pd.concat([verbatims, pd.DataFrame({"doc_id": ["g1", "g2"], "language": ["de", None],
                                                "text": ["Parkplatz voll", "ok"]}),
                       pd.DataFrame({"doc_id": ["f1"], "language": "fr", "text": ["Parking plein"]})],
                      ignore_index=True)
    with pytest.warns(CXResearchWarning) as record:
        themes = emergent_themes(mixed, coded, min_docs=3, min_z=1)
    message = str(record[0].message)
    assert "3 verbatims left out" in message and "de (language not known): 1" in message
    assert "und (language not known): 1" in message and "fr (no coded verbatim to compare with): 1" in message
    assert set(themes["language"]) == {"en"}


# ---------------------------------------------------------------- the bundled sample
EMERGENT = ("parking", "packaging_waste")
LANGUAGES = ("en", "fr", "it", "pl", "uk", "zh")


@pytest.fixture(scope="module")
def sample():
    """The sample's verbatims, coded with the default codebook's patterns, and every theme found (~12 s)."""
    verbatims = pd.read_parquet(config.SAMPLE_DIR / "verbatims.parquet")
    verbatims = verbatims[verbatims["speaker"].isna() | verbatims["speaker"].eq("respondent")]
    verbatims = verbatims.reset_index(drop=True)
    codebook = load_codebook()
    rows = []
    for language, group in verbatims.groupby("language"):
        for code, compiled in codebook.compiled(language).items():
            hit = compiled.contains(group["text"]).to_numpy()
            rows.append(pd.DataFrame({"doc_id": group["doc_id"].to_numpy()[hit], "code": code}))
    coded = pd.concat(rows, ignore_index=True)
    themes = emergent_themes(verbatims, coded, max_themes=None)
    mentions = pd.read_parquet(config.TRUTH_DIR / "mentions.parquet")
    uncoded = set(verbatims["doc_id"]) - set(coded["doc_id"])
    truth = {(theme, language): set(group["doc_id"]) & uncoded
             for (theme, language), group in mentions.groupby(["theme", "language"])}
    return verbatims, coded, themes, truth


def _scores(themes: pd.DataFrame, truth: set) -> pd.DataFrame:
    """Precision (share of a theme's verbatims that carry the planted theme) and coverage of each theme."""
    hits = themes["doc_ids"].map(lambda ids: len(truth & set(ids)))
    return themes.assign(precision=hits / themes["n_docs"], coverage=hits / len(truth))


# Where the planted themes come back with the defaults, per language: (highest rank
# allowed for the largest theme of >= 60% precision, least share of the planted
# uncoded verbatims that all such themes together must cover). Measured on this
# sample: parking ranks 5, 18, 37, 30, 11 (en, fr, it, pl, uk) covering 94%, 79%,
# 21%, 39%, 52%; packaging ranks 12, 15, 27, 17, 9, 8 (en, fr, it, pl, uk, zh)
# covering 80%, 71%, 78%, 61%, 54%, 51%. The bounds leave room for small changes,
# not for losing a theme. Top-5 ranks are out of reach outside English: even a
# perfect clustering of the uncoded verbatims by planted theme ranks parking 10th
# to 13th of 16 themes, behind the paraphrases and typos of coded themes.
FOUND = {
    "parking": {"en": (5, 0.85), "fr": (25, 0.65), "it": (45, 0.15), "pl": (40, 0.3), "uk": (15, 0.4)},
    "packaging_waste": {"en": (15, 0.7), "fr": (20, 0.6), "it": (35, 0.65), "pl": (25, 0.5),
                        "uk": (12, 0.45), "zh": (12, 0.4)},
}


@pytest.mark.parametrize("theme,language", [(t, lang) for t in EMERGENT for lang in FOUND[t]])
def test_the_planted_themes_come_back_in_each_language(sample, theme, language):
    _, _, themes, truth = sample
    planted = truth[(theme, language)]
    found = _scores(themes[themes["language"] == language], planted)
    precise = found[found["precision"] >= 0.6]
    assert len(precise), f"no theme of {language} is mostly {theme}"
    max_rank, min_coverage = FOUND[theme][language]
    assert precise["rank"].min() <= max_rank
    covered = set().union(*precise["doc_ids"]) & planted
    assert len(covered) / len(planted) >= min_coverage


def test_english_parking_is_among_the_five_largest_themes(sample):
    _, _, themes, truth = sample
    english = _scores(themes[themes["language"] == "en"], truth[("parking", "en")])
    top = english[english["rank"] <= 5]
    best = top.loc[top["precision"].idxmax()]
    assert best["precision"] >= 0.9 and best["coverage"] >= 0.7
    assert {"park", "car"} <= set(best["terms"])


def test_chinese_parking_needs_a_lower_distinctiveness_threshold(sample):
    # with min_z=3 no Chinese term of parking passes (the sample's Chinese parking
    # verbatims are mostly coded for something else, so their words are barely
    # more frequent among the uncoded); with min_z=2, 停车 does
    verbatims, coded, themes, truth = sample
    planted = truth[("parking", "zh")]
    assert _scores(themes[themes["language"] == "zh"], planted)["precision"].max() < 0.6
    chinese = emergent_themes(verbatims[verbatims["language"] == "zh"], coded, max_themes=None, min_z=2)
    found = _scores(chinese, planted)
    assert (found["precision"] >= 0.6).any()
    assert "停车" in found.loc[found["precision"].idxmax(), "terms"]


def test_filler_clauses_are_set_aside_as_stock_phrases(sample):
    verbatims, coded, themes, _ = sample
    stock = themes.attrs["stock_phrases"]
    assert {"nothing else to add", "i went in with my sister", "thanks"} <= set(stock["en"])
    assert "parking is a nightmare at the retail park" not in stock["en"]
    english = verbatims[verbatims["language"] == "en"]
    kept = emergent_themes(english, coded, stock_phrases=None, max_themes=5)
    # without setting them aside, the sample's filler clauses are the largest "themes"
    assert any("sister" in terms or "garden" in terms for terms in kept["terms"])
    assert not any("sister" in terms for terms in themes["terms"])


def test_no_quote_or_label_holds_planted_personal_data(sample):
    _, _, themes, _ = sample
    pii = pd.read_parquet(config.TRUTH_DIR / "pii.parquet")
    quotes = [quote for examples in themes["examples"] for quote in examples]
    assert len(quotes) > 1000
    leaked = [value for value in pii["value"] if any(value in quote for quote in quotes)]
    assert leaked == []
    # quotes that held personal data were shown, redacted
    assert any(re.search(r"\[(phone|email|card)\]", quote) for quote in quotes)
    # names in e-mail addresses never become theme words
    names = {part for value in pii.loc[pii["kind"] == "email", "value"]
             for part in re.split(r"[^a-z]+", value.split("@")[0]) if len(part) >= 3}
    words = {word for terms in themes["terms"] for term in terms for word in term.split()}
    assert not names & words


def test_the_full_sample_runs_in_a_few_seconds(sample):
    import time

    verbatims, coded, _, _ = sample
    start = time.perf_counter()
    emergent_themes(verbatims, coded)
    assert time.perf_counter() - start < 10  # ~3 s for 67,000 verbatims here
    assert len(verbatims) > 60_000


def test_each_theme_counts_its_verbatims_and_quotes_them(sample):
    verbatims, coded, themes, _ = sample
    uncoded = set(verbatims["doc_id"]) - set(coded["doc_id"])
    text_of = dict(zip(verbatims["doc_id"], verbatims["text"]))
    assert (themes["n_docs"] == themes["doc_ids"].map(len)).all()
    assert all(set(ids) <= uncoded for ids in themes["doc_ids"])
    assert (themes["share_of_uncoded"] == themes["n_docs"] / themes["language"].map(themes.attrs["n_uncoded"])).all()
    first = themes.iloc[0]
    originals = set(redact_pii([text_of[i] for i in first["doc_ids"]]))
    assert set(first["examples"]) <= originals and len(first["examples"]) == 3
    assert np.isfinite(themes["distinctiveness"]).all() and (themes["distinctiveness"] >= 3).all()
