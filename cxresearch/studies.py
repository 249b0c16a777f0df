"""The studies (``notebooks/NN-name.ipynb``), their parameters, and checking values given for them.

A study is addressed by its file stem (``00-cx-scorecard``) or by its name
without the number (``cx-scorecard``). Its parameters are the assignments in
the cell tagged ``parameters``: the default's literal value gives the type
(an annotation such as ``n: int = 3`` wins), and the comment after the
assignment is its help. :func:`prepare_parameters` checks names and types and
converts values *before* any kernel starts, then resolves relative periods and
fills path templates (``cxresearch.periods``), so a mistake costs a second and
one line, not a kernel start and a traceback.

What it is not for: executing notebooks (``cxresearch.runner``).
"""

from __future__ import annotations

import ast
import io
import json
import re
import tokenize
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml

from . import config
from .exceptions import ParameterError
from .periods import fill_template, parse_as_of, resolve_period

__all__ = ["Parameter", "Study", "find_studies", "find_study", "read_study", "prepare_parameters",
           "PreparedParameters", "coerce_value"]

_STUDY_FILE = re.compile(r"^(?P<number>\d+)-(?P<name>[A-Za-z0-9][A-Za-z0-9_\-]*)\.ipynb$")
_TYPES = ("int", "float", "bool", "str", "list", "dict", "any")
_WORDS = {"int": "a whole number", "float": "a number", "bool": "true or false", "str": "text",
          "list": "a list, e.g. [a, b]", "dict": "a mapping, e.g. {nps: 30}", "any": "any value"}
_TRUE = {"true", "yes", "1", "on", "y"}
_FALSE = {"false", "no", "0", "off", "n"}
_NULL = {"null", "None", "~"}
_NO_DEFAULT = object()


@dataclass(frozen=True)
class Parameter:
    """One parameter of a study: its name, type, default and help."""

    name: str
    type: str                       # int, float, bool, str, list, dict or any
    default: object = _NO_DEFAULT   # the literal default; _NO_DEFAULT when it is an expression
    default_text: str = ""          # the default as written in the notebook
    help: str = ""

    @property
    def has_literal_default(self) -> bool:
        return self.default is not _NO_DEFAULT

    def describe(self) -> str:
        """``name (type)``, as the one-line errors list it."""
        return f"{self.name} ({self.type})"


@dataclass(frozen=True)
class Study:
    """A study notebook: where it is, what it is called, what it takes."""

    name: str                       # the file stem, e.g. "00-cx-scorecard"
    path: Path
    parameters: dict = field(default_factory=dict)   # name -> Parameter, in notebook order
    title: str = ""

    @property
    def short_name(self) -> str:
        """The name without its number, e.g. ``cx-scorecard``."""
        match = _STUDY_FILE.match(self.path.name)
        return match["name"] if match else self.name

    def valid_parameters(self) -> str:
        return ", ".join(p.describe() for p in self.parameters.values()) or "none"


def _notebooks_dir(notebooks_dir) -> Path:
    return Path(notebooks_dir) if notebooks_dir is not None else config.NOTEBOOKS_DIR


def find_studies(notebooks_dir=None) -> list[Study]:
    """Every study notebook in ``notebooks_dir`` (default ``notebooks/``), in file-name order."""
    folder = _notebooks_dir(notebooks_dir)
    if not folder.is_dir():
        return []
    return [read_study(path) for path in sorted(folder.glob("*.ipynb")) if _STUDY_FILE.match(path.name)]


def find_study(name, notebooks_dir=None) -> Study:
    """The study called ``name`` (file stem, or the name without its number)."""
    folder = _notebooks_dir(notebooks_dir)
    name = str(name)
    if name.endswith(".ipynb"):
        name = Path(name).stem
    paths = [p for p in sorted(folder.glob("*.ipynb")) if _STUDY_FILE.match(p.name)] if folder.is_dir() else []
    exact = [p for p in paths if p.stem == name]
    short = [p for p in paths if _STUDY_FILE.match(p.name)["name"] == name]
    found = exact or short
    if len(found) == 1:
        return read_study(found[0])
    known = ", ".join(p.stem for p in paths) or f"none yet in {folder}"
    if not found:
        raise ParameterError("no such study", parameter="study", value=name,
                             fix=f"use one of: {known} (cxresearch list shows them)")
    raise ParameterError("more than one study has this name", parameter="study", value=name,
                         fix=f"use the full file stem: {', '.join(p.stem for p in found)}")


