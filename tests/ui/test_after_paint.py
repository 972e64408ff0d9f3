from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.ui.after_paint import FALLBACK_MS, AfterPaint


def test_after_paint_runs_in_order_replacing_by_key_and_last_calls_last(qtbot):
    ran = []
    owner = QObject()  # the queue's parent, kept alive
    queue = AfterPaint(owner)
    queue.add("current", lambda: ran.append("select row 2"), last=True)
    queue.add(("rows", 1), lambda: ran.append("row 1"))
    queue.add("panels", lambda: ran.append("panels (old)"))
    queue.add(("rows", 2), lambda: ran.append("row 2"))
    queue.add("panels", lambda: ran.append("panels"))
    assert ran == [] and queue.pending()
    queue.painted()
    qtbot.waitUntil(lambda: not queue.pending())
    assert ran == ["row 1", "row 2", "panels", "select row 2"]


def test_after_paint_runs_without_a_paint_after_a_while(qtbot):
    ran = []
    owner = QObject()  # the queue's parent, kept alive
    queue = AfterPaint(owner)
    queue.add("touched", lambda: ran.append(1))
    qtbot.wait(FALLBACK_MS // 5)
    assert ran == []
    qtbot.waitUntil(lambda: ran == [1], timeout=FALLBACK_MS * 10)
