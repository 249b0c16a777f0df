"""Metric-to-financial linkage: what NPS, CSAT and CES are worth in churn, orders and money.

What this module is for: joining survey answers with operational data (O-data)
per customer into a single customer view; comparing promoters, passives and
detractors (or CSAT/CES bands) on revenue, orders, order value, CLV and churn;
churn models that survive separation; the customer-month panel in which this
month's churn and orders follow last month's score; revenue at risk and
"what if" scenarios in a stated currency, horizon, margin and discount rate;
employee engagement against customer scores per store or team; and what each
complaint theme costs. Every estimate comes with its confidence interval.

What it is not for: reading files (``cxresearch.datasets``,
``cxresearch.linkage_study``), key-driver analysis (``cxresearch.drivers``),
drawing (``cxresearch.plotting``), or causal claims: the differences here are
associations; the study's narrative says so.

Bootstraps are vectorised: customers are split at random into at most
``max_atoms`` "atoms" per group, each atom's sufficient statistics (count, sums)
are computed once, and every bootstrap round reweights the atoms with
Poisson(1) weights (a Poisson bootstrap of random blocks; exactly the Poisson
bootstrap of customers when a group has no more customers than atoms). A
thousand rounds over a million customers cost a few matrix products, not a
thousand refits.
"""

from __future__ import annotations

import numbers
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from . import config
from ._checks import check_columns, check_frame
from .exceptions import DataValidationError, ParameterError

__all__ = [
    "METRIC_BANDS", "band_scores", "single_customer_view", "compare_groups", "GroupComparison",
    "separation_table", "churn_model", "ChurnModel", "firth_logit", "customer_month_panel",
    "order_rate_ratios", "MoneySettings", "revenue_at_risk", "scenario", "unit_linkage", "UnitLinkage",
    "theme_costs", "NO_ANSWER", "NO_ANSWER_YET",
]

#: Bands of each metric's scale: (label, lowest score, highest score), and the reference band.
METRIC_BANDS = {
    "nps": {"bands": (("detractor", 0, 6), ("passive", 7, 8), ("promoter", 9, 10)), "reference": "passive"},
    "csat": {"bands": (("dissatisfied", 1, 2), ("neutral", 3, 3), ("satisfied", 4, 5)), "reference": "neutral"},
    "ces": {"bands": (("difficult", 1, 3), ("neutral", 4, 4), ("easy", 5, 7)), "reference": "neutral"},
}
#: Category of a customer without any answer, in the single customer view.
NO_ANSWER = "no answer"
#: Category of a customer-month before the customer's first answer, in the panel.
NO_ANSWER_YET = "no answer yet"

_CATEGORY = "category"


# ------------------------------------------------------------------ checks
def _min_n(min_n_privacy):
    if min_n_privacy is None:
        return config.MIN_N_PRIVACY
    if isinstance(min_n_privacy, bool) or not isinstance(min_n_privacy, numbers.Integral) or min_n_privacy < 1:
        raise ParameterError("must be a whole number, 1 or more", parameter="min_n_privacy", value=min_n_privacy,
                             fix="use e.g. 10, or None for the project default")
    return int(min_n_privacy)


def _check_ci(ci):
    if isinstance(ci, bool) or not isinstance(ci, numbers.Real) or not 0 < ci < 1:
        raise ParameterError("the confidence level must be between 0 and 1", parameter="ci", value=ci,
                             fix="use e.g. ci=0.95")
    return float(ci)


def _check_rounds(n_bootstrap):
    if isinstance(n_bootstrap, bool) or not isinstance(n_bootstrap, numbers.Integral) or n_bootstrap < 50:
        raise ParameterError("too few bootstrap rounds for an interval", parameter="n_bootstrap",
                             value=n_bootstrap, fix="use at least 50, e.g. 1000")
    return int(n_bootstrap)


def _as_list(value, parameter):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, (list, tuple)):
        raise ParameterError("expected a column name or a list of them", parameter=parameter, value=value,
                             fix="use e.g. ['revenue', 'churned']")
    return list(value)


