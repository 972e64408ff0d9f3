"""Label suggestions: string matching over the corpus (like INCEpTION's string recommender).

When an annotator labels a string, the other places where the same string occurs are
*suggested* with that label. A suggestion is not an annotation: it is never stored as a
span, never exported and never counted; the UI draws it dashed, and the annotator
accepts it (``accept`` -> the core command that adds the span) or rejects it
(``reject`` -> a command that records the place so it stays hidden).

Matching (``Rule`` = normalised string + label):

* strings are compared after ``annotator.nlp.normalize`` (alef forms, diacritics,
  tatweel, digits, whitespace runs ...), and suggestions carry exact original offsets;
* a match must end at a word end and start at a word start or right after a proclitic
  chain (و ف ب ل ك, وب ول ...): «قوات النظام» is suggested inside «لقوات النظام» and
  «وقوات النظام», never «حلب» inside «كفرحلب». The labelled string itself is the
  evidence that the rest is a word, so no lexicon is needed here. A rule starting
  with ال also matches after ل with the article's alef assimilated («التحرير» in
  «للتحرير» suggests «لتحرير»);
* under the ``exclude`` convention the suggestion covers the matched string only;
  under ``include`` (ANERcorp) it grows to the whole word, proclitics and all.

Hidden: places the annotator rejected, places overlapping a span of the same label,
and places already covered exactly by any span of the annotator.

Persistence (project settings, JSON):

* ``suggestions/rejected``: ``{annotator: {document id: [[start, end, label], ...]}}``;
* ``suggestions/model/<annotator>/<document id>``: pre-annotation output
  (``annotator.core.preannotate``): ``{"model": ..., "created": ..., "spans": [[start,
  end, label], ...]}``, shown and accepted/rejected like string suggestions.

Speed: ``SuggestionIndex`` normalises the corpus once and keeps an inverted index from
words (and words without their proclitics) to documents, so one new rule is matched
over thousands of articles by looking up its words and searching only the documents
that hold them all.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import NamedTuple, Protocol

from ..nlp.clitics import (
    DEFAULT_CONVENTION,
    Lexicon,
    is_proclitic_chain,
    letters_of,
    strip_proclitics,
)
from ..nlp.normalize import DEFAULT_SETTINGS, NormalisationSettings, normalise
from .commands import EditCommand, Editor
from .errors import ProjectError, ValidationError
from .model import Annotations, Document, Span
from .search import NormalisedText, normalise_query
from .selection import is_word_char

SOURCE_STRING = "string"
SOURCE_MODEL = "model"
REJECTED_KEY = "suggestions/rejected"
MODEL_KEY_PREFIX = "suggestions/model/"
MIN_RULE_LENGTH = 2
Place = tuple[int, int, str]  # start, end, label
# Word characters as the index cuts words: letters, digits, combining marks, tatweel.
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640])+")


class Suggestion(NamedTuple):
    """A proposed span; ``source`` is ``"string"`` or ``"model"``. Never stored as a span."""

    document_id: str
    start: int
    end: int
    label: str
    source: str = SOURCE_STRING

    @property
    def place(self) -> Place:
        return self.start, self.end, self.label


class Rule(NamedTuple):
    """A normalised string (see ``rule_for``) and the label it suggests."""

    text: str
    label: str


class SettingsStore(Protocol):
    def setting(self, key: str, default: str | None = None) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...


# --- rules ----------------------------------------------------------------------------------
def rule_for(
    text: str, span: Span, settings: NormalisationSettings = DEFAULT_SETTINGS
) -> Rule | None:
    """The rule a labelled span teaches, or ``None`` if it is too short to match.

    The span's proclitics are left out first (an ``include``-convention span
    «لقوات النظام» teaches «قوات النظام»), so every convention learns the same rules.
    """
    start, end = strip_proclitics(text, span.start, span.end, "exclude")
    needle = normalise_query(text[start:end], settings)
    if len(needle) < MIN_RULE_LENGTH:
        return None
    return Rule(needle, span.label)


def learn_rules(
    store: RuleSource,
    annotator: str,
    settings: NormalisationSettings = DEFAULT_SETTINGS,
    *,
    layers: Iterable[str] = ("entity",),
) -> set[Rule]:
    """The rules taught by ``annotator``'s spans on labels of ``layers``, project-wide.

    Reads every document and its annotations: run it once (off the GUI thread) and add
    rules with ``rule_for`` as the annotator labels.
    """
    wanted = {label.name for layer in layers for label in store.schema.labels_in(layer)}
    rules: set[Rule] = set()
    for document in store.documents():
        for span in store.annotations(document.id, annotator).spans:
            if span.label in wanted and (rule := rule_for(document.text, span, settings)):
                rules.add(rule)
    return rules


class RuleSource(Protocol):
    @property
    def schema(self): ...  # noqa: ANN201 - annotator.core.schema.Schema
    def documents(self) -> Iterable[Document]: ...
    def annotations(self, document_id: str, annotator: str) -> Annotations: ...


# --- matching one text -------------------------------------------------------------------------
def _word_start(text: str, position: int) -> int:
    while position > 0 and is_word_char(text[position - 1]):
        position -= 1
    return position


def _chain_before(text: str, word_start: int, position: int) -> str | None:
    """The proclitic letters between a word start and ``position``; ``None``: not a chain."""
    if word_start == position:
        return ""
    letters, _ = letters_of(text[word_start:position])
    return letters if is_proclitic_chain(letters) else None


def match_rule(
    normalised: NormalisedText, needle: str, convention: str = DEFAULT_CONVENTION
) -> list[tuple[int, int]]:
    """Original offsets of the places ``needle`` (normalised) is suggested in a text."""
    found = _places(normalised, needle, needle, convention, lambda chain: True)
    if needle.startswith("ال") and len(needle) > 3:  # ل + (ا)ل: «للتحرير»
        assimilated = needle[1:]
        found += _places(normalised, assimilated, needle, convention,
                         lambda chain: chain.endswith("ل"))
    return sorted(found)


def _places(
    normalised: NormalisedText,
    needle: str,
    rule: str,
    convention: str,
    chain_ok: Callable[[str], bool],
) -> list[tuple[int, int]]:
    text = normalised.text
    check_start = is_word_char(rule[0])
    check_end = is_word_char(rule[-1])
    places = []
    for position in normalised.positions(needle):
        end = position + len(needle)
        if check_end and end < len(text) and is_word_char(text[end]):
            continue
        begin = position
        if check_start:
            begin = _word_start(text, position)
            chain = _chain_before(text, begin, position)
            if chain is None or (needle is not rule and not chain_ok(chain)):
                continue
        start, stop = normalised.to_original(position, end)
        if convention == "include":
            start = normalised.index_map[begin]
        places.append((start, stop))
    return places


# --- visibility ----------------------------------------------------------------------------------
def visible(
    suggestions: Iterable[Suggestion],
    annotations: Annotations | None,
    rejected: Iterable[Place] = (),
) -> list[Suggestion]:
    """Suggestions left to show: not rejected, not already labelled, no duplicates.

    Hidden: a place in ``rejected``; a place overlapping a span of the same label; a
    place whose offsets a span (of any label) already has. Order: by offsets.
    """
    hidden = set(rejected)
    spans = annotations.spans if annotations is not None else []
    exact = {(s.start, s.end) for s in spans}
    by_label: dict[str, list[Span]] = defaultdict(list)
    for span in spans:
        by_label[span.label].append(span)
    shown: dict[Place, Suggestion] = {}
    for suggestion in suggestions:
        place = suggestion.place
        if place in hidden or place in shown or place[:2] in exact:
            continue
        if any(s.start < suggestion.end and suggestion.start < s.end for s in by_label[suggestion.label]):
            continue
        shown[place] = suggestion
    return sorted(shown.values(), key=lambda s: (s.start, -s.end, s.label))


def suggest_for_document(
    document: Document,
    annotations: Annotations | None,
    rules: Iterable[Rule],
    settings: NormalisationSettings = DEFAULT_SETTINGS,
    *,
    convention: str = DEFAULT_CONVENTION,
    rejected: Iterable[Place] = (),
) -> list[Suggestion]:
    """String-matching suggestions for one document (no index: normalises it here)."""
    normalised = NormalisedText.of(document.text, settings)
    found = [
        Suggestion(document.id, start, end, rule.label)
        for rule in rules
        for start, end in match_rule(normalised, rule.text, convention)
    ]
    return visible(found, annotations, rejected)


# --- the corpus index ----------------------------------------------------------------------------
def _keys(word: str) -> list[str]:
    """Index keys of a normalised word: itself and itself without a proclitic chain."""
    keys = [word]
    for length in (1, 2):
        if len(word) - length >= 2 and is_proclitic_chain(word[:length]):
            keys.append(word[length:])
            if word[length - 1] == "ل" and word[length] == "ل":
                keys.append("ا" + word[length:])  # ل + (ا)ل
    return keys


@dataclass
class SuggestionIndex:
    """Every document normalised once, with words -> documents, for corpus-wide matching.

    Build it once (``from_store`` or ``build``; seconds for thousands of articles, run
    it off the GUI thread), ``add_document`` for imports, then ``matches(rule)`` per new
    rule. It holds every text twice in memory (original and normalised).
    """

    settings: NormalisationSettings = DEFAULT_SETTINGS
    convention: str = DEFAULT_CONVENTION
    _ids: list[str] = field(default_factory=list)
    _texts: list[NormalisedText] = field(default_factory=list)
    _titles: list[str] = field(default_factory=list)
    _position: dict[str, int] = field(default_factory=dict)
    _postings: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    _key_cache: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        documents: Iterable[Document],
        settings: NormalisationSettings = DEFAULT_SETTINGS,
        convention: str = DEFAULT_CONVENTION,
    ) -> SuggestionIndex:
        index = cls(settings, convention)
        for document in documents:
            index.add_document(document)
        return index

    @classmethod
    def from_store(cls, store: RuleSource, settings: NormalisationSettings = DEFAULT_SETTINGS,
                   convention: str = DEFAULT_CONVENTION) -> SuggestionIndex:
        return cls.build(store.documents(), settings, convention)

    def __len__(self) -> int:
        return len(self._ids)

    def add_document(self, document: Document) -> None:
        """Index one more document (a document already indexed is refused)."""
        if document.id in self._position:
            raise ValidationError("document is already in the suggestion index", document=document.id)
        number = len(self._ids)
        self._position[document.id] = number
        self._ids.append(document.id)
        normalised = NormalisedText.of(document.text, self.settings)
        self._texts.append(normalised)
        self._titles.append(normalise(document.title, self.settings))
        postings, cache = self._postings, self._key_cache
        keys: set[str] = set()
        for word in set(_WORD.findall(normalised.text)):
            found = cache.get(word)
            if found is None:
                found = cache[word] = _keys(word)
            keys.update(found)
        for key in keys:
            postings[key].append(number)

    def _candidates(self, needle: str) -> Iterable[int]:
        words = _WORD.findall(needle)
        if not words:
            return range(len(self._ids))
        lists = sorted((self._postings.get(w, []) for w in words), key=len)
        if not lists[0]:
            return []
        common = set(lists[0])
        for other in lists[1:]:
            common.intersection_update(other)
        return sorted(common)

    def matches(self, rule: Rule) -> list[Suggestion]:
        """Every place ``rule`` is suggested in the corpus (nothing hidden yet)."""
        found = []
        for number in self._candidates(rule.text):
            document_id = self._ids[number]
            for start, end in match_rule(self._texts[number], rule.text, self.convention):
                found.append(Suggestion(document_id, start, end, rule.label))
        return found

    def for_document(
        self,
        document_id: str,
        rules: Iterable[Rule],
        annotations: Annotations | None = None,
        rejected: Iterable[Place] = (),
    ) -> list[Suggestion]:
        """The visible string suggestions of one indexed document."""
        number = self._position.get(document_id)
        if number is None:
            raise ProjectError("document is not in the suggestion index", document=document_id)
        normalised = self._texts[number]
        found = [
            Suggestion(document_id, start, end, rule.label)
            for rule in rules
            for start, end in match_rule(normalised, rule.text, self.convention)
        ]
        return visible(found, annotations, rejected)

    def documents_matching(self, query: str) -> set[str]:
        """Ids of documents whose title or text holds ``query`` (as ``search.documents_matching``)."""
        needle = normalise_query(query, self.settings)
        if not needle:
            return set()
        return {
            self._ids[i]
            for i, (text, title) in enumerate(zip(self._texts, self._titles))
            if needle in title or needle in text.text
        }

    def lexicon(self) -> Lexicon:
        """Word -> number of documents holding it, for ``clitics.strip_proclitics``."""
        counts = {w: len(self._postings[w]) for w in self._key_cache if w in self._postings}
        return Lexicon(counts, self.settings)


# --- accepting and rejecting ----------------------------------------------------------------------
def accept(editor: Editor, suggestion: Suggestion) -> EditCommand:
    """The command that adds the suggested span (not yet done: push it or call ``do``)."""
    if suggestion.document_id != editor.document_id:
        raise ValidationError(
            "the suggestion belongs to another document", document=suggestion.document_id
        )
    return editor.add_span(suggestion.start, suggestion.end, suggestion.label)


@dataclass
class RejectCommand:
    """Hide one suggested place for one annotator; ``undo`` shows it again.

    Has the same shape as the core edit commands (``text``, ``do``, ``undo``), so the
    UI's undo adapter wraps it unchanged. Recording is idempotent.
    """

    text: str
    document_id: str
    annotator: str
    place: Place

    def do(self, store: SettingsStore) -> None:
        _update_rejected(store, self.annotator, self.document_id, add=self.place)

    def undo(self, store: SettingsStore) -> None:
        _update_rejected(store, self.annotator, self.document_id, remove=self.place)


def reject(annotator: str, suggestion: Suggestion) -> RejectCommand:
    """The command that records a rejection (not yet done: push it or call ``do``)."""
    return RejectCommand(
        f"Reject {suggestion.label} suggestion", suggestion.document_id, annotator, suggestion.place
    )


def _read_rejected(store: SettingsStore) -> dict[str, dict[str, list[list]]]:
    raw = store.setting(REJECTED_KEY)
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ProjectError(f"the setting {REJECTED_KEY!r} is not valid JSON ({error.msg})")
    if not isinstance(data, dict):
        raise ProjectError(f"the setting {REJECTED_KEY!r} is not a JSON object")
    return data


def _update_rejected(
    store: SettingsStore, annotator: str, document_id: str,
    add: Place | None = None, remove: Place | None = None,
) -> None:
    data = _read_rejected(store)
    places = {tuple(p) for p in data.get(annotator, {}).get(document_id, [])}
    if add is not None:
        places.add(add)
    if remove is not None:
        places.discard(remove)
    documents = data.setdefault(annotator, {})
    if places:
        documents[document_id] = sorted([list(p) for p in places])
    else:
        documents.pop(document_id, None)
    store.set_setting(REJECTED_KEY, json.dumps(data, ensure_ascii=False, sort_keys=True))


def rejected_places(store: SettingsStore, annotator: str) -> dict[str, set[Place]]:
    """Document id -> the places ``annotator`` rejected there."""
    documents = _read_rejected(store).get(annotator, {})
    return {doc: {(int(s), int(e), str(label)) for s, e, label in places}
            for doc, places in documents.items()}


def rejected_in(store: SettingsStore, annotator: str, document_id: str) -> set[Place]:
    return rejected_places(store, annotator).get(document_id, set())


# --- model suggestions (pre-annotation) -----------------------------------------------------------
def model_key(annotator: str, document_id: str) -> str:
    return f"{MODEL_KEY_PREFIX}{annotator}/{document_id}"


def save_model_suggestions(
    store: SettingsStore, annotator: str, document_id: str, places: Iterable[Place], model: str
) -> None:
    """Replace the stored pre-annotation suggestions of one document for one annotator."""
    payload = {
        "model": model,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "spans": [list(p) for p in sorted(set(places))],
    }
    store.set_setting(model_key(annotator, document_id), json.dumps(payload, ensure_ascii=False))


def model_suggestions(store: SettingsStore, annotator: str, document_id: str) -> list[Suggestion]:
    """The stored pre-annotation suggestions (``source == "model"``), nothing hidden."""
    raw = store.setting(model_key(annotator, document_id))
    if not raw:
        return []
    try:
        spans = json.loads(raw)["spans"]
        return [Suggestion(document_id, int(s), int(e), str(label), SOURCE_MODEL)
                for s, e, label in spans]
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
        raise ProjectError(
            f"stored model suggestions are damaged ({error}); run pre-annotation again",
            document=document_id,
        )


def clear_model_suggestions(store: SettingsStore, annotator: str, document_id: str) -> None:
    store.set_setting(model_key(annotator, document_id), "")


# --- everything the UI shows for one document ------------------------------------------------------
class DocumentStore(SettingsStore, Protocol):
    def annotations(self, document_id: str, annotator: str) -> Annotations: ...


def document_suggestions(
    store: DocumentStore,
    index: SuggestionIndex,
    document_id: str,
    annotator: str,
    rules: Iterable[Rule],
) -> list[Suggestion]:
    """String and model suggestions to draw (dashed) on one document, hidden ones removed."""
    annotations = store.annotations(document_id, annotator)
    found = index.for_document(document_id, rules)
    found += model_suggestions(store, annotator, document_id)
    return visible(found, annotations, rejected_in(store, annotator, document_id))


def lexicon_from(counts: Mapping[str, int], settings: NormalisationSettings = DEFAULT_SETTINGS) -> Lexicon:
    return Lexicon(counts, settings)
