"""Where and when a draft event happened: the place and date mentions of its own clause.

A place named in the event's sentence is the event's place unless the text says it is somewhere else's:
where a speaker or agency is ("told AFP in Beirut", "the London-based Observatory", "speaking from Amman",
an "AMMAN —" or "Peshawar:" dateline), where a projectile came from ("fired from the Gaza Strip"), or a
reference point that locates another place ("in Parwan province, north of the capital, Kabul").

A sentence without a date continues the recent day named earlier in its paragraph.

A sentence that names no place of its own continues the scene around it (:func:`inherited_place`): "the
town", "the village" or "there" point back to the last place named; otherwise the last place of the same
paragraph, and for an opening report the first town of the focus country in the next sentences.
"""
from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from ..extract.triggers import load_triggers
from ..nlp import span_text
from ..records import PlaceMention
from ..resolve.dates import SAME_DAY, DateMention
from .context import Context
from .drafts import Draft

__all__ = ["date_for", "inherited_place", "place_for"]

_SPEAKER_PLACE = re.compile(
    r"\b(?:speaking|told|said|spoke|talking|interview\w*)\b[^.]{0,40}\bfrom\s*$|\bfrom\s+(?:the\s+)?$"
    r"|\bbased\s+in\s+(?:the\s+)?$|\btold\s+(?:the\s+)?(?:[A-Z][\w.&’'-]*\s+){1,3}(?:in|from)\s+$"
    r"|\b(?:speaking|spoke)\s+(?:in|from)\s+$",
    re.IGNORECASE,
)
_BASED_AFTER = re.compile(r"^[-‑\s]*based\b", re.IGNORECASE)
# "CAIRO —", "Peshawar:", "BEIRUT (AP) —" at the start of a paragraph: where the reporter files from.
_DATELINE_AFTER = re.compile(r"^,?(?:\s*[A-Z][\w.' ]{1,30})?\s*(?:\([^)]{1,40}\))?\s*(?:[:—–]|--?\s)")
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?|\bkm|kilomet(?:er|re)s|miles)"
    r"\)?\s+(?:of|from)\s+(?:the\s+(?:[a-z]+\s+)?(?:capital|city|town)(?:\s+of)?,?\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:as|while|after|when|but|and|before|amid)\b", re.IGNORECASE)
_PLACE_ANAPHOR = re.compile(
    r"\b(?:the|that|this)\s+(?:same\s+)?(?:town|city|village|area|district|camp|neighbou?rhood|region|province|"
    r"locality|community|settlement)\b(?!\s+of\b)|\bthere\b(?!\s+(?:is|are|was|were|has|have|had|will|would)\b)",
    re.IGNORECASE,
)
_ANAPHOR_FEATURES = {
    "town": ("city", "supplement"), "city": ("city",), "village": ("city", "supplement"),
    "camp": ("city", "supplement"), "neighbourhood": ("supplement", "city"), "neighborhood": ("supplement", "city"),
    "locality": ("city", "supplement"), "community": ("city", "supplement"), "settlement": ("city", "supplement"),
    "district": ("district", "supplement", "city", "admin1"), "province": ("admin1",), "region": ("admin1", "district"),
}
_LOOK_AHEAD_SENTENCES = 3


def _elsewhere(ctx: Context, mention: PlaceMention, floor: int) -> bool:
    """True when the text places a speaker, an origin or a reference point here, not an event."""
    text = ctx.article.text
    before = text[max(floor, mention.span.start - 50):mention.span.start]
    after = text[mention.span.end:mention.span.end + 40]
    if _SPEAKER_PLACE.search(before) or _BASED_AFTER.match(after):
        return True
    line_start = text.rfind("\n", 0, mention.span.start) + 1
    if not text[line_start:mention.span.start].strip() and _DATELINE_AFTER.match(after):
        return True
    return False


def _reference_points(ctx: Context, mentions: list[PlaceMention]) -> set[int]:
    """Indices of mentions that only locate the place named just before them ("X, north of Kabul")."""
    text = ctx.article.text
    out = set()
    for i, mention in enumerate(mentions):
        match = _REFERENCE_BEFORE.search(text[max(0, mention.span.start - 60):mention.span.start])
        if match is None or i == 0:
            continue
        phrase_start = mention.span.start - (len(text[max(0, mention.span.start - 60):mention.span.start]) - match.start())
        gap = text[mentions[i - 1].span.end:phrase_start]
        if len(gap) <= 30 and "." not in gap:
            out.add(i)
    return out


def _event_places(ctx: Context, sentence: SpacySpan) -> list[PlaceMention]:
    mentions = ctx.places_in(sentence)
    references = _reference_points(ctx, mentions)
    return [m for i, m in enumerate(mentions)
            if i not in references and not _elsewhere(ctx, m, sentence.start_char)]


