"""What every reader shares: decoding, dates from metadata, and the shape of a rejection.

A reader never raises for a bad input: it turns the error into a `Rejection` naming the file
(and line) and goes on, so one broken record never costs the rest of the batch.
"""
from __future__ import annotations

import logging
import re
from datetime import date, datetime

from eventwire.errors import EventwireError, InvalidRecord, UnreadableInput
from eventwire.records import Rejection

logger = logging.getLogger(__name__)

STAGE = "ingest"
STDIN_ORIGIN = "<stdin>"


def reject(error: EventwireError) -> Rejection:
    """The record of a failed input: its origin, our stage, the error's stable code and reason."""
    logger.info("rejected %s: [%s] %s", error.origin, error.code, error.message)
    return Rejection(origin=error.origin or "?", stage=STAGE, code=error.code, message=error.message)


def at(origin: str, line: int | None) -> str:
    return f"{origin}:{line}" if line is not None else origin


def decode(data: bytes, origin: str, fallback: str | None = None, first_line: int = 1) -> str:
    """UTF-8 (a BOM is dropped), else the declared charset; else UnreadableInput at the bad line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if fallback:
            try:
                return data.decode(fallback)
            except (UnicodeDecodeError, LookupError):
                pass
        line = data[:err.start].count(b"\n") + first_line
        raise UnreadableInput(
            f"not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "convert the file to UTF-8 (e.g. with iconv) and read it again",
            origin=at(origin, line)) from None


_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]")


def parse_published(value: object, origin: str) -> date:
    """A date or datetime string as metadata gives it (ISO 8601); the day is what we keep.

    Datetimes are reduced to their date because later stages compare publication dates with
    event dates, and `datetime` and `date` do not compare in Python.
    """
    if isinstance(value, str):
        text = value.strip()
        try:
            if _DATE_ONLY.match(text):
                return date.fromisoformat(text)
            return datetime.fromisoformat(text.replace("z", "Z")).date()
        except ValueError:
            prefix = _ISO_PREFIX.match(text)  # "2025-10-13T05:58:00.000+0300" and other variants
            if prefix:
                try:
                    return date.fromisoformat(prefix.group(1))
                except ValueError:
                    pass
    raise InvalidRecord(
        f'"published" is {value!r}, not an ISO date or datetime such as "2025-10-13" or '
        '"2025-10-13T05:58:00Z"; fix or drop the field', origin=origin)


def optional_str(value: object) -> str | None:
    """A metadata field that must be a non-empty string to count."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
