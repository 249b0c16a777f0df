"""Report charts for CX metrics, in one look.

What this module is for: the few charts every CX report repeats (how answers
split into detractors, passives and promoters; a metric over time with its
confidence band and target) and saving a chart together with its alt text.
The functions are axes-level, like seaborn's: they draw into ``ax`` (or the
current axes), return it, and never show or save on their own.

What it is not for: computing metrics (``cxresearch.metrics`` does that; the
charts call it or take its tables) or interactive dashboards.

Privacy: groups the metrics withhold (too few answers) are drawn as empty
bars labelled "withheld", never with their values. The charts that take a
finished table (:func:`plot_group_scores`, :func:`plot_changes`,
:func:`plot_nps_bridge`) draw nothing but the word "withheld" for a row whose
``withheld`` column is True, whatever numbers the row holds.
"""

from __future__ import annotations

import numbers
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from . import config
from ._checks import check_columns
from .exceptions import ParameterError
from .metrics import nps

__all__ = [
    "DETRACTOR_COLOR",
    "PASSIVE_COLOR",
    "PROMOTER_COLOR",
    "NPS_COLORS",
    "REPORT_PALETTE",
    "set_theme",
    "plot_nps_distribution",
    "plot_metric_trend",
    "plot_group_scores",
    "plot_changes",
    "plot_nps_bridge",
    "save_figure",
    "plot_code_frequencies",
    "plot_cooccurrence",
    "plot_code_lift",
    "plot_persona_sizes",
    "plot_persona_traits",
    "plot_persona_map",
    "plot_persona_nps",
    "plot_persona_selection",
    "plot_group_outcomes",
    "plot_odds_ratios",
    "plot_relative_weights",
    "plot_importance_performance",
    "plot_unit_linkage",
    "plot_theme_costs",
]

#: Detractors (0-6).
DETRACTOR_COLOR = "#c0392b"
#: Passives (7-8).
PASSIVE_COLOR = "#a6a6a6"
#: Promoters (9-10).
PROMOTER_COLOR = "#2e8b57"
#: Category name -> colour, in the order the stacked bars draw them.
NPS_COLORS = {"detractors": DETRACTOR_COLOR, "passives": PASSIVE_COLOR,
              "promoters": PROMOTER_COLOR}
#: Line colours of the report (seaborn's colour-blind-safe palette).
REPORT_PALETTE = "colorblind"

_SAVE_DPI = 150


def set_theme():
    """Apply the report look: seaborn whitegrid, colour-blind palette, quiet axes.

    Examples
    --------
    >>> from cxresearch.plotting import set_theme
    >>> set_theme()
    """
    sns.set_theme(
        context="notebook", style="whitegrid", palette=REPORT_PALETTE,
        rc={"axes.spines.top": False, "axes.spines.right": False,
            "axes.titlelocation": "left", "axes.titleweight": "bold",
            "legend.frameon": False, "savefig.dpi": _SAVE_DPI,
            "savefig.bbox": "tight"})


def _axes(ax):
    if ax is None:
        return plt.gca()
    if not isinstance(ax, Axes):
        raise ParameterError("expected a matplotlib Axes", parameter="ax",
                             value=type(ax).__name__, fix="pass ax=plt.subplots()[1] or None")
    return ax


def _group_label(row, by):
    return " / ".join(str(row[b]) for b in by)


def plot_nps_distribution(data, score="nps", by=None, ax=None, order=None, **kwargs):
    """Detractor / passive / promoter split, per group or as a 0-10 histogram.

    Parameters
    ----------
    data : pandas.DataFrame
        Long-form answers, one row per answer.
    score : str, default "nps"
        NPS answer column (0-10).
    by : str or list of str, optional
        With groups: one horizontal 100%-stacked bar per group (detractors,
        passives, promoters), its NPS written at the right end. Without:
        a histogram of the 0-10 answers, each bar coloured by its category.
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: the current axes).
    order : list, optional
        Group labels from top to bottom (labels of several ``by`` columns are
        joined with " / "); default sorted.
    **kwargs
        Passed to ``Axes.barh`` (groups) or ``Axes.bar`` (histogram).

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on: 3 bars per group, or 11 bars.

    Notes
    -----
    Shares and NPS come from :func:`cxresearch.metrics.nps`, so groups with
    fewer than ``config.MIN_N_PRIVACY`` answers are drawn empty and labelled
    "withheld"; without groups, a too-small sample draws no bars at all.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_nps_distribution
    >>> answers = pd.DataFrame({"store": ["A"] * 12 + ["B"] * 12,
    ...                         "nps": [10, 9, 9, 8, 7, 3, 10, 9, 6, 8, 9, 10] * 2})
    >>> fig, ax = plt.subplots()
    >>> ax = plot_nps_distribution(answers, by="store", ax=ax)
    >>> len(ax.patches)
    6
    >>> plt.close(fig)
    """
    table = nps(data, score=score, by=by)
    ax = _axes(ax)
    by_cols = [] if by is None else ([by] if not isinstance(by, (list, tuple)) else list(by))
    if not by_cols:
        return _nps_histogram(data, score, table.iloc[0], ax, **kwargs)

    labels = [_group_label(row, by_cols) for _, row in table.iterrows()]
    table = table.assign(_label=labels)
    if order is not None:
        missing = [o for o in order if str(o) not in set(labels)]
        if missing:
            raise ParameterError("order names a group that is not in the data",
                                 parameter="order", value=missing[0],
                                 fix=f"use labels among: {', '.join(labels[:10])}")
        rank = {str(o): i for i, o in enumerate(order)}
        table = table[table["_label"].isin(rank)]
        table = table.iloc[np.argsort([rank[lab] for lab in table["_label"]], kind="stable")]
    table = table.iloc[::-1]  # barh draws bottom-up; the first group goes on top
    y = np.arange(len(table))
    left = np.zeros(len(table))
    for category, color in NPS_COLORS.items():
        width = 100 * np.nan_to_num(table[category].to_numpy(dtype=float))
        ax.barh(y, width, left=left, color=color, label=category.capitalize(), **kwargs)
        left += width
    for yi, (_, row) in zip(y, table.iterrows()):
        if row["suppressed"]:
            ax.text(50, yi, f"withheld (n={row['n']} < {config.MIN_N_PRIVACY})",
                    ha="center", va="center", fontsize="small", color="0.35")
        elif not np.isnan(row["nps"]):
            ax.text(101.5, yi, f"NPS {row['nps']:+.0f}", ha="left", va="center",
                    fontsize="small", clip_on=False)
    ax.set_yticks(y, [f"{lab} (n={n:,})" for lab, n in zip(table["_label"], table["n"])])
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of answers")
    ax.legend(ncol=3, loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False,
              fontsize="small")
    return ax


def _nps_histogram(data, score, summary, ax, **kwargs):
    ax.set_xlim(-0.6, 10.6)
    ax.set_xticks(range(11))
    ax.set_xlabel("Likelihood to recommend (0-10)")
    ax.set_ylabel("% of answers")
    if summary["suppressed"]:
        ax.text(0.5, 0.5, f"withheld: n={summary['n']} < {config.MIN_N_PRIVACY}",
                transform=ax.transAxes, ha="center", va="center", color="0.35")
        return ax
    scores = data[score].to_numpy(dtype=float, na_value=np.nan)
    scores = scores[~np.isnan(scores)].astype(int)
    shares = 100 * np.bincount(scores, minlength=11) / len(scores)
    points = np.arange(11)
    colors = np.where(points >= 9, PROMOTER_COLOR,
                      np.where(points <= 6, DETRACTOR_COLOR, PASSIVE_COLOR))
    ax.bar(points, shares, color=list(colors), **kwargs)
    ax.text(0.02, 0.95, f"NPS {summary['nps']:+.0f}  (n={summary['n']:,})",
            transform=ax.transAxes, ha="left", va="top", fontweight="bold")
    ax.legend(handles=[Patch(color=c, label=k.capitalize()) for k, c in NPS_COLORS.items()],
              loc="upper left", bbox_to_anchor=(0, 0.88), frameon=False, fontsize="small")
    return ax


