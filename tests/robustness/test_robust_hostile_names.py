"""Names taken from articles cannot break the outputs: any label, alias, id or title (quotes, <, >,
#, backslashes, emoji, line breaks, very long) gives RDF that re-parses to the same graph and HTML
in which the text stays text."""
import io
import json
import shutil

import networkx as nx
import rdflib
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic
from robust_helpers import ARTICLE, ROOT

import kg
from kg.cli import main
from kg.corpus import clean_controls
from kg.export.graphml import generate_graphml
from kg.export.html import generate_html
from kg.export.json import generate_json
from kg.export.rdf import generate_trig, generate_turtle, to_dataset, to_rdf
from kg.export.vocab import name_language
from kg.graph import assemble_graph
from kg.model import Document, Entity, Evidence, Relation

FRAGMENTS = ['"', "'", "<", ">", "#", "\\", "\n", "\r\n", "\t", "{", "}", "|", "^", "`", "😀", "@vi", '"""',
             "'''", "<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>", "]]>", "<!--",
             "\u2028", "%20", "?a=1&b=2", "_:b0", "^^<x>", " .", ";", ",", "Bộ Công an", "\u0301", "\ufeff",
             "javascript:alert(1)", "${x}", "{{ x }}"]
hostile = st.lists(st.one_of(st.sampled_from(FRAGMENTS),
                             st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)),
                   min_size=1, max_size=8).map("".join)
# What the reader can hand on: control characters are read as spaces, and a line break ends a sentence.
readable = hostile.map(clean_controls).map(lambda s: s.replace("\r", " "))
TYPES = ("Organization", "Country", "Agreement", "Event", "Person", "Location")


def _graph(labels, ids, aliases, title):
    """Three entities, two links and one article, every string from the strategies."""
    ids = [f"{i}{k}" for k, i in enumerate(ids)]            # distinct ids, hostile all the same
    ev = Evidence(doc=ids[0] or "doc", sentence=labels[0] + " phối hợp với " + labels[1], start=0, end=5,
                  rule="rules/cues.tsv:3")
    entities = [Entity(id=ids[k], label=labels[k], type=TYPES[k], aliases=tuple(aliases), evidence=(ev,),
                       attrs=(("date", "2024-07-11"), ("wikidata", "Q1"))) for k in range(3)]
    relations = [Relation(ids[0], "cooperatesWith", ids[1], (ev,)), Relation(ids[0], "partOf", ids[2], (ev,))]
    doc = Document(id=ev.doc, path=f"corpus/{title}.txt", text="", sentences=(), title=title, url=title)
    return assemble_graph(entities, relations, [doc])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(labels=st.lists(hostile, min_size=3, max_size=3), ids=st.lists(hostile, min_size=3, max_size=3),
       aliases=st.lists(hostile, max_size=3), title=hostile)
@example(labels=["AGREEMENT", "Bộ Công an", '"<>'], ids=["a", "b", "c"], aliases=[], title="t")   # an English label
def test_turtle_and_trig_of_hostile_names_reparse_to_the_same_graph(labels, ids, aliases, title):
    g = _graph(labels, ids, aliases, title)
    parsed = rdflib.Graph().parse(data=generate_turtle(g), format="turtle")
    assert isomorphic(parsed, to_rdf(g))
    for label in labels:                   # tagged by its language ("AGREEMENT" reads as English)
        assert rdflib.Literal(label, lang=name_language(label)) in set(parsed.objects(None, rdflib.RDFS.label))
    trig = rdflib.Dataset().parse(data=generate_trig(g), format="trig")
    assert sorted(map(str, trig.quads())) == sorted(map(str, to_dataset(g).quads()))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(labels=st.lists(readable, min_size=3, max_size=3), ids=st.lists(readable, min_size=3, max_size=3),
       aliases=st.lists(readable, max_size=3), title=readable)
def test_json_and_graphml_of_names_the_reader_passes_read_back_the_same_strings(labels, ids, aliases, title):
    g = _graph(labels, ids, aliases, title)
    data = json.loads(generate_json(g))
    assert sorted(n["label"] for n in data["nodes"]) == sorted(labels)
    back = nx.read_graphml(io.BytesIO(generate_graphml(g).encode("utf-8")))
    assert sorted(d["label"] for _, d in back.nodes(data=True)) == sorted(labels)


def test_very_long_hostile_name_gives_a_short_valid_iri():
    label = ('"<>#\\ Bộ Công an 😀\n' * 2000)
    g = _graph([label, "a", "b"], [label, "x", "y"], [], "t")
    ttl = generate_turtle(g)
    parsed = rdflib.Graph().parse(data=ttl, format="turtle")
    assert isomorphic(parsed, to_rdf(g))
    assert max(len(str(s)) for s in parsed.subjects()) < 300


def test_html_page_shows_script_and_img_names_as_text():
    g = _graph(["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>", "Tom & Jerry <b>"],
               ["<img src=y>", "n2", "n3"], ["<svg onload=alert(3)>"], "<iframe src=javascript:alert(4)>")
    page = generate_html(g)
    for raw in ("<img src=x", "<img src=y", "</script><script>alert(2)", "<svg onload", "<iframe src=javascript",
                "Jerry <b>"):
        assert raw not in page


def test_end_to_end_build_of_an_article_naming_a_hostile_organisation(tmp_path):
    name = 'Quỹ "Hy vọng" <img src=x onerror=alert(1)> & #1 \\ 😀'
    rules = shutil.copytree(ROOT / "rules", tmp_path / "rules")
    with (rules / "gazetteer" / "organizations.tsv").open("a", encoding="utf-8") as fh:
        fh.write(f"org.hostile\t{name}\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bai.txt").write_text(f"Bộ Công an phối hợp với {name} tổ chức hội thảo.\n", encoding="utf-8")
    res = kg.build(corpus, tmp_path / "out", rules_dir=rules, cache=False, all_topics=True)
    assert name in {d["label"] for _, d in res.graph.nodes(data=True)}
    out = tmp_path / "out"
    ttl = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    assert rdflib.Literal(name, lang="vi") in set(ttl.objects(None, rdflib.RDFS.label))
    rdflib.Dataset().parse(out / "graph.trig", format="trig")
    assert name in {d["label"] for _, d in nx.read_graphml(out / "graph.graphml").nodes(data=True)}
    assert name in {n["label"] for n in json.loads((out / "graph.json").read_text(encoding="utf-8"))["nodes"]}
    assert "<img src=x" not in (out / "graph.html").read_text(encoding="utf-8")


def test_base_iri_that_would_break_the_turtle_is_refused_in_one_line(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / "bai.txt")
    code = main(["build", str(corpus), "--out", str(tmp_path / "out"), "-q", "--no-cache",
                 "--base-iri", "https://x.org/> <https://evil.org/"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and "--base-iri" in err
    assert not (tmp_path / "out" / "graph.ttl").exists()
