"""Keeping personal data and small groups out of what a report shows.

What this module is for: making customer quotes and exported tables safe to
show. :func:`redact_pii` replaces personal data in quotes (e-mail addresses,
phone numbers, payment cards, IBANs, URLs carrying personal tokens, street
addresses) with a placeholder; :func:`find_pii` lists what it would replace,
for auditing; :func:`pii_summary` counts it per kind.
:func:`spreadsheet_safe` neutralises cells a spreadsheet would run as formulas
(CSV injection).

What it is not for: names of people (no reliable pattern exists; a quote
saying "Ask for Marta" keeps the name), anonymising customer ids (keep them
out of reports instead), or small-cell suppression of metrics, which lives
with the metrics themselves (``suppressed`` columns of
:mod:`cxresearch.metrics`).

How the recognisers decide (details in :func:`redact_pii`): every kind is a
precompiled regular expression; cards and IBANs must also pass their checksum
(Luhn, mod-97). The rules favour recall: a quote that loses a harmless number
is a smaller harm than a report that prints a customer's phone number. Speed
comes from a cheap first pass in Arrow's RE2 engine that finds the few texts
that could hold each kind (an ``@``, eight digits close together, ...); only
those go through the exact Python patterns, with pandas ``.str.replace``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .exceptions import ParameterError

__all__ = [
    "redact_pii",
    "find_pii",
    "pii_summary",
    "spreadsheet_safe",
    "PII_KINDS",
    "FIND_PII_COLUMNS",
    "PII_SUMMARY_COLUMNS",
    "FORMULA_PREFIXES",
]

#: A cell starting with one of these is run as a formula by Excel, LibreOffice or Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

#: The kinds of personal data :func:`redact_pii` recognises, in the order they are applied.
PII_KINDS = ("url_token", "email", "iban", "phone", "card", "address")
#: Output columns of :func:`find_pii`.
FIND_PII_COLUMNS = ("index", "kind", "start", "end", "value")
#: Output columns of :func:`pii_summary`.
PII_SUMMARY_COLUMNS = ("kind", "n_matches", "n_texts", "share_texts")

_DEFAULT_KINDS = ("email", "phone", "card", "iban", "url_token", "address")


# --------------------------------------------------------------------------
# patterns
# --------------------------------------------------------------------------
# Boundaries are written with explicit ASCII classes rather than \b or \w:
# Python's \w counts Chinese and Cyrillic letters as word characters, so
# "邮箱是a@b.cn" or "电话13812345678" would otherwise have no boundary at all.

_ALNUM = "0-9A-Za-z"

# -- e-mail: local@domain.tld, no spaces around the @ ("user @ home" is prose).
_EMAIL = (
    r"(?<![0-9A-Za-z._%+\-])"
    r"[0-9A-Za-z_%+\-]+(?:\.[0-9A-Za-z_%+\-]+)*"
    r"[@＠]"
    r"(?:[0-9A-Za-z\u0400-\u04ff](?:[0-9A-Za-z\u0400-\u04ff\-]{0,61}[0-9A-Za-z\u0400-\u04ff])?\.)+"
    r"(?:[A-Za-z]{2,24}|[\u0400-\u04ff]{2,24}|xn--[0-9a-z\-]{2,59})"
    r"(?![0-9A-Za-z\u0400-\u04ff\-])"
)

# -- URLs with a personal token: a token-like query parameter, or a random-looking
# path segment after /reset/, /unsubscribe/, /invite/ and similar.
_URL_CHAR = r"[0-9A-Za-z\-._~:/?#\[\]@!$&()*+,;=%]"
_URL_END = r"[0-9A-Za-z\-_~/=#&+%@]"  # a URL does not end in . , ; : ! ? ) ] (sentence punctuation)
_TOKEN_PARAMS = (
    "token|key|apikey|session|sessionid|sid|phpsessid|jsessionid|reset|uid|userid|user|"
    "email|e-mail|mail|auth|sig|signature|hmac|password|passwd|pwd|pass|otp|code|hash|"
    "ticket|login|customer|customerid|invite|unsubscribe|verify|verification|confirm"
)
_TOKEN_PATHS = (
    "reset|password|unsubscribe|invite|invitation|verify|verification|confirm|"
    "confirmation|activate|activation|magic|login|token|optout|opt-out"
)
_RANDOM_SEGMENT = (
    r"(?:(?=[0-9A-Za-z_\-]*\d)(?=[0-9A-Za-z_\-]*[A-Za-z])[0-9A-Za-z_\-]{8,}"
    r"|[0-9A-Za-z_\-]{20,})(?![0-9A-Za-z_\-])"
)
_URL_TOKEN = (
    r"(?i)(?<![0-9A-Za-z])(?:https?://|www\.)" + _URL_CHAR + r"*?"
    r"(?:[?&;#](?:[0-9A-Za-z]+[_\-])*(?:" + _TOKEN_PARAMS + r")(?:[_\-][0-9A-Za-z]+)*=[^&#\s]"
    r"|/(?:[0-9A-Za-z]+[_\-])*(?:" + _TOKEN_PATHS + r")(?:[_\-][0-9A-Za-z]+)*/"
    r"(?:[0-9A-Za-z_\-.%]+/)*?" + _RANDOM_SEGMENT + r")"
    r"(?:" + _URL_CHAR + r"*" + _URL_END + r")?"
)

# -- IBAN: country code, two check digits, 11-30 letters/digits, optionally in groups.
# The length is then cut to the country's IBAN length and the mod-97 checksum checked.
_IBAN = r"(?<![0-9A-Za-z])[A-Z]{2}\d{2}(?: ?[0-9A-Z]){11,30}"
_IBAN_LENGTHS = {  # SWIFT IBAN registry
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28,
    "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
    "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22,
    "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23,
    "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24,
    "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}

# -- phone numbers. A separator is one space (also no-break), dot or dash.
_SEP = r"[ .\-\u00a0\u202f]"
_PHONE_START = rf"(?<![{_ALNUM}+＋])(?<!\d{_SEP})"
_PHONE_SHAPES = [
    # international: +CC or 00CC, then 7-12 digits, mixed separators, "(0)" allowed
    rf"[+＋][1-9]\d{{0,2}}(?:{_SEP}?\(\d{{1,4}}\))?(?:{_SEP}?\d){{7,12}}(?!\d)",
    rf"00[1-9]\d{{0,2}}(?:{_SEP}?\(\d{{1,4}}\))?(?:{_SEP}?\d){{7,12}}(?!\d)",
    # national with trunk 0 (UK 07700 900123, FR 06 12 34 56 78, IT 02 1234 5678,
    # UA 067 123 4567): 10-11 digits, one separator used throughout
    rf"(?=0[1-9](?:{_SEP}?\d){{8,9}}(?!{_SEP}?\d))0[1-9]\d*(?:(?P<s1>{_SEP})\d+(?:(?P=s1)\d+)*)?"
    rf"(?!{_SEP}?\d)",
    # national without trunk 0 (PL 601 234 567, IT 347 123 4567, CN 138 1234 5678,
    # US 555-123-4567): 9-11 digits in 3-5 groups, one separator used throughout
    rf"(?=(?:\d{_SEP}?){{8,10}}\d(?!{_SEP}?\d))"
    rf"[1-9]\d{{0,3}}(?P<s2>{_SEP})\d{{2,4}}(?:(?P=s2)\d{{2,4}}){{1,3}}"
    rf"(?!{_SEP}?\d)",
    # ... or 10-11 digits as 3 + 7/8 (IT 347 1234567)
    rf"[1-9]\d{{2}}{_SEP}\d{{7,8}}(?!{_SEP}?\d)",
    # area code in brackets: (555) 123-4567, (067) 123-45-67
    rf"(?=\(\d{{2,5}}\)(?:{_SEP}?\d){{6,8}}(?!{_SEP}?\d))"
    rf"\(\d{{2,5}}\){_SEP}?\d{{2,4}}(?:{_SEP}?\d{{2,4}}){{1,3}}"
    rf"(?!{_SEP}?\d)",
    # Chinese mobile written as one run: 1[3-9] + 9 digits
    r"1[3-9]\d{9}(?!\d)",
]
_PHONE = _PHONE_START + "(?:" + "|".join(_PHONE_SHAPES) + rf")(?![{_ALNUM}])"
# A number right after one of these labels is an order/reference number, not a
# phone ("order 0123456789", "ref 2025-0614-77", "订单 13812345678" stay),
# unless it starts with + or 00.
_ORDER_LABEL = re.compile(
    r"(?i)(?<![A-Za-z])(?:order|commande|ordine|zam[oó]wieni[ea]|замовлення|заказ|订单|单号|invoice|facture|"
    r"fattura|faktura|рахунок|ref|reference|référence|riferimento|tracking|suivi|"
    r"ticket|case|dossier|pratica|sprawa|account|compte|conto|konto|customer|client|cliente|"
    r"klient|membership|loyalty|receipt|reçu|ricevuta|paragon|чек|transaction|transakcj[ai])"
    r"\W{0,3}(?:n[o°º]\.?|nr\.?|num\.?|#|№)?\s{0,3}[#№:]?\s{0,2}$"
)

# -- payment cards: 13 or more digits, single spaces or dashes between them; the
# checker finds the 13-19 digits (whole groups) that pass the Luhn check.
_CARD = r"(?<![0-9A-Za-z+＋])(?<!\d[ \-])\d(?:[ \-]?\d){12,}(?![0-9A-Za-z])"

# -- street addresses
# Word edges here are Latin or Cyrillic letters, digits and _: a street may be
# glued to Chinese text (我住在via Roma 10。), where \w would see no edge.
_LC = r"0-9A-Za-z\u00c0-\u024f\u0400-\u04ff_"
_UPPER = "".join(re.escape(c) for c in map(chr, range(0x41, 0x530)) if c.isupper())
_CAP_WORD = rf"(?:[{_UPPER}][\w'’]*(?:-[\w'’]+)*|[{_UPPER}]\.)"
_LOWER_WORD = r"[^\W\d_][\w'’]*(?:-[\w'’]+)*"
_PARTICLE = (
    r"(?:(?:d|l|dell|sant|all|nell)['’]"
    r"|(?:de|du|des|la|le|les|del|della|dei|degli|delle|dello|di|da|dal|san|santa|st|ste"
    r"|św\.|gen\.|ks\.|im\.|of|the) )"
)
_NAME = rf"{_PARTICLE}*{_CAP_WORD}(?:[ \-]{_PARTICLE}*{_CAP_WORD}){{0,3}}"
_NAME_ANY = rf"(?:{_NAME}|{_PARTICLE}*{_LOWER_WORD}(?: {_LOWER_WORD})?)"
_UK_POSTCODE = (
    r"(?:GIR ?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRVWXY\d]?) ?\d[ABD-HJLNP-UW-Z]{2})"
)
_CITY = rf"{_CAP_WORD}(?:[ \-]{_PARTICLE}*{_CAP_WORD}){{0,2}}"
_POSTAL_TAIL = rf"(?:,? ?(?:\d{{5}}|\d{{2}}-\d{{3}})(?: {_CITY})?)?"
# a letter after a house number is a-d (12a, 221B): "2x", "3h", "5m" are counts and durations
_HOUSE_NUMBER = r"\d{1,5}[A-Da-d]?(?:[/\-]\d{1,5}[A-Da-d]?)?"
# words after a number that make it a count, a duration or a price, not a house number
_UNITS = (
    r"(?i:times?|x|days?|hours?|hrs?|h|mins?|minutes?|weeks?|months?|years?|am|pm|"
    r"fois|jours?|heures?|semaines?|mois|ans|giorn[oi]|ore|volte|minuti|settimane?|mes[ei]|anni|"
    r"dni|dzie[nń]|godzin[ay]?|razy?|minut[ya]?|tygodni[e]?|miesi[aę]c[ey]?|miesięcy|lat[a]?|"
    r"днів|дні|день|годин[иа]?|разів|рази|хвилин[иа]?|тижн[іяь]в?|місяц[іяь]в?|років|роки|"
    r"eur|euros?|zł|pln|gbp|грн|uah|km|kg|cm|mm|m|l|pcs|szt|шт|pz)"
)
_NUMBER_AFTER = (
    rf",? ?(?:(?i:буд\.|bud\.|n\.|nr|no\.?|№) ?)?{_HOUSE_NUMBER}(?![{_LC}%€$£]|[.,]\d| ?[%€$£])"
    rf"(?! {_UNITS}(?!\w)(?!\. ?\d))"  # "m. 4" is a flat number, "4 m" a length
    rf"(?: ?,? ?(?i:m\.|lok\.|кв\.|apt\.?|int\.|scala) ?\d{{1,4}}[A-Za-z]?)?"
)
# CJK ideographs less the pronouns and particles that end a place name
_CJK_PLACE = "".join(
    f"{chr(a)}-{chr(b)}" for a, b in zip(
        [0x4E00] + [ord(c) + 1 for c in sorted("我你他她它们的了在是住到送寄往从于和及与把被给向请就也都还很")],
        [ord(c) - 1 for c in sorted("我你他她它们的了在是住到送寄往从于和及与把被给向请就也都还很")] + [0x9FFF],
    ) if a <= b
)
_ADDRESS_SHAPES = [
    # English: 221B Baker Street, 10 Downing St, 12 High Street, London SW1A 1AA
    rf"{_HOUSE_NUMBER},? {_NAME} (?:(?i:street|road|avenue|lane|drive|close|place|court|crescent|"
    rf"terrace|gardens|grove|square|boulevard|mews|parade)(?![{_LC}])"
    rf"|(?i:st|rd|ave|ln|dr|sq|blvd)(?![{_LC}])\.?)"  # the dot of "St." but not a full stop after "Road"
    rf"(?:,? ?(?:{_CITY},? ?)?{_UK_POSTCODE}(?![0-9A-Za-z]))?",
    # French: 12 rue de la Paix, 75002 Paris; 3 bis avenue Victor Hugo
    rf"\d{{1,4}}(?: ?(?i:bis|ter|quater)| ?[A-Da-d](?![{_LC}]))?,? "
    rf"(?:(?i:rue|boulevard|bd|bld)(?![{_LC}])\.? {_NAME_ANY}"
    rf"|(?i:avenue|av\.|allée|allee|impasse|chemin|quai|place|cours|route|passage|square)(?![{_LC}]) {_NAME})"
    rf"{_POSTAL_TAIL}",
    # Italian, Polish, Ukrainian: street word, name, house number (via Roma 10,
    # ul. Marszałkowska 10/4, вул. Хрещатик, 22) and an optional postcode and city
    rf"(?<![{_LC}.])(?:(?i:via|viale|piazza|piazzale|corso|largo|vicolo|strada)(?![{_LC}])"
    rf"|(?i:ul|al|pl|os)\.|(?i:ulica|ulicy|aleja|alei|plac|placu|osiedle)(?![{_LC}])"
    rf"|(?i:вул|просп|пров|бульв|пл|наб|ул|пр-т)\.|(?i:вулиця|вулиці|проспект|провулок|бульвар|"
    rf"площа|набережна|шосе|улица|проспект)(?![{_LC}])"
    rf") ?(?:\d{{1,2}} )?{_NAME_ANY}{_NUMBER_AFTER}{_POSTAL_TAIL}",
    # Chinese: 建国路88号, 北京市朝阳区建国路88号3室 (the place name stops at a
    # pronoun or a particle: 我住在建国路88号 keeps 我住在)
    rf"[{_CJK_PLACE}]{{1,10}}"
    r"(?:路|街|巷|胡同|大道|弄)\d{1,5}[号號](?:\d{1,5}(?:室|栋|楼|单元|號|号))*",
    # a full UK postcode on its own: SW1A 1AA (a handful of households), but not
    # a chip and a storage size ("M2 1TB", "PS5 1TB", "M1 8GB")
    rf"(?<![0-9A-Za-z])(?![A-Z0-9]{{2,4}} ?\d[GTMKP]B(?![0-9A-Za-z])){_UK_POSTCODE}(?![0-9A-Za-z])",
]
_ADDRESS = rf"(?<![{_ALNUM}])(?:" + "|".join(_ADDRESS_SHAPES) + ")"

_PATTERNS = {
    "url_token": re.compile(_URL_TOKEN),
    "email": re.compile(_EMAIL),
    "iban": re.compile(_IBAN),
    "phone": re.compile(_PHONE),
    "card": re.compile(_CARD),
    "address": re.compile(_ADDRESS),
}

# Cheap first pass, run by Arrow's RE2 engine over every text: a text that does
# not match all of a kind's gates cannot hold that kind (each gate is looser
# than the exact pattern), so the exact Python pattern only sees the few that do.
_STREET_WORDS = (
    "street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|place|court|crescent|terrace|gardens|"
    "grove|square|sq|boulevard|blvd|mews|parade|rue|bd|bld|av|allée|allee|impasse|chemin|quai|"
    "cours|route|passage|via|viale|piazza|piazzale|corso|largo|vicolo|strada|ul|al|pl|os|ulica|"
    "ulicy|aleja|alei|plac|placu|osiedle|вул|вулиця|вулиці|просп|проспект|пров|провулок|бульв|"
    "бульвар|пл|площа|наб|набережна|шосе|ул|улица|пр-т"
)
_GATES = {
    "url_token": [r"(?i)://|www\."],
    "email": [r"[@＠]"],
    "iban": [r"[A-Z]{2}\p{Nd}{2}"],
    # 8+ digits, at most two separator or bracket characters apart
    "phone": [r"\p{Nd}(?:[ .\-\x{a0}\x{202f}()]{0,2}\p{Nd}){7}"],
    "card": [r"\p{Nd}(?:[ \-]?\p{Nd}){12}"],
    # a digit, and a street word, a Chinese road or a UK postcode's inward half
    "address": [r"\p{Nd}", r"(?i)(?:^|[^0-9A-Za-z\x{c0}-\x{24f}\x{400}-\x{4ff}_])(?:" + _STREET_WORDS
                + r")(?:[^0-9A-Za-z\x{c0}-\x{24f}\x{400}-\x{4ff}_]|$)|路|街|巷|胡同|大道|弄|\p{Nd}[A-Z]{2}"],
}

_ANY_GATE = r"[@＠]|://|[Ww][Ww][Ww]\.|\p{Nd}"

# While a text is worked on, each found value becomes a marker made of
# private-use characters: no later pattern can match inside it, and the
# user's placeholder is put in only at the end.
_MARK = "\ue000"
_SENTINELS = {kind: f"{_MARK}{chr(0xE001 + i)}{_MARK}" for i, kind in enumerate(PII_KINDS)}
_SENTINEL_RE = re.compile(f"{_MARK}([\ue001-\ue006]){_MARK}")


# --------------------------------------------------------------------------
# checks on candidates
# --------------------------------------------------------------------------

def _luhn_ok(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _card_span(match: re.Match) -> tuple[int, int] | None:
    """Span (relative to the match) of the longest run of whole groups that is a valid card."""
    text = match.group(0)
    groups = [(m.start(), m.end()) for m in re.finditer(r"\d+", text)]
    lengths = [end - start for start, end in groups]
    best = None
    for first in range(len(groups)):
        count = 0
        for last in range(first, len(groups)):
            count += lengths[last]
            if count > 19:
                break
            if count >= 13:
                start, end = groups[first][0], groups[last][1]
                digits = re.sub(r"\D", "", text[start:end])
                if _luhn_ok(digits) and (best is None or end - start > best[1] - best[0]):
                    best = (start, end)
    return best


def _iban_ok(compact: str) -> bool:
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return int(number) % 97 == 1


def _iban_span(match: re.Match) -> tuple[int, int] | None:
    text = match.group(0)
    # offsets of the letters/digits in the matched text (the spaces are skipped)
    offsets = [i for i, c in enumerate(text) if c != " "]
    compact = text.replace(" ", "")
    length = _IBAN_LENGTHS.get(compact[:2])  # not a country with IBANs: not an IBAN
    if length is None or length > len(compact) or not _iban_ok(compact[:length]):
        return None
    return 0, offsets[length - 1] + 1


def _phone_span(match: re.Match) -> tuple[int, int] | None:
    value = match.group(0)
    if not value.startswith(("+", "＋", "00")):  # a number right after "order", "ref", ... is that reference
        before = match.string[max(0, match.start() - 30):match.start()]
        if _ORDER_LABEL.search(before):
            return None
    return 0, len(value)


_CHECKS = {"card": _card_span, "iban": _iban_span, "phone": _phone_span}


def _replacer(kind: str):
    """The ``repl`` for ``.str.replace``: a marker string, or a function for checked kinds."""
    sentinel = _SENTINELS[kind]
    check = _CHECKS.get(kind)
    if check is None:
        return sentinel

    def replace(match: re.Match) -> str:
        span = check(match)
        if span is None:
            return match.group(0)
        text = match.group(0)
        return text[:span[0]] + sentinel + text[span[1]:]

    return replace


# --------------------------------------------------------------------------
# argument checks
# --------------------------------------------------------------------------

def _check_kinds(kinds, function: str) -> tuple[str, ...]:
    if isinstance(kinds, str):
        kinds = (kinds,)
    if not isinstance(kinds, Iterable):
        raise ParameterError(f"{function}: kinds must be a list of kind names", parameter="kinds",
                             value=kinds, fix=f"use some of {list(PII_KINDS)}")
    kinds = tuple(kinds)
    for kind in kinds:
        if kind not in PII_KINDS:
            raise ParameterError(f"{function}: unknown kind of personal data", parameter="kinds",
                                 value=kind, fix=f"use some of {list(PII_KINDS)}")
    return tuple(kind for kind in PII_KINDS if kind in kinds)  # applied in a fixed order


def _check_placeholder(placeholder) -> dict[str, str]:
    if not isinstance(placeholder, str):
        raise ParameterError("redact_pii: placeholder must be text", parameter="placeholder",
                             value=placeholder, fix="use e.g. '[{kind}]' or '[redacted]'")
    try:
        filled = {kind: placeholder.format(kind=kind) for kind in PII_KINDS}
    except (KeyError, IndexError, ValueError, AttributeError):
        raise ParameterError("redact_pii: placeholder has a {field} other than {kind}",
                             parameter="placeholder", value=placeholder,
                             fix="use only {kind}, or double the braces ({{ }}) to keep them") from None
    return filled


def _as_series(texts, function: str) -> pd.Series:
    """The texts as a Series (a str or a list becomes one), after checking every value is text."""
    if isinstance(texts, str):
        series = pd.Series([texts], dtype=object)
    elif isinstance(texts, pd.Series):
        series = texts
    elif isinstance(texts, (list, tuple)):
        series = pd.Series(list(texts), dtype=object)
    else:
        raise ParameterError(f"{function}: texts must be a str, a list of str or a pandas Series",
                             parameter="texts", value=type(texts).__name__,
                             fix="pass a column, e.g. verbatims['text']")
    if isinstance(series.dtype, pd.StringDtype):
        return series
    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(object)
    kind = pd.api.types.infer_dtype(series, skipna=True)
    if kind not in ("string", "empty"):
        values = series.to_numpy(dtype=object)
        bad = next((i for i, v in enumerate(values) if not (isinstance(v, str) or _is_missing(v))), None)
        if bad is not None:
            where = series.index[bad] if isinstance(texts, pd.Series) else bad
            raise ParameterError(f"{function}: texts holds a {type(values[bad]).__name__} value, not text",
                                 parameter="texts", value=values[bad], row=where,
                                 fix="convert with .astype('string') or drop the column")
    return series


def _is_missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _gates(series: pd.Series, kinds: tuple[str, ...]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The positions of the texts that could hold any kind, and for each kind which of those could.

    Two RE2 passes: one over every text for the characters any kind needs (an
    ``@``, ``://``, ``www.`` or a digit), then each kind's gates over those
    texts only.
    """
    if isinstance(series.dtype, pd.StringDtype) and series.dtype.storage == "pyarrow":
        array = pa.array(series.array)
    else:
        array = pa.array(series.to_numpy(dtype=object), type=pa.large_string(), from_pandas=True)
    anything = pc.match_substring_regex(array, _ANY_GATE).fill_null(False)
    rows = np.flatnonzero(anything.to_numpy(zero_copy_only=False))
    candidates = array.filter(anything)
    seen = {}
    gates = {}
    for kind in kinds:
        hit = None
        for pattern in _GATES[kind]:
            if pattern not in seen:
                seen[pattern] = pc.match_substring_regex(candidates, pattern).to_numpy(zero_copy_only=False)
            hit = seen[pattern] if hit is None else hit & seen[pattern]
        gates[kind] = hit
    return rows, gates


