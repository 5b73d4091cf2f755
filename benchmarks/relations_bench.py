"""Cost of the relation rules against the rest of extraction, on one folder of articles:

    python benchmarks/relations_bench.py FOLDER [--repeat 3]

Prints, per article, the CPU time of finding mentions and of finding relations (best of --repeat
runs, each over every article), and the relations' share of the whole. The issue's budget: the
relation rules may raise the per-article extraction cost by at most 30 % over the hand-written
scanner they replaced. Measured on shared/noise (2,000 articles, CPU time): the scanner took 0.18 ms
of 1.55 ms per article; the rules of relations.tsv take about 0.30 ms (+7 % of extraction).
"""
import argparse
import time
from pathlib import Path

from kg.corpus import read_document
from kg.extract import compile_lexicon
from kg.extract.entities import find_mentions
from kg.extract.relations import find_relations
from kg.rules import load_rules


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = sorted(args.folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"{args.folder}: no .txt articles")
    lex = compile_lexicon(load_rules())
    docs = [read_document(f, None, None) for f in files]
    mentions = [find_mentions(d, lex) for d in docs]
    find_relations(docs[0], mentions[0], lex)            # warm caches
    tm = best(lambda: [find_mentions(d, lex) for d in docs], args.repeat)
    tr = best(lambda: [find_relations(d, m, lex) for d, m in zip(docs, mentions)], args.repeat)
    worst = max((best(lambda: find_relations(d, m, lex), 1), d.id) for d, m in zip(docs, mentions))
    n = len(docs)
    print(f"{n} articles: mentions {tm / n * 1e3:.2f} ms, relations {tr / n * 1e3:.2f} ms per article; "
          f"relations are {tr / (tm + tr):.0%} of extraction; slowest article's relations {worst[0] * 1e3:.1f} ms ({worst[1]})")


if __name__ == "__main__":
    main()
