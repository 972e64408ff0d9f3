"""brat standoff: ``DOC.txt`` (the text) beside ``DOC.ann`` (the annotations).

The ``.ann`` lines we read and write (see ``docs/FORMATS.md``)::

    T1<TAB>ORG 81 103<TAB>الجبهة الوطنية للتحرير    a span; the text field is checked
    E1<TAB>Conflict.Attack:T2 Attacker:T1          an event: TYPE:TRIGGER ROLE:ARG ...
    E2<TAB>Attribution:T3 Source:T1 Content:T4     an attribution (trigger: the cue)
    R1<TAB>Attribution Arg1:T1 Arg2:T4             an attribution (source, content)
    A1<TAB>Polarity E1 Positive                    an attribute (no value: True)

Offsets are code points into the ``.txt`` as decoded, with nothing normalised. brat
itself counts differently in two cases (its server decodes with Python's universal
newlines and keeps a BOM as a character, nlplab/brat#853), so when the text fields
only line up under brat's counting, the reader maps those offsets back onto the
unchanged text. The text field of every ``T`` line is what tells the two apart.

Hazard (contract, not code): brat refuses to open a document whose event trigger
is labelled differently from the event (``Annotations._sanity`` in brat's server),
and FORMATS.md writes attributions as ``Attribution:T3`` with ``T3`` a ``CUE`` span.
The reader also accepts what brat makes (a trigger labelled ``Attribution``).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..core.errors import InputError
from ..core.model import (
    Annotations,
    Argument,
    Attribution,
    Document,
    Event,
    ImportRecord,
    Span,
    next_id,
)
from ..core.progress import Progress
from ..core.schema import ATTRIBUTION_PARTS, Schema
from .textio import read_lines, read_text

ATTRIBUTION_TYPE = "Attribution"
_LINE_BREAKS = "\r\n"
_ROLE_DIGITS = re.compile(r"(?<=\D)\d+$")
_TEXTBOUND = re.compile(r"(\S+) +(\d+ +\d+(?: *; *\d+ +\d+)*) *")
_ARGUMENT = re.compile(r"([^\s:]+):([^\s:]+)")
_BRAT_ID = re.compile(r"[A-Za-z]+\d+")
# Attribution parts by the name brat gives them: as an event role or a relation Arg.
_PART_OF_ROLE = {
    "source": "source",
    "cue": "cue",
    "content": "content",
    "arg1": "source",
    "arg2": "content",
}
_PART_OF_LABEL = {"SOURCE": "source", "CUE": "cue", "CONTENT": "content"}
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


# --- reading: lines -------------------------------------------------------------------
@dataclass(frozen=True)
class _TextBound:
    line: int
    id: str
    label: str
    fragments: tuple[tuple[int, int], ...]
    text: str


@dataclass(frozen=True)
class _Link:
    """An ``E`` or ``R`` line: a type, an optional trigger, ``(role, id)`` arguments."""

    line: int
    id: str
    type: str
    trigger: str | None
    arguments: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _AttributeLine:
    line: int
    name: str
    target: str
    value: Any


@dataclass
class _AnnFile:
    path: Path
    textbounds: list[_TextBound] = field(default_factory=list)
    links: list[_Link] = field(default_factory=list)
    attributes: list[_AttributeLine] = field(default_factory=list)
    defined: dict[str, int] = field(default_factory=dict)

    def error(self, message: str, line: int) -> InputError:
        return InputError(message, file=str(self.path), line=line)

    def define(self, brat_id: str, line: int) -> None:
        if brat_id in self.defined:
            raise self.error(
                f"{brat_id} is defined twice (first on line {self.defined[brat_id]})",
                line,
            )
        self.defined[brat_id] = line


def _parse_ann(path: Path, encoding: str | None) -> _AnnFile:
    ann = _AnnFile(path)
    for number, line in read_lines(path, encoding):
        if not line.strip() or line[0] in "#N":  # notes and normalisations: not ours
            continue
        parser = _LINE_PARSERS.get(line[0])
        if parser is None:
            raise ann.error(
                f"cannot read this line (brat lines start with T, E, R, A, # or N): "
                f"{line[:60]!r}",
                number,
            )
        parser(ann, number, line)
    return ann


def _parse_textbound(ann: _AnnFile, number: int, line: str) -> None:
    parts = line.split("\t", 2)
    match = _TEXTBOUND.fullmatch(parts[1]) if len(parts) == 3 else None
    if match is None or not _BRAT_ID.fullmatch(parts[0]):
        raise ann.error(
            f"a T line is 'T1<TAB>LABEL START END<TAB>text', not {line[:60]!r}", number
        )
    fragments = tuple(
        (int(start), int(end))
        for start, end in (piece.split() for piece in match.group(2).split(";"))
    )
    ann.define(parts[0], number)
    ann.textbounds.append(
        _TextBound(number, parts[0], match.group(1), fragments, parts[2])
    )


def _parse_link(ann: _AnnFile, number: int, line: str) -> None:
    parts = line.split("\t")
    words = parts[1].split() if len(parts) >= 2 and _BRAT_ID.fullmatch(parts[0]) else []
    is_event = line[0] == "E"
    head = words[0].split(":") if words else []
    args = [_ARGUMENT.fullmatch(word) for word in words[1:]]
    if len(head) != (2 if is_event else 1) or not all(head) or not all(args):
        shape = (
            "E1<TAB>TYPE:T2 Role:T1 ..." if is_event else "R1<TAB>TYPE Arg1:T1 Arg2:T2"
        )
        raise ann.error(f"an {line[0]} line is '{shape}', not {line[:60]!r}", number)
    arguments = tuple((m.group(1), m.group(2)) for m in args if m is not None)
    ann.define(parts[0], number)
    trigger = head[1] if is_event else None
    ann.links.append(_Link(number, parts[0], head[0], trigger, arguments))


def _parse_attribute(ann: _AnnFile, number: int, line: str) -> None:
    parts = line.split("\t")
    words = parts[1].split(" ", 2) if len(parts) >= 2 else []
    if len(words) < 2 or not _BRAT_ID.fullmatch(parts[0]) or not all(words):
        raise ann.error(
            f"an A line is 'A1<TAB>Name TARGET [VALUE]', not {line[:60]!r}", number
        )
    ann.define(parts[0], number)
    value: Any = words[2] if len(words) == 3 else True
    # Schema attribute names are lower-case; brat shows them capitalised.
    ann.attributes.append(_AttributeLine(number, words[0].lower(), words[1], value))


def _refuse_equivalence(ann: _AnnFile, number: int, line: str) -> None:
    raise ann.error(
        "equivalence lines (*) are not supported: our spans have no equivalence "
        "sets; remove the line to import the rest",
        number,
    )


_LINE_PARSERS = {
    "T": _parse_textbound,
    "E": _parse_link,
    "R": _parse_link,
    "A": _parse_attribute,
    "M": _parse_attribute,  # brat's older name for attributes
    "*": _refuse_equivalence,
}


# --- reading: offsets -----------------------------------------------------------------
@dataclass(frozen=True)
class _View:
    """The text as some tool counted it, with the raw offset of each position."""

    text: str
    raw: list[int] | None = None  # None: the raw text itself

    def to_raw(self, offset: int) -> int:
        return offset if self.raw is None else self.raw[offset]


def _brat_view(text: str, had_bom: bool) -> _View:
    """The text as brat's server counts it: BOM kept, CRLF and CR read as one LF."""
    chars: list[str] = ["\ufeff"] if had_bom else []
    raw: list[int] = [0] if had_bom else []
    index = 0
    while index < len(text):
        raw.append(index)
        if text[index] == "\r":
            chars.append("\n")
            index += 2 if text.startswith("\n", index + 1) else 1
        else:
            chars.append(text[index])
            index += 1
    raw.append(len(text))
    return _View("".join(chars), raw)


