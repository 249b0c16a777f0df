"""A finite mixture model for mixed data: Gaussian numbers and categorical answers in one model.

What this module is for: the clustering engine behind
:class:`cxresearch.personas.PersonaSegmenter` with ``method="mixed"``. Each
persona (mixture component) has its own share, its own mean on every numeric
feature and its own distribution over the levels of every categorical feature;
one covariance matrix is shared by all personas (as in linear discriminant
analysis), so personas differ in where they sit, not in how spread out they
are. Categorical features are modelled as categories, not as 0/1 columns a
Gaussian would collapse onto. Without categorical features the model is a
Gaussian mixture with tied covariance (scikit-learn's
``GaussianMixture(covariance_type="tied")``).

What it is not for: preparing the data (scaling, encoding, missing values are
:mod:`cxresearch.personas`' job) or choosing the number of components.

The fit is expectation-maximisation (EM): started from k-means on a
subsample, run until the mean log-likelihood per respondent improves by less
than ``tol``. Every step is a dense matrix product or a sparse one-hot
product, so a million respondents take seconds.
"""

from __future__ import annotations

import numpy as np
from scipy import linalg, sparse

__all__ = ["MixedMixture"]

_LOG_2PI = float(np.log(2 * np.pi))


def one_hot(codes: np.ndarray, n_levels) -> sparse.csr_matrix:
    """Sparse 0/1 matrix, one block of columns per categorical feature; code -1 sets no column."""
    n = codes.shape[0]
    offsets = np.concatenate([[0], np.cumsum(n_levels)]).astype(np.int64)
    if codes.shape[1] == 0:
        return sparse.csr_matrix((n, 0))
    known = codes >= 0
    rows = np.broadcast_to(np.arange(n)[:, None], codes.shape)[known]
    cols = (codes + offsets[:-1][None, :])[known]
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, int(offsets[-1])))


