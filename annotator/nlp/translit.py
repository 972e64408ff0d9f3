"""Romanised views of Arabic spans: Buckwalter and Habash-Soudi-Buckwalter (HSB).

Uses camel-tools' built-in character maps (``CharMapper.builtin_mapper('ar2bw')``,
``'ar2safebw'``, ``'ar2xmlbw'``, ``'ar2hsb'``), which need no data and no network.
Characters a map does not cover (Latin letters, punctuation, spaces, no-break spaces)
pass through unchanged. This is a display aid (tooltips, exports for readers without
Arabic script): the stored text is never transliterated.

Hazard: Buckwalter uses ASCII punctuation for letters (``>`` for أ, ``|`` for آ,
``'`` for ء), so a Buckwalter string is ambiguous next to real punctuation; ``safebw``
and ``xmlbw`` avoid the characters that upset XML and shells.
"""

from __future__ import annotations

from functools import cache
from typing import Any

SCHEMES = ("bw", "safebw", "xmlbw", "hsb")


@cache
def _mapper(scheme: str) -> Any:
    from camel_tools.utils.charmap import CharMapper  # no data, no network

    return CharMapper.builtin_mapper(f"ar2{scheme}")


def transliterate(text: str, scheme: str = "bw") -> str:
    """``text`` in ``scheme`` (one of ``SCHEMES``); unmapped characters are kept."""
    if scheme not in SCHEMES:
        raise ValueError(
            f"unknown transliteration scheme {scheme!r}; use one of {SCHEMES}"
        )
    return str(_mapper(scheme)(text))


def transliterate_span(text: str, start: int, end: int, scheme: str = "bw") -> str:
    """The span ``text[start:end]`` (code points, end exclusive) in ``scheme``."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}-{end} is outside the text (0-{len(text)})")
    return transliterate(text[start:end], scheme)


def buckwalter(text: str) -> str:
    return transliterate(text, "bw")


def hsb(text: str) -> str:
    return transliterate(text, "hsb")
