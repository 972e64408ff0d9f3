"""Side panels: events with their arguments, attributions, and the attribute inspector."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Annotations, Attribution, Event, Span
from ..core.schema import Schema
from .i18n import N_, tr, ui_language
from .plain import plain_label
from .role_names import label_name, role_name, value_name

Item = Span | Event | Attribution

ITEM_ROLE = Qt.ItemDataRole.UserRole


def _snippet(text: str, span: Span | None, limit: int = 40) -> str:
    if span is None:
        return "—"
    words = " ".join(text[span.start : span.end].split())
    return words if len(words) <= limit else words[:limit] + "…"


class ItemTree(QWidget):
    """A tree of events or attributions with buttons under it."""

    itemChosen = Signal(object)  # Event | Attribution | Span
    headers: tuple[str, ...] = ()

    def __init__(self, buttons: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr(h) for h in self.headers])
        self.tree.currentItemChanged.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text in buttons:
            self.buttons[key] = QPushButton(tr(text))
            row.addWidget(self.buttons[key])
        layout.addLayout(row)

    def _chosen(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.itemChosen.emit(item.data(0, ITEM_ROLE))

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """Rows shown or rebuilt choose nothing: Qt makes the first row added current,
        which would select that item in place of the one being worked on."""
        self.tree.blockSignals(True)
        try:
            yield
        finally:
            self.tree.blockSignals(False)

    def select(self, target: Event | Attribution) -> None:
        """Highlight ``target``'s row (found by its id: a changed item is a new object)."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            shown = item.data(0, ITEM_ROLE)
            if type(shown) is type(target) and shown.id == target.id:
                with self._quietly():  # showing the selection is not choosing it
                    self.tree.setCurrentItem(item)
                return


class EventsPanel(ItemTree):
    headers = (N_("Event"), N_("Trigger / argument"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([("argument", N_("Add argument…")), ("remove", N_("Remove"))], parent)

    def show_events(self, annotations: Annotations | None, text: str, schema: Schema | None = None) -> None:
        with self._quietly():
            self._add_events(annotations, text, schema)

    def _add_events(self, annotations: Annotations | None, text: str, schema: Schema | None) -> None:
        self.tree.clear()
        if annotations is None:
            return
        spans = annotations.span_map()
        for event in annotations.events:
            shown = label_name(event.type, schema) if schema is not None else event.type
            top = QTreeWidgetItem([f"{event.id} {shown}", _snippet(text, spans.get(event.trigger))])
            top.setData(0, ITEM_ROLE, event)
            for argument in event.arguments:
                child = QTreeWidgetItem([role_name(argument.role, schema), _snippet(text, spans.get(argument.span))])
                child.setData(0, ITEM_ROLE, (event, argument))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.tree.resizeColumnToContents(0)  # "E1 Conflict.Attack" whole, not "E1 Conflic…"

    def _chosen(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        data = item.data(0, ITEM_ROLE)
        self.itemChosen.emit(data[0] if isinstance(data, tuple) else data)

    def selected_argument(self):
        item = self.tree.currentItem()
        data = item.data(0, ITEM_ROLE) if item else None
        return data if isinstance(data, tuple) else None


class AttributionsPanel(ItemTree):
    headers = (N_("Source"), N_("Cue"), N_("Content"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([("source", N_("Set source…")), ("content", N_("Set content…")), ("remove", N_("Remove"))], parent)
        self.tree.itemClicked.connect(lambda item, _column: self._chosen(item))  # the highlighted row too

    def show_attributions(self, annotations: Annotations | None, text: str) -> None:
        with self._quietly():
            self.tree.clear()
            if annotations is None:
                return
            spans = annotations.span_map()
            for attribution in annotations.attributions:
                cells = [_snippet(text, spans.get(p) if p else None, 30)
                         for p in (attribution.source, attribution.cue, attribution.content)]
                item = QTreeWidgetItem(cells)
                item.setData(0, ITEM_ROLE, attribution)
                self.tree.addTopLevelItem(item)


class Inspector(QWidget):
    """Attributes of the selected item, editable from the schema's value lists."""

    attributesEdited = Signal(object, dict)  # item, new attributes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.item: Span | Event | Attribution | None = None
        self._shown: tuple | None = None  # (layer, schema) the rows are built for
        self._title: QLabel | None = None
        self._boxes: dict[str, QComboBox] = {}

    def show_item(self, item: Item | None, schema: Schema, text: str) -> None:
        self.item = item
        if item is None:
            self._rebuild(None)
            self.form.addRow(_plain(tr("Nothing selected")))
            return
        layer, title = _describe(item, schema, text)
        if self._shown != (layer, schema):  # the same kind of item: only values change
            self._rebuild((layer, schema))
            self._title = _plain(title)
            self.form.addRow(tr("Item"), self._title)
            for definition in schema.attributes_for(layer):
                self._boxes[definition.name] = box = QComboBox()
                box.addItem("", "")
                for value in definition.values:  # shown in the interface language, stored as the schema says
                    box.addItem(value_name(value, schema), value)
                box.currentIndexChanged.connect(
                    lambda _, name=definition.name, box=box: self._edited(name, box.currentData() or ""))
                name = definition.ar if ui_language() == "ar" and definition.ar else definition.en
                self.form.addRow(_plain(name or definition.name), box)  # a str would become rich text
        self._title.setText(title)
        for name, box in self._boxes.items():
            box.blockSignals(True)  # showing a value is not editing it
            value = str(item.attributes.get(name, ""))
            found = box.findData(value)
            if found < 0:  # a value the schema does not list (an import): shown as it is
                box.addItem(value, value)
                found = box.count() - 1
            box.setCurrentIndex(found)
            box.blockSignals(False)

    def _rebuild(self, shown: tuple | None) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self._shown, self._title, self._boxes = shown, None, {}

    def _edited(self, name: str, value: str) -> None:
        if self.item is None:
            return
        attributes = dict(self.item.attributes)
        if value:
            attributes[name] = value
        else:
            attributes.pop(name, None)
        self.attributesEdited.emit(self.item, attributes)


def _describe(item: Item, schema: Schema, text: str) -> tuple[str, str]:
    if isinstance(item, Span):
        layer = schema.layer_of(item.label) or "entity"
        return layer, f"{item.id} {label_name(item.label, schema)}: {_snippet(text, item)}"
    if isinstance(item, Event):
        return "event", f"{item.id} {label_name(item.type, schema)}"
    return "attribution", tr("attribution {id}").format(id=item.id)


def _plain(text: str) -> QLabel:
    return plain_label(text, wrap=True)  # text from files is never rich text
