"""``python -m annotator.ui.screenshot`` shoots the agreement and statistics dialogs
for the README (issue 16), in another process as a maintainer runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def _shoot(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "annotator.ui.screenshot", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_screenshot_shoots_the_agreement_and_statistics_dialogs(tmp_path):
    for dialog, tab, size in (("agreement", "kappa", (1000, 640)), ("stats", None, (900, 560))):
        out = tmp_path / f"{dialog}.png"
        done = _shoot(str(out), "ar", "--dialog", dialog, *(("--tab", tab) if tab else ()))
        assert done.returncode == 0, done.stderr
        assert f"wrote {out}" in done.stdout
        image = QImage(str(out))
        assert (image.width(), image.height()) == size  # the dialog, not the main window


def test_screenshot_refuses_a_tab_the_dialog_has_not(tmp_path):
    done = _shoot(str(tmp_path / "x.png"), "--dialog", "stats", "--tab", "kappa")
    assert done.returncode == 2
    assert "--tab kappa: not a tab of --dialog stats" in done.stderr
    assert not (tmp_path / "x.png").exists()
