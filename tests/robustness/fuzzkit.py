"""Hostile input for every importer, and the one rule it must obey.

``try_import`` runs the real pipeline (``read_paths`` + ``import_records``) on files
written from a ``Case`` and enforces the rule: the import succeeds, or it raises the
project's own error (an ``AnnotatorError``) with a message that can be printed, and then
the project holds exactly what it held before. Any other exception escapes, which fails
the test (or is counted by the benchmark).

Cases come from seeded ``random.Random`` generators, so the hypothesis tests
(``st.randoms()``) and ``benchmarks/crash_safety.py`` share them: arbitrary bytes,
valid files with bytes flipped, inserted, deleted or duplicated, and structured data
with wrong types, huge, negative or reversed offsets, deep nesting, lone surrogates,
NUL bytes and long lines.
"""

from __future__ import annotations

import json
import random
import tempfile
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from annotator.core.importing import import_records
from annotator.core.model import Document, Status
from annotator.core.schema import Schema
from annotator.errors import AnnotatorError
from annotator.formats.jsonl import document_line
from annotator.formats.registry import ExportOptions, export_project, read_paths
from annotator.storage import ProjectStore
from tests.robustness.crashkit import dump

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "tests" / "data" / "aleppo-2020-02-02.txt"
FORMATS = ("txt", "jsonl", "conll", "brat")


@dataclass
class Case:
    """Files to write (name -> bytes) and how to import them."""

    fmt: str
    files: dict[str, bytes]
    target: str  # the file (or ".") handed to read_paths
    auto: bool = False  # let read_paths detect the format from the name
    add_labels: bool = False
    options: dict[str, Any] = field(default_factory=dict)


def try_import(schema: Schema, case: Case) -> str | None:
    """Import ``case`` into a fresh in-memory project: None, or the refusal's message."""
    store = ProjectStore.in_memory(schema)
    try:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            for name, data in case.files.items():
                (root / name).write_bytes(data)
            store.add_document(Document("existing", "نص قديم موجود قبل الاستيراد"))
            before = dump(store)
            fmt = "auto" if case.auto else case.fmt
            try:
                records = read_paths([root / case.target], fmt, **case.options)
                for _ in import_records(store, records, add_labels=case.add_labels):
                    pass
            except AnnotatorError as error:
                message = str(error)
                assert message.strip(), "an error without a message"
                message.encode("utf-8")  # the CLI must be able to print it
                assert dump(store) == before, (
                    f"a refused import changed the project: {message}"
                )
                return message
            _check_imported(store, root)
            return None
    finally:
        store.close()


def _check_imported(store: ProjectStore, root: Path) -> None:
    """What was stored can be read back, checked and exported."""
    for document_id in store.document_ids():
        document = store.document(document_id)  # checks the SHA-256
        for work in store.all_annotations(document_id):
            for span in work.spans:
                assert 0 <= span.start < span.end <= len(document.text), (
                    document_id,
                    span,
                )
    list(export_project(store, root / "export.jsonl", ExportOptions("jsonl"), []))


# --- valid files to start from ---------------------------------------------------------
@lru_cache(maxsize=1)
def seeds() -> dict[str, list[dict[str, bytes]]]:
    """Valid inputs per format: each a set of files; the first file is the target."""
    from tests.helpers import seed_annotations

    text = SEED.read_text(encoding="utf-8")
    work = replace(seed_annotations(text, "aleppo"), status=Status.DONE)
    line = document_line(Document("aleppo", text, {"title": "حلب"}), work)
    short = text[:200]
    doccano = {"text": short, "label": [[0, 5, "PER"], [10, 20, "GPE"]]}
    prodigy = {"text": short, "spans": [{"start": 3, "end": 9, "label": "ORG"}]}
    jsonl = "\n".join(
        json.dumps(x, ensure_ascii=False) for x in (line, doccano, prodigy)
    )
    conll = (REPO / "tests" / "data" / "aqmar" / "Damascus.conll").read_bytes()[:3000]
    return {
        "txt": [{"doc.txt": text.encode("utf-8")}],
        "jsonl": [{"doc.jsonl": jsonl.encode("utf-8") + b"\n"}],
        "conll": [
            {"doc.conll": b"-DOCSTART-\tO\n\n" + conll.rsplit(b"\n", 1)[0] + b"\n"}
        ],
        "brat": [_brat_seed(text, work)],
    }


