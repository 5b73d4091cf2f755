"""Per-article cost of each stage (read, extract, pickle, unpickle) over a folder of articles:
    python benchmarks/stage_profile.py FOLDER
"""
import time, pickle, sys
from pathlib import Path
from kg.corpus import read_document
from kg.extract import compile_lexicon
from kg.extract.entities import find_mentions
from kg.extract.relations import find_relations
from kg.extract import extract_document
from kg.rules import load_rules
import kg.corpus as C
files = sorted(Path(sys.argv[1]).glob("*.txt"))
lex = compile_lexicon(load_rules())
t=time.perf_counter(); docs=[read_document(f, None, None) for f in files]; tr=time.perf_counter()-t
t=time.perf_counter(); exs=[extract_document(d, lex) for d in docs]; te=time.perf_counter()-t
t=time.perf_counter(); ps=[pickle.dumps(e, protocol=5) for e in exs]; tp=time.perf_counter()-t
t=time.perf_counter(); [pickle.loads(p) for p in ps]; tu=time.perf_counter()-t
n=len(files); chars=sum(len(d.text) for d in docs)
print(f"{n} docs {chars/n:.0f} chars/doc; per doc ms: read {tr/n*1e3:.2f} extract {te/n*1e3:.2f} pickle {tp/n*1e3:.2f} unpickle {tu/n*1e3:.2f}; payload {sum(map(len,ps))/n/1e3:.1f} KB")
