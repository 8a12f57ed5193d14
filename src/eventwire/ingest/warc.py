"""WARC files (plain or gzipped): each HTML response record is one page, named by its URI.

Records are read one at a time from the stream (a crawl can be large). A broken record is a
Rejection at the line where it starts, and reading resumes at the next "WARC/" header line.
"""
from __future__ import annotations

import gzip
import logging
import re
import zlib
from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from eventwire.errors import EventwireError, InvalidRecord, UnreadableInput
from eventwire.ingest.common import at, reject
from eventwire.ingest.html import read_html
from eventwire.records import Article, Rejection

logger = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset=[\"']?([\w-]+)", re.IGNORECASE)


class _Lines:
    """A binary stream read line by line or by length, counting lines for error origins."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.line = 1
        self.pending: bytes | None = None

    def readline(self) -> bytes:
        if self.pending is not None:
            line, self.pending = self.pending, None
        else:
            line = self.stream.readline()
        self.line += line.count(b"\n")
        return line

    def unread(self, line: bytes) -> None:
        self.pending = line
        self.line -= line.count(b"\n")

    def read(self, size: int) -> bytes:
        data = self.stream.read(size)
        self.line += data.count(b"\n")
        return data


def _headers(lines: _Lines) -> dict[str, str]:
    headers: dict[str, str] = {}
    while True:
        line = lines.readline()
        if not line or not line.strip():
            return headers
        name, sep, value = line.decode("utf-8", "replace").partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()


def _skip_to_next_record(lines: _Lines) -> None:
    while True:
        line = lines.readline()
        if not line:
            return
        if line.startswith(b"WARC/"):
            lines.unread(line)
            return


def read_warc(stream: BinaryIO, origin: str, published: date | None = None) -> Iterator[Article | Rejection]:
    """Articles from the HTML responses of a WARC stream; other records are passed over."""
    lines = _Lines(stream)
    try:
        while True:
            line = lines.readline()
            if not line:
                return
            if not line.strip():
                continue
            start = lines.line - 1
            where = at(origin, start)
            if not line.startswith(b"WARC/"):
                yield reject(UnreadableInput(
                    "expected a WARC record header ('WARC/1.0'); skipping to the next record", origin=where))
                _skip_to_next_record(lines)
                continue
            headers = _headers(lines)
            try:
                length = int(headers["content-length"])
                if length < 0:
                    raise ValueError(length)
            except (KeyError, ValueError):
                yield reject(UnreadableInput(
                    "WARC record without a valid Content-Length; skipping to the next record", origin=where))
                _skip_to_next_record(lines)
                continue
            block = lines.read(length)
            if len(block) < length:
                yield reject(UnreadableInput(
                    f"WARC record cut short: {len(block)} of {length} bytes; the file is truncated",
                    origin=where))
                return
            if headers.get("warc-type", "").lower() != "response":
                continue
            uri = headers.get("warc-target-uri", "").strip("<>")
            yield from _response(block, uri, where, published)
    except (OSError, EOFError, zlib.error) as err:  # a corrupt gzip member ends the file
        yield reject(UnreadableInput(f"the WARC stream cannot be read further ({err})",
                                     origin=at(origin, lines.line)))


def _response(block: bytes, uri: str, where: str, published: date | None) -> Iterator[Article | Rejection]:
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    status_line, _, header_text = head.decode("iso-8859-1").partition("\n")
    parts = status_line.split()
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        yield reject(UnreadableInput(f"response record for {uri or 'an unnamed URI'} holds no HTTP "
                                     "response", origin=where))
        return
    status = int(parts[1])
    headers = {}
    for line in header_text.splitlines():
        name, colon, value = line.partition(":")
        if colon:
            headers[name.strip().lower()] = value.strip()
    if status >= 400:
        yield reject(InvalidRecord(f"{uri}: HTTP {status}, not a page to read", origin=where))
        return
    content_type = headers.get("content-type", "text/html").lower()
    if status >= 300 or not content_type.startswith(_HTML_TYPES):
        logger.debug("%s: skipped %s (HTTP %d, %s)", where, uri, status, content_type)
        return
    if not uri:
        yield reject(InvalidRecord("response record without WARC-Target-URI", origin=where))
        return
    try:
        body = _decode_transfer(body, headers)
    except EventwireError as err:
        err.origin = where
        yield reject(err)
        return
    charset = _CHARSET.search(content_type)
    yield from read_html(body, where, doc_id=uri, published=published, url=uri,
                         charset=charset.group(1) if charset else None)


def _decode_transfer(body: bytes, headers: dict[str, str]) -> bytes:
    """Undo chunked transfer and gzip/deflate content encoding when the crawler kept them."""
    try:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body = _dechunk(body)
        encoding = headers.get("content-encoding", "").lower()
        if encoding in ("gzip", "x-gzip"):
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
    except (OSError, EOFError, zlib.error, ValueError) as err:
        raise UnreadableInput(f"the HTTP body cannot be decoded ({err})") from None
    return body


def _dechunk(body: bytes) -> bytes:
    out, pos = bytearray(), 0
    while True:
        end = body.index(b"\r\n", pos)
        size = int(body[pos:end].split(b";")[0], 16)
        if size == 0:
            return bytes(out)
        out += body[end + 2:end + 2 + size]
        pos = end + 2 + size + 2
