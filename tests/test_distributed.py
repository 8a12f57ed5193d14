"""The Dask runner on a real LocalCluster gives what the single-process runner gives, shards included."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.pipeline import Options, run
from eventwire.records import Article, DocumentResult, Rejection

SHARED = Path(__file__).parents[2] / "shared"
SEED = SHARED / "seed" / "belarus-eu-contacts.txt"

# Written for these tests: short reports of the kinds of events the coder knows, and one with none.
TEXTS = [
    "Poland's foreign minister met his Lithuanian counterpart in Vilnius on Monday to discuss border security.",
    "Russia accused Ukraine of shelling a border village on Tuesday, the Kremlin said.",
    "The weather in Lisbon stayed mild all week, and the cafés along the river were full.",
    "Germany pledged 40 million euros in humanitarian aid to Sudan on Wednesday.",
    "Police arrested dozens of protesters in Tbilisi after a rally outside parliament.",
    "France and Italy signed an agreement on energy cooperation in Rome.\n\nThe talks had lasted two days.",
    "Belarus denied that its troops had crossed into Lithuania, calling the report a provocation.",
]


def items() -> list[Article | Rejection]:
    out: list[Article | Rejection] = [
        Article(f"short-{i}", text, published=date(2024, 3, 4 + i)) for i, text in enumerate(TEXTS)]
    out.insert(3, Rejection("broken.jsonl:2", "ingest", "E101", "not JSON"))
    if SEED.exists():
        out.append(Article("seed", SEED.read_text(encoding="utf-8"), published=date(2025, 10, 20)))
    return out


def flatten(results) -> list[tuple]:
    """A comparable form of a result stream: order, documents, every event in the contract's form."""
    out = []
    for item in results:
        if isinstance(item, Rejection):
            out.append(("rejected", item))
        else:
            assert isinstance(item, DocumentResult)
            out.append((item.article.doc_id, item.article.content_hash,
                        [e.to_json_line() for e in item.events], item.rejections))
    return out


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                                  host="127.0.0.1") as local:
        yield local


@pytest.fixture(scope="module")
def single():
    return list(run(items(), Options(), workers=1))


@pytest.mark.model
def test_cluster_listens_on_loopback_only(cluster):
    from distributed import Client

    with Client(cluster.scheduler_address, set_as_default=False) as client:
        info = client.scheduler_info()
    addresses = [cluster.scheduler_address] + list(info["workers"])
    addresses += [w.get("nanny") for w in info["workers"].values() if w.get("nanny")]
    assert len(info["workers"]) == 2
    assert all(a.startswith("tcp://127.0.0.1:") for a in addresses), addresses


@pytest.mark.model
def test_dask_results_equal_single_process(cluster, single, tmp_path):
    from eventwire.distributed import run_on_dask

    on_dask = list(run_on_dask(items(), Options(), cluster.scheduler_address, out_dir=tmp_path, shard_size=2))
    documents = [x for x in flatten(on_dask) if x[0] != "rejected"]
    assert documents == [x for x in flatten(single) if x[0] != "rejected"]
    # strictly in input order: the reading rejection keeps its place among the articles
    assert [x[0] if x[0] != "rejected" else x[1].origin for x in flatten(on_dask)] == \
        [i.doc_id if isinstance(i, Article) else i.origin for i in items()]
    assert sum(len(r.events) for r in single if isinstance(r, DocumentResult)) >= 3  # the texts do code events
    shards = sorted(p.name for p in tmp_path.glob("*.parquet"))
    assert len([s for s in shards if s.startswith("events-")]) == len([s for s in shards if s.startswith("documents-")])
    assert not list(tmp_path.glob(".*partial"))


def stored(db: Path) -> tuple[list, list]:
    from eventwire.store import Store

    with Store(db, read_only=True) as store:
        docs = store.db.execute("SELECT content_hash, doc_id, published, text FROM documents ORDER BY doc_id").fetchall()
        events = sorted(json.dumps(e, sort_keys=True) for e in store.events())
    return docs, events


@pytest.mark.model
def test_parquet_shards_load_into_the_store_as_store_write_would(cluster, single, tmp_path):
    from eventwire.distributed import extract_to_parquet, load_shards
    from eventwire.store import Store

    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for item in items():
            if isinstance(item, Article):
                out.write(json.dumps({"id": item.doc_id, "text": item.text,
                                      "published": item.published.isoformat()}) + "\n")
    shards = tmp_path / "shards"
    documents, events, rejected = extract_to_parquet([str(corpus)], shards, cluster.scheduler_address,
                                                     shard_size=3)
    expected = [r for r in single if isinstance(r, DocumentResult)]
    assert documents == len(expected) and not rejected
    assert events == sum(len(r.events) for r in expected)

    with Store(tmp_path / "from-shards.duckdb") as store:
        assert load_shards(store, shards) == (documents, events)
        assert load_shards(store, shards) == (0, 0)  # loading twice keeps one copy
    with Store(tmp_path / "direct.duckdb") as store:
        store.write(expected)
    assert stored(tmp_path / "from-shards.duckdb") == stored(tmp_path / "direct.duckdb")
