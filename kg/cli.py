"""Command-line shell over the library: `kg build`, `kg eval` (and the query commands).

Exit codes: 0 done; 1 built, but some articles were skipped; 2 bad input, nothing written.
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import math
import signal
import sys
import threading
from collections import Counter

from .errors import KgError, shown

EXIT_OK, EXIT_PARTIAL, EXIT_INPUT = 0, 1, 2


def _cmd_build(args: argparse.Namespace) -> int:
    from .corpus import ReadOptions
    from .pipeline import build
    # No cyclic collection in this process for the whole build (`main` turns it back on if it does not
    # end the process): its millions of objects are acyclic and live until the end, and each time the
    # collector came back on between two stages, its next collection rescanned everything made since
    # (0.4 s after the pool, 0.4 s after the graph, at 10,000 articles, with the other core idle). The
    # workers run with their own collector (kg.parallel._init_worker).
    gc.disable()
    res = build(args.corpus, args.out, rules_dir=args.rules, base_iri=args.base_iri,
                progress=not args.quiet and sys.stderr.isatty(), workers=args.workers,
                cache=not args.no_cache, dask_scheduler=args.dask_scheduler,
                read_options=ReadOptions(encoding=args.encoding, max_bytes=int(args.max_size * 1024 * 1024)),
                article_timeout=args.article_timeout or None, allow_empty=args.allow_empty,
                query_store=args.query_store, all_topics=args.all_topics, title=args.title)
    g = res.graph
    for note in res.warnings:
        print(f"kg: warning: {shown(note, 2000)}", file=sys.stderr)
    if g.number_of_nodes() == 0:
        print(f"kg: warning: no entity found in {len(res.corpus.documents)} article(s); the graph is empty",
              file=sys.stderr)
    if not args.quiet:
        types = Counter(d.get("type") for _, d in g.nodes(data=True))
        rels = Counter(d.get("relation") for _, _, d in g.edges(data=True))     # 0.2 s at 10,000 articles
        print(f"Built graph from {len(res.corpus.documents)} article(s) in {shown(args.corpus)} -> {shown(args.out)}/")
        print("  " + _topic_summary(g.graph.get("relevance", {})))
        print(f"  {g.number_of_nodes()} entities: " + ", ".join(f"{t} {n}" for t, n in sorted(types.items())))
        print(f"  {g.number_of_edges()} links: " + ", ".join(f"{r} {n}" for r, n in sorted(rels.items())))
        print("  files: " + ", ".join(res.files))
    for s in res.corpus.skipped:
        print(f"kg: skipped {shown(s.path)}: {shown(s.reason, 2000)}", file=sys.stderr)
    return EXIT_PARTIAL if res.corpus.skipped else EXIT_OK


def _topic_summary(rel: dict) -> str:
    on, off = rel.get("on_topic", 0), rel.get("off_topic", 0)
    if not rel.get("topic"):
        return "relevance not judged (the rules have no topic.tsv): every article kept"
    if rel.get("all_topics"):
        return f"{on} on topic, {off} off topic; all kept (--all-topics)"
    if not off:
        return f"{on} on topic, 0 off topic"
    return f"{on} on topic, {off} off topic (they give no nodes or links; listed in report.md)"


def _cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_scores
    result = evaluate(args.graph, args.gold)
    print(format_scores(result, show_errors=not args.brief))
    return EXIT_OK


def _positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of workers >= 1, got {text!r}")
    return n


MAX_SIZE_MB = 1024 * 1024          # 1 TB: beyond it a size limit means nothing


def _positive_float(text: str) -> float:
    try:
        x = float(text)
    except ValueError:
        x = 0.0
    if not (x > 0 and math.isfinite(x)):
        raise argparse.ArgumentTypeError(f"expected a size in MB > 0, got {text!r}")
    return min(x, MAX_SIZE_MB)


def _seconds(text: str) -> float:
    try:
        x = float(text)
    except ValueError:
        x = -1.0
    if not (x >= 0 and math.isfinite(x)):
        raise argparse.ArgumentTypeError(f"expected a number of seconds >= 0 (0: no limit), got {text!r}")
    return x


def make_parser() -> argparse.ArgumentParser:
    from .budget import DEFAULT_SECONDS
    from .export.rdf import DEFAULT_BASE
    p = argparse.ArgumentParser(prog="kg", description="Build a knowledge graph of anti-trafficking "
                                "cooperation from Vietnamese news articles, and query it.")
    p.add_argument("--version", action="version", version="kg 0.1.0")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    b = sub.add_parser("build", help="build the graph of a corpus folder into an output folder",
                       description="Read every .txt article in CORPUS (plus CORPUS/articles.tsv metadata), "
                       "extract entities and links with the rules, and write graph.json, graph.ttl, graph.trig, "
                       "graph.graphml, graph.html and report.md into --out, atomically.")
    b.add_argument("corpus", help="folder of articles (.txt, UTF-8), optionally with articles.tsv")
    b.add_argument("--out", default="output", help="output folder (default: output)")
    b.add_argument("--rules", default=None, help="rules folder (default: the project's rules/)")
    b.add_argument("--base-iri", default=DEFAULT_BASE, help=f"base IRI for RDF resources (default: {DEFAULT_BASE})")
    b.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    b.add_argument("--encoding", default=None, metavar="NAME",
                   help="read every article in this encoding (e.g. cp1258, utf-16) instead of detecting it; "
                   "detection knows BOMs, UTF-8, UTF-16 and Windows-1258 and skips what it cannot read")
    b.add_argument("--max-size", type=_positive_float, default=20.0, metavar="MB",
                   help="skip (and report) article files larger than this (default: 20 MB)")
    b.add_argument("--workers", "-j", type=_positive_int, default=None, metavar="N",
                   help="processes that read and extract articles (default: all cores); "
                   "the output is the same for any N")
    b.add_argument("--no-cache", action="store_true",
                   help="neither use nor update the per-article cache in OUT/.cache/")
    b.add_argument("--article-timeout", type=_seconds, default=DEFAULT_SECONDS, metavar="SECONDS",
                   help=f"skip (and report) an article whose reading and extraction use more than this much "
                   f"processor time (default: {DEFAULT_SECONDS:g}; 0: no limit)")
    b.add_argument("--allow-empty", action="store_true",
                   help="write the output even when no entity was found (by default an empty graph "
                   "never replaces an existing one)")
    store = b.add_mutually_exclusive_group()
    store.add_argument("--query-store", action="store_true",
                       help="also make OUT/graph.oxigraph, the store kg query opens (by default the first "
                       "kg query makes it, once per build: on a large corpus that takes about as long as "
                       "the rest of the build)")
    store.add_argument("--no-query-store", action="store_true",
                       help="leave the store to the first kg query (the default; kept for older scripts)")
    b.add_argument("--dask-scheduler", default=None, metavar="tcp://HOST:PORT",
                   help="extract on an existing Dask cluster (pip install 'kg[dask]'); "
                   "articles are read here and sent to the cluster")
    b.add_argument("--all-topics", action="store_true",
                   help="keep every article in the graph, not only those on topic (rules/topic.tsv); "
                   "the relevance decisions are still recorded and reported")
    b.add_argument("--title", default=None, metavar="TEXT",
                   help="title of graph.html and report.md (default: the topic's name from "
                   "rules/topic_settings.tsv)")
    b.set_defaults(func=_cmd_build)
    e = sub.add_parser("eval", help="score a built graph against gold annotations",
                       description="Precision, recall and F1 per type and relation (micro-averaged), "
                       "with misses and spurious finds; the same matching as shared/eval/score.py.")
    e.add_argument("gold", nargs="+", help="gold folder or files (*.json)")
    e.add_argument("--graph", default="output/graph.json", help="graph to score (default: output/graph.json)")
    e.add_argument("--brief", action="store_true", help="scores only, no lists of misses and spurious finds")
    e.set_defaults(func=_cmd_eval)
    for register in _extra_commands():
        register(sub)
    return p


def _extra_commands():
    """Sub-commands that live in their own modules (query, path, partners …)."""
    found = []
    for mod in ("kg.query_cli",):
        try:
            module = __import__(mod, fromlist=["register"])
        except ImportError:
            continue
        found.append(module.register)
    return found


def _terminate(signum, frame):
    raise KeyboardInterrupt      # SIGTERM (a service manager, `kill`, a closing session) is Ctrl-C


@contextlib.contextmanager
def _sigterm_as_ctrl_c():
    """SIGTERM stops the command the way Ctrl-C does (the previous output is kept)."""
    if not hasattr(signal, "SIGTERM") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_INPUT
    collector = gc.isenabled()           # `kg build` turns it off; back on here unless the process ends
    try:
        with _sigterm_as_ctrl_c():
            code = args.func(args)
        if argv is None and args.func is _cmd_build:
            _exit_now(code)
        return code
    except KgError as exc:
        print(f"kg: error: {shown(exc, 2000)}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt as exc:
        if getattr(exc, "output_written", False):
            print("kg: interrupted after the new output was written", file=sys.stderr)
        else:
            print("kg: interrupted; previous output left intact", file=sys.stderr)
        return 130
    finally:
        if collector:
            gc.enable()


def _exit_now(code: int) -> None:
    """End the `kg build` command at once: every file is written, fsynced and closed, and the graph it
    leaves in memory (millions of objects for a large corpus) would otherwise be freed one by one and
    scanned by the collector at exit, seconds that change nothing on disk."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    import os
    os._exit(code)


if __name__ == "__main__":
    raise SystemExit(main())
