"""The text view on a long, densely labelled article: open, label hotkey, undo, memory.

Builds a 100,000-character Arabic article by repeating the paragraphs of
``corpora/aleppo-2020-02-02.txt`` (rotated on every repeat) and 5,000 spans on it from
the default schema: mostly entities (some nested in a longer entity), event triggers
with their events, and CUE + CONTENT pairs with their attributions (some with a
SOURCE taken from a nearby PER/ORG). Then, offscreen, with ``time.perf_counter``:

1. bare: ``AnnotationTextView.show_document`` with no labels (setPlainText, the block
   layout) and a forced paint (``grab()``), median of ``--runs``; for reference also a
   plain ``QTextEdit`` set up the same way;
2. open: ``show_document(document, annotations, schema)`` and the paint, median of
   ``--runs``; open / bare, target <= 3;
3. the hotkey path through the real window: a project file, ``open_window``, a word
   selected with ``view.select_offsets``, then ORG's hotkey (``QTest.keyClick(view, Key_O)``) plus a
   forced repaint (``viewport().repaint()`` and ``processEvents()``) over ``--words``
   different words, median and max against one frame (16 ms); the same for undo;
   with a breakdown of where the time goes (``perf_counter`` around the pieces, and a
   cProfile of ``--profile-words`` more gestures);
4. memory: ``ru_maxrss`` before and after opening, and the tracemalloc peak of the
   Python allocations of one ``show_document``.

    /work/venv/bin/python benchmarks/text_view.py [--runs N] [--words N] [--chars N] [--spans N]
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt; QT_QPA_PLATFORM=xcb for a real X server

import argparse
import contextlib
import cProfile
import functools
import gc
import itertools
import platform
import pstats
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import (
    QCoreApplication,
    QSettings,
    Qt,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTextEdit

from annotator.core import commands
from annotator.core.model import (
    Annotations,
    Argument,
    Attribution,
    Document,
    Event,
    Span,
    Status,
)
from annotator.core.schema import Schema
from annotator.core.schema_files import load_schema
from annotator.core.selection import is_word_char
from annotator.core.session import Session
from annotator.core.validation import validate_annotations
from annotator.paths import corpora_root
from annotator.storage import ProjectStore
from annotator.ui import text_view as text_view_module
from annotator.ui.labelling import LabelController
from annotator.ui.main_window import MainWindow
from annotator.ui.models import AnnotationListModel
from annotator.ui.panels import AttributionsPanel, EventsPanel, Inspector
from annotator.ui.suggestions_ui import SuggestionsController
from annotator.ui.text_view import DEFAULT_POINT_SIZE, AnnotationTextView
from annotator.ui.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
SEED = "aleppo-2020-02-02.txt"
ANNOTATOR = "bench"
OPEN_RATIO_TARGET = 3.0
FRAME_MS = 16.0
STAMP = "2026-05-01T09:00:00+00:00"
VIEW_SIZE = (1000, 800)
WINDOW_SIZE = (1400, 900)

ENTITY_LABELS = {"GPE": 25, "PER": 20, "ORG": 20, "LOC": 10, "TIME": 10, "FAC": 5,
                 "JOB-TITLE": 3, "WEA": 3, "VEH": 2, "MONEY": 1, "CRIME": 0.5, "SENTENCE": 0.5}
OUTER_LABELS = {"ORG": 5, "FAC": 3, "PER": 2}  # an outer mention holding a nested one
INNER_LABELS = {"GPE": 5, "LOC": 2, "PER": 3}
EVENT_LABELS = {"Conflict.Attack": 40, "Movement.Transport": 15, "Life.Die": 15,
                "Life.Injure": 10, "Contact.Meet": 10, "Justice.Arrest-Jail": 10}
ITEM_KINDS = {"entity": 70, "nested": 8, "trigger": 12, "attribution": 5}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


# --- the article and its labels -------------------------------------------------------
def build_text(chars: int) -> str:
    raw = (corpora_root() / SEED).read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in raw.split("\n") if p.strip()]
    pieces: list[str] = []
    total, turn = 0, 0
    while total < chars:
        shift = (turn * 7) % len(paragraphs)  # every repeat in another order
        for paragraph in paragraphs[shift:] + paragraphs[:shift]:
            pieces.append(paragraph)
            total += len(paragraph) + 2
        turn += 1
    text = "\n\n".join(pieces)[:chars]
    return text.rstrip() + " " * (chars - len(text.rstrip()))  # exactly ``chars`` long


def words_of(text: str) -> list[tuple[int, int]]:
    """Runs of word characters, as ``snap_to_words`` would select them."""
    words, start = [], None
    for i, char in enumerate(text):
        if is_word_char(char):
            if start is None:
                start = i
        elif start is not None:
            words.append((start, i))
            start = None
    if start is not None:
        words.append((start, len(text)))
    return words


class SpanMaker:
    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.events: list[Event] = []
        self.attributions: list[Attribution] = []

    def span(self, start: int, end: int, label: str, rng: random.Random, layer: str) -> Span:
        attributes = {"mention": rng.choice(["NAM", "NAM", "NOM", "PRO"])} if layer == "entity" and rng.random() < 0.5 else {}
        span = Span(f"T{len(self.spans) + 1}", start, end, label, attributes, STAMP, STAMP)
        self.spans.append(span)
        return span


def build_annotations(text: str, document_id: str, total: int, schema: Schema,
                      seed: int) -> tuple[Annotations, list[tuple[int, int]]]:
    """``total`` spans over the whole text; also the words left unlabelled."""
    rng = random.Random(seed)
    words = words_of(text)
    maker = SpanMaker()
    covered: set[int] = set()  # word indexes under any span
    # roughly, with the mix above; the gap before each item is recomputed from what is
    # left, so the spans reach the end of the text whatever these guesses are
    spans_per_item, words_per_item = 1.27, 1.47
    entity_nearby: list[Span] = []  # recent entities, for arguments and sources
    i = 0
    while len(maker.spans) < total:
        left = total - len(maker.spans)
        if i >= len(words):
            raise SystemExit(f"the text is too short for {total} spans ({len(maker.spans)} made)")
        items_left = left / spans_per_item
        spare = (len(words) - i) - items_left * words_per_item
        mean_gap = max(0.0, spare / max(1.0, items_left))
        i += rng.randint(0, max(0, round(2 * mean_gap)))
        if i >= len(words):
            i = len(words) - 1
        kind = pick(rng, ITEM_KINDS)
        same_paragraph = lambda a, b: b < len(words) and "\n" not in text[words[a][0]:words[b][1]]
        if kind == "nested" and left >= 2 and same_paragraph(i, i + 2):
            width = rng.choice([2, 3]) if same_paragraph(i, i + 3) else 2
            outer = maker.span(words[i][0], words[i + width - 1][1], pick(rng, OUTER_LABELS), rng, "entity")
            inner_at = i + rng.randrange(width)
            inner = maker.span(words[inner_at][0], words[inner_at][1], pick(rng, INNER_LABELS), rng, "entity")
            entity_nearby += [outer, inner]
            covered.update(range(i, i + width))
            i += width
        elif kind == "trigger":
            trigger = maker.span(*words[i], pick(rng, EVENT_LABELS), rng, "event")
            arguments = []
            roles = schema.roles_of(trigger.label)
            for candidate in reversed(entity_nearby[-6:]):
                role = next((r for r, fill in roles.items() if candidate.label in fill
                             and r not in {a.role for a in arguments}), None)
                if role is not None and len(arguments) < 2:
                    arguments.append(Argument(role, candidate.id))
            maker.events.append(Event(f"E{len(maker.events) + 1}", trigger.label, trigger.id, tuple(arguments),
                                      {"polarity": "Positive", "tense": "Past"} if rng.random() < 0.5 else {}))
            covered.add(i)
            i += 1
        elif kind == "attribution" and left >= 3 and same_paragraph(i, i + 5):
            length = 4
            while length < 10 and same_paragraph(i, i + length + 1):
                length += 1
                if rng.random() < 0.25:
                    break
            cue = maker.span(*words[i], "CUE", rng, "attribution")
            content = maker.span(words[i + 1][0], words[i + length][1], "CONTENT", rng, "attribution")
            covered.update(range(i, i + length + 1))
            for j in range(i + 1, i + length + 1):  # entities inside the quoted content
                if len(maker.spans) < total and rng.random() < 0.2:
                    entity_nearby.append(maker.span(*words[j], pick(rng, ENTITY_LABELS), rng, "entity"))
            source = next((s.id for s in reversed(entity_nearby[-3:]) if s.label in ("PER", "ORG")), None)
            maker.attributions.append(Attribution(f"A{len(maker.attributions) + 1}", source, cue.id, content.id,
                                                  {"quote": rng.choice(["direct", "indirect"])}))
            i += length + 1
        else:
            entity_nearby.append(maker.span(*words[i], pick(rng, ENTITY_LABELS), rng, "entity"))
            covered.add(i)
            i += 1
        entity_nearby = entity_nearby[-8:]
    annotations = Annotations(document_id, ANNOTATOR, Status.IN_PROGRESS,
                              maker.spans, maker.events, maker.attributions)
    free = [w for k, w in enumerate(words) if k not in covered and w[1] - w[0] >= 3]
    return annotations, free


def spread(items: list, count: int, phase: float) -> list:
    step = len(items) / max(1, count)
    return [items[int((k + phase) * step)] for k in range(count)]


def span_mix(annotations: Annotations, schema: Schema, text: str) -> str:
    kinds: dict[str, int] = {}
    for span in annotations.spans:
        kind = span.label if span.label in ("CUE", "CONTENT", "SOURCE") else schema.layer_of(span.label) or "?"
        kinds[kind] = kinds.get(kind, 0) + 1
    entities = sorted((s for s in annotations.spans if schema.layer_of(s.label) == "entity"),
                      key=lambda s: (s.start, -s.end))
    nested = sum(1 for a, b in itertools.pairwise(entities) if b.start < a.end)
    last = max(s.end for s in annotations.spans)
    names = {"entity": "entities", "event": "triggers"}
    return (f"{len(annotations.spans):,} spans ({', '.join(f'{n:,} {names.get(k, k)}' for k, n in kinds.items())}; "
            f"{nested} entities nested in another), {len(annotations.events):,} events "
            f"({sum(len(e.arguments) for e in annotations.events):,} arguments), "
            f"{len(annotations.attributions):,} attributions; the last span ends at {last:,} of {len(text):,}")


# --- timing pieces ------------------------------------------------------------------
class Clock:
    """Inclusive time of wrapped functions, keyed by the chain of wrapped callers."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.seconds: dict[tuple[str, ...], float] = {}
        self.calls: dict[tuple[str, ...], int] = {}
        self.order: dict[tuple[str, ...], None] = {}
        self.enabled = True

    def wrap(self, owner: Any, attribute: str, name: str) -> None:
        original = getattr(owner, attribute)
        clock = self

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if not clock.enabled:
                return original(*args, **kwargs)
            with clock.section(name):
                return original(*args, **kwargs)

        setattr(owner, attribute, timed)

    @contextlib.contextmanager
    def section(self, name: str) -> Iterator[None]:
        if not self.enabled:
            yield
            return
        self.stack.append(name)
        path = tuple(self.stack)
        self.order.setdefault(path, None)
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[path] = self.seconds.get(path, 0.0) + time.perf_counter() - start
            self.calls[path] = self.calls.get(path, 0) + 1
            self.stack.pop()

    def take(self) -> dict[tuple[str, ...], tuple[float, int]]:
        taken = {p: (s, self.calls[p]) for p, s in self.seconds.items()}
        self.seconds.clear()
        self.calls.clear()
        return taken


