"""The brat export as brat itself would load it, run through the command line.

``brat_rules`` applies brat's loader and checker rules (trigger types, name syntax,
everything declared in ``annotation.conf``, argument types); the export must break none
of them, and import must read it (and the older form) back unchanged.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from annotator.core.model import Annotations, Attribution, Document, Span, Status
from annotator.formats.jsonl import document_line
from annotator.storage import ProjectStore
from tests.conftest import SEED
from tests.formats.brat_rules import folder_problems
from tests.helpers import at, seed_annotations
from tests.helpers import run_annotator as _cli

DOC = "aleppo-2020-02-02"


def _work(text: str) -> Annotations:
    """Nested entities, an event with three roles, attributions with and without a
    cue (one with a content alone), attributes on spans, events and attributions."""
    work = seed_annotations(text, DOC, "amal")
    second = Span("T10", *at(text, "مؤكدةً وقوع خسائر ضخمة"), "CONTENT")
    work.spans.append(second)
    work.attributions += [
        Attribution("A2", source="T9", content="T6", attributes={"quote": "direct"}),
        Attribution("A3", content="T10"),
    ]
    return work


def seed_annotations_of(text: str) -> Annotations:
    return seed_annotations(text, DOC, "amal")


def _project(tmp_path: Path, work_of=_work) -> tuple[Path, Annotations]:
    text = SEED.read_text(encoding="utf-8")
    work = work_of(text)
    source = tmp_path / "in.jsonl"
    line = document_line(Document(DOC, text), work)
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    project = tmp_path / "p.sqlite"
    assert _cli("init", str(project)).returncode == 0
    done = _cli("import", str(project), str(source))
    assert done.returncode == 0, done.stderr
    return project, work


def _stored(project: Path, annotator: str = "amal") -> Annotations:
    store = ProjectStore.open(project, read_only=True)
    try:
        return store.annotations(DOC, annotator)
    finally:
        store.close()


def _same(read: Annotations, written: Annotations) -> None:
    def key(span):
        return span.id

    assert sorted(read.spans, key=key) == sorted(written.spans, key=key)
    assert read.events == written.events
    assert read.attributions == written.attributions
    assert read.status == written.status


def test_brat_export_breaks_none_of_brats_rules(tmp_path):
    project, _ = _project(tmp_path)
    out = tmp_path / "brat"
    done = _cli("export", str(project), "-o", str(out), "--format", "brat")
    assert done.returncode == 0, done.stderr
    assert folder_problems(out / "amal") == []
    ann = (out / "amal" / f"{DOC}.ann").read_text(encoding="utf-8")
    assert "Conflict_Attack" in ann and "Conflict.Attack" not in ann


def test_brat_rules_catch_the_old_form(tmp_path):
    """The checker is no rubber stamp: the form brat refused is refused here."""
    project, _ = _project(tmp_path)
    out = tmp_path / "brat"
    assert _cli("export", str(project), "-o", str(out), "--format", "brat").returncode == 0
    ann = out / "amal" / f"{DOC}.ann"
    old = ann.read_text(encoding="utf-8").replace("\tAttribution 75 80", "\tCUE 75 80")
    ann.write_text(old.replace("Conflict_Attack", "Conflict.Attack"), encoding="utf-8")
    problems = "\n".join(folder_problems(out / "amal"))
    assert "EventWithNonTriggerError" in problems
    assert "'Conflict.Attack' is renamed by brat" in problems


def test_brat_export_imports_back_unchanged_with_its_status(tmp_path):
    project, work = _project(tmp_path)
    assert work.status is Status.DONE
    out = tmp_path / "brat"
    assert _cli("export", str(project), "-o", str(out), "--format", "brat").returncode == 0
    again = tmp_path / "again.sqlite"
    assert _cli("init", str(again)).returncode == 0
    done = _cli("import", str(again), str(out))
    assert done.returncode == 0, done.stderr
    _same(_stored(again), _stored(project))
    assert _stored(again).status is Status.DONE
    # and the export of the re-import is the same files
    out2 = tmp_path / "brat2"
    assert _cli("export", str(again), "-o", str(out2), "--format", "brat").returncode == 0
    for path in (out / "amal").iterdir():
        assert (out2 / "amal" / path.name).read_bytes() == path.read_bytes()


def test_brat_import_reads_the_older_form_too(tmp_path):
    """What earlier versions exported (a CUE trigger, ACE names with dots) still reads."""
    text = SEED.read_text(encoding="utf-8")
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "doc.txt").write_text(text, encoding="utf-8")

    def t(brat_id: str, label: str, phrase: str, after: str = "") -> str:
        start, end = at(text, phrase, after)
        return f"{brat_id}\t{label} {start} {end}\t{phrase}\n"

    (folder / "doc.ann").write_text(
        t("T1", "ORG", "الجبهة الوطنية للتحرير")
        + t("T2", "Conflict.Attack", "استهداف")
        + t("T3", "CUE", "أعلنت")
        + "E1\tConflict.Attack:T2 Attacker:T1\n"
        + "E2\tAttribution:T3 Source:T1\n",
        encoding="utf-8",
    )
    project = tmp_path / "p.sqlite"
    assert _cli("init", str(project)).returncode == 0
    done = _cli("import", str(project), str(folder), "--annotator", "amal")
    assert done.returncode == 0, done.stderr
    store = ProjectStore.open(project, read_only=True)
    work = store.annotations("doc", "amal")
    store.close()
    assert work.events[0].type == "Conflict.Attack"
    assert work.attributions == [Attribution("A1", source="T1", cue="T3")]


def test_brat_notes_are_kept_and_normalisations_reported_with_counts(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "doc.txt").write_text(text, encoding="utf-8")
    start, end = at(text, "حلب", "غربي مدينة")
    (folder / "doc.ann").write_text(
        f"T1\tGPE {start} {end}\tحلب\n"
        "#1\tAnnotatorNotes T1\tمدينة\n#2\tAnnotatorNotes T1\tثانية\n"
        "N1\tReference T1 Wikidata:Q41183\tحلب\n",
        encoding="utf-8",
    )
    project = tmp_path / "p.sqlite"
    assert _cli("init", str(project)).returncode == 0
    done = _cli("import", str(project), str(folder))
    assert done.returncode == 0, done.stderr
    assert "note (#) lines not imported" not in done.stderr  # AnnotatorNotes are notes now
    assert "1 brat normalisation (N) line not imported" in done.stderr
    assert "doc.ann (1)" in done.stderr
    with sqlite3.connect(project) as db:
        (note,) = db.execute("SELECT target, text FROM notes").fetchall()
    assert note[0] == "T1" and "مدينة" in note[1] and "ثانية" in note[1]


def test_brat_export_leaves_out_undeclared_attributes_and_says_so(tmp_path):
    # Import now refuses undeclared names; a project written before that (or by hand)
    # may still hold one, so the export keeps its own guard.
    project, work = _project(tmp_path, seed_annotations_of)
    first = work.spans[0]
    with sqlite3.connect(project) as db:
        changed = db.execute(
            "UPDATE spans SET attributes = ? WHERE document_id = ? AND annotator = ? AND id = ?",
            ('{"mention": "NAM", "colour": "red"}', DOC, "amal", first.id),
        ).rowcount
    assert changed == 1
    out = tmp_path / "brat"
    done = _cli("export", str(project), "-o", str(out), "--format", "brat")
    assert done.returncode == 0, done.stderr
    assert "attribute colour='red' of T1 is left out" in done.stderr
    assert folder_problems(out / "amal") == []


def test_brat_export_writes_long_ids_and_names_as_shorter_file_names(tmp_path):
    """A 200-letter Arabic id (400 bytes of UTF-8) or a 300-character annotator name went
    over the file system's 255 bytes and the whole export failed ("File name too long",
    naming neither). They are cut, kept apart by a digest, and said."""
    long_id, other_id = "مقال" * 50, "مقال" * 50 + "ب"
    long_name = "a" * 300
    lines = [{"id": doc, "text": "زار الوفد حلب أمس.", "annotator": who,
              "spans": [{"id": "T1", "start": 10, "end": 13, "label": "GPE"}]}
             for doc, who in ((long_id, "amal"), (other_id, long_name))]
    source = tmp_path / "long.jsonl"
    source.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    project = tmp_path / "p.sqlite"
    assert _cli("init", str(project)).returncode == 0
    assert _cli("import", str(project), str(source)).returncode == 0
    out = tmp_path / "brat"
    done = _cli("export", str(project), "-o", str(out), "--format", "brat")
    assert done.returncode == 0, done.stderr
    assert "the name is too long for a file name" in done.stderr
    written = sorted(p.relative_to(out) for p in out.rglob("*.ann"))
    assert len(written) == 2 and all(len(part.encode()) <= 255 for p in written for part in p.parts)
    for folder in {p.parent for p in out.rglob("*.ann")}:
        assert folder_problems(folder) == []
