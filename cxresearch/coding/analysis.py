"""What coded verbatims say: how often each theme comes up, with what, why, and in whose words.

What this module is for: the analysis step of a qualitative-coding study.
It takes a coded table (one row per document x code, from an auto-coder or
from reconciled human coding) and the documents it codes (one row per
document, with its NPS answer, segment, touchpoint, text...) and returns the
tidy tables a CX report shows:

* :func:`code_frequencies`: the share of documents carrying each code, per
  group, with a Wilson interval; with a codebook, child codes roll up into
  their parents;
* :func:`code_cooccurrence`: which codes come up in the same documents;
* :func:`code_lift`: which codes are over-represented among detractors
  compared with promoters, tested and FDR-adjusted: the "why" behind the score;
* :func:`sentiment_by_code`: the mean sentiment of the documents carrying
  each code;
* :func:`select_quotes`: a few short, complete, PII-redacted verbatims per code.

What it is not for: applying codes (the auto-coder and
:mod:`cxresearch.coding.codebook` do that), agreement between coders
(:mod:`cxresearch.coding.reliability`), scoring sentiment
(:mod:`cxresearch.coding.sentiment`) or drawing (:mod:`cxresearch.plotting`).

Conventions, shared with :mod:`cxresearch.metrics`:

* The unit is the document. A document counts once per code however many
  spans of it carry the code, and documents with no code at all still count
  in every denominator.
* A group with fewer than ``min_n_privacy`` documents (default
  ``config.MIN_N_PRIVACY``) is withheld: its row stays, with its size, and
  every value that would reveal something about its members is missing
  (``withheld`` True). Fewer than ``min_n_reliable`` (default
  ``config.MIN_N_RELIABLE``) is flagged ``reliable`` False.
* Every error a user can cause is a one-line
  :class:`~cxresearch.exceptions.ParameterError` or
  :class:`~cxresearch.exceptions.DataValidationError` naming the column, the
  bad value and the fix; things handled on the user's behalf (coded rows of
  documents that are not in ``docs``, codes missing from the codebook) raise
  a :class:`~cxresearch.exceptions.CXResearchWarning`.
"""

from __future__ import annotations

import numbers
import re
import warnings
import zlib
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from .. import config
from .._checks import available_columns, check_columns, check_frame
from ..exceptions import CXResearchWarning, DataValidationError, ParameterError
from ..metrics import (_as_list, _check_ci, _check_count, _group_codes, _plain, _row_label,
                       _scale_points, adjust_pvalues)
from ..privacy import find_pii, redact_pii
from .codebook import Codebook
from .sentiment import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD

__all__ = [
    "code_frequencies",
    "code_cooccurrence",
    "code_lift",
    "sentiment_by_code",
    "select_quotes",
    "CODE_FREQUENCY_COLUMNS",
    "COOCCURRENCE_COLUMNS",
    "CODE_LIFT_COLUMNS",
    "SENTIMENT_BY_CODE_COLUMNS",
    "QUOTE_COLUMNS",
    "VERDICTS",
]

#: Output columns of :func:`code_frequencies`, after the ``by`` columns and the code
#: (and, with a codebook, ``label``, ``parent``, ``level``).
CODE_FREQUENCY_COLUMNS = ("n_docs", "n_coded", "share", "ci_low", "ci_high", "reliable",
                          "withheld")
#: Columns of :func:`code_cooccurrence` with ``form="long"``.
COOCCURRENCE_COLUMNS = ("code_a", "code_b", "n_a", "n_b", "n_both", "jaccard", "lift")
#: Output columns of :func:`code_lift` with the default groups, after the ``by`` columns
#: and the code (and ``label`` with a codebook).
CODE_LIFT_COLUMNS = ("n_detractors", "n_promoters", "detractors_coded", "promoters_coded",
                     "share_detractors", "share_promoters", "lift", "lift_ci_low",
                     "lift_ci_high", "risk_difference", "odds_ratio", "cohens_h", "test",
                     "p_value", "p_adjusted", "verdict", "n_with", "n_without", "mean_with",
                     "mean_without", "mean_difference", "nps_with", "nps_without", "reliable",
                     "withheld")
#: Output columns of :func:`sentiment_by_code`, after the code.
SENTIMENT_BY_CODE_COLUMNS = ("n_coded", "n_scored", "mean", "sd", "ci_low", "ci_high",
                             "share_negative", "share_positive", "reliable", "withheld")
#: Output columns of :func:`select_quotes` (the id column is named after ``id``;
#: ``by_score`` adds the score column and its NPS ``category`` after ``quote``).
QUOTE_COLUMNS = ("code", "rank", "doc_id", "quote", "truncated", "redacted")
#: The values of :func:`code_lift`'s ``verdict`` with the default groups.
VERDICTS = ("drives detractors", "drives promoters", "small effect", "no evidence", "withheld")

_NPS_GROUPS = ("detractor", "passive", "promoter")
_MEASURES = ("count", "jaccard", "lift")
# A quote shorter than this rarely shows what a code means ("Delivery.", "Bad.")
_MIN_QUOTE_CHARS = 20
# Sentence ends: . ! ? … (with closing quotes or brackets) before a space or the
# end; the Chinese full-width ends need no space after them.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)|[。！？]+[”’」』）]*")
_TERMINAL = re.compile(r"(?:[.!?…]+[\"'”’»)\]]*|[。！？]+[”’」』）]*)\s*$")


# --------------------------------------------------------------------------
# argument checks
# --------------------------------------------------------------------------

def _thresholds(min_n_privacy, min_n_reliable):
    return (_check_count(min_n_privacy, "min_n_privacy", config.MIN_N_PRIVACY),
            _check_count(min_n_reliable, "min_n_reliable", config.MIN_N_RELIABLE))


def _check_name(value, parameter, example):
    if not isinstance(value, str) or not value:
        raise ParameterError("must be a column name", parameter=parameter, value=value,
                             fix=f"use e.g. {parameter}={example!r}")


def _check_coded(coded, id, code):
    check_frame(coded, "coded", fix="pass the coded table, one row per document x code")
    _check_name(id, "id", "doc_id")
    _check_name(code, "code", "code")
    check_columns(coded, id, "id", where="coded")
    check_columns(coded, code, "code", where="coded")


def _check_codebook(codebook):
    if codebook is not None and not isinstance(codebook, Codebook):
        raise ParameterError("expected a Codebook", parameter="codebook",
                             value=type(codebook).__name__,
                             fix="pass load_codebook(...) or None")


def _check_clash(by, taken, function):
    for name in by:
        if name in taken:
            raise ParameterError(f"a grouping column's name clashes with an output column of "
                                 f"{function}", parameter="by", value=name,
                                 fix=f"rename the column (e.g. to '{name}_group') first")


