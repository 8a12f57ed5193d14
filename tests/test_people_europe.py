"""Invariants and spot checks for the European people file (people/europe.yaml).

The file is hand-written data, so these tests guard against the mistakes hand-written dates make:
malformed or reversed dates, two people answering to one alias, two prime ministers at once.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).parents[1] / "src" / "eventwire" / "actors" / "data" / "people" / "europe.yaml"
FILE_DATE = dt.date(2026, 1, 1)

EUROPEAN_STATES = frozenset(
    "ALB AND ARM AUT AZE BEL BGR BIH BLR CHE CYP CZE DEU DNK ESP EST FIN FRA GBR GEO GRC HRV HUN "
    "IRL ISL ITA LIE LTU LUX LVA MCO MDA MKD MLT MNE NLD NOR POL PRT ROU RUS SMR SRB SVK SVN SWE "
    "TUR UKR VAT XKX".split()
)
ORGANISATIONS = frozenset("UN EU NATO OSCE IMF WB WTO WHO IAEA UNHCR UNESCO ICC AU COE".split())
AGENTS = frozenset("GOV MIL LEG JUD OPP PTY REB IGO".split())
HEADS = frozenset({"state", "government", "both"})

# States whose structure does not give exactly one head of government on the file date.
# San Marino: the Congress of State has no formal head; its foreign secretary is coded as such.
NO_SINGLE_HEAD_OF_GOVERNMENT = frozenset({"SMR"})
# Heads of state on the file date where the count is not one: Bosnia has a three-member
# Presidency; San Marino's two Captains Regent change every six months and are not listed.
HEADS_OF_STATE_COUNT = {"BIH": 3, "SMR": 0}
# Monaco's counsellor-minister for external relations is not listed.
NO_FOREIGN_MINISTER = frozenset({"MCO"})
# Offices that one person holds at a time in a given country or organisation.
SINGLE_HOLDER_OFFICES = frozenset(
    {
        "president", "prime_minister", "chancellor", "foreign_minister", "monarch", "head_of_state",
        "secretary_general", "director_general", "commission_president", "council_president",
        "high_representative", "managing_director", "high_commissioner", "prosecutor",
        "commission_chair", "parliament_speaker", "defence_minister", "army_chief",
    }
)

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def bounds(value: object) -> tuple[dt.date, dt.date]:
    """Earliest and latest day a YAML date value (date, YYYY int, YYYY-MM string) can mean."""
    if isinstance(value, dt.date):
        return value, value
    text = str(value)
    if not DATE_RE.match(text):
        raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {value!r}")
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def held_on(role: dict, day: dt.date) -> bool:
    """A role is held on `day` when it began on or before it and had not ended by it."""
    if bounds(role["start"])[0] > day:
        return False
    return "end" not in role or bounds(role["end"])[0] > day


@pytest.fixture(scope="module")
def people() -> list[dict]:
    with DATA.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def holders(people: list[dict], day: dt.date, country: str, *, office: str | None = None,
            heads: frozenset[str] = HEADS) -> list[str]:
    names = []
    for person in people:
        for role in person["roles"]:
            if role["country"] != country or not held_on(role, day):
                continue
            if office is not None and role["office"] != office:
                continue
            if office is None and role.get("head") not in heads:
                continue
            names.append(person["name"])
    return names


def test_file_starts_with_header_comment() -> None:
    head = DATA.read_text(encoding="utf-8").splitlines()[:8]
    assert head[0].startswith("#")
    assert any("2026-01-01" in line for line in head)
    assert any("--actors" in line for line in head)


def test_every_person_is_well_formed(people: list[dict]) -> None:
    assert isinstance(people, list) and len(people) > 400
    for person in people:
        assert set(person) <= {"name", "aliases", "roles"}, person["name"]
        assert isinstance(person["name"], str) and person["name"].strip() == person["name"]
        assert isinstance(person["aliases"], list), person["name"]
        assert person["roles"], f"{person['name']} has no role"


def test_every_role_has_required_fields_and_known_codes(people: list[dict]) -> None:
    allowed = {"country", "office", "head", "agent", "start", "end", "org"}
    for person in people:
        # A head of an international organisation keeps earlier national roles from any state here
        # (Ban Ki-moon was South Korea's foreign minister), since a person has one owning file.
        heads_an_organisation = any(role["country"] in ORGANISATIONS for role in person["roles"])
        for role in person["roles"]:
            where = f"{person['name']}: {role}"
            assert set(role) <= allowed, where
            for key in ("country", "office", "agent", "start"):
                assert role.get(key) not in (None, ""), where
            if heads_an_organisation:
                assert re.fullmatch(r"[A-Z]{3}", role["country"]) or role["country"] in ORGANISATIONS, where
            else:
                assert role["country"] in EUROPEAN_STATES | ORGANISATIONS | {"AND"}, where
            assert re.fullmatch(r"[a-z]+(_[a-z]+)*", role["office"]), where
            assert role["agent"] in AGENTS, where
            if "head" in role:
                assert role["head"] in HEADS, where
            if role["country"] in ORGANISATIONS and role["office"] != "parliament_speaker":
                assert role["agent"] == "IGO", where


def test_dates_parse_and_start_not_after_end(people: list[dict]) -> None:
    for person in people:
        for role in person["roles"]:
            start_lo, _ = bounds(role["start"])
            assert start_lo <= FILE_DATE + dt.timedelta(days=365), f"{person['name']}: {role}"
            if "end" in role:
                _, end_hi = bounds(role["end"])
                assert start_lo <= end_hi, f"{person['name']}: start after end in {role}"
                assert bounds(role["end"])[0] <= FILE_DATE + dt.timedelta(days=365), person["name"]


def test_terms_overlap_2015_or_later(people: list[dict]) -> None:
    """The file covers office holders from 2015 on; a term that ended earlier is a slip."""
    for person in people:
        assert any(
            "end" not in role or bounds(role["end"])[1] >= dt.date(2015, 1, 1) for role in person["roles"]
        ), person["name"]


def test_no_two_people_share_a_name_or_alias(people: list[dict]) -> None:
    owner: dict[str, str] = {}
    for person in people:
        for form in {person["name"], *person["aliases"]}:
            key = form.casefold()
            assert owner.setdefault(key, person["name"]) == person["name"], (
                f"{form!r} names both {owner[key]} and {person['name']}"
            )


def test_no_certain_overlap_in_single_holder_offices(people: list[dict]) -> None:
    terms = defaultdict(list)
    for person in people:
        for role in person["roles"]:
            if role["office"] in SINGLE_HOLDER_OFFICES:
                terms[role["country"], role["office"]].append((person["name"], role))
    for (country, office), items in terms.items():
        items.sort(key=lambda item: bounds(item[1]["start"])[::-1])
        for (prev_name, prev), (next_name, nxt) in zip(items, items[1:]):
            assert "end" in prev, f"{country} {office}: {prev_name} never ends but {next_name} follows"
            # the successor's latest possible start may not precede the predecessor's earliest end
            assert bounds(nxt["start"])[1] >= bounds(prev["end"])[0], (
                f"{country} {office}: {prev_name} and {next_name} overlap"
            )


@pytest.mark.parametrize("country", sorted(EUROPEAN_STATES))
def test_one_head_of_government_on_file_date(people: list[dict], country: str) -> None:
    found = holders(people, FILE_DATE, country, heads=frozenset({"government", "both"}))
    expected = 0 if country in NO_SINGLE_HEAD_OF_GOVERNMENT else 1
    assert len(found) == expected, f"{country}: {found}"


@pytest.mark.parametrize("country", sorted(EUROPEAN_STATES))
def test_head_of_state_on_file_date(people: list[dict], country: str) -> None:
    found = holders(people, FILE_DATE, country, heads=frozenset({"state", "both"}))
    assert len(found) == HEADS_OF_STATE_COUNT.get(country, 1), f"{country}: {found}"


@pytest.mark.parametrize("country", sorted(EUROPEAN_STATES - NO_FOREIGN_MINISTER))
def test_one_foreign_minister_on_file_date(people: list[dict], country: str) -> None:
    found = holders(people, FILE_DATE, country, office="foreign_minister")
    assert len(found) == 1, f"{country}: {found}"


@pytest.mark.parametrize(
    ("day", "country", "office", "name"),
    [
        (dt.date(2016, 6, 1), "GBR", "prime_minister", "David Cameron"),
        (dt.date(2023, 6, 1), "GBR", "prime_minister", "Rishi Sunak"),
        (dt.date(2020, 6, 1), "GBR", "prime_minister", "Boris Johnson"),
        (dt.date(2025, 6, 1), "GBR", "prime_minister", "Keir Starmer"),
        (dt.date(2017, 6, 1), "GBR", "foreign_minister", "Boris Johnson"),
        (dt.date(2020, 1, 1), "DEU", "chancellor", "Angela Merkel"),
        (dt.date(2023, 1, 1), "DEU", "chancellor", "Olaf Scholz"),
        (dt.date(2016, 1, 1), "FRA", "president", "François Hollande"),
        (dt.date(2020, 1, 1), "FRA", "president", "Emmanuel Macron"),
        (dt.date(2021, 6, 1), "ITA", "prime_minister", "Mario Draghi"),
        (dt.date(2018, 1, 1), "UKR", "president", "Petro Poroshenko"),
        (dt.date(2022, 3, 1), "UKR", "president", "Volodymyr Zelensky"),
        (dt.date(2018, 1, 1), "RUS", "prime_minister", "Dmitry Medvedev"),
        (dt.date(2022, 3, 1), "RUS", "prime_minister", "Mikhail Mishustin"),
        (dt.date(2015, 1, 1), "RUS", "foreign_minister", "Sergey Lavrov"),
        (dt.date(2022, 3, 1), "RUS", "president", "Vladimir Putin"),
        (dt.date(2020, 9, 1), "BLR", "president", "Alexander Lukashenko"),
        (dt.date(2019, 1, 1), "POL", "prime_minister", "Mateusz Morawiecki"),
        (dt.date(2024, 6, 1), "POL", "foreign_minister", "Radosław Sikorski"),
        (dt.date(2020, 1, 1), "VAT", "head_of_state", "Pope Francis"),
        (dt.date(2025, 6, 1), "VAT", "head_of_state", "Pope Leo XIV"),
        (dt.date(2016, 6, 1), "UN", "secretary_general", "Ban Ki-moon"),
        (dt.date(2020, 6, 1), "UN", "secretary_general", "António Guterres"),
        (dt.date(2020, 6, 1), "NATO", "secretary_general", "Jens Stoltenberg"),
        (dt.date(2025, 6, 1), "NATO", "secretary_general", "Mark Rutte"),
        (dt.date(2022, 6, 1), "EU", "high_representative", "Josep Borrell"),
        (dt.date(2025, 6, 1), "EU", "high_representative", "Kaja Kallas"),
        (dt.date(2017, 6, 1), "EU", "commission_president", "Jean-Claude Juncker"),
        (dt.date(2022, 6, 1), "EU", "commission_president", "Ursula von der Leyen"),
        (dt.date(2020, 6, 1), "WHO", "director_general", "Tedros Adhanom Ghebreyesus"),
    ],
)
def test_spot_checks(people: list[dict], day: dt.date, country: str, office: str, name: str) -> None:
    assert holders(people, day, country, office=office) == [name]


def test_turkish_head_of_government_moved_to_the_president_in_2018(people: list[dict]) -> None:
    gov = frozenset({"government", "both"})
    assert holders(people, dt.date(2017, 1, 1), "TUR", heads=gov) == ["Binali Yıldırım"]
    assert holders(people, dt.date(2020, 1, 1), "TUR", heads=gov) == ["Recep Tayyip Erdoğan"]


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Lukashenka", "Alexander Lukashenko"),
        ("Aliaksandr Lukashenka", "Alexander Lukashenko"),
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Zelenskiy", "Volodymyr Zelensky"),
        ("Tikhanovskaya", "Sviatlana Tsikhanouskaya"),
        ("Erdogan", "Recep Tayyip Erdoğan"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Ambrazevich", "Yury Ambrazevich"),
        ("Sikorski", "Radosław Sikorski"),
    ],
)
def test_common_variants_resolve(people: list[dict], alias: str, name: str) -> None:
    matches = [p["name"] for p in people if alias.casefold() in {a.casefold() for a in [p["name"], *p["aliases"]]}]
    assert matches == [name]


def test_seed_person_roles(people: list[dict]) -> None:
    """Yury Ambrazevich: deputy foreign minister, then ambassador to the Holy See (March 2025)."""
    (person,) = [p for p in people if p["name"] == "Yury Ambrazevich"]
    offices = {role["office"]: role for role in person["roles"]}
    assert offices["deputy_foreign_minister"]["country"] == "BLR"
    assert held_on(offices["ambassador"], dt.date(2025, 10, 6))
    assert not held_on(offices["deputy_foreign_minister"], dt.date(2025, 10, 6))
