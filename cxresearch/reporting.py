"""What a study notebook needs to record its results, and the runner to read them.

A notebook calls :func:`record` for each headline number, :func:`record_table`
for each table and :func:`record_figure` for each chart. They land in the run
folder the runner prepared (``$CXRESEARCH_RUN_DIR``); when a researcher runs
the notebook by hand in JupyterLab they land in ``reports/_interactive/``,
never in a published run. ``results.json`` holds the headline numbers, so
tests, the report index and the Voilà reports read numbers, not output cells.

This module does not compute results and does not decide what to show.
"""

from __future__ import annotations

import json
import math
import os
import re
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd

from . import config
from .exceptions import ParameterError
from .privacy import spreadsheet_safe

__all__ = ["run_folder", "record", "record_table", "record_figure", "record_cube", "read_results", "format_share",
           "RUN_DIR_VARIABLE", "RESULTS_FILE"]

#: Environment variable through which the runner tells a notebook where its run folder is.
RUN_DIR_VARIABLE = "CXRESEARCH_RUN_DIR"
RESULTS_FILE = "results.json"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


def run_folder() -> Path:
    """The folder this notebook's outputs go to (created if needed)."""
    folder = os.environ.get(RUN_DIR_VARIABLE)
    path = Path(folder) if folder else config.REPORTS_DIR / "_interactive"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _check_name(name, parameter="name"):
    if not isinstance(name, str) or not _NAME.match(name):
        raise ParameterError("a result name must be a short identifier (letters, digits, _ . -)",
                             parameter=parameter, value=name, fix="use e.g. 'nps' or 'churn_rate'")


def _plain(value):
    """A JSON-safe Python value: numpy scalars unwrapped, NaN/inf as None."""
    if isinstance(value, (np.generic,)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (pd.Timestamp, pd.Period)):
        return str(value)
    return value


def _load(folder: Path) -> dict:
    path = folder / RESULTS_FILE
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return {"results": [], "tables": [], "figures": []}


def _save(folder: Path, content: dict) -> None:
    content["updated"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    tmp = folder / (RESULTS_FILE + ".tmp")
    tmp.write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, folder / RESULTS_FILE)


def record(name: str, value, *, unit: str = "", label: str | None = None, ci_low=None, ci_high=None,
           n=None, target=None, status: str | None = None, note: str | None = None) -> dict:
    """Record one headline number of the run in ``results.json``.

    Parameters
    ----------
    name : str
        Identifier, unique within the run (``"nps"``); recording it again replaces it.
    value : number, str, bool or None
        The number (NaN is stored as null: "not available", e.g. suppressed).
    unit : str
        ``"points"``, ``"share"``, ``"EUR"``, ``"score 1-5"``...
    label : str, optional
        What a person reads ("NPS, June 2025"); defaults to ``name``.
    ci_low, ci_high, n, target, status, note : optional
        Interval, base size, target and status, and a caveat in words.

    Returns
    -------
    dict
        The stored entry.

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["CXRESEARCH_RUN_DIR"] = tempfile.mkdtemp()
    >>> record("nps", 22.3, unit="points", ci_low=20.9, ci_high=23.8, n=12702)["label"]
    'nps'
    >>> read_results(os.environ.pop("CXRESEARCH_RUN_DIR"))["nps"]["value"]
    22.3
    """
    _check_name(name)
    entry = {"name": name, "value": _plain(value), "unit": unit, "label": label or name}
    for key, extra in dict(ci_low=ci_low, ci_high=ci_high, n=n, target=target, status=status, note=note).items():
        if extra is not None:
            entry[key] = _plain(extra)
    folder = run_folder()
    content = _load(folder)
    content["results"] = [r for r in content["results"] if r["name"] != name] + [entry]
    _save(folder, content)
    return entry


