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
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..agreement.scoring import NONE
from .error_text import phrase_text
from .i18n import N_, ltr, tr, ui_language
from .plain import plain_tooltip
from .plots import (
    AXIS,
    INK,
    HoverText,
    add_legend,
    ask_and_save,
    chart,
    legend_name,
    markup,
    set_axis_title,
    whole_number_ticks,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

DOCUMENT_COLUMNS = (N_("Document"), N_("Annotators"), N_("Span F1 (exact)"), N_("Span F1 (overlap)"),
                    N_("Token kappa"), "αu")
FIGURE_KEYS = ("span_exact_f1", "span_overlap_f1", "token_cohen_kappa", "unitizing_alpha")  # columns 2-5


EXACT_COLOUR, OVERLAP_COLOUR = "#4c72b0", "#dd8452"
COLOUR_MAP = "viridis"


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
        self.pair: dict[str, Any] | None = None
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
        self.labels_plot = chart(tr("Span F1 per label (exact, overlap)"), "agreement-per-label")
        add_legend(self.labels_plot)
        set_axis_title(self.labels_plot, "left", tr("Span F1"))
        set_axis_title(self.labels_plot, "bottom", tr("Label"))
        self.labels_plot.setMouseEnabled(x=True, y=False)
        HoverText(self.labels_plot, self._label_text)
        self.kappa_plot = chart(tr("Token Cohen's kappa per pair"), "agreement-kappa")
        self.kappa_bar = colour_bar(self.kappa_plot, (-1.0, 1.0), tr("Kappa"))
        HoverText(self.kappa_plot, self._kappa_text)
        self.confusion_plot = chart(tr("Label confusions over matched spans"), "agreement-confusions")
        self.confusion_bar = colour_bar(self.confusion_plot, (0.0, 1.0), tr("Spans"))
        whole_number_ticks(self.confusion_bar.axis)
        HoverText(self.confusion_plot, self._confusion_text)
        self.kappa_matrix = self.confusion_matrix = np.zeros((0, 0))
        self.plots = {"labels": self.labels_plot, "kappa": self.kappa_plot, "confusion": self.confusion_plot}
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
        self.save_button = QPushButton(tr("Save plot…"))
        self.save_button.clicked.connect(self.save_current)
        self.tabs.currentChanged.connect(lambda _i: self.save_button.setEnabled(self.current_plot() is not None))
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        layout.addLayout(bottom)

    def current_plot(self) -> pg.PlotWidget | None:
        """The plot on the open tab (the Documents and Report tabs have none)."""
        widget = self.tabs.currentWidget()
        return widget if widget in self.plots.values() else None

    def save_current(self):
        plot = self.current_plot()
        return ask_and_save(plot, "png", self) if plot is not None else None

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
        self._show_documents(report.get("documents_ranked", []))
        # the full report is English (as the CLI writes it); other languages get its gist
        self.summary.setPlainText(render_agreement(report) if ui_language() == "en" else report_summary(report))

    def _show_pair(self, index: int) -> None:
        """Per-label F1 and label confusions of the chosen pair."""
        plot = self.labels_plot
        plot.clear()
        pairs = self.report["pairs"] if self.report else []
        self.pair = pairs[index] if 0 <= index < len(pairs) else None
        self._show_confusion(self.pair)
        if self.pair is None:
            return
        per_label = self.pair["per_label"]
        names = list(per_label)
        exact = [per_label[n]["span_exact_f1"] or 0.0 for n in names]
        overlap = [per_label[n]["span_overlap_f1"] or 0.0 for n in names]
        x = np.arange(len(names))
        plot.addItem(pg.BarGraphItem(x=x - 0.2, height=exact, width=0.4, brush=EXACT_COLOUR, name=legend_name(tr("exact match"))))
        plot.addItem(pg.BarGraphItem(x=x + 0.2, height=overlap, width=0.4, brush=OVERLAP_COLOUR, name=legend_name(tr("overlap"))))
        plot.getAxis("bottom").setTicks([list(enumerate(names))])
        plot.setYRange(0, 1.15, padding=0)  # room above a perfect score for the legend
        plot.setXRange(-0.6, max(len(names), 1) - 0.4, padding=0)

    def _label_text(self, x: float, _y: float) -> str | None:
        if self.pair is None:
            return None
        names = list(self.pair["per_label"])
        index = round(x)
        if not 0 <= index < len(names) or abs(x - index) > 0.45:
            return None
        figures = self.pair["per_label"][names[index]]
        return "\n".join([
            names[index],
            tr("exact match: {value}").format(value=_figure(figures["span_exact_f1"])),
            tr("overlap: {value}").format(value=_figure(figures["span_overlap_f1"])),
            tr("spans: {a} {count_a}, {b} {count_b}").format(
                a=ltr(self.pair["a"]), b=ltr(self.pair["b"]),
                count_a=figures.get("count_a", "?"), count_b=figures.get("count_b", "?")),
        ])

    def _show_kappas(self, report: dict[str, Any]) -> None:
        names = report.get("annotators", [])
        matrix = np.full((len(names), len(names)), np.nan)
        for pair in report["pairs"]:
            i, j = names.index(pair["a"]), names.index(pair["b"])
            value = pair["token_cohen_kappa"]
            matrix[i, j] = matrix[j, i] = np.nan if value is None else value
        np.fill_diagonal(matrix, 1.0)
        self.kappa_matrix, self.kappa_names = matrix, names
        _heatmap(self.kappa_plot, self.kappa_bar, matrix, names, names, levels=(-1, 1))
        set_axis_title(self.kappa_plot, "left", tr("Annotator"))
        set_axis_title(self.kappa_plot, "bottom", tr("Annotator"))

    def _kappa_text(self, x: float, y: float) -> str | None:
        cell = _cell(self.kappa_matrix, x, y)
        if cell is None:
            return None
        i, j = cell
        value = self.kappa_matrix[i, j]
        figure = tr("not computable") if np.isnan(value) else f"{value:.3f}"
        return tr("{a} / {b}: token kappa {value}").format(
            a=ltr(self.kappa_names[i]), b=ltr(self.kappa_names[j]), value=figure)

    def _show_confusion(self, pair: dict[str, Any] | None) -> None:
        """Rows: the pair's first annotator's labels; columns: the second's."""
        confusion = pair.get("confusion", {}) if pair else {}
        labels = sorted({*confusion, *(c for row in confusion.values() for c in row)},
                        key=lambda c: (c == NONE, c))
        matrix = np.array([[confusion.get(r, {}).get(c, 0) for c in labels] for r in labels], dtype=float)
        self.confusion_matrix, self.confusion_labels = matrix.reshape(len(labels), len(labels)), labels
        shown = [_label_shown(c) for c in labels]
        _heatmap(self.confusion_plot, self.confusion_bar, self.confusion_matrix, shown, shown,
                 levels=(0, max(1.0, matrix.max(initial=0))))
        a, b = (pair["a"], pair["b"]) if pair else ("", "")
        set_axis_title(self.confusion_plot, "left", tr("Label given by {name}").format(name=ltr(a)))
        set_axis_title(self.confusion_plot, "bottom", tr("Label given by {name}").format(name=ltr(b)))

    def _confusion_text(self, x: float, y: float) -> str | None:
        cell = _cell(self.confusion_matrix, x, y)
        if cell is None or self.pair is None:
            return None
        i, j = cell
        return tr("{a}: {label_a}, {b}: {label_b}: {count} spans").format(
            a=ltr(self.pair["a"]), label_a=_label_shown(self.confusion_labels[i]),
            b=ltr(self.pair["b"]), label_b=_label_shown(self.confusion_labels[j]),
            count=int(self.confusion_matrix[i, j]))

    def _show_documents(self, rows: list[dict[str, Any]]) -> None:
        self.documents.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (row.get("title") or row["document"], ", ".join(row["annotators"]),
                     *(_figure(row[key]) for key in FIGURE_KEYS))
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row["document"])
                self.documents.setItem(r, c, item)
            for c, key in enumerate(FIGURE_KEYS, start=2):  # a missing figure says why
                reason = row.get("notes", {}).get(key)
                if row[key] is None and reason:
                    self.documents.item(r, c).setToolTip(plain_tooltip(phrase_text(reason)))
        # the figures' headers whole («F1 للمقاطع (تطابق تام)» was cut in the middle);
        # the title takes the room left
        self.documents.resizeColumnsToContents()
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

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
    reasons = list(dict.fromkeys(phrase_text(note["reason"]) for note in report.get("notes", [])))
    if reasons:
        lines += ["", tr("Why some figures could not be computed:")]
        lines += ["  • " + reason for reason in reasons]
    return "\n".join(lines)


