"""How the coder reads a parse: the word lists it knows and the clause and phrase shapes it tells apart
(objects, passives, participles the parser misplaced, settings, titles, conditions). Pure functions of
spaCy tokens; the coder and the party finder share them."""
from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.link import GROUP_HEADS
from eventwire.coding.patterns import Pattern

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
            "mistake", "murder", "massacre", "piracy", "terrorism", "theft", "robbery", "extortion", "madness"}
# Verbs that give an act a name ("called the strikes murder", "described the raid as a massacre").
NAMING_VERBS = {"call", "describe", "label", "brand", "term", "dub", "characterise", "characterize", "denounce",
                "condemn", "decry", "slam", "qualify"}
# A noun reached through these words names a cause or a background, not an act of the clause's subject.
BACKGROUND_PREPS = {"amid", "despite", "after", "before", "because", "following", "over", "since", "during",
                    "under", "against", "without", "like", "unlike", "than", "due", "owing", "thanks", "prior", "for"}
# What these verbs take as object is stopped or prevented, not done: "stop all fighting", "an end to the war".
ENDING_VERBS = {"stop", "end", "halt", "cease", "prevent", "avoid", "refrain", "deter", "ban", "outlaw", "stem",
                "curb", "quit", "abandon", "renounce", "oppose", "fear", "risk", "warn", "block", "veto", "delay",
                "obstruct", "postpone", "reject", "condemn", "criticize", "criticise", "deny", "denounce", "cancel",
                "scrap", "shelve"}
# Verbs of backing another's fight: "backed by Russian air strikes" tells support, not whom they struck.
BACKING = {"back", "support", "assist", "cover", "aid", "help", "accompany", "bolster"}
# What these verbs keep someone "from" is warded off, not done: "protect civilians from attacks".
SHIELDING = {"protect", "shield", "guard", "spare", "insulate", "safeguard", "defend"}
# Nouns that take a part of what follows "of": "suspended part of its aid program" suspends aid.
PARTITIVES = {"part", "portion", "half", "share", "bulk", "rest", "some", "most", "all", "much", "parts"}
# Nouns for armed units: their arrival somewhere is a deployment, not a visit.
TROOPS = {"troop", "troops", "soldier", "soldiers", "force", "forces", "peacekeeper", "peacekeepers", "contingent",
          "battalion", "deployment", "unit", "units", "marine", "marines", "army"}
# Verbs of going somewhere, whose subject holds the talks they go for ("returned to Geneva for talks").
TRAVEL_VERBS = {"return", "arrive", "travel", "come", "go", "head", "fly", "gather", "convene", "meet", "sit"}
# Verbs by which a party makes an intention known as its own ("announced plans to", "took the decision to").
DECLARING_VERBS = {"announce", "unveil", "confirm", "declare", "reveal", "outline", "present", "make", "have",
                   "reiterate", "repeat", "renew", "express", "signal", "state", "voice", "take", "adopt", "approve",
                   "publish", "detail", "reaffirm"}
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
# Verbs by which a speaker passes a verdict on something ("was illegal", "constituted unacceptable behaviour").
VERDICT_VERBS = {"be", "constitute", "represent"}
# Nouns that refer back to an event already told ("rejected the criticism", "welcomed the move").
EVENT_REFERENCES = {"move", "decision", "step", "steps", "remarks", "comments", "statement", "statements", "action",
                    "actions", "measure", "measures", "announcement", "accusation", "accusations", "allegation",
                    "allegations", "criticism", "claims", "claim", "declaration", "decree", "order"}
QUANTITY_WORDS = {"more", "less", "fewer", "over", "under", "about", "around", "nearly", "almost", "some",
                  "least", "most", "up", "roughly", "approximately", "dozens", "hundreds", "thousands"}
CROWDS = {"protester", "protestor", "demonstrator", "crowd", "rioter", "mob", "supporter", "activist", "student"}
# Processes and texts named after the city where they began ("the Doha process", "the Minsk agreements").
PLACE_LABELLED = {"process", "format", "agreement", "accord", "talks", "declaration", "protocol", "framework",
                  "plan", "initiative", "memorandum", "treaty", "platform", "channel", "track", "principle"}
# Nouns a place name can qualify and remain a place ("the Donetsk region", "Khan Younis governorate").
REGION_NOUNS = {"region", "province", "district", "governorate", "state", "county", "oblast", "area", "city",
                "town", "village", "prefecture", "department", "municipality", "territory", "valley", "border",
                "corridor", "strip", "camp", "neighbourhood", "neighborhood", "suburb", "port", "airport", "base",
                "settlement", "quarter", "sector"}


