"""graph.html as text, and what the exporter computes for it: data embedded inertly, nothing loaded
from outside, every node and link carried, importance, groups, dates, English names, the build-time
layout, deterministic output. Behaviour in a browser: tests/browser/."""
from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from html.parser import HTMLParser

import networkx as nx
import pytest
from browser.support import CAMPUCHIA_URL, XSS_ALIAS, XSS_LABEL, XSS_SENTENCE, XSS_TITLE, small_graph

from kg.export.explore import (communities, english_name, english_names, importance_order, looks_english,
                               months_of, pair_weights)
from kg.export.html import TYPE_STYLE, generate_html, script_json, write_html
from kg.export.layout import SKELETON, SKELETON_SPACING, PX_PER_NODE, components, positions
from kg.graph import assemble_graph
from kg.model import ENTITY_TYPES, Document, Entity, Evidence, Relation

DATA_RE = re.compile(r'<script id="kg-data" type="application/json">(.*?)</script>', re.S)
# URLs that are identifiers, never fetched: the SVG namespace and the GraphML namespace of downloads.
NOT_FETCHED = {"http://www.w3.org/2000/svg", "http://graphml.graphdrawing.org/xmlns"}


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


def ev(doc: str, sentence: str = "Bộ Công an phối hợp với Campuchia.") -> tuple[Evidence, ...]:
    return (Evidence(doc, sentence, 0, 10, "test"),)


def doc(i: str, date: str) -> Document:
    return Document(i, f"{i}.txt", "", (), f"Bài {i}", date)


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
    for raw in (XSS_LABEL, XSS_ALIAS, XSS_SENTENCE, XSS_TITLE, "<img", "<svg onload"):
        assert raw not in small_html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in small_html


def test_page_has_only_its_data_and_its_own_script(small_html):
    assert small_html.count("<script") == 2
    assert small_html.count("</script") == 2


def test_data_island_decodes_to_the_exact_article_strings(small_html):
    data = page_data(small_html)
    info = {n["key"]: n for n in data["nodeInfo"]}
    assert info["xss"]["label"] == XSS_LABEL
    assert info["xss"]["aliases"] == [XSS_ALIAS]
    (row,) = [data["sentences"][i] for i in info["xss"]["evidence"]]
    assert row[1] == XSS_SENTENCE and data["documents"][row[0]]["title"] == XSS_TITLE


