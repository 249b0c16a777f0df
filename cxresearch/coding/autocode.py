"""Auto-coding: apply a codebook to thousands of verbatims, multi-label and fast.

:func:`autocode` gives every verbatim each code whose patterns it carries
(:mod:`cxresearch.coding.codebook`), with the words that matched, where they
are, and whether a negation just before them flips their meaning ("not
friendly"). On top of the codebook's exact patterns it catches two things a
keyword list misses by construction, each marked in the ``match`` column so a
researcher can count, review or switch them off:

``typo``
    a word one edit away (a letter missing, added, changed, or two swapped)
    from a keyword of five letters or more, and much rarer in the corpus than
    the words the keyword matches ("recieved", "delivry", "atente").
``other_language``
    code-switching: a keyword of another codebook language inside a verbatim
    ("the attente at the tills"), when that word is at home in the other
    language's verbatims of the same corpus and rare in this one's.

What it does not do: it does not read meaning. A complaint worded without any
of a code's words ("I stood there for ages before anyone served me") is not
coded; measure recall against human coding (:func:`~cxresearch.coding.reliability.coding_accuracy`)
before trusting counts, and use :mod:`cxresearch.coding.themes` to find what
the codebook lacks.

How it is fast: the verbatims are split into words once, with numpy on their
UTF-8 bytes (:mod:`cxresearch.coding._tokens`), keeping each word's offsets and
what separates it from the previous one. The codebook's one-word patterns
(keywords, stems, and ``re:`` patterns that match one whole word) are tried on
each *distinct* word rather than on each verbatim, so a one-word hit is coded,
located and checked for negation with array operations over the words. Only
the rest (phrases, other expressions, verbatims with Chinese or with an
exclusion nearby) is checked with the code's full regular expression, on the
verbatims a sparse verbatim x word table marks as candidates. The result
equals applying each code's expression to each verbatim
(:meth:`CompiledCode.matches`), and the word-level negation equals the rule
applied to one match at a time; the tests check both.
"""

from __future__ import annotations

import functools
import re
import re._constants as _constants
import re._parser as _parser
import warnings
from collections import defaultdict

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse

from .._checks import check_columns, check_frame, check_unique_ids
from ..exceptions import CXResearchWarning, DataValidationError, ParameterError
from . import _tokens
from . import text as _text
from .codebook import Codebook, _alternation, load_codebook

__all__ = ["autocode", "NEGATION_CUES", "MATCH_KINDS"]

#: Values of the ``match`` column, from the most to the least certain.
MATCH_KINDS = ("pattern", "other_language", "typo")

#: Words that negate, per language (lower case). A match of a ``negatable``
#: code is negated when one of these is among the four words before or after
#: it in the same clause: "not friendly", "the checkout was not quick",
#: "personne n'a été serviable". A clause ends at punctuation (. , ; : ! ? and
#: brackets), a new line, or the language's "but"/"and". Words are runs of
#: letters and digits; an apostrophe splits them, and English "n't" counts
#: ("weren't" is "weren" + "t"), as do the phrases of ``NEGATION_PHRASES``.
#: Chinese cues count when they stand right before the match or within four
#: characters after it.
NEGATION_CUES = {
    "en": frozenset("not no never hardly barely nothing none nobody neither nor without lack lacking isnt "
                    "wasnt werent arent dont doesnt didnt cant couldnt wont wouldnt".split()),
    "fr": frozenset("pas ne n jamais aucun aucune sans rien guère nullement ni personne".split()),
    "it": frozenset("non mai nessun nessuno nessuna senza né neanche nemmeno affatto".split()),
    "pl": frozenset("nie nigdy bez żaden żadna żadne żadnych brak ani".split()),
    "uk": frozenset("не ні ніколи без жоден жодна жодне жодних немає нема ані".split()),
    "zh": frozenset("不 没 没有 无 未 别 毫不 并不 一点也不 不太 不够 不是".split()),
}
#: Negating phrases ("anything but fast", "loin d'être propre").
NEGATION_PHRASES = {
    "en": ("anything but", "far from", "a long way from", "less than"),
    "fr": ("loin d'être", "tout sauf", "loin d'", "pas du tout"),
    "it": ("tutt'altro che", "per niente", "neanche per sogno", "lontano da", "lontani da"),
    "pl": ("daleko do", "daleko od", "daleki od", "dalecy od", "daleka od", "dalekie od", "wcale nie"),
    "uk": ("далеко не", "зовсім не", "та де там"),
    "zh": (),
}
# What ends a clause for negation, besides punctuation (_tokens.CLAUSE_PUNCTUATION): the
# language's "but" and "and" ("not friendly and the queue was long": the queue is not negated).
_CONJUNCTIONS = {
    "en": frozenset("but yet however and".split()),
    "fr": frozenset("mais cependant et".split()),
    "it": frozenset("ma però tuttavia e".split()),
    "pl": frozenset("ale jednak i".split()),
    "uk": frozenset("але проте та і".split()),
}
_PHRASE_TOKENS = {language: [tuple(_tokens.WORD_RUN.findall(phrase.lower())) for phrase in phrases]
                  for language, phrases in NEGATION_PHRASES.items()}
_CLAUSE_MARKS = frozenset(_tokens.CLAUSE_PUNCTUATION)
_NEGATION_WINDOW = 4  # words before or after a match that may negate it
# words to read on each side of a match: the window, plus a negating phrase reaching into it
_WORDS_NEEDED = _NEGATION_WINDOW + max(len(p) for phrases in _PHRASE_TOKENS.values() for p in phrases)
_CHINESE_AFTER = 4  # characters after a Chinese match where a cue may stand

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ONE_TOKEN = re.compile(r"[\w*]+")

# Typos: keywords of at least this many letters, in tokens at least this long, are
# matched one edit away; the misspelt word must be at most this share as frequent
# as the words its keyword matches exactly.
TYPO_MIN_LENGTH = 5
TYPO_MAX_RELATIVE_FREQUENCY = 0.5
# Code-switching: a keyword of language L found in a verbatim of language D counts
# when the word is in at least this many L verbatims and its rate among D verbatims
# is at most this share of its rate among L verbatims.
OTHER_LANGUAGE_MIN_DOCS = 5
OTHER_LANGUAGE_MAX_RELATIVE_RATE = 0.3


