"""Customer metrics (NPS, CSAT, CES) with their sampling error, as tidy tables.

What this module is for: turning long-form survey answers (one row per answer)
into the numbers a CX report shows: the score of each group (store, period,
segment), its margin of error, whether the group is large enough to show
(privacy suppression) and to trust (reliability flag), whether a change between
two groups is real (:func:`compare_nps`), metrics per period for trend charts
(:func:`trend`) and a target-versus-actual dashboard (:func:`scorecard`).
Survey weights and clustered answers (several answers from one customer or one
store) are handled with design-based (linearisation) variances.

What it is not for: reading or cleaning files (see ``cxresearch.datasets`` and
``cxresearch.schemas``), drawing (``cxresearch.plotting``), or modelling what
drives a score.

Every function validates its arguments first and raises
:class:`~cxresearch.exceptions.ParameterError` (bad argument, unknown column) or
:class:`~cxresearch.exceptions.DataValidationError` (a value breaks the scale),
each with a one-line message naming the column, the bad value, its row and the
fix. The computation is vectorised: groups are tabulated once with
``numpy.bincount`` (no Python function per group), so ten million answers over
400 stores take about a second.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests

from . import config
from ._checks import check_columns, check_frame
from .exceptions import DataValidationError, ParameterError

__all__ = [
    "nps",
    "csat",
    "ces",
    "compare_nps",
    "adjust_pvalues",
    "trend",
    "scorecard",
    "NPS_COLUMNS",
    "CSAT_COLUMNS",
    "CES_COLUMNS",
    "COMPARE_COLUMNS",
    "COMPARE_REST_COLUMNS",
    "SCORECARD_COLUMNS",
]

#: Output columns of :func:`nps`, after the ``by`` columns.
NPS_COLUMNS = ("n", "n_missing", "promoters", "passives", "detractors", "nps", "se",
               "ci_low", "ci_high", "reliable", "suppressed")
#: Output columns of :func:`csat`, after the ``by`` columns.
CSAT_COLUMNS = ("n", "n_missing", "top_box", "ci_low", "ci_high", "mean", "mean_ci_low",
                "mean_ci_high", "reliable", "suppressed")
#: Output columns of :func:`ces`, after the ``by`` columns.
CES_COLUMNS = ("n", "n_missing", "mean", "ci_low", "ci_high", "easy", "easy_ci_low",
               "easy_ci_high", "reliable", "suppressed")
#: Output columns of :func:`compare_nps` given ``a`` and ``b``.
COMPARE_COLUMNS = ("group_a", "group_b", "n_a", "n_b", "nps_a", "nps_b", "difference",
                   "ci_low", "ci_high", "z", "p_value", "significant", "suppressed")
#: Output columns of :func:`compare_nps` without ``a``/``b``, after the group column.
COMPARE_REST_COLUMNS = ("n", "n_rest", "nps", "nps_rest", "difference", "ci_low", "ci_high",
                        "z", "p_value", "p_fdr", "significant", "suppressed")
#: Columns :func:`scorecard` adds to its input.
SCORECARD_COLUMNS = ("gap", "change", "trend", "status")

_NPS_SCALE = (0, 10)
_PERIOD_FREQS = {"D": "D", "W": "W", "M": "M", "ME": "M", "Q": "Q", "QE": "Q",
                 "Y": "Y", "YE": "Y", "A": "Y"}


# --------------------------------------------------------------------------
# argument checks
# --------------------------------------------------------------------------

def _check_frame(data, parameter="data"):
    check_frame(data, parameter, fix="pass the answers as a long-form DataFrame, one row per answer")


def _check_column(data, column, parameter):
    check_columns(data, column, parameter)


def _as_list(by, parameter="by"):
    if by is None:
        return []
    if isinstance(by, (list, tuple)):
        names = list(by)
    else:
        names = [by]
    if len(set(map(repr, names))) != len(names):
        raise ParameterError("a column is named twice", parameter=parameter, value=by,
                             fix="name each grouping column once")
    return names


def _check_ci(ci, parameter="ci"):
    if (isinstance(ci, bool) or not isinstance(ci, numbers.Real)
            or not np.isfinite(ci) or not 0 < ci < 1):
        raise ParameterError("confidence level must be a number between 0 and 1",
                             parameter=parameter, value=ci, fix="use e.g. ci=0.95")
    return float(ci)


def _check_count(value, parameter, default):
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        raise ParameterError("must be a whole number of answers, 0 or more",
                             parameter=parameter, value=value,
                             fix=f"use e.g. {parameter}={default}")
    return int(value)


def _check_scale(scale, parameter="scale"):
    ok = (isinstance(scale, (tuple, list)) and len(scale) == 2
          and all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in scale)
          and scale[0] < scale[1])
    if not ok:
        raise ParameterError("scale must be (lowest, highest) whole numbers, lowest first",
                             parameter=parameter, value=scale, fix="use e.g. scale=(1, 5)")
    return int(scale[0]), int(scale[1])


# --------------------------------------------------------------------------
# reading answers into a per-group tabulation
# --------------------------------------------------------------------------

def _row_label(data, position):
    return _plain(data.index[int(position)])


def _plain(value):
    """numpy scalars as Python ones, so messages read 11, not np.int64(11)."""
    return value.item() if isinstance(value, np.generic) else value


def _scale_points(data, column, low, high, parameter):
    """Scores as 0-based scale points (score - low); -1 where the score is missing."""
    series = data[column]
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype) or not pd.api.types.is_numeric_dtype(dtype):
        notna = series.notna().to_numpy()
        if notna.any():
            coerced = pd.to_numeric(series, errors="coerce").isna().to_numpy()
            bad = notna & coerced
            pos = int(np.argmax(bad)) if bad.any() else int(np.argmax(notna))
            raise DataValidationError(
                f"scores must be numbers on the {low}-{high} scale, found {dtype} values",
                column=column, value=_plain(series.iloc[pos]), row=_row_label(data, pos),
                fix=f"convert {column!r} to numbers (pd.to_numeric); fix or blank bad answers")
        return np.full(len(series), -1, dtype=np.int64)

    if pd.api.types.is_integer_dtype(dtype) and isinstance(dtype, np.dtype):
        values = series.to_numpy()
        if len(values) and (values.min() < low or values.max() > high):
            bad = (values < low) | (values > high)
            pos = int(np.argmax(bad))
            raise DataValidationError(
                f"score outside the {low}-{high} scale", column=column,
                value=_plain(series.iloc[pos]), row=_row_label(data, pos),
                fix=f"correct or blank the answer; {column!r} takes whole numbers {low}-{high}")
        return values.astype(np.int64, copy=False) - low

    if isinstance(dtype, np.dtype):
        values = series.to_numpy(dtype=np.float64)
    else:  # pandas nullable dtypes (Int64, Float64): pd.NA becomes NaN
        values = series.to_numpy(dtype=np.float64, na_value=np.nan)
    missing = np.isnan(values)
    with np.errstate(invalid="ignore"):
        bad = ~missing & ((values < low) | (values > high) | (values != np.floor(values)))
    if bad.any():
        pos = int(np.argmax(bad))
        value = _plain(series.iloc[pos])
        problem = (f"score outside the {low}-{high} scale" if not low <= value <= high
                   else "score is not a whole number")
        raise DataValidationError(
            problem, column=column, value=value, row=_row_label(data, pos),
            fix=f"correct or blank the answer; {column!r} takes whole numbers {low}-{high}")
    points = np.where(missing, -1.0, values - low)
    return points.astype(np.int64)


def _group_codes(data, by):
    """Integer code per row (-1 when a key is missing) and one sorted row per group."""
    if not by:
        return np.zeros(len(data), dtype=np.int64), pd.DataFrame(index=range(1))
    if len(by) == 1:
        codes, uniques = pd.factorize(data[by[0]], sort=True)
        keys = pd.DataFrame({by[0]: uniques})
        return codes.astype(np.int64, copy=False), keys

    parts = [pd.factorize(data[b], sort=True) for b in by]
    sizes = [max(len(u), 1) for _, u in parts]
    if np.prod(np.array(sizes, dtype=float)) > 2.0 ** 62:  # too many combinations to pack
        grouped = data.groupby(by, sort=True, dropna=True, observed=True)
        codes = grouped.ngroup().to_numpy()
        codes = np.where(np.isnan(codes.astype(float)), -1, codes).astype(np.int64)
        keys = grouped.size().index.to_frame(index=False)
        return codes, keys
    combined = np.zeros(len(data), dtype=np.int64)
    missing = np.zeros(len(data), dtype=bool)
    for (codes_k, _), size in zip(parts, sizes):
        missing |= codes_k < 0
        combined = combined * size + codes_k
    has_key = ~missing
    codes = np.full(len(data), -1, dtype=np.int64)
    sub_codes, packed = pd.factorize(combined[has_key], sort=True)
    codes[has_key] = sub_codes
    digits = np.unravel_index(np.asarray(packed, dtype=np.int64), sizes) if len(packed) else [
        np.array([], dtype=np.int64)] * len(by)
    keys = pd.DataFrame({b: uniques.take(d) for b, (_, uniques), d in zip(by, parts, digits)})
    return codes, keys


@dataclass
class _Answers:
    """Valid answers tabulated per group x scale point (internal)."""

    keys: pd.DataFrame
    n_groups: int
    n_points: int
    n: np.ndarray            # valid answers per group
    n_missing: np.ndarray    # missing scores per group
    counts: np.ndarray       # (groups, points) number of answers
    tw: np.ndarray           # (groups, points) sum of weights
    tw2: np.ndarray          # (groups, points) sum of squared weights
    wsum: np.ndarray         # per group sum of weights
    # row level, kept only when answers are clustered:
    cells: np.ndarray | None = None        # group * n_points + point, per valid answer
    weights: np.ndarray | None = None      # weight per valid answer (None: all 1)
    pairs: np.ndarray | None = None        # (group, cluster) code per valid answer
    pair_group: np.ndarray | None = None
    pair_cluster: np.ndarray | None = None
    n_pairs: int = 0
    n_clusters_total: int = 0
    n_clusters: np.ndarray | None = None   # clusters per group

    @property
    def clustered(self):
        return self.pairs is not None


def _weight_values(data, weight, valid):
    series = data[weight]
    if pd.api.types.is_bool_dtype(series.dtype) or not pd.api.types.is_numeric_dtype(series.dtype):
        pos = int(np.argmax(valid)) if valid.any() else 0
        raise DataValidationError(
            "weights must be numbers", column=weight,
            value=_plain(series.iloc[pos]) if len(series) else None,
            row=_row_label(data, pos) if len(series) else None,
            fix=f"convert {weight!r} to numbers (pd.to_numeric)")
    values = series.to_numpy(dtype=np.float64, na_value=np.nan)
    with np.errstate(invalid="ignore"):
        bad = valid & ~(np.isfinite(values) & (values >= 0))
    if bad.any():
        pos = int(np.argmax(bad))
        raise DataValidationError(
            "weight is missing, negative or infinite", column=weight,
            value=_plain(series.iloc[pos]), row=_row_label(data, pos),
            fix="give every answered row a finite weight of 0 or more")
    return values


def _prepare(data, *, score, by, weight, cluster, low, high):
    """Validate the columns and tabulate the valid answers of every group."""
    _check_frame(data)
    by = _as_list(by)
    _check_column(data, score, "score")
    for name in by:
        _check_column(data, name, "by")
    if weight is not None:
        _check_column(data, weight, "weight")
    if cluster is not None:
        _check_column(data, cluster, "cluster")
    if score in by:
        raise ParameterError("cannot group by the score column itself", column=score,
                             parameter="by", fix="group by another column (store, period...)")

    points_all = _scale_points(data, score, low, high, "score")
    codes_all, keys = _group_codes(data, by)
    n_groups = len(keys)
    n_points = high - low + 1

    has_key = codes_all >= 0
    answered = points_all >= 0
    valid = has_key & answered
    everything_valid = bool(valid.all())
    n_missing = np.bincount(codes_all[has_key & ~answered], minlength=n_groups)
    if everything_valid:
        cells = codes_all * n_points + points_all
    else:
        cells = codes_all[valid] * n_points + points_all[valid]
    size = n_groups * n_points
    counts = np.bincount(cells, minlength=size).reshape(n_groups, n_points)
    n = counts.sum(axis=1)

    w = None
    if weight is not None:
        w_all = _weight_values(data, weight, valid)
        w = w_all if everything_valid else w_all[valid]
        tw = np.bincount(cells, weights=w, minlength=size).reshape(n_groups, n_points)
        tw2 = np.bincount(cells, weights=w * w, minlength=size).reshape(n_groups, n_points)
    else:
        tw = tw2 = counts.astype(np.float64)

    ans = _Answers(keys=keys, n_groups=n_groups, n_points=n_points, n=n, n_missing=n_missing,
                   counts=counts, tw=tw, tw2=tw2, wsum=tw.sum(axis=1))
    if cluster is not None:
        ids = data[cluster]
        id_missing = ids.isna().to_numpy()
        if (valid & id_missing).any():
            pos = int(np.argmax(valid & id_missing))
            raise DataValidationError(
                "cluster id is missing on an answered row", column=cluster, value=None,
                row=_row_label(data, pos),
                fix=f"fill {cluster!r} (e.g. the customer or store id) on every answered row")
        cluster_codes, _ = pd.factorize(ids if everything_valid else ids[valid])
        n_clusters_total = int(cluster_codes.max()) + 1 if len(cluster_codes) else 0
        group_codes = cells // n_points
        pairs, pair_keys = pd.factorize(group_codes * max(n_clusters_total, 1) + cluster_codes)
        pair_keys = np.asarray(pair_keys, dtype=np.int64)
        ans.cells = cells
        ans.weights = w
        ans.pairs = pairs
        ans.pair_group = pair_keys // max(n_clusters_total, 1)
        ans.pair_cluster = pair_keys % max(n_clusters_total, 1)
        ans.n_pairs = len(pair_keys)
        ans.n_clusters_total = n_clusters_total
        ans.n_clusters = np.bincount(ans.pair_group, minlength=n_groups)
    return ans


# --------------------------------------------------------------------------
# estimation shared by nps / csat / ces / compare_nps
# --------------------------------------------------------------------------

def _design_variance(num, wsum, m, small_sample):
    """Scale a sum of squared (cluster) residual totals into a variance."""
    with np.errstate(divide="ignore", invalid="ignore"):
        if small_sample:
            factor = np.where(m >= 2, m / np.maximum(m - 1, 1), np.nan)
        else:
            factor = 1.0
        return factor * num / wsum ** 2


def _estimate(ans, f, *, small_sample):
    """Weighted mean of ``f(score)`` per group, its linearised variance and its df.

    ``f`` holds the value of the variable at each scale point. Unclustered, the
    variance is sum_i w_i^2 (y_i - m)^2 / W^2 (times n/(n-1) when
    ``small_sample``); clustered, it is G/(G-1) sum_g (sum_{i in g} w_i (y_i - m))^2 / W^2.
    Returns (estimate, variance, number of independent units).
    """
    f = np.asarray(f, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        est = ans.tw @ f / ans.wsum
    dev = f[None, :] - est[:, None]
    if not ans.clustered:
        num = (ans.tw2 * dev ** 2).sum(axis=1)
        units = ans.n
    else:
        resid = dev.ravel()[ans.cells]
        if ans.weights is not None:
            resid = resid * ans.weights
        totals = np.bincount(ans.pairs, weights=resid, minlength=ans.n_pairs)
        num = np.bincount(ans.pair_group, weights=totals ** 2, minlength=ans.n_groups)
        units = ans.n_clusters
        small_sample = True  # CR1: G/(G-1) always
    return est, _design_variance(num, ans.wsum, units, small_sample), units


def _interval(centre, var, ci, lower, upper, df=None):
    """Symmetric interval, normal (df None) or t quantile, clipped to [lower, upper]."""
    se = np.sqrt(var)
    if df is None:
        q = stats.norm.ppf(0.5 + ci / 2)
    else:
        with np.errstate(invalid="ignore"):
            q = stats.t.ppf(0.5 + ci / 2, np.where(df >= 1, df, np.nan))
    return se, np.clip(centre - q * se, lower, upper), np.clip(centre + q * se, lower, upper)


def _finish(ans, columns, value_columns, min_n_privacy, min_n_reliable):
    """Assemble the tidy table, withholding small groups and flagging unreliable ones."""
    out = ans.keys.copy()
    out["n"] = ans.n.astype(np.int64)
    out["n_missing"] = ans.n_missing.astype(np.int64)
    suppressed = ans.n < min_n_privacy
    for name, values in columns.items():
        values = np.asarray(values, dtype=np.float64)
        if name in value_columns:
            values = np.where(suppressed, np.nan, values)
        out[name] = values
    out["reliable"] = (ans.n >= min_n_reliable) & ~suppressed
    out["suppressed"] = suppressed
    return out.reset_index(drop=True)


def _thresholds(min_n_privacy, min_n_reliable):
    return (_check_count(min_n_privacy, "min_n_privacy", config.MIN_N_PRIVACY),
            _check_count(min_n_reliable, "min_n_reliable", config.MIN_N_RELIABLE))


def _nps_indicators():
    points = np.arange(_NPS_SCALE[0], _NPS_SCALE[1] + 1)
    promoter = (points >= 9).astype(np.float64)
    detractor = (points <= 6).astype(np.float64)
    return promoter, detractor


# --------------------------------------------------------------------------
# public metrics
# --------------------------------------------------------------------------

def nps(data, score="nps", by=None, ci=0.95, weight=None, cluster=None, method="wald",
        min_n_privacy=None, min_n_reliable=None):
    """Net Promoter Score per group, with its standard error and confidence interval.

    Parameters
    ----------
    data : pandas.DataFrame
        Long-form answers, one row per answer.
    score : str, default "nps"
        Column with the likelihood-to-recommend answer, whole numbers 0-10.
        Missing answers are ignored and counted in ``n_missing``.
    by : str or list of str, optional
        Grouping column(s), e.g. ``"unit_id"`` or ``["region", "month"]``.
        Rows whose grouping key is missing are dropped (they belong to no
        group and are not counted anywhere).
    ci : float, default 0.95
        Confidence level of the interval.
    weight : str, optional
        Column of survey weights (finite, 0 or more). Shares and NPS become
        weighted, the variance is the linearisation (sandwich) variance.
    cluster : str, optional
        Column identifying the cluster of each answer (customer, store):
        answers of one cluster are not independent, so the variance is
        cluster-robust. Combines with ``weight``.
    method : {"wald", "adjusted-wald"}, default "wald"
        Interval method. ``"adjusted-wald"`` (Rocks 2016; Sauro & Lewis) adds
        3/4 of a promoter and 3/4 of a detractor (n + 3) for the interval only;
        unweighted and unclustered answers only.
    min_n_privacy : int, optional
        Groups with fewer valid answers are withheld (default
        ``config.MIN_N_PRIVACY``).
    min_n_reliable : int, optional
        Groups with fewer valid answers are flagged ``reliable=False``
        (default ``config.MIN_N_RELIABLE``).

    Returns
    -------
    pandas.DataFrame
        One row per group (sorted by the ``by`` columns), columns:

        * the ``by`` columns
        * ``n``: valid answers; ``n_missing``: missing scores ignored
        * ``promoters``, ``passives``, ``detractors``: shares 0-1 (weighted if
          ``weight``)
        * ``nps``: NPS in points, -100..100
        * ``se``: standard error in NPS points (of the interval's method)
        * ``ci_low``, ``ci_high``: confidence interval in points, clipped to
          -100..100
        * ``reliable``: n >= min_n_reliable (and not suppressed)
        * ``suppressed``: n < min_n_privacy; the row stays, ``n`` and
          ``n_missing`` stay visible and every share/NPS/se/CI column is NaN.

    Raises
    ------
    ParameterError
        Unknown column, bad ``ci``, ``method`` or threshold.
    DataValidationError
        A score that is not a whole number 0-10, a negative or missing weight,
        a missing cluster id.

    Notes
    -----
    Each answer is scored x = +1 (promoter, 9-10), 0 (passive, 7-8), -1
    (detractor, 0-6); NPS = 100 * mean(x) = 100 (p - d).

    * Unweighted, unclustered (Wald): var(NPS/100) = (p + d - (p - d)^2) / n,
      with the normal quantile for ``ci``.
    * Adjusted Wald: n' = n + 3, p' = (P + 3/4) / n', d' = (D + 3/4) / n',
      interval (p' - d') +/- z sqrt((p' + d' - (p' - d')^2) / n'); the point
      estimate ``nps`` stays the unadjusted 100 (p - d).
    * Weighted: m = sum w_i x_i / W with W = sum w_i, and
      var(m) = sum_i w_i^2 (x_i - m)^2 / W^2 (the HC0 sandwich of a weighted
      least-squares intercept); with all weights 1 it is the Wald variance.
    * Clustered (CR1, as in survey software with clusters as PSUs):
      var(m) = G / (G - 1) * sum_g (sum_{i in g} w_i (x_i - m))^2 / W^2,
      G = number of clusters in the group (w_i = 1 when unweighted). It
      equals statsmodels' ``OLS(x, 1).fit(cov_type="cluster")``. With fewer
      than 2 clusters the variance is NaN.

    ``n`` always counts answers, not weights or clusters.

    References
    ----------
    Rocks, B. (2016). Interval estimation for the "net promoter score".
    The American Statistician, 70(4), 365-372.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.metrics import nps
    >>> answers = pd.DataFrame({
    ...     "store": ["A"] * 10 + ["B"] * 9,
    ...     "nps": [10, 9, 9, 10, 9, 8, 7, 8, 3, 5] + [9] * 9})
    >>> table = nps(answers, by="store")
    >>> table[["store", "n", "nps", "reliable", "suppressed"]]
      store   n   nps  reliable  suppressed
    0     A  10  30.0     False       False
    1     B   9   NaN     False        True
    >>> round(float(table.loc[0, "se"]), 2)
    24.7
    """
    ci = _check_ci(ci)
    if method not in ("wald", "adjusted-wald"):
        raise ParameterError("unknown interval method", parameter="method", value=method,
                             fix="use 'wald' or 'adjusted-wald'")
    if method == "adjusted-wald" and (weight is not None or cluster is not None):
        raise ParameterError(
            "the adjusted Wald interval is for unweighted, unclustered answers",
            parameter="method", value=method,
            fix="use method='wald' with weight= or cluster=")
    min_n_privacy, min_n_reliable = _thresholds(min_n_privacy, min_n_reliable)
    ans = _prepare(data, score=score, by=by, weight=weight, cluster=cluster,
                   low=_NPS_SCALE[0], high=_NPS_SCALE[1])
    columns = _nps_columns(ans, ci, method)
    return _finish(ans, columns, set(columns), min_n_privacy, min_n_reliable)


def _nps_columns(ans, ci, method):
    promoter, detractor = _nps_indicators()
    with np.errstate(divide="ignore", invalid="ignore"):
        p = ans.tw @ promoter / ans.wsum
        d = ans.tw @ detractor / ans.wsum
        est, var, _ = _estimate(ans, promoter - detractor, small_sample=False)
        if method == "adjusted-wald":
            n_adj = ans.n + 3.0
            p_adj = (ans.counts @ promoter + 0.75) / n_adj
            d_adj = (ans.counts @ detractor + 0.75) / n_adj
            centre = p_adj - d_adj
            var = (p_adj + d_adj - centre ** 2) / n_adj
        else:
            centre = est
    se, low, high = _interval(centre, var, ci, -1.0, 1.0)
    return {"promoters": p, "passives": 1.0 - p - d, "detractors": d, "nps": 100 * est,
            "se": 100 * se, "ci_low": 100 * low, "ci_high": 100 * high}


def _share_and_mean(ans, share_f, ci):
    """Share (Wald, normal) and mean (t) with their intervals, for csat and ces."""
    points = np.arange(ans.n_points, dtype=np.float64)
    share, share_var, _ = _estimate(ans, share_f, small_sample=False)
    _, share_low, share_high = _interval(share, share_var, ci, 0.0, 1.0)
    mean, mean_var, units = _estimate(ans, points, small_sample=True)
    _, mean_low, mean_high = _interval(mean, mean_var, ci, 0.0, ans.n_points - 1.0,
                                       df=units - 1.0)
    return share, share_low, share_high, mean, mean_low, mean_high


def csat(data, score="csat", by=None, top_box=2, scale=(1, 5), ci=0.95, weight=None,
         cluster=None, min_n_privacy=None, min_n_reliable=None):
    """Customer satisfaction per group: top-box share and mean, with intervals.

    Parameters
    ----------
    data : pandas.DataFrame
        Long-form answers, one row per answer.
    score : str, default "csat"
        Column with the satisfaction answer, whole numbers on ``scale``;
        missing answers are ignored and counted in ``n_missing``.
    by : str or list of str, optional
        Grouping column(s); rows with a missing key are dropped.
    top_box : int, default 2
        How many of the highest scale points count as satisfied (2 on a 1-5
        scale: answers 4 and 5).
    scale : (int, int), default (1, 5)
        Lowest and highest answer.
    ci : float, default 0.95
        Confidence level.
    weight, cluster : str, optional
        Survey-weight and cluster columns, as in :func:`nps`.
    min_n_privacy, min_n_reliable : int, optional
        Suppression and reliability thresholds, as in :func:`nps`.

    Returns
    -------
    pandas.DataFrame
        One row per group: the ``by`` columns, ``n``, ``n_missing``,
        ``top_box`` (share 0-1 of answers in the top boxes), ``ci_low``,
        ``ci_high`` (its Wald interval, normal quantile, clipped to 0-1),
        ``mean``, ``mean_ci_low``, ``mean_ci_high`` (t interval, clipped to
        the scale), ``reliable``, ``suppressed`` (values NaN when suppressed).

    Notes
    -----
    The share uses the Wald variance s(1 - s)/n (weighted: HC0 sandwich;
    clustered: CR1), exactly as :func:`nps`. The mean uses the classic
    variance of a mean, sum (y - m)^2 / (n (n - 1)) with a t quantile on
    n - 1 degrees of freedom; weighted, sum w^2 (y - m)^2 / W^2 * n/(n-1)
    (HC1); clustered, CR1 with a t quantile on G - 1 degrees of freedom.
    Unweighted and unclustered, the mean interval is the textbook
    ``scipy.stats.t.interval`` one.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.metrics import csat
    >>> answers = pd.DataFrame({"csat": [5, 4, 4, 3, 5, 2, 4, 5, 1, 4]})
    >>> table = csat(answers)
    >>> table[["n", "top_box", "mean"]]
        n  top_box  mean
    0  10      0.7   3.7
    """
    ci = _check_ci(ci)
    low, high = _check_scale(scale)
    n_points = high - low + 1
    if (isinstance(top_box, bool) or not isinstance(top_box, numbers.Integral)
            or not 1 <= top_box < n_points):
        raise ParameterError(
            f"top_box must be a whole number from 1 to {n_points - 1} on a {low}-{high} scale",
            parameter="top_box", value=top_box, fix="use e.g. top_box=2")
    min_n_privacy, min_n_reliable = _thresholds(min_n_privacy, min_n_reliable)
    ans = _prepare(data, score=score, by=by, weight=weight, cluster=cluster, low=low, high=high)
    in_top = (np.arange(n_points) >= n_points - top_box).astype(np.float64)
    share, s_low, s_high, mean, m_low, m_high = _share_and_mean(ans, in_top, ci)
    columns = {"top_box": share, "ci_low": s_low, "ci_high": s_high, "mean": mean + low,
               "mean_ci_low": m_low + low, "mean_ci_high": m_high + low}
    return _finish(ans, columns, set(columns), min_n_privacy, min_n_reliable)


def ces(data, score="ces", by=None, scale=(1, 7), easy_from=5, ci=0.95, weight=None,
        cluster=None, min_n_privacy=None, min_n_reliable=None):
    """Customer Effort Score per group: mean and share of "easy" answers, with intervals.

    Parameters
    ----------
    data : pandas.DataFrame
        Long-form answers, one row per answer.
    score : str, default "ces"
        Column with the effort answer, whole numbers on ``scale`` (higher =
        easier); missing answers are ignored and counted in ``n_missing``.
    by : str or list of str, optional
        Grouping column(s); rows with a missing key are dropped.
    scale : (int, int), default (1, 7)
        Lowest and highest answer.
    easy_from : int, default 5
        Answers at or above this point count as easy (5-7 on a 1-7 scale).
    ci : float, default 0.95
        Confidence level.
    weight, cluster : str, optional
        Survey-weight and cluster columns, as in :func:`nps`.
    min_n_privacy, min_n_reliable : int, optional
        Suppression and reliability thresholds, as in :func:`nps`.

    Returns
    -------
    pandas.DataFrame
        One row per group: the ``by`` columns, ``n``, ``n_missing``,
        ``mean``, ``ci_low``, ``ci_high`` (t interval of the mean, clipped
        to the scale),
        ``easy`` (share 0-1), ``easy_ci_low``, ``easy_ci_high`` (Wald,
        normal quantile, clipped to 0-1), ``reliable``, ``suppressed``.

    Notes
    -----
    Same estimators as :func:`csat`: the mean interval is t-based (n - 1
    degrees of freedom, or G - 1 with clusters), the share interval Wald.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.metrics import ces
    >>> answers = pd.DataFrame({"ces": [7, 6, 5, 5, 4, 7, 2, 6, 5, 3]})
    >>> table = ces(answers)
    >>> table[["n", "mean", "easy"]]
        n  mean  easy
    0  10   5.0   0.7
    """
    ci = _check_ci(ci)
    low, high = _check_scale(scale)
    if (isinstance(easy_from, bool) or not isinstance(easy_from, numbers.Integral)
            or not low < easy_from <= high):
        raise ParameterError(
            f"easy_from must be a whole number above {low} and at most {high}",
            parameter="easy_from", value=easy_from, fix="use e.g. easy_from=5 on a 1-7 scale")
    min_n_privacy, min_n_reliable = _thresholds(min_n_privacy, min_n_reliable)
    ans = _prepare(data, score=score, by=by, weight=weight, cluster=cluster, low=low, high=high)
    is_easy = (np.arange(low, high + 1) >= easy_from).astype(np.float64)
    share, s_low, s_high, mean, m_low, m_high = _share_and_mean(ans, is_easy, ci)
    columns = {"mean": mean + low, "ci_low": m_low + low, "ci_high": m_high + low,
               "easy": share, "easy_ci_low": s_low, "easy_ci_high": s_high}
    return _finish(ans, columns, set(columns), min_n_privacy, min_n_reliable)


# --------------------------------------------------------------------------
# is this change real?
# --------------------------------------------------------------------------

def adjust_pvalues(pvals, method=None):
    """Adjust p-values for multiple testing (default: Benjamini-Hochberg FDR).

    Parameters
    ----------
    pvals : array-like or pandas.Series
        P-values in [0, 1]; NaN entries (e.g. suppressed groups) are kept as
        NaN and left out of the correction.
    method : str, optional
        Any ``statsmodels.stats.multitest.multipletests`` method ("fdr_bh",
        "holm", "bonferroni", ...). Default ``config.FDR_METHOD``.

    Returns
    -------
    numpy.ndarray or pandas.Series
        Adjusted p-values, same shape (a Series keeps its index).

    Examples
    --------
    >>> from cxresearch.metrics import adjust_pvalues
    >>> adjust_pvalues([0.01, 0.04, 0.03, float("nan")]).round(3).tolist()
    [0.03, 0.04, 0.04, nan]
    """
    method = config.FDR_METHOD if method is None else method
    index = pvals.index if isinstance(pvals, pd.Series) else None
    try:
        values = np.asarray(pvals, dtype=np.float64).ravel()
    except (TypeError, ValueError):
        raise ParameterError("p-values must be numbers", parameter="pvals", value=pvals,
                             fix="pass a list or array of p-values between 0 and 1") from None
    present = ~np.isnan(values)
    if ((values[present] < 0) | (values[present] > 1)).any():
        bad = values[present][(values[present] < 0) | (values[present] > 1)][0]
        raise ParameterError("p-value outside 0-1", parameter="pvals", value=float(bad),
                             fix="pass p-values between 0 and 1")
    adjusted = np.full(values.shape, np.nan)
    if present.any():
        try:
            adjusted[present] = multipletests(values[present], method=method)[1]
        except ValueError:
            raise ParameterError("unknown p-value adjustment method", parameter="method",
                                 value=method, fix="use e.g. 'fdr_bh', 'holm' or 'bonferroni'"
                                 ) from None
    if index is not None:
        return pd.Series(adjusted, index=index, name=getattr(pvals, "name", None))
    return adjusted


def _difference_test(diff, var, ci):
    with np.errstate(invalid="ignore", divide="ignore"):
        se = np.sqrt(var)
        z = diff / se
        p = 2 * stats.norm.sf(np.abs(z))
    q = stats.norm.ppf(0.5 + ci / 2)
    return z, p, diff - q * se, diff + q * se


def _rest_estimate(ans, f):
    """Mean of f(score) over all answers outside each group, and its variance.

    Unclustered, the rest's table is the total table minus the group's.
    Clustered, the cluster totals of the rest are the clusters' totals minus
    the group's part, expanded in moments so no loop over groups is needed.
    """
    f = np.asarray(f, dtype=np.float64)
    tw_rest = ans.tw.sum(axis=0)[None, :] - ans.tw
    w_rest = tw_rest.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        est = tw_rest @ f / w_rest
    n_rest = ans.n.sum() - ans.n
    if not ans.clustered:
        tw2_rest = ans.tw2.sum(axis=0)[None, :] - ans.tw2
        num = (tw2_rest * (f[None, :] - est[:, None]) ** 2).sum(axis=1)
        return est, _design_variance(num, w_rest, n_rest, False), n_rest

    # centre on the overall mean so the moment sums below do not cancel badly
    centre = ans.tw.sum(axis=0) @ f / ans.tw.sum()
    fc = f - centre
    est_c = est - centre
    w = ans.weights if ans.weights is not None else 1.0
    y = fc[ans.cells % ans.n_points]
    a_pair = np.bincount(ans.pairs, weights=w * y, minlength=ans.n_pairs)
    b_pair = np.bincount(ans.pairs, weights=np.broadcast_to(w, y.shape), minlength=ans.n_pairs)
    n_pair = np.bincount(ans.pairs, minlength=ans.n_pairs)
    k = ans.pair_cluster
    a_k = np.bincount(k, weights=a_pair, minlength=ans.n_clusters_total)
    b_k = np.bincount(k, weights=b_pair, minlength=ans.n_clusters_total)
    n_k = np.bincount(k, weights=n_pair, minlength=ans.n_clusters_total)
    base = (a_k @ a_k) - 2 * est_c * (a_k @ b_k) + est_c ** 2 * (b_k @ b_k)
    e = est_c[ans.pair_group]
    inside = ((a_k[k] - a_pair) - e * (b_k[k] - b_pair)) ** 2 - (a_k[k] - e * b_k[k]) ** 2
    num = base + np.bincount(ans.pair_group, weights=inside, minlength=ans.n_groups)
    whole_in_group = np.bincount(ans.pair_group, weights=(n_pair == n_k[k]),
                                 minlength=ans.n_groups)
    clusters_rest = ans.n_clusters_total - whole_in_group
    return est, _design_variance(num, w_rest, clusters_rest, True), n_rest


def compare_nps(data, score="nps", group=None, a=None, b=None, ci=0.95, weight=None,
                cluster=None, min_n_privacy=None):
    """Test whether an NPS difference is real: two groups, or each group against the rest.

    Parameters
    ----------
    data : pandas.DataFrame
        Long-form answers, one row per answer.
    score : str, default "nps"
        NPS answer column (0-10).
    group : str
        Column that defines the groups (period, store, segment). Required.
    a, b : optional
        Two values of ``group`` to compare (e.g. last and this month); give
        both or neither. Without them every group is compared with all the
        other answers ("the rest") and p-values are FDR-adjusted.
    ci : float, default 0.95
        Confidence level of the interval of the difference; a result is
        significant when its p-value (``p_fdr`` for group-vs-rest) is below
        1 - ci.
    weight, cluster : str, optional
        Survey-weight and cluster columns, as in :func:`nps`.
    min_n_privacy : int, optional
        Groups (and rests) with fewer answers get NaN results and
        ``suppressed=True`` (default ``config.MIN_N_PRIVACY``).

    Returns
    -------
    pandas.DataFrame
        With ``a`` and ``b``: one row, ``group_a``, ``group_b``, ``n_a``,
        ``n_b``, ``nps_a``, ``nps_b``, ``difference`` (b - a, NPS points),
        ``ci_low``, ``ci_high``, ``z``, ``p_value``, ``significant``,
        ``suppressed``.

        Without: one row per group, the ``group`` column (named after it),
        ``n``, ``n_rest``, ``nps``, ``nps_rest``, ``difference`` (group -
        rest), ``ci_low``, ``ci_high``, ``z``, ``p_value``, ``p_fdr``
        (Benjamini-Hochberg over the non-suppressed groups), ``significant``,
        ``suppressed``.

    Notes
    -----
    z = difference / sqrt(se_a^2 + se_b^2), two-sided normal p-value, with
    each side's variance from :func:`nps` (Wald; weighted; cluster-robust).
    The two sides are treated as independent samples: when one customer
    answers in both (clusters shared across the groups), the covariance is
    ignored, which makes the test conservative for positively correlated
    answers.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.metrics import compare_nps
    >>> answers = pd.DataFrame({
    ...     "month": ["2025-05"] * 40 + ["2025-06"] * 40,
    ...     "nps": [9] * 14 + [8] * 12 + [4] * 14 + [10] * 24 + [7] * 10 + [3] * 6})
    >>> result = compare_nps(answers, group="month", a="2025-05", b="2025-06")
    >>> result[["nps_a", "nps_b", "difference", "significant"]]
       nps_a  nps_b  difference  significant
    0    0.0   45.0        45.0         True
    """
    ci = _check_ci(ci)
    min_n_privacy = _check_count(min_n_privacy, "min_n_privacy", config.MIN_N_PRIVACY)
    _check_frame(data)
    if group is None:
        raise ParameterError("say which column holds the groups", parameter="group",
                             fix="pass group='period' (or the store, segment... column)")
    if isinstance(group, (list, tuple)):
        raise ParameterError("group must be one column name", parameter="group", value=group,
                             fix="combine the columns into one first")
    _check_column(data, group, "group")
    if (a is None) != (b is None):
        raise ParameterError("give both a and b, or neither", parameter="a" if a is None else "b",
                             fix="pass a= and b= (two values of the group column), or neither "
                                 "to compare each group with the rest")
    if a is not None:
        return _compare_pair(data, score, group, a, b, ci, weight, cluster, min_n_privacy)
    return _compare_rest(data, score, group, ci, weight, cluster, min_n_privacy)


def _compare_pair(data, score, group, a, b, ci, weight, cluster, min_n_privacy):
    if a == b:
        raise ParameterError("a and b are the same group", parameter="b", value=b,
                             fix="compare two different values of the group column")
    _check_column(data, score, "score")
    keys = data[group]
    for name, value in (("a", a), ("b", b)):
        if not (keys == value).any():
            shown = ", ".join(map(repr, pd.unique(keys.dropna())[:10]))
            raise ParameterError(f"no rows with {group} == {value!r}", column=group,
                                 parameter=name, value=value,
                                 fix=f"use a value of {group!r}, e.g. {shown}")
    subset = data[keys.isin([a, b]).to_numpy()]
    ans = _prepare(subset, score=score, by=group, weight=weight, cluster=cluster,
                   low=_NPS_SCALE[0], high=_NPS_SCALE[1])
    promoter, detractor = _nps_indicators()
    est, var, _ = _estimate(ans, promoter - detractor, small_sample=False)
    labels = list(ans.keys[group])
    ia, ib = labels.index(a), labels.index(b)
    n_a, n_b = int(ans.n[ia]), int(ans.n[ib])
    suppressed = n_a < min_n_privacy or n_b < min_n_privacy
    diff = 100 * (est[ib] - est[ia])
    z, p, low, high = _difference_test(diff, 1e4 * (var[ia] + var[ib]), ci)
    row = {"group_a": a, "group_b": b, "n_a": n_a, "n_b": n_b,
           "nps_a": np.nan if n_a < min_n_privacy else 100 * est[ia],
           "nps_b": np.nan if n_b < min_n_privacy else 100 * est[ib],
           "difference": diff, "ci_low": low, "ci_high": high, "z": z, "p_value": p}
    if suppressed:
        row.update(difference=np.nan, ci_low=np.nan, ci_high=np.nan, z=np.nan, p_value=np.nan)
    row["significant"] = bool(row["p_value"] < 1 - ci)
    row["suppressed"] = suppressed
    out = pd.DataFrame([row], columns=list(COMPARE_COLUMNS))
    for name in ("nps_a", "nps_b", "difference", "ci_low", "ci_high", "z", "p_value"):
        out[name] = out[name].astype(np.float64)
    return out


def _compare_rest(data, score, group, ci, weight, cluster, min_n_privacy):
    if group in COMPARE_REST_COLUMNS:
        raise ParameterError("the group column's name clashes with an output column",
                             parameter="group", value=group,
                             fix="rename the column (e.g. to 'segment') before comparing")
    ans = _prepare(data, score=score, by=group, weight=weight, cluster=cluster,
                   low=_NPS_SCALE[0], high=_NPS_SCALE[1])
    promoter, detractor = _nps_indicators()
    x = promoter - detractor
    est, var, _ = _estimate(ans, x, small_sample=False)
    est_rest, var_rest, n_rest = _rest_estimate(ans, x)
    diff = 100 * (est - est_rest)
    z, p, low, high = _difference_test(diff, 1e4 * (var + var_rest), ci)
    suppressed = (ans.n < min_n_privacy) | (n_rest < min_n_privacy)
    out = ans.keys.copy()
    out["n"] = ans.n.astype(np.int64)
    out["n_rest"] = n_rest.astype(np.int64)
    values = {"nps": 100 * est, "nps_rest": 100 * est_rest, "difference": diff,
              "ci_low": low, "ci_high": high, "z": z, "p_value": p}
    for name, v in values.items():
        out[name] = np.where(suppressed, np.nan, v)
    out["p_fdr"] = adjust_pvalues(out["p_value"].to_numpy(), config.FDR_METHOD)
    out["significant"] = (out["p_fdr"] < 1 - ci).to_numpy()
    out["suppressed"] = suppressed
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------
# trends
# --------------------------------------------------------------------------

def _period_labels(periods, freq):
    if freq == "W":
        starts = periods.start_time
        iso = starts.isocalendar()
        return [f"{y}-W{w:02d}" for y, w in zip(iso.year, iso.week)]
    return [str(p) for p in periods]


def trend(data, metric="nps", date="date", freq="M", by=None, **kwargs):
    """A metric per period (and group), ready for a trend chart.

    Parameters
    ----------
    data : pandas.DataFrame
        Long-form answers with a date column.
    metric : {"nps", "csat", "ces"}, default "nps"
        Which metric function to apply.
    date : str, default "date"
        Date column (datetime, or text pandas can parse). Rows with a missing
        date are dropped, like rows with a missing group key.
    freq : {"D", "W", "M", "Q", "Y"}, default "M"
        Period length: day, ISO week (Monday-Sunday), month, quarter, year.
    by : str or list of str, optional
        Further grouping column(s), e.g. the store.
    **kwargs
        Passed to the metric function (``score``, ``ci``, ``weight``,
        ``cluster``, ``min_n_privacy``...).

    Returns
    -------
    pandas.DataFrame
        ``period`` (text label, sorts chronologically), then the ``by``
        columns, then the metric's columns, one row per period (x group)
        that has at least one row; periods with no rows at all do not appear.
        Labels: "2025-06-02" daily, "2025-W23" weekly (ISO year and week, so
        30 Dec 2024 is "2025-W01"), "2025-06" monthly, "2025Q2" quarterly,
        "2025" yearly.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.metrics import trend
    >>> answers = pd.DataFrame({
    ...     "date": pd.to_datetime(["2025-05-03"] * 10 + ["2025-06-20"] * 10),
    ...     "nps": [9, 10, 8, 7, 3, 9, 9, 10, 6, 8] + [10] * 6 + [8] * 4})
    >>> trend(answers, freq="M")[["period", "n", "nps"]]
        period   n   nps
    0  2025-05  10  30.0
    1  2025-06  10  60.0
    """
    functions = {"nps": nps, "csat": csat, "ces": ces}
    if metric not in functions:
        raise ParameterError("unknown metric", parameter="metric", value=metric,
                             fix="use 'nps', 'csat' or 'ces'")
    key = freq.upper() if isinstance(freq, str) else freq
    if key not in _PERIOD_FREQS:
        raise ParameterError("unknown period length", parameter="freq", value=freq,
                             fix="use 'D', 'W', 'M', 'Q' or 'Y'")
    freq = _PERIOD_FREQS[key]
    _check_frame(data)
    _check_column(data, date, "date")
    by = _as_list(by)
    if "period" in data.columns or "period" in by:
        raise ParameterError("the data already has a 'period' column", parameter="data",
                             column="period", fix="rename or drop it before calling trend()")
    if "by" in kwargs:
        raise ParameterError("pass the grouping as trend's own by=", parameter="by")

    dates = data[date]
    if not pd.api.types.is_datetime64_any_dtype(dates.dtype):
        parsed = pd.to_datetime(dates, errors="coerce", format="mixed")
        bad = (dates.notna() & parsed.isna()).to_numpy()
        if bad.any():
            pos = int(np.argmax(bad))
            raise DataValidationError("not a date", column=date, value=_plain(dates.iloc[pos]),
                                      row=_row_label(data, pos),
                                      fix="use ISO dates like 2025-06-30, or blank the cell")
        dates = parsed
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)  # local wall-clock date decides the period
    codes, uniques = pd.factorize(dates.dt.to_period(freq), sort=True)
    labels = _period_labels(pd.PeriodIndex(uniques), freq)
    period = pd.Categorical.from_codes(codes, categories=pd.Index(labels, dtype=object),
                                       validate=False)
    table = functions[metric](data.assign(period=period), by=["period", *by], **kwargs)
    table["period"] = table["period"].astype(str)
    return table


# --------------------------------------------------------------------------
# scorecard
# --------------------------------------------------------------------------

def scorecard(kpis):
    """A target-versus-actual dashboard: gap, change, trend and status per KPI.

    Parameters
    ----------
    kpis : pandas.DataFrame or list of dict
        One row per KPI (1 to 12 rows) with columns:

        * ``kpi`` (unique name), ``value`` (NaN when there is no data yet),
          ``target`` (number, required)
        * optional ``previous`` (last period's value), ``higher_is_better``
          (default True), ``unit`` (e.g. "points", "%", "EUR"; default ""),
          ``tolerance`` (default 0: how far on the wrong side of the target
          still counts as "close", in the KPI's unit)
        * optional evidence on the change: ``change_significant`` (bool), or
          ``ci_low``/``ci_high`` (interval of ``value``) and optionally
          ``previous_ci_low``/``previous_ci_high``.

    Returns
    -------
    pandas.DataFrame
        The input columns (with defaults filled) plus:

        * ``gap``: distance to target, signed so that positive = better than
          target: value - target when higher is better, target - value when
          lower is better.
        * ``change``: value - previous (NaN without previous).
        * ``trend``: "up" / "down" (direction of the value) when the change is
          real, "flat" when it is zero or not significant, missing without a
          previous value.
        * ``status``: "on target" (gap >= 0), "close" (-tolerance <= gap < 0),
          "off target", or "no data" when value is NaN.

    Notes
    -----
    Whether a change is real: ``change_significant`` when given for that
    row; otherwise, when ``ci_low``/``ci_high`` are given, the intervals are
    read as normal intervals at ``config.CONFIDENCE`` (se = width / (2 z))
    and the change is real when |change| > z sqrt(se^2 + se_previous^2)
    (se_previous = 0 when the previous interval is unknown); otherwise any
    non-zero change counts.

    Examples
    --------
    >>> from cxresearch.metrics import scorecard
    >>> card = scorecard([
    ...     {"kpi": "NPS", "value": 32, "target": 30, "previous": 25, "unit": "points"},
    ...     {"kpi": "Complaints", "value": 130, "target": 120, "previous": 150,
    ...      "higher_is_better": False, "tolerance": 15}])
    >>> card[["kpi", "gap", "change", "trend", "status"]]
              kpi   gap  change trend     status
    0         NPS   2.0     7.0    up  on target
    1  Complaints -10.0   -20.0  down      close
    """
    if isinstance(kpis, pd.DataFrame):
        card = kpis.copy()
    elif isinstance(kpis, (list, tuple)) and all(isinstance(r, dict) for r in kpis):
        card = pd.DataFrame(list(kpis))
    else:
        raise ParameterError("expected a DataFrame or a list of dicts, one per KPI",
                             parameter="kpis", fix="pass rows with kpi, value and target")
    card = card.reset_index(drop=True)
    if not 1 <= len(card) <= 12:
        raise ParameterError("a scorecard holds 1 to 12 KPIs", parameter="kpis",
                             value=len(card), fix="pick the five or six that matter most")
    for name in ("kpi", "value", "target"):
        if name not in card.columns:
            raise ParameterError("required column missing", parameter="kpis", column=name,
                                 fix="give every KPI a kpi name, a value and a target")
    duplicated = card["kpi"].duplicated()
    if duplicated.any():
        raise ParameterError("KPI names must be unique", parameter="kpis", column="kpi",
                             value=_plain(card["kpi"][duplicated].iloc[0]),
                             row=int(np.argmax(duplicated.to_numpy())),
                             fix="give each KPI its own name")
    numeric = ["value", "target", "previous", "tolerance", "ci_low", "ci_high",
               "previous_ci_low", "previous_ci_high"]
    for name in numeric:
        if name not in card.columns:
            continue
        converted = pd.to_numeric(card[name], errors="coerce")
        bad = card[name].notna() & converted.isna()
        if name == "target":
            bad |= converted.isna()
        if bad.any():
            pos = int(np.argmax(bad.to_numpy()))
            raise ParameterError("must be a number" + (" (every KPI needs a target)"
                                                       if name == "target" else ""),
                                 parameter="kpis", column=name, value=_plain(card[name].iloc[pos]),
                                 row=pos, fix=f"give {name!r} as a number")
        card[name] = converted.astype(np.float64)

    if "previous" not in card.columns:
        card["previous"] = np.nan
    if "unit" not in card.columns:
        card["unit"] = ""
    card["unit"] = card["unit"].fillna("").astype(str)
    if "higher_is_better" not in card.columns:
        card["higher_is_better"] = True
    better = card["higher_is_better"].astype(object).where(card["higher_is_better"].notna(), True)
    is_bool = better.map(lambda v: isinstance(v, (bool, np.bool_))).to_numpy()
    if not is_bool.all():
        pos = int(np.argmax(~is_bool))
        raise ParameterError("must be True or False", parameter="kpis",
                             column="higher_is_better", value=_plain(better.iloc[pos]), row=pos,
                             fix="use True when a higher value is better, False when lower is")
    card["higher_is_better"] = better.astype(bool)
    if "tolerance" not in card.columns:
        card["tolerance"] = 0.0
    card["tolerance"] = card["tolerance"].fillna(0.0)
    if (card["tolerance"] < 0).any():
        pos = int(np.argmax((card["tolerance"] < 0).to_numpy()))
        raise ParameterError("tolerance cannot be negative", parameter="kpis",
                             column="tolerance", value=_plain(card["tolerance"].iloc[pos]), row=pos,
                             fix="use 0 or a positive distance in the KPI's unit")

    value = card["value"].to_numpy()
    target = card["target"].to_numpy()
    sign = np.where(card["higher_is_better"].to_numpy(), 1.0, -1.0)
    gap = sign * (value - target)
    change = value - card["previous"].to_numpy()

    real = change != 0
    if "ci_low" in card.columns and "ci_high" in card.columns:
        q = stats.norm.ppf(0.5 + config.CONFIDENCE / 2)
        se_now = (card["ci_high"].to_numpy() - card["ci_low"].to_numpy()) / (2 * q)
        se_prev = np.zeros(len(card))
        if "previous_ci_low" in card.columns and "previous_ci_high" in card.columns:
            se_prev = np.nan_to_num((card["previous_ci_high"].to_numpy()
                                     - card["previous_ci_low"].to_numpy()) / (2 * q))
        has_ci = ~np.isnan(se_now)
        real = np.where(has_ci, np.abs(change) > q * np.sqrt(se_now ** 2 + se_prev ** 2), real)
    if "change_significant" in card.columns:
        given = card["change_significant"]
        known = given.notna().to_numpy()
        real = np.where(known, given.where(given.notna(), False).astype(bool).to_numpy(), real)
    real = real & (change != 0)
    direction = np.where(change > 0, "up", "down")
    trend_ = np.where(np.isnan(change), None, np.where(real, direction, "flat"))

    tolerance = card["tolerance"].to_numpy()
    status = np.select([np.isnan(value), gap >= 0, gap >= -tolerance],
                       ["no data", "on target", "close"], default="off target")
    card["gap"] = gap
    card["change"] = change
    card["trend"] = pd.Series(trend_, dtype=object)
    card["status"] = status
    first = ["kpi", "value", "target", "previous", "unit", "higher_is_better", "tolerance"]
    rest = [c for c in card.columns if c not in first and c not in SCORECARD_COLUMNS]
    return card[first + rest + list(SCORECARD_COLUMNS)]
