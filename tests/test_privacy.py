"""PII redaction of quotes (and the spreadsheet-formula guard) in cxresearch.privacy.

Expected values come from outside the code under test: the planted PII of the
bundled sample (``truth/pii.parquet``, written by the sample generator), the
published example IBANs of the national banking associations (valid by
construction), the standard Luhn test card numbers (4539 1488 0343 6467 and
friends; the same number with its last digit changed fails Luhn), and
hand-written sentences in the six languages of the data.
"""

from __future__ import annotations

import doctest
import re
import time

import numpy as np
import pandas as pd
import pytest

from cxresearch import config, privacy
from cxresearch.exceptions import ParameterError
from cxresearch.privacy import (FIND_PII_COLUMNS, PII_KINDS, PII_SUMMARY_COLUMNS, find_pii,
                                pii_summary, redact_pii)


@pytest.fixture(scope="module")
def verbatims():
    return pd.read_parquet(config.SAMPLE_DIR / "verbatims.parquet", columns=["doc_id", "text", "language"])


@pytest.fixture(scope="module")
def planted():
    return pd.read_parquet(config.TRUTH_DIR / "pii.parquet")


@pytest.fixture(scope="module")
def redacted(verbatims):
    return redact_pii(verbatims["text"])


# --------------------------------------------------------------------------
# the bundled sample: recall on planted PII, false positives on the rest
# --------------------------------------------------------------------------

def test_every_planted_value_is_gone_after_redaction(verbatims, planted, redacted):
    text_of = pd.Series(redacted.to_numpy(dtype=object), index=verbatims["doc_id"])
    left = [(kind, value) for doc, kind, value in planted.itertuples(index=False)
            if value in text_of[doc]]
    assert left == []  # 100% recall: 437 e-mails, 383 phones, 420 cards
    assert set(planted["kind"]) == {"email", "phone", "card"}


def test_find_pii_finds_exactly_the_planted_values_with_their_kind(verbatims, planted):
    found = find_pii(verbatims.set_index("doc_id")["text"])
    got = sorted(zip(found["index"], found["kind"], found["value"]))
    want = sorted(zip(planted["doc_id"], planted["kind"], planted["value"]))
    assert got == want


def test_comments_without_pii_are_left_alone(verbatims, planted, redacted):
    clean = ~verbatims["doc_id"].isin(planted["doc_id"]).to_numpy()
    altered = (redacted.to_numpy(dtype=object) != verbatims["text"].to_numpy(dtype=object))[clean]
    rate = altered.mean()
    assert clean.sum() > 60_000
    assert rate < 0.002, verbatims["text"][clean][altered].head(10).tolist()  # observed: 0 of 65,979


def test_summary_counts_match_the_planted_truth(verbatims, planted):
    summary = pii_summary(verbatims["text"]).set_index("kind")
    assert list(summary.reset_index().columns) == list(PII_SUMMARY_COLUMNS)
    assert list(summary.index) == list(PII_KINDS)
    for kind, n in planted["kind"].value_counts().items():
        assert summary.loc[kind, "n_matches"] == n
        assert summary.loc[kind, "n_texts"] == n  # one planted value per comment
        assert summary.loc[kind, "share_texts"] == pytest.approx(n / len(verbatims))
    assert summary.loc[["url_token", "iban", "address"], "n_matches"].eq(0).all()


# --------------------------------------------------------------------------
# hand-written cases: (kind, sentence, the value that must go)
# --------------------------------------------------------------------------

