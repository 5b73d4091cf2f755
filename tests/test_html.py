"""graph.html as text: data embedded inertly, nothing loaded from outside, every node and link
carried, legible styling, deterministic output. Behaviour in a browser: tests/browser/."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest
from browser.support import XSS_ALIAS, XSS_LABEL, XSS_SENTENCE, XSS_TITLE, small_graph

from kg.export.html import TYPE_STYLE, generate_html, layout_positions, script_json, write_html
from kg.model import ENTITY_TYPES

DATA_RE = re.compile(r'<script id="kg-data" type="application/json">(.*?)</script>', re.S)
# URLs that are identifiers, never fetched: licence notices in vis-network's header and the SVG namespace.
NOT_FETCHED = {"http://almende.com", "http://naver.github.io/egjs", "http://opensource.org/licenses/MIT",
               "http://www.apache.org/licenses/LICENSE-2.0", "https://github.com/visjs",
               "https://github.com/zloirock/core-js", "https://github.com/zloirock/core-js/blob/v3.51.0/LICENSE",
               "https://visjs.github.io/vis-network/", "http://www.w3.org/2000/svg"}


@pytest.fixture(scope="module")
def small_html():
    return generate_html(small_graph())


@pytest.fixture(scope="module")
def seed_html(graph):
    return generate_html(graph)


def page_data(page: str) -> dict:
    return json.loads(DATA_RE.search(page).group(1))


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(page)
    return parser.tags


# ------------------------------------------------------------------ escaping

def test_script_json_escapes_markup_ampersand_and_line_separators():
    assert script_json({"s": "</script><!--&\u2028\u2029"}) == \
        '{"s":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029"}'


def test_script_json_keeps_vietnamese_readable_and_round_trips():
    value = {"label": "Bộ Công an", "hostile": XSS_SENTENCE, "n": [1, 2.5, None]}
    text = script_json(value)
    assert "Bộ Công an" in text
    assert json.loads(text) == value


def test_hostile_strings_never_reach_the_page_raw(small_html):
    for raw in (XSS_LABEL, XSS_ALIAS, XSS_SENTENCE, XSS_TITLE, "<img", "<svg"):
        assert raw not in small_html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in small_html


def test_page_has_only_its_own_three_scripts(small_html):
    assert small_html.count("<script") == 3
    assert small_html.count("</script") == 3


def test_data_island_decodes_to_the_exact_article_strings(small_html):
    data = page_data(small_html)
    info = {n["key"]: n for n in data["nodeInfo"]}
    assert info["xss"]["label"] == XSS_LABEL
    assert info["xss"]["aliases"] == [XSS_ALIAS]
    assert [data["sentences"][i] for i in info["xss"]["evidence"]] == [["d1", XSS_SENTENCE]]
    assert data["documents"]["d1"]["title"] == XSS_TITLE


def test_explorer_script_never_uses_innerhtml_or_vis_titles():
    from kg.export.html import TEMPLATES
    code = (TEMPLATES / "explorer.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
    assert "innerHTML" not in code and "outerHTML" not in code and "insertAdjacentHTML" not in code
    assert "title:" not in code and "document.write" not in code


# ------------------------------------------------------------------ offline

def test_page_references_no_external_resource(seed_html):
    for tag, attrs in tags_of(seed_html):
        assert tag not in {"link", "img", "iframe", "object", "embed", "base", "audio", "video", "source"}
        assert not {"src", "href", "srcset", "action", "poster", "background"} & set(attrs), (tag, attrs)
    assert "@import" not in seed_html
    assert re.findall(r"url\(\s*(?![\"']?data:)", seed_html) == []


def test_every_url_in_the_page_is_an_identifier_that_is_never_fetched(seed_html):
    urls = set(re.findall(r"https?://[^\s\"'()<>\\,;]+", seed_html))
    assert urls <= NOT_FETCHED, urls - NOT_FETCHED


def test_content_security_policy_allows_exactly_the_two_inline_scripts(small_html):
    csp = next(a["content"] for t, a in tags_of(small_html) if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp.startswith("default-src 'none'; script-src ")
    scripts = re.findall(r"<script>(.*?)</script>", small_html, re.S)
    assert len(scripts) == 2
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in scripts}
    assert set(re.findall(r"'sha256-[^']+'", csp)) == hashes
    assert "'unsafe-inline'" not in csp.split("; ")[1]       # inline event handlers stay blocked


def test_page_declares_utf8_and_vietnamese(seed_html):
    assert seed_html.startswith('<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">')


# ------------------------------------------------------------------ content

def test_seed_page_carries_every_node_and_link(seed_html, graph):
    data = page_data(seed_html)
    assert len(data["nodes"]) == len(data["nodeInfo"]) == graph.number_of_nodes()
    assert len(data["edges"]) == len(data["edgeInfo"]) == graph.number_of_edges()
    assert sorted(n["key"] for n in data["nodeInfo"]) == sorted(graph.nodes)


def test_seed_page_shows_vietnamese_names_as_written(seed_html):
    labels = {n["label"] for n in page_data(seed_html)["nodeInfo"]}
    assert {"Bộ Công an", "Việt Nam"} <= labels


def test_empty_graph_gives_an_empty_explorer():
    import networkx as nx
    data = page_data(generate_html(nx.MultiDiGraph()))
    assert (data["nodes"], data["edges"], data["legend"]["years"]) == ([], [], [])


def test_same_graph_gives_the_same_bytes():
    assert generate_html(small_graph()) == generate_html(small_graph())


def test_six_types_have_distinct_colours_and_shapes():
    assert set(TYPE_STYLE) == set(ENTITY_TYPES)
    assert len({c for c, _ in TYPE_STYLE.values()}) == 6
    assert len({s for _, s in TYPE_STYLE.values()}) == 6


def test_legend_lists_types_and_relations_with_counts(small_html):
    legend = page_data(small_html)["legend"]
    assert [(t["name"], t["count"]) for t in legend["types"]] == [
        ("Organization", 2), ("Country", 1), ("Agreement", 0), ("Event", 1), ("Person", 0), ("Location", 1)]
    rels = {r["name"]: r["count"] for r in legend["relations"]}
    assert (rels["cooperatesWith"], rels["partOf"], rels["participatedIn"], rels["heldIn"], rels["funded"]) == (1, 1, 1, 1, 0)
    assert legend["years"] == [2019, 2023]


def test_node_size_grows_with_links(small_html):
    data = page_data(small_html)
    size = {i["key"]: n["size"] for n, i in zip(data["nodes"], data["nodeInfo"])}
    assert size["bo-cong-an"] > size["hoi-nghi-bali"] > size["campuchia"]


def test_node_colour_and_shape_follow_type(small_html):
    data = page_data(small_html)
    style = {i["key"]: (n["color"], n["shape"]) for n, i in zip(data["nodes"], data["nodeInfo"])}
    assert style["campuchia"] == TYPE_STYLE["Country"]
    assert style["hoi-nghi-bali"] == TYPE_STYLE["Event"]


def test_years_come_from_the_event_date_else_the_article_dates(small_html):
    data = page_data(small_html)
    years = {i["key"]: i["years"] for i in data["nodeInfo"]}
    assert years == {"bo-cong-an": [2019], "campuchia": [2021], "ha-noi": [], "hoi-nghi-bali": [2023], "xss": [2019]}
    assert sorted((e["relation"], e["years"]) for e in data["edgeInfo"]) == [
        ("cooperatesWith", [2021]), ("heldIn", []), ("partOf", [2019]), ("participatedIn", [])]


def test_symmetric_relation_has_no_arrow(small_html):
    data = page_data(small_html)
    arrows = {i["relation"]: e["arrows"] for e, i in zip(data["edges"], data["edgeInfo"])}
    assert arrows["cooperatesWith"] == "" and arrows["partOf"] == "to"


def test_long_names_are_shortened_on_the_canvas_only():
    from kg.graph import assemble_graph
    from kg.model import Entity
    name = "Chương trình hợp tác ASEAN - Australia về phòng, chống mua bán người giai đoạn 2018 - 2028"
    data = page_data(generate_html(assemble_graph([Entity("act", name, "Agreement")], [])))
    assert data["nodes"][0]["label"] == "Chương trình hợp tác ASEAN - Australia về phòng…"
    assert data["nodeInfo"][0]["label"] == name


def test_a_sentence_supporting_several_items_is_stored_once(small_html):
    data = page_data(small_html)
    bali = "Hội nghị Bali diễn ra tại Hà Nội."
    assert [row for row in data["sentences"] if row[1] == bali] == [["d3", bali]]
    users = [rec for rec in data["nodeInfo"] + data["edgeInfo"] if data["sentences"].index(["d3", bali]) in rec["evidence"]]
    assert len(users) == 4        # Hội nghị Bali, Hà Nội, participatedIn, heldIn


def test_page_carries_at_most_25_sentences_per_item_and_counts_them_all():
    from kg.graph import assemble_graph
    from kg.model import Document, Entity, Evidence
    evidence = tuple(Evidence(f"d{i}", f"Câu số {i} nhắc tới Việt Nam.", 10 * i, 10 * i + 9, "test") for i in range(30))
    g = assemble_graph([Entity("viet-nam", "Việt Nam", "Country", (), (), evidence)], [],
                       [Document(f"d{i}", f"d{i}.txt", "", (), "Tin tức", "2024-01-01") for i in range(30)])
    info = page_data(generate_html(g))["nodeInfo"][0]
    assert (len(info["evidence"]), info["evidenceTotal"]) == (25, 30)


# ------------------------------------------------------------------ layout

def test_layout_gives_every_node_its_own_integer_position(graph):
    nodes = sorted(graph.nodes)
    pos = layout_positions(graph, nodes)
    assert len(pos) == len(nodes) == len(set(pos))
    assert all(isinstance(x, int) and isinstance(y, int) for x, y in pos)


def test_layout_of_a_large_graph_is_deterministic():
    import networkx as nx
    big = nx.MultiDiGraph(nx.barabasi_albert_graph(800, 2, seed=3))
    nodes = sorted(big.nodes)
    first = layout_positions(big, nodes)
    assert first == layout_positions(big, nodes)
    assert len(set(first)) > 790


def test_write_html_writes_the_page_as_utf8(tmp_path):
    g = small_graph()
    write_html(g, tmp_path / "graph.html")
    assert (tmp_path / "graph.html").read_bytes() == generate_html(g).encode("utf-8")


def test_layout_components_are_networkx_connected_components():
    import random

    import networkx as nx

    from kg.export.html import _components
    rng = random.Random(3)
    n = 300
    pairs = sorted({tuple(sorted((rng.randrange(n), rng.randrange(n)))) for _ in range(200)})
    pairs = [p for p in pairs if p[0] != p[1]]
    simple = nx.Graph()
    simple.add_nodes_from(range(n))
    simple.add_edges_from(pairs)
    assert sorted(_components(n, pairs)) == sorted(sorted(c) for c in nx.connected_components(simple))
