"""Training on a generated project (real CRF), the kept model's checks, negative evidence."""

from __future__ import annotations

import random
import sqlite3

import pytest

from annotator.core.learning import (
    MODEL_NAME,
    StoredModel,
    schema_sha256,
    stored_form,
    suggest_documents,
    train,
    training_sources,
    usable_model,
)
from annotator.core.model import Annotations, Document, Span, Status
from annotator.core.schema import Schema
from annotator.errors import ProjectError
from annotator.nlp.recommender import FORMAT, Model
from annotator.storage import ProjectStore
from annotator.storage.models import load_model, save_model

SCHEMA = {"name": "tiny", "labels": [{"name": "PER"}, {"name": "LOC"}, {"name": "ORG"}]}
LETTERS = "بتثجحخدذرزسشصضطظعغفقكمنهي"
FILLER = ["وأضاف", "المصدر", "أن", "الوضع", "هادئ", "نسبيا", "اليوم", "بعد", "أيام", "من"]


def made_up_name(rng: random.Random) -> str:
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 5)))


def article(rng: random.Random, people: list[str] | None = None) -> tuple[str, list[tuple[int, int, str]]]:
    """Sentences «قال الناشط PER في مدينة LOC ...»; offsets found in the text itself."""
    text, spans = "", []
    for k in range(6):
        person = people[k % len(people)] if people else made_up_name(rng)
        place = made_up_name(rng)
        sentence = f"قال الناشط {person} في مدينة {place} " + " ".join(rng.sample(FILLER, 4)) + ".\n"
        at = len(text)
        text += sentence
        first = at + sentence.index(person)
        spans.append((first, first + len(person), "PER"))
        where = at + sentence.index(place, sentence.index("مدينة"))
        spans.append((where, where + len(place), "LOC"))
    return text, spans


def add(store: ProjectStore, doc_id: str, text: str, spans, annotator: str = "amal",
        status: Status = Status.DONE) -> None:
    if doc_id not in store.document_ids():
        store.add_document(Document(doc_id, text))
    items = [Span(f"T{n}", s, e, label) for n, (s, e, label) in enumerate(spans, 1)]
    store.replace_annotations(Annotations(doc_id, annotator, status, items))


@pytest.fixture
def project() -> ProjectStore:
    store = ProjectStore.in_memory(Schema.from_json(SCHEMA))
    rng = random.Random(11)
    for n in range(10):
        add(store, f"d{n}", *article(rng))
    yield store
    store.close()


def trained(store: ProjectStore, **options) -> Model:
    steps = train(store, **options)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value


def test_learning_trains_on_done_documents_and_finds_new_names(project):
    rng = random.Random(5)
    text, spans = article(rng)
    add(project, "new", text, [], status=Status.IN_PROGRESS)
    model = trained(project)
    assert model.trained_on["documents"] == 10 and model.trained_on["annotators"] == ["amal"]
    assert model.labels == ["LOC", "PER"]
    [(document, found)] = list(suggest_documents(project, model, ["new"]))
    places = {(s, e, label) for s, e, label, _ in found}
    assert document.id == "new" and len(places & set(spans)) >= 10
    assert project.annotations("new", "amal").spans == []  # suggesting labels nothing


def test_learning_default_sources_prefer_gold(project):
    text, spans = article(random.Random(1))
    add(project, "g", text, spans, annotator="salma")
    add(project, "g", text, spans[:2], annotator="gold", status=Status.IN_PROGRESS)
    add(project, "d0", "", [], annotator="salma", status=Status.IN_PROGRESS)
    sources = training_sources(project)
    assert ("g", "gold") in sources and ("g", "salma") not in sources
    assert ("d0", "salma") not in sources and ("d0", "amal") in sources
    assert training_sources(project, ["salma"]) == [("g", "salma")]


def test_learning_labels_option_limits_and_checks(project):
    model = trained(project, labels=["LOC"])
    assert model.labels == ["LOC"]
    with pytest.raises(ProjectError, match="'GPE' is not an entity label"):
        trained(project, labels=["GPE"])


