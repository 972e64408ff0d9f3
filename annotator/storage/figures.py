"""Counts for statistics and charts, read with one query each."""

from __future__ import annotations

from typing import Any

from .parts import StoreParts


class FigureRows(StoreParts):
    def span_dates(self, annotator: str | None = None) -> dict[str, int]:
        """Labels made per day (from their creation time), for progress charts."""
        sql = "SELECT substr(created, 1, 10) AS day, COUNT(*) FROM spans WHERE created IS NOT NULL"
        params: list[Any] = []
        if annotator is not None:
            sql += " AND annotator = ?"
            params.append(annotator)
        return dict(self.db.execute(sql + " GROUP BY day ORDER BY day", params).fetchall())

    # --- figures -------------------------------------------------------------------
    def label_counts(self, annotator: str | None = None) -> dict[str, int]:
        sql = "SELECT label, COUNT(*) FROM spans"
        params: list[Any] = []
        if annotator is not None:
            sql += " WHERE annotator = ?"
            params.append(annotator)
        rows = self.db.execute(sql + " GROUP BY label ORDER BY label", params)
        return dict(rows.fetchall())

    def span_counts_by_annotator(self) -> dict[str, int]:
        rows = self.db.execute("SELECT annotator, COUNT(*) FROM spans GROUP BY annotator ORDER BY annotator")
        return dict(rows.fetchall())

    def count(self, table: str) -> int:
        if table not in ("spans", "events", "attributions", "documents"):
            raise ValueError(table)
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

