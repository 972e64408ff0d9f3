"""The corpus-wide consistency check (``annotator check``): what only a whole-corpus view shows.

Kinds of finding, each grouped by what it is about and ranked by how often it occurs:

* ``label``: the same normalised string (proclitics left out, as suggestions learn it:
  ``suggestions.rule_for`` does) labelled differently in different places, by one annotator
  or across annotators («حلب» GPE here and LOC there);
* ``unlabelled``: an occurrence of a labelled string (found as suggestions find it:
  ``search.CorpusIndex.occurrences``, at word edges, across proclitics) that an
  annotator who worked on that document left without any entity span over it;
* ``boundary``: the same name labelled with and without its article «ال»;
* ``event``: an event without a required argument. Schemas have no "required" flag on
  roles: a schema may list them in a top-level ``"required_roles": {"Type": ["Role",
  ...]}`` (kept in ``Schema.extra``); without that, an event whose type declares roles
  and that fills none of them is reported;
* ``attribution``: an attribution without a source or without a content;
* ``convention``: an entity span against the project's clitic convention
  (``clitics/convention``): under ``exclude`` a span that takes in a proclitic
  («وحلب»), under ``include`` a span that leaves out the proclitics glued before it;
* ``damaged``: a document (or one annotator's labels on it) that cannot be read: its
  text no longer matches its checksum, a row holds a value of the wrong type. It is
  left out of the other checks, named with its reason, and listed first whatever its
  count: the check of the rest goes on, as the window opens the other documents.

Only entity-layer spans are compared as names (``label``, ``unlabelled``, ``boundary``,
``convention``). ``check`` is a generator: it yields ``Progress`` per document read and
returns the findings (``run_check`` drains it). Nothing here writes: fixes are the
ordinary, undoable edits of the window.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, TextIO

from ..errors import AnnotatorError, Name, Phrase, ProjectError, ValidationError, joined
from ..nlp.clitics import is_proclitic_chain, letters_of, strip_proclitics
from .model import Annotations, Document, Span
from .progress import Progress
from .schema import Schema, part_word
from .search import (
    CorpusIndex,
    clitic_convention,
    normalisation_settings,
    normalise_query,
)
from .selection import is_word_char
from .store import Store
from .suggestions import MIN_RULE_LENGTH
from .validation import check_structure

KINDS = ("damaged", "label", "unlabelled", "boundary", "event", "attribution", "convention")
ARTICLE = "ال"
REQUIRED_ROLES_KEY = "required_roles"
ANY_ARGUMENT = "any argument"  # what an event with no required roles said and no argument lacks


@dataclass(frozen=True, slots=True)
class Place:
    """Where a finding shows: a document, whose work, offsets (None: no span) and labels."""

    document_id: str
    annotator: str
    start: int | None
    end: int | None
    labels: tuple[str, ...]
    item: str = ""  # the span, event or attribution id ('' for an unlabelled place)

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document_id, "annotator": self.annotator, "start": self.start,
                "end": self.end, "labels": list(self.labels), "item": self.item}


@dataclass(frozen=True)
class Finding:
    kind: str
    subject: str  # the normalised string, event type or missing part it is about
    message: str  # English (a ``Phrase``: the window shows it in its language)
    places: tuple[Place, ...]

    @property
    def count(self) -> int:
        return len(self.places)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "subject": self.subject, "message": self.message,
                "count": self.count, "places": [p.to_json() for p in self.places]}


@dataclass(slots=True)
class _Named:
    """One entity span, as the name checks see it (grouped by its normalised ``needle``)."""

    document_id: str
    annotator: str
    span: Span
    needle: str


@dataclass
class _Collected:
    names: list[_Named] = field(default_factory=list)
    written: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))  # needle -> forms
    workers: dict[str, list[str]] = field(default_factory=dict)  # document -> annotators
    entity_spans: dict[tuple[str, str], _Coverage] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def check(store: Store, annotator: str | None = None) -> Iterator[Progress]:
    """Check ``store`` (every annotator, or only ``annotator``); returns the findings,
    most frequent first (``findings = yield from check(...)``)."""
    index = CorpusIndex(normalisation_settings(store), clitic_convention(store))
    total = store.count_documents()
    problems: list[ProjectError] = []  # damaged documents, left out by ``documents``
    for done, document in enumerate(store.documents(problems), start=1):
        index.add_document(document)
        yield Progress(done + len(problems), 2 * total, document.id)
    damaged = [_damaged(error, "") for error in problems]
    # Second pass, one document's work at a time: the corpus-wide lexicon decides what
    # a proclitic is, and only what the checks need is kept.
    collector = _Collector(store.schema, index)
    for done, document_id in enumerate(index.document_ids(), start=total + len(problems) + 1):
        names = [a for a in store.annotators_of(document_id) if annotator in (None, a)]
        document = Document(document_id, index.text(document_id).original)
        collector.add(document_id, document.text, _sound_work(store, document, names, damaged))
        yield Progress(done, 2 * total, document_id)
    collected = collector.finish()
    findings = collected.findings + damaged
    written = shown(collected)
    findings += _label_findings(collected.names, written)
    findings += _boundary_findings(collected.names, written)
    findings += _unlabelled_findings(collected, index, written)
    return rank(findings)


def _sound_work(store: Store, document: Document, names: list[str], damaged: list[Finding]) -> list[Annotations]:
    """Each of ``names``' work on ``document``; work that cannot be read, or that breaks
    the schema (rows of sound types changed with SQL), is left out and added to ``damaged``."""
    work = []
    for name in names:
        try:
            annotations = store.annotations(document.id, name)
        except AnnotatorError as error:  # a damaged label row
            damaged.append(_damaged(error.located(document=document.id), name))
            continue
        try:
            check_structure(document, annotations, store.schema)
        except ValidationError as error:
            damaged.append(_unfit(error, document.id, name))
            continue
        work.append(annotations)
    return work


class CheckJob:
    """``check`` as a job: ``run()`` yields progress, then ``findings`` holds the result
    (the CLI drains it; a window runs it on a worker and shows ``findings``)."""

    def __init__(self, store: Store, annotator: str | None = None) -> None:
        self.store, self.annotator = store, annotator
        self.findings: list[Finding] = []

    def run(self) -> Iterator[Progress]:
        self.findings = yield from check(self.store, self.annotator)


def run_check(store: Store, annotator: str | None = None) -> list[Finding]:
    job = CheckJob(store, annotator)
    for _ in job.run():
        pass
    return job.findings


def rank(findings: Iterable[Finding]) -> list[Finding]:
    """Damaged documents first (what the check could not see), then the most frequent."""
    return sorted(findings, key=lambda f: (f.kind != "damaged", -f.count, KINDS.index(f.kind), f.subject))


# --- what could not be read -----------------------------------------------------------
def _damaged(error: AnnotatorError, annotator: str) -> Finding:
    """A document (``annotator``: their labels on it) that could not be read; the message
    ends with ``str(error)``: file, document, table, row and what to do."""
    document_id = error.document if isinstance(error.document, str) else ""
    values = {"annotator": annotator, "document": document_id, "error": error}
    message = (Phrase("{annotator}'s labels on document {document!r} cannot be read and was not checked: {error}",
                      values) if annotator else
               Phrase("document {document!r} cannot be read and was not checked: {error}", values))
    return Finding("damaged", document_id, message, (Place(document_id, annotator, None, None, ()),))


def _unfit(error: ValidationError, document_id: str, annotator: str) -> Finding:
    values = {"annotator": annotator, "document": document_id, "error": error}
    message = Phrase("{annotator}'s labels on document {document!r} do not fit the project's schema and were "
                     "not checked: {error}; the project file was changed outside the app or is damaged", values)
    return Finding("damaged", document_id, message, (Place(document_id, annotator, None, None, ()),))


# --- reading the work once ------------------------------------------------------------
class _Collector:
    """Reads each document's work once and keeps only what the checks need."""

    def __init__(self, schema: Schema, index: CorpusIndex) -> None:
        self.schema, self.index = schema, index
        self.entity = {label.name for label in schema.labels_in("entity")}
        self.lexicon = index.lexicon()
        self.collected = _Collected()
        self.events: dict[tuple[str, str], list[Place]] = defaultdict(list)
        self.parts: dict[str, list[Place]] = defaultdict(list)
        self.breaches: dict[str, list[Place]] = defaultdict(list)
        self.strip_cache: dict[tuple[str, str, int], tuple[int, int]] = {}

    def add(self, document_id: str, text: str, document_work: list[Annotations]) -> None:
        collected, settings = self.collected, self.index.settings
        collected.workers[document_id] = [a.annotator for a in document_work]
        for work in document_work:
            spans = [s for s in work.spans if s.label in self.entity]
            collected.entity_spans[(document_id, work.annotator)] = _Coverage(spans)
            for span in spans:
                # as ``suggestions.rule_for`` strips a span, done once for both checks
                stripped = self._stripped(text, span.start, span.end)
                needle = normalise_query(text[stripped[0]:stripped[1]], settings)
                if len(needle) >= MIN_RULE_LENGTH and _on_word_edges(text, span):
                    collected.names.append(_Named(document_id, work.annotator, span, needle))
                    collected.written[needle][_as_written(text, *stripped)] += 1
                if _convention_fix(text, span, self.index.convention, stripped) is not None:
                    subject = normalise_query(text[span.start:span.end], settings)
                    self.breaches[subject].append(_place(document_id, work.annotator, span))
                    collected.written[subject][_as_written(text, span.start, span.end)] += 1
            _missing_roles(document_id, work, self.schema, self.events)
            _missing_parts(document_id, work, self.parts)

    def _stripped(self, text: str, start: int, end: int) -> tuple[int, int]:
        """``strip_proclitics(text, start, end, "exclude")``, remembered for each piece of
        text it reads (the character before, the span and the rest of its first word):
        a name labelled 10,000 times is worked out once."""
        first = start
        while first < end and not is_word_char(text[first]):
            first += 1
        reach = first
        while reach < len(text) and is_word_char(text[reach]):
            reach += 1
        key = (text[start - 1] if start else "", text[start:max(end, reach)], end - start)
        found = self.strip_cache.get(key)
        if found is None:
            new_start, new_end = strip_proclitics(text, start, end, "exclude", lexicon=self.lexicon)
            found = self.strip_cache[key] = (new_start - start, new_end - start)
        return start + found[0], start + found[1]

    def finish(self) -> _Collected:
        findings = self.collected.findings
        findings += _event_findings(self.events)
        findings += _attribution_findings(self.parts)
        findings += _convention_findings(self.breaches, self.index.convention, shown(self.collected))
        return self.collected


