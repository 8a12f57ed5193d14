"""The prefilter as a pipeline option: sentences that cannot hold an event are not parsed, and the
events of the sentences that can are the same as without it."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.pipeline import Options, Pipeline
from eventwire.records import Article

pytestmark = pytest.mark.model

TEXT = ("Chile expelled a Venezuelan diplomat on Tuesday. The weather in Santiago was mild all week.\n"
        "Peru praised Chile for its restraint. Markets were calm.")


def contracts(pipeline):
    result = pipeline.process(Article("p", TEXT, published=date(2025, 3, 14)))
    return [(e.type, e.source.country, e.target.country if e.target else None, e.span) for e in result.events]


def test_prefilter_keeps_every_event_and_offset():
    plain, filtered = Pipeline(Options()), Pipeline(Options(prefilter=True))
    assert contracts(filtered) == contracts(plain)
    assert ("SANCTION", "CHL", "VEN") in {c[:3] for c in contracts(filtered)}


def test_prefilter_blanks_what_cannot_hold_an_event():
    masked = Pipeline(Options(prefilter=True)).prefilter.mask(TEXT)
    assert len(masked) == len(TEXT)
    assert "Markets were calm" not in masked and "Chile expelled" in masked
