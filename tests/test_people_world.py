"""The world people file and the groups file: format invariants and facts we are sure of.

The loader trusts these files, so a malformed date or a name shared by two actors would silently
mislink mentions; these tests catch that when the data is edited.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "actors" / "data"
WORLD = DATA / "people" / "world.yaml"
GROUPS = DATA / "groups.yaml"

HEADS = {"state", "government", "both"}
ORG_CODES = {"AU", "UN", "EU"}          # organisation codes a person's role may carry
DATE_RE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
# Offices several people hold at once (party and armed-group leaderships, deputies).
SHARED_OFFICES = {"party_leader", "armed_group_leader", "opposition_leader", "party_official", "armed_group_official",
                  "deputy_prime_minister", "chair", "acting_president"}


def fold(text: str) -> str:
    """The same folding the knowledge base applies to names (case, accents, dots, hyphens)."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'").lower()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[\s\-\.]+", " ", text).strip()


def when(value, *, end: bool = False) -> date:
    """A role date (YAML date, or YYYY / YYYY-MM / YYYY-MM-DD); a partial end means the period's end."""
    if isinstance(value, date):
        return value
    m = DATE_RE.fullmatch(str(value))
    assert m, f"bad date {value!r}"
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if day:
        return date(year, int(month), int(day))
    if month:
        month = int(month)
        return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    return date(year, 12, 31) if end else date(year, 1, 1)


def span(role) -> tuple[date, date]:
    return when(role["start"]), when(role["end"], end=True) if role.get("end") is not None else date.max