def _as_written(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


def shown(collected: _Collected) -> Callable[[str], str]:
    """A finding names a string as it is most often written, not as normalised to group
    it («المدينة», not «المدينه»); ties go to the first in order."""
    def written(needle: str) -> str:
        forms = collected.written.get(needle)
        return min(forms.items(), key=lambda form: (-form[1], form[0]))[0] if forms else needle
    return written


def _place(document_id: str, annotator: str, span: Span) -> Place:
    return Place(document_id, annotator, span.start, span.end, (span.label,), span.id)


# --- names ----------------------------------------------------------------------------
def _on_word_edges(text: str, span: Span) -> bool:
    """A span that can be a name: it ends at a word end and starts at a word start, or
    after proclitics and/or the article («وحلب», «الجزيرة» less «ال»). A span cutting a
    word elsewhere («ان» of «لبنان») is a slip of the mouse, not a name to compare."""
    if span.end < len(text) and is_word_char(text[span.end]):
        return False
    word_start = span.start
    while word_start > 0 and is_word_char(text[word_start - 1]):
        word_start -= 1
    glued = letters_of(text[word_start:span.start])[0]
    for article in (ARTICLE, "ل"):  # «ال», or its ل after a ل («للتحرير»)
        if glued.endswith(article) and (article == ARTICLE or glued.endswith("لل")):
            glued = glued[: -len(article)]
            break
    return not glued or is_proclitic_chain(glued)


def _label_findings(names: list[_Named], shown: Callable[[str], str]) -> list[Finding]:
    by_needle: dict[str, list[_Named]] = defaultdict(list)
    for name in names:
        by_needle[name.needle].append(name)
    findings = []
    for needle, group in by_needle.items():
        labels = sorted({n.span.label for n in group})
        if len(labels) < 2:
            continue
        who = sorted({n.annotator for n in group})
        counts = joined([Phrase("{label} {count}x", {"label": Name(label, "label"),
                                                     "count": sum(n.span.label == label for n in group)})
                         for label in labels])
        values = {"name": shown(needle), "counts": counts, "annotator": who[0], "annotators": joined(who)}
        message = (Phrase("«{name}» is labelled {counts}, by one annotator ({annotator})", values) if len(who) == 1
                   else Phrase("«{name}» is labelled {counts}, across annotators ({annotators})", values))
        findings.append(Finding("label", shown(needle), message,
                                tuple(_place(n.document_id, n.annotator, n.span) for n in group)))
    return findings


def _without_article(needle: str) -> str:
    return needle[len(ARTICLE):] if needle.startswith(ARTICLE) and len(needle) > len(ARTICLE) + 1 else needle


def _boundary_findings(names: list[_Named], shown: Callable[[str], str]) -> list[Finding]:
    by_core: dict[str, list[_Named]] = defaultdict(list)
    for name in names:
        by_core[_without_article(name.needle)].append(name)
    findings = []
    for core, group in by_core.items():
        forms = sorted({n.needle for n in group})
        if len(forms) < 2:
            continue
        counts = _and_joined([Phrase("«{form}» {count}x", {"form": shown(form),
                                                          "count": sum(n.needle == form for n in group)})
                              for form in forms])
        findings.append(Finding("boundary", shown(core),  # one of the forms: the one without «ال»
                                Phrase("the same name is labelled with and without «ال»: {counts}", {"counts": counts}),
                                tuple(_place(n.document_id, n.annotator, n.span) for n in group)))
    return findings


def _and_joined(parts: list[str]) -> str:
    """"a and b and c", with the word each language says."""
    text = parts[0]
    for part in parts[1:]:
        text = Phrase("{before} and {after}", {"before": text, "after": part})
    return text


def _unlabelled_findings(collected: _Collected, index: CorpusIndex, shown: Callable[[str], str]) -> list[Finding]:
    labels_of: dict[str, set[str]] = defaultdict(set)
    for name in collected.names:
        labels_of[name.needle].add(name.span.label)
    findings = []
    for needle in sorted(labels_of):
        labels = tuple(sorted(labels_of[needle]))
        places = [
            Place(document_id, annotator, start, end, labels)
            for document_id, start, end in index.occurrences(needle)
            for annotator in collected.workers.get(document_id, ())
            if not _covered(collected.entity_spans.get((document_id, annotator)), start, end)
        ]
        if places:
            findings.append(Finding(
                "unlabelled", shown(needle),
                Phrase("«{name}» (labelled {labels} elsewhere) is left unlabelled {count}x",
                       {"name": shown(needle), "labels": joined([Name(label, "label") for label in labels]),
                        "count": len(places)}),
                tuple(places)))
    return findings


class _Coverage:
    """One annotator's entity spans on a document, asked "does any overlap start-end?"
    in log time (a frequent name has tens of thousands of occurrences)."""

    __slots__ = ("furthest", "starts")

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self.starts = [start for start, _ in ordered]
        self.furthest = list(accumulate((end for _, end in ordered), max))  # max end so far

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)  # the spans starting before ``end``
        return before > 0 and self.furthest[before - 1] > start


