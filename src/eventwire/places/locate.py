"""Where did the event happen? The place in the sentence that the parse ties to the event's trigger.

A sentence names many places; the event happened in the one attached to its trigger: by a locative
preposition ("clashes in Homs"), as the destination of a movement ("sent his envoy to Minsk"), as a
modifier of the trigger or its arguments ("a Gaza hospital was hit"), or as the object of a
territorial verb ("rebels captured Bakwa"). Each candidate mention is scored by walking the
dependency tree from it to the trigger; every hop that loosens the tie lowers the score, and a
place that is only loosely tied (the embassy in Paris that sent an invitation, where the reporter
spoke) loses to a tied one or yields None.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Collection
from dataclasses import dataclass

from eventwire.nlp import entities
from eventwire.places.gazetteer import Gazetteer
from eventwire.records import Place

log = logging.getLogger(__name__)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# entity labels that a proper noun in a clearly locative frame may still carry by the small model's
# mistake ("the cities of Palmyra" tagged PERSON); other labels (dates, money, ...) never are places
RELABELABLE = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", ""}

LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "within",
            "off", "along", "over", "on", "beside", "nearby", "past", "outskirts", "through",
            "amid", "into", "onto"}
DIRECTIONAL = {"to", "toward", "towards", "into", "onto", "for"}
ORIGIN = {"from", "out"}
MOVEMENT = {"visit", "travel", "send", "fly", "arrive", "deploy", "dispatch", "go", "come", "return",
            "head", "move", "march", "sail", "land", "deliver", "ship", "transfer", "extradite",
            "deport", "bring", "take", "trip", "journey", "mission", "delegation", "airlift", "drive",
            "redeploy", "relocate", "evacuate", "smuggle", "export", "invite", "welcome", "reach",
            "summon", "recall"}
WITHDRAWAL = {"withdraw", "retreat", "pull", "evacuate", "expel", "flee", "escape", "oust", "drive",
              "leave", "withdrawal", "expulsion", "exit"}
# verbs whose direct object (or passive subject) is the place where they happen
TERRITORIAL = {"attack", "capture", "seize", "bomb", "shell", "strike", "hit", "invade", "occupy",
               "enter", "visit", "overrun", "liberate", "raid", "storm", "besiege", "blockade",
               "retake", "recapture", "rock", "shake", "target", "control", "take", "bombard",
               "surround", "encircle", "flood", "patrol", "tour", "rule", "overrun", "reach",
               "ravage", "sweep", "grip", "paralyze", "paralyse", "loot", "burn", "destroy", "damage",
               "fall", "lose", "win", "secure", "clear", "cross", "leave", "evacuate", "host", "march"}
SPEECH = {"say", "tell", "announce", "report", "state", "claim", "add", "note", "declare", "confirm",
          "deny", "warn", "insist", "reveal", "write", "quote", "explain", "assert", "allege",
          "believe", "think", "argue", "acknowledge", "admit", "indicate", "suggest", "estimate"}
# events made of words: a place in their object is a topic ("criticised the treatment of refugees in X")
VERBAL = {"criticize", "criticise", "condemn", "praise", "accuse", "urge", "demand", "call", "welcome",
          "warn", "threaten", "blame", "deny", "reject", "thank", "congratulate", "ask", "appeal",
          "endorse", "recognize", "recognise", "denounce", "applaud", "slam", "blast", "discuss",
          "propose", "offer", "promise", "pledge", "request", "invite", "question", "dispute",
          "impose", "sanction", "ban", "boycott", "support", "back", "oppose", "protest"}
# institutions: a place after them is their address ("the Belarusian embassy in Paris")
INSTITUTIONS = {"embassy", "consulate", "ministry", "office", "headquarters", "mission", "bureau",
                "branch", "court", "university", "company", "firm", "bank", "newspaper", "agency",
                "station", "channel", "institute", "council", "committee", "commission", "party"}
# common nouns that name places: "the town of X" is X, "the X province" is about X
PLACE_NOUNS = {"vicinity", "edge", "heart", "middle", "streets", "countryside", "perimeter",
               "suburbs", "environs", "battlefield", "battlefields", "parts", "part", "north", "south",
               "east", "west", "northeast", "northwest", "southeast", "southwest", "interior",
               "city", "town", "village", "province", "district", "region", "area", "neighbourhood",
               "neighborhood", "suburb", "state", "county", "capital", "country", "port", "enclave",
               "territory", "governorate", "municipality", "prefecture", "oblast", "valley", "island",
               "islands", "strip", "peninsula", "coast", "outskirts", "street", "square", "zone",
               "hamlet", "settlement", "camp", "quarter", "township", "commune", "department",
               "borough", "locality", "community", "republic", "kingdom", "emirate", "island",
               "mountains", "hills", "river", "border", "frontier", "sector", "front", "heights",
               "desert", "gulf", "sea", "bay", "lake", "center", "centre", "downtown", "road",
               "highway", "refinery", "base", "airport", "hospital", "market", "mosque", "church",
               "school", "university", "stadium", "hotel", "prison", "checkpoint", "bridge",
               "crossing", "station", "compound", "building", "headquarters", "palace", "parliament",
               "embassy", "consulate", "ministry", "office", "residence", "house", "home", "field",
               "farm", "mine", "plant", "factory", "complex", "facility", "site", "spot", "entrance",
               "gate", "gates", "approaches", "shop", "restaurant", "cafe", "shrine", "temple",
               "outpost", "wharf", "harbour", "harbor", "terminal", "terminals", "village",
               "villages", "towns", "cities", "provinces", "districts", "regions", "areas",
               "installations", "facilities", "oilfields", "fields", "positions", "bases"}
# nouns for people and institutions: a place that modifies them says whose, not where
ACTOR_NOUNS = {"government", "authorities", "authority", "police", "army", "forces", "force", "troops",
               "official", "officials", "president", "minister", "leader", "leaders", "people",
               "residents", "resident", "refugees", "refugee", "team", "side", "court", "media",
               "newspaper", "agency", "envoy", "ambassador", "delegation", "spokesman", "spokeswoman",
               "militants", "rebels", "fighters", "soldiers", "citizens", "citizen", "nationals",
               "native", "natives", "student", "students", "man", "woman", "men", "women", "family",
               "families", "counterpart", "counterparts", "regime", "administration", "parliament",
               "lawmakers", "voters", "party", "ministry", "embassy", "consulate", "group", "groups",
               "company", "firm", "bank", "club", "council", "mayor", "governor", "judge", "driver",
               "photographer", "journalist", "reporter", "correspondent", "diplomat", "diplomats",
               "supporters", "opposition", "protesters", "demonstrators", "workers", "worker",
               "prisoners", "prisoner", "detainees", "immigrants", "migrants", "population",
               "officer", "officers", "policeman", "policemen", "commander", "commanders", "chief",
               "head", "member", "members", "guard", "guards", "gunmen", "insurgents", "suspects",
               "organiser", "organizer", "champion", "player", "players", "coach", "owner",
               "sources", "source", "spokesperson", "representative", "delegate", "delegates",
               "negotiator", "negotiators", "army", "navy", "militia", "militias", "unit", "units"}
# nominal events: "the bombardment of X" took place in X
EVENT_NOUNS = {"attack", "bombing", "bombardment", "raid", "offensive", "siege", "capture", "invasion",
               "occupation", "shelling", "clash", "clashes", "fighting", "battle", "protest",
               "demonstration", "rally", "strike", "airstrike", "explosion", "blast", "visit", "trip",
               "talks", "meeting", "summit", "election", "elections", "operation", "assault", "ambush",
               "massacre", "killing", "shooting", "violence", "unrest", "riot", "riots", "war",
               "conflict", "campaign", "liberation", "blockade", "fall", "takeover", "conquest",
               "destruction", "evacuation", "sack", "recapture", "defence", "defense", "incursion"}

# A mention's score is the product of one factor per hop from it to the trigger. Below THRESHOLD
# the tie is too loose and the event gets no place; mentions within TIE_MARGIN of the best are tied,
# and the most precise of them (a town over its province over its country) wins.
THRESHOLD = 0.3
TIE_MARGIN = 0.2


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    root: int
    text: str
    structural: bool  # found by its frame, not by NER or the gazetteer


_AIMING = {"shoot", "fire", "aim", "throw", "hurl", "point", "launch", "lob", "swing", "lash", "yell",
           "shout", "look", "laugh", "stare", "rail", "jab", "strike", "hit", "direct"}


def _prep_factor(prep, trigger) -> float:
    """How strongly a preposition ties its object to what it attaches to, as a location."""
    lemma = prep.lower_
    trig = trigger.lemma_.lower()
    if lemma == "at" and prep.head.lemma_.lower() in _AIMING:
        return 0.3  # "shooting at Croats": a target
    if lemma in DIRECTIONAL and lemma not in LOCATIVE:
        if trig in MOVEMENT:
            return 1.0
        return 0.9 if prep.head.lemma_.lower() in PLACE_NOUNS else 0.35  # "the entrance to X"
    if lemma == "on":  # "an attack on X" is there; "sanctions on X", "a statement on X" are not
        head = prep.head.lemma_.lower()
        return 0.8 if head in EVENT_NOUNS or head in TERRITORIAL else 0.25
    if lemma == "over":  # "flew over Syria", but "a dispute over Kashmir"
        return 0.6
    if lemma in LOCATIVE:
        return 1.0
    if lemma in ORIGIN:
        return 0.8 if trig in WITHDRAWAL else 0.25
    if lemma == "of":
        head = prep.head
        if head.lemma_.lower() in PLACE_NOUNS or head.lower_ in PLACE_NOUNS:
            return 1.0
        if head.i == trigger.i or head.lemma_.lower() in EVENT_NOUNS:
            return 0.9
        if head.lower_ in {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                           "southwest", "outskirts", "heart", "centre", "center", "part", "parts"}:
            return 1.0
        return 0.35
    if lemma in {"between", "among", "beyond", "under", "via", "behind", "during"}:
        return 0.6
    return 0.2


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _noun_kind(tok, place_tokens: dict[int, str]) -> str:
    """place, event, actor or other: what a noun on the path says about the place below it."""
    if tok.i in place_tokens or _lemma(tok) in PLACE_NOUNS or tok.lower_ in PLACE_NOUNS:
        return "place"
    if tok.ent_type_ in {"PERSON", "ORG", "NORP"}:
        return "actor"
    if _lemma(tok) in EVENT_NOUNS or tok.lower_ in EVENT_NOUNS:
        return "event"
    if _lemma(tok) in ACTOR_NOUNS or tok.lower_ in ACTOR_NOUNS:
        return "actor"
    return "other"


_MODIFIER_DEPS = {"compound", "amod", "nmod", "flat", "appos", "conj", "nn", "npadvmod", "nummod",
                  "advmod"}
_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM"}
# a clause on the path between the place and the trigger: how much of the tie survives it
_CLAUSE_DOWN = {"xcomp": 0.8, "pcomp": 0.85, "conj": 0.7, "advcl": 0.6, "acl": 0.5, "relcl": 0.35,
                "ccomp": 0.2, "parataxis": 0.2, "csubj": 0.4}
# the same once the place stands in a locative phrase ("in X", "near X"): the small model often
# hangs such a phrase too low ("shot with a gun equipped with a silencer in central Moscow")
_CLAUSE_DOWN_LOCATED = {**_CLAUSE_DOWN, "acl": 0.7, "relcl": 0.55, "advcl": 0.7}
_CLAUSE_UP = {"xcomp": 0.85, "conj": 0.85, "advcl": 0.7, "pcomp": 0.7, "prep": 0.7, "pobj": 0.8,
              "dobj": 0.75, "nsubj": 0.75, "nsubjpass": 0.75, "attr": 0.75, "obj": 0.75,
              "acl": 0.45, "relcl": 0.45, "ccomp": 0.15, "parataxis": 0.15}


def _score(mention: _Mention, trigger, place_tokens: dict[int, str]) -> float:
    """How firmly the parse ties the mention to the trigger as its location, from 0 to 1.

    Walks from the mention's root up to the trigger, or to where the mention's and the trigger's
    branches meet. First inside the place phrase ("the West Bank city of Nablus"), then the one
    relation that attaches the phrase (a preposition, an argument, a modifier: it decides most),
    then the chain of words above it, each hop loosening the tie a little.
    """
    trig_anc = {trigger.i}
    trig_anc.update(a.i for a in trigger.ancestors)
    tok = trigger.doc[mention.root]
    if tok.i in trig_anc:
        return 0.0
    score = 1.0
    hops = 0
    in_phrase = True
    located = False  # the phrase hangs from a locative preposition
    while tok.i not in trig_anc:
        head, dep = tok.head, tok.dep_
        if head.i == tok.i:
            return 0.0
        if in_phrase:
            factor, in_phrase = _phrase_step(tok, head, dep, trigger, place_tokens)
            hops -= in_phrase  # hops inside the place phrase are not distance
            located = not in_phrase and dep == "pobj" and factor >= 0.8
        elif dep in {"prep", "agent", "dative"}:
            if (head.pos_ in _NOMINAL and head.i not in trig_anc and _lemma(head) in INSTITUTIONS
                    and head.dep_ in {"nsubj", "poss", "compound"}):
                # "the embassy in Paris sent": the doer's address, not where anything happened
                factor = 0.3
            elif head.pos_ in _NOMINAL and head.i not in trig_anc:
                factor = {"place": 0.95, "event": 0.9, "actor": 0.75}.get(
                    _noun_kind(head, place_tokens), 0.9 if located else 0.85)
            else:
                factor = 1.0
        elif dep == "pobj":
            factor = _chain_prep_factor(head, place_tokens)
        elif dep in {"dobj", "nsubjpass", "nsubj", "attr", "obj", "compound", "appos", "conj",
                     "oprd", "npadvmod"} and tok.pos_ in _NOMINAL:
            # what a criticism or a demand is about is not where it was made
            factor = 0.3 if dep in {"dobj", "obj"} and _lemma(head) in VERBAL else 0.85
        elif dep == "conj" and _own_subject(tok):
            factor = 0.6  # "X was captured and Y was killed in Z": likely another event
        elif dep in _CLAUSE_DOWN:
            factor = (_CLAUSE_DOWN_LOCATED if located else _CLAUSE_DOWN)[dep]
        else:
            factor = 0.6
        score *= factor
        hops += 1
        tok = head
    meet = tok
    node = trigger
    while node.i != meet.i:
        if node.dep_ == "conj" and _own_subject(node):
            score *= 0.6
        else:
            score *= _CLAUSE_UP.get(node.dep_, 0.6)
        hops += 1
        node = node.head
    if meet.i != trigger.i and _lemma(meet) in SPEECH:
        score *= 0.3
    if hops > 4:
        score *= 0.93 ** (hops - 4)
    return score


# prepositions that make their object a topic or a target, not a setting: the protest "against the
# operation in Gaza" was not in Gaza
_TOPIC_PREPS = {"against", "about", "for", "regarding", "toward", "towards", "to", "over", "concerning",
                "like", "than", "despite"}


def _chain_prep_factor(prep, place_tokens: dict[int, str]) -> float:
    """A noun that carries a place below it sits in this preposition's phrase."""
    lemma = prep.lower_
    if lemma in _TOPIC_PREPS:
        return 0.55
    if lemma in ORIGIN:
        return 0.6
    if lemma == "of" and _noun_kind(prep.head, place_tokens) == "actor":
        return 0.5  # "the head of the forces in Tabqa"
    return 0.9


