"""The startup cache: built once, read back equal, rebuilt when a source changes, never in the way."""
from __future__ import annotations

import pytest

from eventwire import cache


@pytest.fixture()
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    return tmp_path


def test_built_once_then_read_back(in_tmp):
    source = in_tmp / "table.txt"
    source.write_text("a b c")
    calls = []

    def build():
        calls.append(1)
        return {"words": source.read_text().split()}

    first = cache.built("table", [source], build)
    second = cache.built("table", [source], build)
    assert first == second == {"words": ["a", "b", "c"]} and len(calls) == 1
    source.write_text("a b c d")  # a changed source builds afresh and replaces the old entry
    third = cache.built("table", [source], build)
    assert third == {"words": ["a", "b", "c", "d"]} and len(calls) == 2
    assert len(list(in_tmp.glob("table-*.pickle"))) == 1


def test_a_damaged_entry_is_rebuilt(in_tmp):
    cache.built("table", ["v1"], lambda: [1, 2])
    (entry,) = in_tmp.glob("table-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert cache.built("table", ["v1"], lambda: [1, 2]) == [1, 2]
    assert cache.built("table", ["v1"], lambda: pytest.fail("should be read back")) == [1, 2]


def test_off_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.built("table", ["v1"], lambda: 7) == 7
    assert not any(tmp_path.rglob("*.pickle"))


def test_an_unwritable_folder_only_slows_the_start(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("EVENTWIRE_CACHE", str(blocker / "sub"))  # a folder that cannot be made
    assert cache.built("table", ["v1"], lambda: "made") == "made"


def test_the_knowledge_base_from_the_cache_equals_a_fresh_one(in_tmp):
    from eventwire.actors.kb import KnowledgeBase, load_kb
    load_kb.cache_clear()
    try:
        load_kb()  # writes the entry
        load_kb.cache_clear()
        cached = load_kb()  # reads it back
    finally:
        load_kb.cache_clear()
    fresh = KnowledgeBase.load(())
    assert list(in_tmp.glob("kb-*.pickle"))
    assert cached.entries.keys() == fresh.entries.keys()
    assert cached.entries["person:alexander-lukashenko"].roles == fresh.entries["person:alexander-lukashenko"].roles
