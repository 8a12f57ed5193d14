"""The event coder: from a parsed article to coded event drafts (type, actors, modality, provenance).

For each trigger word that a pattern knows, the coder finds the source and target in the dependency
parse (subjects, objects, prepositional objects, passive agents, possessives, and, when a clause has
no subject of its own, the subject of the clause it depends on), links them to actors, and reads
negation, modality and attribution. Dates and places are added by later stages.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from itertools import product

from spacy.tokens import Span, Token

from eventwire.actors.link import GROUP_HEADS, PLACE_PREPS, ActorLinker, ArticleContext
from eventwire.coding import modality as modality_rules
from eventwire.coding.ontology import SYMMETRIC_TYPES, cameo
from eventwire.coding.patterns import Pattern, PatternIndex
from eventwire.nlp import entities
from eventwire.records import Actor, Modality, Quantity

log = logging.getLogger(__name__)

SUBJECT_DEPS = {"nsubj", "csubj"}
OBJECT_CONTROL = {"urge", "ask", "invite", "call", "force", "order", "tell", "persuade", "encourage", "allow",
                  "press", "push", "help", "authorize", "authorise", "instruct", "require", "permit"}
# Support verbs whose object is the event noun and whose subject is the event's source.
LIGHT_VERBS = {"hold", "have", "conduct", "launch", "carry", "stage", "make", "take", "begin", "start",
               "initiate", "resume", "impose", "announce", "order", "sign", "reach", "seal", "issue",
               "mount", "lead", "join", "host", "organize", "organise", "convene", "pay", "deliver",
               "give", "extend", "offer", "send", "express", "voice", "lodge", "file", "open",
               "continue", "intensify", "step", "escalate", "level", "slap", "unveil", "approve",
               "adopt", "agree", "accept", "reject", "signal", "propose", "receive", "welcome", "call",
               "seek", "engage", "undertake", "complete", "conclude", "attend", "wage", "fight",
               "renew", "expand", "perform", "commit", "do", "sponsor", "broker", "mediate",
               "facilitate", "arrange", "chair", "co-host", "declare", "enforce", "introduce",
               "tighten", "maintain", "end", "lift", "reimpose", "resume"}
POSITIVE = {"respected", "great", "good", "friend", "partner", "ally", "hero", "wise", "strong", "excellent",
            "important", "true", "brave", "constructive", "positive", "historic", "trusted", "reliable", "valued",
            "outstanding", "remarkable", "fantastic", "wonderful", "honorable", "honourable", "decent", "fine"}
NEGATIVE = {"manipulative", "terrorist", "terrorists", "criminal", "criminals", "aggressor", "illegal", "illegitimate",
            "dictator", "tyrant", "liar", "threat", "provocation", "provocative", "unacceptable", "dangerous",
            "hostile", "irresponsible", "reckless", "absurd", "baseless", "propaganda", "lie", "lies", "fake",
            "puppet", "regime", "war", "crime", "crimes", "genocide", "aggression", "attempt", "ploy", "farce",
            "sham", "disgrace", "shameful", "outrageous", "despicable", "murderer", "butcher", "thug", "enemy",
            "failure", "disaster", "blackmail", "interference", "meddling", "hypocrisy", "hypocritical",
            "unconstitutional", "unlawful", "invalid", "unjustified", "unfounded", "groundless", "unfriendly", "wrong",
            "mistake"}
# A noun reached through these words names a cause or a background, not an act of the clause's subject.
BACKGROUND_PREPS = {"amid", "despite", "after", "before", "because", "following", "over", "since", "during",
                    "under", "against", "without", "like", "unlike", "than", "due", "owing", "thanks", "prior", "for"}
# What these verbs take as object is stopped or prevented, not done: "stop all fighting", "an end to the war".
ENDING_VERBS = {"stop", "end", "halt", "cease", "prevent", "avoid", "refrain", "deter", "ban", "outlaw", "stem",
                "curb", "quit", "abandon", "renounce", "oppose", "fear", "risk", "warn", "block", "veto", "delay",
                "obstruct", "postpone", "reject", "condemn", "criticize", "criticise", "deny", "denounce"}
# Nouns that take a part of what follows "of": "suspended part of its aid program" suspends aid.
PARTITIVES = {"part", "portion", "half", "share", "bulk", "rest", "some", "most", "all", "much", "parts"}
# Nouns for armed units: their arrival somewhere is a deployment, not a visit.
TROOPS = {"troop", "troops", "soldier", "soldiers", "force", "forces", "peacekeeper", "peacekeepers", "contingent",
          "battalion", "deployment", "unit", "units", "marine", "marines", "army"}
# Verbs of going somewhere, whose subject holds the talks they go for ("returned to Geneva for talks").
TRAVEL_VERBS = {"return", "arrive", "travel", "come", "go", "head", "fly", "gather", "convene", "meet", "sit"}
STATIVE_VERBS = {"be", "remain", "stay", "live", "continue", "languish"}
RECEIVING_VERBS = {"receive", "get", "obtain", "accept", "welcome"}
PRONOUN_LABELS = {"he": ("PERSON",), "him": ("PERSON",), "his": ("PERSON",), "she": ("PERSON",),
                  "her": ("PERSON",), "it": ("GPE", "ORG"), "its": ("GPE", "ORG"),
                  "they": ("GPE", "ORG", "NORP"), "them": ("GPE", "ORG", "NORP"), "their": ("GPE", "ORG", "NORP")}
# Cooperation between organs of one state is not a relation between actors: only across borders.
FOREIGN_TYPES = {"CONSULT", "AID", "AGREE", "SUPPORT", "COOPERATE", "SANCTION"}
# Words of an amount whose "in" phrase says what it is: "$69 million in aid".
AMOUNTS = {"million", "billion", "trillion", "dollar", "euro", "pound", "yen", "yuan", "rupee", "$", "sum", "amount"}
# Bodies that meet by themselves: "the cabinet met" is no meeting with another party.
BODIES = {"cabinet", "council", "parliament", "committee", "government", "assembly", "leadership", "politburo",
          "junta", "congress", "senate", "board", "commission", "presidium", "bureau", "legislature"}
# Types of physical deeds, whose purpose clause ("to arrest him") is an event of its own.
DEEDS = {"ASSAULT", "COERCE", "MOBILIZE", "RETREAT"}
# Nouns a demonym names a language or culture of, not a party: "the Russian language".
TONGUES = {"language", "languages", "tongue", "dialect", "alphabet", "script", "literature", "cuisine"}
STATE_AGENTS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", None}
CHALLENGERS = {"REB", "OPP", "PTY", "INS", "UAF"}


def side_of(actor: Actor | None) -> str | None:
    """Which side of a state's politics an actor is on: its rulers' (state), those who contest them
    (challenger), or neither (the people, aid workers, ...)."""
    if actor is None or actor.agent is None:
        return None
    return "state" if actor.agent in STATE_AGENTS else "challenger" if actor.agent in CHALLENGERS else None
# Verbs by which a speaker passes a verdict on something ("was illegal", "constituted unacceptable behaviour").
VERDICT_VERBS = {"be", "constitute", "represent"}
# Nouns that refer back to an event already told ("rejected the criticism", "welcomed the move").
EVENT_REFERENCES = {"move", "decision", "step", "steps", "remarks", "comments", "statement", "statements", "action",
                    "actions", "measure", "measures", "announcement", "accusation", "accusations", "allegation",
                    "allegations", "criticism", "claims", "claim", "declaration", "decree", "order"}
QUANTITY_WORDS = {"more", "less", "fewer", "over", "under", "about", "around", "nearly", "almost", "some",
                  "least", "most", "up", "roughly", "approximately", "dozens", "hundreds", "thousands"}
CROWDS = {"protester", "protestor", "demonstrator", "crowd", "rioter", "mob", "supporter", "activist", "student"}
# Subjects that name the means of an attack, not its author ("a car bomb killed ...").
WEAPONS = {"bomb", "bombing", "blast", "explosion", "attack", "strike", "airstrike", "shelling", "rocket", "missile",
           "mine", "landmine", "grenade", "mortar", "drone", "ambush", "shooting", "gunfire", "sniper", "ied",
           "device", "suicide", "assassination", "raid"}
# Means of war: a killing by them is military force (CAMEO 19), not an assault on a person (18).
WAR_MEANS = {"shelling", "shell", "airstrike", "strike", "bombardment", "bombing", "artillery", "tank", "rocket",
             "missile", "drone", "warplane", "jet", "mortar", "gunship", "helicopter", "offensive", "raid", "fighting",
             "clash", "clashes", "battle", "firefight", "crossfire"}
# Causes of death nobody aimed at anyone.
MISHAPS = {"earthquake", "flood", "flooding", "crash", "accident", "fire", "blaze", "storm", "landslide", "avalanche",
           "stampede", "collapse", "cyclone", "hurricane", "typhoon", "lightning", "disease", "heat", "cold", "tornado"}
DOMESTIC_TARGET_TYPES = {"PROTEST", "REQUEST", "CONCEDE"}
# Verbs whose content clause is a claim, not a reported fact ("claimed that X had attacked Y").
ALLEGING = {"allege", "claim", "accuse", "charge", "blame", "insinuate", "contend"}
# Clauses and phrases that give the setting or cause of the news, not the news itself.
BACKDROP_MARKS = {"after", "since", "before", "as", "because", "once", "following", "while"}
BACKDROP_PREPS = {"after", "amid", "following", "since", "despite", "during", "before", "over"}
# Nouns whose "that" clause is a claim ("the allegation that ...", "an admission that ...").
CLAIMS = {"allegation", "claim", "accusation", "charge", "admission", "assertion", "suggestion", "rumour", "rumor",
          "denial", "insinuation", "belief", "suspicion", "fear", "fears", "speculation"}
# ... and verbs whose "of"/"for" phrase is what the accused is said to have done.
ACCUSING = {"accuse", "charge", "blame", "suspect", "convict", "indict", "allege"}
# Types whose event noun takes its content in an "of"/"to" phrase ("the rejection of the proposal").
CONTENT_TYPES = {"REJECT", "ACCUSE", "REQUEST", "SUPPORT"}
# Pronouns by which a speaker's own words name it as a party ("its forces", "attacked us").
SPEAKER_PRONOUNS = {"its", "their", "our", "us", "them", "his", "her", "my", "me"}
# What is done to a person, so that the person's possessive names the one it is done to.
UNDERGONE = {"arrest", "detention", "release", "abduction", "kidnapping", "killing", "assassination", "murder",
             "execution", "imprisonment", "extradition", "deportation", "trial", "conviction", "sentencing",
             "jailing", "capture", "indictment", "prosecution"}
# Nouns of "in defiance of X", "in protest against X", "in response to X": X is what the act is aimed at.
OPPOSING = {"defiance", "protest", "opposition", "response"}
# Verbs that move people or goods somewhere ("officers sent to Haiti", "troops deployed to the border").
SENDING = {"send", "dispatch", "deploy", "deliver", "ship", "airlift"}
ARRIVING = {"arrive", "reach", "land"}
# Places a party holds, named by the party's sector ("a rebel stronghold", "a guerrilla base").
HOLDINGS = {"stronghold", "strongholds", "base", "bases", "position", "positions", "camp", "camps", "outpost",
            "garrison", "headquarters", "hideout", "hideouts"}
# Types that are always aimed at someone: a target may be sought in the sentence before.
RELATIONAL_TYPES = {"REJECT", "ACCUSE", "THREATEN", "REQUEST", "SANCTION"}
# Types that are not told without someone they are aimed at: with no target found, the reading is wrong
# (PLOVER v2 requires a target for COOPERATE, AID and SANCTION; measured on the gold sets, an AGREE,
# COERCE, ASSAULT, THREATEN, CONSULT or SUPPORT with no target is almost never right).
AIMED_TYPES = {"AGREE", "COERCE", "ASSAULT", "THREATEN", "CONSULT", "SUPPORT", "COOPERATE", "AID", "SANCTION"}
# ... except a commitment to act ("agreed to resign", "pledged to keep the crossing open").
COMMITMENTS = {"agree", "pledge", "promise", "vow", "swear", "commit", "undertake"}
# What a party vows to do against another: "vowed that Somalia would defend its territory" threatens.
HOSTILE_INTENTS = {"defend", "fight", "resist", "retaliate", "avenge", "punish", "crush", "destroy", "respond", "eliminate",
                   "annihilate", "eradicate", "wipe"}
# Types whose events need no target: a guessed one would only be noise.
UNDIRECTED_TYPES = {"MOBILIZE", "RETREAT"}
COMPLEMENT_TAKERS = {"demand", "urge", "ask", "insist", "request", "allege", "accuse", "propose", "agree",
                     "promise", "pledge", "vow", "threaten", "warn", "refuse", "reject", "offer", "call", "want"}
# Cooperation that a party says it will not give is a rejection ("would not provide support").
REFUSABLE = {"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
PLANNED_RETYPE = {  # announced intentions, as PLOVER v2 codes them
    "CONSULT": ("AGREE", "036"), "COOPERATE": ("AGREE", "030"), "AID": ("AGREE", "033"),
    "SUPPORT": ("AGREE", "032"), "RETREAT": ("CONCEDE", "035"), "CONCEDE": ("CONCEDE", "035"),
    "ASSAULT": ("THREATEN", "138"), "COERCE": ("THREATEN", "137"), "SANCTION": ("THREATEN", "1312"),
    "MOBILIZE": ("THREATEN", "138"),
}


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


# "X said Y must ...": a demand on Y, coded like a demand verb whose target is the clause's subject.
OBLIGATION = Pattern("verb", "say", "100", origin="built-in: obligation in reported speech")
# "X said the move was illegal": a condemnation of what the clause's subject names (or who made it).
VERDICT = Pattern("verb", "say", "111", origin="built-in: a condemning verdict in reported speech")
# Parts of speech a trigger can have: verbs and nouns (patterns), adjectives (readiness, "willing to").
TRIGGER_POS = {"VERB", "AUX", "NOUN", "PROPN", "ADJ"}
READINESS = {"willing", "ready", "prepared", "committed", "determined", "eager", "keen", "open"}
# Participles that state the subject's own stance: "Vietnam is committed to ...", "Israel is opposed to ...".
STANCES = READINESS | {"engaged", "involved", "opposed"}
READY = Pattern("verb", "ready", "030", origin="built-in: readiness to cooperate")
# Verbs whose subjects are the crowd of a protest they go to ("converged for a rally in Lagos").
GATHERING_VERBS = {"converge", "gather", "assemble", "march", "join", "participate", "turn", "flock", "pour"}
# Documents that speak for whoever released them, and the verbs of releasing them.
REPORTS = {"report", "dossier", "study", "document", "white paper", "paper", "investigation", "inquiry"}
RELEASING = {"release", "issue", "publish", "present", "unveil", "circulate", "table"}
# Texts a party issues that speak for it ("issued a statement urging ...").
STATEMENTS = {"statement", "declaration", "communique", "communiqué", "resolution", "letter", "appeal", "message",
              "note", "memorandum", "manifesto", "petition", "ultimatum"}


class EventCoder:
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
        named += [c for o in objects if o.pos_ == "NOUN" for c in o.conjuncts if c.pos_ == "NOUN"]  # "photographs and intelligence"
        named += [c for o in objects + partitive for c in o.children  # "(part of) its military aid program"
                  if c.dep_ == "compound" and c.i < o.i]
        object_lemmas = {o.lemma_.lower() for o in named} | {o.lower_ for o in named}
        object_lemmas |= {w for w in map(hyphen_word, named) if w}
        if pattern.particle:
            parts = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "advmod")}
            parts |= {m.lower_ for c in token.children if c.dep_ == "advcl"  # "called for X to stay calm"
                      for m in c.children if m.dep_ == "mark" and m.i < c.i}
            if pattern.particle not in parts:
                return False
        elif token.lemma_.lower() == "swear" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "in":
            return False  # "swore in the new cabinet": an inauguration, not a pledge
        if pattern.object and not (object_lemmas & pattern.object or self.object_via_prep(token, pattern)):
            return False
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

    def is_actorish(self, token: Token) -> bool:
        if token.pos_ == "PRON":
            return token.lower_ not in ("it", "this", "that", "what", "which", "something", "anything")
        if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        return self.linker.role_noun(token) is not None

    # ---- roles ---------------------------------------------------------------------------------
    def subjects(self, verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
        """A verb's subject(s); inherited from the governing clause when it has none. (tokens, inherited)"""
        own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if not own and verb.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ == "nsubjpass" for c in verb.children):
            own = [c for c in verb.children if c.dep_ in ("advmod", "npadvmod") and c.i < verb.i  # "USAID announced"
                   and c.ent_type_ in ("ORG", "GPE", "PERSON") and c.ent_iob_ == "B"]  # a name tagged as an adverb
        if verb.lower_ in STANCES and is_stative_passive(verb):
            own = [c for c in verb.children if c.dep_ == "nsubjpass"]  # "Vietnam is committed to ..."
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if own and not any(c.dep_ == "auxpass" for c in verb.children):
            agents = []  # "Bashir shortened by one hour the curfew": an active verb's "by" is a measure or means
        if agents:
            return expand(agents), False
        if own:
            subject = own[0]
            if subject.tag_ == "VBG" and any(c.dep_ == "nsubj" for c in subject.children):
                # "The Red Cross operating in Iraq said": the parser made the participle the subject
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
                    speakers = [s for s in self.subjects(verb.head, depth + 1)[0] if s.pos_ != "PRON"]  # "..., saying he"
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
        if verb.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            objects = direct_objects(head)
            if objects:
                return expand(objects[:1]), True
        if verb.dep_ == "acomp" and head.pos_ in ("VERB", "AUX"):
            found, _ = self.subjects(head, depth + 1)
            return found, False
        if verb.dep_ in ("xcomp", "advcl", "ccomp", "pcomp") or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
            if verb.dep_ == "ccomp":
                return [], False
            if head.pos_ in ("VERB", "AUX"):
                found, _ = self.subjects(head, depth + 1)
                return found, True
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() in STATEMENTS and head.dep_ == "dobj" \
                and head.head.pos_ == "VERB":  # "issued a declaration demanding ...": who issued it
            found, _ = self.subjects(head.head, depth + 1)
            return found, True
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN")):
            return expand([head]), True  # "governments deciding to recognise ...": the noun acts
        return [], False

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

    @staticmethod
    def is_background(trigger: Token) -> bool:
        """'Belarus remains under sanctions': a standing state, not an event."""
        head = trigger.head
        return trigger.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in STATIVE_VERBS

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
        objects = direct_objects(trigger)
        holders = [trigger]
        if pattern.object:
            wholes = [p for o in objects if o.lemma_.lower() in PARTITIVES for c in o.children  # "part of a
                      if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]  # stronghold"
            named = [o for o in (objects or passive_objects(trigger)) + wholes
                     if o.lemma_.lower() in pattern.object or o.lower_ in pattern.object]
            holders += named
            holders += [o for o in objects if o not in named for c in o.children if c.dep_ == "prep"
                        and c.lower_ == "of" for p in c.children if p.dep_ == "pobj" and (
                            p.lemma_.lower() in pattern.object or p.lower_ in pattern.object)]  # "$50,000 worth of goods to X"
            # "stormed the embassy of Rwanda": an object the pattern names, owned by someone, is the target
            out += [o for o in named if self.linker.role_noun(o) is not None
                    and any(w.ent_type_ in ("GPE", "NORP", "ORG") for w in self.owners(o))]
            # "welcomed the recognition of Palestine as a state by Ireland": who did the act welcomed
            out += [p for o in named if self.candidates(o) for p in act_doers(o, trigger) if self.is_actorish(p)]
            # "captured a rebel stronghold": the party a named object belongs to by its compound
            out += [c for o in named if o.lemma_.lower() in HOLDINGS for c in o.children
                    if c.dep_ in ("compound", "amod") and c.i < o.i and not c.ent_type_
                    and self.linker.role_noun(c) is not None]
            # "dispersed the demonstrators": an object the pattern names that is itself a party
            out += [o for o in named if o not in out and self.is_actorish(o)  # (not "withdrew its troops")
                    and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children)]
        elif not is_noun and not pattern.no_object_target:
            out += [o for o in objects if self.is_actorish(o) or o.lower_ in ("it", "them")]
            # "hosted talks between Israel and Hamas": the parties of the talks it hosted
            out += [p for o in objects if not self.is_actorish(o) and self.candidates(o) for p in self.between(o)]
            out += [p for o in objects if not self.is_actorish(o) and o.lemma_.lower() in CARRIERS
                    for p in self.owners_of_place(o) if p is not o]  # "shot down a helicopter carrying monitors"
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
        if not is_noun and any(c.dep_ == "auxpass" for c in trigger.children) and pattern is not READY \
                and not (trigger.lower_ in STANCES and is_stative_passive(trigger)):
            out = passive_objects(trigger) + out
        if not is_noun and trigger.dep_ == "acl" and trigger.tag_ == "VBN" and verbless_subject(trigger) is None:
            out.append(trigger.head)  # "the man arrested by police"
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
        for holder in holders:
            for prep in (c for c in holder.children if c.dep_ in ("prep", "dative") and c.lower_ in preps):
                out += [whose for p in prep.children if p.dep_ == "pobj" for beyond in across_border(p)
                        for whose in self.owners_of_place(beyond)]
                for pcomp in (p for p in prep.children if p.dep_ == "pcomp"):
                    out += [p for p in pcomp.children if p.dep_ == "pobj"]
                    if pcomp.pos_ == "VERB":  # "working with local police to investigate": the police
                        out += [p for p in pcomp.children if p.dep_ == "nsubj" and self.is_actorish(p)]
        if not is_noun and cameo(pattern.cameo).plover in ("PROTEST", "REJECT"):
            against = [x for c in trigger.children if c.dep_ == "prep" and c.lower_ == "in" for d in c.children
                       if d.dep_ == "pobj" and d.lemma_.lower() in OPPOSING for o in d.children
                       if o.dep_ == "prep" and o.lower_ in ("of", "against", "to", "at") for x in o.children
                       if x.dep_ == "pobj"]  # "blocked streets in defiance of Chinese authorities"
            out += [w for x in against for w in ([x] if self.is_actorish(x) else self.owners(x))]
        if pattern is OBLIGATION:  # "said the government and the rebels must reach an agreement": both
            out += [s for c in trigger.children if c.dep_ == "ccomp" and any(
                    a.dep_ in ("aux", "auxpass") and a.lower_ in ("must", "should") for a in c.children)
                    for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and self.is_actorish(s)]
        if is_noun and any(c.dep_ == "prep" and c.lower_ == "by" for c in trigger.children):
            out += [c for c in trigger.children if c.dep_ == "poss"]  # "his detention by the junta": him
        if is_noun:
            out += [c for c in trigger.children if c.dep_ in ("compound",) and c.i < trigger.i
                    and c.ent_type_ in ("GPE",) and c not in self.noun_sources(trigger)[0]]
        return expand(out)

    # ---- coding --------------------------------------------------------------------------------
    def code_sentence(self, sentence: Span, ctx: ArticleContext) -> list[Draft]:
        drafts: list[Draft] = []
        absorbed: set[int] = set()
        for token in sentence:
            if token.i in absorbed or token.pos_ not in TRIGGER_POS:
                continue
            candidates = self.candidates(token)
            if not candidates and self.is_obligation(token):  # "X said Y must ..." is a demand on Y
                candidates = [OBLIGATION]
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
                    or is_setting(token) or is_title(token) \
                    or self.is_met_demand(token):
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
        infinitive = token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        asked = token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children)
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
        if infinitive and all(cameo(p.cameo).plover in DEEDS for p in self.candidates(head)) and self.has_own_aim(head):
            return False  # "broke into the embassy to arrest him": the purpose of a deed done to another is its own
        return any(p.kind == "verb" or (token.dep_ == "pobj" and cameo(p.cameo).plover in CONTENT_TYPES)
                   for p in self.candidates(head))  # (also "its rejection of Israel's proposal")

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
        if token.dep_ == "pobj" and head.lower_ in ("to", "from", "of") and head.head.lemma_.lower() in ENDING_VERBS:
            return True
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
        if token.pos_ != "NOUN" or token.dep_ != "nsubj" or head.pos_ != "VERB":
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
        if token.lemma_.lower() not in PROPERTY:
            return [token]
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
        for ptype, source, said in reversed(ctx.events):  # "condemned the strikes": the striking told before
            if said == lemma:
                return source
        for ptype, source, said in reversed(ctx.events):
            if not kinds or ptype in kinds:
                return source
        return None

    def fallback_targets(self, trigger: Token, pattern: Pattern, ptype: str | None, sources: list[Token]) -> list[Token]:
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

    def code_trigger(self, trigger: Token, pattern: Pattern, sentence: Span, ctx: ArticleContext) -> list[Draft]:
        receivers: list[Token] = []
        if pattern.kind == "verb":
            source_tokens, inherited = self.subjects(trigger)
            if any(c.dep_ == "auxpass" for c in trigger.children) and not any(
                    c.dep_ == "agent" for c in trigger.children) and pattern is not READY \
                    and not (trigger.lower_ in STANCES and is_stative_passive(trigger)):
                source_tokens, inherited = [], False  # (but "X is committed to ..." is X's own stance)
            if reduced_relative_main(trigger) is not None or is_characterising_clause(trigger):
                return []
            if is_absolute_passive(trigger):
                receivers, source_tokens = source_tokens, []  # "with five civilians injured": the victims
            sent = self.linker.role_noun(trigger.head) if not source_tokens and sent_ones(trigger) else None
            if sent is not None and sent.agent in ("MIL", "COP"):
                source_tokens = [trigger.head]  # "police officers sent to Haiti": their state sent them
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
                if len(parties) == 1 and self.is_the_two(parties[0]):  # "both signed agreements between their countries"
                    return self.code_between(trigger, pattern, parties, sentence, ctx, self.last_two_states(ctx))
        code, ptype, mode = self.code_for(trigger, pattern)
        if code is None:
            return []
        if ptype == "PROTEST" and pattern.kind == "verb" and trigger.lemma_.lower() == "protest" and any(
                c.dep_ == "ccomp" for c in trigger.children) and not any(
                w in CROWDS for t in source_tokens for w in crowd_words(t)):
            code, ptype, mode = "114", "ACCUSE", "disapprove"  # "Russia protested that ...": words, not a rally
        if ptype == "CONSULT" and pattern.kind == "verb" and source_tokens and all(
                t.lemma_.lower() in BODIES for t in source_tokens) and not any(
                c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children):
            return []  # "Israel's cabinet met on Sunday": a body meeting by itself
        if ptype == "CONSULT" and pattern.kind == "verb" and any(
                w.lemma_.lower() in TROOPS for t in source_tokens for w in t.subtree):
            if not any(w.lower_.startswith("peacekeep") for t in source_tokens for w in t.subtree):
                return []  # "troops arrived in the border town": a deployment, not a visit
            code, ptype, mode = "074", "AID", None  # "NATO peacekeeping troops arrived in Bosnia"
        if any(t.lower_ == "other" and any(c.lower_ == "each" for c in t.children) for t in direct_objects(trigger)) \
                and len(source_tokens) >= 2:  # "A and B accused each other": both directions
            return self.code_between(trigger, pattern, source_tokens, sentence, ctx)
        if len(source_tokens) >= 2 and pattern.kind == "verb" and not self.targets(trigger, pattern) and any(
                c.dep_ == "poss" and c.lower_ == "their" for o in direct_objects(trigger) for c in o.children):
            return self.code_between(trigger, pattern, source_tokens, sentence, ctx)  # "A and B upgraded their ties"
        own_targets = receivers + ([] if pattern.source == "from" else self.targets(trigger, pattern))
        target_tokens = [t for t in own_targets if t not in source_tokens]
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
        stateless = [t for t in targets if not t.country and not t.kb_id]
        targets = [t for t in targets if t not in stateless]  # an unknown name: look further first
        def is_own(t: Actor) -> bool:  # ("ordered patrols by police": the state's own forces, mobilised)
            return ptype in FOREIGN_TYPES | {"MOBILIZE"} and bool(source_actors) and all(
                s.country and s.country == t.country and s.agent in STATE_AGENTS and t.agent in STATE_AGENTS
                for s in source_actors)
        own = [t for t in targets if is_own(t)]
        targets = [t for t in targets if t not in own]  # "Australia sent 66 police officers": its own, not a party
        indirect = False
        if not targets:
            found = self.link_all(self.fallback_targets(trigger, pattern, ptype, source_tokens), avoid, ctx)
            found = [t for t in found if not (ptype == "MOBILIZE" and is_own(t))]
            targets = [t for t in found if t.country or t.kb_id or t.agent]
            stateless += [t for t in found if t not in targets]  # "the Attari-Wagah crossing": a name, no party
            indirect = bool(targets)
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
        if not targets and source_actors and ptype not in UNDIRECTED_TYPES:
            foreign = ptype in FOREIGN_TYPES and len({s.country for s in source_actors}) == 1
            nearest = self.nearest_other(trigger, sentence, source_tokens, source_actors, ctx, foreign)
            closure = any(o.lemma_.lower() in BORDERS | {"crossing", "crossings"} for o in direct_objects(trigger))
            if nearest is None and (ptype in RELATIONAL_TYPES or closure) and sentence.start > 0:
                previous = sentence.doc[sentence.start - 1].sent  # "Petro refused ...": the other side, named before
                nearest = self.nearest_other(trigger, previous, [], source_actors, ctx, foreign)
            if nearest is not None:
                targets, guessed = [nearest], True
        if not targets and pattern.target == "focus" and self.linker.is_state(ctx.focus_country) and source_actors:
            at_home = any(a.country == ctx.focus_country for a in source_actors)  # (at home: to its own people)
            targets, guessed = [self.linker.state_actor(ctx.focus_country, "CVL" if at_home else "GOV")], True
        given = ptype in ("AID", "AGREE") and source_actors and not (  # "delivering food in North Darfur"
            ptype in SYMMETRIC_TYPES and len({a.country for a in source_actors}) > 1)
        struck = ptype == "ASSAULT" and target_tokens  # "four children were killed in the Gaza Strip"
        if not targets and (given or struck):  # done to the people of the place it happened in
            where = self.scene_state(trigger, source_tokens, [])
            if where and self.linker.is_state(where) and not any(a.country == where for a in source_actors):
                targets, guessed = [self.linker.state_actor(where, "CVL")], True
        if not targets and stateless and ptype not in DOMESTIC_TARGET_TYPES:
            targets = stateless  # nothing better: the unknown party as named
        if not targets and own and ptype != "MOBILIZE":
            return []  # "the prime minister defended the police": within one state, no relation
        defaulted = False
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
                state = self.linker.state_actor(states[0].country, "GOV")
                source_actors, defaulted = [replace(state, kb_id=f"country:{state.country}")], True
        if not source_actors and pattern.source == "target" and targets and pattern.kind == "verb" \
                and any(c.dep_ == "auxpass" for c in trigger.children):
            where = self.scene_state(trigger, [], target_tokens)  # "a missionary was arrested in Lebanon"
            if where and self.linker.is_state(where):
                state = self.linker.state_actor(where, "GOV")
                source_actors, defaulted = [replace(state, kb_id=f"country:{state.country}")], True
        if not source_actors and pattern.source == "target" and targets and targets[0].country:
            state = self.linker.state_actor(targets[0].country, "GOV")  # a release of prisoners: their state
            source_actors, defaulted = [replace(state, kb_id=f"country:{state.country}")], True
        if not source_actors and ptype == "ASSAULT" and not source_tokens:
            means = [p for c in trigger.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by")
                     for p in c.children if p.dep_ == "pobj"]  # "killed in Israeli tank shelling": whose tanks
            owners = [o for m in means for o in self.owners(m) if o.ent_type_ in ("NORP", "GPE", "ORG")]
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
        # a source must be someone known, or an attacker the text leaves unnamed
        source_actors = [a for a in source_actors if a.country or a.kb_id or a.agent == "UAF"]
        if not source_actors:
            return []
        if pattern.requires_target and not targets and not (ptype in SYMMETRIC_TYPES and len(source_actors) > 1):
            return []  # ("Putin and Xi talked": each is the other's party)
        if not any(a.country for a in source_actors) and not any(a.country for a in targets):
            return []  # an event between actors of no known country says nothing about any relation
        if ptype in ("ASSAULT", "COERCE") and any(a.agent == "OPP" for a in source_actors) and \
                any(w in CROWDS for t in source_tokens for w in crowd_words(t)) and \
                not any(w.lemma_.lower() in WAR_MEANS for w in trigger.subtree):  # (missiles are no riot)
            ptype, code, mode = "PROTEST", "145", "riot"  # protesters storming or burning: a riot
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
        mutual = ptype in SYMMETRIC_TYPES and len({a.country for a in source_actors}) > 1  # "A and B met"
        if negated and ptype in REFUSABLE and (modality is not Modality.ASSERTED or trigger.dep_ == "xcomp"):
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
            inner_type = cameo(inner[0].cameo).plover if inner else None
            if inner_type in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE"):  # "vowed to fight", "ready to impose"
                ptype, code = PLANNED_RETYPE[inner_type]
                mode = None
        if modality is Modality.PLANNED and ptype in PLANNED_RETYPE:
            ptype, code = PLANNED_RETYPE[ptype]
            mode = None
        if not targets and ptype in ("COERCE", "THREATEN") and self.linker.is_state(source_actors[0].country):
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
        if mutual and (indirect or guessed or all(not t.country for t in targets)):
            targets, indirect, guessed = [], False, False  # "A and B agreed to a ceasefire at a summit in C"
        pairs = self.pairs(source_actors, targets, ptype)
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
            ctx.events.append((ptype, pairs[0][0], trigger.lemma_.lower()))
        return [Draft(trigger, pattern, ptype, mode, code, src, tgt, modality, negated, attribution,
                      quantity, span, confidence) for src, tgt in pairs]

    def is_toll_of_attack(self, trigger: Token) -> bool:
        """Is the trigger the participle telling the toll of an attack told by the verb it hangs on?"""
        verb = trigger
        while verb.dep_ == "conj" and verb.head.i != verb.i:  # "killing or wounding 50"
            verb = verb.head
        return verb.dep_ == "advcl" and verb.tag_ == "VBG" and any(
            cameo(p.cameo).plover == "ASSAULT" for p in self.candidates(verb.head))

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

    def between(self, noun: Token) -> list[Token]:
        """The parties of "talks between X and Y", also through a head noun ("a mediation mission between")."""
        holders = [noun] + ([noun.head] if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else [])
        found = [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "between"
                 for p in c.children if p.dep_ == "pobj"]
        return expand(found)

    @staticmethod
    def is_the_two(token: Token) -> bool:
        """'Their countries', 'the two countries', 'both sides': two parties the sentence does not name."""
        if token.tag_ != "NNS" or token.lemma_.lower() not in ("country", "nation", "side", "government", "state"):
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

    def code_between(self, trigger: Token, pattern: Pattern, parties: list[Token], sentence: Span,
                     ctx: ArticleContext, actors: list[Actor] | None = None) -> list[Draft]:
        """Events between parties named together: one symmetric event, or both directions."""
        if actors is None:
            actors = [a for a in (self.linker.link(t, ctx) for t in parties) if a is not None]
        code, ptype, mode = self.code_for(trigger, pattern)
        if code is None or len(actors) < 2:
            return []
        reading = modality_rules.read(trigger, sentence)
        pairs = [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:] if not same_actor(a, b)]
        if ptype not in SYMMETRIC_TYPES:
            pairs += [(b, a) for a, b in pairs]
        span = evidence_span(trigger, parties, [])
        confidence = self.confidence(pattern, False, False, True, [(None, a) for a in actors], reading)
        return [Draft(trigger, pattern, ptype, mode, code, a, b, reading.modality, reading.negated, None, None,
                      span, confidence) for a, b in pairs]

    def nearest_other(self, trigger: Token, sentence: Span, source_tokens: list[Token], sources: list[Actor],
                      ctx: ArticleContext, foreign: bool = False) -> Actor | None:
        """A target the grammar did not give: the known actor nearest the trigger in the same sentence,
        other than the source ("Macron recalled the envoys after Canberra ditched the deal"); of another
        state, for the types that only relate states (`foreign`)."""
        taken = {t.i for s in source_tokens for t in s.subtree} if source_tokens else set()
        speaker, _ = modality_rules.attribution(trigger, sentence)
        if speaker is not None and not self.speaks_of_itself(trigger, speaker):
            taken |= {t.i for t in speaker.subtree}  # "..., the UN agency said": who tells of it is no party
        # "will not accept refugees if war starts in Iraq": a condition's places are not the act's parties
        taken |= {t.i for c in trigger.children if is_condition(c) for t in c.subtree}
        best, best_distance = None, None
        for ent in entities(sentence.doc):
            if ent.start < sentence.start or ent.end > sentence.end:
                continue
            if not ent.ent_id_ or ent.start in taken or ent.label_ not in ("GPE", "NORP", "ORG", "PERSON"):
                continue
            if ent.label_ == "NORP" and ent.root.head.lemma_.lower() in TONGUES:
                continue  # "restrictions on the Russian language": a language, not its state
            entry = self.linker.kb.entries.get(ent.ent_id_)
            if entry is None or entry.kind == "city":
                continue
            distance = abs(ent.root.i - trigger.i)
            if best_distance is not None and distance >= best_distance:
                continue
            actor = self.linker.link(ent.root, ctx, sources[0]) if ent.root.ent_id_ else None
            if actor is None or actor.country is None or any(same_actor(actor, s) for s in sources):
                continue
            if any(actor.country == s.country and (foreign or actor.code == s.code) for s in sources):
                continue
            best, best_distance = actor, distance
        return best

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
        if code == "1823" and any(w.lemma_.lower() in WAR_MEANS for w in trigger.subtree if w.i != trigger.i):
            code = "190"  # "killed in tank shelling", "killed by an air strike": killing as an act of war
        if trigger.lemma_.lower() in COMMITMENTS and code.startswith("03"):
            complement = self.complement(trigger)
            if complement is not None and complement.lemma_.lower() in HOSTILE_INTENTS:
                code = "130"  # "vowed that Somalia would defend its territory": a threat, not a pledge
        entry = cameo(code)
        if pattern.type and pattern.type != entry.plover:
            return code, pattern.type, pattern.mode  # the table's mode belongs to its own type
        return code, entry.plover, pattern.mode or entry.mode

    @staticmethod
    def pairs(sources: list[Actor], targets: list[Actor], ptype: str | None) -> list[tuple[Actor, Actor | None]]:
        """One event per (source, target) pair; "A and B met" is one symmetric event A→B."""
        if not targets and ptype in SYMMETRIC_TYPES and len(sources) > 1:
            return [(a, b) for i, a in enumerate(sources) for b in sources[i + 1:] if not same_actor(a, b)]
        if not targets:
            return [(s, None) for s in sources]
        found, seen = [], set()
        for (k, s), t in product(enumerate(sources), targets):
            if same_actor(s, t) or (s.code and s.code == t.code):  # a party does not act on itself
                continue
            if ptype in FOREIGN_TYPES and s.country and s.country == t.country \
                    and s.agent in STATE_AGENTS and t.agent in STATE_AGENTS:
                continue
            if ptype == "SANCTION" and s.country and s.country == t.country and t.kb_id is None \
                    and t.agent in ("CVL", None) and s.agent in STATE_AGENTS:
                continue  # "sanctions on 37 people": a state's sanctions are on foreigners, unnamed ones
            side = side_of(t)  # "the government and the rebels in Darfur must ...": one act on each side
            if t.country and (k, t.country, side) in seen:
                continue  # "sanctions on Belarusian officials and judges": one act against one state
            seen.add((k, t.country, side))
            found.append((s, t))
        return found

    def resolve_it(self, token: Token, avoid: Actor | None, ctx: ArticleContext) -> Actor | None:
        """'it': an earlier object or subject in the same sentence, else in the previous one, or the actor
        owning it ("Belarus' initiative", "a Filipino supply vessel")."""
        doc = token.doc
        sent = token.sent
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


