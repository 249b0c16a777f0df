"""Offline text preparation for verbatims: normalise, tokenise, stem, guess the language.

Everything here works without a network and without NLTK's downloadable
models: tokenising is done with regular expressions (punkt, which
``nltk.word_tokenize`` needs, has no offline source), stemming with NLTK's
Snowball stemmers (pure code), and stopword lists come from the project's own
NLTK data folder (``config.NLTK_DATA_DIR``), built from installed packages by
``python -m cxresearch.setup_data``.

Importing this module puts that folder first on ``nltk.data.path`` (so plain
``nltk.sentiment.SentimentIntensityAnalyzer()`` and ``nltk.corpus.stopwords``
find the project's data, ahead of any ``~/nltk_data`` a user may have) and, if
the folder is missing or incomplete, builds it from the installed packages, the
same way set-up does. Nothing is ever downloaded.

It is not for coding themes or scoring sentiment (see ``codebook`` and
``sentiment``), and it does not translate.

Languages: ``en``, ``fr``, ``it``, ``pl``, ``uk``, ``zh`` (the project's markets),
plus ``ru`` (so that Russian is not mistaken for Ukrainian) and ``und``
(undetermined). Functions take ISO 639-1 codes or NLTK's language names
(``"french"``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import nltk
import numpy as np
import pandas as pd

from .. import config
from ..exceptions import ParameterError

__all__ = ["LANGUAGES", "normalise", "tokenise", "stem", "guess_language", "stopwords",
           "use_offline_nltk_data"]

#: ISO 639-1 code -> NLTK language name, for every language this module knows.
LANGUAGES = {"en": "english", "fr": "french", "it": "italian", "pl": "polish",
             "uk": "ukrainian", "ru": "russian", "zh": "chinese"}
UNDETERMINED = "und"
_NAMES = {name: code for code, name in LANGUAGES.items()}
# Snowball has no Polish, Ukrainian or Chinese stemmer: those are left as they are.
_SNOWBALL = {"en", "fr", "it", "ru"}


# ------------------------------------------------------------------ NLTK data
def use_offline_nltk_data() -> str:
    """Put the project's NLTK data folder first on ``nltk.data.path``, building it if incomplete.

    Called on import; safe to call again (e.g. after changing
    ``config.NLTK_DATA_DIR``). Returns the folder.
    """
    folder = str(config.NLTK_DATA_DIR)
    if not nltk.data.path or nltk.data.path[0] != folder:
        if folder in nltk.data.path:
            nltk.data.path.remove(folder)
        nltk.data.path.insert(0, folder)
    # set-up writes the stopwords README last, so its presence means the folder is complete
    needed = [config.NLTK_DATA_DIR / "sentiment" / "vader_lexicon.zip",
              config.NLTK_DATA_DIR / "corpora" / "stopwords" / "README"]
    if not all(path.is_file() for path in needed):
        from ..setup_data import ensure_nltk_data

        try:
            ensure_nltk_data(config.NLTK_DATA_DIR)  # from installed packages; no download
        except OSError as error:
            raise RuntimeError(
                f"the NLTK data folder {folder} is incomplete and cannot be built there ({error}). "
                "Fix: set CXRESEARCH_NLTK_DATA to a writable folder and run "
                "`python -m cxresearch.setup_data`") from None
    return folder


use_offline_nltk_data()


# ------------------------------------------------------------------ arguments
def _language_code(language, parameter: str = "language") -> str:
    """An ISO code from a code or an NLTK name; ParameterError otherwise."""
    if isinstance(language, str):
        key = language.strip().lower()
        if key in LANGUAGES or key == UNDETERMINED:
            return key
        if key in _NAMES:
            return _NAMES[key]
    raise ParameterError("unknown language", parameter=parameter, value=language,
                         fix=f"use one of {', '.join(LANGUAGES)} (or their names: "
                             f"{', '.join(LANGUAGES.values())})")


def _as_series(texts, parameter: str = "texts") -> pd.Series:
    """Texts as a Series of str (missing values as <NA>), keeping a Series' index."""
    if isinstance(texts, pd.Series):
        series = texts
        if isinstance(series.dtype, pd.StringDtype):
            return series
    elif isinstance(texts, Iterable) and not isinstance(texts, (str, bytes, dict)):
        series = pd.Series(list(texts), dtype=object)
    else:
        raise ParameterError("expected a text or a list/Series of texts", parameter=parameter,
                             value=texts, fix="pass a str, a list of str or a pandas Series")
    bad = series.map(lambda v: not (isinstance(v, str) or v is None or v is pd.NA
                                    or (isinstance(v, float) and np.isnan(v))))
    if bad.any():
        row = bad.idxmax()
        raise ParameterError("texts must be strings (or missing)", parameter=parameter,
                             value=series[row], row=row, fix="convert the column with .astype('string')")
    return series.astype("string")


