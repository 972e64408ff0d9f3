"""The interface language: Qt translations of our own strings and of Qt's.

Every user-visible string of ours goes through ``tr()`` (or is marked with ``N_()``
where it is defined and translated where shown). ``resources/translations/
annotator_ar.ts`` holds the Arabic texts; ``python -m annotator.ui.i18n`` adds new
strings to it and compiles the ``.qm`` that the app loads (``pyside6-lrelease``).
Label names come from the schema, in Arabic or English by the same setting.
"""

from __future__ import annotations

import ast
import os
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTranslator,
)

from ..paths import resource_path

CONTEXT = "annotator"
LANGUAGES = {"en": "English", "ar": "العربية"}
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def N_(text: str) -> str:
    return text


def ltr(text: str) -> str:
    """``text`` (a key, a label code) kept left to right and in one piece inside a
    right-to-left line: "Ctrl++" would otherwise show as "++Ctrl" and a key would land
    between a code and its Arabic name (Unicode isolates, U+2066 LRI … U+2069 PDI).
    A left-to-right interface needs none, and its texts stay as they were."""
    from PySide6.QtGui import QGuiApplication

    if not text or QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return text
    return f"\u2066{text}\u2069"


def ui_language() -> str:
    """The chosen interface language, else the system's (Arabic or English)."""
    chosen = QSettings().value("ui/language")
    if chosen in LANGUAGES:
        return str(chosen)
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def install_translators(app: QCoreApplication, language: str) -> None:
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        return
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"annotator_{language}.qm"))):
        _installed.append(ours)
    for catalogue in ("qtbase", "qt"):  # Qt's own dialogs: "Look in", "Files of type", buttons
        qt = QTranslator(app)
        if qt.load(f"{catalogue}_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
    if language == "ar":  # installed first, so asked last: only for what no catalogue has
        _installed.insert(0, _QtArabicGaps(app))
    for translator in _installed:
        app.installTranslator(translator)


class _QtArabicGaps(QTranslator):
    """Words of Qt's own file dialog that its Arabic catalogue lacks (it has "Look in:"
    but the dialog asks for "&Look in:"): they stayed English in an Arabic dialog."""

    WORDS = {("QFileDialog", "&Look in:"): "ا&بحث في:", ("QFileDialog", "Files of &type:"): "الملفات من ال&نوع:"}

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return self.WORDS.get((context, source))  # None: not ours, the next catalogue is asked

    def isEmpty(self) -> bool:
        return False


# --- keeping the .ts file up to date ---------------------------------------------------
def ts_path(language: str = "ar") -> Path:
    return resource_path("translations", f"annotator_{language}.ts")


def source_strings(folder: Path | None = None) -> list[str]:
    """Every literal passed to ``tr()`` or ``N_()`` in the UI package, in order, then
    the templates of the package's error messages (``error_templates``)."""
    folder = folder or Path(__file__).parent
    found: dict[str, None] = {}
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("tr", "N_")
                    and (text := _first_text(node)) is not None):
                found[text] = None
    found.update(dict.fromkeys(error_templates()))
    return list(found)


def error_templates(package: Path | None = None) -> list[str]:
    """The message templates of the ``AnnotatorError`` family, anywhere in the package:
    the first literal argument of each ``Phrase(...)`` and of each constructor of the
    family (its classes found by reading the class statements), and both forms given
    to ``counted(count, one, many)``. They are translated in the same context as
    ``tr()`` strings and shown by ``error_text.error_text``. Templates that are only
    values ("{file}", "{problem}{hint}") need no translation."""
    package = package or Path(__file__).parents[1]
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in sorted(package.rglob("*.py"))]
    callers = _error_classes(trees) | {"Phrase"}
    found: dict[str, None] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called(node) in callers:
                texts = [_first_text(node)]
            elif isinstance(node, ast.Call) and _called(node) == "counted":  # counted(n, one, many)
                texts = [a.value for a in node.args[1:] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            else:
                continue
            found.update(dict.fromkeys(t for t in texts if t is not None and _has_words(t)))
    return list(found)


def _error_classes(trees: list[ast.Module]) -> set[str]:
    family = {"AnnotatorError"}
    classes = [node for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    grown = True
    while grown:
        before = len(family)
        family |= {c.name for c in classes
                   if any(_name_of(base) in family for base in c.bases)}
        grown = len(family) > before
    return family


def _called(node: ast.Call) -> str | None:
    return _name_of(node.func)


def _name_of(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else None


def _first_text(node: ast.Call) -> str | None:
    first = node.args[0] if node.args else None
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None


def _has_words(template: str) -> bool:
    try:
        return any(literal.strip() for literal, *_ in string.Formatter().parse(template))
    except ValueError:  # a literal message with braces of its own: all words
        return True


def read_ts(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    root = ET.parse(path).getroot()
    return {m.findtext("source") or "": m.findtext("translation") or ""
            for m in root.iter("message")}


def write_ts(path: Path, language: str, translations: dict[str, str], sources: list[str]) -> None:
    root = ET.Element("TS", version="2.1", language=language)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in sources:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        text = translations.get(source, "")
        if text:
            translation.text = text
        else:
            translation.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def compile_qm(ts: Path, qm: Path) -> None:
    """``qm`` compiled from ``ts``, put in place whole: a window that has the old file
    open keeps reading it (Qt maps it), where writing over it changed its words."""
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    fresh = qm.with_name(f".{qm.name}.{os.getpid()}.partial")
    try:
        subprocess.run([str(tool) if tool.exists() else "pyside6-lrelease", str(ts), "-qm", str(fresh)],
                       check=True, capture_output=True)
        os.replace(fresh, qm)
    finally:
        fresh.unlink(missing_ok=True)


def main() -> int:
    path = ts_path("ar")
    translations = read_ts(path)
    sources = source_strings()
    write_ts(path, "ar", translations, sources)
    compile_qm(path, path.with_suffix(".qm"))
    missing = [s for s in sources if not translations.get(s)]
    print(f"{len(sources)} strings, {len(missing)} without an Arabic translation")
    for text in missing:
        print(f"  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