def place_for(ctx: Context, draft: Draft) -> PlaceMention | None:
    candidates = _event_places(ctx, draft.sentence)
    if not candidates:
        return None
    trigger_at = ctx.doc[draft.hit.start].idx

    text = ctx.article.text

    def rank(m: PlaceMention) -> tuple[int, int, int]:
        feature = m.place.feature if m.place else "country"
        level = {"city": 0, "supplement": 0, "district": 1, "admin1": 2, "country": 3}.get(feature, 2)
        # a place before the trigger with a clause boundary in between belongs to another clause
        crossed = m.span.end <= trigger_at and bool(_CLAUSE_BREAK.search(text[m.span.end:trigger_at]))
        return int(crossed), level, abs(m.span.start - trigger_at)

    return min(candidates, key=rank)


def inherited_place(ctx: Context, draft: Draft) -> PlaceMention | None:
    """The place a sentence without one continues (see the module docstring), or None."""
    text = ctx.article.text
    sentence = draft.sentence
    sentences = ctx.sentences
    index = next((i for i, s in enumerate(sentences) if s.start_char == sentence.start_char), None)
    if index is None:
        return None
    earlier = [m for s in sentences[:index] for m in _event_places(ctx, s)]
    local = [m for m in earlier if m.place and m.place.feature != "country"]
    anaphor = _PLACE_ANAPHOR.search(span_text(sentence))
    if anaphor:
        # "the town" points back to a town, "the province" to a province; "there" and "the area" to either.
        noun = anaphor.group(0).split()[-1].lower()
        features = _ANAPHOR_FEATURES.get(noun, ("city", "supplement", "district", "admin1"))
        named = [m for m in local if m.place.feature in features]
        if named:
            return named[-1]
    paragraph_start = text.rfind("\n", 0, sentence.start_char) + 1
    same_paragraph = [m for m in local if m.span.start >= paragraph_start and m.place.country in ctx.focus[:1]]
    if same_paragraph:
        return same_paragraph[-1]
    if local:
        return None  # the article has moved on from an earlier scene; do not guess which
    for later in sentences[index + 1:index + 1 + _LOOK_AHEAD_SENTENCES]:
        towns = [m for m in _event_places(ctx, later)
                 if m.place and m.place.feature in ("city", "supplement", "district") and m.place.country in ctx.focus[:1]]
        if towns:
            return towns[0]
    return None


_TIME_NOUNS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "morning", "afternoon", "evening",
               "night", "hours", "time", "date", "prayer", "prayers"}  # "after Friday prayers" is on Friday


def _names_an_event(noun) -> bool:
    """"last week's attack", "the Dec. 19 signing": the dated noun is itself an event, maybe this one."""
    index = load_triggers()
    return noun.lower_.endswith("ing") or noun.lemma_.lower() in index or noun.lower_ in index


def _dates_another_noun(ctx: Context, draft: Draft, mention: DateMention) -> bool:
    """A date that modifies some other noun ("in connection with the February 27 carnage", "the March 2011
    uprising") dates that thing, not this event."""
    doc = ctx.doc
    token = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if token is None or len(token) == 0:
        return False
    head = token.root
    trigger = range(draft.hit.start, draft.hit.end)
    for _ in range(3):
        governor = head.head
        if governor is head or governor.i in trigger:
            return False
        if head.dep_ in ("compound", "nmod", "amod", "npadvmod", "poss") and governor.pos_ == "NOUN" \
                and governor.lower_ not in _TIME_NOUNS and not _names_an_event(governor):
            return True
        if governor.pos_ in ("VERB", "AUX"):
            return _in_since_clause(governor, trigger)
        if governor.pos_ == "ADP":
            verb = governor.head
            return verb.pos_ in ("VERB", "AUX") and _in_since_clause(verb, trigger)
        head = governor
    return False


def _in_since_clause(verb, trigger: range) -> bool:
    """"the 12th attack since the president took office on May 29": the date starts a period, it dates the
    taking of office, not this event."""
    return verb.i not in trigger and verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)


def date_for(ctx: Context, draft: Draft, previous: DateMention | None) -> DateMention | None:
    sentence = draft.sentence
    mentions = [m for m in ctx.dates_in(sentence) if not _dates_another_noun(ctx, draft, m)]
    if not mentions:
        # A sentence without a date continues the time of the paragraph it is in ("Units combed the old city
        # yesterday. State television said two soldiers were killed ...").
        if (previous is not None and previous.date and previous.relative and previous.precision == "day"
                and "\n" not in ctx.article.text[previous.span.end:sentence.start_char]):
            return previous
        return None
    trigger_at = ctx.doc[draft.hit.start].idx
    best = min(mentions, key=lambda m: abs(m.span.start - trigger_at))
    if best.precision == SAME_DAY:
        if previous and previous.date:
            return DateMention(best.span, previous.date, previous.precision, True)
        return None
    return best
