"""The fictional retailer behind the bundled sample, and every effect planted in it.

Maison Verde sells home, garden and lifestyle goods through ~400 stores in six
regions, an online shop, home delivery, returns and a contact centre. This
module holds the constants of that world (regions, personas, attributes,
themes) and the planted effects, so the generator and the tests read the same
numbers. It computes nothing.

Every effect is stated on the scale where the generator applies it; see
``truth.json`` (written by :mod:`cxresearch.sample.generate`) for the
definitions of the estimands in words.
"""

from __future__ import annotations

START_MONTH = "2024-01"
N_MONTHS = 24
N_STORES = 400
N_CUSTOMERS = 20_000

# region name, language, number of stores, cities
REGIONS = [
    ("UK & Ireland", "en", 110, ["London", "Manchester", "Leeds", "Bristol", "Glasgow", "Dublin", "Cardiff", "Birmingham"]),
    ("France", "fr", 90, ["Paris", "Lyon", "Marseille", "Lille", "Toulouse", "Nantes", "Bordeaux"]),
    ("Italy", "it", 80, ["Milano", "Roma", "Torino", "Bologna", "Napoli", "Firenze"]),
    ("Poland", "pl", 60, ["Warszawa", "Kraków", "Wrocław", "Poznań", "Gdańsk", "Łódź"]),
    ("Ukraine", "uk", 30, ["Kyiv", "Lviv", "Odesa", "Dnipro", "Kharkiv"]),
    ("Greater China", "zh", 30, ["Shanghai", "Shenzhen", "Hong Kong", "Taipei", "Beijing"]),
]
# cities whose country is not their region's name
CITY_COUNTRY = {"Dublin": "Ireland", "Hong Kong": "Hong Kong", "Taipei": "Taiwan",
                **{c: "United Kingdom" for c in ["London", "Manchester", "Leeds", "Bristol", "Glasgow",
                                                 "Cardiff", "Birmingham"]},
                **{c: "China" for c in ["Shanghai", "Shenzhen", "Beijing"]}}
STORE_FORMATS = {"Flagship": (0.05, (60, 120)), "Standard": (0.70, (20, 50)), "Express": (0.25, (8, 18))}

TOUCHPOINTS = {  # touchpoint -> journey stage
    "Store visit": "Shop",
    "Online checkout": "Shop",
    "Delivery": "Receive",
    "Returns": "Return",
    "Contact centre": "Get help",
}
TOUCHPOINT_OFFSET = {"Store visit": -0.10, "Online checkout": 0.05, "Delivery": -0.05,
                     "Returns": -0.30, "Contact centre": -0.35}

# ---------------------------------------------------------------- attributes
# Attribute ratings (1-5). Each response's perception of attribute k is
#   a_k = halo_k * h + sqrt(1 - halo_k^2) * e_k + shock,   e_k ~ N(0, 1),
# where h is the respondent's standardised mood this time. The NPS latent is
#   y = MOOD_WEIGHT * h + sum_k DRIVER_WEIGHTS[k] * a_k + touchpoint + theme + noise.
ATTRIBUTES = {  # column -> (halo loading, driver weight on the NPS latent)
    "attr_staff": (0.35, 0.60),
    "attr_wait_time": (0.35, 0.60),
    "attr_price": (0.35, 0.25),
    "attr_product_quality": (0.35, 0.25),
    "attr_stock": (0.35, 0.15),
    "attr_cleanliness": (0.0, 0.00),  # the planted no-effect attribute / theme
    "attr_website": (0.35, 0.12),
    "attr_checkout": (0.35, 0.15),
    "attr_delivery": (0.35, 0.70),
    "attr_returns": (0.35, 0.60),
    "attr_communication": (0.35, 0.08),
    "attr_customer_service": (0.35, 0.15),
    "attr_range": (0.35, 0.05),
}
MOOD_WEIGHT = 0.6
NPS_NOISE_SD = 0.8
EFFORT_ATTRIBUTES = ["attr_wait_time", "attr_website", "attr_checkout", "attr_returns", "attr_customer_service"]
ATTRIBUTE_MISSING_RATE = 0.04