def hyphen_word(token: Token) -> str | None:
    """'Cease-fire' is three tokens with the last as head: the whole word, or None."""
    doc = token.doc
    hyphens = doc.user_data.get("eventwire.hyphens")
    if hyphens is None:  # found once per document: asked of every token, a token lookup each is slow
        hyphens = doc.user_data["eventwire.hyphens"] = frozenset(t.i for t in doc if t.text == "-")
    if token.i - 1 not in hyphens or token.i < 2:
        return None
    hyphen, first = doc[token.i - 1], doc[token.i - 2]
    if first.head.i == token.i and not hyphen.whitespace_ and not first.whitespace_:
        return f"{first.lower_}-{token.lower_}"
    return None


def lemma_guesses(token: Token) -> list[str]:
    """The lemma, then the word itself and regular de-inflections: the small model's lemmatizer slips
    ("staged" → "stag"), and a missed trigger is a missed event."""
    word = token.lower_
    guesses = [token.lemma_.lower(), word]
    joined = hyphen_word(token)
    if joined:
        guesses.insert(0, joined)  # "cease-fire", tokenised as cease - fire
    if word.endswith("ied"):
        guesses.append(word[:-3] + "y")
    if word.endswith("ed"):
        guesses += [word[:-1], word[:-2], word[:-3] if len(word) > 4 and word[-3] == word[-4] else word[:-2]]
    if word.endswith("ing"):
        guesses += [word[:-3] + "e", word[:-3], word[:-4] if len(word) > 5 and word[-4] == word[-5] else word[:-3]]
    if word.endswith("ies"):
        guesses.append(word[:-3] + "y")
    if word.endswith("es"):
        guesses.append(word[:-2])
    if word.endswith("s"):
        guesses.append(word[:-1])
    return guesses


