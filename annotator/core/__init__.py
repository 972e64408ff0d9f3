"""Plain-Python annotation model: no Qt, no SQLite."""
