"""clean(): furniture goes, real sentences stay, offsets never move."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.clean import Cleaned, Removal, clean

SEED = Path(__file__).parents[2] / "shared" / "seed" / "belarus-eu-contacts.txt"


def kept(cleaned: Cleaned) -> str:
    """The cleaned text with blank runs squeezed, for comparing what a reader would see."""
    return re.sub(r"[ \t]+", " ", cleaned.text).strip()


def removed(text: str, cleaned: Cleaned) -> list[str]:
    return [text[r.start:r.end] for r in cleaned.removals]


# --- the seed article -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (../shared beside the repo is absent)")
    return SEED.read_text(encoding="utf-8")


def test_seed_loses_exactly_its_furniture(seed_text: str) -> None:
    cleaned = clean(seed_text)
    assert len(cleaned.text) == len(seed_text)
    cut = removed(seed_text, cleaned)
    assert ", writes UNN" in cut
    assert "Details" in cut
    assert "Lukashenka stated that Ukraine might disappear as a state" in cut
    assert any(piece.startswith("13.10.25, 05:58") and "[views_10656]" in piece for piece in cut)
    # Nothing else was cut: every removed character belongs to one of those four pieces.
    assert len(cut) == 4
    assert cleaned.stamp_date == date(2025, 10, 13)


def test_seed_keeps_every_real_sentence(seed_text: str) -> None:
    cleaned = clean(seed_text)
    lines = seed_text.splitlines()
    body = [line for line in lines if line not in ("Details",) and "[views_" not in line]
    for line in body:
        # Each real line survives word for word, apart from the outlet tag at its end.
        expected = line.replace(", writes UNN", "")
        for sentence in re.split(r"(?<=[.!?])\s+", expected):
            sentence = sentence.strip()
            if sentence:
                assert sentence.rstrip(".") in kept(cleaned), sentence
    assert "dependent on Moscow ." in kept(cleaned)
    assert "\nDetails\n" not in cleaned.text
    assert "views" not in cleaned.text
    assert cleaned.text.count("\n") == seed_text.count("\n")


def test_offsets_point_into_the_original(seed_text: str) -> None:
    cleaned = clean(seed_text)
    for m in re.finditer(r"Ambrazevich", cleaned.text):
        assert seed_text[m.start():m.end()] == "Ambrazevich"


# --- each family of furniture -----------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Details", "Advertisement", "ADVERTISEMENT", "Related", "Related articles:", "Read more",
    "READ MORE:", "Also read", "See also:", "Sponsored", "  Read more  ",
])
def test_lone_section_words_go(line: str) -> None:
    text = f"The talks began in Vienna on Monday.\n{line}\nBoth delegations left on Tuesday."
    cleaned = clean(text)
    assert kept(cleaned) == "The talks began in Vienna on Monday.\n \nBoth delegations left on Tuesday."
    assert [r.rule for r in cleaned.removals] == ["section"]


@pytest.mark.parametrize("line", [
    "READ MORE: Parliament rejects the budget for a second time",
    "Also read: Floods close the border crossing",
    "Related: Talks stall over grain corridor",
])
def test_teaser_lines_introduced_by_a_section_word_go(line: str) -> None:
    text = f"The minister resigned on Friday.\n{line}\nHis deputy takes over."
    assert kept(clean(text)) == "The minister resigned on Friday.\n \nHis deputy takes over."


@pytest.mark.parametrize("line", [
    "Share this article", "Subscribe to our newsletter", "Follow us on Telegram",
    "Follow Kyiv Ledger on Telegram", "Share on Facebook", "Sign up for our daily newsletter",
    "Facebook Twitter Email",
])
def test_share_subscribe_follow_lines_go(line: str) -> None:
    text = f"Troops withdrew from the ridge.\n{line}\nThe ceasefire held overnight."
    cleaned = clean(text)
    assert kept(cleaned) == "Troops withdrew from the ridge.\n \nThe ceasefire held overnight."
    assert {r.rule for r in cleaned.removals} == {"share"}


@pytest.mark.parametrize("text, gone", [
    ("By Jane Doe\nThe envoy arrived in Minsk.", "By Jane Doe"),
    ("By MARTA KOVAL and Piet de Vries, Reuters\nThe envoy arrived.", "By MARTA KOVAL and Piet de Vries, Reuters"),
    ("The envoy arrived. (Reporting by Ana Ruiz; Editing by Tom Bell)", "(Reporting by Ana Ruiz; Editing by Tom Bell)"),
    ("The envoy arrived.\nReporting by Ana Ruiz; Editing by Tom Bell", "Reporting by Ana Ruiz; Editing by Tom Bell"),
])
def test_bylines_go(text: str, gone: str) -> None:
    cleaned = clean(text)
    assert removed(text, cleaned) == [gone]
    assert {r.rule for r in cleaned.removals} == {"byline"}


@pytest.mark.parametrize("text, gone", [
    ("The president spoke in Riga.\nPhoto: Reuters", "Photo: Reuters"),
    ("The president spoke in Riga. (Photo by AFP)", "(Photo by AFP)"),
    ("The president spoke in Riga. [Image: Jane Doe/Agency]", "[Image: Jane Doe/Agency]"),
    ("The president spoke in Riga.\nImage credit", "Image credit"),
    ("The president spoke in Riga. Photo credit: Mark Ellis", "Photo credit: Mark Ellis"),
])
def test_photo_credits_go(text: str, gone: str) -> None:
    assert removed(text, clean(text)) == [gone]


@pytest.mark.parametrize("text, gone", [
    ("Kyiv asked for air defence, writes UNN.", ", writes UNN"),
    ("The ministry denied the claim, reports TASS. It gave no details.", ", reports TASS"),
    ("Fighting resumed near the dam.\u00a0— Reuters", "— Reuters"),
    ("Fighting resumed near the dam. – AFP", "– AFP"),
])
def test_source_tags_go(text: str, gone: str) -> None:
    cleaned = clean(text)
    assert removed(text, cleaned) == [gone]
    assert cleaned.removals[0].rule == "source_tag"


@pytest.mark.parametrize("text, gone, day", [
    ("Sanctions were extended.\n13.10.25, 05:58", "13.10.25, 05:58", date(2025, 10, 13)),
    ("Sanctions were extended.\n05:58 • 13.10.2025", "05:58 • 13.10.2025", date(2025, 10, 13)),
    ("Sanctions were extended.\n2025-03-02 14:10", "2025-03-02 14:10", date(2025, 3, 2)),
    ("Sanctions were extended.\nPublished: 4 March 2024", "Published: 4 March 2024", date(2024, 3, 4)),
    ("Sanctions were extended. 12.01.2024, 09:15 • Views: 312", "12.01.2024, 09:15 • Views: 312", date(2024, 1, 12)),
])
def test_stamps_and_counters_go_and_give_a_date(text: str, gone: str, day: date) -> None:
    cleaned = clean(text)
    assert removed(text, cleaned) == [gone]
    assert cleaned.stamp_date == day
    assert kept(cleaned) == "Sanctions were extended."


def test_teaser_glued_to_a_stamp_goes_with_it() -> None:
    text = ("The port reopened on Sunday.\n"
            "Grain prices fall after the port deal02.09.24, 18:40 • [views_912]\n"
            "Old ally warns of a long winter 01.09.24, 07:05\n")
    cleaned = clean(text)
    assert kept(cleaned) == "The port reopened on Sunday."
    assert [r.rule for r in cleaned.removals] == ["teaser", "stamp", "teaser", "stamp"]
    assert cleaned.stamp_date == date(2024, 9, 2)


def test_only_the_last_sentence_before_a_glued_stamp_is_a_teaser() -> None:
    text = "The vote passed. Rivals cry foul over the count13.10.25, 05:58"
    cleaned = clean(text)
    assert kept(cleaned) == "The vote passed."


def test_a_stamp_after_a_finished_sentence_takes_no_teaser() -> None:
    text = "The vote passed. 13.10.25, 05:58"
    cleaned = clean(text)
    assert [r.rule for r in cleaned.removals] == ["stamp"]
    assert kept(cleaned) == "The vote passed."


@pytest.mark.parametrize("line, rule", [
    ("© 2025 Kyiv Ledger", "copyright"),
    ("Copyright 2024 Northern Wire. All rights reserved.", "copyright"),
    ("All rights reserved", "copyright"),
    ("We use cookies to improve your experience. Accept all", "cookie"),
    ("This website uses cookies.", "cookie"),
])
def test_copyright_and_cookie_lines_go(line: str, rule: str) -> None:
    text = f"The summit closed without a statement.\n{line}"
    cleaned = clean(text)
    assert kept(cleaned) == "The summit closed without a statement."
    assert [r.rule for r in cleaned.removals] == [rule]


# --- real content stays -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The ministry gave no details of the talks.",
    "Details of the agreement were not disclosed.",
    "Read the full statement below, the spokesman said.",
    "Share prices fell after the announcement.",
    "Follow-up talks are planned for November.",
    "According to Reuters, the envoy met three ambassadors.",
    "The agency reports that 40 people were detained.",
    "By Monday, the army had pulled back from the border.",
    "By the end of the year the treaty will be ratified.",
    "The vote is set for 13.10.2025, the commission said.",
    "The clip drew 10,000 views within an hour, officials said.",
    "Related talks will take place in Geneva.",
    "Advertisement rules for political parties were tightened.",
    "Photographs of the meeting were published by the ministry.",
    "The court heard a copyright case brought by the broadcaster.",
    "Lukashenka met the envoy, said Peskov.",
    "He said the deal was reached — a first for both sides.",
    "The next round is scheduled for 13.10.2025 at 10:00",
    "The talks (13.10.2025 10:00) ended without a deal.",
    "Photos by the ministry showed damage to the port",
    "Minsk, October 6-9: talks between the delegations continued.",
])
def test_real_content_stays_unchanged(text: str) -> None:
    cleaned = clean(text)
    assert cleaned.text == text
    assert cleaned.removals == ()
    assert cleaned.stamp_date is None


def test_removals_are_sorted_disjoint_and_non_blank() -> None:
    text = "By Jane Doe\nDetails\nTalks resumed, writes UNN.\nSome teaser here13.10.25, 05:58 • [views_1]\n© 2025 X"
    cleaned = clean(text)
    spans = [(r.start, r.end) for r in cleaned.removals]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
    assert all(isinstance(r, Removal) and text[r.start:r.end].strip() for r in cleaned.removals)
    assert " ".join(cleaned.text.split()) == "Talks resumed ."


# --- invariants -------------------------------------------------------------------------------

FRAGMENTS = [
    "Details", "Advertisement", "READ MORE:", "Share this article", "Follow us on Telegram",
    "By Jane Doe", "(Photo by AFP)", "Photo: Reuters", ", writes UNN.", ", reports TASS", "— Reuters",
    "13.10.25, 05:58", "05:58 • 13.10.2025", "[views_10656]", " • ", "Views: 12", "© 2025 Wire",
    "All rights reserved", "We use cookies", "The talks resumed in Minsk.", "Kyiv said no",
    "according to Reuters", "state", "\n", "\n", " ", ".", "(Reporting by A; Editing by B)",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_cleaning_twice_changes_nothing(text: str) -> None:
    once = clean(text)
    assert clean(once.text).text == once.text


@settings(max_examples=300, deadline=None)
@given(texts)
def test_same_length_and_only_blanks_change(text: str) -> None:
    cleaned = clean(text)
    assert len(cleaned.text) == len(text)
    for original, now in zip(text, cleaned.text):
        assert now == original or now == " "
        if original in "\r\n":
            assert now == original
    for r in cleaned.removals:
        assert 0 <= r.start < r.end <= len(text)
        assert cleaned.text[r.start:r.end].strip(" \r\n") == ""
