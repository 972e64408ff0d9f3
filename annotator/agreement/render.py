"""The agreement report as plain-text tables for the command line.

A figure that could not be computed prints as ``null[n]``, ``n`` being the numbered
note at the end that gives the reason; every note of the report is printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .report import pointer_token
from .structures import PARTS


def render_agreement(report: dict[str, Any], documents: int = 10) -> str:
    """The report as text; the per-document table shows the ``documents`` lowest rows."""
    refs = _Refs(report.get("notes", []))
    sections = [
        _header(report),
        _pairs(report, refs),
        _group(report, refs),
        _labels(report, refs),
        _events(report, refs),
        _attributions(report, refs),
        _confusion(report),
        _documents(report, refs, documents),
        refs.render(),
    ]
    return "\n\n".join(s for s in sections if s) + "\n"


class _Refs:
    """Numbered notes; finds the note for a null figure by its JSON pointer or a parent's."""

    def __init__(self, notes: Sequence[dict[str, str]]) -> None:
        self.notes = [dict(n) for n in notes]
        self.index = {n["where"]: i + 1 for i, n in enumerate(self.notes)}

    def value(self, value: float | None, where: str, reason: str | None = None) -> str:
        if value is not None:
            return f"{value:.3f}"
        if reason is not None and where not in self.index:
            self.notes.append({"where": where, "reason": reason})
            self.index[where] = len(self.notes)
        pointer = where
        while pointer:
            if pointer in self.index:
                return f"null[{self.index[pointer]}]"
            pointer = pointer.rsplit("/", 1)[0]
        return "null"

    def render(self) -> str:
        if not self.notes:
            return ""
        lines = ["Notes (why a figure is null)"]
        lines += [
            f"  [{i}] {n['where']}: {n['reason']}" for i, n in enumerate(self.notes, 1)
        ]
        return "\n".join(lines)


