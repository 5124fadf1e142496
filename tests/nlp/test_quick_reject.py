"""quick_reject adds a first-character lookahead to a regex without changing any match."""
import re

import pytest

from eventwatch.nlp import quick_reject

TEXTS = [
    "Gunmen killed 12 people in Kano on Friday, police said.",
    "at least 26 were killed and 63 WOUNDED",
    "The rally in Santiago drew thousands; nobody was hurt.",
    "",
    "  leading spaces, Killing and wounding dozens",
    "ÉCOLE attaquée à Bamako",
]
PATTERNS = [
    re.compile(r"\b(?:killed|wounded|injured|hurt)\b", re.IGNORECASE),
    re.compile(r"\b(?P<n>\d+)\s+(?:people|were)\b"),
    re.compile(r"(?:at least|more than)\s+\d+", re.IGNORECASE),
    re.compile(r"[A-Z][a-z]+"),
    re.compile(r"\s*nobody"),  # may begin with whitespace
    re.compile(r"x*"),  # can match the empty string: returned unchanged
    re.compile(r"\bécole\b", re.IGNORECASE),
]


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern)
def test_same_matches_spans_and_groups(pattern):
    fast = quick_reject(pattern)
    for text in TEXTS:
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
               [(m.span(), m.groups()) for m in pattern.finditer(text)]
        for start in range(0, len(text), 7):
            slow_match, fast_match = pattern.search(text, start), fast.search(text, start)
            assert (slow_match and slow_match.span()) == (fast_match and fast_match.span())


def test_patterns_it_cannot_help_come_back_unchanged():
    empty = re.compile(r"x*")
    assert quick_reject(empty) is empty
