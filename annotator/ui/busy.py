"""Long work running in the background, shown in the status bar (not a modal dialog:
labelling goes on meanwhile)."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar


class BusyIndicator:
    """A label and a progress bar in the status bar, shown while work runs. Hidden, they
    keep their room: the status bar's height must not change, or the text above would
    move under the pointer (and reflow) each time work starts or ends."""

    def __init__(self, status_bar: QStatusBar) -> None:
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setMaximumHeight(status_bar.fontMetrics().height() + 4)
        self.bar.setTextVisible(False)
        for widget in (self.label, self.bar):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
            status_bar.addWidget(widget)
        self.stop()

    def _alive(self) -> bool:  # work may end after its window has closed
        return shiboken6.isValid(self.label) and shiboken6.isValid(self.bar)

    def start(self, text: str) -> None:
        if not self._alive():
            return
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy, until progress says how far
        self.label.show()
        self.bar.show()

    def progress(self, done: int, total: int) -> None:
        if total and self._alive():
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def stop(self) -> None:
        if self._alive():
            self.label.hide()
            self.bar.hide()

    def running(self) -> bool:
        return self._alive() and self.bar.isVisible()