def names_a_place(token: Token) -> bool:
    """A name the sentence uses as a place, whatever the parser's label: a place entity, "the village of
    Mortlu", "the Sheikh Lutfi area"."""
    if token.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    if token.pos_ == "PROPN" and token.lemma_.lower() in REGION_NOUNS:
        return True  # "the jihadist-held Sheikh Sa'eed District"
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        return token.head.head.lemma_.lower() in REGION_NOUNS | PLACE_PARTS
    if token.dep_ == "pobj" and token.pos_ == "PROPN" and token.head.lower_ in ("near", "outside", "around"):
        return True  # "bombed a village near Khanigurram"
    return token.dep_ == "compound" and token.head.lemma_.lower() in REGION_NOUNS


# Parts of a place named by what follows "of" ("the outskirts of Bosra").
PLACE_PARTS = {"outskirts", "edge", "centre", "center", "heart", "periphery", "suburbs", "countryside", "vicinity",
               "environs", "east", "west", "north", "south", "part", "parts"}
# Nouns that count acts or weapons: "a series of car bombs", "a wave of attacks".
SERIES = {"series", "wave", "spate", "string", "volley", "salvo", "flurry", "rash"}
# Numbers that stand for a crowd when nothing else is said of it ("Thousands marched in Belgrade").
COUNTED_CROWDS = {"thousands", "hundreds", "dozens", "scores", "tens", "millions"}
# Subjects that name the means of an attack, not its author ("a car bomb killed ...").
WEAPONS = {"bomb", "bombing", "blast", "explosion", "attack", "strike", "airstrike", "shelling", "rocket", "missile",
           "mine", "landmine", "grenade", "mortar", "drone", "ambush", "shooting", "gunfire", "sniper", "ied",
           "device", "suicide", "assassination", "raid"}
# Means of war: a killing by them is military force (CAMEO 19), not an assault on a person (18).
WAR_MEANS = {"shelling", "shell", "airstrike", "strike", "bombardment", "bombing", "artillery", "tank", "rocket",
             "missile", "drone", "warplane", "jet", "mortar", "gunship", "helicopter", "offensive", "raid", "fighting",
             "clash", "clashes", "battle", "firefight", "crossfire"}
# Verbs saying that an event happened, whose "between" phrase names the event's parties.
OUTBREAK_VERBS = {"break", "erupt", "occur", "take", "flare", "continue", "resume", "rage", "intensify", "spread",
                  "hold", "sweep", "grip", "rock"}
# Participles saying who holds a place ("the Israeli-occupied sector", "rebel-held towns").
HOLDING_WORDS = {"occupied", "held", "controlled", "administered", "annexed", "run"}
# Fights with a party ("killed in clashes with the army"): who fought them killed them.
FIGHTS = {"clash", "clashes", "fighting", "battle", "firefight", "gunfight", "shootout", "skirmish", "skirmishes"}
# Bombs that strike by themselves ("a car bomb struck the market"): a bombing (CAMEO 183).
EXPLOSIVES = {"bomb", "bombing", "blast", "explosion", "device", "ied", "explosive", "explosives"}
# Attackers from the air: what they strike is struck by aerial weapons (CAMEO 195).
AIRCRAFT = {"jet", "warplane", "aircraft", "plane", "drone", "helicopter", "gunship", "bomber"}
# Verbs of capture: of people an arrest (173), of a town or a state territory taken (192).
TAKING = {"capture", "seize", "take", "overrun", "retake", "recapture"}
# Verbs whose coordinated subjects act on each other ("A and B exchanged fire / prisoners / accusations").
MUTUAL_VERBS = {"exchange", "trade", "swap"}
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
# Nouns of these types whose clause says what is asked, agreed, refused or threatened ("calls to release",
# "a deal to free"): the clause is their content, not an event of its own.
SAID_CONTENT = {"REQUEST", "AGREE", "REJECT", "THREATEN"}
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
# What a mission is sent to do that makes the sending an investigation.
INQUIRING = {"investigate", "probe", "inspect", "examine", "assess", "verify"}
# Sectors that bear arms: their readying is a show of force.
ARMED = {"MIL", "REB", "PRM", "COP", "UAF", "INS"}
ARRIVING = {"arrive", "reach", "land"}
# Aims of a call-out that are relief, not force ("the army mobilised to help dig out cars stuck in snow").
RELIEF_AIMS = {"help", "assist", "rescue", "evacuate", "dig", "search", "clear", "distribute", "rebuild", "relieve"}
RELIEF_MEANS = {"effort", "efforts", "resource", "resources", "volunteer", "volunteers", "relief", "rescuer",
                "rescuers"}
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
HOSTILE_INTENTS = {"defend", "fight", "resist", "retaliate", "avenge", "punish", "crush", "destroy", "respond",
                   "eliminate", "annihilate", "eradicate", "wipe"}
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
    "MOBILIZE": ("THREATEN", "138"), "PROTEST": ("THREATEN", "133"),
}
# ... with the most specific code CAMEO has for the intention: to yield in the way announced, to mediate.
PLANNED_CODES = {"081": "0351", "082": "0352", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
                 "045": "039"}
