"""Build the project data that must exist before anything runs, from installed packages only.

Run by ``bootstrap.py`` on every set-up (``python -m cxresearch.setup_data``):
it is idempotent and fast when everything is in place. Nothing here downloads:
the machines this project runs on reach only package registries.

What it builds:

- ``data/sample``: the bundled demo data is committed; if it is missing (a
  partial checkout, a user who deleted it) it is regenerated from its seed.
"""

from __future__ import annotations

import sys

from . import config


def ensure_sample() -> str:
    manifest = config.SAMPLE_DIR / "MANIFEST.json"
    if manifest.exists():
        return f"sample data present in {config.SAMPLE_DIR}"
    from .sample import write_sample

    write_sample(config.SAMPLE_DIR)
    return f"sample data regenerated in {config.SAMPLE_DIR}"


def main() -> int:
    for step in (ensure_sample,):
        print(f"[setup] {step()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
