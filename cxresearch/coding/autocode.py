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

How it is fast: the verbatims are split into words once (in Arrow), the
codebook's one-word patterns are tried on each *distinct* word rather than on
each verbatim, and a sparse verbatim × word table turns word hits into
candidate (verbatim, code) pairs. Only those candidates, usually one or two
per verbatim, are checked with the code's full regular expressions (phrases,
exclusions, negation). The result equals applying each code's expression to
each verbatim (:meth:`CompiledCode.matches`), which the tests check.
"""

from __future__ import annotations

import re
import re._constants as _constants
import re._parser as _parser
import unicodedata
import warnings
from collections import defaultdict

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse

from .._checks import check_columns, check_frame, check_unique_ids
from ..exceptions import CXResearchWarning, DataValidationError, ParameterError
from . import text as _text
from .codebook import Codebook, _alternation, load_codebook

__all__ = ["autocode", "NEGATION_CUES", "MATCH_KINDS"]

#: Values of the ``match`` column, from the most to the least certain.
MATCH_KINDS = ("pattern", "other_language", "typo")

#: Words that negate, per language (after case folding). A match of a
#: ``negatable`` code is negated when one of these is among the four words
#: before or after it in the same clause (a comma, full stop or "but" ends a
#: clause): "not friendly", "the checkout was not quick", "personne n'a été
#: serviable". English words ending in "n't" and French elisions "n'" count
#: too, and so do the phrases of ``NEGATION_PHRASES``. Chinese cues count when
#: they stand right before the match or within four characters after it.
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
# What ends a clause for negation: punctuation and the conjunctions "but" and "and"
# ("not friendly and the queue was long": the queue is not negated).
_CONTRAST = re.compile(r"[.!?;:,\n()]|\b(?:but|yet|however|and|mais|cependant|et|ma|però|tuttavia|e|ale|jednak|i"
                       r"|але|проте|та|і)\b|但|可是|不过|而且|，|。|！|？|；", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_NEGATION_WINDOW = 4  # words before or after a match that may negate it
_CHARS_BEFORE = 60

# Tokens: runs of letters, digits and "_" (what a regular expression's \w matches),
# with Han split from other scripts so that "用APP下单" gives "用", "app", "下单".
_SPLIT = r"[^\pL\pN_]+"
_HAN_THEN_OTHER = (r"(\p{Han})([^\p{Han}\PL])", r"\1 \2")
_OTHER_THEN_HAN = (r"([^\p{Han}\PL])(\p{Han})", r"\1 \2")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_PIECES = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\W\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
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
    """Verbatims split into words once: a sparse verbatim x word table and the vocabulary."""

    def __init__(self, texts: np.ndarray):
        array = pa.array(texts, type=pa.large_string())
        for pattern, replacement in (_HAN_THEN_OTHER, _OTHER_THEN_HAN):
            array = pc.replace_substring_regex(array, pattern, replacement)
        lists = pc.split_pattern_regex(pc.utf8_lower(array), _SPLIT)
        flat = pc.list_flatten(lists)
        parents = pc.list_parent_indices(lists).to_numpy()
        keep = pc.greater(pc.utf8_length(flat), 0)
        flat, parents = flat.filter(keep), parents[keep.to_numpy(zero_copy_only=False)]
        encoded = flat.dictionary_encode()
        self.words = encoded.dictionary                        # Arrow, for vectorised matching
        self.vocabulary = np.asarray(self.words.to_pylist(), dtype=object)
        self.han = np.asarray(pc.match_substring_regex(self.words, r"\p{Han}"), dtype=bool)
        words = encoded.indices.to_numpy()
        table = sparse.csr_matrix((np.ones(len(words), dtype=np.int32), (parents, words)),
                                  shape=(len(texts), len(self.vocabulary)))
        table.sum_duplicates()
        table.data[:] = 1
        self.table = table                                   # verbatims x words, 0/1

    def document_frequency(self, rows: np.ndarray) -> np.ndarray:
        """In how many of ``rows`` each word occurs."""
        return np.asarray(self.table[rows].sum(axis=0)).ravel()

    def word_matrix(self, columns: list[np.ndarray]) -> sparse.csr_matrix:
        """A 0/1 word x column table: column j marks the word ids ``columns[j]``."""
        word_ids = np.concatenate(columns)
        column_ids = np.repeat(np.arange(len(columns)), [len(c) for c in columns])
        return sparse.csr_matrix((np.ones(len(word_ids), dtype=np.int32), (word_ids, column_ids)),
                                 shape=(len(self.vocabulary), len(columns)))


# ------------------------------------------------------------------ patterns of one code
def _pieces(pattern: str) -> list[str]:
    """Literal runs of a pattern: split at spaces, punctuation, '*' and Han/other script edges."""
    return _PIECES.findall(pattern.replace("*", " ").casefold())


def _is_one_token(pattern: str) -> bool:
    return (not pattern.startswith("re:") and _ONE_TOKEN.fullmatch(pattern) is not None
            and len(_pieces(pattern)) == 1)


def _required_pieces(pattern: str) -> tuple[str, ...]:
    """The literal pieces every match of a longer pattern must contain (each inside one word).

    For a regular expression, the runs of letters its top level spells out in
    sequence (``\\bdostaw(a|y)`` gives "dostaw"). Pieces shorter than two
    letters (one Han character is enough) are dropped; an empty result means
    the pattern cannot be anchored on words.
    """
    pieces = _regex_pieces(pattern[3:].strip()) if pattern.startswith("re:") else _pieces(pattern)
    return tuple(sorted({p for p in pieces if len(p) >= 2 or _HAN.match(p)}))


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


class _Patterns:
    """One code's include (or exclude) patterns in one language, split by how to find candidates."""

    def __init__(self, patterns):
        self.single = [p for p in patterns if _is_one_token(p)]
        self.one_token = "|".join(f"(?:{_re2_word(p)})" for p in self.single) or None
        self.phrases, loose = [], []     # phrases: the literal pieces each longer pattern requires
        for p in patterns:
            if p in self.single:
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
        present = corpus.words.take(pa.array(words))
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

    def loose_rows(self, texts: np.ndarray, rows: np.ndarray, which: str = "include") -> dict[str, np.ndarray]:
        """For codes with patterns no word can anchor, the rows where one of those patterns occurs."""
        loose = {code: p.loose for code, p in getattr(self, which).items() if p.loose is not None}
        if not loose:
            return {}
        union = re.compile("|".join(f"(?:{rx.pattern})" for rx in loose.values()), re.IGNORECASE)
        hit = rows[np.fromiter((union.search(texts[r]) is not None for r in rows), bool, len(rows))]
        return dict.fromkeys(loose, hit)


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
_PHRASE_CUES = {lang: re.compile("|".join(re.escape(p).replace("'", "['’]") for p in phrases), re.IGNORECASE)
                for lang, phrases in NEGATION_PHRASES.items() if phrases}


