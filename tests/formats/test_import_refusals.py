"""Input an import must refuse, as a user meets it: ``annotator import`` in a process of
its own on files written here. Each refusal names the file (and the line, and what is at
fault) and leaves the project as it was: its JSONL export is the same bytes before and
after. What was imported silently before: a note on an item the line does not hold, an
attribute of another layer, text read from UTF-16 without a BOM (NULs), a NUL in a JSONL
text; and messages that named no line, or an OS error for a folder."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from tests.helpers import run_annotator

TEXT = "أعلنت وزارة الدفاع التركية مقتل جنود في إدلب."
ORG = (TEXT.index("وزارة"), TEXT.index("التركية") + len("التركية"))
KILLED = (TEXT.index("مقتل"), TEXT.index("مقتل") + len("مقتل"))
OTHER = "قالت مصادر في حلب إن القصف استمر."


def _line(doc_id: str, text: str, **work: object) -> str:
    return json.dumps({"id": doc_id, "text": text, "annotator": "dina", **work}, ensure_ascii=False) + "\n"


def _org(**extra: object) -> dict[str, object]:
    return {"id": "T1", "start": ORG[0], "end": ORG[1], "label": "ORG", **extra}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project holding one document with dina's work, made by init and import."""
    path = tmp_path / "p.annotator"
    assert run_annotator("init", path).returncode == 0
    first = tmp_path / "first.jsonl"
    first.write_text(_line("first", OTHER, spans=[{"id": "T1", "start": 14, "end": 17, "label": "GPE"}],
                           notes=[{"target": "T1", "text": "حلب المدينة"}]), encoding="utf-8")
    done = run_annotator("import", path, first)
    assert done.returncode == 0, done.stderr
    return path


def _exported(project: Path) -> bytes:
    out = project.with_name(f"export-{len(list(project.parent.glob('export-*')))}.jsonl")
    done = run_annotator("export", project, "-o", out, "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


def _refused(project: Path, *args: object) -> str:
    """The error line of an import that must fail, the project checked unchanged."""
    before = _exported(project)
    done = run_annotator("import", project, *args)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert _exported(project) == before
    return done.stderr


# --- 1. a note on an item that does not exist ----------------------------------------
def test_a_jsonl_note_on_a_missing_item_is_refused_naming_line_and_id(project: Path, tmp_path: Path) -> None:
    source = tmp_path / "notes.jsonl"
    source.write_text(_line("ok", OTHER) + _line("newdoc", TEXT, spans=[_org()],
                                                 notes=[{"target": "T99", "text": "dangling"}]),
                      encoding="utf-8")
    error = _refused(project, source)
    assert f"{source}:2" in error and "'T99'" in error
    # notes on an item of the line, or on the document (target ""), are kept where they are
    source.write_text(_line("newdoc", TEXT, spans=[_org()], notes=[{"target": "T1", "text": "which ministry?"},
                                                                   {"target": "", "text": "read again"}]),
                      encoding="utf-8")
    assert run_annotator("import", project, source).returncode == 0
    lines = [json.loads(line) for line in _exported(project).decode("utf-8").splitlines()]
    (newdoc,) = [line for line in lines if line["id"] == "newdoc"]
    assert sorted(n["target"] for n in newdoc["notes"]) == ["", "T1"]


def _brat_with_org(tmp_path: Path, more: str) -> Path:
    """A brat folder: newdoc.txt and its .ann, the ORG span on line 1, ``more`` after it."""
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "newdoc.txt").write_text(TEXT, encoding="utf-8")
    (folder / "newdoc.ann").write_text(f"T1\tORG {ORG[0]} {ORG[1]}\t{TEXT[ORG[0]:ORG[1]]}\n" + more,
                                       encoding="utf-8")
    return folder


def test_a_brat_note_on_an_undefined_id_is_refused_naming_its_line(project: Path, tmp_path: Path) -> None:
    folder = _brat_with_org(tmp_path, "#1\tAnnotatorNotes T7\tdangling\n")
    error = _refused(project, folder)
    assert f"{folder / 'newdoc.ann'}:2" in error and "T7" in error


