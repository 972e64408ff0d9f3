from __future__ import annotations

from annotator.core.model import Annotations, Document, Span
from annotator.ui.text_view import FIRST_SCREEN_CHARS, AnnotationTextView


def _long_document() -> tuple[Document, Annotations]:
    text = "قصفت قوات النظام مدينة حلب صباح اليوم.\n" * (12 * FIRST_SCREEN_CHARS // 38)
    spans = [Span(f"T{n}", start, start + 3, "GPE") for n, start in enumerate(range(23, len(text), 380))]
    return Document("d", text), Annotations("d", "amal", spans=spans)


def test_text_view_formats_the_rest_in_slices_after_the_first_screen(qtbot, schema):
    view = AnnotationTextView()
    qtbot.addWidget(view)
    document, annotations = _long_document()
    view.show_document(document, annotations, schema)
    assert view._pending < len(document.text)  # the first screen is up, the rest waits
    qtbot.waitUntil(lambda: view._pending == len(document.text))
    last = annotations.spans[-1]
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(last.start + 1)
    assert cursor.charFormat().background().color().name() == schema.label("GPE").color


def test_text_view_closed_before_its_slices_ran_leaves_no_timer_behind(qtbot, schema):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view = AnnotationTextView(window)
    document, annotations = _long_document()
    view.show_document(document, annotations, schema)
    assert view._pending < len(document.text)
    window.show()
    window.close()  # at once: pytest-qt fails the test on any error in the event loop
    qtbot.wait(50)


def test_text_view_suggestion_lines_land_under_their_word_after_emoji(qtbot, schema):
    from annotator.core.suggestions import Suggestion

    text = "👩🏽‍⚕️🇸🇾 وصل الوفد إلى حلب ثم غادر حلب صباحا"
    view = AnnotationTextView()
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    qtbot.waitExposed(view)
    view.show_document(Document("e", text), Annotations("e", "amal"), schema)
    start = text.rindex("حلب")  # code points: each emoji part counts one, Qt counts two
    without = view.viewport().grab().toImage()
    view.set_suggestions([Suggestion("e", start, start + 3, "GPE")])
    with_line = view.viewport().grab().toImage()
    changed = [(x, y) for x in range(with_line.width()) for y in range(with_line.height())
               if with_line.pixel(x, y) != without.pixel(x, y)]
    (word,) = view.span_rects(Span("s", start, start + 3, "GPE"))
    assert changed
    assert all(word.left() - 2 <= x <= word.right() + 2 and word.bottom() - 5 <= y <= word.bottom()
               for x, y in changed)
