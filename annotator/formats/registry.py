"""Which reader handles a path, and the export driver shared by the CLI and the GUI."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.model import Annotations, Document, ImportRecord
from ..core.notes import with_notes
from ..core.progress import Progress
from ..core.schema import Schema
from ..core.store import Store
from ..core.validation import check_structure
from ..errors import InputError, Phrase, ProjectError, ValidationError

FORMATS = ("txt", "jsonl", "conll", "brat")
EXPORT_FORMATS = ("jsonl", "conll", "brat", "spacy", "doccano", "doccano-relations", "prodigy")
_BY_SUFFIX = {
    ".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl",
    ".conll": "conll", ".iob": "conll", ".bio": "conll", ".tsv": "conll",
    ".ann": "brat", ".txt": "txt",
}


def detect_format(path: Path) -> str:
    if path.is_dir():
        if any(path.glob("*.ann")) or any(path.glob("*/*.ann")):
            return "brat"
        if any(path.glob("*.txt")):
            return "txt"
        found = sorted({_BY_SUFFIX[f.suffix.lower()] for f in path.iterdir()
                        if f.is_file() and f.suffix.lower() in _BY_SUFFIX})
        if len(found) == 1:  # a folder of JSONL or CoNLL files: each of them is read
            return found[0]
        if found:
            raise InputError("the folder holds files of several formats ({formats}); use --format",
                             params={"formats": ", ".join(found)}, file=str(path))
        raise InputError("the folder holds no file to import (.txt, .ann, .jsonl, .conll)", file=str(path))
    fmt = _BY_SUFFIX.get(path.suffix.lower())
    if fmt == "txt" and path.with_suffix(".ann").exists():
        return "brat"
    if fmt is None:
        raise InputError("cannot tell the format from the file name; use --format", file=str(path))
    return fmt


def reader_for(fmt: str) -> Callable[..., Iterator[ImportRecord]]:
    if fmt == "txt":
        from .txt import read_txt as reader
    elif fmt == "jsonl":
        from .jsonl import read_jsonl as reader
    elif fmt == "conll":
        from .conll import read_conll as reader
    elif fmt == "brat":
        from .brat import read_brat as reader
    else:
        raise InputError("unknown format {format!r}; use one of {known}",
                         params={"format": fmt, "known": ", ".join(FORMATS)})
    return reader


def read_paths(paths: Iterable[Path], fmt: str = "auto", warnings: list[str] | None = None,
               **options: Any) -> Iterator[ImportRecord]:
    """Every record of every path. What a reader read but could not keep (brat notes)
    is described in ``warnings``; with none given, on stderr, so it is never silent."""
    for given in paths:
        if not given.exists():
            raise InputError("no such file or folder", file=str(given))
        chosen = detect_format(given) if fmt == "auto" else fmt
        reader = reader_for(chosen)
        for path in _files_of(given, chosen):
            found: list[str] = []
            yield from reader(path, **_options_for(chosen, {**options, "warnings": found}))
            if warnings is not None:
                warnings.extend(found)
            for message in found if warnings is None else []:
                print(f"annotator import: warning: {path}: {message}", file=sys.stderr)


def _files_of(path: Path, fmt: str) -> list[Path]:
    """What to read for ``path``: a folder given to a format of single files (JSONL,
    CoNLL) stands for its files of that format, in name order; txt and brat read a
    folder themselves."""
    if not path.is_dir() or fmt not in ("jsonl", "conll"):
        return [path]
    files = sorted(f for f in path.iterdir() if f.is_file() and _BY_SUFFIX.get(f.suffix.lower()) == fmt)
    return files or [path]  # none: the reader says the folder holds none


def _options_for(fmt: str, options: dict[str, Any]) -> dict[str, Any]:
    wanted = {"txt": {"encoding"}, "jsonl": {"encoding", "annotator", "warnings"},
              "conll": {"encoding", "annotator", "strict"},
              "brat": {"encoding", "annotator", "warnings"}}
    return {k: v for k, v in options.items() if k in wanted[fmt]}


# --- export ------------------------------------------------------------------------
@dataclass
class ExportOptions:
    fmt: str
    annotator: str | None = None
    layers: list[str] = field(default_factory=lambda: ["entity"])
    scheme: str = "iob2"
    align: str = "split"


def export_pairs(store: Store, annotator: str | None) -> Iterator[tuple[Document, Annotations | None]]:
    """Each document with each annotator's work (or ``None`` for untouched documents).

    Every document's text is checked against its stored SHA-256 first, and every span's
    offsets against the text: a mismatch is an error, never a silent export.
    """
    notes = _notes_by_work(store)
    for document in store.documents():
        if store.document_sha256(document.id) != document.sha256:
            raise ProjectError(
                "the stored text no longer matches its SHA-256; restore a backup",
                document=document.id,
            )
        present = store.annotators_of(document.id)
        names = present if annotator is None else [annotator] if annotator in present else []
        if not names and annotator is None:
            yield document, None
        for name in names:
            annotations = store.annotations(document.id, name)
            _check_offsets(document, annotations)
            _check_schema(document, annotations, store.schema)
            if (document.id, name) in notes:
                annotations = with_notes(annotations, notes[(document.id, name)])
            yield document, annotations


def _check_schema(document: Document, annotations: Annotations, schema: Schema) -> None:
    """Work the window and import would have refused (a trigger of another type, a label
    the schema lacks, a dangling part: rows changed with SQL) is not exported: the
    other tools would refuse the file, or read it wrong (attributes aside: see
    ``check_structure``)."""
    try:
        check_structure(document, annotations, schema)
    except ValidationError as error:
        raise ProjectError(
            "{annotator}'s work does not fit the project's schema ({reason}); the project file "
            "was changed outside the app or is damaged; restore a backup",
            params={"annotator": annotations.annotator, "reason": error.message},
            document=document.id, item=error.item,
        ) from None


def _notes_by_work(store: Store) -> dict:
    """The project's notes by (document, annotator), read once (none for a store
    that is not a project file)."""
    if getattr(store, "db", None) is None:
        return {}
    from ..storage.notes import notes_by_work

    return notes_by_work(store)


def _check_offsets(document: Document, annotations: Annotations) -> None:
    size = len(document.text)
    for span in annotations.spans:
        if not (isinstance(span.start, int) and isinstance(span.end, int)
                and 0 <= span.start < span.end <= size):
            raise ProjectError(
                "span {span} of {annotator} has offsets {start!r}-{end!r}, outside the text "
                "(0-{size}); the project file was changed outside the app or is damaged; restore a backup",
                params={"span": span.id, "annotator": annotations.annotator, "start": span.start,
                        "end": span.end, "size": size},
                document=document.id,
            )


def export_project(store: Store, out: Path, options: ExportOptions, warnings: list[str]) -> Iterator[Progress]:
    if options.fmt == "conll" and options.annotator is None:
        _refuse_mixed_annotators(store)
    pairs = export_pairs(store, options.annotator)
    total = _pair_count(store, options.annotator)
    if options.fmt == "brat":
        with _atomic_folder(out) as folder:
            yield from _write_brat(store, pairs, folder, warnings, total)
        return
    if options.fmt == "spacy":
        from .spacy_docbin import write_docbin

        yield from write_docbin(pairs, lambda data: _save_bytes(out, data), store.schema,
                                align=options.align, warnings=warnings, total=total)
        return
    with _atomic_file(out) as handle:
        if options.fmt == "jsonl":
            from .jsonl import write_jsonl

            yield from write_jsonl(pairs, handle, total=total)
        elif options.fmt == "conll":
            from .conll import write_conll

            yield from write_conll(
                pairs, handle, layers=options.layers, layer_of=store.schema.layer_of,
                scheme=options.scheme, align=options.align, warnings=warnings, total=total,
            )
        elif options.fmt in _TOOL_WRITERS:
            yield from _TOOL_WRITERS[options.fmt](pairs, handle, options, warnings, total)
        else:
            raise InputError("cannot export to {format!r}; use one of {known}",
                             params={"format": options.fmt, "known": ", ".join(EXPORT_FORMATS)})


def _doccano(pairs: Iterable, handle: Any, options: ExportOptions, warnings: list[str],
             total: int) -> Iterator[Progress]:
    from .tools import write_doccano

    return write_doccano(pairs, handle, warnings=warnings, total=total)


def _doccano_relations(pairs: Iterable, handle: Any, options: ExportOptions,
                       warnings: list[str], total: int) -> Iterator[Progress]:
    from .tools import write_doccano_relations

    return write_doccano_relations(pairs, handle, warnings=warnings, total=total)


def _prodigy(pairs: Iterable, handle: Any, options: ExportOptions, warnings: list[str],
             total: int) -> Iterator[Progress]:
    from .tools import write_prodigy

    return write_prodigy(pairs, handle, align=options.align, warnings=warnings, total=total)


_TOOL_WRITERS = {"doccano": _doccano, "doccano-relations": _doccano_relations, "prodigy": _prodigy}


def _pair_count(store: Store, annotator: str | None) -> int:
    """How many (document, work) pairs ``export_pairs`` gives: the writers' progress total."""
    rows = store.statuses()
    if annotator is not None:
        return sum(1 for _, name, _ in rows if name == annotator)
    return len(rows) + store.count_documents() - len({document for document, _, _ in rows})


