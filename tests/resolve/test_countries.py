"""Country names, demonyms and codes as news and ACLED write them."""
from __future__ import annotations

import pytest

from eventwatch.resolve.countries import (
    cameo_country,
    country_code,
    country_name,
    country_name_with_article,
    demonym,
    find_countries,
    is_demonym,
)


@pytest.mark.parametrize(
    ("name", "iso2"),
    [
        ("Syria", "SY"), ("Syrian", "SY"), ("Syrians", "SY"), ("syrian", "SY"),
        ("U.S.", "US"), ("US", "US"), ("American", "US"), ("Americans", "US"), ("the United States", "US"),
        ("Britain", "GB"), ("British", "GB"), ("UK", "GB"), ("Britons", "GB"),
        ("Iraqi", "IQ"), ("Iraqis", "IQ"), ("Ivory Coast", "CI"), ("Cote d'Ivoire", "CI"), ("Côte d'Ivoire", "CI"),
        ("Burkinabe", "BF"), ("Palestinian", "PS"), ("Palestinians", "PS"),
        ("DRC", "CD"), ("DR Congo", "CD"), ("Congolese", "CD"), ("Congo-Brazzaville", "CG"),
        ("Burma", "MM"), ("Israeli", "IL"), ("Emirati", "AE"), ("Saudi", "SA"), ("Afghan", "AF"),
        ("Pakistani", "PK"), ("Filipino", "PH"), ("Kenyan", "KE"), ("Turkey", "TR"), ("Nigerien", "NE"),
        ("Nigerian", "NG"), ("South Sudanese", "SS"), ("Kosovo", "XK"), ("Syrian Arab Republic", "SY"),
    ],
)
def test_country_code_reads_names_demonyms_and_news_aliases(name: str, iso2: str) -> None:
    assert country_code(name) == iso2


@pytest.mark.parametrize("name", ["Gaza", "Kurdish", "us", "Latin American", "Baghdad", "", "Police"])
def test_country_code_rejects_places_peoples_and_lowercase_acronyms(name: str) -> None:
    assert country_code(name) is None


@pytest.mark.parametrize(
    ("iso2", "name", "with_article"),
    [
        ("SY", "Syria", "Syria"), ("IQ", "Iraq", "Iraq"), ("US", "United States", "the United States"),
        ("GB", "United Kingdom", "the United Kingdom"), ("RU", "Russia", "Russia"), ("IR", "Iran", "Iran"),
        ("CD", "Democratic Republic of Congo", "the Democratic Republic of Congo"),
        ("CI", "Ivory Coast", "Ivory Coast"), ("PS", "Palestine", "Palestine"), ("KR", "South Korea", "South Korea"),
        ("TR", "Turkey", "Turkey"), ("PH", "Philippines", "the Philippines"),
    ],
)
def test_country_name_follows_acled_actor_naming(iso2: str, name: str, with_article: str) -> None:
    assert country_name(iso2) == name
    assert country_name_with_article(iso2) == with_article


@pytest.mark.parametrize(("iso2", "code"), [("SY", "SYR"), ("IQ", "IRQ"), ("US", "USA"), ("ps", "PSE")])
def test_cameo_country_is_alpha3(iso2: str, code: str) -> None:
    assert cameo_country(iso2) == code


@pytest.mark.parametrize(("iso2", "word"), [("SY", "Syrian"), ("US", "American"), ("GB", "British"), ("PH", "Filipino")])
def test_demonym(iso2: str, word: str) -> None:
    assert demonym(iso2) == word
    assert is_demonym(word)


def test_unknown_code_is_an_error_not_a_guess() -> None:
    with pytest.raises(ValueError):
        country_name("ZZ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syrian troops shelled the town, Syria's state media said.", [("Syrian", "SY"), ("Syria", "SY")]),
        ("U.S.-backed fighters crossed the Syrian-Turkish border.", [("U.S.", "US"), ("Syrian", "SY"), ("Turkish", "TR")]),
        ("Clashes in South Sudan spilled into Sudan.", [("South Sudan", "SS"), ("Sudan", "SD")]),
        ("Troops from Guinea-Bissau and Papua New Guinea.", [("Guinea-Bissau", "GW"), ("Papua New Guinea", "PG")]),
        ("Latin American diplomats met British officials.", [("British", "GB")]),
        ("He ate turkey in a chad of paper.", []),
        ("The DRC army fought rebels near the UAE-funded camp.", [("DRC", "CD"), ("UAE", "AE")]),
    ],
)
def test_find_countries_gives_whole_word_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[s:e], iso) for s, e, iso in find_countries(text)] == expected


def test_prefix_tree_pattern_finds_the_longest_form_that_ends_a_word() -> None:
    import re

    from eventwatch.nlp import prefix_tree_pattern

    forms = {"Sudan", "South Sudan", "South Africa", "Niger", "Nigeria", "Nigerian", "Congo", "DR Congo"}
    tree = re.compile(r"(?:" + prefix_tree_pattern(forms) + r")(?!\w)")
    plain = re.compile(r"(?:" + "|".join(sorted(forms, key=len, reverse=True)) + r")(?!\w)")
    text = "Nigerian troops in Niger, South Sudanese refugees, Nigeria and DR Congo, South Sudan, Sudan, Nigerians"
    assert [m.group(0) for m in tree.finditer(text)] == [m.group(0) for m in plain.finditer(text)] == [
        "Nigerian", "Niger", "Nigeria", "DR Congo", "South Sudan", "Sudan"]  # "Sudanese", "Nigerians": no form
