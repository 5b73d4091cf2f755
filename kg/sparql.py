"""Read-only, offline, bounded SPARQL over a build's RDF export.

- The guard decides on the parsed query, not on its text: the query is parsed (rdflib's SPARQL 1.1
  parser) and its parse tree and algebra are searched for SERVICE, and for FROM / FROM NAMED of a graph
  that is not in the export; an update is refused; a query the parser cannot read is refused (it cannot
  be checked). Oxigraph then runs exactly the text that was checked (after the codepoint escapes that
  both parsers must decode, \\u0053ERVICE and the like, are decoded once here).
- A build keeps a persistent Oxigraph store next to its files (`graph.oxigraph/`, written by `kg build`
  and re-made when graph.trig changes): its default graph is every article merged (each triple once),
  and each article's named graph is kept, so a query opens it in a fraction of a second.
- `kg query` runs each query in a child process (kg/sparql_worker.py) that has no network where the
  system allows it (a new network namespace on Linux), a memory limit, and is stopped by --timeout or
  Ctrl-C; rows are streamed to the terminal as they come (nothing collects them first).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .errors import QueryError
from .export.vocab import PREFIXES

DEFAULT_OUTPUT = "output"
RDF_FILES = ("graph.trig", "graph.ttl")
STORE_DIR = "graph.oxigraph"            # the persistent store, inside the build folder
STAMP = "kg-store.json"                 # what the store was made from, inside STORE_DIR
STORE_FORMAT = 1
DEFAULT_TIMEOUT = 120.0                 # seconds; 0 = no limit
DEFAULT_MAX_MEMORY = 4096               # MB of address space for the query process; 0 = no limit


@dataclass(frozen=True)
class SparqlResult:
    """A query's answer: SELECT rows (pyoxigraph terms, None when unbound), an ASK boolean, or triples."""
    kind: str                                 # "select" | "ask" | "graph"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple, ...] = ()
    boolean: bool | None = None
    triples: tuple = ()


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] or type(exc).__name__


# --- the guard ------------------------------------------------------------------------------------------

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape(match: re.Match) -> str:
    code = int(match.group(1) or match.group(2), 16)
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group()


def decode_escapes(query: str) -> str:
    """The query with SPARQL codepoint escapes (\\u0053, \\U00000053) decoded, as the SPARQL grammar says
    they are before parsing. Both parsers then read the same characters."""
    return _CODEPOINT.sub(_unescape, query)


def _named(node) -> str:
    return str(getattr(node, "name", "") or "")


def _walk(node, seen: set[int] | None = None):
    """Every CompValue (rdflib's parse-tree and algebra node) under `node`, however deeply nested:
    inside FILTER EXISTS, sub-queries, OPTIONAL, MINUS, property paths, expressions."""
    from pyparsing import ParseResults
    seen = set() if seen is None else seen
    stack = [node]
    while stack:
        x = stack.pop()
        if id(x) in seen:
            continue
        seen.add(id(x))
        if isinstance(x, dict):                      # CompValue is an OrderedDict
            if _named(x):
                yield x
            stack.extend(x.values())
        elif isinstance(x, (list, tuple, set, frozenset, ParseResults)):
            stack.extend(x)


def _iri(value) -> str:
    return str(value)


