"""The command line, in-process (click's CliRunner) on the session pipeline: every kind of input,
every output format, the store flags, and bad input reported on stderr while the rest is coded."""
from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest

from eventwire.export import CSV_COLUMNS
from eventwire.records import content_hash

from conftest import read_jsonl, shared_path

pytestmark = pytest.mark.model

MEETING = "The French foreign minister met the German chancellor in Berlin on Monday."
ARRESTS = "Police in Tbilisi arrested 40 protesters on Saturday after a rally outside parliament."
NEGATED = "Russia did not attack Ukraine."
CONDITIONAL = "If Iran attacks Israel, the United States will respond."


def events_of(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def write_jsonl(path, records) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def stored(db) -> tuple[set[str], int]:
    with duckdb.connect(str(db), read_only=True) as con:
        docs = {d for (d,) in con.execute("SELECT doc_id FROM documents").fetchall()}
        return docs, con.execute("SELECT count(*) FROM events").fetchone()[0]


def test_text_file_takes_its_date_from_published(cli, tmp_path):
    (tmp_path / "meeting.txt").write_text(MEETING, encoding="utf-8")
    events = events_of(cli("extract", "meeting.txt", "--published", "2024-03-06", "--format", "jsonl",
                           "--no-store"))
    consult = [e for e in events if e["type"] == "CONSULT"]
    assert consult and consult[0]["doc_id"] == "meeting.txt"
    assert consult[0]["date"] == "2024-03-04"  # "on Monday" before Wednesday 6 March 2024
    assert {consult[0]["source"]["country"], consult[0]["target"]["country"]} == {"FRA", "DEU"}


def test_bad_published_date_is_a_usage_error(cli, tmp_path):
    (tmp_path / "meeting.txt").write_text(MEETING, encoding="utf-8")
    result = cli("extract", "meeting.txt", "--published", "6 March 2024")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_jsonl_records_keep_their_ids_and_dates(cli, tmp_path):
    write_jsonl(tmp_path / "in.jsonl", [{"id": "a1", "text": MEETING, "published": "2025-02-12"},
                                        {"id": "a2", "text": ARRESTS, "published": "2025-05-20"}])
    events = events_of(cli("extract", "in.jsonl", "--format", "jsonl", "--no-store"))
    by_doc = {e["doc_id"]: e for e in events}
    assert set(by_doc) == {"a1", "a2"}
    assert by_doc["a1"]["date"] == "2025-02-10"
    assert by_doc["a2"]["type"] == "COERCE" and by_doc["a2"]["date"] == "2025-05-17"


def test_a_directory_is_read_recursively(cli, tmp_path):
    (tmp_path / "news" / "deeper").mkdir(parents=True)
    (tmp_path / "news" / "meeting.txt").write_text(MEETING, encoding="utf-8")
    write_jsonl(tmp_path / "news" / "deeper" / "more.jsonl", [{"id": "b1", "text": ARRESTS}])
    (tmp_path / "news" / ".hidden.txt").write_text(NEGATED, encoding="utf-8")
    result = cli("extract", "news", "--format", "jsonl", "--no-store", "--published", "2025-01-15")
    assert {e["doc_id"] for e in events_of(result)} == {"news/meeting.txt", "b1"}
    assert "2 documents" in result.stderr


def test_standard_input_is_named_by_its_content_hash(cli):
    events = events_of(cli("extract", "-", "--format", "jsonl", "--no-store", "--published", "2025-01-15",
                           input=ARRESTS))
    assert events and {e["doc_id"] for e in events} == {content_hash(ARRESTS)}


def test_standard_input_as_json_lines(cli):
    lines = json.dumps({"id": "s1", "text": MEETING, "published": "2025-02-12"}) + "\n"
    assert {e["doc_id"] for e in events_of(cli("extract", "-", "--format", "jsonl", "--no-store", input=lines))} \
        == {"s1"}


def test_table_csv_and_jsonl_show_the_same_events(cli, tmp_path):
    write_jsonl(tmp_path / "in.jsonl", [{"id": "a1", "text": MEETING, "published": "2025-02-12"},
                                        {"id": "a2", "text": ARRESTS, "published": "2025-05-20"}])
    events = events_of(cli("extract", "in.jsonl", "--format", "jsonl", "--no-store"))
    table = cli("extract", "in.jsonl", "--format", "table", "--no-store")
    rows = list(csv.DictReader(io.StringIO(cli("extract", "in.jsonl", "--format", "csv", "--no-store").stdout)))
    assert table.exit_code == 0
    assert "== a1" in table.stdout and "== a2" in table.stdout
    for event in events:
        assert event["type"] in table.stdout and event["sentence"][:30] in table.stdout
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in events]
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [(r["source_country"], r["type"], r["date"]) for r in rows] == \
        [(e["source"]["country"], e["type"], e["date"]) for e in events]


def test_db_flag_stores_once_however_often_it_runs(cli, tmp_path):
    write_jsonl(tmp_path / "in.jsonl", [{"id": "a1", "text": MEETING, "published": "2025-02-12"},
                                        {"id": "a2", "text": ARRESTS, "published": "2025-05-20"}])
    (tmp_path / "out").mkdir()
    first = cli("extract", "in.jsonl", "--db", "out/ew.duckdb", "--format", "jsonl")
    assert first.exit_code == 0, first.stderr
    assert "stored in out/ew.duckdb" in first.stderr
    docs, count = stored(tmp_path / "out" / "ew.duckdb")
    assert docs == {"a1", "a2"} and count == len(events_of(first))
    cli("extract", "in.jsonl", "--db", "out/ew.duckdb", "--format", "jsonl")
    assert stored(tmp_path / "out" / "ew.duckdb") == (docs, count)
    assert not (tmp_path / "eventwire.duckdb").exists()


def test_store_is_the_default_and_no_store_writes_nothing(cli, tmp_path):
    (tmp_path / "meeting.txt").write_text(MEETING, encoding="utf-8")
    assert cli("extract", "meeting.txt", "--no-store").exit_code == 0
    assert list(tmp_path.glob("*.duckdb")) == []
    assert cli("extract", "meeting.txt").exit_code == 0
    assert stored(tmp_path / "eventwire.duckdb")[0] == {"meeting.txt"}


def test_all_adds_negated_and_hypothetical_events(cli, tmp_path):
    write_jsonl(tmp_path / "in.jsonl", [{"id": "neg", "text": NEGATED, "published": "2025-02-12"},
                                        {"id": "if", "text": CONDITIONAL, "published": "2025-02-12"},
                                        {"id": "yes", "text": MEETING, "published": "2025-02-12"}])
    default = events_of(cli("extract", "in.jsonl", "--format", "jsonl", "--db", "e.duckdb"))
    everything = events_of(cli("extract", "in.jsonl", "--format", "jsonl", "--no-store", "--all"))
    assert all(not e["negated"] and e["modality"] != "hypothetical" for e in default)
    extra = [e for e in everything if e["event_id"] not in {d["event_id"] for d in default}]
    assert any(e["doc_id"] == "neg" and e["negated"] for e in extra)
    assert any(e["doc_id"] == "if" and e["modality"] == "hypothetical" for e in extra)
    assert stored(tmp_path / "e.duckdb")[1] == len(everything)  # kept in the store, flagged


def test_missing_file_is_reported_and_the_rest_is_coded(cli, tmp_path):
    (tmp_path / "meeting.txt").write_text(MEETING, encoding="utf-8")
    result = cli("extract", "nowhere.txt", "meeting.txt", "--format", "jsonl", "--db", "e.duckdb",
                 "--published", "2025-02-12")
    assert "nowhere.txt" in result.stderr and "no such file" in result.stderr and "E101" in result.stderr
    assert {e["doc_id"] for e in events_of(result)} == {"meeting.txt"}
    assert stored(tmp_path / "e.duckdb")[0] == {"meeting.txt"}
    assert "1 inputs skipped" in result.stderr


def test_broken_jsonl_line_is_reported_and_the_good_lines_are_stored(cli, tmp_path):
    (tmp_path / "in.jsonl").write_text(
        json.dumps({"id": "a1", "text": MEETING, "published": "2025-02-12"}) + "\n"
        + '{"id": "a2", "text": "unterminated\n'
        + json.dumps({"id": "a3", "text": ARRESTS, "published": "2025-05-20"}) + "\n"
        + json.dumps({"id": "a4", "title": "no text"}) + "\n", encoding="utf-8")
    result = cli("extract", "in.jsonl", "--format", "jsonl", "--db", "e.duckdb")
    assert "in.jsonl:2" in result.stderr and "not JSON" in result.stderr
    assert "in.jsonl:4" in result.stderr and '"text"' in result.stderr
    assert {e["doc_id"] for e in events_of(result)} == {"a1", "a3"}
    assert stored(tmp_path / "e.duckdb")[0] == {"a1", "a3"}


def test_an_unwritable_db_is_a_clean_error(cli, tmp_path):
    (tmp_path / "meeting.txt").write_text(MEETING, encoding="utf-8")
    (tmp_path / "dir.duckdb").mkdir()
    result = cli("extract", "meeting.txt", "--db", "dir.duckdb")
    assert result.exit_code == 1
    assert "E400" in result.stderr and "dir.duckdb" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.shared
def test_eval_show_misses_lists_missed_and_spurious_with_evidence(plain_cli, tmp_path):
    gold_path = shared_path("eval", "seed.jsonl")
    gold = read_jsonl(gold_path)[0]
    required = [g for g in gold["events"] if not g.get("optional")]
    kept, dropped = required[1:], required[0]
    predictions = [{"doc_id": gold["id"], "type": g["type"], "cameo": "000", "source": {"country": g["source"]},
                    "target": {"country": g["target"]}, "date": g.get("date"), "location": None,
                    "sentence": g["evidence"], "confidence": 0.9} for g in kept]
    predictions.append({"doc_id": gold["id"], "type": "ASSAULT", "cameo": "190", "source": {"country": "FRA"},
                        "target": {"country": "DEU"}, "sentence": "an invented spurious event",
                        "confidence": 0.1})
    write_jsonl(tmp_path / "pred.jsonl", predictions)
    result = plain_cli("eval", gold_path, "--predictions", "pred.jsonl", "--show-misses")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("missed") and dropped["evidence"] in line for line in lines)
    assert any(line.startswith("spurious") and "invented spurious event" in line and "FRA→DEU" in line
               for line in lines)
    assert lines[-1].startswith("F1 ") and f"tp {len(kept)} fp 1 fn 1" in lines[-1]


@pytest.mark.shared
def test_eval_runs_the_pipeline_on_a_gold_file(cli):
    result = cli("eval", shared_path("eval", "seed.jsonl"), "--show-misses")
    assert result.exit_code == 0, result.stderr
    last = result.stdout.splitlines()[-1].split()
    assert last[0] == "F1" and 0.0 <= float(last[1]) <= 1.0
    assert "seed.jsonl: 1 documents" in result.stdout


def test_actors_lookup_check_and_stats(plain_cli, tmp_path):
    stats = plain_cli("actors", "stats")
    assert stats.exit_code == 0 and stats.stdout.strip()
    found = plain_cli("actors", "lookup", "Alexander Lukashenko", "--date", "2025-10-13")
    assert found.exit_code == 0 and "BLR" in found.stdout
    missing = plain_cli("actors", "lookup", "Nobody Atall Zzyzx")
    assert missing.exit_code == 1 and "no entry" in missing.stderr
