"""The command line: parses, calls the library, prints. Library errors become ClickExceptions here."""
from __future__ import annotations

import json
import logging
import sys
from datetime import date
from pathlib import Path

import click

from eventwire import settings
from eventwire.errors import EventwireError

log = logging.getLogger("eventwire")


def fail_cleanly(func):
    """Translate library errors once, at the edge."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except EventwireError as err:
            raise click.ClickException(str(err)) from None
    return wrapper


def parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def common_options(func):
    func = click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                        help=settings.BY_NAME["actors"].help)(func)
    func = click.option("--verbs", "verb_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                        help=settings.BY_NAME["verbs"].help)(func)
    func = click.option("--workers", type=int, default=None, help=settings.BY_NAME["workers"].help)(func)
    func = click.option("--ner/--no-ner", "ner", default=None, help=settings.BY_NAME["ner"].help)(func)
    func = click.option("--prefilter/--no-prefilter", "prefilter", default=None,
                        help=settings.BY_NAME["prefilter"].help)(func)
    return func


def make_options(actor_files, verb_files, ner=None, prefilter=None):
    from eventwire.pipeline import Options
    return Options(actor_files=tuple(settings.resolve("actors", tuple(actor_files))),
                   verb_files=tuple(settings.resolve("verbs", tuple(verb_files))),
                   batch_size=settings.resolve("batch_size"), statistical_ner=settings.resolve("ner", None if ner is None else int(ner)),
                   prefilter=settings.resolve("prefilter", None if prefilter is None else int(prefilter)))


@click.group()
@click.version_option(package_name="eventwire")
@click.option("-v", "--verbose", count=True, help="more log output on stderr (-vv for debug)")
def main(verbose: int) -> None:
    """eventwire: read news, keep a sourced record of political events."""
    logging.basicConfig(level=[logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)],
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def results_with_progress(results, total_hint: str = "articles"):
    from tqdm import tqdm
    bar = tqdm(unit=" " + total_hint, file=sys.stderr, delay=3, disable=None, leave=False)
    try:
        for item in results:
            bar.update(1)
            yield item
    finally:
        bar.close()


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", callback=parse_date, help="publication date of plain-text input (YYYY-MM-DD)")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--db", default=None, help=settings.BY_NAME["db"].help)
@click.option("--no-store", is_flag=True, help="do not store into DuckDB")
@click.option("--all", "emit_all", is_flag=True, help="also print negated and hypothetical events")
@click.option("--statements", is_flag=True, help="also print public statements (CAMEO 01, no PLOVER type)")
@click.option("--dask", "dask_address", default=None, help=settings.BY_NAME["dask"].help)
@click.option("--parquet", "parquet_dir", type=click.Path(file_okay=False), default=None,
              help="with --dask: each task also writes Parquet shards of documents and events into this folder "
                   "(one all workers can reach)")
@common_options
@fail_cleanly
def extract(inputs, published, fmt, db, no_store, emit_all, statements, dask_address, parquet_dir, actor_files,
            verb_files, workers, ner, prefilter):
    """Code the events in INPUTS: .txt, .jsonl, .html, .warc(.gz) files, directories, or - for stdin."""
    from eventwire.export import CsvWriter, TableWriter, write_jsonl
    from eventwire.ingest import read_inputs
    from eventwire.pipeline import run
    from eventwire.records import DocumentResult, Rejection

    options = make_options(actor_files, verb_files, ner, prefilter)
    workers = settings.resolve("workers", workers)
    dask_address = settings.resolve("dask", dask_address)
    items = read_inputs(list(inputs), published=published, stdin=sys.stdin)
    if parquet_dir and not dask_address:
        raise click.UsageError("--parquet goes with --dask")
    if dask_address:
        from eventwire.distributed import run_on_dask
        results = run_on_dask(items, options, dask_address, out_dir=parquet_dir)
    else:
        results = run(items, options, workers=workers)
    store = None
    if not no_store:
        from eventwire.store import Store
        store = Store(settings.resolve("db", db))
    writer = {"table": TableWriter, "csv": CsvWriter}.get(fmt)
    out = writer(sys.stdout) if writer else None
    rejected = documents = emitted = 0
    pending: list = []  # results waiting to be stored: one transaction per batch
    try:
        for item in results_with_progress(results):
            if isinstance(item, Rejection):
                rejected += 1
                click.echo(f"skipped {item.origin}: [{item.code}] {item.message}", err=True)
                continue
            assert isinstance(item, DocumentResult)
            documents += 1
            for rejection in item.rejections:
                rejected += 1
                click.echo(f"skipped {rejection.origin}: [{rejection.code}] {rejection.message}", err=True)
            if store is not None:
                pending.append(item)
                if len(pending) >= 64:
                    rejected += store_batch(store, pending)
                    pending = []
            shown = [e.to_contract() for e in item.events
                     if (emit_all or e.emitted_by_default) and (statements or e.type is not None)]
            emitted += len(shown)
            if out is None:
                write_jsonl(shown, sys.stdout)
            else:
                out.write(shown)
        if store is not None:
            rejected += store_batch(store, pending)
            store.refresh_clusters()
    finally:
        if store is not None:
            store.close()
    summary = f"{documents} documents, {emitted} events"
    if rejected:
        summary += f", {rejected} inputs skipped"
    if store is not None:
        summary += f", stored in {store.path}"
    click.echo(summary, err=True)


def store_batch(store, results) -> int:
    """Store a batch; a document the store refuses is reported and the rest are kept."""
    from eventwire.errors import StoreError
    try:
        store.write(results)
        return 0
    except StoreError as err:
        click.echo(f"not stored: {err}", err=True)
        return 1


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--show-misses", is_flag=True, help="list missed and spurious events with their sentences")
@click.option("--ignore-type", is_flag=True, help="compare actors only")
@click.option("--no-target", is_flag=True, help="compare type and source only")
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False),
              help="score these predicted events (JSONL) instead of running the pipeline")
@common_options
@fail_cleanly
def evaluate(gold, show_misses, ignore_type, no_target, predictions, actor_files, verb_files, workers, ner,
             prefilter):
    """Run the pipeline on a gold file and print precision, recall and F1 (DESIGN.md's scoring rule)."""
    from eventwire import evaluate as scoring
    from eventwire.ingest import read_inputs
    from eventwire.pipeline import run
    from eventwire.records import DocumentResult

    docs = scoring.read_gold(gold)
    if predictions:
        predicted = [json.loads(line) for line in open(predictions, encoding="utf-8") if line.strip()]
    else:
        workers = settings.resolve("workers", workers)
        items = read_inputs([gold])
        predicted = [e.to_contract() for r in results_with_progress(run(items, make_options(actor_files, verb_files, ner, prefilter),
                                                                      workers=workers))
                     if isinstance(r, DocumentResult) for e in r.events if e.emitted_by_default and e.type]
    report = scoring.score(docs, predicted, no_target=no_target, ignore_type=ignore_type)
    click.echo(f"{Path(gold).name}: {len(docs)} documents, {len(predicted)} predicted events")
    click.echo(f"{'type':<12}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
    for cls in sorted(report.by_type):
        c = report.by_type[cls]
        click.echo(f"{cls or '-':<12}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{c.tp:>6}{c.fp:>6}{c.fn:>6}")
    t = report.total
    click.echo(f"{'all':<12}{t.precision:>7.3f}{t.recall:>7.3f}{t.f1:>7.3f}{t.tp:>6}{t.fp:>6}{t.fn:>6}")
    if report.dates[1]:
        click.echo(f"date accuracy {report.dates[0]}/{report.dates[1]} = {report.dates[0] / report.dates[1]:.3f}")
    if report.places[1]:
        click.echo(f"place accuracy {report.places[0]}/{report.places[1]} = "
                   f"{report.places[0] / report.places[1]:.3f}")
    curve = scoring.confidence_curve(report)
    if curve:
        click.echo("confidence curve (events at or above the threshold): " +
                   ", ".join(f"≥{th:.2f}: P {p:.2f} (n={n})" for th, n, p in curve))
    if show_misses:
        texts = {str(d["id"]): d for d in docs}
        for doc_id, kind, key, record in report.misses:
            evidence = record.get("sentence") or record.get("evidence") or record.get("event_text") or \
                texts[doc_id]["text"][:200]
            click.echo(f"{kind:<9} {doc_id}: {key.cls} {key.source}→{key.target}  | {evidence}")
    click.echo(report.line())


@main.command(name="eval-places")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--all-records", is_flag=True, help="use every record, not only the adjudicated (gold_relabel) ones")
@fail_cleanly
def eval_places(gold, all_records):
    """Score the location stage on event-location gold (sentence + trigger → place)."""
    from eventwire.places import evaluate_places
    scores = evaluate_places(gold, only_relabel=not all_records)
    click.echo(f"with a location:    {scores.with_location_hit}/{scores.with_location} right "
               f"({scores.with_location_hit / max(1, scores.with_location):.3f})")
    click.echo(f"without a location: {scores.without_location_none}/{scores.without_location} none "
               f"({scores.without_location_none / max(1, scores.without_location):.3f})")


@main.group()
def actors():
    """Look up, check and count the actor knowledge base."""


@actors.command()
@click.argument("name")
@click.option("--date", "when", callback=parse_date, help="the date whose roles apply (YYYY-MM-DD)")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False))
@fail_cleanly
def lookup(name, when, actor_files):
    """What NAME resolves to, and why: the entry, the form matched, the role in force on --date."""
    from eventwire.actors.kb import fold, load_kb
    kb = load_kb(tuple(settings.resolve("actors", tuple(actor_files))))
    found = kb.lookup(name)
    if not found:
        explain_phrase(name, when, tuple(settings.resolve("actors", tuple(actor_files))))
        return
    day = when.isoformat() if when else "no date (the latest role)"
    chosen_person = kb.namesake_on(name, found[0], when)
    if chosen_person is not found[0]:  # several people share the name: the one in office on the date first
        found = [chosen_person] + [e for e in found if e is not chosen_person]
    for rank, entry in enumerate(found):
        matched = "adjective" if fold(name) not in {fold(n) for n in entry.names} else "name"
        chosen = "→ used by the linker" if rank == 0 else "  also named so"
        click.echo(f"{chosen}: {entry.name} [{entry.kind}, {entry.kb_id}]")
        click.echo(f"  why: {name!r} is a {matched} of this entry"
                   + ("; a user entry, which wins" if entry.user else "")
                   + ("" if rank == 0 else f"; ranked after {found[0].kind}s"))
        role = entry.role_on(when) if entry.roles else None
        if entry.kind == "person":
            if role:
                until = f" until {role.end}" if role.end else ""
                click.echo(f"  on {day}: {role.office} of {role.country or '(no state: ' + str(role.org) + ')'}"
                           f" since {role.start}{until}; agent {role.agent}")
            else:
                click.echo(f"  on {day}: no role in force; roles: " + "; ".join(
                    f"{r.office} of {r.country or r.org} {r.start}..{r.end or ''}" for r in entry.roles))
        else:
            status = f"; on {day}: agent {role.agent}, code {role.code} (since {role.start})" if role else ""
            click.echo(f"  country {entry.country or '-'}, agent {entry.agent or '-'}, code {entry.code or '-'}"
                       + status)
            then = kb.state_on(entry.country, when)
            if then != entry.country:
                since, _ = kb.successions[entry.country]
                click.echo(f"  on {day}: coded as {then} ({entry.country} independent since {since})")
        click.echo(f"  from {entry.origin}")


