"""Side panels follow an edit once the text has been painted.

Repainting the annotation list, the inspector and the status bar together with the
text took longer than a frame on a 5,000-label article; the text is what the
annotator watches after a hotkey. So the window paints the text first and then runs
the panels' refreshes queued here (a frame later; a timer covers a hidden text view).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

FALLBACK_MS = 50  # when no paint comes (the text view is hidden), run anyway


class AfterPaint(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._calls: dict[object, Callable[[], None]] = {}
        self._last: dict[object, Callable[[], None]] = {}  # run after the others
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(FALLBACK_MS)
        self._fallback.timeout.connect(self.flush)
        self._queued = False

    def add(self, key: object, call: Callable[[], None], last: bool = False) -> None:
        """Queue ``call``; one queued under the same key is replaced (and the new one
        runs after everything queued before it). ``last`` calls run after all others
        (a selection to show in lists that other calls bring up to date)."""
        queue = self._last if last else self._calls
        queue.pop(key, None)
        queue[key] = call
        if not self._fallback.isActive():
            self._fallback.start()

    def painted(self) -> None:
        """The text view has painted: run the queue as soon as control returns."""
        if self.pending() and not self._queued:
            self._queued = True
            QTimer.singleShot(0, self.flush)

    def pending(self) -> bool:
        return bool(self._calls or self._last)

    def flush(self) -> None:
        """Run every queued call now, in order (before anything reloads the panels)."""
        self._queued = False
        self._fallback.stop()
        while self.pending():  # a call may queue another: it runs too
            queue = self._calls or self._last
            queue.pop(next(iter(queue)))()
