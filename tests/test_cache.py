"""The per-article cache in OUT/.cache/: unchanged articles are not extracted again, an edited article
or rule invalidates exactly what it must, a damaged entry is recomputed, and --no-cache bypasses it."""
import os
import shutil
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT

import kg
import kg.cache
import kg.parallel
from kg.cache import ExtractionCache, article_key, decode_entry, encode_entry
from kg.cli import main

OUTPUTS = ("graph.json", "graph.ttl", "graph.trig", "graph.graphml", "graph.html", "report.md")
FIRST = "000_53ccb9e166bfc5f9"


@pytest.fixture
def corpus(tmp_path):
    """A private copy of the shipped corpus, safe to edit."""
    return Path(shutil.copytree(CORPUS, tmp_path / "corpus"))


@pytest.fixture
def extracted(monkeypatch):
    """Ids of the documents the extractor is run on (the in-process path: workers=1)."""
    seen: list[str] = []
    real = kg.parallel.extract_document

    def counting(doc, lexicon):
        seen.append(doc.id)
        return real(doc, lexicon)
    monkeypatch.setattr(kg.parallel, "extract_document", counting)
    return seen


def _entries(out: Path) -> list[Path]:
    return sorted((out / ".cache" / "facts").glob("*.kgx"))


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).exists()}


def test_second_build_extracts_nothing(corpus, tmp_path, extracted):
    kg.build(corpus, tmp_path / "out", workers=1)
    assert len(extracted) == 5 and len(_entries(tmp_path / "out")) == 5
    extracted.clear()
    kg.build(corpus, tmp_path / "out", workers=1)
    assert extracted == []


def test_build_from_the_cache_writes_the_same_bytes(corpus, tmp_path):
    kg.build(corpus, tmp_path / "fresh", workers=1, cache=False)
    kg.build(corpus, tmp_path / "out", workers=1)
    kg.build(corpus, tmp_path / "out", workers=1)
    assert _outputs(tmp_path / "out") == _outputs(tmp_path / "fresh")


def test_editing_one_article_re_extracts_only_that_one(corpus, tmp_path, extracted):
    kg.build(corpus, tmp_path / "out", workers=1)
    extracted.clear()
    path = corpus / f"{FIRST}.txt"
    path.write_bytes(path.read_bytes() + "\nBộ Công an phối hợp với IOM tổ chức hội thảo.\n".encode())
    res = kg.build(corpus, tmp_path / "out", workers=1)
    assert extracted == [FIRST]
    stated = {e["sentence"] for _, _, d in res.graph.edges(data=True) for e in d["evidence"] if e["doc"] == FIRST}
    assert "Bộ Công an phối hợp với IOM tổ chức hội thảo." in stated


def test_adding_an_article_extracts_only_the_new_one(corpus, tmp_path, extracted):
    kg.build(corpus, tmp_path / "out", workers=1)
    extracted.clear()
    (corpus / "new_article.txt").write_text("Hợp tác phòng, chống mua bán người\n\nBộ Công an làm việc với "
                                            "Tổ chức Di cư quốc tế (IOM) tại Hà Nội.\n", encoding="utf-8")
    kg.build(corpus, tmp_path / "out", workers=1)
    assert extracted == ["new_article"]


def test_changing_an_articles_manifest_row_re_extracts_it(corpus, tmp_path, extracted):
    kg.build(corpus, tmp_path / "out", workers=1)
    extracted.clear()
    manifest = corpus / "articles.tsv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(f"{FIRST}.txt\t", f"{FIRST}.txt\tHợp tác quốc tế")
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = kg.build(corpus, tmp_path / "out", workers=1)
    assert extracted == [FIRST] and res.corpus.documents[0].title.startswith("Hợp tác quốc tế")


def test_editing_a_rule_file_invalidates_every_entry(corpus, tmp_path, extracted):
    rules = Path(shutil.copytree(ROOT / "rules", tmp_path / "rules"))
    kg.build(corpus, tmp_path / "out", rules_dir=rules, workers=1)
    extracted.clear()
    gaz = rules / "gazetteer" / "countries.tsv"
    gaz.write_bytes(gaz.read_bytes() + b"# a comment is an edit too\n")
    kg.build(corpus, tmp_path / "out", rules_dir=rules, workers=1)
    assert sorted(extracted) == sorted(p.stem for p in corpus.glob("*.txt"))
    assert len(_entries(tmp_path / "out")) == 5        # the stale entries are pruned


