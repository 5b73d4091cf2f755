"""Read articles from a folder into Documents: decode, NFC with offsets back into the raw text,
title and dateline, sentences (line breaks first, then underthesea).

Real-world input is hostile, so every article file goes through the same guarded steps, and any
step that fails skips that one file with a reason (`Corpus.skipped`) instead of stopping the build:

* size: files over `ReadOptions.max_bytes` (default 20 MB) are not read at all; folders, pipes,
  symlink loops and unreadable files are reported, never followed or waited on;
* decoding: a BOM (UTF-8, UTF-16, UTF-32) wins, then a forced `encoding`, then UTF-16 without
  BOM, then UTF-8, then an HTML page's own <meta charset>, then Windows-1258 (its combining tone
  marks are NFC-composed afterwards).
  Text from any decoding that is a guess or forced (all but a BOM and valid UTF-8) must look
  like Vietnamese (letters of the Vietnamese alphabet); VNI/TCVN3 text, UTF-16 forced on UTF-8
  and UTF-8 decoded twice ("CÃ´ng") are refused, never turned into mojibake entities. (No statistical detector such as charset-normalizer: it does not know
  VNI/TCVN3 and guesses between code pages; the alphabet check is deterministic and says why.)
  Stray control characters (a few NUL bytes too) are read as spaces (same length, so offsets
  hold); a file cut in the middle of its last character is read up to the cut;
* shape: empty, whitespace-only and binary files, and lines longer than `max_line` characters
  (minified pages, base64 blobs) are refused; very long sentences are cut at a space.

`.html`/`.htm` pages (and `.txt` files that start like one) are reduced to the article text (see
`html_to_text`); for them the "raw text" that evidence offsets index is that extracted text, not
the markup. For text files it is the decoded file content with its line endings kept as they are
(CRLF counts two characters).
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import importlib.util
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import CorpusError, shown
from .model import Document, Sentence
from .text import nfc_with_offsets
from .webpage import read_page

MANIFEST = "articles.tsv"
MANIFEST_COLUMNS = ("id", "file", "title", "date", "outlet", "url")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES

DEFAULT_MAX_BYTES = 20 * 1024 * 1024     # a news article is tens of kB; 20 MB is a scraping accident
DEFAULT_MAX_LINE = 100_000               # characters; a whole article on one line is ~50 000 at most
MAX_SENTENCE = 2_000                     # characters; longer runs are cut at a space (keeps extractors linear)

# "Thứ Năm, 11/07/2024, 16:57" or "11/07/2024" or "11-7-2024": a full date with a year.
_DATELINE = re.compile(
    r"^(?:(?:Thứ\s+\w+|Chủ\s+nhật)\s*,\s*)?(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:\s*[,-]\s*\d{1,2}:\d{2})?\s*(?:\(GMT[+-]\d+\))?\s*$",
    re.IGNORECASE)


@dataclass(frozen=True)
class Skipped:
    """An input file that was not built, and why (`reason` does not repeat the path)."""
    path: str
    reason: str


@dataclass(frozen=True)
class Corpus:
    """Articles read, articles skipped (with why), and notes on the build itself (a cache that could
    not be written), one line each."""
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReadOptions:
    """How to read article files: a forced encoding (None = detect) and the size limits."""
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    max_line: int = DEFAULT_MAX_LINE

    def as_dict(self) -> dict[str, object]:
        """Plain form, for cache keys: a different limit or encoding may read a file differently."""
        return {"encoding": self.encoding or "", "max_bytes": self.max_bytes, "max_line": self.max_line}

    def __post_init__(self) -> None:
        if self.encoding and text_codec(self.encoding) is None:
            try:
                codecs.lookup(self.encoding)
                what = "not a text encoding"            # 'rot13', 'hex', 'undefined'
            except LookupError:
                what = "unknown encoding"
            raise CorpusError(f"--encoding {self.encoding!r}: {what} (e.g. utf-8, utf-16, cp1258)")
        if self.max_bytes <= 0 or self.max_line <= 0:
            raise CorpusError("size limits must be positive")


# --------------------------------------------------------------------------- reading bytes

def _why(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def read_bytes_limited(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; anything else is a CorpusError.
    `stat` first, so a 5 GB file, a FIFO (read would block) or a symlink loop is never opened."""
    label = shown(path)
    try:
        st = os.stat(path)
    except OSError as exc:
        raise CorpusError(f"{label}: cannot read: {_why(exc)}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise CorpusError(f"{label}: is a folder, not an article file")
    if not stat.S_ISREG(st.st_mode):
        raise CorpusError(f"{label}: not a regular file (a pipe, socket or device)")
    if st.st_size > max_bytes:
        raise CorpusError(f"{label}: too large ({_size(st.st_size)}, limit {_size(max_bytes)}; see --max-size)")
    try:
        with open(path, "rb") as fh:             # never ask for more than the file holds (read() allocates it)
            chunks, size = [], 0
            while size <= max_bytes:
                chunk = fh.read(min(max_bytes + 1 - size, max(st.st_size + 1 - size, 1 << 20)))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            data = b"".join(chunks)
    except OSError as exc:
        raise CorpusError(f"{label}: cannot read: {_why(exc)}") from exc
    if len(data) > max_bytes:           # the file grew while we looked at it
        raise CorpusError(f"{label}: too large (over {_size(max_bytes)}; see --max-size)")
    return data


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


# --------------------------------------------------------------------------- decoding

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_VIET_BASES = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐ"
VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", b + t) for b in _VIET_BASES for t in ("",) + tuple(_TONES)) | set("đĐ")
# "Ã´" and friends: UTF-8 bytes of Vietnamese letters read as Windows-1252 and saved again.
_DOUBLE_UTF8 = re.compile("[\u00c2-\u00c6\u00e1][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                          "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
                          "\u20ac\u2122]")
# (and the spaces that are not the space: a no-break space from "&nbsp;", thin and wide spaces; names are read
# between plain spaces, "tạm giữ\xa0Nguyễn Thị A" would hide the object of the verb)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufffe\uffff]")
# What `_mostly_controls` counts: C0 controls other than \t \n \v \f \r, DEL and C1, noncharacters.
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_LEGACY_HINT = "convert it to UTF-8 (e.g. with UniKey's converter), or pass --encoding if you know its code page"


def text_codec(name: str) -> str | None:
    """The codec's canonical name when `name` is a text encoding Python can decode with, else None
    ('rot13' transforms text, 'hex' transforms bytes, 'undefined' refuses everything)."""
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None
    try:
        b"a".decode(info.name)
    except UnicodeDecodeError:                 # a real codec that rejects this one byte (UTF-16)
        pass
    except (LookupError, UnicodeError, ValueError):
        return None
    return info.name


def _strict_decode(data: bytes, encoding: str, path: str, name: str = "") -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not valid {name or encoding} ({exc.reason} at byte {exc.start})") from exc
    except UnicodeError as exc:                # codecs such as idna raise the base class
        raise CorpusError(f"{path}: not valid {name or encoding} ({exc})") from exc


def _decode_cut(data: bytes, encoding: str, path: str, name: str = "") -> str:
    """Strict decoding, except that a file cut in the middle of its last character (a download
    that stopped) is read up to the cut."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.end >= len(data) and exc.reason in ("truncated data", "unexpected end of data"):
            return _strict_decode(data[:exc.start], encoding, path, name)
        raise CorpusError(f"{path}: not valid {name or encoding} ({exc.reason} at byte {exc.start})") from exc


def _too_many_nuls(data: bytes) -> bool:
    """Binary data: NUL bytes beyond a few stray ones (>1% of the first 64 kB)."""
    head = data[:65536]
    nuls = head.count(0)
    return nuls > 4 and nuls > 0.01 * len(head)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without BOM: mostly-Latin text has a NUL in every other byte. A file cut in
    the middle of a code unit or of a surrogate pair is read up to the cut."""
    data = data[:len(data) - len(data) % 2]
    if len(data) < 4:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for zeros, other, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros > 0.3 * half and other < 0.05 * half:
            try:
                return _decode_cut(data, enc, "")
            except CorpusError:
                return None
    return None


def implausible_vietnamese(text: str) -> str:
    """Why `text` (decoded by a guess or a forced encoding) is not Vietnamese, or '' when it is.
    VNI and TCVN3 bytes read as Windows-1258 give letters outside the Vietnamese alphabet
    ('Vieät', 'ViÖt'); a foreign name in a long article (one such letter in 20) is tolerated."""
    text = unicodedata.normalize("NFC", text)
    letters = bad = 0
    for c in text:
        if c < "\x80":
            continue
        if c.isalpha():
            letters += 1
            bad += c not in VIETNAMESE_LETTERS
        elif unicodedata.combining(c):          # a tone mark NFC could not attach to a vowel
            letters += 1
            bad += 1
    if bad and bad > 0.05 * letters:
        return f"{bad} of {letters} accented letters are not Vietnamese"
    return ""


def double_encoded(text: str) -> bool:
    """True for UTF-8 that was decoded as Windows-1252 and saved again ('CÃ´ng an')."""
    pairs = len(_DOUBLE_UTF8.findall(text))
    if pairs < 3:                               # the common case: no need to count letters
        return False
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return pairs >= 0.2 * non_ascii / 2


def _mostly_controls(text: str) -> bool:
    """Binary data that happened to decode: control characters beyond a few stray ones (>1%)."""
    if not _BINARY_CONTROLS.search(text):
        return False
    bad = len(_BINARY_CONTROLS.findall(text))
    return bad > 4 and bad > 0.01 * len(text)


def decode(data: bytes, path: str, encoding: str | None = None, declared: str | None = None) -> str:
    """Decode article bytes (see the module docstring for the order). Raises CorpusError with a
    reason when the bytes are empty, binary, or cannot be decoded without mojibake.
    `declared` is an HTML page's own <meta charset>, tried after UTF-8 (valid UTF-8 is UTF-8,
    whatever a template declares) and before Windows-1258. Every decoding that is a guess or the
    user's say-so (not a BOM, not valid UTF-8) must give text that looks Vietnamese."""
    if not data.strip():
        raise CorpusError(f"{path}: empty file")
    text = used = None
    check = ""                    # why the result must pass the alphabet check ('' = it need not)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text, used = _decode_cut(data[len(bom):], enc, path), enc
            break
    if text is None and encoding:
        codec = text_codec(encoding)
        if codec is None:
            raise CorpusError(f"--encoding {encoding!r}: not a text encoding (e.g. utf-8, utf-16, cp1258)")
        codec = "utf-8-sig" if codec == "utf-8" else encoding
        text, used = _decode_cut(data, codec, path, encoding), encoding
        check = f"read as {encoding} (--encoding)"
    if text is None and b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            used, check = "utf-16", "read as UTF-16 without BOM"
    if text is None and _too_many_nuls(data):
        raise CorpusError(f"{path}: binary file, not text")
    utf8_error = None
    if text is None:
        try:
            text, used = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            utf8_error = exc.start
            if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
                text, used = data[:exc.start].decode("utf-8"), "utf-8"    # a download cut mid-letter
    if text is None and declared and text_codec(declared):
        try:
            text, used = data.decode(declared), declared
            check = f"read as {declared} (the page's charset)"
        except UnicodeError:
            text = None
    if text is None:
        try:
            text, used = data.decode("cp1258"), "cp1258"
            check = "read as cp1258"
        except UnicodeDecodeError as exc:
            raise CorpusError(f"{path}: neither UTF-8 (bad byte at {utf8_error}) nor Windows-1258; "
                              f"{_LEGACY_HINT}") from exc
    if not text.strip():
        raise CorpusError(f"{path}: no text (whitespace only)")
    if double_encoded(text):          # before the control check: latin-1 mojibake is full of C1 controls
        raise CorpusError(f"{path}: mojibake: UTF-8 that was decoded twice ('CÃ´ng' for 'Công'); "
                          "re-save it from the original")
    if _mostly_controls(text):
        raise CorpusError(f"{path}: binary file, not text (control characters)")
    if check:
        why = implausible_vietnamese(text)
        if why and encoding:
            raise CorpusError(f"{path}: {check}, {why}; is that its encoding?")
        if why:
            raise CorpusError(f"{path}: {check}, {why} (a legacy VNI/TCVN3 encoding?); {_LEGACY_HINT}")
    return clean_controls(text)


def clean_controls(text: str) -> str:
    """Control characters (a stray backspace or NUL in scraped text) and odd spaces (no-break, thin) read as
    spaces, form and line feeds as line breaks: same length, so offsets still index the file, and no label
    can carry a character that XML (GraphML) or a terminal cannot show."""
    return _CONTROLS.sub(_control_to_space, text) if _CONTROLS.search(text) else text


def _control_to_space(m: re.Match) -> str:
    return "\n" if m.group() in "\v\f\x1c\x1d\x1e\x85\u2028\u2029" else " "


# --------------------------------------------------------------------------- HTML

_DATE_META = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
              "dc.date", "dc.date.issued", "date")
