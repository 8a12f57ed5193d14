"""The historical people files (people/history*.yaml, 1985-2015) and the earlier roles added to the
other people files: invariants over all people files together, and facts we are sure of.

The loader keys people by name and the linker resolves each form to one person, so a person listed in
two files, an alias shared by two people or two heads of government at once would silently mislink
archive text; these tests catch that when the data is edited.
"""
from __future__ import annotations

import calendar
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
import yaml

fold = pytest.importorskip("eventwire.actors.kb").fold  # the folding the knowledge base applies to names

PEOPLE = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "actors" / "data" / "people"
HISTORY = PEOPLE / "history.yaml"
HEADS = {"state", "government", "both"}
DATE_RE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def bounds(value) -> tuple[date, date]:
    """Earliest and latest day a role date (YAML date, YYYY, YYYY-MM or YYYY-MM-DD) can mean."""
    if isinstance(value, date):
        return value, value
    m = DATE_RE.fullmatch(str(value))
    assert m, f"bad date {value!r}"
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if day:
        d = date(year, int(month), int(day))
        return d, d
    if month:
        month = int(month)
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


@pytest.fixture(scope="module")
def files() -> dict[str, list[dict]]:
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(PEOPLE.glob("*.yaml"))}


@pytest.fixture(scope="module")
def everyone(files) -> list[dict]:
    return [person for people in files.values() for person in people]


@pytest.fixture(scope="module")
def kb():
    kb_module = pytest.importorskip("eventwire.actors.kb")
    return kb_module.load_kb()


# ---------------------------------------------------------------- file format
def test_header_states_date_scope_and_origin():
    head = HISTORY.read_text(encoding="utf-8").split("\n- ", 1)[0]
    assert head.startswith("#")
    assert "Facts as of 2026-01-01" in head
    assert "--actors FILE" in head
    assert "1985" in head


def test_history_roles_are_complete(files):
    people = files["history.yaml"]
    assert isinstance(people, list) and len(people) > 500
    for person in people:
        assert isinstance(person["name"], str) and person["name"].strip() == person["name"], person
        assert isinstance(person["aliases"], list), person["name"]
        assert person["roles"], person["name"]
        for role in person["roles"]:
            where = f"{person['name']}: {role}"
            assert set(role) <= {"country", "office", "head", "agent", "start", "end", "org"}, where
            assert re.fullmatch(r"[A-Z]{2,5}", role["country"]), where
            assert re.fullmatch(r"[a-z]+(_[a-z]+)*", role["office"]), where
            assert re.fullmatch(r"[A-Z]{3}", role["agent"]), where
            assert role.get("head") is None or role["head"] in HEADS, where


def test_history_covers_the_archive_period(files):
    """Every entry of history.yaml holds a role that began before 2015 (later ones belong elsewhere)."""
    for person in files["history.yaml"]:
        assert any(bounds(r["start"])[0] < date(2015, 1, 1) for r in person["roles"]), person["name"]


# ---------------------------------------------------------------- invariants over all people files
def test_dates_parse_and_start_not_after_end(everyone):
    for person in everyone:
        for role in person["roles"]:
            start = bounds(role["start"])[0]
            assert start <= date(2026, 1, 1), f"{person['name']}: {role}"
            if role.get("end") is not None:
                assert start <= bounds(role["end"])[1], f"{person['name']}: start after end in {role}"


def test_each_person_has_one_owning_file(files):
    owner: dict[str, str] = {}
    for name, people in files.items():
        for person in people:
            assert owner.setdefault(person["name"], name) == name, (
                f"{person['name']} is in {owner[person['name']]} and {name}")


def test_a_name_two_people_share_is_of_one_state(everyone):
    """A form may name two people only when both served one state, so that the date picks between them
    ("President Bush" in 1991 or 2003); never across states."""
    owners, homes = defaultdict(set), {}
    for person in everyone:
        homes[person["name"]] = {r.get("country") for r in person["roles"]}
        for form in [person["name"], *person["aliases"]]:
            owners[fold(form)].add(person["name"])
    shared = {form: names for form, names in owners.items() if len(names) > 1}
    assert set(shared) <= {"bush", "george bush", "clinton"}, shared
    for form, names in shared.items():
        assert len(set.union(*(homes[n] for n in names))) == 1, (form, names)


