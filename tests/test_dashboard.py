"""The scorecard study's functions (cxresearch.dashboard), checked by hand on tiny tables.

Expected values are hand computations written out in the comments; FDR
corrections are checked against statsmodels' ``multipletests`` and Welch's
test against ``scipy.stats.ttest_ind``, independent of the code under test.
"""

from __future__ import annotations

import doctest

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from scipy import stats  # noqa: E402
from statsmodels.stats.multitest import multipletests  # noqa: E402

import cxresearch as cx  # noqa: E402
from cxresearch import dashboard, plotting  # noqa: E402
from cxresearch.dashboard import (attach_units, attribute_changes, decompose_nps_change,  # noqa: E402
                                  describe_movers, drill_down, format_league_table,
                                  format_movers, format_scorecard, kpi_scorecard, league_table,
                                  load_scorecard_data, nps_movers, record_scorecard,
                                  record_top_mover, top_mover, top_movers, trend_until,
                                  why_it_moved, withhold_small_cells)
from cxresearch.exceptions import ParameterError  # noqa: E402
from cxresearch.reporting import read_results  # noqa: E402

Z95 = stats.norm.ppf(0.975)


@pytest.fixture(scope="module")
def sample():
    return cx.read_dataset("responses"), cx.read_dataset("units")


pytestmark = pytest.mark.usefixtures("no_leaked_figures")  # fixture in conftest.py


def answers(date, **groups):
    """Rows for one date: groups={label: (promoters, passives, detractors)} on column 'region'."""
    rows = []
    for label, (p, pa, d) in groups.items():
        rows += [(label, 10)] * p + [(label, 8)] * pa + [(label, 3)] * d
    frame = pd.DataFrame(rows, columns=["region", "nps"])
    frame["date"] = pd.Timestamp(date)
    return frame


def wald_var(p, d, n):
    return (p + d - (p - d) ** 2) / n


# --------------------------------------------------------------------------
# withholding small cells
# --------------------------------------------------------------------------

def test_withhold_primary_and_secondary_by_hand():
    def reasons(counts, **kw):
        out = withhold_small_cells(pd.DataFrame({"n": counts}), **kw)
        return [None if r is None else r.split()[0] for r in out]

    # one small cell: the overall total would reveal it, so the smallest other goes too
    assert reasons([6, 40, 25, 80]) == ["fewer", None, "protects", None]
    # two small cells holding 13 >= 10 answers together protect each other
    assert reasons([6, 7, 40]) == ["fewer", "fewer", None]
    # 3 + 4 = 7 < 10 answers: their sum would still be a small cell
    assert reasons([3, 4, 40, 50]) == ["fewer", "fewer", "protects", None]
    # an empty group reveals nothing and protects nothing
    assert reasons([0, 5, 30]) == [None, "fewer", "protects"]
    assert reasons([5, 30], min_n_privacy=0) == [None, None]
    assert reasons([12, 30]) == [None, None]


def test_withhold_protects_published_subtotals():
    stores = pd.DataFrame({"region": ["R1", "R1", "R1", "R2", "R2"], "n": [5, 30, 40, 20, 25]})
    inside = withhold_small_cells(stores, within="region").notna().tolist()
    # the region total of R1 would reveal store 1, so R1's smallest other store goes
    assert inside == [True, True, False, False, False]
    overall_only = withhold_small_cells(stores).notna().tolist()
    assert overall_only == [True, False, False, True, False]  # smallest overall: R2's 20

    # 2 x 2 table with both margins published: one small cell takes the whole table with it
    cells = pd.DataFrame({"region": ["A", "A", "B", "B"], "touchpoint": ["x", "y", "x", "y"],
                          "n": [5, 30, 40, 50]})
    assert withhold_small_cells(cells, within=["region", "touchpoint"]).notna().all()
    with pytest.raises(ParameterError, match="within"):
        withhold_small_cells(cells, within="store")


# --------------------------------------------------------------------------
# league table
# --------------------------------------------------------------------------

