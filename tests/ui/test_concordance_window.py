"""Edit > Concordance driven with real key presses on a project of several documents:
search, select hits, press a label's key, see it in the file; undo in the main window
(issue 14, item 5)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from annotator.storage import ProjectStore
from tests.conftest import SEED
from tests.helpers import project_from_jsonl
from tests.ui.conftest import shown_window

KEY = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
SECOND = "عاد النازحون لحَلَب بعد أسبوع، ولم يعودوا إلى كفرحلب."
THIRD = "لا ذكر للمدينة في هذا الخبر عن دمشق."
FOURTH = "هجوم على حلب أوقع ضحايا، وحلب تنتظر."


@pytest.fixture
def corpus(tmp_path, schema):
    """The seed article (opened first) and three short ones; amal labelled «حَلَب» LOC
    in the second, omar labelled it PER."""
    where = SECOND.index("حَلَب")
    labelled = [{"start": where, "end": where + len("حَلَب"), "label": "LOC"}]
    lines = [
        {"id": "seed", "text": SEED.read_text(encoding="utf-8"), "meta": {"title": "Seed"}},
        {"id": "second", "text": SECOND, "meta": {"title": "Second"}, "annotator": "amal", "spans": labelled},
        {"id": "second", "text": SECOND, "annotator": "omar", "spans": [dict(labelled[0], label="PER")]},
        {"id": "third", "text": THIRD, "meta": {"title": "Third"}},
        {"id": "fourth", "text": FOURTH, "meta": {"title": "Fourth"}},
    ]
    path = project_from_jsonl(tmp_path, schema, lines)
    return path


def stored_labels(path, annotator: str = "amal") -> dict[str, set[tuple[int, int, str]]]:
    """Every document's spans as in the file, through a second connection."""
    store = ProjectStore.open(path)
    try:
        return {d: {(s.start, s.end, s.label) for s in store.annotations(d, annotator).spans}
                for d in store.document_ids()}
    finally:
        store.close()


def word_places(text: str, word: str) -> list[tuple[int, int]]:
    """Where ``word`` stands alone or after one proclitic letter (not inside
    «كفرحلب»), found in the text itself."""
    return [m.span(1) for m in re.finditer(rf"(?<!\w)[وفبلك]?({word})(?!\w)", text)]