def _covered(coverage: _Coverage | None, start: int, end: int) -> bool:
    return coverage is not None and coverage.overlaps(start, end)


# --- the clitic convention ------------------------------------------------------------
def _convention_fix(text: str, span: Span, convention: str,
                    stripped: tuple[int, int]) -> tuple[int, int] | None:
    """The boundary the convention gives ``span`` when it differs at a proclitic, else None
    (``stripped``: ``span`` as ``strip_proclitics`` gives it under ``exclude``)."""
    if convention == "include":
        word_start = span.start
        while word_start > 0 and is_word_char(text[word_start - 1]):
            word_start -= 1
        glued = letters_of(text[word_start:span.start])[0]
        return (word_start, span.end) if glued and is_proclitic_chain(glued) else None
    start, end = stripped
    left_out = text[span.start:start]
    return (start, end) if start > span.start and any(is_word_char(c) for c in left_out) else None


def _convention_findings(breaches: dict[str, list[Place]], convention: str,
                         shown: Callable[[str], str]) -> list[Finding]:
    findings = []
    for needle, places in breaches.items():
        subject = shown(needle)
        values = {"name": subject, "count": len(places)}
        message = (Phrase("«{name}» takes in a proclitic the project's 'exclude' convention leaves out ({count}x)",
                          values) if convention != "include" else
                   Phrase("«{name}» leaves out proclitics the project's 'include' convention takes in ({count}x)",
                          values))
        findings.append(Finding("convention", subject, message, tuple(places)))
    return findings


