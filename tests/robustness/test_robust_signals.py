"""Ctrl-C (SIGINT), SIGTERM and kill -9 at every rename of an output write: the six files a reader
sees are, byte for byte, the previous build's, or (once the switch has happened) the new build's,
never a mix; the next build finds nothing left behind. Real signals: SIGINT and SIGTERM are sent
to this process (with kg's SIGTERM handler installed), kill -9 to a child process."""
import os
import shutil
import signal
import subprocess
import sys

import pytest
from robust_helpers import ARTICLE_ID, CORPUS, OUTPUTS, ROOT, reader_view, run_kg

import kg
from kg.cli import _sigterm_as_ctrl_c
from kg.export import atomic
from kg.export.atomic import write_all_atomic

SECOND = "001_0fa42a1973a9fe50"


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The six files of two real builds: `old` (one article) and `new` (another)."""
    base = tmp_path_factory.mktemp("builds")
    contents = {}
    for name, article in (("old", ARTICLE_ID), ("new", SECOND)):
        corpus = base / name / "corpus"
        corpus.mkdir(parents=True)
        shutil.copy(CORPUS / f"{article}.txt", corpus)
        kg.build(corpus, base / name / "out", cache=False, workers=1)
        contents[name] = reader_view(base / name / "out")
        assert sorted(contents[name]) == sorted(OUTPUTS)
    assert all(contents["old"][n] != contents["new"][n] for n in OUTPUTS)
    return contents


def _previous(folder, builds, layout: str):
    """An output folder holding the old build: written by kg, or as plain files (an older kg)."""
    if layout == "kg":
        write_all_atomic(builds["old"], folder)
    else:
        folder.mkdir()
        for name, data in builds["old"].items():
            (folder / name).write_bytes(data)
    assert reader_view(folder) == builds["old"]


def _renames(tmp_path, builds, layout: str, links: bool = True) -> list[str]:
    """The targets of every rename a write of the new build makes over such a folder."""
    folder = tmp_path / "dry-run"
    _previous(folder, builds, layout)
    calls: list[str] = []
    real = os.replace

    def replace(src, dst):
        calls.append(str(dst))
        return real(src, dst)
    saved = atomic._replace, atomic._symlink
    atomic._replace = replace
    if not links:
        atomic._symlink = _refuse
    try:
        write_all_atomic(builds["new"], folder)
    finally:
        atomic._replace, atomic._symlink = saved
    assert reader_view(folder) == builds["new"]
    return calls


def _refuse(*args, **kwargs):
    raise OSError(1, "Operation not permitted")


def _commit(calls: list[str]) -> int:
    """1-based index of the rename that switches to the new build (the last of `.kg/current`)."""
    return max(i for i, c in enumerate(calls, 1) if c.endswith("/.kg/current"))


def _tidy(folder):
    """What a later build finds: one generation (or none without links), no temporary file."""
    state = folder / ".kg"
    assert not [p for p in folder.rglob("*.tmp")]
    assert not [p for p in folder.iterdir() if p.name.startswith(".kg-stage")]
    gens = [p for p in state.iterdir() if p.name.startswith("gen-")] if state.exists() else []
    assert len(gens) <= 1


CASES = [(layout, sig, when) for layout in ("kg", "plain") for sig in ("SIGINT", "SIGTERM")
         for when in ("before", "after")]


@pytest.mark.bound(120)
@pytest.mark.parametrize("layout,sig,when", CASES)
def test_ctrl_c_and_sigterm_at_every_rename_leave_the_previous_or_the_new_build_never_a_mix(
        tmp_path, builds, monkeypatch, layout, sig, when):
    calls = _renames(tmp_path, builds, layout)
    commit = _commit(calls)
    number = getattr(signal, sig)
    for k in range(1, len(calls) + 1):
        folder = tmp_path / f"out-{k}"
        _previous(folder, builds, layout)
        real = os.replace
        seen = []

        def replace(src, dst, k=k):
            seen.append(dst)
            if len(seen) == k and when == "before":
                os.kill(os.getpid(), number)
            real(src, dst)
            if len(seen) == k and when == "after":
                os.kill(os.getpid(), number)
        monkeypatch.setattr(atomic, "_replace", replace)
        with _sigterm_as_ctrl_c(), pytest.raises(KeyboardInterrupt) as caught:
            write_all_atomic(builds["new"], folder)
        monkeypatch.undo()
        written = getattr(caught.value, "output_written", False)
        assert written == (k >= commit), (k, commit)           # the switch is held: done whole or not at all
        assert reader_view(folder) == builds["new" if written else "old"], k
        write_all_atomic(builds["new"], folder)                # the next build
        assert reader_view(folder) == builds["new"]
        _tidy(folder)


_KILLER = """
import os, signal, sys
from pathlib import Path
from kg.export import atomic
out, src, k, when, links = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5] == "1"
files = {p.name: p.read_bytes() for p in sorted(Path(src).iterdir())}
real, seen = atomic._replace, []
def replace(a, b):
    seen.append(b)
    if len(seen) == k and when == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    real(a, b)
    if len(seen) == k and when == "after":
        os.kill(os.getpid(), signal.SIGKILL)