def league_data():
    # North +40 (12/4/4), South -10 (6/6/8), West +30 (15/9/6), East +100 but only 5 answers
    return answers("2025-05-15", North=(12, 4, 4), South=(6, 6, 8), West=(15, 9, 6), East=(5, 0, 0))


def test_league_table_by_hand():
    table = league_table(league_data(), "region", "2025Q2", min_n_reliable=0)
    shown = table[~table["withheld"]].set_index("group")
    # East has 5 answers (withheld); North, the smallest other group, protects it
    assert list(shown.index) == ["West", "South"]
    assert shown["rank"].tolist() == [1, 2]
    assert shown.loc["West", "nps"] == pytest.approx(30)
    assert shown.loc["South", "nps"] == pytest.approx(-10)
    # South vs rest (North + West + East: 55 answers, 32 promoters, 10 detractors -> NPS 40)
    var = wald_var(0.3, 0.4, 20) + wald_var(32 / 55, 10 / 55, 55)
    assert shown.loc["South", "difference"] == pytest.approx(-50)
    assert shown.loc["South", "diff_ci_low"] == pytest.approx(-50 - Z95 * 100 * np.sqrt(var))
    assert shown.loc["South", "p_value"] == pytest.approx(2 * stats.norm.sf(50 / (100 * np.sqrt(var))))
    # FDR over the groups shown, checked with statsmodels
    expected = multipletests(shown["p_value"], method="fdr_bh")[1]
    assert shown["p_fdr"].to_numpy() == pytest.approx(expected)

    hidden = table[table["withheld"]].set_index("group")
    assert set(hidden.index) == {"North", "East"}
    assert hidden.loc["East", "n"] == 5 and hidden.loc["East", "note"].startswith("withheld")
    numbers = ["nps", "ci_low", "ci_high", "difference", "diff_ci_low", "diff_ci_high",
               "p_value", "p_fdr"]
    assert hidden[numbers].isna().all().all()
    assert hidden["rank"].isna().all() and not hidden["significant"].any()


def test_league_table_without_privacy_tests_every_group():
    table = league_table(league_data(), "region", "2025Q2", min_n_privacy=0)
    assert not table["withheld"].any()
    assert table["group"].tolist() == ["East", "North", "West", "South"]
    assert table["p_fdr"].to_numpy() == pytest.approx(
        multipletests(table["p_value"], method="fdr_bh")[1])
    # reliability: fewer than 50 answers everywhere
    assert table["note"].str.startswith("unreliable").all()


def test_league_table_of_stores_names_them_and_protects_regions(sample):
    responses, units = sample
    stores = league_table(responses, "unit_id", "2025-03", "M", units=units)
    assert {"unit_id", "region", "group"} <= set(stores.columns)
    assert stores["group"].iloc[0].startswith("Maison Verde")
    assert _rule_holds(stores, "n", "withheld", "region")


def _rule_holds(table, n, withheld, within):
    """Within the table and each slice: no withheld cells, or >= 2 with >= 10 answers."""
    slices = [table] + [part for _, part in table.groupby(within)]
    for part in slices:
        hidden = part[part[withheld] & (part[n] > 0)]
        if len(hidden) and (len(hidden) < 2 or hidden[n].sum() < cx.config.MIN_N_PRIVACY):
            return False
    return True


# --------------------------------------------------------------------------
# decomposition and movers
# --------------------------------------------------------------------------

def test_decomposition_by_hand_with_groups_in_one_period_only():
    # before: A 5P/5D (NPS 0), B 10P (100); after: A 6P/4D (20), C 10D (-100)
    before = answers("2025-01-10", A=(5, 0, 5), B=(10, 0, 0))
    after = answers("2025-04-10", A=(6, 0, 4), C=(0, 0, 10))
    table = decompose_nps_change(pd.concat([before, after]), "region", "2025Q2",
                                 min_n_privacy=0).set_index("group")
    # overall 50 -> -40; mean overall 5. rate = mean share x NPS change; mix = share change x
    # (group's mean NPS - 5); a group missing in a period keeps its other NPS (no rate effect)
    assert table.attrs["nps_before"] == pytest.approx(50)
    assert table.attrs["nps_after"] == pytest.approx(-40)
    assert table["rate_effect"].tolist() == pytest.approx([10, 0, 0])
    assert table["mix_effect"].tolist() == pytest.approx([0, -0.5 * 95, 0.5 * -105])
    assert table["contribution"].sum() == pytest.approx(-90, abs=1e-12)
    assert table["share_after"].tolist() == pytest.approx([0.5, 0, 0.5])


