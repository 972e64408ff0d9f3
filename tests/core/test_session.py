"""The session without Qt: the one way in for every change (issue 13)."""

from __future__ import annotations

import pytest

from annotator.core.commands import step
from annotator.core.model import Document, Span, Status
from annotator.core.session import Session
from annotator.errors import AnnotatorError
from annotator.storage import ProjectStore
from tests.helpers import at

TEXT = "قال المتحدث باسم قوات النظام إن القوات دخلت مدينة حلب"


@pytest.fixture
def session(store):
    store.add_document(Document("d1", TEXT))
    store.add_document(Document("d2", "خبر آخر عن دمشق"))
    session = Session(store, "amal")
    session.open("d1")
    return session


def test_session_applies_an_edit_and_says_what_changed(session, store):
    command = session.editor().add_span(*at(TEXT, "قوات النظام"), "ORG")
    change = session.apply(command)
    (span,) = change.added
    assert change.document_id == "d1" and change.removed == () and not change.reloaded
    assert change.status is Status.IN_PROGRESS  # the first edit starts the document
    assert session.annotations.spans == [span]
    assert store.annotations("d1", "amal").spans == [span]  # in the file at once
    assert str(session.undo_name()) == "Add ORG span"


def test_session_undo_and_redo_follow_the_file(session, store):
    session.apply(session.editor().add_span(*at(TEXT, "حلب"), "GPE"))
    undone = session.undo()
    assert len(undone.removed) == 1 and store.annotations("d1", "amal").spans == []
    assert session.undo() is None  # nothing more to undo
    redone = session.redo()
    assert redone.added == undone.removed
    assert [s.label for s in store.annotations("d1", "amal").spans] == ["GPE"]


def test_a_gesture_is_one_step_and_a_new_edit_clears_redo(session, store):
    with session.gesture(step("Add {label} event", label="Conflict.Attack")):
        trigger = session.apply(session.editor().add_span(*at(TEXT, "دخلت"), "Movement.Transport")).added[0]
        session.apply(session.editor().add_event(trigger.id))
    assert len(session.done) == 1 and len(session.done[0].commands) == 2
    session.undo()
    assert store.annotations("d1", "amal").events == [] and store.annotations("d1", "amal").spans == []
    session.apply(session.editor().add_span(*at(TEXT, "حلب"), "GPE"))
    assert session.redo() is None


def test_a_refused_command_leaves_history_and_copy_alone(session, store):
    session.apply(session.editor().add_span(*at(TEXT, "حلب"), "GPE"))
    before = list(session.annotations.spans)

    class Refusing:
        name = step("Add attribution")
        document_id = "d1"

        def do(self, target):
            raise AnnotatorError("the disk is full")

        undo = do

    with pytest.raises(AnnotatorError):
        session.apply(Refusing())
    assert len(session.done) == 1 and session.annotations.spans == before


def test_a_step_in_another_document_reopens_it(session, store):
    session.apply(session.editor().add_span(*at(TEXT, "حلب"), "GPE"))
    session.open("d2")
    change = session.undo()
    assert change.opened and change.reloaded and session.document.id == "d1"
    assert session.annotations.spans == []


def test_catch_up_reads_another_programs_write(tmp_path, schema):
    path = tmp_path / "p.sqlite"
    created = ProjectStore.create(path, schema)
    created.add_document(Document("d1", TEXT))
    created.close()
    mine, theirs = ProjectStore.open(path, backup=False), ProjectStore.open(path, backup=False)
    try:
        session = Session(mine, "amal")
        session.open("d1")
        assert session.catch_up() is None
        theirs.save_span("d1", "amal", Span("T9", *at(TEXT, "حلب"), "GPE"))
        change = session.catch_up()
        assert change.reloaded and [s.id for s in session.annotations.spans] == ["T9"]
    finally:
        mine.close()
        theirs.close()


def test_relabelling_a_trigger_carries_its_event_and_undo_restores_both(session, store):
    trigger = session.apply(session.editor().add_span(*at(TEXT, "دخلت"), "Movement.Transport")).added[0]
    event = session.apply(session.editor().add_event(trigger.id)).added[0]
    change = session.apply(session.editor().change_span(trigger.id, label="Conflict.Attack"))
    assert {type(i).__name__ for i in change.added} == {"Span", "Event"}
    assert store.annotations("d1", "amal").events[0].type == "Conflict.Attack"
    session.undo()
    stored = store.annotations("d1", "amal")
    assert stored.spans[0].label == "Movement.Transport" and stored.events[0].type == event.type


def test_deleting_an_argument_span_trims_the_event_in_the_same_step(session, store):
    editor = session.editor
    trigger = session.apply(editor().add_span(*at(TEXT, "دخلت"), "Conflict.Attack")).added[0]
    event = session.apply(editor().add_event(trigger.id)).added[0]
    place = session.apply(editor().add_span(*at(TEXT, "مدينة حلب"), "GPE")).added[0]
    session.apply(editor().set_argument(event.id, "Place", place.id))
    session.apply(editor().remove_span(place.id))
    assert store.annotations("d1", "amal").events[0].arguments == ()
    session.undo()  # one step brings back the span and the argument
    assert [a.span for a in store.annotations("d1", "amal").events[0].arguments] == [place.id]


def test_an_attribution_filled_in_one_gesture_is_one_undo_step(session, store):
    editor = session.editor
    with session.gesture(step("Add attribution")):
        cue = session.apply(editor().add_span(*at(TEXT, "قال"), "CUE")).added[0]
        attribution = session.apply(editor().add_attribution(cue=cue.id)).added[0]
    with session.gesture(step("Set {part}", words=("part",), part="source")):
        source = session.apply(editor().add_span(*at(TEXT, "المتحدث"), "SOURCE")).added[0]
        session.apply(editor().change_item(attribution, source=source.id))
    assert store.annotations("d1", "amal").attributions[0].source == source.id
    session.undo()
    stored = store.annotations("d1", "amal")
    assert stored.attributions[0].source is None and [s.label for s in stored.spans] == ["CUE"]
    assert str(session.redo_name()) == "Set source"


def test_marking_done_is_a_step_with_its_status(session, store):
    session.apply(session.editor().add_span(*at(TEXT, "حلب"), "GPE"))
    change = session.apply(session.editor().set_status(Status.DONE))
    assert change.status is Status.DONE and store.status("d1", "amal") is Status.DONE
    back = session.undo()
    assert back.status is Status.IN_PROGRESS and session.annotations.status is Status.IN_PROGRESS
