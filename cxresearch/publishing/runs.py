"""What a published run holds, read from its run folder and nothing else.

A study's published run is its latest good run (``reports/<study>/LATEST``,
or the ``latest`` symlink). :func:`load_run` reads its ``run.json`` and
``results.json`` and checks that every table, figure and cube they list is
there; :func:`read_cube` reads a cube for lookups. Anything missing or
unreadable is a :class:`~cxresearch.exceptions.DataFileError` naming the file,
which the pages turn into a short message for people.

This module uses no pandas (a report's kernel starts faster without it) and
never opens the raw data a study read.

What it is not for: drawing the pages (:mod:`.page`, :mod:`.gallery`).
"""

from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import config
from ..exceptions import DataFileError, ParameterError
from ..index import latest_run_id

__all__ = ["PublishedRun", "Cube", "published_reports_dir", "published_studies", "load_run", "read_cube",
           "study_title", "REPORTS_VARIABLE"]

#: Environment variable naming the reports folder a server publishes (set by ``cxresearch serve``).
REPORTS_VARIABLE = "CXRESEARCH_PUBLISHED_REPORTS"
_STUDY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


def published_reports_dir() -> Path:
    """The reports folder being published: ``$CXRESEARCH_PUBLISHED_REPORTS``, else ``config.REPORTS_DIR``."""
    folder = os.environ.get(REPORTS_VARIABLE)
    return Path(folder) if folder else config.REPORTS_DIR


@dataclass
class PublishedRun:
    """A study's latest good run: where it is and what it recorded (``results.json``)."""

    study: str
    run_id: str
    folder: Path
    title: str
    run: dict
    results: list = field(default_factory=list)
    tables: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    cubes: list = field(default_factory=list)

    @property
    def date(self) -> str:
        """When the run started, ``YYYY-MM-DD HH:MM`` (as recorded in run.json)."""
        start = str(self.run.get("start") or "")
        return start[:16].replace("T", " ")


def _read_json(path: Path, study: str = "STUDY") -> dict:
    fix = f"run the study again: cxresearch run {study}"
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError("file not found", file=path, fix=fix) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DataFileError(f"unreadable ({type(err).__name__})", file=path, fix=fix) from None
    if not isinstance(content, dict):
        raise DataFileError("expected a JSON object", file=path, fix=fix)
    return content


def study_title(study: str, run: dict | None = None) -> str:
    """The study's title: the first ``# heading`` of its notebook, else its name in words.

    Examples
    --------
    >>> study_title("07-store-visits")
    'Store visits'
    """
    notebook = (run or {}).get("notebook")
    if notebook:
        path = config.PROJECT_ROOT / notebook
        try:
            cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
            for cell in cells:
                if cell.get("cell_type") == "markdown":
                    for line in "".join(cell.get("source", "")).splitlines():
                        if line.startswith("# "):
                            return line[2:].strip()
                    break
        except (OSError, ValueError, AttributeError):
            pass
    words = re.sub(r"^\d+-", "", study).replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def published_studies(reports_dir=None) -> list[str]:
    """The study folders that have (or had) a good run, in name order; added studies appear by themselves."""
    reports_dir = Path(reports_dir if reports_dir is not None else published_reports_dir())
    if not reports_dir.is_dir():
        return []
    return [p.name for p in sorted(reports_dir.iterdir())
            if p.is_dir() and not p.name.startswith((".", "_")) and latest_run_id(p)]


def load_run(study: str, reports_dir=None) -> PublishedRun:
    """The latest good run of ``study``, checked: every listed table, figure and cube exists.

    Parameters
    ----------
    study : str
        The study's folder name under the reports folder (``00-cx-scorecard``).
    reports_dir : path, optional
        Default :func:`published_reports_dir`.

    Returns
    -------
    PublishedRun

    Raises
    ------
    ParameterError
        No published study of that name.
    DataFileError
        The run folder, ``run.json``, ``results.json`` or a file they list is
        missing or unreadable (a damaged run).

    Examples
    --------
    >>> import tempfile
    >>> load_run("no-such-study", tempfile.mkdtemp())
    Traceback (most recent call last):
    ...
    cxresearch.exceptions.ParameterError: parameter 'study': no published report of this name (value 'no-such-study')...
    """
    reports_dir = Path(reports_dir if reports_dir is not None else published_reports_dir())
    if not isinstance(study, str) or not _STUDY.match(study) or not (reports_dir / study).is_dir():
        raise ParameterError("no published report of this name", parameter="study", value=study,
                             fix="open the gallery and pick a report")
    run_id = latest_run_id(reports_dir / study)
    folder = reports_dir / study / run_id
    if not run_id or not _STUDY.match(run_id) or not folder.is_dir():
        raise DataFileError("the latest good run's folder is missing", file=folder,
                            fix=f"run the study again: cxresearch run {study}")
    run = _read_json(folder / "run.json", study)
    content = _read_json(folder / "results.json", study)
    listed = {kind: content.get(kind) or [] for kind in ("results", "tables", "figures", "cubes")}
    for kind in ("tables", "figures", "cubes"):
        for item in listed[kind]:
            path = folder / str(item.get("path", ""))
            if not item.get("path") or not path.is_file():
                raise DataFileError(f"a {kind[:-1]} listed in results.json is missing", file=path,
                                    fix=f"run the study again: cxresearch run {study}")
    return PublishedRun(study=study, run_id=run_id, folder=folder, title=study_title(study, run), run=run,
                        **listed)


@dataclass
class Cube:
    """A recorded cube, ready for lookups: ``cells[(value of each filter...)]`` is a list of rows."""

    name: str
    caption: str
    measure: str
    filters: list
    values: dict
    item: str | None
    min_n_privacy: int
    cells: dict

    def lookup(self, selection: dict) -> list[dict]:
        """The rows of one combination (``{filter: value or "All"}``); ``[]`` when it has no answers."""
        key = tuple(selection.get(f, "All") for f in self.filters)
        return self.cells.get(key, [])


def _number(text: str):
    if text in ("", None):
        return None
    try:
        return float(text)
    except ValueError:
        return text


def read_cube(run: PublishedRun, entry: dict) -> Cube:
    """Read one of a run's cubes (an entry of ``run.cubes``) for lookups.

    Raises
    ------
    DataFileError
        The CSV lacks a column its entry names, or cannot be read.
    """
    path = run.folder / entry["path"]
    filters = list(entry.get("filters") or [])
    item = entry.get("item")
    cells: dict = {}
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in filters + ([item] if item else []) + ["withheld"]
                       if c not in (reader.fieldnames or [])]
            if missing:
                raise DataFileError("a cube lacks a column", file=path, column=missing[0],
                                    fix=f"run the study again: cxresearch run {run.study}")
            for row in reader:
                key = tuple(row[f] for f in filters)
                parsed = {k: (v if k in filters or k == item else _number(v)) for k, v in row.items()}
                parsed["withheld"] = row["withheld"].strip().lower() == "true"
                cells.setdefault(key, []).append(parsed)
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise DataFileError(f"unreadable cube ({type(err).__name__})", file=path,
                            fix=f"run the study again: cxresearch run {run.study}") from None
    return Cube(name=entry["name"], caption=entry.get("caption") or "", measure=entry.get("measure", "nps"),
                filters=filters, values={f: list((entry.get("values") or {}).get(f, [])) for f in filters},
                item=item, min_n_privacy=int(entry.get("min_n_privacy") or config.MIN_N_PRIVACY), cells=cells)