def _own_subject(verb) -> bool:
    """A conjoined verb with a subject of its own is a clause of its own, likely another event."""
    return verb.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
               "northeastern", "northwestern", "southeastern", "southwestern"}
_DISTANCES = {"km", "kilometers", "kilometres", "miles", "mile", "meters", "metres", "kilometer",
              "kilometre", "yards", "hours", "minutes"}


def _is_reference_point(word) -> bool:
    """A compass word with a distance before it: "(some) 50 km northwest of"."""
    if word.lower_ not in _DIRECTIONS:
        return False
    return any(t.lower_ in _DISTANCES for t in word.subtree if t.i < word.i)


def _phrase_step(tok, head, dep, trigger, place_tokens) -> tuple[float, bool]:
    """One hop up from inside the place phrase: (factor, still inside the phrase)."""
    if dep in _MODIFIER_DEPS:
        if head.i == trigger.i:
            return 0.9, False  # "the Gaza bombing"
        kind = _noun_kind(head, place_tokens) if head.pos_ in _NOMINAL else "verb"
        if kind == "place":
            return 1.0, True
        if kind == "actor":
            return 0.35, False  # "the Kabul government": whose, not where
        if kind in {"event", "other"}:
            # "a U.S. airstrike", "Chinese-made U.S. helicopters": a country before a noun says whose
            return (0.2 if place_tokens.get(tok.i) == "country" else 0.8), False
        return (0.8 if dep == "conj" else 0.5), False
    if dep == "poss":  # "Grozny's streets", "Lebanon's border"; not "Caracas' newspaper"
        kind = _noun_kind(head, place_tokens) if head.pos_ in _NOMINAL else "other"
        if kind == "place":
            return 0.9, True
        if kind == "actor" or kind == "other" and place_tokens.get(tok.i) == "country":
            return 0.3, False  # "the Philippines' participation": the country acts
        return 0.7, False
    if dep == "pobj":
        factor = _prep_factor(head, trigger)
        stays = head.lower_ == "of" and _noun_kind(head.head, place_tokens) == "place"
        if stays and _is_reference_point(head.head):
            factor *= 0.5  # "Kakata, 60 km northeast of Monrovia": Monrovia is only a landmark
        return factor, stays
    if dep == "prep":  # "the town of X": the preposition hangs off a place noun
        return (1.0 if _noun_kind(head, place_tokens) == "place" else 0.8), True
    if dep in {"dobj", "nsubjpass", "obj", "attr", "oprd"}:
        verb = _lemma(head)
        if verb in VERBAL:
            return 0.2, False  # "praised France": the country is the target
        if verb in TERRITORIAL or head.i == trigger.i and verb in MOVEMENT:
            # people are captured and hit too: trust a name the gazetteer knows more than the tagger
            return (0.85 if place_tokens.get(tok.i) in {"country", "known"} else 0.5), False
        return 0.4, False
    if dep in {"nsubj", "csubj", "expl"}:
        return 0.25, False  # a place as the doer is an actor
    return 0.4, False


