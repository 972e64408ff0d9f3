"""Sample corpora shipped with the app (see README.md here); found through annotator.paths."""