class MixedMixture:
    """Mixture of tied-covariance Gaussians (numbers) and categorical distributions (categories).

    Parameters
    ----------
    n_components : int
        Number of components (personas).
    n_init : int
        Starts from different k-means seeds; the one with the highest likelihood is kept.
    max_iter : int
        EM iterations per start.
    tol : float
        Stop when the mean log-likelihood per row improves by less than this.
    reg_covar : float
        Added to the diagonal of the shared covariance (numbers are standardised).
    smoothing : float
        Pseudo-count spread over each categorical feature's levels, per component,
        so that no level has probability zero.
    random_state : int or None
        Seed of the starts.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> numbers = np.r_[rng.normal(-2, 1, (200, 2)), rng.normal(2, 1, (200, 2))]
    >>> answers = np.r_[rng.choice(3, (200, 1), p=[.8, .1, .1]), rng.choice(3, (200, 1), p=[.1, .1, .8])]
    >>> model = MixedMixture(2, random_state=0).fit(numbers, answers, [3])
    >>> labels = model.predict(numbers, answers)
    >>> bool((labels[:200] == labels[0]).mean() > 0.95 and (labels[200:] != labels[0]).mean() > 0.95)
    True
    """

    def __init__(self, n_components, *, n_init=3, max_iter=500, tol=1e-5, reg_covar=1e-6, smoothing=0.5,
                 init_sample=10_000, random_state=None):
        self.n_components = n_components
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.reg_covar = reg_covar
        self.smoothing = smoothing
        self.init_sample = init_sample
        self.random_state = random_state

    # ------------------------------------------------------------------ fitting
    def fit(self, numbers, codes, n_levels, *, init=None):
        """Fit by EM. ``numbers``: (n, d) float; ``codes``: (n, J) int level codes (0-based).

        ``init`` (a fitted MixedMixture with the same features) starts EM from its
        parameters instead of k-means (one start).
        """
        numbers = np.ascontiguousarray(numbers, dtype=np.float64)
        codes = np.asarray(codes, dtype=np.int64).reshape(len(numbers), -1)
        self.n_levels_ = [int(v) for v in n_levels]
        onehot = one_hot(codes, self.n_levels_)
        gram = numbers.T @ numbers
        rng = np.random.default_rng(self.random_state)
        best = None
        starts = 1 if init is not None else max(1, int(self.n_init))
        for _ in range(starts):
            if init is not None:
                params = (init.weights_, init.means_, init.covariance_, init.log_level_probs_)
                resp, _ = self._e_step(numbers, onehot, params)
            else:
                resp = self._kmeans_start(numbers, onehot, int(rng.integers(2 ** 31 - 1)))
            result = self._em(numbers, onehot, gram, resp)
            if best is None or result[0] > best[0]:
                best = result
        self.mean_log_likelihood_, params, self.n_iter_, self.converged_ = best
        self.weights_, self.means_, self.covariance_, self.log_level_probs_ = params
        self.n_rows_ = len(numbers)
        return self

    def _kmeans_start(self, numbers, onehot, seed):
        from sklearn.cluster import KMeans

        n = len(numbers)
        k = self.n_components
        rng = np.random.default_rng(seed)
        rows = rng.choice(n, min(n, self.init_sample), replace=False) if n > self.init_sample else np.arange(n)
        design = np.hstack([numbers, onehot.toarray() / np.sqrt(2)]) if onehot.shape[1] else numbers
        km = KMeans(k, n_init=1, max_iter=100, random_state=seed).fit(design[rows])
        labels = km.predict(design)
        resp = np.zeros((k, n))
        resp[labels, np.arange(n)] = 1.0
        return resp

    # Internally responsibilities and log-probabilities are (components, rows): the
    # reductions over the few components then run along contiguous rows of length n.
    def _m_step(self, numbers, onehot, gram, resp):
        n, d = numbers.shape
        nk = resp.sum(axis=1) + 10 * np.finfo(np.float64).eps
        weights = nk / n
        means = (resp @ numbers) / nk[:, None]
        covariance = (gram - (means.T * nk) @ means) / n
        covariance.flat[:: d + 1] += self.reg_covar
        log_probs = []
        if onehot.shape[1]:
            counts = np.asarray(onehot.T @ resp.T).T  # (k, total levels)
            start = 0
            for levels in self.n_levels_:
                block = counts[:, start:start + levels] + self.smoothing / levels
                log_probs.append(np.log(block / block.sum(axis=1, keepdims=True)))
                start += levels
        log_probs = np.hstack(log_probs) if log_probs else np.zeros((len(weights), 0))
        return weights, means, covariance, log_probs

    def _log_joint(self, numbers, onehot, params):
        weights, means, covariance, log_probs = params
        n, d = numbers.shape
        out = np.empty((len(weights), n))
        out[:] = np.log(weights)[:, None]
        if d:
            chol = linalg.cholesky(covariance, lower=True)
            # whitening with the inverse Cholesky factor: one matrix product per iteration
            unwhite = np.linalg.inv(chol)
            white = numbers @ unwhite.T
            centres = means @ unwhite.T
            log_det = 2 * np.log(np.diag(chol)).sum()
            out += centres @ white.T
            out -= 0.5 * np.einsum("ij,ij->i", white, white)[None, :]
            out -= 0.5 * ((centres ** 2).sum(axis=1) + d * _LOG_2PI + log_det)[:, None]
        if onehot.shape[1]:
            out += (onehot @ log_probs.T).T
        return out

    @staticmethod
    def _normalise(joint):
        """Responsibilities (in place of ``joint``) and the log of each row's total."""
        top = joint.max(axis=0)
        joint -= top
        np.exp(joint, out=joint)
        total = joint.sum(axis=0)
        joint /= total
        return joint, np.log(total) + top

    def _e_step(self, numbers, onehot, params):
        return self._normalise(self._log_joint(numbers, onehot, params))

    def _em(self, numbers, onehot, gram, resp):
        previous = -np.inf
        converged = False
        iteration = 0
        for iteration in range(1, self.max_iter + 1):
            params = self._m_step(numbers, onehot, gram, resp)
            resp, norm = self._e_step(numbers, onehot, params)
            current = float(norm.mean())
            if abs(current - previous) < self.tol:
                converged = True
                break
            previous = current
        return current, params, iteration, converged

    # ------------------------------------------------------------------ using the fit
    def predict_proba(self, numbers, codes):
        """Membership probabilities, (n, n_components)."""
        numbers = np.asarray(numbers, dtype=np.float64)
        onehot = one_hot(np.asarray(codes, dtype=np.int64).reshape(len(numbers), -1), self.n_levels_)
        resp, _ = self._e_step(numbers, onehot, self._params())
        return resp.T

    def predict(self, numbers, codes):
        """The most probable component of each row."""
        return self.predict_proba(numbers, codes).argmax(axis=1)

    def score_samples(self, numbers, codes):
        """Log-likelihood of each row under the fitted mixture."""
        numbers = np.asarray(numbers, dtype=np.float64)
        onehot = one_hot(np.asarray(codes, dtype=np.int64).reshape(len(numbers), -1), self.n_levels_)
        return self._normalise(self._log_joint(numbers, onehot, self._params()))[1]

    def predict_marginal(self, numbers, codes, keep_numeric, keep_categorical):
        """The most probable component given only some features (the others integrated out).

        ``keep_numeric`` / ``keep_categorical`` are boolean masks over the
        numeric columns and the categorical features. Under a Gaussian, leaving
        a number out is taking the sub-vector of the means and the sub-matrix of
        the covariance; leaving a category out drops its term.
        """
        keep_numeric = np.asarray(keep_numeric, dtype=bool)
        keep_categorical = np.asarray(keep_categorical, dtype=bool)
        levels = [v for v, kept in zip(self.n_levels_, keep_categorical) if kept]
        columns = np.concatenate([np.full(v, kept) for v, kept in zip(self.n_levels_, keep_categorical)]
                                 ) if self.n_levels_ else np.zeros(0, dtype=bool)
        params = (self.weights_, self.means_[:, keep_numeric],
                  self.covariance_[np.ix_(keep_numeric, keep_numeric)], self.log_level_probs_[:, columns])
        numbers = np.asarray(numbers, dtype=np.float64)[:, keep_numeric]
        codes = np.asarray(codes, dtype=np.int64).reshape(len(numbers), -1)[:, keep_categorical]
        return self._log_joint(numbers, one_hot(codes, levels), params).argmax(axis=0)

    def _params(self):
        return self.weights_, self.means_, self.covariance_, self.log_level_probs_

    def n_parameters(self) -> int:
        """Free parameters: shares, means, the shared covariance and the level probabilities."""
        k = self.n_components
        d = self.means_.shape[1]
        return int((k - 1) + k * d + d * (d + 1) // 2 + k * sum(v - 1 for v in self.n_levels_))

    def bic(self) -> float:
        """Bayesian information criterion on the fitted rows (lower is better)."""
        n = self.n_rows_
        return float(-2 * self.mean_log_likelihood_ * n + self.n_parameters() * np.log(n))

    @classmethod
    def from_partition(cls, numbers, codes, n_levels, labels, n_components, *, reg_covar=1e-6, smoothing=0.5):
        """The model whose parameters are estimated from a hard partition (one M-step).

        Scores any clustering (k-means, say) under the same likelihood, so BIC
        compares partitions from different methods on one scale.
        """
        model = cls(n_components, reg_covar=reg_covar, smoothing=smoothing)
        numbers = np.ascontiguousarray(numbers, dtype=np.float64)
        codes = np.asarray(codes, dtype=np.int64).reshape(len(numbers), -1)
        model.n_levels_ = [int(v) for v in n_levels]
        onehot = one_hot(codes, model.n_levels_)
        resp = np.zeros((n_components, len(numbers)))
        resp[labels, np.arange(len(numbers))] = 1.0
        params = model._m_step(numbers, onehot, numbers.T @ numbers, resp)
        model.weights_, model.means_, model.covariance_, model.log_level_probs_ = params
        model.mean_log_likelihood_ = float(model._normalise(model._log_joint(numbers, onehot, params))[1].mean())
        model.n_rows_ = len(numbers)
        model.n_iter_, model.converged_ = 0, True
        return model
