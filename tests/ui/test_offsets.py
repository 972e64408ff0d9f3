from __future__ import annotations

from annotator.ui.offsets import OffsetMap


def _utf16_position(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def test_offsets_identity_without_astral_characters():
    text = "قوات النظام"
    offsets = OffsetMap(text)
    assert all(offsets.to_qt(i) == i == offsets.from_qt(i) for i in range(len(text) + 1))


def test_offsets_emoji_round_trip_everywhere():
    text = "😀 قوات 👍🏽 النظام 𝐀x"
    offsets = OffsetMap(text)
    for i in range(len(text) + 1):
        assert offsets.to_qt(i) == _utf16_position(text, i)
        assert offsets.from_qt(offsets.to_qt(i)) == i


def test_offsets_inside_surrogate_pair_rounds_down():
    text = "a😀b"
    offsets = OffsetMap(text)
    assert offsets.from_qt(2) == 1  # between the two halves of the emoji
    assert offsets.from_qt(3) == 2


def test_offsets_crlf_keeps_positions_in_qt(qapp):
    from PySide6.QtGui import QTextDocument

    from annotator.ui.offsets import qt_text

    text = "سطر\r\nسطر😀\rثالث"
    document = QTextDocument()
    document.setPlainText(qt_text(text))
    assert document.characterCount() - 1 == len(text.encode("utf-16-le")) // 2
