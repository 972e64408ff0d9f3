"""The project's one exception family.

Every message says what was wrong, where (file and line, or document and span) and,
when it helps, what to do. The CLI prints ``str(error)`` without a traceback and exits
with status 1; the GUI shows it in a dialog.
"""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base class: bad data or a refused operation, never a programming error."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        document: str | None = None,
        item: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.document = document
        self.item = item

    def where(self) -> str:
        parts = []
        if self.file is not None:
            parts.append(f"{self.file}:{self.line}" if self.line else str(self.file))
        if self.document is not None:
            parts.append(f"document {self.document!r}")
        if self.item is not None:
            parts.append(self.item)
        return ", ".join(parts)

    def located(self, **where: object) -> AnnotatorError:
        """Fill in location fields that are still missing; returns self."""
        for key, value in where.items():
            if getattr(self, key, None) is None:
                setattr(self, key, value)
        return self

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class InputError(AnnotatorError):
    """A file could not be read or parsed."""


class ValidationError(AnnotatorError):
    """Annotations that break the schema or point outside the text."""


class SchemaError(AnnotatorError):
    """A schema file that is not valid."""


class ProjectError(AnnotatorError):
    """A project file that cannot be opened, or a refused change to it."""


class DamagedRowError(ProjectError):
    """A row of the project file whose values break the file format's types (a NULL
    label, offsets stored as text, JSON nested 200,000 deep ...): the file was changed
    outside the app or is damaged. ``table`` and ``field`` name the place, ``item`` says
    "table T, row (key), field F" for the message."""

    def __init__(
        self,
        message: str,
        *,
        table: str,
        row: str,
        field: str,
        file: str | None = None,
        document: str | None = None,
    ) -> None:
        super().__init__(message, file=file, document=document, item=f"table {table}, row ({row}), field {field}")
        self.table = table
        self.row = row
        self.field = field
