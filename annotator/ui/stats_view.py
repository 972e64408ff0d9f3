"""Statistics with pyqtgraph: labels per type, each annotator's progress over time,
documents by status. Every chart can be saved as PNG or SVG (``plots.py``)."""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import date, datetime, timezone

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Status
from ..core.stats import Progress, annotator_progress
from ..storage import ProjectStore
from .i18n import N_, ltr, tr, ui_language
from .models import status_text
from .plots import (
    CountAxis,
    HoverText,
    add_legend,
    ask_and_save,
    chart,
    legend_name,
    set_axis_title,
)

DAY = 86_400.0  # seconds: the date axis counts in POSIX time
EPOCH = date(1970, 1, 1).toordinal()
MIN_DAYS_SHOWN = 14  # one day of work is one narrow bar in two weeks, not the whole plot
SERIES_COLOURS = ("#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3",
                  "#937860", "#da8bc3", "#8c8c8c", "#ccb974", "#64b5cd")
PROGRESS_MODES = {"day": N_("Labels per day"), "total": N_("Labels so far")}


def bar_chart(title: str, counts: dict[str, int], name: str, axes: tuple[str, str],
              colour: str = "#4c72b0") -> pg.PlotWidget:
    """Bars of ``counts``; ``axes``: the titles of the bottom and left axes."""
    plot = chart(title, name, {"left": CountAxis("left")})
    set_axis_title(plot, "bottom", axes[0])
    set_axis_title(plot, "left", axes[1])
    names = list(counts)
    bars = pg.BarGraphItem(x=list(range(len(names))), height=list(counts.values()), width=0.7, brush=colour)
    plot.addItem(bars)
    plot.getAxis("bottom").setTicks([list(enumerate(names))])
    plot.setMouseEnabled(x=True, y=False)
    plot.bars, plot.names = bars, names  # for tests and later updates
    values = list(counts.values())
    HoverText(plot, lambda x, _y: _bar_text(names, values, x))
    return plot


def _bar_text(names: list[str], values: list[int], x: float) -> str | None:
    index = round(x)
    if not 0 <= index < len(names) or abs(x - index) > 0.35:
        return None
    return f"{names[index]}: {values[index]}"


class DayAxis(pg.DateAxisItem):
    """Days in UTC (as the labels' times are stored), with month and weekday names in
    the interface language (pyqtgraph's come from the C locale: English)."""

    def __init__(self) -> None:
        super().__init__("bottom", utcOffset=0)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        """pyqtgraph's ticks without the days that fall within two days of a month's
        first: their numbers would be drawn over the month's name."""
        levels = super().tickValues(minVal, maxVal, size)
        months = [v for spacing, values in levels if spacing > DAY for v in values]
        return [(spacing, [v for v in values if not any(abs(v - m) < 2.5 * DAY for m in months)])
                if spacing == DAY else (spacing, values) for spacing, values in levels]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        if ui_language() != "ar" or spec is None or not ("%b" in spec.format or "%a" in spec.format):
            return super().tickStrings(values, scale, spacing)
        locale, short = QLocale(QLocale.Language.Arabic), QLocale.FormatType.ShortFormat
        shown = []
        for value in values:
            moment = datetime.fromtimestamp(value, timezone.utc)
            pattern = (spec.format.replace("%b", locale.monthName(moment.month, short))
                       .replace("%a", locale.dayName(moment.isoweekday(), short)))
            shown.append(moment.strftime(pattern))
        return shown


def day_seconds(day: date) -> float:
    """Noon of ``day`` (UTC) on the date axis: a day's bar sits inside its day."""
    return calendar.timegm(day.timetuple()) + DAY / 2


