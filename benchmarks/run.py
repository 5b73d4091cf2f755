"""Benchmark: full, incremental and RDF builds at scale, against the naive underthesea-`ner` pipeline.

    python benchmarks/run.py [--sizes 1000,10000] [--json FILE] [--workers N] [--repeat 1]

For each size it writes a deterministic corpus (benchmarks/make_corpus.py), runs `kg build` in a
child process from a cold cache, and reports wall time, articles/s, MB/s, the peak memory of the
whole process tree (the build and its workers) and the time of each stage. On the largest size it
then edits one article and rebuilds (the incremental path). The naive baseline (read, split
sentences, underthesea `ner` on every sentence, one process) is timed on a sample of the same
articles and compared as throughput. Last, a synthetic graph of >= 1 M triples is written as
Turtle and TriG with kg.export.rdf, in a child process of its own (time and peak memory).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

# Memory is judged on PSS: the summed RSS of a process tree counts every page a forked worker
# shares with the build process once per process (the RDF writer is a fork of a ~1 GB process).
TARGETS = {"build_10k_seconds": 30.0, "speedup": 100.0, "peak_pss_mb": 2048.0,
           "incremental_one_article_seconds": 2.0, "rdf_1m_triples_seconds": 20.0, "rdf_peak_rss_mb": 1024.0,
           "relevance_percent": 5.0, "output_to_corpus_ratio": 3.0, "page_first_draw_10k_seconds": 3.0}


# ---------------------------------------------------------------- memory of a process tree

class TreeMemory:
    """Sample the summed RSS (and PSS, which counts pages shared by forked workers once) of a
    process and all its descendants, every `interval` seconds, keeping the peaks."""

    def __init__(self, pid: int, interval: float = 0.25):
        self.pid, self.interval = pid, interval
        self.peak_rss = self.peak_pss = 0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()

    def _run(self) -> None:
        try:
            import psutil
        except ImportError:         # no psutil: ru_maxrss of the largest child, after the fact
            return
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            rss = pss = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for p in procs:
                try:
                    full = p.memory_full_info()
                    rss += full.rss
                    pss += getattr(full, "pss", full.rss)
                except psutil.Error:
                    pass
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            self._stop.wait(self.interval)


def run_child(args: list[str], timeout: float, env: dict | None = None) -> dict:
    """Run a Python child; returns wall seconds, exit code, peak RSS/PSS (MB) and its JSON report."""
    report = tempfile.NamedTemporaryFile(prefix="kgbench-", suffix=".json", delete=False)
    report.close()
    full_env = {**os.environ, **(env or {}), "KG_BENCH_REPORT": report.name}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], env=full_env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with TreeMemory(proc.pid) as mem:
        try:
            _, err = proc.communicate(timeout=timeout)
            code = proc.returncode
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
            code = None
    wall = time.perf_counter() - t0
    try:
        data = json.loads(Path(report.name).read_text() or "{}")
    except (OSError, ValueError):
        data = {}
    os.unlink(report.name)
    if code not in (0, 1):
        tail = err.decode("utf-8", "replace").strip().splitlines()[-3:]
        data["error"] = "timed out" if code is None else f"exit {code}: " + " | ".join(tail)
    peak = mem.peak_rss
    if not peak:
        import resource
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {"seconds": wall, "exit": code, "peak_rss_mb": peak / 2**20, "peak_pss_mb": mem.peak_pss / 2**20,
            **data}


# ---------------------------------------------------------------- child: kg build with stage timings

def child_build(argv: list[str]) -> int:
    """`kg build ARGS` exactly as the CLI runs it, with each pipeline stage timed."""
    import resource

    import kg.parallel
    import kg.pipeline as pl
    timings: dict[str, float] = {}
    peaks: dict[str, float] = {}        # peak RSS (MB) of the main process when each stage ended

    def timed(mod, name, label=None):
        fn = getattr(mod, name)

        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                key = label or name
                timings[key] = timings.get(key, 0.0) + time.perf_counter() - t
                peaks[key] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        setattr(mod, name, wrapper)

    timed(kg.parallel, "summarize_folder", "read+extract+summarize")
    for name in ("resolve_facts", "assemble_graph", "render_outputs", "write_all_atomic", "report_data"):
        if hasattr(pl, name):
            timed(pl, name)
    timed(pl, "_write_query_store", "query store (graph.oxigraph)")
    for name in dir(pl):
        if name.startswith(("generate_", "render_rdf")):
            timed(pl, name)
    from kg.cli import main
    t0 = time.perf_counter()
    code = main(["build", *argv])
    timings["total (in process)"] = time.perf_counter() - t0
    Path(os.environ["KG_BENCH_REPORT"]).write_text(json.dumps({"stages": timings, "main_peak_mb_after": peaks}))
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)          # as `kg build` ends (kg.cli._exit_now): the graph is not freed object by object


# ---------------------------------------------------------------- child: RDF of >= 1 M triples

def synthetic_graph(n: int):
    """A graph shaped like the real one (typed nodes with aliases and evidence, edges with evidence)."""
    from kg.graph import assemble_graph
    from kg.model import Document, Entity, Evidence, Relation
    types = ("Organization", "Country", "Agreement", "Event", "Person", "Location")
    rels = ("cooperatesWith", "partOf", "organized", "participatedIn", "funded", "heldIn")
    docs = [Document(id=f"bench_{i:06d}", path=f"bench_{i:06d}.txt", text=".", sentences=(),
                     title=f"Bài báo số {i}", date=f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                     outlet="Báo Công an nhân dân", url=f"https://cand.com.vn/bai-{i}.html")
            for i in range(max(1, n // 20))]
    nd = len(docs)
    sent = "Cục Đối ngoại, Bộ Công an phối hợp với Tổ chức Di cư quốc tế (IOM) tổ chức hội thảo “{}”."
    ents = [Entity(f"e{i:07d}", f"Tổ chức hợp tác số {i}", types[i % 6], (f"TC{i}", f"Tổ chức {i}"), (),
                   (Evidence(docs[i % nd].id, sent.format(i), 10 * i, 10 * i + 60, "gazetteer/organizations.tsv:5"),))
            for i in range(n)]
    edges = [Relation(f"e{i:07d}", rels[i % 6], f"e{(i * 7919 + 1) % n:07d}",
                      (Evidence(docs[i % nd].id, sent.format(i), 10 * i, 10 * i + 60, "cues.tsv:3"),))
             for i in range(n)]
    return assemble_graph(ents, edges, docs)


def child_rdf(n: int, out: str) -> int:
    from kg.export import rdf
    from kg.export.atomic import write_atomic
    g = synthetic_graph(n)
    t = time.perf_counter()
    ttl, trig = rdf.render_rdf(g)
    write_atomic(Path(out) / "graph.ttl", ttl)
    write_atomic(Path(out) / "graph.trig", trig)
    seconds = time.perf_counter() - t
    triples = len(rdf.sorted_triples(rdf.rdf_quads(g)))
    Path(os.environ["KG_BENCH_REPORT"]).write_text(json.dumps(
        {"rdf_seconds": seconds, "triples": triples, "ttl_mb": len(ttl) / 1e6, "trig_mb": len(trig) / 1e6}))
    return 0


# ---------------------------------------------------------------- naive baseline

def naive_baseline(corpus: Path, sample: int) -> dict:
    """What a newcomer writes: read, split sentences, underthesea `ner` on every sentence (one process)."""
    from underthesea import ner, sent_tokenize
    files = sorted(corpus.glob("*.txt"))
    step = max(1, len(files) // sample)
    picked = files[::step][:sample]
    ner("Bộ Công an làm việc với IOM tại Hà Nội.")        # load the model outside the timing
    sentences = chars = 0
    t = time.perf_counter()
    for f in picked:
        text = f.read_text(encoding="utf-8-sig")
        chars += len(text)
        for line in text.splitlines():
            for s in sent_tokenize(line):
                if s.strip():
                    ner(s)
                    sentences += 1
    seconds = time.perf_counter() - t
    return {"articles": len(picked), "sentences": sentences, "seconds": seconds, "chars": chars,
            "sample_articles_per_second": len(picked) / seconds, "sentences_per_second": sentences / seconds,
            "chars_per_second": chars / seconds}


def relevance_share(corpus: Path, sample: int) -> dict:
    """CPU time of the relevance decision (kg.relevance.judge) against the rest of the per-article
    work of a build (read, extract, summarize), on the same articles in one process: the share the
    topic decision adds to a build, measured against a baseline of the same run."""
    import kg
    from kg.corpus import read_document
    from kg.extract import compile_lexicon, extract_document
    from kg.relevance import compile_topic, judge
    from kg.resolve import summarize
    rules = kg.load_rules()
    lex, topic = compile_lexicon(rules), compile_topic(rules)
    files = sorted(corpus.glob("*.txt"))
    picked = files[::max(1, len(files) // sample)][:sample]
    t = time.process_time()
    docs = [read_document(f) for f in picked]
    for d in docs:
        summarize(extract_document(d, lex))
    work = time.process_time() - t
    t = time.process_time()
    decisions = [judge(d, topic) for d in docs]
    relevance = time.process_time() - t
    return {"articles": len(docs), "on_topic": sum(r.on_topic for r in decisions), "judge_seconds": relevance,
            "work_seconds": work, "percent": 100 * relevance / work}


def corpus_chars(folder: Path) -> tuple[int, int]:
    """(articles, characters) of a benchmark corpus: the unit in which the naive baseline is compared."""
    files = sorted(folder.glob("*.txt"))
    return len(files), sum(len(f.read_text(encoding="utf-8-sig")) for f in files)


# ---------------------------------------------------------------- driver

def corpus_for(n: int, seed: int, root: Path) -> Path:
    """The benchmark corpus of n articles, written once and reused while the generator is unchanged."""
    import make_corpus
    digest = hashlib.sha256((HERE / "make_corpus.py").read_bytes()).hexdigest()[:12]
    folder = root / f"corpus-{n}-s{seed}-{digest}"
    stamp = folder / ".complete"
    if not stamp.exists():
        make_corpus.make_corpus(n, folder, seed)
        stamp.write_text("ok\n")
    return folder


def corpus_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.glob("*.txt"))


def output_bytes(out: Path) -> dict[str, int]:
    """Size of each output file of a build (kg.pipeline.OUTPUT_FILES; not the cache, nor the query
    store graph.oxigraph/, a database `kg query` makes from graph.trig)."""
    from kg.pipeline import OUTPUT_FILES
    return {name: (out / name).stat().st_size for name in OUTPUT_FILES if (out / name).exists()}


def page_first_draw(page: Path) -> float | None:
    """Seconds from navigation start to the explorer's first complete drawing of `page`, in headless
    Chromium (as benchmarks/html_bench.py measures it); None without Chromium or playwright."""
    from html_bench import CHROMIUM, CHROMIUM_ARGS, VIEWPORT
    if not os.path.exists(CHROMIUM):
        return None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page(viewport=VIEWPORT)
            tab.goto(page.resolve().as_uri())
            tab.wait_for_function("window.kgExplorer && kgExplorer.firstDrawMs !== null", timeout=300_000)
            return tab.evaluate("kgExplorer.firstDrawMs") / 1000
        finally:
            browser.close()


def first_query(out: Path, timeout: float) -> float:
    """Seconds of the first `kg query` on a fresh build: it makes the store kg build leaves to it."""
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "query", "ASK { ?s ?p ?o }", "--graph", str(out), "--timeout", "0"],
                   cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout, check=True)
    return time.perf_counter() - t


def build_once(corpus: Path, out: Path, workers: int | None, timeout: float, extra: tuple[str, ...] = ()) -> dict:
    args = [str(Path(__file__).resolve()), "--child-build", "--", str(corpus), "--out", str(out), "-q", *extra]
    if workers:
        args += ["--workers", str(workers)]
    return run_child(args, timeout)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def fmt_stages(stages: dict) -> str:
    return ", ".join(f"{k} {v:.2f}s" for k, v in sorted(stages.items(), key=lambda kv: -kv[1]) if v >= 0.01)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child-build"]:
        return child_build(argv[2:] if argv[1:2] == ["--"] else argv[1:])
    if argv[:1] == ["--child-rdf"]:
        return child_rdf(int(argv[1]), argv[2])
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="1000,10000", help="corpus sizes to build (default: 1000,10000)")
    p.add_argument("--json", type=Path, default=None, help="write the figures to this JSON file")
    p.add_argument("--workers", type=int, default=None, help="kg build --workers (default: all cores)")
    p.add_argument("--repeat", type=int, default=1,
                   help="full builds per size and passes of the naive baseline; medians are reported")
    p.add_argument("--naive-sample", type=int, default=40, help="articles timed with the naive pipeline")
    p.add_argument("--relevance-sample", type=int, default=300,
                   help="articles on which the topic decision is timed against reading and extracting them")
    p.add_argument("--rdf-entities", type=int, default=70000,
                   help="synthetic graph size for the RDF benchmark (70,000 -> ~1 M triples)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--timeout", type=float, default=1800, help="give up on one build after this many seconds")
    p.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "kg-bench",
                   help="where corpora and outputs go (default: $TMPDIR/kg-bench)")
    a = p.parse_args(argv)
    sizes = [int(s) for s in a.sizes.split(",") if s.strip()]
    a.data.mkdir(parents=True, exist_ok=True)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    res: dict = {"cores": cores, "workers": a.workers or cores, "sizes": {}}
    log(f"kg benchmark: {cores} core(s), sizes {sizes}, data in {a.data}, load average "
        f"{' / '.join(f'{x:.1f}' for x in os.getloadavg())}")

    for n in sizes:
        corpus = corpus_for(n, a.seed, a.data)
        mb = corpus_bytes(corpus) / 1e6
        runs = []
        for r in range(a.repeat):
            out = a.data / f"out-{n}"
            subprocess.run(["rm", "-rf", str(out)], check=True)
            runs.append(build_once(corpus, out, a.workers, a.timeout))
            run = runs[-1]
            if "error" in run:
                log(f"  {n:>6} articles: build failed: {run['error']}")
                break
            log(f"  {n:>6} articles ({mb:.1f} MB): {run['seconds']:.1f} s, {n / run['seconds']:.0f} articles/s, "
                f"{mb / run['seconds']:.2f} MB/s, peak RSS {run['peak_rss_mb']:.0f} MB (PSS {run['peak_pss_mb']:.0f} MB)")
            log(f"         stages: {fmt_stages(run.get('stages', {}))}")
            peaks = sorted(run.get("main_peak_mb_after", {}).items(), key=lambda kv: kv[1])
            log("         main-process peak RSS after each stage: "
                + ", ".join(f"{k} {v:.0f} MB" for k, v in peaks))
        ok = [r for r in runs if "error" not in r]
        entry = {"articles": n, "mb": mb, "runs": runs}
        if ok:
            sizes_out = output_bytes(a.data / f"out-{n}")
            entry["output_bytes"] = sizes_out
            entry["output_to_corpus_ratio"] = sum(sizes_out.values()) / corpus_bytes(corpus)
            log(f"         outputs {sum(sizes_out.values()) / 1e6:.1f} MB = {entry['output_to_corpus_ratio']:.2f} x the "
                f"corpus: " + ", ".join(f"{k} {v / 1e6:.1f}" for k, v in sorted(sizes_out.items(), key=lambda kv: -kv[1])))
            draw = page_first_draw(a.data / f"out-{n}" / "graph.html") if n == max(sizes) else None
            if draw is not None:
                entry["page_first_draw_seconds"] = draw
                log(f"         graph.html first drawing in Chromium: {draw:.2f} s (load average "
                    f"{' / '.join(f'{x:.1f}' for x in os.getloadavg())})")
            if n == max(sizes):
                entry["first_query_seconds"] = first_query(a.data / f"out-{n}", a.timeout)
                log(f"         first kg query after the build (makes the query store, graph.oxigraph): "
                    f"{entry['first_query_seconds']:.1f} s")
        if ok:
            secs = statistics.median(r["seconds"] for r in ok)
            entry.update(seconds=secs, articles_per_second=n / secs, mb_per_second=mb / secs,
                         peak_rss_mb=max(r["peak_rss_mb"] for r in ok), peak_pss_mb=max(r["peak_pss_mb"] for r in ok))
        res["sizes"][str(n)] = entry

    largest = max(sizes)
    big = res["sizes"][str(largest)]
    if "seconds" in big:
        corpus, out = corpus_for(largest, a.seed, a.data), a.data / f"out-{largest}"
        victim = sorted(corpus.glob("*.txt"))[len(list(corpus.glob("*.txt"))) // 2]
        original = victim.read_bytes()
        try:
            warm = build_once(corpus, out, a.workers, a.timeout)
            log(f"  rebuild, nothing changed: {warm['seconds']:.2f} s ({fmt_stages(warm.get('stages', {}))})")
            victim.write_bytes(original + "\nTin bổ sung: Bộ Công an và IOM tiếp tục phối hợp.\n".encode())
            inc = build_once(corpus, out, a.workers, a.timeout)
            log(f"  rebuild, one article edited: {inc['seconds']:.2f} s ({fmt_stages(inc.get('stages', {}))})")
        finally:
            victim.write_bytes(original)
        res["incremental"] = {"unchanged": warm, "one_article_edited": inc}

    passes = [naive_baseline(corpus_for(min(sizes), a.seed, a.data), a.naive_sample) for _ in range(a.repeat)]
    naive = sorted(passes, key=lambda r: r["chars_per_second"])[len(passes) // 2]     # the median pass
    naive["passes_chars_per_second"] = [r["chars_per_second"] for r in passes]
    # Throughput is compared in characters: the sample's articles are shorter or longer than the
    # corpus's average, so its own articles/s would flatter or wrong the baseline.
    n_big, chars_big = corpus_chars(corpus_for(largest, a.seed, a.data))
    naive["corpus_chars_per_article"] = chars_big / n_big
    naive["articles_per_second"] = naive["chars_per_second"] / naive["corpus_chars_per_article"]
    res["naive"] = naive
    log(f"  naive (underthesea ner on every sentence, 1 process): {naive['chars_per_second']:,.0f} characters/s "
        f"({naive['sentences_per_second']:.0f} sentences/s) on {naive['articles']} articles = "
        f"{naive['articles_per_second']:.2f} articles/s at the corpus's {naive['corpus_chars_per_article']:,.0f} "
        f"characters/article")

    share = relevance_share(corpus_for(min(sizes), a.seed, a.data), a.relevance_sample)
    res["relevance"] = share
    log(f"  relevance (topic decision, 1 process): {share['judge_seconds'] * 1000 / share['articles']:.2f} ms per "
        f"article = {share['percent']:.1f} % of reading + extracting + summarizing the same {share['articles']} "
        f"articles ({share['on_topic']} on topic)")

    rdf_out = a.data / "rdf"
    rdf_out.mkdir(exist_ok=True)
    rdf = run_child([str(Path(__file__).resolve()), "--child-rdf", str(a.rdf_entities), str(rdf_out)], a.timeout)
    res["rdf"] = rdf
    if "error" in rdf:
        log(f"  RDF: failed: {rdf['error']}")
    else:
        log(f"  RDF: {rdf['triples']:,} triples -> Turtle {rdf['ttl_mb']:.0f} MB + TriG {rdf['trig_mb']:.0f} MB in "
            f"{rdf['rdf_seconds']:.1f} s (child process {rdf['seconds']:.1f} s incl. building the graph), "
            f"peak RSS {rdf['peak_rss_mb']:.0f} MB")

    summary = {
        "build_10k_seconds": big.get("seconds"),
        "articles_per_second": big.get("articles_per_second"),
        "mb_per_second": big.get("mb_per_second"),
        "naive_articles_per_second": naive["articles_per_second"],
        "speedup": big["articles_per_second"] / naive["articles_per_second"] if "seconds" in big else None,
        "peak_rss_mb": big.get("peak_rss_mb"),
        "peak_pss_mb": big.get("peak_pss_mb"),
        "incremental_one_article_seconds": res.get("incremental", {}).get("one_article_edited", {}).get("seconds"),
        "rdf_1m_triples_seconds": rdf.get("rdf_seconds"),
        "rdf_triples": rdf.get("triples"),
        "rdf_peak_rss_mb": rdf.get("peak_rss_mb"),
        "relevance_percent": share["percent"],
        "output_to_corpus_ratio": big.get("output_to_corpus_ratio"),
        "page_first_draw_10k_seconds": big.get("page_first_draw_seconds"),
        "first_query_10k_seconds": big.get("first_query_seconds"),
        "largest_size": largest,
    }
    res = {**summary, **res}
    print(f"\n{'figure':<34}{'value':>12}  target")
    for k, v in summary.items():
        if k == "largest_size":
            continue
        t = TARGETS.get(k)
        if v is None:
            verdict = "not measured"
        elif t is None:
            verdict = ""
        else:
            good = v >= t if k == "speedup" else v < t
            verdict = f"{'<' if k != 'speedup' else '>='} {t:g}  {'met' if good else 'NOT MET'}"
        val = "-" if v is None else f"{v:,.2f}"
        print(f"{k:<34}{val:>12}  {verdict}")
    if largest != 10000:
        print(f"(build_10k_seconds is for {largest} articles here)")
    if a.json:
        a.json.write_text(json.dumps(res, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
