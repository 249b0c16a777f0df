"""The CX scorecard study: KPIs against targets, league tables, and why NPS moved.

What it is for: everything ``notebooks/00-cx-scorecard.ipynb`` shows, as tidy
tables a test can reach:

* :func:`load_scorecard_data` reads the study's three tables (a user's CSV
  export works too) and :func:`attach_units` gives answers their store's name
  and region;
* :func:`kpi_scorecard` puts each KPI of :func:`cxresearch.kpis.kpi_table`
  beside its target (status, gap, real change or not) and
  :func:`record_scorecard` writes it to ``results.json``;
* :func:`league_table` ranks regions or stores, each tested against the rest
  with false-discovery-rate (FDR) corrected p-values;
* :func:`nps_movers` / :func:`why_it_moved` find the groups whose NPS moved
  most since the previous period, and :func:`decompose_nps_change` splits the
  overall change into each group's rate and mix effects (they sum exactly to
  the change); :func:`top_mover` picks the change least likely to be chance,
  :func:`drill_down` looks inside it, :func:`attribute_changes` shows which
  attribute ratings fell there, and :func:`record_top_mover` records it;
* ``format_*`` turn the tables into what an executive reads, ``describe_*``
  write the sentences of the narrative and the charts' alt text.

Privacy: every table withholds groups with fewer answers than the privacy
minimum, and then, by :func:`withhold_small_cells`, enough further groups that
no withheld number can be recovered by subtraction from a total the report
shows (the overall NPS, a region's NPS). Withheld rows stay visible, with
their number of answers and the word "withheld", never with their values.

What it is not for: the metric formulas (``cxresearch.metrics``), the KPI
computations (``cxresearch.kpis``), or drawing (``cxresearch.plotting``).
"""

from __future__ import annotations

import numbers
import os
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from . import config, schemas
from .datasets import _read_yaml, load_table
from ._checks import check_columns, check_frame
from .exceptions import ParameterError
from .index import format_change
from .kpis import KPIS, kpi_name, reporting_period
from .metrics import _check_ci, _check_count, adjust_pvalues, compare_nps, nps, scorecard, trend

__all__ = [
    "NOT_GIVEN",
    "LEAGUE_COLUMNS",
    "MOVERS_COLUMNS",
    "DECOMPOSITION_COLUMNS",
    "ATTRIBUTE_COLUMNS",
    "load_scorecard_data",
    "attribute_label",
    "attach_units",
    "kpi_scorecard",
    "record_scorecard",
    "record_top_mover",
    "withhold_small_cells",
    "league_table",
    "decompose_nps_change",
    "nps_movers",
    "why_it_moved",
    "top_movers",
    "top_mover",
    "drill_down",
    "attribute_changes",
    "trend_until",
    "format_scorecard",
    "format_league_table",
    "format_movers",
    "format_attribute_changes",
    "describe_scorecard",
    "describe_trend",
    "describe_league_table",
    "describe_movers",
    "describe_changes",
    "describe_bridge",
]

#: Group label of answers whose grouping column is empty (they still count in totals).
NOT_GIVEN = "(not given)"
#: Output columns of :func:`league_table`, after the ``by`` (and ``within``) columns.
LEAGUE_COLUMNS = ("group", "n", "nps", "ci_low", "ci_high", "reliable", "difference",
                  "diff_ci_low", "diff_ci_high", "p_value", "p_fdr", "significant",
                  "withheld", "note", "rank")
#: Output columns of :func:`decompose_nps_change`, after the ``by`` columns.
DECOMPOSITION_COLUMNS = ("group", "n_before", "n_after", "share_before", "share_after",
                         "nps_before", "nps_after", "rate_effect", "mix_effect", "contribution",
                         "withheld")
#: Output columns of :func:`nps_movers`, after the ``by`` columns.
MOVERS_COLUMNS = ("group", "n_before", "n_after", "share_before", "share_after", "nps_before",
                  "nps_after", "change", "ci_low", "ci_high", "z", "p_value", "p_fdr",
                  "significant", "rate_effect", "mix_effect", "contribution", "reliable",
                  "withheld", "note", "rank")
#: Output columns of :func:`attribute_changes`.
ATTRIBUTE_COLUMNS = ("attribute", "n_before", "n_after", "mean_before", "mean_after", "change",
                     "ci_low", "ci_high", "t", "df", "p_value", "p_fdr", "significant",
                     "withheld", "rank")

_RANK_BY = ("evidence", "change", "contribution")
_JOIN = " × "


# --------------------------------------------------------------------------
# argument checks and small helpers
# --------------------------------------------------------------------------

def _check_frame(data, parameter="data"):
    check_frame(data, parameter, fix="pass the survey answers, one row per answer")


def _columns(by, parameter="by"):
    if isinstance(by, str):
        return [by]
    if isinstance(by, (list, tuple)) and by and all(isinstance(b, str) for b in by):
        if len(set(by)) != len(by):
            raise ParameterError("a column is named twice", parameter=parameter, value=by,
                                 fix="name each column once")
        return list(by)
    raise ParameterError("expected a column name or a list of column names", parameter=parameter,
                         value=by, fix="use e.g. 'region' or ['region', 'touchpoint']")


def _need(data, columns, parameter):
    check_columns(data, columns, parameter, where="the answers")


def _thresholds(min_n_privacy, min_n_reliable):
    return (_check_count(min_n_privacy, "min_n_privacy", config.MIN_N_PRIVACY),
            _check_count(min_n_reliable, "min_n_reliable", config.MIN_N_RELIABLE))


def _periods(data, date, period, previous, freq):
    """(period, previous period, each row's period) after checking all three."""
    _need(data, [date], "date")
    dates = pd.to_datetime(data[date])
    period = reporting_period(period, dates, freq)
    if previous is None:
        previous = period - 1
    else:
        previous = reporting_period(previous, dates, freq)
        if previous == period:
            raise ParameterError("previous is the reporting period itself", parameter="previous",
                                 value=str(previous), fix="compare with an earlier period, or None")
    stamp = dates.dt.to_period(freq)
    return period, previous, stamp


def _keys(data, by):
    """The ``by`` columns as text, empty keys as NOT_GIVEN, and one label per row."""
    keys = pd.DataFrame(index=data.index)
    for column in by:
        values = data[column].astype(object)
        keys[column] = values.where(values.notna(), NOT_GIVEN).map(str)
    label = keys[by[0]] if len(by) == 1 else keys[by].agg(_JOIN.join, axis=1)
    return keys, label


def _names(labels, parameter="labels"):
    if labels is None:
        return None
    if isinstance(labels, pd.Series):
        return {str(k): str(v) for k, v in labels.items() if pd.notna(v)}
    if isinstance(labels, Mapping):
        return {str(k): str(v) for k, v in labels.items() if v is not None}
    raise ParameterError("labels must map a group's key to its name", parameter=parameter,
                         value=type(labels).__name__,
                         fix="pass e.g. units.set_index('unit_id')['unit_name']")


def _display_labels(keys, names):
    """Readable names for the keys; 'name (key)' where two keys share a name."""
    if not names:
        return list(keys)
    shown = [names.get(k, k) for k in keys]
    counts = pd.Series(shown).value_counts()
    return [s if counts[s] == 1 or s == k else f"{s} ({k})" for s, k in zip(shown, keys)]


def _unit_options(by, data, units, labels, within):
    """Store names (from the units table) and the region slice for a store dimension."""
    if by != ["unit_id"]:
        return labels, within
    if within is None and "region" in data.columns:
        within = "region"   # region totals are published beside the stores
    if units is None:
        return labels, within
    _check_frame(units, "units")
    if "unit_id" not in units.columns:
        raise ParameterError("the units table has no 'unit_id' column", parameter="units",
                             fix="map the store id column of the units file to 'unit_id'")
    if labels is None and "unit_name" in units.columns:
        labels = units.set_index(units["unit_id"].astype(str))["unit_name"]
    return labels, within


def _fdr(p):
    return adjust_pvalues(np.asarray(p, dtype=np.float64), config.FDR_METHOD)


# --------------------------------------------------------------------------
# loading
# --------------------------------------------------------------------------

def _resolve(path, parameter):
    if not isinstance(path, (str, os.PathLike)):
        raise ParameterError("expected a file path", parameter=parameter, value=path,
                             fix="give the path relative to the project root, e.g. "
                                 "'data/raw/responses.csv'")
    path = Path(path).expanduser()
    # notebooks run from notebooks/ in JupyterLab but from the root under the runner
    return path if path.is_absolute() else config.PROJECT_ROOT / path


def _mapping_for(mapping, kind):
    """The part of a study-wide mapping that applies to one table kind."""
    if mapping is None:
        return None
    data = mapping
    if isinstance(mapping, (str, os.PathLike)):
        data = _read_yaml(_resolve(mapping, "mapping"))
    if not isinstance(data, Mapping):
        raise ParameterError("a column mapping must be {their column name: our column name}",
                             parameter="mapping", value=type(data).__name__,
                             fix="pass e.g. {'NPS_Score': 'nps'} or a YAML file")
    if any(k in schemas.KINDS and (isinstance(v, Mapping) or v is None) for k, v in data.items()):
        return dict(data.get(kind) or {}) or None
    # a flat mapping is for the survey export, the file users most often rename
    return dict(data) if kind == "responses" else None


