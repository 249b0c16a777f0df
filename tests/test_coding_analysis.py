"""Tests of cxresearch.coding.analysis and its three charts in cxresearch.plotting.

Every expected number names its independent source in a comment: a hand
computation written out, statsmodels (Wilson interval, Benjamini-Hochberg) or
scipy (Katz interval of a relative risk, Pearson chi-square, Fisher's exact
test, t interval). The last test runs code_lift on the bundled sample with
the planted truth as the coding.
"""

import matplotlib

matplotlib.use("Agg")

import json  # noqa: E402
import re  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from scipy import stats  # noqa: E402
from scipy.stats.contingency import relative_risk  # noqa: E402
from statsmodels.stats.multitest import multipletests  # noqa: E402
from statsmodels.stats.proportion import proportion_confint  # noqa: E402

from cxresearch import config  # noqa: E402
from cxresearch.coding.analysis import (CODE_FREQUENCY_COLUMNS, CODE_LIFT_COLUMNS,  # noqa: E402
                                        COOCCURRENCE_COLUMNS, SENTIMENT_BY_CODE_COLUMNS,
                                        code_cooccurrence, code_frequencies, code_lift,
                                        select_quotes, sentiment_by_code)
from cxresearch.coding.codebook import Codebook  # noqa: E402
from cxresearch.exceptions import (CXResearchWarning, DataValidationError,  # noqa: E402
                                   ParameterError)
from cxresearch.plotting import (DETRACTOR_COLOR, PROMOTER_COLOR,  # noqa: E402
                                 plot_code_frequencies, plot_code_lift, plot_cooccurrence)
from cxresearch.privacy import find_pii  # noqa: E402

Z95 = 1.959963984540054  # scipy.stats.norm.ppf(0.975), written out


pytestmark = pytest.mark.usefixtures("no_leaked_figures")  # fixture in conftest.py


def segments():
    """20 documents: Gold 1-10, Bronze 11-20; delivery on 1-4 (1 twice) and 11,
    price_value on 1 and 12."""
    docs = pd.DataFrame({"doc_id": range(1, 21), "segment": ["Gold"] * 10 + ["Bronze"] * 10})
    coded = pd.DataFrame({"doc_id": [1, 1, 2, 3, 4, 11, 1, 12],
                          "code": ["delivery"] * 6 + ["price_value"] * 2,
                          "span": ["late", "courier", "late", "late", "late", "late", "price",
                                   "dear"]})
    return coded, docs


def mini_codebook():
    return Codebook.from_dict({"name": "Mini", "version": "1", "languages": ["en"], "codes": [
        {"id": "fulfilment", "label": "Fulfilment", "definition": "Getting the order."},
        {"id": "delivery", "label": "Delivery", "definition": "Delivery.", "parent": "fulfilment",
         "include": {"en": ["deliver*"]}},
        {"id": "returns_refunds", "label": "Returns", "definition": "Returns.",
         "parent": "fulfilment", "include": {"en": ["return*"]}},
        {"id": "price_value", "label": "Price", "definition": "Price.",
         "include": {"en": ["price*"]}}]})


# --------------------------------------------------------------------------
# code_frequencies
# --------------------------------------------------------------------------

def test_frequencies_hand_computed():
    coded, docs = segments()
    table = code_frequencies(coded, docs, by="segment")
    assert list(table.columns) == ["segment", "code", *CODE_FREQUENCY_COLUMNS]
    # Hand: every segment has 10 documents, uncoded ones included; doc 1's two
    # delivery rows count once. Gold: delivery 1-4 -> 4/10, price 1 -> 1/10.
    # Bronze: delivery 11 -> 1/10, price 12 -> 1/10. Codes: most frequent first.
    assert table["segment"].tolist() == ["Bronze", "Bronze", "Gold", "Gold"]
    assert table["code"].tolist() == ["delivery", "price_value"] * 2
    assert table["n_docs"].tolist() == [10, 10, 10, 10]
    assert table["n_coded"].tolist() == [1, 1, 4, 1]
    assert table["share"].tolist() == pytest.approx([0.1, 0.1, 0.4, 0.1])
    # Hand, Wilson for 4/10 at 95%: z^2 / n = 0.3841459, denominator 1.3841459,
    # centre (0.4 + 0.1920729) / 1.3841459 = 0.4277533,
    # half 1.959964 * sqrt(0.024 + 0.0096036) / 1.3841459 = 1.959964 * 0.1833130 / 1.3841459
    # = 0.2595730, so 0.4277533 -/+ 0.2595730.
    assert table.loc[2, ["ci_low", "ci_high"]].tolist() == pytest.approx([0.1681803, 0.6873263],
                                                                         abs=1e-6)
    assert not table["withheld"].any()
    assert not table["reliable"].any()  # 10 < config.MIN_N_RELIABLE (50)


