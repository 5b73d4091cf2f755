"""Run per-article reading and extraction in a process pool or on a Dask cluster, with the cache.

Every article is independent until `resolve`, so the work is a plain ordered map; results are put
back in file order, which makes the output byte-identical whatever the number of workers. Workers
compile the lexicon once per process (`compile_lexicon` caches it by the rules' digest) and send
back encoded facts (kg.codec: plain data, never pickles), which are stored in the cache as they are.

Each article's reading and extraction has a budget of CPU time (kg.budget): an article that runs
past it is skipped with a reason and the build goes on. A cache entry that cannot be written (a
full disk, a read-only folder) turns the cache off for the rest of the build: the build goes on
without it, the entries it had written are removed, and the Corpus carries one warning.
"""
from __future__ import annotations

import dataclasses

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import codec
from .budget import ArticleTimeout, budget_scope, timeout_reason, within_budget
from .cache import CacheWriteError, ExtractionCache, article_key, document_key
from .corpus import (MANIFEST, Corpus, ReadOptions, Skipped, list_articles, manifest_row, read_bytes_limited,
                     read_document, read_manifest)
from .corpus import duplicate_id, skipped as skipped_article
from .errors import CorpusError, KgError, shown
from .extract import compile_lexicon, extract_document
from .model import ArticleFacts, Document, Extraction
from .relevance import compile_topic, judge, on_topic
from .resolve import summarize
from .rules import Rules

# Below this many articles to compute, a pool costs more than it saves: run in this process.
MIN_PARALLEL = 48
# Articles per Dask task: fewer, larger tasks keep the scheduler's per-task overhead small.
DASK_BATCH = 64
DASK_CONNECT_TIMEOUT = "20s"
CACHE_SUBDIR = "extractions"       # Extractions (extract_folder, extract_corpus)
FACTS_SUBDIR = "facts"              # summarized facts (summarize_folder: kg build)
JUDGED_SUFFIX = "-judged"           # cache key of an off-topic article's facts without its extraction

_WORKER_RULES: Rules | None = None
_CACHE_BROKEN = ""            # in a worker: why the cache could not be written (then it is not tried again)


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
        else:                   # as it was (the in-process path's _init_worker turns it on)
            gc.disable()


def _init_worker(rules: Rules, in_pool: bool = False) -> None:
    """Pool initializer: keep the rules and compile the lexicon once for this process. A pool
    worker leaves Ctrl-C and SIGTERM to the build process, which stops the pool."""
    global _WORKER_RULES, _CACHE_BROKEN
    if in_pool:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if hasattr(signal, "SIGTERM"):
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if in_pool:
        # What a forked worker inherits (the rules, the lexicon: ~10^6 objects) lives as long as it does:
        # out of the collector's sight, its collections scan only what the worker makes (and do not copy
        # the inherited pages to write their headers).
        gc.freeze()
    gc.enable()                 # a forked worker inherits the parent's paused collector
    _WORKER_RULES = rules
    _CACHE_BROKEN = ""
    compile_lexicon(rules)


def summarize_judged(ex: Extraction, rules: Rules) -> ArticleFacts:
    """resolve.summarize plus the article's relevance decision, judged here on the full text that
    the facts no longer carry (so the cache holds it and --all-topics needs no re-extraction)."""
    return dataclasses.replace(summarize(ex), relevance=judge(ex.doc, compile_topic(rules)))


def _lexicon():
    return compile_lexicon(_WORKER_RULES)


def _extract(doc: Document) -> bytes:
    return codec.encode(extract_document(doc, _lexicon()))


def _dask_extract_batch(docs: list[Document], rules: Rules, summarized: bool = False,
                        budget: float | None = None) -> list[bytes | str]:
    """A Dask task: extract (and summarize) a batch of documents on a worker (lexicon compiled once
    per worker); an article over its time budget gives the reason it was skipped instead."""
    lex = compile_lexicon(rules)

    def one(d: Document) -> bytes:
        x = extract_document(d, lex)
        return codec.encode(summarize_judged(x, rules) if summarized else x)

    out: list[bytes | str] = []
    with budget_scope(budget):
        for d in docs:
            try:
                out.append(within_budget(budget, one, d))
            except ArticleTimeout:
                out.append(timeout_reason(budget))
    return out


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
    context = _pool_context()
    if context.get_start_method() == "fork":
        # Compiled once, here: forked workers inherit it, and the build process needs it after them
        # anyway (resolution), where it would be compiled again while the other core waits.
        compile_lexicon(rules)
        compile_topic(rules)
    with context.Pool(workers, initializer=_init_worker, initargs=(rules, True)) as pool:
        yield from _progress(pool.imap(fn, items, chunksize=chunk), len(items), progress, desc)


