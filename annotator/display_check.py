"""Before Qt starts on an X11 desktop: are the system libraries its xcb plugin needs there?

Qt 6's xcb platform plugin loads a dozen system libraries that minimal Linux installs
lack (seen here: libxcb-icccm4, libxcb-keysyms1, libxcb-cursor0). Without them Qt
aborts the process with "Could not load the Qt platform plugin" and no hint of which
package is missing; checked first, the command names them.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

# library (as find_library names it) -> the Debian/Ubuntu package that provides it
XCB_LIBRARIES = {
    "X11-xcb": "libx11-xcb1",
    "xcb": "libxcb1",
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-image": "libxcb-image0",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-randr": "libxcb-randr0",
    "xcb-render": "libxcb-render0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-shm": "libxcb-shm0",
    "xcb-sync": "libxcb-sync1",
    "xcb-util": "libxcb-util1",
    "xcb-xfixes": "libxcb-xfixes0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon": "libxkbcommon0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def missing_xcb_packages(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    find: Callable[[str], str | None] | None = None,
) -> list[str]:
    """Packages to install before Qt can open a window here (empty: nothing missing,
    or Qt will not use X11: another OS, Wayland, offscreen)."""
    find = find or ctypes.util.find_library
    if not platform.startswith("linux"):
        return []
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return []
    if not chosen and (environ.get("WAYLAND_DISPLAY") or not environ.get("DISPLAY")):
        return []
    return [package for library, package in XCB_LIBRARIES.items() if find(library) is None]


def explain(packages: list[str]) -> str:
    return ("annotator: the window may fail to open: Qt needs these system libraries for "
            "X11, and they were not found:\n  " + " ".join(packages)
            + "\nOn Debian or Ubuntu: sudo apt install " + " ".join(packages)
            + "\n(the command line works without them: annotator --help)")
