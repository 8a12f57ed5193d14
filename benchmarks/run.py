"""Throughput, memory and quality of extraction, side by side (GitHub issue 7). `make bench` runs it.

    .venv/bin/python benchmarks/run.py            # 300 and 1,200 documents (several minutes)
    .venv/bin/python benchmarks/run.py --quick    # 60 documents, for a fast check

Every configuration runs in its own process invocation, started by a small measuring wrapper, so its
numbers are its own: wall time (model loading included, as a user sees it), the largest single
process's peak RSS (`getrusage(RUSAGE_CHILDREN)`, i.e. the peak of one worker) and the peak of the
whole process tree's summed RSS (sampled from /proc every 0.1 s).

    a  plain spaCy `nlp.pipe` over the texts, same model with all its components, one process
    b  eventwire extract --no-store --format jsonl --workers 1
    c  the same with --workers 2
    d  b with storing into a fresh DuckDB file (--db)
    e  b with the statistical NER switched on (--ner): everything on, the F1 the default must match

The larger size repeats the corpus with new ids (and trailing spaces, so content hashes differ and the
store really writes every copy): memory that grows with the number of documents shows there.
F1 comes from `eventwire eval` on the PLOVER GSR file with the same worker settings.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "bench" / "news-600w.jsonl"
GOLD = SHARED / "eval" / "plover_gsr_cameo.jsonl"
BIN = Path(sys.executable).parent
EVENTWIRE = str(BIN / "eventwire")
SPACY_BASELINE = str(Path(__file__).with_name("spacy_baseline.py"))


@dataclass(frozen=True)
class Measure:
    seconds: float
    cpu_seconds: float      # user + system of the whole tree: robust to other load on the machine
    max_rss_mb: float       # the largest single process (one worker, or the parent)
    tree_rss_mb: float      # the whole tree at its peak, summed
    returncode: int
    stderr_tail: str


def tree_rss_kb(root: int) -> int:
    """Summed RSS of a process and all its descendants, from /proc (stdlib only)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
        except OSError:
            continue
        pid, ppid = int(entry), int(fields.get("PPid", "0").strip())
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def measure_child(argv: list[str]) -> None:
    """Run argv (stdout discarded), then print one JSON line of measurements: the wrapper side of `measure`."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    import threading

    err_chunks: list[str] = []
    reader = threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()), daemon=True)
    reader.start()
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.1)
    reader.join()
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # ru_maxrss: KiB on Linux, largest descendant
    cpu = usage.ru_utime + usage.ru_stime
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "max_rss_mb": usage.ru_maxrss / 1024, "tree_rss_mb": peak / 1024,
                      "returncode": proc.returncode, "stderr": "".join(err_chunks)[-2000:]}))


def measure(argv: list[str]) -> Measure:
    """Measure argv in a fresh wrapper process, so RUSAGE_CHILDREN covers that run only."""
    out = subprocess.run([sys.executable, __file__, "--measure", "--", *argv], capture_output=True, text=True,
                         check=True)
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return Measure(data["seconds"], data["cpu_seconds"], data["max_rss_mb"], data["tree_rss_mb"], data["returncode"],
                   data["stderr"])


def make_corpus(n: int, folder: Path) -> Path:
    """The first n documents of the benchmark corpus, repeated with new ids when n exceeds it."""
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    path = folder / f"bench-{n}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            record = dict(records[i % len(records)])
            copy = i // len(records)
            if copy:
                record["id"] = f"{record['id']}-copy{copy}"
                record["text"] = record["text"] + " " * copy
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def f1(workers: int, *extra: str) -> str:
    out = subprocess.run([EVENTWIRE, "eval", str(GOLD), "--workers", str(workers), *extra], capture_output=True,
                         text=True)
    match = re.search(r"^F1 (\d\.\d+)", out.stdout, re.M)
    return match.group(1) if match else f"error ({out.returncode})"


def configurations(corpus: Path, db: Path) -> dict[str, list[str]]:
    extract = [EVENTWIRE, "extract", str(corpus), "--format", "jsonl"]
    return {
        "a spaCy nlp.pipe": [sys.executable, SPACY_BASELINE, str(corpus)],
        "b extract -w1": [*extract, "--no-store", "--workers", "1"],
        "c extract -w2": [*extract, "--no-store", "--workers", "2"],
        "d extract -w1 --db": [*extract, "--db", str(db), "--workers", "1"],
        "e extract -w1 --ner": [*extract, "--no-store", "--workers", "1", "--ner"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="60 documents only")
    parser.add_argument("--sizes", type=int, nargs="*", help="document counts (default 300 1200)")
    parser.add_argument("--no-eval", action="store_true", help="skip the F1 runs")
    parser.add_argument("--json", type=Path, help="also write the measurements here")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"benchmark corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    sizes = args.sizes or ([60] if args.quick else [300, 1200])
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        folder = Path(tmp)
        for n in sizes:
            corpus = make_corpus(n, folder)
            for name, argv in configurations(corpus, folder / f"bench-{n}.duckdb").items():
                print(f"[{n} docs] {name} ...", file=sys.stderr, flush=True)
                m = measure(argv)
                if m.returncode:
                    print(f"  failed ({m.returncode}): {m.stderr_tail}", file=sys.stderr)
                rows.append({"docs": n, "config": name, "seconds": m.seconds, "rate": n / m.seconds,
                             "cpu_seconds": m.cpu_seconds, "load": os.getloadavg()[0],
                             "max_rss_mb": m.max_rss_mb, "tree_rss_mb": m.tree_rss_mb, "ok": m.returncode == 0})
                print(f"  {m.seconds:.1f} s ({m.cpu_seconds:.1f} s CPU), {n / m.seconds:.2f} art/s, max RSS {m.max_rss_mb:.0f} MB, "
                      f"tree {m.tree_rss_mb:.0f} MB", file=sys.stderr, flush=True)
    scores = {}
    if not args.no_eval and GOLD.exists():
        for workers in (1, 2):
            print(f"[eval] --workers {workers} ...", file=sys.stderr, flush=True)
            scores[workers] = f1(workers)
        print("[eval] --workers 1 --ner ...", file=sys.stderr, flush=True)
        scores["ner"] = f1(1, "--ner")
    print_table(rows, scores)
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "f1": scores}, indent=1))
    return 0


def print_table(rows: list[dict], scores: dict[int, str]) -> None:
    f1_of = {"b": scores.get(1, "-"), "c": scores.get(2, "-"), "d": scores.get(1, "-"), "a": "n/a",
             "e": scores.get("ner", "-")}
    print(f"{'docs':>5}  {'configuration':<20}{'seconds':>9}{'art/s':>8}{'ratio':>12}{'CPU s':>8}"
          f"{'max RSS MB':>12}{'tree MB':>9}{'F1':>7}{'load':>6}")
    for n in sorted({r["docs"] for r in rows}):
        by = {r["config"][0]: r for r in rows if r["docs"] == n}
        ratios = {"b": ("b/a", "a"), "c": ("c/b", "b"), "d": ("d/b", "b"), "e": ("e/a", "a")}
        for key, r in sorted(by.items()):
            ratio = ""
            if key in ratios and ratios[key][1] in by:
                label, base = ratios[key]
                ratio = f"{label} {r['rate'] / by[base]['rate']:.2f}"
            flag = "" if r["ok"] else " FAILED"
            print(f"{n:>5}  {r['config']:<20}{r['seconds']:>9.1f}{r['rate']:>8.2f}{ratio:>12}{r['cpu_seconds']:>8.1f}"
                  f"{r['max_rss_mb']:>12.0f}{r['tree_rss_mb']:>9.0f}{f1_of[key]:>7}{r['load']:>6.1f}{flag}")
    print("ratios are of articles per second (wall); CPU s is user+system of the whole process tree; "
          "load is the 1-minute load average after the run (other work on this machine skews wall times)")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--measure" and sys.argv[2] == "--":
        measure_child(sys.argv[3:])
        sys.exit(0)
    sys.exit(main())