def test_a_truncated_entry_is_recomputed(corpus, tmp_path, extracted):
    kg.build(corpus, tmp_path / "out", workers=1)
    before = _outputs(tmp_path / "out")
    victim = _entries(tmp_path / "out")[0]
    victim.write_bytes(victim.read_bytes()[:100])
    extracted.clear()
    kg.build(corpus, tmp_path / "out", workers=1)
    assert len(extracted) == 1 and _outputs(tmp_path / "out") == before
    assert decode_entry(victim.read_bytes()) is not None      # rewritten whole


def test_an_entry_with_one_flipped_byte_is_recomputed(corpus, tmp_path, extracted):
    kg.build(corpus, tmp_path / "out", workers=1)
    victim = _entries(tmp_path / "out")[2]
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0x01
    victim.write_bytes(bytes(data))
    extracted.clear()
    kg.build(corpus, tmp_path / "out", workers=1)
    assert len(extracted) == 1


def test_an_entry_that_does_not_decode_to_facts_is_recomputed(corpus, tmp_path, extracted):
    kg.build(corpus, tmp_path / "out", workers=1)
    before = _outputs(tmp_path / "out")
    victim = _entries(tmp_path / "out")[1]
    victim.write_bytes(encode_entry(b"not msgpack \xc1"))  # a valid checksum over a foreign payload
    extracted.clear()
    kg.build(corpus, tmp_path / "out", workers=1)
    assert len(extracted) == 1 and _outputs(tmp_path / "out") == before


def test_no_cache_neither_reads_nor_writes_the_cache(corpus, tmp_path, extracted):
    kg.build(corpus, tmp_path / "out", workers=1)
    extracted.clear()
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "-q", "--no-cache", "--workers", "1"]) == 0
    assert len(extracted) == 5
    assert main(["build", str(corpus), "--out", str(tmp_path / "bare"), "-q", "--no-cache"]) == 0
    assert not (tmp_path / "bare" / ".cache").exists()


def test_an_interrupted_write_leaves_no_entry_behind(tmp_path, monkeypatch):
    cache = ExtractionCache(tmp_path / "c")

    def interrupted(src, dst):
        raise KeyboardInterrupt
    monkeypatch.setattr(kg.cache, "_replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cache.put_payload("ab" * 32, b"payload")
    assert list((tmp_path / "c").iterdir()) == []


def test_entries_of_deleted_articles_are_pruned(corpus, tmp_path):
    kg.build(corpus, tmp_path / "out", workers=1)
    (corpus / f"{FIRST}.txt").unlink()
    kg.build(corpus, tmp_path / "out", workers=1)
    assert len(_entries(tmp_path / "out")) == 4


def test_entry_check_rejects_truncation_and_foreign_files():
    entry = encode_entry(b"encoded extraction")
    assert decode_entry(entry) == b"encoded extraction"
    assert decode_entry(entry[:-1]) is None
    assert decode_entry(b"KGX2") is None
    assert decode_entry(b"not a cache entry at all, but long enough to have a header") is None


def test_key_depends_on_bytes_path_manifest_and_rules():
    base = article_key("Bộ Công an".encode(), "c/a.txt", {"title": "Tin"}, "r1")
    assert base == article_key("Bộ Công an".encode(), "c/a.txt", {"title": "Tin"}, "r1")
    assert base != article_key("Bộ Công an.".encode(), "c/a.txt", {"title": "Tin"}, "r1")
    assert base != article_key("Bộ Công an".encode(), "c/b.txt", {"title": "Tin"}, "r1")
    assert base != article_key("Bộ Công an".encode(), "c/a.txt", {"title": "Tin mới"}, "r1")
    assert base != article_key("Bộ Công an".encode(), "c/a.txt", {"title": "Tin"}, "r2")


def test_library_extract_corpus_uses_a_cache_folder(tmp_path, monkeypatch):
    docs = kg.read_corpus(CORPUS).documents
    rules = kg.load_rules()
    first = kg.extract_corpus(docs, rules, cache=tmp_path / "c")
    monkeypatch.setattr(kg.parallel, "extract_document", lambda d, lex: pytest.fail("not cached"))
    assert kg.extract_corpus(docs, rules, cache=tmp_path / "c") == first