def _mentions(sentence, gazetteer: Gazetteer) -> list[_Mention]:
    """Place mentions: GPE/LOC/FAC entities, and proper nouns the gazetteer knows or the frame marks."""
    doc = sentence.doc
    found: list[_Mention] = []
    taken: set[int] = set()
    ent_label: dict[int, str] = {}
    for ent in entities(doc):
        if ent.end <= sentence.start or ent.start >= sentence.end:
            continue
        for i in range(ent.start, ent.end):
            ent_label[i] = ent.label_
        if ent.label_ in PLACE_LABELS:
            span = _trim(ent)
            if span is None or _is_based(span) or _people_word(span, gazetteer):
                continue
            found.append(_Mention(span.start, span.end, span.root.i, span.text, False))
            taken.update(range(span.start, span.end))
    i = sentence.start
    while i < sentence.end:
        tok = doc[i]
        if tok.pos_ != "PROPN" or i in taken:
            i += 1
            continue
        j = i + 1
        # one run of proper nouns, not crossing an entity's edge ("Corsica Thursday" is two)
        while j < sentence.end and j not in taken and doc[j].ent_iob_ != "B" and (
                doc[j].pos_ == "PROPN" and ent_label.get(j, "") == ent_label.get(i, "")
                or doc[j].tag_ == "HYPH" and j + 1 < sentence.end and doc[j + 1].pos_ == "PROPN"):
            j += 1
        span = doc[i:j]
        i = j
        labels = {ent_label.get(k, "") for k in range(span.start, span.end)}
        if not labels <= RELABELABLE or _is_based(span) or _people_word(span, gazetteer) or _calendar_word(span):
            continue
        in_gazetteer = span.text in gazetteer
        structural = _locative_frame(span.root) or in_gazetteer and _directional_frame(span.root)
        known = not (labels - {""}) and in_gazetteer and not _sentence_initial_word(span)
        if structural or known:
            found.append(_Mention(span.start, span.end, span.root.i, span.text, not known))
    return found


