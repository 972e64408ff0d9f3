"""``python -m annotator.ui.screenshot OUT.png``: the demo window, drawn offscreen.

Used for the README's picture, so it always shows what the app really draws.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    scratch = Path(tempfile.mkdtemp())
    QCoreApplication.setOrganizationName("AnnotatorScreenshot")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    if len(argv) > 1 and argv[1] == "ar":
        QSettings().setValue("ui/language", "ar")
    from . import app as ui_app

    ui_app.apply_ui_direction(app)
    ui_app.data_dir = lambda: scratch / "data"
    window = ui_app.open_window(None, "demo")
    window.resize(1500, 900)
    window.show()
    window.view.finish_formatting()
    app.processEvents()
    event = window.workspace.annotations.events[0]
    window.workspace.set_current(event)  # show an event's parts outlined
    app.processEvents()
    window.after_paint.flush()  # the panels follow the text's paint; show them now
    app.processEvents()
    window.grab().save(argv[0])
    print(f"wrote {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
