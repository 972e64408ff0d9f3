"""Small dialogs: choosing a span for an event role or an attribution part."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from .i18n import tr
from .role_names import role_name


@dataclass(frozen=True)
class SpanChoice:
    """An existing span (``span_id``) or a new one from the selection (``new_label``)."""

    text: str
    span_id: str | None = None
    new_label: str | None = None


class PickSpanDialog(QDialog):
    """Pick a role (when there are several) and a span to fill it."""

    def __init__(
        self,
        title: str,
        roles: dict[str, list[SpanChoice]],
        parent: QWidget | None = None,
        role_names: dict[str, str] | None = None,
    ) -> None:
        """``role_names`` shows some roles under other names (the interface language's)."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.roles = roles
        form = QFormLayout(self)
        self.role_box = QComboBox()
        for role in roles:
            self.role_box.addItem((role_names or {}).get(role, role_name(role)), role)
        self.span_box = QComboBox()
        form.addRow(tr("Role"), self.role_box)
        form.addRow(tr("Span"), self.span_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.role_box.currentIndexChanged.connect(lambda _: self._fill_spans(self.role_box.currentData()))
        self._fill_spans(self.role_box.currentData())

    def _fill_spans(self, role: str) -> None:
        self.span_box.clear()
        for choice in self.roles.get(role, []):
            self.span_box.addItem(choice.text, choice)

    def choice(self) -> tuple[str, SpanChoice] | None:
        data = self.span_box.currentData()
        return (self.role_box.currentData(), data) if data is not None else None
