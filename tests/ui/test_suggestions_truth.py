"""Suggestions that stay true (issue 11, item 5): after every label, relabel, delete,
undo, redo, accept and reject, the dashed suggestions are what a fresh computation
from the labels in the file gives, and Y stores the label the dashes show."""

from __future__ import annotations

import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from annotator.core.search import clitic_convention, normalisation_settings
from annotator.core.suggestions import (
    SuggestionIndex,
    document_suggestions,
    learn_rules,
)
from annotator.storage import ProjectStore
from tests.helpers import at
from tests.ui.conftest import drag_select, stored

PHRASES = [("قوات النظام", "استهداف"), ("قوات النظام", "مقتل"), ("حلب", "غربي مدينة"),
           ("الجبهة الوطنية للتحرير", ""), ("حلب", "ريف"), ("مدينة حلب", "")]
KEYS = {"O": Qt.Key.Key_O, "G": Qt.Key.Key_G, "P": Qt.Key.Key_P}


class Fresh:
    """The suggestions computed from scratch from the project file (a second connection)."""

    def __init__(self, path) -> None:
        self.path = path
        store = ProjectStore.open(path)
        try:
            self.settings = normalisation_settings(store)
            self.index = SuggestionIndex.from_store(store, self.settings, clitic_convention(store))
        finally:
            store.close()

    def places(self, document_id: str) -> set[tuple[int, int, str]]:
        store = ProjectStore.open(self.path)
        try:
            rules = learn_rules(store, "amal", self.settings, lexicon=self.index.lexicon())
            return {s.place for s in document_suggestions(store, self.index, document_id, "amal", rules)}
        finally:
            store.close()


def _shown(window) -> set[tuple[int, int, str]]:
    return {s.place for s in window.suggestions.shown}


def _label(qtbot, window, phrase, after, key):
    drag_select(qtbot, window.view, *at(window.view.text, phrase, after))
    qtbot.keyClick(window.view, key)


def _select_span(window, index: int):
    spans = window.workspace.annotations.spans
    if not spans:
        return None
    window.view.clear_selection()
    window.workspace.set_current(spans[index % len(spans)])
    return spans[index % len(spans)]


def test_suggestions_y_after_relabel_and_undo_stores_the_label_the_dashes_show(qtbot, window, seed_project):
    view, ws = window.view, window.workspace
    _label(qtbot, window, "قوات النظام", "استهداف", Qt.Key.Key_O)
    qtbot.keyClick(view, Qt.Key.Key_G)  # the new span is selected: relabel it GPE
    assert [s.label for s in stored(seed_project).spans] == ["GPE"]
    ws.undo_stack.undo()  # back to ORG
    assert [s.label for s in stored(seed_project).spans] == ["ORG"]
    assert {label for _, _, label in _shown(window)} == {"ORG"}  # no GPE left from the relabel
    qtbot.keyClick(view, Qt.Key.Key_F4)
    current = window.suggestions.current
    assert current.label == "ORG" and "ORG" in window.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_Y)
    placed = {(s.start, s.end): s.label for s in stored(seed_project).spans}
    assert placed[(current.start, current.end)] == "ORG"


def test_suggestions_of_a_deleted_label_go_with_it(qtbot, window, seed_project):
    view = window.view
    _label(qtbot, window, "قوات النظام", "استهداف", Qt.Key.Key_O)
    assert _shown(window)
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # the only teacher
    assert not stored(seed_project).spans
    assert _shown(window) == set() == Fresh(seed_project).places(window.workspace.document.id)


ACTIONS = st.one_of(
    st.tuples(st.just("label"), st.integers(0, len(PHRASES) - 1), st.sampled_from(sorted(KEYS))),
    st.tuples(st.just("relabel"), st.integers(0, 20), st.sampled_from(sorted(KEYS))),
    st.tuples(st.just("delete"), st.integers(0, 20)),
    st.tuples(st.sampled_from(["undo", "redo", "accept", "reject"])),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(ACTIONS, min_size=3, max_size=10))
def test_suggestions_equal_a_fresh_computation_after_every_step(qtbot, seed_project, tmp_path, steps):
    from annotator.ui.app import open_window

    path = tmp_path / f"example-{len(list(tmp_path.glob('example-*')))}.sqlite"
    shutil.copy(seed_project, path)  # each example starts from the unlabelled article
    window = open_window(path, "amal")
    window.resize(1300, 900)
    window.show()
    qtbot.waitExposed(window)
    try:
        _run_steps(qtbot, window, path, steps)
    finally:
        window.close()
        window.deleteLater()


def _run_steps(qtbot, window, path, steps):
    view, ws = window.view, window.workspace
    fresh = Fresh(path)
    for action in steps:
        kind = action[0]
        if kind == "label":
            phrase, after = PHRASES[action[1]]
            _label(qtbot, window, phrase, after, KEYS[action[2]])
        elif kind == "relabel" and _select_span(window, action[1]) is not None:
            qtbot.keyClick(view, KEYS[action[2]])
        elif kind == "delete" and _select_span(window, action[1]) is not None:
            qtbot.keyClick(view, Qt.Key.Key_Delete)
        elif kind in ("undo", "redo"):
            getattr(ws, kind)()
        elif kind in ("accept", "reject") and window.suggestions.shown:
            qtbot.keyClick(view, Qt.Key.Key_F4)
            shown_label = window.suggestions.current.label
            assert shown_label in window.statusBar().currentMessage()
            before = {(s.start, s.end, s.label) for s in stored(path).spans}
            qtbot.keyClick(view, Qt.Key.Key_Y if kind == "accept" else Qt.Key.Key_N)
            if kind == "accept":
                new = {(s.start, s.end, s.label) for s in stored(path).spans} - before
                assert {label for _, _, label in new} <= {shown_label}
        assert _shown(window) == fresh.places(ws.document.id), (action, steps)
        current = window.suggestions.current
        assert current is None or current.place in _shown(window)
