"""The financial-linkage study's steps, so that ``notebooks/03-financial-linkage.ipynb`` stays thin.

Reading the two data sources (survey answers, customers' O-data) and the
optional ones (customer-months, stores or teams, a coding run's codes) with
one column mapping; the leakage check that decides whether money may be
claimed at all; the comparison with the planted effects of the bundled sample;
and the sentences of the executive summary. The statistics live in
:mod:`cxresearch.linkage` and :mod:`cxresearch.drivers`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import schemas
from .dashboard import _resolve
from .datasets import _apply_mapping, _read_yaml, load_table
from .exceptions import ParameterError, SchemaError
from .linkage import MoneySettings, separation_table
from .persona_study import expand_features, load_coded_verbatims, load_customers

__all__ = ["split_mapping", "load_sources", "load_optional", "leakage_check", "describe_match",
           "planted_effects", "money_sentence", "executive_summary", "expand_features", "load_coded_verbatims"]


def split_mapping(mapping):
    """The study's mapping as ``{kind: {their name: our name}}``; a flat mapping applies to every file holding its keys.

    Examples
    --------
    >>> from cxresearch.linkage_study import split_mapping
    >>> split_mapping({"customers": {"Customer ID": "customer_id"}, "responses": {"Q1": "nps"}})["responses"]
    {'Q1': 'nps'}
    >>> split_mapping({"Customer ID": "customer_id"})["flat"]
    {'Customer ID': 'customer_id'}
    """
    if mapping is None:
        return {}
    data = _read_yaml(_resolve(mapping, "mapping")) if isinstance(mapping, (str, os.PathLike)) else mapping
    if not isinstance(data, Mapping):
        raise ParameterError("a column mapping must be {their column name: our column name}", parameter="mapping",
                             value=type(data).__name__, fix="pass e.g. {'Customer ID': 'customer_id'} or a YAML file")
    if any(k in schemas.KINDS and (isinstance(v, Mapping) or v is None) for k, v in data.items()):
        return {k: dict(v or {}) for k, v in data.items()}
    return {"flat": dict(data)}


def _read_responses(path, renames):
    resolved = _resolve(path, "responses_path")
    raw = load_table(resolved)
    present = {k: v for k, v in renames.items() if k in raw.columns}
    table = _apply_mapping(raw, present, resolved.name)
    if "response_id" not in table.columns:  # one answer per row and no id: number the rows
        table.insert(0, "response_id", [f"row {i + 2}" for i in range(len(table))])
    return schemas.validate(table, "responses", file=resolved.name), set(present)


def load_sources(customers_path, responses_path, mapping=None):
    """The customers' O-data (one file or several joined on ``customer_id``) and the survey answers.

    Parameters
    ----------
    customers_path : str, path-like or list of them
        See :func:`cxresearch.persona_study.load_customers`.
    responses_path : str or path-like
        The survey answers (CSV, Excel, Parquet); rows without an answer id
        are numbered.
    mapping : dict or str, optional
        ``{their name: our name}`` (or a YAML file). With sections
        (``customers:``, ``responses:``, ``customer_months:``, ``units:``,
        ``verbatims:``) each file gets its own; a flat mapping renames the
        columns of every file that has them.

    Returns
    -------
    (customers, responses)

    Examples
    --------
    >>> from cxresearch.linkage_study import load_sources
    >>> customers, responses = load_sources("data/sample/customers.parquet", "data/sample/responses.parquet")
    >>> len(customers), responses["customer_id"].isin(customers["customer_id"]).all()
    (20000, np.True_)
    """
    parts = split_mapping(mapping)
    flat = parts.get("flat")
    responses, used = _read_responses(responses_path, flat if flat is not None else parts.get("responses", {}))
    if flat is not None:
        customer_map = {k: v for k, v in flat.items() if k not in used or v == "customer_id"}
    else:
        customer_map = parts.get("customers", {})
    try:
        customers = load_customers(customers_path, customer_map or None)
    except SchemaError as err:
        if flat is None or err.parameter != "mapping" or err.column is None:
            raise
        raise SchemaError("the mapping names a column no file has", column=err.column, parameter="mapping",
                          fix="correct the key to a column name of the customers or answers file") from None
    return customers, responses


def load_optional(path, kind, mapping=None, parameter=None):
    """A customer-months, units or verbatims table when its path is given (None when not).

    Examples
    --------
    >>> from cxresearch.linkage_study import load_optional
    >>> load_optional(None, "units") is None
    True
    >>> len(load_optional("data/sample/units.parquet", "units"))
    400
    """
    if path is None:
        return None
    parts = split_mapping(mapping)
    renames = parts.get("flat", parts.get(kind, {}))
    resolved = _resolve(path, parameter or f"{kind}_path")
    raw = load_table(resolved)
    table = _apply_mapping(raw, {k: v for k, v in renames.items() if k in raw.columns}, resolved.name)
    return schemas.validate(table, kind, file=resolved.name) if kind in schemas.KINDS else table


def leakage_check(view, churned, metric, *, min_n_privacy=None):
    """Does the score separate churn perfectly? Then it was probably recorded after the decision to leave.

    Parameters
    ----------
    view : pandas.DataFrame
        The single customer view.
    churned : str
        The churn column.
    metric : str
        The score column.
    min_n_privacy : int, optional

    Returns
    -------
    dict
        ``flagged`` (bool), ``table`` (churn rate per score point:
        :func:`cxresearch.linkage.separation_table`), ``note`` (one paragraph,
        markdown).

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.linkage_study import leakage_check
    >>> view = pd.DataFrame({"csat": [1] * 30 + [3] * 30 + [5] * 30,
    ...                      "churned": [True] * 30 + [True] * 6 + [False] * 24 + [False] * 30})
    >>> check = leakage_check(view, "churned", "csat")
    >>> check["flagged"], check["table"]["rate"].tolist()
    (True, [1.0, 0.2, 0.0])
    """
    answered = view[view[metric].notna()] if metric in view.columns else view.iloc[0:0]
    table = separation_table(answered, churned, metric, min_n_privacy=min_n_privacy)
    flagged = bool(table.attrs.get("separated"))
    if flagged:
        levels = [f"{r.level:g}" if isinstance(r.level, float) else str(r.level)
                  for r in table.itertuples() if r.separated]
        rates = sorted({f"{r.rate:.0%}" for r in table.itertuples() if r.separated})
        note = (f"**Probable leakage: money claims are withheld.** Churn is {' or '.join(rates)} at {metric} "
                f"{', '.join(levels)}: the score separates who left from who stayed perfectly. A survey score does "
                "not predict behaviour that well; a score recorded after the decision to leave (an exit survey, a "
                "score updated at cancellation) does. The churn model is Firth-penalised so that its odds ratios "
                "stay finite, but no revenue at risk or scenario is computed from it: check when the score was "
                "recorded, and use scores given before the churn window.")
    else:
        note = (f"No score point of {metric} has 0% or 100% churn: no sign that the score was recorded after "
                "the decision to leave.")
    return {"flagged": flagged, "table": table, "note": note}


def describe_match(view):
    """The single customer view's match in one sentence (markdown).

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.linkage import single_customer_view
    >>> from cxresearch.linkage_study import describe_match
    >>> view = single_customer_view(pd.DataFrame({"customer_id": ["A", "B"]}),
    ...                             pd.DataFrame({"customer_id": ["A", "Z"], "nps": [9, 3]}))
    >>> describe_match(view).split(".")[0]
    '**2 customers**, 1 of them with a survey answer (50%)'
    """
    match = view.attrs["match"]
    share = match["customers_with_answers"] / max(match["n_customers"], 1)
    return (f"**{match['n_customers']:,} customers**, {match['customers_with_answers']:,} of them with a survey answer "
            f"({share:.0%}). Of the {match['n_answering_customers']:,} customers who answered, "
            f"{match['match_rate']:.1%} are in the O-data; {match['answers_unmatched']:,} answers "
            f"({match['answering_customers_unmatched']:,} customers) have no O-data and are left out. "
            f"Each customer's score is their **{match['how']}** answer.")


def planted_effects(truth_json, *, churn=None, orders=None, stores=None, stores_path=None):
    """The bundled sample's planted effects beside the study's estimates: is each inside its interval?

    Parameters
    ----------
    truth_json : str or path-like
        ``data/sample/truth/truth.json``.
    churn : pandas.DataFrame, optional
        :func:`cxresearch.linkage.churn_model` odds ratios of the customer-month panel.
    orders : pandas.DataFrame, optional
        :func:`cxresearch.linkage.order_rate_ratios`.
    stores : pandas.DataFrame, optional
        ``UnitLinkage.summary`` (slope per ``per`` engagement points).
    stores_path : str, optional
        ``truth/stores.parquet``: the planted slope is the least-squares slope
        of each store's expected NPS on its engagement.

    Returns
    -------
    pandas.DataFrame
        ``effect``, ``estimand``, ``planted``, ``estimate``, ``ci_low``,
        ``ci_high``, ``inside``.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.linkage_study import planted_effects
    >>> churn = pd.DataFrame({"term": ["detractor", "promoter"], "odds_ratio": [1.67, 0.64],
    ...                       "ci_low": [1.55, 0.58], "ci_high": [1.81, 0.69]})
    >>> planted_effects("data/sample/truth/truth.json", churn=churn)[["planted", "inside"]].values.tolist()
    [[1.7333, True], [0.6376, True]]
    """
    truth = json.loads(_resolve(truth_json, "truth_path").read_text(encoding="utf-8"))
    rows = []
    if churn is not None:
        table = churn.set_index("term")
        for band, key in (("detractor", "odds_ratio_detractor_vs_passive"), ("promoter", "odds_ratio_promoter_vs_passive")):
            if band in table.index:
                r = table.loc[band]
                rows.append({"effect": f"churn odds ratio, {band} vs passive",
                             "estimand": "customer-month discrete-time logit of leaving in month t on the band of the "
                                         "latest answer before t, controlling log1p(tenure years)",
                             "planted": truth["churn"][key], "estimate": r["odds_ratio"], "ci_low": r["ci_low"],
                             "ci_high": r["ci_high"]})
    if orders is not None:
        table = orders.set_index("term")
        for band in ("detractor", "promoter"):
            if band in table.index:
                r = table.loc[band]
                rows.append({"effect": f"order rate ratio, {band} vs passive",
                             "estimand": "within-customer (fixed-effects Poisson) orders per active month by the band of "
                                         "the latest answer before the month, month effects",
                             "planted": truth["orders"]["rate_ratio"][band], "estimate": r["rate_ratio"],
                             "ci_low": r["ci_low"], "ci_high": r["ci_high"]})
    if stores is not None and stores_path is not None:
        planted = load_table(_resolve(stores_path, "truth_path"))
        slope = np.polyfit(planted["employee_engagement"].astype(float), planted["expected_nps"].astype(float), 1)[0]
        s = stores.iloc[0]
        rows.append({"effect": f"store NPS per {s['per']:g} engagement points",
                     "estimand": "least-squares slope of a store's NPS on its employee engagement (planted: each "
                                 "store's expected NPS)", "planted": round(float(slope * s["per"]), 4),
                     "estimate": s["slope"], "ci_low": s["slope_ci_low"], "ci_high": s["slope_ci_high"]})
    table = pd.DataFrame(rows, columns=["effect", "estimand", "planted", "estimate", "ci_low", "ci_high"])
    table["inside"] = (table["ci_low"] <= table["planted"]) & (table["planted"] <= table["ci_high"])
    return table


def _money(value, currency):
    sign = "−" if value < 0 else ""
    value = abs(value)
    if value >= 1e6:
        return f"{sign}{currency} {value / 1e6:,.2f}M"
    if value >= 1e4:
        return f"{sign}{currency} {value / 1e3:,.0f}k"
    return f"{sign}{currency} {value:,.0f}"


def money_sentence(value, low, high, currency):
    """An amount with its interval, the way the summary writes it.

    Examples
    --------
    >>> from cxresearch.linkage_study import money_sentence
    >>> money_sentence(1_234_000, 900_000, 1_600_000, "EUR")
    'EUR 1.23M (95% CI EUR 900k to EUR 1.60M)'
    """
    return f"{_money(value, currency)} (95% CI {_money(low, currency)} to {_money(high, currency)})"


def executive_summary(*, money: MoneySettings, suppressed, leakage_note=None, risk=None, what_if=None, churn=None,
                      orders=None, drivers=None, stores=None, themes=None, metric="nps"):
    """The one-screen summary in money: each claim with its interval and caveat (markdown lines).

    Parameters
    ----------
    money : MoneySettings
    suppressed : bool
        True when leakage or separation was flagged: no money claim is made.
    leakage_note : str, optional
    risk, what_if : pandas.DataFrame, optional
        :func:`~cxresearch.linkage.revenue_at_risk`, :func:`~cxresearch.linkage.scenario`.
    churn, orders : pandas.DataFrame, optional
        Odds ratios and order rate ratios (vs the reference band).
    drivers : pandas.DataFrame, optional
        :func:`~cxresearch.drivers.importance_performance`.
    stores : pandas.DataFrame, optional
        ``UnitLinkage.summary``.
    themes : pandas.DataFrame, optional
        :func:`~cxresearch.linkage.theme_costs`.

    Returns
    -------
    list of str

    Examples
    --------
    >>> from cxresearch.linkage import MoneySettings
    >>> from cxresearch.linkage_study import executive_summary
    >>> lines = executive_summary(money=MoneySettings(), suppressed=True, leakage_note="Probable leakage.")
    >>> lines[0]
    '- **No money claims.** Probable leakage.'
    """
    lines = []
    terms = money.describe()
    if suppressed:
        lines.append(f"- **No money claims.** {leakage_note or 'Leakage or separation was flagged.'}")
    if risk is not None and not suppressed and np.isfinite(risk["value"].iloc[0]):
        r = risk.iloc[0]
        lines.append(f"- **At risk: {money_sentence(r['value'], r['ci_low'], r['ci_high'], money.currency)}** of "
                     f"{terms}, from {r['customers']:,} current {r['band']}s leaving faster than {r['reference']}s "
                     f"(monthly churn {r['monthly_churn']:.2%} vs {r['reference_monthly_churn']:.2%}; "
                     f"{r['extra_customers_lost']:,.0f} extra customers lost, 95% CI {r['lost_ci_low']:,.0f} to "
                     f"{r['lost_ci_high']:,.0f}). *Caveat: an association, priced at their own spend.*")
    if what_if is not None and not suppressed and np.isfinite(what_if["value"].iloc[0]):
        w = what_if.iloc[0]
        lines.append(f"- **What if {w['share']:.0%} of {w['move']}s became {w['to']}s** ({w['customers_moved']:,} "
                     f"customers): {money_sentence(w['value'], w['ci_low'], w['ci_high'], money.currency)} of "
                     f"{terms}; {-w['churn_change']:,.0f} fewer customers lost (95% CI {-w['churn_ci_high']:,.0f} to "
                     f"{-w['churn_ci_low']:,.0f}). *Caveat: assumes movers churn like the band they join"
                     f"{' and keep their own spend' if w['spend'] == 'own' else ' and spend like it'}; the cost of "
                     "moving them is not included.*")
    if churn is not None and len(churn):
        parts = [f"{r.term} {r.odds_ratio:.2f} (95% CI {r.ci_low:.2f}-{r.ci_high:.2f})" for r in churn.itertuples()]
        caveat = ("separated, probable leakage: finite only because the fit is penalised, not an effect size"
                  if suppressed else "observational")
        lines.append(f"- **Churn odds vs the reference band:** {'; '.join(parts)}. *Caveat: {caveat}.*")
    if orders is not None and len(orders):
        parts = [f"{r.term} {r.rate_ratio:.2f} (95% CI {r.ci_low:.2f}-{r.ci_high:.2f})" for r in orders.itertuples()]
        lines.append(f"- **Orders per month after answering, same customer:** {'; '.join(parts)} × the passive "
                     "rate. *Caveat: within-customer, so who the customer is cannot explain it; what else changed can.*")
    if drivers is not None and len(drivers):
        first = drivers[drivers["quadrant"] == "act first"]["driver"].tolist()
        lines.append(f"- **Act first on:** {', '.join(first) or 'no attribute is both important and rated below the rest'}"
                     f" (important for {metric.upper()}, rated below the other attributes). *Caveat: ratings and score "
                     "come from the same answer.*")
    if stores is not None and len(stores):
        s = stores.iloc[0]
        lines.append(f"- **Employees and customers:** stores with {s['per']:g} points more employee engagement score "
                     f"{s['slope']:.1f} {metric.upper()} points higher (95% CI {s['slope_ci_low']:.1f} to "
                     f"{s['slope_ci_high']:.1f}; r = {s['r']:.2f}, {s['n_units']} stores). *Caveat: correlation across stores.*")
    if themes is not None and len(themes) and not suppressed:
        money_rows = themes[~themes["withheld"] & (themes["p_fdr"] < 0.05) & (themes["ci_high"] < 0)
                            & ~themes["outcome"].map(lambda o: "churn" in str(o))]
        if not len(money_rows):
            lines.append("- **Complaint themes:** no theme's customers are worth significantly less than other "
                         "customers who wrote to us (after the false-discovery-rate correction).")
        else:
            worst = money_rows.sort_values("total").iloc[0]
            lines.append(f"- **Costliest complaint:** {worst['theme']}: customers who raise it are worth "
                         f"{_money(worst['difference'], money.currency)} {worst['outcome']} each vs others (95% CI "
                         f"{_money(worst['ci_low'], money.currency)} to {_money(worst['ci_high'], money.currency)}), "
                         f"{_money(worst['total'], money.currency)} across {worst['n_with']:,} customers. *Caveat: "
                         "customers who complain may differ in other ways.*")
    return lines