def plot_metric_trend(table, x="period", y="nps", ci=("ci_low", "ci_high"), hue=None,
                      target=None, ax=None, **kwargs):
    """A metric over time: line, confidence band and optional target line.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per period (x group), e.g. the output of
        :func:`cxresearch.metrics.trend`. Suppressed rows (NaN) leave gaps.
    x : str, default "period"
        Period column. Text labels are placed in sorted order (the labels of
        ``trend`` sort chronologically); datetime or numeric values are used
        as they are.
    y : str, default "nps"
        Metric column.
    ci : (str, str) or None, default ("ci_low", "ci_high")
        Columns of the interval, drawn as a shaded band; None for no band.
    hue : str, optional
        Column with one line per value (e.g. the store).
    target : float, optional
        Draws a dashed horizontal target line.
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: the current axes).
    **kwargs
        Passed to ``Axes.plot``.

    Returns
    -------
    matplotlib.axes.Axes
        One line per hue level (plus the target line), one band per level.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_metric_trend
    >>> table = pd.DataFrame({"period": ["2025-04", "2025-05", "2025-06"],
    ...                       "nps": [28.0, 31.0, 35.0], "ci_low": [20.0, 24.0, 27.0],
    ...                       "ci_high": [36.0, 38.0, 43.0]})
    >>> fig, ax = plt.subplots()
    >>> ax = plot_metric_trend(table, target=30)
    >>> len(ax.lines)
    2
    >>> plt.close(fig)
    """
    if not isinstance(table, pd.DataFrame):
        raise ParameterError("expected a DataFrame (e.g. the output of trend())",
                             parameter="table", value=type(table).__name__)
    needed = [(x, "x"), (y, "y")] + ([(hue, "hue")] if hue is not None else [])
    if ci is not None:
        if not (isinstance(ci, (tuple, list)) and len(ci) == 2):
            raise ParameterError("ci must name two columns (low, high), or be None",
                                 parameter="ci", value=ci, fix='use ci=("ci_low", "ci_high")')
        needed += [(ci[0], "ci"), (ci[1], "ci")]
    for column, parameter in needed:
        check_columns(table, column, parameter, where="the table")
    if target is not None and (isinstance(target, bool) or not isinstance(target, numbers.Real)
                               or not np.isfinite(target)):
        raise ParameterError("target must be a number", parameter="target", value=target)
    ax = _axes(ax)

    positional = not (pd.api.types.is_numeric_dtype(table[x])
                      or pd.api.types.is_datetime64_any_dtype(table[x]))
    if positional:
        labels = sorted(table[x].dropna().astype(str).unique())
        where = {lab: i for i, lab in enumerate(labels)}

    levels = [None] if hue is None else list(pd.unique(table[hue].dropna()))
    if hue is not None:
        try:
            levels = sorted(levels)
        except TypeError:
            pass
    for level in levels:
        part = table if level is None else table[table[hue] == level]
        if positional:
            xs = part[x].astype(str).map(where).to_numpy(dtype=float)
        else:
            xs = part[x].to_numpy()
        sort = np.argsort(xs, kind="stable")
        xs = xs[sort]
        ys = part[y].to_numpy(dtype=float)[sort]
        options = {"marker": "o"} | ({"label": str(level)} if level is not None else {})
        (line,) = ax.plot(xs, ys, **(options | kwargs))
        if ci is not None:
            low = part[ci[0]].to_numpy(dtype=float)[sort]
            high = part[ci[1]].to_numpy(dtype=float)[sort]
            ax.fill_between(xs, low, high, color=line.get_color(), alpha=0.18, linewidth=0)
    if target is not None:
        ax.axhline(float(target), color="0.25", linestyle="--", linewidth=1.2,
                   label=f"target {float(target):g}")
    if positional:
        ax.set_xticks(range(len(labels)), labels)
        if len(labels) > 8:
            ax.tick_params(axis="x", labelrotation=45)
    ax.set_xlabel(x)
    ax.set_ylabel(y.upper() if y == "nps" else y)
    if hue is not None or target is not None:
        ax.legend(title=hue, frameon=False, fontsize="small")
    return ax


def _check_table(table, columns):
    if not isinstance(table, pd.DataFrame):
        raise ParameterError("expected a DataFrame", parameter="table",
                             value=type(table).__name__)
    for column, parameter in columns:
        if column is not None:
            check_columns(table, column, parameter, where="the table")


def _hidden(table, withheld):
    if withheld is None:
        return np.zeros(len(table), dtype=bool)
    return table[withheld].fillna(True).to_numpy(dtype=bool)


def plot_group_scores(table, x="nps", y="group", ci=("ci_low", "ci_high"), withheld="withheld",
                      highlight=None, target=None, ax=None, **kwargs):
    """One score per group, with its interval: a league table as a dot plot.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per group, drawn top to bottom in the table's order, e.g.
        the output of :func:`cxresearch.dashboard.league_table`.
    x : str, default "nps"
        Score column.
    y : str, default "group"
        Group label column.
    ci : (str, str) or None, default ("ci_low", "ci_high")
        Interval columns, drawn as whiskers.
    withheld : str or None, default "withheld"
        Boolean column: a True row shows the word "withheld" and no value.
    highlight : str, optional
        Boolean column (e.g. ``"significant"``): True rows are drawn in the
        accent colour, others in grey.
    target : float, optional
        Dashed vertical target line.
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: the current axes).
    **kwargs
        Passed to ``Axes.errorbar``.

    Returns
    -------
    matplotlib.axes.Axes
        One marker per shown group (``ax.lines`` holds them with their
        whiskers), one "withheld" text per withheld group.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_group_scores
    >>> table = pd.DataFrame({"group": ["A", "B", "C"], "nps": [31.0, 12.0, 80.0],
    ...     "ci_low": [20.0, 2.0, 60.0], "ci_high": [42.0, 22.0, 95.0],
    ...     "withheld": [False, False, True]})
    >>> fig, ax = plt.subplots()
    >>> ax = plot_group_scores(table, target=25)
    >>> [t.get_text() for t in ax.texts]
    ['withheld']
    >>> plt.close(fig)
    """
    columns = [(x, "x"), (y, "y"), (withheld, "withheld"), (highlight, "highlight")]
    if ci is not None:
        if not (isinstance(ci, (tuple, list)) and len(ci) == 2):
            raise ParameterError("ci must name two columns (low, high), or be None",
                                 parameter="ci", value=ci, fix='use ci=("ci_low", "ci_high")')
        columns += [(ci[0], "ci"), (ci[1], "ci")]
    _check_table(table, columns)
    ax = _axes(ax)
    hidden = _hidden(table, withheld)
    accent = sns.color_palette(REPORT_PALETTE)[0]
    marked = (table[highlight].fillna(False).to_numpy(dtype=bool) if highlight is not None
              else np.ones(len(table), dtype=bool))
    ys = np.arange(len(table))[::-1]
    for i, (yi, row) in enumerate(zip(ys, table.to_dict("records"))):
        if hidden[i]:
            continue
        value = float(row[x])
        err = None
        if ci is not None and np.isfinite(row[ci[0]]) and np.isfinite(row[ci[1]]):
            err = [[value - float(row[ci[0]])], [float(row[ci[1]]) - value]]
        options = {"fmt": "o", "color": accent if marked[i] else "0.55", "capsize": 3}
        ax.errorbar([value], [yi], xerr=err, **(options | kwargs))
    shown = table.loc[~hidden, x].astype(float)
    centre = float(np.nanmean(shown)) if shown.notna().any() else 0.0
    for i, yi in enumerate(ys):
        if hidden[i]:
            ax.text(centre, yi, "withheld", ha="center", va="center", fontsize="small",
                    color="0.35")
    if target is not None:
        if isinstance(target, bool) or not isinstance(target, numbers.Real):
            raise ParameterError("target must be a number", parameter="target", value=target)
        ax.axvline(float(target), color="0.25", linestyle="--", linewidth=1.2,
                   label=f"target {float(target):g}")
        ax.legend(frameon=False, fontsize="small", loc="lower right")
    ax.set_yticks(ys, [str(v) for v in table[y]])
    ax.set_ylim(-0.7, len(table) - 0.3)
    ax.set_xlabel(x.upper() if x == "nps" else x)
    return ax


