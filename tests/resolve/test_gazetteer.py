"""The compiled GeoNames index: normalisation, variants, admin1 and country places, caching."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from eventwatch.resolve.gazetteer import Gazetteer, display_name, name_keys, normalize


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hama", "Hamah"), ("Ḩamāh", "Hama"), ("Daraa", "Dar'a"), ("Hasakah", "Hasaka"), ("al-Midan", "Al Midan"),
        ("Raqqa", "Raqqah"), ("Tartous", "Tartus"), ("Deir ez-Zor", "Deir ez Zor"), ("Qamishli", "Qamishlee"),
    ],
)
def test_spelling_variants_share_a_key(a: str, b: str) -> None:
    assert name_keys(a) & name_keys(b)


@pytest.mark.parametrize(("name", "key"), [("al-Midan", "midan"), ("Deir ez-Zor", "deir zor"), ("As Suwayda", "suwayda")])
def test_arabic_article_is_dropped_as_a_second_key(name: str, key: str) -> None:
    assert key in name_keys(name)


def test_non_latin_names_are_not_indexed() -> None:
    assert normalize("حماة") == ""
    assert name_keys("Дамаск") == set()


@pytest.mark.parametrize(("raw", "shown"), [("Dar‘ā", "Dar'a"), ("Ḩalab", "Halab"), ("Homs", "Homs")])
def test_display_name_is_plain_latin(raw: str, shown: str) -> None:
    assert display_name(raw) == shown


@pytest.mark.parametrize(
    ("query", "name", "country", "admin1"),
    [
        ("Hama", "Hama", "SY", "Hama"), ("Hamah", "Hama", "SY", "Hama"), ("Hims", "Homs", "SY", "Homs"),
        ("Homs", "Homs", "SY", "Homs"), ("Deraa", "Daraa", "SY", "Daraa"), ("Daraa", "Daraa", "SY", "Daraa"),
        ("Idlib", "Idlib", "SY", "Idlib"), ("Idlib", "Idlib", "SY", "Idlib"), ("Raqqa", "Raqqa", "SY", "Raqqa"),
        ("Deir al-Zour", "Deir ez-Zor", "SY", "Deir ez-Zor"), ("Aleppo", "Aleppo", "SY", "Aleppo"),
        ("Baghdad", "Baghdad", "IQ", "Baghdad"), ("Mosul", "Mosul", "IQ", "Nineveh"), ("Maiduguri", "Maiduguri", "NG", "Borno"),
        ("Peshawar", "Peshawar", "PK", "Khyber Pakhtunkhwa"), ("Kismayo", "Kismayo", "SO", "Lower Juba"),
        ("Goma", "Goma", "CD", "North Kivu"), ("Cairo", "Cairo", "EG", "Cairo"),
    ],
)
def test_lookup_ranks_the_big_town_first_with_its_admin1(gazetteer: Gazetteer, query: str, name: str,
                                                          country: str, admin1: str) -> None:
    best = gazetteer.lookup(query)[0]
    assert (best.name, best.country, best.feature, best.admin1) == (name, country, "city", admin1)


@pytest.mark.parametrize(
    ("query", "country", "admin1"),
    [("Idlib province", "SY", "Idlib"), ("Borno state", "NG", "Borno"), ("Borno State", "NG", "Borno"),
     ("Kidal region", "ML", "Kidal"), ("Anbar province", "IQ", "Al Anbar"), ("Helmand province", "AF", "Helmand")],
)
def test_admin_word_restricts_to_first_level_units(gazetteer: Gazetteer, query: str, country: str, admin1: str) -> None:
    places = gazetteer.lookup(query)
    assert places and all(p.feature == "admin1" for p in places)
    assert (places[0].country, places[0].name, places[0].admin1) == (country, admin1, admin1)


@pytest.mark.parametrize(("query", "iso2"), [("Syria", "SY"), ("Ivory Coast", "CI"), ("DRC", "CD"), ("U.S.", "US")])
def test_country_names_are_indexed_as_countries(gazetteer: Gazetteer, query: str, iso2: str) -> None:
    best = gazetteer.lookup(query)[0]
    assert (best.feature, best.country, best.admin1) == ("country", iso2, None)


def test_country_place_sits_on_the_capital(gazetteer: Gazetteer) -> None:
    syria = gazetteer.country_place("SY")
    assert syria.name == "Syria" and syria.admin1 is None
    assert abs(syria.latitude - 33.51) < 0.1 and abs(syria.longitude - 36.29) < 0.1


@pytest.mark.parametrize(("iso2", "name", "seat_lat"), [("SY", "Idlib", 35.93), ("SY", "Idleb province", 35.93), ("NG", "Borno", 11.85)])
def test_admin1_place_uses_its_seat(gazetteer: Gazetteer, iso2: str, name: str, seat_lat: float) -> None:
    place = gazetteer.admin1_place(iso2, name)
    assert place is not None and place.feature == "admin1"
    assert abs(place.latitude - seat_lat) < 0.1


def test_admin1_place_is_none_in_the_wrong_country(gazetteer: Gazetteer) -> None:
    assert gazetteer.admin1_place("IQ", "Idlib") is None


def test_admin1_names_are_acled_style(gazetteer: Gazetteer) -> None:
    names = gazetteer.admin1_names("SY")
    assert {"Damascus", "Rural Damascus", "Hama", "Homs", "Idlib", "Aleppo", "Daraa"} <= set(names)
    assert not any(n.endswith(("Governorate", "Province")) for n in names)


@pytest.mark.parametrize(("query", "parent"), [("Adhamiya", "Baghdad"), ("al-Midan", "Damascus"), ("Baba Amr", "Homs"),
                                               ("Shejaiya", "Gaza"), ("Bakara Market", "Mogadishu")])
def test_supplement_neighbourhoods_know_their_town(gazetteer: Gazetteer, query: str, parent: str) -> None:
    place = gazetteer.lookup(query)[0]
    assert place.feature == "supplement"
    town = gazetteer.enclosing(place)
    assert town is not None and town.name == parent


def test_unknown_names_give_no_candidates(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Zzyzxqwv") == []
    assert gazetteer.lookup("") == []


def test_gazetteer_survives_pickling_for_worker_processes(gazetteer: Gazetteer) -> None:
    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy.lookup("Homs")[0].name == "Homs"


def test_load_reuses_the_compiled_index(gazetteer: Gazetteer) -> None:
    again = Gazetteer.load(cache_dir=gazetteer.path.parent)
    assert again.path == gazetteer.path and isinstance(again.path, Path)


@pytest.mark.parametrize(("iso", "capital"), [("SY", "Damascus"), ("AF", "Kabul"), ("SD", "Khartoum"), ("NG", "Abuja")])
def test_capital_is_the_countrys_capital_town(gazetteer: Gazetteer, iso: str, capital: str) -> None:
    town = gazetteer.capital(iso)
    assert town is not None and (town.name, town.country, town.feature) == (capital, iso, "city")


def test_admin1_names_use_common_english_spellings(gazetteer: Gazetteer) -> None:
    assert gazetteer.admin1_place("MM", "Sagaing region") is not None
    assert "Naypyidaw" in gazetteer.admin1_names("MM")


@pytest.mark.parametrize(
    ("query", "name", "country", "admin1", "feature"),
    [
        ("Mohmand Agency", "Mohmand", "PK", "Khyber Pakhtunkhwa", "district"),
        ("North Waziristan", "North Waziristan", "PK", "Khyber Pakhtunkhwa", "district"),
        ("Bajour", "Bajaur", "PK", "Khyber Pakhtunkhwa", "district"),
        ("Mohmand region", "Mohmand", "PK", "Khyber Pakhtunkhwa", "district"),
        ("Khwaja Bahuddin", "Khwaja Bahauddin", "AF", "Takhar", "district"),
        ("Marja", "Marjah", "AF", "Helmand", "district"),
        ("Shaar Hanegev", "Sha'ar HaNegev", "IL", "Southern District", "district"),
        ("Mir Ali", "Mir Ali", "PK", "Khyber Pakhtunkhwa", "city"),
        ("Beeri", "Be'eri", "IL", "Southern District", "city"),
        ("Barsalogo", "Barsalogho", "BF", "Centre-Nord", "city"),
    ],
)
def test_supplement_districts_and_towns_stand_for_themselves_in_their_unit(
        gazetteer: Gazetteer, query: str, name: str, country: str, admin1: str, feature: str) -> None:
    place = next(p for p in gazetteer.lookup(query) if p.country == country)
    assert (place.name, place.admin1, place.feature) == (name, admin1, feature)
    assert gazetteer.enclosing(place) is None
