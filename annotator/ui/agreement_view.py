"""The agreement view: per-label F1 for a pair, pairwise kappa, confusions, documents.

The report is computed off the GUI thread (a worker with its own connection); the
charts are pyqtgraph. Clicking a document opens it in adjudication mode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .i18n import N_, ltr, tr, ui_language

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

DOCUMENT_COLUMNS = (N_("Document"), N_("Annotators"), N_("Span F1 (exact)"), N_("Span F1 (overlap)"),
                    N_("Token kappa"), "αu")


def _figure(value: Any) -> str:
    return "—" if value is None else f"{value:.3f}"


class AgreementDialog(QDialog):
    def __init__(self, project_path: Path | None, adjudicate: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        """``adjudicate(document_id)``: open that document for adjudication (a double
        click in the ranked documents)."""
        super().__init__(parent)
        self.project_path, self.adjudicate = project_path, adjudicate
        self.report: dict[str, Any] | None = None
        self.setWindowTitle(tr("Agreement"))
        self.resize(1000, 640)
        self.pair_box = QComboBox()
        self.unfinished = QCheckBox(tr("Include unfinished documents"))
        self.compute_button = QPushButton(tr("Compute"))
        self.compute_button.clicked.connect(self.compute)
        self.pair_box.currentIndexChanged.connect(self._show_pair)
        top = QHBoxLayout()
        for widget in (self.pair_box, self.unfinished, self.compute_button):
            top.addWidget(widget)
        self.tabs = QTabWidget()
        self.labels_plot = pg.PlotWidget(title=tr("Span F1 per label (exact, overlap)"))
        self.kappa_plot = pg.PlotWidget(title=tr("Token Cohen's kappa per pair"))
        self.confusion_plot = pg.PlotWidget(title=tr("Label confusions over matched spans"))
        for plot in (self.labels_plot, self.kappa_plot, self.confusion_plot):
            plot.setBackground("w")
        self.documents = QTableWidget(0, len(DOCUMENT_COLUMNS))
        self.documents.setHorizontalHeaderLabels([tr(c) for c in DOCUMENT_COLUMNS])
        self.documents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Enter activates; a double-click activates on some platforms only: both may come
        self.documents.cellActivated.connect(self._open_document)
        self.documents.cellDoubleClicked.connect(self._open_document)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setStyleSheet("font-family: monospace;")
        for widget, title in ((self.labels_plot, tr("Per label")), (self.kappa_plot, tr("Kappa")),
                              (self.confusion_plot, tr("Confusions")), (self.documents, tr("Documents")),
                              (self.summary, tr("Report"))):
            self.tabs.addTab(widget, title)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)

    def compute(self):
        from ..agreement import compute_agreement
        from .workers import run_with_progress

        include = self.unfinished.isChecked()
        worker = run_with_progress(self, tr("Computing agreement"), self.project_path,
                                   lambda store: compute_agreement(store, None, include),
                                   lambda done: None)
        worker.signals.result.connect(self.set_report)
        return worker

    def set_report(self, report: dict[str, Any]) -> None:
        from ..agreement import render_agreement

        self.report = report
        self.pair_box.blockSignals(True)
        self.pair_box.clear()
        for pair in report["pairs"]:
            self.pair_box.addItem(tr("{a} / {b} ({count} documents)").format(a=pair["a"], b=pair["b"], count=pair["documents"]))
        first = next((i for i, p in enumerate(report["pairs"]) if p["documents"]), 0)
        self.pair_box.setCurrentIndex(first)
        self.pair_box.blockSignals(False)
        self._show_pair(first)
        self._show_kappas(report)
        self._show_confusion(report.get("confusion", {}))
        self._show_documents(report.get("documents_ranked", []))
        # the full report is English (as the CLI writes it); other languages get its gist
        self.summary.setPlainText(render_agreement(report) if ui_language() == "en" else report_summary(report))

    def _show_pair(self, index: int) -> None:
        plot = self.labels_plot
        plot.clear()
        if not self.report or not 0 <= index < len(self.report["pairs"]):
            return
        per_label = self.report["pairs"][index]["per_label"]
        names = list(per_label)
        exact = [per_label[n]["span_exact_f1"] or 0.0 for n in names]
        overlap = [per_label[n]["span_overlap_f1"] or 0.0 for n in names]
        x = np.arange(len(names))
        plot.addItem(pg.BarGraphItem(x=x - 0.2, height=exact, width=0.4, brush="#4c72b0", name="exact"))
        plot.addItem(pg.BarGraphItem(x=x + 0.2, height=overlap, width=0.4, brush="#dd8452", name="overlap"))
        plot.getAxis("bottom").setTicks([list(enumerate(names))])
        plot.setYRange(0, 1)

    def _show_kappas(self, report: dict[str, Any]) -> None:
        names = report.get("annotators", [])
        matrix = np.full((len(names), len(names)), np.nan)
        for pair in report["pairs"]:
            i, j = names.index(pair["a"]), names.index(pair["b"])
            value = pair["token_cohen_kappa"]
            matrix[i, j] = matrix[j, i] = np.nan if value is None else value
        np.fill_diagonal(matrix, 1.0)
        self.kappa_matrix = matrix
        _heatmap(self.kappa_plot, matrix, names, names, levels=(-1, 1))

    def _show_confusion(self, confusion: dict[str, dict[str, int]]) -> None:
        labels = sorted({*confusion, *(c for row in confusion.values() for c in row)})
        matrix = np.array([[confusion.get(r, {}).get(c, 0) for c in labels] for r in labels], dtype=float)
        self.confusion_matrix = matrix
        _heatmap(self.confusion_plot, matrix, labels, labels, levels=(0, max(1.0, matrix.max(initial=0))))

    def _show_documents(self, rows: list[dict[str, Any]]) -> None:
        self.documents.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (row.get("title") or row["document"], ", ".join(row["annotators"]),
                     _figure(row["span_exact_f1"]), _figure(row["span_overlap_f1"]),
                     _figure(row["token_cohen_kappa"]), _figure(row["unitizing_alpha"]))
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row["document"])
                self.documents.setItem(r, c, item)

    def _open_document(self, row: int, _column: int = 0) -> None:
        self.adjudicate(self.documents.item(row, 0).data(Qt.ItemDataRole.UserRole))


def report_summary(report: dict[str, Any]) -> str:
    """The report's main figures in the interface language: who, how many documents,
    and per pair the span F1 (exact, overlap) and the token kappa."""
    lines = [
        tr("Inter-annotator agreement"),
        tr("Annotators: {names}").format(names=", ".join(ltr(a) for a in report.get("annotators", [])) or "—"),
        tr("Documents: {read} read of {total} in the project").format(
            read=report.get("documents", 0), total=report.get("documents_in_project", "?")),
        "",
    ]
    for pair in report.get("pairs", []):
        lines.append(tr("{a} / {b}: {count} documents").format(a=ltr(pair["a"]), b=ltr(pair["b"]),
                                                              count=pair["documents"]))
        lines.append("  " + tr("span F1 exact {exact}, overlap {overlap}; token kappa {kappa}").format(
            exact=_figure(pair["span_exact"]["f1"]), overlap=_figure(pair["span_overlap"]["f1"]),
            kappa=_figure(pair["token_cohen_kappa"])))
    if not report.get("pairs"):
        lines.append(tr("No pair of annotators has a document in common."))
    return "\n".join(lines)


def _heatmap(plot: pg.PlotWidget, matrix: np.ndarray, rows: list[str], columns: list[str],
             levels: tuple[float, float]) -> None:
    plot.clear()
    if matrix.size == 0:
        return
    image = pg.ImageItem(np.nan_to_num(matrix.T, nan=levels[0]))
    image.setLevels(levels)
    image.setLookupTable(pg.colormap.get("viridis").getLookupTable())
    plot.addItem(image)
    for i in range(matrix.shape[0]):
        for j in range(matrix.shape[1]):
            value = matrix[i, j]
            text = "—" if np.isnan(value) else (f"{value:.2f}" if value % 1 else f"{int(value)}")
            label = pg.TextItem(text, color="w", anchor=(0.5, 0.5))
            label.setPos(j + 0.5, i + 0.5)
            plot.addItem(label)
    plot.getAxis("bottom").setTicks([[(j + 0.5, c) for j, c in enumerate(columns)]])
    plot.getAxis("left").setTicks([[(i + 0.5, r) for i, r in enumerate(rows)]])
    plot.invertY(True)
