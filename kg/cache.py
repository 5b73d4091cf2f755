"""Per-article extraction cache under OUT/.cache/: an unchanged article is never read or extracted twice.

An entry is keyed by everything the article's `Extraction` depends on: the file's raw bytes, its
path and manifest row, the rules' digest and the code that reads and extracts (CODE_VERSION). Entries
are written to a temporary file and renamed into place, and carry a checksum of their payload, so an
interrupted build or a damaged file can only cost a recomputation, never a wrong result.
Entries are pickles: like any build output, the cache folder must be writable only by its owner.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import tempfile
from pathlib import Path

from .model import Document, Extraction

# Bump when the layout of an entry changes. The source digest below catches code edits.
CACHE_FORMAT = "kg-extraction-cache/1"
MAGIC = b"KGX1"
_DIGEST_LEN = 32
ENTRY_SUFFIX = ".pkl"

# Modules whose code decides what an article's Extraction and its facts are (reading, extracting,
# summarizing: resolve.summarize, judging relevance: relevance.py).
_SOURCES = ("model.py", "text.py", "corpus.py", "rules.py", "extract", "resolve.py", "relevance.py")


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
    h.update(head.encode("utf-8") + b"\0")
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


class ExtractionCache:
    """A folder of entries, one file per key. Safe against interruption; damaged entries are recomputed.
    Entries hold pickled Extractions, or (`expected=ArticleFacts`, the build's cache) the facts
    summarized from them."""

    def __init__(self, folder: str | os.PathLike, expected: type = Extraction):
        self.folder = Path(folder)
        self.expected = expected
        self.hits = 0
        self.misses = 0
        self.corrupt = 0

    def path(self, key: str) -> Path:
        return self.folder / f"{key}{ENTRY_SUFFIX}"

    def get(self, key: str) -> Extraction | None:
        """The cached Extraction, or None (missing or damaged: a damaged entry is removed)."""
        hit = self.get_with_payload(key)
        return hit[0] if hit is not None else None

    def get_with_payload(self, key: str):
        """(value, its pickled payload) of a valid entry, or None (a damaged entry is removed)."""
        p = self.path(key)
        try:
            data = p.read_bytes()
        except OSError:
            self.misses += 1
            return None
        payload = decode_entry(data)
        value = None
        if payload is not None:
            try:
                value = pickle.loads(payload)
            except Exception:   # an entry from an incompatible version of the model classes
                value = None
        if not isinstance(value, self.expected):
            self.corrupt += 1
            self.misses += 1
            try:
                p.unlink()
            except OSError:
                pass
            return None
        self.hits += 1
        return value, payload

    def put_payload(self, key: str, payload: bytes) -> None:
        """Store an already-pickled Extraction: temporary file, then an atomic rename."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(encode_entry(payload))
            os.replace(tmp, self.path(key))
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    def put(self, key: str, extraction: Extraction) -> None:
        self.put_payload(key, pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))

    def prune(self, keep: set[str]) -> int:
        """Remove entries (and leftover temporary files) not in `keep`; returns how many were removed."""
        if not self.folder.is_dir():
            return 0
        removed = 0
        for entry in os.scandir(self.folder):
            name = entry.name
            if name.endswith(ENTRY_SUFFIX) and name[:-len(ENTRY_SUFFIX)] in keep:
                continue
            if not entry.is_file(follow_symlinks=False):
                continue
            try:
                os.unlink(entry.path)
                removed += 1
            except OSError:
                pass
        return removed