def _fits(textbound: _TextBound, view: _View) -> bool:
    if not all(0 <= s <= e <= len(view.text) for s, e in textbound.fragments):
        return False
    return " ".join(view.text[s:e] for s, e in textbound.fragments) == textbound.text


def _choose_view(ann: _AnnFile, text: str, had_bom: bool) -> _View:
    """Our counting if every T line fits it, else brat's if every line fits that."""
    views = [_View(text)]
    if had_bom or "\r" in text:
        views.append(_brat_view(text, had_bom))
    for view in views:
        if all(_fits(textbound, view) for textbound in ann.textbounds):
            return view
    return views[0]  # so the errors speak of the file's own characters


def _make_span(
    ann: _AnnFile, tb: _TextBound, view: _View, text: str, allow_discontinuous: bool
) -> Span:
    for start, end in tb.fragments:
        if not 0 <= start <= end <= len(view.text):
            raise ann.error(
                f"{tb.id}: offsets {start}-{end} are outside the text "
                f"(0-{len(view.text)})",
                tb.line,
            )
    expected = " ".join(view.text[s:e] for s, e in tb.fragments)
    if expected != tb.text:
        raise ann.error(
            f"{tb.id}: the text field {tb.text!r} is not the text at its offsets, "
            f"{expected!r}",
            tb.line,
        )
    raw = sorted((view.to_raw(s), view.to_raw(e)) for s, e in tb.fragments)
    start, end = raw[0][0], raw[-1][1]
    if not allow_discontinuous and not _joined_by_line_breaks(text, raw):
        offsets = ";".join(f"{s} {e}" for s, e in tb.fragments)
        raise ann.error(
            f"{tb.id} is discontinuous ({offsets}) and the schema does not allow "
            f"discontinuous spans; join its fragments in brat, or allow them "
            f"(the outer range {start}-{end} is then kept)",
            tb.line,
        )
    return Span(id=tb.id, start=start, end=end, label=tb.label)