def _trim(span):
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].pos_ in {"DET", "PUNCT"}:
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].pos_ == "PUNCT"):
        end -= 1
    return doc[start:end] if end > start else None


def _is_based(span) -> bool:
    """"a London-based group": where the group is from, not where anything happened."""
    doc = span.doc
    k = span.end
    if k < len(doc) and doc[k].lower_ == "-":
        k += 1
    return k < len(doc) and doc[k].lower_ in {"based", "born", "bound", "led", "backed", "made"}


def _people_word(span, gazetteer: Gazetteer) -> bool:
    """"a Slovak hut", "shooting at Croats": an adjective or a plural of a people, not a place."""
    if len(span) != 1 or span.text in gazetteer:
        return False
    return span[0].tag_ in {"JJ", "NNPS"}


_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _calendar_word(span) -> bool:
    """"Captured March 23", "killed in March": a month or a day, not the English town of that name."""
    return len(span) == 1 and span[0].lower_ in _CALENDAR


def _sentence_initial_word(span) -> bool:
    """One capitalised word at the start of a sentence may be an ordinary word ("Police said")."""
    return len(span) == 1 and span.start == span.sent.start and not span[0].is_upper


_NOT_PLACE_FRAMES = {"embassy", "ministry", "office", "house", "home", "university", "school",
                     "parliament", "residence", "compound", "building", "headquarters", "plant",
                     "factory", "company", "complex", "facility", "site", "station", "hotel"}
