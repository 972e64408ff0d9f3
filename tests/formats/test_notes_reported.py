"""Annotators' notes left out by an export whose shape has no place for them are counted
on stderr, with the rest of what it could not hold (README, the round-trip table); JSONL
keeps them and says nothing. Run as the user runs them: a second process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.model import Document
from annotator.formats.jsonl import document_line
from tests.helpers import run_annotator, seed_annotations

DOC = "aleppo-2020-02-02"
NOTES = [{"target": "", "text": "a note on the document\nover two lines"},
         {"target": "T8", "text": "PER or ORG?"},
         {"target": "E1", "text": "is Place right?"}]


@pytest.fixture(scope="module")
def noted_project(tmp_path_factory) -> Path:
    """The seed article with amal's labels and three notes: on the document, a span, an event."""
    folder = tmp_path_factory.mktemp("noted")
    text = (Path(__file__).parent.parent / "data" / "aleppo-2020-02-02.txt").read_text(encoding="utf-8")
    line = document_line(Document(DOC, text), seed_annotations(text, DOC, "amal"))
    line["notes"] = NOTES
    source = folder / "in.jsonl"
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    project = folder / "p.sqlite"
    assert run_annotator("init", project).returncode == 0
    imported = run_annotator("import", project, source)
    assert imported.returncode == 0, imported.stderr
    return project


def _not_exported_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if "not exported:" in line]
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize(("fmt", "said"), [
    ("doccano", "doccano sequence labelling has no place for these, which were not exported: "
                "1 events, 1 attributions, 4 attributes, 3 notes (--format doccano-relations"),
    ("doccano-relations", "doccano relation extraction has no place for these, which were not "
                          "exported: 4 attributes, 3 notes"),
    ("prodigy", "Prodigy's span task has no place for these, which were not exported: "
                "1 events, 1 attributions, 4 attributes, 3 notes"),
    ("conll", "CoNLL tags spans only, so these were not exported: 3 event arguments, "
              "1 attributions (source-cue-content links), 3 notes"),
])
def test_an_export_with_no_place_for_notes_counts_them(noted_project, tmp_path, fmt, said):
    done = run_annotator("export", noted_project, "-o", tmp_path / f"out.{fmt}", "--format", fmt)
    assert done.returncode == 0, done.stderr
    assert said in _not_exported_line(done.stderr)
    assert "is Place right?" not in (tmp_path / f"out.{fmt}").read_text(encoding="utf-8")


def test_the_spacy_export_counts_the_notes_it_leaves_out(noted_project, tmp_path):
    pytest.importorskip("spacy")
    done = run_annotator("export", noted_project, "-o", tmp_path / "out.spacy", "--format", "spacy")
    assert done.returncode == 0, done.stderr
    assert _not_exported_line(done.stderr).endswith(
        "a .spacy file has no place for these, which were not exported: "
        "1 events, 1 attributions, 4 attributes, 3 notes")


def test_one_note_is_said_in_the_singular_and_jsonl_keeps_it(tmp_path):
    text = (Path(__file__).parent.parent / "data" / "aleppo-2020-02-02.txt").read_text(encoding="utf-8")
    line = document_line(Document(DOC, text), seed_annotations(text, DOC, "amal"))
    line["notes"] = NOTES[:1]
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    project = tmp_path / "p.sqlite"
    assert run_annotator("init", project).returncode == 0
    assert run_annotator("import", project, source).returncode == 0
    done = run_annotator("export", project, "-o", tmp_path / "out.jsonl", "--format", "doccano-relations")
    assert done.returncode == 0, done.stderr
    assert _not_exported_line(done.stderr).endswith("not exported: 4 attributes, 1 note")
    done = run_annotator("export", project, "-o", tmp_path / "all.jsonl", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr  # JSONL keeps the note
    assert json.loads((tmp_path / "all.jsonl").read_text(encoding="utf-8"))["notes"] == NOTES[:1]


