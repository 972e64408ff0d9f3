"""Painting what a highlight cannot show: nested spans, and who plays which role.

Nested spans of one layer are drawn as boxes, each inset by its depth, so «حلب»
inside «مدينة حلب» (both GPE, one background) reads as two spans. The selected
event's arguments and attribution's parts get a tag with their role under the span,
in the gap the 165 % line height leaves below each line, and a curved connector from
the trigger (or cue), as brat draws its arcs. Only the few spans concerned are
measured, per frame: the hotkey → repaint budget holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from ..core.model import Span
from ..core.structure import RoleLink

NEST_INSET_X = 2.0  # per depth: inner boxes sit inside their outer ones
NEST_INSET_Y = 3.0
TAG_GAP = 2.0  # between a span's line and its role tag


@dataclass(frozen=True)
class DrawnTag:
    """A role tag as drawn (viewport coordinates): what tests and hover read back."""

    span_id: str
    role: str
    text: str
    rect: QRectF


def paint_nesting(painter: QPainter, depths: dict[str, int], spans: list[Span],
                  rects_of: Callable[[Span], list[QRectF]], colour_of: Callable[[str], QColor]) -> None:
    for span in spans:
        depth = depths.get(span.id)
        if depth is None:
            continue
        painter.setPen(QPen(colour_of(span.label).darker(170), 1.2))
        inset_x, inset_y = NEST_INSET_X * depth, NEST_INSET_Y * depth
        for rect in rects_of(span):
            box = rect.adjusted(inset_x - 1, inset_y - 1, -inset_x + 1, -inset_y + 1)
            if box.width() > 2 and box.height() > 2:
                painter.drawRoundedRect(box, 3, 3)


def paint_links(painter: QPainter, links: list[RoleLink], base_font: QFont,
                rects_of: Callable[[Span], list[QRectF]], colour_of: Callable[[RoleLink], QColor],
                name_of: Callable[[RoleLink], str], below: float = 0.0) -> list[DrawnTag]:
    """Tags under each linked span (several roles of one span side by side, from its
    right-to-left start) and a connector from the head; returns the tags drawn.
    ``below``: room to leave under the line first (the adjudication marks' rows)."""
    font = QFont(base_font)
    font.setPointSizeF(max(7.0, base_font.pointSizeF() * 0.6))
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    drawn: list[DrawnTag] = []
    used: dict[str, float] = {}  # span id -> how far its tags reach leftwards
    placed = [(link, rects) for link in links if (rects := rects_of(link.span))]
    # in reading order (top to bottom, right to left), so a tag pushed on by the one
    # before it still lies under its own span, further along it
    placed.sort(key=lambda item: (item[1][0].top(), -item[1][0].right()))
    for link, rects in placed:
        colour = colour_of(link)
        text = name_of(link)
        first = rects[0]
        width = metrics.horizontalAdvance(text) + 8
        right = used.get(link.span.id, first.right())
        tag = _clear_of([d.rect for d in drawn],
                        QRectF(right - width, first.bottom() + below + TAG_GAP, width, metrics.height() + 2))
        used[link.span.id] = tag.left() - 3
        if link.head is not None and link.head.id != link.span.id:
            _connector(painter, rects_of(link.head), tag, colour)
        painter.setPen(QPen(colour.darker(150), 1))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(tag, 3, 3)
        painter.setPen(QPen(QColor("#202020")))
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        drawn.append(DrawnTag(link.span.id, link.role, text, tag))
    return drawn


def _clear_of(placed: list[QRectF], tag: QRectF) -> QRectF:
    """``tag`` moved on (leftwards, as the text reads) past the tags already placed on
    its row that it would cover: a cue's tag wider than its word («فعل الإسناد» under
    «أعلنت») hid the next span's tag."""
    for _ in range(len(placed)):
        blockers = [rect for rect in placed if rect.intersects(tag.adjusted(-2, 0, 2, 0))]
        if not blockers:
            break
        tag.moveRight(min(rect.left() for rect in blockers) - 3)
    return tag


def _connector(painter: QPainter, head_rects: list[QRectF], tag: QRectF, colour: QColor) -> None:
    """A curve from under the head to the tag's top, dipping into the line gap."""
    if not head_rects:
        return
    head = head_rects[0]
    start = QPointF(head.center().x(), head.bottom())
    end = QPointF(tag.center().x(), tag.top())
    dip = max(start.y(), end.y()) + tag.height() * 0.9
    path = QPainterPath(start)
    path.cubicTo(QPointF(start.x(), dip), QPointF(end.x(), dip), end)
    colour = QColor(colour.darker(130))
    colour.setAlpha(170)  # a long connector crosses lines of text: let them show through
    pen = QPen(colour, 1.4)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawPath(path)
