"""Writing brat standoff: ``<annotator>/<doc>.txt`` and ``.ann`` plus ``annotation.conf``.

The reader, and the line shapes both sides share, are in ``brat.py``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence, Sized
from pathlib import Path
from typing import Any

from ..core.model import Annotations, Attribution, Document, Event, Span, next_id
from ..core.notes import exported_notes
from ..core.progress import Progress
from ..core.schema import ATTRIBUTION_PARTS, Schema, layer_word, part_label, part_word
from ..errors import Phrase
from .brat import _UNSAFE_NAME, ATTRIBUTION_TYPE, NO_CUE, STATUS_SUFFIX, brat_name


# --- writing --------------------------------------------------------------------------
def write_brat(
    items: Iterable[tuple[Document, Annotations | Sequence[Annotations]]],
    out_dir: Path,
    schema: Schema,
    *,
    warnings: list[str],
    total: int | None = None,
) -> Iterator[Progress]:
    """Write ``out_dir/<annotator>/<doc id>.txt`` and ``.ann``, one Progress a document.

    Each annotator's work goes to its own subfolder, always (even for one annotator,
    so where a file came from is never ambiguous), with an ``annotation.conf`` so the
    folder opens in brat. ``items`` pairs a document with one annotator's work (or a
    list of them). The text is written exactly (UTF-8, no newline translation).

    Ids stay as they are when brat can read them (``T7``, ``E2``); others are
    renumbered. Attributions are ``E`` lines numbered after the events, triggered by
    the cue (see ``ann_lines``). Names outside brat's alphabet are written with ``_``
    (``Conflict_Attack``), and ``visual.conf`` maps them back to the schema's names.
    Each document's status goes to ``<doc id>.status``. A span that crosses lines is written
    as fragments split at the line breaks, as brat requires, and read back whole.
    What brat cannot hold (a span of line breaks only, a dangling reference) is left
    out and reported in ``warnings``.
    """
    if total is None and isinstance(items, Sized):
        total = len(items)
    folders: dict[str, Path] = {}
    names: dict[Path, set[str]] = {}
    for done, (document, work) in enumerate(items, start=1):
        for one in [work] if isinstance(work, Annotations) else work:
            folder = _annotator_folder(
                out_dir, schema, one.annotator, folders, warnings
            )
            used = names.setdefault(folder, set())
            stem = _file_name(document.id, used, "document", warnings)
            _write_document(folder, stem, document, one, schema, warnings)
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
    safe = _short(_UNSAFE_NAME.sub("_", name).strip().lstrip(".") or what)
    candidate, number = safe, 1
    while candidate.casefold() in used:
        number += 1
        candidate = f"{safe}-{number}"
    used.add(candidate.casefold())
    if candidate != name:
        warnings.append(_renamed(name, candidate, what))
    return candidate


def _renamed(name: str, written: str, what: str) -> Phrase:
    values = {"name": name, "written": written}
    if len(name.encode("utf-8")) > NAME_BYTES:
        return (Phrase("annotator {name!r} is written as {written!r}: the name is too long for a file name", values)
                if what == "annotator" else
                Phrase("document {name!r} is written as {written!r}: the name is too long for a file name", values))
    return (Phrase("annotator {name!r} is written as {written!r}: a file name cannot be {name!r} here", values)
            if what == "annotator" else
            Phrase("document {name!r} is written as {written!r}: a file name cannot be {name!r} here", values))


NAME_BYTES = 200  # a file name holds 255 bytes; «.status» and a «-2» come after


def _short(name: str) -> str:
    """``name`` cut to ``NAME_BYTES`` of UTF-8 (a 125-letter Arabic id is 250 bytes), with
    a digest of the whole so two long names that start alike stay apart."""
    if len(name.encode("utf-8")) <= NAME_BYTES:
        return name
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    cut = name.encode("utf-8")[:NAME_BYTES - len(digest) - 1].decode("utf-8", "ignore")
    return f"{cut}-{digest}"


def _write_document(
    folder: Path,
    stem: str,
    document: Document,
    annotations: Annotations,
    schema: Schema,
    warnings: list[str],
) -> None:
    if "\r" in document.text:
        warnings.append(Phrase(
            "{document}: the text has CR line breaks; brat counts CR LF as one character "
            "(nlplab/brat#853), so brat shows its spans shifted", {"document": document.id}))
    lines = ann_lines(document, annotations, warnings, schema)
    (folder / f"{stem}.txt").write_text(document.text, encoding="utf-8", newline="")
    ann_text = "".join(f"{line}\n" for line in lines)
    (folder / f"{stem}.ann").write_text(ann_text, encoding="utf-8", newline="")
    # brat has no document status; this file beside the .ann carries it (brat ignores it).
    status = (folder / f"{stem}{STATUS_SUFFIX}")
    status.write_text(f"{annotations.status.value}\n", encoding="utf-8", newline="")


def ann_lines(
    document: Document,
    annotations: Annotations,
    warnings: list[str],
    schema: Schema | None = None,
) -> list[str]:
    """The lines of the ``.ann`` file for one annotator's work on ``document``.

    Names are written as brat accepts them (``brat_name``). A cue is written as a
    ``T`` of type ``Attribution``, the trigger of its ``Attribution`` event; an
    attribution without a cue gets a stand-in trigger on its content (else its
    source) and the attribute ``NoCue``, so brat's rule "a trigger is a T of the
    event's type" holds for every event. With ``schema``, attributes it does not
    declare are left out (``annotation.conf`` could not declare them) and reported.
    """
    where = f"{annotations.annotator}/{document.id}"
    span_ids = _brat_ids([s.id for s in annotations.spans], "T", set())
    cues = {a.cue for a in annotations.attributions if a.cue is not None}
    lines: list[str] = []
    targets: list[tuple[str, str, dict[str, Any]]] = []
    # In text order, whatever order the spans come in, so a re-export is identical.
    for span in sorted(annotations.spans, key=lambda s: (s.start, s.end, s.id)):
        label = ATTRIBUTION_TYPE if span.id in cues else brat_name(span.label)
        line = _span_line(span, span_ids[span.id], label, document.text, where, warnings)
        if line is None:
            del span_ids[span.id]  # so what refers to it is reported, not dangling
            continue
        lines.append(line)
        targets.append((span_ids[span.id], _layer_of(schema, span.label), span.attributes))
    links = list(_link_lines(annotations, span_ids, document.text, where, warnings))
    lines += [stand_in for _, _, _, stand_in, _ in links if stand_in is not None]
    for brat_id, layer, attributes, _, line in links:
        if line is not None:
            lines.append(line)
            targets.append((brat_id, layer, attributes))
    linked = [e.id for e in annotations.events] + [a.id for a in annotations.attributions]
    brat_ids = {**span_ids, **{item: link[0] for item, link in zip(linked, links) if link[4] is not None}}
    return lines + _attribute_lines(targets, schema, where, warnings) + _note_lines(
        annotations, brat_ids, where, warnings
    )


def _note_lines(annotations: Annotations, brat_ids: dict[str, str], where: str,
                warnings: list[str]) -> list[str]:
    """``#n<TAB>AnnotatorNotes T1<TAB>text`` for each note on an item written. brat
    notes are one line (line breaks and tabs become spaces) and hang on an annotation:
    notes on the document (or on an item left out) are left out, and reported."""
    lines, left_out = [], 0
    for note in exported_notes(annotations):
        target = brat_ids.get(note.target)
        if target is None:
            left_out += 1
            continue
        text = " ".join(note.text.replace("\t", " ").splitlines())
        lines.append(f"#{len(lines) + 1}\tAnnotatorNotes {target}\t{text}")
    if left_out:
        warnings.append(Phrase("{where}: {count} note(s) on the document left out: brat's AnnotatorNotes hang "
                               "on an annotation (JSONL keeps them)", {"where": where, "count": left_out}))
    return lines


def _layer_of(schema: Schema | None, label: str) -> str | None:
    return schema.layer_of(label) if schema is not None else None


_Link = tuple[str, str, dict[str, Any], "str | None", "str | None"]


def _link_lines(
    annotations: Annotations,
    span_ids: dict[str, str],
    text: str,
    where: str,
    warnings: list[str],
) -> Iterator[_Link]:
    """``(brat id, layer, attributes, stand-in T line, E line)`` for events, then
    attributions; a line is None when the item was left out."""
    event_ids = _brat_ids([e.id for e in annotations.events], "E", set())
    for event in annotations.events:
        brat_id = event_ids[event.id]
        line = _event_line(event, brat_id, span_ids, where, warnings)
        yield brat_id, "event", event.attributes, None, line
    # Attribution ids (A1) are not brat's: they become E ids after the events'.
    used = set(event_ids.values())
    used_t = set(span_ids.values())
    spans = annotations.span_map()
    for attribution in annotations.attributions:
        brat_id = next_id("E", used)
        used.add(brat_id)
        stand_in, line = _attribution_lines(
            attribution, brat_id, spans, span_ids, used_t, text, where, warnings
        )
        attributes = dict(attribution.attributes)
        if stand_in is not None:
            attributes[NO_CUE] = True
        yield brat_id, "attribution", attributes, stand_in, line


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
    span: Span, brat_id: str, label: str, text: str, where: str, warnings: list[str]
) -> str | None:
    if not 0 <= span.start <= span.end <= len(text):
        warnings.append(Phrase("{where}: span {span} ({start}-{end}) is outside the text; left out",
                               {"where": where, "span": span.id, "start": span.start, "end": span.end}))
        return None
    fragments = _fragments(text, span.start, span.end)
    if not fragments:
        warnings.append(Phrase("{where}: span {span} holds only line breaks, which brat cannot show; left out",
                               {"where": where, "span": span.id}))
        return None
    if (fragments[0][0], fragments[-1][1]) != (span.start, span.end):
        warnings.append(Phrase("{where}: span {span} starts or ends with a line break, which brat cannot show; "
                               "written without it", {"where": where, "span": span.id}))
    offsets = ";".join(f"{s} {e}" for s, e in fragments)
    shown = " ".join(text[s:e] for s, e in fragments)
    return f"{brat_id}\t{label} {offsets}\t{shown}"


def _event_line(
    event: Event,
    brat_id: str,
    span_ids: dict[str, str],
    where: str,
    warnings: list[str],
) -> str | None:
    trigger = span_ids.get(event.trigger)
    if trigger is None:
        warnings.append(Phrase("{where}: event {event} is left out: its trigger {trigger} was not written",
                               {"where": where, "event": event.id, "trigger": event.trigger}))
        return None
    words = [f"{brat_name(event.type)}:{trigger}"]
    seen: dict[str, int] = {}
    for argument in event.arguments:
        if argument.span not in span_ids:
            warnings.append(Phrase("{where}: event {event} loses its {role} {span}, which was not written",
                                   {"where": where, "event": event.id, "role": argument.role, "span": argument.span}))
            continue
        seen[argument.role] = seen.get(argument.role, 0) + 1
        number = str(seen[argument.role]) if seen[argument.role] > 1 else ""
        words.append(f"{brat_name(argument.role)}{number}:{span_ids[argument.span]}")
    return f"{brat_id}\t{' '.join(words)}"


def _attribution_lines(
    attribution: Attribution,
    brat_id: str,
    spans: dict[str, Span],
    span_ids: dict[str, str],
    used_t: set[str],
    text: str,
    where: str,
    warnings: list[str],
) -> tuple[str | None, str | None]:
    """``(stand-in T line or None, E line or None)`` for one attribution."""
    parts: dict[str, str] = {}  # part -> our span id
    for part in ("cue", "source", "content"):
        span_id = getattr(attribution, part)
        if span_id is not None and span_id in span_ids:
            parts[part] = span_id
        elif span_id is not None:
            warnings.append(Phrase("{where}: attribution {attribution} loses its {part} {span}, which was not written",
                                   {"where": where, "attribution": attribution.id, "part": part_word(part),
                                    "span": span_id}))
    if not parts:
        warnings.append(Phrase("{where}: attribution {attribution} has no span to write; left out",
                               {"where": where, "attribution": attribution.id}))
        return None, None
    stand_in = None
    if "cue" in parts:
        trigger = span_ids[parts["cue"]]
    else:  # no cue stated: a stand-in trigger on the content (else the source)
        placed = spans[parts.get("content") or parts["source"]]
        trigger = next_id("T", used_t)
        used_t.add(trigger)
        stand_in = _span_line(placed, trigger, ATTRIBUTION_TYPE, text, where, warnings)
    words = [f"{ATTRIBUTION_TYPE}:{trigger}"]
    words += [
        f"{part.capitalize()}:{span_ids[parts[part]]}"
        for part in ("source", "content")
        if part in parts
    ]
    return stand_in, f"{brat_id}\t{' '.join(words)}"


def _attribute_lines(
    targets: list[tuple[str, str | None, dict[str, Any]]],
    schema: Schema | None,
    where: str,
    warnings: list[str],
) -> list[str]:
    lines: list[str] = []
    for brat_id, layer, attributes in targets:
        for name, value in attributes.items():
            if value is False or value is None:
                continue  # brat's binary attributes: absent means false
            if not _declared(schema, name, layer):
                warnings.append(Phrase(
                    "{where}: attribute {name}={value!r} of {id} is left out: the schema does not declare it "
                    "for the {layer} layer, so annotation.conf cannot allow it there and brat would mark it "
                    "as an error (JSONL keeps it)",
                    {"where": where, "name": name, "value": value, "id": brat_id, "layer": layer_word(layer)}))
                continue
            words = [_brat_attribute(name), brat_id]
            words += [] if value is True else [str(value)]
            line = " ".join(words)
            if " " in str(value) or any(c in line for c in "\t\r\n"):
                warnings.append(Phrase("{where}: attribute {name}={value!r} of {id} cannot be written in brat; left out",
                                       {"where": where, "name": name, "value": value, "id": brat_id}))
                continue
            lines.append(f"A{len(lines) + 1}\t{line}")
    return lines


def _declared(schema: Schema | None, name: str, layer: str | None) -> bool:
    if schema is None or name == NO_CUE:
        return True
    definition = schema.attributes.get(name)
    return definition is not None and definition.layer == (layer or "entity")


def _brat_attribute(name: str) -> str:
    """Schema attribute names are lower-case; brat shows them capitalised."""
    return brat_name(name[:1].upper() + name[1:])


# --- annotation.conf ------------------------------------------------------------------
def annotation_conf(schema: Schema) -> str:
    """brat's ``annotation.conf`` for ``schema``: the types brat offers and checks,
    every name as ``brat_name`` writes it."""
    entities = [brat_name(label.name) for label in schema.labels_in("entity")]
    parts = [label.name for label in schema.labels_in("attribution")]
    parts += [name for name in ATTRIBUTION_PARTS if name not in parts]
    lines = [
        f"# brat configuration written from the schema {schema.name!r}",
        "",
        "[entities]",
    ]
    lines += entities + [brat_name(part) for part in parts]
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
            f"{brat_name(role)}*:"
            + "|".join([brat_name(f) for f in fillers] or entities)
            for role, fillers in label.roles.items()
        ]
        name = brat_name(label.name)
        lines.append(f"{name}\t{', '.join(roles)}" if roles else name)
    source = "|".join(entities + [part_label("source")])
    lines.append(f"{ATTRIBUTION_TYPE}\tSource?:{source}, Content?:{part_label('content')}")
    return lines


_ATTRIBUTE_ARG = {
    "entity": "<ENTITY>",
    "event": "<EVENT>",
    "attribution": f"{ATTRIBUTION_TYPE}|SOURCE|CONTENT",
}


def _attribute_types(schema: Schema) -> list[str]:
    lines = []
    for attribute in schema.attributes.values():
        name = _brat_attribute(attribute.name)
        line = f"{name}\tArg:{_ATTRIBUTE_ARG.get(attribute.layer, '<ENTITY>')}"
        lines.append(
            line + (f", Value:{'|'.join(attribute.values)}" if attribute.values else "")
        )
    # Marks an attribution whose trigger stands in for a cue the text does not state.
    lines.append(f"{NO_CUE}\tArg:{ATTRIBUTION_TYPE}")
    return lines


def visual_conf(schema: Schema) -> str:
    """brat's ``visual.conf``: each renamed type or role shown by the schema's name,
    which is also how import maps ``Conflict_Attack`` back to ``Conflict.Attack``."""
    names = [label.name for label in schema.labels.values()]
    names += [role for label in schema.labels.values() for role in label.roles]
    renamed = dict.fromkeys(name for name in names if brat_name(name) != name)
    lines = [f"# brat display names written from the schema {schema.name!r}", "", "[labels]"]
    lines += [f"{brat_name(name)} | {name}" for name in renamed]
    return "\n".join(lines) + "\n"


def write_annotation_conf(schema: Schema, out_dir: Path) -> Path:
    """Write ``out_dir/annotation.conf`` (see ``annotation_conf``); returns its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "annotation.conf"
    path.write_text(annotation_conf(schema), encoding="utf-8", newline="")
    (out_dir / "visual.conf").write_text(visual_conf(schema), encoding="utf-8", newline="")
    return path
