"""Rows that break the file format's types, crafted with raw SQL (issue 10, items 16, 17).

A real project is made by ``annotator init`` and ``annotator import`` in other
processes; one row of it is then damaged with ``sqlite3`` (a NULL where the table says
NOT NULL is written through ``writable_schema``, the table's SQL put back after), and
``annotator stats|export|agreement`` run on it in another process.

The choice made for the command line: a damaged row, or a text changed behind its
SHA-256 (item 17), is an error (exit 1, one line naming the file, the table, the row
and the field, no traceback), in ``stats`` and ``agreement`` as in ``export``; they do
not skip the document with a warning: figures that silently leave out a document, or
read a damaged one, would be wrong without a word. The window instead keeps working:
one damaged document must not stop the user opening and labelling the others.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from annotator.errors import AnnotatorError
from tests.helpers import run_annotator as annotator

DEMO = Path(__file__).parents[2] / "corpora" / "aleppo-2020-02-02.demo.jsonl"
SHORT = "ذهب محمد إلى حلب أمس."  # d2, where most damage is done


@pytest.fixture(scope="module")
def sound_project(tmp_path_factory) -> Path:
    """Two documents, each done by two annotators (so agreement reads both)."""
    folder = tmp_path_factory.mktemp("crafted")
    demo = json.loads(DEMO.read_text(encoding="utf-8"))
    lines = []
    for name in ("amal", "ali"):
        lines.append({**demo, "annotator": name, "status": "done"})
        lines.append({"id": "d2", "text": SHORT, "annotator": name, "status": "done",
                      "spans": [{"id": "T1", "start": 4, "end": 8, "label": "PER"}]})
    source = folder / "two.jsonl"
    source.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    project = folder / "sound.db"
    for step in (("init", project), ("import", project, source)):
        done = annotator(*step)
        assert done.returncode == 0, done.stderr
    return project


def craft(sound: Path, folder: Path, sql: str, params: tuple = (), nullable: str | None = None) -> Path:
    """A copy of ``sound`` with ``sql`` run on it; ``nullable``: a table whose NOT NULL
    constraints are lifted for the statement and put back after (SQLite does not
    check rows already stored, as a crafted file would hold them)."""
    project = folder / "P.db"
    shutil.copy(sound, project)
    conn = sqlite3.connect(project)
    if nullable is None:
        conn.execute(sql, params)
        conn.commit()
    else:
        table_sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [nullable]).fetchone()[0]
        _set_table_sql(conn, nullable, table_sql.replace("NOT NULL", ""))
        conn.close()
        conn = sqlite3.connect(project)
        conn.execute(sql, params)
        conn.commit()
        _set_table_sql(conn, nullable, table_sql)
    conn.close()
    return project


def _set_table_sql(conn: sqlite3.Connection, table: str, sql: str) -> None:
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", [sql, table])
    conn.commit()
    conn.execute("PRAGMA writable_schema = OFF")


DEEP = "[" * 200_000 + "]" * 200_000
SPAN = "WHERE document_id = 'd2' AND annotator = 'ali' AND id = 'T1'"
SPAN_ROW = "table spans, row (annotator 'ali', id 'T1')"
EVENT = "WHERE document_id = 'aleppo-2020-02-02' AND annotator = 'ali' AND id = 'E1'"
EVENT_ROW = "document 'aleppo-2020-02-02', table events, row (annotator 'ali', id 'E1')"

# name: (sql, params, table made nullable, what the message must hold)
CASES = {
    "null label": (f"UPDATE spans SET label = NULL {SPAN}", (), "spans",
                   [SPAN_ROW, "field label", "found NULL"]),
    "empty label": (f"UPDATE spans SET label = '' {SPAN}", (), None,
                    [SPAN_ROW, "field label", "found text ''"]),
    "null attributes": (f"UPDATE spans SET attributes = NULL {SPAN}", (), "spans",
                        [SPAN_ROW, "field attributes", "found NULL"]),
    "attributes a list": (f"UPDATE spans SET attributes = '[1]' {SPAN}", (), None,
                          [SPAN_ROW, "field attributes", "a JSON object"]),
    "unknown status": ("UPDATE statuses SET status = 'pwned' WHERE document_id = 'd2' AND annotator = 'ali'",
                       (), None, ["document 'd2', table statuses, row (annotator 'ali'), field status",
                                  "found text 'pwned'"]),
    "start as text": (f"UPDATE spans SET start = 'abc' {SPAN}", (), None,
                      [SPAN_ROW, "field start", "found text 'abc'"]),
    "start as blob": (f"UPDATE spans SET start = x'0102' {SPAN}", (), None,
                      [SPAN_ROW, "field start", "found a blob of 2 bytes"]),
    "start as fraction": (f"UPDATE spans SET start = 4.5 {SPAN}", (), None,
                          [SPAN_ROW, "field start", "found the real number 4.5"]),
    "end 2**62": (f'UPDATE spans SET "end" = {2**62} {SPAN}', (), None,
                  [SPAN_ROW, "field end", f"found the integer {2**62}"]),
    "end past the text": (f'UPDATE spans SET "end" = 1000 {SPAN}', (), None,
                          [SPAN_ROW, "field end", "outside the text (0-21)"]),
    "arguments not pairs": (f"UPDATE events SET arguments = '[1, 2, 3]' {EVENT}", (), None,
                            [EVENT_ROW, "field arguments", "[role, span id] pairs"]),
    "arguments an object": (f"UPDATE events SET arguments = '{{\"Agent\": \"T1\"}}' {EVENT}", (), None,
                            [EVENT_ROW, "field arguments", "found a JSON object"]),
    "argument span NULL": (f"UPDATE events SET arguments = '[[\"Agent\", null]]' {EVENT}", (), None,
                           [EVENT_ROW, "field arguments", "[role, span id] pairs"]),
    "null event type": (f"UPDATE events SET type = NULL {EVENT}", (), "events",
                        [EVENT_ROW, "field type", "found NULL"]),
    "deep attributes": (f"UPDATE spans SET attributes = ? {SPAN}", (DEEP,), None,
                        [SPAN_ROW, "field attributes", "nested more than 100 levels"]),
    "deep meta": ("UPDATE documents SET meta = ? WHERE id = 'd2'", (DEEP,), None,
                  ["document 'd2', table documents, row (id 'd2'), field meta", "nested more than 100 levels"]),
    "tokens not offsets": ("UPDATE documents SET tokens = '[[[0, \"x\"]]]' WHERE id = 'd2'", (), None,
                           ["document 'd2', table documents, row (id 'd2'), field tokens"]),
    # item 17: the text changed behind its SHA-256
    "changed text": ("UPDATE documents SET text = ? WHERE id = 'd2'", (SHORT.replace("محمد", "أحمد"),), None,
                     ["document 'd2', table documents, row (id 'd2'), field text", "no longer matches the SHA-256"]),
}


def _check_refused(project: Path, done: subprocess.CompletedProcess, command: str, expected: list[str]) -> None:
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"annotator {command}: error: {project}"), last
    for fragment in expected:
        assert fragment in last, (fragment, last)


@pytest.mark.parametrize("case", list(CASES))
def test_crafted_row_is_a_clear_error_in_stats_export_and_agreement(sound_project, tmp_path, case):
    sql, params, nullable, expected = CASES[case]
    project = craft(sound_project, tmp_path, sql, params, nullable)
    _check_refused(project, annotator("stats", project), "stats", expected)
    _check_refused(project, annotator("agreement", project), "agreement", expected)
    out = tmp_path / "out.jsonl"
    _check_refused(project, annotator("export", project, "-o", out, "--format", "jsonl"), "export", expected)
    assert not out.exists()


def test_deep_schema_setting_is_a_clear_error(sound_project, tmp_path):
    project = craft(sound_project, tmp_path, "UPDATE settings SET value = ? WHERE key = 'schema'", (DEEP,))
    done = annotator("agreement", project)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert f"{project} (schema): JSON nested more than 100 levels deep" in done.stderr


def test_sound_project_gives_figures(sound_project):
    """The checks refuse damage only: the same project, undamaged, is read in full."""
    stats = annotator("stats", sound_project, "--json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["documents"] == 2
    agreement = annotator("agreement", sound_project, "--json")
    assert agreement.returncode == 0, agreement.stderr
    assert json.loads(agreement.stdout)["documents"] == 2


# --- the window -------------------------------------------------------------------
@pytest.fixture
def settings(tmp_path, qapp):
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("AnnotatorTests")
    QCoreApplication.setApplicationName("annotator-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    QSettings().setValue("annotator/name", "ali")


def _window(qtbot, project: Path):
    from annotator.ui.app import open_window

    window = open_window(project, "ali")
    qtbot.addWidget(window)
    window.resize(1300, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.documents_model.rowCount() > 0)  # listed after the first paint
    return window


def _spans_in_file(project: Path, document: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    try:
        return conn.execute('SELECT start, "end", label FROM spans WHERE document_id = ? AND annotator = ?',
                            [document, "ali"]).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("case", ["start as text", "end 2**62", "deep attributes", "unknown status",
                                  "deep meta", "changed text"])
def test_window_opens_and_labels_beside_a_damaged_document(sound_project, tmp_path, qtbot, settings, case):
    """Before: the window died at start-up in the suggestions code, or in the document
    list, on a damaged row of any document."""
    from PySide6.QtCore import Qt

    from tests.helpers import at
    from tests.ui.conftest import drag_select

    sql, params, nullable, _ = CASES[case]
    project = craft(sound_project, tmp_path, sql, params, nullable)
    window = _window(qtbot, project)
    assert window.workspace.document.id == "aleppo-2020-02-02"
    model = window.documents_model
    titles = {model.index(r, 0).data(Qt.ItemDataRole.UserRole): model.index(r, 0).data()
              for r in range(model.rowCount())}
    assert set(titles) == {"aleppo-2020-02-02", "d2"}  # the damaged one is still listed
    before = len(_spans_in_file(project, "aleppo-2020-02-02"))
    start, end = at(window.view.text, "قوات النظام", "حوالي 70")
    drag_select(qtbot, window.view, start, end)
    qtbot.keyClick(window.view, Qt.Key.Key_O)
    spans = _spans_in_file(project, "aleppo-2020-02-02")
    assert len(spans) == before + 1 and (start, end, "ORG") in spans


def test_window_with_a_damaged_schema_says_so(sound_project, tmp_path, qtbot, settings):
    from annotator.ui.app import open_window

    project = craft(sound_project, tmp_path, "UPDATE settings SET value = ? WHERE key = 'schema'", (DEEP,))
    with pytest.raises(AnnotatorError, match="nested more than 100 levels"):
        open_window(project, "ali")


def test_suggestion_index_leaves_out_the_damaged_document(sound_project, tmp_path):
    """What the window shows about the documents it could not index or learn from."""
    from annotator.core.suggestions import SuggestionIndex, learn_rules
    from annotator.storage import ProjectStore

    sql, params, _, _ = CASES["changed text"]
    project = craft(sound_project, tmp_path, sql, params)
    store = ProjectStore.open(project, backup=False)
    try:
        index = SuggestionIndex.from_store(store)
        assert index.document_ids() == ["aleppo-2020-02-02"]
        assert [e.document for e in index.problems] == ["d2"]
        problems: list = []
        rules = learn_rules(store, "ali", problems=problems)
        assert rules and [e.document for e in problems] == ["d2"]
    finally:
        store.close()


def _close_boxes_later(qtbot) -> None:
    """Close any message box the window opens (a modal one would block the test)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                widget.done(0)

    for delay in (200, 600, 1500):
        QTimer.singleShot(delay, close)




