"""Each output opened the way a researcher's tool opens it: GraphML in networkx and igraph (what Gephi
needs: one edge per id, labels, weights, dates), node-link JSON with networkx's defaults, RDF names
tagged by language, basedIn everywhere, the ontology and the shapes agreeing under RDFS inference."""
import csv
import io
import json
import math
from pathlib import Path

import networkx as nx
import pyshacl
import pytest
import rdflib
from conftest import ROOT
from partner_graph import A, partner_graph

from kg.export.graphml import write_graphml
from kg.export.json import write_json
from kg.export.rdf import generate_turtle, render_rdf
from kg.export.vocab import KG, RELATION_LABELS, TERMS, TYPE_CLASSES, name_language

SHAPES = ROOT / "docs" / "shapes.ttl"
ONTOLOGY = ROOT / "docs" / "ontology.ttl"
RDFS_LABEL = rdflib.RDFS.label


@pytest.fixture(scope="module")
def g():
    return partner_graph()


@pytest.fixture(scope="module")
def graphml(g, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("graphml") / "graph.graphml"
    write_graphml(g, path)
    return path


# --- GraphML ------------------------------------------------------------------------------------------

def test_every_graphml_edge_has_its_own_id(g, graphml):
    back = nx.read_graphml(graphml, force_multigraph=True)
    ids = [k for _, _, k in back.edges(keys=True)]
    assert len(ids) == len(set(ids)) == g.number_of_edges() == 17


def test_graphml_edge_ids_are_source_relation_target(graphml):
    back = nx.read_graphml(graphml, force_multigraph=True)
    assert ("iom", "viet-nam", "iom|basedIn|viet-nam") in set(back.edges(keys=True))


def test_graphml_edge_carries_label_weight_and_first_and_last_article_dates(graphml):
    back = nx.read_graphml(graphml, force_multigraph=True)
    d = back.edges["cuc-doi-ngoai", "iom", "cuc-doi-ngoai|cooperatesWith|iom"]
    assert (d["relation"], d["label"], d["label_vi"]) == ("cooperatesWith", "cooperates with", "hợp tác với")
    assert d["weight"] == 2.0
    assert (d["first_date"], d["last_date"]) == ("2023-05-12", "2024-03-08")


def test_igraph_reads_the_same_nodes_edges_and_attributes_as_networkx(graphml):
    igraph = pytest.importorskip("igraph")
    ig = igraph.Graph.Read_GraphML(str(graphml))
    nxg = nx.read_graphml(graphml, force_multigraph=True)
    assert (ig.vcount(), ig.ecount()) == (nxg.number_of_nodes(), nxg.number_of_edges()) == (13, 17)

    def present(attrs: dict) -> dict:       # igraph fills an attribute an element lacks with "" or NaN
        return {k: v for k, v in attrs.items() if v != "" and not (isinstance(v, float) and math.isnan(v))}

    nodes = {v["id"]: present({k: v[k] for k in ig.vs.attributes() if k != "id"}) for v in ig.vs}
    assert nodes == {n: dict(d) for n, d in nxg.nodes(data=True)}
    # (python-igraph 1.0 fills its edge "id" attribute with vertex ids, so edges are matched by their ends
    # and relation, which the unique GraphML id encodes)
    edges = {(ig.vs[e.source]["id"], e["relation"], ig.vs[e.target]["id"]):
             present({k: e[k] for k in ig.es.attributes() if k != "id"}) for e in ig.es}
    assert len(edges) == ig.ecount()
    assert edges == {(u, d["relation"], v): dict(d) for u, v, d in nxg.edges(data=True)}


# --- node-link JSON -------------------------------------------------------------------------------------

def test_graph_json_loads_with_networkx_defaults(g, tmp_path):
    write_json(g, tmp_path / "graph.json")
    back = nx.node_link_graph(json.loads((tmp_path / "graph.json").read_text(encoding="utf-8")))
    assert back.is_multigraph() and back.is_directed()
    assert sorted(back.edges(keys=True)) == sorted(g.edges(keys=True))
    assert back.edges["iom", "viet-nam", "basedIn"]["relation"] == "basedIn"


def test_graph_json_of_an_older_build_with_links_still_reads(g, tmp_path):
    from kg.query import load_graph
    data = json.loads(json.dumps(nx.node_link_data(g, edges="links")))
    (tmp_path / "graph.json").write_text(json.dumps(data), encoding="utf-8")
    assert load_graph(tmp_path).number_of_edges() == g.number_of_edges()


def test_reference_scorer_reads_basedin_links_from_graph_json(g, tmp_path):
    import subprocess
    import sys
    shared = ROOT.parent / "shared" / "eval" / "score.py"
    if not shared.is_file():
        pytest.skip("../shared/eval/score.py is absent")
    write_json(g, tmp_path / "graph.json")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / f"{A}.json").write_text(json.dumps({"doc": f"{A}.txt", "entities": [
        {"id": "iom", "type": "Organization", "name": "Tổ chức Di cư quốc tế", "aliases": ["IOM Việt Nam"]},
        {"id": "viet-nam", "type": "Country", "name": "Việt Nam", "aliases": []}],
        "relations": [{"source": "iom", "relation": "basedIn", "target": "viet-nam"}]}), encoding="utf-8")
    out = subprocess.run([sys.executable, str(shared), str(tmp_path / "graph.json"), str(gold), "--json"],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["relations"]["basedIn"]["r"] == 1.0
    from kg.evaluate import evaluate
    assert evaluate(tmp_path / "graph.json", [gold])["relations"]["basedIn"]["r"] == 1.0


# --- languages ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, lang", [
    ("Ministry of Public Security", "en"), ("International Organization for Migration", "en"),
    ("Bộ Công an", "vi"), ("IOM", "vi"), ("Campuchia", "vi"), ("Cambodia", "en"), ("Liên minh châu Âu", "vi"),
])
def test_a_name_is_tagged_with_its_language(name, lang):
    assert name_language(name) == lang