# "X said Y must ...": a demand on Y, coded like a demand verb whose target is the clause's subject.
OBLIGATION = Pattern("verb", "say", "100", origin="built-in: obligation in reported speech")
# "warning that Tokyo would bear all the consequences": a threat to the clause's subject.
CONSEQUENCES = Pattern("verb", "warn", "130", type="THREATEN", origin="built-in: consequences a party will bear")
SUFFERING = {"bear", "face", "pay", "suffer", "regret", "rue"}
PENALTIES = {"consequence", "consequences", "price", "cost", "response", "retaliation", "wrath", "punishment"}
# "X said the move was illegal": a condemnation of what the clause's subject names (or who made it).
VERDICT = Pattern("verb", "say", "111", origin="built-in: a condemning verdict in reported speech")
# Parts of speech a trigger can have: verbs and nouns (patterns), adjectives (readiness, "willing to").
TRIGGER_POS = {"VERB", "AUX", "NOUN", "PROPN", "ADJ"}
READINESS = {"willing", "ready", "prepared", "committed", "determined", "eager", "keen", "open"}
# Participles that state the subject's own stance: "Vietnam is committed to ...", "Israel is opposed to ...".
STANCES = READINESS | {"engaged", "involved", "opposed"}
READY = Pattern("verb", "ready", "030", origin="built-in: readiness to cooperate")
# "Ordered four diplomats to leave the country", "gave the ambassador 48 hours to leave", "a request for
# all personnel to leave", "declared two diplomats persona non grata": an expulsion, whatever verb orders it.
EXPULSION_ORDER = Pattern("verb", "order", "166", type="SANCTION", mode="expel", origin="built-in: ordered to leave")
EXPULSION_DEMAND = Pattern("noun", "request", "166", type="SANCTION", mode="expel",
                           origin="built-in: a demand to leave")
PERSONA_NON_GRATA = Pattern("verb", "declare", "166", type="SANCTION", mode="expel",
                            origin="built-in: declared persona non grata")
EXPULSIONS = {EXPULSION_ORDER, EXPULSION_DEMAND, PERSONA_NON_GRATA}
ORDERING = {"order", "tell", "ask", "give", "instruct", "direct", "demand", "request", "summon"}
LEAVING = {"leave", "depart", "quit", "exit"}
# What one is ordered to leave for it to be an expulsion (not "asked him to leave the meeting").
LEFT_PLACES = {"country", "territory", "state", "capital", "city", "soil", "region", "island", "nation", "kingdom",
               "republic", "land"}
# Verbs of a crowd that take no object: a participle of one hung on the sentence's noun is its verb.
MARCHING = {"protest", "demonstrate", "rally", "march", "riot"}
# Verbs whose subjects are the crowd of a protest they go to ("converged for a rally in Lagos").
# Crowds whose gathering is itself a protest ("opponents of the coup gathered in towns"), and its verbs.
DISSENTERS = {"protester", "protestor", "demonstrator", "opponent", "activist", "rioter", "supporter"}
CROWD_GATHERING = {"gather", "assemble", "converge", "mass"}
GATHERING_VERBS = {"converge", "gather", "assemble", "march", "join", "participate", "turn", "flock", "pour"}
# Documents that speak for whoever released them, and the verbs of releasing them.
REPORTS = {"report", "dossier", "study", "document", "white paper", "paper", "investigation", "inquiry"}
RELEASING = {"release", "issue", "publish", "present", "unveil", "circulate", "table"}
# Texts a party issues that speak for it ("issued a statement urging ...").
STATEMENTS = {"statement", "declaration", "communique", "communiqué", "resolution", "letter", "appeal", "message",
              "note", "memorandum", "manifesto", "petition", "ultimatum"}
