"""How news articles are laid out, and what that means for events.

* A headline restates the lead event in compressed present tense ("Gunmen kill 12 in Kano"); it is the same event
  as the body's report, not a new one, so headline drafts are folded into the body's event of the same kind and
  only stand alone when the body reports nothing like them.
* An event whose own date lies weeks before publication ("in October", "in March 2019") is background to the
  story, not a current event (ACLED codes it from the report of its own time).
* A list of places sharing one verb ("attacked police posts in Suarez, Caldono and Toribio") is one event per place:
  ACLED records an event per location and day.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re

from spacy.tokens import Doc

from ..records import Article, PlaceMention, Span
from ..resolve.dates import DateMention
from .context import Context
from .drafts import Draft

__all__ = ["BACKGROUND_AFTER_DAYS", "fold_headline", "headline_end", "is_background_date", "split_place_list"]

BACKGROUND_AFTER_DAYS = 15  # "two weeks ago" is still news; "in October" in a December story is background
_VIOLENT = {"Explosions/Remote violence", "Battles", "Violence against civilians"}
# what may stand between two places of one list: "A, B and C", "A region and eastern B province"
_LIST_GAP = re.compile(
    r"^\s*(?:(?:region|province|governorate|district|state|county|municipality)s?\s*)?"
    r"(?:,\s*(?:and|or)?|and|or|as well as)\s*(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ern)?\s+)?$",
    re.IGNORECASE,
)
_HEADLINE_MAX_WORDS = 22
_TITLE_SEARCH_CHARS = 300
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,3}")


def headline_end(article: Article, doc: Doc) -> int:
    """Character offset where the headline ends (0 when the text does not open with one).

    The headline is the article title when the text opens with it (after at most a line or two of page furniture),
    else a short first line without a closing full
    stop that is followed by a blank line (how extracted pages and wire copy put the title above the body).
    """
    text = article.text
    start = len(text) - len(text.lstrip())
    title = (article.title or "").strip()
    if title:
        # extracted pages often put a few words of navigation ("Related topics", a section name) above the title
        at = text.lower().find(title.lower(), 0, start + len(title) + _TITLE_SEARCH_CHARS)
        if at >= 0:
            return at + len(title)
    first, sep, _ = text[start:].partition("\n")
    line = first.strip()
    if sep and line and not line.endswith((".", "\"", "”", ":")) and len(line.split()) <= _HEADLINE_MAX_WORDS \
            and text[start + len(first):].startswith(("\n\n", "\n\r\n", "\r\n\r\n")):
        return start + len(first)
    return 0


def _day_after_period(mention: DateMention) -> dt.date | None:
    """The last day the mention can mean: a month mention covers the whole month, a year the whole year."""
    date = mention.date
    if date is None:
        return None
    if mention.precision == "month":
        return date.replace(day=calendar.monthrange(date.year, date.month)[1])
    if mention.precision == "year":
        return date.replace(month=12, day=31)
    return date


def is_background_date(mention: DateMention | None, published: dt.date | None) -> bool:
    """True when the event's own date ends more than BACKGROUND_AFTER_DAYS before publication."""
    if mention is None or published is None or mention.relative and mention.precision == "week":
        return False
    last = _day_after_period(mention)
    return last is not None and (published - last).days > BACKGROUND_AFTER_DAYS


def _list_member(ctx: Context, match: re.Match[str]) -> PlaceMention:
    """A list member the article-wide pass left out: resolved on its own within the article's main country
    ("Cajibio" in a list of Colombian towns), else kept by name only."""
    span = Span(match.start(), match.end())
    if ctx.country:
        for found in ctx.resolver.find(match.group(), focus=ctx.focus):
            if found.place is not None and found.place.country == ctx.country and found.span.start == 0 \
                    and found.span.end == len(match.group()):
                return dataclasses.replace(found, span=span)
    return _by_name_only(match)


