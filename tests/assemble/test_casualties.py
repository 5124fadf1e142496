"""An event's fatality range from its claims (fast), and figures reaching the right event with the right claimant
through the whole pipeline (real model: slow)."""
import pytest

import eventwatch
from eventwatch.assemble.casualties import casualty_range
from eventwatch.extract.quantities import Count
from eventwatch.records import Claim, Quantity, Span

PUBLISHED = "2019-03-09"


def _claims(*figures):
    """figures: (min, max, flags) in text order; flags among 'update', 'initial', 'additional'."""
    claims, counts = [], []
    for i, (low, high, *flags) in enumerate(figures):
        span = Span(10 * i, 10 * i + 5)
        claims.append(Claim("police", "government", "killed", low, high, False, "…", span))
        counts.append(Count("killed", Quantity(low, high, span=span), span, toll_update="update" in flags,
                            initial="initial" in flags, additional="additional" in flags))
    return claims, counts


@pytest.mark.parametrize("figures, expected", [
    ([(26, None)], (26, None)),                              # "at least 26"
    ([(None, 50)], (None, 50)),                              # "up to 50"
    ([(12, 12), (31, None)], (12, None)),                    # 12 vs "more than 30": the top stays open
    ([(40, None), (75, 75), (25, 25)], (25, 75)),            # lowest minimum to highest maximum
    ([(None, 200), (37, 37), (103, None)], (37, 200)),
    ([(12, 12), (12, None)], (12, 12)),
    ([(10, 10), (15, 15, "update")], (15, 15)),              # "the death toll rose to 15"
    ([(24, 24, "initial"), (36, 36)], (36, 36)),             # the initial toll gives way
    ([(24, 24, "initial")], (24, 24)),                       # ...unless it is all there is
    ([(3, 3), (1, 1, "additional")], (4, 4)),                # "another protester died"
    ([(3, None), (2, 2, "additional")], (5, None)),
    ([(0, 0)], (0, 0)),                                      # "no one was killed"
])
def test_fatality_range_from_claims(figures, expected):
    q = casualty_range(*_claims(*figures), "killed")
    assert (q.min, q.max) == expected


def test_no_claims_no_range():
    assert casualty_range([], [], "killed") is None


def _asserted(text, **kwargs):
    result = eventwatch.code_text(text, published=PUBLISHED, **kwargs)
    return [e for e in result.events if e.modality == "asserted"]


@pytest.mark.slow
@pytest.mark.parametrize("text, killed, injured", [
    ("A car bomb exploded outside a police station in Kirkuk on Friday. At least 14 people were killed and "
     "30 wounded, police said.", (14, None), (30, 30)),
    ("Gunmen attacked a bus in Kano on Friday. Nine passengers died and 12 were hurt.", (9, 9), (12, 12)),
    ("Gunmen stormed a church in the town of Owo on Sunday, killing 22 worshippers, police said. "
     "Another worshipper later died in hospital, a doctor said.", (23, 23), None),
])
def test_figures_in_the_next_sentence_belong_to_the_event(text, killed, injured):
    events = _asserted(text)
    assert len(events) == 1
    event = events[0]
    assert (event.fatalities.min, event.fatalities.max) == killed
    assert (event.injured and (event.injured.min, event.injured.max)) == injured


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    ("Soldiers clashed with militants near Mosul on Friday, killing 8 militants, the army said. "
     "It said two soldiers were also wounded.", {("killed", "military", 8), ("injured", "military", 2)}),
    ("A bomb exploded in a market in Quetta on Friday, killing 6 people, said Ali Khan, a police spokesman. "
     "He said 11 people were wounded.", {("killed", "government", 6), ("injured", "government", 11)}),
    ("Gunmen opened fire on a bus in Kaduna on Friday, killing 7 people, said Musa Bello, a resident. "
     "“We lost 7 people and 3 were injured,” Bello said.", {("killed", "witnesses", 7), ("injured", "witnesses", 3)}),
])
def test_claimant_carries_across_sentences(text, expected):
    events = _asserted(text)
    claims = {(c.about, c.claimant_type, c.min) for e in events for c in e.claims}
    assert claims == expected


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # a role given after "according to X," types X
    ("Gunmen attacked a checkpoint in Ghazni on Monday, killing 4 policemen, according to Jon Amiri, spokesman "
     "for the provincial governor.", {("killed", "government", 4)}),
    # someone quoted by name alone, with no title, is a resident or survivor
    ("Militants stormed a village in Borno on Sunday. “They killed 9 of our people,” said Musa Adamu, who fled "
     "to Maiduguri.", {("killed", "witnesses", 9)}),
    # a monitoring group citing survivors owns its count; a news agency citing officials passes theirs on
    ("Troops opened fire on defectors in Idlib on Monday, killing 30 of them, the monitoring group said, citing "
     "accounts from survivors.", {("killed", "activists", 30)}),
    ("A bomb exploded in a market in Hilla on Monday, killing 12 people, Reuters reported, citing police sources.",
     {("killed", "government", 12)}),
])
def test_claimant_type_from_role_and_relay(text, expected):
    events = _asserted(text)
    claims = {(c.about, c.claimant_type, c.min) for e in events for c in e.claims}
    assert claims == expected


