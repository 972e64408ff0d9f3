"""The window on an archive (issue 14, item 1): the suggestion index is built in the
background, with no modal dialog; labelling works meanwhile and what was labelled is
learned when the index is ready; the documents list fills after the first paint and
its text filter waits for the index instead of freezing the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.core.model import Document
from annotator.storage import ProjectStore
from annotator.ui.suggestions_ui import SYNC_LIMIT
from tests.ui.conftest import drag_select, shown_window, stored

ARTICLES = 2_500  # above SYNC_LIMIT: indexed in the background
TEXT = "قصفت قوات النظام مدينة حلب اليوم، وقال مصدر إن حلب شهدت معارك عنيفة قرب ريف حلب الغربي."


@pytest.fixture(scope="module")
def archive(tmp_path_factory, schema_module):
    path = tmp_path_factory.mktemp("archive") / "archive.sqlite"
    store = ProjectStore.create(path, schema_module)
    with store.atomic():
        for number in range(ARTICLES):
            store.add_document(Document(f"n{number:05d}", f"خبر {number}\n{TEXT}", {"title": f"خبر {number}"}))
    store.close()
    return path


@pytest.fixture(scope="module")
def schema_module():
    from annotator.core.schema_files import load_schema

    return load_schema("arabic-news")


@pytest.fixture
def project(archive, tmp_path):
    copy = tmp_path / "archive.sqlite"
    copy.write_bytes(archive.read_bytes())
    return copy


@pytest.fixture
def held_index(monkeypatch):
    """The background index is held back until the test releases it (a fast machine
    indexed 2,500 articles before a test could press a key): the race is the test's."""
    import threading

    from annotator.ui import suggestions_ui

    released, build = threading.Event(), suggestions_ui._build
    monkeypatch.setattr(suggestions_ui, "_build", lambda *a: (released.wait(30), build(*a))[1])
    yield released
    released.set()


def test_labelling_goes_on_while_the_corpus_is_indexed_and_is_learned_after(qtbot, project, held_index):
    released = held_index
    assert ARTICLES > SYNC_LIMIT
    window = shown_window(qtbot, project)
    suggestions, view = window.suggestions, window.view
    assert suggestions.indexing(), "indexed before the test could label: make the archive bigger"
    assert QApplication.activeModalWidget() is None
    assert suggestions.busy.running()  # the status bar says it is indexing
    first = view.text.index("حلب")
    drag_select(qtbot, view, first, first + 3)
    qtbot.keyClick(view, Qt.Key.Key_G)
    assert suggestions.indexing()  # the label was made while indexing
    released.set()
    assert [(s.start, s.label) for s in stored(project).spans] == [(first, "GPE")]
    qtbot.waitUntil(lambda: suggestions.index is not None, timeout=60_000)
    qtbot.waitUntil(lambda: not suggestions.busy.running(), timeout=5_000)  # gone with the job
    others = {(s.start, s.end) for s in view.suggestions}
    places = {(i, i + 3) for i in range(len(view.text)) if view.text.startswith("حلب", i)} - {(first, first + 3)}
    assert others == places  # the other «حلب» of the open document: learned from the label


def test_document_filter_waits_for_the_index_then_applies(qtbot, project, held_index):
    window = shown_window(qtbot, project)
    qtbot.waitUntil(lambda: window.documents_model.rowCount() == ARTICLES, timeout=10_000)
    assert window.suggestions.indexing()
    window.document_search.setText("خبر 1234")
    window.documents_panel.filter_now()
    assert "once the corpus is indexed" in window.statusBar().currentMessage()
    held_index.set()
    qtbot.waitUntil(lambda: window.suggestions.index is not None, timeout=60_000)
    qtbot.waitUntil(lambda: window.documents_filter.rowCount() == 1, timeout=5_000)
    index = window.documents_filter.index(0, 0)
    assert index.data(Qt.ItemDataRole.UserRole) == "n01234"


def test_window_backs_up_the_project_on_opening_after_its_first_paint(qtbot, seed_project):
    """The copy is made off the GUI thread once the window has painted, and holds the
    project as it was when opened, whatever is labelled meanwhile."""
    import sqlite3

    from annotator.storage.backup import list_backups
    from annotator.ui.app import open_window

    window = open_window(seed_project, "amal")
    qtbot.addWidget(window)
    assert list_backups(seed_project) == []  # opening did not wait for a copy
    window.resize(1300, 900)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    view = window.view
    start = view.text.index("حلب")
    drag_select(qtbot, view, start, start + 3)
    qtbot.keyClick(view, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: len(list_backups(seed_project)) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: not window.background_jobs, timeout=10_000)
    (backup,) = list_backups(seed_project)
    with sqlite3.connect(backup.path) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
    assert [s.label for s in stored(seed_project).spans] == ["GPE"]


def test_document_filter_starts_at_two_letters(qtbot, window):
    qtbot.waitUntil(lambda: window.documents_model.rowCount() == 1)
    window.document_search.setText("ص")  # one letter: every article has it, or nearly
    window.documents_panel.filter_now()
    assert window.documents_filter.rowCount() == 1
    window.document_search.setText("صص")
    window.documents_panel.filter_now()
    assert window.documents_filter.rowCount() == 0


def test_the_background_index_is_built_with_the_collector_paused_and_left_frozen(project):
    """A collector pass walks every object of the growing index while holding Python's
    lock (0.1-0.4 s each at 100,000 articles: the window froze mid-keystroke); the
    build makes none, and what it built is frozen so later passes skip it."""
    import gc

    from annotator.ui.suggestions_ui import _build_steps

    passes: list[int] = []

    def count(phase, info):
        if phase == "start":
            passes.append(info["generation"])

    store = ProjectStore.open(project, backup=False)
    gc.unfreeze()
    gc.callbacks.append(count)
    try:
        steps = _build_steps(store, "amal")
        next(steps)
        with pytest.raises(StopIteration) as built:
            next(steps)
    finally:
        gc.callbacks.remove(count)
        store.close()
    index, _ = built.value.value
    assert len(index) == ARTICLES
    assert passes == []
    assert gc.isenabled() and gc.get_freeze_count() > 0
    gc.unfreeze()
