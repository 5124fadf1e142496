"""Article-level statement rules that need no parse: one statement per thing said."""
import pytest

from eventwatch.assemble.speech import distinct_statements
from eventwatch.records import Span, Statement


def _statement(evidence, *, kind="THREATEN", source="Boko Haram", target="Government of Nigeria", trigger="threatens", start=0):
    return Statement(id=f"{kind}-{start}", type=kind, cameo=None, source=source, target=target, evidence=evidence,
                     evidence_span=Span(start, start + len(evidence)), trigger=trigger)


@pytest.mark.parametrize("headline, lede", [
    ("Group threatens to kill president", "The group threatens to kill the president and the army chief in a new video."),
    ("Army issues warning to rebels", "The army today issued a clear warning to rebels holding the north."),
    ("Ministry denies report", "The ministry denied the report on Tuesday, calling it fabricated."),
])
def test_headline_and_lede_are_one_statement_kept_at_the_fuller_sentence(headline, lede):
    kept = distinct_statements([_statement(headline), _statement(lede, start=100)])
    assert [s.evidence for s in kept] == [lede]


@pytest.mark.parametrize("first, second", [
    (dict(target="Arab League"), dict(target="United Nations")),
    (dict(source="Opposition (Syria)"), dict(source="Government of Syria")),
    (dict(kind="ACCUSE", trigger="accused"), dict(kind="REJECT", trigger="denied")),
])
def test_different_parties_or_types_stay_apart(first, second):
    kept = distinct_statements([_statement("We ask them to come.", **first),
                                _statement("We ask them to come and see.", start=50, **second)])
    assert len(kept) == 2
