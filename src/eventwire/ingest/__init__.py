"""Readers, one per kind of source, chosen by content first and file name second.

    read_inputs(["a.txt", "corpus.jsonl", "page.html", "crawl.warc.gz", "dir/", "-"])

yields an `Article` per document and a `Rejection` per input (or line, or record) that could not
be read; nothing here raises for bad input, so one broken file never stops a batch.
"""
from __future__ import annotations

import gzip
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from enum import Enum
from itertools import chain
from pathlib import Path
from typing import TextIO

from eventwire.errors import InputNotFound, UnreadableInput
from eventwire.ingest.common import STDIN_ORIGIN, reject
from eventwire.ingest.html import read_html
from eventwire.ingest.jsonl import read_jsonl
from eventwire.ingest.text import read_text
from eventwire.ingest.warc import read_warc
from eventwire.records import Article, Rejection

logger = logging.getLogger(__name__)

__all__ = ["Kind", "read_inputs", "sniff"]

_SNIFF_BYTES = 4096
_GZIP_MAGIC = b"\x1f\x8b"


class Kind(str, Enum):
    TEXT = "text"
    JSONL = "jsonl"
    HTML = "html"
    WARC = "warc"


def _looks_like_html(head: str) -> bool:
    start = head.lstrip("\ufeff \t\r\n").lower()
    return start.startswith(("<!doctype html", "<html")) or (
        start.startswith("<") and ("<head" in start or "<body" in start))


def sniff(head: bytes, name: str = "") -> Kind:
    """The kind of an input from its first bytes; the file name decides only what content cannot."""
    text = head.decode("utf-8", "ignore")
    stripped = text.lstrip("\ufeff \t\r\n")
    if head.startswith(b"WARC/"):
        return Kind.WARC
    if stripped.startswith("{"):
        return Kind.JSONL
    if _looks_like_html(text):
        return Kind.HTML
    lowered = name.lower()
    if lowered.endswith((".warc", ".warc.gz")):
        return Kind.WARC
    if lowered.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        return Kind.JSONL
    if lowered.endswith((".html", ".htm", ".xhtml")):
        return Kind.HTML
    return Kind.TEXT


def read_inputs(inputs: Sequence[str], published: date | None = None,
                stdin: TextIO | None = None) -> Iterator[Article | Rejection]:
    """Every article in the inputs, in order; `published` is the user's date for undated text."""
    for given in inputs:
        if given == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, published)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_file(file, os.path.join(given, file.relative_to(path).as_posix()),
                                      published)
        elif path.exists():
            yield from _read_file(path, given, published)
        else:
            yield reject(InputNotFound(f"no such file or directory: {given!r}; check the path",
                                       origin=given))


def _walk(root: Path) -> list[Path]:
    """Files under a directory, recursively, in sorted order, hidden files and folders left out."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found += [Path(dirpath) / f for f in filenames if not f.startswith(".")]
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _read_file(path: Path, origin: str, published: date | None) -> Iterator[Article | Rejection]:
    try:
        with path.open("rb") as raw:
            head = raw.read(_SNIFF_BYTES)
        gzipped = head.startswith(_GZIP_MAGIC)
        if gzipped:
            with gzip.open(path, "rb") as inner:
                head = inner.read(_SNIFF_BYTES)
        kind = sniff(head, path.name)
        logger.debug("%s: read as %s%s", origin, kind.value, " (gzip)" if gzipped else "")
        opener = gzip.open if gzipped else open
        if kind is Kind.WARC:
            with opener(path, "rb") as stream:
                yield from read_warc(stream, origin, published)
        elif kind is Kind.JSONL:
            with opener(path, "rb") as stream:
                yield from read_jsonl(stream, origin, published)
        else:
            with opener(path, "rb") as stream:
                data = stream.read()
            reader = read_html if kind is Kind.HTML else read_text
            yield from reader(data, origin, doc_id=origin, published=published)
    except (OSError, EOFError) as err:
        yield reject(UnreadableInput(f"cannot read the file ({err.strerror or err})", origin=origin))


def _read_stdin(stream: TextIO, published: date | None) -> Iterator[Article | Rejection]:
    """Standard input, sniffed: JSON lines stream through; text and HTML are read whole."""
    try:
        skipped = 0
        first = stream.readline()
        while first and not first.strip():
            skipped += 1
            first = stream.readline()
        if first.lstrip("\ufeff \t").startswith("{"):
            yield from read_jsonl(chain([first], stream), STDIN_ORIGIN, published,
                                  first_line=skipped + 1, hash_ids=True)
            return
        data = first + stream.read()
    except UnicodeDecodeError as err:
        yield reject(UnreadableInput(f"standard input is not UTF-8 ({err.reason}); convert it first",
                                     origin=STDIN_ORIGIN))
        return
    reader = read_html if _looks_like_html(data[:_SNIFF_BYTES]) else read_text
    yield from reader(data, STDIN_ORIGIN, doc_id=None, published=published)
