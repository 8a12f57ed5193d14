"""Is the event said to have happened? Negation, modality (planned, hypothetical, reported) and
attribution (who the article says reported it), read from the dependency parse around the trigger."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.records import Modality

HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must"}
PLANNED_AUX = {"will", "shall", "'ll"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
# Verbs whose infinitive complement has not happened yet ("plans to visit"); "decided to cut ties" and
# "moved to break off ties" report acts, so they are not here.
PLANNING_VERBS = {"plan", "intend", "expect", "aim", "prepare", "schedule", "hope", "want", "wish", "seek",
                  "propose", "consider", "mull", "threaten", "agree", "promise", "pledge", "vow", "offer", "swear",
                  "set", "due", "poised", "slate"}  # ("is set to free", "is due to release")
# "Failed to reach agreement": the complement did not happen.
FAILING_VERBS = {"fail", "refuse", "decline"}
SPEECH_VERBS = {"say", "tell", "report", "claim", "state", "announce", "add", "note", "write", "confirm",
                "insist", "allege", "believe", "think", "feel", "argue", "suggest", "deny", "estimate"}
NEGATIONS = {"not", "n't", "never", "no"}
# "Denied that Putin would meet Zelensky", "denied attacking the hospital", "ruled out talks": what is
# denied or ruled out is said not to happen.
DENYING_VERBS = {"deny", "refute"}
# Words that make a named event one that may or will happen: "a possible attack on Iraq", "the planned visit".
MAYBE_WORDS = {"possible", "potential", "hypothetical", "feared", "eventual", "prospective", "looming", "likely"}
COMING_WORDS = {"planned", "proposed", "upcoming", "forthcoming", "imminent", "scheduled", "expected", "intended",
                "impending", "future"}
# Nouns of an intention whose infinitive says what is intended ("announced plans to impose sanctions",
# "its decision to withdraw"): planned by whoever the intention is.
INTENT_NOUNS = {"plan", "intention", "intent", "decision", "pledge", "promise", "vow", "offer", "proposal",
                "commitment", "readiness", "willingness"}


@dataclass(frozen=True)
class Reading:
    modality: Modality
    negated: bool
    attribution_head: Token | None
    attribution_text: str | None
    conditional_threat: bool = False  # "will withdraw its troops unless ...": a threat
    conditional_harm: bool = False  # "may halt its mediation if ...": a threat when the act harms
    denied: bool = False  # "denied that Putin would meet Zelensky": said not to be so (no refusal)
    ruled_out: bool = False  # "ruled out talks with Hamas": a party refusing it


def governors(token: Token):
    """The trigger and the verbs that govern it, up to the root of its sentence."""
    seen = token
    yield seen
    while seen.head.i != seen.i:
        seen = seen.head
        yield seen


def clause_verb(trigger: Token) -> Token:
    """The verb whose clause the trigger belongs to (a noun trigger's governing verb)."""
    for token in governors(trigger):
        if token.pos_ in ("VERB", "AUX"):
            return token
    return trigger.sent.root


def noun_content(verb: Token) -> Token | None:
    """The noun whose content a clause gives ("plans to impose", "its demand that Israel ease"), also where
    the parser hung the clause on the verb ("ignored calls to release": the noun just before "to")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    marker = next((c for c in verb.children if (c.dep_ == "aux" and c.lower_ == "to")
                   or (c.dep_ in ("mark", "dobj") and c.lower_ == "that")), None)
    if marker is None or marker.i != verb.left_edge.i:
        return None
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return verb.head
    before = verb.doc[marker.i - 1] if marker.i > 0 else None
    if verb.dep_ in ("advcl", "xcomp") and before is not None and before.pos_ == "NOUN" and before.dep_ == "dobj" \
            and before.head.i == verb.head.i:
        return before
    return None


def intention(verb: Token) -> Token | None:
    """The intention noun ("plans to impose") whose content the verb's clause is."""
    noun = noun_content(verb)
    return noun if noun is not None and noun.lemma_.lower() in INTENT_NOUNS else None


def misread_modal(aux: Token) -> bool:
    """'Will was fatally shot': a name the parser took for a modal, as a finite verb follows it."""
    nxt = aux.nbor() if aux.i + 1 < len(aux.doc) else None
    return aux.tag_ == "MD" and nxt is not None and nxt.tag_ in ("VBD", "VBZ", "VBP")


def too_to(verb: Token) -> bool:
    """'Looters were too busy snatching goods to help him': what one is too busy or weak to do is not done."""
    if verb.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    degrees = [head] + [c for c in head.children if c.dep_ in ("acomp", "advmod") and c.i < verb.i]
    return any(x.dep_ == "advmod" and x.lower_ == "too" for d in degrees for x in d.children)


def in_case_of(trigger: Token) -> bool:
    """'Security assistance in the case of external threats': what a provision is for, should it happen."""
    of = trigger.head
    case = of.head
    return trigger.dep_ == "pobj" and of.lower_ == "of" and case.lemma_.lower() in ("case", "event") \
        and case.head.lower_ == "in"


def denied(trigger: Token) -> str | None:
    """Is the trigger within what a verb of denial denies or rules out (its complement clause or object,
    after it, two clauses up at most)? "deny" (said not to be so) or "rule out" (a party refusing it).
    A clause before the verb ("have been accused of looting, a charge the group denies") is not its
    complement: the accusation was made."""
    child = trigger
    for depth, parent in enumerate(list(governors(trigger))[1:]):
        if depth > 2:
            return None
        lemma = parent.lemma_.lower()
        kind = "deny" if lemma in DENYING_VERBS else "rule out" if lemma == "rule" and any(
            c.dep_ == "prt" and c.lower_ == "out" for c in parent.children) else None
        if kind and parent.pos_ == "VERB" and child.i > parent.i and child.dep_ in ("ccomp", "xcomp", "dobj", "pcomp"):
            return kind
        child = parent
    return None


def read(trigger: Token, sentence: Span) -> Reading:
    verb = clause_verb(trigger)
    negated = any(c.dep_ == "neg" or c.lower_ in ("never",) for c in verb.children) or \
        any(c.dep_ == "neg" for c in trigger.children) or \
        any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children) or \
        (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FAILING_VERBS) or too_to(verb)
    denial = denied(trigger)
    negated = negated or denial is not None
    modality = Modality.ASSERTED
    chain = list(governors(verb))
    for depth, token in enumerate(chain):
        if depth > 2:
            break
        aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass") and not misread_modal(c)}
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        reported_future = "would" in aux and not marks & CONDITIONAL_MARKS and token.dep_ == "ccomp" \
            and token.head.lemma_.lower() in SPEECH_VERBS and not (aux & (HYPOTHETICAL_AUX - {"would"}))
        if reported_future:  # "said they would recognise": the reported form of "will"
            modality = Modality.PLANNED
            break
        if marks & CONDITIONAL_MARKS or aux & HYPOTHETICAL_AUX:
            modality = Modality.HYPOTHETICAL
            break
        if aux & PLANNED_AUX or ("going" in aux and token.tag_ == "VB"):
            modality = Modality.PLANNED
            break
        if depth > 0 and token.lemma_.lower() in PLANNING_VERBS and chain[depth - 1].dep_ in ("xcomp", "ccomp"):
            modality = Modality.PLANNED
            break
        if depth == 0 and intention(token) is not None:
            modality = Modality.PLANNED  # "announced plans to impose sanctions"
            break
        if token.dep_ == "xcomp" and token.head.lemma_.lower() == "be" and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            modality = Modality.HYPOTHETICAL  # "it is our right to retaliate", "the aim is to talk": not done
            break
        if token.dep_ in ("advcl",) and any(c.lower_ in CONDITIONAL_MARKS for c in token.children):
            modality = Modality.HYPOTHETICAL
            break
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "until" for c in token.children) and (
                token.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX | PLANNED_AUX
                                                    for c in token.head.children)):
            modality = Modality.HYPOTHETICAL  # "held in abeyance until Pakistan takes steps": a condition
            break
    if sentence.text.rstrip().endswith("?") or in_case_of(trigger):
        modality = Modality.HYPOTHETICAL
    done = trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in ("launch", "mount", "hold", "stage", "begin",
                                                                       "start", "conduct", "carry")
    qualifiers = {c.lower_ for c in trigger.children if c.dep_ == "amod"} if trigger.pos_ == "NOUN" and not done \
        else set()  # (not "mounted its long-planned invasion": done)
    if qualifiers & MAYBE_WORDS:
        modality = Modality.HYPOTHETICAL  # "against a possible attack on Iraq"
    elif qualifiers & COMING_WORDS and modality in (Modality.ASSERTED, Modality.REPORTED):
        modality = Modality.PLANNED  # "the planned visit", "an upcoming summit"
    # "will withdraw ... unless Z": a threat; but the "unless Z" clause itself is only its condition
    unless = any(c.lower_ == "unless" and c.head.i != verb.i for t in chain[:2] for c in t.subtree
                 if c.dep_ == "mark")
    if_clause = any(c.lower_ in ("if", "should") and c.head.i != verb.i and c.head.head.i == verb.i
                    for c in verb.subtree if c.dep_ == "mark")
    head, text = attribution(trigger, sentence)
    if modality is Modality.ASSERTED and head is not None:
        modality = Modality.REPORTED
    return Reading(modality, negated, head, text, conditional_threat=unless, conditional_harm=if_clause,
                   denied=denial == "deny", ruled_out=denial == "rule out")


