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