def test_frequencies_without_groups_and_custom_column_names():
    coded, docs = segments()
    coded = coded.rename(columns={"doc_id": "response_id", "code": "theme"})
    docs = docs.rename(columns={"doc_id": "response_id"})
    table = code_frequencies(coded, docs, id="response_id", code="theme")
    assert list(table.columns) == ["theme", *CODE_FREQUENCY_COLUMNS]
    # Hand: delivery on 1, 2, 3, 4, 11 = 5 of 20; price on 1, 12 = 2 of 20.
    assert table[["theme", "n_docs", "n_coded"]].values.tolist() == [["delivery", 20, 5],
                                                                     ["price_value", 20, 2]]


@pytest.mark.parametrize("ci", [0.95, 0.9, 0.99])
def test_wilson_interval_matches_statsmodels(ci):
    docs = pd.DataFrame({"doc_id": range(200), "store": np.repeat(["A", "B", "C", "D"], 50)})
    # 0, 1, 17 and 50 of the 50 documents of each store carry the code
    ids = list(range(0, 0)) + [50] + list(range(100, 117)) + list(range(150, 200))
    coded = pd.DataFrame({"doc_id": ids, "code": "delivery"})
    table = code_frequencies(coded, docs, by="store", ci=ci)
    for row in table.itertuples():
        low, high = proportion_confint(int(row.n_coded), row.n_docs, alpha=1 - ci, method="wilson")
        assert (row.ci_low, row.ci_high) == pytest.approx((low, high), abs=1e-12)


def test_small_groups_are_withheld_and_flagged():
    coded, docs = segments()
    docs = docs.iloc[:19]  # Bronze keeps 9 documents
    table = code_frequencies(coded, docs, by="segment", min_n_reliable=10)
    bronze = table[table["segment"] == "Bronze"]
    assert bronze["withheld"].all() and not bronze["reliable"].any()
    assert bronze["n_docs"].tolist() == [9, 9]          # the size stays visible
    assert bronze["n_coded"].isna().all()               # the counts do not
    assert bronze[["share", "ci_low", "ci_high"]].isna().all().all()
    gold = table[table["segment"] == "Gold"]
    assert gold["reliable"].all() and not gold["withheld"].any()
    relaxed = code_frequencies(coded, docs, by="segment", min_n_privacy=5)
    assert not relaxed["withheld"].any()


def test_codebook_rolls_children_up_into_parents():
    docs = pd.DataFrame({"doc_id": range(1, 13)})
    coded = pd.DataFrame({"doc_id": [1, 1, 2, 3, 3, 4],
                          "code": ["delivery", "returns_refunds", "returns_refunds",
                                   "price_value", "parking", "delivery"]})
    with pytest.warns(CXResearchWarning, match="codes not in codebook 'Mini': 'parking'"):
        table = code_frequencies(coded, docs, codebook=mini_codebook())
    # Hand: fulfilment = any of delivery {1, 4} or returns {1, 2} = {1, 2, 4} -> 3, not 4.
    expected = {"fulfilment": (3, None, 0), "delivery": (2, "fulfilment", 1),
                "returns_refunds": (2, "fulfilment", 1), "price_value": (1, None, 0),
                "parking": (1, None, 0)}
    assert table["code"].tolist() == list(expected)  # codebook order, unknown codes last
    for row in table.itertuples():
        n_coded, parent, level = expected[row.code]
        assert (row.n_coded, row.parent, row.level, row.n_docs) == (n_coded, parent, level, 12)
    assert table["label"].tolist() == ["Fulfilment", "Delivery", "Returns", "Price", "parking"]


def test_codebook_lists_codes_nobody_used():
    docs = pd.DataFrame({"doc_id": range(1, 13)})
    coded = pd.DataFrame({"doc_id": [1], "code": ["price_value"]})
    table = code_frequencies(coded, docs, codebook=mini_codebook())
    assert table.set_index("code")["n_coded"].to_dict() == {
        "fulfilment": 0, "delivery": 0, "returns_refunds": 0, "price_value": 1}


def test_coded_rows_of_unknown_documents_are_left_out_with_a_warning():
    coded, docs = segments()
    coded = pd.concat([coded, pd.DataFrame({"doc_id": [99, 98], "code": "delivery"})])
    with pytest.warns(CXResearchWarning, match="2 coded rows \\(2 documents\\) are not in docs"):
        table = code_frequencies(coded, docs)
    assert table.set_index("code").loc["delivery", "n_coded"] == 5


