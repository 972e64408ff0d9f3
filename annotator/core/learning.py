"""Suggestions that learn from the team: training data, training, and the kept model.

``train(store, ...)`` is a generator yielding ``Progress`` whose return value is the
trained ``Model`` (``nlp/recommender.py``); the CLI drains it, a window can run it on a
worker. ``stored_form`` / ``usable_model`` turn a model into the row the store keeps
(``storage/models.py``) and back, refusing a model trained for another schema or by an
older format: its features would not mean what the current code computes.

Training data (``training_sources``): with no annotators named, each document's gold
copy where one exists, else every annotator's copy marked done; with annotators named,
their copies marked done. Negative evidence: the suggestions those annotators rejected
(the ``rejections`` table) are trained as O for their label, in the training documents
and, sentence by sentence, in documents still in progress.

The store is passed in, never imported: core does not talk to SQLite.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import Phrase, ProjectError
from ..nlp.recommender import (
    FORMAT,
    Model,
    Sentence,
    Settings,
    Suggestion,
    document_sentences_of,
    tag_sentences,
)
from ..nlp.recommender import train as train_crf
from .adjudication import GOLD
from .commands import timestamp
from .model import Document, Status
from .progress import Progress
from .schema import Schema
from .store import Store

MODEL_NAME = "entities"


@dataclass(frozen=True)
class StoredModel:
    """A row of the ``models`` table, as core sees it."""

    name: str
    format: int
    schema_sha256: str
    trained_on: dict[str, Any]
    created: str
    data: bytes


def schema_sha256(schema: Schema) -> str:
    text = json.dumps(schema.to_json(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- what to train on ---------------------------------------------------------------
def training_sources(store: Store, annotators: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """``(document id, annotator)`` pairs whose labels are training data (see above)."""
    done: dict[str, list[str]] = defaultdict(list)
    for document_id, annotator, status in store.statuses():
        if status == Status.DONE:
            done[document_id].append(annotator)
    if annotators:
        wanted = set(annotators)
        return [(d, a) for d in store.document_ids() for a in done.get(d, []) if a in wanted]
    pairs = []
    for document_id in store.document_ids():
        has_gold = GOLD in store.annotators_of(document_id)
        names = [GOLD] if has_gold else sorted(a for a in done.get(document_id, []) if a != GOLD)
        pairs.extend((document_id, a) for a in names)
    return pairs


def entity_labels(schema: Schema, labels: Sequence[str] | None = None) -> list[str]:
    """The schema's entity labels, or ``labels`` after checking each is one of them."""
    known = [label.name for label in schema.labels_in("entity")]
    if not labels:
        return known
    unknown = [name for name in labels if name not in known]
    if unknown:
        raise ProjectError("{label!r} is not an entity label of the schema (entity labels: {known})",
                           params={"label": unknown[0], "known": ", ".join(known)})
    return list(labels)


# --- training -----------------------------------------------------------------------
def train(
    store: Store,
    annotators: Sequence[str] | None = None,
    labels: Sequence[str] | None = None,
    settings: Settings | None = None,
) -> Generator[Progress, None, Model]:
    """Train a model on the project's labels; yields ``Progress``, returns the ``Model``.

    Raises ``ProjectError`` when there is nothing to learn from.
    """
    chosen = entity_labels(store.schema, labels)
    sources = training_sources(store, annotators)
    trainers = sorted({a for _, a in sources} | set(annotators or ()))
    examples: list[list[Sentence]] = []
    total = len(sources) + 1
    for n, (document_id, annotator) in enumerate(sources):
        examples.append(_labelled(store, document_id, annotator, chosen, trainers))
        yield Progress(n + 1, total, Phrase("read {document}", {"document": document_id}))
    examples.extend(_rejected_elsewhere(store, sources, trainers, chosen))
    _refuse_empty(store, examples, chosen)
    model: Model | None = None
    for step in train_crf(examples, settings or Settings()):
        if isinstance(step, Model):
            model = step
    assert model is not None
    model.trained_on = {
        "annotators": trainers, "documents": len(sources), "labels": chosen,
        "tokens": sum(len(s.words) for doc in examples for s in doc),
    }
    yield Progress(total, total, Phrase("trained"))
    return model


def _labelled(store: Store, document_id: str, annotator: str, labels: list[str],
              trainers: list[str]) -> list[Sentence]:
    document = store.document(document_id)
    spans = [(s.start, s.end, s.label) for s in store.annotations(document_id, annotator).spans]
    return tag_sentences(document_sentences_of(document), spans, labels,
                         _rejections(store, document_id, trainers))


def _rejections(store: Store, document_id: str, annotators: Iterable[str]) -> set[tuple[int, int, str]]:
    found: set[tuple[int, int, str]] = set()
    for annotator in annotators:
        found |= store.rejections(annotator, document_id)
    return found


