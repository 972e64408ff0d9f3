"""Reports of the core and the formats in the Arabic interface (issue 16): the
consistency check's findings, the warnings of an import and of an export, and why an
agreement figure could not be computed are told in Arabic, with nothing in Latin script
but what they name (label codes, annotators, documents, ids, file names, tool and format
names). The projects are made by a second process (``tests/report_corpora.py``) and
checked, imported and exported by the window's own workers; the English interface shows
the words the command line prints (``tests/test_cli_reports.py``)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.ui.app import open_window
from tests import report_corpora as corpora
from tests.ui.test_arabic_ui import latin_words

ARABIC = re.compile(r"[\u0600-\u06FF]")
# What the reports name that is no English word: the tools and formats they are about,
# brat's line kinds and the CR LF of its bug report, Prodigy's answer codes.
NAMES = {"brat", "nlplab", "AnnotatorNotes", "JSONL", "CoNLL", "BIO", "Prodigy", "accept", "reject", "ignore",
         "CR", "LF", "annotation.conf", "SHA-256"}
# A damaged row is named by its table, key and field (SQL names), with the command that
# restores a backup and the backup's time (UTC); the planted damage is the text 'x'.
DAMAGE = {"documents", "spans", "id", "text", "start", "annotator", "restore", "UTC", "x"}


def codes_of(path: Path) -> set[str]:
    """Every code a report on ``path`` may name: labels, roles, attributes and their
    values, annotators, documents and item ids."""
    from annotator.storage import ProjectStore

    store = ProjectStore.open(path, read_only=True)
    try:
        schema = store.schema
        codes = set(schema.labels) | set(store.annotators()) | set(store.document_ids())
        codes |= {role for label in schema.labels.values() for role in label.roles}
        codes |= {name for name in schema.attributes} | {
            value for a in schema.attributes.values() for value in a.values}
    finally:
        store.close()
    codes |= {f"{prefix}{n}" for prefix in "TEA" for n in range(1, 20)}
    return codes | {part for code in list(codes) for part in code.split("/")} | NAMES


def window_on(qtbot, path: Path, annotator: str = "amal"):
    window = open_window(path, annotator)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def tooltip_text(tooltip: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", tooltip or ""))


def panel_texts(panel) -> list[str]:
    """Every cell and tooltip of the findings and of their places."""
    model, texts = panel.model, []
    for row in range(model.rowCount()):
        finding = model.index(row, 0)
        texts += [model.data(finding.siblingAtColumn(c)) for c in range(model.columnCount())]
        texts.append(tooltip_text(model.data(finding, Qt.ItemDataRole.ToolTipRole)))
        for place in range(model.rowCount(finding)):
            texts += [model.data(model.index(place, c, finding)) for c in range(model.columnCount())]
    return texts


def run_check(qtbot, window) -> list:
    panel = window.check_panel
    window.docks["check"].show()
    panel.everyone.setChecked(True)
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.worker is None and panel.run_button.isEnabled(), timeout=30000)
    return panel.model.findings


def test_arabic_reports_check_panel_tells_every_finding_in_arabic(qtbot, tmp_path, arabic):
    path = corpora.check_project(tmp_path)
    window = window_on(qtbot, path)
    findings = run_check(qtbot, window)
    assert {f.kind for f in findings} == {"damaged", "label", "unlabelled", "boundary", "event", "attribution",
                                         "convention"}
    texts = panel_texts(window.check_panel)
    assert latin_words("\n".join(texts), codes_of(path) | DAMAGE | {path.stem}) == []
    tips = {f.kind + f.subject: tooltip_text(window.check_panel.model.data(
        window.check_panel.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)) for row, f in enumerate(findings)}
    assert all(ARABIC.search(re.sub("«[^»]*»", "", tip)) for tip in tips.values()), tips
    assert "بوسوم مختلفة" in tips["labelحلب"] and "لدى موسِّم واحد" in tips["labelحلب"]
    assert "بين الموسِّمين" in tips["labelدمشق"]
    assert "تعذّرت قراءة وسوم" in tips["damagedd13"]  # rami's labels, and the row's own reason in Arabic
    assert "يشمل سابقةً" in tips["conventionوبيروت"]
    events = [model_row for model_row, f in enumerate(findings) if f.kind == "event"]
    subjects = {window.check_panel.model.data(window.check_panel.model.index(row, 1)) for row in events}
    assert any("أي معمول" in subject for subject in subjects), subjects  # not "any argument"


def test_arabic_reports_check_panel_names_labels_and_roles_as_the_schema_does_in_arabic(qtbot, tmp_path, arabic):
    """The labels and event roles a finding names read in Arabic, as the schema and the
    annotation list call them, not as codes (the English panel keeps the codes, as the
    command line prints them: ``test_arabic_reports_english_panel_shows_...``)."""
    path = corpora.check_project(tmp_path)
    window = window_on(qtbot, path)
    findings = run_check(qtbot, window)
    model = window.check_panel.model
    rows = {(f.kind, str(f.subject)): model.index(row, 0) for row, f in enumerate(findings)}

    def cell(key: tuple[str, str], column: int, place: int | None = None) -> str:
        index = rows[key] if place is None else model.index(place, 0, rows[key])
        return model.data(index.siblingAtColumn(column))

    def tip(key: tuple[str, str]) -> str:
        return tooltip_text(model.data(rows[key], Qt.ItemDataRole.ToolTipRole))

    attack = ("event", "Conflict.Attack/Attacker")
    assert (cell(attack, 1), cell(attack, 2), cell(attack, 2, place=0)) == ("هجوم/المهاجِم", "هجوم", "هجوم")
    assert tip(attack) == "أحداث هجوم بلا معمول المهاجِم (العدد: 1)"
    assert cell(("event", "Life.Die/any argument"), 1) == "وفاة/أي معمول"
    aleppo = ("label", "حلب")
    assert cell(aleppo, 2) == "كيان جغرافي سياسي، موقع"
    assert "بوسوم مختلفة: كيان جغرافي سياسي (العدد: 1)، موقع (العدد: 1)" in tip(aleppo)
    assert "(وُسِم كيان جغرافي سياسي في مواضع أخرى)" in tip(("unlabelled", "القاهرة"))


def test_arabic_reports_include_convention_finding_in_arabic(qtbot, tmp_path, arabic):
    path = corpora.include_project(tmp_path)
    window = window_on(qtbot, path)
    assert [f.kind for f in run_check(qtbot, window)] == ["convention"]
    texts = panel_texts(window.check_panel)
    assert latin_words("\n".join(texts), codes_of(path)) == []
    assert any("يُسقط سوابق" in text for text in texts if text)


def test_arabic_reports_english_panel_shows_the_command_lines_words(qtbot, tmp_path):
    path = corpora.check_project(tmp_path)
    window = window_on(qtbot, path)
    findings = run_check(qtbot, window)
    model = window.check_panel.model
    tips = [tooltip_text(model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)) for row in range(len(findings))]
    assert "«حلب» is labelled GPE 1x, LOC 1x, by one annotator (amal)" in tips
    assert "Life.Die events without any argument (1x)" in tips
    assert {model.data(model.index(row, 1)) for row in range(len(findings))} >= {"Life.Die/any argument", "source"}


def _status_after(qtbot, window, worker) -> str:
    with qtbot.waitSignal(worker.signals.finished, timeout=30000):
        pass
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()))
    return window.statusBar().currentMessage()


def test_arabic_reports_import_warnings_in_arabic(qtbot, tmp_path, seed_project, arabic, capfd):
    from annotator.ui.transfer import ImportOptions, start_import

    window = window_on(qtbot, seed_project)
    files = [corpora.brat_folder(tmp_path), corpora.prodigy_file(tmp_path)]
    message = _status_after(qtbot, window, start_import(window, files, ImportOptions()))
    assert "لم يُستورد" in message and "مهام Prodigy غير المقبولة" in message, message
    assert "aleppo.ann" in message and "visit.ann" in message  # the files named, as they are
    assert latin_words(message, codes_of(seed_project) | {"aleppo", "visit", "ann"}) == []
    assert "warning" not in capfd.readouterr().err


@pytest.mark.parametrize("options", [
    {"fmt": "brat"},
    {"fmt": "conll", "layers": ["entity"], "align": "contract"},
])
def test_arabic_reports_export_warnings_in_arabic(qtbot, tmp_path, arabic, options):
    from annotator.formats.registry import ExportOptions
    from annotator.ui.transfer import start_export

    path = corpora.export_project(tmp_path)
    window = window_on(qtbot, path)
    target = tmp_path / "out" / ("brat" if options["fmt"] == "brat" else "out.conll")
    message = _status_after(qtbot, window, start_export(window, target, ExportOptions(**options)))
    warnings = "تحذيرات عددها 12" if options["fmt"] == "brat" else "تحذيرات عددها 4"
    assert warnings in message, message
    assert latin_words(message, codes_of(path) | {"amal_omar"}) == [], message  # the folder written
    if options["fmt"] == "conll":
        assert "التضييق" in message and "إسناد" in message  # the alignment and the layer, in words


def test_arabic_reports_agreement_says_why_a_figure_is_missing(qtbot, tmp_path, arabic):
    from annotator.ui.agreement_view import AgreementDialog

    path = corpora.agreement_project(tmp_path)
    window = window_on(qtbot, path)
    dialog = AgreementDialog(window.project_path, window.adjudicate_document, window)
    qtbot.addWidget(dialog)
    messages: list[str] = []
    worker = dialog.compute()
    worker.signals.progress.connect(lambda _done, _total, message: messages.append(message))
    with qtbot.waitSignal(worker.signals.finished, timeout=30000):
        pass
    qtbot.waitUntil(lambda: dialog.report is not None)
    summary = dialog.summary.toPlainText()
    assert "لماذا تعذّر حساب بعض الأرقام" in summary
    assert "لم يضع \u2066omar\u2069 ولا \u2066rami\u2069 أي فعل إسناد" in summary
    tips = [tooltip_text(dialog.documents.item(r, c).toolTip())
            for r in range(dialog.documents.rowCount()) for c in range(2, 6)]
    assert any("لم يضع أي موسِّم مقطع كيان" in tip for tip in tips), tips
    assert any("لا تظهر إلا فئة واحدة" in tip for tip in tips), tips  # all O: chance agreement is total
    codes = codes_of(path) | {"O"}
    assert latin_words("\n".join([summary, *tips, *messages]), codes) == []
    QApplication.processEvents()


# spaCy's and the tools' own names in their warnings: the .spacy file, its span group and
# entities (code), the doccano shape the sequence export points to.
TOOL_NAMES = {"spaCy", "spacy", "doc.spans", "doc.ents", "sc", "doccano", "doccano-relations"}


@pytest.mark.parametrize("options", [
    {"fmt": "prodigy"},
    {"fmt": "prodigy", "align": "expand"},
    {"fmt": "doccano"},
    {"fmt": "doccano-relations"},
    {"fmt": "spacy"},
    {"fmt": "spacy", "align": "expand"},
    {"fmt": "spacy", "align": "contract"},
])
def test_arabic_reports_tool_export_warnings_in_arabic(qtbot, tmp_path, arabic, options):
    """Prodigy, doccano and spaCy exports of work they cannot hold whole (an event and an
    attribution, nested spans, a span inside a word, spans on a line break) warn in Arabic."""
    from annotator.formats.registry import ExportOptions
    from annotator.ui.transfer import start_export

    if options["fmt"] == "spacy":
        pytest.importorskip("spacy")
    path = corpora.export_project(tmp_path)
    window = window_on(qtbot, path)
    target = tmp_path / "out" / ("out.spacy" if options["fmt"] == "spacy" else "out.jsonl")
    target.parent.mkdir()
    message = _status_after(qtbot, window, start_export(window, target, ExportOptions(**options)))
    assert "تحذيرات عددها" in message, message
    assert "لم يُصدَّر" in message and "من الأحداث" in message, message  # what the shape has no place for
    assert latin_words(message, codes_of(path) | TOOL_NAMES | {"out"}) == [], message
    align = options.get("align", "split")
    if options["fmt"] in ("prodigy", "spacy"):
        assert {"split": "القطع", "expand": "التوسيع", "contract": "التضييق"}[align] in message, message
    if options["fmt"] == "spacy":
        assert "doc.ents" in message and "أبعدها" in message, message
