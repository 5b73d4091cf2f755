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


def test_the_project_s_prefixes_are_declared(out, capsys):
    code, text, err = run(capsys, "query", "SELECT ?unit WHERE { ?u org:subOrganizationOf ?p ; rdfs:label ?unit }",
                          "--graph", str(out), "--format", "csv")
    assert (code, text) == (0, "unit\r\nCục Đối ngoại\r\n"), err


def test_a_query_s_own_prefix_wins_over_the_declared_one(out, capsys):
    q = "PREFIX org: <http://example.org/not-org#> SELECT ?u WHERE { ?u org:subOrganizationOf ?p }"
    assert run(capsys, "query", q, "--graph", str(out), "--format", "csv")[1] == "u\r\n"


def test_describe_with_json_format_prints_json_ld(out, capsys):
    code, text, _ = run(capsys, "query", "DESCRIBE <https://kg.example.org/id/cuc-doi-ngoai>", "--graph", str(out),
                        "--format", "json")
    data = json.loads(text)
    assert code == 0
    node = next(n for n in data if n.get("@id") == "https://kg.example.org/id/cuc-doi-ngoai")
    assert node["http://www.w3.org/2000/01/rdf-schema#label"] == [{"@language": "vi", "@value": "Cục Đối ngoại"}]


def test_long_table_cells_wrap_inside_their_column():
    from kg.sparql_format import table_lines
    lines = table_lines(["Cục Đối ngoại", "Hội thảo tập huấn nâng cao năng lực về phát hiện mua bán người"], [13, 20])
    assert lines == ["Cục Đối ngoại | Hội thảo tập huấn", "              | nâng cao năng lực về", "              | phát hiện mua bán",
                     "              | người"]
    assert all(len(line) <= 13 + 3 + 20 for line in lines)


def test_a_wide_table_is_fitted_to_the_terminal_width():
    from kg.sparql_format import column_widths
    assert column_widths(["a", "b"], [["x" * 10, "y" * 200]], width=80) == [10, 67]
    assert column_widths(["a", "b"], [["x" * 10, "y" * 20]], width=80) == [10, 20]


def test_a_fresh_build_is_queried_with_no_extra_step_and_its_first_query_makes_the_store(built, capsys):
    from kg.sparql import store_is_current
    folder = Path(built.out_dir)
    code, text, _ = run(capsys, "query", "ASK { ?s ?p ?o }", "--graph", str(folder))
    assert (code, text) == (0, "true\n") and store_is_current(folder)
    code, _, err = run(capsys, "query", "ASK { ?s ?p ?o }", "--graph", str(folder))
    assert code == 0 and "indexing" not in err           # made once per build


def test_kg_build_with_query_store_writes_the_store_and_kg_query_uses_it(tmp_path, capsys):
    import shutil
    from kg.sparql import STORE_DIR, store_is_current
    (tmp_path / "corpus").mkdir()
    shutil.copy(ROOT / "corpus" / "000_53ccb9e166bfc5f9.txt", tmp_path / "corpus")
    folder = tmp_path / "out"
    assert run(capsys, "build", str(tmp_path / "corpus"), "--out", str(folder), "-q", "--no-cache",
               "--query-store")[0] == 0
    assert (folder / STORE_DIR / "kg-store.json").is_file() and store_is_current(folder)
    code, _, err = run(capsys, "query", "ASK { ?s ?p ?o }", "--graph", str(folder))
    assert code == 0 and "indexing" not in err


