"""Run a study notebook unattended: run folders, the run log, the stable ``latest`` path.

:func:`run_study` checks the parameters (``cxresearch.studies``: before any
kernel starts), executes ``notebooks/<study>.ipynb`` with papermill on the
project's kernel (working directory: the project root) and files the result::

    reports/<study>/<YYYYmmdd-HHMMSS>-<id>/   notebook.ipynb  report.html  results.json
                                             tables/  figures/  run.json
    reports/<study>/latest  -> <that folder>  (relative symlink; LATEST holds its name too)
    reports/<study>/failed/<id>/              a failed or interrupted run, kept for debugging
    reports/runs.jsonl                        one JSON line per run: ok, failed or skipped
    reports/index.html                        the latest good run of each study

A run is assembled in ``reports/<study>/.tmp-<id>/`` and renamed into place
only when complete, so a failed or killed run never replaces or damages the
last good one. A ``.tmp-*`` folder whose process is gone (or older than a
day) is moved to ``failed/`` by the next run of that study and logged as
interrupted. Runs of the same study may overlap: ids are unique, the log and
the index are written under file locks, and the kernel's environment
(``CXRESEARCH_RUN_DIR``) is passed to the kernel, not set in this process.

A run whose inputs (the notebook, every parameter value naming an existing
file or folder, the package version) are unchanged since the last good run
of the same study with the same parameters is skipped unless ``force=True``.

What it is not for: computing anything (the notebooks call the package), or
the command line (``cxresearch.cli``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import secrets
import socket
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import __version__, config
from .exceptions import CXResearchError
from .reporting import RESULTS_FILE, RUN_DIR_VARIABLE
from .schedule import NamedRun, load_named_runs
from .studies import Study, find_studies, find_study, prepare_parameters

try:
    import fcntl
except ImportError:  # Windows: runs still work, concurrent writers are not serialised
    fcntl = None

__all__ = ["RunResult", "run_study", "run_all", "demo_runs", "export_html", "read_run_log", "fingerprint_inputs",
           "collect_interrupted", "RUN_LOG", "RUN_FILE", "NOTEBOOK_FILE", "REPORT_FILE", "STALE_AFTER_S"]

RUN_LOG = "runs.jsonl"
RUN_FILE = "run.json"
NOTEBOOK_FILE = "notebook.ipynb"
REPORT_FILE = "report.html"
_OWNER = ".owner"
#: A ``.tmp-*`` run folder older than this is taken as interrupted even if its process id is in use.
STALE_AFTER_S = 24 * 3600
#: A ``.tmp-*`` folder without an owner file is left alone this long (it may be being created).
_UNOWNED_GRACE_S = 3600


@dataclass
class RunResult:
    """What became of one run: ``status`` is ``ok``, ``failed`` or ``skipped``."""

    status: str
    study: str
    name: str | None
    run_dir: Path | None
    message: str                               # one line for people
    record: dict = field(default_factory=dict)  # the line appended to runs.jsonl

    @property
    def ok(self) -> bool:
        return self.status != "failed"


def _paths(notebooks_dir, reports_dir, project_root) -> tuple[Path, Path, Path]:
    root = Path(project_root).resolve() if project_root is not None else config.PROJECT_ROOT
    notebooks = Path(notebooks_dir) if notebooks_dir is not None else (
        root / "notebooks" if project_root is not None else config.NOTEBOOKS_DIR)
    reports = Path(reports_dir) if reports_dir is not None else (
        root / "reports" if project_root is not None else config.REPORTS_DIR)
    return notebooks, reports.resolve(), root


def _rel(path: Path, root: Path) -> str:
    path = Path(path)
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _now() -> datetime:
    return datetime.now().astimezone()


@contextlib.contextmanager
def _locked(path: Path):
    """An exclusive lock on ``path`` (created if needed), across processes and threads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield handle
        finally:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _write_json(path: Path, content: dict) -> None:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    tmp.write_text(json.dumps(content, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, path)


# --- the run log -------------------------------------------------------------------------------

def append_log(reports_dir: Path, record: dict) -> None:
    """Append one line to ``runs.jsonl``, under a lock so concurrent runs never interleave."""
    line = (json.dumps(record, ensure_ascii=False, default=str) + "\n").encode("utf-8")
    with _locked(Path(reports_dir) / RUN_LOG) as handle:
        handle.seek(0, os.SEEK_END)
        handle.write(line)
        handle.flush()


def read_run_log(reports_dir=None) -> list[dict]:
    """Every line of ``runs.jsonl`` as a dict, oldest first (a torn line is skipped)."""
    path = Path(reports_dir if reports_dir is not None else config.REPORTS_DIR) / RUN_LOG
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return records


# --- inputs ---------------------------------------------------------------------------------------

def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sha256_path(path: Path) -> str:
    if path.is_file():
        return _sha256_file(path)
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(f for f in files if not f.startswith(".")):
            file = Path(folder) / name
            digest.update(f"{file.relative_to(path).as_posix()}\0{_sha256_file(file)}\n".encode())
    return digest.hexdigest()


def fingerprint_inputs(study: Study, parameters: dict, project_root) -> list[dict]:
    """``[{path, sha256}]`` of the notebook and of every parameter value naming an existing file or folder
    (or a list of them).

    Relative paths are taken from the project root (the kernel's working
    directory); a folder's hash covers every file in it (hidden ones excepted);
    symlinks such as ``reports/<study>/latest`` are followed.
    """
    root = Path(project_root).resolve()
    inputs = [{"path": _rel(study.path, root), "sha256": _sha256_file(study.path)}]
    # a list of paths (several files joined by the study) counts item by item
    named = [(name, item) for name, value in parameters.items()
             for item in (value if isinstance(value, (list, tuple)) else [value])]
    for name, value in named:
        if not isinstance(value, str) or not value.strip() or len(value) > 1024 or "\n" in value:
            continue
        path = Path(value).expanduser()
        path = path if path.is_absolute() else root / path
        try:
            if not path.exists():
                continue
            real = path.resolve()
        except OSError:
            continue
        if real == root or real in root.parents:
            continue  # "." is not an input; hashing the whole project would be
        inputs.append({"parameter": name, "path": value, "sha256": _sha256_path(real)})
    return inputs


def _last_good_run(reports_dir: Path, study: str, parameters: dict) -> dict | None:
    for record in reversed(read_run_log(reports_dir)):
        if record.get("status") == "ok" and record.get("study") == study and record.get("parameters") == parameters:
            return record
    return None


# --- interrupted runs -----------------------------------------------------------------------------

def _pid_alive(pid) -> bool:
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError, TypeError):
        return True  # exists (another user's) or unreadable: assume alive
    except OSError:
        return False
    return True


