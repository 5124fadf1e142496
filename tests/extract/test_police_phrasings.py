"""How news, Indian English news included, reports police killing and arresting people, read from coded events."""
import pytest

import eventwatch
from eventwatch.evaluation_run import police_labels

PUBLISHED = "2002-03-10"  # a Sunday


def _labels(text):
    return police_labels(eventwatch.code_text(text, published=PUBLISHED))


def _modalities(text):
    return {e.trigger.lower(): e.modality for e in eventwatch.code_text(text, published=PUBLISHED).events}


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "a youth perished in police firing in the old city on saturday.",
    "two men who succumbed to police firing were buried on friday.",
    "officials said 12 deaths due to police firing were reported from the district.",
    "most of the people who died in police firing were young men.",
])
def test_deaths_in_police_firing_are_police_killings(text):
    assert "KILL" in _labels(text)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "three people were injured in police firing on friday.",
    "the opposition demanded a probe into the police firing.",
])
def test_police_firing_without_deaths_is_no_killing(text):
    assert "KILL" not in _labels(text)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "six persons were held in connection with the arson on saturday.",
    "forty people have been booked under the anti-terror law.",
    "the two youths were caught by the police near the station.",
    "the accused were sent to judicial custody on friday.",
    "thirty people were lodged in jail after the clashes on saturday.",
    "the leaders were taken into preventive custody at the border.",
])
def test_arrest_phrasings_are_arrests(text):
    assert "ARREST" in _labels(text)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "police arrested nearly 4000 rioters and fired 2000 rounds on friday.",
    "the curfew was imposed at 1930 hours and police arrested 40 people.",
    "the 12 men were remanded in police custody till april 2.",
    "the two militants arrested on tuesday were also involved in an attack on a temple in 1998.",
])
def test_counts_clock_times_and_deadlines_do_not_make_an_arrest_history(text):
    assert "ARREST" in _labels(text)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "in 1990, two brothers were killed in police firing in the old city.",
    "the riots of 1993 left hundreds dead in the city.",
])
def test_a_year_long_past_still_makes_an_event_history(text):
    assert "asserted" not in _modalities(text).values()


@pytest.mark.slow
@pytest.mark.parametrize("text, labels", [
    ("officials said over 300 people have been arrested in the state over the last five days.", {"ARREST"}),
    ("in 1995, police arrested 40 people in the old city.", {"ARREST"}),  # background, but it happened
    ("the police will arrest anyone who defies the curfew.", set()),
])
def test_what_happened_counts_and_what_may_happen_does_not(text, labels):
    assert _labels(text) == labels


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "twelve persons were held after the clashes in the old city on friday.",
    "the two youths were picked up from their homes on saturday.",
    "the police picked up four men from the market area.",
    "the police acted quickly and caught three of them.",
    "both were caught in connection with the arson.",
    "the leader is currently held by the city police.",
    "four activists caught by the police were released on bail.",
    "the police booked 40 people under the anti-terror law.",
    "the court remanded the three accused to police custody till april 2.",
    "the suspect is now in police custody.",
    "the arrested workers were released later in the evening.",
])
def test_people_held_picked_up_caught_or_in_custody_are_arrests(text):
    assert "ARREST" in _labels(text)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "elections were held in the state last month.",
    "a meeting was held at the collector's office on friday.",
    "the hostages were held for three days by the gang.",
    "he was held responsible for the lapse.",
    "the traffic was held up for hours.",
    "two women were caught in the crossfire and injured.",
    "two men were caught on camera setting fire to the shop.",
    "the team picked up the pace in the second half.",
    "that leaves 45 books under preparation.",
])
def test_held_caught_and_picked_up_without_custody_are_no_arrests(text):
    assert "ARREST" not in _labels(text)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "orders were given to open fire on rioters, and as a result 14 people have been killed in the district.",
    "in 1992, three youths were killed in police firing during the curfew in the town.",
    "one person died in the clash with the police and 12 others were injured, the collector said.",
    "second gunman shot dead near the main gate of the complex.",
    "two militants who stormed the camp were killed, the superintendent said.",
    "officials have played down the number of deaths in police firing, but witnesses tell a different story.",
    "besides the incident in which a party supporter was killed in police firing, officials were worried about "
    "a few rallies held in the district.",
])
def test_police_killings_without_a_named_shooter(text):
    assert "KILL" in _labels(text)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "one youth was killed and four others injured in the market on monday night when the police fired to "
    "disperse a stone-throwing crowd.",
    "a boy was killed and two were injured when police fired several rounds to disperse the mob.",
])
def test_a_when_clause_names_who_killed(text):
    assert "KILL" in _labels(text)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "two policemen were killed in a clash with armed poachers in the forest on friday.",
    "three militants were killed in clashes between rival factions in the hills.",
    "two men were stabbed to death in the old city and the police fired several rounds in the air.",
    "by the time the army was out on the streets, the riots had died down.",
])
def test_deaths_on_the_state_side_or_between_rivals_are_no_police_killing(text):
    assert "KILL" not in _labels(text)