def test_window_opens_when_the_first_document_is_damaged(sound_project, tmp_path, qtbot, settings):
    sql, params, nullable, _ = CASES["start as text"]
    project = craft(sound_project, tmp_path, sql, params, nullable)
    conn = sqlite3.connect(project)  # the damaged document first in the list
    conn.execute("UPDATE documents SET seq = 10 WHERE id = 'aleppo-2020-02-02'")
    conn.commit()
    conn.close()
    _close_boxes_later(qtbot)
    window = _window(qtbot, project)
    assert [row[0] for row in window.documents_model.rows] == ["d2", "aleppo-2020-02-02"]
    assert window.workspace.annotations.document_id == "aleppo-2020-02-02"  # the first that opens
    assert "'d2'" in window.last_refusal_box.text() and "field start" in window.last_refusal_box.text()


def test_choosing_the_damaged_document_keeps_the_open_one(sound_project, tmp_path, qtbot, settings):
    sql, params, nullable, _ = CASES["start as text"]
    project = craft(sound_project, tmp_path, sql, params, nullable)
    window = _window(qtbot, project)
    table = window.documents_table
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(256) == "d2")  # UserRole
    _close_boxes_later(qtbot)
    table.activated.emit(model.index(row, 0))
    qtbot.wait(50)
    assert window.workspace.document.id == "aleppo-2020-02-02"
    assert window.workspace.annotations.document_id == "aleppo-2020-02-02"
    assert "field start" in window.last_refusal_box.text()


