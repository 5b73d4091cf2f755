"""Bad command-line values and bad files given to the query commands are one line and exit 2,
never a traceback: sizes that are not finite, paths over the system's limit, base IRIs that RDF
readers would refuse, a graph.json that is not a graph (a link to a node the file does not list is
answered: tests/test_query.py)."""
import json
import shutil

import pytest
from robust_helpers import ARTICLE, ARTICLE_ID

from kg.cli import main


@pytest.fixture
def folder(tmp_path):
    f = tmp_path / "corpus"
    f.mkdir()
    shutil.copy(ARTICLE, f / f"{ARTICLE_ID}.txt")
    return f


def _one_line_exit_2(capsys, argv) -> str:
    with pytest.raises(SystemExit) as caught:          # argparse's own errors exit here
        code = main(argv)
        raise SystemExit(code)
    err = capsys.readouterr().err
    assert caught.value.code == 2, err
    assert "Traceback" not in err
    return err.strip().splitlines()[-1]


@pytest.mark.parametrize("size", ["inf", "nan", "-inf", "1e400", "0", "-3", "mười"])
def test_a_max_size_that_is_not_a_finite_positive_number_is_refused(folder, tmp_path, capsys, size):
    err = _one_line_exit_2(capsys, ["build", str(folder), "--out", str(tmp_path / "out"), f"--max-size={size}"])
    assert f"expected a size in MB > 0, got '{size}'" in err


def test_a_huge_max_size_is_taken_as_no_limit(folder, tmp_path):
    assert main(["build", str(folder), "--out", str(tmp_path / "out"), "-q", "--max-size", "1e300"]) == 0


@pytest.mark.parametrize("seconds", ["inf", "nan", "-1", "một phút"])
def test_an_article_timeout_that_is_not_a_finite_number_is_refused(folder, tmp_path, capsys, seconds):
    err = _one_line_exit_2(capsys, ["build", str(folder), "--out", str(tmp_path / "out"),
                                    f"--article-timeout={seconds}"])
    assert "expected a number of seconds >= 0" in err


@pytest.mark.parametrize("which", ["corpus", "out", "rules"])
def test_a_path_over_the_systems_limit_is_one_line(folder, tmp_path, capsys, which):
    long = str(tmp_path / ("a" * 5000))
    argv = {"corpus": ["build", long, "--out", str(tmp_path / "out")],
            "out": ["build", str(folder), "--out", long],
            "rules": ["build", str(folder), "--out", str(tmp_path / "out"), "--rules", long]}[which]
    err = _one_line_exit_2(capsys, argv + ["-q"])
    assert err.startswith("kg: error: ") and "File name too long" in err and len(err) < 600


@pytest.mark.parametrize("iri,why", [
    ("http://x.example/%zz/", "Invalid IRI percent encoding '%zz'"),
    ("http://x.example/\ue000/", "Invalid IRI code point"),
    ("http://[::1/", "Invalid character '[' in host"),
])
def test_a_base_iri_that_rdf_readers_would_refuse_is_one_line_and_nothing_is_written(folder, tmp_path, capsys,
                                                                                     iri, why):
    err = _one_line_exit_2(capsys, ["build", str(folder), "--out", str(tmp_path / "out"), "-q", "--base-iri", iri])
    assert err.startswith("kg: error: --base-iri ") and why in err
    assert not (tmp_path / "out").exists()


def test_an_ipv6_base_iri_is_accepted(folder, tmp_path):
    assert main(["build", str(folder), "--out", str(tmp_path / "out"), "-q", "--base-iri", "http://[::1]/kg/"]) == 0
    assert "<http://[::1]/kg/id/" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


# --- kg path / kg partners on a graph.json that is not one ----------------------------------------

NODE = {"id": "bo-cong-an", "label": "Bộ Công an", "type": "Organization", "aliases": [], "docs": [],
        "mentions": 1, "evidence": []}
EVIDENCE = [{"doc": "a", "sentence": "Bộ Công an phối hợp với UNDP.", "start": 0, "end": 29, "rule": "r"}]


@pytest.mark.parametrize("content,why", [
    ([], "a JSON list, not an object with nodes and links"),
    ({}, "no list of nodes"),
    ({"nodes": [NODE], "edges": {}}, "its links are not a list"),
])
@pytest.mark.parametrize("command", [["partners", "Bộ Công an"], ["path", "Bộ Công an", "UNDP"]])
def test_a_graph_json_that_is_not_a_node_link_graph_is_one_line(tmp_path, capsys, content, why, command):
    graph = tmp_path / "graph.json"
    graph.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    err = _one_line_exit_2(capsys, command + ["--graph", str(graph)])
    assert err == f"kg: error: {graph}: not a kg graph.json: {why}"
