"""RDF export: Turtle + TriG that rdflib and Oxigraph load alike, provenance of every link,
reused vocabularies, safe and stable IRIs, SHACL validation of every build."""
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
import rdflib
from conftest import ROOT

from kg.errors import KgError
from kg.export.rdf import DEFAULT_BASE, generate_trig, generate_turtle, render_rdf, segment, to_dataset, to_rdf
from kg.export.vocab import KG, RELATIONS, generate_ontology
from kg.graph import assemble_graph
from kg.model import Document, Entity, Evidence, Relation

SHAPES = ROOT / "docs" / "shapes.ttl"
ONTOLOGY = ROOT / "docs" / "ontology.ttl"
PREFIXES = """
PREFIX kg: <https://kg.example.org/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

S1 = "Từ ngày 10-11/7, tại TP Quy Nhơn, Cục Đối ngoại, Bộ Công an phối hợp với Tổ chức Di cư quốc tế (IOM) tổ chức Hội thảo tập huấn."
S2 = "Cục Đối ngoại, Bộ Công an sẽ phối hợp chặt chẽ với các cơ quan chức năng."
S3 = "Đại diện Chương trình phát triển Liên hợp quốc (UNDP) tham dự Hội thảo tập huấn."
S4 = "Hiệp định giữa Việt Nam và Campuchia được ký kết năm 2014."


def _ev(doc, sentence, start, rule):
    return Evidence(doc, sentence, start, start + len(sentence), rule)


def synthetic_graph():
    """A small graph with every kind of node and the links the docs talk about (two articles)."""
    docs = [Document("000_a", "corpus/000_a.txt", "", (), title="Tăng cường hợp tác quốc tế", date="2024-07-11",
                     outlet="CAND", url='https://cand.com.vn/bai?id=1&x="2"'),
            Document("001_b", "corpus/001_b.txt", "", ())]
    d1, d2 = "000_a", "001_b"
    ents = [
        Entity("bo-cong-an", "Bộ Công an", "Organization", ("BCA", "Bộ Công an Việt Nam"), (("country", "Việt Nam"),),
               (_ev(d1, S1, 0, "org.gazetteer"),)),
        Entity("cuc-doi-ngoai", "Cục Đối ngoại", "Organization", (), (), (_ev(d1, S1, 0, "org.head"),)),
        Entity("iom", "Tổ chức Di cư quốc tế", "Organization", ("IOM",), (("wikidata", "Q482626"),),
               (_ev(d1, S1, 0, "org.gazetteer"),)),
        Entity("undp", "Chương trình phát triển Liên hợp quốc", "Organization", ("UNDP",), (),
               (_ev(d2, S3, 200, "org.gazetteer"),)),
        Entity("viet-nam", "Việt Nam", "Country", ("Vietnam",), (("iso", "VN"), ("wikidata", "Q881")),
               (_ev(d2, S4, 300, "country.gazetteer"),)),
        Entity("campuchia", "Campuchia", "Country", ("Cambodia",), (("iso", "KH"), ("wikidata", "Q424")),
               (_ev(d2, S4, 300, "country.gazetteer"),)),
        Entity("ev-2024-07-10-hoi-thao-tap-huan", "Hội thảo tập huấn", "Event", (),
               (("date", "2024-07-10"), ("place", "TP Quy Nhơn")), (_ev(d1, S1, 0, "event.head"),)),
        Entity("quy-nhon", "TP Quy Nhơn", "Location", ("Quy Nhơn",), (("kind", "city"),), (_ev(d1, S1, 0, "loc"),)),
        Entity("hiep-dinh-viet-nam-campuchia", "Hiệp định giữa Việt Nam và Campuchia", "Agreement", (), (),
               (_ev(d2, S4, 300, "agreement.head"),)),
    ]
    rels = [
        Relation("cuc-doi-ngoai", "partOf", "bo-cong-an",
                 (_ev(d1, S1, 0, "rel.partOf.apposition"), _ev(d2, S2, 100, "rel.partOf.apposition"))),
        Relation("cuc-doi-ngoai", "cooperatesWith", "iom", (_ev(d1, S1, 0, "rel.cooperates"),)),
        Relation("cuc-doi-ngoai", "organized", "ev-2024-07-10-hoi-thao-tap-huan", (_ev(d1, S1, 0, "rel.organized"),)),
        Relation("iom", "organized", "ev-2024-07-10-hoi-thao-tap-huan", (_ev(d1, S1, 0, "rel.organized"),)),
        Relation("undp", "participatedIn", "ev-2024-07-10-hoi-thao-tap-huan", (_ev(d2, S3, 200, "rel.attend"),)),
        Relation("bo-cong-an", "country", "viet-nam", (_ev(d1, S1, 0, "rel.country"),)),
        Relation("ev-2024-07-10-hoi-thao-tap-huan", "heldIn", "quy-nhon", (_ev(d1, S1, 0, "rel.heldIn"),)),
        Relation("viet-nam", "partyTo", "hiep-dinh-viet-nam-campuchia", (_ev(d2, S4, 300, "rel.partyTo.title"),)),
        Relation("campuchia", "partyTo", "hiep-dinh-viet-nam-campuchia", (_ev(d2, S4, 300, "rel.partyTo.title"),)),
    ]
    return assemble_graph(ents, rels, docs)


def oxigraph(data: bytes | str, fmt) -> ox.Store:
    store = ox.Store()
    store.load(data.encode("utf-8") if isinstance(data, str) else data, format=fmt)
    return store


def select(store, query, union=True):
    return [[t.value if t is not None else None for t in row]
            for row in store.query(PREFIXES + query, use_default_graph_as_union=union)]


def shacl(ttl: str | bytes):
    data = rdflib.Graph().parse(data=ttl, format="turtle")
    return pyshacl.validate(data, shacl_graph=rdflib.Graph().parse(SHAPES, format="turtle"))


@pytest.fixture(scope="module")
def synthetic():
    g = synthetic_graph()
    ttl, trig = render_rdf(g)
    return g, ttl, trig


@pytest.fixture(scope="module")
def built_rdf(built):
    out = Path(built.out_dir)
    return (out / "graph.ttl").read_bytes(), (out / "graph.trig").read_bytes()


# --- the real build ------------------------------------------------------------------------------

def test_build_writes_turtle_and_trig(built):
    for name in ("graph.ttl", "graph.trig"):
        assert (Path(built.out_dir) / name).stat().st_size > 0


def test_turtle_round_trips_through_rdflib_and_oxigraph_with_equal_triple_counts(built_rdf):
    ttl, _ = built_rdf
    n_rdflib = len(rdflib.Graph().parse(data=ttl, format="turtle"))
    n_oxigraph = len(oxigraph(ttl, ox.RdfFormat.TURTLE))
    assert n_rdflib == n_oxigraph > 500


def test_trig_round_trips_through_rdflib_and_oxigraph_with_equal_quad_counts(built_rdf):
    _, trig = built_rdf
    ds = rdflib.Dataset()
    ds.parse(data=trig, format="trig")
    n_rdflib = len(list(ds.quads((None, None, None, None))))
    assert n_rdflib == len(oxigraph(trig, ox.RdfFormat.TRIG)) > 500


def test_trig_merged_is_exactly_the_turtle(built_rdf):
    ttl, trig = built_rdf
    merged = {(q.subject, q.predicate, q.object) for q in oxigraph(trig, ox.RdfFormat.TRIG)}
    assert merged == {(q.subject, q.predicate, q.object) for q in oxigraph(ttl, ox.RdfFormat.TURTLE)}


def test_trig_has_one_named_graph_per_article_that_names_an_entity(built, built_rdf):
    store = oxigraph(built_rdf[1], ox.RdfFormat.TRIG)
    graphs = {g.value for g in store.named_graphs()}
    docs = {doc for _, d in built.graph.nodes(data=True) for doc in d["docs"]}
    docs |= {ev["doc"] for _, _, d in built.graph.edges(data=True) for ev in d["evidence"]}
    assert graphs == {f"{DEFAULT_BASE}article/{d}" for d in docs}
    assert len(graphs) == 5


def test_every_build_passes_shacl_validation(built_rdf):
    conforms, _, text = shacl(built_rdf[0])
    assert conforms, text


def test_sparql_finds_cuc_doi_ngoai_under_bo_cong_an_with_its_evidence_sentence(built_rdf):
    rows = select(oxigraph(built_rdf[0], ox.RdfFormat.TURTLE), """
        SELECT ?sentence ?article WHERE {
          ?child rdfs:label "Cục Đối ngoại"@vi ; org:subOrganizationOf ?parent .
          ?parent rdfs:label "Bộ Công an"@vi .
          ?ev rdf:subject ?child ; rdf:predicate org:subOrganizationOf ; rdf:object ?parent ;
              kg:sentence/kg:text ?sentence ; prov:wasDerivedFrom/dcterms:identifier ?article .
        }""")
    assert rows
    assert any("Cục Đối ngoại, Bộ Công an" in sentence for sentence, _ in rows)


def test_article_nodes_carry_title_date_and_outlet_from_the_manifest_or_dateline(built, built_rdf):
    store = oxigraph(built_rdf[0], ox.RdfFormat.TURTLE)
    rows = select(store, """SELECT ?title ?date WHERE { ?a dcterms:identifier "000_53ccb9e166bfc5f9" ;
                             a schema:NewsArticle, prov:Entity ; dcterms:title ?title ; dcterms:date ?date }""")
    assert rows == [["Tăng cường hợp tác quốc tế trong phòng, chống mua bán người", "2024-07-11"]]
    assert select(store, 'SELECT ?o WHERE { ?a dcterms:identifier "002_db21893f5557eb83" ; dcterms:publisher ?o }') \
        == [["CAO"]]


def test_countries_carry_iso_codes_and_wikidata_same_as(built_rdf):
    rows = select(oxigraph(built_rdf[0], ox.RdfFormat.TURTLE), """
        SELECT ?iso ?wd WHERE { ?c a schema:Country ; rdfs:label "Campuchia"@vi ; kg:isoCode ?iso ; owl:sameAs ?wd }""")
    assert rows == [["KH", "http://www.wikidata.org/entity/Q424"]]


def test_every_project_term_in_the_export_is_defined_in_the_ontology(built_rdf):
    used = set(re.findall(rb"\bkg:([A-Za-z]+)", built_rdf[0]))
    onto = rdflib.Graph().parse(ONTOLOGY, format="turtle")
    for local in sorted(used):
        term = rdflib.URIRef(KG + local.decode())
        assert onto.value(term, rdflib.RDFS.label) and onto.value(term, rdflib.RDFS.comment), local


# --- the model, on a synthetic graph -------------------------------------------------------------

def test_link_evidence_is_a_reified_statement_with_sentence_node_rule_and_article(synthetic):
    _, ttl, _ = synthetic
    rows = select(oxigraph(ttl, ox.RdfFormat.TURTLE), """
        SELECT ?article ?start ?end ?rule ?sentence WHERE {
          ?ev a kg:Evidence, rdf:Statement ;
              rdf:subject <https://kg.example.org/id/cuc-doi-ngoai> ;
              rdf:predicate org:subOrganizationOf ;
              rdf:object <https://kg.example.org/id/bo-cong-an> ;
              kg:sentence ?s ; kg:rule ?rule ; prov:wasDerivedFrom/dcterms:identifier ?article .
          ?s a kg:Sentence ; kg:text ?sentence ; kg:startOffset ?start ; kg:endOffset ?end ;
             dcterms:isPartOf/dcterms:identifier ?article .
        } ORDER BY ?article""")
    assert rows == [["000_a", "0", str(len(S1)), "rel.partOf.apposition", S1],
                    ["001_b", "100", str(100 + len(S2)), "rel.partOf.apposition", S2]]


def test_a_link_sits_in_the_named_graph_of_every_article_that_states_it(synthetic):
    _, _, trig = synthetic
    rows = select(oxigraph(trig, ox.RdfFormat.TRIG), """
        SELECT ?g WHERE { GRAPH ?g { <https://kg.example.org/id/cuc-doi-ngoai> org:subOrganizationOf
                                     <https://kg.example.org/id/bo-cong-an> } } ORDER BY ?g""", union=False)
    assert rows == [["https://kg.example.org/article/000_a"], ["https://kg.example.org/article/001_b"]]


def test_entities_and_articles_are_in_the_default_graph_of_the_trig(synthetic):
    _, _, trig = synthetic
    store = oxigraph(trig, ox.RdfFormat.TRIG)
    assert select(store, 'SELECT ?l WHERE { <https://kg.example.org/id/iom> rdfs:label ?l }', union=False) \
        == [["Tổ chức Di cư quốc tế"]]
    assert select(store, 'SELECT ?t WHERE { ?a dcterms:identifier "000_a" ; dcterms:title ?t }', union=False) \
        == [["Tăng cường hợp tác quốc tế"]]


def test_article_metadata_uses_dublin_core_and_schema_url(synthetic):
    _, ttl, _ = synthetic
    rows = select(oxigraph(ttl, ox.RdfFormat.TURTLE), """
        SELECT ?title ?date ?outlet ?url WHERE { <https://kg.example.org/article/000_a> dcterms:title ?title ;
            dcterms:date ?date ; dcterms:publisher ?outlet ; schema:url ?url }""")
    assert rows == [["Tăng cường hợp tác quốc tế", "2024-07-11", "CAND", 'https://cand.com.vn/bai?id=1&x="2"']]


def test_types_and_relations_reuse_org_schema_and_skos(synthetic):
    g, _, _ = synthetic
    rdf = to_rdf(g)
    I = lambda s: rdflib.URIRef(DEFAULT_BASE + "id/" + s)  # noqa: E731
    ORG, SDO, SKOS = rdflib.Namespace("http://www.w3.org/ns/org#"), rdflib.Namespace("https://schema.org/"), rdflib.SKOS
    assert (I("cuc-doi-ngoai"), rdflib.RDF.type, ORG.Organization) in rdf
    assert (I("cuc-doi-ngoai"), ORG.subOrganizationOf, I("bo-cong-an")) in rdf
    assert (I("viet-nam"), rdflib.RDF.type, SDO.Country) in rdf
    assert (I("ev-2024-07-10-hoi-thao-tap-huan"), rdflib.RDF.type, SDO.Event) in rdf
    assert (I("ev-2024-07-10-hoi-thao-tap-huan"), SDO.startDate,
            rdflib.Literal("2024-07-10", datatype=rdflib.XSD.date)) in rdf
    assert (I("ev-2024-07-10-hoi-thao-tap-huan"), SDO.location, I("quy-nhon")) in rdf
    assert (I("bo-cong-an"), rdflib.RDFS.label, rdflib.Literal("Bộ Công an", lang="vi")) in rdf
    assert (I("bo-cong-an"), SKOS.altLabel, rdflib.Literal("BCA", lang="vi")) in rdf
    assert (I("bo-cong-an"), rdflib.URIRef(KG + "country"), I("viet-nam")) in rdf
    assert (I("viet-nam"), rdflib.URIRef(KG + "partyTo"), I("hiep-dinh-viet-nam-campuchia")) in rdf
    assert (I("viet-nam"), rdflib.OWL.sameAs, rdflib.URIRef("http://www.wikidata.org/entity/Q881")) in rdf


def test_rdflib_models_hold_the_same_triples_as_the_files(synthetic):
    g, ttl, trig = synthetic
    assert len(to_rdf(g)) == len(rdflib.Graph().parse(data=ttl, format="turtle"))
    assert len(list(to_dataset(g).quads((None, None, None, None)))) == len(oxigraph(trig, ox.RdfFormat.TRIG))


def test_synthetic_graph_passes_shacl(synthetic):
    conforms, _, text = shacl(synthetic[1])
    assert conforms, text


def test_shacl_rejects_a_link_between_the_wrong_types():
    ents = [Entity("hoi-thao", "Hội thảo", "Event"), Entity("campuchia", "Campuchia", "Country", (), (("iso", "KH"),))]
    g = assemble_graph(ents, [Relation("hoi-thao", "partOf", "campuchia", (_ev("d", S4, 0, "r"),))])
    conforms, _, text = shacl(generate_turtle(g))
    assert not conforms and "subOrganizationOf" in text


def test_shacl_rejects_an_event_with_two_start_dates(synthetic):
    data = rdflib.Graph().parse(data=synthetic[1], format="turtle")
    data.add((rdflib.URIRef(DEFAULT_BASE + "id/ev-2024-07-10-hoi-thao-tap-huan"), rdflib.URIRef("https://schema.org/startDate"),
              rdflib.Literal("2024-07-11", datatype=rdflib.XSD.date)))
    conforms, _, _ = pyshacl.validate(data, shacl_graph=rdflib.Graph().parse(SHAPES, format="turtle"))
    assert not conforms


def test_shapes_check_both_ends_of_every_relation():
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    targets = set(shapes.objects(None, rdflib.URIRef("http://www.w3.org/ns/shacl#targetSubjectsOf")))
    assert {rdflib.URIRef(r.prop) for r in RELATIONS.values()} <= targets


def test_ontology_file_is_generated_from_the_code():
    assert ONTOLOGY.read_text(encoding="utf-8") == generate_ontology()


# --- IRIs ------------------------------------------------------------------------------------------

def test_iris_are_readable_slugs_under_the_base():
    assert segment("bo-cong-an") == "bo-cong-an"
    assert segment("000_53ccb9e166bfc5f9") == "000_53ccb9e166bfc5f9"
    assert segment("Bộ Công an").startswith("bo-cong-an--")


HOSTILE = ['Bộ "Công" an <script>alert(1)</script> #1', "🚀🚀", "x" * 500, "bo cong an", "Bộ Công an", "bo-cong-an",
           "a/b?c=d&e", "tab\there\nnewline", "\\u0000 back\\slash", "Ж", ""]


def test_any_name_gives_a_safe_distinct_iri():
    segs = [segment(t) for t in HOSTILE]
    assert len(set(segs)) == len(HOSTILE)
    for s in segs:
        assert re.fullmatch(r"[a-z0-9]+(?:[-_.]{1,2}[a-z0-9]+)*", s) and len(s) <= 120, s


def test_hostile_names_and_sentences_survive_both_formats():
    sentence = 'Câu có "ngoặc", <thẻ>, #dấu, \\ gạch, xuống\ndòng, tab\t, NUL\x00 và emoji 🚀.'
    ents = [Entity(t or "empty", t or "?", "Organization", (t + " alias",) if t else (), (), ()) for t in HOSTILE]
    ids = [e.id for e in ents]
    rels = [Relation(ids[i], "cooperatesWith", ids[i + 1], (_ev("bài <1> #x", sentence, 5, 'rule "q"'),))
            for i in range(len(ids) - 1)]
    g = assemble_graph(ents, rels)
    ttl, trig = render_rdf(g)
    store = oxigraph(ttl, ox.RdfFormat.TURTLE)
    labels = {r[0] for r in select(store, "SELECT ?l WHERE { ?s a org:Organization ; rdfs:label ?l }")}
    assert labels == {e.label for e in ents}
    assert select(store, "SELECT DISTINCT ?s WHERE { ?e kg:sentence/kg:text ?s }") == [[sentence]]
    assert len(rdflib.Graph().parse(data=ttl, format="turtle")) == len(store)
    ds = rdflib.Dataset()
    ds.parse(data=trig, format="trig")
    assert len(list(ds.quads((None, None, None, None)))) == len(oxigraph(trig, ox.RdfFormat.TRIG))


def test_undecodable_characters_do_not_break_the_export():
    g = assemble_graph([Entity("x", "Tên \udc80 lỗi", "Organization")], [])
    assert 'rdfs:label "Tên ? lỗi"@vi' in generate_turtle(g)


def test_base_iri_is_configurable():
    ttl = generate_turtle(synthetic_graph(), "https://data.example.vn/kg")
    assert "@prefix id: <https://data.example.vn/kg/id> ." not in ttl
    assert "@prefix id: <https://data.example.vn/kg/id/> ." in ttl
    store = oxigraph(ttl, ox.RdfFormat.TURTLE)
    assert select(store, 'SELECT ?s WHERE { ?s rdfs:label "Cục Đối ngoại"@vi }') == \
        [["https://data.example.vn/kg/id/cuc-doi-ngoai"]]


@pytest.mark.parametrize("base", ["not an iri", "https://x.org/a b/", "kg.example.org/", 'https://x.org/"'])
def test_a_bad_base_iri_is_refused_in_one_line(base):
    with pytest.raises(KgError, match="--base-iri"):
        generate_turtle(synthetic_graph(), base)


def test_build_with_bad_base_iri_exits_2_and_writes_nothing(tmp_path, capsys):
    from kg.cli import main
    out = tmp_path / "out"
    assert main(["build", str(ROOT / "corpus"), "--out", str(out), "--base-iri", "no iri", "--quiet"]) == 2
    assert "--base-iri" in capsys.readouterr().err
    assert not (out / "graph.ttl").exists()


# --- determinism -----------------------------------------------------------------------------------

def test_output_is_byte_identical_across_runs_and_hash_seeds():
    script = ("import sys, hashlib; sys.path.insert(0, 'tests'); from test_rdf import synthetic_graph; "
              "from kg.export.rdf import render_rdf; t, q = render_rdf(synthetic_graph()); "
              "print(hashlib.sha256(t).hexdigest(), hashlib.sha256(q).hexdigest())")
    digests = set()
    for seed in ("1", "2", "random"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        digests.add(subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True,
                                   text=True, check=True).stdout)
    t, q = render_rdf(synthetic_graph())
    digests.add(f"{hashlib.sha256(t).hexdigest()} {hashlib.sha256(q).hexdigest()}\n")
    assert len(digests) == 1


def test_files_start_with_the_prefixes_in_a_fixed_order(synthetic):
    head = synthetic[1].decode().splitlines()[:3]
    assert head == ["@prefix kg: <https://kg.example.org/ontology#> .", "@prefix org: <http://www.w3.org/ns/org#> .",
                    "@prefix schema: <https://schema.org/> ."]


def test_an_empty_graph_exports_valid_empty_rdf():
    g = assemble_graph([], [])
    assert len(rdflib.Graph().parse(data=generate_turtle(g), format="turtle")) == 0
    assert len(oxigraph(generate_trig(g), ox.RdfFormat.TRIG)) == 0


def _oxigraph_pretty(quads, prefixes, fmt):
    from kg.export.rdf import _fixed_prefix_order, to_nquads
    in_fmt = ox.RdfFormat.N_QUADS if fmt == ox.RdfFormat.TRIG else ox.RdfFormat.N_TRIPLES
    out = ox.serialize(ox.parse(to_nquads(quads), format=in_fmt), format=fmt, prefixes=prefixes)
    return _fixed_prefix_order(out, prefixes)


def test_the_direct_writer_prints_exactly_what_oxigraph_prints():
    from kg.export.rdf import output_prefixes, sorted_quads, sorted_triples
    ents = [Entity(t or "empty", t or "?", "Organization", (), (), ()) for t in HOSTILE]
    rels = [Relation(ents[0].id, "cooperatesWith", ents[1].id, (_ev("bài <1>", 'câu "x"\n\x00', 3, "r"),))]
    for g in (synthetic_graph(), assemble_graph(ents, rels)):
        quads, prefixes = sorted_quads(g), output_prefixes(DEFAULT_BASE)
        ttl, trig = render_rdf(g)
        assert trig == _oxigraph_pretty(quads, prefixes, ox.RdfFormat.TRIG)
        assert ttl == _oxigraph_pretty(sorted_triples(quads), prefixes, ox.RdfFormat.TURTLE)


def test_the_grouped_writer_prints_exactly_what_the_quad_by_quad_writer_prints():
    """The output files are printed subject by subject (an evidence node from one template); the result
    must be the bytes `pretty_chunks` prints from the sorted quads, even for odd graphs: the same
    evidence twice, an evidence node given two sentences, a link without evidence, another base."""
    from kg.export.rdf import _pretty, output_prefixes, sorted_quads, sorted_triples
    g = synthetic_graph()
    u, v, k, d = next(iter(g.edges(keys=True, data=True)))
    ev = dict(d["evidence"][0])
    d["evidence"] = list(d["evidence"]) + [dict(ev), {**ev, "sentence": "Một câu khác {0} {x}."}]
    g.add_edge("iom", "undp", key="cooperatesWith", relation="cooperatesWith", evidence=[])
    g.add_edge("undp", "iom", key="funded", relation="funded")
    ents = [Entity(t or "empty", t or "?", "Organization", (), (), ()) for t in HOSTILE]
    hostile = assemble_graph(ents, [Relation(ents[1].id, "cooperatesWith", ents[2].id,
                                             (_ev("bài <1> {}", 'câu "x"\n\x00 {1}', 3, "r{"),))])
    for graph in (g, hostile, assemble_graph([], [])):
        for base in (DEFAULT_BASE, "https://data.example.vn/kg#"):
            quads, prefixes = sorted_quads(graph, base), output_prefixes(base)
            ttl, trig = render_rdf(graph, base)
            assert trig == _pretty(quads, prefixes)
            assert ttl == _pretty(sorted_triples(quads), prefixes)