def _joined_by_line_breaks(text: str, fragments: list[tuple[int, int]]) -> bool:
    """True when only line breaks separate the fragments: how brat (and our writer)
    store one span that crosses lines, so it is read back as that one span."""
    for (_, end), (start, _) in pairwise(fragments):
        if start < end or text[end:start].strip(_LINE_BREAKS):
            return False
    return True


# --- reading: events, attributions, attributes ----------------------------------------
def _check_reference(
    ann: _AnnFile, link: _Link, ref: str, spans: dict[str, Span]
) -> None:
    if ref in spans:
        return
    if ref in ann.defined:
        raise ann.error(
            f"{link.id} refers to {ref}, which is not a text span (T); only spans can "
            f"be triggers, arguments or attribution parts here",
            link.line,
        )
    raise ann.error(
        f"{link.id} refers to {ref}, which is not defined in this file", link.line
    )


def _base_role(role: str) -> str:
    """brat numbers a repeated role (Attacker, Attacker2); the role is Attacker."""
    return _ROLE_DIGITS.sub("", role)


def _event(link: _Link) -> Event:
    assert link.trigger is not None
    arguments = tuple(Argument(_base_role(role), ref) for role, ref in link.arguments)
    return Event(id=link.id, type=link.type, trigger=link.trigger, arguments=arguments)


def _attribution_parts(ann: _AnnFile, link: _Link) -> dict[str, str]:
    parts: dict[str, str] = {}
    for role, ref in link.arguments:
        part = _PART_OF_ROLE.get(role.lower()) or _PART_OF_ROLE.get(
            _base_role(role).lower()
        )
        if part is None:
            raise ann.error(
                f"{link.id}: an attribution takes Source, Cue and Content, "
                f"not {role!r}",
                link.line,
            )
        if part in parts:
            raise ann.error(
                f"{link.id}: an attribution has one {part}, not two", link.line
            )
        parts[part] = ref
    return parts