@pytest.mark.parametrize("by", ["touchpoint", "region", ["region", "touchpoint"], "unit_id",
                                "segment"])
def test_contributions_sum_exactly_to_the_overall_change(sample, by):
    responses, _ = sample
    table = decompose_nps_change(responses, by, "2025-03", freq="M", min_n_privacy=0)
    months = responses["date"].dt.to_period("M")
    nps_before = cx.nps(responses[months == pd.Period("2025-02", "M")])["nps"].iat[0]
    nps_after = cx.nps(responses[months == pd.Period("2025-03", "M")])["nps"].iat[0]
    assert table.attrs["nps_before"] == pytest.approx(nps_before, abs=1e-10)
    assert table.attrs["nps_after"] == pytest.approx(nps_after, abs=1e-10)
    assert table["contribution"].sum() == pytest.approx(nps_after - nps_before, abs=1e-10)
    assert table["share_before"].sum() == pytest.approx(1) and table["share_after"].sum() == pytest.approx(1)


def test_missing_keys_count_as_their_own_group():
    data = pd.concat([answers("2025-01-10", A=(5, 0, 5)), answers("2025-04-10", A=(6, 0, 4))])
    data.loc[data.index[:3], "region"] = None
    table = decompose_nps_change(data.reset_index(drop=True), "region", "2025Q2", min_n_privacy=0)
    assert dashboard.NOT_GIVEN in set(table["group"])
    assert table["contribution"].sum() == pytest.approx(
        table.attrs["nps_after"] - table.attrs["nps_before"])


def test_movers_agree_with_compare_nps_and_statsmodels(sample):
    responses, _ = sample
    moved = nps_movers(responses, "region", "2025-03", freq="M")
    poland = moved.set_index("group").loc["Poland"]
    subset = responses[(responses["region"] == "Poland")
                       & responses["date"].dt.to_period("M").isin(
                           [pd.Period("2025-02", "M"), pd.Period("2025-03", "M")])]
    test = cx.compare_nps(subset.assign(m=subset["date"].dt.strftime("%Y-%m")), group="m",
                          a="2025-02", b="2025-03").iloc[0]
    assert poland["change"] == pytest.approx(test["difference"])
    assert poland["ci_low"] == pytest.approx(test["ci_low"])
    assert poland["p_value"] == pytest.approx(test["p_value"])
    assert moved["p_fdr"].to_numpy() == pytest.approx(
        multipletests(moved["p_value"], method="fdr_bh")[1])
    # ranked by strength of evidence, |z|
    assert (np.diff(np.abs(moved["z"].to_numpy())) <= 0).all()
    by_change = nps_movers(responses, "region", "2025-03", freq="M", rank_by="change")
    assert (np.diff(np.abs(by_change["change"].to_numpy())) <= 0).all()
    by_contribution = nps_movers(responses, "region", "2025-03", freq="M", rank_by="contribution")
    assert by_contribution["group"].iloc[0] == "UK & Ireland"  # +2.0 vs Poland's -1.9
    with pytest.raises(ParameterError, match="rank_by"):
        nps_movers(responses, "region", "2025-03", freq="M", rank_by="size")


