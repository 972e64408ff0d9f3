"""Where and in what shape the project's options (``core.options.ProjectOptions``) are
kept: three rows of the settings table, read and written together."""

from __future__ import annotations

import json

from ..core.json_settings import json_object_setting
from ..core.options import ProjectOptions
from ..errors import ProjectError
from ..nlp.clitics import CONVENTIONS, DEFAULT_CONVENTION
from ..nlp.normalize import DEFAULT_SETTINGS, NormalisationSettings
from .parts import StoreParts

NORMALISATION_KEY = "search/normalisation"
CONVENTION_KEY = "clitics/convention"
MAPPING_KEY = "preannotate/mapping"


class OptionRows(StoreParts):
    """Uses the store's ``setting``/``set_setting`` (``ProjectStore``)."""

    def options(self) -> ProjectOptions:
        """The options as stored; a damaged one is a ``ProjectError`` naming its key."""
        return ProjectOptions(self._normalisation(), self._convention(), self._mapping())

    def save_options(self, options: ProjectOptions) -> None:
        """Store ``options`` (in one transaction); only what differs is written."""
        if options.clitic_convention not in CONVENTIONS:
            raise ProjectError("unknown clitic convention {convention!r}; use one of {known}",
                               params={"convention": options.clitic_convention, "known": CONVENTIONS},
                               file=self._name())
        stored = self.options()
        with self.atomic():
            if options.normalisation != stored.normalisation:
                self.set_setting(NORMALISATION_KEY, json.dumps(options.normalisation.to_json(), sort_keys=True))
            if options.clitic_convention != stored.clitic_convention:
                self.set_setting(CONVENTION_KEY, options.clitic_convention)
            if options.ner_mapping != stored.ner_mapping and options.ner_mapping is not None:
                self.set_setting(MAPPING_KEY, json.dumps(dict(options.ner_mapping), ensure_ascii=False,
                                                         sort_keys=True))

    def _normalisation(self) -> NormalisationSettings:
        data = json_object_setting(self, NORMALISATION_KEY)
        if data is None:
            return DEFAULT_SETTINGS
        try:
            return NormalisationSettings.from_json(data)
        except (AttributeError, TypeError) as error:
            raise ProjectError("the setting {key!r} does not hold normalisation options ({reason})",
                               params={"key": NORMALISATION_KEY, "reason": error}, file=self._name()) from None

    def _convention(self) -> str:
        value = self.setting(CONVENTION_KEY, DEFAULT_CONVENTION) or DEFAULT_CONVENTION
        return value if value in CONVENTIONS else DEFAULT_CONVENTION

    def _mapping(self) -> dict[str, str | None] | None:
        data = json_object_setting(self, MAPPING_KEY)
        if data is None:
            return None
        return {str(k): (str(v) if v else None) for k, v in data.items()}
