"""What the per-sentence assembly rules consult: the lookups they are given and the article-wide context."""
from __future__ import annotations

import datetime as dt
import re
from functools import cached_property
from typing import Protocol, Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..nlp import Gated, doc_text, quick_reject, span_text
from ..records import Actor, ActorMention, Article, PlaceMention, Span
from ..resolve.dates import DateMention, find_dates, reference_dates

__all__ = ["ActorLookup", "Context", "PlaceLookup"]


class PlaceLookup(Protocol):
    def country_focus(self, text: str, *, title: str | None = None,
                      candidates: Sequence[tuple[int, int, str]] = ()) -> list[str]: ...

    def find(self, text: str, *, candidates: Sequence[tuple[int, int, str]] = (),
             focus: Sequence[str] = ()) -> list[PlaceMention]: ...


class ActorLookup(Protocol):
    def find(self, text: str, *, focus_country: str | None = None) -> list[ActorMention]: ...

    def generic(self, role: str, country: str | None) -> Actor: ...

    def government(self, country: str | None) -> Actor: ...

    def claimant_type(self, phrase: str, *, focus_country: str | None = None) -> str: ...

# Sport reporting: words only sport uses (strong) and words it shares with other news (weak: "Arab League", "a
# police shootout", "the club"). Two different strong words and two weak ones, or three strong, make a sports story.
# Both run over every article, behind their literal gates.
_SPORT_STRONG = Gated(quick_reject(re.compile(
    r"\b(?:goals?|striker|midfielder|goalkeeper|defender|scored|referee|the ball|equali[sz]er|six-yard|hat-trick|"
    r"penalty (?:kick|area|spot|shoot-?out)|free kick|half-time|extra time|innings|wickets?|tournament|championship|"
    r"fixture|kick-off|stadium|football|soccer|cricket|rugby|tennis|basketball|premier league|champions league|world cup)\b",
    re.IGNORECASE,
)))
_SPORT_WEAK = Gated(quick_reject(re.compile(
    r"\b(?:match|matches|season|coach|manager|fans|league|cup|club|squad|win|won|shootout)\b", re.IGNORECASE)))


def _is_sport(text: str) -> bool:
    strong = {m.lower() for m in _SPORT_STRONG.findall(text)}
    weak = {m.lower() for m in _SPORT_WEAK.findall(text)}
    return len(strong) >= 3 or (len(strong) >= 2 and len(weak) >= 2)


class Context:
    """Everything resolved once per article that the per-sentence rules consult."""

    def __init__(self, article: Article, doc: Doc, places: PlaceLookup, actors: ActorLookup) -> None:
        self.article = article
        self.doc = doc
        self.sentences: list[SpacySpan] = list(doc.sents)  # spaCy rebuilds doc.sents on every access
        self.actors = actors
        self.resolver = places
        self.headline = article.title or article.text.lstrip().partition("\n")[0][:200]
        self._dates: dict[int, list[DateMention]] = {}

    # The article-wide resolutions below are computed on first use: an article without any event or statement
    # trigger (business, sport, weather) never needs its places, actors or dates resolved.

    @cached_property
    def _date_anchors(self) -> list[dt.date]:
        # An undated article's own full dates are the only anchor its weekdays can be read against.
        return reference_dates(self.article.text) if self.article.published is None else []

    @cached_property
    def _entities(self) -> list[tuple[int, int, str]]:
        return [(e.start_char, e.end_char, e.label_) for e in self.doc.ents]

    @cached_property
    def focus(self) -> list[str]:
        return self.resolver.country_focus(self.article.text, title=self.article.title, candidates=self._entities)

    @cached_property
    def country(self) -> str | None:
        return self.focus[0] if self.focus else None

    @cached_property
    def actor_mentions(self) -> list[ActorMention]:
        return self.actors.find(self.article.text, focus_country=self.country)

    @cached_property
    def places(self) -> list[PlaceMention]:
        # A place name inside a person's name ("David Hartwell") or a named organisation ("SANA") is not a place;
        # a span the model calls a person that the resolver accepted as a whole ("Datta Khel town") is.
        text = doc_text(self.doc)
        people = [Span(s, e) for s, e, label in self._entities if label == "PERSON" and " " in text[s:e].strip()]
        named = [m.span for m in self.actor_mentions if m.actor.kind == "named"]
        return [m for m in self.resolver.find(self.article.text, candidates=self._entities, focus=self.focus)
                if m.place and not any(b.overlaps(m.span) for b in named)
                and not any(p.overlaps(m.span) and p != m.span for p in people)]

    @cached_property
    def sport(self) -> bool:
        return _is_sport(self.article.text)

    @cached_property
    def lede_date(self) -> DateMention | None:
        return self._lede_date()

    @cached_property
    def default_date(self) -> dt.date | None:
        """The date an undated event will get: the lede's day, else the publication date."""
        return self.lede_date.date if self.lede_date else self.article.published

    def dates_in(self, sentence: SpacySpan) -> list[DateMention]:
        """The date mentions of a sentence, found once however many rules ask."""
        found = self._dates.get(sentence.start_char)
        if found is None:
            found = find_dates(span_text(sentence), published=self.article.published, offset=sentence.start_char,
                               anchors=self._date_anchors)
            self._dates[sentence.start_char] = found
        return found

    def _lede_date(self) -> DateMention | None:
        # Without a publication date there is nothing else to fall back on: the article's first day it dates
        # itself by ("on 12 July", "on Thursday" read against its own full dates) stands for the whole report.
        sentences = self.sentences
        for sentence in sentences[:3] if self.article.published else sentences:
            for mention in self.dates_in(sentence):
                if mention.date and mention.relative and mention.precision == "day":
                    return mention
        return None

    def places_in(self, sentence: SpacySpan) -> list[PlaceMention]:
        return [m for m in self.places if sentence.start_char <= m.span.start < sentence.end_char]

    def actors_in(self, sentence: SpacySpan) -> list[ActorMention]:
        return [m for m in self.actor_mentions if sentence.start_char <= m.span.start < sentence.end_char]
