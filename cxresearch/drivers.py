"""Key-driver analysis: which attributes move the score, and where to act first.

What this module is for: Johnson's relative weights (how much of the score's
explained variance each attribute rating carries, raw and rescaled to 100%,
with R² and bootstrap intervals), and the importance-performance view that
sets each attribute's importance against how well it is rated today.

What it is not for: causal effects (a driver is a rating that goes with the
score, measured in the same answer), churn or money (``cxresearch.linkage``),
or drawing (``cxresearch.plotting``).

The bootstrap is vectorised: rows are split at random into at most
``max_atoms`` atoms whose cross-product sums are computed once; each round
reweights the atoms with Poisson(1) weights, rebuilds the correlation matrix
from the weighted sums and decomposes all rounds' matrices at once.
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from ._checks import check_columns, check_frame
from .exceptions import DataValidationError, ParameterError

__all__ = ["relative_weights", "importance_performance", "QUADRANTS"]

#: Importance-performance quadrants, in the order a reader acts on them.
QUADRANTS = ("act first", "keep it up", "lower priority", "possible overkill")


def _weights_from_correlations(R):
    """Johnson's (2000) raw relative weights and R² from correlation matrices (..., p + 1, p + 1), outcome last."""
    Rxx, rxy = R[..., :-1, :-1], R[..., :-1, -1]
    values, vectors = np.linalg.eigh(Rxx)
    values = np.clip(values, 1e-12, None)
    # Λ = R_xx^½: the correlations of the predictors with their closest orthogonal counterparts
    lam = (vectors * np.sqrt(values)[..., None, :]) @ np.swapaxes(vectors, -1, -2)
    beta = np.linalg.solve(lam, rxy[..., None])[..., 0]
    raw = (lam ** 2) @ (beta ** 2)[..., None]
    return raw[..., 0], (beta ** 2).sum(axis=-1)


def _correlations(sums, n, p):
    """Correlation matrices from (..., n) counts and (..., p, p) cross-product sums of [x, 1] columns."""
    mean = sums[..., :-1, -1] / n[..., None]
    cov = sums[..., :-1, :-1] / n[..., None, None] - mean[..., :, None] * mean[..., None, :]
    sd = np.sqrt(np.clip(np.diagonal(cov, axis1=-2, axis2=-1), 1e-300, None))
    return cov / (sd[..., :, None] * sd[..., None, :])


