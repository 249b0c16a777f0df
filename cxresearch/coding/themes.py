"""Emergent themes: what the verbatims no code matched talk about, to suggest new codes.

A codebook only finds what it was written to find. :func:`emergent_themes`
reads the verbatims an auto-coder left uncoded, finds the words and two-word
collocations that are much more frequent there than in the coded verbatims,
groups those that occur in the same verbatims into candidate themes, and
reports each with its size, how distinctive it is, a few example quotes (with
personal data redacted) and the ids of its verbatims for drill-down. It works
per language, offline, without any downloaded model.

It is not an auto-coder and it does not read meaning: a candidate theme is a
group of words, and deciding whether it deserves a code (and what to call it)
is the researcher's job. Words that mean the same but never share a verbatim
("car park" and "nowhere to leave the car") stay in separate candidates, and a
paraphrase of an existing code ("nobody told me it was cancelled", for
*communication*) comes back as a candidate just like a new topic does: it is a
gap in the codebook's patterns rather than in its codes. Measure it on the
bundled sample, where two themes are planted that the default codebook lacks
(``tests/test_emergent_themes.py``).
"""

from __future__ import annotations

import math
import re
import warnings
from numbers import Integral, Real

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from .._checks import check_columns, check_frame, check_unique_ids
from ..exceptions import CXResearchWarning, DataValidationError, ParameterError
from ..privacy import redact_pii
from . import text as _text

__all__ = ["emergent_themes", "THEME_COLUMNS"]

#: Columns of the table :func:`emergent_themes` returns, in order.
THEME_COLUMNS = ("language", "rank", "theme", "terms", "n_docs", "share_of_uncoded", "n_coded_docs",
                 "distinctiveness", "examples", "doc_ids")

# Weight of the informative Dirichlet prior of the log-odds (Monroe, Colaresi &
# Quinn 2008, section 3.5), as a share of the corpus: the prior of each term is its
# count in the language's whole corpus times this, so it steadies rare terms
# without swamping a small corpus.
_PRIOR_SHARE = 0.01
# Distinctive terms kept per language for clustering (the most distinctive first);
# the clustering is quadratic in this.
_MAX_TERMS = 400
# Terms join a theme when their verbatims overlap: average Jaccard similarity of
# the uncoded verbatims holding them of at least this much.
_MIN_OVERLAP = 0.3
# A bigram is a collocation when Dunning's log-likelihood ratio says its words
# meet more often than chance at p < 0.001 (chi-squared, 1 df).
_COLLOCATION_G2 = 10.83
# Spelling variants: a word at most one edit (insertion, deletion, substitution,
# swap of neighbours) from a word this many times more frequent is read as that word.
_TYPO_RATIO = 5
_TYPO_MIN_LENGTH = 5
# Polish and Ukrainian have no Snowball stemmer: words are cut to this many letters,
# which joins most of their inflected forms ("parkingowe", "parkingu" -> "parkin").
_CUT = 6
# A bigram stands for one of its words in a label when most of that word's verbatims hold it.
_LABEL_BIGRAM_SHARE = 0.7
_LABEL_TERMS = 3
# Clauses: split at sentence punctuation, at commas (not inside numbers: "12,50"),
# and at dashes between spaces. Chinese writes its clauses between full-width commas.
_CLAUSE = r"[.!?;:。！？；…\n]+|(?<!\d)[,，、](?!\d)|\s[-–—]\s"
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NOT_WORD = r"[\W_]+"


# ------------------------------------------------------------------ arguments
def _check_count(value, parameter: str, minimum: int, allow_none: bool = False):
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, Integral) or value < minimum:
        raise ParameterError(f"expected a whole number of at least {minimum}", parameter=parameter,
                             value=value, fix=f"pass e.g. {parameter}={max(minimum, 3)}"
                             + (" (or None for no limit)" if allow_none else ""))
    return int(value)


