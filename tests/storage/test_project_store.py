from __future__ import annotations

import sqlite3

import pytest

from annotator.core.model import Document, Status
from annotator.errors import ProjectError
from annotator.storage import ProjectStore
from annotator.storage.migrations import latest_version
from tests.helpers import seed_annotations


def test_store_round_trips_document_and_annotations(store, seed_text):
    document = Document("aleppo", seed_text, {"title": "t", "date": "2020-02-02"})
    store.add_document(document)
    annotations = seed_annotations(seed_text, "aleppo")
    store.replace_annotations(annotations)
    assert store.document("aleppo") == document
    loaded = store.annotations("aleppo", "amal")
    assert sorted(loaded.spans, key=lambda s: s.id) == sorted(annotations.spans, key=lambda s: s.id)
    assert loaded.events == annotations.events
    assert loaded.attributions == annotations.attributions
    assert loaded.status is Status.DONE
    assert store.document_sha256("aleppo") == document.sha256


def test_store_project_file_is_wal_and_versioned(project_path):
    store = ProjectStore.open(project_path)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    store.close()


def test_store_failed_transaction_leaves_nothing(store, seed_text):
    with pytest.raises(RuntimeError), store.atomic():
        store.add_document(Document("aleppo", seed_text))
        raise RuntimeError("boom")
    assert store.count_documents() == 0


def test_store_edit_marks_document_in_progress(store, seed_text):
    store.add_document(Document("aleppo", seed_text))
    span = seed_annotations(seed_text, "aleppo").spans[0]
    store.save_span("aleppo", "amal", span)
    assert store.status("aleppo", "amal") is Status.IN_PROGRESS
    assert store.annotators() == ["amal"]


def test_store_refuses_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"hello, this is not a database" * 10)
    with pytest.raises(ProjectError, match="not a SQLite database"):
        ProjectStore.open(path)
    assert path.read_bytes() == b"hello, this is not a database" * 10


def test_store_refuses_empty_file(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    with pytest.raises(ProjectError, match="empty"):
        ProjectStore.open(path)


def test_store_refuses_foreign_sqlite_database(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match="not an annotation project"):
        ProjectStore.open(path)


def test_store_refuses_project_from_newer_version(project_path):
    conn = sqlite3.connect(project_path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    with pytest.raises(ProjectError, match="newer version"):
        ProjectStore.open(project_path)


def test_store_create_refuses_existing_file(project_path, schema):
    with pytest.raises(ProjectError, match="already exists"):
        ProjectStore.create(project_path, schema)


def test_store_every_write_is_visible_to_a_second_connection(project_path, seed_text):
    writer = ProjectStore.open(project_path)
    reader = ProjectStore.open(project_path)
    writer.add_document(Document("aleppo", seed_text))
    writer.save_span("aleppo", "amal", seed_annotations(seed_text, "aleppo").spans[0])
    assert [s.id for s in reader.annotations("aleppo", "amal").spans] == ["T1"]
    writer.close()
    reader.close()


@pytest.mark.parametrize("nested", [False, True])
def test_store_rollback_forgets_a_schema_saved_inside_it(store, nested):
    import copy

    grown = copy.deepcopy(store.schema)
    grown.add_label("DISEASE")
    with pytest.raises(RuntimeError), store.atomic():
        if nested:
            with store.atomic():
                store.save_schema(grown)
                raise RuntimeError("stop")
        store.save_schema(grown)
        raise RuntimeError("stop")
    assert "DISEASE" not in store.schema.labels  # as in the file
