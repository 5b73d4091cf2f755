"""Write files so that a crash, Ctrl-C or a full disk never leaves a half-written output behind.

Every file is first written in full to a temporary name beside its target (`.NAME.XXXX.tmp`) and
fsynced; only then are the files renamed into place. If anything fails before or during the
renames (an exception, KeyboardInterrupt, ENOSPC), the files already replaced are restored from
hard-link backups, so the folder holds exactly the previous set of outputs and no temporary file.
A process killed outright (SIGKILL, power loss) can leave `.NAME.*.tmp` files; the next write of
NAME removes them.
"""
from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Collection, Iterable
from pathlib import Path

from ..errors import KgError


# The two system calls that can fail half-way, named here so tests can make them fail (a full disk,
# Ctrl-C) without patching the os module for every other library in the process.
_write = os.write
_replace = os.replace


class OutputError(KgError):
    """An output file cannot be written (disk full, no permission); the previous output is kept."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _payload(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _write_fd(fd: int, payload: bytes) -> None:
    """Write all of `payload` to `fd` and fsync it (os.write may write less than asked)."""
    view = memoryview(payload)
    while view:
        n = _write(fd, view)
        view = view[n:]
    os.fsync(fd)


def _write_chunks(fd: int, chunks) -> None:
    """Write an iterable of str/bytes chunks, buffered, then fsync."""
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
    os.fsync(fd)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        n = _write(fd, view)
        view = view[n:]


def _stage(target: Path, payload) -> Path:
    """Write `payload` (bytes, or an iterable of str/bytes chunks) to a new temporary file beside
    `target`; returns its path."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())     # mkstemp makes 0600 files; outputs are for sharing
        if isinstance(payload, (bytes, bytearray, memoryview)):
            _write_fd(fd, payload)
        else:
            _write_chunks(fd, payload)
    except BaseException:
        os.close(fd)
        _unlink(Path(tmp))
        raise
    os.close(fd)
    return Path(tmp)


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _remove_stale(target: Path) -> None:
    """Temporary files a killed build left for this target."""
    try:
        for p in target.parent.glob(f".{target.name}.*.tmp"):
            _unlink(p)
    except OSError:
        pass


def _backup(target: Path) -> Path | None:
    """A second name for the current `target` (a hard link, else a copy), or None if absent."""
    if not target.exists():
        return None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".bak.tmp", dir=target.parent)
    os.close(fd)
    os.unlink(tmp)
    try:
        os.link(target, tmp)
    except OSError:
        shutil.copy2(target, tmp)
    return Path(tmp)


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


def write_atomic(path: str | os.PathLike, data: str | bytes) -> None:
    """Write one file: temporary file beside `path`, fsync, then rename over it."""
    write_all_atomic({Path(path).name: data}, Path(path).parent)


def write_all_atomic(files: dict, out_dir: str | os.PathLike, parallel: Iterable[Collection[str]] = ()) -> None:
    """Write every file to a temporary name first; only when all are written, rename each into
    place, restoring the previous files if any rename fails. OSError becomes OutputError.

    A value may be a zero-argument callable that renders the content (str, bytes, or an iterator
    of str chunks that is streamed to disk): it is called when its file is staged and dropped
    right after, so at most one rendered file is in memory at a time (per process).

    `parallel`: groups of file names each rendered and staged by a forked child process while
    this process stages the other files (only where fork is safe: Linux, no other thread; else
    everything is staged here). Children never rename anything: the all-or-nothing step stays here."""
    out_dir = Path(out_dir)
    staged: list[tuple[Path, Path]] = []          # (temporary, target)
    backups: dict[Path, Path | None] = {}         # target -> backup of the previous file (None: was absent)
    done: list[Path] = []
    where = out_dir
    groups = [sorted(set(g) & set(files)) for g in parallel] if _fork_is_safe() else []
    groups = [g for g in groups if g]
    in_children = {name for g in groups for name in g}
    children: list[_Child] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in sorted(files):
            (out_dir / name).parent.mkdir(parents=True, exist_ok=True)
            _remove_stale(out_dir / name)
        for g in groups:
            children.append(_Child.start({name: files[name] for name in g}, out_dir))
        own_error: tuple[Path, BaseException] | None = None
        try:
            with _no_cyclic_gc():
                for name, data in sorted(files.items()):
                    if name in in_children:
                        continue
                    target = out_dir / name
                    where = target
                    payload = data() if callable(data) else data
                    staged.append((_stage(target, payload if not isinstance(payload, str) else _payload(payload)),
                                   target))
                    del payload
        except Exception as exc:                  # still collect the children (and their files) below
            own_error = (where, exc)
        errors = [own_error] if own_error else []
        for child in children:
            result = child.result()
            if isinstance(result, tuple):
                errors.append(result)
            else:
                staged.extend(result)
        children = []
        if errors:
            where, exc = min(errors, key=lambda e: str(e[0]))   # the same error whatever finished first
            raise exc
        for _, target in staged:
            where = target
            backups[target] = _backup(target)
        for tmp, target in staged:
            where = target
            _replace(tmp, target)
            done.append(target)
    except OSError as exc:
        _stop(children, out_dir)
        _roll_back(staged, backups, done)
        raise OutputError(f"{where}: cannot write: {exc.strerror or exc}; previous output left intact") from exc
    except BaseException:                         # KeyboardInterrupt, a bug: same clean-up, same error
        _stop(children, out_dir)
        _roll_back(staged, backups, done)
        raise
    for backup in backups.values():
        if backup is not None:
            _unlink(backup)
    for folder in sorted({t.parent for _, t in staged}):
        _fsync_dir(folder)


