"""`kg query` (read-only, offline SPARQL), `kg path` and `kg partners`, on a synthetic build and the real one."""
import csv
import io
import json
from pathlib import Path

import pytest
from conftest import ROOT
from test_rdf import S1, S2, S3, synthetic_graph

from kg.cli import main
from kg.errors import QueryError
from kg.export.json import generate_json
from kg.export.rdf import render_rdf
from kg.query import check_read_only, load_graph, partners, shortest_chains

QUERIES = ROOT / "queries"
SUBORG = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?unit ?parent WHERE { ?u org:subOrganizationOf ?p . ?u rdfs:label ?unit . ?p rdfs:label ?parent }"""


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """A build folder holding the synthetic graph's graph.json and graph.trig."""
    d = tmp_path_factory.mktemp("synthetic")
    g = synthetic_graph()
    ttl, trig = render_rdf(g)
    (d / "graph.json").write_text(generate_json(g), encoding="utf-8")
    (d / "graph.trig").write_bytes(trig)
    return d


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- kg query ---------------------------------------------------------------------------------------

def test_query_prints_a_table(out, capsys):
    code, text, _ = run(capsys, "query", SUBORG, "--graph", str(out))
    assert code == 0
    assert text.splitlines() == ["unit          | parent", "--------------+-----------", "Cục Đối ngoại | Bộ Công an",
                                 "(1 row)"]


def test_query_prints_csv(out, capsys):
    code, text, _ = run(capsys, "query", SUBORG, "--graph", str(out), "--format", "csv")
    assert code == 0 and list(csv.reader(io.StringIO(text))) == [["unit", "parent"], ["Cục Đối ngoại", "Bộ Công an"]]


def test_query_prints_sparql_json_results(out, capsys):
    code, text, _ = run(capsys, "query", SUBORG, "--graph", str(out), "--format", "json")
    assert code == 0
    assert json.loads(text) == {"head": {"vars": ["unit", "parent"]}, "results": {"bindings": [
        {"unit": {"type": "literal", "value": "Cục Đối ngoại", "xml:lang": "vi"},
         "parent": {"type": "literal", "value": "Bộ Công an", "xml:lang": "vi"}}]}}


def test_query_reads_a_file(out, tmp_path, capsys):
    f = tmp_path / "q.rq"
    f.write_text(SUBORG, encoding="utf-8")
    code, text, _ = run(capsys, "query", "--file", str(f), "--graph", str(out))
    assert code == 0 and "Cục Đối ngoại | Bộ Công an" in text


def test_ask_prints_true_or_false(out, capsys):
    assert run(capsys, "query", "ASK { ?s ?p ?o }", "--graph", str(out))[1] == "true\n"


def test_construct_prints_turtle_or_n_triples(out, capsys):
    q = "PREFIX org: <http://www.w3.org/ns/org#> CONSTRUCT WHERE { ?u org:subOrganizationOf ?p }"
    code, text, _ = run(capsys, "query", q, "--graph", str(out))
    assert code == 0 and text.startswith("@prefix kg: <https://kg.example.org/ontology#> .\n")
    assert "org:subOrganizationOf <https://kg.example.org/id/bo-cong-an>" in text
    assert run(capsys, "query", q, "--graph", str(out), "--format", "csv")[1] == (
        "<https://kg.example.org/id/cuc-doi-ngoai> <http://www.w3.org/ns/org#subOrganizationOf> "
        "<https://kg.example.org/id/bo-cong-an> .\n")


def test_default_graph_is_every_article_merged_without_duplicates(out, capsys):
    q = ("PREFIX org: <http://www.w3.org/ns/org#> "
         "SELECT (COUNT(*) AS ?n) WHERE { ?u org:subOrganizationOf ?p }")
    assert run(capsys, "query", q, "--graph", str(out), "--format", "csv")[1] == "n\r\n1\r\n"