CLOCK = Clock()


class GcClock:
    """Time spent in Python's garbage collector (it runs inside whatever allocates)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.collections = 0
        self._start = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._start
            self.collections += info.get("generation", 0) == 2

    def take(self) -> tuple[float, int]:
        taken = self.seconds, self.collections
        self.seconds, self.collections = 0.0, 0
        return taken


GC = GcClock()


def quiet_qt_messages() -> None:
    """The offscreen platform warns about size hints on every dock; keep the rest."""
    def handler(mode, context, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


# (owner, attribute, name shown); installed before any widget exists, so Qt's virtual
# overrides (paintEvent, QUndoCommand.redo/undo) and the slots connected in
# MainWindow.__init__ go through the wrappers too.
WRAPPED = [
    (LabelController, "apply_label", "LabelController.apply_label"),
    (commands.Editor, "add_span", "Editor.add_span  [core command build + validation]"),
    (commands.Editor, "current", "Editor.current  [SQLite read of all annotations]"),
    (ProjectStore, "annotations", "ProjectStore.annotations"),
    (ProjectStore, "document", "ProjectStore.document  [SQLite read of the 100k text]"),
    (commands, "validate_change", "validate_change  [the edit's items]"),
    (Session, "_run", "Session._run  [do + in-memory copy]"),
    (AnnotationListModel, "update_spans", "AnnotationListModel.update_spans  [row by row]"),
    (Workspace, "push", "Workspace.push  [session + QUndoStack mirror]"),
    (Workspace, "_move", "Workspace._move  [undo/redo]"),
    (commands.EditCommand, "do", "EditCommand.do  [SQLite write]"),
    (commands.EditCommand, "undo", "EditCommand.undo  [SQLite write]"),
    (Session, "_reload", "Session._reload"),
    (Workspace, "_refresh_current", "Workspace._refresh_current"),
    (Workspace, "set_current", "Workspace.set_current"),
    (MainWindow, "_annotations_changed", "MainWindow._annotations_changed"),
    (AnnotationTextView, "update_annotations", "view.update_annotations  [re-format]"),
    (MainWindow, "_panels_from_annotations", "MainWindow._panels_from_annotations  [panels]"),
    (AnnotationListModel, "set_spans", "AnnotationListModel.set_spans  [+ sorting proxy]"),
    (EventsPanel, "show_events", "EventsPanel.show_events"),
    (AttributionsPanel, "show_attributions", "AttributionsPanel.show_attributions"),
    (MainWindow, "_update_status", "MainWindow._update_status"),
    (MainWindow, "_current_changed", "MainWindow._current_changed"),
    (AnnotationTextView, "outline", "view.outline"),
    (Inspector, "show_item", "Inspector.show_item"),
    (MainWindow, "refresh_documents", "MainWindow.refresh_documents  [a reload]"),
    (AnnotationTextView, "clear_selection", "view.clear_selection"),
    (AnnotationTextView, "show_document", "view.show_document"),
    (AnnotationTextView, "_set_block_layout", "view._set_block_layout"),
    (AnnotationTextView, "_format_range", "view._format_range"),
    (text_view_module, "segments", "highlight.segments"),
    (AnnotationTextView, "paintEvent", "view.paintEvent"),
    (AnnotationTextView, "_paint_brackets", "view._paint_brackets  [CONTENT brackets]"),
    (AnnotationTextView, "_paint_suggestions", "view._paint_suggestions  [dashed suggestions]"),
    (SuggestionsController, "learn", "SuggestionsController.learn  [rules from the new label]"),
    (SuggestionsController, "refresh", "SuggestionsController.refresh  [what to show]"),
]


def install_clock() -> None:
    for owner, attribute, name in WRAPPED:
        if hasattr(owner, attribute):  # the code moves on; time what exists
            CLOCK.wrap(owner, attribute, name)


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def ms_summary(values: list[float]) -> str:
    return f"median {median_ms(values):.2f} ms, max {max(values) * 1000:.2f} ms over {len(values)}"


def breakdown(samples: list[dict[tuple[str, ...], tuple[float, int]]], total_median_ms: float) -> list[str]:
    """One line per timed piece: median and max ms per gesture, calls per gesture."""
    lines = [(f"    {'piece (inclusive; indented = called inside)':<78}{'median ms':>10}"
              f"{'max ms':>9}{'% total':>9}{'calls':>7}")]
    index = {p: i for i, p in enumerate(CLOCK.order)}
    paths = sorted((p for p in CLOCK.order if any(p in s for s in samples)),
                   key=lambda p: [index.get(p[:k], -1) if p != GC_PATH else len(index)
                                  for k in range(1, len(p) + 1)])  # depth first, GC last
    for path in paths:
        values = [s.get(path, (0.0, 0))[0] for s in samples]
        calls = statistics.median([s.get(path, (0.0, 0))[1] for s in samples])
        med = median_ms(values)
        share = 100 * med / total_median_ms if total_median_ms else 0.0
        label = "  " * (len(path) - 1) + path[-1]
        lines.append(f"    {label:<78}{med:>10.2f}{max(values) * 1000:>9.2f}{share:>8.0f}%{calls:>7g}")
    return lines


def settle(app: QApplication, view: QTextEdit | None = None) -> None:
    app.processEvents()
    if view is not None:
        view.document().documentLayout().documentSize()  # finish any lazy layout
    app.processEvents()


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# --- 1 and 2: bare and open ---------------------------------------------------------
def plain_edit() -> QTextEdit:
    """A QTextEdit set up like AnnotationTextView, without any of its code."""
    from PySide6.QtCore import Qt

    edit = QTextEdit()
    edit.setReadOnly(True)
    edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    edit.document().setUndoRedoEnabled(False)
    edit.document().setDocumentMargin(18)
    edit.setFont(QFont(edit.font().family(), DEFAULT_POINT_SIZE))
    return edit


def time_views(app: QApplication, document: Document, annotations: Annotations, schema: Schema,
               runs: int) -> tuple[dict[str, list[float]], list[dict]]:
    empty = Annotations(document.id, ANNOTATOR)
    view = AnnotationTextView()
    view.resize(*VIEW_SIZE)
    view.show()
    plain = plain_edit()
    plain.resize(*VIEW_SIZE)
    plain.show()
    settle(app)

    def show(target: Callable[[], None], widget: QTextEdit) -> tuple[float, float]:
        settle(app, widget)
        start = time.perf_counter()
        target()
        widget.grab()  # a forced paint of the first screen
        painted = time.perf_counter()
        widget.document().documentLayout().documentSize()  # the rest of the lazy layout
        return painted - start, time.perf_counter() - start

    def plain_show() -> None:
        plain.setPlainText(document.text)
        AnnotationTextView._set_block_layout(plain, plain.document())  # the same block layout code

    times: dict[str, list[float]] = {k: [] for k in ("bare", "open", "plain", "bare_full", "open_full", "plain_full")}
    open_samples = []
    for run in range(runs + 1):  # the first round warms up (fonts, shaping caches)
        bare = show(lambda: view.show_document(document, empty, schema), view)
        CLOCK.take()
        opened = show(lambda: view.show_document(document, annotations, schema), view)
        sample = CLOCK.take()
        plain_times = show(plain_show, plain)
        if run == 0:
            continue
        open_samples.append(sample)
        for key, (paint, full) in (("bare", bare), ("open", opened), ("plain", plain_times)):
            times[key].append(paint)
            times[key + "_full"].append(full)
        log(f"  run {run}: bare {bare[0] * 1000:.1f} ms, open {opened[0] * 1000:.1f} ms, "
            f"plain QTextEdit {plain_times[0] * 1000:.1f} ms")
    view.close()
    plain.close()
    view.deleteLater()
    plain.deleteLater()
    settle(app)
    return times, open_samples


def traced_open(app: QApplication, document: Document, annotations: Annotations, schema: Schema) -> tuple[float, float]:
    """tracemalloc peak (MiB) of one show_document + paint, and how long it took traced."""
    view = AnnotationTextView()
    view.resize(*VIEW_SIZE)
    view.show()
    settle(app)
    CLOCK.enabled = False
    tracemalloc.start()
    start = time.perf_counter()
    view.show_document(document, annotations, schema)
    view.grab()
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    CLOCK.enabled = True
    view.close()
    view.deleteLater()
    settle(app)
    return peak / 2**20, seconds


# --- 3: the hotkey through the window -----------------------------------------------
def make_project(path: Path, schema: Schema, document: Document, annotations: Annotations) -> None:
    """The article to label, and a done copy of it under another id: what the learned
    recommender trains on while the label hotkey is timed (section 3)."""
    store = ProjectStore.create(path, schema)
    store.add_document(document)
    store.replace_annotations(annotations)
    done = Document(f"{document.id}-done", document.text + "\n", {"title": "done copy"})
    store.add_document(done)
    store.replace_annotations(Annotations(done.id, annotations.annotator, Status.DONE, annotations.spans,
                                          annotations.events, annotations.attributions))
    store.close()


def label_while_training(app: QApplication, window, words: list[tuple[int, int]]) -> tuple[list[float], float]:
    """Label hotkeys (key O + repaint) while the learned recommender trains on the done
    copy in the background (Annotate > Train suggestions now): their times, and the
    training's own seconds."""
    trainer = window.model_suggestions
    started = time.perf_counter()
    trainer.train_now()
    times = []
    for start, end in words:
        if not trainer.running():
            break
        window.view.select_offsets(start, end)
        frame(app, window)
        to_view, _ = gesture(app, window, lambda: QTest.keyClick(window.view, Qt.Key.Key_O))
        times.append(to_view)
    while trainer.running():
        app.processEvents()
        time.sleep(0.01)
    return times, time.perf_counter() - started


