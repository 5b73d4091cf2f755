"""How fast `kg query` answers on a large build: the persistent store that `kg build` writes
(OUT/graph.oxigraph) against the baseline measured in the same run, loading graph.trig into memory
for every query (what kg query did before the store).

    python benchmarks/query_bench.py [--articles 10000] [--build DIR] [--repeat 3]

Writes (or reuses) a deterministic synthetic corpus under $TMPDIR/kg-bench, builds it once (unless
--build names an existing build folder), then for each ready-made query in queries/ prints the time
of `kg query` end to end (a fresh command: Python start, the parsed-query check, the query process,
opening the store) and of the baseline, and their ratio. Also prints how long writing the store took.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--build", type=Path, default=None, help="an existing build folder (skips corpus and build)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    import kg
    from kg.sparql import load_store, sparql, write_store
    if args.build:
        out = args.build
    else:
        base = Path(tempfile.gettempdir()) / "kg-bench"
        corpus = base / f"corpus-{args.articles}"
        if not (corpus / "articles.tsv").is_file():
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), str(args.articles),
                            "--out", str(corpus)], check=True)
        out = base / f"query-build-{args.articles}"
        if not (out / "graph.trig").is_file():
            t = time.perf_counter()
            kg.build(corpus, out)
            print(f"build of {args.articles} articles: {time.perf_counter() - t:.1f} s")
    size = (out / "graph.trig").stat().st_size / 1e6
    t = time.perf_counter()
    write_store(out)
    print(f"writing the query store from graph.trig ({size:.0f} MB) and graph.ttl: {time.perf_counter() - t:.1f} s")
    print(f"{'query':40} {'kg query':>10} {'baseline':>10} {'ratio':>7}")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for rq in sorted((ROOT / "queries").glob("*.rq")):
        text = rq.read_text(encoding="utf-8")
        cmd = [sys.executable, "-m", "kg", "query", "--file", str(rq), "--graph", str(out), "--format", "csv",
               "--timeout", "0"]
        new = best(lambda: subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env), args.repeat)
        old = best(lambda: sparql(load_store(out / "graph.trig"), text), 1)
        print(f"{rq.name:40} {new:9.2f}s {old:9.2f}s {old / new:6.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
