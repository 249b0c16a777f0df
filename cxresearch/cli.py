"""The ``cxresearch`` command line: options only; the work is done by the library.

    cxresearch list                                 the studies and their parameters
    cxresearch run STUDY [-p NAME VALUE]... [-f params.yaml] [--force] [--no-html]
    cxresearch run-all [--config studies.yml] [--only NAME]... [--force]
    cxresearch schedule [--config studies.yml]      crontab lines for the scheduled runs
    cxresearch demo                                 every study on the bundled sample
    cxresearch serve [--port P] [--host 127.0.0.1]  the published reports as web pages (Voilà)
    cxresearch --version

Every error a user can cause ends the command with one line (no traceback)
and exit status 2; a run that fails exits 1 with one line saying which cell
raised what.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__, config
from .exceptions import CXResearchError, ParameterError


def _describe_sample() -> None:
    """One line on the bundled sample the demo runs on."""
    from .datasets import read_dataset

    responses = read_dataset("responses")
    print(f"Maison Verde (bundled sample): {len(responses):,} survey answers from "
          f"{responses['customer_id'].nunique():,} customers in {responses['unit_id'].nunique()} stores, "
          f"{responses['date'].min():%Y-%m} to {responses['date'].max():%Y-%m}")


def _rel(path) -> str:
    try:
        return Path(path).resolve().relative_to(config.PROJECT_ROOT.resolve()).as_posix()
    except ValueError:
        return str(path)


def _config_path(args) -> Path:
    from .schedule import STUDIES_FILE

    return Path(args.config) if getattr(args, "config", None) else config.PROJECT_ROOT / STUDIES_FILE


def _print_result(result, *, numbers: bool = True) -> None:
    """One line per run (failures on stderr), then the headline numbers of a good run."""
    from .index import format_value
    from .reporting import read_results

    label = result.name if result.name and result.name != result.study else result.study
    if result.status == "failed":
        where = f" (executed notebook: {_rel(result.run_dir)}/notebook.ipynb)" \
            if result.run_dir is not None and (Path(result.run_dir) / "notebook.ipynb").exists() else ""
        print(f"cxresearch: {result.message}{where}", file=sys.stderr, flush=True)
        return
    if result.status == "skipped":
        print(f"cxresearch: skipped {label}: {result.message.split(': ', 1)[-1]}", flush=True)
        return
    report = Path(result.run_dir) / "report.html"
    shown = report if report.exists() else result.run_dir
    print(f"cxresearch: {label} ok in {result.record.get('duration_s', 0):.1f} s: {_rel(shown)}", flush=True)
    if numbers:
        for entry in list(read_results(result.run_dir).values())[:12]:
            value = format_value(entry.get("value"), entry.get("unit", ""))
            ci = ""
            if entry.get("ci_low") is not None and entry.get("ci_high") is not None:
                ci = (f"  [{format_value(entry['ci_low'], entry.get('unit', ''), suffix=False)} to "
                      f"{format_value(entry['ci_high'], entry.get('unit', ''))}]")
            print(f"  {entry.get('label') or entry['name']:<40} {value:>14}{ci}", flush=True)


# --- commands -------------------------------------------------------------------------------------

def list_studies(args) -> int:
    """Print the studies, their parameters (type, default, help) and the named runs."""
    from .periods import RELATIVE_PERIODS
    from .schedule import load_named_runs
    from .studies import find_studies

    studies = find_studies()
    if not studies:
        print(f"No studies in {_rel(config.NOTEBOOKS_DIR)}/ yet (notebooks named NN-name.ipynb).")
    else:
        print(f"Studies in {_rel(config.NOTEBOOKS_DIR)}/ (cxresearch run STUDY -p NAME VALUE):")
    for study in studies:
        print(f"\n{study.name}  (or {study.short_name}){'  ' + study.title if study.title else ''}")
        if not study.parameters:
            print("  (no parameters cell)")
        width = max((len(p) for p in study.parameters), default=0)
        for param in study.parameters.values():
            default = param.default_text if len(param.default_text) <= 60 else param.default_text[:59] + "…"
            print(f"  {param.name:<{width}}  {param.type:<5}  = {default}")
            if param.help:
                print(f"  {'':<{width}}  {param.help}")
    runs = load_named_runs(_config_path(args))
    if runs:
        print(f"\nNamed runs in {_rel(_config_path(args))} (cxresearch run-all; cxresearch schedule):")
        width = max(len(r.name) for r in runs)
        for run in runs:
            flags = "  demo" if run.demo else ""
            print(f"  {run.name:<{width}}  {run.study:<24} {run.schedule or '(no schedule)':<16}{flags}".rstrip())
    print(f"\nOn the command line (-p NAME VALUE), null sets a parameter to None; text parameters may be relative "
          f"periods ({', '.join(RELATIVE_PERIODS)}), resolved when the run starts; paths may be templates such as "
          "data/raw/{period}/responses.csv.")
    return 0


def _read_params_file(path) -> dict:
    import yaml

    path = Path(path)
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ParameterError("file not found", file=path, fix="give the path of a YAML file of name: value lines") \
            from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ParameterError(f"not valid YAML{where}", file=path, fix="one 'name: value' per line") from None
    if content is None:
        return {}
    if not isinstance(content, dict):
        raise ParameterError("expected a mapping of parameter names to values", file=path,
                             fix="write one 'name: value' per line")
    return {str(k): v for k, v in content.items()}


def run(args) -> int:
    """Run one study; exit 1 with one line if the notebook fails."""
    from .runner import run_study

    given = _read_params_file(args.params_file) if args.params_file else {}
    text = {name: value for name, value in (args.parameter or [])}
    result = run_study(args.study, given, text_parameters=text, force=args.force, html=not args.no_html,
                       as_of=args.as_of, progress=sys.stdout.isatty(), timeout=args.timeout)
    _print_result(result)
    return 1 if result.status == "failed" else 0


def _selected_runs(args):
    from .schedule import load_named_runs

    path = _config_path(args)
    if not path.exists():
        raise ParameterError("no such file", file=path,
                             fix="create studies.yml at the project root (see the README) or pass --config")
    runs = load_named_runs(path)
    if args.only:
        names = {run.name for run in runs}
        unknown = [name for name in args.only if name not in names]
        if unknown:
            raise ParameterError("no such named run", file=path, parameter="--only", value=unknown[0],
                                 fix=f"use one of: {', '.join(sorted(names)) or 'none defined'}")
        runs = [run for run in runs if run.name in args.only]
    return runs


def _summary(results) -> str:
    counts = {status: sum(r.status == status for r in results) for status in ("ok", "skipped", "failed")}
    return f"{len(results)} run{'s' if len(results) != 1 else ''}: " + ", ".join(f"{n} {s}" for s, n in counts.items())


def run_all_command(args) -> int:
    """Run every named run of studies.yml (or those given with --only); exit 1 if any failed."""
    from .runner import run_all

    runs = _selected_runs(args)
    if not runs:
        print(f"cxresearch: no named runs in {_rel(_config_path(args))}")
        return 0
    results = run_all(runs, force=args.force, html=not args.no_html, as_of=args.as_of,
                      progress=sys.stdout.isatty(), on_result=lambda r: _print_result(r, numbers=False))
    print(f"cxresearch: {_summary(results)}; index: {_rel(config.REPORTS_DIR / 'index.html')}")
    return 1 if any(r.status == "failed" for r in results) else 0


def schedule(args) -> int:
    """Print crontab lines for the scheduled named runs, after checking every run's study and parameters."""
    from .schedule import crontab_lines, load_named_runs
    from .studies import find_study, prepare_parameters

    path = _config_path(args)
    if not path.exists():
        raise ParameterError("no such file", file=path,
                             fix="create studies.yml at the project root (see the README) or pass --config")
    runs = load_named_runs(path)
    for named in runs:
        try:
            prepare_parameters(find_study(named.study), named.parameters)
        except ParameterError as err:
            raise ParameterError(f"named run {named.name!r}: {err}", file=path) from None
    print("\n".join(crontab_lines(runs, project_root=config.PROJECT_ROOT, config_path=path)))
    return 0


