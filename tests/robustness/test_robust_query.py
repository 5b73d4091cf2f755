"""`kg query` is safe on hostile queries: nothing can change the files or reach the network, and
whatever the query text, the answer is a result or the project's own one-line QueryError."""
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robust_helpers import ARTICLE, ARTICLE_ID, ROOT

import kg
from kg.cli import main
from kg.errors import QueryError

query = pytest.importorskip("kg.query")


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """A build of one corpus article."""
    base = tmp_path_factory.mktemp("query")
    (base / "corpus").mkdir()
    shutil.copy(ARTICLE, base / "corpus" / f"{ARTICLE_ID}.txt")
    kg.build(base / "corpus", base / "out", rules_dir=shutil.copytree(ROOT / "rules", base / "rules"), cache=False)
    return base / "out"


@pytest.fixture(scope="module")
def store(out):
    return query.load_store(out)


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


HOSTILE = [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX x: <urn:x>\n# a comment SELECT\n  iNsErT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "DELETE WHERE { ?s ?p ?o }",
    "CLEAR ALL",
    "DROP DEFAULT",
    "LOAD <file:///etc/passwd>",
    "LOAD <http://example.org/data.ttl> INTO GRAPH <urn:g>",
    "COPY DEFAULT TO <urn:g>",
    "CREATE GRAPH <urn:g>",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "SELECT * WHERE { SERVICE <http://dbpedia.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <file:///etc/hosts> WHERE { GRAPH ?g { ?s ?p ?o } }",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_query_is_refused_in_one_line_and_changes_nothing(out, capsys, text):
    before = _snapshot(out)
    code = main(["query", text, "--graph", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "refused" in err
    assert _snapshot(out) == before


FRAGMENTS = ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "?s", "?p", "?o", "*", ".", ";",
             "FILTER", "(", ")", "REGEX(?o, \"(a+)+$\")", "\"Bộ Công an\"@vi", "<https://kg.example.org/id/x>",
             "PREFIX", "rdfs:", "rdfs:label", "LIMIT 3", "OPTIONAL", "UNION", "GRAPH ?g", "BIND(", "AS ?x",
             "STR(", "'''", "#", "\n", "\\u0049NSERT", "SERVICE", "FROM", "INSERT", "<file:///etc/passwd>"]
queries = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=14).map(" ".join)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=queries)
def test_random_query_text_gives_a_result_or_a_query_error(store, text):
    try:
        query.sparql(store, text)
    except QueryError as exc:
        assert "\n" not in str(exc)

