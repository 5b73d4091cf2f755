"""The whole chain as library calls: corpus -> extractions -> entities/relations -> graph -> files."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .corpus import Corpus, ReadOptions, Skipped, read_corpus, require_articles
from .errors import KgError, shown
from .export.atomic import check_out_dir, write_all_atomic
from .export.graphml import generate_graphml, iter_graphml, sorted_edges
from .export.html import generate_html, iter_html
from .export.json import generate_json, iter_json
from .export.rdf import DEFAULT_BASE, normalize_base, rdf_chunk_renderers
from .export.neo4j import FILES as NEO4J_FILES
from .export.neo4j import FOLDER as NEO4J_FOLDER
from .export.neo4j import render_neo4j
from .export.report import generate_report, generate_report_html, report_data
from .extract import compile_lexicon, extract_document
from .graph import assemble_graph
from .model import ArticleFacts, Document, Extraction
from .relevance import Relevance, Topic, compile_topic, judge, on_topic
from .resolve import resolve, resolve_facts
from .rules import Rules, load_rules
from .budget import DEFAULT_SECONDS

OUTPUT_FILES = ("graph.json", "graph.ttl", "graph.trig", "graph.graphml", "graph.html", "report.md", "report.html",
                *(f"{NEO4J_FOLDER}/{name}" for name in NEO4J_FILES))
RDF_FILES = ("graph.ttl", "graph.trig")      # rendered together: they share the grouped quads
# With a second core, a forked child renders these (the RDF files, which share their grouped quads, and
# the page) while the build process renders graph.json, GraphML, the Neo4j files and the two reports
# (which share their figures): 18.0 and 18.2 s of CPU on the 10,000-article graph (4 Dec 2026).
CHILD_FILES = (*RDF_FILES, "graph.html")
CACHE_DIR = ".cache"           # per-article extraction results, inside the output folder
ALL_TOPICS_TITLE = "Knowledge graph: all topics"    # default title of an --all-topics build
UNJUDGED_TITLE = "Knowledge graph"                   # default title when the rules have no topic


@dataclass
class BuildResult:
    """What `build` made. `corpus.documents` carry each article's metadata (id, file, title, date,
    outlet, url) but not its text or sentences, which were dropped where the article was extracted."""
    graph: nx.MultiDiGraph
    corpus: Corpus
    out_dir: str
    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)     # one line each (a cache or store not written)


def _progress(iterable, total: int, enabled: bool, desc: str):
    if not enabled or total <= 5:
        return iterable
    from tqdm import tqdm
    tqdm.monitor_interval = 0      # no monitor thread: exporters fork only when no other thread runs
    return tqdm(iterable, total=total, desc=desc, unit="article", file=sys.stderr, leave=False)


def extract_corpus(documents, rules: Rules | None = None, progress: bool = False, workers: int = 1,
                   cache: str | os.PathLike | None = None, dask_scheduler: str | None = None) -> list[Extraction]:
    """Run the extractors over every document (in order), in `workers` processes or on a Dask
    cluster (`dask_scheduler="tcp://host:port"`), reusing results cached in the folder `cache`."""
    rules = rules or load_rules()
    docs = list(documents)
    if workers == 1 and cache is None and not dask_scheduler:
        lex = compile_lexicon(rules)
        return [extract_document(d, lex) for d in _progress(docs, len(docs), progress, "extracting")]
    from .cache import ExtractionCache
    from .parallel import extract_documents
    store = ExtractionCache(cache) if cache is not None else None
    return extract_documents(docs, rules, workers, store, dask_scheduler, progress)


def graph_from_extractions(extractions: list[Extraction], rules: Rules | None = None, all_topics: bool = False,
                           title: str | None = None) -> nx.MultiDiGraph:
    """The graph of the on-topic articles (every article with `all_topics`); each article's
    relevance decision is kept in the graph's `documents` either way."""
    from .parallel import gc_paused
    rules = rules or load_rules()
    topic = compile_topic(rules)
    relevance = {e.doc.id: judge(e.doc, topic) for e in extractions}
    kept = extractions if all_topics else [e for e in extractions if on_topic(relevance[e.doc.id])]
    with gc_paused():        # ~10^6 new objects and no cycles: the collector would only rescan them
        entities, relations = resolve(kept, compile_lexicon(rules))
        g = assemble_graph(entities, relations, [e.doc for e in extractions])
        return mark_relevance(g, relevance, topic, all_topics, title)


def graph_from_facts(facts: list[ArticleFacts], rules: Rules | None = None, all_topics: bool = False,
                     title: str | None = None) -> nx.MultiDiGraph:
    """The graph from every article's summarized facts (see resolve.summarize): only the on-topic
    articles give nodes and links unless `all_topics`; every article is listed in `documents`."""
    from .parallel import gc_paused
    rules = rules or load_rules()
    kept = facts if all_topics else [f for f in facts if on_topic(f.relevance)]
    with gc_paused():       # mark_relevance too: a collection then would rescan the whole new graph
        entities, relations = resolve_facts(kept, compile_lexicon(rules))
        g = assemble_graph(entities, relations, [f.doc for f in facts])
        return mark_relevance(g, {f.doc.id: f.relevance for f in facts}, compile_topic(rules), all_topics, title)


