"""What annotators and adjudicators decided besides labels: rejected suggestions and
candidates (one row each, so two windows never overwrite each other), and when work
was last changed (merge refuses to put older work over newer)."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.commands import timestamp
from ..core.suggestions import LEARNED_MODEL
from .parts import StoreParts


class DecisionRows(StoreParts):
    # --- rejected suggestions ---------------------------------------------------------
    def add_rejection(self, annotator: str, document_id: str, place: tuple[int, int, str]) -> None:
        with self.atomic():
            self.db.execute("INSERT OR IGNORE INTO rejections VALUES (?, ?, ?, ?, ?)",
                            [annotator, document_id, *place])

    def remove_rejection(self, annotator: str, document_id: str, place: tuple[int, int, str]) -> None:
        with self.atomic():
            self.db.execute(
                'DELETE FROM rejections WHERE annotator = ? AND document_id = ? AND start = ? '
                'AND "end" = ? AND label = ?', [annotator, document_id, *place])

    def rejections(self, annotator: str, document_id: str) -> set[tuple[int, int, str]]:
        rows = self.db.execute(
            'SELECT start, "end", label FROM rejections WHERE annotator = ? AND document_id = ?',
            [annotator, document_id])
        return {(start, end, label) for start, end, label in rows}

    # --- adjudication rejections (one row each: two windows never overwrite each other) ---
    def add_adjudication_rejection(self, document_id: str, candidate_key: str) -> None:
        with self.atomic():
            self.db.execute("INSERT OR IGNORE INTO adjudication_rejections VALUES (?, ?)",
                            [document_id, candidate_key])

    def remove_adjudication_rejection(self, document_id: str, candidate_key: str) -> None:
        with self.atomic():
            self.db.execute("DELETE FROM adjudication_rejections WHERE document_id = ? AND candidate = ?",
                            [document_id, candidate_key])

    def adjudication_rejections(self, document_id: str) -> set[str]:
        rows = self.db.execute("SELECT candidate FROM adjudication_rejections WHERE document_id = ?",
                               [document_id])
        return {candidate for (candidate,) in rows}

    # --- when work was last changed (merge refuses to put older work over newer) ------
    def work_times(self) -> dict[tuple[str, str], tuple[str, str | None, str | None]]:
        """Per (document, annotator): the status row's time and the latest span
        creation and update times, as stored."""
        rows = self.db.execute(
            "SELECT st.document_id, st.annotator, st.updated, MAX(sp.created), MAX(sp.updated) "
            "FROM statuses st LEFT JOIN spans sp "
            "ON sp.document_id = st.document_id AND sp.annotator = st.annotator "
            "GROUP BY st.document_id, st.annotator")
        return {(d, a): (status, created, updated) for d, a, status, created, updated in rows}

    def set_status_time(self, document_id: str, annotator: str, updated: str) -> None:
        """Keep the time a merged status row had in its own project (not the merge's)."""
        with self.atomic():
            self.db.execute("UPDATE statuses SET updated = ? WHERE document_id = ? AND annotator = ?",
                            [updated, document_id, annotator])

    # --- a model's suggestions (pre-annotation), per annotator and document -----------
    def replace_model_suggestions(self, annotator: str, document_id: str,
                                  places: Iterable[tuple[int, int, str]], model: str,
                                  confidences: dict[tuple[int, int, str], float] | None = None) -> None:
        """Replace the stored suggestions for one annotator's document (``model`` names
        what made them; ``confidences``: how sure it was of each place, where it says)."""
        key = [annotator, document_id]
        sure = confidences or {}
        rows = [(*key, start, end, label, model, timestamp(), sure.get((start, end, label)))
                for start, end, label in sorted(set(places))]
        with self.atomic():
            # the learned recommender's suggestions and pre-annotation's (whichever NER
            # model made them) replace their own kind only
            self.db.execute("DELETE FROM model_suggestions WHERE annotator = ? AND document_id = ? "
                            "AND (model = ?) = (? = ?)", [*key, LEARNED_MODEL, model, LEARNED_MODEL])
            self.db.conn.executemany(
                'INSERT OR REPLACE INTO model_suggestions (annotator, document_id, start, "end", label, model, created, '
                "confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def model_confidences(self, annotator: str, document_id: str) -> dict[tuple[int, int, str], float]:
        """How sure the model was of each stored suggestion (those it said)."""
        rows = self.db.execute(
            'SELECT start, "end", label, confidence FROM model_suggestions '
            "WHERE annotator = ? AND document_id = ? AND typeof(confidence) = 'real'", [annotator, document_id])
        return {(start, end, label): confidence for start, end, label, confidence in rows}

    def model_suggestions(self, annotator: str, document_id: str) -> list[tuple[int, int, str]]:
        rows = self.db.execute(
            'SELECT start, "end", label FROM model_suggestions WHERE annotator = ? AND document_id = ? '
            'ORDER BY start, "end", label', [annotator, document_id])
        return [(start, end, label) for start, end, label in rows]

