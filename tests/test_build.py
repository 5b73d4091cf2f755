"""`kg build`: corpus in, five graph files out, atomically; bad input is one clear line."""
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import CORPUS, GOLD, ROOT

from kg.cli import main
from kg.corpus import clean_controls

OUTPUTS = ("graph.json", "graph.ttl", "graph.graphml", "graph.html", "report.md")


def test_build_writes_every_output_file(built):
    for name in OUTPUTS:
        assert (Path(built.out_dir) / name).stat().st_size > 0


def test_graph_json_nodes_carry_id_label_type_aliases(built):
    data = json.loads((Path(built.out_dir) / "graph.json").read_text(encoding="utf-8"))
    assert data["nodes"]
    for n in data["nodes"]:
        assert n["id"] and n["label"] and isinstance(n["aliases"], list)
        assert n["type"] in ("Organization", "Country", "Agreement", "Event", "Person", "Location")


def test_every_edge_has_a_relation_and_evidence_pointing_into_the_raw_article(built):
    data = json.loads((Path(built.out_dir) / "graph.json").read_text(encoding="utf-8"))
    sentences = {s["id"]: s for s in data["sentences"]}
    assert data["edges"]
    for e in data["edges"]:
        assert e["relation"] and e["evidence"]
        for ev in e["evidence"]:
            s = sentences[ev["sentence"]]
            assert s["id"] == f"{s['article']}#{s['start']}" and ev["rule"]
            raw = (CORPUS / f"{s['article']}.txt").read_text(encoding="utf-8")
            # (offsets index the raw file; the reader reads its no-break and thin spaces as spaces, same length)
            assert clean_controls(unicodedata.normalize("NFC", raw[s["start"]:s["end"]])) == s["text"]


def test_graph_json_stores_each_evidence_sentence_once_and_lists_every_article(built):
    data = json.loads((Path(built.out_dir) / "graph.json").read_text(encoding="utf-8"))
    ids = [s["id"] for s in data["sentences"]]
    assert len(ids) == len(set(ids)) and len({(s["article"], s["start"]) for s in data["sentences"]}) == len(ids)
    cited = {ev["sentence"] for item in data["nodes"] + data["edges"] for ev in item.get("evidence", ())}
    assert cited == set(ids)                 # every sentence in the table is cited, every citation is there
    assert [a["id"] for a in data["articles"]] == sorted(built.graph.graph["documents"])
    assert {"title", "date", "outlet", "url", "relevance"} <= set(data["articles"][0])


def test_graph_json_reads_back_to_the_built_graph(built):
    import networkx as nx
    from kg.export.json import read_json
    back = read_json(Path(built.out_dir) / "graph.json")
    assert nx.utils.graphs_equal(back, built.graph) and back.graph == built.graph.graph


def test_reference_scorer_runs_on_the_built_graph(built):
    out = subprocess.run([sys.executable, str(GOLD / "score.py"), str(Path(built.out_dir) / "graph.json"), str(GOLD)],
                         capture_output=True, text=True, check=True).stdout
    assert "core (micro)" in out and "all (micro)" in out


def test_report_lists_articles_read(built):
    report = (Path(built.out_dir) / "report.md").read_text(encoding="utf-8")
    assert "## Articles read (5)" in report and "000_53ccb9e166bfc5f9" in report


def test_library_api_returns_a_networkx_graph(graph):
    import networkx as nx
    assert isinstance(graph, nx.MultiDiGraph) and graph.number_of_nodes() > 10


