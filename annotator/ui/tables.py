"""Tables of the window's docks: whole rows selected, one at a time, never edited."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from .i18n import tr


def plain_table(model: QAbstractItemModel, sortable: bool) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(sortable)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


# the annotation list's columns (models.AnnotationListModel.HEADERS)
POSITION, TEXT, LABEL, LAYER, TRANSLITERATION = range(5)
OPTIONAL = (LAYER, TRANSLITERATION)  # hidden at first: the hover text and the inspector say them


def annotation_list_table(model: QAbstractItemModel) -> QTableView:
    """The annotation list, fitted to a narrow dock: the text first and stretched, then
    its label and its position at widths their contents need, in text order; the layer
    and the transliteration are shown from the header's right-click menu."""
    table = plain_table(model, sortable=True)
    header = table.horizontalHeader()
    header.moveSection(TEXT, 0)
    header.moveSection(LABEL, 1)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
    metrics = table.fontMetrics()
    header.resizeSection(POSITION, metrics.horizontalAdvance("0000–0000") + 12)
    header.resizeSection(LABEL, metrics.horizontalAdvance("Conflict.At") + 12)  # longer names elide
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    for column in OPTIONAL:
        table.setColumnHidden(column, True)
        title = model.headerData(column, Qt.Orientation.Horizontal)
        toggle = QAction(tr("Show column «{title}»").format(title=title), header)
        toggle.setCheckable(True)
        toggle.toggled.connect(lambda on, c=column: table.setColumnHidden(c, not on))
        header.addAction(toggle)
    table.sortByColumn(POSITION, Qt.SortOrder.AscendingOrder)  # text order (a header's default is descending)
    return table
