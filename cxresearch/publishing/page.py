"""A study's report as a Voilà page: what runs in the report's kernel for each view.

The report notebook the server publishes imports this module ahead of the
request (a preheated kernel) and then calls :func:`show_report` with the
page's query string (``study=00-cx-scorecard&segment=Gold``). The page shows,
from the study's latest good run folder only:

* the title, the run's date and links (the static report, all reports);
* the headline numbers of ``results.json``, formatted for people;
* one panel per recorded cube: a drop-down per filter (pre-selected from the
  URL), the measure of the chosen combination looked up in the cube, or
  "suppressed" when the run withheld it, and a link to this very view;
* the run's figures (PNG, fetched from the run folder, with their alt text) and tables.

Nothing here computes a result: a filter change is a dictionary lookup. Any
problem (unknown study, damaged run folder, a bug) becomes a short message
on the page; the details go to the server's log, never to the reader.

What it is not for: the gallery or the server (:mod:`.gallery`, :mod:`.server`).
"""

from __future__ import annotations

import sys
import traceback
from urllib.parse import parse_qs, quote, urlencode

from ..exceptions import CXResearchError, ParameterError
from ..index import format_value
from . import theme
from .runs import Cube, PublishedRun, load_run, read_cube

__all__ = ["show_report", "report_parts", "cube_html", "FilterPanel", "INLINE_TABLE_ROWS"]

#: Tables up to this many rows are shown on the page; longer ones are offered as CSV.
INLINE_TABLE_ROWS = 30
_ALL = "All"


def _query(query_string) -> dict:
    """The page's query as ``{name: last value}``."""
    return {name: values[-1] for name, values in parse_qs(query_string or "").items() if values}


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _view_link(study: str, selection: dict) -> str:
    chosen = {"study": study, **{k: v for k, v in selection.items() if v != _ALL}}
    return "?" + urlencode(chosen, quote_via=quote)


def _suppressed(cube: Cube, why: str) -> str:
    return (f'<div class="cx-big"><span class="cx-suppressed" data-cx="value">{theme.SUPPRESSED}</span></div>'
            f'<p class="cx-note">{theme.escape(why)}</p>')


def cube_html(cube: Cube, selection: dict, study: str) -> str:
    """The measure of one filter combination as HTML: the number, or "suppressed", and a link to the view.

    Examples
    --------
    >>> from cxresearch.publishing.runs import Cube
    >>> cube = Cube("nps_filters", "", "nps", ["segment"], {"segment": ["Gold", "Silver"]}, None, 10, {
    ...     ("All",): [{"n": 120.0, "nps": 22.5, "ci_low": 9.1, "ci_high": 35.9, "promoters": 0.4,
    ...                 "passives": 0.425, "detractors": 0.175, "reliable": "True", "withheld": False}],
    ...     ("Gold",): [{"n": None, "nps": None, "withheld": True}]})
    >>> "22.5 pts" in cube_html(cube, {"segment": "All"}, "s")
    True
    >>> "suppressed" in cube_html(cube, {"segment": "Gold"}, "s")
    True
    """
    rows = cube.lookup(selection)
    link = (f'<p class="cx-note"><a href="{theme.escape(_view_link(study, selection))}" data-cx="link">'
            f'Link to this view</a></p>')
    if not rows:
        body = ('<div class="cx-big"><span class="cx-suppressed" data-cx="value">no answers</span></div>'
                '<p class="cx-note">Nobody answered in this combination.</p>')
    elif rows[0]["withheld"]:
        body = _suppressed(cube, f"Fewer than {cube.min_n_privacy} answers in this combination, or withheld so "
                                 "that a small group cannot be worked out by subtraction.")
    elif cube.measure == "nps":
        row = rows[0]
        care = "" if str(row.get("reliable")) == "True" else " Few answers: read with care."
        body = (f'<div><span class="cx-big" data-cx="value">{theme.escape(format_value(row["nps"], "points"))}'
                f'</span> <span class="cx-note">NPS</span></div>'
                f'<p class="cx-note">95% interval {theme.escape(format_value(row["ci_low"], "points", suffix=False))}'
                f' to {theme.escape(format_value(row["ci_high"], "points"))} · '
                f'<span data-cx="n">{theme.escape(format_value(row["n"]))}</span> answers · promoters '
                f'{format_value(row["promoters"], "share")}, passives {format_value(row["passives"], "share")}, '
                f'detractors {format_value(row["detractors"], "share")}.{care}</p>')
    else:
        ordered = sorted(rows, key=lambda r: -(r.get("share") or 0))
        table = theme.table_html([{cube.item or "item": r[cube.item] if cube.item else "", "share": r["share"],
                                   "95% interval": f'{format_value(r["ci_low"], "share")} to '
                                                   f'{format_value(r["ci_high"], "share")}',
                                   "count": r["count"]} for r in ordered])
        body = (f'<p><span data-cx="n">{theme.escape(format_value(rows[0]["n"]))}</span> in this combination; '
                f'share of them per {theme.escape(_label(cube.item or "item").lower())}:</p>'
                f'<div data-cx="value">{table}</div>')
    return f'<div class="cx cx-panel" data-cube="{theme.escape(cube.name)}">{body}{link}</div>'


