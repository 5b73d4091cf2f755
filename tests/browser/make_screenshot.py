"""Save docs/screenshot.png: the explorer on the seed corpus, "Bộ Công an" selected.

    .venv/bin/python tests/browser/make_screenshot.py [--out docs/screenshot.png]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser.support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    ap.add_argument("--select", default="bo-cong-an", help="node id shown in the details panel")
    args = ap.parse_args(argv)
    import kg
    from kg.export.html import write_html
    from playwright.sync_api import sync_playwright
    g = kg.build_graph(kg.read_corpus(ROOT / "corpus"))
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        page_path = Path(tmp) / "graph.html"
        write_html(g, page_path)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000}, device_scale_factor=1)
        page.goto(page_path.as_uri())
        page.wait_for_function("window.kgExplorer && window.kgExplorer.firstDrawMs !== null")
        page.locator("#highlight").uncheck()          # keep every colour visible in the picture
        nid = page.evaluate("k => kgExplorer.nodeIdByKey(k)", args.select)
        if nid >= 0:
            page.evaluate("""id => { const n = kgExplorer.network; n.selectNodes([id]);
                                     n.emit('click', {nodes: [id], edges: []}); }""", nid)
        page.wait_for_timeout(200)
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=args.out)
        browser.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