def load_scorecard_data(responses_path, customer_months_path=None, units_path=None, mapping=None):
    """Read the scorecard's tables: answers, customer-months and stores.

    Parameters
    ----------
    responses_path : str or path-like
        Survey answers (CSV, Excel or Parquet; the responses contract), with
        at least ``response_id``, ``date`` and ``nps``. A relative path is
        read from the project root, wherever the notebook runs.
    customer_months_path, units_path : str or path-like, optional
        Operational data per customer and month; stores (``unit_id``,
        ``unit_name``, ``region``). None skips them.
    mapping : dict or str, optional
        Column renames, ``{their name: our name}``, or a YAML file of them.
        With sections named after the table kinds (``responses:``,
        ``customer_months:``, ``units:``) each table gets its own; a flat
        mapping applies to the responses only.

    Returns
    -------
    tuple of pandas.DataFrame
        ``(responses, customer_months, units)``; a table not asked for is
        None. The responses gain ``unit_name`` and ``region`` from the units
        (see :func:`attach_units`).

    Examples
    --------
    >>> from cxresearch.dashboard import load_scorecard_data
    >>> responses, customer_months, units = load_scorecard_data(
    ...     "data/sample/responses.parquet", units_path="data/sample/units.parquet")
    >>> customer_months is None, "unit_name" in responses
    (True, True)
    """
    responses = load_table(_resolve(responses_path, "responses_path"), kind="responses",
                           mapping=_mapping_for(mapping, "responses"), require=["date", "nps"])
    customer_months = units = None
    if customer_months_path is not None:
        customer_months = load_table(_resolve(customer_months_path, "customer_months_path"),
                                     kind="customer_months",
                                     mapping=_mapping_for(mapping, "customer_months"),
                                     require=["revenue", "orders", "active"])
    if units_path is not None:
        units = load_table(_resolve(units_path, "units_path"), kind="units",
                           mapping=_mapping_for(mapping, "units"))
        responses = attach_units(responses, units)
    return responses, customer_months, units


def attach_units(responses, units, columns=("unit_name", "region")):
    """Give each answer its store's name and region from the units table.

    Parameters
    ----------
    responses : pandas.DataFrame
        Answers with ``unit_id``.
    units : pandas.DataFrame
        One row per store: ``unit_id`` and the ``columns``.
    columns : sequence of str
        Store columns to copy; a column the answers already have is kept as
        it is, a column the units table lacks is skipped.

    Returns
    -------
    pandas.DataFrame
        A copy of ``responses`` with the columns added (missing where the
        store is unknown).

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"unit_id": ["S1", "S2", "S9"], "nps": [9, 3, 7]})
    >>> stores = pd.DataFrame({"unit_id": ["S1", "S2"], "unit_name": ["Leeds", "York"],
    ...                        "region": ["North", "North"]})
    >>> attach_units(answers, stores)["unit_name"].tolist()
    ['Leeds', 'York', nan]
    """
    _check_frame(responses, "responses")
    _check_frame(units, "units")
    for frame, parameter in ((responses, "responses"), (units, "units")):
        if "unit_id" not in frame.columns:
            raise ParameterError("no 'unit_id' column", parameter=parameter, column="unit_id",
                                 fix="map the store id column to 'unit_id'")
    if units["unit_id"].duplicated().any():
        raise ParameterError("a store appears twice in the units table", parameter="units",
                             column="unit_id",
                             value=units.loc[units["unit_id"].duplicated(), "unit_id"].iloc[0],
                             fix="keep one row per store")
    out = responses.copy()
    key = units.set_index(units["unit_id"].astype(str))
    ids = out["unit_id"].astype(object).where(out["unit_id"].notna(), None)
    for column in columns:
        if column in out.columns or column not in units.columns:
            continue
        out[column] = ids.map(lambda i, s=key[column]: s.get(str(i)) if i is not None else None)
        out[column] = out[column].where(out[column].notna(), np.nan)
    return out


# --------------------------------------------------------------------------
# the KPI scorecard
# --------------------------------------------------------------------------

def kpi_scorecard(kpis, targets, tolerance=None):
    """Each KPI beside its target: gap, trend, status, and whether the change is real.

    Parameters
    ----------
    kpis : pandas.DataFrame
        The output of :func:`cxresearch.kpis.kpi_table`.
    targets : dict
        ``{KPI: target}``, keys by name or label (``"NPS"``, ``"nps"``,
        ``"Churn rate"``...); the scorecard keeps this order. Shares are
        targets as shares (0.65, not 65).
    tolerance : dict, optional
        ``{KPI: distance}`` on the wrong side of the target that still counts
        as "close" (default 0).

    Returns
    -------
    pandas.DataFrame
        One row per target, the columns of :func:`cxresearch.metrics.scorecard`
        (``kpi``, ``value``, ``target``, ``previous``, ``unit``,
        ``higher_is_better``, ``tolerance``, ..., ``gap``, ``change``,
        ``trend``, ``status``) with the KPI table's ``label``, ``period``,
        ``previous_period``, ``ci_low``, ``ci_high``, ``n``, ``p_value``,
        ``change_significant``, and ``verdict``: "a real change", "no real
        change" or "not tested".

    Notes
    -----
    Direction comes from :data:`cxresearch.kpis.KPIS` (churn: lower is
    better). The trend is "up"/"down" only when the change is significant
    (``change_significant`` of the KPI table), "flat" otherwise.

    Examples
    --------
    >>> import pandas as pd
    >>> kpis = pd.DataFrame({"kpi": ["nps", "churn_rate"], "label": ["NPS", "Churn rate"],
    ...                      "value": [27.0, 0.04], "previous": [22.0, 0.05],
    ...                      "unit": ["points", "share"], "higher_is_better": [True, False],
    ...                      "change_significant": [True, False]})
    >>> card = kpi_scorecard(kpis, {"NPS": 25, "Churn rate": 0.035})
    >>> card[["kpi", "gap", "trend", "status", "verdict"]]
              kpi    gap trend      status         verdict
    0         nps  2.000    up   on target   a real change
    1  churn_rate -0.005  flat  off target  no real change
    """
    _check_frame(kpis, "kpis")
    for column in ("kpi", "value", "previous"):
        if column not in kpis.columns:
            raise ParameterError("not a KPI table", parameter="kpis", column=column,
                                 fix="pass the output of cxresearch.kpis.kpi_table")
    if not isinstance(targets, Mapping) or not targets:
        raise ParameterError("targets must be a dict {KPI: target}", parameter="targets",
                             value=targets, fix='use e.g. {"NPS": 25, "CSAT (top-2-box)": 0.65}')
    names = {kpi_name(k): v for k, v in targets.items()}
    if len(names) != len(targets):
        raise ParameterError("a KPI has two targets", parameter="targets", value=list(targets),
                             fix="give each KPI one target")
    tolerance = {kpi_name(k): v for k, v in (tolerance or {}).items()}
    table = kpis.set_index("kpi")
    missing = [n for n in names if n not in table.index]
    if missing:
        raise ParameterError("the KPI table lacks a KPI that has a target", parameter="targets",
                             value=KPIS[missing[0]].label,
                             fix="compute the KPI table with kpis=list(targets)")
    for name, target in names.items():
        if (isinstance(target, bool) or not isinstance(target, numbers.Real)
                or not np.isfinite(target)):
            raise ParameterError("a target must be a number", parameter="targets",
                                 value={KPIS[name].label: target},
                                 fix="give every KPI a number, shares as 0-1 (0.65)")
    rows = table.loc[list(names)].reset_index().drop(columns=["change"], errors="ignore")
    rows["target"] = [float(names[n]) for n in rows["kpi"]]
    rows["higher_is_better"] = [KPIS[n].higher_is_better for n in rows["kpi"]]
    rows["tolerance"] = [float(tolerance.get(n, 0.0)) for n in rows["kpi"]]
    if "label" not in rows.columns:
        rows["label"] = [KPIS[n].label for n in rows["kpi"]]
    if "change_significant" in rows.columns:
        rows["change_significant"] = rows["change_significant"].astype(object).where(
            rows["change_significant"].notna(), None)
    card = scorecard(rows)
    tested = card["change_significant"].notna() if "change_significant" in card else \
        pd.Series(False, index=card.index)
    card["verdict"] = np.where(~tested | card["change"].isna(), "not tested",
                               np.where(card["trend"].isin(["up", "down"]), "a real change",
                                        "no real change"))
    return card


def record_scorecard(card, decimals=None):
    """Record each KPI of a scorecard in ``results.json`` (name, value, CI, n, target, status).

    Parameters
    ----------
    card : pandas.DataFrame
        The output of :func:`kpi_scorecard`.
    decimals : int, optional
        Round values and intervals (default: stored as computed).

    Returns
    -------
    list of dict
        The stored entries, one per KPI, named after the KPI's short name
        (``nps``, ``csat_top2``, ``ces_mean``, ``churn_rate``,
        ``revenue_per_customer``, ``repeat_purchase_rate``).

    Examples
    --------
    >>> import os, tempfile
    >>> import pandas as pd
    >>> from cxresearch.reporting import read_results
    >>> os.environ["CXRESEARCH_RUN_DIR"] = tempfile.mkdtemp()
    >>> kpis = pd.DataFrame({"kpi": ["nps"], "label": ["NPS"], "period": ["2025Q4"],
    ...                      "value": [22.3], "previous": [22.1], "unit": ["points"]})
    >>> entries = record_scorecard(kpi_scorecard(kpis, {"NPS": 25}))
    >>> read_results(os.environ.pop("CXRESEARCH_RUN_DIR"))["nps"]["status"]
    'off target'
    """
    from .reporting import record

    _check_frame(card, "card")

    def number(value):
        if value is None or pd.isna(value):
            return None
        return round(float(value), decimals) if decimals is not None else float(value)

    entries = []
    for row in card.to_dict("records"):
        period = row.get("period")
        label = f"{row.get('label') or row['kpi']}, {period}" if period else row.get("label")
        note = None
        if row.get("previous_period") and not pd.isna(row.get("change")):
            note = f"change vs {row['previous_period']}: {format_change(row['change'], row.get('unit', ''))} ({row['verdict']})"
        entries.append(record(
            row["kpi"], number(row["value"]), unit=row.get("unit", ""), label=label,
            ci_low=number(row.get("ci_low")), ci_high=number(row.get("ci_high")),
            n=None if pd.isna(row.get("n", np.nan)) else int(row["n"]),
            target=number(row["target"]), status=row["status"], note=note))
    return entries


