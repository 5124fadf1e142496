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