POSITIVE = [
    # e-mail: subdomains, plus-addressing, glued to Chinese or Cyrillic text
    ("email", "You can email me at jo.smith+cx@mail.example.co.uk, thanks", "jo.smith+cx@mail.example.co.uk"),
    ("email", "Écrivez-moi à camille.dubois15@example.fr.", "camille.dubois15@example.fr"),
    ("email", "Scrivetemi: marco_rossi-44@posta.example.it", "marco_rossi-44@posta.example.it"),
    ("email", "Mój adres to kasia.wisniewska@poczta.example.pl!", "kasia.wisniewska@poczta.example.pl"),
    ("email", "Пишіть на andrii.shevchenko7@example.com.ua", "andrii.shevchenko7@example.com.ua"),
    ("email", "我的邮箱是zhang.min@example.cn。谢谢", "zhang.min@example.cn"),
    # phone: international and national formats of each country
    ("phone", "Call me back on +44 7700 900123.", "+44 7700 900123"),
    ("phone", "Call me back on 07700 900123", "07700 900123"),
    ("phone", "Ring +44 (0)20 7946 0958 after six", "+44 (0)20 7946 0958"),
    ("phone", "Rappelez-moi au +33 6 12 34 56 78", "+33 6 12 34 56 78"),
    ("phone", "Rappelez-moi au 06 12 34 56 78 svp", "06 12 34 56 78"),
    ("phone", "Mon portable : 06.12.34.56.78", "06.12.34.56.78"),
    ("phone", "Mon numéro 0612345678", "0612345678"),
    ("phone", "Richiamatemi al +39 347 123 4567", "+39 347 123 4567"),
    ("phone", "Il mio cellulare è 347 123 4567", "347 123 4567"),
    ("phone", "Ufficio: 02 1234 5678", "02 1234 5678"),
    ("phone", "Proszę dzwonić: +48 601 234 567", "+48 601 234 567"),
    ("phone", "Mój numer 601 234 567", "601 234 567"),
    ("phone", "Передзвоніть на +380 67 123 4567", "+380 67 123 4567"),
    ("phone", "Мій номер 067-123-45-67", "067-123-45-67"),
    ("phone", "Мій номер (067) 123-45-67", "(067) 123-45-67"),
    ("phone", "请回电 +86 138 1234 5678", "+86 138 1234 5678"),
    ("phone", "电话13812345678谢谢", "13812345678"),
    ("phone", "Call (555) 123-4567 or", "(555) 123-4567"),
    ("phone", "Call 555-123-4567", "555-123-4567"),
    ("phone", "Call 555.123.4567", "555.123.4567"),
    ("phone", "Call +1 (555) 123-4567", "+1 (555) 123-4567"),
    ("phone", "Call 0044 7700 900123", "0044 7700 900123"),
    ("phone", "Call +447700900123", "+447700900123"),
    ("phone", "Appelez le +33\u00a06\u00a012\u00a034\u00a056\u00a078",
     "+33\u00a06\u00a012\u00a034\u00a056\u00a078"),
    # card: Luhn-valid, 13-19 digits, spaces or dashes
    ("card", "Card used was 4539 1488 0343 6467.", "4539 1488 0343 6467"),
    ("card", "Carte 4539-1488-0343-6467 débitée deux fois", "4539-1488-0343-6467"),
    ("card", "Carta 4539148803436467", "4539148803436467"),
    ("card", "Amex 3782 822463 10005 charged", "3782 822463 10005"),
    ("card", "Karta 5555 5555 5555 4444", "5555 5555 5555 4444"),
    ("card", "卡号 4111111111111111", "4111111111111111"),
    # IBAN: national examples, grouped or not
    ("iban", "Refund to FR76 3000 6000 0112 3456 7890 189 please", "FR76 3000 6000 0112 3456 7890 189"),
    ("iban", "My IBAN is GB82 WEST 1234 5698 7654 32 OK", "GB82 WEST 1234 5698 7654 32"),
    ("iban", "IBAN GB82WEST12345698765432", "GB82WEST12345698765432"),
    ("iban", "Rimborso su IT60 X054 2811 1010 0000 0123 456", "IT60 X054 2811 1010 0000 0123 456"),
    ("iban", "Zwrot na PL61 1090 1014 0000 0712 1981 2874.", "PL61 1090 1014 0000 0712 1981 2874"),
    ("iban", "Рахунок UA21 3223 1300 0002 6007 2335 6600 1", "UA21 3223 1300 0002 6007 2335 6600 1"),
    ("iban", "DE89370400440532013000", "DE89370400440532013000"),
    # URLs carrying a personal token: the whole URL goes
    ("url_token", "The link https://shop.example.com/account/reset?token=8f3a9c2b1e4d failed.",
     "https://shop.example.com/account/reset?token=8f3a9c2b1e4d"),
    ("url_token", "Unsubscribe http://mail.example.fr/unsubscribe/a8F3k2LmQ9xZ does nothing",
     "http://mail.example.fr/unsubscribe/a8F3k2LmQ9xZ"),
    ("url_token", "invito www.example.it/invite/7Hd82kLq0PzX?ref=friend scaduto",
     "www.example.it/invite/7Hd82kLq0PzX?ref=friend"),
    ("url_token", "see https://example.com/login?email=a%40b.com&next=/ (broken)",
     "https://example.com/login?email=a%40b.com&next=/"),
    ("url_token", "https://example.com/p?utm_source=x&session_id=abc123.",
     "https://example.com/p?utm_source=x&session_id=abc123"),
    ("url_token", "https://example.pl/reset/password/9f8e7d6c5b4a3f2e1d0c",
     "https://example.pl/reset/password/9f8e7d6c5b4a3f2e1d0c"),
    ("url_token", "链接https://example.cn/verify?uid=88213&key=Zx81。",
     "https://example.cn/verify?uid=88213&key=Zx81"),
    # street addresses
    ("address", "I live at 221B Baker Street, so nearby", "221B Baker Street"),
    ("address", "Deliver to 10 Downing St. please", "10 Downing St."),
    ("address", "Sent to 12 High Street, London SW1A 1AA by mistake", "12 High Street, London SW1A 1AA"),
    ("address", "J'habite au 12 rue de la Paix, 75002 Paris.", "12 rue de la Paix, 75002 Paris"),
    ("address", "Livré au 3 bis avenue Victor Hugo hier", "3 bis avenue Victor Hugo"),
    ("address", "au 45 bd Saint-Germain", "45 bd Saint-Germain"),
    ("address", "chez moi 12 rue victor hugo", "12 rue victor hugo"),
    ("address", "Abito in via Roma 10, 20121 Milano.", "via Roma 10, 20121 Milano"),
    ("address", "Consegna in via Giuseppe Garibaldi, 25 a Torino", "via Giuseppe Garibaldi, 25"),
    ("address", "Piazza di Spagna 3, Roma", "Piazza di Spagna 3"),
    ("address", "Mieszkam przy ul. Marszałkowskiej 10/4, 00-950 Warszawa.",
     "ul. Marszałkowskiej 10/4, 00-950 Warszawa"),
    ("address", "Adres: ulica Długa 5", "ulica Długa 5"),
    ("address", "al. Jerozolimskie 123 m. 4", "al. Jerozolimskie 123 m. 4"),
    ("address", "Mieszkam na ul. 3 Maja 5", "ul. 3 Maja 5"),
    ("address", "Живу на вул. Хрещатик, 22, кв. 5", "вул. Хрещатик, 22, кв. 5"),
    ("address", "вулиця Шевченка 5", "вулиця Шевченка 5"),
    ("address", "просп. Перемоги 37, 03056 Київ", "просп. Перемоги 37, 03056 Київ"),
    ("address", "我住在建国路88号", "建国路88号"),
    ("address", "寄到北京市朝阳区建国路88号3室", "北京市朝阳区建国路88号3室"),
    ("address", "My postcode is SW1A 1AA.", "SW1A 1AA"),
]

