"""The command line: thin, helpful, and never a traceback for a user's mistake."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cxresearch import cli
from cxresearch.exceptions import DataFileError


def test_demo_prints_the_headline_metrics(capsys):
    assert cli.main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "Headline metrics" in out
    for metric in ("NPS", "CSAT", "CES", "churn rate", "revenue per active customer"):
        assert metric in out


def test_no_command_shows_help_and_fails(capsys):
    assert cli.main([]) == 2
    assert "demo" in capsys.readouterr().out


def test_a_users_error_is_one_line_without_traceback(monkeypatch, capsys):
    def broken(name):
        raise DataFileError("file not found", file="data/sample/responses.parquet",
                            fix="run python -m cxresearch.sample")

    monkeypatch.setattr("cxresearch.datasets.read_dataset", broken)
    assert cli.main(["demo"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "responses.parquet" in err and "Traceback" not in err


def test_the_installed_console_script_runs():
    script = Path(sys.executable).parent / "cxresearch"
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("cxresearch ")
