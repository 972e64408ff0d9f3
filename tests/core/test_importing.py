from __future__ import annotations

import pytest

from annotator.core.importing import import_records
from annotator.core.model import Annotations, Document, ImportRecord, Span
from annotator.errors import InputError


def _record(doc_id, text, spans=(), line=1):
    annotations = [Annotations(doc_id, "a", spans=list(spans))] if spans else []
    return ImportRecord(Document(doc_id, text), annotations, file="in.jsonl", line=line)


def test_importing_is_all_or_nothing(store):
    records = [_record("d1", "نص أول"), _record("d2", "نص ثان", [Span("T1", 0, 99, "ORG")], line=2)]
    with pytest.raises(Exception) as caught:
        list(import_records(store, records))
    assert "in.jsonl:2" in str(caught.value)
    assert store.count_documents() == 0


def test_importing_cancelled_generator_rolls_back(store):
    steps = import_records(store, (_record(f"d{i}", f"نص {i}") for i in range(10)))
    next(steps)
    next(steps)
    steps.close()
    assert store.count_documents() == 0


def test_importing_same_document_twice_is_idempotent(store):
    record = _record("d1", "قوات النظام", [Span("T1", 0, 4, "ORG")])
    list(import_records(store, [record]))
    list(import_records(store, [record]))
    assert store.count_documents() == 1 and store.count("spans") == 1


def test_importing_nothing_is_an_error(store):
    with pytest.raises(InputError, match="nothing to import"):
        list(import_records(store, []))