def record_top_mover(top, attributes=None, movers=None):
    """Record the top mover (and the attribute that dropped most in it) in ``results.json``.

    Parameters
    ----------
    top : dict or None
        :func:`top_mover`'s result; None records "none" (nothing testable).
    attributes : pandas.DataFrame, optional
        :func:`attribute_changes` for the top mover's answers.
    movers : pandas.DataFrame, optional
        The :func:`why_it_moved` table, for the two periods' names.

    Returns
    -------
    list of dict
        The entries: ``top_mover`` (value: the group's label; note: its
        dimension and change), ``top_mover_change`` (points, with CI and
        ``n`` = answers in the period), and, with ``attributes``,
        ``top_mover_attribute`` (value: the attribute column that dropped
        most when the mover fell, rose most when it rose; note: its change).

    Examples
    --------
    >>> import os, tempfile
    >>> from cxresearch.reporting import read_results
    >>> os.environ["CXRESEARCH_RUN_DIR"] = tempfile.mkdtemp()
    >>> top = {"dimension": "region", "group": "Poland", "where": {"region": "Poland"},
    ...        "nps_before": 24.7, "nps_after": 12.4, "change": -12.3, "ci_low": -21.8,
    ...        "ci_high": -2.9, "p_value": 0.011, "p_fdr": 0.065, "significant": False,
    ...        "n_after": 623, "contribution": -1.9}
    >>> _ = record_top_mover(top)
    >>> read_results(os.environ.pop("CXRESEARCH_RUN_DIR"))["top_mover"]["value"]
    'Poland'
    """
    from .reporting import record

    span = ""
    if movers is not None and "period" in movers.attrs:
        span = f", {movers.attrs['previous']} to {movers.attrs['period']}"
    if top is None:
        return [record("top_mover", None, label=f"Top NPS mover{span}",
                       note="no group had enough answers in both periods to test")]
    verdict = "significant" if top["significant"] else "not significant"
    entries = [
        record("top_mover", top["group"], label=f"Top NPS mover{span}",
               note=f"{_dimension_name(top['dimension'])}: NPS {top['nps_before']:.1f} -> "
                    f"{top['nps_after']:.1f} ({top['change']:+.1f} points; p = {top['p_value']:.3g}, "
                    f"FDR-adjusted {top['p_fdr']:.3g}, {verdict})"),
        record("top_mover_change", float(top["change"]), unit="points",
               label=f"NPS change of {top['group']}{span}", ci_low=float(top["ci_low"]),
               ci_high=float(top["ci_high"]), n=int(top["n_after"]))]
    falling = top["change"] < 0
    first = _attribute_in_direction(attributes, falling)
    if first is not None:
        entries.append(record(
            "top_mover_attribute", first["attribute"],
            label=f"Attribute that {'dropped' if falling else 'rose'} most in {top['group']}",
            note=f"mean {first['mean_before']:.2f} -> {first['mean_after']:.2f} "
                 f"({first['change']:+.2f} on 1-5; p = {first['p_value']:.3g})"))
    return entries


# --------------------------------------------------------------------------
# privacy: small cells and their complements
# --------------------------------------------------------------------------

def withhold_small_cells(table, n="n", within=None, min_n_privacy=None):
    """Which groups of a table to withhold: small ones, and those that would reveal them.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per group, with its number of answers.
    n : str, default "n"
        Column with each group's number of answers.
    within : str or list of str, optional
        Columns whose values form published subtotals (e.g. ``"region"`` for
        a store table when region NPS is shown too). The whole table is
        always one subtotal (the overall figure).
    min_n_privacy : int, optional
        Groups with 1 to ``min_n_privacy - 1`` answers are withheld (default
        ``config.MIN_N_PRIVACY``).

    Returns
    -------
    pandas.Series
        Indexed like ``table``, named ``withheld_reason``: None for a shown
        group, ``"fewer than <min> answers"`` (primary suppression) or
        ``"protects a small group"`` (secondary suppression).

    Notes
    -----
    A total the report shows (overall NPS, a region's NPS) minus the shown
    groups gives the withheld groups' combined result. If that combination
    is a single group, or fewer than ``min_n_privacy`` answers, it reveals
    what was withheld. So, within the whole table and within every slice of
    ``within``, the withheld groups (with answers) must be none, or at least
    two holding at least ``min_n_privacy`` answers together; while a slice
    breaks the rule, its smallest shown group is withheld too ("secondary
    suppression", e.g. Hundepool et al., *Statistical Disclosure Control*,
    2012, ch. 4). Groups with no answers reveal nothing and are ignored.

    Examples
    --------
    >>> import pandas as pd
    >>> stores = pd.DataFrame({"store": ["A", "B", "C", "D"], "n": [6, 40, 25, 80]})
    >>> withhold_small_cells(stores).tolist()
    ['fewer than 10 answers', None, 'protects a small group', None]
    """
    _check_frame(table, "table")
    if n not in table.columns:
        raise ParameterError("no such column in the table", column=n, parameter="n",
                             fix="name the column holding each group's number of answers")
    min_n = _check_count(min_n_privacy, "min_n_privacy", config.MIN_N_PRIVACY)
    within = [] if within is None else _columns(within, "within")
    check_columns(table, within, "within", where="the table")
    counts = pd.to_numeric(table[n], errors="coerce").fillna(0).to_numpy(dtype=np.int64)
    present = counts > 0
    withheld = present & (counts < min_n)
    reason = np.where(withheld, f"fewer than {min_n} answers", None).astype(object)
    # subtotals first: a cell withheld to protect a region also protects the overall total,
    # while the overall's smallest cell may sit in another region and protect nothing there
    slices = []
    for column in within:
        slices += list(table.reset_index(drop=True).groupby(column, sort=False,
                                                            dropna=False).indices.values())
    slices.append(np.arange(len(table)))
    changed = withheld.any()
    while changed:
        changed = False
        for rows in slices:
            hidden = rows[withheld[rows] & present[rows]]
            if len(hidden) == 0 or (len(hidden) >= 2 and counts[hidden].sum() >= min_n):
                continue
            candidates = rows[~withheld[rows] & present[rows]]
            if len(candidates) == 0:
                continue
            pick = candidates[np.argmin(counts[candidates])]
            withheld[pick] = True
            reason[pick] = "protects a small group"
            changed = True
    return pd.Series(reason, index=table.index, name="withheld_reason", dtype=object)


def _note(reason, reliable, min_n_reliable):
    if reason is not None:
        return f"withheld: {reason}"
    if not reliable:
        return f"unreliable: fewer than {min_n_reliable} answers"
    return ""


# --------------------------------------------------------------------------
# league table
# --------------------------------------------------------------------------

def league_table(data, by="region", period="latest", freq="Q", *, date="date", score="nps",
                 units=None, labels=None, within=None, ci=config.CONFIDENCE, min_n_privacy=None,
                 min_n_reliable=None):
    """NPS per region or store in one period, ranked, each tested against the rest.

    Parameters
    ----------
    data : pandas.DataFrame
        Long-form answers with a date and an NPS column.
    by : str or list of str, default "region"
        Grouping column(s), e.g. ``"region"`` or ``"unit_id"``.
    period : str or pandas.Period, default "latest"
        Reporting period (see :func:`cxresearch.kpis.reporting_period`).
    freq : {"Q", "M"}, default "Q"
        Period length.
    date, score : str
        Date and NPS (0-10) columns.
    units : pandas.DataFrame, optional
        With ``by="unit_id"``: store names label the groups and, when the
        answers carry ``region``, withholding protects region totals too.
    labels : dict or pandas.Series, optional
        Names to show for the keys of a single ``by`` column.
    within : str or list of str, optional
        Published subtotals to protect (see :func:`withhold_small_cells`);
        added to the output (first value per group).
    ci : float
        Confidence level; a group differs from the rest when ``p_fdr < 1 - ci``.
    min_n_privacy, min_n_reliable : int, optional
        Withholding and reliability thresholds (``config`` defaults).

    Returns
    -------
    pandas.DataFrame
        One row per group with answers in the period: the ``by`` and
        ``within`` columns, ``group`` (label), ``n``, ``nps``, ``ci_low``,
        ``ci_high``, ``reliable``, ``difference`` (group - rest, points),
        ``diff_ci_low``, ``diff_ci_high``, ``p_value``, ``p_fdr``
        (Benjamini-Hochberg over the shown groups), ``significant``,
        ``withheld``, ``note``, ``rank`` (1 = highest NPS among shown
        groups). Shown groups come first, by rank; withheld rows follow
        with their ``n`` and every value NaN.

    Notes
    -----
    NPS, intervals and the group-vs-rest test are those of
    :func:`cxresearch.nps` and :func:`cxresearch.compare_nps` (Wald,
    unweighted). The FDR correction runs over the groups shown, so no
    adjusted p-value depends on a withheld group's result.

    Examples
    --------
    >>> import cxresearch as cx
    >>> from cxresearch.dashboard import league_table
    >>> table = league_table(cx.read_dataset("responses"), "region", "2025Q4")
    >>> table[["group", "n", "rank"]].head(2)
               group     n  rank
    0  Greater China  1003     1
    1         Poland  1841     2
    """
    _check_frame(data)
    ci = _check_ci(ci)
    min_n_privacy, min_n_reliable = _thresholds(min_n_privacy, min_n_reliable)
    by = _columns(by)
    _need(data, by + [score], "by")
    labels, within = _unit_options(by, data, units, labels, within)
    within = [] if within is None else [w for w in _columns(within, "within") if w not in by]
    _need(data, within, "within")
    names = _names(labels)
    period, _, stamp = _periods(data, date, period, None, freq)

    sub = data[(stamp == period).to_numpy()]
    keys, label = _keys(sub, by)
    work = pd.DataFrame({"_group": label.to_numpy(), score: sub[score].to_numpy()})
    scores = nps(work, score=score, by="_group", ci=ci, min_n_privacy=0, min_n_reliable=0)
    rest = compare_nps(work, score=score, group="_group", ci=ci, min_n_privacy=0)
    table = keys.assign(_group=label.to_numpy()).drop_duplicates("_group").set_index("_group")
    for column in within:
        table[column] = sub.groupby(label.to_numpy())[column].first()
    out = table.loc[scores["_group"]].reset_index(drop=True)
    out["group"] = _display_labels(list(scores["_group"]), names) if len(by) == 1 else \
        list(scores["_group"])
    out["n"] = scores["n"].to_numpy()
    for column in ("nps", "ci_low", "ci_high"):
        out[column] = scores[column].to_numpy()
    out["reliable"] = (out["n"] >= min_n_reliable).to_numpy()
    rest = rest.set_index("_group").loc[scores["_group"]]
    out["difference"] = rest["difference"].to_numpy()
    out["diff_ci_low"] = rest["ci_low"].to_numpy()
    out["diff_ci_high"] = rest["ci_high"].to_numpy()
    out["p_value"] = rest["p_value"].to_numpy()

    reason = withhold_small_cells(out, within=within or None, min_n_privacy=min_n_privacy)
    withheld = reason.notna().to_numpy()
    for column in ("nps", "ci_low", "ci_high", "difference", "diff_ci_low", "diff_ci_high",
                   "p_value"):
        out[column] = np.where(withheld, np.nan, out[column].to_numpy(dtype=float))
    out["reliable"] &= ~withheld
    out["p_fdr"] = _fdr(out["p_value"])
    out["significant"] = (out["p_fdr"] < 1 - ci).to_numpy()
    out["withheld"] = withheld
    out["note"] = [_note(r, ok, min_n_reliable) for r, ok in zip(reason, out["reliable"])]
    order = out.assign(_hidden=withheld, _neg=-out["nps"].fillna(-np.inf)).sort_values(
        ["_hidden", "_neg", "group"], kind="stable").index
    out = out.loc[order].reset_index(drop=True)
    rank = np.where(out["withheld"], np.nan, np.arange(1, len(out) + 1))
    out["rank"] = pd.array(rank, dtype="Int64")
    return out[by + within + list(LEAGUE_COLUMNS)]


