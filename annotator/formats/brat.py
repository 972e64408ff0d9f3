"""brat standoff: ``DOC.txt`` (the text) beside ``DOC.ann`` (the annotations).

The ``.ann`` lines we write are the form brat itself loads (see FORMATS.md)::

    T1<TAB>ORG 81 103<TAB>الجبهة الوطنية للتحرير    a span; the text field is checked
    T2<TAB>Conflict_Attack 105 112<TAB>استهداف     a trigger carries its event's type
    E1<TAB>Conflict_Attack:T2 Attacker:T1          an event: TYPE:TRIGGER ROLE:ARG ...
    T3<TAB>Attribution 75 80<TAB>أعلنت              a cue: the Attribution event's trigger
    E2<TAB>Attribution:T3 Source:T1 Content:T4     an attribution
    A1<TAB>Polarity E1 Positive                    an attribute (no value: True)

brat refuses a document whose event trigger is not a ``T`` of the event's own type
(``EventWithNonTriggerError``) and renames types outside ``[A-Za-z0-9_-]``; so ACE's
``Conflict.Attack`` is written ``Conflict_Attack`` and read back through the
``visual.conf`` written beside it, and an attribution with no cue gets a stand-in
trigger (an ``Attribution`` T on its content, else its source) and the attribute
``NoCue``. The reader also takes the older forms: ``Attribution:T3`` with ``T3`` a
``CUE`` (or a source/content named again among the roles), ``Conflict.Attack``
as is, and ``R1<TAB>Attribution Arg1:SOURCE Arg2:CONTENT`` relations.

Offsets are code points into the ``.txt`` as decoded, with nothing normalised. brat
itself counts differently in two cases (its server decodes with Python's universal
newlines and keeps a BOM as a character, nlplab/brat#853), so when the text fields
only line up under brat's counting, the reader maps those offsets back onto the
unchanged text. The text field of every ``T`` line is what tells the two apart.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..core.importing import FileRecord
from ..core.model import (
    Annotations,
    Argument,
    Attribution,
    Document,
    Event,
    ImportRecord,
    Span,
    Status,
)
from ..core.notes import Note, joined_by_target, with_notes
from ..core.schema import attribution_part, part_label
from ..core.validation import line_key
from ..errors import InputError, Phrase, counted, joined
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
_PARTS = {"source": Phrase("source"), "cue": Phrase("cue"), "content": Phrase("content")}
_NOT_KEPT = {"#": "note (#)", "N": "normalisation (N)"}
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
# brat's config reader renames types, roles and attributes outside this alphabet.
_NOT_BRAT_NAME = re.compile(r"[^A-Za-z0-9_-]")
# The binary attribute that marks an Attribution event whose trigger only stands in
# for a cue the article does not state (see FORMATS.md).
NO_CUE = "NoCue"
STATUS_SUFFIX = ".status"


def brat_name(name: str) -> str:
    """``name`` as brat accepts it: ACE's ``Conflict.Attack`` is ``Conflict_Attack``."""
    return _NOT_BRAT_NAME.sub("_", name)


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
    skipped: Counter[str] = field(default_factory=Counter)  # kind -> lines not kept
    # Attribution events marked NoCue: their trigger stands in for an unstated cue.
    stand_ins: set[str] = field(default_factory=set)
    # AnnotatorNotes: (line, brat id, text)
    notes: list[tuple[int, str, str]] = field(default_factory=list)
    not_kept: set[str] = field(default_factory=set)  # ids of the lines counted in skipped

    def error(self, message: Phrase, line: int) -> InputError:
        return InputError(message, file=str(self.path), line=line)

    def define(self, brat_id: str, line: int) -> None:
        if brat_id in self.defined:
            raise self.error(
                Phrase("{id} is defined twice (first on line {first})", {"id": brat_id, "first": self.defined[brat_id]}),
                line,
            )
        self.defined[brat_id] = line


