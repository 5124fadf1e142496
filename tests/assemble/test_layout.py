"""Article layout rules: headlines fold into the body's event, old dated events are background, place lists split,
and the modality cues that keep patterns, capabilities and campaigns out of the current events (real model: slow)."""
import datetime as dt

import pytest

import eventwatch
from eventwatch.assemble.layout import headline_end, is_background_date
from eventwatch.records import Article, Span
from eventwatch.resolve.dates import DateMention

PUBLISHED = "2019-03-09"  # a Saturday


def _asserted(text, **kwargs):
    result = eventwatch.code_text(text, published=PUBLISHED, **kwargs)
    return [e for e in result.events if e.modality == "asserted"]


@pytest.mark.parametrize("text, title, end", [
    ("Gunmen kill 12 in Kano market attack\n\nGunmen killed 12 people ...", None, 36),
    ("Gunmen kill 12 in Kano market attack\n\nGunmen killed 12 people ...", "Gunmen kill 12 in Kano market attack", 36),
    ("Gunmen killed 12 people in Kano on Friday.\n\nPolice said ...", None, 0),  # a first sentence, not a title
    ("Gunmen kill 12\nin Kano", None, 0),  # no blank line after it
])
def test_headline_end(text, title, end):
    assert headline_end(Article(id="a", text=text, title=title), None) == end


@pytest.mark.parametrize("date, precision, relative, background", [
    (dt.date(2019, 3, 8), "day", True, False),     # yesterday
    (dt.date(2019, 2, 23), "day", False, False),   # two weeks ago is still news
    (dt.date(2019, 2, 1), "day", False, True),
    (dt.date(2019, 1, 1), "month", False, True),   # "in January" in a March story
    (dt.date(2019, 3, 1), "month", False, False),  # "earlier this month"
    (dt.date(2019, 2, 25), "week", True, False),   # "last week"
])
def test_background_dates(date, precision, relative, background):
    mention = DateMention(Span(0, 1), date, precision, relative)
    assert is_background_date(mention, dt.date(2019, 3, 9)) is background


pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Gunmen kill 12 in Kano market attack\n\nGunmen killed 12 people at a market in Kano on Friday, police said.",
    "Bomb kills five soldiers in Helmand\n\nA roadside bomb killed five soldiers in Helmand province on Friday.",
    "Troops clash with rebels near Goma\n\nSoldiers clashed with rebels near Goma on Friday, the army said.",
])
def test_headline_is_the_body_event(text):
    assert len(_asserted(text)) == 1


def test_headline_figure_fills_a_body_event_without_one():
    text = ("Militants storm village in Borno, kill 15\n\n"
            "The attack happened on Friday afternoon in the village of Kuda in Borno state, residents said.")
    events = _asserted(text)
    assert len(events) == 1 and events[0].fatalities.min == 15


@pytest.mark.parametrize("text", [
    "Five police officers were killed in a suicide bombing in Grozny in October 2018.",
    "Rebels attacked the town on January 12, killing nine soldiers.",
])
def test_old_dated_events_are_background(text):
    assert _asserted(text) == []


def test_last_week_is_still_reported():
    assert len(_asserted("Last week, gunmen attacked a police station in Kidal, killing two officers.")) == 1


def test_place_list_is_one_event_per_place():
    events = _asserted("On Friday, armed men attacked police stations in Kirkuk, Tikrit and Samarra.")
    assert sorted(e.location for e in events) == ["Kirkuk", "Samarra", "Tikrit"]


def test_place_list_with_a_shared_toll_stays_one_event():
    events = _asserted("On Friday, air strikes on Kirkuk and Tikrit killed 12 people.")
    assert len(events) == 1 and events[0].fatalities.min == 12


@pytest.mark.parametrize("text", [
    "The new rocket system is capable of making precise strikes over long distances.",
    "Militants and soldiers have periodically exchanged fire along the frontier.",
    "Residents are weary of the fierce two-year battle for the city.",
    "The soldiers say they are angry because the government is killing peaceful protesters.",
    "The group has increased attacks on army positions.",
    "Riot police stood guard outside the ministry.",
])
def test_patterns_capabilities_and_campaigns_are_not_events(text):
    assert _asserted(text) == []