# --- 2. attributes the schema declares for another layer ------------------------------
LAYER_CASES = {
    "polarity on an ORG span": ({"spans": [_org(attributes={"polarity": "Positive"})]}, "polarity", "event"),
    "mention on an event": ({"spans": [{"id": "T1", "start": KILLED[0], "end": KILLED[1], "label": "Life.Die"}],
                             "events": [{"id": "E1", "type": "Life.Die", "trigger": "T1", "arguments": [],
                                         "attributes": {"mention": "NAM"}}]}, "mention", "entity"),
    "quote on an event": ({"spans": [{"id": "T1", "start": KILLED[0], "end": KILLED[1], "label": "Life.Die"}],
                           "events": [{"id": "E1", "type": "Life.Die", "trigger": "T1", "arguments": [],
                                       "attributes": {"quote": "direct"}}]}, "quote", "attribution"),
}


@pytest.mark.parametrize("case", list(LAYER_CASES))
def test_an_attribute_of_another_layer_is_refused_unless_add_labels(project: Path, tmp_path: Path,
                                                                   case: str) -> None:
    """Refused as an unknown attribute is; and kept with --add-labels, as one is (the
    schema declares a name for one layer only, so it is kept as it is)."""
    work, name, declared = LAYER_CASES[case]
    source = tmp_path / "layer.jsonl"
    source.write_text(_line("ok", OTHER) + _line("newdoc", TEXT, **work), encoding="utf-8")
    error = _refused(project, source)
    assert f"{source}:2" in error
    assert f"attribute {name!r} is declared for the {declared} layer" in error
    assert "--add-labels" in error
    done = run_annotator("import", project, source, "--add-labels")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in _exported(project).decode("utf-8").splitlines()]
    (newdoc,) = [line for line in lines if line["id"] == "newdoc"]
    carried = [item.get("attributes", {}) for item in newdoc["spans"] + newdoc["events"]]
    assert any(name in attributes for attributes in carried)


def test_a_brat_attribute_of_another_layer_is_refused_naming_its_a_line(project: Path, tmp_path: Path) -> None:
    folder = _brat_with_org(tmp_path, "A1\tPolarity T1 Positive\n")
    error = _refused(project, folder)
    assert f"{folder / 'newdoc.ann'}:2" in error
    assert "attribute 'polarity' is declared for the event layer" in error


def test_the_brat_export_says_whole_why_it_leaves_such_an_attribute_out(project: Path, tmp_path: Path) -> None:
    source = tmp_path / "layer.jsonl"
    source.write_text(_line("newdoc", TEXT, spans=[_org(attributes={"polarity": "Positive"})]), encoding="utf-8")
    assert run_annotator("import", project, source, "--add-labels").returncode == 0
    done = run_annotator("export", project, "-o", tmp_path / "out", "--format", "brat")
    assert done.returncode == 0, done.stderr
    (warning,) = [line for line in done.stderr.splitlines() if "polarity" in line]
    assert warning.endswith("so annotation.conf cannot allow it there and brat would mark it as an error "
                            "(JSONL keeps it)")


# --- 3. control characters: UTF-16 without a BOM, a NUL in a JSONL text ----------------
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_a_bom_is_refused_with_the_encoding_to_use(project: Path, tmp_path: Path,
                                                                      codec: str) -> None:
    source = tmp_path / "article.txt"
    text = f"{TEXT}\n{OTHER}\n"
    source.write_bytes(text.encode(codec))
    assert not source.read_bytes().startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    error = _refused(project, source)
    assert str(source) in error and "UTF-16 without a BOM" in error and f"--encoding {codec}" in error
    done = run_annotator("import", project, source, "--encoding", codec)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in _exported(project).decode("utf-8").splitlines()]
    assert [line["text"] for line in lines if line["id"] == "article"] == [text]


@pytest.mark.parametrize("suffix", [".jsonl", ".conll"])
def test_utf16_lines_without_a_bom_are_refused_with_the_encoding_to_use(project: Path, tmp_path: Path,
                                                                        suffix: str) -> None:
    source = tmp_path / f"data{suffix}"
    content = _line("newdoc", TEXT) if suffix == ".jsonl" else "أعلنت\tO\nوزارة\tB-ORG\nالدفاع\tI-ORG\n"
    source.write_bytes(content.encode("utf-16-le"))
    error = _refused(project, source)
    assert str(source) in error and "--encoding utf-16-le" in error


