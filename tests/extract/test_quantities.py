import pytest

from eventwatch.extract.quantities import find_counts, parse_number


def _first(text: str, about: str):
    counts = [c for c in find_counts(text) if c.about == about and not c.subgroup]
    assert counts, f"no {about} count in {text!r}"
    return counts[0].quantity.min, counts[0].quantity.max


@pytest.mark.parametrize("text, about, expected", [
    ("A car bomb exploded outside the ministry, killing at least 14 people.", "killed", (14, None)),
    ("At least 9 soldiers were killed in the ambush.", "killed", (9, None)),
    ("The raid killed twenty-six villagers.", "killed", (26, 26)),
    ("Up to 50 people died in the fire fight, officials said.", "killed", (None, 50)),
    ("More than 40 people were killed and 100 wounded.", "killed", (41, None)),
    ("More than 40 people were killed and 100 wounded.", "injured", (100, 100)),
    ("Between 20 and 30 civilians died in the shelling.", "killed", (20, 30)),
    ("Dozens of protesters were injured.", "injured", (24, None)),
    ("Hundreds were arrested in the sweep.", "arrested", (200, None)),
    ("More than a dozen people were killed.", "killed", (13, None)),
    ("Nearly 30 people were hurt, medics said.", "injured", (None, 30)),
    ("About 40 people were killed, according to residents.", "killed", (40, 40)),
    ("The death toll rose to 52 on Monday.", "killed", (52, 52)),
    ("The blast left 7 people dead.", "killed", (7, 7)),
    ("Police arrested 31 people after the march.", "arrested", (31, 31)),
    ("Rescuers found more than 300 bodies in a mass grave.", "bodies_found", (301, None)),
    ("Six people remain missing after the attack.", "missing", (6, 6)),
    ("No one was hurt in the explosion.", "injured", (0, 0)),
    ("There were no casualties, the army said.", "killed", (0, 0)),
    ("Fighting killed 11 soldiers and wounded more than 20.", "injured", (21, None)),
    ("Two or three people were hurt.", "injured", (2, 3)),
])
def test_casualty_bounds(text, about, expected):
    assert _first(text, about) == expected


@pytest.mark.parametrize("text", [
    "The 2011 uprising began in March.",
    "A 25-year-old man was among those questioned.",
    "The convoy travelled 40 km to the border.",
    "The budget rose by 12 percent.",
    "He was born on March 12 in the capital.",
])
def test_numbers_that_are_not_casualty_counts(text):
    assert find_counts(text) == []


def test_subgroup_does_not_set_total():
    counts = find_counts("Seventeen people were killed, including 4 police officers who were killed at the gate.")
    totals = [c for c in counts if not c.subgroup]
    assert (totals[0].quantity.min, totals[0].quantity.max) == (17, 17)


def test_span_points_at_the_phrase():
    text = "Officials said the bombing killed at least 12 people near the market."
    count = find_counts(text)[0]
    assert text[count.span.start:count.span.end] == "killed at least 12 people"
    assert text[count.quantity.span.start:count.quantity.span.end] == "at least 12"


@pytest.mark.parametrize("word, value", [("1,100", (1100, False)), ("twenty-six", (26, False)),
                                         ("one hundred and five", (105, False)), ("dozens", (24, True)),
                                         ("thousands", (2000, True)), ("scores", (40, True))])
def test_parse_number(word, value):
    assert parse_number(word) == value


@pytest.mark.parametrize("text, about, expected", [
    # coordinated groups add up
    ("Two soldiers and a civilian were killed when the mortar hit the market.", "killed", (3, 3)),
    ("The ambush killed four policemen and two drivers.", "killed", (6, 6)),
    ("Rebels killed at least 9 soldiers and one police officer on Sunday.", "killed", (10, None)),
    ("Three children, two women and an old man were wounded by the shell.", "injured", (6, 6)),
    # one person written with an article
    ("A policeman was killed and 4 others were hurt at the checkpoint.", "killed", (1, 1)),
    ("A 19-year-old student died in hospital on Tuesday.", "killed", (1, 1)),
    ("A woman was also wounded in the crossfire.", "injured", (1, 1)),
    ("The shelling killed a child in the market.", "killed", (1, 1)),
    # quotes and other verbs of loss
    ('Troops said they had killed "dozens" of insurgents in the raid.', "killed", (24, None)),
    ("“We lost 7 people in one night,” a village elder said.", "killed", (7, 7)),
    # tolls written at some distance from the number
    ("The death toll from the twin bombings in the capital has climbed to 58.", "killed", (58, 58)),
    ("Rescuers said the toll in the collapsed building stands at 19.", "killed", (19, 19)),
    # zero in its usual wordings
    ("The rocket did not cause any casualties, the mayor said.", "injured", (0, 0)),
    ("The rocket landed in an open field without casualties.", "killed", (0, 0)),
    ("There were no deaths among the crew.", "killed", (0, 0)),
    # the victims' home place between noun and verb
    ("Eleven soldiers from Kidal were killed in the ambush.", "killed", (11, 11)),
    ("Another demonstrator in Tahrir Square died of his wounds.", "killed", (1, 1)),
])
def test_more_casualty_wordings(text, about, expected):
    assert _first(text, about) == expected


