"""Importers and exporters.

Contract shared by every format module:

* a reader is ``read_<format>(path, *, encoding=None, annotator="import", ...)`` and
  yields ``ImportRecord`` objects (a ``Document`` plus the ``Annotations`` it carried,
  with the file and line it came from). It raises ``InputError`` naming the file and
  line for anything it cannot parse. It does not check labels against the schema: the
  import pipeline (``annotator.core.importing``) does, so ``--add-labels`` works the
  same for every format.
* a writer takes ``(Document, Annotations | None)`` pairs (one annotator's work each;
  ``None`` for a document nobody has touched) and writes them, yielding
  ``Progress``; problems that do not stop the export (spans BIO cannot hold) are
  appended to a ``warnings`` list the caller passes.
"""
