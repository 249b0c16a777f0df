"""Tests of cxresearch.plotting: what is drawn, what is returned, what is saved."""

import matplotlib

matplotlib.use("Agg")

import doctest  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from cxresearch import plotting  # noqa: E402
from cxresearch.exceptions import ParameterError  # noqa: E402
from cxresearch.metrics import trend  # noqa: E402
from cxresearch.plotting import (DETRACTOR_COLOR, PASSIVE_COLOR, PROMOTER_COLOR,  # noqa: E402
                                 plot_metric_trend, plot_nps_distribution, save_figure,
                                 set_theme)


pytestmark = pytest.mark.usefixtures("no_leaked_figures")  # fixture in conftest.py


def stores():
    """Store A: 6 promoters, 2 passives, 2 detractors (NPS +40); B: 2/3/5 (NPS -30);
    C: 9 answers (withheld)."""
    scores = [10] * 6 + [8] * 2 + [3] * 2 + [9] * 2 + [7] * 3 + [0] * 5 + [9] * 9
    return pd.DataFrame({"store": ["A"] * 10 + ["B"] * 10 + ["C"] * 9, "nps": scores})


def test_distribution_by_group_draws_three_bars_per_group(ax):
    result = plot_nps_distribution(stores(), by="store", ax=ax)
    assert result is ax
    assert len(ax.patches) == 3 * 3
    widths = np.array([p.get_width() for p in ax.patches]).reshape(3, 3)  # category x group
    # groups are drawn bottom-up: C (withheld), B, A. Hand shares in %:
    assert widths[:, 2].tolist() == pytest.approx([20, 20, 60])   # A: det, pas, pro
    assert widths[:, 1].tolist() == pytest.approx([50, 30, 20])   # B
    assert widths[:, 0].tolist() == [0, 0, 0]                     # C: withheld, no values
    colours = {to_hex(p.get_facecolor()) for p in ax.patches}
    assert colours == {DETRACTOR_COLOR, PASSIVE_COLOR, PROMOTER_COLOR}
    texts = [t.get_text() for t in ax.texts]
    assert "NPS +40" in texts and "NPS -30" in texts
    assert any(t.startswith("withheld") for t in texts)
    assert not any("NPS" in t and "C" in t for t in texts)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["C (n=9)", "B (n=10)", "A (n=10)"]


def test_distribution_order_and_unknown_group(ax):
    plot_nps_distribution(stores(), by="store", order=["B", "A"], ax=ax)
    assert len(ax.patches) == 3 * 2
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A (n=10)", "B (n=10)"]
    with pytest.raises(ParameterError, match="order"):
        plot_nps_distribution(stores(), by="store", order=["Z"], ax=ax)


def test_distribution_histogram_without_groups(ax):
    data = stores().iloc[:20]
    result = plot_nps_distribution(data, ax=ax)
    assert result is ax
    assert len(ax.patches) == 11
    heights = [p.get_height() for p in ax.patches]
    # Hand: 20 answers; score 10 six times = 30%, score 0 five times = 25%.
    assert heights[10] == pytest.approx(30) and heights[0] == pytest.approx(25)
    assert sum(heights) == pytest.approx(100)
    assert to_hex(ax.patches[6].get_facecolor()) == DETRACTOR_COLOR
    assert to_hex(ax.patches[7].get_facecolor()) == PASSIVE_COLOR
    assert to_hex(ax.patches[9].get_facecolor()) == PROMOTER_COLOR
    # Hand: 8 promoters, 7 detractors of 20 -> NPS +5.
    assert any(t.get_text().startswith("NPS +5") for t in ax.texts)


def test_distribution_histogram_withheld_when_too_few(ax):
    plot_nps_distribution(stores().iloc[:9], ax=ax)
    assert len(ax.patches) == 0
    assert any("withheld" in t.get_text() for t in ax.texts)