def plot_changes(table, x="change", y="group", ci=("ci_low", "ci_high"), withheld="withheld",
                 significant="significant", ax=None, **kwargs):
    """Changes per group as horizontal bars: drops red, rises green, with intervals.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per group, drawn top to bottom in the table's order, e.g.
        rows of :func:`cxresearch.dashboard.why_it_moved`.
    x : str, default "change"
        Change column (points).
    y : str, default "group"
        Label column.
    ci : (str, str) or None
        Interval columns of the change, drawn as whiskers.
    withheld : str or None, default "withheld"
        Boolean column: a True row shows "withheld" and no bar.
    significant : str or None, default "significant"
        Boolean column: significant changes are drawn solid, the others
        pale (their label ends with "(n.s.)").
    ax : matplotlib.axes.Axes, optional
        Where to draw.
    **kwargs
        Passed to ``Axes.barh``.

    Returns
    -------
    matplotlib.axes.Axes
        One bar per shown row (``ax.patches``).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_changes
    >>> table = pd.DataFrame({"group": ["Poland", "UK"], "change": [-12.3, 6.8],
    ...     "ci_low": [-21.8, 0.0], "ci_high": [-2.9, 13.6], "significant": [True, False],
    ...     "withheld": [False, False]})
    >>> fig, ax = plt.subplots()
    >>> [round(float(p.get_width()), 1) for p in plot_changes(table, ax=ax).patches]
    [-12.3, 6.8]
    >>> plt.close(fig)
    """
    columns = [(x, "x"), (y, "y"), (withheld, "withheld"), (significant, "significant")]
    if ci is not None:
        columns += [(ci[0], "ci"), (ci[1], "ci")]
    _check_table(table, columns)
    ax = _axes(ax)
    hidden = _hidden(table, withheld)
    real = (table[significant].fillna(False).to_numpy(dtype=bool) if significant is not None
            else np.ones(len(table), dtype=bool))
    ys = np.arange(len(table))[::-1]
    labels = []
    for i, (yi, row) in enumerate(zip(ys, table.to_dict("records"))):
        label = str(row[y])
        if hidden[i]:
            ax.text(0, yi, "withheld", ha="center", va="center", fontsize="small", color="0.35")
            labels.append(label)
            continue
        value = float(row[x])
        color = DETRACTOR_COLOR if value < 0 else PROMOTER_COLOR
        options = {"color": color, "alpha": 1.0 if real[i] else 0.4, "height": 0.6}
        ax.barh([yi], [value], **(options | kwargs))
        if ci is not None and np.isfinite(row[ci[0]]) and np.isfinite(row[ci[1]]):
            ax.plot([row[ci[0]], row[ci[1]]], [yi, yi], color="0.2", linewidth=1.2)
        labels.append(label if real[i] else f"{label} (n.s.)")
    ax.axvline(0, color="0.25", linewidth=1)
    ax.set_yticks(ys, labels)
    ax.set_ylim(-0.7, len(table) - 0.3)
    ax.set_xlabel("change (NPS points)" if x == "change" else x)
    return ax


def plot_nps_bridge(table, before, after, group="group", contribution="contribution",
                    withheld="withheld", top=8, labels=("before", "after"), ax=None, **kwargs):
    """A waterfall from the previous NPS to the current one, one step per group.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per group with its contribution to the change, e.g. one
        dimension of :func:`cxresearch.dashboard.why_it_moved`.
    before, after : float
        Overall NPS of the two periods (the contributions must sum to
        ``after - before`` over all groups).
    group, contribution, withheld : str
        Label, contribution and withheld columns.
    top : int, default 8
        Groups with the largest |contribution| get their own step; the
        others and every withheld group share one step, "all other groups",
        computed as what is left of the change, so no withheld value is
        used.
    labels : (str, str)
        Names of the first and last bars (e.g. the two periods).
    ax : matplotlib.axes.Axes, optional
        Where to draw.
    **kwargs
        Passed to ``Axes.barh``.

    Returns
    -------
    matplotlib.axes.Axes
        Bars top to bottom: the first total, the steps, the last total.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_nps_bridge
    >>> table = pd.DataFrame({"group": ["A", "B"], "contribution": [3.0, -1.0],
    ...                       "withheld": [False, False]})
    >>> fig, ax = plt.subplots()
    >>> [float(p.get_width()) for p in plot_nps_bridge(table, 20.0, 22.0, ax=ax).patches]
    [20.0, 3.0, -1.0, 22.0]
    >>> plt.close(fig)
    """
    _check_table(table, [(group, "group"), (contribution, "contribution"), (withheld, "withheld")])
    for value, name in ((before, "before"), (after, "after")):
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value):
            raise ParameterError("must be a number (the overall NPS)", parameter=name, value=value)
    if isinstance(top, bool) or not isinstance(top, numbers.Integral) or top < 1:
        raise ParameterError("top must be a whole number, 1 or more", parameter="top", value=top)
    ax = _axes(ax)
    hidden = _hidden(table, withheld)
    shown = table[~hidden & table[contribution].notna().to_numpy()]
    shown = shown.reindex(shown[contribution].abs().sort_values(ascending=False,
                                                                 kind="stable").index)
    steps = [(str(g), float(c))
             for g, c in zip(shown[group].head(top), shown[contribution].head(top))]
    rest = float(after) - float(before) - sum(c for _, c in steps)
    if len(shown) > top or hidden.any() or abs(rest) > 1e-9:
        steps.append(("all other groups", rest))
    names = [labels[0]] + [g for g, _ in steps] + [labels[1]]
    ys = np.arange(len(names))[::-1]
    # zoom on the steps: from 0 they would be slivers beside the two totals
    levels = np.cumsum([float(before)] + [c for _, c in steps])
    low, high = float(np.min(levels)), float(np.max(levels))
    span = max(high - low, 1.0)
    left, right = low - 0.6 * span, high + 0.5 * span
    pad = 0.015 * (right - left)
    ax.barh([ys[0]], [float(before)], color="0.55", height=0.6, **kwargs)
    level = float(before)
    for yi, (_, value) in zip(ys[1:-1], steps):
        color = DETRACTOR_COLOR if value < 0 else PROMOTER_COLOR
        ax.barh([yi], [value], left=level, color=color, height=0.6, **kwargs)
        end = max(level, level + value) if value >= 0 else min(level, level + value)
        ax.text(end + (pad if value >= 0 else -pad), yi, f"{value:+.1f}",
                ha="left" if value >= 0 else "right", va="center", fontsize="small")
        level += value
    ax.barh([ys[-1]], [float(after)], color="0.35", height=0.6, **kwargs)
    for yi, value in ((ys[0], float(before)), (ys[-1], float(after))):
        ax.text(value + (pad if value >= 0 else -pad), yi, f"{value:.1f}",
                ha="left" if value >= 0 else "right", va="center", fontsize="small",
                fontweight="bold")
    if left <= 0 <= right:
        ax.axvline(0, color="0.25", linewidth=1)
    ax.set_xlim(left, right)
    ax.set_yticks(ys, names)
    ax.set_xlabel("NPS (points; the axis does not start at 0)" if left > 0 or right < 0
                  else "NPS (points)")
    return ax


