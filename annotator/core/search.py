"""Search in documents with Arabic matching normalisation, in original offsets.

``find_all`` is the find bar: a query matches wherever its normalised form occurs in
the normalised text (see ``annotator.nlp.normalize``: alef forms, alef maqsura, teh
marbuta, diacritics, tatweel, digits, whitespace runs, case), and every match comes
back as ``(start, end)`` code-point offsets into the unchanged text.
``documents_matching`` filters the document list by title and text.

``word_matches`` is stricter, for label suggestions: a match must end at a word end and
start at a word start or right after a proclitic chain (و ف ب ل ك, وب ول ...), so
«قوات النظام» is found inside «لقوات النظام» but «حلب» never inside «كفرحلب». A needle
starting with ال is also found after ل with the article's alef assimilated («التحرير»
in «للتحرير» gives «لتحرير»). Under the ``include`` convention a match grows to the
whole word, proclitics and all.

``CorpusIndex`` normalises a corpus once and keeps an inverted index from words (and
words without their proclitics) to documents: ``occurrences(needle)`` then searches
only the documents that hold all of the needle's words, and ``documents_matching``
filters without reading the store.

The project keeps its matching choices as settings: ``normalisation_settings(store)``
(key ``search/normalisation``, a JSON object of the ``NormalisationSettings`` fields)
and ``clitic_convention(store)`` (key ``clitics/convention``: ``exclude``/``include``).
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache

import numpy as np

from ..errors import ProjectError, ValidationError
from ..nlp.clitics import (
    CONJUNCTIONS,
    DEFAULT_CONVENTION,
    PREPOSITIONS,
    Lexicon,
    is_proclitic_chain,
    letters_of,
)
from ..nlp.normalize import (
    DEFAULT_SETTINGS,
    TATWEEL,
    NormalisationSettings,
    OffsetMap,
    combining_marks,
    normalise,
    normalise_with_map,
    original_span,
)
from .model import Document
from .pair_index import PairIndex, numbers_in_both, one_byte
from .selection import is_word_char
from .store import Store

Offsets = tuple[int, int]
Occurrence = tuple[str, int, int]  # document id, start, end


@dataclass(frozen=True)
class NormalisedText:
    """A text, its normalised form and the map back; build once, search many times."""

    original: str
    text: str
    index_map: OffsetMap

    @classmethod
    def of(
        cls, original: str, settings: NormalisationSettings = DEFAULT_SETTINGS
    ) -> NormalisedText:
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


def normalise_query(
    query: str, settings: NormalisationSettings = DEFAULT_SETTINGS
) -> str:
    """The query as matched: normalised, surrounding whitespace removed."""
    return normalise(query, settings).strip()


# --- the find bar and the document filter -------------------------------------------
def find_all(
    text: str,
    query: str,
    settings: NormalisationSettings = DEFAULT_SETTINGS,
    *,
    whole_words: bool = False,
) -> list[Offsets]:
    """Every non-overlapping match of ``query`` in ``text``: original ``(start, end)``.

    An empty (or all-whitespace) query matches nothing. With ``whole_words`` a match
    must not have a word character glued to either side (no proclitics either: see
    ``word_matches`` for that).
    """
    return find_in(NormalisedText.of(text, settings), query, settings, whole_words=whole_words)


def find_in(
    normalised: NormalisedText,
    query: str,
    settings: NormalisationSettings = DEFAULT_SETTINGS,
    *,
    whole_words: bool = False,
) -> list[Offsets]:
    """``find_all`` on a text normalised once (with the same ``settings``): a find bar
    asks again on every keystroke."""
    needle = normalise_query(query, settings)
    if not needle:
        return []
    return [
        normalised.to_original(p, p + len(needle))
        for p in normalised.positions(needle)
        if not whole_words or normalised.at_word_edges(p, p + len(needle))
    ]


def documents_matching(
    store: Store,
    query: str,
    settings: NormalisationSettings = DEFAULT_SETTINGS,
) -> set[str]:
    """Ids of the documents whose title or text contains ``query`` (normalised).

    Reads and normalises every document (seconds for thousands of articles): for a
    list filter typed letter by letter, use ``CorpusIndex.documents_matching``.
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


# --- matching at word edges, across proclitics --------------------------------------
# This runs once per occurrence over a whole corpus (tens of thousands for a frequent
# name), so it is written flat: local names, no helper calls on the common path.
_MAX_CHAIN = 8  # characters a proclitic chain may take with marks (2 letters + marks)
_SINGLE = CONJUNCTIONS + PREPOSITIONS


def word_matches(
    normalised: NormalisedText, needle: str, convention: str = DEFAULT_CONVENTION
) -> list[Offsets]:
    """Original offsets of ``needle`` (already normalised) at word edges in a text."""
    return [(s, e) for _, s, e in _scan([normalised], [""], [0], needle, convention)]


