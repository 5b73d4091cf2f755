"""graph.html in headless Chromium: it draws the graph, its controls work, it shows evidence,
stays offline, logs no error, and shows hostile article text as text."""
from __future__ import annotations

from collections import Counter

from .support import XSS_ALIAS, XSS_LABEL, XSS_SENTENCE, XSS_TITLE


def _labels_by_type(seed_json, type_):
    return sorted(n["label"] for n in seed_json["nodes"] if n["type"] == type_)


# ------------------------------------------------------------------ the seed graph (kg build corpus)

def test_page_draws_every_node_of_graph_json(open_page, seed_page, seed_json):
    p = open_page(seed_page)
    count = len(seed_json["nodes"])
    assert p.js("kgExplorer.network.body.nodeIndices.length") == count
    assert p.js("kgExplorer.nodeCount") == count
    assert p.page.inner_text("#status").startswith(f"{count} of {count} entities")


def test_page_draws_every_link_of_graph_json(open_page, seed_page, seed_json):
    p = open_page(seed_page)
    assert p.js("kgExplorer.network.body.edgeIndices.length") == len(seed_json["edges"])


def test_accent_free_search_finds_bo_cong_an_and_hides_unrelated_entities(open_page, seed_page, seed_json):
    p = open_page(seed_page)
    p.page.fill("#search", "bo cong an")
    shown = p.js("kgExplorer.network.body.nodeIndices.length")
    assert 0 < shown < len(seed_json["nodes"])
    results = p.page.locator("#results li").all_inner_texts()
    assert "Bộ Công an" in [r.strip() for r in results]
    assert "Bộ Công an" in p.visible_labels()


def test_clearing_the_search_shows_everything_again(open_page, seed_page, seed_json):
    p = open_page(seed_page)
    p.page.fill("#search", "campuchia")
    p.page.fill("#search", "")
    assert p.js("kgExplorer.network.body.nodeIndices.length") == len(seed_json["nodes"])


def test_unticking_country_hides_exactly_the_countries(open_page, seed_page, seed_json):
    p = open_page(seed_page)
    countries = _labels_by_type(seed_json, "Country")
    assert "Việt Nam" in countries
    p.page.locator("#type-filter input[value=Country]").uncheck()
    shown = p.visible_labels()
    assert len(shown) == len(seed_json["nodes"]) - len(countries)
    assert not set(countries) & set(shown)
    assert p.js("kgExplorer.network.body.nodeIndices.length") == len(shown)


def test_unticking_a_relation_hides_its_links(open_page, seed_page, seed_json):
    p = open_page(seed_page)
    per_relation = Counter(link["relation"] for link in seed_json["edges"])
    relation, n = per_relation.most_common(1)[0]
    p.page.locator(f"#relation-filter input[value={relation}]").uncheck()
    assert p.js("kgExplorer.network.body.edgeIndices.length") == len(seed_json["edges"]) - n


def test_clicking_bo_cong_an_shows_its_names_type_and_evidence_with_title_and_date(open_page, seed_page, seed_json):
    p = open_page(seed_page)
    node = next(n for n in seed_json["nodes"] if n["id"] == "bo-cong-an")
    first = node["evidence"][0]
    doc = seed_json["graph"]["documents"][first["doc"]]
    p.click_node("bo-cong-an")
    details = p.page.locator("#details-body")
    assert details.locator("h2").inner_text() == "Bộ Công an"
    assert details.locator(".kind").inner_text() == "Organization"
    sentences = details.locator(".evidence .sentence").all_inner_texts()
    assert first["sentence"] in sentences
    sources = details.locator(".evidence .source").all_inner_texts()
    assert f"{doc['title']} · {doc['date']}" in sources