def _documents(docs, id, parameter="docs"):
    """The document ids of ``docs`` as an Index, after checking each is present and unique."""
    check_frame(docs, parameter, fix="pass one row per document with its id and context columns")
    _check_name(id, "id", "doc_id")
    check_columns(docs, id, "id", where=parameter)
    ids = docs[id]
    missing = ids.isna().to_numpy()
    if missing.any():
        pos = int(np.argmax(missing))
        raise DataValidationError("document id is missing", column=id, value=None,
                                  row=_row_label(docs, pos),
                                  fix=f"give every row of {parameter} an id, or drop the row")
    duplicated = ids.duplicated().to_numpy()
    if duplicated.any():
        pos = int(np.argmax(duplicated))
        raise DataValidationError(f"document id appears twice; {parameter} must hold one row "
                                  f"per document", column=id, value=_plain(ids.iloc[pos]),
                                  row=_row_label(docs, pos),
                                  fix=f"drop the duplicates ({parameter}.drop_duplicates({id!r}))")
    return pd.Index(ids.to_numpy(dtype=object))


# --------------------------------------------------------------------------
# documents x codes
# --------------------------------------------------------------------------

@dataclass
class _Coding:
    """Which code applies to which document (internal)."""

    codes: list               # code ids, in output order
    applied: np.ndarray       # (documents, codes) bool, parents rolled up
    labels: list | None = None
    parents: list | None = None
    levels: list | None = None


def _coding(coded, doc_ids, id, code, codebook=None, *, docs_name="docs"):
    """The documents x codes table of ``coded``, on the documents of ``doc_ids``."""
    rows = coded[[id, code]].dropna()
    position = doc_ids.get_indexer(pd.Index(rows[id].to_numpy(dtype=object)))
    outside = position < 0
    if outside.any():
        n_docs = rows[id][outside].nunique()
        warnings.warn(f"{int(outside.sum())} coded rows ({n_docs} documents) are not in "
                      f"{docs_name} and were left out; pass the matching documents to count them",
                      CXResearchWarning, stacklevel=3)
    values = rows[code].to_numpy(dtype=object)
    present = list(pd.unique(values))
    labels = parents = levels = None
    if codebook is not None:
        unknown = [c for c in present if c not in codebook]
        if unknown:
            shown = ", ".join(map(repr, unknown[:10]))
            warnings.warn(f"codes not in codebook {codebook.name!r}: {shown}; they are shown as "
                          f"top-level codes labelled with their id", CXResearchWarning,
                          stacklevel=3)
        codes = codebook.ids + sorted(unknown, key=str)
    else:
        codes = sorted(present, key=str)
    where = pd.Index(codes).get_indexer(values)
    applied = np.zeros((len(doc_ids), len(codes)), dtype=bool)
    applied[position[~outside], where[~outside]] = True
    if codebook is not None:
        column = {c: j for j, c in enumerate(codes)}
        for item in codebook.codes:
            below = [column[d.id] for d in codebook.descendants(item.id)]
            if below:
                applied[:, column[item.id]] |= applied[:, below].any(axis=1)
        labels = [codebook.get(c).label if c in codebook else str(c) for c in codes]
        parents = [codebook.get(c).parent if c in codebook else None for c in codes]
        levels = [_depth(codebook, c) if c in codebook else 0 for c in codes]
    elif codes:
        # most frequent first, ties by name: the order a reader scans a theme table in
        count = applied.sum(axis=0)
        rank = np.lexsort((np.arange(len(codes)), -count))
        codes = [codes[j] for j in rank]
        applied = applied[:, rank]
    return _Coding(codes=codes, applied=applied, labels=labels, parents=parents, levels=levels)


def _depth(codebook, code_id):
    depth, parent = 0, codebook.get(code_id).parent
    while parent is not None:
        depth, parent = depth + 1, codebook.get(parent).parent
    return depth


def _counts_per_group(groups, n_groups, applied, mask=None):
    """(groups, codes) number of documents carrying each code, over the rows in ``mask``."""
    keep = groups >= 0 if mask is None else (groups >= 0) & mask
    g = groups[keep]
    sub = applied[keep]
    out = np.zeros((n_groups, applied.shape[1]), dtype=np.int64)
    for j in range(applied.shape[1]):
        out[:, j] = np.bincount(g[sub[:, j]], minlength=n_groups)
    return out


def _tidy(keys, coding, code, n_groups, with_meta=True):
    """One row per group x code: the group keys, the code (and its codebook fields)."""
    n_codes = len(coding.codes)
    out = keys.iloc[np.repeat(np.arange(n_groups), n_codes)].reset_index(drop=True)
    out[code] = pd.Series(np.tile(np.array(coding.codes, dtype=object), n_groups), dtype=object)
    if with_meta and coding.labels is not None:
        out["label"] = np.tile(np.array(coding.labels, dtype=object), n_groups)
        out["parent"] = pd.Series(np.tile(np.array(coding.parents, dtype=object), n_groups),
                                  dtype=object)
        out["level"] = np.tile(np.array(coding.levels, dtype=np.int64), n_groups)
    return out


def _count_column(values, hidden):
    """Whole numbers, <NA> where the cell is withheld."""
    values = np.asarray(values, dtype=np.float64).round().astype(np.int64)
    return pd.arrays.IntegerArray(values, np.asarray(hidden, dtype=bool).copy())


