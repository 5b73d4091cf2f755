"""Nothing lost: a build that fails or is interrupted while writing leaves the previous output
exactly as it was, and never a temporary or half-written file."""
import errno
import os
import stat

import pytest
from robust_helpers import ARTICLE, ARTICLE_ID, OUTPUTS

import kg
from kg.cli import main
from kg.export import atomic
from kg.export.atomic import OutputError, write_all_atomic

NEW = {name: f"mới: {name}\n" * 1000 for name in OUTPUTS}


@pytest.fixture
def previous(tmp_path):
    """An output folder holding a previous build's five files (and a cache folder of another tool)."""
    out = tmp_path / "output"
    out.mkdir()
    for name in OUTPUTS:
        (out / name).write_text(f"cũ: {name}\n", encoding="utf-8")
    (out / ".cache").mkdir()
    (out / ".cache" / "entry").write_bytes(b"kept")
    return out


def _snapshot(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _replace_failing_on(call: int, exc: BaseException, monkeypatch):
    """The writer's os.replace raises `exc` on its `call`-th use (1-based) and works otherwise."""
    real = os.replace
    calls = []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == call:
            raise exc
        return real(src, dst)

    monkeypatch.setattr(atomic, "_replace", replace)
    return calls


def test_all_files_are_written_and_nothing_else(previous):
    write_all_atomic(NEW, previous)
    snap = _snapshot(previous)
    assert snap == {".cache/entry": b"kept", **{n: NEW[n].encode("utf-8") for n in OUTPUTS}}


def test_failure_after_some_files_were_renamed_restores_every_previous_file(previous, monkeypatch):
    before = _snapshot(previous)
    calls = _replace_failing_on(3, OSError(errno.EIO, "Input/output error"), monkeypatch)
    with pytest.raises(OutputError,
                       match=r"output/graph\.json: cannot write: Input/output error; previous output left intact$"):
        write_all_atomic(NEW, previous)
    assert len(calls) > 3                       # two files had been replaced, and were put back
    assert _snapshot(previous) == before


def test_ctrl_c_during_the_renames_restores_every_previous_file(previous, monkeypatch):
    before = _snapshot(previous)
    _replace_failing_on(4, KeyboardInterrupt(), monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        write_all_atomic(NEW, previous)
    assert _snapshot(previous) == before


def _write_failing_after(nbytes: int, exc: BaseException, monkeypatch):
    """The writer's os.write writes `nbytes` in all, then raises `exc` (a disk filling up)."""
    real = os.write
    written = [0]

    def write(fd, data):
        room = nbytes - written[0]
        if room <= 0:
            raise exc
        n = real(fd, bytes(data[:room]))
        written[0] += n
        return n

    monkeypatch.setattr(atomic, "_write", write)


def test_disk_full_mid_write_keeps_the_previous_output_and_no_half_file(previous, monkeypatch):
    before = _snapshot(previous)
    _write_failing_after(25_000, OSError(errno.ENOSPC, "No space left on device"), monkeypatch)
    with pytest.raises(OutputError, match=r"output/graph\.html: cannot write: No space left on device"):
        write_all_atomic(NEW, previous)
    assert _snapshot(previous) == before


def test_ctrl_c_mid_write_keeps_the_previous_output_and_no_half_file(previous, monkeypatch):
    before = _snapshot(previous)
    _write_failing_after(5_000, KeyboardInterrupt(), monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        write_all_atomic(NEW, previous)
    assert _snapshot(previous) == before


def test_failed_first_build_leaves_no_file_at_all(tmp_path, monkeypatch):
    out = tmp_path / "output"
    _replace_failing_on(2, OSError(errno.EIO, "Input/output error"), monkeypatch)
    with pytest.raises(OutputError):
        write_all_atomic(NEW, out)
    assert _snapshot(out) == {}


def test_temporary_files_of_a_killed_build_are_removed_by_the_next(previous):
    (previous / ".graph.json.abc123.tmp").write_text("{half", encoding="utf-8")
    write_all_atomic(NEW, previous)
    assert not list(previous.glob("*.tmp")) and not list(previous.glob(".*.tmp"))


def test_output_files_are_readable_by_others_as_the_umask_allows(tmp_path):
    old = os.umask(0o022)
    try:
        write_all_atomic(NEW, tmp_path / "output")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "output" / "graph.json").stat().st_mode) == 0o644


def test_output_folder_that_is_a_file_is_an_output_error(tmp_path):
    (tmp_path / "output").write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputError, match="output"):
        write_all_atomic(NEW, tmp_path / "output")


def _corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / f"{ARTICLE_ID}.txt").write_bytes(ARTICLE.read_bytes())
    return folder