def _refuse_mixed_annotators(store: Store) -> None:
    """CoNLL has no place to say whose tags a block holds, so one annotator at a time."""
    names = store.annotators()
    if len(names) > 1:
        raise InputError(
            "the project has several annotators ({annotators}); CoNLL holds one "
            "annotator's tags: choose one with --annotator",
            params={"annotators": ", ".join(names)},
        )


def _write_brat(store: Store, pairs: Iterable, folder: Path, warnings: list[str],
                total: int) -> Iterator[Progress]:
    from .brat_write import write_brat

    def with_annotations() -> Iterator[tuple[Document, Annotations]]:
        for document, annotations in pairs:
            yield document, annotations or Annotations(document.id, "unannotated")

    yield from write_brat(with_annotations(), folder, store.schema, warnings=warnings, total=total)


@contextmanager
def _atomic_file(out: Path) -> Iterator[Any]:
    """Write beside ``out`` and rename at the end, so a failed export leaves no half file."""
    with _writing(out):
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = _new_temp(out, lambda path: os.open(path, _NEW_FILE, 0o666))
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                yield handle
            os.replace(temp, out)
        except BaseException:
            _remove_quietly(temp)
            raise


def _save_bytes(out: Path, data: bytes) -> None:
    with _writing(out):
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = _new_temp(out, lambda path: os.open(path, _NEW_FILE, 0o666))
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temp, out)
        except BaseException:
            _remove_quietly(temp)
            raise


