"""The actor knowledge base: states, organisations, groups, people with dated roles, and role nouns.

It is loaded from readable YAML/TSV files in `actors/data/` (and any user files given with
`--actors`), so that the knowledge can be kept current without editing code. Later files override
earlier entries with the same key: a user's file wins over the packaged one.
"""
from __future__ import annotations

import csv
import hashlib
import logging
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

import yaml

from eventwire.errors import KnowledgeBaseError
from eventwire.yamlfiles import WordsLoader

log = logging.getLogger(__name__)

DATA = resources.files("eventwire.actors") / "data"


# Letters that have no decomposition into a base letter and a diacritic.
UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss"})


def plain_letters(text: str) -> str:
    """The form without diacritics, case kept: most wires write "Milosevic" and "Francois"."""
    text = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED))
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for a name ("Türkiye" == "turkiye"); the linker folds
    the same few thousand phrases over and over, so answers are remembered."""
    text = plain_letters(text).replace("’", "'").lower()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[\s\-\.]+", " ", text).strip()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def parse_when(value, *, end: bool = False, where: str = "") -> date | None:
    """A role date: a YAML date, or "YYYY", "YYYY-MM", "YYYY-MM-DD". An end date with only a year or
    month means the end of that period; a start date, its beginning."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
    if not m:
        raise KnowledgeBaseError(f"bad date {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)", origin=where)
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if not 1 <= int(month or 1) <= 12 or not 1 <= int(day or 1) <= 31:
        raise KnowledgeBaseError(f"bad date {text!r}: no such month or day", origin=where)
    if day:
        try:
            return date(year, int(month), int(day))
        except ValueError as err:
            raise KnowledgeBaseError(f"bad date {text!r}: {err}", origin=where) from None
    if month:
        month = int(month)
        if not end:
            return date(year, month, 1)
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(year, 12, 31) if end else date(year, 1, 1)


AGENTS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "OPP", "BUS", "CVL", "EDU", "REF", "REL",
                    "JRN", "MED", "NGO", "IGO", "SPY", "UAF", "PRM", "LAB", "AGR", "CRM", "ELI", "ETH", "HRI",
                    "IMG", "INS", "MOD", "RAD", "SEP", "UNK", "ENV", "DEV", "SET", "CHR", "MUS", "JEW"})
HEADS = frozenset({"state", "government", "both"})


@dataclass(frozen=True)
class Role:
    """A dated role: a person's office, or a group's status (the Taliban: REB, then GOV from 2021-08-15).

    `country` is None for a role in a transnational group (the leader of the Islamic State): the
    holder then has no home state and takes the group's code."""

    country: str | None
    office: str
    agent: str
    start: date | None
    end: date | None
    head: str | None = None
    org: str | None = None
    code: str | None = None

    def holds_on(self, when: date | None) -> bool:
        if when is None:
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True)
class Entry:
    """One known actor: a state, an organisation (or organ of one), a group or a person."""

    kb_id: str
    kind: str                 # country | org | group | person | seat | city
    name: str
    country: str | None       # ISO3 or organisation code; None for transnational groups
    agent: str | None
    code: str | None = None
    roles: tuple[Role, ...] = ()
    names: tuple[str, ...] = ()       # every surface form that names it
    adjectives: tuple[str, ...] = ()  # "Belarusian"
    origin: str = ""                  # "file:line" of the entry, for `actors lookup` and errors
    user: bool = False                # from a user file: wins over packaged entries sharing a form

    def role_on(self, when: date | None, country: str | None = None) -> Role | None:
        """The role in force on a date; with no date, the latest one. Ties: a role in `country` (the
        state the phrase names: "Canada's King Charles"), then the head-of role, then the latest."""
        held = [r for r in self.roles if r.holds_on(when)]
        if not held and when is None and self.roles:
            held = [max(self.roles, key=lambda r: r.start or date.min)]
        if not held:
            return None
        return sorted(held, key=lambda r: (country is not None and r.country != country, r.head is None,
                                           -(r.start or date.min).toordinal()))[0]


