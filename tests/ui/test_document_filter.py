"""The documents list's filter model: text matches given in another order than the
list's, statuses, and another annotator's work swapped in, checked row by row."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from annotator.core.model import Status
from annotator.ui.models import DocumentFilter, DocumentListModel, MatchingDocuments

ROWS = [("a", "A", Status.DONE, 3), ("b", "B", Status.NEW, 0), ("c", "C", Status.IN_PROGRESS, 1),
        ("d", "D", Status.DONE, 2)]


def _filtered(qtmodeltester):
    model = DocumentListModel()
    model.set_rows(list(ROWS))
    proxy = DocumentFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    return model, proxy


def _shown(proxy) -> list[tuple[str, str, int]]:
    return [(proxy.index(r, 0).data(), proxy.index(r, 1).data(), proxy.index(r, 2).data())
            for r in range(proxy.rowCount())]


def test_matches_in_the_matchers_order_select_the_right_rows(qtmodeltester):
    model, proxy = _filtered(qtmodeltester)
    order = ["d", "c", "gone", "a"]  # an index's own order, with a document the list lacks

    proxy.set_filter(None, MatchingDocuments(order, np.array([0, 2, 3])))

    assert [title for title, *_ in _shown(proxy)] == ["A", "D"]
    hidden = proxy.mapFromSource(model.index(model.row_of("b"), 0))
    assert not hidden.isValid()
    assert proxy.mapFromSource(model.index(model.row_of("d"), 0)).row() == 1
    proxy.set_filter(Status.DONE, MatchingDocuments.of_ids({"c", "d"}))
    assert [title for title, *_ in _shown(proxy)] == ["D"]


def test_another_annotators_work_replaces_the_statuses_the_filter_reads(qtmodeltester):
    model, proxy = _filtered(qtmodeltester)
    proxy.set_filter(Status.DONE, None)
    assert [title for title, *_ in _shown(proxy)] == ["A", "D"]

    model.set_work({"b": Status.DONE, "c": Status.IN_PROGRESS}, {"b": 5, "d": 1})

    assert [row[2:] for row in model.rows] == [(Status.NEW, 0), (Status.DONE, 5), (Status.IN_PROGRESS, 0),
                                               (Status.NEW, 1)]
    assert [title for title, *_ in _shown(proxy)] == ["B"] and model.done == 1
    model.set_work({"a": Status.DONE}, {})  # and back: nothing of the other's is left
    assert [row[2:] for row in model.rows] == [(Status.DONE, 0), (Status.NEW, 0), (Status.NEW, 0), (Status.NEW, 0)]
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == "a"
