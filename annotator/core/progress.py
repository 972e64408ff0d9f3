"""Progress reports yielded by long-running core generators."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    done: int
    total: int | None
    message: str = ""
