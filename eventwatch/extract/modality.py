"""Modality of a trigger: did the event happen (asserted), or is it threatened, planned, denied, hypothetical,
commemorated or background history?

The rules read the dependency parse around the trigger: negation children, modal auxiliaries, governing verbs of
intention, threat, denial and appeal, conditional clauses, questions, and markers of anniversaries and period tolls.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token
from ..nlp import Gated, quick_reject, span_text

__all__ = ["trigger_modality", "is_aggregate_toll", "sentence_is_background"]

_FUTURE_GOVERNORS = {
    "threaten", "vow", "plan", "pledge", "promise", "intend", "prepare", "aim", "seek", "want", "warn", "plot",
    "vowed", "threatened", "plot", "schedule", "announce", "call", "urge", "demand", "ask", "appeal", "order",
    "expect", "hope", "try", "attempt", "consider", "propose", "decide", "agree", "refuse", "fail", "avoid",
    "prevent", "stop", "deter", "fear", "risk",
}
_NEGATING_GOVERNORS = {"deny", "reject", "dismiss", "refute", "disavow", "rule", "doubt", "unable"}
_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must", "can"}
# "capable of striking", "able to hit", "designed to intercept": a capability, not an event
_CAPABILITY_GOVERNORS = {"capable", "able", "design", "designed", "equip", "equipped", "train", "trained"}
# "have periodically exchanged fire", "routinely raid": a pattern of events, not one event
_HABITUAL = {"periodically", "regularly", "routinely", "frequently", "often", "sometimes", "occasionally",
             "usually", "typically", "constantly", "continually", "habitually"}
# "the two-year battle", "a six-month-old revolt", "the decade-long insurgency": a campaign, not an incident
_DURATION = re.compile(r"^(?:\w+-)?(?:\w+-)?(?:years?|months?|decades?)(?:-long|-old)?$|^(?:years?|months?|decades?)-long$",
                       re.IGNORECASE)
_REASON_MARKS = {"because", "since", "as"}
# "the uprising has killed 20,000", "the war has displaced millions": a campaign's toll, not an incident
_CAMPAIGN_SUBJECTS = {"uprising", "insurgency", "war", "conflict", "crackdown", "unrest", "revolt", "revolution",
                      "rebellion", "violence", "campaign", "civil war", "bloodshed", "turmoil", "crisis", "jihad"}
_RESULT_VERBS = {"kill", "wound", "injure", "leave", "claim"}
_IMPLICATIVE = {"manage", "succeed", "begin", "start", "continue", "proceed", "resume", "go", "come", "help"}
_CAMPAIGN_NOUNS = {"fight", "war", "struggle", "campaign", "battle", "crackdown", "offensive"}
_PERIOD_NOUNS = {"weeks", "months", "years", "decades"}
_RECENT = {"recent", "past", "last", "previous"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
# The sentence-wide patterns run behind literal gates: most sentences hold none of their words.
_ANNIVERSARY = Gated(quick_reject(re.compile(
    r"\b(?:anniversary|anniversaries|commemorat\w*|memorial|mark(?:s|ed|ing)? (?:\w+ )?(?:years?|months?|decades?) since|"
    r"(?:years?|decades?) ago|remembrance|in memory of)\b",
    re.IGNORECASE,
)))
_AGGREGATE = Gated(quick_reject(re.compile(
    r"\b(?:since (?:the (?:start|beginning|outbreak)|the uprising|the conflict|the war|the crackdown|the revolt|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|\d{4}))|"
    r"(?:over|in|during) the (?:past|last) (?:\w+ )?(?:weeks|months|years|decades?)|so far this year|this year alone|"
    r"across the country|nationwide|throughout the country|(?:\w+-)?(?:month|year)-long|"
    r"(?:ten|\w+)-month|in (?:the )?(?:\w+ )?(?:months|years) of|since it began|to date|in total since|"
    r"since the (?:\w+ )?\w+ (?:began|started|erupted|broke out))\b",
    re.IGNORECASE,
)))
_YEAR = Gated(quick_reject(re.compile(r"(?<![\d,.])\b(1[89]\d\d|20\d\d)\b")))
# after a four-digit number: a clock time ("at 1930 hours") or a count ("fired 2000 rounds", "nearly 1800 people")
_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:hours|hrs|hr|h)\b|\s+(?!(?:was|has|its|this|thus|his|is|as|us)\b)(?:[a-z]+s|people|men|women|police)\b",
    re.IGNORECASE)
# ... unless a determiner or preposition makes it a year that modifies the noun ("the 1993 riots", "in 2001 polls")
_YEAR_BEFORE = quick_reject(re.compile(r"\b(?:the|its|his|her|their|in|since|during)\s+$", re.IGNORECASE))
_PAST_REFERENCE = Gated(quick_reject(re.compile(
    r"\b(?:last year|years? ago|in the past|previously|earlier this year|back in)\b", re.IGNORECASE)))
# a day of the current news ("on Tuesday", "yesterday"): a trigger nearer to it than to a year or a past
# reference in the same sentence is today's event, and the year dates something else the sentence mentions
_RECENT_DAY = Gated(quick_reject(re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"last night|this (?:morning|afternoon|evening))\b", re.IGNORECASE)))


def _clause_chain(token: Token) -> list[Token]:
    """The token and its syntactic governors up to the root, twelve entries: spaCy makes a new Token for every
    ``.head``, so the root (its own head) repeats to the end of the chain."""
    chain = [token]
    while len(chain) < 12:
        head = chain[-1].head
        if head.i == chain[-1].i:
            chain.extend([head] * (12 - len(chain)))  # the repeats are the same token; no need to ask again
            break
        chain.append(head)
    return chain


def _past_ability(token: Token) -> bool:
    """"were able to arrest": an ability in the past tense reports that the act happened."""
    if token.lemma_.lower() != "able":
        return False
    past = ("was", "were")
    return token.dep_ == "acomp" and token.head.lower_ in past or any(
        c.dep_ in ("cop", "aux") and c.lower_ in past for c in token.children)


def _finite_past(token: Token) -> bool:
    """A past-tense clause under the governor reports what happened: "announced that he had defected",
    "warned that gunmen attacked the village" (unlike "threatened to attack", "announced it would strike")."""
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if token.dep_ == "oprd" and token.tag_ == "VBD" and not aux and any(c.dep_ == "nsubj" for c in token.children):
        return True  # a finite past clause with its own subject, however the parser attached it
    return token.dep_ == "ccomp" and (token.tag_ == "VBD" and not aux or bool(aux & {"had", "has", "have", "was", "were"}))


def trigger_modality(sentence: SpacySpan, head: Token, *, published: dt.date | None) -> str:
    """asserted | negated | hypothetical | future | historical for the trigger whose head token is ``head``."""
    text = span_text(sentence)
    chain = _clause_chain(head)
    for depth, token in enumerate(chain):
        lemma = token.lemma_.lower() or token.lower_
        pos, tag, dep = token.pos_, token.tag_, token.dep_
        children = list(token.children)
        deps = {c.dep_ for c in children}  # most rules look for one kind of child: a set test spares the scan
        if "neg" in deps and pos in ("VERB", "AUX") or (
            depth == 0 and deps & {"det", "neg"} and any(c.lower_ in ("no", "never") and c.dep_ in ("det", "neg")
                                                          for c in children)
        ):
            return "negated"
        if (depth == 0 or depth == 1 and chain[0].dep_ in ("oprd", "xcomp")) and deps & {"nsubj", "nsubjpass"} and any(
                c.dep_ in ("nsubj", "nsubjpass") and (
                c.lower_ in ("nobody", "none", "noone") or c.lower_ == "one" and any(d.lower_ == "no" for d in c.children)
                or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in children):
            return "negated"  # "no youths were injured", "nobody was hurt", "no one was killed"
        if depth > 0 and lemma in _NEGATING_GOVERNORS:
            return "negated"
        if depth > 0 and lemma in _CAPABILITY_GOVERNORS and pos in ("ADJ", "VERB"):
            if _past_ability(token):
                return "asserted"  # "police were able to arrest the gang": it happened
            return "hypothetical"
        if "advmod" in deps and any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in children):
            return "historical"
        if depth == 0 and pos in ("NOUN", "PROPN") and deps & {"amod", "compound", "nmod"} and any(
                c.dep_ in ("amod", "compound", "nmod") and _DURATION.match(c.text) for c in children):
            return "historical"
        if depth == 0 and tag == "VB" and "aux" in deps and any(c.dep_ == "aux" and c.lower_ == "to" for c in children) \
                and token.head.lemma_.lower() not in _IMPLICATIVE and not _past_ability(token.head):
            return "future"  # "an offensive to retake the town", "sent troops to crush the revolt": a purpose
        if depth == 0 and dep == "acl" and tag == "VBG" and token.head.pos_ == "NOUN" \
                and lemma not in _RESULT_VERBS:  # "fired 40 rounds, killing two": a result, not a description
            return "historical"  # "a visit to troops fighting the insurgents": describes the people, ongoing
        if depth == 0 and pos == "NOUN" and lemma in _CAMPAIGN_NOUNS and "poss" in deps:
            return "historical"  # "their fight against organised crime", "its war on drugs"
        if pos == "VERB" and "nsubj" in deps and any(c.dep_ == "nsubj" and c.lemma_.lower() in _CAMPAIGN_SUBJECTS
                                                     for c in children):
            return "historical"
        if depth == 0 and dep == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _PERIOD_NOUNS:
            return "historical"  # "after months of protests", "years of fighting"
        if "prep" in deps and any(c.dep_ == "prep" and c.lower_ in ("in", "over", "during") and any(
                g.dep_ == "pobj" and g.lower_ in _PERIOD_NOUNS and any(a.lower_ in _RECENT for a in g.children)
                for g in c.children) for c in children):
            return "historical"  # "mounted several raids in recent weeks"
        if dep == "advcl" and tag == "VBG" and any(c.dep_ == "mark" and c.lower_ in _REASON_MARKS for c in children):
            return "historical"  # "defected because the army is killing protesters": an ongoing cause
        if depth > 0 and lemma in _FUTURE_GOVERNORS and pos in ("VERB", "NOUN") and not _finite_past(chain[depth - 1]):
            # "vowed to strike back", "threatened to attack", "calls for an end to the bombing"
            if any(t.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "advcl") for t in chain[:depth]) or depth == 1:
                return "future" if lemma not in ("fear", "risk", "prevent", "avoid", "fail", "refuse", "stop", "deter") else "hypothetical"
        aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")} if deps & {"aux", "auxpass"} else set()
        if pos in ("VERB", "AUX") or depth == 0:
            if aux & _FUTURE_AUX or "going" in aux and any(c.lower_ == "to" for c in children):
                return "future"
            if aux & _HYPOTHETICAL_AUX:
                return "hypothetical"
            if "mark" in deps and any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children):
                return "hypothetical"
        if dep == "ROOT":
            break
        if dep == "relcl" and (tag == "VBD" or tag == "VBN" and any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had", "has", "have") for c in children)):
            break  # "a probe into the firing in which one person was killed": the relative clause is a fact
    marks = _time_marks(text)
    if marks.question:
        return "hypothetical"
    if marks.anniversary:
        return "historical"
    at = head.idx - sentence.start_char
    if published is not None:
        for start, year in marks.years:
            if (year < published.year - 1 or year < published.year and published.month > 2) \
                    and not _nearer_recent_day(at, start, marks.recent):
                return "historical"
    if any(not _nearer_recent_day(at, start, marks.recent) for start in marks.past):
        return "historical"
    return "asserted"


class _TimeMarks(NamedTuple):
    question: bool
    anniversary: bool
    recent: tuple[int, ...]  # starts of days of the current news ("on Tuesday", "yesterday")
    years: tuple[tuple[int, int], ...]  # (start, year) of the numbers read as years
    past: tuple[int, ...]  # starts of past references ("last year", "previously")


@lru_cache(maxsize=256)
def _time_marks(text: str) -> _TimeMarks:
    """What a sentence says about time, read once however many of its triggers ask."""
    years = tuple((match.start(), int(match.group(1))) for match in _YEAR.finditer(text)
                  if not (_NOT_A_YEAR_AFTER.match(text, match.end()) and not _YEAR_BEFORE.search(text[:match.start()])))
    return _TimeMarks(text.rstrip().endswith("?"), bool(_ANNIVERSARY.search(text)),
                      tuple(match.start() for match in _RECENT_DAY.finditer(text)), years,
                      tuple(match.start() for match in _PAST_REFERENCE.finditer(text)))


def _nearer_recent_day(at: int, past_at: int, recent: tuple[int, ...]) -> bool:
    return any(abs(day - at) < abs(past_at - at) for day in recent)


# "across Syria", "throughout northern Nigeria": a country- or region-wide figure (case matters: a proper name)
_ACROSS_NAMED = Gated(quick_reject(re.compile(
    r"\b(?:[Aa]cross|[Tt]hroughout|[Aa]ll over) (?:the )?(?:(?:[a-z]+ern|central) )?[A-Z][a-z]+")))


@lru_cache(maxsize=256)  # asked for each sentence by both the drafting and the casualty rules
def is_aggregate_toll(text: str) -> bool:
    """A toll over a period or a whole country ("thousands killed across the country since March")."""
    return bool(_AGGREGATE.search(text) or _ACROSS_NAMED.search(text))


def sentence_is_background(text: str) -> bool:
    return bool(_ANNIVERSARY.search(text))
