from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import run
from annotator.core.model import Document, Status
from annotator.storage import ProjectStore
from tests.conftest import SEED
from tests.helpers import seed_annotations

DOC = "aleppo-2020-02-02"
REPO = Path(__file__).resolve().parents[2]


def _annotator_project(tmp_path, name, text=None):
    path = tmp_path / f"{name}.sqlite"
    run(["init", str(path)])
    store = ProjectStore.open(path)
    text = text or SEED.read_text(encoding="utf-8")
    store.add_document(Document(DOC, text, {"title": "t"}))
    store.replace_annotations(seed_annotations(text, DOC, name))
    store.close()
    return path


def _dump(path):
    store = ProjectStore.open(path)
    try:
        return {a: store.annotations(DOC, a) for a in store.annotators()}, store.count_documents()
    finally:
        store.close()


def test_merge_three_annotators_into_one_project(tmp_path, capsys):
    target = tmp_path / "coordinator.sqlite"
    run(["init", str(target)])
    others = [_annotator_project(tmp_path, name) for name in ("amal", "badr", "carim")]
    assert run(["merge", str(target), *map(str, others)]) == 0
    work, documents = _dump(target)
    assert documents == 1 and sorted(work) == ["amal", "badr", "carim"]
    assert all(len(w.spans) == 9 and w.status is Status.DONE for w in work.values())


def test_merge_twice_changes_nothing(tmp_path):
    target = tmp_path / "coordinator.sqlite"
    run(["init", str(target)])
    other = _annotator_project(tmp_path, "amal")
    run(["merge", str(target), str(other)])
    first = _dump(target)
    assert run(["merge", str(target), str(other)]) == 0
    assert _dump(target) == first


def test_merge_refuses_changed_text_and_merges_nothing(tmp_path, capsys):
    target = tmp_path / "coordinator.sqlite"
    run(["init", str(target)])
    good = _annotator_project(tmp_path, "amal")
    changed = _annotator_project(tmp_path, "badr", SEED.read_text(encoding="utf-8") + " تعديل")
    capsys.readouterr()
    assert run(["merge", str(target), str(good), str(changed)]) == 1
    err = capsys.readouterr().err
    assert DOC in err and "different text" in err and str(changed) in err
    assert _dump(target) == ({}, 0)


def test_merge_brings_labels_the_target_lacks(tmp_path):
    target = tmp_path / "coordinator.sqlite"
    run(["init", str(target)])
    other = tmp_path / "other.sqlite"
    run(["init", str(other)])
    store = ProjectStore.open(other)
    schema = store.schema
    schema.add_label("PRODUCT")
    store.save_schema(schema)
    store.add_document(Document("d", "هاتف آيفون جديد"))
    from annotator.core.model import Annotations, Span

    store.replace_annotations(Annotations("d", "amal", spans=[Span("T1", 5, 10, "PRODUCT")]))
    store.close()
    assert run(["merge", str(target), str(other)]) == 0
    merged = ProjectStore.open(target)
    assert merged.schema.layer_of("PRODUCT") == "entity"
    merged.close()


def test_assign_writes_one_annotators_project(tmp_path):
    source = _annotator_project(tmp_path, "amal")
    out = tmp_path / "for-dana.sqlite"
    assert run(["assign", str(source), "-o", str(out), "--annotator", "dana"]) == 0
    store = ProjectStore.open(out)
    assert store.document_ids() == [DOC]
    assert store.annotators() == ["dana"] and store.annotations(DOC, "dana").spans == []
    store.close()


def test_assign_unknown_document_writes_nothing(tmp_path, capsys):
    source = _annotator_project(tmp_path, "amal")
    out = tmp_path / "for-dana.sqlite"
    assert run(["assign", str(source), "-o", str(out), "--annotator", "dana", "--documents", "nope"]) == 1
    assert "nope" in capsys.readouterr().err and not out.exists()


# --- an older copy never silently replaces newer work -------------------------------
# Each copy is made the way an annotator makes it: `annotator init`/`import` and edits
# in another process (the window's commands through ProjectStore); a copy's rows are then
# dated with raw SQL to the day it was saved.

ANNOTATE = """
import re, sys
from pathlib import Path
from annotator.core.commands import Editor
from annotator.core.model import Status
from annotator.storage import ProjectStore

project, document, first, last, status = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
store = ProjectStore.open(project)
words = [m.span() for m in re.finditer(r"\\w{3,}", store.document(document).text)]
editor = Editor(store, document, "amal")
for start, end in words[first:last]:
    editor.add_span(start, end, "ORG").do(store)
if status != "-":
    editor.set_status(Status(status)).do(store)
store.close()
"""

FORCE = """
import sys
from annotator.core.merging import merge_projects
from annotator.storage import ProjectStore

target, other = ProjectStore.open(sys.argv[1]), ProjectStore.open(sys.argv[2])
for _ in merge_projects(target, [(sys.argv[2], other)], force_older=True):
    pass
other.close()
target.close()
"""


