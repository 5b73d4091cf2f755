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
    """A build of one corpus article, its query store made (these tests are about running queries)."""
    base = tmp_path_factory.mktemp("query")
    (base / "corpus").mkdir()
    shutil.copy(ARTICLE, base / "corpus" / f"{ARTICLE_ID}.txt")
    kg.build(base / "corpus", base / "out", rules_dir=shutil.copytree(ROOT / "rules", base / "rules"), cache=False,
             query_store=True)
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



# --- the network guard decides on the parsed query: a real listener on loopback is never contacted ----------

class Listener:
    """A TCP server on 127.0.0.1 that counts the connections it gets (and answers none)."""

    def __init__(self):
        import socket
        import threading
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.contacts = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        import socket
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            self.contacts += 1
            conn.close()

    def close(self):
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def service_queries(port: int) -> list[str]:
    url = f"http://127.0.0.1:{port}/sparql"
    return [
        # issue 14: '\#' is legal inside a prefixed name; a text scanner took it for a comment
        "PREFIX ex: <http://e/>\nSELECT ?x WHERE { { ?s ex:a\\# ?o } UNION { SERVICE <%s> { ?x ?y ?z } } }" % url,
        "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <%s> { ?s ?q ?r } } }" % url,
        "SELECT * WHERE { { SELECT ?x WHERE { SERVICE SILENT <%s> { ?x ?y ?z } } } }" % url,
        "PREFIX remote: <http://127.0.0.1:%d/> SELECT * WHERE { OPTIONAL { service remote:sparql { ?a ?b ?c } } }" % port,
        "SELECT * WHERE { ?s ?p \"#\" . MINUS { \\u0053ERVICE <%s> { ?s ?p ?o } } }" % url,
        "SELECT * WHERE { ?s ?p '''#\n''' . SERVICE <%s> { ?s ?p ?o } }" % url,
        "ASK { BIND(<%s> AS ?u) SERVICE ?u { ?a ?b ?c } }" % url,
    ]


@pytest.mark.parametrize("i", range(7))
def test_service_in_any_disguise_is_refused_and_the_listener_is_never_contacted(out, listener, capsys, i):
    text = service_queries(listener.port)[i]
    code = main(["query", text, "--graph", str(out), "--timeout", "20"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert "refused" in err or "cannot check" in err
    assert listener.contacts == 0


def test_the_loopback_listener_is_reachable_so_the_refusal_is_what_protects_it(out, listener):
    """Control: Oxigraph itself, asked directly, does POST to the listener (so the test above can fail)."""
    import pyoxigraph as ox
    store = ox.Store()
    with pytest.raises(OSError):
        list(store.query(service_queries(listener.port)[0]))
    assert listener.contacts >= 1


def _network_isolation_works() -> bool:
    import subprocess
    import sys
    code = "from kg.sparql_worker import isolate_network; raise SystemExit(0 if isolate_network() else 1)"
    return subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_the_query_process_cannot_reach_the_network_even_past_the_parser(out, listener):
    """Second wall: a SERVICE query handed straight to the query process (as if a parser had missed it)
    reaches nothing, where the system allows a new network namespace (Linux)."""
    from kg.sparql import QueryJob, stream_query
    if not _network_isolation_works():
        pytest.skip("this system refuses a new network namespace (unprivileged user namespaces disabled)")
    job = QueryJob(service_queries(listener.port)[0], rdf=str(out / "graph.trig"))
    with pytest.raises(QueryError, match="query failed"):
        "".join(stream_query(job, timeout=20))
    assert listener.contacts == 0


# --- runaway queries are bounded: --timeout, Ctrl-C, streamed rows, a memory cap --------------------------------

CARTESIAN_COUNT = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CARTESIAN_ROWS = "SELECT * { ?a ?b ?c . ?d ?e ?f }"


def _kg(*args):
    import subprocess
    import sys
    return subprocess.Popen([sys.executable, "-m", "kg", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_a_four_way_cartesian_count_stops_at_the_timeout_in_one_line(out, capsys):
    import time
    start = time.monotonic()
    code = main(["query", CARTESIAN_COUNT, "--graph", str(out), "--timeout", "2"])
    err = capsys.readouterr().err
    assert code == 2 and err.strip() == ("kg: error: query: stopped after 2 s (--timeout); narrow the query or add "
                                         "LIMIT, or give a longer --timeout")
    assert time.monotonic() - start < 30


def test_ctrl_c_stops_a_runaway_query_and_its_process(out):
    import signal
    import time
    psutil = pytest.importorskip("psutil")
    proc = _kg("query", CARTESIAN_COUNT, "--graph", str(out), "--timeout", "0")
    try:
        deadline = time.monotonic() + 20
        while not psutil.Process(proc.pid).children(recursive=True) and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = psutil.Process(proc.pid).children(recursive=True)
        assert workers, "the query process did not start"
        time.sleep(1.0)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 130 and err.decode().strip() == "kg: query interrupted"
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive


def test_rows_of_a_huge_cartesian_product_stream_out_with_bounded_memory(out):
    import time
    psutil = pytest.importorskip("psutil")
    proc = _kg("query", CARTESIAN_ROWS, "--graph", str(out), "--format", "csv", "--timeout", "60")
    try:
        start = time.monotonic()
        lines = [proc.stdout.readline() for _ in range(20000)]
        first_rows_after = time.monotonic() - start
        rss = sum(p.memory_info().rss for p in psutil.Process(proc.pid).children(recursive=True))
    finally:
        proc.kill()
        proc.communicate()
    assert lines[0] == b"a,b,c,d,e,f\r\n" and all(line.count(b",") >= 5 for line in lines)
    assert first_rows_after < 30                         # printed as they come, not after millions of rows
    assert rss < 400 * 1024 * 1024


def test_a_query_over_the_memory_cap_stops_in_one_line(out, capsys):
    code = main(["query", "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i", "--graph", str(out), "--max-memory", "300",
                 "--timeout", "60"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() in ("kg: error: query: the query stopped: out of memory (limit 300 MB; --max-memory gives more)",
                           "kg: error: query: stopped: out of memory (limit 300 MB, --max-memory)")


def test_a_query_process_never_outlives_its_command_killed_by_sigterm(out):
    import signal
    import time
    psutil = pytest.importorskip("psutil")
    proc = _kg("query", CARTESIAN_COUNT, "--graph", str(out), "--timeout", "0")
    try:
        deadline = time.monotonic() + 20
        while not psutil.Process(proc.pid).children(recursive=True) and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = psutil.Process(proc.pid).children(recursive=True)
        assert workers, "the query process did not start"
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=20)
    finally:
        proc.kill()
    gone, alive = psutil.wait_procs(workers, timeout=15)
    assert not alive