def _bands_for(metric, bands):
    if bands is not None:
        try:
            parsed = tuple((str(label), float(low), float(high)) for label, low, high in bands)
        except (TypeError, ValueError):
            raise ParameterError("bands must be (label, lowest score, highest score) triples", parameter="bands",
                                 value=bands, fix="use e.g. [['low', 1, 2], ['mid', 3, 3], ['high', 4, 5]]") from None
        return parsed, parsed[len(parsed) // 2][0]
    if metric not in METRIC_BANDS:
        raise ParameterError("no standard bands for this metric", parameter="bands", value=metric,
                             fix=f"give bands=[(label, low, high), ...] or use one of {sorted(METRIC_BANDS)}")
    spec = METRIC_BANDS[metric]
    return spec["bands"], spec["reference"]


def band_scores(scores, metric="nps", bands=None):
    """The band of each score: detractor/passive/promoter for NPS, or CSAT and CES bands.

    Parameters
    ----------
    scores : array-like of numbers
        Scores on the metric's scale; missing stays missing.
    metric : {"nps", "csat", "ces"}, default "nps"
        Chooses the standard bands (:data:`METRIC_BANDS`): NPS 0-6 / 7-8 / 9-10;
        CSAT 1-2 dissatisfied / 3 neutral / 4-5 satisfied; CES 1-3 difficult /
        4 neutral / 5-7 easy.
    bands : list of (label, low, high), optional
        Own bands instead, lowest first; scores in no band are missing.

    Returns
    -------
    pandas.Categorical
        Ordered from the lowest band to the highest.

    Examples
    --------
    >>> from cxresearch.linkage import band_scores
    >>> list(band_scores([0, 6, 7, 9, None]))
    ['detractor', 'detractor', 'passive', 'promoter', nan]
    >>> list(band_scores([1, 3, 5], metric="csat"))
    ['dissatisfied', 'neutral', 'satisfied']
    """
    parsed, _ = _bands_for(metric, bands)
    values = pd.to_numeric(pd.Series(np.asarray(scores, dtype=object)), errors="coerce").to_numpy(float)
    labels = np.full(len(values), None, dtype=object)
    for label, low, high in parsed:
        labels[(values >= low) & (values <= high)] = label
    return pd.Categorical(labels, categories=[b[0] for b in parsed], ordered=True)


def _numeric(data, column, parameter):
    series = data[column]
    if pd.api.types.is_bool_dtype(series) or str(series.dtype) == "boolean":
        return series.astype("Float64").to_numpy(float, na_value=np.nan)
    values = pd.to_numeric(series, errors="coerce")
    bad = values.isna() & series.notna()
    if bad.any():
        raise DataValidationError("not a number", column=column, parameter=parameter,
                                  value=series[bad].iloc[0], row=series[bad].index[0],
                                  fix="give numbers (or yes/no for churn) in this column, or map another column")
    return values.to_numpy(float)


# ------------------------------------------------------------------ single customer view
def _id_text(series):
    return series.astype("string").str.strip()


def _member(values, pool):
    """values.isin(pool) as a numpy array, through a hash index (pandas' isin on Arrow strings builds lists)."""
    index = pd.Index(pd.unique(pd.Series(pool).dropna()))
    return index.get_indexer(pd.Series(values)) >= 0


def _float_like(ids):
    return ids.dropna().head(200).str.fullmatch(r"-?\d+\.0+").mean() > 0.5 if len(ids.dropna()) else False


def _check_ids_match(customer_ids, answer_ids, customers_file, responses_file):
    if _member(customer_ids, answer_ids).any():
        return
    c_ex, a_ex = customer_ids.dropna().iloc[0], answer_ids.dropna().iloc[0]
    stripped_c = customer_ids.str.replace(r"\.0+$", "", regex=True)
    stripped_a = answer_ids.str.replace(r"\.0+$", "", regex=True)
    if (_float_like(customer_ids) or _float_like(answer_ids)) and _member(stripped_c, stripped_a).any():
        floaty = responses_file if _float_like(answer_ids) else customers_file
        raise DataValidationError(
            f"no customer id of the answers matches a customer: the ids were read as decimal numbers "
            f"(answers {a_ex!r}, customers {c_ex!r})", file=floaty, column="customer_id", value=a_ex,
            fix="read the id column as text (load_table keeps ids as text; in your own code use dtype=str), "
                "so 1001 stays '1001', not '1001.0'")
    raise DataValidationError(
        f"no customer id of the {answer_ids.nunique():,} answering customers is among the "
        f"{customer_ids.nunique():,} customers' ids (answers {a_ex!r}, customers {c_ex!r})",
        file=responses_file, column="customer_id", value=a_ex,
        fix="map the column that holds the same customer id in both files to customer_id "
            "(mapping={'Their ID column': 'customer_id'})")


def single_customer_view(customers, responses, *, metric="nps", how="latest", date="date", bands=None,
                         window_months=None, attributes="attr_", customers_file=None, responses_file=None):
    """One row per customer: their O-data beside their survey score, joined on ``customer_id``.

    Parameters
    ----------
    customers : pandas.DataFrame
        O-data, one row per customer: ``customer_id`` plus e.g. ``revenue``,
        ``orders``, ``churned``, ``clv``, ``tenure_months``, ``segment``.
    responses : pandas.DataFrame
        Survey answers, one row per answer: ``customer_id`` and ``metric``
        (plus ``date`` to know which answer is the latest).
    metric : str, default "nps"
        The score column of the answers; its band is added as ``category``.
    how : {"latest", "first", "mean"}, default "latest"
        Which score stands for a customer with several answers: the latest
        (by ``date``, else the last in file order), the first, or the mean
        (its band computed from the rounded mean).
    date : str, default "date"
        Answer date column, used when present.
    bands : list of (label, low, high), optional
        Own bands (see :func:`band_scores`).
    window_months : int, optional
        Months the ``revenue`` and ``orders`` cover (24 for two years of
        O-data): ``months_observed`` is the tenure capped at it (at least 1).
    attributes : str or list of str, default "attr_"
        Attribute ratings averaged per customer (prefix or names); ``None``: none.
    customers_file, responses_file : str, optional
        File names for error messages.

    Returns
    -------
    pandas.DataFrame
        ``customers`` (a column named like the metric is replaced by the
        survey's) plus ``metric``, ``category`` (``"no answer"`` when the
        customer never answered), ``n_answers``, attribute means, and when
        their sources exist ``months_observed``, ``revenue_per_month`` and
        ``average_order_value`` (revenue / orders; missing without orders).
        ``attrs["match"]``: ``n_customers``, ``n_answering_customers``,
        ``match_rate`` (share of answering customers found in the O-data),
        ``customers_with_answers``, ``customers_without_answers``,
        ``answers_unmatched`` (answers whose customer is not in the O-data),
        ``answering_customers_unmatched``, ``how``.

    Raises
    ------
    DataValidationError
        When no answer's customer id matches any customer: usually the wrong
        column mapped to ``customer_id``, or ids read as decimals ("1001.0").

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.linkage import single_customer_view
    >>> customers = pd.DataFrame({"customer_id": ["A", "B", "C"], "revenue": [120.0, 40.0, 0.0],
    ...                           "orders": [3, 1, 0], "churned": [False, True, False]})
    >>> answers = pd.DataFrame({"customer_id": ["A", "A", "B", "Z"], "nps": [6, 9, 3, 10],
    ...                         "date": pd.to_datetime(["2025-01-05", "2025-03-01", "2025-02-01", "2025-02-01"])})
    >>> view = single_customer_view(customers, answers)
    >>> view[["customer_id", "nps", "category", "n_answers"]].values.tolist()
    [['A', 9.0, 'promoter', 2], ['B', 3.0, 'detractor', 1], ['C', nan, 'no answer', 0]]
    >>> {k: view.attrs["match"][k] for k in ["match_rate", "answers_unmatched", "customers_without_answers"]}
    {'match_rate': 0.6667, 'answers_unmatched': 1, 'customers_without_answers': 1}
    """
    check_frame(customers, "customers", "pass the customers table, one row per customer")
    check_frame(responses, "responses", "pass the survey answers, one row per answer")
    check_columns(customers, "customer_id", "customers", where="the customers")
    check_columns(responses, ["customer_id", metric], "metric", where="the answers")
    if how not in {"latest", "first", "mean"}:
        raise ParameterError("unknown way to combine a customer's answers", parameter="how", value=how,
                             fix="use 'latest', 'first' or 'mean'")
    customer_ids = _id_text(customers["customer_id"])
    if customer_ids.duplicated().any():
        raise DataValidationError("a customer appears twice in the O-data", file=customers_file,
                                  column="customer_id", value=customer_ids[customer_ids.duplicated()].iloc[0],
                                  fix="give one row per customer (aggregate the O-data first)")
    answers = responses.assign(customer_id=_id_text(responses["customer_id"]))
    answers = answers[answers["customer_id"].notna()]
    _check_ids_match(customer_ids, answers["customer_id"], customers_file, responses_file)
    items = ([c for c in answers.columns if str(c).startswith(attributes)] if isinstance(attributes, str)
             else list(attributes or []))
    scored = answers.assign(_score=_numeric(answers, metric, "metric"))
    scored = scored[scored["_score"].notna()]
    if date in scored.columns:
        scored = scored.sort_values(date, kind="stable")
    grouped = scored.groupby("customer_id", sort=False)
    if how == "mean":
        per = grouped["_score"].mean().rename(metric).to_frame()
        band_values = per[metric].round()
    else:
        pick = scored.drop_duplicates("customer_id", keep="last" if how == "latest" else "first")
        per = pick.set_index("customer_id")[["_score"]].rename(columns={"_score": metric})
        band_values = per[metric]
    per[_CATEGORY] = np.asarray(band_scores(band_values, metric if bands is None else None, bands), dtype=object)
    per["n_answers"] = grouped.size()
    if date in scored.columns:
        per["last_answer_date"] = grouped[date].max()
    for item in items:
        per[item] = answers.groupby("customer_id")[item].mean()
    view = customers.drop(columns=[c for c in per.columns if c in customers.columns])
    view = view.assign(customer_id=customer_ids).merge(per, left_on="customer_id", right_index=True, how="left")
    view[_CATEGORY] = view[_CATEGORY].fillna(NO_ANSWER)
    view["n_answers"] = view["n_answers"].fillna(0).astype(int)
    _derive_money_columns(view, window_months)
    answering = answers["customer_id"].drop_duplicates()
    found = _member(answering, customer_ids)
    view.attrs["match"] = {
        "n_customers": int(len(view)), "n_answering_customers": int(len(answering)),
        "match_rate": round(float(found.mean()), 4), "customers_with_answers": int((view["n_answers"] > 0).sum()),
        "customers_without_answers": int((view["n_answers"] == 0).sum()),
        "answers_unmatched": int((~_member(answers["customer_id"], customer_ids)).sum()),
        "answering_customers_unmatched": int((~found).sum()), "how": how, "metric": metric}
    return view.reset_index(drop=True)


def _derive_money_columns(view, window_months):
    if "tenure_months" in view.columns:
        months = pd.to_numeric(view["tenure_months"], errors="coerce").clip(lower=1)
        if window_months is not None:
            if isinstance(window_months, bool) or not isinstance(window_months, numbers.Integral) or window_months < 1:
                raise ParameterError("must be a whole number of months, 1 or more", parameter="window_months",
                                     value=window_months, fix="use e.g. window_months=24, or None")
            months = months.clip(upper=window_months)
        view["months_observed"] = months
        if "revenue" in view.columns and "revenue_per_month" not in view.columns:
            view["revenue_per_month"] = pd.to_numeric(view["revenue"], errors="coerce") / months
    if {"revenue", "orders"} <= set(view.columns) and "average_order_value" not in view.columns:
        orders = pd.to_numeric(view["orders"], errors="coerce").astype(float)
        view["average_order_value"] = (pd.to_numeric(view["revenue"], errors="coerce") / orders).where(orders > 0)


# ------------------------------------------------------------------ group comparisons
@dataclass
class GroupComparison:
    """What :func:`compare_groups` returns: three tidy tables.

    ``groups``: outcome, group, n, kind ("rate" or "mean"), estimate, sd,
    ci_low, ci_high, withheld. ``tests``: outcome, test, statistic, df1, df2,
    p_val, effect_size, effect_size_name. ``pairs``: outcome, A, B,
    difference (A − B), ci_low, ci_high, p_val, effect_size, effect_size_name.
    """

    groups: pd.DataFrame
    tests: pd.DataFrame
    pairs: pd.DataFrame


def _group_column(data, metric, group, bands):
    if group is not None:
        check_columns(data, group, "group")
        return data[group].astype(object), group
    if _CATEGORY in data.columns and bands is None:
        return data[_CATEGORY].astype(object), _CATEGORY
    check_columns(data, metric, "metric")
    return pd.Series(np.asarray(band_scores(data[metric], metric if bands is None else None, bands), dtype=object),
                     index=data.index), _CATEGORY


def _order_levels(levels, metric, bands):
    known = [b[0] for b in _bands_for(metric, bands)[0]] if (bands is not None or metric in METRIC_BANDS) else []
    return [lv for lv in known if lv in levels] + sorted(lv for lv in levels if lv not in known)


def compare_groups(data, outcome, *, metric="nps", group=None, bands=None, ci=0.95, min_n_privacy=None,
                   include_no_answer=False):
    """Promoters, passives and detractors (or CSAT/CES bands) compared on money outcomes.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer, e.g. :func:`single_customer_view`.
    outcome : str or list of str
        Outcome columns: yes/no outcomes (``churned``) are compared as rates,
        numbers (``revenue``, ``orders``, ``average_order_value``, ``clv``) as
        means.
    metric : str, default "nps"
        The score whose bands form the groups (ignored when ``data`` already
        has a ``category`` column or ``group`` is given).
    group : str, optional
        A column holding the groups instead.
    bands : list of (label, low, high), optional
        Own bands (see :func:`band_scores`).
    ci : float, default 0.95
    min_n_privacy : int, optional
        Groups with fewer customers are withheld (no numbers, no tests);
        default ``config.MIN_N_PRIVACY``.
    include_no_answer : bool, default False
        Also compare customers who never answered.

    Returns
    -------
    GroupComparison
        ``groups``: per outcome and group the rate (Wilson interval) or mean
        (t interval). ``tests``: numbers get Welch's ANOVA (effect size
        partial eta², ``np2``) and the Kruskal-Wallis test (epsilon²); rates
        the chi-square test of independence (Cramér's V). ``pairs``: numbers
        get Games-Howell pairs (interval from the studentised range, Hedges'
        g); rates the difference with a Wald interval, a z-test with Holm's
        correction and Cohen's h. Computed with pingouin.

    Notes
    -----
    The differences are associations: promoters may spend more because they
    are the kind of customer who spends more. :func:`customer_month_panel`
    and :func:`order_rate_ratios` compare a customer with themself over time.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from cxresearch.linkage import compare_groups
    >>> rng = np.random.default_rng(0)
    >>> nps = rng.integers(0, 11, 600)
    >>> data = pd.DataFrame({"nps": nps, "revenue": rng.gamma(2, 50 + 5 * nps),
    ...                      "churned": rng.random(600) < np.where(nps <= 6, 0.3, 0.15)})
    >>> result = compare_groups(data, ["revenue", "churned"])
    >>> result.groups[["outcome", "group", "n"]].head(3).values.tolist()
    [['revenue', 'detractor', 362], ['revenue', 'passive', 114], ['revenue', 'promoter', 124]]
    >>> result.tests["test"].tolist()
    ['Welch ANOVA', 'Kruskal-Wallis', 'chi-square']
    >>> result.pairs.query("outcome == 'revenue'")[["A", "B"]].values.tolist()
    [['detractor', 'passive'], ['detractor', 'promoter'], ['passive', 'promoter']]
    """
    import pingouin as pg

    check_frame(data, "data", "pass one row per customer, e.g. single_customer_view()")
    outcomes = _as_list(outcome, "outcome")
    if not outcomes:
        raise ParameterError("no outcome to compare", parameter="outcome", value=outcome,
                             fix="name at least one column, e.g. 'revenue'")
    check_columns(data, outcomes, "outcome")
    ci = _check_ci(ci)
    min_n = _min_n(min_n_privacy)
    groups, name = _group_column(data, metric, group, bands)
    if not include_no_answer:
        groups = groups.where(groups != NO_ANSWER)
    levels = _order_levels(set(groups.dropna().unique()), metric, bands if group is None else None)
    z = stats.norm.ppf(0.5 + ci / 2)
    group_rows, test_rows, pair_rows = [], [], []
    for column in outcomes:
        values = _numeric(data, column, "outcome")
        binary = pd.api.types.is_bool_dtype(data[column]) or str(data[column].dtype) == "boolean" or \
            set(np.unique(values[~np.isnan(values)])) <= {0.0, 1.0}
        frame = pd.DataFrame({"g": groups.to_numpy(), "y": values}).dropna()
        shown = []
        for level in levels:
            y = frame.loc[frame["g"] == level, "y"].to_numpy()
            n = len(y)
            row = {"outcome": column, "group": level, "n": n, "kind": "rate" if binary else "mean",
                   "estimate": np.nan, "sd": np.nan, "ci_low": np.nan, "ci_high": np.nan, "withheld": n < min_n}
            if n >= min_n:
                shown.append(level)
                mean = float(y.mean())
                row["estimate"], row["sd"] = mean, float(y.std(ddof=1)) if n > 1 else np.nan
                if binary:
                    centre = (mean + z * z / (2 * n)) / (1 + z * z / n)
                    half = z * np.sqrt(mean * (1 - mean) / n + z * z / (4 * n * n)) / (1 + z * z / n)
                    row["ci_low"], row["ci_high"] = max(0.0, min(mean, centre - half)), min(1.0, max(mean, centre + half))
                else:
                    half = stats.t.ppf(0.5 + ci / 2, n - 1) * row["sd"] / np.sqrt(n)
                    row["ci_low"], row["ci_high"] = mean - half, mean + half
            group_rows.append(row)
        frame = frame[frame["g"].isin(shown)]
        if len(shown) < 2:
            continue
        if binary:
            test_rows.append(_chi_square(pg, frame, column))
            pair_rows.extend(_rate_pairs(frame, column, shown, z))
        else:
            test_rows.extend(_mean_tests(pg, frame, column))
            pair_rows.extend(_games_howell(pg, frame, column, shown, ci))
    test_columns = ["outcome", "test", "statistic", "df1", "df2", "p_val", "effect_size", "effect_size_name"]
    pair_columns = ["outcome", "A", "B", "difference", "ci_low", "ci_high", "p_val", "effect_size",
                    "effect_size_name"]
    result = GroupComparison(pd.DataFrame(group_rows), pd.DataFrame(test_rows, columns=test_columns),
                             pd.DataFrame(pair_rows, columns=pair_columns))
    result.groups.attrs["group"] = name
    return result


def _chi_square(pg, frame, column):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, _, table = pg.chi2_independence(frame.assign(y=frame["y"].astype(int)), x="g", y="y")
    row = table.iloc[0]
    return {"outcome": column, "test": "chi-square", "statistic": float(row["chi2"]), "df1": float(row["dof"]),
            "df2": np.nan, "p_val": float(row["pval"]), "effect_size": float(row["cramer"]),
            "effect_size_name": "Cramér's V"}


def _mean_tests(pg, frame, column):
    welch = pg.welch_anova(frame, dv="y", between="g").iloc[0]
    kruskal = pg.kruskal(frame, dv="y", between="g").iloc[0]
    n, k = len(frame), frame["g"].nunique()
    epsilon2 = (float(kruskal["H"]) - k + 1) / (n - k) if n > k else np.nan
    return [{"outcome": column, "test": "Welch ANOVA", "statistic": float(welch["F"]), "df1": float(welch["ddof1"]),
             "df2": float(welch["ddof2"]), "p_val": float(welch["p_unc"]), "effect_size": float(welch["np2"]),
             "effect_size_name": "partial eta²"},
            {"outcome": column, "test": "Kruskal-Wallis", "statistic": float(kruskal["H"]),
             "df1": float(kruskal["ddof1"]), "df2": np.nan, "p_val": float(kruskal["p_unc"]),
             "effect_size": epsilon2, "effect_size_name": "epsilon²"}]


def _games_howell(pg, frame, column, levels, ci):
    table = pg.pairwise_gameshowell(frame, dv="y", between="g", effsize="hedges")
    k = len(levels)
    rows = []
    for row in table.itertuples(index=False):
        a, b = row.A, row.B
        if levels.index(a) > levels.index(b):  # keep the bands' order: lower band first
            a, b, sign = b, a, -1.0
        else:
            sign = 1.0
        diff = sign * float(row.diff)
        crit = stats.studentized_range.ppf(ci, k, float(row.df)) / np.sqrt(2)
        rows.append({"outcome": column, "A": a, "B": b, "difference": diff, "ci_low": diff - crit * float(row.se),
                     "ci_high": diff + crit * float(row.se), "p_val": float(row.pval),
                     "effect_size": sign * float(row.hedges), "effect_size_name": "Hedges' g"})
    return sorted(rows, key=lambda r: (levels.index(r["A"]), levels.index(r["B"])))


def _rate_pairs(frame, column, levels, z):
    from .metrics import adjust_pvalues

    stats_by = frame.groupby("g")["y"].agg(["mean", "size"])
    rows = []
    for i, a in enumerate(levels):
        for b in levels[i + 1:]:
            pa, na = stats_by.loc[a]
            pb, nb = stats_by.loc[b]
            diff = pa - pb
            se = np.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb)
            pooled = (pa * na + pb * nb) / (na + nb)
            se0 = np.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb))
            p = float(2 * stats.norm.sf(abs(diff) / se0)) if se0 > 0 else 1.0
            h = 2 * np.arcsin(np.sqrt(pa)) - 2 * np.arcsin(np.sqrt(pb))
            rows.append({"outcome": column, "A": a, "B": b, "difference": diff, "ci_low": diff - z * se,
                         "ci_high": diff + z * se, "p_val": p, "effect_size": h, "effect_size_name": "Cohen's h"})
    adjusted = adjust_pvalues([r["p_val"] for r in rows], method="holm")
    for row, p in zip(rows, adjusted):
        row["p_val"] = float(p)
    return rows


