"""What the pre-parse filter (`eventwire.prefilter`) would save, and what it would cost in events and F1.

    .venv/bin/python benchmarks/prefilter_eval.py [N=100]

On N benchmark documents: the share of units, characters and tokens the filter blanks; the CPU time
of the unchanged pipeline on the original and on the masked texts; how many events survive (by event
id, which depends on the article, span, type and actors only). Then F1 on the PLOVER GSR gold, with
and without the filter. The filter is applied as the integration plan proposes: after cleaning, before
the model, offsets kept.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "bench" / "news-600w.jsonl"
GOLD = SHARED / "eval" / "plover_gsr_cameo.jsonl"


def articles_from(path: Path, n: int | None = None):
    from eventwire.ingest import read_inputs
    from eventwire.records import Article

    out = [a for a in read_inputs([str(path)]) if isinstance(a, Article)]
    return out[:n] if n else out


def make_pipelines():
    from eventwire.pipeline import Options, Pipeline
    from eventwire.prefilter import Prefilter

    plain = Pipeline(Options())

    class Filtered(Pipeline):
        """The integration plan, as a subclass: mask after cleaning, before the model."""
        prefilter: Prefilter

        def prepare(self, article):
            article, text = super().prepare(article)
            return article, self.prefilter.mask(text)

    filtered = Filtered(Options())
    filtered.__dict__.update(nlp=plain.nlp, kb=plain.kb, patterns=plain.patterns, gazetteer=plain.gazetteer,
                             coder=plain.coder)
    filtered.prefilter = Prefilter.for_pipeline(plain)
    return plain, filtered


def run_events(pipeline, articles):
    cpu = time.process_time()
    results = list(pipeline.process_many(articles))
    return time.process_time() - cpu, results


def f1_of(pipeline) -> str:
    from eventwire import evaluate as scoring

    docs = scoring.read_gold(str(GOLD))
    predicted = [e.to_contract() for r in pipeline.process_many(articles_from(GOLD))
                 for e in r.events if e.emitted_by_default and e.type]
    return scoring.score(docs, predicted).line()


def main(n: int = 100) -> None:
    plain, filtered = make_pipelines()
    articles = articles_from(CORPUS, n)
    units = kept_units = chars = kept_chars = 0
    cpu = time.process_time()
    for article in articles:
        _, text = plain.prepare(article)
        _, judged = filtered.prefilter.judge(text)
        units += len(judged)
        kept_units += sum(u.keep for u in judged)
        chars += sum(u.end - u.start for u in judged)
        kept_chars += sum(u.end - u.start for u in judged if u.keep)
    judge_cpu = time.process_time() - cpu
    run_events(plain, articles[:16])  # warm caches (vocabulary, lemmas) so order does not favour a side
    plain_cpu, plain_results = run_events(plain, articles)
    filtered_cpu, filtered_results = run_events(filtered, articles)
    plain_cpu = min(plain_cpu, run_events(plain, articles)[0])  # measured before and after: the lower
    before = {e.event_id for r in plain_results for e in r.events}
    after = {e.event_id for r in filtered_results for e in r.events}
    print(f"{len(articles)} benchmark documents: {units} units, {units - kept_units} blanked "
          f"({100 * (units - kept_units) / max(1, units):.1f}%), {100 * (chars - kept_chars) / max(1, chars):.1f}% "
          f"of characters; judging took {judge_cpu:.2f} s CPU")
    print(f"pipeline CPU: {plain_cpu:.2f} s unfiltered, {filtered_cpu:.2f} s filtered "
          f"({plain_cpu / max(filtered_cpu, 1e-9):.2f}x)")
    print(f"events: {len(before)} unfiltered, {len(after)} filtered, {len(before & after)} identical, "
          f"{len(before - after)} lost, {len(after - before)} new")
    if GOLD.exists():
        gold = articles_from(GOLD)
        units = blanked = 0
        for article in gold:
            _, judged = filtered.prefilter.judge(plain.prepare(article)[1])
            units += len(judged)
            blanked += sum(not u.keep for u in judged)
        print(f"gold ({len(gold)} docs): {blanked}/{units} units blanked")
        print(f"F1 unfiltered: {f1_of(plain)}")
        print(f"F1 filtered:   {f1_of(filtered)}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))
