"""``annotator``: a subcommand runs the headless CLI; otherwise the window opens.

Qt is imported only on the GUI path, so the command line starts fast and runs on
machines without a display.
"""

from __future__ import annotations

import difflib
import os
import sys

from .cli import COMMANDS

BROKEN_PIPE = 141  # what a shell reports for a program stopped by SIGPIPE


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        status = _dispatch(args)
        sys.stdout.flush()  # here, not at exit, where a closed pipe would print a traceback
        return status
    except BrokenPipeError:  # `annotator stats P | head -1`: the reader has had enough
        _silence_stdout()
        return BROKEN_PIPE


def _dispatch(args: list[str]) -> int:
    if args and (args[0] in COMMANDS or args[0] in ("-h", "--help", "--version")):
        from .cli import run

        return run(args)
    if len(args) > 1:  # the window takes one project: this is a mistyped command
        return _unknown_command(args[0])
    from .gui_entry import run_gui

    return run_gui(args)


def _unknown_command(word: str) -> int:
    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.5)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    print(f"annotator: error: unknown command {word!r}{hint} (commands: {', '.join(COMMANDS)}; "
          "to open a project in the window, give it alone: annotator PROJECT)", file=sys.stderr)
    return 2


def _silence_stdout() -> None:
    """Python flushes stdout again at exit and would print a second BrokenPipeError."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
