"""The learned recommender in the window (issue 15, item 2): trained in the background
on demand or after enough new labels, never blocking the labelling; its suggestions
shown with their confidence, accepted with Y, rejected with N and not offered again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from annotator.core.model import Annotations, Document, Span, Status
from annotator.storage import ProjectStore
from annotator.ui import model_training
from tests.ui.conftest import drag_select, shown_window

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
NAMES = {"قوات النظام": "ORG", "حلب": "GPE", "إدلب": "GPE", "الجبهة الوطنية": "ORG", "تركيا": "GPE"}
SENTENCES = [
    "قصفت قوات النظام مواقع في ريف حلب الغربي أمس .",
    "وقالت الجبهة الوطنية إن قوات النظام تقدمت نحو إدلب .",
    "وأرسلت تركيا تعزيزات إلى إدلب بعد معارك حلب .",
    "واتهمت الجبهة الوطنية قوات النظام بقصف المدنيين في حلب .",
    "وطالبت تركيا بوقف القتال في إدلب وحلب .",
]


def _labels(text: str) -> list[Span]:
    spans = []
    for name, label in NAMES.items():
        start = text.find(name)
        while start >= 0:
            before = text[start - 1] if start else " "
            after = text[start + len(name)] if start + len(name) < len(text) else " "
            if before == " " and after == " ":
                spans.append(Span(f"T{len(spans) + 1}", start, start + len(name), label))
            start = text.find(name, start + 1)
    return spans


@pytest.fixture
def project(tmp_path, schema):
    path = tmp_path / "learn.sqlite"
    store = ProjectStore.create(path, schema)
    open_text = "وأفادت مصادر أن قوات النظام قصفت حلب وإن تركيا نددت بالقصف على إدلب ."
    store.add_document(Document("open", open_text, {"title": "مفتوح"}))  # first: the window opens it
    for number in range(12):
        text = "\n".join(SENTENCES[(number + k) % len(SENTENCES)] for k in range(4))
        store.add_document(Document(f"d{number}", text, {"title": f"خبر {number}"}))
        store.replace_annotations(Annotations(f"d{number}", "amal", Status.DONE, spans=_labels(text)))
    store.close()
    QSettings().setValue(model_training.THRESHOLD_KEY, 0.3)  # a tiny corpus: modest confidence
    return path


def _model_suggestions(window):
    """The model's stored suggestions for the open document that the text shows (a
    known name's string match may stand for the same place: shown once)."""
    ws = window.workspace
    stored = set(ws.store.model_suggestions(ws.annotator, ws.document.id))
    return stored & {(s.start, s.end, s.label) for s in window.view.suggestions}


def test_training_runs_in_the_background_and_its_suggestions_are_shown_accepted_and_rejected(qtbot, project):
    window = shown_window(qtbot, project)
    view, trainer = window.view, window.model_suggestions
    qtbot.waitUntil(lambda: window.suggestions.index is not None)
    qtbot.keyClick(view, Qt.Key.Key_L, CTRL_SHIFT)  # Annotate > Train suggestions now
    assert trainer.running() and QApplication.activeModalWidget() is None
    word = view.text.index("مصادر")
    drag_select(qtbot, view, word, word + 5)
    qtbot.keyClick(view, Qt.Key.Key_P)  # labelling goes on meanwhile
    assert [s.label for s in window.workspace.annotations.spans] == ["PER"]
    qtbot.waitUntil(lambda: not trainer.running(), timeout=60_000)
    found = _model_suggestions(window)
    regime = view.text.index("قوات النظام")
    assert (regime, regime + len("قوات النظام"), "ORG") in found, found
    window.suggestions.choose_at(regime)
    qtbot.keyClick(view, Qt.Key.Key_F4)
    qtbot.keyClick(view, Qt.Key.Key_F4, Qt.KeyboardModifier.ShiftModifier)  # back to it
    message = window.statusBar().currentMessage()
    assert "model suggestion" in message and "% sure" in message, message
    shown = window.suggestions.current
    qtbot.keyClick(view, Qt.Key.Key_N)  # rejected: kept as negative evidence
    assert shown.place not in _model_suggestions(window)
    accepted = sorted(_model_suggestions(window))[0]
    window.suggestions.choose_at(accepted[0])
    qtbot.keyClick(view, Qt.Key.Key_Y)
    assert accepted in {(s.start, s.end, s.label) for s in window.workspace.annotations.spans}
    qtbot.keyClick(view, Qt.Key.Key_L, CTRL_SHIFT)  # trained again, the rejection taken into account
    qtbot.waitUntil(lambda: not trainer.running(), timeout=60_000)
    assert shown.place not in {(s.start, s.end, s.label) for s in view.suggestions}  # not offered again


def test_training_starts_by_itself_after_enough_new_labels(qtbot, project, monkeypatch):
    monkeypatch.setattr(model_training, "TRAIN_EVERY", 2)
    window = shown_window(qtbot, project)
    view = window.view
    for name in ("قوات النظام", "حلب"):
        start = view.text.index(name)
        drag_select(qtbot, view, start, start + len(name))
        qtbot.keyClick(view, Qt.Key.Key_O)
    assert window.model_suggestions.running()
    qtbot.waitUntil(lambda: not window.model_suggestions.running(), timeout=60_000)


def test_a_high_threshold_shows_fewer_model_suggestions(qtbot, project):
    window = shown_window(qtbot, project)
    qtbot.waitUntil(lambda: window.suggestions.index is not None)
    window.model_suggestions.train_now()
    qtbot.waitUntil(lambda: not window.model_suggestions.running(), timeout=60_000)
    modest = _model_suggestions(window)
    QSettings().setValue(model_training.THRESHOLD_KEY, 0.999)
    window.model_suggestions._suggest_open_document()
    qtbot.waitUntil(lambda: not window.model_suggestions.running(), timeout=60_000)
    assert len(_model_suggestions(window)) < len(modest)


def test_a_training_that_fails_says_why_in_the_interface_language(qtbot, tmp_path, schema, arabic):
    """Training runs as ``annotator learn`` in a process of its own, which says what
    went wrong in English on stderr; the Arabic window says it in Arabic, with the
    project file named."""
    path = tmp_path / "nothing-done.sqlite"
    store = ProjectStore.create(path, schema)
    store.add_document(Document("d1", "قصفت قوات النظام مواقع في ريف حلب .", {"title": "خبر"}))
    store.close()
    window = shown_window(qtbot, path)
    window.model_suggestions.train_now()
    qtbot.waitUntil(lambda: not window.model_suggestions.running(), timeout=60_000)
    said = window.statusBar().currentMessage()
    assert "لا شيء يُتعلَّم منه" in said and str(path) in said, said
    assert "nothing to learn from" not in said, said
