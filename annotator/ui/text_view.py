"""The article, right to left, with its labels drawn in place.

Formats are applied to the document itself (fast, per KNOWN-ISSUES: ~26 ms for 5,000
spans, ~3 ms per change) and only around the spans that changed. What is drawn on
top (content brackets, the outline of the selected item) is painted per frame, only
for the few items concerned.
"""

from __future__ import annotations

import html
import math
from bisect import bisect_right
from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from ..core.by_place import ByPlace
from ..core.model import Annotations, Document, Span
from ..core.schema import Schema, attribution_part, part_label
from ..core.selection import is_word_char
from ..core.session import Change
from ..core.span_index import SpanIndex
from ..core.structure import RoleLink, links_of, nesting_depths
from .block_lines import UnderlineCache, block_origin, visible_blocks
from .highlight import ATTRIBUTION_LINE, Styler, segments
from .i18n import tr, ui_language
from .offsets import OffsetMap, qt_text
from .role_names import role_name
from .structure_paint import DrawnTag, paint_links, paint_nesting

LINE_HEIGHT_PERCENT = 165
FIRST_SCREEN_CHARS = 6_000  # more than a full-screen window shows at the smallest zoom
SLICE_CHARS = 8_000  # one slice ~6 ms: a key pressed meanwhile waits for at most one
DEFAULT_POINT_SIZE = 15