def _trigger_part(spans: dict[str, Span], trigger: str) -> str:
    """Which part an attribution's trigger is, told by its label.

    brat makes the trigger of an ``Attribution`` event a span labelled
    ``Attribution``: that span is the cue, and becomes a CUE span here.
    """
    span = spans[trigger]
    if span.label.lower() == ATTRIBUTION_TYPE.lower():
        spans[trigger] = span.with_changes(label="CUE")
        return "cue"
    return _PART_OF_LABEL.get(span.label, "cue")


def _attribution(
    ann: _AnnFile, link: _Link, spans: dict[str, Span], new_id: str
) -> Attribution:
    parts = _attribution_parts(ann, link)
    # A trigger also named among the arguments has its part there (our writer does
    # this when the trigger's label does not tell its part, e.g. an ORG source).
    if link.trigger is not None and link.trigger not in parts.values():
        part = _trigger_part(spans, link.trigger)
        if part in parts:
            raise ann.error(
                f"{link.id}: an attribution has one {part}, not two", link.line
            )
        parts[part] = link.trigger
    return Attribution(
        id=new_id,
        source=parts.get("source"),
        cue=parts.get("cue"),
        content=parts.get("content"),
    )


def _links(
    ann: _AnnFile, spans: dict[str, Span]
) -> tuple[list[Event], list[Attribution], dict[str, Event | Attribution]]:
    events: list[Event] = []
    attributions: list[Attribution] = []
    by_brat_id: dict[str, Event | Attribution] = {}
    for link in ann.links:
        is_attribution = link.type.lower() == ATTRIBUTION_TYPE.lower()
        if link.trigger is None and not is_attribution:
            raise ann.error(
                f"{link.id}: relations of type {link.type!r} are not supported "
                f"(only {ATTRIBUTION_TYPE} relations are)",
                link.line,
            )
        refs = [ref for _, ref in link.arguments] + (
            [link.trigger] if link.trigger else []
        )
        for ref in refs:
            _check_reference(ann, link, ref, spans)
        if is_attribution:
            new_id = f"A{len(attributions) + 1}"
            attributions.append(_attribution(ann, link, spans, new_id))
            by_brat_id[link.id] = attributions[-1]
        else:
            events.append(_event(link))
            by_brat_id[link.id] = events[-1]
    return events, attributions, by_brat_id


def _apply_attributes(
    ann: _AnnFile, spans: dict[str, Span], linked: dict[str, Event | Attribution]
) -> None:
    for attribute in ann.attributes:
        target = spans.get(attribute.target) or linked.get(attribute.target)
        if target is None:
            known = (
                "is not a span, event or attribution"
                if attribute.target in ann.defined
                else "is not defined in this file"
            )
            raise ann.error(
                f"attribute {attribute.name}: its target {attribute.target} {known}",
                attribute.line,
            )
        # Fresh objects made by this reader: filling their dicts changes nothing shared.
        target.attributes[attribute.name] = attribute.value


# --- reading: files -------------------------------------------------------------------
def read_brat(
    path: Path,
    *,
    encoding: str | None = None,
    annotator: str = "import",
    allow_discontinuous: bool = False,
) -> Iterator[ImportRecord]:
    """Read brat documents: a ``.ann`` file, a ``.txt`` file or a folder of them.

    A ``.txt`` without its ``.ann`` is a document with no annotations; a folder is
    read as every ``.txt`` directly in it (not in subfolders: an export keeps one
    subfolder per annotator, to be imported one by one with ``annotator=``), sorted.
    The document id is the file stem; ``meta`` has the title (first non-empty line)
    and the source (the ``.txt`` file name).

    Span ids stay the brat ``T`` ids and event ids the ``E`` ids; attributions are
    numbered ``A1``, ``A2``... in file order. Fragments separated only by line
    breaks are one span (that is how brat stores a span across lines). Other
    discontinuous spans raise ``InputError`` unless ``allow_discontinuous``, which
    keeps the outer range (from the first fragment's start to the last one's end):
    our spans are one stretch of text, so this is the closest they can hold.
    Labels are not checked against the schema here (see ``annotator.formats``).
    """
    for txt, ann in _document_files(Path(path)):
        yield _read_document(txt, ann, encoding, annotator, allow_discontinuous)


