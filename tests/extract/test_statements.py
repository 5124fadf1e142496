"""Statements (PLOVER verbal interactions) found in short news sentences written for these tests."""
import pytest

import eventwatch

pytestmark = pytest.mark.slow


def _statements(text):
    return [(s.type, s.source, s.target) for s in eventwatch.code_text(text, published="2021-03-02").statements]


def _types(text):
    return {s[0] for s in _statements(text)}


@pytest.mark.parametrize("text, kind", [
    ("The opposition accused the government of shelling the market.", "ACCUSE"),
    ("The interior ministry blamed the rebels for the bombing.", "ACCUSE"),
    ("The rebel group denied any role in the ambush.", "REJECT"),
    ("The governor dismissed the reports as propaganda.", "REJECT"),
    ("The UN envoy called on both sides to observe the truce.", "REQUEST"),
    ("Relatives urged the authorities to release the detained students.", "REQUEST"),
    ("The militia threatened to attack the capital.", "THREATEN"),
    ("The army vowed to crush the insurgency.", "THREATEN"),
    ("The two factions agreed to exchange prisoners next week.", "AGREE"),
    ("The foreign minister met his Turkish counterpart in Ankara on Monday.", "CONSULT"),
])
def test_trigger_verbs_make_their_statement(text, kind):
    assert kind in _types(text)


@pytest.mark.parametrize("text, kind", [
    ("The army issued a stern warning to the militants holding the border town.", "THREATEN"),
    ("The protest leaders renewed their calls for an independent inquiry.", "REQUEST"),
    ("The envoy began a new round of talks with the rebel commanders.", "CONSULT"),
    ("The two navies will hold joint drills with each other off the coast.", "COOPERATE"),
])
def test_noun_triggers_need_a_verb_that_delivers_them(text, kind):
    assert kind in _types(text)


@pytest.mark.parametrize("text, kind", [
    ("The foreign minister said the rebels must lay down their weapons.", "REQUEST"),
    ("The spokesman said the government should open the crossings to aid convoys.", "REQUEST"),
    ('"We will destroy their bases," the militant commander said.', "THREATEN"),
    ("The group said it would boycott the elections unless the president resigned.", "THREATEN"),
    ("The minister said the reports of mass arrests were baseless.", "REJECT"),
    ("Officials said the bombing bore the hallmarks of the Islamic State.", "ACCUSE"),
    ("The police chief said the separatists had staged the attack on the convoy.", "ACCUSE"),
    ("The ministry refused to meet the strikers' delegation.", "REJECT"),
])
def test_speech_habits_make_statements_without_trigger_words(text, kind):
    assert kind in _types(text)


@pytest.mark.parametrize("text", [
    "The mayor said three people were wounded in the blast.",
    "Police told reporters the road had reopened.",
    "A widely criticised peace plan was published on Tuesday.",
    "Saudi-backed forces advanced on the port.",
    "The minister has been widely condemned for the crackdown.",
    "The official, who was not allowed to talk to the media, said the convoy was hit by a mine.",
    "The army declined to comment on the raid.",
    "Police were deployed to the square.",
    "Troops are supporting the police to secure the highway.",
    "The government had previously blamed foreign agents for the unrest.",
])
def test_no_statement_for_reporting_descriptions_or_background(text):
    assert _statements(text) == []


@pytest.mark.parametrize("text, source, target", [
    ("The opposition accused the government of shelling the market.", "Opposition", "Government"),
    ("The colonel urged Arab League monitors to visit the city.", "colonel", "Arab League"),
    ("China announced that it would hold joint military drills with Russia.", "China", None),
    ("The joint exercise of Jordan and Britain ended on Friday.", "Jordan", "Britain"),
    ("The interior minister said the rebels must free the hostages.", "Government", "Rebels"),
])
def test_source_and_target_are_the_parties(text, source, target):
    found = _statements(text)
    assert found
    _kind, got_source, got_target = found[0]
    assert source in got_source
    if target is not None:
        assert got_target and target in got_target


def test_pronoun_subject_takes_the_speaker_of_the_previous_sentence():
    text = ("The rebel commander told reporters on Sunday that the villages had been shelled. "
            '"We ask the observers to come and see the destroyed villages," he said.')
    found = _statements(text)
    assert ("REQUEST" in {k for k, _, _ in found})
    assert any(k == "REQUEST" and s and "Rebel" in s and t and "Observers" in t for k, s, t in found)


def test_headline_repeated_in_lede_is_one_statement():
    text = ("Militants threaten to kill the governor\n\n"
            "Militants threaten to kill the governor of the northern province in a video released on Monday.")
    found = [s for s in eventwatch.code_text(text, published="2021-03-02").statements if s.type == "THREATEN"]
    assert len(found) == 1
    assert "video released on Monday" in found[0].evidence


def test_sport_reports_make_no_statements():
    text = ("The striker scored twice as the visitors won the football match at the stadium. "
            "The goalkeeper denied the midfielder a third goal, and the defender conceded a penalty.")
    assert _statements(text) == []