# A page saved as .txt: read as HTML too (BOM, spaces and comments may come first).
_HTML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)


@dataclass(frozen=True)
class HtmlPage:
    """What a saved news page gives: the article text and the page's own title and date."""
    text: str
    title: str = ""
    date: str = ""


def _iso_date(value: str) -> str:
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return parse_dateline(value.split("T")[0])


def html_to_text(markup: str) -> HtmlPage:
    """The article text of a saved news page: scripts, styles, navigation, header, footer and
    asides dropped; the <article> (or <main>, or the largest block of paragraphs) kept, one
    line per paragraph or heading; title from og:title or <title>, date from
    article:published_time (or a <time datetime>) when the page states one."""
    p = read_page(markup)
    lines = p.lines
    title = " ".join((p.metas.get("og:title") or p.title).split())
    date = ""
    for key in _DATE_META + ("time",):
        if p.metas.get(key):
            date = _iso_date(p.metas[key])
            if date:
                break
    return HtmlPage("\n".join(lines) + ("\n" if lines else ""), title, date)


def declared_charset(data: bytes) -> str | None:
    """The <meta charset> of an HTML page, when it names an encoding Python knows."""
    m = _META_CHARSET.search(data[:8192])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace")
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


# --------------------------------------------------------------------------- text to sentences

