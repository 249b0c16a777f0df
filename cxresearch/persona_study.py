"""The persona-segmentation study's steps, so that ``notebooks/02-persona-segmentation.ipynb`` stays thin.

Reading the customers (one file, or several joined on ``customer_id``), their
attitudinal answers (from each customer's first survey answer holding them)
and the behaviour features derived from O-data (orders per month, average
order value); the coded verbatims of a qualitative-coding run when there are
some; the comparison with planted personas on the bundled sample; and the
sentences and persona cards a reader sees. The segmentation and the profiles
live in :mod:`cxresearch.personas`.
"""

from __future__ import annotations

import fnmatch
import json
import os
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from . import schemas
from ._checks import available_columns, check_columns, check_unique_ids
from .dashboard import _resolve
from .datasets import _apply_mapping, _read_yaml, load_table
from .exceptions import DataValidationError, ParameterError, SchemaError
from .personas import NO_PERSONAS, PersonaProfiles, PersonaSegmenter, _ari, _contingency, _readable
from .reporting import format_share

__all__ = ["load_customers", "load_answers", "customer_view", "expand_features", "load_coded_verbatims",
           "compare_with_truth", "describe_selection", "describe_stability", "persona_card",
           "customer_personas", "names_by_label", "TABLE_SUFFIXES"]

#: Files a folder of customer tables is read from.
TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".parquet")


# ------------------------------------------------------------------ reading
def _mapping_for(mapping, kind):
    """The part of the study's mapping for one table kind; a flat mapping is for the customers."""
    if mapping is None:
        return {}
    data = _read_yaml(_resolve(mapping, "mapping")) if isinstance(mapping, (str, os.PathLike)) else mapping
    if not isinstance(data, Mapping):
        raise ParameterError("a column mapping must be {their column name: our column name}", parameter="mapping",
                             value=type(data).__name__,
                             fix="pass e.g. {'Customer ID': 'customer_id'} or a YAML file")
    if any(k in schemas.KINDS and (isinstance(v, Mapping) or v is None) for k, v in data.items()):
        return dict(data.get(kind) or {})
    return dict(data) if kind == "customers" else {}


def _customer_files(paths) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if not isinstance(paths, (list, tuple)) or not paths:
        raise ParameterError("expected a file, a folder or a list of files", parameter="customers_path",
                             value=paths, fix="give e.g. 'data/raw/customers.csv' or a list of files")
    files = []
    for path in paths:
        resolved = _resolve(path, "customers_path")
        if resolved.is_dir():
            found = sorted(p for p in resolved.iterdir() if p.suffix.lower() in TABLE_SUFFIXES
                           and not p.name.startswith("."))
            if not found:
                raise ParameterError("the folder holds no table file", parameter="customers_path", value=str(path),
                                     fix=f"put the customer tables ({', '.join(TABLE_SUFFIXES)}) in it")
            files.extend(found)
        else:
            files.append(resolved)
    return files