# --- events and attributions ----------------------------------------------------------
def required_roles(schema: Schema, event_type: str) -> list[str] | None:
    """The roles the schema requires of ``event_type`` (``None``: it says nothing)."""
    table = schema.extra.get(REQUIRED_ROLES_KEY)
    if isinstance(table, dict) and isinstance(table.get(event_type), list):
        return [str(role) for role in table[event_type]]
    return None


def _missing_roles(document_id: str, work: Annotations, schema: Schema,
                   found: dict[tuple[str, str], list[Place]]) -> None:
    spans = work.span_map()
    for event in work.events:
        filled = {a.role for a in event.arguments}
        required = required_roles(schema, event.type)
        if required is not None:
            missing = [role for role in required if role not in filled]
        else:
            missing = [ANY_ARGUMENT] if schema.roles_of(event.type) and not filled else []
        trigger = spans.get(event.trigger)
        for role in missing:
            found[(event.type, role)].append(Place(
                document_id, work.annotator, trigger.start if trigger else None,
                trigger.end if trigger else None, (event.type,), event.id))


def _event_findings(found: dict[tuple[str, str], list[Place]]) -> list[Finding]:
    findings = []
    for (event_type, role), places in found.items():
        values = {"type": Name(event_type, "label"), "role": Name(role, "role"), "count": len(places)}
        if role == ANY_ARGUMENT:
            subject = Phrase("{type}/any argument", values)
            message = Phrase("{type} events without any argument ({count}x)", values)
        else:
            subject = Phrase("{type}/{role}", values)
            message = Phrase("{type} events without a {role} ({count}x)", values)
        findings.append(Finding("event", subject, message, tuple(places)))
    return findings


