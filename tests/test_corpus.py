"""The corpus reader: metadata from manifest or text, sentences, NFC with raw offsets."""
import unicodedata

import pytest

from kg.corpus import parse_dateline, read_corpus, read_document, split_sentences
from kg.errors import CorpusError


def test_dateline_with_weekday_and_time_gives_iso_date():
    assert parse_dateline("Thứ Năm, 11/07/2024, 16:57") == "2024-07-11"


def test_lead_without_year_is_not_a_dateline():
    assert parse_dateline("Ngày 21-2, tại TPHCM, Cục Đối ngoại tổ chức hội thảo.") == ""


def test_title_and_date_come_from_the_text_when_the_manifest_is_silent(corpus):
    doc = next(d for d in corpus.documents if d.id == "000_53ccb9e166bfc5f9")
    assert doc.title == "Tăng cường hợp tác quốc tế trong phòng, chống mua bán người"
    assert doc.date == "2024-07-11"


def test_article_stating_no_date_gets_no_date(corpus):
    doc = next(d for d in corpus.documents if d.id == "002_db21893f5557eb83")
    assert doc.date == ""


def test_line_breaks_end_sentences_so_title_and_dateline_stay_apart():
    text = "Tăng cường hợp tác quốc tế\n\nThứ Năm, 11/07/2024, 16:57\n\nBộ Công an xác định. Cục Đối ngoại tổ chức."
    sents = [s.text for s in split_sentences(text)]
    assert sents == ["Tăng cường hợp tác quốc tế", "Thứ Năm, 11/07/2024, 16:57",
                     "Bộ Công an xác định.", "Cục Đối ngoại tổ chức."]


def test_sentence_offsets_index_the_text(corpus):
    for doc in corpus.documents:
        for s in doc.sentences:
            assert doc.text[s.start:s.end] == s.text


def test_nfd_article_is_read_as_nfc_with_offsets_into_the_raw_text(tmp_path):
    raw = unicodedata.normalize("NFD", "Tiêu đề\n\nCục Đối ngoại, Bộ Công an phối hợp với IOM.")
    p = tmp_path / "a.txt"
    p.write_text(raw, encoding="utf-8")
    doc = read_document(p)
    s = doc.sentences[1]
    assert s.text == "Cục Đối ngoại, Bộ Công an phối hợp với IOM."
    raw_span = raw[doc.raw_offset(s.start):doc.raw_offset(s.end)]
    assert unicodedata.normalize("NFC", raw_span) == s.text


def test_article_missing_from_the_manifest_is_still_read(tmp_path):
    (tmp_path / "articles.tsv").write_text("id\tfile\ttitle\tdate\toutlet\turl\na\ta.txt\tTitle A\t2024-01-02\t\t\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Bộ Công an họp.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Bộ Ngoại giao họp.", encoding="utf-8")
    c = read_corpus(tmp_path)
    assert [d.id for d in c.documents] == ["a", "b"]
    assert c.documents[0].title == "Title A" and c.documents[0].date == "2024-01-02"


def test_missing_folder_is_a_corpus_error_naming_it(tmp_path):
    with pytest.raises(CorpusError, match="nope"):
        read_corpus(tmp_path / "nope")


def test_folder_without_articles_is_a_corpus_error(tmp_path):
    with pytest.raises(CorpusError, match="no article files"):
        read_corpus(tmp_path)


