"""Benchmark of graph.html: generation time in Python and first complete drawing in headless Chromium.

    .venv/bin/python benchmarks/html_bench.py [--sizes 2000,10000] [--no-browser]

The baseline is measured in the same run: default pyvis (Network.add_node/add_edge +
generate_html) on 1,000 and 3,000 nodes; its growth exponent extrapolates it to bigger graphs
(add_node/add_edge scan lists, so it is quadratic). Targets (issue 5): generation of 10,000 nodes < 3 s; first drawing of 2,000 nodes
< 3 s and of 10,000 nodes < 10 s after opening the page.
"""
from __future__ import annotations

import argparse
import math
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.export.html import generate_html  # noqa: E402
from kg.graph import assemble_graph  # noqa: E402
from kg.model import ENTITY_TYPES, RELATIONS, Document, Entity, Evidence, Relation  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
GENERATION_TARGET = {10000: 3.0}
DRAW_TARGET = {2000: 3.0, 10000: 10.0}
WORDS = ("Bộ Công an", "Cục Cảnh sát hình sự", "Tổ chức Di cư Quốc tế", "Hội thảo", "Hiệp định",
         "Đà Nẵng", "Campuchia", "Lào", "Trung Quốc", "Ủy ban", "phòng, chống mua bán người")


def synthetic_graph(n: int, seed: int = 1):
    """A news-like graph: hubs (preferential attachment), ~1.5 links per node, evidence everywhere."""
    rng = random.Random(seed)
    docs = [Document(id=f"d{i:04d}", path=f"d{i:04d}.txt", text="", sentences=(),
                     title=f"Bài báo số {i} về hợp tác phòng, chống mua bán người",
                     date=f"{2015 + i % 10}-0{1 + i % 9}-1{i % 10}") for i in range(max(10, n // 50))]
    entities, relations, targets = [], [], []
    for i in range(n):
        doc = rng.choice(docs).id
        label = f"{rng.choice(WORDS)} {i}"
        sentence = f"Câu chứng cứ số {i}: {label} phối hợp với các đối tác trong phòng, chống mua bán người."
        entities.append(Entity(id=f"e{i:05d}", label=label, type=ENTITY_TYPES[i % len(ENTITY_TYPES)],
                               aliases=(f"Tên khác {i}",), evidence=(Evidence(doc, sentence, 0, len(sentence), "bench"),)))
        for _ in range(2 if i else 0):
            if rng.random() < 0.75:
                j = rng.choice(targets) if targets else 0
                if j != i:
                    rel = rng.choice(RELATIONS)
                    relations.append(Relation(f"e{i:05d}", rel, f"e{j:05d}",
                                              (Evidence(doc, sentence, 0, len(sentence), "bench"),)))
                    targets.extend((i, j))
        targets.append(i)
    return assemble_graph(entities, relations, docs)


def pyvis_default(g) -> str:
    """What a plain pyvis page costs: one add_node/add_edge call per item, default template."""
    from pyvis.network import Network
    net = Network()                    # pyvis' defaults: undirected, physics on, CDN template
    for node, d in g.nodes(data=True):
        net.add_node(node, label=d["label"], title=d["label"])
    for u, v, d in g.edges(data=True):
        net.add_edge(u, v, label=d["relation"])
    return net.generate_html(notebook=False)


def timed(fn, *args) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - start, out


def first_draw_seconds(path: str) -> float:
    """Seconds from navigation start to vis-network's first complete drawing (afterDrawing)."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        page.goto(Path(path).resolve().as_uri())
        page.wait_for_function("window.kgExplorer && window.kgExplorer.firstDrawMs !== null", timeout=120_000)
        ms = page.evaluate("kgExplorer.firstDrawMs")
        browser.close()
    return ms / 1000


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,2000,10000")
    ap.add_argument("--baseline-sizes", default="1000,3000", help="default pyvis is timed on these")
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]

    pyvis_default(synthetic_graph(20))       # warm-up: imports and template loading are not timed
    generate_html(synthetic_graph(20))
    base = {}
    for n in (int(s) for s in args.baseline_sizes.split(",")):
        base[n], _ = timed(pyvis_default, synthetic_graph(n))
        print(f"baseline: default pyvis, {n:>6} nodes: generation {base[n]:6.2f} s", flush=True)
    (n1, t1), (n2, t2) = sorted(base.items())[0], sorted(base.items())[-1]
    exponent = math.log(t2 / t1) / math.log(n2 / n1) if n2 != n1 else 2.0

    def pyvis_at(n: int) -> tuple[float, str]:
        return (base[n], "measured") if n in base else (t2 * (n / n2) ** exponent, f"extrapolated ~n^{exponent:.1f}")

    browser = not args.no_browser and os.path.exists(CHROMIUM)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            g = synthetic_graph(n)
            gen_t, page = timed(generate_html, g)
            ref, how = pyvis_at(n)
            line = (f"kg explorer {n:>6} nodes / {g.number_of_edges():>6} edges: generation {gen_t:5.2f} s"
                    f" (default pyvis {ref:.2f} s, {how}: {ref / gen_t:.1f}x), page {len(page) / 1e6:.1f} MB")
            if n in GENERATION_TARGET:
                ok &= gen_t < GENERATION_TARGET[n]
                line += f", target {GENERATION_TARGET[n]:.0f} s: {'ok' if gen_t < GENERATION_TARGET[n] else 'MISSED'}"
            if browser:
                path = os.path.join(tmp, f"graph-{n}.html")
                Path(path).write_text(page, encoding="utf-8")
                draw = first_draw_seconds(path)
                line += f"; first drawing {draw:5.2f} s"
                if n in DRAW_TARGET:
                    ok &= draw < DRAW_TARGET[n]
                    line += f" (target {DRAW_TARGET[n]:.0f} s: {'ok' if draw < DRAW_TARGET[n] else 'MISSED'})"
            print(line, flush=True)
    if not browser:
        print("browser timings skipped (no /usr/bin/chromium or --no-browser)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
