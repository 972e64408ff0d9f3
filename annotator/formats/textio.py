"""Reading text files whose encoding we must guess, with errors that name the line.

Accepted without being told: UTF-8 with or without a BOM, UTF-16 with a BOM. Anything
else (Windows-1256 above all) must be asked for with ``encoding=``.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from ..core.errors import InputError

_HINT = "if it is Windows Arabic, use --encoding cp1256"


def sniff_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8"


def check_encoding(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise InputError(f"unknown encoding {name!r}") from None


def read_text(path: Path, encoding: str | None = None) -> str:
    """The whole file as text; an undecodable byte is reported with its line."""
    data = path.read_bytes()
    chosen = check_encoding(encoding) if encoding else sniff_encoding(data[:4])
    try:
        return data.decode(chosen)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _decode_error(path, line, chosen, error, encoding is None) from None


def read_lines(path: Path, encoding: str | None = None) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, line)`` without the line ending, streaming the file.

    Byte-oriented encodings are decoded line by line so memory stays flat for huge
    files; UTF-16 is decoded whole, as its newlines are two bytes wide.
    """
    with path.open("rb") as handle:
        head = handle.read(4)
        handle.seek(0)
        chosen = check_encoding(encoding) if encoding else sniff_encoding(head)
        if "16" in chosen or "32" in chosen:
            yield from enumerate(read_text(path, chosen).splitlines(), start=1)
            return
        decoder_name = chosen
        for number, raw in enumerate(handle, start=1):
            if number == 1 and decoder_name == "utf-8-sig":
                raw = raw.removeprefix(codecs.BOM_UTF8)
            try:
                line = raw.decode("utf-8" if decoder_name == "utf-8-sig" else decoder_name)
            except UnicodeDecodeError as error:
                raise _decode_error(path, number, chosen, error, encoding is None) from None
            yield number, line.rstrip("\r\n")


def _decode_error(
    path: Path, line: int, encoding: str, error: UnicodeDecodeError, guessed: bool
) -> InputError:
    bad = error.object[error.start : error.start + 1].hex()
    hint = f"; {_HINT}" if guessed else ""
    return InputError(
        f"cannot decode byte 0x{bad} as {encoding}{hint}", file=str(path), line=line
    )