def is_alleged(token: Token) -> bool:
    """'Alleged that the military helped to carry out killings', 'accused Rwanda of supporting M23': what an
    accusation says was done is its content, not an event the article reports."""
    child = token
    for _ in range(8):
        head = child.head
        if head.i == child.i or child.dep_ == "relcl":
            return False
        lemma = head.lemma_.lower()
        if child.dep_ == "ccomp" and lemma in ALLEGING:
            return True
        if child.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and lemma in CLAIMS:
            return True  # "demanded an admission that its forces murdered ...": what is to be admitted
        if lemma in ACCUSING and (child.dep_ in ("ccomp", "xcomp", "pcomp")
                                  or (child.dep_ == "prep" and child.lower_ in ("of", "for"))):
            return True
        child = head
    return False


def is_absolute_passive(verb: Token) -> bool:
    """'With two officials killed and five civilians injured': a participle whose subject is what it
    happened to, not who did it (the parser tags it either way, and gives it no auxiliary)."""
    if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass", "agent") for c in verb.children) \
            or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    clause = verb.head if verb.dep_ == "conj" else verb
    after_with = any(c.dep_ == "mark" and c.lower_ == "with" for c in clause.children) or (
        clause.dep_ == "pcomp" and clause.head.lower_ == "with")
    return after_with or (verb.tag_ == "VBN" and verb.dep_ in ("advcl", "pcomp", "acl", "conj", "pobj"))


