"""Read articles from a folder into Documents: decode, NFC with offsets back into the raw text,
title and dateline, sentences (line breaks first, then underthesea)."""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import CorpusError
from .model import Document, Sentence
from .text import nfc_with_offsets

MANIFEST = "articles.tsv"
MANIFEST_COLUMNS = ("id", "file", "title", "date", "outlet", "url")
ARTICLE_SUFFIXES = (".txt",)

# "Thứ Năm, 11/07/2024, 16:57" or "11/07/2024" or "11-7-2024": a full date with a year.
_DATELINE = re.compile(
    r"^(?:(?:Thứ\s+\w+|Chủ\s+nhật)\s*,\s*)?(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:\s*[,-]\s*\d{1,2}:\d{2})?\s*(?:\(GMT[+-]\d+\))?\s*$",
    re.IGNORECASE)


@dataclass(frozen=True)
class Skipped:
    """An input file that was not built, and why."""
    path: str
    reason: str


@dataclass(frozen=True)
class Corpus:
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """Manifest rows keyed by file name. Missing manifest -> empty."""
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    rows: dict[str, dict[str, str]] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t")
            missing = [c for c in ("id", "file") if c not in (reader.fieldnames or [])]
            if missing:
                raise CorpusError(f"{path}:1: manifest lacks column(s) {', '.join(missing)}")
            for lineno, row in enumerate(reader, start=2):
                name = (row.get("file") or "").strip()
                if not name:
                    raise CorpusError(f"{path}:{lineno}: empty 'file' column")
                rows[name] = {k: (row.get(k) or "").strip() for k in MANIFEST_COLUMNS}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CorpusError(f"{path}: cannot read manifest: {exc}") from exc
    return rows


def decode(data: bytes, path: str) -> str:
    """Decode article bytes; UTF-8 (with or without BOM). Raises CorpusError otherwise."""
    if not data.strip():
        raise CorpusError(f"{path}: empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CorpusError(f"{path}: binary file, not text")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise CorpusError(f"{path}: not valid {enc}: {exc.reason} at byte {exc.start}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not valid UTF-8 (byte {exc.start}); re-save it as UTF-8") from exc


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences with offsets into `text`. Line breaks always end a sentence: underthesea's
    sent_tokenize would glue a title, its dateline and the first paragraph together."""
    from underthesea import sent_tokenize

    out: list[Sentence] = []
    for line in re.finditer(r"[^\r\n]+", text):
        chunk = line.group()
        if not chunk.strip():
            continue
        pos = 0
        for piece in sent_tokenize(chunk):
            piece = piece.strip()
            if not piece:
                continue
            at = chunk.find(piece, pos)
            if at < 0:          # tokenizer altered the text: fall back to the rest of the line
                at, piece = pos, chunk[pos:].strip()
            start = line.start() + at
            out.append(Sentence(len(out), start, start + len(piece), piece))
            pos = at + len(piece)
            if pos >= len(chunk):
                break
    return tuple(out)


def parse_dateline(line: str) -> str:
    """'Thứ Năm, 11/07/2024, 16:57' -> '2024-07-11'; '' when the line is not a full dateline."""
    m = _DATELINE.match(line.strip())
    if not m:
        return ""
    day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def infer_title_and_date(sentences: tuple[Sentence, ...]) -> tuple[str, str]:
    """Title: a short first line with no final full stop; date: a dateline among the first lines.
    Nothing is guessed: where no line states a date, the date is ''."""
    title = date = ""
    for i, s in enumerate(sentences[:4]):
        if not date:
            date = parse_dateline(s.text)
            if date:
                continue
        if i == 0 and not title and len(s.text) <= 200 and not s.text.endswith((".", "…", ":")) \
                and not s.text.startswith(("-", "(", "•", "*")):
            title = s.text
    return title, date


def read_document(path: Path, meta: dict[str, str] | None = None) -> Document:
    """One article file -> Document. Raises CorpusError naming the file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    raw = decode(data, str(path))
    text, offsets = nfc_with_offsets(raw)
    sentences = split_sentences(text)
    if not sentences:
        raise CorpusError(f"{path}: no text (whitespace only)")
    meta = meta or {}
    title, date = infer_title_and_date(sentences)
    return Document(
        id=meta.get("id") or path.stem,
        path=str(path),
        text=text,
        sentences=sentences,
        title=meta.get("title") or title,
        date=meta.get("date") or date,
        outlet=meta.get("outlet", ""),
        url=meta.get("url", ""),
        raw_offsets=offsets,
    )


def list_articles(folder: Path) -> list[Path]:
    """Article files under `folder`, sorted by name so builds do not depend on disk order."""
    if not folder.exists():
        raise CorpusError(f"{folder}: corpus folder does not exist")
    if not folder.is_dir():
        raise CorpusError(f"{folder}: not a folder")
    files = sorted((p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES), key=lambda p: p.name)
    if not files:
        raise CorpusError(f"{folder}: no article files ({', '.join(ARTICLE_SUFFIXES)}) in the folder")
    return files


def read_corpus(folder: str | os.PathLike) -> Corpus:
    """Read every article of a folder. Unreadable articles are skipped and listed, not fatal."""
    folder = Path(folder)
    files = list_articles(folder)
    manifest = read_manifest(folder)
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for path in files:
        try:
            docs.append(read_document(path, manifest.get(path.name)))
        except CorpusError as exc:
            skipped.append(Skipped(str(path), str(exc)))
    ids = [d.id for d in docs]
    if len(ids) != len(set(ids)):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise CorpusError(f"{folder / MANIFEST}: duplicate article id(s): {', '.join(dup)}")
    return Corpus(tuple(docs), tuple(skipped))