# --------------------------------------------------------------------------
# public functions
# --------------------------------------------------------------------------

def redact_pii(texts, kinds=_DEFAULT_KINDS, placeholder="[{kind}]"):
    """Replace personal data in customer quotes with a placeholder.

    Every quote should pass through this before it reaches a report. The
    kinds are applied in a fixed order (URLs with tokens, e-mails, IBANs,
    phones, cards, addresses), whatever the order of ``kinds``, so that an
    e-mail inside a reset link goes with its link and an IBAN's digits are
    not mistaken for a phone number.

    Parameters
    ----------
    texts : str, list of str or pandas.Series
        The quotes. Missing values (``None``, ``NaN``, ``pd.NA``) are allowed
        and stay missing.
    kinds : str or sequence of str
        Which of :data:`PII_KINDS` to redact: ``"email"``, ``"phone"``,
        ``"card"``, ``"iban"``, ``"url_token"``, ``"address"``. Default all.
    placeholder : str
        What replaces each value; ``{kind}`` is filled with the kind's name.

    Returns
    -------
    str, list or pandas.Series
        The same shape as ``texts``: a str for a str, a list for a list (a
        tuple for a tuple), a Series with the same index, name and dtype for
        a Series.

    Raises
    ------
    ParameterError
        ``texts`` is not text (names the first non-text value and its row),
        an unknown kind, or a placeholder with a field other than ``{kind}``.

    Notes
    -----
    What each kind recognises (see the module source for the patterns):

    - ``email``: ``local@domain.tld`` with dots, ``+tag`` and subdomains;
      nothing with a space around the ``@`` ("user @ home"), no bare
      ``@handle``.
    - ``phone``: an international number (``+`` or ``00``, a 1-3 digit
      country code, then 7-12 digits with any single spaces, dots or
      dashes, ``(0)`` allowed); a national number with a trunk ``0``
      (10-11 digits: 07700 900123, 06 12 34 56 78, 067 123 4567); a
      national number without it in 3-5 groups of 9-11 digits with one
      separator throughout (601 234 567, 347 123 4567, 555-123-4567) or
      as 3 + 7/8 digits; a bracketed area code ((555) 123-4567); a
      Chinese mobile as one run (13812345678). Not phones: dates (8
      digits, or separators mixed as in ``30.06.2025 14``), slashes,
      prices, years, anything under 9 digits without a ``+``, a run of
      digits without separators not starting with ``0`` or ``+``
      (``order 123456789``), and, the rule for references, any number
      not starting with ``+``/``00`` right after an order, invoice,
      reference, receipt, account or tracking label in any of the six
      languages (``order #0123456789``, ``ref 2025-0614-77``,
      ``订单 13812345678``).
    - ``card``: 13-19 digits with optional single spaces or dashes that pass
      the Luhn check. In a longer run of groups the longest whole-group
      stretch that passes is redacted (a card followed by its CVV). A
      Luhn-failing number stays.
    - ``iban``: two capital letters, two check digits and the account part,
      with or without spaces, cut to the country's IBAN length and passing
      the mod-97 check.
    - ``url_token``: an ``http(s)://`` or ``www.`` URL with a query
      parameter named like a token (``token``, ``key``, ``session``, ``sid``,
      ``reset``, ``uid``, ``user``, ``email``, ``auth``, ``sig``, ``code``,
      ``otp``, ..., also as ``access_token``, ``reset-key``), or a
      random-looking path segment (8+ characters mixing letters and
      digits, or 20+) after a ``/reset/``, ``/unsubscribe/``, ``/invite/``,
      ``/verify/``, ``/confirm/``, ``/activate/`` ... folder. The whole URL
      goes. Plain URLs stay.
    - ``address``: a house number with a street word and a capitalised
      street name (221B Baker Street, 12 rue de la Paix, via Roma 10,
      ul. Marszałkowska 10/4, вул. Хрещатик, 22, 建国路88号), with a
      following postcode and city (SW1A 1AA; 75002 Paris; 00-950 Warszawa);
      after ``rue``/``boulevard`` and the Italian, Polish and Ukrainian
      street words (whose number follows the name) a lowercase name of one
      or two words is accepted too. A number followed by a unit
      ("via email 2 times", "via WhatsApp 3 volte") is not a house number.
      A full UK postcode on its own is redacted as an address.

    Speed: a first pass with Arrow's RE2 engine picks, for each kind, the
    texts that could hold it; only those go through the exact patterns with
    pandas ``.str.replace``. A million 120-character comments take a few
    seconds.

    Examples
    --------
    >>> redact_pii("Call me on +44 7700 900123 or mail jo.smith+cx@mail.example.co.uk")
    'Call me on [phone] or mail [email]'
    >>> redact_pii(["Carte 4539 1488 0343 6467 débitée deux fois", "Commande 123456789 du 30/06/2025"])
    ['Carte [card] débitée deux fois', 'Commande 123456789 du 30/06/2025']
    >>> import pandas as pd
    >>> quotes = pd.Series(["J'habite au 12 rue de la Paix, 75002 Paris", None], index=[7, 9], dtype="string")
    >>> redact_pii(quotes, placeholder="***")
    7    J'habite au ***
    9               <NA>
    dtype: string
    """
    kinds = _check_kinds(kinds, "redact_pii")
    filled = _check_placeholder(placeholder)
    series = _as_series(texts, "redact_pii")

    redacted = _redact_series(series, kinds, filled)
    if isinstance(texts, pd.Series) and isinstance(texts.dtype, pd.CategoricalDtype):
        redacted = redacted.astype("category")  # new categories: the redacted quotes

    if isinstance(texts, str):
        return redacted.iloc[0]
    if isinstance(texts, list):
        return redacted.tolist()
    if isinstance(texts, tuple):
        return tuple(redacted.tolist())
    return redacted