def trailing_speakers(verb: Token) -> list[Token]:
    """'Militants killed two officials in Mogadishu, police and the rebel group said': the parser may join
    "said" to the verb (or make the verb its clause) and its speakers to the verb's objects; the nouns
    between the last comma and a subjectless speech verb after the verb are who said it."""
    options = [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "ccomp" else [])
    speech = next((c for c in options if c.lemma_.lower() in SPEECH_VERBS and c.i > verb.i
                   and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)), None)
    if speech is None:
        return []
    comma = next((t for t in reversed(verb.doc[verb.i:speech.i]) if t.text == ","), None)
    if comma is None:
        return []
    return [t for t in verb.doc[comma.i + 1:speech.i] if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("conj", "appos")]


def attribution(trigger: Token, sentence: Span) -> tuple[Token | None, str | None]:
    """Who the sentence says the event comes from: "according to X", "citing X", "X said (that) ..."."""
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
            objects = [c for c in token.nbor().children if c.dep_ == "pobj"] or \
                [c for c in token.children if c.dep_ == "pobj"]
            if objects:
                return objects[0], phrase_text(objects[0])
        if token.lemma_.lower() == "cite" and token.pos_ == "VERB":
            objects = [c for c in token.children if c.dep_ == "dobj"]
            if objects:
                return objects[0], phrase_text(objects[0])
    speakers = trailing_speakers(clause_verb(trigger))
    if speakers:
        return speakers[0], phrase_text(speakers[0])
    for token in governors(trigger):
        if token.i == trigger.i:
            continue
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ == "VERB":
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects and subjects[0].i != trigger.i:
                return subjects[0], phrase_text(subjects[0])
    return None, None


def phrase_text(token: Token) -> str:
    words = [t for t in token.subtree if t.dep_ not in ("relcl", "punct") and not t.is_space]
    keep = [t for t in words if t.i <= token.i or t.head.i <= token.i or t.head is token]
    text = token.doc[keep[0].i:keep[-1].i + 1].text
    return text if len(text) <= 80 else token.text