NEGATIVE = [
    # dates, times, years
    "Delivered on 2025-06-30 as promised",
    "Livré le 30/06/2025, deux jours en retard",
    "Consegnato il 30.06.2025 alle 14:30",
    "Dostawa 30.06.2025 14:30, a miało być 28.06.2025",
    "Доставили 30.06.2025 о 14:30",
    "2025年6月30日送到",
    "between 10-12-2025 and 12-12-2025",
    "2025-06-30 12:00 and again 2025-07-01 09:15",
    "Between 2019 and 2024 I bought 12 items.",
    "Opening hours 9-17, Sunday 10-16.",
    # prices and quantities
    "It cost €1,299.00 and arrived broken",
    "Le canapé à 1 299,00 € est arrivé en 3 semaines.",
    "Il divano da 1.299 € è arrivato dopo 15 giorni.",
    "Sofa za 2 499 zł dotarła po 14 dniach.",
    "Диван за 24 999 грн приїхав через 10 днів.",
    "沙发价格3999元，等了15天。",
    "Sofa was £1,299.99, now £999 – saved 23%.",
    "3 chairs, 2 tables, 1 lamp, 12 candles for 45.50 EUR.",
    "Waited 45 minutes, rated it 3/10.",
    # labelled order and reference numbers (the documented rule)
    "order 123456789 never came",
    "Order #0123456789 still not here",
    "Commande n° 2025061477 livrée le 03/07/2025 à 10h30.",
    "Ordine 123456789 arrivato il 2 luglio 2025.",
    "Zamówienie nr 123456789 z dnia 30.06.2025",
    "Замовлення 123456789 від 30.06.2025",
    "订单 13812345678 还没到",
    "Call centre kept me 45 min, ref 2025-0614-77.",
    "Tracking 00340434161234567890 not updating.",
    # short numbers
    "Call 911 or 112 in an emergency.",
    "Room 101, ticket 12345, table 7",
    "Version 10.0.19045 of the app crashes.",
    # Luhn- and mod-97-failing numbers
    "Invoice 4539 1488 0343 6468 was wrong.",
    "Card 4539148803436468 declined",
    "IBAN check: FR76 3000 6000 0112 3456 7890 188 failed.",
    "Code XY12 ABCD 3456 7890 1234 on the box",
    # e-mail look-alikes
    "My kids @ home loved it.",
    "Tagged @maisonverde on Instagram",
    "Email us at support (at) example dot com.",
    # plain URLs
    "See https://www.example.com/product/sofa",
    "https://www.example.com/product/sofa-3-seater?colour=grey&size=2",
    "www.example.fr/unsubscribe/newsletter",
    # street words that are not addresses
    "Prices are very fair compared to the high street.",
    "I live 2 streets away from the shop.",
    "2 hours on the road to get there.",
    "Contacted them via email 2 times and via WhatsApp 3 times.",
    "ordered via phone 2x, via app 3h later",
    "Rue de la Paix store was great, 5 stars.",
    "ul. Marszałkowska store has 3 checkouts.",
    "J'ai pris 2 cours de yoga.",
    "MacBook M2 1TB and a PS5 1TB bundle",
]