def _redact_series(series: pd.Series, kinds: tuple[str, ...], filled: dict[str, str]) -> pd.Series:
    if not kinds or len(series) == 0:
        return series.copy()
    rows, gates = _gates(series, kinds)
    work = series.iloc[rows].to_numpy(dtype=object, copy=True)
    for kind in kinds:
        at = np.flatnonzero(gates[kind])
        if len(at):
            texts = pd.Series(work[at], dtype=object)
            work[at] = texts.str.replace(_PATTERNS[kind], _replacer(kind), regex=True).to_numpy()
    changed = np.flatnonzero(pd.Series(work, dtype=object).str.contains(_MARK, regex=False)
                             .to_numpy(dtype=bool, na_value=False))
    if not len(changed):
        return series.copy()
    done = pd.Series(work[changed], dtype=object).str.replace(_SENTINEL_RE, _filler(filled), regex=True)
    if isinstance(series.dtype, pd.StringDtype) and series.dtype.storage == "pyarrow":
        # stay in Arrow: a million strings would take a second to go to Python and back
        original = pa.chunked_array(pa.array(series.array))
        mask = np.zeros(len(series), dtype=bool)
        mask[rows[changed]] = True
        replaced = pc.replace_with_mask(original, pa.array(mask),
                                        pa.array(done.to_numpy(), type=original.type))
        return pd.Series(pd.array(replaced, dtype=series.dtype), index=series.index, name=series.name)
    values = series.to_numpy(dtype=object, copy=True)
    values[rows[changed]] = done.to_numpy()
    out = pd.Series(values, index=series.index, name=series.name, dtype=object, copy=False)
    return out if out.dtype == series.dtype else out.astype(series.dtype)


