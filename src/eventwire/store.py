"""The DuckDB store: documents, events (the contract, flattened) and clusters.

One writer owns the file. Documents are keyed by content hash and events by event id, so storing the
same input twice leaves one copy of each. Every row carries the coder version that made it; an article
stored again under a newer coder version has its events replaced (re-coding).
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Iterable, Iterator

import duckdb

from eventwire.errors import StoreError
from eventwire.records import DocumentResult, Event

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    content_hash VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    url VARCHAR, outlet VARCHAR, title VARCHAR,
    published DATE, published_source VARCHAR, language VARCHAR,
    text VARCHAR NOT NULL,
    coder_version VARCHAR NOT NULL,
    stored_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    doc_hash VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    type VARCHAR, mode VARCHAR, cameo VARCHAR NOT NULL, quad_class INTEGER, goldstein DOUBLE,
    source_text VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR,
    source_agent VARCHAR, source_kb_id VARCHAR,
    target_text VARCHAR, target_name VARCHAR, target_code VARCHAR, target_country VARCHAR,
    target_agent VARCHAR, target_kb_id VARCHAR,
    date VARCHAR, date_end VARCHAR, date_text VARCHAR, date_start DATE,
    location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
    location_admin1 VARCHAR, location_feature_class VARCHAR,
    attribution VARCHAR, modality VARCHAR, negated BOOLEAN, quantity VARCHAR,
    sentence VARCHAR, span_start INTEGER, span_end INTEGER, confidence DOUBLE,
    emitted BOOLEAN, coder_version VARCHAR NOT NULL, contract VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS clusters (
    cluster_id VARCHAR PRIMARY KEY,
    type VARCHAR, source_country VARCHAR, target_country VARCHAR, date VARCHAR,
    num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER, first_seen DATE
);
"""

EVENT_COLUMNS = (
    "event_id", "doc_hash", "doc_id", "type", "mode", "cameo", "quad_class", "goldstein",
    "source_text", "source_name", "source_code", "source_country", "source_agent", "source_kb_id",
    "target_text", "target_name", "target_code", "target_country", "target_agent", "target_kb_id",
    "date", "date_end", "date_text", "date_start",
    "location_name", "location_country", "location_lat", "location_lon", "location_admin1",
    "location_feature_class", "attribution", "modality", "negated", "quantity", "sentence",
    "span_start", "span_end", "confidence", "emitted", "coder_version", "contract",
)


def event_row(event: Event) -> tuple:
    def actor(a):
        return (a.text, a.name, a.code, a.country, a.agent, a.kb_id) if a else (None,) * 6
    place = event.location
    contract = event.to_contract()
    return (
        event.event_id, event.doc_hash, event.doc_id, event.type, event.mode, event.cameo, event.quad_class,
        event.goldstein, *actor(event.source), *actor(event.target),
        contract["date"], contract["date_end"], contract["date_text"], event.date.start if event.date else None,
        place.name if place else None, place.country if place else None, place.lat if place else None,
        place.lon if place else None, place.admin1 if place else None, place.feature_class if place else None,
        event.attribution, event.modality.value, event.negated,
        json.dumps(contract["quantity"]) if event.quantity else None, event.sentence, event.span[0],
        event.span[1], event.confidence, event.emitted_by_default, event.coder_version,
        json.dumps(contract, ensure_ascii=False),
    )