def _rejected_elsewhere(store: Store, sources: list[tuple[str, str]], trainers: list[str],
                        labels: list[str]) -> Iterator[list[Sentence]]:
    """The words around each rejected suggestion in documents not trained on as a
    whole: tagged with that annotator's labels so far, the rejected place as O. Only
    ``REJECTION_REACH`` words either side: the rest of a sentence still in progress
    holds names nobody has labelled yet, and trained as O they taught the model that
    they are not names (one rejection took a document's other suggestions away)."""
    used = {d for d, _ in sources}
    for document_id in store.document_ids():
        if document_id in used:
            continue
        for annotator in trainers:
            rejected = store.rejections(annotator, document_id)
            if not rejected:
                continue
            document = store.document(document_id)
            spans = [(s.start, s.end, s.label)
                     for s in store.annotations(document_id, annotator).spans]
            tagged = tag_sentences(document_sentences_of(document), spans, labels, rejected)
            yield [_around(s, rejected) for s in tagged if _touches(s, rejected)]


REJECTION_REACH = 2  # words either side of a rejected place: the CRF's own window of neighbours


def _around(sentence: Sentence, places: Iterable[tuple[int, int, str]]) -> Sentence:
    """The part of ``sentence`` from ``REJECTION_REACH`` words before its first
    rejected place to as many after its last."""
    inside = [i for i, (start, end) in enumerate(sentence.offsets)
              if any(start < e and s < end for s, e, _ in places)]
    if not inside:
        return sentence
    first = max(0, inside[0] - REJECTION_REACH)
    last = min(len(sentence.words), inside[-1] + REJECTION_REACH + 1)
    tags = sentence.tags
    if tags is not None:  # a labelled name at an edge is kept whole
        while first > 0 and tags[first].startswith("I-"):
            first -= 1
        while last < len(tags) and tags[last].startswith("I-"):
            last += 1
        tags = tags[first:last]
    return Sentence(sentence.words[first:last], sentence.offsets[first:last], tags)


def _touches(sentence: Sentence, places: Iterable[tuple[int, int, str]]) -> bool:
    if not sentence.offsets:
        return False
    first, last = sentence.offsets[0][0], sentence.offsets[-1][1]
    return any(start < last and first < end for start, end, _ in places)


def _refuse_empty(store: Store, examples: list[list[Sentence]], labels: list[str]) -> None:
    tagged = any(t != "O" for doc in examples for s in doc for t in s.tags or [])
    if not tagged:
        raise ProjectError(
            "nothing to learn from: no document marked done (or gold) holds a label of "
            "{labels}; mark some documents done, or name annotators with --from",
            params={"labels": ", ".join(labels)},
            file=str(store.path) if store.path else None)


# --- keeping the model --------------------------------------------------------------
def stored_form(model: Model, schema: Schema, name: str = MODEL_NAME) -> StoredModel:
    trained_on = {**model.trained_on, "model": model.meta()}
    return StoredModel(name, FORMAT, schema_sha256(schema), trained_on, timestamp(), model.data)


def usable_model(stored: StoredModel | None, schema: Schema, project: str) -> Model:
    """The model in ``stored``, or a ``ProjectError`` saying why it cannot be used."""
    again = Phrase("train again: annotator learn {project}", {"project": project})
    if stored is None:
        raise ProjectError("the project has no trained model; {again}", params={"again": again}, file=project)
    formats = {"format": stored.format, "readable": FORMAT, "again": again}
    if stored.format < FORMAT:
        raise ProjectError(
            "the model was made by an older version of annotator (model format "
            "{format}, this version reads {readable}); {again}", params=formats, file=project)
    if stored.format > FORMAT:
        raise ProjectError(
            "the model was made by a newer version of annotator (model format "
            "{format}, this version reads {readable}); update annotator or {again}",
            params=formats, file=project)
    if stored.schema_sha256 != schema_sha256(schema):
        raise ProjectError("the model was trained for another schema; {again}", params={"again": again}, file=project)
    meta = stored.trained_on.get("model")
    if not isinstance(meta, dict):
        raise ProjectError("the stored model has no description; {again}", params={"again": again}, file=project)
    model = Model.from_stored(stored.data, meta)
    model.trained_on = {k: v for k, v in stored.trained_on.items() if k != "model"}
    return model


# --- suggesting ---------------------------------------------------------------------
def suggest_documents(
    store: Store, model: Model, document_ids: Sequence[str] | None = None,
    threshold: float | None = None,
) -> Iterator[tuple[Document, list[Suggestion]]]:
    """Each document (all, or those of ``document_ids``) with the model's suggestions."""
    ids = list(document_ids) if document_ids else store.document_ids()
    known = set(store.document_ids())
    missing = [i for i in ids if i not in known]
    if missing:
        raise ProjectError("no document {document!r} in the project", params={"document": missing[0]},
                           file=str(store.path) if store.path else None)
    for document_id in ids:
        document = store.document(document_id)
        yield document, model.suggest(document, threshold)