def _filler(filled: dict[str, str]):
    by_marker = {_SENTINELS[kind][1]: text for kind, text in filled.items()}
    return lambda match: by_marker[match.group(1)]


def find_pii(texts, kinds=_DEFAULT_KINDS) -> pd.DataFrame:
    """List every piece of personal data :func:`redact_pii` would replace.

    For auditing a redaction: what was found, where, and as what. The rules
    are those of :func:`redact_pii` (see its Notes), and the same spans are
    found.

    Parameters
    ----------
    texts : str, list of str or pandas.Series
        The quotes; missing values are skipped.
    kinds : str or sequence of str
        Which of :data:`PII_KINDS` to look for. Default all.

    Returns
    -------
    pandas.DataFrame
        One row per value found, ordered by text then position, with columns

        - ``index``: the Series index label of the text (its position for a
          list, 0 for a str);
        - ``kind``: one of :data:`PII_KINDS`;
        - ``start``, ``end``: character offsets in the text (``text[start:end]``
          is the value);
        - ``value``: the text found.

    Examples
    --------
    >>> find_pii(["Mail a.b@example.fr", "Ring 06 12 34 56 78, order 123456789"])
       index   kind  start  end           value
    0      0  email      5   19  a.b@example.fr
    1      1  phone      5   19  06 12 34 56 78
    """
    kinds = _check_kinds(kinds, "find_pii")
    series = _as_series(texts, "find_pii")
    labels = series.index if isinstance(texts, pd.Series) else pd.RangeIndex(len(series))
    records = []
    if kinds and len(series):
        rows, gates = _gates(series, kinds)
        values = series.iloc[rows].to_numpy(dtype=object)
        for position, (row, text) in enumerate(zip(rows, values)):
            masked = text
            found = []
            for kind in kinds:
                if not gates[kind][position]:
                    continue
                check = _CHECKS.get(kind)
                spans = []
                for match in _PATTERNS[kind].finditer(masked):
                    span = check(match) if check else (0, len(match.group(0)))
                    if span is not None:
                        spans.append((match.start() + span[0], match.start() + span[1]))
                for start, end in spans:
                    found.append((start, end, kind))
                    masked = masked[:start] + _MARK * (end - start) + masked[end:]
            for start, end, kind in sorted(found):
                records.append((labels[row], kind, start, end, text[start:end]))
    table = pd.DataFrame(records, columns=list(FIND_PII_COLUMNS))
    table["kind"] = table["kind"].astype(object)
    table["value"] = table["value"].astype(object)
    return table.astype({"start": "int64", "end": "int64"})