class ProgressChart(QWidget):
    """Each annotator's labels over time, per day or as a running total, on a date
    axis; ``annotator`` (the user) in bold: outlined bars, a thicker line."""

    def __init__(self, progress: Progress, annotator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress, self.annotator = progress, annotator
        self.plot = chart(tr("Labels per annotator over time ({annotator} in bold)").format(annotator=annotator),
                          "progress", {"bottom": DayAxis(), "left": CountAxis("left")})
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.setLimits(minXRange=MIN_DAYS_SHOWN * DAY)  # "show everything" on one day too
        self.mode = QComboBox()
        for key, text in PROGRESS_MODES.items():
            self.mode.addItem(tr(text), key)
        self.mode.currentIndexChanged.connect(lambda _i: self.draw())
        self.note = QLabel()
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.mode)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.plot)
        layout.addWidget(self.note)
        add_legend(self.plot)
        self.hover = HoverText(self.plot, self._hover_text)
        self.draw()

    def draw(self) -> None:
        plot = self.plot
        plot.clear()  # the legend's entries go with their items
        per_day = self.mode.currentData() == "day"
        series = self._shown()
        self.items = {}
        for index, (annotator, points) in enumerate(series.items()):
            colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
            draw = self._bars if per_day else self._line
            self.items[annotator] = draw(points, colour, index, len(series), annotator)
        set_axis_title(plot, "left", tr(PROGRESS_MODES["day" if per_day else "total"]))
        span = self.progress.first_and_last()
        set_axis_title(plot, "bottom", tr("Day (UTC), {first} to {last}").format(
            first=ltr(span[0].isoformat()), last=ltr(span[1].isoformat())) if span else tr("Day (UTC)"))
        self._show_range()
        self.note.setText(self._note())

    def _bars(self, points: list[tuple[date, int]], colour: str, index: int, count: int,
              annotator: str) -> pg.BarGraphItem:
        own = annotator == self.annotator
        width = 0.8 * DAY / count  # the annotators' bars of one day side by side
        x = [day_seconds(day) + (index - (count - 1) / 2) * width for day, _ in points]
        bars = pg.BarGraphItem(x=x, height=[n for _, n in points], width=width, brush=colour,
                               pen=pg.mkPen("#202020" if own else colour, width=1.5 if own else 1),
                               name=legend_name(annotator))
        self.plot.addItem(bars)
        return bars

    def _line(self, points: list[tuple[date, int]], colour: str, _index: int, _count: int,
              annotator: str) -> pg.PlotDataItem:
        own = annotator == self.annotator
        line = pg.PlotDataItem([day_seconds(day) for day, _ in points], [n for _, n in points],
                               pen=pg.mkPen(colour, width=3.5 if own else 2), symbol="o", symbolSize=7,
                               symbolBrush=colour, symbolPen=colour, name=legend_name(annotator))
        self.plot.addItem(line)
        return line

    def _show_range(self) -> None:
        """At least two weeks wide, a day's margin either side of the work."""
        span = self.progress.first_and_last()
        first, last = (day_seconds(d) for d in span) if span else (day_seconds(date.today()),) * 2
        width = max(MIN_DAYS_SHOWN * DAY, last - first + 2 * DAY)
        middle = (first + last) / 2
        self.plot.setXRange(middle - width / 2, middle + width / 2, padding=0)
        top = max((n for points in self._shown().values() for _, n in points), default=0)
        self.plot.setYRange(0, max(1, top) * 1.1, padding=0)

    def _shown(self) -> dict[str, list[tuple[date, int]]]:
        return self.progress.days if self.mode.currentData() == "day" else self.progress.running_totals()

    def _note(self) -> str:
        notes = []
        if not self.progress.days:
            notes.append(tr("No label has a date yet: labels made in the app are dated, imported ones are not."))
        if self.progress.undated:
            notes.append(tr("{count} labels with an unreadable date are left out.").format(count=self.progress.undated))
        return " ".join(notes)

    def _hover_text(self, x: float, _y: float) -> str | None:
        """The day under the mouse and each annotator's figure on it."""
        day = _day_at(x)
        rows = [f"{ltr(annotator)}: {count}" for annotator, points in self._shown().items()
                for when, count in points if when == day]
        return "\n".join([day.isoformat(), *rows]) if rows else None


def _day_at(x: float) -> date:
    """The UTC day holding ``x`` (seconds on the date axis)."""
    return date.fromordinal(EPOCH + int(np.floor(x / DAY)))


class StatsDialog(QDialog):
    def __init__(self, store: ProjectStore, annotator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Statistics"))
        self.resize(900, 560)
        self.tabs = tabs = QTabWidget()
        counted = Counter(status for _, _, status in store.statuses())
        statuses = {status_text(s.value): counted[s] for s in Status if counted[s]}  # new, in progress, done
        self.progress = ProgressChart(annotator_progress(store), annotator)
        self.charts = {
            "labels": bar_chart(tr("Labels per type (all annotators)"), store.label_counts(), "labels",
                                (tr("Label"), tr("Spans"))),
            "days": self.progress.plot,
            "status": bar_chart(tr("Documents by status (per annotator)"), statuses, "status",
                                (tr("Status"), tr("Documents (one per annotator)")), "#c44e52"),
        }
        tabs.addTab(self.charts["labels"], tr("Labels"))
        tabs.addTab(self.progress, tr("Progress"))
        tabs.addTab(self.charts["status"], tr("Status"))
        self.save_button = QPushButton(tr("Save plot…"))
        self.save_button.clicked.connect(self.save_current)
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addLayout(bottom)

    def current_plot(self) -> pg.PlotWidget:
        return list(self.charts.values())[self.tabs.currentIndex()]

    def save_current(self):
        return ask_and_save(self.current_plot(), "png", self)