def _check_arguments(min_docs, max_themes, n_examples, min_z, stock_phrases, seed):
    min_docs = _check_count(min_docs, "min_docs", 1)
    max_themes = _check_count(max_themes, "max_themes", 1, allow_none=True)
    n_examples = _check_count(n_examples, "n_examples", 0)
    if isinstance(min_z, bool) or not isinstance(min_z, Real) or not math.isfinite(min_z):
        raise ParameterError("expected a number", parameter="min_z", value=min_z,
                             fix="pass e.g. min_z=3 (a z-score; higher keeps fewer, more distinctive terms)")
    if stock_phrases is not None and (isinstance(stock_phrases, bool) or not isinstance(stock_phrases, Real)
                                      or not 0 <= stock_phrases <= 1):
        raise ParameterError("expected a share between 0 and 1, or None", parameter="stock_phrases",
                             value=stock_phrases, fix="pass e.g. stock_phrases=0.02, or None to keep every clause")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, Integral)):
        raise ParameterError("expected a whole number or None", parameter="seed", value=seed,
                             fix="pass e.g. seed=0")
    return min_docs, max_themes, n_examples, float(min_z), stock_phrases, seed


def _coded_flags(data: pd.DataFrame, coded, id: str, ids: pd.Series) -> np.ndarray:
    """Whether each verbatim (row of ``data``) is coded."""
    if isinstance(coded, str):
        check_columns(data, coded, parameter="coded")
        flags = data[coded]
        present = flags.dropna()
        bad = present[~present.isin([True, False, 0, 1])]
        if not pd.api.types.is_bool_dtype(flags) and len(bad):
            raise DataValidationError("the column saying which verbatims are coded is not true/false",
                                      column=coded, value=bad.iloc[0],
                                      fix="use a boolean column, or pass the auto-coder's output as coded=")
        return flags.fillna(False).astype(bool).to_numpy()
    if not isinstance(coded, pd.DataFrame):
        raise ParameterError("expected the auto-coder's output (a DataFrame) or the name of a boolean column",
                             parameter="coded", value=type(coded).__name__,
                             fix="pass coded=autocode(verbatims), or coded='is_coded'")
    check_columns(coded, id, parameter="coded", where="the coded table")
    rows = coded if "code" not in coded.columns else coded[coded["code"].notna()]
    coded_ids = pd.Index(rows[id].dropna().astype(str).unique())
    flags = ids.astype(str).isin(coded_ids).to_numpy()
    if len(coded_ids) and not flags.any():
        raise DataValidationError(f"none of the {len(coded_ids)} coded ids is an id of the verbatims",
                                  column=id, value=coded_ids[0],
                                  fix="pass the auto-coder's output for these verbatims (ids are compared as text)")
    return flags


def _prepare(data, coded, text, id, language, speaker, respondent):
    """(ids, original texts, languages, coded flags) of the verbatims to look at."""
    check_frame(data, fix="pass the verbatims as a DataFrame, one row per verbatim")
    check_columns(data, [text, id], parameter="text/id", where="the verbatims")
    if coded is None:
        raise ParameterError("emergent themes need to know which verbatims are coded", parameter="coded",
                             fix="pass the auto-coder's output (coded=autocode(verbatims)) or a boolean column name")
    check_unique_ids(data, id)
    ids = data[id]
    texts = data[text]
    bad = [value for value in pd.unique(texts.dropna().to_numpy(dtype=object)) if not isinstance(value, str)]
    if bad:
        raise DataValidationError("texts are not text", column=text, value=bad[0],
                                  fix="point text= at the column holding the verbatims")
    keep = texts.notna().to_numpy().copy()
    if speaker is not None and speaker in data.columns:
        who = data[speaker].astype("string").str.casefold()
        keep &= (who.isna() | (who == str(respondent).casefold())).fillna(False).to_numpy(dtype=bool)
    if not keep.any():
        raise DataValidationError("no verbatims to look at" + (" (all empty or not the respondent's)"
                                                                 if len(data) else ""),
                                  column=text, fix="pass a table with at least one verbatim")
    flags = _coded_flags(data, coded, id, ids)
    frame = data.loc[keep]
    originals = frame[text].astype(str).reset_index(drop=True)
    if language is not None and language in data.columns:
        given = frame[language].astype("string").str.strip().str.casefold()
        mapping = {}
        for value in given.dropna().unique():
            try:
                mapping[value] = _text._language_code(value)
            except ParameterError:
                mapping[value] = value  # not a language text knows: reported, then left out
        langs = given.map(mapping).fillna(_text.UNDETERMINED).reset_index(drop=True)
    else:
        langs = _text.guess_language(originals).reset_index(drop=True)
    return (frame[id].reset_index(drop=True), originals, langs.astype(object).to_numpy(),
            flags[keep])


