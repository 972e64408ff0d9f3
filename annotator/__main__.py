"""``annotator``: a subcommand runs the headless CLI; otherwise the window opens.

Qt is imported only on the GUI path, so the command line starts fast and runs on
machines without a display.
"""

from __future__ import annotations

import sys

from .cli import COMMANDS


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and (args[0] in COMMANDS or args[0] in ("-h", "--help", "--version")):
        from .cli import run

        return run(args)
    from .gui_entry import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
