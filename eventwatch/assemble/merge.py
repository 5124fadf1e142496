"""Across sentences: a later draft that refers to an earlier event is merged into it."""
from __future__ import annotations

import datetime as dt
import re

from ..cluster import haversine_km
from ..nlp import span_text
from ..records import Place, PlaceMention
from ..resolve.gazetteer import normalize
from .drafts import Draft

__all__ = ["compatible", "merge"]


_PROTESTERS = re.compile(r"\b(?:protest\w*|demonstrat\w+|marchers|rall(?:y|ies)|organi[sz]ers)\b", re.IGNORECASE)


_NEAR_KM = 60  # a district-level area and a town in it
_NEAR_TOWN_KM = 30
_SPECIFICITY = {"country": 0, "admin1": 1, "district": 2, "supplement": 3, "city": 3}
_MUNITIONS = {"missile", "missiles"}  # fired by drones and jets as often as from the ground


def _killed(draft: Draft) -> list:
    return [count for count, _, _ in draft.counts if count.about == "killed"]


def _toll_update(draft: Draft) -> bool:
    return any(count.toll_update for count, _, _ in draft.counts)


def _near_each_other(a: PlaceMention, b: PlaceMention) -> bool:
    """"near the capital Damascus" and "in Douma": a place given as "near" another covers the towns around it."""
    if max(a.geo_precision, b.geo_precision) < 2:
        return False
    pa, pb = a.place, b.place
    return haversine_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude) <= _NEAR_TOWN_KM


def _places_conflict(pa: Place, pb: Place) -> bool:
    """Two resolved places that cannot be the site of one event: different towns, or different provinces, or a
    town outside the province named for the other mention."""
    if pa.geonameid == pb.geonameid or pa.name == pb.name or "country" in (pa.feature, pb.feature):
        return False
    if pa.feature == "admin1" and pb.feature == "admin1":
        return True
    if pa.feature == "district" or pb.feature == "district":
        return haversine_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude) > _NEAR_KM
    if pa.feature == "admin1" or pb.feature == "admin1":
        region, town = (pa, pb) if pa.feature == "admin1" else (pb, pa)
        # compared as the gazetteer compares names ("Boyacá" is "Boyaca"); a non-Latin name keeps its own spelling
        return town.admin1 is not None and (normalize(town.admin1) or town.admin1) != (normalize(region.name) or region.name) \
            and town.country == region.country
    if "city" in (pa.feature, pb.feature) and pa.feature != pb.feature:
        # a district or area from the supplement and a town: the same scene when the town lies inside or near it
        return haversine_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude) > _NEAR_KM
    return True


def compatible(a: Draft, b: Draft, *, default_date: dt.date | None = None) -> bool:
    """May ``b`` (later) be another mention of the event ``a``?

    ``default_date`` is the date an undated event will get (the lede's or the publication date): a later mention
    with its own, different date ("Last week, gunmen attacked...") is another event."""
    if a.modality != b.modality:
        return False
    same_type = a.event_type == b.event_type
    if a.event_type == "Protests" and b.sub_event_type == "Arrests" and _PROTESTERS.search(span_text(b.sentence)) and not (
            a.date and b.date and a.date.date and b.date.date and a.date.date != b.date.date):
        return True  # protesters or organisers arrested: the intervention in that protest (ACLED codes it there)
    violent = {"Explosions/Remote violence", "Battles", "Violence against civilians"}
    generic_later = b.hit.family == "VIOLENCE" and a.event_type in violent
    # "Several were killed in the attack ..." then "... the toll from a suicide bombing at the mosque": the later
    # sentence says what the earlier, generic one was
    generic_earlier = a.hit.family == "VIOLENCE" and a.event_type in violent and b.event_type == "Explosions/Remote violence"
    crowd_clash = (b.anaphoric and a.event_type in ("Riots", "Protests") and b.hit.family == "BATTLE") or (
        a.sub_event_type == "Excessive force against protesters" and b.hit.family == "VIOLENCE"
        and (b.anaphoric or not (b.counts or b.indefinite)))  # "it was security forces that opened fire"
    if not (same_type or generic_later or generic_earlier or crowd_clash
            or (b.anaphoric and a.event_type in violent and b.event_type in violent)):
        return False  # ("Sunday's clashes" after a riot are that riot's clashes with police)
    if a.summary and not b.anaphoric:
        return False  # a lede's "clashes and attacks" is detailed by later sentences, each its own event
    if b.follow_up and a.event_type == b.event_type:
        return True  # a later death from the injuries of an earlier event, whatever day it happened
    if same_type and a.sub_event_type == b.sub_event_type == "Agreement" and not (
            a.date and b.date and a.date.date and b.date.date and abs((a.date.date - b.date.date).days) > 2):
        return True  # an article's agreement is one agreement, whichever day it was signed or reported
    if b.new_topic and not b.anaphoric:
        return False
    if _killed(a) and _killed(b) and b.place and not a.place and not (b.anaphoric or b.follow_up or _toll_update(b)) \
            and {c.quantity.min for c in _killed(a)} != {c.quantity.min for c in _killed(b)}:
        return False  # another toll, in a place of its own: another event ("three soldiers died in Idlib")
    if same_type and a.event_type == "Protests" and {a.sub_event_type, b.sub_event_type} == {
            "Excessive force against protesters", "Peaceful protest"} and not b.anaphoric:
        return False  # the lethal attack on a crowd is coded apart from the rallies reported around it
    if b.indefinite and not generic_earlier and not (a.place and b.place and a.place.place and b.place.place
                             and a.place.place.name == b.place.place.name):
        return False
    if a.place and b.place and a.place.place and b.place.place and _places_conflict(a.place.place, b.place.place) \
            and not _near_each_other(a.place, b.place):
        return False
    if a.place and b.place and (a.place.place is None or b.place.place is None) and \
            a.place.surface.casefold() not in b.place.surface.casefold() and \
            b.place.surface.casefold() not in a.place.surface.casefold():
        return False  # a place the gazetteer lacks is still a different place from another named one
    a_date = a.date.date if a.date and a.date.date else default_date
    if a_date and b.date and b.date.date and not (a.date and a.date.date) and abs((a_date - b.date.date).days) > 1 \
            and not b.anaphoric:
        return False
    if a.date and b.date and a.date.date and b.date.date and a.date.date != b.date.date and not (
            same_type and (b.anaphoric or _toll_update(a) or _toll_update(b))
            and abs((a.date.date - b.date.date).days) <= 2):  # a toll update is dated by its report
        return False  # "The attack happened on Monday" still refers back to a lede dated by "told AFP yesterday"
    if same_type and a.sub_event_type != b.sub_event_type and not (b.anaphoric or generic_later):
        specific = {"Suicide bomb", "Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon", "Grenade"}
        if a.sub_event_type in specific and b.sub_event_type in specific and b.hit.entry.phrase[0] not in _MUNITIONS:
            return False
    return True


def merge(into: Draft, other: Draft) -> None:
    if into.hit.family == "VIOLENCE" and other.event_type == "Explosions/Remote violence":
        into.event_type, into.sub_event_type, into.hit = other.event_type, other.sub_event_type, other.hit
    if into.sub_event_type == "Peaceful protest" and other.sub_event_type == "Arrests":
        into.sub_event_type = "Protest with intervention"
    into.counts.extend(other.counts)
    if into.place is None or (other.place and into.place.place and other.place.place and (
            _SPECIFICITY.get(other.place.place.feature, 2) > _SPECIFICITY.get(into.place.place.feature, 2)
            or (other.place.detail and not into.place.detail and other.place.place.name == into.place.place.name))):
        into.place = other.place or into.place  # the most specific place any mention names
    if into.date and other.date and _toll_update(into) and not _toll_update(other):
        into.date = other.date  # the update's date is the report's; the event's own sentence dates the event
    elif other.anaphoric and other.date and other.date.date and other.date.precision == "day" and not _toll_update(other):
        into.date = other.date  # "The attack happened on Monday": the sentence about the event dates it
    elif not _toll_update(other):
        into.date = into.date or other.date
    if into.actor1 is None or (into.actor1[1] is None and other.actor1 and other.actor1[1] is not None):
        into.actor1 = other.actor1 or into.actor1
    if into.actor2 is None or (into.actor2[1] is None and other.actor2 and other.actor2[1] is not None):
        into.actor2 = other.actor2 or into.actor2
    specific_rank = ["Remote explosive/landmine/IED", "Shelling/artillery/missile attack", "Grenade", "Air/drone strike", "Suicide bomb", "Chemical weapon"]
    if into.event_type == other.event_type == "Explosions/Remote violence":
        if specific_rank.index(other.sub_event_type) > specific_rank.index(into.sub_event_type):
            into.sub_event_type = other.sub_event_type
    into.victims = into.victims or other.victims
    into.confidence = min(0.98, max(into.confidence, other.confidence) + 0.03)
