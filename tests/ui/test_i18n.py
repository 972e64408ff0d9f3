from __future__ import annotations

import re

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


# --- the error messages of core, storage, formats and nlp (issue 16) --------------------
_OTHERS = {"formats/spacy_docbin.py", "formats/tools.py", "formats/token_columns.py",
           "nlp/word_offsets.py", "nlp/tokens.py", "core/search.py"}  # not converted yet


def _sample_values(template: str) -> dict[str, object]:
    """A value per field that shows in the text: a number where the field is formatted
    as one, else a marker word."""
    import string

    values: dict[str, object] = {}
    for _, name, spec, _ in string.Formatter().parse(template):
        if name is not None and not name.isidentifier():
            raise ValueError(name)  # '{"target": ...}': a literal message, never formatted
        if name is not None:
            values[name] = 1000 + len(values) if spec else f"VALUE{len(values)}"
    return values


def test_i18n_every_error_template_is_translated_and_keeps_its_values():
    import string

    from annotator.errors import Phrase

    translations = i18n.read_ts(i18n.ts_path("ar"))
    templates = i18n.error_templates()
    assert "the disk is full: nothing of this change was saved; free some space" in templates
    assert "{file}:{line}" in templates and "1 span" in templates and "{count} spans" in templates
    assert len(templates) > 250
    for template in templates:
        arabic = translations.get(template)
        assert arabic, f"no Arabic translation of {template!r}"
        try:
            values = _sample_values(template)
        except ValueError:  # a literal message with braces of its own, never formatted
            continue
        english = Phrase(template, values)
        shown = english.render(lambda t: translations.get(t) or t)
        words = "".join(literal for literal, *_ in string.Formatter().parse(template))
        if any(c.isalpha() for c in words):  # not "{where}: {message}", which has none
            assert any("\u0600" <= c <= "\u06ff" for c in shown), template
        for name, value in values.items():
            assert (f"{value:,}" if isinstance(value, int) else str(value)) in shown, (template, name)


def test_i18n_error_messages_are_templates_not_built_strings():
    """Every message of the family outside the interface is a constant template (or a
    Phrase, or a value passed on): an f-string or a sum of strings could not be translated."""
    import ast
    from pathlib import Path

    import annotator

    package = Path(annotator.__file__).parent
    family = i18n._error_classes([ast.parse(p.read_text(encoding="utf-8")) for p in package.rglob("*.py")])
    built = []
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        if name.startswith("ui/") or name in _OTHERS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and i18n._called(node) in family | {"Phrase"} and node.args
                    and isinstance(node.args[0], ast.JoinedStr | ast.BinOp)):
                built.append(f"{name}:{node.lineno}")
    assert built == []


def test_i18n_every_template_is_a_literal_the_catalogue_collects():
    """A ``Phrase`` or ``counted`` given its template through a variable is never
    collected, so it would stay English in every language: outside the interface each
    template is written where it is used (a few constants that are Phrases already and
    the family's own plumbing aside)."""
    import ast
    from pathlib import Path

    import annotator

    passed_on = {"errors.py": {"message", "one if count == 1 else many", "str(data['template'])"},
                 "storage/backup.py": {"RESTORE_HOW"}}  # str(...): a Phrase made again from its data
    package = Path(annotator.__file__).parent
    hidden = []
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        if name.startswith("ui/") or name in _OTHERS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or i18n._called(node) not in ("Phrase", "counted"):
                continue
            templates = node.args[:1] if i18n._called(node) == "Phrase" else node.args[1:3]
            for template in templates:
                if not isinstance(template, ast.Constant) and ast.unparse(template) not in passed_on.get(name, ()):
                    hidden.append(f"{name}:{node.lineno}: {ast.unparse(template)}")
    assert hidden == []


def test_i18n_a_compiled_catalogue_is_put_in_place_whole(tmp_path):
    """A window has the Arabic catalogue open while a developer compiles it again: the
    window goes on reading the words it loaded (before, they turned English mid-session)."""
    ts, qm = tmp_path / "annotator_ar.ts", tmp_path / "annotator_ar.qm"
    i18n.write_ts(ts, "ar", {"Open": "افتح"}, ["Open"])
    i18n.compile_qm(ts, qm)
    loaded = qm.read_bytes()
    with qm.open("rb") as held:
        i18n.write_ts(ts, "ar", {"Open": "فتح"}, ["Open"])
        i18n.compile_qm(ts, qm)
        assert held.read() == loaded
    assert qm.read_bytes() != loaded and not list(tmp_path.glob(".*partial"))


def test_i18n_qts_file_dialog_speaks_arabic_where_its_catalogue_is_silent(qtbot, arabic):
    """Qt's own Arabic catalogue lacks the dialog's "&Look in:" and "Files of &type:";
    the rest of it (and ours) still answers."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "x")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert len(labels) == 3 and not any(re.search("[A-Za-z]", label) for label in labels), labels
    assert i18n.tr("Open project") != "Open project"  # ours still answers first


def test_i18n_no_arabic_count_stands_before_the_noun_it_counts():
    """An Arabic noun after a number agrees with it (مستند واحد، مستندان، ثلاثة مستندات،
    أحد عشر مستندًا): one form for every count read «استُورد 1 مستندًا». Counts are
    written after their noun («المستندات: {count}») or with «من» («{count} من المقاطع»)."""
    counted = re.compile(r"\{(count|done|n|documents|labels|spans)\} (مستند|وسم|اقتراح|مقطع|حدث|إسناد|نتيج)")
    translations = i18n.read_ts(i18n.ts_path("ar"))
    wrong = {source: text for source, text in translations.items() if text and counted.search(text)}
    assert wrong == {}
