"""``reports/index.html``: the latest good run of each study, its headline numbers and links.

Rebuilt by the runner after every run (under a lock), from the run folders'
``run.json`` and ``results.json`` and the run log, so it always agrees with
them. One self-contained page: inline CSS, no script, nothing fetched from the
internet, every text escaped. :func:`format_value` writes a number the way a
person reads it (thousands separators, %, currency).

What it is not for: the reports themselves (each run's ``report.html``) or
computing anything.
"""

from __future__ import annotations

import html
import json
import math
import os
import secrets
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from . import config

__all__ = ["format_value", "format_change", "latest_run_id", "latest_runs", "write_index", "INDEX_FILE"]

INDEX_FILE = "index.html"
_CURRENCIES = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CHF": "CHF ", "PLN": "PLN ", "CNY": "CN¥",
               "€": "€", "$": "$", "£": "£"}
_SHARES = {"share", "proportion", "fraction", "rate"}
_PERCENTS = {"%", "percent", "pct"}
_POINTS = {"points", "pts", "point", "nps points"}


def _number(value: float, decimals: int | None = None) -> str:
    if decimals is None:
        size = abs(value)
        decimals = 0 if (float(value).is_integer() or size >= 1000) else 1 if size >= 10 else 2
    return f"{value:,.{decimals}f}"


def format_value(value, unit: str = "", *, suffix: bool = True) -> str:
    """A headline number as people read it.

    ``suffix=False`` leaves out a unit written after the number ("pts",
    "(score 1-5)"), for intervals and targets beside the value; % and
    currency symbols stay.

    Examples
    --------
    >>> format_value(0.2534, "share"), format_value(1234567.8, "EUR"), format_value(22.34, "points")
    ('25.3%', '€1,234,568', '22.3 pts')
    >>> format_value(4.213, "score 1-5"), format_value(12702, ""), format_value(None, "share")
    ('4.21 (score 1-5)', '12,702', 'n/a')
    >>> format_value(20.94, "points", suffix=False)
    '20.9'
    """
    unit = (unit or "").strip()
    key = unit.lower()
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "n/a"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if not isinstance(value, (int, float)):
        return f"{value} {unit}".strip()
    if key in _SHARES:
        return f"{value:.1%}"
    if key in _PERCENTS:
        return f"{value:,.1f}%"
    code = unit.upper() if unit.upper() in _CURRENCIES else ("EUR" if key == "currency" else None)
    if code:
        sign = "-" if value < 0 else ""
        amount = abs(value)
        return f"{sign}{_CURRENCIES[code]}{amount:,.{0 if amount >= 1000 else 2}f}"
    if key in _POINTS:
        return f"{value:,.1f} pts" if suffix else f"{value:,.1f}"
    text = _number(value)
    if not unit or not suffix:
        return text
    return f"{text} ({unit})" if any(ch.isdigit() for ch in unit) else f"{text} {unit}"


def format_change(change, unit: str = "") -> str:
    """A change between two periods as people read it: shares in percentage points, else in the unit.

    Examples
    --------
    >>> format_change(0.0004752, "share"), format_change(0.1917, "points"), format_change(-50.12, "EUR")
    ('+0.05 pp', '+0.2 pts', '-€50.12')
    >>> format_change(0.02205, "score 1-7")
    '+0.02'
    """
    if change is None or (isinstance(change, float) and not math.isfinite(change)):
        return "n/a"
    sign, key = "-" if change < 0 else "+", (unit or "").strip().lower()
    if key in _SHARES:
        points = abs(change) * 100
        return f"{sign}{points:.{1 if points >= 0.1 or points == 0 else 2}f} pp"
    return sign + format_value(abs(change), unit, suffix=key in _POINTS)


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}


def latest_run_id(study_dir: Path) -> str:
    """The run folder name ``LATEST`` (or, failing that, the ``latest`` symlink) points at; "" when none."""
    text = Path(study_dir) / "LATEST"
    if text.exists():
        return text.read_text(encoding="utf-8").strip()
    if (Path(study_dir) / "latest").is_symlink():
        return os.readlink(Path(study_dir) / "latest")
    return ""