def _wilson(x, n, ci):
    """Wilson score interval of the proportion x / n (NaN when n is 0)."""
    z = stats.norm.ppf(0.5 + ci / 2)
    x = np.asarray(x, dtype=np.float64)
    n = np.asarray(n, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = x / n
        denominator = 1 + z ** 2 / n
        centre = (p + z ** 2 / (2 * n)) / denominator
        half = z * np.sqrt(p * (1 - p) / n + z ** 2 / (4 * n ** 2)) / denominator
    return np.clip(centre - half, 0.0, 1.0), np.clip(centre + half, 0.0, 1.0)


# --------------------------------------------------------------------------
# how often
# --------------------------------------------------------------------------

def code_frequencies(coded, docs, by=None, *, id="doc_id", code="code", ci=0.95,
                     min_n_privacy=None, min_n_reliable=None, codebook=None):
    """How often each code comes up: share of documents, per group, with a Wilson interval.

    Parameters
    ----------
    coded : pandas.DataFrame
        One row per document x code (extra columns such as ``span`` are
        ignored; several rows of one document and code count once).
    docs : pandas.DataFrame
        One row per document: the denominators. Documents without any code
        count too. Coded rows of documents not in ``docs`` are left out with a
        :class:`~cxresearch.exceptions.CXResearchWarning`.
    by : str or list of str, optional
        Column(s) of ``docs`` to group by (segment, touchpoint, language...).
        Documents whose key is missing belong to no group.
    id, code : str, default "doc_id", "code"
        Document id column (in both tables) and code column of ``coded``.
    ci : float, default 0.95
        Confidence level of the interval.
    min_n_privacy, min_n_reliable : int, optional
        Groups with fewer documents are withheld / flagged unreliable
        (defaults ``config.MIN_N_PRIVACY``, ``config.MIN_N_RELIABLE``).
    codebook : Codebook, optional
        Adds ``label``, ``parent`` and ``level`` (0 = top level), lists every
        code of the codebook (zeros included) in its order, and rolls child
        codes up: a parent counts a document when the parent or any of its
        descendants applies. Codes missing from the codebook are kept as
        top-level codes labelled with their id, with a warning.

    Returns
    -------
    pandas.DataFrame
        One row per group x code, sorted by group, then by code (codebook
        order with a codebook, otherwise most frequent overall first):

        * the ``by`` columns, the code column (named as in ``coded``), and
          with a codebook ``label``, ``parent``, ``level``
        * ``n_docs``: documents in the group (the denominator)
        * ``n_coded``: documents of the group carrying the code (``<NA>``
          when withheld)
        * ``share``: n_coded / n_docs, 0-1
        * ``ci_low``, ``ci_high``: Wilson interval of the share
        * ``reliable``: n_docs >= min_n_reliable (and not withheld)
        * ``withheld``: n_docs < min_n_privacy; ``n_docs`` stays, every other
          value is missing.

    Notes
    -----
    Wilson score interval (Wilson 1927): with p = x / n and z the normal
    quantile, (p + z^2/2n +/- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n). It
    keeps its coverage for rare codes and small groups, where the Wald
    interval p +/- z sqrt(p(1-p)/n) collapses to zero width at p = 0. It is
    ``statsmodels.stats.proportion.proportion_confint(method="wilson")``.

    Shares of different codes overlap (a document can carry several codes),
    so they do not add up to 1.

    References
    ----------
    Wilson, E. B. (1927). Probable inference, the law of succession, and
    statistical inference. JASA, 22(158), 209-212.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.coding.analysis import code_frequencies
    >>> docs = pd.DataFrame({"doc_id": range(1, 21), "segment": ["Gold"] * 10 + ["Bronze"] * 10})
    >>> coded = pd.DataFrame({"doc_id": [1, 2, 3, 4, 11, 1, 12],
    ...                       "code": ["delivery"] * 5 + ["price_value"] * 2})
    >>> table = code_frequencies(coded, docs, by="segment")
    >>> table[["segment", "code", "n_docs", "n_coded", "share", "withheld"]]
      segment         code  n_docs  n_coded  share  withheld
    0  Bronze     delivery      10        1    0.1     False
    1  Bronze  price_value      10        1    0.1     False
    2    Gold     delivery      10        4    0.4     False
    3    Gold  price_value      10        1    0.1     False
    >>> table[["ci_low", "ci_high"]].iloc[2].round(3).tolist()
    [0.168, 0.687]
    """
    ci = _check_ci(ci)
    min_n_privacy, min_n_reliable = _thresholds(min_n_privacy, min_n_reliable)
    _check_codebook(codebook)
    by = _as_list(by)
    doc_ids = _documents(docs, id)
    _check_coded(coded, id, code)
    check_columns(docs, by, "by", where="docs")
    _check_clash(by, {code, "label", "parent", "level", *CODE_FREQUENCY_COLUMNS},
                 "code_frequencies")

    coding = _coding(coded, doc_ids, id, code, codebook)
    groups, keys = _group_codes(docs, by)
    n_groups = len(keys)
    n_docs = np.bincount(groups[groups >= 0], minlength=n_groups)
    n_coded = _counts_per_group(groups, n_groups, coding.applied)
    low, high = _wilson(n_coded, n_docs[:, None], ci)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = n_coded / n_docs[:, None]

    n_codes = len(coding.codes)
    out = _tidy(keys, coding, code, n_groups)
    docs_long = np.repeat(n_docs, n_codes)
    hidden = docs_long < min_n_privacy
    out["n_docs"] = docs_long.astype(np.int64)
    out["n_coded"] = _count_column(n_coded.ravel(), hidden)
    for name, values in (("share", share), ("ci_low", low), ("ci_high", high)):
        out[name] = np.where(hidden, np.nan, values.ravel())
    out["reliable"] = (docs_long >= min_n_reliable) & ~hidden
    out["withheld"] = hidden
    return out


# --------------------------------------------------------------------------
# what goes with what
# --------------------------------------------------------------------------

def code_cooccurrence(coded, *, id="doc_id", code="code", measure="count", form="matrix",
                      docs=None):
    """Which codes come up in the same documents: a code x code matrix or a list of pairs.

    Parameters
    ----------
    coded : pandas.DataFrame
        One row per document x code.
    id, code : str, default "doc_id", "code"
        Document id and code columns.
    measure : {"count", "jaccard", "lift"}, default "count"
        What a cell holds (see Notes).
    form : {"matrix", "long"}, default "matrix"
        A square DataFrame, or a tidy table of the pairs.
    docs : pandas.DataFrame, optional
        One row per document (with the ``id`` column): the documents of the
        study, for the lift's total N. Without it N is the number of coded
        documents, which leaves out the documents with no code and so
        understates every lift.

    Returns
    -------
    pandas.DataFrame
        ``form="matrix"``: codes as index and columns (most frequent first),
        the diagonal holding each code's own count (count), 1 (jaccard) or
        NaN (lift); ``attrs`` records ``measure`` and ``n_docs``.

        ``form="long"``: one row per pair of different codes (each pair
        once), sorted by ``measure`` (largest first), with columns
        ``code_a``, ``code_b``, ``n_a``, ``n_b`` (documents with each code),
        ``n_both``, ``jaccard``, ``lift``.

    Notes
    -----
    With n_a, n_b the documents carrying each code, n_ab those carrying both
    and N all documents:

    * count: n_ab;
    * jaccard: n_ab / (n_a + n_b - n_ab), 0 (never together) to 1 (always);
    * lift: n_ab N / (n_a n_b), observed over expected if the two codes
      were independent; above 1 they go together more than chance.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.coding.analysis import code_cooccurrence
    >>> coded = pd.DataFrame({"doc_id": [1, 1, 2, 2, 3, 4],
    ...                       "code": ["delivery", "communication", "delivery",
    ...                                "communication", "delivery", "price_value"]})
    >>> code_cooccurrence(coded)  # doctest: +NORMALIZE_WHITESPACE
    code           delivery  communication  price_value
    code
    delivery              3              2            0
    communication         2              2            0
    price_value           0              0            1
    >>> code_cooccurrence(coded, form="long", measure="jaccard").round(3).head(1)
         code_a         code_b  n_a  n_b  n_both  jaccard   lift
    0  delivery  communication    3    2       2    0.667  1.333
    """
    if measure not in _MEASURES:
        raise ParameterError("unknown co-occurrence measure", parameter="measure", value=measure,
                             fix="use 'count', 'jaccard' or 'lift'")
    if form not in ("matrix", "long"):
        raise ParameterError("unknown output form", parameter="form", value=form,
                             fix="use 'matrix' or 'long'")
    _check_coded(coded, id, code)
    if docs is not None:
        doc_ids = _documents(docs, id)
    else:
        doc_ids = pd.Index(pd.unique(coded[id].dropna().to_numpy(dtype=object)))
    coding = _coding(coded, doc_ids, id, code)
    n_total = len(doc_ids)
    counts = coding.applied.astype(np.float64)
    both = (counts.T @ counts).round().astype(np.int64)
    n = np.diag(both).copy()
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = both / (n[:, None] + n[None, :] - both)
        lift = both * float(n_total) / (n[:, None] * n[None, :]).astype(np.float64)
    np.fill_diagonal(lift, np.nan)

    if form == "matrix":
        values = {"count": both, "jaccard": jaccard, "lift": lift}[measure]
        index = pd.Index(coding.codes, name=code, dtype=object)
        matrix = pd.DataFrame(values, index=index, columns=index.copy())
        matrix.attrs.update(measure=measure, n_docs=n_total)
        return matrix
    i, j = np.triu_indices(len(coding.codes), k=1)
    codes = np.array(coding.codes, dtype=object)
    pairs = pd.DataFrame({"code_a": codes[i], "code_b": codes[j], "n_a": n[i], "n_b": n[j],
                          "n_both": both[i, j], "jaccard": jaccard[i, j], "lift": lift[i, j]})
    key = {"count": "n_both", "jaccard": "jaccard", "lift": "lift"}[measure]
    pairs = pairs.sort_values(key, ascending=False, kind="stable", na_position="last")
    return pairs.reset_index(drop=True)


# --------------------------------------------------------------------------
# why: codes over-represented among detractors
# --------------------------------------------------------------------------

def _check_groups(groups):
    ok = (isinstance(groups, (tuple, list)) and len(groups) == 2
          and all(isinstance(g, str) and g in _NPS_GROUPS for g in groups)
          and groups[0] != groups[1])
    if not ok:
        raise ParameterError("groups must be two different NPS groups", parameter="groups",
                             value=groups, fix='use e.g. groups=("detractor", "promoter")')
    return tuple(groups)


def _check_positive(value, parameter, example, *, above=0.0, below=None):
    if (isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value)
            or value <= above or (below is not None and value >= below)):
        limits = f"above {above:g}" + (f" and below {below:g}" if below is not None else "")
        raise ParameterError(f"must be a number {limits}", parameter=parameter, value=value,
                             fix=f"use e.g. {parameter}={example}")
    return float(value)