def _cut_long(piece: str, limit: int = MAX_SENTENCE) -> list[tuple[int, str]]:
    """(offset, text) parts of at most `limit` characters, cut at the last space when there is one."""
    parts, pos = [], 0
    while len(piece) - pos > limit:
        cut = piece.rfind(" ", pos + 1, pos + limit)
        cut = cut if cut > pos else pos + limit
        parts.append((pos, piece[pos:cut]))
        pos = cut
        while pos < len(piece) and piece[pos] == " ":
            pos += 1
    parts.append((pos, piece[pos:]))
    return parts


# underthesea 9.x's sent_tokenize (PunktSentenceTokenizer.sentences_from_text) steps through
# every character in Python, about a millisecond per article, and importing underthesea takes a
# second. `_punkt_sentences` is the same algorithm jumping from one '.', '?' or '!' to the next.
# It is used only when the installed tokenizer module is byte for byte the one it was ported from
# (underthesea 9.5.0), with that module's own abbreviation list; with any other underthesea
# version, underthesea's sent_tokenize is called as before, so the sentences never differ.
_PORTED_SENT_TOKENIZE = "9fad5c8510a2bf9df2b94b59217d4351a5496eaa7210dd5e0ce610beddf6dab7"
_SENT_END = re.compile(r"[.?!]")


