"""Issue 10, item 12: a document over the size limit is refused where it would enter a
project (import of every format, merge), with the file, line, document, limit and
size, and the project is left exactly as it was. Each case runs a real ``annotator``
process against a real project file."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from annotator.core.limits import MAX_DOCUMENT_CHARACTERS
from tests.helpers import run_annotator as _cli

WORD = "حلب "  # four characters, so every size below is exact
FIRST_TEXT = "عنوان\nنص قصير"
FIRST = ("first", len(FIRST_TEXT))


def _text(size: int) -> str:
    return (WORD * (size // len(WORD) + 1))[:size]


def _documents(project: Path) -> list[tuple[str, int]]:
    conn = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT id, length(text) FROM documents ORDER BY seq").fetchall()
    finally:
        conn.close()


def _project(tmp_path: Path) -> Path:
    """A project holding one small document, so 'unchanged' is more than 'empty'."""
    project = tmp_path / "p.sqlite"
    assert _cli("init", project).returncode == 0
    small = tmp_path / "first.txt"
    small.write_text(FIRST_TEXT, encoding="utf-8")
    assert _cli("import", project, small).returncode == 0
    return project


def _jsonl(path: Path, documents: list[tuple[str, int]]) -> Path:
    lines = [json.dumps({"id": doc_id, "text": _text(size)}, ensure_ascii=False) for doc_id, size in documents]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_giant_document_in_jsonl_is_refused_naming_line_document_limit_and_size(tmp_path):
    project = _project(tmp_path)
    too_big = MAX_DOCUMENT_CHARACTERS + 1
    source = _jsonl(tmp_path / "news.jsonl", [("ok-1", 500), ("book", too_big), ("ok-2", 500)])

    result = _cli("import", project, source)

    assert result.returncode == 1, result.stderr
    message = result.stderr.strip()
    assert "Traceback" not in message and len(message.splitlines()) == 1
    assert message.startswith("annotator import: error: ")
    assert f"{source}:2" in message
    assert "'book'" in message
    assert f"{MAX_DOCUMENT_CHARACTERS:,}" in message and f"{too_big:,}" in message
    assert _documents(project) == [FIRST]  # all or nothing: ok-1 was rolled back


def test_giant_txt_file_is_refused_naming_the_file(tmp_path):
    project = _project(tmp_path)
    source = tmp_path / "whole-book.txt"
    source.write_text("عنوان\n" + _text(MAX_DOCUMENT_CHARACTERS), encoding="utf-8")

    result = _cli("import", project, source)

    assert result.returncode == 1, result.stderr
    assert str(source) in result.stderr and "'whole-book'" in result.stderr
    assert f"{MAX_DOCUMENT_CHARACTERS + 6:,} characters" in result.stderr
    assert _documents(project) == [FIRST]


def test_a_document_of_exactly_the_limit_is_imported(tmp_path):
    project = _project(tmp_path)
    source = _jsonl(tmp_path / "news.jsonl", [("longest", MAX_DOCUMENT_CHARACTERS)])

    result = _cli("import", project, source)

    assert result.returncode == 0, result.stderr
    assert _documents(project) == [FIRST, ("longest", MAX_DOCUMENT_CHARACTERS)]


def test_merge_refuses_a_giant_document_from_an_older_project(tmp_path):
    """A project made before the limit (crafted here with raw SQL: the text grown and its
    hash updated, as an older app would have stored it) cannot bring it into another."""
    source = tmp_path / "older.sqlite"
    assert _cli("init", source).returncode == 0
    assert _cli("import", source, _jsonl(tmp_path / "a.jsonl", [("book", 100)])).returncode == 0
    giant = _text(MAX_DOCUMENT_CHARACTERS + 10)
    conn = sqlite3.connect(source)
    with conn:
        conn.execute("UPDATE documents SET text = ?, sha256 = ? WHERE id = 'book'",
                     [giant, hashlib.sha256(giant.encode()).hexdigest()])
    conn.close()
    target = _project(tmp_path)

    result = _cli("merge", target, source)

    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert str(source) in result.stderr and "'book'" in result.stderr
    assert f"{MAX_DOCUMENT_CHARACTERS:,}" in result.stderr
    assert f"{MAX_DOCUMENT_CHARACTERS + 10:,}" in result.stderr
    assert _documents(target) == [FIRST]