def _two_by_two_tests(xa, na, xb, nb):
    """Two-sided p-value per row: Fisher's exact test when an expected count is
    below 5 (Cochran's rule), otherwise Pearson's chi-square without continuity
    correction (the same p as the two-proportion z-test)."""
    a, b = xa, na - xa
    c, d = xb, nb - xb
    total = na + nb
    coded_total = a + c
    with np.errstate(divide="ignore", invalid="ignore"):
        expected_min = (np.minimum(na, nb) * np.minimum(coded_total, total - coded_total)
                        / total)
        chi2 = total * (a * d - b * c) ** 2 / (na * nb * coded_total * (total - coded_total))
    p = stats.chi2.sf(chi2, 1)
    fisher = expected_min < 5
    test = np.where(fisher, "fisher", "chi2").astype(object)
    for k in np.flatnonzero(fisher & (na > 0) & (nb > 0)):
        table = [[int(a[k]), int(b[k])], [int(c[k]), int(d[k])]]
        p[k] = stats.fisher_exact(table, alternative="two-sided").pvalue
    return test, p


def _katz_interval(xa, na, xb, nb, ci):
    """Katz log interval of the ratio (xa/na) / (xb/nb); 0.5 is added to the
    coded counts (1 to the group sizes) of a row where either coded count is
    0, for the interval only."""
    z = stats.norm.ppf(0.5 + ci / 2)
    zero = (xa == 0) | (xb == 0)
    xa_, xb_ = np.where(zero, xa + 0.5, xa), np.where(zero, xb + 0.5, xb)
    na_, nb_ = np.where(zero, na + 1.0, na), np.where(zero, nb + 1.0, nb)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_ratio = np.log((xa_ / na_) / (xb_ / nb_))
        se = np.sqrt(1 / xa_ - 1 / na_ + 1 / xb_ - 1 / nb_)
    return np.exp(log_ratio - z * se), np.exp(log_ratio + z * se)


