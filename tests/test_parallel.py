"""`kg build --workers N`: a process pool reads and extracts the articles; the output is the same bytes
as one worker, and tiny corpora never pay for a pool."""
import sys
import subprocess
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT

import kg
import kg.parallel
from kg.cli import main
from kg.parallel import MIN_PARALLEL, extract_folder

sys.path.insert(0, str(ROOT / "benchmarks"))
from make_corpus import make_corpus  # noqa: E402

OUTPUTS = ("graph.json", "graph.ttl", "graph.trig", "graph.graphml", "graph.html", "report.md")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Enough realistic articles (on- and off-topic, NFD, BOM) for the pool to start."""
    return make_corpus(MIN_PARALLEL + 12, tmp_path_factory.mktemp("bench") / "corpus", seed=3)


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).exists()}


def _count_pools(monkeypatch) -> list:
    started = []
    real = kg.parallel._pool_context

    def spy():
        started.append(1)
        return real()
    monkeypatch.setattr(kg.parallel, "_pool_context", spy)
    return started


def test_two_workers_write_the_same_bytes_as_one(generated, tmp_path, monkeypatch):
    kg.build(generated, tmp_path / "one", workers=1, cache=False)
    started = _count_pools(monkeypatch)
    kg.build(generated, tmp_path / "two", workers=2, cache=False)
    assert started == [1]                       # the pool really ran
    one, two = _outputs(tmp_path / "one"), _outputs(tmp_path / "two")
    assert len(one) >= 5 and one == two


def test_pool_results_come_back_in_file_order(generated):
    corpus, extractions = extract_folder(generated, kg.load_rules(), workers=2)
    ids = [e.doc.id for e in extractions]
    assert ids == sorted(ids) and ids[0] == "bench_000000" and len(ids) == MIN_PARALLEL + 12
    assert [d.id for d in corpus.documents] == ids


def test_a_tiny_corpus_is_built_without_a_pool(tmp_path, monkeypatch):
    started = _count_pools(monkeypatch)
    res = kg.build(CORPUS, tmp_path / "out", workers=4, cache=False)
    assert started == [] and len(res.corpus.documents) == 5


def test_folder_reader_gives_the_same_documents_as_read_corpus():
    corpus, extractions = extract_folder(CORPUS, kg.load_rules(), workers=1)
    assert corpus.documents == kg.read_corpus(CORPUS).documents
    assert [e.doc for e in extractions] == list(corpus.documents)


def test_extract_corpus_in_a_pool_equals_the_serial_run(generated):
    rules = kg.load_rules()
    docs = kg.read_corpus(generated).documents
    assert kg.extract_corpus(docs, rules, workers=2) == kg.extract_corpus(docs, rules)


def test_progress_bar_shows_articles_done_and_rate_on_stderr(generated, tmp_path, capsys):
    kg.build(generated, tmp_path / "out", workers=1, cache=False, progress=True)
    captured = capsys.readouterr()
    n = MIN_PARALLEL + 12
    last = [u for u in captured.err.split("\r") if u.startswith("extracting:")][-1]
    assert f"/{n} [" in last                                         # articles done of all
    assert "article/s]" in last and "<00:" in last                   # rate and ETA
    assert captured.out == ""


def test_zero_workers_is_refused_in_one_line(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["build", str(CORPUS), "--out", str(tmp_path / "out"), "--workers", "0"])
    assert exc.value.code == 2
    assert "expected a whole number of workers >= 1, got '0'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_build_help_documents_the_scale_options():
    out = subprocess.run([sys.executable, "-m", "kg", "build", "--help"], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout
    for opt in ("--workers", "--no-cache", "--dask-scheduler"):
        assert opt in out


def test_generated_corpus_is_deterministic(tmp_path):
    a = make_corpus(8, tmp_path / "a", seed=11)
    b = make_corpus(8, tmp_path / "b", seed=11)
    files = sorted(p.name for p in a.iterdir())
    assert files == sorted(p.name for p in b.iterdir()) and "articles.tsv" in files
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
