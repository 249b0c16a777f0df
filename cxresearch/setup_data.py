"""Build the project data that must exist before anything runs, from installed packages only.

Run by ``bootstrap.py`` on every set-up (``python -m cxresearch.setup_data``):
it is idempotent and fast when everything is in place. Nothing here downloads:
the machines this project runs on reach only package registries, and
NLTK's own downloader fails on them.

What it builds:

- ``data/sample``: the bundled demo data is committed; if it is missing (a
  partial checkout, a user who deleted it) it is regenerated from its seed.
- the offline NLTK data folder (``config.NLTK_DATA_DIR``, ``<project>/.nltk_data``
  unless ``$CXRESEARCH_NLTK_DATA`` says otherwise), laid out as NLTK expects:

  - ``sentiment/vader_lexicon.zip`` holding ``vader_lexicon/vader_lexicon.txt``,
    the VADER lexicon shipped in the ``vaderSentiment`` wheel (MIT licence,
    C.J. Hutto), copied byte for byte.
  - ``corpora/stopwords/<language>`` for the languages in ``STOPWORD_LANGUAGES``
    that the installed package has (stop-words 2018.7.23 has no Chinese list),
    from the ``stop-words`` package (BSD-3-Clause, Alireza Savand and
    contributors). These lists are NOT NLTK's own stopword lists: the English
    one has 1,333 words against NLTK's 179, and NLTK has no Polish or Ukrainian
    list at all. ``corpora/stopwords/README`` records the source and version.

What it does not build: punkt / punkt_tab (no offline source exists; the
project's tokenisers need no data) or any other NLTK resource.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import zipfile
from importlib import metadata, resources
from pathlib import Path

from . import config

__all__ = ["ensure_sample", "ensure_nltk_data", "STOPWORD_LANGUAGES", "main"]

#: NLTK stopword file name -> ISO 639-1 code. Russian is there so that Cyrillic
#: text can be told apart from Ukrainian (cxresearch.coding.text.guess_language).
STOPWORD_LANGUAGES = {
    "english": "en", "french": "fr", "italian": "it", "polish": "pl",
    "ukrainian": "uk", "russian": "ru", "chinese": "zh",
}

VADER_MEMBER = "vader_lexicon/vader_lexicon.txt"
# A fixed member timestamp makes the zip byte-identical on every build, so
# "already built" is a plain byte comparison.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def ensure_sample() -> str:
    manifest = config.SAMPLE_DIR / "MANIFEST.json"
    if manifest.exists():
        return f"sample data present in {config.SAMPLE_DIR}"
    from .sample import write_sample

    write_sample(config.SAMPLE_DIR)
    return f"sample data regenerated in {config.SAMPLE_DIR}"


def _package_file(package: str, *parts: str) -> bytes:
    """The bytes of a data file inside an installed package (not imported beyond its __init__)."""
    try:
        return resources.files(package).joinpath(*parts).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as error:
        distribution = {"vaderSentiment": "vaderSentiment", "stop_words": "stop-words"}[package]
        raise RuntimeError(
            f"cannot build the offline NLTK data: {'/'.join(parts)} not found in the installed "
            f"package {package!r} ({error}). Fix: pip install -c requirements/constraints.txt "
            f"{distribution}, or run `python3 bootstrap.py setup`") from None


def _vader_zip() -> bytes:
    lexicon = _package_file("vaderSentiment", "vader_lexicon.txt")
    # nltk splits the lexicon on "\n" and fails on an empty last line; the wheel's
    # file has none (so this is a no-op today), but a trailing newline must not break it.
    lexicon = lexicon.rstrip(b"\r\n")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("vader_lexicon/", date_time=_ZIP_DATE), b"")
        member = zipfile.ZipInfo(VADER_MEMBER, date_time=_ZIP_DATE)
        member.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(member, lexicon)
    return buffer.getvalue()


def _has_stopword_list(language: str) -> bool:
    # stop-words 2018.7.23 (the newest on conda-forge when this was written) has no Chinese list
    return resources.files("stop_words").joinpath("stop-words", f"{language}.txt").is_file()


def _stopword_list(language: str) -> bytes:
    raw = _package_file("stop_words", "stop-words", f"{language}.txt").decode("utf-8-sig")
    words = dict.fromkeys(w.strip() for w in raw.splitlines())  # ordered, without duplicates
    words.pop("", None)
    return ("\n".join(words) + "\n").encode("utf-8")


def _stopwords_readme(languages: list[str]) -> bytes:
    version = metadata.version("stop-words")
    return (
        "Stopword lists for cxresearch, built by `python -m cxresearch.setup_data`.\n\n"
        f"Source: the PyPI package stop-words {version} "
        "(https://github.com/Alir3z4/python-stop-words), BSD-3-Clause licence.\n"
        "These are NOT NLTK's own stopword lists (which cannot be downloaded here):\n"
        "the words differ, and most lists are longer than NLTK's.\n"
        f"Languages: {', '.join(languages)}.\n"
    ).encode("utf-8")


def _write_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` atomically (temporary file, then rename); False when already identical."""
    try:
        if path.read_bytes() == content:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)  # atomic: readers see the old file or the new one
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def ensure_nltk_data(folder: str | os.PathLike | None = None) -> str:
    """Build the offline NLTK data folder from installed packages; return what was done.

    Parameters
    ----------
    folder : path, optional
        The NLTK data folder; default ``config.NLTK_DATA_DIR``.

    Returns
    -------
    str
        A one-line account: which files were (re)written, or that all were present.

    Notes
    -----
    Every file is built in memory and compared with what is on disk; only a
    missing or different file is written, through a temporary file renamed into
    place, so an interrupted run never leaves a half-written lexicon. Upgrading
    ``vaderSentiment`` or ``stop-words`` therefore refreshes the folder on the
    next set-up. A run with everything in place takes a few milliseconds.
    """
    folder = Path(config.NLTK_DATA_DIR if folder is None else folder)
    wanted = {folder / "sentiment" / "vader_lexicon.zip": _vader_zip()}
    stopwords_dir = folder / "corpora" / "stopwords"
    _package_file("stop_words", "stop-words", "english.txt")  # a clear error if the package is missing
    languages = [language for language in STOPWORD_LANGUAGES if _has_stopword_list(language)]
    for language in languages:
        wanted[stopwords_dir / language] = _stopword_list(language)
    # written last: its presence tells cxresearch.coding.text that the folder is complete
    wanted[stopwords_dir / "README"] = _stopwords_readme(languages)
    written = [path for path, content in wanted.items() if _write_if_changed(path, content)]
    missing = [language for language in STOPWORD_LANGUAGES if language not in languages]
    note = (f"; no {', '.join(missing)} stopword list in stop-words {metadata.version('stop-words')}"
            if missing else "")
    if not written:
        return f"NLTK data present in {folder}{note}"
    names = ", ".join(str(p.relative_to(folder)) for p in written)
    return f"NLTK data built in {folder} ({len(written)} files: {names}){note}"


def main() -> int:
    for step in (ensure_sample, ensure_nltk_data):
        print(f"[setup] {step()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