def _fork_is_safe() -> bool:
    """A forked child inherits every lock as it was: fork only when no other thread could hold one."""
    return (sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


class _Child:
    """A forked process that renders and stages some files, and reports their temporary paths (or
    the error that stopped it) through a pipe."""

    def __init__(self, process, conn, names: list[str], out_dir: Path):
        self.process, self.conn, self.names, self.out_dir = process, conn, names, out_dir

    @classmethod
    def start(cls, files: dict, out_dir: Path) -> "_Child":
        ctx = multiprocessing.get_context("fork")
        receive, send = ctx.Pipe(duplex=False)
        process = ctx.Process(target=_stage_in_child, args=(files, out_dir, send), daemon=True)
        process.start()
        send.close()
        return cls(process, receive, sorted(files), out_dir)

    def result(self) -> list[tuple[Path, Path]] | tuple[Path, BaseException]:
        """The staged (temporary, target) pairs, or (target, exception) when the child failed."""
        try:
            kind, value = self.conn.recv()
        except (EOFError, OSError):           # killed, or died before it could answer
            kind, value = "error", (str(self.out_dir / self.names[0]), OSError("the process writing it died"))
        finally:
            self.conn.close()
            self.process.join()
        if kind == "ok":
            return [(Path(t), Path(g)) for t, g in value]
        return Path(value[0]), value[1]


def _stage_in_child(files: dict, out_dir: Path, conn) -> None:
    staged: list[tuple[str, str]] = []
    where = out_dir
    try:
        gc.disable()
        for name, data in sorted(files.items()):
            target = out_dir / name
            where = target
            payload = data() if callable(data) else data
            tmp = _stage(target, payload if not isinstance(payload, str) else _payload(payload))
            staged.append((str(tmp), str(target)))
            del payload
        conn.send(("ok", staged))
    except BaseException as exc:              # report it; the parent decides (and cleans up)
        for tmp, _ in staged:
            _unlink(Path(tmp))
        try:
            conn.send(("error", (str(where), exc)))
        except Exception:                     # an exception that does not pickle
            conn.send(("error", (str(where), RuntimeError(f"{type(exc).__name__}: {exc}"))))
    finally:
        conn.close()


def _stop(children: list["_Child"], out_dir: Path) -> None:
    """Interrupted while children still run: stop them and remove whatever they staged."""
    for child in children:
        if child.process.is_alive():
            child.process.terminate()
        child.process.join()
        child.conn.close()
        for name in child.names:
            _remove_stale(out_dir / name)


def _roll_back(staged: list[tuple[Path, Path]], backups: dict[Path, Path | None], done: list[Path]) -> None:
    """Put back the previous version of every replaced target; remove every temporary file."""
    for target in reversed(done):
        backup = backups.get(target)
        try:
            if backup is not None:
                _replace(backup, target)
            else:
                os.unlink(target)
        except OSError:
            pass
    for tmp, _ in staged:
        _unlink(tmp)
    for backup in backups.values():
        if backup is not None:
            _unlink(backup)
