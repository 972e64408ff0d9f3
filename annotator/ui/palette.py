"""The label palette: every label of the schema, grouped by layer, with its hotkey."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QScrollArea, QToolButton, QVBoxLayout, QWidget

from ..core.schema import LAYERS, Label, Schema
from .i18n import N_, ltr, tr
from .plain import no_mnemonic, plain_label, plain_tooltip

LAYER_TITLES = {"entity": N_("Entities"), "event": N_("Events"), "attribution": N_("Attribution")}


class LabelPalette(QScrollArea):
    labelChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.buttons: dict[str, QToolButton] = {}

    def set_schema(self, schema: Schema, language: str = "en") -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setSpacing(2)
        self.buttons = {}
        for layer in LAYERS:
            labels = schema.labels_in(layer)
            if not labels:
                continue
            heading = plain_label(tr(LAYER_TITLES[layer]))
            heading.setStyleSheet("font-weight: bold; margin-top: 6px;")
            layout.addWidget(heading)
            for label in labels:
                layout.addWidget(self._button(label, language))
        layout.addStretch(1)
        self.setWidget(body)

    def _button(self, label: Label, language: str) -> QToolButton:
        button = QToolButton()
        hotkey = QKeySequence(label.hotkey).toString(QKeySequence.SequenceFormat.NativeText)
        # isolated, the key and the code read in order in an Arabic line too (not «شخص · P PER»)
        button.setText(no_mnemonic(f"{ltr(hotkey)}   {ltr(label.name)} · {label.display(language)}"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setSizePolicy(button.sizePolicy().horizontalPolicy().Expanding, button.sizePolicy().verticalPolicy())
        colour = QColor(label.color)
        text = "black" if colour.lightness() > 140 else "white"
        button.setStyleSheet(
            f"QToolButton {{ background: {label.color}; color: {text}; text-align: left;"
            f" padding: 2px 6px; border-radius: 3px; }}"
        )
        button.setToolTip(plain_tooltip(f"{label.en} / {label.ar} ({ltr(hotkey)})"))
        button.clicked.connect(lambda _=False, name=label.name: self.labelChosen.emit(name))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.buttons[label.name] = button
        return button
