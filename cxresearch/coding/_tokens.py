"""Many texts split into words at once, with where each word is: the fast path of auto-coding.

A word is a run of word characters as a regular expression's ``\\w`` sees them
(letters, digits, "_"), with Han characters split from other scripts
("用APP下单" gives "用", "APP", "下单"). The texts' UTF-8 bytes are read with
numpy, a slice of verbatims at a time, so no Python object is made per word.
For each word it records the verbatim, its character offsets, and what lies in
the gap before it (clause punctuation, or a lone apostrophe as in "don't"),
which is what the negation check needs.

Not for reading meaning, stemming or stop words: see :mod:`cxresearch.coding.text`.
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

#: Characters that end a clause (for negation): punctuation, newline, brackets.
CLAUSE_PUNCTUATION = ".!?;:,\n()，。！？；"
APOSTROPHES = "'\u2019\u02bc"
_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF))
_SLICE = 100_000  # verbatims per slice: bounds the memory of the byte-level arrays
_OTHER, _WORD, _HAN = 0, 1, 2
_HAN_CLASS = "".join(f"{chr(low)}-{chr(high)}" for low, high in _HAN_RANGES)
#: The same words in one text, for Python's ``re``: runs of Han, or of other word characters.
WORD_RUN = re.compile(f"[{_HAN_CLASS}]+|[^\\W{_HAN_CLASS}]+")


@functools.cache
def _classes() -> np.ndarray:
    """Code point -> 0 (not a word character), 1 (word character), 2 (Han)."""
    table = np.zeros(0x110000, dtype=np.uint8)
    table[[cp for cp in range(0x30000) if chr(cp).isalnum() or cp == 0x5F]] = _WORD
    for low, high in _HAN_RANGES:
        table[low:high + 1] = np.where(table[low:high + 1] > 0, _HAN, 0)
    return table


@functools.cache
def _marks(chars: str) -> np.ndarray:
    table = np.zeros(0x110000, dtype=bool)
    table[[ord(c) for c in chars]] = True
    return table


def _utf8_width(lead: np.ndarray) -> np.ndarray:
    """Bytes of the UTF-8 character whose first byte is ``lead`` (1 to 4)."""
    return np.where(lead < 0x80, 1, np.where(lead < 0xE0, 2, np.where(lead < 0xF0, 3, 4)))


def _lead_points(data: np.ndarray, leads: np.ndarray) -> np.ndarray:
    """Code points of the multi-byte UTF-8 characters starting at ``leads``."""
    padded = np.concatenate([data, np.zeros(3, dtype=np.uint8)])
    b0, b1, b2, b3 = (padded[leads + i].astype(np.uint32) for i in range(4))
    points = np.where(b0 < 0xE0, ((b0 & 0x1F) << 6) | (b1 & 0x3F),
             np.where(b0 < 0xF0, ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F),
                      ((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F)))
    return np.minimum(points, 0x10FFFF)


class Tokens:
    """The words of a set of texts, in reading order.

    Attributes (one entry per word)
    -------------------------------
    doc : int32, the text it is in (texts' positions)
    start, end : int32, character offsets in that text
    word : int32, id in ``vocabulary`` (lower-cased)
    han : bool, a run of Han characters
    clause_break : bool, the gap before the word holds clause punctuation (or it starts its text)
    joined : bool, the gap before the word is one apostrophe ("don't": "t" is joined to "don")
    vocabulary : pyarrow string array of the distinct lower-cased words
    """

    def __init__(self, texts: pa.Array):
        if isinstance(texts, pa.ChunkedArray):
            texts = texts.combine_chunks()
        texts = pc.cast(texts, pa.large_string())
        if texts.null_count:
            raise ValueError("texts must not be missing")
        buffer = texts.buffers()[2] or pa.py_buffer(b"")
        offsets = np.frombuffer(texts.buffers()[1], dtype=np.int64)[texts.offset:texts.offset + len(texts) + 1]
        data = np.frombuffer(buffer, dtype=np.uint8)
        parts, words = [], []
        for first in range(0, len(texts), _SLICE):
            last = min(first + _SLICE, len(texts))
            part = self._slice(data, offsets, first, last)
            bounds = np.column_stack([part.pop("byte_start"), part.pop("byte_end")]).ravel()
            if len(bounds):
                # token, gap, token, ... over the texts' own bytes (no copy); the tokens are every other piece
                pieces = pa.LargeStringArray.from_buffers(len(bounds) - 1, pa.py_buffer(bounds.astype(np.int64)),
                                                          buffer)
                tokens = pieces.take(pa.array(np.arange(0, len(pieces), 2)))
            else:
                tokens = pa.array([], pa.large_string())
            words.append(pc.utf8_lower(tokens).dictionary_encode())
            parts.append(part)
        # one attribute at a time, each slice's part freed as it is copied: the peak stays near the result's size
        self.doc, self.start, self.end, self.clause_break, self.joined = (
            np.concatenate([p.pop(k) for p in parts]) if parts else np.zeros(0, t)
            for k, t in (("doc", np.int32), ("start", np.int32), ("end", np.int32),
                         ("clause_break", bool), ("joined", bool)))
        if words:
            unified = pa.chunked_array(words).unify_dictionaries()
            del words
            self.vocabulary = unified.chunk(0).dictionary
            self.word = np.empty(len(self.doc), dtype=np.int32)
            np.concatenate([c.indices.to_numpy() for c in unified.chunks], out=self.word)
            del unified
        else:
            self.vocabulary, self.word = pa.array([], pa.large_string()), np.zeros(0, np.int32)
        self.han = np.asarray(pc.match_substring_regex(self.vocabulary, r"\p{Han}"), dtype=bool)
        self.n_texts = len(texts)
        pa.default_memory_pool().release_unused()  # Arrow's allocator keeps freed blocks: return them

    @staticmethod
    def _slice(data: np.ndarray, offsets: np.ndarray, first: int, last: int) -> dict[str, np.ndarray]:
        """Words of texts ``first:last``, found on their bytes (most are ASCII: one table look-up each)."""
        low, high = offsets[first], offsets[last]
        chunk = data[low:high]
        doc_first = (offsets[first:last] - low).astype(np.int64)
        kind = _ascii_kind(chunk)                          # exact for ASCII; multi-byte characters below
        leads = np.flatnonzero(chunk >= 0xC0)
        apostrophe_leads = leads[:0]
        continuation = None
        if len(leads):
            points = _lead_points(chunk, leads)
            kind[leads] = lead_kind = _classes()[points]
            width = _utf8_width(chunk[leads])
            for extra in (1, 2, 3):  # a character's continuation bytes take its kind
                has = width > extra
                kind[leads[has] + extra] = lead_kind[has]
            apostrophe_leads = leads[_marks(APOSTROPHES)[points]]
            punctuation_leads = leads[_marks(CLAUSE_PUNCTUATION)[points]]
            continuation = np.cumsum((chunk & 0xC0) == 0x80, dtype=np.int32)
        new_doc = np.zeros(len(chunk) + 1, dtype=bool)
        new_doc[doc_first] = True
        edge = np.empty(len(chunk) + 1, dtype=bool)        # a run of one kind starts at byte i
        edge[0] = edge[-1] = True
        np.not_equal(kind[1:], kind[:-1], out=edge[1:-1])
        edge |= new_doc
        cut = np.flatnonzero(edge)                          # runs: [cut[r], cut[r + 1])
        starts = cut[:-1]
        run_kind = kind[starts]
        # empty texts share their start with the next text: a run belongs to the last of them
        distinct = np.flatnonzero(new_doc[:-1])
        run_doc = (np.searchsorted(doc_first, distinct, side="right") - 1)[np.cumsum(new_doc[starts]) - 1]
        # what the gap before each word holds: clause punctuation, or one apostrophe
        marks = np.flatnonzero(_ascii_punctuation(chunk))
        if len(leads):
            marks = np.concatenate([marks, punctuation_leads])
        gap_has_punctuation = np.zeros(len(starts), dtype=bool)
        gap_has_punctuation[np.searchsorted(cut, marks, side="right") - 1] = True
        apostrophe = chunk == ord("'")
        apostrophe[apostrophe_leads] = True
        run_bytes = np.diff(cut)
        words = np.flatnonzero(run_kind != _OTHER)
        before = words - 1
        gap = (before >= 0) & (run_kind[np.maximum(before, 0)] == _OTHER) & (run_doc[np.maximum(before, 0)] == run_doc[words])
        doc = run_doc[words]
        same_doc = np.concatenate([[False], doc[1:] == doc[:-1]])
        clause_break = ~same_doc | (gap & gap_has_punctuation[np.maximum(before, 0)])
        gap_start = starts[np.maximum(before, 0)]
        gap_width = _utf8_width(chunk[gap_start]) if len(chunk) else gap_start
        joined = same_doc & gap & (run_bytes[np.maximum(before, 0)] == gap_width) & apostrophe[gap_start]
        begins, ends = starts[words], cut[words + 1]
        to_char = (lambda at: at - continuation[np.maximum(at - 1, 0)] * (at > 0)) if continuation is not None \
            else (lambda at: at)
        first_char = to_char(doc_first)[doc]
        return {"doc": (doc + first).astype(np.int32), "start": (to_char(begins) - first_char).astype(np.int32),
                "end": (to_char(ends) - first_char).astype(np.int32), "clause_break": clause_break,
                "joined": joined, "byte_start": begins + low, "byte_end": ends + low}


def _ascii_kind(chunk: np.ndarray) -> np.ndarray:
    """1 for ASCII letters, digits and "_", else 0 (comparisons: faster than a table look-up)."""
    folded = chunk | 0x20
    word = ((folded >= ord("a")) & (folded <= ord("z"))) | ((chunk >= ord("0")) & (chunk <= ord("9")))
    word |= chunk == ord("_")
    return word.view(np.uint8)


def _ascii_punctuation(chunk: np.ndarray) -> np.ndarray:
    marks = np.zeros(len(chunk), dtype=bool)
    for char in CLAUSE_PUNCTUATION:
        if ord(char) < 128:
            marks |= chunk == ord(char)
    return marks
