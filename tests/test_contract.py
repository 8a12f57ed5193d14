"""The event contract of DESIGN.md, on the seed article: `extract --format jsonl` prints only contract
records, with the right fields and types, evidence that points into the text, the seed's required
gold events with their dates and places, and nothing from the teaser line glued on by the scraper."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, read_jsonl, shared_path

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
FIELDS = {"event_id", "doc_id", "type", "mode", "cameo", "quad_class", "goldstein", "source", "target", "date",
          "date_end", "date_text", "location", "attribution", "modality", "negated", "quantity", "sentence",
          "span", "confidence"}
ACTOR_FIELDS = {"text", "name", "code", "country", "agent", "kb_id"}
PLACE_FIELDS = {"name", "country", "lat", "lon"}
MODALITIES = {"asserted", "reported", "planned", "hypothetical"}
TEASER = "Lukashenka stated that Ukraine"


def is_iso_date(value) -> bool:
    """An ISO day, month or year: '2025-10-13', '2025-10' or '2025'."""
    if not isinstance(value, str):
        return False
    parts = value.split("-")
    if not (1 <= len(parts) <= 3 and len(parts[0]) == 4 and all(p.isdigit() for p in parts)):
        return False
    if len(parts) >= 2 and not (len(parts[1]) == 2 and 1 <= int(parts[1]) <= 12):
        return False
    return len(parts) < 3 or (len(parts[2]) == 2 and 1 <= int(parts[2]) <= 31)


def optional_str(value) -> bool:
    return value is None or isinstance(value, str)


def contract_problems(event: dict, text: str) -> list[str]:
    """Every way `event` breaks the contract; empty when it keeps it."""
    problems = []
    if set(event) != FIELDS:
        problems.append(f"fields: missing {sorted(FIELDS - set(event))}, extra {sorted(set(event) - FIELDS)}")
    checks = {
        "event_id": isinstance(event.get("event_id"), str) and event["event_id"] != "",
        "doc_id": isinstance(event.get("doc_id"), str) and event["doc_id"] != "",
        "type": event.get("type") is None or event.get("type") in PLOVER_TYPES,
        "mode": optional_str(event.get("mode")),
        "cameo": isinstance(event.get("cameo"), str) and event["cameo"].isdigit() and 2 <= len(event["cameo"]) <= 4,
        "quad_class": type(event.get("quad_class")) is int and 1 <= event["quad_class"] <= 4,
        "goldstein": isinstance(event.get("goldstein"), float) and -10.0 <= event["goldstein"] <= 10.0,
        "date": event.get("date") is None or is_iso_date(event["date"]),
        "date_end": event.get("date_end") is None or is_iso_date(event["date_end"]),
        "date_text": optional_str(event.get("date_text")),
        "attribution": optional_str(event.get("attribution")),
        "modality": event.get("modality") in MODALITIES,
        "negated": isinstance(event.get("negated"), bool),
        "sentence": isinstance(event.get("sentence"), str) and event["sentence"].strip() != "",
        "confidence": isinstance(event.get("confidence"), float) and 0.0 <= event["confidence"] <= 1.0,
    }
    problems += [f"{name}: {event.get(name)!r}" for name, ok in checks.items() if not ok]
    for side in ("source", "target"):
        actor = event.get(side)
        if actor is None and side == "target":
            continue
        if not isinstance(actor, dict) or set(actor) != ACTOR_FIELDS or not all(
                optional_str(actor[k]) for k in ACTOR_FIELDS) or not actor["text"] or not actor["name"]:
            problems.append(f"{side}: {actor!r}")
    place = event.get("location")
    if place is not None:
        if not isinstance(place, dict) or not PLACE_FIELDS <= set(place) or not isinstance(place["name"], str) \
                or not optional_str(place["country"]) \
                or not all(place[k] is None or isinstance(place[k], float) for k in ("lat", "lon")):
            problems.append(f"location: {place!r}")
    quantity = event.get("quantity")
    if quantity is not None and (not isinstance(quantity, dict) or set(quantity) != {"value", "qualifier", "unit"}
                                 or not isinstance(quantity["value"], (int, float))):
        problems.append(f"quantity: {quantity!r}")
    span = event.get("span")
    if not (isinstance(span, list) and len(span) == 2 and all(type(i) is int for i in span)
            and 0 <= span[0] < span[1] <= len(text)):
        problems.append(f"span: {span!r} (text has {len(text)} characters)")
    else:
        evidence, sentence = text[span[0]:span[1]], event.get("sentence") or ""
        starts = [i for i in range(len(text)) if text.startswith(sentence, i)] if sentence else []
        if not any(i <= span[0] and span[1] <= i + len(sentence) for i in starts):
            problems.append(f"span {span} ({evidence!r}) is not inside the sentence {sentence!r} in the text")
    return problems


def gold_found(gold: dict, predicted: list[dict]) -> list[dict]:
    """Predicted events that are this gold event: class (or an alternative), the countries (either way
    for symmetric classes), and the gold's date, range end and place where the gold gives them."""
    accepted = {gold["type"], *gold.get("alt", [])}
    found = []
    for event in predicted:
        pair = ((event["source"] or {}).get("country"), (event["target"] or {}).get("country"))
        if event["type"] not in accepted:
            continue
        if pair != (gold["source"], gold["target"]) and not (
                event["type"] in SYMMETRIC and pair == (gold["target"], gold["source"])):
            continue
        if "date" in gold and gold["date"] and not (
                event["date"] and event["date"].startswith(gold["date"])
                and len(event["date"]) <= len(gold["date"]) + 3):
            continue
        if gold.get("date_end") and event["date_end"] != gold["date_end"]:
            continue
        if "location" in gold:
            place = (event["location"] or {}).get("name")
            if gold["location"] is None and place is not None:
                continue
            if gold["location"] and gold["location"].lower() not in (place or "").lower():
                continue
        found.append(event)
    return found


@pytest.fixture(scope="module")
def seed():
    return shared_path("seed", "belarus-eu-contacts.txt")


@pytest.fixture(scope="module")
def seed_gold():
    return read_jsonl(shared_path("eval", "seed.jsonl"))[0]


@pytest.fixture
def seed_events(cli, seed):
    result = cli("extract", seed, "--format", "jsonl", "--no-store")
    assert result.exit_code == 0, result.stderr
    return result


@pytest.mark.model
@pytest.mark.shared
def test_every_stdout_line_is_a_contract_record(seed_events, seed):
    text = seed.read_text(encoding="utf-8")
    lines = seed_events.stdout.splitlines()
    assert lines, "the seed yields events"
    for line in lines:
        event = json.loads(line)
        assert contract_problems(event, text) == [], line
        assert event["doc_id"] == str(seed)  # a file without ids is named by its path as given
    assert len({json.loads(line)["event_id"] for line in lines}) == len(lines)
    assert "1 documents" in seed_events.stderr  # the summary goes to stderr, never into the JSONL


@pytest.mark.model
@pytest.mark.shared
def test_seed_required_gold_events_are_found_with_dates_and_places(seed_events, seed_gold):
    predicted = [json.loads(line) for line in seed_events.stdout.splitlines()]
    required = [g for g in seed_gold["events"] if not g.get("optional")]
    assert len(required) == 8
    missing = [g["evidence"] for g in required if not gold_found(g, predicted)]
    assert missing == []


@pytest.mark.model
@pytest.mark.shared
def test_no_event_from_the_teaser_line(seed_events, seed):
    text = seed.read_text(encoding="utf-8")
    teaser = text.index(TEASER)
    for line in seed_events.stdout.splitlines():
        start, end = json.loads(line)["span"]
        assert end <= teaser, f"an event from the teaser: {text[start:end]!r}"


@pytest.mark.model
@pytest.mark.shared
def test_event_ids_are_stable_across_runs(cli, seed):
    first = cli("extract", seed, "--format", "jsonl", "--no-store").stdout
    second = cli("extract", seed, "--format", "jsonl", "--no-store").stdout
    assert first == second


def test_contract_checker_rejects_broken_records():
    """The checker itself must catch what it is meant to catch, or the tests above prove nothing."""
    text = "France expelled two diplomats on Monday."
    good = {"event_id": "e1", "doc_id": "d1", "type": "SANCTION", "mode": "expel", "cameo": "1663",
            "quad_class": 4, "goldstein": -4.0,
            "source": {"text": "France", "name": "France", "code": "FRA", "country": "FRA", "agent": None,
                       "kb_id": None},
            "target": None, "date": "2025-03", "date_end": None, "date_text": None,
            "location": {"name": "Paris", "country": "FRA", "lat": 48.85, "lon": 2.35},
            "attribution": None, "modality": "asserted", "negated": False, "quantity": None,
            "sentence": text, "span": [7, 15], "confidence": 0.8}
    assert contract_problems(good, text) == []
    broken = [("type", "EXPEL"), ("cameo", 163), ("quad_class", 5), ("goldstein", -4), ("date", "2025-13"),
              ("modality", "alleged"), ("negated", 0), ("span", [30, 60]), ("span", [0, 99]),
              ("confidence", 1.5), ("sentence", "Another sentence."), ("source", None),
              ("quantity", {"value": 2})]
    for field, value in broken:
        assert contract_problems({**good, field: value}, text), field
    assert contract_problems({k: v for k, v in good.items() if k != "date_text"}, text)


@pytest.mark.model
@pytest.mark.shared
def test_installed_command_in_a_subprocess(seed, tmp_path):
    """The real console script, as a user runs it: JSONL on stdout, the summary on stderr."""
    exe = REPO / ".venv" / "bin" / "eventwire"
    if not exe.exists():
        pytest.skip(f"{exe} is absent; run `make setup`")
    env = {**os.environ, "EVENTWIRE_WORKERS": "1"}
    done = subprocess.run([str(exe), "extract", str(seed), "--format", "jsonl", "--no-store"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    text = seed.read_text(encoding="utf-8")
    assert events and all(contract_problems(e, text) == [] for e in events)
    assert "documents" in done.stderr and not list(Path(tmp_path).iterdir())  # --no-store wrote nothing
