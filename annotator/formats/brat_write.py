"""Writing brat standoff: ``<annotator>/<doc>.txt`` and ``.ann`` plus ``annotation.conf``.

The reader, and the line shapes both sides share, are in ``brat.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence, Sized
from pathlib import Path
from typing import Any

from ..core.model import Annotations, Attribution, Document, Event, Span, next_id
from ..core.progress import Progress
from ..core.schema import ATTRIBUTION_PARTS, Schema
from .brat import _PART_OF_LABEL, _UNSAFE_NAME, ATTRIBUTION_TYPE


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
    the cue (else the content, else the source). A span that crosses lines is written
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