def _brat_seed(text: str, work: Any) -> dict[str, bytes]:
    lines = [
        f"{s.id}\t{s.label} {s.start} {s.end}\t{text[s.start : s.end]}"
        for s in work.spans
        if "\n" not in text[s.start : s.end]
    ]
    kept = {s.id for s in work.spans if "\n" not in text[s.start : s.end]}
    for event in work.events:
        arguments = " ".join(
            f"{a.role}:{a.span}" for a in event.arguments if a.span in kept
        )
        lines.append(f"{event.id}\t{event.type}:{event.trigger} {arguments}".rstrip())
    lines.append("A1\tPolarity E1 Positive")
    lines.append("R1\tAttribution Arg1:T1 Arg2:T3")
    lines.append("#1\tAnnotatorNotes T1\tملاحظة")
    return {
        "doc.ann": ("\n".join(lines) + "\n").encode("utf-8"),
        "doc.txt": text.encode("utf-8"),
    }


# --- generators ---------------------------------------------------------------------
_SPECIAL = [
    b"\x00",
    b"\xff",
    b"\xfe",
    b"\xef\xbb\xbf",
    b"\r",
    b"\r\n",
    b"\t",
    b"\n",
    b" ",
    b'"',
    b"\\",
    b"\\ud800",
    b"\\udfff",
    b"[",
    b"{",
    b"}",
    b"]",
    b",",
    b":",
    b"-",
    b"99999999999999999999999",
    b"-1",
    b"0",
    b"NaN",
    b"Infinity",
    b"1e400",
    b"\xed\xa0\x80",
    b"\xd8",
    "ال".encode(),
    "👩🏽‍⚕️".encode(),
    b"B-",
    b"I-PER",
    b"-DOCSTART-",
    b"T1",
    b";",
    b"E1",
    b"A1",
    b"*",
    b"7" * 5000,
]


def mutate(rng: random.Random, data: bytes, rounds: int | None = None) -> bytes:
    """``data`` with a few random byte-level edits."""
    buffer = bytearray(data)
    for _ in range(rounds or rng.randint(1, 6)):
        where = rng.randint(0, len(buffer))
        action = rng.randrange(6)
        if action == 0 and buffer:
            buffer[min(where, len(buffer) - 1)] = rng.randrange(256)
        elif action == 1:
            buffer[where:where] = rng.choice(_SPECIAL)
        elif action == 2:
            del buffer[where : where + rng.randint(1, 40)]
        elif action == 3:
            chunk = buffer[where : where + rng.randint(1, 200)]
            buffer[where:where] = chunk * rng.randint(1, 4)
        elif action == 4:
            del buffer[where:]
        else:
            buffer[where:where] = bytes(
                rng.randrange(256) for _ in range(rng.randint(1, 20))
            )
    return bytes(buffer)


def mutated_case(rng: random.Random, fmt: str) -> Case:
    files = dict(rng.choice(seeds()[fmt]))
    name = rng.choice(sorted(files))
    files[name] = mutate(rng, files[name])
    target = next(iter(files))
    return Case(
        fmt, files, target, auto=rng.random() < 0.3, add_labels=rng.random() < 0.3
    )


