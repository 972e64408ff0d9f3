"""A real window in its own process, driven line by line over stdin, for tests that
attack it from outside (another ``annotator`` process beside it).

    python -m tests.robustness.window_driver PROJECT DIALOG

DIALOG is ``none``, ``agreement``, ``stats`` or ``adjudication``: opened with its real
shortcut once the window shows. Commands on stdin, one answer line each on stdout:

    label START END   select the offsets, press O (ORG); answers
                      ``saved ANNOTATOR ID START END``
                      when the window holds the label, or ``refused MESSAGE``
    ping              answers ``pong`` once the event loop has run
    quit              closes the window; answers ``bye``

The first line printed is ``ready PID`` once the dialog's background work is done.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QThreadPool, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

SHORTCUTS = {
    "agreement": (Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    "stats": (Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    "adjudication": (Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
}


def say(line: str) -> None:
    print(line, flush=True)


def main(project: Path, dialog: str) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("AnnotatorDriver")
    QCoreApplication.setApplicationName("annotator-driver")
    QSettings().setValue("annotator/name", "amal")
    from annotator.ui.app import open_window

    window = open_window(project, "amal")
    window.resize(1200, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    if dialog != "none":
        key, modifiers = SHORTCUTS[dialog]
        QTest.keyClick(window, key, modifiers)
    QThreadPool.globalInstance().waitForDone(60_000)  # the dialog's worker, if any
    app.processEvents()
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in sys.stdin], daemon=True).start()

    def serve() -> None:
        while not lines.empty():
            answer(window, lines.get().split(), app)

    timer = QTimer()
    timer.timeout.connect(serve)
    timer.start(20)
    say(f"ready {os.getpid()}")
    app.exec()


def answer(window, words: list[str], app: QApplication) -> None:
    if not words:
        return
    if words[0] == "ping":
        say("pong")
    elif words[0] == "label":
        start, end = int(words[1]), int(words[2])
        say(label(window, start, end))
    elif words[0] == "quit":
        window.close()
        say("bye")
        app.quit()


def label(window, start: int, end: int) -> str:
    """Label through the real key, and report what the window then says it holds."""
    before = {s.id for s in window.workspace.annotations.spans}
    window.activateWindow()  # back from the dialog, as a click into the window does
    for _ in range(200):
        if QApplication.activeWindow() is window:
            break
        QTest.qWait(10)
    window.view.setFocus()
    window.view.select_offsets(start, end)
    QTest.keyClick(window.view, Qt.Key.Key_O)
    QApplication.processEvents()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    if boxes:
        message = boxes[0].text().replace("\n", " ")
        for box in boxes:
            box.close()
        return f"refused {message}"
    new = [s for s in window.workspace.annotations.spans if s.id not in before]
    if len(new) != 1:
        return "refused no label was made"
    return f"saved {window.workspace.annotator} {new[0].id} {new[0].start} {new[0].end}"


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