# verbs whose object can only be a place: "captured Badme"
_TAKEOVER = {"capture", "seize", "overrun", "liberate", "retake", "recapture", "occupy", "invade",
             "besiege", "shell", "bombard", "storm", "enter", "patrol"}


def _directional_frame(root) -> bool:
    """"deployed to Crimea": a destination, for a name the gazetteer knows."""
    return root.dep_ == "pobj" and root.head.lower_ in DIRECTIONAL | ORIGIN


def _locative_frame(root) -> bool:
    """A proper noun the parse puts where only places go: "in X", "the town of X", "the X district"."""
    while root.dep_ == "conj" and root.head.pos_ == "PROPN":
        root = root.head  # "the villages of X and Y"
    head = root.head
    if root.dep_ == "appos" and _lemma(head) in PLACE_NOUNS - _NOT_PLACE_FRAMES:
        return True  # "the regional capital, Grozny"
    if root.dep_ == "dobj" and _lemma(head) in _TAKEOVER:
        return True
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE - {"on", "over"}:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
        return _lemma(head.head) not in _NOT_PLACE_FRAMES
    if root.dep_ == "compound" and _lemma(head) in PLACE_NOUNS - _NOT_PLACE_FRAMES:
        return True
    return False


_PLACE_SUFFIX = re.compile(r"\s+(province|district|region|governorate|city|town|village|state|county|"
                           r"neighbourhood|neighborhood|area|oblast|municipality|prefecture)$", re.I)