def read_study(path) -> Study:
    """Read a study notebook's parameters cell (no kernel is started)."""
    import nbformat

    path = Path(path)
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as err:  # an unreadable notebook is the user's file to fix
        raise ParameterError(f"cannot read the notebook ({type(err).__name__}: {str(err).splitlines()[0]})",
                             file=path, fix="open it in JupyterLab and save it again") from None
    title = ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            heading = next((line.lstrip("#").strip() for line in cell.source.splitlines()
                            if line.startswith("#")), "")
            if heading:
                title = heading
                break
    cell = next((c for c in nb.cells if c.cell_type == "code" and "parameters" in c.metadata.get("tags", [])),
                None)
    parameters = _parse_parameters(cell.source, path) if cell is not None else {}
    return Study(name=path.stem, path=path, parameters=parameters, title=title)


def _comments(source: str) -> dict[int, str]:
    comments = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                comments[token.start[0]] = token.string.lstrip("#").strip()
    except (tokenize.TokenError, IndentationError):
        pass
    return comments


def _annotation_type(node) -> str:
    text = ast.unparse(node).replace(" ", "")
    text = re.sub(r"^Optional\[(.*)\]$", r"\1", text)
    parts = [p for p in text.split("|") if p != "None"]
    base = parts[0].split("[")[0].lower() if len(parts) == 1 else "any"
    base = {"tuple": "list", "mapping": "dict", "sequence": "list"}.get(base, base)
    return base if base in _TYPES else "any"


def _value_type(value) -> str:
    if value is None:
        return "any"
    if isinstance(value, bool):
        return "bool"
    for kind, types in (("int", int), ("float", float), ("str", str), ("list", (list, tuple)), ("dict", dict)):
        if isinstance(value, types):
            return kind
    return "any"


def _parse_parameters(source: str, path: Path) -> dict:
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        raise ParameterError(f"the parameters cell is not valid Python ({err.msg}, line {err.lineno})",
                             file=path, fix="correct the parameters cell in JupyterLab") from None
    comments = _comments(source)
    parameters = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            target, annotation, value = node.targets[0].id, None, node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            target, annotation, value = node.target.id, node.annotation, node.value
        else:
            continue
        text = ast.get_source_segment(source, value) or ""
        try:
            default = ast.literal_eval(value)
        except (ValueError, SyntaxError, TypeError):
            default = _NO_DEFAULT
        if isinstance(default, tuple):
            default = list(default)
        if annotation is not None:
            kind = _annotation_type(annotation)
        else:
            kind = _value_type(default) if default is not _NO_DEFAULT else "any"
        if "\n" in text:  # a default written over several lines, shown on one
            text = ast.unparse(value)
        # the help is the comment after the assignment: on its last line, else on its first
        help_text = comments.get(node.end_lineno) or comments.get(node.lineno, "")
        parameters[target] = Parameter(name=target, type=kind, default=default, default_text=text,
                                       help=help_text)
    return parameters


def _bad_type(study: Study, param: Parameter, value, why: str = ""):
    return ParameterError(f"{study.name} expects {param.type} ({_WORDS[param.type]}){why}",
                          parameter=param.name, value=value,
                          fix=f"valid parameters of {study.name}: {study.valid_parameters()}")


