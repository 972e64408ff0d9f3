"""The CRF recommender on plain data: tags from spans, features, a real training run."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from annotator.nlp.recommender import (
    Context,
    Gazetteer,
    Model,
    Sentence,
    Settings,
    chunks,
    document_sentences_of,
    tag_sentences,
    token_features,
    train,
)

PEOPLE = ["سمير", "خالد", "ليلى", "نادر", "هالة", "رامي", "سعاد", "وليد", "منى", "كريم",
          "فادي", "ريم", "طارق", "دينا", "ماهر", "سلمى"]
PLACES = ["حلب", "حمص", "درعا", "إدلب", "الرقة", "دير الزور", "اللاذقية", "طرطوس",
          "حماة", "القامشلي", "منبج", "جبلة"]
FILLER = ["وقال", "المصدر", "إن", "الوضع", "هادئ", "نسبيا", "اليوم", "بعد", "أيام", "من",
          "التوتر", "في", "المنطقة"]


def generated_text(rng: random.Random, people: list[str], places: list[str]) -> tuple[str, list]:
    """A few sentences with names in telling contexts; spans computed from the text."""
    text, spans = "", []
    for _ in range(6):
        person, place = rng.choice(people), rng.choice(places)
        before = f"قال الناشط {person} في مدينة "
        start = len(text) + len("قال الناشط ")
        spans.append((start, start + len(person), "PER"))
        start = len(text) + len(before)
        spans.append((start, start + len(place), "LOC"))
        text += before + place + " " + " ".join(rng.sample(FILLER, 5)) + ".\n"
    return text, spans


def made_up_names(rng: random.Random, count: int) -> list[str]:
    """Names no list holds: every test name is new to the model's gazetteer."""
    letters = "بتثجحخدذرزسشصضطظعغفقكمنهي"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 5))) for _ in range(count)]


def document(text: str) -> SimpleNamespace:
    return SimpleNamespace(text=text, tokens=None)


def test_recommender_tags_follow_spans_and_negatives():
    text = "زار سمير مدينة دير الزور أمس."
    sentences = document_sentences_of(document(text))
    place = (text.index("دير"), text.index("دير الزور") + len("دير الزور"), "LOC")
    person = (text.index("سمير"), text.index("سمير") + 4, "PER")
    tagged = tag_sentences(sentences, [place, person], ["LOC", "PER"])
    assert tagged[0].tags == ["O", "B-PER", "O", "B-LOC", "I-LOC", "O", "O"]
    rejected = tag_sentences(sentences, [place, person], ["LOC", "PER"], negatives=[person])
    assert rejected[0].tags == ["O", "O", "O", "B-LOC", "I-LOC", "O", "O"]
    only_loc = tag_sentences(sentences, [place, person], ["LOC"])
    assert chunks(only_loc[0].tags) == [(3, 5, "LOC")]


def test_recommender_features_strip_proclitics_and_read_digits():
    words = ["والجيش", "في", "بلبنان", "عام", "٢٠١٢"]
    features = token_features(words, 0, [None] * len(words))
    assert features["stem"] == "الجيش" and features["core"] == "جيش" and features["art"]
    assert features["clitics"] == "و"
    assert features["+1:norm"] == "في" and features["+2:norm"] == "بلبنان"
    digits = token_features(words, 4, [None] * len(words))
    assert digits["digit"] and digits["eastern"] and digits["norm"] == "2012"


def test_recommender_features_know_how_the_document_uses_the_article():
    # Names keep one form through a document (دمشق never with the article, القاهرة
    # always); common nouns come both ways (حرب, الحرب).
    sentences = [["زار", "دمشق", "والحرب", "القاهرة"], ["الحرب", "في", "دمشق"], ["حرب", "بالقاهرة"]]
    context = Context.of(sentences)
    features = [token_features(sentences[0], i, [None] * 4, context) for i in range(4)]
    assert [f["artuse"] for f in features[1:]] == ["never", "both", "always"]
    assert features[1]["+1:artuse"] == "both" and features[1]["+2:artuse"] == "always"
    alone = token_features(sentences[0], 2, [None] * 4)  # the sentence is all it knows
    assert alone["artuse"] == "always"


