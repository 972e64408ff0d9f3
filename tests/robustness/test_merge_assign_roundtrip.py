"""The coordinator's round trip: ``assign`` hands an annotator a file, ``merge`` takes it
back. Each step is a real ``annotator`` process on real project files; the annotator's
edits are made in another process through the window's commands, and times are set
with raw SQL where a test needs a copy from another day.

A copy never edited brings nothing back: it must not replace the coordinator's work
(an empty "new" copy once wiped an annotator's finished document, exit 0). A merge of
the same schema must leave the target's schema as it was, byte for byte: a trained
model is tied to it and brat's annotation.conf is written from it.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.model import Document
from annotator.formats.jsonl import document_line
from tests.conftest import SEED
from tests.helpers import run_annotator, seed_annotations

DOC, OTHER = "aleppo", "aleppo-later"
REPO = Path(__file__).resolve().parents[2]

EDIT = """
import re, sys
from pathlib import Path
from annotator.core.commands import Editor
from annotator.storage import ProjectStore

project, document, annotator, nth = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
store = ProjectStore.open(project)
start, end = [m.span() for m in re.finditer(r"\\w{4,}", store.document(document).text)][nth]
Editor(store, document, annotator).add_span(start, end, "LOC").do(store)
store.close()
"""


def _edit(project: Path, document: str, annotator: str, nth: int) -> None:
    """One span added by ``annotator``, as the window adds it, in a process of its own."""
    done = subprocess.run([sys.executable, "-c", EDIT, str(project), document, annotator, str(nth)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def _ok(*args: object) -> subprocess.CompletedProcess:
    done = run_annotator(*args, cwd=REPO)
    assert done.returncode == 0, done.stderr
    return done


def _rows(path: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _work(path: Path, annotator: str = "badr", document: str = DOC) -> tuple[list, list, list]:
    """One annotator's rows on one document, times and all: status, spans, notes."""
    key = (document, annotator)
    return (_rows(path, "SELECT status, updated FROM statuses WHERE document_id = ? AND annotator = ?", *key),
            _rows(path, "SELECT * FROM spans WHERE document_id = ? AND annotator = ? ORDER BY id", *key),
            _rows(path, "SELECT * FROM notes WHERE document_id = ? AND annotator = ? ORDER BY target", *key))


def _schema_text(path: Path) -> str:
    return _rows(path, "SELECT value FROM settings WHERE key = 'schema'")[0][0]


def _date(path: Path, annotator: str, day: str) -> None:
    """Date every row of ``annotator``'s work in ``path`` to ``day``, as raw SQL."""
    stamp = f"{day}T09:00:00+00:00"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE statuses SET updated = ? WHERE annotator = ?", [stamp, annotator])
        conn.execute("UPDATE spans SET created = ?, updated = ? WHERE annotator = ?", [stamp, stamp, annotator])
    conn.close()


@pytest.fixture
def coordinator(tmp_path) -> Path:
    """The coordinator's project: two articles; amal and badr have finished the first
    (badr with a note on a span), nobody has started the second."""
    text = SEED.read_text(encoding="utf-8")
    lines = []
    for name in ("amal", "badr"):
        line = document_line(Document(DOC, text), seed_annotations(text, DOC, name))
        if name == "badr":
            line["notes"] = [{"target": "T1", "text": "الاسم الكامل للجبهة"}]
        lines.append(line)
    lines.append(document_line(Document(OTHER, text + "\nتحديث"), None))
    source = tmp_path / "team.jsonl"
    source.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    path = tmp_path / "coord.sqlite"
    _ok("init", path)
    _ok("import", path, source)
    _date(path, "badr", "2026-11-20")
    assert len(_work(path)[1]) == 9 and _work(path)[0][0][0] == "done"
    return path


def test_assign_hands_out_the_annotators_current_work(tmp_path, coordinator):
    copy = tmp_path / "badr.sqlite"
    _ok("assign", coordinator, "-o", copy, "--annotator", "badr", "--documents", f"{DOC},{OTHER}")
    assert _work(copy) == _work(coordinator)  # spans, status and note, with their times
    assert _rows(copy, "SELECT status FROM statuses WHERE document_id = ?", OTHER) == [("new",)]
    assert _rows(copy, "SELECT DISTINCT annotator FROM statuses") == [("badr",)]  # just their work


def test_an_untouched_assignment_merged_back_changes_nothing_and_says_so(tmp_path, coordinator):
    copy = tmp_path / "badr.sqlite"
    _ok("assign", coordinator, "-o", copy, "--annotator", "badr", "--documents", DOC)
    before = _work(coordinator)
    merged = _ok("merge", coordinator, copy)
    assert _work(coordinator) == before
    assert "kept" in merged.stdout and f"'{DOC}'" in merged.stdout and "never edited" in merged.stdout
    assert str(copy) in merged.stdout


