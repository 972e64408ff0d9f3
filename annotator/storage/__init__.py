"""The only package that talks to SQLite. It speaks core dataclasses, never rows."""

from .project_store import ProjectStore

__all__ = ["ProjectStore"]