# ------------------------------------------------------------------ words
def _clauses(normalised: pd.Series) -> pd.DataFrame:
    """One row per clause: the verbatim's position and the clause's text."""
    parts = normalised.str.split(_CLAUSE, regex=True).explode().str.strip()
    parts = parts[parts.notna() & parts.str.len().gt(0)]
    return pd.DataFrame({"doc": parts.index.to_numpy(), "clause": parts.to_numpy(dtype=object)})


def _stock_keys(clauses: pd.DataFrame, n_docs: int, share) -> set:
    """Clauses repeated word for word in at least ``share`` of the verbatims (and 10 of them)."""
    if not share or clauses.empty:
        return set()
    keys = clauses["clause"].str.replace(_NOT_WORD, " ", regex=True).str.strip()
    counts = pd.DataFrame({"doc": clauses["doc"].to_numpy(), "key": keys.to_numpy()}) \
        .drop_duplicates()["key"].value_counts()
    threshold = max(math.ceil(share * n_docs), 10)
    return set(counts.index[(counts >= threshold) & (counts.index != "")])


def _is_content(tokens: np.ndarray, code: str) -> np.ndarray:
    """Which distinct tokens can carry a theme: no stopwords, numbers, elisions or words under three letters."""
    stop = _text.stopwords(code)
    series = pd.Series(tokens, dtype=object)
    han = series.str.match(_HAN.pattern).to_numpy(dtype=bool)
    length = series.str.len().to_numpy()
    in_stop = series.isin(stop).to_numpy()
    alphabetic = ~han & (length >= 3) & ~in_stop & ~series.str.endswith("'").to_numpy(dtype=bool) \
        & ~series.str.match(r"\d").to_numpy(dtype=bool)
    if code == "zh":
        # character pairs from within a run of Han characters; a pair holding a
        # one-character function word ("的", "了", "是") is mostly noise
        first = series.str[0].isin(stop).to_numpy()
        second = series.str[-1].isin(stop).to_numpy()
        return (han & (length == 2) & ~first & ~second) | alphabetic
    return alphabetic


def _deletions(word: str):
    return [word] + [word[:i] + word[i + 1:] for i in range(len(word))]