def _scan(
    texts: Sequence[NormalisedText],
    ids: Sequence[str],
    numbers: Iterable[int],
    needle: str,
    convention: str,
) -> list[Occurrence]:
    """Occurrences of ``needle`` in the texts ``numbers``, by document then offset."""
    found: list[Occurrence] = []
    if not needle:
        return found
    assimilated = needle[1:] if needle.startswith("ال") and len(needle) > 3 else None
    with collector_paused():
        for number in numbers:
            normalised, document_id = texts[number], ids[number]
            before = len(found)
            _places(normalised, needle, document_id, convention, False, found)
            if assimilated is not None:  # ل + (ا)ل: «التحرير» in «للتحرير»
                _places(normalised, assimilated, document_id, convention, True, found)
                found[before:] = sorted(found[before:])
    return found


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while tens of thousands of tuples are made.

    Tuples of strings and numbers hold no cycles; with the collector running, bursts
    of allocations trigger passes over every tracked object of the process (a third of
    the matching time in the benchmark).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _places(
    normalised: NormalisedText,
    needle: str,
    document_id: str,
    convention: str,
    after_lam: bool,
    found: list[Occurrence],
) -> None:
    """Append the matches at word edges; ``after_lam``: only after a chain ending ل."""
    text = normalised.text
    find = text.find
    position = find(needle)
    if position < 0:
        return
    original_text = normalised.original
    marks = combining_marks()
    to_original = _mapper(normalised.index_map)
    size, length, original_size = len(needle), len(text), len(original_text)
    check_start = needle[0].isalnum() or needle[0] in marks
    check_end = needle[-1].isalnum() or needle[-1] in marks
    include = convention == "include"
    while position >= 0:
        end = position + size
        following = find(needle, end)
        if check_end and end < length and (text[end].isalnum() or text[end] in marks):
            position = following
            continue
        begin = position
        if check_start:
            while (
                begin > 0
                and position - begin <= _MAX_CHAIN
                and (text[begin - 1].isalnum() or text[begin - 1] in marks)
            ):
                begin -= 1
            if begin < position or after_lam:
                chain = _chain_before(text, begin, position)
                if chain is None or (after_lam and not chain.endswith("ل")):
                    position = following
                    continue
        stop = to_original(end - 1) + 1
        if stop < original_size and (
            original_text[stop] in marks or original_text[stop] == TATWEEL
        ):
            stop = _past_marks(normalised, end, stop)
        found.append((document_id, to_original(begin if include else position), stop))
        position = following


def _mapper(index_map: OffsetMap) -> Callable[[int], int]:
    """``index_map.original`` with the lookups bound once per text."""
    breaks, shifts = index_map._breaks, index_map._shifts
    if len(breaks) == 1:
        shift = shifts[0]
        return lambda index: index + shift
    return lambda index: index + shifts[bisect_right(breaks, index) - 1]


def _past_marks(normalised: NormalisedText, end: int, stop: int) -> int:
    """``stop`` moved past following marks, as ``normalize.original_span`` does."""
    original_text, marks = normalised.original, combining_marks()
    index_map = normalised.index_map
    limit = index_map.original(end) if end < len(index_map) else len(original_text)
    while stop < len(original_text) and (
        original_text[stop] in marks
        or (stop < limit and original_text[stop] == TATWEEL)
    ):
        stop += 1
    return stop


def _chain_before(text: str, word_start: int, position: int) -> str | None:
    """The proclitic letters from a word start to ``position`` (``None``: no chain)."""
    width = position - word_start
    if width == 1 and text[word_start] in _SINGLE:
        return text[word_start]
    if (
        width == 2
        and text[word_start] in CONJUNCTIONS
        and text[word_start + 1] in PREPOSITIONS
    ):
        return text[word_start:position]
    if word_start > 0 and (
        text[word_start - 1].isalnum() or text[word_start - 1] in combining_marks()
    ):
        return None  # the word goes on further back than a chain can
    letters, _ = letters_of(text[word_start:position])
    return letters if is_proclitic_chain(letters) else None


# --- the corpus index ---------------------------------------------------------------
@cache
def _word_pattern() -> re.Pattern[str]:
    """Words as the index cuts them: letters and digits (``[^\\W_]``) and combining
    marks, the characters ``_places`` treats as word characters."""
    marks = "".join(re.escape(mark) for mark in sorted(combining_marks()))
    return re.compile(rf"(?:[^\W_]|[{marks}])+")