# ---------------------------------------------------------------- themes
# theme -> attribute whose perception triggers its mentions (None: own trigger)
THEME_ATTRIBUTE = {
    "wait_time": "attr_wait_time",
    "staff_attitude": "attr_staff",
    "price_value": "attr_price",
    "product_quality": "attr_product_quality",
    "stock_availability": "attr_stock",
    "store_cleanliness": "attr_cleanliness",
    "website_usability": "attr_website",
    "checkout_payment": "attr_checkout",
    "delivery": "attr_delivery",
    "returns_refunds": "attr_returns",
    "communication": "attr_communication",
    "contact_centre": "attr_customer_service",
    "product_range": "attr_range",
    "loyalty_programme": None,
    "parking": None,
    "packaging_waste": None,
}
# Themes the default codebook will not know: they must come back as emergent themes.
EMERGENT_THEMES = ["parking", "packaging_waste"]
# Direct shifts of the NPS latent for the themes with no attribute.
THEME_DIRECT_EFFECT = {"loyalty_programme": 0.35, "parking": -0.30, "packaging_waste": -0.20}
# What a study should conclude (see truth.json for the definition).
DETRACTOR_THEMES = ["delivery", "wait_time", "returns_refunds", "staff_attitude"]
NO_EFFECT_THEME = "store_cleanliness"

# How relevant each theme is at each touchpoint (multiplies the mention probability).
_RELEVANCE = {
    "Store visit": {"wait_time": 1, "staff_attitude": 1, "price_value": .6, "product_quality": .5,
                    "stock_availability": 1, "store_cleanliness": 1, "product_range": .7,
                    "loyalty_programme": .6, "checkout_payment": .3, "parking": 1},
    "Online checkout": {"website_usability": 1, "checkout_payment": 1, "price_value": .6,
                        "stock_availability": .6, "product_range": .5, "delivery": .3,
                        "communication": .4, "loyalty_programme": .4},
    "Delivery": {"delivery": 1, "communication": 1, "product_quality": .6, "packaging_waste": 1},
    "Returns": {"returns_refunds": 1, "staff_attitude": .4, "communication": .6,
                "contact_centre": .4, "product_quality": .5},
    "Contact centre": {"contact_centre": 1, "communication": .7, "returns_refunds": .5,
                       "delivery": .5, "staff_attitude": .6},
}
BACKGROUND_RELEVANCE = 0.06


def relevance(touchpoint: str, theme: str) -> float:
    return _RELEVANCE[touchpoint].get(theme, BACKGROUND_RELEVANCE)


# Mention probability of a theme with an attribute: logistic(base + slope * a) for
# negative mentions, logistic(base_pos - slope * a) for positive ones, times relevance.
MENTION_NEG = (-2.2, -1.6)   # (intercept, slope on a)
MENTION_POS = (-3.4, 1.1)
# Own-trigger themes: probability per response at a relevant touchpoint.
OWN_TRIGGER_RATE = {"loyalty_programme": 0.05, "parking": 0.05, "packaging_waste": 0.06}
COMMENT_RATE = 0.62            # share of responses that leave a comment
HARD_MENTION_RATE = 0.36       # share of mentions worded so no keyword list catches them
HARD_KINDS = {"typo": 0.30, "paraphrase": 0.40, "negation": 0.15, "mixed": 0.15}
PII_RATE = 0.02

# A dated shock, for "why did it move?": one region's delivery partner failed.
SHOCK = {"region": "Poland", "month": "2025-03", "touchpoint": "Delivery",
         "attribute": "attr_delivery", "shift": -1.5, "theme": "delivery"}

# ---------------------------------------------------------------- stores
ENGAGEMENT_MEAN, ENGAGEMENT_SD = 68.0, 9.0
# Store effect on its customers' latent loyalty: per 1 SD of employee engagement.
ENGAGEMENT_EFFECT = 0.12
STORE_NOISE_SD = 0.15