def _resolve(mention: _Mention, gazetteer: Gazetteer, countries: Collection[str]) -> Place:
    """The mention as a Place: the gazetteer's when it knows the name, else the words themselves."""
    text = mention.text
    place = gazetteer.lookup(text, countries)
    if place is None:
        stripped = _PLACE_SUFFIX.sub("", text)
        if stripped != text:
            place = gazetteer.lookup(stripped, countries)
    if place is None:
        return Place(name=text, country=None, text=text)
    if place.text != text:
        place = Place(name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                      admin1=place.admin1, feature_class=place.feature_class,
                      geonames_id=place.geonames_id, text=text)
    return place


_REGION_NOUNS = {"province", "region", "state", "country", "governorate", "territory", "oblast",
                 "prefecture", "county", "republic", "kingdom", "countryside", "provinces", "regions"}


def _specificity(place: Place, anchor=None) -> int:
    """A town over its region over its country: the most precise of equally tied places wins."""
    if anchor is not None and anchor.lemma_.lower() in _REGION_NOUNS:
        return 2  # "Shaba province", "the state of Caqueta"
    if place.geonames_id is None and place.country is None:
        return 4  # unknown to the gazetteer: a place too small for it
    if place.feature_class == "P":
        return 3
    if place.feature_class == "A" and place.geonames_id is not None and place.admin1 is None:
        return 1  # a country
    return 2


