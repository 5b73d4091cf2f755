"""Nothing lost: a build that fails or is interrupted while writing leaves the previous output
exactly as it was, a reader never sees two builds mixed, and no temporary or half-written file is
left (see kg/export/atomic.py for the layout: OUT/graph.json -> .kg/current/graph.json)."""
import errno
import os
import stat

import pytest
from robust_helpers import ARTICLE, ARTICLE_ID, OUTPUTS, reader_view

import kg
from kg.cli import main
from kg.export import atomic
from kg.export.atomic import Folder, OutputError, write_all_atomic, write_atomic

NEW = {name: f"mới: {name}\n" * 1000 for name in OUTPUTS}
NEW_VIEW = {n: NEW[n].encode("utf-8") for n in OUTPUTS}


@pytest.fixture
def previous(tmp_path):
    """An output folder holding a previous build (written by kg) and the cache of that build."""
    out = tmp_path / "output"
    write_all_atomic({name: f"cũ: {name}\n" for name in OUTPUTS}, out)
    (out / ".cache").mkdir()
    (out / ".cache" / "entry").write_bytes(b"kept")
    return out


@pytest.fixture
def plain_previous(tmp_path):
    """An output folder of plain files, as kg wrote them before the generations layout."""
    out = tmp_path / "output"
    out.mkdir()
    for name in OUTPUTS:
        (out / name).write_text(f"cũ: {name}\n", encoding="utf-8")
    return out


def _state(out):
    """What is in OUT/.kg besides the lock: `current` and exactly one generation."""
    names = sorted(p.name for p in (out / ".kg").iterdir() if p.name != "lock")
    assert names[0] == "current" and len(names) == 2 and names[1].startswith("gen-"), names
    assert os.readlink(out / ".kg" / "current") == names[1]
    return names[1]


def _no_leftovers(out):
    _state(out)
    assert not [p for p in out.rglob("*.tmp")]


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


def test_all_files_are_written_each_path_leads_to_it_and_the_cache_is_left_alone(previous):
    write_all_atomic(NEW, previous)
    assert reader_view(previous) == NEW_VIEW
    assert (previous / ".cache" / "entry").read_bytes() == b"kept"
    for name in OUTPUTS:
        assert os.readlink(previous / name) == f".kg/current/{name}"
    _no_leftovers(previous)


def test_a_failure_at_the_switch_keeps_the_previous_output_and_removes_the_new_files(previous, monkeypatch):
    before = reader_view(previous)
    old_gen = _state(previous)
    _replace_failing_on(1, OSError(errno.EIO, "Input/output error"), monkeypatch)
    with pytest.raises(OutputError,
                       match=r"output/\.kg/current: cannot write: Input/output error; previous output left intact$"):
        write_all_atomic(NEW, previous)
    assert reader_view(previous) == before and _state(previous) == old_gen
    _no_leftovers(previous)


def test_ctrl_c_at_the_switch_keeps_the_previous_output(previous, monkeypatch):
    before = reader_view(previous)
    _replace_failing_on(1, KeyboardInterrupt(), monkeypatch)
    with pytest.raises(KeyboardInterrupt) as caught:
        write_all_atomic(NEW, previous)
    assert not getattr(caught.value, "output_written", False)
    assert reader_view(previous) == before
    _no_leftovers(previous)


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
    before = reader_view(previous)
    _write_failing_after(25_000, OSError(errno.ENOSPC, "No space left on device"), monkeypatch)
    with pytest.raises(OutputError, match=r"output/graph\.html: cannot write: No space left on device"):
        write_all_atomic(NEW, previous)
    assert reader_view(previous) == before
    _no_leftovers(previous)