def save_figure(fig_or_ax, path, alt):
    """Save a chart as PNG (150 dpi) with its alt text next to it.

    Parameters
    ----------
    fig_or_ax : matplotlib.figure.Figure or matplotlib.axes.Axes
        The chart (an Axes saves its whole figure).
    path : str or pathlib.Path
        Where to write the PNG; ``.png`` is added when there is no suffix.
        Missing folders are created.
    alt : str
        What the chart shows, for readers who cannot see it. Written to
        ``path.with_suffix(".alt.txt")`` (``nps.png`` -> ``nps.alt.txt``) and
        into the PNG's "Description" metadata.

    Returns
    -------
    pathlib.Path
        The PNG's path. The figure is left open; close it when done.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt, tempfile, pathlib
    >>> from cxresearch.plotting import save_figure
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot([1, 2, 3])
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> save_figure(ax, folder / "line", alt="A line rising from 1 to 3.").name
    'line.png'
    >>> (folder / "line.alt.txt").read_text(encoding="utf-8").strip()
    'A line rising from 1 to 3.'
    >>> plt.close(fig)
    """
    fig = fig_or_ax.figure if isinstance(fig_or_ax, Axes) else fig_or_ax
    while isinstance(fig, SubFigure):  # a subfigure saves with its whole figure
        fig = fig.figure
    if not isinstance(fig, Figure):
        raise ParameterError("expected a matplotlib Figure or Axes", parameter="fig_or_ax",
                             value=type(fig_or_ax).__name__,
                             fix="pass the figure or axes the chart was drawn on")
    if not isinstance(alt, str) or not alt.strip():
        raise ParameterError("every saved chart needs alt text", parameter="alt", value=alt,
                             fix="describe in a sentence what the chart shows")
    try:
        path = Path(path)
    except TypeError:
        raise ParameterError("not a file path", parameter="path", value=path,
                             fix="pass e.g. 'reports/nps_by_store.png'") from None
    if path.suffix == "":
        path = path.with_suffix(".png")
    if path.suffix.lower() != ".png":
        raise ParameterError("charts are saved as PNG", parameter="path", value=str(path),
                             fix=f"use {path.with_suffix('.png').name!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    alt = " ".join(alt.split())
    fig.savefig(path, dpi=_SAVE_DPI, format="png", bbox_inches="tight",
                metadata={"Description": alt})
    path.with_suffix(".alt.txt").write_text(alt + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------
# qualitative coding: themes, what goes with what, and what goes with detractors
# --------------------------------------------------------------------------

def _code_labels(table, y):
    """The label column to draw: ``y``, else ``label`` when the table has one, else ``code``."""
    if y is not None:
        return y
    return "label" if "label" in table.columns else "code"


def _unique_labels(table, y, hint):
    labels = table[y].astype(str)
    repeated = labels.duplicated()
    if repeated.any():
        raise ParameterError("the same label is on several rows", parameter="y",
                             value=labels[repeated].iloc[0], fix=hint)


def plot_code_frequencies(table, x="share", y=None, ci=("ci_low", "ci_high"), withheld="withheld",
                          hue=None, sort=True, title="How often each theme comes up", ax=None,
                          **kwargs):
    """How often each theme comes up: horizontal bars of the share, with intervals.

    Parameters
    ----------
    table : pandas.DataFrame
        The output of :func:`cxresearch.coding.analysis.code_frequencies`
        (shares 0-1, drawn in %). With a codebook it holds parents and
        children; draw one level at a time (``table.query("level == 1")``).
    x : str, default "share"
        Share column (0-1).
    y : str, optional
        Label column; default ``label`` when the table has it, else ``code``.
    ci : (str, str) or None, default ("ci_low", "ci_high")
        Interval columns, drawn as whiskers.
    withheld : str or None, default "withheld"
        Boolean column: a True row draws no bar, only the word "withheld".
    hue : str, optional
        Group column (e.g. ``"segment"``): one bar per group side by side,
        one colour per group.
    sort : bool, default True
        Most frequent theme on top (by its largest share over the groups);
        False keeps the table's order, top to bottom.
    title : str, default "How often each theme comes up"
        Axes title ("" for none).
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: the current axes).
    **kwargs
        Passed to ``Axes.barh``.

    Returns
    -------
    matplotlib.axes.Axes
        One bar (``ax.patches``) per shown row, one "withheld" text per
        withheld row.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_code_frequencies
    >>> table = pd.DataFrame({"code": ["delivery", "wait_time", "parking"],
    ...     "share": [0.21, 0.12, None], "ci_low": [0.17, 0.09, None],
    ...     "ci_high": [0.25, 0.16, None], "withheld": [False, False, True]})
    >>> fig, ax = plt.subplots()
    >>> [round(p.get_width()) for p in plot_code_frequencies(table, ax=ax).patches]
    [21, 12]
    >>> [t.get_text() for t in ax.texts]
    ['withheld']
    >>> plt.close(fig)
    """
    if not isinstance(table, pd.DataFrame):
        raise ParameterError("expected a DataFrame (the output of code_frequencies())",
                             parameter="table", value=type(table).__name__)
    y = _code_labels(table, y)
    columns = [(x, "x"), (y, "y"), (withheld, "withheld"), (hue, "hue")]
    if ci is not None:
        if not (isinstance(ci, (tuple, list)) and len(ci) == 2):
            raise ParameterError("ci must name two columns (low, high), or be None",
                                 parameter="ci", value=ci, fix='use ci=("ci_low", "ci_high")')
        columns += [(ci[0], "ci"), (ci[1], "ci")]
    _check_table(table, columns)
    if hue is None:
        _unique_labels(table, y, "pass hue= (e.g. hue='segment') or filter the table to one group")
    ax = _axes(ax)
    hidden = _hidden(table, withheld)
    shares = 100 * pd.to_numeric(table[x], errors="coerce").to_numpy(dtype=float)
    shares = np.where(hidden, np.nan, shares)
    labels = table[y].astype(str).to_numpy()
    names = list(pd.unique(labels))
    if sort:
        best = pd.Series(shares).groupby(labels, sort=False).max()
        names = sorted(names, key=lambda name: (np.isnan(best[name]), -np.nan_to_num(best[name])))
    levels = [None] if hue is None else list(pd.unique(table[hue].dropna()))
    if hue is not None:
        try:
            levels = sorted(levels)
        except TypeError:
            pass
    colours = sns.color_palette(REPORT_PALETTE, max(len(levels), 1))
    position = {name: len(names) - 1 - i for i, name in enumerate(names)}  # first on top
    height = 0.8 / len(levels)
    for k, level in enumerate(levels):
        rows = (np.ones(len(table), dtype=bool) if level is None
                else (table[hue] == level).fillna(False).to_numpy(dtype=bool))
        offset = (len(levels) - 1) / 2 * height - k * height
        for i in np.flatnonzero(rows):
            yi = position[labels[i]] + offset
            if hidden[i] or np.isnan(shares[i]):
                ax.text(0.5, yi, "withheld", ha="left", va="center", fontsize="small",
                        color="0.35")
                continue
            options = {"height": height * 0.9, "color": colours[k]}
            if level is not None and i == np.flatnonzero(rows & ~hidden)[0]:
                options["label"] = str(level)
            ax.barh([yi], [shares[i]], **(options | kwargs))
            if ci is not None:
                low, high = (100 * float(table[c].iloc[i]) for c in ci)
                if np.isfinite(low) and np.isfinite(high):
                    spread = [[max(shares[i] - low, 0.0)], [max(high - shares[i], 0.0)]]
                    ax.errorbar([shares[i]], [yi], xerr=spread,
                                fmt="none", ecolor="0.2", elinewidth=1, capsize=2)
    ax.set_yticks(range(len(names)), names[::-1])
    ax.set_ylim(-0.7, len(names) - 0.3)
    ax.set_xlim(left=0)
    ax.set_xlabel("% of verbatims mentioning the theme")
    ax.set_ylabel("")
    if hue is not None:
        ax.legend(title=hue, frameon=False, fontsize="small")
    if title:
        ax.set_title(title)
    return ax


_COOCCURRENCE_LABELS = {"count": "verbatims mentioning both themes",
                        "jaccard": "Jaccard similarity (0 never together, 1 always)",
                        "lift": "lift: together ÷ expected by chance"}


def plot_cooccurrence(matrix, annot=None, triangle=True, cmap=None,
                      title="Themes mentioned together", ax=None, **kwargs):
    """Which themes come up together: a heatmap of the code x code matrix.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Square, same codes as index and columns: the output of
        :func:`cxresearch.coding.analysis.code_cooccurrence` (its
        ``attrs["measure"]`` names the colour bar).
    annot : bool, optional
        Write each cell's value; default when there are 15 codes or fewer.
    triangle : bool, default True
        Draw the lower triangle only (the matrix is symmetric). The diagonal
        (a code with itself) is never drawn: its counts would swamp the scale.
    cmap : str, optional
        Colour map; default "Blues", or the diverging "vlag" centred on 1 for
        lift.
    title : str, default "Themes mentioned together"
        Axes title ("" for none).
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: the current axes).
    **kwargs
        Passed to ``seaborn.heatmap``.

    Returns
    -------
    matplotlib.axes.Axes
        The heatmap (``ax.collections[0]``, unmasked cells only).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_cooccurrence
    >>> codes = ["delivery", "communication", "price_value"]
    >>> matrix = pd.DataFrame([[30, 12, 2], [12, 20, 1], [2, 1, 15]], index=codes, columns=codes)
    >>> fig, ax = plt.subplots()
    >>> int(plot_cooccurrence(matrix, ax=ax).collections[0].get_array().count())
    3
    >>> plt.close(fig)
    """
    if not isinstance(matrix, pd.DataFrame):
        raise ParameterError("expected a DataFrame (the output of code_cooccurrence())",
                             parameter="matrix", value=type(matrix).__name__)
    if matrix.shape[0] != matrix.shape[1] or list(matrix.index) != list(matrix.columns):
        raise ParameterError("expected a square matrix with the same codes as rows and columns",
                             parameter="matrix", value=f"{matrix.shape[0]} x {matrix.shape[1]}",
                             fix="pass code_cooccurrence(coded) (form='matrix'), not the long form")
    if matrix.shape[0] < 2:
        raise ParameterError("a co-occurrence heatmap needs at least two codes",
                             parameter="matrix", value=matrix.shape[0])
    ax = _axes(ax)
    measure = matrix.attrs.get("measure", "count")
    values = matrix.apply(pd.to_numeric, errors="coerce").astype(float)
    k = len(values)
    mask = np.triu(np.ones((k, k), dtype=bool)) if triangle else np.eye(k, dtype=bool)
    mask |= ~np.isfinite(values.to_numpy())
    whole = bool(np.all(np.mod(values.to_numpy()[~mask], 1) == 0))
    options = {"mask": mask, "cmap": cmap or ("vlag" if measure == "lift" else "Blues"),
               "annot": k <= 15 if annot is None else annot,
               "fmt": ".0f" if whole else ".2f", "square": True, "linewidths": 0.5,
               "cbar_kws": {"label": _COOCCURRENCE_LABELS.get(measure, str(measure))},
               "ax": ax}
    if measure == "lift" and cmap is None:
        options["center"] = 1.0
    sns.heatmap(values, **(options | kwargs))
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="x", labelrotation=45)
    for label in ax.get_xticklabels():
        label.set_horizontalalignment("right")
    if title:
        ax.set_title(title)
    return ax


def _verdict_colour(verdict):
    if verdict == "drives detractors":
        return DETRACTOR_COLOR
    if verdict == "drives promoters":
        return PROMOTER_COLOR
    if isinstance(verdict, str) and verdict.startswith("drives "):
        return sns.color_palette(REPORT_PALETTE)[0]
    return "0.6"


def plot_code_lift(table, x="lift", y=None, ci=("lift_ci_low", "lift_ci_high"), verdict="verdict",
                   withheld="withheld", sort=True, title="Which themes go with detractors",
                   ax=None, **kwargs):
    """Which themes go with detractors: each theme's lift on a log axis, with intervals.

    Parameters
    ----------
    table : pandas.DataFrame
        The output of :func:`cxresearch.coding.analysis.code_lift`, one row
        per theme (filter one segment of a ``by`` table, or pass ``y=`` a
        column naming both).
    x : str, default "lift"
        Lift column (share among detractors / share among promoters).
    y : str, optional
        Label column; default ``label`` when the table has it, else ``code``.
    ci : (str, str) or None, default ("lift_ci_low", "lift_ci_high")
        Interval columns, drawn as whiskers.
    verdict : str or None, default "verdict"
        Colours the points: "drives detractors" red, "drives promoters"
        green, anything else grey; one legend entry per verdict.
    withheld : str or None, default "withheld"
        Boolean column: a True row draws only the word "withheld".
    sort : bool, default True
        Highest lift on top; False keeps the table's order.
    title : str, default "Which themes go with detractors"
        Axes title ("" for none).
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: the current axes).
    **kwargs
        Passed to ``Axes.errorbar``.

    Returns
    -------
    matplotlib.axes.Axes
        One point per shown theme (in ``ax.containers``, one container per
        verdict), a vertical line at 1 (no difference), a log x-axis. A lift
        of 0 or infinity (no one in a group carries the theme) cannot sit on
        a log axis and is written as "not estimable".

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_code_lift
    >>> table = pd.DataFrame({"code": ["returns_refunds", "store_cleanliness", "loyalty_programme"],
    ...     "lift": [3.3, 0.98, 0.17], "lift_ci_low": [3.0, 0.9, 0.14],
    ...     "lift_ci_high": [3.6, 1.07, 0.22], "withheld": [False] * 3,
    ...     "verdict": ["drives detractors", "no evidence", "drives promoters"]})
    >>> fig, ax = plt.subplots()
    >>> ax = plot_code_lift(table, ax=ax)
    >>> sum(len(c.lines[0].get_xdata()) for c in ax.containers), ax.get_xscale()
    (3, 'log')
    >>> plt.close(fig)
    """
    if not isinstance(table, pd.DataFrame):
        raise ParameterError("expected a DataFrame (the output of code_lift())",
                             parameter="table", value=type(table).__name__)
    y = _code_labels(table, y)
    columns = [(x, "x"), (y, "y"), (verdict, "verdict"), (withheld, "withheld")]
    if ci is not None:
        if not (isinstance(ci, (tuple, list)) and len(ci) == 2):
            raise ParameterError("ci must name two columns (low, high), or be None",
                                 parameter="ci", value=ci,
                                 fix='use ci=("lift_ci_low", "lift_ci_high")')
        columns += [(ci[0], "ci"), (ci[1], "ci")]
    _check_table(table, columns)
    _unique_labels(table, y, "filter the table to one segment, or pass y= a column naming both")
    ax = _axes(ax)
    hidden = _hidden(table, withheld)
    lift = pd.to_numeric(table[x], errors="coerce").to_numpy(dtype=float)
    order = np.arange(len(table))
    if sort:
        key = np.where(hidden | ~np.isfinite(lift) | (lift <= 0), -np.inf, lift)
        order = np.argsort(-key, kind="stable")
    ys = np.empty(len(table))
    ys[order] = np.arange(len(table))[::-1]
    verdicts = (table[verdict].astype(object).where(table[verdict].notna(), "no verdict")
                .to_numpy() if verdict is not None else np.full(len(table), "lift", dtype=object))
    drawable = ~hidden & np.isfinite(lift) & (lift > 0)
    for name in pd.unique(verdicts[drawable]):
        rows = np.flatnonzero(drawable & (verdicts == name))
        err = None
        if ci is not None:
            low = pd.to_numeric(table[ci[0]], errors="coerce").to_numpy(dtype=float)[rows]
            high = pd.to_numeric(table[ci[1]], errors="coerce").to_numpy(dtype=float)[rows]
            ok = np.isfinite(low) & np.isfinite(high) & (low > 0)
            err = np.vstack([np.where(ok, np.maximum(lift[rows] - low, 0.0), 0.0),
                             np.where(ok, np.maximum(high - lift[rows], 0.0), 0.0)])
        options = {"fmt": "o", "color": _verdict_colour(name), "capsize": 3,
                   "label": str(name) if verdict is not None else None}
        ax.errorbar(lift[rows], ys[rows], xerr=err, **(options | kwargs))
    for i in np.flatnonzero(~drawable):
        ax.text(1.0, ys[i], "withheld" if hidden[i] else "not estimable", ha="center",
                va="center", fontsize="small", color="0.35")
    ax.set_xscale("log")
    # plain numbers (0.5, 1, 2) instead of powers of ten: readers compare ratios, not exponents
    ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.axvline(1.0, color="0.25", linewidth=1)
    upward = np.argsort(ys)
    ax.set_yticks(ys[upward], [str(v) for v in table[y].to_numpy()[upward]])
    ax.set_ylim(-0.7, len(table) - 0.3)
    shares = [c[len("share_"):] for c in table.columns
              if isinstance(c, str) and c.startswith("share_")]
    if x == "lift" and len(shares) == 2:
        ax.set_xlabel(f"lift: share among {shares[0]} ÷ share among {shares[1]} (log scale)")
    else:
        ax.set_xlabel(f"{x} (log scale)")
    if verdict is not None and drawable.any():
        ax.legend(frameon=False, fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    if title:
        ax.set_title(title)
    return ax


# --------------------------------------------------------------------------
# personas: how big, how different, where they sit, what they score
# --------------------------------------------------------------------------

def _persona_table(table, columns, what):
    if not isinstance(table, pd.DataFrame):
        raise ParameterError(f"expected a DataFrame ({what})", parameter="table", value=type(table).__name__)
    _check_table(table, columns)


def plot_persona_sizes(overview, x="share", y="name", ci=("share_ci_low", "share_ci_high"),
                       withheld="withheld", title="How big each persona is", ax=None, **kwargs):
    """Each persona's share of customers: horizontal bars with 95% intervals, largest on top.

    Parameters
    ----------
    overview : pandas.DataFrame
        ``PersonaProfiles.overview`` (shares 0-1, drawn in %), one row per persona.
    x, y : str, default "share", "name"
        Share and label columns.
    ci : (str, str) or None, default ("share_ci_low", "share_ci_high")
        Interval columns, drawn as whiskers.
    withheld : str or None, default "withheld"
        Boolean column: a True row draws only the word "withheld".
    title : str, default "How big each persona is"
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: the current axes).
    **kwargs
        Passed to ``Axes.barh``.

    Returns
    -------
    matplotlib.axes.Axes
        One bar per shown persona (``ax.patches``), labelled with its share.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_persona_sizes
    >>> overview = pd.DataFrame({"name": ["Bargain hunters", "Loyal fans", "Tiny"], "share": [0.6, 0.39, 0.01],
    ...     "share_ci_low": [0.55, 0.35, 0.0], "share_ci_high": [0.65, 0.43, 0.02],
    ...     "withheld": [False, False, True]})
    >>> fig, ax = plt.subplots()
    >>> len(plot_persona_sizes(overview, ax=ax).patches)
    2
    >>> plt.close(fig)
    """
    columns = [(x, "x"), (y, "y"), (withheld, "withheld")]
    if ci is not None:
        columns += [(ci[0], "ci"), (ci[1], "ci")]
    _persona_table(overview, columns, "PersonaProfiles.overview")
    ax = _axes(ax)
    hidden = _hidden(overview, withheld)
    ys = np.arange(len(overview))[::-1]
    colours = sns.color_palette(REPORT_PALETTE, max(len(overview), 1))
    for i, (yi, row) in enumerate(zip(ys, overview.to_dict("records"))):
        if hidden[i]:
            ax.text(0.0, yi, "  withheld", va="center", fontsize="small", color="0.35")
            continue
        value = 100 * float(row[x])
        err = None
        if ci is not None and np.isfinite(row[ci[0]]) and np.isfinite(row[ci[1]]):
            err = [[value - 100 * float(row[ci[0]])], [100 * float(row[ci[1]]) - value]]
        ax.barh([yi], [value], xerr=err, color=colours[i], capsize=3, **kwargs)
        ax.text(value + (err[1][0] if err else 0) + 0.8, yi, f"{value:.1f}%", va="center", fontsize="small")
    ax.set_yticks(ys, [str(v) for v in overview[y]])
    ax.set_xlabel("share of customers (%)")
    ax.set_xlim(0, max(5.0, 1.15 * 100 * float(np.nanmax(
        overview.loc[~hidden, ci[1] if ci is not None else x].to_numpy(dtype=float), initial=0.0))))
    if title:
        ax.set_title(title)
    return ax


def plot_persona_traits(trait_means, annot=None, limit=1.5, title="What sets each persona apart", ax=None,
                        **kwargs):
    """A heatmap of each persona's standardised means: red below average, blue above.

    Parameters
    ----------
    trait_means : pandas.DataFrame
        ``PersonaProfiles.trait_means``: features (rows) by personas (columns),
        each cell the persona's mean in standard deviations from all customers.
    annot : bool, optional
        Write each cell's value; default when there are 30 rows or fewer.
    limit : float, default 1.5
        The colour scale runs from -limit to +limit standard deviations.
    title : str, default "What sets each persona apart"
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to ``seaborn.heatmap``.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_persona_traits
    >>> means = pd.DataFrame({"Bargain hunters": [1.2, -0.4], "Loyal fans": [-0.8, 0.9]},
    ...                      index=["need low price", "desire recognition"])
    >>> fig, ax = plt.subplots()
    >>> int(plot_persona_traits(means, ax=ax).collections[0].get_array().count())
    4
    >>> plt.close(fig)
    """
    if not isinstance(trait_means, pd.DataFrame) or trait_means.empty:
        raise ParameterError("expected the persona x feature table of standardised means",
                             parameter="trait_means", value=type(trait_means).__name__,
                             fix="pass PersonaProfiles.trait_means")
    ax = _axes(ax)
    values = trait_means.apply(pd.to_numeric, errors="coerce").astype(float)
    options = {"cmap": "RdBu", "center": 0.0, "vmin": -limit, "vmax": limit,
               "annot": len(values) <= 30 if annot is None else annot, "fmt": ".1f", "linewidths": 0.5,
               "cbar_kws": {"label": "persona mean − all customers (SD)"}, "ax": ax}
    with warnings.catch_warnings():  # seaborn 0.13 calls Colormap.set_bad, deprecated by matplotlib 3.11
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        sns.heatmap(values, **(options | kwargs))
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="x", labelrotation=30)
    for label in ax.get_xticklabels():
        label.set_horizontalalignment("right")
    if title:
        ax.set_title(title)
    return ax


def plot_persona_map(projection, x="dim1", y="dim2", hue="persona", names=None,
                     title="Where the personas sit", ax=None, **kwargs):
    """Customers on a 2-D projection, one colour per persona.

    Parameters
    ----------
    projection : pandas.DataFrame
        :func:`cxresearch.personas.persona_map`: ``dim1``, ``dim2``, ``persona``.
    x, y, hue : str
        Columns of the axes and of the persona number.
    names : dict, optional
        Persona number -> name for the legend (``PersonaProfiles.names``).
    title : str, default "Where the personas sit"
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to ``seaborn.scatterplot``.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_persona_map
    >>> points = pd.DataFrame({"dim1": [0.0, 1.0, 5.0, 6.0], "dim2": [0.0, 1.0, 5.0, 4.0],
    ...                        "persona": [0, 0, 1, 1]})
    >>> fig, ax = plt.subplots()
    >>> ax = plot_persona_map(points, names={0: "Bargain hunters", 1: "Loyal fans"}, ax=ax)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['Bargain hunters', 'Loyal fans']
    >>> plt.close(fig)
    """
    _persona_table(projection, [(x, "x"), (y, "y"), (hue, "hue")], "the output of persona_map()")
    ax = _axes(ax)
    names = names or {}
    labels = projection[hue].map(lambda p: names.get(int(p), f"Persona {int(p) + 1}"))
    order = [names.get(int(p), f"Persona {int(p) + 1}") for p in sorted(projection[hue].unique())]
    options = {"s": 8, "alpha": 0.5, "linewidth": 0, "palette": REPORT_PALETTE, "hue_order": order, "ax": ax}
    sns.scatterplot(x=projection[x].to_numpy(), y=projection[y].to_numpy(), hue=labels.to_numpy(),
                    **(options | kwargs))
    explained = projection.attrs.get("explained")
    if explained:
        ax.set_xlabel(f"first principal component ({explained[0]:.0%} of the variance)")
        ax.set_ylabel(f"second ({explained[1]:.0%})")
    ax.legend(frameon=False, fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1.0), markerscale=2)
    if title:
        ax.set_title(title)
    return ax