def is_characterising_clause(verb: Token) -> bool:
    """'The militant group that has seized parts of Iraq and Syria': a relative clause in the present
    perfect says what a party is known for, not what the news reports it doing."""
    return verb.dep_ == "relcl" and verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)


def undergoing_possessors(noun: Token) -> list[Token]:
    """'Camacho's arrest', 'his release': a person's possessive on what is done to people names who it was
    done to, not who did it ("Israel's release of prisoners", with its "of" phrase, names the doer). Such a
    phrase mostly refers to an act told before, so it gives no target of its own either."""
    if noun.lemma_.lower() not in UNDERGONE or any(c.dep_ == "prep" and c.lower_ in ("of", "by")
                                                   for c in noun.children):
        return []
    return [c for c in noun.children if c.dep_ == "poss" and (c.ent_type_ == "PERSON" or (
        c.pos_ == "PRON" and c.lower_ in ("his", "her")))]


def reduced_relative_main(verb: Token) -> Token | None:
    """'The civilians imprisoned for ... were released by Putin': the parser takes the participle for the
    main verb and the real one for its conjunct, with no "and" between them and no subject of its own.
    The participle describes who was released and tells no event of its own; the real main verb, or None."""
    if verb.tag_ not in ("VBD", "VBN") or verb.dep_ != "ROOT" or direct_objects(verb) or \
            not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children) or \
            any(c.dep_ in ("cc", "aux", "auxpass") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ in ("conj", "ccomp") and c.tag_ == "VBN" and c.i > verb.i
                 and any(a.dep_ == "auxpass" and a.i < c.i for a in c.children)
                 and not any(a.dep_ in ("nsubj", "nsubjpass", "cc", "mark") for a in c.children)), None)


