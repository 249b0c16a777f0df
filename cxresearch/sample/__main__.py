"""Rebuild or check the bundled sample: ``python -m cxresearch.sample [--check] [--out DIR]``."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from .. import config
from .generator import write_sample


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cxresearch.sample", description=__doc__)
    parser.add_argument("--out", type=Path, default=config.SAMPLE_DIR, help="folder to write (default: data/sample)")
    parser.add_argument("--check", action="store_true",
                        help="regenerate into a temporary folder and compare content hashes with the committed MANIFEST.json")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if not args.check:
        manifest = write_sample(args.out)
        rows = sum(t["rows"] for t in manifest["tables"].values())
        print(f"wrote {len(manifest['tables'])} tables ({rows:,} rows) to {args.out} in {time.perf_counter() - start:.1f} s")
        return 0
    committed = json.loads((config.SAMPLE_DIR / "MANIFEST.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        fresh = write_sample(Path(tmp))
    differ = [name for name in committed["tables"] | fresh["tables"]
              if committed["tables"].get(name) != fresh["tables"].get(name)]
    for name in differ:
        print(f"differs: {name}: committed {committed['tables'].get(name)} vs regenerated {fresh['tables'].get(name)}")
    print("sample is reproducible" if not differ else f"{len(differ)} table(s) differ", f"({time.perf_counter() - start:.1f} s)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