def demo(args) -> int:
    """Every study run on the bundled sample, then where the reports are."""
    from .index import write_index
    from .runner import demo_runs, run_all

    _describe_sample()
    runs = demo_runs(_config_path(args))
    if not runs:
        print(f"\nNo study notebooks in {_rel(config.NOTEBOOKS_DIR)}/ yet.")
        return 0
    print(f"\nRunning {len(runs)} stud{'ies' if len(runs) != 1 else 'y'} on the bundled sample "
          f"(unchanged inputs are skipped; --force runs them again):", flush=True)
    results = run_all(runs, force=args.force, html=not args.no_html, progress=False, on_result=_print_result)
    index = write_index()
    print(f"\ncxresearch: {_summary(results)}")
    print(f"Reports: {index}  (open it in a browser; every run is listed in {_rel(index.parent / 'runs.jsonl')})")
    return 1 if any(r.status == "failed" for r in results) else 0


def serve(args) -> int:
    """Publish the latest good run of every study as Voilà reports until interrupted."""
    import os

    from .publishing.server import serve as run_server

    hashed = None
    if args.password:
        import getpass

        from jupyter_server.auth import passwd

        secret = os.environ.get("CXRESEARCH_SERVE_PASSWORD") or getpass.getpass("Password for the reports: ")
        if not secret:
            raise ParameterError("empty password", parameter="--password",
                                 fix="type a password, or set CXRESEARCH_SERVE_PASSWORD")
        hashed = passwd(secret)
    return run_server(host=args.host, port=args.port, reports_dir=args.reports,
                      token=args.token or os.environ.get("CXRESEARCH_SERVE_TOKEN"), hashed_password=hashed)