def is_condition(clause: Token) -> bool:
    """An "if" or "unless" clause: what it names sets a condition, it is not where or to whom the act is."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children)


def verbless_subject(verb: Token) -> Token | None:
    """'Doctors from two aid groups donated and delivered goods to ...': with no verb above it, the parser
    hangs the main verb on the subject as a participle; a participle acting on an object (or with a past
    tense verb joined to it) is the sentence's verb, and the sentence's noun root is its subject."""
    root = verb.sent.root
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or root.pos_ not in ("NOUN", "PROPN") \
            or any(c.dep_ in ("auxpass", "agent") for c in verb.children) \
            or any(a.pos_ in ("VERB", "AUX") for a in verb.ancestors):
        return None
    if not direct_objects(verb) and not any(c.dep_ == "conj" and c.tag_ == "VBD" for c in verb.children):
        return None
    return root


def crowd_words(token: Token) -> list[str]:
    """The lemma of a source's head, and of its members when the head counts them ("hundreds of demonstrators")."""
    words = [token.lemma_.lower()]
    if token.lower_ in GROUP_HEADS:
        words += [p.lemma_.lower() for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
    return words


# Buildings and goods that stand for their owner when an act is aimed at them.
PROPERTY = {"office", "offices", "headquarters", "home", "homes", "house", "houses", "residence", "compound",
            "premises", "property", "properties", "assets", "building", "buildings", "vehicle", "vehicles",
            "convoy", "ship", "ships", "vessel", "vessels", "base", "bases", "positions", "position", "camp",
            "system", "systems", "network", "networks", "website", "websites", "server", "servers", "door",
            "doors", "gate", "gates"}
CARRIERS = {"helicopter", "plane", "aircraft", "airplane", "jet", "bus", "car", "truck", "vehicle", "convoy", "boat",
            "ship", "vessel", "ferry", "train", "airliner", "minibus", "van"}
BORDERS = {"border", "borders", "frontier", "frontiers", "boundary"}


def across_border(token: Token) -> list[Token]:
    """'Forces massed on the Kosovo border', 'along the border with Kosovo': the state whose border it
    is aims the act at that state; any other place or party is itself."""
    if token.lemma_.lower() not in BORDERS:
        return [token]
    beyond = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
              if p.dep_ == "pobj"]
    beyond = beyond or [c for c in token.children if c.dep_ in ("compound", "poss", "amod")
                        and c.ent_type_ in ("GPE", "NORP")]
    return beyond or [token]