def _parse_ann(path: Path, encoding: str | None) -> _AnnFile:
    ann = _AnnFile(path)
    for number, line in read_lines(path, encoding):
        if not line.strip():
            continue
        if line[0] == "#" and _parse_note(ann, number, line):
            continue
        if line[0] in _NOT_KEPT:  # the project has no place for them: counted, reported
            ann.skipped[_NOT_KEPT[line[0]]] += 1
            ann.not_kept.add(line.split("\t", 1)[0])
            continue
        parser = _LINE_PARSERS.get(line[0])
        if parser is None:
            raise ann.error(
                Phrase("cannot read this line (brat lines start with T, E, R, A, # or N): {line!r}",
                       {"line": line[:60]}),
                number,
            )
        parser(ann, number, line)
    return ann


def _parse_note(ann: _AnnFile, number: int, line: str) -> bool:
    """Keep an ``#1<TAB>AnnotatorNotes T1<TAB>text`` line as a note (False: another kind)."""
    parts = line.rstrip("\r\n").split("\t", 2)
    head = parts[1].split() if len(parts) == 3 else []
    if len(head) != 2 or head[0] != "AnnotatorNotes":
        return False
    ann.notes.append((number, head[1], parts[2]))
    return True


def _notes(ann: _AnnFile, spans: dict[str, Span], linked: dict[str, Event | Attribution],
           document_id: str, annotator: str) -> list[Note]:
    """The notes of the file on our items (a note on what is not kept: on the document;
    on what the file does not define: ``InputError``, as for any reference)."""
    def target(line: int, brat_id: str) -> str:
        item = spans.get(brat_id) or linked.get(brat_id)
        if item is None and brat_id not in ann.defined and brat_id not in ann.not_kept:
            raise ann.error(Phrase("the note is on {id}, which is not defined in this file", {"id": brat_id}), line)
        return item.id if item is not None else ""

    return joined_by_target(Note(document_id, annotator, target(n, t), text) for n, t, text in ann.notes)


def _parse_textbound(ann: _AnnFile, number: int, line: str) -> None:
    parts = line.split("\t", 2)
    match = _TEXTBOUND.fullmatch(parts[1]) if len(parts) == 3 else None
    if match is None or not _BRAT_ID.fullmatch(parts[0]):
        raise ann.error(
            Phrase("a T line is 'T1<TAB>LABEL START END<TAB>text', not {line!r}", {"line": line[:60]}), number
        )
    try:
        fragments = tuple(
            (int(start), int(end))
            for start, end in (piece.split() for piece in match.group(2).split(";"))
        )
    except ValueError:  # Python refuses integers of more than 4300 digits
        raise ann.error(Phrase("{id}: an offset has too many digits", {"id": parts[0]}), number) from None
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
        raise ann.error(Phrase("an {kind} line is '{shape}', not {line!r}",
                               {"kind": line[0], "shape": shape, "line": line[:60]}), number)
    arguments = tuple((m.group(1), m.group(2)) for m in args if m is not None)
    ann.define(parts[0], number)
    trigger = head[1] if is_event else None
    ann.links.append(_Link(number, parts[0], head[0], trigger, arguments))


def _parse_attribute(ann: _AnnFile, number: int, line: str) -> None:
    parts = line.split("\t")
    words = parts[1].split(" ", 2) if len(parts) >= 2 else []
    if len(words) < 2 or not _BRAT_ID.fullmatch(parts[0]) or not all(words):
        raise ann.error(
            Phrase("an A line is 'A1<TAB>Name TARGET [VALUE]', not {line!r}", {"line": line[:60]}), number
        )
    ann.define(parts[0], number)
    value: Any = words[2] if len(words) == 3 else True
    # Schema attribute names are lower-case; brat shows them capitalised.
    ann.attributes.append(_AttributeLine(number, words[0].lower(), words[1], value))
    if words[0] == NO_CUE:
        ann.stand_ins.add(words[1])