def load_customers(paths, mapping=None):
    """Read the customers: one table, or several joined one-to-one on ``customer_id``.

    Parameters
    ----------
    paths : str, path-like, or list of them
        A file (CSV, Excel, Parquet), a folder (every table file in it) or a
        list of files. Several tables are joined on ``customer_id``: the first
        lists the customers, the others add columns (a column already read
        from an earlier file is kept from the earlier file). Relative paths are
        read from the project root. Files are only read.
    mapping : dict or str, optional
        Column renames ``{their name: our name}`` (or a YAML file); each key
        must be a column of at least one file. Every file's id column must end
        up as ``customer_id``. A mapping with sections (``customers:``,
        ``responses:``, ``verbatims:``) gives each table kind its own.

    Returns
    -------
    pandas.DataFrame
        One row per customer, checked against the customers contract
        (``customer_id`` unique text, ``churned`` yes/no, non-negative
        revenue...). ``attrs["load_report"]`` lists the files, rows and what
        the join left out.

    Examples
    --------
    >>> from cxresearch.persona_study import load_customers
    >>> customers = load_customers("data/sample/customers.parquet")
    >>> len(customers), customers["customer_id"].is_unique
    (20000, True)
    """
    files = _customer_files(paths)
    renames = _mapping_for(mapping, "customers")
    used = set()
    joined, report = None, {"files": [], "columns_kept_from_earlier_file": [], "not_in_first_file": 0}
    for path in files:
        table = load_table(path)
        present = {k: v for k, v in renames.items() if k in table.columns}
        used |= set(present)
        table = _apply_mapping(table, present, path.name)
        if "customer_id" not in table.columns:
            raise SchemaError("the table has no customer id column", file=path.name, column="customer_id",
                              parameter="mapping",
                              fix=f"map its id column to customer_id, e.g. mapping={{'Customer ID': 'customer_id'}}; "
                                  f"its columns: {available_columns(table, 8)}")
        table["customer_id"] = table["customer_id"].astype("string").str.strip()
        try:
            check_unique_ids(table, "customer_id", what="customer")
        except DataValidationError as err:
            raise DataValidationError(err.problem, file=path.name, column=err.column, value=err.value,
                                      row=err.row, fix=err.fix) from None
        report["files"].append({"file": path.name, "rows": int(len(table))})
        if joined is None:
            joined = table
            continue
        repeated = [c for c in table.columns if c in joined.columns and c != "customer_id"]
        report["columns_kept_from_earlier_file"].extend(c for c in repeated
                                                        if c not in report["columns_kept_from_earlier_file"])
        extra = table.drop(columns=repeated)
        report["not_in_first_file"] += int((~extra["customer_id"].isin(joined["customer_id"])).sum())
        joined = joined.merge(extra, on="customer_id", how="left", validate="one_to_one")
    unused = [k for k in renames if k not in used]
    if unused:
        raise SchemaError("the mapping names a column none of the customer files has", column=unused[0],
                          parameter="mapping", file=", ".join(p.name for p in files),
                          fix="correct the key to a file's column name, or remove it")
    customers = schemas.validate(joined, "customers", file=files[0].name)
    customers.attrs["load_report"] = {**customers.attrs.get("load_report", {}), **report}
    return customers


def load_answers(path, mapping=None):
    """Read the survey answers (the responses contract): attitudinal items and NPS per answer.

    Examples
    --------
    >>> from cxresearch.persona_study import load_answers
    >>> answers = load_answers("data/sample/responses.parquet")
    >>> {"customer_id", "nps", "att_need_low_price"} <= set(answers.columns)
    True
    """
    return load_table(_resolve(path, "responses_path"), kind="responses",
                      mapping=_mapping_for(mapping, "responses") or None)


