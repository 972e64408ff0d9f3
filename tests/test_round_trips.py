"""The seed article through the command line: import, annotate, export, re-import."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from annotator.cli import run
from annotator.core.model import Document
from annotator.storage import ProjectStore
from tests.conftest import DATA, SEED
from tests.helpers import seed_annotations

DOC = "aleppo-2020-02-02"


@pytest.fixture
def annotated_project(tmp_path):
    project = tmp_path / "seed.sqlite"
    assert run(["init", str(project)]) == 0
    assert run(["import", str(project), str(SEED)]) == 0
    store = ProjectStore.open(project)
    text = store.document(DOC).text
    store.replace_annotations(seed_annotations(text, DOC, "amal"))
    store.close()
    return project


def _reimport(tmp_path, path, name, *extra):
    project = tmp_path / f"{name}.sqlite"
    run(["init", str(project)])
    assert run(["import", str(project), str(path), *extra]) == 0
    return ProjectStore.open(project)


def _labelled(document: Document, spans, squeeze: bool = False) -> Counter:
    """(label, covered text); ``squeeze`` drops spaces, which CoNLL rebuilds its own way."""
    def covered(span):
        text = document.text[span.start : span.end]
        return "".join(text.split()) if squeeze else text

    return Counter((s.label, covered(s)) for s in spans)


def test_seed_round_trip_jsonl(annotated_project, tmp_path):
    out = tmp_path / "seed.jsonl"
    assert run(["export", str(annotated_project), "-o", str(out), "--format", "jsonl"]) == 0
    store = _reimport(tmp_path, out, "from-jsonl")
    original = ProjectStore.open(annotated_project)
    assert store.annotations(DOC, "amal") == original.annotations(DOC, "amal")
    again = tmp_path / "again.jsonl"
    store.close()
    run(["export", str(tmp_path / "from-jsonl.sqlite"), "-o", str(again), "--format", "jsonl"])
    assert again.read_bytes() == out.read_bytes()


def test_seed_round_trip_brat(annotated_project, tmp_path):
    out = tmp_path / "brat"
    assert run(["export", str(annotated_project), "-o", str(out), "--format", "brat"]) == 0
    assert (out / "amal" / f"{DOC}.ann").exists() and (out / "amal" / "annotation.conf").exists()
    store = _reimport(tmp_path, out, "from-brat")  # the export folder, one subfolder per annotator
    original = ProjectStore.open(annotated_project).annotations(DOC, "amal")
    again = store.annotations(DOC, "amal")
    document = store.document(DOC)
    assert _labelled(document, again.spans) == _labelled(document, original.spans)
    by_id = again.span_map()
    (event,) = again.events
    assert event.type == "Conflict.Attack" and event.attributes == {"polarity": "Positive"}
    roles = {(a.role, document.text[by_id[a.span].start : by_id[a.span].end]) for a in event.arguments}
    assert roles == {("Attacker", "الجبهة الوطنية للتحرير"), ("Target", "قوات النظام"), ("Place", "حلب")}
    (attribution,) = again.attributions
    assert by_id[attribution.cue].text_in(document.text) == "أعلنت"
    assert by_id[attribution.source].label == "ORG"


def test_seed_round_trip_conll_all_layers(annotated_project, tmp_path, capsys):
    out = tmp_path / "seed.conll"
    code = run(["export", str(annotated_project), "-o", str(out), "--format", "conll",
                "--layer", "entity,event,attribution"])
    assert code == 0
    assert "left out" in capsys.readouterr().err  # the nested ORG inside the PER mention
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "-DOCSTART-\tO\tO\tO"
    assert "ل\tO\tO\tO" in lines and "قوات\tB-ORG\tO\tO" in lines  # «لقوات النظام», split mode
    store = _reimport(tmp_path, out, "from-conll")
    (doc_id,) = store.document_ids()
    document = store.document(doc_id)
    again = store.annotations(doc_id, "import")
    original = ProjectStore.open(annotated_project)
    kept = [s for s in original.annotations(DOC, "amal").spans if s.id != "T8"]
    assert _labelled(document, again.spans, True) == _labelled(original.document(DOC), kept, True)


def test_conll_from_shared_data_reexports_same_tokens_and_tags(tmp_path, capsys):
    source = DATA / "aqmar" / "Damascus.conll"
    project = tmp_path / "aqmar.sqlite"
    run(["init", str(project), "--schema", "anercorp"])
    assert run(["import", str(project), str(source), "--add-labels", "--annotator", "aqmar"]) == 0
    out = tmp_path / "out.conll"
    assert run(["export", str(project), "-o", str(out), "--format", "conll"]) == 0

    def pairs(path):
        rows = [line.split() for line in path.read_text(encoding="utf-8").splitlines()]
        return [tuple(r) for r in rows if r and r[0] != "-DOCSTART-"]

    assert pairs(out) == pairs(source)
    capsys.readouterr()
    assert run(["stats", str(project), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    expected = Counter(tag[2:] for _, tag in pairs(source) if tag.startswith("B-"))
    assert figures["spans_per_label"] == dict(expected)


def test_conll_export_with_several_annotators_asks_for_one(annotated_project, tmp_path, capsys):
    store = ProjectStore.open(annotated_project)
    store.replace_annotations(seed_annotations(store.document(DOC).text, DOC, "badr"))
    store.close()
    out = tmp_path / "x.conll"
    assert run(["export", str(annotated_project), "-o", str(out), "--format", "conll"]) == 1
    assert "--annotator" in capsys.readouterr().err and not out.exists()
    assert run(["export", str(annotated_project), "-o", str(out), "--format", "conll", "--annotator", "badr"]) == 0
