"""Named runs (``studies.yml``) and the crontab lines that run them on a schedule.

``studies.yml`` at the project root lists named runs; each is a study, its
parameters and, optionally, a cron schedule and a ``demo`` flag::

    runs:
      scorecard-monthly:
        study: cx-scorecard              # file stem or name without the number
        schedule: "0 6 2 * *"            # cron: minute hour day-of-month month day-of-week
        parameters:
          period: last complete month    # resolved when the run starts
          responses_path: data/raw/{period}/responses.csv
        demo: false                      # part of `cxresearch demo`?
        description: Monthly scorecard for the leadership meeting

:func:`load_named_runs` reads and checks it (one line per mistake);
:func:`crontab_lines` prints what cron (or CI, or Airflow) calls.

What it is not for: running anything (``cxresearch.runner``) or knowing what
a study computes.
"""

from __future__ import annotations

import re
import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import config
from .exceptions import ParameterError

__all__ = ["NamedRun", "load_named_runs", "check_cron", "crontab_lines", "STUDIES_FILE", "command_prefix"]

STUDIES_FILE = "studies.yml"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_KEYS = {"study", "parameters", "schedule", "demo", "description"}
_CRON_FIELDS = (("minute", 0, 59, {}), ("hour", 0, 23, {}), ("day of month", 1, 31, {}),
                ("month", 1, 12, {m: i + 1 for i, m in enumerate(
                    "jan feb mar apr may jun jul aug sep oct nov dec".split())}),
                ("day of week", 0, 7, {d: i for i, d in enumerate("sun mon tue wed thu fri sat".split())}))
_CRON_MACROS = {"@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually"}


@dataclass(frozen=True)
class NamedRun:
    """One entry of studies.yml: a study, its parameters, when it runs."""

    name: str
    study: str
    parameters: dict = field(default_factory=dict)
    schedule: str | None = None
    demo: bool = False
    description: str = ""


def check_cron(expression, *, where: str = "schedule") -> str:
    """``expression`` if it is a valid 5-field cron schedule (or @daily etc.), else a one-line error."""
    fix = 'write five fields "minute hour day-of-month month day-of-week", e.g. "0 6 * * 1" (Mondays 06:00)'
    if not isinstance(expression, str) or not expression.strip():
        raise ParameterError("a schedule must be a cron expression", parameter=where, value=expression, fix=fix)
    text = " ".join(expression.split())
    if text.lower() in _CRON_MACROS:
        return text
    fields = text.split(" ")
    if len(fields) != 5:
        raise ParameterError(f"a cron schedule has 5 fields, this one has {len(fields)}", parameter=where,
                             value=expression, fix=fix)
    for part, (label, low, high, names) in zip(fields, _CRON_FIELDS):
        for item in part.split(","):
            if not _cron_item_ok(item.lower(), low, high, names):
                raise ParameterError(f"the {label} field {part!r} is not valid cron (allowed {low}-{high}, "
                                     "*, ranges a-b, steps */n, lists a,b)", parameter=where,
                                     value=expression, fix=fix)
    return text


def _cron_item_ok(item: str, low: int, high: int, names: dict) -> bool:
    base, _, step = item.partition("/")
    if step and not (step.isdigit() and int(step) >= 1):
        return False
    if base == "*":
        return True

    def number(text):
        if text in names:
            return names[text]
        return int(text) if text.isdigit() else None

    start, dash, end = base.partition("-")
    first = number(start)
    last = number(end) if dash else first
    if first is None or last is None:
        return False
    return low <= first <= high and low <= last <= high and first <= last


def load_named_runs(path=None) -> list[NamedRun]:
    """The named runs of ``studies.yml`` (default: at the project root), checked; [] when it does not exist."""
    path = Path(path) if path is not None else config.PROJECT_ROOT / STUDIES_FILE
    if not path.exists():
        return []
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise ParameterError(f"not valid YAML{where}: {problem}", file=path,
                             fix="check the indentation and quoting of that line") from None
    if content is None:
        return []
    if not isinstance(content, dict) or not isinstance(content.get("runs", {}), dict) \
            or set(content) - {"runs"}:
        raise ParameterError("expected one mapping 'runs:' of named runs", file=path,
                             fix="write runs:, then one indented entry per named run (see the README)")
    runs = []
    for name, entry in (content.get("runs") or {}).items():
        name = str(name)
        where = f"runs.{name}"
        if not _NAME.match(name):
            raise ParameterError("a run name must be letters, digits, _ . -", file=path, parameter=where,
                                 fix="rename it, e.g. scorecard-monthly")
        if not isinstance(entry, dict) or "study" not in entry:
            raise ParameterError("a named run needs at least 'study:'", file=path, parameter=where,
                                 fix="add study: <notebook stem>, e.g. study: cx-scorecard")
        unknown = set(entry) - _KEYS
        if unknown:
            raise ParameterError(f"unknown key {sorted(unknown)[0]!r}", file=path, parameter=where,
                                 fix=f"use only {', '.join(sorted(_KEYS))}")
        parameters = entry.get("parameters") or {}
        if not isinstance(parameters, dict):
            raise ParameterError("parameters must be a mapping name: value", file=path,
                                 parameter=f"{where}.parameters", value=parameters,
                                 fix="write one 'name: value' per line under parameters:")
        schedule = entry.get("schedule")
        if schedule is not None:
            try:
                schedule = check_cron(schedule, where=f"{where}.schedule")
            except ParameterError as err:
                raise ParameterError(err.problem, file=path, parameter=err.parameter, value=err.value,
                                     fix=err.fix) from None
        demo = entry.get("demo", False)
        if not isinstance(demo, bool):
            raise ParameterError("demo must be true or false", file=path, parameter=f"{where}.demo", value=demo,
                                 fix="write demo: true or demo: false")
        runs.append(NamedRun(name=name, study=str(entry["study"]), parameters=dict(parameters),
                             schedule=schedule, demo=demo, description=str(entry.get("description") or "")))
    return runs


def command_prefix() -> list[str]:
    """How cron calls this installation's command: the ``cxresearch`` script beside this Python."""
    script = Path(sys.executable).parent / ("cxresearch.exe" if sys.platform == "win32" else "cxresearch")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "cxresearch.cli"]


def crontab_lines(runs: list[NamedRun], *, project_root=None, config_path=None, log="reports/cron.log") -> list[str]:
    """Crontab lines, one per scheduled named run: ``<cron> cd <root> && cxresearch run-all --only NAME``."""
    root = Path(project_root) if project_root is not None else config.PROJECT_ROOT
    command = [*command_prefix(), "run-all"]
    if config_path is not None and Path(config_path).resolve() != (root / STUDIES_FILE).resolve():
        command += ["--config", str(Path(config_path).resolve())]
    lines = [f"# cxresearch: scheduled runs from {Path(config_path) if config_path else root / STUDIES_FILE}",
             "# install: (crontab -l; cxresearch schedule) | crontab -"]
    for run in runs:
        if not run.schedule:
            lines.append(f"# {run.name}: no schedule (runs with run-all only)")
            continue
        parts = " ".join(shlex.quote(p) for p in [*command, "--only", run.name])
        line = f"{run.schedule} cd {shlex.quote(str(root))} && {parts} >> {shlex.quote(log)} 2>&1"
        lines.append(line.replace("%", r"\%"))  # cron reads a bare % as a newline
    return lines
