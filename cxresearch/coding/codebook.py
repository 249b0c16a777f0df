"""The codebook as data: codes, their hierarchy and their keyword patterns per language.

A codebook is a YAML file a researcher writes and versions next to the study
(format: ``data/codebooks/README.md``; the default retail codebook is
``data/codebooks/cx-default.yaml``). This module loads it, checks it and
reports every problem at once with its line number, and turns it into what
other tools need: a tidy table for review (:meth:`Codebook.to_frame`), one
compiled regular expression per code and language for an auto-coder
(:meth:`Codebook.compiled`), the YAML again (:meth:`Codebook.to_yaml`) and a
REFI-QDA codebook (``.qdc``) for NVivo, ATLAS.ti, MAXQDA or QualCoder
(:meth:`Codebook.to_refi_qda`).

It is not an auto-coder: it decides nothing about a verbatim beyond "does this
code's pattern occur in this text once its exclusions are masked"
(:meth:`CompiledCode.matches`). Negation, polarity and roll-up of child codes
into their parents belong to the coder that uses the codebook; the codebook
only records which codes a preceding negation flips (``negatable``).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
import uuid
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from .. import config
from ..exceptions import CXResearchError, DataFileError, ParameterError

__all__ = [
    "Code",
    "Codebook",
    "CodebookError",
    "CodebookProblem",
    "CompiledCode",
    "load_codebook",
    "DEFAULT_CODEBOOK",
    "REFI_CODEBOOK_NAMESPACE",
]

#: Name of the codebook shipped with cxresearch (``data/codebooks/cx-default.yaml``).
DEFAULT_CODEBOOK = "cx-default"
#: XML namespace of the REFI-QDA Codebook exchange standard (``.qdc`` files).
REFI_CODEBOOK_NAMESPACE = "urn:QDA-XML:codebook:1.0"
_REFI_SCHEMA_LOCATION = "http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd"
# Fixed namespace for the code GUIDs: the same code id always gets the same GUID,
# so re-exporting a codebook updates the codes in a QDA project instead of duplicating them.
_GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://cxresearch.invalid/codebook/code-id")

_TOP_KEYS = ("name", "version", "languages", "description", "codes")
_REQUIRED_TOP_KEYS = ("name", "version", "languages", "codes")
_CODE_KEYS = ("id", "label", "definition", "parent", "include", "exclude", "negatable", "examples")
_ID = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_REGEX_PREFIX = "re:"

# A word character that is not Chinese, Japanese or Korean. Latin and Cyrillic words
# get a boundary made of it on each side ("app" must not match inside "happy"); CJK
# writing has no spaces, so a CJK edge gets none ("排队" matches inside "排队太久").
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
# (?-i:...): the class is built without case folding, which would expand the CJK ranges
_WORD_NOT_CJK = rf"(?-i:[^\W{_CJK}])"
_IS_CJK = re.compile(f"[{_CJK}]")
_APOSTROPHES = "'\u2019\u02bc"  # ASCII, typographic (French, Italian), modifier letter (Ukrainian)


# ------------------------------------------------------------------ errors
@dataclass(frozen=True)
class CodebookProblem:
    """One problem in a codebook: where it is (YAML line, code id) and what is wrong."""

    problem: str
    line: int | None = None
    code: str | None = None

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.code is not None:
            where.append(f"code {self.code!r}")
        return f"{', '.join(where)}: {self.problem}" if where else self.problem


class CodebookError(CXResearchError):
    """A codebook breaks the format; ``problems`` lists every problem found, each with its line."""

    def __init__(self, problems: list[CodebookProblem], *, file=None):
        self.problems = list(problems)
        n = len(self.problems)
        shown = "; ".join(str(p) for p in self.problems[:12])
        if n > 12:
            shown += f"; and {n - 12} more (see .problems)"
        super().__init__(f"{n} problem{'s' if n != 1 else ''} in the codebook: {shown}", file=file,
                         fix="correct each one (format: data/codebooks/README.md) and load it again")


# ------------------------------------------------------------------ codes
@dataclass(frozen=True)
class Code:
    """One code of a codebook.

    Attributes
    ----------
    id : str
        Snake-case identifier, unique in the codebook (``"wait_time"``).
    label, definition : str
        What coders see: a short name and the rule for applying the code.
    parent : str or None
        Id of the parent code (hierarchy); ``None`` for a top-level code.
    include, exclude : dict of str to tuple of str
        Patterns per language code (``{"en": ("queue*", "wait*")}``): a word, a
        phrase, a stem with ``*``, or a regular expression written ``"re: ..."``.
        A text span matched by an exclude pattern cannot match an include pattern.
    negatable : bool
        Whether a preceding negation flips the meaning of the code's evaluative
        words ("not friendly"), for the coder that applies the codebook.
    examples : tuple of str
        A few verbatims that carry the code.
    line : int or None
        YAML line where the code starts (``None`` when built from a dict).
    """

    id: str
    label: str
    definition: str
    parent: str | None = None
    include: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: dict[str, tuple[str, ...]] = field(default_factory=dict)
    negatable: bool = False
    examples: tuple[str, ...] = ()
    line: int | None = field(default=None, compare=False, repr=False)

    def __hash__(self) -> int:
        # the pattern dicts are not hashable; the id identifies a code within its codebook
        return hash(self.id)

    @property
    def languages(self) -> list[str]:
        """Languages in which the code has at least one include pattern."""
        return [lang for lang, patterns in self.include.items() if patterns]


@dataclass(frozen=True)
class CompiledCode:
    """A code's patterns in one language, compiled for matching.

    Attributes
    ----------
    code : str
        The code id.
    include : re.Pattern
        Alternation of every include pattern (case-insensitive).
    exclude : re.Pattern or None
        Alternation of every exclude pattern, or ``None``.
    negatable : bool
        Copied from the code.
    """

    code: str
    include: re.Pattern
    exclude: re.Pattern | None
    negatable: bool

    def mask(self, text: str) -> str:
        """Blank out (with spaces, keeping offsets) every span an exclude pattern matches."""
        if self.exclude is None:
            return text
        return self.exclude.sub(lambda m: " " * len(m.group()), text)

    def search(self, text: str) -> re.Match | None:
        """First include match in ``text`` once exclusions are masked, or ``None``."""
        return self.include.search(self.mask(unicodedata.normalize("NFC", text)))

    def matches(self, text: str) -> bool:
        """Whether ``text`` carries the code by its patterns (negation is not considered).

        Examples
        --------
        >>> from cxresearch.coding.codebook import load_codebook
        >>> wait = load_codebook().compiled("en")["wait_time"]
        >>> wait.matches("We queued for 20 minutes"), wait.matches("Can't wait to come back")
        (True, False)
        """
        return self.search(text) is not None

    def contains(self, texts: pd.Series) -> pd.Series:
        """Vectorised :meth:`matches` over a Series of texts (missing texts give False).

        Texts are used as given: normalise them first (e.g. Unicode NFC) if they
        may hold decomposed accents.
        """
        texts = texts.astype("string")
        if self.exclude is not None:
            texts = texts.str.replace(self.exclude, lambda m: " " * len(m.group()), regex=True)
        with warnings.catch_warnings():
            # the groups in "re:" patterns are for alternation, not extraction
            warnings.filterwarnings("ignore", message="This pattern is interpreted as a regular expression")
            found = texts.str.contains(self.include, regex=True)
        return found.fillna(False).astype(bool)


# ------------------------------------------------------------------ patterns
def _pattern_type(pattern: str) -> str:
    if pattern.startswith(_REGEX_PREFIX):
        return "regex"
    if "*" in pattern:
        return "stem"
    return "phrase" if re.search(r"\s", pattern) else "word"


def _needs_boundary(char: str) -> bool:
    return (char.isalnum() or char == "_") and not _IS_CJK.match(char)


def _pattern_parts(pattern: str) -> tuple[str, bool, bool]:
    """(regular expression, needs a word edge before, needs a word edge after) of one pattern.

    Rules: ``re:`` patterns are used as written; otherwise ``*`` is ``\\w*``, a
    run of spaces matches any white space, an apostrophe matches ``'``, ``’`` or
    ``ʼ``, and a Latin or Cyrillic first or last letter (or a leading or
    trailing wildcard) must sit at a word edge.
    """
    if pattern.startswith(_REGEX_PREFIX):
        return pattern[len(_REGEX_PREFIX):].strip(), False, False
    parts = []
    for char in pattern:
        if char == "*":
            parts.append(r"\w*")
        elif char.isspace():
            if parts and parts[-1] == r"\s+":
                continue
            parts.append(r"\s+")
        elif char in _APOSTROPHES:
            parts.append(f"[{_APOSTROPHES}]")
        else:
            parts.append(re.escape(char))
    core = pattern.strip("*")
    lead = bool(core) and (pattern.startswith("*") or _needs_boundary(core[0]))
    trail = bool(core) and (pattern.endswith("*") or _needs_boundary(core[-1]))
    return "".join(parts), lead, trail


def _alternation(patterns) -> re.Pattern:
    # Patterns are grouped by the word edges they need, so each group checks its edges
    # once: far faster to compile and to match than one lookaround per pattern.
    groups: dict[tuple[bool, bool], list[str]] = {}
    for pattern in patterns:
        body, lead, trail = _pattern_parts(pattern)
        groups.setdefault((lead, trail), []).append(f"(?:{body})")
    alternatives = []
    for (lead, trail), bodies in groups.items():
        alternatives.append((f"(?<!{_WORD_NOT_CJK})" if lead else "") + "(?:" + "|".join(bodies) + ")"
                            + (f"(?!{_WORD_NOT_CJK})" if trail else ""))
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _check_pattern(pattern) -> str | None:
    """Why ``pattern`` is unusable, or None."""
    if not isinstance(pattern, str):
        if isinstance(pattern, bool):
            hint = " (YAML reads unquoted no, yes, on, off as true or false: put the word in quotes)"
        elif isinstance(pattern, int | float):
            hint = f" (YAML reads it as a number: write it in quotes, '{pattern}')"
        else:
            hint = ""
        return f"pattern {pattern!r} is not text{hint}"
    if not pattern.strip():
        return "empty pattern"
    if any(unicodedata.category(char) == "Cc" for char in pattern):
        # "\b" inside a double-quoted YAML string is a backspace, not a word boundary
        return (f"pattern {pattern!r} holds a control character; write regular expressions "
                "in single quotes ('re: \\bword\\b'), where a backslash stays a backslash")
    if pattern.startswith(_REGEX_PREFIX):
        body = pattern[len(_REGEX_PREFIX):].strip()
        if not body:
            return f"regular expression {pattern!r} is empty"
        try:
            compiled = re.compile(body, re.IGNORECASE)
        except re.error as err:
            return f"bad regular expression {pattern!r}: {err}"
        if compiled.search("") is not None:
            return f"regular expression {pattern!r} matches empty text, so it would match every verbatim"
        return None
    if not pattern.replace("*", "").strip():
        return f"pattern {pattern!r} is only wildcards, so it would match every verbatim"
    return None


# ------------------------------------------------------------------ YAML with line numbers
def _line_map(node, path=(), lines=None, duplicates=None):
    """Map each path in the YAML document to its 1-based line; collect duplicate keys.

    Mapping entries get the line of their key, sequence items their own line.
    """
    if lines is None:
        lines, duplicates = {}, []
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node)
            if key in seen:
                duplicates.append((path, key, key_node.start_mark.line + 1))
            seen.add(key)
            lines[path + (key,)] = key_node.start_mark.line + 1
            _line_map(value_node, path + (key,), lines, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[path + (i,)] = item.start_mark.line + 1
            _line_map(item, path + (i,), lines, duplicates)
    return lines, duplicates


def _load_yaml(text: str, file):
    """(data, lines, problems) of a YAML text; a syntax error is a problem with its line and column."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        context = err.context or ""
        if err.context and err.context_mark is not None and err.context_mark is not mark:
            # the parser notices a problem where it stops; the cause is often where the context began
            context += f" (started at line {err.context_mark.line + 1}, column {err.context_mark.column + 1})"
        what = "; ".join(filter(None, [context, err.problem]))
        line = mark.line + 1 if mark else None
        column = f", column {mark.column + 1}" if mark else ""
        raise CodebookError([CodebookProblem(f"bad YAML syntax{column}: {what}", line=line)], file=file) from None
    except yaml.YAMLError as err:
        raise CodebookError([CodebookProblem(f"bad YAML: {err}")], file=file) from None
    finally:
        loader.dispose()
    if node is None:
        return None, {}, []
    lines, duplicates = _line_map(node)
    problems = []
    for path, key, line in duplicates:
        code = _code_id_at(data, path)
        problems.append(CodebookProblem(f"key {key!r} appears twice in the same mapping; the first is ignored",
                                        line=line, code=code))
    return data, lines, problems


