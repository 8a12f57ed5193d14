"""Extraction on a Dask distributed cluster: the same pipeline, one task per shard of articles.

    run_on_dask(items, options, "tcp://scheduler:8786")          # results back, like pipeline.run
    extract_to_parquet(["corpus/"], "out/", "tcp://scheduler:8786")  # pure scale-out: shards on disk

Each task runs the `Pipeline` cached in its worker process (the model and dictionaries load once per
worker, not once per task) and, when given an output folder, writes one Parquet shard of documents and
one of events with exactly the columns of the DuckDB tables, so `Store.load_parquet` (or DuckDB's
`read_parquet`) takes them as they are. The shard is made by the store's own writer on an in-memory
DuckDB, so a row in a shard is the row `Store.write` would have stored.

The client keeps a bounded window of tasks in flight, so a long input streams with flat memory, and
yields results strictly in input order, reading rejections in the place they were read.
"""
from __future__ import annotations

import logging
import os
import uuid
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from eventwire.pipeline import Options, Pipeline, batched
from eventwire.records import Article, DocumentResult, Rejection

log = logging.getLogger(__name__)

DOCUMENTS_PREFIX, EVENTS_PREFIX = "documents-", "events-"

# One pipeline per options per worker process: built by the first task that needs it.
_PIPELINES: dict[Options, Pipeline] = {}


@dataclass(frozen=True)
class ShardReport:
    """What one task wrote: enough for the client to report progress without shipping results."""

    shard: str
    documents: int
    events: int
    rejections: tuple[Rejection, ...] = ()


def worker_pipeline(options: Options) -> Pipeline:
    pipeline = _PIPELINES.get(options)
    if pipeline is None:
        pipeline = _PIPELINES[options] = Pipeline(options)
        log.info("worker %s: pipeline built", os.getpid())
    return pipeline


def write_shard(results: list[DocumentResult], out_dir: str | Path, shard: str) -> None:
    """Write the documents and events of `results` as two Parquet files named after `shard`.

    Written under a temporary name and renamed, so a reader globbing the folder never sees half a file."""
    from eventwire.store import Store

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with Store(":memory:") as store:
        store.write(results)
        for table, prefix in (("documents", DOCUMENTS_PREFIX), ("events", EVENTS_PREFIX)):
            final = out / f"{prefix}{shard}.parquet"
            partial = out / f".{prefix}{shard}.parquet.partial"
            store.db.execute(f"COPY (SELECT * FROM {table}) TO '{partial}' (FORMAT parquet)")
            os.replace(partial, final)


def extract_shard(articles: list[Article], options: Options, out_dir: str | None, shard: str,
                  return_results: bool = True) -> list[DocumentResult] | ShardReport:
    """The task: code one shard with the worker's pipeline, write it if asked, return what the client needs."""
    results = list(worker_pipeline(options).process_many(articles))
    if out_dir is not None:
        write_shard(results, out_dir, shard)
    if return_results:
        return results
    return ShardReport(shard, len(results), sum(len(r.events) for r in results),
                       tuple(x for r in results for x in r.rejections))


def _connect(address):
    """A client for an address, or the client/cluster given (tests pass a LocalCluster's address)."""
    from distributed import Client

    if isinstance(address, Client):
        return address, False
    return Client(address, set_as_default=False), True


def _submit_all(items: Iterable[Article | Rejection], options: Options, address, out_dir: str | None,
                shard_size: int | None, return_results: bool) -> Iterator[Rejection | object]:
    """Submit shards with a bounded window in flight. Yields, in input order, reading rejections and
    either each article's result or, with `return_results=False`, each shard's `ShardReport`."""
    client, owned = _connect(address)
    run_id = uuid.uuid4().hex[:8]
    size = shard_size or options.batch_size
    try:
        slots = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
        window = 2 * slots  # shards in flight: enough to keep every worker busy, few enough to stay flat
        in_flight: deque = deque()  # (the shard's input items, future or None)
        for index, batch in enumerate(batched(items, size)):
            articles = [item for item in batch if isinstance(item, Article)]
            future = None
            if articles:
                shard = f"{run_id}-{index:06d}"
                future = client.submit(extract_shard, articles, options, out_dir, shard, return_results,
                                       key=f"eventwire-shard-{shard}", pure=False)
            in_flight.append((batch, future))
            while len(in_flight) >= window:
                yield from _finish(in_flight.popleft())
        while in_flight:
            yield from _finish(in_flight.popleft())
    finally:
        for _, future in in_flight:
            if future is not None:
                future.cancel()
        if owned:
            client.close()


def _finish(entry) -> Iterator:
    """A shard's rejections and its task's value; with results, each in the place of its input."""
    batch, future = entry
    value = future.result() if future is not None else []
    if isinstance(value, list):
        results = iter(value)
        for item in batch:
            yield item if isinstance(item, Rejection) else next(results)
    else:
        yield from (item for item in batch if isinstance(item, Rejection))
        yield value


def run_on_dask(items: Iterable[Article | Rejection], options: Options = Options(), address="tcp://127.0.0.1:8786",
                out_dir: str | Path | None = None, shard_size: int | None = None
                ) -> Iterator[DocumentResult | Rejection]:
    """Like `pipeline.run`, on a Dask cluster: the same results in the same order. With `out_dir`, every
    task also writes its Parquet shard there (a folder all workers can reach)."""
    folder = str(out_dir) if out_dir is not None else None
    yield from _submit_all(items, options, address, folder, shard_size, return_results=True)


def extract_to_parquet(inputs: list[str], out_dir: str | Path, address, options: Options = Options(),
                       shard_size: int | None = None) -> tuple[int, int, list[Rejection]]:
    """Read `inputs`, code them on the cluster and leave Parquet shards in `out_dir`; results stay on
    the workers. Returns (documents, events, rejections). Load the shards with `load_shards`."""
    from eventwire.ingest import read_inputs

    documents = events = 0
    rejected: list[Rejection] = []
    for value in _submit_all(read_inputs(list(inputs)), options, address, str(out_dir), shard_size,
                             return_results=False):
        if isinstance(value, Rejection):
            rejected.append(value)
        else:
            documents += value.documents
            events += value.events
            rejected += value.rejections
    log.info("%d documents, %d events written to %s", documents, events, out_dir)
    return documents, events, rejected


def load_shards(store, out_dir: str | Path) -> tuple[int, int]:
    """Load a folder of shards into a `Store`, then rebuild its clusters. Returns (documents, events) added."""
    added = store.load_parquet(out_dir)
    store.refresh_clusters()
    return added
