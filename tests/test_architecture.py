"""The architecture holds: package layers without cycles, Qt only in ui/, SQLite only in
storage/ (import-linter, contracts in pyproject.toml), and the lint rules (ruff)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_architecture_package_contracts_are_kept():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = _run(str(lint_imports))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_architecture_code_passes_the_lint_rules():
    result = _run(sys.executable, "-m", "ruff", "check", "annotator", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr
