"""Cross-article incidents: same incident from several outlets merges, different incidents stay apart."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from eventwatch.cluster import bcubed, cluster_events, haversine_km, reconcile_ranges, score_pair
from eventwatch.records import Actor, Article, Event, Quantity, Result, Span

# (name, admin1, lat, lon, geonameid)
KABUL = ("Kabul", "Kabul", 34.5281, 69.1723, 1138958)
KANDAHAR = ("Kandahar", "Kandahar", 31.6133, 65.7101, 1138336)
MOSUL = ("Mosul", "Nineveh", 36.335, 43.1189, 99072)
TAL_AFAR = ("Tal Afar", "Nineveh", 36.3768, 42.4497, 98245)


def event(
    ident: str, evidence: str, *, place: tuple[str, str, float, float, int] = KABUL, day: int = 10,
    sub_event_type: str = "Suicide bomb", event_type: str = "Explosions/Remote violence",
    toll: Quantity | None = None, actor1: str | None = "Unidentified Armed Group (Afghanistan)",
    actor2: str | None = None, modality: str = "asserted", country: str = "AF", precision: str = "day",
) -> Event:
    name, admin1, lat, lon, gid = place
    return Event(
        id=ident, event_type=event_type, sub_event_type=sub_event_type, modality=modality,  # type: ignore[arg-type]
        evidence=evidence, evidence_span=Span(0, len(evidence)), date=dt.date(2018, 4, day),
        date_precision=precision, location=name, admin1=admin1, country=country,  # type: ignore[arg-type]
        latitude=lat, longitude=lon, geonameid=gid, geo_precision=1,
        actor1=Actor(actor1, 3) if actor1 else None, actor2=Actor(actor2, 7) if actor2 else None, fatalities=toll,
    )


def article(ident: str, *events: Event, outlet: str = "Outlet") -> dict[str, Any]:
    text = " ".join(e.evidence for e in events)
    return Result(Article(ident, text, dt.date(2018, 4, 11), outlet=outlet), events).to_dict()


def incident_of(incidents: list, article_id: str, event_id: str) -> str:
    return next(i.id for i in incidents if [article_id, event_id] in i.extra["members"])


def test_two_outlets_reporting_one_bombing_with_different_tolls_form_one_incident() -> None:
    results = [
        article("a", event("a1", "A suicide bomber blew himself up at a voter registration centre in Kabul, "
                                  "killing at least 31 people.", toll=Quantity(31, None)), outlet="Wire One"),
        article("b", event("b1", "At least 57 people died when a suicide attacker struck a voter registration "
                                  "centre in western Kabul.", toll=Quantity(57, None)), outlet="Wire Two"),
    ]
    [incident] = cluster_events(results)
    assert incident.article_ids == ("a", "b")
    assert sorted(incident.event_ids) == ["a1", "b1"]
    assert incident.fatalities == Quantity(57, None)
    tolls = {t["outlet"]: t["fatalities"] for t in incident.extra["tolls"]}
    assert tolls == {"Wire One": {"min": 31, "max": None}, "Wire Two": {"min": 57, "max": None}}


@pytest.mark.parametrize(
    ("first", "second"),
    [(KABUL, KANDAHAR), (MOSUL, TAL_AFAR)],
    ids=["far apart", "same province 60 km apart"],
)
def test_same_day_same_kind_in_different_cities_are_two_incidents(first: tuple, second: tuple) -> None:
    results = [
        article("a", event("a1", "A suicide bomber attacked a mosque, killing 12 worshippers.", place=first,
                           toll=Quantity(12, 12))),
        article("b", event("b1", "A suicide bomber attacked a mosque, killing 12 worshippers.", place=second,
                           toll=Quantity(12, 12))),
    ]
    assert len(cluster_events(results)) == 2


def test_two_events_of_one_article_are_never_merged_even_through_a_third_report() -> None:
    # the other outlet's single report is similar to both of the first article's events
    results = [
        article("a", event("a1", "Gunmen attacked a checkpoint in Kabul.", sub_event_type="Armed clash",
                           event_type="Battles"),
                event("a2", "Gunmen attacked a second checkpoint in Kabul.", sub_event_type="Armed clash",
                      event_type="Battles")),
        article("b", event("b1", "Gunmen attacked checkpoints in Kabul.", sub_event_type="Armed clash",
                           event_type="Battles")),
    ]
    incidents = cluster_events(results)
    assert incident_of(incidents, "a", "a1") != incident_of(incidents, "a", "a2")
    assert all(len(i.article_ids) == len(i.event_ids) for i in incidents)


@pytest.mark.parametrize(
    ("changes", "merged"),
    [
        ({"day": 11}, True),  # next-day report of the same attack
        ({"day": 14}, False),  # beyond the two-day window
        ({"event_type": "Protests", "sub_event_type": "Peaceful protest"}, False),
        ({"event_type": "Violence against civilians", "sub_event_type": "Attack"}, True),  # outlets disagree
        ({"country": "PK"}, False),
        ({"modality": "future"}, False),  # a threat is not the incident
    ],
    ids=["next day", "four days later", "protest vs bombing", "attack vs bombing", "different country",
         "not asserted"],
)
def test_merging_depends_on_date_type_country_and_modality(changes: dict[str, Any], merged: bool) -> None:
    base = "A suicide bomber struck a crowded market in Kabul, killing 20 people."
    results = [
        article("a", event("a1", base, toll=Quantity(20, 20))),
        article("b", event("b1", "A suicide bomber struck a crowded Kabul market, killing 20 people.",
                           toll=Quantity(20, 20), **changes)),
    ]
    incidents = cluster_events(results)
    together = any(len(i.article_ids) == 2 for i in incidents)
    assert together is merged


def test_every_asserted_event_lands_in_exactly_one_incident() -> None:
    results = [
        article("a", event("a1", "A bomb hit Kabul."), event("a2", "Protesters marched in Kandahar.",
                place=KANDAHAR, event_type="Protests", sub_event_type="Peaceful protest")),
        article("b", event("b1", "A bomb hit Kabul."), event("b2", "Militants threatened more attacks.",
                modality="future")),
    ]
    members = [tuple(m) for i in cluster_events(results) for m in i.extra["members"]]
    assert sorted(members) == [("a", "a1"), ("a", "a2"), ("b", "b1")]


def test_reclustering_gives_the_same_incident_ids() -> None:
    results = [article("a", event("a1", "A bomb hit Kabul.")), article("b", event("b1", "A bomb hit Kabul."))]
    assert [i.id for i in cluster_events(results)] == [i.id for i in cluster_events(list(reversed(results)))]


@pytest.mark.parametrize(
    ("ranges", "expected"),
    [
        ([{"min": 26, "max": 26}, {"min": 30, "max": None}], Quantity(30, None)),
        ([{"min": 20, "max": 40}, {"min": 25, "max": 30}], Quantity(25, 30)),
        ([{"min": 10, "max": 10}, None], Quantity(10, 10)),
        ([{"min": None, "max": 50}, {"min": 12, "max": None}], Quantity(12, 50)),
        ([{"min": 0, "max": 0}, {"min": 3, "max": 3}], Quantity(3, 3)),
        ([None, None], None),
    ],
    ids=["largest floor", "narrowest range", "one silent", "floor and ceiling", "contradicted zero", "no counts"],
)
def test_incident_toll_is_the_conservative_reconciliation(ranges: list, expected: Quantity | None) -> None:
    assert reconcile_ranges(ranges) == expected


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        ({1: "x", 2: "x", 3: "y"}, {1: "a", 2: "a", 3: "b"}, (1.0, 1.0, 1.0)),
        ({1: "x", 2: "x", 3: "x"}, {1: "a", 2: "a", 3: "b"}, (5 / 9, 1.0, 2 * (5 / 9) / (5 / 9 + 1))),
        ({1: "x", 2: "y", 3: "z"}, {1: "a", 2: "a", 3: "b"}, (1.0, 2 / 3, 0.8)),
        ({1: "x"}, {1: "a", 2: "a"}, (1.0, 0.5, 2 / 3)),  # a missed item counts as its own cluster
        ({}, {}, (1.0, 1.0, 1.0)),
    ],
    ids=["perfect", "over-merged", "over-split", "missing prediction", "nothing to score"],
)
def test_bcubed_scores(pred: dict, gold: dict, expected: tuple[float, float, float]) -> None:
    assert bcubed(pred, gold) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [((48.8566, 2.3522), (51.5074, -0.1278), 344), ((40.7128, -74.006), (40.7128, -74.006), 0)],
    ids=["Paris-London", "same point"],
)
def test_haversine_distance_between_towns(a: tuple, b: tuple, km: float) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, rel=0.01, abs=0.01)


def test_an_outlet_naming_no_perpetrator_does_not_count_against_a_match() -> None:
    named = event("x", "Taliban fighters stormed a police post in Kabul.", sub_event_type="Armed clash",
                  event_type="Battles", actor1="Taliban").to_dict()
    unnamed = event("y", "Gunmen stormed a police post in Kabul.", sub_event_type="Armed clash",
                    event_type="Battles").to_dict()
    assert score_pair(named, unnamed) >= 0.6


@pytest.mark.parametrize(
    ("detail_a", "detail_b", "merged"),
    [("al-Karrada", "Karrada", True), ("Karrada", "Sadr City", False), ("Karrada", None, True)],
    ids=["transliteration variant", "different neighbourhoods", "one outlet names none"],
)
def test_neighbourhoods_of_one_town_separate_simultaneous_bombings(detail_a: str, detail_b: str | None,
                                                                   merged: bool) -> None:
    baghdad = ("Baghdad", "Baghdad", 33.3406, 44.4009, 98182)
    a = dataclasses.replace(event("a1", "A car bomb exploded near a busy market, killing 8 people.", place=baghdad,
                                  sub_event_type="Remote explosive/landmine/IED", toll=Quantity(8, 8),
                                  country="IQ"), location_detail=detail_a)
    b = dataclasses.replace(event("b1", "A parked car bomb went off outside a restaurant, killing 5 people.",
                                  place=baghdad, sub_event_type="Remote explosive/landmine/IED",
                                  toll=Quantity(5, 5), country="IQ"), location_detail=detail_b)
    incidents = cluster_events([article("a", a), article("b", b)])
    assert (len(incidents) == 1) is merged