def test_a_nul_in_a_jsonl_text_is_refused_naming_line_and_place(project: Path, tmp_path: Path) -> None:
    source = tmp_path / "nul.jsonl"
    source.write_text(_line("ok", OTHER) + '{"id": "x", "text": "abc\\u0000def"}\n', encoding="utf-8")
    error = _refused(project, source)
    assert f"{source}:2" in error and "U+0000" in error and "character 3" in error


def test_a_control_character_in_a_text_file_is_refused_naming_line_and_column(project: Path,
                                                                              tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text(f"{OTHER}\nقال\x01 مصدر\n", encoding="utf-8")
    error = _refused(project, source)
    assert f"{source}:2" in error and "column 4" in error and "U+0001" in error


def test_a_control_character_in_a_conll_token_is_refused(project: Path, tmp_path: Path) -> None:
    source = tmp_path / "article.conll"
    source.write_text("-DOCSTART- -X- -X- O\n\nقال\tO\nمصدر\x07\tO\nفي\tO\nحلب\tB-GPE\n", encoding="utf-8")
    error = _refused(project, source)
    assert str(source) in error and "U+0007" in error


# --- 4. messages that named no line, or no reason ----------------------------------------
@pytest.mark.parametrize("ann, line", [
    ("T1\tMinistry {start} {end}\t{text}\n", 1),  # an unknown label: on its T line
    ("T1\tORG {start} {end}\t{text}\nA1\tColour T1 Red\n", 2),  # an unknown attribute: on its A line
    ("T1\tLife_Die {kstart} {kend}\t{killed}\nE1\tLife_Die:T1\nA1\tMention E1 NAM\n", 3),
])
def test_brat_schema_errors_name_the_line(project: Path, tmp_path: Path, ann: str, line: int) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "d.txt").write_text(TEXT, encoding="utf-8")
    (folder / "d.ann").write_text(ann.format(start=ORG[0], end=ORG[1], text=TEXT[ORG[0]:ORG[1]],
                                             kstart=KILLED[0], kend=KILLED[1], killed=TEXT[KILLED[0]:KILLED[1]]),
                                  encoding="utf-8")
    (folder / "visual.conf").write_text("[labels]\nLife_Die | Life.Die\n", encoding="utf-8")
    error = _refused(project, folder)
    assert f"{folder / 'd.ann'}:{line}," in error


def test_a_folder_of_conll_files_imports_each_of_them(project: Path, tmp_path: Path) -> None:
    """A folder of CoNLL (or JSONL) files, with --format or without: each file is read,
    in name order (was the OS's 'Is a directory', or 'holds no .txt or .ann files')."""
    folder = tmp_path / "aqmar"
    folder.mkdir()
    for name, word in (("b.conll", "حلب"), ("a.conll", "إدلب")):
        (folder / name).write_text(f"-DOCSTART- -X- -X- O\n\nفي\tO\n{word}\tB-GPE\n", encoding="utf-8")
    for args in ((), ("--format", "conll")):
        copy = tmp_path / f"p{len(args)}.annotator"
        assert run_annotator("init", copy).returncode == 0
        done = run_annotator("import", copy, folder, *args)
        assert done.returncode == 0 and "imported 2 documents" in done.stdout, done.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "no file to import" in _refused(project, empty)
    error = _refused(project, empty, "--format", "conll")
    assert str(empty) in error and "Is a directory" not in error
    (folder / "more.jsonl").write_text(_line("x", OTHER), encoding="utf-8")
    assert "several formats (conll, jsonl); use --format" in _refused(project, folder)


def test_a_merge_still_takes_an_attribute_of_another_layer_from_a_project(project: Path, tmp_path: Path) -> None:
    """Guard: the layer check is for files. A project's own work may hold such an
    attribute (kept by --add-labels, or left by relabelling a span): merge copies it."""
    source = tmp_path / "layer.jsonl"
    source.write_text(_line("newdoc", TEXT, spans=[_org(attributes={"polarity": "Positive"})]), encoding="utf-8")
    other = tmp_path / "other.annotator"
    assert run_annotator("init", other).returncode == 0
    assert run_annotator("import", other, source, "--add-labels").returncode == 0
    done = run_annotator("merge", project, other)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in _exported(project).decode("utf-8").splitlines()]
    (newdoc,) = [line for line in lines if line["id"] == "newdoc"]
    assert newdoc["spans"][0]["attributes"] == {"polarity": "Positive"}
