from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from annotator.ui import i18n


def test_i18n_every_ui_string_has_an_arabic_translation():
    translations = i18n.read_ts(i18n.ts_path("ar"))
    missing = [s for s in i18n.source_strings() if not translations.get(s)]
    assert not missing, missing


def test_i18n_compiled_translations_are_up_to_date(tmp_path):
    fresh = tmp_path / "fresh.qm"
    i18n.compile_qm(i18n.ts_path("ar"), fresh)
    assert fresh.read_bytes() == i18n.ts_path("ar").with_suffix(".qm").read_bytes()


def test_i18n_placeholders_survive_translation():
    import re

    for source, text in i18n.read_ts(i18n.ts_path("ar")).items():
        assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", text)), source


def test_i18n_arabic_interface_is_mirrored_and_translated(qtbot, seed_project):
    from annotator.ui.app import apply_ui_direction, open_window

    app = QApplication.instance()
    QSettings().setValue("ui/language", "ar")
    try:
        apply_ui_direction(app)
        window = open_window(seed_project, "amal")
        qtbot.addWidget(window)
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        menus = [a.text() for a in window.menuBar().actions()]
        assert "&ملف" in menus and "&تحرير" in menus
        assert window.docks["documents"].windowTitle() == "المستندات"
        assert window.documents_model.headerData(0, Qt.Orientation.Horizontal) == "العنوان"
        assert "شخص" in window.palette.buttons["PER"].text()  # schema names in the UI language
    finally:
        QSettings().setValue("ui/language", "en")
        apply_ui_direction(app)
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
