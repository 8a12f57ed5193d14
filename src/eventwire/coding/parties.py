"""Who did what to whom: the coder's party finding. From a trigger, the tokens of its source (subjects,
agents, owners of a noun) and of its target (objects, prepositions the pattern names, the parties of a
meeting, a place's state, the nearest other party), linked to actors and paired into events.

`PartyFinder` is the half of `EventCoder` that finds parties; the coder provides `linker`, its pattern
`candidates` and the clause `complement` it reads."""
from __future__ import annotations

from dataclasses import replace
from itertools import product

from spacy.tokens import Span, Token

from eventwire.actors.link import PLACE_PREPS, ArticleContext
from eventwire.coding import modality as modality_rules
from eventwire.coding.grammar import (
    BACKGROUND_PREPS, CARRIERS, CONSEQUENCES, DECLARING_VERBS, EVENT_REFERENCES, EXPULSIONS, FOREIGN_TYPES,
    GATHERING_VERBS, HOLDINGS, HOLDING_WORDS, LIGHT_VERBS, MISHAPS, OBJECT_CONTROL, OBLIGATION, OPPOSING,
    OUTBREAK_VERBS, PARTITIVES, PLACE_LABELLED, PLACE_PARTS, PRONOUN_LABELS, PROPERTY, READY, RECEIVING_VERBS,
    REGION_NOUNS, RELEASING, REPORTS, SENDING, SERIES, SPEAKER_PRONOUNS, STANCES, STATEMENTS, STATE_AGENTS,
    SUBJECT_DEPS, SUFFERING, TONGUES, TRAVEL_VERBS, WAR_MEANS, WEAPONS, across_border, act_doers, counted,
    direct_objects, event_holders, expand, is_condition, is_stative_passive, leavers, names_a_place,
    passive_objects, shares_passive, undergoing_possessors, verbless_subject,
)
from eventwire.coding.ontology import SYMMETRIC_TYPES, cameo
from eventwire.coding.patterns import Pattern
from eventwire.nlp import entities
from eventwire.records import Actor

CHALLENGERS = {"REB", "OPP", "PTY", "INS", "UAF"}


def in_participle(token: Token, trigger: Token) -> bool:
    """Is the token inside a participle that describes someone the trigger acts on ("a man convicted of
    spying for Israel", "victims killed in east Ukraine")? It says who they are, not to whom the act was
    done. Its doer ("crimes committed by Croat forces") is a party; an infinitive ("a call for forces to
    be deployed in East Timor") says what was asked."""
    below = token
    for ancestor in token.ancestors:
        if ancestor.i == trigger.i:
            return False
        if ancestor.dep_ == "acl" and ancestor.tag_ == "VBN" and not any(
                c.dep_ in ("aux", "auxpass") for c in ancestor.children):
            return below.dep_ != "agent" and any(a.i == trigger.i for a in ancestor.ancestors)
        below = ancestor
    return False


def side_of(actor: Actor | None) -> str | None:
    """Which side of a state's politics an actor is on: its rulers' (state), those who contest them
    (challenger), or neither (the people, aid workers, ...)."""
    if actor is None or actor.agent is None:
        return None
    return "state" if actor.agent in STATE_AGENTS else "challenger" if actor.agent in CHALLENGERS else None


def on_both_sides(sides: set[str | None]) -> bool:
    """Do parties of one state stand on both sides of its politics (its rulers and those who contest them)?"""
    return {"state", "challenger"} <= sides


def same_actor(a: Actor, b: Actor) -> bool:
    """The same party: the same entry in the same sector ("Georgian demonstrators" are not the Georgian
    government, though both point to the Georgian state)."""
    if a.kb_id and b.kb_id:
        return a.kb_id == b.kb_id and (a.code == b.code or not a.kb_id.startswith(("country:", "seat:")))
    return a.name == b.name and a.country == b.country and (a.code == b.code or not (a.agent and b.agent))