def customer_view(customers, answers=None, *, attitudes="att_", window_months=None):
    """One row per customer: O-data, attitudes from their first answer, behaviour per month.

    Parameters
    ----------
    customers : pandas.DataFrame
        From :func:`load_customers`. Not modified.
    answers : pandas.DataFrame, optional
        Survey answers with ``customer_id``. The attitudinal items (needs,
        fears, beliefs, desires) are asked once, so each customer's items come
        from their first answer (by ``date``, then file order) holding any.
    attitudes : str or list of str, default "att_"
        The attitudinal item columns, or the prefix they share.
    window_months : int, optional
        How many months ``orders`` and ``revenue`` cover (24 for two years of
        O-data); None: the whole tenure.

    Returns
    -------
    pandas.DataFrame
        ``customers`` plus, when their sources exist: the attitudinal items;
        ``orders_per_month`` = orders / months active in the window (tenure,
        at least 1, at most ``window_months``); ``average_order_value`` =
        revenue / orders (missing for a customer without orders: there is no
        order to average). ``attrs["derived"]`` names what was added.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.persona_study import customer_view
    >>> customers = pd.DataFrame({"customer_id": ["A", "B"], "orders": [12, 0], "revenue": [600.0, 0.0],
    ...                           "tenure_months": [36, 5]})
    >>> answers = pd.DataFrame({"customer_id": ["A", "A", "B"], "att_need_speed": [5, None, 2],
    ...                         "date": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"])})
    >>> view = customer_view(customers, answers, window_months=24)
    >>> view[["orders_per_month", "average_order_value", "att_need_speed"]].values.tolist()
    [[0.5, 50.0, 5.0], [0.0, nan, 2.0]]
    """
    view = customers.copy()
    derived = []
    if answers is not None:
        check_columns(answers, "customer_id", "answers", where="the answers")
        items = ([c for c in answers.columns if str(c).startswith(attitudes)] if isinstance(attitudes, str)
                 else list(attitudes))
        if not isinstance(attitudes, str):
            check_columns(answers, items, "attitudes", where="the answers")
        clash = [c for c in items if c in view.columns]
        if clash:
            raise ParameterError("an attitudinal item is also a column of the customers table", column=clash[0],
                                 parameter="attitudes", fix="rename one of the two with the mapping")
        if items:
            holding = answers[answers[items].notna().any(axis=1)]
            if "date" in holding.columns:
                holding = holding.sort_values("date", kind="stable")
            first = holding.drop_duplicates("customer_id")[["customer_id", *items]]
            first = first.assign(customer_id=first["customer_id"].astype("string"))
            view = view.merge(first, on="customer_id", how="left", validate="one_to_one")
            derived.extend(items)
    months = None
    if "tenure_months" in view.columns:
        months = pd.to_numeric(view["tenure_months"], errors="coerce").clip(lower=1)
        if window_months is not None:
            if isinstance(window_months, bool) or not isinstance(window_months, (int, np.integer)) \
                    or window_months < 1:
                raise ParameterError("must be a whole number of months, 1 or more", parameter="window_months",
                                     value=window_months, fix="use e.g. window_months=24, or None")
            months = months.clip(upper=window_months)
    if "orders" in view.columns:
        orders = pd.to_numeric(view["orders"], errors="coerce").astype(float)
        if months is not None and "orders_per_month" not in view.columns:
            view["orders_per_month"] = orders / months
            derived.append("orders_per_month")
        if "revenue" in view.columns and "average_order_value" not in view.columns:
            revenue = pd.to_numeric(view["revenue"], errors="coerce").astype(float)
            view["average_order_value"] = (revenue / orders).where(orders > 0)
            derived.append("average_order_value")
    view.attrs["derived"] = derived
    return view


def expand_features(data, patterns):
    """Feature names from names and shell patterns (``"att_*"``), in the order given, each once.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.persona_study import expand_features
    >>> data = pd.DataFrame(columns=["att_b", "att_a", "tenure_months", "channel"])
    >>> expand_features(data, ["att_*", "channel"])
    ['att_b', 'att_a', 'channel']
    """
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, (list, tuple)) or not patterns:
        raise ParameterError("features must be a list of column names or patterns", parameter="features",
                             value=patterns, fix="use e.g. ['att_*', 'tenure_months', 'channel']")
    names = []
    for pattern in patterns:
        if any(ch in str(pattern) for ch in "*?["):
            matched = [c for c in data.columns if fnmatch.fnmatchcase(str(c), str(pattern))]
            if not matched:
                raise ParameterError("no column matches the pattern", parameter="features", value=pattern,
                                     fix=f"use one of: {available_columns(data)}")
        else:
            check_columns(data, pattern, "features", where="the customer data")
            matched = [pattern]
        names.extend(m for m in matched if m not in names)
    return names


