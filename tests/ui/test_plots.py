"""Plots people would rather look at (issue 16, items 11, 12 and 14): the agreement
view's legend, axis titles, colour scales and values under the mouse; each
annotator's progress over one day or a year on a date axis; whole-number count
ticks; Arabic words in the plots; every plot saved as PNG and SVG through the
dialogs' own buttons and right-click menus."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from annotator.core.model import Status
from annotator.storage import ProjectStore
from tests.helpers import seed_annotations
from tests.ui.test_arabic_ui import latin_words

DAY = 86_400
NAMES = ("amal", "badr", "carim")


# --- projects ------------------------------------------------------------------------
def _project(path, days: list[date]) -> ProjectStore:
    """The seed project with three annotators' work, the i-th label of each made on
    ``days[i]``; badr calls حلب a LOC where the others say GPE."""
    store = ProjectStore.open(path)
    doc = store.document(store.document_ids()[0])
    for name in NAMES:
        work = seed_annotations(doc.text, doc.id, name)
        work.status = Status.DONE
        work.spans = [replace(span, created=f"{days[i % len(days)].isoformat()}T09:30:00+00:00")
                      for i, span in enumerate(work.spans)]
        if name == "badr":
            work.spans[3] = replace(work.spans[3], label="LOC")
        store.replace_annotations(work)
    return store


@pytest.fixture
def one_day(seed_project):
    store = _project(seed_project, [date(2025, 3, 2)])
    yield store
    store.close()


@pytest.fixture
def one_year(seed_project):
    store = _project(seed_project, [date(2024, 1, 1) + timedelta(days=45 * i) for i in range(9)])
    yield store
    store.close()


def _stats(qtbot, store, annotator: str = "amal"):
    from annotator.ui.stats_view import StatsDialog

    dialog = StatsDialog(store, annotator)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _agreement(qtbot, store):
    from annotator.ui.agreement_view import AgreementDialog

    dialog = AgreementDialog(store.path, lambda _document: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.compute().signals.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: dialog.report is not None)
    return dialog


# --- reading a plot back -------------------------------------------------------------
def _legend(plot: pg.PlotWidget) -> list[str]:
    return [label.text for _sample, label in plot.getPlotItem().legend.items]


def _axis_title(plot: pg.PlotWidget, side: str) -> str:
    axis = plot.getAxis(side)
    return axis.labelText if axis.label.isVisible() else ""


def _tick_strings(plot: pg.PlotWidget, side: str) -> list[str]:
    """The tick labels ``plot`` draws on ``side`` (drawn first: the date axis measures
    its labels' font then)."""
    plot.grab()
    axis = plot.getAxis(side)
    low, high = axis.range
    length = axis.geometry().height() if side in ("left", "right") else axis.geometry().width()
    strings = []
    for spacing, values in axis.tickValues(low, high, length):
        strings += axis.tickStrings(values, axis.scale, spacing)
    return strings


def _hover(qtbot, plot: pg.PlotWidget, x: float, y: float) -> str | None:
    """Move the mouse over data point (x, y) of ``plot``; the text shown there. (The
    pointer goes to the window on top at that place: ``plot``'s must be the only one.)"""
    qtbot.waitUntil(plot.isVisible)
    plot.grab()  # laid out and drawn at its size: the view's mapping is final
    scene = plot.getPlotItem().vb.mapViewToScene(QPointF(x, y))
    # pyqtgraph drops moves closer than 10 ms apart (mouseRateLimit): pause as a hand does
    for where in (QPoint(1, 1), plot.mapFromScene(scene)):  # a real move even if the pointer was there
        qtbot.wait(25)
        qtbot.mouseMove(plot.viewport(), where)
    QApplication.processEvents()
    label = plot.hover.label
    return label.toPlainText() if label.isVisible() and label.scene() is not None else None


def _colour_bar(plot: pg.PlotWidget) -> pg.ColorBarItem | None:
    layout = plot.getPlotItem().layout
    items = [layout.itemAt(i) for i in range(layout.count())]
    return next((item for item in items if isinstance(item, pg.ColorBarItem)), None)


# --- agreement (item 11) ---------------------------------------------------------------
def test_plots_agreement_legend_axis_titles_colour_scale_and_hover(qtbot, one_day):
    dialog = _agreement(qtbot, one_day)
    assert _legend(dialog.labels_plot) == ["exact match", "overlap"]
    assert _axis_title(dialog.labels_plot, "left") == "Span F1"
    pair = dialog.report["pairs"][dialog.pair_box.currentIndex()]
    assert (pair["a"], pair["b"]) == ("amal", "badr")
    assert _axis_title(dialog.confusion_plot, "left") == "Label given by amal"  # rows: the first of the pair
    assert _axis_title(dialog.confusion_plot, "bottom") == "Label given by badr"
    assert _axis_title(dialog.kappa_plot, "left") == _axis_title(dialog.kappa_plot, "bottom") == "Annotator"

    kappa_bar = _colour_bar(dialog.kappa_plot)
    assert kappa_bar is not None and tuple(kappa_bar.levels()) == (-1.0, 1.0)
    attached = kappa_bar.img_list[0]()
    assert attached in dialog.kappa_plot.getPlotItem().items  # the scale is the heatmap's
    assert _colour_bar(dialog.confusion_plot) is not None

    dialog.tabs.setCurrentWidget(dialog.kappa_plot)
    kappa = pair["token_cohen_kappa"]
    text = _hover(qtbot, dialog.kappa_plot, 1.5, 0.5)  # row amal, column badr
    assert text == f"amal / badr: token kappa {kappa:.3f}"
    assert _hover(qtbot, dialog.kappa_plot, 3.04, 0.5) is None  # in the plot (to 3.06), right of the cells

    dialog.tabs.setCurrentWidget(dialog.confusion_plot)
    labels = dialog.confusion_labels
    row, column = labels.index("GPE"), labels.index("LOC")
    assert _hover(qtbot, dialog.confusion_plot, column + 0.5, row + 0.5) == "amal: GPE, badr: LOC: 1 spans"

    dialog.tabs.setCurrentWidget(dialog.labels_plot)
    names = list(pair["per_label"])
    org = pair["per_label"]["ORG"]
    text = _hover(qtbot, dialog.labels_plot, names.index("ORG") - 0.2, 0.5)
    assert text.splitlines()[:3] == ["ORG", f"exact match: {org['span_exact_f1']:.3f}",
                                     f"overlap: {org['span_overlap_f1']:.3f}"]


def test_plots_statistics_bars_have_axis_titles(qtbot, one_day):
    dialog = _stats(qtbot, one_day)
    titles = {name: (_axis_title(dialog.charts[name], "bottom"), _axis_title(dialog.charts[name], "left"))
              for name in ("labels", "status")}
    assert titles == {"labels": ("Label", "Spans"), "status": ("Status", "Documents (one per annotator)")}


# --- progress (item 12) ----------------------------------------------------------------
def _utc_day(seconds: float) -> date:
    return datetime.fromtimestamp(seconds, timezone.utc).date()


def test_plots_progress_one_day_is_a_narrow_bar_among_two_weeks(qtbot, one_day):
    dialog = _stats(qtbot, one_day, "badr")
    dialog.tabs.setCurrentWidget(dialog.progress)
    plot = dialog.charts["days"]
    assert _legend(plot) == list(NAMES)  # one series per annotator
    (low, high), _ = plot.viewRange()
    for name in NAMES:
        bars = dialog.progress.items[name]
        assert [_utc_day(x) for x in bars.opts["x"]] == [date(2025, 3, 2)]
        assert list(bars.opts["height"]) == [9]
        assert bars.opts["width"] / (high - low) < 0.05  # not one bar filling the plot
        assert low < bars.opts["x"][0] < high
    assert high - low >= 14 * DAY
    plot.getPlotItem().vb.autoRange()  # "show everything" keeps two weeks too
    (low, high), _ = plot.viewRange()
    assert high - low >= 14 * DAY - 1
    ticks = _tick_strings(plot, "bottom")
    assert "Mar" in ticks or "02" in ticks  # real dates under the bars, not seconds
    assert _axis_title(plot, "bottom") == "Day (UTC), 2025-03-02 to 2025-03-02"


def test_plots_progress_over_a_year_per_day_and_running_total(qtbot, one_year):
    dialog = _stats(qtbot, one_year)
    progress = dialog.progress
    first, last = date(2024, 1, 1), date(2024, 1, 1) + timedelta(days=360)
    (low, high), _ = progress.plot.viewRange()
    assert _utc_day(low) <= first and _utc_day(high) >= last  # the whole year in view
    assert high - low < 400 * DAY
    bars = progress.items["amal"]
    assert [_utc_day(x) for x in bars.opts["x"]][0] == first
    assert [_utc_day(x) for x in bars.opts["x"]][-1] == last
    ticks = _tick_strings(progress.plot, "bottom")
    assert {"Mar", "Jun", "Sep"} & set(ticks) or "2024" in ticks  # months of the year on the axis
    assert _axis_title(progress.plot, "bottom") == "Day (UTC), 2024-01-01 to 2024-12-26"

    progress.mode.setCurrentIndex(progress.mode.findData("total"))
    line = progress.items["amal"]
    xs, ys = line.getData()
    assert list(ys) == list(range(1, 10))  # labels so far, one more every 45 days
    assert _utc_day(xs[-1]) == last
    assert _legend(progress.plot) == list(NAMES)
    assert _axis_title(progress.plot, "left") == "Labels so far"


def test_plots_count_axes_tick_whole_numbers_only(qtbot, one_year):
    dialog = _stats(qtbot, one_year)
    for key, plot in dialog.charts.items():
        axis = plot.getAxis("left")
        low, high = axis.range
        assert high > low
        for spacing, values in axis.tickValues(low, high, axis.height()):
            assert spacing >= 1, key
            assert all(float(v).is_integer() for v in values), (key, values)
    assert _tick_strings(dialog.charts["days"], "left")[:2] == ["0", "1"]  # a label a day


def test_plots_arabic_statistics_and_agreement_have_no_english_words(qtbot, one_day, arabic):
    stats = _stats(qtbot, one_day)
    codes = set(one_day.schema.labels) | set(NAMES)
    texts = [stats.tabs.tabText(i) for i in range(stats.tabs.count())]
    texts += [stats.save_button.text(), *(stats.progress.mode.itemText(i) for i in range(stats.progress.mode.count()))]
    for plot in stats.charts.values():
        texts += [plot.getPlotItem().titleLabel.text, _axis_title(plot, "left"), _axis_title(plot, "bottom")]
        texts += _tick_strings(plot, "bottom")
    texts += _legend(stats.charts["days"])
    assert "قيد العمل" in stats.charts["status"].names or "منجز" in stats.charts["status"].names
    assert latin_words(" ".join(texts), codes) == []
    stats.close()  # the pointer moves over the window on top of the screen: the agreement's

    agreement = _agreement(qtbot, one_day)
    texts = [agreement.save_button.text(), *_legend(agreement.labels_plot)]
    for plot in agreement.plots.values():
        texts += [plot.getPlotItem().titleLabel.text, _axis_title(plot, "left"), _axis_title(plot, "bottom")]
        texts += _tick_strings(plot, "left")
    for bar in (_colour_bar(agreement.kappa_plot), _colour_bar(agreement.confusion_plot)):
        texts.append(bar.getAxis("right").labelText)
    agreement.tabs.setCurrentWidget(agreement.kappa_plot)
    texts.append(_hover(qtbot, agreement.kappa_plot, 1.5, 0.5))
    assert _legend(agreement.labels_plot) == ["\u200fتطابق تامّ", "\u200fتداخل"]  # read right to left
    # the plots themselves are not mirrored (pyqtgraph's axes would put a colour bar's
    # title on its colours): counts on the left, the colour scale's figures right of it
    plot, bar = agreement.kappa_plot, _colour_bar(agreement.kappa_plot)
    heat = plot.getPlotItem().vb.sceneBoundingRect()
    assert plot.getAxis("left").sceneBoundingRect().center().x() < heat.left()
    assert bar.vb.sceneBoundingRect().left() >= heat.right()
    assert bar.getAxis("right").sceneBoundingRect().center().x() > bar.vb.sceneBoundingRect().right()
    assert latin_words(" ".join(texts), codes) == []


# --- saving (item 14) --------------------------------------------------------------------
def _save_through(qtbot, dialog, path, svg: bool) -> None:
    """Click the dialog's Save plot…, pick the format's filter, type the name, accept."""
    dialog.save_button.click()
    chooser = qtbot.waitUntil(lambda: _open_chooser(dialog) is not None) or _open_chooser(dialog)
    filters = chooser.nameFilters()
    chooser.selectNameFilter(filters[1] if svg else filters[0])
    chooser.filterSelected.emit(chooser.selectedNameFilter())
    chooser.selectFile(str(path))
    chooser.accept()


def _open_chooser(dialog) -> QFileDialog | None:
    found = [c for c in dialog.findChildren(QFileDialog) if c.isVisible()]
    return found[-1] if found else None


def _svg_texts(path) -> str:
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    return " ".join(t.text or "" for t in root.iter() if t.tag.endswith("text"))


def _check_exports(plot, png, svg) -> None:
    image = QImage(str(png))
    size = plot.getPlotItem().sceneBoundingRect().size().toSize()
    assert not image.isNull()
    assert abs(image.width() - size.width()) <= 1 and abs(image.height() - size.height()) <= 1
    title = plot.getPlotItem().titleLabel.item.toPlainText()
    assert title.split()[0] in _svg_texts(svg)


def test_plots_every_plot_saves_as_png_and_svg(qtbot, one_day, tmp_path):
    stats = _stats(qtbot, one_day)
    for index, plot in enumerate(stats.charts.values()):
        stats.tabs.setCurrentIndex(index)
        _save_through(qtbot, stats, tmp_path / f"stats-{index}.png", svg=False)
        _save_through(qtbot, stats, tmp_path / f"stats-{index}", svg=True)  # the suffix from the filter
        _check_exports(plot, tmp_path / f"stats-{index}.png", tmp_path / f"stats-{index}.svg")
    agreement = _agreement(qtbot, one_day)
    for key, plot in agreement.plots.items():
        agreement.tabs.setCurrentWidget(plot)
        _save_through(qtbot, agreement, tmp_path / f"{key}.png", svg=False)
        _save_through(qtbot, agreement, tmp_path / f"{key}.svg", svg=True)
        _check_exports(plot, tmp_path / f"{key}.png", tmp_path / f"{key}.svg")
    assert "amal" in _svg_texts(tmp_path / "kappa.svg")  # the heatmap's names are text, not pixels
    agreement.tabs.setCurrentWidget(agreement.documents)
    assert not agreement.save_button.isEnabled()  # no plot on the documents tab


def test_plots_right_click_offers_saving_and_a_refused_file_is_said(qtbot, one_day, tmp_path):
    from annotator.errors import AnnotatorError
    from annotator.ui.plots import save_plot

    stats = _stats(qtbot, one_day)
    stats.tabs.setCurrentWidget(stats.progress)
    plot = stats.charts["days"]
    where = plot.viewport().mapTo(stats, plot.viewport().rect().center())
    QTest.mouseClick(stats.windowHandle(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, where)
    qtbot.waitUntil(lambda: getattr(plot, "menu", None) is not None and plot.menu.isVisible())
    entries = [a.text() for a in plot.menu.actions() if a.text()]
    assert entries == ["Save as PNG…", "Save as SVG…", "Show everything"]
    plot.menu.actions()[1].trigger()
    chooser = _open_chooser(stats)
    assert chooser is not None and chooser.selectedNameFilter() == "SVG drawing (*.svg)"
    chooser.reject()
    plot.menu.close()
    missing = tmp_path / "no-such-folder" / "plot.png"
    with pytest.raises(AnnotatorError) as refused:
        save_plot(plot, missing)
    assert str(missing) in refused.value.message


def test_plots_hover_box_is_left_out_of_a_saved_plot(qtbot, one_day, tmp_path):
    dialog = _agreement(qtbot, one_day)
    dialog.tabs.setCurrentWidget(dialog.kappa_plot)
    assert _hover(qtbot, dialog.kappa_plot, 1.5, 0.5)
    from annotator.ui.plots import save_plot

    save_plot(dialog.kappa_plot, tmp_path / "kappa.svg")
    assert "token kappa" not in _svg_texts(tmp_path / "kappa.svg")
    assert dialog.kappa_plot.hover.label.isVisible()  # and back on screen after

