"""The qualitative-coding study's steps, so that ``notebooks/01-qualitative-coding.ipynb`` stays thin.

Reading the verbatims (and the scores, segments and touchpoints they belong
to), handling repeated submissions explicitly, and the sentences a reader sees
next to each table. The statistics live in :mod:`cxresearch.coding.analysis`,
the coding in :mod:`cxresearch.coding.autocode`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import numpy as np
import pandas as pd

from .. import reporting, schemas
from .._checks import check_columns
from ..dashboard import _resolve
from ..datasets import _read_yaml, load_table
from ..exceptions import DataValidationError, ParameterError
from ..privacy import redact_pii
from ..reporting import format_share

__all__ = ["load_verbatims", "DUPLICATE_RULES", "describe_coverage", "describe_drivers",
           "describe_emergent", "format_share", "record_drivers", "redacted"]

#: How repeated verbatim ids are handled: refused, or exact resubmissions dropped.
DUPLICATE_RULES = ("error", "drop-identical")


def load_verbatims(verbatims_path, responses_path=None, mapping=None, *, text="text", id="doc_id",
                   join_on="response_id", duplicates="error"):
    """Read the verbatims to code and attach each one's score and context.

    Parameters
    ----------
    verbatims_path : str or path-like
        Verbatims (CSV, Excel or Parquet), one row per comment, review,
        complaint or transcript turn. Relative paths are read from the project root.
    responses_path : str or path-like, optional
        Survey answers (the responses contract) holding the score, segment,
        touchpoint and region of each verbatim's answer, joined on ``join_on``.
        None when the verbatims file holds them itself.
    mapping : dict or str, optional
        Column renames ``{their name: our name}`` or a YAML file of them; a
        section ``verbatims:`` / ``responses:`` applies to one file only.
    text, id : str
        The text column and the verbatim id column (our names, after the
        mapping). ``id=None`` numbers the rows 1, 2, ... (for exports with no
        row id; the numbers follow the file's order).
    join_on : str
        The column linking a verbatim to its survey answer.
    duplicates : {"error", "drop-identical"}
        Repeated ids are refused by default. ``"drop-identical"`` drops rows
        identical to an earlier one in every column (a form submitted twice)
        and reports how many; ids still repeated after that are refused.

    Returns
    -------
    pandas.DataFrame
        One row per verbatim, ``id`` as text. ``attrs["load_report"]`` says
        what was read and dropped.

    Examples
    --------
    >>> from cxresearch.coding.study import load_verbatims
    >>> docs = load_verbatims("data/sample/verbatims.parquet", "data/sample/responses.parquet")
    >>> {"nps", "segment", "touchpoint"} <= set(docs.columns), docs.attrs["load_report"]["dropped_identical"]
    (True, 0)
    """
    if duplicates not in DUPLICATE_RULES:
        raise ParameterError("unknown rule for repeated ids", parameter="duplicates", value=duplicates,
                             fix=f"use one of {list(DUPLICATE_RULES)}")
    path = _resolve(verbatims_path, "verbatims_path")
    raw = load_table(path, mapping=_mapping_for(mapping, "verbatims"))
    check_columns(raw, text, parameter="text", where=f"{path.name}")
    n_read = len(raw)
    dropped = 0
    if duplicates == "drop-identical":
        identical = raw.astype("string").duplicated()
        dropped = int(identical.sum())
        raw = raw.loc[~identical.to_numpy()]
    if id is None:
        raw = raw.reset_index(drop=True)
        raw.insert(0, "doc_id", (np.arange(len(raw)) + 1).astype(str))
        id = "doc_id"
    elif id != "doc_id":
        check_columns(raw, id, parameter="id", where=f"{path.name}")
        raw = raw.rename(columns={id: "doc_id", **({"doc_id": "doc_id_original"} if "doc_id" in raw else {})})
    if text != "text":
        raw = raw.rename(columns={text: "text", **({"text": "text_original"} if "text" in raw else {})})
    repeated = raw["doc_id"].astype("string").duplicated(keep=False)
    if repeated.any():
        first = raw.loc[repeated.to_numpy(), "doc_id"].iloc[0]
        fix = ("drop exact resubmissions with duplicates='drop-identical'" if duplicates == "error"
               else "the rows differ: number the rows with id=None, or choose which answer to keep")
        raise DataValidationError(f"{int(repeated.sum())} rows share {raw.loc[repeated.to_numpy(), 'doc_id'].nunique()}"
                                  " ids", file=path.name, column=id, value=first, fix=fix)
    docs = schemas.validate(raw, "verbatims", file=path.name)
    if responses_path is not None:
        responses = load_table(_resolve(responses_path, "responses_path"), kind="responses",
                               mapping=_mapping_for(mapping, "responses"))
        check_columns(docs, join_on, parameter="join_on", where=path.name)
        context = [c for c in responses.columns if c not in docs.columns or c == join_on]
        docs = docs.merge(responses[context], on=join_on, how="left", validate="many_to_one")
    if "nps" in docs:
        docs["nps"] = pd.to_numeric(docs["nps"], errors="coerce")
        bad = docs["nps"].notna() & ~docs["nps"].between(0, 10)
        if bad.any():
            raise DataValidationError("NPS score outside 0-10", file=path.name, column="nps",
                                      value=docs.loc[bad, "nps"].iloc[0],
                                      fix="map the 0-10 likelihood-to-recommend question to nps")
    docs.attrs["load_report"] = {"file": path.name, "rows_read": n_read, "dropped_identical": dropped,
                                 "verbatims": len(docs)}
    return docs


def _mapping_for(mapping, kind):
    """The part of the study's mapping for one file: its own section, or a flat mapping for the verbatims."""
    if mapping is None:
        return None
    data = _read_yaml(_resolve(mapping, "mapping")) if isinstance(mapping, (str, os.PathLike)) else mapping
    if not isinstance(data, Mapping):
        raise ParameterError("a column mapping must be {their column name: our column name}", parameter="mapping",
                             value=type(data).__name__, fix="pass e.g. {'NPS_Score': 'nps'} or a YAML file")
    if any(k in schemas.KINDS for k in data):
        return dict(data.get(kind) or {}) or None
    return dict(data) if kind == "verbatims" else None


# ------------------------------------------------------------------ what the reader sees
def describe_coverage(docs: pd.DataFrame, coded: pd.DataFrame) -> str:
    """One paragraph: how many verbatims were read and coded, by how, in which languages."""
    n_docs = coded.attrs.get("n_docs", len(docs))
    n_coded = coded.attrs.get("n_coded", coded["doc_id"].nunique())
    kinds = coded["match"].value_counts()
    languages = docs["language"].value_counts() if "language" in docs else pd.Series(dtype=int)
    report = docs.attrs.get("load_report", {})
    parts = [f"**{n_docs:,} verbatims** coded ({n_coded:,}, {format_share(n_coded / max(n_docs, 1))}, "
             f"carry at least one code; {len(coded):,} codes in all)."]
    if report.get("dropped_identical"):
        parts.append(f"{report['dropped_identical']} exact resubmissions were dropped before coding.")
    if len(kinds):
        parts.append("Matches: " + ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in kinds.items()) + ".")
    if len(languages) > 1:
        parts.append("Languages: " + ", ".join(f"{k} {v:,}" for k, v in languages.items()) + ".")
    return " ".join(parts)


