"""A selection starting on «لقوات…» offers «قوات…»: Ctrl+K takes it (under the
project's convention of labels without proclitics)."""

from __future__ import annotations

from PySide6.QtWidgets import QStatusBar

from ..core.search import clitic_convention
from ..core.selection import snap_to_words
from ..nlp.clitics import strip_proclitics
from .i18n import tr
from .text_view import AnnotationTextView
from .workspace import Workspace


class CliticOffer:
    def __init__(self, workspace: Workspace, view: AnnotationTextView, status_bar: QStatusBar) -> None:
        self.workspace, self.view, self.status_bar = workspace, view, status_bar
        self.place: tuple[int, int] | None = None
        self._hint: str | None = None  # the offer's line in the status bar
        view.selectionChanged.connect(self.offer)

    def offer(self) -> None:
        self.drop()
        found = self.view.selection_offsets()
        if found is None or clitic_convention(self.workspace.store) == "include":
            return
        text = self.view.text
        snapped = snap_to_words(text, *found) or found
        stripped = strip_proclitics(text, *snapped, "exclude")
        if stripped != snapped and stripped[0] < stripped[1]:
            self.place = stripped
            self._hint = tr("Ctrl+K: take «{text}» without «{clitic}»").format(
                text=text[stripped[0]:stripped[1]], clitic=text[snapped[0]:stripped[0]].strip("ـ"))
            self.status_bar.showMessage(self._hint, 6000)

    def drop(self) -> None:
        """Forget the offer, and its line in the status bar if still shown."""
        self.place = None
        hint, self._hint = self._hint, None
        if hint and self.status_bar.currentMessage() == hint:
            self.status_bar.clearMessage()

    def take(self) -> None:
        if self.place is not None:
            start, end = self.place
            self.view.select_offsets(start, end)
            self.view.exact_selection = True  # the offer is exact: do not snap it back
            self.place = None