def _document_files(path: Path) -> list[tuple[Path, Path]]:
    if path.is_dir():
        texts = sorted(p for p in path.glob("*.txt") if p.is_file())
        if not texts:
            raise InputError(
                "no .txt files in this folder (a brat export keeps one subfolder "
                "per annotator: import each subfolder)",
                file=str(path),
            )
        return [(txt, txt.with_suffix(".ann")) for txt in texts]
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".ann"):
        raise InputError(
            "a brat path is a .txt file, a .ann file or a folder", file=str(path)
        )
    txt, ann = path.with_suffix(".txt"), path.with_suffix(".ann")
    if not txt.is_file():
        raise InputError(f"the text file {txt.name} is missing", file=str(path))
    if suffix == ".ann" and not ann.is_file():
        raise InputError("no such file", file=str(path))
    return [(txt, ann)]


def _read_document(
    txt: Path,
    ann_path: Path,
    encoding: str | None,
    annotator: str,
    allow_discontinuous: bool,
) -> ImportRecord:
    text = read_text(txt, encoding)
    document = Document(id=txt.stem, text=text, meta=_meta(text, txt))
    if not ann_path.is_file():
        return ImportRecord(document, [], file=str(txt))
    ann = _parse_ann(ann_path, encoding)
    view = _choose_view(ann, text, _has_bom(txt, encoding))
    spans = {
        tb.id: _make_span(ann, tb, view, text, allow_discontinuous)
        for tb in ann.textbounds
    }
    events, attributions, linked = _links(ann, spans)
    _apply_attributes(ann, spans, linked)
    annotations = Annotations(
        document_id=document.id,
        annotator=annotator,
        spans=list(spans.values()),
        events=events,
        attributions=attributions,
    )
    found = [] if annotations.is_empty() else [annotations]
    return ImportRecord(document, found, file=str(ann_path))


def _meta(text: str, txt: Path) -> dict[str, Any]:
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return {"title": title, "source": txt.name} if title else {"source": txt.name}


def _has_bom(txt: Path, encoding: str | None) -> bool:
    """Whether read_text dropped a UTF-8 BOM that brat would have counted."""
    if encoding is not None:
        return False  # an explicit codec keeps or drops the BOM as the user asked
    with txt.open("rb") as handle:
        return handle.read(3) == codecs.BOM_UTF8


# --- writing --------------------------------------------------------------------------
def write_brat(
    items: Iterable[tuple[Document, Annotations | Sequence[Annotations]]],
    out_dir: Path,
    schema: Schema,
    *,
    warnings: list[str],
) -> Iterator[Progress]:
    """Write ``out_dir/<annotator>/<doc id>.txt`` and ``.ann``, one Progress a document.

    Each annotator's work goes to its own subfolder, always (even for one annotator,
    so where a file came from is never ambiguous), with an ``annotation.conf`` so the
    folder opens in brat. ``items`` pairs a document with one annotator's work (or a
    list of them). The text is written exactly (UTF-8, no newline translation).

    Ids stay as they are when brat can read them (``T7``, ``E2``); others are
    renumbered. Attributions are ``E`` lines numbered after the events, triggered by
    the cue (else the content, else the source). A span that crosses lines is written
    as fragments split at the line breaks, as brat requires, and read back whole.
    What brat cannot hold (a span of line breaks only, a dangling reference) is left
    out and reported in ``warnings``.
    """
    total = len(items) if isinstance(items, Sized) else None
    folders: dict[str, Path] = {}
    names: dict[Path, set[str]] = {}
    for done, (document, work) in enumerate(items, start=1):
        for one in [work] if isinstance(work, Annotations) else work:
            folder = _annotator_folder(
                out_dir, schema, one.annotator, folders, warnings
            )
            used = names.setdefault(folder, set())
            stem = _file_name(document.id, used, "document", warnings)
            _write_document(folder, stem, document, one, warnings)
        yield Progress(done, total, document.id)


