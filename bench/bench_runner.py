"""Benchmark: what the runner adds to papermill, and how long ``cxresearch demo`` takes.

* Runner overhead: ``runner.run_study`` (parameter checks, input hashes, run
  folder, run.json, log line, latest, index; HTML export excluded) against bare
  ``papermill.execute_notebook`` of the same fixture notebook on the same kernel,
  in one process after a warm-up, best of 3 each. Target: ≤ 1 s.
* Command start-up, for information: ``cxresearch run --no-html`` against the
  ``papermill`` command on the same notebook, best of 3 (both pay their imports).
* ``cxresearch demo --force`` in this project (every study on the bundled
  sample, report.html included; --force so nothing is skipped). Target: ≤ 90 s
  on a 2-core machine. It writes real runs into ``reports/``, as the demo does.

Not part of the test run::

    python bench/bench_runner.py            # all of it
    python bench/bench_runner.py --no-demo  # the overhead only
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import papermill

from cxresearch import config, runner

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parent / "tests" / "fixtures" / "notebooks" / "10-tiny.ipynb"
BIN = Path(sys.executable).parent
OVERHEAD_TARGET_S = 1.0
DEMO_TARGET_S = 90.0
REPEAT = 3


def best_of(function, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def verdict(ok: bool) -> str:
    return "[ok]" if ok else "[MISSED]"


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-runner-") as folder:
        root = Path(folder)
        (root / "notebooks").mkdir()
        shutil.copy(FIXTURE, root / "notebooks" / FIXTURE.name)
        (root / "inputs").mkdir()
        (root / "inputs" / "tiny.csv").write_text("a\nb\n", encoding="utf-8")
        notebook = root / "notebooks" / FIXTURE.name
        output = root / "bare.ipynb"
        env_run_dir = root / "bare-run"
        env_run_dir.mkdir()

        def bare():
            # the notebook records results; give it a folder, as the runner would
            os.environ["CXRESEARCH_RUN_DIR"] = str(env_run_dir)
            try:
                papermill.execute_notebook(str(notebook), str(output), parameters={"n": 4},
                                           kernel_name=config.KERNEL_NAME, progress_bar=False, cwd=str(root))
            finally:
                os.environ.pop("CXRESEARCH_RUN_DIR", None)

        def ours():
            result = runner.run_study("tiny", text_parameters={"n": "4"}, project_root=root, html=False, force=True)
            assert result.status == "ok", result.message

        bare(), ours()  # warm-up: imports, disk cache, kernel spec lookup
        t_bare, t_ours = best_of(bare), best_of(ours)
        overhead = t_ours - t_bare
        print(f"runner overhead over bare papermill: {overhead:.2f} s (run_study {t_ours:.2f} s, "
              f"papermill.execute_notebook {t_bare:.2f} s, best of {REPEAT}, no HTML)   "
              f"target ≤ {OVERHEAD_TARGET_S:.0f} s   {verdict(overhead <= OVERHEAD_TARGET_S)}", flush=True)

        env = dict(os.environ, CXRESEARCH_HOME=str(root), CXRESEARCH_RUN_DIR=str(env_run_dir))
        cli = [str(BIN / "cxresearch"), "run", "tiny", "-p", "n", "4", "--no-html", "--force"]
        bare_cli = [str(BIN / "papermill"), "--no-progress-bar", "-k", config.KERNEL_NAME, "--cwd", str(root),
                    "-p", "n", "4", str(notebook), str(output)]
        run_env = {k: v for k, v in env.items() if k != "CXRESEARCH_RUN_DIR"}
        t_cli = best_of(lambda: subprocess.run(cli, env=run_env, capture_output=True, check=True))
        t_bare_cli = best_of(lambda: subprocess.run(bare_cli, env=env, capture_output=True, check=True))
        print(f"command, start-up included: cxresearch run {t_cli:.2f} s, papermill {t_bare_cli:.2f} s "
              f"(difference {t_cli - t_bare_cli:+.2f} s; importing cxresearch itself costs part of it)", flush=True)

    if "--no-demo" in argv:
        return 0
    studies = len(runner.demo_runs())
    start = time.perf_counter()
    done = subprocess.run([str(BIN / "cxresearch"), "demo", "--force"], cwd=config.PROJECT_ROOT,
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    status = "" if done.returncode == 0 else f", exit {done.returncode}: {done.stderr.strip().splitlines()[-1:]}"
    print(f"cxresearch demo --force ({studies} stud{'ies' if studies != 1 else 'y'}{status}): {wall:.1f} s   "
          f"target ≤ {DEMO_TARGET_S:.0f} s   {verdict(wall <= DEMO_TARGET_S and done.returncode == 0)}", flush=True)
    return 0 if done.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