# ------------------------------------------------------------------ churn models
def separation_table(data, outcome, by, *, min_n_privacy=None):
    """Outcome rate per level of ``by``, flagging levels where it is 0% or 100% (separation).

    Parameters
    ----------
    data : pandas.DataFrame
    outcome : str
        A yes/no column (churned).
    by : str
        The score or band column.
    min_n_privacy : int, optional
        Levels with fewer rows are withheld (shown without rate).

    Returns
    -------
    pandas.DataFrame
        ``level``, ``n``, ``events``, ``rate``, ``separated`` (rate 0 or 1 in a
        level that is not withheld), ``withheld``. ``attrs["separated"]`` is
        True when any level is separated.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.linkage import separation_table
    >>> data = pd.DataFrame({"score": [1] * 20 + [3] * 20 + [5] * 20,
    ...                      "churned": [1] * 20 + [1] * 5 + [0] * 15 + [0] * 20})
    >>> table = separation_table(data, "churned", "score")
    >>> table[["level", "rate", "separated"]].values.tolist()
    [[1, 1.0, True], [3, 0.25, False], [5, 0.0, True]]
    >>> table.attrs["separated"]
    True
    """
    check_frame(data)
    check_columns(data, [outcome, by], "outcome")
    min_n = _min_n(min_n_privacy)
    frame = pd.DataFrame({"level": data[by].to_numpy(), "y": _numeric(data, outcome, "outcome")}).dropna()
    table = frame.groupby("level", sort=True)["y"].agg(n="size", events="sum").reset_index()
    table["events"] = table["events"].astype(int)
    table["rate"] = table["events"] / table["n"]
    table["withheld"] = table["n"] < min_n
    table["separated"] = ~table["withheld"] & ((table["events"] == 0) | (table["events"] == table["n"]))
    table.loc[table["withheld"], ["events", "rate"]] = np.nan
    table = table[["level", "n", "events", "rate", "separated", "withheld"]]
    table.attrs["separated"] = bool(table["separated"].any())
    return table


