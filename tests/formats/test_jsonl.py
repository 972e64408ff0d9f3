from __future__ import annotations

import io
import json

import pytest

from annotator.core.importing import import_records
from annotator.core.model import Document
from annotator.errors import AnnotatorError, InputError
from annotator.formats.jsonl import document_line, read_jsonl, write_jsonl
from annotator.formats.registry import export_pairs
from tests.helpers import seed_annotations


def _import(store, path, **options):
    return list(import_records(store, read_jsonl(path, **options)))


def _export(store) -> str:
    out = io.StringIO()
    list(write_jsonl(export_pairs(store, None), out))
    return out.getvalue()


def _write_lines(path, *objects):
    path.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in objects) + "\n", encoding="utf-8")
    return path


def test_jsonl_export_import_export_gives_same_bytes(store, schema, seed_text, tmp_path):
    from annotator.storage import ProjectStore

    store.add_document(Document("aleppo", seed_text, {"title": "توقف المعارك", "date": "2020-02-02"}))
    store.replace_annotations(seed_annotations(seed_text, "aleppo", "amal"))
    store.replace_annotations(seed_annotations(seed_text, "aleppo", "badr"))
    first = _export(store)
    path = tmp_path / "export.jsonl"
    path.write_text(first, encoding="utf-8")
    other = ProjectStore.in_memory(schema)
    _import(other, path)
    assert _export(other) == first
    assert len(first.splitlines()) == 2  # one line per document per annotator


def test_jsonl_reads_doccano_and_prodigy_shapes(store, tmp_path, seed_text):
    start = seed_text.index("حلب")
    path = _write_lines(
        tmp_path / "mixed.jsonl",
        {"id": 7, "text": seed_text, "label": [[start, start + 3, "GPE"]]},
        {"text": "ذهب أحمد إلى دمشق", "spans": [{"start": 13, "end": 17, "label": "GPE", "token_start": 3}]},
        {"text": "قال محمد", "entities": [{"id": 1, "start_offset": 4, "end_offset": 8, "label": "PER"}]},
    )
    _import(store, path, annotator="dana")
    assert store.annotations("7", "dana").spans[0].label == "GPE"
    ids = store.document_ids()
    assert len(ids) == 3 and ids[1].startswith("doc-")
    assert store.annotations(ids[2], "dana").spans[0].text_in("قال محمد") == "محمد"


@pytest.mark.parametrize(
    "bad_line, message",
    [
        ('{"text": "abc", "spans": [', "malformed JSON"),
        ('["not", "an", "object"]', "must be a JSON object"),
        ('{"text": "abc", "spans": [{"start": 1, "end": 99, "label": "ORG"}]}', "outside the text"),
        ('{"text": "abc", "spans": [{"start": 0, "end": 2, "label": "ORG", "text": "xy"}]}', "does not match"),
        ('{"text": "abc", "spans": [{"start": 0, "end": 2, "label": "BANANA"}]}', "unknown label 'BANANA'"),
        ('{"text": "abc", "spans": [{"start": "0", "end": 2, "label": "ORG"}]}', "whole numbers"),
        ('{"text": 5}', "'text' must be"),
        ('{"text": "abc", "status": "sleeping"}', "unknown status"),
    ],
)
def test_jsonl_bad_line_names_file_and_line_and_changes_nothing(store, tmp_path, bad_line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "text": "نص سليم"}\n' + bad_line + "\n", encoding="utf-8")
    with pytest.raises(AnnotatorError, match=message) as caught:
        _import(store, path)
    assert f"{path}:2" in str(caught.value)
    assert store.count_documents() == 0


def test_jsonl_unknown_label_added_with_add_labels(store, tmp_path):
    path = _write_lines(tmp_path / "new.jsonl", {"text": "abc", "spans": [{"start": 0, "end": 2, "label": "BANANA"}]})
    list(import_records(store, read_jsonl(path), add_labels=True))
    assert store.schema.layer_of("BANANA") == "entity"
    assert store.label_counts() == {"BANANA": 1}


def test_jsonl_same_id_different_text_refused(store, tmp_path):
    _import(store, _write_lines(tmp_path / "a.jsonl", {"id": "d1", "text": "النص الأول"}))
    path = _write_lines(tmp_path / "b.jsonl", {"id": "d1", "text": "نص آخر"})
    with pytest.raises(InputError, match="different text") as caught:
        _import(store, path)
    assert "d1" in str(caught.value) and f"{path}:1" in str(caught.value)
    assert store.document("d1").text == "النص الأول"


def test_jsonl_empty_file_is_an_error(store, tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty file"):
        _import(store, path)


def test_jsonl_encodings(store, tmp_path):
    line = json.dumps({"id": "x", "text": "مرحبا"}, ensure_ascii=False) + "\n"
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + line.encode("utf-8"))
    (tmp_path / "u16.jsonl").write_bytes(line.replace('"x"', '"y"').encode("utf-16"))
    (tmp_path / "win.jsonl").write_bytes(line.replace('"x"', '"z"').encode("cp1256"))
    _import(store, tmp_path / "bom.jsonl")
    _import(store, tmp_path / "u16.jsonl")
    with pytest.raises(InputError, match="cannot decode byte .* as utf-8.*--encoding cp1256") as caught:
        _import(store, tmp_path / "win.jsonl")
    assert "win.jsonl:1" in str(caught.value)
    _import(store, tmp_path / "win.jsonl", encoding="cp1256")
    assert [store.document(i).text for i in "xyz"] == ["مرحبا"] * 3


def test_jsonl_document_line_key_order():
    line = document_line(Document("d", "نص", {"title": "t"}), None)
    assert list(line) == ["id", "text", "meta"]