def relative_weights(data, outcome, drivers, *, n_bootstrap=1000, ci=0.95, seed=None, max_atoms=2000):
    """Johnson's relative weights of the drivers of an outcome, raw and rescaled to 100%, with intervals.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per answer (or customer): the outcome and the driver columns.
    outcome : str
        The score, e.g. ``"nps"``.
    drivers : list of str
        Attribute ratings (numbers), at least two.
    n_bootstrap : int, default 1000
        Bootstrap rounds for the intervals (0: none).
    ci : float, default 0.95
        Percentile intervals.
    seed : int, optional
    max_atoms : int, default 2000
        Atoms of the vectorised bootstrap (module docstring); with fewer rows
        than atoms it is the Poisson bootstrap of rows.

    Returns
    -------
    pandas.DataFrame
        One row per driver, most important first: ``driver``, ``raw_weight``
        (share of the outcome's variance; the raw weights sum to R²),
        ``raw_ci_low``, ``raw_ci_high``, ``rescaled`` (% of R², sums to 100),
        ``rescaled_ci_low``, ``rescaled_ci_high``, ``rank``, ``sign`` (of the
        driver's regression coefficient). ``attrs``: ``r2`` with ``r2_ci``,
        ``n`` (rows with every value present: listwise), ``n_dropped``,
        ``n_bootstrap``.

    Notes
    -----
    Johnson (2000, Multivariate Behavioral Research 35:1): with R_xx = VΛ²Vᵀ
    the drivers' correlation matrix, Λ* = VΛVᵀ relates each driver to its
    closest orthogonal counterpart Z; β = Λ*⁻¹ r_xy are the outcome's weights
    on Z; driver j's raw weight is Σ_k λ*²_jk β_k², and Σ_k β_k² = R². Rows
    with a missing value are left out (listwise), and ``n_dropped`` says how
    many.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from cxresearch.drivers import relative_weights
    >>> rng = np.random.default_rng(0)
    >>> ratings = pd.DataFrame(rng.normal(size=(500, 3)), columns=["staff", "price", "parking"])
    >>> ratings["nps"] = 2 * ratings["staff"] + ratings["price"] + rng.normal(size=500)
    >>> weights = relative_weights(ratings, "nps", ["staff", "price", "parking"], n_bootstrap=200, seed=1)
    >>> weights["driver"].tolist(), round(float(weights["rescaled"].sum()), 6)
    (['staff', 'price', 'parking'], 100.0)
    >>> round(weights.attrs["r2"], 2)
    0.83
    """
    check_frame(data)
    if isinstance(drivers, str) or not isinstance(drivers, (list, tuple)) or len(drivers) < 2:
        raise ParameterError("needs a list of at least two driver columns", parameter="drivers", value=drivers,
                             fix="use e.g. ['attr_staff', 'attr_price', 'attr_delivery']")
    drivers = list(drivers)
    check_columns(data, [outcome, *drivers], "drivers")
    if outcome in drivers:
        raise ParameterError("the outcome is also listed as a driver", parameter="drivers", value=outcome,
                             fix="take the outcome out of the drivers")
    if isinstance(n_bootstrap, bool) or not isinstance(n_bootstrap, numbers.Integral) or n_bootstrap < 0:
        raise ParameterError("must be a whole number of rounds", parameter="n_bootstrap", value=n_bootstrap,
                             fix="use e.g. 1000, or 0 for no intervals")
    if isinstance(ci, bool) or not isinstance(ci, numbers.Real) or not 0 < ci < 1:
        raise ParameterError("the confidence level must be between 0 and 1", parameter="ci", value=ci,
                             fix="use e.g. ci=0.95")
    values = data[[*drivers, outcome]].apply(pd.to_numeric, errors="coerce").to_numpy(float)
    complete = ~np.isnan(values).any(axis=1)
    values = values[complete]
    n, p = values.shape
    if n < p + 2:
        raise DataValidationError("too few complete rows for the drivers", column=outcome, value=int(n),
                                  fix=f"need at least {p + 2} rows with the outcome and every driver answered")
    spread = values.std(axis=0)
    if (spread == 0).any():
        constant = [*drivers, outcome][int(np.flatnonzero(spread == 0)[0])]
        raise DataValidationError("the column does not vary, so it can explain nothing", column=constant,
                                  value=float(values[0, np.flatnonzero(spread == 0)[0]]),
                                  fix="leave it out of the drivers (or check the data)")
    design = np.column_stack([values, np.ones(n)])
    full = design.T @ design
    R = _correlations(full[None], np.array([float(n)]), p)[0]
    raw, r2 = _weights_from_correlations(R)
    coef = np.linalg.solve(R[:-1, :-1], R[:-1, -1])
    table = pd.DataFrame({"driver": drivers, "raw_weight": raw, "rescaled": 100 * raw / r2})
    table["raw_ci_low"] = table["raw_ci_high"] = table["rescaled_ci_low"] = table["rescaled_ci_high"] = np.nan
    r2_ci = (np.nan, np.nan)
    if n_bootstrap:
        rng = np.random.default_rng(seed)
        n_atoms = min(n, max_atoms)
        atom = rng.permutation(n) % n_atoms
        k = design.shape[1]
        atom_sums = np.zeros((n_atoms, k, k))
        for i in range(k):  # each atom's cross-product sums, one column pair at a time (no n x k x k array)
            for j in range(i, k):
                atom_sums[:, i, j] = atom_sums[:, j, i] = np.bincount(atom, design[:, i] * design[:, j],
                                                                      minlength=n_atoms)
        atom_sums = atom_sums.reshape(n_atoms, k * k)
        weights = rng.poisson(1.0, size=(n_bootstrap, n_atoms)).astype(float)
        sums = (weights @ atom_sums).reshape(n_bootstrap, k, k)
        counts = sums[:, -1, -1]
        Rb = _correlations(sums, counts, p)
        raw_b, r2_b = _weights_from_correlations(Rb)
        share_b = 100 * raw_b / r2_b[:, None]
        low, high = 0.5 - ci / 2, 0.5 + ci / 2
        table["raw_ci_low"], table["raw_ci_high"] = np.quantile(raw_b, [low, high], axis=0)
        table["rescaled_ci_low"], table["rescaled_ci_high"] = np.quantile(share_b, [low, high], axis=0)
        r2_ci = tuple(float(x) for x in np.quantile(r2_b, [low, high]))
    table["sign"] = np.where(coef >= 0, "+", "−")
    table = table.sort_values("raw_weight", ascending=False).reset_index(drop=True)
    table["rank"] = np.arange(1, len(table) + 1)
    table = table[["driver", "raw_weight", "raw_ci_low", "raw_ci_high", "rescaled", "rescaled_ci_low",
                   "rescaled_ci_high", "rank", "sign"]]
    table.attrs.update(r2=float(r2), r2_ci=r2_ci, n=int(n), n_dropped=int((~complete).sum()),
                       n_bootstrap=int(n_bootstrap), outcome=outcome)
    return table


