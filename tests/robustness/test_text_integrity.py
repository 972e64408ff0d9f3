"""A text changed behind the app's back is caught on opening and before any export."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core.model import Document, text_sha256
from annotator.errors import ProjectError
from annotator.formats.registry import ExportOptions, export_project
from annotator.storage import ProjectStore
from tests.helpers import seed_annotations


@pytest.fixture
def project(project_path, seed_text):
    store = ProjectStore.open(project_path, backup=False)
    store.add_document(Document("aleppo", seed_text, {"title": "حلب"}))
    store.add_document(Document("other", "نص آخر لا علاقة له"))
    store.replace_annotations(seed_annotations(seed_text, "aleppo"))
    store.close()
    return project_path


def _tamper(project, sql: str, *params) -> None:
    conn = sqlite3.connect(project)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def _export(project, out, fmt: str) -> None:
    store = ProjectStore.open(project, backup=False)
    try:
        list(export_project(store, out, ExportOptions(fmt, annotator="amal"), []))
    finally:
        store.close()


def test_document_with_changed_text_refused_when_opened(project, seed_text):
    _tamper(
        project,
        "UPDATE documents SET text = ? WHERE id = 'aleppo'",
        seed_text.replace("حلب", "حمص"),
    )
    store = ProjectStore.open(project, backup=False)
    with pytest.raises(ProjectError, match="no longer matches the SHA-256") as caught:
        store.document("aleppo")
    assert caught.value.document == "aleppo"
    assert store.document("other").text == "نص آخر لا علاقة له"
    store.close()


@pytest.mark.parametrize(
    "fmt, name", [("jsonl", "out.jsonl"), ("conll", "out.conll"), ("brat", "out")]
)
def test_export_of_changed_text_refused_and_writes_nothing(
    project, seed_text, tmp_path, fmt, name
):
    _tamper(
        project,
        "UPDATE documents SET text = ? WHERE id = 'aleppo'",
        seed_text.replace("حلب", "حمص"),
    )
    out = tmp_path / "exports" / name
    with pytest.raises(ProjectError, match="SHA-256"):
        _export(project, out, fmt)
    assert not out.exists()
    assert not any(p.name.endswith(".part") for p in out.parent.iterdir())


def test_export_refusal_leaves_an_earlier_export_untouched(
    project, seed_text, tmp_path
):
    out = tmp_path / "out.jsonl"
    _export(project, out, "jsonl")
    before = out.read_bytes()
    _tamper(
        project, "UPDATE documents SET text = ? WHERE id = 'aleppo'", seed_text + " "
    )
    with pytest.raises(ProjectError):
        _export(project, out, "jsonl")
    assert out.read_bytes() == before


def test_export_of_span_outside_text_refused_and_writes_nothing(project, tmp_path):
    _tamper(
        project,
        "UPDATE spans SET \"end\" = 1000000 WHERE id = 'T3' AND document_id = 'aleppo'",
    )
    out = tmp_path / "out.jsonl"
    with pytest.raises(
        ProjectError, match="T3 of amal has offsets .* outside the text"
    ):
        _export(project, out, "jsonl")
    assert not out.exists()


def test_export_of_shortened_text_with_matching_hash_refused(
    project, seed_text, tmp_path
):
    short = seed_text[:50]  # the hash is updated too: only the offsets can tell
    _tamper(
        project,
        "UPDATE documents SET text = ?, sha256 = ? WHERE id = 'aleppo'",
        short,
        text_sha256(short),
    )
    out = tmp_path / "out.conll"
    with pytest.raises(ProjectError, match="outside the text"):
        _export(project, out, "conll")
    assert not out.exists()