def test_graph_queries_reach_each_article(out, capsys):
    q = ("PREFIX org: <http://www.w3.org/ns/org#> "
         "SELECT ?g WHERE { GRAPH ?g { ?u org:subOrganizationOf ?p } } ORDER BY ?g")
    text = run(capsys, "query", q, "--graph", str(out), "--format", "csv")[1]
    assert text.split() == ["g", "https://kg.example.org/article/000_a", "https://kg.example.org/article/001_b"]


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://a/s> <http://a/p> <http://a/o> }",
    "PREFIX ex: <http://a/> DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "CLEAR ALL",
    "drop graph <https://kg.example.org/article/000_a>",
    "WITH <http://a/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_sparql_update_is_refused_in_one_line_exit_2(out, capsys, update):
    code, text, err = run(capsys, "query", update, "--graph", str(out))
    assert code == 2 and text == ""
    assert len(err.strip().splitlines()) == 1 and "read-only" in err


def test_service_is_refused(out, capsys):
    code, _, err = run(capsys, "query", "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }",
                       "--graph", str(out))
    assert code == 2 and "SERVICE is refused" in err and "network" in err


def test_remote_from_is_refused_but_an_article_graph_is_allowed(out, capsys):
    code, _, err = run(capsys, "query", "SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }",
                       "--graph", str(out))
    assert code == 2 and "FROM http://example.org/remote.ttl is refused" in err
    code, _, err = run(capsys, "query", "PREFIX a: <https://kg.example.org/article/> "
                       "SELECT * FROM NAMED <http://evil.example/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "--graph", str(out))
    assert code == 2 and "evil.example" in err
    q = ("PREFIX a: <https://kg.example.org/article/> PREFIX org: <http://www.w3.org/ns/org#> "
         "ASK FROM a:001_b WHERE { ?u org:subOrganizationOf ?p }")
    assert run(capsys, "query", q, "--graph", str(out)) == (0, "true\n", "")


def test_escaped_keywords_are_refused_too():
    with pytest.raises(QueryError, match="SERVICE is refused"):
        check_read_only(r"SELECT * WHERE { \u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    with pytest.raises(QueryError, match="read-only"):
        check_read_only(r"\U00000049NSERT DATA { <http://a/s> <http://a/p> <http://a/o> }")


def test_keywords_inside_strings_iris_and_comments_are_not_refused():
    check_read_only('SELECT ?s WHERE { ?s <http://a/INSERT> "DELETE SERVICE LOAD" } # DROP ALL\n', frozenset())
    check_read_only("SELECT ?insert ?load WHERE { ?insert <http://a/p> ?load }", frozenset())


def test_a_syntax_error_is_one_line(out, capsys):
    code, _, err = run(capsys, "query", "SELECT * WHERE { ?s ?p }", "--graph", str(out))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "syntax error" in err


def test_an_unreadable_query_file_is_one_line(out, tmp_path, capsys):
    code, _, err = run(capsys, "query", "--file", str(tmp_path / "missing.rq"), "--graph", str(out))
    assert code == 2 and err == f"kg: error: {tmp_path / 'missing.rq'}: cannot be read: No such file or directory\n"


def test_query_falls_back_to_the_turtle_file(tmp_path, capsys):
    (tmp_path / "graph.ttl").write_bytes(render_rdf(synthetic_graph())[0])
    code, text, _ = run(capsys, "query", SUBORG, "--graph", str(tmp_path), "--format", "csv")
    assert code == 0 and text == "unit,parent\r\nCục Đối ngoại,Bộ Công an\r\n"


def test_query_refuses_a_file_that_is_not_rdf(out, capsys):
    code, _, err = run(capsys, "query", "ASK {}", "--graph", str(out / "graph.json"))
    assert code == 2 and "graph.json: not an RDF file" in err


def test_query_without_a_build_names_the_missing_file(tmp_path, capsys):
    code, _, err = run(capsys, "query", "ASK {}", "--graph", str(tmp_path / "nowhere"))
    assert code == 2 and "nowhere" in err and "kg build" in err


# --- kg path ----------------------------------------------------------------------------------------

def test_path_follows_links_either_way_with_evidence_per_step(out):
    g = load_graph(out)
    chains = shortest_chains(g, "Bộ Công an", "UNDP")
    assert [c.nodes for c in chains] == [("bo-cong-an", "cuc-doi-ngoai", "ev-2024-07-10-hoi-thao-tap-huan", "undp")]
    steps = chains[0].steps
    assert [(l.source, l.relation, l.target) for step in steps for l in step] == [
        ("cuc-doi-ngoai", "partOf", "bo-cong-an"),
        ("cuc-doi-ngoai", "organized", "ev-2024-07-10-hoi-thao-tap-huan"),
        ("undp", "participatedIn", "ev-2024-07-10-hoi-thao-tap-huan")]
    assert steps[2][0].evidence[0]["sentence"] == S3


def test_path_names_are_accent_and_case_insensitive_and_aliases_work(out, capsys):
    code, text, _ = run(capsys, "path", "bo cong an", "undp", "--graph", str(out))
    assert code == 0
    assert "1. Bộ Công an … Cục Đối ngoại … Hội thảo tập huấn … Chương trình phát triển Liên hợp quốc" in text
    assert "Cục Đối ngoại —partOf→ Bộ Công an" in text and f"“{S1}”" in text and f"“{S3}”" in text
    assert "— 001_b [200:" in text and "rule rel.attend" in text


def test_path_can_avoid_a_type(out):
    g = load_graph(out)
    assert shortest_chains(g, "Việt Nam", "Campuchia")[0].nodes == ("viet-nam", "hiep-dinh-viet-nam-campuchia", "campuchia")
    assert shortest_chains(g, "Việt Nam", "Campuchia", exclude_types={"Agreement"}) == []


def test_path_can_avoid_a_relation(out):
    g = load_graph(out)
    chain = shortest_chains(g, "Bộ Công an", "IOM", exclude_relations={"partOf"})
    assert chain == []
    assert [l.relation for step in shortest_chains(g, "Bộ Công an", "IOM")[0].steps for l in step] == \
        ["partOf", "cooperatesWith"]


def test_path_refuses_an_unknown_exclusion(out, capsys):
    code, _, err = run(capsys, "path", "Bộ Công an", "IOM", "--exclude", "Ministry", "--graph", str(out))
    assert code == 2 and "'Ministry' is neither a type" in err


def test_path_without_a_chain_says_so(out, capsys):
    code, text, _ = run(capsys, "path", "Việt Nam", "Campuchia", "--exclude", "Agreement", "--graph", str(out))
    assert code == 0 and text == "No chain of links between 'Việt Nam' and 'Campuchia'.\n"


def test_path_json_lists_nodes_and_links(out, capsys):
    code, text, _ = run(capsys, "path", "IOM", "Bộ Công an", "--graph", str(out), "--format", "json")
    data = json.loads(text)
    assert code == 0 and [n["label"] for n in data[0]["nodes"]] == ["Tổ chức Di cư quốc tế", "Cục Đối ngoại", "Bộ Công an"]
    assert data[0]["steps"][1][0]["evidence"][1]["sentence"] == S2


def test_unknown_name_suggests_close_ones(out, capsys):
    code, _, err = run(capsys, "path", "Cuc Doi Ngoaii", "UNDP", "--graph", str(out))
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "no entity named 'Cuc Doi Ngoaii'; did you mean 'Cục Đối ngoại'" in err and "graph.json" in err


def test_a_name_shared_by_two_entities_asks_for_an_id():
    from kg.graph import assemble_graph
    from kg.model import Entity
    g = assemble_graph([Entity("cuc-a", "Cục A", "Organization", ("CA",)), Entity("cuc-b", "Cục B", "Organization", ("CA",))], [])
    with pytest.raises(QueryError, match="'CA' names 2 entities: cuc-a \\(Organization\\); cuc-b"):
        partners(g, "CA")


# --- kg partners ------------------------------------------------------------------------------------

def test_partners_say_who_how_how_often_and_where(out):
    g = load_graph(out)
    x, found = partners(g, "cục đối ngoại")
    assert x == "cuc-doi-ngoai"
    assert [(p.label, p.relations, p.events, p.docs) for p in found] == [
        ("Bộ Công an", (("partOf", "out"),), (), ("000_a", "001_b")),
        ("Chương trình phát triển Liên hợp quốc", (), ("ev-2024-07-10-hoi-thao-tap-huan",), ("000_a", "001_b")),
        ("Tổ chức Di cư quốc tế", (("cooperatesWith", "out"),), ("ev-2024-07-10-hoi-thao-tap-huan",), ("000_a",)),
    ]


def test_partners_through_a_shared_agreement(out):
    g = load_graph(out)
    _, found = partners(g, "Campuchia")
    assert [(p.node, p.agreements) for p in found] == [("viet-nam", ("hiep-dinh-viet-nam-campuchia",))]


def test_partners_command_prints_each_partner_with_articles(out, capsys):
    code, text, _ = run(capsys, "partners", "Cục Đối ngoại", "--graph", str(out))
    assert code == 0
    assert text.splitlines()[:5] == ["Partners of Cục Đối ngoại (Organization): 3", "",
                                     "1. Bộ Công an (Organization) — 2 article(s)", "   links: partOf →",
                                     "   articles: 000_a, 001_b"]
    assert "   shared events: Hội thảo tập huấn (2024-07-10)" in text


def test_partners_json(out, capsys):
    code, text, _ = run(capsys, "partners", "IOM", "--graph", str(out), "--format", "json")
    data = json.loads(text)
    assert code == 0 and data["entity"]["id"] == "iom"
    assert [(p["id"], p["relations"], p["articles"]) for p in data["partners"]] == [
        ("undp", [], ["000_a", "001_b"]),
        ("cuc-doi-ngoai", [{"relation": "cooperatesWith", "direction": "in"}], ["000_a"])]


# --- the real build -----------------------------------------------------------------------------------

def test_done_when_sparql_returns_cuc_doi_ngoai_under_bo_cong_an_with_evidence(built, capsys):
    code, text, _ = run(capsys, "query", "--file", str(QUERIES / "link-evidence.rq"), "--graph", built.out_dir,
                        "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert code == 0
    assert any(r["unit"] == "Cục Đối ngoại" and "Cục Đối ngoại, Bộ Công an" in r["sentence"] for r in rows)


@pytest.mark.parametrize("rq", sorted(p.name for p in QUERIES.glob("*.rq")))
def test_ready_made_queries_answer_on_the_build(built, capsys, rq):
    code, text, err = run(capsys, "query", "--file", str(QUERIES / rq), "--graph", built.out_dir, "--format", "csv")
    assert code == 0, err
    assert len(text.splitlines()) > 1, f"{rq} returned no rows"


def test_path_answers_for_names_from_the_articles(built, capsys):
    code, text, _ = run(capsys, "path", "Bộ Công an", "UNDP", "--graph", built.out_dir)
    assert code == 0 and "shortest chain" in text and "“" in text


def test_partners_of_cuc_doi_ngoai_include_bo_cong_an_by_part_of(built):
    _, found = partners(load_graph(built.out_dir), "Cục Đối ngoại")
    assert ("partOf", "out") in next(p for p in found if p.label == "Bộ Công an").relations


def test_the_evidence_query_in_docs_is_the_shipped_one():
    doc = (ROOT / "docs" / "rdf.md").read_text(encoding="utf-8")
    block = doc.split("```sparql\n", 1)[1].split("```", 1)[0]
    shipped = "".join(l for l in (QUERIES / "link-evidence.rq").read_text(encoding="utf-8").splitlines(True)
                      if not l.startswith("#"))
    assert block == shipped