def _keys(word: str) -> list[str]:
    """Index keys of a normalised word: itself and itself without a proclitic chain."""
    keys = [word]
    letters, offsets = letters_of(word)
    for length in (1, 2):
        if len(letters) - length >= 2 and is_proclitic_chain(letters[:length]):
            rest = word[offsets[length] :]
            keys.append(rest)
            if letters[length - 1] == "ل" and letters[length] == "ل":
                keys.append("ا" + rest)  # ل + (ا)ل: «للتحرير» is also «التحرير»
    return keys


_SEPARATOR = "\x00"  # between documents in ``CorpusIndex._joined_texts``: a needle holding it is scanned apart
_JOIN_BATCH = 500  # documents joined and made one byte per character at a time


def _exact(key: bytes) -> bool:
    """ASCII and the Arabic block map one to one onto bytes (``one_byte``): a match of
    such a key is a match of the needle; 0x1A stands for every other character."""
    return b"\x1a" not in key


@dataclass
class CorpusIndex:
    """Every document normalised once, and words -> documents, for corpus-wide search.

    Build it once (``build``; seconds for thousands of articles: off the GUI thread),
    ``add_document`` for imports. It holds every text twice in memory (original and
    normalised). ``settings`` are fixed at build time (rebuild when the project's
    normalisation changes); ``convention`` is read at each query and may be reassigned.
    """

    settings: NormalisationSettings = DEFAULT_SETTINGS
    convention: str = DEFAULT_CONVENTION
    _ids: list[str] = field(default_factory=list, init=False, repr=False)
    _texts: list[NormalisedText] = field(default_factory=list, init=False, repr=False)
    _titles: list[str] = field(default_factory=list, init=False, repr=False)
    _position: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    _postings: defaultdict[str, list[int]] = field(
        default_factory=lambda: defaultdict(list), init=False, repr=False
    )
    _key_cache: dict[str, list[str]] = field(
        default_factory=dict, init=False, repr=False
    )
    _frequency: Counter[str] = field(default_factory=Counter, init=False, repr=False)
    _last_filter: tuple[str, np.ndarray] | None = field(default=None, init=False, repr=False)
    _joined: tuple[bytearray, list[int], PairIndex] | None = field(default=None, init=False, repr=False)

    @classmethod
    def build(
        cls,
        documents: Iterable[Document],
        settings: NormalisationSettings = DEFAULT_SETTINGS,
        convention: str = DEFAULT_CONVENTION,
    ) -> CorpusIndex:
        index = cls(settings, convention)
        for document in documents:
            index.add_document(document)
        return index

    def __len__(self) -> int:
        return len(self._ids)

    def document_ids(self) -> list[str]:
        return list(self._ids)

    def add_document(self, document: Document) -> None:
        """Index one more document (a document already indexed is refused)."""
        if document.id in self._position:
            raise ValidationError(
                "document is already in the search index", document=document.id
            )
        number = len(self._ids)
        self._last_filter = None  # its answer lacks this document
        self._position[document.id] = number
        self._ids.append(document.id)
        normalised = NormalisedText.of(document.text, self.settings)
        self._texts.append(normalised)
        self._titles.append(normalise(document.title, self.settings))
        words = set(_word_pattern().findall(normalised.text))
        self._frequency.update(words)
        keys: set[str] = set()
        cache_ = self._key_cache
        for word in words:
            found = cache_.get(word)
            if found is None:
                found = cache_[word] = _keys(word)
            keys.update(found)
        for key in keys:
            self._postings[key].append(number)

    def _number(self, document_id: str) -> int:
        number = self._position.get(document_id)
        if number is None:
            raise ProjectError(
                "document is not in the search index", document=document_id
            )
        return number

    def _candidates(self, needle: str) -> Iterable[int]:
        """Documents holding every word of ``needle`` (a superset of the matches)."""
        words = _word_pattern().findall(needle)
        if not words:
            return range(len(self._ids))
        lists = sorted((self._postings.get(w, []) for w in words), key=len)
        if not lists[0]:
            return []
        common = set(lists[0])
        for other in lists[1:]:
            common.intersection_update(other)
        return sorted(common)

    def text(self, document_id: str) -> NormalisedText:
        return self._texts[self._number(document_id)]

    def occurrences(self, needle: str) -> list[Occurrence]:
        """``(document id, start, end)`` of ``needle`` (normalised) at word edges, in
        corpus order (see ``word_matches``)."""
        candidates = self._candidates(needle)
        return _scan(self._texts, self._ids, candidates, needle, self.convention)

    def occurrences_in(self, document_id: str, needle: str) -> list[Offsets]:
        number = self._number(document_id)
        found = _scan(self._texts, self._ids, [number], needle, self.convention)
        return [(s, e) for _, s, e in found]

    def documents_matching(self, query: str) -> set[str]:
        """Ids of documents whose title or text holds ``query`` (normalised).

        The same answer as ``documents_matching``, without reading the store.
        """
        return {self._ids[i] for i in self.matching_numbers(query).tolist()}

    @property
    def ids_in_order(self) -> Sequence[str]:
        """The indexed ids, in the order ``matching_numbers`` counts them (the index's
        own list: read it, do not change it)."""
        return self._ids

    def matching_numbers(self, query: str) -> np.ndarray:
        """``documents_matching`` as ascending numbers into ``ids_in_order``."""
        needle = normalise_query(query, self.settings)
        if not needle:
            return np.zeros(0, dtype=np.int64)
        last = self._last_filter
        if last is not None and last[0] == needle:  # the same filter again (a status chosen)
            return last[1]
        numbers = self._numbers_holding(needle)
        self._last_filter = (needle, numbers)
        return numbers

    def _numbers_holding(self, needle: str) -> np.ndarray:
        if _SEPARATOR in needle:
            return np.array([i for i in range(len(self._ids)) if self._holds(i, needle)], dtype=np.int64)
        joined, starts, pairs = self._joined_texts()
        key = one_byte(needle)
        if len(key) < 2:
            return np.array(self._scan_joined(needle, key), dtype=np.int64)
        candidates = pairs.holding_pairs(key)
        last = self._last_filter
        if last is not None and last[0] in needle:  # typed on: only the last matches can match
            candidates = numbers_in_both(candidates, last[1])
        if len(key) == 2 and _exact(key):  # a pair of bytes is then the needle
            return candidates
        return np.array(self._confirmed(needle, key, candidates.tolist()), dtype=np.int64)

    def _confirmed(self, needle: str, key: bytes, candidates: list[int]) -> list[int]:
        """The candidates that hold ``needle``: a search of each one's bytes in the
        joined texts (one byte per character, so half the bytes of the str), then of
        its own text where a byte stands for several characters."""
        joined, starts, _ = self._joined_texts()
        find, ends = joined.find, starts[1:] + [len(joined)]
        hits = [i for i in candidates if find(key, starts[i], ends[i]) >= 0]
        return hits if _exact(key) else [i for i in hits if self._holds(i, needle)]

    def _holds(self, number: int, needle: str) -> bool:
        """Does document ``number``'s title or text hold ``needle`` (normalised)?"""
        return needle in self._titles[number] or needle in self._texts[number].text

    def _scan_joined(self, needle: str, key: bytes) -> list[int]:
        """The documents holding ``needle``, found with ``bytes.find`` over every title
        and text joined in one string of one byte per character, jumping to the next
        document after each hit. Characters that share a byte (outside ASCII and the
        Arabic block) can make a false hit: each hit's document is checked on its own
        text."""
        joined, starts, _ = self._joined_texts()
        exact = _exact(key)
        found, position, count = [], 0, len(starts)
        find = joined.find
        while (hit := find(key, position)) >= 0:
            number = bisect_right(starts, hit) - 1
            if exact or self._holds(number, needle):
                found.append(number)
            if number + 1 >= count:
                break
            position = starts[number + 1]
        return found

    def prepare_filter(self) -> None:
        """Join the texts and index their character pairs for ``documents_matching``
        now (off the GUI thread, where the index is built) rather than at the first
        letter typed."""
        self._joined_texts()

    def _joined_texts(self) -> tuple[bytearray, list[int], PairIndex]:
        if self._joined is None or len(self._joined[1]) != len(self._ids):
            starts, position, pieces, joined = [], 0, [], bytearray()
            for title, text in zip(self._titles, self._texts):
                starts.append(position)
                pieces.append(f"{title}{_SEPARATOR}{text.text}{_SEPARATOR}")
                position += len(pieces[-1])
                if len(pieces) == _JOIN_BATCH:  # short steps: the GUI thread runs between them
                    joined += one_byte("".join(pieces))
                    pieces.clear()
            joined += one_byte("".join(pieces))
            self._joined = (joined, starts, PairIndex.of(joined, starts))
        return self._joined

    def lexicon(self) -> Lexicon:
        """Word -> number of documents holding it, for ``clitics.strip_proclitics``."""
        return Lexicon(self._frequency, self.settings)


# --- project options (kept by the store: ``storage/options.py``) ------------------------
def normalisation_settings(store: Store) -> NormalisationSettings:
    return store.options().normalisation


def set_normalisation_settings(store: Store, settings: NormalisationSettings) -> None:
    store.save_options(replace(store.options(), normalisation=settings))


def clitic_convention(store: Store) -> str:
    return store.options().clitic_convention


def set_clitic_convention(store: Store, convention: str) -> None:
    store.save_options(replace(store.options(), clitic_convention=convention))