def _refuse_equivalence(ann: _AnnFile, number: int, line: str) -> None:
    raise ann.error(
        Phrase("equivalence lines (*) are not supported: our spans have no equivalence "
               "sets; remove the line to import the rest"),
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
                Phrase("{id}: offsets {start}-{end} are outside the text (0-{size})",
                       {"id": tb.id, "start": start, "end": end, "size": len(view.text)}),
                tb.line,
            )
    expected = " ".join(view.text[s:e] for s, e in tb.fragments)
    if expected != tb.text:
        raise ann.error(
            Phrase("{id}: the text field {text!r} is not the text at its offsets, {expected!r}",
                   {"id": tb.id, "text": tb.text, "expected": expected}),
            tb.line,
        )
    raw = sorted((view.to_raw(s), view.to_raw(e)) for s, e in tb.fragments)
    start, end = raw[0][0], raw[-1][1]
    if not allow_discontinuous and not _joined_by_line_breaks(text, raw):
        offsets = ";".join(f"{s} {e}" for s, e in tb.fragments)
        raise ann.error(
            Phrase("{id} is discontinuous ({offsets}) and the schema does not allow "
                   "discontinuous spans; join its fragments in brat, or allow them "
                   "(the outer range {start}-{end} is then kept)",
                   {"id": tb.id, "offsets": offsets, "start": start, "end": end}),
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
            Phrase("{id} refers to {ref}, which is not a text span (T); only spans can "
                   "be triggers, arguments or attribution parts here", {"id": link.id, "ref": ref}),
            link.line,
        )
    raise ann.error(
        Phrase("{id} refers to {ref}, which is not defined in this file", {"id": link.id, "ref": ref}), link.line
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
                Phrase("{id}: an attribution takes Source, Cue and Content, not {role!r}",
                       {"id": link.id, "role": role}),
                link.line,
            )
        if part in parts:
            raise ann.error(_twice(link, part), link.line)
        parts[part] = ref
    return parts


def _twice(link: _Link, part: str) -> Phrase:
    return Phrase("{id}: an attribution has one {part}, not two", {"id": link.id, "part": _PARTS[part]})


def _trigger_part(spans: dict[str, Span], trigger: str) -> str:
    """Which part an attribution's trigger is, told by its label.

    brat makes the trigger of an ``Attribution`` event a span labelled
    ``Attribution``: that span is the cue, and becomes a CUE span here.
    """
    span = spans[trigger]
    if span.label.lower() == ATTRIBUTION_TYPE.lower():
        spans[trigger] = span.with_changes(label=part_label("cue"))
        return "cue"
    return attribution_part(span.label) or "cue"


def _attribution(
    ann: _AnnFile, link: _Link, spans: dict[str, Span], new_id: str
) -> Attribution:
    parts = _attribution_parts(ann, link)
    if link.trigger is not None and link.id in ann.stand_ins:
        # The trigger only stands in for a cue the text does not state: not a span.
        spans.pop(link.trigger, None)
    # A trigger also named among the arguments has its part there (our writer did
    # this when the trigger's label did not tell its part, e.g. an ORG source).
    elif link.trigger is not None and link.trigger not in parts.values():
        part = _trigger_part(spans, link.trigger)
        if part in parts:
            raise ann.error(_twice(link, part), link.line)
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
                Phrase("{id}: relations of type {type!r} are not supported (only {supported} relations are)",
                       {"id": link.id, "type": link.type, "supported": ATTRIBUTION_TYPE}),
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
) -> dict[str, int]:
    """Put each A line's attribute on its item; returns the line of each (``line_key``)."""
    lines: dict[str, int] = {}
    for attribute in ann.attributes:
        if attribute.name == NO_CUE.lower() and attribute.target in ann.stand_ins:
            continue  # read as the attribution's form, not kept as an attribute
        target = spans.get(attribute.target) or linked.get(attribute.target)
        if target is None:
            values = {"name": attribute.name, "target": attribute.target}
            raise ann.error(
                Phrase("attribute {name}: its target {target} is not a span, event or attribution", values)
                if attribute.target in ann.defined
                else Phrase("attribute {name}: its target {target} is not defined in this file", values),
                attribute.line,
            )
        # Fresh objects made by this reader: filling their dicts changes nothing shared.
        target.attributes[attribute.name] = attribute.value
        lines[line_key(target.id, attribute.name)] = attribute.line
    return lines


def _item_lines(ann: _AnnFile, linked: dict[str, Event | Attribution]) -> dict[str, int]:
    """The line of each span, event and attribution (by our id), so an import error
    about one names its line."""
    lines = {tb.id: tb.line for tb in ann.textbounds}
    lines.update((linked[link.id].id, link.line) for link in ann.links if link.id in linked)
    return lines