def test_hovering_a_node_shows_a_tooltip_with_an_evidence_sentence(open_page, seed_page, seed_json):
    p = open_page(seed_page)
    node = next(n for n in seed_json["nodes"] if n["id"] == "bo-cong-an")
    p.click_node("bo-cong-an")          # centres it; the pointer now rests on it
    p.page.mouse.move(5, 5)
    nid = p.node_id("bo-cong-an")
    x, y = p.js("""id => { const n = kgExplorer.network, q = n.canvasToDOM(n.getPosition(id));
                           const r = document.querySelector('#graph canvas').getBoundingClientRect();
                           return [r.left + q.x, r.top + q.y]; }""", nid)
    p.page.mouse.move(x, y, steps=3)
    tooltip = p.page.locator("#tooltip")
    tooltip.wait_for(state="visible", timeout=3000)
    text = tooltip.inner_text()
    assert text.startswith("Bộ Công an")
    assert node["evidence"][0]["sentence"][:60] in text


def test_selecting_a_node_highlights_exactly_its_neighbourhood(open_page, seed_page, seed_json):
    p = open_page(seed_page)
    p.click_node("bo-cong-an")
    links = [l for l in seed_json["edges"] if "bo-cong-an" in (l["source"], l["target"])]
    expected = sorted({p.node_id(k) for l in links for k in (l["source"], l["target"])} | {p.node_id("bo-cong-an")})
    focus = p.js("kgExplorer.focus()")
    assert focus["nodes"] == expected
    assert len(focus["edges"]) == len(links)


def test_clicking_empty_canvas_clears_the_highlight(open_page, seed_page):
    p = open_page(seed_page)
    p.click_node("bo-cong-an")
    box = p.page.locator("#graph canvas").bounding_box()
    p.page.mouse.click(box["x"] + 3, box["y"] + 3)
    assert p.js("kgExplorer.focus()") is None


def test_unfreeze_starts_physics_and_freeze_stops_it(open_page, seed_page):
    p = open_page(seed_page)
    assert p.js("kgExplorer.network.physics.options.enabled") is False
    p.page.click("#physics")
    assert p.js("kgExplorer.network.physics.options.enabled") is True
    assert p.page.get_attribute("#physics", "aria-pressed") == "true"
    p.page.click("#physics")
    assert p.js("kgExplorer.network.physics.options.enabled") is False


def test_reset_brings_back_everything(open_page, small_page):
    p = open_page(small_page)
    p.page.fill("#search", "campuchia")
    p.page.locator("#type-filter input[value=Location]").uncheck()
    p.page.select_option("#year-from", "2023")
    p.page.click("#reset")
    assert p.visible_labels() == sorted(["Bộ Công an", "Campuchia", "Hà Nội", "Hội nghị Bali", XSS_LABEL])
    assert p.page.input_value("#search") == ""
    assert p.page.locator("#type-filter input[value=Location]").is_checked()


def _exercise(p) -> None:
    """Use every control once, so that lazily loaded resources would show up."""
    p.page.fill("#search", "viet nam")
    p.page.fill("#search", "")
    p.page.locator("#type-filter input[value=Person]").uncheck()
    p.page.click("#reset")
    p.click_node("bo-cong-an")
    p.page.click("#physics")
    p.page.wait_for_timeout(300)
    p.page.click("#physics")


def test_no_request_leaves_the_page(open_page, seed_page):
    p = open_page(seed_page)
    _exercise(p)
    assert p.blocked == []
    assert p.requests and all(u.startswith(("file://", "data:")) for u in p.requests), p.requests


def test_no_console_error(open_page, seed_page):
    p = open_page(seed_page)
    _exercise(p)
    assert p.errors == []


# ------------------------------------------------------------------ a small graph, one article hostile

def test_year_filter_keeps_entities_of_that_year_and_undated_ones(open_page, small_page):
    p = open_page(small_page)
    assert p.page.locator("#year-from option").all_inner_texts() == ["2019", "2020", "2021", "2022", "2023"]
    p.page.select_option("#year-from", "2021")
    p.page.select_option("#year-to", "2021")
    assert p.visible_labels() == ["Campuchia", "Hà Nội"]
    p.page.locator("#year-undated").uncheck()
    assert p.visible_labels() == ["Campuchia"]