def pii_summary(texts, kinds=_DEFAULT_KINDS) -> pd.DataFrame:
    """Count the personal data :func:`redact_pii` would replace, per kind.

    Parameters
    ----------
    texts : str, list of str or pandas.Series
        The quotes; missing values are skipped.
    kinds : str or sequence of str
        Which of :data:`PII_KINDS` to count. Default all.

    Returns
    -------
    pandas.DataFrame
        One row per kind asked for (in :data:`PII_KINDS` order, zeros
        included), with columns

        - ``kind``;
        - ``n_matches``: values found;
        - ``n_texts``: texts holding at least one;
        - ``share_texts``: ``n_texts`` over the non-missing texts (NaN when
          there are none).

    Examples
    --------
    >>> pii_summary(["a@example.com or b@example.com", "+33 6 12 34 56 78", None], kinds=["email", "phone"])
        kind  n_matches  n_texts  share_texts
    0  email          2        1          0.5
    1  phone          1        1          0.5
    """
    kinds = _check_kinds(kinds, "pii_summary")
    series = _as_series(texts, "pii_summary")
    found = find_pii(series.reset_index(drop=True), kinds)
    n_present = int(series.notna().sum())
    n_matches = found.groupby("kind").size()
    n_texts = found.groupby("kind")["index"].nunique()
    rows = []
    for kind in kinds:
        texts_with = int(n_texts.get(kind, 0))
        rows.append((kind, int(n_matches.get(kind, 0)), texts_with,
                     texts_with / n_present if n_present else np.nan))
    return pd.DataFrame(rows, columns=list(PII_SUMMARY_COLUMNS))


def spreadsheet_safe(data: pd.DataFrame) -> pd.DataFrame:
    """Return a copy whose text cells cannot run as spreadsheet formulas.

    A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return gets a leading apostrophe (OWASP's advice against CSV injection),
    so ``=HYPERLINK(...)`` typed into a survey box opens as text. Numbers are
    left alone (a negative number is not a formula).

    Examples
    --------
    >>> import pandas as pd
    >>> spreadsheet_safe(pd.DataFrame({"comment": ["=1+1", "fine", "-rude"], "n": [-1, 2, 3]}))
      comment  n
    0   '=1+1 -1
    1    fine  2
    2  '-rude  3
    """
    out = data.copy()
    for column in out.columns:
        values = out[column]
        if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
            continue
        text = values.astype("string")
        risky = text.str.startswith(FORMULA_PREFIXES).fillna(False).to_numpy(bool)
        if risky.any():
            out[column] = values.astype(object)
            out.loc[risky, column] = "'" + text[risky].astype(str)
    return out
