"""eventwire: read news, keep a sourced record of political events (PLOVER/CAMEO).

    >>> import eventwire
    >>> for event in eventwire.extract("France expelled two Russian diplomats on Monday.",
    ...                                published="2025-03-04"):
    ...     print(event.type, event.source.country, event.target.country, event.date.value)

The public API is `__all__` below. Names load on first use (module `__getattr__`), so
`import eventwire` stays cheap: spaCy, the model and DuckDB load only when a pipeline or a store is
actually used.
"""
from __future__ import annotations

from datetime import date
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for type checkers only; nothing heavy is imported at run time
    from eventwire.pipeline import Options, Pipeline
    from eventwire.records import Actor, Article, Event, Place
    from eventwire.store import Store

__all__ = ["Actor", "Article", "Event", "Options", "Pipeline", "Place", "Store", "__version__", "extract"]

# public name -> the module that defines it
_LAZY = {
    "Actor": "eventwire.records",
    "Article": "eventwire.records",
    "Event": "eventwire.records",
    "Place": "eventwire.records",
    "Options": "eventwire.pipeline",
    "Pipeline": "eventwire.pipeline",
    "Store": "eventwire.store",
}

_default_pipeline = None


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
    elif name == "__version__":
        from importlib import metadata
        try:
            value = metadata.version("eventwire")
        except metadata.PackageNotFoundError:
            value = "0+unknown"
    else:
        raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
    globals()[name] = value  # cache: the next access is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def extract(text_or_article: str | "Article", published: date | str | None = None) -> list["Event"]:
    """The events `eventwire extract` prints by default for one article (negated, hypothetical and
    statement-only events left out; `Pipeline().process(article).events` has them all, flagged).

    A plain string becomes an Article named by its content hash, as standard input is; `published`
    (a date or "YYYY-MM-DD") anchors relative dates such as "on Monday". One pipeline is built on
    the first call and reused, so only the first call pays for loading the model.
    """
    global _default_pipeline
    from dataclasses import replace

    from eventwire.pipeline import Pipeline
    from eventwire.records import Article, PublishedSource, content_hash

    if isinstance(published, str):
        published = date.fromisoformat(published)
    if isinstance(text_or_article, Article):
        article = text_or_article
        if published is not None:
            article = replace(article, published=published, published_source=PublishedSource.USER)
    elif isinstance(text_or_article, str):
        article = Article(doc_id=content_hash(text_or_article), text=text_or_article, published=published,
                          published_source=PublishedSource.USER if published else None)
    else:
        raise TypeError(f"extract() takes a str or an Article, not {type(text_or_article).__name__}")
    if _default_pipeline is None:
        _default_pipeline = Pipeline()
    result = _default_pipeline.process(article)
    return [e for e in result.events if e.emitted_by_default and e.type is not None]
