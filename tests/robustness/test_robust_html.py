"""Pages saved from a news site: the article text is used; markup, scripts, menus and asides are not."""
import shutil

from robust_helpers import FIXTURES, assert_evidence_points_into, to_cp1258

import kg
from kg.corpus import html_to_text, read_corpus
from kg.text import fold

PAGE = FIXTURES / "news_page.html"
DECOYS = ("Bộ Quốc phòng", "Bộ Tài chính", "Bộ Y tế", "Bộ Ngoại giao", "Bộ Giáo dục và Đào tạo", "Bộ Tư pháp",
          "Bộ Lao động", "Bộ Khoa học và Công nghệ", "Bộ Thông tin và Truyền thông", "Bộ Văn hóa", "Báo Mẫu")


def test_saved_news_page_gives_the_article_paragraphs_one_per_line():
    page = html_to_text(PAGE.read_text(encoding="utf-8"))
    assert page.text.split("\n") == [
        "Tăng cường hợp tác quốc tế trong phòng, chống mua bán người",
        "Bộ Công an xác định phòng, chống tội phạm mua bán người không chỉ là nhiệm vụ riêng của lực lượng "
        "Công an, mà cần có sự tham gia, huy động sức mạnh, sự phối hợp của các ban, bộ, ngành, các tổ chức "
        "quốc tế và người dân, trong đó nhấn mạnh tầm quan trọng của hợp tác quốc tế.",
        "Từ ngày 10-11/7, tại TP Quy Nhơn, tỉnh Bình Định, Cục Đối ngoại, Bộ Công an phối hợp với Tổ chức "
        "di cư quốc tế (IOM) Việt Nam tổ chức Hội thảo tập huấn nâng cao năng lực về phát hiện và xử lý các "
        "vụ việc mua bán người theo hình thái mới.",
        "Quang cảnh hội thảo.",
        "Đây là hoạt động do Bộ Nội vụ Vương quốc Anh tài trợ thông qua IOM Việt Nam & được thực hiện theo "
        "khuôn khổ Chương trình hỗ trợ Bộ Công an trong công tác phòng, chống mua bán người giai đoạn "
        "2022 - 2025 đã được lãnh đạo Bộ Công an phê duyệt.",
        "",
    ]


def test_scripts_styles_menus_asides_and_footer_are_not_article_text():
    text = html_to_text(PAGE.read_text(encoding="utf-8")).text
    for decoy in DECOYS + ("tracking", "window.ads", "color:", "NewsArticle", "Tin liên quan", "Thời sự"):
        assert decoy not in text


def test_page_title_and_publication_date_come_from_its_meta_tags():
    page = html_to_text(PAGE.read_text(encoding="utf-8"))
    assert page.title == "Tăng cường hợp tác quốc tế trong phòng, chống mua bán người"
    assert page.date == "2024-07-11"


def test_html_article_is_built_into_the_graph_without_any_decoy(tmp_path, rules):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(PAGE, folder / "trang.html")
    corpus = read_corpus(folder)
    (doc,) = corpus.documents
    assert (doc.id, doc.title, doc.date) == ("trang", "Tăng cường hợp tác quốc tế trong phòng, chống mua bán người",
                                             "2024-07-11")
    g = kg.build_graph(corpus, rules)
    labels = {fold(d["label"]) for _, d in g.nodes(data=True)}
    assert {"bo cong an", "cuc doi ngoai", "bo noi vu vuong quoc anh"} <= labels
    assert not [l for l in labels if any(fold(d) in l for d in DECOYS)]


def test_html_evidence_offsets_index_the_extracted_article_text(tmp_path, rules):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(PAGE, folder / "trang.htm")
    g = kg.build_graph(read_corpus(folder), rules)
    assert_evidence_points_into(g, html_to_text(PAGE.read_text(encoding="utf-8")).text)


def test_page_without_article_element_uses_the_largest_block_of_paragraphs():
    markup = """<html><head><title>Hợp tác phòng chống mua bán người | Báo Mẫu</title></head><body>
    <div id="menu"><p>Trang chủ</p><p>Liên hệ</p></div>
    <div id="content"><div class="meta"><time datetime="2023-03-05T08:00">05/03/2023</time></div>
      <p>Công an tỉnh Lào Cai phối hợp với Bộ Công an Trung Quốc triệt phá đường dây mua bán người.</p>
      <p>Hai bên thống nhất tăng cường trao đổi thông tin.<br>Vụ việc đang được điều tra.</p></div>
    <div id="comments"><p>Bình luận: hay quá</p></div></body></html>"""
    page = html_to_text(markup)
    assert page.text == ("05/03/2023\n"
                         "Công an tỉnh Lào Cai phối hợp với Bộ Công an Trung Quốc triệt phá đường dây mua bán người.\n"
                         "Hai bên thống nhất tăng cường trao đổi thông tin.\nVụ việc đang được điều tra.\n")
    assert page.title == "Hợp tác phòng chống mua bán người | Báo Mẫu"
    assert page.date == "2023-03-05"