def test_movers_withhold_small_periods():
    # B has 4 answers before (withheld, and A protects it), 20 after
    before = answers("2025-01-10", A=(10, 5, 5), B=(4, 0, 0), C=(8, 8, 8))
    after = answers("2025-04-10", A=(10, 5, 5), B=(10, 5, 5), C=(8, 8, 8))
    moved = nps_movers(pd.concat([before, after]), "region", "2025Q2").set_index("group")
    assert np.isnan(moved.loc["B", "nps_before"]) and moved.loc["B", "nps_after"] == pytest.approx(25)
    for column in ("change", "ci_low", "p_value", "rate_effect", "mix_effect", "contribution"):
        assert np.isnan(moved.loc["B", column])
        assert np.isnan(moved.loc["A", column])     # A protects B in the first period
    assert moved.loc["B", "withheld"] and pd.isna(moved.loc["B", "rank"])
    assert "before" in moved.loc["B", "note"]
    assert moved.loc["C", "rank"] == 1 and not moved.loc["C", "withheld"]


def test_why_it_moved_finds_the_planted_shock(sample):
    # truth.json: a delivery partner failed in Poland in March 2025 (attr_delivery -1.5 SD)
    responses, units = sample
    moved = why_it_moved(responses, period="2025-03", freq="M", units=units)
    firsts = moved[moved["rank"] == 1].set_index("dimension")["group"]
    assert firsts["region"] == "Poland"
    assert firsts["region × touchpoint"] == "Poland × Delivery"
    assert set(moved["dimension"]) == {"touchpoint", "region", "region × touchpoint", "unit_id"}
    top = top_mover(moved)
    assert top["group"] == "Poland" and top["where"] == {"region": "Poland"}
    cell = drill_down(moved, top, n=1)
    assert cell["group"].tolist() == ["Poland × Delivery"]
    for where in (top["where"], {"region": "Poland", "touchpoint": "Delivery"}):
        changes = attribute_changes(responses, "2025-03", freq="M", where=where)
        assert changes["attribute"].iat[0] == "attr_delivery"
        assert changes["significant"].iat[0]
    leaders = top_movers(moved, 2)
    assert leaders.groupby("dimension").size().eq(2).all()
    text = describe_movers(moved, top, changes)
    assert "Poland" in text and "delivery" in text
    # store rows: privacy rule holds in both periods, withheld values never shown
    stores = moved[moved["dimension"] == "unit_id"]
    hidden = stores[stores["withheld"]]
    assert hidden[["change", "p_value", "contribution", "z"]].isna().all().all()
    for n in ("n_before", "n_after"):
        side = stores.assign(_hide=withhold_small_cells(stores, n, "region").notna())
        assert _rule_holds(side, n, "_hide", "region")


# --------------------------------------------------------------------------
# attributes
# --------------------------------------------------------------------------

def test_attribute_changes_welch_against_scipy():
    before = pd.DataFrame({"date": pd.Timestamp("2025-01-10"),
                           "attr_delivery": [4, 5, 4, 3, 5, 4, 4, 5, 3, 4, 4, 5],
                           "attr_price": [3, 3, 4, 3, 2, 3, 4, 3, 3, 2, 3, 4]})
    after = pd.DataFrame({"date": pd.Timestamp("2025-04-10"),
                          "attr_delivery": [2, 3, 2, 1, 3, 2, 3, 2, 2, 3, 2, np.nan],
                          "attr_price": [3, 4, 4, 3, 3, 3, 4, 3, 3, 2, 3, 4]})
    table = attribute_changes(pd.concat([before, after], ignore_index=True), "2025Q2")
    assert table["attribute"].tolist() == ["attr_delivery", "attr_price"]
    row = table.iloc[0]
    x0 = before["attr_delivery"].to_numpy(float)
    x1 = after["attr_delivery"].dropna().to_numpy(float)
    res = stats.ttest_ind(x1, x0, equal_var=False)
    assert row["n_after"] == 11 and row["change"] == pytest.approx(x1.mean() - x0.mean())
    assert row["t"] == pytest.approx(res.statistic) and row["p_value"] == pytest.approx(res.pvalue)
    assert row["df"] == pytest.approx(res.df)
    interval = res.confidence_interval(0.95)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((interval.low, interval.high))
    assert table["p_fdr"].to_numpy() == pytest.approx(
        multipletests(table["p_value"], method="fdr_bh")[1])
    assert table["rank"].tolist() == [1, 2]
    # privacy: with a minimum of 12 ratings the 11 delivery ratings are withheld
    small = attribute_changes(pd.concat([before, after], ignore_index=True), "2025Q2",
                              min_n_privacy=12).set_index("attribute")
    assert small.loc["attr_delivery", "withheld"]
    assert np.isnan(small.loc["attr_delivery", ["mean_after", "change", "p_value"]].astype(float)).all()
    assert small.loc["attr_delivery", "mean_before"] == pytest.approx(x0.mean())
    with pytest.raises(ParameterError, match="no answers match"):
        attribute_changes(pd.concat([before, after]).assign(region="A"), "2025Q2",
                          where={"region": "B"})