def collect_interrupted(study_dir: Path, reports_dir: Path, project_root: Path) -> list[Path]:
    """Move the ``.tmp-*`` folders of runs whose process is gone into ``failed/`` and log them.

    A folder is taken when its owner process (same host) no longer exists, or
    when it is older than :data:`STALE_AFTER_S`. A run still going in another
    process or thread is never touched.
    """
    moved = []
    for tmp in sorted(Path(study_dir).glob(".tmp-*")):
        try:
            age = time.time() - tmp.stat().st_mtime
            owner = json.loads((tmp / _OWNER).read_text(encoding="utf-8"))
        except FileNotFoundError:
            owner = None
        except (OSError, json.JSONDecodeError):
            owner = {}
        if owner is None and age < _UNOWNED_GRACE_S:
            continue
        if owner and age < STALE_AFTER_S and (owner.get("host") != socket.gethostname()
                                              or _pid_alive(owner.get("pid"))):
            continue
        run_id = tmp.name[len(".tmp-"):]
        target = Path(study_dir) / "failed" / run_id
        target.parent.mkdir(exist_ok=True)
        try:
            os.replace(tmp, target)
        except OSError:
            continue  # another run took it first
        owner = owner or {}
        record = {**owner.get("record", {}), "status": "failed", "run_dir": _rel(target, project_root),
                  "cell": None, "error": f"Interrupted: the run's process (pid {owner.get('pid', '?')}) "
                                        "ended before the run completed",
                  "duration_s": None, "noticed": _now().isoformat(timespec="seconds")}
        with contextlib.suppress(OSError):
            (target / _OWNER).unlink()
            _write_json(target / RUN_FILE, record)
        append_log(reports_dir, record)
        moved.append(target)
    return moved


# --- execution -------------------------------------------------------------------------------------

class _SupersededWarnings(logging.Filter):
    """Drop papermill's own parameter-cell warnings: its line parser misreads assignments whose comment
    holds an "=", and the runner has already checked every parameter with a real Python parser."""

    _MESSAGES = ("Unable to parse line", "Passed unknown parameter")

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(self._MESSAGES)


def _quiet_papermill() -> None:
    for name in ("papermill", "papermill.translators"):
        log = logging.getLogger(name)
        if not any(isinstance(f, _SupersededWarnings) for f in log.filters):
            log.addFilter(_SupersededWarnings())