@pytest.mark.parametrize("kind, text, value", POSITIVE, ids=[f"{k}-{i}" for i, (k, *_) in enumerate(POSITIVE)])
def test_each_kind_is_found_and_redacted(kind, text, value):
    found = find_pii(text)
    assert list(zip(found["kind"], found["value"])) == [(kind, value)]
    assert redact_pii(text) == text.replace(value, f"[{kind}]")


@pytest.mark.parametrize("text", NEGATIVE)
def test_dates_prices_references_and_invalid_numbers_survive(text):
    assert redact_pii(text) == text
    assert find_pii(text).empty


def test_a_card_followed_by_its_cvv_still_goes():
    assert redact_pii("card 4539 1488 0343 6467 exp 12/27 cvv 123") == "card [card] exp 12/27 cvv 123"
    assert "4539" not in redact_pii("4539 1488 0343 6467 123")


def test_a_phone_followed_by_a_year_loses_only_the_phone():
    assert redact_pii("+33 6 12 34 56 78 2025") == "[phone] 2025"


def test_an_email_inside_a_token_url_goes_with_the_url():
    text = "https://example.com/unsubscribe?email=jo@example.com"
    assert find_pii(text)[["kind", "value"]].values.tolist() == [["url_token", text]]


def test_several_kinds_in_one_comment():
    text = ("Mail jo@example.fr, tel 06 12 34 56 78, carte 4539 1488 0343 6467, "
            "IBAN FR76 3000 6000 0112 3456 7890 189, 12 rue de la Paix.")
    assert redact_pii(text) == "Mail [email], tel [phone], carte [card], IBAN [iban], [address]."


