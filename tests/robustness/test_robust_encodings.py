"""Articles in every encoding a researcher's scrape produces are read as the same Vietnamese text,
or refused with a reason; never turned into mojibake entities."""
import unicodedata

import pytest
from robust_helpers import (ARTICLE, ARTICLE_ID, FIXTURES, article_text, assert_evidence_points_into,
                            graph_signature, mention_signature, to_cp1258)

import kg
from kg.cli import main
from kg.corpus import ReadOptions, read_corpus, read_document
from kg.errors import CorpusError
from kg.extract import compile_lexicon, extract_document


def _folder_with(tmp_path, data: bytes, name: str = f"{ARTICLE_ID}.txt"):
    folder = tmp_path / "corpus"
    folder.mkdir(parents=True)
    (folder / name).write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def original(rules):
    """The NFC UTF-8 corpus article: its Document, mentions and graph."""
    doc = read_document(ARTICLE)
    return doc, mention_signature(extract_document(doc, compile_lexicon(rules))), \
        graph_signature(kg.build_graph([doc], rules))


def _same_as_original(folder, original, rules, options=None):
    corpus = read_corpus(folder, options)
    assert corpus.skipped == ()
    doc = corpus.documents[0]
    want_doc, want_mentions, want_graph = original
    assert doc.text == want_doc.text
    assert mention_signature(extract_document(doc, compile_lexicon(rules))) == want_mentions
    g = kg.build_graph(corpus, rules)
    assert graph_signature(g) == want_graph
    return doc, g


def test_nfd_copy_of_a_corpus_article_gives_the_same_mentions_and_graph(tmp_path, original, rules):
    raw = unicodedata.normalize("NFD", article_text())
    assert raw != article_text()
    folder = _folder_with(tmp_path, raw.encode("utf-8"))
    doc, g = _same_as_original(folder, original, rules)
    assert_evidence_points_into(g, raw)
    assert g.number_of_nodes() > 5


def test_mixed_nfc_and_nfd_paragraphs_give_the_same_graph_with_offsets_into_the_raw_text(tmp_path, original, rules):
    lines = article_text().split("\n")
    raw = "\n".join(unicodedata.normalize("NFD", l) if i % 2 else l for i, l in enumerate(lines))
    assert not unicodedata.is_normalized("NFC", raw) and raw[:20] == article_text()[:20]
    folder = _folder_with(tmp_path, raw.encode("utf-8"))
    _, g = _same_as_original(folder, original, rules)
    assert_evidence_points_into(g, raw)


def test_utf8_with_bom_reads_as_without_it(tmp_path, original, rules):
    folder = _folder_with(tmp_path, b"\xef\xbb\xbf" + article_text().encode("utf-8"))
    _, g = _same_as_original(folder, original, rules)
    assert_evidence_points_into(g, article_text())      # offsets count characters after the BOM