def firth_logit(X, y, *, max_iter=100, tol=1e-8):
    """Firth's penalised logistic regression (Jeffreys prior): finite estimates even under separation.

    Parameters
    ----------
    X : array-like, shape (n, p)
        Design matrix, intercept included.
    y : array-like of 0/1, shape (n,)

    Returns
    -------
    (coef, cov)
        Coefficients and their covariance (the inverse Fisher information at
        the penalised estimate, for Wald intervals).

    Notes
    -----
    Maximises l(b) + ½ log|I(b)| by Newton steps on the modified score
    Xᵀ(y − p + h(½ − p)), h the diagonal of the weighted hat matrix (Firth
    1993; Heinze & Schemper 2002, Statistics in Medicine 21:2409), halving a
    step that lowers the penalised likelihood. With one binary predictor the
    estimate equals the log odds ratio of the 2×2 table with ½ added to each
    cell.

    Examples
    --------
    >>> import numpy as np
    >>> from cxresearch.linkage import firth_logit
    >>> x = np.r_[np.ones(10), np.zeros(10)]
    >>> y = np.r_[np.ones(10), np.ones(4), np.zeros(6)]        # x = 1: everyone churned
    >>> coef, cov = firth_logit(np.column_stack([np.ones(20), x]), y)
    >>> round(float(coef[1]), 4), round(float(np.log(10.5 * 6.5 / (0.5 * 4.5))), 4)
    (3.4122, 3.4122)
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    coef = np.zeros(X.shape[1])

    def penalised(b):
        eta = X @ b
        p = 1 / (1 + np.exp(-eta))
        w = p * (1 - p)
        info = (X * w[:, None]).T @ X
        sign, logdet = np.linalg.slogdet(info)
        loglik = float(np.sum(y * eta - np.logaddexp(0, eta)))
        return loglik + 0.5 * logdet, p, w, info

    current, p, w, info = penalised(coef)
    for _ in range(max_iter):
        inverse = np.linalg.pinv(info)
        hat = w * np.einsum("ij,jk,ik->i", X, inverse, X)
        score = X.T @ (y - p + hat * (0.5 - p))
        step = inverse @ score
        for _ in range(30):
            trial = coef + step
            value, p_t, w_t, info_t = penalised(trial)
            if value >= current - 1e-12:
                break
            step = step / 2
        coef, current, p, w, info = trial, value, p_t, w_t, info_t
        if np.max(np.abs(step)) < tol:
            break
    return coef, np.linalg.pinv(info)


@dataclass
class ChurnModel:
    """What :func:`churn_model` returns.

    ``odds_ratios``: term, odds_ratio, ci_low, ci_high, coef, se, p_val (one
    row per band against the reference band, then per control).
    ``separation``: the outcome rate per band (:func:`separation_table`).
    ``method``: "maximum likelihood" or "Firth-penalised"; ``separated``;
    ``note`` (what was done and why, in words); ``auc`` with ``auc_ci``
    (held-out customers, Hanley-McNeil interval); ``n``, ``n_events``,
    ``n_test``; ``reference``.
    """

    odds_ratios: pd.DataFrame
    separation: pd.DataFrame
    method: str
    separated: bool
    note: str
    auc: float
    auc_ci: tuple
    n: int
    n_events: int
    n_test: int
    reference: str
    details: dict = field(default_factory=dict)


def _design(data, groups, levels, reference, controls):
    columns = {"intercept": np.ones(len(data))}
    for level in levels:
        if level != reference:
            columns[level] = (groups == level).astype(float).to_numpy()
    for control in controls:
        series = data[control]
        if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
            columns[control] = series.astype(float).to_numpy()
        elif pd.api.types.is_bool_dtype(series):
            columns[control] = series.astype(float).to_numpy()
        else:
            dummies = pd.get_dummies(series.astype("string"), prefix=control, prefix_sep=": ", drop_first=True)
            for name in dummies.columns:
                columns[name] = dummies[name].astype(float).to_numpy()
    return pd.DataFrame(columns, index=data.index)


def _fit_logit(X, y, force_firth=False, max_abs_coef=10.0):
    """(coef, cov, method, trouble): maximum likelihood unless it separates, then Firth."""
    import statsmodels.api as sm
    from statsmodels.tools.sm_exceptions import ConvergenceWarning, PerfectSeparationWarning

    trouble = None
    if not force_firth:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", PerfectSeparationWarning)
                warnings.simplefilter("error", ConvergenceWarning)
                warnings.simplefilter("ignore", RuntimeWarning)
                fit = sm.Logit(y, X).fit(disp=0, maxiter=100)
            coef, cov = np.asarray(fit.params), np.asarray(fit.cov_params())
            se = np.sqrt(np.diag(cov))
            if np.all(np.isfinite(coef)) and np.all(np.isfinite(se)) and np.max(np.abs(coef[1:]), initial=0) \
                    <= max_abs_coef and np.max(se, initial=0) <= 100:
                return coef, cov, "maximum likelihood", None
            trouble = "coefficients ran away (|coef| or standard error huge)"
        except (PerfectSeparationWarning, ConvergenceWarning, np.linalg.LinAlgError, ValueError) as err:
            trouble = f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else 'no convergence'}"
        except Exception as err:  # statsmodels raises its own PerfectSeparationError on older versions
            if "separation" not in type(err).__name__.lower():
                raise
            trouble = type(err).__name__
    coef, cov = firth_logit(X, y)
    return coef, cov, "Firth-penalised", trouble


def _auc_interval(auc, n_pos, n_neg, ci):
    """Hanley & McNeil (1982) standard error of an AUC."""
    if n_pos == 0 or n_neg == 0 or not np.isfinite(auc):
        return (np.nan, np.nan)
    q1, q2 = auc / (2 - auc), 2 * auc * auc / (1 + auc)
    var = (auc * (1 - auc) + (n_pos - 1) * (q1 - auc ** 2) + (n_neg - 1) * (q2 - auc ** 2)) / (n_pos * n_neg)
    half = stats.norm.ppf(0.5 + ci / 2) * np.sqrt(max(var, 0.0))
    return (max(0.0, auc - half), min(1.0, auc + half))


def churn_model(data, churned="churned", *, metric="nps", group=None, bands=None, reference=None, controls=None,
                id=None, test_size=0.3, ci=0.95, min_n_privacy=None, seed=None, penalty="auto"):
    """Logistic regression of churn on the score bands plus controls, odds ratios with intervals.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer (:func:`single_customer_view`) or per customer
        and month at risk (:func:`customer_month_panel`, a discrete-time
        hazard model).
    churned : str, default "churned"
        The yes/no outcome.
    metric, group, bands
        The groups, as in :func:`compare_groups` (a ``category`` column is
        used when present).
    reference : str, optional
        The band the others are compared with; default the middle band
        (passive, neutral).
    controls : list of str, optional
        Other predictors: numbers enter as they are, text as one 0/1 column per
        level (the first level the reference), e.g. ``["log1p_tenure_years"]``.
    id : str, optional
        Customer id column: the held-out customers are split by it (all rows
        of a customer on one side).
    test_size : float, default 0.3
        Share of customers held out to measure discrimination (AUC); the odds
        ratios come from all rows.
    ci : float, default 0.95
    min_n_privacy : int, optional
        Bands with fewer rows are left out of the model.
    seed : int, optional
        For the held-out split.
    penalty : {"auto", "firth", "none"}, default "auto"
        "auto": maximum likelihood, and Firth's penalised fit when a band has
        0% or 100% churn (quasi-complete separation) or the fit runs away;
        "firth": always penalised; "none": maximum likelihood even under
        separation (refused: the estimates would be infinite).

    Returns
    -------
    ChurnModel

    Notes
    -----
    Under separation the maximum-likelihood odds ratio is infinite; Firth's
    penalised fit (:func:`firth_logit`) gives finite estimates, with Wald
    intervals from the penalised information, and the ``note`` says so. When a
    score separates churn completely, ask whether it was recorded after the
    decision to leave (leakage) before reading anything into it.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from cxresearch.linkage import churn_model
    >>> rng = np.random.default_rng(1)
    >>> nps = rng.integers(0, 11, 3000)
    >>> churned = rng.random(3000) < np.where(nps <= 6, 0.25, np.where(nps <= 8, 0.15, 0.10))
    >>> model = churn_model(pd.DataFrame({"nps": nps, "churned": churned}), seed=1)
    >>> model.method, model.separated, model.odds_ratios["term"].tolist()
    ('maximum likelihood', False, ['detractor', 'promoter'])
    >>> bool(model.odds_ratios["odds_ratio"].iloc[0] > 1)
    True
    """
    check_frame(data)
    ci = _check_ci(ci)
    controls = _as_list(controls, "controls")
    check_columns(data, [churned, *controls], "controls")
    if penalty not in {"auto", "firth", "none"}:
        raise ParameterError("unknown penalty", parameter="penalty", value=penalty,
                             fix="use 'auto' (Firth only under separation), 'firth' or 'none'")
    if isinstance(test_size, bool) or not isinstance(test_size, numbers.Real) or not 0 < test_size < 1:
        raise ParameterError("must be a share between 0 and 1", parameter="test_size", value=test_size,
                             fix="use e.g. 0.3")
    groups, name = _group_column(data, metric, group, bands)
    y_all = pd.Series(_numeric(data, churned, "churned"), index=data.index)
    separation = separation_table(pd.DataFrame({"level": groups, "y": y_all}), "y", "level",
                                  min_n_privacy=min_n_privacy)
    levels = _order_levels(set(separation.loc[~separation["withheld"], "level"]), metric,
                           bands if group is None else None)
    levels = [lv for lv in levels if lv != NO_ANSWER]  # customers who never answered have no score to model
    if reference is None:
        default = _bands_for(metric, bands)[1] if (bands is not None or metric in METRIC_BANDS) else None
        reference = default if default in levels else (levels[len(levels) // 2] if levels else None)
    if reference not in levels:
        raise ParameterError("the reference band is not among the bands with enough customers",
                             parameter="reference", value=reference, fix=f"use one of {levels}")
    keep = groups.isin(levels) & y_all.notna()
    for control in controls:
        keep &= data[control].notna()
    frame = data.loc[keep]
    y = y_all[keep].to_numpy()
    X = _design(frame, groups[keep], levels, reference, controls)
    separated = bool(separation.loc[separation["level"].isin(levels), "separated"].any())
    if separated and penalty == "none":
        raise ParameterError("a band has 0% or 100% churn, so its maximum-likelihood odds ratio is infinite",
                             parameter="penalty", value=penalty, fix="use penalty='auto' or 'firth'")
    coef, cov, method, trouble = _fit_logit(X.to_numpy(), y, force_firth=separated or penalty == "firth")
    se = np.sqrt(np.diag(cov))
    z = stats.norm.ppf(0.5 + ci / 2)
    table = pd.DataFrame({"term": X.columns, "coef": coef, "se": se})
    table["odds_ratio"] = np.exp(table["coef"])
    table["ci_low"] = np.exp(table["coef"] - z * table["se"])
    table["ci_high"] = np.exp(table["coef"] + z * table["se"])
    table["p_val"] = 2 * stats.norm.sf(np.abs(table["coef"] / table["se"]))
    table = table[table["term"] != "intercept"][["term", "odds_ratio", "ci_low", "ci_high", "coef", "se", "p_val"]]
    if separated:
        which = ", ".join(f"{r.level} ({r.rate:.0%} of {r.n:,})" for r in separation.itertuples() if r.separated)
        note = (f"Separation: churn is 0% or 100% in {which}. The maximum-likelihood odds ratios would be "
                f"infinite, so the model is Firth-penalised (finite estimates, Wald intervals from the penalised "
                f"fit). A score that predicts churn perfectly was probably recorded after the decision to leave "
                f"(leakage): read it as a symptom, not a cause, and make no money claim from it.")
    elif method == "Firth-penalised":
        note = (f"The maximum-likelihood fit did not hold ({trouble}), so the model is Firth-penalised "
                "(finite estimates, Wald intervals from the penalised fit).")
    else:
        note = "Maximum-likelihood logistic regression; Wald intervals."
    auc, n_test = _held_out_auc(frame, X, y, id, test_size, seed, separated or penalty == "firth")
    auc_value, test_pos, test_neg = auc
    return ChurnModel(odds_ratios=table.reset_index(drop=True), separation=separation, method=method,
                      separated=separated, note=note, auc=auc_value,
                      auc_ci=_auc_interval(auc_value, test_pos, test_neg, ci), n=int(len(y)),
                      n_events=int(y.sum()), n_test=n_test, reference=reference,
                      details={"trouble": trouble, "group": name, "levels": levels})


def _held_out_auc(frame, X, y, id, test_size, seed, firth):
    from sklearn.metrics import roc_auc_score

    rng = np.random.default_rng(seed)
    if id is not None:
        check_columns(frame, id, "id")
        customers, codes = np.unique(frame[id].astype(str).to_numpy(), return_inverse=True)
        held = rng.random(len(customers)) < test_size
        test = held[codes]
    else:
        test = rng.random(len(y)) < test_size
    train = ~test
    if y[train].min(initial=1) == y[train].max(initial=0) or y[test].min(initial=1) == y[test].max(initial=0):
        return (np.nan, 0, 0), int(test.sum())
    Xv = X.to_numpy()
    usable = Xv[train].std(axis=0) > 0
    usable[0] = True
    coef, _, _, _ = _fit_logit(Xv[train][:, usable], y[train], force_firth=firth)
    score = Xv[test][:, usable] @ coef
    auc = float(roc_auc_score(y[test], score))
    return (auc, int(y[test].sum()), int((1 - y[test]).sum())), int(test.sum())


# ------------------------------------------------------------------ the customer-month panel
def customer_month_panel(customer_months, responses, customers=None, *, metric="nps", bands=None, timing="before",
                         date="date", month="month"):
    """Each customer's months with the band of their latest answer before the month (for churn and orders).

    Parameters
    ----------
    customer_months : pandas.DataFrame
        ``customer_id``, ``month``, ``active`` (yes/no), and ``orders``,
        ``revenue`` when present: one row per customer and month.
    responses : pandas.DataFrame
        ``customer_id``, ``date`` and the ``metric`` score.
    customers : pandas.DataFrame, optional
        ``customer_id`` with ``signup_date`` (or ``tenure_months``, counted
        back from the last month of the panel): gives tenure in each month and
        whether the first observed month is at risk.
    metric : str, default "nps"
    bands : list of (label, low, high), optional
    timing : {"before", "same"}, default "before"
        "before": the band of the latest answer given before the month starts
        (this period's score, next period's outcome); months before a first
        answer are ``"no answer yet"``. "same": the band of an answer given in
        that month (months without one are left out): the same-period view.
    date, month : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        One row per customer-month: ``customer_id``, ``month``, ``active``,
        ``at_risk`` (active at the start of the month: active in the previous
        month, or signed up before a first observed month), ``churned`` (at
        risk and not active: left in that month; a customer's later months
        are dropped), ``category``, ``tenure_years`` (from sign-up to the
        month), ``log1p_tenure_years``, and the O-data columns.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.linkage import customer_month_panel
    >>> months = pd.DataFrame({"customer_id": ["A"] * 4, "month": pd.date_range("2025-01-01", periods=4, freq="MS"),
    ...                        "orders": [1, 0, 2, 0], "active": [True, True, True, False]})
    >>> answers = pd.DataFrame({"customer_id": ["A"], "date": pd.to_datetime(["2025-02-10"]), "nps": [4]})
    >>> customers = pd.DataFrame({"customer_id": ["A"], "signup_date": pd.to_datetime(["2024-01-15"])})
    >>> panel = customer_month_panel(months, answers, customers)
    >>> panel[["category", "at_risk", "churned"]].values.tolist()
    [['no answer yet', True, False], ['no answer yet', True, False], ['detractor', True, False], ['detractor', True, True]]
    """
    check_frame(customer_months, "customer_months", "pass one row per customer and month")
    check_columns(customer_months, ["customer_id", month, "active"], "customer_months", where="the customer months")
    check_columns(responses, ["customer_id", date, metric], "metric", where="the answers")
    if timing not in {"before", "same"}:
        raise ParameterError("unknown timing", parameter="timing", value=timing,
                             fix="use 'before' (latest answer before the month) or 'same' (answer in the month)")
    panel = customer_months.assign(customer_id=_id_text(customer_months["customer_id"]),
                                   _month=pd.to_datetime(customer_months[month]).dt.to_period("M").dt.to_timestamp()
                                   .astype("datetime64[ns]"))
    panel["active"] = panel["active"].astype(bool)
    panel = panel.sort_values(["customer_id", "_month"], kind="stable").reset_index(drop=True)
    previous = panel.groupby("customer_id", sort=False)["active"].shift(1)
    first = previous.isna()
    month_index = panel["_month"].dt.year * 12 + panel["_month"].dt.month - 1
    start_index = None
    if customers is not None:
        info = customers.assign(customer_id=_id_text(customers["customer_id"])).set_index("customer_id")
        if "signup_date" in info.columns:
            signup = pd.to_datetime(panel["customer_id"].map(info["signup_date"]))
            start_index = signup.dt.year * 12 + signup.dt.month - 1
        elif "tenure_months" in info.columns:
            last = month_index.groupby(panel["customer_id"]).transform("max")
            gone = (~panel["active"]).groupby(panel["customer_id"]).transform("any")
            end = np.where(gone, month_index.where(~panel["active"]).groupby(panel["customer_id"]).transform("min"),
                           last + 1)
            start_index = end - pd.to_numeric(panel["customer_id"].map(info["tenure_months"]), errors="coerce")
    if start_index is None:
        start_index = month_index.groupby(panel["customer_id"]).transform("min") - 1  # unknown: assume before
    at_risk = (previous.fillna(False).astype(bool)) | (first & (start_index < month_index))
    panel["at_risk"] = at_risk.to_numpy()
    panel["churned"] = panel["at_risk"] & ~panel["active"]
    # a customer's months after leaving carry no risk
    left = panel["churned"].groupby(panel["customer_id"]).cumsum() - panel["churned"].astype(int)
    panel = panel[left.to_numpy() == 0].copy()
    panel["tenure_years"] = ((month_index[panel.index] - start_index[panel.index]) / 12.0).clip(lower=0)
    panel["log1p_tenure_years"] = np.log1p(panel["tenure_years"])
    scored = responses.assign(customer_id=_id_text(responses["customer_id"]),
                              _date=pd.to_datetime(responses[date]).astype("datetime64[ns]"),
                              _score=_numeric(responses, metric, "metric"))
    scored = scored[scored["_score"].notna() & scored["_date"].notna()]
    scored[_CATEGORY] = np.asarray(band_scores(scored["_score"], metric if bands is None else None, bands),
                                   dtype=object)
    scored = scored.sort_values("_date", kind="stable")
    if timing == "before":
        ordered = panel.sort_values("_month", kind="stable")
        joined = pd.merge_asof(ordered, scored[["customer_id", "_date", _CATEGORY]], left_on="_month",
                               right_on="_date", by="customer_id", direction="backward", allow_exact_matches=False)
        joined[_CATEGORY] = joined[_CATEGORY].fillna(NO_ANSWER_YET)
    else:
        scored["_month"] = scored["_date"].dt.to_period("M").dt.to_timestamp().astype("datetime64[ns]")
        last = scored.drop_duplicates(["customer_id", "_month"], keep="last")
        joined = panel.merge(last[["customer_id", "_month", _CATEGORY]], on=["customer_id", "_month"], how="inner")
    joined = joined.drop(columns=[c for c in ["_date"] if c in joined.columns])
    joined = joined.sort_values(["customer_id", "_month"], kind="stable").drop(columns="_month")
    return joined.reset_index(drop=True)


def order_rate_ratios(panel, orders="orders", *, group=None, reference="passive", id="customer_id", period="month",
                      active="active", ci=0.95, max_iter=50):
    """How many more (or fewer) orders a customer places after answering in each band: within-customer rate ratios.

    Parameters
    ----------
    panel : pandas.DataFrame
        :func:`customer_month_panel`: one row per customer and month.
    orders : str, default "orders"
        Count per month (``revenue`` works too: a ratio of means).
    group : str, optional
        Band column; default ``category``.
    reference : str, default "passive"
    id, period : str
        Customer and month columns: each customer's own level and each month's
        season are fixed effects.
    active : str or None, default "active"
        Only months the customer was active count; None: all rows.
    ci : float, default 0.95

    Returns
    -------
    pandas.DataFrame
        ``term`` (band), ``rate_ratio``, ``ci_low``, ``ci_high``, ``coef``,
        ``se`` (clustered by customer), ``p_val``; ``attrs``: ``n``,
        ``n_customers`` (customers with at least one order: the others carry no
        information), ``iterations``.

    Notes
    -----
    A fixed-effects (conditional) Poisson regression, log E[orders_it] =
    α_i + γ_t + β·band_it: each customer is compared with themself, so
    customers who order more anyway do not make their band look better. The
    customer effects are profiled out (α_i = log Σ_t y_it / Σ_t exp(γ_t +
    β·band_it)), Newton steps on the rest, and the sandwich variance is
    clustered by customer (Wooldridge 1999, J. Econometrics 90:77).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from cxresearch.linkage import order_rate_ratios
    >>> rng = np.random.default_rng(3)
    >>> n, t = 2000, 12
    >>> band = rng.choice(["detractor", "passive", "promoter"], (n, t))
    >>> level = rng.gamma(2.0, 0.5, n)[:, None]
    >>> multiplier = np.where(band == "detractor", 0.8, np.where(band == "promoter", 1.2, 1.0))
    >>> panel = pd.DataFrame({"customer_id": np.repeat(np.arange(n), t), "month": np.tile(np.arange(t), n),
    ...                       "category": band.ravel(), "orders": rng.poisson(level * multiplier).ravel()})
    >>> table = order_rate_ratios(panel, active=None)
    >>> table["term"].tolist(), table["rate_ratio"].round(1).tolist()
    (['detractor', 'promoter'], [0.8, 1.2])
    """
    check_frame(panel, "panel", "pass customer_month_panel()")
    group = group or _CATEGORY
    check_columns(panel, [orders, group, id, period], "panel")
    ci = _check_ci(ci)
    frame = panel
    if active is not None:
        check_columns(panel, active, "active")
        frame = panel[panel[active].astype(bool)]
    y = _numeric(frame, orders, "orders")
    keep = ~np.isnan(y)
    frame, y = frame[keep], y[keep]
    levels = [lv for lv in pd.unique(frame[group]) if lv != reference and pd.notna(lv)]
    levels = _order_levels(set(levels), "nps", None)
    if reference not in set(frame[group]):
        raise ParameterError("the reference band does not occur", parameter="reference", value=reference,
                             fix=f"use one of {sorted(map(str, pd.unique(frame[group])))}")
    customer, _ = pd.factorize(frame[id])
    totals = np.bincount(customer, y)
    informative = totals[customer] > 0
    frame, y, customer = frame[informative], y[informative], customer[informative]
    customer, _ = pd.factorize(customer)
    totals = np.bincount(customer, y)
    bands = frame[group].to_numpy()
    periods = pd.get_dummies(frame[period].astype(str), drop_first=True, dtype=float)
    X = np.column_stack([(bands == lv).astype(float) for lv in levels] + [periods.to_numpy()])

    def fitted(b):
        """Expected orders given each customer's total, the design centred within customer, the Hessian."""
        eta = X @ b
        e = np.exp(eta - eta.max())
        mu = e * (totals / np.bincount(customer, e))[customer]
        weight = np.bincount(customer, mu)
        means = np.column_stack([np.bincount(customer, mu * X[:, j]) for j in range(X.shape[1])]) / weight[:, None]
        centred = X - means[customer]
        return mu, centred, (centred * mu[:, None]).T @ centred

    b = np.zeros(X.shape[1])
    for iteration in range(1, max_iter + 1):
        mu, centred, hessian = fitted(b)
        step = np.linalg.solve(hessian, centred.T @ (y - mu))
        b = b + step
        if np.max(np.abs(step)) < 1e-10:
            break
    mu, centred, hessian = fitted(b)
    scores = np.column_stack([np.bincount(customer, centred[:, j] * (y - mu)) for j in range(X.shape[1])])
    inverse = np.linalg.inv(hessian)
    cov = inverse @ (scores.T @ scores) @ inverse
    k = len(levels)
    se = np.sqrt(np.diag(cov))[:k]
    z = stats.norm.ppf(0.5 + ci / 2)
    table = pd.DataFrame({"term": levels, "rate_ratio": np.exp(b[:k]), "ci_low": np.exp(b[:k] - z * se),
                          "ci_high": np.exp(b[:k] + z * se), "coef": b[:k], "se": se,
                          "p_val": 2 * stats.norm.sf(np.abs(b[:k] / se))})
    table.attrs.update(n=int(len(y)), n_customers=int(len(totals)), iterations=iteration, reference=reference)
    return table


