"""The seeded generator of the bundled sample, with the truth it planted.

``generate(seed)`` builds every table of the demo retailer (stores, customers,
customer-months, survey responses, verbatims, simulated human coding) and the
planted truth beside them; ``write_sample(folder)`` saves them as Parquet with a
manifest of content hashes, so a regenerated sample can be checked against the
committed one. Run ``python -m cxresearch.sample`` to rebuild ``data/sample``.

The world and its effects are declared in :mod:`cxresearch.sample.world`; this
module only simulates them. It is not a general simulation toolkit.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .. import config
from . import phrases as bank
from . import text
from . import world as W

__all__ = ["generate", "write_sample", "content_hash", "SampleData"]

GENERATOR_VERSION = 1
_CATS = np.array(["none", "detractor", "passive", "promoter"])
_ATTR_NAMES = list(W.ATTRIBUTES)
_THEMES = list(W.THEME_ATTRIBUTE)
_TOUCHPOINTS = list(W.TOUCHPOINTS)
# NPS = clip(round(NPS_CENTRE + NPS_SCALE * y), 0, 10), y the response's latent
NPS_CENTRE, NPS_SCALE = 8.2, 1.3
MOOD_SCALE = 0.75  # typical SD of a response's mood: perceptions load on mood / MOOD_SCALE


@dataclass
class SampleData:
    """Every table of the sample, and the truth planted in it."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    truth_tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    truth: dict = field(default_factory=dict)


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def _months() -> pd.DatetimeIndex:
    return pd.date_range(W.START_MONTH, periods=W.N_MONTHS, freq="MS")