@lru_cache(maxsize=1)
def _sentence_tokenizer():
    """The function that splits one line into sentences (see `_PORTED_SENT_TOKENIZE`)."""
    abbrevs = _ported_abbreviations()
    if abbrevs is None:
        from underthesea import sent_tokenize
        return sent_tokenize
    return lambda line: _punkt_sentences(line, abbrevs)


def _ported_abbreviations() -> frozenset[str] | None:
    """The abbreviations of the installed underthesea tokenizer when its module is the ported one
    (loaded from its file alone: the package's __init__ imports every model), else None."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "pipeline" / "sent_tokenize" / "__init__.py"
    try:
        if hashlib.sha256(path.read_bytes()).hexdigest() != _PORTED_SENT_TOKENIZE:
            return None
        module_spec = importlib.util.spec_from_file_location("kg._underthesea_sent_tokenize", path)
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        module._load_model()
        return frozenset(module.sentence_tokenizer.abbrev_types)
    except (OSError, AttributeError, ValueError):
        return None


def _punkt_sentences(text: str, abbrevs: frozenset[str]) -> list[str]:
    """underthesea 9.5.0's sentences_from_text, same decisions: '?' and '!' end a sentence, so
    does '.' unless it sits between digits ('1.500') or follows an abbreviation ('TP.', 'ThS.');
    three or more dots end one only before a capital or the end of the text."""
    if not text or not text.strip():
        return []
    out: list[str] = []
    n = len(text)
    start = 0
    m = _SENT_END.search(text)
    while m is not None:
        i = m.start()
        if text[i] == ".":
            dot_end = i + 1
            while dot_end < n and text[dot_end] == ".":
                dot_end += 1
            if dot_end - i >= 3:
                after = dot_end
                while after < n and text[after] in " \t":
                    after += 1
                if after >= n or text[after].isupper():
                    start = dot_end = _close_sentence(text, start, dot_end, out)
                m = _SENT_END.search(text, dot_end)
                continue
        if _punkt_boundary(text, i, abbrevs):
            end = i + 1
            while end < n and text[end] in ".?!":
                end += 1
            start = end = _close_sentence(text, start, end, out)
            m = _SENT_END.search(text, end)
            continue
        m = _SENT_END.search(text, i + 1)
    final = text[start:].strip()
    if final:
        out.append(final)
    return out


def _close_sentence(text: str, start: int, end: int, out: list[str]) -> int:
    """Append text[start:end] as a sentence unless blank; the next sentence starts after the spaces."""
    sentence = text[start:end].strip()
    if sentence:
        out.append(sentence)
    while end < len(text) and text[end] in " \t\n\r":
        end += 1
    return end


def _punkt_boundary(text: str, pos: int, abbrevs: frozenset[str]) -> bool:
    if text[pos] != ".":
        return True
    if pos > 0 and text[pos - 1].isdigit() and pos + 1 < len(text) and text[pos + 1].isdigit():
        return False
    begin = pos - 1
    while begin >= 0 and (text[begin].isalnum() or text[begin] == "."):
        begin -= 1
    word = text[begin + 1:pos]
    return not (word and word.lower() in abbrevs)


_GLUED_ABBREVIATION = re.compile(r"(?<!\w)(?:[A-ZĐ]{1,3}|Tp)\.$")
_PLACE_ABBREVIATION = re.compile(r"(?<!\w)(?:TX|TP|Tp)\.$")       # thị xã, thành phố: before a place's name


def _place_name_start(piece: str) -> bool:
    """Does the piece open with two capitalised syllables, as a place's name does ("Long Khánh")?"""
    m = re.match(r"(\w+) (\w+)(?!\w)", piece)
    return m is not None and all(w[:1].isupper() and w[1:].isalpha() and w[1:].islower() for w in m.groups())