# ------------------------------------------------------------------ money
@dataclass(frozen=True)
class MoneySettings:
    """The terms every money claim states: horizon, gross margin, discount rate, currency.

    Examples
    --------
    >>> from cxresearch.linkage import MoneySettings
    >>> money = MoneySettings(horizon_months=36, gross_margin=0.38, monthly_discount_rate=0.008, currency="EUR")
    >>> money.describe()
    'gross profit over 36 months at a 38% gross margin, discounted at 0.8% a month, in EUR'
    >>> round(float(money.value_factor(0.0)), 2)             # 36 months without churn, discounted
    31.17
    """

    horizon_months: int = 36
    gross_margin: float = 0.38
    monthly_discount_rate: float = 0.008
    currency: str = "EUR"

    def __post_init__(self):
        if isinstance(self.horizon_months, bool) or not isinstance(self.horizon_months, numbers.Integral) \
                or not 1 <= self.horizon_months <= 240:
            raise ParameterError("the horizon must be a whole number of months, 1-240", parameter="horizon_months",
                                 value=self.horizon_months, fix="use e.g. 36")
        if not isinstance(self.gross_margin, numbers.Real) or not 0 < self.gross_margin <= 1:
            raise ParameterError("the gross margin must be a share above 0, at most 1", parameter="gross_margin",
                                 value=self.gross_margin, fix="use e.g. 0.38 for 38%")
        if not isinstance(self.monthly_discount_rate, numbers.Real) or not 0 <= self.monthly_discount_rate < 0.2:
            raise ParameterError("the monthly discount rate must be a share, 0 to 0.2",
                                 parameter="monthly_discount_rate", value=self.monthly_discount_rate,
                                 fix="use e.g. 0.008 for 0.8% a month (about 10% a year)")
        if not isinstance(self.currency, str) or not self.currency.strip():
            raise ParameterError("the currency must be a code or symbol", parameter="currency", value=self.currency,
                                 fix="use e.g. 'EUR'")

    def describe(self) -> str:
        return (f"gross profit over {self.horizon_months} months at a {self.gross_margin:.0%} gross margin, "
                f"discounted at {self.monthly_discount_rate:.1%} a month, in {self.currency}")

    def value_factor(self, hazard):
        """Σ_{m=1..H} (1 − h)^m / (1 + r)^m: discounted expected months a customer stays, per month of revenue."""
        hazard = np.asarray(hazard, dtype=float)
        m = np.arange(1, self.horizon_months + 1)
        survive = (1 - hazard[..., None]) ** m / (1 + self.monthly_discount_rate) ** m
        return survive.sum(axis=-1)