def _languages_for(series: pd.Series, language, parameter: str = "language") -> pd.Series:
    """One ISO code per text: guessed (None), the same for all (str), or given per text."""
    if language is None:
        return guess_language(series)
    if isinstance(language, str):
        return pd.Series(_language_code(language, parameter), index=series.index, dtype="string")
    codes = pd.Series(list(language) if not isinstance(language, pd.Series) else language.to_numpy(),
                      dtype=object)
    if len(codes) != len(series):
        raise ParameterError(f"one language per text is needed: {len(series)} texts, {len(codes)} languages",
                             parameter=parameter, fix="pass a str for all texts, or None to guess")
    mapping = {value: _language_code(value, parameter) for value in codes.dropna().unique()}
    out = codes.map(mapping).fillna(UNDETERMINED)
    out.index = series.index
    return out.astype("string")


# ------------------------------------------------------------------ normalise
# Typographic apostrophes and quotes to ASCII, so "don’t" meets the stopword "don't".
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201b": "'", "`": "'",
                         "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'})


def _normalise_one(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    # casefolding can undo NFKC (e.g. "ǅ"); a second pass makes it stable
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.split())


def normalise(texts):
    """Unicode NFKC, case folding, ASCII apostrophes, and single spaces.

    Parameters
    ----------
    texts : str, list of str or pandas.Series
        Verbatims; missing values stay missing.

    Returns
    -------
    str or pandas.Series
        A str for a str; otherwise a Series of dtype ``string`` on the input's
        index (a list gets a 0..n-1 index).

    Notes
    -----
    NFKC folds compatibility forms (full-width letters, ligatures such as "ﬁ",
    "①"); ``str.casefold`` is Unicode's caseless matching ("Straße" -> "strasse").
    Typographic apostrophes (’ ‘ ʼ) become ``'`` and curly quotes ``"``; runs of
    whitespace, line breaks included, become one space, trimmed at both ends.
    Meant for matching and counting words, not for sentiment: VADER reads
    capitals and punctuation as emphasis, so give it the raw text.

    Examples
    --------
    >>> normalise("  Ｆull-width  ＴＥＸＴ\\n don’t ")
    "full-width text don't"
    """
    if isinstance(texts, str):
        return _normalise_one(texts)
    series = _as_series(texts)
    unique = series.dropna().unique()
    mapping = {text: _normalise_one(text) for text in unique}  # each distinct text once
    return series.map(mapping, na_action="ignore").astype("string")


# ------------------------------------------------------------------ tokenise
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
_LETTER = rf"[^\W\d_{_HAN}]"  # a letter of an alphabet (Han characters are tokens on their own)
_WORD = rf"{_LETTER}+(?:'{_LETTER}+)*"
_NUMBER = r"\d+(?:[.,]\d+)*"
# French and Italian elide articles and prepositions: "l'hôtel", "dell'ordine" ->
# "l'", "hôtel"; their stopword lists hold the elided forms ("l'", "dell'").
_ELISION = rf"{_LETTER}+'(?={_LETTER})"
_TOKEN = {
    "default": re.compile(rf"[{_HAN}]|{_WORD}|{_NUMBER}"),
    "elision": re.compile(rf"[{_HAN}]|{_ELISION}|{_WORD}|{_NUMBER}"),
    "han_runs": re.compile(rf"[{_HAN}]+|{_WORD}|{_NUMBER}"),
}
_HAN_RUN = re.compile(rf"[{_HAN}]+")


def _han_bigrams(tokens: list[str]) -> list[str]:
    out = []
    for token in tokens:
        if _HAN_RUN.fullmatch(token) and len(token) > 1:
            out.extend(token[i:i + 2] for i in range(len(token) - 1))
        else:
            out.append(token)
    return out