def _join_glued_abbreviations(chunk: str, pieces: list[str]) -> list[str]:
    """Join a piece that ends with a short abbreviation and its dot to the next one when the next is written
    right after the dot: "Công an TX.Bình Minh", "Q.Bình Tân", where the tokenizer does not know the
    abbreviation ("TX." for thị xã). A sentence's end is followed by a space, but "TX." and "TP." followed by
    a space and two capitalised syllables are a place's prefix ("Công an TX. Long Khánh")."""
    out: list[str] = []
    pos = 0
    for piece in pieces:
        at = chunk.find(piece, pos) if piece else -1
        # both abbreviations end the piece before with a dot (the regexes end with "\.$"): most pieces do not,
        # and where one does, only its last few characters are searched
        prev = out[-1] if out and at >= 0 and out[-1].endswith((".", ".\n")) else None
        if prev is not None and at == pos and piece[:1].isupper() \
                and _GLUED_ABBREVIATION.search(prev, max(0, len(prev) - 6)):
            out[-1] += piece
        elif prev is not None and chunk[pos:at] == " " and _PLACE_ABBREVIATION.search(prev, max(0, len(prev) - 6)) \
                and _place_name_start(piece):
            out[-1] += " " + piece                  # "Công an TX. Long Khánh" (but "… cho Công an TP. PV tham gia …")
        else:
            out.append(piece)
        if at >= 0:
            pos = at + len(piece)
    return out


