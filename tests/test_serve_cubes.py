"""Filter cubes: every combination's numbers equal a direct computation, and no withheld cell can be recovered.

Expected values come from independent computations: ``cxresearch.nps`` and
``code_frequencies`` on the subset itself (pandas filtering), hand counts for
the small tables, and a brute-force differencing attack (every line's total
minus its shown children) for the privacy guarantee.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

import cxresearch as cx
from cxresearch.coding.analysis import code_frequencies
from cxresearch.cubes import ALL, disclosed_cells, filter_cube, withhold_combinations
from cxresearch.exceptions import ParameterError

FILTERS = ["period", "region", "segment", "touchpoint"]


@pytest.fixture(scope="module")
def answers():
    responses = cx.read_dataset("responses")
    return responses.assign(period=responses["date"].dt.strftime("%Y-%m"))


@pytest.fixture(scope="module")
def cube(answers):
    return filter_cube(answers, FILTERS)


def _subset(data, combination):
    mask = np.ones(len(data), bool)
    for column, value in combination.items():
        if value != ALL:
            mask &= (data[column].astype(str) == value).to_numpy()
    return data[mask]


def test_every_shown_cell_equals_nps_computed_on_that_subset(answers, cube):
    shown = cube[~cube["withheld"]]
    rng = np.random.default_rng(3)
    for row in shown.iloc[rng.choice(len(shown), 60, replace=False)].itertuples():
        combination = {f: getattr(row, f) for f in FILTERS}
        direct = cx.nps(_subset(answers, combination), min_n_privacy=1).iloc[0]
        assert row.n == direct["n"], combination
        assert row.nps == pytest.approx(direct["nps"], abs=0.006), combination
        assert row.ci_low == pytest.approx(direct["ci_low"], abs=0.006)
        assert row.promoters == pytest.approx(direct["promoters"], abs=6e-5)


def test_small_cells_are_withheld_with_every_number_including_n(answers, cube):
    counts = answers.groupby(FILTERS).size()
    small = counts[counts < 10]
    assert len(small) > 20  # the sample has small cells to protect
    keyed = cube.set_index(FILTERS)
    for key in small.index[:50]:
        row = keyed.loc[key]
        assert row["withheld"] and row["withheld_reason"] == "fewer than 10 answers"
        assert row[["n", "nps", "promoters", "detractors", "ci_low"]].isna().all()
    assert cube.loc[cube["withheld"], "n"].isna().all()


def test_no_line_reveals_a_withheld_cell_by_subtraction(cube):
    """The attack a reader can do with the page: a total minus the shown cells of its line."""
    for dim in FILTERS:
        others = [f for f in FILTERS if f != dim]
        for key, line in cube.groupby(others):
            total = line[line[dim] == ALL]
            children = line[line[dim] != ALL]
            hidden = children[children["withheld"]]
            if total.empty or total["withheld"].iloc[0]:
                assert len(hidden) != 1 or len(children) > 1, key
                continue
            # with the total shown: no single withheld child, and the withheld ones hold >= 10 answers together
            assert len(hidden) != 1, (dim, key)
            if len(hidden) >= 2:
                assert (total["n"].iloc[0] - children["n"].sum()) >= 10, (dim, key)
    assert cube["withheld"].any() and disclosed_cells(cube).empty


def _table(cells: dict, withheld: set) -> pd.DataFrame:
    """A two-way cube (rows r, columns c) with its margins, from its inner cells."""
    inner = pd.DataFrame([(r, c, n) for (r, c), n in cells.items()], columns=["r", "c", "n"])
    margins = [inner.groupby("r", as_index=False)["n"].sum().assign(c=ALL),
               inner.groupby("c", as_index=False)["n"].sum().assign(r=ALL),
               pd.DataFrame({"r": [ALL], "c": [ALL], "n": [inner["n"].sum()]})]
    table = pd.concat([inner, *margins], ignore_index=True)
    table["withheld"] = [(r, c) in withheld for r, c in zip(table["r"], table["c"])]
    return table


def test_the_exact_audit_finds_what_the_line_rule_misses():
    cells = {(r, c): 6 for r in "abcd" for c in "wxyz"}
    # a cycle of withheld cells leaves one degree of freedom: no cell is determined
    cycle = {("a", "w"), ("a", "x"), ("b", "w"), ("b", "x")}
    assert disclosed_cells(_table(cells, cycle), ["r", "c"]).empty
    # two cycles joined by one cell: every row and column has 0 or 2+ withheld cells (the line rule holds),
    # yet columns y + z minus rows c and d give the joining cell exactly
    dumbbell = cycle | {("c", "y"), ("c", "z"), ("d", "y"), ("d", "z"), ("a", "y")}
    table = _table(cells, dumbbell)
    for dim, other in (("r", "c"), ("c", "r")):
        inner = table[(table[dim] != ALL) & (table[other] != ALL)]
        assert set(inner.groupby(other)["withheld"].sum()) <= {0, 2, 3}
    assert disclosed_cells(table, ["r", "c"]).values.tolist() == [["a", "y"]]


def test_withholding_repairs_what_the_audit_finds():
    rng = np.random.default_rng(11)
    rows = [(a, b, c) for a, b, c in itertools.product("pqr", "xyz", "uv")]
    data = pd.DataFrame([r for r in rows for _ in range(int(rng.integers(1, 30)))], columns=["a", "b", "c"])
    data["nps"] = rng.integers(0, 11, len(data))
    cube = filter_cube(data, ["a", "b", "c"])
    assert disclosed_cells(cube).empty
    assert (cube["withheld_reason"] == "fewer than 10 answers").any()


def test_withhold_combinations_examples_by_hand():
    combos = pd.DataFrame({"region": ["All", "North", "South", "East"], "n": [95, 4, 40, 51]})
    assert withhold_combinations(combos, ["region"]).tolist() == [None, "fewer than 10 answers",
                                                                  "protects a small group", None]
    # two small cells holding 10+ answers together protect each other
    combos = pd.DataFrame({"region": ["All", "North", "South", "East"], "n": [100, 6, 5, 89]})
    assert withhold_combinations(combos, ["region"]).tolist() == [None, "fewer than 10 answers",
                                                                  "fewer than 10 answers", None]
    # together fewer than 10: the smallest shown one goes too
    combos = pd.DataFrame({"region": ["All", "North", "South", "East", "West"], "n": [100, 4, 5, 60, 31]})
    assert withhold_combinations(combos, ["region"]).tolist()[4] == "protects a small group"


def test_share_cube_equals_code_frequencies_of_each_subset():
    docs = pd.DataFrame({"doc_id": [str(i) for i in range(60)], "segment": ["Gold", "Silver", "Bronze"] * 20,
                         "language": ["en"] * 40 + ["fr"] * 15 + ["pl"] * 5})
    coded = pd.DataFrame({"doc_id": [str(i) for i in range(0, 60, 2)] + [str(i) for i in range(0, 60, 3)],
                          "code": ["price"] * 30 + ["staff"] * 20})
    cube = filter_cube(docs, ["segment", "language"], measure="share", items=coded)
    assert cube.attrs["item"] == "code" and cube.attrs["values"]["language"] == ["en", "fr", "pl"]
    shown = cube[~cube["withheld"]]
    for row in shown.itertuples():
        subset = _subset(docs, {"segment": row.segment, "language": row.language})
        direct = code_frequencies(coded[coded["doc_id"].isin(subset["doc_id"])], subset,
                                  min_n_privacy=1).set_index("code")
        if row.code not in direct.index:  # no document of this subset carries it
            assert row.count == 0 and row.share == 0 and row.n == len(subset)
            continue
        assert (row.n, row.count) == (direct.loc[row.code, "n_docs"], direct.loc[row.code, "n_coded"])
        assert row.share == pytest.approx(direct.loc[row.code, "share"], abs=6e-5)
    pl = cube[(cube["language"] == "pl") & (cube["segment"] == ALL)]
    assert pl["withheld"].all() and pl["n"].isna().all()  # 5 documents


def test_bad_input_is_one_line_naming_the_parameter(answers):
    with pytest.raises(ParameterError, match="column 'shop'.*parameter 'filters'"):
        filter_cube(answers.head(50), ["shop"])
    with pytest.raises(ParameterError, match="parameter 'measure'.*use one of: nps, share"):
        filter_cube(answers.head(50), ["segment"], measure="mean")
    with pytest.raises(ParameterError, match="reserved"):
        filter_cube(answers.head(50).assign(segment="All"), ["segment"])
    with pytest.raises(ParameterError, match="parameter 'items'"):
        filter_cube(answers.head(50), ["segment"], measure="share")
    with pytest.raises(ParameterError, match="min_n_privacy"):
        filter_cube(answers.head(50), ["segment"], min_n_privacy=0)
