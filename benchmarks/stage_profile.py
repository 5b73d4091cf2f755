"""Per-article cost of each stage (read, extract, summarize, encode, decode) over a folder of
articles, with the payload size: what a worker does per article and what the build process (or a
warm cache) pays to read it back.
    python benchmarks/stage_profile.py FOLDER
"""
import sys
import time
from pathlib import Path

from kg.codec import decode, encode
from kg.corpus import read_document
from kg.extract import compile_lexicon, extract_document
from kg.resolve import summarize
from kg.rules import load_rules

files = sorted(Path(sys.argv[1]).glob("*.txt"))
lex = compile_lexicon(load_rules())
t = time.process_time(); docs = [read_document(f, None, None) for f in files]; tr = time.process_time() - t
t = time.process_time(); exs = [extract_document(d, lex) for d in docs]; te = time.process_time() - t
t = time.process_time(); facts = [summarize(e) for e in exs]; ts = time.process_time() - t
t = time.process_time(); ps = [encode(f) for f in facts]; tp = time.process_time() - t
t = time.process_time(); [decode(p) for p in ps]; tu = time.process_time() - t
n = len(files)
chars = sum(len(d.text) for d in docs)
print(f"{n} docs {chars / n:.0f} chars/doc; per doc CPU ms: read {tr / n * 1e3:.2f} extract {te / n * 1e3:.2f} "
      f"summarize {ts / n * 1e3:.2f} encode {tp / n * 1e3:.2f} decode {tu / n * 1e3:.2f}; "
      f"payload {sum(map(len, ps)) / n / 1e3:.1f} KB")