_CLOSERS = "”»’"

# A photo credit run on into the next sentence ("… được khánh thành Ảnh: TTXVN Phát biểu tại buổi lễ, …"): a
# press agency's acronym after "Ảnh:" (photo), then a capitalised Vietnamese word that opens the next sentence
# (a word with a Vietnamese letter or tone mark, or a common opener without one): the sentence ends after the
# credit. An English word after the credit ("Ảnh: VTC News", "Ảnh: NEW YORK") is the credit's own.
_PHOTO_CREDIT = re.compile(r"(?<!\w)(?:Ảnh|ẢNH|Nguồn)\s*:\s*(?:[A-ZĐ]{2,}/)?[A-ZĐ]{2,}(?= ([A-ZĐ]\w*))")
_ASCII_OPENERS = frozenset({"Theo", "Trong", "Sau", "Khi", "Con", "Tin", "Hai", "Ba", "Anh", "Sang", "Tuy", "Nhiều"})


def _split_after_photo_credits(pieces: list[str]) -> list[str]:
    """Cut a piece after each photo credit that runs on into a new sentence (_PHOTO_CREDIT)."""
    out: list[str] = []
    for piece in pieces:
        cut = 0
        for m in _PHOTO_CREDIT.finditer(piece) if ":" in piece else ():
            nxt = m.group(1)
            if nxt[1:].islower() and (not nxt.isascii() or nxt in _ASCII_OPENERS):
                out.append(piece[cut:m.end()])
                cut = m.end() + 1
        out.append(piece[cut:] if cut else piece)
    return out


