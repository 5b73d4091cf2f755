"""Per-article extraction cache under OUT/.cache/: an unchanged article is never read or extracted twice.

An entry is keyed by everything the article's `Extraction` depends on: the file's raw bytes, its
path and manifest row, the rules' digest and the code that reads and extracts (CODE_VERSION). Entries
are written to a temporary file and renamed into place, and carry a checksum of their payload, so an
interrupted build or a damaged file can only cost a recomputation, never a wrong result.
Entries hold plain data (MessagePack, see kg.codec), checked for shape and types when read: an
entry, even one crafted with a valid checksum, can never run code. Writing an entry can fail (a
full disk, a read-only folder): `put` then raises CacheWriteError, and the build goes on without
the cache (see parallel.py).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path

from . import codec
from .model import Document, Extraction

# Bump when the layout of an entry changes. The source digest below catches code edits.
CACHE_FORMAT = f"kg-extraction-cache/{codec.FORMAT}"
MAGIC = b"KGX2"
_DIGEST_LEN = 32
ENTRY_SUFFIX = ".kgx"

# Modules whose code decides what an article's Extraction and its facts are (reading, extracting,
# summarizing: resolve.summarize, judging relevance: relevance.py).
_SOURCES = ("model.py", "text.py", "corpus.py", "webpage.py", "rules.py", "extract", "resolve.py", "codec.py",
            "relevance.py")


def _source_digest() -> str:
    """Hash of the reader's and extractors' source, so an edited extractor never reuses stale results."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in _SOURCES:
        p = root / name
        files = sorted(p.rglob("*.py")) if p.is_dir() else [p]
        for f in files:
            if f.is_file():
                h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def _underthesea_version() -> str:
    try:
        from importlib.metadata import version
        return version("underthesea")
    except Exception:           # not installed as a distribution: sentence splits may differ
        return "unknown"


CODE_VERSION = "|".join((CACHE_FORMAT, _source_digest(), _underthesea_version(),
                         f"py{sys.version_info.major}.{sys.version_info.minor}"))


def article_key(raw: bytes, path: str, meta: dict | None, rules_digest: str, options: dict | None = None) -> str:
    """Cache key of one article file: its bytes, path, manifest row, the rules and the code version."""
    h = hashlib.sha256()
    head = json.dumps({"code": CODE_VERSION, "rules": rules_digest, "path": str(path),
                       "meta": sorted((meta or {}).items()), "options": sorted((options or {}).items())},
                      ensure_ascii=False, sort_keys=True, default=str)
    h.update(head.encode("utf-8", "surrogateescape") + b"\0")     # a path may hold bytes that are not UTF-8
    h.update(raw)
    return h.hexdigest()


def document_key(doc: Document, rules_digest: str) -> str:
    """Cache key of an already-read Document (library use: `extract_corpus(docs, cache=...)`)."""
    h = hashlib.sha256()
    h.update(f"{CODE_VERSION}\0{rules_digest}\0".encode("utf-8"))
    h.update(repr(doc).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def encode_entry(payload: bytes) -> bytes:
    """MAGIC + sha256(payload) + payload: a truncated or altered entry fails the check."""
    return MAGIC + hashlib.sha256(payload).digest() + payload


def decode_entry(data: bytes) -> bytes | None:
    """The payload of a well-formed entry, or None when it is truncated, altered or foreign."""
    head = len(MAGIC) + _DIGEST_LEN
    if len(data) < head or not data.startswith(MAGIC):
        return None
    payload = data[head:]
    if hashlib.sha256(payload).digest() != data[len(MAGIC):head]:
        return None
    return payload


class CacheWriteError(OSError):
    """An entry could not be written (disk full, read-only folder, a folder in the entry's place)."""


# The system calls that write an entry, named here so tests can make them fail (a full disk).
_write = os.write
_replace = os.replace


class ExtractionCache:
    """A folder of entries, one file per key. Safe against interruption; damaged entries are recomputed.
    Entries hold encoded Extractions, or (`expected=ArticleFacts`, the build's cache) the facts
    summarized from them."""

    def __init__(self, folder: str | os.PathLike, expected: type = Extraction):
        self.folder = Path(folder)
        self.expected = expected
        self.hits = 0
        self.misses = 0
        self.corrupt = 0

    def path(self, key: str) -> Path:
        return self.folder / f"{key}{ENTRY_SUFFIX}"

    def get(self, key: str):
        """The cached value, or None (missing or damaged: a damaged entry is removed)."""
        hit = self.get_with_payload(key)
        return hit[0] if hit is not None else None

    def get_payload(self, key: str) -> bytes | None:
        """The payload of an entry whose checksum holds, not decoded (the caller decodes it, with
        its checks, and calls `remove` when that fails), or None (a damaged entry is removed)."""
        data = self._read(key)
        payload = decode_entry(data) if data is not None else None
        if payload is None:
            if data is not None:
                self.corrupt += 1
                self._remove(self.path(key))
            self.misses += 1
            return None
        self.hits += 1
        return payload

    def _read(self, key: str) -> bytes | None:
        p = self.path(key)
        try:
            fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))    # a pipe put there must not block
            with open(fd, "rb") as fh:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    raise IsADirectoryError(p)
                return fh.read()
        except FileNotFoundError:
            return None
        except OSError:                  # a folder or something else in the entry's place: clear it
            self._remove(p)
            return None

    def get_with_payload(self, key: str):
        """(value, its encoded payload) of a valid entry, or None (a damaged entry is removed)."""
        data = self._read(key)
        if data is None:
            self.misses += 1
            return None
        payload = decode_entry(data)
        value = None
        if payload is not None:
            try:
                value = codec.decode(payload)
            except codec.BadPayload:       # damaged, crafted, or from another format version
                value = None
        if not isinstance(value, self.expected):
            self.corrupt += 1
            self.misses += 1
            self._remove(self.path(key))
            return None
        self.hits += 1
        return value, payload

    @staticmethod
    def _remove(p: Path) -> None:
        try:
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p)
            else:
                p.unlink()
        except OSError:
            pass

    def put_payload(self, key: str, payload: bytes) -> None:
        """Store an encoded value: temporary file, then an atomic rename. CacheWriteError (and no
        file left behind) when it cannot be written."""
        tmp = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=self.folder)
            try:
                view = memoryview(encode_entry(payload))
                while view:
                    view = view[_write(fd, view):]
            finally:
                os.close(fd)
            target = self.path(key)
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)         # a folder where the entry goes: ours to clear
            _replace(tmp, target)
            tmp = None
        except OSError as exc:
            raise CacheWriteError(exc.errno, f"{exc.strerror or exc}") from exc
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

    def put(self, key: str, value) -> None:
        self.put_payload(key, codec.encode(value))

    def remove(self, keys) -> None:
        """Remove these entries (what a build wrote, when it falls back to no cache)."""
        for key in keys:
            try:
                os.unlink(self.path(key))
            except OSError:
                pass

    def prune(self, keep: set[str]) -> int:
        """Remove entries (and leftover temporary files) not in `keep`; returns how many were removed."""
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return 0
        removed = 0
        for entry in entries:
            name = entry.name
            if name.endswith(ENTRY_SUFFIX) and name[:-len(ENTRY_SUFFIX)] in keep:
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path)
                else:
                    os.unlink(entry.path)
                removed += 1
            except OSError:
                pass
        return removed
