"""The knowledge-base loader: user files override packaged entries, errors name line and field,
dated roles answer "who held this office on that day", shared crowns and transnational leaders."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.actors.kb import KnowledgeBase, fold, load_kb, parse_when
from eventwire.errors import KnowledgeBaseError


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_fold_ignores_case_accents_and_article():
    assert fold("The Türkiye") == fold("turkiye")
    assert fold("Frank-Walter") == fold("frank walter")


def test_partial_dates_cover_their_period():
    assert parse_when("2021") == date(2021, 1, 1)
    assert parse_when("2021", end=True) == date(2021, 12, 31)
    assert parse_when("2024-02", end=True) == date(2024, 2, 29)
    with pytest.raises(KnowledgeBaseError, match="no such month"):
        parse_when("2020-13-01")


def test_the_same_office_on_two_dates_has_two_holders(kb):
    assert kb.holder("USA", "president", date(2019, 6, 1)).name == "Donald Trump"
    assert kb.holder("USA", "president", date(2023, 6, 1)).name == "Joe Biden"
    assert kb.holder("DEU", "chancellor", date(2020, 1, 1)).name == "Angela Merkel"
    assert kb.holder("DEU", "chancellor", date(2023, 1, 1)).name == "Olaf Scholz"


def test_realms_share_the_british_monarch(kb):
    assert kb.head_of("CAN", "state", date(2023, 6, 1)).name == "Charles III"
    assert kb.head_of("AUS", "state", date(2019, 6, 1)).name == "Elizabeth II"
    assert kb.holder("NZL", "monarch", date(2024, 1, 1)).name == "Charles III"
    assert kb.head_of("FRA", "state", date(2024, 1, 1)).name == "Emmanuel Macron"


def test_a_group_status_is_dated(kb):
    (taliban,) = [e for e in kb.lookup("Taliban") if e.kind == "group"]
    assert taliban.role_on(date(2019, 1, 1)) is None and taliban.agent == "REB"
    assert taliban.role_on(date(2022, 1, 1)).code == "AFGGOV"


def test_transnational_leaders_have_no_country(kb):
    (leader,) = kb.lookup("Abu Bakr al-Baghdadi")
    role = leader.role_on(date(2016, 1, 1))
    assert role.country is None and role.org == "Islamic State" and role.agent == "REB"


def test_each_person_has_one_owning_file(kb):
    for name in ("Moussa Faki Mahamat", "Mahmoud Ali Youssouf", "Barham Salih", "Ban Ki-moon"):
        assert len([e for e in kb.lookup(name) if e.kind == "person"]) == 1, name
    (salih,) = kb.lookup("Barham Salih")
    assert salih.role_on(date(2020, 1, 1)).country == "IRQ"


def test_a_user_entry_overrides_the_packaged_one(tmp_path):
    path = write(tmp_path, "- name: Hamas\n  aliases: []\n  country: PSE\n  agent: GOV\n  code: PSEGOV\n"
                           "- name: Ann Example\n  aliases: [Trump]\n  roles:\n"
                           "    - {country: USA, office: president, head: both, agent: GOV, start: 2019-01-01}\n")
    kb = KnowledgeBase.load([path])
    (hamas,) = [e for e in kb.lookup("Hamas")]
    assert hamas.code == "PSEGOV" and hamas.user and hamas.origin == f"{path}:1"
    assert kb.lookup("Trump")[0].name == "Ann Example"  # a user's form wins over a packaged one
    assert kb.holder("USA", "president", date(2019, 6, 1)).name == "Ann Example"
    forms = {form: entry for form, entry, _ in kb.surface_forms()}
    assert forms["Trump"].name == "Ann Example"


def test_load_errors_name_line_and_field(tmp_path):
    path = write(tmp_path, "- name: Good Person\n  roles:\n    - {country: USA, office: mayor, start: 2020}\n"
                           "- name: Bad Person\n  roles:\n    - {country: USA, start: 2020}\n")
    with pytest.raises(KnowledgeBaseError) as err:
        KnowledgeBase().add_file(path)
    assert f"{path}:6" in str(err.value) and "field 'office'" in str(err.value)


def test_check_reports_every_problem(kb, tmp_path):
    path = write(tmp_path, "- name: A\n  roles:\n    - {country: USA, office: mayor, start: 2020-13-01}\n"
                           "- name: B\n  country: ZZZ\n  agent: GOV\n"
                           "- name: C\n  country: BLR\n  agent: BIZ\n"
                           "- {name: D, aliases: x, country: BLR}\n"
                           "- name: C\n  country: BLR\n  agent: BUS\n")
    problems = [str(p) for p in kb.check_file(path)]
    assert any(f"{path}:3" in p and "field 'start'" in p and "2020-13-01" in p for p in problems), problems
    assert any(f"{path}:4" in p and "field 'country'" in p and "ZZZ" in p for p in problems), problems
    assert any(f"{path}:7" in p and "field 'agent'" in p and "BIZ" in p for p in problems), problems
    assert any(f"{path}:10" in p and "field 'aliases'" in p for p in problems), problems
    assert any(f"{path}:11" in p and "already defined at line 7" in p for p in problems), problems
    assert len(problems) == 5


def test_a_word_used_alone_names_one_body_and_a_user_file_may_give_it_another(tmp_path):
    kb = KnowledgeBase.load()
    assert kb.entries[kb.alone["congress"]].code == "USALEG"
    assert {kb.entries[i].country for i in kb.called["congress"]} >= {"USA", "PER", "PHL", "IND"}
    path = write(tmp_path, "- name: Congress of Atlantis\n  country: PHL\n  agent: LEG\n  alone: [Congress]\n")
    mine = KnowledgeBase.load([path])
    assert mine.alone["congress"] == "group:congress-of-atlantis"
    bad = write(tmp_path, "- name: Congress of Atlantis\n  country: PHL\n  agent: LEG\n  alone: Congress\n")
    with pytest.raises(KnowledgeBaseError, match="field 'alone'"):
        KnowledgeBase().add_file(bad)


def test_check_accepts_a_good_file(kb, tmp_path):
    path = write(tmp_path, "- name: Minsk Dairy\n  aliases: []\n  country: BLR\n  agent: BUS\n")
    assert kb.check_file(path) == []


def test_invalid_yaml_points_at_its_line(tmp_path):
    path = write(tmp_path, "- name: A\n  aliases: [x\n- name: B\n")
    with pytest.raises(KnowledgeBaseError, match=r"mine\.yaml:\d+: not valid YAML"):
        KnowledgeBase().add_file(path)


def test_stats_count_the_base(kb):
    stats = kb.stats()
    assert stats["states"] >= 195 and stats["people"] > 1000 and stats["organisations"] > 60
    assert stats["roles"] > stats["people"]


def test_a_succession_needs_its_date_and_its_parent(tmp_path):
    bad = tmp_path / "states.yaml"
    bad.write_text("- code: ABC\n  name: Abcland\n  status: other\n  adjectives: [Abcish]\n  capital: Abc City\n"
                   "  seceded_from: XYZ\n")
    errors = KnowledgeBase().check_file(bad)
    assert errors and "independent" in str(errors[0]), errors


def test_two_spellings_of_one_place_are_one_entry_with_both_names(tmp_path):
    path = write(tmp_path, "- code: ZZA\n  name: Zedland\n  adjectives: [Zedlandic]\n  capital: Zed City\n"
                           "  cities: [Michoacan, Michoacán, Port Zed]\n")
    kb = KnowledgeBase.load([path])
    place = kb.entries["city:ZZA:michoacan"]
    assert set(place.names) == {"Michoacan", "Michoacán"}
    forms = {form for form, entry, _ in kb.surface_forms() if entry is place}
    assert forms == {"Michoacan", "Michoacán"}  # the ruler matches both as written


def test_a_people_file_entry_is_a_group_with_adjectives(tmp_path):
    path = write(tmp_path, "- {name: Zedlanders, kind: people, aliases: [Zed people], adjectives: [Zeddish], "
                           "country: BLR, agent: ETH}\n")
    kb = KnowledgeBase.load([path])
    (entry,) = kb.lookup("Zedlanders")
    assert (entry.kind, entry.country, entry.agent, entry.adjectives) == ("group", "BLR", "ETH", ("Zeddish",))
    assert kb.check_file(path) == []
    assert kb.stats()["peoples"] >= 40
