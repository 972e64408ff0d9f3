"""Project files crafted by someone else, and projects only read (issue 10, cases 4, 5, 10).

Every file is made with the real CLI and changed with raw SQL, as a file someone mails
you would be; every command runs in its own process.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.helpers import run_annotator as cli


def project_with_labels(path: Path, annotator: str = "zaid") -> Path:
    assert cli("init", path, cwd=path.parent).returncode == 0
    jsonl = path.parent / f"{path.stem}-{annotator}.jsonl"
    text = SEED.read_text(encoding="utf-8")
    start = text.index("حلب")
    line = {"id": "aleppo", "text": text, "annotator": annotator,
            "spans": [{"id": "T1", "start": start, "end": start + 3, "label": "GPE"}]}
    jsonl.write_text(_json(line) + "\n", encoding="utf-8")
    result = cli("import", path, jsonl, cwd=path.parent)
    assert result.returncode == 0, result.stderr
    return path


def _json(value: object) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def raw(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file beside the project (names and bytes): what "unchanged" means."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


CRAFTED = {
    "trigger relabelling on the app's own session row": (
        "CREATE TRIGGER relabel AFTER INSERT ON settings BEGIN "
        "UPDATE spans SET label = 'PER'; END", "relabel"),
    "trigger deleting new labels": (
        "CREATE TRIGGER swallow AFTER INSERT ON spans BEGIN DELETE FROM spans; END", "swallow"),
    "recursive trigger": (
        "CREATE TRIGGER forever AFTER UPDATE ON statuses BEGIN "
        "UPDATE statuses SET updated = updated || 'x'; END", "forever"),
    "extra view": ("CREATE VIEW everything AS SELECT * FROM spans", "everything"),
    "extra table": ("CREATE TABLE stash (x)", "stash"),
}


@pytest.mark.parametrize("case", sorted(CRAFTED))
def test_crafted_schema_objects_are_refused_before_any_write(tmp_path, case):
    statement, name = CRAFTED[case]
    project = project_with_labels(tmp_path / "mailed.sqlite")
    raw(project, statement)
    before = fingerprint(tmp_path)
    for args in (["stats", project], ["export", project, "-o", tmp_path / "o.jsonl", "--format", "jsonl"],
                 ["import", project, SEED]):
        result = cli(*args, cwd=tmp_path, timeout=30)  # a recursive trigger would hang
        assert result.returncode == 1, (args, result.stderr)
        assert repr(name) in result.stderr and "did not create" in result.stderr
        assert "Traceback" not in result.stderr
    assert fingerprint(tmp_path) == before


def test_a_view_in_place_of_the_spans_table_is_refused(tmp_path):
    """A view named ``spans`` would show labels no table holds and swallow new ones."""
    project = project_with_labels(tmp_path / "mailed.sqlite")
    raw(project, "ALTER TABLE spans RENAME TO spans_real",
        "CREATE VIEW spans AS SELECT * FROM spans_real")
    result = cli("stats", project, cwd=tmp_path)
    assert result.returncode == 1
    assert "'spans'" in result.stderr or "'spans_real'" in result.stderr


def test_a_table_with_other_columns_is_refused_naming_it(tmp_path):
    project = project_with_labels(tmp_path / "mailed.sqlite")
    raw(project, "ALTER TABLE spans ADD COLUMN sneaky TEXT")
    result = cli("stats", project, cwd=tmp_path)
    assert result.returncode == 1
    assert "table 'spans'" in result.stderr and "differs" in result.stderr


def test_merge_with_a_crafted_source_merges_nothing(tmp_path):
    target = project_with_labels(tmp_path / "ours.sqlite", "amal")
    source = project_with_labels(tmp_path / "theirs.sqlite", "zaid")
    raw(source, "CREATE TRIGGER evil AFTER INSERT ON spans BEGIN DELETE FROM spans; END")
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    result = cli("merge", target, source, cwd=tmp_path)
    assert result.returncode == 1 and "'evil'" in result.stderr
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before


def test_sources_of_merge_and_reading_commands_stay_byte_identical(tmp_path):
    """Issue 10, case 5: no session row, no switch to WAL, no backups folder, no logs."""
    target = project_with_labels(tmp_path / "ours.sqlite", "amal")
    other_folder = tmp_path / "colleague"
    other_folder.mkdir()
    source = project_with_labels(other_folder / "theirs.sqlite", "zaid")
    shutil.rmtree(other_folder / "theirs.sqlite.backups", ignore_errors=True)
    raw(source, "PRAGMA journal_mode = DELETE")  # as a file that was mailed arrives
    before = fingerprint(other_folder)
    out = tmp_path / "out"
    out.mkdir()
    for args in (["merge", target, source], ["stats", source], ["agreement", source],
                 ["export", source, "-o", out / "x.jsonl", "--format", "jsonl"],
                 ["assign", source, "-o", out / "a.sqlite", "--annotator", "zaid"]):
        result = cli(*args, cwd=tmp_path)
        assert result.returncode == 0, (args, result.stderr)
        assert fingerprint(other_folder) == before, f"`annotator {args[0]}` changed its source"
    merged = sqlite3.connect(target)
    assert merged.execute("SELECT COUNT(*) FROM spans WHERE annotator = 'zaid'").fetchone()[0] == 1
    merged.close()


def test_merge_reads_an_older_format_source_without_upgrading_it(tmp_path):
    """Issue 10, case 10: the colleague's older app must still open their file."""
    fixture = Path(__file__).parents[1] / "fixtures" / "project-v1.sqlite"
    source = tmp_path / "colleague" / "old.sqlite"
    source.parent.mkdir()
    shutil.copyfile(fixture, source)
    before = fingerprint(source.parent)
    target = project_with_labels(tmp_path / "ours.sqlite", "amal")
    result = cli("merge", target, source, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert fingerprint(source.parent) == before
    conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
