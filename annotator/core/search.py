"""Search in documents with Arabic matching normalisation, in original offsets.

``find_all`` is the find bar: a query matches wherever its normalised form occurs in
the normalised text (see ``annotator.nlp.normalize``: alef forms, alef maqsura, teh
marbuta, diacritics, tatweel, digits, whitespace runs, case), and every match comes
back as ``(start, end)`` code-point offsets into the unchanged text. ``documents_matching``
filters the document list by title and text.

The project keeps its matching choices as settings: ``normalisation_settings(store)``
(key ``search/normalisation``, a JSON object of the ``NormalisationSettings`` fields)
and ``clitic_convention(store)`` (key ``clitics/convention``: ``exclude`` or ``include``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from ..nlp.clitics import CONVENTIONS, DEFAULT_CONVENTION
from ..nlp.normalize import (
    DEFAULT_SETTINGS,
    NormalisationSettings,
    OffsetMap,
    normalise,
    normalise_with_map,
    original_span,
)
from .errors import ProjectError
from .model import Document
from .selection import is_word_char

NORMALISATION_KEY = "search/normalisation"
CONVENTION_KEY = "clitics/convention"
Offsets = tuple[int, int]


class SettingsStore(Protocol):
    def setting(self, key: str, default: str | None = None) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...


class DocumentSource(Protocol):
    def documents(self) -> Iterable[Document]: ...


@dataclass(frozen=True)
class NormalisedText:
    """A text, its normalised form and the map back; build once, search many times."""

    original: str
    text: str
    index_map: OffsetMap

    @classmethod
    def of(cls, original: str, settings: NormalisationSettings = DEFAULT_SETTINGS) -> NormalisedText:
        text, index_map = normalise_with_map(original, settings)
        return cls(original, text, index_map)

    def positions(self, needle: str) -> list[int]:
        """Normalised start positions of non-overlapping occurrences of ``needle``."""
        found: list[int] = []
        if not needle:
            return found
        find, step = self.text.find, len(needle)
        position = find(needle)
        while position >= 0:
            found.append(position)
            position = find(needle, position + step)
        return found

    def to_original(self, start: int, end: int) -> Offsets:
        return original_span(self.original, self.index_map, start, end)

    def at_word_edges(self, start: int, end: int) -> bool:
        """No word character glued to either side of the normalised ``start:end``."""
        text = self.text
        return (start == 0 or not is_word_char(text[start - 1])) and (
            end == len(text) or not is_word_char(text[end])
        )


def normalise_query(query: str, settings: NormalisationSettings = DEFAULT_SETTINGS) -> str:
    """The query as matched: normalised, surrounding whitespace removed."""
    return normalise(query, settings).strip()


def find_all(
    text: str,
    query: str,
    settings: NormalisationSettings = DEFAULT_SETTINGS,
    *,
    whole_words: bool = False,
) -> list[Offsets]:
    """Every non-overlapping match of ``query`` in ``text``, as original ``(start, end)``.

    An empty (or all-whitespace) query matches nothing. With ``whole_words`` a match
    must not have a word character glued to either side (no proclitics either: the
    suggestions module handles those).
    """
    needle = normalise_query(query, settings)
    if not needle:
        return []
    normalised = NormalisedText.of(text, settings)
    return [
        normalised.to_original(p, p + len(needle))
        for p in normalised.positions(needle)
        if not whole_words or normalised.at_word_edges(p, p + len(needle))
    ]


def documents_matching(
    store: DocumentSource, query: str, settings: NormalisationSettings = DEFAULT_SETTINGS
) -> set[str]:
    """Ids of the documents whose title or text contains ``query`` (normalised).

    Reads every document: for a list filter typed letter by letter over thousands of
    articles, use ``SuggestionIndex.documents_matching`` (normalised once).
    """
    needle = normalise_query(query, settings)
    if not needle:
        return set()
    return {
        document.id
        for document in store.documents()
        if needle in normalise(document.title, settings)
        or needle in normalise(document.text, settings)
    }


# --- project settings ---------------------------------------------------------------
def normalisation_settings(store: SettingsStore) -> NormalisationSettings:
    raw = store.setting(NORMALISATION_KEY)
    if raw is None:
        return DEFAULT_SETTINGS
    try:
        return NormalisationSettings.from_json(json.loads(raw))
    except (json.JSONDecodeError, AttributeError, TypeError) as error:
        raise ProjectError(f"the setting {NORMALISATION_KEY!r} is not a JSON object ({error})")


def set_normalisation_settings(store: SettingsStore, settings: NormalisationSettings) -> None:
    store.set_setting(NORMALISATION_KEY, json.dumps(settings.to_json(), sort_keys=True))


def clitic_convention(store: SettingsStore) -> str:
    value = store.setting(CONVENTION_KEY, DEFAULT_CONVENTION) or DEFAULT_CONVENTION
    return value if value in CONVENTIONS else DEFAULT_CONVENTION


def set_clitic_convention(store: SettingsStore, convention: str) -> None:
    if convention not in CONVENTIONS:
        raise ProjectError(f"unknown clitic convention {convention!r}; use one of {CONVENTIONS}")
    store.set_setting(CONVENTION_KEY, convention)
