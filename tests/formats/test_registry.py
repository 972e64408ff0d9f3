from __future__ import annotations

import pytest

from annotator.core.model import Document
from annotator.formats.registry import ExportOptions, export_project
from tests.helpers import seed_annotations


@pytest.mark.parametrize("fmt", ["jsonl", "brat"])
def test_registry_export_progress_counts_each_document_and_annotator(store, seed_text, tmp_path, fmt):
    store.add_document(Document("aleppo", seed_text))
    store.add_document(Document("untouched", "نص لم يعمل عليه أحد"))
    for name in ("amal", "badr"):
        store.replace_annotations(seed_annotations(seed_text, "aleppo", name))
    steps = list(export_project(store, tmp_path / "out", ExportOptions(fmt=fmt), []))
    assert [(p.done, p.total) for p in steps] == [(1, 3), (2, 3), (3, 3)]  # 2 annotators + 1 untouched
    only = list(export_project(store, tmp_path / "one", ExportOptions(fmt=fmt, annotator="badr"), []))
    assert [(p.done, p.total) for p in only] == [(1, 1)]