def _one_edit(a: str, b: str) -> bool:
    """Optimal string alignment distance of at most one."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _spelling_variants(frequency: pd.Series) -> dict:
    """Map each rare word to a much more frequent word one edit away ("parikng" -> "parking").

    Candidates come from shared one-letter deletions (the SymSpell idea), so no
    word is compared with the whole vocabulary.
    """
    words = frequency[(frequency.index.str.len() >= _TYPO_MIN_LENGTH)
                      & ~frequency.index.str.contains(_HAN.pattern)]
    if len(words) < 2:
        return {}
    keys = pd.DataFrame([(word, key) for word in words.index for key in _deletions(word)],
                        columns=["word", "key"]).drop_duplicates()
    pairs = keys.merge(keys, on="key", suffixes=("", "_to"))
    pairs = pairs[pairs["word"] != pairs["word_to"]].drop_duplicates(["word", "word_to"])
    df = frequency.to_dict()
    pairs = pairs[pairs["word_to"].map(df).to_numpy() >= _TYPO_RATIO * pairs["word"].map(df).to_numpy()]
    mapping = {}
    for word, group in pairs.groupby("word", sort=False):
        for target in sorted(group["word_to"], key=lambda w: (-df[w], w)):
            if _one_edit(word, target):
                mapping[word] = target
                break
    return mapping


def _stemmer(code: str):
    if code in _text._SNOWBALL:
        stem = _text._stemmer(code)
        return lambda word: word if _HAN.match(word) else stem(word)
    if code == "zh":
        return lambda word: word
    return lambda word: word[:_CUT]


def _features(texts: pd.Series, code: str, n_docs: int, stock_share):
    """Unigram and bigram occurrences of one language's verbatims.

    Returns (unigrams, bigrams, stock clauses): two DataFrames of ``doc``
    (position), ``term`` (stem, or "stem stem") and ``surface`` (the word(s)
    as written, after normalising and reading spelling variants as their word).
    """
    empty = pd.DataFrame({"doc": np.array([], dtype=int), "term": np.array([], dtype=object),
                          "surface": np.array([], dtype=object)})
    clauses = _clauses(_text.normalise(texts))
    stock = _stock_keys(clauses, n_docs, stock_share)
    if stock:
        keys = clauses["clause"].str.replace(_NOT_WORD, " ", regex=True).str.strip()
        clauses = clauses[~keys.isin(stock).to_numpy()]
    if clauses.empty:
        return empty, empty, stock
    tokens = _text.tokenise(pd.Series(clauses["clause"].to_numpy(), dtype="string"), code,
                            chinese="bigrams")
    lengths = tokens.str.len().to_numpy()
    if lengths.sum() == 0:
        return empty, empty, stock
    flat = np.fromiter((t for row in tokens for t in row), dtype=object, count=int(lengths.sum()))
    doc = np.repeat(clauses["doc"].to_numpy(), lengths)
    clause = np.repeat(np.arange(len(tokens)), lengths)
    # everything per word is decided once per distinct word
    distinct, inverse = np.unique(flat.astype(str), return_inverse=True)
    is_content = _is_content(distinct, code)
    content = is_content[inverse]
    frequency = pd.Series(doc[content]).groupby(inverse[content]).nunique()
    frequency.index = distinct[frequency.index.to_numpy()]
    variants = _spelling_variants(frequency)
    words = np.array([variants.get(w, w) for w in distinct], dtype=object)
    stem = _stemmer(code)
    stems = np.array([stem(w) if keep else "" for w, keep in zip(words, is_content)], dtype=object)
    words, terms = words[inverse], stems[inverse]
    unigrams = pd.DataFrame({"doc": doc[content], "term": terms[content], "surface": words[content]})
    if code == "zh" or len(flat) < 2:
        return unigrams, empty, stock
    # bigrams: two content words side by side in the same clause
    left = np.flatnonzero((clause[:-1] == clause[1:]) & content[:-1] & content[1:])
    bigrams = pd.DataFrame({"doc": doc[left], "term": terms[left] + " " + terms[left + 1],
                            "first": terms[left], "second": terms[left + 1],
                            "surface": words[left] + " " + words[left + 1]})
    return unigrams, _collocations(bigrams), stock


def _collocations(bigrams: pd.DataFrame) -> pd.DataFrame:
    """The bigrams whose words meet more often than chance (Dunning's G², p < 0.001)."""
    if bigrams.empty:
        return bigrams.drop(columns=["first", "second"])
    n = float(len(bigrams))
    pair = bigrams.groupby("term").size()
    first = bigrams.groupby("first").size()
    second = bigrams.groupby("second").size()
    parts = pair.index.to_series().str.split(" ", n=1, expand=True)
    k11 = pair.to_numpy(float)
    k12 = first.reindex(parts[0]).to_numpy(float) - k11
    k21 = second.reindex(parts[1]).to_numpy(float) - k11
    k22 = n - k11 - k12 - k21
    observed = np.stack([k11, k12, k21, k22])
    rows = np.stack([k11 + k12, k11 + k12, k21 + k22, k21 + k22])
    cols = np.stack([k11 + k21, k12 + k22, k11 + k21, k12 + k22])
    expected = rows * cols / n
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * np.nansum(np.where(observed > 0, observed * np.log(observed / expected), 0.0), axis=0)
    keep = pair.index[(g2 >= _COLLOCATION_G2) & (k11 > expected[0])]
    return bigrams[bigrams["term"].isin(keep)].drop(columns=["first", "second"])


# ------------------------------------------------------------------ statistics
def _log_odds_z(uncoded: np.ndarray, coded: np.ndarray) -> np.ndarray:
    """z-scores of the log-odds ratio of each term, uncoded against coded, with an informative prior.

    Monroe, Colaresi & Quinn (2008), eq. 22: the prior of each term is its count
    in the whole corpus times ``_PRIOR_SHARE``.
    """
    n_u, n_c = uncoded.sum(), coded.sum()
    alpha = _PRIOR_SHARE * (uncoded + coded)
    alpha_0 = _PRIOR_SHARE * (n_u + n_c)
    delta = (np.log((uncoded + alpha) / (n_u + alpha_0 - uncoded - alpha))
             - np.log((coded + alpha) / (n_c + alpha_0 - coded - alpha)))
    return delta / np.sqrt(1 / (uncoded + alpha) + 1 / (coded + alpha))


def _score(occurrences: pd.DataFrame, is_uncoded: np.ndarray) -> pd.DataFrame:
    """Per term: verbatims holding it (uncoded, coded), its z-score and its commonest spelling."""
    if occurrences.empty:
        return pd.DataFrame(columns=["n_uncoded", "n_coded", "z", "surface"])
    once = occurrences.drop_duplicates(["doc", "term"])
    uncoded = is_uncoded[once["doc"].to_numpy()]
    table = pd.DataFrame({"n_uncoded": once[uncoded].groupby("term").size(),
                          "n_coded": once[~uncoded].groupby("term").size()}).fillna(0).astype(float)
    table["z"] = _log_odds_z(table["n_uncoded"].to_numpy(), table["n_coded"].to_numpy())
    surface = occurrences[is_uncoded[occurrences["doc"].to_numpy()]] \
        .groupby(["term", "surface"]).size().sort_values(ascending=False, kind="stable")
    table["surface"] = surface.reset_index().drop_duplicates("term").set_index("term")["surface"]
    return table


def _clusters(incidence: sparse.csr_matrix) -> np.ndarray:
    """Group terms whose uncoded verbatims overlap (average-linkage on Jaccard distance)."""
    n_terms = incidence.shape[1]
    if n_terms == 1:
        return np.array([1])
    together = (incidence.T @ incidence).toarray()
    alone = np.diag(together)
    jaccard = together / (alone[:, None] + alone[None, :] - together)
    distance = 1.0 - jaccard
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    return fcluster(tree, 1.0 - _MIN_OVERLAP, criterion="distance")


# ------------------------------------------------------------------ reporting
def _label(terms: pd.DataFrame) -> tuple[str, list[str]]:
    """A readable label (top words, a collocation standing in for the word it mostly occurs in)."""
    ordered = terms.sort_values(["n_uncoded", "z"], ascending=False, kind="stable")
    words = ordered["surface"].tolist()
    bigrams = ordered[ordered.index.str.contains(" ")]
    chosen: list[str] = []
    for term, row in ordered.iterrows():
        surface = row["surface"]
        if " " not in term:
            holding = bigrams.loc[np.array([term in b.split(" ") for b in bigrams.index], dtype=bool)]
            best = holding[holding["n_uncoded"] >= _LABEL_BIGRAM_SHARE * row["n_uncoded"]]
            if len(best):
                surface = best["surface"].iloc[0]
        if surface in chosen or any(surface in c.split(" ") for c in chosen):
            continue
        chosen = [c for c in chosen if c not in surface.split(" ")] + [surface]
        if len(chosen) == _LABEL_TERMS:
            break
    return " / ".join(chosen), list(dict.fromkeys(words))


def _examples(rows: np.ndarray, matched: sparse.csr_matrix, originals: pd.Series, n: int,
              rng: np.random.Generator) -> list[str]:
    """``n`` distinct quotes, personal data redacted.

    Preferred: quotes holding more of the theme's terms (up to three), then
    shorter ones (in steps of 40 characters), drawn at random among equals;
    each new quote with a combination of terms not shown yet, so the quotes
    show different wordings before repeating one.
    """
    if n == 0 or len(rows) == 0:
        return []
    quotes = originals.iloc[rows]
    hits = np.asarray(matched.sum(axis=1)).ravel()
    length = quotes.str.len().to_numpy()
    order = np.lexsort((rng.random(len(rows)), length // 40, -np.minimum(hits, 3)))
    # which terms a quote holds, as one number (random weights: distinct sets, distinct sums)
    wording = matched @ np.random.default_rng(0).random(matched.shape[1])
    keys = quotes.str.casefold().str.split().str.join(" ").to_numpy()
    chosen, seen_quotes, seen_wordings = [], set(), set()
    for fresh_wording_only in (True, False):
        for i in order:
            if keys[i] in seen_quotes or (fresh_wording_only and wording[i] in seen_wordings):
                continue
            seen_quotes.add(keys[i])
            seen_wordings.add(wording[i])
            chosen.append(quotes.iloc[i])
            if len(chosen) == n:
                return list(redact_pii(chosen))
    return list(redact_pii(chosen))


def _themes_of_language(code: str, ids: pd.Series, originals: pd.Series, analysed: pd.Series,
                        is_uncoded: np.ndarray, min_docs: int, max_themes, n_examples: int,
                        min_z: float, stock_share, rng) -> tuple[list[dict], set]:
    n_docs = len(originals)
    unigrams, bigrams, stock = _features(analysed, code, n_docs, stock_share)
    occurrences = pd.concat([unigrams, bigrams], ignore_index=True)
    table = _score(occurrences, is_uncoded)
    if table.empty:
        return [], stock
    selected = table[(table["n_uncoded"] >= min_docs) & (table["z"] >= min_z)] \
        .sort_values("z", ascending=False, kind="stable").head(_MAX_TERMS)
    if selected.empty:
        return [], stock
    terms = pd.Index(selected.index)
    occurrences = occurrences.drop_duplicates(["doc", "term"])
    occurrences = occurrences[occurrences["term"].isin(terms)]
    incidence = sparse.csr_matrix(
        (np.ones(len(occurrences)), (occurrences["doc"].to_numpy(), terms.get_indexer(occurrences["term"]))),
        shape=(n_docs, len(terms)))
    uncoded_rows = np.flatnonzero(is_uncoded)
    in_uncoded = incidence[uncoded_rows]
    labels = _clusters(in_uncoded)
    in_coded = incidence[np.flatnonzero(~is_uncoded)]
    themes = []
    for cluster in np.unique(labels):
        columns = np.flatnonzero(labels == cluster)
        matched = in_uncoded[:, columns]
        holding = np.asarray(matched.sum(axis=1)).ravel() > 0
        if holding.sum() < min_docs:
            continue
        coded_hits = np.asarray(in_coded[:, columns].sum(axis=1)).ravel() > 0
        members = selected.iloc[columns]
        theme, words = _label(members)
        themes.append({"language": code, "theme": theme, "terms": words,
                       "n_docs": int(holding.sum()),
                       "share_of_uncoded": holding.sum() / len(uncoded_rows),
                       "n_coded_docs": int(coded_hits.sum()),
                       "distinctiveness": float(members["z"].max()),
                       "_rows": uncoded_rows[holding], "_matched": matched[holding]})
    themes.sort(key=lambda t: (-t["n_docs"], -t["distinctiveness"], t["theme"]))
    if max_themes is not None:
        themes = themes[:max_themes]
    for rank, theme in enumerate(themes, start=1):
        rows, matched = theme.pop("_rows"), theme.pop("_matched")
        theme["rank"] = rank
        theme["examples"] = _examples(rows, matched, originals, n_examples, rng)
        theme["doc_ids"] = ids.iloc[rows].tolist()
    return themes, stock


# ------------------------------------------------------------------ public
def emergent_themes(data, coded, *, text="text", id="doc_id", language="language", speaker="speaker",
                    respondent="respondent", min_docs=10, max_themes=20, n_examples=3, min_z=3.0,
                    stock_phrases=0.02, seed=0) -> pd.DataFrame:
    """Candidate new themes: distinctive words of the verbatims no code matched, grouped, with quotes.

    Parameters
    ----------
    data : pandas.DataFrame
        The verbatims, one row per verbatim (or transcript turn), coded and
        uncoded alike: the coded ones are the background the uncoded ones are
        compared with.
    coded : pandas.DataFrame or str
        Which verbatims are coded: the auto-coder's long output (one row per
        verbatim and code, e.g. :func:`cxresearch.coding.autocode`; a verbatim
        with at least one row whose ``code`` is not missing is coded, ids are
        compared as text), or the name of a boolean column of ``data``.
        Required: without coded verbatims there is nothing to be distinctive against.
    text, id : str
        Columns of ``data`` holding the verbatim and its unique id (``id`` is
        also the id column of a coded table).
    language : str or None
        Column with each verbatim's ISO language code; when absent (or None) each
        language is guessed (:func:`cxresearch.coding.text.guess_language`).
        Themes are found per language. Verbatims whose language is ``und``
        (undetermined) or one :mod:`cxresearch.coding.text` does not know are
        left out, with a warning.
    speaker, respondent : str
        For transcripts: only rows with no speaker or whose speaker is
        ``respondent`` are read, as the auto-coder does. Ignored when the column is absent.
    min_docs : int
        A term must occur in at least this many uncoded verbatims, and so must a theme.
    max_themes : int or None
        Largest number of themes per language (the largest themes); None for all.
    n_examples : int
        Example quotes per theme.
    min_z : float
        A term must be at least this distinctive of the uncoded verbatims (the
        z-score of its log-odds ratio, see Notes).
    stock_phrases : float or None
        A clause repeated word for word in at least this share of a language's
        verbatims (and at least 10 of them) is a stock phrase ("Nothing else to
        add.", "Thanks.") and is set aside before counting words. None keeps every clause.
    seed : int or None
        Seed of the random draw of example quotes among equally good ones.

    Returns
    -------
    pandas.DataFrame
        One row per candidate theme, by language (alphabetical) and then from
        the largest theme down, with columns

        - ``language``: ISO code;
        - ``rank``: 1 for the language's largest theme;
        - ``theme``: a label made of its commonest words, e.g. ``"parking / car park / space"``;
        - ``terms``: list of its words and collocations, commonest first, as
          written (the commonest spelling of each stem);
        - ``n_docs``: uncoded verbatims holding any of its terms;
        - ``share_of_uncoded``: ``n_docs`` over the language's uncoded verbatims;
        - ``n_coded_docs``: coded verbatims holding any of its terms (a new
          code would reach these too);
        - ``distinctiveness``: the z-score of its most distinctive term;
        - ``examples``: list of up to ``n_examples`` quotes, personal data
          redacted (:func:`cxresearch.privacy.redact_pii`);
        - ``doc_ids``: list of the ids of its uncoded verbatims.

        ``attrs["stock_phrases"]`` maps each language to the clauses set aside,
        and ``attrs["n_uncoded"]`` to its number of uncoded verbatims.

    Raises
    ------
    ParameterError
        A missing column, ``coded`` missing or of the wrong type, or a bad setting.
    DataValidationError
        No verbatims, ids missing or repeated, texts that are not text, or
        coded ids none of which is a verbatim id.

    Warns
    -----
    CXResearchWarning
        Verbatims left out (undetermined or unknown language, a language with no
        coded verbatim to compare with), or no verbatim uncoded.

    Notes
    -----
    Per language:

    1. Each verbatim (personal data removed first) is normalised
       (:func:`~cxresearch.coding.text.normalise`) and cut into clauses;
       stock phrases are set aside.
    2. Words: tokens of :func:`~cxresearch.coding.text.tokenise` (Chinese as
       character pairs) without stopwords, numbers, elided articles or words
       under three letters. A word one edit from a word at least five times more
       frequent is read as that word (spelling variants: "parikng"). Words are
       stemmed with Snowball (en, fr, it, ru) or cut to six letters (pl, uk).
       Collocations: two content words side by side whose meeting is significant
       by Dunning's log-likelihood ratio (G² >= 10.83).
    3. Distinctiveness: the log-odds ratio of each term in the uncoded against the
       coded verbatims with an informative Dirichlet prior (Monroe, Colaresi &
       Quinn 2008, eq. 22), as a z-score

       .. math:: \\delta_w = \\log\\frac{y^u_w + \\alpha_w}{n^u + \\alpha_0 - y^u_w - \\alpha_w}
                 - \\log\\frac{y^c_w + \\alpha_w}{n^c + \\alpha_0 - y^c_w - \\alpha_w},\\quad
                 z_w = \\delta_w \\Big/ \\sqrt{\\frac{1}{y^u_w + \\alpha_w} + \\frac{1}{y^c_w + \\alpha_w}}

       where :math:`y_w` counts the verbatims holding term *w* (u: uncoded,
       c: coded), :math:`n` is the sum of those counts over all terms (the
       amount of text, so coded verbatims, which are longer, are compared word
       for word rather than verbatim for verbatim), :math:`\\alpha_w` is 1% of
       *w*'s count in the whole corpus and :math:`\\alpha_0` 1% of the corpus.
    4. The terms with ``z >= min_z`` held by at least ``min_docs`` uncoded
       verbatims (the 400 most distinctive at most) are clustered by the uncoded
       verbatims they occur in: average linkage on Jaccard distance, cut where
       the average overlap falls below 0.3. A theme holds the uncoded verbatims
       holding any of its terms; two themes can share a verbatim.

    What it cannot do: words that share no verbatim stay apart, however close
    their meaning; a word common to two topics ("tiny" spaces, "tiny" lamp) goes
    with one of them; stock phrases repeated by more than ``stock_phrases`` of
    the respondents (e.g. one-word answers such as "Parking.") are set aside,
    so lower it, or set None, when the question invites one-word answers.

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words:
    lexical feature selection and evaluation for identifying the content of
    political conflict. *Political Analysis*, 16(4), 372-403.

    Dunning, T. (1993). Accurate methods for the statistics of surprise and
    coincidence. *Computational Linguistics*, 19(1), 61-74.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.coding.themes import emergent_themes
    >>> verbatims = pd.DataFrame({"doc_id": range(16), "language": "en", "text": [
    ...     "Staff were rude", "Rude staff at the till", "Queue far too long", "Long queue again",
    ...     "Staff rude, queue long", "Friendly staff", "Short queue today", "Staff helpful",
    ...     "No parking spaces left", "Parking full again", "Could not find parking",
    ...     "The car park was full", "Car park too small", "Parking spaces too narrow",
    ...     "Staff rude and no parking", "Lovely garden section"]})
    >>> coded = pd.DataFrame({"doc_id": [0, 1, 2, 3, 4, 5, 6, 7, 14], "code": "staff_or_queue"})
    >>> themes = emergent_themes(verbatims, coded, min_docs=3, min_z=1)
    >>> themes[["language", "theme", "n_docs", "n_coded_docs"]]
      language    theme  n_docs  n_coded_docs
    0       en  parking       6             1
    >>> themes.loc[0, "doc_ids"]
    [8, 9, 10, 11, 12, 13]
    >>> themes.loc[0, "examples"]
    ['The car park was full', 'Could not find parking', 'Parking full again']
    """
    min_docs, max_themes, n_examples, min_z, stock_phrases, seed = _check_arguments(
        min_docs, max_themes, n_examples, min_z, stock_phrases, seed)
    ids, originals, langs, flags = _prepare(data, coded, text, id, language, speaker, respondent)
    # personal data out before counting words, so no name or e-mail becomes a theme
    analysed = pd.Series(redact_pii(originals.astype("string"), placeholder=" "), dtype="string")
    rng = np.random.default_rng(seed)
    rows, left_out, stock, n_uncoded = [], {}, {}, {}
    for code in sorted(pd.unique(langs)):
        at = np.flatnonzero(langs == code)
        if code not in _text.LANGUAGES:
            left_out[f"{code} (language not known)"] = len(at)
            continue
        uncoded = ~flags[at]
        n_uncoded[code] = int(uncoded.sum())
        if uncoded.all():
            left_out[f"{code} (no coded verbatim to compare with)"] = len(at)
            continue
        if not uncoded.any():
            continue
        found, stock[code] = _themes_of_language(code, ids.iloc[at].reset_index(drop=True),
                                    originals.iloc[at].reset_index(drop=True),
                                    analysed.iloc[at].reset_index(drop=True), uncoded, min_docs,
                                    max_themes, n_examples, min_z, stock_phrases, rng)
        rows.extend(found)
    if left_out:
        counts = ", ".join(f"{what}: {n}" for what, n in left_out.items())
        warnings.warn(f"emergent_themes: {sum(left_out.values())} verbatims left out ({counts}). "
                      "Fix: give them a known language code, or code them first", CXResearchWarning,
                      stacklevel=2)
    if not any(n_uncoded.values()):
        warnings.warn("emergent_themes: every verbatim is coded, so no theme can emerge", CXResearchWarning,
                      stacklevel=2)
    out = pd.DataFrame(rows, columns=list(THEME_COLUMNS))
    out = out.astype({"language": object, "rank": "int64", "theme": object, "n_docs": "int64",
                      "share_of_uncoded": float, "n_coded_docs": "int64", "distinctiveness": float})
    out.attrs.update(n_uncoded=n_uncoded, stock_phrases={k: sorted(v) for k, v in stock.items()})
    return out