def test_bad_input_errors_are_one_line_and_helpful():
    coded, docs = segments()
    with pytest.raises(ParameterError, match="column 'segmnt'.*no such column in docs.*"
                                             "use one of: 'doc_id', 'segment'") as caught:
        code_frequencies(coded, docs, by="segmnt")
    assert "\n" not in str(caught.value)
    with pytest.raises(ParameterError, match="no such column in coded.*'doc_id', 'code', 'span'"):
        code_frequencies(coded, docs, code="theme")
    with pytest.raises(ParameterError, match="parameter 'coded'"):
        code_frequencies(coded.to_dict(), docs)
    with pytest.raises(DataValidationError, match="document id appears twice.*value 3"):
        code_frequencies(coded, pd.concat([docs, docs.iloc[[2]]]))
    with pytest.raises(DataValidationError, match="document id is missing"):
        code_frequencies(coded, docs.assign(doc_id=docs["doc_id"].astype(float).where(
            docs["doc_id"] != 5)))
    with pytest.raises(ParameterError, match="parameter 'ci'"):
        code_frequencies(coded, docs, ci=95)
    with pytest.raises(ParameterError, match="clashes with an output column"):
        code_frequencies(coded, docs.assign(share=1), by="share")
    with pytest.raises(ParameterError, match="expected a Codebook"):
        code_frequencies(coded, docs, codebook="cx-default")


# --------------------------------------------------------------------------
# code_cooccurrence
# --------------------------------------------------------------------------

def cooccurring():
    """Documents 1-10; A on 1-4, B on 3-6, C on 9. Documents 7, 8 and 10 have no code."""
    coded = pd.DataFrame({"doc_id": [1, 2, 3, 4, 3, 4, 5, 6, 9],
                          "code": ["A"] * 4 + ["B"] * 4 + ["C"]})
    return coded, pd.DataFrame({"doc_id": range(1, 11)})


def test_cooccurrence_hand_computed():
    coded, docs = cooccurring()
    counts = code_cooccurrence(coded)
    # Hand: A and B share documents 3 and 4; C is alone.
    assert counts.loc["A", "B"] == counts.loc["B", "A"] == 2
    assert counts.loc["A", "C"] == 0
    assert np.diag(counts).tolist() == [4, 4, 1]
    assert counts.attrs == {"measure": "count", "n_docs": 7}
    jaccard = code_cooccurrence(coded, measure="jaccard")
    assert jaccard.loc["A", "B"] == pytest.approx(2 / (4 + 4 - 2))   # hand: 1/3
    assert np.diag(jaccard).tolist() == [1.0, 1.0, 1.0]
    # Hand: lift = n_ab N / (n_a n_b); N is all 10 documents when docs is given
    # (2 * 10 / 16 = 1.25), only the 7 coded ones without (2 * 7 / 16 = 0.875).
    assert code_cooccurrence(coded, measure="lift", docs=docs).loc["A", "B"] == pytest.approx(1.25)
    assert code_cooccurrence(coded, measure="lift").loc["A", "B"] == pytest.approx(0.875)
    assert np.isnan(np.diag(code_cooccurrence(coded, measure="lift"))).all()


def test_cooccurrence_long_form_lists_each_pair_once():
    coded, docs = cooccurring()
    pairs = code_cooccurrence(coded, form="long", docs=docs)
    assert list(pairs.columns) == list(COOCCURRENCE_COLUMNS)
    assert len(pairs) == 3  # A-B, A-C, B-C
    first = pairs.iloc[0]
    assert (first["code_a"], first["code_b"], first["n_both"]) == ("A", "B", 2)
    assert first["lift"] == pytest.approx(1.25)
    with pytest.raises(ParameterError, match="parameter 'measure'.*'count', 'jaccard' or 'lift'"):
        code_cooccurrence(coded, measure="phi")
    with pytest.raises(ParameterError, match="parameter 'form'"):
        code_cooccurrence(coded, form="wide")


# --------------------------------------------------------------------------
# code_lift
# --------------------------------------------------------------------------

def lift_example():
    """30 detractors (NPS 3, docs 1-30), 30 promoters (NPS 10, docs 31-60),
    10 passives (NPS 8, docs 61-70) and 2 documents without an answer (71, 72).

    delivery: detractors 1-15, promoters 31-33, passives 61-62, unanswered 71.
    price_value: detractors 1-3, promoters 31-33.
    loyalty_programme: detractors 1, promoters 31-45.
    """
    docs = pd.DataFrame({"doc_id": range(1, 73),
                         "nps": [3] * 30 + [10] * 30 + [8] * 10 + [np.nan] * 2})
    rows = ([(d, "delivery") for d in [*range(1, 16), 31, 32, 33, 61, 62, 71]]
            + [(d, "price_value") for d in [1, 2, 3, 31, 32, 33]]
            + [(d, "loyalty_programme") for d in [1, *range(31, 46)]])
    return pd.DataFrame(rows, columns=["doc_id", "code"]), docs


