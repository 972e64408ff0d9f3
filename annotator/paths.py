"""The one place that knows where shipped resources (schemas, icons, demo data) live."""

from __future__ import annotations

from importlib import resources as _resources
from pathlib import Path


def _shipped_folder(package: str, folder: str, marker: str) -> Path:
    """A data folder: the installed package, else the source checkout."""
    try:
        root = Path(str(_resources.files(package)))
        if (root / marker).exists():
            return root
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / folder


def resource_root() -> Path:
    return _shipped_folder("annotator.resources", "resources", "schemas")


def corpora_root() -> Path:
    return _shipped_folder("annotator.corpora", "corpora", "README.md")


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def schema_path(name: str) -> Path:
    return resource_path("schemas", f"{name}.json")


def shipped_schema_names() -> list[str]:
    return sorted(p.stem for p in resource_path("schemas").glob("*.json"))
