"""The project's options: what its team chose once for every document.

How Arabic is normalised for matching (find, suggestions, the consistency check), the
clitic convention of entity spans, and how the NER model's labels map onto the
schema's. The store keeps them (``storage/options.py`` decides where and in what
shape); everything else sees this record, through ``core.store.Store``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..nlp.clitics import DEFAULT_CONVENTION
from ..nlp.normalize import DEFAULT_SETTINGS, NormalisationSettings


@dataclass(frozen=True)
class ProjectOptions:
    normalisation: NormalisationSettings = DEFAULT_SETTINGS
    clitic_convention: str = DEFAULT_CONVENTION
    # model label -> project label (None: dropped); None: the schema's default mapping
    ner_mapping: dict[str, str | None] | None = field(default=None, hash=False)
