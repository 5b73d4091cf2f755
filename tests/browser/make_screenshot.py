"""Redraw the explorer screenshots in docs/ (README shows them):

    .venv/bin/python tests/browser/make_screenshot.py [--out-dir docs] [--corpus DIR]

- explorer-seed.png      the seed corpus (corpus/), a link's evidence open in the panel
- explorer-overview.png  the overview of a 2,000-article build, as the page opens
- explorer-focus.png     the same build, one entity in focus with its ranked partners

The 2,000 articles are benchmarks/make_corpus.py's (built once under $TMPDIR/kg-bench), or the
articles of --corpus DIR. Only the pictures are written to docs/, never article text. The page is
opened in a 1400 x 860 window at 1.5 times the pixel density and each picture keeps the graph and the
one side panel it is about (about 1,100 CSS pixels wide), so that README, which shows it scaled to
its column, shows text at nearly its size on screen.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from browser.support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

VIEWPORT = {"width": 1400, "height": 860}


def page_of(corpus: Path, out: Path) -> tuple[Path, int, int]:
    """(graph.html, entities, links) of a `kg build` of the corpus into `out` (its cache is kept, so
    a second run re-extracts only what the rules or the extractor changed)."""
    import kg
    g = kg.build(corpus, out).graph
    return out / "graph.html", g.number_of_nodes(), g.number_of_edges()


def open_page(browser, path: Path):
    page = browser.new_page(viewport=VIEWPORT, device_scale_factor=1.5)
    page.goto(path.as_uri())
    page.wait_for_function("window.kgExplorer && window.kgExplorer.firstDrawMs !== null")
    return page


def shoot(page, path: Path, side: str) -> None:
    """Screenshot of the graph with the controls (side='left') or the details panel (side='right')."""
    graph = page.locator("#centre").bounding_box()
    x0 = 0 if side == "left" else graph["x"]
    x1 = graph["x"] + graph["width"] if side == "left" else VIEWPORT["width"]
    page.screenshot(path=str(path), clip={"x": x0, "y": 0, "width": x1 - x0, "height": VIEWPORT["height"]})


def select(page, key: str) -> None:
    page.evaluate("k => kgExplorer.select(kgExplorer.nodeIdByKey(k))", key)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out-dir", default=str(ROOT / "docs"))
    ap.add_argument("--corpus", help="articles for the overview and focus pictures (default: 2,000 synthetic ones)")
    ap.add_argument("--focus", default="bo-cong-an", help="entity id in focus in explorer-focus.png")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright
    from run import corpus_for
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    bench = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "kg-bench"
    big_corpus = Path(args.corpus) if args.corpus else corpus_for(2000, 7, bench)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        seed, _, _ = page_of(ROOT / "corpus", Path(tmp) / "seed")
        kept = Path(tmp) / "big" if args.corpus else bench / f"screens-{big_corpus.name}"
        big, entities, links = page_of(big_corpus, kept)
        print(f"{big_corpus}: {entities} entities, {links} links")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        page = open_page(browser, seed)
        k = page.evaluate("""() => { for (let k = 0; k < kgExplorer.edgeCount; k++) { const e = kgExplorer.edge(k);
                               if (kgExplorer.info(e.from).key === 'bo-cong-an' && kgExplorer.info(e.to).key === 'iom') return k; }
                             return 0; }""")
        page.evaluate("k => kgExplorer.showEdge(k)", k)
        shoot(page, out_dir / "explorer-seed.png", "right")
        page.close()

        page = open_page(browser, big)
        shoot(page, out_dir / "explorer-overview.png", "left")
        select(page, args.focus)
        page.wait_for_timeout(100)
        shoot(page, out_dir / "explorer-focus.png", "right")
        page.close()
        browser.close()
    for name in ("explorer-seed.png", "explorer-overview.png", "explorer-focus.png"):
        print(f"wrote {out_dir / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
