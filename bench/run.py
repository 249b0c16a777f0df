"""Run every benchmark in bench/: ``python bench/run.py [name ...]``.

Each ``bench_*.py`` prints its numbers beside a baseline measured in the same
run and its target; this script runs them one after another (so they do not
compete for the two cores) and exits non-zero if any failed or missed a target.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:
        scripts = [s for s in scripts if any(a in s.stem for a in argv)]
    failed = []
    for script in scripts:
        print(f"== {script.stem}", flush=True)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
        sys.stdout.write(result.stdout)
        if result.returncode != 0 or "[MISSED]" in result.stdout:
            failed.append(script.stem)
            sys.stdout.write(result.stderr[-2000:])
        print(f"   ({time.perf_counter() - start:.0f} s)", flush=True)
    print("all benchmarks met their targets" if not failed else f"missed or failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