# --------------------------------------------------------------------------
# generated cases: many random values of each kind, many PII-free numbers
# --------------------------------------------------------------------------

def _luhn_complete(prefix):
    """Append the check digit that makes ``prefix`` Luhn-valid (the ISO/IEC 7812 rule, by hand)."""
    for check in "0123456789":
        digits = [int(c) for c in reversed(prefix + check)]
        total = sum(d if i % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2) for i, d in enumerate(digits))
        if total % 10 == 0:
            return prefix + check


def _iban(country, bban):
    """An IBAN with check digits from ISO 13616: 98 - (BBAN + country + '00' as a number) mod 97."""
    number = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    return f"{country}{98 - number % 97:02d}{bban}"


def _generated_pii(rng):
    def digits(n):
        return "".join(map(str, rng.integers(0, 10, n)))

    def pick(options):
        return options[rng.integers(len(options))]

    def nz():
        return str(rng.integers(1, 10))

    def phone():
        d = digits
        return pick([
            f"+44 7700 9{d(5)}", f"07700 9{d(5)}",                                  # UK
            f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}", f"06 {d(2)} {d(2)} {d(2)} {d(2)}",  # FR
            f"0{nz()}.{d(2)}.{d(2)}.{d(2)}.{d(2)}", f"0{nz()}{d(8)}",
            f"+39 3{d(2)} {d(3)} {d(4)}", f"3{d(2)} {d(3)} {d(4)}",                  # IT
            f"+48 {rng.integers(5, 9)}{d(2)} {d(3)} {d(3)}", f"{rng.integers(5, 9)}{d(2)} {d(3)} {d(3)}",  # PL
            f"+380 {nz()}{d(1)} {d(3)} {d(4)}", f"0{nz()}{d(1)} {d(3)} {d(2)} {d(2)}",  # UA
            f"+86 1{rng.integers(3, 10)}{d(1)} {d(4)} {d(4)}", f"1{rng.integers(3, 10)}{d(9)}",  # CN
            f"({nz()}{d(2)}) {nz()}{d(2)}-{d(4)}", f"+{nz()}{d(10)}",                 # US, any
        ])

    def card():
        number = _luhn_complete(pick(["4", "5"]) + digits(14))
        groups = [number[i:i + 4] for i in range(0, 16, 4)]
        return pick([" ".join(groups), "-".join(groups), number])

    def iban():
        country = pick(["FR", "GB", "IT", "PL", "UA", "DE"])
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        bban = {"GB": "".join(pick(list(letters)) for _ in range(4)) + digits(14),
                "IT": pick(list(letters)) + digits(22), "FR": digits(23), "PL": digits(24),
                "UA": digits(25), "DE": digits(18)}[country]
        code = _iban(country, bban)
        return " ".join(code[i:i + 4] for i in range(0, len(code), 4)) if rng.random() < 0.6 else code

    def email():
        return (pick(["anna", "jan.kowalski", "li.wei", "o.petrenko", "m.rossi+shop"]) + digits(2) + "@"
                + pick(["example.com", "mail.example.co.uk", "poczta.example.pl", "example.com.ua"]))

    def address():
        n = str(rng.integers(1, 300))
        return pick([
            f"{n} {pick(['High', 'Church', 'Station'])} {pick(['Street', 'Road', 'Lane', 'Avenue', 'St', 'Rd'])}",
            f"{n} rue {pick(['de la Paix', 'Victor Hugo', 'du Faubourg Saint-Antoine', 'Jean Jaurès'])}",
            f"{n} {pick(['avenue', 'boulevard', 'bd'])} {pick(['Victor Hugo', 'de la République', 'Foch'])}",
            f"{pick(['via', 'viale', 'piazza', 'corso'])} {pick(['Roma', 'Dante Alighieri', 'della Repubblica'])} {n}",
            f"{pick(['ul.', 'al.', 'ulica'])} {pick(['Marszałkowska', 'Długa', 'Jana Pawła II', 'Nowy Świat'])} {n}",
            f"{pick(['вул.', 'вулиця', 'просп.'])} {pick(['Хрещатик', 'Шевченка', 'Лесі Українки'])}, {n}",
            f"{pick(['建国', '南京东', '人民'])}{pick(['路', '街', '大道'])}{n}号",
        ])

    templates = ["Please call me on {v} tomorrow.", "Rappelez-moi au {v}, merci.", "Il mio recapito: {v}.",
                 "Proszę o kontakt {v}!", "Мій контакт {v}.", "联系方式{v}。", "我住在{v}。", "{v}"]
    for kind, make in [("phone", phone), ("card", card), ("iban", iban), ("email", email), ("address", address)]:
        for _ in range(400):
            value = make()
            yield kind, value, pick(templates).format(v=value)


