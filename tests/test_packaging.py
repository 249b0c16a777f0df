"""The project installs as the README says: dependencies agree, the kernel is registered."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _split(requirement: str) -> tuple[str, str]:
    name, spec = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = _pyproject()["project"]
    wanted = dict(_split(r) for r in project["dependencies"] + project["optional-dependencies"]["test"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = dict(_split(d) for d in env["dependencies"] if isinstance(d, str) and not d.startswith(("python", "pip")))
    assert conda == wanted, (
        f"only in environment.yml: {sorted(set(conda.items()) - set(wanted.items()))}; "
        f"only in pyproject.toml: {sorted(set(wanted.items()) - set(conda.items()))}")
    assert "conda-forge" in env["channels"]
    assert "python=3.11" in env["dependencies"]


def test_every_dependency_is_pinned_in_the_constraints_file():
    project = _pyproject()["project"]
    pins = dict(_split(line) for line in (ROOT / "requirements" / "constraints.txt").read_text().splitlines()
                if line.strip() and not line.startswith("#"))
    for requirement in project["dependencies"] + project["optional-dependencies"]["test"]:
        name, _ = _split(requirement)
        assert name in pins, f"{name} is a dependency but has no pin in requirements/constraints.txt"


def test_the_cxresearch_command_is_declared():
    assert _pyproject()["project"]["scripts"]["cxresearch"] == "cxresearch.cli:main"


def test_the_notebook_kernel_is_registered_inside_this_environment():
    from jupyter_client.kernelspec import KernelSpecManager

    from cxresearch import config

    specs = KernelSpecManager().find_kernel_specs()
    assert config.KERNEL_NAME in specs, "run `python3 bootstrap.py setup` to register the kernel"
    assert Path(specs[config.KERNEL_NAME]).resolve().is_relative_to(Path(sys.prefix).resolve()), \
        "the kernel must be registered with --sys-prefix, inside the project environment"


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^(python3 bootstrap\.py \w+.*)$", readme, flags=re.M)
    test_command = [c for c in commands if " test" in c]
    assert test_command, "the README must show the test command"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command[0].strip() in ci


def test_top_level_layout_matches_the_design():
    for name in ["cxresearch", "notebooks", "data", "reports", "tests", "bench", "environment.yml",
                 "pyproject.toml", "README.md"]:
        assert (ROOT / name).exists(), name