def test_lift_hand_computed():
    coded, docs = lift_example()
    table = code_lift(coded, docs).set_index("code")
    assert list(table.reset_index().columns) == ["code", *CODE_LIFT_COLUMNS]
    row = table.loc["delivery"]
    # Hand: 15 of 30 detractors, 3 of 30 promoters (passives and no-answers left out).
    assert (row["n_detractors"], row["n_promoters"]) == (30, 30)
    assert (row["detractors_coded"], row["promoters_coded"]) == (15, 3)
    assert row["share_detractors"] == pytest.approx(0.5)
    assert row["share_promoters"] == pytest.approx(0.1)
    assert row["lift"] == pytest.approx(5.0)                     # 0.5 / 0.1
    assert row["risk_difference"] == pytest.approx(0.4)          # 0.5 - 0.1
    assert row["odds_ratio"] == pytest.approx(9.0)               # 15 * 27 / (3 * 15)
    # Hand: 2 asin(sqrt(.5)) - 2 asin(sqrt(.1)) = 1.570796 - 0.643501
    assert row["cohens_h"] == pytest.approx(0.927295, abs=1e-6)
    # Hand, Katz: se = sqrt(1/15 - 1/30 + 1/3 - 1/30) = sqrt(1/3) = 0.5773503;
    # z se = 1.1315857; 5 exp(-1.1315857) = 5 * 0.3225214, 5 exp(1.1315857) = 5 * 3.1005693
    assert (row["lift_ci_low"], row["lift_ci_high"]) == pytest.approx((1.612607, 15.502846),
                                                                      abs=1e-5)
    # Hand, Pearson chi-square: smallest expected count 30 * 18 / 60 = 9 >= 5, so chi2;
    # 60 (15*27 - 15*3)^2 / (30 * 30 * 18 * 42) = 7776000 / 680400 = 11.428571
    assert row["test"] == "chi2"
    assert row["p_value"] == pytest.approx(stats.chi2.sf(11.428571428571, 1), rel=1e-9)
    # Hand, with / without among every answered document (passives included):
    # with = 15 x 3 + 3 x 10 + 2 x 8 over 20 = 91 / 20; without = 15 x 3 + 27 x 10 + 8 x 8
    # over 50 = 379 / 50; NPS with 100 (3 - 15) / 20, without 100 (27 - 15) / 50.
    assert (row["n_with"], row["n_without"]) == (20, 50)
    assert row["mean_with"] == pytest.approx(4.55)
    assert row["mean_without"] == pytest.approx(7.58)
    assert row["mean_difference"] == pytest.approx(4.55 - 7.58)
    assert (row["nps_with"], row["nps_without"]) == pytest.approx((-60.0, 24.0))
    assert table["verdict"].to_dict() == {"delivery": "drives detractors",
                                          "price_value": "no evidence",
                                          "loyalty_programme": "drives promoters"}


def test_lift_interval_and_tests_match_scipy():
    coded, docs = lift_example()
    table = code_lift(coded, docs, ci=0.9)
    for row in table.itertuples():
        a, na, b, nb = (int(row.detractors_coded), row.n_detractors, int(row.promoters_coded),
                        row.n_promoters)
        result = relative_risk(a, na, b, nb)
        interval = result.confidence_interval(confidence_level=0.9)
        assert row.lift == pytest.approx(result.relative_risk)
        assert (row.lift_ci_low, row.lift_ci_high) == pytest.approx((interval.low, interval.high))
        contingency = [[a, na - a], [b, nb - b]]
        if row.test == "chi2":
            expected = stats.chi2_contingency(contingency, correction=False).pvalue
        else:
            expected = stats.fisher_exact(contingency).pvalue
        assert row.p_value == pytest.approx(expected, rel=1e-9)
    # price_value: 3 and 3 of 30, smallest expected count 30 * 6 / 60 = 3 < 5 -> Fisher
    assert table.set_index("code").loc["price_value", "test"] == "fisher"


def test_lift_when_no_promoter_carries_the_code():
    docs = pd.DataFrame({"doc_id": range(24), "nps": [2] * 12 + [9] * 12})
    coded = pd.DataFrame({"doc_id": range(5), "code": "returns_refunds"})
    row = code_lift(coded, docs).iloc[0]
    assert row["lift"] == np.inf and row["test"] == "fisher"
    assert row["p_value"] == pytest.approx(stats.fisher_exact([[5, 7], [0, 12]]).pvalue)
    # Hand, 0.5 added to both coded counts and 1 to both sizes for the interval:
    # lift (5.5/13) / (0.5/13) = 11, se sqrt(1/5.5 - 1/13 + 1/0.5 - 1/13)
    se = np.sqrt(1 / 5.5 - 1 / 13 + 1 / 0.5 - 1 / 13)
    assert row["lift_ci_low"] == pytest.approx(11 * np.exp(-Z95 * se))
    assert row["lift_ci_high"] == pytest.approx(11 * np.exp(Z95 * se))


