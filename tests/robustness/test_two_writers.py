"""Two stores, or a store and the command line, on one project: nothing lost or corrupted;
a writer kept waiting too long gets "the project is in use"; a window can notice
another connection's writes cheaply with ``data_version()``."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from annotator.core.commands import Editor
from annotator.core.model import Document
from annotator.errors import ProjectError
from annotator.storage import ProjectStore
from tests.robustness.crashkit import REPO, child, new_project, write_import_file


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.sqlite"
    new_project(path)  # documents "aleppo" and "idlib"
    return path


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "annotator", *args],
        cwd=REPO,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_two_stores_writing_in_turn_keep_both(project):
    first, second = ProjectStore.open(project), ProjectStore.open(project)
    for number in range(20):
        store = first if number % 2 else second
        Editor(store, "aleppo", "amal").add_span(number, number + 2, "PER").do(store)
    assert len(first.annotations("aleppo", "amal").spans) == 20
    first.close()
    second.close()


def test_second_writer_gets_project_in_use_and_changes_nothing(project):
    holder = ProjectStore.open(project)
    waiting = ProjectStore.open(project, busy_timeout=0.2)
    with holder.atomic():
        holder.add_document(Document("held", "نص داخل معاملة لم تنته"))
        started = time.monotonic()
        with pytest.raises(ProjectError, match="the project is in use") as caught:
            waiting.add_document(Document("blocked", "لن يكتب"))
        assert time.monotonic() - started < 2
    assert str(project) in str(caught.value)
    assert not waiting.db.conn.in_transaction
    waiting.add_document(Document("later", "يكتب بعد انتهاء الأول"))
    assert holder.document_ids() == ["aleppo", "idlib", "held", "later"]
    holder.close()
    waiting.close()


def test_second_writer_waits_for_a_short_write(project):
    entered = threading.Event()

    def hold() -> None:  # another window: its own connection, in its own thread
        holder = ProjectStore.open(project)
        with holder.atomic():
            holder.add_document(Document("slow", "معاملة بطيئة"))
            entered.set()
            time.sleep(0.3)
        holder.close()

    waiting = ProjectStore.open(project)
    thread = threading.Thread(target=hold)
    thread.start()
    entered.wait(5)
    waiting.add_document(Document("patient", "ينتظر ثم يكتب"))
    thread.join()
    assert waiting.document_ids()[-2:] == ["slow", "patient"]
    waiting.close()


def test_data_version_moves_only_when_another_connection_writes(project):
    window, other = ProjectStore.open(project), ProjectStore.open(project)
    seen = window.data_version()
    window.set_status("aleppo", "amal", "done")
    window.annotations("aleppo", "amal")
    assert window.data_version() == seen  # its own writes and reads
    other.add_document(Document("new", "من نافذة أخرى"))
    assert window.data_version() != seen
    assert "new" in window.document_ids()
    window.close()
    other.close()


def test_cli_import_beside_an_open_store(project, tmp_path):
    data = tmp_path / "more.jsonl"
    write_import_file(data, 30)
    window = ProjectStore.open(project)
    Editor(window, "aleppo", "amal").add_span(0, 4, "PER").do(window)
    seen = window.data_version()
    result = _cli("import", str(project), str(data))
    assert result.returncode == 0, result.stderr
    assert window.data_version() != seen
    assert window.count_documents() == 32
    Editor(window, "aleppo", "amal").add_span(5, 9, "ORG").do(window)
    assert len(window.annotations("aleppo", "amal").spans) == 2
    assert window.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    window.close()


def test_cli_import_while_a_store_keeps_writing_says_in_use(project, tmp_path):
    data = tmp_path / "more.jsonl"
    write_import_file(data, 5)
    holder = ProjectStore.open(project)
    with holder.atomic():
        holder.add_document(Document("held", "نافذة تكتب طويلا"))
        result = _cli("import", str(project), str(data))  # waits its 5 s, then gives up
    holder.close()
    assert result.returncode == 1
    assert "the project is in use" in result.stderr
    assert "Traceback" not in result.stderr
    store = ProjectStore.open(project)
    assert store.count_documents() == 3
    store.close()


def test_two_processes_adding_spans_at_once_lose_none(project, tmp_path):
    errors = tmp_path / "stderr.txt"
    children = [
        child(["hammer", str(project), name, "150"], errors)
        for name in ("amal", "omar")
    ]
    outputs = [c.communicate(timeout=120)[0].decode() for c in children]
    assert all(c.returncode == 0 for c in children), errors.read_text()
    assert all("done 150" in out for out in outputs)
    store = ProjectStore.open(project)
    assert len(store.annotations("aleppo", "amal").spans) == 150
    assert len(store.annotations("aleppo", "omar").spans) == 150
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


def test_two_windows_on_one_annotators_document_keep_both_spans(project):
    first, second = ProjectStore.open(project), ProjectStore.open(project)
    one = Editor(first, "aleppo", "amal").add_span(0, 4, "PER")
    two = Editor(second, "aleppo", "amal").add_span(10, 14, "ORG")
    one.do(first)
    two.do(second)
    spans = first.annotations("aleppo", "amal").spans
    first.close()
    second.close()
    assert len(spans) == 2
