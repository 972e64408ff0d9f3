"""The lines every benchmark prints first: the machine, Python, SQLite and the packages
whose speed it measures (imported by the scripts beside it: run them as files)."""

from __future__ import annotations

import os
import platform
import sqlite3
from collections.abc import Iterable
from importlib import metadata


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def machine_lines(packages: Iterable[str] = ()) -> list[str]:
    lines = [
        f"machine  {platform.platform()} ({platform.machine()}), {os.cpu_count()} CPUs",
        f"python   {platform.python_implementation()} {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}",
    ]
    named = ", ".join(f"{name} {package_version(name)}" for name in packages)
    return [*lines, f"packages {named}"] if named else lines
