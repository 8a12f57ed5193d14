"""The process-pool runner: the same events as one process, in input order, streaming with flat memory."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.pipeline import Options, run
from eventwire.records import Article, DocumentResult, Rejection

# Written for these tests; several code events, one does not.
TEXTS = [
    "Hungary and Romania agreed on Wednesday to cooperate on returning refugees.",
    "Japan's prime minister visited Canberra on Friday for talks with Australian officials.",
    "Turkish police detained several journalists in Istanbul on Sunday.",
    "It rained all afternoon over the harbour, and the ferries ran late.",
    "Chinese warships held drills near Taiwan, the island's defence ministry said on Thursday.",
    "Kenya condemned the attack on its embassy in Mogadishu.",
]


def articles(n: int) -> list[Article]:
    """n articles cycling through the texts, each with its own id and content (so none is a duplicate)."""
    return [Article(f"a{i:03d}", TEXTS[i % len(TEXTS)] + " " * (i // len(TEXTS)), published=date(2024, 5, 1))
            for i in range(n)]


def events_by_doc(results) -> list[tuple[str, list[str]]]:
    return [(r.article.doc_id, [e.to_json_line() for e in r.events]) for r in results
            if isinstance(r, DocumentResult)]


@pytest.fixture(scope="module")
def one_process():
    return list(run(articles(12), Options(batch_size=2), workers=1))


@pytest.mark.model
def test_two_workers_give_the_same_events_in_input_order(one_process):
    pooled = list(run(articles(12), Options(batch_size=2), workers=2))
    assert events_by_doc(pooled) == events_by_doc(one_process)
    assert [d for d, _ in events_by_doc(pooled)] == [a.doc_id for a in articles(12)]
    assert sum(len(events) for _, events in events_by_doc(pooled)) >= 4  # the texts do code events


@pytest.mark.model
def test_rejections_pass_through_the_pool():
    broken = [Rejection("feed.jsonl:3", "ingest", "E101", "not JSON"),
              Rejection("page.html", "ingest", "E102", "no article text")]
    items = articles(5)
    items.insert(1, broken[0])
    items.append(broken[1])
    out = list(run(items, Options(batch_size=2), workers=2))
    assert [r for r in out if isinstance(r, Rejection)] == broken
    assert [r.article.doc_id for r in out if isinstance(r, DocumentResult)] == [a.doc_id for a in articles(5)]


@pytest.mark.model
def test_the_pool_streams_with_a_bounded_number_of_batches_in_flight():
    consumed = 0

    def source():
        nonlocal consumed
        for article in articles(80):
            consumed += 1
            yield article

    workers, batch_size = 2, 2
    results = run(source(), Options(batch_size=batch_size), workers=workers)
    first = next(results)
    when_first = consumed
    rest = list(results)
    assert isinstance(first, DocumentResult) and first.article.doc_id == "a000"
    # no more than a window of batches (two per worker) plus the one being read is taken before a result
    assert when_first <= (2 * workers + 1) * batch_size, when_first
    assert consumed == 80 and len(rest) == 79