def _annotator_folder(
    out_dir: Path,
    schema: Schema,
    annotator: str,
    folders: dict[str, Path],
    warnings: list[str],
) -> Path:
    if annotator not in folders:
        used = {folder.name.casefold() for folder in folders.values()}
        folder = out_dir / _file_name(annotator, used, "annotator", warnings)
        folder.mkdir(parents=True, exist_ok=True)
        write_annotation_conf(schema, folder)
        folders[annotator] = folder
    return folders[annotator]


def _file_name(name: str, used: set[str], what: str, warnings: list[str]) -> str:
    """``name`` as a file name: no path separators, unique even on Windows and macOS,
    whose file systems ignore case."""
    safe = _UNSAFE_NAME.sub("_", name).strip().lstrip(".") or what
    candidate, number = safe, 1
    while candidate.casefold() in used:
        number += 1
        candidate = f"{safe}-{number}"
    used.add(candidate.casefold())
    if candidate != name:
        warnings.append(
            f"{what} {name!r} is written as {candidate!r}: "
            f"a file name cannot be {name!r} here"
        )
    return candidate


def _write_document(
    folder: Path,
    stem: str,
    document: Document,
    annotations: Annotations,
    warnings: list[str],
) -> None:
    if "\r" in document.text:
        warnings.append(
            f"{document.id}: the text has CR line breaks; brat counts CR LF as one "
            f"character (nlplab/brat#853), so brat shows its spans shifted"
        )
    lines = ann_lines(document, annotations, warnings)
    (folder / f"{stem}.txt").write_text(document.text, encoding="utf-8", newline="")
    ann_text = "".join(f"{line}\n" for line in lines)
    (folder / f"{stem}.ann").write_text(ann_text, encoding="utf-8", newline="")


def ann_lines(
    document: Document, annotations: Annotations, warnings: list[str]
) -> list[str]:
    """The lines of the ``.ann`` file for one annotator's work on ``document``."""
    where = f"{annotations.annotator}/{document.id}"
    span_ids = _brat_ids([s.id for s in annotations.spans], "T", set())
    lines: list[str] = []
    targets: list[tuple[str, dict[str, Any]]] = []
    # In text order, whatever order the spans come in, so a re-export is identical.
    for span in sorted(annotations.spans, key=lambda s: (s.start, s.end, s.id)):
        line = _span_line(span, span_ids[span.id], document.text, where, warnings)
        if line is None:
            del span_ids[span.id]  # so what refers to it is reported, not dangling
            continue
        lines.append(line)
        targets.append((span_ids[span.id], span.attributes))
    for brat_id, attributes, line in _link_lines(
        annotations, span_ids, where, warnings
    ):
        if line is not None:
            lines.append(line)
            targets.append((brat_id, attributes))
    return lines + _attribute_lines(targets, where, warnings)


def _link_lines(
    annotations: Annotations, span_ids: dict[str, str], where: str, warnings: list[str]
) -> Iterator[tuple[str, dict[str, Any], str | None]]:
    """``(brat id, attributes, E line or None)`` for events, then attributions."""
    event_ids = _brat_ids([e.id for e in annotations.events], "E", set())
    for event in annotations.events:
        brat_id = event_ids[event.id]
        line = _event_line(event, brat_id, span_ids, where, warnings)
        yield brat_id, event.attributes, line
    # Attribution ids (A1) are not brat's: they become E ids after the events'.
    used = set(event_ids.values())
    spans = annotations.span_map()
    for attribution in annotations.attributions:
        brat_id = next_id("E", used)
        used.add(brat_id)
        line = _attribution_line(attribution, brat_id, spans, span_ids, where, warnings)
        yield brat_id, attribution.attributes, line