def test_rdf_tags_english_names_en_and_vietnamese_names_vi(g):
    rdf = rdflib.Graph().parse(data=generate_turtle(g), format="turtle")
    bca = rdflib.URIRef("https://kg.example.org/id/bo-cong-an")
    assert set(rdf.objects(bca, RDFS_LABEL)) == {rdflib.Literal("Bộ Công an", lang="vi")}
    assert set(rdf.objects(bca, rdflib.SKOS.altLabel)) == {rdflib.Literal("Ministry of Public Security", lang="en")}


def test_every_ontology_term_has_an_english_and_a_vietnamese_label():
    onto = rdflib.Graph().parse(ONTOLOGY, format="turtle")
    terms = [rdflib.URIRef(t.iri) for t in TERMS] + [rdflib.URIRef(c) for c in TYPE_CLASSES.values()]
    for term in terms:
        langs = sorted(lit.language for lit in onto.objects(term, RDFS_LABEL))
        assert langs == ["en", "vi"], term


def test_basedin_is_in_the_ontology_with_both_labels():
    onto = rdflib.Graph().parse(ONTOLOGY, format="turtle")
    labels = set(onto.objects(rdflib.URIRef(KG + "basedIn"), RDFS_LABEL))
    assert labels == {rdflib.Literal("based in", lang="en"), rdflib.Literal("đặt tại", lang="vi")}
    assert set(RELATION_LABELS["basedIn"]) == {"based in", "đặt tại"}


# --- basedIn in RDF and the shapes ------------------------------------------------------------------------

def test_basedin_is_written_as_kg_basedin_in_every_article_graph_that_states_it(g):
    _, trig = render_rdf(g)
    ds = rdflib.Dataset().parse(data=trig, format="trig")
    iom, vn = rdflib.URIRef("https://kg.example.org/id/iom"), rdflib.URIRef("https://kg.example.org/id/viet-nam")
    graphs = {str(c) for s, p, o, c in ds.quads((iom, rdflib.URIRef(KG + "basedIn"), vn, None))}
    assert graphs == {f"https://kg.example.org/article/{A}"}


def _validate(ttl, inference: bool):
    data = rdflib.Graph().parse(data=ttl, format="turtle")
    extra = dict(ont_graph=rdflib.Graph().parse(ONTOLOGY, format="turtle"), inference="rdfs") if inference else {}
    conforms, _, text = pyshacl.validate(data, shacl_graph=rdflib.Graph().parse(SHAPES, format="turtle"), **extra)
    return conforms, text