@pytest.mark.parametrize("text", [
    "A car bomb exploded near the ministry, killing and wounding dozens of people.",
    "Scores of people were killed or wounded in the clashes.",
    "Several children were among those killed and wounded in the raid.",
])
def test_dead_and_wounded_together_give_no_split(text):
    assert [c for c in find_counts(text) if c.about in ("killed", "injured")] == []


@pytest.mark.parametrize("text, killed", [
    ("Two gunmen killed five people at a wedding.", (5, 5)),
    ("Three attackers wounded 12 worshippers before fleeing.", None),
    ("A man killed his neighbour with an axe.", None),
])
def test_the_attackers_are_not_the_victims(text, killed):
    counts = [(c.quantity.min, c.quantity.max) for c in find_counts(text) if c.about == "killed"]
    assert counts == ([killed] if killed else [])


@pytest.mark.parametrize("text, initial", [
    ("The initial toll given by police was 14 dead.", True),
    ("Earlier reports had put the number of dead at 9.", True),
    ("Reports earlier in the day had six killed.", True),
    ("Police said 14 people were killed.", False),
    ("The death toll rose to 20 from an initial 14.", False),
])
def test_superseded_figures_are_flagged_initial(text, initial):
    assert find_counts(text)[0].initial is initial


@pytest.mark.parametrize("text", [
    "Another protester died of his wounds on Thursday.",
    "Another 3 people died in hospital overnight.",
    "A further two soldiers were killed on Monday.",
])
def test_further_deaths_are_flagged_additional(text):
    counts = [c for c in find_counts(text) if c.about == "killed"]
    assert counts and counts[0].additional


@pytest.mark.parametrize("text, update", [
    ("The death toll from Friday's attack has risen to 31.", True),
    ("Another blast raised the toll to 12.", True),
    ("The toll of 12 dead includes two children.", False),
])
def test_toll_updates(text, update):
    counts = [c for c in find_counts(text) if c.about == "killed"]
    assert counts[0].toll_update is update


@pytest.mark.parametrize("text, expected", [
    ("four persons were burnt alive and two killed in police firing.", [("killed", 4, 4), ("killed", 2, 2)]),
    ("Two killed in police firing in the old city.", [("killed", 2, 2)]),
    ("Three villagers were hacked to death.", [("killed", 3, 3)]),
])
def test_headline_style_and_manner_of_death(text, expected):
    assert [(c.about, c.quantity.min, c.quantity.max) for c in find_counts(text)] == expected


@pytest.mark.parametrize("text, about, expected", [
    # "N <victims> and others": at least one more than N, no upper bound
    ("Four soldiers and others were wounded in the ambush.", "injured", (5, None)),
    ("The mortar round killed two guards and others near the gate.", "killed", (3, None)),
    # a coordinated number is still summed, not bumped
    ("Two soldiers and a civilian were killed.", "killed", (3, 3)),
])
def test_and_others_raises_the_minimum(text, about, expected):
    assert _first(text, about) == expected


@pytest.mark.parametrize("text, expected", [
    # a caption or credit glued onto the first word of the lede by scraping
    ("Photo: ReutersTwelve people were killed when gunmen stormed the market.", (12, 12)),
    ("File imageSeven villagers died in the attack.", (7, 7)),
])
def test_number_word_glued_to_a_caption(text, expected):
    assert _first(text, "killed") == expected


def test_glued_lower_case_word_is_not_a_number():
    assert find_counts("The iPhoneone launch drew crowds.") == []


@pytest.mark.parametrize("text, expected", [
    ("The spokesman said 40 of these deaths were due to police firing.", [("killed", 40, 40)]),
    ("Forty of the killings were blamed on the militia.", [("killed", 40, 40)]),
])
def test_a_share_of_a_toll_given_a_cause(text, expected):
    assert [(c.about, c.quantity.min, c.quantity.max) for c in find_counts(text)] == expected


@pytest.mark.parametrize("text, about, expected", [
    ("Two of the three gunmen were killed in the shootout.", "killed", (2, 2)),
    ("One of the two policemen died in hospital on Sunday.", "killed", (1, 1)),
    # the verb names the whole: "killed" is said of the four, "injured" of the 12
    ("Two of the four soldiers killed were officers.", "killed", (4, 4)),
    ("One of the 12 injured later died.", "injured", (12, 12)),
])
def test_part_of_a_whole_counts_the_part_the_verb_is_said_of(text, about, expected):
    assert _first(text, about) == expected