def test_ctrl_c_mid_write_keeps_the_previous_output_and_no_half_file(previous, monkeypatch):
    before = reader_view(previous)
    _write_failing_after(5_000, KeyboardInterrupt(), monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        write_all_atomic(NEW, previous)
    assert reader_view(previous) == before
    _no_leftovers(previous)


def test_failed_first_build_shows_no_file_at_all(tmp_path, monkeypatch):
    out = tmp_path / "output"
    _replace_failing_on(1, OSError(errno.EIO, "Input/output error"), monkeypatch)
    with pytest.raises(OutputError):
        write_all_atomic(NEW, out)
    assert reader_view(out) == {}
    assert not [p for p in out.iterdir() if p.name != ".kg"]


def test_what_a_killed_build_left_is_removed_by_the_next(previous):
    state = previous / ".kg"
    (state / "gen-killed").mkdir()
    (state / "gen-killed" / "graph.json").write_text("{half", encoding="utf-8")
    os.symlink("gen-killed", state / ".current-gen-killed.tmp")
    (previous / ".graph.json.abc123.tmp").write_text("{half", encoding="utf-8")     # an older kg's temporary file
    write_all_atomic(NEW, previous)
    assert reader_view(previous) == NEW_VIEW
    _no_leftovers(previous)
    assert not (previous / ".graph.json.abc123.tmp").exists()


def test_output_files_are_readable_by_others_as_the_umask_allows(tmp_path):
    old = os.umask(0o022)
    try:
        write_all_atomic(NEW, tmp_path / "output")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "output" / "graph.json").stat().st_mode) == 0o644
    for folder in (tmp_path / "output" / ".kg", tmp_path / "output" / ".kg" / "current"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o755          # others can follow the links


def test_output_folder_that_is_a_file_is_an_output_error(tmp_path):
    (tmp_path / "output").write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputError, match=r"output: not a folder \(--out must name a folder\)"):
        write_all_atomic(NEW, tmp_path / "output")
    assert (tmp_path / "output").read_text(encoding="utf-8") == "not a folder"


def test_plain_files_of_an_older_kg_are_replaced_whole(plain_previous):
    write_all_atomic(NEW, plain_previous)
    assert reader_view(plain_previous) == NEW_VIEW
    _no_leftovers(plain_previous)
    assert all(os.path.islink(plain_previous / n) for n in OUTPUTS)


def test_a_failure_while_moving_plain_files_into_the_layout_keeps_what_a_reader_sees(tmp_path, monkeypatch):
    # renames: the adopted generation's switch, the six links, the new build's switch
    for k in range(1, 9):
        out = tmp_path / f"output-{k}"
        out.mkdir()
        for name in OUTPUTS:
            (out / name).write_text(f"cũ: {name}\n", encoding="utf-8")
        before = reader_view(out)
        calls = _replace_failing_on(k, OSError(errno.EIO, "Input/output error"), monkeypatch)
        with pytest.raises(OutputError):
            write_all_atomic(NEW, out)
        assert len(calls) == k and reader_view(out) == before, k
        monkeypatch.undo()
        write_all_atomic(NEW, out)                 # the next build completes the move
        assert reader_view(out) == NEW_VIEW
        _no_leftovers(out)


def test_a_folder_where_an_output_goes_stops_the_write_and_changes_nothing(previous):
    before = reader_view(previous)
    os.unlink(previous / "graph.html")
    (previous / "graph.html").mkdir()
    (previous / "graph.html" / "notes.txt").write_text("của tôi", encoding="utf-8")
    with pytest.raises(OutputError, match=r"output/graph\.html: a folder is where this output goes"):
        write_all_atomic(NEW, previous)
    assert (previous / "graph.html" / "notes.txt").read_text(encoding="utf-8") == "của tôi"
    del before["graph.html"]
    assert reader_view(previous) == before


def test_an_output_dropped_by_the_new_build_disappears_with_the_switch(previous):
    write_all_atomic({n: NEW[n] for n in OUTPUTS if n != "report.md"}, previous)
    assert not os.path.lexists(previous / "report.md")
    _no_leftovers(previous)


