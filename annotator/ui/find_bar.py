"""Find in the document with Arabic-aware matching (diacritics, tatweel, alef forms...).

Matches are found on normalised text and mapped back to their exact places in the
original, then highlighted there; the normalisation settings are the project's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from ..core.search import NormalisedText, find_in, normalisation_settings
from .i18n import tr

if TYPE_CHECKING:
    from .text_view import AnnotationTextView
    from .workspace import Workspace

MATCH_COLOUR = QColor("#ffe066")


class FindBar(QWidget):
    def __init__(self, workspace: Workspace, view: AnnotationTextView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.view = workspace, view
        self.matches: list[tuple[int, int]] = []
        self.index = -1
        self._normalised = None  # (document id, text, settings), the text normalised
        self.query = QLineEdit()
        self.query.setPlaceholderText(tr("Find (ignores diacritics, tatweel and alef forms)…"))
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(self.search)
        self.query.returnPressed.connect(lambda: self.step(1))
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        previous, following = QPushButton(tr("Previous")), QPushButton(tr("Next"))
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(1))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.query, self.count, previous, following):
            layout.addWidget(widget)
        self.hide()

    def open(self) -> None:
        self.show()
        self.query.setFocus()
        self.query.selectAll()
        self.search()

    def close_bar(self) -> None:
        self.hide()
        self.matches = []
        self.view.setExtraSelections([])
        self.view.setFocus()

    def search(self) -> None:
        ws = self.workspace
        text = ws.document.text if ws.document else ""
        settings = normalisation_settings(ws.store)
        key = (ws.document.id if ws.document else None, text, settings)
        if self._normalised is None or self._normalised[0] != key:  # once per document
            self._normalised = (key, NormalisedText.of(text, settings))
        self.matches = find_in(self._normalised[1], self.query.text(), settings)
        self.index = -1
        self._highlight()
        if self.matches:
            self.step(1)

    def step(self, direction: int) -> None:
        if not self.matches:
            return
        self.index = (self.index + direction) % len(self.matches)
        start, end = self.matches[self.index]
        self.view.select_offsets(start, end)
        self._show_count()

    def _show_count(self) -> None:
        if not self.query.text().strip():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(tr("no match"))
        else:
            self.count.setText(tr("{index} of {count}").format(index=self.index + 1, count=len(self.matches)))

    def _highlight(self) -> None:
        view = self.view
        selections = []
        for start, end in self.matches:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(view.document())
            view.select_cursor(cursor, start, end)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(MATCH_COLOUR)
            selection.format = fmt
            selections.append(selection)
        view.setExtraSelections(selections)
        self._show_count()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.step(-1)
            return
        super().keyPressEvent(event)
