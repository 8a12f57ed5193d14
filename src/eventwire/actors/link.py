"""Actor linking: from the head word of an argument phrase to a resolved Actor.

Most errors of event coders are actor errors, so the linker reads the whole noun phrase, not only
the name: a person's role on the article's date, the country in a possessive, adjective, compound
or "of"/"from" phrase, the sector from the role noun ("diplomat" → GOV, "army" → MIL), titles with
no name ("the foreign minister of Poland" → whoever held that office then), and, within one article,
pronouns and short references ("he", "the agency", "the diplomat") to the last compatible actor.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from eventwire.actors.kb import Entry, KnowledgeBase, fold
from eventwire.nlp import entities
from eventwire.records import Actor

log = logging.getLogger(__name__)

# Dependency labels whose subtrees belong to the noun phrase that names the actor.
PHRASE_DEPS = {"compound", "amod", "poss", "det", "nmod", "nummod", "quantmod", "case", "flat", "appos",
               "npadvmod", "predet", "prep_of"}
OF_PREPS = {"of", "from"}
PERSONAL = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
NEUTER = {"it", "its", "itself"}
# Sectors whose unnamed members are taken to belong to the country the article is about.
DOMESTIC_AGENTS = {"COP", "OPP", "CVL", "JUD", "LEG", "LAB", "AGR", "EDU", "MED", "REL", "CRM", "REF", "REB", "JRN",
                   "UAF", "PTY"}
GOVERNMENT_KINDS = {"country", "seat"}
# Titles that name one person without naming an office of a state ("the director", "a spokesman").
PERSON_TITLES = {"director", "spokesman", "spokeswoman", "spokesperson", "official", "envoy", "chief", "commander",
                 "leader", "secretary", "ambassador", "representative", "chairman", "chairwoman", "governor", "mayor",
                 "prosecutor", "judge", "coordinator", "commissioner", "negotiator", "adviser", "advisor", "aide"}
# Ways and open places a crowd takes or blocks: a place phrase on them says where the crowd is.
THOROUGHFARES = {"street", "road", "highway", "avenue", "square", "bridge", "motorway", "boulevard", "junction",
                 "intersection", "roundabout", "railway", "airport", "port"}
PLACE_PREPS = {"in", "at", "near", "outside", "across", "around", "inside", "throughout"}
# Heads that name a number or a body of people: the actor is in their "of"/"from" phrase.
GROUP_HEADS = {"tens", "hundreds", "thousands", "millions", "dozens", "scores", "group", "groups", "convoy", "team",
               "teams", "members", "member", "crowd", "crowds", "delegation", "contingent", "number", "some", "many",
               "most", "all", "leaders", "leadership", "representatives", "envoys", "batch", "unit", "units"}
# Words that make "American" a continent's: "South American", "Latin American".
CONTINENT_PARTS = {"south", "latin", "central", "north", "pan"}
# Nouns for a part of a place: "the east of the Gaza Strip" is still in the Gaza Strip.
REGION_WORDS = {"east", "west", "north", "south", "centre", "center", "northeast", "northwest", "southeast",
                "southwest", "part", "parts", "region", "area", "areas", "outskirts", "border", "interior", "heart",
                "rest", "capital", "province", "city", "town", "village", "district"}
# Heads that name a body by what its members are: "opposition groups", "rebel factions" are the members' sector.
COLLECTIVE_HEADS = {"group", "faction", "movement", "coalition", "organisation", "organization", "alliance", "camp",
                    "bloc", "wing"}
# Ranks and members a sector word can qualify: a "rebel commander" is a rebel, not the army's.
MEMBER_HEADS = {"commander", "leader", "chief", "spokesman", "spokeswoman", "spokesperson", "fighter", "member",
                "official", "figure"}
NON_STATE_AGENTS = {"REB", "PRM", "OPP", "UAF"}
# Nouns that, with "the", stand for the organisation or group named last ("the group said ...").
NAMED_BEFORE = {"group", "movement", "bloc", "alliance", "organisation", "organization", "agency", "body",
                "party", "militia", "coalition", "union", "federation", "fund", "bank"}
# "Rwanda-backed rebels", "Iran-aligned militias": the backer, not the nationality.
BACKING = {"backed", "supported", "allied", "aligned", "funded", "sponsored", "trained", "armed", "financed",
           "friendly"}
# Nouns for a party that sides with another: "Israel's militia ally" is not Israel's own.
ALLY_WORDS = {"ally", "allies", "proxy", "proxies"}
# Participles that say where a group is: "guerrillas operating in Macedonia".
DWELLING = {"operate", "live", "base", "fight", "reside", "settle", "active"}
# "The government", "the authorities": in news, the government of the state the story is about.
HOME_GOVERNMENT = {"government", "authority", "authorities", "regime", "administration", "cabinet", "parliament",
                   "police", "army", "military", "opposition", "court", "judiciary", "junta"}
# Two or more capitalised words (with "of", "for", "and" between): a name an acronym may abbreviate,
# without the sentence's first words ("The Royal Fiji Police Force": RFPF).
CAPITALISED_NAME = re.compile(r"(?<![\w.])(?:[A-Z][a-z]+(?:\s+(?:of|for|and)\s+|\s+))+[A-Z][a-z]+\b")
LEADING_WORDS = {"The", "A", "An", "This", "That", "These", "In", "On", "At", "For", "And", "But", "As", "After"}
# Sectors of groups outside the state, whose own officials act for them ("the rebels' negotiator").
GROUP_AGENTS = {"REB", "OPP", "PTY", "UAF", "CRM", "INS"}
# Sectors of titles that name an office of a state ("President X", "General Y").
TITLED_AGENTS = {"GOV", "MIL", "LEG", "JUD", "COP"}


def singular(word: str) -> str:
    """A plain English singular, for role nouns the tagger leaves unlemmatised ("Rebels" as PROPN)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@dataclass
