"""VADER sentiment: English scored exactly as VADER does, everything else not scored, with a reason."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from cxresearch.coding.sentiment import _label, sentiment
from cxresearch.exceptions import ParameterError

COLUMNS = ["language", "compound", "pos", "neu", "neg", "label", "reason"]

# Sentences from the examples in the vaderSentiment README (Hutto); expected
# scores come from the vaderSentiment package's own analyzer, an implementation
# independent of NLTK's, and the first one also from the README's printed output.
README_SENTENCES = [
    "VADER is smart, handsome, and funny.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
]


def test_english_scores_match_the_independent_vadersentiment_package():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as Independent

    independent = Independent()
    scores = sentiment(README_SENTENCES, language="en")
    assert list(scores.columns) == COLUMNS
    for sentence, (_, row) in zip(README_SENTENCES, scores.iterrows()):
        expected = independent.polarity_scores(sentence)
        for name in ("compound", "pos", "neu", "neg"):
            assert row[name] == expected[name], (sentence, name)
    first = scores.iloc[0]
    assert (first["compound"], first["pos"], first["neu"], first["neg"]) == (0.8316, 0.746, 0.254, 0.0)
    assert scores["label"].tolist() == ["positive", "positive", "negative", "positive", "negative",
                                        "positive", "positive"]
    assert scores["reason"].isna().all()


def test_labels_follow_the_vader_convention_at_the_boundaries():
    compound = np.array([0.05, 0.0499, 0.0, -0.0499, -0.05, np.nan])
    assert list(_label(compound)) == ["positive", "neutral", "neutral", "neutral", "negative", None]


def test_other_languages_get_no_score_and_a_reason():
    verbatims = pd.Series(["Livraison rapide, mais le colis était abîmé.",
                           "Consegna veloce, ma il pacco era rovinato.",
                           "快递很快，但是包装坏了。",
                           "Merci !",
                           "   ",
                           None,
                           "Fast delivery, but the parcel was damaged."], index=list("abcdefg"))
    scores = sentiment(verbatims)
    assert list(scores.index) == list("abcdefg")
    assert scores["language"].tolist() == ["fr", "it", "zh", "und", "und", "und", "en"]
    assert scores.loc[list("abcdef"), ["compound", "pos", "neu", "neg"]].isna().all().all()
    assert scores.loc[list("abcdef"), "label"].isna().all()
    assert scores.loc["a", "reason"] == "VADER scores English only; fr not scored"
    assert scores.loc["c", "reason"] == "VADER scores English only; zh not scored"
    assert scores.loc["d", "reason"] == "VADER scores English only; language undetermined (und), not scored"
    assert scores.loc["e", "reason"] == scores.loc["f", "reason"] == "no text"
    assert pd.notna(scores.loc["g", "compound"]) and pd.isna(scores.loc["g", "reason"])


def test_a_given_language_wins_over_the_guess():
    french_as_given = sentiment(["I love it", "I love it"], language=["fr", "en"])
    assert pd.isna(french_as_given["compound"].iloc[0])
    assert french_as_given["compound"].iloc[1] == 0.6369
    one = sentiment("I love it")
    assert len(one) == 1 and one["label"].iloc[0] == "positive"
    with pytest.raises(ParameterError, match="one language per text"):
        sentiment(["a", "b", "c"], language=["en", "en"])


def test_the_fast_path_gives_identical_scores_to_nltks_per_row_loop(project_root):
    from nltk.sentiment import SentimentIntensityAnalyzer

    verbatims = pd.read_parquet(project_root / "data" / "sample" / "verbatims.parquet",
                                columns=["text", "language"])
    english = verbatims.loc[verbatims["language"].eq("en"), "text"].iloc[:4000]
    assert english.duplicated().any()  # the cache by distinct text is exercised
    fast = sentiment(english, language="en")
    analyzer = SentimentIntensityAnalyzer()
    loop = pd.DataFrame([analyzer.polarity_scores(t) for t in english], index=english.index)
    for name in ("compound", "pos", "neu", "neg"):
        assert np.array_equal(fast[name].to_numpy(), loop[name].to_numpy()), name


def test_sentiment_rises_with_nps_on_real_saas_feedback(shared_datasets):
    """Miro's NPS answers (441 real comments, English with a few Spanish/Russian/Japanese).

    Measured: mean compound detractors (0-6) 0.11, passives (7-8) 0.50, promoters
    (9-10) 0.49; share negative 39%, 9%, 6%; Spearman rho(score, compound) = 0.16,
    p < 0.001. Detractors are clearly more negative; passives and promoters do not
    differ (Mann-Whitney p = 0.87), so the test does not claim they do.
    """
    path = shared_datasets / "miro" / "nps.csv"
    if not path.exists():
        pytest.skip(f"{path} not found")
    answers = pd.read_csv(path, dtype={"user_id": "string"})
    assert len(answers) == 441
    scored = answers.join(sentiment(answers["text"])).dropna(subset=["compound"])
    assert len(scored) >= 420  # the few non-English answers are left out, with a reason
    group = pd.cut(scored["NPS_Score"], [-1, 6, 8, 10], labels=["detractor", "passive", "promoter"])
    mean = scored.groupby(group, observed=True)["compound"].mean()
    negative = scored["label"].eq("negative").groupby(group, observed=True).mean()
    assert mean["detractor"] < mean["passive"] - 0.2 and mean["detractor"] < mean["promoter"] - 0.2
    assert negative["detractor"] > negative["passive"] > negative["promoter"]
    rho, p = stats.spearmanr(scored["NPS_Score"], scored["compound"])
    assert rho > 0.1 and p < 0.01