_STATS = ("customers", "current", "churners", "exposure", "revenue")


def _group_stats(data, groups, levels, churned, revenue, exposure, max_atoms, rng):
    """Per group, atoms of customers with their sums: (atom_group, atom_sums[:, stats])."""
    check_columns(data, [churned, revenue, exposure], "revenue")
    y = _numeric(data, churned, "churned")
    money = _numeric(data, revenue, "revenue")
    months = _numeric(data, exposure, "exposure")
    groups = pd.Series(groups, dtype=object)
    code = pd.Categorical(groups.where(groups.isin(levels)), categories=levels).codes
    keep = (code >= 0) & ~np.isnan(y) & ~np.isnan(money) & ~np.isnan(months) & (months > 0)
    code, y, money, months = code[keep], y[keep], money[keep], months[keep]
    counts = np.bincount(code, minlength=len(levels))
    atoms_per = np.minimum(counts, max_atoms)
    offsets = np.r_[0, np.cumsum(atoms_per)[:-1]]
    order = rng.permutation(len(code))
    rank = np.empty(len(code), dtype=np.int64)
    sorted_code = code[order]
    # position of each customer within its group, in a random order
    by_group = np.argsort(sorted_code, kind="stable")
    starts = np.r_[0, np.cumsum(counts)[:-1]]
    within = np.empty(len(code), dtype=np.int64)
    within[by_group] = np.arange(len(code)) - starts[sorted_code[by_group]]
    rank[order] = within
    atom = offsets[code] + rank % np.maximum(atoms_per[code], 1)
    n_atoms = int(atoms_per.sum())
    sums = np.column_stack([np.bincount(atom, minlength=n_atoms),
                            np.bincount(atom, 1.0 - y, minlength=n_atoms),
                            np.bincount(atom, y, minlength=n_atoms),
                            np.bincount(atom, months, minlength=n_atoms),
                            np.bincount(atom, money, minlength=n_atoms)]).astype(float)
    return np.repeat(np.arange(len(levels)), atoms_per), sums


def _bootstrap_group_sums(atom_group, sums, n_groups, n_bootstrap, rng):
    """(n_bootstrap + 1, n_groups, stats): the observed sums first, then Poisson-reweighted ones."""
    weights = rng.poisson(1.0, size=(n_bootstrap, len(atom_group))).astype(float)
    onehot = np.zeros((len(atom_group), n_groups))
    onehot[np.arange(len(atom_group)), atom_group] = 1.0
    per_group = np.stack([(weights * sums[:, s]) @ onehot for s in range(sums.shape[1])], axis=-1)
    observed = (onehot.T @ sums)[None]
    return np.concatenate([observed, per_group], axis=0)


def _money_inputs(data, metric, group, bands, churned, revenue, exposure, min_n_privacy):
    check_frame(data, "data", "pass one row per customer, e.g. single_customer_view()")
    groups, _ = _group_column(data, metric, group, bands)
    levels = _order_levels(set(groups.dropna().unique()) - {NO_ANSWER}, metric, bands if group is None else None)
    return groups.to_numpy(), levels


def _interval(draws, ci):
    draws = draws[np.isfinite(draws)]
    if len(draws) == 0:
        return (np.nan, np.nan)
    low, high = np.quantile(draws, [0.5 - ci / 2, 0.5 + ci / 2])
    return (float(low), float(high))


def revenue_at_risk(data, *, metric="nps", group=None, bands=None, at_risk="detractor", reference="passive",
                    churned="churned", revenue="revenue", exposure="months_observed", money=None, n_bootstrap=1000,
                    ci=0.95, seed=None, min_n_privacy=None, max_atoms=1000):
    """What the detractors' extra churn costs: their excess churn over the reference band × their revenue.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer (:func:`single_customer_view`) with the outcome
        columns below.
    metric, group, bands
        The bands, as in :func:`compare_groups`.
    at_risk : str, default "detractor"
        The band whose extra churn is priced.
    reference : str, default "passive"
        The band whose churn it is compared with.
    churned : str, default "churned"
        Yes/no: left during the observed months.
    revenue : str, default "revenue"
        Revenue over the observed months.
    exposure : str, default "months_observed"
        Months each customer was observed (the revenue's and churn's window).
    money : MoneySettings, optional
        Horizon, gross margin, monthly discount rate, currency (default 36
        months, 38%, 0.8%, EUR: state your own).
    n_bootstrap : int, default 1000
    ci : float, default 0.95
    seed : int, optional
    min_n_privacy : int, optional
        Refuses (returns missing values) when a band has fewer customers.
    max_atoms : int, default 1000
        Atoms per band in the vectorised bootstrap (module docstring).

    Returns
    -------
    pandas.DataFrame
        One row: ``band``, ``reference``, ``customers`` (current, not churned,
        customers in the band), ``monthly_churn`` and ``reference_monthly_churn``
        (churners per customer-month observed), ``revenue_per_month`` (per
        customer-month observed), ``extra_customers_lost`` over the horizon
        with ``lost_ci_low``/``lost_ci_high``, ``revenue_at_risk`` (discounted
        revenue) and ``value`` (gross profit at risk) with ``ci_low``,
        ``ci_high``, and the terms: ``currency``, ``horizon_months``,
        ``gross_margin``, ``monthly_discount_rate``, ``statement``.

    Notes
    -----
    With h the monthly churn (hazard) of a band, R the band's revenue per
    customer-month, n its current customers, margin g and discount r:
    value = n · R · g · Σ_{m=1..H} [(1 − h_ref)^m − (1 − h)^m] / (1 + r)^m,
    the gross profit the band would keep over H months if it churned like the
    reference band while spending as it does. It is an association: it prices
    the gap, not what an action would recover. In a simulation over 150
    seeds (``tests/test_linkage_simulation.py``) the 95% percentile interval
    covered the planted value 92% of the time: read it as a 90-92% interval.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from cxresearch.linkage import MoneySettings, revenue_at_risk
    >>> rng = np.random.default_rng(2)
    >>> nps = rng.integers(0, 11, 5000)
    >>> data = pd.DataFrame({"nps": nps, "months_observed": 12, "revenue": rng.gamma(2, 300, 5000),
    ...                      "churned": rng.random(5000) < np.where(nps <= 6, 0.25, 0.12)})
    >>> risk = revenue_at_risk(data, money=MoneySettings(currency="USD"), n_bootstrap=200, seed=1)
    >>> bool(risk["ci_low"].iloc[0] > 0), risk["currency"].iloc[0]
    (True, 'USD')
    """
    money = money or MoneySettings()
    ci = _check_ci(ci)
    n_bootstrap = _check_rounds(n_bootstrap)
    groups, levels = _money_inputs(data, metric, group, bands, churned, revenue, exposure, min_n_privacy)
    for band, parameter in ((at_risk, "at_risk"), (reference, "reference")):
        if band not in levels:
            raise ParameterError("no customers in this band", parameter=parameter, value=band,
                                 fix=f"use one of {levels}")
    rng = np.random.default_rng(seed)
    use = [at_risk, reference]
    atom_group, sums = _group_stats(data, groups, use, churned, revenue, exposure, max_atoms, rng)
    draws = _bootstrap_group_sums(atom_group, sums, 2, n_bootstrap, rng)
    hazard = draws[..., 2] / draws[..., 3]
    per_month = draws[:, 0, 4] / draws[:, 0, 3]
    current = draws[:, 0, 1]
    m = np.arange(1, money.horizon_months + 1)
    discount = (1 + money.monthly_discount_rate) ** -m
    kept = (((1 - hazard[:, 1, None]) ** m - (1 - hazard[:, 0, None]) ** m) * discount).sum(axis=1)
    revenue_value = current * per_month * kept
    lost = current * ((1 - hazard[:, 1]) ** money.horizon_months - (1 - hazard[:, 0]) ** money.horizon_months)
    min_n = _min_n(min_n_privacy)
    too_small = sums[atom_group == 0, 0].sum() < min_n or sums[atom_group == 1, 0].sum() < min_n
    row = {"band": at_risk, "reference": reference, "customers": int(round(current[0])),
           "monthly_churn": float(hazard[0, 0]), "reference_monthly_churn": float(hazard[0, 1]),
           "revenue_per_month": float(per_month[0]), "extra_customers_lost": float(lost[0])}
    row["lost_ci_low"], row["lost_ci_high"] = _interval(lost[1:], ci)
    row["revenue_at_risk"] = float(revenue_value[0])
    row["revenue_ci_low"], row["revenue_ci_high"] = _interval(revenue_value[1:], ci)
    row["value"] = float(revenue_value[0] * money.gross_margin)
    row["ci_low"], row["ci_high"] = (x * money.gross_margin for x in _interval(revenue_value[1:], ci))
    if too_small:
        for key in ["extra_customers_lost", "lost_ci_low", "lost_ci_high", "revenue_at_risk", "revenue_ci_low",
                    "revenue_ci_high", "value", "ci_low", "ci_high"]:
            row[key] = np.nan
    row.update(currency=money.currency, horizon_months=money.horizon_months, gross_margin=money.gross_margin,
               monthly_discount_rate=money.monthly_discount_rate, n_bootstrap=n_bootstrap)
    row["statement"] = (f"{money.describe()}; {at_risk}s churning like {reference}s, spending as they do; "
                        f"{ci:.0%} bootstrap interval ({n_bootstrap} rounds)")
    return pd.DataFrame([row])


