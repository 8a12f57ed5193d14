"""The evaluation gate: F1 per gold set must not fall below its floor (tests/quality_floors.json)
by more than noise. Floors go up when quality rises; they never go down to make a change pass."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, read_jsonl, shared_path

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text())
pytestmark = [pytest.mark.model]


def predictions(pipeline, docs):
    from datetime import date

    from eventwire.records import Article
    out = []
    articles = [Article(str(d["id"]), d["text"],
                        published=date.fromisoformat(str(d["published"])[:10]) if d.get("published") else None)
                for d in docs]
    for result in pipeline.process_many(articles):
        out += [e.to_contract() for e in result.events if e.emitted_by_default and e.type]
    return out


_PREDICTED: dict[tuple[int, str], list[dict]] = {}


def gold_predictions(pipeline, name: str, docs) -> list[dict]:
    """The events a pipeline coded for a gold file, once per session (the F1, actor and date gates share
    them)."""
    key = (id(pipeline), name)
    if key not in _PREDICTED:
        _PREDICTED[key] = predictions(pipeline, docs)
    return _PREDICTED[key]


@pytest.mark.shared
@pytest.mark.parametrize("name", ["seed.jsonl", "news_dev.jsonl", "petrarch2_gsr_validation.jsonl",
                                  "plover_gsr_cameo.jsonl"])
def test_f1_holds_its_floor(pipeline, name):
    from eventwire.evaluate import read_gold, score
    docs = read_gold(shared_path("eval", name))
    report = score(docs, gold_predictions(pipeline, name, docs))
    assert report.total.f1 >= FLOORS[name] - FLOORS["noise"], f"{name}: {report.line()}"


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(FLOORS["actors"]))
def test_actor_f1_holds_its_floor(pipeline, name):
    """The dyad alone (type ignored): how often the coder names who acted on whom."""
    from eventwire.evaluate import read_gold, score
    docs = read_gold(shared_path("eval", name))
    report = score(docs, gold_predictions(pipeline, name, docs), ignore_type=True)
    assert report.total.f1 >= FLOORS["actors"][name] - FLOORS["noise"], f"{name} (actors): {report.line()}"


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(FLOORS["when_where"]))
def test_date_and_place_accuracy_hold_their_floors(pipeline, name):
    """Over the matched events whose gold gives them: the share with the right date and the right place."""
    from eventwire.evaluate import read_gold, score
    docs = read_gold(shared_path("eval", name))
    report = score(docs, gold_predictions(pipeline, name, docs))
    floors = FLOORS["when_where"][name]
    for figure, (right, total) in (("dates", report.dates), ("places", report.places)):
        assert total and right / total >= floors[figure] - FLOORS["noise"], f"{name} {figure}: {report.line()}"


def test_own_examples_hold_their_floor(pipeline):
    from eventwire.evaluate import score
    gold = read_jsonl(EXAMPLES / "gold.jsonl")
    report = score(gold, predictions(pipeline, gold))
    assert report.total.f1 >= FLOORS["examples"] - FLOORS["noise"], report.line()


@pytest.mark.shared
def test_codebook_types_hold_their_floor(pipeline):
    """On CAMEO codebook sentences with a PLOVER type, the most confident event has that type."""
    from eventwire.records import Article
    docs = [d for d in read_jsonl(shared_path("eval", "cameo_codebook_examples.jsonl"))
            if d["events"][0].get("plover_mapped")]
    right = 0
    for doc, result in zip(docs, pipeline.process_many(Article(d["id"], d["text"]) for d in docs)):
        typed = [e for e in result.events if e.type]
        if typed:
            best = max(typed, key=lambda e: e.confidence)
            gold = doc["events"][0]
            right += best.type == gold["plover_mapped"] or best.type in (gold.get("plover_alt") or [])
    assert right / len(docs) >= FLOORS["cameo_codebook_examples.jsonl"] - FLOORS["noise"], right / len(docs)