class PartyFinder:
    """Finds and links the parties of an event for the coder (see the module docstring)."""

    def is_actorish(self, token: Token) -> bool:
        if token.pos_ == "PRON":  # (a reflexive is the clause's own subject: "would defend itself")
            return token.lower_ not in ("it", "this", "that", "what", "which", "something", "anything") \
                and not token.lower_.endswith(("self", "selves"))
        if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        return self.linker.role_noun(token) is not None

    # ---- roles ---------------------------------------------------------------------------------
    def subjects(self, verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
        """A verb's subject(s); inherited from the governing clause when it has none. (tokens, inherited)"""
        own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if not own and verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.dep_ in SUBJECT_DEPS and any(
                c.dep_ == "dobj" for c in verb.children):  # "Israeli airstrikes killed 25 people, officials said":
            own = [verb.head]  # a participle with an object is the clause's verb, its "head" the subject
        if not own and verb.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ == "nsubjpass" for c in verb.children):
            own = [c for c in verb.children if c.dep_ in ("advmod", "npadvmod") and c.i < verb.i  # "USAID announced"
                   and c.ent_type_ in ("ORG", "GPE", "PERSON") and c.ent_iob_ == "B"]  # a name tagged as an adverb
        if verb.lower_ in STANCES and is_stative_passive(verb):
            own = [c for c in verb.children if c.dep_ == "nsubjpass"]  # "Vietnam is committed to ..."
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if own and not any(c.dep_ == "auxpass" for c in verb.children):
            agents = []  # "Bashir shortened by one hour the curfew": an active verb's "by" is a measure or means
        if agents:  # "Aleppo was hit by Russian air strikes": whose strikes
            agents = [w for a in agents for w in (self.owners(a) or [a] if a.lemma_.lower() in WEAPONS | WAR_MEANS
                                                  and not self.is_actorish(a) else [a])]
            return expand(agents), False
        if own:
            subject = own[0]
            if subject.lemma_.lower() in SERIES:  # "a series of car bombs killed 42 people": the bombs
                subject = counted(subject)[0]
                own = [subject]
            if len(own) > 1 and subject.pos_ == "ADJ" and own[1].ent_type_:
                subject = own[1]  # "Sudan's paramilitary Rapid Support Forces shelled": the name, parsed apart
                own = [subject]
            if subject.tag_ in ("VBG", "VBN", "VBD") and subject.pos_ == "VERB" and any(
                    c.dep_ == "nsubj" for c in subject.children):
                # "The Red Cross operating in Iraq said", "Jihadists linked to al Qaeda have imposed":
                # the parser made the participle the subject
                subject = next(c for c in subject.children if c.dep_ == "nsubj")
                own = [subject]
            if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                antecedent = verb.head
                if antecedent.dep_ == "nsubj" and antecedent.head.lemma_.lower() == "include" \
                        and direct_objects(antecedent.head):  # "leaders who greeted Trump included May, Putin ..."
                    return expand(direct_objects(antecedent.head)), False
                return expand([antecedent]), False
            if subject.pos_ == "PRON" and subject.lower_ in ("it", "they", "he", "she", "we") and \
                    verb.dep_ == "ccomp" and verb.head.lemma_.lower() in modality_rules.SPEECH_VERBS:
                speakers = [c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
                if not speakers and verb.head.dep_ == "advcl" and verb.head.tag_ == "VBG":
                    # "..., saying he"
                    speakers = [s for s in self.subjects(verb.head, depth + 1)[0] if s.pos_ != "PRON"]
                if speakers:  # "Lithuania and Latvia said they supported ...": the speakers
                    return expand(speakers), False
            if not self.is_actorish(subject) and subject.ent_iob_ == "O":
                owners = self.owners(subject) or self.issuers(subject)  # "Israeli strikes killed 24 people"
                if owners:
                    return owners, False
            return expand([subject]), False
        doer = verbless_subject(verb)
        if doer is not None:
            return expand([doer]), False
        noun = modality_rules.intention(verb)
        if noun is not None:  # "the EU announced plans to impose sanctions": the EU's plan
            return self.intenders(noun), True
        if verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl", "relcl"):
            return [], False  # "two officials killed": a passive participle names no doer but its agent
        if depth > 3 or verb.head.i == verb.i:
            return [], False
        head = verb.head
        if verb.dep_ == "conj" and verb.tag_ != "VBN" and any(c.dep_ == "auxpass" for c in head.children):
            undergoers = [c for c in head.children if c.dep_ == "nsubjpass"]
            if undergoers:  # "was indicted by the court and will resign": the one indicted resigns
                return expand(undergoers), True
        if verb.dep_ == "conj":
            found, _ = self.subjects(head, depth + 1)
            return found, True
        if verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in head.children) and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):  # (not "were found shot dead")
            undergoers = [c for c in head.children if c.dep_ == "nsubjpass"]
            if undergoers:  # "Israel is set to free Qantar", "Hamas was urged to release them": who is to act
                return expand(undergoers), True
        if verb.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            objects = direct_objects(head)
            if objects:
                return expand(objects[:1]), True
        if verb.dep_ == "acomp" and head.pos_ in ("VERB", "AUX"):
            found, _ = self.subjects(head, depth + 1)
            return found, False
        before = verb.doc[verb.i - 1] if verb.i > 0 else verb
        if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.left_edge.i == verb.i and verb.i > head.i + 1 \
                and before.pos_ == "NOUN" and not self.is_actorish(before) and before.ent_iob_ == "O":
            owners = self.owners(before)  # "in protest at army gunfire targeting them": the noun it follows,
            if owners:  # parsed as the verb's clause
                return owners, True
        if verb.dep_ in ("xcomp", "advcl", "ccomp", "pcomp") or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
            if verb.dep_ == "ccomp":
                return [], False
            if head.pos_ in ("VERB", "AUX"):
                found, _ = self.subjects(head, depth + 1)
                return found, True
            if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp" \
                    and head.lower_ in ("due", "poised"):
                found, _ = self.subjects(head.head, depth + 1)  # "Israel is due to release 50 prisoners"
                return found, True
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() in STATEMENTS and head.dep_ == "dobj" \
                and head.head.pos_ == "VERB":  # "issued a declaration demanding ...": who issued it
            found, _ = self.subjects(head.head, depth + 1)
            return found, True
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ == "NOUN" and not self.is_actorish(head) \
                and head.ent_iob_ == "O":
            owners = self.owners(head)  # "Israeli army gunfire targeting their colleagues": whose gunfire
            if owners:
                return owners, True
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN")):
            return expand([head]), True  # "governments deciding to recognise ...": the noun acts
        return [], False

    def intenders(self, noun: Token) -> list[Token]:
        """Whose intention the noun is, when the sentence makes it known ("announced plans", "confirmed its
        decision", "took the decision by the cabinet"): the owner named with it, else the declaring verb's
        subject. An intention the sentence only refers to ("rejected a US offer to host a summit",
        "protests against the government's decision to suspend talks") is told as known: no one's here."""
        if noun.dep_ not in ("dobj", "attr") or noun.head.lemma_.lower() not in DECLARING_VERBS:
            return []
        return self.owners(noun) or self.subjects(noun.head)[0]

    @staticmethod
    def issuers(document: Token) -> list[Token]:
        """'A report released in the Rwandan capital alleged ...': who issued a text that speaks, by the
        agent of its release or the place it was released in."""
        if document.lemma_.lower() not in STATEMENTS | REPORTS:
            return []
        for verb in (c for c in document.children if c.dep_ == "acl" and c.lemma_.lower() in RELEASING):
            found = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            found = found or [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                              for p in c.children if p.dep_ == "pobj"]
            if found:
                return expand(found)
        return []

    def noun_sources(self, noun: Token, pattern: Pattern | None = None) -> tuple[list[Token], bool]:
        """Who did what the noun names: "Russia's invasion", "Israeli strikes", "talks by X", or the
        subject of the support verb ("held talks", "launched strikes")."""
        undergoers = undergoing_possessors(noun)
        owners = [c for c in noun.children if c.dep_ == "poss" and c not in undergoers]
        owners += [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i
                   and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")]
        if pattern is not None and pattern.source == "of":  # "the build-up of Serbian forces"
            moved = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"]
            if any(c.dep_ == "prep" and c.lower_ == "from" for m in moved for c in m.children) and not owners \
                    and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
                doers = self.subjects(noun.head)[0]  # "the US sped up the withdrawal of forces from Panama":
                if doers:  # "from Panama" is where they leave, not whose they are
                    return doers, True
            owners += moved
        by = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children
              if p.dep_ == "pobj"]
        if by:  # "his detention by the coup leaders": the "by" phrase acts, the possessor undergoes
            return expand(by), False
        blamed = [p for t in noun.subtree if t.dep_ == "relcl" and t.lemma_.lower() in ("blame", "attribute", "pin")
                  for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "to") for p in c.children
                  if p.dep_ == "pobj"]
        if blamed and not owners:  # "a cyberattack ... that Tirana blamed on Tehran": Tehran's, as told
            return expand(blamed), False
        if owners:
            return expand(owners), False
        claimed = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
        if claimed is not None and claimed.lemma_.lower() == "responsibility" and claimed.dep_ == "dobj" and \
                claimed.head.lemma_.lower() in ("claim", "admit", "accept", "take", "assume"):
            return self.subjects(claimed.head)[0], True  # "al-Shabab claimed responsibility for the attack"
        token = noun
        if noun.dep_ == "dobj" and noun.head.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") and any(
                c.dep_ == "amod" and c.tag_ == "VBN" and c.i < noun.i for c in noun.children):
            return [noun.head], True  # "Ecowas, as the bloc is known, imposed sanctions": a name parsed as the verb
        for _ in range(4):
            if token.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and token.head.pos_ in ("VERB", "AUX"):
                if token.head.lemma_.lower() in RECEIVING_VERBS:
                    return [], False  # "received an invitation from X": see receiving_roles
                if token.head.lemma_.lower() not in LIGHT_VERBS:
                    return [], False  # "ditched a deal", "opposes the exercises": not the subject's own act
                found, _ = self.subjects(token.head)
                return found, True
            if token.dep_ == "pobj" and token.head.dep_ == "prep":
                prep = token.head
                meeting = pattern is not None and pattern.cameo.startswith("04")
                visit = meeting and (prep.lower_ == "during" or (  # "during his visit", "came for talks"
                    prep.lower_ == "for" and prep.head.lemma_.lower() in TRAVEL_VERBS))
                rally = pattern is not None and pattern.cameo.startswith("14") and prep.lower_ == "for" \
                    and prep.head.lemma_.lower() in GATHERING_VERBS  # "converging for a rally"
                if (prep.lower_ in BACKGROUND_PREPS and not visit and not rally) or \
                        prep.head.lower_ in ("due", "owing", "thanks", "prior"):
                    return [], False
                if prep.lower_ in ("on", "about", "regarding", "concerning") and prep.head.lemma_.lower() not in (
                        "agree", "decide", "embark", "settle", "converge"):
                    return [], False  # "attend a summit on the unrest in Iran": the topic, no one's act (but
                    # "agreed on a ceasefire", "converged on the square for a rally")
                token = token.head.head
                if token.pos_ in ("VERB", "AUX"):
                    doers = LIGHT_VERBS | {"contribute", "lead", "result", "engage", "be"}
                    if pattern is not None and pattern.cameo.startswith("14"):
                        doers = doers | GATHERING_VERBS  # "were converging for a rally": the crowd rallies
                    doers = doers | TRAVEL_VERBS if visit else doers
                    if token.lemma_.lower() not in doers:
                        return [], False
                    found, _ = self.subjects(token)
                    return found, True
                continue
            if token.dep_ == "conj" or (token.dep_ == "compound" and token.head.pos_ == "NOUN"):
                token = token.head  # "undertook a mediation mission": the mission's doer
                continue
            break
        return [], False

    @staticmethod
    def receiving_roles(noun: Token) -> tuple[list[Token], list[Token]]:
        """'Y received an invitation from X': X is the source, Y the target."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in RECEIVING_VERBS:
            return [], []
        givers = [p for c in list(noun.children) + list(verb.children) if c.dep_ == "prep" and c.lower_ == "from"
                  for p in c.children if p.dep_ == "pobj"]
        receivers = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if receivers and receivers[0].tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            receivers = [verb.head]
        return expand(givers), expand(receivers)

    def sibling_targets(self, trigger: Token) -> list[Token]:
        """'Held meetings in Paris, inviting diplomats from X': a meeting's other party named in a
        participle or coordinated clause of the same verb."""
        verb = trigger if trigger.pos_ == "VERB" else trigger.head
        for _ in range(3):
            if verb.pos_ == "VERB":
                break
            verb = verb.head
        out = []
        for clause in verb.children:
            if clause.dep_ in ("advcl", "conj", "xcomp") and clause.pos_ == "VERB":
                out += [o for o in direct_objects(clause) if self.is_actorish(o)]
        return out

    def targets(self, trigger: Token, pattern: Pattern) -> list[Token]:
        """Where the pattern says the target is: objects, prepositional objects, "of" phrases."""
        out: list[Token] = []
        is_noun = pattern.kind == "noun"
        plover = cameo(pattern.cameo).plover
        objects = [m for o in direct_objects(trigger) for m in counted(o)]  # "killed scores of militants"
        holders = [trigger]
        if pattern.object:
            wholes = [p for o in objects if o.lemma_.lower() in PARTITIVES for c in o.children  # "part of a
                      if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]  # stronghold"
            named = [o for o in (objects or passive_objects(trigger)) + wholes
                     if o.lemma_.lower() in pattern.object or o.lower_ in pattern.object]
            holders += named
            holders += [o for o in objects if o not in named for c in o.children if c.dep_ == "prep"  # "$50,000
                        and c.lower_ == "of" for p in c.children if p.dep_ == "pobj" and (  # worth of goods to X"
                            p.lemma_.lower() in pattern.object or p.lower_ in pattern.object)]
            # "stormed the embassy of Rwanda": an object the pattern names, owned by someone, is the target
            out += [o for o in named if self.linker.role_noun(o) is not None
                    and any(w.ent_type_ in ("GPE", "NORP", "ORG") for w in self.owners(o))]
            # "welcomed the recognition of Palestine as a state by Ireland": who did the act welcomed
            out += [p for o in named if self.candidates(o) for p in act_doers(o, trigger) if self.is_actorish(p)]
            out += [p for p in self.protest_holders(named) if p not in out]  # "broke up a rally of students"
            out += [p for o in named for p in self.between(o)]  # "welcomed the agreement
            # between Armenia and Azerbaijan": both
            out += [p for o in named if o.lemma_.lower() in CARRIERS
                    for p in self.owners_of_place(o) if p is not o]  # "shot down a helicopter carrying monitors"
            out += self.holders_by_sector(named)  # "captured a rebel stronghold"
            out += self.holders_of_property(named)  # "struck a Hamas command centre"
            # "dispersed the demonstrators": an object the pattern names that is itself a party
            # (not the forces a state deploys or moves, nor "withdrew its troops")
            moved = plover in ("MOBILIZE", "AID")  # (what is given is no receiver)
            # "took 30 passengers hostage": the parser's second object is whom the act is done to
            second = [c for c in trigger.children if c.dep_ in ("dobj", "xcomp", "oprd") and (
                c.lemma_.lower() in pattern.object or c.lower_ in pattern.object)]
            others = [o for o in objects if o not in named and self.is_actorish(o) and not moved] if second else []
            out += others
            out += [o for o in named if o not in out and self.is_actorish(o) and not moved and not others
                    and o.lemma_.lower() not in WEAPONS  # ("sent drones to Russia": what was sent)
                    and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children)]
        elif not is_noun and not pattern.no_object_target:
            out += [o for o in objects if self.is_actorish(o) or o.lower_ in ("it", "them")]
            out += self.protest_holders(objects)  # "police attacked a student demonstration"
            # "condemned the recognition of Somaliland by Israel": who did the act condemned
            out += [p for o in objects if not self.is_actorish(o) and self.candidates(o)
                    for p in act_doers(o, trigger) if self.is_actorish(p)]
            # "hosted talks between Israel and Hamas": the parties of the talks it hosted
            out += [p for o in objects if not self.is_actorish(o) and self.candidates(o) for p in self.between(o)]
            out += [p for o in objects if not self.is_actorish(o) and o.lemma_.lower() in CARRIERS
                    for p in self.owners_of_place(o) if p is not o]  # "shot down a helicopter carrying monitors"
            out += self.holders_by_sector(objects)  # "shelled rebel positions"
            out += self.holders_of_property(objects)
            holders += [o for o in objects if not self.is_actorish(o)]  # "ratified an agreement with X"
            complements = ("dative",) if pattern.evaluative else ("dative", "oprd")
            out += [c for c in trigger.children if c.dep_ in complements and self.is_actorish(c)]
        if not is_noun and pattern.particle == "for" and any(
                c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for c in trigger.children):  # "called for the people of Somalia to stay calm": those asked
            out += [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "for"
                    for p in c.children if p.dep_ == "pobj" and self.is_actorish(p)]
            out += [p for c in trigger.children if c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                    for p in c.children if p.dep_ == "nsubj" and self.is_actorish(p)]
        if not is_noun and (any(c.dep_ == "auxpass" for c in trigger.children) or shares_passive(trigger)) \
                and pattern is not READY and not (trigger.lower_ in STANCES and is_stative_passive(trigger)):
            out = passive_objects(trigger) + out
        if not is_noun and trigger.dep_ == "acl" and trigger.tag_ == "VBN" and verbless_subject(trigger) is None \
                and not any(c.dep_ == "dobj" for c in trigger.children):
            out.append(trigger.head)  # "the man arrested by police" (not "airstrikes killed 25 people, ... said")
        preps = set(pattern.prep) | ({"of"} if is_noun and pattern.source != "of" else set())
        if is_noun and trigger.dep_ == "compound" and trigger.head.pos_ == "NOUN":
            holders.append(trigger.head)  # "a mediation mission between X and Y"
            if trigger.head.dep_ == "dobj" and trigger.head.head.pos_ == "VERB":
                holders.append(trigger.head.head)
        if is_noun and pattern.source == "of":  # "a build-up of forces on the border": the place hangs on the forces
            holders += [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                        if p.dep_ == "pobj"]
        if is_noun and trigger.dep_ in ("dobj",) and trigger.head.pos_ == "VERB":
            holders.append(trigger.head)  # "held talks with X": the preposition hangs on the verb
        if is_noun and trigger.dep_ == "pobj" and trigger.head.lower_ == "in" and trigger.head.head.pos_ == "VERB":
            verb = trigger.head.head  # "engaged X in a firefight", "were killed in Israeli shelling"
            out += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        # "air strikes on Houthi targets in Yemen": where force fell is a target only when none is named
        force, giving = plover in ("ASSAULT", "COERCE"), plover == "AID"
        located: list[Token] = []
        venues: list[Token] = []
        against: list[Token] = []  # (the parser may hang "against X" on the venue)
        for holder in holders:
            named_preps = [c for c in holder.children if c.dep_ in ("prep", "dative") and c.lower_ in preps]
            named_preps += [d for c in named_preps for d in c.children  # "with his counterpart and with Rubio"
                            if d.dep_ == "conj" and d.pos_ == "ADP" and d.lower_ in preps]
            for prep in named_preps:
                found = [whose for p in prep.children if p.dep_ == "pobj"  # (aid sent to a border is not given)
                         for beyond in (across_border(p) if not giving else [p])
                         for whose in self.owners_of_place(beyond)]
                if force and prep.lower_ == "in":
                    located += found
                elif prep.lower_ in ("with", "to") and "against" in preps:
                    venues += found  # "filed a complaint with the Security Council against Israel": where filed
                    against += [q for p in prep.children if p.dep_ == "pobj" for c in p.children
                                if c.dep_ == "prep" and c.lower_ == "against" for q in c.children if q.dep_ == "pobj"]
                else:
                    out += found
                for pcomp in (p for p in prep.children if p.dep_ == "pcomp"):
                    out += [p for p in pcomp.children if p.dep_ == "pobj"]
                    if pcomp.pos_ == "VERB":  # "working with local police to investigate": the police
                        out += [p for p in pcomp.children if p.dep_ == "nsubj" and self.is_actorish(p)]
        if not is_noun and plover in ("PROTEST", "REJECT"):
            against = [x for c in trigger.children if c.dep_ == "prep" and c.lower_ == "in" for d in c.children
                       if d.dep_ == "pobj" and d.lemma_.lower() in OPPOSING for o in d.children
                       if o.dep_ == "prep" and o.lower_ in ("of", "against", "to", "at") for x in o.children
                       if x.dep_ == "pobj"]  # "blocked streets in defiance of Chinese authorities"
            out += [w for x in against for w in ([x] if self.is_actorish(x) else self.owners(x))]
        if pattern is CONSEQUENCES:  # "warning that Tokyo would bear all the consequences": Tokyo
            out += [s for c in trigger.children if c.dep_ == "ccomp" and c.lemma_.lower() in SUFFERING
                    for s in c.children if s.dep_ == "nsubj" and self.is_actorish(s)]
        if pattern in EXPULSIONS:  # "a request for all personnel to leave": those to leave
            out += leavers(trigger)
        if pattern is OBLIGATION:  # "said the government and the rebels must reach an agreement": both
            out += [s for c in trigger.children if c.dep_ == "ccomp" and any(
                    a.dep_ in ("aux", "auxpass") and a.lower_ in ("must", "should") for a in c.children)
                    for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and self.is_actorish(s)]
        if is_noun and any(c.dep_ == "prep" and c.lower_ == "by" for c in trigger.children):
            out += [c for c in trigger.children if c.dep_ == "poss"]  # "his detention by the junta": him
        if is_noun:
            out += [c for c in trigger.children if c.dep_ in ("compound",) and c.i < trigger.i
                    and c.ent_type_ in ("GPE",) and c not in self.noun_sources(trigger)[0]]
        out += against
        if not against and not any(c.dep_ == "prep" and c.lower_ == "against" for h in holders for c in h.children):
            out += venues  # (with no one it is against, whom it was lodged with)
        if not any(self.names_party(t) for t in out):  # ("targets in Jericho": none named but the place)
            out += located
        speakers = modality_rules.trailing_speakers(trigger) if not is_noun else []
        return [t for t in expand(out) if t not in speakers]

    def protest_holders(self, nouns: list[Token]) -> list[Token]:
        """Those holding the protests the nouns name ("a rally of Kurdish students", "a student sit-in"):
        what is done to a protest is done to them."""
        return [p for o in nouns if not self.is_actorish(o) and any(
                cameo(c.cameo).plover == "PROTEST" for c in self.candidates(o))
                for p in event_holders(o) if self.is_actorish(p)]

    def holders_by_sector(self, objects: list[Token]) -> list[Token]:
        """'Captured a rebel stronghold', 'shelled rebel positions': the party a place belongs to, named
        by its sector in a compound."""
        return [c for o in objects if o.lemma_.lower() in HOLDINGS for c in o.children
                if c.dep_ in ("compound", "amod") and c.i < o.i and not c.ent_type_
                and self.linker.role_noun(c) is not None]

    def holders_of_property(self, objects: list[Token]) -> list[Token]:
        """'Struck a Hamas command centre', 'hit a Russian ammunition depot': whose the thing is."""
        return [w for o in objects if not self.is_actorish(o) and o.lemma_.lower() in PROPERTY
                for w in self.owners_of_place(o) if w is not o]

    def names_party(self, token: Token) -> bool:
        """An actor, or a thing a name marks as someone's ("Houthi targets")."""
        return self.is_actorish(token) or token.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or any(
            c.dep_ in ("compound", "amod", "poss") and c.ent_type_ in ("GPE", "NORP", "ORG") for c in token.children)

    def owners(self, token: Token) -> list[Token]:
        """Who a non-actor noun belongs to: "North Korea's demand", "an Indian proposal", "calls by X"."""
        found = [c for c in token.children if c.dep_ == "poss"]
        found += [c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i
                  and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")]
        if not found:  # "US Predator attacks", "Israeli drone strikes": the name modifies the modifier
            found += [g for c in token.children if c.dep_ == "compound" and c.i < token.i and not c.ent_type_
                      for g in c.children if g.dep_ in ("amod", "compound", "nmod") and g.i < c.i
                      and g.ent_type_ in ("NORP", "GPE")]
        found += [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "of", "from")
                  for p in c.children if p.dep_ == "pobj" and (self.is_actorish(p) or p.ent_type_)]
        return expand(found)

    def owners_of_place(self, token: Token) -> list[Token]:
        """'Fired on positions of the Palestinian security forces', 'an attack on the offices of the ruling
        party': a thing owned by a party stands for the party; anything else is itself."""
        if token.pos_ != "NOUN" or token.ent_type_ or self.is_actorish(token):
            return [token]
        if token.lemma_.lower() in CARRIERS:  # "shot down a helicopter carrying EC truce monitors": those aboard
            aboard = [o for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in ("carry", "transport")
                      for o in direct_objects(c)]
            if aboard:
                return expand(aboard)
        if token.lemma_.lower() not in PROPERTY:  # "against Israel's security barrier": whose it is
            possessors = [c for c in token.children if c.dep_ == "poss" and c.ent_type_ in ("GPE", "ORG", "NORP")]
            return expand(possessors) if possessors else [token]
        owners = self.owners(token)
        if not owners:  # "the doors of the Mexican diplomatic headquarters": whose the headquarters are
            owners = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                      if p.dep_ == "pobj" and p.lemma_.lower() in PROPERTY for o in self.owners(p)]
        return owners or [token]

    def referred_event(self, noun: Token, ctx: ArticleContext):
        """'The expulsion', 'the criticism', 'the move': an event told earlier; its source (an Actor)."""
        if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these")
                                          for c in noun.children) or self.owners(noun):
            return None
        lemma = noun.lemma_.lower()
        kinds = {cameo(p.cameo).plover for p in self.patterns.nouns.get(lemma, [])}
        if not kinds and lemma not in EVENT_REFERENCES:
            return None
        for ptype, source, said, _ in reversed(ctx.events):  # "condemned the strikes": the striking told before
            if said == lemma:
                return source
        for ptype, source, said, _ in reversed(ctx.events):
            if not kinds or ptype in kinds:
                return source
        return None

    @staticmethod
    def captor(released: list[Actor], ctx: ArticleContext) -> Actor | None:
        """Who holds the people a release is asked for: the doer of the last arrest or abduction told of
        people of their state ("Mali arrested a French national ... France called for his release": Mali)."""
        for ptype, source, said, target in reversed(ctx.events):
            if ptype in ("COERCE", "ASSAULT") and target is not None and target.country and source.country \
                    and source.country != target.country and any(r.country == target.country for r in released):
                return source
        return None

    def fallback_targets(self, trigger: Token, pattern: Pattern, ptype: str | None,
                         sources: list[Token]) -> list[Token]:
        """When the pattern's own places name no target: the owner of a non-actor object, the target of
        the trigger's complement clause, or the subject of a demanded or alleged clause."""
        out: list[Token] = []
        for obj in direct_objects(trigger):
            if not self.is_actorish(obj):
                out += self.owners(obj)
        if trigger.lemma_.lower() in OBJECT_CONTROL and direct_objects(trigger):
            return [t for t in expand(out) if t not in sources]  # "urged both sides to protect civilians"
        if ptype == "MOBILIZE":  # "mobilised reservists for a possible war against Iraq"
            out += [p for t in trigger.subtree if t.dep_ == "prep" and t.lower_ == "against"
                    for p in t.children if p.dep_ == "pobj"]
        clause = self.complement(trigger)
        if clause is not None and not out:
            if clause.dep_ == "ccomp" and ptype in ("REQUEST", "ACCUSE", "REJECT"):
                out += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not out:
                inner = self.candidates(clause)
                if inner:
                    out += [t for t in self.targets(clause, inner[0]) if self.is_actorish(t)]
                if not out:  # "agreed to lift embargoes on sales to Iran, Libya and Sudan"
                    if clause.lemma_.lower() not in SENDING | {"contribute", "provide", "give", "supply"}:
                        out += [o for o in direct_objects(clause) if self.is_actorish(o)]  # (not troops it gives)
                    holders = [clause] + direct_objects(clause)
                    found = [p for h in holders for c in h.children if c.dep_ in ("prep", "dative")
                             and c.lower_ in ("to", "with", "on", "against", "at", "into", "for")
                             for p in c.children if p.dep_ == "pobj"]
                    out += found + [q for p in found if not self.is_actorish(p) for c in p.children  # "embargoes
                                    if c.dep_ == "prep" and c.lower_ in ("to", "against")  # on sales to Iran"
                                    for q in c.children if q.dep_ == "pobj"]
        return [t for t in expand(out) if t not in sources and t.i != trigger.i]

    def complainants(self, trigger: Token) -> list[Token]:
        """'Lebanon complained over two Israeli air raids': who complains of an attack that names no
        target suffered it."""
        prep = trigger.head
        if trigger.dep_ != "pobj" or prep.lower_ not in ("over", "about", "of") or prep.head.pos_ != "VERB":
            return []
        verb = prep.head
        if not any(cameo(p.cameo).plover in ("ACCUSE", "PROTEST") for p in self.candidates(verb)):
            return []
        return self.subjects(verb)[0]

    def addressees(self, trigger: Token) -> list[Token]:
        """'Japan lodged a protest with China over the detention of ...', 'condemned Iran over the arrest
        of ...': whom a complaint about an act is made to or against, the act's likely author."""
        prep = trigger.head
        if trigger.dep_ != "pobj" or prep.lower_ not in ("over", "about", "for"):
            return []
        heads = [prep.head] + ([prep.head.head] if prep.head.dep_ == "dobj" else [])
        heads += [o for o in direct_objects(prep.head) if not self.is_actorish(o)]  # "lodged a protest with X"
        if not any(cameo(p.cameo).plover in ("ACCUSE", "PROTEST", "SANCTION") for h in heads
                   for p in self.candidates(h)):
            return []
        found = [c for h in heads for c in h.children if c.dep_ == "dobj" and self.is_actorish(c)]
        found += [p for h in heads for c in h.children if c.dep_ == "prep"
                  and c.lower_ in ("with", "to", "against", "on") for p in c.children
                  if p.dep_ == "pobj" and self.is_actorish(p)]
        return found

    def scene_state(self, trigger: Token, source_tokens: list[Token], target_tokens: list[Token]) -> str | None:
        """The state of the place an act came from, happened in or went to ("fired from the Gaza Strip",
        "a bombing near Samarra", "reached North Darfur, delivering food"), outside the phrase of those it
        was done to; None when the sentence names none."""
        victims = {t.i for v in target_tokens for t in v.subtree}
        victims |= {t.i for c in trigger.children if is_condition(c) for t in c.subtree}  # "if war starts in Iraq"
        scopes = [trigger] + source_tokens
        if trigger.dep_ in ("advcl", "conj") and trigger.head.pos_ == "VERB":
            scopes.append(trigger.head)  # "reached North Darfur, delivering ...": the clause it qualifies
        index = self.linker.entity_index(trigger.doc)
        for scope in scopes:
            for token in scope.subtree:
                ent = index.get(token.i)
                if ent is None or token.i != ent.root.i or token.i in victims:
                    continue
                hop = token  # up through "the town of", "a residential sector of" to the place preposition
                while hop.dep_ == "compound" and hop.head.lemma_.lower() in REGION_NOUNS and hop.head.i > hop.i:
                    hop = hop.head  # "in the Donetsk region" (not "committed to the Doha process")
                while hop.dep_ == "pobj" and hop.head.lower_ == "of" and hop.head.head.dep_ == "pobj":
                    hop = hop.head.head
                reached = hop.dep_ == "dobj" and hop.head.lemma_.lower() in ("reach", "enter")
                beyond = hop.dep_ == "pobj" and hop.head.lower_ == "of" and hop.head.head.lower_ in PLACE_PREPS
                if not reached and not beyond and not (  # ("outside of the Iraqi city of Basra")
                        hop.dep_ == "pobj" and hop.head.lower_ in PLACE_PREPS | {"from", "to"}):
                    continue
                entry = self.linker.kb.entries.get(ent.ent_id_) if ent.ent_id_ else None
                if entry is not None and entry.kind in ("country", "seat", "city") and entry.country:
                    return entry.country
        return None

    def mediated(self, trigger: Token) -> list[Token]:
        """Whom a participle of mediation describes as mediated between: the parties of the talks it
        qualifies, or the subject of the clause the talks are told in ("Pakistan and Afghanistan agreed
        ... after talks mediated by Qatar")."""
        if trigger.dep_ != "acl":
            return []
        noun = trigger.head
        parties = self.between(noun)
        if parties:
            return parties
        token = noun
        while token.dep_ == "pobj" and token.head.dep_ == "prep":
            token = token.head.head
        return self.subjects(token)[0] if token.pos_ in ("VERB", "AUX") else []

    def between(self, noun: Token) -> list[Token]:
        """The parties of "talks between X and Y", also through a head noun ("a mediation mission between")."""
        holders = [noun] + ([noun.head] if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else [])
        if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in OUTBREAK_VERBS:
            holders.append(noun.head)  # "clashes broke out between police and protesters"
        found = [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "between"
                 for p in c.children if p.dep_ == "pobj"]
        return expand(found)

    @staticmethod
    def is_the_two(token: Token) -> bool:
        """'Their countries', 'the two countries', 'both sides', 'the two leaders': two parties the sentence
        does not name."""
        if token.tag_ != "NNS" or token.lemma_.lower() not in ("country", "nation", "side", "government", "state",
                                                               "leader", "president", "minister", "premier"):
            return False
        return any(c.lower_ in ("their", "two", "both") for c in token.children)

    @staticmethod
    def last_two_states(ctx: ArticleContext) -> list[Actor]:
        """The states of the two people named last in the article ("their countries" are the leaders'),
        else the two states named last."""
        for kinds in (("person",), ("person", "country", "org", "group", "role", "seat")):
            found: list[Actor] = []
            for mention in reversed(ctx.mentions):
                actor = mention.actor
                if mention.kind in kinds and actor.country and not any(a.country == actor.country for a in found):
                    found.append(actor)
                if len(found) == 2:
                    return found
        return []

    def nearest_other(self, trigger: Token, sentence: Span, source_tokens: list[Token], sources: list[Actor],
                      ctx: ArticleContext, foreign: bool = False, struck: bool = False,
                      meeting: bool = False) -> Actor | None:
        """A target the grammar did not give: the known actor nearest the trigger in the same sentence,
        other than the source ("Macron recalled the envoys after Canberra ditched the deal"); of another
        state, for the types that only relate states (`foreign`); a state named as the place force fell on
        stands for its people (`struck`); what a meeting is about is no party to it (`meeting`)."""
        taken = {t.i for s in source_tokens for t in s.subtree} if source_tokens else set()
        # a second subject of the trigger is the source misparsed ("Sudan's paramilitary Rapid Support
        # Forces shelled ...": two nsubj), never its target
        taken |= {t.i for c in trigger.children if c.dep_ == "nsubj" for t in c.subtree}
        speaker, _ = modality_rules.attribution(trigger, sentence)
        if speaker is not None and not self.speaks_of_itself(trigger, speaker):
            taken |= {t.i for t in speaker.subtree}  # "..., the UN agency said": who tells of it is no party
            told = [c for c in speaker.head.children if c.dep_ in ("dobj", "dative") or (
                c.dep_ == "prep" and c.lower_ == "to")] if speaker.head.i != speaker.i else []
            taken |= {t.i for c in told if trigger not in c.subtree for t in c.subtree}  # "... told AFP": nor whom
        # "will not accept refugees if war starts in Iraq": a condition's places are not the act's parties
        taken |= {t.i for c in trigger.children if is_condition(c) for t in c.subtree}
        if meeting:  # "to attend a summit on the unrest in Iran": the topic
            taken |= {t.i for h in (trigger, trigger.head) for c in h.children if c.dep_ == "prep"
                      and c.lower_ in ("on", "about", "regarding", "concerning", "over") for t in c.subtree}
        best, best_distance = None, None
        for ent in entities(sentence.doc):
            if ent.start < sentence.start or ent.end > sentence.end:
                continue
            if not ent.ent_id_ or ent.start in taken or ent.label_ not in ("GPE", "NORP", "ORG", "PERSON"):
                continue
            if ent.label_ == "NORP" and ent.root.head.lemma_.lower() in TONGUES:
                continue  # "restrictions on the Russian language": a language, not its state
            doc = sentence.doc
            if ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ in HOLDING_WORDS:
                continue  # "the Israeli-occupied sector": who holds a place, no party to the act
            entry = self.linker.kb.entries.get(ent.ent_id_)
            if entry is None or entry.kind == "city":
                continue
            named = ent.root
            while named.dep_ == "compound" and named.head.i != named.i:
                named = named.head
            if named.lemma_.lower() in MISHAPS:  # "victims of the Malaysia Airlines flight crash": no party
                continue
            if entry.kind == "seat" and named is not ent.root and named.lemma_.lower() in PLACE_LABELLED:
                continue  # "the Doha process", "the Minsk agreements": a city naming a process, not its state
            if in_participle(ent.root, trigger):  # "executed a man convicted of spying for Israel": who he is
                continue
            distance = abs(ent.root.i - trigger.i)
            if best_distance is not None and distance >= best_distance:
                continue
            actor = self.linker.link(ent.root, ctx, sources[0]) if ent.root.ent_id_ else None
            if actor is None or actor.country is None or any(same_actor(actor, s) for s in sources):
                continue
            if struck:
                actor = self.people_of_place(ent.root, actor)
            if any(actor.country == s.country and (foreign or actor.code == s.code) for s in sources):
                continue
            best, best_distance = actor, distance
        return best

    def people_of_place(self, token: Token, actor: Actor) -> Actor:
        """The people (CVL) of a state named as the place force fell on; any other actor as it is."""
        if actor.agent == "GOV" and actor.country and self.linker.is_state(actor.country) \
                and self.is_place_struck(token):
            return self.linker.state_actor(actor.country, "CVL", actor.text)
        return actor

    def is_place_struck(self, token: Token) -> bool:
        """A state or its city named as the place force fell on ("in the east of the Gaza Strip", "lines
        leading into Kabul"), not as a party ("attacked Ukraine", "Moscow said")."""
        entry = self.linker.kb.entries.get(token.ent_id_) if token.ent_id_ else None
        if entry is None or entry.kind not in ("country", "seat", "city") or token.ent_type_ == "NORP":
            return False
        hop = token
        while hop.dep_ == "appos" and hop.head.i != hop.i:  # "in Kibati, Congo"
            hop = hop.head
        while hop.dep_ == "pobj" and hop.head.lower_ == "of" and hop.head.head.lemma_.lower() in \
                REGION_NOUNS | PLACE_PARTS and hop.head.head.dep_ == "pobj":
            hop = hop.head.head
        return hop.dep_ == "pobj" and hop.head.lower_ in ("in", "near", "across", "throughout", "inside", "into",
                                                            "outside", "around", "at")

    @staticmethod
    def speaks_of_itself(trigger: Token, speaker: Token) -> bool:
        """'The Kyrgyz border service said its forces were repelling Tajik attacks': the speaker is a party
        when what it says holds a possessive or object pronoun that can stand for it."""
        clause = trigger
        while clause.head.i != clause.i and clause.head.i != speaker.head.i:
            clause = clause.head
        if clause.head.i != speaker.head.i:
            return False
        return any(t.lower_ in SPEAKER_PRONOUNS and t.dep_ in ("poss", "dobj", "pobj") for t in clause.subtree)

    def link_all(self, tokens: list[Token], avoid: Actor | None, ctx: ArticleContext) -> list[Actor]:
        out = []
        for t in tokens:
            if t.pos_ == "PRON" and t.lower_ in ("it", "its"):
                actor = self.resolve_it(t, avoid, ctx) or self.antecedent(t, avoid, ctx)
            else:
                actor = self.link_token(t, ctx, avoid)
            if actor is None and t.pos_ in ("NOUN", "PROPN") and t.ent_iob_ == "O":
                owner = next(iter(self.owners(t)), None)  # "a blockade on Palestinian lorries": whose lorries
                actor = self.link_token(owner, ctx, avoid) if owner is not None else None
                t = owner if actor is not None else t
            if actor is not None and actor.country is None and not actor.kb_id and not actor.agent \
                    and names_a_place(t):
                state = self.linker.clause_place_state(t) or ctx.focus_country  # "shelled the village of
                if self.linker.is_state(state):  # Mortlu in Latakia province": a place in Syria
                    actor = self.linker.state_actor(state, None, actor.text)
            if actor is not None:
                out.append(actor)
                out += self.co_owners(t, actor, ctx)
        return out

    def link_token(self, token: Token, ctx: ArticleContext, avoid: Actor | None = None) -> Actor | None:
        actor = None
        if token.dep_ == "poss" and token.pos_ == "PRON":  # "Hamas signalled its rejection": the clause's subject
            actor = self.linker.possessor(token.head, ctx, avoid)
            if actor is not None and avoid is not None and same_actor(actor, avoid):
                actor = None  # "X reinforced their positions": as a target, the pronoun names the other side
            actor = replace(actor, text=token.text) if actor is not None else None
        if actor is None and token.lower_ == "it" and token.dep_ == "nsubj" and token.head.dep_ == "relcl":
            subject = next((c for c in token.sent.root.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
            if subject is not None and subject.i < token.i:  # "the military set up a post under a deal which it
                found = self.linker.link(subject, ctx, avoid)  # agreed with Iran": the clause's subject
                actor = replace(found, text=token.text) if found is not None else None
        actor = actor or self.linker.link(token, ctx, avoid)
        if actor is None and token.lower_ in PRONOUN_LABELS:
            actor = self.antecedent(token, avoid, ctx)
        if actor is None or not actor.country and not actor.kb_id:
            # "their respective governments", with "their" named earlier in the text only
            owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in PRONOUN_LABELS), None)
            role = self.linker.role_noun(token) if owner is not None else None
            found = self.antecedent(owner, avoid, ctx) if role is not None else None
            if found is not None and found.country and self.linker.is_state(found.country):
                actor = self.linker.state_actor(found.country, role.agent, token.text)
        return actor

    def co_owners(self, token: Token, actor: Actor, ctx: ArticleContext) -> list[Actor]:
        """'US and British activists', 'the embassies of Rwanda, Uganda and Kenya': the same kind of
        party for each coordinated state in the phrase."""
        if actor.country is None or token.pos_ == "PRON":
            return []
        out = []
        words = self.linker.phrase(token)
        plural_owner = next((w for w in words if w.dep_ == "poss" and w.lower_ == "their"), None)
        if plural_owner is not None:  # "Ireland and Norway ... their governments": the antecedent's partners
            start = plural_owner.sent.start
            start = plural_owner.doc[start - 1].sent.start if start > 0 else start
            named = [w for w in plural_owner.doc[start:plural_owner.i] if w.ent_id_ and w.conjuncts
                     and getattr(self.linker.kb.entries.get(w.ent_id_), "country", None) == actor.country]
            words = words + named[-1:]
        for word in words:
            if word.i == token.i or not word.ent_id_:
                continue
            for other in word.conjuncts:
                entry = self.linker.kb.entries.get(other.ent_id_) if other.ent_id_ else None
                if entry is None or entry.kind not in ("country", "seat") or entry.country == actor.country:
                    continue
                same_name = actor.kb_id is None and actor.name not in (actor.text, self.linker.kb.entries.get(
                    f"country:{actor.country}", actor).name)  # a person's own name stays; a state's is replaced
                out.append(Actor(f"{other.text} {token.text}", actor.name if same_name else entry.name,
                                 self.linker.code(entry.country, actor.agent), entry.country, actor.agent,
                                 entry.kb_id if actor.kb_id else None))
        return out

    def antecedent(self, pronoun: Token, avoid: Actor | None, ctx: ArticleContext) -> Actor | None:
        """The nearest earlier named actor a pronoun can stand for ("Switzerland said it had expelled"),
        looking back through its own and the two previous sentences."""
        labels = PRONOUN_LABELS.get(pronoun.lower_, ())
        doc = pronoun.doc
        start = pronoun.sent.start
        for _ in range(2):
            if start > 0:
                start = doc[start - 1].sent.start
        for ent in reversed([e for e in entities(doc) if start <= e.start and e.end <= pronoun.i]):
            if ent.label_ not in labels or not ent.ent_id_:
                continue
            entry = self.linker.kb.entries.get(ent.ent_id_)
            if entry is None or entry.kind == "city" or (pronoun.lower_ in ("it", "its") and entry.kind == "person"):
                continue
            actor = self.linker.link(ent.root, ctx)
            if actor is not None and actor.country and not (avoid is not None and same_actor(actor, avoid)):
                return replace(actor, text=pronoun.text)
        return None

    @staticmethod
    def pairs(sources: list[Actor], targets: list[Actor], ptype: str | None) -> list[tuple[Actor, Actor | None]]:
        """One event per (source, target) pair; "A and B met" is one symmetric event A→B."""
        if not targets and ptype in SYMMETRIC_TYPES and len(sources) > 1:
            return [(a, b) for i, a in enumerate(sources) for b in sources[i + 1:] if not same_actor(a, b)]
        if not targets:
            return [(s, None) for s in sources]
        found, seen = [], set()
        sides: dict[str, set[str | None]] = {}
        for t in targets:
            sides.setdefault(t.country, set()).add(side_of(t))
        for (k, s), t in product(enumerate(sources), targets):
            if same_actor(s, t) or (s.code and s.code == t.code):  # a party does not act on itself
                continue
            if ptype in FOREIGN_TYPES and s.country and s.country == t.country \
                    and s.agent in STATE_AGENTS and t.agent in STATE_AGENTS:
                continue
            if ptype == "SANCTION" and s.country and s.country == t.country and t.kb_id is None \
                    and t.agent in ("CVL", None) and s.agent in STATE_AGENTS:
                continue  # "sanctions on 37 people": a state's sanctions are on foreigners, unnamed ones
            # "the government and the rebels in Darfur must ...": one act on each side
            side = side_of(t) if on_both_sides(sides[t.country]) else None
            if t.country and (k, t.country, side) in seen:
                continue  # "sanctions on Belarusian officials and judges": one act against one state
            seen.add((k, t.country, side))
            found.append((s, t))
        return found

    def place_before(self, pronoun: Token) -> Actor | None:
        """The people (CVL) of the city or state named last before an attacked 'it' in its sentence."""
        for ent in reversed([e for e in entities(pronoun.doc) if pronoun.sent.start <= e.start and e.end <= pronoun.i]):
            entry = self.linker.kb.entries.get(ent.ent_id_) if ent.ent_id_ else None
            if entry is not None and entry.kind in ("city", "seat") and ent.label_ == "GPE" and entry.country \
                    and self.linker.is_state(entry.country):
                return self.linker.state_actor(entry.country, "CVL", pronoun.text)
        return None

    def resolve_it(self, token: Token, avoid: Actor | None, ctx: ArticleContext) -> Actor | None:
        """'it': an earlier object or subject in the same sentence, else in the previous one, or the actor
        owning it ("Belarus' initiative", "a Filipino supply vessel")."""
        doc = token.doc
        sent = token.sent
        if token.dep_ in ("nsubjpass", "dobj") and any(cameo(p.cameo).plover == "ASSAULT"
                                                       for p in self.candidates(token.head)):
            place = self.place_before(token)  # "access to the injured in Misrata after it was shelled": the town
            if place is not None:
                return place
        candidates = [t for t in sent if t.i < token.i and t.dep_ in ("dobj", "nsubjpass") and t.pos_ != "PRON"]
        candidates.reverse()
        previous = doc[sent.start - 1].sent if sent.start > 0 else None
        if previous is not None:
            if previous.root.pos_ == "PROPN":  # "Ecowas, as the bloc is known, imposed ...": parsed as the root
                candidates.append(previous.root)
            candidates += [c for c in previous.root.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")]
        for candidate in candidates:
            actor = self.linker.link(candidate, ctx)
            if actor is None:
                owners = self.owners(candidate)
                actor = self.linker.link(owners[0], ctx) if owners else None
            if actor is not None and not (avoid is not None and same_actor(actor, avoid)):
                return replace(actor, text=token.text)
        return None