def isolate_settings(folder: Path) -> None:
    QCoreApplication.setOrganizationName("AnnotatorBench")
    QCoreApplication.setApplicationName("annotator-bench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().clear()
    QSettings().setValue("annotator/name", ANNOTATOR)


def background_slices(app: QApplication, window) -> str:
    """Let the rest of the text be formatted (slices between events) and time each
    slice: a key pressed meanwhile waits for at most one."""
    view = window.view
    times = []
    original = view._format_next_slice

    def timed_slice() -> None:
        start = time.perf_counter()
        original()
        times.append(time.perf_counter() - start)

    view._slices.timeout.disconnect()
    view._slices.timeout.connect(timed_slice)
    start = time.perf_counter()
    while view._pending < len(view.text):
        app.processEvents()
    total = time.perf_counter() - start
    view._slices.timeout.disconnect()
    view._slices.timeout.connect(original)
    if not times:
        return "none (the first screen held it all)"
    return (f"{len(times)} slices, median {median_ms(times):.1f} ms, max {max(times) * 1000:.1f} ms each; "
            f"all done {total * 1000:.0f} ms after the first frame")


def scroll_paints(app: QApplication, window) -> list[float]:
    """Seconds to scroll one page and repaint, from the top of the text to its end."""
    bar = window.view.verticalScrollBar()
    bar.setValue(0)
    frame(app, window)
    times = []
    while True:
        start = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        window.view.viewport().repaint()
        times.append(time.perf_counter() - start)
        app.processEvents()
        if bar.value() >= bar.maximum():
            return times


def frame(app: QApplication, window) -> None:
    window.view.viewport().repaint()
    app.processEvents()


def gesture(app: QApplication, window, action: Callable[[], None]) -> tuple[float, float]:
    """Seconds from the action to the repainted text view, and to the settled window
    (the side panels refresh after the text's paint, in the next pass of the loop)."""
    start = time.perf_counter()
    action()
    with CLOCK.section("view.viewport().repaint()"):
        window.view.viewport().repaint()
    painted = time.perf_counter()
    with CLOCK.section("QApplication.processEvents()  [side panels follow, their paint]"):
        app.processEvents()
    return painted - start, time.perf_counter() - start


GC_PATH = ("(Python garbage collection: time spent inside the rows above)",)


def take_sample() -> dict[tuple[str, ...], tuple[float, int]]:
    sample = CLOCK.take()
    seconds, full = GC.take()
    CLOCK.order.setdefault(GC_PATH, None)
    sample[GC_PATH] = (seconds, full)  # "calls" here: full (generation 2) collections
    return sample


def label_and_undo(app: QApplication, window, words: list[tuple[int, int]]) -> dict[str, Any]:
    ws = window.workspace
    before = len(ws.annotations.spans)
    results: dict[str, Any] = {kind + part: [] for kind in ("label", "undo") for part in ("", "_settled", "_samples")}

    def timed(kind: str, action: Callable[[], None]) -> None:
        take_sample()
        to_view, settled = gesture(app, window, action)
        results[kind].append(to_view)
        results[kind + "_settled"].append(settled)
        results[kind + "_samples"].append(take_sample())

    window.activateWindow()  # shortcuts need an active window (offscreen has no manager)
    window.view.setFocus()
    app.processEvents()
    for start, end in words:
        window.view.select_offsets(start, end)
        frame(app, window)
        timed("label", lambda: QTest.keyClick(window.view, Qt.Key.Key_O))  # ORG's hotkey
        if not any((s.start, s.end, s.label) == (start, end, "ORG") for s in ws.annotations.spans):
            raise SystemExit(f"the O key did not make ORG {start}-{end}: {window.statusBar().currentMessage()}")
    if len(ws.annotations.spans) != before + len(words):
        raise SystemExit("labels went missing")
    for _ in words:
        frame(app, window)
        timed("undo", ws.undo)
    if len(ws.annotations.spans) != before:
        raise SystemExit(f"undo left {len(ws.annotations.spans)} spans, expected {before}")
    return results


def link_arguments(app: QApplication, window, count: int) -> dict[str, list[float]]:
    """With an event selected (its role tags and arcs drawn), Ctrl+click an entity on
    screen and take the first role its menu offers: seconds from the menu entry to the
    repainted text view, which then draws the new tag and arc; then the same after
    selecting the event alone (a click on its trigger). Each argument is undone."""
    from PySide6.QtCore import QPoint

    from annotator.core.structure import nearest_first

    ws, view, controller = window.workspace, window.view, window.controller
    results: dict[str, list[float]] = {"select": [], "link": [], "tags": []}
    events = [e for e in ws.annotations.events if e.arguments]
    for event in spread(events, min(count, len(events)), 0.3):
        trigger = ws.annotations.span(event.trigger)
        view.select_offsets(trigger.start, trigger.end)
        view.clear_selection()
        frame(app, window)
        to_view, _ = gesture(app, window, lambda event=event: ws.set_current(event))
        results["select"].append(to_view)
        nearby = [s for s in nearest_first(ws.annotations.spans, trigger)[:40]
                  if ws.schema.layer_of(s.label) == "entity" and s.id not in event.span_ids()]
        for span in nearby:
            controller.link_span(span.id, QPoint(0, 0))
            menu = getattr(controller, "link_menu", None)
            if menu is not None and menu.isVisible() and menu.actions():
                menu.hide()
                to_view, _ = gesture(app, window, menu.actions()[0].trigger)
                results["link"].append(to_view)
                results["tags"].append(len(view.drawn_tags))
                ws.undo()
                break
    return results


def profile_labels(app: QApplication, window, words: list[tuple[int, int]]) -> list[str]:
    """cProfile of label gestures (with their repaint): the functions that cost most."""
    CLOCK.enabled = False
    profiler = cProfile.Profile()
    for start, end in words:
        window.view.select_offsets(start, end)
        frame(app, window)
        profiler.enable()
        gesture(app, window, lambda: window.controller.apply_label("ORG"))
        profiler.disable()
    for _ in words:
        window.workspace.undo()
    frame(app, window)
    CLOCK.enabled = True
    stats = pstats.Stats(profiler)
    rows = []
    for (file, line, function), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if function == "timed" and file == __file__:
            continue
        rows.append((own, cumulative, calls, _where(file, line, function)))
    n = len(words)
    lines = [f"    by own time (ms per gesture, {n} gestures):",
             f"      {'own':>7}{'cumul.':>9}{'calls':>8}  function"]
    for own, cumulative, calls, where in sorted(rows, reverse=True)[:18]:
        lines.append(f"      {own * 1000 / n:>7.2f}{cumulative * 1000 / n:>9.2f}{calls / n:>8.0f}  {where}")
    lines += ["    by cumulative time (project code only):", f"      {'own':>7}{'cumul.':>9}{'calls':>8}  function"]
    ours = [r for r in rows if r[3].startswith("annotator/")]
    for own, cumulative, calls, where in sorted(ours, key=lambda r: r[1], reverse=True)[:22]:
        lines.append(f"      {own * 1000 / n:>7.2f}{cumulative * 1000 / n:>9.2f}{calls / n:>8.0f}  {where}")
    return lines


def _where(file: str, line: int, function: str) -> str:
    if file == "~":
        return function  # a built-in: Qt and C calls show here
    path = Path(file)
    with contextlib.suppress(ValueError):
        return f"{path.resolve().relative_to(REPO)}:{line} {function}"
    if "site-packages" in path.parts:
        index = path.parts.index("site-packages")
        return f"{'/'.join(path.parts[index + 1:])}:{line} {function}"
    return f"{path.name}:{line} {function}"


# --- report ---------------------------------------------------------------------------
def machine(app: QApplication) -> list[str]:
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    font = QFontInfo(QFont(QApplication.font().family(), DEFAULT_POINT_SIZE))
    return [
        f"machine  {platform.platform()}, {os.cpu_count()} CPUs{' (' + cpu + ')' if cpu else ''}",
        (f"python   {platform.python_implementation()} {platform.python_version()}, "
         f"PySide6 {PySide6.__version__} (Qt {qVersion()}), platform {QApplication.platformName()}, "
         f"font {font.family()} {DEFAULT_POINT_SIZE} pt"),
    ]


def verdict(name: str, value: float, unit: str, target: float) -> str:
    result = "PASS" if value <= target else "MISS"
    return f"  {name:<52}{value:>10.2f} {unit:<3}{'<= ' + format(target, 'g') + ' ' + unit:>14}{result:>7}"


def summary(samples: list[dict], totals: list[float], pieces: list[tuple[str, Callable[[tuple[str, ...]], bool]]]) -> list[str]:
    """The pieces the brief names, each the median over gestures of the matching paths."""
    lines = []
    accounted = []
    for name, matches in pieces:
        per = [sum(s for p, (s, _) in sample.items() if matches(p)) for sample in samples]
        accounted.append(per)
        lines.append(f"    {name:<62}{median_ms(per):>9.2f} ms{max(per) * 1000:>9.2f} max")
    rest = [t - sum(parts) for t, *parts in zip(totals, *accounted)]
    lines.append(f"    {'everything else (Qt undo stack, signals, selection, ...)':<62}{median_ms(rest):>9.2f} ms")
    lines.append(f"    {'total (median of gestures)':<62}{median_ms(totals):>9.2f} ms")
    return lines


def _under(parent: str, name: str) -> Callable[[tuple[str, ...]], bool]:
    """Paths ending in ``name`` with ``parent`` somewhere above them."""
    return lambda p: p[-1].startswith(name) and any(q.startswith(parent) for q in p[:-1])


def _top(name: str) -> Callable[[tuple[str, ...]], bool]:
    """Outermost occurrences of ``name``."""
    return lambda p: p[-1].startswith(name) and not any(q.startswith(name) for q in p[:-1])


# the pieces after the write, the same for a label and an undo
AFTER_WRITE = [
    ("view re-format (view.update_annotations)", _top("view.update_annotations")),
    ("panels refresh (_panels_from_annotations, refresh_documents,", lambda p: p[-1].startswith((
        "MainWindow._panels_from_annotations", "MainWindow.refresh_documents"))),
    ("  and the selection handler _current_changed)", _top("MainWindow._current_changed")),
    ("forced repaint of the text (viewport().repaint())", _top("view.viewport().repaint()")),
    ("side panels after the text's paint (processEvents)", _top("QApplication.processEvents()")),
]
LABEL_PIECES = [
    ("core command build + validation (Editor.add_span)", _top("Editor.add_span")),
    ("SQLite write (EditCommand.do)", _top("EditCommand.do")),
    ("reload of annotations after the write (Session._reload)", _under("Session._reload", "ProjectStore.annotations")),
    *AFTER_WRITE,
]
UNDO_PIECES = [
    ("SQLite write (EditCommand.undo)", _top("EditCommand.undo")),
    ("reload of annotations (Session._reload)", _under("Session._reload", "ProjectStore.annotations")),
    *AFTER_WRITE,
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of bare and open (median)")
    parser.add_argument("--words", type=int, default=30, help="words labelled (and undone) through the window")
    parser.add_argument("--profile-words", type=int, default=10, help="more label gestures under cProfile")
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument("--spans", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args(argv)

    install_clock()
    quiet_qt_messages()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    schema = load_schema()
    rss_start = rss_mib()

    log("building the article and its labels…")
    text = build_text(args.chars)
    document = Document("bench-long", text, {"title": "Long article (benchmark)"})
    annotations, free = build_annotations(text, document.id, args.spans, schema, args.seed)
    validate_annotations(document, annotations, schema)
    needed = args.words + args.profile_words
    if len(free) < needed:
        raise SystemExit(f"only {len(free)} unlabelled words; asked for {needed}")
    label_words = spread(free, args.words, 0.5)  # words far apart, all over the text
    profile_words = [w for w in spread(free, args.profile_words, 0.2) if w not in label_words]

    with tempfile.TemporaryDirectory(prefix="annotator-bench-view-") as tmp:
        tmp_path = Path(tmp)
        isolate_settings(tmp_path / "settings")

        log(f"bare and open, {args.runs} runs after a warm-up…")
        times, open_samples = time_views(app, document, annotations, schema, args.runs)
        rss_views = rss_mib()
        log("tracemalloc of one open…")
        traced_peak, traced_seconds = traced_open(app, document, annotations, schema)

        log("the window: project file, open_window…")
        project = tmp_path / "bench.sqlite"
        make_project(project, schema, document, annotations)
        from annotator.ui.app import open_window

        rss_before_window = rss_mib()
        start = time.perf_counter()
        window = open_window(project, ANNOTATOR)
        window.resize(*WINDOW_SIZE)
        window.show()
        frame(app, window)
        window_open = time.perf_counter() - start
        rss_window = rss_mib()
        slices = background_slices(app, window)
        CLOCK.take()
        log(f"  open_window + first frame {window_open * 1000:.0f} ms; labelling {len(label_words)} words…")
        results = label_and_undo(app, window, label_words)
        scrolling = scroll_paints(app, window)
        log("adding event arguments by Ctrl+click, roles drawn…")
        links = link_arguments(app, window, args.words)
        log("labelling while the learned recommender trains…")
        training_words = [w for w in spread(free, args.words + args.profile_words + 30, 0.7)
                          if w not in label_words and w not in profile_words]
        while_training, training_seconds = label_while_training(app, window, training_words)
        log(f"profiling {len(profile_words)} more label gestures…")
        profile = profile_labels(app, window, profile_words)
        rss_end = rss_mib()
        window.close()
        settle(app)
        log("tracemalloc of a second open_window…")
        CLOCK.enabled = False
        tracemalloc.start()
        start = time.perf_counter()
        again = open_window(project, ANNOTATOR)
        again.resize(*WINDOW_SIZE)
        again.show()
        frame(app, again)
        window_traced_seconds = time.perf_counter() - start
        _, window_traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        again.close()
        settle(app)

    bare, opened, plain = (median_ms(times[k]) for k in ("bare", "open", "plain"))
    ratio = opened / bare
    label_ms, undo_ms = [t * 1000 for t in results["label"]], [t * 1000 for t in results["undo"]]
    label_all, undo_all = ([t * 1000 for t in results[k + "_settled"]] for k in ("label", "undo"))

    out = [*machine(app)]
    out.append(f"article  {len(text):,} characters ({SEED} paragraphs, rotated on each repeat), "
               f"{len(text.split()):,} words")
    out.append(f"labels   {span_mix(annotations, schema, text)}")
    out.append("")
    out.append(f"1-2. show the article, paint the first screen (grab()), median of {args.runs} runs; "
               f"'+ full layout' adds Qt's lazy layout of the rest")
    out.append(f"  {'':<52}{'ms':>10}{'+ full layout':>18}")
    out.append(f"  {'bare: AnnotationTextView, no labels':<52}{bare:>10.2f}{median_ms(times['bare_full']):>18.2f}")
    out.append(f"  {'bare: plain QTextEdit, same setup (reference)':<52}{plain:>10.2f}{median_ms(times['plain_full']):>18.2f}")
    open_name = f"open: show_document with {len(annotations.spans)} spans"
    out.append(f"  {open_name:<52}{opened:>10.2f}"
               f"{median_ms(times['open_full']):>18.2f}")
    out.append("  where open's time goes (median of runs):")
    out += breakdown(open_samples, opened)
    out.append("")
    out.append(f"3. label hotkey through the window: key O (ORG) + viewport().repaint() + processEvents(), "
               f"{len(label_ms)} words; undo the same way")
    out.append(f"  open_window with this project + first frame: {window_open * 1000:.0f} ms (once)")
    out.append(f"  background formatting of the text after the first screen: {slices}")
    out.append(f"  scrolling: a page down and repaint, {len(scrolling)} screens from the top to the end "
               f"(suggestions drawn on each): median {median_ms(scrolling):.2f} ms, max {max(scrolling) * 1000:.2f} ms")
    out.append("  to the repainted text view (the key press or undo + viewport().repaint()):")
    out.append(f"    label: median {statistics.median(label_ms):.2f} ms, min {min(label_ms):.2f}, max {max(label_ms):.2f}")
    out.append(f"    undo:  median {statistics.median(undo_ms):.2f} ms, min {min(undo_ms):.2f}, max {max(undo_ms):.2f}")
    out.append("  to the settled window (+ processEvents(): the side panels follow the text's paint):")
    out.append(f"    label: median {statistics.median(label_all):.2f} ms, min {min(label_all):.2f}, max {max(label_all):.2f}")
    out.append(f"    undo:  median {statistics.median(undo_all):.2f} ms, min {min(undo_all):.2f}, max {max(undo_all):.2f}")
    out.append("  label, the pieces asked for (median ms per gesture):")
    out += summary(results["label_samples"], results["label_settled"], LABEL_PIECES)
    out.append("  label, every timed piece:")
    out += breakdown(results["label_samples"], statistics.median(label_all))
    out.append("  undo, the pieces (median ms per gesture):")
    out += summary(results["undo_samples"], results["undo_settled"], UNDO_PIECES)
    out.append("  undo, every timed piece:")
    out += breakdown(results["undo_samples"], statistics.median(undo_all))
    select_ms, link_ms = [t * 1000 for t in links["select"]], [t * 1000 for t in links["link"]]
    out.append(f"  an event selected (outline, role tags, arcs): median {median_ms(links['select']):.2f} ms, "
               f"max {max(select_ms):.2f} ms over {len(select_ms)} events")
    out.append(f"  Ctrl+click -> role -> argument added, repainted with its tags: median {median_ms(links['link']):.2f} ms, "
               f"max {max(link_ms):.2f} ms over {len(link_ms)} ({statistics.median(links['tags']):.0f} tags drawn, median)")
    if while_training:
        out.append(f"  label hotkey while the recommender trains ({training_seconds:.1f} s of training): "
                   f"{ms_summary(while_training)}")
    else:
        out.append(f"  (the recommender trained in {training_seconds:.1f} s, before a label could be timed)")
    out.append("  cProfile of the label gesture with its repaint:")
    out += profile
    out.append("")
    out.append("4. memory (peak resident set, ru_maxrss)")
    out.append(f"  after start-up (Qt, schema, no document)          {rss_start:>8.1f} MiB")
    out.append(f"  after the bare/open runs (standalone views)       {rss_views:>8.1f} MiB")
    out.append(f"  before open_window                                {rss_before_window:>8.1f} MiB")
    out.append(f"  after open_window + first frame                   {rss_window:>8.1f} MiB")
    out.append(f"  after the label/undo gestures                     {rss_end:>8.1f} MiB")
    out.append(f"  tracemalloc peak of Python allocations in one show_document + paint: {traced_peak:.1f} MiB "
               f"(that run took {traced_seconds * 1000:.0f} ms traced)")
    out.append(f"  tracemalloc peak of Python allocations in open_window + first frame: {window_traced_peak / 2**20:.1f} MiB "
               f"(that run took {window_traced_seconds * 1000:.0f} ms traced)")
    out.append("")
    out.append(f"  {'result':<52}{'value':>14}{'target':>14}{'':>7}")
    out.append(verdict("open / bare", ratio, "x", OPEN_RATIO_TARGET))
    out.append(verdict("label hotkey -> repainted text view, median", statistics.median(label_ms), "ms", FRAME_MS))
    out.append(verdict("label hotkey -> repainted text view, max", max(label_ms), "ms", FRAME_MS))
    out.append(verdict("undo -> repainted text view, median", statistics.median(undo_ms), "ms", FRAME_MS))
    out.append(verdict("undo -> repainted text view, max", max(undo_ms), "ms", FRAME_MS))
    out.append(verdict("event selected -> roles and arcs repainted, median", median_ms(links["select"]), "ms", FRAME_MS))
    out.append(verdict("argument added -> roles and arcs repainted, median", median_ms(links["link"]), "ms", FRAME_MS))
    if while_training:
        out.append(verdict("label hotkey while training -> repaint, median", median_ms(while_training), "ms",
                           FRAME_MS))
    out.append(f"  {'(label hotkey -> settled window, panels included, median)':<52}"
               f"{statistics.median(label_all):>10.2f} ms   (no target: the panels follow a frame later)")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