def test_lift_adjusts_pvalues_over_all_codes_and_segments_like_statsmodels():
    coded, docs = lift_example()
    second = docs.assign(doc_id=docs["doc_id"] + 100)
    docs = pd.concat([docs.assign(segment="Gold"), second.assign(segment="Silver")],
                     ignore_index=True)
    # Silver: a weaker delivery pattern, so the six p-values all differ
    silver = coded.assign(doc_id=coded["doc_id"] + 100)
    silver = silver[~((silver["code"] == "delivery") & silver["doc_id"].between(109, 115))]
    coded = pd.concat([coded, silver], ignore_index=True)
    table = code_lift(coded, docs, by="segment")
    assert len(table) == 6 and table["segment"].tolist() == ["Gold"] * 3 + ["Silver"] * 3
    expected = multipletests(table["p_value"], method="fdr_bh")[1]   # statsmodels
    assert table["p_adjusted"].to_numpy() == pytest.approx(expected, rel=1e-12)
    # one family for the whole table, not one per segment
    per_segment = multipletests(table["p_value"][:3], method="fdr_bh")[1]
    assert not np.allclose(table["p_adjusted"][:3], per_segment)


def test_lift_withholds_small_segments_and_leaves_them_out_of_the_correction():
    coded, docs = lift_example()
    tiny = pd.DataFrame({"doc_id": range(201, 221), "nps": [1] * 9 + [10] * 11})
    docs = pd.concat([docs.assign(segment="Gold"), tiny.assign(segment="Staff")],
                     ignore_index=True)
    coded = pd.concat([coded, pd.DataFrame({"doc_id": [201, 202], "code": "delivery"})])
    table = code_lift(coded, docs, by="segment")
    staff = table[table["segment"] == "Staff"]
    assert staff["withheld"].all() and (staff["verdict"] == "withheld").all()
    assert staff["n_detractors"].tolist() == [9, 9, 9]                # sizes stay
    assert staff[["lift", "p_value", "p_adjusted", "share_detractors",
                  "mean_with"]].isna().all().all()
    assert staff["detractors_coded"].isna().all()
    gold = table[table["segment"] == "Gold"]
    expected = multipletests(gold["p_value"], method="fdr_bh")[1]      # statsmodels, 3 tests
    assert gold["p_adjusted"].to_numpy() == pytest.approx(expected)


def test_lift_small_effect_groups_and_parameters():
    coded, docs = lift_example()
    strict = code_lift(coded, docs, min_lift=6).set_index("code")
    assert strict.loc["delivery", "verdict"] == "small effect"  # lift 5 < 6, p tiny
    passives = code_lift(coded, docs, groups=("passive", "promoter"), min_n_privacy=5)
    assert {"n_passives", "share_passives", "passives_coded"} <= set(passives.columns)
    row = passives.set_index("code").loc["delivery"]
    assert row["share_passives"] == pytest.approx(0.2)   # hand: 2 of 10 passives
    with pytest.raises(ParameterError, match="parameter 'groups'"):
        code_lift(coded, docs, groups=("detractor", "detractor"))
    with pytest.raises(ParameterError, match="parameter 'alpha'"):
        code_lift(coded, docs, alpha=5)
    with pytest.raises(ParameterError, match="parameter 'min_lift'"):
        code_lift(coded, docs, min_lift=0.5)


def test_lift_rejects_scores_that_are_not_nps_answers():
    coded, docs = lift_example()
    words = docs.assign(nps=docs["nps"].map({3: "three", 10: "ten", 8: "eight"}))
    with pytest.raises(DataValidationError, match="column 'nps'.*must be numbers on the 0-10 "
                                                  "scale.*value 'three'"):
        code_lift(coded, words)
    with pytest.raises(DataValidationError, match="outside the 0-10 scale.*value 11"):
        code_lift(coded, docs.assign(nps=docs["nps"].replace(8, 11)))
    with pytest.raises(ParameterError, match="column 'score'.*use one of: 'doc_id', 'nps'"):
        code_lift(coded, docs, score="score")


# --------------------------------------------------------------------------
# sentiment_by_code
# --------------------------------------------------------------------------

