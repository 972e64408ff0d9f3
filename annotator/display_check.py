"""Before Qt starts on an X11 desktop: are the system libraries its xcb plugin needs there?

Qt 6's xcb platform plugin loads a dozen system libraries that minimal Linux installs
lack (seen here: libxcb-icccm4, libxcb-keysyms1, libxcb-cursor0). Without them Qt
aborts the process with "Could not load the Qt platform plugin" and no hint of which
package is missing; checked first, the command names them.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# the shared library Qt's xcb plugin loads -> the Debian/Ubuntu package that provides it
XCB_LIBRARIES = {
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def loadable(library: str) -> bool:
    """Whether the dynamic loader finds ``library`` as Qt's plugin would (it loads it)."""
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def missing_xcb_packages(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    found: Callable[[str], bool] | None = None,
) -> list[str]:
    """Packages to install before Qt can open a window here (empty: nothing missing,
    or Qt will not use X11: another OS, Wayland, offscreen)."""
    found = found or loadable
    if not platform.startswith("linux"):
        return []
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return []
    if not chosen and (environ.get("WAYLAND_DISPLAY") or not environ.get("DISPLAY")):
        return []
    return [package for library, package in XCB_LIBRARIES.items() if not found(library)]


def explain(packages: list[str]) -> str:
    return ("annotator: the window may fail to open: Qt needs these system libraries for "
            "X11, and they were not found:\n  " + " ".join(packages)
            + "\nOn Debian or Ubuntu: sudo apt install " + " ".join(packages)
            + "\n(the command line works without them: annotator --help)")