def _attach_closing_quotes(pieces: list[str]) -> list[str]:
    """A sentence that ends inside a quotation ("… tham dự Hội thảo “Kết nối Virginia-Việt Nam.” Lãnh đạo …")
    keeps its closing quote: the tokenizer leaves it at the head of the next sentence."""
    out: list[str] = []
    for piece in pieces:
        p = piece.lstrip()
        k = 0
        while k < len(p) and (p[k] in _CLOSERS or (p[k] == '"' and out and out[-1].count('"') % 2 == 1)):
            k += 1
        if out and k and (k == len(p) or p[k].isspace()):
            out[-1] += p[:k]
            p = p[k:].lstrip()
            if not p:
                continue
        out.append(p if k else piece)
    return out


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences with offsets into `text`. Line breaks always end a sentence: underthesea's
    sent_tokenize would glue a title, its dateline and the first paragraph together.
    A sentence longer than MAX_SENTENCE characters is cut at a space."""
    sent_tokenize = _sentence_tokenizer()

    out: list[Sentence] = []

    def add(start: int, piece: str) -> None:
        for off, part in _cut_long(piece):
            part_start = start + off
            stripped = part.rstrip()
            if stripped:
                out.append(Sentence(len(out), part_start, part_start + len(stripped), stripped))

    for line in re.finditer(r"[^\r\n]+", text):
        chunk = line.group()
        if not chunk.strip():
            continue
        pos = 0
        for piece in _split_after_photo_credits(_attach_closing_quotes(_join_glued_abbreviations(chunk, sent_tokenize(chunk)))):
            piece = piece.strip()
            if not piece:
                continue
            at = chunk.find(piece, pos)
            if at < 0:          # tokenizer altered the text: fall back to the rest of the line
                at, piece = pos, chunk[pos:].strip()
                at = chunk.find(piece, pos) if piece else pos
                if not piece:
                    break
            add(line.start() + at, piece)
            pos = at + len(piece)
            if pos >= len(chunk):
                break
    return tuple(out)


def _check_lines(raw: str, path: str, max_line: int) -> None:
    longest, lineno = 0, 0
    for i, line in enumerate(raw.splitlines(), start=1):
        if len(line) > longest:
            longest, lineno = len(line), i
    if longest > max_line:
        raise CorpusError(f"{path}: line {lineno} is {longest} characters long (limit {max_line}): "
                          "not article text (a minified page or an encoded blob?)")


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


# --------------------------------------------------------------------------- documents and corpus

def read_document(path: Path, meta: dict[str, str] | None = None, options: ReadOptions | None = None) -> Document:
    """One article file -> Document. Raises CorpusError naming the file (quoted when it holds
    characters that cannot be shown as they are: see errors.shown)."""
    path = Path(path)
    label = shown(path)
    options = options or ReadOptions()
    if not _utf8_name(path.name):
        raise CorpusError(f"{label}: the file name is not UTF-8 text; rename the file")
    data = read_bytes_limited(path, options.max_bytes)
    page = HtmlPage("")
    if path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(data[:1024]):
        markup = decode(data, label, options.encoding, declared_charset(data))
        page = html_to_text(markup)
        raw = page.text
        if not raw.strip():
            raise CorpusError(f"{label}: no article text in the page")
    else:
        raw = decode(data, label, options.encoding)
    _check_lines(raw, label, options.max_line)
    text, offsets = nfc_with_offsets(raw)
    sentences = split_sentences(text)
    if not sentences:
        raise CorpusError(f"{label}: no text (whitespace only)")
    meta = meta or {}
    title, date = infer_title_and_date(sentences)
    return Document(
        id=meta.get("id") or unicodedata.normalize("NFC", path.stem),
        path=str(path),
        text=text,
        sentences=sentences,
        title=meta.get("title") or unicodedata.normalize("NFC", page.title) or title,
        date=meta.get("date") or page.date or date,
        outlet=meta.get("outlet", ""),
        url=meta.get("url", ""),
        raw_offsets=offsets,
    )


def _utf8_name(name: str) -> bool:
    """False for a file name holding bytes that are not UTF-8 (Python keeps them as surrogates):
    such a name cannot become an article id, an IRI or a line of the report."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """Manifest rows keyed by file name. Missing manifest -> empty."""
    path = folder / MANIFEST
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return {}
    except OSError:
        return {}
    label = shown(path)
    rows: dict[str, dict[str, str]] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t")
            missing = [c for c in ("id", "file") if c not in (reader.fieldnames or [])]
            if missing:
                raise CorpusError(f"{label}:1: manifest lacks column(s) {', '.join(missing)}")
            end = reader.line_num
            for row in reader:
                lineno, end = end + 1, reader.line_num       # csv skips blank lines: close enough to start
                if any("\n" in (row.get(k) or "") for k in MANIFEST_COLUMNS):
                    raise CorpusError(f"{label}:{lineno}: a quote in this row is never closed "
                                      "(the rows after it run together)")
                name = (row.get("file") or "").strip()
                if not name:
                    raise CorpusError(f"{label}:{lineno}: empty 'file' column")
                rows[unicodedata.normalize("NFC", name)] = {
                    k: " ".join(clean_controls(unicodedata.normalize("NFC", row.get(k) or "")).split())
                    for k in MANIFEST_COLUMNS}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        why = _why(exc) if isinstance(exc, OSError) else str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CorpusError(f"{label}: cannot read manifest: {why}") from exc
    return rows


def manifest_row(manifest: dict[str, dict[str, str]], path: Path) -> dict[str, str] | None:
    """The manifest row of an article file (file names compared in NFC: macOS stores NFD)."""
    return manifest.get(unicodedata.normalize("NFC", path.name))


def list_articles(folder: Path) -> list[Path]:
    """Article files under `folder`, sorted by name so builds do not depend on disk order.
    Hidden files ('.x.txt', macOS '._x.txt' resource forks) are not articles."""
    label = shown(folder)
    try:
        st = os.stat(folder)
    except FileNotFoundError:
        raise CorpusError(f"{label}: corpus folder does not exist") from None
    except OSError as exc:                          # a path over the system's limit, a symlink loop …
        raise CorpusError(f"{label}: cannot read: {_why(exc)}") from None
    if not stat.S_ISDIR(st.st_mode):
        raise CorpusError(f"{label}: not a folder")
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        raise CorpusError(f"{label}: cannot list: {_why(exc)}") from exc
    files = sorted((p for p in entries if p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")),
                   key=lambda p: p.name)
    if not files:
        inner = sorted(p.name for p in entries if p.is_dir() and not p.name.startswith(".") and _has_articles(p))
        hint = f" (articles are in its subfolder {inner[0]}/: build that folder)" if inner else ""
        raise CorpusError(f"{label}: no article files ({', '.join(ARTICLE_SUFFIXES)}) in the folder{hint}")
    return files


def _has_articles(folder: Path) -> bool:
    try:
        return any(p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".") for p in folder.iterdir())
    except OSError:
        return False


def skipped(path: str | os.PathLike, exc: CorpusError) -> Skipped:
    """The Skipped record of an article the reader refused (the reason without the path prefix)."""
    msg, prefix = str(exc), f"{shown(path)}: "
    return Skipped(str(path), msg[len(prefix):] if msg.startswith(prefix) else msg)


def duplicate_id(doc: Document, taken: dict[str, str]) -> Skipped | None:
    """A Skipped record when `doc.id` is already taken by an earlier file (records it otherwise)."""
    if doc.id in taken:
        return Skipped(doc.path, f"article id {doc.id!r} already used by {shown(taken[doc.id])}")
    taken[doc.id] = Path(doc.path).name
    return None


def require_articles(folder: str | os.PathLike, corpus: Corpus) -> Corpus:
    """The corpus, or a CorpusError when not one article could be read: a build of nothing would
    replace a previous good output with an empty graph."""
    if corpus.skipped and not corpus.documents:
        first = corpus.skipped[0]
        raise CorpusError(f"{shown(folder)}: no article could be read ({len(corpus.skipped)} skipped; "
                          f"{shown(first.path)}: {first.reason})")
    return corpus


def read_corpus(folder: str | os.PathLike, options: ReadOptions | None = None) -> Corpus:
    """Read every article of a folder. Unreadable articles are skipped and listed, not fatal;
    so is a second file claiming an article id already taken (e.g. a.txt beside a.html)."""
    folder = Path(folder)
    options = options or ReadOptions()
    files = list_articles(folder)
    manifest = read_manifest(folder)
    docs: list[Document] = []
    skip: list[Skipped] = []
    taken: dict[str, str] = {}
    for path in files:
        try:
            doc = read_document(path, manifest_row(manifest, path), options)
        except CorpusError as exc:
            skip.append(skipped(path, exc))
            continue
        dup = duplicate_id(doc, taken)
        if dup:
            skip.append(dup)
        else:
            docs.append(doc)
    return Corpus(tuple(docs), tuple(skip))