def test_the_store_is_made_again_when_graph_trig_changes(out, tmp_path, capsys):
    import shutil
    from kg.sparql import store_is_current
    folder = tmp_path / "build"
    shutil.copytree(out, folder, ignore=shutil.ignore_patterns("graph.oxigraph"))
    code, text, err = run(capsys, "query", "SELECT (COUNT(*) AS ?n) { ?s org:subOrganizationOf ?o }", "--graph",
                          str(folder), "--format", "csv")
    assert (code, text) == (0, "n\r\n1\r\n") and "indexing" in err and store_is_current(folder)
    trig = (folder / "graph.trig").read_text(encoding="utf-8")
    (folder / "graph.trig").write_text(trig + "<https://kg.example.org/id/x> "
                                       "<http://www.w3.org/ns/org#subOrganizationOf> <https://kg.example.org/id/y> .\n",
                                       encoding="utf-8")
    assert not store_is_current(folder)
    assert run(capsys, "query", "SELECT (COUNT(*) AS ?n) { ?s org:subOrganizationOf ?o }", "--graph", str(folder),
               "--format", "csv")[1] == "n\r\n2\r\n"


def test_a_build_folder_where_no_store_can_be_made_is_queried_from_the_file(out, tmp_path):
    import shutil
    from kg.sparql import prepare_job, stream_query
    folder = tmp_path / "ro"
    shutil.copytree(out, folder, ignore=shutil.ignore_patterns("graph.oxigraph"))

    def read_only_folder(_):
        raise OSError("Read-only file system")

    job = prepare_job("ASK { ?s ?p ?o }", folder, index=read_only_folder)
    assert (job.database, job.rdf) == ("", str(folder / "graph.trig"))
    assert "".join(stream_query(job)) == "true\n"


@pytest.mark.parametrize("name", ["graph.ttl", "graph.trig"])
def test_path_and_partners_on_an_rdf_file_say_to_pass_graph_json(out, tmp_path, capsys, name):
    f = tmp_path / name
    f.write_text("<http://a/s> <http://a/p> <http://a/o> .\n", encoding="utf-8")
    for cmd in (["partners", "IOM"], ["path", "IOM", "UNDP"]):
        code, _, err = run(capsys, *cmd, "--graph", str(f))
        assert code == 2 and len(err.strip().splitlines()) == 1
        assert f"{f}: is RDF; kg path and kg partners read the build's graph.json" in err


@pytest.mark.parametrize("content", ["[]", "{}", "null", '{"nodes": 3}', "\x00\x01", '{"nodes": [], "edges": [{}]}'])
def test_partners_on_a_graph_json_that_is_not_a_graph_is_one_line(tmp_path, capsys, content):
    f = tmp_path / "graph.json"
    f.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "partners", "IOM", "--graph", str(f))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "not a kg graph.json" in err


def test_path_over_a_link_to_a_node_the_file_does_not_list_still_answers(tmp_path, capsys):
    data = {"directed": True, "multigraph": True, "graph": {}, "nodes": [
        {"id": "a", "label": "Bộ Công an", "type": "Organization"}],
        "edges": [{"source": "a", "target": "ghost", "key": "partOf", "relation": "partOf", "evidence": []}]}
    (tmp_path / "graph.json").write_text(json.dumps(data), encoding="utf-8")
    code, text, err = run(capsys, "path", "Bộ Công an", "ghost", "--graph", str(tmp_path))
    assert code == 0, err
    assert "Bộ Công an —partOf→ ghost" in text


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

def test_partners_say_who_how_how_often_and_where_but_never_the_body_s_parent(out):
    g = load_graph(out)
    x, found = partners(g, "cục đối ngoại")
    assert x == "cuc-doi-ngoai"
    assert [(p.label, p.relations, p.events, p.docs) for p in found] == [
        ("Chương trình phát triển Liên hợp quốc", (), ("ev-2024-07-10-hoi-thao-tap-huan",), ("000_a", "001_b")),
        ("Tổ chức Di cư quốc tế", (("cooperatesWith", "out"),), ("ev-2024-07-10-hoi-thao-tap-huan",), ("000_a",)),
    ]


def test_partners_through_a_shared_agreement(out):
    g = load_graph(out)
    _, found = partners(g, "Campuchia")
    assert [(p.node, p.agreements) for p in found] == [("viet-nam", ("hiep-dinh-viet-nam-campuchia",))]


