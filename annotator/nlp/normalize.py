"""Matching normalisation for Arabic text, with a map back to original offsets.

Normalisation is for matching and search only: stored text never changes, and every
match found in normalised text is mapped back to exact code-point offsets of the
original with ``OffsetMap`` / ``original_span``.

What each setting does (``NormalisationSettings``, all on by default):

* ``alef``: أ إ آ ٱ -> ا (camel-tools ``normalize_alef_ar``);
* ``alef_maqsura``: ى -> ي (``normalize_alef_maksura_ar``);
* ``teh_marbuta``: ة -> ه (``normalize_teh_marbuta_ar``);
* ``diacritics``: harakat, tanween, shadda, sukun, dagger alef removed (``dediac_ar``);
* ``tatweel``: ـ (U+0640) removed;
* ``digits``: Eastern Arabic ٠-٩ and Persian ۰-۹ digits -> ASCII 0-9;
* ``whitespace``: every whitespace character (no-break space, tab, line break)
  -> a space, and a run of whitespace -> one space (the seed article has NBSPs);
* ``invisible``: format characters (ZWNJ, ZWJ, LRM, RLM, ALM, bidi controls, soft
  hyphen, BOM: Unicode category Cf) removed;
* ``case``: Latin (and other bicameral) letters lower-cased, where lower-casing
  keeps one character.

How: the camel-tools functions above work one character at a time (a regex character
class or ``str.replace`` of one character), so ``character_table`` probes each of them
on every character of the Arabic Unicode blocks and records what it does. Normalising
is then ``str.translate`` for the one-to-one replacements plus a regular expression for
the characters that disappear (deletions and whitespace runs). Nothing ever expands, so
the normalised text is an order-preserving selection of original characters and the
offset map is a short list of break points (one per deletion run), not a list of 3,000
integers per article. Tests check the result against camel-tools' string functions.

Hazards:
* A match's end maps to just after its last original character; ``original_span`` then
  extends it over the combining marks and removed tatweel that follow (a span never cuts
  a letter from its diacritics).
* Presentation forms (ﻻ, ﷲ ...) are not decomposed (that would expand characters).
* Hamza carriers ؤ ئ are not folded, as in camel-tools.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from functools import cache
from typing import Any, overload

TATWEEL = "\u0640"
EASTERN_DIGITS = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
PERSIAN_DIGITS = "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"
# The Unicode blocks in which camel-tools' per-character functions are probed.
_ARABIC_BLOCKS = (
    (0x0600, 0x0700),
    (0x0750, 0x0780),
    (0x0870, 0x0900),
    (0xFB50, 0xFE00),
    (0xFE70, 0xFF00),
)


@dataclass(frozen=True)
class NormalisationSettings:
    """Which foldings matching applies; frozen and hashable (tables cache by it)."""

    alef: bool = True
    alef_maqsura: bool = True
    teh_marbuta: bool = True
    diacritics: bool = True
    tatweel: bool = True
    digits: bool = True
    whitespace: bool = True
    invisible: bool = True
    case: bool = True

    def to_json(self) -> dict[str, bool]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> NormalisationSettings:
        """Settings from a JSON object; unknown keys ignored, missing ones default."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: bool(v) for k, v in (data or {}).items() if k in known})


DEFAULT_SETTINGS = NormalisationSettings()


# --- the character table, derived from camel-tools ----------------------------------
def _arabic_candidates() -> Iterator[str]:
    for low, high in _ARABIC_BLOCKS:
        for code in range(low, high):
            yield chr(code)


@cache
def _camel_functions() -> dict[str, Any]:
    # camel_tools.utils needs no data and no network (unlike camel_tools.data).
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
    )

    return {
        "alef": normalize_alef_ar,
        "alef_maqsura": normalize_alef_maksura_ar,
        "teh_marbuta": normalize_teh_marbuta_ar,
        "diacritics": dediac_ar,
    }


@cache
def _probe(setting: str) -> dict[str, str]:
    """What camel-tools' function for ``setting`` does to each Arabic character."""
    function = _camel_functions()[setting]
    changed = {}
    for char in _arabic_candidates():
        result = function(char)
        if result != char:
            if len(result) > 1:  # never so in camel-tools 1.6; refuse rather than guess
                raise RuntimeError(
                    f"camel-tools maps {char!r} to {result!r} ({setting})"
                )
            changed[char] = result
    return changed


@cache
def _case_table() -> dict[str, str]:
    table = {}
    for code in range(0x10000):
        char = chr(code)
        lower = char.lower()
        if lower != char and len(lower) == 1:
            table[char] = lower
    return table