def map_dask(docs: list[Document], rules: Rules, scheduler: str, progress: bool = False,
             summarized: bool = False, budget: float | None = None) -> Iterator[bytes | str]:
    """Extract documents on an existing Dask cluster; encoded Extractions (or their summarized
    facts), or the reason an article was skipped, come back in order."""
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
        futures = client.map(_dask_extract_batch, batches, rules=rules_f, summarized=summarized, budget=budget,
                             pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        done: dict[int, list[bytes | str]] = {}
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
            try:
                cache.put_payload(keys[i], payload)
            except CacheWriteError as exc:
                warnings.warn(f"{shown(cache.folder)}: cannot write the cache ({exc.strerror}); "
                              "going on without it", RuntimeWarning, stacklevel=3)
                cache = None
        results[i] = codec.decode(payload)
    return results     # type: ignore[return-value]


def extract_folder(folder: str | os.PathLike, rules: Rules, workers: int | None = None,
                   cache_dir: str | os.PathLike | None = None, dask_scheduler: str | None = None,
                   progress: bool = False, options: ReadOptions | None = None,
                   article_timeout: float | None = None) -> tuple[Corpus, list[Extraction]]:
    """Read and extract every article of a folder, as `read_corpus` + `extract_corpus` would, but in
    parallel and skipping every article whose cache entry is still valid. An article that uses
    more than `article_timeout` seconds of CPU is skipped (None: no limit)."""
    with gc_paused():
        return _extract_folder(folder, rules, workers, cache_dir, dask_scheduler, progress, options, False,
                               article_timeout)


def summarize_folder(folder: str | os.PathLike, rules: Rules, workers: int | None = None,
                     cache_dir: str | os.PathLike | None = None, dask_scheduler: str | None = None,
                     progress: bool = False, options: ReadOptions | None = None,
                     article_timeout: float | None = None,
                     cache_run: list | None = None, judge_first: bool = False) -> tuple[Corpus, list[ArticleFacts]]:
    """As `extract_folder`, but each worker also summarizes its articles for resolution
    (`resolve.summarize`): the build process receives facts, not Extractions, and the Corpus
    holds the documents' metadata only (no text or sentences). With a list as `cache_run`, the
    cache is not pruned: its CacheRun is appended there, for the caller to commit or abort.

    With `judge_first` (a build of the on-topic articles only), an article is judged before it is
    extracted, and one off topic is not extracted at all: its facts are its metadata and relevance,
    all that such a build uses of it. They are cached under their own key (JUDGED_SUFFIX), so a
    later build of every topic extracts it then, and only then (not on the Dask path)."""
    with gc_paused():
        return _extract_folder(folder, rules, workers, cache_dir, dask_scheduler, progress, options, True,
                               article_timeout, cache_run, judge_first)


def _extract_folder(folder, rules, workers, cache_dir, dask_scheduler, progress, options, summarized,
                    budget=None, cache_run=None, judge_first=False):
    folder = Path(folder)
    files = list_articles(folder)
    manifest = read_manifest(folder)
    subdir = FACTS_SUBDIR if summarized else CACHE_SUBDIR
    expected = ArticleFacts if summarized else Extraction
    cache_folder = str(Path(cache_dir) / subdir) if cache_dir is not None else None
    workers = default_workers() if workers is None else workers
    results: list[Extraction | ArticleFacts | Skipped | bytes | None] = [None] * len(files)
    keys: list[str] = [""] * len(files)
    written: list[str] = []             # entries this build wrote
    cache_errors: list[str] = []

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
                             options, summarized, budget, written, cache_errors)
    else:
        # Workers look up, compute and store cache entries themselves (and summarize).
        fn = _cached_read_and_summarize if summarized else _cached_read_and_extract
        tasks = [(str(f), manifest_row(manifest, f), options, cache_folder, rules.digest, budget,
                  summarized and judge_first) for f in files]
        for i, (key, out, wrote, error, fresh) in enumerate(map_ordered(fn, tasks, rules, workers, progress)):
            if isinstance(out, bytes):
                # decoded here as results come, while the workers go on (not in one serial pass after them);
                # facts a worker has just made need no checking, those read from a cache file do
                try:
                    out = codec.decode(out, checked=not fresh)
                except codec.BadPayload:
                    pass                               # recomputed below
            keys[i], results[i] = key, out
            if wrote:
                written.append(key)
            if error and not cache_errors:
                cache_errors.append(error)

    kept: list = []
    skipped: list[Skipped] = []
    taken: dict[str, str] = {}
    for i, r in enumerate(results):
        if isinstance(r, Skipped):
            skipped.append(r)
            continue
        if isinstance(r, bytes):                   # encoded facts from a worker, or an Extraction from Dask
            try:
                r = codec.decode(r)
            except codec.BadPayload:               # a cache entry with a valid checksum but not our data
                r = _recompute(files[i], manifest_row(manifest, files[i]), options, summarized, budget, rules,
                               cache_folder, keys[i])
                if isinstance(r, Skipped):
                    skipped.append(r)
                    continue
        if summarized and isinstance(r, Extraction):
            r = summarize_judged(r, rules)
        dup = duplicate_id(r.doc, taken)       # a.txt beside a.html: the second is skipped, as in read_corpus
        if dup:
            skipped.append(dup)
        else:
            kept.append(r)
    notes: tuple[str, ...] = ()
    if cache_folder is not None:
        run = CacheRun(ExtractionCache(cache_folder), tuple(written), frozenset(k for k in keys if k))
        if cache_errors:
            # Built without the cache: take back what this build wrote (on a full disk, that space
            # is what the output files need).
            run.abort()
            notes = (f"{shown(cache_folder)}: cannot write the cache ({cache_errors[0]}); built without it",)
        elif cache_run is not None:
            cache_run.append(run)            # the caller prunes once its outputs are written
        else:
            run.commit()
    return Corpus(tuple(r.doc for r in kept), tuple(skipped), notes), kept