def load_coded_verbatims(coded_path, verbatims_path, mapping=None):
    """The coded verbatims of a qualitative-coding run, with each verbatim's customer and text.

    Parameters
    ----------
    coded_path : str or path-like or None
        ``tables/coded.csv`` of a qualitative-coding run (doc_id, code, span,
        ...), e.g. ``reports/01-qualitative-coding/latest/tables/coded.csv``.
    verbatims_path : str or path-like or None
        The verbatims that run coded: ``doc_id``, ``customer_id``, ``text``.
    mapping : dict or str, optional
        The study's mapping; its ``verbatims:`` section renames the verbatims' columns.

    Returns
    -------
    (coded, verbatims, note)
        The two tables (None, None when they cannot be used) and a sentence
        saying what was read or why the quotes are skipped. Optional inputs:
        a missing coding run or a coding run of other verbatims is stated,
        never an error.

    Examples
    --------
    >>> from cxresearch.persona_study import load_coded_verbatims
    >>> coded, verbatims, note = load_coded_verbatims("reports/no-such-run/coded.csv", None)
    >>> coded is None, note.startswith("No coded verbatims")
    (True, True)
    """
    if coded_path is None or verbatims_path is None:
        return None, None, ("No coded verbatims were given (coded_path, verbatims_path): top codes and quotes "
                            "are skipped.")
    path = _resolve(coded_path, "coded_path")
    if not path.is_file():
        return None, None, (f"No coded verbatims at {coded_path}: run the qualitative-coding study first "
                            "(cxresearch run qualitative-coding) to see each persona's top codes and quotes.")
    coded = load_table(path)
    check_columns(coded, ["doc_id", "code"], "coded_path", where=path.name)
    verbatims = load_table(_resolve(verbatims_path, "verbatims_path"),
                           mapping=_mapping_for(mapping, "verbatims") or None)
    check_columns(verbatims, ["doc_id", "customer_id", "text"], "verbatims_path", where="the verbatims")
    coded = coded.assign(doc_id=coded["doc_id"].astype("string"))
    verbatims = verbatims.assign(doc_id=verbatims["doc_id"].astype("string"),
                                 customer_id=verbatims["customer_id"].astype("string"))
    found = coded["doc_id"].isin(verbatims["doc_id"]).mean() if len(coded) else 0.0
    if found < 0.5:
        return None, None, (f"The coded verbatims at {coded_path} do not belong to {verbatims_path} "
                            f"(only {found:.0%} of their ids are there): top codes and quotes are skipped. Run "
                            "the qualitative-coding study on these verbatims first.")
    coded = coded[coded["doc_id"].isin(verbatims["doc_id"])]
    linked = verbatims["customer_id"].notna().sum()
    return coded, verbatims, (f"{coded['doc_id'].nunique():,} coded verbatims ({len(coded):,} codes) from "
                              f"{coded_path}; {linked:,} of the {len(verbatims):,} verbatims name their customer.")