def _brat_ids(ids: list[str], prefix: str, used: set[str]) -> dict[str, str]:
    """Our id -> brat id: ids brat can read (``T7``) are kept; the others are
    numbered after the highest id in use."""
    pattern = re.compile(rf"{prefix}\d+")
    mapping = {i: i for i in ids if pattern.fullmatch(i)}
    taken = used | set(mapping.values())
    for item in ids:
        if item not in mapping:
            mapping[item] = next_id(prefix, taken)
            taken.add(mapping[item])
    return mapping


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut at its line breaks: brat draws text line by line and stores a
    span that crosses lines as fragments (``s e;s e``)."""
    if start == end:
        return [(start, end)]
    return [
        (start + m.start(), start + m.end())
        for m in re.finditer(r"[^\r\n]+", text[start:end])
    ]


def _span_line(
    span: Span, brat_id: str, text: str, where: str, warnings: list[str]
) -> str | None:
    if not 0 <= span.start <= span.end <= len(text):
        warnings.append(
            f"{where}: span {span.id} ({span.start}-{span.end}) is outside the text; "
            f"left out"
        )
        return None
    fragments = _fragments(text, span.start, span.end)
    if not fragments:
        warnings.append(
            f"{where}: span {span.id} holds only line breaks, which brat cannot "
            f"show; left out"
        )
        return None
    if (fragments[0][0], fragments[-1][1]) != (span.start, span.end):
        warnings.append(
            f"{where}: span {span.id} starts or ends with a line break, which brat "
            f"cannot show; written without it"
        )
    offsets = ";".join(f"{s} {e}" for s, e in fragments)
    shown = " ".join(text[s:e] for s, e in fragments)
    return f"{brat_id}\t{span.label} {offsets}\t{shown}"


def _event_line(
    event: Event,
    brat_id: str,
    span_ids: dict[str, str],
    where: str,
    warnings: list[str],
) -> str | None:
    trigger = span_ids.get(event.trigger)
    if trigger is None:
        warnings.append(
            f"{where}: event {event.id} is left out: its trigger {event.trigger} "
            f"was not written"
        )
        return None
    words = [f"{event.type}:{trigger}"]
    seen: dict[str, int] = {}
    for argument in event.arguments:
        if argument.span not in span_ids:
            warnings.append(
                f"{where}: event {event.id} loses its {argument.role} "
                f"{argument.span}, which was not written"
            )
            continue
        seen[argument.role] = seen.get(argument.role, 0) + 1
        number = str(seen[argument.role]) if seen[argument.role] > 1 else ""
        words.append(f"{argument.role}{number}:{span_ids[argument.span]}")
    return f"{brat_id}\t{' '.join(words)}"


def _attribution_line(
    attribution: Attribution,
    brat_id: str,
    spans: dict[str, Span],
    span_ids: dict[str, str],
    where: str,
    warnings: list[str],
) -> str | None:
    parts: dict[str, str] = {}  # part -> our span id; cue first: it is the trigger
    for part in ("cue", "content", "source"):
        span_id = getattr(attribution, part)
        if span_id is not None and span_id in span_ids:
            parts[part] = span_id
        elif span_id is not None:
            warnings.append(
                f"{where}: attribution {attribution.id} loses its {part} "
                f"{span_id}, which was not written"
            )
    if not parts:
        warnings.append(
            f"{where}: attribution {attribution.id} has no span to write; left out"
        )
        return None
    trigger_part, trigger = next(iter(parts.items()))
    words = [f"{ATTRIBUTION_TYPE}:{span_ids[trigger]}"]
    for part in ("source", "content", "cue"):
        if part in parts and (
            part != trigger_part or _trigger_needs_role(spans, parts, part)
        ):
            words.append(f"{part.capitalize()}:{span_ids[parts[part]]}")
    return f"{brat_id}\t{' '.join(words)}"


def _trigger_needs_role(
    spans: dict[str, Span], parts: dict[str, str], part: str
) -> bool:
    """Whether the reader would misplace the trigger without an explicit role: its
    label does not say its part (an ORG source), or it fills two parts."""
    label = spans[parts[part]].label
    fills_two = list(parts.values()).count(parts[part]) > 1
    return fills_two or _PART_OF_LABEL.get(label, "cue") != part


def _attribute_lines(
    targets: list[tuple[str, dict[str, Any]]], where: str, warnings: list[str]
) -> list[str]:
    lines: list[str] = []
    for brat_id, attributes in targets:
        for name, value in attributes.items():
            if value is False or value is None:
                continue  # brat's binary attributes: absent means false
            words = [_brat_name(name), brat_id]
            words += [] if value is True else [str(value)]
            line = " ".join(words)
            if " " in name or any(c in line for c in "\t\r\n"):
                warnings.append(
                    f"{where}: attribute {name}={value!r} of {brat_id} cannot be "
                    f"written in brat; left out"
                )
                continue
            lines.append(f"A{len(lines) + 1}\t{line}")
    return lines


def _brat_name(name: str) -> str:
    """Schema attribute names are lower-case; brat shows them capitalised."""
    return name[:1].upper() + name[1:]


# --- annotation.conf ------------------------------------------------------------------
def annotation_conf(schema: Schema) -> str:
    """brat's ``annotation.conf`` for ``schema``: the types brat offers and checks."""
    entities = [label.name for label in schema.labels_in("entity")]
    parts = [label.name for label in schema.labels_in("attribution")]
    parts += [name for name in ATTRIBUTION_PARTS if name not in parts]
    lines = [
        f"# brat configuration written from the schema {schema.name!r}",
        "",
        "[entities]",
    ]
    lines += entities + parts
    # Spans nest and overlap (content holds entities and triggers): let brat show it.
    lines += [
        "",
        "[relations]",
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
    ]
    lines += ["", "[events]"] + _event_types(schema, entities)
    lines += ["", "[attributes]"] + _attribute_types(schema)
    return "\n".join(lines) + "\n"


