"""How big one document may be, checked wherever a document enters a project.

News articles run from about 2,000 to 50,000 characters; a whole book pasted into one
line of JSONL is a mistake, not an article. The window lays a document out whole, and
the start-up, statistics and suggestion code read every text, so one 100-million-
character document made opening the project take 23 s and 2.75 GB, opening that
document 95 s and a label near its end never finish. A document is therefore refused
at import (and merge) when it exceeds ``MAX_DOCUMENT_CHARACTERS``.

The limit, 1,000,000 characters, is 20 times the longest article we expect and still
works in the window. Measured on this 2-CPU VM (shared, offscreen), one document:

==========================================  ===============  ================
                                            100,000 chars    1,000,000 chars
==========================================  ===============  ================
``annotator import`` (process, JSONL)        0.7 s, 48 MB     1.1 s, 60 MB
``annotator stats`` (process)                1.9 s, 88 MB     3.8 s, 153 MB
text view, no labels: show + first paint     0.04 s           0.13 s
``open_window`` + first frame, no labels     1.7 s, 160 MB    3.9 s, 212 MB
the same with 5,000 labels                                    16 s, 940 MB
a label hotkey to the repainted text         (median 9 ms)    median 14 ms,
                                                              max 37 ms
==========================================  ===============  ================

(``benchmarks/text_view.py --chars 1000000``; the 100,000 column's label time is from
``benchmarks/README.md``.) A 100-million-character document would be at least 100
times slower again. Longer texts should be split into articles or chapters.
"""

from __future__ import annotations

from ..errors import InputError
from .model import Document

MAX_DOCUMENT_CHARACTERS = 1_000_000


def check_document_size(document: Document, where: str | None = None) -> None:
    """Refuse a document longer than the limit; ``where`` is the file it came from.

    Callers that know a line number add it with ``error.located(line=...)``.
    """
    size = len(document.text)
    if size > MAX_DOCUMENT_CHARACTERS:
        raise InputError(
            "the document has {size:,} characters, more than the limit of "
            "{limit:,} characters per document; split it into smaller "
            "documents (articles or chapters) and import those",
            params={"size": size, "limit": MAX_DOCUMENT_CHARACTERS},
            file=where,
            document=document.id,
        )
