"""HTML pages: the article's paragraphs and the page's own metadata, with the stdlib parser only.

The text is the paragraphs of the <article> element (or of the whole page when there is none),
joined by blank lines; navigation, asides, footers, scripts and styles are dropped. The page's
published date is read from its metadata (Open Graph, JSON-LD, <time>) and marked PAGE.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

from eventwire.errors import EventwireError, InvalidRecord
from eventwire.ingest.common import decode, optional_str, parse_published, reject
from eventwire.records import Article, PublishedSource, Rejection, content_hash

logger = logging.getLogger(__name__)

_DROPPED = {"script", "style", "nav", "footer", "aside", "noscript", "template", "svg", "form",
            "iframe", "button", "select", "figcaption", "header"}
_PARAGRAPHS = {"p", "blockquote", "h2", "h3", "h4", "li", "pre"}
# Block elements that end a run of loose text when a page has no <p> at all.
_BLOCKS = _PARAGRAPHS | {"div", "section", "article", "main", "body", "br", "h1", "h5", "h6", "ul",
                         "ol", "table", "tr", "td", "dd", "dt"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished",
                   "article:published", "pubdate", "publishdate", "date", "dc.date",
                   "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date")
_SPACE = re.compile(r"\s+")
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """What a page says about itself, and its article text."""

    text: str
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.title_parts: list[str] = []
        self.json_ld: list[str] = []
        self.times: list[str] = []
        self.article_paragraphs: list[str] = []
        self.paragraphs: list[str] = []
        self.loose: list[str] = []          # text outside paragraphs, split at block elements
        self._stack: list[str] = []
        self._dropped = 0                   # depth inside dropped elements
        self._article = 0                   # depth inside <article>
        self._in_title = False
        self._in_json_ld = False
        self._paragraph: list[str] | None = None
        self._paragraph_depth = 0
        self._run: list[str] = []

    # --- structure ---------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"]
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.canonical = self.canonical or a["href"]
            return
        if tag == "time" and a.get("datetime"):
            self.times.append(a["datetime"])
        if tag == "script" and "ld+json" in a.get("type", "").lower():
            self._in_json_ld = True
        if tag in _VOID:
            if tag == "br" and self._paragraph is not None:
                self._paragraph.append("\n")
            elif tag in _BLOCKS:
                self._flush_run()
            return
        if tag in _BLOCKS and "p" in self._stack:
            self.handle_endtag("p")  # a block start closes an open <p>, as in HTML
        self._stack.append(tag)
        if tag == "title" and not self._dropped:
            self._in_title = True
        if tag in _DROPPED:
            self._dropped += 1
        if tag == "article":
            self._article += 1
        if tag in _PARAGRAPHS and self._paragraph is None and not self._dropped:
            self._flush_run()
            self._paragraph = []
            self._paragraph_depth = len(self._stack)
        elif tag in _BLOCKS:
            self._flush_run()

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._stack:
            return  # a stray end tag: ignore it, as browsers do
        while self._stack:
            open_tag = self._stack.pop()
            self._close(open_tag)
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "script":
            self._in_json_ld = False
        if self._paragraph is not None and len(self._stack) < self._paragraph_depth:
            text = _squeeze("".join(self._paragraph))
            if text:
                (self.article_paragraphs if self._article else self.paragraphs).append(text)
            self._paragraph = None
        if tag in _DROPPED:
            self._dropped -= 1
        if tag == "article":
            self._article -= 1
        if tag in _BLOCKS:
            self._flush_run()

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld.append(data)
            return
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._dropped or not self._stack:
            return
        if self._paragraph is not None:
            self._paragraph.append(data)
        elif self._stack[-1] not in {"head", "html"}:
            self._run.append(data)

    def _flush_run(self) -> None:
        text = _squeeze("".join(self._run))
        if text:
            self.loose.append(text)
        self._run = []

    def close(self) -> None:
        super().close()
        while self._stack:
            self._close(self._stack.pop())
        self._flush_run()


def _squeeze(text: str) -> str:
    """HTML whitespace rules: runs collapse to one space; explicit <br> breaks stay."""
    return "\n".join(_SPACE.sub(" ", part).strip() for part in text.split("\n")).strip()


def _json_ld_published(blocks: list[str]) -> str | None:
    """The first datePublished in the page's JSON-LD, however nested (@graph, lists)."""
    def walk(node: object) -> str | None:
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                return value
            node = list(node.values())
        if isinstance(node, list):
            for item in node:
                found = walk(item)
                if found:
                    return found
        return None

    for block in blocks:
        try:
            found = walk(json.loads(block))
        except json.JSONDecodeError:
            continue
        if found:
            return found
    return None


def parse_page(html: str, origin: str = "<html>") -> Page:
    """Title, outlet, url, published date (from the page) and the article text of one page."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    meta = parser.meta
    paragraphs = parser.article_paragraphs or parser.paragraphs or parser.loose
    candidates = [meta[key] for key in _PUBLISHED_META[:2] if key in meta]
    ld = _json_ld_published(parser.json_ld)
    candidates += ([ld] if ld else []) + [meta[k] for k in _PUBLISHED_META[2:] if k in meta]
    candidates += parser.times
    published = None
    for value in candidates:
        try:
            published = parse_published(value, origin)
            break
        except EventwireError:
            logger.debug("%s: page date %r not understood", origin, value)
    title = optional_str(meta.get("og:title")) or optional_str(_squeeze("".join(parser.title_parts)))
    return Page(text="\n\n".join(paragraphs), title=title, outlet=optional_str(meta.get("og:site_name")),
                url=optional_str(parser.canonical) or optional_str(meta.get("og:url")), published=published)


def declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def read_html(data: bytes | str, origin: str, doc_id: str | None, published: date | None = None,
              url: str | None = None, charset: str | None = None) -> Iterator[Article | Rejection]:
    """One article from a page; the user's date stands in only when the page gives none."""
    try:
        html = data if isinstance(data, str) else decode(data, origin, charset or declared_charset(data))
        page = parse_page(html, origin)
        if not page.text.strip():
            raise InvalidRecord("no article text found in the page (no <article> or <p> content)",
                                origin=origin)
    except EventwireError as err:
        yield reject(err)
        return
    if page.published:
        day, source = page.published, PublishedSource.PAGE
    elif published:
        day, source = published, PublishedSource.USER
    else:
        day, source = None, None
    yield Article(doc_id=doc_id if doc_id is not None else content_hash(page.text), text=page.text,
                  url=page.url or url, outlet=page.outlet, title=page.title, published=day,
                  published_source=source)