# --------------------------------------------------------------------------
# scorecard and recording
# --------------------------------------------------------------------------

def kpis_table():
    return pd.DataFrame({
        "kpi": ["nps", "churn_rate", "revenue_per_customer"],
        "label": ["NPS", "Churn rate", "Revenue per customer"],
        "period": "2025Q4", "previous_period": "2025Q3",
        "value": [27.0, 0.04, np.nan], "ci_low": [24.0, 0.035, np.nan],
        "ci_high": [30.0, 0.045, np.nan], "n": [900, 5000, 4],
        "previous": [22.0, 0.05, 200.0], "unit": ["points", "share", "EUR"],
        "p_value": [0.01, 0.2, np.nan],
        "change_significant": pd.array([True, False, pd.NA], dtype="boolean"),
        "withheld": [False, False, True]})


def test_kpi_scorecard_direction_status_and_verdict():
    card = kpi_scorecard(kpis_table(), {"NPS": 25, "churn rate": 0.035, "Revenue per customer": 220})
    card = card.set_index("kpi")
    assert card.loc["nps", "gap"] == pytest.approx(2) and card.loc["nps", "status"] == "on target"
    # churn: lower is better, so 4% against 3.5% is 0.5 points short
    assert not card.loc["churn_rate", "higher_is_better"]
    assert card.loc["churn_rate", "gap"] == pytest.approx(-0.005)
    assert card.loc["churn_rate", "trend"] == "flat"
    assert card.loc["churn_rate", "verdict"] == "no real change"
    assert card.loc["nps", "trend"] == "up" and card.loc["nps", "verdict"] == "a real change"
    assert card.loc["revenue_per_customer", "status"] == "no data"
    assert card.loc["revenue_per_customer", "verdict"] == "not tested"
    shown = format_scorecard(card.reset_index())
    assert shown.loc[2, "Value"] == "withheld" and shown.loc[2, "Gap"] == "withheld"
    assert shown.loc[1, "Value"] == "4.0%" and shown.loc[0, "Real change?"] == "yes"


def test_kpi_scorecard_errors():
    with pytest.raises(ParameterError, match="unknown KPI"):
        kpi_scorecard(kpis_table(), {"Happiness": 3})
    with pytest.raises(ParameterError, match="lacks a KPI"):
        kpi_scorecard(kpis_table(), {"CSAT (top-2-box)": 0.65})
    with pytest.raises(ParameterError, match="two targets"):
        kpi_scorecard(kpis_table(), {"NPS": 25, "nps": 30})
    with pytest.raises(ParameterError, match="number"):
        kpi_scorecard(kpis_table(), {"NPS": "high"})