_KM_CLASS = None
KERNEL_LOG = "kernel.log"
# ipykernel 7 prints this on every start; it says nothing about the run
_KERNEL_NOISE = ("Kernel is running over TCP without encryption",)


def _kernel_manager_class(env: dict, log: Path):
    """A kernel manager class whose kernels start with ``env`` and send their own output to ``log``.

    The environment is handed to the kernel, not set in this process, so runs
    in threads of one process never see each other's run folder. A class (one
    per run), not an instance, so that nbclient owns the manager and shuts the
    kernel down at the end.
    """
    global _KM_CLASS
    if _KM_CLASS is None:
        from jupyter_client.manager import AsyncKernelManager

        class RunKernelManager(AsyncKernelManager):
            run_env: dict = {}
            run_log: str | None = None

            async def start_kernel(self, **kw):
                kw["env"] = {**os.environ, **kw.get("env", {}), **self.run_env}
                if self.run_log is None:
                    return await super().start_kernel(**kw)
                with open(self.run_log, "ab") as output:  # the kernel keeps its own copy of the descriptor
                    kw.setdefault("stdout", output)
                    kw.setdefault("stderr", output)
                    return await super().start_kernel(**kw)

        _KM_CLASS = RunKernelManager
    return type("RunKernelManager", (_KM_CLASS,), {"run_env": dict(env), "run_log": str(log)})


def _tidy_kernel_log(path: Path) -> None:
    """Drop the kernel's log when it holds nothing but start-up noise."""
    with contextlib.suppress(OSError):
        lines = [line for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
                 if line.strip() and not any(noise in line for noise in _KERNEL_NOISE)]
        if not lines:
            path.unlink()


def _failure(err, notebook_path: Path) -> dict:
    """Where and why a notebook failed: ``cell`` (1-based, in the study notebook) and one-line ``error``."""
    from papermill.exceptions import PapermillExecutionError

    if isinstance(err, PapermillExecutionError):
        ename, evalue = err.ename, err.evalue
        cell = None
        with contextlib.suppress(Exception):
            import nbformat

            cells = nbformat.read(notebook_path, as_version=4).cells
            injected = sum(1 for c in cells[: err.cell_index]
                           if "injected-parameters" in c.get("metadata", {}).get("tags", []))
            cell = err.cell_index - injected + 1
        info = {"cell": cell, "execution_count": err.exec_count}
    else:
        ename, evalue = type(err).__name__, str(err)
        info = {"cell": None}
    lines = [line.strip() for line in str(evalue or "").strip().splitlines() if line.strip()]
    first = lines[0] if lines else ""
    if len(first) > 500:
        first = first[:499] + "…"
    info.update(ename=ename, error=f"{ename}: {first}" if first else ename)
    return info


_OFFLINE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{#- cxresearch: the lab template without anything fetched from the internet -#}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


_STYLE = re.compile(r"<style\b[^>]*>.*?</style>", re.S | re.I)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def export_html(notebook_path, html_path, *, title: str | None = None) -> Path:
    """A static, offline HTML export of an executed notebook, without code.

    nbconvert's ``lab`` template with the inputs, prompts and stderr outputs
    (warnings) left out, and with require.js, MathJax, Mermaid and the widget
    manager (all fetched from CDNs) removed, so the page references nothing on
    the internet; images are embedded. LaTeX in markdown shows as written.
    """
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(notebook_path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not (o.get("output_type") == "stream"
                                                            and o.get("name") == "stderr")]
    if title:
        nb.metadata["title"] = title
    exporter = HTMLExporter(template_name="lab", template_file="cxresearch-offline.html.j2",
                            extra_loaders=[jinja2.DictLoader({"cxresearch-offline.html.j2": _OFFLINE_TEMPLATE})],
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                            embed_images=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title or Path(notebook_path).stem}})
    # the template's CSS cites its sources in comments; drop them so no URL is left but the content's own
    body = _STYLE.sub(lambda m: _CSS_COMMENT.sub("", m.group(0)), body)
    html_path = Path(html_path)
    tmp = html_path.with_name(f".{html_path.name}.tmp")
    tmp.write_text(body, encoding="utf-8")
    os.replace(tmp, html_path)
    return html_path


