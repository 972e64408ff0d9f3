"""Long work running in the background, shown in the status bar (not a modal dialog:
labelling goes on meanwhile)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar


class BusyIndicator:
    def __init__(self, status_bar: QStatusBar) -> None:
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        status_bar.addWidget(self.label)
        status_bar.addWidget(self.bar)
        self.stop()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy, until progress says how far
        self.label.show()
        self.bar.show()

    def progress(self, done: int, total: int) -> None:
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def stop(self) -> None:
        self.label.hide()
        self.bar.hide()

    def running(self) -> bool:
        return self.bar.isVisible()