# Buildings and goods that stand for their owner when an act is aimed at them.
PROPERTY = {"office", "offices", "headquarters", "home", "homes", "house", "houses", "residence", "compound",
            "premises", "property", "properties", "assets", "building", "buildings", "vehicle", "vehicles",
            "convoy", "ship", "ships", "vessel", "vessels", "base", "bases", "positions", "position", "camp",
            "system", "systems", "network", "networks", "website", "websites", "server", "servers", "door",
            "doors", "gate", "gates", "centre", "centres", "center", "centers", "site", "sites", "facility",
            "facilities", "depot", "depots", "hideout", "hideouts", "target", "targets", "outpost", "outposts"}
CARRIERS = {"helicopter", "plane", "aircraft", "airplane", "jet", "bus", "car", "truck", "vehicle", "convoy", "boat",
            "ship", "vessel", "ferry", "train", "airliner", "minibus", "van"}
BORDERS = {"border", "borders", "frontier", "frontiers", "boundary"}
CAPTIVITY = {"detain", "hold", "jail", "imprison", "keep", "kidnap", "abduct", "capture", "seize", "take"}


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


def split_hyphen_word(token: Token) -> str | None:
    """'A sit-in outside army headquarters': a hyphenated word the parser split into a modifier of the
    next noun; the whole word from its first part, or None."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != "-" or token.whitespace_ or doc[token.i + 1].whitespace_:
        return None
    return f"{token.lower_}-{doc[token.i + 2].lower_}"


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
        lemma = head.lemma_.lower()
        before = child.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        if child.dep_ in ("relcl", "acl") and before is not None and before.pos_ == "NOUN" \
                and before.lemma_.lower() in CLAIMS and not any(
                    t.tag_ in ("WDT", "WP", "WP$") or t.lower_ == "that" for t in child.children):
            return True  # "amid speculation they were captured": what is speculated, parsed as a relative clause
        if head.i == child.i or child.dep_ == "relcl":
            return False
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
    return after_with or (verb.tag_ == "VBN" and verb.dep_ in ("advcl", "pcomp", "acl", "conj", "pobj", "ccomp"))


def is_characterising_clause(verb: Token) -> bool:
    """'The militant group that has seized parts of Iraq and Syria': a relative clause in the present
    perfect says what a party is known for, not what the news reports it doing; in the past perfect
    ("the ministers, whom they had taken hostage two weeks ago") it recalls what the news follows from."""
    return verb.dep_ == "relcl" and verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in verb.children)


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


def is_readied(trigger: Token) -> bool:
    """'The army prepared to resume shelling': an act a finite "prepare" governs was readied, not only
    intended ("is prepared to attack" is a stance: a threat)."""
    verb = trigger
    for _ in range(3):
        if verb.lemma_.lower() == "prepare" and verb.tag_ in ("VBD", "VBZ", "VBP", "VBG") \
                and not is_stative_passive(verb):
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


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
    if not direct_objects(verb) and not any(c.dep_ == "conj" and c.tag_ == "VBD" for c in verb.children) \
            and verb.lemma_.lower() not in MARCHING:  # ("Thousands of students protested in Dhaka": no object)
        return None
    return root


def crowd_words(token: Token) -> list[str]:
    """The lemma of a source's head, and of its members when the head counts them ("hundreds of demonstrators")."""
    words = [token.lemma_.lower()]
    if token.lower_ in GROUP_HEADS:
        words += [p.lemma_.lower() for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
    return words


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


def is_characterisation(token: Token) -> bool:
    """'Petro called the strikes "murder"', 'described the raid as a massacre': a name given to an act
    told elsewhere, not an act of its own."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "as":
        head = head.head
    elif token.dep_ not in ("oprd", "attr", "xcomp", "ccomp", "dobj") or not any(
            c.dep_ == "dobj" and c.i < token.i for c in head.children):
        return False
    return head.lemma_.lower() in NAMING_VERBS


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
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if node.i in (noun.i, verb.i) and not any(t.pos_ in ("VERB", "AUX") for t in path) \
                and not (node.i == verb.i and not path and passive):  # (not "was welcomed by X", its own doer)
            found += [p for p in prep.children if p.dep_ == "pobj"]
    return found


def counted(token: Token) -> list[Token]:
    """'Scores of militants', 'hundreds of protesters', 'a series of car bombs': what a counting noun counts;
    else the token."""
    if token.lower_ not in COUNTED_CROWDS and token.lemma_.lower() not in SERIES:
        return [token]
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
            if p.dep_ == "pobj"] or [token]


def means_of(verb: Token) -> list[Token]:
    """What an act was done with or in ("killed in Israeli tank shelling", "killed by an air strike",
    "during their air raids"): the objects of its "in", "by" and "during" phrases."""
    return [p for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "during")
            for p in c.children if p.dep_ == "pobj"]


def event_holders(noun: Token) -> list[Token]:
    """'A demonstration organised by the Sahrawi people', 'a rally of Kurdish students', 'their protest':
    who held the event a noun names (candidates; the caller keeps the parties)."""
    found = [c for c in noun.children if c.dep_ in ("poss", "compound")]  # ("a student demonstration")
    found += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "by") for p in c.children
              if p.dep_ == "pobj"]
    found += [p for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in c.children
              if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return found


def leaving_clause(token: Token) -> Token | None:
    """The "to leave (the country)" a verb or noun of ordering governs, directly or through the time it
    gives ("given 48 hours to leave"); None when what is to be left is no country ("leave the talks")."""
    heads = [token] + [c for c in token.children if c.dep_ in ("dobj", "npadvmod", "dative")]
    heads += [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("until", "within")
              for p in c.children if p.dep_ == "pobj"]  # "gave troops until the end of the year to leave"
    for clause in (c for h in heads for c in h.children):
        if clause.lemma_.lower() not in LEAVING or clause.pos_ != "VERB" or \
                clause.dep_ not in ("xcomp", "advcl", "ccomp", "acl", "relcl") or \
                not any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
            continue
        left = [c for c in clause.children if c.dep_ == "dobj"]
        if all(o.ent_type_ in ("GPE", "LOC") or o.lemma_.lower() in LEFT_PLACES for o in left):
            return clause
    return None


def expulsion_for(token: Token) -> Pattern | None:
    """The built-in expulsion pattern a token of ordering (or "declared ... persona non grata") carries."""
    lemma = token.lemma_.lower()
    if lemma == "declare" and token.pos_ == "VERB" and any(
            w.lower_ == "grata" for c in token.children for w in [c] + list(c.children)):
        return PERSONA_NON_GRATA
    if lemma in ORDERING and leaving_clause(token) is not None:
        return EXPULSION_ORDER if token.pos_ in ("VERB", "AUX") else EXPULSION_DEMAND
    return None


def leavers(token: Token) -> list[Token]:
    """Who is to leave: the subject of "to leave" ("for all personnel to leave"), or of the clause the
    parser hung "persona non grata" on ("declared two diplomats persona non grata")."""
    clause = leaving_clause(token)
    found = [s for s in clause.children if s.dep_ == "nsubj"] if clause is not None else []
    found += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
              if p.dep_ == "pobj"]
    found += [s for c in token.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]
    return found


def sent_ones(token: Token) -> list[Token]:
    """'Police officers sent to Haiti': the noun a participle of a verb that moves people or goods
    describes is what was moved."""
    if token.dep_ != "acl" or token.tag_ != "VBN" or token.lemma_.lower() not in SENDING:
        return []
    return [token.head]


def shares_passive(verb: Token) -> bool:
    """'Were captured, tortured and killed': a participle joined to a passive verb is passive too."""
    return verb.dep_ == "conj" and verb.tag_ in ("VBN", "VBD") and verb.head.pos_ == "VERB" and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj") for c in verb.children) and any(
        c.dep_ == "auxpass" for c in verb.head.children)


def passive_objects(token: Token) -> list[Token]:
    """The subject of a passive verb, which is its object in the active."""
    if shares_passive(token):
        return [c for c in token.head.children if c.dep_ == "nsubjpass"]
    if not any(c.dep_ == "auxpass" for c in token.children):
        return []
    main = reduced_relative_main(token.head) if token.dep_ in ("conj", "ccomp") else None
    if main is not None and main.i == token.i:
        return [c for c in token.head.children if c.dep_ == "nsubj"]  # "journalists detained ... were released"
    return [c for c in token.children if c.dep_ == "nsubjpass"]


RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}


def direct_objects(token: Token) -> list[Token]:
    """Objects, counting a named entity the parser took for a predicate ("called Lukashenka twice")."""
    children = list(token.children)
    objects = [c for c in children if c.dep_ in ("dobj", "obj")]
    if objects and token.dep_ == "relcl" and all(o.lower_ in RELATIVE_PRONOUNS for o in objects):
        return [token.head]  # "the prisoners that Russia released": what the relative pronoun stands for
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


def evidence_span(trigger: Token, sources: list[Token], targets: list[Token]) -> tuple[int, int]:
    """From the first to the last word of trigger, source and target, within the sentence."""
    sent = trigger.sent
    tokens = [trigger] + [t for t in sources + targets if t.sent == sent]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end
