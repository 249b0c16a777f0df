"""Business KPIs from operational data, and the headline table of a survey programme.

What it is for: the numbers an executive dashboard shows, for one reporting
period beside the previous one: the survey metrics (NPS, CSAT, CES) and the
operational ones (churn rate, revenue per customer, repeat-purchase rate)
computed from the customer-month table, each with a confidence interval, its
base size and a test of whether the change since the previous period is real
(:func:`kpi_table`). :func:`reporting_period` turns a notebook's ``period``
parameter ("latest", "2025-06", "2025Q2") into a period, and
:data:`KPIS` says what each KPI is, its unit and which direction is better.
:func:`headline_metrics` is the short table of ``cxresearch demo``.

What it is not for: the survey metric formulas themselves
(``cxresearch.metrics``), targets and statuses (``cxresearch.metrics.scorecard``
and ``cxresearch.dashboard``), or linking loyalty to money (the linkage study).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from . import config
from .exceptions import ParameterError
from .metrics import _check_ci, _check_count, ces, csat, nps

__all__ = ["KPI", "KPIS", "KPI_TABLE_COLUMNS", "kpi_name", "period_frequency", "reporting_period", "latest_complete_period",
           "period_kpis", "kpi_table", "headline_metrics"]

_FREQS = {"M": "month", "Q": "quarter"}


@dataclass(frozen=True)
class KPI:
    """What one KPI is: its name, the label a reader sees, its unit and good direction."""

    name: str
    label: str
    unit: str
    higher_is_better: bool
    source: str          # "responses" or "customer_months"
    definition: str


#: The KPIs the scorecard knows, by short name (the name results.json uses).
#: The unit ``"currency"`` is replaced by the currency code of the report.
KPIS = {k.name: k for k in (
    KPI("nps", "NPS", "points", True, "responses",
        "% promoters (9-10) minus % detractors (0-6) of the period's answers"),
    KPI("csat_top2", "CSAT (top-2-box)", "share", True, "responses",
        "share of satisfaction answers 4 or 5 on the 1-5 scale"),
    KPI("ces_mean", "CES (mean)", "score 1-7", True, "responses",
        "mean effort answer, 1-7, higher = easier"),
    KPI("churn_rate", "Churn rate", "share", False, "customer_months",
        "share of customers active in the month before the period who are not active in its last month"),
    KPI("revenue_per_customer", "Revenue per customer", "currency", True, "customer_months",
        "mean revenue in the period of the customers active in it"),
    KPI("repeat_purchase_rate", "Repeat-purchase rate", "share", True, "customer_months",
        "share of the period's buyers who ordered more than once in it"),
)}

#: Output columns of :func:`kpi_table`.
KPI_TABLE_COLUMNS = ("kpi", "label", "period", "previous_period", "value", "ci_low", "ci_high",
                     "se", "n", "unit", "higher_is_better", "previous", "previous_ci_low",
                     "previous_ci_high", "previous_n", "change", "change_ci_low",
                     "change_ci_high", "p_value", "change_significant", "withheld")

# other spellings a user may write as a key of the targets dict
_ALIASES = {"revenue per active customer": "revenue_per_customer", "csat": "csat_top2",
            "ces": "ces_mean", "churn": "churn_rate", "repeat purchase rate": "repeat_purchase_rate",
            "csat top-2-box": "csat_top2", "csat (top 2 box)": "csat_top2"}
# the names period_kpis has always used
_OPERATIONAL = {"churn rate": "churn_rate", "revenue per active customer": "revenue_per_customer",
                "repeat-purchase rate": "repeat_purchase_rate"}


def _check_freq(freq):
    if freq not in _FREQS:
        raise ParameterError("unknown period length", parameter="freq", value=freq,
                             fix=f"use one of {sorted(_FREQS)} (M = month, Q = quarter)")


def kpi_name(key) -> str:
    """The short name of a KPI given its name, its label or a common spelling.

    Matching ignores case and surrounding spaces, so ``"NPS"``, ``"nps"`` and
    ``"Churn rate"`` all work as keys of a notebook's targets dict.

    Examples
    --------
    >>> kpi_name("CSAT (top-2-box)"), kpi_name("churn rate"), kpi_name("ces_mean")
    ('csat_top2', 'churn_rate', 'ces_mean')
    """
    if isinstance(key, str):
        text = " ".join(key.strip().lower().split())
        for kpi in KPIS.values():
            if text in (kpi.name, kpi.label.lower()):
                return kpi.name
        if text in _ALIASES:
            return _ALIASES[text]
    known = ", ".join(repr(k.label) for k in KPIS.values())
    raise ParameterError("unknown KPI", parameter="kpis", value=key, fix=f"use one of {known}")


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


_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*$")


def period_frequency(period, freq=None) -> str:
    """The period length a study uses: ``freq`` when given, else the one ``period`` names.

    ``"2025-06"`` names a month (``"M"``), ``"2025Q2"`` a quarter (``"Q"``);
    ``"latest"`` with no ``freq`` means the latest complete quarter.

    Examples
    --------
    >>> period_frequency("2025-06"), period_frequency("2025Q2"), period_frequency("latest")
    ('M', 'Q', 'Q')
    >>> period_frequency("latest", "M")
    'M'
    """
    if freq is not None:
        _check_freq(freq)
        return freq
    if isinstance(period, pd.Period):
        return period.freqstr[0]
    if isinstance(period, str) and _MONTH.match(period):
        return "M"
    return "Q"


def reporting_period(period, dates: pd.Series, freq: str = "Q") -> pd.Period:
    """The reporting period a notebook parameter names, checked against the data.

    Parameters
    ----------
    period : str or pandas.Period
        ``"latest"`` (the latest complete period in ``dates``, see
        :func:`latest_complete_period`), a month ``"2025-06"`` (with
        ``freq="M"``), a quarter ``"2025Q2"`` (with ``freq="Q"``), or a
        :class:`pandas.Period` of that length.
    dates : pandas.Series
        The answers' dates.
    freq : {"Q", "M"}
        Period length.

    Returns
    -------
    pandas.Period

    Raises
    ------
    ParameterError
        A period of the other length than ``freq``, text that is no month or
        quarter, or a period with no answers in ``dates``.

    Examples
    --------
    >>> import pandas as pd
    >>> dates = pd.Series(pd.to_datetime(["2025-01-05", "2025-05-10", "2025-06-30"]))
    >>> reporting_period("latest", dates, "Q"), reporting_period("2025-05", dates, "M")
    (Period('2025Q2', 'Q-DEC'), Period('2025-05', 'M'))
    """
    _check_freq(freq)
    dates = pd.to_datetime(pd.Series(dates)).dropna()
    if dates.empty:
        raise ParameterError("the answers have no dates", parameter="period",
                             fix="check the date column of the responses")
    example = "2025Q2" if freq == "Q" else "2025-06"
    if isinstance(period, pd.Period):
        if period.freqstr[0] != freq:
            raise ParameterError(f"period is a {period.freqstr[0]} period but freq={freq!r}",
                                 parameter="period", value=str(period),
                                 fix=f"give a {_FREQS[freq]} like {example!r}, or change freq")
        wanted = period
    elif isinstance(period, str) and period.strip().lower() == "latest":
        wanted = latest_complete_period(dates, freq)
    elif isinstance(period, str) and (_MONTH.match(period) or _QUARTER.match(period)):
        month, quarter = _MONTH.match(period), _QUARTER.match(period)
        if (freq == "Q" and month) or (freq == "M" and quarter):
            kind = "month" if month else "quarter"
            raise ParameterError(f"period names a {kind} but freq={freq!r}", parameter="period",
                                 value=period, fix=f"use a {_FREQS[freq]} like {example!r}, "
                                                   f"or freq={'M' if month else 'Q'!r}")
        if month and not 1 <= int(month[2]) <= 12:
            raise ParameterError("not a valid month", parameter="period", value=period,
                                 fix=f"use e.g. {example!r}")
        if month:
            wanted = pd.Period(year=int(month[1]), month=int(month[2]), freq="M")
        else:
            wanted = pd.Period(year=int(quarter[1]), quarter=int(quarter[2]), freq="Q")
    else:
        raise ParameterError("period must be 'latest', a month or a quarter", parameter="period",
                             value=period, fix=f"use 'latest' or e.g. {example!r}")
    stamps = dates.dt.to_period(freq)
    if not (stamps == wanted).any():
        raise ParameterError("no answers in this period", parameter="period", value=str(wanted),
                             fix=f"pick a {_FREQS[freq]} between {stamps.min()} and {stamps.max()}")
    return wanted


def _operational(customer_months, period, ci):
    """(value, se, n) of the three operational KPIs, keyed by short name."""
    months = pd.PeriodIndex(pd.to_datetime(customer_months["month"]), freq="M")
    active_flag = customer_months["active"].fillna(False).to_numpy(dtype=bool)
    first, last = period.asfreq("M", how="start"), period.asfreq("M", how="end")
    before = pd.Series(customer_months.loc[(months == first - 1) & active_flag, "customer_id"].unique())
    at_end = customer_months.loc[(months == last) & active_flag, "customer_id"]
    inside = customer_months[(months >= first) & (months <= last) & active_flag]
    active = inside.groupby("customer_id")[["revenue", "orders"]].sum()

    def share(flags):
        n = len(flags)
        p = float(np.mean(flags)) if n else np.nan
        return p, (np.sqrt(p * (1 - p) / n) if n else np.nan), n, None

    churn = share(~before.isin(at_end).to_numpy())  # hashed: np.isin on text is slow
    revenue = active["revenue"].to_numpy(dtype=float)
    n = len(revenue)
    mean = float(revenue.mean()) if n else np.nan
    se = float(revenue.std(ddof=1) / np.sqrt(n)) if n > 1 else np.nan
    buyers = active.loc[active["orders"] > 0, "orders"].to_numpy(dtype=float)
    return {"churn_rate": churn, "revenue_per_customer": (mean, se, n, max(n - 1, 1)),
            "repeat_purchase_rate": share(buyers > 1)}


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
    DataFrame with one row per KPI: ``kpi`` ("churn rate", "revenue per active
    customer", "repeat-purchase rate"), ``value``, ``ci_low``, ``ci_high``,
    ``se``, ``n``, ``unit`` ("share" or "currency").

    Notes
    -----
    - churn rate: share of customers active in the month before the period who
      are not active in its last month (Wald interval of a proportion);
    - revenue per active customer: mean revenue in the period over customers
      active in it (t interval);
    - repeat-purchase rate: share of customers with an order in the period who
      ordered more than once in it (Wald interval).

    Examples
    --------
    >>> import cxresearch as cx, pandas as pd
    >>> table = period_kpis(cx.read_dataset("customer_months"), pd.Period("2025Q2"))
    >>> list(table["kpi"])
    ['churn rate', 'revenue per active customer', 'repeat-purchase rate']
    """
    ci = _check_ci(ci)
    z = stats.norm.ppf(0.5 + ci / 2)
    rows = []
    for label, name in _OPERATIONAL.items():
        value, se, n, df = _operational(customer_months, period, ci)[name]
        q = z if df is None else stats.t.ppf(0.5 + ci / 2, df)
        rows.append(dict(kpi=label, value=value, ci_low=value - q * se, ci_high=value + q * se,
                         se=se, n=n, unit="share" if df is None else "currency"))
    return pd.DataFrame(rows)


