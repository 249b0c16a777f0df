"""Persona segmentation: respondents grouped by needs, fears, beliefs, desires and behaviour.

What this module is for: finding personas in one-row-per-customer data and
describing them. :class:`PersonaSegmenter` is a scikit-learn estimator that
prepares the features (normal scores for numbers, categories kept as
categories), screens out features that carry no persona structure, chooses
the number of personas by itself (fit criterion *and* bootstrap stability,
over a range), says in plain words how stable the result is, and refuses to
invent personas in data that has none. :func:`profile_personas` describes
the personas it found: size, the traits that set each apart with effect
sizes, NPS, revenue, CLV, churn, top codes and quotes.
:func:`stability_verdict` turns a stability index into words.

What it is not for: reading files and joining survey answers to customers
(:mod:`cxresearch.persona_study`), drawing (:mod:`cxresearch.plotting`), or
predicting an outcome: personas describe who customers are; a churn model is
another study.

Every user mistake (a feature that does not exist, too few respondents for
the personas asked, a categorical feature with hundreds of levels) is a
one-line :class:`~cxresearch.exceptions.ParameterError` or
:class:`~cxresearch.exceptions.DataValidationError`; what is handled on the
user's behalf (a constant feature left out, respondents with missing answers
not segmented) is a :class:`~cxresearch.exceptions.CXResearchWarning` and a
sentence in the fitted segmenter's ``notes_``.
"""

from __future__ import annotations

import numbers
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.base import BaseEstimator, ClusterMixin, TransformerMixin
from sklearn.exceptions import NotFittedError

from . import config
from ._checks import check_columns, check_frame
from ._mixture import MixedMixture, one_hot
from .exceptions import CXResearchWarning, DataValidationError, ParameterError

__all__ = [
    "PersonaSegmenter",
    "profile_personas",
    "PersonaProfiles",
    "persona_map",
    "stability_verdict",
    "METHODS",
    "SCALINGS",
    "STABILITY_VERDICTS",
    "NO_PERSONAS",
    "SELECTION_COLUMNS",
    "OVERVIEW_COLUMNS",
    "TRAIT_COLUMNS",
]

#: Clustering methods: a mixture model for numbers and categories together, a
#: Gaussian mixture (scikit-learn), k-means (scikit-learn).
METHODS = ("mixed", "gmm", "kmeans")
#: How the best of the stable candidates is picked: lowest BIC, or highest silhouette.
CRITERIA = ("bic", "silhouette")
#: How numeric features are put on one scale before clustering.
SCALINGS = ("normal-scores", "standard")
#: What happens to respondents with a missing numeric answer.
MISSING_RULES = ("drop", "impute")
#: Upper bounds of each stability verdict (median bootstrap adjusted Rand index).
STABILITY_VERDICTS = ((0.60, "unstable"), (0.75, "doubtful"), (0.85, "stable"), (np.inf, "highly stable"))
#: The verdict when no number of personas is both stable and better than one group.
NO_PERSONAS = "no stable personas"
#: Columns of :attr:`PersonaSegmenter.selection_`.
SELECTION_COLUMNS = ("k", "bic", "silhouette", "stability", "stability_low", "stability_high",
                     "weakest_persona", "smallest_share", "qualifies", "chosen", "note")
#: Columns of :attr:`PersonaProfiles.overview`.
OVERVIEW_COLUMNS = ("persona", "name", "n", "share", "share_ci_low", "share_ci_high", "nps", "nps_ci_low",
                    "nps_ci_high", "nps_n", "revenue", "revenue_ci_low", "revenue_ci_high", "revenue_share",
                    "clv", "clv_ci_low", "clv_ci_high", "churn_rate", "churn_ci_low", "churn_ci_high",
                    "withheld")
#: Columns of :attr:`PersonaProfiles.traits`.
TRAIT_COLUMNS = ("persona", "name", "feature", "level", "kind", "value", "value_rest", "difference", "effect",
                 "effect_measure", "cramers_v", "p_value", "p_fdr", "rank")

_MISSING_LEVEL = "(missing)"


# --------------------------------------------------------------------------
# words
# --------------------------------------------------------------------------

def stability_verdict(value) -> str:
    """The plain-words verdict on a stability index (bootstrap adjusted Rand index or Jaccard).

    Parameters
    ----------
    value : float
        Median adjusted Rand index between the personas found on the data and
        those found on bootstrap resamples (1 = always the same personas).

    Returns
    -------
    str
        ``"unstable"`` (< .60), ``"doubtful"`` (.60-.75), ``"stable"``
        (.75-.85), ``"highly stable"`` (≥ .85); ``"not measured"`` for NaN.

    Notes
    -----
    The cut points follow Hennig's reading of bootstrap cluster stability
    (clusterboot): below .60 a cluster is not a pattern of the data, above
    .85 it is reproduced almost every time.

    References
    ----------
    Hennig, C. (2007). Cluster-wise assessment of cluster stability.
    *Computational Statistics & Data Analysis*, 52(1), 258-271.

    Examples
    --------
    >>> from cxresearch.personas import stability_verdict
    >>> [stability_verdict(v) for v in (0.42, 0.7, 0.8, 0.93)]
    ['unstable', 'doubtful', 'stable', 'highly stable']
    """
    if value is None or isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ParameterError("a stability index must be a number", parameter="value", value=value,
                             fix="pass the median bootstrap adjusted Rand index, e.g. 0.82")
    if not np.isfinite(value):
        return "not measured"
    for upper, words in STABILITY_VERDICTS:
        if value < upper:
            return words
    return STABILITY_VERDICTS[-1][1]  # pragma: no cover - inf is the last bound


def _readable(feature) -> str:
    """A feature name as a researcher would say it: att_need_low_price -> 'need low price'."""
    text = str(feature)
    for prefix in ("att_", "attr_"):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return " ".join(text.replace("_", " ").split())


# --------------------------------------------------------------------------
# agreement between two labelings
# --------------------------------------------------------------------------

def _contingency(a, b, ka, kb):
    return np.bincount(a * kb + b, minlength=ka * kb).reshape(ka, kb).astype(np.float64)


def _ari(table) -> float:
    """Adjusted Rand index from a contingency table (Hubert & Arabie 1985)."""
    def pairs(x):
        return (x * (x - 1) / 2).sum()
    n = table.sum()
    index = pairs(table)
    rows, cols = pairs(table.sum(axis=1)), pairs(table.sum(axis=0))
    total = n * (n - 1) / 2
    expected = rows * cols / total if total else 0.0
    maximum = (rows + cols) / 2
    if maximum == expected:
        return 1.0
    return float((index - expected) / (maximum - expected))


