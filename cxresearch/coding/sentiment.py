"""Sentiment of verbatims with VADER, for English only, saying so for everything else.

VADER (Hutto & Gilbert, 2014) is a rule-based English model: a lexicon of
about 7,500 words and emoticons rated by people, plus rules for negation,
intensifiers ("very"), "but", capitals and exclamation marks. This module runs
NLTK's implementation on the lexicon that set-up copies from the
``vaderSentiment`` wheel into the project's NLTK data folder (nothing is
downloaded). Texts in any other language, guessed or given, get no score and a
stated reason: a French comment run through an English lexicon gets a number,
but a meaningless one.

It is not for coding themes, and it is not a multilingual sentiment model.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from . import text as _text

__all__ = ["sentiment", "POSITIVE_THRESHOLD", "NEGATIVE_THRESHOLD"]

#: VADER's own convention (Hutto's README): compound >= 0.05 is positive,
#: compound <= -0.05 negative, anything between neutral.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05
_SCORES = ["compound", "pos", "neu", "neg"]
_SCORED_LANGUAGES = {"en"}


@lru_cache(maxsize=1)
def _analyzer():
    """NLTK's VADER on the project's offline lexicon (one instance: loading it takes ~50 ms)."""
    _text.use_offline_nltk_data()
    from nltk.sentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _label(compound: np.ndarray) -> np.ndarray:
    label = np.where(compound >= POSITIVE_THRESHOLD, "positive",
                     np.where(compound <= NEGATIVE_THRESHOLD, "negative", "neutral"))
    return np.where(np.isnan(compound), None, label)


def _reason(code: str) -> str:
    if code == _text.UNDETERMINED:
        return "VADER scores English only; language undetermined (und), not scored"
    return f"VADER scores English only; {code} not scored"


def sentiment(texts, language=None) -> pd.DataFrame:
    """VADER sentiment of each English verbatim; no score, and a reason, for the rest.

    Parameters
    ----------
    texts : str, list of str or pandas.Series
        Verbatims, as written: do not normalise them first, VADER reads
        capitals ("GREAT") and "!!!" as emphasis.
    language : str, list/Series of str, or None
        ISO code (or NLTK name) for all texts, one per text, or None (default)
        to guess each text's language with
        :func:`cxresearch.coding.text.guess_language`. Only ``"en"`` is scored.

    Returns
    -------
    pandas.DataFrame
        One row per text, on the input's index (0..n-1 for a list, one row for
        a str), with columns:

        - ``language``: the ISO code used (given or guessed; ``und`` = unsure).
        - ``compound``: VADER's normalised sum of valences, in [-1, 1].
        - ``pos``, ``neu``, ``neg``: shares of the text's valence that are
          positive, neutral, negative (they sum to 1, up to rounding).
        - ``label``: ``positive`` (compound >= 0.05), ``negative``
          (compound <= -0.05) or ``neutral``.
        - ``reason``: why a text was not scored (its scores and label are then
          missing); missing for scored texts.

    Notes
    -----
    Scores are NLTK's ``SentimentIntensityAnalyzer().polarity_scores`` exactly.
    Each distinct text is scored once and the result shared by its duplicates
    (survey exports repeat "Thanks." thousands of times), which gives the same
    numbers as scoring row by row, faster. Missing or blank texts get the
    reason "no text". The lexicon is the one in the ``vaderSentiment`` 3.3.2
    wheel (MIT licence), a slightly newer edition than NLTK's downloadable
    ``vader_lexicon``; scores can differ from other installations in the third
    decimal for the words that changed. Unlike the ``vaderSentiment`` package,
    NLTK's VADER does not translate emoji into words: "Love it 😍" scores the
    words only.

    References
    ----------
    Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model
    for Sentiment Analysis of Social Media Text. ICWSM-14.

    Examples
    --------
    >>> sentiment(["The delivery was quick and the staff were lovely.",
    ...            "Livraison rapide, merci !"], language=["en", "fr"])[["compound", "label", "reason"]]
       compound     label                                    reason
    0    0.5859  positive                                      <NA>
    1       NaN      <NA>  VADER scores English only; fr not scored
    """
    series = _text._as_series([texts] if isinstance(texts, str) else texts)
    codes = _text._languages_for(series, language)
    blank = series.isna() | series.fillna("").str.strip().eq("")
    scored = codes.isin(_SCORED_LANGUAGES).to_numpy() & ~blank.to_numpy()

    out = pd.DataFrame(np.nan, index=series.index, columns=_SCORES)
    if scored.any():
        analyzer = _analyzer()
        wanted = series[scored]
        cache = {t: analyzer.polarity_scores(t) for t in wanted.unique()}  # each distinct text once
        table = pd.DataFrame.from_dict(cache, orient="index")[_SCORES]
        out.loc[scored, _SCORES] = table.reindex(wanted.to_numpy()).to_numpy()

    reason = np.where(blank.to_numpy(), "no text",
                      np.where(scored, None, [_reason(c) for c in codes.to_numpy()]))
    return pd.DataFrame({
        "language": codes.astype("string"),
        **{name: out[name].astype(float) for name in _SCORES},
        "label": pd.Series(_label(out["compound"].to_numpy()), index=series.index, dtype="string"),
        "reason": pd.Series(reason, index=series.index, dtype="string"),
    }, index=series.index)