@cache
def character_table(settings: NormalisationSettings) -> dict[str, str]:
    """Each character normalisation changes -> its replacement ('' = removed)."""
    table: dict[str, str] = {}
    if settings.case:
        table.update(_case_table())
    if settings.whitespace:
        table.update(
            {chr(c): " " for c in range(0x10000) if chr(c).isspace() and c != 32}
        )
    for name in ("alef", "alef_maqsura", "teh_marbuta", "diacritics"):
        if getattr(settings, name):
            table.update(_probe(name))
    if settings.digits:
        table.update({d: str(i) for i, d in enumerate(EASTERN_DIGITS)})
        table.update({d: str(i) for i, d in enumerate(PERSIAN_DIGITS)})
    if settings.tatweel:
        table[TATWEEL] = ""
    if settings.invisible:
        table.update(
            {chr(c): "" for c in range(0x10000) if unicodedata.category(chr(c)) == "Cf"}
        )
    return table


@cache
def _translation(settings: NormalisationSettings) -> dict[int, str]:
    """The one-to-one part of the table, for ``str.translate``."""
    return {ord(k): v for k, v in character_table(settings).items() if v}


@cache
def _removals(settings: NormalisationSettings) -> re.Pattern[str] | None:
    """A pattern for what disappears: removed characters and whitespace runs."""
    removed = "".join(
        re.escape(k) for k, v in character_table(settings).items() if not v
    )
    parts = []
    if settings.whitespace:
        gap = f"[{removed}]*" if removed else ""
        parts.append(rf"(?P<ws>\s{gap}(?:\s{gap})+)")
    if removed:
        parts.append(f"(?P<gone>[{removed}]+)")
    return re.compile("|".join(parts)) if parts else None


# --- the offset map -----------------------------------------------------------------
class OffsetMap(Sequence[int]):
    """Normalised position -> original code-point offset, strictly increasing.

    Stored as break points: from normalised position ``breaks[k]`` on, the original
    offset is the position plus ``shifts[k]``. ``len`` is the normalised length.
    """

    __slots__ = ("_breaks", "_length", "_shifts")

    def __init__(self, breaks: list[int], shifts: list[int], length: int) -> None:
        self._breaks, self._shifts, self._length = breaks, shifts, length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        return index + self._shifts[bisect_right(self._breaks, index) - 1]

    def original(self, index: int) -> int:
        """``self[index]`` without checks; ``index == len`` allowed (one past the end).

        For hot loops; ``len(self)`` maps to just after the last kept character's
        original shift, which callers bound by the original length.
        """
        if len(self._breaks) == 1:
            return index + self._shifts[0]
        return index + self._shifts[bisect_right(self._breaks, index) - 1]

    def __repr__(self) -> str:
        return f"OffsetMap(length={self._length}, breaks={len(self._breaks)})"


@cache
def combining_marks() -> frozenset[str]:
    """Every BMP character of Unicode category M (combining marks)."""
    return frozenset(
        chr(c) for c in range(0x10000) if unicodedata.category(chr(c))[0] == "M"
    )


def original_span(
    text: str, index_map: OffsetMap, start: int, end: int
) -> tuple[int, int]:
    """Original offsets of the normalised span ``start:end`` (``start < end``).

    The end is moved past the combining marks that follow the last character, and
    past a tatweel the normalisation removed there (up to the next kept character).
    """
    marks = combining_marks()
    original = index_map.original
    stop = original(end - 1) + 1
    limit = original(end) if end < len(index_map) else len(text)
    size = len(text)
    while stop < size and (
        text[stop] in marks or (stop < limit and text[stop] == TATWEEL)
    ):
        stop += 1
    return original(start), stop


# --- normalising --------------------------------------------------------------------
def normalise(text: str, settings: NormalisationSettings = DEFAULT_SETTINGS) -> str:
    """The normalised text (see the module docstring); no map, so faster."""
    pattern = _removals(settings)
    if pattern is not None:
        text = pattern.sub(lambda m: " " if m.lastgroup == "ws" else "", text)
    return text.translate(_translation(settings))


def normalise_with_map(
    text: str, settings: NormalisationSettings = DEFAULT_SETTINGS
) -> tuple[str, OffsetMap]:
    """``(normalised, index_map)``: ``index_map[i]`` is the original offset of ``i``.

    ``normalised == normalise(text, settings)`` and ``normalised[i]`` is the normalised
    form of ``text[index_map[i]]``. Map spans back with ``original_span``.
    """
    pattern = _removals(settings)
    table = _translation(settings)
    if pattern is None:
        return text.translate(table), OffsetMap([0], [0], len(text))
    pieces: list[str] = []
    breaks, shifts = [0], [0]
    length = shift = position = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        length += start - position
        if match.lastgroup == "ws":  # one space, kept at the run's first character
            pieces.append(text[position : start + 1])
            length += 1
            shift += end - start - 1
        else:
            pieces.append(text[position:start])
            shift += end - start
        breaks.append(length)
        shifts.append(shift)
        position = end
    pieces.append(text[position:])
    length += len(text) - position
    normalised = "".join(pieces).translate(table)
    return normalised, OffsetMap(breaks, shifts, length)
