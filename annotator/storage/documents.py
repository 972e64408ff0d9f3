"""Documents (their texts checked against the SHA-256 stored at import), annotators
and their statuses, and the documents list the window shows."""

from __future__ import annotations

from collections.abc import Iterator

from ..core.commands import timestamp
from ..core.model import (
    Document,
    Status,
)
from ..errors import DamagedRowError, Phrase, ProjectError
from .file_checks import (
    backup_hint_for,
)
from .parts import StoreParts
from .rows import (
    checked_document_of,
    document_check,
    dumps,
    status_of,
)


class DocumentRows(StoreParts):
    # --- documents -----------------------------------------------------------------
    def add_document(self, document: Document) -> None:
        tokens = dumps(document.tokens) if document.tokens is not None else None
        with self.atomic():
            seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents").fetchone()[0]
            self.db.execute(
                "INSERT INTO documents (id, seq, text, sha256, meta, tokens, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [document.id, seq, document.text, document.sha256, dumps(document.meta), tokens, timestamp()],
            )

    def document_sha256(self, document_id: str) -> str | None:
        row = self.db.execute("SELECT sha256 FROM documents WHERE id = ?", [document_id]).fetchone()
        return row[0] if row else None

    def document(self, document_id: str) -> Document:
        """The document, its text checked against the SHA-256 stored at import.

        A mismatch (the file was edited outside the app, or is damaged) raises
        ``ProjectError``: annotating a changed text would misplace every label.
        """
        row = self.db.execute(
            "SELECT id, text, meta, tokens, sha256 FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        if row is None:
            raise ProjectError("no such document", document=document_id)
        return self._checked_document(row)

    def documents(self, problems: list[ProjectError] | None = None) -> Iterator[Document]:
        """Every document, in order, each checked like ``document()``.

        A damaged one (a changed text, a value of the wrong type) raises its
        ``ProjectError``; with a ``problems`` list it is left out and its error added
        there instead, so the other documents can still be used."""
        cursor = self.db.execute("SELECT id, text, meta, tokens, sha256 FROM documents ORDER BY seq")
        for row in cursor:
            try:
                yield self._checked_document(row)
            except ProjectError as error:
                if problems is None:
                    raise
                problems.append(error)

    def _checked_document(self, row: tuple) -> Document:
        try:
            return checked_document_of(row, self._name())
        except DamagedRowError as error:
            if error.field == "text":  # a changed text: say which backup still has it
                error.message = Phrase("{message}{hint}", {"message": error.message, "hint": backup_hint_for(self.path)})
            raise

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY seq")]

    def documents_signature(self) -> tuple[int, int]:
        """How many documents and the last one's place: unchanged, the list of ids is
        the same (documents are only ever added), so a list need not be read again."""
        count, last = self.db.execute("SELECT COUNT(*), MAX(seq) FROM documents").fetchone()
        return count, last or 0

    def count_documents(self) -> int:
        return self.count("documents")

    # --- annotators and status -----------------------------------------------------
    def annotators(self) -> list[str]:
        rows = self.db.execute("SELECT DISTINCT annotator FROM statuses ORDER BY annotator")
        return [r[0] for r in rows]

    def annotators_of(self, document_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT annotator FROM statuses WHERE document_id = ? ORDER BY annotator",
            [document_id],
        )
        return [r[0] for r in rows]

    def status(self, document_id: str, annotator: str) -> Status:
        row = self.db.execute(
            "SELECT status FROM statuses WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        ).fetchone()
        return status_of(row[0], document_id, annotator, self._name()) if row else Status.NEW

    def set_status(self, document_id: str, annotator: str, status: Status) -> None:
        with self.atomic():
            self.db.execute(
                "INSERT OR REPLACE INTO statuses (document_id, annotator, status, updated) "
                "VALUES (?, ?, ?, ?)",
                [document_id, annotator, Status(status).value, timestamp()],
            )

    def statuses(self) -> list[tuple[str, str, Status]]:
        rows = self.db.execute("SELECT document_id, annotator, status FROM statuses")
        file = self._name()
        return [(d, a, status_of(s, d, a, file)) for d, a, s in rows]

    def document_overview(
        self, annotator: str, problems: list[ProjectError] | None = None, titles: bool = True
    ) -> list[tuple[str, str | None, Status, int]]:
        """Every document's id, title, this annotator's status and span count, in order.

        ``titles=False`` leaves the titles None, for a caller that reads them a page
        at a time (``document_titles``): the ids come from an index, the statuses and
        counts from small tables, so 100,000 documents list in a tenth of a second.
        A document whose title or status row is damaged stays in the list (the user
        can still open the others, and opening it says what is wrong): its title is
        marked "(damaged)" and its status shown as new; the errors go to ``problems``."""
        found = [] if problems is None else problems
        file = self._name()
        statuses, counts = self.annotator_work(annotator, found)
        ids = self.document_ids()
        named = self.document_titles([i for i in ids if type(i) is str], found) if titles else {}
        overview = []
        for doc_id in ids:
            if type(doc_id) is not str:  # it cannot be opened at all
                found.append(document_check(doc_id, file).wrong("id", Phrase("text"), doc_id))
                continue
            overview.append((doc_id, named.get(doc_id), statuses.get(doc_id, Status.NEW), counts.get(doc_id, 0)))
        return overview

    def annotator_work(
        self, annotator: str, problems: list[ProjectError] | None = None
    ) -> tuple[dict[str, Status], dict[str, int]]:
        """This annotator's status of each document they have one for, and the number
        of their spans in each document they labelled: read from the two small tables,
        never the documents (a list switching to another annotator's work costs their
        work, not the corpus). A damaged status row counts as new; its error goes to
        ``problems``."""
        found = [] if problems is None else problems
        file, known = self._name(), {s.value: s for s in Status}
        statuses = {}
        for doc_id, status in self.db.execute("SELECT document_id, status FROM statuses WHERE annotator = ?",
                                              [annotator]):
            if status in known:
                statuses[doc_id] = known[status]
                continue
            try:
                status_of(status, doc_id, annotator, file)
            except DamagedRowError as error:
                found.append(error)
        counts = dict(self.db.execute("SELECT document_id, COUNT(*) FROM spans WHERE annotator = ? "
                                      "GROUP BY document_id", [annotator]).fetchall())
        return statuses, counts

    def document_titles(self, ids: list[str], problems: list[ProjectError] | None = None) -> dict[str, str]:
        """The titles of the documents ``ids`` (the id where a document has none), or
        "ID (damaged)" where its meta is damaged (the error goes to ``problems``)."""
        # read by SQLite's JSON functions where the row is plainly sound (meta a flat
        # JSON object, so within any nesting limit, the title text or absent; CASE, as
        # SQLite may evaluate the terms of an AND in any order and its JSON functions
        # raise on malformed text): Python parses only the others, to name what is wrong
        file, titles = self._name(), {}
        for first in range(0, len(ids), 500):
            batch = ids[first:first + 500]
            rows = self.db.execute(
                "SELECT id, CASE WHEN plain THEN json_extract(meta, '$.title') END, "
                "CASE WHEN plain THEN NULL ELSE meta END, plain FROM ("
                "  SELECT id, meta, CASE WHEN typeof(meta) = 'text' AND instr(substr(meta, 2), '{') = 0 "
                "  AND instr(meta, '[') = 0 AND json_valid(meta) THEN json_type(meta) = 'object' "
                "  AND COALESCE(json_type(meta, '$.title'), 'text') = 'text' ELSE 0 END AS plain "
                f"  FROM documents WHERE id IN ({', '.join('?' * len(batch))}))",
                batch,
            )
            for doc_id, plain_title, meta, plain in rows:
                try:
                    if plain:
                        titles[doc_id] = plain_title or doc_id
                    else:
                        titles[doc_id] = str(document_check(doc_id, file).json_object("meta", meta).get("title")
                                             or doc_id)
                except DamagedRowError as error:
                    if problems is not None:
                        problems.append(error)
                    titles[doc_id] = f"{doc_id} (damaged)"
        return titles