def compare_with_truth(data, labels, truth_path, truth_json=None):
    """How well the personas found recover planted ones (the bundled sample's truth).

    Parameters
    ----------
    data : pandas.DataFrame
        The customers the labels belong to (``customer_id``).
    labels : array-like of int
        Persona per row; -1 rows are left out.
    truth_path : str or path-like
        ``customer_id``, ``persona`` (e.g. ``data/sample/truth/personas.parquet``).
    truth_json : str or path-like, optional
        The generator's ``truth.json`` holding ``personas.best_achievable_ari``;
        default: ``truth.json`` next to ``truth_path``.

    Returns
    -------
    dict
        ``ari`` (adjusted Rand index, personas found vs planted),
        ``best_achievable_ari`` (the generator's supervised upper bound),
        ``target`` (0.9 x the bound), ``n_customers`` compared, ``n_planted``.

    Examples
    --------
    >>> import numpy as np, pandas as pd, tempfile, pathlib, json
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> pd.DataFrame({"customer_id": ["a", "b", "c", "d"], "persona": ["X", "X", "Y", "Y"]}).to_csv(
    ...     folder / "personas.csv", index=False)
    >>> _ = (folder / "truth.json").write_text(json.dumps({"personas": {"best_achievable_ari": 0.7}}))
    >>> data = pd.DataFrame({"customer_id": ["a", "b", "c", "d"]})
    >>> compare_with_truth(data, np.array([1, 1, 0, 0]), folder / "personas.csv")["ari"]
    1.0
    """
    truth = load_table(_resolve(truth_path, "truth_path"))
    check_columns(truth, ["customer_id", "persona"], "truth_path", where="the planted personas")
    labels = np.asarray(labels)
    found = pd.DataFrame({"customer_id": data["customer_id"].astype("string").to_numpy(), "found": labels})
    found = found[found["found"] >= 0]
    both = found.merge(truth.assign(customer_id=truth["customer_id"].astype("string")), on="customer_id")
    planted, planted_levels = pd.factorize(both["persona"])
    found_codes, found_levels = pd.factorize(both["found"])
    ari = _ari(_contingency(found_codes, planted, len(found_levels), len(planted_levels)))
    json_path = (_resolve(truth_json, "truth_json") if truth_json is not None
                 else _resolve(truth_path, "truth_path").parent / "truth.json")
    best = np.nan
    if json_path.is_file():
        best = float(json.loads(json_path.read_text(encoding="utf-8")).get("personas", {}).get(
            "best_achievable_ari", np.nan))
    return {"ari": round(float(ari), 4), "best_achievable_ari": best,
            "target": round(0.9 * best, 4) if np.isfinite(best) else np.nan,
            "n_customers": int(len(both)), "n_planted": int(len(planted_levels))}


# ------------------------------------------------------------------ what the reader sees
def describe_selection(segmenter: PersonaSegmenter) -> str:
    """How the number of personas was chosen, in words (markdown).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from cxresearch.personas import PersonaSegmenter
    >>> from cxresearch.persona_study import describe_selection, describe_stability
    >>> rng = np.random.default_rng(0)
    >>> data = pd.DataFrame({"spend": np.r_[rng.normal(0, 1, 150), rng.normal(6, 1, 150)],
    ...                      "visits": np.r_[rng.normal(0, 1, 150), rng.normal(5, 1, 150)]})
    >>> seg = PersonaSegmenter(n_bootstrap=5, max_personas=4, random_state=0).fit(data)
    >>> describe_selection(seg).split("**")[-2]
    'Chosen: 2 personas.'
    >>> describe_stability(seg).split("In plain words: ")[1].split(":")[0]
    'the same personas come back on almost every resample'
    """
    selection = segmenter.selection_
    tried = selection[selection["k"] > 1]
    criterion = "lowest BIC" if selection.attrs.get("criterion") == "bic" else "highest silhouette"
    lines = [f"Candidates: {int(tried['k'].min())} to {int(tried['k'].max())} personas, each fitted on "
             f"{selection.attrs.get('n_respondents', 0):,} respondents and refitted on "
             f"{selection.attrs.get('n_bootstrap', 0)} bootstrap resamples. A number of personas qualifies "
             f"when the personas come back on resampling (median adjusted Rand index and every persona's "
             f"Jaccard index ≥ {segmenter.min_stability:g}) and the smallest holds at least "
             f"{segmenter.min_share:.0%} of respondents; of those, the {criterion} wins, if it beats one "
             "single group."]
    qualifying = tried[tried["qualifies"]]
    lines.append(f"Qualifying: {', '.join(str(int(k)) for k in qualifying['k']) or 'none'}.")
    if segmenter.found_personas_:
        lines.append(f"**Chosen: {segmenter.n_personas_} personas.**")
    else:
        lines.append(f"**{NO_PERSONAS.capitalize()}.**")
    return " ".join(lines)


