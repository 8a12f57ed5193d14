"""The exception tree. Every error has a stable code and says what to do next.

    EventwireError                    E000
    ├── InputError                    E1xx  an input file or record cannot be read
    │   ├── InputNotFound             E101
    │   ├── UnreadableInput           E102  not UTF-8, not JSON, a bad WARC record
    │   └── InvalidRecord             E103  a JSON record without "text", a bad "published"
    ├── KnowledgeBaseError            E2xx  an actor file is malformed (names file, line, field)
    ├── DictionaryError               E3xx  a verb-pattern file is malformed
    ├── StoreError                    E4xx  the DuckDB store cannot be opened or written
    ├── SettingError                  E5xx  a setting or flag has a bad value
    └── GoldFileError                 E6xx  an evaluation file is malformed

Library code raises these; the CLI and the HTTP API translate them once, at their edge.
"""
from __future__ import annotations


class EventwireError(Exception):
    code = "E000"

    def __init__(self, message: str, *, origin: str | None = None) -> None:
        self.message = message
        self.origin = origin
        super().__init__(f"[{self.code}] {origin + ': ' if origin else ''}{message}")


class InputError(EventwireError):
    code = "E100"


class InputNotFound(InputError):
    code = "E101"


class UnreadableInput(InputError):
    code = "E102"


class InvalidRecord(InputError):
    code = "E103"


class KnowledgeBaseError(EventwireError):
    code = "E200"


class DictionaryError(EventwireError):
    code = "E300"


class StoreError(EventwireError):
    code = "E400"


class SettingError(EventwireError):
    code = "E500"


class GoldFileError(EventwireError):
    code = "E600"
