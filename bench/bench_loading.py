"""Benchmark: load and validate a 1,000,000-row survey export.

Writes a realistic responses CSV (seeded; 11 columns: text ids, 19-digit
customer ids with gaps, ISO dates, scores with blanks, "N/A" and 99 codes,
free-text comments with commas and quotes) to a temporary folder, then times

* ``load_table(path, kind="responses")`` (read + contract check), best of 3;
* a plain-pandas baseline measured in the same run: ``pd.read_csv`` with the
  ids as ``str``, then the same checks done naively;

and checks that both see the same number of rows.  Target: ≤ 5 s on a
2-core machine.  Not part of the test run::

    python bench/bench_loading.py            # 1,000,000 rows
    python bench/bench_loading.py 200000     # a quicker look
"""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from cxresearch.datasets import load_table
from cxresearch.exceptions import CXResearchWarning

TARGET_SECONDS = 5.0
ROWS = 1_000_000
SEED = 20261123

_PHRASES = np.array([
    "Quick checkout, friendly staff", "The queue was long", "Great value for money",
    'Staff said "no problem" and fixed it', "App kept crashing at payment",
    "Delivery was late, again", "Loved the new store layout", "Hard to find the returns desk",
    "Prices went up, quality did not", "Nothing to add", "Helpful advice on sizes",
    "Couldn't reach anyone by phone; gave up", "Clean, bright, easy to shop",
    "Website search is useless", "Parking was a nightmare", "Fast refund, thank you",
], dtype=object)


def write_export(path: Path, rows: int = ROWS, seed: int = SEED) -> None:
    """Write a realistic responses CSV of ``rows`` rows to ``path``."""
    rng = np.random.default_rng(seed)
    ids = pd.Series(np.arange(rows)).map("R_{:012d}".format)
    customer = pd.Series(rng.integers(3_074_457_345_000_000_000, 3_074_457_349_000_000_000,
                                      rows, dtype=np.int64)).astype(str)
    customer[rng.random(rows) < 0.03] = ""
    days = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 547, rows), unit="D")
    nps = rng.choice(np.arange(11), rows, p=[.03, .02, .03, .04, .05, .08, .1, .15, .2, .15, .15])
    nps_text = pd.Series(nps).astype(str)
    nps_text[rng.random(rows) < 0.02] = ""
    nps_text[rng.random(rows) < 0.005] = "99"
    csat_text = pd.Series(rng.integers(1, 6, rows)).astype(str)
    csat_text[rng.random(rows) < 0.003] = "N/A"
    comment = pd.Series(rng.choice(_PHRASES, rows))
    comment[rng.random(rows) < 0.6] = ""
    frame = pd.DataFrame({
        "response_id": ids,
        "customer_id": customer,
        "unit_id": pd.Series(rng.integers(1, 251, rows)).map("S{:03d}".format),
        "date": days.strftime("%Y-%m-%d"),
        "touchpoint": rng.choice(np.array(["store", "web", "app", "call centre"], dtype=object), rows),
        "region": rng.choice(np.array(["North", "South", "East", "West"], dtype=object), rows),
        "nps": nps_text,
        "csat": csat_text,
        "ces": rng.integers(1, 8, rows),
        "comment": comment,
        "weight": np.round(rng.uniform(0.5, 2.0, rows), 3),
    })
    frame.to_csv(path, index=False)


def load_with_cxresearch(path: Path) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CXResearchWarning)
        return len(load_table(path, kind="responses"))


def load_with_pandas(path: Path) -> int:
    """The baseline: plain pandas and the same checks, written the obvious way."""
    df = pd.read_csv(path, dtype={"response_id": str, "customer_id": str, "unit_id": str})
    if df["response_id"].duplicated().any():
        raise ValueError("duplicate response_id")
    for column, low, high in (("nps", 0, 10), ("csat", 1, 5), ("ces", 1, 7)):
        values = pd.to_numeric(df[column], errors="coerce")
        values = values.mask(values.isin([99, 98, -99]))
        if not values.dropna().between(low, high).all():
            raise ValueError(f"{column} out of range")
        df[column] = values
    df["date"] = pd.to_datetime(df["date"], format="%Y-%m-%d")
    if (df["weight"] < 0).any():
        raise ValueError("negative weight")
    return len(df)


def best_of(function, path: Path, repeat: int = 3):
    times, rows = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        rows = function(path)
        times.append(time.perf_counter() - start)
    return min(times), rows


def main(rows: int = ROWS) -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "responses_export.csv"
        start = time.perf_counter()
        write_export(path, rows)
        size_mb = path.stat().st_size / 1e6
        print(f"wrote {rows:,}-row CSV ({size_mb:.0f} MB) in {time.perf_counter() - start:.1f} s")
        ours, our_rows = best_of(load_with_cxresearch, path)
        base, base_rows = best_of(load_with_pandas, path)
    verdict = "ok" if ours <= TARGET_SECONDS else "MISSED"
    print(f"load_table {rows:,}-row CSV: {ours:.2f} s   baseline pd.read_csv: {base:.2f} s   "
          f"target ≤ {TARGET_SECONDS:g} s   [{verdict}]")
    same = our_rows == base_rows == rows
    print(f"rows: load_table {our_rows:,}, baseline {base_rows:,}   [{'ok' if same else 'MISMATCH'}]")
    return 0 if (verdict == "ok" and same) else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else ROWS))
