"""Fuzzing, for a bounded time: whatever bytes an article file or a rule table holds, the reader and
the rule loader either succeed or raise the project's own one-line errors, never anything else."""
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.corpus import ReadOptions, html_to_text, read_document
from kg.errors import CorpusError, RuleError
from kg.rules import DEFAULT_RULES_DIR as RULES
from kg.rules import SCHEMAS, load_rules

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces real files are made of, so the fuzzer reaches past the first check.
BYTE_PIECES = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00", b"\r\n", b"\n", b"\t",
               "Bộ Công an phối hợp với IOM. ".encode("utf-8"), "Bộ Công an".encode("utf-16-le"),
               b"B\xf4\xf2 C\xf4ng an ", b"Vie\xe4t Nam ", b"<p>", b"</p>", b"<script>", b"<article>",
               b'<meta charset="windows-1258">', b'<meta charset="x-unknown">', b"&amp;", b"&#0;", b"&#xD800;",
               b"\xc3", b"\xe1\xbb", b"Th\xe1\xbb\xa9 N\xc4\x83m, 11/07/2024, 16:57\n", b"\x1b", b"\x85", b" " * 50]
article_bytes = st.one_of(
    st.binary(max_size=3000),
    st.lists(st.one_of(st.sampled_from(BYTE_PIECES), st.binary(max_size=20)), max_size=40).map(b"".join))



@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """One folder for every example (hypothesis runs many examples per test call)."""
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(data=article_bytes, suffix=st.sampled_from([".txt", ".html"]),
       encoding=st.sampled_from([None, None, "utf-8", "cp1258", "utf-16", "latin-1"]))
def test_reader_on_random_bytes_returns_a_document_or_a_corpus_error(scratch, data, suffix, encoding):
    path = scratch / f"bai{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path, options=ReadOptions(encoding=encoding, max_line=500))
    except CorpusError as exc:
        assert "\n" not in str(exc) and str(path) in str(exc)
        return
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text and s.text.strip()
    assert len(doc.raw_offsets) in (0, len(doc.text) + 1)


@FUZZ
@given(markup=st.lists(st.one_of(st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "</script>",
                                                  "<article>", "</article>", "<br/>", "<nav>", "<!--", "-->",
                                                  "<title>", "</title>", "<meta property='og:title' content='x'>",
                                                  "<![CDATA[", "]]>", "&", "&#x110000;", "<", ">", "Bộ Công an",
                                                  "<![ x ]>", "<![foo[", "<!", "<?xml", "</ x>", "</>", "</",
                                                  '<a title="', "<a title='", "=", "/>", "<style>", "</style>",
                                                  "<svg>", "<!-->", "<!--->", "--!>", "<p\n", "\x00"]),
                                 st.text(max_size=15)), max_size=60).map("".join))
def test_html_extraction_never_raises(markup):
    page = html_to_text(markup)
    assert isinstance(page.text, str) and "\n\n" not in page.text


def _table_text():
    name = st.sampled_from(sorted(SCHEMAS))
    cell = st.one_of(st.sampled_from(["id", "type", "head", "level", "name", "aliases", "cue", "relation", "role",
                                      "word", "kind", "phrase", "note", "parent", "country", "iso", "Organization",
                                      "org.bo", "Bộ", "a|b|", "|", "-", "#", "(a+)+$", "", " "]),
                     st.text(max_size=10))
    line = st.lists(cell, max_size=7).map("\t".join)
    return st.tuples(name, st.lists(line, max_size=12).map("\n".join))


@FUZZ
@given(table=_table_text(), garbage=st.one_of(st.just(b""), st.binary(max_size=8)))
def test_rule_loader_on_random_tables_returns_rules_or_a_rule_error(scratch, table, garbage):
    name, text = table
    folder = Path(tempfile.mkdtemp(dir=scratch)) / "rules"
    shutil.copytree(RULES, folder)
    (folder / name).write_bytes(text.encode("utf-8") + garbage)
    try:
        rules = load_rules(folder)
    except RuleError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("rules/")
        return
    assert set(rules.tables) == set(SCHEMAS)
