"""Spans by place, kept level with edits.

A window redraws and re-checks only around an edit; finding the spans there by a
pass over all 5,000 of a long article costs a millisecond each time, several times
per keystroke. Here short spans are kept sorted by start, so a window is found by
bisection; the few long ones (attribution contents) are simply scanned.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from .model import Span

LONG = 256  # characters: spans longer than this are kept apart and scanned


def _key(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.id


class SpanIndex:
    def __init__(self, spans: Iterable[Span] = ()) -> None:
        spans = list(spans)
        self._short = sorted((s for s in spans if s.end - s.start <= LONG), key=_key)
        self._keys = [_key(s) for s in self._short]
        self._long = [s for s in spans if s.end - s.start > LONG]

    def __len__(self) -> int:
        return len(self._short) + len(self._long)

    def apply(self, removed: Iterable[object], added: Iterable[object]) -> None:
        """Follow an edit (its removed and added items; non-spans are ignored)."""
        for span in removed:
            if isinstance(span, Span):
                self._remove(span)
        for span in added:
            if isinstance(span, Span):
                self._add(span)

    def _add(self, span: Span) -> None:
        if span.end - span.start > LONG:
            self._long.append(span)
            return
        index = bisect_left(self._keys, _key(span))
        self._keys.insert(index, _key(span))
        self._short.insert(index, span)

    def _remove(self, span: Span) -> None:
        if span.end - span.start > LONG:
            self._long = [s for s in self._long if s.id != span.id]
            return
        index = bisect_left(self._keys, _key(span))
        if index < len(self._keys) and self._keys[index] == _key(span):
            del self._keys[index]
            del self._short[index]

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans sharing at least one character with ``start:end``, by start."""
        low = bisect_left(self._keys, (start - LONG,))
        high = bisect_left(self._keys, (end,))
        found = [s for s in self._short[low:high] if s.end > start]
        long = [s for s in self._long if s.start < end and s.end > start]
        return sorted(found + long, key=_key) if long else found

