"""Write the output files so that a reader never sees a mix of two builds, and a crash, Ctrl-C,
SIGTERM, kill -9 or a full disk never leaves a half-written file.

Layout of an output folder (where the file system has symbolic links):

    OUT/graph.json -> .kg/current/graph.json      one link per output, made once, never changed
    OUT/.kg/current -> gen-1a2b3c                  the build readers see
    OUT/.kg/gen-1a2b3c/graph.json …                every file of that build

A build writes all its files into a new `.kg/gen-…` folder (fsynced), then switches `.kg/current`
to it with one rename: that rename is the only moment the output changes, and it changes whole.
Before it, a reader sees the previous build; after it, the new one; `OUT/graph.json` and the
other paths keep working as paths. Interrupted before the switch (an error, Ctrl-C, SIGTERM,
kill -9, power loss), the previous build stays current; the new folder is invisible and the next
build removes it. Ctrl-C and SIGTERM are held back during the switch, so they land either before
it (nothing changed) or after it (the new build is complete). An output folder from an older
kg (plain files) is first moved into this layout without changing what a reader sees.

Where symbolic links cannot be made (FAT or some network file systems, Windows without developer
mode), the files are written to temporary names beside their targets and renamed into place one
by one, restoring the previous files if anything fails; Ctrl-C and SIGTERM are held back during
the renames, but a kill -9 or power loss in the middle of them can leave a mix.
"""
from __future__ import annotations

import contextlib
import errno
import gc
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import NamedTuple

from ..errors import KgError, shown

# The system calls that can fail half-way, named here so tests can make them fail (a full disk,
# Ctrl-C, a kill at a given rename) without patching the os module for every other library.
_write = os.write
_replace = os.replace
_symlink = os.symlink

STATE = ".kg"                  # the generations and the `current` link, inside the output folder
CURRENT = "current"
GEN_PREFIX = "gen-"


class OutputError(KgError):
    """An output file cannot be written (disk full, no permission); the previous output is kept."""


