"""A large JSONL import streams: Python's memory stays far below the file's size."""

from __future__ import annotations

import tracemalloc

from annotator.core.importing import import_records
from annotator.formats.registry import read_paths
from annotator.storage import ProjectStore
from tests.robustness.crashkit import new_project, write_import_file


def test_import_large_jsonl_keeps_memory_flat(tmp_path):
    data, project = tmp_path / "bulk.jsonl", tmp_path / "p.sqlite"
    write_import_file(data, 1500)  # about 10 MB: 1,500 articles with their labels
    size = data.stat().st_size
    new_project(project)
    store = ProjectStore.open(project, backup=False)
    tracemalloc.start()
    try:
        for _ in import_records(store, read_paths([data], "jsonl")):
            pass
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert store.count_documents() == 1502
    store.close()
    # One line and one record at a time; SQLite's own page cache is not Python memory.
    assert peak < size / 8, f"peak {peak:,} bytes for a {size:,}-byte file"