def test_record_scorecard_and_top_mover(tmp_path, monkeypatch):
    monkeypatch.setenv("CXRESEARCH_RUN_DIR", str(tmp_path))
    card = kpi_scorecard(kpis_table(), {"NPS": 25, "Churn rate": 0.035, "Revenue per customer": 220})
    record_scorecard(card)
    top = {"dimension": "region", "group": "Poland", "where": {"region": "Poland"},
           "nps_before": 24.7, "nps_after": 12.4, "change": -12.3, "ci_low": -21.8,
           "ci_high": -2.9, "p_value": 0.011, "p_fdr": 0.065, "significant": False,
           "n_after": 623, "contribution": -1.9}
    attributes = pd.DataFrame({"attribute": ["attr_delivery", "attr_price"],
                               "mean_before": [3.6, 3.0], "mean_after": [3.2, 3.1],
                               "change": [-0.4, 0.1], "p_value": [1e-9, 0.5]})
    record_top_mover(top, attributes)
    results = read_results(tmp_path)
    assert results["nps"]["value"] == 27.0 and results["nps"]["status"] == "on target"
    assert results["nps"]["label"] == "NPS, 2025Q4" and results["nps"]["n"] == 900
    assert results["nps"]["ci_low"] == 24.0 and results["nps"]["target"] == 25.0
    assert results["churn_rate"]["status"] == "off target"
    assert results["revenue_per_customer"]["value"] is None     # withheld stays null
    assert results["top_mover"]["value"] == "Poland"
    assert results["top_mover_change"]["value"] == -12.3
    assert results["top_mover_attribute"]["value"] == "attr_delivery"
    # a rising mover reports the attribute that rose most
    record_top_mover(top | {"change": 5.0}, attributes)
    assert read_results(tmp_path)["top_mover_attribute"]["value"] == "attr_price"


# --------------------------------------------------------------------------
# loading, trend, text
# --------------------------------------------------------------------------

def test_load_scorecard_data_with_a_users_export_and_mapping(tmp_path):
    export = pd.DataFrame({"ResponseId": ["R1", "R2", "R3"], "Store": ["S1", "S2", "S1"],
                           "When": ["2025-01-04", "2025-02-11", "2025-03-30"],
                           "Recommend": [10, 6, 8]})
    export.to_csv(tmp_path / "survey.csv", index=False)
    pd.DataFrame({"StoreId": ["S1", "S2"], "Name": ["Leeds", "York"],
                  "Area": ["North", "North"]}).to_csv(tmp_path / "stores.csv", index=False)
    mapping = {"responses": {"ResponseId": "response_id", "Store": "unit_id", "When": "date",
                             "Recommend": "nps"},
               "units": {"StoreId": "unit_id", "Name": "unit_name", "Area": "region"}}
    responses, customer_months, units = load_scorecard_data(
        tmp_path / "survey.csv", units_path=tmp_path / "stores.csv", mapping=mapping)
    assert customer_months is None and len(units) == 2
    assert responses["unit_name"].tolist() == ["Leeds", "York", "Leeds"]
    assert responses["region"].eq("North").all()
    # a flat mapping is for the survey export only
    flat = {"ResponseId": "response_id", "Store": "unit_id", "When": "date", "Recommend": "nps"}
    responses, _, _ = load_scorecard_data(tmp_path / "survey.csv", mapping=flat)
    assert responses["nps"].tolist() == [10, 6, 8]


def test_relative_paths_are_read_from_the_project_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)   # as in JupyterLab, where notebooks run from notebooks/
    responses, _, units = load_scorecard_data("data/sample/responses.parquet",
                                              units_path="data/sample/units.parquet")
    assert len(responses) > 90_000 and len(units) == 400


def test_attach_units_keeps_existing_columns():
    answers_ = pd.DataFrame({"unit_id": ["S1", "S9"], "region": ["Own", "Own"]})
    stores = pd.DataFrame({"unit_id": ["S1"], "unit_name": ["Leeds"], "region": ["North"]})
    out = attach_units(answers_, stores)
    assert out["region"].tolist() == ["Own", "Own"]
    assert out["unit_name"].tolist()[0] == "Leeds" and pd.isna(out["unit_name"].iat[1])
    with pytest.raises(ParameterError, match="twice"):
        attach_units(answers_, pd.concat([stores, stores]))


