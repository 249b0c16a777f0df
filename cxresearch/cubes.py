"""Filter cubes: a measure for every combination of a report's filters, computed and withheld at run time.

A published report lets a stakeholder filter by period, region, segment or
touchpoint, but it never reads raw data: the study computes, when it runs,
the measure for every combination of each filter's values or "All" (a
*cube*), withholds the cells that are too small or that would let a small
cell be worked out by subtraction, and records the cube in the run folder
(:func:`cxresearch.reporting.record_cube`). The Voilà report only looks rows
up, so what a stakeholder sees is what the run computed.

Two measures:

* ``"nps"``: answers with a 0-10 score; each cell holds ``n``, the shares of
  promoters, passives and detractors, the NPS and its interval
  (:func:`cxresearch.metrics.nps`).
* ``"share"``: units (verbatims, customers) and the items each carries (codes,
  a persona); each cell holds, per item, how many units carry it, their share
  and its Wilson interval (:func:`cxresearch.coding.analysis.code_frequencies`).

Withholding (:func:`withhold_combinations`), in the cube's own terms:

1. *Primary*: a combination with 1 to ``min_n_privacy - 1`` answers (units).
2. *Secondary, line by line*: a cell with "All" in one filter is the sum of
   the cells with that filter's values (the others fixed): a *line*. In every
   line the withheld cells must be none, or at least two; and withheld values
   of a line whose total is shown must hold ``min_n_privacy`` answers
   together, or their combined result would be readable as total minus the
   rest. While a line breaks this, its smallest shown cell is withheld too.
3. *Audit* (:func:`disclosed_cells`): the lines together form a linear
   system; a withheld cell whose counts it determines exactly (every solution
   agrees on it) is disclosed, however many subtractions it takes. Such a
   cell's smallest shown neighbour is withheld and the audit repeats, so the
   recorded cube has no exactly determined withheld cell. (A block of more
   than 4,000 withheld cells linked by shared lines is not audited: the check
   is cubic in its size; the line rule still holds there. The sample's cubes
   have blocks of a few hundred.)

What is guaranteed: no withheld cell of a cube (its ``n``, promoters,
passives, detractors or item counts) equals any combination of the cells the
cube shows, and no group of withheld cells of one line is smaller than
``min_n_privacy`` answers. What is not: bounds. Counts cannot be negative,
so differencing can narrow a withheld count to an interval (for a cell of 3
answers, to 0-3); and tables of the same run cut differently (a league table
by quarter) are not part of a cube's audit.

What it is not for: showing or recording anything (``cxresearch.reporting``,
``cxresearch.publishing``), or weighted measures.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

from . import config
from ._checks import check_columns, check_frame
from .exceptions import ParameterError

__all__ = ["filter_cube", "withhold_combinations", "disclosed_cells", "ALL", "MEASURES"]

#: The value of a filter that is not applied.
ALL = "All"
#: What a cube can hold.
MEASURES = ("nps", "share")
_NPS_COLUMNS = ["n", "promoters", "passives", "detractors", "nps", "ci_low", "ci_high", "reliable"]
_SHARE_COLUMNS = ["n", "count", "share", "ci_low", "ci_high", "reliable"]
#: Beyond this many withheld cells in one connected block the exact audit is not run (it is cubic).
_AUDIT_LIMIT = 4000


def _check_filters(data, filters) -> list[str]:
    if isinstance(filters, str):
        filters = [filters]
    if not isinstance(filters, (list, tuple)) or not all(isinstance(f, str) for f in filters):
        raise ParameterError("expected a list of filter column names", parameter="filters", value=filters,
                             fix="use e.g. ['period', 'region', 'segment']")
    if len(set(filters)) != len(filters):
        raise ParameterError("a filter is named twice", parameter="filters", value=filters,
                             fix="name each filter column once")
    check_columns(data, filters, "filters")
    return list(filters)


def _min_n(min_n_privacy) -> int:
    if min_n_privacy is None:
        return config.MIN_N_PRIVACY
    if isinstance(min_n_privacy, bool) or not isinstance(min_n_privacy, (int, np.integer)) or min_n_privacy < 1:
        raise ParameterError("expected a whole number of at least 1", parameter="min_n_privacy",
                             value=min_n_privacy, fix="use e.g. 10, or None for the project default")
    return int(min_n_privacy)


def _as_text(data: pd.DataFrame, filters: list[str]) -> pd.DataFrame:
    """Filter values as text (what a URL and a drop-down carry); "All" is reserved."""
    data = data.copy()
    for column in filters:
        values = data[column]
        if pd.api.types.is_float_dtype(values) and values.dropna().mod(1).eq(0).all():
            values = values.astype("Int64")  # 3.0 -> "3"
        if isinstance(values.dtype, pd.PeriodDtype) or pd.api.types.is_datetime64_any_dtype(values):
            values = values.astype(str).where(values.notna())
        data[column] = values.astype("string")
        if (data[column] == ALL).any():
            raise ParameterError(f"the value {ALL!r} is reserved for 'no filter'", column=column,
                                 parameter="filters", value=ALL, fix=f"rename that value in column {column!r}")
    return data


def _grouping_sets(filters):
    for size in range(len(filters) + 1):
        yield from (list(subset) for subset in itertools.combinations(filters, size))


def _nps_cells(data, filters, score):
    from .metrics import nps

    check_columns(data, [score], "score")
    parts = []
    for by in _grouping_sets(filters):
        table = nps(data, score=score, by=by or None, min_n_privacy=1)
        parts.append(table.assign(**{f: ALL for f in filters if f not in by}))
    cells = pd.concat(parts, ignore_index=True)
    return cells[filters + _NPS_COLUMNS], None


def _share_cells(units, filters, items, id, item):
    from .coding.analysis import code_frequencies

    check_frame(items, "items")
    check_columns(units, [id], "id", where="the units (data)")
    check_columns(items, [id, item], "item", where="the items table")
    parts = []
    for by in _grouping_sets(filters):
        table = code_frequencies(items[[id, item]], units[[id] + filters], by=by or None, id=id, code=item,
                                 min_n_privacy=1)
        parts.append(table.assign(**{f: ALL for f in filters if f not in by}))
    cells = pd.concat(parts, ignore_index=True).rename(columns={"n_docs": "n", "n_coded": "count"})
    cells[item] = cells[item].astype(str)
    return cells[filters + [item] + _SHARE_COLUMNS], item


def filter_cube(data, filters, *, measure="nps", score="nps", items=None, id="doc_id", item="code",
                min_n_privacy=None):
    """A measure for every combination of the filters' values or "All", with small cells withheld.

    Parameters
    ----------
    data : pandas.DataFrame
        ``measure="nps"``: answers, one row each, with the score and the filter
        columns. ``measure="share"``: units (verbatims, customers), one row
        each, with ``id`` and the filter columns.
    filters : list of str
        The columns a reader filters by (``["period", "region", "segment"]``).
        Values become text; a missing value belongs to no filter value but
        counts in "All". An empty list gives the one overall cell.
    measure : {"nps", "share"}
        What each cell holds (module docstring).
    score : str, default "nps"
        The 0-10 column (``measure="nps"``).
    items : pandas.DataFrame, optional
        ``measure="share"``: one row per unit x item (``id`` and ``item``
        columns; a unit may carry several items, repeats count once).
    id, item : str, default "doc_id", "code"
        The unit id column (both tables) and the item column of ``items``.
    min_n_privacy : int, optional
        Combinations with fewer answers (units) are withheld (default
        ``config.MIN_N_PRIVACY``), and so are those that would reveal them.

    Returns
    -------
    pandas.DataFrame
        One row per combination (per item for ``"share"``) that has answers:
        the filter columns (a value or ``"All"``), ``item`` for shares, then

        * ``"nps"``: ``n``, ``promoters``, ``passives``, ``detractors``
          (shares 0-1), ``nps`` and ``ci_low``, ``ci_high`` (points),
          ``reliable``
        * ``"share"``: ``n`` (units), ``count`` (units carrying the item),
          ``share`` (0-1), ``ci_low``, ``ci_high``, ``reliable``
        * ``withheld`` (bool) and ``withheld_reason``; every measure column,
          ``n`` included, is empty in a withheld row.

        ``attrs`` holds ``filters``, ``measure``, ``item``, ``values`` (each
        filter's values, sorted) and ``min_n_privacy``.

    Raises
    ------
    ParameterError
        Unknown column or measure, a filter value "All", bad ``min_n_privacy``.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"segment": ["Gold"] * 12 + ["Silver"] * 12 + ["Bronze"] * 4,
    ...                         "nps": [10] * 6 + [3] * 6 + [9] * 12 + [0] * 4})
    >>> cube = filter_cube(answers, ["segment"])
    >>> cube[["segment", "n", "nps", "withheld_reason"]]
      segment     n     nps         withheld_reason
    0     All  28.0   28.57                     NaN
    1  Bronze   NaN     NaN   fewer than 10 answers
    2    Gold   NaN     NaN  protects a small group
    3  Silver  12.0  100.00                     NaN
    """
    check_frame(data, "data")
    filters = _check_filters(data, filters)
    if measure not in MEASURES:
        raise ParameterError("unknown measure", parameter="measure", value=measure,
                             fix=f"use one of: {', '.join(MEASURES)}")
    min_n = _min_n(min_n_privacy)
    data = _as_text(data, filters)
    if measure == "nps":
        cells, item_column = _nps_cells(data, filters, score)
    else:
        if items is None:
            raise ParameterError("a share cube needs the items each unit carries", parameter="items", value=None,
                                 fix=f"pass a table of ({id}, {item}) rows, e.g. the coded verbatims")
        cells, item_column = _share_cells(data, filters, items, id, item)
    combos = cells.drop_duplicates(filters)[filters + ["n"]].reset_index(drop=True)
    reason = withhold_combinations(combos, filters, min_n_privacy=min_n)
    combos["withheld_reason"] = reason.to_numpy()
    cells = cells.merge(combos[filters + ["withheld_reason"]], on=filters, how="left")
    cells["withheld"] = cells["withheld_reason"].notna()
    measures = [c for c in (_NPS_COLUMNS if measure == "nps" else _SHARE_COLUMNS) if c != "reliable"]
    cells[measures] = cells[measures].astype("float64")
    cells.loc[cells["withheld"], measures] = np.nan
    cells["reliable"] = cells["reliable"].astype("boolean").mask(cells["withheld"])
    points = ("nps", "ci_low", "ci_high") if measure == "nps" else ()  # NPS points: 2 decimals; shares: 4
    for column in ("promoters", "passives", "detractors", "share", "nps", "ci_low", "ci_high"):
        if column in cells:
            cells[column] = cells[column].round(2 if column in points else 4)
    # "All" first, then the values in order
    cells = cells.sort_values(filters + ([item_column] if item_column else []),
                              key=lambda column: column.map(lambda v: (v != ALL, str(v))), ignore_index=True)
    cells.attrs = {"filters": filters, "measure": measure, "item": item_column, "min_n_privacy": min_n,
                   "values": {f: sorted(v for v in cells[f].unique() if v != ALL) for f in filters}}
    return cells


# --- withholding ----------------------------------------------------------------------------------

def _lines(combos: pd.DataFrame, filters: list[str]) -> list[tuple[int, np.ndarray]]:
    """Each line of the cube: (row of its total, rows of its children), over present combinations."""
    lines = []
    for dim in filters:
        others = [f for f in filters if f != dim]
        groups = combos.groupby(others, sort=False).indices if others else {(): np.arange(len(combos))}
        is_all = combos[dim].to_numpy() == ALL
        for rows in groups.values():
            totals = rows[is_all[rows]]
            children = rows[~is_all[rows]]
            if len(totals) == 1 and len(children):
                lines.append((int(totals[0]), children))
    return lines


def _smallest(rows, counts, withheld, present):
    candidates = rows[~withheld[rows] & present[rows]]
    return None if len(candidates) == 0 else int(candidates[np.argmin(counts[candidates])])


def _line_pass(lines, counts, withheld, present, reason, min_n) -> bool:
    """Apply the line rule everywhere until it holds; True if anything more was withheld."""
    changed_any = False
    changed = True
    while changed:
        changed = False
        for total, children in lines:
            hidden = children[withheld[children] & present[children]]
            total_hidden = bool(withheld[total])
            pick = None
            if len(hidden) + total_hidden == 1:
                pick = _smallest(children, counts, withheld, present)
                if pick is None and not total_hidden:
                    pick = total
            elif not total_hidden and len(hidden) >= 2 and counts[hidden].sum() < min_n:
                pick = _smallest(children, counts, withheld, present)
                pick = total if pick is None else pick
            if pick is not None:
                withheld[pick] = True
                reason[pick] = "protects a small group"
                changed = changed_any = True
    return changed_any


def _determined(lines, n_cells, unknown: np.ndarray) -> list[int]:
    """Withheld cells whose value the line equations fix exactly (see :func:`disclosed_cells`)."""
    from scipy.linalg import null_space
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    rows, cols, vals = [], [], []
    for line, (total, children) in enumerate(lines):
        members = np.concatenate([[total], children])
        signs = np.concatenate([[1.0], -np.ones(len(children))])
        keep = unknown[members]
        rows += [line] * int(keep.sum())
        cols += members[keep].tolist()
        vals += signs[keep].tolist()
    hidden = np.flatnonzero(unknown)
    if len(hidden) == 0:
        return []
    position = np.full(n_cells, -1)
    position[hidden] = np.arange(len(hidden))
    matrix = coo_matrix((vals, (rows, position[cols])), shape=(len(lines), len(hidden))).tocsr()
    used = np.flatnonzero(matrix.getnnz(axis=1))
    matrix = matrix[used]
    # cells and lines linked through shared lines form independent blocks
    n_lines = matrix.shape[0]
    graph = coo_matrix((np.ones(matrix.nnz), (matrix.nonzero()[0], matrix.nonzero()[1] + n_lines)),
                       shape=(n_lines + len(hidden),) * 2)
    _, labels = connected_components(graph, directed=False)
    found = []
    for block in np.unique(labels[n_lines:]):
        block_cols = np.flatnonzero(labels[n_lines:] == block)
        block_rows = np.flatnonzero(labels[:n_lines] == block)
        if len(block_rows) == 0:
            continue  # in no line: nothing constrains it
        if len(block_cols) > _AUDIT_LIMIT:
            continue
        dense = matrix[block_rows][:, block_cols].toarray()
        free = null_space(dense)
        size = np.linalg.norm(free, axis=1) if free.size else np.zeros(len(block_cols))
        found += hidden[block_cols[size < 1e-9]].tolist()
    return found


def withhold_combinations(combos, filters, *, n="n", min_n_privacy=None):
    """Which combinations of a cube to withhold: small ones, and those that would reveal them.

    Parameters
    ----------
    combos : pandas.DataFrame
        One row per combination: the filter columns (a value or ``"All"``)
        and its number of answers.
    filters : list of str
        The filter columns.
    n : str, default "n"
        Column with each combination's number of answers (units).
    min_n_privacy : int, optional
        Default ``config.MIN_N_PRIVACY``.

    Returns
    -------
    pandas.Series
        Indexed like ``combos``, named ``withheld_reason``: None (shown),
        ``"fewer than <min> answers"`` or ``"protects a small group"``.

    Notes
    -----
    Primary suppression, then secondary suppression line by line, then the
    exact audit of :func:`disclosed_cells`, repeated until both hold (module
    docstring; cf. the hypercube method of Repsilber, in Hundepool et al.,
    *Statistical Disclosure Control*, 2012, ch. 4).

    Examples
    --------
    >>> import pandas as pd
    >>> combos = pd.DataFrame({"region": ["All", "North", "South", "East"], "n": [95, 4, 40, 51]})
    >>> withhold_combinations(combos, ["region"]).tolist()
    [None, 'fewer than 10 answers', 'protects a small group', None]
    """
    check_frame(combos, "combos")
    filters = _check_filters(combos, filters)
    check_columns(combos, [n], "n")
    min_n = _min_n(min_n_privacy)
    index = combos.index
    combos = combos.reset_index(drop=True)
    counts = pd.to_numeric(combos[n], errors="coerce").fillna(0).to_numpy(dtype=np.int64)
    present = counts > 0
    withheld = present & (counts < min_n)
    reason = np.where(withheld, f"fewer than {min_n} answers", None).astype(object)
    lines = _lines(combos.astype({f: str for f in filters}), filters)
    while True:
        _line_pass(lines, counts, withheld, present, reason, min_n)
        disclosed = _determined(lines, len(combos), withheld & present)
        if not disclosed:
            break
        for cell in disclosed:
            # its neighbours: every cell of every line it is in
            members = np.unique(np.concatenate([np.concatenate([[t], c]) for t, c in lines
                                                if t == cell or cell in c]))
            pick = _smallest(members, counts, withheld, present)
            if pick is not None:
                withheld[pick] = True
                reason[pick] = "protects a small group"
    return pd.Series(reason, index=index, name="withheld_reason", dtype=object)


def disclosed_cells(cube, filters=None) -> pd.DataFrame:
    """The withheld combinations of a cube that its shown cells determine exactly (none, when safe).

    Parameters
    ----------
    cube : pandas.DataFrame
        A cube from :func:`filter_cube` or read back from a run folder: the
        filter columns, ``n`` and ``withheld``.
    filters : list of str, optional
        Default ``cube.attrs["filters"]``.

    Returns
    -------
    pandas.DataFrame
        The filter values of each disclosed combination.

    Notes
    -----
    Each line says total - sum(children) = 0, for ``n`` and every count. With
    the shown cells known, the withheld ones solve A x = b; a withheld cell
    is disclosed when every solution gives it the same value, i.e. when the
    null space of A (columns: the withheld cells) is zero in its row. Blocks
    of cells that share no line are solved separately.

    Examples
    --------
    >>> import pandas as pd
    >>> shown_total = pd.DataFrame({"region": ["All", "North", "South"], "n": [50, None, 44.0],
    ...                             "withheld": [False, True, False]})
    >>> disclosed_cells(shown_total, ["region"])
      region
    0  North
    """
    filters = list(filters or cube.attrs.get("filters") or [])
    check_columns(cube, filters + ["withheld"], "cube")
    combos = cube.drop_duplicates(filters).reset_index(drop=True)
    hidden = combos["withheld"].astype(bool).to_numpy()
    lines = _lines(combos.astype({f: str for f in filters}), filters)
    found = _determined(lines, len(combos), hidden)
    return combos.loc[sorted(found), filters].reset_index(drop=True)