@pytest.mark.parametrize("text, sub_event_type", [
    ("A rocket fired from the strip on Friday was intercepted by air defences.", "Disrupted weapons use"),
    ("Government forces took control of the town on Friday as the rebels withdrew under a deal.",
     "Non-violent transfer of territory"),
    ("The two sides signed a ceasefire agreement in Juba on Friday.", "Agreement"),
    ("An air force colonel announced on Friday that he had defected with 40 of his men.", "Change to group/activity"),
])
def test_sub_types_from_the_whole_sentence(text, sub_event_type):
    assert [e.sub_event_type for e in _asserted(text)] == [sub_event_type]


@pytest.mark.parametrize("text", [
    "The seven-year uprising has killed more than 20,000 people.",
    "After months of protests, the president agreed to step down.",
    "Militants had mounted several raids on nearby villages in recent weeks, looting food and livestock.",
    "The defecting soldiers were seen in the town.",
])
def test_campaign_tolls_and_descriptions_are_not_events(text):
    assert _asserted(text) == []


def test_story_headlined_as_an_accident_has_no_violence():
    text = ("Nine soldiers dead after training drill goes wrong\n\n"
            "Nine soldiers died at the scene on Friday when their boat capsized, officials said.")
    assert _asserted(text) == []


@pytest.mark.parametrize("text, sub_event_type", [
    ("Two drones fired four missiles at a compound in North Waziristan on Friday, killing 8 militants.",
     "Air/drone strike"),
    ("A helicopter dropped a barrel bomb filled with chemicals on the town on Friday, killing 30 people.",
     "Chemical weapon"),
])
def test_launcher_and_payload_decide_the_explosion_sub_type(text, sub_event_type):
    assert [e.sub_event_type for e in _asserted(text)] == [sub_event_type]


def test_the_attack_happened_refers_back_to_the_lede():
    text = ("Fifteen people were killed when gunmen attacked a village in Borno State, residents told reporters "
            "yesterday.\n\nThe attack happened on Thursday afternoon in the village of Kuda, residents said.")
    events = _asserted(text)
    assert len(events) == 1 and str(events[0].date) == "2019-03-07"


@pytest.mark.parametrize("text", [
    "Gunmen attacked a police checkpoint in Kirkuk on Friday, killing two officers.",
    "Militants stormed an army outpost near Mopti on Friday.",
    "Insurgents attacked a military convoy near Kandahar on Friday.",
])
def test_attacks_on_security_forces_are_armed_clashes(text):
    assert [(e.event_type, e.sub_event_type) for e in _asserted(text)] == [("Battles", "Armed clash")]


def test_rioting_youths_are_a_riot():
    events = _asserted("Rioting youths smashed a police station and burned cars in Lyon on Friday night.")
    assert [e.event_type for e in events] == ["Riots"]


def test_attacks_in_different_provinces_stay_apart():
    text = ("In Parwan province, gunmen stormed a mosque late on Friday, killing 11 worshippers, officials said. "
            "Also late on Friday, gunmen in Khost province attacked a family returning home, killing three brothers.")
    events = _asserted(text)
    assert sorted(e.fatalities.min for e in events) == [3, 11]


def test_an_earlier_dated_attack_is_a_new_event():
    text = ("A car bomb exploded near a police station in Kirkuk on Friday, killing three people. "
            "Last week, gunmen attacked police stations in Tikrit.")
    assert len(_asserted(text)) == 2


@pytest.mark.parametrize("text", [
    "The army pressed on with an offensive to retake the town.",
    "The general visited troops fighting the insurgents in the north.",
    "The president has long backed the police in their fight against organised crime.",
    "Soldiers destroyed several roadside bombs planted along the route.",
    '"We will not sit idle given the attacks on our positions," said a spokesman, Amadou Keita.',
])
def test_purposes_descriptions_and_cleared_ordnance_are_not_events(text):
    assert _asserted(text) == []


def test_a_defused_bomb_is_disrupted_weapons_use():
    events = _asserted("Police defused a bomb planted outside a church in Jos on Friday.")
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]


def test_munition_numerals_do_not_make_new_events():
    text = ("A drone strike on a compound in Miranshah on Friday killed at least 8 militants, officials said. "
            "Two drones fired four missiles at the compound, an official said.")
    assert len(_asserted(text)) == 1


