"""The documents list's rows: read by SQLite where a row is plainly sound, by Python
(naming what is wrong) elsewhere; both give the same answer."""

from __future__ import annotations

import sqlite3

from annotator.core.model import Annotations, Document, Span, Status
from annotator.errors import ProjectError
from annotator.storage import ProjectStore


def test_overview_titles_statuses_and_counts_for_every_kind_of_meta(tmp_path, schema):
    path = tmp_path / "p.sqlite"
    store = ProjectStore.create(path, schema)
    metas = {
        "plain": {"title": "مدينة حلب"},
        "untitled": {"source": "x"},
        "empty title": {"title": ""},
        "brackets": {"title": "عنوان [مع] {أقواس}"},  # looks nested: read by Python
        "number": {"title": 2020},
        "nested": {"title": "t", "tags": ["a", {"b": 1}]},
        "bad json": {}, "deep": {},  # damaged below
    }
    for doc_id, meta in metas.items():
        store.add_document(Document(doc_id, f"نص {doc_id}", meta))
    store.replace_annotations(Annotations("plain", "amal", Status.DONE, spans=[Span("T1", 0, 2, "PER")]))
    store.close()
    with sqlite3.connect(path) as raw:  # damaged rows, as a broken tool could leave them
        for doc_id, meta in (("bad json", '{"title": '), ("deep", "[" * 200 + "]" * 200)):
            raw.execute("UPDATE documents SET meta = ? WHERE id = ?", [meta, doc_id])
    store = ProjectStore.open(path)
    problems: list[ProjectError] = []
    rows = {row[0]: row[1:] for row in store.document_overview("amal", problems)}
    store.close()
    assert rows == {
        "plain": ("مدينة حلب", Status.DONE, 1),
        "untitled": ("untitled", Status.NEW, 0),
        "empty title": ("empty title", Status.NEW, 0),
        "brackets": ("عنوان [مع] {أقواس}", Status.NEW, 0),
        "number": ("2020", Status.NEW, 0),
        "nested": ("t", Status.NEW, 0),
        "bad json": ("bad json (damaged)", Status.NEW, 0),
        "deep": ("deep (damaged)", Status.NEW, 0),
    }
    assert sorted(str(p).split("'")[1] for p in problems) == ["bad json", "deep"]