def latest_runs(reports_dir=None) -> list[dict]:
    """Per study folder: its name, the latest good run (``run.json`` + results) and its last logged run."""
    from .runner import RUN_FILE, read_run_log

    reports_dir = Path(reports_dir if reports_dir is not None else config.REPORTS_DIR)
    last = {}
    for record in read_run_log(reports_dir):
        if record.get("status") in ("ok", "failed") and record.get("study"):
            last[record["study"]] = record
    studies = []
    folders = [p for p in sorted(reports_dir.iterdir()) if p.is_dir() and not p.name.startswith((".", "_"))] \
        if reports_dir.is_dir() else []
    for folder in folders:
        run_id = latest_run_id(folder)
        run_dir = folder / run_id if run_id else None
        if (run_dir is None or not run_dir.is_dir()) and folder.name not in last:
            continue
        entry = {"study": folder.name, "run_id": run_id, "run_dir": run_dir, "run": {}, "results": {},
                 "last": last.get(folder.name)}
        if run_dir is not None and run_dir.is_dir():
            entry["run"] = _read_json(run_dir / RUN_FILE)
            entry["results"] = _read_json(run_dir / "results.json")
        else:
            entry["run_dir"] = None
        studies.append(entry)
    return studies


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;color:#1f2933;
background:#f7f8fa;line-height:1.45}
main{max-width:980px;margin:0 auto;padding:24px}
h1{font-size:1.6rem;margin:0 0 4px}
.sub{color:#52606d;margin:0 0 24px}
section{background:#fff;border:1px solid #e4e7eb;border-radius:8px;padding:16px 20px;margin:0 0 18px}
h2{font-size:1.2rem;margin:0 0 4px}
.meta{color:#52606d;font-size:.9rem;margin:0 0 12px}
.meta a{margin-right:12px}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid #e4e7eb;vertical-align:top}
th{font-weight:600;color:#3e4c59;background:#f5f7fa}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.warn{background:#fff4e5;border-left:4px solid #f0a030;padding:8px 12px;margin:8px 0}
.status{font-size:.85rem;color:#3e4c59}
.none{color:#7b8794}
.files{font-size:.9rem;color:#52606d;margin:10px 0 0}
"""


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _when(stamp) -> str:
    try:
        return datetime.fromisoformat(str(stamp)).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return str(stamp or "")


def _study_section(entry: dict) -> str:
    study, run, results = entry["study"], entry["run"], entry["results"]
    parts = [f'<section id="{_e(study)}"><h2>{_e(study)}</h2>']
    if entry["run_dir"] is not None:
        href = f"{quote(study)}/{quote(entry['run_id'])}"
        links = [f'<a href="{href}/report.html">report</a>'] if (entry["run_dir"] / "report.html").exists() else []
        links.append(f'<a href="{href}/notebook.ipynb">notebook</a>')
        links.append(f'<a href="{href}/">run folder</a>')
        parameters = ", ".join(f"{k}={v}" for k, v in (run.get("given") or {}).items())
        named = f" · named run {_e(run['name'])}" if run.get("name") and run.get("name") != study else ""
        parts.append(f'<p class="meta">Latest good run {_e(_when(run.get("start")))}{named}'
                     f'{" · " + _e(parameters) if parameters else ""} · {" ".join(links)}</p>')
    else:
        parts.append('<p class="meta none">No good run yet.</p>')
    last = entry.get("last")
    if last and last.get("status") == "failed" and last.get("start", "") >= str(run.get("start", "")):
        cell = f", cell {last['cell']}" if last.get("cell") else ""
        parts.append(f'<p class="warn">The last run ({_e(_when(last.get("start")))}) failed{_e(cell)}: '
                     f'{_e(last.get("error", ""))}</p>')
    rows = (results or {}).get("results") or []
    if rows:
        parts.append("<table><thead><tr><th>Measure</th><th>Value</th><th>Interval</th><th>n</th>"
                     "<th>Target</th><th>Status</th></tr></thead><tbody>")
        for row in rows:
            unit = row.get("unit", "")
            ci = ""
            if row.get("ci_low") is not None and row.get("ci_high") is not None:
                ci = f"{format_value(row['ci_low'], unit, suffix=False)} to {format_value(row['ci_high'], unit)}"
            n = format_value(row["n"]) if isinstance(row.get("n"), (int, float)) else ""
            target = format_value(row["target"], unit) if row.get("target") is not None else ""
            note = f'<br><span class="status">{_e(row["note"])}</span>' if row.get("note") else ""
            value = row.get("value")
            kind = "num" if isinstance(value, (int, float)) and not isinstance(value, bool) else "text"
            parts.append(f"<tr><td>{_e(row.get('label') or row.get('name'))}{note}</td>"
                         f'<td class="{kind}">{_e(format_value(value, unit))}</td>'
                         f'<td class="num">{_e(ci)}</td><td class="num">{_e(n)}</td>'
                         f'<td class="num">{_e(target)}</td><td>{_e(row.get("status") or "")}</td></tr>')
        parts.append("</tbody></table>")
    elif entry["run_dir"] is not None:
        parts.append('<p class="none">This run recorded no headline numbers.</p>')
    if entry["run_dir"] is not None:
        href = f"{quote(study)}/{quote(entry['run_id'])}"
        for kind, title in (("tables", "Tables"), ("figures", "Figures")):
            items = [item for item in (results or {}).get(kind) or [] if item.get("path")]
            if items:
                links = ", ".join(f'<a href="{href}/{quote(item["path"])}" '
                                  f'title="{_e(item.get("caption") or item.get("alt") or "")}">'
                                  f'{_e(item.get("name") or item["path"])}</a>' for item in items)
                parts.append(f'<p class="files">{title}: {links}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def write_index(reports_dir=None) -> Path:
    """Rebuild ``reports/index.html`` (atomically, under a lock) and return its path."""
    from .runner import _locked

    reports_dir = Path(reports_dir if reports_dir is not None else config.REPORTS_DIR)
    reports_dir.mkdir(parents=True, exist_ok=True)
    with _locked(reports_dir / ".index.lock"):
        studies = latest_runs(reports_dir)
        body = "\n".join(_study_section(entry) for entry in studies) or \
            '<p class="none">No runs yet: try <code>cxresearch demo</code> or <code>cxresearch run STUDY</code>.</p>'
        page = (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<title>CX research reports</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
                f"<h1>CX research reports</h1>\n"
                f'<p class="sub">The latest good run of each study. Updated '
                f"{_e(datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z'))}; every run is in runs.jsonl.</p>\n"
                f"{body}\n</main>\n</body>\n</html>\n")
        target = reports_dir / INDEX_FILE
        tmp = reports_dir / f".{INDEX_FILE}.{secrets.token_hex(4)}"
        tmp.write_text(page, encoding="utf-8")
        os.replace(tmp, target)
    return target