# --------------------------------------------------------------------------
# why it moved: decomposition and movers
# --------------------------------------------------------------------------

def _two_periods(data, by, period, previous, stamp, score, ci):
    """Per group: answers, share and NPS (with se) in both periods, unsuppressed."""
    when = np.where(stamp == period, "after", np.where(stamp == previous, "before", None))
    keep = when != None  # noqa: E711 (element-wise)
    sub = data[keep]
    keys, label = _keys(sub, by)
    work = pd.DataFrame({"_group": label.to_numpy(), "_when": when[keep],
                         score: sub[score].to_numpy()})
    table = nps(work, score=score, by=["_group", "_when"], ci=ci, min_n_privacy=0, min_n_reliable=0)
    wide = table.pivot(index="_group", columns="_when", values=["n", "nps", "se"])
    out = keys.assign(_group=label.to_numpy()).drop_duplicates("_group").set_index("_group")
    out = out.loc[wide.index]
    for side in ("before", "after"):
        n = wide["n"][side] if side in wide["n"] else pd.Series(0, index=wide.index)
        out[f"n_{side}"] = n.fillna(0).astype(np.int64)
        for value in ("nps", "se"):
            column = (wide[value][side] if side in wide[value]
                      else pd.Series(np.nan, index=wide.index))
            out[f"{value}_{side}"] = column.astype(float)
    for side, name in (("before", str(previous)), ("after", str(period))):
        if out[f"n_{side}"].sum() == 0:
            raise ParameterError(f"no {score} answers in {name}", parameter="period", value=name,
                                 fix="pick periods that both have answers")
    return out


def _decompose(wide):
    """Rate and mix effects (see decompose_nps_change) on the unsuppressed wide table."""
    n0, n1 = wide["n_before"].to_numpy(float), wide["n_after"].to_numpy(float)
    s0, s1 = n0 / n0.sum(), n1 / n1.sum()
    a0, a1 = wide["nps_before"].to_numpy(float), wide["nps_after"].to_numpy(float)
    # a group absent in one period keeps its other period's NPS: no rate effect, only mix
    a0 = np.where(n0 > 0, a0, np.where(n1 > 0, a1, 0.0))
    a1 = np.where(n1 > 0, a1, a0)
    total0, total1 = s0 @ a0, s1 @ a1
    rate = (s0 + s1) / 2 * (a1 - a0)
    mix = (s1 - s0) * ((a0 + a1) / 2 - (total0 + total1) / 2)
    return s0, s1, rate, mix, total0, total1


def decompose_nps_change(data, by, period="latest", previous=None, freq="Q", *, date="date",
                         score="nps", within=None, min_n_privacy=None):
    """Split the change in overall NPS into each group's rate and mix effects.

    Parameters
    ----------
    data : pandas.DataFrame
        Long-form answers with a date and an NPS column.
    by : str or list of str
        The groups (touchpoint, region, store, or a combination). Answers
        with an empty key form the group ``"(not given)"``, so every answer
        counts and the effects add up to the overall change.
    period : str or pandas.Period, default "latest"
        Reporting period (see :func:`cxresearch.kpis.reporting_period`).
    previous : str or pandas.Period, optional
        Period to compare with; default the one before ``period``.
    freq : {"Q", "M"}, default "Q"
        Period length.
    date, score : str
        Date and NPS columns.
    within : str or list of str, optional
        Published subtotals to protect (see :func:`withhold_small_cells`).
    min_n_privacy : int, optional
        Withholding threshold; ``0`` shows every group, and then the
        ``contribution`` column sums exactly to the overall change.

    Returns
    -------
    pandas.DataFrame
        One row per group: the ``by`` columns, ``group``, ``n_before``,
        ``n_after``, ``share_before``, ``share_after`` (share of the
        period's answers), ``nps_before``, ``nps_after``, ``rate_effect``,
        ``mix_effect``, ``contribution`` (their sum), ``withheld``. The
        overall NPS of both periods is in ``.attrs["nps_before"]`` and
        ``.attrs["nps_after"]``.

    Notes
    -----
    With s_g the share of a period's answers in group g and N_g the group's
    NPS, overall NPS = sum_g s_g N_g. Writing a bar for the mean of the two
    periods and N for the overall NPS (so N-bar is the mean of the two
    overall scores),

        rate_g = s-bar_g (N1_g - N0_g)
        mix_g  = (s1_g - s0_g) (N-bar_g - N-bar)

    and sum_g (rate_g + mix_g) = N1 - N0 exactly: s1 N1 - s0 N0 =
    s-bar (N1 - N0) + (s1 - s0) N-bar_g for every group, and the shares'
    changes sum to 0, so subtracting N-bar from N-bar_g changes no total.
    The rate effect is what the group's own score change did; the mix effect
    is what the shift of answers towards or away from the group did (a
    shift towards a group scoring above average raises the total). This is
    the symmetric (midpoint, Shapley) form of the Kitagawa decomposition,
    so no order of the two effects is favoured. A group with answers in one
    period only has no rate effect.

    References
    ----------
    Kitagawa, E. M. (1955). Components of a difference between two rates.
    Journal of the American Statistical Association, 50(272), 1168-1194.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({
    ...     "date": pd.to_datetime(["2025-01-10"] * 20 + ["2025-04-10"] * 20),
    ...     "channel": (["web"] * 10 + ["store"] * 10) + (["web"] * 15 + ["store"] * 5),
    ...     "nps": [10] * 5 + [3] * 5 + [10] * 10 + [10] * 6 + [3] * 9 + [10] * 5})
    >>> table = decompose_nps_change(answers, "channel", "2025Q2", min_n_privacy=0)
    >>> table[["group", "nps_before", "nps_after", "rate_effect", "mix_effect"]]
       group  nps_before  nps_after  rate_effect  mix_effect
    0  store       100.0      100.0          0.0       -17.5
    1    web         0.0      -20.0        -12.5       -10.0
    >>> float(table["contribution"].sum()), table.attrs["nps_after"] - table.attrs["nps_before"]
    (-40.0, -40.0)
    """
    moved = nps_movers(data, by, period, previous, freq, date=date, score=score, within=within,
                       min_n_privacy=min_n_privacy, min_n_reliable=0)
    by = _columns(by)
    out = moved[by + ["group", "n_before", "n_after", "share_before", "share_after",
                      "nps_before", "nps_after", "rate_effect", "mix_effect", "contribution",
                      "withheld"]]
    out = out.sort_values("group", kind="stable").reset_index(drop=True)
    out.attrs.update(moved.attrs)
    return out