def _event_types(schema: Schema, entities: list[str]) -> list[str]:
    lines = []
    for label in schema.labels_in("event"):
        roles = [
            f"{role}*:{'|'.join(fillers or entities)}"
            for role, fillers in label.roles.items()
        ]
        lines.append(f"{label.name}\t{', '.join(roles)}" if roles else label.name)
    source = "|".join(entities + ["SOURCE"])
    lines.append(f"{ATTRIBUTION_TYPE}\tSource?:{source}, Content?:CONTENT, Cue?:CUE")
    return lines


_ATTRIBUTE_ARG = {
    "entity": "<ENTITY>",
    "event": "<EVENT>",
    "attribution": ATTRIBUTION_TYPE,
}


def _attribute_types(schema: Schema) -> list[str]:
    lines = []
    for attribute in schema.attributes.values():
        name = _brat_name(attribute.name)
        line = f"{name}\tArg:{_ATTRIBUTE_ARG.get(attribute.layer, '<ENTITY>')}"
        lines.append(
            line + (f", Value:{'|'.join(attribute.values)}" if attribute.values else "")
        )
    return lines


def write_annotation_conf(schema: Schema, out_dir: Path) -> Path:
    """Write ``out_dir/annotation.conf`` (see ``annotation_conf``); returns its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "annotation.conf"
    path.write_text(annotation_conf(schema), encoding="utf-8", newline="")
    return path