def test_distribution_uses_current_axes_when_none():
    fig = plt.figure()
    ax = plot_nps_distribution(stores(), by="store")
    assert ax.figure is fig
    plt.close(fig)


def monthly_table():
    dates = np.repeat(pd.date_range("2025-01-15", periods=4, freq="MS"), 24)
    scores = np.tile([10] * 10 + [8] * 8 + [2] * 6, 4)
    return pd.DataFrame({"date": dates, "nps": scores,
                         "store": np.tile(["A"] * 12 + ["B"] * 12, 4)})


def test_trend_line_band_and_target(ax):
    table = trend(monthly_table(), min_n_privacy=0)
    result = plot_metric_trend(table, target=25, ax=ax)
    assert result is ax
    assert len(ax.lines) == 2          # the metric and the target
    assert len(ax.collections) == 1    # one CI band
    line = ax.lines[0]
    assert line.get_ydata().tolist() == pytest.approx(table["nps"].tolist())
    assert ax.lines[1].get_linestyle() == "--"
    assert ax.lines[1].get_ydata()[0] == 25
    assert [t.get_text() for t in ax.get_xticklabels()] == table["period"].tolist()


def test_trend_one_line_per_hue_and_no_band(ax):
    table = trend(monthly_table(), by="store", min_n_privacy=0)
    plot_metric_trend(table, hue="store", ax=ax)
    assert len(ax.lines) == 2 and len(ax.collections) == 2
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A", "B"]
    fig, other = plt.subplots()
    plot_metric_trend(table, hue="store", ci=None, ax=other)
    assert len(other.lines) == 2 and len(other.collections) == 0
    plt.close(fig)


def test_trend_bad_arguments(ax):
    table = trend(monthly_table(), min_n_privacy=0)
    with pytest.raises(ParameterError, match="'csat'"):
        plot_metric_trend(table, y="csat", ax=ax)
    with pytest.raises(ParameterError):
        plot_metric_trend(table, ci="ci_low", ax=ax)
    with pytest.raises(ParameterError):
        plot_metric_trend(table, target="high", ax=ax)


def test_save_figure_png_and_alt_text(tmp_path, ax):
    plot_nps_distribution(stores(), by="store", ax=ax)
    out = save_figure(ax, tmp_path / "charts" / "nps_by_store.png",
                      alt="NPS by store: A +40, B -30, C withheld.")
    assert out == tmp_path / "charts" / "nps_by_store.png"
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    alt = tmp_path / "charts" / "nps_by_store.alt.txt"
    assert alt.read_text(encoding="utf-8") == "NPS by store: A +40, B -30, C withheld.\n"
    assert save_figure(ax.figure, tmp_path / "again", alt="x").suffix == ".png"


def test_save_figure_dpi(tmp_path):
    fig, ax = plt.subplots(figsize=(2, 1))
    path = save_figure(fig, tmp_path / "small.png", alt="An empty chart.")
    plt.close(fig)
    # PNG spec: the pHYs chunk holds pixels per metre; 150 dpi = 150 / 0.0254 = 5905.5.
    data = path.read_bytes()
    at = data.index(b"pHYs") + 4
    assert int.from_bytes(data[at:at + 4], "big") == round(150 / 0.0254)


def test_save_figure_errors(tmp_path, ax):
    with pytest.raises(ParameterError, match="alt"):
        save_figure(ax, tmp_path / "a.png", alt="  ")
    with pytest.raises(ParameterError, match="PNG"):
        save_figure(ax, tmp_path / "a.pdf", alt="A chart.")
    with pytest.raises(ParameterError):
        save_figure("not a figure", tmp_path / "a.png", alt="A chart.")


def test_set_theme_applies_report_look():
    set_theme()
    assert matplotlib.rcParams["axes.spines.top"] is False
    assert matplotlib.rcParams["savefig.dpi"] == 150


def test_docstring_examples_run():
    result = doctest.testmod(plotting)
    assert result.attempted > 0 and result.failed == 0
