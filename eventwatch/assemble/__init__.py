"""Mentions -> one Event per real event in the article.

Per sentence: trigger hits are grouped into events by ACLED decision rules (an explosion that kills is one
Explosions event, not an explosion plus a killing; killed protesters make "Excessive force against protesters";
clashes and a bombing in one sentence stay two events). Across sentences, a later mention merges into an earlier
event when it refers back ("the blast", "the attack") or agrees on type, place and date, so each real event is
reported once with all its casualty claims.
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..extract.claims import find_attribution
from ..extract.modality import is_aggregate_toll
from ..extract.quantities import find_counts
from ..extract.triggers import acled_cameo, find_triggers
from ..records import Article, Event, Span, Statement, content_id
from ..resolve.dates import DateMention
from ..nlp import span_text
from .context import ActorLookup, Context, PlaceLookup
from .casualties import attach_counts, casualty_range, draft_claims
from .drafts import Draft, retype_by_target, sentence_drafts
from .layout import fold_headline, headline_end, is_background_date, split_place_list
from .merge import compatible, merge
from .roles import actor_for, finish_actors
from .speech import LastSpeaker, distinct_statements, sentence_statements, speaker_resolver
from .where import date_for, inherited_place, place_for

__all__ = ["assemble", "ActorLookup", "PlaceLookup"]


def assemble(article: Article, doc: Doc, *, places: PlaceLookup, actors: ActorLookup) -> tuple[list[Event], list[Statement]]:
    ctx = Context(article, doc, places, actors)
    events: list[Draft] = []
    headline: list[Draft] = []
    statements: list[Statement] = []
    last_speaker = LastSpeaker(ctx.sentences)
    speaker = speaker_resolver(ctx, last_speaker)
    previous: DateMention | None = None  # the last date named before this sentence ("on the same day")
    unread: list[SpacySpan] = []  # the sentences since: their dates are read when an event needs `previous`
    title_end = headline_end(article, doc)
    for sentence in ctx.sentences:
        statements.extend(sentence_statements(ctx, sentence, speaker))
        last_speaker.sentence_done()
        last_event = events[-1] if events else None
        # A sentence's figures and claimant go to its own events or to the event before it: before any event, a
        # sentence without a trigger has neither, so they are not read.
        if last_event is not None or find_triggers(sentence):
            attribution = find_attribution(sentence)
            counts = find_counts(span_text(sentence), offset=sentence.start_char)
        else:
            attribution, counts = None, []
        drafts = sentence_drafts(ctx, sentence, counts)
        attach_counts(drafts, counts, attribution, sentence, aggregate=is_aggregate_toll(span_text(sentence)),
                      previous=last_event)
        in_headline = sentence.start_char < title_end
        if drafts:
            previous = _latest_date(ctx, unread, previous)
            unread.clear()
        for draft in drafts:
            draft.place = place_for(ctx, draft)
            draft.date = date_for(ctx, draft, previous)
            if draft.modality == "asserted" and is_background_date(draft.date, article.published):
                draft.modality = "historical"
            actor_for(ctx, draft, attribution)
            retype_by_target(ctx, draft)
            for part in split_place_list(ctx, draft):
                _add(headline if in_headline else events, part, default_date=ctx.default_date)
        unread.append(sentence)
    for draft in events:  # after merging, so a guessed place never keeps two mentions of one event apart
        if draft.place is None or draft.place.place is not None and draft.place.place.feature == "country":
            found = inherited_place(ctx, draft)
            if found is not None and (draft.place is None or found.place is None
                                      or found.place.country == draft.place.place.country):
                draft.place = found
    return [to_event(ctx, draft) for draft in fold_headline(events, headline)], distinct_statements(statements)


def _latest_date(ctx: Context, sentences: list[SpacySpan], latest: DateMention | None) -> DateMention | None:
    """The last dated mention in ``sentences``, or ``latest`` when they name no date."""
    for sentence in sentences:
        for mention in ctx.dates_in(sentence):
            if mention.date:
                latest = mention
    return latest


def _add(events: list[Draft], draft: Draft, *, default_date: dt.date | None) -> None:
    """Merge ``draft`` into the latest earlier event it refers to, or start a new event."""
    for existing in reversed(events):
        if compatible(existing, draft, default_date=default_date):
            merge(existing, draft)
            return
    events.append(draft)


def to_event(ctx: Context, draft: Draft) -> Event:
    article = ctx.article
    text = article.text
    place = draft.place.place if draft.place else None
    country = place.country if place else ctx.country
    finish_actors(ctx, draft, country)
    claims, used_counts = draft_claims(ctx, draft)
    evidence_span = Span(draft.sentence.start_char, draft.sentence.end_char)
    spans: list[tuple[str, Span]] = [("event_type", Span(ctx.doc[draft.hit.start].idx, ctx.doc[draft.hit.end - 1].idx + len(ctx.doc[draft.hit.end - 1].text)))]
    if draft.place:
        spans.append(("location", draft.place.span))
        if draft.place.detail_span:
            spans.append(("location_detail", draft.place.detail_span))
    date_mention = draft.date
    if date_mention and date_mention.date:
        date, precision = date_mention.date, date_mention.precision
        spans.append(("date", date_mention.span))
    elif ctx.lede_date and ctx.lede_date.date:
        date, precision = ctx.lede_date.date, "day"
        spans.append(("date", ctx.lede_date.span))
    elif article.published:
        date, precision = article.published, "week"
    else:
        date, precision = None, None
    if draft.actor1 and draft.actor1[1]:
        spans.append(("actor1", draft.actor1[1]))
    if draft.actor2 and draft.actor2[1]:
        spans.append(("actor2", draft.actor2[1]))
    fatalities = casualty_range(claims, used_counts, "killed")
    injured = casualty_range(claims, used_counts, "injured")
    if fatalities and fatalities.span:
        spans.append(("fatalities", fatalities.span))
    if injured and injured.span:
        spans.append(("injured", injured.span))
    return Event(
        id=content_id(article.id, evidence_span.start, draft.hit.start, draft.event_type, draft.sub_event_type, draft.modality),
        event_type=draft.event_type,
        sub_event_type=draft.sub_event_type,
        modality=draft.modality,  # type: ignore[arg-type]
        evidence=evidence_span.text(text),
        evidence_span=evidence_span,
        date=date,
        date_precision=precision,  # type: ignore[arg-type]
        location=place.name if place and place.feature != "country" else None,
        location_detail=draft.place.detail if draft.place else None,
        admin1=place.admin1 if place else None,
        country=country,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geonameid=place.geonameid if place else None,
        geo_precision=draft.place.geo_precision if draft.place else (3 if country else None),
        actor1=draft.actor1[0] if draft.actor1 else None,
        actor2=draft.actor2[0] if draft.actor2 else None,
        fatalities=fatalities,
        injured=injured,
        claims=tuple(claims),
        cameo=acled_cameo(draft.event_type, draft.sub_event_type),
        confidence=draft.confidence,
        trigger=ctx.doc[draft.hit.start:draft.hit.end].text,
        spans=tuple(spans),
    )