class Mention:
    actor: Actor
    kind: str  # person | org | group | country | role
    plural: bool = False
    subject: bool = False  # named as a clause's subject: what a later subject pronoun most likely means
    individual: bool = False  # one person named by a title ("the WFP country director"): a later "he" or "she"


@dataclass
class ArticleContext:
    """What the linker remembers across the sentences of one article."""

    published: date | None
    focus_country: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    people: dict[str, Actor] = field(default_factory=dict)  # surname/name → actor, for short references
    events: list = field(default_factory=list)  # (type, source) of the events coded so far, in order

    def remember(self, mention: Mention) -> None:
        self.mentions.append(mention)
        if mention.kind == "person":
            for part in mention.actor.name.split() + mention.actor.text.split():
                if part[:1].isupper() and len(part) > 2:
                    self.people[part] = mention.actor

    def last(self, predicate, within: int | None = None) -> Mention | None:
        """The latest mention that fits, among the last `within` mentions (all if None)."""
        recent = self.mentions if within is None else self.mentions[-within:]
        for mention in reversed(recent):
            if predicate(mention):
                return mention
        return None


def is_subject(head: Token) -> bool:
    """Does the phrase stand as a clause's subject, itself or as the members of one ("hundreds of
    demonstrators gathered")?"""
    while head.dep_ == "pobj" and head.head.lower_ in OF_PREPS and head.head.head.i != head.head.i:
        head = head.head.head
    if head.dep_ == "ROOT" and head.pos_ == "PROPN" and any(t.pos_ == "VERB" for t in head.children):
        return True  # "Ecowas, as the bloc is known, imposed ...": a subject the parser made the root
    return head.dep_ in ("nsubj", "nsubjpass")


def focus_country(doc: Doc, kb: KnowledgeBase, when: date | None = None, filed_in: str | None = None) -> str | None:
    """The state an article is mostly about: the one its entities name most often, its people and groups
    included (people by the role each holds on the article's date); the state its dateline names
    ("GAZA, March 25 -") counts as one mention and wins a tie; a backer or side taken does not count."""
    counts = Counter()
    if filed_in:
        counts[filed_in] += 1
    for ent in entities(doc):
        entry = kb.entries.get(ent.ent_id_) if ent.ent_id_ else None
        if ActorLinker.stance(ent):
            continue  # "Turkey-backed militants", "pro-Russian separatists": a backer or a side, not the subject
        if entry and entry.kind in ("country", "seat", "city") and entry.country:
            counts[entry.country] += 1
        elif entry and entry.kind == "person":
            role = entry.role_on(when)
            if role is not None and role.country and kb.entries.get(f"country:{role.country}"):
                counts[role.country] += 0.5  # a person counts half: who speaks is often not the subject
        elif entry and entry.kind == "group" and entry.country and kb.entries.get(f"country:{entry.country}") \
                and entry.agent != "JRN":  # (not the news agency told: "a police official told AFP")
            counts[entry.country] += 0.5  # so does a group of the state ("the M23", "Hamas")
    if not counts:
        return None
    top = max(counts.values())
    leaders = [country for country, n in counts.items() if n == top]
    if len(leaders) == 1:
        return leaders[0]
    return filed_in if filed_in in leaders else None  # a tie names no single subject, unless filed from one