def test_the_basedin_graph_conforms_to_the_shapes_with_and_without_rdfs_inference(g):
    ttl = generate_turtle(g)
    for inference in (False, True):
        conforms, text = _validate(ttl, inference)
        assert conforms, text


def test_the_seed_build_conforms_to_the_shapes_under_rdfs_inference_with_the_ontology(built):
    conforms, text = _validate((Path(built.out_dir) / "graph.ttl").read_bytes(), inference=True)
    assert conforms, text


def test_basedin_from_a_country_is_a_shape_violation(g):
    bad = generate_turtle(g) + ("\n<https://kg.example.org/id/viet-nam> <https://kg.example.org/ontology#basedIn> "
                                "<https://kg.example.org/id/myanmar> .\n")
    conforms, text = _validate(bad, inference=False)
    assert not conforms and "basedIn" in text


def test_a_link_stated_by_one_article_has_weight_one_and_that_article_date_twice(graphml):
    back = nx.read_graphml(graphml, force_multigraph=True)
    d = back.edges["iom", "viet-nam", "iom|basedIn|viet-nam"]
    assert d["weight"] == 1.0 and d["first_date"] == d["last_date"] == "2023-05-12"
    assert d["sentences"] == 1 and d["sample"]
    assert "evidence" not in d          # every sentence is in graph.json; GraphML keeps one sample


def test_a_graphml_node_counts_its_articles_and_carries_one_sample_sentence(g, graphml):
    back = nx.read_graphml(graphml, force_multigraph=True)
    d = back.nodes["iom"]
    assert d["articles"] == len(g.nodes["iom"]["docs"]) and d["sample"] == g.nodes["iom"]["evidence"][0]["sentence"]
    assert "docs" not in d and "evidence" not in d


# --- Neo4j: the neo4j-admin import layout -----------------------------------------------------------------

NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "date"}


def read_neo4j(files: dict[str, str]) -> dict[str, tuple[list[str], list[list[str]]]]:
    import csv
    import io
    return {name: (lambda r: (r[0], r[1:]))(list(csv.reader(io.StringIO(text)))) for name, text in files.items()}


def _field(header: str) -> tuple[str, str]:
    """'aliases:string[]' -> ('aliases', 'string[]'); ':LABEL' -> ('', 'LABEL')."""
    name, _, kind = header.partition(":")
    return name, kind


@pytest.fixture(scope="module")
def neo4j(g):
    from kg.export.neo4j import render_neo4j
    return read_neo4j(render_neo4j(g))


def test_neo4j_headers_follow_the_import_tool_s_layout(neo4j):
    for name, (header, _) in neo4j.items():
        kinds = [_field(h)[1] for h in header]
        for h, kind in zip(header, kinds):
            assert kind in ("", "ID", "LABEL", "START_ID", "END_ID", "TYPE") or kind.rstrip("[]") in NEO4J_TYPES, (name, h)
        if "relationships" in name:
            assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
        else:
            assert kinds.count("ID") == 1 and kinds.count("LABEL") == 1


def test_every_neo4j_relationship_joins_two_imported_nodes(neo4j):
    ids = [r[0] for name in ("neo4j/nodes.csv", "neo4j/articles.csv", "neo4j/sentences.csv", "neo4j/evidence.csv")
           for r in neo4j[name][1]]
    assert len(ids) == len(set(ids))
    for name in ("neo4j/relationships.csv", "neo4j/evidence_relationships.csv"):
        for start, end, _, *_ in neo4j[name][1]:
            assert start in set(ids) and end in set(ids)


def test_neo4j_files_hold_every_entity_link_and_evidence_sentence(g, neo4j):
    assert len(neo4j["neo4j/nodes.csv"][1]) == g.number_of_nodes()
    assert len(neo4j["neo4j/relationships.csv"][1]) == g.number_of_edges()
    assert len(neo4j["neo4j/evidence.csv"][1]) == sum(len(d["evidence"]) for _, _, d in g.edges(data=True))
    stated = {(e["doc"], e["start"]) for _, _, d in g.edges(data=True) for e in d["evidence"]}
    assert len(neo4j["neo4j/sentences.csv"][1]) == len(stated)


