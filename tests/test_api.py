"""The public API: a curated `__all__` that matches what `eventwire` exports, loaded lazily so that
`import eventwire` pulls in neither spaCy nor DuckDB."""
from __future__ import annotations

import json
import subprocess
import sys
import types
from datetime import date

import pytest

import eventwire

EXPECTED = {"extract", "Pipeline", "Options", "Article", "Event", "Actor", "Place", "Store", "__version__"}


def test_all_is_the_curated_list():
    assert set(eventwire.__all__) == EXPECTED
    assert len(eventwire.__all__) == len(set(eventwire.__all__))


def test_every_name_in_all_is_exported_and_nothing_else_is_public():
    for name in eventwire.__all__:
        assert getattr(eventwire, name) is not None, name
    public = {name for name, value in vars(eventwire).items()
              if not name.startswith("_") and not isinstance(value, types.ModuleType)
              and name not in ("annotations", "date", "import_module", "TYPE_CHECKING", "Any")}
    assert public <= set(eventwire.__all__), public - set(eventwire.__all__)
    assert set(eventwire.__all__) <= set(dir(eventwire))


def test_exports_are_the_real_objects():
    from eventwire.pipeline import Options, Pipeline
    from eventwire.records import Actor, Article, Event, Place
    from eventwire.store import Store
    assert (eventwire.Pipeline, eventwire.Options, eventwire.Store) == (Pipeline, Options, Store)
    assert (eventwire.Article, eventwire.Event, eventwire.Actor, eventwire.Place) == (Article, Event, Actor, Place)
    assert isinstance(eventwire.__version__, str) and eventwire.__version__[0].isdigit()


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_thing"):
        eventwire.no_such_thing  # noqa: B018


def test_import_is_light():
    code = ("import sys, json, eventwire; "
            "print(json.dumps({m: m in sys.modules for m in ('spacy', 'duckdb', 'eventwire.pipeline')}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"spacy": False, "duckdb": False, "eventwire.pipeline": False}


@pytest.mark.model
def test_extract_codes_a_string_and_an_article(pipeline, monkeypatch):
    monkeypatch.setattr(eventwire, "_default_pipeline", pipeline)
    text = "Police in Tbilisi arrested 40 protesters on Saturday after a rally outside parliament."
    events = eventwire.extract(text, published="2025-05-20")
    assert events and all(isinstance(e, eventwire.Event) for e in events)
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.date.value == "2025-05-17" and arrest.location.name == "Tbilisi"
    article = eventwire.Article(doc_id="tbilisi", text=text, published=date(2025, 5, 20))
    assert [e.to_contract() | {"event_id": None, "doc_id": None} for e in eventwire.extract(article)] == \
        [e.to_contract() | {"event_id": None, "doc_id": None} for e in events]
    assert {e.doc_id for e in eventwire.extract(article)} == {"tbilisi"}


@pytest.mark.model
def test_extract_leaves_out_negated_events(pipeline, monkeypatch):
    monkeypatch.setattr(eventwire, "_default_pipeline", pipeline)
    assert eventwire.extract("Russia did not attack Ukraine.", published=date(2025, 2, 1)) == []
    assert any(e.negated for e in pipeline.process(eventwire.Article("n", "Russia did not attack Ukraine.")).events)


def test_extract_refuses_other_types():
    with pytest.raises(TypeError):
        eventwire.extract(42)