def is_stative_passive(token: Token) -> bool:
    """'Vietnam is committed to opening up': a participle that says how its subject stands, with no doer."""
    return any(c.dep_ == "auxpass" for c in token.children) and any(c.dep_ == "nsubjpass" for c in token.children) \
        and not any(c.dep_ == "agent" for c in token.children)


def is_title(token: Token) -> bool:
    """'The Warsaw Pact', 'the South Asia Free Trade Agreement': the name of an organisation or a
    treaty, not an event."""
    return token.pos_ == "PROPN" and token.ent_type_ in ("ORG", "LAW")


def is_setting(token: Token) -> bool:
    """'... since last month's U.S. invasion', 'because of fighting between X and Y': an act named only as
    the setting of the news, told as news elsewhere if at all."""
    if token.pos_ != "NOUN" or token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ in BACKDROP_PREPS - {"during", "over"} or prep.lower_ == "because" \
        or (prep.lower_ == "of" and prep.head.lower_ == "because") \
        or (prep.lower_ == "to" and prep.head.lower_ in ("response", "reaction") and prep.head.dep_ == "pobj"
            and prep.head.head.lower_ == "in")  # "in response to recent unrest"


CAPTIVITY = {"detain", "hold", "jail", "imprison", "keep", "kidnap", "abduct", "capture", "seize", "take"}