def describe_stability(segmenter: PersonaSegmenter) -> str:
    """The stability verdict and what it means for using the personas (markdown; example in
    :func:`describe_selection`)."""
    if not segmenter.found_personas_:
        return f"**{segmenter.verdict_}**"
    meaning = {
        "highly stable": "the same personas come back on almost every resample: safe to build on.",
        "stable": "the personas come back on most resamples: usable, check them against new data.",
        "doubtful": "the personas shift between resamples: treat them as hypotheses, not segments.",
        "unstable": "the personas do not come back on resampling: do not build on them.",
    }[segmenter.stability_verdict_]
    weakest = segmenter.stability_by_persona_
    return (f"**{segmenter.verdict_}** In plain words: {meaning} The least stable persona is number "
            f"{int(weakest.idxmin()) + 1} (mean Jaccard {weakest.min():.2f}).")


def _money(value) -> str:
    return "–" if pd.isna(value) else f"{value:,.0f}"


def _number(value) -> str:
    """A mean as a reader wants it: 4.15, 38.6, 1,370."""
    if pd.isna(value):
        return "–"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"


def persona_card(profiles: PersonaProfiles, persona: int, *, n_traits=5, currency="EUR") -> str:
    """One persona as a stakeholder reads it: who they are, what sets them apart, what they are worth.

    Parameters
    ----------
    profiles : PersonaProfiles
        From :func:`cxresearch.personas.profile_personas`.
    persona : int
        The persona's number (as in ``labels_``; the card shows it plus 1).
    n_traits : int, default 5
        Traits listed (significant after FDR correction, one per feature).
    currency : str, default "EUR"
        Currency of revenue and CLV.

    Returns
    -------
    str
        Markdown.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from cxresearch.personas import profile_personas
    >>> from cxresearch.persona_study import persona_card
    >>> rng = np.random.default_rng(0)
    >>> data = pd.DataFrame({"customer_id": [f"C{i}" for i in range(200)],
    ...                      "att_need_speed": np.r_[rng.normal(4.3, .5, 100), rng.normal(2.2, .5, 100)],
    ...                      "revenue": np.r_[rng.normal(900, 50, 100), rng.normal(300, 50, 100)]})
    >>> profiles = profile_personas(data, np.repeat([0, 1], 100), features=["att_need_speed"],
    ...                             revenue="revenue", names={0: "Hurried buyers"})
    >>> print(persona_card(profiles, 0).split("What sets them apart")[0].strip())
    ### 1. Hurried buyers
    <BLANKLINE>
    **50.0% of customers** (100; 95% CI 43.1%–56.9%).
    """
    overview = profiles.overview.set_index("persona")
    if persona not in overview.index:
        raise ParameterError("no such persona", parameter="persona", value=persona,
                             fix=f"use one of {overview.index.tolist()}")
    row = overview.loc[persona]
    overall = profiles.overall
    lines = [f"### {persona + 1}. {row['name']}"]
    if row["withheld"]:
        lines.append(f"{int(row['n'])} customers: too few to describe (withheld).")
        return "\n\n".join(lines)
    lines.append(f"**{format_share(row['share'])} of customers** ({int(row['n']):,}; 95% CI {format_share(row['share_ci_low'])}"
                 f"–{format_share(row['share_ci_high'])}).")
    traits = profiles.top_traits(persona, n_traits)
    if len(traits):
        items = []
        for _, trait in traits.iterrows():
            feature = _readable(trait["feature"])
            if trait["kind"] == "categorical":
                items.append(f"- {feature}: **{trait['level']}** for {format_share(trait['value'])} of them vs "
                             f"{format_share(trait['value_rest'])} of the others (h = {trait['effect']:+.2f})")
            else:
                direction = "higher" if trait["effect"] > 0 else "lower"
                items.append(f"- **{direction} {feature}**: {_number(trait['value'])} vs "
                             f"{_number(trait['value_rest'])} for the others (d = {trait['effect']:+.2f})")
        lines.append("What sets them apart:\n\n" + "\n".join(items))
    facts = []
    if pd.notna(row.get("nps")):
        facts.append(f"NPS **{row['nps']:.0f}** (95% CI {row['nps_ci_low']:.0f} to {row['nps_ci_high']:.0f}; "
                     f"all customers {overall['nps']:.0f})")
    if pd.notna(row.get("revenue")):
        facts.append(f"revenue {_money(row['revenue'])} {currency} per customer ({format_share(row['revenue_share'])} of "
                     "all revenue)")
    if pd.notna(row.get("clv")):
        facts.append(f"CLV {_money(row['clv'])} {currency}")
    if pd.notna(row.get("churn_rate")):
        facts.append(f"churn {format_share(row['churn_rate'])} (all {format_share(overall['churn_rate'])})")
    if facts:
        lines.append("; ".join(facts) + ".")
    codes = profiles.codes[profiles.codes["persona"] == persona] if len(profiles.codes) else profiles.codes
    if len(codes):
        lines.append("They talk more than others about: " + ", ".join(
            f"{_readable(r.code)} ({format_share(r.share)} of their verbatims, {r.lift:.1f}× the others)"
            for r in codes.itertuples()) + ".")
    quotes = profiles.quotes[profiles.quotes["persona"] == persona] if len(profiles.quotes) else profiles.quotes
    if len(quotes):
        lines.append("\n".join(f"> {q}" for q in quotes["quote"]))
    return "\n\n".join(lines)