def describe_drivers(lift: pd.DataFrame, code: str = "code") -> str:
    """The "why": codes over-represented among detractors and promoters, in words."""
    drivers = lift[lift["verdict"] == "drives detractors"].sort_values("lift", ascending=False)
    praise = lift[lift["verdict"] == "drives promoters"].sort_values("lift")
    if drivers.empty and praise.empty:
        return "No code is over-represented among detractors or promoters beyond chance."
    lines = []
    if len(drivers):
        lines.append("**What drives detractors:** " + "; ".join(
            f"{r[code]} (raised by {format_share(r['share_detractors'])} of detractors vs "
            f"{format_share(r['share_promoters'])} of promoters, {r['lift']:.1f}×)" for _, r in drivers.iterrows()))
    if len(praise):
        lines.append("**What promoters mention more:** " + "; ".join(
            f"{r[code]} ({format_share(r['share_promoters'])} of promoters vs "
            f"{format_share(r['share_detractors'])} of detractors)" for _, r in praise.iterrows()))
    lines.append("A code is named only when the difference survives the false-discovery-rate correction "
                 "across all codes (and segments) and is at least 1.25× either way.")
    return "\n\n".join(lines)


def record_drivers(lift: pd.DataFrame, code: str = "code") -> None:
    """Record the detractor and promoter drivers (names and lifts) in results.json."""
    drivers = lift[lift["verdict"] == "drives detractors"].sort_values("lift", ascending=False)
    reporting.record("detractor_drivers", ", ".join(drivers[code]) or "none",
                     label="Codes that drive detractors", n=int(len(drivers)),
                     note="over-represented among detractors (0-6) vs promoters (9-10), "
                          "Benjamini-Hochberg FDR 5%, lift ≥ 1.25")
    for _, row in drivers.iterrows():
        reporting.record(f"lift_{row[code]}", round(float(row["lift"]), 3), unit="ratio",
                         label=f"Detractor lift of {row[code]}", ci_low=round(float(row["lift_ci_low"]), 3),
                         ci_high=round(float(row["lift_ci_high"]), 3))


def describe_emergent(themes: pd.DataFrame) -> str:
    """The candidate new codes, per language, in words."""
    if themes.empty:
        return "No candidate theme stands out among the verbatims no code matched."
    lines = []
    for language, group in themes.groupby("language", sort=True):
        top = group.sort_values("rank").head(5)
        lines.append(f"- **{language}**: " + "; ".join(f"*{r.theme}* ({r.n_docs:,} verbatims)"
                                                      for r in top.itertuples()))
    return ("Candidate new codes, from the words most distinctive of the verbatims no code matched "
            "(largest first):\n\n" + "\n".join(lines))


def redacted(values: pd.Series) -> pd.Series:
    """Text cells passed through :func:`cxresearch.privacy.redact_pii` (for tables that hold words)."""
    return redact_pii(values.astype("string"))