def test_a_folder_output_and_files_in_a_sub_folder_are_switched_with_the_rest(previous):
    def store(path):
        path.mkdir()
        (path / "data.bin").write_bytes(b"\x00\x01")
    write_all_atomic({**NEW, "store": Folder(store), "neo4j/nodes.csv": "id\n1\n"}, previous)
    assert (previous / "store" / "data.bin").read_bytes() == b"\x00\x01"
    assert (previous / "neo4j" / "nodes.csv").read_text(encoding="utf-8") == "id\n1\n"
    write_all_atomic(NEW, previous)
    assert not os.path.lexists(previous / "store") and not os.path.lexists(previous / "neo4j")


def test_interrupt_after_the_switch_says_the_new_output_was_written(previous, monkeypatch):
    real = os.replace

    def replace(src, dst):
        real(src, dst)
        raise KeyboardInterrupt
    monkeypatch.setattr(atomic, "_replace", replace)
    with pytest.raises(KeyboardInterrupt) as caught:
        write_all_atomic(NEW, previous)
    assert caught.value.output_written is True
    assert reader_view(previous) == NEW_VIEW


def test_single_file_writer_makes_a_plain_file(tmp_path):
    write_atomic(tmp_path / "g.json", "{}")
    assert (tmp_path / "g.json").read_text(encoding="utf-8") == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json"]


# --- where symbolic links cannot be made: files renamed one by one --------------------------------

@pytest.fixture
def no_links(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")
    monkeypatch.setattr(atomic, "_symlink", refuse)


def test_without_links_the_files_are_written_as_plain_files(plain_previous, no_links):
    write_all_atomic(NEW, plain_previous)
    assert reader_view(plain_previous) == NEW_VIEW
    assert not any(os.path.islink(plain_previous / n) for n in OUTPUTS)
    assert not [p for p in plain_previous.iterdir() if p.name.startswith(".kg-stage")]


def test_without_links_a_failure_at_any_rename_restores_every_previous_file(plain_previous, no_links, monkeypatch):
    before = reader_view(plain_previous)
    for k in range(1, len(OUTPUTS) + 1):
        _replace_failing_on(k, OSError(errno.EIO, "Input/output error"), monkeypatch)
        with pytest.raises(OutputError, match="previous output left intact"):
            write_all_atomic(NEW, plain_previous)
        assert reader_view(plain_previous) == before, k
        assert not [p for p in plain_previous.iterdir() if p.name.startswith((".kg-stage", ".graph", ".report"))]


# --- kg build -------------------------------------------------------------------------------------

def _corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / f"{ARTICLE_ID}.txt").write_bytes(ARTICLE.read_bytes())
    return folder


