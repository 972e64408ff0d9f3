"""The Arabic interface as an Arabic-speaking annotator meets it (issue 16): no English
words left in menus, docks, palette, shortcuts, help, lists and dialogs; keys and codes
that read in order; a shortcuts window that fits a small screen; File > Open that
shows every project the CLI makes; right-click keys; the hint and the cue's panel."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu

from annotator.core.schema import part_label
from annotator.ui.app import apply_ui_direction, open_window
from tests.helpers import at
from tests.ui.conftest import drag_select, panels_follow
from tests.ui.test_agreement_view import computed_agreement

LRI, PDI = "\u2066", "\u2069"
KEY_NAMES = {"ctrl", "shift", "alt", "meta", "tab", "esc", "del", "backspace", "pgup", "pgdown", "return",
             "enter", "space", "ins", "home", "end", "up", "down", "left", "right"}
LIBRARIES = {"PySide6", "camel-tools", "sqlite-utils", "pyqtgraph", "SQLite", "ANERcorp"}  # and a corpus
TERMS = {"F1"}  # the measure's own name, as Arabic texts write it
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]*")


def latin_words(text: str, codes: set[str]) -> list[str]:
    """The Latin-script words in ``text`` other than label codes, keys, numbers, version
    strings, library names and file paths."""
    text = re.sub(r"(?<!\w)/\S+", " ", text.replace("&", ""))  # paths: the user's own
    found = []
    for token in re.split(r"[\s,;:()«»·/\\\u2066\u2069]+", text):
        for part in (p for p in token.split("+") if p):
            for word in LATIN_WORD.findall(part):
                if (word in codes or word in LIBRARIES or word in TERMS or word.lower() in KEY_NAMES
                        or re.fullmatch(r"F\d{1,2}|[A-Z]", word) or word.split(".")[0] in codes):
                    continue
                found.append(word)
    return found


def test_arabic_ui_checker_finds_english_words_and_lets_codes_and_keys_pass():
    codes = {"PER", "Life.Be-Born"}
    assert latin_words("شخص · \u2066PER\u2069 \u2066Ctrl+Shift+PgDown\u2069 \u2066F1\u2069", codes) == []
    assert latin_words("PySide6 6.8.0 · /root/.config/x.ini · ولادة Life.Be-Born Alt+B", codes) == []
    assert latin_words("select + label key", codes) == ["select", "label", "key"]
    assert latin_words("التقدّم in_progress", codes) == ["in_progress"]


@pytest.fixture
def arabic_window(qtbot, seed_project):
    app = QApplication.instance()
    QSettings().setValue("ui/language", "ar")
    apply_ui_direction(app)
    try:
        window = open_window(seed_project, "amal")
        qtbot.addWidget(window)
        window.resize(1300, 740)
        window.show()
        qtbot.waitExposed(window)
        yield window
    finally:
        QSettings().setValue("ui/language", "en")
        apply_ui_direction(app)


def _menu_texts(menu: QMenu) -> list[str]:
    texts = []
    for action in menu.actions():
        if action.text():
            texts.append(action.text())
        if action.menu():
            texts += _menu_texts(action.menu())
    return texts


def _codes(window) -> set[str]:
    """What the data names in Latin letters: label codes, the annotator."""
    return {*window.workspace.schema.labels, window.own_name, "badr", "carim"}


def _english(window, texts: list[str]) -> dict[str, list[str]]:
    codes = _codes(window)
    return {text: words for text in texts if (words := latin_words(text, codes))}


def _label(qtbot, window, phrase: str, key: str, after: str = "") -> None:
    start, end = at(window.view.text, phrase, after)
    drag_select(qtbot, window.view, start, end)
    window.controller.apply_label(key)


def test_arabic_ui_menus_docks_palette_shortcuts_and_help_have_no_english_words(qtbot, arabic_window):
    from annotator.ui.help_dialogs import about_text, getting_started_text
    from annotator.ui.shortcuts import shortcut_rows

    window = arabic_window
    texts = []
    for action in window.menuBar().actions():
        texts.append(action.text())
        texts += _menu_texts(action.menu())
    texts += [dock.windowTitle() for dock in window.docks.values()]
    texts += [button.text() for button in window.palette.buttons.values()]
    texts += [cell for row in shortcut_rows(window) for cell in row]
    texts += [about_text(window), getting_started_text()]
    assert len(texts) > 100
    assert _english(window, texts) == {}
    about = about_text(window)
    assert all(name in about for name in ("PySide6", "camel-tools", "sqlite-utils", "pyqtgraph", "SQLite"))
    assert "0.1.0" in about and QSettings().fileName() in about and ".backups" in about


def test_arabic_ui_dock_titles_are_distinct(arabic_window):
    titles = [dock.windowTitle() for dock in arabic_window.docks.values()]
    assert len(set(titles)) == len(titles), titles
    view_menu = next(a.menu() for a in arabic_window.menuBar().actions() if a.text() == "&عرض")
    toggles = [a.text() for a in view_menu.actions() if a.isCheckable()]
    assert len(set(toggles)) == len(toggles) >= len(titles)


def test_arabic_ui_palette_and_shortcut_keys_are_isolated_so_they_read_in_order(arabic_window):
    from annotator.ui.shortcuts import shortcut_rows

    text = arabic_window.palette.buttons["PER"].text()
    assert text.startswith(f"{LRI}P{PDI}") and f"{LRI}PER{PDI} · شخص" in text
    keys = dict((what, keys) for keys, what in shortcut_rows(arabic_window))
    zoom_in = next(k for w, k in keys.items() if w.startswith("تكبير"))
    assert f"{LRI}Ctrl++{PDI}" in zoom_in


def test_arabic_ui_lists_statistics_agreement_and_adjudication_words(qtbot, arabic_window):
    from annotator.ui.adjudication import AGREEMENT_TEXT
    from annotator.ui.i18n import tr
    from annotator.ui.stats_view import StatsDialog

    window = arabic_window
    _label(qtbot, window, "حلب", "LOC", "غربي مدينة")
    panels_follow(qtbot, window)
    model = window.annotations_model
    shown = [model.index(0, c).data() for c in (2, 3)]
    assert shown == [window.workspace.schema.labels["LOC"].ar, "كيان"]
    span = window.workspace.annotations.spans[0]
    assert model.index(0, 0).data() == f"{LRI}{span.start}–{span.end}{PDI}"  # not "end–start" in RTL
    assert _english(window, shown) == {}
    stats = StatsDialog(window.workspace.store, "amal", window)
    qtbot.addWidget(stats)
    texts = [chart.getPlotItem().titleLabel.text for chart in stats.charts.values()]
    texts += stats.charts["status"].names + [stats.tabs.tabText(i) for i in range(stats.tabs.count())]
    assert "قيد العمل" in texts and _english(window, texts) == {}
    dialog = computed_agreement(qtbot, window, ("badr", "carim"), unfinished=True)
    report = dialog.summary.toPlainText()
    assert "badr" in report and "carim" in report and "0.000" not in report.split("\n")[0]
    assert _english(window, [report, *(dialog.tabs.tabText(i) for i in range(dialog.tabs.count()))]) == {}
    assert {tr(w) for w in AGREEMENT_TEXT.values()} == {"الكلّ", "بعضهم", "تعارض"}


def test_arabic_ui_qt_dialogs_are_translated_too(arabic_window):
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    assert QCoreApplication.translate("QFileDialog", "Files of type:") != "Files of type:"


def test_arabic_ui_shortcuts_window_fits_a_small_screen_scrolls_and_filters(qtbot, arabic_window):
    from annotator.ui.app import shortcuts_dialog

    qtbot.keyClick(arabic_window, Qt.Key.Key_F1)
    dialog = arabic_window.open_dialogs.get("shortcuts") or (shortcuts_dialog(arabic_window)
                                                             or arabic_window.open_dialogs["shortcuts"])
    qtbot.waitExposed(dialog)
    size = dialog.frameGeometry().size()
    assert size.width() <= 1366 and size.height() <= 768 - 40, size
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    all_rows = dialog.visible_rows()
    assert len(all_rows) > 40 and dialog.table.verticalScrollBar().maximum() > 0
    dialog.filter.setText("تكبير")  # as typed (QTest cannot type Arabic letters)
    shown = dialog.visible_rows()
    assert shown and len(shown) < 5 and all("تكبير" in what for _, what in shown)
    dialog.filter.setText("Ctrl+D")
    assert any("منجز" in what for _, what in dialog.visible_rows())
    dialog.filter.clear()
    assert dialog.visible_rows() == all_rows


def test_open_dialog_lists_every_project_suffix_and_opens_an_init_db(qtbot, seed_project, tmp_path, monkeypatch):
    import fnmatch

    from PySide6.QtWidgets import QFileDialog

    from annotator.ui import app as ui_app

    window = open_window(seed_project, "amal")  # closed and deleted when the other project opens
    window.show()
    project = tmp_path / "P.db"
    subprocess.run([sys.executable, "-m", "annotator", "init", str(project)], check=True, capture_output=True)
    seen = []

    def choose(parent, title, folder, filters):  # the user picks P.db under the offered filter
        seen.append(filters)
        return str(project), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    ui_app.open_project_dialog(window)
    first, *rest = seen[0].split(";;")
    patterns = re.findall(r"\*\.\w+", first)
    assert {"*.sqlite", "*.db", "*.annotator"} <= set(patterns)
    assert any(fnmatch.fnmatch(project.name, p) for p in patterns)
    assert rest and "(*)" in rest[-1]
    opened = [w for w in ui_app._windows if w.project_path == project]
    assert opened and opened[-1].isVisible()
    qtbot.addWidget(opened[-1])


def test_context_menu_delete_and_argument_show_their_keys(qtbot, window):
    from annotator.ui.context_menu import context_menu

    event_label = next(label for label in window.workspace.schema.labels_in("event") if label.hotkey)
    _label(qtbot, window, "استهداف", event_label.name)
    span = window.workspace.annotations.spans[0]
    window.workspace.set_current(span)
    menu = context_menu(window, span.start + 1)
    entries = {a.text().split("\t")[0]: a.text() for a in menu.actions() if a.text()}
    assert entries["Delete"].split("\t")[1] == "Del"
    assert entries["Add argument…"].split("\t")[1] == "Ctrl+R"


def test_clitic_hint_goes_once_a_label_is_made(qtbot, window):
    start, end = at(window.view.text, "لقوات النظام")
    drag_select(qtbot, window.view, start, end)
    assert "Ctrl+K" in window.statusBar().currentMessage()
    qtbot.keyClick(window.view, Qt.Key.Key_O)  # labelled with its proclitic: the offer is moot
    assert window.workspace.annotations.spans
    assert "Ctrl+K" not in window.statusBar().currentMessage()


def test_marking_a_cue_brings_the_attributions_panel_forward(qtbot, window):
    cue = part_label("cue")
    docks = window.docks
    docks["events"].raise_()
    qtbot.wait(10)
    assert docks["attributions"].visibleRegion().isEmpty()  # tabbed behind the events
    phrase = next(w for w in ("قال", "أعلن", "ذكر", "أفاد", "أكد") if w in window.view.text)
    _label(qtbot, window, phrase, cue)
    assert window.workspace.annotations.attributions
    qtbot.waitUntil(lambda: not docks["attributions"].visibleRegion().isEmpty(), timeout=2000)


def test_arabic_ui_names_event_roles_and_attribution_parts_in_arabic(qtbot, arabic_window):
    window = arabic_window
    _label(qtbot, window, "قوات النظام", "ORG")
    _label(qtbot, window, "استهداف", "Conflict.Attack")
    ws = window.workspace
    (event,) = ws.annotations.events
    target = next(s for s in ws.annotations.spans if s.label == "ORG")
    ws.push(ws.editor().set_argument(event.id, "Target", target.id))
    ws.set_current(ws.annotations.events[0])
    window.view.viewport().repaint()
    tags = [tag.text for tag in window.view.drawn_tags]
    assert "الهدف" in tags and _english(window, tags) == {}
    panels_follow(qtbot, window)
    tree = window.events_panel.tree
    roles = [tree.topLevelItem(0).child(i).text(0) for i in range(tree.topLevelItem(0).childCount())]
    assert roles == ["الهدف"]


def test_language_switch_applies_at_once_on_the_same_document(qtbot, seed_project):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QInputDialog

    from annotator.ui.app import language_dialog

    window = open_window(seed_project, "amal")  # closed (and deleted) by the switch itself
    window.show()
    document = window.workspace.document.id

    def choose(language: str) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue(language)
        dialog.accept()

    app = QApplication.instance()
    try:
        QTimer.singleShot(100, lambda: choose("العربية"))
        arabic = language_dialog(window)
        assert arabic is not window and arabic.isVisible()
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        menus = [a.text() for a in arabic.menuBar().actions()]
        assert _english(arabic, menus) == {} and any("ملف" in m for m in menus)
        assert arabic.workspace.document.id == document
        QTimer.singleShot(100, lambda: choose("English"))
        english = language_dialog(arabic)
        qtbot.addWidget(english)
        assert "File" in [a.text().replace("&", "") for a in english.menuBar().actions()]
        assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        QSettings().setValue("ui/language", "en")
        apply_ui_direction(app)


def test_arabic_ui_annotation_list_and_events_show_their_text_whole_at_1366(qtbot, arabic_window):
    """The annotation list's text, label and position side by side in its dock (the
    text was scrolled out of view, the position cut at the dock's edge), and the
    Events panel's "E1 Conflict.Attack" unelided."""
    window = arabic_window
    window.resize(1366, 768)
    _label(qtbot, window, "قوات النظام", "ORG")
    _label(qtbot, window, "استهداف", "Conflict.Attack")
    panels_follow(qtbot, window)
    table = window.annotations_table
    header, width = table.horizontalHeader(), table.viewport().width()
    for column in (0, 1, 2):  # position, text, label
        left = header.sectionViewportPosition(column)
        assert not table.isColumnHidden(column) and left >= 0 and left + header.sectionSize(column) <= width, column
    assert header.sectionSize(1) >= 100  # the text has room
    tree = window.events_panel.tree
    top = tree.topLevelItem(0)
    assert tree.columnWidth(0) >= tree.fontMetrics().horizontalAdvance(top.text(0))


