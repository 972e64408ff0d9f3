from __future__ import annotations

from annotator import display_check
from annotator.display_check import missing_xcb_packages


def _find_all_but(*absent: str):
    return lambda name: not any(name.startswith(f"lib{a}.so") for a in absent)


def test_display_check_finds_this_machines_libraries():
    assert display_check.loadable("libc.so.6")
    assert not display_check.loadable("libsurely-not-here.so.9")


def test_display_check_names_the_packages_x11_lacks():
    found = missing_xcb_packages({"DISPLAY": ":0"}, "linux", _find_all_but("xcb-icccm", "xcb-cursor"))
    assert found == ["libxcb-cursor0", "libxcb-icccm4"]
    assert missing_xcb_packages({"DISPLAY": ":0"}, "linux", _find_all_but()) == []


def test_display_check_only_where_qt_would_use_x11():
    none = _find_all_but("X11-xcb", "xcb", "xcb-icccm")
    assert missing_xcb_packages({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", none) == []
    assert missing_xcb_packages({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", none) == []
    assert missing_xcb_packages({}, "linux", none) == []  # no display at all: Qt says so itself
    assert missing_xcb_packages({"DISPLAY": ":0"}, "darwin", none) == []
    assert missing_xcb_packages({"QT_QPA_PLATFORM": "xcb"}, "linux", none)


def test_display_check_warns_with_the_install_command_before_qt_starts(monkeypatch, capsys):
    from annotator.__main__ import main
    from annotator.ui import app

    started = []
    monkeypatch.setattr(app, "run", lambda args: started.append(args) or 0)  # no real window here
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(display_check, "loadable", _find_all_but("xcb-keysyms"))
    assert main([]) == 0 and started == [[]]
    assert "sudo apt install libxcb-keysyms1" in capsys.readouterr().err