def _missing_parts(document_id: str, work: Annotations, found: dict[str, list[Place]]) -> None:
    spans = work.span_map()
    for attribution in work.attributions:
        anchor = spans.get(attribution.cue or attribution.source or attribution.content or "")
        for part in ("source", "content"):
            if getattr(attribution, part) is None:
                found[part].append(Place(
                    document_id, work.annotator, anchor.start if anchor else None,
                    anchor.end if anchor else None, ("attribution",), attribution.id))


def _attribution_findings(found: dict[str, list[Place]]) -> list[Finding]:
    findings = []
    for part, places in found.items():
        count = {"count": len(places)}
        message = (Phrase("attributions without a source ({count}x)", count) if part == "source"
                   else Phrase("attributions without a content ({count}x)", count))
        findings.append(Finding("attribution", part_word(part), message, tuple(places)))
    return findings


# --- printing -------------------------------------------------------------------------
def write_json(findings: list[Finding], out: TextIO) -> None:
    """``{"findings": [finding.to_json(), ...]}``, one finding per line, written as it
    goes: a large archive's findings hold a million places."""
    out.write('{"findings": [')
    for number, finding in enumerate(findings):
        out.write(",\n" if number else "\n")
        out.write(json.dumps(finding.to_json(), ensure_ascii=False))
    out.write("\n]}\n")


def render_findings(findings: list[Finding]) -> str:
    if not findings:
        return "no inconsistencies found"
    lines = []
    for finding in findings:
        lines.append(f"[{finding.kind}] {finding.message}")
        for place in finding.places:
            where = "" if place.start is None else f" {place.start}-{place.end}"
            item = f" {place.item}" if place.item else ""
            whose = f" ({place.annotator}{item}: {', '.join(place.labels)})" if place.labels else ""
            lines.append(f"    {place.document_id}{where}{whose}")
    return "\n".join(lines)