def names_by_label(names):
    """Persona names given by card number (1, 2, ...) as the segmenter numbers them (0, 1, ...).

    Examples
    --------
    >>> from cxresearch.persona_study import names_by_label
    >>> names_by_label({1: "Bargain Hunter", "2": "Convenience Seeker"})
    {0: 'Bargain Hunter', 1: 'Convenience Seeker'}
    """
    if names is None:
        return None
    if not isinstance(names, Mapping):
        raise ParameterError("persona names must be {card number: name}", parameter="persona_names",
                             value=type(names).__name__, fix="use e.g. {1: 'Bargain Hunter', 2: 'Convenience Seeker'}")
    out = {}
    for number, name in names.items():
        try:
            label = int(number) - 1
        except (TypeError, ValueError):
            label = -1
        if label < 0:
            raise ParameterError("persona cards are numbered 1, 2, ...", parameter="persona_names", value=number,
                                 fix="key each name by the number on its card, e.g. {1: 'Bargain Hunter'}")
        out[label] = str(name)
    return out


def customer_personas(data, segmenter: PersonaSegmenter, profiles: PersonaProfiles | None = None):
    """The export: each customer's persona (numbered as on the cards, 1, 2, ...), its name and probability.

    Customers not segmented (a missing answer) have no persona number and the
    name "not segmented".

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from cxresearch.personas import PersonaSegmenter
    >>> from cxresearch.persona_study import customer_personas
    >>> rng = np.random.default_rng(0)
    >>> data = pd.DataFrame({"customer_id": [f"C{i}" for i in range(200)],
    ...                      "spend": np.r_[rng.normal(0, 1, 100), rng.normal(5, 1, 100)]})
    >>> seg = PersonaSegmenter(n_personas=2, features=["spend"], n_bootstrap=3, random_state=0).fit(data)
    >>> customer_personas(data, seg).columns.tolist()
    ['customer_id', 'persona', 'persona_name', 'probability']
    """
    names = profiles.names if profiles is not None else {}
    labels = segmenter.labels_
    out = pd.DataFrame({"customer_id": data["customer_id"].to_numpy(),
                        "persona": pd.array(np.where(labels >= 0, labels + 1, -1), dtype="Int64")})
    out.loc[labels < 0, "persona"] = pd.NA
    out["persona_name"] = [names.get(int(p), f"Persona {int(p) + 1}") if p >= 0 else "not segmented"
                           for p in labels]
    if segmenter.method != "kmeans" and segmenter.found_personas_:
        probability = segmenter.transform(data)
        with np.errstate(invalid="ignore"):
            out["probability"] = np.where(labels >= 0, np.nanmax(np.nan_to_num(probability, nan=-1), axis=1),
                                          np.nan).round(4)
    else:
        out["probability"] = np.where(labels >= 0, 1.0, np.nan)
    return out
