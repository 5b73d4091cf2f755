"""Run per-article reading and extraction in a process pool or on a Dask cluster, with the cache.

Every article is independent until `resolve`, so the work is a plain ordered map; results are put
back in file order, which makes the output byte-identical whatever the number of workers. Workers
compile the lexicon once per process (`compile_lexicon` caches it by the rules' digest) and send
back pickled Extractions, which the parent stores in the cache as they are.
"""
from __future__ import annotations

import contextlib
import dataclasses
import gc
import multiprocessing
import os
import pickle
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .cache import ExtractionCache, article_key, document_key
from .corpus import (MANIFEST, Corpus, ReadOptions, Skipped, list_articles, manifest_row, read_bytes_limited,
                     read_document, read_manifest)
from .corpus import duplicate_id, skipped as skipped_article
from .errors import CorpusError, KgError
from .extract import compile_lexicon, extract_document
from .model import ArticleFacts, Document, Extraction
from .relevance import compile_topic, judge
from .resolve import summarize
from .rules import Rules

# Below this many articles to compute, a pool costs more than it saves: run in this process.
MIN_PARALLEL = 48
# Articles per Dask task: fewer, larger tasks keep the scheduler's per-task overhead small.
DASK_BATCH = 64
DASK_CONNECT_TIMEOUT = "20s"
CACHE_SUBDIR = "extractions"       # Extractions (extract_folder, extract_corpus)
FACTS_SUBDIR = "facts"              # summarized facts (summarize_folder: kg build)

_WORKER_RULES: Rules | None = None


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:      # not Linux
        return max(1, os.cpu_count() or 1)