def test_kg_build_with_a_full_disk_exits_2_with_one_line_and_keeps_the_previous_output(tmp_path, previous,
                                                                                       monkeypatch, capsys):
    before = reader_view(previous)
    _write_failing_after(0, OSError(errno.ENOSPC, "No space left on device"), monkeypatch)
    code = main(["build", str(_corpus(tmp_path)), "--out", str(previous), "-q", "--no-cache", "--workers", "1"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err == (f"kg: error: {previous}/graph.graphml: cannot write: No space left on device; "
                   "previous output left intact")
    assert reader_view(previous) == before


def test_kg_build_interrupted_at_the_switch_exits_130_and_keeps_the_previous_output(tmp_path, previous,
                                                                                     monkeypatch, capsys):
    before = reader_view(previous)
    _replace_failing_on(1, KeyboardInterrupt(), monkeypatch)
    code = main(["build", str(_corpus(tmp_path)), "--out", str(previous), "-q", "--no-cache"])
    assert code == 130
    assert capsys.readouterr().err.strip() == "kg: interrupted; previous output left intact"
    assert reader_view(previous) == before


def test_crash_while_rendering_writes_nothing(tmp_path, previous, monkeypatch):
    before = reader_view(previous)

    def boom(*args, **kwargs):
        raise RuntimeError("exporter bug")

    monkeypatch.setattr("kg.pipeline.generate_report", boom)
    with pytest.raises(RuntimeError):
        kg.build(_corpus(tmp_path), previous, cache=False)
    assert reader_view(previous) == before
    _no_leftovers(previous)


# --- RDF files rendered by a forked child (kg build with two or more workers) --------------------

RDF = ("graph.trig", "graph.ttl")


@pytest.fixture
def fork_allowed(monkeypatch):
    """Other test modules leave idle threads behind (a browser driver), which would make the writer
    render everything in-process; the children here touch nothing those threads hold."""
    monkeypatch.setattr(atomic, "_fork_is_safe", lambda: True)


def test_files_rendered_by_a_child_process_are_written_like_the_others(previous, tmp_path, fork_allowed):
    pids = tmp_path / "pids"

    def rendered_in(name):
        def render():
            with open(pids, "a", encoding="utf-8") as fh:
                fh.write(f"{name} {os.getpid()}\n")
            return NEW[name]
        return render
    write_all_atomic({n: rendered_in(n) for n in NEW}, previous, parallel=[RDF])
    assert reader_view(previous) == NEW_VIEW
    where = dict(line.split() for line in pids.read_text(encoding="utf-8").splitlines())
    assert where["graph.ttl"] != str(os.getpid())                       # a child wrote it
    assert {where[n] for n in set(NEW) - set(RDF)} == {str(os.getpid())}


def test_a_full_disk_in_the_child_names_its_file_and_keeps_the_previous_output(previous, fork_allowed):
    before = reader_view(previous)

    def full():
        raise OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(OutputError, match=r"output/graph\.trig: cannot write: No space left on device; "
                                          r"previous output left intact$"):
        write_all_atomic({**NEW, "graph.trig": full}, previous, parallel=[RDF])
    assert reader_view(previous) == before
    _no_leftovers(previous)


def test_a_crash_in_the_childs_renderer_is_raised_here_and_writes_nothing(previous, fork_allowed):
    before = reader_view(previous)

    def boom():
        raise RuntimeError("exporter bug")
    with pytest.raises(RuntimeError, match="exporter bug"):
        write_all_atomic({**NEW, "graph.ttl": boom}, previous, parallel=[RDF])
    assert reader_view(previous) == before


def test_failures_in_both_processes_report_the_same_file_every_time(previous, fork_allowed):
    def full():
        raise OSError(errno.ENOSPC, "No space left on device")
    for _ in range(3):
        with pytest.raises(OutputError, match=r"output/graph\.graphml: cannot write"):
            write_all_atomic({**NEW, "graph.graphml": full, "graph.trig": full}, previous, parallel=[RDF])


def test_ctrl_c_here_stops_the_child_mid_write_and_leaves_no_half_file(previous, fork_allowed):
    import time
    before = reader_view(previous)

    def slow():
        for _ in range(600):
            time.sleep(0.01)
            yield "mới\n" * 100

    def interrupted():
        time.sleep(0.3)              # the child has written part of graph.ttl by now
        raise KeyboardInterrupt
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        write_all_atomic({**NEW, "graph.ttl": slow, "graph.graphml": interrupted}, previous, parallel=[RDF])
    assert time.monotonic() - started < 4                  # stopped, not waited for
    assert reader_view(previous) == before
    _no_leftovers(previous)


def test_a_folder_output_written_by_an_older_kg_is_taken_over(plain_previous):
    (plain_previous / "neo4j").mkdir()
    (plain_previous / "neo4j" / "nodes.csv").write_text("cũ\n", encoding="utf-8")
    write_all_atomic({**NEW, "neo4j/nodes.csv": "mới\n"}, plain_previous)
    assert (plain_previous / "neo4j" / "nodes.csv").read_text(encoding="utf-8") == "mới\n"
    assert os.path.islink(plain_previous / "neo4j") and reader_view(plain_previous) == NEW_VIEW
    _no_leftovers(plain_previous)
