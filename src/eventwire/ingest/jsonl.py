"""JSON Lines of articles: one `{"id", "text", "published"?, "url"?, "title"?, "outlet"?}` a line.

Read line by line, never whole, so a corpus of any size streams through; a bad line becomes a
Rejection naming its line and the next line is read.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date

from eventwire.errors import EventwireError, InvalidRecord, UnreadableInput
from eventwire.ingest.common import at, decode, optional_str, parse_published, reject
from eventwire.records import Article, PublishedSource, Rejection, content_hash


def read_jsonl(lines: Iterable[bytes | str], origin: str, published: date | None = None,
               first_line: int = 1, hash_ids: bool = False) -> Iterator[Article | Rejection]:
    """Articles from JSON lines; without an "id" a record is named by its line (or content hash)."""
    for number, raw in enumerate(lines, start=first_line):
        where = at(origin, number)
        try:
            line = decode(raw, origin, first_line=number) if isinstance(raw, bytes) else raw
            if not line.strip():
                continue
            article = _article(line, where, published, hash_ids)
        except EventwireError as err:
            yield reject(err)
            continue
        yield article


def _article(line: str, where: str, published: date | None, hash_ids: bool) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise UnreadableInput(f"not JSON ({err.msg} at column {err.colno}); each line must be one "
                              "JSON object", origin=where) from None
    if not isinstance(record, dict):
        raise InvalidRecord(f"a JSON {type(record).__name__}, not an object with a \"text\" field",
                            origin=where)
    text = record.get("text")
    if not isinstance(text, str):
        raise InvalidRecord('no "text" field (or it is not a string); every record needs one',
                            origin=where)
    if not text.strip():
        raise InvalidRecord('"text" is empty; there is no article to read', origin=where)
    raw_date = record.get("published")
    if raw_date is not None:
        day, source = parse_published(raw_date, where), PublishedSource.METADATA
    elif published is not None:
        day, source = published, PublishedSource.USER
    else:
        day, source = None, None
    raw_id = record.get("id")
    if raw_id is None or isinstance(raw_id, (dict, list)) or str(raw_id) == "":
        doc_id = content_hash(text) if hash_ids else where
    else:
        doc_id = str(raw_id)
    return Article(doc_id=doc_id, text=text, url=optional_str(record.get("url")),
                   outlet=optional_str(record.get("outlet")), title=optional_str(record.get("title")),
                   published=day, published_source=source,
                   language=optional_str(record.get("language")) or "en")
