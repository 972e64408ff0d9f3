"""Statistics with pyqtgraph: labels per type, labels per day, documents by status."""

from __future__ import annotations

import html
from collections import Counter

import pyqtgraph as pg
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from ..storage import ProjectStore
from .i18n import tr
from .models import status_text


def bar_chart(title: str, counts: dict[str, int], colour: str = "#4c72b0") -> pg.PlotWidget:
    plot = pg.PlotWidget(title=html.escape(title))  # pyqtgraph shows titles as HTML
    plot.setBackground("w")
    names = list(counts)
    bars = pg.BarGraphItem(x=list(range(len(names))), height=list(counts.values()), width=0.7, brush=colour)
    plot.addItem(bars)
    plot.getAxis("bottom").setTicks([list(enumerate(names))])
    plot.setMouseEnabled(x=True, y=False)
    plot.bars, plot.names = bars, names  # for tests and later updates
    return plot


class StatsDialog(QDialog):
    def __init__(self, store: ProjectStore, annotator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Statistics"))
        self.resize(900, 520)
        self.tabs = tabs = QTabWidget()
        statuses = Counter(status_text(status.value) for _, _, status in store.statuses())
        self.charts = {
            "labels": bar_chart(tr("Labels per type (all annotators)"), store.label_counts()),
            "days": bar_chart(tr("Labels per day ({annotator})").format(annotator=annotator), store.span_dates(annotator), "#55a868"),
            "status": bar_chart(tr("Documents by status (per annotator)"), dict(statuses), "#c44e52"),
        }
        tabs.addTab(self.charts["labels"], tr("Labels"))
        tabs.addTab(self.charts["days"], tr("Progress"))
        tabs.addTab(self.charts["status"], tr("Status"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
