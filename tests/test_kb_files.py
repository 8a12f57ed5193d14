"""Invariants of the actor knowledge-base data files (countries and organisations).

These files are hand-written; the tests guard what the linker relies on: one owner per
surface string, valid codes, closed member lists that point at known states, and a
dated header so readers know when the facts held.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "actors" / "data"
COUNTRIES_FILE = DATA / "countries.yaml"
ORGS_FILE = DATA / "organisations.yaml"

COUNTRY_STR_FIELDS = ("name", "official", "status", "capital")
COUNTRY_LIST_FIELDS = ("aliases", "adjectives", "demonyms", "metonyms", "cities")
# Fields whose strings the linker resolves to a state; each must belong to one state only.
COUNTRY_NAME_FIELDS = ("name", "official", "aliases", "adjectives", "demonyms", "capital", "metonyms", "cities")
AGENTS = {"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "OPP", "BUS", "CVL", "EDU", "REF", "REL", "JRN", "MED", "NGO", "IGO"}
DATE_RE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.fixture(scope="module")
def countries() -> list[dict]:
    return yaml.safe_load(COUNTRIES_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def orgs() -> list[dict]:
    return yaml.safe_load(ORGS_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def by_code(countries) -> dict[str, dict]:
    return {c["code"]: c for c in countries}


@pytest.fixture(scope="module")
def org_by_code(orgs) -> dict[str, dict]:
    return {o["code"]: o for o in orgs}


def country_strings(entry: dict) -> list[str]:
    out: list[str] = []
    for field in COUNTRY_NAME_FIELDS:
        value = entry[field]
        out.extend(value if isinstance(value, list) else [value])
    return out


def org_strings(entry: dict) -> list[str]:
    out = [entry["name"], *entry.get("aliases", [])]
    for organ in entry.get("organs") or []:
        out.extend([organ["name"], *organ.get("aliases", [])])
    return out


def owners(entries: list[dict], strings_of) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for s in strings_of(entry):
            index[s.casefold()].add(entry["code"])
    return index


def country_resolver(countries: list[dict]) -> dict[str, str]:
    return {s: code for s, codes in owners(countries, country_strings).items() for code in codes}


# --- headers ------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [COUNTRIES_FILE, ORGS_FILE], ids=lambda p: p.name)
def test_file_starts_with_dated_header(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and lines[0].startswith("#")
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    text = "\n".join(header)
    assert DATE_RE.search(text), f"{path.name}: header gives no YYYY-MM-DD date for its facts"
    assert "--actors" in text, f"{path.name}: header should say how users override entries"


# --- countries ----------------------------------------------------------------------------------

def test_country_count_and_statuses(countries) -> None:
    assert len(countries) == 198
    status = {c["code"]: c["status"] for c in countries}
    assert sum(1 for s in status.values() if s == "member") == 193
    assert {c for c, s in status.items() if s == "observer"} == {"VAT", "PSE"}
    assert {c for c, s in status.items() if s == "other"} == {"XKX", "TWN"}
    assert {c for c, s in status.items() if s == "territory"} == {"HKG"}


def test_country_codes_unique_and_alpha3(countries) -> None:
    codes = [c["code"] for c in countries]
    assert len(codes) == len(set(codes))
    bad = [c for c in codes if not re.fullmatch(r"[A-Z]{3}", c)]
    assert not bad, bad


def test_country_fields_complete_and_clean(countries) -> None:
    for c in countries:
        for field in COUNTRY_STR_FIELDS:
            assert isinstance(c.get(field), str) and c[field].strip() == c[field] != "", (c["code"], field)
        for field in COUNTRY_LIST_FIELDS:
            value = c.get(field)
            assert isinstance(value, list), (c["code"], field)
            for s in value:
                assert isinstance(s, str) and s.strip() == s != "", (c["code"], field, s)
            assert len({s.casefold() for s in value}) == len(value), (c["code"], field, "repeated entry")
        assert c["capital"] not in c["cities"], (c["code"], "capital listed among cities")


def test_no_string_claimed_by_two_countries(countries) -> None:
    """A state's names, adjectives and seats are its own; only a city's name may be shared with a place of
    another state ("Tripoli"), and a name a state declares in `shared_names` ("Congo"), both of which the
    pipeline reads from the sentence and the article."""
    clashes = {s: codes for s, codes in owners(countries, country_strings).items() if len(codes) > 1}
    cities = owners(countries, lambda entry: list(entry.get("cities") or []))
    clashes = {s: codes for s, codes in clashes.items() if not (s in cities and len(cities[s]) >= len(codes) - 1)}
    assert not clashes, clashes


def test_no_string_shared_by_country_and_organisation(countries, orgs) -> None:
    country_index = owners(countries, country_strings)
    org_index = owners(orgs, org_strings)
    shared = {s: (country_index[s], org_index[s]) for s in country_index.keys() & org_index.keys()}
    assert not shared, shared


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Minsk", "BLR"),
        ("the Kremlin", "RUS"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("DRC", "COD"),
        ("Congo-Kinshasa", "COD"),
        ("Congo", "COG"),
        ("Burma", "MMR"),
        ("Burmese", "MMR"),
        ("Ivory Coast", "CIV"),
        ("Ivorian", "CIV"),
        ("U.S.", "USA"),
        ("the White House", "USA"),
        ("Foggy Bottom", "USA"),
        ("Britain", "GBR"),
        ("Downing Street", "GBR"),
        ("Zhongnanhai", "CHN"),
        ("the Elysee", "FRA"),
        ("the Quai d'Orsay", "FRA"),
        ("Bankova", "UKR"),
        ("Kiev", "UKR"),
        ("Belarusian", "BLR"),
        ("Emirati", "ARE"),
        ("UAE", "ARE"),
        ("DPRK", "PRK"),
        ("Czechia", "CZE"),
        ("Swaziland", "SWZ"),
        ("Georgia", "GEO"),
        ("Holy See", "VAT"),
        ("Kosovar", "XKX"),
        ("Taiwanese", "TWN"),
    ],
)
def test_spot_check_country_strings(countries, text: str, code: str) -> None:
    assert country_resolver(countries).get(text.casefold()) == code


def test_spot_check_fields(by_code) -> None:
    assert by_code["BLR"]["capital"] == "Minsk"
    assert "the Kremlin" in by_code["RUS"]["metonyms"]
    assert "Downing Street" in by_code["GBR"]["metonyms"]
    assert "Burma" in by_code["MMR"]["aliases"]
    assert by_code["TUR"]["name"] == "Türkiye" and "Turkey" in by_code["TUR"]["aliases"]
    # Legislatures are not government metonyms.
    assert "Capitol Hill" not in by_code["USA"]["metonyms"]
    # Capitals named by the constitution differ from the largest city.
    assert by_code["NGA"]["capital"] == "Abuja" and "Lagos" in by_code["NGA"]["cities"]
    assert by_code["KAZ"]["capital"] == "Astana"


# --- organisations ------------------------------------------------------------------------------

def test_organisation_count_and_codes(orgs, by_code) -> None:
    assert len(orgs) >= 60
    codes = [o["code"] for o in orgs]
    assert len(codes) == len(set(codes)), "organisation codes repeat"
    bad = [c for c in codes if not re.fullmatch(r"[A-Z][A-Z0-9]{1,9}", c)]
    assert not bad, bad
    assert not set(codes) & set(by_code), "an organisation code equals a state's ISO code"


def test_organisation_fields(orgs) -> None:
    for o in orgs:
        assert isinstance(o["name"], str) and o["name"]
        assert isinstance(o.get("aliases"), list)
        assert o["agent"] in AGENTS, (o["code"], o["agent"])
        assert o.get("seat") is None or isinstance(o["seat"], str)
        for organ in o.get("organs") or []:
            assert organ["name"] and isinstance(organ.get("aliases"), list), (o["code"], organ)
            assert organ["agent"] in AGENTS, (o["code"], organ)
        for official in o.get("officials") or []:
            assert official["title"], (o["code"], official)
            assert re.fullmatch(r"[a-z]+(_[a-z]+)*", official["office"]), (o["code"], official)


def test_no_string_claimed_by_two_organisations(orgs) -> None:
    clashes = {s: codes for s, codes in owners(orgs, org_strings).items() if len(codes) > 1}
    assert not clashes, clashes


def test_members_are_known_states(orgs, by_code) -> None:
    for o in orgs:
        members = o.get("members")
        if members is None:
            continue
        assert members, (o["code"], "empty member list: omit the field instead")
        unknown = [m for m in members if m not in by_code]
        assert not unknown, (o["code"], unknown)
        assert len(members) == len(set(members)), (o["code"], "repeated member")


def test_spot_check_organisations(org_by_code) -> None:
    assert org_by_code["UNESCO"]["name"] == "United Nations Educational, Scientific and Cultural Organization"
    nato = org_by_code["NATO"]
    assert "NATO" in nato["aliases"] and {"USA", "FIN", "SWE", "TUR"} <= set(nato["members"])
    assert len(nato["members"]) == 32
    eu = org_by_code["EU"]
    assert len(eu["members"]) == 27 and "GBR" not in eu["members"]
    assert {"FIN", "SWE"} <= set(eu["members"])
    assert {"BHR", "KWT", "OMN", "QAT", "SAU", "ARE"} == set(org_by_code["GCC"]["members"])
    assert set(org_by_code["G7"]["members"]) == {"CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA"}
    un = org_by_code["UN"]
    assert "members" not in un, "the UN is open to all states; its member list is omitted"
    unsc = next(organ for organ in un["organs"] if "UNSC" in organ["aliases"])
    assert "Security Council" in unsc["name"]
    assert any(off["office"] == "secretary_general" for off in un["officials"])
    for code in ("OSCE", "AU", "ASEAN", "IMF", "WB", "WTO", "ICC", "IAEA", "WHO", "OPEC", "ARAB",
                 "CIS", "CSTO", "SCO", "G20", "ECOWAS", "IGAD"):
        assert code in org_by_code, code
