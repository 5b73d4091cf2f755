"""The report answers a researcher's first questions, in report.md and, with charts, in report.html:
articles and events per year, the most active bodies and countries, the strongest partnerships with
the articles behind them, each country in a few lines. The page is self-contained and escapes text."""
import re
import xml.etree.ElementTree as ET

import pytest
from partner_graph import partner_graph

from kg.export.report import generate_report, generate_report_html, partnerships, report_data
from kg.graph import assemble_graph
from kg.model import Document, Entity, Evidence, Relation

SVG = re.compile(r"<svg\b.*?</svg>", re.S)


@pytest.fixture(scope="module")
def g():
    return partner_graph()


@pytest.fixture(scope="module")
def page(g):
    return generate_report_html(g)


def test_articles_and_events_are_counted_per_year(g):
    data = report_data(g)
    assert data.years == ["2023", "2024"]
    assert (data.articles_per_year, data.events_per_year) == ({"2023": 1, "2024": 2}, {"2023": 1, "2024": 1})


def test_strongest_partnership_is_the_one_most_articles_state(g):
    top = partnerships(g)[0]
    assert ({top.a, top.b}, sorted(top.docs), top.direct) == ({"cuc-doi-ngoai", "iom"}, ["a_2023", "b_2024"], True)


def test_a_body_and_its_own_parent_or_country_are_no_partnership(g):
    pairs = {frozenset((p.a, p.b)) for p in partnerships(g)}
    assert frozenset(("cuc-doi-ngoai", "bo-cong-an")) not in pairs
    assert frozenset(("iom", "viet-nam")) not in pairs


def test_markdown_lists_each_partnership_with_its_articles_newest_first(g):
    md = generate_report(g)
    block = md.split("**Cục Đối ngoại ↔ Tổ chức Di cư quốc tế** — 2 article(s) (cooperate", 1)[1].split("\n- **")[0]
    assert block.splitlines()[1:3] == ["  - 2024-03-08 · Hợp tác điều tra (`b_2024`)",
                                       "  - 2023-05-12 · Hội thảo về phòng, chống mua bán người (`a_2023`)"]


def test_country_summary_separates_a_country_s_bodies_from_offices_based_there(g):
    md = generate_report(g)
    vn = md.split("### Việt Nam", 1)[1].split("###", 1)[0]
    assert "- its bodies: Bộ Công an, Đại sứ quán Việt Nam tại Myanmar" in vn
    assert "- offices based there: Tổ chức Di cư quốc tế" in vn
    mm = md.split("### Myanmar", 1)[1].split("###", 1)[0]
    assert "- offices based there: Đại sứ quán Việt Nam tại Myanmar" in mm


def test_report_html_has_the_charts_as_well_formed_inline_svg(page):
    charts = SVG.findall(page)
    assert len(charts) == 4           # per year, bodies, countries, partnerships
    for svg in charts:
        root = ET.fromstring(svg)
        assert root.tag.endswith("svg")
    assert "Articles and events per year" in charts[0] and "Tổ chức Di cư quốc tế" in charts[1]


def test_report_html_loads_nothing_and_runs_nothing(page):
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "default-src 'none'" in page


def test_report_html_is_byte_identical_for_the_same_graph(g, page):
    assert generate_report_html(partner_graph()) == page


def test_names_from_articles_are_escaped_in_the_page_and_in_the_charts():
    hostile = '<script>alert(1)</script> & "Bộ" $x^2$'
    ev = Evidence("d1", "câu", 0, 3, "r")
    g = assemble_graph([Entity("x", hostile, "Organization", (), (), (ev,)), Entity("y", "Cục Y", "Organization", (), (), (ev,))],
                       [Relation("x", "cooperatesWith", "y", (ev,))],
                       [Document("d1", "d1.txt", "", (), title="<img src=x onerror=alert(1)>", date="2024-01-02")])
    page = generate_report_html(g)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Bộ&quot; $x^2$" in page
    for svg in SVG.findall(page):
        ET.fromstring(svg)
        assert "<script" not in svg


def test_markdown_report_keeps_table_pipes_as_text():
    ev = Evidence("d1", "câu", 0, 3, "r")
    g = assemble_graph([Entity("x", "Cục | A", "Organization", (), (), (ev,))], [])
    assert "| Cục \\| A | 1 |" in generate_report(g)


def test_skipped_files_are_named_without_the_build_machine_s_folders(g):
    md = generate_report(g, [("/home/someone/corpus/bad.txt", "empty file")])
    assert "- `bad.txt`: empty file" in md and "/home/someone" not in md
