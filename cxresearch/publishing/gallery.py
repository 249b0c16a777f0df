"""The landing page of ``cxresearch serve``: one card per study with its latest good run.

Each card shows the study's title, the date of its latest good run, its
headline numbers (``results.json``, formatted for people) and links to the
report and to the static page. The list is built on every request from the
reports folder, so a study run for the first time (a new notebook included)
appears without a restart. A study whose latest run cannot be read gets a
short notice instead of its numbers; the page itself never fails for it.

What it is not for: the reports (:mod:`.page`) or serving (:mod:`.server`).
"""

from __future__ import annotations

import sys
from datetime import datetime
from urllib.parse import quote

from . import theme
from .runs import load_run, published_reports_dir, published_studies, study_title

__all__ = ["gallery_html", "HEADLINES_SHOWN"]

#: Headline numbers shown per study on the landing page (the report shows them all).
HEADLINES_SHOWN = 6


def _card(study: str, reports_dir) -> str:
    try:
        run = load_run(study, reports_dir)
    except Exception as err:  # noqa: BLE001 - one broken study must not take the gallery down
        print(f"cxresearch gallery: {study}: {err}", file=sys.stderr, flush=True)
        return (f'<section data-study="{theme.escape(study)}"><h2>{theme.escape(study_title(study))}</h2>'
                '<p class="cx-unavailable">This report is not available right now: its latest run could not be '
                "read.</p></section>")
    link = f"/report/{quote(study)}"
    numbers = [r for r in run.results if r.get("value") is not None][:HEADLINES_SHOWN]
    return (f'<section data-study="{theme.escape(study)}"><h2><a href="{link}">{theme.escape(run.title)}</a></h2>'
            f'<p class="sub">Latest good run {theme.escape(run.date)} · <a href="{link}">open the report</a> · '
            f'<a href="{link}/report.html">static page</a></p>{theme.headline_cards(numbers)}</section>')


def gallery_html(reports_dir=None) -> str:
    """The whole landing page (HTML, inline CSS, no script), listing every published study.

    Examples
    --------
    >>> import tempfile
    >>> "No published reports yet" in gallery_html(tempfile.mkdtemp())
    True
    """
    reports_dir = reports_dir if reports_dir is not None else published_reports_dir()
    studies = published_studies(reports_dir)
    body = "\n".join(_card(study, reports_dir) for study in studies) or (
        '<p class="cx-note">No published reports yet: run a study (<code>cxresearch run STUDY</code> or '
        "<code>cxresearch demo</code>).</p>")
    now = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>CX research reports</title><style>{theme.CSS}</style></head>"
            f'<body><main class="cx cx-gallery"><h1>CX research reports</h1>'
            f'<p class="sub">The latest good run of each study, as of {now}. Open a report to filter it.</p>'
            f"{body}</main></body></html>\n")
