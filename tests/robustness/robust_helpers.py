"""Helpers shared by the robustness tests: paths, a Windows-1258 encoder, graph signatures."""
from __future__ import annotations

import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLE_ID = "000_53ccb9e166bfc5f9"
ARTICLE = CORPUS / f"{ARTICLE_ID}.txt"
OUTPUTS = ("graph.json", "graph.ttl", "graph.trig", "graph.graphml", "graph.html", "report.md")
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def reader_view(out: Path) -> dict[str, bytes]:
    """What a user opening OUT/graph.json etc. reads: the six files that exist, by their paths."""
    view = {}
    for name in OUTPUTS:
        try:
            view[name] = (Path(out) / name).read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            pass
    return view


def article_text() -> str:
    return ARTICLE.read_bytes().decode("utf-8")


def to_cp1258(text: str) -> bytes:
    """Encode as Windows does: base letters precomposed where cp1258 has them, tone marks combining."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONE_MARKS))
        tones = "".join(c for c in nfd if c in TONE_MARKS)
        out += (base + tones).encode("cp1258")
    return bytes(out)


def mention_signature(extraction) -> list[tuple]:
    """What was found in an article, in NFC coordinates (independent of the raw encoding)."""
    return sorted((m.sentence, m.start, m.end, m.text, m.type, m.rule, m.key) for m in extraction.mentions)


def _strip_offsets(evidence: list[dict]) -> list[tuple]:
    return sorted((e["doc"], e["sentence"], e["rule"]) for e in evidence)


def graph_signature(g) -> tuple:
    """Nodes and edges with every attribute, except evidence offsets (they index the raw file)."""
    nodes = sorted((n, tuple(sorted((k, repr(_strip_offsets(v) if k == "evidence" else v))
                                    for k, v in d.items()))) for n, d in g.nodes(data=True))
    edges = sorted((u, v, k, repr(_strip_offsets(d["evidence"]))) for u, v, k, d in g.edges(keys=True, data=True))
    return nodes, edges


def assert_evidence_points_into(g, raw: str) -> None:
    """Every evidence span, NFC-normalised, is its sentence: offsets index the raw text."""
    spans = [e for _, d in g.nodes(data=True) for e in d["evidence"]]
    spans += [e for *_, d in g.edges(keys=True, data=True) for e in d["evidence"]]
    assert spans
    for e in spans:
        assert unicodedata.normalize("NFC", raw[e["start"]:e["end"]]) == e["sentence"]


def run_kg(args: list[str], prelude: str = "", timeout: float = 120, **kwargs):
    """`kg ARGS` in a child process, after running `prelude` (Python code that may patch kg, e.g.
    to make one article hang): the way to test the process pool, signals and exit codes."""
    import subprocess
    import sys
    code = f"import sys\n{prelude}\nfrom kg.cli import main\nsys.exit(main({list(map(str, args))!r}))\n"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout,
                          cwd=ROOT, **kwargs)


# Patched into kg.parallel by the runaway tests: an article containing HANG never finishes extracting.
HANG = "TREO_MAI_MAI"
HANGING_EXTRACTOR = f"""
import kg.parallel, re
_real = kg.parallel.extract_document
def _hanging(doc, lexicon):
    if "{HANG}" in doc.text:
        if "REGEX" in doc.text:
            re.match(r"(a+)+$", "a" * 60 + "b")      # backtracks for ever, inside C
        while True:
            pass
    return _real(doc, lexicon)
kg.parallel.extract_document = _hanging
"""
