"""The scoring rule: `eventwire eval` prints the same final line as the reference scorer
../shared/eval/score.py on the same predictions, and small hand-made cases give the figures the rule
says they should."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.evaluate import date_right, place_right, read_gold, score
from eventwire.errors import GoldFileError

from conftest import read_jsonl, shared_path

GOLD_FILES = ["seed.jsonl", "petrarch2_gsr_validation.jsonl", "plover_gsr_cameo.jsonl", "news_dev.jsonl"]
FLAGS = [(), ("--ignore-type",), ("--no-target",), ("--ignore-type", "--no-target")]
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
COUNTRIES = ["USA", "RUS", "UKR", "FRA", "DEU", "BLR", "EU", "CHN", None]


def is_cameo_doc(events: list[dict]) -> bool:
    return bool(events) and all(not (e.get("type") or e.get("plover")) and e.get("cameo") for e in events)


def perturbed_predictions(gold_docs: list[dict], seed: int) -> list[dict]:
    """Predictions built from the gold with the mistakes a coder makes: dropped events, reversed
    directions, wrong or alternative types, lost targets, duplicates, aliases, spurious events, and
    dates and places right, too fine, or wrong."""
    rng = random.Random(seed)
    out = []
    for doc in gold_docs:
        events = doc.get("events", [])
        cameo_doc = is_cameo_doc(events)
        for g in events:
            roll = rng.random()
            if roll < 0.15:
                continue  # dropped
            if cameo_doc:
                src, tgt = g.get("source_country"), g.get("target_country")
                cameo, kind = str(g["cameo"]), g.get("plover_mapped")
            else:
                src, tgt = g.get("source"), g.get("target")
                cameo, kind = str(g.get("cameo") or "010"), g.get("type") or g.get("plover")
            if roll < 0.25:
                src, tgt = tgt, src  # reversed
            elif roll < 0.33:
                kind, cameo = rng.choice(TYPES), rng.choice(["042", "111", "190", "0311", "061", "173"])
            elif roll < 0.38 and (g.get("alt") or g.get("alt_cameo")):
                alt = rng.choice(g.get("alt") or g.get("alt_cameo"))
                kind, cameo = (kind, str(alt)) if cameo_doc else (alt, cameo)
            elif roll < 0.43:
                tgt = None
            elif roll < 0.47 and src == "EU":
                src = rng.choice(["EUR", "eu", "IGOEU"])
            date = g.get("date")
            if date and rng.random() < 0.3:
                date = rng.choice([date + "-01" if len(date) < 10 else date, "1999", None])
            place = g.get("location")
            place = place.get("name") if isinstance(place, dict) else place
            if place and rng.random() < 0.3:
                place = rng.choice([place.upper() + " city", "Atlantis"])
            event = {"doc_id": str(doc["id"]), "type": kind, "cameo": cameo,
                     "source": {"country": src} if src is not None or rng.random() < 0.5 else None,
                     "target": {"country": tgt} if tgt is not None else None,
                     "date": date, "location": {"name": place} if place else None,
                     "confidence": round(rng.random(), 2), "sentence": g.get("evidence") or ""}
            out.append(event)
            if rng.random() < 0.1:
                out.append(dict(event))  # a duplicate
            if rng.random() < 0.1:  # the same event written the other way round as well
                out.append({**event, "source": event["target"], "target": event["source"]})
        if rng.random() < 0.3:
            out.append({"doc_id": str(doc["id"]), "type": rng.choice(TYPES), "cameo": rng.choice(["042", "190"]),
                        "source": {"country": rng.choice(COUNTRIES)}, "target": {"country": rng.choice(COUNTRIES)},
                        "date": None, "location": None, "confidence": 0.05})
    out.append({"doc_id": "not-in-the-gold", "type": "ASSAULT", "cameo": "190", "source": {"country": "RUS"},
                "target": {"country": "UKR"}})
    return out


def reference_line(gold: Path, predictions: Path, flags: tuple[str, ...]) -> str:
    scorer = shared_path("eval", "score.py")
    done = subprocess.run([sys.executable, str(scorer), str(gold), str(predictions), *flags],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def write_predictions(path: Path, events: list[dict]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return path


@pytest.mark.shared
@pytest.mark.parametrize("name", GOLD_FILES)
@pytest.mark.parametrize("seed", [1, 2])
def test_eval_agrees_with_the_reference_scorer(plain_cli, tmp_path, name, seed):
    gold = shared_path("eval", name)
    preds = write_predictions(tmp_path / "pred.jsonl", perturbed_predictions(read_jsonl(gold), seed))
    for flags in FLAGS:
        ours = plain_cli("eval", gold, "--predictions", preds, *flags)
        assert ours.exit_code == 0, ours.stderr
        assert ours.stdout.strip().splitlines()[-1] == reference_line(gold, preds, flags), (name, flags)


@pytest.mark.shared
@pytest.mark.parametrize("name", GOLD_FILES)
def test_perfect_predictions_score_one(plain_cli, tmp_path, name):
    """The gold itself, as predictions, scores F1 1 with both scorers (a check on the perturbation code)."""
    gold = shared_path("eval", name)
    docs = read_jsonl(gold)
    perfect = []
    for doc in docs:
        cameo_doc = is_cameo_doc(doc.get("events", []))
        for g in doc.get("events", []):
            if g.get("optional"):
                continue
            src, tgt = (g.get("source_country"), g.get("target_country")) if cameo_doc else (g.get("source"),
                                                                                          g.get("target"))
            perfect.append({"doc_id": str(doc["id"]), "type": g.get("type") or g.get("plover"),
                            "cameo": str(g.get("cameo") or ""), "source": {"country": src},
                            "target": {"country": tgt}, "date": g.get("date"), "location": g.get("location")})
    preds = write_predictions(tmp_path / "perfect.jsonl", perfect)
    ours = plain_cli("eval", gold, "--predictions", preds).stdout.strip().splitlines()[-1]
    assert ours == reference_line(gold, preds, ())
    assert ours.startswith("F1 1.000 P 1.000 R 1.000") and " fp 0 fn 0 " in ours


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.parametrize("name", ["seed.jsonl", "news_dev.jsonl"])
def test_eval_agrees_with_the_reference_scorer_on_pipeline_output(pipeline, plain_cli, tmp_path, name):
    from eventwire.ingest import read_inputs
    from eventwire.records import Article

    gold = shared_path("eval", name)
    articles = [a for a in read_inputs([str(gold)]) if isinstance(a, Article)]
    predicted = [e.to_contract() for r in pipeline.process_many(articles) for e in r.events
                 if e.emitted_by_default and e.type]
    preds = write_predictions(tmp_path / "pipeline.jsonl", predicted)
    for flags in FLAGS[:3]:
        ours = plain_cli("eval", gold, "--predictions", preds, *flags).stdout.strip().splitlines()[-1]
        assert ours == reference_line(gold, preds, flags), flags


# ---- the rule on hand-made cases -----------------------------------------------------------------
def doc(*events, doc_id="d"):
    return {"id": doc_id, "text": "…", "events": list(events)}


def pred(type_, src, tgt, doc_id="d", **more):
    return {"doc_id": doc_id, "type": type_, "source": {"country": src} if src else None,
            "target": {"country": tgt} if tgt else None, **more}


def figures(report):
    return report.total.tp, report.total.fp, report.total.fn


def test_symmetric_events_match_either_way_and_count_once_per_pair():
    gold = [doc({"type": "CONSULT", "source": "USA", "target": "BLR"},
                {"type": "CONSULT", "source": "BLR", "target": "USA"},
                {"type": "CONSULT", "source": "USA", "target": "BLR"})]
    assert figures(score(gold, [pred("CONSULT", "BLR", "USA")])) == (1, 0, 1)  # gold folds to USA→BLR ×2
    both_ways = [pred("CONSULT", "BLR", "USA"), pred("CONSULT", "USA", "BLR"), pred("CONSULT", "USA", "BLR")]
    assert figures(score(gold, both_ways)) == (2, 0, 0)


def test_directed_events_do_not_match_reversed():
    gold = [doc({"type": "ACCUSE", "source": "EU", "target": "BLR"})]
    assert figures(score(gold, [pred("ACCUSE", "BLR", "EU")])) == (0, 1, 1)
    assert figures(score(gold, [pred("ACCUSE", "EUR", "BLR")])) == (1, 0, 0)  # an alias of EU


def test_alternatives_and_optional_events():
    gold = [doc({"type": "RETREAT", "source": "BLR", "target": "BLR", "alt": ["CONCEDE"]},
                {"type": "SANCTION", "source": "EU", "target": "BLR", "optional": True})]
    assert figures(score(gold, [pred("CONCEDE", "BLR", "BLR"), pred("SANCTION", "EU", "BLR")])) == (1, 0, 0)
    assert figures(score(gold, [pred("SANCTION", "EU", "BLR")])) == (0, 0, 1)


def test_missing_actor_and_actor_without_country_both_read_dash():
    gold = [doc({"type": "PROTEST", "source": "GEO", "target": None})]
    assert figures(score(gold, [pred("PROTEST", "GEO", None)])) == (1, 0, 0)
    assert figures(score(gold, [{"doc_id": "d", "type": "PROTEST", "source": {"country": "GEO"},
                                 "target": {"country": None}}])) == (1, 0, 0)


def test_secondary_figures_without_target_and_without_type():
    gold = [doc({"type": "ASSAULT", "source": "RUS", "target": "UKR"})]
    wrong_target = [pred("ASSAULT", "RUS", "POL")]
    wrong_type = [pred("COERCE", "RUS", "UKR")]
    assert figures(score(gold, wrong_target)) == (0, 1, 1)
    assert figures(score(gold, wrong_target, no_target=True)) == (1, 0, 0)
    assert figures(score(gold, wrong_type, ignore_type=True)) == (1, 0, 0)


def test_cameo_coded_gold_compares_cameo_roots():
    gold = [doc({"cameo": "042", "source": "USAGOV", "target": "CHNGOV", "source_country": "USA",
                 "target_country": "CHN"})]
    assert figures(score(gold, [{"doc_id": "d", "type": "CONSULT", "cameo": "043", "source": {"country": "USA"},
                                 "target": {"country": "CHN"}}])) == (1, 0, 0)
    assert figures(score(gold, [{"doc_id": "d", "type": "CONSULT", "cameo": "111", "source": {"country": "USA"},
                                 "target": {"country": "CHN"}}])) == (0, 1, 1)


def test_date_and_place_accuracy():
    assert date_right("2025", "2025-10") and not date_right("2025", "2025-10-13")
    assert date_right("2025-10", "2025-10-13") and not date_right("2025-10", "2025-09")
    assert date_right(None, "2025") is None and date_right("2025", None) is False
    assert place_right("Paris", {"name": "Paris, Île-de-France"}) and place_right("paris", "PARIS")
    assert place_right("Paris", None) is False and place_right(None, {"name": "Minsk"}) is None
    gold = [doc({"type": "CONSULT", "source": "BLR", "target": "EU", "date": "2025-10", "location": "Paris"})]
    report = score(gold, [pred("CONSULT", "EU", "BLR", date="2025-10-06", location={"name": "Minsk"})])
    assert (report.dates, report.places) == ([1, 1], [0, 1])


def test_a_broken_gold_file_names_its_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "x", "events": []}\n{"id": "b", "text": \n', encoding="utf-8")
    with pytest.raises(GoldFileError) as err:
        read_gold(path)
    assert f"{path}:2" in str(err.value)