def is_captive_state(token: Token) -> bool:
    """'Handed over the nationals detained in our country', 'the release of Americans held in Venezuela':
    a participle telling how people being released or exchanged came to be held is their state, not news."""
    if not (token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in CAPTIVITY):
        return False
    return not any(c.dep_ in ("agent", "npadvmod") or (c.dep_ == "prep" and c.lower_ in ("on", "last"))
                   for c in token.children)  # ("seized by police on Monday" is still an arrest told)


def act_doers(noun: Token, verb: Token) -> list[Token]:
    """'Welcomed the recognition of Palestine as a state by Ireland': the "by" phrase of the act the verb's
    object names, within the noun's phrase or (as the parser often attaches it) the verb's other phrases."""
    found = []
    for prep in (t for t in verb.subtree if t.lower_ == "by" and t.dep_ == "prep"):
        path, node = [], prep.head
        while node.i not in (noun.i, verb.i) and node.head.i != node.i:
            path.append(node)
            node = node.head
        if node.i in (noun.i, verb.i) and not any(t.pos_ in ("VERB", "AUX") for t in path) \
                and not (node.i == verb.i and not path):  # (not "welcomed by X", the verb's own doer)
            found += [p for p in prep.children if p.dep_ == "pobj"]
    return found


def sent_ones(token: Token) -> list[Token]:
    """'Police officers sent to Haiti': the noun a participle of a verb that moves people or goods
    describes is what was moved."""
    if token.dep_ != "acl" or token.tag_ != "VBN" or token.lemma_.lower() not in SENDING:
        return []
    return [token.head]


