"""Plain-text articles: the file is the article, its path is its id."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eventwire.errors import EventwireError, InvalidRecord
from eventwire.ingest.common import decode, reject
from eventwire.records import Article, PublishedSource, Rejection, content_hash


def read_text(data: bytes | str, origin: str, doc_id: str | None,
              published: date | None = None) -> Iterator[Article | Rejection]:
    """One article from a whole text; `doc_id=None` means "use the content hash" (stdin)."""
    try:
        text = decode(data, origin) if isinstance(data, bytes) else data
        if not text.strip():
            raise InvalidRecord("the text is empty; there is no article to read", origin=origin)
    except EventwireError as err:
        yield reject(err)
        return
    yield Article(doc_id=doc_id if doc_id is not None else content_hash(text), text=text,
                  published=published, published_source=PublishedSource.USER if published else None)