class FilterPanel:
    """Drop-downs over a cube's filters and the looked-up result below them (``.widget``)."""

    def __init__(self, cube: Cube, preset: dict, study: str):
        import ipywidgets as widgets

        self.cube, self.study = cube, study
        notes = []
        self.controls = {}
        for name in cube.filters:
            options = [_ALL] + list(cube.values.get(name, []))
            wanted = preset.get(name, _ALL)
            if wanted not in options:
                notes.append(f"{name}={wanted} is not in this report; showing All.")
                wanted = _ALL
            self.controls[name] = widgets.Dropdown(options=options, value=wanted, description=_label(name),
                                                   style={"description_width": "initial"},
                                                   layout=widgets.Layout(width="auto", margin="2px 12px 2px 0"))
        self.result = widgets.HTML()
        for control in self.controls.values():
            control.observe(self.update, names="value")
        self.update()
        header = (f'<div class="cx"><h2>{theme.escape(cube.caption or _label(cube.name))}</h2>'
                  + "".join(f'<p class="cx-note">{theme.escape(n)}</p>' for n in notes) + "</div>")
        self.widget = widgets.VBox([widgets.HTML(header),
                                    widgets.HBox(list(self.controls.values()),
                                                 layout=widgets.Layout(flex_flow="row wrap")),
                                    self.result])

    @property
    def selection(self) -> dict:
        return {name: control.value for name, control in self.controls.items()}

    def update(self, change=None) -> None:
        try:
            self.result.value = cube_html(self.cube, self.selection, self.study)
        except Exception as err:  # noqa: BLE001 - a callback's error would otherwise reach the page
            _log(self.study, err)
            self.result.value = theme.friendly_message("This view is not available",
                                                       "Try another selection, or reload the page.")


def _figures_html(run: PublishedRun) -> str:
    """The run's saved figures, fetched by the browser from the run folder (not sent through the kernel)."""
    parts = []
    for figure in run.figures:
        alt = figure.get("alt") or figure.get("name", "")
        src = f'/report/{quote(run.study)}/{quote(figure["path"])}'
        parts.append(f'<figure><img src="{theme.escape(src)}" alt="{theme.escape(alt)}" loading="lazy">'
                     f'<figcaption>{theme.escape(alt)}</figcaption></figure>')
    return f'<div class="cx"><h2>Figures</h2>{"".join(parts)}</div>' if parts else ""


def _tables_html(run: PublishedRun) -> str:
    import csv

    from .runs import _number

    parts = []
    for table in run.tables:
        title = theme.escape(table.get("caption") or _label(table["name"]))
        rows = int(table.get("rows") or 0)
        href = f'/report/{quote(run.study)}/{quote(table["path"])}'
        if 0 < rows <= INLINE_TABLE_ROWS:
            with open(run.folder / table["path"], encoding="utf-8", newline="") as handle:
                records = [{k: _number(v) for k, v in row.items()} for row in csv.DictReader(handle)]
            parts.append(f'<details><summary>{title}</summary>{theme.table_html(records)}'
                         f'<p class="cx-note"><a href="{href}">CSV</a></p></details>')
        else:
            parts.append(f'<p>{title}: <a href="{href}">CSV, {format_value(rows)} rows</a></p>')
    return f'<div class="cx"><h2>Tables</h2>{"".join(parts)}</div>' if parts else ""


def report_parts(run: PublishedRun, query: dict) -> list:
    """What the page shows, in order: HTML strings and filter panels (widgets)."""
    static = f'/report/{quote(run.study)}/report.html'
    head = (f'<style>{theme.CSS}</style><div class="cx"><h1>{theme.escape(run.title)}</h1>'
            f'<p class="sub">Latest good run: {theme.escape(run.date)} · '
            f'<a href="{static}">full report (static page)</a> · <a href="/">all reports</a></p>'
            f'<h2>Headline numbers</h2>{theme.headline_cards(run.results)}</div>')
    parts = [head]
    cubes = [read_cube(run, entry) for entry in run.cubes]
    parts += [FilterPanel(cube, query, run.study) for cube in cubes]
    parts += [p for p in (_figures_html(run), _tables_html(run)) if p]
    return parts


def _log(study, err: BaseException) -> None:
    """The details for the people running the server: its terminal (the kernel's own stderr)."""
    detail = str(err) if isinstance(err, CXResearchError) else "".join(
        traceback.format_exception(type(err), err, err.__traceback__))
    print(f"cxresearch report {study!r}: {detail}", file=sys.__stderr__, flush=True)


def show_report(query_string=None, reports_dir=None) -> None:
    """Display the report the query names (``study=...``, filters); never raises.

    Parameters
    ----------
    query_string : str, optional
        The page's query, e.g. from ``voila.utils.get_query_string()``.
    reports_dir : path, optional
        Default: the published reports folder.
    """
    from IPython.display import HTML, display

    query = _query(query_string)
    study = query.pop("study", None)
    try:
        if not study:
            raise ParameterError("no report named", parameter="study", value=None,
                                 fix="open the gallery and pick a report")
        parts = report_parts(load_run(study, reports_dir), query)
    except ParameterError as err:
        _log(study, err)
        parts = [f"<style>{theme.CSS}</style>" + theme.friendly_message(
            "There is no such report", "The link may be old or mistyped. Pick a report from the list.")]
    except Exception as err:  # noqa: BLE001 - whatever went wrong, the reader gets a short message
        _log(study, err)
        parts = [f"<style>{theme.CSS}</style>" + theme.friendly_message(
            "This report is not available right now",
            "Its latest run could not be read. The team that runs the studies can see why in the "
            "server's log; the other reports are not affected.")]
    for part in parts:
        display(HTML(part) if isinstance(part, str) else part.widget)
