"""Each annotator's labels per day (issue 16, item 12): read from a project file, with
running totals; a day that is not a date (a hand-edited file) is counted, not shown."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

from annotator.core.importing import import_records
from annotator.core.stats import annotator_progress
from annotator.formats.txt import read_txt
from annotator.storage import ProjectStore
from tests.conftest import SEED
from tests.helpers import seed_annotations

DAYS = {"amal": ["2024-12-30", "2024-12-30", "2025-01-02"], "badr": ["2025-01-02"]}


def _project(path, schema):
    store = ProjectStore.create(path, schema)
    list(import_records(store, read_txt(SEED)))
    doc = store.document(store.document_ids()[0])
    for name, days in DAYS.items():
        work = seed_annotations(doc.text, doc.id, name)
        # the labels made in the app carry a time; the others were imported (no time)
        work.spans = [replace(span, created=f"{days[i]}T23:59:59+00:00" if i < len(days) else None)
                      for i, span in enumerate(work.spans)]
        store.replace_annotations(work)
    store.close()


def test_stats_progress_per_annotator_per_day_and_running_totals(tmp_path, schema):
    path = tmp_path / "dated.sqlite"
    _project(path, schema)
    with sqlite3.connect(path) as db:  # one label stamped by hand with something not a date
        db.execute("UPDATE spans SET created = 'yesterday' WHERE annotator = 'badr' AND id = 'T9'")
    db.close()
    store = ProjectStore.open(path)
    try:
        progress = annotator_progress(store)
    finally:
        store.close()
    assert progress.days == {"amal": [(date(2024, 12, 30), 2), (date(2025, 1, 2), 1)],
                             "badr": [(date(2025, 1, 2), 1)]}
    assert progress.running_totals() == {"amal": [(date(2024, 12, 30), 2), (date(2025, 1, 2), 3)],
                                         "badr": [(date(2025, 1, 2), 1)]}
    assert progress.first_and_last() == (date(2024, 12, 30), date(2025, 1, 2))
    assert progress.undated == 1


def test_stats_progress_of_a_project_without_dated_labels_is_empty(tmp_path, schema):
    path = tmp_path / "imported.sqlite"
    store = ProjectStore.create(path, schema)
    try:
        list(import_records(store, read_txt(SEED)))
        doc = store.document(store.document_ids()[0])
        store.replace_annotations(seed_annotations(doc.text, doc.id, "amal"))  # imported: no times
        progress = annotator_progress(store)
    finally:
        store.close()
    assert progress.days == {} and progress.undated == 0
    assert progress.first_and_last() is None
