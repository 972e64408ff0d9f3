"""File format 6: a model's suggestions leave the settings table for their own (issue 13)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from annotator.core.suggestions import Suggestion, model_suggestions
from annotator.storage import ProjectStore

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_a_format_5_file_moves_model_suggestions_into_their_table(tmp_path):
    project = tmp_path / "p.sqlite"
    shutil.copyfile(FIXTURES / "project-v5.sqlite", project)
    payload = {"model": "ner-arabert", "created": "2026-05-01T09:00:00+00:00",
               "spans": [[0, 4, "PER"], [5, 9, "GPE"]]}
    conn = sqlite3.connect(project)
    conn.execute("INSERT INTO settings VALUES ('suggestions/model/amal/d1', ?)", [json.dumps(payload)])
    conn.execute("INSERT INTO settings VALUES ('suggestions/model/omar/d1', '[1, 2')")
    conn.commit()
    conn.close()
    with ProjectStore.open(project, backup=False) as store:
        assert model_suggestions(store, "amal", "d1") == [
            Suggestion("d1", 0, 4, "PER", "model"), Suggestion("d1", 5, 9, "GPE", "model")]
        assert store.setting("suggestions/model/amal/d1") is None
        assert store.setting("suggestions/model/omar/d1 (unreadable)") == "[1, 2"  # kept aside