def _best_jaccard(table) -> np.ndarray:
    """For each row cluster, its best Jaccard similarity with any column cluster."""
    size_a = table.sum(axis=1)[:, None]
    size_b = table.sum(axis=0)[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = table / (size_a + size_b - table)
    return np.nan_to_num(jaccard).max(axis=1)


# --------------------------------------------------------------------------
# preparing the features
# --------------------------------------------------------------------------

class _NormalScores:
    """Rank-based normal scores learned on the fit data: value -> Φ⁻¹(mid-rank / n).

    Ties share their mid-rank (a Likert answer of 5 maps to one score, not to
    the edge of the distribution); new values are interpolated between the
    learned points and clamped to the learned range.
    """

    _MAX_POINTS = 2001

    def fit(self, values):
        uniques, counts = np.unique(values, return_counts=True)
        quantiles = (np.cumsum(counts) - counts / 2) / counts.sum()
        scores = stats.norm.ppf(quantiles)
        if len(uniques) > self._MAX_POINTS:  # keep an evenly spread grid of the support
            keep = np.unique(np.linspace(0, len(uniques) - 1, self._MAX_POINTS).round().astype(int))
            uniques, scores = uniques[keep], scores[keep]
        self.points_, self.scores_ = uniques, scores
        return self

    def transform(self, values):
        if len(self.points_) == 1:
            return np.zeros_like(values)
        return np.interp(values, self.points_, self.scores_)


class _Design:
    """Encoded respondents: standardised numbers, categorical level codes, level counts."""

    def __init__(self, numbers, codes, n_levels):
        self.numbers = numbers
        self.codes = codes
        self.n_levels = list(n_levels)

    def __len__(self):
        return len(self.numbers)

    def take(self, rows):
        return _Design(self.numbers[rows], self.codes[rows], self.n_levels)

    def keep(self, numeric, categorical):
        """The design with only the given numeric and categorical columns (by position)."""
        return _Design(self.numbers[:, numeric], self.codes[:, categorical],
                       [self.n_levels[j] for j in categorical])

    def dense(self):
        """Numbers and one 0/1 column per level, each level scaled by 1/√2 (a level
        change then moves a respondent by 1, as one standard deviation does)."""
        if not self.n_levels:
            return self.numbers
        return np.hstack([self.numbers, one_hot(self.codes, self.n_levels).toarray() / np.sqrt(2)])


class _Encoder:
    """Learns the scaling of numbers and the levels of categories on the fit data."""

    def __init__(self, numeric, categorical, scaling, missing, max_levels):
        self.numeric = list(numeric)
        self.categorical = list(categorical)
        self.scaling = scaling
        self.missing = missing
        self.max_levels = max_levels

    def fit(self, frame):
        self.medians_, self.scores_, self.centre_, self.spread_ = {}, {}, {}, {}
        for name in self.numeric:
            values = _as_numbers(frame[name], name)
            observed = values[np.isfinite(values)]
            self.medians_[name] = float(np.median(observed))
            if self.missing == "impute":
                values = np.where(np.isfinite(values), values, self.medians_[name])
                observed = values
            if self.scaling == "normal-scores":
                self.scores_[name] = _NormalScores().fit(observed)
                observed = self.scores_[name].transform(observed)
            self.centre_[name] = float(observed.mean())
            spread = float(observed.std())
            self.spread_[name] = spread if spread > 0 else 1.0
        self.levels_ = {}
        for name in self.categorical:
            text = _as_levels(frame[name])
            counts = text.value_counts(sort=True)
            if len(counts) > self.max_levels:
                raise ParameterError(
                    f"categorical feature has {len(counts):,} levels, more than max_levels={self.max_levels}; "
                    "a persona cannot be described by it", column=name, parameter="categorical",
                    value=counts.index[0],
                    fix=f"group its levels into at most {self.max_levels} (or drop it from features), "
                        "or raise max_levels")
            self.levels_[name] = list(counts.index)
        return self

    def transform(self, frame):
        """(numbers, codes, complete): complete is False where a numeric answer is missing."""
        n = len(frame)
        numbers = np.empty((n, len(self.numeric)))
        complete = np.ones(n, dtype=bool)
        for j, name in enumerate(self.numeric):
            values = _as_numbers(frame[name], name)
            missing = ~np.isfinite(values)
            if self.missing == "impute":
                values = np.where(missing, self.medians_[name], values)
            else:
                complete &= ~missing
                values = np.where(missing, self.medians_[name], values)  # placeholder, row not used
            if self.scaling == "normal-scores":
                values = self.scores_[name].transform(values)
            numbers[:, j] = (values - self.centre_[name]) / self.spread_[name]
        codes = np.empty((n, len(self.categorical)), dtype=np.int64)
        for j, name in enumerate(self.categorical):
            lookup = pd.Index(self.levels_[name])
            codes[:, j] = lookup.get_indexer(_as_levels(frame[name]))  # an unseen level is -1
        return numbers, codes, complete

    def fitted_subset(self, numeric, categorical):
        """This encoder restricted to some of its features (those kept after screening)."""
        kept = _Encoder(numeric, categorical, self.scaling, self.missing, self.max_levels)
        kept.medians_ = {n: self.medians_[n] for n in numeric}
        kept.scores_ = {n: self.scores_[n] for n in numeric if n in self.scores_}
        kept.centre_ = {n: self.centre_[n] for n in numeric}
        kept.spread_ = {n: self.spread_[n] for n in numeric}
        kept.levels_ = {c: self.levels_[c] for c in categorical}
        return kept

    def design(self, frame):
        numbers, codes, complete = self.transform(frame)
        return _Design(numbers, codes, [len(self.levels_[c]) for c in self.categorical]), complete


def _as_numbers(series, name) -> np.ndarray:
    if pd.api.types.is_bool_dtype(series.dtype):
        return series.astype("float64").to_numpy()
    try:
        return series.to_numpy(dtype=np.float64, na_value=np.nan)
    except (TypeError, ValueError):
        values = series.dropna()
        bad = values[pd.to_numeric(values, errors="coerce").isna()]
        raise DataValidationError("numeric feature holds text", column=name,
                                  value=bad.iloc[0] if len(bad) else None,
                                  fix="list it in categorical=[...], or convert it to numbers") from None


def _as_levels(series) -> pd.Series:
    text = series.astype("string")
    return text.fillna(_MISSING_LEVEL).astype(object)


# --------------------------------------------------------------------------
# the clustering methods behind one interface
# --------------------------------------------------------------------------

class _Fit:
    """A fitted clustering of one method; components reordered largest first."""

    def __init__(self, method, k, model, order=None):
        self.method, self.k, self.model = method, k, model
        self.order = np.arange(k) if order is None else order

    def _raw_proba(self, design):
        if self.method == "mixed":
            return self.model.predict_proba(design.numbers, design.codes)
        return self.model.predict_proba(design.dense())

    def proba(self, design):
        """Membership probabilities (mixture methods), personas in size order."""
        return self._raw_proba(design)[:, self.order]

    def distances(self, design):
        """Distance to each persona's centre (k-means), personas in size order."""
        return self.model.transform(design.dense())[:, self.order]

    def _raw_labels(self, design):
        if self.method == "kmeans":
            return self.model.predict(design.dense())
        return self._raw_proba(design).argmax(axis=1)

    def predict(self, design):
        return np.argsort(self.order)[self._raw_labels(design)]

    def sort_by_size(self, design):
        """Number the personas by size on ``design``, the largest 0."""
        counts = np.bincount(self._raw_labels(design), minlength=self.k)
        self.order = np.argsort(-counts, kind="stable")
        return self

    def bic(self, design):
        """BIC on the rows the model was fitted on."""
        if self.method == "mixed":
            return self.model.bic()
        if self.method == "gmm":
            return float(self.model.bic(design.dense()))
        return _partition_bic(design, self.predict(design), self.k)


def _partition_bic(design, labels, k):
    """BIC of a hard partition under the mixed-data mixture (comparable across methods)."""
    model = MixedMixture.from_partition(design.numbers, design.codes, design.n_levels, labels, k)
    return model.bic()


def _fit_method(method, design, k, *, n_init, seed, covariance, init=None):
    if method == "mixed":
        model = MixedMixture(k, n_init=n_init, tol=1e-4, random_state=seed)
        model.fit(design.numbers, design.codes, design.n_levels, init=None if init is None else init.model)
        return _Fit(method, k, model).sort_by_size(design)
    if method == "gmm":
        from sklearn.mixture import GaussianMixture

        options = {}
        if init is not None:
            options = dict(weights_init=init.model.weights_, means_init=init.model.means_,
                           precisions_init=init.model.precisions_)
        model = GaussianMixture(k, covariance_type=covariance, n_init=1 if init is not None else n_init,
                                random_state=seed, **options).fit(design.dense())
        return _Fit(method, k, model).sort_by_size(design)
    from sklearn.cluster import KMeans

    if init is not None:
        model = KMeans(k, init=init.model.cluster_centers_, n_init=1, random_state=seed)
    else:
        model = KMeans(k, n_init=n_init, random_state=seed)
    model.fit(design.dense())
    return _Fit(method, k, model).sort_by_size(design)


# --------------------------------------------------------------------------
# the estimator
# --------------------------------------------------------------------------

class PersonaSegmenter(ClusterMixin, TransformerMixin, BaseEstimator):
    """Find personas in customer data: choose how many, check they are stable, assign new customers.

    A scikit-learn estimator: ``__init__`` only stores the parameters,
    :meth:`fit` learns, :meth:`predict` assigns new respondents, and
    :meth:`transform` gives each respondent's membership probabilities (or
    distances to each persona for k-means). ``clone``, ``get_params`` and
    ``set_params`` work as for any scikit-learn estimator.

    Parameters
    ----------
    n_personas : "auto" or int, default "auto"
        How many personas. ``"auto"`` chooses among ``min_personas`` ..
        ``max_personas`` (see Notes); an int fits exactly that many and still
        measures their stability.
    method : {"mixed", "gmm", "kmeans"}, default "mixed"
        ``"mixed"``: a mixture model of numbers (Gaussian, one covariance shared
        by all personas) and categories (a distribution over the levels per
        persona): categories are modelled as categories. ``"gmm"``:
        scikit-learn's Gaussian mixture on the numbers and 0/1 level columns.
        ``"kmeans"``: scikit-learn's k-means on the same columns.
    features : list of str, optional
        Columns to segment on (default: every column of ``X``).
    categorical : list of str, optional
        Which features are categories (channel, contract, region). Default:
        text, category and yes/no columns, and numeric columns with only two
        values.
    random_state : int, optional
        Seed of every random choice (starts, bootstrap resamples, samples):
        the same seed and data give the same personas.
    criterion : {"bic", "silhouette"}, default "bic"
        How the best of the stable candidates is picked: the lowest BIC, or
        the highest silhouette (which favours few, broad personas).
    min_personas, max_personas : int, default 2, 8
        The range ``"auto"`` chooses from.
    n_init : int, default 3
        Starts of each fit on the data; the best is kept.
    n_bootstrap : int, default 20
        Bootstrap resamples per candidate number of personas, for stability.
    min_stability : float, default 0.8
        A number of personas qualifies only if its median bootstrap adjusted
        Rand index *and* its least stable persona's mean Jaccard index reach
        this.
    min_share : float, default 0.02
        A number of personas qualifies only if its smallest persona holds at
        least this share of the respondents.
    min_size : int, optional
        ... and at least this many respondents (default
        :data:`cxresearch.config.MIN_N_PRIVACY`: a smaller persona could not
        be shown).
    scaling : {"normal-scores", "standard"}, default "normal-scores"
        ``"normal-scores"`` replaces each numeric value by the normal quantile
        of its mid-rank, so skewed spend, a heap of newcomers or an outlier do
        not create personas of their own; ``"standard"`` only standardises.
    missing : {"drop", "impute"}, default "drop"
        Respondents with a missing numeric answer are not segmented (label -1,
        counted in ``notes_``), or get the feature's median.
    covariance : str, default "tied"
        ``covariance_type`` of ``method="gmm"`` ("full", "tied", "diag",
        "spherical").
    screen_features : bool, default True
        Leave out features that carry no persona structure (see Notes).
    screen_threshold : float, default 0.02
        ... those of which no candidate solution explains this share of the
        variance (Cramér's V² for a categorical feature).
    max_levels : int, default 30
        A categorical feature with more levels is refused.
    sample_size : int, default 20000
        Choosing the number of personas and measuring stability use a random
        sample of this many respondents when there are more; the final
        personas are fitted on everyone.
    silhouette_sample : int, default 3000
        Respondents the silhouette is computed on.

    Attributes
    ----------
    labels_ : ndarray of int
        Persona of each row of ``X`` (0 = the largest), -1 when not segmented.
    n_personas_ : int
        Personas found; 1 when there are no stable personas.
    found_personas_ : bool
        False when the data shows no stable persona structure.
    verdict_ : str
        The outcome in one sentence.
    stability_ : float
        Median bootstrap adjusted Rand index of the personas (NaN when none).
    stability_interval_ : tuple of float
        Its 5th and 95th percentiles.
    stability_verdict_ : str
        :func:`stability_verdict` of ``stability_``, or ``"no stable personas"``.
    stability_by_persona_ : pandas.Series
        Each persona's mean best Jaccard index over the resamples.
    bootstrap_ari_ : ndarray
        The adjusted Rand index of each bootstrap resample.
    selection_ : pandas.DataFrame
        One row per candidate number of personas (:data:`SELECTION_COLUMNS`);
        ``k = 1`` is the one-group baseline.
    features_ : list of str
        Features the personas were fitted on, after screening.
    categorical_ : list of str
        Which of them are categorical.
    screened_features_ : pandas.DataFrame
        Per feature, the largest share of its variance explained by any
        candidate solution, and whether it was kept.
    dropped_features_ : dict
        Features left out before fitting, with the reason (constant, no values).
    notes_ : list of str
        Everything handled on the user's behalf, in sentences.
    n_features_in_, feature_names_in_
        As in scikit-learn.

    Notes
    -----
    Choosing the number of personas (``n_personas="auto"``), on a sample of
    ``sample_size`` respondents:

    1. Screening: every candidate number of personas is fitted once; a
       feature whose variance no candidate explains to ``screen_threshold``
       (between-persona share, η²) is left out and the candidates are fitted
       again. Noise items do not decide how many personas there are.
    2. For each candidate ``k``: its BIC (for k-means, the BIC of its
       partition under the mixed-data mixture, so that every method is judged
       on one likelihood), its silhouette, and ``n_bootstrap`` bootstrap
       resamples, each fitted afresh (one start) and compared with the
       personas of the data: the adjusted Rand index and, per persona, the
       best Jaccard index.
    3. ``k`` qualifies when both stabilities reach ``min_stability`` and the
       smallest persona reaches ``min_share`` and ``min_size``.
    4. The qualifying ``k`` with the best ``criterion`` (lowest BIC, or
       highest silhouette) is chosen, provided its BIC beats one single
       group (k = 1; for k-means the BIC of its partition). Otherwise there
       are **no stable personas**: ``n_personas_`` is 1 and ``verdict_`` says so.

    BIC alone keeps adding personas in large real samples (any departure
    from the model's shape is "significant"); stability alone favours two
    or three broad groups. Requiring every persona to be reproducible and
    then preferring the best-fitting solution recovers planted personas
    where either alone does not.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from cxresearch.personas import PersonaSegmenter
    >>> rng = np.random.default_rng(1)
    >>> centres = np.array([[2, 2, 0], [-2, 2, 0], [0, -2, 0]])
    >>> group = rng.integers(0, 3, 600)
    >>> X = pd.DataFrame(rng.normal(centres[group], 1.0), columns=["price", "speed", "noise"])
    >>> X["channel"] = np.where(group == 0, "online", "store")
    >>> segmenter = PersonaSegmenter(random_state=0, n_bootstrap=5, max_personas=5).fit(X)
    >>> segmenter.n_personas_, segmenter.stability_verdict_
    (3, 'highly stable')
    >>> segmenter.features_
    ['price', 'speed', 'channel']
    >>> segmenter.predict(X.head(3)).tolist() == segmenter.labels_[:3].tolist()
    True
    """

    def __init__(self, n_personas="auto", method="mixed", features=None, categorical=None, random_state=None, *,
                 criterion="bic", min_personas=2, max_personas=8, n_init=3, n_bootstrap=20, min_stability=0.8,
                 min_share=0.02, min_size=None, scaling="normal-scores", missing="drop", covariance="tied",
                 screen_features=True, screen_threshold=0.02, max_levels=30, sample_size=20_000,
                 silhouette_sample=3_000):
        self.n_personas = n_personas
        self.method = method
        self.criterion = criterion
        self.features = features
        self.categorical = categorical
        self.random_state = random_state
        self.min_personas = min_personas
        self.max_personas = max_personas
        self.n_init = n_init
        self.n_bootstrap = n_bootstrap
        self.min_stability = min_stability
        self.min_share = min_share
        self.min_size = min_size
        self.scaling = scaling
        self.missing = missing
        self.covariance = covariance
        self.screen_features = screen_features
        self.screen_threshold = screen_threshold
        self.max_levels = max_levels
        self.sample_size = sample_size
        self.silhouette_sample = silhouette_sample

    # ------------------------------------------------------------------ checks
    def _check_parameters(self):
        if self.method not in METHODS:
            raise ParameterError("unknown segmentation method", parameter="method", value=self.method,
                                 fix=f"use one of {list(METHODS)}")
        if self.criterion not in CRITERIA:
            raise ParameterError("unknown criterion for the number of personas", parameter="criterion",
                                 value=self.criterion, fix=f"use one of {list(CRITERIA)}")
        if self.scaling not in SCALINGS:
            raise ParameterError("unknown scaling", parameter="scaling", value=self.scaling,
                                 fix=f"use one of {list(SCALINGS)}")
        if self.missing not in MISSING_RULES:
            raise ParameterError("unknown rule for missing answers", parameter="missing", value=self.missing,
                                 fix=f"use one of {list(MISSING_RULES)}")
        if self.covariance not in ("full", "tied", "diag", "spherical"):
            raise ParameterError("unknown covariance type", parameter="covariance", value=self.covariance,
                                 fix="use 'tied' (the default), 'full', 'diag' or 'spherical'")
        for name, low in (("min_personas", 2), ("max_personas", 2), ("n_init", 1), ("n_bootstrap", 2),
                          ("max_levels", 2), ("sample_size", 50), ("silhouette_sample", 50)):
            _check_whole(getattr(self, name), name, low)
        if self.min_personas > self.max_personas:
            raise ParameterError("min_personas is larger than max_personas", parameter="min_personas",
                                 value=self.min_personas, fix=f"use at most max_personas={self.max_personas}")
        if not (isinstance(self.n_personas, str) and self.n_personas == "auto"):
            if isinstance(self.n_personas, str):
                raise ParameterError("n_personas must be 'auto' or a whole number", parameter="n_personas",
                                     value=self.n_personas, fix="use 'auto' or e.g. 5")
            _check_whole(self.n_personas, "n_personas", 2)
        for name in ("min_stability", "min_share", "screen_threshold"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0 <= value < 1:
                raise ParameterError("must be a number from 0 to below 1", parameter=name, value=value,
                                     fix=f"use e.g. {name}={self._defaults()[name]}")
        if self.min_size is not None:
            _check_whole(self.min_size, "min_size", 1)

    @classmethod
    def _defaults(cls):
        import inspect

        return {p.name: p.default for p in inspect.signature(cls.__init__).parameters.values()}

    def _roles(self, frame):
        """(numeric, categorical) feature names, after checking they exist."""
        features = list(frame.columns) if self.features is None else _names(self.features, "features")
        check_columns(frame, features, "features")
        if len(set(features)) != len(features):
            repeated = next(f for f in features if features.count(f) > 1)
            raise ParameterError("a feature is listed twice", parameter="features", value=repeated,
                                 fix="list each feature once")
        if self.categorical is None:
            categorical = [f for f in features if _looks_categorical(frame[f])]
        else:
            categorical = _names(self.categorical, "categorical", empty_ok=True)
            outside = [c for c in categorical if c not in features]
            if outside:
                check_columns(frame, outside, "categorical")
                raise ParameterError("a categorical feature is not among the features", parameter="categorical",
                                     value=outside[0], fix="add it to features, or remove it from categorical")
        numeric = [f for f in features if f not in categorical]
        for name in numeric:
            series = frame[name]
            if not (pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(series.dtype)):
                values = series.dropna()
                raise DataValidationError("feature holds text, not numbers", column=name,
                                          value=values.iloc[0] if len(values) else None,
                                          fix="list it in categorical=[...] or convert it to numbers")
            infinite = np.isinf(_as_numbers(series, name))
            if infinite.any():
                position = int(np.argmax(infinite))
                raise DataValidationError("infinite value", column=name, value=float(series.iloc[position]),
                                          row=_plain_label(frame.index[position]),
                                          fix="correct the value, or blank it to leave the respondent out")
        return numeric, categorical

    # ------------------------------------------------------------------ fitting
    def fit(self, X, y=None):
        """Choose the number of personas (when "auto"), fit them and measure their stability.

        Parameters
        ----------
        X : pandas.DataFrame or array-like
            One row per respondent (customer). Not modified.
        y : ignored

        Returns
        -------
        PersonaSegmenter
            ``self``, fitted.
        """
        from threadpoolctl import threadpool_limits

        self._check_parameters()
        frame = _as_frame(X)
        if len(frame) == 0 or frame.shape[1] == 0:
            raise ParameterError("no respondents or no columns to segment", parameter="X", value=frame.shape,
                                 fix="pass one row per customer and one column per feature")
        self.n_features_in_ = frame.shape[1]
        self.feature_names_in_ = np.asarray([str(c) for c in frame.columns], dtype=object)
        numeric, categorical = self._roles(frame)
        self.notes_ = []
        self.dropped_features_ = {}
        numeric, categorical = self._drop_uninformative(frame, numeric, categorical)
        encoder = _Encoder(numeric, categorical, self.scaling, self.missing, self.max_levels).fit(frame)
        design, complete = encoder.design(frame)
        rows = np.flatnonzero(complete)
        if len(rows) < len(frame):
            missing = len(frame) - len(rows)
            self._note(f"{missing:,} of {len(frame):,} respondents ({missing / len(frame):.1%}) have a missing "
                       "numeric answer and are not segmented (label -1); pass missing='impute' to give them "
                       "the median instead", warn=True)
        min_size = config.MIN_N_PRIVACY if self.min_size is None else int(self.min_size)
        ks = self._candidates(len(rows), min_size)
        rng = np.random.default_rng(self.random_state)
        design = design.take(rows)
        if len(rows) > self.sample_size:
            sample = np.sort(rng.choice(len(rows), self.sample_size, replace=False))
            self._note(f"the number of personas and their stability were judged on a random sample of "
                       f"{self.sample_size:,} of the {len(rows):,} respondents; the personas are then fitted "
                       "on all of them")
        else:
            sample = np.arange(len(rows))
        chosen = design.take(sample)
        with threadpool_limits(1):  # small matrix products: threads only add overhead
            fits, numeric, categorical, chosen, design = self._screen(
                chosen, design, numeric, categorical, ks, rng)
            self.features_ = numeric + categorical
            self.categorical_ = categorical
            selection, per_k = self._select(chosen, ks, fits, rng, min_size)
            self.selection_ = selection
            self._settle(selection, per_k, chosen, design, rows, len(frame), rng)
        self._encoder = encoder.fitted_subset(numeric, categorical)
        return self

    def _note(self, sentence, warn=False):
        sentence = sentence[0].upper() + sentence[1:] + "."
        self.notes_.append(sentence)
        if warn:
            warnings.warn(sentence, CXResearchWarning, stacklevel=3)

    def _drop_uninformative(self, frame, numeric, categorical):
        for name in list(numeric) + list(categorical):
            series = frame[name]
            if series.isna().all():
                reason = "it has no values"
            elif series.nunique(dropna=name in numeric) < 2:
                value = series.dropna().iloc[0]
                value = value.item() if isinstance(value, np.generic) else value
                reason = f"every respondent gives the same answer ({value!r})"
            else:
                continue
            self.dropped_features_[name] = reason
            self._note(f"feature {name!r} is left out: {reason}", warn=True)
        numeric = [f for f in numeric if f not in self.dropped_features_]
        categorical = [f for f in categorical if f not in self.dropped_features_]
        if not numeric and not categorical:
            raise DataValidationError("no feature varies between respondents", parameter="features",
                                      value=list(self.dropped_features_),
                                      fix="segment on answers that differ between customers")
        return numeric, categorical

    def _candidates(self, n_rows, min_size):
        per_persona = max(min_size, 10)
        if self.n_personas == "auto":
            top = min(self.max_personas, n_rows // per_persona)
            if top < self.min_personas:
                raise DataValidationError(
                    f"too few respondents with complete answers for {self.min_personas} personas: "
                    f"at least {self.min_personas * per_persona} needed", parameter="min_personas",
                    value=n_rows, fix="add respondents, impute missing answers (missing='impute') or lower "
                                      "min_size")
            if top < self.max_personas:
                self._note(f"with {n_rows:,} respondents at most {top} personas of {per_persona} respondents "
                           f"each can be formed: the range is {self.min_personas}-{top}, not "
                           f"{self.min_personas}-{self.max_personas}")
            return list(range(self.min_personas, top + 1))
        k = int(self.n_personas)
        if n_rows < k * per_persona:
            fewer = (f"ask for at most {n_rows // per_persona} personas, or add respondents"
                     if n_rows // per_persona >= 2 else f"add respondents: two personas need {2 * per_persona}")
            raise DataValidationError(
                f"too few respondents with complete answers for {k} personas: at least {k * per_persona} needed "
                f"({per_persona} per persona)", parameter="n_personas", value=n_rows, fix=fewer)
        return [k]

    def _fit(self, design, k, seed, n_init=None, init=None):
        return _fit_method(self.method, design, k, n_init=self.n_init if n_init is None else n_init, seed=seed,
                           covariance=self.covariance, init=init)

    def _screen(self, chosen, design, numeric, categorical, ks, rng):
        """Fit each candidate once; leave out features no candidate explains."""
        seeds = {k: int(rng.integers(2 ** 31 - 1)) for k in ks}
        fits = {k: self._fit(chosen, k, seeds[k]) for k in ks}
        explained = np.zeros(len(numeric) + len(categorical))
        for fit in fits.values():
            explained = np.maximum(explained, _structure_carried(chosen, fit.predict(chosen), fit.k))
        names = numeric + categorical
        keep = explained >= self.screen_threshold if self.screen_features else np.ones(len(names), dtype=bool)
        if keep.sum() < 2:  # screening never leaves fewer than two features
            keep = np.zeros(len(names), dtype=bool)
            keep[np.argsort(-explained)[:2]] = True
            keep |= explained >= self.screen_threshold
        self.screened_features_ = pd.DataFrame({
            "feature": names, "kind": ["numeric"] * len(numeric) + ["categorical"] * len(categorical),
            "explained": explained, "kept": keep})
        if keep.all():
            return fits, numeric, categorical, chosen, design
        left_out = [n for n, k in zip(names, keep) if not k]
        self._note(f"{len(left_out)} feature(s) carry no persona structure (no candidate solution explains "
                   f"{self.screen_threshold:.0%} of their variance) and are left out: {', '.join(left_out)}")
        num_pos = [j for j in range(len(numeric)) if keep[j]]
        cat_pos = [j for j in range(len(categorical)) if keep[len(numeric) + j]]
        chosen, design = chosen.keep(num_pos, cat_pos), design.keep(num_pos, cat_pos)
        fits = {k: self._fit(chosen, k, seeds[k]) for k in ks}
        return fits, [numeric[j] for j in num_pos], [categorical[j] for j in cat_pos], chosen, design

    def _select(self, chosen, ks, fits, rng, min_size):
        from sklearn.metrics import silhouette_score

        n = len(chosen)
        dense = chosen.dense()
        silhouette_rows = (np.sort(rng.choice(n, self.silhouette_sample, replace=False))
                           if n > self.silhouette_sample else np.arange(n))
        one_group = (_fit_method("gmm", chosen, 1, n_init=1, seed=0, covariance=self.covariance).bic(chosen)
                     if self.method == "gmm" else _partition_bic(chosen, np.zeros(n, dtype=int), 1))
        rows = [dict(k=1, bic=one_group, silhouette=np.nan, stability=np.nan, stability_low=np.nan,
                     stability_high=np.nan, weakest_persona=np.nan, smallest_share=1.0, qualifies=False,
                     chosen=False, note="one group: the baseline")]
        per_k = {}
        for k in ks:
            fit = fits[k]
            labels = fit.predict(chosen)
            sizes = np.bincount(labels, minlength=k)
            silhouette = (float(silhouette_score(dense[silhouette_rows], labels[silhouette_rows]))
                          if len(np.unique(labels[silhouette_rows])) > 1 else np.nan)
            aris, jaccards = self._bootstrap(chosen, fit, labels, rng)
            weakest = float(jaccards.mean(axis=0).min())
            stability = float(np.median(aris))
            smallest = sizes.min() / n
            problems = []
            if smallest < self.min_share or sizes.min() < min_size:
                problems.append(f"smallest persona {smallest:.1%} ({sizes.min():,} respondents)")
            if stability < self.min_stability:
                problems.append(f"stability {stability:.2f} < {self.min_stability:g}")
            if weakest < self.min_stability:
                problems.append(f"least stable persona {weakest:.2f} < {self.min_stability:g}")
            rows.append(dict(k=k, bic=fit.bic(chosen), silhouette=silhouette, stability=stability,
                             stability_low=float(np.quantile(aris, 0.05)),
                             stability_high=float(np.quantile(aris, 0.95)), weakest_persona=weakest,
                             smallest_share=float(smallest), qualifies=not problems, chosen=False,
                             note="; ".join(problems)))
            per_k[k] = (fit, aris, jaccards)
        selection = pd.DataFrame(rows, columns=list(SELECTION_COLUMNS))
        selection.attrs.update(criterion=self.criterion,
                               n_respondents=n, n_bootstrap=int(self.n_bootstrap), method=self.method)
        return selection, per_k

    def _bootstrap(self, chosen, fit, labels, rng):
        """Refit on bootstrap resamples; compare each with the personas of the data."""
        n, k = len(chosen), fit.k
        aris, jaccards = [], []
        for _ in range(self.n_bootstrap):
            resample = rng.integers(0, n, n)
            seed = int(rng.integers(2 ** 31 - 1))
            again = self._fit(chosen.take(resample), k, seed, n_init=1).predict(chosen)
            table = _contingency(labels, again, k, k)
            aris.append(_ari(table))
            jaccards.append(_best_jaccard(table))
        return np.asarray(aris), np.asarray(jaccards)

    def _settle(self, selection, per_k, chosen, design, rows, n_total, rng):
        """Decide, then fit the chosen personas on every respondent."""
        criterion = selection.attrs["criterion"]
        candidates = selection[(selection["k"] > 1) & selection["qualifies"]]
        baseline = float(selection.loc[selection["k"] == 1, "bic"].iloc[0])
        decision = None
        if self.n_personas != "auto":
            decision = int(self.n_personas)
        elif len(candidates):
            best = (candidates.sort_values("silhouette", ascending=False) if criterion == "silhouette"
                    else candidates.sort_values("bic")).iloc[0]
            if best["bic"] < baseline:
                decision = int(best["k"])
        self.labels_ = np.full(n_total, -1, dtype=np.int64)
        if decision is None:
            self.found_personas_ = False
            self.n_personas_ = 1
            self._final = None
            self.labels_[rows] = 0
            self.stability_ = np.nan
            self.stability_interval_ = (np.nan, np.nan)
            self.stability_verdict_ = NO_PERSONAS
            self.stability_by_persona_ = pd.Series(dtype=float, name="jaccard")
            self.bootstrap_ari_ = np.array([])
            tried = selection[selection["k"] > 1]
            most = tried.sort_values("stability", ascending=False).iloc[0]
            reason = ("no number of personas between {lo} and {hi} is stable with every persona of a usable "
                      "size".format(lo=int(tried["k"].min()), hi=int(tried["k"].max()))
                      if not len(candidates) else "no stable solution fits better than one single group")
            self.verdict_ = (f"{NO_PERSONAS.capitalize()}: {reason} (most stable: {int(most['k'])} personas, "
                             f"median bootstrap ARI {most['stability']:.2f}). Treat these customers as one "
                             "group, or segment on other features.")
            return
        selection.loc[selection["k"] == decision, "chosen"] = True
        fit, aris, jaccards = per_k[decision]
        if len(chosen) < len(design):  # the sample chose; everyone is fitted, starting from its solution
            fit = self._fit(design, decision, int(rng.integers(2 ** 31 - 1)), init=fit)
        self._final = fit
        self.labels_[rows] = fit.predict(design)
        self.found_personas_ = True
        self.n_personas_ = decision
        self.bootstrap_ari_ = aris
        row = selection.loc[selection["k"] == decision].iloc[0]
        self.stability_ = float(row["stability"])
        self.stability_interval_ = (float(row["stability_low"]), float(row["stability_high"]))
        self.stability_verdict_ = stability_verdict(self.stability_)
        self.stability_by_persona_ = pd.Series(jaccards.mean(axis=0), name="jaccard").rename_axis("persona")
        how = ("chosen" if self.n_personas == "auto" else "asked for")
        self.verdict_ = (f"{decision} personas ({how}), {self.stability_verdict_}: median bootstrap ARI "
                         f"{self.stability_:.2f} (90% of resamples {self.stability_interval_[0]:.2f}-"
                         f"{self.stability_interval_[1]:.2f}); least stable persona "
                         f"{self.stability_by_persona_.min():.2f} (Jaccard).")
        if self.stability_interval_[0] < STABILITY_VERDICTS[0][0]:
            self.verdict_ += (f" Caution: at least one resample in twenty finds a different split (5th percentile "
                              f"{self.stability_interval_[0]:.2f}).")
        if self.n_personas != "auto" and row["note"]:
            self._note(f"the {decision} personas asked for do not all meet the stability and size rules: "
                       + row["note"])

    # ------------------------------------------------------------------ using the fit
    def _check_fitted(self):
        if not hasattr(self, "labels_"):
            raise NotFittedError("This PersonaSegmenter is not fitted yet: call fit(X) first.")

    def _design(self, X):
        frame = _as_frame(X)
        check_columns(frame, self.features_, "X", where="the new data")
        return self._encoder.design(frame)

    def predict(self, X):
        """The persona of each new respondent (-1 when a numeric answer is missing).

        Parameters
        ----------
        X : pandas.DataFrame
            With the columns in ``features_``.

        Returns
        -------
        ndarray of int
        """
        self._check_fitted()
        with _one_thread():
            design, complete = self._design(X)
            labels = np.full(len(design), -1, dtype=np.int64)
            if self._final is None:
                labels[complete] = 0
            elif complete.any():
                labels[complete] = self._final.predict(design.take(np.flatnonzero(complete)))
        return labels

    def transform(self, X):
        """Membership probabilities (mixture methods) or distances to each persona (k-means).

        Rows with a missing numeric answer are NaN; with no stable personas
        every complete row belongs to the one group.

        Returns
        -------
        ndarray of shape (n, n_personas_)
        """
        self._check_fitted()
        with _one_thread():
            design, complete = self._design(X)
            out = np.full((len(design), self.n_personas_), np.nan)
            if self._final is None:
                out[complete] = 1.0 if self.method != "kmeans" else 0.0
            elif complete.any():
                part = design.take(np.flatnonzero(complete))
                out[complete] = (self._final.distances(part) if self.method == "kmeans"
                                 else self._final.proba(part))
        return out

    def predict_proba(self, X):
        """Membership probabilities of each respondent (mixture methods only)."""
        if getattr(self, "method", None) == "kmeans":
            raise ParameterError("k-means gives no membership probabilities", parameter="method",
                                 value="kmeans", fix="use transform() for distances, or method='mixed'")
        return self.transform(X)

    def fit_predict(self, X, y=None):
        """Fit and return ``labels_``."""
        return self.fit(X).labels_

    def get_feature_names_out(self, input_features=None):
        """Names of the :meth:`transform` columns: persona_0, persona_1, ..."""
        self._check_fitted()
        return np.asarray([f"persona_{i}" for i in range(self.n_personas_)], dtype=object)

    def encoded(self, X):
        """The respondents as the personas see them: one column per number (scaled) and per level.

        For projections and heatmaps; rows with a missing numeric answer are NaN.
        """
        self._check_fitted()
        design, complete = self._design(X)
        names = list(self._encoder.numeric) + [f"{c}={level}" for c in self._encoder.categorical
                                               for level in self._encoder.levels_[c]]
        out = pd.DataFrame(design.dense(), columns=names, index=_as_frame(X).index)
        out[~complete] = np.nan
        return out


class _one_thread:
    def __enter__(self):
        from threadpoolctl import threadpool_limits

        self._limits = threadpool_limits(1)
        return self

    def __exit__(self, *exc):
        self._limits.restore_original_limits()


def _explained_variance(design, labels, k):
    """Per feature: η² (between-persona share of variance) for numbers, Cramér's V² for categories."""
    counts = np.bincount(labels, minlength=k).astype(float)
    out = []
    numbers = design.numbers
    if numbers.shape[1]:
        indicator = np.zeros((k, len(labels)))
        indicator[labels, np.arange(len(labels))] = 1.0
        means = (indicator @ numbers) / np.maximum(counts, 1)[:, None]
        grand = numbers.mean(axis=0)
        between = (counts[:, None] * (means - grand) ** 2).sum(axis=0)
        total = ((numbers - grand) ** 2).sum(axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            out.extend(np.where(total > 0, between / total, 0.0))
    for j, levels in enumerate(design.n_levels):
        codes = design.codes[:, j]
        known = codes >= 0
        out.append(_cramers_v(_contingency(labels[known], codes[known], k, levels)) ** 2)
    return np.asarray(out)


def _structure_carried(design, labels, k):
    """Per feature: how much of its variance the personas the *other* features show explain.

    The candidate's personas are described by a mixed-data mixture estimated
    from its partition; each feature in turn is integrated out, every
    respondent is assigned from the remaining features, and the share of the
    left-out feature's variance those personas explain is its score. A noise
    item a solution happened to split on scores about 0: without it, the
    split cannot be seen.
    """
    model = MixedMixture.from_partition(design.numbers, design.codes, design.n_levels, labels, k)
    d, j = design.numbers.shape[1], len(design.n_levels)
    scores = np.zeros(d + j)
    for position in range(d + j):
        keep_numeric = np.ones(d, dtype=bool)
        keep_categorical = np.ones(j, dtype=bool)
        if position < d:
            keep_numeric[position] = False
        else:
            keep_categorical[position - d] = False
        if not keep_numeric.any() and not keep_categorical.any():
            continue
        without = model.predict_marginal(design.numbers, design.codes, keep_numeric, keep_categorical)
        scores[position] = _explained_variance(design, without, k)[position]
    return scores


def _cramers_v(table) -> float:
    """Cramér's V of a contingency table (no continuity correction); 0 for a degenerate table."""
    table = table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0]
    if min(table.shape) < 2:
        return 0.0
    expected = table.sum(axis=1, keepdims=True) * table.sum(axis=0, keepdims=True) / table.sum()
    chi2 = ((table - expected) ** 2 / expected).sum()
    return float(np.sqrt(chi2 / (table.sum() * (min(table.shape) - 1))))


def _plain_label(value):
    return value.item() if isinstance(value, np.generic) else value


def _check_whole(value, name, low):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < low:
        raise ParameterError(f"must be a whole number, {low} or more", parameter=name, value=value,
                             fix=f"use e.g. {name}={max(low, 2)}")


def _names(value, parameter, empty_ok=False):
    if isinstance(value, str):
        return [value]
    try:
        names = list(value)
    except TypeError:
        raise ParameterError("expected a list of column names", parameter=parameter, value=value,
                             fix=f"pass e.g. {parameter}=['tenure_months', 'channel']") from None
    if not names and not empty_ok:
        raise ParameterError("the list of columns is empty", parameter=parameter, value=value,
                             fix="name at least one column, or pass None")
    return names


def _looks_categorical(series) -> bool:
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype) or isinstance(dtype, pd.CategoricalDtype):
        return True
    if pd.api.types.is_numeric_dtype(dtype):
        return series.dropna().nunique() == 2
    return True


def _as_frame(X) -> pd.DataFrame:
    if isinstance(X, pd.DataFrame):
        return X
    if isinstance(X, pd.Series):
        return X.to_frame()
    try:
        array = np.asarray(X)
    except Exception:  # noqa: BLE001 - anything that is not table-like
        array = None
    if array is None or array.ndim != 2:
        raise ParameterError("expected a table of respondents: a DataFrame or a 2-D array", parameter="X",
                             value=type(X).__name__, fix="pass one row per customer, one column per feature")
    return pd.DataFrame(array, columns=[f"x{i}" for i in range(array.shape[1])])


# --------------------------------------------------------------------------
# describing the personas
# --------------------------------------------------------------------------

@dataclass
class PersonaProfiles:
    """What :func:`profile_personas` found: one table per question a stakeholder asks.

    Attributes
    ----------
    overview : pandas.DataFrame
        One row per persona (:data:`OVERVIEW_COLUMNS`): size and share with a
        Wilson interval, NPS with its interval (answers clustered by
        customer), mean revenue, share of all revenue, mean CLV, churn rate.
        Personas below the minimum cell size are ``withheld``: only their
        size is shown.
    overall : pandas.Series
        The same measures for all segmented customers together.
    traits : pandas.DataFrame
        Per persona and feature (per level for a categorical feature), what
        sets the persona apart from the rest (:data:`TRAIT_COLUMNS`), ranked
        by effect size.
    trait_means : pandas.DataFrame
        Features (rows) by persona names (columns): the persona's mean in
        standard deviations from the mean of all customers (for a level, of
        its 0/1 indicator): the trait heatmap.
    codes : pandas.DataFrame
        Per persona, the codes its verbatims raise more often than the other
        personas' verbatims (lift > 1, 2x2 chi-square, Benjamini-Hochberg FDR
        5% over all personas and codes), most distinctive first; empty without
        coded verbatims.
    quotes : pandas.DataFrame
        Per persona, 2-3 PII-redacted quotes of its top codes.
    names : dict
        Persona number -> name.
    """

    overview: pd.DataFrame
    overall: pd.Series
    traits: pd.DataFrame
    trait_means: pd.DataFrame
    codes: pd.DataFrame = field(default_factory=pd.DataFrame)
    quotes: pd.DataFrame = field(default_factory=pd.DataFrame)
    names: dict = field(default_factory=dict)

    def top_traits(self, persona, n=5) -> pd.DataFrame:
        """The ``n`` traits that set one persona apart most (significant after FDR correction), one per feature."""
        rows = self.traits[(self.traits["persona"] == persona) & (self.traits["p_fdr"] < 0.05)]
        # one line per feature: a yes/no answer's "No" row only mirrors its "Yes" row
        return rows.sort_values("rank").drop_duplicates("feature").head(n)


def _wilson(x, n, ci):
    from statsmodels.stats.proportion import proportion_confint

    if n == 0:
        return np.nan, np.nan
    low, high = proportion_confint(x, n, alpha=1 - ci, method="wilson")
    return float(low), float(high)


def _mean_interval(values, ci):
    values = values[np.isfinite(values)]
    if len(values) < 2:
        return (float(values.mean()) if len(values) else np.nan), np.nan, np.nan
    mean = float(values.mean())
    half = float(stats.t.ppf(0.5 + ci / 2, len(values) - 1) * values.std(ddof=1) / np.sqrt(len(values)))
    return mean, mean - half, mean + half


def _cohens_h(p1, p2):
    return 2 * np.arcsin(np.sqrt(p1)) - 2 * np.arcsin(np.sqrt(p2))


def _check_labels(labels, n):
    try:
        values = np.asarray(labels)
    except Exception:  # noqa: BLE001
        values = None
    if values is None or values.ndim != 1 or len(values) != n:
        raise ParameterError("labels must hold one persona per row of data", parameter="labels",
                             value=getattr(values, "shape", type(labels).__name__),
                             fix="pass segmenter.labels_ (fitted on this data) or segmenter.predict(data)")
    if not np.issubdtype(values.dtype, np.integer):
        raise ParameterError("labels must be whole persona numbers (-1: not segmented)", parameter="labels",
                             value=values[:3].tolist(), fix="pass segmenter.labels_")
    return values.astype(np.int64)


def _optional_column(data, name, parameter):
    if name is None:
        return None
    check_columns(data, name, parameter)
    return name


def profile_personas(data, labels, *, features=None, categorical=None, names=None, answers=None, score="nps",
                     id="customer_id", revenue=None, clv=None, churned=None, coded=None, verbatims=None,
                     n_codes=5, n_quotes=3, ci=0.95, min_n_privacy=None, min_n_reliable=None, seed=0):
    """Describe each persona: size, what sets it apart, NPS, money, churn, codes and quotes.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer, the rows ``labels`` were fitted on. Not modified.
    labels : array-like of int
        Persona of each row (``PersonaSegmenter.labels_``); -1 rows are not
        segmented and left out.
    features : list of str, optional
        Traits to compare: the clustering features and any descriptors
        (segment, region). Default: every column except ``id`` and the
        outcome columns.
    categorical : list of str, optional
        Which features are categories; default as in :class:`PersonaSegmenter`.
    names : dict or list, optional
        Persona names (``{0: "Bargain Hunter"}`` or one per persona, by
        number); the rest get a default name from their top two traits.
    answers : pandas.DataFrame, optional
        Survey answers (one row per answer) with ``id`` and ``score``: NPS per
        persona from all answers of its customers, the interval
        cluster-robust by customer. Without it, a ``score`` column of ``data``
        is used when there is one.
    score : str, default "nps"
        The 0-10 likelihood-to-recommend column.
    id : str, default "customer_id"
        Customer id column of ``data``, ``answers`` and ``verbatims``.
    revenue, clv, churned : str, optional
        Columns of ``data``: revenue per customer, customer lifetime value,
        and churned (yes/no). None skips the measure.
    coded : pandas.DataFrame, optional
        Codes of verbatims (``doc_id``, ``code``; optional ``span``, ``start``,
        ``end``), e.g. the qualitative-coding study's ``tables/coded.csv``.
    verbatims : pandas.DataFrame, optional
        The verbatims: ``doc_id``, ``id`` (the customer) and ``text``.
    n_codes, n_quotes : int, default 5, 3
        Codes and quotes shown per persona.
    ci : float, default 0.95
        Confidence level of every interval.
    min_n_privacy, min_n_reliable : int, optional
        Personas with fewer customers are withheld (default
        ``config.MIN_N_PRIVACY``); the NPS of fewer answers is flagged
        unreliable (default ``config.MIN_N_RELIABLE``).
    seed : int, default 0
        Seed of the quote choice among equally good quotes.

    Returns
    -------
    PersonaProfiles

    Notes
    -----
    Traits compare each persona with all other segmented customers:

    * numbers: the means, their difference, Cohen's *d* (standardised
      difference, pooled SD; :func:`pingouin.compute_effsize`) and Welch's
      *t*-test;
    * categories: per level, the share in the persona and in the rest, their
      difference, Cohen's *h* (2 asin √p₁ − 2 asin √p₂, on the scale of *d*),
      a 2×2 chi-square test of that level; and per feature Cramér's *V* of
      persona-vs-rest by level.

    P-values are adjusted together (Benjamini-Hochberg). ``rank`` orders a
    persona's traits by absolute effect. A default name joins the persona's
    two strongest significant traits: an attitude item as its statement
    ("need low price"), other numbers as "high ..." or "low ...", a category
    as its level ("online channel").

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from cxresearch.personas import profile_personas
    >>> rng = np.random.default_rng(0)
    >>> labels = np.repeat([0, 1], 100)
    >>> data = pd.DataFrame({"customer_id": [f"C{i}" for i in range(200)],
    ...                      "need_low_price": np.r_[rng.normal(4, .5, 100), rng.normal(2, .5, 100)],
    ...                      "channel": np.r_[["online"] * 80 + ["store"] * 20, ["store"] * 100],
    ...                      "revenue": np.r_[rng.normal(300, 50, 100), rng.normal(900, 50, 100)]})
    >>> profiles = profile_personas(data, labels, features=["need_low_price", "channel"], revenue="revenue")
    >>> profiles.names
    {0: 'High need low price, online channel', 1: 'Low need low price, store channel'}
    >>> profiles.overview[["persona", "n", "share", "revenue_share"]].round(2).to_dict("list")
    {'persona': [0, 1], 'n': [100, 100], 'share': [0.5, 0.5], 'revenue_share': [0.25, 0.75]}
    """
    check_frame(data, fix="pass one row per customer, the rows the personas were fitted on")
    labels = _check_labels(labels, len(data))
    from .metrics import _check_ci, adjust_pvalues
    from .metrics import nps as nps_table

    ci = _check_ci(ci)
    min_n_privacy = config.MIN_N_PRIVACY if min_n_privacy is None else _whole(min_n_privacy, "min_n_privacy", 0)
    min_n_reliable = config.MIN_N_RELIABLE if min_n_reliable is None else _whole(min_n_reliable,
                                                                                  "min_n_reliable", 0)
    outcome_columns = [c for c in (revenue, clv, churned) if c is not None]
    for name, parameter in ((revenue, "revenue"), (clv, "clv"), (churned, "churned")):
        _optional_column(data, name, parameter)
    if features is None:
        features = [c for c in data.columns if c != id and c not in outcome_columns and c != score]
    features = _names(features, "features")
    check_columns(data, features, "features")
    if categorical is None:
        categorical = [f for f in features if _looks_categorical(data[f])]
    else:
        categorical = _names(categorical, "categorical", empty_ok=True)
        check_columns(data, categorical, "categorical")
    segmented = labels >= 0
    personas = np.unique(labels[segmented])
    frame = data.loc[segmented]
    persona_of = labels[segmented]
    n_all = int(segmented.sum())
    if n_all == 0:
        raise DataValidationError("no customer is in a persona (every label is -1)", parameter="labels",
                                  fix="fit the segmenter on data with complete answers")

    traits = _traits(frame, persona_of, personas, features, categorical)
    if len(traits):
        traits["p_fdr"] = adjust_pvalues(traits["p_value"].to_numpy())
        traits["rank"] = (traits.assign(size=traits["effect"].abs())
                          .groupby("persona")["size"].rank(ascending=False, method="first"))
    names_out = _persona_names(traits, personas, names)
    traits.insert(1, "name", traits["persona"].map(names_out))
    traits = traits[list(TRAIT_COLUMNS)]

    # ---- sizes, money, churn
    sizes = pd.Series(persona_of).value_counts().reindex(personas, fill_value=0)
    rows = []
    total_revenue = (float(pd.to_numeric(frame[revenue], errors="coerce").sum()) if revenue else np.nan)

    def measures(mask, n):
        row = {}
        row["share"] = n / n_all
        row["share_ci_low"], row["share_ci_high"] = _wilson(n, n_all, ci)
        for column, key in ((revenue, "revenue"), (clv, "clv")):
            if column is None:
                row[key] = row[f"{key}_ci_low"] = row[f"{key}_ci_high"] = np.nan
                continue
            values = pd.to_numeric(frame.loc[mask, column], errors="coerce").to_numpy(dtype=float)
            row[key], row[f"{key}_ci_low"], row[f"{key}_ci_high"] = _mean_interval(values, ci)
        row["revenue_share"] = (float(pd.to_numeric(frame.loc[mask, revenue], errors="coerce").sum())
                                / total_revenue if revenue and total_revenue else np.nan)
        if churned is None:
            row["churn_rate"] = row["churn_ci_low"] = row["churn_ci_high"] = np.nan
        else:
            flags = frame.loc[mask, churned]
            flags = flags[flags.notna()].astype(bool)
            row["churn_rate"] = float(flags.mean()) if len(flags) else np.nan
            row["churn_ci_low"], row["churn_ci_high"] = _wilson(int(flags.sum()), len(flags), ci)
        return row

    for persona in personas:
        n = int(sizes[persona])
        row = {"persona": int(persona), "name": names_out[persona], "n": n, **measures(persona_of == persona, n)}
        rows.append(row)
    overview = pd.DataFrame(rows)
    overall = pd.Series({"persona": -1, "name": "All segmented customers", "n": n_all,
                         **measures(np.ones(n_all, dtype=bool), n_all)})

    # ---- NPS
    nps_source = None
    if answers is not None:
        check_frame(answers, "answers", fix="pass the survey answers, one row per answer")
        check_columns(answers, [id, score], "answers", where="the answers")
        persona_by_customer = pd.Series(persona_of, index=frame[id].astype("string").to_numpy())
        nps_source = answers[[id, score]].assign(
            persona=answers[id].astype("string").map(persona_by_customer).to_numpy())
        nps_source = nps_source[nps_source["persona"].notna()]
        nps_source["persona"] = nps_source["persona"].astype(int)
    elif score is not None and score in frame.columns:
        nps_source = pd.DataFrame({id: frame[id].to_numpy() if id in frame else np.arange(n_all),
                                   score: frame[score].to_numpy(), "persona": persona_of})
    for column in ("nps", "nps_ci_low", "nps_ci_high", "nps_n"):
        overview[column] = np.nan
    overall = overall.reindex(list(overall.index) + ["nps", "nps_ci_low", "nps_ci_high", "nps_n"])
    if nps_source is not None and len(nps_source):
        cluster = id if id in nps_source else None
        by_persona = nps_table(nps_source, score=score, by="persona", ci=ci, cluster=cluster,
                               min_n_privacy=min_n_privacy, min_n_reliable=min_n_reliable).set_index("persona")
        everyone = nps_table(nps_source, score=score, ci=ci, cluster=cluster, min_n_privacy=min_n_privacy,
                             min_n_reliable=min_n_reliable).iloc[0]
        for target, source in (("nps", "nps"), ("nps_ci_low", "ci_low"), ("nps_ci_high", "ci_high"),
                               ("nps_n", "n")):
            overview[target] = overview["persona"].map(by_persona[source]).astype(float)
            overall[target] = float(everyone[source])
        overview["nps_reliable"] = overview["persona"].map(by_persona["reliable"]).fillna(False).astype(bool)

    overview["withheld"] = overview["n"] < min_n_privacy
    hidden = [c for c in OVERVIEW_COLUMNS if c not in ("persona", "name", "n", "withheld")]
    overview.loc[overview["withheld"], hidden] = np.nan
    extra = [c for c in overview.columns if c not in OVERVIEW_COLUMNS]
    overview = overview[list(OVERVIEW_COLUMNS) + extra]
    withheld_personas = set(overview.loc[overview["withheld"], "persona"])
    traits = traits[~traits["persona"].isin(withheld_personas)].reset_index(drop=True)

    means = _trait_means(frame, persona_of, personas, features, categorical, names_out, withheld_personas)
    codes_table, quotes = _codes_and_quotes(frame, persona_of, personas, id, coded, verbatims, names_out,
                                            withheld_personas, n_codes, n_quotes, min_n_privacy, seed)
    return PersonaProfiles(overview=overview, overall=overall, traits=traits, trait_means=means,
                           codes=codes_table, quotes=quotes, names=names_out)


def _whole(value, name, low):
    _check_whole(value, name, low)
    return int(value)


def _traits(frame, persona_of, personas, features, categorical):
    import pingouin

    rows = []
    for feature in features:
        series = frame[feature]
        if feature in categorical:
            levels = _as_levels(series).to_numpy()
            present = [lv for lv in pd.unique(levels)]
            for persona in personas:
                inside = persona_of == persona
                if inside.all() or not inside.any():
                    continue
                table = pd.crosstab(inside, levels).to_numpy(dtype=float)
                v = _cramers_v(table)
                for level in present:
                    has = levels == level
                    a, b = int((has & inside).sum()), int((has & ~inside).sum())
                    n_in, n_out = int(inside.sum()), int((~inside).sum())
                    p_in, p_out = a / n_in, b / n_out
                    pair = np.array([[a, n_in - a], [b, n_out - b]], dtype=float)
                    p_value = (float(stats.chi2_contingency(pair, correction=False)[1])
                               if (pair.sum(axis=0) > 0).all() else np.nan)
                    rows.append(dict(persona=int(persona), feature=feature, level=str(level), kind="categorical",
                                     value=p_in, value_rest=p_out, difference=p_in - p_out,
                                     effect=float(_cohens_h(p_in, p_out)), effect_measure="Cohen's h",
                                     cramers_v=v, p_value=p_value))
        else:
            values = _as_numbers(series, feature)
            for persona in personas:
                inside = persona_of == persona
                x, y = values[inside], values[~inside]
                x, y = x[np.isfinite(x)], y[np.isfinite(y)]
                if len(x) < 2 or len(y) < 2:
                    continue
                same = np.ptp(np.r_[x, y]) == 0
                d = 0.0 if same else float(pingouin.compute_effsize(x, y, eftype="cohen"))
                p_value = np.nan if same else float(stats.ttest_ind(x, y, equal_var=False).pvalue)
                rows.append(dict(persona=int(persona), feature=feature, level="", kind="numeric",
                                 value=float(x.mean()), value_rest=float(y.mean()),
                                 difference=float(x.mean() - y.mean()), effect=d,
                                 effect_measure="standardised difference (Cohen's d)", cramers_v=np.nan,
                                 p_value=p_value))
    columns = [c for c in TRAIT_COLUMNS if c not in ("name", "p_fdr", "rank")]
    return pd.DataFrame(rows, columns=columns)


def _trait_label(row) -> str:
    """A trait in a few words: 'online channel', 'need low price' (an attitude held), 'low tenure months'."""
    if row["kind"] == "categorical":
        return f"{row['level']} {_readable(row['feature'])}"
    label = _readable(row["feature"])
    if row["effect"] < 0:
        return f"low {label}"
    return label if str(row["feature"]).startswith("att_") else f"high {label}"


def _persona_names(traits, personas, names):
    given = {}
    if names is not None:
        if isinstance(names, dict):
            given = {int(k): str(v) for k, v in names.items()}
        elif isinstance(names, (list, tuple)):
            given = {i: str(v) for i, v in enumerate(names)}
        else:
            raise ParameterError("names must be a dict {persona number: name} or a list, one per persona",
                                 parameter="names", value=type(names).__name__,
                                 fix="pass e.g. {0: 'Bargain Hunter', 1: 'Convenience Seeker'}")
        unknown = [k for k in given if k not in set(int(p) for p in personas)]
        if unknown:
            raise ParameterError("a name is given for a persona that does not exist", parameter="names",
                                 value=unknown[0], fix=f"use persona numbers {[int(p) for p in personas]}")
    out = {}
    for persona in personas:
        persona = int(persona)
        if persona in given:
            out[persona] = given[persona]
            continue
        rows = traits[(traits["persona"] == persona) & (traits["p_fdr"] < 0.05) & (traits["effect"].abs() >= 0.2)]
        # a categorical feature speaks through its over-represented level only
        rows = rows[(rows["kind"] == "numeric") | (rows["effect"] > 0)]
        rows = rows.sort_values("rank")
        labels = []
        for _, row in rows.iterrows():
            label = _trait_label(row)
            if row["feature"] not in [r[0] for r in labels]:
                labels.append((row["feature"], label))
            if len(labels) == 2:
                break
        text = ", ".join(label for _, label in labels) or f"Persona {persona + 1}"
        out[persona] = text[0].upper() + text[1:]
    seen = {}
    for persona, name in out.items():  # two personas never share a name
        if name in seen.values():
            out[persona] = f"{name} ({persona + 1})"
        seen[persona] = out[persona]
    return out


def _trait_means(frame, persona_of, personas, features, categorical, names, withheld):
    shown = [p for p in personas if p not in withheld]
    rows = {}
    for feature in features:
        if feature in categorical:
            levels = _as_levels(frame[feature]).to_numpy()
            for level in pd.unique(levels):
                indicator = (levels == level).astype(float)
                rows[f"{_readable(feature)}: {level}"] = _standardised_means(indicator, persona_of, shown)
        else:
            rows[_readable(feature)] = _standardised_means(_as_numbers(frame[feature], feature), persona_of, shown)
    table = pd.DataFrame(rows, index=[names[int(p)] for p in shown]).T
    table.columns.name = "persona"
    return table


def _standardised_means(values, persona_of, personas):
    finite = np.isfinite(values)
    mean, sd = values[finite].mean(), values[finite].std()
    sd = sd if sd > 0 else 1.0
    return [float((values[finite & (persona_of == p)].mean() - mean) / sd) for p in personas]


def _codes_and_quotes(frame, persona_of, personas, id, coded, verbatims, names, withheld, n_codes, n_quotes,
                      min_n_privacy, seed):
    code_columns = ["persona", "name", "code", "n_docs", "n_coded", "share", "share_rest", "lift", "p_value",
                    "p_fdr", "rank"]
    quote_columns = ["persona", "name", "code", "doc_id", "quote"]
    if coded is None or verbatims is None:
        return pd.DataFrame(columns=code_columns), pd.DataFrame(columns=quote_columns)
    from .coding.analysis import select_quotes

    check_frame(coded, "coded", fix="pass the coded table: doc_id, code (tables/coded.csv of a coding run)")
    check_columns(coded, ["doc_id", "code"], "coded", where="the coded table")
    check_frame(verbatims, "verbatims", fix="pass the verbatims: doc_id, customer id, text")
    check_columns(verbatims, ["doc_id", id, "text"], "verbatims", where="the verbatims")
    persona_by_customer = pd.Series(persona_of, index=frame[id].astype("string").to_numpy())
    docs = verbatims[["doc_id", id, "text"]].assign(doc_id=verbatims["doc_id"].astype("string"))
    docs["persona"] = docs[id].astype("string").map(persona_by_customer)
    docs = docs[docs["persona"].notna()].drop_duplicates("doc_id")
    docs["persona"] = docs["persona"].astype(int)
    codes = coded.assign(doc_id=coded["doc_id"].astype("string"))
    codes = codes[codes["doc_id"].isin(docs["doc_id"])]
    pairs = codes[["doc_id", "code"]].drop_duplicates().merge(docs[["doc_id", "persona"]], on="doc_id")
    n_docs = docs["persona"].value_counts()
    counts = pairs.groupby(["persona", "code"]).size()
    totals = pairs.groupby("code").size()
    from .metrics import adjust_pvalues

    support = max(min_n_privacy, 5)
    tables = []
    for persona in personas:
        if persona in withheld or n_docs.get(persona, 0) == 0:
            continue
        n_in = int(n_docs.get(persona, 0))
        n_out = int(len(docs) - n_in)
        mine = counts.loc[persona] if persona in counts.index.get_level_values(0) else pd.Series(dtype=float)
        table = pd.DataFrame({"n_coded": mine}).rename_axis("code").reset_index()
        table["n_docs"] = n_in
        table["share"] = table["n_coded"] / n_in
        rest = totals.reindex(table["code"]).to_numpy() - table["n_coded"].to_numpy()
        table["share_rest"] = rest / n_out if n_out else np.nan
        with np.errstate(divide="ignore", invalid="ignore"):
            table["lift"] = table["share"] / table["share_rest"]
        table["p_value"] = [
            float(stats.chi2_contingency(np.array([[a, n_in - a], [b, n_out - b]], dtype=float),
                                         correction=False)[1]) if n_out and 0 < a + b < n_in + n_out else np.nan
            for a, b in zip(table["n_coded"].to_numpy(), rest)]
        table.insert(0, "persona", int(persona))
        table.insert(1, "name", names[int(persona)])
        tables.append(table[table["n_coded"] >= support])
    rows, quote_rows = [], []
    every = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=code_columns)
    if len(every):
        # the codes a persona raises more than the others do, beyond chance (FDR over all personas x codes)
        every["p_fdr"] = adjust_pvalues(every["p_value"].to_numpy())
        every = every[(every["lift"] > 1) & (every["p_fdr"] < 0.05)]
    for persona in personas:
        table = every[every["persona"] == persona].sort_values(["lift", "n_coded"], ascending=False).head(n_codes)
        if table.empty:
            continue
        table = table.assign(rank=np.arange(1, len(table) + 1))
        rows.append(table[code_columns])
        top = list(table["code"].head(n_quotes))
        mine_docs = docs[docs["persona"] == persona]
        mine_codes = codes[codes["code"].isin(top) & codes["doc_id"].isin(mine_docs["doc_id"])]
        chosen = select_quotes(mine_codes, mine_docs, n=1, seed=seed)
        for code in top:
            for _, quote in chosen[chosen["code"] == code].iterrows():
                quote_rows.append(dict(persona=int(persona), name=names[int(persona)], code=code,
                                       doc_id=quote["doc_id"], quote=quote["quote"]))
    codes_table = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=code_columns)
    return codes_table, pd.DataFrame(quote_rows, columns=quote_columns)


def persona_map(segmenter, X, *, sample=5000, random_state=0):
    """A 2-D picture of the personas: the first two principal components of the features as encoded.

    Parameters
    ----------
    segmenter : PersonaSegmenter
        Fitted.
    X : pandas.DataFrame
        The customers (with the segmenter's features).
    sample : int, default 5000
        Customers drawn (seeded) so the plot stays readable.
    random_state : int, default 0

    Returns
    -------
    pandas.DataFrame
        ``dim1``, ``dim2``, ``persona`` (number), one row per drawn customer;
        ``attrs["explained"]`` holds the share of variance each axis shows.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from cxresearch.personas import PersonaSegmenter, persona_map
    >>> rng = np.random.default_rng(0)
    >>> X = pd.DataFrame(np.r_[rng.normal(0, 1, (100, 3)), rng.normal(4, 1, (100, 3))], columns=list("abc"))
    >>> seg = PersonaSegmenter(n_personas=2, n_bootstrap=3, random_state=0).fit(X)
    >>> picture = persona_map(seg, X)
    >>> picture.shape, sorted(picture["persona"].unique().tolist())
    ((200, 3), [0, 1])
    """
    from sklearn.decomposition import PCA

    if not isinstance(segmenter, PersonaSegmenter):
        raise ParameterError("expected a fitted PersonaSegmenter", parameter="segmenter",
                             value=type(segmenter).__name__, fix="pass PersonaSegmenter(...).fit(customers)")
    segmenter._check_fitted()
    encoded = segmenter.encoded(X)
    labels = segmenter.predict(X)
    keep = np.flatnonzero(labels >= 0)
    if len(keep) > sample:
        keep = np.sort(np.random.default_rng(random_state).choice(keep, sample, replace=False))
    values = encoded.to_numpy()[keep]
    components = min(2, values.shape[1])
    pca = PCA(n_components=components, random_state=random_state).fit(values)
    points = pca.transform(values)
    if components == 1:
        points = np.column_stack([points, np.zeros(len(points))])
    out = pd.DataFrame({"dim1": points[:, 0], "dim2": points[:, 1], "persona": labels[keep]},
                       index=encoded.index[keep])
    out.attrs["explained"] = [float(v) for v in pca.explained_variance_ratio_] + [0.0] * (2 - components)
    return out
