"""Headless Debian Chromium driven by playwright (never `playwright install`): one browser per
session, one fresh context per page, every request and console message recorded."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .support import CHROMIUM, CHROMIUM_ARGS, small_graph


def _chromium_or_skip():
    if not os.path.exists(CHROMIUM) and not os.environ.get("CI"):
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); browser tests run whenever CI is set")


@pytest.fixture(scope="session")
def browser():
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Opened:
    """A page of the explorer plus what it did: requests, console errors, dialogs."""
    page: object
    requests: list = field(default_factory=list)
    blocked: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def visible_labels(self) -> list[str]:
        return self.js("""() => kgExplorer.visibleNodeIds().map(i => kgExplorer.info(i).label).sort()""")

    def node_id(self, key: str) -> int:
        return self.js("k => kgExplorer.nodeIdByKey(k)", key)

    def click_edge(self, source: str, target: str) -> None:
        """A real mouse click on the middle of the straight link source -> target."""
        self.page.mouse.click(*self.edge_point(source, target))

    def edge_point(self, source: str, target: str) -> tuple[float, float]:
        """Page coordinates of the middle of the link, after fitting both ends on screen."""
        a, b = self.node_id(source), self.node_id(target)
        self.js("ids => kgExplorer.network.fit({nodes: ids, animation: false})", [a, b])
        x, y = self.js("""ids => { const n = kgExplorer.network, p = n.getPositions(ids);
                                   const m = n.canvasToDOM({x: (p[ids[0]].x + p[ids[1]].x) / 2,
                                                            y: (p[ids[0]].y + p[ids[1]].y) / 2});
                                   const r = document.querySelector('#graph canvas').getBoundingClientRect();
                                   return [r.left + m.x, r.top + m.y]; }""", [a, b])
        return x, y

    def click_node(self, key: str) -> None:
        """A real mouse click on the node, after centring and zooming onto it."""
        nid = self.node_id(key)
        self.js("id => kgExplorer.network.focus(id, {scale: 2.5, animation: false})", nid)
        x, y = self.js("""id => { const n = kgExplorer.network, p = n.canvasToDOM(n.getPosition(id));
                                  const r = document.querySelector('#graph canvas').getBoundingClientRect();
                                  return [r.left + p.x, r.top + p.y]; }""", nid)
        self.page.mouse.click(x, y)


@pytest.fixture
def open_page(browser):
    """open_page(path) -> Opened; network access other than file:// and data: is refused and recorded."""
    contexts = []

    def _open(path: Path) -> Opened:
        context = browser.new_context(viewport={"width": 1400, "height": 850})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def guard(route):
            url = route.request.url
            if url.startswith(("file://", "data:")):
                route.continue_()
            else:
                opened.blocked.append(url)
                route.abort()

        context.route("**/*", guard)
        page.on("request", lambda r: opened.requests.append(r.url))
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))

        def on_dialog(dialog):
            opened.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(Path(path).resolve().as_uri())
        page.wait_for_function("window.kgExplorer && window.kgExplorer.firstDrawMs !== null", timeout=20_000)
        return opened

    yield _open
    for c in contexts:
        c.close()


@pytest.fixture(scope="session")
def seed_json(built) -> dict:
    """graph.json of the shipped corpus, as written by `kg build`."""
    return json.loads((Path(built.out_dir) / "graph.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_page(built) -> Path:
    return Path(built.out_dir) / "graph.html"


@pytest.fixture(scope="session")
def small_page(tmp_path_factory) -> Path:
    from kg.export.html import write_html
    path = tmp_path_factory.mktemp("html") / "small.html"
    write_html(small_graph(), path)
    return path
