"""The only package that talks to SQLite. It speaks core dataclasses, never rows."""

import sys as _sys


def _import_sqlite_utils_without_pandas() -> None:
    """sqlite-utils imports pandas (~0.3 s) only to convert DataFrame values, which we
    never pass; hiding it during that one import keeps the window's start fast. pandas
    stays importable for everything else afterwards."""
    if "sqlite_utils" in _sys.modules or "pandas" in _sys.modules:
        return
    _sys.modules["pandas"] = None  # type: ignore[assignment]  # makes `import pandas` fail
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del _sys.modules["pandas"]


_import_sqlite_utils_without_pandas()

from .project_store import ProjectStore  # noqa: E402

__all__ = ["ProjectStore"]