def _code_id_at(data, path):
    if len(path) >= 2 and path[0] == "codes" and isinstance(path[1], int):
        try:
            code_id = data["codes"][path[1]]["id"]
        except (KeyError, IndexError, TypeError):
            return None
        return code_id if isinstance(code_id, str) else None
    return None


# ------------------------------------------------------------------ the codebook
class Codebook:
    """A validated codebook: codes with a hierarchy and keyword patterns per language.

    Build one with :meth:`from_yaml`, :meth:`from_dict` or :func:`load_codebook`;
    every construction validates the whole codebook and raises one
    :class:`CodebookError` listing every problem.

    Attributes
    ----------
    name, version, description : str
        From the YAML's top level.
    languages : list of str
        Language codes the patterns may use (``["en", "fr", ...]``).
    codes : list of Code
        In the order of the file.
    path : pathlib.Path or None
        The YAML file it was read from.

    Examples
    --------
    >>> from cxresearch.coding.codebook import load_codebook
    >>> codebook = load_codebook()
    >>> codebook.get("wait_time").parent
    'store_experience'
    >>> [code.id for code in codebook.children("fulfilment")][:3]
    ['delivery', 'click_and_collect', 'assembly_installation']
    """

    def __init__(self, *, name: str, version: str, languages, codes, description: str = "", path=None):
        self.name = name
        self.version = version
        self.languages = list(languages)
        self.description = description
        self.codes = list(codes)
        self.path = None if path is None else Path(path)
        self._by_id = {code.id: code for code in self.codes}
        self._compiled: dict[str, dict[str, CompiledCode]] = {}

    # ---------------------------------------------------------------- construction
    @classmethod
    def from_yaml(cls, path) -> Codebook:
        """Read and validate a codebook YAML file.

        Parameters
        ----------
        path : str or pathlib.Path
            The ``.yaml`` file.

        Returns
        -------
        Codebook

        Raises
        ------
        DataFileError
            The file does not exist or is not UTF-8 text.
        CodebookError
            The file breaks the format. ``problems`` lists every problem with
            its line number and code id: bad YAML syntax (line and column), a
            duplicate id, an unknown parent, a parent cycle, a bad regular
            expression, a code with no include pattern and no children, a
            language not declared in ``languages``, a missing label or
            definition, an unknown key.

        Examples
        --------
        >>> from cxresearch import config
        >>> codebook = Codebook.from_yaml(config.CODEBOOKS_DIR / "cx-default.yaml")
        >>> codebook.name
        'CX retail default'
        """
        path = Path(path)
        if not path.is_file():
            raise DataFileError("codebook file not found", file=path,
                                fix=f"give the path of a .yaml codebook (shipped ones are in {config.CODEBOOKS_DIR})")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            raise DataFileError(f"codebook is not UTF-8 text ({err.reason} at byte {err.start})", file=path,
                                fix="save the file as UTF-8") from None
        data, lines, problems = _load_yaml(text, path)
        return cls._build(data, lines, problems, file=path)

    @classmethod
    def from_dict(cls, data: Mapping, *, file=None) -> Codebook:
        """Validate a codebook given as a dict shaped like the YAML (no line numbers in problems).

        Examples
        --------
        >>> codebook = Codebook.from_dict({
        ...     "name": "Mini", "version": "1", "languages": ["en"],
        ...     "codes": [{"id": "wait_time", "label": "Waiting", "definition": "Time spent waiting.",
        ...                "include": {"en": ["queue*", "wait*"]}}]})
        >>> codebook.ids
        ['wait_time']
        """
        return cls._build(data, {}, [], file=file)

    @classmethod
    def _build(cls, data, lines, problems, *, file):
        problems = list(problems)

        def add(problem, path=(), code=None):
            line = lines.get(tuple(path))
            problems.append(CodebookProblem(problem, line=line, code=code))

        if not isinstance(data, Mapping):
            add(f"the codebook must be a mapping with keys {', '.join(_TOP_KEYS)}, "
                f"got {type(data).__name__ if data is not None else 'an empty file'}")
            raise CodebookError(problems, file=file)

        for key in data:
            if key not in _TOP_KEYS:
                add(f"unknown top-level key {key!r}{_did_you_mean(key, _TOP_KEYS)} "
                    f"(allowed: {', '.join(_TOP_KEYS)})", (key,))
        for key in _REQUIRED_TOP_KEYS:
            if key not in data or data[key] in (None, "", []):
                add(f"missing top-level key {key!r}", (key,) if key in data else ())
        name = data.get("name")
        if name is not None and not isinstance(name, str):
            add(f"'name' must be text, got {name!r}", ("name",))
        version = data.get("version")
        if version is not None and not isinstance(version, str | int | float):
            add(f"'version' must be text such as \"1.0\", got {version!r}", ("version",))
        description = data.get("description") or ""
        if not isinstance(description, str):
            add("'description' must be text", ("description",))
            description = ""

        languages = data.get("languages") or []
        if not isinstance(languages, list):
            add(f"'languages' must be a list of language codes such as [en, fr], got {languages!r}",
                ("languages",))
            languages = []
        declared = []
        for i, lang in enumerate(languages):
            if not isinstance(lang, str) or not _LANGUAGE.match(lang):
                add(f"language {lang!r} is not a lower-case ISO 639 code such as 'en'", ("languages", i))
            elif lang in declared:
                add(f"language {lang!r} is listed twice", ("languages", i))
            else:
                declared.append(lang)

        raw_codes = data.get("codes") or []
        if not isinstance(raw_codes, list):
            add("'codes' must be a list of codes (each starting with '- id:')", ("codes",))
            raw_codes = []

        codes: list[Code] = []
        path_of: dict[str, tuple] = {}
        for i, raw in enumerate(raw_codes):
            code = _build_code(raw, ("codes", i), declared, lines, problems)
            if code is None:
                continue
            if code.id in path_of:
                first = lines.get(path_of[code.id])
                where = f" (first at line {first})" if first else ""
                add(f"duplicate id {code.id!r}{where}; ids must be unique", ("codes", i, "id"), code.id)
                continue
            path_of[code.id] = ("codes", i)
            codes.append(code)

        by_id = {code.id: code for code in codes}
        has_children = {code.parent for code in codes if code.parent in by_id}
        labels: dict[str, str] = {}
        for code in codes:
            where = path_of.get(code.id, ())
            if code.parent is not None and code.parent not in by_id:
                add(f"unknown parent {code.parent!r}{_did_you_mean(code.parent, by_id)}",
                    where + ("parent",), code.id)
            if not code.languages and code.id not in has_children:
                add("no include pattern in any language and no child codes "
                    "(add patterns, or make it the parent of other codes)", where, code.id)
            key = code.label.casefold()
            if key and key in labels:
                add(f"label {code.label!r} is also the label of {labels[key]!r}; "
                    "labels must differ so coders can tell codes apart", where + ("label",), code.id)
            labels.setdefault(key, code.id)
        for cycle in _parent_cycles(by_id):
            first = cycle[0]
            add(f"parent cycle {' -> '.join(cycle + [first])}; a code cannot be its own ancestor",
                path_of.get(first, ()) + ("parent",), first)

        if problems:
            problems.sort(key=lambda p: (p.line is None, p.line or 0))
            raise CodebookError(problems, file=file)
        return cls(name=name, version=str(version), languages=declared, codes=codes,
                   description=description.strip(), path=file)

    # ---------------------------------------------------------------- access
    @property
    def ids(self) -> list[str]:
        """Code ids in file order."""
        return [code.id for code in self.codes]

    @property
    def leaves(self) -> list[Code]:
        """Codes without children (the ones a verbatim is coded with)."""
        parents = {code.parent for code in self.codes}
        return [code for code in self.codes if code.id not in parents]

    def get(self, code_id: str) -> Code:
        """The code with this id; a :class:`ParameterError` names close ids if there is none."""
        try:
            return self._by_id[code_id]
        except (KeyError, TypeError):
            raise ParameterError(f"no code {code_id!r} in codebook {self.name!r}", parameter="code_id",
                                 fix=f"use one of its ids{_did_you_mean(code_id, self._by_id)}") from None

    def children(self, code_id: str) -> list[Code]:
        """Direct children of a code, in file order."""
        self.get(code_id)
        return [code for code in self.codes if code.parent == code_id]

    def descendants(self, code_id: str) -> list[Code]:
        """Children, grandchildren, ... of a code (depth first)."""
        out = []
        for child in self.children(code_id):
            out.append(child)
            out.extend(self.descendants(child.id))
        return out

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self) -> Iterator[Code]:
        return iter(self.codes)

    def __contains__(self, code_id) -> bool:
        return code_id in self._by_id

    def __repr__(self) -> str:
        return (f"Codebook(name={self.name!r}, version={self.version!r}, codes={len(self.codes)}, "
                f"languages={self.languages})")

    # ---------------------------------------------------------------- outputs
    def to_frame(self) -> pd.DataFrame:
        """The codebook as a tidy table, one row per code × kind × language × pattern.

        Returns
        -------
        pandas.DataFrame
            Columns: ``code``, ``label``, ``parent``, ``kind`` (``include`` or
            ``exclude``), ``language``, ``pattern``, ``pattern_type`` (``word``,
            ``phrase``, ``stem`` or ``regex``), ``negatable``. A code without
            patterns (a grouping code) has one row with missing kind, language
            and pattern, so every code appears.

        Examples
        --------
        >>> frame = load_codebook().to_frame()
        >>> frame.query("code == 'wait_time' and language == 'zh' and kind == 'include'")["pattern"].iloc[0]
        '排队'
        """
        rows = []
        for code in self.codes:
            n_before = len(rows)
            for kind, by_language in (("include", code.include), ("exclude", code.exclude)):
                for language in self.languages:
                    for pattern in by_language.get(language, ()):
                        rows.append((code.id, code.label, code.parent, kind, language, pattern,
                                     _pattern_type(pattern), code.negatable))
            if len(rows) == n_before:
                rows.append((code.id, code.label, code.parent, None, None, None, None, code.negatable))
        return pd.DataFrame(rows, columns=["code", "label", "parent", "kind", "language", "pattern",
                                           "pattern_type", "negatable"])

    def compiled(self, language: str) -> dict[str, CompiledCode]:
        """Each code's patterns in one language, compiled into one regular expression.

        Words, phrases and stems match whole words in Latin and Cyrillic
        scripts (``app`` does not match inside ``happy``; ``deliver*`` matches
        ``delivery``, ``delivered``); Chinese patterns match anywhere, as
        Chinese has no spaces. Spaces in a phrase match any run of white space,
        an apostrophe matches ``'``, ``’`` or ``ʼ``, and matching ignores case.

        Parameters
        ----------
        language : str
            One of the codebook's ``languages``.

        Returns
        -------
        dict of str to CompiledCode
            In file order; codes without an include pattern in this language
            (grouping codes) are left out.

        Examples
        --------
        >>> compiled = load_codebook().compiled("pl")
        >>> compiled["price_value"].matches("Ceny są za wysokie"), compiled["price_value"].matches("Moja ocena: 5")
        (True, False)
        """
        if language not in self.languages:
            raise ParameterError(f"codebook {self.name!r} has no language {language!r}", parameter="language",
                                 value=language, fix=f"use one of {self.languages}")
        if language not in self._compiled:
            out = {}
            for code in self.codes:
                include = code.include.get(language, ())
                if not include:
                    continue
                exclude = code.exclude.get(language, ())
                out[code.id] = CompiledCode(code=code.id, include=_alternation(include),
                                            exclude=_alternation(exclude) if exclude else None,
                                            negatable=code.negatable)
            self._compiled[language] = out
        return dict(self._compiled[language])

    def to_dict(self) -> dict:
        """The codebook as a dict shaped like its YAML (what :meth:`from_dict` reads)."""
        codes = []
        for code in self.codes:
            entry = {"id": code.id, "label": code.label, "definition": code.definition}
            if code.parent is not None:
                entry["parent"] = code.parent
            for key in ("include", "exclude"):
                patterns = getattr(code, key)
                if any(patterns.values()):
                    entry[key] = {lang: list(patterns[lang]) for lang in self.languages if patterns.get(lang)}
            if code.negatable:
                entry["negatable"] = True
            if code.examples:
                entry["examples"] = list(code.examples)
            codes.append(entry)
        out = {"name": self.name, "version": self.version, "languages": list(self.languages)}
        if self.description:
            out["description"] = self.description
        out["codes"] = codes
        return out

    def to_yaml(self, path) -> Path:
        """Write the codebook as YAML that :meth:`from_yaml` reads back to an equal codebook.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> codebook = load_codebook()
        >>> out = codebook.to_yaml(pathlib.Path(tempfile.mkdtemp()) / "copy.yaml")
        >>> Codebook.from_yaml(out).codes == codebook.codes
        True
        """
        path = Path(path)
        if path.suffix.lower() not in (".yaml", ".yml"):
            raise ParameterError("a codebook is written as YAML", parameter="path", value=str(path),
                                 fix="give a path ending in .yaml")
        data = self.to_dict()
        data["languages"] = _FlowList(data["languages"])
        header = (f"# Codebook {self.name!r}, version {self.version}, written by cxresearch "
                  "(format: data/codebooks/README.md)\n")
        # one pattern per line, and lines wide enough that no pattern is folded in two
        body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=200,
                         default_flow_style=False)
        path.write_text(header + body, encoding="utf-8")
        return path

    def to_refi_qda(self, path) -> Path:
        """Export the codes as a REFI-QDA codebook (``.qdc``) for NVivo, ATLAS.ti, MAXQDA or QualCoder.

        The XML follows the REFI-QDA Codebook standard 1.0: a ``CodeBook``
        root in namespace ``urn:QDA-XML:codebook:1.0`` holding ``Codes``, with
        one ``Code`` per code (attributes ``guid``, ``name`` = the label,
        ``isCodable="true"``), its definition and examples in ``Description``,
        and child codes nested inside their parent. Each GUID is derived from
        the code id (UUID version 5), so exporting again gives the same GUIDs.
        Patterns are not exported: QDA tools have no place for them.

        Parameters
        ----------
        path : str or pathlib.Path
            Output file, ending in ``.qdc``.

        Returns
        -------
        pathlib.Path
            The file written.

        Examples
        --------
        >>> import tempfile, pathlib, xml.etree.ElementTree as ET
        >>> out = load_codebook().to_refi_qda(pathlib.Path(tempfile.mkdtemp()) / "cx.qdc")
        >>> ET.parse(out).getroot().tag
        '{urn:QDA-XML:codebook:1.0}CodeBook'
        """
        path = Path(path)
        if path.suffix.lower() != ".qdc":
            raise ParameterError("a REFI-QDA codebook file must end in .qdc (QDA tools look for it)",
                                 parameter="path", value=str(path), fix="give a path ending in .qdc")
        root = ET.Element("CodeBook", {
            "xmlns": REFI_CODEBOOK_NAMESPACE,
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            "xsi:schemaLocation": f"{REFI_CODEBOOK_NAMESPACE} {_REFI_SCHEMA_LOCATION}",
            "origin": "cxresearch",
        })
        codes = ET.SubElement(root, "Codes")

        def add(parent_element, code):
            element = ET.SubElement(parent_element, "Code", {
                "guid": self.refi_guid(code.id), "name": code.label, "isCodable": "true"})
            description = code.definition.strip()
            if code.examples:
                description += "\n\nExamples:\n" + "\n".join(f"- {example}" for example in code.examples)
            ET.SubElement(element, "Description").text = description
            for child in self.children(code.id):
                add(element, child)

        for code in self.codes:
            if code.parent is None:
                add(codes, code)
        ET.indent(root, space="  ")
        path.parent.mkdir(parents=True, exist_ok=True)
        # the usual double-quoted declaration: some QDA importers are strict about it
        path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n",
                        encoding="utf-8")
        return path

    @staticmethod
    def refi_guid(code_id: str) -> str:
        """The REFI-QDA GUID of a code: UUID version 5 of its id, upper case, the same on every export."""
        return str(uuid.uuid5(_GUID_NAMESPACE, code_id)).upper()


