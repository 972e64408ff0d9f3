from __future__ import annotations

import pytest

from annotator.core.commands import Editor
from annotator.core.model import Document, Status
from annotator.errors import ValidationError
from tests.helpers import at, seed_annotations


@pytest.fixture
def editor(store, seed_text):
    store.add_document(Document("aleppo", seed_text))
    store.replace_annotations(seed_annotations(seed_text, "aleppo"))
    return Editor(store, "aleppo", "amal")


def test_commands_add_span_do_and_undo(editor, seed_text):
    command = editor.add_span(*at(seed_text, "إدلب"), "GPE")
    command.do(editor.store)
    assert [s.label for s in editor.current().spans if s.text_in(seed_text) == "إدلب"] == ["GPE"]
    command.undo(editor.store)
    assert all(s.text_in(seed_text) != "إدلب" for s in editor.current().spans)


def test_commands_invalid_edit_never_reaches_store(editor, seed_text):
    before = editor.current()
    with pytest.raises(ValidationError):
        editor.add_span(0, len(seed_text) + 5, "GPE")
    with pytest.raises(ValidationError):
        editor.add_span(0, 4, "NOT-A-LABEL")
    assert editor.current() == before


def test_commands_removing_used_span_is_one_compound_step(editor):
    before = editor.current()
    command = editor.remove_span("T1")  # the attacker and the attribution's source
    command.do(editor.store)
    after = editor.current()
    assert after.span("T1") is None
    assert all(a.span != "T1" for a in after.events[0].arguments)
    assert after.attributions[0].source is None and after.attributions[0].cue == "T5"
    command.undo(editor.store)
    restored = editor.current()
    assert sorted(restored.spans, key=lambda s: s.id) == sorted(before.spans, key=lambda s: s.id)
    assert restored.events == before.events and restored.attributions == before.attributions


def test_commands_removing_trigger_removes_event(editor):
    editor.remove_span("T2").do(editor.store)
    assert editor.current().events == []


def test_commands_relabel_refused_when_filler_no_longer_allowed(editor):
    with pytest.raises(ValidationError, match="cannot fill Place"):
        editor.change_span("T4", label="PER")


def test_commands_relabel_trigger_moves_event_type(editor, seed_text):
    with pytest.raises(ValidationError):  # Attacker is not a role of Demonstrate
        editor.change_span("T2", label="Conflict.Demonstrate")
    trigger = editor.add_span(*at(seed_text, "تفجير"), "Conflict.Attack")
    trigger.do(editor.store)
    editor.add_event(trigger.added[0].id).do(editor.store)
    editor.change_span(trigger.added[0].id, label="Conflict.Demonstrate").do(editor.store)
    assert editor.current().events[-1].type == "Conflict.Demonstrate"


def test_commands_event_with_arguments_and_status(editor, seed_text):
    trigger = editor.add_span(*at(seed_text, "قتلوا"), "Life.Die")
    trigger.do(editor.store)
    trigger_id = trigger.added[0].id
    victim = editor.add_span(*at(seed_text, "أربعة من جنودها"), "PER")
    victim.do(editor.store)
    event = editor.add_event(trigger_id, [("Victim", victim.added[0].id)])
    event.do(editor.store)
    assert editor.current().events[-1].arguments[0].role == "Victim"
    status = editor.set_status(Status.DONE)
    status.do(editor.store)
    assert editor.current().status is Status.DONE
    status.undo(editor.store)
    assert editor.current().status is Status.DONE  # the fixture's work was already done


# --- undo reverts only this command's own rows (ids are reused) ---------------------
def _other_window_relabels_under_the_same_id(store, span_id: str, start: int, end: int) -> None:
    """What another window does: delete the span, then label elsewhere (taking the id)."""
    other = Editor(store, "aleppo", "amal")
    other.remove_span(span_id).do(store)
    command = other.add_span(start, end, "PER")
    command.do(store)
    assert command.added[0].id == span_id


def test_commands_undo_refuses_to_delete_a_row_rewritten_under_its_id(editor, seed_text):
    from annotator.errors import ProjectError

    mine = editor.add_span(*at(seed_text, "إدلب"), "GPE")
    mine.do(editor.store)
    span_id = mine.added[0].id
    _other_window_relabels_under_the_same_id(editor.store, span_id, *at(seed_text, "غربي"))
    before = editor.current()
    with pytest.raises(ProjectError, match=f"span {span_id} was changed by another window .*nothing was undone"):
        mine.undo(editor.store)
    assert editor.current() == before  # the other window's label is still there


def _newest_span(editor, seed_text):
    """A new GPE on «إدلب»: the newest id, the one the next label reuses once freed."""
    command = editor.add_span(*at(seed_text, "إدلب"), "GPE")
    command.do(editor.store)
    return command.added[0].id


def test_commands_undo_of_a_delete_keeps_the_label_that_took_its_id(editor, seed_text):
    span_id = _newest_span(editor, seed_text)
    deleted = editor.remove_span(span_id)
    deleted.do(editor.store)
    theirs = Editor(editor.store, "aleppo", "amal").add_span(*at(seed_text, "غربي"), "PER")
    theirs.do(editor.store)
    assert theirs.added[0].id == span_id
    deleted.undo(editor.store)
    spans = {s.text_in(seed_text): s for s in editor.current().spans}
    assert (spans["غربي"].id, spans["غربي"].label) == (span_id, "PER")
    assert spans["إدلب"].label == "GPE" and spans["إدلب"].id != span_id
    deleted.do(editor.store)  # redo removes the one it brought back, not theirs
    labels = {s.text_in(seed_text): s.label for s in editor.current().spans}
    assert labels.get("غربي") == "PER" and "إدلب" not in labels


def test_commands_redo_of_a_delete_refuses_when_the_row_holds_other_content(editor, seed_text):
    from annotator.errors import ProjectError

    span_id = _newest_span(editor, seed_text)
    deleted = editor.remove_span(span_id)
    deleted.do(editor.store)
    deleted.undo(editor.store)
    _other_window_relabels_under_the_same_id(editor.store, span_id, *at(seed_text, "غربي"))
    before = editor.current()
    with pytest.raises(ProjectError, match=f"span {span_id} was changed by another window"):
        deleted.do(editor.store)
    assert editor.current() == before
