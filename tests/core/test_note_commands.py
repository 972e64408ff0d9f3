"""Notes written through the session like every other edit: one undoable step each,
and a note goes with the item it is on (deleted with it, back with it on undo).
What reached the file is read through a second connection."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.model import Document
from annotator.core.notes import DOCUMENT, set_note
from annotator.core.session import Session
from annotator.errors import ProjectError, ValidationError
from annotator.storage import ProjectStore
from tests.helpers import at

TEXT = "قال المتحدث باسم قوات النظام إن القوات دخلت مدينة حلب"


@pytest.fixture
def path(tmp_path: Path, schema) -> Path:
    path = tmp_path / "p.annotator"
    store = ProjectStore.create(path, schema)
    store.add_document(Document("d1", TEXT))
    store.close()
    return path


@pytest.fixture
def session(path: Path):
    store = ProjectStore.open(path, backup=False)
    session = Session(store, "amal")
    session.open("d1")
    yield session
    store.close()


def in_file(path: Path) -> set[tuple[str, str, str, str]]:
    """The notes as another program sees them."""
    with sqlite3.connect(path) as conn:
        rows = set(conn.execute("SELECT document_id, annotator, target, text FROM notes"))
    conn.close()
    return rows


def _note(session: Session, target: str, text: str) -> None:
    command = set_note(session.store, "d1", session.annotator, target, text)
    assert command is not None
    session.apply(command)


def _span(session: Session, word: str, label: str = "GPE") -> str:
    return session.apply(session.editor().add_span(*at(TEXT, word), label)).added[0].id


def test_note_commands_add_edit_delete_each_one_undoable_step(session, path):
    span_id = _span(session, "حلب")
    _note(session, span_id, "مدينة أم محافظة؟")
    _note(session, DOCUMENT, "مقال مكرر؟")
    assert in_file(path) == {("d1", "amal", span_id, "مدينة أم محافظة؟"), ("d1", "amal", "", "مقال مكرر؟")}
    _note(session, span_id, "  مدينة  ")  # edited (and trimmed)
    assert str(session.undo_name()) == "Edit note"
    assert ("d1", "amal", span_id, "مدينة") in in_file(path)
    _note(session, span_id, "")  # blank: deleted
    assert str(session.undo_name()) == "Delete note"
    assert in_file(path) == {("d1", "amal", "", "مقال مكرر؟")}
    session.undo()
    assert ("d1", "amal", span_id, "مدينة") in in_file(path)
    session.undo()
    assert ("d1", "amal", span_id, "مدينة أم محافظة؟") in in_file(path)
    session.undo()
    session.undo()
    assert in_file(path) == set()
    assert [s.id for s in session.annotations.spans] == [span_id]  # the span is the step before
    session.redo()
    assert in_file(path) == {("d1", "amal", span_id, "مدينة أم محافظة؟")}
    assert set_note(session.store, "d1", "amal", span_id, "مدينة أم محافظة؟") is None  # no change


def test_note_commands_deleting_an_item_deletes_its_note_and_undo_brings_both_back(session, path):
    span_id = _span(session, "حلب")
    _note(session, span_id, "مدينة أم محافظة؟")
    session.apply(session.editor().remove_span(span_id))
    assert in_file(path) == set()
    assert len(session.done) == 3  # add, note, delete: the note went in the delete's step
    session.undo()
    assert in_file(path) == {("d1", "amal", span_id, "مدينة أم محافظة؟")}
    assert [s.id for s in session.annotations.spans] == [span_id]
    session.redo()
    assert in_file(path) == set()
    # the next span takes the freed id; the deleted span's note must not land on it
    assert _span(session, "قوات النظام", "ORG") == span_id
    assert in_file(path) == set()


def test_note_commands_a_relabelled_span_keeps_its_note(session, path):
    span_id = _span(session, "حلب")
    _note(session, span_id, "مدينة أم محافظة؟")
    session.apply(session.editor().change_span(span_id, label="LOC"))
    assert in_file(path) == {("d1", "amal", span_id, "مدينة أم محافظة؟")}
    session.undo()
    assert in_file(path) == {("d1", "amal", span_id, "مدينة أم محافظة؟")}


def test_note_commands_an_attribution_deleted_with_its_last_part_takes_its_note(session, path):
    cue = _span(session, "قال", "CUE")
    attribution = session.apply(session.editor().add_attribution(cue=cue)).added[0]
    _note(session, attribution.id, "من المتحدث؟")
    _note(session, cue, "الفعل وحده؟")
    session.apply(session.editor().remove_span(cue))  # the attribution had no other part
    assert session.annotations.attributions == [] and in_file(path) == set()
    session.undo()
    assert in_file(path) == {("d1", "amal", attribution.id, "من المتحدث؟"), ("d1", "amal", cue, "الفعل وحده؟")}


def test_note_commands_refuse_a_note_changed_by_another_window(session, path):
    _note(session, DOCUMENT, "سؤال")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE notes SET text = 'سؤال آخر'")
    conn.close()
    with pytest.raises(ProjectError, match="changed by another window or program since; nothing was undone"):
        session.undo()
    assert in_file(path) == {("d1", "amal", "", "سؤال آخر")}  # the other window's note is kept


def test_note_commands_refuse_a_note_on_no_item(session):
    with pytest.raises(ValidationError, match="no such item 'T7'"):
        set_note(session.store, "d1", "amal", "T7", "?")
