"""`kg build --dask-scheduler tcp://host:port`: extraction on a Dask cluster writes the same graph as
a local build. The cluster here is a LocalCluster on loopback, in worker processes of its own."""
from pathlib import Path

import pytest

from conftest import CORPUS

import kg
import kg.parallel
from kg.cli import main
from kg.errors import KgError

distributed = pytest.importorskip("distributed")

OUTPUTS = ("graph.json", "graph.ttl", "graph.trig", "graph.graphml", "graph.html", "report.md")


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0", silence_logs=40) as cluster:
        yield cluster.scheduler_address


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).exists()}


def test_dask_build_is_byte_identical_to_the_local_build(scheduler, tmp_path):
    kg.build(CORPUS, tmp_path / "local", workers=1, cache=False)
    assert main(["build", str(CORPUS), "--out", str(tmp_path / "dask"), "-q", "--no-cache",
                 "--dask-scheduler", scheduler]) == 0
    local, remote = _outputs(tmp_path / "local"), _outputs(tmp_path / "dask")
    assert len(local) >= 5 and local == remote


def test_dask_results_fill_the_cache_for_the_next_local_build(scheduler, tmp_path, monkeypatch):
    kg.build(CORPUS, tmp_path / "out", dask_scheduler=scheduler)
    monkeypatch.setattr(kg.parallel, "extract_document", lambda d, lex: pytest.fail("not cached"))
    res = kg.build(CORPUS, tmp_path / "out", workers=1)
    assert len(res.corpus.documents) == 5


def test_extract_corpus_on_dask_equals_the_serial_run(scheduler):
    docs = kg.read_corpus(CORPUS).documents
    rules = kg.load_rules()
    assert kg.extract_corpus(docs, rules, dask_scheduler=scheduler) == kg.extract_corpus(docs, rules)


def test_results_of_many_small_batches_come_back_in_article_order(scheduler, monkeypatch):
    docs = kg.read_corpus(CORPUS).documents
    rules = kg.load_rules()
    monkeypatch.setattr(kg.parallel, "DASK_BATCH", 2)          # 5 articles -> 3 tasks
    got = kg.extract_corpus(docs, rules, dask_scheduler=scheduler)
    assert [e.doc.id for e in got] == [d.id for d in docs] and got == kg.extract_corpus(docs, rules)


def test_unreachable_scheduler_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.parallel, "DASK_CONNECT_TIMEOUT", "1s")
    with pytest.raises(KgError, match=r"tcp://127\.0\.0\.1:9: cannot reach the Dask scheduler"):
        kg.build(CORPUS, tmp_path / "out", dask_scheduler="tcp://127.0.0.1:9", cache=False)
    assert not (tmp_path / "out" / "graph.json").exists()