def _table(
    headers: Sequence[str], rows: Sequence[Sequence[Any]], left: Sequence[int] = (0,)
) -> list[str]:
    """Aligned columns: those numbered in ``left`` aligned left, the rest right."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    return [
        "  "
        + "  ".join(
            c.ljust(w) if i in left else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths))
        ).rstrip()
        for row in cells
    ]


def _header(report: dict[str, Any]) -> str:
    rule = "touched" if report.get("include_unfinished") else "marked done"
    return "\n".join(
        [
            "Inter-annotator agreement",
            f"  annotators  {', '.join(report['annotators']) or '-'}",
            (
                f"  documents   {report['documents']} read of "
                f"{report.get('documents_in_project', '?')} in the project "
                f"(a pair uses the documents both {rule})"
            ),
        ]
    )


def _pair_name(entry: dict[str, Any]) -> str:
    return f"{entry['a']} / {entry['b']}"


def _pairs(report: dict[str, Any], refs: _Refs) -> str:
    rows = []
    for i, pair in enumerate(report["pairs"]):
        where = f"/pairs/{i}"
        row = [_pair_name(pair), pair["documents"]]
        for kind in ("span_exact", "span_overlap"):
            row += [
                refs.value(pair[kind][k], f"{where}/{kind}/{k}")
                for k in ("precision", "recall", "f1")
            ]
        row += [
            refs.value(pair["token_cohen_kappa"], f"{where}/token_cohen_kappa"),
            pair.get("tokens", ""),
        ]
        rows.append(row)
    if not rows:
        return "Entity spans per pair: no pair of annotators" + _null_suffix(
            refs, "/pairs"
        )
    headers = [
        "pair",
        "docs",
        "exact P",
        "R",
        "F1",
        "overlap P",
        "R",
        "F1",
        "token kappa",
        "tokens",
    ]
    return "\n".join(
        ["Entity spans per pair (P and R take the first annotator as reference)"]
        + _table(headers, rows)
    )


def _null_suffix(refs: _Refs, where: str) -> str:
    mark = refs.value(None, where)
    return f" {mark}" if mark != "null" else ""


def _group(report: dict[str, Any], refs: _Refs) -> str:
    group = report.get("group", {})
    fleiss, kripp = group.get("fleiss", {}), group.get("krippendorff", {})
    unitizing = group.get("unitizing", {})
    fleiss_over = _count(fleiss.get("documents", 0), "document")
    fleiss_tokens = _count(fleiss.get("tokens", 0), "token")
    kripp_over = _count(kripp.get("documents", 0), "document")
    rows = [
        [
            "Fleiss' kappa (tokens)",
            refs.value(report["token_fleiss_kappa"], "/token_fleiss_kappa"),
            f"{fleiss_over} every annotator counts on, {fleiss_tokens}",
        ],
        [
            "Krippendorff's alpha (tokens, nominal)",
            refs.value(report["token_krippendorff_alpha"], "/token_krippendorff_alpha"),
            f"{kripp_over}, {_count(kripp.get('units', 0), 'token')} coded by two or more",
        ],
        [
            "unitizing alpha (characters), overall",
            refs.value(
                report.get("unitizing_alpha_overall"), "/unitizing_alpha_overall"
            ),
            f"mean over {_count(unitizing.get('documents', 0), 'document')}",
        ],
    ]
    per_label = unitizing.get("per_label_documents", {})
    for label, value in report["unitizing_alpha"].items():
        where = f"/unitizing_alpha/{pointer_token(label)}"
        over = f"mean over {_count(per_label.get(label, 0), 'document')}"
        rows.append([f"  {label}", refs.value(value, where), over])
    table = _table(["figure", "value", "over"], rows, (0, 2))
    return "\n".join(["All annotators together", *table])


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _labels(report: dict[str, Any], refs: _Refs) -> str:
    pairs = report["pairs"]
    labels = sorted({label for pair in pairs for label in pair["per_label"]})
    if not labels:
        return ""
    rows = []
    for label in labels:
        row = [label]
        for i, pair in enumerate(pairs):
            figures = pair["per_label"].get(label)
            if figures is None:
                row.append("-")
                continue
            where = f"/pairs/{i}/per_label/{pointer_token(label)}"
            exact = refs.value(figures["span_exact_f1"], f"{where}/span_exact_f1")
            overlap = refs.value(figures["span_overlap_f1"], f"{where}/span_overlap_f1")
            row.append(
                f"{exact} / {overlap}  ({figures['count_a']}:{figures['count_b']})"
            )
        rows.append(row)
    headers = ["label"] + [_pair_name(p) for p in pairs]
    return "\n".join(
        ["Span F1 per label: exact / overlap  (spans a:b)"] + _table(headers, rows)
    )


def _events(report: dict[str, Any], refs: _Refs) -> str:
    kinds = [("trigger", "triggers"), ("argument", "arguments")]
    return _structure_table(
        report["events"]["pairs"],
        "/events/pairs",
        kinds,
        "Events: F1 exact / overlap",
        refs,
    )


def _attributions(report: dict[str, Any], refs: _Refs) -> str:
    kinds = [("attribution", "attributions")] + [(part, part) for part in PARTS]
    title = "Attributions: F1 exact / overlap (parts only within matched attributions)"
    return _structure_table(
        report["attributions"]["pairs"], "/attributions/pairs", kinds, title, refs
    )


def _structure_table(
    pairs: list[dict[str, Any]],
    base: str,
    kinds: list[tuple[str, str]],
    title: str,
    refs: _Refs,
) -> str:
    if not pairs:
        return ""
    rows = []
    for i, pair in enumerate(pairs):
        row = [_pair_name(pair), pair["documents"]]
        for kind, _ in kinds:
            exact = refs.value(
                pair[f"{kind}_exact"]["f1"], f"{base}/{i}/{kind}_exact/f1"
            )
            overlap = refs.value(
                pair[f"{kind}_overlap"]["f1"], f"{base}/{i}/{kind}_overlap/f1"
            )
            row.append(f"{exact} / {overlap}")
        rows.append(row)
    return "\n".join(
        [title] + _table(["pair", "docs"] + [name for _, name in kinds], rows)
    )


def _confusion(report: dict[str, Any]) -> str:
    matrix = report.get("confusion", {})
    if not matrix:
        return ""
    columns = sorted(
        {c for row in matrix.values() for c in row}, key=lambda c: (c == "(none)", c)
    )
    rows = [[label] + [matrix[label].get(c, "") for c in columns] for label in matrix]
    return "\n".join(
        [
            "Labels of spans matched by position, all pairs (rows: first annotator of a pair)"
        ]
        + _table(["a \\ b"] + columns, rows)
    )


def _documents(report: dict[str, Any], refs: _Refs, limit: int) -> str:
    ranked = report.get("documents_ranked", [])
    if not ranked or limit <= 0:
        return ""
    rows = []
    for i, row in enumerate(ranked[:limit]):
        where = f"/documents_ranked/{i}"
        figures = [
            refs.value(row[key], f"{where}/{key}", row["notes"].get(key))
            for key in (
                "span_exact_f1",
                "span_overlap_f1",
                "token_cohen_kappa",
                "unitizing_alpha",
            )
        ]
        rows.append([row["document"], _short(row["title"]), row["pairs"], *figures])
    shown = f"{min(limit, len(ranked))} of {len(ranked)}"
    headers = [
        "document",
        "title",
        "pairs",
        "exact F1",
        "overlap F1",
        "token kappa",
        "alpha_U",
    ]
    return "\n".join(
        [
            f"Documents with the lowest agreement (exact-span F1 pooled over pairs; {shown})"
        ]
        + _table(headers, rows, (0, 1))
    )


def _short(text: str, width: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
