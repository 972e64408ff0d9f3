"""JSON read from a project file: settings that hold JSON objects (the pre-annotation
mapping, the normalisation), and ``load_json``, the one parser for JSON stored there.

Stored JSON may come from a crafted or damaged file, so it is parsed with a limit on
nesting: Python's decoder recurses once per level, and 200,000 nested brackets raise
``RecursionError``, which no handler for bad data catches. ``load_json`` turns that,
and anything nested deeper than ``MAX_DEPTH`` (which would overflow later, in an
encoder or a walk over the value), into a ``ValueError`` like any other bad JSON.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import Phrase, ProjectError
from .store import Store

MAX_DEPTH = 100  # levels of nesting: the app writes at most 4; deeper is damage, never data


def load_json(text: str, max_depth: int = MAX_DEPTH) -> Any:
    """``json.loads`` for stored text; ``ValueError`` (never ``RecursionError``) when it
    is not JSON text or is nested more than ``max_depth`` levels. Text that does not
    parse raises ``json.JSONDecodeError`` (a ``ValueError`` with the line)."""
    if not isinstance(text, str):
        raise ValueError(f"expected JSON text, found {describe(text)}")
    try:
        value = json.loads(text)
    except RecursionError:
        raise ValueError(f"JSON nested more than {max_depth} levels deep") from None
    # fewer brackets than the limit cannot nest deeper: skip the walk (nearly always)
    if text.count("[") + text.count("{") > max_depth and _depth(value, max_depth) > max_depth:
        raise ValueError(f"JSON nested more than {max_depth} levels deep")
    return value


def _depth(value: Any, limit: int) -> int:
    """How deep lists and objects nest in ``value``, counted up to ``limit + 1``
    (iterative: a recursive walk would overflow on the values it is meant to catch)."""
    deepest = 0
    todo = [(value, 1)]
    while todo:
        item, depth = todo.pop()
        if not isinstance(item, (list, dict)):
            continue
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        children = item.values() if isinstance(item, dict) else item
        todo.extend((child, depth + 1) for child in children if isinstance(child, (list, dict)))
    return deepest


def describe(value: Any) -> str:
    """A stored value as a message shows it: its SQL type and a short form of it."""
    if value is None:
        return "NULL"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return Phrase("a blob of {count} bytes", {"count": len(value)})
    if isinstance(value, bool):
        return Phrase("the boolean {value}", {"value": value})
    if isinstance(value, int):
        return Phrase("the integer {value}", {"value": value})
    if isinstance(value, float):
        return Phrase("the real number {value!r}", {"value": value})
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return Phrase("text {text!r}", {"text": shown})
    if isinstance(value, list):
        return Phrase("a JSON list")
    return Phrase("a JSON object") if isinstance(value, dict) else type(value).__name__


def json_object_setting(store: Store, key: str) -> dict[str, Any] | None:
    """The setting ``key`` as a JSON object, or ``None`` when it is unset or empty."""
    raw = store.setting(key)
    if not raw:
        return None
    try:
        data = load_json(raw)
    except json.JSONDecodeError as error:
        raise ProjectError("the setting {key!r} is not valid JSON ({reason})",
                           params={"key": key, "reason": error.msg}) from None
    except ValueError as error:
        raise ProjectError("the setting {key!r} is not usable: {reason}",
                           params={"key": key, "reason": error}) from None
    if not isinstance(data, dict):
        raise ProjectError("the setting {key!r} is not a JSON object", params={"key": key})
    return data