def check_read_only(query: str, graphs=frozenset(), source: str = "query", prefixes: dict | None = None) -> str:
    """Refuse what could change data or reach the network, deciding on the parsed query: SPARQL Update,
    SERVICE anywhere in the query, FROM / FROM NAMED of any graph that is not one of `graphs` (the export's
    named graphs, or a function giving them, called only for a query that names graphs), and any query
    kg's parser cannot read. Returns the text to run (escapes decoded)."""
    from rdflib.plugins.sparql import parser as sparql_parser
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.namespace import NamespaceManager  # noqa: F401  (rdflib's lazy imports, loaded once here)
    text = decode_escapes(query)
    try:
        parsed = sparql_parser.parseQuery(text)
    except Exception as exc:                       # pyparsing's ParseException and friends
        if _is_update(text):
            raise QueryError(f"{source}: SPARQL Update is refused: kg query is read-only") from None
        raise QueryError(f"{source}: SPARQL syntax error (or a form kg cannot check): {_one_line(exc)}") from None
    _refuse_service(parsed, source)
    try:
        algebra = translateQuery(parsed, initNs=prefixes or PREFIXES)
    except Exception as exc:                       # an undeclared prefix and the like
        raise QueryError(f"{source}: SPARQL error: {_one_line(exc)}") from None
    _refuse_service(algebra.algebra, source)
    clauses = [dict(c) for c in (dict(algebra.algebra).get("datasetClause") or [])]
    if clauses and callable(graphs):
        graphs = graphs()
    for clause in clauses:
        for key in ("default", "named"):
            target = clause.get(key)
            if target is not None and _iri(target) not in graphs:
                word = "FROM NAMED" if key == "named" else "FROM"
                raise QueryError(f"{source}: {word} {_iri(target)} is refused: only the graphs of the export "
                                 "can be queried, never remote data")
    return text


def _refuse_service(tree, source: str) -> None:
    for node in _walk(tree):
        if _named(node) in ("ServiceGraphPattern", "Service"):
            raise QueryError(f"{source}: SERVICE is refused: kg query never reaches the network")


def _is_update(text: str) -> bool:
    from rdflib.plugins.sparql import parser as sparql_parser
    try:
        sparql_parser.parseUpdate(text)
    except Exception:
        return False
    return True


# --- where the RDF is -----------------------------------------------------------------------------------

def rdf_file(path: str | Path = DEFAULT_OUTPUT) -> Path:
    """The RDF file to query: `path` itself, or graph.trig (else graph.ttl) inside the folder `path`."""
    p = Path(path)
    if p.is_dir():
        for name in RDF_FILES:
            if (p / name).is_file():
                return p / name
        raise QueryError(f"{p}/graph.trig: not found; run `kg build` first (or pass --graph)")
    if not p.is_file():
        raise QueryError(f"{p}: not found; run `kg build` first (or pass --graph)")
    if _rdf_format(p) is None:
        raise QueryError(f"{p}: not an RDF file kg can query (.trig, .ttl, .nq or .nt); pass the build folder")
    return p


def _rdf_format(f: Path):
    import pyoxigraph as ox
    return {".trig": ox.RdfFormat.TRIG, ".ttl": ox.RdfFormat.TURTLE, ".nq": ox.RdfFormat.N_QUADS,
            ".nt": ox.RdfFormat.N_TRIPLES}.get(f.suffix.lower())


_PREFIX_LINE = re.compile(r"@prefix\s+([A-Za-z][\w.-]*)?:\s*<([^<>\"{}|^`\\\x00-\x20]*)>\s*\.\s*$")


def file_prefixes(f: Path, limit: int = 64) -> dict[str, str]:
    """The @prefix lines at the top of an export (id:, article:, sentence:, evidence: follow --base-iri), so the
    build's own names work in queries as printed in the file: `id:cuc-doi-ngoai`."""
    out: dict[str, str] = {}
    try:
        with open(f, encoding="utf-8", errors="replace") as fh:
            for _, line in zip(range(limit), fh):
                m = _PREFIX_LINE.match(line.strip())
                if not m:
                    break
                if m.group(1):
                    out[m.group(1)] = m.group(2)
    except OSError:
        pass
    return out


def load_store(path: str | Path = DEFAULT_OUTPUT):
    """An in-memory Oxigraph store of the export. Its default graph is the merge of every article's
    graph (each triple once), and each article's named graph stays available to GRAPH queries."""
    import pyoxigraph as ox
    f = rdf_file(path)
    store = ox.Store()
    try:
        store.load(path=str(f), format=_rdf_format(f))
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{f}: cannot be loaded: {_one_line(exc)}") from None
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")    # our own merge, in Rust
    return store


