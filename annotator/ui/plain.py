"""Showing text from files literally: Qt renders anything that looks like HTML as HTML.

Titles, ids, meta, label and attribute names, annotator names and error messages come
from files the user did not write. ``QLabel``, ``QMessageBox``, ``QProgressDialog``'s
label, ``QFormLayout``'s row labels and every tooltip guess the format with
``Qt::mightBeRichText``, so ``<img src="file:///…">`` would be loaded and
``<a href=…>spoof</a>`` drawn as a link. Every such string goes through one of these.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_tooltip(text: str) -> str:
    """A tooltip shown exactly as ``text``: tooltips have no plain-text switch, so the
    text is escaped into rich text that keeps its spaces and line breaks."""
    if not text:
        return ""  # an empty tooltip hides it, as before
    return "<p style='white-space:pre'>" + html.escape(text, quote=False) + "</p>"


def plain_label(text: str = "", wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def plain_box(icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None,
              buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def no_mnemonic(text: str) -> str:
    """Button and menu texts take ``&X`` as a shortcut marker; a label named ``R&D`` must
    show its ``&`` and not grab Alt+D."""
    return text.replace("&", "&&")