def test_an_untouched_assignment_never_replaces_newer_work_of_the_coordinator(tmp_path, coordinator):
    """The coordinator fixed badr's document after handing it out; badr sends the copy
    back unopened: the fix stays, the merge is not refused (every other file merges)."""
    copy = tmp_path / "badr.sqlite"
    _ok("assign", coordinator, "-o", copy, "--annotator", "badr")
    _edit(coordinator, DOC, "badr", 40)
    fixed = _work(coordinator)
    merged = _ok("merge", coordinator, copy)
    assert _work(coordinator) == fixed and len(fixed[1]) == 10
    assert "never edited" in merged.stdout


def test_an_edited_assignment_brings_the_annotators_new_work(tmp_path, coordinator):
    copy = tmp_path / "badr.sqlite"
    _ok("assign", coordinator, "-o", copy, "--annotator", "badr", "--documents", DOC)
    _edit(copy, DOC, "badr", 40)
    merged = _ok("merge", coordinator, copy)
    status, spans, notes = _work(coordinator)
    assert len(spans) == 10 and status[0][0] == "done" and len(notes) == 1  # the 9 kept, 1 added
    assert _work(coordinator) == _work(copy)
    assert "kept" not in merged.stdout


def test_an_edited_assignment_older_than_the_coordinators_work_is_refused(tmp_path, coordinator):
    copy = tmp_path / "badr.sqlite"
    _ok("assign", coordinator, "-o", copy, "--annotator", "badr", "--documents", DOC)
    _edit(copy, DOC, "badr", 40)
    _date(copy, "badr", "2026-11-21")
    _edit(coordinator, DOC, "badr", 41)
    _date(coordinator, "badr", "2026-11-22")
    before = _work(coordinator)
    refused = run_annotator("merge", coordinator, copy, cwd=REPO)
    assert refused.returncode == 1
    assert "2026-11-22T09:00:00+00:00" in refused.stderr and "2026-11-21T09:00:00+00:00" in refused.stderr
    assert f"'{DOC}'" in refused.stderr and "--force-older" in refused.stderr
    assert _work(coordinator) == before


def test_an_empty_new_copy_from_an_older_assign_never_wipes_finished_work(tmp_path, coordinator):
    """What ``assign`` used to write: the document empty and marked new, dated the day it
    was written, with no record of what was handed out."""
    copy = tmp_path / "badr.sqlite"
    _ok("assign", coordinator, "-o", copy, "--annotator", "badr", "--documents", DOC)
    conn = sqlite3.connect(copy)
    with conn:
        for table in ("spans", "events", "attributions", "notes"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("UPDATE statuses SET status = 'new', updated = '2026-11-28T08:00:00+00:00'")
        conn.execute("DELETE FROM settings WHERE key = 'assignment'")
    conn.close()
    before = _work(coordinator)
    merged = _ok("merge", coordinator, copy)
    assert _work(coordinator) == before
    assert "kept" in merged.stdout and "nothing there" in merged.stdout and f"'{DOC}'" in merged.stdout


def test_merging_the_same_schema_leaves_it_byte_for_byte_and_the_model_usable(tmp_path, coordinator):
    _ok("learn", coordinator)
    schema = _schema_text(coordinator)
    copy = tmp_path / "badr.sqlite"
    _ok("assign", coordinator, "-o", copy, "--annotator", "badr")
    _edit(copy, DOC, "badr", 40)
    _ok("merge", coordinator, copy)
    assert _schema_text(coordinator) == schema
    _ok("suggest", coordinator, "-o", tmp_path / "suggested.jsonl")
    for project, folder in ((coordinator, "coord-brat"), (copy, "badr-brat")):
        _ok("export", project, "-o", tmp_path / folder, "--format", "brat")
    conf = [(tmp_path / folder / "badr" / "annotation.conf").read_bytes() for folder in ("coord-brat", "badr-brat")]
    assert conf[0] == conf[1]


def test_a_merged_schema_keeps_the_targets_order_and_appends_what_is_new(tmp_path, coordinator):
    other = tmp_path / "other.sqlite"
    shutil.copyfile(coordinator, other)
    raw = json.loads(_schema_text(other))
    filled = [(label["name"], role, fillers) for label in raw["labels"]
              for role, fillers in (label.get("roles") or {}).items() if len(fillers) > 1]
    assert filled, "the default schema has a role with several fillers"
    name, role, fillers = filled[0]
    label = next(label for label in raw["labels"] if label["name"] == name)
    extra = next(label["name"] for label in raw["labels"]
                 if label.get("layer", "entity") == "entity" and label["name"] not in fillers)
    label["roles"][role] = [extra, *reversed(fillers)]  # the same fillers in another order, and one more
    conn = sqlite3.connect(other)
    with conn:
        conn.execute("UPDATE settings SET value = ? WHERE key = 'schema'", [json.dumps(raw, ensure_ascii=False)])
    conn.close()
    _ok("merge", coordinator, other)
    merged = next(label for label in json.loads(_schema_text(coordinator))["labels"] if label["name"] == name)
    assert merged["roles"][role] == [*fillers, extra]