class Store:
    """A DuckDB file opened for writing (one writer) or reading."""

    def __init__(self, path: str | Path = "eventwire.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.db = duckdb.connect(self.path, read_only=read_only)
            if not read_only:
                self.db.execute(SCHEMA)
        except duckdb.Error as err:
            raise StoreError(f"cannot open the store: {err}", origin=self.path) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def write(self, results: Iterable[DocumentResult]) -> tuple[int, int]:
        """Store documents and their events, a batch in one transaction (events go in as one Arrow
        table). If the batch fails, each document is tried on its own, so one bad document costs only
        itself: the rest are stored and the first failure is raised after. Returns (documents, events)."""
        results = list(results)
        if not results:
            return 0, 0
        try:
            self.db.execute("BEGIN TRANSACTION")
            counts = self._write_batch(results)
            self.db.execute("COMMIT")
            return counts
        except duckdb.Error:
            self.db.execute("ROLLBACK")
        docs = events = 0
        failure: StoreError | None = None
        for result in results:
            try:
                self.db.execute("BEGIN TRANSACTION")
                d, e = self._write_batch([result])
                self.db.execute("COMMIT")
                docs, events = docs + d, events + e
            except duckdb.Error as err:
                self.db.execute("ROLLBACK")
                failure = failure or StoreError(f"could not store {result.article.doc_id}: {err}", origin=self.path)
        if failure is not None:
            raise failure
        return docs, events

    def _write_batch(self, results: list[DocumentResult]) -> tuple[int, int]:
        import pyarrow as pa

        hashes = list({r.article.content_hash for r in results})
        known = dict(self.db.execute("SELECT content_hash, coder_version FROM documents WHERE content_hash IN "
                                     f"({','.join('?' * len(hashes))})", hashes).fetchall())
        docs, rows = 0, []
        for result in results:
            a = result.article
            version = result.coder_version or (result.events[0].coder_version if result.events else None)
            if a.content_hash not in known:
                self.db.execute(
                    "INSERT INTO documents (content_hash, doc_id, url, outlet, title, published, "
                    "published_source, language, text, coder_version) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    [a.content_hash, a.doc_id, a.url, a.outlet, a.title, a.published,
                     a.published_source.value if a.published_source else None, a.language, a.text, version or ""])
                known[a.content_hash] = version or ""
                docs += 1
            elif version and known[a.content_hash] != version:  # re-coded under newer dictionaries
                self.db.execute("DELETE FROM events WHERE doc_hash = ?", [a.content_hash])
                self.db.execute("UPDATE documents SET coder_version = ? WHERE content_hash = ?",
                                [version, a.content_hash])
                known[a.content_hash] = version
            rows += [event_row(e) for e in result.events]
        if rows:
            table = pa.table({name: [row[i] for row in rows] for i, name in enumerate(EVENT_COLUMNS)})
            self.db.register("eventwire_new_events", table)
            try:
                self.db.execute(f"INSERT INTO events ({','.join(EVENT_COLUMNS)}) SELECT {','.join(EVENT_COLUMNS)} "
                                "FROM eventwire_new_events ON CONFLICT (event_id) DO NOTHING")
            finally:
                self.db.unregister("eventwire_new_events")
        return docs, len(rows)

    def refresh_clusters(self) -> int:
        """One row per real-world event seen across articles: same type, dyad and date."""
        self.db.execute("DELETE FROM clusters")
        self.db.execute("""
            INSERT INTO clusters
            SELECT md5(concat_ws('|', coalesce(e.type, '-'), coalesce(e.source_country, '-'),
                                  coalesce(e.target_country, '-'), coalesce(e.date, '-'))) AS cluster_id,
                   e.type, e.source_country, e.target_country, e.date,
                   count(*) AS num_mentions,
                   count(DISTINCT coalesce(d.outlet, d.url, e.doc_hash)) AS num_sources,
                   count(DISTINCT e.doc_hash) AS num_articles,
                   min(d.published) AS first_seen
            FROM events e JOIN documents d ON d.content_hash = e.doc_hash
            WHERE e.emitted
            GROUP BY e.type, e.source_country, e.target_country, e.date""")
        return self.db.execute("SELECT count(*) FROM clusters").fetchone()[0]

    def count(self, table: str) -> int:
        if table not in ("documents", "events", "clusters"):
            raise ValueError(table)
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def events(self, where: str = "TRUE", params: list | None = None) -> Iterator[dict]:
        """Stored events in the contract's form."""
        for (contract,) in self.db.execute(f"SELECT contract FROM events WHERE {where} ORDER BY doc_id, span_start",
                                           params or []).fetchall():
            yield json.loads(contract)

    def load_parquet(self, folder: str | Path) -> tuple[int, int]:
        """Load Parquet shards written by distributed workers (documents-*.parquet, events-*.parquet)."""
        folder = Path(folder)
        docs_glob, events_glob = str(folder / "documents-*.parquet"), str(folder / "events-*.parquet")
        before = self.count("documents"), self.count("events")
        if list(folder.glob("documents-*.parquet")):
            self.db.execute(f"INSERT INTO documents SELECT * FROM read_parquet('{docs_glob}') "
                            "ON CONFLICT (content_hash) DO NOTHING")
        if list(folder.glob("events-*.parquet")):
            self.db.execute(f"INSERT INTO events SELECT * FROM read_parquet('{events_glob}') "
                            "ON CONFLICT (event_id) DO NOTHING")
        return self.count("documents") - before[0], self.count("events") - before[1]

