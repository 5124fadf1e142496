"""Event assembly on short news-style sentences (real spaCy model: slow)."""
import pytest

import eventwatch

pytestmark = pytest.mark.slow
PUBLISHED = "2019-03-09"  # a Saturday


def _asserted(text):
    result = eventwatch.code_text(text, published=PUBLISHED)
    return [e for e in result.events if e.modality == "asserted"]


@pytest.mark.parametrize("text, event_type, sub_event_type", [
    ("A suicide bomber blew himself up at a checkpoint in Kabul on Friday, killing 8 people.", "Explosions/Remote violence", "Suicide bomb"),
    ("A roadside bomb struck an army convoy near Kandahar on Thursday, killing three soldiers.", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Government warplanes carried out air strikes on Idlib on Friday, killing 12 civilians, activists said.", "Explosions/Remote violence", "Air/drone strike"),
    ("Rebels shelled residential areas of Aleppo on Friday, killing four people.", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Attackers hurled a grenade at a police post in Srinagar on Friday, wounding six officers.", "Explosions/Remote violence", "Grenade"),
    ("Troops clashed with Taliban fighters in Helmand province on Thursday, leaving 9 militants dead.", "Battles", "Armed clash"),
    ("Gunmen killed 15 villagers in an attack on a village in Borno state on Friday, residents said.", "Violence against civilians", "Attack"),
    ("Gunmen kidnapped 20 students from a school in Kaduna state on Friday.", "Violence against civilians", "Abduction/forced disappearance"),
    ("Thousands of people marched peacefully through Santiago on Friday to demand pension reform.", "Protests", "Peaceful protest"),
    ("Police fired tear gas to disperse protesters in Nairobi on Friday.", "Protests", "Protest with intervention"),
    ("Security forces opened fire on protesters in Khartoum on Friday, killing 3 people, medics said.", "Protests", "Excessive force against protesters"),
    ("Rioters torched cars and hurled stones at police in Toulouse on Friday night.", "Riots", "Violent demonstration"),
    ("Police arrested 40 opposition activists in Harare on Friday.", "Strategic developments", "Arrests"),
    ("An army major defected to the rebels in Homs on Friday, taking 30 soldiers with him.", "Strategic developments", "Change to group/activity"),
    ("Militants looted shops and burned down homes in the village of Kidal on Friday.", "Strategic developments", "Looting/property destruction"),
])
def test_acled_type_and_sub_type(text, event_type, sub_event_type):
    events = _asserted(text)
    assert [(e.event_type, e.sub_event_type) for e in events][:1] == [(event_type, sub_event_type)]


@pytest.mark.parametrize("text", [
    "The militant group threatened to attack government buildings in the capital.",
    "The army vowed to crush the rebels in the coming weeks.",
    "The Taliban denied carrying out the bombing.",
    "If talks fail, the rebels could launch a new offensive.",
    "Residents gathered on Friday to mark the tenth anniversary of the massacre in the town.",
    "Shares in the mining company fell 4 percent after quarterly earnings missed forecasts.",
    "The striker scored twice as the home side won the penalty shootout in the cup final.",
])
def test_not_a_current_event(text):
    assert _asserted(text) == []


def test_one_event_for_several_mentions():
    text = ("A car bomb exploded near a market in Mogadishu on Friday, killing at least 10 people. "
            "The blast also wounded 20 others, police said. "
            "Witnesses said the explosion destroyed several shops.")
    events = _asserted(text)
    assert len(events) == 1
    assert (events[0].fatalities.min, events[0].injured.min) == (10, 20)


def test_two_places_two_events():
    text = ("A bomb exploded in Baghdad on Friday, killing 5 people. "
            "Separately, gunmen attacked a checkpoint in Kirkuk on Friday, killing two policemen.")
    events = _asserted(text)
    assert {e.location for e in events} >= {"Baghdad", "Kirkuk"}


def test_competing_figures_are_kept_as_claims():
    text = ("Police said 12 people were killed in the attack on the village of Zurmi on Friday. "
            "Residents said more than 30 people were killed in the attack.")
    events = _asserted(text)
    assert len(events) == 1
    assert sorted((c.claimant_type, c.min) for c in events[0].claims) == [("government", 12), ("witnesses", 31)]
    assert (events[0].fatalities.min, events[0].fatalities.max) == (12, None)