# ------------------------------------------------------------------ stores
def make_units(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    formats = list(W.STORE_FORMATS)
    shares = np.array([W.STORE_FORMATS[f][0] for f in formats])
    number = 0
    for region, language, n, cities in W.REGIONS:
        for j in range(n):
            number += 1
            fmt = formats[rng.choice(len(formats), p=shares)]
            lo, hi = W.STORE_FORMATS[fmt][1]
            city = cities[j % len(cities)]
            rows.append(dict(
                unit_id=f"S{number:03d}", unit_name=f"Maison Verde {city} {j // len(cities) + 1}",
                region=region, country=W.CITY_COUNTRY.get(city, region),
                format=fmt, opened_year=int(rng.integers(1996, 2024)),
                headcount=int(rng.integers(lo, hi + 1)),
                employee_engagement=float(np.clip(np.round(rng.normal(W.ENGAGEMENT_MEAN, W.ENGAGEMENT_SD), 1), 25, 98)),
                _language=language,
            ))
    units = pd.DataFrame(rows)
    z = (units["employee_engagement"] - W.ENGAGEMENT_MEAN) / W.ENGAGEMENT_SD
    units["_store_effect"] = W.ENGAGEMENT_EFFECT * z + rng.normal(0, W.STORE_NOISE_SD, len(units))
    return units


# ------------------------------------------------------------------ customers
def make_customers(rng: np.random.Generator, units: pd.DataFrame) -> pd.DataFrame:
    n = W.N_CUSTOMERS
    names = list(W.PERSONAS)
    shares = np.array([W.PERSONAS[p]["share"] for p in names])
    persona = rng.choice(len(names), size=n, p=shares / shares.sum())
    P = lambda key: np.array([W.PERSONAS[p][key] for p in names])[persona]  # noqa: E731

    # home store: bigger stores serve more customers
    w = units["headcount"].to_numpy(float)
    store = rng.choice(len(units), size=n, p=w / w.sum())
    region = units["region"].to_numpy()[store]
    region_language = units["_language"].to_numpy()[store]
    # most customers write in their region's language; some in English, a few in another
    draw = rng.random(n)
    other = np.array(["en", "fr", "it", "pl", "uk", "zh"])[rng.integers(0, 6, n)]
    language = np.where(draw < 0.92, region_language, np.where(draw < 0.98, "en", other))

    loyalty = P("loyalty") + units["_store_effect"].to_numpy()[store] + rng.normal(0, W.CUSTOMER_LOYALTY_SD, n)
    order_rate = P("orders") * rng.lognormal(0, 0.35, n)
    aov = P("aov") * rng.lognormal(0, 0.25, n)
    online = np.clip(P("online") + rng.normal(0, 0.15, n), 0.0, 1.0)
    tenure_years = np.minimum(rng.gamma(2.0, P("tenure") / 2.0), 25.0)
    # 15% are new customers who join during the window
    signup_t = np.where(rng.random(n) < 0.15, rng.integers(0, W.N_MONTHS - 2, n), -1)
    tenure_years = np.where(signup_t >= 0, 0.0, tenure_years)

    # attitudes, as the profile module of a customer's first survey answer records them
    att = np.empty((n, len(W.ATTITUDES)))
    for j, item in enumerate(W.ATTITUDES):
        dev = np.array([W.PERSONAS[p]["att"].get(item, 0.0) for p in names])[persona]
        att[:, j] = np.clip(np.round(3.0 + 0.95 * (dev + rng.normal(0, 1, n))), 1, 5)

    annual_spend = order_rate * aov * 12
    cut = np.quantile(annual_spend, [0.45, 0.80])
    segment = np.where(annual_spend >= cut[1], "Gold", np.where(annual_spend >= cut[0], "Silver", "Bronze"))
    channel = np.where(online < 0.3, "Store", np.where(online > 0.7, "Online", "Omnichannel"))

    return pd.DataFrame({
        "customer_id": [f"C{i:06d}" for i in range(1, n + 1)],
        "persona": np.array(names)[persona], "_persona": persona,
        "segment": segment, "region": region, "channel": channel,
        "unit_id": units["unit_id"].to_numpy()[store], "_store": store,
        "_language": language, "_loyalty": loyalty, "_order_rate": order_rate, "_aov": aov,
        "_online": online, "_tenure_years0": tenure_years, "_signup_t": signup_t,
        **{f"_{item}": att[:, j] for j, item in enumerate(W.ATTITUDES)},
    })


# ------------------------------------------------------------------ one response
def response_model(rng, loyalty, touchpoint_idx, shocked, store_effect=None):
    """Perceptions, themes and scores of a batch of responses (vectorised).

    Parameters are arrays of one value per response: the customer's latent
    loyalty, the touchpoint index (into ``world.TOUCHPOINTS``) and whether the
    dated shock applies. Returns a dict of arrays: ``mood``, ``attributes``
    (n × attributes, continuous), ``theme_polarity`` (n × themes: 0 none, -1 neg,
    +1 pos), ``y`` (NPS latent), ``nps``, ``csat``, ``ces``.
    """
    n = len(loyalty)
    mood = loyalty + rng.normal(0, W.MOOD_SD, n)
    mz = mood / MOOD_SCALE
    attrs = np.empty((n, len(_ATTR_NAMES)))
    y = W.MOOD_WEIGHT * mood + np.array([W.TOUCHPOINT_OFFSET[t] for t in _TOUCHPOINTS])[touchpoint_idx]
    for k, name in enumerate(_ATTR_NAMES):
        halo, weight = W.ATTRIBUTES[name]
        a = halo * mz + np.sqrt(1 - halo ** 2) * rng.normal(0, 1, n)
        if name == W.SHOCK["attribute"]:
            a = a + np.where(shocked, W.SHOCK["shift"], 0.0)
        attrs[:, k] = a
        y = y + weight * a

    relevance = np.array([[W.relevance(t, th) for th in _THEMES] for t in _TOUCHPOINTS])[touchpoint_idx]
    polarity = np.zeros((n, len(_THEMES)), dtype=np.int8)
    for j, theme in enumerate(_THEMES):
        attr = W.THEME_ATTRIBUTE[theme]
        u = rng.random(n)
        if attr is None:
            rate = W.OWN_TRIGGER_RATE[theme] * relevance[:, j]
            if theme == "loyalty_programme":  # enthusiasts talk about their points
                rate = rate * np.exp(0.8 * mz) / np.exp(0.32)
            hit = u < np.minimum(rate, 0.9)
            sign = 1 if W.THEME_DIRECT_EFFECT[theme] > 0 else -1
            polarity[:, j] = np.where(hit, sign, 0)
            y = y + np.where(hit, W.THEME_DIRECT_EFFECT[theme], 0.0)
        else:
            a = attrs[:, _ATTR_NAMES.index(attr)]
            has_pos = "pos" in bank.PHRASES[theme]
            p_neg = _sigmoid(W.MENTION_NEG[0] + W.MENTION_NEG[1] * a) * relevance[:, j]
            p_pos = _sigmoid(W.MENTION_POS[0] + W.MENTION_POS[1] * a) * relevance[:, j] if has_pos else 0.0
            polarity[:, j] = np.where(u < p_neg, -1, np.where(u < p_neg + p_pos, 1, 0))
    y = y + rng.normal(0, W.NPS_NOISE_SD, n)

    nps = np.clip(np.round(NPS_CENTRE + NPS_SCALE * y), 0, 10) + 0.0  # + 0.0: no "-0"
    csat = np.clip(np.round(3.9 + 0.62 * y + rng.normal(0, 0.55, n)), 1, 5)
    effort = attrs[:, [_ATTR_NAMES.index(a) for a in W.EFFORT_ATTRIBUTES]].mean(axis=1)
    ces = np.clip(np.round(5.3 + 0.9 * effort + 0.3 * mz + rng.normal(0, 0.9, n)), 1, 7)
    return dict(mood=mood, attributes=attrs, theme_polarity=polarity, y=y, nps=nps, csat=csat, ces=ces)


def _category(nps: np.ndarray) -> np.ndarray:
    return np.where(nps >= 9, 3, np.where(nps >= 7, 2, 1))


def _touchpoints(rng, ordered: np.ndarray, online: np.ndarray) -> np.ndarray:
    """Touchpoint index per response: purchases in store or online, else service contacts."""
    n = len(ordered)
    u = rng.random(n)
    buy_online = rng.random(n) < online
    tp_order = np.where(u < 0.08, 3, np.where(~buy_online, 0, np.where(u < 0.45, 1, 2)))
    tp_other = np.where(u < 0.45, 3, 4)
    return np.where(ordered, tp_order, tp_other)


# ------------------------------------------------------------------ the 24 months
def simulate(rng, customers: pd.DataFrame):
    n = len(customers)
    months = _months()
    region = customers["region"].to_numpy()
    loyalty = customers["_loyalty"].to_numpy()
    rate = customers["_order_rate"].to_numpy()
    aov = customers["_aov"].to_numpy()
    online = customers["_online"].to_numpy()
    signup = customers["_signup_t"].to_numpy()
    tenure0 = customers["_tenure_years0"].to_numpy()
    churn_nps = np.array([W.CHURN_NPS[c] for c in _CATS])
    orders_nps = np.array([W.ORDERS_NPS[c] for c in _CATS])

    latest = np.zeros(n, dtype=np.int8)            # NPS category of the latest answer so far
    churn_t = np.full(n, -1)
    answered = np.zeros(n, dtype=bool)
    cm_parts, resp_parts, hazard_parts = [], [], []
    for t, month in enumerate(months):
        present = (signup <= t) & (churn_t < 0)
        tenure_years = np.where(signup >= 0, (t - signup) / 12.0, tenure0 + t / 12.0)
        # churn in month t depends on the latest category up to month t-1
        logit = W.CHURN_BASE + W.CHURN_TENURE * np.log1p(np.maximum(tenure_years, 0)) + churn_nps[latest]
        at_risk = present & (signup < t)
        leaves = at_risk & (rng.random(n) < _sigmoid(logit))
        hazard_parts.append(pd.DataFrame({"customer_idx": np.flatnonzero(at_risk), "month": month,
                                          "latest_category": _CATS[latest[at_risk]],
                                          "hazard": np.round(_sigmoid(logit[at_risk]), 6),
                                          "churned": leaves[at_risk]}))
        churn_t[leaves] = t
        active = present & ~leaves
        season = W.SEASONALITY[month.month - 1]
        orders = np.where(active, rng.poisson(rate * season * orders_nps[latest]), 0)
        revenue = np.where(orders > 0, orders * aov * rng.lognormal(-0.02, 0.2, n), 0.0)
        started = signup <= t
        cm_parts.append(pd.DataFrame({"customer_idx": np.flatnonzero(started), "month": month,
                                      "revenue": np.round(revenue[started], 2), "orders": orders[started],
                                      "active": active[started]}))
        # survey answers this month (at most one per customer)
        p = np.where(orders > 0, W.RESPONSE_RATE_AFTER_ORDER, W.RESPONSE_RATE_NO_ORDER)
        idx = np.flatnonzero(active & (rng.random(n) < p))
        tp = _touchpoints(rng, orders[idx] > 0, online[idx])
        shocked = (region[idx] == W.SHOCK["region"]) & (month.strftime("%Y-%m") == W.SHOCK["month"]) \
            & (np.array(_TOUCHPOINTS)[tp] == W.SHOCK["touchpoint"])
        model = response_model(rng, loyalty[idx], tp, shocked)
        day = rng.integers(0, month.days_in_month, len(idx))
        resp_parts.append(dict(customer_idx=idx, date=month + pd.to_timedelta(day, unit="D"), tp=tp,
                               first=~answered[idx], shocked=shocked, **model))
        answered[idx] = True
        latest[idx] = _category(model["nps"])

    customer_months = pd.concat(cm_parts, ignore_index=True)
    hazard = pd.concat(hazard_parts, ignore_index=True)
    responses = {k: np.concatenate([p[k] for p in resp_parts]) for k in resp_parts[0]}
    return customer_months, responses, churn_t, latest, hazard


# ------------------------------------------------------------------ words
def _mention_kinds(rng, m: int) -> np.ndarray:
    kinds = np.array(list(W.HARD_KINDS))
    probs = np.array(list(W.HARD_KINDS.values()))
    hard = rng.random(m) < W.HARD_MENTION_RATE
    return np.where(hard, kinds[rng.choice(len(kinds), size=m, p=probs)], "keyword")


def compose(rng, mentions: list[tuple[str, str]], language: str, filler_rate=0.35, opener=False):
    """Text carrying exactly ``mentions`` [(theme, polarity)], and the kinds used."""
    kinds = _mention_kinds(rng, len(mentions))
    parts, used = [], []
    for (theme, pol), kind in zip(mentions, kinds):
        phrase, k = text.phrase_for(rng, theme, pol, language, str(kind))
        parts.append(phrase)
        used.append(k)
    if not parts or rng.random() < filler_rate:
        parts.insert(int(rng.integers(0, len(parts) + 1)), text.pick(rng, bank.FILLERS[language]))
    body = text.join_sentences(parts, language)
    if opener and language in bank.OPENERS:
        body = text.pick(rng, bank.OPENERS[language]) + " " + body
    return body, used


def _capped_mentions(rng, polarity_row: np.ndarray, cap: int = 3) -> list[tuple[str, str]]:
    hits = np.flatnonzero(polarity_row)
    if len(hits) > cap:
        hits = np.sort(rng.choice(hits, size=cap, replace=False))
    return [(_THEMES[j], "pos" if polarity_row[j] > 0 else "neg") for j in hits]


def survey_comments(rng, responses: pd.DataFrame, polarity: np.ndarray, mood: np.ndarray):
    """Comments for the responses that leave one; returns comments, mentions and PII truth."""
    n = len(responses)
    # unhappy customers write more often
    p = _sigmoid(np.log(W.COMMENT_RATE / (1 - W.COMMENT_RATE)) - 0.3 * mood / MOOD_SCALE)
    commented = rng.random(n) < p
    comments = np.full(n, None, dtype=object)
    mention_rows, pii_rows = [], []
    languages = responses["language"].to_numpy()
    ids = responses["response_id"].to_numpy()
    for i in np.flatnonzero(commented):
        lang = languages[i]
        mentions = _capped_mentions(rng, polarity[i])
        body, kinds = compose(rng, mentions, lang)
        if rng.random() < W.PII_RATE:
            kind = ("email", "phone", "card")[int(rng.integers(3))]
            sentence, value = text.pii_sentence(rng, kind, lang)
            body = text.join_sentences([body, sentence], lang) if lang != "zh" else body + sentence + "。"
            pii_rows.append((ids[i], kind, value))
        comments[i] = body
        mention_rows += [(ids[i], th, pol, k, lang) for (th, pol), k in zip(mentions, kinds)]
    mentions = pd.DataFrame(mention_rows, columns=["doc_id", "theme", "polarity", "kind", "language"])
    pii = pd.DataFrame(pii_rows, columns=["doc_id", "kind", "value"])
    return comments, mentions, pii


def other_verbatims(rng, customers: pd.DataFrame, active_months: pd.DataFrame):
    """Interview transcripts, product reviews and complaint logs, with their planted themes."""
    months = _months()
    rows, mention_rows = [], []
    codebook_themes = [t for t in _THEMES if t not in W.EMERGENT_THEMES]

    def add(doc, mentions, kinds, lang):
        rows.append(doc)
        mention_rows.extend((doc["doc_id"], th, pol, k, lang) for (th, pol), k in zip(mentions, kinds))

    # interviews: interviewer asks (often naming a theme), respondent answers
    lang_of = customers["_language"].to_numpy()
    for i, lang in enumerate(W.INTERVIEW_LANGUAGES, start=1):
        candidates = np.flatnonzero(lang_of == lang)
        cust = customers.iloc[int(rng.choice(candidates))]
        date = months[int(rng.integers(6, W.N_MONTHS))] + pd.Timedelta(days=int(rng.integers(0, 27)))
        turn = 0
        for _ in range(int(rng.integers(6, 9))):
            asked = text.pick(rng, codebook_themes) if rng.random() < 0.6 else None
            questions = bank.INTERVIEWER_QUESTIONS[lang]
            q = text.pick(rng, questions[asked] if asked else questions["_general"])
            turn += 1
            add(dict(doc_id=f"INT{i:02d}-{turn:02d}", text=q, source="interview", language=lang,
                     customer_id=cust["customer_id"], unit_id=cust["unit_id"], date=date,
                     speaker="interviewer", turn=turn, interview_id=f"INT{i:02d}"), [], [], lang)
            themes = [asked] if asked and rng.random() < 0.75 else []
            if rng.random() < 0.5 or not themes:
                extra = text.pick(rng, _THEMES)
                if extra not in themes:
                    themes.append(extra)
            mentions = [(th, "neg" if rng.random() < 0.6 or "pos" not in bank.PHRASES[th] else "pos")
                        for th in themes]
            body, kinds = compose(rng, mentions, lang, filler_rate=0.5, opener=True)
            turn += 1
            add(dict(doc_id=f"INT{i:02d}-{turn:02d}", text=body, source="interview", language=lang,
                     customer_id=cust["customer_id"], unit_id=cust["unit_id"], date=date,
                     speaker="respondent", turn=turn, interview_id=f"INT{i:02d}"), mentions, kinds, lang)

    # product reviews: stars go with what the review says
    review_themes = ["product_quality", "price_value", "delivery", "product_range", "packaging_waste"]
    stars = rng.choice([1, 2, 3, 4, 5], size=W.N_REVIEWS, p=[0.08, 0.07, 0.12, 0.30, 0.43])
    buyers = rng.integers(0, len(customers), W.N_REVIEWS)
    for r in range(W.N_REVIEWS):
        cust = customers.iloc[int(buyers[r])]
        lang = cust["_language"]
        k = 1 + int(rng.random() < 0.45)
        themes = list(rng.choice(review_themes, size=k, replace=False, p=[0.4, 0.2, 0.15, 0.15, 0.1]))
        mentions = []
        for th in themes:
            pos = stars[r] >= 4 or (stars[r] == 3 and rng.random() < 0.5)
            pol = "pos" if pos and "pos" in bank.PHRASES[th] else "neg"
            if stars[r] >= 4 and pol == "neg" and rng.random() < 0.7:
                continue  # happy reviewers rarely grumble
            mentions.append((th, pol))
        body, kinds = compose(rng, mentions, lang, filler_rate=0.4)
        title = text.pick(rng, bank.REVIEW_TITLES[lang]["pos" if stars[r] >= 4 else "neg"]) \
            if lang in bank.REVIEW_TITLES and rng.random() < 0.6 else None
        add(dict(doc_id=f"RV{r + 1:05d}", text=(f"{title} — {body}" if title else body), source="review",
                 language=lang, customer_id=cust["customer_id"], rating=float(stars[r]),
                 date=months[int(rng.integers(0, W.N_MONTHS))] + pd.Timedelta(days=int(rng.integers(0, 28)))),
            mentions, kinds, lang)

    # complaint logs (customers' own words, by e-mail or web form), more during the shock
    complaint_themes = ["delivery", "returns_refunds", "checkout_payment", "contact_centre",
                        "communication", "product_quality", "staff_attitude"]
    active = active_months[active_months["active"]]
    picks = active.iloc[rng.integers(0, len(active), W.N_COMPLAINTS)]
    for c, (cidx, month) in enumerate(zip(picks["customer_idx"].to_numpy(), picks["month"]), start=1):
        cust = customers.iloc[int(cidx)]
        lang = cust["_language"]
        shocked = cust["region"] == W.SHOCK["region"] and month.strftime("%Y-%m") == W.SHOCK["month"]
        first = "delivery" if shocked and rng.random() < 0.7 else text.pick(rng, complaint_themes)
        themes = [first] + ([t] if (t := text.pick(rng, complaint_themes)) != first and rng.random() < 0.35 else [])
        mentions = [(th, "neg") for th in themes]
        body, kinds = compose(rng, mentions, lang, filler_rate=0.2)
        add(dict(doc_id=f"CP{c:05d}", text=body, source="complaint", language=lang,
                 customer_id=cust["customer_id"], unit_id=cust["unit_id"],
                 date=month + pd.Timedelta(days=int(rng.integers(0, 28)))), mentions, kinds, lang)

    docs = pd.DataFrame(rows)
    mentions = pd.DataFrame(mention_rows, columns=["doc_id", "theme", "polarity", "kind", "language"])
    return docs, mentions


# ------------------------------------------------------------------ human coders
def expected_kappa(prevalence: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    """Cohen's kappa expected from two coders' sensitivity/specificity at a prevalence.

    Coders err independently given the truth, so
    Po = π(se_a se_b + (1-se_a)(1-se_b)) + (1-π)(sp_a sp_b + (1-sp_a)(1-sp_b)),
    q = π se + (1-π)(1-sp) is each coder's rate of applying the code, and
    Pe = q_a q_b + (1-q_a)(1-q_b); kappa = (Po - Pe) / (1 - Pe).
    """
    (se_a, sp_a), (se_b, sp_b) = a, b
    pi = prevalence
    po = pi * (se_a * se_b + (1 - se_a) * (1 - se_b)) + (1 - pi) * (sp_a * sp_b + (1 - sp_a) * (1 - sp_b))
    qa, qb = pi * se_a + (1 - pi) * (1 - sp_a), pi * se_b + (1 - pi) * (1 - sp_b)
    pe = qa * qb + (1 - qa) * (1 - qb)
    return float((po - pe) / (1 - pe))


def human_coding(rng, mentions: pd.DataFrame, comment_ids: np.ndarray):
    codes = [t for t in _THEMES if t not in W.EMERGENT_THEMES]
    docs = np.sort(rng.choice(comment_ids, size=W.N_CODED_DOCS, replace=False))
    truth = np.zeros((len(docs), len(codes)), dtype=bool)
    pos = {d: i for i, d in enumerate(docs)}
    for d, th in mentions.loc[mentions["doc_id"].isin(docs), ["doc_id", "theme"]].itertuples(index=False):
        if th in codes:
            truth[pos[d], codes.index(th)] = True
    parts = []
    for coder, (se, sp) in W.CODERS.items():
        u = rng.random(truth.shape)
        applied = np.where(truth, u < se, u >= sp)
        parts.append(pd.DataFrame({"doc_id": np.repeat(docs, len(codes)), "coder": coder,
                                   "code": np.tile(codes, len(docs)), "applied": applied.ravel().astype(np.int8)}))
    coding = pd.concat(parts, ignore_index=True)
    prevalence = truth.mean(axis=0)
    names = list(W.CODERS)
    expected = [dict(code=c, coder_1=names[i], coder_2=names[j], prevalence=float(prevalence[k]),
                     expected_kappa=expected_kappa(prevalence[k], W.CODERS[names[i]], W.CODERS[names[j]]))
                for k, c in enumerate(codes) for i in range(3) for j in range(i + 1, 3)]
    return coding, pd.DataFrame(expected)


# ------------------------------------------------------------------ truth that needs computing
def theme_effects(rng, customers: pd.DataFrame, n: int = 400_000) -> pd.DataFrame:
    """Population detractor share and mean NPS with and without each theme.

    Estimated from a large fresh draw of the response model (same customers,
    touchpoint mix as in the data, no shock), so sampling error is negligible
    next to any study's CI.
    """
    idx = rng.integers(0, len(customers), n)
    tp = _touchpoints(rng, rng.random(n) < 0.85, customers["_online"].to_numpy()[idx])
    model = response_model(rng, customers["_loyalty"].to_numpy()[idx], tp, np.zeros(n, bool))
    detractor = model["nps"] <= 6
    rows = []
    for j, theme in enumerate(_THEMES):
        for pol, sign in (("neg", -1), ("pos", 1)):
            hit = model["theme_polarity"][:, j] == sign
            if hit.sum() < 200:
                continue
            rows.append(dict(theme=theme, polarity=pol, share_of_responses=float(hit.mean()),
                             detractor_share_with=float(detractor[hit].mean()),
                             detractor_share_without=float(detractor[~hit].mean()),
                             mean_nps_with=float(model["nps"][hit].mean()),
                             mean_nps_without=float(model["nps"][~hit].mean())))
    out = pd.DataFrame(rows)
    out["detractor_lift"] = out["detractor_share_with"] / out["detractor_share_without"]
    return out


def store_truth(rng, customers: pd.DataFrame, units: pd.DataFrame, per_store: int = 1500) -> pd.DataFrame:
    """Each store's expected NPS (its customers, a fresh large draw), beside its engagement."""
    store = customers["_store"].to_numpy()
    rows = []
    loyalty = customers["_loyalty"].to_numpy()
    online = customers["_online"].to_numpy()
    pick = np.concatenate([rng.choice(np.flatnonzero(store == s), per_store) if (store == s).any()
                           else np.array([], int) for s in range(len(units))])
    tp = _touchpoints(rng, rng.random(len(pick)) < 0.85, online[pick])
    model = response_model(rng, loyalty[pick], tp, np.zeros(len(pick), bool))
    cat = _category(model["nps"])
    df = pd.DataFrame({"store": store[pick], "pro": cat == 3, "det": cat == 1})
    g = df.groupby("store")[["pro", "det"]].mean()
    for s, r in g.iterrows():
        rows.append(dict(unit_id=units["unit_id"].iat[s], employee_engagement=units["employee_engagement"].iat[s],
                         store_effect=units["_store_effect"].iat[s], expected_nps=100 * (r["pro"] - r["det"])))
    return pd.DataFrame(rows)


def best_persona_ari(customers: pd.DataFrame, responses: pd.DataFrame, seed: int) -> dict:
    """Supervised upper bound on persona recovery: cross-validated LDA on the true labels."""
    from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
    from sklearn.metrics import adjusted_rand_score
    from sklearn.model_selection import cross_val_predict, StratifiedKFold

    profile = responses.dropna(subset=[W.ATTITUDES[0]]).drop_duplicates("customer_id")
    data = profile[["customer_id"] + W.ATTITUDES].merge(customers, on="customer_id")
    months_active = data["tenure_months"].clip(lower=1)
    X = np.column_stack([data[W.ATTITUDES].to_numpy(float),
                         np.log1p(data["orders"] / months_active),
                         np.log1p(data["revenue"] / data["orders"].clip(lower=1)),
                         np.log1p(data["tenure_months"]),
                         pd.get_dummies(data["channel"]).to_numpy(float)])
    y = data["persona"].to_numpy()
    pred = cross_val_predict(LinearDiscriminantAnalysis(), X, y,
                             cv=StratifiedKFold(5, shuffle=True, random_state=seed))
    return dict(best_achievable_ari=round(float(adjusted_rand_score(y, pred)), 4),
                n_customers=int(len(y)), accuracy=round(float((pred == y).mean()), 4),
                method="5-fold cross-validated linear discriminant analysis trained on the true personas, "
                       "features: the 13 attitudinal items of the customer's first answer, log orders per "
                       "month, log average order value, log tenure, channel")


# ------------------------------------------------------------------ everything
def generate(seed: int = config.SAMPLE_SEED) -> SampleData:
    """Build the whole sample and its planted truth from one seed.

    Examples
    --------
    >>> from cxresearch.sample import generate
    >>> sample = generate()                          # doctest: +SKIP
    >>> sample.tables["responses"].shape[0] > 90_000  # doctest: +SKIP
    True
    """
    rng = np.random.default_rng(seed)
    units = make_units(rng)
    customers = make_customers(rng, units)
    customer_months, r, churn_t, latest, hazard = simulate(rng, customers)
    months = _months()

    # ---- customers' operational data
    cm = customer_months
    per = cm.groupby("customer_idx").agg(orders=("orders", "sum"), revenue=("revenue", "sum"))
    end_t = np.where(churn_t >= 0, churn_t, W.N_MONTHS)
    signup = customers["_signup_t"].to_numpy()
    tenure_at_start = np.where(signup >= 0, 0, np.round(customers["_tenure_years0"].to_numpy() * 12)).astype(int)
    tenure_months = tenure_at_start + end_t - np.maximum(signup, 0)
    signup_date = pd.DatetimeIndex(np.where(signup >= 0, months[np.maximum(signup, 0)],
                                            months[0] - pd.to_timedelta(tenure_at_start * 30.44, unit="D")))
    churned = churn_t >= 0
    churn_date = pd.Series(pd.NaT, index=customers.index, dtype="datetime64[ns]")
    churn_day = rng.integers(0, 28, len(customers))
    churn_date[churned] = months[churn_t[churned]] + pd.to_timedelta(churn_day[churned], unit="D")
    # CLV: expected discounted gross margin over the horizon from the last 6 months' revenue
    recent = cm[cm["month"] >= months[-6]].groupby("customer_idx")["revenue"].sum() / 6
    monthly = np.zeros(len(customers))
    monthly[recent.index.to_numpy()] = recent.to_numpy()
    h = _sigmoid(W.CHURN_BASE + W.CHURN_TENURE * np.log1p(tenure_months / 12) +
                 np.array([W.CHURN_NPS[c] for c in _CATS])[latest])
    m = np.arange(1, W.CLV_HORIZON_MONTHS + 1)
    factor = (((1 - h)[:, None] ** m) / (1 + W.MONTHLY_DISCOUNT) ** m).sum(axis=1)
    clv = np.where(churned, 0.0, np.round(monthly * W.GROSS_MARGIN * factor, 2))
    contacts = pd.Series(r["customer_idx"][r["tp"] >= 3]).value_counts()
    n_contacts = np.zeros(len(customers))
    n_contacts[contacts.index.to_numpy()] = contacts.to_numpy()
    orders = per["orders"].reindex(range(len(customers)), fill_value=0).to_numpy()
    revenue = per["revenue"].reindex(range(len(customers)), fill_value=0.0).to_numpy()
    customers_out = pd.DataFrame({
        "customer_id": customers["customer_id"], "segment": customers["segment"],
        "region": customers["region"], "channel": customers["channel"], "unit_id": customers["unit_id"],
        "signup_date": signup_date.normalize(), "tenure_months": tenure_months,
        "orders": orders.astype(int), "revenue": np.round(revenue, 2), "churned": churned,
        "churn_date": churn_date, "clv": clv,
        "cost_to_serve": np.round(orders * 3.5 + n_contacts * 6.0 + 12.0, 2),
    })
    customer_months_out = pd.DataFrame({
        "customer_id": customers["customer_id"].to_numpy()[customer_months["customer_idx"]],
        "month": customer_months["month"], "revenue": customer_months["revenue"],
        "orders": customer_months["orders"].astype(int), "active": customer_months["active"]})

    # ---- survey responses
    cidx = r["customer_idx"]
    order = np.lexsort((cidx, r["date"]))
    r = {k: v[order] for k, v in r.items()}
    cidx = r["customer_idx"]
    n = len(cidx)
    responses = pd.DataFrame({
        "response_id": [f"R{i:07d}" for i in range(1, n + 1)],
        "customer_id": customers["customer_id"].to_numpy()[cidx],
        "unit_id": customers["unit_id"].to_numpy()[cidx],
        "date": pd.DatetimeIndex(r["date"]),
        "touchpoint": np.array(_TOUCHPOINTS)[r["tp"]],
        "journey_stage": np.array([W.TOUCHPOINTS[t] for t in _TOUCHPOINTS])[r["tp"]],
        "region": customers["region"].to_numpy()[cidx],
        "segment": customers["segment"].to_numpy()[cidx],
        "nps": r["nps"].astype(float), "csat": r["csat"].astype(float), "ces": r["ces"].astype(float),
    })
    for k, name in enumerate(_ATTR_NAMES):
        rating = np.clip(np.round(3.6 + 0.95 * r["attributes"][:, k]), 1, 5)
        rating[rng.random(n) < W.ATTRIBUTE_MISSING_RATE] = np.nan
        responses[name] = rating
    # the attitudinal profile module is asked once, in a customer's first answer
    first = r["first"]
    for item in W.ATTITUDES:
        responses[item] = np.where(first, customers[f"_{item}"].to_numpy()[cidx], np.nan)
    responses["language"] = customers["_language"].to_numpy()[cidx]
    comments, survey_mentions, pii = survey_comments(rng, responses, r["theme_polarity"], r["mood"])
    responses["comment"] = pd.array(comments, dtype="string")
    # design weights: regions are sampled unevenly, weights restore their customer shares
    cust_share = customers["region"].value_counts(normalize=True)
    resp_share = responses["region"].value_counts(normalize=True)
    responses["weight"] = np.round(responses["region"].map(cust_share / resp_share).to_numpy(float)
                                   * rng.lognormal(0, 0.15, n), 4)

    # ---- verbatims: survey comments + interviews + reviews + complaints
    with_comment = responses[responses["comment"].notna()]
    survey_docs = pd.DataFrame({"doc_id": with_comment["response_id"], "text": with_comment["comment"],
                                "source": "survey", "language": with_comment["language"],
                                "response_id": with_comment["response_id"],
                                "customer_id": with_comment["customer_id"], "unit_id": with_comment["unit_id"],
                                "date": with_comment["date"]})
    docs, other_mentions = other_verbatims(rng, customers, customer_months)
    verbatims = pd.concat([survey_docs, docs], ignore_index=True)
    for col in ["response_id", "customer_id", "unit_id", "speaker", "interview_id"]:
        verbatims[col] = verbatims[col].astype("string")
    verbatims["turn"] = verbatims["turn"].astype("Int64")
    verbatims["rating"] = verbatims["rating"].astype(float)
    verbatims["text"] = verbatims["text"].astype("string")
    verbatims = verbatims[["doc_id", "text", "source", "language", "response_id", "customer_id", "unit_id",
                           "date", "speaker", "turn", "interview_id", "rating"]]
    mentions = pd.concat([survey_mentions, other_mentions], ignore_index=True)
    coding, coder_truth = human_coding(rng, survey_mentions, with_comment["response_id"].to_numpy())

    units_out = units.drop(columns=["_language", "_store_effect"])
    tables = {"units": units_out, "customers": customers_out, "customer_months": customer_months_out,
              "responses": responses, "verbatims": verbatims, "human_coding": coding}

    personas = pd.DataFrame({"customer_id": customers["customer_id"], "persona": customers["persona"]})
    ari = best_persona_ari(customers[["customer_id", "persona"]].merge(customers_out, on="customer_id"),
                           responses, seed)
    stores = store_truth(rng, customers, units)
    effects = theme_effects(rng, customers)
    hazard = hazard.assign(customer_id=customers["customer_id"].to_numpy()[hazard["customer_idx"]]) \
        .drop(columns="customer_idx")
    truth_tables = {"personas": personas, "mentions": mentions, "pii": pii, "coder_agreement": coder_truth,
                    "stores": stores, "theme_effects": effects, "churn_hazard": hazard}
    truth = _truth_document(seed, ari, stores, mentions, effects)
    return SampleData(tables=tables, truth_tables=truth_tables, truth=truth)


def _truth_document(seed, ari, stores, mentions, effects) -> dict:
    hard = mentions["kind"] != "keyword"
    slope = np.polyfit((stores["employee_engagement"] - W.ENGAGEMENT_MEAN) / W.ENGAGEMENT_SD,
                       stores["expected_nps"], 1)[0]
    return {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "period": {"first_month": W.START_MONTH, "months": W.N_MONTHS},
        "personas": {
            "names": list(W.PERSONAS),
            "shares": {p: v["share"] for p, v in W.PERSONAS.items()},
            "features_with_structure": [a for a in W.ATTITUDES if a not in W.NOISE_ATTITUDES]
            + ["orders per month", "average order value", "tenure", "channel"],
            "noise_features": W.NOISE_ATTITUDES,
            **ari,
            "labels": "truth/personas.parquet (customer_id, persona)",
        },
        "themes": {
            "all": {t: bank.THEMES[t] for t in _THEMES},
            "absent_from_default_codebook": W.EMERGENT_THEMES,
            "detractor_themes": W.DETRACTOR_THEMES,
            "no_effect_theme": W.NO_EFFECT_THEME,
            "mentions": "truth/mentions.parquet (doc_id, theme, polarity, kind, language)",
            "n_mentions": int(len(mentions)),
            "share_not_keyword_catchable": round(float(hard.mean()), 4),
            "effects": "truth/theme_effects.parquet: population detractor share and mean NPS of "
                       "responses with vs without each theme (large fresh draw of the response model)",
            "mechanism": "a negative mention of an attribute theme is triggered by a low perception of its "
                         "attribute; the NPS latent depends on the attributes with the driver weights below, "
                         "so a theme moves scores through its attribute. store_cleanliness's attribute has "
                         "driver weight 0 and no halo: its mentions carry no information about the score.",
        },
        "drivers": {
            "nps_latent": "y = 0.6*mood + sum_k w_k*a_k + touchpoint offset + direct theme effects + N(0, 0.8^2); "
                          f"nps = clip(round({NPS_CENTRE} + {NPS_SCALE}*y), 0, 10)",
            "weights": {k: v[1] for k, v in W.ATTRIBUTES.items()},
            "halo_loadings": {k: v[0] for k, v in W.ATTRIBUTES.items()},
            "touchpoint_offsets": W.TOUCHPOINT_OFFSET,
            "direct_theme_effects": W.THEME_DIRECT_EFFECT,
        },
        "churn": {
            "estimand": "customer-month discrete-time hazard: logit P(customer leaves in month t | active at "
                        "the start of t) = base + tenure_coef*log1p(tenure years) + beta[category of the "
                        "customer's latest NPS answer before month t] (no answer yet = passive level)",
            "base": W.CHURN_BASE, "tenure_coef": W.CHURN_TENURE,
            "beta": W.CHURN_NPS,
            "odds_ratio_detractor_vs_passive": round(float(np.exp(W.CHURN_NPS["detractor"])), 4),
            "odds_ratio_promoter_vs_passive": round(float(np.exp(W.CHURN_NPS["promoter"])), 4),
            "per_customer_month": "truth/churn_hazard.parquet (customer_id, month, latest_category, hazard, churned)",
        },
        "orders": {
            "estimand": "orders in month t ~ Poisson(rate_i * season_t * multiplier[category of the latest "
                        "NPS answer before month t]); the rate ratio vs passive is the multiplier",
            "rate_ratio": W.ORDERS_NPS,
            "average_order_value_effect": "none: order value does not depend on NPS category",
        },
        "stores": {
            "estimand": "store level: expected NPS of a store's customers (truth/stores.parquet, large fresh "
                        "draw) against its employee_engagement",
            "latent_effect_per_sd_engagement": W.ENGAGEMENT_EFFECT,
            "nps_points_per_sd_engagement": round(float(slope), 3),
            "correlation_engagement_expected_nps": round(float(np.corrcoef(
                stores["employee_engagement"], stores["expected_nps"])[0, 1]), 4),
        },
        "shock": {**W.SHOCK, "description": "a delivery partner failed in Poland in March 2025: delivery "
                  "perceptions fell by 1.5 SD for delivery answers there, that month only"},
        "pii": {"rate_of_survey_comments": W.PII_RATE, "kinds": ["email", "phone", "card"],
                "values": "truth/pii.parquet (doc_id, kind, value)"},
        "human_coding": {
            "coders": {c: {"sensitivity": se, "specificity": sp} for c, (se, sp) in W.CODERS.items()},
            "documents": W.N_CODED_DOCS,
            "expected_agreement": "truth/coder_agreement.parquet: expected Cohen's kappa per code and coder "
                                  "pair from the coders' sensitivity/specificity and the code's prevalence",
        },
        "money": {"clv_horizon_months": W.CLV_HORIZON_MONTHS, "gross_margin": W.GROSS_MARGIN,
                  "monthly_discount_rate": W.MONTHLY_DISCOUNT, "currency": "EUR"},
    }


# ------------------------------------------------------------------ saving
def content_hash(df: pd.DataFrame) -> str:
    """SHA-256 of a table's content (column names, types and values), not of its file bytes.

    Parquet bytes differ between pyarrow versions; the content must not.
    """
    h = hashlib.sha256()
    h.update(json.dumps([[c, str(t)] for c, t in df.dtypes.items()]).encode())
    h.update(pd.util.hash_pandas_object(df, index=False, categorize=False).to_numpy().tobytes())
    return h.hexdigest()


def write_sample(folder: Path | str = None, seed: int = config.SAMPLE_SEED) -> dict:
    """Generate the sample and write it under ``folder`` (default ``data/sample``); return the manifest."""
    folder = Path(folder) if folder is not None else config.SAMPLE_DIR
    sample = generate(seed)
    (folder / "truth").mkdir(parents=True, exist_ok=True)
    manifest = {"generator_version": GENERATOR_VERSION, "seed": seed, "tables": {}}
    for prefix, tables in (("", sample.tables), ("truth/", sample.truth_tables)):
        for name, df in tables.items():
            df = df.reset_index(drop=True)
            df.to_parquet(folder / f"{prefix}{name}.parquet", index=False, compression="zstd")
            manifest["tables"][f"{prefix}{name}"] = {"rows": int(len(df)), "sha256": content_hash(df)}
    (folder / "truth" / "truth.json").write_text(json.dumps(sample.truth, indent=2, ensure_ascii=False) + "\n",
                                                 encoding="utf-8")
    (folder / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest
