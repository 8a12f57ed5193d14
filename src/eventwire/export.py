"""Output formats for events: the JSONL contract, CSV, and a readable terminal table."""
from __future__ import annotations

import csv
import json
import shutil
import textwrap
from typing import Iterable, TextIO

CSV_COLUMNS = ("event_id", "doc_id", "date", "date_end", "type", "mode", "cameo", "quad_class", "goldstein",
               "source_name", "source_code", "source_country", "source_agent", "target_name", "target_code",
               "target_country", "target_agent", "location", "location_country", "lat", "lon", "attribution",
               "modality", "negated", "confidence", "span_start", "span_end", "sentence")


def write_jsonl(events: Iterable[dict], out: TextIO) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        n += 1
    return n


def flat(event: dict) -> dict:
    src, tgt, loc = event.get("source") or {}, event.get("target") or {}, event.get("location") or {}
    return {
        "event_id": event["event_id"], "doc_id": event["doc_id"], "date": event["date"],
        "date_end": event["date_end"], "type": event["type"], "mode": event["mode"], "cameo": event["cameo"],
        "quad_class": event["quad_class"], "goldstein": event["goldstein"],
        "source_name": src.get("name"), "source_code": src.get("code"), "source_country": src.get("country"),
        "source_agent": src.get("agent"), "target_name": tgt.get("name"), "target_code": tgt.get("code"),
        "target_country": tgt.get("country"), "target_agent": tgt.get("agent"), "location": loc.get("name"),
        "location_country": loc.get("country"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "attribution": event["attribution"], "modality": event["modality"], "negated": event["negated"],
        "confidence": event["confidence"], "span_start": event["span"][0], "span_end": event["span"][1],
        "sentence": event["sentence"],
    }


class CsvWriter:
    def __init__(self, out: TextIO) -> None:
        self.writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        self.writer.writeheader()

    def write(self, events: Iterable[dict]) -> int:
        n = 0
        for event in events:
            self.writer.writerow(flat(event))
            n += 1
        return n


def actor_label(actor: dict | None) -> str:
    if not actor:
        return "—"
    code = actor.get("code") or actor.get("country") or "?"
    return f"{actor.get('name') or actor.get('text')} ({code})"


class TableWriter:
    """date · source · type/mode · target · place · evidence, wrapped to the terminal's width."""

    def __init__(self, out: TextIO, width: int | None = None) -> None:
        self.out = out
        self.width = width or shutil.get_terminal_size((140, 24)).columns
        self.header_written = False
        self.last_doc = None

    def write(self, events: Iterable[dict]) -> int:
        n = 0
        for event in events:
            if event["doc_id"] != self.last_doc:
                self.out.write(f"\n== {event['doc_id']}\n")
                self.last_doc = event["doc_id"]
            date = event["date"] or "?"
            if event.get("date_end"):
                date += f"..{event['date_end'][-5:]}"
            kind = event["type"] or f"CAMEO {event['cameo']}"
            if event["mode"]:
                kind += f"/{event['mode']}"
            flags = [] if event["modality"] == "asserted" else [event["modality"]]
            if event["negated"]:
                flags.append("negated")
            place = (event.get("location") or {}).get("name") or ""
            head = (f"{date:<12} {actor_label(event['source'])}  —{kind}→  {actor_label(event['target'])}"
                    + (f"  @ {place}" if place else "") + (f"  [{', '.join(flags)}]" if flags else ""))
            start, end = event["span"]
            self.out.write(head + "\n")
            evidence = textwrap.shorten(event["sentence"], width=max(40, self.width - 8), placeholder=" …")
            self.out.write(f"             “{evidence}”  (chars {start}-{end}, conf {event['confidence']:.2f})\n")
            n += 1
        return n