def _annotator(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def _child(code: str, *args) -> None:
    done = subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def _copy_of(tmp_path, name, texts=(SEED,)) -> Path:
    path = tmp_path / f"{name}.sqlite"
    assert _annotator("init", path).returncode == 0
    assert _annotator("import", path, *texts).returncode == 0
    return path


def _date(path: Path, day: str) -> None:
    """Date every row of the copy to ``day`` (when it was saved), as raw SQL."""
    stamp = f"{day}T17:00:00+00:00"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE statuses SET updated = ?", [stamp])
        conn.execute("UPDATE spans SET created = ?, updated = ?", [stamp, stamp])
    conn.close()


def _amal(path: Path, document: str = DOC) -> tuple[int, str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        spans = conn.execute("SELECT COUNT(*) FROM spans WHERE document_id = ? AND annotator = 'amal'",
                             [document]).fetchone()[0]
        status = conn.execute("SELECT status FROM statuses WHERE document_id = ? AND annotator = 'amal'",
                              [document]).fetchone()
        return spans, status[0] if status else None
    finally:
        conn.close()


@pytest.fixture
def monday_tuesday(tmp_path) -> tuple[Path, Path]:
    """Monday's copy: 11 spans, in progress; Tuesday's: 2 more, and done."""
    monday = _copy_of(tmp_path, "monday")
    _child(ANNOTATE, monday, DOC, 0, 11, "-")
    _date(monday, "2026-11-23")
    tuesday = tmp_path / "tuesday.sqlite"
    shutil.copyfile(monday, tuesday)
    _child(ANNOTATE, tuesday, DOC, 11, 13, "done")
    _date(tuesday, "2026-11-24")
    assert (_amal(monday), _amal(tuesday)) == ((11, "in_progress"), (13, "done"))
    return monday, tuesday


def test_merge_refuses_an_older_copy_after_a_newer_one(tmp_path, monday_tuesday):
    monday, tuesday = monday_tuesday
    target = _copy_of(tmp_path, "coordinator")
    assert _annotator("merge", target, tuesday).returncode == 0
    refused = _annotator("merge", target, monday)
    assert refused.returncode == 1
    message = refused.stderr
    assert DOC in message and "'amal'" in message and str(monday) in message
    assert "2026-11-24T17:00:00+00:00" in message and "2026-11-23T17:00:00+00:00" in message
    assert "--force-older" in message
    assert _amal(target) == (13, "done")


def test_merge_force_older_lets_the_older_copy_win(tmp_path, monday_tuesday):
    monday, tuesday = monday_tuesday
    target = _copy_of(tmp_path, "coordinator")
    assert _annotator("merge", target, tuesday).returncode == 0
    _child(FORCE, target, monday)
    assert _amal(target) == (11, "in_progress")


def test_merge_newer_copy_after_older_one_both_made_before_the_first_merge(tmp_path, monday_tuesday):
    """The merged status keeps Monday's time, not the merge's: Tuesday's is still newer."""
    monday, tuesday = monday_tuesday
    target = _copy_of(tmp_path, "coordinator")
    assert _annotator("merge", target, monday).returncode == 0
    assert _annotator("merge", target, tuesday).returncode == 0
    assert _amal(target) == (13, "done")
    assert _annotator("merge", target, tuesday).returncode == 0  # the same work again: no conflict
    assert _amal(target) == (13, "done")


def test_merge_refuses_older_copy_given_after_newer_in_one_command(tmp_path, monday_tuesday):
    monday, tuesday = monday_tuesday
    target = _copy_of(tmp_path, "coordinator")
    refused = _annotator("merge", target, tuesday, monday)
    assert refused.returncode == 1 and DOC in refused.stderr and "--force-older" in refused.stderr
    assert _amal(target) == (0, None)  # all or nothing


def test_merge_refuses_a_status_set_back_with_the_same_spans(tmp_path):
    monday = _copy_of(tmp_path, "monday")
    _child(ANNOTATE, monday, DOC, 0, 5, "-")
    _date(monday, "2026-11-23")
    tuesday = tmp_path / "tuesday.sqlite"
    shutil.copyfile(monday, tuesday)
    _child(ANNOTATE, tuesday, DOC, 0, 0, "done")  # only marked done on Tuesday
    target = _copy_of(tmp_path, "coordinator")
    assert _annotator("merge", target, tuesday).returncode == 0
    assert _annotator("merge", target, monday).returncode == 1
    assert _amal(target) == (5, "done")


def test_merge_refusal_names_every_older_document_and_merges_none(tmp_path):
    texts = []
    for name in ("first", "second", "third"):
        text = tmp_path / f"{name}.txt"
        text.write_text(SEED.read_text(encoding="utf-8") + f" {name}", encoding="utf-8")
        texts.append(text)
    monday = _copy_of(tmp_path, "monday", texts)
    for name in ("first", "second", "third"):
        _child(ANNOTATE, monday, name, 0, 3, "-")
    _date(monday, "2026-11-23")
    tuesday = tmp_path / "tuesday.sqlite"
    shutil.copyfile(monday, tuesday)
    for name in ("first", "second"):  # Tuesday: more on two documents, "third" as it was
        _child(ANNOTATE, tuesday, name, 3, 6, "done")
    _child(ANNOTATE, monday, "third", 3, 4, "-")  # ...and Monday's copy got one more on "third" today
    target = _copy_of(tmp_path, "coordinator", texts)
    assert _annotator("merge", target, tuesday).returncode == 0
    refused = _annotator("merge", target, monday)
    assert refused.returncode == 1
    assert "'first'" in refused.stderr and "'second'" in refused.stderr and "'third'" not in refused.stderr
    assert [_amal(target, name) for name in ("first", "second", "third")] == [(6, "done"), (6, "done"), (3, "in_progress")]