def test_sentiment_by_code_matches_scipy_t_interval():
    rng = np.random.default_rng(5)
    compound = np.round(rng.uniform(-1, 1, 40), 4)
    compound[[3, 7]] = np.nan                                 # e.g. French: not scored
    scores = pd.DataFrame({"doc_id": range(40), "compound": compound})
    coded = pd.DataFrame({"doc_id": list(range(30)) + [50, 51] + list(range(20, 40)),
                          "code": ["delivery"] * 32 + ["price_value"] * 20})
    table = sentiment_by_code(coded, scores).set_index("code")
    assert list(table.reset_index().columns) == ["code", *SENTIMENT_BY_CODE_COLUMNS]
    delivery = table.loc["delivery"]
    x = compound[:30][~np.isnan(compound[:30])]
    # 32 coded: 30 with a row in scores, 2 (docs 50, 51) without; 2 of the 30 unscored
    assert (delivery["n_coded"], delivery["n_scored"]) == (32, 28)
    assert delivery["mean"] == pytest.approx(x.mean())
    low, high = stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=stats.sem(x))  # scipy
    assert (delivery["ci_low"], delivery["ci_high"]) == pytest.approx((low, high))
    assert delivery["share_negative"] == pytest.approx(np.mean(x <= -0.05))
    assert delivery["share_positive"] == pytest.approx(np.mean(x >= 0.05))


def test_sentiment_by_code_ids_from_the_index_withholding_and_errors():
    scores = pd.DataFrame({"compound": [0.5] * 9 + [-0.5] * 12},
                          index=pd.Index(range(21), name="doc_id"))
    coded = pd.DataFrame({"doc_id": list(range(9)) + list(range(9, 21)),
                          "code": ["parking"] * 9 + ["delivery"] * 12})
    table = sentiment_by_code(coded, scores).set_index("code")
    assert table.loc["parking", "withheld"] and np.isnan(table.loc["parking", "mean"])
    assert table.loc["delivery", "mean"] == pytest.approx(-0.5)
    with pytest.raises(DataValidationError, match="column 'compound'.*must be numbers"):
        sentiment_by_code(coded, scores.assign(compound="positive"))
    with pytest.raises(ParameterError, match="sentiment_scores.*'compound'"):
        sentiment_by_code(coded, scores.reset_index(drop=True))


# --------------------------------------------------------------------------
# select_quotes
# --------------------------------------------------------------------------

PII_VALUES = ["jane.doe@example.com", "+44 20 7946 0958", "7946", "0958", "example.com"]


def quote_docs():
    long = ("The delivery driver left the sofa outside in the rain and when I phoned the "
            "depot on +44 20 7946 0958 to complain they said someone would come back but "
            "nobody ever did and I waited at home for three whole days for nothing at all.")
    docs = pd.DataFrame({"doc_id": [1, 2, 3, 4, 5, 6], "nps": [2, 10, 4, 9, 3, 8], "text": [
        "Delivery was late, call me on +44 20 7946 0958 or mail jane.doe@example.com today.",
        "Great shop. Delivery was quick and the driver was friendly.",
        long,
        "Lovely staff. Mail jane.doe@example.com if you want a reference. Delivery fine.",
        "delivery late",
        "Everything arrived.",
    ]})
    coded = pd.DataFrame({"doc_id": [1, 2, 3, 4, 5, 6], "code": "delivery",
                          "span": ["Delivery", "Delivery", "delivery", "Delivery", "delivery",
                                   None]})
    return coded, docs


def test_every_quote_is_redacted():
    coded, docs = quote_docs()
    for span in (True, False):  # with the matched span, and whole texts without it
        table = select_quotes(coded if span else coded.drop(columns="span"), docs, n=6,
                              max_chars=80)
        assert len(table) == 6
        for quote in table["quote"]:
            for value in PII_VALUES:
                assert value not in quote, (value, quote)
            assert not re.search(r"\d{3,}", quote), quote
        assert find_pii(table["quote"]).empty
        redacted = table.set_index("doc_id")["redacted"]
        assert redacted[1]           # its phone number and e-mail are in the quoted sentence
        assert not redacted[2]
    quoted = select_quotes(coded, docs, n=6).set_index("doc_id")["quote"]
    assert quoted[1] == "Delivery was late, call me on [phone] or mail [email] today."