def test_broken_markup_unclosed_tags_and_stray_end_tags_still_give_the_text():
    markup = "<div><p>Bộ Công an họp.<p>Cục Đối ngoại dự.</span></div></b><script>x = '</div>'"
    assert html_to_text(markup).text == "Bộ Công an họp.\nCục Đối ngoại dự.\n"


def test_windows_1258_page_declaring_its_charset_is_decoded(tmp_path):
    markup = PAGE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', '<meta charset="windows-1258">')
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "trang.html").write_bytes(to_cp1258(markup))
    (doc,) = read_corpus(folder).documents
    assert doc.text == html_to_text(PAGE.read_text(encoding="utf-8")).text


def test_page_with_no_text_is_skipped_with_a_reason(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "empty.html").write_text("<html><head><script>var a = 'Bộ Công an';</script></head><body>"
                                       "<nav>Trang chủ</nav></body></html>", encoding="utf-8")
    (folder / "good.txt").write_text("Bộ Công an họp.", encoding="utf-8")
    corpus = read_corpus(folder)
    assert [d.id for d in corpus.documents] == ["good"]
    assert corpus.skipped[0].reason == "no article text in the page"


def test_txt_and_html_copies_of_one_article_do_not_both_count(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(PAGE, folder / "bai.html")
    (folder / "bai.txt").write_text("Bộ Công an họp.", encoding="utf-8")
    corpus = read_corpus(folder)
    assert [d.path.rsplit("/", 1)[-1] for d in corpus.documents] == ["bai.html"]
    assert corpus.skipped[0].reason == "article id 'bai' already used by bai.html"


def test_page_title_is_the_first_title_not_an_icon_title():
    markup = ("<html><head><title>Hội nghị ASEAN về phòng, chống mua bán người</title></head><body>"
              "<svg><title>Chia sẻ</title></svg><p>Bộ Công an dự hội nghị.</p></body></html>")
    page = html_to_text(markup)
    assert (page.title, page.text) == ("Hội nghị ASEAN về phòng, chống mua bán người", "Bộ Công an dự hội nghị.\n")


def test_paragraphs_wrapped_one_per_div_are_all_kept():
    markup = ("<body><div id='noi-dung'>" + "".join(f"<div class='para'><p>Đoạn {i}: Bộ Công an họp.</p></div>"
                                                  for i in range(1, 6))
              + "</div><div id='ben'><p>Quảng cáo: đăng ký ngay hôm nay, giảm giá 50%.</p></div></body>")
    assert html_to_text(markup).text == "".join(f"Đoạn {i}: Bộ Công an họp.\n" for i in range(1, 6))


def test_page_saved_with_a_txt_name_is_read_as_html(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(PAGE, folder / "trang.txt")
    (doc,) = read_corpus(folder).documents
    assert doc.text == html_to_text(PAGE.read_text(encoding="utf-8")).text
    assert doc.date == "2024-07-11"


def test_text_article_that_mentions_html_is_still_text(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "bai.txt").write_text("Hướng dẫn: thẻ <html> mở một trang web.\nBộ Công an họp.\n", encoding="utf-8")
    (doc,) = read_corpus(folder).documents
    assert doc.text.startswith("Hướng dẫn: thẻ <html> mở một trang web.")


def test_marked_sections_that_crashed_the_standard_parser_are_skipped_like_browsers_do():
    for section in ("<![ x ]>", "<![foo[ Bộ Quốc phòng ]]>", "<![CDATA[ Bộ Y tế ]]>", "<![if !IE]>", "<![endif]>"):
        markup = f"<body><p>Bộ Công an họp.</p>{section}<p>Cục Đối ngoại dự.</p></body>"
        assert html_to_text(markup).text == "Bộ Công an họp.\nCục Đối ngoại dự.\n", section


def test_a_page_with_a_marked_section_is_built_with_the_other_articles(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "trang.html").write_text("<html><body><article><p>Bộ Công an phối hợp với IOM.</p><![ x ]>"
                                       "<![foo[ a ]]></article></body></html>", encoding="utf-8")
    (folder / "bai.txt").write_text("Bộ Ngoại giao họp.\n", encoding="utf-8")
    corpus = read_corpus(folder)
    assert corpus.skipped == () and len(corpus.documents) == 2
