"""Start the desktop window (imports Qt only here)."""

from __future__ import annotations

import sys


def run_gui(args: list[str]) -> int:
    try:
        from .ui.app import run
    except ImportError as error:
        print(f"annotator: the desktop window cannot start: {error}", file=sys.stderr)
        return 1
    return run(args)