class Folder(NamedTuple):
    """An output that is a folder: `write(path)` creates it, with everything in it, at `path`."""
    write: Callable[[Path], None]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _payload(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        n = _write(fd, view)
        view = view[n:]


def _write_chunks(fd: int, chunks) -> None:
    """Write an iterable of str/bytes chunks, buffered."""
    buf: list[bytes] = []
    size = 0
    for chunk in chunks:
        data = chunk.encode("utf-8", "replace") if isinstance(chunk, str) else chunk
        buf.append(data)
        size += len(data)
        if size >= 1 << 20:
            _write_all(fd, b"".join(buf))
            buf, size = [], 0
    _write_all(fd, b"".join(buf))


def _write_file(path: Path, payload, exclusive: bool = True, sync: Callable[[int], None] = os.fsync) -> None:
    """Write `payload` (str, bytes, or an iterable of str/bytes chunks) to a new file and fsync it
    (or hand its descriptor to `sync`, which must not close it)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o666 & ~_umask())
    try:
        if isinstance(payload, str):
            _write_all(fd, _payload(payload))
        elif isinstance(payload, (bytes, bytearray, memoryview)):
            _write_all(fd, payload)
        else:
            _write_chunks(fd, payload)
        sync(fd)
    finally:
        os.close(fd)


class _Syncs:
    """Each rendered file fsynced by a thread of its own while the next file is rendered: the disk
    writes overlap the rendering instead of stopping it (on the 10,000-article build, 0.5-0.7 s of
    fsync in each rendering process). `wait` joins them: (output name, error) of the first that failed."""

    def __init__(self):
        self.threads: list[threading.Thread] = []
        self.errors: list[tuple[str, OSError]] = []

    def start(self, name: str) -> Callable[[int], None]:
        def sync(fd: int) -> None:
            copy = os.dup(fd)                 # _write_file closes its own descriptor at once
            thread = threading.Thread(target=self._sync, args=(name, copy), daemon=True)
            thread.start()
            self.threads.append(thread)
        return sync

    def _sync(self, name: str, fd: int) -> None:
        try:
            os.fsync(fd)
        except OSError as exc:
            self.errors.append((name, exc))
        finally:
            os.close(fd)

    def wait(self) -> tuple[str, OSError] | None:
        for thread in self.threads:
            thread.join()
        return min(self.errors, key=lambda e: e[0]) if self.errors else None


def _render_into(folder: Path, name: str, data, syncs: _Syncs | None = None) -> None:
    """Render one output (a value, a callable giving it, or a Folder) into `folder/name` (fsynced
    meanwhile by `syncs`, if given)."""
    target = folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, Folder):
        data.write(target)
        return
    payload = data() if callable(data) else data
    _write_file(target, payload, sync=syncs.start(name) if syncs is not None else os.fsync)


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _remove_tree(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)
    except OSError:
        pass


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fsync_tree(folder: Path) -> None:
    for root, dirs, _ in os.walk(folder):
        _fsync_dir(Path(root))


@contextlib.contextmanager
def _no_cyclic_gc():
    """Rendering a large graph allocates millions of small acyclic objects (tuples, sets, strings in
    lists); the cyclic collector finds nothing among them but rescans the whole heap as they pile up,
    a tenth of the rendering time. Reference counting still frees everything as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_HELD = tuple(getattr(signal, n) for n in ("SIGINT", "SIGTERM") if hasattr(signal, n))


@contextlib.contextmanager
def signals_held():
    """Ctrl-C and SIGTERM wait until the block is done, then act as they would have. (Python runs
    signal handlers in the main thread only, whichever thread the OS delivered the signal to, so
    swapping the handlers holds them back; a signal mask would not, with other threads about.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    got: list[int] = []

    def hold(signum, frame):
        got.append(signum)
    previous = {}
    for s in _HELD:
        handler = signal.getsignal(s)
        if handler is not None:                 # installed outside Python: leave it alone
            previous[s] = signal.signal(s, hold)
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        if got:
            handler = previous.get(got[0])
            if callable(handler):
                handler(got[0], None)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(got[0])


# --------------------------------------------------------------------------- single files

def write_atomic(path: str | os.PathLike, data: str | bytes) -> None:
    """Write one file: temporary file beside `path`, fsync, then rename over it."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _temporary_name(path)
        try:
            _write_file(tmp, data)
            _replace(tmp, path)
        except BaseException:
            _unlink(tmp)
            raise
    except OSError as exc:
        raise OutputError(f"{shown(path)}: cannot write: {exc.strerror or exc}") from exc


def _new_folder(parent: Path, prefix: str) -> Path:
    """A new, uniquely named folder, readable by others as the umask allows (mkdtemp makes 0700)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    os.chmod(folder, 0o777 & ~_umask())
    return folder


def _temporary_name(target: Path, suffix: str = ".tmp") -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    os.unlink(tmp)
    return Path(tmp)


# --------------------------------------------------------------------------- the whole output

def check_out_dir(out_dir: str | os.PathLike) -> None:
    """OutputError unless `out_dir` is a folder or can become one (checked before a build starts,
    so that `--out` naming a file fails at once)."""
    p = Path(out_dir)
    try:
        os.stat(p)
    except FileNotFoundError:
        parent = p.parent
        while True:                               # the nearest existing ancestor must be a folder
            try:
                st = os.stat(parent)
            except FileNotFoundError:
                if parent == parent.parent:
                    return
                parent = parent.parent
                continue
            except OSError as exc:
                raise OutputError(f"{shown(p)}: cannot use as output folder: {exc.strerror or exc}") from None
            if not os.path.isdir(parent):
                raise OutputError(f"{shown(p)}: cannot use as output folder: {shown(parent)} is not a folder")
            return
    except OSError as exc:
        raise OutputError(f"{shown(p)}: cannot use as output folder: {exc.strerror or exc}") from None
    if not p.is_dir():
        raise OutputError(f"{shown(p)}: not a folder (--out must name a folder)")


def write_all_atomic(files: dict, out_dir: str | os.PathLike, parallel: Iterable[Collection[str]] = ()) -> None:
    """Write every file as one new build of `out_dir` (see the module docstring). OSError becomes
    OutputError; a KeyboardInterrupt raised once the new build is in place carries
    `output_written = True`.

    A value may be str/bytes, a zero-argument callable that renders the content (str, bytes, or an
    iterator of str chunks that is streamed to disk: it is called when its file is written and
    dropped right after, so at most one rendered file is in memory at a time per process), or a
    Folder. Names may contain '/' (files in a sub-folder of the output).

    `parallel`: groups of file names each rendered by a forked child process while this process
    renders the other files (only where fork is safe: Linux, no other thread; else everything is
    rendered here). Children never switch anything: the all-or-nothing step stays here."""
    out_dir = Path(out_dir)
    check_out_dir(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        linked = _links_work(out_dir)
    except OSError as exc:
        raise OutputError(f"{shown(out_dir)}: cannot write: {exc.strerror or exc}; "
                          "previous output left intact") from exc
    with _locked(out_dir):
        if linked:
            _Generations(out_dir).write(files, parallel)
        else:
            _write_in_place(files, out_dir, parallel)


@contextlib.contextmanager
def _locked(out_dir: Path):
    """One writer at a time per output folder: a second build into it waits for the first (the
    lock goes with the process, even when it is killed)."""
    try:
        import fcntl
    except ImportError:                          # not POSIX
        yield
        return
    try:
        fd = os.open(out_dir / STATE / "lock", os.O_RDWR | os.O_CREAT, 0o666 & ~_umask())
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _links_work(out_dir: Path) -> bool:
    """Whether symbolic links can be made in the output folder (a probe link, removed at once)."""
    state = out_dir / STATE
    state.mkdir(exist_ok=True)
    if os.name != "posix":
        return False
    if os.path.islink(state / CURRENT):
        return True                              # made by an earlier build here
    probe = state / f".probe-{os.getpid()}"
    _unlink(probe)
    try:
        _symlink(CURRENT, probe)
    except NotImplementedError:
        return False
    except OSError as exc:
        if exc.errno in _NO_LINKS:
            return False
        raise                                    # a full disk, a read-only folder: an error, not a kind of disk
    _unlink(probe)
    return True


_NO_LINKS = {getattr(errno, n) for n in ("EPERM", "EOPNOTSUPP", "ENOTSUP", "ENOSYS", "EINVAL") if hasattr(errno, n)}


def _top(name: str) -> str:
    return name.split("/", 1)[0]


class _Generations:
    """The output folder as generations and one `current` link (see the module docstring)."""

    def __init__(self, out_dir: Path):
        self.out = out_dir
        self.state = out_dir / STATE
        self.current = self.state / CURRENT

    def link_text(self, name: str) -> str:
        return f"{STATE}/{CURRENT}/{name}"

    def current_gen(self) -> Path | None:
        try:
            target = os.readlink(self.current)
        except OSError:
            return None
        if "/" in target or not target.startswith(GEN_PREFIX):
            return None
        return self.state / target

    def is_ours(self, name: str) -> bool:
        try:
            return os.readlink(self.out / name) == self.link_text(name)
        except OSError:
            return False

    def tidy(self) -> None:
        """What a killed build left: generation folders that are not current, temporary links."""
        keep = self.current_gen()
        for entry in os.scandir(self.state):
            p = Path(entry.path)
            if entry.name == CURRENT or (keep is not None and p == keep):
                continue
            if entry.name.startswith((GEN_PREFIX, ".")) and entry.name != "lock":
                _remove_tree(p)
        for entry in os.scandir(self.out):       # temporary files of an older kg's writer
            if entry.name.startswith(".") and entry.name.endswith(".tmp") and entry.is_file(follow_symlinks=False):
                _unlink(Path(entry.path))

    def switch(self, gen: Path) -> None:
        """Point `current` at `gen`: a new link renamed over the old one, one atomic step."""
        tmp = self.state / f".{CURRENT}-{gen.name}.tmp"
        _unlink(tmp)
        _symlink(gen.name, tmp)
        try:
            _replace(tmp, self.current)
        except BaseException:
            _unlink(tmp)
            raise
        _fsync_dir(self.state)

    def adopt(self, names: list[str]) -> None:
        """Move entries of an older layout (plain files, or links not ours) under `current`
        without changing what a reader sees: copy them (and the current build's other files) into
        a new generation, make it current, then rename a link over each plain file."""
        old = self.current_gen()
        gen = _new_folder(self.state, GEN_PREFIX)
        try:
            present = set(os.listdir(old)) if old is not None and old.is_dir() else set()
            for name in sorted(present | set(names)):
                src = (self.out / name) if name in names else (old / name)
                if not os.path.lexists(src) or (name in names and not os.path.exists(src)):
                    continue                        # a dangling link of an older layout: nothing to keep
                if os.path.isdir(src):
                    shutil.copytree(src, gen / name, symlinks=True)
                else:
                    try:
                        os.link(os.path.realpath(src), gen / name)
                    except OSError:
                        shutil.copy2(src, gen / name)
            _fsync_tree(gen)
            self.switch(gen)
        except BaseException:
            if self.current_gen() != gen:
                _remove_tree(gen)
            raise
        for name in names:
            tmp = self.out / f".{name}.link.tmp"
            _unlink(tmp)
            _symlink(self.link_text(name), tmp)
            target = self.out / name
            if target.is_dir() and not target.is_symlink():
                # A folder output of an older kg (neo4j/): a link cannot be renamed over a folder, so
                # the folder is moved aside first; for that instant the folder's path is missing.
                aside = _new_folder(self.state, ".adopted-")
                _replace(target, aside / name)
                _replace(tmp, target)
                _remove_tree(aside)
            else:
                _replace(tmp, target)
        if old is not None:
            _remove_tree(old)

    def write(self, files: dict, parallel) -> None:
        where: Path = self.out
        gen: Path | None = None
        made: list[str] = []                      # links this build created (absent before)
        committed = False
        try:
            try:
                self.tidy()
                tops = sorted({_top(n) for n in files})
                in_the_way = [t for t in tops if not self.is_ours(t) and os.path.lexists(self.out / t)]
                folders = {_top(n) for n, v in files.items() if "/" in n or isinstance(v, Folder)}
                for t in in_the_way:
                    if t not in folders and os.path.isdir(self.out / t) and not os.path.islink(self.out / t):
                        where = self.out / t
                        raise OutputError(f"{shown(where)}: a folder is where this output goes; "
                                          "move it away; previous output left intact")
                gen = _new_folder(self.state, GEN_PREFIX)
                _render_generation(files, gen, parallel, self.out)
                _fsync_tree(gen)
                if in_the_way:
                    self.adopt(in_the_way)
                for t in tops:
                    if not os.path.lexists(self.out / t):
                        where = self.out / t
                        _symlink(self.link_text(t), self.out / t)   # dangles (or shows the old) until the switch
                        made.append(t)
                _fsync_dir(self.out)
                old = self.current_gen()
                where = self.current
                with signals_held():
                    self.switch(gen)
                    committed = True
                with signals_held():
                    self._after_switch(old, gen, tops)
            except OSError as exc:
                raise OutputError(f"{shown(where)}: cannot write: {exc.strerror or exc}; "
                                  "previous output left intact") from exc
        except BaseException as exc:
            if committed or (gen is not None and self.current_gen() == gen):     # the switch happened
                if isinstance(exc, KeyboardInterrupt):
                    exc.output_written = True     # type: ignore[attr-defined]
                raise
            with signals_held():
                if gen is not None and self.current_gen() != gen:
                    _remove_tree(gen)
                for t in made:
                    _unlink(self.out / t)
            raise

    def _after_switch(self, old: Path | None, gen: Path, tops: list[str]) -> None:
        """Remove the previous generation, and links to outputs this build no longer has."""
        if old is not None and old != gen:
            _remove_tree(old)
        for entry in os.scandir(self.out):
            if entry.is_symlink() and entry.name not in tops and self.is_ours(entry.name):
                _unlink(Path(entry.path))


def _render_generation(files: dict, gen: Path, parallel, shown_as: Path) -> None:
    """Render every output into the folder `gen` (some in forked children). The first failure (by
    name, so the same whatever finished first) is raised, an OSError as an OutputError naming
    the file under `shown_as` (the output folder, as the user knows it)."""
    groups = [sorted(set(g) & set(files)) for g in parallel] if _fork_is_safe() else []
    groups = [g for g in groups if g]
    in_children = {name for g in groups for name in g}
    children = [_Child.start({name: files[name] for name in g}, gen) for g in groups]
    own_error: tuple[Path, BaseException] | None = None
    syncs = _Syncs()                           # (threads only now: the children are forked)
    try:
        with _no_cyclic_gc():
            for name, data in sorted(files.items()):
                if name in in_children:
                    continue
                try:
                    _render_into(gen, name, data, syncs)
                except Exception as exc:       # still collect the children below
                    own_error = (name, exc)
                    break
    except BaseException:
        _stop(children)
        syncs.wait()
        raise
    errors = [e for e in (own_error, syncs.wait()) if e]
    for child in children:
        result = child.result()
        if result is not None:
            errors.append(result)
    if errors:
        name, exc = min(errors, key=lambda e: e[0])
        if isinstance(exc, OSError):
            raise OutputError(f"{shown(shown_as / name)}: cannot write: {exc.strerror or exc}; "
                              "previous output left intact") from exc
        raise exc


def _fork_is_safe() -> bool:
    """A forked child inherits every lock as it was: fork only when no other thread could hold one."""
    return (sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


class _Child:
    """A forked process that renders some outputs into a folder, and reports success (or the
    error that stopped it) through a pipe."""

    def __init__(self, process, conn, names: list[str], folder: Path):
        self.process, self.conn, self.names, self.folder = process, conn, names, folder

    @classmethod
    def start(cls, files: dict, folder: Path) -> "_Child":
        ctx = multiprocessing.get_context("fork")
        receive, send = ctx.Pipe(duplex=False)
        process = ctx.Process(target=_render_in_child, args=(files, folder, send), daemon=True)
        process.start()
        send.close()
        return cls(process, receive, sorted(files), folder)

    def result(self) -> tuple[str, BaseException] | None:
        """None when every file was written, else (output name, exception)."""
        try:
            kind, value = self.conn.recv()
        except (EOFError, OSError):           # killed, or died before it could answer
            kind, value = "error", (self.names[0], OSError("the process writing it died"))
        finally:
            self.conn.close()
            self.process.join()
        if kind == "ok":
            return None
        return value[0], value[1]


def _render_in_child(files: dict, folder: Path, conn) -> None:
    where = ""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)          # the parent decides what Ctrl-C does
        if hasattr(signal, "SIGTERM"):
            signal.signal(signal.SIGTERM, signal.SIG_DFL)      # _stop ends us at once
        gc.disable()
        syncs = _Syncs()
        for name, data in sorted(files.items()):
            where = name
            _render_into(folder, name, data, syncs)
        failed = syncs.wait()
        if failed:
            where = failed[0]
            raise failed[1]
        conn.send(("ok", None))
    except BaseException as exc:              # report it; the parent decides (and cleans up)
        try:
            conn.send(("error", (where, exc)))
        except Exception:                     # an exception that does not pickle
            conn.send(("error", (where, RuntimeError(f"{type(exc).__name__}: {exc}"))))
    finally:
        conn.close()


def _stop(children: list[_Child]) -> None:
    """Interrupted while children still run: stop them (what they wrote goes with the folder)."""
    for child in children:
        if child.process.is_alive():
            child.process.terminate()
        child.process.join()
        child.conn.close()


# --------------------------------------------------------------------------- no symbolic links

def _write_in_place(files: dict, out_dir: Path, parallel) -> None:
    """Fallback where links cannot be made: every file rendered to a temporary folder first, then
    renamed over its target one by one (Ctrl-C and SIGTERM held back meanwhile), restoring the
    previous files from hard-link backups if a rename fails."""
    stage = _new_folder(out_dir, ".kg-stage-")
    staged: list[tuple[Path, Path]] = []
    backups: dict[Path, Path | None] = {}
    done: list[Path] = []
    where: Path = out_dir
    try:
        try:
            for entry in os.scandir(out_dir):    # what a killed build left
                if entry.name.startswith(".kg-stage-") and Path(entry.path) != stage:
                    _remove_tree(Path(entry.path))
            _render_generation(files, stage, parallel, out_dir)
            tops = sorted({_top(n) for n in files})
            staged = [(stage / t, out_dir / t) for t in tops]
            with signals_held():
                for _, target in staged:
                    where = target
                    backups[target] = _backup(target)
                for tmp, target in staged:
                    where = target
                    if target.is_dir() and not target.is_symlink():
                        shutil.rmtree(target)
                    _replace(tmp, target)
                    done.append(target)
        except OSError as exc:
            raise OutputError(f"{shown(where)}: cannot write: {exc.strerror or exc}; "
                              "previous output left intact") from exc
    except BaseException:
        with signals_held():
            _roll_back(backups, done)
            _remove_tree(stage)
        raise
    for backup in backups.values():
        if backup is not None:
            _remove_tree(backup)
    _remove_tree(stage)
    _fsync_dir(out_dir)


def _backup(target: Path) -> Path | None:
    """A second name for the current `target` (a hard link, else a copy), or None if absent."""
    if not os.path.lexists(target):
        return None
    tmp = _temporary_name(target, ".bak.tmp")
    if target.is_dir() and not target.is_symlink():
        shutil.copytree(target, tmp, symlinks=True)
        return tmp
    try:
        os.link(target, tmp)
    except OSError:
        shutil.copy2(target, tmp)
    return tmp


def _roll_back(backups: dict[Path, Path | None], done: list[Path]) -> None:
    """Put back the previous version of every replaced target; remove the backups."""
    for target in reversed(done):
        backup = backups.get(target)
        try:
            if backup is not None:
                if target.is_dir() and not target.is_symlink():
                    shutil.rmtree(target)
                _replace(backup, target)
            else:
                _remove_tree(target)
        except OSError:
            pass
    for backup in backups.values():
        if backup is not None:
            _remove_tree(backup)