def explain_phrase(phrase: str, when, actor_files: tuple[str, ...]) -> None:
    """No entry has this name: link it as the pipeline would ("the US president", "Belarusian diplomat")."""
    from eventwire.actors.kb import fold, load_kb
    from eventwire.actors.link import ActorLinker, ArticleContext
    from eventwire.nlp import load_pipeline
    doc = load_pipeline(actor_files)(phrase)
    linker = ActorLinker(load_kb(actor_files))
    head = next((t for t in doc if t.dep_ == "ROOT"), None)
    actor = linker.link(head, ArticleContext(when)) if head is not None else None
    if actor is None or not (actor.country or actor.agent or actor.kb_id):  # a bare unknown name says nothing
        raise click.ClickException(f"no entry is named {phrase!r}, and the linker finds no actor in it "
                                   f"(add one in a file given with --actors)")
    day = when.isoformat() if when else "no date (the latest roles)"
    click.echo(f"→ linked as a phrase: {actor.name} code {actor.code or '-'} country {actor.country or '-'} "
               f"agent {actor.agent or '-'}")
    ents = ", ".join(f"{e.text!r} = {e.ent_id_ or e.label_}" for e in doc.ents) or "none"
    role = linker.role_noun(head)
    click.echo(f"  why: head word {head.text!r}" + (f" is the role noun {role.phrase!r} ({role.agent}"
               + (f", office {role.office}" if role.office else "") + ")" if role else "")
               + f"; known names in it: {ents}; date {day}")
    if fold(head.text) in linker.kb.alone and head.text[:1].isupper():
        click.echo(f"  {head.text!r} alone names a body: the one so called of the story's state, else "
                   f"{linker.kb.entries[linker.kb.alone[fold(head.text)]].name}")
    if actor.kb_id:
        click.echo(f"  entry {actor.kb_id} from {linker.kb.entries[actor.kb_id].origin}")


@actors.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@fail_cleanly
def check(file):
    """Validate a user actor file: every problem with its line, field and reason."""
    from eventwire.actors.kb import load_kb
    problems = load_kb().check_file(Path(file))
    if problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        raise click.ClickException(f"{file}: {len(problems)} problem{'s' if len(problems) > 1 else ''}")
    from eventwire.actors.kb import KnowledgeBase
    kb = KnowledgeBase()
    kb.add_file(Path(file))
    click.echo(f"{file}: OK, {len(kb.entries)} entries")


@actors.command()
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False))
@fail_cleanly
def stats(actor_files):
    """The size of the knowledge base: states, organisations, groups, people, roles."""
    from eventwire.actors.kb import load_kb
    kb = load_kb(tuple(settings.resolve("actors", tuple(actor_files))))
    for key, value in kb.stats().items():
        click.echo(f"{key:<14}{value:>7}")


if __name__ == "__main__":
    main()
