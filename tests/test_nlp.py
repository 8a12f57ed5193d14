"""The spaCy pipeline we build: the knowledge-base ruler before the NER, line breaks as sentence ends,
and the name chunker that stands in for the NER when it is switched off."""
from __future__ import annotations

import pytest

from eventwire.nlp import load_pipeline

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def full():
    return load_pipeline()


@pytest.fixture(scope="module")
def fast():
    return load_pipeline((), False)


def test_known_names_are_ruler_entities_with_their_ids(full):
    doc = full("Belarus sent an envoy to Minsk, and Belavia resumed flights.")
    ids = {ent.text: ent.ent_id_ for ent in doc.ents}
    assert ids["Minsk"] == "seat:BLR:minsk"
    assert ids["Belarus"] == "country:BLR"


def test_a_line_break_ends_a_sentence(full):
    doc = full("Belarus wants to overcome isolation\nThe invitation was sent from Paris.")
    assert len(list(doc.sents)) == 2


def test_without_the_ner_unknown_names_still_become_entities(fast):
    assert "ner" not in fast.pipe_names
    doc = fast("President Zoran Vukovic met Ambassador Ilse Brandt in Kragujevac. The Liberty Party protested.")
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels.get("Zoran Vukovic") == "PERSON"
    assert labels.get("Kragujevac") == "GPE"
    assert labels.get("Liberty Party") == "ORG"