def test_a_neo4j_evidence_row_names_its_sentence_which_is_stored_once(neo4j):
    header, rows = neo4j["neo4j/sentences.csv"]
    sentences = {r[0]: dict(zip(header, r)) for r in rows}
    assert len(sentences) == len(rows)
    header, rows = neo4j["neo4j/evidence.csv"]
    for row in rows:
        ev = dict(zip(header, row))
        assert sentences[ev["sentence"]]["article"] == ev["article"]


def test_a_neo4j_link_carries_its_type_label_weight_and_articles(neo4j):
    header, rows = neo4j["neo4j/relationships.csv"]
    row = dict(zip(header, next(r for r in rows if r[:3] == ["cuc-doi-ngoai", "iom", "cooperatesWith"])))
    assert (row["label"], row["weight:int"], row["first_date"], row["last_date"]) == \
        ("cooperates with", "2", "2023-05-12", "2024-03-08")
    assert row["articles:string[]"].split(";") == ["a_2023", "b_2024"]
    assert ["iom", "viet-nam", "basedIn"] in [r[:3] for r in rows]


def test_a_neo4j_node_has_its_type_as_a_label_and_its_aliases_as_an_array(neo4j):
    header, rows = neo4j["neo4j/nodes.csv"]
    row = dict(zip(header, next(r for r in rows if r[0] == "iom")))
    assert row[":LABEL"].split(";") == ["Entity", "Organization"]
    assert row["aliases:string[]"].split(";") == ["IOM", "IOM Việt Nam", "International Organization for Migration"]


def test_neo4j_cells_with_quotes_commas_semicolons_and_newlines_read_back(tmp_path):
    from kg.export.neo4j import render_neo4j
    from kg.graph import assemble_graph
    from kg.model import Entity, Evidence, Relation
    sentence = 'Bộ Công an, "Cục A"; và\nCục B phối hợp.'
    ev = Evidence("d", sentence, 0, 10, "r")
    g = assemble_graph([Entity("a", 'Cục "A", tỉnh X', "Organization", ("A; B",), (), (ev,)),
                        Entity("b", "Cục B", "Organization", (), (), (ev,))], [Relation("a", "cooperatesWith", "b", (ev,))])
    files = read_neo4j(render_neo4j(g))
    node = dict(zip(*[files["neo4j/nodes.csv"][0], files["neo4j/nodes.csv"][1][0]]))
    assert node["name"] == 'Cục "A", tỉnh X' and node["aliases:string[]"] == "A, B"
    sentence_row = dict(zip(files["neo4j/sentences.csv"][0], files["neo4j/sentences.csv"][1][0]))
    assert sentence_row["text"] == 'Bộ Công an, "Cục A"; và Cục B phối hợp.'


@pytest.mark.parametrize("cells", [["a", "b", "c"], ["a,b", "c", ""], ['say "x"', "", "z"], ["line\nbreak", "x", "y"],
                                   ["cr\rhere", "x", "y"], ["nul\x00", "x", "y"], ["", "", ""], [" lead", "trail ", "tab\t"]])
def test_neo4j_csv_cells_are_written_exactly_as_python_s_csv_writer_writes_them(cells):
    from kg.export.neo4j import _csv
    rows = [["id1", "plain", "row"], cells, ["id2", "ok", "again"]]
    expected = io.StringIO()
    writer = csv.writer(expected, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["h1", "h2", "h3"])
    writer.writerows(rows)
    assert _csv(["h1", "h2", "h3"], rows) == expected.getvalue()
    assert _csv(["h1", "h2", "h3"], rows[:1] + rows[2:]) == "h1,h2,h3\nid1,plain,row\nid2,ok,again\n"


def test_neo4j_evidence_rows_are_sorted_as_lists_whatever_their_characters():
    from kg.export.neo4j import _sorted_rows
    rows = [["a b", "c"], ["a", "z"], ["a", "y\x00"], ["a", "y"], ["a-", "b"], ["", "q"], ["a\x00", "b"]]
    assert _sorted_rows(rows) == sorted(rows)
    assert _sorted_rows([r for r in rows if "\x00" not in "".join(r)]) == sorted(r for r in rows if "\x00" not in "".join(r))