def bytes_case(rng: random.Random, fmt: str, data: bytes) -> Case:
    name = {
        "txt": "doc.txt",
        "jsonl": "doc.jsonl",
        "conll": "doc.conll",
        "brat": "doc.ann",
    }[fmt]
    files = {name: data}
    if fmt == "brat":
        files["doc.txt"] = rng.choice([data, SEED.read_bytes(), b"", "نص".encode()])
    return Case(fmt, files, name, add_labels=rng.random() < 0.3)


_NUMBERS = [
    -1,
    0,
    1,
    2,
    5,
    80,
    103,
    3118,
    3119,
    3120,
    2**31,
    2**63 - 1,
    2**63,
    2**64,
    -(2**63),
    10**30,
    1.5,
    -0.0,
    float("inf"),
    float("nan"),
    "3",
    "",
    None,
    True,
    False,
    [],
    {},
]


def _junk(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(9 if depth < 4 else 6)
    if kind == 0:
        return rng.choice(_NUMBERS)
    if kind == 1:
        return _text(rng)
    if kind == 2:
        return rng.choice([None, True, False])
    if kind == 3:
        return rng.randint(-(2**70), 2**70)
    if kind == 4:
        return rng.choice(
            [
                "PER",
                "ORG",
                "GPE",
                "CUE",
                "CONTENT",
                "Conflict.Attack",
                "per",
                "",
                " ",
                "B-PER",
                "a b",
                "\x00",
                "\ud800",
                "T1",
                "E1",
                "A1",
            ]
        )
    if kind == 5:
        return rng.random() * 10 ** rng.randint(-5, 300)
    if kind == 6:
        return [_junk(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if kind == 7:
        return {_text(rng, 8): _junk(rng, depth + 1) for _ in range(rng.randint(0, 4))}
    return rng.choice([[1, 2, "PER"], {"start": 0, "end": 3, "label": "PER"}, [[0, 3]]])


def _text(rng: random.Random, longest: int = 60) -> str:
    alphabet = "حلبقوات النظام abc\n\t\r\x00\u200f\u0301e👩🏽‍⚕️\ufeff\u2028\\\"'"
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))
    if rng.random() < 0.05:  # a lone surrogate: valid in JSON escapes, never text
        where = rng.randint(0, len(text))
        text = text[:where] + rng.choice("\ud800\udbff\udc00\udfff") + text[where:]
    return text


def _span_like(rng: random.Random, size: int) -> dict[str, Any]:
    start = rng.choice(
        [rng.randint(0, size), rng.choice(_NUMBERS), rng.randint(-5, size + 5)]
    )
    end = rng.choice([rng.randint(0, size + 2), rng.choice(_NUMBERS), start])
    item: dict[str, Any] = {
        "start": start,
        "end": end,
        "label": _junk(rng)
        if rng.random() < 0.3
        else rng.choice(["PER", "ORG", "GPE", "Conflict.Attack", "CUE", "CONTENT"]),
    }
    for key in ("id", "attributes", "text", "created"):
        if rng.random() < 0.3:
            item[key] = _junk(rng)
    return item


def json_record(rng: random.Random) -> dict[str, Any]:
    """A JSON object shaped like an import line, with anything in its fields."""
    text = rng.choice(
        [_text(rng), _text(rng) + "x", SEED.read_text(encoding="utf-8")[:300]] * 3
        + ["", _junk(rng)]
    )
    size = len(text) if isinstance(text, str) else 10
    record: dict[str, Any] = {"text": text} if rng.random() < 0.95 else {}
    generators = {
        "id": lambda: _junk(rng),
        "meta": lambda: _junk(rng),
        "annotator": lambda: _junk(rng),
        "status": lambda: rng.choice(["done", "new", "In Progress", _junk(rng)]),
        "spans": lambda: [_span_like(rng, size) for _ in range(rng.randint(0, 6))],
        "label": lambda: [
            [rng.choice(_NUMBERS), rng.randint(0, size), "PER"]
            for _ in range(rng.randint(0, 3))
        ],
        "entities": lambda: [
            {
                "start_offset": rng.randint(-1, size),
                "end_offset": _junk(rng),
                "label": "ORG",
            }
            for _ in range(rng.randint(0, 3))
        ],
        "events": lambda: [
            {
                "id": rng.choice(["E1", "E2", _junk(rng)]),
                "type": rng.choice(["Conflict.Attack", "Life.Die", _junk(rng)]),
                "trigger": rng.choice(["T1", "T2", _junk(rng)]),
                "arguments": rng.choice(
                    [[{"role": "Attacker", "span": "T1"}], _junk(rng)]
                ),
            }
            for _ in range(rng.randint(0, 2))
        ],
        "attributions": lambda: [
            {
                "id": rng.choice(["A1", _junk(rng)]),
                "source": _junk(rng),
                "cue": rng.choice(["T1", None]),
                "content": _junk(rng),
            }
            for _ in range(rng.randint(0, 2))
        ],
        "tokens": lambda: rng.choice([[[[0, 1]]], [[[0, float("inf")]]], _junk(rng)]),
    }
    wild = rng.random() < 0.5  # else mostly well-typed, so the checks after parsing run
    for key, make in generators.items():
        if rng.random() < 0.35:
            record[key] = (
                make() if wild or key in ("spans", "label") else _tame(rng, key, size)
            )
    return record


def _tame(rng: random.Random, key: str, size: int) -> Any:
    return {
        "id": rng.choice(["d1", "d2", 7, "", "ن" * 300]),
        "meta": {"title": _text(rng, 20), "n": rng.choice(_NUMBERS[:12])},
        "annotator": rng.choice(["amal", "omar", "", "\x00", "a" * 1000]),
        "status": rng.choice(["done", "new", "in progress", "DONE", "finished"]),
        "entities": [{"start_offset": 0, "end_offset": min(size, 3), "label": "ORG"}],
        "events": [
            {"id": "E1", "type": "Conflict.Attack", "trigger": "T1", "arguments": []}
        ],
        "attributions": [{"id": "A1", "source": "T1", "cue": None, "content": None}],
        "tokens": [[[0, min(size, 1)]]],
    }[key]


def jsonl_bytes(rng: random.Random, records: list[Any]) -> bytes:
    """Lines as JSON, as other tools write them (ASCII escapes, NaN, odd whitespace)."""
    lines = []
    for record in records:
        line = json.dumps(record, ensure_ascii=rng.random() < 0.5)
        lines.append(line.encode("utf-8", "surrogatepass"))
    if rng.random() < 0.1:
        depth = rng.choice([50, 999, 1000, 5000, 100_000])
        lines.append(
            b'{"text": "x", "meta": {"a": ' + b"[" * depth + b"]" * depth + b"}}"
        )
    if rng.random() < 0.05:
        lines.append(json.dumps({"text": "ب" * rng.choice([10**5, 10**6])}).encode())
    if rng.random() < 0.05:  # more digits than Python converts (4300)
        lines.append(
            b'{"text": "abc", "spans": [{"start": 0, "end": '
            + b"9" * 5000
            + b', "label": "PER"}]}'
        )
    return b"\n".join(lines) + rng.choice([b"\n", b"", b"\r\n", b"\n\n  \n"])


def structured_case(rng: random.Random, fmt: str) -> Case:
    """Well-formed files of the format, with hostile content in every field."""
    if fmt == "jsonl":
        data = jsonl_bytes(rng, [json_record(rng) for _ in range(rng.randint(1, 4))])
        return Case(
            "jsonl", {"doc.jsonl": data}, "doc.jsonl", add_labels=rng.random() < 0.3
        )
    if fmt == "conll":
        return Case(
            "conll",
            {"doc.conll": _conll(rng)},
            "doc.conll",
            add_labels=rng.random() < 0.5,
            options={"strict": rng.random() < 0.3},
        )
    if fmt == "brat":
        text = rng.choice(
            [SEED.read_text(encoding="utf-8")[:400], _text(rng, 200) or "x"]
        )
        return Case(
            "brat",
            {
                "doc.ann": _ann(rng, text),
                "doc.txt": text.encode("utf-8", "surrogatepass"),
            },
            "doc.ann",
            add_labels=rng.random() < 0.5,
        )
    text = _text(rng, 300)
    return Case(
        "txt",
        {"doc.txt": text.encode(rng.choice(["utf-8", "utf-16"]), "surrogatepass")},
        "doc.txt",
    )


def _conll(rng: random.Random) -> bytes:
    tags = ["O"] * 8 + [
        "B-PER",
        "I-PER",
        "E-ORG",
        "S-GPE",
        "B-LOC",
        "I-LOC",
        "B-Conflict.Attack",
    ] * 2
    if rng.random() < 0.3:
        tags += ["B-", "I-", "X-PER", "o", "B-a b", "I-\x00", "B-NEW"]
    lines = []
    width = rng.randint(1, 3)
    for _ in range(rng.randint(0, 60)):
        roll = rng.random()
        if roll < 0.1:
            lines.append("")
        elif roll < 0.15:
            lines.append("-DOCSTART-" + "\tO" * rng.randint(0, 2))
        else:
            columns = width if rng.random() < 0.98 else rng.randint(0, 4)
            token = rng.choice(
                ["حلب", "قوات", "ال", "x", "👩🏽‍⚕️", "e\u0301"] * 4
                + ["\u200f", "a\x00b", "-DOCSTART-", " ", _text(rng, 10) or "y"]
            )
            lines.append(
                rng.choice(["\t", " ", "  "]).join(
                    [token] + rng.choices(tags, k=columns)
                )
            )
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def _ann(rng: random.Random, text: str) -> bytes:
    lines = []
    for number in range(1, rng.randint(1, 10)):
        kind = rng.choice("TTTTTTTEEEAAR#N" + ("*X" if rng.random() < 0.1 else ""))
        a, b = sorted(rng.randint(-2, len(text) + 2) for _ in range(2))
        if kind == "T":
            fragment = rng.choice(
                [f"{a} {b}"] * 8 + [f"{a} {b};{b} {b + 2}", f"{a} {'9' * 5000}"]
            )
            field = text[max(a, 0) : max(b, 0)] if rng.random() < 0.8 else _text(rng, 5)
            field = field.replace("\n", " ") if rng.random() < 0.9 else field
            label = rng.choice(
                ["PER", "ORG", "Conflict.Attack", "CUE", "Attribution", "x y"]
            )
            lines.append(f"T{number}\t{label} {fragment}\t{field}")
        elif kind == "E":
            lines.append(
                f"E{number}\t{rng.choice(['Conflict.Attack', 'Attribution'])}:T{rng.randint(0, 5)} "
                f"{rng.choice(['Attacker', 'Source', 'Cue', 'Bad'])}:T{rng.randint(0, 5)}"
            )
        elif kind == "A":
            lines.append(
                f"A{number}\t{rng.choice(['Polarity', 'Mention'])} "
                f"{rng.choice(['T1', 'E1', 'A9'])} {rng.choice(['Positive', 'NAM', 'x'])}"
            )
        elif kind == "R":
            lines.append(
                f"R{number}\t{rng.choice(['Attribution', 'Other'])} Arg1:T1 Arg2:T{rng.randint(0, 3)}"
            )
        else:
            lines.append(f"{kind}{number}\t{_text(rng, 20)}")
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def random_case(rng: random.Random) -> Case:
    fmt = rng.choice(FORMATS)
    roll = rng.random()
    if roll < 0.25:
        size = rng.choice([0, 1, 10, 100, 2000])
        return bytes_case(rng, fmt, bytes(rng.randrange(256) for _ in range(size)))
    if roll < 0.6:
        return mutated_case(rng, fmt)
    return structured_case(rng, fmt)
