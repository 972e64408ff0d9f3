"""The project's one exception family.

Every message says what was wrong, where (file and line, or document and span) and,
when it helps, what to do. The CLI prints ``str(error)`` without a traceback and exits
with status 1; the GUI shows it in a dialog, in the interface language.

A message is a constant English template with named values::

    ProjectError("cannot read the file ({reason})", params={"reason": why}, file=str(path))

``str(error)`` and ``error.message`` are the English text; the interface renders the
same template translated (its catalogue collects every template from the code: the
first argument of these classes and of ``Phrase``), so the words change language and
the values (file names, labels, quoted text, numbers) are shown as they are. A value
may itself be a ``Phrase`` or an error: it is rendered in the same language. The
values sit in ``params``, a dict of their own, so that no value's name can be taken for
the location keywords (``file``, ``line``, ``document``, ``item``).
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from typing import Any

Words = Callable[[str], str]  # a template (or a value's text) -> how it is shown


def _same(text: str) -> str:
    return text


class Phrase(str):
    """English words with named values that can also be shown in another language.

    It *is* the English text (a ``str``), so it goes wherever a message went before;
    ``template`` and ``params`` let ``render`` put it in other words. Without
    ``params`` the template is the text itself, braces and all.
    """

    template: str
    params: dict[str, Any] | None

    def __new__(cls, template: str, params: Mapping[str, Any] | None = None) -> Phrase:
        template = str(template)  # an exception's own text, say
        values = None if params is None else dict(params)
        self = super().__new__(cls, _fill(template, values, _same, _same))
        self.template, self.params = template, values
        return self

    def __reduce__(self) -> tuple[type[Phrase], tuple[str, dict[str, Any] | None]]:
        return Phrase, (self.template, self.params)

    def render(self, translate: Words = _same, show: Words = _same) -> str:
        """The text in other words: ``translate`` maps a template to one with the same
        names; ``show`` turns a value's text (a name, a path) into how it is shown."""
        return _fill(translate(self.template), self.params, translate, show)


class Name(str):
    """A schema's name inside a ``Phrase`` (a label, an event role): English text shows
    the name itself; an interface may show what the schema calls it in its language."""

    kind: str  # "label" or "role"

    def __new__(cls, name: str, kind: str) -> Name:
        self = super().__new__(cls, name)
        self.kind = kind
        return self

    def __reduce__(self) -> tuple[type[Name], tuple[str, str]]:
        return Name, (str(self), self.kind)


class _Filler(string.Formatter):
    """``str.format`` whose values are words in the same language or shown data."""

    def __init__(self, translate: Words, show: Words) -> None:
        self.translate, self.show = translate, show

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Phrase | AnnotatorError) and not format_spec:
            return value.render(self.translate, self.show)
        if isinstance(value, Name) and not format_spec:
            return self.show(value)  # itself, so that ``show`` can tell what it names
        return self.show(super().format_field(value, format_spec))


def _fill(template: str, params: dict[str, Any] | None, translate: Words, show: Words) -> str:
    if params is None:
        return template
    if translate is _same and show is _same:
        return template.format_map(params)  # the English text, as fast as an f-string
    return _Filler(translate, show).vformat(template, (), params)


# The environment variable naming where a window that runs a command wants the
# command's error as data (``phrase_data``), to show it in its own language.
ERROR_FILE = "ANNOTATOR_ERROR_FILE"


def phrase_data(words: Any) -> Any:
    """A message (a ``Phrase``, an error, a value) as JSON data that ``phrase_from_data``
    makes again: a process tells its messages so to another, which shows them in its
    own interface language."""
    if isinstance(words, AnnotatorError):
        words = words.described()
    if isinstance(words, Name):
        return {"name": str(words), "kind": words.kind}
    if isinstance(words, Phrase):
        params = words.params
        return {"template": words.template,
                "params": None if params is None else {k: phrase_data(v) for k, v in params.items()}}
    return words if words is None or isinstance(words, int | float) else str(words)


def phrase_from_data(data: Any) -> Any:
    """The message ``phrase_data`` gave ``data`` for."""
    if not isinstance(data, dict):
        return data
    if "kind" in data:
        return Name(str(data["name"]), str(data["kind"]))
    params = data.get("params")
    return Phrase(str(data["template"]),
                  None if params is None else {str(k): phrase_from_data(v) for k, v in params.items()})


def joined(parts: list[str], semicolons: bool = False) -> str:
    """``parts`` joined by ", " (or "; "), with a separator each language can choose."""
    if not parts:
        return ""
    text = parts[0]
    for part in parts[1:]:
        values = {"before": text, "after": part}
        text = Phrase("{before}; {after}", values) if semicolons else Phrase("{before}, {after}", values)
    return text


def counted(count: int, one: str, many: str) -> Phrase:
    """``one`` or ``many`` (templates with ``{count}``) as ``count`` asks: "1 span",
    "3 spans"; the catalogue collects both, so each language words its own plural."""
    return Phrase(one if count == 1 else many, {"count": count})


class AnnotatorError(Exception):
    """Base class: bad data or a refused operation, never a programming error.

    ``message`` is a template when ``params`` is given (see the module docstring), or a
    ``Phrase``, or plain English text."""

    def __init__(
        self,
        message: str,
        *,
        params: Mapping[str, Any] | None = None,
        file: str | None = None,
        line: int | None = None,
        document: str | None = None,
        item: str | None = None,
    ) -> None:
        if params is not None or not isinstance(message, Phrase):
            message = Phrase(message, params)
        super().__init__(message)
        self.message: Phrase = message
        self.file = file
        self.line = line
        self.document = document
        self.item = item

    def where(self) -> str:
        parts: list[str] = []
        if self.file is not None:
            parts.append(Phrase("{file}:{line}", {"file": self.file, "line": self.line})
                         if self.line else Phrase("{file}", {"file": self.file}))
        if self.document is not None:
            parts.append(Phrase("document {document!r}", {"document": self.document}))
        if self.item is not None:
            parts.append(self.item if isinstance(self.item, Phrase) else Phrase("{item}", {"item": self.item}))
        return joined(parts)

    def located(self, **where: object) -> AnnotatorError:
        """Fill in location fields that are still missing; returns self."""
        for key, value in where.items():
            if getattr(self, key, None) is None:
                setattr(self, key, value)
        return self

    def described(self) -> Phrase:
        """Where and what, as ``str(error)`` says it."""
        where = self.where()
        return Phrase("{where}: {message}", {"where": where, "message": self.message}) if where else self.message

    def render(self, translate: Words = _same, show: Words = _same) -> str:
        """``str(error)`` in other words (see ``Phrase.render``)."""
        return self.described().render(translate, show)

    def __str__(self) -> str:
        return str.__str__(self.described())


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
        params: Mapping[str, Any] | None = None,
        table: str,
        row: str,
        field: str,
        file: str | None = None,
        document: str | None = None,
    ) -> None:
        item = Phrase("table {table}, row ({row}), field {field}", {"table": table, "row": row, "field": field})
        super().__init__(message, params=params, file=file, document=document, item=item)
        self.table = table
        self.row = row
        self.field = field