def test_undecodable_article_is_skipped_and_listed(tmp_path):
    (tmp_path / "good.txt").write_text("Bộ Công an họp.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes("Bộ Công an".encode("cp1258", errors="replace") + b"\xff\xfe\xfa")
    c = read_corpus(tmp_path)
    assert [d.id for d in c.documents] == ["good"]
    assert len(c.skipped) == 1 and c.skipped[0].path.endswith("bad.txt") and "1258" in c.skipped[0].reason


def test_fast_sentence_splitter_gives_underthesea_sentences():
    """The port of underthesea's tokenizer (used only for the version it was ported from) splits
    exactly as underthesea does: abbreviations, decimals, ellipses, '?!', tabs and odd spacing."""
    from pathlib import Path

    from underthesea import sent_tokenize

    from kg.corpus import _sentence_tokenizer

    split = _sentence_tokenizer()
    lines = ["TP. Hồ Chí Minh, ThS. Nguyễn Văn A nói: 1.500 người... Và rồi? Có! Hết.",
             "Ông A.B. Smith (e.g. TS. Lê) đến... sau đó .. rồi .", "...", ". . .", "a...b... C", "?!?",
             "Số 15.12.2025. Tiếp", "\tXin chào.\t Tôi là A.", "Mr. X gặp Dr.Y.", "", "   ", "Kết thúc…"]
    for path in sorted(Path(__file__).parent.parent.joinpath("corpus").glob("*.txt")):
        lines += path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        assert split(line) == sent_tokenize(line), line


def test_folder_whose_articles_are_in_a_subfolder_says_which(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("Tin tức\nBộ Công an họp.\n", encoding="utf-8")
    (tmp_path / "SOURCES.md").write_text("nguồn\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"no article files .* \(articles are in its subfolder texts/: build that folder\)$"):
        read_corpus(tmp_path)


def test_tx_with_its_dot_before_a_places_name_does_not_end_a_sentence():
    # "TX." (thị xã) comes before a place's name, written with or without a space
    texts = [s.text for s in split_sentences("Công an TX. Long Khánh cho biết. Công an TX.Bình Minh đã đến.")]
    assert texts == ["Công an TX. Long Khánh cho biết.", "Công an TX.Bình Minh đã đến."]


def test_tx_with_its_dot_before_a_capitalised_abbreviation_may_end_a_sentence():
    texts = [s.text for s in split_sentences("Vụ việc đã được báo cáo Công an TX. PV đã có mặt.")]
    assert texts == ["Vụ việc đã được báo cáo Công an TX.", "PV đã có mặt."]


def test_a_sentence_ending_inside_a_quotation_keeps_its_closing_quote():
    text = "Hơn 100 doanh nghiệp đã dự Hội thảo “Kết nối Virginia-Việt Nam.” Lãnh đạo 6 tỉnh đã phát biểu."
    assert [s.text for s in split_sentences(text)] == [
        "Hơn 100 doanh nghiệp đã dự Hội thảo “Kết nối Virginia-Việt Nam.”", "Lãnh đạo 6 tỉnh đã phát biểu."]


def test_a_no_break_space_reads_as_a_space_of_the_same_length(tmp_path):
    # "&nbsp;" in saved pages, U+00A0 in scraped text: words are read between plain spaces
    raw = "Tin\nCông an Tây Ninh ngày 12/7 tạm giữ\u00a0Nguyễn Thị Oanh để điều tra."
    (tmp_path / "a.txt").write_text(raw, encoding="utf-8")
    doc = read_document(tmp_path / "a.txt")
    assert "\u00a0" not in doc.text and len(doc.text) == len(raw)
    assert "tạm giữ Nguyễn Thị Oanh" in doc.text


def test_a_photo_credit_run_on_into_the_text_ends_its_sentence():
    # "… Ảnh: TTXVN Phát biểu tại buổi lễ, …": the caption's credit, then the next sentence (not TTXVN speaking)
    texts = [s.text for s in split_sentences("Tòa nhà được khánh thành Ảnh: TTXVN Phát biểu tại buổi lễ, Bộ trưởng cảm ơn.")]
    assert texts == ["Tòa nhà được khánh thành Ảnh: TTXVN", "Phát biểu tại buổi lễ, Bộ trưởng cảm ơn."]


def test_an_english_word_after_a_photo_credit_is_the_credits_own():
    texts = [s.text for s in split_sentences("Buổi lễ diễn ra tại Hà Nội. Ảnh: VTC News")]
    assert texts == ["Buổi lễ diễn ra tại Hà Nội.", "Ảnh: VTC News"]