# The states whose office holders history.yaml covers back to 1985.
HISTORY_STATES = frozenset(
    "USA CAN MEX BRA ARG GBR FRA DEU ITA RUS CHN JPN KOR IND IDN SAU TUR ZAF AUS ISR PSE EGY SYR IRQ IRN "
    "JOR LBN LBY AFG PAK PRK SRB HRV BIH UKR POL ESP NLD BEL SWE NGA KEN ETH SDN COD RWA UGA ZWE VEN COL "
    "CUB CHL".split())


def test_no_two_heads_of_government_at_once(everyone):
    """Per covered state, a head of government's earliest possible end may not fall after the next
    one's latest possible start (dates known only to the month or year may touch)."""
    terms = defaultdict(list)
    for person in everyone:
        for role in person["roles"]:
            if role.get("head") in ("government", "both") and role["country"] in HISTORY_STATES:
                end = bounds(role["end"]) if role.get("end") is not None else (date.max, date.max)
                terms[role["country"]].append((bounds(role["start"]), end, person["name"]))
    clashes = []
    for country, items in terms.items():
        items.sort(key=lambda item: (item[0][1], item[0][0]))
        for (_, prev_end, prev), (next_start, _, nxt) in zip(items, items[1:]):
            if prev != nxt and next_start[1] < prev_end[0]:
                clashes.append(f"{country}: {prev} and {nxt}")
    assert not clashes


def test_shared_surnames_across_families_or_states_are_no_alias(everyone):
    forms = {fold(f) for p in everyone for f in p["aliases"]}
    for bare in ("kim", "singh", "gandhi", "castro", "hariri", "rice", "sharon", "lieberman"):
        assert bare not in forms, bare


# ---------------------------------------------------------------- facts, through the loader
@pytest.mark.parametrize("country, office, on, name", [
    ("GBR", "prime_minister", "1990-06-01", "Margaret Thatcher"),
    ("USA", "president", "2003-03-20", "George W. Bush"),
    ("USA", "president", "1992-06-01", "George H. W. Bush"),
    ("USA", "president", "1996-06-01", "Bill Clinton"),
    ("USA", "president", "1986-06-01", "Ronald Reagan"),
    ("LBN", "president", "2008-08-01", "Michel Suleiman"),
    ("RUS", "president", "1995-01-01", "Boris Yeltsin"),
    ("RUS", "president", "2004-06-01", "Vladimir Putin"),
    ("RUS", "president", "2010-06-01", "Dmitry Medvedev"),
    ("RUS", "president", "1991-01-01", "Mikhail Gorbachev"),
    ("DEU", "chancellor", "1990-06-01", "Helmut Kohl"),
    ("DEU", "chancellor", "2002-06-01", "Gerhard Schröder"),
    ("DEU", "foreign_minister", "1990-06-01", "Hans-Dietrich Genscher"),
    ("FRA", "president", "1990-06-01", "François Mitterrand"),
    ("FRA", "president", "2000-06-01", "Jacques Chirac"),
    ("GBR", "prime_minister", "2000-06-01", "Tony Blair"),
    ("ISR", "prime_minister", "1994-06-01", "Yitzhak Rabin"),
    ("ISR", "prime_minister", "1997-06-01", "Benjamin Netanyahu"),
    ("PSE", "president", "2000-06-01", "Yasser Arafat"),
    ("EGY", "president", "2000-06-01", "Hosni Mubarak"),
    ("IRQ", "president", "2000-06-01", "Saddam Hussein"),
    ("LBY", "supreme_leader", "2000-06-01", "Muammar Gaddafi"),
    ("SRB", "president", "1999-06-01", "Slobodan Milošević"),
    ("ZAF", "president", "1996-06-01", "Nelson Mandela"),
    ("TUR", "prime_minister", "2010-06-01", "Recep Tayyip Erdoğan"),
    ("CHN", "president", "2000-06-01", "Jiang Zemin"),
    ("JPN", "prime_minister", "2003-06-01", "Junichiro Koizumi"),
    ("IND", "prime_minister", "2010-06-01", "Manmohan Singh"),
    ("POL", "prime_minister", "2010-06-01", "Donald Tusk"),
    ("UN", "secretary_general", "2000-06-01", "Kofi Annan"),
    ("EU", "commission_president", "1990-06-01", "Jacques Delors"),
    ("NATO", "secretary_general", "1997-06-01", "Javier Solana"),
    ("IAEA", "director_general", "2003-06-01", "Mohamed ElBaradei"),
    # history_africa.yaml
    ("SEN", "president", "1995-06-01", "Abdou Diouf"),
    ("CIV", "president", "1990-06-01", "Félix Houphouët-Boigny"),
    ("DZA", "president", "2005-06-01", "Abdelaziz Bouteflika"),
    ("TUN", "president", "2000-06-01", "Zine El Abidine Ben Ali"),
    ("MAR", "monarch", "1995-06-01", "Hassan II"),
    ("GHA", "president", "1998-06-01", "Jerry Rawlings"),
    ("AGO", "president", "2000-06-01", "José Eduardo dos Santos"),
    ("LSO", "prime_minister", "2005-06-01", "Pakalitha Mosisili"),
    # history_world.yaml
    ("NIC", "president", "1992-06-01", "Violeta Chamorro"),
    ("PER", "president", "1995-06-01", "Alberto Fujimori"),
    ("PHL", "president", "1987-06-01", "Corazon Aquino"),
    ("THA", "prime_minister", "2003-06-01", "Thaksin Shinawatra"),
    ("MYS", "prime_minister", "1995-06-01", "Mahathir Mohamad"),
    ("KWT", "monarch", "1991-02-01", "Jaber Al-Ahmad Al-Jaber Al-Sabah"),
    ("CZE", "president", "1995-06-01", "Václav Havel"),
    ("ROU", "president", "1988-06-01", "Nicolae Ceaușescu"),
    ("AUT", "president", "1990-06-01", "Kurt Waldheim"),
])
def test_office_holder_on_date(kb, country, office, on, name):
    assert kb.holder(country, office, date.fromisoformat(on)).name == name