def test_a_later_death_from_wounds_belongs_to_the_earlier_event():
    text = ("Police shot dead two protesters in Suez on Thursday, witnesses said. "
            "Another protester died of his wounds on Friday morning.")
    events = _asserted(text)
    assert len(events) == 1


def test_protesters_arrested_are_the_intervention_in_their_protest():
    text = ("Hundreds of people marched in Nairobi on Friday against police brutality. "
            "Several protest organisers were arrested, witnesses said.")
    events = _asserted(text)
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Protests", "Protest with intervention")]


@pytest.mark.parametrize("text", [
    "Activists said 40 civilians were shot dead across Syria on Friday.",
    "Rescuers have been unable to determine a death toll.",
])
def test_nationwide_figures_and_unknown_tolls_are_not_incidents(text):
    assert _asserted(text) == []


def test_title_below_page_furniture_is_still_the_headline():
    text = "Related stories\n\nYouths riot in Lyon\n\nRioting youths burned cars and threw stones at police on Friday."
    assert headline_end(Article(id="a", text=text, title="Youths riot in Lyon"), None) == len(
        "Related stories\n\nYouths riot in Lyon")


def test_clashes_after_a_riot_are_that_riot():
    text = ("Rioting youths burned cars and threw stones at police in Lyon on Friday night. "
            "Six policemen were injured in Friday's clashes, police said.")
    assert [e.event_type for e in _asserted(text)] == ["Riots"]


def test_a_summary_lede_gives_way_to_the_detailed_events():
    text = ("Activists said 11 soldiers and several civilians died in clashes and attacks across the province. "
            "Fighting between troops and rebels in the town of Rastan killed 11 soldiers, the group said. "
            "Government raids on the village of Talbiseh killed four civilians, activists said.")
    events = _asserted(text)
    assert sorted(e.fatalities.min for e in events) == [4, 11]


@pytest.mark.parametrize("text", [
    "More than 100 people have been killed in Syria this week, activists said.",
    "The United Nations says more than 5,000 people have died since the protests began.",
])
def test_running_tolls_are_not_incidents(text):
    assert _asserted(text) == []


def test_lethal_attack_on_a_crowd_is_its_own_event():
    text = ("Protests were held again in the city of Daraa on Friday. "
            "On Friday, an attack on protesters gathered inside a mosque in Daraa left at least 37 people dead. "
            "Witnesses said security forces cut the power to the mosque and then launched the attack.")
    events = _asserted(text)
    assert sorted(e.sub_event_type for e in events) == ["Excessive force against protesters", "Peaceful protest"]


@pytest.mark.parametrize("text", [
    "No youths were reported injured.",
    "No one was killed.",
    "Nobody was hurt in Kano on Friday.",
])
def test_no_victims_is_no_event(text):
    assert _asserted(text) == []


def test_drone_strike_and_its_missiles_are_one_event():
    text = ("A drone strike on a compound in North Waziristan on Monday killed at least 12 militants, officials said. "
            "Two unmanned aircraft fired four missiles at the compound in the town of Miranshah, an official said. "
            '"Two missiles struck the compound and another two hit a vehicle," the official said.')
    assert len(_asserted(text)) == 1


def test_toll_update_dated_by_its_report_stays_with_the_event():
    text = ("A suicide bomber struck a mosque in Peshawar on Friday, killing 24 people. "
            "On Saturday, an official said the death toll from the bombing had risen to 36.")
    events = _asserted(text)
    assert len(events) == 1 and events[0].fatalities.min == 36 and str(events[0].date) == "2019-03-08"


def test_place_list_keeps_members_the_gazetteer_lacks():
    events = _asserted("On Friday, gunmen attacked police posts in the villages of Kirkuk, Dibbinaya and Qaraqoshbar.")
    assert len(events) == 3
    assert {e.location_detail for e in events} >= {"Dibbinaya", "Qaraqoshbar"}


def test_a_name_after_a_comma_is_not_a_list():
    events = _asserted("Gunmen attacked a police post in Kirkuk on Friday, Reuters reported.")
    assert len(events) == 1


def test_a_later_district_refines_a_province():
    text = ("Taliban fighters attacked checkpoints in Helmand province on Friday, killing nine militiamen. "
            "The attack took place in Nad Ali district, officials said.")
    events = _asserted(text)
    assert len(events) == 1 and events[0].location != "Helmand"


