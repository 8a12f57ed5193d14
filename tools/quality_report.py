"""Print every quality figure the issues ask for, in one run: F1 per gold set (full rule and actors only),
the codebook type accuracy, and the confidence curve. Run: .venv/bin/python tools/quality_report.py"""
import json
import sys
from datetime import date
from pathlib import Path

from eventwire.evaluate import confidence_curve, read_gold, score
from eventwire.pipeline import Pipeline
from eventwire.records import Article

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def articles(docs):
    return [Article(str(d["id"]), d["text"],
                    published=date.fromisoformat(str(d["published"])[:10]) if d.get("published") else None)
            for d in docs]


def main() -> None:
    pipeline = Pipeline()
    sets = [EVAL / n for n in ("seed.jsonl", "news_dev.jsonl", "petrarch2_gsr_validation.jsonl",
                               "plover_gsr_cameo.jsonl")] + [ROOT / "examples" / "gold.jsonl"]
    for path in sets:
        docs = read_gold(path)
        preds = [e.to_contract() for r in pipeline.process_many(articles(docs)) for e in r.events
                 if e.emitted_by_default and e.type]
        full, actors = score(docs, preds), score(docs, preds, ignore_type=True)
        print(f"{path.name:<34} {full.line()}   actors-only F1 {actors.total.f1:.3f}")
        if "-v" in sys.argv:
            for cls in sorted(full.by_type):
                c = full.by_type[cls]
                print(f"    {cls:<10} P {c.precision:.2f} R {c.recall:.2f} (tp {c.tp} fp {c.fp} fn {c.fn})")
            print("    confidence curve: " + ", ".join(f">={t:.2f}: P {p:.2f} n={n}" for t, n, p in confidence_curve(full)))
    docs = [json.loads(line) for line in open(EVAL / "cameo_codebook_examples.jsonl")]
    docs = [d for d in docs if d["events"][0].get("plover_mapped")]
    right = 0
    for doc, result in zip(docs, pipeline.process_many(articles(docs))):
        typed = [e for e in result.events if e.type]
        if typed:
            best = max(typed, key=lambda e: e.confidence).type
            gold = doc["events"][0]
            right += best == gold["plover_mapped"] or best in (gold.get("plover_alt") or [])
    print(f"cameo_codebook_examples.jsonl: type of the most confident event right for {right}/{len(docs)} "
          f"= {right / len(docs):.3f}")


if __name__ == "__main__":
    main()