def locate_event(sentence, trigger, countries: Collection[str] = (),
                 gazetteer: Gazetteer | None = None) -> Place | None:
    """The place where the event of `trigger` (a Token in the Span `sentence`) happened, or None."""
    found = best_place(sentence, trigger, countries, gazetteer)
    return found[1] if found is not None and found[0] >= THRESHOLD else None


def _anchor(root, place_tokens: dict[int, str]):
    """The top of a mention's place phrase: "cities" for Palmyra in "the cities of Palmyra"."""
    tok = root
    for _ in range(8):
        head, dep = tok.head, tok.dep_
        if head.i == tok.i or head.pos_ not in _NOMINAL | {"ADP", "ADV"}:
            break
        if dep == "pobj" and head.lower_ == "of" and _noun_kind(head.head, place_tokens) == "place":
            tok = head.head
        elif dep in _MODIFIER_DEPS | {"poss"} and _noun_kind(head, place_tokens) == "place":
            tok = head
        else:
            break
    return tok


def _containers(mentions: list[_Mention], doc, place_tokens: dict[int, str]) -> dict[int, list[int]]:
    """Mentions that only say where another mention lies, with the mentions they contain
    ("Lubumbashi in Shaba province", "the Baghdad neighbourhood of Al-Bayaa", "Qamishli's suburbs"):
    the contained place is the more precise answer."""
    anchors = [_anchor(doc[m.root], place_tokens) for m in mentions]
    found: dict[int, list[int]] = {}
    for b, mb in enumerate(mentions):
        rb = doc[mb.root]
        up = []
        tok = rb
        for _ in range(6):  # the words above B's phrase, up to the first verb
            if tok.head.i == tok.i or tok.head.pos_ in {"VERB", "AUX"}:
                break
            tok = tok.head
            up.append(tok.i)
        for a, ma in enumerate(mentions):
            if a == b or ma.start <= mb.root < ma.end:
                continue
            if anchors[a].i == anchors[b].i:
                # "the Baghdad neighbourhood of Al-Bayaa": the modifier contains the named one
                if rb.dep_ in {"compound", "amod", "nmod", "poss"} and doc[ma.root].dep_ in {"pobj", "appos"}:
                    found.setdefault(b, []).append(a)
            elif (anchors[a].i in up or ma.root in up) and rb.dep_ != "conj":
                found.setdefault(b, []).append(a)
    return found