def code_lift(coded, docs, *, score="nps", by=None, id="doc_id", code="code",
              groups=("detractor", "promoter"), alpha=0.05, min_lift=1.25, ci=0.95,
              min_n_privacy=None, min_n_reliable=None, codebook=None):
    """Which codes are over-represented among detractors: the "why" behind the score.

    For each code (per group of ``by``), compares the share of detractors
    (NPS 0-6) whose comment carries it with the share of promoters (9-10),
    tests the difference, adjusts the p-values for the number of codes x
    groups tested, and says in plain words what the evidence supports.

    Parameters
    ----------
    coded : pandas.DataFrame
        One row per document x code.
    docs : pandas.DataFrame
        One row per document with its NPS answer (documents without a code
        count too; a missing answer leaves the document out).
    score : str, default "nps"
        Likelihood-to-recommend column of ``docs``, whole numbers 0-10.
    by : str or list of str, optional
        Column(s) of ``docs`` to compare within (segment, touchpoint...).
    id, code : str, default "doc_id", "code"
        Document id and code columns.
    groups : (str, str), default ("detractor", "promoter")
        The two NPS groups compared, first over second: two of "detractor"
        (0-6), "passive" (7-8), "promoter" (9-10). Output columns and
        verdicts are named after them.
    alpha : float, default 0.05
        False-discovery rate: a code is called a driver when its
        Benjamini-Hochberg adjusted p-value is below ``alpha``...
    min_lift : float, default 1.25
        ... and its lift is at least ``min_lift`` (drives the first group) or
        at most 1 / ``min_lift`` (drives the second): a difference too small to
        act on is called a "small effect" however significant.
    ci : float, default 0.95
        Confidence level of the lift interval.
    min_n_privacy, min_n_reliable : int, optional
        Withholding and reliability thresholds (defaults from ``config``);
        see Returns.
    codebook : Codebook, optional
        Adds ``label`` and rolls child codes up into their parents, as in
        :func:`code_frequencies`; parents are then tested too.

    Returns
    -------
    pandas.DataFrame
        One row per group x code (order as in :func:`code_frequencies`). With
        the default groups the columns are:

        * the ``by`` columns, the code column, ``label`` (with a codebook)
        * ``n_detractors``, ``n_promoters``: documents in each NPS group
        * ``detractors_coded``, ``promoters_coded``: of those, carrying the code
        * ``share_detractors``, ``share_promoters``: the two shares
        * ``lift``: share_detractors / share_promoters (inf when no promoter
          carries the code), ``lift_ci_low``, ``lift_ci_high``: Katz log interval
        * ``risk_difference``: share_detractors - share_promoters
        * ``odds_ratio``: sample odds ratio
        * ``cohens_h``: 2 asin sqrt(share_detractors) - 2 asin sqrt(share_promoters)
        * ``test``: "fisher" or "chi2", the test behind ``p_value`` (two-sided)
        * ``p_adjusted``: Benjamini-Hochberg over all codes x groups of the
          table together (withheld rows left out)
        * ``verdict``: "drives detractors", "drives promoters", "small
          effect" (significant but within ``min_lift``), "no evidence" or
          "withheld"
        * ``n_with``, ``n_without``: documents with an answer (any of 0-10)
          with and without the code; ``mean_with``, ``mean_without``,
          ``mean_difference``: their mean 0-10 answer and its difference;
          ``nps_with``, ``nps_without``: their NPS in points. Missing when
          either side has fewer than ``min_n_privacy`` documents.
        * ``reliable``: both NPS groups have at least ``min_n_reliable``
          documents (and the row is not withheld)
        * ``withheld``: an NPS group has fewer than ``min_n_privacy``
          documents; the group sizes stay, every other value is missing.

    Raises
    ------
    ParameterError
        Unknown column, bad ``groups``, ``alpha``, ``min_lift`` or threshold.
    DataValidationError
        A score that is not a whole number 0-10; a missing or duplicated
        document id in ``docs``.

    Notes
    -----
    With x_a of the n_a documents of the first group and x_b of the n_b of
    the second carrying the code:

    * lift = (x_a / n_a) / (x_b / n_b); Katz et al. (1978) interval
      exp(log lift +/- z sqrt(1/x_a - 1/n_a + 1/x_b - 1/n_b)), with 0.5
      added to x_a and x_b (1 to n_a and n_b) when either is 0;
    * odds ratio = x_a (n_b - x_b) / (x_b (n_a - x_a));
    * the 2 x 2 table is tested with Fisher's exact test when its smallest
      expected count is below 5, otherwise with Pearson's chi-square without
      continuity correction (equal to the two-proportion z-test).

    "Drives" is the report's word for an association in these data, not a
    proof of cause: a code can go with low scores because the customers who
    mention it are unhappy for other reasons too. Documents without an
    answer, and passives (with the default groups), are left out of the
    comparison but not of ``n_with``/``mean_with``.

    References
    ----------
    Katz, D., Baptista, J., Azen, S. P. & Pike, M. C. (1978). Obtaining
    confidence intervals for the risk ratio in cohort studies. Biometrics,
    34(3), 469-474.
    Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery
    rate. JRSS B, 57(1), 289-300.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.coding.analysis import code_lift
    >>> docs = pd.DataFrame({"doc_id": range(1, 61),
    ...                      "nps": [3] * 30 + [10] * 30})
    >>> coded = pd.DataFrame({
    ...     "doc_id": list(range(1, 16)) + [31, 32, 33] + [1, 2, 3, 31, 32, 33],
    ...     "code": ["delivery"] * 18 + ["price_value"] * 6})
    >>> table = code_lift(coded, docs)
    >>> table[["code", "share_detractors", "share_promoters", "lift", "verdict"]]
              code  share_detractors  share_promoters  lift            verdict
    0     delivery               0.5              0.1   5.0  drives detractors
    1  price_value               0.1              0.1   1.0        no evidence
    >>> str(table.loc[0, "test"]), round(float(table.loc[0, "p_value"]), 6)
    ('chi2', 0.000723)
    """
    ci = _check_ci(ci)
    groups = _check_groups(groups)
    alpha = _check_positive(alpha, "alpha", 0.05, below=1.0)
    if (isinstance(min_lift, bool) or not isinstance(min_lift, numbers.Real)
            or not np.isfinite(min_lift) or min_lift < 1):
        raise ParameterError("must be a number, 1 or more", parameter="min_lift", value=min_lift,
                             fix="use e.g. min_lift=1.25 (1 calls every significant code a driver)")
    min_lift = float(min_lift)
    min_n_privacy, min_n_reliable = _thresholds(min_n_privacy, min_n_reliable)
    _check_codebook(codebook)
    by = _as_list(by)
    doc_ids = _documents(docs, id)
    _check_coded(coded, id, code)
    _check_name(score, "score", "nps")
    check_columns(docs, score, "score", where="docs")
    check_columns(docs, by, "by", where="docs")
    first, second = (f"{g}s" for g in groups)
    columns = _lift_columns(first, second)
    _check_clash(by, {code, "label", *columns}, "code_lift")
    if score in by:
        raise ParameterError("cannot group by the score column itself", parameter="by",
                             value=score, fix="group by another column (segment, touchpoint...)")

    points = _scale_points(docs, score, 0, 10, "score")
    category = np.select([points < 0, points <= 6, points <= 8],
                         ["", "detractor", "passive"], default="promoter")
    coding = _coding(coded, doc_ids, id, code, codebook)
    keys_codes, keys = _group_codes(docs, by)
    n_groups = len(keys)
    applied = coding.applied

    in_a = category == groups[0]
    in_b = category == groups[1]
    answered = points >= 0
    has = keys_codes >= 0
    na = np.bincount(keys_codes[has & in_a], minlength=n_groups).astype(np.float64)[:, None]
    nb = np.bincount(keys_codes[has & in_b], minlength=n_groups).astype(np.float64)[:, None]
    xa = _counts_per_group(keys_codes, n_groups, applied, in_a).astype(np.float64)
    xb = _counts_per_group(keys_codes, n_groups, applied, in_b).astype(np.float64)
    na, nb = np.broadcast_to(na, xa.shape), np.broadcast_to(nb, xb.shape)

    with np.errstate(divide="ignore", invalid="ignore"):
        share_a, share_b = xa / na, xb / nb
        lift = share_a / share_b
        odds_ratio = (xa * (nb - xb)) / (xb * (na - xa))
        cohens_h = 2 * np.arcsin(np.sqrt(share_a)) - 2 * np.arcsin(np.sqrt(share_b))
    lift_low, lift_high = _katz_interval(xa, na, xb, nb, ci)
    test, p_value = _two_by_two_tests(xa.ravel(), na.ravel(), xb.ravel(), nb.ravel())

    # with / without the code, over every answered document of the group
    answered_g = keys_codes[has & answered]
    values = points[has & answered].astype(np.float64)
    sub = applied[has & answered]
    net = np.where(values >= 9, 1.0, np.where(values <= 6, -1.0, 0.0))
    n_all = np.bincount(answered_g, minlength=n_groups).astype(np.float64)[:, None]
    sum_all = np.bincount(answered_g, weights=values, minlength=n_groups)[:, None]
    net_all = np.bincount(answered_g, weights=net, minlength=n_groups)[:, None]
    n_with = np.zeros(xa.shape)
    sum_with = np.zeros(xa.shape)
    net_with = np.zeros(xa.shape)
    for j in range(applied.shape[1]):
        rows = sub[:, j]
        n_with[:, j] = np.bincount(answered_g[rows], minlength=n_groups)
        sum_with[:, j] = np.bincount(answered_g[rows], weights=values[rows], minlength=n_groups)
        net_with[:, j] = np.bincount(answered_g[rows], weights=net[rows], minlength=n_groups)
    n_without = n_all - n_with
    with np.errstate(divide="ignore", invalid="ignore"):
        mean_with = sum_with / n_with
        mean_without = (sum_all - sum_with) / n_without
        nps_with = 100 * net_with / n_with
        nps_without = 100 * (net_all - net_with) / n_without

    hidden = ((na < min_n_privacy) | (nb < min_n_privacy)).ravel()
    small_sides = hidden | ((n_with < min_n_privacy) | (n_without < min_n_privacy)).ravel()
    p_value = np.where(hidden, np.nan, p_value)
    p_adjusted = adjust_pvalues(p_value)
    lift_flat = lift.ravel()
    with np.errstate(invalid="ignore"):
        significant = p_adjusted < alpha
        verdict = np.select(
            [hidden, significant & (lift_flat >= min_lift),
             significant & (lift_flat <= 1 / min_lift), significant],
            ["withheld", f"drives {first}", f"drives {second}", "small effect"],
            default="no evidence")

    out = _tidy(keys, coding, code, n_groups, with_meta=False)
    if coding.labels is not None:
        out["label"] = np.tile(np.array(coding.labels, dtype=object), n_groups)
    out[f"n_{first}"] = na.ravel().astype(np.int64)
    out[f"n_{second}"] = nb.ravel().astype(np.int64)
    out[f"{first}_coded"] = _count_column(xa.ravel(), hidden)
    out[f"{second}_coded"] = _count_column(xb.ravel(), hidden)
    numbers_ = {f"share_{first}": share_a, f"share_{second}": share_b, "lift": lift,
                "lift_ci_low": lift_low, "lift_ci_high": lift_high,
                "risk_difference": share_a - share_b, "odds_ratio": odds_ratio,
                "cohens_h": cohens_h}
    for name, values_ in numbers_.items():
        out[name] = np.where(hidden, np.nan, np.asarray(values_, dtype=np.float64).ravel())
    out["test"] = pd.Series(np.where(hidden, None, test), dtype=object)
    out["p_value"] = p_value
    out["p_adjusted"] = p_adjusted
    out["verdict"] = verdict.astype(object)
    out["n_with"] = _count_column(n_with.ravel(), hidden)
    out["n_without"] = _count_column(n_without.ravel(), hidden)
    for name, values_ in (("mean_with", mean_with), ("mean_without", mean_without),
                          ("mean_difference", mean_with - mean_without),
                          ("nps_with", nps_with), ("nps_without", nps_without)):
        out[name] = np.where(small_sides, np.nan, np.asarray(values_, dtype=np.float64).ravel())
    out["reliable"] = ((na >= min_n_reliable) & (nb >= min_n_reliable)).ravel() & ~hidden
    out["withheld"] = hidden
    return out


