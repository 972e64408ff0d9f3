"""The labelling gestures: select then press a hotkey, and everything that follows.

Each gesture builds core commands (validated before anything is written) and pushes
them on the workspace's undo stack; a gesture that makes several changes (a trigger
and its event) is one undo step, as a macro. Refused edits show their reason in the
status bar and change nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from ..core.commands import StepName, step
from ..core.model import Attribution, Event, Span, Status
from ..core.schema import attribution_part, part_label
from ..core.search import clitic_convention
from ..core.selection import next_word_boundary, snap_to_words
from ..core.structure import nearest_first, place_of
from ..errors import AnnotatorError
from .dialogs import PickSpanDialog, SpanChoice
from .i18n import ltr, tr
from .role_names import role_name
from .text_view import AnnotationTextView
from .workspace import Item, Workspace


class LabelController:
    def __init__(self, workspace: Workspace, view: AnnotationTextView, parent: QWidget,
                 report: Callable[[str], None]) -> None:
        self.workspace = workspace
        self.view = view
        self.parent = parent
        self.report = report
        self.exact_mode = False

    # --- making and changing spans ---------------------------------------------------
    def apply_label(self, label: str) -> None:
        if self.workspace.document is None:
            return
        selection = self._selection()
        current = self.workspace.current
        if selection is not None:
            self._guarded(lambda: self._new_span(label, *selection))
        elif isinstance(current, Span):
            self._guarded(lambda: self.workspace.push(self.workspace.editor().change_span(current.id, label=label)))
        else:
            self.report(tr("Select some text first, then press a label's key."))

    def _selection(self) -> tuple[int, int] | None:
        found = self.view.selection_offsets()
        if found is None:
            return None
        if self.exact_mode or self.view.exact_selection:
            return found
        return snap_to_words(self.view.text, *found, clitic_convention(self.workspace.store))

    def _new_span(self, label: str, start: int, end: int) -> None:
        workspace = self.workspace
        layer = workspace.schema.layer_of(label)
        command = workspace.editor().add_span(start, end, label)
        with workspace.macro(command.name):
            workspace.push(command)  # refused: no undo step and no follow-up
            self.view.clear_selection()
            # the stored items: an id taken meanwhile by another window was changed in do()
            chosen = command.added[0]
            try:
                follow_up = self._follow_up(layer, chosen)
                if follow_up is not None:
                    workspace.push(follow_up)
                    chosen = follow_up.added[0]
            finally:  # a refused follow-up leaves the saved span selected
                workspace.set_current(chosen)

    def _follow_up(self, layer: str | None, span: Span):
        """A trigger opens its event; a cue opens an attribution; a source or content
        made while an attribution is selected fills that attribution."""
        editor = self.workspace.editor()
        if layer == "event":
            return editor.add_event(span.id)
        part = attribution_part(span.label)
        if part == "cue":
            return editor.add_attribution(cue=span.id)
        if not part:
            return None
        attribution = self._current_attribution()
        if attribution is None:
            self.report(tr("The {label} span is attached to no attribution: select its attribution "
                           "(or its cue) first, or use Set source/Set content.").format(label=span.label))
            return None
        if getattr(attribution, part) is not None:
            self.report(tr("The {label} span is attached to no attribution: {attribution} already has "
                           "a {part}.").format(label=span.label, attribution=attribution.id, part=tr(part)))
            return None
        return editor.change_item(attribution, **{part: span.id})

    def _current_attribution(self) -> Attribution | None:
        """The selected attribution, or the one the selected span is a part of (a cue
        just marked, a source clicked in the text)."""
        current = self.workspace.current
        if isinstance(current, Attribution):
            return self._fresh(current)
        if isinstance(current, Span) and self.workspace.annotations is not None:
            return next((a for a in self.workspace.annotations.attributions if a.part_of(current.id)), None)
        return None

    def delete_current(self) -> None:
        current = self.workspace.current
        if current is None:
            return
        editor = self.workspace.editor()
        if isinstance(current, Span):
            self._guarded(lambda: self.workspace.push(editor.remove_span(current.id)))
        else:
            self._guarded(lambda: self.workspace.push(editor.remove_item(current)))
        self.workspace.set_current(None)

    def move_boundary(self, which: str, forward: bool, by_word: bool) -> None:
        span = self.workspace.current
        if not isinstance(span, Span):
            self.report(tr("Select a span (click it or press Tab) to move its boundaries."))
            return
        position = span.start if which == "start" else span.end
        if by_word:
            position = next_word_boundary(self.view.text, position, forward, which)
        else:
            position += 1 if forward else -1
        change = {which: position}
        self._guarded(lambda: self.workspace.push(self.workspace.editor().change_span(span.id, **change)))

    def set_attributes(self, item: Item, attributes: dict) -> None:
        editor = self.workspace.editor()
        if isinstance(item, Span):
            command = lambda: editor.change_span(item.id, attributes=attributes)  # noqa: E731
        else:
            command = lambda: editor.change_item(item, attributes=attributes)  # noqa: E731
        self._guarded(lambda: self.workspace.push(command()))

    def toggle_done(self) -> None:
        annotations = self.workspace.annotations
        if annotations is None:
            return
        status = Status.IN_PROGRESS if annotations.status is Status.DONE else Status.DONE
        self._guarded(lambda: self.workspace.push(self.workspace.editor().set_status(status)))

    # --- events and attributions -----------------------------------------------------
    def add_argument(self, event: Event | None = None) -> None:
        event = event or self.current_event()
        if event is None:
            self.report(tr("Select an event first (in the text or the Events panel)."))
            return
        roles = self.workspace.schema.roles_of(event.type)
        trigger = self.workspace.annotations.span(event.trigger)
        choices = {role: self._choices(fillers, exclude={event.trigger}, anchor=trigger)
                   for role, fillers in roles.items()}
        dialog = PickSpanDialog(tr("Argument of {event}").format(event=f"{event.id} {event.type}"), choices,
                                self.parent, role_names={role: role_name(role, self.workspace.schema) for role in roles})
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.choice() is None:
            return
        role, choice = dialog.choice()
        self._fill(choice, step("Add {role} argument", role=role),
                   lambda span_id: self.workspace.editor().set_argument(event.id, role, span_id))

    def set_attribution_part(self, part: str, attribution: Attribution | None = None) -> None:
        attribution = attribution or self._current_attribution()
        if attribution is None:
            self.report(tr("Select an attribution first (mark a cue, or pick one in the panel)."))
            return
        schema = self.workspace.schema
        fillers = [part_label("content")] if part == "content" else [
            part_label("source"), *[label.name for label in schema.labels_in("entity")]]
        name = tr(part.title())  # "Source", "Content": as the attributions panel says
        title = tr("{part} of {attribution}").format(part=name, attribution=attribution.id)
        cue = self.workspace.annotations.span(attribution.cue) if attribution.cue else None
        dialog = PickSpanDialog(title, {part: self._choices(fillers, anchor=cue)}, self.parent,
                                role_names={part: name})
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.choice() is None:
            return
        _, choice = dialog.choice()
        self._fill(choice, step("Set {part}", words=("part",), part=part),
                   lambda span_id: self.workspace.editor().change_item(
                       self._fresh(attribution), **{part: span_id}))

    def link_span(self, span_id: str, where: QPoint) -> None:
        """Ctrl+click on a span: offer the roles it can play in the selected event (or
        the parts in the selected attribution); the one chosen joins it, as one step."""
        annotations = self.workspace.annotations
        span = annotations.span(span_id) if annotations else None
        if span is None:
            return
        event, attribution = self.current_event(), self._current_attribution()
        if event is not None:
            slots = self._roles_for(event, span)
            make = lambda role: self.workspace.editor().set_argument(event.id, role, span.id)  # noqa: E731
        elif attribution is not None:
            slots = self._parts_for(attribution, span)
            make = lambda part: self.workspace.editor().change_item(  # noqa: E731
                self._fresh(attribution), **{part: span.id})
        else:
            self.report(tr("Select an event or an attribution first, then Ctrl+click a span to add it."))
            return
        if not slots:
            return
        self.link_menu = QMenu(self.parent)
        for slot, text in slots.items():
            self.link_menu.addAction(text, lambda slot=slot: self._guarded(
                lambda: self.workspace.push(make(slot))))
        self.link_menu.popup(where)

    def _roles_for(self, event: Event, span: Span) -> dict[str, str]:
        if span.id == event.trigger:
            self.report(tr("A trigger cannot be an argument of its own event."))
            return {}
        roles = self.workspace.schema.roles_of(event.type)
        taken = {(a.role, a.span) for a in event.arguments}
        fitting = {role: role_name(role, self.workspace.schema) for role, fillers in roles.items()
                   if (not fillers or span.label in fillers) and (role, span.id) not in taken}
        if not fitting:
            self.report(tr("A {label} span can play no other role in {event}.").format(
                label=span.label, event=event.type))
        return fitting

    def _parts_for(self, attribution: Attribution, span: Span) -> dict[str, str]:
        part = attribution_part(span.label)
        if part is None and self.workspace.schema.layer_of(span.label) == "entity":
            part = "source"  # a named speaker is the source itself
        if part is None or part == "cue" and attribution.cue == span.id:
            self.report(tr("A {label} span can play no part in an attribution.").format(label=span.label))
            return {}
        return {part: tr(part.title())}

    def remove_argument(self, event: Event, role: str, span_id: str) -> None:
        self._guarded(lambda: self.workspace.push(self.workspace.editor().remove_argument(event.id, role, span_id)))

    def _fresh(self, item: Item) -> Item | None:
        """The stored version of an item (after a change, the old object is stale)."""
        annotations = self.workspace.annotations
        pool = {Span: annotations.spans, Event: annotations.events,
                Attribution: annotations.attributions}[type(item)]
        return next((i for i in pool if i.id == item.id), item)

    def _choices(self, fillers: list[str], exclude: set[str] = frozenset(),
                 anchor: Span | None = None) -> list[SpanChoice]:
        """Existing spans that may fill the slot, nearest to ``anchor`` (the trigger or
        cue) first, each with its line and a few words around it (a name repeated in
        the article is told apart by where it is); then new spans from the selection."""
        annotations, text = self.workspace.annotations, self.view.text
        allowed = set(fillers) if fillers else None
        candidates = [s for s in annotations.spans
                      if s.id not in exclude and (allowed is None or s.label in allowed)]
        choices = [SpanChoice(_in_context(text, s), span_id=s.id) for s in nearest_first(candidates, anchor)]
        selection = self._selection()
        if selection is not None:
            snippet = " ".join(text[selection[0]:selection[1]].split())[:40]
            labels = fillers or [entity.name for entity in self.workspace.schema.labels_in("entity")]
            choices += [SpanChoice(tr("new {label} from the selection: {text}").format(label=label, text=snippet),
                                   new_label=label) for label in labels]
        return choices

    def _fill(self, choice: SpanChoice, name: StepName, make: Callable[[str], object]) -> None:
        workspace = self.workspace

        def run() -> None:
            with workspace.macro(name):
                span_id = choice.span_id
                if span_id is None:
                    command = workspace.editor().add_span(*self._selection(), choice.new_label)
                    workspace.push(command)
                    span_id = command.added[0].id
                workspace.push(make(span_id))

        self._guarded(run)

    def current_event(self) -> Event | None:
        current = self.workspace.current
        if isinstance(current, Event):
            return current
        if isinstance(current, Span) and self.workspace.annotations:
            return next((e for e in self.workspace.annotations.events if e.trigger == current.id), None)
        return None

    def _guarded(self, action: Callable[[], None]) -> None:
        try:
            action()
        except AnnotatorError as error:
            self.workspace.refused.emit(error)  # the window says why; nothing changed


def _in_context(text: str, span: Span) -> str:
    """«ORG: … استهداف «قوات النظام» في محور … — line 3»."""
    place = place_of(text, span.start, span.end)
    words = place.words if len(place.words) <= 40 else place.words[:39] + "…"
    return tr("{label}: …{before} «{words}» {after}… — line {line}").format(
        label=ltr(span.label), before=place.before, words=words, after=place.after, line=place.line)
