"""The bundled demo project, built from ``corpora/`` into the user's data folder.

The shipped files are never modified: the demo is a project of its own, made once
(in a temporary file renamed into place, so a half-built demo is never opened).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from .core.importing import import_records
from .core.model import ImportRecord
from .core.progress import Progress
from .core.schema_files import load_schema
from .formats.registry import read_paths
from .paths import corpora_root
from .storage import ProjectStore

DEMO_NAME = "demo.sqlite"
EXAMPLE_ANNOTATORS = ("demo", "aqmar")  # whose worked examples a newcomer gets, in this order
# AQMAR's miscellaneous tags (MIS0-MIS3, by sub-type) as one label with names in both languages
MISC, MISC_NAMES = "MISC", {"en": "Miscellaneous", "ar": "متفرقات"}


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
        yield from import_records(store, _named(records), add_labels=True)
        _name_misc(store)
    finally:
        store.close()
    os.replace(partial, path)


def _named(records: Iterable[ImportRecord]) -> Iterator[ImportRecord]:
    for record in records:
        for work in record.annotations:
            work.spans = [s.with_changes(label=MISC) if s.label.startswith("MIS") else s for s in work.spans]
        yield record


def _name_misc(store: ProjectStore) -> None:
    schema = store.schema
    label = schema.labels.get(MISC)
    if label is not None:
        label.en, label.ar = MISC_NAMES["en"], MISC_NAMES["ar"]
        store.save_schema(schema)


def share_examples(store: ProjectStore, annotator: str) -> None:
    """Give a newcomer the demo's worked examples as their own work (entities with
    nesting, an event with its roles, an attribution; AQMAR's entities), so that the
    demo opens on labels they can see, change and undo. Once: an annotator who has
    work in the demo keeps it as it is. Through the caller's own connection: opening
    and closing another would checkpoint the project behind the caller's back."""
    if not annotator or annotator in EXAMPLE_ANNOTATORS or annotator in store.annotators():
        return
    with store.atomic():
        for document_id in store.document_ids():
            present = store.annotators_of(document_id)
            for source in (a for a in EXAMPLE_ANNOTATORS if a in present):
                work = store.annotations(document_id, source)
                if not work.is_empty():
                    store.replace_annotations(replace(work, annotator=annotator))
                    break


def ensure_demo(data_dir: Path) -> Path:
    """The demo project's path, building it on first use."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DEMO_NAME
    if not path.exists():
        for _ in build_demo(path):
            pass
    return path
