"""Who asserts a sentence's figures: attribution within a sentence and across sentences (real model: slow)."""
import pytest

from eventwatch.extract.claims import claimant_for, find_attribution, is_background_figure

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import load_settings
    return Pipeline(settings=load_settings()).nlp


def _sentences(nlp, text):
    return list(nlp(text).sents)


@pytest.mark.parametrize("text, claimant", [
    ("Five people were killed in the blast, police said.", "police"),
    ("Officials said the bombing killed at least 12 people.", "Officials"),
    ("At least 9 people died, according to the provincial health department.", "provincial health department"),
    ("Eight soldiers were killed, Al Jazeera reported, citing military sources.", "military sources"),
    ("Kandahar: A government spokesman says the toll has risen to 20.", "government spokesman"),
    ("There were no deaths on the border, where the army said it shot down two drones.", None),
    ("The initial toll provided by local officials was 14 dead.", "local officials"),
    ("Figures released by the health ministry put the toll at 31.", "health ministry"),
    ("Earlier reports had six people killed.", "Earlier reports"),
    # the speaker is the noun phrase, not what follows it or a dateline run into the sentence
    ("According to the Committee for Missing Persons the clashes left four dead.", "Committee for Missing Persons"),
    ("Two were killed, according to reports from villagers in the area the attackers came from.",
     "reports from villagers in the area"),
    ("March 3, 2019 Local officials said gunmen killed five people.", "Local officials"),
    ("A spokesperson for the district council of Ruvu, the area where the shells fell, said 3 people died.",
     "spokesperson for the district council of Ruvu"),
    # a passive subject is what was reported, not who reported it
    ("Ten villagers were reported killed in the raid.", None),
    # after a colon comes what was said, not who said it
    ("Four people died, it said: two guards and two drivers.", "it"),
    # "according to a toll compiled by X": X
    ("Seven died, according to a toll compiled by the national police agency.", "national police agency"),
])
def test_find_attribution(nlp, text, claimant):
    found = find_attribution(_sentences(nlp, text)[-1])  # a dateline may parse as a sentence of its own
    assert (found.claimant if found else None) == claimant


@pytest.mark.parametrize("text, described", [
    ("Gunmen killed 11 villagers, said Amina Yusuf, a spokeswoman for the state governor.", "spokeswoman"),
    ("Jean Dupont, a local police chief, said three officers were wounded.", "police chief"),
])
def test_claimant_keeps_its_title_for_typing(nlp, text, described):
    found = find_attribution(_sentences(nlp, text)[0])
    assert described in found.described


@pytest.mark.parametrize("text, claimant, described", [
    ("Gunmen killed three traders, according to Omar Faruk, spokesman for the district police chief.",
     "Omar Faruk", "district police chief"),
    ("Two guards died, according to Lina Haddad, a resident of the town.", "Lina Haddad", "resident"),
])
def test_according_to_keeps_the_appositive(nlp, text, claimant, described):
    found = find_attribution(_sentences(nlp, text)[0])
    assert found.claimant == claimant and described in found.described


@pytest.mark.parametrize("text, cited, relay", [
    ("Eight soldiers were killed, Al Jazeera reported, citing military sources.", "military sources", "Al Jazeera"),
    ("The monitoring group said 30 people were killed, citing accounts from survivors.",
     "accounts from survivors", "monitoring group"),
])
def test_citing_keeps_who_passed_the_figure_on(nlp, text, cited, relay):
    found = find_attribution(_sentences(nlp, text)[0])
    assert found.claimant == cited and found.relayed_by.claimant == relay


@pytest.mark.parametrize("text, index, claimant", [
    # a pronoun or "the group" continues the last named speaker
    ("The army said 8 militants were killed near the border. It said two soldiers were also wounded.", 1, "army"),
    ("A police spokesman said the blast killed 6 people. He said 11 people were wounded.", 1, "police spokesman"),
    ("The rebel alliance said it had captured the town. The group said 14 of its fighters died.", 1, "rebel alliance"),
    # a quotation belongs to the speaker named where it closes
    ("Residents fled the village. “We lost 7 people. Our houses are gone,” Musa Bello said.", 1, "Musa Bello"),
    # a quote run on after "“...,” X said." in the same paragraph is still X's, not the next sentence's subject
    ("“The rockets hit two houses,” the governor said. “Nine people were killed.” A doctor described the wounds.",
     1, "governor"),
    # ...but not across a paragraph break
    ("“The rockets hit two houses,” the governor said.\n\n“Nine people were killed.” A doctor said, describing "
     "the wounds.", 1, "doctor"),
    # a closing ", X said." names the speaker even when the parse took a noun of the report for the subject
    ("Two helicopters fired rockets, hitting the school and a truck parked in the Zari area of Kunduz, a senior "
     "official based in Kabul said.", 0, "senior official based in Kabul"),
    ("Gunmen fired on the convoy, hitting a car and a truck carrying aid near Gao, a senior army officer based in "
     "Bamako said.", 0, "senior army officer based in Bamako"),
    # a sentence in the outlet's own voice has no claimant
    ("The army said the town was retaken. Fighting resumed on Sunday, killing 4 people.", 1, None),
])
def test_claimant_across_sentences(nlp, text, index, claimant):
    found = claimant_for(_sentences(nlp, text), index)
    assert (found.claimant if found else None) == claimant


def test_surname_takes_the_description_of_its_first_mention(nlp):
    text = ("Ali Khan, a police spokesman, said the attack began at dawn. Khan said 6 people were killed.")
    found = claimant_for(_sentences(nlp, text), 1)
    assert found.claimant == "Khan" and "police spokesman" in found.described


@pytest.mark.parametrize("text, figure, background", [
    ("Officials blamed the rebels for an ambush near Gao that killed 12 soldiers.", "killed 12", True),
    ("The army accused the militia of a massacre that left 30 villagers dead.", "30", True),
    ("Officials said the ambush near Gao killed 12 soldiers.", "killed 12", False),
    ("Officials blamed the rebels, saying 12 soldiers were killed.", "12", False),
])
def test_toll_in_a_blamed_attack_is_background(nlp, text, figure, background):
    sentence = _sentences(nlp, text)[0]
    speaker = find_attribution(sentence)
    assert is_background_figure(sentence, text.index(figure), speaker.span) == background
