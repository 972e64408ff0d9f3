"""Adjudication rejections from two windows at once are both kept (one row each), and a
project of format 2, whose rejections were a JSON list setting per document, keeps
them through the upgrade (an unreadable list is set aside, not lost)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotator.core.adjudication import RejectCandidateCommand, candidates
from annotator.core.model import Document
from annotator.core.schema_files import load_schema
from annotator.storage import ProjectStore
from tests.conftest import SEED
from tests.fixtures.make_fixture import describe
from tests.helpers import seed_annotations

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
DOC = "aleppo"

# One adjudicating window, as a separate process: open the project, find the candidate
# with this label, wait for the go-ahead, reject it through the command the window pushes.
ADJUDICATOR = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from annotator.core.adjudication import RejectCandidateCommand, candidates
    from annotator.storage import ProjectStore

    project, label, folder = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    store = ProjectStore.open(project, backup=False, busy_timeout=60)
    (candidate,) = [c for c in candidates(store, "aleppo") if c.kind == "span" and c.label == label]
    (folder / f"ready-{label}").write_text(candidate.key)
    while not (folder / "go").exists():
        time.sleep(0.01)
    (folder / f"rejecting-{label}").touch()
    RejectCandidateCommand("aleppo", candidate.key).do(store)
    store.close()
    """
)

# Another program writing to the project meanwhile: it holds the write lock until told.
WRITER = textwrap.dedent(
    """
    import sqlite3, sys, time
    from pathlib import Path

    project, folder = sys.argv[1], Path(sys.argv[2])
    conn = sqlite3.connect(project, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    (folder / "locked").touch()
    while not (folder / "release").exists():
        time.sleep(0.01)
    conn.execute("COMMIT")
    conn.close()
    """
)


def _python(code: str, *args: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(*paths: Path, processes: list[subprocess.Popen], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not all(p.exists() for p in paths):
        for process in processes:
            if process.poll() not in (None, 0):
                raise AssertionError(process.communicate())
        assert time.monotonic() < deadline, f"waited in vain for {paths}"
        time.sleep(0.01)


@pytest.fixture
def two_annotators(tmp_path) -> Path:
    """amal marks حلب GPE, badr marks it LOC: two candidates to reject."""
    path = tmp_path / "p.sqlite"
    store = ProjectStore.create(path, load_schema("arabic-news"))
    text = SEED.read_text(encoding="utf-8")
    store.add_document(Document(DOC, text))
    amal = seed_annotations(text, DOC, "amal")
    badr = seed_annotations(text, DOC, "badr")
    badr.spans[3] = replace(badr.spans[3], label="LOC")
    store.replace_annotations(amal)
    store.replace_annotations(badr)
    store.close()
    return path


def _rejected(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        reader = ProjectStore(Database(conn), path)  # read-only: nothing written while checking
        return {c.label for c in candidates(reader, DOC) if c.rejected}
    finally:
        conn.close()


def test_two_windows_rejecting_at_once_keep_both_rejections(two_annotators, tmp_path):
    folder = tmp_path / "barrier"
    folder.mkdir()
    windows = [_python(ADJUDICATOR, two_annotators, label, folder) for label in ("GPE", "LOC")]
    _wait_for(folder / "ready-GPE", folder / "ready-LOC", processes=windows)
    # Both windows reject while a third program writes: each reads what it reads, then
    # waits for the lock; their writes land one after the other.
    writer = _python(WRITER, two_annotators, folder)
    _wait_for(folder / "locked", processes=[writer])
    (folder / "go").touch()
    _wait_for(folder / "rejecting-GPE", folder / "rejecting-LOC", processes=windows)
    time.sleep(1.5)  # both are now inside RejectCandidateCommand.do, waiting for the write lock
    (folder / "release").touch()
    for process in [writer, *windows]:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    assert _rejected(two_annotators) == {"GPE", "LOC"}


def test_rejections_in_turn_from_two_processes_all_stay(two_annotators, tmp_path):
    """Undoing one window's rejection removes only that one."""
    for label in ("GPE", "LOC"):
        folder = tmp_path / label
        folder.mkdir()
        (folder / "go").touch()
        window = _python(ADJUDICATOR, two_annotators, label, folder)
        assert window.wait(120) == 0, window.communicate()
    store = ProjectStore.open(two_annotators, backup=False)
    (gpe,) = [c for c in candidates(store, DOC) if c.rejected and c.label == "GPE"]
    RejectCandidateCommand(DOC, gpe.key).undo(store)
    store.close()
    assert _rejected(two_annotators) == {"LOC"}


# --- upgrade from format 2 ---------------------------------------------------------
def _v2_with_settings(tmp_path: Path, settings: dict[str, str]) -> Path:
    project = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "project-v2.sqlite", project)
    conn = sqlite3.connect(project)
    with conn:
        conn.executemany("INSERT INTO settings VALUES (?, ?)", settings.items())
    conn.close()
    return project


def _table(project: Path) -> set[tuple[str, str]]:
    conn = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    try:
        return set(conn.execute("SELECT document_id, candidate FROM adjudication_rejections"))
    finally:
        conn.close()


def test_upgrade_to_v3_moves_adjudication_rejections_into_their_table(tmp_path):
    keys = ["span:113:124:ORG", "event:Conflict.Attack:10:17:"]
    project = _v2_with_settings(tmp_path, {
        "adjudication/rejected/aleppo-2020-02-02": json.dumps(keys),
        "adjudication/rejected/damascus": json.dumps(["span:0:4:GPE"]),
    })
    store = ProjectStore.open(project)
    assert store.adjudication_rejections("aleppo-2020-02-02") == set(keys)
    assert store.setting("adjudication/rejected/aleppo-2020-02-02") is None
    (rejected,) = [c for c in candidates(store, "aleppo-2020-02-02") if c.rejected]
    assert rejected.key == "span:113:124:ORG" and rejected.label == "ORG"
    store.close()
    assert _table(project) == {("aleppo-2020-02-02", k) for k in keys} | {("damascus", "span:0:4:GPE")}


@pytest.mark.parametrize("damaged", ["{oops", '{"a": 1}', "[" * 100_000])
def test_upgrade_to_v3_keeps_an_unreadable_rejection_list_aside(tmp_path, damaged):
    project = _v2_with_settings(tmp_path, {
        "adjudication/rejected/damascus": damaged,
        "adjudication/rejected/aleppo-2020-02-02": '["span:113:124:ORG"]',
    })
    store = ProjectStore.open(project)
    assert store.setting("adjudication/rejected (unreadable)/damascus") == damaged
    assert store.setting("adjudication/rejected/damascus") is None
    assert store.adjudication_rejections("damascus") == set()
    assert store.adjudication_rejections("aleppo-2020-02-02") == {"span:113:124:ORG"}
    store.close()


RELEASED = sorted(FIXTURES.glob("project-v*.sqlite"), key=lambda p: int(re.findall(r"\d+", p.stem)[0]))


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_upgrade_keeps_every_fixtures_adjudication_rejections(fixture, tmp_path):
    expected = json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))
    project = tmp_path / fixture.name
    shutil.copyfile(fixture, project)
    store = ProjectStore.open(project)
    found = describe(store)["adjudication_rejections"]
    store.close()
    assert found == expected.get("adjudication_rejections", {})  # written from format 3 on