# ---------------------------------------------------------------- personas
ATTITUDES = [
    "att_need_low_price", "att_need_speed", "att_need_expert_advice", "att_need_easy_returns",
    "att_fear_wrong_choice", "att_fear_delivery_problems",
    "att_belief_quality_worth_paying", "att_belief_brands_all_same",
    "att_desire_inspiration", "att_desire_sustainable", "att_desire_recognition",
    # two items that carry no persona structure (real questionnaires have them)
    "att_like_weekend_shopping", "att_follow_home_trends",
]
NOISE_ATTITUDES = ["att_like_weekend_shopping", "att_follow_home_trends"]
# persona -> (share, loyalty offset, mean attitude deviations in SD units,
#             orders/month, average order value EUR, online share, years of tenure)
PERSONAS = {
    "Bargain Hunter": dict(share=0.26, loyalty=-0.10, orders=0.9, aov=38, online=0.35, tenure=4,
                           att={"att_need_low_price": 1.3, "att_belief_brands_all_same": 1.1,
                                "att_belief_quality_worth_paying": -0.9, "att_desire_sustainable": -0.4}),
    "Convenience Seeker": dict(share=0.22, loyalty=0.00, orders=1.1, aov=55, online=0.80, tenure=3,
                               att={"att_need_speed": 1.3, "att_need_easy_returns": 1.0,
                                    "att_need_expert_advice": -0.7, "att_desire_inspiration": -0.5}),
    "Loyal Enthusiast": dict(share=0.20, loyalty=0.45, orders=1.4, aov=62, online=0.45, tenure=8,
                             att={"att_desire_recognition": 1.3, "att_desire_inspiration": 1.1,
                                  "att_fear_wrong_choice": -0.6, "att_need_low_price": -0.4}),
    "Anxious Newcomer": dict(share=0.17, loyalty=-0.30, orders=0.6, aov=48, online=0.55, tenure=1,
                             att={"att_fear_wrong_choice": 1.3, "att_fear_delivery_problems": 1.2,
                                  "att_need_expert_advice": 1.0, "att_desire_recognition": -0.5}),
    "Quality Connoisseur": dict(share=0.15, loyalty=0.20, orders=0.7, aov=110, online=0.30, tenure=6,
                                att={"att_belief_quality_worth_paying": 1.4, "att_desire_sustainable": 1.1,
                                     "att_need_low_price": -1.0, "att_belief_brands_all_same": -0.8}),
}
CUSTOMER_LOYALTY_SD = 0.5   # customer latent loyalty around persona + store
MOOD_SD = 0.4               # a response's mood around the customer's loyalty

# ---------------------------------------------------------------- money
# Monthly churn hazard: logit P(leave in month t | active at its start)
#   = CHURN_BASE + CHURN_TENURE * log1p(tenure years) + CHURN_NPS[latest category before t]
CHURN_BASE = -4.0
CHURN_TENURE = -0.25
CHURN_NPS = {"none": 0.0, "detractor": 0.55, "passive": 0.0, "promoter": -0.45}
# Orders in month t ~ Poisson(persona rate * individual * season * ORDERS_NPS[latest category before t])
ORDERS_NPS = {"none": 1.0, "detractor": 0.85, "passive": 1.0, "promoter": 1.12}
# Average order value does not depend on the NPS category (a planted null).
SEASONALITY = [0.85, 0.80, 0.95, 1.00, 1.05, 1.00, 0.95, 0.90, 1.00, 1.05, 1.20, 1.40]
RESPONSE_RATE_AFTER_ORDER = 0.36   # chance an active customer with an order answers that month
RESPONSE_RATE_NO_ORDER = 0.11      # returns, contact centre, ...
CLV_HORIZON_MONTHS = 36
GROSS_MARGIN = 0.38
MONTHLY_DISCOUNT = 0.008

# ---------------------------------------------------------------- human coders
# Simulated human coders of a subset of survey comments: per coder, the chance
# of applying a code the comment carries (sensitivity) and of not applying one
# it doesn't (specificity). The expected Cohen's kappa follows from these.
CODERS = {"coder_a": (0.92, 0.985), "coder_b": (0.88, 0.980), "coder_c": (0.80, 0.970)}
N_CODED_DOCS = 600

N_INTERVIEWS = 16
INTERVIEW_LANGUAGES = ["en"] * 7 + ["fr"] * 3 + ["it"] * 3 + ["pl"] * 3
N_REVIEWS = 3000
N_COMPLAINTS = 2500
