"""Inter-coder reliability of qualitative coding, and accuracy of an auto-coder.

What this module is for: showing that the codes humans put on verbatims are
reliable before anyone acts on them, and measuring how well an automatic coder
recovers the humans' codes.

* :func:`cohen_kappa`: two coders, nominal or ordinal (weighted) codes.
* :func:`fleiss_kappa`: any fixed number of raters per unit, from a
  units x categories table of counts (:func:`ratings_table` builds it from a
  long table).
* :func:`krippendorff_alpha`: any number of coders, missing codes allowed,
  nominal, ordinal, interval or ratio values (:func:`reliability_data` builds
  the coders x units matrix from a long table).
* :func:`agreement_by_code`: all of the above for each code of a codebook from
  the long table of coders' 0/1 decisions (``data/sample/human_coding.parquet``).
* :func:`coding_accuracy`: precision, recall and F1 of an auto-coder against
  a reference coding, per code with micro and macro averages.

Every coefficient comes back as a tidy one-row table with a percentile
bootstrap confidence interval (units resampled with replacement) and a verdict
in plain words: Landis & Koch's bands for kappa, Krippendorff's guideline for
alpha.

What it is not for: assigning codes (see ``codebook``), preparing text
(``text``) or scoring sentiment (``sentiment``).

The computation is vectorised: units with the same codes are collapsed into one
pattern with a frequency, so a bootstrap resample of the units is a multinomial
draw over the patterns and every coefficient is a few matrix products per
batch of resamples. Three coders x 10,000 units coded on a handful of
categories, with 1,000 bootstrap resamples, take a few hundredths of a second
(continuous interval values: about half a second).
"""

from __future__ import annotations

import numbers
import warnings

import numpy as np
import pandas as pd
from scipy import sparse

from .._checks import check_columns, check_frame
from ..exceptions import CXResearchWarning, DataValidationError, ParameterError

__all__ = [
    "cohen_kappa",
    "fleiss_kappa",
    "krippendorff_alpha",
    "ratings_table",
    "reliability_data",
    "agreement_by_code",
    "coding_accuracy",
    "LEVELS",
    "WEIGHTS",
    "KAPPA_BANDS",
    "ALPHA_GUIDELINE",
    "AGREEMENT_COLUMNS",
    "ACCURACY_COLUMNS",
]

#: Levels of measurement :func:`krippendorff_alpha` knows.
LEVELS = ("nominal", "ordinal", "interval", "ratio")
#: Disagreement weights :func:`cohen_kappa` knows (``None`` is unweighted).
WEIGHTS = ("linear", "quadratic")
#: Landis & Koch (1977): upper bound of each band (kappa rounded to 2 decimals) -> verdict.
KAPPA_BANDS = ((0.20, "slight agreement"), (0.40, "fair agreement"), (0.60, "moderate agreement"),
               (0.80, "substantial agreement"), (1.00, "almost perfect agreement"))
#: Krippendorff (2004, p. 241): lower bound (alpha rounded to 3 decimals) -> verdict.
ALPHA_GUIDELINE = ((0.800, "reliable"), (0.667, "tentative conclusions only"))
#: Output columns of :func:`agreement_by_code`.
AGREEMENT_COLUMNS = ("code", "n_docs", "n_coders", "prevalence", "percent_agreement",
                     "cohen_kappa", "cohen_ci_low", "cohen_ci_high",
                     "fleiss_kappa", "fleiss_ci_low", "fleiss_ci_high",
                     "krippendorff_alpha", "alpha_ci_low", "alpha_ci_high", "verdict")
#: Output columns of :func:`coding_accuracy`.
ACCURACY_COLUMNS = ("code", "tp", "fp", "fn", "precision", "recall", "f1", "support")

_UNDEFINED = "undefined (no variation in the codes)"
_MICRO, _MACRO = "micro avg", "macro avg"
# Elements (replicates x patterns x ...) a batch of bootstrap resamples may hold.
_BATCH_ELEMENTS = 4_000_000
# Distinct values above which a ratio alpha (a double sum over them) is slow.
_RATIO_SLOW = 2000


# --------------------------------------------------------------------------
# verdicts
# --------------------------------------------------------------------------

def _kappa_verdict(value) -> str:
    """Landis & Koch (1977) band of a kappa, read on its two-decimal rounding."""
    if value is None or not np.isfinite(value):
        return _UNDEFINED
    value = round(float(value), 2)
    if value < 0:
        return "poor agreement"
    for upper, words in KAPPA_BANDS:
        if value <= upper:
            return words
    return KAPPA_BANDS[-1][1]


def _alpha_verdict(value) -> str:
    """Krippendorff's guideline, read on the three-decimal rounding of alpha."""
    if value is None or not np.isfinite(value):
        return _UNDEFINED
    value = round(float(value), 3)
    for lower, words in ALPHA_GUIDELINE:
        if value >= lower:
            return words
    return "unreliable"


# --------------------------------------------------------------------------
# argument checks
# --------------------------------------------------------------------------

def _check_ci(ci):
    if ci is None:
        return None
    if (isinstance(ci, bool) or not isinstance(ci, numbers.Real)
            or not np.isfinite(ci) or not 0 < ci < 1):
        raise ParameterError("confidence level must be a number between 0 and 1, or None",
                             parameter="ci", value=ci, fix="use e.g. ci=0.95 (None skips the bootstrap)")
    return float(ci)


def _check_n_boot(n_boot):
    if isinstance(n_boot, bool) or not isinstance(n_boot, numbers.Integral) or n_boot < 0:
        raise ParameterError("must be a whole number of bootstrap resamples, 0 or more",
                             parameter="n_boot", value=n_boot, fix="use e.g. n_boot=1000 (0 skips the bootstrap)")
    return int(n_boot)


def _rng(random_state):
    if isinstance(random_state, np.random.Generator):
        return random_state
    if random_state is None or (isinstance(random_state, numbers.Integral)
                                and not isinstance(random_state, bool) and random_state >= 0):
        return np.random.default_rng(random_state)
    raise ParameterError("random_state must be None, a whole number 0 or more, or a numpy Generator",
                         parameter="random_state", value=random_state, fix="use e.g. random_state=42")


def _check_frame(data, parameter="data"):
    check_frame(data, parameter, fix="pass a long-form DataFrame, one row per decision")


def _check_column(data, column, parameter):
    check_columns(data, column, parameter)


def _plain(value):
    """numpy scalars as Python ones, so messages read 3, not np.int64(3)."""
    return value.item() if isinstance(value, np.generic) else value


def _is_numeric(values) -> bool:
    return all(isinstance(v, (numbers.Real, np.number)) for v in values)


# --------------------------------------------------------------------------
# bootstrap over unit patterns
# --------------------------------------------------------------------------

def _patterns(rows):
    """Distinct rows of a units x ... integer matrix and how many units show each."""
    unique, counts = np.unique(rows, axis=0, return_counts=True)
    return unique, counts.astype(np.float64)