def _point_latest(study_dir: Path, run_id: str) -> None:
    """Point ``latest`` (symlink) and ``LATEST`` (text) at ``run_id``, each replaced atomically."""
    with _locked(study_dir / ".lock"):
        link = study_dir / "latest"
        tmp_link = study_dir / f".latest-{secrets.token_hex(4)}"
        try:
            os.symlink(run_id, tmp_link, target_is_directory=True)
            os.replace(tmp_link, link)
        except (OSError, NotImplementedError):  # no symlinks here (e.g. Windows without the right)
            with contextlib.suppress(OSError):
                tmp_link.unlink()
        tmp_text = study_dir / f".LATEST-{secrets.token_hex(4)}"
        tmp_text.write_text(run_id + "\n", encoding="utf-8")
        os.replace(tmp_text, study_dir / "LATEST")


def _rebuild_index(reports_dir: Path) -> None:
    from .index import write_index

    with contextlib.suppress(OSError):  # the index is a convenience; a run never fails for it
        write_index(reports_dir)


def run_study(study, parameters: dict | None = None, *, text_parameters: dict | None = None,
              name: str | None = None, force: bool = False, html: bool = True, as_of=None,
              progress: bool = False, timeout: float | None = None,
              notebooks_dir=None, reports_dir=None, project_root=None) -> RunResult:
    """Run one study into a new run folder; return what became of it.

    Parameters
    ----------
    study : str or Study
        File stem (``00-cx-scorecard``) or name without the number (``cx-scorecard``).
    parameters : dict, optional
        Typed values (from YAML); checked against the notebook's parameters cell.
    text_parameters : dict, optional
        Values as command-line text, converted by each default's type.
    name : str, optional
        The named run (studies.yml) this is, for the log.
    force : bool
        Run even when the inputs are unchanged since the last good run.
    html : bool
        Write ``report.html`` (about 2 s).
    as_of : date or "YYYY-MM-DD", optional
        The day relative periods are resolved against (default: today).
    progress : bool
        Show papermill's progress bar.
    timeout : float, optional
        Seconds a single cell may run.
    notebooks_dir, reports_dir, project_root : path, optional
        Default to ``cxresearch.config``; the kernel runs in ``project_root``.

    Returns
    -------
    RunResult
        ``status`` ok / failed / skipped. A failure of the notebook is a
        result, not an exception; parameter mistakes raise
        :class:`~cxresearch.exceptions.ParameterError` before any kernel starts.
    """
    notebooks_dir, reports_dir, root = _paths(notebooks_dir, reports_dir, project_root)
    study = study if isinstance(study, Study) else find_study(study, notebooks_dir)
    prepared = prepare_parameters(study, parameters, text=text_parameters, as_of=as_of)

    study_dir = reports_dir / study.name
    study_dir.mkdir(parents=True, exist_ok=True)
    collect_interrupted(study_dir, reports_dir, root)

    start = _now()
    clock = time.monotonic()
    inputs = fingerprint_inputs(study, prepared.effective, root)
    record = {"name": name, "study": study.name, "status": None, "parameters": prepared.effective,
              "given": prepared.given, "as_of": prepared.as_of.isoformat(),
              "start": start.isoformat(timespec="seconds"), "duration_s": None, "inputs": inputs,
              "version": __version__, "run_dir": None}

    if not force:
        previous = _last_good_run(reports_dir, study.name, prepared.effective)
        if (previous and previous.get("inputs") == inputs and previous.get("version") == __version__
                and previous.get("run_dir") and (root / previous["run_dir"]).is_dir()):
            record.update(status="skipped", run_dir=previous["run_dir"], duration_s=round(time.monotonic() - clock, 3),
                          reason=f"inputs unchanged since the good run of {previous.get('start')}")
            append_log(reports_dir, record)
            return RunResult("skipped", study.name, name, root / previous["run_dir"],
                             f"{study.name}: inputs unchanged since {previous['run_dir']} (use --force to run "
                             "anyway)", record)

    run_id = f"{start:%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"
    record["id"] = run_id
    tmp = study_dir / f".tmp-{run_id}"
    tmp.mkdir()
    _write_json(tmp / _OWNER, {"pid": os.getpid(), "host": socket.gethostname(), "record": record})
    notebook = tmp / NOTEBOOK_FILE
    env = {RUN_DIR_VARIABLE: str(tmp), "CXRESEARCH_HOME": str(root)}

    try:
        import papermill

        _quiet_papermill()
        papermill.execute_notebook(str(study.path), str(notebook), parameters=prepared.injected,
                                   kernel_name=config.KERNEL_NAME, progress_bar=progress,
                                   execution_timeout=timeout,
                                   kernel_manager_class=_kernel_manager_class(env, tmp / KERNEL_LOG),
                                   resources={"metadata": {"path": str(root)}})
        failure = None
    except KeyboardInterrupt:
        failure = {"cell": None, "ename": "KeyboardInterrupt", "error": "Interrupted: stopped by the user"}
        _file_failure(study, study_dir, tmp, run_id, record, failure, clock, reports_dir, root)
        raise
    except Exception as err:  # noqa: BLE001 - any failure of the notebook or kernel is a failed run
        failure = _failure(err, notebook)

    _tidy_kernel_log(tmp / KERNEL_LOG)
    if failure is None and html:
        try:
            export_html(notebook, tmp / REPORT_FILE, title=f"{study.title or study.name} ({run_id})")
        except Exception as err:  # noqa: BLE001
            failure = {"cell": None, "ename": type(err).__name__,
                       "error": f"report.html export failed: {type(err).__name__}: {str(err).splitlines()[0]}"}
    if failure is not None:
        return _file_failure(study, study_dir, tmp, run_id, record, failure, clock, reports_dir, root)

    final = study_dir / run_id
    record.update(status="ok", run_dir=_rel(final, root), duration_s=round(time.monotonic() - clock, 3))
    _write_json(tmp / RUN_FILE, {**record, "end": _now().isoformat(timespec="seconds"), "html": html,
                                 "notebook": _rel(study.path, root), "kernel": config.KERNEL_NAME,
                                 "results": RESULTS_FILE if (tmp / RESULTS_FILE).exists() else None})
    (tmp / _OWNER).unlink()
    os.replace(tmp, final)
    _point_latest(study_dir, run_id)
    append_log(reports_dir, record)
    _rebuild_index(reports_dir)
    return RunResult("ok", study.name, name, final,
                     f"{study.name}: ok in {record['duration_s']:.1f} s, {_rel(final, root)}", record)


