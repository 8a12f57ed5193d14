"""The typed records that pass between stages, and the event contract's JSON form.

Every stage takes and returns these frozen dataclasses; nothing else crosses a module boundary.
`Event.to_contract()` is the one place that decides what `--format jsonl` prints (DESIGN.md).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import Enum


class Precision(str, Enum):
    """How precise a date is: what the text allowed, never more."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"

    def format(self, value: date) -> str:
        if self is Precision.YEAR:
            return f"{value.year:04d}"
        if self is Precision.MONTH:
            return f"{value.year:04d}-{value.month:02d}"
        return value.isoformat()


class PublishedSource(str, Enum):
    METADATA = "metadata"
    PAGE = "page"
    USER = "user"
    ESTIMATED = "estimated"


class Modality(str, Enum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Article:
    """One input document. `text` is the article as given: every span points into it."""

    doc_id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    published_source: PublishedSource | None = None
    language: str = "en"
    content_hash: str = ""

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.text))


@dataclass(frozen=True)
class Actor:
    """A resolved participant: who, of which country, in which sector."""

    text: str
    name: str
    code: str | None
    country: str | None
    agent: str | None
    kb_id: str | None = None

    def to_json(self) -> dict:
        return {"text": self.text, "name": self.name, "code": self.code, "country": self.country,
                "agent": self.agent, "kb_id": self.kb_id}


@dataclass(frozen=True)
class Place:
    """A resolved location, GeoNames-backed where the gazetteer knows it."""

    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    feature_class: str | None = None
    geonames_id: int | None = None
    text: str | None = None

    def to_json(self) -> dict:
        return {k: v for k, v in asdict(self).items()}


@dataclass(frozen=True)
class EventDate:
    """A resolved time: a day, month or year, or a range of them."""

    start: date
    precision: Precision
    end: date | None = None
    text: str | None = None

    @property
    def value(self) -> str:
        return self.precision.format(self.start)

    @property
    def end_value(self) -> str | None:
        return self.precision.format(self.end) if self.end else None


@dataclass(frozen=True)
class Quantity:
    value: float
    qualifier: str | None
    unit: str | None

    def to_json(self) -> dict:
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "qualifier": self.qualifier, "unit": self.unit}


@dataclass(frozen=True)
class Event:
    """One coded event: the output contract of DESIGN.md, with its provenance."""

    doc_id: str
    doc_hash: str
    type: str | None
    mode: str | None
    cameo: str
    quad_class: int
    goldstein: float
    source: Actor | None
    target: Actor | None
    date: EventDate | None
    location: Place | None
    attribution: str | None
    modality: Modality
    negated: bool
    quantity: Quantity | None
    sentence: str
    span: tuple[int, int]
    confidence: float
    trigger: str = ""
    coder_version: str = ""

    @property
    def event_id(self) -> str:
        key = "|".join([
            self.doc_hash, f"{self.span[0]}-{self.span[1]}", self.type or self.cameo,
            self.source.name if self.source else "-", self.target.name if self.target else "-",
        ])
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]

    @property
    def emitted_by_default(self) -> bool:
        """Negated and hypothetical events are kept in the store but not printed unless --all."""
        return not self.negated and self.modality is not Modality.HYPOTHETICAL

    def to_contract(self) -> dict:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "source": self.source.to_json() if self.source else None,
            "target": self.target.to_json() if self.target else None,
            "date": self.date.value if self.date else None,
            "date_end": self.date.end_value if self.date else None,
            "date_text": self.date.text if self.date else None,
            "location": self.location.to_json() if self.location else None,
            "attribution": self.attribution,
            "modality": self.modality.value,
            "negated": self.negated,
            "quantity": self.quantity.to_json() if self.quantity else None,
            "sentence": self.sentence,
            "span": [self.span[0], self.span[1]],
            "confidence": round(self.confidence, 3),
        }

    def to_json_line(self) -> str:
        return json.dumps(self.to_contract(), ensure_ascii=False)


@dataclass(frozen=True)
class Rejection:
    """Why an input (or part of it) was not processed: kept, reported, and the batch goes on."""

    origin: str
    stage: str
    code: str
    message: str


@dataclass
class DocumentResult:
    """What the pipeline made of one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    coder_version: str = ""   # what made these events, even when there are none
