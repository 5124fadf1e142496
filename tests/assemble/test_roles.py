"""Who is actor1 and actor2 of an event: agents and victims from the parse, speakers left out, ACLED defaults."""
import pytest

import eventwatch
from eventwatch.assemble.roles import _DENIAL, _FORCE_AFTER, _HARMED_AFTER, _RESPONSIBILITY, _SPEAKER_AFTER

PUBLISHED = "2019-03-09"  # a Saturday


def _asserted(text):
    result = eventwatch.code_text(text, published=PUBLISHED)
    return [e for e in result.events if e.modality == "asserted"]


def _first(text, event_type=None):
    events = [e for e in _asserted(text) if event_type is None or e.event_type == event_type]
    assert events, f"no asserted event in {text!r}"
    return events[0]


@pytest.mark.parametrize("after", [" firing in the old city", " fire on Tuesday", " raids overnight",
                                   " shelling of the town", " custody", " attacks on"])
def test_nominal_of_force_marks_the_agent(after):
    assert _FORCE_AFTER.match(after)


@pytest.mark.parametrize("after", [" were killed", " was shot dead", " killed in an ambush", " have been arrested",
                                   " who were wounded", " died in the blast", " killed, officials said"])
def test_harm_verb_after_marks_the_victim(after):
    assert _HARMED_AFTER.match(after)


@pytest.mark.parametrize("after", [" killed nine guests", " shot two policemen", " killed at least 12 people",
                                   " attacked a convoy"])
def test_active_harm_verb_after_is_not_a_victim(after):
    assert not _HARMED_AFTER.match(after)


@pytest.mark.parametrize("after", [" said on Friday", ", citing witnesses, reported", " told reporters",
                                   " has confirmed"])
def test_verb_of_speech_marks_a_speaker(after):
    assert _SPEAKER_AFTER.match(after)


@pytest.mark.parametrize("text, claims", [
    ("The Pakistani Taliban claimed responsibility for the blast.", True),
    ("Al-Shabaab said it had carried out the attack on the hotel.", True),
    ("Officials said the rebels were behind Monday's bombing.", True),
    ("The group has carried out similar attacks in the past.", False),
    ("No group has yet claimed responsibility.", True),  # the pattern matches; _DENIAL drops it
])
def test_responsibility_pattern(text, claims):
    assert bool(_RESPONSIBILITY.search(text)) is claims


@pytest.mark.parametrize("clause, denied", [("No group has yet ", True), ("The Taliban denied ", True),
                                            ("A breakaway faction ", False)])
def test_denial_before_a_claim(clause, denied):
    assert bool(_DENIAL.search(clause)) is denied


@pytest.mark.slow
@pytest.mark.parametrize("text, actor1, actor2", [
    ("Two soldiers were killed in an attack by Taliban fighters in Helmand province on Friday.", "Taliban",
     "Military Forces of Afghanistan"),
    ("Boko Haram gunmen killed 12 villagers in Borno state on Thursday, residents said.",
     "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Civilians (Nigeria)"),
    ("Three people were killed in police firing in the Nigerian city of Kano on Friday.", "Police Forces of Nigeria",
     "Civilians (Nigeria)"),
    ("Four people were shot dead by police in Nairobi on Friday, witnesses said.", "Police Forces of Kenya",
     "Civilians (Kenya)"),
    ("Two villagers died when troops opened fire on a market in the Malian town of Mopti on Friday.",
     "Military Forces of Mali", "Civilians (Mali)"),
])
def test_agent_and_victim_from_the_parse(text, actor1, actor2):
    event = _first(text)
    assert (event.actor1.name, event.actor2.name) == (actor1, actor2)


@pytest.mark.slow
@pytest.mark.parametrize("text, not_an_actor", [
    ("A car bomb exploded near a market in Mogadishu on Friday, killing seven people, Reuters reported.", "Reuters"),
    ("State media said a roadside bomb killed four people in the Syrian city of Homs on Friday.", "Government of Syria"),
    ("The Syrian Observatory for Human Rights said an air strike killed nine civilians in Idlib on Friday.",
     "Syrian Observatory for Human Rights"),
])
def test_the_reporter_is_never_an_actor(text, not_an_actor):
    event = _first(text)
    names = {event.actor1 and event.actor1.name, event.actor2 and event.actor2.name}
    assert not_an_actor not in names