@pytest.mark.parametrize("odd", ["plain", "a,b", 'say "x"', "two\nlines", "cr\rhere", "nul\x00", " lead", "a;b c"])
def test_neo4j_fast_rows_give_the_same_files_as_rows_of_cells(odd):
    from kg.export.neo4j import _render_lists, render_neo4j
    from kg.graph import assemble_graph
    from kg.model import Entity, Evidence, Relation
    evs = [Evidence(doc, f"Câu {odd} của {doc}.", start, start + 9, rule)
           for doc in ("d1", f"d{odd}") for start in (0, 12) for rule in ("r1", f"r {odd}")]
    g = assemble_graph([Entity("a", f"Cục {odd}", "Organization", (odd,), (), tuple(evs)),
                        Entity(f"b{odd}", "Cục B", "Organization", (), (), tuple(evs[:3])),
                        Entity("c", "Cục C", "Organization", (), (), ())],
                       [Relation("a", "cooperatesWith", f"b{odd}", tuple(evs)),
                        Relation("a", "partOf", "c", tuple(evs[1:4])), Relation(f"b{odd}", odd, "c", tuple(evs[:1]))])
    assert render_neo4j(g) == _render_lists(g)
    empty = assemble_graph([], [])
    assert render_neo4j(empty) == _render_lists(empty)


def test_kg_build_writes_the_neo4j_files_and_report_html_with_the_others(built):
    out = Path(built.out_dir)
    for name in ("report.html", "neo4j/nodes.csv", "neo4j/articles.csv", "neo4j/sentences.csv", "neo4j/evidence.csv",
                 "neo4j/relationships.csv", "neo4j/evidence_relationships.csv"):
        assert (out / name).is_file(), name


def test_the_documented_neo4j_import_names_exactly_the_files_kg_build_writes(built):
    import re
    doc = (ROOT / "docs" / "neo4j.md").read_text(encoding="utf-8")
    command = doc.split("neo4j-admin database import full neo4j", 1)[1].split("```", 1)[0]
    named = sorted(re.findall(r"--(?:nodes|relationships)=import/(neo4j/[a-z_]+\.csv)", command))
    written = sorted(str(p.relative_to(Path(built.out_dir))) for p in (Path(built.out_dir) / "neo4j").glob("*.csv"))
    assert named == written and len(written) == 6
    loaded = sorted(set(re.findall(r"file:///(neo4j/[a-z_]+\.csv)", doc)))
    assert loaded == written


def test_the_documented_load_csv_reads_columns_the_files_have(built):
    import re
    doc = (ROOT / "docs" / "neo4j.md").read_text(encoding="utf-8")
    for block in doc.split("LOAD CSV WITH HEADERS FROM 'file:///")[1:]:
        name, body = block.split("'", 1)
        body = body.split(";\n", 1)[0]
        header = (Path(built.out_dir) / name).read_text(encoding="utf-8").splitlines()[0].split(",")
        for col in re.findall(r"row\.`([^`]+)`|row\.([a-z_]+)", body):
            assert (col[0] or col[1]) in header, (name, col)


def test_a_graphml_sample_sentence_is_cut_at_a_space_after_160_characters():
    from kg.export.graphml import sample_text
    long = " ".join(["phối hợp"] * 40)
    cut = sample_text(long)
    assert cut.endswith(" …") and len(cut) <= 162 and long.startswith(cut[:-2])
    assert sample_text("Bộ Công an phối hợp với IOM.") == "Bộ Công an phối hợp với IOM."


def test_json_records_printed_as_json_dumps_prints_them():
    """graph.json's records go through one C encoder made once (kg.export.json._record_dumper): the same
    text as json.dumps(ensure_ascii=False, sort_keys=True), whatever the values."""
    from kg.export.json import _record_dumper
    dump = _record_dumper()
    records = [{"b": 1, "a": "Bộ Công an \u2028 </script> \"q\" \\ \x00 \ud800", "c": [1.5, -0.0, 1e300, None, True]},
               {"id": "x", "evidence": [{"rule": "r", "sentence": "d#1"}], "n": {"z": {}, "y": []}},
               {"nan": math.nan, "inf": math.inf, "big": 10 ** 30, "neg": -3}, {}, "plain", 7, [1, {"k": "v"}]]
    for r in records * 2:                     # twice: the encoder is reused
        assert dump(r) == json.dumps(r, ensure_ascii=False, sort_keys=True)