def test_event_year_is_its_own_date(open_page, small_page):
    p = open_page(small_page)
    p.page.select_option("#year-from", "2023")
    p.page.locator("#year-undated").uncheck()
    assert p.visible_labels() == ["Hội nghị Bali"]


def test_clicking_a_link_shows_its_relation_and_evidence(open_page, small_page):
    p = open_page(small_page)
    p.click_edge("bo-cong-an", "campuchia")
    details = p.page.locator("#details-body")
    assert details.locator("h2").inner_text() == "Bộ Công an —cooperatesWith— Campuchia"
    assert details.locator(".evidence .sentence").all_inner_texts() == [
        "Việt Nam và Campuchia tăng cường hợp tác phòng, chống mua bán người."]
    assert details.locator(".evidence .source").all_inner_texts() == ["Hợp tác Việt Nam – Campuchia · 2021-03-01"]


def test_hovering_a_link_shows_a_tooltip_with_its_evidence(open_page, small_page):
    p = open_page(small_page)
    x, y = p.edge_point("bo-cong-an", "campuchia")
    p.page.mouse.move(x - 40, y - 40)
    p.page.mouse.move(x, y, steps=4)
    tooltip = p.page.locator("#tooltip")
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.inner_text().split("\n")[:2] == ["Bộ Công an → Campuchia", "cooperatesWith"]
    assert "Việt Nam và Campuchia tăng cường hợp tác" in tooltip.inner_text()


def test_evidence_marks_the_names_of_both_ends_of_a_link(open_page, small_page):
    p = open_page(small_page)
    p.click_edge("bo-cong-an", "campuchia")
    assert p.page.locator("#details-body .evidence mark").all_inner_texts() == ["Campuchia"]
    p.click_node("bo-cong-an")
    assert p.page.locator("#details-body .evidence mark").all_inner_texts() == ["Bộ Công an"]


def test_undated_untitled_article_is_named_by_its_file(open_page, small_page):
    p = open_page(small_page)
    p.click_node("ha-noi")
    assert p.page.locator("#details-body .evidence .source").all_inner_texts() == [
        "Untitled article (d3.txt) · undated"]


def test_hostile_strings_show_as_text_and_run_nothing(open_page, small_page):
    p = open_page(small_page)
    p.page.fill("#search", "onerror")
    p.page.locator("#results button").first.click()
    details = p.page.locator("#details-body")
    assert details.locator("h2").inner_text() == XSS_LABEL
    assert details.locator(".aliases li").first.inner_text() == XSS_ALIAS
    assert details.locator(".evidence .sentence").first.inner_text() == XSS_SENTENCE
    assert details.locator(".evidence .source").first.inner_text() == f"{XSS_TITLE} · 2019-07-10"
    p.click_node("xss")
    p.page.wait_for_timeout(200)
    assert p.dialogs == []
    assert p.js("window.__pwned") is None
    assert p.js("document.querySelectorAll('img, #details-body svg, #tooltip *:not(div):not(strong)').length") == 0
    assert p.errors == []
    assert p.blocked == []


def test_panel_says_when_it_shows_only_part_of_the_evidence(open_page, tmp_path):
    from kg.export.html import write_html
    from kg.graph import assemble_graph
    from kg.model import Document, Entity, Evidence
    evidence = tuple(Evidence(f"d{i}", f"Câu số {i} nhắc tới Việt Nam.", 10 * i, 10 * i + 9, "test") for i in range(30))
    write_html(assemble_graph([Entity("viet-nam", "Việt Nam", "Country", (), (), evidence)], [],
                              [Document(f"d{i}", f"d{i}.txt", "", (), "Tin tức", "2024-01-01") for i in range(30)]),
               tmp_path / "g.html")
    p = open_page(tmp_path / "g.html")
    p.click_node("viet-nam")
    details = p.page.locator("#details-body")
    assert details.locator("h3", has_text="Evidence").text_content() == "Evidence (30)"
    assert details.locator("section .hint").inner_text() == "The first 25 of 30 sentences; graph.json has them all."
    assert details.locator(".evidence li").count() == 25