def _generated_clean(rng):
    def r(low, high):
        return int(rng.integers(low, high + 1))

    def pick(options):
        return options[rng.integers(len(options))]

    def date():
        d, m, y, h = r(1, 28), r(1, 12), r(2019, 2026), r(8, 20)
        return pick([f"{y}-{m:02d}-{d:02d}", f"{d:02d}/{m:02d}/{y}", f"{d:02d}.{m:02d}.{y}", f"{d}/{m}/{y}",
                     f"{d:02d}-{m:02d}-{y}", f"{d:02d}.{m:02d}.{y} {h}:{r(0, 59):02d}", f"{y}年{m}月{d}日",
                     f"{y}-{m:02d}-{d:02d} {h}:{r(0, 59):02d}"])

    def price():
        v, c = r(1, 9999), r(0, 99)
        return pick([f"€{v:,}.{c:02d}", f"{v:,}.{c:02d} €".replace(",", " "), f"{v} zł", f"£{v}", f"{v},{c:02d} €",
                     f"{v:,} грн".replace(",", " "), f"{v}元", f"${v:,}.{c:02d}"])

    def amount():
        return pick([f"{r(2, 90)} minutes", f"{r(2, 12)} jours", f"{r(2, 30)} giorni", f"{r(2, 20)} dni",
                     f"{r(2, 20)} днів", f"{r(1, 10)}/10", f"{r(1, 100)}%", f"{r(1, 5)} stars", f"{r(2, 24)}h",
                     f"{r(1000, 9999)}", f"via email {r(2, 5)} times", f"via WhatsApp {r(2, 5)} volte"])

    def order():
        n = r(10**7, 10**10)
        return pick([f"order {n}", f"commande n° {n}", f"ordine {n}", f"zamówienie nr {n}", f"замовлення {n}",
                     f"订单{n}", f"ref {r(2019, 2025)}-{r(1000, 9999)}-{r(10, 99)}", f"invoice #{n}"])

    parts = [date, price, amount, order]
    for _ in range(2000):
        yield " ".join(f"x {pick(parts)()}" for _ in range(r(2, 4))) + "."