def coerce_value(study: Study, param: Parameter, value, *, from_text: bool = False):
    """``value`` as ``param``'s type, or a one-line :class:`ParameterError`.

    Text (from the command line, or quoted in YAML) is converted by the
    default's type: ``int``, ``float``, ``bool`` (true/false, yes/no, 1/0,
    on/off), ``str`` as is, ``list``/``dict`` (and untyped parameters) through
    YAML; ``null`` (or ``None``) is None, which every parameter accepts
    (notebooks use it for "not given"). Values already typed (from a YAML
    file) are checked; a whole number is accepted where a float is expected,
    a YAML date where text is.
    """
    kind = param.type
    if isinstance(value, (date, datetime)):
        value = value.isoformat()
    if value is None:
        return None  # notebooks commonly take None as "not given"; the notebook decides what it means
    if from_text and isinstance(value, str) and value.strip() in _NULL:
        return None
    if isinstance(value, str) and (from_text or kind not in ("str", "any")):
        text = value.strip()
        if kind == "str":
            return value
        if kind == "int":
            try:
                return int(text)
            except ValueError:
                raise _bad_type(study, param, value) from None
        if kind == "float":
            try:
                return float(text)
            except ValueError:
                raise _bad_type(study, param, value) from None
        if kind == "bool":
            if text.lower() in _TRUE:
                return True
            if text.lower() in _FALSE:
                return False
            raise _bad_type(study, param, value)
        try:
            parsed = yaml.safe_load(text) if text else ""
        except yaml.YAMLError:
            if kind == "any":
                return value
            raise _bad_type(study, param, value, ", written in YAML") from None
        if kind == "any":
            # YAML reads 2025-06-01 as a date and "yes" as True; only structures are taken from it
            return parsed if isinstance(parsed, (list, dict, int, float)) and not isinstance(parsed, bool) \
                else value
        value = parsed
    ok = {
        "int": isinstance(value, int) and not isinstance(value, bool),
        "float": isinstance(value, (int, float)) and not isinstance(value, bool),
        "bool": isinstance(value, bool),
        "str": isinstance(value, str),
        "list": isinstance(value, (list, tuple)),
        "dict": isinstance(value, dict),
        "any": True,
    }[kind]
    if not ok:
        raise _bad_type(study, param, value)
    if kind == "float":
        return float(value)
    if kind == "list":
        return list(value)
    return value


@dataclass
class PreparedParameters:
    """Parameters checked and resolved for one run."""

    injected: dict      # what papermill writes into the notebook (given values, resolved)
    effective: dict     # every parameter with a literal value: defaults overlaid with the injected
    given: dict         # as the user wrote them (before periods and templates were resolved)
    as_of: date


def _jsonable(value):
    return json.loads(json.dumps(value, default=str))


def prepare_parameters(study: Study, given: dict | None = None, *, text: dict | None = None,
                       as_of=None) -> PreparedParameters:
    """Check, convert and resolve the parameters of one run of ``study``; start no kernel.

    Parameters
    ----------
    study : Study
    given : dict, optional
        ``{name: value}`` with typed values (from YAML); unknown names and wrong
        types raise a one-line :class:`ParameterError` that lists the valid
        parameters with their types.
    text : dict, optional
        ``{name: text}`` from the command line, converted by each default's
        type; they win over ``given``.
    as_of : date or str, optional
        The day relative periods are resolved against (default: today).

    Returns
    -------
    PreparedParameters
    """
    day = parse_as_of(as_of)
    values, written = {}, {}
    for source, from_text in ((given or {}), False), ((text or {}), True):
        for name, value in source.items():
            param = study.parameters.get(name)
            if param is None:
                raise ParameterError(f"{study.name} has no such parameter", parameter=name,
                                     fix=f"valid parameters of {study.name}: {study.valid_parameters()}")
            values[name] = coerce_value(study, param, value, from_text=from_text)
            written[name] = value
    values = {name: resolve_period(value, day) for name, value in values.items()}
    namespace = {name: p.default for name, p in study.parameters.items() if p.has_literal_default}
    namespace.update(values)
    namespace.setdefault("as_of", day.isoformat())
    resolved = {name: fill_template(value, namespace, parameter=name) for name, value in values.items()}
    effective = {name: p.default for name, p in study.parameters.items() if p.has_literal_default}
    effective.update(resolved)
    return PreparedParameters(injected=_jsonable(resolved), effective=_jsonable(effective),
                              given=_jsonable(written), as_of=day)