@dataclass(frozen=True)
class CacheRun:
    """The cache entries a build wrote and those it used: `commit` prunes the others once the
    build has succeeded; `abort` removes what it wrote, leaving the cache as the build found it."""
    cache: ExtractionCache
    written: tuple[str, ...]
    used: frozenset[str]

    def commit(self) -> None:
        self.cache.prune(set(self.used))

    def abort(self) -> None:
        self.cache.remove(self.written)


def _recompute(path: Path, meta, options, summarized: bool, budget, rules: Rules, cache_folder, key: str):
    """Read and extract one article here, its cache entry having failed the checks (the entry is
    removed; the next build writes it again)."""
    if cache_folder is not None and key:
        ExtractionCache(cache_folder).remove([key])
    if _WORKER_RULES is not rules:
        _init_worker(rules)
    try:
        return codec.decode(within_budget(budget, _read_and_encode, str(path), meta, options, summarized)[0])
    except CorpusError as exc:
        return skipped_article(path, exc)
    except ArticleTimeout:
        return Skipped(str(path), timeout_reason(budget))


def _article_key(path: Path, meta: dict | None, digest: str, options: ReadOptions | None) -> str:
    """The cache key of an article file, or "" when it cannot be read (the reader reports why)."""
    opts = options or ReadOptions()
    try:
        raw = read_bytes_limited(path, opts.max_bytes)
    except CorpusError:
        return ""
    return article_key(raw, str(path), meta, digest, opts.as_dict())


def _cached_read_and_extract(task) -> tuple[str, Extraction | Skipped, bool, str, bool]:
    """(cache key, Extraction or Skipped, entry written?, cache error, made here?) of one article: from
    the cache when its entry is valid (checksum, shape and types checked; a bad entry is removed), else
    read and extracted here within its time budget and stored (temporary file + rename: never a
    torn entry)."""
    key, out, wrote, error, fresh = _cached_read(task, summarized=False)
    return key, (codec.decode(out) if isinstance(out, bytes) else out), wrote, error, fresh