@contextlib.contextmanager
def gc_paused():
    """No cyclic garbage collection while thousands of Extractions are unpickled: the collector
    would rescan them again and again (loading a warm cache is ~3x faster without it)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _init_worker(rules: Rules) -> None:
    """Pool initializer: keep the rules and compile the lexicon once for this process."""
    global _WORKER_RULES
    gc.enable()                 # a forked worker inherits the parent's paused collector
    _WORKER_RULES = rules
    compile_lexicon(rules)


def _lexicon():
    return compile_lexicon(_WORKER_RULES)


def summarize_judged(ex: Extraction, rules: Rules) -> ArticleFacts:
    """resolve.summarize plus the article's relevance decision, judged here on the full text that
    the facts no longer carry (so the cache holds it and --all-topics needs no re-extraction)."""
    return dataclasses.replace(summarize(ex), relevance=judge(ex.doc, compile_topic(rules)))


def _read_and_extract(task: tuple[str, dict | None, ReadOptions | None]) -> bytes | Skipped:
    """One article file -> pickled Extraction, or Skipped when the file cannot be read."""
    path, meta, options = task
    try:
        doc = read_document(Path(path), meta, options)
    except CorpusError as exc:
        return skipped_article(path, exc)
    return pickle.dumps(extract_document(doc, _lexicon()), protocol=pickle.HIGHEST_PROTOCOL)


def _extract(doc: Document) -> bytes:
    return pickle.dumps(extract_document(doc, _lexicon()), protocol=pickle.HIGHEST_PROTOCOL)


def _dask_extract_batch(docs: list[Document], rules: Rules, summarized: bool = False) -> list[bytes]:
    """A Dask task: extract (and summarize) a batch of documents on a worker (lexicon compiled once
    per worker)."""
    lex = compile_lexicon(rules)
    done = (extract_document(d, lex) for d in docs)
    return [pickle.dumps(summarize_judged(x, rules) if summarized else x, protocol=pickle.HIGHEST_PROTOCOL)
            for x in done]


def _progress(it: Iterable, total: int, enabled: bool, desc: str) -> Iterable:
    """tqdm on stderr (done, rate, ETA) for builds long enough to need one."""
    if not enabled or total <= 5:
        return it
    from tqdm import tqdm
    tqdm.monitor_interval = 0      # no monitor thread: exporters fork only when no other thread runs
    return tqdm(it, total=total, desc=desc, unit="article", file=sys.stderr, leave=False, smoothing=0.1)


def _pool_context():
    """fork where it is safe (Linux, no other thread that could hold a lock at fork time): workers
    inherit the imported modules and the compiled lexicon. Otherwise (a notebook with a Dask client,
    a progress-bar thread) forkserver, whose workers import kg and compile the lexicon themselves."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def map_ordered(fn: Callable, items: list, rules: Rules, workers: int = 1, progress: bool = False,
                desc: str = "extracting") -> Iterator:
    """fn(item) for every item, in order; in a process pool when there is enough work for one."""
    workers = max(1, int(workers or 1))
    if not items:
        return
    if workers == 1 or len(items) < MIN_PARALLEL:
        _init_worker(rules)
        yield from _progress(map(fn, items), len(items), progress, desc)
        return
    workers = min(workers, len(items))
    chunk = max(1, min(32, len(items) // (workers * 8)))
    with _pool_context().Pool(workers, initializer=_init_worker, initargs=(rules,)) as pool:
        yield from _progress(pool.imap(fn, items, chunksize=chunk), len(items), progress, desc)


def map_dask(docs: list[Document], rules: Rules, scheduler: str, progress: bool = False,
             summarized: bool = False) -> Iterator[bytes]:
    """Extract documents on an existing Dask cluster; pickled Extractions (or their summarized
    facts) come back in order."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise KgError("--dask-scheduler needs dask.distributed: pip install 'kg[dask]'") from exc
    if not docs:
        return
    try:
        client = Client(scheduler, timeout=DASK_CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise KgError(f"{scheduler}: cannot reach the Dask scheduler ({exc})") from exc
    try:
        rules_f = client.scatter(rules, broadcast=True)
        batches = [docs[i:i + DASK_BATCH] for i in range(0, len(docs), DASK_BATCH)]
        futures = client.map(_dask_extract_batch, batches, rules=rules_f, summarized=summarized, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        done: dict[int, list[bytes]] = {}
        nxt = 0
        bar = _dask_bar(len(docs), progress)
        try:
            for fut in as_completed(futures, loop=client.loop):
                i = index[fut.key]
                done[i] = fut.result()
                if bar is not None:
                    bar.update(len(done[i]))
                while nxt in done:
                    yield from done.pop(nxt)
                    nxt += 1
        finally:
            if bar is not None:
                bar.close()
    finally:
        client.close()


def _dask_bar(total: int, enabled: bool):
    if not enabled or total <= 5:
        return None
    from tqdm import tqdm
    tqdm.monitor_interval = 0      # no monitor thread: exporters fork only when no other thread runs
    return tqdm(total=total, desc="extracting (dask)", unit="article", file=sys.stderr, leave=False)


def extract_documents(docs: list[Document], rules: Rules, workers: int = 1,
                      cache: ExtractionCache | None = None, dask_scheduler: str | None = None,
                      progress: bool = False) -> list[Extraction]:
    """Extractions of already-read Documents, in order; cached by content when `cache` is given."""
    with gc_paused():
        return _extract_documents(docs, rules, workers, cache, dask_scheduler, progress)


def _extract_documents(docs, rules, workers, cache, dask_scheduler, progress):
    results: list[Extraction | None] = [None] * len(docs)
    todo: list[int] = []
    keys: list[str] = [""] * len(docs)
    for i, d in enumerate(docs):
        if cache is not None:
            keys[i] = document_key(d, rules.digest)
            hit = cache.get(keys[i])
            if hit is not None:
                results[i] = hit
                continue
        todo.append(i)
    pending = [docs[i] for i in todo]
    if dask_scheduler:
        stream = map_dask(pending, rules, dask_scheduler, progress)
    else:
        stream = map_ordered(_extract, pending, rules, workers, progress)
    for i, payload in zip(todo, stream):
        if cache is not None:
            cache.put_payload(keys[i], payload)
        results[i] = pickle.loads(payload)
    return results     # type: ignore[return-value]


def extract_folder(folder: str | os.PathLike, rules: Rules, workers: int | None = None,
                   cache_dir: str | os.PathLike | None = None, dask_scheduler: str | None = None,
                   progress: bool = False, options: ReadOptions | None = None) -> tuple[Corpus, list[Extraction]]:
    """Read and extract every article of a folder, as `read_corpus` + `extract_corpus` would, but in
    parallel and skipping every article whose cache entry is still valid."""
    with gc_paused():
        return _extract_folder(folder, rules, workers, cache_dir, dask_scheduler, progress, options, False)


def summarize_folder(folder: str | os.PathLike, rules: Rules, workers: int | None = None,
                     cache_dir: str | os.PathLike | None = None, dask_scheduler: str | None = None,
                     progress: bool = False, options: ReadOptions | None = None) -> tuple[Corpus, list[ArticleFacts]]:
    """As `extract_folder`, but each worker also summarizes its articles for resolution
    (`resolve.summarize`): the build process receives facts, not Extractions, and the Corpus
    holds the documents' metadata only (no text or sentences)."""
    with gc_paused():
        return _extract_folder(folder, rules, workers, cache_dir, dask_scheduler, progress, options, True)


def _extract_folder(folder, rules, workers, cache_dir, dask_scheduler, progress, options, summarized):
    folder = Path(folder)
    files = list_articles(folder)
    manifest = read_manifest(folder)
    subdir = FACTS_SUBDIR if summarized else CACHE_SUBDIR
    expected = ArticleFacts if summarized else Extraction
    cache_folder = str(Path(cache_dir) / subdir) if cache_dir is not None else None
    workers = default_workers() if workers is None else workers
    results: list[Extraction | ArticleFacts | Skipped | bytes | None] = [None] * len(files)
    keys: list[str] = [""] * len(files)

    if dask_scheduler:
        cache = ExtractionCache(cache_folder, expected) if cache_folder is not None else None
        todo: list[int] = []
        for i, path in enumerate(files):
            if cache is not None:
                keys[i] = _article_key(path, manifest_row(manifest, path), rules.digest, options)
                hit = cache.get(keys[i]) if keys[i] else None
                if hit is not None:
                    results[i] = hit
                    continue
            todo.append(i)
        _extract_folder_dask(files, manifest, todo, keys, results, rules, cache, dask_scheduler, progress,
                             options, summarized)
    else:
        # Workers look up, compute and store cache entries themselves (and summarize).
        fn = _cached_read_and_summarize if summarized else _cached_read_and_extract
        tasks = [(str(f), manifest_row(manifest, f), options, cache_folder, rules.digest) for f in files]
        for i, (key, out) in enumerate(map_ordered(fn, tasks, rules, workers, progress)):
            keys[i], results[i] = key, out

    kept: list = []
    skipped: list[Skipped] = []
    taken: dict[str, str] = {}
    for r in results:
        if isinstance(r, Skipped):
            skipped.append(r)
            continue
        if isinstance(r, bytes):                   # pickled facts from a worker, or an Extraction from Dask
            r = pickle.loads(r)
        if summarized and isinstance(r, Extraction):
            r = summarize_judged(r, rules)
        dup = duplicate_id(r.doc, taken)       # a.txt beside a.html: the second is skipped, as in read_corpus
        if dup:
            skipped.append(dup)
        else:
            kept.append(r)
    if cache_folder is not None:
        ExtractionCache(cache_folder).prune({k for k in keys if k})
    return Corpus(tuple(r.doc for r in kept), tuple(skipped)), kept


def _article_key(path: Path, meta: dict | None, digest: str, options: ReadOptions | None) -> str:
    """The cache key of an article file, or "" when it cannot be read (the reader reports why)."""
    opts = options or ReadOptions()
    try:
        raw = read_bytes_limited(path, opts.max_bytes)
    except CorpusError:
        return ""
    return article_key(raw, str(path), meta, digest, opts.as_dict())


def _cached_read_and_extract(task) -> tuple[str, Extraction | Skipped]:
    """(cache key, Extraction or Skipped) of one article: from the cache when its entry is valid
    (checksum and type checked; a bad entry is removed), else read and extracted here and stored
    (temporary file + rename: never a torn entry)."""
    path, meta, options, cache_folder, digest = task
    key = ""
    cache = ExtractionCache(cache_folder) if cache_folder is not None else None
    if cache is not None:
        key = _article_key(Path(path), meta, digest, options)
        hit = cache.get(key) if key else None
        if hit is not None:
            return key, hit
    try:
        doc = read_document(Path(path), meta, options)
    except CorpusError as exc:
        return key, skipped_article(path, exc)
    ex = extract_document(doc, _lexicon())
    if cache is not None and key:
        cache.put(key, ex)
    return key, ex


def _cached_read_and_summarize(task) -> tuple[str, bytes | Skipped]:
    """(cache key, pickled ArticleFacts or Skipped) of one article, the facts cached as they are
    sent: a warm build neither extracts nor summarizes, and pickles nothing twice."""
    path, meta, options, cache_folder, digest = task
    key = ""
    cache = ExtractionCache(cache_folder, expected=ArticleFacts) if cache_folder is not None else None
    if cache is not None:
        key = _article_key(Path(path), meta, digest, options)
        hit = cache.get_with_payload(key) if key else None
        if hit is not None:
            return key, hit[1]
    try:
        doc = read_document(Path(path), meta, options)
    except CorpusError as exc:
        return key, skipped_article(path, exc)
    facts = summarize_judged(extract_document(doc, _lexicon()), _WORKER_RULES)
    payload = pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)
    if cache is not None and key:
        cache.put_payload(key, payload)
    return key, payload


def _extract_folder_dask(files, manifest, todo, keys, results, rules, cache, scheduler, progress,
                         options=None, summarized=False) -> None:
    """Read the articles here (the cluster need not see this disk), extract them on the cluster."""
    docs: list[Document] = []
    at: list[int] = []
    for i in todo:
        try:
            docs.append(read_document(files[i], manifest_row(manifest, files[i]), options))
            at.append(i)
        except CorpusError as exc:
            results[i] = skipped_article(files[i], exc)
    for i, payload in zip(at, map_dask(docs, rules, scheduler, progress, summarized)):
        _store(cache, keys[i], payload)
        results[i] = payload


def _store(cache: ExtractionCache | None, key: str, out: bytes | Skipped) -> None:
    if cache is not None and key and isinstance(out, bytes):
        cache.put_payload(key, out)