def test_kg_build_with_a_full_disk_exits_2_with_one_line_and_keeps_the_previous_output(tmp_path, previous,
                                                                                       monkeypatch, capsys):
    before = _snapshot(previous)
    _write_failing_after(0, OSError(errno.ENOSPC, "No space left on device"), monkeypatch)
    code = main(["build", str(_corpus(tmp_path)), "--out", str(previous), "-q", "--no-cache"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err == (f"kg: error: {previous}/graph.graphml: cannot write: No space left on device; "
                   "previous output left intact")
    assert _snapshot(previous) == before


def test_kg_build_interrupted_while_renaming_exits_130_and_keeps_the_previous_output(tmp_path, previous,
                                                                                      monkeypatch, capsys):
    before = _snapshot(previous)
    _replace_failing_on(3, KeyboardInterrupt(), monkeypatch)
    code = main(["build", str(_corpus(tmp_path)), "--out", str(previous), "-q", "--no-cache"])
    assert code == 130
    assert capsys.readouterr().err.strip() == "kg: interrupted; previous output left intact"
    assert _snapshot(previous) == before


def test_crash_while_rendering_writes_nothing(tmp_path, previous, monkeypatch):
    before = _snapshot(previous)

    def boom(*args, **kwargs):
        raise RuntimeError("exporter bug")

    monkeypatch.setattr("kg.pipeline.generate_report", boom)
    with pytest.raises(RuntimeError):
        kg.build(_corpus(tmp_path), previous, cache=False)
    assert _snapshot(previous) == before


# --- RDF files staged by a forked child (kg build with two or more workers) ---------------------

RDF = ("graph.trig", "graph.ttl")


@pytest.fixture(autouse=True)
def fork_allowed(monkeypatch):
    """Other test modules leave idle threads behind (a browser driver), which would make the writer
    stage everything in-process; the children here touch nothing those threads hold."""
    monkeypatch.setattr(atomic, "_fork_is_safe", lambda: True)


def test_files_staged_by_a_child_process_are_written_like_the_others(previous, tmp_path):
    pids = tmp_path / "pids"

    def rendered_in(name):
        def render():
            with open(pids, "a", encoding="utf-8") as fh:
                fh.write(f"{name} {os.getpid()}\n")
            return NEW[name]
        return render
    write_all_atomic({n: rendered_in(n) for n in NEW}, previous, parallel=[RDF])
    assert _snapshot(previous) == {".cache/entry": b"kept", **{n: NEW[n].encode("utf-8") for n in OUTPUTS}}
    where = dict(line.split() for line in pids.read_text(encoding="utf-8").splitlines())
    assert where["graph.ttl"] != str(os.getpid())                       # a child wrote it
    assert {where[n] for n in set(NEW) - set(RDF)} == {str(os.getpid())}


def test_a_full_disk_in_the_child_names_its_file_and_keeps_the_previous_output(previous):
    before = _snapshot(previous)

    def full():
        raise OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(OutputError, match=r"output/graph\.trig: cannot write: No space left on device; "
                                          r"previous output left intact$"):
        write_all_atomic({**NEW, "graph.trig": full}, previous, parallel=[RDF])
    assert _snapshot(previous) == before


def test_a_crash_in_the_childs_renderer_is_raised_here_and_writes_nothing(previous):
    before = _snapshot(previous)

    def boom():
        raise RuntimeError("exporter bug")
    with pytest.raises(RuntimeError, match="exporter bug"):
        write_all_atomic({**NEW, "graph.ttl": boom}, previous, parallel=[RDF])
    assert _snapshot(previous) == before


def test_failures_in_both_processes_report_the_same_file_every_time(previous):
    def full():
        raise OSError(errno.ENOSPC, "No space left on device")
    for _ in range(3):
        with pytest.raises(OutputError, match=r"output/graph\.graphml: cannot write"):
            write_all_atomic({**NEW, "graph.graphml": full, "graph.trig": full}, previous, parallel=[RDF])


def test_ctrl_c_here_stops_the_child_mid_write_and_leaves_no_half_file(previous):
    import time
    before = _snapshot(previous)

    def slow():
        for _ in range(600):
            time.sleep(0.01)
            yield "mới\n" * 100

    def interrupted():
        time.sleep(0.3)              # the child has staged part of graph.ttl by now
        raise KeyboardInterrupt
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        write_all_atomic({**NEW, "graph.ttl": slow, "graph.graphml": interrupted}, previous, parallel=[RDF])
    assert time.monotonic() - started < 4                  # stopped, not waited for
    assert _snapshot(previous) == before