atomic._replace = replace
if not links:
    def refuse(*a, **kw):
        raise OSError(1, "Operation not permitted")
    atomic._symlink = refuse
atomic.write_all_atomic(files, out)
"""


@pytest.mark.bound(170)
@pytest.mark.parametrize("layout", ["kg", "plain"])
def test_kill_9_at_every_rename_leaves_the_previous_or_the_new_build_never_a_mix(tmp_path, builds, layout):
    calls = _renames(tmp_path, builds, layout)
    commit = _commit(calls)
    src = tmp_path / "new-files"
    src.mkdir()
    for name, data in builds["new"].items():
        (src / name).write_bytes(data)
    for k in range(1, len(calls) + 1):
        for when in ("before", "after"):
            folder = tmp_path / f"out-{k}-{when}"
            _previous(folder, builds, layout)
            child = subprocess.run([sys.executable, "-c", _KILLER, str(folder), str(src), str(k), when, "1"],
                                   cwd=ROOT, capture_output=True, text=True, timeout=60)
            assert child.returncode == -signal.SIGKILL, child.stderr
            switched = k > commit or (k == commit and when == "after")
            assert reader_view(folder) == builds["new" if switched else "old"], (k, when)
            write_all_atomic(builds["new"], folder)            # the next build cleans up
            assert reader_view(folder) == builds["new"]
            _tidy(folder)


@pytest.mark.bound(120)
@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM"])
def test_without_links_ctrl_c_and_sigterm_at_any_rename_restore_the_previous_build(tmp_path, builds, monkeypatch,
                                                                                    sig):
    calls = _renames(tmp_path, builds, "plain", links=False)
    assert len(calls) == len(OUTPUTS)
    for k in range(1, len(calls) + 1):
        folder = tmp_path / f"out-{k}"
        _previous(folder, builds, "plain")
        real = os.replace
        seen = []

        def replace(src, dst, k=k):
            seen.append(dst)
            real(src, dst)
            if len(seen) == k:
                os.kill(os.getpid(), getattr(signal, sig))
        monkeypatch.setattr(atomic, "_replace", replace)
        monkeypatch.setattr(atomic, "_symlink", _refuse)
        with _sigterm_as_ctrl_c(), pytest.raises(KeyboardInterrupt):
            write_all_atomic(builds["new"], folder)
        monkeypatch.undo()
        assert reader_view(folder) == builds["old"], k
        _tidy(folder)


@pytest.mark.bound(170)
@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM"])
def test_kg_build_stopped_by_a_signal_before_the_switch_exits_130_and_keeps_the_previous_output(
        tmp_path, builds, sig):
    out = tmp_path / "out"
    _previous(out, builds, "kg")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / f"{SECOND}.txt", corpus)
    # the signal comes while the last output file is being written, just before the switch
    prelude = f"""
import os, signal
import kg.export.atomic as atomic
_real = atomic._write_file
def _write_file(path, payload, *args, **kwargs):
    _real(path, payload, *args, **kwargs)
    if path.name == "report.md":
        os.kill(os.getpid(), signal.{sig})
atomic._write_file = _write_file
"""
    child = run_kg(["build", corpus, "--out", out, "-q", "--workers", "1"], prelude=prelude, timeout=150)
    assert child.returncode == 130, child.stderr
    assert child.stderr.strip() == "kg: interrupted; previous output left intact"
    assert reader_view(out) == builds["old"]
    _tidy(out)


@pytest.mark.bound(170)
def test_kg_build_stopped_by_sigterm_after_the_switch_says_the_new_output_was_written(tmp_path, builds):
    out = tmp_path / "out"
    _previous(out, builds, "kg")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / f"{SECOND}.txt", corpus)
    prelude = """
import os, signal
import kg.export.atomic as atomic
_real = atomic._replace
def _replace(a, b):
    os.kill(os.getpid(), signal.SIGTERM)         # held until the switch is done
    _real(a, b)
atomic._replace = _replace
"""
    child = run_kg(["build", corpus, "--out", out, "-q", "--workers", "1", "--no-cache"], prelude=prelude,
                   timeout=150)
    assert child.returncode == 130, child.stderr
    assert child.stderr.strip() == "kg: interrupted after the new output was written"
    assert reader_view(out) == builds["new"]