# Rows of sound types whose meaning breaks the schema: the window and import refuse to
# make them, so only SQL does. brat's loader refuses such an export, and our own import
# would refuse the JSONL: export says so and writes nothing.
SCHEMA_BREAKS = {
    "event type of another trigger": "UPDATE events SET type = 'Life.Die' WHERE annotator = 'amal'",
    "label not in the schema": "UPDATE spans SET label = 'BOGUS' WHERE annotator = 'amal' AND id = 'T1'",
    "dangling trigger": "UPDATE events SET trigger = 'T99' WHERE annotator = 'amal'",
    "cue that is an entity": "UPDATE attributions SET cue = 'T1' WHERE annotator = 'amal'",
}


@pytest.mark.parametrize("case", list(SCHEMA_BREAKS))
@pytest.mark.parametrize("fmt", ["jsonl", "brat", "conll", "doccano-relations"])
def test_work_that_breaks_the_schema_is_not_exported(sound_project, tmp_path, case, fmt):
    project = craft(sound_project, tmp_path, SCHEMA_BREAKS[case])
    out, whose = tmp_path / f"out.{fmt}", ["--annotator", "amal"]  # CoNLL holds one annotator
    done = annotator("export", project, "-o", out, "--format", fmt, *whose)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "document 'aleppo-2020-02-02'" in done.stderr and "amal's work does not fit" in done.stderr
    assert not out.exists()
    sound = annotator("export", sound_project, "-o", tmp_path / f"sound.{fmt}", "--format", fmt, *whose)
    assert sound.returncode == 0, sound.stderr


@pytest.mark.parametrize("case", list(SCHEMA_BREAKS))
def test_check_lists_work_that_breaks_the_schema_as_damaged(sound_project, tmp_path, case):
    """``check`` read such work as sound (exit 0, nothing said); it now lists it first,
    as it lists a damaged row, and checks the rest."""
    project = craft(sound_project, tmp_path, SCHEMA_BREAKS[case])
    done = annotator("check", project, "--json")
    assert done.returncode == 0, done.stderr
    findings = json.loads(done.stdout)["findings"]
    damaged = [f for f in findings if f["kind"] == "damaged"]
    whose = {(f["subject"], f["places"][0]["annotator"]) for f in damaged}
    assert ("aleppo-2020-02-02", "amal") in whose and {name for _, name in whose} == {"amal"}  # ali's is sound
    assert all("do not fit the project's schema" in f["message"] for f in damaged)
    assert findings[:len(damaged)] == damaged