def plot_persona_nps(overview, overall=None, x="nps", y="name", ci=("nps_ci_low", "nps_ci_high"),
                     withheld="withheld", title="NPS by persona", ax=None, **kwargs):
    """Each persona's NPS with its 95% interval, beside the NPS of all customers.

    Parameters
    ----------
    overview : pandas.DataFrame
        ``PersonaProfiles.overview``.
    overall : float, optional
        NPS of all customers, drawn as a dashed line.
    x, y, ci, withheld
        Columns, as in :func:`plot_group_scores`.
    title : str, default "NPS by persona"
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to ``Axes.errorbar``.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_persona_nps
    >>> overview = pd.DataFrame({"name": ["Bargain hunters", "Loyal fans"], "nps": [5.0, 48.0],
    ...     "nps_ci_low": [1.0, 44.0], "nps_ci_high": [9.0, 52.0], "withheld": [False, False]})
    >>> fig, ax = plt.subplots()
    >>> ax = plot_persona_nps(overview, overall=22.0, ax=ax)
    >>> ax.get_legend().get_texts()[0].get_text()
    'all customers 22'
    >>> plt.close(fig)
    """
    _persona_table(overview, [(x, "x"), (y, "y")], "PersonaProfiles.overview")
    ax = plot_group_scores(overview, x=x, y=y, ci=ci, withheld=withheld, ax=ax, **kwargs)
    if overall is not None and np.isfinite(overall):
        ax.axvline(float(overall), color="0.25", linestyle="--", linewidth=1.2,
                   label=f"all customers {float(overall):.0f}")
        ax.legend(frameon=False, fontsize="small", loc="lower right")
    ax.set_xlabel("NPS (points, 95% interval)")
    if title:
        ax.set_title(title)
    return ax