def _by_name_only(match: re.Match[str]) -> PlaceMention:
    """A place the gazetteer does not resolve, kept by its name in location_detail at geo_precision 2."""
    span = Span(match.start(), match.end())
    return PlaceMention(span, match.group(), None, geo_precision=2, detail=match.group(), detail_span=span)


def split_place_list(ctx: Context, draft: Draft) -> list[Draft]:
    """One draft per place when the draft's place is one of a list of places in its sentence ("in A, B and C").

    A real list has its last member after "and"/"or" and only list separators between members; members the
    article-wide pass did not resolve are looked up in the article's country, else kept by name only."""
    if draft.place is None or draft.counts:
        return [draft]  # a shared casualty figure cannot be divided between the places
    text = ctx.article.text
    resolved = {m.span.start: m for m in ctx.places_in(draft.sentence) if m.place is not None}
    items: dict[int, PlaceMention] = dict(resolved)
    names: dict[int, re.Match[str]] = {}
    for match in _CAPITALISED.finditer(text, draft.sentence.start_char, draft.sentence.end_char):
        if match.start() not in items and not any(m.span.start < match.start() < m.span.end for m in resolved.values()):
            items[match.start()] = _by_name_only(match)  # looked up only if it turns out to be a list member
            names[match.start()] = match
    ordered = [items[k] for k in sorted(items)]
    try:
        at = next(i for i, m in enumerate(ordered) if m.span == draft.place.span)
    except StopIteration:
        return [draft]
    group: list[PlaceMention] = [ordered[at]]
    gaps: list[str] = []
    for step in (-1, 1):
        i = at
        while 0 <= i + step < len(ordered):
            a, b = (ordered[i + step], ordered[i]) if step < 0 else (ordered[i], ordered[i + step])
            gap = text[a.span.end:b.span.start]
            if not _LIST_GAP.match(gap) or (a.place and b.place and a.place.feature != b.place.feature):
                break
            gaps.append(gap)
            group.insert(0, ordered[i + step]) if step < 0 else group.append(ordered[i + step])
            i += step
    if not any(re.search(r"\b(?:and|or|as well as)\b", gap) for gap in gaps):
        return [draft]  # "Guican, Boyaca" is a town and its region; a list ends with "and"
    if len(group) < 2:
        return [draft]
    group = [_list_member(ctx, names[m.span.start]) if m.span.start in names else m for m in group]
    return [dataclasses.replace(draft, place=mention, counts=[]) for mention in group]


def _same_kind(body: Draft, headline: Draft) -> bool:
    if body.modality != headline.modality:
        return False
    return body.event_type == headline.event_type or (body.event_type in _VIOLENT and headline.event_type in _VIOLENT)


def fold_headline(events: list[Draft], headline: list[Draft]) -> list[Draft]:
    """Merge each headline draft into the body event it summarises; keep it only when the body has nothing like it.

    The body's place, date and figures win (a headline rounds, generalises to the country, and drops the day);
    the headline's figure is used only when the body gives none, and its sub-type when it is more specific.
    """
    body = list(events)
    kept: list[Draft] = []
    for draft in headline:
        target = next((e for e in body if _same_kind(e, draft) and e.event_type == draft.event_type), None) \
            or next((e for e in body if _same_kind(e, draft)), None)
        if target is None:
            if not any(e.modality == "asserted" for e in body) or draft.modality != "asserted":
                kept.append(draft)
            continue
        if not target.counts:
            target.counts.extend(draft.counts)
        target.place = target.place or draft.place
        target.actor1 = target.actor1 or draft.actor1
        target.actor2 = target.actor2 or draft.actor2
        target.confidence = min(0.98, target.confidence + 0.05)
    return kept + _without_detailed_summaries(body)


def _without_detailed_summaries(events: list[Draft]) -> list[Draft]:
    """Drop a summary ("clashes and attacks across the province") that later events of its kind detail."""
    out = []
    for i, draft in enumerate(events):
        if draft.summary and draft.modality == "asserted" and any(
                _same_kind(later, draft) for later in events[i + 1:] if not later.summary):
            continue
        out.append(draft)
    return out
