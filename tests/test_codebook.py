"""The codebook as data: validation with line numbers, the default CX codebook, matching, exports."""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

from cxresearch import config
from cxresearch.coding.codebook import (
    REFI_CODEBOOK_NAMESPACE,
    Codebook,
    CodebookError,
    load_codebook,
)
from cxresearch.exceptions import CXResearchError, DataFileError, ParameterError
from cxresearch.sample.world import EMERGENT_THEMES, THEME_ATTRIBUTE

FIXTURES = Path(__file__).parent / "fixtures" / "codebooks"
LANGUAGES = ["en", "fr", "it", "pl", "uk", "zh"]
SAMPLE_THEMES = ["wait_time", "staff_attitude", "price_value", "product_quality", "stock_availability",
                 "store_cleanliness", "website_usability", "checkout_payment", "delivery", "returns_refunds",
                 "communication", "loyalty_programme", "contact_centre", "product_range"]


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return load_codebook()


@pytest.fixture(scope="module")
def compiled(codebook) -> dict:
    return {language: codebook.compiled(language) for language in LANGUAGES}


def line_of(fixture: str, text: str) -> int:
    """1-based line of the first line of a fixture holding ``text`` (so tests don't hard-code lines)."""
    for number, line in enumerate((FIXTURES / fixture).read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {fixture}")


def problems_of(source) -> list:
    with pytest.raises(CodebookError) as caught:
        Codebook.from_yaml(source) if isinstance(source, Path) else Codebook.from_dict(source)
    return caught.value.problems


# ---------------------------------------------------------------- validation
@pytest.mark.parametrize("fixture, code, needle, where", [
    ("duplicate_id.yaml", "wait_time", "duplicate id 'wait_time' (first at line 5)", "label: Queues"),
    ("unknown_parent.yaml", "wait_time", "unknown parent 'servce' (did you mean 'service'?)", "parent: servce"),
    ("parent_cycle.yaml", "alpha", "parent cycle alpha -> gamma -> beta -> alpha", "parent: gamma"),
    ("bad_regex.yaml", "delivery", "bad regular expression 're: (courier|driver'", "(courier|driver"),
    ("empty_code.yaml", "loyalty_programme", "no include pattern in any language", "id: loyalty_programme"),
    ("unknown_language.yaml", "delivery", "unknown language key 'de'", "de: [Lieferung]"),
    ("missing_label.yaml", "delivery", "missing 'label'", "id: delivery"),
    ("missing_label.yaml", "returns_refunds", "missing 'definition'", "id: returns_refunds"),
])
def test_each_problem_names_its_line_and_code(fixture, code, needle, where):
    problems = problems_of(FIXTURES / fixture)
    found = [p for p in problems if needle in p.problem]
    assert found, [str(p) for p in problems]
    expected_line = line_of(fixture, where)
    # a duplicate id is reported at the second code's id line, just above its label
    if fixture == "duplicate_id.yaml":
        expected_line -= 1
    assert (found[0].line, found[0].code) == (expected_line, code)
    assert str(found[0]).startswith(f"line {expected_line}, code {code!r}: ")


def test_one_problem_per_fixture_so_each_check_stands_alone():
    for fixture in ["duplicate_id.yaml", "unknown_parent.yaml", "parent_cycle.yaml", "bad_regex.yaml",
                    "empty_code.yaml", "unknown_language.yaml"]:
        assert len(problems_of(FIXTURES / fixture)) == 1, fixture


def test_bad_yaml_syntax_gives_line_and_column_and_where_the_list_began():
    (problem,) = problems_of(FIXTURES / "bad_syntax.yaml")
    assert problem.line == line_of("bad_syntax.yaml", "- id: delivery")
    assert "bad YAML syntax, column 7" in problem.problem
    assert f"started at line {line_of('bad_syntax.yaml', 'en: [wait*, queue*')}" in problem.problem


def test_every_problem_is_reported_at_once_in_one_line():
    fixture = FIXTURES / "many_problems.yaml"
    with pytest.raises(CodebookError) as caught:
        Codebook.from_yaml(fixture)
    error = caught.value
    assert isinstance(error, CXResearchError)
    text = str(error)
    assert "\n" not in text and text.startswith(f"{fixture}: 9 problems in the codebook: line ")
    assert [p.line for p in error.problems] == sorted(p.line for p in error.problems)
    found = {(p.line, p.code, p.problem.split(" (")[0].split(":")[0]) for p in error.problems}
    expected = {
        (line_of("many_problems.yaml", "parent: servce"), "wait_time", "unknown parent 'servce'"),
        (line_of("many_problems.yaml", r'"re: \bqueue\b"'), "wait_time", "include.en"),
        (line_of("many_problems.yaml", "(courier"), "delivery", "include.en"),
        (line_of("many_problems.yaml", "de: [Lieferung]"), "delivery", "unknown language key 'de' in 'include'"),
        (line_of("many_problems.yaml", "label: Waiting again") - 1, "wait_time", "duplicate id 'wait_time'"),
        (line_of("many_problems.yaml", "id: Returns"), "Returns", "id 'Returns' is not snake_case"),
        (line_of("many_problems.yaml", "id: Returns"), "Returns", "missing 'label'"),
        (line_of("many_problems.yaml", "inclde:"), "Returns", "unknown key 'inclde'"),
        (line_of("many_problems.yaml", "fr: [no, rembours*]"), "Returns", "include.fr"),
    }
    assert found == expected
    messages = " | ".join(p.problem for p in error.problems)
    assert "control character" in messages          # "\b" in double quotes is a backspace
    assert "put the word in quotes" in messages      # unquoted no is read as false
    assert "did you mean 'include'?" in messages


def test_duplicate_yaml_keys_and_unknown_top_level_keys(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("name: X\nversion: '1'\nlanguages: [en]\nlanguage: [fr]\ncodes:\n"
                    "  - id: a\n    label: A\n    definition: A.\n    include:\n      en: [a]\n"
                    "    include:\n      en: [b]\n", encoding="utf-8")
    problems = problems_of(path)
    assert {(p.line, p.problem.split(" (")[0]) for p in problems} == {
        (4, "unknown top-level key 'language'"),
        (11, "key 'include' appears twice in the same mapping; the first is ignored"),
    }


@pytest.mark.parametrize("data, needle", [
    ([], "the codebook must be a mapping"),
    ({"name": "X", "languages": ["en"], "codes": []}, "missing top-level key 'version'"),
    ({"name": "X", "version": "1", "languages": ["english"], "codes": [{"id": "a", "label": "A", "definition": "A."}]},
     "language 'english' is not a lower-case ISO 639 code"),
    ({"name": "X", "version": "1", "languages": ["en"],
      "codes": [{"id": "a", "label": "A", "definition": "A.", "include": {"en": ["re: x*"]}}]},
     "matches empty text"),
    ({"name": "X", "version": "1", "languages": ["en"],
      "codes": [{"id": "a", "label": "A", "definition": "A.", "include": {"en": ["**"]}}]}, "only wildcards"),
    ({"name": "X", "version": "1", "languages": ["en"],
      "codes": [{"id": "a", "label": "A", "definition": "A.", "include": {"en": [618]}}]}, "write it in quotes, '618'"),
    ({"name": "X", "version": "1", "languages": ["en"],
      "codes": [{"id": "a", "label": "Same", "definition": "A.", "include": {"en": ["a"]}},
                {"id": "b", "label": "same", "definition": "B.", "include": {"en": ["b"]}}]},
     "labels must differ"),
    ({"name": "X", "version": "1", "languages": ["en"],
      "codes": [{"id": "a", "label": "A", "definition": "A.", "parent": "a", "include": {"en": ["a"]}}]},
     "parent cycle a -> a"),
])
def test_from_dict_validates_the_same_way_without_lines(data, needle):
    problems = problems_of(data)
    assert any(needle in p.problem for p in problems), [str(p) for p in problems]
    assert all(p.line is None for p in problems)


def test_an_empty_file_and_a_missing_file(tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing\n", encoding="utf-8")
    assert "an empty file" in problems_of(empty)[0].problem
    with pytest.raises(DataFileError, match="codebook file not found"):
        Codebook.from_yaml(tmp_path / "absent.yaml")
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("name: Caf\xe9\n".encode("latin-1"))
    with pytest.raises(DataFileError, match="not UTF-8"):
        Codebook.from_yaml(latin1)
    with pytest.raises(ParameterError, match="no shipped codebook 'cx-defualt'"):
        load_codebook("cx-defualt")


# ---------------------------------------------------------------- the default codebook
def test_default_codebook_covers_the_sample_themes_and_not_the_emergent_ones(codebook):
    assert len(codebook) >= 20
    assert sorted(set(THEME_ATTRIBUTE) - set(EMERGENT_THEMES)) == sorted(SAMPLE_THEMES)
    assert set(SAMPLE_THEMES) <= set(codebook.ids)
    assert not any("park" in code_id or "packag" in code_id for code_id in codebook.ids)
    assert not set(EMERGENT_THEMES) & set(codebook.ids)


def test_default_codebook_has_no_pattern_for_the_emergent_themes(codebook):
    # parking and packaging must come back as emergent themes, so no pattern may name them
    emergent_words = re.compile(r"park|packag|emballage|imballag|parcheg|opakow|упаков|паркув|паркінг|стоянк"
                                r"|停车|车位|包装|cardboard|carton|plasti|bubble wrap", re.IGNORECASE)
    frame = codebook.to_frame().dropna(subset=["pattern"])
    named = frame[frame["kind"].eq("include") & frame["pattern"].str.contains(emergent_words)]
    assert named.empty, named[["code", "language", "pattern"]].to_string()


def test_every_leaf_code_has_patterns_in_all_six_languages(codebook):
    assert codebook.languages == LANGUAGES
    leaves = codebook.leaves
    assert len(leaves) >= 20
    for code in leaves:
        assert code.languages == LANGUAGES, code.id
        assert code.definition and code.label and code.examples, code.id


def test_parents_are_grouping_codes_over_the_journey(codebook):
    groups = {code.id for code in codebook.codes if code.parent is None}
    assert groups == {"store_experience", "service", "product", "online_experience", "fulfilment", "value"}
    for group in groups:
        assert not codebook.get(group).include and len(codebook.children(group)) >= 2
    assert codebook.get("wait_time").parent == "store_experience"
    assert [c.id for c in codebook.descendants("value")] == ["price_value", "promotions_discounts",
                                                             "loyalty_programme"]


def test_examples_are_caught_by_their_own_code(codebook, compiled):
    for code in codebook.leaves:
        for example in code.examples:
            assert any(compiled[lang][code.id].matches(example) for lang in LANGUAGES), (code.id, example)


# hand-written verbatims (not from the sample generator) that a careful keyword list must catch
POSITIVE = [
    ("en", "wait_time", "We queued for 20 minutes"), ("en", "staff_attitude", "The cashier was rude to me"),
    ("en", "price_value", "Way too expensive"), ("en", "website_usability", "The app keeps crashing"),
    ("en", "delivery", "The courier left the parcel outside"), ("en", "returns_refunds", "Still no refund"),
    ("en", "stock_availability", "The lamp was out of stock again"), ("en", "checkout_payment", "Payment failed twice"),
    ("fr", "wait_time", "On a attendu 30 minutes"), ("fr", "price_value", "C'est trop cher"),
    ("fr", "delivery", "Livraison en retard de trois jours"), ("fr", "staff_attitude", "Personnel très aimable"),
    ("fr", "loyalty_programme", "Ma carte de fidélité ne marche pas"),
    ("it", "wait_time", "Abbiamo aspettato mezz'ora"), ("it", "returns_refunds", "Il reso è stato semplice"),
    ("it", "product_quality", "Qualità scadente, si è rotto subito"), ("it", "staff_attitude", "Personale gentilissimo"),
    ("it", "contact_centre", "Il servizio clienti non risponde"),
    ("pl", "wait_time", "Długo czekałem w kolejce"), ("pl", "price_value", "Ceny są za wysokie"),
    ("pl", "staff_attitude", "Bardzo miła obsługa"), ("pl", "delivery", "Kurier nie przyjechał z paczką"),
    ("pl", "product_quality", "Słaba jakość, szybko się zepsuł"),
    ("uk", "wait_time", "Довго чекала в черзі"), ("uk", "price_value", "Ціни завищені"),
    ("uk", "delivery", "Кур’єр не привіз посилку"), ("uk", "staff_attitude", "Дуже ввічливий персонал"),
    ("uk", "communication", "Жодного повідомлення про затримку"),
    ("zh", "wait_time", "排队等了半个小时"), ("zh", "price_value", "性价比很高"), ("zh", "delivery", "快递太慢了"),
    ("zh", "website_usability", "APP老是闪退"), ("zh", "stock_availability", "又out of stock了"),
]
# substring traps and false friends: the code must NOT fire
TRAPS = [
    ("en", "website_usability", "So happy with my new rug"), ("en", "wait_time", "Can’t wait to come back!"),
    ("en", "staff_attitude", "The site is very user-friendly"),
    ("en", "returns_refunds", "I will definitely return to this store"),
    ("en", "price_value", "We bought a costume"), ("en", "loyalty_programme", "A member of staff helped"),
    ("fr", "price_value", "Je suis venu chercher un canapé"), ("fr", "wait_time", "Je m'attendais à mieux"),
    ("fr", "store_cleanliness", "J'ai créé mon propre compte"), ("fr", "product_quality", "Bon rapport qualité-prix"),
    ("fr", "returns_refunds", "Je retournerai dans ce magasin"),
    ("it", "returns_refunds", "L'ho preso in negozio"), ("it", "returns_refunds", "Mi sono reso conto del problema"),
    ("it", "expert_advice", "Ottima esperienza, lo consiglio a tutti"), ("it", "price_value", "Vacanze in Costa Smeralda"),
    ("pl", "price_value", "Moja ocena to 5"), ("pl", "price_value", "Cenię sobie ich pracę"),
    ("pl", "store_cleanliness", "Wszystko w porządku"), ("pl", "product_quality", "Jakoś to poszło"),
    ("pl", "website_usability", "Z drugiej strony jestem zadowolony"),
    ("uk", "website_usability", "Там багато товарів"), ("uk", "wait_time", "Черговий раз замовляю"),
    ("uk", "returns_refunds", "Обов'язково повернуся ще"), ("uk", "expert_advice", "Мене порадувала знижка"),
    ("zh", "expert_advice", "我会推荐给朋友"), ("zh", "store_cleanliness", "心脏不好"), ("zh", "price_value", "贵宾服务很好"),
]


@pytest.mark.parametrize("language, code, text", POSITIVE)
def test_compiled_patterns_catch_plain_wording(compiled, language, code, text):
    assert compiled[language][code].matches(text)


@pytest.mark.parametrize("language, code, text", TRAPS)
def test_compiled_patterns_avoid_substring_traps_and_false_friends(compiled, language, code, text):
    assert not compiled[language][code].matches(text)


# ---------------------------------------------------------------- matching rules
def test_word_edges_for_latin_none_for_chinese_and_flexible_spaces_and_apostrophes():
    minimal = Codebook.from_yaml(FIXTURES / "valid_minimal.yaml")
    en, zh = minimal.compiled("en"), minimal.compiled("zh")
    assert en["app"].matches("The app froze") and not en["app"].matches("So happy")
    assert not en["app"].matches("Apply the code")
    assert zh["wait_time"].matches("排队太久了")                    # no spaces in Chinese
    assert zh["app"].matches("用APP下单") and not zh["app"].matches("happy购物")
    assert en["wait_time"].matches("it took\n ages") and en["wait_time"].matches("Queuing again")
    assert not en["wait_time"].matches("I can’t wait") and not en["wait_time"].matches("I can't wait")
    assert en["wait_time"].matches("I can't wait, but the waiting time was long")
    assert en["wait_time"].negatable and not en["app"].negatable
    with pytest.raises(ParameterError, match="no language 'fr'"):
        minimal.compiled("fr")


def test_vectorised_contains_agrees_with_matches(compiled):
    wait = compiled["en"]["wait_time"]
    texts = pd.Series(["We queued for ages", "Can't wait to come back", None, "Waiting time 10 min"],
                      index=[7, 8, 9, 10])
    out = wait.contains(texts)
    assert out.dtype == bool and list(out.index) == [7, 8, 9, 10]
    assert out.tolist() == [True, False, False, True]
    assert out.tolist() == [isinstance(t, str) and wait.matches(t) for t in texts]


# ---------------------------------------------------------------- access and table
def test_get_children_leaves_and_helpful_errors():
    minimal = Codebook.from_yaml(FIXTURES / "valid_minimal.yaml")
    assert minimal.ids == ["service", "people", "wait_time", "app"]
    assert [c.id for c in minimal.children("service")] == ["people", "app"]
    assert [c.id for c in minimal.descendants("service")] == ["people", "wait_time", "app"]
    assert [c.id for c in minimal.leaves] == ["wait_time", "app"]
    assert minimal.get("wait_time").line == line_of("valid_minimal.yaml", "id: wait_time")
    assert "wait_time" in minimal and len(minimal) == 4
    with pytest.raises(ParameterError, match="did you mean 'wait_time'"):
        minimal.get("wait_tme")


def test_to_frame_has_one_row_per_pattern_and_keeps_grouping_codes(codebook):
    frame = codebook.to_frame()
    assert list(frame.columns) == ["code", "label", "parent", "kind", "language", "pattern", "pattern_type",
                                   "negatable"]
    n_patterns = sum(len(p) for code in codebook.codes for side in (code.include, code.exclude) for p in side.values())
    assert frame["pattern"].notna().sum() == n_patterns
    assert set(frame["code"]) == set(codebook.ids)
    grouping = frame[frame["code"].eq("service")]
    assert len(grouping) == 1 and grouping["pattern"].isna().all()
    assert set(frame["pattern_type"].dropna()) == {"word", "phrase", "stem", "regex"}
    assert set(frame["language"].dropna()) == set(LANGUAGES)


# ---------------------------------------------------------------- exports
def test_yaml_round_trip(codebook, tmp_path):
    for source in (codebook, Codebook.from_yaml(FIXTURES / "valid_minimal.yaml")):
        back = Codebook.from_yaml(source.to_yaml(tmp_path / f"{source.name}.yaml"))
        assert back.codes == source.codes
        assert (back.name, back.version, back.languages, back.description) == (
            source.name, source.version, source.languages, source.description)
    with pytest.raises(ParameterError, match="YAML"):
        codebook.to_yaml(tmp_path / "codebook.json")


def _check_refi_codebook_schema(root):
    """The essentials of the REFI-QDA Codebook.xsd (v1.0), checked by hand (no XSD validator installed).

    CodeBook: sequence Codes, Sets?; attribute origin. Codes: Code+. Code: sequence Description?,
    NoteRef*, Code*; attributes guid (GUIDType), name, isCodable (xsd:boolean) required; color optional.
    """
    ns = f"{{{REFI_CODEBOOK_NAMESPACE}}}"
    guid = re.compile(r"^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$")
    assert root.tag == f"{ns}CodeBook"
    assert [child.tag for child in root][:1] == [f"{ns}Codes"]
    assert {child.tag for child in root} <= {f"{ns}Codes", f"{ns}Sets"} and len(root) <= 2

    def check_code(element):
        assert element.tag == f"{ns}Code"
        assert set(element.attrib) <= {"guid", "name", "isCodable", "color"}
        assert guid.match(element.get("guid")) and element.get("name")
        assert element.get("isCodable") in {"true", "false", "1", "0"}
        tags = [child.tag for child in element]
        order = {f"{ns}Description": 0, f"{ns}NoteRef": 1, f"{ns}Code": 2}
        assert all(tag in order for tag in tags) and tags.count(f"{ns}Description") <= 1
        assert [order[t] for t in tags] == sorted(order[t] for t in tags)
        for child in element.findall(f"{ns}Code"):
            check_code(child)

    codes = root.find(f"{ns}Codes")
    assert len(codes) >= 1
    for code in codes:
        check_code(code)


def test_refi_qda_export_is_a_valid_nested_codebook_with_stable_guids(codebook, tmp_path):
    path = codebook.to_refi_qda(tmp_path / "cx-default.qdc")
    assert path.read_bytes().startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<CodeBook ')
    root = ET.parse(path).getroot()
    _check_refi_codebook_schema(root)
    assert root.get("origin") == "cxresearch"
    ns = f"{{{REFI_CODEBOOK_NAMESPACE}}}"

    by_guid = {Codebook.refi_guid(code.id): code for code in codebook.codes}
    assert len(by_guid) == len(codebook)
    seen = []

    def walk(element, parent_id):
        for child in element.findall(f"{ns}Code"):
            code = by_guid[child.get("guid")]
            seen.append(code.id)
            assert code.parent == parent_id
            assert child.get("name") == code.label and child.get("isCodable") == "true"
            assert child.find(f"{ns}Description").text.startswith(code.definition)
            walk(child, code.id)

    walk(root.find(f"{ns}Codes"), None)
    assert sorted(seen) == sorted(codebook.ids)              # every code exactly once
    assert Codebook.refi_guid("wait_time") == str(uuid.uuid5(
        uuid.uuid5(uuid.NAMESPACE_URL, "https://cxresearch.invalid/codebook/code-id"), "wait_time")).upper()
    again = codebook.to_refi_qda(tmp_path / "again.qdc")
    assert again.read_bytes() == path.read_bytes()            # stable: same GUIDs, same order
    with pytest.raises(ParameterError, match=r"\.qdc"):
        codebook.to_refi_qda(tmp_path / "cx.xml")


@pytest.mark.parametrize("path", sorted(config.CODEBOOKS_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_every_shipped_codebook_loads(path):
    shipped = Codebook.from_yaml(path)
    assert len(shipped.leaves) >= 1
    for language in shipped.languages:
        shipped.compiled(language)
