"""Typed records passed between the stages. Dicts appear only at the I/O edges (``to_dict``).

Every extracted value carries a :class:`Span` of character offsets into ``Article.text`` so a user can
see where it came from: ``article.text[span.start:span.end]`` is the evidence.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "Span",
    "Article",
    "Skipped",
    "Place",
    "PlaceMention",
    "Actor",
    "ActorMention",
    "Quantity",
    "Claim",
    "Event",
    "Statement",
    "Result",
    "Incident",
    "CLAIMANT_TYPES",
    "CLAIM_ABOUT",
    "MODALITIES",
    "content_id",
]

CLAIMANT_TYPES = (
    "government", "military", "opposition", "armed_group", "activists", "witnesses",
    "medical", "media", "igo", "ngo", "unknown",
)
CLAIM_ABOUT = ("killed", "injured", "missing", "arrested", "displaced", "bodies_found")
MODALITIES = ("asserted", "negated", "hypothetical", "future", "historical")

Modality = Literal["asserted", "negated", "hypothetical", "future", "historical"]
DatePrecision = Literal["day", "week", "month", "year"]


def content_id(*parts: object, length: int = 16) -> str:
    """A stable id from content, so re-coding the same text gives the same ids (idempotent ingest)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character offsets ``[start, end)`` into ``Article.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def text(self, source: str) -> str:
        return source[self.start:self.end]

    def to_list(self) -> list[int]:
        return [self.start, self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def cover(self, other: Span) -> Span:
        return Span(min(self.start, other.start), max(self.end, other.end))


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    published: dt.date | None = None
    language: str | None = "en"
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    source: str | None = None  # where it was read from (path, "-", URL)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
        }


@dataclass(frozen=True)
class Skipped:
    """An input that was not coded, and why. Never a silent drop."""

    reason: str  # "empty" | "not English" | "not text" | "malformed JSON: ..." | ...
    source: str | None = None  # path, "-", URL, or "path:line"
    id: str | None = None  # article id if one was known (JSONL id, content hash of raw bytes)


@dataclass(frozen=True)
class Place:
    """A gazetteer entry (GeoNames-derived or the curated supplement)."""

    name: str
    country: str  # ISO 3166-1 alpha-2
    latitude: float
    longitude: float
    geonameid: int | None = None
    admin1: str | None = None  # admin1 name, e.g. "Hama"
    feature: str = "city"  # city | admin1 | district | country | supplement
    population: int = 0


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text, resolved (or not) against the gazetteer."""

    span: Span
    surface: str
    place: Place | None
    geo_precision: int = 1  # ACLED: 1 town itself, 2 near town / part of region, 3 only region
    detail: str | None = None  # finer place the gazetteer lacks (neighbourhood, village)
    detail_span: Span | None = None
    component: str = "places"


@dataclass(frozen=True)
class Actor:
    """An ACLED-style actor with inter code and CAMEO code."""

    name: str
    inter: int | None = None  # ACLED inter code 1-8
    country: str | None = None  # ISO alpha-2 of the actor's home, if known
    cameo: str | None = None  # CAMEO actor code, e.g. "SYRMIL"
    kind: str = "generic"  # generic | named | person


@dataclass(frozen=True)
class ActorMention:
    span: Span
    surface: str
    actor: Actor
    component: str = "actors"


@dataclass(frozen=True)
class Quantity:
    """A count with bounds. ``min=None`` means no lower bound stated; ``max=None`` no upper bound."""

    min: int | None
    max: int | None
    approximate: bool = False
    span: Span | None = None

    def to_dict(self) -> dict[str, int | None]:
        return {"min": self.min, "max": self.max}


@dataclass(frozen=True)
class Claim:
    """One figure (or attribution) asserted by one claimant."""

    claimant: str
    claimant_type: str
    about: str  # one of CLAIM_ABOUT
    min: int | None
    max: int | None
    approximate: bool
    quote: str
    span: Span
    claimant_span: Span | None = None
    component: str = "claims"

    def to_dict(self) -> dict[str, Any]:
        return {
            "claimant": self.claimant,
            "claimant_type": self.claimant_type,
            "about": self.about,
            "min": self.min,
            "max": self.max,
            "approximate": self.approximate,
            "quote": self.quote,
            "span": self.span.to_list(),
            "claimant_span": self.claimant_span.to_list() if self.claimant_span else None,
        }


@dataclass(frozen=True)
class Event:
    id: str
    event_type: str
    sub_event_type: str
    modality: Modality
    evidence: str
    evidence_span: Span
    date: dt.date | None = None
    date_precision: DatePrecision | None = None
    location: str | None = None
    location_detail: str | None = None
    admin1: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    geo_precision: int | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: Quantity | None = None
    injured: Quantity | None = None
    claims: tuple[Claim, ...] = ()
    cameo: str | None = None
    confidence: float = 0.5
    trigger: str = ""
    # provenance of each field: field name -> span its value came from
    spans: tuple[tuple[str, Span], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        def rng(q: Quantity | None) -> dict[str, int | None] | None:
            return q.to_dict() if q else None

        return {
            "id": self.id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "modality": self.modality,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "location": self.location,
            "location_detail": self.location_detail,
            "admin1": self.admin1,
            "country": self.country,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geonameid": self.geonameid,
            "geo_precision": self.geo_precision,
            "actor1": self.actor1.name if self.actor1 else None,
            "inter1": self.actor1.inter if self.actor1 else None,
            "actor2": self.actor2.name if self.actor2 else None,
            "inter2": self.actor2.inter if self.actor2 else None,
            "actor1_cameo": self.actor1.cameo if self.actor1 else None,
            "actor2_cameo": self.actor2.cameo if self.actor2 else None,
            "fatalities": rng(self.fatalities),
            "injured": rng(self.injured),
            "claims": [c.to_dict() for c in self.claims],
            "cameo": self.cameo,
            "evidence": self.evidence,
            "evidence_span": self.evidence_span.to_list(),
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger,
            "spans": {name: span.to_list() for name, span in self.spans},
        }


@dataclass(frozen=True)
class Statement:
    """A verbal interaction (PLOVER type with CAMEO code) between a source and a target."""

    id: str
    type: str  # PLOVER: ACCUSE, REJECT, REQUEST, THREATEN, ...
    cameo: str | None
    source: str | None
    target: str | None
    evidence: str
    evidence_span: Span
    source_span: Span | None = None
    target_span: Span | None = None
    trigger: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "cameo": self.cameo,
            "source": self.source,
            "target": self.target,
            "evidence": self.evidence,
            "evidence_span": self.evidence_span.to_list(),
            "source_span": self.source_span.to_list() if self.source_span else None,
            "target_span": self.target_span.to_list() if self.target_span else None,
            "trigger": self.trigger,
        }


@dataclass(frozen=True)
class Result:
    """What coding one article produced: events and statements, or the reason it was skipped."""

    article: Article
    events: tuple[Event, ...] = ()
    statements: tuple[Statement, ...] = ()
    skipped: Skipped | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "skipped": self.skipped.reason if self.skipped else None,
            "events": [e.to_dict() for e in self.events],
            "statements": [s.to_dict() for s in self.statements],
        }


@dataclass(frozen=True)
class Incident:
    """One real-world incident reported by one or more articles; each source keeps its own figures."""

    id: str
    event_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    event_type: str
    sub_event_type: str
    date: dt.date | None
    country: str | None
    location: str | None
    fatalities: Quantity | None = None
    extra: dict[str, Any] = field(default_factory=dict)
