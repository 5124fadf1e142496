"""Where and when a draft event happened: the place and date mentions of its own clause."""
from __future__ import annotations

import re

from ..records import PlaceMention
from ..resolve.dates import SAME_DAY, DateMention
from .context import Context
from .drafts import Draft

__all__ = ["date_for", "place_for"]

_SPEAKER_PLACE = re.compile(r"\b(?:speaking|told|said|spoke|talking|interview\w*)\b[^.]{0,40}\bfrom\s*$|\bfrom\s*$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:as|while|after|when|but|and|before|amid)\b", re.IGNORECASE)


def place_for(ctx: Context, draft: Draft) -> PlaceMention | None:
    candidates = []
    for mention in ctx.places_in(draft.sentence):
        before = ctx.article.text[max(draft.sentence.start_char, mention.span.start - 50):mention.span.start]
        if _SPEAKER_PLACE.search(before):
            continue
        candidates.append(mention)
    if not candidates:
        return None
    trigger_at = ctx.doc[draft.hit.start].idx

    text = ctx.article.text

    def rank(m: PlaceMention) -> tuple[int, int, int]:
        feature = m.place.feature if m.place else "country"
        level = {"city": 0, "supplement": 0, "admin1": 1, "country": 2}.get(feature, 1)
        # a place before the trigger with a clause boundary in between belongs to another clause
        crossed = m.span.end <= trigger_at and bool(_CLAUSE_BREAK.search(text[m.span.end:trigger_at]))
        return int(crossed), level, abs(m.span.start - trigger_at)

    return min(candidates, key=rank)


def date_for(ctx: Context, draft: Draft, previous: DateMention | None) -> DateMention | None:
    sentence = draft.sentence
    mentions = ctx.dates_in(sentence)
    if not mentions:
        return None
    trigger_at = ctx.doc[draft.hit.start].idx
    best = min(mentions, key=lambda m: abs(m.span.start - trigger_at))
    if best.precision == SAME_DAY:
        if previous and previous.date:
            return DateMention(best.span, previous.date, previous.precision, True)
        return None
    return best
