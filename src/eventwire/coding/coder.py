"""The event coder: from a parsed article to coded event drafts (type, actors, modality, provenance).

For each trigger word that a pattern knows, the coder finds the source and target in the dependency
parse (subjects, objects, prepositional objects, passive agents, possessives, and, when a clause has
no subject of its own, the subject of the clause it depends on), links them to actors, and reads
negation, modality and attribution. Dates and places are added by later stages.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from eventwire.actors.link import PLACE_PREPS, ActorLinker, ArticleContext
from eventwire.coding import modality as modality_rules
from eventwire.coding.grammar import (
    AIMED_TYPES, AIRCRAFT, AMOUNTS, ARMED, ARRIVING, BACKDROP_MARKS, BACKDROP_PREPS, BACKING, BODIES, BORDERS,
    COMMITMENTS, COMPLEMENT_TAKERS, CONSEQUENCES, CONTENT_TYPES, COUNTED_CROWDS, CROWDS, CROWD_GATHERING, DEEDS,
    DISSENTERS, DOMESTIC_TARGET_TYPES, ENDING_VERBS, EXPLOSIVES, EXPULSIONS, FIGHTS, FOREIGN_TYPES, GATHERING_VERBS,
    HOSTILE_INTENTS, INQUIRING, MISHAPS, MUTUAL_VERBS, NEGATIVE, OBLIGATION, OUTBREAK_VERBS, PARTITIVES, PENALTIES,
    PLANNED_CODES, PLANNED_RETYPE, POSITIVE, QUANTITY_WORDS, READINESS, READY, REFUSABLE, RELATIONAL_TYPES,
    RELIEF_AIMS, RELIEF_MEANS, REPORTS, SAID_CONTENT, SENDING, SHIELDING, STANCES, STATEMENTS, STATE_AGENTS,
    STATIVE_VERBS, SUFFERING, TAKING, TRIGGER_POS, TROOPS, UNDIRECTED_TYPES, VERDICT, VERDICT_VERBS, WAR_MEANS,
    WEAPONS, counted, crowd_words, direct_objects, evidence_span, expand, expulsion_for, hyphen_word,
    is_absolute_passive, is_alleged, is_captive_state, is_characterisation, is_characterising_clause, is_readied,
    is_setting, is_stative_passive, is_title, lemma_guesses, means_of, names_a_place, passive_objects,
    reduced_relative_main, sent_ones, shares_passive, split_hyphen_word,
)
from eventwire.coding.ontology import SYMMETRIC_TYPES, cameo
from eventwire.coding.parties import PartyFinder, same_actor
from eventwire.coding.patterns import Pattern, PatternIndex
from eventwire.nlp import CALENDAR
from eventwire.records import Actor, Modality, Quantity

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Draft:
    """A coded event before its date and place are resolved."""

    trigger: Token
    pattern: Pattern
    type: str | None
    mode: str | None
    cameo: str
    source: Actor
    target: Actor | None
    modality: Modality
    negated: bool
    attribution: str | None
    quantity: Quantity | None
    span: tuple[int, int]
    confidence: float


class EventCoder(PartyFinder):
    def __init__(self, patterns: PatternIndex, linker: ActorLinker) -> None:
        self.patterns = patterns
        self.linker = linker

    # ---- triggers ------------------------------------------------------------------------------
    def fits(self, token: Token, pattern: Pattern) -> bool:
        objects = direct_objects(token) or passive_objects(token) or sent_ones(token)  # "evidence was presented"
        inner = [p for o in objects for c in o.children if c.dep_ == "prep" and (c.lower_ == "of" or (
                 c.lower_ == "in" and (o.lemma_.lower() in AMOUNTS or o.like_num)))
                 for p in c.children if p.dep_ == "pobj"]  # "delivering 1,300 tonnes of food", "$10 million in aid"
        partitive = [p for o in objects if o.lemma_.lower() in PARTITIVES for c in o.children
                     if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        named = objects + inner
        # "photographs and intelligence"
        named += [c for o in objects if o.pos_ == "NOUN" for c in o.conjuncts if c.pos_ == "NOUN"]
        named += [c for o in objects for c in o.children  # "Malaysia Airlines flight MH17"
                  if c.dep_ == "appos" and c.pos_ == "NOUN"]
        named += [c for c in token.children if c.dep_ in ("xcomp", "oprd") and c.pos_ == "NOUN"]  # "took X hostage"
        named += [c for o in objects + partitive for c in o.children  # "(part of) its military aid program"
                  if c.dep_ == "compound" and c.i < o.i]
        object_lemmas = {o.lemma_.lower() for o in named} | {o.lower_ for o in named}
        object_lemmas |= {w for w in map(hyphen_word, named) if w}
        object_lemmas |= {w for o in objects for c in o.children if c.dep_ in ("nmod", "compound", "amod")
                          for w in [split_hyphen_word(c)] if w}  # "a sit-in outside the headquarters", misparsed
        if pattern.particle:
            parts = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "advmod")}
            parts |= {m.lower_ for c in token.children if c.dep_ == "advcl"  # "called for X to stay calm"
                      for m in c.children if m.dep_ == "mark" and m.i < c.i}
            if pattern.particle not in parts:
                return False
        elif token.lemma_.lower() == "swear" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "in":
            return False  # "swore in the new cabinet": an inauguration, not a pledge
        if pattern.object and not (object_lemmas & pattern.object or (
                not direct_objects(token) and self.object_via_prep(token, pattern))):
            return False  # ("captured Saddam near the village of his birth": Saddam was captured, not the village)
        if pattern.not_object and object_lemmas & pattern.not_object:
            return False
        if pattern.modifier:
            mods = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod")} | \
                {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
            if token.head.dep_ == "compound":  # "phone call" parsed with call as compound head
                mods.add(token.head.lower_)
            mods |= {p.lemma_.lower() for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"}  # "an exchange of 206 prisoners"
            mods |= {p.lower_ for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"}
            if not mods & pattern.modifier:
                return False
        if pattern.actor_object and not any(self.is_actorish(o) for o in objects):
            return False
        if pattern.to_clause and not any(c.dep_ in ("xcomp", "ccomp", "advcl") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in token.children):
            return False
        if pattern.evaluative and not any(
                (c.dep_ in ("oprd", "attr") and c.ent_type_ not in ("PERSON", "GPE", "ORG", "NORP"))
                or (c.dep_ == "prep" and c.lower_ == "as") for c in token.children):
            return False
        return True

    def object_via_prep(self, token: Token, pattern: Pattern) -> bool:
        """'Withdraw from the treaty': the pattern's object as the object of the verb's preposition."""
        for prep in (c for c in token.children if c.dep_ in ("prep", "prt")):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if pobj.lemma_.lower() in pattern.object:
                    return True
        return False

    @staticmethod
    def is_background(trigger: Token) -> bool:
        """'Belarus remains under sanctions': a standing state, not an event."""
        head = trigger.head
        return trigger.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in STATIVE_VERBS

    # ---- coding --------------------------------------------------------------------------------
    def code_sentence(self, sentence: Span, ctx: ArticleContext) -> list[Draft]:
        drafts: list[Draft] = []
        absorbed: set[int] = set()
        for token in sentence:
            if token.i in absorbed or token.pos_ not in TRIGGER_POS:
                continue
            candidates = self.candidates(token)
            expulsion = expulsion_for(token)
            if expulsion is not None:  # "ordered four diplomats to leave the country": not a mere demand
                candidates = [expulsion]
            if not candidates and self.is_obligation(token):  # "X said Y must ..." is a demand on Y
                candidates = [OBLIGATION]
            if not candidates and self.consequence_clause(token) is not None:  # "warned Y would pay a price"
                candidates = [CONSEQUENCES]
            if not candidates and self.verdict_subjects(token):  # "X said the decree was illegal"
                candidates = [VERDICT]
            adjectival = token.tag_ == "VBN" and token.lower_ in READINESS and is_stative_passive(token)
            if (not candidates or adjectival) and token.lemma_.lower() in READINESS | {"commit"} \
                    and (token.dep_ in ("acomp", "amod", "ROOT") or adjectival) \
                    and any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "to") for c in token.children):
                candidates = [READY]  # "is ready to contribute troops", "is committed to": an intent to cooperate
            if not candidates or self.is_complement_of_trigger(token) or self.is_stopped(token) \
                    or is_alleged(token) or is_captive_state(token) or self.is_means_of(token, candidates):
                continue
            if self.is_protest_demand(token, candidates) or self.is_protest_purpose(token, candidates) \
                    or self.is_riot_damage(token, candidates) \
                    or is_setting(token) or is_title(token) or is_characterisation(token) \
                    or self.is_met_demand(token) or self.names_a_role(token):
                continue
            for pattern in candidates:
                found = self.code_trigger(token, pattern, sentence, ctx)
                if found:
                    if pattern.object:
                        absorbed.update(o.i for o in direct_objects(token))
                    drafts += found
                    break
        self.remember_subject(sentence, ctx)
        return drafts

    def remember_subject(self, sentence: Span, ctx: ArticleContext) -> None:
        """A sentence's subject is who a later "it" or "they" most likely means, even when the parse
        hides it ("Ecowas, as the bloc is known, imposed ... It demanded ...")."""
        root = sentence.root
        if root.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"):  # a name the parser took for the verb
            heads = [root]
        elif root.pos_ in ("VERB", "AUX"):
            heads = [c for c in root.children if c.dep_ == "nsubjpass"] or self.subjects(root)[0]
        else:
            heads = []
        for head in heads:
            if head.pos_ != "PRON" and self.is_actorish(head):
                self.linker.link(head, ctx, subject=True)

    def candidates(self, token: Token) -> list[Pattern]:
        """Every pattern the token meets, most specific first: the first that codes an event wins."""
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.tag_.startswith("VB")) or (
                token.pos_ == "ADJ" and token.lower_.endswith("ed") and any(c.dep_ == "dobj" for c in token.children)):
            index = self.patterns.verbs  # (a rare verb the tagger took for an adjective, with its object)
        elif token.pos_ in ("NOUN", "PROPN"):
            index = self.patterns.nouns
        else:
            return []
        found = next((index[w] for w in lemma_guesses(token) if w in index), [])
        return [p for p in found if self.fits(token, p)]

    def names_a_role(self, token: Token) -> bool:
        """'Riot police', 'aid workers': an event noun qualifying a role noun says who the people are, not
        that the event happened (but "a mediation mission", "a peace envoy" carry out what they name)."""
        if token.pos_ != "NOUN" or token.dep_ != "compound":
            return False
        role = self.linker.role_noun(token.head)
        return role is not None and role.agent not in ("GOV", "IGO")

    def is_complement_of_trigger(self, token: Token) -> bool:
        """'Invited diplomats to discuss', 'rejected North Korea's demand': the content of a request,
        an invitation or a rejection is part of that event, not an event of its own."""
        if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
            if self.candidates(token.head):
                return True  # "peace talks": the head noun names the event
            token = token.head  # "issued arrest warrants": an event of the verb whose object it qualifies
        if token.dep_ == "conj" and token.pos_ == "VERB" and token.head.pos_ == "VERB" and token.head.i != token.i:
            if self.is_complement_of_trigger(token.head):
                return True  # "refused to allow planes to land and evacuate observers": both are the content
        if token.dep_ == "conj" and token.pos_ == "NOUN" and token.head.pos_ == "NOUN":
            first = token.head  # "a treaty of friendship and cooperation": what the treaty is about
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            if first.dep_ == "pobj" and first.head.lower_ in ("of", "on", "for") and self.candidates(first.head.head):
                return True
        if token.dep_ == "advcl" and token.tag_ == "VBG" and self.asked_before(token):
            return True  # "call for lifting the siege; allowing access ...": each item of the list is asked
        noun = modality_rules.noun_content(token)
        if noun is not None:
            intended = noun.lemma_.lower() in modality_rules.INTENT_NOUNS  # (one made known: planned, see read())
            if intended and not self.intenders(noun) or not intended and any(
                    p.plover in SAID_CONTENT for p in self.candidates(noun)):
                return True  # "its demand that Israel ease", "a deal to free", "rejected a proposal to free"
        infinitive = token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        asked = token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children)
        if asked and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return True  # "calls for the government to step down": what is asked for, never a reported act
        if token.dep_ in ("xcomp", "ccomp", "pcomp") or infinitive or asked:  # ("pushed for the US to back it")
            head = token.head
        elif token.dep_ == "dobj" and token.pos_ in ("NOUN", "PROPN"):
            head = token.head
            if not self.candidates(head) and head.dep_ in ("advcl", "xcomp") and self.is_complement_of_trigger(head):
                return True  # "pushed for India to join the pact": the pact is what was asked for
        elif token.dep_ == "pobj" and token.head.lower_ in ("for", "to", "of", "on"):
            head = token.head.head
        else:
            return False
        if head.i == token.i or token.dep_ == "ccomp" and head.lemma_.lower() not in COMPLEMENT_TAKERS:
            return False
        if head.lemma_.lower() in GATHERING_VERBS:
            return False  # "converging for a rally": the rally is the event, the gathering its setting
        if infinitive and all(cameo(p.cameo).plover in DEEDS for p in self.candidates(head)) and self.has_own_aim(head):
            return False  # "broke into the embassy to arrest him": the purpose of a deed done to another is its own
        return any(p.kind == "verb" or (token.dep_ == "pobj" and cameo(p.cameo).plover in CONTENT_TYPES)
                   for p in self.candidates(head))  # (also "its rejection of Israel's proposal")

    def asked_before(self, clause: Token) -> bool:
        """Does the clause continue, after a comma or semicolon, a list of what a request asks for ("call for
        lifting the siege; allowing access for aid"), wherever the parser hung it?"""
        at = clause.left_edge.i
        doc = clause.doc
        if at < 2 or doc[at - 1].text not in (",", ";"):
            return False
        item = doc[at - 2]
        for above in modality_rules.governors(item):
            if above.dep_ == "pcomp" and above.tag_ == "VBG" and above.head.lower_ == "for":
                return any(p.plover == "REQUEST" for p in self.candidates(above.head.head))
        return False

    def has_own_aim(self, verb: Token) -> bool:
        """Does the deed name what it was done to ("broke into the embassy"), beyond the object words of
        its pattern ("opened fire" names nothing: "opened fire to disperse the crowd" is one event)?"""
        words = {w for p in self.candidates(verb) for w in p.object}
        if any(o.lemma_.lower() not in words and o.lower_ not in words for o in direct_objects(verb)):
            return True
        return any(c.dep_ == "prep" and c.lower_ in ("into", "through", "on", "at", "against") and
                   any(p.dep_ == "pobj" for p in c.children) for c in verb.children)

    @staticmethod
    def is_obligation(token: Token) -> bool:
        if token.pos_ != "VERB" or token.lemma_.lower() not in modality_rules.SPEECH_VERBS | {
                "reiterate", "stress", "declare", "insist", "conclude", "warn", "maintain"}:
            return False
        for clause in token.children:
            if clause.dep_ == "ccomp":
                aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
                if aux & {"must", "should"}:
                    return any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
        return False

    @staticmethod
    def consequence_clause(token: Token) -> Token | None:
        """'Warning that Tokyo would "bear all the consequences"', 'said Israel would pay a heavy price':
        the clause of what a party will suffer, told by a verb of speech."""
        if token.pos_ != "VERB" or token.lemma_.lower() not in modality_rules.SPEECH_VERBS | {"warn", "vow"}:
            return None
        return next((c for c in token.children if c.dep_ == "ccomp" and c.lemma_.lower() in SUFFERING
                     and any(a.dep_ == "aux" and a.lower_ in ("will", "would", "shall", "'ll") for a in c.children)
                     and any(s.dep_ == "nsubj" for s in c.children) and (c.lemma_.lower() in ("regret", "rue") or any(
                         o.lemma_.lower() in PENALTIES for o in direct_objects(c)))), None)

    @staticmethod
    def verdict_subjects(token: Token) -> list[Token]:
        """'Lee said the declaration was illegal and unconstitutional': the subjects of a condemning
        verdict told by a speech verb (what was condemned), or none."""
        if token.pos_ != "VERB" or token.lemma_.lower() not in modality_rules.SPEECH_VERBS:
            return []
        for clause in (c for c in token.children if c.dep_ == "ccomp" and c.lemma_.lower() in VERDICT_VERBS):
            said = [c for c in clause.children if c.dep_ in ("acomp", "attr")]
            if clause.lemma_.lower() != "be":  # "constituted unacceptable behaviour": the verdict is the object's
                said = [m for o in direct_objects(clause) for m in [o, *o.children] if m.dep_ in ("dobj", "amod")]
            said += [x for c in said for x in c.conjuncts]
            if any(c.lower_ in NEGATIVE for c in said) and not any(c.dep_ == "neg" for c in clause.children):
                return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
        return []

    @staticmethod
    def is_stopped(token: Token) -> bool:
        """'Committing to stop all fighting', 'an end to the war': not an event that happened."""
        while token.dep_ == "compound" and token.head.pos_ == "NOUN":
            token = token.head  # "ended mediation efforts": what the efforts' noun names is ended too
        while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ in ("dobj", "pobj"):
            token = token.head.head  # "blocking a package of aid": the package is what is blocked
        head = token.head
        if token.dep_ in ("dobj", "xcomp") and head.lemma_.lower() in ENDING_VERBS:
            return True
        if token.dep_ == "nsubjpass" and head.lemma_.lower() in ENDING_VERBS - {"deny", "fear", "risk", "warn"}:
            return True  # "Putin's planned visit was cancelled", "the talks were halted"
        if token.dep_ == "pobj" and head.lower_ in ("to", "from", "of") and head.head.lemma_.lower() in ENDING_VERBS:
            return True
        if token.dep_ == "pobj" and head.lower_ == "from" and head.head.lemma_.lower() in SHIELDING:
            return True  # "patrol the zone to protect the Kurds from attacks by the army": what is warded off
        return False

    @staticmethod
    def is_met_demand(token: Token) -> bool:
        """'Until their political demands are met': a demand named as met or unmet is a condition, not
        the act of demanding."""
        return token.pos_ == "NOUN" and token.dep_ in ("nsubjpass", "nsubj") and \
            token.head.lemma_.lower() in ("meet", "satisfy", "fulfil", "fulfill", "address", "heed", "grant")

    def is_protest_demand(self, token: Token, candidates: list[Pattern]) -> bool:
        """'Thousands demonstrated in Kirkuk calling for independence', 'protesters demanding her resignation':
        what a protest demands is told as the protest's purpose, part of that one event."""
        if not any(cameo(p.cameo).plover == "REQUEST" for p in candidates):
            return False
        if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in ("press", "push", "voice"):
            token = token.head  # "blocked roads to press their demands": the demands, through their verb
        if token.tag_ not in ("VBG", "VB"):
            return False
        if token.dep_ == "acl" and token.head.lemma_.lower() in CROWDS:
            return True
        if token.dep_ not in ("advcl", "xcomp", "conj", "acl"):
            return False
        head = token.head
        return any(cameo(p.cameo).plover == "PROTEST" for p in self.candidates(head)) or any(
            cameo(p.cameo).plover == "PROTEST" for o in direct_objects(head) for p in self.candidates(o))

    def is_riot_damage(self, token: Token, candidates: list[Pattern]) -> bool:
        """'Prisoners rioted, setting fire to their mattresses': the damage a riot does, told by a
        participle of the riot's verb, is that riot, not an attack of its own."""
        if token.tag_ != "VBG" or token.dep_ not in ("advcl", "conj") or not any(
                p.cameo == "1712" for p in candidates):
            return False
        return any(cameo(p.cameo).plover == "PROTEST" for p in self.candidates(token.head))

    def is_protest_purpose(self, token: Token, candidates: list[Pattern]) -> bool:
        """'Continuing a hunger strike in protest of the refusal': "in protest" tells why the strike is
        held, one protest coded once, by the strike."""
        if token.pos_ != "NOUN" or token.dep_ != "pobj" or token.head.lower_ != "in" or not any(
                cameo(p.cameo).plover == "PROTEST" for p in candidates):
            return False
        held = token.head.head
        return any(cameo(p.cameo).plover == "PROTEST" for w in [held, *direct_objects(held)]
                   for p in self.candidates(w))

    def is_means_of(self, token: Token, candidates: list[Pattern]) -> bool:
        """'A U.S. air strike in Baghdad killed Soleimani': the strike is the killing's means, one attack
        coded once, by the verb that names its victim (`candidates`: the token's own patterns)."""
        head = token.head
        if token.pos_ == "NOUN" and token.dep_ == "pobj" and head.lower_ == "by" and head.dep_ == "agent" and \
                head.head.lemma_.lower() in BACKING and any(cameo(p.cameo).plover == "ASSAULT" for p in candidates):
            return True  # "an offensive backed by Russian air strikes": support of another's fight, no target told
        if token.pos_ == "NOUN" and token.dep_ == "pobj" and head.dep_ == "agent":
            head = head.head  # "Aleppo was hit by Russian air strikes": the strikes, told by the verb
        elif token.pos_ == "NOUN" and token.dep_ == "pobj" and head.lower_ in ("in", "during") and \
                head.head.pos_ == "VERB" and head.head.lemma_.lower() in ("kill", "wound", "injure") and \
                token.lemma_.lower() not in FIGHTS:
            head = head.head  # "killed 250 militants during their air raids", "killed in Russian raids": one attack
            return any(cameo(p.cameo).plover in ("ASSAULT", "COERCE") for p in candidates) \
                and bool(self.candidates(head))
        elif token.pos_ != "NOUN" or token.dep_ != "nsubj" or head.pos_ != "VERB":
            return False
        if any(cameo(p.cameo).plover == "MOBILIZE" for p in candidates) and head.lemma_.lower() in ARRIVING:
            return True  # "the first deployment of NATO troops arrived in Bosnia": one arrival, told by the verb
        return any(cameo(p.cameo).plover == "ASSAULT" for p in candidates) \
            and any(cameo(p.cameo).plover == "ASSAULT" for p in self.candidates(head))

    def complement(self, trigger: Token) -> Token | None:
        """The clause a trigger takes as its content ("agreed to lift", "demanded that X cancel")."""
        for child in trigger.children:
            infinitive = child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            if child.dep_ in ("xcomp", "ccomp") or infinitive:
                return child
            if child.dep_ == "prep" and child.lower_ == "to":  # "committed to opening up the economy"
                clause = next((c for c in child.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None)
                if clause is not None:
                    return clause
        return None

    def code_trigger(self, trigger: Token, pattern: Pattern, sentence: Span, ctx: ArticleContext) -> list[Draft]:
        receivers: list[Token] = []
        if pattern.kind == "verb":
            source_tokens, inherited = self.subjects(trigger)
            if (any(c.dep_ == "auxpass" for c in trigger.children) or shares_passive(trigger)) and not any(
                    c.dep_ == "agent" for c in trigger.children) and pattern is not READY \
                    and not (trigger.lower_ in STANCES and is_stative_passive(trigger)):
                source_tokens, inherited = [], False  # (but "X is committed to ..." is X's own stance)
            if reduced_relative_main(trigger) is not None or is_characterising_clause(trigger):
                return []
            if trigger.lemma_.lower() == "occupy" and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
                return []  # "farmland occupied by the rebels": who holds the land, not an event
            if is_absolute_passive(trigger):
                receivers, source_tokens = source_tokens, []  # "with five civilians injured": the victims
            sent = self.linker.role_noun(trigger.head) if not source_tokens and sent_ones(trigger) else None
            if sent is not None and sent.agent in ("MIL", "COP"):
                source_tokens = [trigger.head]  # "police officers sent to Haiti": their state sent them
            if len(source_tokens) == 1 and self.is_the_two(source_tokens[0]) and not self.targets(trigger, pattern) \
                    and self.code_for(trigger, pattern)[1] in SYMMETRIC_TYPES:
                two = self.last_two_states(ctx)  # "The two leaders agreed to set up a committee": with each other
                if len(two) == 2:  # (but "both presidents condemned the attack": not each other)
                    return self.code_between(trigger, pattern, source_tokens, sentence, ctx, two)
            if pattern.source == "from":  # "received weapons from X": X gave them to the subject
                receivers = source_tokens
                source_tokens = [p for h in [trigger] + direct_objects(trigger) for c in h.children
                                 if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"]
        else:
            if self.is_background(trigger):
                return []
            source_tokens, inherited = self.noun_sources(trigger, pattern)
            if not source_tokens:
                source_tokens, receivers = self.receiving_roles(trigger)
            if not source_tokens or all(t.lower_ in ("both", "they", "two") for t in source_tokens):
                parties = self.between(trigger)
                if len(parties) >= 2 and not source_tokens:  # "an exchange of prisoners between Russia and Ukraine"
                    return self.code_between(trigger, pattern, parties, sentence, ctx)
                # "both signed agreements between their countries"
                if len(parties) == 1 and self.is_the_two(parties[0]):
                    return self.code_between(trigger, pattern, parties, sentence, ctx, self.last_two_states(ctx))
        code, ptype, mode = self.code_for(trigger, pattern)
        if code is None:
            return []
        if trigger.lemma_.lower() == "strike" and (code == "143" or ptype == "ASSAULT") and any(
                t.lemma_.lower() in WEAPONS or getattr(self.linker.role_noun(t), "agent", None) in ARMED
                for t in source_tokens):  # "four suicide bombers struck in Maiduguri": an attack, not a walkout
            words = {w.lemma_.lower() for t in source_tokens for w in t.subtree}
            if "suicide" in words:
                code, ptype, mode = "1831", "ASSAULT", "suicide-attack"
            elif words & AIRCRAFT:
                code, ptype, mode = "195", "ASSAULT", "aerial"
            elif words & EXPLOSIVES:  # "two car bombs struck Kerbala"
                code, ptype, mode = "183", "ASSAULT", cameo("183").mode
            elif ptype != "ASSAULT":
                code, ptype, mode = "190", "ASSAULT", None
        if ptype == "ASSAULT" and code in ("1823", "190", "182") and source_tokens and all(
                t.lemma_.lower() in EXPLOSIVES for t in source_tokens) and not {
                w.lemma_.lower() for t in source_tokens for w in t.subtree} & AIRCRAFT:
            code, mode = "183", cameo("183").mode  # "a series of car bombs killed 42 people": a bombing
        if trigger.lemma_.lower() in ("shoot", "fire") and ptype == "ASSAULT" and pattern.kind == "verb" and (any(
                c.dep_ == "ccomp" for c in trigger.children) or any(
                c.dep_ == "prep" and c.lower_ in ("in", "into") and any(p.lower_ == "air" for p in c.children)
                for c in trigger.children)):
            return []  # "Obama shot back that ...": a retort; "shot in the air": at no one
        if code == "150" and pattern.kind == "verb" and any(
                c.dep_ == "prep" and c.lower_ in ("at", "on", "against", "toward", "towards") and any(
                    p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME") and p.lower_ not in CALENDAR
                    and not p.like_num for p in c.children)
                for c in trigger.children):
            return []  # "fired missiles at a well": aimed at something, an attack or nothing, not a show of force
        if ptype == "PROTEST" and trigger.lemma_.lower() == "demonstrate" and any(
                c.dep_ in ("ccomp", "dobj") for c in trigger.children):
            return []  # "the two presidents demonstrated they were still on friendly terms", "demonstrated
            # their flair": showed
        if ptype == "PROTEST" and trigger.lemma_.lower() in CROWD_GATHERING and not pattern.object and not any(
                w.lemma_.lower() in DISSENTERS for t in source_tokens for w in t.subtree):
            return []  # "leaders gathered in Brussels": a crowd of protesters gathering protests, others meet
        if ptype == "PROTEST" and trigger.lemma_.lower() in CROWD_GATHERING and any(
                cameo(p.cameo).plover in DEEDS | {"PROTEST"} for c in trigger.conjuncts for p in self.candidates(c)):
            return []  # "gathered in Gombe and targeted the embassies": one protest, told by what it did
        if ptype == "MOBILIZE" and pattern.kind == "verb" and (any(
                c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in RELIEF_AIMS for c in trigger.children) or any(
                o.lemma_.lower() in RELIEF_MEANS for o in direct_objects(trigger)) or any(
                c.dep_ == "prep" and c.lower_ == "for" and any(p.lemma_.lower() in RELIEF_MEANS | RELIEF_AIMS or any(
                    m.lemma_.lower() in RELIEF_MEANS for m in p.children) for p in c.children)
                for h in [trigger] + direct_objects(trigger) for c in h.children)):
            return []  # "the army mobilised to help rescue residents", "... its personnel for relief efforts"
        if ptype == "AID" and trigger.lemma_.lower() in SENDING and any(
                c.dep_ == "advcl" and c.lemma_.lower() in INQUIRING for c in trigger.children):
            code, ptype, mode = "090", "ACCUSE", "investigate"  # "sent 21 staff to Bosnia to investigate ..."
        if ptype == "PROTEST" and pattern.kind == "verb" and trigger.lemma_.lower() == "protest" and (any(
                c.dep_ == "ccomp" for c in trigger.children) or (direct_objects(trigger) and source_tokens and all(
                t.ent_type_ == "GPE" for t in source_tokens))) and not any(
                w in CROWDS for t in source_tokens for w in crowd_words(t)):
            code, ptype, mode = "114", "ACCUSE", "disapprove"  # "Russia protested that ...", "Canada protested
            # the detention of two Canadians": words, not a rally
        if ptype == "CONSULT" and pattern.kind == "verb" and source_tokens and all(
                t.lemma_.lower() in BODIES for t in source_tokens) and not any(
                c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children) and not any(
                self.is_actorish(o) for o in direct_objects(trigger)):
            return []  # "Israel's cabinet met on Sunday": a body meeting by itself (not "hosted a delegation")
        if ptype == "CONSULT" and pattern.kind == "verb" and any(
                w.lemma_.lower() in TROOPS for t in source_tokens for w in t.subtree):
            if not any(w.lower_.startswith("peacekeep") for t in source_tokens for w in t.subtree):
                return []  # "troops arrived in the border town": a deployment, not a visit
            code, ptype, mode = "074", "AID", None  # "NATO peacekeeping troops arrived in Bosnia"
        if any(t.lower_ == "other" and any(c.lower_ == "each" for c in t.children) for t in direct_objects(trigger)) \
                and len(source_tokens) >= 2:  # "A and B accused each other": both directions
            return self.code_between(trigger, pattern, source_tokens, sentence, ctx)
        if trigger.lemma_.lower() in MUTUAL_VERBS and source_tokens and pattern.kind == "verb" \
                and not any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children):
            # "A and B exchanged fire", "Indian and Pakistani troops traded fire": each on the other
            linked = [(t, a) for t, a in ((t, self.link_token(t, ctx)) for t in source_tokens) if a is not None]
            mutual = [a for _, a in linked] + [o for t, a in linked for o in self.co_owners(t, a, ctx)]
            if len(mutual) >= 2:
                return self.code_between(trigger, pattern, source_tokens, sentence, ctx, mutual)

        if len(source_tokens) >= 2 and pattern.kind == "verb" and not self.targets(trigger, pattern) and any(
                c.dep_ == "poss" and c.lower_ == "their" for o in direct_objects(trigger) for c in o.children):
            return self.code_between(trigger, pattern, source_tokens, sentence, ctx)  # "A and B upgraded their ties"
        own_targets = receivers + ([] if pattern.source == "from" else self.targets(trigger, pattern))
        target_tokens = [t for t in own_targets if t not in source_tokens]
        # "fired tear gas to disperse the protesters": one act, done to those dispersed
        if not target_tokens and pattern.kind == "verb" and pattern.plover in ("ASSAULT", "COERCE"):
            target_tokens = [o for c in trigger.children if c.dep_ == "advcl" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and self.is_complement_of_trigger(c)
                for o in direct_objects(c) for m in [counted(o)[0]] if self.is_actorish(m)]
        handed: list[Token] = []  # "X was extradited to the US": X is no party, but X's state acts
        if pattern.source == "target" and pattern.no_object_target and not source_tokens \
                and any(c.dep_ == "auxpass" for c in trigger.children):
            handed = expand([c for c in trigger.children if c.dep_ == "nsubjpass"])
            target_tokens = [t for t in target_tokens if t not in handed]
        sources = [(t, self.link_token(t, ctx)) for t in source_tokens]
        sources = [(t, a) for t, a in sources if a is not None]
        sources += [(t, other) for t, a in list(sources) for other in self.co_owners(t, a, ctx)]
        source_actors = [a for _, a in sources]
        avoid = source_actors[0] if source_actors else None
        targets = self.link_all(target_tokens, avoid, ctx)
        if ptype == "ASSAULT" and len(targets) == len(target_tokens):  # "killed in shelling in the east of the
            targets = [self.people_of_place(t, a) for t, a in zip(target_tokens, targets)]  # Gaza Strip": its people
        if pattern.source == "target" and source_actors and self.linker.is_state(source_actors[0].country):
            s0 = source_actors[0]  # "arrested two generals", "Greek police arrested three men": its own people
            targets = [replace(t, name=t.text, country=s0.country, code=s0.country + t.agent)
                       if t.agent and not t.country and not t.kb_id else t for t in targets]
        stateless = [t for t in targets if not t.country and not t.kb_id]
        targets = [t for t in targets if t not in stateless]  # an unknown name: look further first
        def is_own(t: Actor) -> bool:  # ("ordered patrols by police": the state's own forces, mobilised)
            return ptype in FOREIGN_TYPES | {"MOBILIZE"} and bool(source_actors) and all(
                s.country and s.country == t.country and s.agent in STATE_AGENTS and t.agent in STATE_AGENTS
                for s in source_actors)
        own = [t for t in targets if is_own(t)]
        targets = [t for t in targets if t not in own]  # "Australia sent 66 police officers": its own, not a party
        indirect = False
        if not targets and ptype == "REQUEST" and any(t.agent for t in stateless) and pattern.kind == "verb" \
                and any(self.is_actorish(o) for o in direct_objects(trigger)):
            targets = stateless  # "urged Western allies to tighten sanctions on Moscow": asked of the allies
        if not targets:
            found = self.link_all(self.fallback_targets(trigger, pattern, ptype, source_tokens), avoid, ctx)
            found = [t for t in found if not (ptype == "MOBILIZE" and is_own(t))]
            targets = [t for t in found if t.country or t.kb_id or t.agent]
            stateless += [t for t in found if t not in targets]  # "the Attari-Wagah crossing": a name, no party
            indirect = bool(targets)
        if ptype == "REQUEST" and pattern.object & {"release", "freedom"}:
            released = [p for w in trigger.subtree if w.lemma_.lower() in ("release", "freedom") for c in w.children
                        if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            held = self.captor(targets + self.link_all(released, None, ctx), ctx)  # "called for the release of
            # its citizen": asked of whoever holds him
            if held is not None:
                targets, indirect = [held], True
        if not targets:
            for obj in direct_objects(trigger) + (self.verdict_subjects(trigger) if pattern is VERDICT else []):
                earlier = self.referred_event(obj, ctx)
                if earlier is not None and not any(same_actor(earlier, s) for s in source_actors):
                    targets, indirect = [replace(earlier, text=obj.text)], True  # "condemned the expulsion"
                    break
        if not targets and ptype == "CONSULT" and pattern.cameo != "043":
            targets = [a for a in self.link_all(self.sibling_targets(trigger), avoid, ctx)
                       if not any(same_actor(a, s) for s in source_actors)]
            indirect = bool(targets)
        guessed = False
        if not targets and source_actors and ptype == "ASSAULT":
            targets = [a for a in self.link_all(self.complainants(trigger), avoid, ctx)
                       if a.country and not any(a.country == s.country for s in source_actors)]
            indirect = bool(targets)
        if not targets and ptype == "ASSAULT" and pattern.cameo.startswith("18") and self.is_toll_of_attack(trigger):
            return []  # "launched rocket fire against camps, killing 50": the toll of the attack told, not another
        to_border = ptype == "MOBILIZE" and any(  # "moving forces to the border": facing the neighbour
            p.lemma_.lower() in BORDERS for c in trigger.children if c.dep_ == "prep" for p in c.children)
        # a pattern coded only with a partner takes the partner its grammar names, not the nearest name
        if not targets and source_actors and not pattern.requires_target and (
                ptype not in UNDIRECTED_TYPES or to_border):
            foreign = (ptype in FOREIGN_TYPES or to_border) and len({s.country for s in source_actors}) == 1
            nearest = self.nearest_other(trigger, sentence, source_tokens, source_actors, ctx, foreign,
                                         struck=ptype == "ASSAULT", meeting=ptype in ("CONSULT", "AGREE"))
            closure = any(o.lemma_.lower() in BORDERS | {"crossing", "crossings"} for o in direct_objects(trigger))
            if nearest is None and (ptype in RELATIONAL_TYPES or closure) and sentence.start > 0:
                previous = sentence.doc[sentence.start - 1].sent  # "Petro refused ...": the other side, named before
                nearest = self.nearest_other(trigger, previous, [], source_actors, ctx, foreign)
            if nearest is not None and code == "1712" and nearest.agent != "CVL":
                nearest = None  # property destroyed: the people of the place it stood in, else its owner's own
            if nearest is not None:
                targets, guessed = [nearest], True
        if not targets and pattern.target == "focus" and self.linker.is_state(ctx.focus_country) and source_actors:
            at_home = any(a.country == ctx.focus_country for a in source_actors)  # (at home: to its own people)
            targets, guessed = [self.linker.state_actor(ctx.focus_country, "CVL" if at_home else "GOV")], True
        given = ptype in ("AID", "AGREE") and source_actors and not (  # "delivering food in North Darfur"
            ptype in SYMMETRIC_TYPES and len({a.code for a in source_actors}) > 1)
        # "four children were killed in the Gaza Strip", "captured the village of Pokrovka in the Donetsk region"
        struck = ptype == "ASSAULT" and (target_tokens or pattern.object)
        if not targets and (given and not pattern.requires_target or struck):  # done to the people of the place
            where = self.scene_state(trigger, source_tokens, [])
            if where and self.linker.is_state(where) and not any(a.country == where for a in source_actors):
                targets, guessed = [self.linker.state_actor(where, "CVL")], True
        if not targets and stateless and ptype not in DOMESTIC_TARGET_TYPES:
            targets = stateless  # nothing better: the unknown party as named
        if pattern in EXPULSIONS and targets and all(t.agent in ("CVL", "REF", "MED", "BUS", "EDU") for t in targets):
            code, ptype, mode = "174", "COERCE", "deport"  # nationals, not diplomats, told to leave: deported
        if not targets and own and ptype != "MOBILIZE":
            return []  # "the prime minister defended the police": within one state, no relation
        defaulted = False
        if not source_actors and pattern.source == "focus" and all(t.country == ctx.focus_country for t in targets) \
                and not (trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.lemma_.lower() in OUTBREAK_VERBS):
            return []  # "the suppression of protests in 2020", "a fourth day of protests against the government":
            # protests named, not told as happening, unless aimed abroad ("protests against Israel")
        if not source_actors and pattern.source == "focus" and self.linker.is_state(ctx.focus_country):
            rioters = self.linker.state_actor(ctx.focus_country, "OPP", trigger.text)  # "riots in the capital"
            source_actors, defaulted = [replace(rioters, kb_id=None)], True
        if not source_actors and pattern.source == "target" and targets and not targets[0].country \
                and ctx.focus_country:  # "Camacho was detained": by the authorities of the state reported on
            targets = [replace(targets[0], country=ctx.focus_country,
                               code=ctx.focus_country + (targets[0].agent or ""))] + targets[1:]
        if not source_actors and pattern.source == "target" and (targets or handed):
            # "the release of 10 Americans held in Venezuela": by the state holding them;
            # "X was extradited to the US": by X's state
            jails = [p for t in target_tokens for c in t.children if is_captive_state(c) for x in c.children
                     if x.dep_ == "prep" and x.lower_ == "in" for p in x.children if p.dep_ == "pobj"]
            states = [a for a in self.link_all(jails + handed, None, ctx)
                      if a.country and self.linker.is_state(a.country)]
            if states:
                source_actors, defaulted = [self.acting_state(states[0].country)], True
        if not source_actors and pattern.source == "target" and targets and pattern.kind == "verb" \
                and any(c.dep_ == "auxpass" for c in trigger.children):
            where = self.scene_state(trigger, [], target_tokens)  # "a missionary was arrested in Lebanon"
            if where and self.linker.is_state(where):
                source_actors, defaulted = [self.acting_state(where)], True
        if not source_actors and pattern in EXPULSIONS and targets:  # "Pakistani nationals in India were given
            hosts = [p for t in target_tokens for c in t.children if c.dep_ == "prep" and c.lower_ == "in"
                     for p in c.children if p.dep_ == "pobj"]  # 48 hours to leave": by the state they are in
            states = [a for a in self.link_all(hosts, None, ctx) if a.country and self.linker.is_state(a.country)
                      and not any(a.country == t.country for t in targets)]
            if states:
                source_actors, defaulted = [self.acting_state(states[0].country)], True
        if not source_actors and pattern.source == "target" and targets and pattern.kind == "noun":
            blamed = [a for a in self.link_all(self.addressees(trigger), None, ctx) if a.country and
                      self.linker.is_state(a.country) and not any(a.country == t.country for t in targets)]
            if blamed:  # "a protest with China over the detention of a Japanese employee": China's
                source_actors, defaulted = blamed[:1], True
        if not source_actors and code == "174" and targets:  # "Congolese nationals expelled from Angola": by
            hosts = [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "from"  # the state they left
                     for p in c.children if p.dep_ == "pobj"]
            states = [a for a in self.link_all(hosts, None, ctx) if a.country and self.linker.is_state(a.country)
                      and not any(a.country == t.country for t in targets)]
            if not states:
                return []  # (never by the deportees' own state)
            source_actors, defaulted = [self.acting_state(states[0].country)], True
        if not source_actors and pattern.source == "target" and targets and targets[0].country \
                and trigger.lemma_.lower() not in TAKING:  # (hostages captured: by unknown hands, not their state)
            # a release of prisoners: their state
            source_actors, defaulted = [self.acting_state(targets[0].country)], True
        if not source_actors and ptype == "ASSAULT" and not source_tokens:
            means = means_of(trigger)  # "killed in Israeli tank shelling": whose tanks
            owners = [o for m in means for o in self.owners(m) if o.ent_type_ in ("NORP", "GPE", "ORG")]
            owners += [p for m in means for c in m.children if c.dep_ == "acl" for a in c.children
                       if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]  # "airstrikes launched by X"
            owners += [p for m in means if m.lemma_.lower() in FIGHTS for c in m.children  # "killed in clashes
                       if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]  # with X"
            authors = self.link_all(owners[:1], None, ctx)
            if authors and authors[0].country and not any(a.country == authors[0].country for a in targets
                                                          if a.agent not in STATE_AGENTS):
                source_actors, inherited = authors, True
        if not source_actors and ptype == "ASSAULT" and source_tokens and source_tokens[0].lemma_.lower() in WEAPONS:
            earlier = self.referred_event(source_tokens[0], ctx)  # "The strikes hit houses": those told before
            if earlier is not None:
                source_actors, inherited = [replace(earlier, text=source_tokens[0].text)], True
        if not source_actors and ptype == "ASSAULT" and targets and targets[0].country \
                and self.by_unknown_hand(trigger, source_tokens, sources):
            # "a roadside bomb killed two soldiers", "gunmen shot a policeman": an attack whose author is not named
            text = source_tokens[0].text if source_tokens else "unknown attackers"
            where = self.scene_state(trigger, source_tokens, target_tokens)  # CAMEO: attackers of the place
            source_actors = [Actor(text, "unknown attackers", (where or "") + "UAF", where, "UAF", None)]
            defaulted = True
        if not source_actors and len(source_tokens) == 1 and source_tokens[0].lemma_.lower() in STATEMENTS | REPORTS:
            earlier = self.referred_event(source_tokens[0], ctx)  # "The statement urged donors": whose it was
            if earlier is not None:
                source_actors, inherited = [replace(earlier, text=source_tokens[0].text)], True
        if ptype == "PROTEST" and source_tokens and not source_actors and all(
                t.lower_ in COUNTED_CROWDS for t in source_tokens):
            members = [c for t in source_tokens for c in t.children if c.dep_ == "appos"]
            source_actors = [a for a in self.link_all(members, None, ctx) if a.country][:1]  # "Thousands of ...,
            where = None if source_actors else self.crowd_state(trigger)  # French demonstrators", else
            if where:  # "Thousands marched in Belgrade": a crowd of the place's state
                source_actors, defaulted = [self.linker.state_actor(where, "OPP", source_tokens[0].text)], True
        # a source must be someone known, or an attacker the text leaves unnamed
        source_actors = [a for a in source_actors if a.country or a.kb_id or a.agent == "UAF"]
        if not source_actors:
            return []
        if ptype == "CONSULT" and all(a.agent in ("CVL", "REF") and not (a.kb_id or "").startswith(
                ("person:", "org:", "group:")) for a in source_actors):
            return []  # "two women travelling to Erbil": private people on the road, not a visit
        if pattern.requires_target and not targets and not (ptype in SYMMETRIC_TYPES and len(source_actors) > 1):
            return []  # ("Putin and Xi talked": each is the other's party)
        if not any(a.country for a in source_actors) and not any(a.country for a in targets):
            return []  # an event between actors of no known country says nothing about any relation
        if ptype in ("ASSAULT", "COERCE") and any(a.agent == "OPP" for a in source_actors) and \
                any(w in CROWDS for t in source_tokens for w in crowd_words(t)) and \
                not any(w.lemma_.lower() in WAR_MEANS for w in trigger.subtree if w.i != trigger.i):
            ptype, code, mode = "PROTEST", "145", "riot"  # protesters storming or clashing: a riot (missiles: none)
        if ptype == "ASSAULT" and code.startswith("19") and any(a.agent in ("COP", "MIL") for a in source_actors) \
                and target_tokens and all(set(crowd_words(t)) & CROWDS for t in target_tokens):
            code, mode = "175", "crowd-control"  # "police clashed with protesters": violent repression
        if code == "1823" and all(a.agent == "MIL" for a in source_actors):
            code, mode = "190", None  # "troops killed scores of jihadists": armed forces using force
        if code == "082" and all(a.agent in ("COP", "MIL") for a in source_actors):
            code, ptype, mode = "175", "ASSAULT", "crowd-control"  # "the rally was halted by police": not a
            # concession of its organisers but a crowd dispersed
        if ptype == "PROTEST" and trigger.lemma_.lower() == "march" and all(a.agent in ARMED for a in source_actors):
            return []  # "government forces marched deeper into the neighbourhood": an advance, not a protest
        if code == "145" and pattern.kind == "verb" and all(a.agent in ARMED for a in source_actors):
            code, ptype, mode = ("1712", "ASSAULT", "destroy") if trigger.lemma_.lower() == "torch" else (
                "171", "COERCE", "seize")  # "militants looted the villagers' houses": no riot, property seized
        if code == "171" and trigger.lemma_.lower() == "raid" and all(a.agent in ("REB", "UAF", "PRM", "INS")
                                                                     for a in source_actors):
            code, ptype, mode = "190", "ASSAULT", None  # "insurgents raided a military base": an armed attack
        if trigger.lemma_.lower() == "storm" and code in ("145", "171") and source_actors and all(
                a.agent in ARMED - ({"COP"} if code == "171" else set()) for a in source_actors):
            code, ptype, mode = "190", "ASSAULT", None  # "Islamists stormed the army's defences": an assault
            # (police storming a party's offices: a raid, 171)
        resigning = mode == "resign"  # "the prime minister resigned": office given up to the state's people
        # "the opposition agreed to postpone the rally": a pledge to the state it contests
        conceding = ptype == "AGREE" and source_actors[0].agent in ("OPP", "REB")
        if not targets and (ptype in DOMESTIC_TARGET_TYPES or resigning or conceding) and source_actors[0].country:
            s0 = source_actors[0]  # protests and demands with no named addressee: the state they happen in
            abroad = s0.agent in STATE_AGENTS and ctx.focus_country and ctx.focus_country != s0.country \
                and not resigning
            if self.linker.is_state(s0.country) and not abroad:  # (a government urging others abroad: no one)
                agent = "CVL" if s0.agent in STATE_AGENTS else "GOV"  # the government yields to its people
                targets, guessed = [self.linker.state_actor(s0.country, agent)], True
        reading = modality_rules.read(trigger, sentence)
        modality, negated = reading.modality, reading.negated
        # "A and B met", "the government and the M23 signed": parties of one state in different sectors too
        mutual = ptype in SYMMETRIC_TYPES and len({a.code for a in source_actors}) > 1
        if negated and ptype in REFUSABLE and not reading.denied and (
                modality is not Modality.ASSERTED or trigger.dep_ == "xcomp" or reading.ruled_out):
            ptype, code, mode, negated, modality = "REJECT", "120", None, False, Modality.ASSERTED  # "would not meet"
        if reading.conditional_threat and not negated and modality is not Modality.ASSERTED and \
                modality is not Modality.REPORTED:
            ptype, code, mode, modality = "THREATEN", "130", None, Modality.PLANNED  # "... unless Z": a threat
        elif reading.conditional_harm and not negated and modality in (Modality.PLANNED, Modality.HYPOTHETICAL) \
                and ptype in PLANNED_RETYPE and PLANNED_RETYPE[ptype][0] == "THREATEN":
            ptype, code = PLANNED_RETYPE[ptype]  # "may halt its mediation if ...", "will retaliate if ..."
            mode, modality = None, Modality.PLANNED
        if ptype == "AGREE" and pattern.kind == "verb":
            clause = self.complement(trigger)
            inner = self.candidates(clause) if clause is not None else []
            inner_type = inner[0].plover if inner else None
            if inner_type in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE"):  # "vowed to fight", "ready to impose"
                ptype, code = PLANNED_RETYPE[inner_type]
                mode = None
            elif inner_type in ("RETREAT", "CONCEDE") and trigger.lemma_.lower() in COMMITMENTS - {"agree"}:
                ptype, code = "CONCEDE", PLANNED_CODES.get(inner[0].cameo[:3], "035")  # "promised to end the
                mode = None  # curfew", "pledged to withdraw": an announced concession (agreeing to one: AGREE)
        if code == "195" and trigger.lemma_.lower() in ("bomb", "bombing") and source_actors and all(
                a.agent in ("REB", "UAF", "PRM", "CRM", "INS", "OPP") for a in source_actors):
            code, mode = "183", cameo("183").mode  # "malls bombed by Abu Sayyaf rebels": a bombing, not from the air
        if ptype in ("AGREE", "ASSAULT", "COERCE") and is_readied(trigger) and any(
                a.agent in ARMED for a in source_actors):  # "the army prepared to resume shelling": forces readied
            ptype, code, mode, modality = "MOBILIZE", "150", None, Modality.ASSERTED
        if modality is Modality.PLANNED and ptype in PLANNED_RETYPE:
            done = code
            ptype, code = PLANNED_RETYPE[ptype]
            code = PLANNED_CODES.get(done[:3], code)
            mode = None
        if not targets and (ptype in ("COERCE", "THREATEN") or code == "175") and \
                self.linker.is_state(source_actors[0].country):
            s0 = source_actors[0]  # a curfew, martial law, a ban: on the state's own people (or by them on it)
            agent = "CVL" if s0.agent in STATE_AGENTS else "GOV"
            targets, guessed = [self.linker.state_actor(s0.country, agent)], True
        if not targets and ptype in AIMED_TYPES and not (ptype in SYMMETRIC_TYPES and len(source_actors) > 1) \
                and not (trigger.lemma_.lower() in COMMITMENTS and self.complement(trigger) is not None):
            return []  # an attack or a pledge aimed at no one found: the reading is wrong, not the text
        attribution = None
        if reading.attribution_head is not None:
            speaker = self.linker.link(reading.attribution_head, ctx)
            attribution = speaker.name if speaker is not None and speaker.agent == "JRN" else reading.attribution_text
        if ptype in DOMESTIC_TARGET_TYPES | {"COERCE", "THREATEN"}:  # "lifted the emergency in Darfur": on its people
            s0 = source_actors[0]
            people = "CVL" if s0.agent in STATE_AGENTS else "GOV"  # the other side within the same state
            targets = [self.linker.state_actor(t.country, people) if t.country == s0.country
                       and (t.code == s0.code or t.agent is None) and self.linker.is_state(t.country) else t
                       for t in targets]
        if ptype == "ASSAULT":  # "bombed a market in Khartoum", "in the West Bank, settlers burned a mosque":
            placed = {t.ent_id_ for t in sentence if t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS - {"at"}
                      and t.ent_type_ in ("GPE", "LOC") and t.ent_id_}  # the people of the place, not its government
            targets = [self.linker.state_actor(t.country, "CVL") if t.country and self.linker.is_state(t.country) and (
                       (t.agent is None or t.kb_id) and (not t.kb_id or t.kb_id.startswith(("seat:", "city:")))
                       or (t.agent == "GOV" and t.kb_id in placed)) else t for t in targets]
        if mutual and (indirect or guessed or all(not t.country for t in targets)):
            targets, indirect, guessed = [], False, False  # "A and B agreed to a ceasefire at a summit in C"
        if code.startswith("045") and not targets and len(source_actors) > 1:
            # "agreed after talks mediated by Qatar and Turkey": between the talks' parties, not each other
            targets, mutual = self.link_all(self.mediated(trigger), None, ctx), False
        pairs = self.pairs(source_actors, targets, ptype)
        if code.startswith("045") and not targets:
            pairs = [(s, None) for s in source_actors]
        if mutual and not targets and ptype not in SYMMETRIC_TYPES:  # "A and B failed to reach agreement"
            pairs = [(a, b) for a in source_actors for b in source_actors if a.country != b.country]
        if not pairs and targets and ptype in UNDIRECTED_TYPES:
            pairs = [(s, None) for s in source_actors]  # "Bosnian Serbs withdrew from a Bosnian town": from their own
        if not pairs and targets and trigger.lemma_.lower() in COMMITMENTS and self.complement(trigger) is not None:
            pairs = [(s, None) for s in source_actors]  # "promised to democratize Serbia": a commitment at home
        quantity = self.quantity(trigger, target_tokens)
        confidence = self.confidence(pattern, inherited or indirect, defaulted, bool(targets), sources, reading)
        if guessed:
            confidence = max(0.05, confidence - 0.2)
        if self.in_backdrop(trigger):
            confidence = max(0.05, confidence - 0.15)
        span = evidence_span(trigger, source_tokens, target_tokens)
        if pairs and not negated and modality is not Modality.HYPOTHETICAL:
            ctx.events.extend((ptype, source, trigger.lemma_.lower(), target) for source, target in pairs)
        return [Draft(trigger, pattern, ptype, mode, code, src, tgt, modality, negated, attribution,
                      quantity, span, confidence) for src, tgt in pairs]

    def crowd_state(self, verb: Token) -> str | None:
        """The state of the first known place the verb happens in ("marched in Belgrade"), or None."""
        places = [self.linker.kb.entries.get(p.ent_id_) for c in verb.children if c.dep_ == "prep"
                  and c.lower_ in PLACE_PREPS for p in c.children if p.dep_ == "pobj" and p.ent_id_]
        where = next((e.country for e in places if e is not None and e.country), None)
        return where if where and self.linker.is_state(where) else None

    def acting_state(self, country: str) -> Actor:
        """A state's government as the doer the text leaves unnamed (the detainer, the releaser)."""
        state = self.linker.state_actor(country, "GOV")
        return replace(state, kb_id=f"country:{state.country}")

    def is_toll_of_attack(self, trigger: Token) -> bool:
        """Is the trigger the participle telling the toll of an attack told by the verb it hangs on?"""
        verb = trigger
        while verb.dep_ == "conj" and verb.head.i != verb.i:  # "killing or wounding 50"
            verb = verb.head
        return verb.dep_ == "advcl" and verb.tag_ == "VBG" and any(
            cameo(p.cameo).plover == "ASSAULT" for p in self.candidates(verb.head))

    def by_unknown_hand(self, trigger: Token, source_tokens: list[Token], sources) -> bool:
        """An attack with no known author: the subject names a weapon or an unnamed armed group, or a
        passive names no agent; not a disaster or an accident, whose victims nobody attacked."""
        if any(a.country or a.kb_id for _, a in sources):
            return False
        tools = [p for c in trigger.children if c.dep_ in ("prep", "agent") for p in c.children if p.dep_ == "pobj"]
        if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") or c.ent_type_ in ("NORP", "GPE")
               for t in tools + source_tokens for c in t.children):
            return False  # "an air strike by government forces", "Israeli shelling": the attack's own author
        means = {t.lemma_.lower() for t in tools}
        if (means | {t.lemma_.lower() for t in source_tokens}) & MISHAPS:
            return False
        if source_tokens:
            return all(t.lemma_.lower() in WEAPONS or any(a.agent == "UAF" for u, a in sources if u is t)
                       for t in source_tokens)
        return any(c.dep_ == "auxpass" for c in trigger.children) and bool(means & WEAPONS)  # "killed in a bombing"

    def code_between(self, trigger: Token, pattern: Pattern, parties: list[Token], sentence: Span,
                     ctx: ArticleContext, actors: list[Actor] | None = None) -> list[Draft]:
        """Events between parties named together: one symmetric event, or both directions."""
        if actors is None:
            actors = [a for a in (self.linker.link(t, ctx) for t in parties) if a is not None]
        code, ptype, mode = self.code_for(trigger, pattern)
        if code is None or len(actors) < 2:
            return []
        reading = modality_rules.read(trigger, sentence)
        pairs = [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:] if not same_actor(a, b)
                 and (a.country or b.country)]  # (of no known state, a pair says nothing about any relation)
        if ptype not in SYMMETRIC_TYPES:
            pairs += [(b, a) for a, b in pairs]
        if ptype == "ASSAULT" and code.startswith("19") and any(a.agent in ("COP", "MIL") for a in actors):
            crowds = {a.code for t in parties if set(crowd_words(t)) & CROWDS for a in [self.linker.link(t, ctx)]
                      if a is not None}
            if crowds:  # "clashes between police and protesters": violent repression of the crowd
                pairs = [(a, b) for a, b in pairs if a.agent in ("COP", "MIL") and b.code in crowds]
                code, mode = "175", "crowd-control"
        span = evidence_span(trigger, parties, [])
        confidence = self.confidence(pattern, False, False, True, [(None, a) for a in actors], reading)
        return [Draft(trigger, pattern, ptype, mode, code, a, b, reading.modality, reading.negated, None, None,
                      span, confidence) for a, b in pairs]

    def code_for(self, trigger: Token, pattern: Pattern) -> tuple[str | None, str | None, str | None]:
        code = pattern.cameo
        if pattern.evaluative:
            complement = [c for c in trigger.children if c.dep_ in ("oprd", "attr")]
            complement += [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children]
            words = {t.lower_.strip('"') for c in complement for t in c.subtree}
            if words & NEGATIVE:
                code = "111"
            elif words & POSITIVE:
                code = "051"
            else:
                return None, None, None
        if code == "1823" and any(w.lemma_.lower() in WAR_MEANS for w in trigger.subtree if w.i != trigger.i) or (
                code == "1823" and trigger.dep_ == "acl" and trigger.head.lemma_.lower() in WAR_MEANS):
            code = "190"  # "killed in tank shelling", "killed by an air strike": killing as an act of war
            means = [m for m in means_of(trigger) if m.lemma_.lower() in WAR_MEANS]
            told = [q.cameo for m in means[:1] for q in self.candidates(m) if cameo(q.cameo).plover == "ASSAULT"]
            code = told[0] if told and told[0].startswith("19") else code  # ("in Israeli air strikes": 195)
        if trigger.lemma_.lower() in COMMITMENTS and code.startswith("03"):
            complement = self.complement(trigger)
            if complement is not None and complement.lemma_.lower() in HOSTILE_INTENTS:
                code = "130"  # "vowed that Somalia would defend its territory": a threat, not a pledge
        if code == "173" and trigger.lemma_.lower() in TAKING and self.takes_a_place(trigger):
            return "192", "ASSAULT", None  # "the army captured Seoul": territory taken, as a town is
        entry = cameo(code)
        if pattern.type and pattern.type != entry.plover:
            return code, pattern.type, pattern.mode  # the table's mode belongs to its own type
        return code, entry.plover, pattern.mode or entry.mode

    def takes_a_place(self, verb: Token) -> bool:
        """Is what the verb captures a place (a city, a seat of government, a state) rather than people?"""
        for taken in direct_objects(verb) + passive_objects(verb):
            entry = self.linker.kb.entries.get(taken.ent_id_) if taken.ent_id_ else None
            if entry is not None and entry.kind in ("city", "seat", "country") and taken.ent_type_ != "NORP" or \
                    entry is None and names_a_place(taken):
                return True  # (not "the Britons were captured": a people)
        return False

    @staticmethod
    def quantity(trigger: Token, targets: list[Token]) -> Quantity | None:
        for head in targets + direct_objects(trigger):
            numbers = [c for c in head.children if c.dep_ == "nummod" and c.like_num]
            if not numbers:
                continue
            number = numbers[0]
            try:
                value = float(number.text.replace(",", ""))
            except ValueError:
                continue
            words = [t for t in number.children if t.dep_ in ("quantmod", "advmod", "amod")]
            words += [t for t in head.children if t.dep_ in ("amod", "advmod") and t.i < number.i
                      and t.lower_ in QUANTITY_WORDS]  # "more than 50": "more" hangs on the noun
            qualifier = " ".join(t.text for t in sorted(words, key=lambda t: t.i)) or None
            unit_tokens = [t for t in head.lefts if t.dep_ in ("amod", "compound") and t.i > number.i] + [head]
            return Quantity(value, qualifier, " ".join(t.text for t in unit_tokens))
        return None

    @staticmethod
    def confidence(pattern: Pattern, inherited: bool, defaulted: bool, has_target: bool, sources, reading) -> float:
        score = 0.55 + 0.05 * min(pattern.specificity, 2)
        score += 0.1 if has_target else -0.05
        score += 0.1 if any(a.kb_id for _, a in sources) else 0.0
        score -= 0.1 if inherited else 0.0
        score -= 0.15 if defaulted else 0.0
        score -= 0.05 if reading.modality is Modality.REPORTED else 0.0
        score -= 0.2 if reading.modality is Modality.HYPOTHETICAL or reading.negated else 0.0
        return max(0.05, min(0.95, score))

    @staticmethod
    def in_backdrop(trigger: Token) -> bool:
        """Told as the cause or setting of the sentence's news ("... a day after a jet shot down a
        helicopter", "in response to recent unrest"): a real event, but not the one reported."""
        token = trigger
        for _ in range(10):
            head = token.head
            if head.i == token.i:
                return False
            if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKDROP_MARKS for c in token.children):
                return True
            if token.dep_ in ("pobj", "pcomp") and (head.lower_ in BACKDROP_PREPS | {"because"} or (
                    head.lower_ == "to" and head.head.lower_ in ("response", "reaction", "retaliation", "due",
                                                                  "owing")) or (
                    head.lower_ == "of" and head.head.lower_ == "because")):  # "because of fighting between ..."
                return True
            token = head
        return False