# --- the persistent store -------------------------------------------------------------------------------

def _file_sig(f: Path) -> dict:
    st = f.stat()
    return {"name": f.name, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _sha256(f: Path) -> str:
    h = hashlib.sha256()
    with open(f, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _sources(folder: Path) -> list[Path]:
    return [folder / n for n in RDF_FILES if (folder / n).is_file()]


def _wanted_stamp(folder: Path, hashes: bool) -> dict:
    import pyoxigraph as ox
    files = []
    for f in _sources(folder):
        sig = _file_sig(f)
        if hashes:
            sig["sha256"] = _sha256(f)
        files.append(sig)
    return {"format": STORE_FORMAT, "oxigraph": getattr(ox, "__version__", ""), "files": files}


def _read_stamp(store: Path) -> dict | None:
    try:
        return json.loads((store / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def store_is_current(folder: str | Path) -> bool:
    """Whether folder/graph.oxigraph was made from the folder's graph.trig and graph.ttl as they are now:
    same size and time (cheap), else the same SHA-256 (a copied or touched build)."""
    folder = Path(folder)
    stamp = _read_stamp(folder / STORE_DIR)
    if not stamp or not _sources(folder):
        return False
    quick = _wanted_stamp(folder, hashes=False)
    strip = lambda s: {**s, "files": [{k: v for k, v in f.items() if k != "sha256"} for f in s.get("files", [])]}  # noqa: E731
    if strip(stamp) == quick:
        return True
    if stamp.get("format") != quick["format"] or stamp.get("oxigraph") != quick["oxigraph"]:
        return False
    names = [f.get("name") for f in stamp.get("files", [])]
    if names != [f["name"] for f in quick["files"]]:
        return False
    return [f.get("sha256") for f in stamp["files"]] == [_sha256(f) for f in _sources(folder)]


def write_store(folder: str | Path) -> Path:
    """(Re)make folder/graph.oxigraph from the folder's graph.trig (named graphs) and graph.ttl (the
    merged default graph): built in a temporary folder beside it, then swapped in, so a reader never
    opens a half-made store. Raises OSError (or QueryError for bad RDF) when it cannot be made."""
    import pyoxigraph as ox
    folder = Path(folder)
    sources = _sources(folder)
    if not sources:
        raise QueryError(f"{folder}/graph.trig: not found; run `kg build` first (or pass --graph)")
    stamp = _wanted_stamp(folder, hashes=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{STORE_DIR}.", suffix=".tmp", dir=folder))
    try:
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o777 & ~mask)           # mkdtemp makes 0700 folders; outputs are for sharing
        store = ox.Store(str(tmp / "db"))
        for f in sources:                    # graph.trig first: its default graph is a part of graph.ttl
            try:
                store.bulk_load(path=str(f), format=_rdf_format(f))
            except (SyntaxError, ValueError) as exc:
                raise QueryError(f"{f}: cannot be loaded: {_one_line(exc)}") from None
        if len(sources) == 1 and sources[0].suffix == ".trig":
            store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        store.flush()
        del store
        (tmp / STAMP).write_text(json.dumps(stamp, sort_keys=True, indent=1) + "\n", encoding="utf-8")
        _swap_in(tmp, folder / STORE_DIR)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return folder / STORE_DIR


def write_store_in_child(folder: str | Path) -> None:
    """write_store(folder) in a child process, so Ctrl-C stops it at once (a bulk load in Oxigraph's
    Rust code would not see the signal until it ends); what a stopped child made is removed."""
    folder = Path(folder)
    proc = subprocess.Popen([sys.executable, "-c", "import sys; from kg.sparql import write_store; "
                             "write_store(sys.argv[1])", str(folder)], stderr=subprocess.PIPE)
    try:
        _, err = proc.communicate()
    except BaseException:
        proc.kill()
        proc.wait()
        for tmp in folder.glob(f".{STORE_DIR}.*.tmp"):
            shutil.rmtree(tmp, ignore_errors=True)
        raise
    if proc.returncode != 0:
        last = (err or b"").decode("utf-8", "replace").strip().splitlines()
        raise OSError(last[-1] if last else f"exit {proc.returncode}")


def _swap_in(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
        os.rmdir(old)
        os.replace(target, old)
    try:
        os.replace(new, target)
    except OSError:
        if old is not None:
            os.replace(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    for stale in target.parent.glob(f".{target.name}.*"):     # left by killed runs
        if stale.is_dir() and time.time() - stale.stat().st_mtime > 3600:
            shutil.rmtree(stale, ignore_errors=True)


def store_database(folder: Path) -> Path:
    return folder / STORE_DIR / "db"


# --- running a query ------------------------------------------------------------------------------------

def sparql(store, query: str, source: str = "query") -> SparqlResult:
    """Run a read-only SPARQL query on an open `store` (see check_read_only), in this process and without
    a time limit (for notebooks and tests; `kg query` uses stream_query). The project's prefixes are
    declared (kg:, org:, schema: …); syntax errors are one line."""
    import pyoxigraph as ox
    graphs = frozenset(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    text = check_read_only(query, graphs, source)
    try:
        res = store.query(text, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryError(f"{source}: SPARQL syntax error: {_one_line(exc)}") from None
    except OSError as exc:
        raise QueryError(f"{source}: query failed: {_one_line(exc)}") from None
    if isinstance(res, ox.QueryBoolean):
        return SparqlResult("ask", boolean=bool(res))
    if isinstance(res, ox.QuerySolutions):
        variables = tuple(v.value for v in res.variables)
        rows = tuple(tuple(sol[v] for v in variables) for sol in res)
        return SparqlResult("select", variables, rows)
    return SparqlResult("graph", triples=tuple(res))


def run_query(query: str, path: str | Path = DEFAULT_OUTPUT, source: str = "query") -> SparqlResult:
    """Load the export at `path` (a build folder or an RDF file) and run one read-only query on it."""
    return sparql(load_store(path), query, source)


@dataclass(frozen=True)
class QueryJob:
    """What the query process is asked to do."""
    query: str
    format: str = "table"
    database: str = ""          # a persistent store to open read-only, or
    rdf: str = ""               # an RDF file to load in memory
    width: int = 0              # terminal width for tables (0: no wrapping)
    max_memory_mb: int = DEFAULT_MAX_MEMORY
    prefixes: dict = field(default_factory=lambda: dict(PREFIXES))

    def to_json(self) -> bytes:
        return json.dumps(self.__dict__).encode("utf-8")


def named_graphs_of(path: Path) -> frozenset[str]:
    """The named graphs of an export (article IRIs), to allow FROM / FROM NAMED of them: read from the
    store where there is one, else from the TriG file's graph names."""
    import pyoxigraph as ox
    if path.is_dir() and store_is_current(path):
        try:
            store = ox.Store.read_only(str(store_database(path)))
            return frozenset(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
        except OSError:
            pass
    f = rdf_file(path)
    if f.suffix.lower() not in (".trig", ".nq"):
        return frozenset()
    names = set()
    try:
        for q in ox.parse(path=str(f), format=_rdf_format(f)):
            if isinstance(q.graph_name, ox.NamedNode):
                names.add(q.graph_name.value)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{f}: cannot be loaded: {_one_line(exc)}") from None
    return frozenset(names)


def prepare_job(query: str, path: str | Path = DEFAULT_OUTPUT, fmt: str = "table", source: str = "query",
                width: int = 0, max_memory_mb: int = DEFAULT_MAX_MEMORY, index=None) -> QueryJob:
    """Check the query and decide where it runs: the build's persistent store (made or re-made first when
    graph.trig is newer, through `index(folder)`), or, for an RDF file or a folder kg cannot write, the
    file loaded in memory."""
    p = Path(path)
    rdf = rdf_file(p)                                  # one-line errors for a missing build or a non-RDF file
    prefixes = {**PREFIXES, **file_prefixes(rdf)}
    text = check_read_only(query, lambda: named_graphs_of(p), source, prefixes)   # refused before anything is made
    database = ""
    if p.is_dir():
        if not store_is_current(p) and index is not None:
            try:
                index(p)
            except OSError:
                pass                                   # a read-only build folder: query the file in memory
        if store_is_current(p):
            database = str(store_database(p))
    return QueryJob(text, fmt, database, "" if database else str(rdf), width, max_memory_mb, prefixes)


# Frames from the query process: one kind byte, a 4-byte big-endian length, the payload.
FRAME_DATA, FRAME_ERROR, FRAME_DONE = b"D", b"E", b"F"


def _frame(kind: bytes, payload: bytes) -> bytes:
    return kind + struct.pack(">I", len(payload)) + payload


class QueryStopped(QueryError):
    """The query process was stopped (time limit, memory limit) or failed; the message says which."""


def stream_query(job: QueryJob, timeout: float = DEFAULT_TIMEOUT, source: str = "query"):
    """Run `job` in a child process and yield its output (text chunks) as it comes. Raises QueryStopped
    when --timeout passes or the process dies (memory), QueryError for the query's own errors; a
    KeyboardInterrupt (Ctrl-C) or closing the generator stops the child at once."""
    cmd = [sys.executable, "-m", "kg.sparql_worker"]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    deadline = time.monotonic() + timeout if timeout and timeout > 0 else None
    buf = b""
    done = False
    try:
        proc.stdin.write(job.to_json() + b"\n")
        proc.stdin.flush()                              # stdin stays open: the child exits when it closes
        fd = proc.stdout.fileno()
        while not done:
            wait = None if deadline is None else deadline - time.monotonic()
            if wait is not None and wait <= 0:
                raise QueryStopped(f"{source}: stopped after {timeout:g} s (--timeout); "
                                   "narrow the query or add LIMIT, or give a longer --timeout")
            ready, _, _ = select.select([fd], [], [], min(wait, 0.5) if wait is not None else 0.5)
            if not ready:
                continue
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            buf += chunk
            while len(buf) >= 5:
                kind, size = buf[:1], struct.unpack(">I", buf[1:5])[0]
                if len(buf) < 5 + size:
                    break
                payload, buf = buf[5:5 + size], buf[5 + size:]
                if kind == FRAME_DATA:
                    yield payload.decode("utf-8", "replace")
                elif kind == FRAME_ERROR:
                    raise QueryError(f"{source}: {payload.decode('utf-8', 'replace')}")
                elif kind == FRAME_DONE:
                    done = True
        if not done:
            proc.wait(timeout=5)
            err = proc.stderr.read().decode("utf-8", "replace").strip().splitlines()
            why = _death(proc.returncode, job)
            detail = f": {err[-1][:200]}" if err and proc.returncode and proc.returncode > 0 else ""
            raise QueryStopped(f"{source}: the query stopped: {why}{detail}")
    finally:
        _stop(proc)


def _death(code: int | None, job: QueryJob) -> str:
    """Why the query process died, in words: an allocation refused under the memory cap aborts it."""
    memory = f"out of memory (limit {job.max_memory_mb} MB; --max-memory gives more)" if job.max_memory_mb else ""
    if code is not None and code < 0:
        import signal
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return memory or name if name in ("SIGABRT", "SIGSEGV", "SIGKILL", "SIGBUS") else name
    return memory or f"exit {code}"


def _stop(proc: subprocess.Popen) -> None:
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        try:
            stream.close()
        except OSError:
            pass
    if proc.poll() is None:
        proc.kill()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