def _tokenise_series(normalised: pd.Series, code: str, chinese: str) -> pd.Series:
    if code == "zh" and chinese == "bigrams":
        return normalised.str.findall(_TOKEN["han_runs"]).map(_han_bigrams, na_action="ignore")
    pattern = _TOKEN["elision"] if code in {"fr", "it"} else _TOKEN["default"]
    return normalised.str.findall(pattern)


def tokenise(texts, language=None, *, chinese: str = "characters"):
    """Split verbatims into lower-case word tokens, without any downloaded model.

    Parameters
    ----------
    texts : str, list of str or pandas.Series
        Verbatims; they are normalised first (see :func:`normalise`).
    language : str, list/Series of str, or None
        ISO code (or NLTK name) for all texts, one per text, or None to guess
        each text's language with :func:`guess_language`.
    chinese : {"characters", "bigrams"}
        How Han script is split, since Chinese has no spaces between words:
        one token per character, or overlapping character pairs within each run
        of Han characters (a rough stand-in for words, common in Chinese text
        mining). Only used for texts in ``zh``; elsewhere each Han character is
        a token.

    Returns
    -------
    list of str or pandas.Series
        A list for a str; otherwise a Series of lists on the input's index
        (a missing text gives an empty list).

    Notes
    -----
    A token is a run of letters with inner apostrophes ("don't", "п'ять"), a
    number ("12.50"), or a single Han character. Punctuation, emoji and symbols
    are dropped. For French and Italian the elided article or preposition is
    split off with its apostrophe ("l'hôtel" -> "l'", "hôtel"), because that is
    how their stopword lists hold it. This is a regular-expression tokeniser
    (NLTK's ``RegexpTokenizer`` idea); NLTK's ``word_tokenize`` needs punkt data,
    which cannot be obtained offline.

    Examples
    --------
    >>> tokenise("Livraison rapide, l'emballage était abîmé !", "fr")
    ['livraison', 'rapide', "l'", 'emballage', 'était', 'abîmé']
    >>> tokenise("性价比很高。", "zh", chinese="bigrams")
    ['性价', '价比', '比很', '很高']
    """
    if chinese not in {"characters", "bigrams"}:
        raise ParameterError("unknown way to split Chinese", parameter="chinese", value=chinese,
                             fix="use 'characters' or 'bigrams'")
    if isinstance(texts, str):
        code = _language_code(language) if language is not None else guess_language(texts)
        return _tokenise_series(pd.Series([normalise(texts)], dtype="string"), code, chinese).iloc[0]
    series = _as_series(texts)
    normalised = normalise(series)
    codes = _languages_for(series, language)
    out = pd.Series([[] for _ in range(len(series))], index=series.index, dtype=object)
    for code, rows in codes.groupby(codes, sort=False).groups.items():
        part = _tokenise_series(normalised.loc[rows], code, chinese)
        out.loc[rows] = part.map(lambda v: v if isinstance(v, list) else []).to_numpy()
    return out


# ------------------------------------------------------------------ stem
@lru_cache(maxsize=None)
def _stemmer(code: str):
    return nltk.stem.SnowballStemmer(LANGUAGES[code]).stem


def stem(tokens, language: str):
    """Snowball stems of tokens, or the tokens unchanged where Snowball has no stemmer.

    Parameters
    ----------
    tokens : list of str, or pandas.Series of lists of str
        Tokens from :func:`tokenise`.
    language : str
        ISO code or NLTK name. English, French, Italian and Russian are stemmed
        with NLTK's ``SnowballStemmer``; Polish, Ukrainian and Chinese are
        returned unchanged (Snowball has no stemmer for them, and Chinese has
        no inflection to strip).

    Returns
    -------
    list of str, or pandas.Series of lists
        The same shape as ``tokens``.

    Examples
    --------
    >>> stem(["deliveries", "delivered", "delivery"], "en")
    ['deliveri', 'deliv', 'deliveri']
    """
    code = _language_code(language)
    if code not in _SNOWBALL:
        return tokens.copy() if isinstance(tokens, (pd.Series, list)) else list(tokens)
    stemmer = _stemmer(code)
    if isinstance(tokens, pd.Series):
        vocabulary = {t for row in tokens.dropna() for t in row}
        stems = {t: stemmer(t) for t in vocabulary}  # each distinct word stemmed once
        return tokens.map(lambda row: [stems[t] for t in row], na_action="ignore")
    if isinstance(tokens, str):
        raise ParameterError("expected a list of tokens, got one str", parameter="tokens", value=tokens,
                             fix="tokenise first: stem(tokenise(text, language), language)")
    return [stemmer(t) for t in tokens]