class ActorLinker:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    # ---- the phrase ----------------------------------------------------------------------------
    def phrase(self, head: Token) -> list[Token]:
        """The tokens of the noun phrase headed by `head`, without clauses and most prepositions."""
        out, stack = [], [head]
        while stack:
            token = stack.pop()
            out.append(token)
            for child in token.children:
                if child.dep_ in PHRASE_DEPS:
                    stack.append(child)
                elif child.dep_ == "prep" and child.lower_ in OF_PREPS:
                    stack.extend(c for c in child.children if c.dep_ == "pobj")
        if head.dep_ == "dobj":  # "invited diplomats from X": the parser hangs "from X" on the verb
            right = max(t.i for t in out)
            for prep in head.head.children:
                if prep.dep_ == "prep" and prep.lower_ in OF_PREPS and prep.i == right + 1:
                    out += [t for c in prep.children if c.dep_ == "pobj" for t in self.phrase(c)]
        return sorted(out, key=lambda t: t.i)

    @staticmethod
    def entity_index(doc: Doc) -> dict[int, Span]:
        """Token index → its entity, built once per document (the linker asks for it very often)."""
        index = doc.user_data.get("eventwire_entities")
        if index is None:
            index = {i: ent for ent in entities(doc) for i in range(ent.start, ent.end)}
            doc.user_data["eventwire_entities"] = index
        return index

    @staticmethod
    def spelled_out(doc: Doc) -> dict[str, tuple[int, int]]:
        """Acronym → the characters of the last word of the capitalised name it abbreviates, where the
        article first spells it out ("70 Australian Federal Police ... AFP officers"); once per document."""
        found = doc.user_data.get("eventwire_acronyms")
        if found is None:
            found = {}
            for match in CAPITALISED_NAME.finditer(doc.text):
                words = [w for w in match.group(0).split() if w[0].isupper()]
                while words and words[0] in LEADING_WORDS:  # "The Royal Fiji Police Force": RFPF
                    words = words[1:]
                if len(words) >= 2:
                    found.setdefault("".join(w[0] for w in words), (match.end() - len(words[-1]), match.end()))
            doc.user_data["eventwire_acronyms"] = found
        return found

    def entities_in(self, tokens: list[Token]) -> list[Span]:
        if not tokens:
            return []
        index = self.entity_index(tokens[0].doc)
        seen, out = set(), []
        for token in tokens:
            ent = index.get(token.i)
            if ent is not None and ent.start not in seen:
                seen.add(ent.start)
                out.append(ent)
        return out

    @staticmethod
    def stance(ent: Span) -> bool:
        """'Pro-Russian separatists', 'an anti-Syria journalist', 'Rwanda-backed rebels': a side taken or a
        backer, not a nationality (nor is 'South American' one; 'US-led forces' are the US's)."""
        doc, i = ent.doc, ent.start
        before = doc[i - 1].lower_ if i >= 1 else ""
        if before in CONTINENT_PARTS and ent.text.lower() in ("american", "americans"):
            return True  # "the South American", "Latin American leaders": a continent, not the United States
        if ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ in BACKING:
            return True
        if before == "-" and i >= 2:
            before = doc[i - 2].lower_
        return before in ("pro", "anti", "pro-", "anti-")

    def role_noun(self, head: Token):
        """The role noun at the phrase head, longest compound first ("national security adviser"); none for
        its negation ("non-Muslims")."""
        if head.i >= 2 and head.doc[head.i - 1].text == "-" and head.doc[head.i - 2].lower_ in ("non", "anti"):
            return None
        words = sorted((c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i
                        and c.ent_iob_ == "O"), key=lambda t: t.i)
        for left in [w for c in words for w in [*sorted(c.lefts, key=lambda t: t.i), c]
                     if w.dep_ in ("compound", "amod") and w.ent_iob_ == "O"]:
            modifiers = " ".join(t.lower_ for t in head.doc[left.i:head.i])
            for noun in (head.lemma_.lower(), head.lower_):
                found = self.kb.role_nouns.get(fold(f"{modifiers} {noun}"))
                if found:
                    return found
        if head.lemma_.lower() in MEMBER_HEADS or singular(head.lower_) in MEMBER_HEADS:
            found = self.sector_word(words, NON_STATE_AGENTS)  # "a rebel commander", "a militia leader"
            if found:
                return found
        for form in (head.lower_, head.lemma_.lower(), singular(head.lower_)):
            found = self.kb.role_nouns.get(fold(form))
            if found:
                return found
        if head.lemma_.lower() in COLLECTIVE_HEADS or singular(head.lower_) in COLLECTIVE_HEADS:
            return self.sector_word(words, None)  # "opposition groups", "rebel factions"
        return None

    def sector_word(self, words: list[Token], agents: set[str] | None):
        """The role a modifier names, nearest the head first, when its sector is one of `agents` (any but
        the government's when None)."""
        for word in sorted(words, key=lambda t: -t.i):
            before = word.doc[word.i - 2:word.i] if word.i >= 2 else None
            if before is not None and before[1].text == "-" and before[0].lower_ in ("anti", "counter"):
                continue  # "an anti-terrorist commander" fights terrorists
            found = self.kb.role_nouns.get(fold(word.lower_)) or self.kb.role_nouns.get(fold(word.lemma_.lower()))
            if found and (found.agent in agents if agents is not None else found.agent != "GOV"):
                return found
        return None

    def title_of(self, head: Token):
        """The title written before a name ("defence minister Pedro Quintana"): a compound left of it."""
        for child in sorted(head.children, key=lambda t: -t.i):
            if child.dep_ == "compound" and child.i < head.i and child.ent_iob_ == "O":
                found = self.role_noun(child)
                if found is not None:
                    return found
        return None

    # ---- linking -------------------------------------------------------------------------------
    def link(self, head: Token, ctx: ArticleContext, avoid: Actor | None = None, subject: bool = False) -> Actor | None:
        """The actor a phrase names; `avoid` is the event's other party, which a pronoun is not;
        `subject` says the phrase is its sentence's subject where the parse does not."""
        actor, kind, plural = self._link(head, ctx, avoid)
        if actor is not None and kind != "pronoun":
            role = self.role_noun(head) if kind != "person" and not plural and head.tag_ == "NN" else None
            individual = role is not None and (role.office is not None or head.lemma_.lower() in PERSON_TITLES)
            ctx.remember(Mention(actor, kind, plural, subject or is_subject(head), individual))
        return actor

    def _link(self, head: Token, ctx: ArticleContext, avoid: Actor | None) -> tuple[Actor | None, str, bool]:
        if head.dep_ in ("det", "case") and head.head.i != head.i and head.pos_ != "PRON":
            head = self.determined(head)
        lower = head.lower_
        if head.pos_ == "PRON" or lower in PERSONAL | PLURAL | NEUTER:
            return self.pronoun(head, ctx, avoid), "pronoun", False
        role = self.role_noun(head)
        if role is not None and role.agent == "GOV":  # "leaders of the opposition coalition": the opposition's
            led = [self.role_noun(p) for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
            role = next((r for r in led if r is not None and r.agent in GROUP_AGENTS), role)
        if role is not None and head.ent_iob_ != "O" and head.ent_type_ in ("GPE", "ORG", "LOC", "FAC") \
                and head.ent_id_:
            role = None  # "Bank" in "West Bank" is a name, not a role
        if role is None and (head.ent_iob_ == "O" or head.ent_type_ == "CARDINAL") and head.lower_ in GROUP_HEADS:
            members = [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                       for p in c.children if p.dep_ == "pobj"]
            members += [p for m in members for c in m.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                        for p in c.children if p.dep_ == "pobj"]  # "a convoy of 40 trucks from the WFP"
            for member in members:  # "tens of thousands of people"
                found = self._link(member, ctx, avoid)
                if found[0] is not None:
                    return found
            if members:
                return None, "none", False
        if role is None and head.ent_iob_ == "O" and head.lower_ in NAMED_BEFORE and any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children):
            earlier = ctx.last(lambda m: not m.plural and (m.kind in ("group", "org") or (
                m.actor.kb_id or "").startswith(("group:", "org:"))))
            if earlier is not None:  # "the group", "the bloc": the organisation or group named last
                return replace(earlier.actor, text=self.surface(head, self.phrase(head))), "pronoun", False
        if role is None and head.ent_iob_ == "O":
            return None, "none", False  # "Belarus' initiative" is not an actor: its head names none
        tokens = self.phrase(head)
        ents = self.entities_in(tokens)
        text = self.surface(head, tokens)
        for word in tokens:  # an acronym of a name the article spelled out before names what that name does
            chars = self.spelled_out(head.doc).get(word.text) if word.is_upper and word.is_alpha else None
            spelled = head.doc.char_span(*chars) if chars is not None and chars[1] <= word.idx else None
            if spelled is not None and all(t.i != spelled.root.i for t in tokens):
                actor, kind, plural = self._link(spelled.root, ctx, avoid)
                if actor is not None and actor.country:
                    return replace(actor, text=self.surface(head, tokens)), kind, plural
        known = [(ent, self.kb.entries[ent.ent_id_]) for ent in ents if ent.ent_id_ in self.kb.entries
                 and not self.stance(ent)]
        allies = [t for t in tokens if t.lemma_.lower() in ALLY_WORDS]  # "Israel's militia ally in Lebanon":
        known = [(ent, entry) for ent, entry in known  # not Israel's own, but of where it is
                 if not (ent.root.dep_ == "poss" and any(ent.root.head.i == a.i for a in allies))]
        plural = head.tag_ in ("NNS", "NNPS")
        when = ctx.published

        # 1. A known person named in the phrase: the role in force on the article's date (in the state
        #    the phrase names, where the person holds several: "Canada's King Charles").
        hint = next((entry.country for _, entry in known if entry.kind in GOVERNMENT_KINDS), None)
        for ent, entry in known:
            if entry.kind == "person":
                entry = self.kb.namesake_on(ent.text, entry, when)  # "President Bush" in 1991 or 2003
                if role is not None and self.behind_of(ent, head):  # "supporters of Putin": his people, not him
                    person = self.person_actor(entry, ent.text, when)
                    return Actor(text, person.name, self.code(person.country, role.agent), person.country,
                                 role.agent, None), "role", plural
                return self.person_actor(entry, ent.text, when, former=self.is_former(tokens), country=hint), \
                    "person", False
        # 2. The head itself is a known organisation or group.
        head_entry = next((entry for ent, entry in known if ent.start <= head.i < ent.end), None)
        if head_entry and head_entry.kind in ("org", "group"):
            return self.entry_actor(head_entry, text, when), head_entry.kind, plural
        # 3. A country from the phrase (possessive, adjective, compound, "of"/"from", the head itself).
        country_entry = self.country_in(known, head) or next(
            (place for place in map(self.located_in, allies) if place is not None), None)
        if country_entry is not None and country_entry.kind == "country" and any(
                t.lower_ == "ethnic" for t in tokens):  # "ethnic Albanian guerrillas operating in Macedonia"
            home = self.located_in(head)
            country_entry = home if home is not None else country_entry
        organisation = next((entry for _, entry in known if entry.kind in ("org", "group")), None)
        unknown_person = next((ent for ent in ents if ent.label_ == "PERSON" and not ent.ent_id_
                               and not (role is not None and self.behind_of(ent, head))), None)
        if unknown_person is not None and role is None:
            # "Ann Lee, a Kenyan activist": the activist's sector
            role = self.title_of(head) or self.appositive_role(head)
        if unknown_person is not None and not country_entry and not organisation:
            earlier = self.short_reference(unknown_person.text, ctx)
            if earlier:
                return Actor(unknown_person.text, earlier.name, earlier.code, earlier.country, earlier.agent,
                             earlier.kb_id), "person", False
        # 3a. A people named by its demonym: "Palestinians", "ethnic Albanians in Serbia", "Bosnian Serbs".
        head_ent = next((ent for ent, _ in known if ent.start <= head.i < ent.end), None)
        if head_entry is not None and head_entry.kind == "country" and head_ent.label_ == "NORP" \
                and role is None and unknown_person is None:
            return self.people_actor(head, head_entry, known, tokens, text, ctx), "country", plural
        owner = country_entry or organisation
        if owner is None and role is not None:
            owner = self.located_in(head)  # "rebels in Darfur", "demonstrators in Baghdad"
        if owner is None:
            if role is None and unknown_person is None:
                return None, "none", plural
            possessor = self.possessor(head, ctx, avoid)  # "its troops", "their government"
            if possessor is not None and possessor.country and role is not None:
                agent = role.agent
                return Actor(text, possessor.name if unknown_person is None else unknown_person.text,
                             self.code(possessor.country, agent), possessor.country, agent, None), "role", plural
            if unknown_person is not None:
                # An unknown person with a title of office is taken to hold it in the article's state.
                country = ctx.focus_country if role is not None and role.agent in TITLED_AGENTS else None
                if role is not None and role.agent in DOMESTIC_AGENTS and country is None:
                    # "opposition leader Luis Camacho": people of a state, where the clause happens or the story is
                    country = self.clause_place_state(head) or ctx.focus_country
                agent = role.agent if role else None
                return Actor(text, unknown_person.text, self.code(country, agent), country, agent, None), \
                    "person", False
            return self.role_only(head, tokens, role, text, ctx, avoid), "role", plural
        # 4. A title naming an office: the holder on the date.
        if role and role.office and unknown_person is None and not self.is_former(tokens):
            holder = self.office_holder(owner, role, when)
            if holder is not None:
                actor = self.person_actor(holder, text, when, country=owner.country)
                if owner.country in self.kb.monarchs and actor.country != owner.country:
                    # the shared monarch, acting as the realm's head of state ("Canada's king")
                    actor = Actor(text, actor.name, owner.country + "GOV", owner.country, "GOV", actor.kb_id)
                return actor, "person", False
        country, owner_agent, owner_code = self.status(owner, when)
        agent = role.agent if role else (owner_agent if owner.kind not in ("city",) else None)
        if agent == "GOV" and role is not None:  # "the Palestinian militants' chief negotiator": the militants'
            owned_by = [self.role_noun(c) for c in head.children if c.dep_ == "poss" and c.pos_ == "NOUN"]
            agent = next((r.agent for r in owned_by if r is not None and r.agent in GROUP_AGENTS), agent)
        if owner.kind == "org" and (role is None or role.agent in ("GOV", "IGO")):
            agent = owner_agent
        if owner.kind == "group" and role is not None and role.agent == "GOV" and owner_agent:
            agent = owner_agent  # "Hamas leaders", "Yoruba leaders": the group's, not a government's
        if unknown_person is not None and role is None:
            agent = None  # a named person with a country but no title: not taken for an official
        if self.is_former(tokens) and unknown_person is not None:
            agent = "ELI"
        name = unknown_person.text if unknown_person is not None else owner.name
        if unknown_person is None and owner.kind in ("seat", "city"):  # "Washington" acts for the United States
            state = self.kb.entries.get(f"country:{owner.country}")
            name = state.name if state is not None else name
        kind = "person" if unknown_person is not None else owner.kind if head_entry is owner else "role"
        if owner.kind == "group" and agent in (owner.agent, owner_agent):  # (its code on the date: the Taliban in 2025)
            code = owner_code
        else:
            code = self.code(country, agent, owner)
        actor = Actor(text, name, code, country, agent, owner.kb_id if unknown_person is None else None)
        return actor, kind, plural

    @staticmethod
    def behind_of(ent: Span, head: Token) -> bool:
        """Is the name in an "of"/"from" phrase of the head ("supporters of Ben Bella"), not the head's own?"""
        token = ent.root
        while token.head.i != token.i and token.i != head.i:
            if token.dep_ == "pobj" and token.head.lower_ in OF_PREPS:
                return True
            token = token.head
        return False

    def determined(self, det: Token) -> Token:
        """Handed a determiner ("the"), the word whose phrase it opens: the name it belongs to ("the
        West Bank"), or the title that name qualifies ("the US president"), or else its noun."""
        ent = self.entity_index(det.doc).get(det.i) if det.ent_iob_ != "O" else None
        if ent is None:
            return det.head
        root = ent.root
        if root.head.i != root.i and not (ent.start <= root.head.i < ent.end) and self.role_noun(root.head):
            return root.head
        return root

    def status(self, entry: Entry, when: date | None) -> tuple[str | None, str | None, str | None]:
        """(country, agent, code) of a state, organisation or group on a date: a group's dated role
        ("the Taliban": AFGREB until 2021-08-15, AFGGOV after) wins over its default."""
        role = entry.role_on(when) if entry.kind == "group" and entry.roles else None
        if role is not None:
            return role.country, role.agent, role.code or self.code(role.country, role.agent)
        return entry.country, entry.agent, entry.code

    def located_in(self, head: Token) -> Entry | None:
        """The state of a place the head is "in" ("rebels in Darfur", "guerrillas operating in Macedonia",
        "Serbs living in Kosovo"): where an unnamed group acts."""
        preps = [c for c in head.children if c.dep_ == "prep"]
        preps += [p for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in DWELLING
                  for p in c.children if p.dep_ == "prep"]
        for prep in preps:
            if prep.lower_ in ("in", "inside"):
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    for ent in self.entities_in(self.phrase(obj)):
                        entry = self.kb.entries.get(ent.ent_id_)
                        if entry is not None and entry.kind in ("country", "seat", "city"):
                            return self.kb.entries.get(f"country:{entry.country}", entry)
        return None

    def appositive_role(self, head: Token):
        for child in head.children:
            if child.dep_ == "appos":
                found = self.role_noun(child)
                if found is not None:
                    return found
        return None

    def possessor(self, head: Token, ctx: ArticleContext, avoid: Actor | None) -> Actor | None:
        """The actor a possessive pronoun on the head refers to ("its army" after "Syria")."""
        for child in head.children:
            if child.dep_ == "poss" and child.lower_ in ("its", "their", "his", "her"):
                subject = self.clause_subject(head)
                # "thousands of its members marched": a subject that holds the phrase is not its antecedent
                inside = subject is not None and subject.left_edge.i <= head.i <= subject.right_edge.i
                if inside and subject.head.dep_ == "ccomp":  # "Museveni said his government would ...": the speaker
                    speaker = next((c for c in subject.head.head.children if c.dep_ == "nsubj"), None)
                    if speaker is not None and speaker.pos_ != "PRON":
                        subject, inside = speaker, False
                agrees = subject is not None and (child.lower_ != "their" or subject.tag_ in ("NNS", "NNPS")
                                                  or bool(subject.conjuncts) or subject.lower_ == "they")
                if subject is not None and subject.i < child.i and not inside and agrees:
                    actor, kind, plural = self._link(subject, ctx, avoid)
                    fits = kind == "person" if child.lower_ in ("his", "her") else kind != "person"
                    if actor is not None and actor.country and fits:
                        return actor
                return self.pronoun(child, ctx, avoid)
        return None

    @staticmethod
    def clause_subject(token: Token) -> Token | None:
        """The subject of the clause a token sits in, through conjoined verbs ("X refused ... and
        urged its citizens": X)."""
        for _ in range(12):
            if token.pos_ in ("VERB", "AUX"):
                subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None:
                    return subject
                if token.dep_ not in ("conj", "xcomp", "advcl", "pcomp"):  # ("since resuming its offensive")
                    return None
            if token.head.i == token.i:
                return None
            token = token.head
        return None

    def people_actor(self, head: Token, own: Entry, known: list[tuple[Span, Entry]], tokens: list[Token],
                     text: str, ctx: ArticleContext) -> Actor:
        """A people named by its demonym is coded by the state it lives in: another state named in
        the phrase ("Bosnian Serbs", "Albanians of southern Serbia", "Kurds in Iraq"); for an ethnic
        minority with none ("ethnic Albanians"), the state the article is about, if that is another."""
        places = {"country", "seat", "city"}
        others = []
        for child in head.children:
            near = [child] if child.dep_ in ("amod", "compound", "nmod") else \
                [c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" and \
                child.lower_ in ("of", "from", "in", "inside") else []
            for token in near:
                for ent, entry in known:
                    if ent.start <= token.i < ent.end and entry.kind in places and ent.root.i == token.i:
                        others.append(entry)
        located = self.located_in(head)
        if located is not None:
            others.append(located)
        # living in their own state ("Palestinians of the West Bank"): their own
        others = [] if any(e.country == own.country for e in others) else others
        country = own.country
        if others:
            country = others[0].country
        elif any(t.lower_ in ("ethnic", "minority") for t in tokens):
            country = self.clause_place_state(head) or ctx.focus_country or country  # "... in southeastern Serbia"
        entry = self.kb.entries.get(f"country:{country}", own)
        return Actor(text, entry.name, country, country, None, entry.kb_id)

    def surface(self, head: Token, tokens: list[Token]) -> str:
        span = [t for t in tokens if t.dep_ not in ("det", "punct") or t.i != tokens[0].i] or [head]
        text = head.doc[span[0].i:span[-1].i + 1].text
        return text if len(text) <= 120 else head.text

    def country_in(self, known: list[tuple[Span, Entry]], head: Token) -> Entry | None:
        """The state that owns the phrase: the entity closest to the head among countries and seats."""
        states = [(ent, entry) for ent, entry in known if entry.kind in ("country", "seat", "city")]
        orgs_as_adjective = [(ent, entry) for ent, entry in known if entry.kind == "org" and ent.label_ == "NORP"]
        candidates = states + orgs_as_adjective
        if not candidates:
            return None
        return min(candidates, key=lambda pair: abs(pair[0].root.i - head.i))[1]

    def is_state(self, country: str | None) -> bool:
        return f"country:{country}" in self.kb.entries

    def state_actor(self, country: str, agent: str | None, text: str | None = None) -> Actor:
        """A state acting through one of its sectors ("the government", its protesters, the place where
        an attack happened), named as the knowledge base names the state."""
        state = self.kb.entries.get(f"country:{country}")
        name = state.name if state is not None else country
        return Actor(text or name, name, self.code(country, agent), country, agent,
                     state.kb_id if state is not None else None)

    @staticmethod
    def is_former(tokens: list[Token]) -> bool:
        return any(t.lower_ in ("former", "ex", "late") for t in tokens)

    @staticmethod
    def code(country: str | None, agent: str | None, owner: Entry | None = None) -> str | None:
        if owner is not None and owner.kind == "org":
            return owner.code
        if owner is not None and owner.kind == "group" and owner.code:
            return owner.code
        if country and agent:
            return country + agent
        return country or agent

    def entry_actor(self, entry: Entry, text: str, when: date | None = None) -> Actor:
        country, agent, code = self.status(entry, when)
        return Actor(text, entry.name, code or self.code(country, agent), country, agent, entry.kb_id)

    def person_actor(self, entry: Entry, text: str, when: date | None, former: bool = False,
                     country: str | None = None) -> Actor:
        role = entry.role_on(when, country)
        if role is None:  # before or after every role: the closest earlier role, as a former official
            earlier = [r for r in entry.roles if when is None or (r.start and r.start <= when)]
            role = max(earlier, key=lambda r: r.start or date.min) if earlier else None
            former = former or role is not None
        if role is None:
            first = min(entry.roles, key=lambda r: r.start or date.min) if entry.roles else None
            home = first.country if first else entry.country
            return Actor(text, entry.name, home, home, None, entry.kb_id)
        agent = "ELI" if former and role.agent == "GOV" else role.agent
        if role.country is None:  # a leader of a transnational group: coded as the group
            group = next((e for e in self.kb.lookup(role.org) if e.kind == "group"), None) if role.org else None
            code = role.code or (group.code if group is not None else agent)
            return Actor(text, entry.name, code, None, agent, entry.kb_id)
        org = self.kb.entries.get(f"org:{role.country}")
        code = role.code or (org.code if org else role.country + agent)
        return Actor(text, entry.name, code, role.country, agent, entry.kb_id)

    def office_holder(self, owner: Entry, role, when: date | None) -> Entry | None:
        country = owner.country
        if not country:
            return None
        holder = self.kb.holder(country, role.office, when)
        if holder is None and role.office in ("president", "prime_minister", "chancellor") and role.head:
            holder = self.kb.head_of(country, role.head, when)
        return holder

    def role_only(self, head: Token, tokens: list[Token], role, text: str, ctx: ArticleContext,
                  avoid: Actor | None = None) -> Actor:
        """A role noun with no country in its phrase: a short reference, an org title, or the focus state."""
        phrase_key = fold(" ".join(t.text for t in tokens if t.dep_ != "det"))
        officials = self.kb.org_officials.get(phrase_key, {})
        if len(officials) == 1:  # "the foreign policy chief"; not "the president", which many bodies have
            org = self.kb.entries.get(f"org:{next(iter(officials))}")
            if org:
                return Actor(text, org.name, org.code, org.country, "IGO", org.kb_id)
        body = self.body_called(head, tokens, ctx)
        if body is not None:  # "Congress is asking Obama to help Iran": the US Congress
            return self.entry_actor(body, text, ctx.published)
        if head.lemma_.lower() == "counterpart":  # the other side: the last party that is not this one
            earlier = ctx.last(lambda m: m.actor.country is not None and (
                avoid is None or m.actor.country != avoid.country))
            if earlier is not None:
                a = earlier.actor
                return Actor(text, a.name, self.code(a.country, role.agent), a.country, role.agent, None)
        definite = any(t.dep_ == "det" and t.lower_ in ("the", "this", "that") for t in tokens)
        if definite and head.lemma_.lower() in HOME_GOVERNMENT and self.is_state(ctx.focus_country):
            return self.state_actor(ctx.focus_country, role.agent, text)  # "the government" of the story's state
        if definite:
            earlier = ctx.last(lambda m: m.actor.agent == role.agent and m.kind in ("person", "role", "group",
                                                                                     "org"))
            if earlier is not None and (head.tag_ != "NNS" or earlier.plural):
                a = earlier.actor
                return Actor(text, a.name, a.code, a.country, a.agent, a.kb_id)
        if any(c.dep_ == "amod" and c.lower_ == "local" for c in head.children) and self.is_state(ctx.focus_country):
            return self.state_actor(ctx.focus_country, role.agent, text)  # "local police": of the story's state
        named = self.included(head, ctx, avoid) if head.tag_ == "NNS" and role.agent == "CVL" else None
        if named is not None:  # "sanctions on dozens of people ..., including Iranian officers"
            return Actor(text, named.name, named.code, named.country, named.agent, named.kb_id)
        country = self.coordinated_state(head)  # "British sailors and marines": of the phrase's state, any role
        if country is None and (role.agent in DOMESTIC_AGENTS or definite and role.agent in TITLED_AGENTS and not any(
                c.dep_ == "nummod" or c.lower_ == "both" for c in head.children)):
            # people of a state act where the clause says, else in the story's state; so does "the minister"
            # (not "the two leaders": several, named before)
            earlier = ctx.last(lambda m: m.actor.agent == role.agent and m.actor.country is not None) \
                if role.agent in DOMESTIC_AGENTS else None  # "Protesters also targeted ...": those told of before
            country = self.clause_place_state(head) or (earlier.actor.country if earlier else ctx.focus_country)
        return Actor(text, head.lemma_.lower() if not country else text, self.code(country, role.agent), country,
                     role.agent, None)

    def body_called(self, head: Token, tokens: list[Token], ctx: ArticleContext) -> Entry | None:
        """A body named by a word alone ("Congress", capitalised or bare: "pressured by congress"; with no
        state in its phrase): the one so called the article named before, else that of the state the clause
        happens in, of the story's state, or of a state the sentence names (its people included); with none
        of these, the body news means by the word alone (the knowledge base's `alone`). Two so called in one
        state (two parties): not decided here."""
        word = fold(head.text)
        bare = not any(c.dep_ in ("det", "amod", "compound", "poss") for c in head.children)  # "pressured by congress"
        if word not in self.kb.alone or not (head.text[:1].isupper() or bare) or len(tokens) > 2:
            return None
        bodies = [self.kb.entries[i] for i in self.kb.called.get(word, [])]
        earlier = ctx.last(lambda m: m.actor.kb_id in self.kb.called[word] or (
            m.actor.country is not None and word in fold(m.actor.text).split()))
        if earlier is not None and earlier.actor.kb_id in self.kb.called[word]:
            return self.kb.entries[earlier.actor.kb_id]  # "the Indian National Congress ... Congress said"
        named = []
        for ent in entities(head.doc):
            if head.sent.start <= ent.start < head.sent.end and ent.ent_id_ in self.kb.entries:
                entry = self.kb.entries[ent.ent_id_]
                role = entry.role_on(ctx.published) if entry.kind == "person" else None
                named.append(role.country if role is not None else entry.country if entry.kind == "country" else None)
        told = earlier.actor.country if earlier is not None else None  # "Peru's Congress ... Congress voted"
        for state in [told, self.clause_place_state(head), ctx.focus_country, *named]:
            if state is None:
                continue
            own = [b for b in bodies if b.country == state]
            if len(own) == 1:
                return own[0]
            if own:
                return None
        return self.kb.entries.get(self.kb.alone[word])

    def coordinated_state(self, head: Token) -> str | None:
        """'The Sudanese government and the rebels': people of a state named with that state's government,
        army or police are of that state."""
        for other in head.conjuncts:
            if other.lemma_.lower() in HOME_GOVERNMENT:
                owner = self.country_in([(ent, self.kb.entries[ent.ent_id_]) for ent in self.entities_in(
                    self.phrase(other)) if ent.ent_id_ in self.kb.entries], other)
                if owner is not None and self.is_state(owner.country):
                    return owner.country
        for other in head.conjuncts:  # "six British marines and two sailors": the people of one phrase (a
            if other.i > head.i or self.role_noun(other) is None:  # later one's is its own: "two generals and
                continue  # a French national")
            mods = [c for c in other.children if c.dep_ in ("amod", "compound") and c.ent_id_ in self.kb.entries]
            states = {self.kb.entries[c.ent_id_].country for c in mods}
            if len(states) == 1 and self.is_state(next(iter(states))):
                return next(iter(states))
        return None

    def included(self, head: Token, ctx: ArticleContext, avoid: Actor | None) -> Actor | None:
        """The actor named in an 'including ...' phrase after a generic plural, wherever the parser hung it."""
        sentence = head.sent
        for word in sentence:
            if word.i > head.i and word.lower_ == "including":
                for member in (c for c in word.children if c.dep_ == "pobj"):
                    actor = self._link(member, ctx, avoid)[0] if member.i != head.i else None
                    if actor is not None and actor.country:
                        return actor
                return None
        return None

    def clause_place_state(self, head: Token) -> str | None:
        """The state of a city the head's clause happens in ("demonstrators ... gathered in Gombe in the north
        of Kinshasa"): a city or seat under a place preposition of the head's verb; where they disagree, a
        seat of government, else the last (the container is named after what it contains). A state named
        there is taken only as the place or a part of it ("in the east of the Gaza Strip"): in other phrases
        it is as often the target ("protested in front of the embassy of Rwanda")."""
        verb = head
        for _ in range(6):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        found: list[Entry] = []
        for ent in self.entities_in(list(verb.subtree)):
            entry = self.kb.entries.get(ent.ent_id_) if ent.ent_id_ else None
            if entry is None or entry.kind not in ("city", "seat", "country") or not entry.country:
                continue
            token, inside, through = ent.root, False, []
            while token.head.i != verb.i and token.head.i != token.i:
                inside = inside or token.i == head.i  # in the actor's own phrase: that is who, not where
                token = token.head
                through.append(token)
            if entry.kind == "country" and (ent.label_ != "GPE" or any(  # (not "Turkish artillery")
                    t.dep_ == "prep" and t.lower_ not in PLACE_PREPS and not (
                    t.lower_ == "of" and t.head.lemma_.lower() in REGION_WORDS) for t in through)):
                continue  # a state as the place, a part of it or a place in it ("in the east of the Gaza Strip",
                # "in a gunbattle in Serbia"), not "in front of the embassy of Rwanda", where it is the target
            # the phrase must hang on the verb by a place preposition: not "discussed the conflict in Congo"
            if not inside and token.head.i == verb.i and token.dep_ == "prep" and token.lower_ in PLACE_PREPS:
                found.append(entry)
            elif not inside and token.head.i == verb.i and token.dep_ == "advcl" and len(through) >= 2 and \
                    through[-2].dep_ == "prep" and through[-2].lower_ in PLACE_PREPS and not any(
                    c.dep_ == "mark" and c.lower_ in ("if", "unless", "until") for c in token.children):
                found.append(entry)  # "killed 23 people when they blew themselves up in Tel Aviv"
            elif not inside and token.head.i == verb.i and token.dep_ == "dobj" and token.lemma_.lower() in \
                    THOROUGHFARES and len(through) >= 2 and through[-2].dep_ == "prep" and \
                    through[-2].lower_ in PLACE_PREPS:
                found.append(entry)  # "blocked streets in Hong Kong" (not "discussed the conflict in Congo")
        if not found:
            return None
        seats = [entry for entry in found if entry.kind == "seat"]
        return (seats or found)[-1].country

    def short_reference(self, name: str, ctx: ArticleContext) -> Actor | None:
        for part in reversed(name.split()):
            if part in ctx.people:
                return ctx.people[part]
        return None

    def plural_before(self, token: Token, ctx: ArticleContext, avoid: Actor | None) -> Actor | None:
        """The nearest plural noun phrase before an object pronoun in its own sentence that names a
        party other than `avoid`."""
        for word in reversed(token.sent[:token.i - token.sent.start]):
            if word.tag_ not in ("NNS", "NNPS") or word.dep_ not in ("dobj", "pobj", "conj", "appos"):
                continue
            actor, _, _ = self._link(word, ctx, avoid)
            if actor is not None and (actor.country or actor.kb_id) and (
                    avoid is None or (actor.name, actor.country) != (avoid.name, avoid.country)):
                return actor
        return None

    def pronoun(self, token: Token, ctx: ArticleContext, avoid: Actor | None = None) -> Actor | None:
        lower = token.lower_

        def other(m: Mention) -> bool:
            return avoid is None or (m.actor.name, m.actor.country) != (avoid.name, avoid.country)

        subject = token.dep_ in ("nsubj", "nsubjpass")  # "Demonstrators stormed the embassies. They ...": them
        if lower in PERSONAL:  # a person named, or one titled as a clause's subject ("the director told ... He")
            found = ctx.last(lambda m: (m.kind == "person" or (m.individual and m.subject)) and other(m))
        elif lower in PLURAL:  # a plural noun phrase first ("the rebels ... they"), then a collective
            if not subject and lower in ("them", "themselves"):
                near = self.plural_before(token, ctx, avoid)  # "notified its allies ... and shared it with them"
                if near is not None:
                    return replace(near, text=token.text)
            found = (subject and ctx.last(lambda m: m.plural and m.subject and other(m), within=4)) or \
                ctx.last(lambda m: m.plural and other(m), within=3) or \
                ctx.last(lambda m: m.kind in ("country", "org", "group", "role") and other(m))
        elif lower in NEUTER:  # as a subject, the last singular party that was one ("Ecowas ... It demanded")
            found = (subject and ctx.last(lambda m: m.kind in ("country", "org", "group", "seat") and m.subject
                                          and not m.plural and other(m), within=4)) or \
                ctx.last(lambda m: m.kind in ("country", "org", "group", "seat") and not m.plural and other(m))
        else:  # "this", "which", "who": not resolved here
            return None
        if found is None:
            return None
        a = found.actor
        return Actor(token.text, a.name, a.code, a.country, a.agent, a.kb_id)
