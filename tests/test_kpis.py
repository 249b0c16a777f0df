"""Operational KPIs and the headline table, checked by hand on tiny tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import cxresearch as cx
from cxresearch.exceptions import ParameterError
from cxresearch.kpis import headline_metrics, latest_complete_period, period_kpis


def test_latest_complete_period_never_reports_a_partial_period():
    dates = pd.Series(pd.to_datetime(["2025-01-03", "2025-12-15"]))
    assert latest_complete_period(dates, "Q") == pd.Period("2025Q4")
    dates = pd.Series(pd.to_datetime(["2025-01-03", "2025-11-30"]))
    assert latest_complete_period(dates, "Q") == pd.Period("2025Q3")
    assert latest_complete_period(dates, "M") == pd.Period("2025-11")
    with pytest.raises(ParameterError, match="freq"):
        latest_complete_period(dates, "W")


@pytest.fixture
def customer_months():
    # four customers active in March; in Q2, A and B stay, C leaves in May, D leaves in April
    rows = []
    for cid, last_active in {"A": 6, "B": 6, "C": 4, "D": 3}.items():
        for m in range(3, 7):
            active = m <= last_active
            orders = {"A": 2, "B": 1, "C": 1, "D": 0}[cid] if active and m >= 4 else 0
            rows.append((cid, pd.Timestamp(2025, m, 1), 10.0 * orders, orders, active))
    return pd.DataFrame(rows, columns=["customer_id", "month", "revenue", "orders", "active"])


def test_period_kpis_by_hand(customer_months):
    out = period_kpis(customer_months, pd.Period("2025Q2")).set_index("kpi")
    # churn: active in March = A, B, C, D; active in June = A, B -> 2/4, Wald SE = sqrt(.25/4) = .25
    assert out.loc["churn rate", "value"] == pytest.approx(0.5)
    assert out.loc["churn rate", "ci_low"] == pytest.approx(0.5 - 1.959964 * 0.25, abs=1e-6)
    # revenue per active customer: A 3 months x 2 orders x 10 = 60, B 30, C 10 (April only); D never active in Q2
    assert out.loc["revenue per active customer", "value"] == pytest.approx((60 + 30 + 10) / 3)
    assert out.loc["revenue per active customer", "n"] == 3
    # repeat purchase: buyers A (6 orders), B (3), C (1) -> 2 of 3 ordered more than once
    assert out.loc["repeat-purchase rate", "value"] == pytest.approx(2 / 3)


def test_headline_metrics_on_the_sample_agree_with_the_metric_functions():
    responses = cx.read_dataset("responses")
    table = headline_metrics(responses, cx.read_dataset("customer_months")).set_index("metric")
    period = pd.Period(table["period"].iat[0])
    subset = responses[responses["date"].dt.to_period("Q") == period]
    assert table.loc["NPS", "value"] == pytest.approx(cx.nps(subset)["nps"].iat[0])
    assert table.loc["CSAT (top-2-box)", "value"] == pytest.approx(cx.csat(subset)["top_box"].iat[0])
    assert set(table.index) >= {"NPS", "CES (mean)", "churn rate", "revenue per active customer",
                                "repeat-purchase rate"}
    assert np.isfinite(table["previous"]).all()
    assert table.loc["NPS", "change_is_real"] in (True, False)


# --------------------------------------------------------------------------
# kpi_name, reporting_period, kpi_table
# --------------------------------------------------------------------------

from scipy import stats  # noqa: E402

from cxresearch.kpis import KPIS, kpi_name, kpi_table, reporting_period  # noqa: E402


def test_kpi_name_accepts_names_labels_and_spellings():
    assert kpi_name("NPS") == kpi_name("nps") == "nps"
    assert kpi_name("  churn   Rate ") == "churn_rate"
    assert kpi_name("Revenue per active customer") == "revenue_per_customer"
    assert KPIS["churn_rate"].higher_is_better is False
    with pytest.raises(ParameterError, match="unknown KPI"):
        kpi_name("happiness")


def test_reporting_period_reads_latest_months_and_quarters():
    dates = pd.Series(pd.to_datetime(["2025-01-05", "2025-03-31", "2025-05-10"]))
    assert reporting_period("latest", dates, "Q") == pd.Period("2025Q1")   # Q2 not complete
    assert reporting_period("latest", dates, "M") == pd.Period("2025-05", "M")
    assert reporting_period("2025-03", dates, "M") == pd.Period("2025-03", "M")
    assert reporting_period("2025q1", dates, "Q") == pd.Period("2025Q1")
    assert reporting_period(pd.Period("2025Q2"), dates, "Q") == pd.Period("2025Q2")
    with pytest.raises(ParameterError, match="names a month but freq='Q'"):
        reporting_period("2025-03", dates, "Q")
    with pytest.raises(ParameterError, match="names a quarter"):
        reporting_period("2025Q1", dates, "M")
    with pytest.raises(ParameterError, match="no answers in this period"):
        reporting_period("2024-06", dates, "M")
    with pytest.raises(ParameterError, match="'latest' or"):
        reporting_period("last month", dates, "M")
    with pytest.raises(ParameterError, match="not a valid month"):
        reporting_period("2025-13", dates, "M")


def two_quarters():
    """Q1: 10 answers, 5 promoters, 2 detractors (NPS +30); Q2: 20 answers, 14 promoters,
    2 detractors (NPS +60). CSAT top-2: Q1 6/10, Q2 15/20. CES: Q1 mean 4.0, Q2 mean 5.0."""
    q1 = pd.DataFrame({"date": pd.Timestamp("2025-02-10"),
                       "nps": [10, 9, 9, 10, 9, 8, 7, 8, 3, 5],
                       "csat": [5, 5, 4, 4, 4, 4, 3, 3, 2, 1],
                       "ces": [2, 3, 4, 5, 6, 2, 3, 4, 5, 6]})
    q2 = pd.DataFrame({"date": pd.Timestamp("2025-05-10"),
                       "nps": [10] * 14 + [8] * 4 + [2] * 2,
                       "csat": [5] * 15 + [2] * 5,
                       "ces": [5] * 20})
    return pd.concat([q1, q2], ignore_index=True)


def test_kpi_table_by_hand_and_against_compare_nps():
    answers = two_quarters()
    table = kpi_table(answers, period="2025Q2", freq="Q").set_index("kpi")
    assert list(table.index) == ["nps", "csat_top2", "ces_mean"]
    row = table.loc["nps"]
    assert (row["period"], row["previous_period"]) == ("2025Q2", "2025Q1")
    assert row["value"] == pytest.approx(60) and row["previous"] == pytest.approx(30)
    assert row["change"] == pytest.approx(30)
    # Wald se by hand: Q2 p=.7 d=.1 -> sqrt((.8 - .36)/20); Q1 p=.5 d=.2 -> sqrt((.7 - .09)/10)
    se2, se1 = 100 * np.sqrt(0.44 / 20), 100 * np.sqrt(0.61 / 10)
    assert row["se"] == pytest.approx(se2)
    p = 2 * stats.norm.sf(30 / np.hypot(se1, se2))
    assert row["p_value"] == pytest.approx(p)
    test = cx.compare_nps(answers.assign(q=answers["date"].dt.to_period("Q").astype(str)),
                          group="q", a="2025Q1", b="2025Q2", min_n_privacy=0).iloc[0]
    assert row["p_value"] == pytest.approx(test["p_value"])
    assert bool(row["change_significant"]) == bool(test["significant"])
    csat_row = table.loc["csat_top2"]
    assert csat_row["value"] == pytest.approx(0.75) and csat_row["previous"] == pytest.approx(0.6)
    assert csat_row["se"] == pytest.approx(np.sqrt(0.75 * 0.25 / 20))
    ces_row = table.loc["ces_mean"]
    assert ces_row["value"] == pytest.approx(5.0) and ces_row["previous"] == pytest.approx(4.0)
    assert ces_row["se"] == pytest.approx(0.0)  # every Q2 answer is 5
    assert ces_row["higher_is_better"] and ces_row["unit"] == "score 1-7"
    assert not table["withheld"].any()


def test_kpi_table_withholds_small_periods():
    table = kpi_table(two_quarters(), period="2025Q2", kpis=["NPS"], min_n_privacy=11)
    row = table.iloc[0]
    assert row["value"] == pytest.approx(60)      # 20 answers: shown
    assert np.isnan(row["previous"]) and np.isnan(row["change"]) and np.isnan(row["p_value"])
    assert row["previous_n"] == 10 and row["withheld"]
    assert pd.isna(row["change_significant"])


def test_kpi_table_operational_kpis_match_period_kpis(customer_months):
    answers = pd.DataFrame({"date": pd.to_datetime(["2025-04-02"] * 12 + ["2025-01-15"] * 12),
                            "nps": [9] * 24})
    table = kpi_table(answers, customer_months, "2025Q2", kpis=["churn rate", "Revenue per customer",
                                                                 "repeat_purchase_rate"],
                      min_n_privacy=0, currency="GBP").set_index("kpi")
    direct = period_kpis(customer_months, pd.Period("2025Q2")).set_index("kpi")
    assert table.loc["churn_rate", "value"] == pytest.approx(direct.loc["churn rate", "value"])
    assert not table.loc["churn_rate", "higher_is_better"]
    assert table.loc["revenue_per_customer", "value"] == pytest.approx((60 + 30 + 10) / 3)
    assert table.loc["revenue_per_customer", "unit"] == "GBP"
    assert table.loc["revenue_per_customer", "ci_low"] == pytest.approx(
        direct.loc["revenue per active customer", "ci_low"])
    assert table.loc["repeat_purchase_rate", "value"] == pytest.approx(2 / 3)
    # the fixture starts in March: nobody is active before Q1, so Q1's churn base is empty
    assert table.loc["churn_rate", "previous_n"] == 0
    # privacy: 4 customers in the churn base are fewer than the default minimum
    small = kpi_table(answers, customer_months, "2025Q2", kpis=["churn rate"])
    assert np.isnan(small["value"].iat[0]) and small["n"].iat[0] == 4


def test_period_kpis_standard_errors_by_hand(customer_months):
    out = period_kpis(customer_months, pd.Period("2025Q2")).set_index("kpi")
    assert out.loc["churn rate", "se"] == pytest.approx(0.25)       # sqrt(.5 * .5 / 4)
    # revenue 60, 30, 10: sd = sqrt(((60-33.3)^2 + (30-33.3)^2 + (10-33.3)^2) / 2)
    assert out.loc["revenue per active customer", "se"] == pytest.approx(
        np.std([60, 30, 10], ddof=1) / np.sqrt(3))


def test_kpi_table_errors():
    answers = two_quarters()
    with pytest.raises(ParameterError, match="customer-months"):
        kpi_table(answers, period="2025Q2", kpis=["Churn rate"])
    with pytest.raises(ParameterError, match="named twice"):
        kpi_table(answers, period="2025Q2", kpis=["NPS", "nps"])
    with pytest.raises(ParameterError, match="'csat'"):
        kpi_table(answers.drop(columns="csat"), period="2025Q2", kpis=["CSAT (top-2-box)"])
    with pytest.raises(ParameterError, match="freq"):
        kpi_table(answers, freq="W")


def test_kpis_docstring_examples_run():
    import doctest

    from cxresearch import kpis
    result = doctest.testmod(kpis)
    assert result.attempted > 0 and result.failed == 0


def test_period_frequency_follows_the_period_unless_given():
    from cxresearch.kpis import period_frequency

    assert period_frequency("2025-06") == "M"
    assert period_frequency("2025Q2") == "Q"
    assert period_frequency("latest") == "Q"
    assert period_frequency(pd.Period("2025-03", "M")) == "M"
    assert period_frequency("2025-06", "M") == "M"
    with pytest.raises(ParameterError, match="freq"):
        period_frequency("latest", "W")