@pytest.mark.slow
@pytest.mark.parametrize("text, actor1", [
    ("A suicide bomber killed 20 people at a mosque in Peshawar on Friday. The Pakistani Taliban claimed "
     "responsibility for the bombing.", "TTP: Tehrik-i-Taliban Pakistan"),
    ("A bomb killed eight soldiers near Mogadishu on Friday. Al-Shabaab said it had carried out the attack.",
     "Al Shabaab"),
])
def test_claim_of_responsibility_names_actor1(text, actor1):
    assert _first(text).actor1.name == actor1


@pytest.mark.slow
@pytest.mark.parametrize("text, actor1", [
    ("Israeli airstrikes killed six people in Gaza on Friday, medics said.", "Military Forces of Israel"),
    ("A US drone strike killed four militants in North Waziristan on Friday, officials said.",
     "Military Forces of the United States"),
])
def test_demonym_on_a_strike_names_the_military(text, actor1):
    assert _first(text).actor1.name == actor1


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Al-Shabaab fighters stormed a hotel in Mogadishu on Friday. The militants killed nine guests, police said.",
    "Al-Shabaab has stepped up attacks in the south. On Friday the insurgents killed nine guests at a hotel in "
    "Kismayo, police said.",
])
def test_the_militants_refers_back_to_the_named_group(text):
    names = {e.actor1.name for e in _asserted(text) if e.actor1}
    assert "Al Shabaab" in names


@pytest.mark.slow
def test_unknown_gunmen_stay_unidentified_even_when_a_group_is_named():
    text = ("Unidentified gunmen killed five worshippers at a mosque in Kabul province on Friday. The Taliban denied "
            "involvement.")
    assert _first(text).actor1.name == "Unidentified Armed Group (Afghanistan)"


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "A civilian died and 12 others were injured in a grenade explosion at a market in Srinagar on Friday.",
    "Villagers said two farmers were killed in shelling near the Afghan town of Sangin on Friday.",
])
def test_civilians_are_never_the_perpetrator(text):
    event = _first(text)
    assert event.actor1 is None or event.actor1.inter != 7


@pytest.mark.slow
@pytest.mark.parametrize("text, labels", [
    ("two persons were killed in police firing in the old city on tuesday.", {"KILL"}),
    ("three people died when the police opened fire to disperse a mob in the town on monday.", {"KILL"}),
    ("four rioters were shot dead by police in the walled city on friday.", {"KILL"}),
    ("police arrested 25 people for rioting in the city on sunday.", {"ARREST"}),
    ("a dozen youths were nabbed by the police in the old city last night.", {"ARREST"}),
    ("the two accused were remanded in police custody on monday.", {"ARREST"}),
    ("a mob killed two men in the old city on friday, police said.", set()),
    ("the police control room put the toll in the district at 16.", set()),
])
def test_police_labels_read_coded_events(text, labels):
    from eventwatch.evaluation_run import police_labels

    result = eventwatch.code_text(text, published="2002-03-05")
    assert police_labels(result) == labels


@pytest.mark.slow
@pytest.mark.parametrize("text, actor1", [
    ("The union demanded action against the policemen who on Sunday killed a striking worker.", "Police Forces"),
    ("Residents described the soldiers who shot dead two farmers in the village on Friday.", "Military Forces"),
])
def test_relative_clause_subject_is_the_agent(text, actor1):
    events = _asserted(text)
    assert events and events[0].actor1.name.startswith(actor1)


@pytest.mark.slow
@pytest.mark.parametrize("text, actor1", [
    ("Four insurgents were killed in the gunfight near the border on Friday, officials said.", "Military Forces"),
    ("Five rebels were killed in clashes between rival factions in the north on Friday.", "Unidentified Armed Group"),
    ("Firing on the mob left two people dead in the market on Friday.", "Police Forces"),
    ("Gunmen opened fire on a wedding party, killing six guests on Friday.", "Unidentified Armed Group"),
    ("Two of the four gunmen who stormed the hotel were killed on Friday, the governor said.", "Military Forces"),
])
def test_shooter_left_unnamed_by_news_convention(text, actor1):
    event = next(e for e in _asserted(text) if e.event_type in ("Battles", "Violence against civilians"))
    assert event.actor1.name.startswith(actor1)


@pytest.mark.slow
def test_civilians_are_never_a_side_of_a_battle():
    text = ("One man died in the clash on Friday and four party workers were injured, as were 12 policemen, "
            "the collector said.")
    battle = _first(text, "Battles")
    assert battle.actor2 is not None and battle.actor2.name.startswith("Police Forces")
