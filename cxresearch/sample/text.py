"""Turning planted themes into customers' words, for the bundled sample.

The phrase bank (:mod:`cxresearch.sample.phrases`) holds, per theme, polarity,
language and wording kind, short clauses written as customers write them. This
module picks and joins them, and plants personal data where asked. It is for
the generator only: nothing here is used to *code* text.
"""

from __future__ import annotations

import numpy as np

from . import phrases as bank

_HARD_FALLBACK = ("paraphrase", "typo", "mixed", "negation", "keyword")


def pick(rng: np.random.Generator, options):
    return options[int(rng.integers(len(options)))]


def phrase_for(rng, theme: str, polarity: str, language: str, kind: str) -> tuple[str, str]:
    """One phrase of the wanted kind, or the nearest kind the bank has; returns (text, kind used)."""
    buckets = bank.PHRASES[theme][polarity][language]
    order = (kind,) + tuple(k for k in _HARD_FALLBACK if k != kind) if kind != "keyword" else ("keyword",)
    for k in order:
        if buckets.get(k):
            return pick(rng, buckets[k]), k
    raise KeyError(f"phrase bank has nothing for {theme}/{polarity}/{language}")


def join_sentences(parts: list[str], language: str) -> str:
    """Join clauses the way the language punctuates them."""
    if language == "zh":
        body = "，".join(p.rstrip("。.!！?？，, ") for p in parts)
        return body + "。"
    out = []
    for p in parts:
        p = p.strip()
        if not p:
            continue
        p = p[0].upper() + p[1:]
        if p[-1] not in ".!?…":
            p += "."
        out.append(p)
    return " ".join(out)


# ------------------------------------------------------------ personal data
_FIRST = {"en": ["james", "emma", "oliver", "sophie"], "fr": ["camille", "louis", "chloe", "hugo"],
          "it": ["giulia", "marco", "francesca", "luca"], "pl": ["anna", "piotr", "kasia", "tomasz"],
          "uk": ["olena", "andrii", "iryna", "taras"], "zh": ["wei", "li.na", "zhang.min", "chen"]}
_LAST = {"en": ["smith", "jones", "taylor"], "fr": ["martin", "bernard", "dubois"],
         "it": ["rossi", "bianchi", "romano"], "pl": ["kowalska", "nowak", "wisniewski"],
         "uk": ["shevchenko", "kovalenko", "bondarenko"], "zh": ["wang", "liu", "zhao"]}
_PHONE = {"en": "+44 7700 9#####", "fr": "+33 6 ## ## ## ##", "it": "+39 347 ### ####",
          "pl": "+48 601 ### ###", "uk": "+380 67 ### ####", "zh": "+86 138 #### ####"}
_PII_TEMPLATES = {
    "email": {"en": "You can email me at {v}", "fr": "Mon adresse : {v}", "it": "Scrivetemi a {v}",
              "pl": "Mój adres to {v}", "uk": "Моя пошта {v}", "zh": "我的邮箱是 {v}"},
    "phone": {"en": "Call me back on {v}", "fr": "Rappelez-moi au {v}", "it": "Richiamatemi al {v}",
              "pl": "Proszę oddzwonić pod {v}", "uk": "Передзвоніть мені на {v}", "zh": "请打我电话 {v}"},
    "card": {"en": "Card used was {v}", "fr": "Carte utilisée : {v}", "it": "Carta usata {v}",
             "pl": "Karta {v}", "uk": "Картка {v}", "zh": "我用的卡号 {v}"},
}


def _luhn_complete(digits: list[int]) -> list[int]:
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return digits + [(10 - total % 10) % 10]


def make_pii(rng, kind: str, language: str) -> str:
    """A realistic but fictional email, phone number or Luhn-valid card number."""
    if kind == "email":
        domain = {"en": "example.co.uk", "fr": "example.fr", "it": "example.it", "pl": "example.pl",
                  "uk": "example.com.ua", "zh": "example.cn"}[language]
        return f"{pick(rng, _FIRST[language])}.{pick(rng, _LAST[language])}{int(rng.integers(1, 99))}@{domain}"
    if kind == "phone":
        digits = iter(rng.integers(0, 10, _PHONE[language].count("#")))
        return "".join(str(next(digits)) if c == "#" else c for c in _PHONE[language])
    if kind == "card":
        digits = _luhn_complete([4] + [int(d) for d in rng.integers(0, 10, 14)])
        s = "".join(map(str, digits))
        return " ".join(s[i:i + 4] for i in range(0, 16, 4))
    raise ValueError(kind)


def pii_sentence(rng, kind: str, language: str) -> tuple[str, str]:
    value = make_pii(rng, kind, language)
    return _PII_TEMPLATES[kind][language].format(v=value), value