def type_text(widget, text: str) -> None:
    """Type ``text`` as an Arabic keyboard does: a key event per letter, carrying it
    (QTest's keyClicks takes Latin-1 only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, ord(char), Qt.KeyboardModifier.NoModifier, char))


def opened(qtbot, window, query: str):
    from annotator.ui.concordance import open_concordance

    concordance = open_concordance(window)
    qtbot.waitExposed(concordance)
    type_text(concordance.query, query)
    qtbot.keyClick(concordance.query, KEY.Key_Return)
    return concordance


def key_to(qtbot, concordance, title: str) -> None:
    """Move to the first row of the document titled ``title`` with the arrow keys."""
    table = concordance.table
    qtbot.keyClick(table, KEY.Key_Home, CTRL)
    while concordance.proxy.index(table.currentIndex().row(), 0).data() != title:
        qtbot.keyClick(table, KEY.Key_Down)


def rows(concordance) -> list[tuple[str, str, str, str, str]]:
    proxy = concordance.proxy
    return [tuple(proxy.index(r, c).data() for c in range(5)) for r in range(proxy.rowCount())]


def test_concordance_labels_every_hit_across_documents_with_one_key_and_one_undo(qtbot, corpus):
    window = shown_window(qtbot, corpus)
    seed_text = window.workspace.document.text
    before = stored_labels(corpus)
    expected = {"seed": word_places(seed_text, "حلب"), "fourth": word_places(FOURTH, "حلب")}
    hit_in_second = SECOND.index("حَلَب")
    expected["second"] = [(hit_in_second, hit_in_second + len("حَلَب"))]
    count = sum(len(places) for places in expected.values())

    concordance = opened(qtbot, window, "حلب")
    qtbot.waitUntil(lambda: concordance.proxy.rowCount() == count, timeout=5000)

    shown = rows(concordance)
    assert {row[0] for row in shown} == {"Seed", "Second", "Fourth"}
    assert ("Second", "عاد النازحون ل", "حَلَب", " بعد أسبوع، ولم يعودوا إلى كفرحلب.", "LOC") in shown
    assert concordance.status.text() == f"Hits: {count} (documents: 3)."

    table = concordance.table
    qtbot.keyClick(table, KEY.Key_A, CTRL)
    qtbot.keyClick(table, KEY.Key_G)

    after = stored_labels(corpus)
    for document, places in expected.items():
        assert after[document] == {(start, end, "GPE") for start, end in places}
    assert stored_labels(corpus, "omar")["second"] == {(*expected["second"][0], "PER")}  # not amal's
    assert window.workspace.document.id == "seed"  # the open document stays open
    assert {(s.start, s.end, s.label) for s in window.workspace.annotations.spans} == after["seed"]
    assert {row[4] for row in rows(concordance)} == {"GPE"}
    assert window.workspace.undo_stack.count() == 1  # one step for every document

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window.view, KEY.Key_Z, CTRL)

    assert stored_labels(corpus) == before
    assert window.workspace.document.id == "seed"
    assert window.workspace.annotations.spans == []
    assert sorted(row[4] for row in rows(concordance) if row[4]) == ["LOC"]


def test_concordance_sorted_by_label_labels_and_unlabels_the_rows_chosen_with_keys(qtbot, corpus):
    window = shown_window(qtbot, corpus)
    concordance = opened(qtbot, window, "حلب")
    qtbot.waitUntil(lambda: concordance.proxy.rowCount() > 3, timeout=5000)
    table = concordance.table
    header = table.horizontalHeader()
    labels = QPoint(header.sectionViewportPosition(4) + header.sectionSize(4) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=labels)

    by_label = [row[4] for row in rows(concordance)]
    assert by_label == sorted(by_label) and by_label[-1] == "LOC"  # the unlabelled first
    chosen = [(row[0], row[2]) for row in rows(concordance)[:2]]

    table.setFocus()
    qtbot.keyClick(table, KEY.Key_Home, CTRL)
    qtbot.keyClick(table, KEY.Key_Down, SHIFT)
    qtbot.keyClick(table, KEY.Key_O)

    labelled = [row for row in rows(concordance) if row[4] == "ORG"]
    assert [(row[0], row[2]) for row in labelled] == chosen
    assert sum(label == "ORG" for spans in stored_labels(corpus).values() for *_, label in spans) == 2
    assert concordance.message.text() == "Hits labelled ORG: 2."

    qtbot.keyClick(table, KEY.Key_Delete)  # the same two rows stay selected

    assert not any(row[4] == "ORG" for row in rows(concordance))
    assert sum(len(spans) for spans in stored_labels(corpus).values()) == 1  # LOC stays
    assert window.workspace.undo_stack.count() == 2

    concordance.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is concordance, timeout=5000)
    qtbot.keyClick(table, KEY.Key_Z, CTRL)  # undo here too: the labels come back

    assert sum(label == "ORG" for spans in stored_labels(corpus).values() for *_, label in spans) == 2
    assert [(row[0], row[2]) for row in rows(concordance) if row[4] == "ORG"] == chosen


def test_concordance_only_unlabelled_keeps_a_label_made_before(qtbot, corpus):
    window = shown_window(qtbot, corpus)
    concordance = opened(qtbot, window, "حلب")
    qtbot.waitUntil(lambda: concordance.proxy.rowCount() > 3, timeout=5000)
    total = concordance.proxy.rowCount()

    concordance.unlabelled.click()
    assert concordance.proxy.rowCount() == total - 1
    qtbot.keyClick(concordance.table, KEY.Key_A, CTRL)
    qtbot.keyClick(concordance.table, KEY.Key_G)

    labels = [label for spans in stored_labels(corpus).values() for *_, label in spans]
    assert sorted(set(labels)) == ["GPE", "LOC"] and labels.count("GPE") == total - 1
    assert concordance.proxy.rowCount() == 0  # none is unlabelled now


def test_concordance_event_key_makes_the_trigger_and_its_event(qtbot, corpus):
    window = shown_window(qtbot, corpus)
    concordance = opened(qtbot, window, "هجوم")
    qtbot.waitUntil(lambda: concordance.proxy.rowCount() >= 1, timeout=5000)
    key_to(qtbot, concordance, "Fourth")

    qtbot.keyClick(concordance.table, KEY.Key_A, Qt.KeyboardModifier.AltModifier)

    store = ProjectStore.open(corpus)
    try:
        work = store.annotations("fourth", "amal")
    finally:
        store.close()
    assert [(s.start, s.end, s.label) for s in work.spans] == [(0, len("هجوم"), "Conflict.Attack")]
    assert [(e.type, e.trigger) for e in work.events] == [("Conflict.Attack", work.spans[0].id)]


def test_concordance_enter_shows_the_hit_in_its_document(qtbot, corpus):
    window = shown_window(qtbot, corpus)
    concordance = opened(qtbot, window, "حلب")
    qtbot.waitUntil(lambda: concordance.proxy.rowCount() > 3, timeout=5000)
    key_to(qtbot, concordance, "Fourth")

    qtbot.keyClick(concordance.table, KEY.Key_Return)

    start = FOURTH.index("حلب")
    assert window.workspace.document.id == "fourth"
    assert window.view.selection_offsets() == (start, start + len("حلب"))


def test_concordance_lists_the_first_hits_and_counts_them_all(qtbot, corpus):
    from annotator.ui.concordance import ConcordanceWindow

    window = shown_window(qtbot, corpus)
    concordance = ConcordanceWindow(window.workspace, lambda *hit: None, parent=window, limit=2)
    qtbot.addWidget(concordance)
    concordance.show()
    type_text(concordance.query, "حلب")
    qtbot.keyClick(concordance.query, KEY.Key_Return)

    qtbot.waitUntil(lambda: concordance.worker is None, timeout=5000)
    assert concordance.proxy.rowCount() == 2
    total = len(word_places(window.workspace.document.text, "حلب")) + len(word_places(FOURTH, "حلب")) + 1
    assert concordance.status.text() == f"Hits: {total}; the first 2 are listed."


def test_concordance_rows_are_a_sound_item_model(qtbot, qtmodeltester, corpus):
    window = shown_window(qtbot, corpus)
    concordance = opened(qtbot, window, "حلب")
    qtbot.waitUntil(lambda: concordance.proxy.rowCount() > 3, timeout=5000)

    qtmodeltester.check(concordance.model)
    qtmodeltester.check(concordance.proxy)
