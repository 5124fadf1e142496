"""The example article end to end through the real spaCy model, gazetteer and actor dictionary."""
import datetime as dt
import json
from pathlib import Path

import pytest

import eventwatch
from eventwatch.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "hama_defection.txt"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def result():
    return eventwatch.code_text(EXAMPLE.read_text(encoding="utf-8"), published="2012-01-07")


def _asserted(result, sub_event_type):
    found = [e for e in result.events if e.modality == "asserted" and e.sub_event_type == sub_event_type]
    assert found, f"no asserted {sub_event_type} event"
    return found


def test_defection_announced_on_tv(result):
    event = _asserted(result, "Change to group/activity")[0]
    assert event.event_type == "Strategic developments"
    assert (event.location, event.country, event.admin1) == ("Hama", "SY", "Hama")
    assert event.actor1.name == "Mutiny of Military Forces of Syria"
    assert event.date == dt.date(2012, 1, 7)
    assert event.fatalities is None


def test_activists_figure_for_killed_protesters(result):
    event = _asserted(result, "Excessive force against protesters")[0]
    assert event.location == "Homs"
    assert event.date == dt.date(2012, 1, 6)  # "after Friday prayers", published on a Saturday
    assert (event.fatalities.min, event.fatalities.max) == (18, None)
    assert [(c.claimant_type, c.about, c.min) for c in event.claims] == [("activists", "killed", 18)]
    assert event.actor2.name == "Protesters (Syria)"


def test_bombing_with_official_figures(result):
    event = _asserted(result, "Remote explosive/landmine/IED")[0]
    assert (event.location, event.location_detail) == ("Damascus", "Midan")
    assert event.date == dt.date(2012, 1, 6)  # "on the same day" as the Friday killings
    assert (event.fatalities.min, event.fatalities.max) == (21, None)
    assert (event.injured.min, event.injured.max) == (54, 54)
    assert {c.claimant_type for c in event.claims} == {"government"}
    assert event.actor2.name == "Police Forces of Syria"
    assert event.latitude == pytest.approx(33.5, abs=0.2)


def test_competing_blame_and_appeal_are_statements(result):
    kinds = {(s.type, s.source, s.target) for s in result.statements}
    assert ("ACCUSE", "Opposition (Syria)", "Government of Syria") in kinds
    assert any(s.type == "ACCUSE" and s.source == "Government of Syria" for s in result.statements)
    assert any(s.type == "REQUEST" and s.target and "Arab League" in s.target for s in result.statements)


def test_nationwide_toll_and_plans_are_not_events(result):
    for event in result.events:
        if event.modality == "asserted":
            assert event.fatalities is None or event.fatalities.min != 2000
    assert not any(e.modality == "asserted" and "rallies" in e.evidence for e in result.events)


def test_protest_in_photo_caption(result):
    event = _asserted(result, "Peaceful protest")[0]
    assert event.country == "SY" and event.date == dt.date(2012, 1, 6)
    assert event.actor1.name == "Protesters (Syria)" and event.actor2 is None


def test_every_span_quotes_the_text(result):
    text = result.article.text
    for event in result.events:
        assert text[event.evidence_span.start:event.evidence_span.end] == event.evidence
        for claim in event.claims:
            assert text[claim.span.start:claim.span.end] == claim.quote
    for statement in result.statements:
        assert text[statement.evidence_span.start:statement.evidence_span.end] == statement.evidence


def test_cli_prints_the_contract(tmp_path, capsys):
    assert main(["code", str(EXAMPLE), "--published", "2012-01-07", "--quiet"]) == 0
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert set(line) == {"article", "skipped", "events", "statements"}
    assert line["article"]["published"] == "2012-01-07" and line["skipped"] is None
    first = line["events"][0]
    for key in ("event_type", "sub_event_type", "modality", "date", "date_precision", "location", "admin1", "country",
                "latitude", "longitude", "geonameid", "geo_precision", "actor1", "inter1", "actor2", "inter2",
                "fatalities", "injured", "claims", "cameo", "evidence", "evidence_span", "confidence"):
        assert key in first


def test_ingest_is_idempotent_and_exports(tmp_path, capsys):
    db = tmp_path / "ew.duckdb"
    assert main(["ingest", str(EXAMPLE), "--published", "2012-01-07", "--db", str(db), "--quiet"]) == 0
    assert main(["ingest", str(EXAMPLE), "--published", "2012-01-07", "--db", str(db), "--quiet"]) == 0
    from eventwatch.store import Store

    with Store(db, read_only=True) as store:
        counts = store.counts()
    assert counts["articles"] == 1
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    for column in ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "inter1", "country",
                   "admin1", "location", "latitude", "longitude", "geo_precision", "time_precision", "fatalities"):
        assert column in header
