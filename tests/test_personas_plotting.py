"""The persona charts of cxresearch.plotting: sizes, trait heatmap, 2-D map, NPS by persona, the choice of k.

Each draws what its table holds, never a withheld persona's values, and returns the axes it drew on.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from cxresearch import plotting
from cxresearch.exceptions import ParameterError

pytestmark = pytest.mark.usefixtures("no_leaked_figures")


@pytest.fixture
def overview():
    return pd.DataFrame({
        "persona": [0, 1, 2], "name": ["Bargain hunters", "Loyal fans", "Tiny group"],
        "share": [0.55, 0.44, 0.01], "share_ci_low": [0.5, 0.4, np.nan], "share_ci_high": [0.6, 0.48, np.nan],
        "nps": [4.0, 47.0, 99.0], "nps_ci_low": [1.0, 44.0, 90.0], "nps_ci_high": [7.0, 50.0, 100.0],
        "withheld": [False, False, True]})


def test_sizes_draw_one_bar_per_shown_persona_with_its_share(ax, overview):
    plotting.plot_persona_sizes(overview, ax=ax)
    widths = sorted(round(p.get_width(), 1) for p in ax.patches)
    assert widths == [44.0, 55.0]
    texts = [t.get_text() for t in ax.texts]
    assert "55.0%" in texts and any("withheld" in t for t in texts) and "1.0%" not in texts
    ticks = {t.get_text(): y for t, y in zip(ax.get_yticklabels(), ax.get_yticks())}
    assert ticks["Bargain hunters"] > ticks["Loyal fans"] > ticks["Tiny group"]  # largest on top
    with pytest.raises(ParameterError, match="no such column"):
        plotting.plot_persona_sizes(overview.drop(columns="share"), ax=ax)


def test_nps_by_persona_withholds_small_personas_and_draws_the_overall_line(ax, overview):
    plotting.plot_persona_nps(overview, overall=22.0, ax=ax)
    drawn = sorted(float(container.lines[0].get_xdata()[0]) for container in ax.containers)
    assert drawn == [4.0, 47.0]  # the withheld persona's 99 is not drawn
    assert any(t.get_text() == "withheld" for t in ax.texts)
    assert ax.get_legend().get_texts()[0].get_text() == "all customers 22"


def test_trait_heatmap_is_centred_on_zero(ax):
    means = pd.DataFrame({"A": [1.2, -0.3, 0.0], "B": [-0.9, 0.8, 2.5]},
                         index=["need low price", "desire recognition", "channel: online"])
    plotting.plot_persona_traits(means, ax=ax)
    mesh = ax.collections[0]
    assert mesh.get_array().count() == 6
    assert mesh.norm.vmin == -1.5 and mesh.norm.vmax == 1.5
    assert [t.get_text() for t in ax.get_xticklabels()] == ["A", "B"]
    with pytest.raises(ParameterError):
        plotting.plot_persona_traits(pd.DataFrame(), ax=ax)


def test_map_colours_each_persona_and_names_them(ax):
    points = pd.DataFrame({"dim1": np.r_[np.zeros(5), np.ones(5)], "dim2": np.arange(10.0),
                           "persona": [0] * 5 + [1] * 5})
    points.attrs["explained"] = [0.3, 0.1]
    plotting.plot_persona_map(points, names={0: "Bargain hunters"}, ax=ax)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Bargain hunters", "Persona 2"]
    assert "30%" in ax.get_xlabel()
    assert sum(len(c.get_offsets()) for c in ax.collections) == 10


def test_selection_chart_marks_the_chosen_number(ax):
    selection = pd.DataFrame({"k": [1, 2, 3, 4], "bic": [100.0, 90.0, 80.0, 79.0],
                              "stability": [np.nan, 0.96, 0.97, 0.6], "stability_low": [np.nan, 0.9, 0.95, 0.4],
                              "stability_high": [np.nan, 0.99, 0.98, 0.8],
                              "weakest_persona": [np.nan, 0.95, 0.96, 0.3], "chosen": [False, False, True, False]})
    plotting.plot_persona_selection(selection, min_stability=0.8, ax=ax)
    chosen = [line for line in ax.get_lines() if line.get_label() == "chosen"]
    assert len(chosen) == 1 and chosen[0].get_xdata().tolist() == [3]
    assert ax.right_ax.get_lines()[0].get_ydata().tolist() == [-10.0, -20.0, -21.0]  # BIC minus one group
    assert [int(t) for t in ax.get_xticks()] == [2, 3, 4]
    plt.close(ax.right_ax.figure)