def test_missing_corpus_exits_2_with_one_line_and_leaves_output_untouched(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.json").write_text("previous", encoding="utf-8")
    assert main(["build", str(tmp_path / "missing"), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "missing" in err
    assert (out / "graph.json").read_text(encoding="utf-8") == "previous"


def test_folder_without_txt_exits_2(tmp_path, capsys):
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "no article files" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_help_explains_every_build_option():
    out = subprocess.run([sys.executable, "-m", "kg", "build", "--help"], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout
    for opt in ("--out", "--rules", "--base-iri", "--quiet"):
        assert opt in out


def test_a_node_keeps_a_few_sentences_per_article_and_counts_every_mention(graph):
    from collections import Counter
    d = graph.nodes["bo-cong-an"]
    per_article = Counter(e["doc"] for e in d["evidence"])
    assert max(per_article.values()) <= 3 and d["mentions"] > len(d["evidence"])
    assert sorted(per_article) == d["docs"]


def test_a_node_named_in_many_articles_keeps_a_sample_spread_over_articles_and_lists_them_all():
    from kg.graph import NODE_EVIDENCE_MAX, assemble_graph
    from kg.model import Entity, Evidence
    sentence = "Bộ Công an phối hợp với IOM tổ chức hội thảo."
    ev = tuple(Evidence(f"a{i:03d}", sentence, j * 100, j * 100 + 45, "gazetteer/organizations.tsv:3")
               for i in range(50) for j in range(3))
    g = assemble_graph([Entity("bo-cong-an", "Bộ Công an", "Organization", (), (), ev)], [])
    d = g.nodes["bo-cong-an"]
    assert len(d["evidence"]) == NODE_EVIDENCE_MAX
    assert len({e["doc"] for e in d["evidence"]}) == NODE_EVIDENCE_MAX   # first mentions of 30 articles
    assert d["docs"] == [f"a{i:03d}" for i in range(50)] and d["mentions"] == 150


EVIDENCE = [{"doc": "d<1>", "end": 9, "rule": "r&", "sentence": "Câu <b>\x01", "start": 3}] * 2
ODD_VALUES = [
    [], {}, "", "câu \"x\" <b>&amp;</b>\n\t\x00\x7f\u2028\ud800 🚀", 0, -7, 2**70, 1.5, True, None,
    ["a", 1, None, ["b"], {"z": 1, "a": [2.5, False]}],
    EVIDENCE,
    [{"doc": "d", "end": True, "rule": "r", "sentence": "s", "start": 1}],        # bool, not int
    [{"doc": "d", "end": 2, "rule": "r", "sentence": "s", "start": 1, "x": 0}],   # another shape
    {"evidence": [{"doc": 1, "end": 2, "rule": "r", "sentence": "s", "start": 1}], "é": (1, "t")},
]


@pytest.mark.parametrize("value", ODD_VALUES)
def test_json_pieces_print_exactly_what_json_dumps_prints(value):
    import json
    from kg.export.graphml import _xml
    from kg.export.jsontext import JsonText
    expected = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = JsonText()
    assert text.value(value) == expected
    assert text.value(value) == expected                 # again, from the cache
    assert JsonText(escape=_xml).value(value) == _xml(expected)


def test_graphml_reads_back_odd_attribute_values(tmp_path):
    import networkx as nx
    from kg.export.graphml import write_graphml
    g = nx.MultiDiGraph()
    g.add_node("a", label="Tên <b> & \"x\"\x01", n=3, evidence=EVIDENCE)
    g.add_node("b", label="b", n=4, evidence=[])
    g.add_edge("a", "b", key="k", relation="r", evidence=EVIDENCE)
    write_graphml(g, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert back.nodes["a"]["label"] == "Tên <b> & \"x\""
    assert back.nodes["b"]["n"] == 4
    assert back.edges["a", "b", "a|k|b"]["sample"] == "Câu <b>"
    assert back.edges["a", "b", "a|k|b"]["sentences"] == 1


def test_graphml_node_and_edge_ids_with_markup_characters_read_back_the_same(tmp_path):
    import networkx as nx
    from kg.export.graphml import write_graphml
    g = nx.MultiDiGraph()
    g.add_edge("bộ <a> & \"b\"", "c'd", key="r&s", relation="r", evidence=[])
    write_graphml(g, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert sorted(back.nodes) == sorted(["bộ <a> & \"b\"", "c'd"])
    assert list(back.edges(keys=True)) == [("bộ <a> & \"b\"", "c'd", "bộ <a> & \"b\"|r&s|c'd")]


@pytest.mark.parametrize("corpus", ["built", "missing"])
def test_build_turns_the_collector_back_on_when_called_in_process(tmp_path, corpus):
    """`kg build` runs without cyclic collection (its process ends with os._exit); `main` called in a
    process that goes on (a test, a notebook) gets the collector back as it was, on success or error."""
    import gc
    assert gc.isenabled()
    source = CORPUS if corpus == "built" else tmp_path / "missing"
    assert main(["build", str(source), "--out", str(tmp_path / "out"), "-q", "--no-cache"]) in (0, 2)
    assert gc.isenabled()