# ------------------------------------------------------------------ stopwords
@lru_cache(maxsize=None)
def _stopwords(code: str) -> frozenset[str]:
    folder = use_offline_nltk_data()
    from nltk.corpus import stopwords as corpus

    name = LANGUAGES[code]
    if name not in corpus.fileids():
        raise LookupError(
            f"no {name} stopword list in {folder}/corpora/stopwords: the installed stop-words package "
            "has none. Fix: pip install -c requirements/constraints.txt stop-words, then "
            "python -m cxresearch.setup_data")
    return frozenset(_normalise_one(w) for w in corpus.words(name))


def stopwords(language: str) -> frozenset[str]:
    """The stopword list of a language, from the project's offline NLTK data.

    Parameters
    ----------
    language : str
        ISO code or NLTK name: en, fr, it, pl, uk, ru, zh.

    Returns
    -------
    frozenset of str
        Normalised words (see :func:`normalise`).

    Notes
    -----
    The lists come from the ``stop-words`` package (BSD-3-Clause), copied into
    ``<NLTK data>/corpora/stopwords`` by set-up; they differ from NLTK's own
    lists (English: 1,333 words against NLTK's 179, e.g. "thanks", "great" is
    not in it but "welcome" is). Check a list before trusting counts that drop
    stopwords.
    """
    return _stopwords(_language_code(language))


# ------------------------------------------------------------------ guess_language
_LATIN_CANDIDATES = ("en", "fr", "it", "pl")
_CYRILLIC_CANDIDATES = ("uk", "ru")
_SCRIPT_PATTERNS = {
    "han": rf"[{_HAN}]",
    "kana_hangul": r"[\u3040-\u30ff\u31f0-\u31ff\uac00-\ud7af\u1100-\u11ff]",
    "cyrillic": r"[\u0400-\u04ff\u0500-\u052f]",
    "latin": r"[a-z\u00c0-\u024f]",
}
# Spellings only one candidate language uses (after case folding), each hit
# worth as much as one distinctive stopword. Taken from the languages'
# orthographies, not fitted to any data set.
_ORTHOGRAPHIC_CUES = {
    "en": [r"th", r"\w\wing\b", r"n't\b|'s\b"],                 # "the", "-ing", "don't", "shop's"
    "fr": [r"[âêîôûçœëïÿ]", r"(?<!ch)é"],                          # Italian é only ends perché, né, ...
    "it": [r"[ìò]", r"\wà\b", r"\bè\b"],                           # città, qualità; è = "is"
    "pl": [r"[ąćęłńśźżó]", r"sz|cz|rz"],
    "uk": [r"[іїєґ]"],
    "ru": [r"[ыэъё]"],
}
_CUE_WEIGHT = 1.0
# The stop-words English list also holds two-letter country and web codes
# ("la", "je", "il", "de", "fr"...), which are function words of the other
# candidates; for guessing, its one- and two-letter entries are cut to the real
# English words of that length (a closed class).
_ENGLISH_SHORT_WORDS = frozenset(
    "a i am an as at be by do go he if in is it me my no of oh ok on or so to up us we".split())
_GUESS_TOKEN = re.compile(rf"{_ELISION}|{_WORD}")
# E-mail addresses and links are Latin whatever language surrounds them.
_NOT_LANGUAGE = r"\S+@\S+|(?:https?://|www\.)\S+"


@lru_cache(maxsize=None)
def _stopword_weights(candidates: tuple[str, ...]) -> pd.DataFrame:
    """token x language: 1/k where k is how many candidate lists hold the token."""
    lists = {code: stopwords(code) for code in candidates}
    if "en" in lists:
        lists["en"] = {w for w in lists["en"] if len(w) > 2 or w in _ENGLISH_SHORT_WORDS}
    vocabulary = sorted(set().union(*lists.values()))
    table = pd.DataFrame({code: [w in lists[code] for w in vocabulary] for code in candidates},
                         index=pd.Index(vocabulary, name="token"), dtype=float)
    return table.div(table.sum(axis=1), axis=0)