def test_arabic_ui_inspector_shows_attribute_values_in_arabic_and_stores_the_schemas(qtbot, arabic_window,
                                                                                     seed_project):
    from tests.ui.conftest import stored

    window = arabic_window
    _label(qtbot, window, "استهداف", "Conflict.Attack")
    panels_follow(qtbot, window)
    box = window.inspector._boxes["polarity"]
    shown = [box.itemText(i) for i in range(box.count())]
    assert _english(window, shown) == {} and "مثبت" in shown
    box.setCurrentIndex(box.findText("منفي"))
    (event,) = stored(seed_project).events
    assert event.attributes == {"polarity": "Negative"}


FORMATS_AND_CODES = {"jsonl", "conll", "brat", "spacy", "doccano", "doccano-relations", "prodigy", "txt",
                     "bio", "bioes", "bilou", "iob2", "UTF-8", "UTF-16", "cp1256", "utf-8", "utf-16", "BOM",
                     "PNG", "SVG", "CSV", "JSON", "JSONL", "CoNLL", "spaCy", "Prodigy", "doccano", "brat",
                     "gold", "aqmar", "demo", "I-", "u"}  # "I-" a tag prefix; "u" of αu, the measure


def _shown_texts(widget) -> list[str]:
    """Every text a widget and its children show: titles, labels, buttons, list and
    combo items, headers, tabs, placeholders."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QHeaderView,
        QLabel,
        QLineEdit,
        QTabWidget,
    )

    texts = [widget.windowTitle()]
    for child in widget.findChildren(QLabel):
        texts.append(child.text())
    for child in widget.findChildren(QAbstractButton):
        texts.append(child.text())
    for child in widget.findChildren(QComboBox):
        texts += [child.itemText(i) for i in range(child.count())]
    for child in widget.findChildren(QGroupBox):
        texts.append(child.title())
    for child in widget.findChildren(QTabWidget):
        texts += [child.tabText(i) for i in range(child.count())]
    for child in widget.findChildren(QLineEdit):
        texts.append(child.placeholderText())
    for header in widget.findChildren(QHeaderView):
        model = header.model()
        if model is not None:
            texts += [str(model.headerData(i, header.orientation()) or "") for i in range(header.count())]
    return [t for t in texts if t]


def test_arabic_ui_every_dialog_speaks_arabic_and_fits_1366_by_768(qtbot, arabic_window):
    from annotator.ui import help_dialogs
    from annotator.ui.agreement_view import AgreementDialog
    from annotator.ui.concordance import open_concordance
    from annotator.ui.dialogs import PickSpanDialog, SpanChoice
    from annotator.ui.notes_panel import NoteDialog
    from annotator.ui.other_annotator import AnnotatorViewer
    from annotator.ui.shortcuts import ShortcutsDialog, shortcut_rows
    from annotator.ui.stats_view import StatsDialog
    from annotator.ui.transfer import ExportOptionsDialog, ImportOptionsDialog

    window = arabic_window
    store = window.workspace.store
    codes = _codes(window) | FORMATS_AND_CODES
    dialogs = {
        "import": ImportOptionsDialog(window),
        "export": ExportOptionsDialog(["amal"], window),
        "statistics": StatsDialog(store, "amal", window),
        "agreement": AgreementDialog(window.project_path, window.adjudicate_document, window),
        "shortcuts": ShortcutsDialog(shortcut_rows(window), window),
        "about": help_dialogs.TextDialog("عن", help_dialogs.about_text(window), window),
        "argument": PickSpanDialog("معامل", {"Target": [SpanChoice("ORG: …قوات النظام… — السطر 3", span_id="T1")]},
                                   window),
        "note": NoteDialog("ملاحظة", "", window),
        "annotator": AnnotatorViewer(window.workspace, ["badr"], window),
        "concordance": open_concordance(window),
    }
    problems = {}
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.adjustSize()
        size = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
        if size.width() > 1366 or size.height() > 768:
            problems[name] = f"{size.width()}x{size.height()}"
        english = _english_in(_shown_texts(dialog), codes)
        if english:
            problems[name + " texts"] = english
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


def _english_in(texts: list[str], codes: set[str]) -> dict[str, list[str]]:
    return {text: words for text in texts if (words := latin_words(text, codes))}