def record_table(data: pd.DataFrame, name: str, *, caption: str = "") -> Path:
    """Save a table of the run as ``tables/<name>.csv`` (spreadsheet-safe) and list it in results.json."""
    _check_name(name)
    if not isinstance(data, pd.DataFrame):
        raise ParameterError("a table must be a pandas DataFrame", parameter="data", value=type(data).__name__,
                             fix="pass the DataFrame the study computed")
    folder = run_folder()
    path = folder / "tables" / f"{name}.csv"
    path.parent.mkdir(exist_ok=True)
    spreadsheet_safe(data).to_csv(path, index=False, encoding="utf-8")
    content = _load(folder)
    content["tables"] = [t for t in content["tables"] if t["name"] != name] + [
        {"name": name, "path": f"tables/{name}.csv", "rows": int(len(data)), "caption": caption}]
    _save(folder, content)
    return path


def record_figure(figure, name: str, *, alt: str) -> Path:
    """Save a chart of the run as ``figures/<name>.png`` with its alt text, and list it in results.json."""
    from .plotting import save_figure

    _check_name(name)
    folder = run_folder()
    path = save_figure(figure, folder / "figures" / f"{name}.png", alt=alt)
    content = _load(folder)
    content["figures"] = [f for f in content["figures"] if f["name"] != name] + [
        {"name": name, "path": f"figures/{name}.png", "alt": alt}]
    _save(folder, content)
    return Path(path)


def record_cube(data: pd.DataFrame, name: str, *, filters, measure: str = "nps", caption: str = "",
                **options) -> Path:
    """Record what a report's filters can show: the measure for every filter combination, small cells withheld.

    The cube is computed here, at run time, by :func:`cxresearch.cubes.filter_cube`
    and saved as ``tables/<name>.csv``; results.json lists it under ``cubes``
    with its filters, their values, the measure and the privacy minimum, so a
    published report offers one control per filter and only looks rows up.

    Parameters
    ----------
    data : pandas.DataFrame
        Answers (``measure="nps"``) or units such as verbatims or customers
        (``measure="share"``), with the filter columns.
    name : str
        Identifier of the cube in the run (``"nps_filters"``).
    filters : list of str
        The columns a reader filters by, in the order the controls appear.
    measure : {"nps", "share"}
        See :func:`cxresearch.cubes.filter_cube`.
    caption : str
        What the cube shows, for people.
    **options
        ``score``, ``items``, ``id``, ``item``, ``min_n_privacy`` of
        :func:`~cxresearch.cubes.filter_cube`.

    Returns
    -------
    pathlib.Path
        The CSV file written.

    Examples
    --------
    >>> import os, tempfile
    >>> import pandas as pd
    >>> os.environ["CXRESEARCH_RUN_DIR"] = tempfile.mkdtemp()
    >>> answers = pd.DataFrame({"segment": ["Gold"] * 30 + ["Silver"] * 30, "nps": [10, 9, 5] * 20})
    >>> record_cube(answers, "nps_filters", filters=["segment"]).name
    'nps_filters.csv'
    >>> cube = _load(run_folder())["cubes"][0]
    >>> cube["filters"], cube["values"], cube["rows"]
    (['segment'], {'segment': ['Gold', 'Silver']}, 3)
    >>> _ = os.environ.pop("CXRESEARCH_RUN_DIR")
    """
    from .cubes import filter_cube

    _check_name(name)
    cube = filter_cube(data, filters, measure=measure, **options)
    folder = run_folder()
    path = folder / "tables" / f"{name}.csv"
    path.parent.mkdir(exist_ok=True)
    spreadsheet_safe(cube).to_csv(path, index=False, encoding="utf-8")
    content = _load(folder)
    entry = {"name": name, "path": f"tables/{name}.csv", "rows": int(len(cube)), "caption": caption,
             **{key: cube.attrs[key] for key in ("filters", "values", "measure", "item", "min_n_privacy")}}
    content["cubes"] = [c for c in content.get("cubes", []) if c["name"] != name] + [entry]
    _save(folder, content)
    return path


def read_results(folder) -> dict:
    """The headline numbers of a run folder, as ``{name: entry}``."""
    content = _load(Path(folder))
    return {r["name"]: r for r in content["results"]}


def format_share(value) -> str:
    """A share (0-1) as a reader sees it in a report's sentences: one decimal and "%"; "–" when missing.

    Examples
    --------
    >>> from cxresearch.reporting import format_share
    >>> format_share(0.4236), format_share(float("nan"))
    ('42.4%', '–')
    """
    return "–" if pd.isna(value) else f"{100 * value:.1f}%"
