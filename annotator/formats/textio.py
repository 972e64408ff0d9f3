"""Reading text files whose encoding we must guess, with errors that name the line.

Accepted without being told: UTF-8 with or without a BOM, UTF-16 with a BOM. Anything
else (Windows-1256 above all) must be asked for with ``encoding=``. UTF-16 without a
BOM decodes as UTF-8 without an error, into text full of NULs and other control
characters: a text holding control characters (but tab and line breaks) is refused,
and one that looks so is said to look like UTF-16.
"""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..core.validation import CONTROL_CHARACTER
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
    """The whole file as text; an undecodable byte, or a control character, is reported
    with its line."""
    _refuse_folder(path)
    data = path.read_bytes()
    chosen = check_encoding(encoding) if encoding else sniff_encoding(data[:4])
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as error:
        line = _line_of(data[: error.start], chosen)
        raise _decode_error(path, line, chosen, error, encoding is None) from None
    text = text.removeprefix("\ufeff")  # a BOM is never text, even when named explicitly
    found = CONTROL_CHARACTER.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - text.rfind("\n", 0, found.start())
        raise _control_error(path, data, chosen, line, Phrase(
            "column {column} holds the control character {code}; a text may hold tabs and line "
            "breaks but no other control characters",
            {"column": column, "code": f"U+{ord(found.group()):04X}"}))
    return text


def _refuse_folder(path: Path) -> None:
    """A format that reads one file was given a folder: say so, and how to name its files."""
    if not path.is_dir():
        return
    suffixes = Counter(p.suffix.lower() for p in path.iterdir() if p.is_file() and p.suffix)
    if not suffixes:
        raise InputError("this is a folder, and this format reads files; the folder holds none to import",
                         file=str(path))
    example = path / f"*{suffixes.most_common(1)[0][0]}"
    raise InputError("this is a folder, and this format reads files: name the files to import, "
                     "e.g. {example}", params={"example": str(example)}, file=str(path))


def _control_error(path: Path, data: bytes, encoding: str, line: int, refusal: Phrase) -> InputError:
    """The refusal of a control character, or, when the bytes look like UTF-16 without
    a BOM (an ASCII or Arabic letter's high byte is 0x00 or 0x06, every other byte),
    the encoding to ask for."""
    utf16 = _utf16_without_bom(data[:_SAMPLE]) if "16" not in encoding else None
    if utf16 is not None:
        return InputError("the file looks like UTF-16 without a BOM (it reads as text full of NUL "
                          "and control characters); import it with --encoding {encoding}",
                          params={"encoding": utf16}, file=str(path))
    return InputError(refusal, file=str(path), line=line)


_SAMPLE = 1 << 16  # bytes looked at to tell UTF-16 without a BOM


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` if ``head`` reads as that without control
    characters and its control bytes sit every other byte, else None."""
    even, odd = (_control_bytes(head[start::2]) for start in (0, 1))
    if max(even, odd) < 2 or min(even, odd) * 4 > max(even, odd):
        return None
    name = "utf-16-le" if odd > even else "utf-16-be"
    text = head[: len(head) // 2 * 2].decode(name, errors="replace").removeprefix("\ufeff")
    return None if CONTROL_CHARACTER.search(text) else name


def _control_bytes(data: bytes) -> int:
    return sum(data.count(byte) for byte in range(0x20) if byte not in b"\t\n\r")


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
    _refuse_folder(path)
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
            if b"\x00" in raw:  # no byte-wide encoding writes text with NULs
                handle.seek(0)
                raise _control_error(path, handle.read(_SAMPLE), chosen, number, Phrase(
                    "the line holds a NUL byte, which is no text"))
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