def passive_objects(token: Token) -> list[Token]:
    """The subject of a passive verb, which is its object in the active."""
    if not any(c.dep_ == "auxpass" for c in token.children):
        return []
    main = reduced_relative_main(token.head) if token.dep_ in ("conj", "ccomp") else None
    if main is not None and main.i == token.i:
        return [c for c in token.head.children if c.dep_ == "nsubj"]  # "journalists detained ... were released"
    return [c for c in token.children if c.dep_ == "nsubjpass"]


def direct_objects(token: Token) -> list[Token]:
    """Objects, counting a named entity the parser took for a predicate ("called Lukashenka twice")."""
    children = list(token.children)
    objects = [c for c in children if c.dep_ in ("dobj", "obj")]
    if not objects:
        objects = [c for c in children if c.dep_ == "oprd" and c.ent_type_ in ("PERSON", "GPE", "ORG")]
    if not objects:  # "allow [Ouattara to participate]": the parser's clause subject is the verb's object
        objects = [s for c in children if c.dep_ == "ccomp" and c.pos_ == "VERB"
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                   for s in c.children if s.dep_ == "nsubj"]
    return objects


def expand(tokens: list[Token]) -> list[Token]:
    """Coordinated actors: "Hungary and Romania" → both."""
    out = []
    for token in tokens:
        members = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "including" and not token.ent_type_
                   for p in c.children if p.dep_ == "pobj" and p.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")]
        if members:  # "international bodies including the UN and the AU": the bodies named
            out += [m for p in members for m in [p] + [c for c in p.conjuncts if c.i > p.i]]
            continue
        out.append(token)
        out += [c for c in token.conjuncts if c.i > token.i]
        for appos in (c for c in token.children if c.dep_ == "appos"):  # "the PM of the UK, Theresa May, Putin ..."
            listed = [c for c in appos.conjuncts if c.i > appos.i]
            if listed and appos.ent_type_ and appos.ent_type_ == token.ent_type_:
                out.append(appos)  # "The US, Russia, and Switzerland": a list the parser began as an apposition
            out += listed
    seen, unique = set(), []
    for token in out:
        if token.i not in seen:
            seen.add(token.i)
            unique.append(token)
    return unique


def same_actor(a: Actor, b: Actor) -> bool:
    """The same party: the same entry in the same sector ("Georgian demonstrators" are not the Georgian
    government, though both point to the Georgian state)."""
    if a.kb_id and b.kb_id:
        return a.kb_id == b.kb_id and (a.code == b.code or not a.kb_id.startswith(("country:", "seat:")))
    return a.name == b.name and a.country == b.country


def evidence_span(trigger: Token, sources: list[Token], targets: list[Token]) -> tuple[int, int]:
    """From the first to the last word of trigger, source and target, within the sentence."""
    sent = trigger.sent
    tokens = [trigger] + [t for t in sources + targets if t.sent == sent]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end