class AnnotationTextView(QTextEdit):
    spanActivated = Signal(str)  # a click inside a span: the innermost span's id
    spanLinked = Signal(str, QPoint)  # a Ctrl+click inside a span: its id, global position
    navigateSpans = Signal(int)  # Tab (+1) / Shift+Tab (-1)
    placeClicked = Signal(int)  # a click outside every span (a suggestion may be there)
    painted = Signal()  # after each paint (the window then refreshes its side panels)
    menuRequested = Signal(int, QPoint)  # a right-click: code-point offset, global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setMouseTracking(True)
        self.setFont(QFont(self.font().family(), DEFAULT_POINT_SIZE))
        self.text = ""
        self.offsets = OffsetMap("")
        self.spans: list[Span] = []
        self.span_index = SpanIndex()  # the same spans by place
        self.styler: Styler | None = None
        self.outlined: list[Span] = []
        self.links: list[RoleLink] = []  # the selected item's roles, tagged under their spans
        self.drawn_tags: list[DrawnTag] = []  # as last painted
        self.drawn_outlines: list[QRectF] = []  # the selected span's outline, as last painted
        self._nesting: tuple[tuple, dict[str, int]] = ((), {})  # (spans on screen, depths)
        self._paint_lines: dict[int, tuple] | None = None  # paragraph lines, during a paint
        self.marks: list[tuple] = []  # (start, end, QColor, row): bands under the text
        self.suggestions = ByPlace()  # drawn dashed in their label's colour
        self._underlines = UnderlineCache()  # suggestion lines, per paragraph
        self._pens: dict[tuple[str, float], QPen] = {}
        self.current_suggestion = None
        self.exact_selection = False
        self._drag_anchor: int | None = None  # code-point offset where a left-button drag began
        self._pending = 0  # offsets from here on still await their formats
        self._slices = QTimer(self)  # a child: it dies with the view (a closed window)
        self._slices.setSingleShot(True)
        self._slices.setInterval(0)
        self._slices.timeout.connect(self._format_next_slice)

    # --- content -----------------------------------------------------------------
    def follow(self, workspace: QObject) -> None:
        """Show ``workspace``'s open document and every change of it, and outline the
        selected item's parts. Subscribe the text first: it is what the annotator
        watches after a hotkey; the panels follow after its paint."""
        workspace.changed.connect(lambda change: self._follow(workspace, change))
        workspace.currentChanged.connect(lambda item: self._select(workspace, item))

    def _follow(self, workspace: QObject, change: Change) -> None:
        if change.opened:
            self.show_document(workspace.document, workspace.annotations, workspace.schema)
        else:
            self.update_annotations(workspace.annotations, change.delta)
        # an argument added to the selected trigger's event changes its roles, not the selection
        self.links = links_of(workspace.annotations, workspace.current)

    def _select(self, workspace: QObject, item: object) -> None:
        self.links = links_of(workspace.annotations, item)
        self.outline(workspace.parts_of(item))

    def show_document(self, document: Document, annotations: Annotations, schema: Schema) -> None:
        self.text = document.text
        self.offsets = OffsetMap(document.text)
        self.styler = Styler(schema)
        self.outlined = []
        self.links = []
        self.marks = []
        self.spans = list(annotations.spans)
        self.span_index = SpanIndex(self.spans)
        # Fill and format a document that no view lays out yet, then show it: formatting
        # a displayed document lays it out again after every step.
        text_document = QTextDocument(self)
        text_document.setDefaultFont(self.font())
        text_document.setUndoRedoEnabled(False)
        text_document.setDocumentMargin(18)
        text_document.setPlainText(qt_text(document.text))  # plain text: never HTML
        self._set_block_layout(text_document)
        first = min(len(self.text), FIRST_SCREEN_CHARS)
        self._format_range(0, first, fresh=True, target=text_document)
        self.setDocument(text_document)  # Qt deletes the previous one: it is our child
        self._underlines.clear()
        self._pens.clear()
        text_document.contentsChange.connect(self._contents_changed)
        self._pending = first  # the rest is formatted in slices once the first screen is up
        self._slices.start()

    def _format_next_slice(self) -> None:
        if self._pending >= len(self.text):
            return
        end = min(len(self.text), self._pending + SLICE_CHARS)
        self._format_range(self._pending, end, fresh=True)
        self._pending = end
        self._slices.start()

    def finish_formatting(self) -> None:
        """Format whatever is still waiting (tests and screenshots want it all now)."""
        if self._pending < len(self.text):
            self._format_range(self._pending, len(self.text), fresh=True)
            self._pending = len(self.text)

    def update_annotations(self, annotations: Annotations, delta: tuple[list, list] | None = None) -> None:
        """Re-format only around the spans that were added, removed or changed.

        ``delta`` (removed, added) names them when the caller knows; otherwise they are
        found by comparing the old and new spans.
        """
        if delta is None:  # by value: a reload reads every span anew, most of them unchanged
            before = {s.id: s for s in self.spans}
            after = {s.id: s for s in annotations.spans}
            changed = [s for i, s in before.items() if after.get(i) != s]
            changed += [s for i, s in after.items() if before.get(i) != s]
        else:
            changed = [s for s in (*delta[0], *delta[1]) if isinstance(s, Span)]
        if delta is None:
            self.span_index = SpanIndex(annotations.spans)
        else:
            self.span_index.apply(*delta)
        self.spans = annotations.spans
        for start, end in _merge(sorted((s.start, s.end) for s in changed)):
            if start < self._pending:
                self._format_range(start, min(end, self._pending))
        self.viewport().update()

    def _set_block_layout(self, document: QTextDocument) -> None:
        option = QTextOption(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(option)
        block = QTextBlockFormat()
        block.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        block.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        cursor = QTextCursor(document)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block)

    def _format_range(self, start: int, end: int, fresh: bool = False,
                      target: QTextDocument | None = None) -> None:
        if self.styler is None or start >= end:
            return
        cursor = QTextCursor(target or self.document())
        cursor.beginEditBlock()
        if not fresh:
            self.select_cursor(cursor, start, end)
            cursor.setCharFormat(QTextCharFormat())
        for left, right, covering in segments(self.span_index.overlapping(start, end), start, end):
            self.select_cursor(cursor, left, right)
            cursor.setCharFormat(self.styler.format_for(covering))
        cursor.endEditBlock()

    def select_cursor(self, cursor: QTextCursor, start: int, end: int) -> None:
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)

    # --- selection ---------------------------------------------------------------
    def selection_offsets(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.offsets.from_qt(cursor.selectionStart()), self.offsets.from_qt(cursor.selectionEnd())

    def select_offsets(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        self.select_cursor(cursor, start, end)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def offset_at(self, point: QPoint) -> int:
        """The character under ``point`` (a click's target): the glyph whose box holds
        the pointer. Not Qt's hit test, which rounds to the nearest caret position and,
        in right-to-left text, lands up to a letter towards the logical end."""
        hit = self._hit(point)
        if hit is None or not hit[2]:
            return self.offsets.from_qt(self.cursorForPosition(point).position())
        return self.offsets.from_qt(hit[0])

    def caret_at(self, point: QPoint) -> int:
        """The caret position a drag boundary at ``point`` means: the nearer edge of the
        glyph under (or nearest to) the pointer, so that at a boundary between a
        right-to-left and a left-to-right run the offset is the one on the pointer's
        side, as the highlight shows it."""
        hit = self._hit(point)
        if hit is None:
            return self.offsets.from_qt(self.cursorForPosition(point).position())
        return self.offsets.from_qt(hit[1])

    def _hit(self, point: QPoint) -> tuple[int, int, bool] | None:
        """(character, nearer caret position, whether the pointer is on the glyph) for
        the glyph of the line at ``point`` that holds or is nearest to the pointer, in
        UTF-16 positions; None when the line has no glyph."""
        document = self.document()
        block = document.findBlock(self.cursorForPosition(point).position())
        layout = block.layout() if block.isValid() else None
        if layout is None or layout.lineCount() == 0:
            return None
        scroll = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value()).toPointF()
        local = point.toPointF() - block_origin(document, block, scroll)
        line = _line_at(layout, local.y())
        x = local.x()
        best = None  # (distance, position, left, right, right to left)
        for position in range(line.textStart(), line.textStart() + line.textLength()):
            for left, right, rtl in _glyph_boxes(line, position):
                distance = max(left - x, x - right, 0.0)
                if best is None or distance < best[0]:
                    best = (distance, position, left, right, rtl)
            if best is not None and best[0] == 0:
                break
        if best is None:
            return None
        distance, position, left, right, rtl = best
        leading = right if rtl else left
        trailing = left if rtl else right
        caret = position if abs(x - leading) <= abs(x - trailing) else layout.nextCursorPosition(position)
        return block.position() + position, block.position() + caret, distance == 0

    def spans_at(self, offset: int) -> list[Span]:
        """Spans covering ``offset``, innermost first."""
        found = [s for s in self.spans if s.start <= offset < s.end]
        return sorted(found, key=lambda s: s.end - s.start)

    def set_marks(self, marks: list[tuple]) -> None:
        """Coloured bands under ranges (adjudication candidates): ``(start, end, colour,
        row)``, one row per agreement state below the letters' descent (a 3-tuple goes
        on the first row)."""
        self.marks = list(marks)
        self.viewport().update()

    def set_suggestions(self, suggestions: Iterable, current: object = None,  # a ByPlace or any iterable
                        changed: list[tuple[int, int]] | None = None) -> None:
        """``changed`` names the only places where ``suggestions`` differ from the last
        call's (the same ``ByPlace``, changed in place)."""
        if not isinstance(suggestions, ByPlace):
            suggestions = ByPlace(suggestions)
        if changed is None or suggestions is not self.suggestions:
            self._underlines.clear()
        else:
            to_qt, length = self.offsets.to_qt, len(self.text)
            for start, end in changed:
                self._underlines.forget(self.document(), to_qt(max(0, start)), to_qt(min(length, end)))
        self.suggestions = suggestions
        self.current_suggestion = current
        self.viewport().update()

    def _contents_changed(self, position: int, removed: int, added: int) -> None:
        self._underlines.forget(self.document(), position, position + max(removed, added))

    def outline(self, spans: list[Span]) -> None:
        """Mark the parts of the selected item (a span, or an event's or attribution's)."""
        self.outlined = list(spans)
        self.viewport().update()

    # --- zoom ----------------------------------------------------------------------
    def set_point_size(self, size: float) -> None:
        self._underlines.clear()
        font = self.font()
        font.setPointSizeF(max(6.0, min(72.0, size)))
        self.setFont(font)

    def set_family(self, family: str) -> None:
        self._underlines.clear()
        font = self.font()
        font.setFamily(family)
        self.setFont(font)

    # --- events --------------------------------------------------------------------
    # Drags select from our own hit test (Qt's lands up to a letter off in right-to-left
    # text): the highlight drawn during the drag is then exactly what a label stores.
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self._drag_anchor = self.caret_at(event.position().toPoint())
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and self.textCursor().hasSelection():
            self._drag_anchor = self.offsets.from_qt(self.textCursor().anchor())
        self._drag_to(event.position().toPoint())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_anchor is None or not event.buttons() & Qt.MouseButton.LeftButton:
            super().mouseMoveEvent(event)
            return
        self._drag_to(event.position().toPoint())

    def _drag_to(self, point: QPoint) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_qt(self._drag_anchor))
        cursor.setPosition(self.offsets.to_qt(self.caret_at(point)), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_anchor is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
        else:
            self._drag_to(event.position().toPoint())
            self._drag_anchor = None
        self.exact_selection = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if not self.textCursor().hasSelection():
            offset = self.offset_at(event.position().toPoint())
            found = self.spans_at(offset)
            if found and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                # the selected event or attribution stays selected: the span joins it
                self.spanLinked.emit(found[0].id, event.globalPosition().toPoint())
            elif found:
                self.spanActivated.emit(found[0].id)
            else:
                self.placeClicked.emit(offset)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # ours replaces Qt's Copy/Select All
        # a scroll area hands on its viewport's event: the position is the viewport's
        self.menuRequested.emit(self.offset_at(event.pos()), event.globalPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.navigateSpans.emit(1)
            return
        if event.key() == Qt.Key.Key_Backtab:
            self.navigateSpans.emit(-1)
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.exact_selection = False
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:  # Tab moves between spans here
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() == event.Type.ToolTip:
            self._show_tooltip(event.pos(), event.globalPos())
            return True
        return super().event(event)

    def _show_tooltip(self, pos: QPoint, global_pos: QPoint) -> None:
        viewport_pos = self.viewport().mapFrom(self, pos)
        found = self.spans_at(self.offset_at(viewport_pos))
        if not found or self.tooltip_text is None:
            QToolTip.hideText()
            return
        QToolTip.showText(global_pos, self.tooltip_text(found), self)

    tooltip_text = None  # set by the window: spans -> HTML (every value escaped)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._paint_lines = {}
        try:
            self._paint_over(event)
        finally:
            self._paint_lines = None

    def _paint_over(self, event: QPaintEvent) -> None:
        """What is drawn over the text: brackets, nesting, marks, suggestions, outlines,
        role tags."""
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        blocks = list(self._visible_blocks())
        first, last = self._range_of(blocks)
        on_screen = self.span_index.overlapping(first, last)
        for span in on_screen:
            if attribution_part(span.label) == "content":
                self._paint_brackets(painter, span)
        if self.styler is not None:
            paint_nesting(painter, self._nesting_of(on_screen), on_screen, self.span_rects, self.styler.colour)
        self._paint_marks(painter, first, last)
        self._paint_suggestions(painter, blocks)
        pen = QPen(Qt.GlobalColor.black, 2)
        painter.setPen(pen)
        self.drawn_outlines = []
        for span in self.outlined:
            # around a free word, with room; inside a span glued to letters outside it
            # («حلب» of «وبحلب»), so the clitic left out stays in sight
            room = -1 if self._glued(span) else 2
            for rect in self.span_rects(span):
                outline = rect.adjusted(-room, -1, room, 1)
                painter.drawRoundedRect(outline, 4, 4)
                self.drawn_outlines.append(outline)
        # under the adjudication marks' rows, when there are marks: the tags' boxes would hide them
        below = marks_band(QFontMetricsF(self.font()).height()) if self.marks else 0
        self.drawn_tags = paint_links(painter, self.links, self.font(), self.span_rects,
                                      self._link_colour, self._link_name, below) if self.styler else []
        painter.end()
        self.painted.emit()

    def _nesting_of(self, spans: list[Span]) -> dict[str, int]:
        """Depths of the nested spans among those on screen, kept while they stay the
        same (a scroll within one paragraph, a repaint of the selection)."""
        key = tuple(map(id, spans))
        if self._nesting[0] != key:
            self._nesting = (key, nesting_depths(spans, self.styler.schema.layer_of))
        return self._nesting[1]

    def _link_colour(self, link: RoleLink) -> QColor:
        if link.part is not None:
            return ATTRIBUTION_LINE
        return self.styler.colour((link.span if link.is_trigger else link.head).label)

    def _link_name(self, link: RoleLink) -> str:
        """An attribution part by its label's name in the interface language; an event
        role as the schema names it."""
        if link.part is None and not link.is_trigger:
            return role_name(link.role, self.styler.schema)
        label = self.styler.schema.label(link.role if link.is_trigger else part_label(link.part))
        return label.display(ui_language()) if label else link.role

    def visible_range(self) -> tuple[int, int]:
        """Code-point offsets of the first and last characters on screen (whole paragraphs)."""
        return self._range_of(list(self._visible_blocks()))

    def _range_of(self, blocks: list) -> tuple[int, int]:
        if not blocks:
            return 0, 0
        last = blocks[-1]
        return self.offsets.from_qt(blocks[0].position()), self.offsets.from_qt(last.position() + last.length())

    def _visible_blocks(self):
        top = self.verticalScrollBar().value()
        # Qt's hit test inside the top margin answers anywhere in the text: aim below it
        below_margin = max(1, int(self.document().documentMargin()) + 2 - top)
        near = self.cursorForPosition(QPoint(self.viewport().width() // 2, below_margin)).position()
        return visible_blocks(self.document(), top, top + self.viewport().height(), near)

    def _paint_marks(self, painter: QPainter, first: int, last: int) -> None:
        """The marks of the paragraphs on screen (``first..last``), in the gap under
        each line (below the letters' descent: the 165 % line height leaves it), one
        row per mark's ``row`` (a mark is (start, end, colour, row); without a row it
        takes one by its place in the list, so it keeps its height while scrolling).
        Whole pixels, thicker and further apart as the line grows: sharp at every zoom."""
        for index, (start, end, colour, *row) in enumerate(self.marks):
            if start >= last or end <= first:
                continue
            for rect in self.span_rects(Span("mark", start, end, "")):
                painter.fillRect(_mark_rect(rect, row[0] if row else index % 3), colour)

    def _paint_suggestions(self, painter: QPainter, blocks: list) -> None:
        if self.styler is None or not self.suggestions:
            return
        document = self.document()
        scroll = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value()).toPointF()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # level dashes: sharp, and cheaper
        for block in blocks:
            lines = self._underlines.lines(block, self._suggestion_ranges)
            if not lines:
                continue
            painter.save()
            painter.translate(block_origin(document, block, scroll))
            for label, drawn in lines.items():
                painter.setPen(self._suggestion_pen(label, 1.5))
                painter.drawLines(drawn)
            painter.restore()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        current = self.current_suggestion
        if current is not None:
            painter.setPen(self._suggestion_pen(current.label, 2))
            for rect in self.span_rects(Span("suggestion", current.start, current.end, "")):
                painter.drawRoundedRect(rect.adjusted(-2, 0, 2, 0), 3, 3)

    def _suggestion_ranges(self, block: QTextBlock) -> list[tuple[int, int, str]]:
        """The suggestions in ``block`` as (start, end, label), UTF-16 positions."""
        to_qt, from_qt = self.offsets.to_qt, self.offsets.from_qt
        first = from_qt(block.position())
        last = from_qt(block.position() + block.length())
        return [(to_qt(x.start), to_qt(x.end), x.label) for x in self.suggestions.overlapping(first, last)]

    def _suggestion_pen(self, label: str, width: float) -> QPen:
        pen = self._pens.get((label, width))
        if pen is None:
            pen = self._pens[(label, width)] = QPen(self.styler.colour(label).darker(130), width)
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def _glued(self, span: Span) -> bool:
        """Whether a letter touches ``span`` from outside (a clitic left out, a word cut)."""
        text = self.text
        return (span.start > 0 and is_word_char(text[span.start - 1])) or (
            span.end < len(text) and is_word_char(text[span.end]))

    def _paint_brackets(self, painter: QPainter, span: Span) -> None:
        rects = self.span_rects(span)
        if not rects:
            return
        painter.setPen(QPen(ATTRIBUTION_LINE, 2))
        first, last = rects[0], rects[-1]
        # right to left: the content opens at the right edge of its first line
        _bracket(painter, first.right() + 3, first, opening=True)
        _bracket(painter, last.left() - 3, last, opening=False)

    def span_rects(self, span: Span) -> list[QRectF]:
        """On-screen rectangles of a span, one per line it touches (viewport coordinates)."""
        start, end = self.offsets.to_qt(span.start), self.offsets.to_qt(span.end)
        block = self.document().findBlock(start)
        rects: list[QRectF] = []
        while block.isValid() and block.position() < end:
            base = block.position()
            origin, starts, lines = self._lines_of(block)
            # from the line holding the start, not the paragraph's first line: a long
            # paragraph has dozens, and nested boxes ask for a hundred spans a frame
            first = max(bisect_right(starts, start - base) - 1, 0)
            for line_start, line_end, line, top, height in lines[first:]:
                if base + line_start >= end:
                    break
                left, right = max(start, base + line_start), min(end, base + line_end)
                if left >= right:
                    continue
                x1 = line.cursorToX(left - base)[0]
                x2 = line.cursorToX(right - base)[0]
                rects.append(QRectF(min(x1, x2) + origin.x(), top + origin.y(), abs(x2 - x1), height))
            block = block.next()
        return rects

    def _lines_of(self, block: QTextBlock) -> tuple[QPointF, list[int], list[tuple]]:
        """A paragraph's lines as (start, end, line, top, height) and where it sits on
        screen; kept for the rest of a paint, in which a hundred nested spans may ask
        for the same few paragraphs (each Qt call also lets a background thread in)."""
        memo = self._paint_lines
        found = memo.get(block.position()) if memo is not None else None
        if found is None:
            scroll = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
            origin = self.document().documentLayout().blockBoundingRect(block).topLeft() - scroll
            layout = block.layout()
            lines = []
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                line_start = line.textStart()
                lines.append((line_start, line_start + line.textLength(), line, line.y(), line.height()))
            found = (origin, [line[0] for line in lines], lines)
            if memo is not None:
                memo[block.position()] = found
        return found


def _mark_rect(line: QRectF, row: int) -> QRect:
    """Where a mark of row ``row`` goes under ``line`` (a span's rectangle on one line,
    its bottom the letters' descent): bands ``thickness`` high with half as much space
    above each, so three rows take under the gap's height (0.65 of a line). Inset at
    its ends so that neighbouring marks stay apart."""
    thickness, space = _mark_sizes(line.height())
    top = math.ceil(line.bottom()) + space + row * (thickness + space)
    inset = min(thickness, int(line.width() / 4))
    left, right = round(line.left()) + inset, round(line.right()) - inset
    return QRect(left, top, max(1, right - left), thickness)


def _mark_sizes(line_height: float) -> tuple[int, int]:
    """A mark's thickness and the space above it, in whole pixels: sharp at every zoom."""
    thickness = max(1, round(line_height / 12))
    return thickness, max(1, round(thickness / 2))


def marks_band(line_height: float) -> int:
    """How far below a line's descent its three rows of marks reach (what a role tag
    drawn under the same line would have to start below)."""
    thickness, space = _mark_sizes(line_height)
    return 1 + 3 * (thickness + space)


def _line_at(layout: QTextLayout, y: float) -> QTextLine:
    """The line of ``layout`` at height ``y`` (block coordinates), or the nearest."""
    lines = [layout.lineAt(i) for i in range(layout.lineCount())]
    return min(lines, key=lambda line: max(line.y() - y, y - line.y() - line.height(), 0.0))


def _glyph_boxes(line: QTextLine, position: int) -> list[tuple[float, float, bool]]:
    """(left, right, right to left) of the glyphs drawn for the character at
    ``position`` (relative to its block): where each is drawn and its advance, as laid
    out. A combining mark has no width; a ligature's characters share one glyph."""
    boxes = []
    for run in line.glyphRuns(position, 1):
        advances = run.rawFont().advancesForGlyphIndexes(run.glyphIndexes())
        for place, advance in zip(run.positions(), advances, strict=False):
            if advance.x() > 0:
                boxes.append((place.x(), place.x() + advance.x(), run.isRightToLeft()))
    return boxes


def _bracket(painter: QPainter, x: float, rect: QRectF, opening: bool) -> None:
    tick = 4 if opening else -4
    top, bottom = rect.top() + 2, rect.bottom() - 2
    painter.drawLine(int(x), int(top), int(x), int(bottom))
    painter.drawLine(int(x), int(top), int(x - tick), int(top))
    painter.drawLine(int(x), int(bottom), int(x - tick), int(bottom))


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _buckwalter(text: str) -> str:
    from ..nlp.translit import buckwalter

    return buckwalter(" ".join(text.split()))


def tooltip_html(spans: list[Span], schema: Schema, describe: Callable[[Span], list[str]],
                 text_of: Callable[[Span], str] | None = None) -> str:
    """Hover text for the spans under the mouse; every value escaped (files are untrusted)."""
    rows = []
    for span in spans:
        label = schema.label(span.label)
        names = f"{label.ar} · {label.en}" if label else span.label
        parts = [f"<b>{html.escape(span.label)}</b> — {html.escape(names)}"]
        parts += [f"{html.escape(str(k))}: {html.escape(str(v))}" for k, v in span.attributes.items()]
        parts += [html.escape(line) for line in describe(span)]
        parts.append(tr("Buckwalter: {text}").format(
            text=html.escape(_buckwalter(text_of(span)) if text_of else "")))
        rows.append("<br>".join(parts))
    return "<hr>".join(rows)
