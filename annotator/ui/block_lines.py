"""Where the lines under ranges of text fall, worked out per paragraph and kept.

A screen of a long article can hold a thousand suggestions; asking Qt for every
one's rectangles on every frame cost more than a frame. Geometry here is kept per
text block in the block's own coordinates, so it survives scrolling and edits
elsewhere (which only move the block), and is dropped when the block's layout or
its ranges change.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QTextBlock, QTextDocument


def visible_blocks(document: QTextDocument, top: float, bottom: float, near: int) -> Iterator[QTextBlock]:
    """Blocks whose rectangle meets the document band ``top..bottom``, found by walking
    from the block holding position ``near`` (a hit in the band): asking for rectangles
    elsewhere would make Qt lay out the text up to there."""
    layout = document.documentLayout()
    block = document.findBlock(max(0, near))
    if not block.isValid():
        block = document.lastBlock()
    while block.previous().isValid() and layout.blockBoundingRect(block).top() > top:
        block = block.previous()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.top() > bottom:
            return
        if rect.bottom() >= top:
            yield block
        block = block.next()


class UnderlineCache:
    """Per block: the pens' keys and the lines to draw with each, in block coordinates."""

    def __init__(self) -> None:
        self._blocks: dict[int, tuple[float, dict[object, list[QLineF]]]] = {}

    def clear(self) -> None:
        self._blocks.clear()

    def forget(self, document: QTextDocument, start: int, end: int) -> None:
        """Drop the blocks holding UTF-16 positions ``start..end``."""
        first = document.findBlock(max(0, start)).blockNumber()
        last = document.findBlock(max(0, end)).blockNumber()
        if last < 0:
            last = document.blockCount() - 1
        for number in range(max(first, 0), last + 1):
            self._blocks.pop(number, None)

    def lines(self, block: QTextBlock,
              ranges_of: Callable[[QTextBlock], list[tuple[int, int, object]]]) -> dict[object, list[QLineF]]:
        """Lines under the block's ranges ((start, end, key), UTF-16 positions, asked of
        ``ranges_of`` only when not kept), by key; kept per block and line width."""
        layout = block.layout()
        width = layout.lineAt(0).width() if layout.lineCount() else -1.0
        found = self._blocks.get(block.blockNumber())
        if found is not None and found[0] == width:
            return found[1]
        if width < 0:  # not laid out yet: asked again on the next frame
            return {}
        by_key = _underlines(block, ranges_of(block))
        self._blocks[block.blockNumber()] = (width, by_key)
        return by_key


def _underlines(block: QTextBlock, ranges: list[tuple[int, int, object]]) -> dict[object, list[QLineF]]:
    """One line under each range's part on each text line, by key; x positions are
    asked of Qt once per place (ranges share their ends: many labels, same words)."""
    layout = block.layout()
    lines = [layout.lineAt(i) for i in range(layout.lineCount())]
    starts = [line.textStart() for line in lines]
    ends = [line.textStart() + line.textLength() for line in lines]
    heights = [int(line.y() + line.height()) - 2 for line in lines]
    xs: dict[tuple[int, int], int] = {}

    def x_at(number: int, position: int) -> int:
        x = xs.get((number, position))
        if x is None:
            x = xs[(number, position)] = int(lines[number].cursorToX(position)[0])
        return x

    base, last = block.position(), block.length() - 1
    drawn: dict[object, set[tuple[int, int, int]]] = {}
    for start, end, key in ranges:
        left, right = max(start - base, 0), min(end - base, last)
        number = max(0, bisect_right(starts, left) - 1)
        while number < len(lines) and starts[number] < right:
            a, b = max(left, starts[number]), min(right, ends[number])
            if a < b:
                x1, x2 = x_at(number, a), x_at(number, b)
                drawn.setdefault(key, set()).add((min(x1, x2), max(x1, x2), heights[number]))
            number += 1
    return {key: [QLineF(x1, y, x2, y) for x1, x2, y in sorted(places)] for key, places in drawn.items()}


def block_origin(document: QTextDocument, block: QTextBlock, scroll: QPointF) -> QPointF:
    rect: QRectF = document.documentLayout().blockBoundingRect(block)
    return rect.topLeft() - scroll
