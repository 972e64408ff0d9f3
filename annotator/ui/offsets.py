"""The one place where code-point offsets meet Qt's UTF-16 positions.

Our offsets count Unicode code points; QTextCursor counts UTF-16 units, in which a
character beyond the Basic Multilingual Plane (an emoji, some CJK) takes two. Texts
without such characters (nearly every Arabic article) map one to one, at no cost.
"""

from __future__ import annotations

from bisect import bisect_left


class OffsetMap:
    def __init__(self, text: str) -> None:
        self._astral = [i for i, char in enumerate(text) if ord(char) > 0xFFFF]
        # UTF-16 position of each astral character's first unit, for the reverse map
        self._astral_utf16 = [i + n for n, i in enumerate(self._astral)]
        self.length = len(text)

    def to_qt(self, offset: int) -> int:
        """UTF-16 position of a code-point offset."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """Code-point offset of a UTF-16 position (one inside a pair rounds down)."""
        if not self._astral:
            return position
        before = bisect_left(self._astral_utf16, position)
        if before and self._astral_utf16[before - 1] + 1 == position:
            return self._astral[before - 1]  # the middle of a surrogate pair
        return position - before


def qt_text(text: str) -> str:
    """The text to hand to Qt so that positions stay one per UTF-16 unit.

    Qt turns ``\\r\\n`` into a single paragraph break, which would shift every later
    offset by one; a space before the ``\\n`` keeps the length and shows nothing.
    """
    return text.replace("\r\n", " \n")