def plot_persona_selection(selection, min_stability=None, title="How many personas", ax=None):
    """The choice of the number of personas: fit (BIC) and stability for each candidate.

    Parameters
    ----------
    selection : pandas.DataFrame
        ``PersonaSegmenter.selection_``.
    min_stability : float, optional
        The stability a candidate needed, drawn as a dotted line.
    title : str, default "How many personas"
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        Stability (median bootstrap ARI with its 90% band, and the least stable
        persona's Jaccard) on the left axis; BIC relative to one group on a
        second axis (``ax.right_ax``); the chosen number circled.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_persona_selection
    >>> selection = pd.DataFrame({"k": [1, 2, 3], "bic": [100.0, 90.0, 85.0],
    ...     "stability": [float("nan"), 0.95, 0.6], "stability_low": [float("nan"), 0.9, 0.4],
    ...     "stability_high": [float("nan"), 0.98, 0.8], "weakest_persona": [float("nan"), 0.93, 0.5],
    ...     "chosen": [False, True, False]})
    >>> fig, ax = plt.subplots()
    >>> ax = plot_persona_selection(selection, min_stability=0.8, ax=ax)
    >>> [line.get_label() for line in ax.get_lines()][:2]
    ['stability (median ARI)', 'least stable persona (Jaccard)']
    >>> plt.close(fig)
    """
    _persona_table(selection, [("k", "selection"), ("bic", "selection"), ("stability", "selection"),
                               ("chosen", "selection")], "PersonaSegmenter.selection_")
    ax = _axes(ax)
    tried = selection[selection["k"] > 1]
    colours = sns.color_palette(REPORT_PALETTE)
    ax.plot(tried["k"], tried["stability"], "o-", color=colours[0], label="stability (median ARI)")
    if "weakest_persona" in tried:
        ax.plot(tried["k"], tried["weakest_persona"], "s--", color=colours[1],
                label="least stable persona (Jaccard)")
    if {"stability_low", "stability_high"} <= set(tried.columns):
        ax.fill_between(tried["k"], tried["stability_low"], tried["stability_high"], color=colours[0], alpha=0.15)
    if min_stability is not None:
        ax.axhline(min_stability, color="0.4", linestyle=":", linewidth=1)
    chosen = tried[tried["chosen"]]
    if len(chosen):
        ax.plot(chosen["k"], chosen["stability"], "o", markersize=16, markerfacecolor="none",
                markeredgecolor="0.1", label="chosen")
    ax.set_ylim(min(0.0, float(np.nanmin(tried[["stability"]].to_numpy(), initial=0.0))), 1.05)
    ax.set_xlabel("number of personas")
    ax.set_ylabel("stability on bootstrap resamples")
    ax.set_xticks(tried["k"].astype(int).tolist())
    right = ax.twinx()
    baseline = float(selection.loc[selection["k"] == 1, "bic"].iloc[0]) if (selection["k"] == 1).any() else 0.0
    right.plot(tried["k"], tried["bic"] - baseline, "d-", color="0.55", label="BIC − BIC of one group")
    right.set_ylabel("BIC − one group (lower fits better)")
    right.grid(False)
    handles = ax.get_legend_handles_labels()
    more = right.get_legend_handles_labels()
    ax.legend(handles[0] + more[0], handles[1] + more[1], frameon=False, fontsize="small", loc="lower left")
    ax.right_ax = right
    if title:
        ax.set_title(title)
    return ax


