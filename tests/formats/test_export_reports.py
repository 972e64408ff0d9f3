"""What an export cannot hold is said on stderr; options a format ignores are refused;
import errors name the real line. Run as the user runs them: a second process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.model import Document
from annotator.formats.jsonl import document_line
from tests.conftest import SEED
from tests.helpers import run_annotator as _cli
from tests.helpers import seed_annotations, seed_jsonl_project

DOC = "aleppo-2020-02-02"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return seed_jsonl_project(tmp_path, DOC)


def test_conll_export_says_what_it_left_out_per_kind(project, tmp_path):
    done = _cli("export", str(project), "-o", str(tmp_path / "x.conll"), "--format", "conll")
    assert done.returncode == 0, done.stderr
    # the seed: one event with 3 arguments, one attribution; a trigger and 2 parts
    assert "3 event arguments" in done.stderr
    assert "1 attributions" in done.stderr
    assert "layers not asked for with --layer: attribution (2), event (1)" in done.stderr


def test_conll_export_of_every_layer_reports_only_the_links(project, tmp_path):
    done = _cli("export", str(project), "-o", str(tmp_path / "x.conll"), "--format", "conll",
                "--layer", "entity,event,attribution")
    assert done.returncode == 0, done.stderr
    assert "3 event arguments" in done.stderr
    assert "--layer" not in done.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "brat"])
def test_layer_given_to_a_format_that_holds_every_layer_is_refused(project, tmp_path, fmt):
    out = tmp_path / f"x.{fmt}"
    done = _cli("export", str(project), "-o", str(out), "--format", fmt, "--layer", "event")
    assert done.returncode == 2
    assert "--layer is for CoNLL only" in done.stderr
    assert not out.exists()


def test_conll_unknown_label_names_its_own_line(tmp_path):
    rows = ["-DOCSTART-\tO", ""] + [f"كلمة{i}\tO" for i in range(52)] + ["حلب\tB-CITY", ""]
    source = tmp_path / "x.conll"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert rows[54] == "حلب\tB-CITY"  # line 55 of the file
    project = tmp_path / "p.sqlite"
    assert _cli("init", str(project)).returncode == 0
    done = _cli("import", str(project), str(source))
    assert done.returncode == 1
    assert f"{source}:55" in done.stderr and "CITY" in done.stderr


def test_unknown_attribute_is_refused_like_an_unknown_label(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    work = seed_annotations(text, DOC, "amal")
    work.spans[0] = work.spans[0].with_changes(attributes={"colour": "red"})
    source = tmp_path / "in.jsonl"
    line = document_line(Document(DOC, text), work)
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    project = tmp_path / "p.sqlite"
    assert _cli("init", str(project)).returncode == 0
    done = _cli("import", str(project), str(source))
    assert done.returncode == 1
    assert "colour" in done.stderr and f"{source}:1" in done.stderr
    assert "--add-labels" in done.stderr
    assert _cli("import", str(project), str(source), "--add-labels").returncode == 0
    out = tmp_path / "out.jsonl"
    assert _cli("export", str(project), "-o", str(out), "--format", "jsonl").returncode == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    coloured = [s for s in exported["spans"] if s.get("attributes") == {"colour": "red"}]
    assert [(s["start"], s["end"]) for s in coloured] == [(work.spans[0].start, work.spans[0].end)]
    brat = tmp_path / "brat"
    assert _cli("export", str(project), "-o", str(brat), "--format", "brat").returncode == 0
    conf = (brat / "amal" / "annotation.conf").read_text(encoding="utf-8")
    assert "Colour\tArg:<ENTITY>, Value:red" in conf