def _lift_columns(first, second):
    names = list(CODE_LIFT_COLUMNS)
    rename = {"detractors": first, "promoters": second}
    return [re.sub(r"detractors|promoters", lambda m: rename[m.group(0)], name) for name in names]


# --------------------------------------------------------------------------
# with which sentiment
# --------------------------------------------------------------------------

def sentiment_by_code(coded, sentiment_scores, *, id="doc_id", code="code", score="compound",
                      ci=0.95, negative=NEGATIVE_THRESHOLD, positive=POSITIVE_THRESHOLD,
                      min_n_privacy=None, min_n_reliable=None):
    """Mean sentiment of the documents carrying each code, with a t interval.

    Parameters
    ----------
    coded : pandas.DataFrame
        One row per document x code.
    sentiment_scores : pandas.DataFrame
        One row per document with its id (a column, or the index when it is
        named ``id``) and a numeric score, e.g.
        ``sentiment(docs["text"], docs["language"]).assign(doc_id=docs["doc_id"])``.
        Documents whose score is missing (not English, no text) are left out
        of the mean and counted in ``n_coded`` only.
    id, code : str, default "doc_id", "code"
        Document id and code columns.
    score : str, default "compound"
        Score column (VADER's compound score, -1 to 1).
    ci : float, default 0.95
        Confidence level of the interval of the mean.
    negative, positive : float
        A score at or below ``negative`` counts as negative, at or above
        ``positive`` as positive (VADER's -0.05 and 0.05).
    min_n_privacy, min_n_reliable : int, optional
        Codes with fewer scored documents are withheld / flagged unreliable.

    Returns
    -------
    pandas.DataFrame
        One row per code, most frequent first, columns: the code column,
        ``n_coded`` (documents carrying the code), ``n_scored`` (of those,
        with a score: the mean's n), ``mean``, ``sd``, ``ci_low``, ``ci_high``
        (t interval, n_scored - 1 degrees of freedom), ``share_negative``,
        ``share_positive`` (shares of the scored documents), ``reliable``,
        ``withheld`` (n_scored < min_n_privacy: the values are missing).

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.coding.analysis import sentiment_by_code
    >>> scores = pd.DataFrame({"doc_id": range(1, 13),
    ...     "compound": [-0.6, -0.4, -0.5, 0.3, -0.7, -0.2, -0.6, 0.0, -0.3, -0.8, None, 0.5]})
    >>> coded = pd.DataFrame({"doc_id": range(1, 13), "code": "delivery"})
    >>> table = sentiment_by_code(coded, scores)
    >>> table[["code", "n_coded", "n_scored", "mean", "share_negative", "share_positive"]]
           code  n_coded  n_scored  mean  share_negative  share_positive
    0  delivery       12        11  -0.3        0.727273        0.181818
    """
    ci = _check_ci(ci)
    min_n_privacy, min_n_reliable = _thresholds(min_n_privacy, min_n_reliable)
    _check_coded(coded, id, code)
    check_frame(sentiment_scores, "sentiment_scores",
                fix="pass one row per document with its id and score")
    _check_name(score, "score", "compound")
    for value, name in ((negative, "negative"), (positive, "positive")):
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value):
            raise ParameterError("must be a number", parameter=name, value=value)
    if negative > positive:
        raise ParameterError("the negative threshold is above the positive one",
                             parameter="negative", value=negative,
                             fix="use e.g. negative=-0.05, positive=0.05")
    scores = sentiment_scores
    if id not in scores.columns:
        if scores.index.name == id:
            scores = scores.reset_index()
        else:
            raise ParameterError("no such column in sentiment_scores (nor an index of that name)",
                                 column=id, parameter="id",
                                 fix=f"add the document ids, e.g. .assign({id}=docs[{id!r}]); "
                                     f"columns are: {available_columns(sentiment_scores)}")
    check_columns(scores, score, "score", where="sentiment_scores")
    values = scores[score]
    if pd.api.types.is_bool_dtype(values.dtype) or not pd.api.types.is_numeric_dtype(values.dtype):
        notna = values.notna().to_numpy()
        pos = int(np.argmax(notna)) if notna.any() else 0
        raise DataValidationError(f"sentiment scores must be numbers, found {values.dtype} values",
                                  column=score,
                                  value=_plain(values.iloc[pos]) if len(values) else None,
                                  row=_row_label(scores, pos) if len(values) else None,
                                  fix=f"convert {score!r} to numbers (pd.to_numeric)")
    score_ids = _documents(scores, id, parameter="sentiment_scores")
    doc_ids = pd.Index(pd.unique(coded[id].dropna().to_numpy(dtype=object)))
    coding = _coding(coded, doc_ids, id, code)
    at = score_ids.get_indexer(doc_ids)
    s = values.to_numpy(dtype=np.float64, na_value=np.nan)
    s = np.where(at >= 0, s[np.maximum(at, 0)] if len(s) else np.nan, np.nan)
    scored = ~np.isnan(s)

    rows = []
    for j, name in enumerate(coding.codes):
        carrying = coding.applied[:, j]
        x = s[carrying & scored]
        n = len(x)
        mean = x.mean() if n else np.nan
        sd = x.std(ddof=1) if n > 1 else np.nan
        if n > 1:
            half = stats.t.ppf(0.5 + ci / 2, n - 1) * sd / np.sqrt(n)
        else:
            half = np.nan
        rows.append((name, int(carrying.sum()), n, mean, sd, mean - half, mean + half,
                     (x <= negative).mean() if n else np.nan,
                     (x >= positive).mean() if n else np.nan))
    out = pd.DataFrame(rows, columns=[code, *SENTIMENT_BY_CODE_COLUMNS[:-2]])
    out[code] = out[code].astype(object)
    hidden = out["n_scored"].to_numpy() < min_n_privacy
    for name in ("mean", "sd", "ci_low", "ci_high", "share_negative", "share_positive"):
        out[name] = np.where(hidden, np.nan, out[name].to_numpy(dtype=np.float64))
    out["reliable"] = (out["n_scored"].to_numpy() >= min_n_reliable) & ~hidden
    out["withheld"] = hidden
    return out