def mark_relevance(g: nx.MultiDiGraph, relevance: dict[str, Relevance | None], topic: Topic | None,
                   all_topics: bool, title: str | None) -> nx.MultiDiGraph:
    """Put each article's relevance decision in `g.graph["documents"]`, the counts and the rule set's
    topic in `g.graph["relevance"]`, and the title of the pages in `g.graph["title"]`."""
    docs = g.graph.setdefault("documents", {})
    for doc_id, meta in docs.items():
        rel = relevance.get(doc_id)
        if rel is not None:
            meta["relevance"] = rel.as_dict()
    judged = [r for r in relevance.values() if r is not None]
    on = sum(1 for r in judged if r.on_topic)
    g.graph["relevance"] = {"topic": topic.name if topic else "", "all_topics": bool(all_topics),
                            "threshold": topic.threshold if topic else 0.0,
                            "on_topic": on, "off_topic": len(judged) - on}
    if title is None:
        title = UNJUDGED_TITLE if topic is None else ALL_TOPICS_TITLE if all_topics else topic.name
    g.graph["title"] = title
    return g


def build_graph(corpus: Corpus | list[Document] | str | os.PathLike, rules: Rules | None = None,
                progress: bool = False, all_topics: bool = False, title: str | None = None) -> nx.MultiDiGraph:
    """The knowledge graph of a corpus (a Corpus, a list of Documents, or a folder path): its
    on-topic articles, or all of them with `all_topics` (rules/topic.tsv decides the topic)."""
    if isinstance(corpus, (str, os.PathLike)):
        corpus = read_corpus(corpus)
    docs = corpus.documents if isinstance(corpus, Corpus) else list(corpus)
    rules = rules or load_rules()
    return graph_from_extractions(extract_corpus(docs, rules, progress), rules, all_topics, title)


def output_renderers(g: nx.MultiDiGraph, skipped: list[Skipped] = (), base_iri: str = DEFAULT_BASE) -> dict:
    """Every output file, as a callable that renders it: write_all_atomic renders and stages one
    file at a time, so a large graph never has all its files in memory at once."""
    listed: list = []
    edges: list = []

    def links() -> list:
        """list(g.edges(keys=True, data=True)), made once per rendering process (after the fork: the
        parent's files and the child's each walk the links several times; networkx's edge view takes
        0.17 s a walk at 10,000 articles, a list 0.01 s)."""
        if not listed:
            listed.append(list(g.edges(keys=True, data=True)))
        return listed[0]

    rdf = rdf_chunk_renderers(g, base_iri, links)
    neo4j: dict[str, str] = {}

    def sorted_links() -> list:
        if not edges:                                # GraphML and the Neo4j files list them in one order
            edges.append(sorted_edges(g, links()))
        return edges[0]

    def neo4j_file(name: str):
        def render() -> str:
            if not neo4j:
                neo4j.update(render_neo4j(g, sorted_links()))       # the five files come from one pass over the graph
                edges.clear()
            return neo4j.pop(name)
        return render

    skipped_files = [(shown(Path(s.path).name), s.reason) for s in skipped]     # names, not where this machine keeps them
    report: dict = {}

    def report_file(generate):
        def render() -> str:
            if "data" not in report:             # both reports lay out the same figures: computed once
                report["data"] = report_data(g, skipped_files, links())
            return generate(g, skipped_files, report["data"])
        return render

    return {
        "graph.json": lambda: iter_json(g, links()),
        "graph.ttl": rdf["graph.ttl"],
        "graph.trig": rdf["graph.trig"],
        "graph.graphml": lambda: iter_graphml(g, sorted_links()),
        "graph.html": lambda: iter_html(g, links=links()),
        "report.md": report_file(generate_report),
        "report.html": report_file(generate_report_html),
        **{f"{NEO4J_FOLDER}/{name}": neo4j_file(f"{NEO4J_FOLDER}/{name}") for name in NEO4J_FILES},
    }


def render_outputs(g: nx.MultiDiGraph, skipped: list[Skipped] = (), base_iri: str = DEFAULT_BASE) -> dict[str, str | bytes]:
    """Every output file's content, in memory (for notebooks and tests)."""
    out = {}
    for name, render in sorted(output_renderers(g, skipped, base_iri).items()):
        content = render()
        out[name] = content if isinstance(content, (str, bytes)) else "".join(content)
    return out


class EmptyGraphError(KgError):
    """The build found no entity, and an output folder already holds a graph."""