def _file_failure(study, study_dir, tmp, run_id, record, failure, clock, reports_dir, root) -> RunResult:
    target = study_dir / "failed" / run_id
    target.parent.mkdir(exist_ok=True)
    record.update(status="failed", run_dir=_rel(target, root), duration_s=round(time.monotonic() - clock, 3),
                  cell=failure.get("cell"), error=failure["error"])
    if failure.get("execution_count") is not None:
        record["execution_count"] = failure["execution_count"]
    with contextlib.suppress(OSError):
        _write_json(tmp / RUN_FILE, {**record, "end": _now().isoformat(timespec="seconds")})
        (tmp / _OWNER).unlink()
    os.replace(tmp, target)
    append_log(reports_dir, record)
    _rebuild_index(reports_dir)
    where = f", cell {failure['cell']}" if failure.get("cell") else ""
    return RunResult("failed", study.name, record.get("name"), target,
                     f"run failed: {study.name}{where}: {failure['error']}", record)


# --- many runs ------------------------------------------------------------------------------------

def run_all(runs: list[NamedRun], *, force: bool = False, html: bool = True, as_of=None, progress: bool = False,
            notebooks_dir=None, reports_dir=None, project_root=None, on_result=None) -> list[RunResult]:
    """Run each named run in turn; a failure (even a bad parameter) is logged and the rest still run."""
    notebooks_dir, reports_dir, root = _paths(notebooks_dir, reports_dir, project_root)
    results = []
    for run in runs:
        try:
            result = run_study(run.study, run.parameters, name=run.name, force=force, html=html, as_of=as_of,
                               progress=progress, notebooks_dir=notebooks_dir, reports_dir=reports_dir,
                               project_root=root)
        except CXResearchError as err:
            record = {"name": run.name, "study": run.study, "status": "failed", "parameters": run.parameters,
                      "start": _now().isoformat(timespec="seconds"), "duration_s": 0.0, "inputs": [],
                      "version": __version__, "run_dir": None, "cell": None,
                      "error": f"{type(err).__name__}: {err}"}
            append_log(reports_dir, record)
            result = RunResult("failed", run.study, run.name, None,
                               f"run failed: {run.name}: {type(err).__name__}: {err}", record)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


def demo_runs(config_path=None, notebooks_dir=None) -> list[NamedRun]:
    """What ``cxresearch demo`` runs: studies.yml's runs flagged ``demo: true``, then every
    study no such run covers, with its defaults (which run as-is on the bundled sample)."""
    named = [run for run in load_named_runs(config_path) if run.demo]
    covered = set()
    for run in named:
        with contextlib.suppress(CXResearchError):
            covered.add(find_study(run.study, notebooks_dir).name)
    rest = [NamedRun(name=study.name, study=study.name) for study in find_studies(notebooks_dir)
            if study.name not in covered]
    return named + rest

