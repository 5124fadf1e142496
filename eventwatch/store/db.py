"""The DuckDB store: the only module that writes SQL.

Rows are built in Python, turned into one Arrow table per table and batch, and inserted with a single
``INSERT ... SELECT`` each, so writing costs a few statements per batch rather than one per row. Re-writing an
article deletes its child rows and inserts them again inside the same transaction; because every id is a
content hash the store ends up with identical rows and unchanged counts.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any, Iterable, Iterator, Sequence

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..records import Claim, Event, Incident, Quantity, Result, Span, Statement, content_id

__all__ = ["Store", "WriteReport", "SCHEMA_VERSION"]

SCHEMA_VERSION = "1"
_CHILD_TABLES = ("events", "claims", "statements")
_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "DATE": pa.date32(),
    "DOUBLE": pa.float64(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "BOOLEAN": pa.bool_(),
    "TIMESTAMP": pa.timestamp("us"),
}


@dataclass(frozen=True)
class WriteReport:
    """Rows written by one :meth:`Store.write` call (after dropping repeated articles within the call)."""

    articles: int
    events: int
    claims: int
    statements: int
    skipped: int


def _schema_sql() -> str:
    return resources.files("eventwatch.store").joinpath("schema.sql").read_text(encoding="utf-8")


def _open_error(path: Path, exc: duckdb.Error, *, read_only: bool) -> StoreError:
    message = str(exc)
    lowered = message.lower()
    if "lock" in lowered:
        hint = "another process (an ingest, or `eventwatch serve`) holds the store open; stop it or use another --db"
    elif "not a valid duckdb" in lowered or "magic" in lowered:
        hint = "the file exists but is not a DuckDB database; pass a new path with --db"
    elif read_only and "does not exist" in lowered:
        hint = "no store there yet; run `eventwatch ingest` to create it, or check --db"
    else:
        hint = "check that the directory exists and is writable, and that --db points at a DuckDB file"
    return StoreError(f"cannot open store {path}: {message}", hint=hint)


def _span_cols(span: Span | None, prefix: str) -> dict[str, int | None]:
    return {f"{prefix}_start": span.start if span else None, f"{prefix}_end": span.end if span else None}


def _range_cols(quantity: Quantity | None, prefix: str) -> dict[str, Any]:
    return {
        f"{prefix}_known": quantity is not None,
        f"{prefix}_min": quantity.min if quantity else None,
        f"{prefix}_max": quantity.max if quantity else None,
    }


def _event_row(article_id: str, ord_: int, event: Event) -> dict[str, Any]:
    row: dict[str, Any] = {
        "article_id": article_id,
        "id": event.id,
        "ord": ord_,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "modality": event.modality,
        "date": event.date,
        "date_precision": event.date_precision,
        "location": event.location,
        "location_detail": event.location_detail,
        "admin1": event.admin1,
        "country": event.country,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geonameid": event.geonameid,
        "geo_precision": event.geo_precision,
        "actor1": event.actor1.name if event.actor1 else None,
        "inter1": event.actor1.inter if event.actor1 else None,
        "actor1_cameo": event.actor1.cameo if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "inter2": event.actor2.inter if event.actor2 else None,
        "actor2_cameo": event.actor2.cameo if event.actor2 else None,
        "cameo": event.cameo,
        "evidence": event.evidence,
        # the contract rounds confidence to 3 places; store what the contract shows
        "confidence": round(event.confidence, 3),
        "trigger": event.trigger,
        "spans": json.dumps({name: span.to_list() for name, span in event.spans}),
    }
    row.update(_range_cols(event.fatalities, "fatalities"))
    row.update(_range_cols(event.injured, "injured"))
    row.update(_span_cols(event.evidence_span, "evidence"))
    return row


def _claim_row(article_id: str, event_id: str, ord_: int, claim: Claim) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": content_id(article_id, event_id, ord_),
        "event_id": event_id,
        "article_id": article_id,
        "ord": ord_,
        "claimant": claim.claimant,
        "claimant_type": claim.claimant_type,
        "about": claim.about,
        "min": claim.min,
        "max": claim.max,
        "approximate": claim.approximate,
        "quote": claim.quote,
    }
    row.update(_span_cols(claim.span, "span"))
    row.update(_span_cols(claim.claimant_span, "claimant"))
    return row


def _statement_row(article_id: str, ord_: int, statement: Statement) -> dict[str, Any]:
    row: dict[str, Any] = {
        "article_id": article_id,
        "id": statement.id,
        "ord": ord_,
        "type": statement.type,
        "cameo": statement.cameo,
        "source": statement.source,
        "target": statement.target,
        "evidence": statement.evidence,
        "trigger": statement.trigger,
    }
    row.update(_span_cols(statement.evidence_span, "evidence"))
    row.update(_span_cols(statement.source_span, "source"))
    row.update(_span_cols(statement.target_span, "target"))
    return row


def _article_row(result: Result, coded_at: dt.datetime) -> dict[str, Any]:
    article = result.article
    return {
        "id": article.id,
        "published": article.published,
        "language": article.language,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "source": article.source or (result.skipped.source if result.skipped else None),
        "text": article.text,
        "skipped_reason": result.skipped.reason if result.skipped else None,
        "coded_at": coded_at,
    }


def _pair(row: dict[str, Any], prefix: str) -> list[int] | None:
    start, end = row[f"{prefix}_start"], row[f"{prefix}_end"]
    return None if start is None else [start, end]


def _range(row: dict[str, Any], prefix: str) -> dict[str, int | None] | None:
    if not row[f"{prefix}_known"]:
        return None
    return {"min": row[f"{prefix}_min"], "max": row[f"{prefix}_max"]}


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


class Store:
    """A DuckDB file holding coded articles, their events, claims and statements, and incidents.

    >>> with Store("eventwatch.duckdb") as store:        # doctest: +SKIP
    ...     store.write(results)
    ...     rows = list(store.results())
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(
                f"no store at {self.path}",
                hint="no store there yet: run `eventwatch ingest` to create it, or point --db at an existing store",
            )
        try:
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise _open_error(self.path, exc, read_only=read_only) from exc
        if not read_only:
            try:
                self._con.execute(_schema_sql())
                self._con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION]
                )
            except duckdb.Error as exc:
                self._con.close()
                raise StoreError(
                    f"cannot create the eventwatch tables in {self.path}: {exc}",
                    hint="the file may be a DuckDB database made by something else; use a new --db path",
                ) from exc
        self._arrow_schemas: dict[str, pa.Schema] = {}

    # -- context manager ------------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    # -- writing --------------------------------------------------------------------------------------
    def write(self, results: Iterable[Result], *, batch_size: int = 500) -> WriteReport:
        """Insert results in batches of ``batch_size`` articles; re-writing an article replaces its rows."""
        if batch_size < 1:
            raise StoreError(f"batch_size must be >= 1, got {batch_size}", hint="use the default of 500")
        self._require_writable()
        totals = {"articles": 0, "events": 0, "claims": 0, "statements": 0, "skipped": 0}
        batch: dict[str, Result] = {}
        for result in results:
            # a later copy of the same article in one call wins, as it would across calls
            batch.pop(result.article.id, None)
            batch[result.article.id] = result
            if len(batch) >= batch_size:
                self._write_batch(list(batch.values()), totals)
                batch = {}
        if batch:
            self._write_batch(list(batch.values()), totals)
        return WriteReport(**totals)

    def _write_batch(self, batch: Sequence[Result], totals: dict[str, int]) -> None:
        coded_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        rows: dict[str, list[dict[str, Any]]] = {"articles": [], "events": [], "claims": [], "statements": []}
        for result in batch:
            article_id = result.article.id
            rows["articles"].append(_article_row(result, coded_at))
            for ord_, event in enumerate(result.events):
                rows["events"].append(_event_row(article_id, ord_, event))
                for claim_ord, claim in enumerate(event.claims):
                    rows["claims"].append(_claim_row(article_id, event.id, claim_ord, claim))
            for ord_, statement in enumerate(result.statements):
                rows["statements"].append(_statement_row(article_id, ord_, statement))
        ids = pa.table({"id": pa.array([r["id"] for r in rows["articles"]], pa.string())})
        try:
            self._con.begin()
            self._con.register("_batch_ids", ids)
            # incidents are left alone: they are a snapshot of the last clustering run, which re-running refreshes
            for table in _CHILD_TABLES:
                self._con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM _batch_ids)")
            self._con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM _batch_ids)")
            self._con.unregister("_batch_ids")
            for table, table_rows in rows.items():
                self._insert(table, table_rows)
            self._con.commit()
        except duckdb.Error as exc:
            self._con.rollback()
            raise StoreError(
                f"writing {len(batch)} articles to {self.path} failed: {exc}",
                hint="two events or statements in one article share an id; ids must be content hashes",
            ) from exc
        totals["articles"] += len(rows["articles"])
        totals["events"] += len(rows["events"])
        totals["claims"] += len(rows["claims"])
        totals["statements"] += len(rows["statements"])
        totals["skipped"] += sum(1 for r in batch if r.skipped is not None)

    def _arrow_schema(self, table: str) -> pa.Schema:
        # derived from the DDL so schema.sql stays the single description of every column
        if table not in self._arrow_schemas:
            columns = self._con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
            self._arrow_schemas[table] = pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in columns])
        return self._arrow_schemas[table]

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        arrow = pa.Table.from_pylist(rows, schema=self._arrow_schema(table))
        self._con.register("_batch_rows", arrow)
        try:
            self._con.execute(f"INSERT INTO {table} SELECT * FROM _batch_rows")
        finally:
            self._con.unregister("_batch_rows")

    def write_incidents(self, incidents: Sequence[Incident], *, replace: bool = True) -> None:
        """Store incidents from one clustering run. ``replace`` drops the previous run's incidents first,
        because a new run re-partitions every event and old incidents would overlap the new ones."""
        self._require_writable()
        incident_rows: list[dict[str, Any]] = []
        member_rows: list[dict[str, Any]] = []
        for incident in incidents:
            # cluster_events records (article_id, event_id) pairs; hand-made incidents pair the ids by position
            members = incident.extra.get("members") or [
                [article_id, event_id]
                for article_id, event_id in zip(incident.article_ids, incident.event_ids)
            ]
            incident_rows.append({
                "id": incident.id,
                "event_type": incident.event_type,
                "sub_event_type": incident.sub_event_type,
                "date": incident.date,
                "country": incident.country,
                "location": incident.location,
                "fatalities_min": incident.fatalities.min if incident.fatalities else None,
                "fatalities_max": incident.fatalities.max if incident.fatalities else None,
                "n_events": len(incident.event_ids),
                "n_articles": len(set(incident.article_ids)),
                "extra": json.dumps(incident.extra, default=str, sort_keys=True),
            })
            member_rows.extend(
                {"incident_id": incident.id, "article_id": a, "event_id": e} for a, e in members
            )
        try:
            self._con.begin()
            if replace:
                self._con.execute("DELETE FROM incident_events")
                self._con.execute("DELETE FROM incidents")
            else:
                ids = pa.table({"id": pa.array([r["id"] for r in incident_rows], pa.string())})
                self._con.register("_batch_ids", ids)
                self._con.execute("DELETE FROM incident_events WHERE incident_id IN (SELECT id FROM _batch_ids)")
                self._con.execute("DELETE FROM incidents WHERE id IN (SELECT id FROM _batch_ids)")
                self._con.unregister("_batch_ids")
            self._insert("incidents", incident_rows)
            self._insert("incident_events", member_rows)
            self._con.commit()
        except duckdb.Error as exc:
            self._con.rollback()
            raise StoreError(
                f"writing {len(incident_rows)} incidents to {self.path} failed: {exc}",
                hint="incident ids must be unique within one clustering run",
            ) from exc

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self.path} was opened read-only", hint="open it without read_only to write")

    # -- reading --------------------------------------------------------------------------------------
    def _dict_rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self._con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, values)) for values in cursor.fetchall()]

    def counts(self) -> dict[str, int]:
        """Rows per table, plus ``skipped`` (articles stored with a skip reason)."""
        counts = {
            table: int(self._con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]
            for table in ("articles", *_CHILD_TABLES, "incidents", "incident_events")
        }
        row = self._con.execute("SELECT count(*) FROM articles WHERE skipped_reason IS NOT NULL").fetchone()
        counts["skipped"] = int(row[0]) if row else 0
        return counts

    def results(self, *, batch_size: int = 500) -> Iterator[dict[str, Any]]:
        """Stored articles in the output-contract shape (``Result.to_dict()``), ordered by published date, id."""
        article_ids = [
            r[0] for r in self._con.execute(
                "SELECT id FROM articles ORDER BY published NULLS LAST, id"
            ).fetchall()
        ]
        for start in range(0, len(article_ids), batch_size):
            yield from self._results_for(article_ids[start:start + batch_size])

    def _results_for(self, article_ids: list[str]) -> Iterator[dict[str, Any]]:
        ids = pa.table({"id": pa.array(article_ids, pa.string())})
        self._con.register("_read_ids", ids)
        try:
            def select(table: str, order: str) -> list[dict[str, Any]]:
                key = "id" if table == "articles" else "article_id"
                return self._dict_rows(
                    f"SELECT t.* FROM {table} t JOIN _read_ids r ON t.{key} = r.id ORDER BY {order}"
                )

            articles = {r["id"]: r for r in select("articles", "t.id")}
            events = select("events", "t.article_id, t.ord")
            claims = select("claims", "t.article_id, t.event_id, t.ord")
            statements = select("statements", "t.article_id, t.ord")
        finally:
            self._con.unregister("_read_ids")
        claims_by_event: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for row in claims:
            claims_by_event.setdefault((row["article_id"], row["event_id"]), []).append(_claim_dict(row))
        events_by_article: dict[str, list[dict[str, Any]]] = {}
        for row in events:
            event = _event_dict(row, claims_by_event.get((row["article_id"], row["id"]), []))
            events_by_article.setdefault(row["article_id"], []).append(event)
        statements_by_article: dict[str, list[dict[str, Any]]] = {}
        for row in statements:
            statements_by_article.setdefault(row["article_id"], []).append(_statement_dict(row))
        for article_id in article_ids:
            article = articles[article_id]
            yield {
                "article": {
                    "id": article["id"],
                    "published": _iso(article["published"]),
                    "language": article["language"],
                    "url": article["url"],
                    "title": article["title"],
                    "outlet": article["outlet"],
                },
                "skipped": article["skipped_reason"],
                "events": events_by_article.get(article_id, []),
                "statements": statements_by_article.get(article_id, []),
            }

    def article_text(self, article_id: str) -> str | None:
        """The stored text of one article, so a user can check evidence spans against it."""
        row = self._con.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else None

    def incidents(self) -> Iterator[dict[str, Any]]:
        """Stored incidents with their members, newest first."""
        members: dict[str, list[list[str]]] = {}
        for row in self._dict_rows("SELECT * FROM incident_events ORDER BY incident_id, article_id, event_id"):
            members.setdefault(row["incident_id"], []).append([row["article_id"], row["event_id"]])
        for row in self._dict_rows("SELECT * FROM incidents ORDER BY date DESC NULLS LAST, id"):
            yield {
                "id": row["id"],
                "event_type": row["event_type"],
                "sub_event_type": row["sub_event_type"],
                "date": _iso(row["date"]),
                "country": row["country"],
                "location": row["location"],
                "fatalities": (
                    None if row["fatalities_min"] is None and row["fatalities_max"] is None
                    else {"min": row["fatalities_min"], "max": row["fatalities_max"]}
                ),
                "n_events": row["n_events"],
                "n_articles": row["n_articles"],
                "members": members.get(row["id"], []),
                "extra": json.loads(row["extra"]) if row["extra"] else {},
            }


