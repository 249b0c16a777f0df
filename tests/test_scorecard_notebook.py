"""The CX scorecard notebook, end to end: executed by papermill on the project's kernel.

Two runs (about 5-10 s each): the defaults on the bundled sample, and March 2025,
the month of the planted shock (truth.json: a delivery partner failed in Poland,
attr_delivery fell by 1.5 SD for delivery answers there). The static checks
(thin notebook, no outputs committed) need no kernel.
"""

from __future__ import annotations

import ast
import csv

import nbformat
import pandas as pd
import pytest

import cxresearch as cx
from cxresearch import config
from cxresearch.reporting import RUN_DIR_VARIABLE, read_results

NOTEBOOK = config.NOTEBOOKS_DIR / "00-cx-scorecard.ipynb"
KPI_NAMES = ("nps", "csat_top2", "ces_mean", "churn_rate", "revenue_per_customer",
             "repeat_purchase_rate")


def execute(tmp_path, monkeypatch, name, **parameters):
    """Run the notebook into tmp_path with its own run folder; return the folder."""
    papermill = pytest.importorskip("papermill")
    run_dir = tmp_path / name
    run_dir.mkdir()
    # the kernel inherits os.environ; monkeypatch restores it after the test
    monkeypatch.setenv(RUN_DIR_VARIABLE, str(run_dir))
    papermill.execute_notebook(str(NOTEBOOK), str(tmp_path / f"{name}.ipynb"),
                               parameters=parameters, kernel_name=config.KERNEL_NAME,
                               cwd=str(config.PROJECT_ROOT), progress_bar=False)
    return run_dir


def table(run_dir, name):
    with open(run_dir / "tables" / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return pd.DataFrame(list(csv.DictReader(handle)))


@pytest.mark.notebook
def test_defaults_record_every_kpi(tmp_path, monkeypatch):
    run_dir = execute(tmp_path, monkeypatch, "defaults")
    results = read_results(run_dir)
    for name in KPI_NAMES:
        entry = results[name]
        assert isinstance(entry["value"], float), name
        for field in ("unit", "label", "ci_low", "ci_high", "n", "target", "status"):
            assert field in entry, (name, field)
        assert entry["ci_low"] <= entry["value"] <= entry["ci_high"]
        assert entry["status"] in ("on target", "close", "off target")
    assert results["churn_rate"]["unit"] == "share" and results["revenue_per_customer"]["unit"] == "EUR"

    # the recorded NPS is cx.nps on the reporting period's answers, computed here directly
    period = pd.Period(results["period"]["value"])
    responses = cx.read_dataset("responses")
    answers = responses[responses["date"].dt.to_period(period.freqstr[0]) == period]
    direct = cx.nps(answers).iloc[0]
    assert results["nps"]["value"] == pytest.approx(direct["nps"], abs=1e-9)
    assert results["nps"]["n"] == direct["n"]
    assert period == cx.kpis.latest_complete_period(responses["date"], "Q")
    assert results["top_mover"]["value"]

    content = (run_dir / "results.json").read_text(encoding="utf-8")
    for name in ("scorecard", "nps_trend", "league_regions", "league_stores", "movers",
                 "attribute_changes"):
        assert (run_dir / "tables" / f"{name}.csv").exists() and f'"{name}"' in content
    for name in ("nps_trend", "league_regions", "top_movers", "nps_bridge"):
        assert (run_dir / "figures" / f"{name}.png").exists()
        assert (run_dir / "figures" / f"{name}.alt.txt").read_text(encoding="utf-8").strip()
    # withheld stores: their answers count is shown, their NPS never
    stores = table(run_dir, "league_stores")
    hidden = stores[stores["withheld"] == "True"]
    assert len(hidden) > 0
    assert (hidden[["nps", "ci_low", "ci_high", "difference", "p_value"]] == "").all().all()


@pytest.mark.notebook
def test_march_2025_names_the_planted_shock(tmp_path, monkeypatch):
    run_dir = execute(tmp_path, monkeypatch, "march", period="2025-03", freq="M")
    results = read_results(run_dir)
    assert results["period"]["value"] == "2025-03"
    movers = table(run_dir, "movers")
    first = movers[movers["rank"] == "1"].set_index("dimension")["group"]
    assert first["region"] == "Poland"
    assert first["touchpoint"] == "Delivery" or first["region × touchpoint"] == "Poland × Delivery"
    assert results["top_mover"]["value"] in ("Poland", "Delivery", "Poland × Delivery")
    attributes = table(run_dir, "attribute_changes")
    assert attributes["attribute"].iat[0] == "attr_delivery"
    assert results["top_mover_attribute"]["value"] == "attr_delivery"


def test_notebook_is_thin_and_committed_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert notebook.metadata["kernelspec"]["name"] == config.KERNEL_NAME
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for cell in code:
        assert not cell.get("outputs") and cell.get("execution_count") is None
        assert "def " not in cell.source and "class " not in cell.source
        tree = ast.parse(cell.source)
        assert not any(isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Lambda))
                       for node in ast.walk(tree))
    tagged = [cell for cell in code if "parameters" in cell.metadata.get("tags", [])]
    assert len(tagged) == 1
    # every parameter has a trailing comment saying what it is
    lines = tagged[0].source.splitlines()
    assigned = [line for line in lines if line and not line.startswith((" ", "}", "#"))]
    assert assigned and all("  # " in line for line in assigned)
    # papermill reads a parameter only from a line holding a single "=" (none in the comment)
    assert all(line.count("=") == 1 for line in assigned)
    from papermill.translators import PythonTranslator
    inspected = {p.name for p in PythonTranslator.inspect(tagged[0])}
    names = {(node.targets[0] if isinstance(node, ast.Assign) else node.target).id
             for node in ast.parse(tagged[0].source).body}
    assert {"responses_path", "customer_months_path", "units_path", "mapping", "period", "freq",
            "kpi_targets", "min_n_privacy", "min_n_reliable", "currency"} <= names
    assert inspected == names
