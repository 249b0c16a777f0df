"""Business KPIs from operational data, and the headline table of a survey programme.

What it is for: the numbers an executive dashboard puts beside NPS, CSAT and
CES (churn rate, revenue per customer, repeat-purchase rate), computed from
the customer-month table, each with a confidence interval, and
:func:`headline_metrics`, which puts the latest complete period of all of
them beside the previous one.

What it is not for: the survey metrics themselves (``cxresearch.metrics``),
or linking them to money (the linkage study).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from . import config
from .exceptions import ParameterError
from .metrics import ces, compare_nps, csat, nps

__all__ = ["latest_complete_period", "period_kpis", "headline_metrics"]

_FREQS = {"M": "month", "Q": "quarter"}


def _check_freq(freq):
    if freq not in _FREQS:
        raise ParameterError("unknown period length", parameter="freq", value=freq,
                             fix=f"use one of {sorted(_FREQS)} (M = month, Q = quarter)")


def latest_complete_period(dates: pd.Series, freq: str = "Q") -> pd.Period:
    """The last period (month or quarter) that the data cover to its end.

    A period counts as complete when the data reach its last month, so a
    quarter still being fielded is never reported as if it were whole.

    Examples
    --------
    >>> import pandas as pd
    >>> latest_complete_period(pd.Series(pd.to_datetime(["2025-01-05", "2025-07-10"])), "Q")
    Period('2025Q2', 'Q-DEC')
    """
    _check_freq(freq)
    last = pd.Timestamp(dates.max())
    period = last.to_period(freq)
    if last.to_period("M") != period.asfreq("M", how="end"):
        period -= 1
    return period


def period_kpis(customer_months: pd.DataFrame, period: pd.Period, ci: float = config.CONFIDENCE) -> pd.DataFrame:
    """Churn rate, revenue per active customer and repeat-purchase rate in one period.

    Parameters
    ----------
    customer_months : DataFrame
        One row per customer and month: ``customer_id``, ``month``, ``revenue``,
        ``orders``, ``active`` (the customer-months contract).
    period : pandas.Period
        The month or quarter to measure.
    ci : float
        Confidence level.

    Returns
    -------
    DataFrame with one row per KPI: ``kpi``, ``value``, ``ci_low``, ``ci_high``,
    ``n``, ``unit``.

    Notes
    -----
    - churn rate: share of customers active in the month before the period who
      are not active in its last month (Wald interval of a proportion);
    - revenue per active customer: mean revenue in the period over customers
      active in it (t interval);
    - repeat-purchase rate: share of customers with an order in the period who
      ordered more than once in it.
    """
    months = pd.PeriodIndex(pd.to_datetime(customer_months["month"]), freq="M")
    first, last = period.asfreq("M", how="start"), period.asfreq("M", how="end")
    before = customer_months.loc[(months == first - 1) & customer_months["active"].to_numpy(), "customer_id"]
    at_end = set(customer_months.loc[(months == last) & customer_months["active"].to_numpy(), "customer_id"])
    inside = customer_months[(months >= first) & (months <= last)]
    active = inside[inside["active"]].groupby("customer_id")[["revenue", "orders"]].sum()
    z = stats.norm.ppf(0.5 + ci / 2)

    rows = []
    churned = ~before.isin(at_end)
    p, n = churned.mean(), len(churned)
    se = np.sqrt(p * (1 - p) / n) if n else np.nan
    rows.append(dict(kpi="churn rate", value=p, ci_low=p - z * se, ci_high=p + z * se, n=n, unit="share"))
    rev = active["revenue"]
    m, se = rev.mean(), rev.std(ddof=1) / np.sqrt(len(rev))
    t = stats.t.ppf(0.5 + ci / 2, max(len(rev) - 1, 1))
    rows.append(dict(kpi="revenue per active customer", value=m, ci_low=m - t * se, ci_high=m + t * se,
                     n=len(rev), unit="currency"))
    buyers = active[active["orders"] > 0]
    p, n = (buyers["orders"] > 1).mean(), len(buyers)
    se = np.sqrt(p * (1 - p) / n) if n else np.nan
    rows.append(dict(kpi="repeat-purchase rate", value=p, ci_low=p - z * se, ci_high=p + z * se, n=n, unit="share"))
    return pd.DataFrame(rows)


def headline_metrics(responses: pd.DataFrame, customer_months: pd.DataFrame | None = None, freq: str = "Q",
                     ci: float = config.CONFIDENCE) -> pd.DataFrame:
    """The headline numbers of the latest complete period, beside the previous period.

    Parameters
    ----------
    responses : DataFrame
        Survey answers with ``date`` and any of ``nps``, ``csat``, ``ces``.
    customer_months : DataFrame, optional
        Operational data; adds churn, revenue per customer and repeat purchase.
    freq : {"Q", "M"}
        Period length.
    ci : float
        Confidence level.

    Returns
    -------
    DataFrame, one row per metric: ``metric``, ``period``, ``value``,
    ``ci_low``, ``ci_high``, ``n``, ``unit``, ``previous``, ``change`` and,
    for NPS, ``p_value`` and ``change_is_real`` (the two-period test of
    :func:`cxresearch.compare_nps`).

    Examples
    --------
    >>> import cxresearch as cx
    >>> table = headline_metrics(cx.read_dataset("responses"), cx.read_dataset("customer_months"))
    >>> list(table["metric"])[:3]
    ['NPS', 'CSAT (top-2-box)', 'CES (mean)']
    """
    _check_freq(freq)
    period = latest_complete_period(responses["date"], freq)
    stamp = pd.PeriodIndex(pd.to_datetime(responses["date"]), freq=freq)

    def survey(sub):
        out = []
        if "nps" in sub:
            r = nps(sub, ci=ci).iloc[0]
            out.append(("NPS", r["nps"], r["ci_low"], r["ci_high"], r["n"], "points"))
        if "csat" in sub:
            r = csat(sub, ci=ci).iloc[0]
            out.append(("CSAT (top-2-box)", r["top_box"], r["ci_low"], r["ci_high"], r["n"], "share"))
        if "ces" in sub:
            r = ces(sub, ci=ci).iloc[0]
            out.append(("CES (mean)", r["mean"], r["ci_low"], r["ci_high"], r["n"], "score 1-7"))
        return pd.DataFrame(out, columns=["metric", "value", "ci_low", "ci_high", "n", "unit"])

    def both(p):
        parts = [survey(responses[stamp == p])]
        if customer_months is not None:
            parts.append(period_kpis(customer_months, p, ci).rename(columns={"kpi": "metric"}))
        return pd.concat(parts, ignore_index=True)

    now, before = both(period), both(period - 1)
    table = now.assign(period=str(period), previous=before["value"].to_numpy())
    table["change"] = table["value"] - table["previous"]
    if "nps" in responses:
        both = responses.assign(_period=stamp.astype(str))
        test = compare_nps(both[stamp.isin([period - 1, period])], group="_period", a=str(period - 1),
                           b=str(period), ci=ci).iloc[0]
        table["p_value"] = np.where(table["metric"] == "NPS", test["p_value"], np.nan)
        table["change_is_real"] = np.where(table["metric"] == "NPS", bool(test["significant"]), pd.NA)
    return table[["metric", "period", "value", "ci_low", "ci_high", "n", "unit", "previous", "change"]
                 + [c for c in ("p_value", "change_is_real") if c in table]]