def test_generated_pii_of_every_kind_is_found_whole_and_with_its_kind():
    cases = list(_generated_pii(np.random.default_rng(11)))
    texts = [text for _, _, text in cases]
    out = redact_pii(texts)
    assert [(k, v) for (k, v, _), o in zip(cases, out) if v in o] == []
    found = find_pii(texts)
    assert found["index"].tolist() == list(range(len(cases)))  # one value per text
    for (kind, value, text), got_kind, got in zip(cases, found["kind"], found["value"]):
        assert got_kind == kind
        # ambiguous edges may go too: the full stop after "St", or the Chinese words
        # before a road name (no word boundary: 联系方式人民路41号)
        assert got == value or (kind == "address" and got.replace(value, "") in {".", "联系方式"}), (value, got)


def test_generated_dates_prices_durations_and_labelled_orders_survive():
    texts = list(_generated_clean(np.random.default_rng(5)))
    out = redact_pii(texts)
    assert [(t, o) for t, o in zip(texts, out) if t != o] == []


# --------------------------------------------------------------------------
# shapes, missing values, parameters
# --------------------------------------------------------------------------

def test_returns_the_shape_it_was_given():
    quotes = ["mail a@example.com", None, "fine"]
    assert redact_pii("mail a@example.com") == "mail [email]"
    assert redact_pii(quotes) == ["mail [email]", None, "fine"]
    assert redact_pii(tuple(quotes)) == ("mail [email]", None, "fine")
    assert redact_pii([]) == []


@pytest.mark.parametrize("dtype", [object, "string[python]", "string[pyarrow]", "str"])
def test_a_series_keeps_index_name_dtype_and_missing_values(dtype):
    quotes = pd.Series(["mail a@example.com", np.nan, "06 12 34 56 78", "fine"],
                       index=[10, 20, 30, 40], name="comment", dtype=dtype)
    out = redact_pii(quotes)
    assert out.index.tolist() == [10, 20, 30, 40]
    assert out.name == "comment"
    assert out.dtype == quotes.dtype
    assert out.isna().tolist() == [False, True, False, False]
    assert out.dropna().tolist() == ["mail [email]", "[phone]", "fine"]
    assert quotes.iloc[0] == "mail a@example.com"  # the input is not modified


def test_a_categorical_series_stays_categorical():
    quotes = pd.Series(["mail a@example.com", None, "fine", "fine"], dtype="category")
    out = redact_pii(quotes)
    assert out.dtype == "category"
    assert out.tolist()[0] == "mail [email]" and pd.isna(out.tolist()[1])


def test_nothing_to_redact_returns_an_equal_copy():
    quotes = pd.Series(["all good", None], dtype=object)
    out = redact_pii(quotes)
    assert out is not quotes
    pd.testing.assert_series_equal(out, quotes)


def test_placeholder_and_kinds():
    text = "jo@example.com / +44 7700 900123"
    assert redact_pii(text, placeholder="<{kind} removed>") == "<email removed> / <phone removed>"
    assert redact_pii(text, placeholder="***") == "*** / ***"
    assert redact_pii(text, kinds=["phone"]) == "jo@example.com / [phone]"
    assert redact_pii(text, kinds="email") == "[email] / +44 7700 900123"
    assert redact_pii(text, kinds=[]) == text
    # a placeholder holding digits or an @ is never redacted again
    assert redact_pii(text, placeholder="x@y.com 0612345678") == "x@y.com 0612345678 / x@y.com 0612345678"


@pytest.mark.parametrize("call, message", [
    (lambda: redact_pii(["ok", 12345]), r"texts holds a int value, not text .*row 1"),
    (lambda: redact_pii(pd.Series(["ok", 3.5], index=["a", "b"])), r"row b"),
    (lambda: redact_pii(42), r"texts must be a str, a list of str or a pandas Series"),
    (lambda: redact_pii("x", kinds=["emails"]), r"unknown kind .*'emails'"),
    (lambda: find_pii("x", kinds=["postcode"]), r"unknown kind"),
    (lambda: pii_summary("x", kinds=3), r"kinds must be a list"),
    (lambda: redact_pii("x", placeholder="[{type}]"), r"placeholder has a \{field\}"),
    (lambda: redact_pii("x", placeholder=None), r"placeholder must be text"),
])
def test_bad_arguments_raise_one_line_parameter_errors(call, message):
    with pytest.raises(ParameterError, match=message) as error:
        call()
    assert "\n" not in str(error.value)