def load_codebook(name_or_path=DEFAULT_CODEBOOK) -> Codebook:
    """Load a shipped codebook by name (``"cx-default"``) or any codebook by path.

    Parameters
    ----------
    name_or_path : str or pathlib.Path, default "cx-default"
        A name of a file in ``data/codebooks/`` without ``.yaml``, or a path.

    Returns
    -------
    Codebook

    Examples
    --------
    >>> codebook = load_codebook()
    >>> len(codebook) >= 20, "parking" in codebook
    (True, False)
    """
    candidate = Path(name_or_path)
    if candidate.suffix == "" and len(candidate.parts) == 1:
        shipped = config.CODEBOOKS_DIR / f"{candidate.name}.yaml"
        if not shipped.is_file():
            known = sorted(p.stem for p in config.CODEBOOKS_DIR.glob("*.yaml"))
            raise ParameterError(f"no shipped codebook {str(name_or_path)!r}", parameter="name_or_path",
                                 fix=f"use one of {known} or give the path of a .yaml file")
        candidate = shipped
    return Codebook.from_yaml(candidate)


# ------------------------------------------------------------------ helpers
def _did_you_mean(value, known) -> str:
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _build_code(raw, path, declared, lines, problems) -> Code | None:
    """A Code from one YAML entry, adding its problems; None when it has no usable id."""

    def line(*sub):
        return lines.get(path + sub, lines.get(path))

    code_id = raw.get("id") if isinstance(raw, Mapping) else None
    label_for_problems = code_id if isinstance(code_id, str) else None

    def add(problem, *sub):
        problems.append(CodebookProblem(problem, line=line(*sub), code=label_for_problems))

    if not isinstance(raw, Mapping):
        add(f"a code must be a mapping starting with 'id:', got {raw!r}")
        return None
    for key in raw:
        if key not in _CODE_KEYS:
            add(f"unknown key {key!r}{_did_you_mean(key, _CODE_KEYS)} (allowed: {', '.join(_CODE_KEYS)})", key)
    usable = True
    if not isinstance(code_id, str) or not code_id:
        add("missing 'id'" if code_id is None else f"id {code_id!r} is not text", "id")
        usable = False
    elif not _ID.match(code_id):
        add(f"id {code_id!r} is not snake_case (lower-case letters, digits and single underscores, "
            "starting with a letter)", "id")
    texts = {}
    for key in ("label", "definition"):
        value = raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            add(f"missing {key!r}", key)
            value = ""
        elif not isinstance(value, str):
            add(f"{key!r} must be text, got {value!r}", key)
            value = str(value)
        texts[key] = " ".join(value.split())
    parent = raw.get("parent")
    if parent is not None and not isinstance(parent, str):
        add(f"parent must be a code id, got {parent!r}", "parent")
        parent = None

    patterns = {}
    for key in ("include", "exclude"):
        by_language = raw.get(key)
        patterns[key] = {}
        if by_language is None:
            continue
        if not isinstance(by_language, Mapping):
            add(f"{key!r} must map language codes to lists of patterns (e.g. en: [queue*, wait*])", key)
            continue
        for lang, items in by_language.items():
            if lang not in declared:
                add(f"unknown language key {lang!r} in {key!r} (the codebook's languages: "
                    f"{', '.join(declared) or 'none declared'}; add it to 'languages' or fix the key)", key, lang)
                continue
            if items is None:
                items = []
            if not isinstance(items, list):
                add(f"{key}.{lang} must be a list of patterns, got {items!r}", key, lang)
                continue
            good = []
            for j, pattern in enumerate(items):
                why = _check_pattern(pattern)
                if why:
                    add(f"{key}.{lang}: {why}", key, lang, j)
                else:
                    good.append(unicodedata.normalize("NFC", pattern.strip()))
            if good:
                patterns[key][lang] = tuple(good)

    negatable = raw.get("negatable", False)
    if negatable is None:
        negatable = False
    if not isinstance(negatable, bool):
        add(f"negatable must be true or false, got {negatable!r}", "negatable")
        negatable = False
    examples = raw.get("examples") or []
    if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
        add("examples must be a list of verbatims (text)", "examples")
        examples = []
    if not usable:
        return None
    return Code(id=code_id, label=texts["label"], definition=texts["definition"], parent=parent,
                include=patterns["include"], exclude=patterns["exclude"], negatable=negatable,
                examples=tuple(" ".join(e.split()) for e in examples), line=lines.get(path))


def _parent_cycles(by_id: dict[str, Code]) -> list[list[str]]:
    """Every cycle in the parent links, each once, starting from its first code in file order."""
    order = {code_id: i for i, code_id in enumerate(by_id)}
    cycles, seen = [], set()
    for start in by_id:
        chain, current = [], start
        while current in by_id and current not in chain:
            chain.append(current)
            current = by_id[current].parent
        if current in chain:
            cycle = chain[chain.index(current):]
            key = frozenset(cycle)
            if key not in seen:
                seen.add(key)
                first = min(cycle, key=order.get)
                k = cycle.index(first)
                cycles.append(cycle[k:] + cycle[:k])
    return cycles


class _FlowList(list):
    """A list written in YAML flow style ([a, b])."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_FlowList, lambda dumper, data: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", data, flow_style=True))