def test_trend_until_ends_with_the_period(sample):
    responses, _ = sample
    table = trend_until(responses, pd.Period("2025-03", "M"), months=12)
    assert table["period"].iat[0] == "2024-04" and table["period"].iat[-1] == "2025-03"
    assert len(table) == 12


def test_formatted_tables_say_withheld_never_the_number():
    table = league_table(league_data(), "region", "2025Q2", min_n_reliable=0)
    text = format_league_table(table)
    east = text[text["Group"] == "East"].iloc[0]
    assert (east[["NPS", "95% CI", "vs rest", "p (FDR)"]] == "withheld").all()
    assert east["Answers"] == "5"
    assert "100" not in " ".join(text.astype(str).to_numpy().ravel())  # East's NPS is +100
    short = format_league_table(table, head=1)
    assert short["Group"].tolist() == ["West", "2 groups withheld"]
    moved = nps_movers(pd.concat([league_data().assign(date=pd.Timestamp("2025-01-10")),
                                  league_data()]), "region", "2025Q2")
    lines = format_movers(moved)
    assert (lines.loc[moved["withheld"].to_numpy(), "Change"] == "withheld").all()


# --------------------------------------------------------------------------
# charts
# --------------------------------------------------------------------------

def test_group_scores_never_draw_a_withheld_value():
    table = pd.DataFrame({"group": ["A", "B", "C"], "nps": [31.0, 12.0, 77.0],
                          "ci_low": [20.0, 2.0, 70.0], "ci_high": [42.0, 22.0, 84.0],
                          "withheld": [False, False, True], "significant": [True, False, False]})
    fig, ax = plt.subplots()
    plotting.plot_group_scores(table, highlight="significant", target=25, ax=ax)
    drawn = np.concatenate([np.asarray(line.get_xdata(), dtype=float) for line in ax.lines])
    assert 77.0 not in drawn and 31.0 in drawn and 12.0 in drawn
    assert [t.get_text() for t in ax.texts] == ["withheld"]
    ticks = sorted(zip(ax.get_yticks(), [t.get_text() for t in ax.get_yticklabels()]),
                   reverse=True)
    assert [label for _, label in ticks] == ["A", "B", "C"]   # first row on top
    plt.close(fig)


def test_changes_chart_bars_and_withheld():
    table = pd.DataFrame({"group": ["Poland", "UK", "Hidden"], "change": [-12.3, 6.8, 50.0],
                          "ci_low": [-21.8, 0.0, 40.0], "ci_high": [-2.9, 13.6, 60.0],
                          "significant": [True, False, False], "withheld": [False, False, True]})
    fig, ax = plt.subplots()
    plotting.plot_changes(table, ax=ax)
    assert [p.get_width() for p in ax.patches] == pytest.approx([-12.3, 6.8])
    assert ax.patches[0].get_alpha() == 1.0 and ax.patches[1].get_alpha() == pytest.approx(0.4)
    assert "UK (n.s.)" in [t.get_text() for t in ax.get_yticklabels()]
    assert [t.get_text() for t in ax.texts] == ["withheld"]
    plt.close(fig)


def test_bridge_steps_add_up_without_using_withheld_values():
    table = pd.DataFrame({"group": ["A", "B", "C", "D"], "contribution": [3.0, -1.0, 99.0, 0.5],
                          "withheld": [False, False, True, False]})
    fig, ax = plt.subplots()
    plotting.plot_nps_bridge(table, 20.0, 22.0, top=2, ax=ax)
    widths = [p.get_width() for p in ax.patches]
    # before, A, B, all others (= 2 - 3 + 1 = 0, C's 99 never used), after
    assert widths == pytest.approx([20.0, 3.0, -1.0, 0.0, 22.0])
    assert [t.get_text() for t in ax.get_yticklabels()][3] == "all other groups"
    assert sum(widths[1:-1]) == pytest.approx(22.0 - 20.0)
    plt.close(fig)


def test_docstring_examples_run():
    result = doctest.testmod(dashboard)   # plotting's examples run in test_plotting.py
    assert result.attempted > 0 and result.failed == 0