def colour_bar(plot: pg.PlotWidget, levels: tuple[float, float], title: str) -> pg.ColorBarItem:
    """The colour scale beside a heatmap (fixed: the figures are read, not tuned)."""
    bar = pg.ColorBarItem(values=levels, colorMap=pg.colormap.get(COLOUR_MAP), interactive=False,
                          colorMapMenu=False, width=18)
    bar.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # made before it joins the plot
    bar.setLabel("right", markup(title), color=INK)
    bar.axis.setTextPen(INK)
    bar.axis.setPen(AXIS)
    plot.getPlotItem().layout.addItem(bar, 2, 5)  # right of the plot, as setImageItem would
    plot.getPlotItem().layout.setColumnFixedWidth(4, 5)
    return bar


def _heatmap(plot: pg.PlotWidget, bar: pg.ColorBarItem, matrix: np.ndarray, rows: list[str],
             columns: list[str], levels: tuple[float, float]) -> None:
    plot.clear()
    bar.setLevels(levels)
    if matrix.size == 0:
        plot.getAxis("bottom").setTicks([[]])
        plot.getAxis("left").setTicks([[]])
        return
    image = pg.ImageItem(matrix.T)  # a cell without a figure (NaN) is left blank
    plot.addItem(image)
    bar.setImageItem(image)
    colours = pg.colormap.get(COLOUR_MAP)
    for i in range(matrix.shape[0]):
        for j in range(matrix.shape[1]):
            value = matrix[i, j]
            text = "—" if np.isnan(value) else (f"{value:.2f}" if value % 1 else f"{int(value)}")
            label = pg.TextItem(text, color=_ink_on(colours, value, levels), anchor=(0.5, 0.5))
            label.setPos(j + 0.5, i + 0.5)
            plot.addItem(label)
    plot.getAxis("bottom").setTicks([[(j + 0.5, c) for j, c in enumerate(columns)]])
    plot.getAxis("left").setTicks([[(i + 0.5, r) for i, r in enumerate(rows)]])
    plot.invertY(True)
    plot.setRange(xRange=(0, matrix.shape[1]), yRange=(0, matrix.shape[0]), padding=0.02)


def _ink_on(colours: pg.ColorMap, value: float, levels: tuple[float, float]) -> str:
    """Black figures on the light end of the scale, white on the dark end."""
    if np.isnan(value):
        return INK
    low, high = levels
    colour = colours.map((min(max(value, low), high) - low) / (high - low), mode="qcolor")
    luma = 0.299 * colour.redF() + 0.587 * colour.greenF() + 0.114 * colour.blueF()
    return INK if luma > 0.5 else "w"


def _cell(matrix: np.ndarray, x: float, y: float) -> tuple[int, int] | None:
    """The (row, column) of a heatmap cell under data point (x, y)."""
    i, j = int(np.floor(y)), int(np.floor(x))
    return (i, j) if 0 <= i < matrix.shape[0] and 0 <= j < matrix.shape[1] else None


def _label_shown(label: str) -> str:
    return tr("(none)") if label == NONE else label