# ------------------------------------------------------------------ financial linkage
def _band_colour(label):
    text = str(label).lower()
    if text.startswith(("detractor", "dissatisfied", "difficult")):
        return DETRACTOR_COLOR
    if text.startswith(("promoter", "satisfied", "easy")):
        return PROMOTER_COLOR
    return PASSIVE_COLOR


def plot_group_outcomes(groups, outcome, title=None, ax=None, **kwargs):
    """One outcome per band (mean or rate) with its 95% interval; withheld bands drawn empty.

    Parameters
    ----------
    groups : pandas.DataFrame
        ``GroupComparison.groups`` of :func:`cxresearch.linkage.compare_groups`.
    outcome : str
        Which outcome to draw.
    title : str, optional
        Default: the outcome's name.
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to ``Axes.bar``.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_group_outcomes
    >>> groups = pd.DataFrame({"outcome": "revenue", "group": ["detractor", "passive", "promoter"],
    ...     "estimate": [80.0, 100.0, 120.0], "ci_low": [75.0, 95.0, 114.0], "ci_high": [85.0, 105.0, 126.0],
    ...     "kind": "mean", "withheld": [False, False, False]})
    >>> fig, ax = plt.subplots()
    >>> len(plot_group_outcomes(groups, "revenue", ax=ax).patches)
    3
    >>> plt.close(fig)
    """
    _check_table(groups, [("outcome", "groups"), ("group", "groups"), ("estimate", "groups"),
                          ("ci_low", "groups"), ("ci_high", "groups")])
    table = groups[groups["outcome"] == outcome]
    if table.empty:
        raise ParameterError("no such outcome in the comparison", parameter="outcome", value=outcome,
                             fix=f"use one of {sorted(groups['outcome'].unique())}")
    ax = _axes(ax)
    hidden = _hidden(table, "withheld" if "withheld" in table else None)
    x = np.arange(len(table))
    heights = np.where(hidden, 0.0, table["estimate"].to_numpy(float))
    colours = [_band_colour(g) for g in table["group"]]
    ax.bar(x, heights, color=colours, **kwargs)
    shown = ~hidden
    low, high = table["ci_low"].to_numpy(float), table["ci_high"].to_numpy(float)
    ax.errorbar(x[shown], heights[shown], yerr=[np.clip(heights[shown] - low[shown], 0, None),
                                                np.clip(high[shown] - heights[shown], 0, None)],
                fmt="none", ecolor="0.2", capsize=4, linewidth=1.2)
    for position in x[hidden]:
        ax.text(position, 0, "withheld", ha="center", va="bottom", fontsize="small", color="0.4")
    ax.set_xticks(x, [str(g) for g in table["group"]])
    kind = table["kind"].iloc[0] if "kind" in table else "mean"
    ax.set_ylabel(f"{'share' if kind == 'rate' else 'mean'} (95% interval)")
    if kind == "rate":
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_title(title if title is not None else outcome)
    return ax


def plot_odds_ratios(table, x="odds_ratio", y="term", ci=("ci_low", "ci_high"), title="Odds ratios", ax=None,
                     **kwargs):
    """A forest plot: odds (or rate) ratios with intervals on a log axis, 1 marked.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`cxresearch.linkage.churn_model` odds ratios (or
        :func:`~cxresearch.linkage.order_rate_ratios` with ``x="rate_ratio"``).
    x, y, ci : str
        Columns of the ratio, the label and the interval.
    title : str, default "Odds ratios"
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to ``Axes.errorbar``.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_odds_ratios
    >>> table = pd.DataFrame({"term": ["detractor", "promoter"], "odds_ratio": [1.7, 0.64],
    ...                       "ci_low": [1.5, 0.58], "ci_high": [1.9, 0.7]})
    >>> fig, ax = plt.subplots()
    >>> ax = plot_odds_ratios(table, ax=ax)
    >>> ax.get_xscale(), [t.get_text() for t in ax.get_yticklabels()]
    ('log', ['detractor', 'promoter'])
    >>> plt.close(fig)
    """
    _check_table(table, [(x, "x"), (y, "y"), (ci[0], "ci"), (ci[1], "ci")])
    ax = _axes(ax)
    values = table[x].to_numpy(float)
    low, high = table[ci[0]].to_numpy(float), table[ci[1]].to_numpy(float)
    position = np.arange(len(table))[::-1]
    options = {"fmt": "o", "color": "0.15", "ecolor": "0.3", "capsize": 3}
    ax.errorbar(values, position, xerr=[values - low, high - values], **(options | kwargs))
    ax.axvline(1.0, color="0.5", linestyle="--", linewidth=1)
    ax.set_xscale("log")
    ax.set_yticks(position, [str(t) for t in table[y]])
    ax.set_xlabel(f"{x.replace('_', ' ')} (95% interval, log scale)")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
    if title:
        ax.set_title(title)
    return ax


