"""What every part of ``ProjectStore`` (split by concern into mixins) relies on."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

from sqlite_utils import Database


class StoreParts:
    """The connection and the transaction every part writes in (``ProjectStore``)."""

    db: Database
    path: Path | None

    def atomic(self) -> AbstractContextManager[None]:  # pragma: no cover - ProjectStore's
        raise NotImplementedError

    def _name(self) -> str:  # pragma: no cover - ProjectStore's
        raise NotImplementedError
