"""Annotators' notes round-trip through JSONL, brat and merge, each step a second process."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

TEXT = "هاجم مسلحون حلب أمس، وقال متحدث إن الهدنة انتهت."


def _run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          check=False, capture_output=True, text=True, timeout=300)


def _ok(*args: str | Path) -> subprocess.CompletedProcess:
    result = _run(*args)
    assert result.returncode == 0, result.stderr
    return result


def _at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _line(annotator: str, notes: list[dict]) -> dict:
    spans = [
        {"id": "T1", "start": _at("هاجم")[0], "end": _at("هاجم")[1], "label": "Conflict.Attack"},
        {"id": "T2", "start": _at("حلب")[0], "end": _at("حلب")[1], "label": "GPE"},
        {"id": "T3", "start": _at("وقال")[0] + 1, "end": _at("وقال")[1], "label": "CUE"},
        {"id": "T4", "start": _at("الهدنة انتهت")[0], "end": _at("الهدنة انتهت")[1], "label": "CONTENT"},
    ]
    return {"id": "d1", "text": TEXT, "annotator": annotator, "status": "done", "spans": spans,
            "events": [{"id": "E1", "type": "Conflict.Attack", "trigger": "T1"}],
            "attributions": [{"id": "A1", "cue": "T3", "content": "T4"}],
            "notes": notes}


NOTES = [
    {"target": "", "text": "المقال مكرر؟"},
    {"target": "T2", "text": "مدينة أم محافظة؟"},
    {"target": "E1", "text": "الفاعل غير مذكور"},
    {"target": "A1", "text": "من المتحدث؟"},
]


def _project(tmp_path: Path, name: str, lines: list[dict]) -> Path:
    source = tmp_path / f"{name}.jsonl"
    source.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    project = tmp_path / f"{name}.annotator"
    _ok("init", project)
    _ok("import", project, source)
    return project


def _stored(project: Path) -> set[tuple[str, str, str, str]]:
    with sqlite3.connect(project) as conn:
        return set(conn.execute("SELECT document_id, annotator, target, text FROM notes"))


def _exported(project: Path, tmp_path: Path, name: str) -> list[dict]:
    out = tmp_path / f"{name}.jsonl"
    _ok("export", project, "-o", out, "--format", "jsonl")
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _sorted(notes: list[dict]) -> list[dict]:
    return sorted(notes, key=lambda n: n["target"])


def test_notes_jsonl_import_stores_them_and_export_writes_them(tmp_path: Path) -> None:
    project = _project(tmp_path, "p", [_line("amal", NOTES)])
    assert _stored(project) == {("d1", "amal", n["target"], n["text"]) for n in NOTES}
    lines = _exported(project, tmp_path, "out")
    assert _sorted(lines[0]["notes"]) == _sorted(NOTES)
    again = _project(tmp_path, "again", lines)
    assert _stored(again) == _stored(project)


def test_notes_round_trip_through_brat_as_annotator_notes(tmp_path: Path) -> None:
    project = _project(tmp_path, "p", [_line("amal", NOTES)])
    folder = tmp_path / "brat"
    exported = _ok("export", project, "-o", folder, "--format", "brat")
    ann = next(folder.rglob("*.ann")).read_text(encoding="utf-8")
    note_lines = [line for line in ann.splitlines() if line.startswith("#")]
    assert [line.split("\t")[0] for line in note_lines] == ["#1", "#2", "#3"]
    assert "AnnotatorNotes T2\tمدينة أم محافظة؟" in {line.split("\t", 1)[1] for line in note_lines}
    assert len(note_lines) == 3  # the note on the document has no annotation to hang on
    assert "1 note(s) on the document left out" in exported.stderr
    back = tmp_path / "back.annotator"
    _ok("init", back)
    imported = _ok("import", back, folder, "--annotator", "amal")
    assert "note (#)" not in imported.stderr  # AnnotatorNotes are kept, not reported dropped
    with sqlite3.connect(back) as conn:
        attribution_id = conn.execute("SELECT id FROM attributions").fetchone()[0]
    expected = {("d1", "amal", n["target"], n["text"]) for n in NOTES if n["target"]}
    expected = {(d, a, attribution_id if t == "A1" else t, x) for d, a, t, x in expected}
    assert {(d, a, t, x) for d, a, t, x in _stored(back)} == expected


def test_notes_travel_with_the_work_through_merge(tmp_path: Path) -> None:
    first = _project(tmp_path, "first", [_line("amal", NOTES[:2])])
    second = _project(tmp_path, "second", [_line("badr", NOTES[2:])])
    target = tmp_path / "target.annotator"
    _ok("init", target)
    _ok("merge", target, first, second)
    assert _stored(target) == _stored(first) | _stored(second)
    # merging again a copy of amal's work whose notes changed replaces hers only
    changed = _project(tmp_path, "changed", [_line("amal", [{"target": "T2", "text": "محافظة"}])])
    _ok("merge", target, changed, "--force-older")
    assert _stored(target) == {("d1", "amal", "T2", "محافظة")} | _stored(second)


def test_notes_on_a_missing_item_export_as_notes_on_the_document(tmp_path: Path) -> None:
    project = _project(tmp_path, "p", [_line("amal", NOTES[:1])])
    with sqlite3.connect(project) as conn:  # as left behind when span T9 was deleted
        conn.execute("INSERT INTO notes VALUES ('d1', 'amal', 'T9', 'حدود الاسم؟', '2026-01-01T00:00:00')")
    notes = _exported(project, tmp_path, "out")[0]["notes"]
    assert notes == [{"target": "", "text": "المقال مكرر؟\nحدود الاسم؟"}]