# --- the parser -----------------------------------------------------------------------------------

def _add_run_options(p, *, as_of=True):
    p.add_argument("--force", action="store_true", help="run even if the inputs are unchanged since the last good run")
    p.add_argument("--no-html", action="store_true", help="skip the static report.html (saves about 2 s per run)")
    if as_of:
        p.add_argument("--as-of", metavar="YYYY-MM-DD",
                       help="the day relative periods ('last complete month'...) are resolved against "
                            "(default: today)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cxresearch", description="A workbench for customer-experience research.")
    parser.add_argument("--version", action="version", version=f"cxresearch {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    config_help = "the named runs (default: studies.yml at the project root)"

    p = commands.add_parser("list", help="the studies and their parameters",
                            description="List the study notebooks (notebooks/NN-name.ipynb), each parameter with "
                                        "its type, default and help, and the named runs of studies.yml.")
    p.add_argument("--config", metavar="FILE", help=config_help)
    p.set_defaults(func=list_studies)

    p = commands.add_parser("run", help="run one study into a new report folder",
                            description="Run notebooks/STUDY.ipynb with papermill into "
                                        "reports/STUDY/<timestamp>-<id>/ (executed notebook, report.html, "
                                        "results.json, tables, figures, run.json); reports/STUDY/latest points at "
                                        "the newest good run. Parameters are checked before any kernel starts.")
    p.add_argument("study", metavar="STUDY",
                   help="file stem (00-cx-scorecard) or name without the number (cx-scorecard)")
    p.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   help="set a parameter (converted by its default's type; lists and mappings in YAML); repeatable")
    p.add_argument("-f", "--params-file", metavar="FILE", help="a YAML file of name: value parameters (-p wins)")
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="fail a cell that runs longer than this")
    _add_run_options(p)
    p.set_defaults(func=run)

    p = commands.add_parser("run-all", help="run the named runs of studies.yml",
                            description="Run every named run of studies.yml (or those given with --only), "
                                        "going on after a failure; exit 1 if any failed. A run whose inputs are "
                                        "unchanged since its last good run is skipped (logged as skipped).")
    p.add_argument("--config", metavar="FILE", help=config_help)
    p.add_argument("--only", action="append", metavar="NAME", help="run only this named run; repeatable")
    _add_run_options(p)
    p.set_defaults(func=run_all_command)

    p = commands.add_parser("schedule", help="print crontab lines for the scheduled runs",
                            description="Check studies.yml and print one crontab line per named run with a "
                                        "schedule, calling 'cxresearch run-all --only NAME' from the project root. "
                                        "Install with: (crontab -l; cxresearch schedule) | crontab -")
    p.add_argument("--config", metavar="FILE", help=config_help)
    p.set_defaults(func=schedule)

    p = commands.add_parser("demo", help="every study on the bundled sample, then where the reports are",
                            description="Run every study on the bundled sample "
                                        "(the named runs of studies.yml marked 'demo: true', and every other "
                                        "study notebook with its defaults), then print the location of "
                                        "reports/index.html.")
    p.add_argument("--config", metavar="FILE", help=config_help)
    _add_run_options(p, as_of=False)
    p.set_defaults(func=demo)

    p = commands.add_parser("serve", help="the published reports as web pages (Voilà)",
                            description="Serve the latest good run of every study as a Voilà report without code, "
                                        "with filters, behind a gallery at /. Listens on 127.0.0.1 (this machine "
                                        "only) unless --host says otherwise; on any other address sign-in is "
                                        "required: --token (or $CXRESEARCH_SERVE_TOKEN; generated and printed "
                                        "if absent) or --password.")
    p.add_argument("--port", type=int, default=8866, help="port to listen on (default 8866)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1; 0.0.0.0 exposes it, with sign-in)")
    p.add_argument("--reports", metavar="FOLDER", help="the reports folder to publish (default: reports/)")
    p.add_argument("--token", help="sign-in token (default: none on 127.0.0.1, generated otherwise)")
    p.add_argument("--password", action="store_true",
                   help="sign in with a password instead (asked for, or $CXRESEARCH_SERVE_PASSWORD)")
    p.set_defaults(func=serve)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except CXResearchError as err:
        print(f"cxresearch: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cxresearch: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