# --------------------------------------------------------------------------
# find_pii and redact_pii agree
# --------------------------------------------------------------------------

def _splice(text, spans, placeholder="[{kind}]"):
    for start, end, kind in sorted(spans, reverse=True):
        text = text[:start] + placeholder.format(kind=kind) + text[end:]
    return text


def test_find_pii_spans_rebuild_the_redacted_text(verbatims, planted):
    texts = [t for _, t, *_ in POSITIVE] + NEGATIVE + [
        "Mail jo@example.fr, tel 06 12 34 56 78, carte 4539 1488 0343 6467 123",
        "x@y.fr+33 6 12 34 56 78 et 4539148803436467 via Roma 10",
    ]
    texts += verbatims.loc[verbatims["doc_id"].isin(planted["doc_id"]), "text"].head(300).tolist()
    found = find_pii(texts)
    assert list(found.columns) == list(FIND_PII_COLUMNS)
    for row in found.itertuples():
        assert texts[row.index][row.start:row.end] == row.value
    spans = {i: [] for i in range(len(texts))}
    for row in found.itertuples():
        spans[row.index].append((row.start, row.end, row.kind))
    assert redact_pii(texts) == [_splice(t, spans[i]) for i, t in enumerate(texts)]


def test_find_pii_on_nothing_has_the_columns():
    empty = find_pii(["nothing here", None])
    assert list(empty.columns) == list(FIND_PII_COLUMNS) and empty.empty
    assert pii_summary([None])["share_texts"].isna().all()


def test_the_fast_first_pass_never_hides_a_match(verbatims):
    """The RE2 gates only skip texts the exact patterns would not touch anyway."""
    texts = [t for _, t, *_ in POSITIVE] + NEGATIVE + verbatims["text"].sample(3000, random_state=1).tolist()
    expected = []
    for text in texts:  # the exact patterns on every text, no first pass
        for kind in PII_KINDS:
            text = privacy._PATTERNS[kind].sub(privacy._replacer(kind), text)
        expected.append(privacy._SENTINEL_RE.sub(privacy._filler({k: f"[{k}]" for k in PII_KINDS}), text))
    assert redact_pii(texts, kinds=PII_KINDS) == expected


# --------------------------------------------------------------------------
# checksums, speed, docstrings
# --------------------------------------------------------------------------

@pytest.mark.parametrize("number, valid", [
    ("4539148803436467", True), ("4111111111111111", True), ("378282246310005", True),
    ("5555555555554444", True), ("4539148803436468", False), ("1234567812345678", False),
])
def test_luhn(number, valid):
    assert privacy._luhn_ok(number) is valid


def test_iban_mod97():
    assert privacy._iban_ok("GB82WEST12345698765432")
    assert not privacy._iban_ok("GB82WEST12345698765433")


def test_speed_of_a_hundred_thousand_comments(verbatims):
    rng = np.random.default_rng(0)
    base = verbatims["text"].to_numpy(dtype=object)
    texts = pd.Series(base[rng.integers(0, len(base), 100_000)], dtype=object)
    heavy = rng.random(len(texts)) < 0.2  # a fifth with dates, prices, phones, addresses
    texts[heavy] = texts[heavy] + " Livré le 30/06/2025, 1 299 €, appelez le 06 12 34 56 78, 12 rue de la Paix."
    start = time.perf_counter()
    out = redact_pii(texts)
    elapsed = time.perf_counter() - start
    assert out[heavy].str.contains(re.escape("[phone], [address].")).all()
    assert elapsed < 3.0  # about 0.3 s on a 2-core laptop: 1M comments take ~2.5 s


def test_docstring_examples():
    result = doctest.testmod(privacy, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 5 and result.failed == 0