def scenario(data, share=0.10, *, move="detractor", to="passive", spend="own", metric="nps", group=None,
             bands=None, churned="churned", revenue="revenue", exposure="months_observed", money=None,
             n_bootstrap=1000, ci=0.95, seed=None, min_n_privacy=None, max_atoms=1000):
    """What if a share of one band moved to another: the change in churn and in money, with intervals.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer, as for :func:`revenue_at_risk`.
    share : float, default 0.10
        Share of the ``move`` band's current customers who move.
    move, to : str
        From which band to which (detractor → passive, or → promoter).
    spend : {"own", "target"}, default "own"
        "own": movers keep their spend and only churn like the target band
        (conservative); "target": they also spend like it.
    money : MoneySettings, optional
    n_bootstrap, ci, seed, min_n_privacy, max_atoms
        As in :func:`revenue_at_risk`.

    Returns
    -------
    pandas.DataFrame
        One row: ``move``, ``to``, ``share``, ``customers_moved``,
        ``churn_change`` (customers lost over the horizon, negative = fewer)
        with ``churn_ci_low``/``churn_ci_high``, ``revenue_change``
        (discounted revenue) with its interval, ``value`` (gross profit change)
        with ``ci_low``/``ci_high``, the terms (``currency``,
        ``horizon_months``, ``gross_margin``, ``monthly_discount_rate``) and
        ``statement``.

    Notes
    -----
    Per mover: Σ_{m=1..H} [R_to (1 − h_to)^m − R_from (1 − h_from)^m] / (1 + r)^m
    discounted revenue (R_to = R_from with ``spend="own"``), times the margin
    for gross profit; churn change (1 − h_from)^H − (1 − h_to)^H. It assumes a
    mover behaves like the band they join: the observed difference between
    bands is taken as the effect of moving, which is an upper bound when part
    of it is who the customers are.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from cxresearch.linkage import scenario
    >>> rng = np.random.default_rng(2)
    >>> nps = rng.integers(0, 11, 5000)
    >>> data = pd.DataFrame({"nps": nps, "months_observed": 12, "revenue": rng.gamma(2, 300, 5000),
    ...                      "churned": rng.random(5000) < np.where(nps <= 6, 0.25, 0.12)})
    >>> what_if = scenario(data, 0.10, n_bootstrap=200, seed=1)
    >>> int(what_if["customers_moved"].iloc[0]), bool(what_if["churn_change"].iloc[0] < 0)
    (240, True)
    """
    money = money or MoneySettings()
    ci = _check_ci(ci)
    n_bootstrap = _check_rounds(n_bootstrap)
    if isinstance(share, bool) or not isinstance(share, numbers.Real) or not 0 < share <= 1:
        raise ParameterError("the share of customers who move must be above 0, at most 1", parameter="share",
                             value=share, fix="use e.g. 0.10 for 10%")
    if spend not in {"own", "target"}:
        raise ParameterError("unknown spend assumption", parameter="spend", value=spend,
                             fix="use 'own' (movers keep their spend) or 'target' (they spend like the band they join)")
    groups, levels = _money_inputs(data, metric, group, bands, churned, revenue, exposure, min_n_privacy)
    for band, parameter in ((move, "move"), (to, "to")):
        if band not in levels:
            raise ParameterError("no customers in this band", parameter=parameter, value=band,
                                 fix=f"use one of {levels}")
    rng = np.random.default_rng(seed)
    atom_group, sums = _group_stats(data, groups, [move, to], churned, revenue, exposure, max_atoms, rng)
    draws = _bootstrap_group_sums(atom_group, sums, 2, n_bootstrap, rng)
    hazard = draws[..., 2] / draws[..., 3]
    per_month = draws[..., 4] / draws[..., 3]
    moved = share * draws[0, 0, 1]
    m = np.arange(1, money.horizon_months + 1)
    discount = (1 + money.monthly_discount_rate) ** -m
    target_spend = per_month[:, 1] if spend == "target" else per_month[:, 0]
    per_mover = ((target_spend[:, None] * (1 - hazard[:, 1, None]) ** m
                  - per_month[:, 0, None] * (1 - hazard[:, 0, None]) ** m) * discount).sum(axis=1)
    revenue_change = moved * per_mover
    churn_change = moved * ((1 - hazard[:, 0]) ** money.horizon_months - (1 - hazard[:, 1]) ** money.horizon_months)
    row = {"move": move, "to": to, "share": float(share), "customers_moved": int(round(moved)),
           "churn_change": float(churn_change[0])}
    row["churn_ci_low"], row["churn_ci_high"] = _interval(churn_change[1:], ci)
    row["revenue_change"] = float(revenue_change[0])
    row["revenue_ci_low"], row["revenue_ci_high"] = _interval(revenue_change[1:], ci)
    row["value"] = float(revenue_change[0] * money.gross_margin)
    row["ci_low"], row["ci_high"] = (x * money.gross_margin for x in _interval(revenue_change[1:], ci))
    min_n = _min_n(min_n_privacy)
    if sums[atom_group == 0, 0].sum() < min_n or sums[atom_group == 1, 0].sum() < min_n:
        for key in ["churn_change", "churn_ci_low", "churn_ci_high", "revenue_change", "revenue_ci_low",
                    "revenue_ci_high", "value", "ci_low", "ci_high"]:
            row[key] = np.nan
    row.update(spend=spend, currency=money.currency, horizon_months=money.horizon_months,
               gross_margin=money.gross_margin, monthly_discount_rate=money.monthly_discount_rate,
               n_bootstrap=n_bootstrap)
    row["statement"] = (f"{money.describe()}; {share:.0%} of {move}s behaving like {to}s "
                        f"({'keeping their own spend' if spend == 'own' else 'spending like them too'}); "
                        f"{ci:.0%} bootstrap interval ({n_bootstrap} rounds)")
    return pd.DataFrame([row])


# ------------------------------------------------------------------ employees and customers
@dataclass
class UnitLinkage:
    """What :func:`unit_linkage` returns.

    ``units``: unit, n, score (e.g. NPS), score_ci_low/high, engagement,
    fitted, residual, std_residual, furthest (among the units furthest from
    the line), withheld. ``summary``: one row with n_units, r, r_ci_low,
    r_ci_high, p_val, slope (score points per ``per`` engagement points),
    slope_ci_low, slope_ci_high, intercept, per.
    """

    units: pd.DataFrame
    summary: pd.DataFrame