def nps_movers(data, by, period="latest", previous=None, freq="Q", *, date="date", score="nps",
               units=None, labels=None, within=None, ci=config.CONFIDENCE, min_n_privacy=None,
               min_n_reliable=None, rank_by="evidence"):
    """The groups whose NPS moved most since the previous period, and what that did to the total.

    Parameters
    ----------
    data : pandas.DataFrame
        Long-form answers with a date and an NPS column.
    by : str or list of str
        The groups: ``"touchpoint"``, ``"region"``, ``"unit_id"``, or a
        combination such as ``["region", "touchpoint"]``.
    period, previous, freq, date, score
        As in :func:`decompose_nps_change`.
    units, labels
        Store names (and region slices) for ``by="unit_id"``, as in
        :func:`league_table`.
    within : str or list of str, optional
        Published subtotals to protect (see :func:`withhold_small_cells`).
        With several ``by`` columns each of them is a subtotal by default.
    ci : float
        Confidence level of the change's interval; significant when
        ``p_fdr < 1 - ci``.
    min_n_privacy, min_n_reliable : int, optional
        Withholding and reliability thresholds (``config`` defaults); a
        group is reliable when both periods have ``min_n_reliable`` answers.
    rank_by : {"evidence", "change", "contribution"}, default "evidence"
        Order of the movers: by |z| of the change (how unlikely it is to be
        noise; a large change in a tiny group ranks low), by |change| in
        points, or by |contribution| to the overall change.

    Returns
    -------
    pandas.DataFrame
        One row per group with answers in either period: the ``by`` columns,
        ``group``, ``n_before``, ``n_after``, ``share_before``,
        ``share_after``, ``nps_before``, ``nps_after``, ``change`` (after -
        before, points), ``ci_low``, ``ci_high``, ``z``, ``p_value``,
        ``p_fdr`` (Benjamini-Hochberg over the shown groups),
        ``significant``, ``rate_effect``, ``mix_effect``, ``contribution``
        (see :func:`decompose_nps_change`), ``reliable``, ``withheld``,
        ``note``, ``rank``. Sorted by rank: shown, testable, reliable groups
        first; withheld groups last, with no rank.

    Notes
    -----
    The change is tested as two independent samples with the Wald variance
    of :func:`cxresearch.nps` (as :func:`cxresearch.compare_nps` does):
    z = change / sqrt(se_before^2 + se_after^2). Each period's groups are
    withheld by :func:`withhold_small_cells`; a group withheld in either
    period shows neither its change nor its contribution, and the period
    where it is small shows no NPS.

    Examples
    --------
    >>> import cxresearch as cx
    >>> from cxresearch.dashboard import nps_movers
    >>> moved = nps_movers(cx.read_dataset("responses"), "region", "2025-03", freq="M")
    >>> moved[["group", "nps_before", "nps_after", "change"]].head(2).round(1)
              group  nps_before  nps_after  change
    0        Poland        24.7       12.4   -12.3
    1  UK & Ireland        17.2       24.0     6.8
    """
    _check_frame(data)
    ci = _check_ci(ci)
    min_n_privacy, min_n_reliable = _thresholds(min_n_privacy, min_n_reliable)
    if rank_by not in _RANK_BY:
        raise ParameterError("unknown ranking", parameter="rank_by", value=rank_by,
                             fix=f"use one of {', '.join(map(repr, _RANK_BY))}")
    by = _columns(by)
    _need(data, by + [score], "by")
    labels, within = _unit_options(by, data, units, labels, within)
    within = list(by) if within is None and len(by) > 1 else \
        ([] if within is None else _columns(within, "within"))
    extra = [w for w in within if w not in by]
    _need(data, extra, "within")
    names = _names(labels)
    period, previous, stamp = _periods(data, date, period, previous, freq)

    wide = _two_periods(data, by, period, previous, stamp, score, ci)
    if extra:
        sub = data[((stamp == period) | (stamp == previous)).to_numpy()]
        _, label = _keys(sub, by)
        for column in extra:
            wide[column] = sub.groupby(label.to_numpy())[column].first()
    s0, s1, rate, mix, total0, total1 = _decompose(wide)
    out = wide.reset_index(drop=False)
    out["group"] = _display_labels(list(out["_group"]), names) if len(by) == 1 else \
        list(out["_group"])
    out["share_before"], out["share_after"] = s0, s1
    change = out["nps_after"] - out["nps_before"]
    se = np.sqrt(out["se_before"] ** 2 + out["se_after"] ** 2)
    q = stats.norm.ppf(0.5 + ci / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (change / se).to_numpy(dtype=float)
    z = np.where((se == 0) & (change == 0), 0.0, z)
    out["change"] = change
    out["ci_low"], out["ci_high"] = change - q * se, change + q * se
    out["z"] = z
    out["p_value"] = 2 * stats.norm.sf(np.abs(z))
    out["rate_effect"], out["mix_effect"], out["contribution"] = rate, mix, rate + mix

    slices = within or None
    reason_before = withhold_small_cells(out, "n_before", slices, min_n_privacy)
    reason_after = withhold_small_cells(out, "n_after", slices, min_n_privacy)
    hide_before, hide_after = reason_before.notna().to_numpy(), reason_after.notna().to_numpy()
    withheld = hide_before | hide_after
    out["nps_before"] = np.where(hide_before, np.nan, out["nps_before"])
    out["nps_after"] = np.where(hide_after, np.nan, out["nps_after"])
    for column in ("change", "ci_low", "ci_high", "z", "p_value", "rate_effect", "mix_effect",
                   "contribution"):
        out[column] = np.where(withheld, np.nan, out[column].to_numpy(dtype=float))
    out["p_fdr"] = _fdr(out["p_value"])
    out["significant"] = (out["p_fdr"] < 1 - ci).to_numpy()
    out["reliable"] = ((np.minimum(out["n_before"], out["n_after"]) >= min_n_reliable)
                       & ~withheld).to_numpy()
    out["withheld"] = withheld
    reasons = [ra if ra is not None else (f"{rb} before" if rb is not None else None)
               for ra, rb in zip(reason_after, reason_before)]
    out["note"] = [_note(r, ok, min_n_reliable) for r, ok in zip(reasons, out["reliable"])]

    key = {"evidence": np.abs(out["z"]), "change": np.abs(out["change"]),
           "contribution": np.abs(out["contribution"])}[rank_by]
    testable = ~withheld & np.isfinite(out["z"].to_numpy(dtype=float))
    order = out.assign(_a=~testable, _b=~out["reliable"], _c=-key.fillna(-np.inf),
                       _d=withheld).sort_values(["_d", "_a", "_b", "_c", "group"],
                                                kind="stable").index
    out = out.loc[order].reset_index(drop=True)
    ranked = ~out["withheld"] & np.isfinite(out["z"].to_numpy(dtype=float))
    out["rank"] = pd.array(np.where(ranked, np.cumsum(ranked), np.nan), dtype="Int64")
    out = out[by + extra + list(MOVERS_COLUMNS)]
    out.attrs.update(period=str(period), previous=str(previous), nps_before=float(total0),
                     nps_after=float(total1))
    return out


def why_it_moved(data, dimensions=("touchpoint", "region", ("region", "touchpoint"), "unit_id"),
                 period="latest", previous=None, freq="Q", *, date="date", score="nps", units=None,
                 ci=config.CONFIDENCE, min_n_privacy=None, min_n_reliable=None,
                 rank_by="evidence"):
    """The NPS movers of several dimensions in one long table.

    Parameters
    ----------
    data : pandas.DataFrame
        Long-form answers.
    dimensions : sequence
        Each a column or a tuple of columns (a combination such as region ×
        touchpoint). Default: touchpoint, region, region × touchpoint, store.
    period, previous, freq, date, score, ci, min_n_privacy, min_n_reliable, rank_by
        As in :func:`nps_movers`.
    units : pandas.DataFrame, optional
        Stores (``unit_id``, ``unit_name``, ``region``): names the stores and
        protects region totals when withholding small stores.

    Returns
    -------
    pandas.DataFrame
        ``dimension`` (the columns, joined by " × "), then the columns of
        :func:`nps_movers` (``rank`` within its dimension), then the key
        columns of all dimensions (empty where a row's dimension lacks
        them). ``.attrs`` holds ``period``, ``previous``, ``nps_before``,
        ``nps_after``.

    Examples
    --------
    >>> import cxresearch as cx
    >>> from cxresearch.dashboard import why_it_moved
    >>> moved = why_it_moved(cx.read_dataset("responses"), ["region", ("region", "touchpoint")],
    ...                      "2025-03", freq="M")
    >>> moved.loc[moved["rank"] == 1, ["dimension", "group"]]
                 dimension              group
    0               region             Poland
    6  region × touchpoint  Poland × Delivery
    """
    _check_frame(data)
    if isinstance(dimensions, str) or not isinstance(dimensions, (list, tuple)) or not dimensions:
        raise ParameterError("dimensions must be a list of columns or column tuples",
                             parameter="dimensions", value=dimensions,
                             fix='use e.g. ["touchpoint", "region", ("region", "touchpoint")]')
    parts, keys = [], []
    attrs = {}
    for dimension in dimensions:
        by = _columns(list(dimension) if isinstance(dimension, (list, tuple)) else dimension,
                      "dimensions")
        moved = nps_movers(data, by, period, previous, freq, date=date, score=score, units=units,
                           ci=ci, min_n_privacy=min_n_privacy, min_n_reliable=min_n_reliable,
                           rank_by=rank_by)
        attrs = moved.attrs
        own = [c for c in moved.columns if c not in MOVERS_COLUMNS]
        keys += [c for c in own if c not in keys]
        parts.append(moved.assign(dimension=_JOIN.join(by)))
    out = pd.concat(parts, ignore_index=True)
    out = out[["dimension", *MOVERS_COLUMNS, *keys]]
    out.attrs.update(attrs)
    return out


def top_movers(movers, n=3):
    """The first ``n`` ranked movers of each dimension, in the table's order of dimensions.

    Parameters
    ----------
    movers : pandas.DataFrame
        The output of :func:`why_it_moved` (or :func:`nps_movers`).
    n : int, default 3

    Returns
    -------
    pandas.DataFrame
        The rows with ``rank <= n``.

    Examples
    --------
    >>> import cxresearch as cx
    >>> from cxresearch.dashboard import top_movers, why_it_moved
    >>> moved = why_it_moved(cx.read_dataset("responses"), ["region"], "2025-03", freq="M")
    >>> top_movers(moved, 2)["group"].tolist()
    ['Poland', 'UK & Ireland']
    """
    _check_frame(movers, "movers")
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ParameterError("n must be a whole number, 1 or more", parameter="n", value=n)
    rows = movers[movers["rank"].fillna(0).between(1, n)]
    if "dimension" in movers.columns:
        order = {d: i for i, d in enumerate(pd.unique(movers["dimension"]))}
        rows = rows.assign(_d=rows["dimension"].map(order)).sort_values(
            ["_d", "rank"], kind="stable").drop(columns="_d")
    return rows.reset_index(drop=True)


def top_mover(movers, dimension=None):
    """The one group whose NPS change is least likely to be noise.

    Parameters
    ----------
    movers : pandas.DataFrame
        The output of :func:`why_it_moved`.
    dimension : str, optional
        Only this dimension (e.g. ``"region"``); default all.

    Returns
    -------
    dict or None
        ``dimension``, ``group``, ``where`` (``{column: value}`` selecting
        its answers, for :func:`attribute_changes`), ``nps_before``,
        ``nps_after``, ``change``, ``ci_low``, ``ci_high``, ``p_value``,
        ``p_fdr``, ``significant``, ``n_after``, ``contribution``; None when
        no group can be tested.

    Notes
    -----
    Among shown, testable groups, reliable ones first, then the smallest
    FDR-adjusted p-value (which, across dimensions, penalises a dimension
    with many groups), then the largest |z|.

    Examples
    --------
    >>> import cxresearch as cx
    >>> from cxresearch.dashboard import top_mover, why_it_moved
    >>> moved = why_it_moved(cx.read_dataset("responses"), ["region", ("region", "touchpoint")],
    ...                      "2025-03", freq="M")
    >>> top = top_mover(moved)
    >>> top["group"], top["where"]
    ('Poland', {'region': 'Poland'})
    >>> top_mover(moved, "region × touchpoint")["group"]
    'Poland × Delivery'
    """
    _check_frame(movers, "movers")
    if "dimension" not in movers.columns:
        raise ParameterError("not a why_it_moved table", parameter="movers", column="dimension",
                             fix="pass the output of why_it_moved()")
    rows = movers if dimension is None else movers[movers["dimension"] == dimension]
    rows = rows[rows["rank"].notna()]
    if rows.empty:
        return None
    rows = rows.assign(_r=~rows["reliable"].astype(bool), _a=-np.abs(rows["z"]))
    best = rows.sort_values(["_r", "p_fdr", "_a"], kind="stable").iloc[0]
    columns = best["dimension"].split(_JOIN)
    result = {"dimension": best["dimension"], "group": best["group"],
              "where": {c: best[c] for c in columns}}
    for key in ("nps_before", "nps_after", "change", "ci_low", "ci_high", "p_value", "p_fdr",
                "significant", "n_after", "contribution"):
        value = best[key]
        result[key] = value.item() if isinstance(value, np.generic) else value
    return result


def drill_down(movers, top, n=3):
    """Inside a mover: the finer groups (e.g. its touchpoints) that moved most.

    Parameters
    ----------
    movers : pandas.DataFrame
        The output of :func:`why_it_moved`.
    top : dict
        A mover, as returned by :func:`top_mover`.
    n : int, default 3
        How many rows to keep.

    Returns
    -------
    pandas.DataFrame
        Rows of every dimension that contains the mover's columns and more
        (for the region Poland: the region × touchpoint cells of Poland),
        shown and testable, by strength of evidence (|z|). Empty when there
        is no finer dimension.

    Examples
    --------
    >>> import cxresearch as cx
    >>> from cxresearch.dashboard import drill_down, top_mover, why_it_moved
    >>> moved = why_it_moved(cx.read_dataset("responses"), ["region", ("region", "touchpoint")],
    ...                      "2025-03", freq="M")
    >>> drill_down(moved, top_mover(moved), n=1)["group"].tolist()
    ['Poland × Delivery']
    """
    _check_frame(movers, "movers")
    if not isinstance(top, Mapping) or "where" not in top:
        raise ParameterError("top must be a mover as returned by top_mover()", parameter="top",
                             value=top, fix="pass top_mover(movers)")
    wanted = set(top["where"])
    finer = [d for d in pd.unique(movers["dimension"])
             if wanted < set(d.split(_JOIN))]
    rows = movers[movers["dimension"].isin(finer) & movers["rank"].notna()]
    for column, value in top["where"].items():
        rows = rows[rows[column] == value]
    rows = rows.assign(_z=-np.abs(rows["z"])).sort_values(["_z"], kind="stable")
    return rows.drop(columns="_z").head(n).reset_index(drop=True)


# --------------------------------------------------------------------------
# attributes
# --------------------------------------------------------------------------

def attribute_changes(data, period="latest", previous=None, freq="Q", *, date="date",
                      attributes=None, where=None, ci=config.CONFIDENCE, min_n_privacy=None):
    """How each attribute rating changed since the previous period, biggest drop first.

    Parameters
    ----------
    data : pandas.DataFrame
        Long-form answers with a date and attribute ratings.
    period, previous, freq, date
        As in :func:`decompose_nps_change`.
    attributes : list of str, optional
        Rating columns; default every column starting with ``attr_``.
    where : dict, optional
        ``{column: value}`` selecting the answers to look at, e.g. the
        ``where`` of :func:`top_mover`.
    ci : float
        Confidence level; significant when ``p_fdr < 1 - ci``.
    min_n_privacy : int, optional
        A period's mean from fewer ratings is withheld (default
        ``config.MIN_N_PRIVACY``).

    Returns
    -------
    pandas.DataFrame
        One row per attribute: ``attribute``, ``n_before``, ``n_after``
        (ratings given), ``mean_before``, ``mean_after``, ``change``,
        ``ci_low``, ``ci_high``, ``t``, ``df``, ``p_value`` (Welch's t-test),
        ``p_fdr`` (Benjamini-Hochberg over the attributes), ``significant``,
        ``withheld``, ``rank`` (1 = largest drop). Sorted by rank.

    Notes
    -----
    Welch: se = sqrt(v0/n0 + v1/n1) with sample variances v, t = change /
    se, df = se^4 / ((v0/n0)^2/(n0-1) + (v1/n1)^2/(n1-1)), two-sided p and
    a t interval on df degrees of freedom (as ``scipy.stats.ttest_ind``
    with ``equal_var=False``). Ratings are unweighted.

    Examples
    --------
    >>> import cxresearch as cx
    >>> from cxresearch.dashboard import attribute_changes
    >>> table = attribute_changes(cx.read_dataset("responses"), "2025-03", freq="M",
    ...                           where={"region": "Poland", "touchpoint": "Delivery"})
    >>> table.loc[0, "attribute"], round(float(table.loc[0, "change"]), 2)
    ('attr_delivery', -1.3)
    """
    _check_frame(data)
    ci = _check_ci(ci)
    min_n = _check_count(min_n_privacy, "min_n_privacy", config.MIN_N_PRIVACY)
    if attributes is None:
        attributes = [c for c in data.columns if isinstance(c, str) and c.startswith("attr_")]
        if not attributes:
            raise ParameterError("the answers have no attribute ratings (attr_* columns)",
                                 parameter="attributes",
                                 fix="map the rating columns to names starting with 'attr_'")
    attributes = _columns(attributes, "attributes")
    _need(data, attributes, "attributes")
    period, previous, stamp = _periods(data, date, period, previous, freq)
    mask = np.ones(len(data), dtype=bool)
    if where is not None:
        if not isinstance(where, Mapping):
            raise ParameterError("where must be a dict {column: value}", parameter="where",
                                 value=where, fix="use e.g. {'region': 'Poland'}")
        _need(data, list(where), "where")
        for column, value in where.items():
            text = data[column].astype(object).where(data[column].notna(), NOT_GIVEN).map(str)
            mask &= (text == str(value)).to_numpy()
        if not mask.any():
            raise ParameterError("no answers match", parameter="where", value=dict(where),
                                 fix="use values that occur in the data")
    rows = []
    for attribute in attributes:
        values = pd.to_numeric(data[attribute], errors="coerce")
        sides = []
        for p in (previous, period):
            x = values[mask & (stamp == p).to_numpy()].dropna().to_numpy(dtype=float)
            sides.append((len(x), x.mean() if len(x) else np.nan,
                          x.var(ddof=1) if len(x) > 1 else np.nan))
        (n0, m0, v0), (n1, m1, v1) = sides
        a, b = v0 / n0 if n0 else np.nan, v1 / n1 if n1 else np.nan
        se = np.sqrt(a + b)
        with np.errstate(divide="ignore", invalid="ignore"):
            df = (a + b) ** 2 / (a ** 2 / (n0 - 1) + b ** 2 / (n1 - 1)) if n0 > 1 and n1 > 1 \
                else np.nan
            t = (m1 - m0) / se
        q = stats.t.ppf(0.5 + ci / 2, df) if np.isfinite(df) else np.nan
        p_value = 2 * stats.t.sf(abs(t), df) if np.isfinite(t) and np.isfinite(df) else np.nan
        hide0, hide1 = 0 < n0 < min_n, 0 < n1 < min_n
        hidden = hide0 or hide1
        change = np.nan if hidden else m1 - m0
        rows.append(dict(
            attribute=attribute, n_before=n0, n_after=n1,
            mean_before=np.nan if hide0 else m0, mean_after=np.nan if hide1 else m1,
            change=change, ci_low=np.nan if hidden else change - q * se,
            ci_high=np.nan if hidden else change + q * se, t=np.nan if hidden else t,
            df=np.nan if hidden else df, p_value=np.nan if hidden else p_value,
            withheld=hidden))
    out = pd.DataFrame(rows)
    out["p_fdr"] = _fdr(out["p_value"])
    out["significant"] = (out["p_fdr"] < 1 - ci).to_numpy()
    out = out.sort_values(["change", "attribute"], kind="stable", na_position="last")
    out = out.reset_index(drop=True)
    ranked = out["change"].notna()
    out["rank"] = pd.array(np.where(ranked, np.cumsum(ranked), np.nan), dtype="Int64")
    return out[list(ATTRIBUTE_COLUMNS)]


# --------------------------------------------------------------------------
# trend
# --------------------------------------------------------------------------

def trend_until(data, period, metric="nps", freq="M", months=24, *, date="date", **kwargs):
    """A metric per month (or quarter) up to the end of the reporting period.

    Parameters
    ----------
    data : pandas.DataFrame
        Long-form answers with a date column.
    period : pandas.Period or str
        The reporting period (month or quarter); the trend ends with it.
    metric : {"nps", "csat", "ces"}, default "nps"
    freq : {"M", "Q"}, default "M"
        Length of the trend's periods.
    months : int, default 24
        How far back the trend reaches, in months (the reporting period's
        last month included); None for all the data.
    date : str
    **kwargs
        Passed to :func:`cxresearch.trend` (``min_n_privacy``, ``ci``...).

    Returns
    -------
    pandas.DataFrame
        The output of :func:`cxresearch.trend` for those answers.

    Examples
    --------
    >>> import cxresearch as cx
    >>> from cxresearch.dashboard import trend_until
    >>> table = trend_until(cx.read_dataset("responses"), "2025Q1", months=3)
    >>> table["period"].tolist()
    ['2025-01', '2025-02', '2025-03']
    """
    _check_frame(data)
    _need(data, [date], "date")
    if isinstance(period, str):
        text = period.strip()
        period = pd.Period(text, freq="Q" if "Q" in text.upper() else "M")
    if not isinstance(period, pd.Period):
        raise ParameterError("period must be a month or quarter", parameter="period",
                             value=period, fix="pass e.g. '2025-06' or '2025Q2'")
    end = period.asfreq("M", how="end")
    stamps = pd.to_datetime(data[date]).dt.to_period("M")
    keep = stamps <= end
    if months is not None:
        if isinstance(months, bool) or not isinstance(months, numbers.Integral) or months < 1:
            raise ParameterError("months must be a whole number, 1 or more", parameter="months",
                                 value=months, fix="use e.g. months=24, or None for all")
        keep &= stamps > end - int(months)
    return trend(data[keep.to_numpy()], metric=metric, date=date, freq=freq, **kwargs)


# --------------------------------------------------------------------------
# what a reader sees: formatted tables and sentences
# --------------------------------------------------------------------------

def _value(value, unit, signed=False):
    if value is None or pd.isna(value):
        return "–"
    sign = "+" if signed else ""
    if unit == "points":
        return f"{value:{sign}.1f}"
    if unit == "share":
        return f"{100 * value:{sign}.1f} pts" if signed else f"{100 * value:.1f}%"
    if unit.startswith("score"):
        return f"{value:{sign}.2f}"
    if unit:  # a currency code
        sign = "+" if signed and value > 0 else "-" if value < 0 else ""
        return f"{sign}{unit} {abs(value):,.2f}"
    return f"{value:{sign}.3g}"


def _p(value):
    if value is None or pd.isna(value):
        return "–"
    return "< 0.001" if value < 0.001 else f"{value:.3f}"


def _p_is(value):
    text = _p(value)
    return f"p {text}" if text.startswith("<") else f"p = {text}"


def _dimension_name(dimension):
    return dimension.replace("unit_id", "store")


def _ci(low, high, unit):
    if pd.isna(low) or pd.isna(high):
        return "–"
    return f"{_value(low, unit)} to {_value(high, unit)}"


def _ci_label():
    return f"{100 * config.CONFIDENCE:g}% CI"


def format_scorecard(card):
    """The scorecard as an executive reads it: one line of text per KPI.

    Parameters
    ----------
    card : pandas.DataFrame
        The output of :func:`kpi_scorecard`.

    Returns
    -------
    pandas.DataFrame
        Text columns ``KPI``, ``Value``, ``95% CI``, ``Target``, ``Gap``,
        ``Change vs <previous period>``, ``Real change?``, ``Status``,
        ``Answers / customers``. A withheld value reads "withheld".

    Examples
    --------
    >>> import pandas as pd
    >>> kpis = pd.DataFrame({"kpi": ["nps"], "label": ["NPS"], "value": [27.0],
    ...                      "previous": [22.0], "unit": ["points"], "n": [812]})
    >>> format_scorecard(kpi_scorecard(kpis, {"NPS": 25}))[["KPI", "Value", "Gap", "Status"]]
       KPI Value   Gap     Status
    0  NPS  27.0  +2.0  on target
    """
    _check_frame(card, "card")
    previous = card["previous_period"].iloc[0] if "previous_period" in card else "previous"
    rows = []
    for row in card.to_dict("records"):
        unit = row.get("unit", "")
        withheld = bool(row.get("withheld", False)) and pd.isna(row["value"])
        rows.append({
            "KPI": row.get("label", row["kpi"]),
            "Value": "withheld" if withheld else _value(row["value"], unit),
            _ci_label(): "withheld" if withheld else _ci(row.get("ci_low"), row.get("ci_high"),
                                                         unit),
            "Target": _value(row["target"], unit),
            "Gap": "withheld" if withheld else _value(row["gap"], unit, signed=True),
            f"Change vs {previous}": "withheld" if pd.isna(row["change"]) and withheld else
            _value(row["change"], unit, signed=True),
            "Real change?": {"a real change": "yes", "no real change": "no"}.get(
                row.get("verdict"), "–"),
            "Status": row["status"],
            "Answers / customers": "–" if pd.isna(row.get("n", np.nan)) else f"{int(row['n']):,}",
        })
    return pd.DataFrame(rows)


def format_league_table(table, head=None, tail=None):
    """A league table as text: withheld rows say "withheld" instead of their values.

    Parameters
    ----------
    table : pandas.DataFrame
        The output of :func:`league_table`.
    head, tail : int, optional
        Only the first ``head`` (or the last ``tail``) shown groups, the
        withheld rows summarised in one line (e.g. the best and the worst
        ten of 400 stores).

    Returns
    -------
    pandas.DataFrame
        Text columns ``Rank``, ``Group``, ``Answers``, ``NPS``, ``95% CI``,
        ``vs rest``, ``p (FDR)``, ``Note``.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"group": ["A", "B"], "n": [120, 6], "nps": [31.0, float("nan")],
    ...     "ci_low": [18.0, float("nan")], "ci_high": [44.0, float("nan")],
    ...     "difference": [4.0, float("nan")], "p_fdr": [0.4, float("nan")],
    ...     "withheld": [False, True], "note": ["", "withheld: fewer than 10 answers"],
    ...     "rank": pd.array([1, None], dtype="Int64")})
    >>> format_league_table(table)[["Group", "NPS", "vs rest"]]
      Group       NPS   vs rest
    0     A      31.0      +4.0
    1     B  withheld  withheld
    """
    _check_frame(table, "table")
    shown = table[~table["withheld"]]
    hidden = table[table["withheld"]]
    if head is not None:
        shown = shown.head(head)
    if tail is not None:
        shown = shown.tail(tail)
    short = head is not None or tail is not None
    rows = []
    for row in shown.to_dict("records"):
        rows.append({"Rank": "" if pd.isna(row["rank"]) else str(int(row["rank"])),
                     "Group": row["group"], "Answers": f"{int(row['n']):,}",
                     "NPS": _value(row["nps"], "points"),
                     _ci_label(): _ci(row["ci_low"], row["ci_high"], "points"),
                     "vs rest": _value(row["difference"], "points", signed=True),
                     "p (FDR)": _p(row["p_fdr"]), "Note": row["note"]})
    if short and len(hidden) > 0:
        rows.append({"Rank": "", "Group": f"{len(hidden)} groups withheld",
                     "Answers": f"{int(hidden['n'].sum()):,}", "NPS": "withheld",
                     _ci_label(): "withheld", "vs rest": "withheld", "p (FDR)": "withheld",
                     "Note": "too few answers, or protecting a small group"})
    else:
        for row in hidden.to_dict("records"):
            rows.append({"Rank": "", "Group": row["group"], "Answers": f"{int(row['n']):,}",
                         "NPS": "withheld", _ci_label(): "withheld", "vs rest": "withheld",
                         "p (FDR)": "withheld", "Note": row["note"]})
    return pd.DataFrame(rows, columns=["Rank", "Group", "Answers", "NPS", _ci_label(), "vs rest",
                                       "p (FDR)", "Note"])


def format_movers(movers):
    """Movers as text: before, after, change with CI, p (FDR), share and contribution.

    Parameters
    ----------
    movers : pandas.DataFrame
        Rows of :func:`why_it_moved` or :func:`nps_movers` (e.g. from
        :func:`top_movers`).

    Returns
    -------
    pandas.DataFrame
        Text columns ``Dimension`` (when present), ``Group``, ``NPS before``,
        ``NPS after``, ``Change``, ``95% CI``, ``p (FDR)``, ``Share of
        answers``, ``Contribution`` (rate + mix, points of overall NPS),
        ``Note``.

    Examples
    --------
    >>> import pandas as pd
    >>> moved = pd.DataFrame({"group": ["Poland"], "nps_before": [24.7], "nps_after": [12.4],
    ...     "change": [-12.3], "ci_low": [-23.0], "ci_high": [-1.6], "p_fdr": [0.17],
    ...     "share_after": [0.152], "rate_effect": [-2.0], "mix_effect": [0.1],
    ...     "contribution": [-1.9], "withheld": [False], "note": [""]})
    >>> format_movers(moved)[["Group", "Change", "Contribution"]]
        Group Change                Contribution
    0  Poland  -12.3  -1.9 (rate -2.0, mix +0.1)
    """
    _check_frame(movers, "movers")
    rows = []
    for row in movers.to_dict("records"):
        hidden = bool(row["withheld"])
        line = {}
        if "dimension" in row:
            line["Dimension"] = _dimension_name(row["dimension"])
        line.update({
            "Group": row["group"],
            "NPS before": "withheld" if pd.isna(row["nps_before"]) and hidden else
            _value(row["nps_before"], "points"),
            "NPS after": "withheld" if pd.isna(row["nps_after"]) and hidden else
            _value(row["nps_after"], "points"),
            "Change": "withheld" if hidden else _value(row["change"], "points", signed=True),
            _ci_label(): "withheld" if hidden else _ci(row["ci_low"], row["ci_high"], "points"),
            "p (FDR)": "withheld" if hidden else _p(row["p_fdr"]),
            "Share of answers": _value(row["share_after"], "share"),
            "Contribution": "withheld" if hidden else
            f"{row['contribution']:+.1f} (rate {row['rate_effect']:+.1f}, "
            f"mix {row['mix_effect']:+.1f})",
            "Note": row["note"],
        })
        rows.append(line)
    return pd.DataFrame(rows)


def format_attribute_changes(table, head=None):
    """Attribute changes as text, biggest drop first.

    Parameters
    ----------
    table : pandas.DataFrame
        The output of :func:`attribute_changes`.
    head : int, optional
        Only the first ``head`` rows.

    Returns
    -------
    pandas.DataFrame
        Text columns ``Attribute`` (``attr_`` dropped, words spaced),
        ``Mean before``, ``Mean after``, ``Change``, ``95% CI``, ``p (FDR)``.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"attribute": ["attr_delivery"], "mean_before": [3.56],
    ...     "mean_after": [2.26], "change": [-1.30], "ci_low": [-1.6], "ci_high": [-1.0],
    ...     "p_fdr": [0.0000001], "withheld": [False]})
    >>> format_attribute_changes(table)["Attribute"].tolist()
    ['delivery']
    """
    _check_frame(table, "table")
    if head is not None:
        table = table.head(head)
    rows = []
    for row in table.to_dict("records"):
        hidden = bool(row["withheld"])
        rows.append({
            "Attribute": attribute_label(row["attribute"]),
            "Mean before": "withheld" if hidden and pd.isna(row["mean_before"]) else
            _value(row["mean_before"], "score 1-5"),
            "Mean after": "withheld" if hidden and pd.isna(row["mean_after"]) else
            _value(row["mean_after"], "score 1-5"),
            "Change": "withheld" if hidden else _value(row["change"], "score 1-5", signed=True),
            _ci_label(): "withheld" if hidden else _ci(row["ci_low"], row["ci_high"], "score 1-5"),
            "p (FDR)": "withheld" if hidden else _p(row["p_fdr"]),
        })
    return pd.DataFrame(rows)


def attribute_label(column: str) -> str:
    """An attribute rating's column as people read it.

    >>> attribute_label("attr_wait_time")
    'wait time'
    """
    name = column[5:] if column.startswith("attr_") else column
    return name.replace("_", " ")


def describe_scorecard(card):
    """A short executive summary of the scorecard, in Markdown.

    Parameters
    ----------
    card : pandas.DataFrame
        The output of :func:`kpi_scorecard`.

    Returns
    -------
    str
        One headline sentence (how many KPIs are on target), then one bullet
        per KPI off target or close, and one on the NPS change.

    Examples
    --------
    >>> import pandas as pd
    >>> kpis = pd.DataFrame({"kpi": ["nps"], "label": ["NPS"], "period": ["2025Q4"],
    ...     "previous_period": ["2025Q3"], "value": [22.3], "previous": [22.1],
    ...     "unit": ["points"], "p_value": [0.86], "change_significant": [False]})
    >>> print(describe_scorecard(kpi_scorecard(kpis, {"NPS": 25})))
    **2025Q4: 0 of 1 KPIs on target.**
    <BLANKLINE>
    - NPS is 22.3, 2.7 points short of the target of 25.0 (off target).
    - NPS changed by +0.2 points since 2025Q3: not a real change (p = 0.860).
    """
    _check_frame(card, "card")
    period = card["period"].iloc[0] if "period" in card else ""
    on = int((card["status"] == "on target").sum())
    lines = [f"**{period + ': ' if period else ''}{on} of {len(card)} KPIs on target.**", ""]
    for row in card.to_dict("records"):
        if row["status"] in ("on target",):
            continue
        unit = row["unit"]
        label = row.get("label", row["kpi"])
        if row["status"] == "no data":
            lines.append(f"- {label}: no data (or withheld) this period.")
            continue
        short = _value(abs(row["gap"]), unit).replace("%", " points")
        if unit == "points":
            short += " points"
        lines.append(f"- {label} is {_value(row['value'], unit)}, {short} "
                     f"{'short of' if row['higher_is_better'] else 'above'} the target of "
                     f"{_value(row['target'], unit)} ({row['status']}).")
    nps_rows = card[card["kpi"] == "nps"]
    if len(nps_rows) and pd.notna(nps_rows["change"].iloc[0]):
        row = nps_rows.iloc[0]
        real = row.get("verdict") == "a real change"
        p = f" ({_p_is(row['p_value'])})" if "p_value" in row and pd.notna(row["p_value"]) else ""
        since = f" since {row['previous_period']}" if "previous_period" in row else ""
        lines.append(f"- NPS changed by {row['change']:+.1f} points{since}: "
                     f"{'a real change' if real else 'not a real change'}{p}.")
    return "\n".join(lines)


def describe_trend(table, y="nps", target=None, label="NPS"):
    """One sentence describing a trend table, for alt text and narrative.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"period": ["2025-01", "2025-02"], "nps": [20.0, 24.0]})
    >>> describe_trend(table, target=25)
    'Monthly NPS from 2025-01 to 2025-02 with 95% confidence bands: between 20.0 and 24.0, latest 24.0; dashed line: target 25.'
    """
    _check_frame(table, "table")
    values = table[y].dropna()
    if values.empty:
        return f"{label}: no period has enough answers to show."
    fmt = (lambda v: f"{100 * v:.1f}%") if y == "top_box" else (lambda v: f"{v:.1f}")
    text = (f"Monthly {label} from {table['period'].iloc[0]} to {table['period'].iloc[-1]} with "
            f"{100 * config.CONFIDENCE:g}% confidence bands: between {fmt(values.min())} and "
            f"{fmt(values.max())}, latest "
            f"{fmt(table[y].iloc[-1]) if pd.notna(table[y].iloc[-1]) else 'withheld'}")
    if target is not None:
        text += f"; dashed line: target {fmt(target) if y == 'top_box' else f'{target:g}'}"
    return text + "."


def describe_league_table(table, what="region"):
    """One sentence on a league table: best, worst, how many differ from the rest, withheld.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"group": ["A", "B", "C"], "nps": [31.0, 12.0, float("nan")],
    ...     "significant": [True, False, False], "withheld": [False, False, True]})
    >>> describe_league_table(table, "store")
    'NPS by store: highest A (31.0), lowest B (12.0); 1 of 2 shown differ from the rest after FDR correction; 1 withheld.'
    """
    _check_frame(table, "table")
    shown = table[~table["withheld"]].sort_values("nps", ascending=False)
    if shown.empty:
        return f"NPS by {what}: every group withheld (too few answers)."
    best, worst = shown.iloc[0], shown.iloc[-1]
    text = (f"NPS by {what}: highest {best['group']} ({best['nps']:.1f}), lowest {worst['group']} "
            f"({worst['nps']:.1f}); {int(shown['significant'].sum())} of {len(shown)} shown differ "
            f"from the rest after FDR correction")
    hidden = int(table["withheld"].sum())
    return text + (f"; {hidden} withheld." if hidden else ".")


def describe_movers(movers, top=None, attributes=None):
    """The "why it moved" story in Markdown: the overall change, its drivers, the top mover.

    Parameters
    ----------
    movers : pandas.DataFrame
        The output of :func:`why_it_moved`.
    top : dict, optional
        :func:`top_mover`'s result (default: computed).
    attributes : pandas.DataFrame, optional
        :func:`attribute_changes` for the top mover's answers.

    Returns
    -------
    str

    Examples
    --------
    >>> import cxresearch as cx
    >>> from cxresearch.dashboard import why_it_moved
    >>> moved = why_it_moved(cx.read_dataset("responses"), ["region"], "2025-03", freq="M")
    >>> print(describe_movers(moved).splitlines()[0])
    **Overall NPS went from 21.5 in 2025-02 to 22.4 in 2025-03 (+0.8 points).**
    """
    _check_frame(movers, "movers")
    before, after = movers.attrs.get("nps_before"), movers.attrs.get("nps_after")
    lines = []
    if before is not None and after is not None:
        lines.append(f"**Overall NPS went from {before:.1f} in {movers.attrs['previous']} to "
                     f"{after:.1f} in {movers.attrs['period']} ({after - before:+.1f} points).**")
        lines.append("")
    for dimension in pd.unique(movers["dimension"]) if "dimension" in movers else []:
        rows = movers[(movers["dimension"] == dimension) & ~movers["withheld"]]
        if rows.empty:
            continue
        order = rows["contribution"].abs().sort_values(ascending=False).index
        biggest = rows.reindex(order).head(2)
        parts = [f"{r['group']} ({r['contribution']:+.1f})" for r in biggest.to_dict("records")]
        lines.append(f"- By {_dimension_name(dimension)}, the largest contributions to the "
                     f"change: {', '.join(parts)}.")
    top = top_mover(movers) if top is None else top
    if top is not None:
        direction = "fell" if top["change"] < 0 else "rose"
        what = (f"{top['group']}** ({_dimension_name(top['dimension'])}): NPS {direction} from "
                f"{top['nps_before']:.1f} to {top['nps_after']:.1f} ({top['change']:+.1f} points, "
                f"{_ci_label()} {top['ci_low']:+.1f} to {top['ci_high']:+.1f}; "
                f"{_p_is(top['p_value'])}, FDR-adjusted {_p(top['p_fdr'])})")
        if top["significant"]:
            lines += ["", f"**Top mover: {what}: a real change."]
        else:
            lines += ["", "**No group moved beyond chance** once the number of groups tested is "
                          f"taken into account. The strongest signal: **{what}."]
        finer = drill_down(movers, top, n=1)
        if len(finer):
            cell = finer.iloc[0]
            lines.append(f"Inside it, the largest move was {cell['group']}: {cell['nps_before']:.1f} "
                         f"to {cell['nps_after']:.1f} ({cell['change']:+.1f} points, "
                         f"{_p_is(cell['p_value'])}).")
    falling = top is None or top["change"] < 0
    first = _attribute_in_direction(attributes, falling)
    if first is not None:
        lines.append(f"Its customers' rating of **{attribute_label(first['attribute'])}** "
                     f"{'dropped' if falling else 'rose'} most: from {first['mean_before']:.2f} to "
                     f"{first['mean_after']:.2f} ({first['change']:+.2f} on the 1-5 scale, "
                     f"{_p_is(first['p_value'])}).")
    return "\n".join(lines)


def _attribute_in_direction(attributes, falling):
    """The attribute row that fell most (or rose most), or None."""
    if attributes is None or not len(attributes) or attributes["change"].notna().sum() == 0:
        return None
    changes = attributes["change"]
    row = attributes.loc[changes.idxmin() if falling else changes.idxmax()]
    if (falling and row["change"] >= 0) or (not falling and row["change"] <= 0):
        return None
    return row


def describe_changes(rows, period_names=None):
    """One sentence listing groups' NPS changes, for alt text.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"group": ["Poland", "UK"], "change": [-12.3, 6.8],
    ...     "significant": [True, False], "withheld": [False, False]})
    >>> describe_changes(rows)
    'NPS change by group, in points with 95% intervals: Poland -12.3 (significant), UK +6.8 (not significant).'
    """
    _check_frame(rows, "rows")
    parts = []
    for row in rows.to_dict("records"):
        if row["withheld"]:
            parts.append(f"{row['group']} withheld")
        else:
            parts.append(f"{row['group']} {row['change']:+.1f} "
                         f"({'significant' if row['significant'] else 'not significant'})")
    span = f" from {period_names[0]} to {period_names[1]}" if period_names else ""
    return (f"NPS change by group{span}, in points with {100 * config.CONFIDENCE:g}% intervals: "
            + ", ".join(parts) + ".")


def describe_bridge(rows, before, after, top=8):
    """One sentence describing :func:`cxresearch.plotting.plot_nps_bridge`, for alt text.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"group": ["A", "B"], "contribution": [3.0, -1.0],
    ...                      "withheld": [False, False]})
    >>> describe_bridge(rows, 20.0, 22.0)
    'Bridge from NPS 20.0 to 22.0 (+2.0 points); contributions: A +3.0, B -1.0.'
    """
    _check_frame(rows, "rows")
    shown = rows[~rows["withheld"] & rows["contribution"].notna()]
    shown = shown.reindex(shown["contribution"].abs().sort_values(ascending=False,
                                                                   kind="stable").index)
    parts = [f"{g} {c:+.1f}"
             for g, c in zip(shown["group"].head(top), shown["contribution"].head(top))]
    rest = after - before - float(shown["contribution"].head(top).sum())
    if len(shown) > top or rows["withheld"].any():
        parts.append(f"all other groups {rest:+.1f}")
    return (f"Bridge from NPS {before:.1f} to {after:.1f} ({after - before:+.1f} points); "
            f"contributions: " + ", ".join(parts) + ".")
