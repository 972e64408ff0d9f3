"""The headless command line (see FORMATS.md, "The command line").

Exit status: 0 success, 1 bad data (the message names the file and line or the
document), 2 bad usage. Progress goes to stderr, results to stdout or ``-o``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from . import __version__
from .core.progress import Progress
from .core.schema import LAYERS
from .errors import ERROR_FILE, AnnotatorError, Phrase, phrase_data
from .formats.registry import EXPORT_FORMATS, FORMATS
from .nlp.tags import ALIGN_MODES, SCHEMES

if TYPE_CHECKING:  # imported when a command runs: the CLI starts fast
    from .storage import ProjectStore

T = TypeVar("T")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Annotate Arabic news: entities, events, attributions. "
        "With no command, opens the desktop window (no project: the bundled demo).",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    init = commands.add_parser("init", help="create a project")
    init.add_argument("project", type=Path)
    init.add_argument("--schema", help="a schema JSON file or a shipped name (arabic-news, anercorp)")

    imp = commands.add_parser("import", help="import documents and annotations")
    imp.add_argument("project", type=Path)
    imp.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    imp.add_argument("--format", default="auto", choices=["auto", *FORMATS])
    imp.add_argument("--annotator", default="import", help="annotator for files that name none")
    imp.add_argument("--encoding", help="the files' encoding when not UTF-8/UTF-16 with BOM (e.g. cp1256)")
    imp.add_argument("--add-labels", action="store_true", help="add unknown labels to the schema")
    imp.add_argument("--strict", action="store_true", help="CoNLL: refuse IOB1-style I- starts")

    exp = commands.add_parser("export", help="export annotations")
    exp.add_argument("project", type=Path)
    exp.add_argument("-o", "--output", type=Path, required=True)
    exp.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    exp.add_argument("--annotator", help="only this annotator's work")
    exp.add_argument("--layer", help=f"CoNLL tag columns, in order: {','.join(LAYERS)} (default: entity)")
    exp.add_argument("--scheme", default="iob2", choices=SCHEMES)
    exp.add_argument("--align", default="split", choices=ALIGN_MODES)

    merge = commands.add_parser("merge", help="copy other projects' documents and labels into PROJECT")
    merge.add_argument("project", type=Path)
    merge.add_argument("others", type=Path, nargs="+", metavar="OTHER_PROJECT")
    merge.add_argument("--force-older", action="store_true",
                       help="let older work replace newer work (else such a merge is refused)")

    assign = commands.add_parser("assign", help="write a project holding one annotator's assignment")
    assign.add_argument("project", type=Path)
    assign.add_argument("-o", "--output", type=Path, required=True, help="the new project file")
    assign.add_argument("--annotator", required=True)
    assign.add_argument("--documents", help="comma-separated document ids (default: all)")

    agreement = commands.add_parser("agreement", help="inter-annotator agreement report")
    agreement.add_argument("project", type=Path)
    agreement.add_argument("--annotators", help="comma-separated names (default: all but gold)")
    agreement.add_argument("--include-unfinished", action="store_true",
                           help="use every document both touched, not only those both marked done")
    agreement.add_argument("--json", action="store_true")

    backup = commands.add_parser("backup", help="make a backup copy of PROJECT now")
    backup.add_argument("project", type=Path)
    backups = commands.add_parser("backups", help="list PROJECT's backups, newest first")
    backups.add_argument("project", type=Path)
    restore = commands.add_parser("restore", help="restore PROJECT from a backup (default: the newest)")
    restore.add_argument("project", type=Path)
    restore.add_argument("backup", type=Path, nargs="?")

    check = commands.add_parser("check", help="corpus-wide consistency check of the labels")
    check.add_argument("project", type=Path)
    check.add_argument("--annotator", help="only this annotator's work (default: everyone's)")
    check.add_argument("--json", action="store_true")

    stats = commands.add_parser("stats", help="count documents, tokens, labels, statuses")
    stats.add_argument("project", type=Path)
    stats.add_argument("--json", action="store_true")

    learn = commands.add_parser("learn", help="train the suggestions model on PROJECT's labels")
    learn.add_argument("project", type=Path)
    learn.add_argument("--from", dest="annotators",
                       help="comma-separated annotators whose done documents to learn from "
                       "(default: gold where it exists, else every annotator's done documents)")
    learn.add_argument("--labels", help="comma-separated entity labels (default: all of the schema's)")

    suggest = commands.add_parser("suggest", help="write the trained model's suggestions as JSONL")
    suggest.add_argument("project", type=Path)
    suggest.add_argument("-o", "--output", type=Path, required=True)
    suggest.add_argument("--documents", help="comma-separated document ids (default: all)")
    suggest.add_argument("--threshold", type=float, help="least confidence, 0-1 (default: the model's)")
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        return HANDLERS[args.command](args)
    except AnnotatorError as error:
        return _failed(args.command, error.described())
    except BrokenPipeError:
        raise  # the reader of stdout went away: __main__ ends quietly
    except OSError as error:  # a full disk, a read-only folder, a vanished file
        reason = error.strerror or str(error)
        return _failed(args.command, Phrase("{file}: {reason}", {"file": error.filename, "reason": reason})
                       if error.filename else Phrase("{reason}", {"reason": reason}))
    except sqlite3.Error as error:  # what SQLite refused that no check foresaw
        return _failed(args.command, f"{args.project}: the project could not be read or "
                       f"written ({error}); nothing was changed")
    except KeyboardInterrupt:
        print(f"annotator {args.command}: interrupted; nothing was changed", file=sys.stderr)
        return 130


def _failed(command: str, message: str) -> int:
    print(f"annotator {command}: error: {message}", file=sys.stderr)
    told = os.environ.get(ERROR_FILE)
    if told:  # the window that ran this shows the message in its own language
        with contextlib.suppress(OSError):  # else it shows the line above
            Path(told).write_text(json.dumps(phrase_data(message), ensure_ascii=False), encoding="utf-8")
    return 1



def cmd_init(args: argparse.Namespace) -> int:
    from .core.schema_files import load_schema
    from .storage import ProjectStore

    schema = load_schema(args.schema)
    ProjectStore.create(args.project, schema).close()
    print(f"created {args.project} with the schema {schema.name!r} ({len(schema.labels)} labels)")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from .core.notes import import_with_notes
    from .formats.registry import read_paths
    from .formats.textio import check_encoding
    from .storage.notes import NoteTable

    if args.encoding:
        check_encoding(args.encoding)
    store = _open(args.project, backup=False)  # the backup below is the one to keep
    _backup_before(store, "before-import")
    warnings: list[str] = []  # what a reader read but could not keep, shown once at the end
    try:
        records = read_paths(
            args.paths, args.format, warnings=warnings, encoding=args.encoding,
            annotator=args.annotator, strict=args.strict,
        )
        steps = import_with_notes(store, records, NoteTable(store), add_labels=args.add_labels)
        last = _drain(steps, "imported")
    finally:
        store.close()
    for warning in warnings:
        print(f"annotator import: warning: {warning}", file=sys.stderr)
    print(f"imported {last.done if last else 0} documents into {args.project}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .formats.registry import ExportOptions, export_project

    # Given at all, even as the default "entity", --layer asks for tag columns: only
    # CoNLL has them, and the other formats would write every layer all the same.
    if args.layer is not None and args.format != "conll":
        return _usage_error("export", Phrase("--layer is for CoNLL only; {format} exports every layer",
                                             {"format": args.format}))
    layers = [layer.strip() for layer in (args.layer or "entity").split(",") if layer.strip()]
    unknown = [layer for layer in layers if layer not in LAYERS]
    if unknown:
        print(f"annotator export: error: unknown layer {unknown[0]!r}", file=sys.stderr)
        return 2
    options = ExportOptions(args.format, args.annotator, layers, args.scheme, args.align)
    store = _read(args.project)
    warnings: list[str] = []
    try:
        _refuse_unknown_annotators(store, [args.annotator] if args.annotator else None, args.project)
        last = _drain(export_project(store, args.output, options, warnings), "exported")
    finally:
        store.close()
    for warning in warnings:
        print(f"annotator export: warning: {warning}", file=sys.stderr)
    print(f"exported {last.done if last else 0} documents to {args.output}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from .core.stats import project_stats, render_stats

    store = _read(args.project)
    try:
        figures = project_stats(store)
    finally:
        store.close()
    return _print(figures, args.json, render_stats)


def cmd_merge(args: argparse.Namespace) -> int:
    from .core.merging import merge_projects
    from .storage.notes import NoteTable

    target = _open(args.project, backup=False)
    _backup_before(target, "before-merge")
    sources = []
    kept: list[Phrase] = []
    try:
        sources = [(str(path), _read(path)) for path in args.others]
        last = _drain(merge_projects(target, sources, force_older=args.force_older,
                                     note_table=NoteTable, kept=kept), "merged")
    finally:
        for _, source in sources:
            source.close()
        target.close()
    print(f"merged {last.done if last else 0} documents from {len(args.others)} projects into {args.project}")
    for sentence in kept:  # work a copy that brings nothing left in place
        print(sentence)
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    from .core.merging import assign_work
    from .storage import ProjectStore
    from .storage.notes import NoteTable

    source = _read(args.project)
    ids = [i.strip() for i in args.documents.split(",")] if args.documents else None
    try:
        target = ProjectStore.create(args.output, source.schema)
        try:
            last = _drain(assign_work(source, target, args.annotator, ids, NoteTable), "assigned")
        except BaseException:
            target.close()
            args.output.unlink(missing_ok=True)
            raise
        target.close()
    finally:
        source.close()
    print(f"wrote {args.output}: {last.done if last else 0} documents for {args.annotator}")
    return 0


def cmd_agreement(args: argparse.Namespace) -> int:
    from .agreement import AgreementJob, render_agreement

    names = [n.strip() for n in args.annotators.split(",")] if args.annotators else None
    store = _read(args.project)
    try:
        _refuse_unknown_annotators(store, names, args.project)
        job = AgreementJob(store, names, include_unfinished=args.include_unfinished)
        _drain(job.run(), "compared")
        report = job.report
    finally:
        store.close()
    return _print(report, args.json, render_agreement)


def cmd_check(args: argparse.Namespace) -> int:
    from .core.consistency import CheckJob, render_findings, write_json

    store = _read(args.project)
    try:
        _refuse_unknown_annotators(store, [args.annotator] if args.annotator else None, args.project)
        job = CheckJob(store, args.annotator)
        _drain(job.run(), "checked")
    finally:
        store.close()
    if args.json:  # streamed: an archive's findings can hold a million places
        write_json(job.findings, sys.stdout)
    else:
        print(render_findings(job.findings))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from .storage.backup import make_backup

    store = _read(args.project)  # refuses what is not a readable project
    try:
        print(f"wrote {make_backup(args.project, reason='manual', source=store.db.conn)}")
    finally:
        store.close()
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from .storage.backup import list_backups

    found = list_backups(args.project)
    if not found:
        print(f"no backups of {args.project}")
    for info in found:
        counts = "unreadable" if info.documents is None else f"{info.documents} documents, {info.spans} labels"
        when = info.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        print(f"{when}  {counts:<32} {info.reason or 'on open':<16} {info.path}")
        if info.future:
            print("    dated in the future (a clock ran ahead, or a renamed file): listed last, restored by default only when no other backup is sound")
        if info.losses is not None:
            print(f"    {info.losses.describe()}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from .storage.backup import default_backup, restore_backup

    chosen = args.backup
    if chosen is None:  # the newest sound one; say why newer ones were passed over
        chosen, passed_over = default_backup(args.project)
        for reason in passed_over:
            print(f"annotator: skipped the backup {reason}", file=sys.stderr)
    saved = restore_backup(args.project, chosen)
    print(f"restored {args.project} from {chosen}" + (f"; its previous state is in {saved}" if saved else ""))
    return 0


def _usage_error(command: str, message: Phrase) -> int:
    """Bad usage, as argparse reports it: the command named, exit status 2."""
    print(f"annotator {command}: error: {message}", file=sys.stderr)
    return 2


def _refuse_unknown_annotators(store: ProjectStore, names: list[str] | None, path: Path) -> None:
    """A name the project does not have (a typo, a wrong case) would select no work and
    give an empty export or report that looks like a result: refuse it, naming who is there."""
    from .errors import InputError

    known = store.annotators()
    missing = [name for name in names or () if name not in known]
    if not missing:
        return
    values = {"names": ", ".join(missing), "known": ", ".join(known)}
    raise InputError(
        Phrase("no such annotator in the project: {names}; its annotators are: {known}", values) if known
        else Phrase("no such annotator in the project: {names}; it has no annotators yet", values),
        file=str(path))


def _backup_before(store: ProjectStore, reason: str) -> None:
    """A copy of the project before a bulk change (an import replaces annotators' work)."""
    from .storage.backup import backup_before_change

    warning = backup_before_change(store, reason)
    if warning:
        print(f"annotator: warning: {warning}", file=sys.stderr)


def _print(figures: dict, as_json: bool, render: Callable[[dict], str]) -> int:
    """A report on stdout: as JSON, or as the text ``render`` makes of it."""
    print(json.dumps(figures, ensure_ascii=False, indent=2) if as_json else render(figures))
    return 0


def cmd_learn(args: argparse.Namespace) -> int:
    from .core.learning import stored_form, train
    from .storage.models import save_model

    annotators, labels = _names(args.annotators), _names(args.labels)
    store = _open(args.project)
    try:
        _refuse_unknown_annotators(store, annotators, args.project)
        model = _drain_result(train(store, annotators, labels))
        save_model(store, stored_form(model, store.schema))
    finally:
        store.close()
    seen = model.trained_on
    print(f"trained on {seen['documents']} documents ({seen['tokens']} tokens) of "
          f"{', '.join(seen['annotators']) or 'nobody'}: labels {', '.join(model.labels)}")
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    from .core.learning import MODEL_NAME, suggest_documents, usable_model
    from .core.model import Annotations, Span
    from .formats.jsonl import document_line
    from .storage.models import load_model

    if args.threshold is not None and not 0 <= args.threshold <= 1:
        print("annotator suggest: error: --threshold is a confidence from 0 to 1", file=sys.stderr)
        return 2
    store = _read(args.project)  # read-only: suggestions never touch the project's labels
    lines, count = [], 0
    try:
        model = usable_model(load_model(store, MODEL_NAME), store.schema, str(args.project))
        for document, found in suggest_documents(store, model, _names(args.documents), args.threshold):
            spans = [Span(f"T{n}", s, e, label, {"confidence": c})
                     for n, (s, e, label, c) in enumerate(found, 1)]
            lines.append(document_line(document, Annotations(document.id, "model", spans=spans)))
            count += len(spans)
    finally:
        store.close()
    with open(args.output, "w", encoding="utf-8") as out:
        out.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    print(f"wrote {count} suggestions in {len(lines)} documents to {args.output}")
    return 0


def _names(text: str | None) -> list[str] | None:
    names = [n.strip() for n in (text or "").split(",") if n.strip()]
    return names or None


def _drain_result(steps: Generator[Progress, None, T]) -> T:
    """Drain a generator of ``Progress`` (printed like ``_drain``) and return its value."""
    shown = time.monotonic()
    while True:
        try:
            step = next(steps)
        except StopIteration as stop:
            return stop.value
        if time.monotonic() - shown > 0.5:
            print(f"{step.message} ({step.done}/{step.total})...", file=sys.stderr)
            shown = time.monotonic()


def _open(path: Path, backup: bool = True) -> ProjectStore:
    """A project to write to; ``backup=False`` where the command makes its own backup
    right after."""
    from .storage import ProjectStore

    store = ProjectStore.open(path, backup=backup)
    if store.read_only is not None:
        store.close()
        raise _read_only_error(path, store.read_only)
    return _warned(store)


def _read(path: Path) -> ProjectStore:
    """A project only read from: the file and its folder stay byte for byte as they were
    (no session row, no backup, no upgrade in place), and read-only media work."""
    from .storage import ProjectStore

    return _warned(ProjectStore.open(path, read_only=True))


def _warned(store: ProjectStore) -> ProjectStore:
    if store.open_warning:
        print(f"annotator: warning: {store.open_warning}", file=sys.stderr)
    return store


def _read_only_error(path: Path, why: str) -> AnnotatorError:
    from .errors import ProjectError

    return ProjectError("the project cannot be changed here: {reason}", params={"reason": why}, file=str(path))


def _drain(steps: Iterator[Progress], verb: str) -> Progress | None:
    """Run a core generator, printing progress to stderr at most twice a second."""
    last = None
    shown = time.monotonic()
    for last in steps:
        if time.monotonic() - shown > 0.5:
            total = f"/{last.total}" if last.total else ""
            print(f"{verb} {last.done}{total} documents...", file=sys.stderr)
            shown = time.monotonic()
    return last


HANDLERS = {"init": cmd_init, "import": cmd_import, "export": cmd_export, "stats": cmd_stats,
            "merge": cmd_merge, "assign": cmd_assign, "agreement": cmd_agreement,
            "check": cmd_check, "backup": cmd_backup, "backups": cmd_backups, "restore": cmd_restore,
            "learn": cmd_learn, "suggest": cmd_suggest}
COMMANDS = tuple(HANDLERS)