@pytest.mark.parametrize("encoding,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_with_bom_reads_as_the_utf8_article(tmp_path, original, rules, encoding, bom):
    folder = _folder_with(tmp_path, bom + article_text().encode(encoding))
    _, g = _same_as_original(folder, original, rules)
    assert_evidence_points_into(g, article_text())


def test_utf16_saved_without_bom_is_recognised(tmp_path, original, rules):
    folder = _folder_with(tmp_path, article_text().encode("utf-16-le"))
    _same_as_original(folder, original, rules)


def test_windows_1258_article_is_detected_and_its_combining_tones_composed(tmp_path, original, rules):
    data = to_cp1258(article_text())
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    decoded = data.decode("cp1258")
    assert "\u0323" in decoded                       # cp1258 writes 'ộ' as 'ô' + combining dot below
    folder = _folder_with(tmp_path, data)
    _, g = _same_as_original(folder, original, rules)
    assert_evidence_points_into(g, decoded)


def test_encoding_option_forces_windows_1258(tmp_path, original, rules):
    folder = _folder_with(tmp_path, to_cp1258(article_text()))
    _same_as_original(folder, original, rules, ReadOptions(encoding="cp1258"))


def test_forcing_utf8_on_a_windows_1258_file_skips_it_with_a_reason(tmp_path):
    folder = _folder_with(tmp_path, to_cp1258(article_text()))
    corpus = read_corpus(folder, ReadOptions(encoding="utf-8"))
    assert corpus.documents == ()
    assert corpus.skipped[0].path == str(folder / f"{ARTICLE_ID}.txt")
    assert corpus.skipped[0].reason.startswith("not valid utf-8 (invalid continuation byte at byte ")


@pytest.mark.parametrize("fixture", ["vni.txt", "tcvn3.txt"])
def test_legacy_vni_and_tcvn3_files_are_refused_not_read_as_mojibake(tmp_path, fixture):
    folder = _folder_with(tmp_path, (FIXTURES / fixture).read_bytes(), fixture)
    (folder / "good.txt").write_text("Bộ Công an phối hợp với IOM.", encoding="utf-8")
    corpus = read_corpus(folder)
    assert [d.id for d in corpus.documents] == ["good"]
    (skip,) = corpus.skipped
    assert skip.path.endswith(fixture)
    assert "not Vietnamese (a legacy VNI/TCVN3 encoding?)" in skip.reason
    assert "--encoding" in skip.reason


def test_legacy_file_stays_refused_even_when_its_code_page_is_forced(tmp_path):
    folder = _folder_with(tmp_path, (FIXTURES / "tcvn3.txt").read_bytes(), "tcvn3.txt")
    corpus = read_corpus(folder, ReadOptions(encoding="latin-1"))
    assert corpus.documents == () and "not Vietnamese" in corpus.skipped[0].reason


def test_utf8_decoded_twice_is_refused_as_mojibake(tmp_path):
    garbled = "Bộ Công an phối hợp với Tổ chức Di cư Quốc tế tổ chức hội thảo.".encode("utf-8").decode("cp1252")
    assert garbled.startswith("Bá»™ CÃ´ng an")
    folder = _folder_with(tmp_path, garbled.encode("utf-8"), "garbled.txt")
    corpus = read_corpus(folder)
    assert corpus.documents == ()
    assert corpus.skipped[0].reason.startswith("mojibake: UTF-8 that was decoded twice")


def test_a_few_foreign_letters_in_a_windows_1258_article_are_tolerated(tmp_path):
    text = article_text() + "\nÔng Müller (Đức) và bà Søren phát biểu.\n"
    doc = read_corpus(_folder_with(tmp_path, to_cp1258(text))).documents[0]
    assert doc.text.endswith("Ông Müller (Đức) và bà Søren phát biểu.\n")


def test_crlf_article_gives_the_same_graph_and_offsets_count_the_carriage_returns(tmp_path, original, rules):
    raw = article_text().replace("\n", "\r\n")
    folder = _folder_with(tmp_path, raw.encode("utf-8"))
    corpus = read_corpus(folder)
    doc = corpus.documents[0]
    assert "\r\n" in doc.text and doc.title == original[0].title and doc.date == original[0].date
    assert [s.text for s in doc.sentences] == [s.text for s in original[0].sentences]
    g = kg.build_graph(corpus, rules)
    assert graph_signature(g) == original[2]
    assert_evidence_points_into(g, raw)


def test_unknown_encoding_name_is_one_line_exit_2_and_nothing_written(tmp_path, capsys):
    folder = _folder_with(tmp_path, article_text().encode("utf-8"))
    code = main(["build", str(folder), "--out", str(tmp_path / "out"), "--encoding", "vni-windows", "-q"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err == "kg: error: --encoding 'vni-windows': unknown encoding (e.g. utf-8, utf-16, cp1258)"
    assert not (tmp_path / "out").exists()


def test_cli_encoding_option_builds_a_windows_1258_corpus(tmp_path, capsys):
    folder = _folder_with(tmp_path, to_cp1258(article_text()))
    code = main(["build", str(folder), "--out", str(tmp_path / "out"), "--encoding", "cp1258", "-q",
                 "--no-cache"])
    assert code == 0, capsys.readouterr().err
    assert "Bộ Công an" in (tmp_path / "out" / "graph.json").read_text(encoding="utf-8")


def test_decode_refuses_undecodable_bytes_with_a_corpus_error_naming_the_file():
    from kg.corpus import decode
    with pytest.raises(CorpusError, match=r"^x\.txt: neither UTF-8 \(bad byte at 1\) nor Windows-1258; convert"):
        decode(b"B\x81\x8d\x90 C\xf4ng", "x.txt")


def test_download_cut_in_the_middle_of_a_letter_is_read_up_to_the_cut(tmp_path):
    data = article_text().encode("utf-8")
    cut = data.index("người".encode("utf-8")) + 2                 # inside the three bytes of 'ư'
    folder = _folder_with(tmp_path, data[:cut])
    (doc,) = read_corpus(folder).documents
    assert doc.text.endswith("chống mua bán ng")


def test_one_corrupt_byte_in_a_utf8_article_is_reported_with_its_position(tmp_path):
    data = bytearray(article_text().encode("utf-8"))
    data[100] = 0x81                                                 # undefined in UTF-8 and in cp1258
    corpus = read_corpus(_folder_with(tmp_path, bytes(data)))
    assert corpus.skipped[0].reason.startswith("neither UTF-8 (bad byte at 100) nor Windows-1258")


def test_build_help_explains_the_reader_options(capsys):
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--encoding NAME read every article in this encoding (e.g. cp1258, utf-16) instead of detecting it" in out
    assert "--max-size MB skip (and report) article files larger than this (default: 20 MB)" in out


# --- wrong decodes never wipe an output ------------------------------------------------------------

def _corpus_of_seed_articles(tmp_path):
    import shutil
    from robust_helpers import CORPUS
    return shutil.copytree(CORPUS, tmp_path / "corpus")


def _built(tmp_path):
    """A corpus and an output folder holding its good build."""
    from robust_helpers import reader_view
    folder = _corpus_of_seed_articles(tmp_path)
    out = tmp_path / "out"
    kg.build(folder, out, workers=1, cache=False)
    return folder, out, reader_view(out)


def test_forcing_utf16_on_utf8_articles_skips_every_one_and_keeps_the_previous_output(tmp_path, capsys):
    from robust_helpers import reader_view
    folder, out, before = _built(tmp_path)
    code = main(["build", str(folder), "--out", str(out), "--encoding", "utf-16", "-q", "--workers", "1"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert err[0].startswith(f"kg: error: {folder}: no article could be read (5 skipped; ")
    assert reader_view(out) == before
    for s in read_corpus(folder, ReadOptions(encoding="utf-16")).skipped:      # CJK 'letters', or bad UTF-16
        assert ("read as utf-16 (--encoding)" in s.reason and "not Vietnamese; is that its encoding?" in s.reason) \
            or s.reason.startswith("not valid utf-16"), s.reason


def test_forced_latin1_on_utf8_text_is_refused_as_mojibake(tmp_path):
    corpus = read_corpus(_folder_with(tmp_path, article_text().encode("utf-8")), ReadOptions(encoding="latin-1"))
    assert corpus.documents == ()
    assert corpus.skipped[0].reason.startswith("mojibake: UTF-8 that was decoded twice")


def test_a_build_that_finds_no_entity_does_not_replace_a_graph_unless_asked(tmp_path, capsys):
    from robust_helpers import reader_view
    folder, out, before = _built(tmp_path)
    other = tmp_path / "english"
    other.mkdir()
    (other / "note.txt").write_text("The weather was fine on Tuesday.\n", encoding="utf-8")
    code = main(["build", str(other), "--out", str(out), "-q", "--workers", "1"])
    assert code == 2
    assert capsys.readouterr().err.strip() == (f"kg: error: {other}: no entity found in 1 article(s); the graph "
                                               f"in {out} is kept (pass --allow-empty to replace it)")
    assert reader_view(out) == before
    code = main(["build", str(other), "--out", str(out), "-q", "--workers", "1", "--allow-empty"])
    assert code == 0
    assert capsys.readouterr().err.strip() == "kg: warning: no entity found in 1 article(s); the graph is empty"
    assert reader_view(out) != before


def test_three_stray_nul_bytes_are_read_as_spaces_not_as_a_binary_file(tmp_path, original, rules):
    text = article_text()
    lines = text.split("\n")
    data = "\n".join(line + "\x00" if i in (2, 4, 6) else line for i, line in enumerate(lines)).encode("utf-8")
    corpus = read_corpus(_folder_with(tmp_path, data))
    assert corpus.skipped == ()
    (doc,) = corpus.documents
    assert doc.text.count(" \n") >= 3
    assert graph_signature(kg.build_graph(corpus, rules)) == original[2]


def test_many_nul_bytes_are_still_a_binary_file(tmp_path):
    data = article_text().encode("utf-8") + b"\x00" * 200
    assert read_corpus(_folder_with(tmp_path, data)).skipped[0].reason.startswith("binary file")


@pytest.mark.parametrize("rounds", [1, 2])
def test_text_decoded_through_latin1_is_refused_as_mojibake_not_called_binary(tmp_path, rounds):
    text = article_text()
    for _ in range(rounds):
        text = text.encode("utf-8").decode("latin-1")
    corpus = read_corpus(_folder_with(tmp_path, text.encode("utf-8")))
    assert corpus.skipped[0].reason.startswith("mojibake: UTF-8 that was decoded twice")


@pytest.mark.parametrize("encoding,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b"")])
def test_utf16_download_cut_in_the_middle_of_a_code_unit_is_read_up_to_the_cut(tmp_path, encoding, bom):
    text = article_text().rstrip("\n") + " Bộ Công an."          # ends with a letter, not a line break
    cut = bom + text.encode(encoding)[:-1]                          # the last letter's second byte is missing
    (doc,) = read_corpus(_folder_with(tmp_path / "cut", cut)).documents
    (whole,) = read_corpus(_folder_with(tmp_path / "whole", bom + text[:-1].encode(encoding))).documents
    assert doc.text == whole.text and doc.text.endswith("Bộ Công an")


@pytest.mark.parametrize("name,what", [("rot13", "not a text encoding"), ("undefined", "not a text encoding"),
                                       ("hex", "not a text encoding"), ("utf-99", "unknown encoding")])
def test_an_encoding_that_cannot_decode_text_is_one_line_exit_2(tmp_path, capsys, name, what):
    folder = _folder_with(tmp_path, article_text().encode("utf-8"))
    code = main(["build", str(folder), "--out", str(tmp_path / "out"), "--encoding", name, "-q"])
    assert code == 2
    assert capsys.readouterr().err.strip() == f"kg: error: --encoding {name!r}: {what} (e.g. utf-8, utf-16, cp1258)"
    assert not (tmp_path / "out").exists()


def test_a_page_declaring_a_charset_that_decodes_nothing_is_read_by_the_usual_order(tmp_path):
    page = ('<html><head><meta charset="undefined"></head><body><p>'
            + article_text().split("\n")[2] + "</p></body></html>")
    folder = _folder_with(tmp_path, to_cp1258(page), "trang.html")
    (doc,) = read_corpus(folder).documents
    assert doc.text.strip() == unicodedata.normalize("NFC", article_text().split("\n")[2]).strip()