def _scores(texts: pd.Series, candidates: tuple[str, ...]) -> pd.DataFrame:
    """Stopword evidence plus spelling cues, per text (rows) and candidate language (columns)."""
    weights = _stopword_weights(candidates)
    tokens = texts.str.findall(_GUESS_TOKEN).explode().dropna()
    hits = weights.reindex(tokens.to_numpy()).set_axis(tokens.index)
    scores = hits.groupby(level=0).sum().reindex(texts.index, fill_value=0.0)
    for code in candidates:
        for pattern in _ORTHOGRAPHIC_CUES.get(code, ()):
            scores[code] += _CUE_WEIGHT * texts.str.count(pattern).to_numpy()
    return scores


def _best(scores: pd.DataFrame) -> pd.Series:
    """The top-scoring language; undetermined when nothing scored or two tie at the top."""
    values = scores.to_numpy()
    order = np.sort(values, axis=1)
    top, second = order[:, -1], order[:, -2]
    best = np.asarray(scores.columns)[values.argmax(axis=1)]
    return pd.Series(np.where((top > 0) & (top > second), best, UNDETERMINED), index=scores.index)


def guess_language(texts):
    """Guess each verbatim's language: en, fr, it, pl, uk, ru, zh, or und when unsure.

    Parameters
    ----------
    texts : str, list of str or pandas.Series

    Returns
    -------
    str or pandas.Series
        An ISO 639-1 code for a str; otherwise a Series of dtype ``string`` on
        the input's index. Missing or empty texts, texts without letters, and
        texts whose evidence ties get ``"und"``.

    Notes
    -----
    Two steps, no model and no network:

    1. Script. Han characters (each roughly a word, so counted twice) against
       Cyrillic and Latin letters. Mostly Han -> ``zh``; Japanese kana or
       Korean hangul -> ``und`` (not a project language).
    2. Language within the script, by evidence: each word found in a
       candidate's stopword list scores 1/k for it (k = how many candidate lists
       hold the word, so "la" or "a" count little), and each spelling only one
       candidate uses scores 1: ą ć ę ł ń ś ź ż ó, sz, cz, rz for Polish;
       â ê î ô û ç œ ë ï ÿ and é (except after "ch") for French; ì, ò, a
       word-final à, the word è for Italian; th, -ing, n't, 's for English;
       і ї є ґ for Ukrainian against ы э ъ ё for Russian. The top score wins;
       no evidence or a tie gives ``und``.

    E-mail addresses and links are ignored. Each distinct text is guessed once. Reliable on survey comments of a
    sentence or more; a one- or two-word answer ("Thanks.", "Super !") may
    carry no evidence and then comes back ``und``, never a confident guess.
    Languages outside this list come back as the nearest candidate of their
    script or ``und``: this is a guard for a known set of markets, not a
    general language identifier.

    Examples
    --------
    >>> guess_language(["La livraison était rapide.", "Ходила туди з сестрою.", "价格很公道。", "Merci !"]).tolist()
    ['fr', 'uk', 'zh', 'und']
    """
    if isinstance(texts, str):
        return guess_language(pd.Series([texts], dtype="string")).iloc[0]
    series = _as_series(texts)
    normalised = normalise(series)
    distinct = normalised.dropna().unique()
    unique = pd.Series(distinct, dtype="string").str.replace(_NOT_LANGUAGE, " ", regex=True)
    guesses = pd.Series(UNDETERMINED, index=unique.index, dtype=object)
    if len(unique):
        counts = pd.DataFrame({name: unique.str.count(pattern).to_numpy()
                               for name, pattern in _SCRIPT_PATTERNS.items()}, index=unique.index)
        han = 2 * counts["han"]
        other = counts["cyrillic"] + counts["latin"]
        guesses[(han > 0) & (han >= other)] = "zh"
        guesses[(counts["kana_hangul"] > 0) & (counts["kana_hangul"] >= counts["han"])] = UNDETERMINED
        undecided = guesses == UNDETERMINED
        script_free = counts["kana_hangul"] == 0
        for letters, candidates in (("cyrillic", _CYRILLIC_CANDIDATES), ("latin", _LATIN_CANDIDATES)):
            rival = "latin" if letters == "cyrillic" else "cyrillic"
            mask = undecided & script_free & (counts[letters] > 0) & (counts[letters] >= counts[rival]) \
                & (counts[letters] > han)
            if mask.any():
                guesses[mask] = _best(_scores(unique[mask], candidates))
    lookup = dict(zip(distinct, guesses.to_numpy()))
    return normalised.map(lookup).fillna(UNDETERMINED).astype("string")
