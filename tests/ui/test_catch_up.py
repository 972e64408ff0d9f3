"""Another program's write reaches the window without redoing what did not change
(a full re-format of a long article took seconds; the learned recommender's own
process writes a model and session rows while the annotator labels)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from annotator.core.model import Span
from annotator.storage import ProjectStore
from tests.helpers import at, seed_annotations


def _count_formats(monkeypatch, view) -> list[tuple[int, int]]:
    formatted: list[tuple[int, int]] = []
    original = view._format_range

    def counted(start, end, *args, **kwargs):
        formatted.append((start, end))
        return original(start, end, *args, **kwargs)

    monkeypatch.setattr(view, "_format_range", counted)
    return formatted


def test_a_write_elsewhere_reformats_nothing_and_a_label_from_outside_only_itself(qtbot, window, seed_project,
                                                                                  monkeypatch):
    ws, view = window.workspace, window.view
    doc = ws.document
    store = ws.store
    store.replace_annotations(seed_annotations(doc.text, doc.id, "amal"))
    ws.open_document(doc.id)
    view.finish_formatting()
    formatted = _count_formats(monkeypatch, view)
    with sqlite3.connect(seed_project) as other:  # a model kept by another process: no label of this document
        other.execute("INSERT INTO settings (key, value) VALUES ('elsewhere', 'x')")
    ws.catch_up()
    assert formatted == []
    start, end = at(doc.text, "حوالي")
    script = ("import sys\nfrom annotator.storage import ProjectStore\nfrom annotator.core.model import Span\n"
              "s = ProjectStore.open(sys.argv[1], backup=False)\n"
              f"s.save_span({doc.id!r}, 'amal', Span('T99', {start}, {end}, 'PER'))\ns.close()\n")
    done = subprocess.run([sys.executable, "-c", script, str(seed_project)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    ws.catch_up()
    assert Span("T99", start, end, "PER") in [s.with_changes(created=None, updated=None) for s in ws.annotations.spans]
    assert formatted and all(a <= start and end <= b for a, b in formatted), formatted
    reader = ProjectStore.open(seed_project, backup=False)
    assert any(s.id == "T99" for s in reader.annotations(doc.id, "amal").spans)
    reader.close()
