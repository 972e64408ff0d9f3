"""Loading schemas from the shipped resources or from a user's file."""

from __future__ import annotations

from pathlib import Path

from ..errors import SchemaError
from ..paths import schema_path, shipped_schema_names
from .schema import Schema

DEFAULT_SCHEMA = "arabic-news"


def load_schema(name_or_path: str | Path | None = None) -> Schema:
    """A shipped schema by name (``arabic-news``, ``anercorp``) or a JSON file by path."""
    target = name_or_path or DEFAULT_SCHEMA
    path = Path(target)
    if not path.suffix and str(target) in shipped_schema_names():
        path = schema_path(str(target))
    if not path.is_file():
        shipped = ", ".join(shipped_schema_names())
        raise SchemaError("no schema file here; shipped schemas are: {shipped}", params={"shipped": shipped},
                          file=str(target))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise SchemaError("a schema file must be UTF-8", file=str(path)) from None
    return Schema.from_text(text, source=str(path))