def unit_linkage(responses, units, *, metric="nps", engagement="employee_engagement", unit="unit_id", per=10,
                 n_furthest=5, ci=0.95, min_n_privacy=None, min_answers=None):
    """Employee engagement against customer NPS per store or team: correlation, fitted line, outliers.

    Parameters
    ----------
    responses : pandas.DataFrame
        Survey answers with ``unit`` and the ``metric`` (0-10 for NPS).
    units : pandas.DataFrame
        One row per unit: ``unit`` and ``engagement``.
    metric : str, default "nps"
        NPS per unit (``cxresearch.metrics.nps``); another column is averaged.
    engagement : str, default "employee_engagement"
    unit : str, default "unit_id"
    per : float, default 10
        The slope is given per this many engagement points.
    n_furthest : int, default 5
        How many units furthest from the line to flag.
    ci : float, default 0.95
    min_n_privacy : int, optional
        Units with fewer answers are withheld (shown without score, left out
        of the fit).
    min_answers : int, optional
        Units with fewer answers are left out of the fit (noisy scores); default
        ``config.MIN_N_RELIABLE``.

    Returns
    -------
    UnitLinkage

    Notes
    -----
    Pearson's r with a Fisher-z interval; an ordinary least-squares line of
    the unit score on engagement with a heteroscedasticity-robust (HC3)
    interval for its slope (a unit's score is noisier the fewer answers it
    has); "furthest from the line" by studentised residual.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from cxresearch.linkage import unit_linkage
    >>> rng = np.random.default_rng(4)
    >>> units = pd.DataFrame({"unit_id": [f"S{i}" for i in range(60)], "employee_engagement": rng.normal(70, 9, 60)})
    >>> shift = (units["employee_engagement"] - 70) / 9 * 0.5
    >>> answers = pd.DataFrame({"unit_id": np.repeat(units["unit_id"], 120),
    ...                         "nps": np.clip(np.round(7.5 + np.repeat(shift, 120) + rng.normal(0, 2, 7200)), 0, 10)})
    >>> result = unit_linkage(answers, units)
    >>> bool(result.summary["r"].iloc[0] > 0.3), int(result.units["furthest"].sum())
    (True, 5)
    """
    import statsmodels.api as sm

    from .metrics import nps as nps_score

    check_frame(responses, "responses", "pass the survey answers, one row per answer")
    check_frame(units, "units", "pass one row per store or team")
    check_columns(responses, [unit, metric], "metric", where="the answers")
    check_columns(units, [unit, engagement], "engagement", where="the units")
    ci = _check_ci(ci)
    min_n = _min_n(min_n_privacy)
    min_answers = config.MIN_N_RELIABLE if min_answers is None else int(min_answers)
    answers = responses.assign(**{unit: _id_text(responses[unit])})
    if metric == "nps":
        scores = nps_score(answers, by=unit, ci=ci, min_n_privacy=min_n)
        scores = scores.rename(columns={"nps": "score", "ci_low": "score_ci_low", "ci_high": "score_ci_high",
                                        "suppressed": "withheld"})[[unit, "n", "score", "score_ci_low",
                                                                    "score_ci_high", "withheld"]]
    else:
        values = pd.DataFrame({unit: answers[unit], "y": _numeric(answers, metric, "metric")}).dropna()
        scores = values.groupby(unit)["y"].agg(n="size", score="mean", sd="std").reset_index()
        half = stats.t.ppf(0.5 + ci / 2, (scores["n"] - 1).clip(lower=1)) * scores["sd"] / np.sqrt(scores["n"])
        scores["score_ci_low"], scores["score_ci_high"] = scores["score"] - half, scores["score"] + half
        scores["withheld"] = scores["n"] < min_n
        scores = scores.drop(columns="sd")
    scores.loc[scores["withheld"], ["score", "score_ci_low", "score_ci_high"]] = np.nan
    table = units[[unit, engagement]].assign(**{unit: _id_text(units[unit])}).merge(scores, on=unit, how="left")
    table = table.rename(columns={unit: "unit", engagement: "engagement"})
    table["n"] = table["n"].fillna(0).astype(int)
    table["withheld"] = table["withheld"].fillna(True).astype(bool)
    table["engagement"] = pd.to_numeric(table["engagement"], errors="coerce")
    fit_rows = ~table["withheld"] & (table["n"] >= min_answers) & table["engagement"].notna() & table["score"].notna()
    if fit_rows.sum() < 4:
        raise DataValidationError("too few units with enough answers to relate engagement to the score",
                                  column=unit, value=int(fit_rows.sum()),
                                  fix=f"units need {min_answers} answers or more each; pool periods or lower min_answers")
    x = table.loc[fit_rows, "engagement"].to_numpy(float)
    y = table.loc[fit_rows, "score"].to_numpy(float)
    fit = sm.OLS(y, sm.add_constant(x)).fit(cov_type="HC3")
    low, high = fit.conf_int(alpha=1 - ci)[1]
    r = float(np.corrcoef(x, y)[0, 1])
    n_units = len(x)
    zr, z = np.arctanh(r), stats.norm.ppf(0.5 + ci / 2)
    r_low, r_high = np.tanh(zr - z / np.sqrt(n_units - 3)), np.tanh(zr + z / np.sqrt(n_units - 3))
    p_val = float(2 * stats.t.sf(abs(r) * np.sqrt((n_units - 2) / (1 - r * r)), n_units - 2))
    table["fitted"] = fit.params[0] + fit.params[1] * table["engagement"]
    table["residual"] = np.where(fit_rows, table["score"] - table["fitted"], np.nan)
    influence = fit.get_influence().resid_studentized_internal
    table["std_residual"] = np.nan
    table.loc[fit_rows, "std_residual"] = influence
    furthest = table.loc[fit_rows, "std_residual"].abs().nlargest(n_furthest).index
    table["furthest"] = table.index.isin(furthest)
    table["in_fit"] = fit_rows
    summary = pd.DataFrame([{"n_units": n_units, "r": r, "r_ci_low": float(r_low), "r_ci_high": float(r_high),
                             "p_val": p_val, "slope": float(fit.params[1] * per), "slope_ci_low": float(low * per),
                             "slope_ci_high": float(high * per), "intercept": float(fit.params[0]), "per": per,
                             "metric": metric, "min_answers": min_answers}])
    return UnitLinkage(units=table, summary=summary)


# ------------------------------------------------------------------ themes in money
def theme_costs(data, coded, verbatims, *, outcome=("churned", "revenue", "clv"), code="code", ci=0.95,
                min_n_privacy=None, exclude_negated=True):
    """Customers who raised each theme against those who did not: churn, revenue and CLV differences.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer (:func:`single_customer_view`): ``customer_id``
        and the outcomes.
    coded : pandas.DataFrame
        A qualitative-coding run's ``tables/coded.csv``: ``doc_id``, ``code``
        (and ``negated``: a negated mention, "no problem with delivery", is not
        a complaint when ``exclude_negated``).
    verbatims : pandas.DataFrame
        ``doc_id`` → ``customer_id`` of the coded texts.
    outcome : str or list of str
        Yes/no outcomes compare rates, numbers compare means.
    code : str, default "code"
    ci : float, default 0.95
    min_n_privacy : int, optional
        Themes raised by fewer customers are withheld.
    exclude_negated : bool, default True

    Returns
    -------
    pandas.DataFrame
        Per theme and outcome: ``theme``, ``outcome``, ``n_with``,
        ``n_without`` (customers who wrote something but not this theme),
        ``with``, ``without`` (raw means), ``difference`` (with − without,
        adjusted for how many verbatims a customer wrote: least squares on
        raised + log verbatims, a linear probability for yes/no outcomes),
        ``ci_low``, ``ci_high`` (HC1 robust), ``p_val``, ``p_fdr``
        (Benjamini-Hochberg over the table), ``total`` (difference × customers
        with the theme: what the theme's customers are worth more or less in
        all), ``withheld``; sorted by outcome, then from the costliest theme.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from cxresearch.linkage import theme_costs
    >>> rng = np.random.default_rng(5)
    >>> customers = pd.DataFrame({"customer_id": [f"C{i}" for i in range(400)], "clv": rng.gamma(3, 100, 400)})
    >>> verbatims = pd.DataFrame({"doc_id": [f"D{i}" for i in range(400)], "customer_id": customers["customer_id"]})
    >>> coded = pd.DataFrame({"doc_id": [f"D{i}" for i in range(0, 400, 4)], "code": "delivery"})
    >>> customers.loc[::4, "clv"] -= 150
    >>> table = theme_costs(customers, coded, verbatims, outcome="clv")
    >>> table[["theme", "n_with", "n_without"]].values.tolist()
    [['delivery', 100, 300]]
    >>> bool(table["ci_high"].iloc[0] < 0)
    True
    """
    from .metrics import adjust_pvalues

    check_frame(data)
    outcomes = _as_list(outcome, "outcome")
    check_columns(data, ["customer_id", *outcomes], "outcome")
    check_columns(coded, ["doc_id", code], "coded", where="the coded verbatims")
    check_columns(verbatims, ["doc_id", "customer_id"], "verbatims", where="the verbatims")
    ci = _check_ci(ci)
    min_n = _min_n(min_n_privacy)
    mentions = coded
    if exclude_negated and "negated" in coded.columns:
        negated = coded["negated"].astype(str).str.lower().isin({"true", "1", "yes"})
        mentions = coded[~negated]
    docs = verbatims[["doc_id", "customer_id"]].assign(doc_id=_id_text(verbatims["doc_id"]),
                                                       customer_id=_id_text(verbatims["customer_id"]))
    raised = mentions.assign(doc_id=_id_text(mentions["doc_id"])).merge(docs, on="doc_id")[["customer_id", code]]
    raised = raised.dropna().drop_duplicates()
    ids = _id_text(data["customer_id"])
    written = docs.groupby("customer_id").size()
    volume = ids.map(written).fillna(0).to_numpy(float)
    wrote = volume > 0  # only customers who wrote something could raise a theme
    z = stats.norm.ppf(0.5 + ci / 2)
    rows = []
    for theme, who in raised.groupby(code):
        has = _member(ids, who["customer_id"])
        for column in outcomes:
            values = _numeric(data, column, "outcome")
            ok = ~np.isnan(values) & wrote
            a, b = values[has & ok], values[~has & ok]
            row = {"theme": theme, "outcome": column, "n_with": len(a), "n_without": len(b),
                   "with": np.nan, "without": np.nan, "difference": np.nan, "ci_low": np.nan, "ci_high": np.nan,
                   "p_val": np.nan, "withheld": len(a) < min_n or len(b) < min_n}
            if not row["withheld"]:
                # difference adjusted for how much the customer wrote (heavy writers are heavy buyers):
                # least squares of the outcome on [1, raised, log verbatims], heteroscedasticity-robust (HC1)
                X = np.column_stack([np.ones(ok.sum()), has[ok].astype(float), np.log(volume[ok])])
                y = values[ok]
                XtX_inv = np.linalg.pinv(X.T @ X)
                beta = XtX_inv @ X.T @ y
                resid = y - X @ beta
                meat = (X * resid[:, None] ** 2).T @ X
                cov = XtX_inv @ meat @ XtX_inv * len(y) / max(len(y) - X.shape[1], 1)
                diff, se = float(beta[1]), float(np.sqrt(cov[1, 1]))
                p = float(2 * stats.norm.sf(abs(diff) / se)) if se > 0 else 1.0
                row.update({"with": a.mean(), "without": b.mean(), "difference": diff, "ci_low": diff - z * se,
                            "ci_high": diff + z * se, "p_val": p})
            rows.append(row)
    columns = ["theme", "outcome", "n_with", "n_without", "with", "without", "difference", "ci_low", "ci_high",
               "p_val", "p_fdr", "total", "withheld"]
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(rows)
    table["p_fdr"] = adjust_pvalues(table["p_val"].to_numpy(), method=config.FDR_METHOD)
    table["total"] = table["difference"] * table["n_with"]
    cost_sign = np.where(table["outcome"].isin([c for c in outcomes if _looks_like_churn(c)]), -1.0, 1.0)
    table["_order"] = cost_sign * table["total"]
    table = table.sort_values(["outcome", "_order"], key=lambda s: s.map({o: i for i, o in enumerate(outcomes)})
                              if s.name == "outcome" else s, na_position="last").drop(columns="_order")
    return table[columns].reset_index(drop=True)


def _looks_like_churn(column):
    return "churn" in str(column).lower()
