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
import os
import shutil
import tempfile
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


def write_all_atomic(files: dict, out_dir: str | os.PathLike) -> None:
    """Write every file to a temporary name first; only when all are written, rename each into
    place, restoring the previous files if any rename fails. OSError becomes OutputError.

    A value may be a zero-argument callable that renders the content (str, bytes, or an iterator
    of str chunks that is streamed to disk): it is called when its file is staged and dropped
    right after, so at most one rendered file is in memory at a time."""
    out_dir = Path(out_dir)
    staged: list[tuple[Path, Path]] = []          # (temporary, target)
    backups: dict[Path, Path | None] = {}         # target -> backup of the previous file (None: was absent)
    done: list[Path] = []
    where = out_dir
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with _no_cyclic_gc():
            for name, data in sorted(files.items()):
                target = out_dir / name
                where = target
                target.parent.mkdir(parents=True, exist_ok=True)
                _remove_stale(target)
                payload = data() if callable(data) else data
                staged.append((_stage(target, payload if not isinstance(payload, str) else _payload(payload)), target))
                del payload
        for _, target in staged:
            where = target
            backups[target] = _backup(target)
        for tmp, target in staged:
            where = target
            _replace(tmp, target)
            done.append(target)
    except OSError as exc:
        _roll_back(staged, backups, done)
        raise OutputError(f"{where}: cannot write: {exc.strerror or exc}; previous output left intact") from exc
    except BaseException:                         # KeyboardInterrupt, a bug: same clean-up, same error
        _roll_back(staged, backups, done)
        raise
    for backup in backups.values():
        if backup is not None:
            _unlink(backup)
    for folder in sorted({t.parent for _, t in staged}):
        _fsync_dir(folder)


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
