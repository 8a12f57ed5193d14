"""Tables built at startup, kept between runs: every worker of every run otherwise spends seconds
rebuilding the same gazetteer index and knowledge base from the same files (2.2 s and 0.8 s here).

An entry is keyed by a digest of everything it is built from (the data files' bytes, the building
module's own source, the package version), so a changed file or a new release builds afresh. A cache
that cannot be read or written is only a slower start: the object is built as if there were none.
The folder is the `cache` setting (default `~/.cache/eventwire`, or `$XDG_CACHE_HOME/eventwire`);
`off` keeps nothing.
"""
from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from eventwire import settings

log = logging.getLogger(__name__)
T = TypeVar("T")


def folder() -> Path | None:
    value = settings.resolve("cache")
    if value in ("off", "0", "none", ""):
        return None
    if value:
        return Path(value).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "eventwire"


def digest(sources: Iterable[object]) -> str:
    """A digest of files (by content) and plain values (by their text)."""
    from importlib import metadata

    try:
        release = metadata.version("eventwire")
    except metadata.PackageNotFoundError:
        release = "0+unknown"
    h = hashlib.sha256(release.encode())
    for source in sources:
        if isinstance(source, Path) or hasattr(source, "read_bytes"):
            h.update(source.read_bytes())
        else:
            h.update(repr(source).encode())
        h.update(b"\0")
    return h.hexdigest()[:20]


def built(name: str, sources: Iterable[object], build: Callable[[], T]) -> T:
    """What `build()` makes from `sources`, read from the cache when they are unchanged."""
    where = folder()
    if where is None:
        return build()
    path = where / f"{name}-{digest(sources)}.pickle"
    try:
        with path.open("rb") as stream:
            gc.disable()  # hundreds of thousands of small objects: the collector would rescan them all
            try:
                return pickle.load(stream)
            finally:
                gc.enable()
    except FileNotFoundError:
        pass
    except Exception as err:  # a truncated or foreign file: build afresh, and replace it below
        log.warning("cache %s unreadable (%s): rebuilding", path, err)
    made = build()
    try:
        where.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=where, prefix=f".{name}-", delete=False) as stream:
            pickle.dump(made, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(stream.name, path)  # whole or not at all, even with workers writing at once
        for old in where.glob(f"{name}-{'?' * 20}.pickle"):  # earlier builds of this name
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as err:
        log.info("cache %s not written (%s)", path, err)
    return made
