"""Shipped data: schemas, icons, translations (found through annotator.paths)."""