# ------------------------------------------------------------------ the corpus as words
class _Corpus:
    """Verbatims split into words once: the words in reading order, a verbatim x word table, the vocabulary."""

    def __init__(self, texts: pa.Array):
        self.tokens = tokens = _tokens.Tokens(texts)
        self.words = tokens.vocabulary                       # Arrow, for vectorised matching
        self.han = tokens.han
        self.n_docs = tokens.n_texts
        indptr = np.zeros(self.n_docs + 1, dtype=np.int64)
        np.cumsum(np.bincount(tokens.doc, minlength=self.n_docs), out=indptr[1:])
        table = sparse.csr_matrix((np.ones(len(tokens.word), dtype=bool), tokens.word.copy(), indptr),
                                  shape=(self.n_docs, len(self.words)))
        table.sum_duplicates()
        self.table = table                                   # verbatims x words, True where the word occurs
        self.han_docs = np.zeros(self.n_docs, dtype=bool)    # verbatims with Chinese: matched by expression
        self.han_docs[tokens.doc[self.han[tokens.word]]] = True
        self._negation, self._cue_rows = {}, {}              # per language

    @functools.cached_property
    def vocabulary(self) -> np.ndarray:
        return np.asarray(self.words.to_pylist(), dtype=object)

    def document_frequency(self, rows: np.ndarray) -> np.ndarray:
        """In how many of ``rows`` each word occurs."""
        return np.asarray(self.table[rows].sum(axis=0)).ravel()

    def word_matrix(self, columns: list[np.ndarray]) -> sparse.csr_matrix:
        """A 0/1 word x column table: column j marks the word ids ``columns[j]``."""
        word_ids = np.concatenate(columns)
        column_ids = np.repeat(np.arange(len(columns)), [len(c) for c in columns])
        return sparse.csr_matrix((np.ones(len(word_ids), dtype=np.int32), (word_ids, column_ids)),
                                 shape=(len(self.words), len(columns)))

    def word_ids(self, words) -> np.ndarray:
        """Ids of the given (lower-case) words that occur, as a 0/1 mask over the vocabulary."""
        return np.asarray(pc.is_in(self.words, value_set=pa.array(sorted(words), pa.large_string())), dtype=bool)

    def negation(self, language: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(cue word, clause-ending word, in a negating phrase) for ``language``: masks over words and tokens."""
        if language not in self._negation:   # kept on the corpus (a functools.cache would keep the corpus)
            self._negation[language] = self._find_negation(language)
        return self._negation[language]

    def _find_negation(self, language: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        tokens = self.tokens
        cue = self.word_ids(NEGATION_CUES.get(language, ()))
        conjunction = self.word_ids(_CONJUNCTIONS.get(language, ()))
        in_phrase = np.zeros(len(tokens.word), dtype=bool)
        n = len(tokens.word)
        for phrase in _PHRASE_TOKENS.get(language, ()):
            ids = [np.flatnonzero(self.word_ids([piece])) for piece in phrase]
            if any(len(i) == 0 for i in ids):
                continue
            at = np.flatnonzero(tokens.word == ids[0][0])
            for step, word in enumerate(ids[1:], start=1):
                at = at[at + step < n]
                at = at[(tokens.word[at + step] == word[0]) & ~tokens.clause_break[at + step]]
            for step in range(len(phrase)):
                in_phrase[at + step] = True
        if language == "en":  # "don't", "weren't": a "t" joined by an apostrophe to a word ending in "n"
            t = self.word_ids(["t"])
            ends_n = np.asarray(pc.ends_with(self.words, "n"), dtype=bool)
            previous = np.concatenate([[0], tokens.word[:-1]])
            in_phrase |= tokens.joined & t[tokens.word] & ends_n[previous]
        return cue, conjunction, in_phrase

    def negated(self, first: np.ndarray, language: str, last: np.ndarray | None = None) -> np.ndarray:
        """Whether a negation cue is among the words near each match (see :data:`NEGATION_CUES`).

        A match covers tokens ``first`` to ``last`` (default: the one token ``first``).
        """
        cue, conjunction, in_phrase = self.negation(language)
        tokens, n = self.tokens, len(self.tokens.word)
        flipped = np.zeros(len(first), dtype=bool)
        for direction, anchor in ((-1, first), (1, first if last is None else last)):
            alive = np.ones(len(first), dtype=bool)
            for step in range(1, _NEGATION_WINDOW + 1):
                other = np.clip(anchor + direction * step, 0, n - 1)
                gap = np.minimum(other + 1, n - 1) if direction < 0 else other   # the gap on the match's side
                inside = (anchor + direction * step >= 0) & (anchor + direction * step < n)
                alive &= inside & ~tokens.clause_break[gap]
                word, phrase = tokens.word[other], in_phrase[other]
                alive &= ~(conjunction[word] & ~phrase)
                flipped |= alive & (cue[word] | phrase)
        return flipped

    def cue_rows(self, language: str) -> np.ndarray:
        """Verbatims holding a negation cue of ``language`` (a word, a phrase or an "n't")."""
        if language not in self._cue_rows:
            cue, _, in_phrase = self.negation(language)
            rows = np.asarray((self.table @ cue.astype(np.int32)) > 0).ravel()
            rows[self.tokens.doc[in_phrase]] = True
            self._cue_rows[language] = rows
        return self._cue_rows[language]

    @functools.cached_property
    def _token_starts(self) -> np.ndarray:
        """Each word's start as (verbatim << 32) | offset: sorted, so a match's words are found by bisection."""
        return (self.tokens.doc.astype(np.int64) << 32) | self.tokens.start

    def negated_spans(self, texts, masked: dict, rows: np.ndarray, starts: np.ndarray, ends: np.ndarray,
                      language: str) -> np.ndarray:
        """:meth:`negated` for matches given by character offsets in ``texts[rows]``; matches that do
        not start and end at word edges, or in rows whose text had exclusions blanked (``masked[row]``),
        are judged by :func:`_negated`."""
        tokens = self.tokens
        first = np.searchsorted(self._token_starts, (rows.astype(np.int64) << 32) | starts)
        last = np.searchsorted(self._token_starts, (rows.astype(np.int64) << 32) | ends) - 1
        n = len(tokens.word)
        aligned = (first < n) & (last >= 0) & ~np.isin(rows, list(masked))
        aligned[aligned] &= ((tokens.doc[first[aligned]] == rows[aligned]) & (tokens.start[first[aligned]] == starts[aligned])
                             & (tokens.doc[last[aligned]] == rows[aligned]) & (tokens.end[last[aligned]] == ends[aligned]))
        flipped = np.zeros(len(rows), dtype=bool)
        if language != "zh":
            flipped[aligned] = self.negated(first[aligned], language, last[aligned])
        judge = ~aligned | (language == "zh")
        if language != "zh":
            judge &= self.cue_rows(language)[rows]  # no cue in the verbatim: nothing can negate
        for i in np.flatnonzero(judge):
            row = rows[i]
            flipped[i] = _negated(masked.get(row) or texts[row], starts[i], ends[i], language)
        return flipped


# ------------------------------------------------------------------ patterns of one code
def _pieces(pattern: str) -> list[str]:
    """Literal runs of a pattern: split at spaces, punctuation, '*' and Han/other script edges."""
    return _tokens.WORD_RUN.findall(pattern.replace("*", " ").casefold())


def _is_one_token(pattern: str) -> bool:
    return (not pattern.startswith("re:") and _ONE_TOKEN.fullmatch(pattern) is not None
            and len(_pieces(pattern)) == 1)


def _required_pieces(pattern: str) -> tuple[str, ...]:
    """The literal pieces every match of a longer pattern must contain (each inside one word).

    For a regular expression, the runs of letters its top level spells out in
    sequence (``\\bdostaw(a|y)`` gives "dostaw"). Pieces of one letter are
    dropped (one Han character or one digit is enough); an empty result means
    the pattern cannot be anchored on words.
    """
    pieces = _regex_pieces(pattern[3:].strip()) if pattern.startswith("re:") else _pieces(pattern)
    return tuple(sorted({p for p in pieces if len(p) >= 2 or _HAN.match(p) or p.isdigit()}))


def _regex_pieces(body: str) -> list[str]:
    """Literal words a regular expression's top-level sequence requires."""
    try:
        parsed = _parser.parse(body, re.IGNORECASE)
    except re.error:
        return []
    runs, current = [], []
    for op, value in parsed:
        if op is _constants.LITERAL:
            current.append(chr(value))
        else:
            runs.append("".join(current))
            current = []
    runs.append("".join(current))
    return [piece for run in runs for piece in _pieces(run)]


_SIMPLE_REGEX = re.compile(r"\\b([^\W\d_]+)\(([^()\\]*(?:\\w\*[^()\\]*)*)\)(\?)?\\b")


def _regex_keywords(pattern: str) -> set[tuple[str, bool]]:
    """(literal, is a stem) words a simple ``re:`` pattern spells out, for typo matching.

    Only the common shape ``\\bstem(ending|ending|ending\\w*)\\b`` is read (e.g.
    ``\\blivr(aison|é|ée)\\b`` gives livraison, livré, livrée); anything else gives nothing.
    """
    if not pattern.startswith("re:"):
        return set()
    match = _SIMPLE_REGEX.fullmatch(pattern[3:].strip())
    if match is None:
        return set()
    stem, endings, optional = match.groups()
    out = {(stem.casefold(), False)} if optional else set()
    for ending in endings.split("|"):
        if ending.endswith("\\w*") and "\\" not in ending[:-3]:
            out.add(((stem + ending[:-3]).casefold(), True))
        elif re.fullmatch(r"[^\W\d_]*", ending):
            out.add(((stem + ending).casefold(), False))
    return out


def _re2_word(pattern: str) -> str:
    """A one-word pattern as an RE2 expression over lower-case words (Han: anywhere in the word)."""
    body = "".join(r"[\pL\pN_]*" if char == "*" else re.escape(char) for char in pattern.casefold())
    return body if _HAN.search(pattern) else f"^{body}$"


_WORD_CHAR = (_constants.CATEGORY_WORD, _constants.CATEGORY_DIGIT)


def _one_word_regex(pattern: str) -> str | None:
    """A ``re:`` pattern that matches exactly one whole word, as RE2 over lower-case words; else None.

    ``re: \\bch(er|ère|ers)\\b`` gives ``^(?:ch(er|ère|ers))$``: letters, digits,
    groups, alternatives, word classes and repeats between a word boundary at
    each end, nothing that could match a space or punctuation.
    """
    if not pattern.startswith("re:"):
        return None
    body = pattern[3:].strip()
    if not (body.startswith("\\b") and body.endswith("\\b")) or len(body) <= 4:
        return None
    try:
        parsed = _parser.parse(body[2:-2], re.IGNORECASE)
    except re.error:
        return None

    def word_only(items) -> bool:
        for op, value in items:
            if op is _constants.LITERAL:
                if not (chr(value).isalnum() or chr(value) == "_") or _HAN.match(chr(value)):
                    return False
            elif op is _constants.IN:
                for kind, item in value:
                    if kind is _constants.NEGATE or (kind is _constants.CATEGORY and item not in _WORD_CHAR):
                        return False
                    if kind is _constants.LITERAL and not (chr(item).isalnum() or chr(item) == "_"):
                        return False
                    if kind is _constants.RANGE and not all(chr(c).isalnum() for c in item):
                        return False
            elif op is _constants.BRANCH:
                if not all(word_only(branch) for branch in value[1]):
                    return False
            elif op is _constants.SUBPATTERN:
                if value[1] or value[2] or not word_only(value[3]):   # no inline flags
                    return False
            elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
                if not word_only(value[2]):
                    return False
            else:
                return False
        return True

    if not word_only(parsed) or "(?" in body:
        return None
    return "^(?:" + body[2:-2].replace("\\w", "[\\pL\\pN_]") + ")$"


# Python's \w, \d and \s are Unicode-wide; RE2's are ASCII: spelled out for RE2 (as a class's inside).
_RE2_CLASSES = {"w": r"\pL\pN_", "d": r"\p{Nd}", "s": r"\s\x{0b}\x{1c}-\x{1f}\x{85}\p{Z}"}
# Python's case-insensitive "i" also matches the Turkish dotless ı and dotted İ; RE2's does not.
_RE2_CASE = {"i": "iIıİ", "I": "iIıİ"}
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


def _group_end(pattern: str, at: int) -> int:
    """The index just past the group opening at ``pattern[at]``, skipping escapes and classes."""
    depth, i, in_class = 0, at, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 2 if pattern[i + 1:i + 2] == "]" else 3 if pattern[i + 1:i + 3] == "^]" else 1
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(pattern)


@functools.lru_cache(maxsize=4096)
def _re2_superset(pattern: str) -> str | None:
    r"""An RE2 expression that finds every text the Python ``pattern`` finds case-insensitively
    (and maybe more), or None when it cannot be written.

    Word edges (``\b``) and lookarounds are dropped, which can only find more;
    ``\w``, ``\d``, ``\s`` and "i" are widened to what Python's mean. Anchors,
    inline flags, back-references and negated classes give None.

    >>> _re2_superset(r"(?<![\w])\b(ouvr\w*) (midi)\b")
    '(ouvr[\\pL\\pN_]*) (m[iIıİ]d[iIıİ])'
    >>> _re2_superset(r"\bwi\W") is None
    True
    """
    out, i, in_class = [], 0, False
    while i < len(pattern):
        char, following = pattern[i], pattern[i + 1:i + 2]
        if char == "\\":
            if following in _RE2_CLASSES:
                out.append(_RE2_CLASSES[following] if in_class else f"[{_RE2_CLASSES[following]}]")
            elif following == "b" and not in_class:
                pass
            elif following in "uUx" and following:
                width = {"u": 4, "U": 8, "x": 2}[following]
                out.append(r"\x{" + pattern[i + 2:i + 2 + width] + "}")
                i += width
            elif following.isalnum() or not following:
                return None
            else:
                out.append("\\" + following if following.isascii() and not following.isspace() else following)
            i += 2
            continue
        if not in_class and pattern.startswith(_LOOKAROUNDS, i):
            i = _group_end(pattern, i)
            continue
        if in_class:
            in_class = char != "]"
            if char in _RE2_CASE:
                char = _RE2_CASE[char]
        elif char == "[":
            if pattern[i + 1:i + 2] in ("]", "^"):
                return None
            in_class = True
        elif char in "^$" or (char == "(" and following == "?" and pattern[i + 2:i + 3] != ":"):
            return None
        elif char in _RE2_CASE:
            char = f"[{_RE2_CASE[char]}]"
        out.append(char)
        i += 1
    return "".join(out)


def _could_match(pattern: re.Pattern, arrow: pa.Array, rows: np.ndarray) -> np.ndarray:
    """The rows among ``rows`` where RE2 finds a superset of ``pattern``: one pass over many texts,
    leaving Python's ``re`` only the rows that may match."""
    superset = _re2_superset(pattern.pattern)
    if superset is None or len(rows) == 0:
        return rows
    try:
        found = pc.match_substring_regex(arrow.take(pa.array(rows)), superset, ignore_case=True)
    except pa.ArrowInvalid:  # RE2 refuses the expression: every row may match
        return rows
    return rows[np.asarray(found, dtype=bool)]


def _rows_matching(pattern: re.Pattern, texts: np.ndarray, arrow: pa.Array, rows: np.ndarray) -> np.ndarray:
    """The rows among ``rows`` where ``pattern`` occurs."""
    rows = _could_match(pattern, arrow, rows)
    return rows[np.fromiter((pattern.search(texts[r]) is not None for r in rows.tolist()), bool, len(rows))]


class _Patterns:
    """One code's include (or exclude) patterns in one language, split by how to find candidates."""

    def __init__(self, patterns):
        words = {p: _re2_word(p) for p in patterns if _is_one_token(p)}
        words.update({p: rx for p in patterns if (rx := _one_word_regex(p)) is not None})
        self.single = [p for p in patterns if _is_one_token(p)]   # keywords, for typos
        self.one_token = "|".join(f"(?:{rx})" for rx in words.values()) or None
        self.phrases, loose = [], []     # phrases: the literal pieces each longer pattern requires
        for p in patterns:
            if p in words:
                continue
            pieces = _required_pieces(p)
            (self.phrases.append(pieces) if pieces else loose.append(p))
        self.loose = _alternation(loose) if loose else None   # patterns no word can anchor

    def word_hits(self, words: pa.Array) -> np.ndarray:
        """Which ``words`` a one-word pattern hits."""
        if self.one_token is None:
            return np.zeros(len(words), dtype=bool)
        return np.asarray(pc.match_substring_regex(words, self.one_token, ignore_case=True), dtype=bool)


class _LanguagePlan:
    """What to look for, per code, in one codebook language."""

    def __init__(self, codebook: Codebook, language: str):
        self.compiled = codebook.compiled(language)
        self.codes = list(self.compiled)
        self.include = {code: _Patterns(codebook.get(code).include.get(language, ())) for code in self.codes}
        self.exclude = {code: _Patterns(codebook.get(code).exclude.get(language, ())) for code in self.codes
                        if codebook.get(code).exclude.get(language)}
        self.keywords: dict[str, list[tuple[str, bool]]] = {}  # (literal, is a stem) for typo matching
        for code in self.codes:
            keys = {(p.strip("*").casefold(), p.endswith("*")) for p in self.include[code].single}
            for p in codebook.get(code).include.get(language, ()):
                keys.update(_regex_keywords(p))
            keys = sorted((literal, stem) for literal, stem in keys
                          if "*" not in literal and not _HAN.search(literal) and len(literal) >= TYPO_MIN_LENGTH)
            if keys:
                self.keywords[code] = keys

    def word_hits(self, vocabulary: pa.Array, words: np.ndarray, which: str = "include") -> dict[str, np.ndarray]:
        """For each code, the word ids (among ``words``) its one-word patterns hit."""
        present = vocabulary.take(pa.array(words))
        hits = {}
        for code, patterns in getattr(self, which).items():
            found = patterns.word_hits(present)
            if found.any():
                hits[code] = words[found]
        return hits

    def phrase_rows(self, corpus, rows: np.ndarray, words: np.ndarray, which: str = "include") -> dict:
        """For each code, the rows holding every piece of at least one of its longer patterns."""
        patterns = {code: p.phrases for code, p in getattr(self, which).items() if p.phrases}
        pieces = sorted({piece for phrases in patterns.values() for pattern in phrases for piece in pattern})
        if not pieces:
            return {}
        # the words holding any piece, found in one pass, then each piece among those few
        present = corpus.words.take(pa.array(words))
        some = pc.match_substring_regex(present, "|".join(map(re.escape, pieces)))
        words, present = words[np.asarray(some, dtype=bool)], present.filter(some)
        column = {piece: i for i, piece in enumerate(pieces)}
        word_piece = corpus.word_matrix([words[np.asarray(pc.match_substring(present, piece), dtype=bool)]
                                         for piece in pieces])
        has = ((corpus.table[rows] @ word_piece) > 0).tocsc()
        out = {}
        for code, phrases in patterns.items():
            found = np.zeros(len(rows), dtype=bool)
            for pattern in phrases:
                cols = [column[piece] for piece in pattern]
                found |= np.asarray(has[:, cols].sum(axis=1)).ravel() == len(cols)
            if found.any():
                out[code] = rows[found]
        return out

    def loose_rows(self, texts: np.ndarray, arrow: pa.Array, rows: np.ndarray,
                   which: str = "include") -> dict[str, np.ndarray]:
        """For codes with patterns no word can anchor, the rows where one of those patterns occurs."""
        loose = {code: p.loose for code, p in getattr(self, which).items() if p.loose is not None}
        if not loose:
            return {}
        union = re.compile("|".join(f"(?:{rx.pattern})" for rx in loose.values()), re.IGNORECASE)
        return dict.fromkeys(loose, _rows_matching(union, texts, arrow, rows))


# ------------------------------------------------------------------ typos
def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


def _within_one_edit(a: str, b: str) -> bool:
    """Optimal-string-alignment distance <= 1 (one insertion, deletion, substitution or swap)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


def _typo_hits(plan: _LanguagePlan, corpus: _Corpus, words: np.ndarray, frequency: np.ndarray,
               exact: dict[str, np.ndarray], stop: frozenset[str]) -> dict[str, np.ndarray]:
    """Word ids (among ``words``) one edit away from a code's keyword and much rarer than it."""
    index: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
    lengths = set()
    for code, keys in plan.keywords.items():
        for literal, is_stem in keys:
            for variant in _deletes(literal):
                index[variant].append((code, literal, is_stem))
            lengths.add(len(literal))
    if not index:
        return {}
    hit_anything = np.zeros(len(corpus.vocabulary), dtype=bool)
    for ids in exact.values():
        hit_anything[ids] = True
    # how often each keyword's own words occur: the yardstick a misspelling must stay under
    vocabulary = corpus.vocabulary
    present = pa.array(vocabulary[words], type=pa.large_string())
    position = {word: i for i, word in enumerate(vocabulary[words])}
    keyword_frequency: dict[tuple[str, str], int] = {}
    for code, keys in plan.keywords.items():
        for literal, is_stem in keys:
            if is_stem:
                own = np.asarray(pc.starts_with(present, literal), dtype=bool)
                keyword_frequency[code, literal] = int(frequency[words[own]].sum())
            else:
                i = position.get(literal)
                keyword_frequency[code, literal] = int(frequency[words[i]]) if i is not None else 0
    found: dict[str, list[int]] = defaultdict(list)
    for w in words:
        word = vocabulary[w]
        if hit_anything[w] or len(word) < TYPO_MIN_LENGTH - 1 or word in stop or not word.isalpha():
            continue
        # a stem matches a word's start: try the word's prefixes one letter either side of each stem length
        forms = {word} | {word[:n] for k in lengths for n in (k - 1, k, k + 1) if 0 < n < len(word)}
        matched = set()
        for form in forms:
            for variant in _deletes(form):
                for code, literal, is_stem in index.get(variant, ()):
                    if code in matched or (form != word and not is_stem) or len(form) < len(literal) - 1 \
                            or (len(word) < TYPO_MIN_LENGTH and len(literal) != len(word) + 1):
                        continue
                    if (_within_one_edit(form, literal)
                            and frequency[w] <= TYPO_MAX_RELATIVE_FREQUENCY * keyword_frequency[code, literal]):
                        matched.add(code)
        for code in matched:
            found[code].append(w)
    return {code: np.asarray(ids) for code, ids in found.items()}


# ------------------------------------------------------------------ confirm candidates
def _inside_word(text: str, at: int) -> bool:
    """Whether one word runs across position ``at`` (the characters either side belong to it)."""
    run = _tokens.WORD_RUN.match(text, at - 1) if at > 0 else None
    return run is not None and run.end() > at


def _words_near(text: str, start: int, end: int, reach: int = 120):
    """The words wholly before ``start`` and wholly after ``end``: enough of each side for the negation rule.

    Each side is read ``reach`` characters at a time until it holds enough words
    (or the text ends); a word cut by that limit is dropped.
    """
    low = max(0, start - reach)
    while True:
        before = [(m.start(), m.end(), m.group().lower()) for m in _tokens.WORD_RUN.finditer(text, low, start)]
        if low > 0 and before:
            before = before[1:]
        if len(before) >= _WORDS_NEEDED or low == 0:
            break
        low = max(0, low - 4 * reach)
    if before and before[-1][1] == start and _inside_word(text, start):
        before = before[:-1]  # the match begins inside this word
    high = min(len(text), end + reach)
    while True:
        after = [(m.start(), m.end(), m.group().lower()) for m in _tokens.WORD_RUN.finditer(text, end, high)]
        if high < len(text) and after:
            after = after[:-1]
        if len(after) >= _WORDS_NEEDED or high == len(text):
            break
        high = min(len(text), high + 4 * reach)
    if after and after[0][0] == end and _inside_word(text, end):
        after = after[1:]  # the match ends inside this word
    return before, after


def _negated(text: str, start: int, end: int, language: str) -> bool:
    """Whether a negation cue is near the match ``text[start:end]``: the rule of :data:`NEGATION_CUES`.

    The same rule as :meth:`_Corpus.negated`, for one match found by a full
    expression (a phrase, or a verbatim with Chinese in it).
    """
    cues = NEGATION_CUES.get(language)
    if not cues:
        return False
    if language == "zh":
        after = text[end:end + _CHINESE_AFTER]
        return any(text.endswith(cue, 0, start) for cue in cues) or any(cue in after for cue in cues)
    before, after = _words_near(text, start, end)
    words = before + after
    if not words:
        return False
    match_at = len(before)  # the match sits between words[match_at - 1] and words[match_at]
    gaps = [text[words[i - 1][1]:words[i][0]] if i and i != match_at else
            text[words[i - 1][1]:start] + text[end:words[i][0]] if i else "" for i in range(len(words))]
    clause_break = [not _CLAUSE_MARKS.isdisjoint(gap) for gap in gaps]
    in_phrase = [False] * len(words)
    for phrase in _PHRASE_TOKENS.get(language, ()):
        for i in range(len(words) - len(phrase) + 1):
            if words[i][2] == phrase[0] and all(words[i + k][2] == piece for k, piece in enumerate(phrase)) \
                    and not any(clause_break[i + 1:i + len(phrase)]) and not (i < match_at < i + len(phrase)):
                in_phrase[i:i + len(phrase)] = [True] * len(phrase)
    if language == "en":
        for i in range(1, len(words)):
            if words[i][2] == "t" and i != match_at and len(gaps[i]) == 1 and gaps[i] in _tokens.APOSTROPHES \
                    and words[i - 1][2].endswith("n"):
                in_phrase[i] = True
    conjunctions = _CONJUNCTIONS.get(language, frozenset())
    sides = ((range(match_at - 1, max(match_at - 1 - _NEGATION_WINDOW, -1), -1), text[before[-1][1]:start] if before else ""),
             (range(match_at, min(match_at + _NEGATION_WINDOW, len(words))), text[end:after[0][0]] if after else ""))
    for side, (near, first_gap) in enumerate(sides):
        for step, i in enumerate(near):
            if step == 0:
                breaks = not _CLAUSE_MARKS.isdisjoint(first_gap)
            else:
                breaks = clause_break[i + 1] if side == 0 else clause_break[i]
            if breaks or (words[i][2] in conjunctions and not in_phrase[i]):
                break
            if words[i][2] in cues or in_phrase[i]:
                return True
    return False


def _confirm(compiled, texts: np.ndarray, rows: np.ndarray, mask_rows, every: bool):
    """Check candidate rows with a code's full expression: (rows, starts, ends) of each row's first
    match, or of ``every`` match (for negatable codes, whose first negated match is reported), and
    the texts with exclusions masked, by row.

    Exclusions are masked only in ``mask_rows``, the rows where an exclude pattern occurs.
    """
    include, found_rows, starts, ends, masked = compiled.include, [], [], [], {}
    to_mask = set() if mask_rows is None else set(mask_rows.tolist())
    for row in rows.tolist():
        text = texts[row]
        if row in to_mask:
            text = masked[row] = compiled.mask(text)
        if every or row in to_mask:
            for m in include.finditer(text):
                found_rows.append(row)
                starts.append(m.start())
                ends.append(m.end())
        elif (m := include.search(text)) is not None:
            found_rows.append(row)
            starts.append(m.start())
            ends.append(m.end())
    return np.asarray(found_rows, dtype=np.int64), np.asarray(starts, dtype=np.int64), \
        np.asarray(ends, dtype=np.int64), masked


def _excluded(compiled: dict, texts: np.ndarray, arrow: pa.Array, candidates: dict[str, np.ndarray]) -> dict:
    """For each code, the rows among ``candidates[code]`` (where its words say an exclude pattern
    may occur) where one does occur: only these need their text masked."""
    found = {code: _rows_matching(compiled[code].exclude, texts, arrow, rows) for code, rows in candidates.items()}
    return {code: rows for code, rows in found.items() if len(rows)}


def _merge(*tables: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    out: dict[str, np.ndarray] = {}
    for table in tables:
        for code, rows in table.items():
            out[code] = np.union1d(out[code], rows) if code in out else rows
    return out


# ------------------------------------------------------------------ the public function
def _prepare(data, codebook, text, id, language, speaker, respondent):
    check_frame(data, fix="pass the verbatims as a DataFrame, one row per verbatim (or transcript turn)")
    check_columns(data, [text, id], parameter="text/id", where="the verbatims")
    if isinstance(codebook, (str, bytes)) or hasattr(codebook, "__fspath__"):
        codebook = load_codebook(codebook)
    elif codebook is None:
        codebook = load_codebook()
    elif not isinstance(codebook, Codebook):
        raise ParameterError("expected a Codebook, a codebook name or a path", parameter="codebook",
                             value=type(codebook).__name__, fix="pass e.g. load_codebook('cx-default')")
    check_unique_ids(data, id)
    keep = data[text].notna().to_numpy().copy()
    if speaker is not None and speaker in data.columns:
        who = data[speaker].astype("string").str.casefold()
        keep &= (who.isna() | (who == str(respondent).casefold())).fillna(False).to_numpy(dtype=bool)
    frame = data if keep.all() else data.loc[keep]
    texts = frame[text]
    if not (pd.api.types.is_string_dtype(texts) or texts.map(type).eq(str).all()):
        raise DataValidationError("texts are not text", column=text, value=str(texts.dtype),
                                  fix="point text= at the column holding the verbatims")
    arrow = pa.array(texts, type=pa.large_string())  # no copy when pandas holds the texts in Arrow
    texts = texts.to_numpy(dtype=object)
    normal = pc.utf8_normalize(arrow, "NFC")
    changed = np.flatnonzero(~np.asarray(pc.equal(normal, arrow), dtype=bool))
    if len(changed):
        texts = texts.copy()
        texts[changed] = np.asarray(normal.take(pa.array(changed)).to_pylist(), dtype=object)
    else:
        normal = arrow
    if language is not None and language in data.columns:
        langs = frame[language].astype("string").str.casefold().fillna(_text.UNDETERMINED)
    else:
        langs = _text.guess_language(pd.Series(texts, index=frame.index))
    return codebook, frame[id].astype(str).to_numpy(), texts, normal, langs.to_numpy(dtype=object)


def autocode(data, codebook=None, *, text="text", id="doc_id", language="language", speaker="speaker",
             respondent="respondent", negation=True, typos=True, other_languages=True) -> pd.DataFrame:
    """Code verbatims with a codebook: every code each verbatim carries, and the words that show it.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per verbatim, or per turn of an interview transcript.
    codebook : Codebook, str or path, optional
        The codebook (default: ``cx-default``, see ``data/codebooks/``).
    text, id : str
        Columns holding the verbatim and its unique id.
    language : str or None
        Column with each verbatim's ISO language code. Verbatims in a language
        the codebook lacks are left uncoded, with a warning; ``und``
        (undetermined, e.g. one-word answers) are tried in every codebook
        language. When the column is absent (or None) the language is guessed
        (:func:`cxresearch.coding.text.guess_language`).
    speaker, respondent : str
        For transcripts: the column naming who speaks in each turn, and the
        value that marks the customer. Only the customer's turns (and rows with
        no speaker) are coded, so an interviewer's "Were the e-mails useful?"
        does not code the customer for communication. Ignored when the column
        is absent.
    negation : bool
        Look for a negation just before each match of a ``negatable`` code.
    typos : bool
        Also match words one edit away from a keyword (``match == "typo"``).
    other_languages : bool
        Also match keywords of the codebook's other languages that are foreign
        to the verbatim's language in this corpus (``match == "other_language"``).

    Returns
    -------
    pandas.DataFrame
        One row per verbatim and code it carries (multi-label), in the order of
        the verbatims and the codebook: ``doc_id`` (named after ``id``),
        ``code``, ``span`` (the matched words as written), ``start``/``end``
        (character offsets in the text after Unicode NFC normalisation; -1 when
        unknown), ``negated`` (a negation precedes the match: "not friendly";
        the code still applies, its polarity is reversed), ``match``
        (``pattern``, ``other_language`` or ``typo``) and ``language``.
        Parent codes are not added: roll children up with the codebook.
        ``attrs["n_coded"]`` and ``attrs["n_docs"]`` hold the number of
        verbatims coded and looked at.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxresearch.coding import autocode
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "language": ["en", "en", "fr"],
    ...     "text": ["Staff were not friendly and the queue was long",
    ...              "Parcel arrived two days late", "Personnel très aimable"]})
    >>> autocode(docs)[["doc_id", "code", "span", "negated", "match"]]
      doc_id            code     span  negated    match
    0      a       wait_time    queue    False  pattern
    1      a  staff_attitude    Staff     True  pattern
    2      b        delivery   Parcel    False  pattern
    3      c  staff_attitude  aimable    False  pattern
    """
    codebook, ids, texts, arrow, langs = _prepare(data, codebook, text, id, language, speaker, respondent)
    id_name = id
    columns = [id_name, "code", "span", "start", "end", "negated", "match", "language"]
    known = set(codebook.languages)
    unknown = pd.Series(langs[~np.isin(langs, list(known | {_text.UNDETERMINED}))])
    if len(unknown):
        counts = ", ".join(f"{k} ({v})" for k, v in unknown.value_counts().items())
        warnings.warn(f"{len(unknown)} verbatims in languages codebook {codebook.name!r} lacks were not coded: "
                      f"{counts}. Fix: add those languages' patterns to the codebook", CXResearchWarning,
                      stacklevel=2)
    if len(texts) == 0:
        return _no_codes(columns, 0)
    corpus = _Corpus(arrow)
    found = []      # tables of (row, code, start, end, negated, match, language)
    confirmed = []  # the same, for matches found by a code's full expression
    plans = {lang: _LanguagePlan(codebook, lang) for lang in codebook.languages}
    rows_of = {lang: np.flatnonzero((langs == lang) | (langs == _text.UNDETERMINED)) for lang in plans}
    frequency_of = {lang: corpus.document_frequency(rows) for lang, rows in rows_of.items()}
    exact_of = {}
    for lang, plan in plans.items():
        rows = rows_of[lang]
        if len(rows) == 0:
            continue
        words = np.flatnonzero(frequency_of[lang])
        exact = exact_of[lang] = plan.word_hits(corpus.words, words)
        masked = _excluded(plan.compiled, texts, arrow, _merge(
            _candidates(corpus, rows, plan.word_hits(corpus.words, words, which="exclude")),
            plan.phrase_rows(corpus, rows, words, which="exclude"), plan.loose_rows(texts, arrow, rows, which="exclude")))
        # A one-word hit outside Chinese text, with no exclusion in its verbatim, is certain: it is
        # taken from the words directly. Everything else gets a look from the code's full expression.
        latin = {code: ids_[~corpus.han[ids_]] for code, ids_ in exact.items()}
        latin = {code: ids_ for code, ids_ in latin.items() if len(ids_)}
        in_rows = np.zeros(corpus.n_docs, dtype=bool)
        in_rows[rows] = True
        hits = _occurrences(corpus, in_rows & ~corpus.han_docs, latin, "pattern", langs, skip=masked,
                            negatable={c for c in latin if negation and plan.compiled[c].negatable}, language=lang)
        found.append(hits)
        resolved = _rows_by_code(hits)
        candidates = _merge(_candidates(corpus, rows, exact), plan.phrase_rows(corpus, rows, words),
                            plan.loose_rows(texts, arrow, rows))
        for code, cand in candidates.items():
            if code in resolved:
                cand = np.setdiff1d(cand, resolved[code], assume_unique=True)
            negatable = negation and plan.compiled[code].negatable
            cand = _could_match(plan.compiled[code].include, arrow, cand)
            matches = _confirm(plan.compiled[code], texts, cand, masked.get(code), every=negatable)
            if len(matches[0]):
                confirmed.append(_first_negated(corpus, texts, matches, code, lang, langs, negatable))
        if typos:
            stop = _stopwords_or_empty(lang)
            found.append(_occurrences(corpus, in_rows, _typo_hits(plan, corpus, words, frequency_of[lang], exact, stop),
                                      "typo", langs))
    if other_languages:
        found.extend(_other_language_rows(corpus, langs, exact_of, rows_of, frequency_of))
    found.extend(confirmed)
    del corpus, arrow  # the words are no longer needed: free them before the table is built
    out = pd.concat([f for f in found if len(f)], ignore_index=True) if any(len(f) for f in found) else None
    if out is None:
        return _no_codes(columns, len(texts))
    code_order = {c: i for i, c in enumerate(codebook.ids)}
    kind_rank = {k: i for i, k in enumerate(MATCH_KINDS)}
    out["_kind"] = out["match"].map(kind_rank)
    out["_code"] = out["code"].map(code_order)
    out = (out.sort_values(["row", "_code", "_kind", "start"], kind="stable")
              .drop_duplicates(["row", "code"]))
    rows, starts, ends = out["row"].to_numpy(), out["start"].to_numpy(), out["end"].to_numpy()
    out["span"] = [texts[r][a:b] for r, a, b in zip(rows, starts, ends)]
    out.insert(0, id_name, ids[rows])
    out = out[columns].reset_index(drop=True)
    out = out.astype({"start": "int64", "end": "int64", "negated": bool})
    out.attrs.update(n_docs=len(texts), n_coded=int(out[id_name].nunique()))
    return out


_FOUND = ["row", "code", "start", "end", "negated", "match", "language"]


def _first_negated(corpus, texts, matches, code, language, langs, negatable) -> pd.DataFrame:
    """Per verbatim, the first negated match of ``code`` if any, else its first match."""
    rows, starts, ends, masked = matches
    negated = np.zeros(len(rows), dtype=bool)
    if negatable:
        negated = corpus.negated_spans(texts, masked, rows, starts, ends, language)
    first = _first_of_each(rows, starts, negated)
    return pd.DataFrame({"row": rows[first], "code": code, "start": starts[first], "end": ends[first],
                         "negated": negated[first], "match": "pattern", "language": langs[rows[first]]})


def _first_of_each(key: np.ndarray, position: np.ndarray, negated: np.ndarray) -> np.ndarray:
    """For each distinct ``key``, the index of its first negated occurrence if any, else of its first."""
    order = np.lexsort((position, ~negated, key))
    ordered = key[order]
    return order[np.concatenate([[True], ordered[1:] != ordered[:-1]])] if len(order) else order


def _rows_by_code(found: pd.DataFrame) -> dict[str, np.ndarray]:
    return {code: group.to_numpy() for code, group in found.groupby("code", sort=False)["row"]}


def _occurrences(corpus: _Corpus, docs: np.ndarray, hits: dict[str, np.ndarray], kind: str, langs: np.ndarray,
                 skip: dict[str, np.ndarray] | None = None, negatable=frozenset(), language=None) -> pd.DataFrame:
    """(row, code) for each verbatim in ``docs`` (a mask) holding one of a code's words ``hits[code]``.

    Where and whether negated come from the words themselves: the first
    negated occurrence of the code's words, else the first. ``skip[code]``:
    rows left to the code's full expression.
    """
    if not hits:
        return pd.DataFrame(columns=_FOUND)
    codes = list(hits)
    per_word = corpus.word_matrix([hits[c] for c in codes])
    n_codes = np.diff(per_word.indptr)
    tokens = corpus.tokens
    at = np.flatnonzero(n_codes[tokens.word] > 0)
    at = at[docs[tokens.doc[at]]]
    word = tokens.word[at]
    repeat = n_codes[word]
    first = np.repeat(per_word.indptr[word], repeat)
    within = np.arange(repeat.sum()) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    code = per_word.indices[first + within]
    at = np.repeat(at, repeat)
    row = tokens.doc[at].astype(np.int64)
    key = row * len(codes) + code
    if skip:
        skipped = [rows * len(codes) + codes.index(c) for c, rows in skip.items() if c in hits]
        if skipped:
            keep = ~np.isin(key, np.concatenate(skipped))
            at, row, code, key = at[keep], row[keep], code[keep], key[keep]
    negated = np.zeros(len(at), dtype=bool)
    check = np.isin(code, [codes.index(c) for c in negatable])
    if check.any():
        negated[check] = corpus.negated(at[check], language)
    first_of_key = _first_of_each(key, at, negated)
    names = np.asarray(codes, dtype=object)
    return pd.DataFrame({"row": row[first_of_key], "code": names[code[first_of_key]],
                         "start": tokens.start[at[first_of_key]], "end": tokens.end[at[first_of_key]],
                         "negated": negated[first_of_key], "match": kind, "language": langs[row[first_of_key]]})


def _no_codes(columns, n_docs: int) -> pd.DataFrame:
    out = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    out.attrs.update(n_docs=n_docs, n_coded=0)
    return out


def _stopwords_or_empty(language: str) -> frozenset[str]:
    try:
        return _text.stopwords(language)
    except (LookupError, ParameterError):
        return frozenset()


def _candidates(corpus: _Corpus, rows: np.ndarray, hits: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Rows (among ``rows``) holding at least one of each code's hit words."""
    if not hits:
        return {}
    codes = list(hits)
    found = (corpus.table[rows] @ corpus.word_matrix([hits[c] for c in codes])).tocsc()
    return {code: rows[found.indices[found.indptr[i]:found.indptr[i + 1]]]
            for i, code in enumerate(codes) if found.indptr[i + 1] > found.indptr[i]}


def _other_language_rows(corpus, langs, exact_of, rows_of, frequency_of):
    """Keywords of language L in verbatims of language D, for words foreign to D in this corpus.

    ``exact_of[L]`` holds each code's one-word hits among the words of L's verbatims.
    """
    present = {lang: rows for lang, rows in rows_of.items() if len(rows)}
    for source, exact in exact_of.items():
        source_rate = frequency_of[source] / len(present[source])
        established = frequency_of[source] >= OTHER_LANGUAGE_MIN_DOCS
        hits = {code: ids[established[ids]] for code, ids in exact.items()}
        for target, rows in present.items():
            if target == source:
                continue
            own = langs == target
            if not own.any():
                continue
            target_rate = frequency_of[target] / len(rows)
            foreign = {}
            for code, word_ids in hits.items():
                word_ids = word_ids[target_rate[word_ids] <= OTHER_LANGUAGE_MAX_RELATIVE_RATE * source_rate[word_ids]]
                word_ids = word_ids[frequency_of[target][word_ids] > 0]
                if len(word_ids):
                    foreign[code] = word_ids
            yield _occurrences(corpus, own, foreign, "other_language", langs)
