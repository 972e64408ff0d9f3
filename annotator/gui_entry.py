"""Start the desktop window (imports Qt only here)."""

from __future__ import annotations

import sys


def run_gui(args: list[str]) -> int:
    from .display_check import explain, missing_xcb_packages

    missing = missing_xcb_packages()
    if missing:  # a warning, not a stop: the search for libraries can miss some
        print(explain(missing), file=sys.stderr)
    try:
        from .ui.app import run
    except ImportError as error:
        print(f"annotator: the desktop window cannot start: {error}", file=sys.stderr)
        return 1
    return run(args)
