"""Nothing read from a file is ever run as code: no pickle, marshal, eval or exec."""

from __future__ import annotations

import ast
from pathlib import Path

import annotator

PACKAGE = Path(annotator.__file__).parent
UNSAFE_MODULES = {"pickle", "cPickle", "dill", "marshal", "shelve", "jsonpickle"}
UNSAFE_CALLS = {"eval", "exec", "compile", "__import__"}
UNSAFE_ATTRIBUTES = {("yaml", "load"), ("yaml", "unsafe_load"), ("numpy", "load")}


def _findings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [
                alias.name
                for alias in node.names
                if alias.name.split(".")[0] in UNSAFE_MODULES
            ]
        elif (
            isinstance(node, ast.ImportFrom)
            and (node.module or "").split(".")[0] in UNSAFE_MODULES
        ):
            found.append(f"from {node.module} import ...")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in UNSAFE_CALLS:
                found.append(f"{func.id}()")
            elif (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and (func.value.id, func.attr)
                in UNSAFE_ATTRIBUTES | {(m, "loads") for m in UNSAFE_MODULES}
            ):
                found.append(f"{func.value.id}.{func.attr}()")
    return [f"{path.relative_to(PACKAGE.parent)}:{finding}" for finding in found]


def test_package_never_unpickles_or_evaluates_file_content():
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20
    findings = [finding for path in files for finding in _findings(path)]
    assert findings == []