def _cached_read_and_summarize(task) -> tuple[str, bytes | Skipped, bool, str, bool]:
    """(cache key, encoded ArticleFacts or Skipped, entry written?, cache error, made here? (not read
    from the cache)) of one article, the facts cached as they are sent: a warm build neither extracts
    nor summarizes."""
    return _cached_read(task, summarized=True)


def _cached_read(task, summarized: bool) -> tuple[str, bytes | Skipped, bool, str, bool]:
    global _CACHE_BROKEN
    path, meta, options, cache_folder, digest, budget, judge_first = task
    key = ""
    cache = None
    if cache_folder is not None:
        cache = ExtractionCache(cache_folder, expected=ArticleFacts if summarized else Extraction)
        key = _article_key(Path(path), meta, digest, options)
        if summarized:
            # Only the checksum here: the build process decodes (and checks) what it receives anyway,
            # and recomputes an entry that fails (see _extract_folder). Decoding twice would cost more.
            # Whole facts serve any build; an off-topic article's judged-only facts, only one that
            # judges first.
            for k in ((key, key + JUDGED_SUFFIX) if judge_first else (key,)) if key else ():
                payload = cache.get_payload(k)
                if payload is not None:
                    return k, payload, False, "", False
        else:
            hit = cache.get_with_payload(key) if key else None
            if hit is not None:
                return key, hit[1], False, "", False
    try:
        payload, whole = within_budget(budget, _read_and_encode, path, meta, options, summarized, judge_first)
    except CorpusError as exc:
        return key, skipped_article(path, exc), False, "", True
    except ArticleTimeout:
        return key, Skipped(path, timeout_reason(budget)), False, "", True
    if key and not whole:
        key += JUDGED_SUFFIX
    if cache is None or not key or _CACHE_BROKEN:
        return key, payload, False, _CACHE_BROKEN, True
    try:
        cache.put_payload(key, payload)
    except CacheWriteError as exc:
        _CACHE_BROKEN = exc.strerror or str(exc)
        return key, payload, False, _CACHE_BROKEN, True
    return key, payload, True, "", True


def _read_and_encode(path: str, meta, options, summarized: bool, judge_first: bool = False) -> tuple[bytes, bool]:
    """Read, extract (and summarize) one article: (its encoded facts or Extraction, whether they are
    whole). With `judge_first`, an article off topic is not extracted: its facts have its metadata
    and relevance, no mention and no link (not whole)."""
    doc = read_document(Path(path), meta, options)
    if not summarized:
        return codec.encode(extract_document(doc, _lexicon())), True
    relevance = judge(doc, compile_topic(_WORKER_RULES))
    if judge_first and not on_topic(relevance):
        light = dataclasses.replace(doc, text="", sentences=(), raw_offsets=())
        return codec.encode(ArticleFacts(light, (), (), relevance)), False
    facts = summarize(extract_document(doc, _lexicon()))
    return codec.encode(dataclasses.replace(facts, relevance=relevance)), True


def _extract_folder_dask(files, manifest, todo, keys, results, rules, cache, scheduler, progress,
                         options=None, summarized=False, budget=None, written=None, cache_errors=None) -> None:
    """Read the articles here (the cluster need not see this disk), extract them on the cluster."""
    docs: list[Document] = []
    at: list[int] = []
    for i in todo:
        try:
            docs.append(read_document(files[i], manifest_row(manifest, files[i]), options))
            at.append(i)
        except CorpusError as exc:
            results[i] = skipped_article(files[i], exc)
    for i, payload in zip(at, map_dask(docs, rules, scheduler, progress, summarized, budget)):
        if isinstance(payload, str):             # over its time budget on the cluster
            results[i] = Skipped(str(files[i]), payload)
            continue
        if cache is not None and keys[i] and not (cache_errors or []):
            try:
                cache.put_payload(keys[i], payload)
                if written is not None:
                    written.append(keys[i])
            except CacheWriteError as exc:
                if cache_errors is not None:
                    cache_errors.append(exc.strerror or str(exc))
        results[i] = payload