# --------------------------------------------------------------------------
# in whose words
# --------------------------------------------------------------------------

def _sentences(text):
    """(start, end) of each sentence of ``text``, without surrounding blanks."""
    spans, begin = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((begin, match.end()))
        begin = match.end()
    if begin < len(text):
        spans.append((begin, len(text)))
    out = []
    for start, end in spans:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if end - trail > start + lead:
            out.append((start + lead, end - trail))
    return out


def _locate(text, span, start, end):
    """Where the matched words sit in the text: (start, end) or None."""
    if start is not None and end is not None and 0 <= start < end <= len(text):
        if span is None or text[start:end].casefold() == span.casefold():
            return start, end
    if span:
        found = re.search(re.escape(span), text, flags=re.IGNORECASE)
        if found:
            return found.start(), found.end()
    return None


def _complete(piece):
    """A sentence that starts like one and ends with its punctuation."""
    stripped = piece.strip()
    if not stripped or not _TERMINAL.search(stripped):
        return False
    first = next((ch for ch in stripped if ch.isalpha()), "")
    return not first.islower()


def _whole_number(value):
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number == value else None


def _candidate(text, span, start, end):
    """The passage to quote from one document and how good a quote it makes."""
    location = _locate(text, span, start, end)
    sentences = _sentences(text) or [(0, len(text))]
    if location is None:
        region = (sentences[0][0], sentences[-1][1])
    else:
        hit = [(s, e) for s, e in sentences if s < max(location[1], location[0] + 1)
               and e > location[0]] or [min(sentences, key=lambda se: abs(se[0] - location[0]))]
        region = (hit[0][0], hit[-1][1])
    piece = text[region[0]:region[1]]
    return region, location, piece


def _cut(text, region, location, pii, max_chars):
    """Shorten a passage to about ``max_chars`` at word edges, around the matched
    words, never through a piece of personal data (which is kept whole or left out)."""
    start, end = region
    for s, e in pii:  # a value crossing the passage's edge is taken in whole
        if s < start < e:
            start = s
        if s < end < e:
            end = e
    if end - start <= max_chars:
        return start, end, False
    lo = start
    if location is not None:  # the matched words, with about a third of the rest before them
        lo = location[0] - max(0, max_chars - (location[1] - location[0])) // 3
    lo = max(start, min(lo, end - max_chars))
    hi = lo + max_chars
    if lo > start:  # start at a word
        space = text.find(" ", lo, hi)
        lo = space + 1 if space >= 0 else lo
    if hi < end:  # end at a word
        space = text.rfind(" ", lo, hi)
        hi = space if space > lo else hi
    cut_lo, cut_hi = lo, hi
    for s, e in pii:  # a value the cut would split is left out...
        if s < lo < e:
            lo = e
        if s < hi < e:
            hi = s
    if hi <= lo:  # ... unless that leaves nothing: then it is taken in whole (and redacted)
        lo, hi = cut_lo, cut_hi
        for s, e in pii:
            if s < lo < e:
                lo = s
            if s < hi < e:
                hi = e
    return lo, hi, True


def _quote_text(text, lo, hi, pii, truncated_left, truncated_right):
    """The passage with each piece of personal data replaced, as ``redact_pii`` does."""
    pieces, at, redacted = [], lo, False
    for s, e, kind in pii:
        if s >= lo and e <= hi:
            pieces.append(text[at:s])
            pieces.append(f"[{kind}]")
            at = e
            redacted = True
    pieces.append(text[at:hi])
    quote = " ".join("".join(pieces).split())
    if truncated_left:
        quote = "…" + quote
    if truncated_right:
        quote = quote + "…"
    return quote, redacted


