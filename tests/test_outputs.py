"""Each output opened the way a researcher's tool opens it: GraphML in networkx and igraph (what Gephi
needs: one edge per id, labels, weights, dates), node-link JSON with networkx's defaults, RDF names
tagged by language, basedIn everywhere, the ontology and the shapes agreeing under RDFS inference."""
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
    assert [e["doc"] for e in json.loads(d["evidence"])] == [A]
