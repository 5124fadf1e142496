"""Cross-article incidents: the same real-world event reported by several articles becomes one Incident.

How it works (in the order the code runs):

1. Only ``asserted`` events take part: threats, denials and history are not incidents.
2. Blocking: events are grouped by country, then by a coarse grid cell, and sorted by date; only pairs whose
   dates lie within the tolerance (``max_days``, widened for week/month precision) and whose cells touch are
   scored, so the work stays near-linear. Events without usable coordinates are compared with every cell.
3. Pairwise score: a weighted mean of agreement signals, each in [0, 1]; a signal that one side lacks is left
   out of the mean rather than counted as disagreement (an outlet that names no actor does not contradict one
   that does). Two clearly different places veto the pair, because "same day, same kind of attack" is common
   in a conflict and place is what tells such reports apart; so do types from different families (armed
   violence, demonstrations, strategic developments).
4. Greedy union-find: pairs at or above ``threshold`` are joined best-first, and a join is refused when the two
   groups share an article, so two events of one article are never merged (also not transitively), or when
   the merged group would span more days than the date tolerance.

Fatalities of an incident reconcile the members' ranges conservatively (see :func:`reconcile_ranges`); each
member's own figure stays in ``Incident.extra["tolls"]``.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Hashable, Iterable, Iterator, Mapping

from .records import Incident, Quantity, content_id

__all__ = ["cluster_events", "score_pair", "reconcile_ranges", "bcubed", "haversine_km"]

# weight of each agreement signal in the pairwise score; place and type matter most because they separate
# simultaneous incidents, fatalities least because outlets routinely report different tolls
_WEIGHTS = {"type": 2.0, "date": 1.0, "place": 3.0, "actors": 1.0, "fatalities": 0.5, "evidence": 1.5}
_PRECISION_DAYS = {"day": 0, "week": 7, "month": 31}  # year precision is too coarse to match on
_NEAR_KM = 25.0  # reports of one incident name places within a town and its suburbs
_CELL_DEG = 0.5  # blocking grid; a cell (about 55 km north-south) is wider than _NEAR_KM
_UNINFORMATIVE_ACTOR = re.compile(r"^unidentified\b", re.IGNORECASE)
_FAMILY = {
    "Battles": "violence", "Explosions/Remote violence": "violence", "Violence against civilians": "violence",
    "Protests": "demonstration", "Riots": "demonstration",
}
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|at|az|an)[- ]")
_WORD = re.compile(r"[^\W\d_]{3,}")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    # spaCy is a dependency already; its list avoids keeping a second English stop list in the repo
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@dataclass(frozen=True)
class _Item:
    """One asserted event prepared for comparison."""

    article_id: str
    event_id: str
    outlet: str | None
    event: Mapping[str, Any]
    date: dt.date | None
    tolerance: int  # days either side this event's date may be off
    precise: bool  # dated to the day
    tokens: frozenset[str]


def _parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _items(results: Iterable[Mapping[str, Any]], *, max_days: int) -> list[_Item]:
    stop = _stop_words()
    items: list[_Item] = []
    for result in results:
        if result.get("skipped"):
            continue
        article = result["article"]
        published = _parse_date(article.get("published"))
        for event in result.get("events", []):
            if event.get("modality", "asserted") != "asserted":
                continue
            date = _parse_date(event.get("date"))
            precision = event.get("date_precision") or "day"
            if date is None:
                # the pipeline falls back to publication date itself; this only guards hand-made input
                date, precision = published, "week"
            tolerance = max(max_days, _PRECISION_DAYS[precision]) if precision in _PRECISION_DAYS else -1
            words = {w.lower() for w in _WORD.findall(event.get("evidence") or "")}
            items.append(_Item(
                article_id=article["id"],
                event_id=event["id"],
                outlet=article.get("outlet"),
                event=event,
                date=date if tolerance >= 0 else None,
                tolerance=tolerance,
                precise=precision == "day",
                tokens=frozenset(words - stop),
            ))
    return items


def _type_score(a: Mapping[str, Any], b: Mapping[str, Any]) -> float | None:
    """Agreement of type and sub-type; None when the two cannot be one incident."""
    type_a, type_b = a.get("event_type"), b.get("event_type")
    if type_a == type_b:
        return 1.0 if a.get("sub_event_type") == b.get("sub_event_type") else 0.6
    # outlets often disagree between a clash, a shelling and an attack on civilians, but not about
    # whether something was armed violence, a demonstration or a non-violent development
    if _FAMILY.get(type_a or "") == _FAMILY.get(type_b or "") and type_a in _FAMILY:
        return 0.3
    return None


def _detail_key(detail: str | None) -> str:
    """Neighbourhood name without the article and punctuation that transliterations vary in (al-Midan, Midan)."""
    if not detail:
        return ""
    return _ARTICLE_PREFIX.sub("", detail.casefold()).replace("-", "").replace(" ", "").replace("'", "")


def _place_score(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[float | None, bool]:
    """(score or None when unknown, veto when the places are clearly different)."""
    detail_a, detail_b = _detail_key(a.get("location_detail")), _detail_key(b.get("location_detail"))
    # two named neighbourhoods of one town that differ are weak evidence of two incidents
    same_town = 0.0 if detail_a and detail_b and detail_a not in detail_b and detail_b not in detail_a else 1.0
    if a.get("geonameid") is not None and a.get("geonameid") == b.get("geonameid"):
        return same_town, False
    # a region-level (precision 3) location is the region's capital or centroid, not where it happened
    coarse = (a.get("geo_precision") or 1) >= 3 or (b.get("geo_precision") or 1) >= 3
    same_admin1 = bool(a.get("admin1")) and a.get("admin1") == b.get("admin1")
    if None not in (a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")):
        km = haversine_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"])
        if km <= _NEAR_KM:
            return min(same_town, 1.0 - km / (2 * _NEAR_KM)), False
        if coarse and same_admin1:
            return 0.5, False
        return 0.0, True
    name_a, name_b = (a.get("location") or "").casefold(), (b.get("location") or "").casefold()
    if name_a and name_b:
        if name_a == name_b:
            return same_town, False
        if coarse and same_admin1:
            return 0.5, False
        return 0.0, True
    return None, False


def _actor_score(a: Mapping[str, Any], b: Mapping[str, Any]) -> float | None:
    def names(event: Mapping[str, Any]) -> set[str]:
        # "Unidentified Armed Group" says the outlet did not know, not that it was someone else
        return {
            n.casefold() for n in (event.get("actor1"), event.get("actor2"))
            if n and not _UNINFORMATIVE_ACTOR.match(n)
        }

    left, right = names(a), names(b)
    if not left or not right:
        return None
    # overlap coefficient: one outlet naming only the perpetrator is not a disagreement
    return len(left & right) / min(len(left), len(right))


def _fatality_score(a: Mapping[str, Any], b: Mapping[str, Any]) -> float | None:
    fa, fb = a.get("fatalities"), b.get("fatalities")
    if not fa or not fb or (fa.get("min") is None and fa.get("max") is None) \
            or (fb.get("min") is None and fb.get("max") is None):
        return None
    lo_a, hi_a = fa.get("min") or 0, fa.get("max") if fa.get("max") is not None else math.inf
    lo_b, hi_b = fb.get("min") or 0, fb.get("max") if fb.get("max") is not None else math.inf
    if lo_a <= hi_b and lo_b <= hi_a:
        return 1.0
    # tolls that differ a little (26 vs 30) are usual across outlets; 2 vs 40 is not
    near, far = (hi_a, lo_b) if hi_a < lo_b else (hi_b, lo_a)
    return float(near) / float(far) if far else 0.0


def _evidence_score(a: _Item, b: _Item, idf: Mapping[str, float]) -> float | None:
    if not a.tokens or not b.tokens:
        return None
    shared = sum(idf.get(t, 1.0) for t in a.tokens & b.tokens)
    union = sum(idf.get(t, 1.0) for t in a.tokens | b.tokens)
    # two independent write-ups of one incident rarely share more than a third of their content words
    return min(1.0, 2.5 * shared / union) if union else None


def _date_score(a: _Item, b: _Item) -> float | None:
    if a.date is None or b.date is None:
        return None
    tolerance = max(a.tolerance, b.tolerance)
    days = abs((a.date - b.date).days)
    if days > tolerance:
        return None
    score = 1.0 - days / (tolerance + 1)
    # "last week" and "in March" fit many days, so a match on them is weak evidence
    return score if a.precise and b.precise else 0.5 * score


def _score(a: _Item, b: _Item, idf: Mapping[str, float]) -> float:
    if a.article_id == b.article_id:
        return 0.0
    if a.event.get("country") != b.event.get("country"):
        return 0.0
    date = _date_score(a, b)
    if date is None:
        return 0.0
    place, veto = _place_score(a.event, b.event)
    kind = _type_score(a.event, b.event)
    if veto or kind is None:
        return 0.0
    signals = {
        "type": kind,
        "date": date,
        "place": place,
        "actors": _actor_score(a.event, b.event),
        "fatalities": _fatality_score(a.event, b.event),
        "evidence": _evidence_score(a, b, idf),
    }
    known = {name: value for name, value in signals.items() if value is not None}
    total = sum(_WEIGHTS[name] for name in known)
    return sum(_WEIGHTS[name] * value for name, value in known.items()) / total


def score_pair(
    a: Mapping[str, Any], b: Mapping[str, Any], *, article_ids: tuple[str, str] = ("a", "b"), max_days: int = 2
) -> float:
    """Score two contract event dicts (from different articles unless ``article_ids`` say otherwise)."""
    items = _items(
        [{"article": {"id": aid}, "events": [dict(ev, modality="asserted")]} for aid, ev in zip(article_ids, (a, b))],
        max_days=max_days,
    )
    return _score(items[0], items[1], {}) if len(items) == 2 else 0.0


def _cell(item: _Item) -> tuple[int, int] | None:
    """Grid cell of a placed event; None when its place cannot rule anything out (no coordinates, or only
    a region's centroid)."""
    event = item.event
    if event.get("latitude") is None or event.get("longitude") is None or (event.get("geo_precision") or 1) >= 3:
        return None
    return math.floor(event["latitude"] / _CELL_DEG), math.floor(event["longitude"] / _CELL_DEG)


def _candidate_pairs(items: list[_Item]) -> Iterator[tuple[int, int]]:
    """Pairs (i, j), i < j, in the same country, within the widest date tolerance and, when both are placed,
    in the same or a neighbouring grid cell (places farther apart are vetoed by the score anyway)."""
    blocks: dict[str | None, dict[tuple[int, int] | None, list[int]]] = {}
    cells: dict[int, tuple[int, int] | None] = {}
    for index, item in enumerate(items):
        if item.date is not None:
            cells[index] = _cell(item)
            blocks.setdefault(item.event.get("country"), {}).setdefault(cells[index], []).append(index)
    for buckets in blocks.values():
        ordinals: dict[tuple[int, int] | None, list[int]] = {}
        for key, members in buckets.items():
            members.sort(key=lambda i: items[i].date)  # type: ignore[arg-type, return-value]
            ordinals[key] = [items[i].date.toordinal() for i in members]  # type: ignore[union-attr]
        widest = max(items[i].tolerance for members in buckets.values() for i in members)
        for key, members in buckets.items():
            for i in members:
                if key is None:
                    near: Iterable[tuple[int, int] | None] = buckets.keys()
                else:
                    near = [(key[0] + dy, key[1] + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)] + [None]
                day = items[i].date.toordinal()  # type: ignore[union-attr]
                for other in near:
                    if other not in buckets:
                        continue
                    days = ordinals[other]
                    lo, hi = bisect_left(days, day - widest), bisect_right(days, day + widest)
                    for j in buckets[other][lo:hi]:
                        if j > i:
                            yield i, j


class _Groups:
    """Union-find that refuses joins putting two events of one article together, or stretching one incident
    over more days than its members' date tolerance (single-link chaining would otherwise string a daily
    series of similar attacks in one town into one incident)."""

    def __init__(self, items: list[_Item]) -> None:
        self.parent = list(range(len(items)))
        self.articles = [{item.article_id} for item in items]
        self.days = [
            (item.date.toordinal(), item.date.toordinal()) if item.date else (0, 0) for item in items
        ]
        self.tolerance = [item.tolerance for item in items]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj or self.articles[ri] & self.articles[rj]:
            return False
        first, last = min(self.days[ri][0], self.days[rj][0]), max(self.days[ri][1], self.days[rj][1])
        tolerance = max(self.tolerance[ri], self.tolerance[rj])
        if last - first > tolerance:
            return False
        if len(self.articles[ri]) < len(self.articles[rj]):
            ri, rj = rj, ri
        self.parent[rj] = ri
        self.articles[ri] |= self.articles[rj]
        self.days[ri] = (first, last)
        self.tolerance[ri] = tolerance
        return True


def reconcile_ranges(ranges: Iterable[Mapping[str, int | None] | Quantity | None]) -> Quantity | None:
    """Conservative reconciliation of several reported ranges for one incident.

    The lower bound is the largest reported minimum (every source agrees at least that many died, and the
    highest credible floor is what ACLED-style coding keeps); the upper bound is the smallest reported maximum
    that is not below that floor (maxima below it are contradicted by another source and dropped). ``None``
    when no range was reported at all.
    """
    mins: list[int] = []
    maxes: list[int] = []
    seen = False
    for rng in ranges:
        if rng is None:
            continue
        low, high = (rng.min, rng.max) if isinstance(rng, Quantity) else (rng.get("min"), rng.get("max"))
        seen = True
        if low is not None:
            mins.append(low)
        if high is not None:
            maxes.append(high)
    if not seen:
        return None
    low = max(mins) if mins else None
    credible = [m for m in maxes if low is None or m >= low]
    return Quantity(low, min(credible) if credible else None)


def _vote(values: Iterable[Any]) -> Any:
    """Most common non-null value; ties go to the first seen (members are in a stable order)."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    best = max(counts.values())
    return next(v for v, c in counts.items() if c == best)


def _incident(members: list[_Item]) -> Incident:
    members = sorted(members, key=lambda m: (m.article_id, m.event_id))
    events = [m.event for m in members]
    event_type = _vote(e.get("event_type") for e in events)
    sub_event_type = _vote(e.get("sub_event_type") for e in events if e.get("event_type") == event_type)
    date = _vote(m.date for m in members if m.precise)
    finest = min((e.get("geo_precision") or 3 for e in events), default=3)
    placed = [e for e in events if (e.get("geo_precision") or 3) == finest and e.get("location")] or events
    location = _vote(e.get("location") for e in placed)
    anchor = next((e for e in placed if e.get("location") == location), placed[0])
    pairs = [[m.article_id, m.event_id] for m in members]
    extra = {
        "members": pairs,
        "outlets": sorted({m.outlet for m in members if m.outlet}),
        "tolls": [
            {"article_id": m.article_id, "event_id": m.event_id, "outlet": m.outlet,
             "fatalities": m.event.get("fatalities")}
            for m in members
        ],
        "admin1": anchor.get("admin1"),
        "latitude": anchor.get("latitude"),
        "longitude": anchor.get("longitude"),
        "geonameid": anchor.get("geonameid"),
    }
    return Incident(
        id=content_id("incident", *(f"{a}/{e}" for a, e in pairs)),
        event_ids=tuple(m.event_id for m in members),
        article_ids=tuple(sorted({m.article_id for m in members})),
        event_type=event_type or "",
        sub_event_type=sub_event_type or "",
        date=date or members[0].date,
        country=events[0].get("country"),
        location=location,
        fatalities=reconcile_ranges(e.get("fatalities") for e in events),
        extra=extra,
    )


def cluster_events(
    results: Iterable[Mapping[str, Any]], *, max_days: int = 2, threshold: float = 0.6
) -> list[Incident]:
    """Group asserted events from output-contract dicts into incidents; every asserted event lands in
    exactly one incident (singletons included). Incidents come newest first, then by id."""
    if max_days < 0:
        raise ValueError(f"max_days must be >= 0, got {max_days}")
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    items = _items(results, max_days=max_days)
    df = Counter(t for item in items for t in item.tokens)
    # idf over this run: words every report uses ("killed", "said") count little, place and weapon words a lot
    idf = {t: math.log(1.0 + len(items) / n) for t, n in df.items()}
    scored = []
    for i, j in _candidate_pairs(items):
        score = _score(items[i], items[j], idf)
        if score >= threshold:
            scored.append((score, i, j))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    groups = _Groups(items)
    for _, i, j in scored:
        groups.join(i, j)
    members: dict[int, list[_Item]] = {}
    for index, item in enumerate(items):
        members.setdefault(groups.find(index), []).append(item)
    incidents = [_incident(group) for group in members.values()]
    incidents.sort(key=lambda inc: (-(inc.date.toordinal() if inc.date else 0), inc.id))
    return incidents


def bcubed(pred: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a predicted clustering against a gold one.

    Both map item -> cluster label. Items are those in ``gold``; a gold item missing from ``pred`` counts as
    a singleton prediction (a missed event cannot have been clustered correctly with others), and predicted
    items absent from gold are ignored. With no gold items the result is vacuously ``(1.0, 1.0, 1.0)``.
    """
    items = list(gold)
    if not items:
        return 1.0, 1.0, 1.0
    missing = object()
    pred_label = {item: pred.get(item, (missing, item)) for item in items}
    pred_size = Counter(pred_label.values())
    gold_size = Counter(gold[item] for item in items)
    both = Counter((pred_label[item], gold[item]) for item in items)
    precision = sum(both[(pred_label[i], gold[i])] / pred_size[pred_label[i]] for i in items) / len(items)
    recall = sum(both[(pred_label[i], gold[i])] / gold_size[gold[i]] for i in items) / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