def select_quotes(coded, docs, *, text="text", id="doc_id", code="code", n=3, max_chars=200,
                  seed=0, by_score=None):
    """A few representative, PII-redacted quotes per code.

    Parameters
    ----------
    coded : pandas.DataFrame
        One row per document x code. Optional columns locate the words that
        carry the code: ``span`` (the matched text) and/or ``start``, ``end``
        (its character offsets in the document's text).
    docs : pandas.DataFrame
        One row per document, with its id and text.
    text : str, default "text"
        Text column of ``docs``.
    id, code : str, default "doc_id", "code"
        Document id and code columns.
    n : int, default 3
        Quotes per code (fewer when fewer documents qualify).
    max_chars : int, default 200
        Longest quote, about: a longer passage is cut at word edges around
        the matched words and marked with "…".
    seed : int, default 0
        Draws among equally good quotes are random with this seed, per code:
        the same seed gives the same quotes, and adding a code changes no
        other code's quotes.
    by_score : str, optional
        A 0-10 likelihood-to-recommend column of ``docs``: the first quote
        comes from a detractor and the second from a promoter when both
        exist, and the score and its NPS category are returned.

    Returns
    -------
    pandas.DataFrame
        One row per quote, codes in the order of :func:`code_frequencies`:
        ``code`` (named as in ``coded``), ``rank`` (1 = best), the id column,
        ``quote``, then with ``by_score`` the score column and ``category``
        (detractor, passive, promoter), then ``truncated`` (the passage was
        cut) and ``redacted`` (personal data in it was replaced).

    Notes
    -----
    How quotes are chosen, per code, among its documents with a text:

    1. The passage is the sentence holding the matched words (several when
       the match crosses a sentence end), or the whole text when the match is
       unknown.
    2. Passages are ranked: fitting in ``max_chars`` first, then holding the
       matched words (when ``span``/``start`` are given), then complete
       sentences (a capital or non-cased start, closing punctuation), then
       at least 20 characters; ties are broken at random (seeded), so the
       quotes are typical of their rank rather than picked for effect.
    3. One quote per document, and no two quotes with the same words.

    Personal data: every document's personal data is found with
    :func:`cxresearch.privacy.find_pii` on the whole text, a cut never splits
    one of its values, each value in the quote is replaced by ``[kind]`` and
    the finished quotes pass :func:`cxresearch.privacy.redact_pii` once more,
    so no e-mail, phone number, card, IBAN, token URL or street address the
    recognisers know reaches a report. Names of people are not recognised
    (see :mod:`cxresearch.privacy`): read the quotes before publishing them.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.coding.analysis import select_quotes
    >>> docs = pd.DataFrame({"doc_id": [1, 2], "text": [
    ...     "Great range. The delivery came two days late and nobody called.",
    ...     "Delivery was late again, call me on +44 20 7946 0958 please."]})
    >>> coded = pd.DataFrame({"doc_id": [1, 2], "code": "delivery", "span": "delivery"})
    >>> quotes = select_quotes(coded, docs, n=2)
    >>> for row in quotes.sort_values("doc_id").itertuples():
    ...     print(row.doc_id, row.quote, row.redacted)
    1 The delivery came two days late and nobody called. False
    2 Delivery was late again, call me on [phone] please. True
    """
    _check_coded(coded, id, code)
    doc_ids = _documents(docs, id)
    _check_name(text, "text", "text")
    check_columns(docs, text, "text", where="docs")
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ParameterError("must be a whole number, 1 or more", parameter="n", value=n,
                             fix="use e.g. n=3")
    if isinstance(max_chars, bool) or not isinstance(max_chars, numbers.Integral) or max_chars < 40:
        raise ParameterError("must be a whole number of characters, 40 or more",
                             parameter="max_chars", value=max_chars, fix="use e.g. max_chars=200")
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise ParameterError("must be a whole number", parameter="seed", value=seed,
                             fix="use e.g. seed=0")
    texts = docs[text]
    if not (pd.api.types.is_string_dtype(texts.dtype) or pd.api.types.is_object_dtype(texts.dtype)):
        raise DataValidationError(f"texts must be text, found {texts.dtype} values", column=text,
                                  fix=f"convert {text!r} to text (.astype('string'))")
    category = None
    if by_score is not None:
        _check_name(by_score, "by_score", "nps")
        check_columns(docs, by_score, "by_score", where="docs")
        points = _scale_points(docs, by_score, 0, 10, "by_score")
        category = np.select([points < 0, points <= 6, points <= 8],
                             ["", "detractor", "passive"], default="promoter")

    coding = _coding(coded, doc_ids, id, code)
    has_location = any(c in coded.columns for c in ("span", "start", "end"))
    rows = coded.dropna(subset=[id, code])
    position = doc_ids.get_indexer(pd.Index(rows[id].to_numpy(dtype=object)))
    inside = position >= 0
    rows = rows[inside]
    position = position[inside]
    spans = rows["span"].to_numpy(dtype=object) if "span" in rows.columns else [None] * len(rows)
    starts = rows["start"].to_numpy(dtype=object) if "start" in rows.columns else [None] * len(rows)
    ends = rows["end"].to_numpy(dtype=object) if "end" in rows.columns else [None] * len(rows)
    text_values = texts.to_numpy(dtype=object, na_value=None)
    code_values = rows[code].to_numpy(dtype=object)

    # one candidate per code x document: the first located match of that document
    candidates = {}
    for c, p, sp, st, en in zip(code_values, position, spans, starts, ends):
        body = text_values[p]
        if not isinstance(body, str) or not body.strip():
            continue
        sp = sp if isinstance(sp, str) and sp.strip() else None
        region, location, piece = _candidate(body, sp, _whole_number(st), _whole_number(en))
        key = (c, p)
        if key in candidates and candidates[key][1] is not None:
            continue
        candidates[key] = (region, location, piece)

    by_code = {}
    for (c, p), value in candidates.items():
        by_code.setdefault(c, []).append((p, *value))

    pii = {}

    def look_for_personal_data(positions):
        """(start, end, kind) of each piece of personal data in the documents' whole texts."""
        todo = [p for p in dict.fromkeys(positions) if p not in pii]
        if not todo:
            return
        found = find_pii(pd.Series([text_values[p] for p in todo], index=todo, dtype=object))
        for p in todo:
            pii[p] = []
        for p, s, e, kind in zip(found["index"].tolist(), found["start"].tolist(),
                                 found["end"].tolist(), found["kind"].tolist()):
            pii[p].append((s, e, kind))

    records = []
    for c in coding.codes:
        options = by_code.get(c, [])
        if not options:
            continue
        rng = np.random.default_rng([int(seed) & 0xFFFFFFFF, zlib.crc32(str(c).encode("utf-8"))])
        draw = rng.random(len(options))
        ranked = []
        for (p, region, location, piece), r in zip(options, draw):
            size = len(piece.strip())
            key = (size > max_chars, has_location and location is None, not _complete(piece),
                   size < _MIN_QUOTE_CHARS, r)
            ranked.append((key, p, region, location))
        ranked.sort(key=lambda item: item[0])
        order = list(range(len(ranked)))
        if category is not None:
            first = [next((k for k in order if category[ranked[k][1]] == wanted), None)
                     for wanted in ("detractor", "promoter")]
            lead = [k for k in first if k is not None]
            order = lead + [k for k in order if k not in lead]
        seen, rank = set(), 0
        for at, k in enumerate(order):
            _, p, region, location = ranked[k]
            if p not in pii:  # one pass over the next few candidates, not one per document
                look_for_personal_data([ranked[j][1] for j in order[at:at + 2 * n]])
            body = text_values[p]
            values = sorted(pii[p])
            lo, hi, cut = _cut(body, region, location, [(s, e) for s, e, _ in values], max_chars)
            quote, redacted = _quote_text(body, lo, hi, values, cut and lo > region[0],
                                          cut and hi < region[1])
            words = quote.casefold()
            if words in seen:  # the same words (after redaction) are quoted once
                continue
            seen.add(words)
            rank += 1
            record = {code: c, "rank": rank, id: doc_ids[p], "quote": quote}
            if by_score:
                record[by_score] = docs[by_score].iloc[p]
                record["category"] = category[p] or None
            record.update(truncated=bool(cut), redacted=redacted)
            records.append(record)
            if rank == n:
                break

    columns = [code, "rank", id, "quote"] + ([by_score, "category"] if by_score else []) + [
        "truncated", "redacted"]
    if not records:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in columns})
    out = pd.DataFrame.from_records(records, columns=columns)
    again = redact_pii(out["quote"].astype(object))  # a second, independent pass
    out["redacted"] = out["redacted"].to_numpy(dtype=bool) | (again != out["quote"]).to_numpy()
    out["quote"] = again
    out[code] = out[code].astype(object)
    out["rank"] = out["rank"].astype(np.int64)
    return out