_SENTINEL = "negationphrase"


def _near_words(part: str, last: bool) -> list[str]:
    """The four words of the same clause nearest a match, in the text before it (``last``) or after it."""
    pieces = _CONTRAST.split(part)
    words = [w.casefold().replace("’", "'") for w in _WORDS.findall(pieces[-1] if last else pieces[0])]
    return words[-_NEGATION_WINDOW:] if last else words[:_NEGATION_WINDOW]


def _cue_pattern(language: str) -> re.Pattern:
    """Any negation cue of a language, as a quick test before the clause-by-clause check."""
    cues = "|".join(sorted((re.escape(c).replace("'", "['’]")
                            for c in NEGATION_CUES[language] | set(NEGATION_PHRASES[language])), key=len, reverse=True))
    if language == "zh":
        return re.compile(cues)
    return re.compile(rf"(?<!\w)(?:{cues})(?!\w)|n['’]t\b|\bn['’]", re.IGNORECASE)


_ANY_CUE = {language: _cue_pattern(language) for language in NEGATION_CUES}


def _negated(text: str, start: int, end: int, language: str) -> bool:
    cues = NEGATION_CUES.get(language)
    if not cues or _ANY_CUE[language].search(text, max(0, start - _CHARS_BEFORE), end + _CHARS_BEFORE) is None:
        return False
    before, after = text[max(0, start - _CHARS_BEFORE):start], text[end:end + _CHARS_BEFORE]
    phrases = _PHRASE_CUES.get(language)
    if phrases is not None:  # "anything but" must not read as a clause-ending "but"
        before, after = phrases.sub(f" {_SENTINEL} ", before), phrases.sub(f" {_SENTINEL} ", after)
    if language == "zh":
        return any(before.endswith(cue) for cue in cues) or any(cue in after[:4] for cue in cues)
    return any(word in cues or word == _SENTINEL or word.endswith("n't") or word.replace("'", "") in cues
               or (language == "fr" and word.startswith("n'"))
               for word in _near_words(before, last=True) + _near_words(after, last=False))


def _confirm(compiled, texts: np.ndarray, rows: np.ndarray, mask_rows, language_of: np.ndarray, negation: bool):
    """Check candidate rows with a code's full expression; yield (row, span, start, end, negated).

    Exclusions are masked only in ``mask_rows``, the rows where an exclude pattern may occur.
    """
    include, negatable = compiled.include, compiled.negatable and negation
    to_mask = set() if mask_rows is None else set(mask_rows.tolist())
    for row in rows:
        text = texts[row]
        masked = compiled.mask(text) if row in to_mask else text
        first, flipped = None, None
        for match in include.finditer(masked):
            if first is None:
                first = match
            if not negatable:
                break
            if _negated(masked, match.start(), match.end(), language_of[row]):
                flipped = match
                break
        if first is None:
            continue
        match = flipped or first
        yield row, text[match.start():match.end()], match.start(), match.end(), flipped is not None