def best_place(sentence, trigger, countries: Collection[str] = (),
               gazetteer: Gazetteer | None = None) -> tuple[float, Place] | None:
    """The best-tied place mention with its score (0-1), whatever the score; None if no mention."""
    gazetteer = gazetteer or Gazetteer.default()
    mentions = [m for m in _mentions(sentence, gazetteer) if not m.start <= trigger.i < m.end]
    if not mentions:
        return None
    resolved = [_resolve(m, gazetteer, countries) for m in mentions]
    place_tokens: dict[int, str] = {}
    for m, place in zip(mentions, resolved):
        kind = "unknown" if place.country is None else "country" if _specificity(place) == 1 else "known"
        place_tokens.update((i, kind) for i in range(m.start, m.end))
    scored = [(_score(m, trigger, place_tokens) * (0.95 if m.structural else 1.0), m, p)
              for m, p in zip(mentions, resolved)]
    best = max(s for s, _, _ in scored)
    tied = [x for x in scored if x[0] >= best - TIE_MARGIN]
    # a tied container gives way to the place inside it, which is where its tie leads
    for k, inner in _containers(mentions, sentence.doc, place_tokens).items():
        if scored[k][0] < best - TIE_MARGIN:
            continue
        j = max(inner, key=lambda i: scored[i][0])
        if scored[j][0] >= 0.4 * scored[k][0]:
            tied = [x for x in tied if x[1] is not mentions[k] and x[1] is not mentions[j]]
            tied.append((scored[k][0], mentions[j], scored[j][2]))
    doc = sentence.doc
    score, mention, place = max(tied, key=lambda x: (
        _specificity(x[2], _anchor(doc[x[1].root], place_tokens)), x[0], -abs(x[1].root - trigger.i)))
    log.debug("location of %r: %s (%.2f)", trigger.text, place.name, score)
    return score, place


# -- datelines ------------------------------------------------------------------------------------

_AGENCY = r"(?:\s*\((?:[A-Za-z][A-Za-z .&/-]{0,30})\))?"
_DATE = r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
_DASH = r"\s*(?P<dash>—|–|--|-|:)(?:\s|$)"
_UPPER_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z.'’\- ]{1,40}?[A-Z.])(?:\s*,\s*(?P<area>[A-Z][A-Za-z.'’\- ]{1,30}?))?"
    + _DATE + _AGENCY + _DASH)
_MIXED_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][a-zA-Z.'’\-]+(?:\s+[A-Z][a-zA-Z.'’\-]+){0,3})"
    r"(?:\s*,\s*(?P<area>[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+){0,3}))?"
    + _DATE + r"(?P<agency>\s*\([A-Za-z][A-Za-z .&/-]{0,30}\))?" + _DASH)


def dateline_place(text: str, gazetteer: Gazetteer | None = None) -> Place | None:
    """The dateline at the start of an article ("KYIV, Oct 3 (Reuters) -", "Nairobi, Kenya —")."""
    gazetteer = gazetteer or Gazetteer.default()
    head = text.lstrip()[:120]
    match = _UPPER_DATELINE.match(head)
    mixed = False
    if match is None:
        match = _MIXED_DATELINE.match(head)
        mixed = True
        # a mixed-case start is a dateline only when it looks like one: "City, Country —", an
        # agency, or one known place name before a long dash ("Moscow — ")
        if match is None or not (match.group("area") or match.group("agency")
                                 or match.group("dash") in {"—", "–", "--"}):
            return None
    city = match.group("city").strip()
    area = (match.group("area") or "").strip()
    context: tuple[str, ...] = ()
    if area:
        region = gazetteer.lookup(area)
        if region is None:
            if mixed:
                return None
        elif region.country:
            context = (region.country,)
    place = gazetteer.lookup(city, context)
    if place is None or mixed and area and context and place.country not in context:
        return None
    return place