def test_partners_command_prints_the_total_the_body_s_place_and_each_partner(out, capsys):
    code, text, _ = run(capsys, "partners", "Cục Đối ngoại", "--graph", str(out))
    assert code == 0
    assert text.splitlines()[:6] == ["Partners of Cục Đối ngoại (Organization): 2", "  part of: Bộ Công an", "",
                                     "1. Chương trình phát triển Liên hợp quốc (Organization) — 2 article(s)",
                                     "   shared events: Hội thảo tập huấn (2024-07-10)",
                                     "   articles: 000_a, 001_b"]


def test_partners_json(out, capsys):
    code, text, _ = run(capsys, "partners", "IOM", "--graph", str(out), "--format", "json")
    data = json.loads(text)
    assert code == 0 and data["entity"]["id"] == "iom" and data["total"] == 2
    assert [(p["id"], p["relations"], p["articles"]) for p in data["partners"]] == [
        ("undp", [], ["000_a", "001_b"]),
        ("cuc-doi-ngoai", [{"relation": "cooperatesWith", "direction": "in"}], ["000_a"])]


@pytest.fixture(scope="module")
def partner_out(tmp_path_factory):
    from partner_graph import partner_graph
    d = tmp_path_factory.mktemp("partners")
    (d / "graph.json").write_text(generate_json(partner_graph()), encoding="utf-8")
    return d


def test_a_ministry_s_partners_roll_up_what_its_units_do(partner_out):
    _, found = partners(load_graph(partner_out), "Bộ Công an")
    assert [(p.node, p.via, p.direct) for p in found] == [
        ("iom", ("cuc-doi-ngoai",), True), ("eu", (), True), ("unodc", ("cuc-canh-sat-hinh-su",), False)]


def test_a_ministry_s_partners_never_include_its_units_or_its_country(partner_out):
    _, found = partners(load_graph(partner_out), "Bộ Công an")
    assert {p.node for p in found}.isdisjoint({"cuc-doi-ngoai", "cuc-canh-sat-hinh-su", "viet-nam"})


def test_no_units_switch_keeps_only_the_body_s_own_links(partner_out):
    _, found = partners(load_graph(partner_out), "Bộ Công an", units=False)
    assert [(p.node, p.relations, p.agreements) for p in found] == [
        ("eu", (("cooperatesWith", "out"),), ()), ("iom", (), ("bien-ban-ghi-nho-ho-tro-nan-nhan",))]


def test_an_office_s_host_country_is_where_it_is_based_not_a_partner(partner_out, capsys):
    code, text, _ = run(capsys, "partners", "IOM Việt Nam", "--graph", str(partner_out))
    assert code == 0 and "\n  based in: Việt Nam\n" in text
    assert "Việt Nam (Country)" not in text
    assert "2. Đại sứ quán Việt Nam tại Myanmar (Organization, Việt Nam, based in Myanmar) — 1 article(s)" in text


def test_partners_give_the_total_when_the_list_is_cut(partner_out, capsys):
    code, text, _ = run(capsys, "partners", "Bộ Công an", "--graph", str(partner_out), "--limit", "1")
    assert code == 0
    assert text.splitlines()[:3] == [
        "Partners of Bộ Công an (Organization): 3, the 1 most attested shown (--limit 0 shows all)",
        "  counting what its 2 unit(s) do: Cục Cảnh sát hình sự; Cục Đối ngoại", "  country: Việt Nam"]
    assert text.count("article(s)") == 1


def test_long_lists_of_a_partner_are_cut_with_a_count():
    from kg.query_cli import _some
    assert _some([f"a{i}" for i in range(8)]) == "a0; a1; a2; a3; a4 … (+3 more)"


# --- the real build -----------------------------------------------------------------------------------