def _merge(*tables: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    out: dict[str, np.ndarray] = {}
    for table in tables:
        for code, rows in table.items():
            out[code] = np.union1d(out[code], rows) if code in out else rows
    return out


def _locate(text: str, word: str) -> tuple[str, int, int]:
    match = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE)
    if match is None:
        match = re.search(re.escape(word), text, re.IGNORECASE)
    if match is None:  # case folding changed the word's length ("ß"): report the word alone
        return word, -1, -1
    return text[match.start():match.end()], match.start(), match.end()


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
    frame = data.loc[keep]
    texts = frame[text]
    if not (pd.api.types.is_string_dtype(texts) or texts.map(type).eq(str).all()):
        raise DataValidationError("texts are not text", column=text, value=str(texts.dtype),
                                  fix="point text= at the column holding the verbatims")
    unique = texts.astype(str).unique()
    nfc = dict(zip(unique, (unicodedata.normalize("NFC", t) for t in unique)))
    texts = np.asarray([nfc[t] for t in texts.astype(str)], dtype=object)
    if language is not None and language in data.columns:
        langs = frame[language].astype("string").str.casefold().fillna(_text.UNDETERMINED)
    else:
        langs = _text.guess_language(pd.Series(texts, index=frame.index))
    return codebook, frame[id].astype(str).to_numpy(), texts, langs.to_numpy(dtype=object)


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
    codebook, ids, texts, langs = _prepare(data, codebook, text, id, language, speaker, respondent)
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
    corpus = _Corpus(texts)
    code_order = {c: i for i, c in enumerate(codebook.ids)}
    kind_rank = {k: i for i, k in enumerate(MATCH_KINDS)}
    results = []
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
        # Han words are whole runs of characters: their matches need the full expression to locate
        certain = _candidates(corpus, rows, {code: single[~corpus.han[single]] for code, single in exact.items()})
        candidates = _merge(_candidates(corpus, rows, {code: single[corpus.han[single]] for code, single in exact.items()}),
                            plan.phrase_rows(corpus, rows, words), plan.loose_rows(texts, rows))
        masked = _merge(_candidates(corpus, rows, plan.word_hits(corpus.words, words, which="exclude")),
                        plan.phrase_rows(corpus, rows, words, which="exclude"),
                        plan.loose_rows(texts, rows, which="exclude"))
        for code, cand in certain.items():
            # a one-word hit with no exclusion nearby needs no second look by the full expression
            sure = np.setdiff1d(cand, masked.get(code, rows[:0]), assume_unique=True)
            check = negation and plan.compiled[code].negatable
            single = exact[code]
            results.extend(_word_rows(corpus, texts, langs, sure, single[~corpus.han[single]], code, "pattern", check))
            candidates[code] = np.union1d(candidates.get(code, rows[:0]), np.intersect1d(cand, masked.get(code, rows[:0])))
        for code, cand in candidates.items():
            found = _confirm(plan.compiled[code], texts, cand, masked.get(code), langs, negation)
            results.extend((row, code, span, start, end, negated, "pattern", langs[row])
                           for row, span, start, end, negated in found)
        if typos:
            stop = _stopwords_or_empty(lang)
            for code, word_ids in _typo_hits(plan, corpus, words, frequency_of[lang], exact, stop).items():
                results.extend(_word_rows(corpus, texts, langs, rows, word_ids, code, "typo"))
    if other_languages:
        results.extend(_other_language_rows(corpus, texts, langs, exact_of, rows_of, frequency_of))
    if not results:
        return _no_codes(columns, len(texts))
    out = pd.DataFrame(results, columns=["row", "code", "span", "start", "end", "negated", "match", "language"])
    out["_kind"] = out["match"].map(kind_rank)
    out["_code"] = out["code"].map(code_order)
    out = (out.sort_values(["row", "_code", "_kind", "start"], kind="stable")
              .drop_duplicates(["row", "code"]))
    out.insert(0, id_name, ids[out["row"].to_numpy()])
    out = out[columns].reset_index(drop=True)
    out = out.astype({"start": "int64", "end": "int64", "negated": bool})
    out.attrs.update(n_docs=len(texts), n_coded=int(out[id_name].nunique()))
    return out


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


def _word_rows(corpus, texts, langs, rows, word_ids, code, kind, negation=False):
    """Result rows for verbatims (among ``rows``) holding one of ``word_ids``, located in the text."""
    columns = corpus.table[rows][:, word_ids].tocsr()
    for position in np.flatnonzero(np.diff(columns.indptr)):
        row = rows[position]
        word = corpus.vocabulary[word_ids[columns.indices[columns.indptr[position]]]]
        text = texts[row]
        span, start, end = _locate(text, word)
        yield (row, code, span, start, end, negation and start >= 0 and _negated(text, start, end, langs[row]),
               kind, langs[row])


def _other_language_rows(corpus, texts, langs, exact_of, rows_of, frequency_of):
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
            own = np.flatnonzero(langs[rows] == target)
            if len(own) == 0:
                continue
            target_rows = rows[own]
            target_rate = frequency_of[target] / len(rows)
            for code, word_ids in hits.items():
                foreign = word_ids[target_rate[word_ids] <= OTHER_LANGUAGE_MAX_RELATIVE_RATE * source_rate[word_ids]]
                foreign = foreign[frequency_of[target][foreign] > 0]
                if len(foreign):
                    yield from _word_rows(corpus, texts, langs, target_rows, foreign, code, "other_language")
