"""Benchmark of the RDF export (graph.ttl + graph.trig) and of loading it for `kg query`.

    .venv/bin/python benchmarks/rdf_bench.py [--triples 1000000]

Builds a synthetic graph whose export has about --triples quads (organisations, events, links with
Vietnamese evidence sentences over 2,000 articles), then times render_rdf (both files) in this
process and reports peak memory (ru_maxrss, includes the graph itself). Target (issue 4):
1M triples written in < 20 s and < 1 GB.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.export.rdf import render_rdf, sorted_quads  # noqa: E402
from kg.graph import assemble_graph  # noqa: E402
from kg.model import Document, Entity, Evidence, Relation  # noqa: E402

QUADS_PER_LINK = 11          # the link + 10 evidence triples
SENTENCE = ("Cục Đối ngoại, Bộ Công an phối hợp với Tổ chức Di cư quốc tế (IOM) tổ chức Hội thảo tập huấn "
            "nâng cao năng lực về phát hiện và xử lý các vụ việc mua bán người theo hình thái mới số {}.")


def synthetic(triples: int, seed: int = 1):
    rnd = random.Random(seed)
    n_links = triples * 88 // 100 // QUADS_PER_LINK
    n_nodes = max(10, n_links // 3)
    docs = [Document(f"{i:06d}_bench", f"corpus/{i:06d}_bench.txt", "", (), title=f"Bài {i}",
                     date="2024-07-11", outlet="CAND", url=f"https://example.vn/{i}") for i in range(2000)]
    ents = [Entity(f"to-chuc-{i}", f"Tổ chức số {i}", "Organization" if i % 5 else "Event", (f"TC{i}",), (),
                   (Evidence(docs[i % 2000].id, SENTENCE.format(i), 0, 200, "bench"),)) for i in range(n_nodes)]
    rels = []
    for j in range(n_links):
        u, v = rnd.randrange(n_nodes), rnd.randrange(n_nodes)
        if u != v:
            rel = "participatedIn" if v % 5 == 0 else "cooperatesWith"
            rels.append(Relation(f"to-chuc-{u}", rel, f"to-chuc-{v}",
                                 (Evidence(docs[j % 2000].id, SENTENCE.format(j), j, j + 200, "bench"),)))
    return assemble_graph(ents, rels, docs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    args = ap.parse_args()
    g = synthetic(args.triples)
    t0 = time.perf_counter()
    ttl, trig = render_rdf(g)
    secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    quads = sorted_quads(g)
    triples = len({q[1:] for q in quads})
    print(f"graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} links; "
          f"{len(quads):,} quads (TriG), {triples:,} triples (Turtle)")
    print(f"render_rdf: {secs:.1f} s; graph.ttl {len(ttl) / 1e6:.0f} MB, graph.trig {len(trig) / 1e6:.0f} MB; "
          f"peak RSS {peak:.0f} MB")
    ok = secs < 20 and peak < 1024
    print("target (< 20 s, < 1 GB):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
