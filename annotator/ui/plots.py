"""What every chart shares: a white page, whole-number count axes, the value under the
mouse, and saving as PNG or SVG for a report.

pyqtgraph's own right-click menu is English only and offers things nobody here needs
(axis links, transforms); it is replaced by ours, in the interface language: Save as
PNG…, Save as SVG…, Show everything. The same save is a button in each dialog.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QBuffer, QIODevice, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from ..errors import AnnotatorError
from .error_text import error_text
from .i18n import N_, tr

FORMATS = {"png": N_("PNG image (*.png)"), "svg": N_("SVG drawing (*.svg)")}
HOVER_FILL = (255, 255, 255, 235)
RLM = "\u200f"
INK, AXIS = "#202020", "#707070"  # dark text on the white page (pyqtgraph's grey is for black)


def whole_levels(levels: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """pyqtgraph's tick levels (spacing, offset) without those between whole numbers."""
    return [(spacing, offset) for spacing, offset in levels if spacing >= 1] or [(1.0, 0.0)]


class CountAxis(pg.AxisItem):
    """An axis of counts: ticks on whole numbers only (a label at 2.5 means nothing)."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:
        return whole_levels(super().tickSpacing(minVal, maxVal, size))


def whole_number_ticks(axis: pg.AxisItem) -> None:
    """The same for an axis pyqtgraph made itself (a colour bar's)."""
    spacing = axis.tickSpacing
    axis.tickSpacing = lambda low, high, size: whole_levels(spacing(low, high, size))


def shown(text: str) -> str:
    """``text`` as a paragraph in the interface's direction. Plots stay left to right
    in Arabic too: pyqtgraph's axes do not mirror (mirrored, a colour bar's title
    lands on the bar and axis titles between the ticks and the plot); their Arabic
    texts still read right to left, each line led by a right-to-left mark (else
    "F1 للمقاطع (تام)" would start at the left with its bracket misplaced)."""
    if QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return text
    return "\n".join(RLM + line for line in text.split("\n"))


def markup(text: str) -> str:
    """``text`` for pyqtgraph's titles, axis titles and legends, which are HTML: shown
    as written (an annotator's name is not markup), in the interface's direction."""
    return html.escape(shown(text))


def chart(title: str, name: str, axes: dict[str, pg.AxisItem] | None = None) -> pg.PlotWidget:
    """A plot titled ``title`` (plain text); ``name`` is its file name when saved."""
    plot = pg.PlotWidget(axisItems=axes or {})
    plot.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    plot.getPlotItem().setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # and what it holds
    plot.setBackground("w")
    plot.setTitle(markup(title), color=INK, size="11pt")
    for side in ("left", "bottom"):
        plot.getAxis(side).setPen(AXIS)
        plot.getAxis(side).setTextPen(INK)
    plot.setMenuEnabled(False)  # pyqtgraph's English menu: ours instead
    plot.file_name = name
    plot.hover = None
    plot.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    plot.customContextMenuRequested.connect(lambda where: plot_menu(plot).popup(plot.mapToGlobal(where)))
    return plot


def set_axis_title(plot: pg.PlotWidget, side: str, text: str) -> None:
    plot.setLabel(side, markup(text), color=INK)


def legend_name(text: str) -> str:
    return markup(text)


def add_legend(plot: pg.PlotWidget) -> pg.LegendItem:
    """A legend on a white card (it may lie over bars)."""
    return plot.addLegend(offset=(10, 10), brush=pg.mkBrush(255, 255, 255, 220), pen=pg.mkPen(AXIS),
                          labelTextColor=INK)


def plot_menu(plot: pg.PlotWidget) -> QMenu:
    menu = QMenu(plot)
    menu.addAction(tr("Save as PNG…"), lambda: ask_and_save(plot, "png"))
    menu.addAction(tr("Save as SVG…"), lambda: ask_and_save(plot, "svg"))
    menu.addSeparator()
    menu.addAction(tr("Show everything"), lambda: plot.getPlotItem().autoBtnClicked())
    plot.menu = menu  # for tests: what the right-click offered
    return menu


def save_plot(plot: pg.PlotWidget, path: Path) -> None:
    """Write ``plot`` to ``path``: SVG for a ``.svg`` name, else PNG at the plot's size.
    A file that cannot be written raises ``AnnotatorError`` naming it."""
    item = plot.getPlotItem()
    hover = plot.hover.label if plot.hover else None
    shown = hover is not None and hover.isVisible()
    if shown:
        hover.hide()  # a report wants the plot, not where the mouse happened to be
    try:
        data = svg_of(item) if path.suffix.lower() == ".svg" else png_of(item)
    finally:
        if shown:
            hover.show()
    try:
        path.write_bytes(data)
    except OSError as error:
        raise AnnotatorError("Could not save the plot as {path}: {reason}",
                             params={"path": path, "reason": error.strerror or error}) from error


def png_of(item: pg.GraphicsObject) -> bytes:
    """``item`` as a PNG image at its size on screen."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ImageExporter(item).export(toBytes=True).save(buffer, "PNG")
    return bytes(buffer.data())


def svg_of(item: pg.GraphicsObject) -> bytes:
    """``item`` drawn as SVG 1.1, text as text. Not pyqtgraph's SVGExporter: its
    rewriting of Qt's paths fails on the "Z" that Qt 6.10+ writes (pyqtgraph issue
    3485); Qt's own generator clips the plot's inside as drawn since SVG 1.1 has clip
    paths."""
    area = item.sceneBoundingRect()
    page = QRectF(0, 0, area.width(), area.height())
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
    generator.setOutputDevice(buffer)
    # the screen's resolution: axes replay pictures recorded at it, scaled on any other
    generator.setResolution(item.scene().views()[0].logicalDpiX())
    generator.setSize(page.size().toSize())
    generator.setViewBox(page)
    painter = QPainter(generator)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(page, QColor("white"))
    item.scene().render(painter, page, area)
    painter.end()
    return bytes(buffer.data())


def ask_and_save(plot: pg.PlotWidget, kind: str, parent: QWidget | None = None) -> QFileDialog:
    """A save dialog (Qt's own, in the interface language) for ``plot`` as ``kind``;
    the plot is written when a name is accepted. Returned open, for tests."""
    dialog = QFileDialog(parent or plot.window(), tr("Save plot"), f"{plot.file_name}.{kind}")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setNameFilters([tr(FORMATS[kind]), *(tr(f) for k, f in FORMATS.items() if k != kind)])
    dialog.setDefaultSuffix(kind)
    # a name typed without a suffix takes the chosen format's
    dialog.filterSelected.connect(lambda chosen: dialog.setDefaultSuffix(_kind_of(chosen, kind)))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen(name: str) -> None:
        path = Path(name)
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_name(path.name + "." + _kind_of(dialog.selectedNameFilter(), kind))
        try:
            save_plot(plot, path)
        except AnnotatorError as error:
            QMessageBox.warning(plot.window(), tr("Save plot"), error_text(error, located=False))

    dialog.fileSelected.connect(chosen)
    dialog.open()
    return dialog


def _kind_of(name_filter: str, default: str) -> str:
    return next((k for k, f in FORMATS.items() if tr(f) == name_filter), default)


class HoverText:
    """The value under the mouse in a small box beside it. ``describe(x, y)`` (data
    coordinates) says what is there, or None where there is nothing to say."""

    def __init__(self, plot: pg.PlotWidget, describe: Callable[[float, float], str | None]) -> None:
        self.plot, self.describe = plot, describe
        self.label = pg.TextItem("", color="#202020", fill=pg.mkBrush(*HOVER_FILL),
                                 border=pg.mkPen("#9e9e9e"), anchor=(0, 1))
        self.label.setZValue(1000)
        self.label.hide()
        plot.hover = self
        plot.scene().sigMouseMoved.connect(self.moved)

    def moved(self, scene_pos: QPointF) -> None:
        box = self.plot.getPlotItem().vb
        text = None
        if box.sceneBoundingRect().contains(scene_pos):
            point = box.mapSceneToView(scene_pos)
            text = self.describe(point.x(), point.y())
        if not text:
            self.label.hide()
            return
        if self.label.scene() is None:  # the plot was cleared for new figures
            self.plot.addItem(self.label, ignoreBounds=True)
        self.label.setText(shown(text))  # plain text: labels and names come from files
        self.label.setAnchor(self._anchor(scene_pos, box.sceneBoundingRect()))
        self.label.setPos(box.mapSceneToView(scene_pos))
        self.label.show()

    @staticmethod
    def _anchor(scene_pos: QPointF, area: QRectF) -> tuple[float, float]:
        """Keep the box inside the plot: to the left of the mouse on the right half,
        below it on the top half."""
        return (1.0 if scene_pos.x() > area.center().x() else 0.0,
                0.0 if scene_pos.y() < area.center().y() else 1.0)

    def text_at_widget(self, where: QPoint) -> str | None:
        """What hovering at ``where`` (widget coordinates) shows: for tests."""
        self.moved(self.plot.mapToScene(where))
        return self.label.toPlainText() if self.label.isVisible() else None