def test_learning_refuses_to_train_on_nothing():
    store = ProjectStore.in_memory(Schema.from_json(SCHEMA))
    add(store, "x", *article(random.Random(3)), status=Status.IN_PROGRESS)
    with pytest.raises(ProjectError, match="nothing to learn from"):
        trained(store)


def test_learning_model_kept_in_the_project_is_used_again(project):
    model = trained(project)
    save_model(project, stored_form(model, project.schema))
    again = usable_model(load_model(project, MODEL_NAME), project.schema, "p.sqlite")
    document = project.document("d0")
    assert again.suggest(document) == model.suggest(document)
    assert again.trained_on["documents"] == 10


def test_learning_changed_schema_refuses_the_old_model(project):
    save_model(project, stored_form(trained(project), project.schema))
    grown = Schema.from_json({**SCHEMA, "labels": [*SCHEMA["labels"], {"name": "GPE"}]})
    project.save_schema(grown)
    with pytest.raises(ProjectError) as refused:
        usable_model(load_model(project, MODEL_NAME), project.schema, "p.sqlite")
    assert "the model was trained for another schema; train again: annotator learn p.sqlite" in str(refused.value)


def test_learning_model_of_an_older_format_is_refused(project):
    stored = stored_form(trained(project), project.schema)
    project.db.execute(  # as an older version of the app wrote it
        "INSERT INTO models VALUES (?, ?, ?, ?, ?, ?)",
        [MODEL_NAME, FORMAT - 1, schema_sha256(project.schema), "{}", "2020-01-01",
         sqlite3.Binary(b"an older model file")],
    )
    with pytest.raises(ProjectError, match=r"older version of annotator \(model format "
                       f"{FORMAT - 1}, this version reads {FORMAT}\\); train again"):
        usable_model(load_model(project, MODEL_NAME), project.schema, "p.sqlite")
    assert isinstance(stored, StoredModel)


def test_learning_damaged_model_row_is_named(project):
    project.db.execute("INSERT INTO models VALUES (?, ?, ?, ?, ?, ?)",
                       [MODEL_NAME, "one", "x", "{}", "now", b""])
    with pytest.raises(ProjectError, match="table models, row \\('entities'\\), field format"):
        load_model(project, MODEL_NAME)


def test_learning_rejected_suggestions_are_negative_evidence(project):
    rng = random.Random(9)
    # One made-up word stands where names stand, six times, in a document in progress.
    text, spans = article(rng, people=["المجهول"])
    add(project, "open", text, [], status=Status.IN_PROGRESS)
    model = trained(project)
    places = [(s, e, label) for s, e, label in spans if label == "PER"]
    before = {(s, e, label): c for s, e, label, c in model.suggest(project.document("open"), 0.0)}
    assert all(place in before for place in places)
    for place in places:
        project.add_rejection("amal", "open", place)
    retrained = trained(project)
    after = {(s, e, label): c for s, e, label, c in retrained.suggest(project.document("open"), 0.0)}
    assert retrained.trained_on["tokens"] > model.trained_on["tokens"]  # the sentences came in
    for place in places:
        assert after.get(place, 0.0) < before[place]
    assert not any(place in after for place in places) or max(after.get(p, 0) for p in places) < 0.5


def test_learning_rejection_in_a_document_in_progress_trains_only_the_words_around_it(project):
    """The rest of a sentence still in progress holds names nobody labelled yet: as O
    they taught the model they are not names (seen in the window: one rejection took
    the document's other suggestions away)."""
    from annotator.core.learning import REJECTION_REACH, _rejected_elsewhere

    text = "قال الناشط المجهول في مدينة دمشق إن الوضع هادئ نسبيا اليوم بعد أيام من القتال في حلب .\n"
    add(project, "open", text, [], status=Status.IN_PROGRESS)
    start = text.index("المجهول")
    project.add_rejection("amal", "open", (start, start + len("المجهول"), "PER"))
    (sentences,) = list(_rejected_elsewhere(project, training_sources(project), ["amal"], ["PER", "LOC"]))
    (sentence,) = sentences
    assert "المجهول" in sentence.words and "حلب" not in sentence.words and "دمشق" not in sentence.words
    assert len(sentence.words) == 2 * REJECTION_REACH + 1
    assert sentence.tags == ["O"] * len(sentence.words)