def _claim_dict(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "claimant": row["claimant"],
        "claimant_type": row["claimant_type"],
        "about": row["about"],
        "min": row["min"],
        "max": row["max"],
        "approximate": row["approximate"],
        "quote": row["quote"],
        "span": _pair(row, "span"),
        "claimant_span": _pair(row, "claimant"),
    }


def _event_dict(row: dict[str, Any], claims: list[dict[str, Any]]) -> dict[str, Any]:
    # key order follows Event.to_dict so stored and fresh output serialise identically
    return {
        "id": row["id"],
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "modality": row["modality"],
        "date": _iso(row["date"]),
        "date_precision": row["date_precision"],
        "location": row["location"],
        "location_detail": row["location_detail"],
        "admin1": row["admin1"],
        "country": row["country"],
        "latitude": row["latitude"],
        "longitude": row["longitude"],
        "geonameid": row["geonameid"],
        "geo_precision": row["geo_precision"],
        "actor1": row["actor1"],
        "inter1": row["inter1"],
        "actor2": row["actor2"],
        "inter2": row["inter2"],
        "actor1_cameo": row["actor1_cameo"],
        "actor2_cameo": row["actor2_cameo"],
        "fatalities": _range(row, "fatalities"),
        "injured": _range(row, "injured"),
        "claims": claims,
        "cameo": row["cameo"],
        "evidence": row["evidence"],
        "evidence_span": _pair(row, "evidence"),
        "confidence": row["confidence"],
        "trigger": row["trigger"],
        "spans": json.loads(row["spans"]) if row["spans"] else {},
    }


def _statement_dict(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "type": row["type"],
        "cameo": row["cameo"],
        "source": row["source"],
        "target": row["target"],
        "evidence": row["evidence"],
        "evidence_span": _pair(row, "evidence"),
        "source_span": _pair(row, "source"),
        "target_span": _pair(row, "target"),
        "trigger": row["trigger"],
    }
