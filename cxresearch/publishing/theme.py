"""The one look of the published pages, and the HTML pieces both the gallery and the reports use.

Colours follow the report theme of the figures (``cxresearch.plotting``:
seaborn's ``colorblind`` palette on white); numbers are written the way
people read them with :func:`cxresearch.index.format_value` (thousands
separators, %, currency). Every text is escaped. No font, script or style
sheet is fetched from anywhere.

What it is not for: reading runs (:mod:`.runs`) or widgets (:mod:`.page`).
"""

from __future__ import annotations

import html
import math

from ..index import format_value

__all__ = ["CSS", "escape", "headline_cards", "friendly_message", "format_cell", "table_html", "SUPPRESSED"]

#: What a reader sees instead of a withheld number.
SUPPRESSED = "suppressed"

CSS = """
:root{--cx-ink:#1f2933;--cx-muted:#52606d;--cx-line:#e4e7eb;--cx-blue:#0173b2;--cx-orange:#de8f05;
--cx-green:#029e73;--cx-red:#d55e00;--cx-bg:#f7f8fa}
body{background:var(--cx-bg)}
.cx{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--cx-ink);
line-height:1.45;max-width:1100px;margin:0 auto}
.cx h1{font-size:1.7rem;margin:8px 0 2px}.cx h2{font-size:1.2rem;margin:22px 0 8px}
.cx .sub{color:var(--cx-muted);margin:0 0 14px}
.cx a{color:var(--cx-blue)}
.cx-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:12px;margin:8px 0 10px;
align-items:start}
.cx-card{background:#fff;border:1px solid var(--cx-line);border-top:4px solid var(--cx-blue);border-radius:8px;
padding:10px 14px}
.cx-card .label{font-size:.85rem;color:var(--cx-muted)}
.cx-card .value{font-size:1.45rem;font-weight:600;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.cx-card .value.long{font-size:.95rem;font-weight:500}
.cx-card .detail{font-size:.8rem;color:var(--cx-muted)}
.cx-card.status-on-target,.cx-card.status-met{border-top-color:var(--cx-green)}
.cx-card.status-off-target,.cx-card.status-missed{border-top-color:var(--cx-red)}
.cx-card.status-close{border-top-color:var(--cx-orange)}
.cx-panel{background:#fff;border:1px solid var(--cx-line);border-radius:8px;padding:12px 16px;margin:8px 0}
.cx-big{font-size:2rem;font-weight:650;font-variant-numeric:tabular-nums}
.cx-suppressed{color:var(--cx-muted);font-style:italic}
.cx table{border-collapse:collapse;font-size:.9rem;margin:6px 0;background:#fff}
.cx th,.cx td{text-align:left;padding:4px 10px;border-bottom:1px solid var(--cx-line);vertical-align:top}
.cx th{background:#f5f7fa;font-weight:600}
.cx td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.cx figure{margin:14px 0;background:#fff;border:1px solid var(--cx-line);border-radius:8px;padding:10px}
.cx figure img{max-width:100%;height:auto}
.cx figcaption{font-size:.85rem;color:var(--cx-muted);margin-top:6px}
.cx details{margin:6px 0}.cx summary{cursor:pointer}
.cx-unavailable{background:#fff4e5;border-left:5px solid var(--cx-orange);padding:14px 18px;border-radius:6px;
margin:24px 0}
.cx-note{color:var(--cx-muted);font-size:.85rem}
.cx-gallery section{background:#fff;border:1px solid var(--cx-line);border-radius:8px;padding:14px 18px;
margin:0 0 16px}
.widget-dropdown>select{font-size:.9rem}
"""


def escape(text) -> str:
    """Text made safe for HTML (quotes too)."""
    return html.escape(str(text), quote=True)


def _status_class(status) -> str:
    return "status-" + "-".join(str(status or "").lower().split())


def headline_cards(results: list) -> str:
    """The headline numbers of a run (``results.json`` entries) as cards: label, value, interval, n, target.

    Each card carries ``data-name`` (the result's name) and its value in a
    ``.value`` element, written by ``format_value``.

    Examples
    --------
    >>> html = headline_cards([{"name": "nps", "value": 22.34, "unit": "points", "label": "NPS",
    ...                         "ci_low": 20.9, "ci_high": 23.8, "n": 12702}])
    >>> "22.3 pts" in html and "20.9 to 23.8 pts" in html and "n = 12,702" in html
    True
    """
    cards = []
    for entry in results:
        unit = entry.get("unit", "")
        details = []
        if entry.get("ci_low") is not None and entry.get("ci_high") is not None:
            details.append(f"95% interval {format_value(entry['ci_low'], unit, suffix=False)} to "
                           f"{format_value(entry['ci_high'], unit)}")
        if isinstance(entry.get("n"), (int, float)) and not isinstance(entry.get("n"), bool):
            details.append(f"n = {format_value(entry['n'])}")
        if entry.get("target") is not None:
            details.append(f"target {format_value(entry['target'], unit)}")
        if entry.get("status"):
            details.append(str(entry["status"]))
        note = f'<div class="detail">{escape(entry["note"])}</div>' if entry.get("note") else ""
        value = format_value(entry.get("value"), unit)
        size = " long" if len(value) > 24 else ""
        cards.append(f'<div class="cx-card {escape(_status_class(entry.get("status")))}" '
                     f'data-name="{escape(entry.get("name", ""))}">'
                     f'<div class="label">{escape(entry.get("label") or entry.get("name", ""))}</div>'
                     f'<div class="value{size}">{escape(value)}</div>'
                     f'<div class="detail">{escape(" · ".join(details))}</div>{note}</div>')
    return f'<div class="cx-cards">{"".join(cards)}</div>' if cards else \
        '<p class="cx-note">This run recorded no headline numbers.</p>'


def friendly_message(title: str, text: str, home: str = "/") -> str:
    """A short message for people in place of a report (no traceback, no path)."""
    return (f'<div class="cx"><div class="cx-unavailable" role="alert"><h2>{escape(title)}</h2>'
            f'<p>{escape(text)}</p><p><a href="{escape(home)}">All reports</a></p></div></div>')


_SHARE_COLUMNS = {"share", "promoters", "passives", "detractors", "churn_rate", "rate"}


def format_cell(value, column: str = "") -> str:
    """One table cell for people: shares as %, other numbers with separators, missing as "–".

    Examples
    --------
    >>> format_cell(0.4236, "share"), format_cell(1234567.0, "revenue"), format_cell(None), format_cell("Gold")
    ('42.4%', '1,234,567', '–', 'Gold')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return "–"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        name = column.lower()
        if name in _SHARE_COLUMNS or name.endswith(("_share", "_rate")) or name.startswith("share_"):
            return format_value(float(value), "share")
        return format_value(float(value))
    return str(value)


def table_html(rows: list[dict], columns: list[str] | None = None) -> str:
    """Rows (dicts) as an HTML table, numbers right-aligned and formatted by :func:`format_cell`."""
    columns = columns or (list(rows[0]) if rows else [])
    head = "".join(f"<th>{escape(c.replace('_', ' '))}</th>" for c in columns)
    body = []
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column)
            kind = "num" if isinstance(value, (int, float)) and not isinstance(value, bool) else "text"
            cells.append(f'<td class="{kind}">{escape(format_cell(value, column))}</td>')
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