@contextmanager
def _atomic_folder(out: Path) -> Iterator[Path]:
    with _writing(out):
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise InputError("the output folder exists and is not empty; choose another", file=str(out))
        out.parent.mkdir(parents=True, exist_ok=True)
        _, temp = _new_temp(out, lambda path: os.mkdir(path, 0o777))
        try:
            yield temp
            if out.exists():
                out.rmdir()
            os.replace(temp, out)
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise


# Created with the modes a plain ``open()``/``mkdir`` uses (0666/0777, less the umask)
# so a teammate or a brat server can read the export; ``tempfile`` would give 0600/0700.
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _new_temp(out: Path, create: Callable[[Path], Any]) -> tuple[Any, Path]:
    """A fresh hidden name beside ``out``, made by ``create``; its result and the path."""
    for _ in range(100):
        temp = out.parent / f".{out.name}.{secrets.token_hex(4)}.part"
        try:
            return create(temp), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(out.parent))


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


_ELSEWHERE = Phrase("free some space or export to another disk")
_WRITABLE = Phrase("export to a folder you can write to")
_REASONS = {
    getattr(errno, "EDQUOT", errno.ENOSPC): (Phrase("the disk quota is used up"), _ELSEWHERE),
    errno.ENOSPC: (Phrase("the disk is full"), _ELSEWHERE),
    errno.EROFS: (Phrase("the file system is read-only"), Phrase("export to a writable folder")),
    errno.EACCES: (Phrase("permission denied"), _WRITABLE),
    errno.EPERM: (Phrase("permission denied"), _WRITABLE),
}


@contextmanager
def _writing(out: Path) -> Iterator[None]:
    """Turn a file-system failure while exporting into one clear error naming ``out``.

    The temporary file or folder is gone by the time this runs, and ``out`` was never
    touched, so the message can say that nothing was written.
    """
    try:
        yield
    except OSError as error:
        reason, advice = _REASONS.get(error.errno, (error.strerror or str(error), Phrase("try another folder")))
        detail = (Phrase(" ({reason})", {"reason": error.strerror})
                  if error.strerror and error.strerror.lower() != reason else "")
        raise ProjectError(
            "{reason}{detail}: cannot write the export {out}; nothing was written; {advice}",
            params={"reason": reason, "detail": detail, "out": out, "advice": advice},
        ) from error