def _bootstrap(stat, freq, n_boot, ci, rng, size_per_resample=None):
    """Percentile interval of ``stat`` over resamples of the units.

    ``freq`` counts the units of each pattern; resampling the units with
    replacement is then exactly a multinomial draw of their counts over the
    patterns, which ``stat`` turns into one value (or a row of values) per
    resample. Resamples where a coefficient is undefined are left out.
    ``size_per_resample`` (elements of the largest array ``stat`` builds per
    resample; by default the number of patterns) sets the batch size.
    """
    point = stat(freq[None, :])[0]
    nan = np.full(np.shape(point), np.nan)
    if ci is None or n_boot == 0:
        return point, nan, nan
    n_units = int(round(freq.sum()))
    share = freq / freq.sum()
    size = size_per_resample or len(freq)
    batch = max(1, min(n_boot, _BATCH_ELEMENTS // max(1, int(size))))
    replicates = []
    for start in range(0, n_boot, batch):
        draws = rng.multinomial(n_units, share, size=min(batch, n_boot - start))
        replicates.append(stat(draws.astype(np.float64)))
    replicates = np.concatenate(replicates, axis=0)
    tail = 100 * (1 - ci) / 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-undefined resamples give NaN, as they should
        low, high = np.nanpercentile(replicates, [tail, 100 - tail], axis=0)
    return point, low, high


# --------------------------------------------------------------------------
# the coefficients as functions of pattern weights (one row per resample)
# --------------------------------------------------------------------------

class _CohenStat:
    """Cohen's kappa of the K x K table whose cell each pattern falls in (-1: none)."""

    def __init__(self, cell, n_categories, disagreement):
        self.k = n_categories
        self.disagreement = disagreement
        used = np.flatnonzero(cell >= 0)
        self.onehot = sparse.csr_matrix((np.ones(len(used)), (used, cell[used])),
                                        shape=(len(cell), n_categories ** 2))

    def __call__(self, weights):
        table = np.asarray((self.onehot.T @ weights.T).T)            # resamples x K*K counts
        n = table.sum(axis=1)
        cells = table.reshape(-1, self.k, self.k)
        rows, cols = cells.sum(axis=2), cells.sum(axis=1)
        observed = table @ self.disagreement.ravel()
        expected = np.einsum("bi,ij,bj->b", rows, self.disagreement, cols)
        with np.errstate(invalid="ignore", divide="ignore"):
            kappa = 1 - n * observed / expected
        kappa[~(expected > 1e-12 * np.maximum(n, 1) ** 2)] = np.nan
        return kappa

    def agreement(self, weights):
        cells = np.asarray((self.onehot.T @ weights.T).T).reshape(-1, self.k, self.k)
        return np.trace(cells, axis1=1, axis2=2) / cells.sum(axis=(1, 2))


class _FleissStat:
    """Fleiss' kappa of patterns of category counts (only rows with ``use`` count)."""

    def __init__(self, counts, use=None):
        use = np.ones(len(counts), dtype=bool) if use is None else use
        self.use = use
        self.counts = counts[use].astype(np.float64)
        self.m = float(self.counts[0].sum()) if len(self.counts) else np.nan
        m = self.m
        self.unit_agreement = ((self.counts ** 2).sum(axis=1) - m) / (m * (m - 1))

    def __call__(self, weights):
        weights = weights[:, self.use]
        units = weights.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            observed = weights @ self.unit_agreement / units
            shares = weights @ self.counts / (units[:, None] * self.m)
            chance = (shares ** 2).sum(axis=1)
            kappa = (observed - chance) / (1 - chance)
        kappa[~(1 - chance > 1e-12)] = np.nan
        return kappa

    def agreement(self, weights):
        weights = weights[:, self.use]
        return weights @ self.unit_agreement / weights.sum(axis=1)


class _AlphaStat:
    """Krippendorff's alpha of patterns of codes (coders x patterns, -1: missing).

    alpha = 1 - (n - 1) * sum_ck o_ck delta_ck / sum_ck n_c n_k delta_ck, with
    the coincidences o_ck summed unit by unit. For nominal, interval and ratio
    values each unit's share of the observed disagreement is a fixed number;
    for ordinal values delta depends on the pooled frequencies, so it is
    recomputed for each resample from the mid-ranks (see Notes of
    :func:`krippendorff_alpha`).
    """

    def __init__(self, codes, values, level):
        self.level = level
        self.codes = codes
        present = codes >= 0
        m = present.sum(axis=0).astype(np.float64)
        pairable = m >= 2
        present &= pairable
        self.present = present
        self.m = np.where(pairable, m, 0.0)                          # pairable values per pattern
        self.inverse = np.where(pairable, 1 / np.maximum(m - 1, 1), 0.0)
        k = len(values)
        self.k = k
        pattern = np.broadcast_to(np.arange(codes.shape[1]), codes.shape)[present]
        self.counts = sparse.csr_matrix((np.ones(len(pattern)), (pattern, codes[present])),
                                        shape=(codes.shape[1], k))
        # agreeing ordered pairs of values within each unit, for percent agreement
        same = np.asarray(self.counts.multiply(self.counts).sum(axis=1)).ravel()
        self.agreeing = (same - self.m) * self.inverse
        if level == "nominal":
            self.unit_disagreement = (self.m ** 2 - same) * self.inverse
        elif level == "interval":
            centred = values - values.mean()
            v = np.where(present, centred[np.where(present, codes, 0)], 0.0)
            self.s1, self.s2 = v.sum(axis=0), (v ** 2).sum(axis=0)
            self.unit_disagreement = (2 * self.m * self.s2 - 2 * self.s1 ** 2) * self.inverse
        elif level == "ratio":
            self.values = values
            v = values[np.where(present, codes, 0)]
            total = np.zeros(codes.shape[1])
            for i in range(codes.shape[0]):                           # pairs of coder rows, not units
                for j in range(i + 1, codes.shape[0]):
                    both = present[i] & present[j]
                    total += np.where(both, 2 * _ratio_delta(v[i], v[j]), 0.0)
            self.unit_disagreement = total * self.inverse
        # largest array built per resample: the pooled counts, or the ordinal ranks of every value
        self.size_per_resample = max(k, codes.size if level == "ordinal" else codes.shape[1])

    def _pooled(self, weights):
        return np.asarray((self.counts.T @ weights.T).T)              # resamples x K value counts

    def __call__(self, weights):
        n = weights @ self.m
        if self.level == "nominal":
            pooled = self._pooled(weights)
            observed = weights @ self.unit_disagreement
            expected = n ** 2 - (pooled ** 2).sum(axis=1)
            scale = n ** 2
        elif self.level == "interval":
            t1, t2 = weights @ self.s1, weights @ self.s2
            observed = weights @ self.unit_disagreement
            expected = 2 * n * t2 - 2 * t1 ** 2
            scale = 2 * n * t2
        elif self.level == "ratio":
            pooled = self._pooled(weights)
            observed = weights @ self.unit_disagreement
            expected = _ratio_expected(pooled, self.values)
            scale = n ** 2
        else:  # ordinal: interval metric on the mid-ranks of each resample's pooled values
            pooled = self._pooled(weights)
            mid = np.cumsum(pooled, axis=1) - pooled / 2
            ranks = np.where(self.present[None], mid[:, np.where(self.present, self.codes, 0)], 0.0)
            s1, s2 = ranks.sum(axis=1), (ranks ** 2).sum(axis=1)      # resamples x patterns
            unit = (2 * self.m * s2 - 2 * s1 ** 2) * self.inverse
            observed = (weights * unit).sum(axis=1)
            expected = 2 * n * (pooled * mid ** 2).sum(axis=1) - 2 * (pooled * mid).sum(axis=1) ** 2
            scale = 2 * n * (pooled * mid ** 2).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            alpha = 1 - (n - 1) * observed / expected
        alpha[~(expected > 1e-10 * scale)] = np.nan
        return alpha

    def agreement(self, weights):
        return weights @ self.agreeing / (weights @ self.m)


def _ratio_delta(c, k):
    with np.errstate(invalid="ignore", divide="ignore"):
        delta = ((c - k) / (c + k)) ** 2
    return np.where(c + k == 0, 0.0, delta)


def _ratio_expected(pooled, values, block=1024):
    """sum_ck n_c n_k delta_ck per resample, the K x K metric built a block of rows at a time."""
    total = np.zeros(len(pooled))
    for start in range(0, len(values), block):
        stop = min(start + block, len(values))
        delta = _ratio_delta(values[start:stop, None], values[None, :])
        total += ((pooled[:, start:stop] @ delta) * pooled).sum(axis=1)
    return total


# --------------------------------------------------------------------------
# reading labels
# --------------------------------------------------------------------------

def _as_labels(x, parameter):
    if isinstance(x, pd.DataFrame) or (not isinstance(x, pd.Series) and np.ndim(x) != 1):
        raise ParameterError("expected a one-dimensional list of codes, one per unit",
                             parameter=parameter, value=type(x).__name__,
                             fix="pass one coder's codes as a list, array or Series")
    return x.reset_index(drop=True) if isinstance(x, pd.Series) else pd.Series(list(x), dtype=object)


def _order_of(observed, labels, parameter, need_order, series=()):
    """The categories in order: given labels, an ordered categorical's, or the sorted codes."""
    if labels is None:
        labels = next((list(s.dtype.categories) for s in series
                       if isinstance(s.dtype, pd.CategoricalDtype) and s.dtype.ordered), None)
    if labels is not None:
        labels = list(labels)
        if len(labels) != len(set(labels)):
            raise ParameterError("a code is listed twice", parameter=parameter, value=labels,
                                 fix="list each code once, lowest first")
        listed = set(labels)
        unknown = [v for v in observed if v not in listed]
        if unknown:
            raise ParameterError("a code in the data is not among the listed codes", parameter=parameter,
                                 value=_plain(unknown[0]), fix=f"add {_plain(unknown[0])!r} to {parameter}")
        return labels
    if _is_numeric(observed):
        return sorted(observed)
    if need_order:
        raise ParameterError("weighted kappa and ordinal alpha need the order of text codes",
                             parameter=parameter, value=observed[:5],
                             fix=f"pass {parameter}=[...] listing the codes lowest first")
    try:
        return sorted(observed)
    except TypeError:
        return list(observed)


# --------------------------------------------------------------------------
# Cohen's kappa
# --------------------------------------------------------------------------

def cohen_kappa(a, b, weights=None, *, labels=None, ci=0.95, n_boot=1000, random_state=None):
    """Cohen's kappa between two coders, optionally weighted for ordinal codes.

    Parameters
    ----------
    a, b : array-like
        The two coders' codes for the same units, in the same order (numbers or
        text). A unit missing (NaN, None) in either is dropped and counted.
    weights : {None, "linear", "quadratic"}
        ``None`` counts every disagreement alike (nominal codes); ``"linear"``
        and ``"quadratic"`` weigh it by the distance between the two codes'
        positions in ``labels`` (ordinal codes).
    labels : list, optional
        The codes in order, lowest first. By default the codes seen, sorted;
        an ordered ``pandas.Categorical`` gives its own order. Needed for
        weighted kappa on text codes.
    ci : float or None
        Confidence level of the percentile bootstrap interval (units
        resampled); ``None`` skips it.
    n_boot : int
        Number of bootstrap resamples (0 skips the interval).
    random_state : int, numpy.random.Generator or None
        Seed of the resampling, for a reproducible interval.

    Returns
    -------
    pandas.DataFrame
        One row:

        - ``coefficient``: ``"cohen_kappa"``
        - ``value``: kappa (NaN when undefined: both coders used one same code)
        - ``ci_low``, ``ci_high``: the bootstrap interval (NaN when skipped)
        - ``n_units``: units coded by both
        - ``n_coders``: 2
        - ``weights``: ``"none"``, ``"linear"`` or ``"quadratic"``
        - ``percent_agreement``: share of units given the same code
        - ``n_missing``: units dropped because a code was missing
        - ``verdict``: Landis & Koch's band, e.g. ``"moderate agreement"``

    Raises
    ------
    ParameterError
        Different lengths, no unit coded by both, an unknown ``weights``, or a
        code missing from ``labels``.

    Notes
    -----
    With p_ij the share of units coded i by ``a`` and j by ``b``, row and
    column shares p_i. and p_.j, and disagreement weights w_ij (1 off the
    diagonal unweighted; \\|i - j\\| or (i - j)^2 weighted)::

        kappa = 1 - sum_ij w_ij p_ij / sum_ij w_ij p_i. p_.j

    Landis & Koch (1977) bands: below 0 poor, .00-.20 slight, .21-.40 fair,
    .41-.60 moderate, .61-.80 substantial, .81-1 almost perfect.

    References
    ----------
    Cohen, J. (1960). A coefficient of agreement for nominal scales.
    *Educational and Psychological Measurement*, 20, 37-46.
    Cohen, J. (1968). Weighted kappa. *Psychological Bulletin*, 70, 213-220.
    Landis, J. R., & Koch, G. G. (1977). The measurement of observer agreement
    for categorical data. *Biometrics*, 33, 159-174.

    Examples
    --------
    Wikipedia's example: 50 proposals, both readers say yes to 20 and no to
    15, and disagree on 15.

    >>> from cxresearch.coding.reliability import cohen_kappa
    >>> a = ["yes"] * 25 + ["no"] * 25
    >>> b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    >>> result = cohen_kappa(a, b, random_state=1)
    >>> result[["coefficient", "value", "n_units", "verdict"]]
       coefficient  value  n_units         verdict
    0  cohen_kappa    0.4       50  fair agreement
    """
    ci, n_boot, rng = _check_ci(ci), _check_n_boot(n_boot), _rng(random_state)
    if weights is not None and weights not in WEIGHTS:
        raise ParameterError("unknown weights", parameter="weights", value=weights,
                             fix="use weights=None (nominal codes), 'linear' or 'quadratic'")
    a, b = _as_labels(a, "a"), _as_labels(b, "b")
    if len(a) != len(b):
        raise ParameterError(f"the two coders have {len(a)} and {len(b)} codes", parameter="b",
                             fix="pass both coders' codes for the same units, in the same order")
    missing = (a.isna() | b.isna()).to_numpy()
    if missing.all():
        raise ParameterError("no unit has a code from both coders (all missing)", parameter="b",
                             fix="pass codes of units both coders coded")
    a_kept, b_kept = a[~missing], b[~missing]
    observed = list(pd.unique(pd.concat([a_kept, b_kept], ignore_index=True).astype(object)))
    order = _order_of(observed, labels, "labels", need_order=weights is not None, series=(a, b))
    position = {label: i for i, label in enumerate(order)}
    k = len(order)
    ai = np.array([position[v] for v in a_kept.astype(object)], dtype=np.int64)
    bi = np.array([position[v] for v in b_kept.astype(object)], dtype=np.int64)
    cell, freq = np.unique(ai * k + bi, return_counts=True)
    stat = _CohenStat(cell, k, _disagreement(k, weights))
    value, low, high = _bootstrap(stat, freq.astype(np.float64), n_boot, ci, rng)
    return pd.DataFrame([{
        "coefficient": "cohen_kappa", "value": float(value), "ci_low": float(low), "ci_high": float(high),
        "n_units": int(len(ai)), "n_coders": 2, "weights": weights or "none",
        "percent_agreement": float(stat.agreement(freq[None, :].astype(np.float64))[0]),
        "n_missing": int(missing.sum()), "verdict": _kappa_verdict(value),
    }])


def _disagreement(k, weights):
    distance = np.abs(np.subtract.outer(np.arange(k), np.arange(k))).astype(np.float64)
    if weights == "linear":
        return distance
    if weights == "quadratic":
        return distance ** 2
    return (distance > 0).astype(np.float64)


# --------------------------------------------------------------------------
# Fleiss' kappa
# --------------------------------------------------------------------------

def ratings_table(data, unit="doc_id", rater="coder", code="code", *, categories=None):
    """Count the raters' codes of each unit: the units x categories table of :func:`fleiss_kappa`.

    Parameters
    ----------
    data : pandas.DataFrame
        Long form, one row per rater and unit.
    unit, rater, code : str
        Columns holding the unit (e.g. the document), the rater and the code
        the rater gave. Rows with a missing code are left out.
    categories : list, optional
        All codes, in the order of the output's columns (codes nobody used get
        a column of zeros). By default the codes seen, sorted.

    Returns
    -------
    pandas.DataFrame
        One row per unit (index named after ``unit``), one column per code,
        holding how many raters gave that code.

    Raises
    ------
    ParameterError
        A column is not in the data, or a code is not among ``categories``.
    DataValidationError
        A rater codes the same unit twice.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.coding.reliability import ratings_table
    >>> long = pd.DataFrame({"doc_id": ["d1", "d1", "d1", "d2", "d2", "d2"],
    ...                      "coder": ["ann", "bob", "cy"] * 2,
    ...                      "code": ["price", "price", "staff", "staff", "staff", "staff"]})
    >>> ratings_table(long)
            price  staff
    doc_id
    d1          2      1
    d2          0      3
    """
    _check_frame(data)
    for parameter, column in (("unit", unit), ("rater", rater), ("code", code)):
        _check_column(data, column, parameter)
    rows = data.loc[data[code].notna(), [unit, rater, code]]
    duplicated = rows.duplicated([unit, rater]).to_numpy()
    if duplicated.any():
        pos = int(np.argmax(duplicated))
        raise DataValidationError(
            "a rater codes the same unit twice", column=rater,
            value=(_plain(rows[unit].iloc[pos]), _plain(rows[rater].iloc[pos])), row=_plain(rows.index[pos]),
            fix=f"keep one row per ({unit!r}, {rater!r}); drop or resolve the duplicates")
    seen = list(pd.unique(rows[code].astype(object)))
    order = _order_of(seen, categories, "categories", need_order=False, series=(rows[code],))
    codes = pd.Categorical(rows[code].astype(object), categories=order)
    table = pd.crosstab(rows[unit], codes, dropna=False).reindex(columns=order, fill_value=0)
    table.columns = pd.Index(order, name=None)
    table.index.name = unit
    return table.astype(np.int64)


def fleiss_kappa(table, *, ci=0.95, n_boot=1000, random_state=None):
    """Fleiss' kappa for a fixed number of raters per unit.

    Parameters
    ----------
    table : pandas.DataFrame or array-like
        Units x categories: how many raters put each unit in each category.
        Every row sums to the number of raters (at least 2). Build it from a
        long table with :func:`ratings_table`.
    ci, n_boot, random_state
        Bootstrap interval over resampled units, as in :func:`cohen_kappa`.

    Returns
    -------
    pandas.DataFrame
        One row: ``coefficient`` (``"fleiss_kappa"``), ``value``, ``ci_low``,
        ``ci_high``, ``n_units``, ``n_coders`` (raters per unit),
        ``n_categories``, ``percent_agreement`` (mean share of agreeing rater
        pairs per unit) and ``verdict`` (Landis & Koch's band).

    Raises
    ------
    ParameterError
        Counts that are not whole numbers 0 or more, rows with different
        totals (some ratings missing: use :func:`krippendorff_alpha`), fewer
        than 2 raters, or no ratings at all.

    Notes
    -----
    With n_ij raters putting unit i in category j, m raters and N units::

        P_i = (sum_j n_ij^2 - m) / (m (m - 1)),   P = mean_i P_i
        p_j = sum_i n_ij / (N m),                  Pe = sum_j p_j^2
        kappa = (P - Pe) / (1 - Pe)

    References
    ----------
    Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
    *Psychological Bulletin*, 76, 378-382.

    Examples
    --------
    The first three subjects of Wikipedia's worked example (14 raters):

    >>> from cxresearch.coding.reliability import fleiss_kappa
    >>> table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6]]
    >>> result = fleiss_kappa(table, ci=None)
    >>> round(float(result.loc[0, "value"]), 3), int(result.loc[0, "n_coders"])
    (0.24, 14)
    """
    ci, n_boot, rng = _check_ci(ci), _check_n_boot(n_boot), _rng(random_state)
    counts = _count_table(table)
    m = counts.sum(axis=1)
    if m.max() == 0:
        raise ParameterError("the table holds no ratings (all missing)", parameter="table",
                             fix="pass the units x categories counts of the ratings")
    if (m != m[0]).any():
        pos = int(np.argmax(m != m[0]))
        raise ParameterError(
            f"rows must all sum to the number of raters; row 0 sums to {int(m[0])}, row {pos} to {int(m[pos])}",
            parameter="table",
            fix="use krippendorff_alpha when some raters skipped some units")
    if m[0] < 2:
        raise ParameterError("Fleiss' kappa needs at least 2 raters per unit", parameter="table",
                             value=int(m[0]), fix="add the other raters' codes")
    rows, freq = _patterns(counts)
    stat = _FleissStat(rows)
    value, low, high = _bootstrap(stat, freq, n_boot, ci, rng)
    return pd.DataFrame([{
        "coefficient": "fleiss_kappa", "value": float(value), "ci_low": float(low), "ci_high": float(high),
        "n_units": int(len(counts)), "n_coders": int(m[0]), "n_categories": int(counts.shape[1]),
        "percent_agreement": float(stat.agreement(freq[None, :])[0]), "verdict": _kappa_verdict(value),
    }])


def _count_table(table):
    if isinstance(table, pd.DataFrame):
        if not all(pd.api.types.is_numeric_dtype(t) for t in table.dtypes):
            raise ParameterError(
                "the table must hold counts, one column per category; it has text columns",
                parameter="table",
                fix="turn a long table into counts with ratings_table(data, unit=..., rater=..., code=...)")
        values = table.to_numpy(dtype=np.float64, na_value=np.nan)
    else:
        try:
            values = np.asarray(table, dtype=np.float64)
        except (TypeError, ValueError):
            raise ParameterError("the table must hold counts (whole numbers)", parameter="table",
                                 fix="pass units x categories counts, or use ratings_table") from None
    if values.ndim != 2 or values.shape[0] == 0 or values.shape[1] == 0:
        raise ParameterError("the table must be units x categories (two dimensions, not empty)",
                             parameter="table", value=values.shape,
                             fix="pass one row per unit and one column per category")
    bad = ~np.isfinite(values) | (values < 0) | (values != np.round(values))
    if bad.any():
        row, col = (int(i) for i in np.argwhere(bad)[0])
        raise ParameterError("counts must be whole numbers 0 or more", parameter="table",
                             value=_plain(values[row, col]), row=row,
                             fix="put how many raters chose each category; 0 where none did")
    return values.astype(np.int64)


# --------------------------------------------------------------------------
# Krippendorff's alpha
# --------------------------------------------------------------------------

def reliability_data(data, unit="doc_id", coder="coder", code="code"):
    """Pivot a long table of codes into the coders x units matrix of :func:`krippendorff_alpha`.

    Parameters
    ----------
    data : pandas.DataFrame
        Long form, one row per coder and unit.
    unit, coder, code : str
        Columns holding the unit, the coder and the code the coder gave.

    Returns
    -------
    pandas.DataFrame
        One row per coder, one column per unit; NaN where a coder did not
        code a unit.

    Raises
    ------
    ParameterError
        A column is not in the data.
    DataValidationError
        A coder codes the same unit twice.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.coding.reliability import reliability_data
    >>> long = pd.DataFrame({"doc_id": ["d1", "d1", "d2"], "coder": ["ann", "bob", "ann"],
    ...                      "code": [1, 2, 3]})
    >>> reliability_data(long)
    doc_id   d1   d2
    coder
    ann     1.0  3.0
    bob     2.0  NaN
    """
    _check_frame(data)
    for parameter, column in (("unit", unit), ("coder", coder), ("code", code)):
        _check_column(data, column, parameter)
    duplicated = data.duplicated([unit, coder]).to_numpy()
    if duplicated.any():
        pos = int(np.argmax(duplicated))
        raise DataValidationError(
            "a coder codes the same unit twice", column=coder,
            value=(_plain(data[unit].iloc[pos]), _plain(data[coder].iloc[pos])), row=_plain(data.index[pos]),
            fix=f"keep one row per ({unit!r}, {coder!r}); drop or resolve the duplicates")
    return data.pivot(index=coder, columns=unit, values=code)


def _reliability_matrix(data):
    """The coders x units values as an object or float array, and whether they are numbers."""
    if isinstance(data, pd.DataFrame):
        if all(pd.api.types.is_numeric_dtype(t) or pd.api.types.is_bool_dtype(t) for t in data.dtypes):
            return data.to_numpy(dtype=np.float64, na_value=np.nan), True
        values = data.astype(object).to_numpy()
    else:
        values = np.asarray(data)
        if values.dtype.kind in "biuf":
            return values.astype(np.float64), True
        values = values.astype(object)
    # numbers with None, NaN or pd.NA for missing become floats; text such as "01" stays text
    flat = values.ravel()
    if all(v is None or v is pd.NA or isinstance(v, (numbers.Real, np.number, np.bool_)) for v in flat):
        numbers_ = [np.nan if v is None or v is pd.NA else float(v) for v in flat]
        return np.array(numbers_, dtype=np.float64).reshape(values.shape), True
    return values, False


def krippendorff_alpha(data, level="nominal", *, categories=None, ci=0.95, n_boot=1000,
                       random_state=None):
    """Krippendorff's alpha for any number of coders, missing codes and level of measurement.

    Parameters
    ----------
    data : pandas.DataFrame or array-like
        Reliability data, coders x units: one row per coder, one column per
        unit, NaN (or None) where a coder did not code a unit. Build it from a
        long table with :func:`reliability_data`.
    level : {"nominal", "ordinal", "interval", "ratio"}
        Level of measurement of the codes, which sets how far apart two
        different codes are (the metric delta, see Notes).
    categories : list, optional
        The possible codes, lowest first: the order of text codes for an
        ordinal alpha (by default numbers are sorted). Codes nobody used do
        not change alpha.
    ci, n_boot, random_state
        Bootstrap interval over resampled units, as in :func:`cohen_kappa`.

    Returns
    -------
    pandas.DataFrame
        One row:

        - ``coefficient``: ``"krippendorff_alpha"``
        - ``value``: alpha (NaN when undefined: every value the same)
        - ``ci_low``, ``ci_high``: the bootstrap interval (NaN when skipped)
        - ``n_units``: pairable units (coded by at least two coders)
        - ``n_coders``: coders with at least one code
        - ``level``: the level of measurement
        - ``percent_agreement``: share of pairs of values within units that
          are equal
        - ``n_values``: pairable values (n in the formula)
        - ``verdict``: Krippendorff's guideline: ``"reliable"`` (alpha >=
          .800), ``"tentative conclusions only"`` (.667-.800) or
          ``"unreliable"``

    Raises
    ------
    ParameterError
        An unknown ``level``, fewer than 2 coders, no unit coded twice (all
        missing), text codes for an interval or ratio alpha, negative values
        for a ratio alpha, or an ordinal alpha on text codes without
        ``categories``.

    Notes
    -----
    Krippendorff (2011): within each unit u with m_u >= 2 values, every
    ordered pair of values (c, k) from different coders adds 1 / (m_u - 1)
    to the coincidence o_ck; n_c = sum_k o_ck and n = sum_c n_c. Then::

        alpha = 1 - (n - 1) * sum_ck o_ck delta_ck / sum_ck n_c n_k delta_ck

    with delta_ck = [c != k] (nominal), (c - k)^2 (interval),
    ((c - k) / (c + k))^2 (ratio) and, ordinal, (sum_{g=c..k} n_g - (n_c +
    n_k) / 2)^2, which is (mid_k - mid_c)^2 for the mid-ranks mid_g = n_1 +
    ... + n_g - n_g / 2: the interval metric on the pooled values' ranks.

    The bootstrap here resamples units (documents), as for the kappas; it is
    not Krippendorff's own resampling of pairable values.

    References
    ----------
    Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.
    Annenberg School for Communication, University of Pennsylvania.
    https://repository.upenn.edu/asc_papers/43
    Krippendorff, K. (2004). *Content analysis: An introduction to its
    methodology* (2nd ed.). Sage.

    Examples
    --------
    Krippendorff's (2011) example: 4 coders, 12 units, missing values.

    >>> import numpy as np
    >>> from cxresearch.coding.reliability import krippendorff_alpha
    >>> nan = np.nan
    >>> data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
    ...         [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
    ...         [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
    ...         [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan]]
    >>> result = krippendorff_alpha(data, level="nominal", ci=None)
    >>> result[["value", "n_units", "n_values", "verdict"]].round(3)
       value  n_units  n_values                     verdict
    0  0.743       11        40  tentative conclusions only
    """
    ci, n_boot, rng = _check_ci(ci), _check_n_boot(n_boot), _rng(random_state)
    if not isinstance(level, str) or level not in LEVELS:
        raise ParameterError("unknown level of measurement", parameter="level", value=level,
                             fix="use 'nominal', 'ordinal', 'interval' or 'ratio'")
    values, numeric = _reliability_matrix(data)
    if values.ndim != 2:
        raise ParameterError("reliability data must be coders x units (two dimensions)", parameter="data",
                             value=values.shape, fix="pass one row per coder and one column per unit")
    missing = pd.isna(values) if not numeric else np.isnan(values)
    coders = int((~missing).any(axis=1).sum())
    if coders < 2:
        raise ParameterError(f"Krippendorff's alpha needs at least 2 coders with codes, got {coders}",
                             parameter="data",
                             fix="pass one row per coder (transpose the data if coders are columns)")
    codes, order = _alpha_codes(values, missing, numeric, level, categories)
    if level == "ratio" and len(order) > _RATIO_SLOW:
        warnings.warn(
            f"ratio alpha on {len(order):,} distinct values sums over every pair of values, once per "
            "bootstrap resample, which is slow; round the values to the precision that matters, or pass ci=None",
            CXResearchWarning, stacklevel=2)
    pairable = (codes >= 0).sum(axis=0) >= 2
    if not pairable.any():
        raise ParameterError("no unit is coded by two coders (all missing)", parameter="data",
                             fix="pass units that at least two coders coded")
    codes = codes[:, pairable]
    # order within a unit does not matter: sort each unit's codes, missing last, then collapse
    codes = -np.sort(-codes, axis=0)[: int((codes >= 0).sum(axis=0).max())]
    patterns, freq = _patterns(codes.T)
    stat = _AlphaStat(patterns.T, order, level)
    value, low, high = _bootstrap(stat, freq, n_boot, ci, rng, stat.size_per_resample)
    return pd.DataFrame([{
        "coefficient": "krippendorff_alpha", "value": float(value), "ci_low": float(low),
        "ci_high": float(high), "n_units": int(pairable.sum()), "n_coders": coders, "level": level,
        "percent_agreement": float(stat.agreement(freq[None, :])[0]),
        "n_values": int(round(float(freq @ stat.m))), "verdict": _alpha_verdict(value),
    }])


def _alpha_codes(values, missing, numeric, level, categories):
    """Integer codes (-1 missing) into the ordered distinct values, and those values as numbers."""
    if numeric and categories is None:
        distinct = np.unique(values[~missing])
        codes = np.where(missing, -1, np.searchsorted(distinct, np.where(missing, distinct[0], values)))
        if level == "ratio" and distinct[0] < 0:
            raise ParameterError("a ratio alpha needs values 0 or more", parameter="level",
                                 value=_plain(distinct[0]), fix="use level='interval' for values below zero")
        return codes.astype(np.int64), distinct.astype(np.float64)
    seen = list(pd.unique(pd.Series(values[~missing], dtype=object)))
    order = _order_of(seen, categories, "categories", need_order=level == "ordinal")
    if level in ("interval", "ratio"):
        if not _is_numeric(order):
            raise ParameterError(f"an {level} alpha needs numbers, the data holds text codes",
                                 parameter="level", value=_plain(seen[0]),
                                 fix="convert the codes to numbers, or use level='nominal' or 'ordinal'")
        order = sorted(order)
        if level == "ratio" and order[0] < 0:
            raise ParameterError("a ratio alpha needs values 0 or more", parameter="level",
                                 value=_plain(order[0]), fix="use level='interval' for values below zero")
    position = {label: i for i, label in enumerate(order)}
    codes = np.full(values.shape, -1, dtype=np.int64)
    codes[~missing] = [position[v] for v in values[~missing]]
    numbers_ = np.asarray(order, dtype=np.float64) if _is_numeric(order) else np.arange(len(order), dtype=np.float64)
    return codes, numbers_


# --------------------------------------------------------------------------
# all coefficients per code of a codebook
# --------------------------------------------------------------------------

def agreement_by_code(data, doc="doc_id", coder="coder", code="code", applied="applied", *,
                      ci=0.95, n_boot=1000, random_state=None):
    """Agreement of several coders on each code: kappas, alpha and their intervals.

    Parameters
    ----------
    data : pandas.DataFrame
        Long form, one row per document x coder x code, with the coder's 0/1
        decision whether the code applies (the shape of
        ``data/sample/human_coding.parquet``). A decision that is absent (or
        NaN) is missing: that coder did not code that document for that code.
    doc, coder, code, applied : str
        The columns holding the document, the coder, the code and the decision.
    ci, n_boot, random_state
        Bootstrap interval over resampled documents, as in
        :func:`cohen_kappa`. The same resamples serve all codes' coefficients.

    Returns
    -------
    pandas.DataFrame
        One row per code, sorted by code:

        - ``code``
        - ``n_docs``: documents with decisions from at least two coders
        - ``n_coders``: coders with at least one decision on the code
        - ``prevalence``: share of all decisions that apply the code
        - ``percent_agreement``: mean, over documents, of the share of coder
          pairs that agree
        - ``cohen_kappa``, ``cohen_ci_low``, ``cohen_ci_high``: the mean of
          Cohen's kappa over pairs of coders (Light's kappa), each pair on the
          documents both coded
        - ``fleiss_kappa``, ``fleiss_ci_low``, ``fleiss_ci_high``: on the
          documents every coder of the code decided
        - ``krippendorff_alpha``, ``alpha_ci_low``, ``alpha_ci_high``:
          nominal alpha, on all documents coded at least twice
        - ``verdict``: Krippendorff's guideline applied to alpha

    Raises
    ------
    ParameterError
        A column is not in the data, or fewer than 2 coders.
    DataValidationError
        A decision that is not 0 or 1, or a coder deciding the same document
        and code twice.

    Notes
    -----
    Coefficients of a rare code are fragile: with few documents that carry
    it, one disagreement moves kappa a lot, which the intervals show.

    References
    ----------
    Light, R. J. (1971). Measures of response agreement for qualitative data.
    *Psychological Bulletin*, 76, 365-377.

    Examples
    --------
    >>> from cxresearch.datasets import read_dataset
    >>> from cxresearch.coding.reliability import agreement_by_code
    >>> coding = read_dataset("human_coding")
    >>> table = agreement_by_code(coding, random_state=1)
    >>> table[["code", "n_docs", "n_coders"]].head(3)
                   code  n_docs  n_coders
    0  checkout_payment     600         3
    1    communication     600         3
    2   contact_centre     600         3
    """
    ci, n_boot, rng = _check_ci(ci), _check_n_boot(n_boot), _rng(random_state)
    _check_frame(data)
    for parameter, column in (("doc", doc), ("coder", coder), ("code", code), ("applied", applied)):
        _check_column(data, column, parameter)
    decisions = _decisions(data, applied)
    duplicated = data.duplicated([doc, coder, code]).to_numpy()
    if duplicated.any():
        pos = int(np.argmax(duplicated))
        raise DataValidationError(
            "a coder decides the same document and code twice", column=coder,
            value=(_plain(data[doc].iloc[pos]), _plain(data[code].iloc[pos])), row=_plain(data.index[pos]),
            fix=f"keep one row per ({doc!r}, {coder!r}, {code!r})")
    keep = ~np.isnan(decisions)
    doc_index, doc_ids = pd.factorize(data[doc][keep])
    coder_index, coder_names = pd.factorize(data[coder][keep], sort=True)
    code_index, code_names = pd.factorize(data[code][keep], sort=True)
    if len(coder_names) < 2:
        raise ParameterError(f"agreement needs at least 2 coders, the data has {len(coder_names)}",
                             column=coder, parameter="coder", fix="add the other coders' decisions")
    n_docs, n_coders = len(doc_ids), len(coder_names)
    cube = np.full((len(code_names), n_docs, n_coders), -1, dtype=np.int8)
    cube[code_index, doc_index, coder_index] = decisions[keep].astype(np.int8)

    rows = []
    for c, name in enumerate(code_names):
        rows.append(_agreement_of_code(name, cube[c], ci, n_boot, rng))
    return pd.DataFrame(rows, columns=list(AGREEMENT_COLUMNS))


def _decisions(data, applied):
    series = data[applied]
    if pd.api.types.is_bool_dtype(series.dtype):
        values = series.to_numpy(dtype=np.float64, na_value=np.nan)
    elif pd.api.types.is_numeric_dtype(series.dtype):
        values = series.to_numpy(dtype=np.float64, na_value=np.nan)
    else:
        values = pd.to_numeric(series, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
        bad = np.isnan(values) & series.notna().to_numpy()
        if bad.any():
            pos = int(np.argmax(bad))
            raise DataValidationError("a decision must be 0 or 1", column=applied,
                                      value=_plain(series.iloc[pos]), row=_plain(data.index[pos]),
                                      fix=f"code {applied!r} as 1 (code applies) or 0 (does not)")
    bad = ~np.isnan(values) & (values != 0) & (values != 1)
    if bad.any():
        pos = int(np.argmax(bad))
        raise DataValidationError("a decision must be 0 or 1", column=applied,
                                  value=_plain(series.iloc[pos]), row=_plain(data.index[pos]),
                                  fix=f"code {applied!r} as 1 (code applies) or 0 (does not)")
    return values


def _agreement_of_code(name, decisions, ci, n_boot, rng):
    """All coefficients of one code from its documents x coders 0/1 matrix (-1: missing)."""
    active = (decisions >= 0).any(axis=0)
    decisions = decisions[:, active]
    n_coders = int(active.sum())
    decided = decisions >= 0
    prevalence = float((decisions == 1).sum() / decided.sum()) if decided.any() else np.nan
    coded_twice = decided.sum(axis=1) >= 2
    row = {"code": _plain(name), "n_docs": int(coded_twice.sum()), "n_coders": n_coders,
           "prevalence": prevalence}
    nan_row = dict.fromkeys(AGREEMENT_COLUMNS[4:-1], np.nan)
    if n_coders < 2 or not coded_twice.any():
        return {**row, **nan_row, "verdict": "not enough documents coded by two coders"}
    patterns, freq = _patterns(decisions[coded_twice].astype(np.int64))
    present = patterns >= 0
    pairs = [_CohenStat(np.where(present[:, i] & present[:, j], 2 * patterns[:, i] + patterns[:, j], -1),
                        2, _disagreement(2, None))
             for i in range(n_coders) for j in range(i + 1, n_coders)]
    counts = np.stack([(patterns == 0).sum(axis=1), (patterns == 1).sum(axis=1)], axis=1)
    complete = present.all(axis=1)
    fleiss = _FleissStat(counts, use=complete) if complete.any() else None
    # alpha on the patterns' codes, missing last within each document
    alpha = _AlphaStat(-np.sort(-patterns, axis=1).T, np.array([0.0, 1.0]), "nominal")

    def stat(weights):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # a pair with an undefined kappa is left out
            light = np.nanmean(np.stack([pair(weights) for pair in pairs], axis=1), axis=1)
        fk = fleiss(weights) if fleiss is not None else np.full(len(weights), np.nan)
        return np.stack([light, fk, alpha(weights)], axis=1)

    value, low, high = _bootstrap(stat, freq, n_boot, ci, rng)
    return {**row, "percent_agreement": float(alpha.agreement(freq[None, :])[0]),
            "cohen_kappa": value[0], "cohen_ci_low": low[0], "cohen_ci_high": high[0],
            "fleiss_kappa": value[1], "fleiss_ci_low": low[1], "fleiss_ci_high": high[1],
            "krippendorff_alpha": value[2], "alpha_ci_low": low[2], "alpha_ci_high": high[2],
            "verdict": _alpha_verdict(value[2])}


# --------------------------------------------------------------------------
# auto-coder against a reference coding
# --------------------------------------------------------------------------

def coding_accuracy(predicted, reference, doc="doc_id", code="code", *, docs=None, codes=None,
                    applied=None):
    """Precision, recall and F1 of an auto-coder against a reference coding, per code.

    Parameters
    ----------
    predicted, reference : pandas.DataFrame
        Long form, one row per (document, code) assigned: the auto-coder's
        codes and the reference codes (a human coder, a consensus or a planted
        truth). Repeated pairs count once.
    doc, code : str
        The columns holding the document and the code, in both tables.
    docs : list-like, optional
        The documents considered. Predicted codes on other documents are left
        out. By default the documents of ``reference`` (every row of it,
        including decisions of 0 when ``applied`` is given).
    codes : list-like, optional
        The codes to report, in order (e.g. the codebook's). By default every
        code seen in either table, sorted.
    applied : str, optional
        A 0/1 column in either table: rows with 0 are decisions not to apply
        the code (a table in the shape of ``human_coding``). A table without
        the column is read as assigned pairs.

    Returns
    -------
    pandas.DataFrame
        One row per code, then ``"micro avg"`` and ``"macro avg"``:

        - ``code``
        - ``tp``, ``fp``, ``fn``: documents where both, only the auto-coder,
          only the reference assigned the code (summed in the average rows)
        - ``precision``: tp / (tp + fp), NaN when the code was never predicted
        - ``recall``: tp / (tp + fn), NaN when the reference never has it
        - ``f1``: 2 tp / (2 tp + fp + fn), the harmonic mean of the two
        - ``support``: tp + fn, documents where the reference has the code

        The micro average pools the counts of all codes; the macro average is
        the plain mean over codes, leaving out undefined (NaN) values.

    Raises
    ------
    ParameterError
        A table that is not a DataFrame, a missing column, or no documents.

    Warns
    -----
    CXResearchWarning
        When ``docs`` is not given, ``reference`` has no ``applied`` column,
        and the auto-coder coded documents the reference does not mention:
        those may be documents with no reference code, whose predicted codes
        are then wrongly left out; pass ``docs``.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.coding.reliability import coding_accuracy
    >>> reference = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "code": ["price", "staff", "price"]})
    >>> predicted = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "code": ["price", "price", "price"]})
    >>> coding_accuracy(predicted, reference)[["code", "tp", "fp", "fn", "precision", "recall"]]
            code  tp  fp  fn  precision    recall
    0      price   2   1   0   0.666667  1.000000
    1      staff   0   0   1        NaN  0.000000
    2  micro avg   2   1   1   0.666667  0.666667
    3  macro avg   2   1   1   0.666667  0.500000
    """
    _check_frame(predicted, "predicted")
    _check_frame(reference, "reference")
    for table_name, table in (("predicted", predicted), ("reference", reference)):
        for parameter, column in (("doc", doc), ("code", code)):
            try:
                _check_column(table, column, parameter)
            except ParameterError as err:
                raise ParameterError(f"{table_name} has no such column", column=column, parameter=parameter,
                                     fix=err.fix) from None
    if applied is not None and applied not in predicted.columns and applied not in reference.columns:
        raise ParameterError("neither table has this column", column=applied, parameter="applied",
                             fix="name the 0/1 column, or leave applied=None for tables of assigned pairs")
    ref_docs = pd.unique(reference[doc].dropna().astype(object))
    if docs is None:
        considered = set(ref_docs)
        if applied is None or applied not in reference.columns:
            outside = set(predicted[doc].dropna().astype(object)) - considered
            if outside:
                warnings.warn(
                    f"{len(outside)} documents coded by the auto-coder are not in the reference and were "
                    "left out; if some are documents without reference codes, pass docs=[...]",
                    CXResearchWarning, stacklevel=2)
    else:
        considered = set(pd.Series(list(docs), dtype=object).dropna())
    if not considered:
        raise ParameterError("no documents to compare", parameter="docs",
                             fix="pass the documents both coders saw, or a non-empty reference")
    pred_pairs = _assigned(predicted, doc, code, applied, considered)
    ref_pairs = _assigned(reference, doc, code, applied, considered)
    if codes is None:
        seen = set(reference.loc[reference[doc].isin(considered), code].dropna()) | set(pred_pairs[code])
        codes = _order_of(list(seen), None, "codes", need_order=False)
    else:
        codes = list(codes)
    pred = pd.Series(1, index=pd.MultiIndex.from_frame(pred_pairs))
    ref = pd.Series(1, index=pd.MultiIndex.from_frame(ref_pairs))
    both = pred.index.intersection(ref.index)

    def per_code(index):
        counts = pd.Series(index.get_level_values(1)).value_counts() if len(index) else pd.Series(dtype=int)
        return counts.reindex(codes, fill_value=0).to_numpy(dtype=np.int64)

    tp = per_code(both)
    fp = per_code(pred.index) - tp
    fn = per_code(ref.index) - tp
    table = pd.DataFrame({"code": pd.Series(codes, dtype=object), "tp": tp, "fp": fp, "fn": fn})
    precision, recall, f1 = _prf(tp, fp, fn)
    micro = _prf(tp.sum(keepdims=True), fp.sum(keepdims=True), fn.sum(keepdims=True))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        macro = [np.nanmean(v) if np.isfinite(v).any() else np.nan for v in (precision, recall, f1)]
    table["precision"], table["recall"], table["f1"] = precision, recall, f1
    total = {"tp": int(tp.sum()), "fp": int(fp.sum()), "fn": int(fn.sum())}
    averages = pd.DataFrame([
        {"code": _MICRO, **total, "precision": micro[0][0], "recall": micro[1][0], "f1": micro[2][0]},
        {"code": _MACRO, **total, "precision": macro[0], "recall": macro[1], "f1": macro[2]},
    ])
    table = pd.concat([table, averages], ignore_index=True)
    table["support"] = table["tp"] + table["fn"]
    table.attrs["n_docs"] = len(considered)
    return table[list(ACCURACY_COLUMNS)]


def _assigned(table, doc, code, applied, considered):
    """The distinct (doc, code) pairs a table assigns, on the documents considered."""
    rows = table[[doc, code]]
    if applied is not None and applied in table.columns:
        values = _decisions(table, applied)
        rows = rows[values == 1]
    rows = rows.dropna()
    rows = rows[rows[doc].isin(considered)].drop_duplicates()
    return pd.DataFrame({doc: rows[doc].astype(object).to_numpy(), code: rows[code].astype(object).to_numpy()})


def _prf(tp, fp, fn):
    tp, fp, fn = (np.asarray(x, dtype=np.float64) for x in (tp, fp, fn))
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), np.nan)
        recall = np.where(tp + fn > 0, tp / (tp + fn), np.nan)
        f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), np.nan)
    return precision, recall, f1