def test_heads_on_a_date(kb):
    assert kb.head_of("GBR", "government", date(1990, 6, 1)).name == "Margaret Thatcher"
    assert kb.head_of("USA", "state", date(1992, 6, 1)).name == "George H. W. Bush"
    # Until the USSR ended, its president, not the RSFSR's, is the head of state coded RUS.
    assert kb.head_of("RUS", "state", date(1991, 9, 1)).name == "Mikhail Gorbachev"
    assert kb.head_of("RUS", "state", date(1992, 6, 1)).name == "Boris Yeltsin"


def test_the_earlier_roles_were_added_to_the_existing_entries(kb):
    (putin,) = [e for e in kb.lookup("Putin") if e.kind == "person"]
    assert putin.role_on(date(2005, 1, 1)).office == "president"
    assert putin.role_on(date(2010, 1, 1)).office == "prime_minister"
    (erdogan,) = [e for e in kb.lookup("Erdogan") if e.kind == "person"]
    assert erdogan.role_on(date(2010, 1, 1)).office == "prime_minister"


@pytest.mark.parametrize("form, name", [
    ("Qaddafi", "Muammar Gaddafi"), ("Kadhafi", "Muammar Gaddafi"), ("Moammar Gadhafi", "Muammar Gaddafi"),
    ("Milosevic", "Slobodan Milošević"), ("Yasir Arafat", "Yasser Arafat"), ("Gorbachev", "Mikhail Gorbachev"),
    ("Yeltsin", "Boris Yeltsin"), ("George H.W. Bush", "George H. W. Bush"), ("George W Bush", "George W. Bush"),
    ("Saddam", "Saddam Hussein"), ("Chirac", "Jacques Chirac"), ("Kohl", "Helmut Kohl"),
    ("Thatcher", "Margaret Thatcher"), ("Mubarak", "Hosni Mubarak"),
])
def test_names_from_archive_news_reach_the_right_person(kb, form, name):
    assert [e.name for e in kb.lookup(form) if e.kind == "person"] == [name]


def test_bare_bush_names_the_president_of_the_day(kb):
    (first,) = [e for e in kb.lookup("George H. W. Bush")]
    assert kb.namesake_on("Bush", first, date(2002, 1, 1)).name == "George W. Bush"
    assert kb.namesake_on("Bush", first, date(1990, 1, 1)).name == "George H. W. Bush"
    assert kb.namesake_on("Clinton", first, date(2011, 1, 1)).name == "Hillary Clinton"
