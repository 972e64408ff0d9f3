"""Annotator: a desktop annotation tool for Arabic news corpora."""

__version__ = "0.1.0"