# --- reading: files -------------------------------------------------------------------
def read_brat(
    path: Path,
    *,
    encoding: str | None = None,
    annotator: str = "import",
    allow_discontinuous: bool = False,
    warnings: list[str] | None = None,
) -> Iterator[ImportRecord]:
    """Read brat documents: a ``.ann`` file, a ``.txt`` file or a folder of them.

    A ``.txt`` without its ``.ann`` is a document with no annotations; a folder is
    read as every ``.txt`` directly in it, sorted; a folder with no ``.txt`` but
    subfolders that have some is an export, one subfolder per annotator, and each
    subfolder's work is read under its folder's name.
    The document id is the file stem; ``meta`` has the title (first non-empty line)
    and the source (the ``.txt`` file name).

    Span ids stay the brat ``T`` ids and event ids the ``E`` ids; attributions are
    numbered ``A1``, ``A2``... in file order. Fragments separated only by line
    breaks are one span (that is how brat stores a span across lines). Other
    discontinuous spans raise ``InputError`` unless ``allow_discontinuous``, which
    keeps the outer range (from the first fragment's start to the last one's end):
    our spans are one stretch of text, so this is the closest they can hold.
    Labels are not checked against the schema here (see ``annotator.formats``);
    names brat could not hold (``Conflict_Attack``) are mapped back through the
    ``visual.conf`` the export wrote beside them. A ``<doc>.status`` file gives the
    status (else ``in_progress``). ``AnnotatorNotes`` (``#``) become the annotator's
    notes (on the item they name, else, when the file defines it but the project
    keeps no such item, on the document; an id the file does not define is refused,
    with its line, as any reference); other ``#`` lines and
    normalisations (``N``) have no place in the project: how many were left out, and
    where, goes to ``warnings``.
    """
    skipped: dict[str, Counter[str]] = {}
    yield from _read_tree(Path(path), encoding, annotator, allow_discontinuous, skipped)
    if warnings is not None:
        warnings.extend(_skipped_messages(skipped))


def _read_tree(
    path: Path,
    encoding: str | None,
    annotator: str,
    allow_discontinuous: bool,
    skipped: dict[str, Counter[str]],
) -> Iterator[ImportRecord]:
    subfolders = _annotator_subfolders(path)
    if subfolders:
        for folder in subfolders:
            yield from _read_tree(
                folder, encoding, folder.name, allow_discontinuous, skipped
            )
        return
    names = _display_names(path if path.is_dir() else path.parent, encoding)
    for txt, ann in _document_files(path):
        yield _read_document(
            txt, ann, encoding, annotator, allow_discontinuous, names, skipped
        )


def _skipped_messages(skipped: dict[str, Counter[str]]) -> list[str]:
    messages = []
    for line, kind in _NOT_KEPT.items():
        files = {name: counts[kind] for name, counts in skipped.items() if counts[kind]}
        if files:
            total = sum(files.values())
            shown = joined([Phrase("{name} ({count})", {"name": name, "count": n})
                            for name, n in list(files.items())[:20]])
            more = Phrase(" and {count} more", {"count": len(files) - 20}) if len(files) > 20 else ""
            lines = (counted(total, "1 brat note (#) line", "{count} brat note (#) lines") if line == "#"
                     else counted(total, "1 brat normalisation (N) line", "{count} brat normalisation (N) lines"))
            messages.append(Phrase(
                "{lines} not imported (the project has no place for them), in {files}: {shown}{more}",
                {"lines": lines, "files": counted(len(files), "1 file", "{count} files"),
                 "shown": shown, "more": more}))
    return messages


def _display_names(folder: Path, encoding: str | None) -> dict[str, str]:
    """brat name -> schema name, from the ``[labels]`` of a ``visual.conf`` that brat
    would use (the folder's, else its parent's). Only a display name that brat would
    have renamed to exactly this brat name is taken: a label shown as "Organisation"
    is a display choice, not the schema's name."""
    for candidate in (folder / "visual.conf", folder.parent / "visual.conf"):
        if candidate.is_file():
            return _labels_section(candidate, encoding)
    return {}


