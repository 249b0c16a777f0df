#!/usr/bin/env python3
"""Set up the cxresearch workbench from nothing but Python 3.11+, then run a task.

    python3 bootstrap.py demo      # every study on the bundled sample, reports published
    python3 bootstrap.py test      # the test suite (extra arguments go to pytest); installs Debian's
                                   # Chromium for the browser tests when /usr/bin/chromium is missing
    python3 bootstrap.py setup     # only set up

Setting up is idempotent and skips what is already done: it creates ``.venv``,
installs the package with its pinned dependencies (``requirements/constraints.txt``),
registers the ``cxresearch`` Jupyter kernel inside that environment, and builds
whatever offline data the project needs. Nothing is downloaded at run time;
setup itself uses only the package registries.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("CXRESEARCH_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".cxresearch-setup"
KERNEL = "cxresearch"
#: The browser the browser tests drive through Playwright (Debian's package; Playwright never downloads one).
CHROMIUM = Path("/usr/bin/chromium")


def say(message: str) -> None:
    print(f"[bootstrap] {message}", flush=True)


def run(*args, **kwargs) -> None:
    subprocess.run([str(a) for a in args], check=True, **kwargs)


def fingerprint(extras: str) -> str:
    """What an installed environment was built from: the dependency files and the extras."""
    h = hashlib.sha256()
    for name in ("pyproject.toml", "requirements/constraints.txt", "bootstrap.py"):
        h.update((ROOT / name).read_bytes())
    return f"{h.hexdigest()} [{extras}]"


def setup(extras: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"cxresearch needs Python 3.11 or newer; this is {sys.version.split()[0]}. "
                 "Fix: run this script with python3.11 (or newer).")
    if not PYTHON.exists():
        say(f"creating the environment in {VENV}")
        run(sys.executable, "-m", "venv", VENV)
    wanted = fingerprint(extras)
    # an environment set up for the tests also serves the demo (a superset)
    good = {wanted} | ({fingerprint("test")} if not extras else set())
    if STAMP.exists() and STAMP.read_text().strip() in good:
        say("environment is up to date")
    else:
        target = f"{ROOT}[{extras}]" if extras else str(ROOT)
        say(f"installing {target} with its pinned dependencies (about a minute on a cold machine)")
        run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(PYTHON, "-m", "pip", "install", "--quiet", "-c", ROOT / "requirements" / "constraints.txt",
            "-e", target)
        say(f"registering the Jupyter kernel '{KERNEL}' inside the environment")
        run(PYTHON, "-m", "ipykernel", "install", "--sys-prefix", "--name", KERNEL,
            "--display-name", "Python (cxresearch)")
        STAMP.write_text(wanted + "\n")
    # Project data that cannot be downloaded at run time is built from installed packages.
    run(PYTHON, "-m", "cxresearch.setup_data", cwd=ROOT)


def ensure_chromium() -> None:
    """Install Debian's Chromium for the browser tests when it is missing (apt-get; root on our machines)."""
    if CHROMIUM.exists():
        return
    apt = shutil.which("apt-get")
    say(f"installing Debian's Chromium for the browser tests ({CHROMIUM} is missing; about 30 s)")
    try:
        if apt is None:
            raise OSError("apt-get not found")
        subprocess.run([apt, "update", "-qq"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([apt, "install", "-y", "-qq", "chromium"], check=True, stdout=subprocess.DEVNULL,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    except (OSError, subprocess.CalledProcessError) as err:
        say(f"could not install Chromium ({err}); the browser tests will fail. Fix: as root, "
            "`apt-get update && apt-get install -y chromium`, or deselect them with -m 'not browser'")


def main(argv: list[str]) -> int:
    task = argv[0] if argv else "help"
    if task not in {"demo", "test", "setup"}:
        print(__doc__)
        return 0 if task in {"help", "-h", "--help"} else 2
    setup("test" if task == "test" else "")
    env = dict(os.environ, PYTHONNOUSERSITE="1")
    if task == "demo":
        return subprocess.run([str(BIN / "cxresearch"), "demo", *argv[1:]], cwd=ROOT, env=env).returncode
    if task == "test":
        ensure_chromium()
        return subprocess.run([str(PYTHON), "-m", "pytest", *argv[1:]], cwd=ROOT, env=env).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