def plot_relative_weights(weights, title="Key drivers: share of the score's explained variance", ax=None, **kwargs):
    """Relative weights (% of R²) per driver with bootstrap intervals, the strongest on top.

    Parameters
    ----------
    weights : pandas.DataFrame
        :func:`cxresearch.drivers.relative_weights`.
    title : str
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to ``Axes.barh``.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_relative_weights
    >>> weights = pd.DataFrame({"driver": ["delivery", "staff"], "rescaled": [60.0, 40.0],
    ...                         "rescaled_ci_low": [55.0, 35.0], "rescaled_ci_high": [65.0, 45.0]})
    >>> fig, ax = plt.subplots()
    >>> [t.get_text() for t in plot_relative_weights(weights, ax=ax).get_yticklabels()]
    ['delivery', 'staff']
    >>> plt.close(fig)
    """
    _check_table(weights, [("driver", "weights"), ("rescaled", "weights")])
    ax = _axes(ax)
    position = np.arange(len(weights))[::-1]
    values = weights["rescaled"].to_numpy(float)
    ax.barh(position, values, color=sns.color_palette(REPORT_PALETTE)[0], **kwargs)
    if {"rescaled_ci_low", "rescaled_ci_high"} <= set(weights.columns) and weights["rescaled_ci_low"].notna().all():
        ax.errorbar(values, position, xerr=[values - weights["rescaled_ci_low"].to_numpy(float),
                                            weights["rescaled_ci_high"].to_numpy(float) - values],
                    fmt="none", ecolor="0.2", capsize=3)
    ax.set_yticks(position, [str(d) for d in weights["driver"]])
    ax.set_xlabel("% of R² (95% interval)")
    if title:
        ax.set_title(title)
    return ax


def plot_importance_performance(table, title="Importance against performance", ax=None, **kwargs):
    """Each driver's importance against its current rating, quadrants marked, "act first" in red.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`cxresearch.drivers.importance_performance`.
    title : str
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to ``Axes.scatter``.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_importance_performance
    >>> table = pd.DataFrame({"driver": ["delivery", "range"], "importance": [60.0, 40.0],
    ...                       "performance": [3.1, 4.2], "quadrant": ["act first", "possible overkill"]})
    >>> fig, ax = plt.subplots()
    >>> sorted(t.get_text() for t in plot_importance_performance(table, ax=ax).texts)
    ['act first', 'delivery', 'range']
    >>> plt.close(fig)
    """
    _check_table(table, [("driver", "table"), ("importance", "table"), ("performance", "table"),
                         ("quadrant", "table")])
    ax = _axes(ax)
    act = (table["quadrant"] == "act first").to_numpy()
    colours = np.where(act, DETRACTOR_COLOR, "0.45")
    ax.scatter(table["performance"], table["importance"], c=list(colours), s=40, **kwargs)
    for row, colour in zip(table.itertuples(), colours):
        ax.annotate(str(row.driver), (row.performance, row.importance), xytext=(4, 3), textcoords="offset points",
                    fontsize="small", color=colour)
    ax.axvline(table["performance"].mean(), color="0.6", linestyle=":", linewidth=1)
    ax.axhline(table["importance"].mean(), color="0.6", linestyle=":", linewidth=1)
    ax.set_xlabel("performance (current rating)")
    ax.set_ylabel("importance (% of R²)")
    ax.text(0.01, 0.99, "act first", transform=ax.transAxes, ha="left", va="top", color=DETRACTOR_COLOR,
            fontsize="small", fontweight="bold")
    if title:
        ax.set_title(title)
    return ax


def plot_unit_linkage(units, summary=None, title="Employee engagement and store NPS", ax=None, **kwargs):
    """Stores (or teams): score against employee engagement, the fitted line, the furthest ones labelled.

    Parameters
    ----------
    units : pandas.DataFrame
        ``UnitLinkage.units`` of :func:`cxresearch.linkage.unit_linkage`.
    summary : pandas.DataFrame, optional
        ``UnitLinkage.summary``: r and slope in the legend.
    title : str
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to ``seaborn.regplot``'s scatter.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_unit_linkage
    >>> units = pd.DataFrame({"unit": ["A", "B", "C", "D"], "engagement": [60.0, 65.0, 70.0, 80.0],
    ...     "score": [10.0, 20.0, 45.0, 40.0], "in_fit": True, "furthest": [False, False, True, False]})
    >>> fig, ax = plt.subplots()
    >>> [t.get_text() for t in plot_unit_linkage(units, ax=ax).texts]
    ['C']
    >>> plt.close(fig)
    """
    _check_table(units, [("unit", "units"), ("engagement", "units"), ("score", "units"), ("in_fit", "units")])
    ax = _axes(ax)
    fitted = units[units["in_fit"].astype(bool)]
    label = None
    if summary is not None and len(summary):
        s = summary.iloc[0]
        label = (f"r = {s['r']:.2f} ({s['r_ci_low']:.2f} to {s['r_ci_high']:.2f}); "
                 f"{s['slope']:+.1f} points per {s['per']:g} engagement points")
    sns.regplot(x=fitted["engagement"].to_numpy(float), y=fitted["score"].to_numpy(float), ax=ax,
                scatter_kws={"s": 14, "alpha": 0.6, **kwargs}, line_kws={"color": DETRACTOR_COLOR, "label": label},
                ci=95)
    if "furthest" in units:
        for row in fitted[fitted["furthest"].astype(bool)].itertuples():
            ax.annotate(str(row.unit), (row.engagement, row.score), xytext=(4, 4), textcoords="offset points",
                        fontsize="small")
    ax.set_xlabel("employee engagement")
    ax.set_ylabel("store score")
    if label:
        ax.legend(frameon=False, fontsize="small", loc="lower right")
    if title:
        ax.set_title(title)
    return ax


def plot_theme_costs(table, outcome, title=None, ax=None, **kwargs):
    """Per theme: how much customers who raise it differ on an outcome, with intervals; withheld themes left out.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`cxresearch.linkage.theme_costs`.
    outcome : str
        Which outcome (e.g. ``"clv"``).
    title : str, optional
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to ``Axes.errorbar``.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from cxresearch.plotting import plot_theme_costs
    >>> table = pd.DataFrame({"theme": ["delivery", "parking"], "outcome": "clv", "difference": [-120.0, -5.0],
    ...                       "ci_low": [-150.0, -30.0], "ci_high": [-90.0, 20.0], "withheld": [False, False]})
    >>> fig, ax = plt.subplots()
    >>> [t.get_text() for t in plot_theme_costs(table, "clv", ax=ax).get_yticklabels()]
    ['delivery', 'parking']
    >>> plt.close(fig)
    """
    _check_table(table, [("theme", "table"), ("outcome", "table"), ("difference", "table"), ("ci_low", "table"),
                         ("ci_high", "table")])
    ax = _axes(ax)
    rows = table[(table["outcome"] == outcome) & ~table.get("withheld", False)].sort_values("difference")
    position = np.arange(len(rows))[::-1]
    values = rows["difference"].to_numpy(float)
    colours = [DETRACTOR_COLOR if high < 0 else (PROMOTER_COLOR if low > 0 else "0.5")
               for low, high in zip(rows["ci_low"], rows["ci_high"])]
    for pos, value, low, high, colour in zip(position, values, rows["ci_low"], rows["ci_high"], colours):
        ax.errorbar(value, pos, xerr=[[value - low], [high - value]], fmt="o", color=colour, capsize=3, **kwargs)
    ax.axvline(0, color="0.5", linestyle="--", linewidth=1)
    ax.set_yticks(position, [str(t) for t in rows["theme"]])
    ax.set_xlabel(f"{outcome}: customers raising the theme − the others (95% interval)")
    ax.set_title(title if title is not None else f"What each theme's customers are worth ({outcome})")
    return ax