def _labels_section(path: Path, encoding: str | None) -> dict[str, str]:
    names: dict[str, str] = {}
    section = ""
    for _, line in read_lines(path, encoding):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1].strip()
            continue
        fields = [f.strip() for f in stripped.split("|")]
        labelled = section == "labels" and len(fields) >= 2 and not stripped.startswith("#")
        if labelled and brat_name(fields[1]) == fields[0] != fields[1]:
            names[fields[0]] = fields[1]
    return names


def _annotator_subfolders(path: Path) -> list[Path]:
    """An export's folder holds one subfolder per annotator, named after them."""
    if not path.is_dir() or any(path.glob("*.txt")):
        return []
    return sorted(p for p in path.iterdir() if p.is_dir() and any(p.glob("*.txt")))


def _document_files(path: Path) -> list[tuple[Path, Path]]:
    if path.is_dir():
        texts = sorted(p for p in path.glob("*.txt") if p.is_file())
        if not texts:
            raise InputError(
                "no .txt files in this folder or its subfolders",
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
        raise InputError("the text file {name} is missing", params={"name": txt.name}, file=str(path))
    if suffix == ".ann" and not ann.is_file():
        raise InputError("no such file", file=str(path))
    return [(txt, ann)]


def _read_document(
    txt: Path,
    ann_path: Path,
    encoding: str | None,
    annotator: str,
    allow_discontinuous: bool,
    names: dict[str, str],
    skipped: dict[str, Counter[str]],
) -> ImportRecord:
    text = read_text(txt, encoding)
    document = Document(id=txt.stem, text=text, meta=_meta(text, txt))
    if not ann_path.is_file():
        return FileRecord(document, [], file=str(txt))
    ann = _parse_ann(ann_path, encoding)
    if ann.skipped:
        skipped[str(ann_path)] = ann.skipped
    _rename(ann, names)
    view = _choose_view(ann, text, _has_bom(txt, encoding))
    spans = {
        tb.id: _make_span(ann, tb, view, text, allow_discontinuous)
        for tb in ann.textbounds
    }
    events, attributions, linked = _links(ann, spans)
    lines = {**_item_lines(ann, linked), **_apply_attributes(ann, spans, linked)}
    annotations = Annotations(
        document_id=document.id,
        annotator=annotator,
        status=_status(txt.with_suffix(STATUS_SUFFIX)),
        spans=list(spans.values()),
        events=events,
        attributions=attributions,
    )
    if ann.notes:
        annotations = with_notes(annotations, _notes(ann, spans, linked, document.id, annotator))
    # Nothing labelled and not marked done: the annotator has not worked on it.
    untouched = annotations.is_empty() and annotations.status is not Status.DONE
    found = [] if untouched else [annotations]
    return FileRecord(document, found, file=str(ann_path), span_lines=lines)


def _meta(text: str, txt: Path) -> dict[str, Any]:
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return {"title": title, "source": txt.name} if title else {"source": txt.name}


def _has_bom(txt: Path, encoding: str | None) -> bool:
    """Whether the file starts with a UTF-8 BOM, which read_text drops and brat counts."""
    if encoding is not None and not encoding.lower().replace("_", "-").startswith("utf-8"):
        return False
    with txt.open("rb") as handle:
        return handle.read(3) == codecs.BOM_UTF8

def _rename(ann: _AnnFile, names: dict[str, str]) -> None:
    """Give types and roles their schema names back (``Conflict_Attack``)."""
    if not names:
        return
    ann.textbounds = [
        replace(tb, label=names.get(tb.label, tb.label)) for tb in ann.textbounds
    ]
    ann.links = [
        replace(
            link,
            type=names.get(link.type, link.type),
            arguments=tuple(
                (names.get(_base_role(role), role), ref) for role, ref in link.arguments
            ),
        )
        for link in ann.links
    ]


def _status(path: Path) -> Status:
    """The status our export wrote beside the ``.ann``; brat itself keeps none."""
    if not path.is_file():
        return Status.IN_PROGRESS
    word = path.read_text(encoding="utf-8-sig").strip()
    try:
        return Status.parse(word)
    except ValueError:
        raise InputError(
            "the status {status!r} is not one of {known}",
            params={"status": word[:40], "known": ", ".join(s.value for s in Status)},
            file=str(path),
            line=1,
        ) from None
