"""Each event's place and date: its own clause's place, not a speaker's, an origin or a reference point;
sentences without a place continue the scene around them (real spaCy model: slow)."""
import datetime as dt

import pytest

import eventwatch
from eventwatch.records import Article

pytestmark = pytest.mark.slow
PUBLISHED = "2019-03-09"  # a Saturday


def _first_asserted(text, published=PUBLISHED):
    result = eventwatch.code_text(text, published=published)
    events = [e for e in result.events if e.modality == "asserted"]
    assert events, "no asserted event"
    return events[0]


@pytest.mark.parametrize("text, location", [
    ("Speaking from Amman, a UN spokesman said shelling killed 12 civilians in Mosul on Friday.", "Mosul"),
    ("Shelling killed 12 civilians in Aleppo on Friday, the London-based Syrian Observatory said.", "Aleppo"),
    ("A car bomb killed nine people in Kirkuk on Friday, a police officer told AFP in Baghdad.", "Kirkuk"),
    ("KABUL — A roadside bomb killed four soldiers in Kandahar on Friday, officials said.", "Kandahar"),
])
def test_speaker_and_dateline_places_are_not_event_places(text, location):
    assert _first_asserted(text).location == location


@pytest.mark.parametrize("text, location, admin1", [
    ("In Parwan province, north of the capital, Kabul, gunmen stormed a mosque on Friday, killing 11 worshipers.",
     "Parwan", "Parwan"),
    ("Gunmen ambushed a convoy near the town of Guican, Boyaca, about 240 miles northeast of the capital, "
     "killing 12 soldiers in Colombia on Monday.", "Guican", "Boyaca"),
])
def test_reference_points_do_not_locate_the_event(text, location, admin1):
    event = _first_asserted(text)
    assert (event.location, event.admin1) == (location, admin1)


@pytest.mark.parametrize("text, location", [
    ("Troops recaptured the town of Marte in Borno state last week. On Friday, militants seized the town again, "
     "killing eight soldiers, military sources said.", "Marte"),
    ("Government forces shelled Talbiseh in Homs province on Thursday. On Friday, gunmen stormed the village and "
     "killed 20 civilians, activists said.", "Talbiseh"),
])
def test_place_anaphora_inherit_the_place_named_before(text, location):
    result = eventwatch.code_text(text, published=PUBLISHED)
    later = [e for e in result.events if e.modality == "asserted" and e.evidence.startswith("On Friday")]
    assert later and later[0].location == location


def test_the_capital_is_the_focus_countrys_capital():
    event = _first_asserted("Sudanese security forces fired tear gas on protesters in the capital on Saturday, "
                            "wounding dozens, activists said.")
    assert (event.location, event.country) == ("Khartoum", "SD")


def test_opening_report_without_a_place_takes_the_town_described_next():
    text = ("Security forces fired live ammunition to disperse protesters on Saturday, killing three, medics said.\n"
            "Thousands marched in the streets of Khartoum and Omdurman against the military takeover.")
    assert _first_asserted(text).location == "Khartoum"


def test_undated_article_dates_a_weekday_against_its_own_full_date():
    # An Article built directly keeps published=None (text readers may take a dateline date instead).
    text = ("Guerrillas killed 11 soldiers in an ambush near Guican on Monday, the army said. The attack came "
            "a day after voters in Colombia went to the polls on Sunday, Oct. 25, 2015.")
    result = next(eventwatch.code_articles([Article(id="undated", text=text, published=None)]))
    event = next(e for e in result.events if e.modality == "asserted")
    assert (event.date, event.date_precision) == (dt.date(2015, 10, 26), "day")


def test_no_publication_and_no_full_date_leaves_the_date_unknown():
    text = "Guerrillas killed 11 soldiers in an ambush near Guican on Monday, the army said."
    result = next(eventwatch.code_articles([Article(id="undated", text=text, published=None)]))
    event = next(e for e in result.events if e.modality == "asserted")
    assert event.date is None


@pytest.mark.parametrize("text, date", [
    ("Engineers combed the old city of Homs yesterday for mines. State television said two soldiers were killed "
     "while dismantling a bomb.", dt.date(2019, 3, 8)),
    ("Militants stormed a checkpoint in Kandahar on Thursday. Three policemen were killed in the attack.",
     dt.date(2019, 3, 7)),
])
def test_sentence_without_a_date_continues_its_paragraphs_day(text, date):
    result = eventwatch.code_text(text, published=PUBLISHED)
    assert all(e.date == date for e in result.events if e.modality == "asserted")


def test_undated_article_uses_its_own_first_day_for_events_without_a_date():
    text = ("Syria: reports of killings in Zzyzx village\n\nThere are reports of mass killings on 12 July in "
            "Tremseh, a village in Hama province (photo taken 12 July 2012).\n\nObservers said tanks had "
            "bombarded the village for hours before militiamen shot dozens of civilians.")
    result = next(eventwatch.code_articles([Article(id="undated2", text=text, published=None)]))
    dated = [e.date for e in result.events if e.modality == "asserted"]
    assert dated and all(d == dt.date(2012, 7, 12) for d in dated)


@pytest.mark.parametrize("text, date", [
    ("Officials raised the toll from the mosque bombing in Peshawar to 36 on Saturday, a day after the bombing.",
     "2019-03-08"),
    ("Police said on Saturday, two days after the attack, that gunmen had killed five villagers in Kano.",
     "2019-03-07"),
])
def test_a_day_after_the_attack_dates_the_attack(text, date):
    assert str(_first_asserted(text).date) == date


@pytest.mark.parametrize("text, location, admin1", [
    ("Peshawar: A suicide bomber killed 20 worshippers at a mosque on Friday, an official said. "
     "The official, from the northwestern Mohmand region, gave the toll.", "Mohmand", "Khyber Pakhtunkhwa"),
])
def test_an_opening_report_takes_the_district_named_next(text, location, admin1):
    event = _first_asserted(text)
    assert (event.location, event.admin1) == (location, admin1)
