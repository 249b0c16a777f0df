"""Set-up builds the offline NLTK data from installed packages, and the NLP path works from nothing."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
import time
import zipfile
from importlib import resources

from cxresearch import setup_data

# Run in the child before anything else: any attempt to reach the network fails
# loudly, whatever the machine's routing (a bogus proxy alone would only show
# that nothing *succeeded* in reaching out).
NO_NETWORK = textwrap.dedent("""
    import socket

    def _refuse(*args, **kwargs):
        raise OSError("network use is forbidden in this test")

    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
""")


def _offline_env(folder):
    env = {k: v for k, v in os.environ.items()
           if k not in {"NLTK_DATA", "NO_PROXY", "no_proxy"}}
    bogus = "http://127.0.0.1:9"  # discard port: a proxy that cannot answer
    env.update(CXRESEARCH_NLTK_DATA=str(folder), HTTP_PROXY=bogus, HTTPS_PROXY=bogus, ALL_PROXY=bogus,
               http_proxy=bogus, https_proxy=bogus, PYTHONNOUSERSITE="1")
    return env


def _run(code, env, cwd):
    result = subprocess.run([sys.executable, "-c", NO_NETWORK + textwrap.dedent(code)], env=env, cwd=cwd,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_the_nlp_path_works_on_a_machine_with_no_nltk_data(tmp_path):
    folder = tmp_path / "nltk_data"
    folder.mkdir()
    env = _offline_env(folder)

    # 1. the project's own set-up step, as bootstrap.py runs it
    out = _run("""
        import runpy
        runpy.run_module("cxresearch.setup_data", run_name="__main__", alter_sys=True)
    """, env, tmp_path)
    assert f"NLTK data built in {folder}" in out, out
    built = {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}
    assert folder / "sentiment" / "vader_lexicon.zip" in built

    # 2. a fresh process scores English and reads stopwords from that folder only
    out = _run("""
        import json
        import nltk
        from cxresearch.coding.sentiment import sentiment
        from cxresearch.coding.text import stopwords
        from nltk.corpus import stopwords as corpus
        from nltk.sentiment import SentimentIntensityAnalyzer

        scores = sentiment("The staff were friendly and the delivery was quick.", language="en")
        print(json.dumps({
            "compound": float(scores["compound"].iloc[0]),
            "label": scores["label"].iloc[0],
            "plain_nltk": SentimentIntensityAnalyzer().polarity_scores("I love it")["compound"],
            "first_path": nltk.data.path[0],
            "stopwords_root": str(corpus.root),
            "the": "the" in stopwords("en"),
            "ukrainian": len(stopwords("uk")),
        }))
    """, env, tmp_path)
    facts = json.loads(out.strip().splitlines()[-1])
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as Independent

    expected = Independent().polarity_scores("The staff were friendly and the delivery was quick.")["compound"]
    assert facts["compound"] == expected == 0.4939 and facts["label"] == "positive"
    assert facts["plain_nltk"] == 0.6369  # VADER's score of "I love it"
    assert facts["first_path"] == str(folder)
    assert facts["stopwords_root"] == str(folder / "corpora" / "stopwords")
    assert facts["the"] and facts["ukrainian"] > 100
    # the scoring process found everything in place and wrote nothing
    assert {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()} == built


def test_the_vader_lexicon_is_the_vadersentiment_wheels_file(tmp_path):
    setup_data.ensure_nltk_data(tmp_path)
    with zipfile.ZipFile(tmp_path / "sentiment" / "vader_lexicon.zip") as archive:
        assert setup_data.VADER_MEMBER in archive.namelist()
        packaged = archive.read(setup_data.VADER_MEMBER)
    assert packaged == resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_bytes()


def test_stopword_lists_are_the_stop_words_package_lists(tmp_path):
    from stop_words import get_stop_words

    setup_data.ensure_nltk_data(tmp_path)
    folder = tmp_path / "corpora" / "stopwords"
    for language in ("english", "french", "italian", "polish", "ukrainian", "russian"):
        written = (folder / language).read_text(encoding="utf-8").splitlines()
        assert set(written) == set(get_stop_words(language)), language
        assert len(written) == len(set(written)), f"{language} has duplicates"
    assert "stop-words" in (folder / "README").read_text(encoding="utf-8")


def test_setup_is_idempotent_fast_and_repairs_a_damaged_file(tmp_path):
    first = setup_data.ensure_nltk_data(tmp_path)
    assert first.startswith("NLTK data built")
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in tmp_path.rglob("*") if p.is_file()}

    start = time.perf_counter()
    second = setup_data.ensure_nltk_data(tmp_path)
    assert time.perf_counter() - start < 0.5
    assert second == f"NLTK data present in {tmp_path}"
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in tmp_path.rglob("*") if p.is_file()} == before

    damaged = tmp_path / "corpora" / "stopwords" / "french"
    damaged.write_text("le\n", encoding="utf-8")
    assert "corpora/stopwords/french" in setup_data.ensure_nltk_data(tmp_path)
    assert "le" in damaged.read_text(encoding="utf-8") and len(damaged.read_text().splitlines()) > 100
    # atomic writes leave no temporary files behind
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_the_zip_is_byte_identical_on_every_build():
    # fixed member timestamps: "already built" is a byte comparison, and a rebuild changes nothing
    first, second = setup_data._vader_zip(), setup_data._vader_zip()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.testzip() is None