def _survey(sub, name, ci, min_n_privacy):
    """(value, ci_low, ci_high, se, n) of one survey KPI on one period's answers."""
    if name == "nps":
        r = nps(sub, ci=ci, min_n_privacy=min_n_privacy).iloc[0]
        return r["nps"], r["ci_low"], r["ci_high"], r["se"], int(r["n"])
    if name == "csat_top2":
        r = csat(sub, ci=ci, min_n_privacy=min_n_privacy).iloc[0]
        p, n = r["top_box"], int(r["n"])
        return p, r["ci_low"], r["ci_high"], np.sqrt(p * (1 - p) / n) if n else np.nan, n
    r = ces(sub, ci=ci, min_n_privacy=min_n_privacy).iloc[0]
    n = int(r["n"])
    se = sub["ces"].std(ddof=1) / np.sqrt(n) if n > 1 else np.nan
    return r["mean"], r["ci_low"], r["ci_high"], se if np.isfinite(r["mean"]) else np.nan, n


def kpi_table(responses: pd.DataFrame, customer_months: pd.DataFrame | None = None, period="latest",
              freq: str = "Q", kpis=None, *, date: str = "date", ci: float = config.CONFIDENCE,
              min_n_privacy: int | None = None, currency: str = "EUR") -> pd.DataFrame:
    """Each KPI in one period beside the previous period, with a test of the change.

    Parameters
    ----------
    responses : pandas.DataFrame
        Survey answers with a date column and the score columns the KPIs
        need (``nps`` 0-10, ``csat`` 1-5, ``ces`` 1-7).
    customer_months : pandas.DataFrame, optional
        Operational data (``customer_id``, ``month``, ``revenue``, ``orders``,
        ``active``); needed for churn, revenue and repeat purchase.
    period : str or pandas.Period, default "latest"
        The reporting period, see :func:`reporting_period`.
    freq : {"Q", "M"}, default "Q"
        Period length; the comparison is with the period just before.
    kpis : list of str, optional
        Which KPIs, by name or label (see :data:`KPIS`), in this order.
        Default: the survey KPIs whose score column ``responses`` has, then
        the operational ones when ``customer_months`` is given.
    date : str, default "date"
        Date column of ``responses``.
    ci : float, default config.CONFIDENCE
        Confidence level of every interval; a change is significant when
        its p-value is below 1 - ci.
    min_n_privacy : int, optional
        A period with fewer answers (or customers) than this has its value
        withheld (NaN); default ``config.MIN_N_PRIVACY``.
    currency : str, default "EUR"
        Unit of revenue per customer.

    Returns
    -------
    pandas.DataFrame
        One row per KPI, columns: ``kpi`` (short name), ``label``,
        ``period``, ``previous_period`` (text), ``value``, ``ci_low``,
        ``ci_high``, ``se``, ``n``, ``unit``, ``higher_is_better``,
        ``previous``, ``previous_ci_low``, ``previous_ci_high``,
        ``previous_n``, ``change`` (value - previous), ``change_ci_low``,
        ``change_ci_high``, ``p_value`` (two-sided test of the change),
        ``change_significant`` (p_value < 1 - ci; missing when untestable),
        ``withheld`` (the value or the previous one was withheld).

    Notes
    -----
    Values and intervals are those of :func:`cxresearch.nps`,
    :func:`cxresearch.csat` (top-2-box share), :func:`cxresearch.ces` (mean)
    and :func:`period_kpis`, unweighted. The change is tested as two
    independent samples: z = change / sqrt(se^2 + se_previous^2), with the
    Wald standard error of a share or of NPS (so the NPS test equals
    :func:`cxresearch.compare_nps` between the two periods) and sd / sqrt(n)
    for a mean. Customers counted in both periods of an operational KPI make
    the two estimates positively correlated; ignoring that makes the test
    conservative.

    Examples
    --------
    >>> import cxresearch as cx
    >>> from cxresearch.kpis import kpi_table
    >>> table = kpi_table(cx.read_dataset("responses"), cx.read_dataset("customer_months"),
    ...                   period="2025Q2", kpis=["NPS", "Churn rate"])
    >>> table[["kpi", "period", "previous_period", "unit"]]
              kpi  period previous_period    unit
    0         nps  2025Q2          2025Q1  points
    1  churn_rate  2025Q2          2025Q1   share
    """
    _check_freq(freq)
    ci = _check_ci(ci)
    min_n_privacy = _check_count(min_n_privacy, "min_n_privacy", config.MIN_N_PRIVACY)
    if not isinstance(responses, pd.DataFrame):
        raise ParameterError("expected the answers as a DataFrame", parameter="responses",
                             value=type(responses).__name__)
    if date not in responses.columns:
        raise ParameterError("no such column in the answers", column=date, parameter="date",
                             fix="name the date column with date= or map it to 'date'")
    if kpis is None:
        names = [n for n, k in KPIS.items() if k.source == "responses"
                 and {"nps": "nps", "csat_top2": "csat", "ces_mean": "ces"}[n] in responses.columns]
        if customer_months is not None:
            names += [n for n, k in KPIS.items() if k.source == "customer_months"]
    else:
        if isinstance(kpis, str):
            kpis = [kpis]
        names = [kpi_name(k) for k in kpis]
        if len(set(names)) != len(names):
            raise ParameterError("a KPI is named twice", parameter="kpis", value=list(kpis),
                                 fix="name each KPI once")
    if not names:
        raise ParameterError("no KPI to compute", parameter="kpis",
                             fix="give answers with nps, csat or ces, or customer_months")
    score_of = {"nps": "nps", "csat_top2": "csat", "ces_mean": "ces"}
    for name in names:
        if KPIS[name].source == "responses" and score_of[name] not in responses.columns:
            raise ParameterError(f"{KPIS[name].label} needs a column {score_of[name]!r} in the answers",
                                 parameter="kpis", value=KPIS[name].label,
                                 fix=f"map the answer column to {score_of[name]!r}, or drop the KPI")
        if KPIS[name].source == "customer_months" and customer_months is None:
            raise ParameterError(f"{KPIS[name].label} needs the customer-months table",
                                 parameter="kpis", value=KPIS[name].label,
                                 fix="pass customer_months (customer_months_path), or drop the KPI")

    period = reporting_period(period, responses[date], freq)
    previous = period - 1
    stamp = pd.to_datetime(responses[date]).dt.to_period(freq)
    z = stats.norm.ppf(0.5 + ci / 2)

    def measure(p):
        out = {}
        sub = responses[(stamp == p).to_numpy()]
        operational = None
        for name in names:
            if KPIS[name].source == "responses":
                out[name] = _survey(sub, name, ci, min_n_privacy)
                continue
            if operational is None:
                operational = _operational(customer_months, p, ci)
            value, se, n, df = operational[name]
            q = z if df is None else stats.t.ppf(0.5 + ci / 2, df)
            if n < min_n_privacy:
                value = se = np.nan
            out[name] = (value, value - q * se, value + q * se, se, n)
        return out

    now, before = measure(period), measure(previous)
    rows = []
    for name in names:
        kpi = KPIS[name]
        value, low, high, se, n = now[name]
        prev, prev_low, prev_high, prev_se, prev_n = before[name]
        change = value - prev
        se_change = np.sqrt(se ** 2 + prev_se ** 2)
        with np.errstate(invalid="ignore", divide="ignore"):
            p_value = 2 * stats.norm.sf(np.abs(change / se_change)) if se_change > 0 else (
                np.nan if np.isnan(change) or change != 0 else 1.0)
        rows.append(dict(
            kpi=name, label=kpi.label, period=str(period), previous_period=str(previous),
            value=value, ci_low=low, ci_high=high, se=se, n=n,
            unit=currency if kpi.unit == "currency" else kpi.unit,
            higher_is_better=kpi.higher_is_better, previous=prev, previous_ci_low=prev_low,
            previous_ci_high=prev_high, previous_n=prev_n, change=change,
            change_ci_low=change - z * se_change, change_ci_high=change + z * se_change,
            p_value=p_value,
            change_significant=pd.NA if np.isnan(p_value) else bool(p_value < 1 - ci),
            withheld=bool(np.isnan(value) and n > 0 or np.isnan(prev) and prev_n > 0)))
    table = pd.DataFrame(rows, columns=list(KPI_TABLE_COLUMNS))
    for column in ("value", "ci_low", "ci_high", "se", "previous", "previous_ci_low",
                   "previous_ci_high", "change", "change_ci_low", "change_ci_high", "p_value"):
        table[column] = table[column].astype(np.float64)
    table["change_significant"] = table["change_significant"].astype("boolean")
    return table


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

    Notes
    -----
    A short form of :func:`kpi_table` (which tests every KPI's change).

    Examples
    --------
    >>> import cxresearch as cx
    >>> table = headline_metrics(cx.read_dataset("responses"), cx.read_dataset("customer_months"))
    >>> list(table["metric"])[:3]
    ['NPS', 'CSAT (top-2-box)', 'CES (mean)']
    """
    _check_freq(freq)
    full = kpi_table(responses, customer_months, "latest", freq, ci=ci, currency="currency")
    legacy = {v: k for k, v in _OPERATIONAL.items()}
    table = pd.DataFrame({
        "metric": [legacy.get(n, KPIS[n].label) for n in full["kpi"]],
        "period": full["period"], "value": full["value"], "ci_low": full["ci_low"],
        "ci_high": full["ci_high"], "n": full["n"], "unit": full["unit"],
        "previous": full["previous"], "change": full["change"]})
    if "nps" in responses:
        is_nps = (full["kpi"] == "nps").to_numpy()
        table["p_value"] = np.where(is_nps, full["p_value"], np.nan)
        table["change_is_real"] = pd.array([bool(s) if i else pd.NA for i, s in
                                            zip(is_nps, full["change_significant"].fillna(False))],
                                           dtype=object)
    return table
