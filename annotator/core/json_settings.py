"""Project settings that hold JSON objects (the pre-annotation mapping), read with a clear error."""

from __future__ import annotations

import json
from typing import Any, Protocol

from .errors import ProjectError


class SettingsReader(Protocol):
    def setting(self, key: str, default: str | None = None) -> str | None: ...


def json_object_setting(store: SettingsReader, key: str) -> dict[str, Any] | None:
    """The setting ``key`` as a JSON object, or ``None`` when it is unset or empty."""
    raw = store.setting(key)
    if not raw:
        return None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ProjectError(f"the setting {key!r} is not valid JSON ({error.msg})") from None
    if not isinstance(data, dict):
        raise ProjectError(f"the setting {key!r} is not a JSON object")
    return data