def importance_performance(weights, data, *, performance="mean", scale=(1, 5), top_box=2):
    """Each driver's importance beside how well it is rated today, with where to act first.

    Parameters
    ----------
    weights : pandas.DataFrame
        :func:`relative_weights`.
    data : pandas.DataFrame
        The ratings (the drivers' columns).
    performance : {"mean", "top_box"}, default "mean"
        Current score: mean rating, or share of the top ``top_box`` answers.
    scale : (low, high), default (1, 5)
    top_box : int, default 2

    Returns
    -------
    pandas.DataFrame
        ``driver``, ``importance`` (rescaled weight, % of R²), ``performance``,
        ``n`` (answers), ``quadrant``: "act first" (importance at or above the
        drivers' mean, performance below theirs), "keep it up" (important,
        rated well), "lower priority", "possible overkill" (rated well, matters
        little); ``priority`` (1 = the most important "act first" driver).
        ``attrs``: ``importance_cut``, ``performance_cut``.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.drivers import importance_performance
    >>> weights = pd.DataFrame({"driver": ["delivery", "staff", "parking", "range"],
    ...                         "rescaled": [45.0, 35.0, 12.0, 8.0]})
    >>> ratings = pd.DataFrame({"delivery": [2, 3, 2], "staff": [5, 4, 5], "parking": [2, 2, 3], "range": [5, 5, 4]})
    >>> importance_performance(weights, ratings)[["driver", "quadrant", "priority"]].values.tolist()
    [['delivery', 'act first', 1], ['staff', 'keep it up', 2], ['parking', 'lower priority', 3], ['range', 'possible overkill', 4]]
    """
    check_frame(weights, "weights", "pass the table relative_weights() returned")
    check_columns(weights, ["driver", "rescaled"], "weights", where="the weights")
    check_columns(data, list(weights["driver"]), "data", where="the ratings")
    if performance not in {"mean", "top_box"}:
        raise ParameterError("unknown performance measure", parameter="performance", value=performance,
                             fix="use 'mean' or 'top_box'")
    rows = []
    for driver, importance in zip(weights["driver"], weights["rescaled"]):
        ratings = pd.to_numeric(data[driver], errors="coerce").dropna()
        value = ratings.mean() if performance == "mean" else (ratings >= scale[1] - top_box + 1).mean()
        rows.append({"driver": driver, "importance": float(importance), "performance": float(value),
                     "n": int(len(ratings))})
    table = pd.DataFrame(rows)
    importance_cut, performance_cut = table["importance"].mean(), table["performance"].mean()
    important = table["importance"] >= importance_cut
    rated_well = table["performance"] >= performance_cut
    table["quadrant"] = np.select([important & ~rated_well, important & rated_well, ~important & ~rated_well],
                                  QUADRANTS[:3], QUADRANTS[3])
    order = table["quadrant"].map({q: i for i, q in enumerate(QUADRANTS)})
    table = table.assign(_order=order).sort_values(["_order", "importance"], ascending=[True, False])
    table = table.drop(columns="_order").reset_index(drop=True)
    table["priority"] = np.arange(1, len(table) + 1)
    table.attrs.update(importance_cut=float(importance_cut), performance_cut=float(performance_cut),
                       performance=performance)
    return table