def test_another_toll_in_another_place_is_another_event():
    text = ("More than 60 army deserters were shot dead by machinegun fire as they tried to flee their base, "
            "the monitoring group said. The group said three soldiers had died in fighting with rebels in Idlib province.")
    events = _asserted(text)
    assert sorted(e.fatalities.min for e in events) == [3, 61]


@pytest.mark.parametrize("text, expected", [
    ("police arrested 12 persons on march 1 for rioting.", [("Strategic developments", "Arrests")]),
    ("Police were able to arrest the gang leader on Friday.", [("Strategic developments", "Arrests")]),
    ("Police fired about 40 rounds killing two persons on Friday.", [("Violence against civilians", "Attack")]),
    ("The former minister died of cardiac arrest on Friday.", []),
    ("The rebels are able to strike anywhere in the country.", []),
    ("Police fired 300 tear gas shells to keep the crowds off the square on Friday.", []),
])
def test_months_charges_abilities_and_illness(text, expected):
    assert [(e.event_type, e.sub_event_type) for e in _asserted(text)] == expected


def test_a_date_of_another_noun_does_not_date_the_event():
    text = "Police said on Friday they had arrested 12 people in connection with the February 27 carnage."
    events = _asserted(text)
    assert [str(e.date) for e in events] == ["2019-03-08"]


@pytest.mark.parametrize("text", [
    "The party demanded a judicial probe into the police firing in which one person was killed.",
    "The group demanded action against the policemen who on Friday killed a protester.",
])
def test_relative_clauses_report_facts_under_demands(text):
    assert len(_asserted(text)) == 1


def test_a_since_clause_date_starts_a_period():
    text = ("Gunmen attacked a village in Borno on Friday, killing 15 people. "
            "The attack is the 12th since the governor took office on January 29.")
    events = _asserted(text)
    assert len(events) == 1 and str(events[0].date) == "2019-03-08"


def test_it_was_the_police_that_opened_fire_is_the_same_event():
    text = ("An attack on protesters gathered outside a mosque in Daraa on Friday left at least 37 people dead. "
            "Witnesses said it was security forces that opened fire on the mosque.")
    assert len(_asserted(text)) == 1


def test_a_generic_killing_then_its_bombing_is_one_event():
    text = ("Several children were among those killed and wounded in the attack on Friday prayers in Ghalanai. "
            "An official said the death toll from a suicide bombing at the mosque in Ghalanai had risen to 36.")
    events = _asserted(text)
    assert [e.sub_event_type for e in events] == ["Suicide bomb"]


def test_an_articles_agreement_is_one_agreement():
    text = ("Syria agreed on Monday to let Arab observers monitor its compliance with a peace agreement. "
            "The head of the League said after the signing of a protocol on observers that sanctions would stay.")
    assert [e.sub_event_type for e in _asserted(text)] == ["Agreement"]



@pytest.mark.parametrize("text, n", [
    ("The government says it is fighting foreign-backed armed groups.", 0),
    ("Troops are fighting rebels in the town of Rastan on Friday, residents said.", 1),
])
def test_present_progressive_without_a_scene_is_a_campaign(text, n):
    assert len(_asserted(text)) == n


def test_a_lede_counting_separate_attacks_gives_way_to_them():
    text = ("Gunmen killed 14 people in two separate attacks in Afghanistan on Friday, officials said. "
            "In Parwan province, gunmen stormed a mosque late on Friday, killing 11 worshippers. "
            "Also late on Friday, gunmen in Khost province attacked a family, killing three brothers.")
    events = _asserted(text)
    assert sorted(e.fatalities.min for e in events) == [3, 11]


def test_town_comma_region_is_not_a_list():
    events = _asserted("Rebels attacked an army patrol near the town of Guican, Boyaca, on Monday, killing 11 soldiers.")
    assert len(events) == 1


def test_molotov_cocktails_are_not_a_place():
    events = _asserted("Rioting youths threw stones and Molotov cocktails at police in Toulouse on Friday night.")
    assert [(e.location, e.country) for e in events] == [("Toulouse", "FR")]


def test_a_finite_past_clause_under_consider_is_a_fact():
    text = ("in the city that is considered most volatile, more members of the minority community died in the "
            "police firing on friday.")
    assert len(_asserted(text)) == 1