def test_quotes_are_the_sentence_with_the_span_and_cut_at_words():
    coded, docs = quote_docs()
    table = select_quotes(coded, docs, n=6, max_chars=90).set_index("doc_id")
    # doc 2: the second sentence holds "Delivery"; the first is left out
    assert table.loc[2, "quote"] == "Delivery was quick and the driver was friendly."
    # doc 4: the last sentence is the one with the span (the e-mail is in another one)
    assert table.loc[4, "quote"] == "Delivery fine."
    assert not table.loc[4, "redacted"]
    # doc 3: longer than 90 characters, cut at word edges around the span, the phone number
    # (crossing the cut) left out whole rather than split
    # (the number sits at characters 85-101; the cut at a word edge would fall at 88, inside it)
    assert table.loc[3, "quote"] == ("The delivery driver left the sofa outside in the rain and "
                                     "when I phoned the depot on…")
    assert table.loc[3, "truncated"] and not table.loc[3, "redacted"]
    # rank: complete sentences of 20+ characters that fit first (1, 2), then the complete but
    # short one (4: 14 characters), then the rest; the one that does not fit (3) last
    order = table.sort_values("rank").index.tolist()
    assert set(order[:2]) == {1, 2} and order[2] == 4 and order[-1] == 3


@pytest.mark.parametrize("max_chars", range(40, 240, 3))
def test_no_cut_leaves_part_of_a_phone_number(max_chars):
    coded, docs = quote_docs()
    table = select_quotes(coded[coded["doc_id"] == 3], docs, max_chars=max_chars)
    quote = table["quote"].iloc[0]
    assert len(quote) <= max_chars + 2                      # the two "…" at most
    assert not re.search(r"\+|\d", quote), quote          # not even "+44" or "20"
    assert table["redacted"].iloc[0] == ("[phone]" in quote)


def test_sample_planted_pii_never_reaches_a_quote():
    verbatims = pd.read_parquet(config.SAMPLE_DIR / "verbatims.parquet", columns=["doc_id", "text"])
    planted = pd.read_parquet(config.TRUTH_DIR / "pii.parquet")
    docs = verbatims[verbatims["doc_id"].isin(planted["doc_id"])]
    coded = pd.DataFrame({"doc_id": docs["doc_id"], "code": "any"})
    for max_chars in (40, 200):
        quotes = "\n".join(select_quotes(coded, docs, n=len(docs), max_chars=max_chars)["quote"])
        squeezed = re.sub(r"\s", "", quotes)
        for value in planted["value"]:
            assert value not in quotes
            assert re.sub(r"\s", "", value)[-6:] not in squeezed, value  # no tail of a number


def test_quotes_mix_detractors_and_promoters_and_are_reproducible():
    rng = np.random.default_rng(0)
    n = 40
    docs = pd.DataFrame({"doc_id": range(n), "nps": rng.integers(0, 11, n),
                         "text": [f"The delivery number {chr(65 + i % 26)}{i} was fine really."
                                  for i in range(n)]})
    coded = pd.DataFrame({"doc_id": range(n), "code": "delivery", "span": "delivery"})
    first = select_quotes(coded, docs, n=3, seed=7, by_score="nps")
    assert list(first.columns) == ["code", "rank", "doc_id", "quote", "nps", "category",
                                   "truncated", "redacted"]
    assert first["category"].tolist()[:2] == ["detractor", "promoter"]
    assert first["doc_id"].is_unique
    assert first.equals(select_quotes(coded, docs, n=3, seed=7, by_score="nps"))
    assert not first["doc_id"].equals(select_quotes(coded, docs, n=3, seed=8,
                                                    by_score="nps")["doc_id"])
    # identical texts are quoted once
    same = docs.assign(text="The delivery was fine.")
    assert len(select_quotes(coded, same, n=3)) == 1


def test_quote_errors():
    coded, docs = quote_docs()
    with pytest.raises(ParameterError, match="column 'comment'.*use one of: 'doc_id', 'nps', "
                                             "'text'"):
        select_quotes(coded, docs, text="comment")
    with pytest.raises(ParameterError, match="parameter 'n'"):
        select_quotes(coded, docs, n=0)
    with pytest.raises(ParameterError, match="parameter 'max_chars'"):
        select_quotes(coded, docs, max_chars=10)
    with pytest.raises(DataValidationError, match="column 'text'.*must be text"):
        select_quotes(coded, docs.assign(text=1.5))


# --------------------------------------------------------------------------
# charts
# --------------------------------------------------------------------------