def test_recommender_document_words_decide_proclitics():
    # «لجنو» is ل + «جنو» where «جنو» also stands alone in the document; the rules
    # alone cannot tell it from a name that starts with ل («لبنان»).
    context = Context.of([["نظام", "جنو", "مفتوح"], ["وأضاف", "لجنو", "لبنان"]])
    assert token_features(["وأضاف", "لجنو", "لبنان"], 1, [None] * 3, context)["core"] == "جنو"
    assert token_features(["وأضاف", "لجنو", "لبنان"], 2, [None] * 3, context)["core"] == "لبنان"
    assert token_features(["وأضاف", "لجنو"], 1, [None] * 2)["core"] == "لجنو"  # no «جنو» here
    names = Gazetteer.from_sentences([Sentence(["نظام", "جنو"], [(0, 0)] * 2, ["O", "B-MIS"])])
    assert names.tags(["وأضاف", "لجنو"], context.key) == [None, "B-MIS"]


def test_recommender_gazetteer_matches_names_behind_proclitics():
    words = ["زار", "دير", "الزور", "ثم", "القاهرة"]
    tags = ["O", "B-LOC", "I-LOC", "O", "B-LOC"]
    gazetteer = Gazetteer.from_sentences([Sentence(words, [(0, 0)] * 5, tags)])
    assert gazetteer.tags(["وفي", "دير", "الزور"]) == [None, "B-LOC", "I-LOC"]
    assert gazetteer.tags(["وبالقاهرة", "دير"]) == ["B-LOC", None]  # a name needs all its words
    assert Gazetteer.from_json(gazetteer.to_json()) == gazetteer


def test_recommender_learns_unseen_names_from_context():
    rng = random.Random(7)
    training = []
    for _ in range(12):
        text, spans = generated_text(rng, made_up_names(rng, 6), made_up_names(rng, 6))
        training.append(tag_sentences(document_sentences_of(document(text)), spans, ["PER", "LOC"]))
    *steps, model = list(train(training, Settings(max_iterations=60)))
    assert isinstance(model, Model) and steps[-1][0] == steps[-1][1]
    text, spans = generated_text(rng, PEOPLE, PLACES)  # names never seen
    found = {(s, e, label) for s, e, label, _ in model.suggest(document(text), threshold=0.0)}
    assert len(found & set(spans)) >= len(set(spans)) * 0.8
    confident = model.suggest(document(text), threshold=0.5)
    assert all(0.5 <= c <= 1 for *_, c in confident)


def test_recommender_model_survives_its_stored_form():
    rng = random.Random(3)
    text, spans = generated_text(rng, PEOPLE, PLACES)
    sentences = tag_sentences(document_sentences_of(document(text)), spans, ["PER", "LOC"])
    *_, model = list(train([sentences, sentences], Settings(max_iterations=20)))
    again = Model.from_stored(model.data, model.meta())
    assert again.suggest(document(text)) == model.suggest(document(text))


@pytest.fixture(scope="module")
def trained_on_made_up_names():
    """A model trained on ten generated articles whose names it never saw before."""
    rng = random.Random(8)
    training = []
    for _ in range(10):
        text, spans = generated_text(rng, made_up_names(rng, 6), made_up_names(rng, 6))
        training.append(tag_sentences(document_sentences_of(document(text)), spans, ["PER", "LOC"]))
    *_, model = list(train(training, Settings(max_iterations=60)))
    return model


def test_recommender_names_found_once_are_suggested_across_the_document(trained_on_made_up_names):
    model = trained_on_made_up_names
    first = ["قال", "الناشط", "كمال", "في", "مدينة", "حلب"]
    second = ["وأضاف", "المصدر", "أن", "كمال", "هادئ", "اليوم"]
    [confident] = [e for e in model.tag(first, 0.5) if e[2] == "PER"]
    alone = model.tag(second, 0.5)
    assert not any(e[:3] == (3, 4, "PER") for e in alone)  # no context to go on here
    _, again = model.tag_document([first, second], 0.5)
    assert (3, 4, "PER", confident[3]) in again


def test_recommender_names_found_once_are_suggested_behind_proclitics_too(trained_on_made_up_names):
    model = trained_on_made_up_names
    first = ["قال", "الناشط", "كمال", "في", "مدينة", "حلب"]
    second = ["وأضاف", "المصدر", "أن", "لكمال", "هادئ", "اليوم"]  # ل + the name
    [confident] = [e for e in model.tag(first, 0.5) if e[2] == "PER"]
    _, again = model.tag_document([first, second], 0.5)
    assert (3, 4, "PER", confident[3]) in again
    text = " ".join(first) + ".\n" + " ".join(second) + "."
    where = text.index("لكمال")
    assert (where, where + len("لكمال"), "PER", confident[3]) in model.suggest(document(text), 0.5)