@dataclass(frozen=True)
class RoleNoun:
    """A common noun or title and what it says of its holder: "diplomat" → GOV, "army" → MIL."""

    phrase: str
    agent: str
    office: str | None
    head: str | None


class _LineLoader(WordsLoader):
    """The safe loader, recording each mapping's line so that errors and lookups can point at it."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


# Dates stay text until parse_when reads them, so that a bad one is reported with its line, not raised.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

PERSON_FIELDS = {"name", "aliases", "roles", "note"}
ROLE_FIELDS = {"country", "office", "head", "agent", "start", "end", "org", "code", "note"}
GROUP_ROLE_FIELDS = {"agent", "code", "country", "start", "end", "note", "office"}


@dataclass
class KnowledgeBase:
    entries: dict[str, Entry] = field(default_factory=dict)
    by_name: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    by_adjective: dict[str, str] = field(default_factory=dict)
    role_nouns: dict[str, RoleNoun] = field(default_factory=dict)
    # folded title → {org: office}; a bare title several organisations use ("President") names none of them
    org_officials: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    holders: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    monarchs: dict[str, str] = field(default_factory=dict)  # a realm → the state whose monarch reigns there
    # a word news uses alone for a body ("Congress") → the body it means when the story's states have none
    # by that word, and → every body or party whose name holds the word (built by `index`)
    alone: dict[str, str] = field(default_factory=dict)
    called: dict[str, list[str]] = field(default_factory=dict)
    # a state → (the day it became independent, the state it was part of before): "Juba" in 2009 is Sudan
    successions: dict[str, tuple[date, str]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    # ---- loading -------------------------------------------------------------------------------
    @classmethod
    def load(cls, extra: Iterable[str | Path] = ()) -> "KnowledgeBase":
        kb = cls()
        for path in packaged_files():
            kb.add_file(path, packaged=True)
        kb.add_role_nouns(DATA / "roles.tsv")
        for path in extra:
            kb.add_file(Path(path))
        kb.index()
        return kb

    @staticmethod
    def read_items(path) -> list:
        origin = str(path)
        try:
            items = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader) or []
        except FileNotFoundError:
            raise KnowledgeBaseError("file not found", origin=origin) from None
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            where = f"{origin}:{mark.line + 1}" if mark else origin
            raise KnowledgeBaseError(f"not valid YAML: {getattr(err, 'problem', err)}", origin=where) from None
        if not isinstance(items, list):
            raise KnowledgeBaseError("expected a list of entries at the top level", origin=f"{origin}:1")
        return items

    def add_file(self, path, packaged: bool = False) -> None:
        """Read one YAML file of entries; its kind is told by its fields, so a user file may mix them.
        A user file's entries replace packaged ones with the same key (a state's code, an organisation's
        code, a group's or person's name) and win where they share a surface form."""
        origin = str(path)
        for index, item in enumerate(self.read_items(path)):
            line = item.get("__line__") if isinstance(item, dict) else None
            where = f"{origin}:{line}" if line else f"{origin}: entry {index + 1}"
            for entry in self.parse_entry(item, where):
                if not packaged:
                    entry = replace(entry, user=True)
                self.entries[entry.kb_id] = entry
        self.sources.append(origin)

    def check_file(self, path) -> list[KnowledgeBaseError]:
        """Every problem of a user file, each with its line, field and reason (`eventwire actors check`).
        Codes are checked against this base, so load the packaged base first."""
        problems: list[KnowledgeBaseError] = []
        try:
            items = self.read_items(Path(path))
        except KnowledgeBaseError as err:
            return [err]
        known_codes = {e.country for e in self.entries.values() if e.kind in ("country", "org") and e.country}
        seen: dict[str, str] = {}
        for index, item in enumerate(items):
            line = item.get("__line__") if isinstance(item, dict) else None
            where = f"{path}:{line}" if line else f"{path}: entry {index + 1}"
            try:
                parsed = self.parse_entry(item, where)
            except KnowledgeBaseError as err:
                problems.append(err)
                continue
            entry = parsed[0]
            if entry.kb_id in seen:
                problems.append(KnowledgeBaseError(
                    f"field 'name': {entry.name!r} is already defined at line {seen[entry.kb_id]}", origin=where))
            seen.setdefault(entry.kb_id, where.rsplit(":", 1)[-1])
            defined = {e.country for e in parsed if e.kind in ("country", "org")}
            problems += self.check_codes(item, entry, where, known_codes | defined)
        return problems

    @staticmethod
    def check_codes(item: dict, entry: Entry, where: str, known: set[str]) -> list[KnowledgeBaseError]:
        """Codes a loader accepts but the linker could not use: an unknown country or sector."""
        out = []
        if entry.kind in ("group", "person"):
            places = [(where, "country", entry.country, "agent", entry.agent)] if entry.kind == "group" else []
            for role, raw in zip(entry.roles, item.get("roles") or []):
                rwhere = f"{where.rsplit(':', 1)[0]}:{raw.get('__line__', '?')}" if isinstance(raw, dict) else where
                places.append((rwhere, "country", role.country, "agent", role.agent))
            for at, cfield, country, afield, agent in places:
                if country and country not in known:
                    out.append(KnowledgeBaseError(f"field '{cfield}': unknown country or organisation code "
                                                  f"{country!r}", origin=at))
                if agent and agent not in AGENTS:
                    out.append(KnowledgeBaseError(f"field '{afield}': unknown agent {agent!r} (one of "
                                                  f"{', '.join(sorted(AGENTS))})", origin=at))
        return out

    def parse_entry(self, item, where: str) -> list[Entry]:
        if not isinstance(item, dict):
            raise KnowledgeBaseError("an entry must be a mapping (name: ..., and its fields)", origin=where)
        item = {k: v for k, v in item.items() if k != "__line__"}
        label = item.get("name") or item.get("code") or "?"
        names = item.get("aliases") or []
        if not isinstance(names, list):
            raise KnowledgeBaseError(f"field 'aliases' of {label!r}: expected a list, e.g. [A, B]", origin=where)
        names = [str(n) for n in names]
        is_group = item.get("kind") == "group" or any(k in item for k in ("agent", "country", "code"))
        if "roles" in item and not is_group:
            return [self.parse_person(item, names, where)]
        name = item.get("name")
        if not name:
            raise KnowledgeBaseError("field 'name': missing", origin=where)
        name = str(name)
        if item.get("agent") == "IGO" or "organs" in item or "officials" in item or "seat" in item:
            return self.parse_org(item, name, names, where)
        if item.get("kind") == "people":  # "the Yoruba", "Igbo elders": a group with adjectives
            return [self.parse_group(item, name, names, where)]
        if "adjectives" in item or "capital" in item:
            return self.parse_country(item, name, names, where)
        return [self.parse_group(item, name, names, where)]

    def parse_country(self, item, name, names, where) -> list[Entry]:
        code = str(item.get("code") or "").upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise KnowledgeBaseError(f"field 'code' of {name!r}: must be an ISO 3166-1 alpha-3 code, got {code!r}",
                                     origin=where)
        forms = [name, *names] + ([str(item["official"])] if item.get("official") else [])
        forms += [str(n) for n in item.get("shared_names") or []]  # "Congo": another state's too, read in context
        adjectives = [str(a) for a in item.get("adjectives") or []]
        demonyms = [str(d) for d in item.get("demonyms") or []]
        entries = [Entry(f"country:{code}", "country", name, code, "GOV", code, names=tuple(forms),
                         adjectives=tuple(adjectives + demonyms), origin=where)]
        if item.get("monarch"):  # a Commonwealth realm: its head of state is the monarch of another state
            self.monarchs[code] = str(item["monarch"]).upper()
        if item.get("independent") or item.get("seceded_from"):
            parent = str(item.get("seceded_from") or "").upper()
            if not re.fullmatch(r"[A-Z]{3}", parent) or not item.get("independent"):
                raise KnowledgeBaseError(f"{name!r}: 'independent' (a date) and 'seceded_from' (an ISO3 code) go "
                                         f"together, got {item.get('independent')!r} and {parent!r}", origin=where)
            self.successions[code] = (parse_when(item["independent"], where=where), parent)
        seats = ([str(item["capital"])] if item.get("capital") else []) + \
            [str(m) for m in item.get("metonyms") or []]
        for seat in seats:  # the capital and seat metonyms stand for the government
            entries.append(Entry(f"seat:{code}:{slug(seat)}", "seat", seat, code, "GOV", code + "GOV",
                                 names=(seat,), origin=where))
        spellings: dict[str, list[str]] = {}  # "Michoacan" and "Michoacán": one place, both names
        for city in item.get("cities") or []:
            spellings.setdefault(slug(str(city)), []).append(str(city))
        for key, names_of_city in spellings.items():
            entries.append(Entry(f"city:{code}:{key}", "city", names_of_city[-1], code, None, code,
                                 names=tuple(names_of_city), origin=where))
        return entries

    def parse_org(self, item, name, names, where) -> list[Entry]:
        code = str(item.get("code") or "").upper()
        if not code:
            raise KnowledgeBaseError(f"field 'code' of {name!r}: missing (an organisation needs a short code)",
                                     origin=where)
        adjectives = tuple(str(a) for a in item.get("adjectives") or [])
        metonyms = [str(m) for m in item.get("metonyms") or []]  # "Brussels" for the EU: wins over the capital
        entries = [Entry(f"org:{code}", "org", name, code, str(item.get("agent") or "IGO"), code,
                         names=tuple([name, *names, *metonyms]), adjectives=adjectives, origin=where)]
        for organ in item.get("organs") or []:
            if not isinstance(organ, dict) or not organ.get("name"):
                raise KnowledgeBaseError(f"field 'organs' of {name!r}: each organ needs a 'name'",
                                         origin=self.line_of(organ, where))
            organ_name = str(organ.get("name"))
            forms = [organ_name, *[str(a) for a in organ.get("aliases") or []]]
            entries.append(Entry(f"org:{code}:{slug(organ_name)}", "org", organ_name, code,
                                 str(organ.get("agent") or "IGO"), code, names=tuple(forms),
                                 origin=self.line_of(organ, where)))
        for official in item.get("officials") or []:
            title = fold(str(official.get("title", "")))
            if title:
                self.org_officials[title][code] = str(official.get("office") or title.replace(" ", "_"))
        return entries

    def parse_group(self, item, name, names, where) -> Entry:
        country = item.get("country")
        country = str(country).upper() if country else None
        agent = str(item.get("agent") or "") or None
        code = item.get("code") or ((country or "") + (agent or "")) or None
        roles = []
        for r_index, raw in enumerate(item.get("roles") or []):
            rwhere = self.line_of(raw, f"{where}, role {r_index + 1}")
            if not isinstance(raw, dict):
                raise KnowledgeBaseError(f"field 'roles' of {name!r}: a role must be a mapping", origin=rwhere)
            if not raw.get("agent"):
                raise KnowledgeBaseError(f"field 'agent' of {name!r}'s role: missing", origin=rwhere)
            unknown = set(raw) - GROUP_ROLE_FIELDS - {"__line__"}
            if unknown:
                raise KnowledgeBaseError(f"field {sorted(unknown)[0]!r} of {name!r}'s role: not a role field "
                                         f"(use {', '.join(sorted(GROUP_ROLE_FIELDS))})", origin=rwhere)
            start, end = self.role_dates(raw, name, rwhere)
            r_country = str(raw["country"]).upper() if raw.get("country") else country
            r_agent = str(raw["agent"])
            r_code = raw.get("code") or ((r_country or "") + r_agent)
            roles.append(Role(r_country, str(raw.get("office") or "status"), r_agent, start, end, code=r_code))
        adjectives = tuple(str(a) for a in item.get("adjectives") or [])
        alone = item.get("alone") or []
        if not isinstance(alone, list):
            raise KnowledgeBaseError(f"field 'alone' of {name!r}: expected a list of words, e.g. [Congress]",
                                     origin=where)
        for word in alone:  # "Congress" alone: this body, unless the story's own state has one so called
            self.alone[fold(str(word))] = f"group:{slug(name)}"
        return Entry(f"group:{slug(name)}", "group", name, country, agent, code, tuple(roles),
                     names=tuple([name, *names]), adjectives=adjectives, origin=where)

    @staticmethod
    def line_of(raw, where: str) -> str:
        """The location of a nested mapping: its own line in the same file where known."""
        if isinstance(raw, dict) and raw.get("__line__"):
            return f"{where.split(':')[0]}:{raw['__line__']}"
        return where

    @staticmethod
    def role_dates(raw: dict, name: str, where: str) -> tuple[date | None, date | None]:
        try:
            start = parse_when(raw.get("start"), where=where)
        except KnowledgeBaseError as err:
            raise KnowledgeBaseError(f"field 'start' of {name!r}'s role: {err.args[0].split(': ', 1)[-1]}",
                                     origin=where) from None
        try:
            end = parse_when(raw.get("end"), end=True, where=where)
        except KnowledgeBaseError as err:
            raise KnowledgeBaseError(f"field 'end' of {name!r}'s role: {err.args[0].split(': ', 1)[-1]}",
                                     origin=where) from None
        if start and end and end < start:
            raise KnowledgeBaseError(f"field 'end' of {name!r}'s role: {end} is before the start {start}",
                                     origin=where)
        return start, end

    def parse_person(self, item, names, where) -> Entry:
        name = item.get("name")
        if not name:
            raise KnowledgeBaseError("field 'name': missing", origin=where)
        name = str(name)
        unknown = set(item) - PERSON_FIELDS
        if unknown:
            raise KnowledgeBaseError(f"field {sorted(unknown)[0]!r} of {name!r}: not a field of a person "
                                     f"(use {', '.join(sorted(PERSON_FIELDS))})", origin=where)
        if not isinstance(item.get("roles"), list):
            raise KnowledgeBaseError(f"field 'roles' of {name!r}: expected a list of roles", origin=where)
        roles = []
        for r_index, role in enumerate(item.get("roles") or []):
            rwhere = self.line_of(role, f"{where}, role {r_index + 1}")
            if not isinstance(role, dict):
                raise KnowledgeBaseError(f"field 'roles' of {name!r}: a role must be a mapping", origin=rwhere)
            unknown = set(role) - ROLE_FIELDS - {"__line__"}
            if unknown:
                raise KnowledgeBaseError(f"field {sorted(unknown)[0]!r} of {name!r}'s role: not a role field "
                                         f"(use {', '.join(sorted(ROLE_FIELDS))})", origin=rwhere)
            if not role.get("office"):
                raise KnowledgeBaseError(f"field 'office' of {name!r}'s role: missing", origin=rwhere)
            # A null country is allowed only for a role in a transnational group, named by `org`.
            if not role.get("country") and not ("country" in role and role.get("org")):
                raise KnowledgeBaseError(f"field 'country' of {name!r}'s role: missing (null only with an "
                                         f"'org' that has no home state)", origin=rwhere)
            if role.get("head") is not None and role["head"] not in HEADS:
                raise KnowledgeBaseError(f"field 'head' of {name!r}'s role: {role['head']!r} is not one of "
                                         f"{', '.join(sorted(HEADS))}", origin=rwhere)
            start, end = self.role_dates(role, name, rwhere)
            country = str(role["country"]).upper() if role.get("country") else None
            roles.append(Role(country, str(role["office"]), str(role.get("agent") or "GOV"), start, end,
                              role.get("head"), role.get("org"), role.get("code")))
        latest = max(roles, key=lambda r: r.start or date.min) if roles else None
        return Entry(f"person:{slug(name)}", "person", name, latest.country if latest else None,
                     latest.agent if latest else None, None, tuple(roles), names=tuple([name, *names]),
                     origin=where)

    def add_role_nouns(self, path) -> None:
        with path.open(encoding="utf-8") as handle:
            rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
            for row in rows:
                if not row or row[0] == "phrase":
                    continue
                phrase, agent = row[0].strip(), row[1].strip()
                office = row[2].strip() if len(row) > 2 and row[2].strip() else None
                head = row[3].strip() if len(row) > 3 and row[3].strip() else None
                self.role_nouns[fold(phrase)] = RoleNoun(phrase, agent, office, head)

    def index(self) -> None:
        """Name, adjective and office indexes; a user's entries come first wherever they share a key."""
        self.by_name = defaultdict(list)
        self.by_adjective = {}
        self.holders = defaultdict(list)
        ordered = sorted(self.entries.values(), key=lambda e: not e.user)
        for entry in ordered:
            for form in entry.names:
                key = fold(form)
                if key and entry.kb_id not in self.by_name[key]:
                    self.by_name[key].append(entry.kb_id)
            for adjective in entry.adjectives:
                self.by_adjective.setdefault(fold(adjective), entry.kb_id)
            for role in entry.roles:
                if entry.kind == "person":
                    self.holders[(role.country, role.office)].append(entry.kb_id)
        self.called = {word: [e.kb_id for e in ordered if e.kind == "group" and e.agent in ("LEG", "PTY")
                              and word in fold(e.name).split()] for word in self.alone}
        for title, offices in self.org_officials.items():  # "EU foreign policy chief": a title of one office
            if title not in self.role_nouns and len(set(offices.values())) == 1:
                self.role_nouns[title] = RoleNoun(title, "IGO", next(iter(offices.values())), None)

    # ---- queries -------------------------------------------------------------------------------
    KIND_RANK = {"person": 0, "org": 1, "group": 2, "country": 3, "seat": 4, "city": 5}

    def state_on(self, code: str | None, when: date | None) -> str | None:
        """The state a place of `code` belonged to on a day: South Sudan's before 2011-07-09 was Sudan's."""
        for _ in range(4):  # a chain: Montenegro, then Serbia and Montenegro, ...
            since, parent = self.successions.get(code, (None, None))
            if since is None or when is None or when >= since:
                return code
            code = parent
        return code

    def lookup(self, name: str) -> list[Entry]:
        """Entries a surface form may name: a user's first, then the most specific kind."""
        ids = self.by_name.get(fold(name), [])
        found = [self.entries[i] for i in ids]
        adjective = self.by_adjective.get(fold(name))
        if adjective and adjective not in ids:
            found.append(self.entries[adjective])
        return sorted(found, key=lambda e: (not e.user, self.KIND_RANK.get(e.kind, 9)))

    def namesake_on(self, name: str, entry: Entry, when: date | None) -> Entry:
        """Of several people one name may mean ("President Bush", "Clinton"), the one in office on the
        date, else the one whose last office began most recently before it."""
        people = [e for e in self.lookup(name) if e.kind == "person" and e.roles]
        if len(people) < 2:
            return entry
        serving = [e for e in people if e.role_on(when) is not None] if when is not None else []
        if serving:
            return serving[0]

        def latest_start(person: Entry) -> date:
            return max((r.start for r in person.roles if r.start and (when is None or r.start <= when)),
                       default=date.min)
        return max(people, key=latest_start)

    def holder(self, country: str, office: str, when: date | None) -> Entry | None:
        """Who held an office in a country on a date ("the US president" in 2019 is Trump); a realm's
        monarch is the monarch of the state it shares its crown with."""
        found = self._holder(country, office, when)
        if found is None and office == "monarch" and country in self.monarchs:
            found = self._holder(self.monarchs[country], office, when)
        return found

    def _holder(self, country: str, office: str, when: date | None) -> Entry | None:
        ids = sorted(self.holders.get((country, office), []), key=lambda i: not self.entries[i].user)
        for kb_id in ids:
            entry = self.entries[kb_id]
            if any(r.country == country and r.office == office and r.holds_on(when) for r in entry.roles):
                return entry
        return None

    def head_of(self, country: str, head: str, when: date | None) -> Entry | None:
        """Who was head of state or of government ("the Belarusian leader")."""
        for (c, _), ids in self.holders.items():
            if c != country:
                continue
            for kb_id in ids:
                entry = self.entries[kb_id]
                for role in entry.roles:
                    if role.country == country and role.holds_on(when) and role.head in (head, "both"):
                        return entry
        if head == "state" and country in self.monarchs:
            return self.head_of(self.monarchs[country], head, when)
        return None

    def surface_forms(self) -> Iterable[tuple[str, Entry, str]]:
        """(form, entry, label) for the entity ruler: every name and adjective the base knows, each
        given to one owner: a user's entry first, then the most specific (a person over an
        organisation over a state over a city)."""
        labels = {"person": "PERSON", "org": "ORG", "group": "ORG", "country": "GPE", "seat": "GPE",
                  "city": "GPE"}
        best: dict[str, tuple[tuple[bool, int], Entry, str]] = {}
        for entry in self.entries.values():
            rank = (not entry.user, self.KIND_RANK.get(entry.kind, 9))
            people = entry.kind == "group" and bool(entry.adjectives)  # "the Uyghurs" names a people, not a body
            forms = [(f, "NORP" if people else labels.get(entry.kind, "ORG")) for f in entry.names]
            forms += [(a, "NORP") for a in entry.adjectives]
            for form, label in forms:
                if form not in best or rank < best[form][0]:
                    best[form] = (rank, entry, label)
        for form, (_, entry, label) in best.items():
            yield form, entry, label

    def stats(self) -> dict[str, int]:
        kinds = defaultdict(int)
        for entry in self.entries.values():
            kinds[entry.kind] += 1
        return {
            "states": kinds["country"],
            "organisations": sum(1 for e in self.entries.values() if e.kind == "org" and e.kb_id.count(":") == 1),
            "organs": sum(1 for e in self.entries.values() if e.kind == "org" and e.kb_id.count(":") == 2),
            "groups": sum(1 for e in self.entries.values() if e.kind == "group" and not e.adjectives),
            "peoples": sum(1 for e in self.entries.values() if e.kind == "group" and e.adjectives),
            "people": kinds["person"],
            "roles": sum(len(e.roles) for e in self.entries.values() if e.kind == "person"),
            "offices": len(self.holders),
            "cities": kinds["city"],
            "seats": kinds["seat"],
            "names": len(self.by_name),
            "role nouns": len(self.role_nouns),
        }


def packaged_files() -> list:
    """The packaged data files, in load order: states, organisations, groups (current, then of the past),
    peoples, state bodies, then people."""
    files = [DATA / "countries.yaml", DATA / "organisations.yaml", DATA / "groups.yaml", DATA / "groups_history.yaml",
             DATA / "peoples.yaml", DATA / "state_bodies.yaml"]
    people_dir = DATA / "people"
    if people_dir.is_dir():
        files += sorted((p for p in people_dir.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)
    return [f for f in files if f.is_file()]


@lru_cache(maxsize=4)
def load_kb(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """One knowledge base per process and set of user files (built once per change of its files)."""
    from eventwire.cache import built
    from eventwire import yamlfiles  # how the files are read is part of what they give
    sources = [Path(__file__), Path(yamlfiles.__file__), *packaged_files(), DATA / "roles.tsv",
               *(Path(p) for p in extra),
               str(DATA), *(str(Path(p).resolve()) for p in extra)]  # entries cite their file and line
    name = "kb" if not extra else "kb-" + hashlib.sha256("\0".join(map(str, extra)).encode()).hexdigest()[:8]
    return built(name, sources, lambda: KnowledgeBase.load(extra))