def test_plot_code_frequencies_draws_one_bar_per_shown_row(ax):
    coded, docs = segments()
    docs = pd.concat([docs, pd.DataFrame({"doc_id": [21, 22], "segment": "Staff"})])
    table = code_frequencies(coded, docs, by="segment")
    result = plot_code_frequencies(table, hue="segment", ax=ax)
    assert result is ax
    assert len(ax.patches) == 4          # Bronze and Gold x 2 codes; Staff (2 docs) withheld
    assert sorted(round(p.get_width()) for p in ax.patches) == [10, 10, 10, 40]
    assert [t.get_text() for t in ax.texts] == ["withheld", "withheld"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["price_value", "delivery"]
    assert ax.get_xlabel() == "% of verbatims mentioning the theme"
    with pytest.raises(ParameterError, match="the same label is on several rows"):
        plot_code_frequencies(table, ax=ax)


def test_plot_code_frequencies_uses_codebook_labels(ax):
    docs = pd.DataFrame({"doc_id": range(1, 13)})
    coded = pd.DataFrame({"doc_id": [1, 2, 3], "code": ["delivery", "returns_refunds",
                                                        "price_value"]})
    table = code_frequencies(coded, docs, codebook=mini_codebook())
    plot_code_frequencies(table.query("level == 1"), ax=ax)
    assert len(ax.patches) == 2
    assert {t.get_text() for t in ax.get_yticklabels()} == {"Delivery", "Returns"}


def test_plot_cooccurrence_draws_the_lower_triangle(ax):
    coded, docs = cooccurring()
    result = plot_cooccurrence(code_cooccurrence(coded, measure="jaccard"), ax=ax)
    assert result is ax
    assert int(ax.collections[0].get_array().count()) == 3   # 3 codes: 3 pairs below the diagonal
    assert "Jaccard" in ax.figure.axes[-1].get_ylabel()      # the colour bar
    with pytest.raises(ParameterError, match="square matrix"):
        plot_cooccurrence(code_cooccurrence(coded, form="long"), ax=ax)


def test_plot_code_lift_points_colours_and_log_axis(ax):
    coded, docs = lift_example()
    table = code_lift(coded, docs)
    result = plot_code_lift(table, ax=ax)
    assert result is ax
    assert ax.get_xscale() == "log"
    points = {c.get_label(): len(c.lines[0].get_xdata()) for c in ax.containers}
    assert points == {"drives detractors": 1, "no evidence": 1, "drives promoters": 1}
    colours = {c.get_label(): to_hex(c.lines[0].get_color()) for c in ax.containers}
    assert colours["drives detractors"] == DETRACTOR_COLOR
    assert colours["drives promoters"] == PROMOTER_COLOR
    assert any(line.get_xdata()[0] == 1.0 for line in ax.lines)   # the line at lift 1
    # bottom to top: lowest lift (loyalty 1/15 / ...) to highest (delivery 5)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["loyalty_programme", "price_value",
                                                            "delivery"]


def test_plot_code_lift_withheld_and_not_estimable_rows(ax):
    table = pd.DataFrame({"code": ["a", "b", "c"], "lift": [2.0, np.inf, np.nan],
                          "lift_ci_low": [1.5, 3.0, np.nan], "lift_ci_high": [2.5, 40.0, np.nan],
                          "verdict": ["drives detractors", "drives detractors", "withheld"],
                          "withheld": [False, False, True]})
    plot_code_lift(table, ax=ax)
    assert sum(len(c.lines[0].get_xdata()) for c in ax.containers) == 1
    assert sorted(t.get_text() for t in ax.texts) == ["not estimable", "withheld"]


# --------------------------------------------------------------------------
# the bundled sample, with the planted truth as the coding
# --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_lift():
    verbatims = pd.read_parquet(config.SAMPLE_DIR / "verbatims.parquet",
                                columns=["doc_id", "source", "response_id"])
    responses = pd.read_parquet(config.SAMPLE_DIR / "responses.parquet",
                                columns=["response_id", "nps", "segment"])
    mentions = pd.read_parquet(config.TRUTH_DIR / "mentions.parquet", columns=["doc_id", "theme"])
    docs = (verbatims[verbatims["source"] == "survey"]
            .merge(responses, on="response_id", how="inner", validate="one_to_one"))
    coded = mentions.rename(columns={"theme": "code"})
    coded = coded[coded["doc_id"].isin(docs["doc_id"])]  # reviews, complaints: no NPS answer
    with warnings.catch_warnings():
        warnings.simplefilter("error", CXResearchWarning)
        return code_lift(coded, docs).set_index("code")


def test_sample_planted_detractor_themes_are_found(sample_lift):
    truth = json.loads((config.TRUTH_DIR / "truth.json").read_text(encoding="utf-8"))["themes"]
    assert set(truth["detractor_themes"]) == {"delivery", "wait_time", "returns_refunds",
                                              "staff_attitude"}
    for theme in truth["detractor_themes"]:
        row = sample_lift.loc[theme]
        assert row["verdict"] == "drives detractors", (theme, row["lift"], row["p_adjusted"])
        assert row["lift_ci_low"] > 1.25, theme   # measured 1.61 (staff) to 3.00 (returns)
    null = sample_lift.loc[truth["no_effect_theme"]]
    assert null["verdict"] != "drives detractors", null["lift"]
    assert null["lift"] < 1.0                     # measured 0.83: no excess among detractors
    assert sample_lift["reliable"].all() and not sample_lift["withheld"].any()
