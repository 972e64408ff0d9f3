"""Models trained on the project's labels, in the ``models`` table (file format 5).

One row per model name: the model's bytes as the trainer wrote them (no pickle: nothing
is executed when a row is read), the model format number, the sha256 of the schema it
was trained for, and what it was trained on (JSON). Whether a stored model may be used
is decided in ``core/learning.py``; this module only reads and writes rows.
"""

from __future__ import annotations

import json
import sqlite3

from ..core.learning import StoredModel
from ..errors import DamagedRowError, Phrase
from .project_store import ProjectStore


def save_model(store: ProjectStore, model: StoredModel) -> None:
    """Write ``model`` under its name, replacing the one there (one transaction)."""
    with store.atomic():
        store.db.execute(
            "INSERT OR REPLACE INTO models (name, format, schema_sha256, trained_on, created, data) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [model.name, model.format, model.schema_sha256,
             json.dumps(model.trained_on, ensure_ascii=False, sort_keys=True),
             model.created, sqlite3.Binary(model.data)],
        )


def load_model(store: ProjectStore, name: str) -> StoredModel | None:
    """The stored model called ``name``, or ``None`` when there is none."""
    row = store.db.execute(
        "SELECT format, schema_sha256, trained_on, created, data FROM models WHERE name = ?",
        [name],
    ).fetchone()
    if row is None:
        return None
    model_format, schema_sha256, trained_on, created, data = row
    return StoredModel(
        name=name,
        format=_checked(model_format, int, store, name, "format"),
        schema_sha256=_checked(schema_sha256, str, store, name, "schema_sha256"),
        trained_on=_trained_on(trained_on, store, name),
        created=str(created),
        data=_checked(data, bytes, store, name, "data"),
    )


def model_names(store: ProjectStore) -> list[str]:
    return [name for (name,) in store.db.execute("SELECT name FROM models ORDER BY name")]


def delete_model(store: ProjectStore, name: str) -> None:
    with store.atomic():
        store.db.execute("DELETE FROM models WHERE name = ?", [name])


def _checked(value: object, kind: type, store: ProjectStore, name: str, column: str) -> object:
    if not isinstance(value, kind):
        what = Phrase("holds {found}, not {expected}", {"found": type(value).__name__, "expected": kind.__name__})
        raise _damaged(store, name, column, what)
    return value


def _trained_on(text: object, store: ProjectStore, name: str) -> dict:
    try:
        value = json.loads(text) if isinstance(text, str) else None
    except (ValueError, RecursionError):
        value = None
    if not isinstance(value, dict):
        raise _damaged(store, name, "trained_on", Phrase("is not a JSON object"))
    return value


def _damaged(store: ProjectStore, name: str, column: str, what: Phrase) -> DamagedRowError:
    return DamagedRowError(
        "the stored model's {column} {what}; train again: annotator learn {path}",
        params={"column": column, "what": what, "path": store.path}, table="models", row=repr(name), field=column, file=str(store.path),
    )
