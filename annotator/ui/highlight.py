"""How labels look: character formats computed from spans, one segment at a time.

Layers stay readable together: entities are backgrounds (the innermost entity wins, so
an outer mention shows around a nested one), event triggers are bold and underlined
in the event's colour, attribution cues get a wavy underline, sources a dashed one,
and content is tinted text between painted brackets (drawn by the view). Only colour,
weight and decoration change here, never the font family or size, so a highlight that
cuts a word («ل» + «قوات») leaves the letters joined: Qt shapes across format changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QFont, QTextCharFormat

from ..core.model import Span
from ..core.schema import Schema, attribution_part

CONTENT_TEXT = QColor("#1f3a93")
ATTRIBUTION_LINE = QColor("#7b3294")


class Styler:
    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self._cache: dict[tuple, QTextCharFormat] = {}

    def format_for(self, covering: Iterable[Span]) -> QTextCharFormat:
        key = self._key(covering)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._build(key)
        return found

    def _key(self, covering: Iterable[Span]) -> tuple:
        entity = trigger = None
        entity_len = trigger_len = None
        parts: set[str] = set()
        for span in covering:
            layer = self.schema.layer_of(span.label) or "entity"
            length = span.end - span.start
            if layer == "entity" and (entity_len is None or length < entity_len):
                entity, entity_len = span.label, length
            elif layer == "event" and (trigger_len is None or length < trigger_len):
                trigger, trigger_len = span.label, length
            elif layer == "attribution":
                parts.add(attribution_part(span.label))
        return entity, trigger, tuple(sorted(parts))

    def _build(self, key: tuple) -> QTextCharFormat:
        entity, trigger, parts = key
        fmt = QTextCharFormat()
        if entity:
            fmt.setBackground(self.colour(entity))
        if "content" in parts:
            fmt.setForeground(CONTENT_TEXT)
        if trigger:
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(self.colour(trigger))
        elif "cue" in parts:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(ATTRIBUTION_LINE)
        elif "source" in parts:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(ATTRIBUTION_LINE)
        return fmt

    def colour(self, label: str) -> QColor:
        found = self.schema.label(label)
        return QColor(found.color if found else "#cccccc")


def segments(spans: list[Span], start: int, end: int) -> list[tuple[int, int, list[Span]]]:
    """Split ``start:end`` at every span boundary; each piece with the spans covering it."""
    inside = [s for s in spans if s.start < end and s.end > start]
    cuts = {start, end}
    for span in inside:
        cuts.add(max(start, span.start))
        cuts.add(min(end, span.end))
    ordered = sorted(cuts)
    by_start = sorted(inside, key=lambda s: s.start)
    pieces = []
    active: list[Span] = []
    index = 0
    for left, right in zip(ordered, ordered[1:]):
        while index < len(by_start) and by_start[index].start <= left:
            active.append(by_start[index])
            index += 1
        active = [s for s in active if s.end > left]
        if active:
            pieces.append((left, right, list(active)))
    return pieces
