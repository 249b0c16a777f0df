"""Benchmark: auto-coding one million verbatims, and sentiment throughput.

Verbatims: each is two survey comments of the same language drawn (seeded)
from the bundled sample and joined, about 110-120 characters on average; 30%
get a random made-up word appended, so the vocabulary grows the way a real
corpus's does (order numbers, names, typos) instead of staying at the phrase
bank's size. Languages keep the sample's mix (en, fr, it, pl, uk, zh).

Auto-coding, on one core (the machine's other core is left idle):

- ``cxresearch.coding.autocode`` with the default codebook on all rows
  (exact patterns only, as the baseline does; then with typos and
  code-switching too);
- baseline: each code's precompiled expression (``Codebook.compiled``, with its
  exclusions) applied one verbatim at a time, the plain way. It is timed on a
  100,000-row slice and scaled linearly to the full size (it is a loop over
  rows, linear by construction); both give the same (verbatim, code) pairs on
  that slice, which is checked.

Sentiment: ``cxresearch.coding.sentiment`` on 200,000 English comments beside
nltk's ``SentimentIntensityAnalyzer().polarity_scores`` called row by row;
scores must be identical.

Peak memory is the process's maximum resident set size up to the end of the
two 1M auto-coding runs (the verbatims themselves included).

Run: ``python bench/bench_autocode.py`` (``--rows 200000`` for a quick run).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np
import pandas as pd
from _common import peak_gb

TARGET_SECONDS = 20.0
STRETCH_SECONDS = 10.0
TARGET_SPEEDUP = 10.0
TARGET_PEAK_GB = 2.0
BASELINE_ROWS = 100_000
SENTIMENT_ROWS = 200_000
SEED = 20261123


def one_core():
    """Pin to one core, and keep BLAS/Arrow single-threaded, as the target says 'on one core'."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    import pyarrow as pa

    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)


def make_verbatims(rows: int, seed: int = SEED) -> pd.DataFrame:
    from cxresearch.config import SAMPLE_DIR

    rng = np.random.default_rng(seed)
    sample = pd.read_parquet(SAMPLE_DIR / "verbatims.parquet", columns=["text", "language", "source"])
    sample = sample[sample["source"] == "survey"]
    parts = []
    for language, texts in sample.groupby("language")["text"]:
        n = round(rows * len(texts) / len(sample))
        pool = texts.to_numpy(dtype=object)
        first, second = pool[rng.integers(0, len(pool), n)], pool[rng.integers(0, len(pool), n)]
        joined = pd.Series(first) + " " + pd.Series(second)
        extra = rng.random(n) < 0.3
        letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
        made_up = ["".join(rng.choice(letters, 7)) for _ in range(int(extra.sum()))]
        joined[extra] = joined[extra] + " " + pd.Series(made_up, index=joined.index[extra])
        parts.append(pd.DataFrame({"text": joined, "language": language}))
    data = pd.concat(parts, ignore_index=True).sample(frac=1, random_state=seed).reset_index(drop=True)
    data = data.head(rows)
    data.insert(0, "doc_id", [f"V{i:07d}" for i in range(len(data))])
    return data


def baseline(data: pd.DataFrame, codebook) -> set:
    """Each code's compiled expression, one verbatim at a time."""
    compiled = {lang: list(codebook.compiled(lang).values()) for lang in codebook.languages}
    found = set()
    for doc, text, language in data[["doc_id", "text", "language"]].itertuples(index=False):
        for code in compiled[language]:
            if code.search(text) is not None:
                found.add((doc, code.code))
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    one_core()
    from cxresearch.coding.autocode import autocode
    from cxresearch.coding.codebook import load_codebook
    from cxresearch.coding.sentiment import sentiment

    codebook = load_codebook()
    for language in codebook.languages:
        codebook.compiled(language)  # compile once, outside both timings
    data = make_verbatims(args.rows)
    mean_chars = data["text"].str.len().mean()
    status = 0

    start = time.perf_counter()
    n_codes = len(autocode(data, codebook, typos=False, other_languages=False))
    exact_seconds = time.perf_counter() - start
    start = time.perf_counter()
    autocode(data, codebook)
    full_seconds = time.perf_counter() - start
    peak = peak_gb()  # the process so far: the 1M verbatims and both runs (each result freed once counted)

    part = data.head(BASELINE_ROWS)
    start = time.perf_counter()
    plain = baseline(part, codebook)
    base_seconds = (time.perf_counter() - start) * len(data) / len(part)
    fast = autocode(part, codebook, typos=False, other_languages=False)
    same = set(map(tuple, fast[["doc_id", "code"]].to_numpy())) == plain
    if not same:
        print("autocode and the per-verbatim baseline disagree on the slice")
        status = 1
    speedup = base_seconds / exact_seconds
    ok = exact_seconds <= TARGET_SECONDS and speedup >= TARGET_SPEEDUP
    print(f"autocode {len(data):,} verbatims (mean {mean_chars:.0f} chars), one core, exact patterns: "
          f"{exact_seconds:.1f} s ({n_codes:,} codes)   with typos and code-switching: {full_seconds:.1f} s   "
          f"baseline per-verbatim regex: {base_seconds:.1f} s (timed on {len(part):,}, scaled)   "
          f"speed-up {speedup:.1f}x   same codes: {same}   "
          f"target ≤ {TARGET_SECONDS:.0f} s (stretch ≤ {STRETCH_SECONDS:.0f} s) and ≥ {TARGET_SPEEDUP:.0f}x   "
          f"[{'ok' if ok else 'MISSED'}]")

    english = data.loc[data["language"] == "en", "text"].head(SENTIMENT_ROWS)
    start = time.perf_counter()
    scored = sentiment(english, "en")
    ours = time.perf_counter() - start
    from nltk.sentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    start = time.perf_counter()
    rows = [analyzer.polarity_scores(text)["compound"] for text in english]
    plain_seconds = time.perf_counter() - start
    identical = np.array_equal(scored["compound"].to_numpy(), np.asarray(rows))
    if not identical:
        print("sentiment scores differ from nltk's per-row VADER")
        status = 1
    print(f"sentiment {len(english):,} English verbatims: {len(english) / ours:,.0f}/s   "
          f"nltk per-row VADER loop: {len(english) / plain_seconds:,.0f}/s   identical scores: {identical}   "
          f"[{'ok' if identical else 'MISSED'}]")

    print(f"peak memory while auto-coding 1M verbatims (input included) {peak:.2f} GB   target ≤ {TARGET_PEAK_GB:.0f} GB   "
          f"[{'ok' if peak <= TARGET_PEAK_GB else 'MISSED'}]")
    return status


if __name__ == "__main__":
    sys.exit(main())
