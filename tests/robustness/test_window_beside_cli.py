"""A real window in one process, every CLI command from another (issue 10, case 1).

The window used to drop its own SQLite locks (a background worker read the file's
header with a plain open()/close(), and closing any descriptor of a file releases every
POSIX lock the process holds on it): the next CLI command took the project for unused
and deleted its write-ahead log under the window, whose later labels then went
nowhere. Here each dialog that runs work in the background is open while every CLI
command runs beside the window; after each, the window labels again, and the file must
still have its log files, pass ``integrity_check`` and hold every label the window
reported saved -- also after the window is killed with SIGKILL.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.model import Document, Span
from annotator.storage import ProjectStore
from tests.conftest import SEED
from tests.helpers import run_annotator as cli

ROOT = Path(__file__).resolve().parents[2]
DIALOGS = ["none", "agreement", "stats", "adjudication"]


class Window:
    """The window driver (tests/robustness/window_driver.py) in a child process."""

    def __init__(self, project: Path, dialog: str, home: Path) -> None:
        env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
                   XDG_DATA_HOME=str(home / "data"), QT_QPA_PLATFORM="offscreen",
                   PYTHONPATH=str(ROOT))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.robustness.window_driver", str(project), dialog],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        ready = self.process.stdout.readline().split()
        assert ready and ready[0] == "ready", f"the window did not start: {ready}"
        self.pid = int(ready[1])

    def ask(self, line: str) -> str:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(30)


def words_of(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[\u0621-\u064A]{4,}", text)]


def file_state(path: Path) -> tuple[set[tuple[str, str, int, int]], str]:
    """Every span and integrity_check, read by this (other) process."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        spans = {(a, i, s, e) for a, i, s, e in conn.execute(
            "SELECT annotator, id, start, \"end\" FROM spans")}
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    return spans, check


@pytest.fixture
def projects(tmp_path, schema):
    project = tmp_path / "p.sqlite"
    assert cli("init", str(project), cwd=tmp_path).returncode == 0
    assert cli("import", str(project), str(SEED), cwd=tmp_path).returncode == 0
    other = tmp_path / "other.sqlite"
    store = ProjectStore.create(other, schema)
    text = SEED.read_text(encoding="utf-8")
    document_id = "aleppo-2020-02-02"
    store.add_document(Document(document_id, text, {"title": "seed"}))
    start, end = words_of(text)[0]
    store.save_span(document_id, "zaid", Span("T1", start, end, "GPE"))
    store.close()
    extra = tmp_path / "extra.txt"
    extra.write_text("خبر قصير عن مدينة حلب\n", encoding="utf-8")
    return project, other, extra, text


def commands(project: Path, other: Path, extra: Path, out: Path,
             worker: str = "amal") -> list[tuple[str, list[str], int]]:
    """Every CLI command, with the exit status it must give beside an open window."""
    p = str(project)
    return [
        ("stats", ["stats", p], 0),
        ("stats json", ["stats", p, "--json"], 0),
        ("export jsonl", ["export", p, "-o", str(out / "all.jsonl"), "--format", "jsonl"], 0),
        ("export conll", ["export", p, "-o", str(out / "amal.conll"), "--format", "conll",
                          "--annotator", worker], 0),
        ("export brat", ["export", p, "-o", str(out / "brat"), "--format", "brat"], 0),
        ("agreement", ["agreement", p, "--include-unfinished"], 0),
        ("backup", ["backup", p], 0),
        ("backups", ["backups", p], 0),
        ("assign", ["assign", p, "-o", str(out / "assigned.sqlite"), "--annotator", "amal"], 0),
        ("import", ["import", p, str(extra)], 0),
        ("merge", ["merge", p, str(other)], 0),
        ("restore", ["restore", p], 1),  # refused while the window holds the project
        ("init", ["init", p], 1),  # the file exists
    ]


@pytest.mark.parametrize("dialog", DIALOGS)
def test_every_cli_command_beside_a_window_loses_nothing(tmp_path, projects, dialog):
    project, other, extra, text = projects
    window = Window(project, dialog, tmp_path / "home")
    places = iter(words_of(text)[1:])
    reported: set[tuple[str, str, int, int]] = set()
    try:
        # the window labels as amal, or as gold while adjudicating: export whoever has work
        worker = "gold" if dialog == "adjudication" else "amal"
        for name, args, status in commands(project, other, extra, tmp_path / f"out-{dialog}", worker):
            (tmp_path / f"out-{dialog}").mkdir(exist_ok=True)
            start, end = next(places)
            answer = window.ask(f"label {start} {end}").split()
            assert answer[0] == "saved", f"before {name}: {answer}"
            reported.add((answer[1], answer[2], int(answer[3]), int(answer[4])))
            result = cli(*args, cwd=tmp_path)
            assert result.returncode == status, f"{name}: {result.stderr}"
            assert "Traceback" not in result.stderr, f"{name}: {result.stderr}"
            assert Path(f"{project}-wal").exists() and Path(f"{project}-shm").exists(), (
                f"the window's log files vanished after `annotator {name}`")
            assert window.ask("ping") == "pong"
            spans, check = file_state(project)
            assert check == "ok", f"after {name}: {check}"
            assert reported <= spans, f"after {name}: saved labels missing {reported - spans}"
        start, end = next(places)
        answer = window.ask(f"label {start} {end}").split()
        assert answer[0] == "saved"
        reported.add((answer[1], answer[2], int(answer[3]), int(answer[4])))
    finally:
        window.kill()  # SIGKILL: no clean close, as in a crash
    spans, check = file_state(project)
    assert check == "ok"
    assert reported <= spans
    after = cli("stats", str(project), cwd=tmp_path)
    assert after.returncode == 0, after.stderr
    assert "not closed properly" not in after.stderr


def test_restore_beside_a_window_is_refused_naming_the_process(tmp_path, projects):
    """Issue 10, case 2: the window would otherwise write its state over the restored file."""
    project, _, _, text = projects
    assert cli("backup", str(project), cwd=tmp_path).returncode == 0
    window = Window(project, "none", tmp_path / "home")
    try:
        start, end = words_of(text)[3]
        assert window.ask(f"label {start} {end}").startswith("saved")
        before, _ = file_state(project)
        result = cli("restore", str(project), cwd=tmp_path)
        assert result.returncode == 1
        assert str(window.pid) in result.stderr
        assert file_state(project)[0] == before
    finally:
        window.kill()