def build(corpus_dir: str | os.PathLike, out_dir: str | os.PathLike, rules_dir: str | os.PathLike | None = None,
          base_iri: str = DEFAULT_BASE, progress: bool = False, workers: int | None = None,
          cache: bool = True, dask_scheduler: str | None = None,
          read_options: ReadOptions | None = None, article_timeout: float | None = DEFAULT_SECONDS,
          allow_empty: bool = False, query_store: bool = False, all_topics: bool = False,
          title: str | None = None) -> BuildResult:
    """Read, extract, resolve and write all outputs atomically into `out_dir`.

    Articles are read and extracted in `workers` processes (default: all cores) or on a Dask
    cluster; unchanged articles come from `out_dir/.cache/` unless `cache` is False. An article
    that uses more than `article_timeout` seconds of CPU is skipped (None: no limit). A build that
    finds no entity at all does not replace an existing output unless `allow_empty`. The store
    `kg query` opens (out_dir/graph.oxigraph) is made by the first query (it takes about as long as
    the rest of a large build); with `query_store` the build makes it too. Only on-topic articles give nodes and links unless `all_topics`; the
    cached facts carry each article's relevance. Without `all_topics`, an article off topic is judged
    and not extracted (the default graph uses nothing of it but its metadata and relevance): a later
    build with `all_topics` extracts those articles, once; switching back re-extracts nothing.
    `title` names the pages."""
    from .parallel import summarize_folder
    normalize_base(base_iri)              # a bad --base-iri fails before any article is read
    rules = load_rules(rules_dir)          # rule errors surface before any article is read
    check_out_dir(out_dir)                 # --out naming a file fails before any article is read
    cache_run: list = []
    corpus, facts = summarize_folder(corpus_dir, rules, workers=workers,
                                     cache_dir=Path(out_dir) / CACHE_DIR if cache else None,
                                     dask_scheduler=dask_scheduler, progress=progress,
                                     options=read_options, article_timeout=article_timeout, cache_run=cache_run,
                                     judge_first=not all_topics)
    box = [facts]
    del facts                # the graph is made from them; they are freed before rendering
    try:
        res = _graph_and_files(corpus_dir, out_dir, corpus, box, rules, base_iri, workers, allow_empty, query_store,
                               all_topics, title)
    except BaseException as exc:
        if not getattr(exc, "output_written", False):
            for run in cache_run:        # a failed build leaves the cache as it found it
                run.abort()
            raise
        for run in cache_run:
            run.commit()
        raise
    for run in cache_run:
        run.commit()
    return res


def _graph_and_files(corpus_dir, out_dir, corpus, box: list, rules, base_iri, workers, allow_empty,
                     query_store: bool = False, all_topics: bool = False, title: str | None = None) -> BuildResult:
    from .parallel import default_workers
    require_articles(corpus_dir, corpus)   # nothing readable: keep the previous output, exit 2
    facts = box.pop()
    g = graph_from_facts(facts, rules, all_topics, title)
    if g.number_of_nodes() == 0 and not allow_empty and _has_output(out_dir):
        raise EmptyGraphError(f"{shown(corpus_dir)}: no entity found in {len(corpus.documents)} article(s); "
                              f"the graph in {shown(out_dir)} is kept (pass --allow-empty to replace it)")
    # The graph holds what the exporters need: free the facts before rendering. (Freed after the renderer's
    # fork instead, they would cost the other core no wait, but this process's freeing would copy their
    # pages from the child's: +320 MB of peak PSS at 10,000 articles for 0.2 s.)
    del facts
    files = output_renderers(g, list(corpus.skipped), base_iri)
    # With a second core, a forked child writes CHILD_FILES while this process writes the rest.
    parallel = [CHILD_FILES] if (workers is None and default_workers() > 1) or (workers or 1) > 1 else []
    write_all_atomic(files, out_dir, parallel=parallel)
    warnings = list(corpus.notes) + (_write_query_store(out_dir) if query_store else [])
    return BuildResult(g, corpus, str(out_dir), sorted(files), warnings)


def _has_output(out_dir: str | os.PathLike) -> bool:
    return os.path.exists(Path(out_dir) / "graph.json")


def _write_query_store(out_dir) -> list[str]:
    """The persistent store `kg query` opens (OUT/graph.oxigraph), made from the files just written. A
    failure costs only speed (the first query makes it, or reads the file), so it is a warning. A store
    already made from the same graph.trig and graph.ttl bytes (a rebuild that changed nothing) is kept."""
    from .sparql import STORE_DIR, store_is_current, write_store_in_child
    try:
        if store_is_current(out_dir):
            return []
        write_store_in_child(out_dir)
    except OSError as exc:
        return [f"{Path(out_dir) / STORE_DIR}: not written ({exc}); the first kg query makes it"]
    except KeyboardInterrupt:           # the outputs are already in place: only the store is missing
        return [f"{Path(out_dir) / STORE_DIR}: not written (interrupted); the first kg query makes it"]
    return []
