"""Pre-annotation: camel-tools' NER model proposes entity spans as *suggestions*.

``preannotate`` runs the BERT recogniser (``annotator.nlp.ner``) over each document's
tokens (the document's own tokenisation if it came with one, else
``annotator.nlp.tokens``), turns its BIO labels into spans with code-point offsets,
maps the model's labels onto the project's, and stores the result as model suggestions
(``annotator.core.suggestions``, the store's ``model_suggestions`` table). They
are never annotations: the UI draws them dashed, and ``suggestions.accept`` /
``suggestions.reject`` turn one into a span or hide it. Running it again on a document
replaces that document's model suggestions.

Label mapping (editable, stored under ``preannotate/mapping``): the model emits PERS,
LOC, ORG and MISC (ANERcorp). ``default_mapping`` keeps a label the project's schema
has under the same name when the schema uses ANERcorp's names (it has PERS);
otherwise PERS -> PER, ORG -> ORG, LOC -> GPE, MISC dropped. LOC -> GPE because in
news ANERcorp's LOC is overwhelmingly countries, cities and villages, which ACE calls
GPE; rivers, mountains and regions (ACE LOC) are the exception the annotator
relabels. A label mapped to nothing (``None`` or ``""``) is dropped.

torch and transformers are imported only when the model is loaded, inside the
generator; importing this module stays light.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import Phrase, ValidationError
from ..nlp import ner
from .model import Document
from .progress import Progress
from .schema import Schema
from .store import Store
from .suggestions import Place, save_model_suggestions

NEWS_MAPPING: dict[str, str | None] = {
    "PERS": "PER",
    "LOC": "GPE",
    "ORG": "ORG",
    "MISC": None,
}


# --- mapping ------------------------------------------------------------------------
def default_mapping(schema: Schema) -> dict[str, str | None]:
    """Model label -> project label (``None``: dropped); see the module docstring."""
    if schema.label("PERS") is not None:  # ANERcorp naming: keep the model's labels
        return {
            label: label if schema.label(label) else None for label in ner.MODEL_LABELS
        }
    return {
        label: target if target and schema.label(target) else None
        for label, target in NEWS_MAPPING.items()
    }


def stored_mapping(store: Store) -> dict[str, str | None]:
    """The project's mapping (a project option), else ``default_mapping``."""
    mapping = store.options().ner_mapping
    return default_mapping(store.schema) if mapping is None else mapping


def save_mapping(store: Store, mapping: Mapping[str, str | None]) -> None:
    check_mapping(store.schema, mapping)
    store.save_options(replace(store.options(), ner_mapping=dict(mapping)))


def check_mapping(schema: Schema, mapping: Mapping[str, str | None]) -> None:
    for source, target in mapping.items():
        if target and schema.label(target) is None:
            raise ValidationError(
                "the NER mapping sends {source} to {target!r}, which the schema "
                "{schema!r} does not have; map it to one of its labels or to nothing",
                params={"source": source, "target": target, "schema": schema.name},
            )


# --- running ------------------------------------------------------------------------
def suggest_entities(
    recognizer: Any, document: Document, mapping: Mapping[str, str | None]
) -> list[Place]:
    """The mapped spans the recogniser finds in one document (offsets into its text)."""
    from ..nlp.tokens import document_sentences

    sentences = document_sentences(document)
    words = [[document.text[s:e] for s, e in sentence] for sentence in sentences]
    places: list[Place] = []
    for tokens, labels in zip(sentences, ner.predict_labels(recognizer, words)):
        for start, end, label in ner.labelled_spans(tokens, labels):
            target = mapping.get(label)
            if target:
                places.append((start, end, target))
    return places


def preannotate(
    store: Store,
    document_ids: Iterable[str],
    annotator: str,
    mapping: Mapping[str, str | None] | None = None,
    model_path: str | Path | None = None,
) -> Iterator[Progress]:
    """Run the NER model over documents and store its output as model suggestions.

    Yields ``Progress`` per document; returns ``{document id: suggestions stored}``.
    Checks first and changes nothing when the model is missing (``ModelNotInstalled``
    with the install command), a document is unknown or the mapping names labels the
    schema lacks. Results are written in one transaction at the end, so a run
    cancelled (generator closed) part-way stores nothing.
    """
    mapping = dict(mapping) if mapping is not None else stored_mapping(store)
    check_mapping(store.schema, mapping)
    documents = [store.document(i) for i in document_ids]
    status = ner.model_status(model_path)
    if not status.ready:
        raise ner.ModelNotInstalled(status.message)
    total = len(documents)
    yield Progress(0, total, Phrase("Loading the NER model"))
    recognizer = ner.load_recognizer(model_path)
    found: dict[str, list[Place]] = {}
    for done, document in enumerate(documents, start=1):
        found[document.id] = suggest_entities(recognizer, document, mapping)
        yield Progress(done, total, Phrase("Pre-annotated {title}", {"title": document.title}))
    with store.atomic():
        for document_id, places in found.items():
            save_model_suggestions(
                store, annotator, document_id, places, str(status.path)
            )
    return {document_id: len(places) for document_id, places in found.items()}