@pytest.fixture(scope="module")
def people():
    return yaml.safe_load(WORLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def groups():
    return yaml.safe_load(GROUPS.read_text(encoding="utf-8"))


def holders(people, country, office, on: date) -> list[str]:
    return sorted({p["name"] for p in people for r in p["roles"]
                   if r["country"] == country and r["office"] == office
                   and span(r)[0] <= on <= span(r)[1]})


def heads(people, country, kind, on: date) -> list[str]:
    return sorted({p["name"] for p in people for r in p["roles"]
                   if r["country"] == country and r.get("head") in (kind, "both")
                   and span(r)[0] <= on <= span(r)[1]})


# ---------------------------------------------------------------- file format
@pytest.mark.parametrize("path", [WORLD, GROUPS], ids=["world", "groups"])
def test_header_states_date_and_origin(path):
    head = path.read_text(encoding="utf-8").split("\n- ", 1)[0]
    assert head.startswith("#")
    assert "Facts as of 2026-01-01" in head
    assert "--actors FILE" in head


def test_every_role_is_complete_and_well_formed(people):
    assert isinstance(people, list) and len(people) > 300
    for person in people:
        assert isinstance(person["name"], str) and person["name"].strip(), person
        assert isinstance(person.get("aliases"), list), person["name"]
        assert person["roles"], person["name"]
        for role in person["roles"]:
            where = f"{person['name']}: {role}"
            for key in ("country", "office", "agent", "start"):
                assert role.get(key) not in (None, ""), where
            assert re.fullmatch(r"[A-Z]{3}", role["country"]) or role["country"] in ORG_CODES, where
            assert re.fullmatch(r"[a-z]+(_[a-z]+)*", role["office"]), where
            assert re.fullmatch(r"[A-Z]{3}", role["agent"]), where
            assert role.get("head") is None or role["head"] in HEADS, where
            start, end = span(role)
            assert start <= end, where
            assert start <= date(2026, 1, 1), where


def test_no_name_or_alias_names_two_people(people):
    owners = defaultdict(set)
    for person in people:
        for form in [person["name"], *person["aliases"]]:
            owners[fold(form)].add(person["name"])
    shared = {form: names for form, names in owners.items() if len(names) > 1}
    assert not shared


def test_no_person_holds_one_office_twice_at_once(people):
    for person in people:
        spans = defaultdict(list)
        for role in person["roles"]:
            spans[(role["country"], role["office"])].append(span(role))
        for key, periods in spans.items():
            periods.sort()
            for (_, end), (start, _) in zip(periods, periods[1:]):
                assert end <= start, f"{person['name']} {key}"


def test_single_holders_do_not_overlap(people):
    """Two people holding one office (or being head of state) at once is a data error; dates known
    only to the month may overlap by that month."""
    periods = defaultdict(list)
    for person in people:
        for role in person["roles"]:
            start, end = span(role)
            if role["office"] not in SHARED_OFFICES:
                periods[(role["country"], role["office"])].append((start, end, person["name"]))
            if role.get("head") in HEADS:
                kinds = ("state", "government") if role["head"] == "both" else (role["head"],)
                for kind in kinds:
                    periods[(role["country"], "head of " + kind)].append((start, end, person["name"]))
    clashes = []
    for key, items in periods.items():
        for i, (s1, e1, n1) in enumerate(items):
            for s2, e2, n2 in items[i + 1:]:
                if n1 != n2 and min(e1, e2) - max(s1, s2) > timedelta(days=31):
                    clashes.append(f"{key}: {n1} and {n2}")
    assert not clashes


def test_bare_surnames_shared_by_many_people_are_not_aliases(people):
    banned = {"kim", "lee", "khan", "singh", "ali", "li", "wang", "park", "sharif", "castro", "aoun"}
    for person in people:
        assert not banned & {fold(a) for a in person["aliases"]}, person["name"]


# ---------------------------------------------------------------- groups
def test_groups_are_complete(groups):
    assert isinstance(groups, list) and len(groups) >= 120
    for group in groups:
        where = group.get("name")
        assert isinstance(group["name"], str) and group["name"].strip(), group
        assert isinstance(group.get("aliases"), list), where
        assert group.get("country") is None or re.fullmatch(r"[A-Z]{3}", group["country"]), where
        assert re.fullmatch(r"[A-Z]{3}", group["agent"]), where
        assert group["code"] == group["code"].upper(), where
        assert group["code"] == (group["country"] or "") + group["agent"], where


def test_no_name_or_alias_names_two_groups(groups):
    owners = defaultdict(set)
    for group in groups:
        for form in [group["name"], *group["aliases"]]:
            owners[fold(form)].add(group["name"])
    assert not {form: names for form, names in owners.items() if len(names) > 1}


def test_transnational_groups_and_ngos_have_no_country(groups):
    by_name = {g["name"]: g for g in groups}
    for name in ("Islamic State", "Al-Qaeda", "Amnesty International", "Human Rights Watch",
                 "International Committee of the Red Cross", "Médecins Sans Frontières"):
        assert by_name[name]["country"] is None, name
    for name in ("Amnesty International", "Human Rights Watch", "Médecins Sans Frontières"):
        assert by_name[name]["code"] == "NGO"
    assert {by_name[n]["code"] for n in ("Reuters", "Associated Press", "Xinhua", "TASS")} == \
        {"GBRJRN", "USAJRN", "CHNJRN", "RUSJRN"}
    assert by_name["Hamas"]["code"] == "PSEREB"
    assert by_name["Rapid Support Forces"]["country"] == "SDN"


def test_leaders_orgs_are_known_groups_of_the_same_country(people, groups):
    """A party or armed-group leader's `org` names a group in groups.yaml, with the same home."""
    group_of = {}
    for group in groups:
        for form in [group["name"], *group["aliases"]]:
            group_of[fold(form)] = group
    for person in people:
        for role in person["roles"]:
            if role["office"] not in ("party_leader", "armed_group_leader"):
                continue
            group = group_of.get(fold(role.get("org") or ""))
            assert group is not None, f"{person['name']}: unknown org {role.get('org')!r}"
            assert group["country"] == role["country"], person["name"]


def test_no_form_names_both_a_person_and_a_group(people, groups):
    person_forms = {fold(f) for p in people for f in [p["name"], *p["aliases"]]}
    group_forms = {fold(f) for g in groups for f in [g["name"], *g["aliases"]]}
    assert not person_forms & group_forms


# ---------------------------------------------------------------- facts
@pytest.mark.parametrize("on, name", [
    ("2016-06-01", "Barack Obama"), ("2019-06-01", "Donald Trump"), ("2023-06-01", "Joe Biden"),
    ("2026-01-01", "Donald Trump"),
])
def test_us_president_on_date(people, on, name):
    assert holders(people, "USA", "president", date.fromisoformat(on)) == [name]
    assert heads(people, "USA", "government", date.fromisoformat(on)) == [name]


@pytest.mark.parametrize("country, office, on, name", [
    ("USA", "vice_president", "2022-01-01", "Kamala Harris"),
    ("USA", "foreign_minister", "2019-06-01", "Mike Pompeo"),
    ("USA", "foreign_minister", "2026-01-01", "Marco Rubio"),
    ("USA", "defence_minister", "2026-01-01", "Pete Hegseth"),
    ("CHN", "president", "2020-01-01", "Xi Jinping"),
    ("CHN", "foreign_minister", "2023-05-01", "Qin Gang"),
    ("JPN", "prime_minister", "2019-01-01", "Shinzo Abe"),
    ("JPN", "prime_minister", "2026-01-01", "Sanae Takaichi"),
    ("IND", "prime_minister", "2015-01-01", "Narendra Modi"),
    ("BRA", "president", "2020-01-01", "Jair Bolsonaro"),
    ("BRA", "president", "2026-01-01", "Luiz Inácio Lula da Silva"),
    ("ARG", "president", "2026-01-01", "Javier Milei"),
    ("MEX", "president", "2020-01-01", "Andrés Manuel López Obrador"),
    ("CAN", "prime_minister", "2020-01-01", "Justin Trudeau"),
    ("CAN", "prime_minister", "2026-01-01", "Mark Carney"),
    ("KOR", "president", "2026-01-01", "Lee Jae-myung"),
    ("AUS", "prime_minister", "2026-01-01", "Anthony Albanese"),
    ("ZAF", "president", "2026-01-01", "Cyril Ramaphosa"),
    ("IDN", "president", "2026-01-01", "Prabowo Subianto"),
    ("SAU", "crown_prince", "2020-01-01", "Mohammed bin Salman"),
    ("IRN", "supreme_leader", "2026-01-01", "Ali Khamenei"),
    ("ISR", "prime_minister", "2022-01-01", "Naftali Bennett"),
    ("ISR", "prime_minister", "2026-01-01", "Benjamin Netanyahu"),
    ("SYR", "president", "2020-01-01", "Bashar al-Assad"),
    ("SYR", "president", "2026-01-01", "Ahmed al-Sharaa"),
    ("TWN", "president", "2026-01-01", "Lai Ching-te"),
    ("PSE", "president", "2026-01-01", "Mahmoud Abbas"),
])
def test_office_holder_on_date(people, country, office, on, name):
    assert holders(people, country, office, date.fromisoformat(on)) == [name]


def test_armed_group_leaders(people):
    def leader(org, on):
        return sorted(p["name"] for p in people for r in p["roles"]
                      if r.get("org") == org and r["office"] == "armed_group_leader"
                      and span(r)[0] <= date.fromisoformat(on) <= span(r)[1])
    assert leader("Hezbollah", "2020-01-01") == ["Hassan Nasrallah"]
    assert leader("Hezbollah", "2025-06-01") == ["Naim Qassem"]
    assert leader("Hamas", "2020-01-01") == ["Ismail Haniyeh"]
    assert leader("Rapid Support Forces", "2024-01-01") == ["Mohamed Hamdan Dagalo"]


def test_names_from_the_news_reach_the_right_person(people):
    index = {fold(f): p["name"] for p in people for f in [p["name"], *p["aliases"]]}
    for form, name in [("Bibi", "Benjamin Netanyahu"), ("MBS", "Mohammed bin Salman"),
                       ("al-Sisi", "Abdel Fattah el-Sisi"), ("Sisi", "Abdel Fattah el-Sisi"),
                       ("Lula", "Luiz Inácio Lula da Silva"), ("Xi", "Xi Jinping"),
                       ("Abu Mohammed al-Jolani", "Ahmed al-Sharaa"), ("Hemedti", "Mohamed Hamdan Dagalo"),
                       ("Araqchi", "Abbas Araghchi"), ("Kim Jong-un", "Kim Jong Un"),
                       ("Luiz Inacio Lula da Silva", "Luiz Inácio Lula da Silva")]:
        assert index.get(fold(form)) == name, form


def test_the_project_loader_accepts_both_files():
    kb_module = pytest.importorskip("eventwire.actors.kb")
    kb = kb_module.KnowledgeBase()
    kb.add_file(WORLD)
    kb.add_file(GROUPS)
    kb.index()
    assert kb.holder("USA", "president", date(2019, 6, 1)).name == "Donald Trump"
    assert [e.code for e in kb.lookup("Hamas")] == ["PSEREB"]
