"""Errors of the core, storage and formats, told in the interface language.

An ``AnnotatorError`` carries an English template and its values (see
``annotator/errors.py``); here the template is translated like any ``tr()`` string and
filled with the values as they are: file names, label codes and quoted text are data,
not words. A value in Latin script is kept left to right in one piece (``ltr``), so a
path or a code reads right inside an Arabic line. What the system or SQLite said
about a file ("No space left on device") is translated when it is one of the usual
reasons; anything else is shown as the system said it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from ..core.schema import Schema
from ..errors import AnnotatorError, Phrase
from .i18n import N_, ltr, tr
from .role_names import schema_name

_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")

# os.strerror's words (glibc) and SQLite's for the refusals people meet: a full disk,
# a read-only file or medium, a missing file, a file that is not a project.
_REASONS = frozenset((
    N_("No space left on device"),
    N_("Disk quota exceeded"),
    N_("Permission denied"),
    N_("Operation not permitted"),
    N_("Read-only file system"),
    N_("No such file or directory"),
    N_("Is a directory"),
    N_("Not a directory"),
    N_("File exists"),
    N_("Input/output error"),
    N_("File name too long"),
    N_("Directory not empty"),
    N_("database or disk is full"),
    N_("attempt to write a readonly database"),
    N_("database is locked"),
    N_("disk I/O error"),
    N_("unable to open database file"),
    N_("file is not a database"),
    N_("database disk image is malformed"),
))


def error_text(error: AnnotatorError, located: bool = True) -> str:
    """``str(error)`` in the interface language; ``located=False``: without the
    place (file, line, document), as ``error.message`` says it."""
    return phrase_text(error.described() if located else error.message)


def phrase_text(words: str, schema: Schema | None = None) -> str:
    """A ``Phrase`` of the core (a read-only reason, say) in the interface language;
    any other text as it is. With ``schema``, the labels and roles it names are shown
    as the schema calls them in the interface language."""
    if not isinstance(words, Phrase):
        return words
    if schema is None:
        return words.render(tr, shown_value)
    return words.render(tr, lambda text: shown_value(schema_name(text, schema)))


def shown_value(text: str) -> str:
    """A value inside a translated message: a usual system reason in the interface
    language, Latin-script data isolated so it keeps its order in a right-to-left line."""
    if text in _REASONS:
        return tr(text)
    if not _LATIN.search(text):
        return text  # Arabic words, numbers: the line's own direction orders them
    if not _ARABIC.search(text):
        return ltr(text)
    return first_strong(text)  # a path with an Arabic folder, a quote with a Latin word


def first_strong(text: str) -> str:
    """Isolated, its direction taken from its first letter (U+2068 FSI … U+2069 PDI)."""
    if QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return text
    return f"\u2068{text}\u2069"