def test_done_when_sparql_returns_cuc_doi_ngoai_under_bo_cong_an_with_evidence(built, capsys):
    code, text, _ = run(capsys, "query", "--file", str(QUERIES / "link-evidence.rq"), "--graph", built.out_dir,
                        "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert code == 0
    assert any(r["unit"] == "Cục Đối ngoại" and "Cục Đối ngoại, Bộ Công an" in r["sentence"] for r in rows)


@pytest.mark.parametrize("rq", sorted(p.name for p in QUERIES.glob("*.rq")))
def test_ready_made_queries_answer_on_the_build(built, capsys, rq, tmp_path):
    code, text, err = run(capsys, "query", "--file", str(QUERIES / rq), "--graph", built.out_dir, "--format", "csv")
    assert code == 0, err
    if len(text.splitlines()) <= 1 and rq == "offices-and-where-they-work.rq":
        # the seed build has basedIn links only once extraction finds them: ask the partner graph too
        from partner_graph import write_build
        write_build(tmp_path)
        code, text, err = run(capsys, "query", "--file", str(QUERIES / rq), "--graph", str(tmp_path), "--format", "csv")
        assert code == 0, err
    assert len(text.splitlines()) > 1, f"{rq} returned no rows"


def test_path_answers_for_names_from_the_articles(built, capsys):
    code, text, _ = run(capsys, "path", "Bộ Công an", "UNDP", "--graph", built.out_dir)
    assert code == 0 and "shortest chain" in text and "“" in text


def test_partners_of_bo_cong_an_on_the_build_count_its_units_and_list_none_of_them(built):
    from kg.query import structure
    g = load_graph(built.out_dir)
    x, found = partners(g, "Bộ Công an")
    st = structure(g, x)
    assert "cuc-doi-ngoai" in st.units
    assert {p.node for p in found}.isdisjoint(set(st.units) | set(st.country) | set(st.parents))
    assert any("cuc-doi-ngoai" in p.via for p in found)


def test_the_evidence_query_in_docs_is_the_shipped_one():
    doc = (ROOT / "docs" / "rdf.md").read_text(encoding="utf-8")
    block = doc.split("```sparql\n", 1)[1].split("```", 1)[0]
    shipped = "".join(l for l in (QUERIES / "link-evidence.rq").read_text(encoding="utf-8").splitlines(True)
                      if not l.startswith("#"))
    assert block == shipped


def test_every_kg_query_example_in_docs_runs_as_printed_on_the_build(built, capsys, monkeypatch):
    import shlex
    monkeypatch.chdir(ROOT)
    doc = (ROOT / "docs" / "rdf.md").read_text(encoding="utf-8")
    examples = [line.split("#")[0].strip() for block in doc.split("```sh\n")[1:] for line in block.split("```")[0].splitlines()
                if line.startswith("kg query ")]
    assert len(examples) >= 4
    for line in examples:
        argv = shlex.split(line)[1:]
        code, text, err = run(capsys, *argv, "--graph", built.out_dir)
        assert code == 0, (line, err)
        assert "(0 rows)" not in text, line


def test_the_build_s_own_prefixes_shorten_iris_in_tables(built, capsys):
    code, text, _ = run(capsys, "query", "SELECT ?g WHERE { GRAPH ?g { id:cuc-doi-ngoai org:subOrganizationOf id:bo-cong-an } }",
                        "--graph", built.out_dir)
    assert code == 0 and "article:000_53ccb9e166bfc5f9" in text


def test_a_build_leaves_the_query_store_to_its_first_query(tmp_path, capsys):
    import shutil

    import kg
    from kg.sparql import STORE_DIR
    (tmp_path / "corpus").mkdir()
    shutil.copy(ROOT / "corpus" / "000_53ccb9e166bfc5f9.txt", tmp_path / "corpus")
    kg.build(tmp_path / "corpus", tmp_path / "out", cache=False)
    assert not (tmp_path / "out" / STORE_DIR).exists()
    code, text, err = run(capsys, "query", "ASK { ?u org:subOrganizationOf ?p }", "--graph", str(tmp_path / "out"))
    assert (code, text) == (0, "true\n") and "indexing" in err
    assert (tmp_path / "out" / STORE_DIR / "kg-store.json").is_file()
