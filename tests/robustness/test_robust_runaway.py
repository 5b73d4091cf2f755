"""Nothing runs away: an article whose extraction never ends is stopped by its time budget and
skipped with a reason (the build goes on, in one process or in the pool), and hostile HTML is read
in time linear in its size."""
import json
import re
import shutil
import time

import pytest
from robust_helpers import ARTICLE, ARTICLE_ID, CORPUS, HANG, HANGING_EXTRACTOR, run_kg

import kg
import kg.parallel
from kg.cli import main
from kg.corpus import ReadOptions, html_to_text, read_document

# On topic, so that a default build extracts it (one off topic is judged and never extracted).
ON_TOPIC = "Bộ Công an phối hợp với IOM phòng, chống mua bán người."
BUDGET_REASON = ("reading and extracting used more than 1 s of processor time, the budget per article "
                 "(see --article-timeout)")


def _corpus(tmp_path, hanging: str | None = None):
    folder = tmp_path / "corpus"
    folder.mkdir(parents=True)
    shutil.copy(ARTICLE, folder / f"{ARTICLE_ID}.txt")
    if hanging is not None:
        (folder / "treo.txt").write_text(f"{ON_TOPIC} {hanging}\n", encoding="utf-8")
    return folder


@pytest.fixture
def hanging_extractor(monkeypatch):
    """The extractor, except that an article containing HANG never finishes (a loop in Python, or
    with REGEX too a regular expression that backtracks for ever inside C)."""
    real = kg.parallel.extract_document

    def hanging(doc, lexicon):
        if HANG in doc.text:
            if "REGEX" in doc.text:
                re.match(r"(a+)+$", "a" * 60 + "b")
            while True:
                pass
        return real(doc, lexicon)
    monkeypatch.setattr(kg.parallel, "extract_document", hanging)


@pytest.mark.bound(60)
@pytest.mark.parametrize("how", ["a Python loop", "a regular expression that backtracks for ever"])
def test_an_article_whose_extraction_never_ends_is_skipped_and_the_build_goes_on(tmp_path, capsys,
                                                                                 hanging_extractor, how):
    marker = HANG + (" REGEX" if "regular" in how else "")
    folder = _corpus(tmp_path, marker)
    started = time.monotonic()
    code = main(["build", str(folder), "--out", str(tmp_path / "out"), "-q", "--workers", "1",
                 "--article-timeout", "1"])
    assert time.monotonic() - started < 40
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [f"kg: skipped {folder}/treo.txt: {BUDGET_REASON}"]
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert sorted(a["id"] for a in graph["articles"]) == [ARTICLE_ID]
    report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert f"- `treo.txt`: {BUDGET_REASON}" in report


@pytest.mark.bound(60)
def test_the_budget_gives_the_same_graph_as_a_build_without_the_runaway_article(tmp_path, hanging_extractor):
    kg.build(_corpus(tmp_path / "a", HANG), tmp_path / "a" / "out", workers=1, article_timeout=1)
    kg.build(_corpus(tmp_path / "b"), tmp_path / "b" / "out", workers=1)
    assert (tmp_path / "a" / "out" / "graph.json").read_bytes() == (tmp_path / "b" / "out" / "graph.json").read_bytes()


@pytest.mark.bound(60)
def test_an_article_over_budget_is_tried_again_by_the_next_build(tmp_path, hanging_extractor):
    folder = _corpus(tmp_path, HANG)
    kg.build(folder, tmp_path / "out", workers=1, article_timeout=1)
    (folder / "treo.txt").write_text(f"{ON_TOPIC}\n", encoding="utf-8")
    res = kg.build(folder, tmp_path / "out", workers=1, article_timeout=1)
    assert res.corpus.skipped == () and len(res.corpus.documents) == 2


@pytest.mark.bound(170)
def test_in_the_process_pool_a_runaway_article_is_skipped_and_the_rest_is_built_the_same(tmp_path):
    texts = sorted(p for p in CORPUS.glob("*.txt"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(kg.parallel.MIN_PARALLEL):              # enough articles for the pool
        shutil.copy(texts[i % len(texts)], folder / f"bai-{i:02d}.txt")
    (folder / "treo.txt").write_text(f"{ON_TOPIC} {HANG}\n", encoding="utf-8")
    pooled = run_kg(["build", folder, "--out", tmp_path / "pooled", "-q", "--workers", "2",
                     "--article-timeout", "1"], prelude=HANGING_EXTRACTOR, timeout=150)
    assert pooled.returncode == 1, pooled.stderr
    assert pooled.stderr.splitlines() == [f"kg: skipped {folder}/treo.txt: {BUDGET_REASON}"]
    (folder / "treo.txt").unlink()
    alone = run_kg(["build", folder, "--out", tmp_path / "alone", "-q", "--workers", "1", "--no-cache"],
                   timeout=150)
    assert alone.returncode == 0, alone.stderr
    assert (tmp_path / "pooled" / "graph.json").read_bytes() == (tmp_path / "alone" / "graph.json").read_bytes()


def test_the_budget_is_off_with_zero(tmp_path, monkeypatch):
    seen = []
    real = kg.parallel.within_budget

    def spy(seconds, fn, *args):
        seen.append(seconds)
        return real(seconds, fn, *args)
    monkeypatch.setattr(kg.parallel, "within_budget", spy)
    assert main(["build", str(_corpus(tmp_path)), "--out", str(tmp_path / "out"), "-q", "--workers", "1",
                 "--article-timeout", "0"]) == 0
    assert seen == [None]


# --- HTML that used to take time growing with the square of its size ---------------------------

def _page(tmp_path, name: str, markup: str):
    path = tmp_path / name
    path.write_text(markup, encoding="utf-8")
    return path


@pytest.mark.bound(60)
def test_a_page_of_64000_nested_divs_is_read_in_seconds(tmp_path):
    path = _page(tmp_path, "sau.html", "<div>Bộ Công an họp. " * 64_000)          # took minutes and GBs
    started = time.monotonic()
    doc = read_document(path, options=ReadOptions(max_line=10_000_000))
    assert time.monotonic() - started < 30
    assert len(doc.sentences) == 64_000


@pytest.mark.bound(30)
def test_a_page_of_80000_unclosed_comments_is_skipped_in_seconds(tmp_path):
    path = _page(tmp_path, "chu-thich.html", "<p>Bộ Công an họp.</p>" + "<!--" * 80_000)
    started = time.monotonic()
    page = html_to_text(path.read_text(encoding="utf-8"))
    assert time.monotonic() - started < 10
    assert page.text == "Bộ Công an họp.\n"          # an unclosed comment runs to the end of the page


@pytest.mark.bound(30)
@pytest.mark.parametrize("markup", [
    "<a" * 100_000,                                   # tags never closed
    '<p>Bộ Công an họp.</p><a title="' + "x " * 200_000,      # a quote never closed
    "<div>" * 50_000 + "</span>" * 50_000,            # stray end tags under a deep stack
    "<p " + "a=b " * 100_000 + ">Bộ Công an họp.</p>",  # a tag with 100,000 attributes
    "< " * 200_000,                                   # '<' that starts no tag
    "<script>" + "<p>x" * 100_000,                    # a script never closed
])
def test_hostile_markup_is_read_in_linear_time(markup):
    started = time.monotonic()
    html_to_text(markup)
    assert time.monotonic() - started < 10
