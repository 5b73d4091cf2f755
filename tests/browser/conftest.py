"""Headless Debian Chromium driven by playwright (never `playwright install`): one browser per
session, one fresh context per page, every request and console message recorded."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .support import CHROMIUM, CHROMIUM_ARGS, small_graph, synthetic_corpus


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

    def visible_keys(self) -> list[str]:
        """Ids (graph.json keys) of the entities drawn, dimmed or not."""
        return sorted(self.js("() => kgExplorer.visibleNodeIds().map(i => kgExplorer.info(i).key)"))

    def visible_labels(self) -> list[str]:
        return sorted(self.js("() => kgExplorer.visibleNodeIds().map(i => kgExplorer.info(i).label)"))

    def node_id(self, key: str) -> int:
        return self.js("k => kgExplorer.nodeIdByKey(k)", key)

    def point_of(self, key: str) -> tuple[float, float]:
        """Page coordinates of a drawn entity (after centring the camera on it)."""
        return self.js("k => kgExplorer.viewportPosition('n' + kgExplorer.nodeIdByKey(k))", key)

    def centre_on(self, keys: list[str], zoom: float = 1.0) -> None:
        """Camera on the middle of the drawn entities `keys`, `zoom` times closer."""
        self.js("""([keys, zoom]) => { const c = kgExplorer.camera();
                     kgExplorer.centreOn(keys.map(k => 'n' + kgExplorer.nodeIdByKey(k)), c.scale * zoom); }""", [keys, zoom])

    def click_node(self, key: str) -> None:
        """A real mouse click on the entity, after centring and zooming onto it."""
        self.centre_on([key], 4)
        x, y = self.point_of(key)
        self.page.mouse.click(x, y)

    def edge_point(self, source: str, target: str) -> tuple[float, float]:
        """Page coordinates of the middle of the link source - target, both ends on screen."""
        self.centre_on([source, target])
        (x1, y1), (x2, y2) = self.point_of(source), self.point_of(target)
        return (x1 + x2) / 2, (y1 + y2) / 2

    def click_edge(self, source: str, target: str) -> None:
        self.page.mouse.click(*self.edge_point(source, target))

    def details(self):
        return self.page.locator("#details-body")


@pytest.fixture
def open_page(browser):
    """open_page(path) -> Opened; network access other than file:// and data: is refused and recorded."""
    contexts = []

    def _open(path: Path, init_script: str | None = None, viewport=(1400, 850)) -> Opened:
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, accept_downloads=True)
        contexts.append(context)
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        opened = Opened(page)

        def guard(route):
            url = route.request.url
            if url.startswith(("file://", "data:", "blob:")):
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
        page.wait_for_function("window.kgExplorer && window.kgExplorer.firstDrawMs !== null", timeout=30_000)
        return opened

    yield _open
    for c in contexts:
        c.close()


def with_inline_evidence(data: dict) -> dict:
    """graph.json's data with each evidence entry ({sentence: id, rule}) spelled out from the sentence
    table as doc, sentence (text), start, end, rule: what the page shows for it."""
    table = {s["id"]: s for s in data["sentences"]}

    def inline(items):
        return [{**item, "evidence": [{"doc": table[e["sentence"]]["article"], "sentence": table[e["sentence"]]["text"],
                                       "start": table[e["sentence"]]["start"], "end": table[e["sentence"]]["end"],
                                       "rule": e["rule"]} for e in item["evidence"]]} if "evidence" in item else item
                for item in items]
    return {**data, "nodes": inline(data["nodes"]), "edges": inline(data["edges"])}


@pytest.fixture(scope="session")
def seed_json(built) -> dict:
    """graph.json of the shipped corpus, as written by `kg build` (evidence spelled out)."""
    return with_inline_evidence(json.loads((Path(built.out_dir) / "graph.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def seed_page(built) -> Path:
    return Path(built.out_dir) / "graph.html"


@pytest.fixture(scope="session")
def small_page(tmp_path_factory) -> Path:
    from kg.export.html import write_html
    path = tmp_path_factory.mktemp("html") / "small.html"
    write_html(small_graph(), path)
    return path


@pytest.fixture(scope="session")
def news_build(tmp_path_factory) -> Path:
    """`kg build` of 40 synthetic articles spread over 2015-2025: its output folder."""
    import kg
    root = tmp_path_factory.mktemp("news")
    corpus = synthetic_corpus(root / "corpus")
    kg.build(corpus, root / "out", workers=1, cache=False)
    return root / "out"


@pytest.fixture(scope="session")
def news_page(news_build) -> Path:
    return news_build / "graph.html"


@pytest.fixture(scope="session")
def news_json(news_build) -> dict:
    return with_inline_evidence(json.loads((news_build / "graph.json").read_text(encoding="utf-8")))
