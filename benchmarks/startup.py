"""Start-up time to a usable window (target: under 1.5 s on this machine).

Each run is a fresh Python process, as a user's start is: import the app, create the
QApplication, open the demo project (already built, as after a first start), show the
window and let it paint once. Prints the median and the spread, and whether torch or
transformers were imported (they must not be).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import textwrap

RUNS = 7
CHILD = textwrap.dedent("""
    import os, sys, time
    start = time.perf_counter()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    QCoreApplication.setOrganizationName("AnnotatorStartupBenchmark")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
    from pathlib import Path
    from annotator.ui import app as ui_app
    ui_app.data_dir = lambda: Path(sys.argv[1])
    ui_app.apply_ui_direction(app)
    window = ui_app.open_window(None, "bench")
    window.show()
    app.processEvents()
    window.view.viewport().repaint()
    print(time.perf_counter() - start, "torch" in sys.modules, "transformers" in sys.modules)
""")


def main() -> int:
    folder = tempfile.mkdtemp()
    subprocess.run([sys.executable, "-c", CHILD, folder], check=True, capture_output=True)  # builds the demo
    times = []
    heavy = False
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", CHILD, folder], check=True,
                             capture_output=True, text=True).stdout.split()
        times.append(float(out[-3]))
        heavy |= out[-2] == "True" or out[-1] == "True"
    median = statistics.median(times)
    print(f"start-up to a painted window (demo project), {RUNS} fresh processes")
    print(f"  median {median * 1000:.0f} ms, min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
    print(f"  target < 1500 ms: {'PASS' if median < 1.5 else 'MISS'}")
    print(f"  torch or transformers imported at start-up: {'yes (wrong)' if heavy else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
