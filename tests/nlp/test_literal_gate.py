"""literal_gate is False only for texts a regex cannot match anywhere in."""
import re
import string
import sys

import pytest

from eventwatch.nlp import _fold, literal_gate

TEXTS = [
    "Gunmen killed 12 people in Kano on Friday, police said.",
    "at least 26 were KILLED and 63 WOUNDED in the same night",
    "The rally in Santiago drew thousands; nobody was hurt.",
    "",
    "ſunday's blaſt: a KELVIN-sign \u212ailled, İn Kano",  # non-ASCII letters re.IGNORECASE matches to ASCII
    "ÉCOLE attaquée à Bamako",
    "Shares rose 4 percent on Tuesday",
]
PATTERNS = [
    re.compile(r"\b(?:killed|wounded|injured|hurt)\b", re.IGNORECASE),
    re.compile(r"\b(?:on )?the same (?:day|night)\b", re.IGNORECASE),
    re.compile(r"\b(?P<w>monday|tuesday|sunday)s?\b(?:'s)?", re.IGNORECASE),
    re.compile(r"\bblast|\bin\s+kano\b", re.IGNORECASE),
    re.compile(r"(?:at least|more than)\s+\d+", re.IGNORECASE),
    re.compile(r"\b(?P<n>\d+)\s+(?:people|were)\b"),
    re.compile(r"[A-Z][a-z]+ (?:said|says)"),
    re.compile(r"(?:very )?(?-i:Kano)", re.IGNORECASE),  # a local case rule promises nothing
    re.compile(r"x*"),  # no literal at all: always True
    re.compile(r"\bécole\b", re.IGNORECASE),
]


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern)
def test_a_closed_gate_means_no_match(pattern):
    gate = literal_gate(pattern)
    for text in TEXTS:
        if pattern.search(text):
            assert gate(text), text


def test_the_gate_closes_on_texts_without_the_words():
    assert not literal_gate(PATTERNS[0])("Shares rose 4 percent on Tuesday")
    assert not literal_gate(PATTERNS[2])("Gunmen killed 12 people in Kano")
    assert literal_gate(PATTERNS[8])("anything")


def test_fold_maps_every_character_ignorecase_matches_to_its_letter():
    others = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for letter in string.ascii_lowercase:
        for match in re.finditer(letter, others, re.IGNORECASE):
            assert _fold(match.group(0)) == letter
