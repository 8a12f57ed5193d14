"""One table of settings: the single source for defaults, environment variables, validation and help.

A value comes from the command-line flag, then the environment variable `EVENTWIRE_<NAME>`, then the
default here. The README's settings table is checked against this one by a test.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable

from eventwire.errors import SettingError


def _workers(value: str) -> int:
    n = int(value)
    if n < 1:
        raise ValueError("must be at least 1")
    return n


def _flag(value: str) -> bool:
    lowered = str(value).strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ValueError("must be 1 or 0")


def _paths(value: str) -> tuple[str, ...]:
    return tuple(p for p in value.split(os.pathsep) if p)


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str
    parse: Callable[[str], object] = str
    flag: bool = True  # has a command-line flag of its name (else only the environment variable)

    @property
    def env(self) -> str:
        return "EVENTWIRE_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "eventwire.duckdb", "DuckDB file the events are stored in"),
    Setting("workers", os.cpu_count() or 1, "worker processes for extraction (default: the number of cores)",
            _workers),
    Setting("batch_size", 16, "articles parsed together by one worker", _workers, flag=False),
    Setting("actors", (), f"extra actor files (YAML), separated by '{os.pathsep}'", _paths),
    Setting("verbs", (), f"extra verb-pattern files (YAML), separated by '{os.pathsep}'", _paths),
    Setting("ner", False, "run the statistical NER besides the knowledge-base ruler (1 to run it: a third of "
            "the parse time; off, a proper-noun chunker stands in, at the same F1 on the gold sets)", _flag),
    Setting("prefilter", False, "skip parsing sentences with no trigger word or no possible actor (found before "
            "the parser; measured on the benchmark: 4.6% of the text skipped, no gain, so off by default)", _flag),
    Setting("cache", None, "folder for tables built at startup and kept between runs (default "
            "~/.cache/eventwire; off to keep none)", flag=False),
    Setting("dask", None, "address of a Dask scheduler (tcp://host:8786) to run extraction on"),
)
BY_NAME = {s.name: s for s in SETTINGS}


def resolve(name: str, flag_value=None):
    """The value in force: the flag if given, else the environment, else the default."""
    setting = BY_NAME[name]
    if flag_value not in (None, ()):
        if isinstance(flag_value, (tuple, list)):
            return tuple(flag_value)
        try:  # a flag is checked as strictly as the variable
            return setting.parse(str(flag_value))
        except (TypeError, ValueError) as err:
            raise SettingError(f"--{name.replace('_', '-')}={flag_value!r}: {err}") from None
    raw = os.environ.get(setting.env)
    if raw is None or raw == "":
        return setting.default
    try:
        return setting.parse(raw)
    except (TypeError, ValueError) as err:
        raise SettingError(f"{setting.env}={raw!r}: {err}") from None
