"""Issue 10, items 18 and 13 (export): what ``annotator export`` leaves on disk.

Each case runs a real ``annotator export`` process. Exports honour the user's umask
(they were 0600 files and 0700 brat folders, unreadable by a teammate or a brat
server); a full disk and a read-only file system (real tmpfs mounts, 64 KiB) give a
one-line error naming the output, exit 1, and leave neither a half-written output nor
a temporary file.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.paths import corpora_root

FORMATS = ("jsonl", "conll", "brat")
OUTPUT = {"jsonl": "out.jsonl", "conll": "out.conll", "brat": "out"}


def _cli(*args: object, umask: int | None = None) -> subprocess.CompletedProcess:
    set_umask = None if umask is None else (lambda: os.umask(umask))
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          capture_output=True, text=True, timeout=300, preexec_fn=set_umask)


def _make_project(folder: Path, copies: int) -> Path:
    """The demo article, annotated by ``demo``, as ``copies`` documents."""
    demo = json.loads((corpora_root() / "aleppo-2020-02-02.demo.jsonl").read_text(encoding="utf-8"))
    lines = [json.dumps({**demo, "id": f"aleppo-{n}"}, ensure_ascii=False) for n in range(copies)]
    source = folder / "many.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    project = folder / "p.sqlite"
    assert _cli("init", project).returncode == 0
    result = _cli("import", project, source)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def small_project(tmp_path_factory) -> Path:
    return _make_project(tmp_path_factory.mktemp("small"), 2)


@pytest.fixture(scope="module")
def large_project(tmp_path_factory) -> Path:
    """About 200 KB in every export format: more than the 64 KiB disk below."""
    return _make_project(tmp_path_factory.mktemp("large"), 40)


def _mount_tmpfs(where: Path, options: str) -> Iterator[Path]:
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({mounted.stderr.strip() or 'not permitted'}); "
                    "this test needs root or CAP_SYS_ADMIN")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)


@pytest.fixture
def full_disk(tmp_path) -> Iterator[Path]:
    yield from _mount_tmpfs(tmp_path / "small-disk", "size=64k,mode=0777")


@pytest.fixture
def read_only_disk(tmp_path) -> Iterator[Path]:
    yield from _mount_tmpfs(tmp_path / "read-only", "ro,size=64k")


def _modes(root: Path) -> dict[str, int]:
    """Permission bits of ``root`` and everything under it, by relative path."""
    found = {".": stat.S_IMODE(root.stat().st_mode)}
    for path in root.rglob("*"):
        found[str(path.relative_to(root))] = stat.S_IMODE(path.stat().st_mode)
    return found


def _one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines()  # progress may come first
             if line.strip() and not line.startswith("exported ")]
    assert len(lines) == 1 and lines[0].startswith("annotator export: error: "), result.stderr
    return lines[0]


# --- item 18: the umask ---------------------------------------------------------------
@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_modes_follow_the_umask(small_project, tmp_path, fmt, umask):
    out = tmp_path / "new-folder" / OUTPUT[fmt]  # its parent is made by the export too

    result = _cli("export", small_project, "-o", out, "--format", fmt, umask=umask)

    assert result.returncode == 0, result.stderr
    modes = _modes(tmp_path / "new-folder")
    files = {name for name, _ in modes.items() if (tmp_path / "new-folder" / name).is_file()}
    folders = set(modes) - files
    assert files and all(modes[name] == 0o666 & ~umask for name in files), modes
    assert all(modes[name] == 0o777 & ~umask for name in folders), modes
    if fmt == "brat":
        assert {"out/demo/annotation.conf", "out/demo/aleppo-0.ann", "out/demo/aleppo-1.txt"} <= files
    assert not [name for name in modes if name.endswith(".part")]


# --- item 13: a full disk -------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_to_a_full_disk_is_one_clear_error_and_leaves_nothing(large_project, full_disk, fmt):
    out = full_disk / OUTPUT[fmt]

    result = _cli("export", large_project, "-o", out, "--format", fmt)

    message = _one_line_error(result)
    assert "the disk is full" in message and str(out) in message
    assert list(full_disk.iterdir()) == []  # no half-written output, no temporary file


def test_a_failed_export_keeps_the_previous_export_whole(large_project, small_project, full_disk):
    out = full_disk / "out.jsonl"
    assert _cli("export", small_project, "-o", out, "--format", "jsonl").returncode == 0
    before = out.read_bytes()

    result = _cli("export", large_project, "-o", out, "--format", "jsonl")

    assert "the disk is full" in _one_line_error(result)
    assert out.read_bytes() == before
    assert [path.name for path in full_disk.iterdir()] == ["out.jsonl"]


# --- item 13: a read-only file system -------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("where", [".", "sub/folder"])
def test_export_to_a_read_only_file_system_is_one_clear_error(small_project, read_only_disk, fmt, where):
    out = read_only_disk / where / OUTPUT[fmt]

    result = _cli("export", small_project, "-o", out, "--format", fmt)

    message = _one_line_error(result)
    assert "read-only" in message and str(out) in message
    assert list(read_only_disk.iterdir()) == []
