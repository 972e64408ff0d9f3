"""``python -m annotator.ui.screenshot OUT.png [ar] [--dialog agreement|stats] [--tab NAME]``:
the demo window, or one of its dialogs, drawn offscreen.

Used for the README's pictures, so they always show what the app really draws. The
dialogs need more than one annotator's work: for them, a scratch copy of the demo gets
two simulated annotators, copies of the demo's most labelled annotator with some
labels dropped and some changed, their labels dated over six weeks (the same every
run). The pictures say so in the README.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

SIMULATED = ("سلمى", "يوسف")  # the simulated annotators: Arabic names, as a team would have
FIRST_DAY = date(2025, 3, 2)
WORK_DAYS = 42
DIALOG_TABS = {"agreement": ("labels", "kappa", "confusion", "documents", "report"),
               "stats": ("labels", "progress", "status")}


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m annotator.ui.screenshot")
    parser.add_argument("out", type=Path)
    parser.add_argument("language", nargs="?", choices=("en", "ar"), default="en")
    parser.add_argument("--dialog", choices=tuple(DIALOG_TABS))
    parser.add_argument("--tab", help="agreement: labels, kappa, confusion, documents, report; "
                                      "stats: labels, progress, status")
    options = parser.parse_args(argv)
    if options.tab and (not options.dialog or options.tab not in DIALOG_TABS[options.dialog]):
        parser.error(f"--tab {options.tab}: not a tab of --dialog {options.dialog}")
    return options


def main(argv: list[str]) -> int:
    options = parse(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    scratch = Path(tempfile.mkdtemp())
    QCoreApplication.setOrganizationName("AnnotatorScreenshot")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    QSettings().setValue("ui/language", options.language)
    from . import app as ui_app

    ui_app.apply_ui_direction(app)
    ui_app.data_dir = lambda: scratch / "data"
    window = ui_app.open_window(None, "demo")
    window.resize(1500, 900)
    window.show()
    window.view.finish_formatting()
    app.processEvents()
    if options.dialog:
        shown = dialog_shot(window, options.dialog, options.tab)
    else:
        shown = window_shot(window)
    app.processEvents()
    shown.grab().save(str(options.out))
    print(f"wrote {options.out}")
    return 0


def window_shot(window: Any) -> Any:
    from PySide6.QtWidgets import QApplication

    event = window.workspace.annotations.events[0]
    window.workspace.set_current(event)  # show an event's parts outlined
    QApplication.processEvents()
    window.after_paint.flush()  # the panels follow the text's paint; show them now
    return window


def dialog_shot(window: Any, which: str, tab: str | None) -> Any:
    """The agreement or statistics dialog on the demo with two simulated annotators."""
    store = window.workspace.store
    add_simulated_annotators(store)
    if which == "stats":
        from .stats_view import StatsDialog

        dialog = StatsDialog(store, SIMULATED[0], window)
    else:
        from ..agreement.report import agreement_report
        from .agreement_view import AgreementDialog

        dialog = AgreementDialog(window.project_path, lambda _document: None, window)
        dialog.unfinished.setChecked(True)
        dialog.set_report(agreement_report(store, None, include_unfinished=True))
    tabs = DIALOG_TABS[which]
    dialog.tabs.setCurrentIndex(tabs.index(tab or tabs[1 if which == "stats" else 0]))
    dialog.show()
    return dialog


def add_simulated_annotators(store: Any) -> None:
    """Two annotators who labelled what the most labelled annotator did, each differing
    a little (every ninth label left out, every seventh given a neighbouring label),
    their labels dated over ``WORK_DAYS`` days."""
    from ..core.model import Status

    base = max(store.span_counts_by_annotator().items(), key=lambda item: item[1])[0]
    documents = [d for d in store.document_ids() if base in store.annotators_of(d)]
    works = [store.annotations(d, base) for d in documents]
    labels = sorted({span.label for work in works for span in work.spans})
    for number, name in enumerate(SIMULATED):
        dates = _work_days(sum(len(work.spans) for work in works), seed=number)
        for work in works:
            spans = []
            for index, span in enumerate(work.spans):
                if (index + number * 4) % 9 == 0:
                    continue
                label = span.label
                if (index + number * 3) % 7 == 0:
                    label = labels[(labels.index(label) + 1) % len(labels)]
                spans.append(replace(span, label=label, created=next(dates), updated=None))
            store.replace_annotations(replace(work, annotator=name, status=Status.DONE, spans=spans,
                                              events=[], attributions=[]))


def _work_days(count: int, seed: int):
    """Creation times for ``count`` labels: a few dozen a day on about four days a week."""
    chance = random.Random(seed)
    days = [FIRST_DAY + timedelta(days=d) for d in range(WORK_DAYS) if chance.random() < 0.6]
    per_day = max(1, -(-count // len(days)))
    for index in range(count):
        day = days[min(len(days) - 1, index // per_day)] if chance.random() < 0.85 else chance.choice(days)
        yield f"{day.isoformat()}T10:00:00+00:00"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
