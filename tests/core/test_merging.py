from __future__ import annotations

import pytest

from annotator.cli import run
from annotator.core.model import Document, Status
from annotator.storage import ProjectStore
from tests.conftest import SEED
from tests.helpers import seed_annotations

DOC = "aleppo-2020-02-02"


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