def test_explorer_script_never_writes_html_from_strings():
    from kg.export.html import TEMPLATES
    code = (TEMPLATES / "explorer.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in code


# ------------------------------------------------------------------ offline

def test_page_references_no_external_resource(seed_html):
    for tag, attrs in tags_of(seed_html):
        assert tag not in {"link", "img", "iframe", "object", "embed", "base", "audio", "video", "source"}
        assert not {"src", "href", "srcset", "action", "poster", "background"} & set(attrs), (tag, attrs)
    assert "@import" not in seed_html
    assert "sourceMappingURL" not in seed_html
    assert re.findall(r"url\(\s*(?![\"']?data:)", seed_html) == []


def test_every_url_in_the_page_is_an_identifier_that_is_never_fetched(seed_html):
    urls = set(re.findall(r"https?://[^\s\"'()<>\\,;]+", seed_html))
    assert urls <= NOT_FETCHED, urls - NOT_FETCHED


def test_content_security_policy_allows_exactly_the_page_script(small_html):
    csp = next(a["content"] for t, a in tags_of(small_html) if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp.startswith("default-src 'none'; script-src ")
    scripts = re.findall(r"<script>(.*?)</script>", small_html, re.S)
    assert len(scripts) == 1
    digest = "'sha256-" + base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode() + "'"
    assert re.findall(r"'sha256-[^']+'", csp) == [digest]
    assert "'unsafe-inline'" not in csp.split("; ")[1] and "unsafe-eval" not in csp


def test_page_declares_utf8(seed_html):
    assert seed_html.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')


# ------------------------------------------------------------------ content

def test_seed_page_carries_every_node_and_link(seed_html, graph):
    data = page_data(seed_html)
    assert len(data["nodes"]) == len(data["nodeInfo"]) == graph.number_of_nodes()
    assert len(data["edges"]) == len(data["edgeInfo"]) == graph.number_of_edges()
    assert sorted(n["key"] for n in data["nodeInfo"]) == sorted(graph.nodes)


def test_drawn_records_are_pyvis_nodes_and_edges(small_html):
    data = page_data(small_html)
    assert set(data["nodes"][0]) == {"id", "label", "shape", "color", "group", "size", "x", "y"}
    assert all(set(e) in ({"from", "to", "color", "arrows"}, {"from", "to", "color"}) for e in data["edges"])


def test_empty_graph_gives_an_empty_explorer():
    data = page_data(generate_html(nx.MultiDiGraph()))
    assert (data["nodes"], data["edges"], data["groups"], data["legend"]["months"]) == ([], [], [], [])


def test_same_graph_gives_the_same_bytes():
    assert generate_html(small_graph()) == generate_html(small_graph())


def test_six_types_have_distinct_colours_and_shapes():
    assert set(TYPE_STYLE) == set(ENTITY_TYPES)
    assert len({c for c, _ in TYPE_STYLE.values()}) == 6
    assert len({s for _, s in TYPE_STYLE.values()}) == 6


def test_legend_lists_types_and_relations_with_counts_and_the_months_covered(small_html):
    legend = page_data(small_html)["legend"]
    assert [(t["name"], t["count"]) for t in legend["types"]] == [
        ("Organization", 2), ("Country", 1), ("Agreement", 0), ("Event", 1), ("Person", 0), ("Location", 1)]
    rels = {r["name"]: r["count"] for r in legend["relations"]}
    assert (rels["cooperatesWith"], rels["partOf"], rels["participatedIn"], rels["heldIn"], rels["funded"]) == (1, 1, 1, 1, 0)
    assert legend["monthLabels"] == ["2019-07", "2023-05"]


def test_node_size_grows_with_links(small_html):
    data = page_data(small_html)
    size = {i["key"]: n["size"] for n, i in zip(data["nodes"], data["nodeInfo"])}
    assert size["bo-cong-an"] > size["hoi-nghi-bali"] > size["campuchia"]


def test_node_colour_and_shape_follow_type(small_html):
    data = page_data(small_html)
    style = {i["key"]: (n["color"], n["shape"]) for n, i in zip(data["nodes"], data["nodeInfo"])}
    assert style["campuchia"] == TYPE_STYLE["Country"]
    assert style["hoi-nghi-bali"] == TYPE_STYLE["Event"]


def test_symmetric_relation_has_no_arrow(small_html):
    data = page_data(small_html)
    arrows = {i["relation"]: e.get("arrows", "") for e, i in zip(data["edges"], data["edgeInfo"])}
    assert arrows["cooperatesWith"] == "" and arrows["partOf"] == "to"


def test_long_names_are_shortened_on_the_canvas_only():
    name = "Chương trình hợp tác ASEAN - Australia về phòng, chống mua bán người giai đoạn 2018 - 2028"
    data = page_data(generate_html(assemble_graph([Entity("act", name, "Agreement")], [])))
    assert data["nodes"][0]["label"] == "Chương trình hợp tác ASEAN - Australia về phòng…"
    assert data["nodeInfo"][0]["label"] == name


def test_a_sentence_supporting_several_items_is_stored_once(small_html):
    data = page_data(small_html)
    bali = "Hội nghị Bali diễn ra tại Hà Nội."
    rows = [i for i, row in enumerate(data["sentences"]) if row[1] == bali]
    assert len(rows) == 1
    users = [rec for rec in data["nodeInfo"] + data["edgeInfo"] if rows[0] in rec["evidence"]]
    assert len(users) == 4        # Hội nghị Bali, Hà Nội, participatedIn, heldIn


def test_a_large_graph_carries_at_most_10_sentences_per_item():
    from kg.export.html import LARGE
    evidence = tuple(Evidence(f"d{i}", f"Câu số {i} nhắc tới Việt Nam.", 10 * i, 10 * i + 9, "test") for i in range(30))
    many = [Entity(f"e{i:05d}", f"Tổ chức {i}", "Organization") for i in range(LARGE)]
    g = assemble_graph([Entity("viet-nam", "Việt Nam", "Country", (), (), evidence)] + many, [],
                       [doc(f"d{i}", "2024-01-01") for i in range(30)])
    info = next(x for x in page_data(generate_html(g))["nodeInfo"] if x["key"] == "viet-nam")
    assert (len(info["evidence"]), info["evidenceTotal"]) == (10, 30)


def test_page_carries_at_most_25_sentences_per_item_and_counts_them_all():
    evidence = tuple(Evidence(f"d{i}", f"Câu số {i} nhắc tới Việt Nam.", 10 * i, 10 * i + 9, "test") for i in range(30))
    g = assemble_graph([Entity("viet-nam", "Việt Nam", "Country", (), (), evidence)], [],
                       [doc(f"d{i}", "2024-01-01") for i in range(30)])
    info = page_data(generate_html(g))["nodeInfo"][0]
    assert (len(info["evidence"]), info["evidenceTotal"]) == (25, 30)


def test_articles_are_listed_oldest_first_and_undated_last(small_html):
    data = page_data(small_html)
    assert [(d["id"], d["date"]) for d in data["documents"]] == [("d1", "2019-07-10"), ("d2", "2021-03-01"), ("d3", "")]
    assert data["documents"][1]["url"] == CAMPUCHIA_URL and data["documents"][1]["outlet"] == "Báo Biên phòng"


def test_write_html_writes_the_page_as_utf8(tmp_path):
    g = small_graph()
    write_html(g, tmp_path / "graph.html")
    assert (tmp_path / "graph.html").read_bytes() == generate_html(g).encode("utf-8")


# ------------------------------------------------------------------ importance and overview

def test_importance_is_articles_then_links_then_name():
    order = importance_order(articles=[1, 5, 5, 2], degree=[9, 1, 3, 0], labels=["d", "c", "b", "a"],
                             keys=["k0", "k1", "k2", "k3"])
    assert order == [2, 1, 3, 0]


def test_page_opens_on_two_hundred_entities_most_important_first():
    entities = [Entity(f"e{i:03d}", f"Tổ chức {i}", "Organization", (), (), ev(f"d{i % 7}") + ev(f"d{i % 3}"))
                for i in range(250)]
    data = page_data(generate_html(assemble_graph(entities, [], [doc(f"d{i}", "2024-01-01") for i in range(7)])))
    assert data["overview"] == 200
    arts = [data["nodeInfo"][i]["articles"] for i in data["order"]]
    assert arts == sorted(arts, reverse=True)


# ------------------------------------------------------------------ groups

def two_teams() -> nx.MultiDiGraph:
    """Two tight teams of four bodies (every pair cooperates, article per pair), one link between them."""
    teams = (["bo-cong-an", "cuc-doi-ngoai", "cuc-canh-sat-hinh-su", "bo-ngoai-giao"],
             ["iom", "undp", "unodc", "unicef"])
    entities = [Entity(k, k.replace("-", " ").title(), "Organization", (), (), ev("d0")) for t in teams for k in t]
    links = []
    for t, team in enumerate(teams):
        for a in range(4):
            for b in range(a + 1, 4):
                links.append(Relation(team[a], "cooperatesWith", team[b], ev(f"d{t}{a}{b}")))
    links.append(Relation("bo-cong-an", "cooperatesWith", "iom", ev("x")))
    return assemble_graph(entities, links)


def test_louvain_finds_the_two_teams():
    g = two_teams()
    nodes = sorted(g.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    group_of, groups = communities(len(nodes), pair_weights(g, index), list(range(len(nodes))), nodes)
    found = sorted(sorted(nodes[m] for m in grp.members) for grp in groups)
    assert found == [["bo-cong-an", "bo-ngoai-giao", "cuc-canh-sat-hinh-su", "cuc-doi-ngoai"],
                     ["iom", "undp", "unicef", "unodc"]]


def test_a_group_is_named_by_its_three_most_important_members():
    g = two_teams()
    nodes = sorted(g.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    rank = [nodes.index(k) for k in nodes]                 # alphabetical importance, for the test
    _, groups = communities(len(nodes), pair_weights(g, index), rank, nodes)
    assert [grp.name for grp in groups] == ["bo-cong-an, bo-ngoai-giao, cuc-canh-sat-hinh-su", "iom, undp, unicef"]


def test_groups_are_networkx_louvain_with_the_same_seed():
    import random
    from kg.export.louvain import louvain_communities
    for trial in range(40):
        r = random.Random(trial)
        nodes = sorted(r.sample(range(400), r.randint(2, 120)))
        weights = {}
        for _ in range(r.randint(1, 4 * len(nodes))):
            a, b = sorted(r.sample(nodes, 2))
            weights[(a, b)] = r.choice((1, 1, 2, 3, 7))
        edges = [(a, b, w) for (a, b), w in sorted(weights.items())]
        linked = sorted({i for a, b, _ in edges for i in (a, b)})
        simple = nx.Graph()
        simple.add_nodes_from(linked)
        simple.add_weighted_edges_from(edges)
        want = nx.community.louvain_communities(simple, weight="weight", seed=trial % 9)
        got = louvain_communities(linked, edges, trial % 9)
        assert sorted(map(sorted, got)) == sorted(map(sorted, want))


def test_groups_are_the_same_on_every_run():
    g = nx.MultiDiGraph(nx.barabasi_albert_graph(600, 2, seed=3))
    index = {n: n for n in g}
    runs = {tuple(communities(600, pair_weights(g, index), list(range(600)), [str(i) for i in range(600)])[0])
            for _ in range(3)}
    assert len(runs) == 1


def test_unlinked_entities_belong_to_no_group(small_html):
    data = page_data(small_html)
    assert all(n["group"] >= 0 for n in data["nodes"])     # all five are linked
    alone = page_data(generate_html(assemble_graph([Entity("a", "A", "Country")], [])))
    assert alone["nodes"][0]["group"] == -1 and alone["groups"] == []


def test_page_groups_carry_their_colour_size_leaders_and_centre(seed_html):
    data = page_data(seed_html)
    g0 = data["groups"][0]
    members = [i for i, n in enumerate(data["nodes"]) if n["group"] == 0]
    assert g0["size"] == len(members) and set(g0["leaders"]) <= set(members)
    assert g0["leaders"] == sorted(members, key=data["order"].index)[:3]
    assert g0["x"] == round(sum(data["nodes"][i]["x"] for i in members) / len(members))


# ------------------------------------------------------------------ time

def test_months_of_a_day_a_month_a_year_and_nothing():
    assert months_of("2024-07-11") == [2024 * 12 + 6]
    assert months_of("2024-07") == [2024 * 12 + 6]
    assert months_of("2024") == [2024 * 12 + k for k in range(12)]
    assert months_of("") == months_of("11/7/2024") == []


def test_entities_and_links_carry_first_and_last_dates():
    entities = [Entity("bo-cong-an", "Bộ Công an", "Organization", (), (), ev("d1") + ev("d2") + ev("d3")),
                Entity("campuchia", "Campuchia", "Country", (), (), ev("d2")),
                Entity("hoi-nghi", "Hội nghị Bali", "Event", (), (("date", "2023-05-02"),), ev("d3"))]
    links = [Relation("bo-cong-an", "cooperatesWith", "campuchia", ev("d1") + ev("d2") + ev("d3"))]
    data = page_data(generate_html(assemble_graph(entities, links, [doc("d1", "2019-07-10"), doc("d2", "2021-03-01"),
                                                                   doc("d3", "")])))
    info = {n["key"]: n for n in data["nodeInfo"]}
    assert (info["bo-cong-an"]["first"], info["bo-cong-an"]["last"]) == ("2019-07-10", "2021-03-01")
    assert (info["hoi-nghi"]["first"], info["hoi-nghi"]["last"]) == ("2023-05-02", "2023-05-02")
    assert info["hoi-nghi"]["eventMonth"] == 2023 * 12 + 4
    (link,) = data["edgeInfo"]        # its articles oldest first: the page reads its first and last dates off them
    assert [data["documents"][k]["date"] for k in link["docs"]] == ["2019-07-10", "2021-03-01", ""]


def test_event_time_is_its_own_date_else_its_articles(small_html):
    data = page_data(small_html)
    months = {i["key"]: i["months"] for i in data["nodeInfo"]}
    assert months == {"bo-cong-an": [2019 * 12 + 6], "campuchia": [2021 * 12 + 2], "ha-noi": [],
                      "hoi-nghi-bali": [2023 * 12 + 4], "xss": [2019 * 12 + 6]}


# ------------------------------------------------------------------ English names

@pytest.mark.parametrize("name, english", [
    ("Ministry of Public Security", True), ("Vietnam", True), ("Laos", True), ("UN Women", True),
    ("Viet Nam", False), ("Nga", False), ("Na Uy", False), ("Cam-pu-chia", False), ("IOM", False),
    ("Bộ Công an", False), ("Türkiye", False), ("CHDC Congo", False), ("TP Pleiku", False)])
def test_looks_english(name, english):
    assert looks_english(name) is english


def test_english_name_of_a_gazetteer_row():
    assert english_name("Bộ Công an", ("Bộ Công an Việt Nam", "BCA", "Ministry of Public Security")) == \
        "Ministry of Public Security"
    assert english_name("Campuchia", ("Cam-pu-chia", "Cambodia")) == "Cambodia"
    assert english_name("Malaysia", ("Ma-lai-xi-a", "Malaixia")) == "Malaysia"
    assert english_name("Singapore", ("Xin-ga-po", "Xingapo")) == "Singapore"
    assert english_name("ASEAN", ("Association of Southeast Asian Nations",)) == "ASEAN"
    assert english_name("Chile", ("Chi-lê", "Republic of Chile")) == "Chile"
    assert english_name("Cục Cảnh sát Hình sự", ("C02",)) == ""


def test_english_names_come_from_the_gazetteer_rows_the_nodes_were_found_by(graph):
    names = english_names(graph)
    assert names["bo-cong-an"] == "Ministry of Public Security"
    assert names["iom"] == "International Organization for Migration"
    assert names["campuchia"] == "Cambodia"
    assert "cuc-doi-ngoai" not in names                     # the rules know no English name for it
    assert not [k for k in names if "gazetteer" not in graph.nodes[k]]


def test_page_shows_english_names_given_to_it():
    g = assemble_graph([Entity("x", "Bộ Công an", "Organization")], [])
    assert page_data(generate_html(g, english={"x": "Ministry of Public Security"}))["nodeInfo"][0]["en"] == \
        "Ministry of Public Security"


# ------------------------------------------------------------------ layout

def test_layout_gives_every_node_its_own_integer_position(graph):
    nodes = sorted(graph.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    pos = positions(len(nodes), sorted(pair_weights(graph, index)))
    assert len(pos) == len(nodes) == len(set(pos))
    assert all(isinstance(x, int) and isinstance(y, int) for x, y in pos)


def test_layout_of_a_large_graph_is_deterministic():
    big = nx.barabasi_albert_graph(1500, 2, seed=3)
    pairs = sorted((min(a, b), max(a, b)) for a, b in big.edges())
    first = positions(1500, pairs, order=list(range(1500)))
    assert first == positions(1500, pairs, order=list(range(1500)))
    assert len(set(first)) > 1490


def test_most_important_entities_are_spread_for_their_labels():
    big = nx.barabasi_albert_graph(2000, 3, seed=5)
    pairs = sorted((min(a, b), max(a, b)) for a, b in big.edges())
    order = sorted(range(2000), key=lambda i: -big.degree(i))
    pos = positions(2000, pairs, order=order)
    top = [pos[i] for i in order[:SKELETON]]
    closest = min(math.hypot((a[0] - b[0]) * 0.7, a[1] - b[1]) for k, a in enumerate(top) for b in top[k + 1:])
    assert closest >= 0.9 * SKELETON_SPACING * PX_PER_NODE


def test_unlinked_entities_are_laid_out_apart_from_the_linked_ones():
    pos = positions(6, [(0, 1), (1, 2)], order=[0, 1, 2, 3, 4, 5])
    assert min(p[1] for p in pos[3:]) > max(p[1] for p in pos[:3])


def test_layout_components_are_networkx_connected_components():
    import random
    rng = random.Random(3)
    n = 300
    pairs = sorted({tuple(sorted((rng.randrange(n), rng.randrange(n)))) for _ in range(200)})
    pairs = [p for p in pairs if p[0] != p[1]]
    simple = nx.Graph()
    simple.add_nodes_from(range(n))
    simple.add_edges_from(pairs)
    assert sorted(components(n, pairs)) == sorted(sorted(c) for c in nx.connected_components(simple))


def test_page_in_chunks_is_the_page_rendered_whole():
    """iter_html cuts the data out of the rendered template instead of rendering it in: the same bytes as
    rendering the data in (the page before 5 Dec 2026), hostile names and title included."""
    import jinja2

    from kg.export import html as H
    g = small_graph()
    g.graph["title"] = XSS_TITLE + " " + H._DATA_MARK
    chunks = list(H.iter_html(g))
    app_js, css, template = H._assets()
    net, details = H.build_network(g, None)
    csp = ("default-src 'none'; script-src " + H._csp_hash(app_js)
           + "; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    whole = jinja2.Environment(autoescape=True, keep_trailing_newline=True).from_string(template).render(
        csp=csp, css=H._markup(css), app_js=H._markup(app_js),
        data_json=H._markup(script_json({"nodes": net.nodes, "edges": net.edges, **details})),
        node_count=len(net.nodes), edge_count=len(net.edges), title=g.graph["title"])
    assert len(chunks) == 3 and "".join(chunks) == whole == generate_html(g)
