"""Errors of the core, storage and formats in the Arabic interface (issue 16): a refused
edit on a read-only or full disk and a failed import are told in Arabic, the file, line
and data they name kept as they are, each isolated so it reads in order in a
right-to-left line. The English interface and the CLI say what they said before."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.test_refused_edits import _label, _mount, _open, disk, fill  # noqa: F401 (disk: a fixture)

LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"
ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN = re.compile(r"[A-Za-z]")


def outside_isolates(text: str) -> str:
    """``text`` without its isolated parts: the data (paths, codes, quotes) it names."""
    return re.sub(f"[{LRI}{FSI}][^{PDI}]*{PDI}", " ", text)


def assert_arabic(text: str) -> None:
    words = outside_isolates(text)
    assert ARABIC.search(words), text
    assert not LATIN.search(words), f"Latin words outside the quoted data: {words!r}"


def _refusal_box(window) -> QMessageBox:
    shown = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(shown) == 1
    return shown[0]


def test_arabic_errors_read_only_mount_refusal_is_told_in_arabic(qtbot, tmp_path, seed_project, arabic, capfd):
    where = tmp_path / "cd"
    where.mkdir()
    _mount(where, "size=8m,mode=0777")
    try:
        project = where / "seed.sqlite"
        shutil.copy(seed_project, project)
        subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)
        window = _open(qtbot, project)
        _label(qtbot, window, "حلب", Qt.Key.Key_G, "غربي مدينة")
        status = window.statusBar().currentMessage()
        box = _refusal_box(window).text()
        assert status.startswith("لم يُنفَّذ: المشروع للقراءة فقط")
        assert "لا يمكن حفظ شيء" in status
        assert_arabic(status)
        assert box.startswith(f"{LRI}{project}{PDI}: المشروع للقراءة فقط (")  # the file first, as it is
        assert f"{LRI}seed.sqlite{PDI}" in box or f"{LRI}{where}{PDI}" in box  # what is read-only
        assert_arabic(box)
        assert window.workspace.undo_stack.count() == 0
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)
    assert "Traceback" not in capfd.readouterr().err


def test_arabic_errors_full_disk_refusal_is_told_in_arabic(qtbot, disk, seed_project, arabic):  # noqa: F811
    project = disk / "seed.sqlite"
    shutil.copy(seed_project, project)
    window = _open(qtbot, project)
    _label(qtbot, window, "الجبهة الوطنية للتحرير", Qt.Key.Key_O)  # saved
    fill(disk)
    _label(qtbot, window, "حلب", Qt.Key.Key_G, "غربي مدينة")
    status = window.statusBar().currentMessage()
    box = _refusal_box(window).text()
    assert status == "لم يُنفَّذ: القرص ممتلئ: لم يُحفظ شيء من هذا التغيير؛ حرِّر بعض المساحة"
    assert box == f"{LRI}{project}{PDI}: القرص ممتلئ: لم يُحفظ شيء من هذا التغيير؛ حرِّر بعض المساحة"
    assert [s.label for s in window.workspace.annotations.spans] == ["ORG"]


def _jsonl_with_unknown_label_on_line_3(folder):
    text = "أعلنت الجبهة الوطنية للتحرير استهداف حلب"
    lines = [
        {"id": "d1", "text": text, "spans": [{"start": 37, "end": 40, "label": "GPE"}]},
        {"id": "d2", "text": text + " مجددا"},
        {"id": "d3", "text": text + " أمس", "spans": [{"start": 0, "end": 5, "label": "WEATHER"}]},
    ]
    source = folder / "import.jsonl"
    source.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return source


def _failed_import(qtbot, window, source) -> str:
    from annotator.ui.transfer import ImportOptions, start_import

    worker = start_import(window, [source], ImportOptions())
    with qtbot.waitSignal(worker.signals.failed, timeout=20000):
        pass
    qtbot.waitUntil(lambda: getattr(window, "last_error_box", None) is not None)
    return window.last_error_box.text()


def test_arabic_errors_import_error_names_file_and_line_in_arabic(qtbot, seed_project, tmp_path, arabic):
    window = _open(qtbot, seed_project)
    source = _jsonl_with_unknown_label_on_line_3(tmp_path)
    text = _failed_import(qtbot, window, source)
    assert text.startswith(f"{LRI}{source}{PDI}، السطر 3، المستند {LRI}'d3'{PDI}، المقطع {LRI}T1{PDI} (0-5، ")
    assert f"وسم مجهول {LRI}'WEATHER'{PDI}" in text
    assert "«إضافة الوسوم المجهولة إلى المخطط»" in text  # the import dialog's own option, by its name
    assert_arabic(text)
    assert "d3" not in window.workspace.store.document_ids()  # all or nothing: nothing imported


def test_arabic_errors_english_interface_keeps_the_cli_words(qtbot, seed_project, tmp_path):
    import sys

    project = tmp_path / "cli.sqlite"
    shutil.copy(seed_project, project)  # before the window opens it (its log is no part of a copy)
    window = _open(qtbot, seed_project)
    source = _jsonl_with_unknown_label_on_line_3(tmp_path)
    shown = _failed_import(qtbot, window, source)
    cli = subprocess.run([sys.executable, "-m", "annotator", "import", str(project), str(source)],
                         capture_output=True, text=True, timeout=120)
    assert cli.returncode == 1
    assert shown in cli.stderr  # the window and the CLI say the same English words
    assert f"{source}:3, document 'd3', span T1 (0-5, WEATHER): unknown label 'WEATHER'" in shown
    assert not (LRI in shown or PDI in shown)
