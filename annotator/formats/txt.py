"""Plain text: a ``.txt`` file or a folder of them; the first line is the title.

The title line stays part of the text (the seed article's title is annotated and
exported like any sentence); Windows line endings become ``\\n`` at import.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..core.importing import FileRecord
from ..core.model import Document, ImportRecord
from ..errors import InputError
from .textio import read_text


def read_txt(path: Path, *, encoding: str | None = None, **_: object) -> Iterator[ImportRecord]:
    files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
    if not files:
        raise InputError("the folder holds no .txt files", file=str(path))
    for file in files:
        yield FileRecord(document=_document(file, encoding), file=str(file), line=1)


def _document(file: Path, encoding: str | None) -> Document:
    text = read_text(file, encoding).replace("\r\n", "\n")
    if not text.strip():
        raise InputError("empty file: there is no text to import", file=str(file), line=1)
    title = next(line.strip() for line in text.splitlines() if line.strip())
    return Document(id=file.stem, text=text, meta={"title": title, "source": file.name})
