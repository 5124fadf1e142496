"""Exports: ACLED CSV, GeoJSON, JSON(L), Parquet and PLOVER from output-contract dicts."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from eventwatch.export import (
    ACLED_COLUMNS, FORMATS, to_acled_rows, to_plover_records, write_csv, write_geojson, write_json, write_jsonl,
    write_parquet,
)
from eventwatch.records import Actor, Article, Claim, Event, Quantity, Result, Skipped, Span, Statement

TEXT = ("Troops shelled the town of Idlib on Tuesday, killing 9 civilians, activists said. "
        "Rebels threatened to attack Aleppo. The army denied targeting civilians.")


def shelling(**changes: Any) -> Event:
    fields: dict[str, Any] = dict(
        id="e1", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        modality="asserted", evidence=TEXT[:82], evidence_span=Span(0, 82), date=dt.date(2013, 5, 7),
        date_precision="day", location="Idlib", admin1="Idlib", country="SY", latitude=35.9306, longitude=36.6339,
        geonameid=169389, geo_precision=1, actor1=Actor("Military Forces of Syria", 1, "SY", "SYRMIL"),
        actor2=Actor("Civilians (Syria)", 7), fatalities=Quantity(9, 9),
        claims=(Claim("activists", "activists", "killed", 9, 9, False, TEXT[:82], Span(0, 82)),), cameo="195",
    )
    fields.update(changes)
    return Event(**fields)


def threat() -> Event:
    return Event(id="e2", event_type="Battles", sub_event_type="Armed clash", modality="future",
                 evidence=TEXT[83:117], evidence_span=Span(83, 117), location="Aleppo", country="SY",
                 latitude=36.2021, longitude=37.1343, actor1=Actor("Rebels (Syria)", 2))


def denial() -> Statement:
    return Statement(id="s1", type="REJECT", cameo="131", source="Military Forces of Syria", target=None,
                     evidence=TEXT[118:], evidence_span=Span(118, len(TEXT)))


def results(*events: Event) -> list[dict[str, Any]]:
    article = Article("syr-a", TEXT, dt.date(2013, 5, 8), outlet="Daily Wire", url="http://example.org/a")
    coded = Result(article, events or (shelling(), threat()), (denial(),))
    skipped = Result(Article("empty-1", ""), skipped=Skipped("empty"))
    return [coded.to_dict(), skipped.to_dict()]


def test_acled_csv_has_only_asserted_events_with_acled_columns() -> None:
    out = io.StringIO()
    assert write_csv(results(), out) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert [r["event_id"] for r in rows] == ["e1"]


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("event_date", "2013-05-07"), ("year", 2013), ("time_precision", 1), ("country", "Syria"),
        ("iso", 760), ("interaction", "17"), ("civilian_targeting", "Civilian targeting"),
        ("disorder_type", "Political violence"), ("source", "Daily Wire"), ("notes", TEXT[:82]),
        ("fatalities", 9), ("latitude", 35.9306), ("geo_precision", 1),
    ],
)
def test_acled_row_values(column: str, expected: object) -> None:
    [row] = to_acled_rows(results())
    assert row[column] == expected


def test_acled_event_id_starts_with_iso3_and_is_stable() -> None:
    first = next(to_acled_rows(results()))["event_id_cnty"]
    assert first.startswith("SYR") and len(first) == 11
    assert next(to_acled_rows(results()))["event_id_cnty"] == first


@pytest.mark.parametrize(
    ("precision", "code"), [("day", 1), ("week", 2), ("month", 3), ("year", 3), (None, 3)],
)
def test_time_precision_follows_date_precision(precision: str | None, code: int) -> None:
    [row] = to_acled_rows(results(shelling(date_precision=precision)))
    assert row["time_precision"] == code


@pytest.mark.parametrize(
    ("toll", "fatalities", "low", "high"),
    [(None, 0, None, None), (Quantity(None, 50), 0, None, 50), (Quantity(24, None), 24, 24, None),
     (Quantity(9, 12), 9, 9, 12)],
    ids=["unknown", "up to 50", "dozens", "range"],
)
def test_acled_fatalities_is_the_floor_and_the_range_is_kept(toll: Quantity | None, fatalities: int,
                                                             low: int | None, high: int | None) -> None:
    [row] = to_acled_rows(results(shelling(fatalities=toll)))
    assert (row["fatalities"], row["fatalities_min"], row["fatalities_max"]) == (fatalities, low, high)


@pytest.mark.parametrize(
    ("inter1", "inter2", "interaction"), [(1, 7, "17"), (3, 1, "13"), (6, None, "60"), (None, None, "")],
)
def test_interaction_puts_the_lower_code_first(inter1: int | None, inter2: int | None, interaction: str) -> None:
    a1 = Actor("A", inter1) if inter1 else None
    a2 = Actor("B", inter2) if inter2 else None
    [row] = to_acled_rows(results(shelling(actor1=a1, actor2=a2)))
    assert row["interaction"] == interaction


def test_geojson_points_are_lon_lat_for_asserted_events_with_coordinates() -> None:
    out = io.StringIO()
    count = write_geojson(results(shelling(), shelling(id="e3", latitude=None, longitude=None), threat()), out)
    collection = json.loads(out.getvalue())
    assert count == 1 and collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.6339, 35.9306]}
    assert feature["properties"]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert feature["properties"]["claims"][0]["claimant_type"] == "activists"


def test_empty_geojson_is_still_valid() -> None:
    out = io.StringIO()
    write_geojson([], out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize("writer", [write_jsonl, write_json], ids=["jsonl", "json"])
def test_json_exports_keep_every_article_and_modality(writer: Any) -> None:
    out = io.StringIO()
    writer(results(), out)
    text = out.getvalue()
    loaded = json.loads(text) if writer is write_json else [json.loads(line) for line in text.splitlines()]
    assert loaded == results()


def test_parquet_has_one_row_per_event_with_nested_claims(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert write_parquet(results(), path) == 2
    table = pq.read_table(path)
    rows = {r["event_id"]: r for r in table.to_pylist()}
    assert rows["e1"]["claims"][0]["claimant"] == "activists"
    assert rows["e1"]["date"] == dt.date(2013, 5, 7)
    assert rows["e2"]["modality"] == "future"
    assert str(table.schema.field("claims").type).startswith("list<")


def test_empty_parquet_keeps_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "none.parquet"
    write_parquet([], path)
    assert pq.read_table(path).num_rows == 0 and "fatalities_min" in pq.read_table(path).schema.names


@pytest.mark.parametrize(
    ("record_id", "field", "expected"),
    [
        ("e1", "event_type", "ASSAULT"), ("e1", "mode", "heavy-weapons"),
        ("e1", "recipient", ["Civilians (Syria)"]), ("e1", "cameo", "195"),
        ("e2", "aux_mode", "future"), ("e2", "actor", ["Rebels (Syria)"]),
        ("s1", "event_type", "REJECT"), ("s1", "kind", "statement"), ("s1", "cameo", "131"),
    ],
)
def test_plover_records_for_events_and_statements(record_id: str, field: str, expected: object) -> None:
    records = {r["id"]: r for r in to_plover_records(results())}
    assert records[record_id][field] == expected


def test_every_format_is_registered_with_a_writer() -> None:
    assert set(FORMATS) == {"csv", "geojson", "jsonl", "json", "parquet", "plover"}
    assert all(callable(f.write) and f.help for f in FORMATS.values())
