"""Reading text files whose encoding we must guess, with errors that name the line.

Accepted without being told: UTF-8 with or without a BOM, UTF-16 with a BOM. Anything
else (Windows-1256 above all) must be asked for with ``encoding=``.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, Phrase

_HINT = Phrase("if it is Windows Arabic, use --encoding cp1256")


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
        raise InputError("unknown encoding {name!r}", params={"name": name}) from None


def read_text(path: Path, encoding: str | None = None) -> str:
    """The whole file as text; an undecodable byte is reported with its line."""
    data = path.read_bytes()
    chosen = check_encoding(encoding) if encoding else sniff_encoding(data[:4])
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as error:
        line = _line_of(data[: error.start], chosen)
        raise _decode_error(path, line, chosen, error, encoding is None) from None
    return text.removeprefix("\ufeff")  # a BOM is never text, even when named explicitly


def _line_of(prefix: bytes, encoding: str) -> int:
    """The line a decoding error is on, counting in the file's own encoding."""
    decoded = prefix.decode(encoding, errors="replace")
    return decoded.count("\n") + 1


def read_lines(path: Path, encoding: str | None = None) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, line)`` without the line ending, streaming the file.

    Byte-oriented encodings are decoded line by line so memory stays flat for huge
    files; UTF-16 is decoded whole, as its newlines are two bytes wide.
    """
    # a larger buffer than the default for Prodigy's ~70 KB lines (one task, every token
    # spelled out), small enough to keep an import's memory flat (tests/robustness)
    with path.open("rb", buffering=1 << 17) as handle:
        head = handle.read(4)
        handle.seek(0)
        chosen = check_encoding(encoding) if encoding else sniff_encoding(head)
        if "16" in chosen or "32" in chosen:
            # split on \n only (not str.splitlines), so lines number as in UTF-8
            lines = read_text(path, chosen).split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            yield from ((n, line.rstrip("\r")) for n, line in enumerate(lines, start=1))
            return
        decoder_name = chosen
        for number, raw in enumerate(handle, start=1):
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8) if "utf" in decoder_name.replace("_", "-") else raw
            try:
                line = raw.decode("utf-8" if decoder_name == "utf-8-sig" else decoder_name)
            except UnicodeDecodeError as error:
                raise _decode_error(path, number, chosen, error, encoding is None) from None
            yield number, line.rstrip("\r\n")


def _decode_error(
    path: Path, line: int, encoding: str, error: UnicodeDecodeError, guessed: bool
) -> InputError:
    bad = error.object[error.start : error.start + 1].hex()
    if guessed:
        return InputError("cannot decode byte 0x{byte} as {encoding}; {hint}",
                          params={"byte": bad, "encoding": encoding, "hint": _HINT}, file=str(path), line=line)
    return InputError("cannot decode byte 0x{byte} as {encoding}",
                      params={"byte": bad, "encoding": encoding}, file=str(path), line=line)
