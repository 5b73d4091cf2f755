"""The same corpus and rules give byte-identical outputs: build after build, whatever the order
of the files on disk, PYTHONHASHSEED or the number of worker processes."""
import os
import shutil
import subprocess
import sys

import pytest
from robust_helpers import CORPUS, FIXTURES, ROOT, article_text, to_cp1258

import kg


def _outputs(out) -> dict[str, bytes]:
    """Every output file (graph.*, report.md), not the cache."""
    files = {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}
    assert {"graph.json", "graph.ttl", "graph.graphml", "graph.html", "report.md"} <= set(files)
    return files


def _mixed_corpus(parent, order=sorted, mtime_base=1_600_000_000):
    """The project's articles plus a saved page, a Windows-1258 copy and two broken files, copied
    into parent/corpus in the given order with increasing modification times."""
    sources = {p.name: p.read_bytes() for p in CORPUS.iterdir() if p.is_file()}
    sources["trang.html"] = (FIXTURES / "news_page.html").read_bytes()
    sources["ban-1258.txt"] = to_cp1258(article_text().replace("Quy Nhơn", "Đà Nẵng"))
    sources["rong.txt"] = b""
    sources["tcvn3.txt"] = (FIXTURES / "tcvn3.txt").read_bytes()
    folder = parent / "corpus"
    folder.mkdir(parents=True)
    for i, name in enumerate(order(sources)):
        (folder / name).write_bytes(sources[name])
        os.utime(folder / name, (mtime_base + 1000 * i, mtime_base + 1000 * i))
    return folder


@pytest.fixture(scope="module")
def rules_copy(tmp_path_factory):
    """One snapshot of the rules for every build of a test."""
    return shutil.copytree(ROOT / "rules", tmp_path_factory.mktemp("snapshot") / "rules")


def _build_in(parent, monkeypatch, rules_dir, **kwargs) -> dict[str, bytes]:
    """`kg build corpus --out output` run from `parent`, so paths in report.md read the same."""
    monkeypatch.chdir(parent)
    res = kg.build("corpus", "output", rules_dir=rules_dir, **kwargs)
    assert len(res.corpus.skipped) == 2
    return _outputs(parent / "output")


def test_two_builds_in_a_row_are_byte_identical(tmp_path, monkeypatch, rules_copy):
    _mixed_corpus(tmp_path)
    first = _build_in(tmp_path, monkeypatch, rules_copy, cache=False)
    second = _build_in(tmp_path, monkeypatch, rules_copy, cache=False)
    assert first == second


def test_a_build_from_the_cache_is_byte_identical_to_a_fresh_one(tmp_path, monkeypatch, rules_copy):
    _mixed_corpus(tmp_path)
    fresh = _build_in(tmp_path, monkeypatch, rules_copy, cache=True)
    cached = _build_in(tmp_path, monkeypatch, rules_copy, cache=True)
    assert fresh == cached


def test_file_order_and_times_on_disk_do_not_change_the_output(tmp_path, monkeypatch, rules_copy):
    a, b = tmp_path / "a", tmp_path / "b"
    _mixed_corpus(a, order=sorted)
    _mixed_corpus(b, order=lambda names: sorted(names, reverse=True), mtime_base=1_700_000_000)
    listing_a = [e.name for e in os.scandir(a / "corpus")]
    listing_b = [e.name for e in os.scandir(b / "corpus")]
    assert sorted(listing_a) == sorted(listing_b)
    assert _build_in(a, monkeypatch, rules_copy, cache=False) == _build_in(b, monkeypatch, rules_copy, cache=False)


def test_number_of_worker_processes_does_not_change_the_output(tmp_path, monkeypatch, rules_copy):
    parallel = pytest.importorskip("kg.parallel")
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 1)          # use a pool even for a few articles
    a, b = tmp_path / "a", tmp_path / "b"
    _mixed_corpus(a)
    _mixed_corpus(b)
    one = _build_in(a, monkeypatch, rules_copy, cache=False, workers=1)
    two = _build_in(b, monkeypatch, rules_copy, cache=False, workers=2)
    assert one == two


def test_pythonhashseed_does_not_change_the_output(tmp_path, rules_copy):
    _mixed_corpus(tmp_path)
    results = []
    for seed in ("0", "4242"):
        out = f"out-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        proc = subprocess.run([sys.executable, "-m", "kg", "build", "corpus", "--out", out, "-q", "--no-cache",
                               "--workers", "1", "--rules", str(rules_copy)],
                              cwd=tmp_path, env=env, capture_output=True, text=True)
        assert proc.returncode == 1, proc.stderr                  # two broken files were skipped
        results.append(_outputs(tmp_path / out))
        shutil.rmtree(tmp_path / out)
    assert results[0] == results[1]
