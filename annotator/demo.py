"""The bundled demo project, built from ``corpora/`` into the user's data folder.

The shipped files are never modified: the demo is a project of its own, made once
(in a temporary file renamed into place, so a half-built demo is never opened).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .core.importing import import_records
from .core.progress import Progress
from .core.schema_files import load_schema
from .formats.registry import read_paths
from .paths import corpora_root
from .storage import ProjectStore

DEMO_NAME = "demo.sqlite"


def demo_sources() -> list[Path]:
    root = corpora_root()
    return [
        root / "aleppo-2020-02-02.txt",
        root / "aleppo-2020-02-02.demo.jsonl",
        *sorted((root / "aqmar").glob("*.conll")),
    ]


def build_demo(path: Path) -> Iterator[Progress]:
    partial = path.with_name(path.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    store = ProjectStore.create(partial, load_schema())
    try:
        records = read_paths(demo_sources(), annotator="aqmar")
        yield from import_records(store, records, add_labels=True)
    finally:
        store.close()
    os.replace(partial, path)


def ensure_demo(data_dir: Path) -> Path:
    """The demo project's path, building it on first use."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DEMO_NAME
    if not path.exists():
        for _ in build_demo(path):
            pass
    return path
