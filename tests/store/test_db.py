"""The DuckDB store: round trip of the output contract, idempotent writes, clear errors."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwatch.errors import StoreError
from eventwatch.records import (
    Actor, Article, Claim, Event, Incident, Quantity, Result, Skipped, Span, Statement, content_id,
)
from eventwatch.store import Store, WriteReport

BOMBING = "A car bomb exploded near a police station in Kirkuk on Monday, killing at least 12 people, police said."
PROTEST = "Hundreds of students marched in Dhaka on Friday. The government accused the opposition of unrest."


def bombing_result(article_id: str = "k1", *, toll: Quantity | None = Quantity(12, None)) -> Result:
    text = BOMBING
    claim = Claim("police", "government", "killed", 12, None, False, text, Span(0, len(text)), Span(94, 100))
    event = Event(
        id=content_id(article_id, "bomb"), event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED", modality="asserted", evidence=text,
        evidence_span=Span(0, len(text)), date=dt.date(2019, 3, 4), date_precision="day", location="Kirkuk",
        admin1="Kirkuk", country="IQ", latitude=35.4681, longitude=44.3922, geonameid=94787, geo_precision=1,
        actor1=Actor("Unidentified Armed Group (Iraq)", 3), actor2=Actor("Police Forces of Iraq", 1, "IQ", "IRQCOP"),
        fatalities=toll, injured=None, claims=(claim,), cameo="183", confidence=0.8123, trigger="exploded",
        spans=(("location", Span(44, 50)), ("date", Span(54, 60))),
    )
    article = Article(article_id, text, dt.date(2019, 3, 5), "en", "http://example.org/k1", "Bomb", "Example News")
    return Result(article, (event,))


def protest_result(article_id: str = "d1") -> Result:
    text = PROTEST
    event = Event(
        id=content_id(article_id, "march"), event_type="Protests", sub_event_type="Peaceful protest",
        modality="asserted", evidence=text[:47], evidence_span=Span(0, 47), date=dt.date(2020, 1, 3),
        date_precision="day", location="Dhaka", country="BD", actor1=Actor("Protesters (Bangladesh)", 6),
        fatalities=Quantity(None, None),
    )
    statement = Statement(
        id=content_id(article_id, "accuse"), type="ACCUSE", cameo="112", source="Government of Bangladesh",
        target="Opposition (Bangladesh)", evidence=text[48:], evidence_span=Span(48, len(text)),
        source_span=Span(52, 62), trigger="accused",
    )
    return Result(Article(article_id, text, dt.date(2020, 1, 4)), (event,), (statement,))


def skipped_result() -> Result:
    return Result(Article("s1", "", None), skipped=Skipped("empty", source="inbox/s1.txt", id="s1"))


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "ew.duckdb") as opened:
        yield opened


@pytest.mark.parametrize(
    "result", [bombing_result(), protest_result(), skipped_result()], ids=["claims", "statement", "skipped"]
)
def test_stored_article_reads_back_as_the_output_contract(store: Store, result: Result) -> None:
    store.write([result])
    assert list(store.results()) == [result.to_dict()]


def test_write_reports_rows_per_table(store: Store) -> None:
    report = store.write([bombing_result(), protest_result(), skipped_result()])
    assert report == WriteReport(articles=3, events=2, claims=1, statements=1, skipped=1)


@pytest.mark.parametrize("batch_size", [1, 2, 500])
def test_rewriting_the_same_articles_keeps_counts(store: Store, batch_size: int) -> None:
    results = [bombing_result("k1"), bombing_result("k2"), protest_result(), skipped_result()]
    store.write(results, batch_size=batch_size)
    first = store.counts()
    store.write(results, batch_size=batch_size)
    assert store.counts() == first
    assert first["articles"] == 4 and first["events"] == 3 and first["claims"] == 2 and first["skipped"] == 1


def test_recoding_an_article_replaces_its_old_figures(store: Store) -> None:
    store.write([bombing_result(toll=Quantity(12, None))])
    store.write([bombing_result(toll=Quantity(15, 15))])
    [stored] = list(store.results())
    assert stored["events"][0]["fatalities"] == {"min": 15, "max": 15}


def test_repeated_article_in_one_write_is_stored_once(store: Store) -> None:
    report = store.write([bombing_result(toll=Quantity(3, 3)), bombing_result(toll=Quantity(4, 4))])
    assert report.articles == 1
    assert [r["events"][0]["fatalities"] for r in store.results()] == [{"min": 4, "max": 4}]


@pytest.mark.parametrize(
    ("toll", "expected"),
    [(None, None), (Quantity(None, None), {"min": None, "max": None}), (Quantity(0, 0), {"min": 0, "max": 0})],
    ids=["no count", "count unknown", "none died"],
)
def test_unknown_toll_and_zero_toll_stay_distinct(store: Store, toll: Quantity | None, expected: object) -> None:
    store.write([bombing_result(toll=toll)])
    assert next(store.results())["events"][0]["fatalities"] == expected


def test_article_text_is_kept_for_checking_evidence(store: Store) -> None:
    store.write([bombing_result()])
    text = store.article_text("k1")
    event = next(store.results())["events"][0]
    start, end = event["evidence_span"]
    assert text is not None and text[start:end] == event["evidence"]


def test_results_survive_reopening_read_only(tmp_path: Path) -> None:
    path = tmp_path / "ew.duckdb"
    with Store(path) as store:
        store.write([bombing_result(), protest_result()])
    with Store(path, read_only=True) as store:
        assert [r["article"]["id"] for r in store.results()] == ["k1", "d1"]
        with pytest.raises(StoreError):
            store.write([skipped_result()])


def test_incidents_are_replaced_by_the_next_clustering_run(store: Store) -> None:
    def incident(ident: str, events: tuple[str, ...]) -> Incident:
        return Incident(ident, events, ("k1", "k2"), "Battles", "Armed clash", dt.date(2019, 3, 4), "IQ", "Kirkuk",
                        Quantity(3, None), {"members": [["k1", events[0]], ["k2", events[1]]]})

    store.write_incidents([incident("i1", ("e1", "e2"))])
    store.write_incidents([incident("i2", ("e3", "e4"))])
    [stored] = list(store.incidents())
    assert stored["id"] == "i2"
    assert stored["members"] == [["k1", "e3"], ["k2", "e4"]]
    assert stored["fatalities"] == {"min": 3, "max": None}
    assert store.counts()["incident_events"] == 2


@pytest.mark.parametrize(
    ("content", "hint_word"),
    [(b"this is not a database\n" * 10, "not a DuckDB"), (None, "no store")],
    ids=["text file", "missing file"],
)
def test_opening_a_bad_path_raises_store_error_with_hint(tmp_path: Path, content: bytes | None, hint_word: str) -> None:
    path = tmp_path / "bad.duckdb"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        Store(path, read_only=content is None)
    assert caught.value.hint and hint_word in caught.value.hint


def test_store_locked_by_another_process_names_the_cause(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    path = tmp_path / "ew.duckdb"
    with Store(path):
        code = (
            "import sys\nfrom eventwatch.store import Store\nfrom eventwatch.errors import StoreError\n"
            f"try:\n    Store({str(path)!r})\nexcept StoreError as e:\n    print(e.hint)\n"
        )
        # the child must import this checkout of eventwatch, installed or not
        root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert "holds the store open" in done.stdout


def test_exports_of_stored_and_fresh_results_are_identical(store: Store) -> None:
    import io

    from eventwatch.export import write_csv, write_plover_jsonl

    fresh = [bombing_result(), protest_result()]
    store.write(fresh)
    for writer in (write_csv, write_plover_jsonl):
        from_store, from_fresh = io.StringIO(), io.StringIO()
        writer(store.results(), from_store)
        writer(sorted((r.to_dict() for r in fresh), key=lambda d: d["article"]["published"]), from_fresh)
        assert from_store.getvalue() == from_fresh.getvalue()