@pytest.mark.slow
def test_headline_figure_gives_way_to_the_body():
    text = ("Bomb kills 9 in Kabul\n\nA bomb exploded at a wedding hall in Kabul on Friday, killing 9 people, "
            "the interior ministry said.")
    claims = [(c.claimant_type, c.min) for e in _asserted(text) for c in e.claims if c.about == "killed"]
    assert claims == [("government", 9)]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # the speaker vouches for the blame, not for the toll of the attack it blames
    ("Washington blamed the group for last week's bombing of a market in Kabul that killed 30 people.",
     [("killed", "media", 30)]),
    # one source named twice gives one claim
    ("At least 5 people died during a police raid in Lagos on Friday, state police said. At least 5 people died, "
     "the police said in a statement.", [("killed", "government", 5)]),
])
def test_one_claim_per_source_and_figure(text, expected):
    claims = [(c.about, c.claimant_type, c.min) for e in _asserted(text) for c in e.claims]
    assert claims == expected


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # a second speaker who only confirms the toll is a claim of their own with that toll
    ("A drone strike hit a compound in Mir Ali on Monday, killing at least 9 militants, local officials said. "
     "A second intelligence official confirmed the death toll.",
     [("killed", "government", 9), ("killed", "government", 9)]),
    ("Gunmen attacked a village in Zamfara on Sunday, killing 11 people, police said. A hospital official "
     "confirmed the toll and said 6 were wounded.",
     [("injured", "medical", 6), ("killed", "government", 11), ("killed", "medical", 11)]),
    # with no speaker of its own, a sentence repeating the toll adds no claim
    ("Gunmen attacked a village in Zamfara on Sunday, killing 11 people, police said. The figure could not be "
     "verified, but residents gave the same toll.", [("killed", "government", 11)]),
])
def test_speaker_restating_the_toll_is_a_claim(text, expected):
    claims = sorted((c.about, c.claimant_type, c.min) for e in _asserted(text) for c in e.claims)
    assert claims == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # the toll in "comes N weeks after ... killed M" is the earlier attack's, not the one the sentence refers to
    "A suicide bomber struck a police bus in Kano on Friday, wounding dozens, police said. The explosion comes two "
    "weeks after two blasts in Kano targeting army buildings killed 31 people.",
    "A car bomb went off at a checkpoint in Baqubah on Friday, killing and wounding many people. The attack comes a "
    "week after bombings in Baqubah killed 20 people.",
])
def test_toll_of_an_earlier_attack_is_not_this_events(text):
    events = _asserted(text)
    assert len(events) == 1
    assert events[0].fatalities is None
    assert [c for c in events[0].claims if c.about == "killed"] == []


@pytest.mark.slow
@pytest.mark.parametrize("text, killed", [
    ("Troops opened fire on rioters in the old quarter on Friday and nine people were killed, police said.", 9),
    ("Police fired on a crowd of protesters who had torched a bus in Kano on Friday, killing four.", 4),
])
def test_deaths_go_to_the_force_not_to_the_crowd_it_was_used_on(text, killed):
    lethal = [e for e in _asserted(text) if e.fatalities and e.fatalities.min]
    assert [e.fatalities.min for e in lethal] == [killed]
    assert lethal[0].event_type in ("Violence against civilians", "Protests", "Battles")
    assert lethal[0].sub_event_type not in ("Violent demonstration", "Mob violence", "Peaceful protest")
