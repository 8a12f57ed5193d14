"""The DuckDB store: one copy of each document and event, re-coding replaces, a stored event reads back
as its contract, and a failure on one document loses nothing already stored."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import StoreError
from eventwire.records import (Actor, Article, DocumentResult, Event, EventDate, Modality, Place, Precision,
                               Quantity)
from eventwire.store import Store

from conftest import shared_path

TEXT = "Poland and Lithuania signed a border agreement in Vilnius on Tuesday. Warsaw praised the deal."


def make_event(article: Article, span=(0, 40), type_="AGREE", cameo="057", version="v1", **changes) -> Event:
    event = Event(
        doc_id=article.doc_id, doc_hash=article.content_hash, type=type_, mode=None, cameo=cameo, quad_class=1,
        goldstein=8.0, source=Actor("Poland", "Poland", "POL", "POL", None, "country:POL"),
        target=Actor("Lithuania", "Lithuania", "LTU", "LTU", None, "country:LTU"),
        date=EventDate(date(2025, 3, 4), Precision.DAY, text="on Tuesday"),
        location=Place("Vilnius", "LTU", 54.69, 25.28), attribution=None, modality=Modality.ASSERTED,
        negated=False, quantity=None, sentence=TEXT.split(". ")[0] + ".", span=span, confidence=0.8,
        coder_version=version)
    return replace(event, **changes)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "events.duckdb") as s:
        yield s


@pytest.fixture
def article():
    return Article(doc_id="doc-1", text=TEXT, published=date(2025, 3, 6))


def test_same_input_twice_leaves_one_copy(store, article):
    result = DocumentResult(article, [make_event(article), make_event(article, span=(70, 90), type_="SUPPORT",
                                                                     cameo="051")])
    store.write([result])
    store.write([result])
    assert store.count("documents") == 1
    assert store.count("events") == 2
    assert sorted(e["event_id"] for e in store.events()) == sorted(e.event_id for e in result.events)


def test_same_text_under_another_id_is_one_document(store, article):
    store.write([DocumentResult(article, [make_event(article)])])
    store.write([DocumentResult(replace(article, doc_id="doc-1-mirror"), [make_event(article)])])
    assert store.count("documents") == 1


def test_recoding_under_a_new_coder_version_replaces_the_events(store, article):
    store.write([DocumentResult(article, [make_event(article), make_event(article, span=(70, 90),
                                                                          type_="SUPPORT", cameo="051")])])
    recoded = make_event(article, span=(0, 45), type_="COOPERATE", cameo="061", version="v2")
    store.write([DocumentResult(article, [recoded])])
    assert [e["event_id"] for e in store.events()] == [recoded.event_id]
    assert store.db.execute("SELECT DISTINCT coder_version FROM events").fetchall() == [("v2",)]
    assert store.db.execute("SELECT coder_version FROM documents").fetchall() == [("v2",)]


def test_recoding_that_finds_no_events_drops_the_old_ones(store, article):
    """A newer coder that finds nothing in an article must not leave the old coder's events behind.

    A result carries the coder version that made it, so an empty result still says it is newer.
    """
    store.write([DocumentResult(article, [make_event(article, version="v1")], coder_version="v1")])
    store.write([DocumentResult(article, [], coder_version="v2")])  # what coder v2 made of it: nothing
    assert store.count("events") == 0


def test_a_failing_document_loses_nothing_already_stored(store, article):
    other = Article(doc_id="doc-2", text="Hungary criticised the European Commission on Friday.")
    broken = Article(doc_id="doc-3", text="A record the database refuses.")
    store.write([DocumentResult(article, [make_event(article)])])
    bad_event = make_event(broken, cameo=None)  # cameo is NOT NULL in the events table
    with pytest.raises(StoreError) as err:
        store.write([DocumentResult(other, [make_event(other, span=(0, 7))]), DocumentResult(broken, [bad_event])])
    assert "doc-3" in str(err.value)
    assert {d for (d,) in store.db.execute("SELECT doc_id FROM documents").fetchall()} == {"doc-1", "doc-2"}
    assert store.count("events") == 2
    store.write([DocumentResult(broken, [make_event(broken, span=(0, 8))])])  # the store is still usable
    assert store.count("documents") == 3


def test_flattened_columns_agree_with_the_contract(store, article):
    event = make_event(article, quantity=Quantity(50, "more than", "political prisoners"))
    store.write([DocumentResult(article, [event])])
    row = store.db.execute("SELECT source_country, target_country, date, date_start, location_name, span_start, "
                           "span_end, quantity, emitted FROM events").fetchone()
    contract = event.to_contract()
    assert row == ("POL", "LTU", "2025-03-04", date(2025, 3, 4), "Vilnius", 0, 40,
                   json.dumps(contract["quantity"]), True)


def test_clusters_count_articles_and_sources(store, article):
    mirror = Article(doc_id="doc-2", text=TEXT + " More later.", outlet="Other Wire")
    store.write([DocumentResult(article, [make_event(article)]), DocumentResult(mirror, [make_event(mirror)])])
    assert store.refresh_clusters() == 1
    assert store.db.execute("SELECT num_mentions, num_articles FROM clusters").fetchone() == (2, 2)


# ---- a stored event reads back equal to its contract ---------------------------------------------
names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30)
maybe_names = st.none() | names
codes = st.none() | st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=6)
actors = st.builds(Actor, text=names, name=names, code=codes, country=codes, agent=codes, kb_id=maybe_names)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))
event_dates = st.builds(EventDate, start=days, precision=st.sampled_from(Precision),
                        end=st.none() | days, text=maybe_names)
coords = st.none() | st.floats(-90, 90, allow_nan=False)
places = st.builds(Place, name=names, country=codes, lat=coords, lon=coords, admin1=maybe_names,
                   feature_class=st.none() | st.sampled_from("PA"))
quantities = st.builds(Quantity, value=st.integers(0, 10**6) | st.floats(0, 1e6, allow_nan=False),
                       qualifier=maybe_names, unit=maybe_names)


@st.composite
def events(draw):
    text = draw(st.text(min_size=5, max_size=200))
    start = draw(st.integers(0, len(text) - 2))
    end = draw(st.integers(start + 1, len(text)))
    return Event(
        doc_id=draw(names), doc_hash=draw(st.text("0123456789abcdef", min_size=32, max_size=32)),
        type=draw(st.none() | st.sampled_from(["AGREE", "CONSULT", "ASSAULT", "SANCTION"])),
        mode=draw(st.none() | st.sampled_from(["phone", "visit", "expel"])),
        cameo=draw(st.text("0123456789", min_size=2, max_size=4)), quad_class=draw(st.integers(1, 4)),
        goldstein=draw(st.floats(-10, 10, allow_nan=False)), source=draw(st.none() | actors),
        target=draw(st.none() | actors), date=draw(st.none() | event_dates), location=draw(st.none() | places),
        attribution=draw(maybe_names), modality=draw(st.sampled_from(Modality)), negated=draw(st.booleans()),
        quantity=draw(st.none() | quantities), sentence=text, span=(start, end),
        confidence=draw(st.floats(0, 1, allow_nan=False)), coder_version=draw(st.sampled_from(["v1", "v2"])))


@pytest.fixture(scope="module")
def memory_store():
    with Store(":memory:") as s:
        yield s


@settings(max_examples=50, deadline=None)
@given(event=events())
def test_a_stored_event_reads_back_equal_to_its_contract(memory_store, event):
    store = memory_store
    store.db.execute("DELETE FROM events")
    store.db.execute("DELETE FROM documents")
    article = Article(doc_id=event.doc_id, text=event.sentence, content_hash=event.doc_hash)
    store.write([DocumentResult(article, [event])])
    assert list(store.events()) == [event.to_contract()]
    row = store.db.execute("SELECT source_country, target_country, modality, negated, emitted, span_start, "
                           "span_end FROM events").fetchone()
    assert row == ((event.source.country if event.source else None),
                   (event.target.country if event.target else None), event.modality.value, event.negated,
                   event.emitted_by_default, *event.span)


def test_a_stored_event_reads_back_from_a_reopened_file(tmp_path, article):
    event = make_event(article, quantity=Quantity(2.5, None, "tonnes"))
    with Store(tmp_path / "e.duckdb") as store:
        store.write([DocumentResult(article, [event])])
    with Store(tmp_path / "e.duckdb", read_only=True) as store:
        assert list(store.events()) == [event.to_contract()]


@pytest.mark.model
def test_pipeline_results_store_and_read_back(pipeline, tmp_path):
    text = shared_path("seed", "belarus-eu-contacts.txt").read_text(encoding="utf-8")
    result = pipeline.process(Article(doc_id="seed", text=text, published=date(2025, 10, 13)))
    assert result.events
    with Store(tmp_path / "e.duckdb") as store:
        store.write([result])
        store.write([result])
        assert store.count("documents") == 1
        assert store.count("events") == len({e.event_id for e in result.events})
        stored = {e["event_id"]: e for e in store.events()}
    assert stored == {e.event_id: e.to_contract() for e in result.events}
