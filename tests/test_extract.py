"""Extractors, one behaviour per test, on real sentences from Vietnamese news articles."""
import pytest

import kg
from kg.extract.events import event_date


def article(tmp_path, text: str, name: str = "a.txt"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return kg.build_graph(kg.read_corpus(tmp_path), all_topics=True)     # extraction, whatever the topic


def triples(g):
    return {(g.nodes[u]["label"], d["relation"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True)}


def entities(g, etype):
    return {d["label"] for _, d in g.nodes(data=True) if d["type"] == etype}


def test_department_then_ministry_in_apposition_is_part_of(tmp_path):
    g = article(tmp_path, "Ngày 5/3/2024, Cục Đối ngoại, Bộ Công an phối hợp với UNODC tổ chức Hội thảo về hợp tác quốc tế.")
    assert ("Cục Đối ngoại", "partOf", "Bộ Công an") in triples(g)


def test_parent_in_parentheses_is_part_of(tmp_path):
    g = article(tmp_path, "Cùng dự có đại diện Cục Lãnh sự (Bộ Ngoại giao), Công an tỉnh Lạng Sơn.")
    assert ("Cục Lãnh sự", "partOf", "Bộ Ngoại giao") in triples(g)


def test_acronym_in_parentheses_is_the_same_organisation(tmp_path):
    g = article(tmp_path, "Bộ Công an phối hợp với Tổ chức Di cư quốc tế (IOM) triển khai dự án. IOM cam kết hỗ trợ.")
    iom = [d for _, d in g.nodes(data=True) if d["label"] == "Tổ chức Di cư quốc tế"]
    assert len(iom) == 1 and "IOM" in iom[0]["aliases"]


def test_body_qualified_by_a_foreign_country_is_that_countrys_body(tmp_path):
    # (an article about a place in Việt Nam: the bare "Bộ Nội vụ" is Việt Nam's; see test_names for foreign news)
    g = article(tmp_path, "Đây là hoạt động tại Hà Nội do Bộ Nội vụ Vương quốc Anh tài trợ. Bộ Nội vụ ban hành hướng dẫn.")
    assert {"Bộ Nội vụ Vương quốc Anh", "Bộ Nội vụ"} <= entities(g, "Organization")
    assert ("Bộ Nội vụ Vương quốc Anh", "country", "Vương quốc Anh") in triples(g)


def test_long_and_short_forms_of_a_ministry_are_one_node(tmp_path):
    g = article(tmp_path, "Bộ Công an Việt Nam ký kết văn bản. Bộ Công an cũng phối hợp với các địa phương.")
    assert [d["label"] for _, d in g.nodes(data=True) if d["type"] == "Organization"] == ["Bộ Công an"]
    assert ("Bộ Công an", "country", "Việt Nam") in triples(g)


def test_case_variants_of_a_department_are_one_node(tmp_path):
    g = article(tmp_path, "Cục Cảnh sát hình sự họp. Cục Cảnh sát Hình sự báo cáo kết quả.")
    assert entities(g, "Organization") == {"Cục Cảnh sát Hình sự"}


def test_unknown_body_is_found_by_head_noun_and_capitalised_name(tmp_path):
    g = article(tmp_path, "Sở Lao động - Thương binh và Xã hội tỉnh An Giang phối hợp với Công an tỉnh An Giang tổ chức Lễ tiếp nhận nạn nhân.")
    assert "Công an tỉnh An Giang" in entities(g, "Organization")


def test_generic_mentions_are_not_entities(tmp_path):
    g = article(tmp_path, "Cần có sự phối hợp của các ban, bộ, ngành, các tổ chức quốc tế và lực lượng chức năng. Ban Tổ chức trao quà.")
    assert entities(g, "Organization") == set()


def test_coordinated_participants_each_take_part(tmp_path):
    text = ("Thứ Năm, 11/07/2024, 16:57\n\nCục Đối ngoại tổ chức Hội thảo tập huấn về phát hiện các vụ việc mua bán người.\n"
            "Hội thảo thu hút sự tham dự của các đại biểu đến từ Cục Cảnh sát hình sự, Học viện Cảnh sát nhân dân và Bộ Ngoại giao.")
    t = triples(article(tmp_path, text))
    ev = "Hội thảo tập huấn về phát hiện các vụ việc mua bán người"
    for org in ("Cục Cảnh sát Hình sự", "Học viện Cảnh sát nhân dân", "Bộ Ngoại giao"):
        assert (org, "participatedIn", ev) in t
    assert ("Cục Đối ngoại", "organized", ev) in t


def test_cooperating_partner_also_organises_the_event(tmp_path):
    t = triples(article(tmp_path, "Cục Đối ngoại phối hợp với Tổ chức Di cư quốc tế (IOM) tổ chức Hội thảo về di cư an toàn."))
    assert ("Cục Đối ngoại", "cooperatesWith", "Tổ chức Di cư quốc tế") in t or \
           ("Tổ chức Di cư quốc tế", "cooperatesWith", "Cục Đối ngoại") in t
    assert ("Tổ chức Di cư quốc tế", "organized", "Hội thảo về di cư an toàn") in t


def test_agreement_between_two_countries_has_both_as_parties(tmp_path):
    t = triples(article(tmp_path, "Hai bên xúc tiến đàm phán Hiệp định giữa Việt Nam và Malaysia về phòng, chống mua bán người."))
    ag = "Hiệp định giữa Việt Nam và Malaysia về phòng, chống mua bán người"
    assert ("Việt Nam", "partyTo", ag) in t and ("Malaysia", "partyTo", ag) in t


def test_event_under_a_programme_framework(tmp_path):
    t = triples(article(tmp_path, "Trong khuôn khổ Chương trình ASEAN-ACT, Công an tỉnh Lào Cai tổ chức Hội thảo về bảo vệ nạn nhân."))
    assert ("Hội thảo về bảo vệ nạn nhân", "underFramework", "Chương trình hợp tác ASEAN - Australia về phòng, chống mua bán người") in t


def test_members_listed_after_gom_are_members(tmp_path):
    t = triples(article(tmp_path, "Dự Hội nghị có đại diện các nước thành viên COMMIT gồm: Campuchia, Lào, Myanmar và Thái Lan."))
    for c in ("Campuchia", "Lào", "Myanmar", "Thái Lan"):
        assert (c, "memberOf", "Tiến trình COMMIT") in t


def test_official_holds_the_post_named_after_his_name(tmp_path):
    t = triples(article(tmp_path, "Thiếu tướng Trần Ngọc Hà, Cục trưởng Cục Cảnh sát Hình sự phát biểu khai mạc."))
    assert ("Trần Ngọc Hà", "holdsPosition", "Cục Cảnh sát Hình sự") in t


def test_event_held_in_the_city_after_tai(tmp_path):
    t = triples(article(tmp_path, "Ngày 21/2/2022, tại TP Quy Nhơn, Cục Đối ngoại tổ chức Hội thảo về mua bán người."))
    assert ("Hội thảo về mua bán người", "heldIn", "TP Quy Nhơn") in t


def test_funder_after_do_and_before_tai_tro(tmp_path):
    text = "Cục Đối ngoại tổ chức Hội thảo về nhận diện nạn nhân. Đây là hoạt động do Bộ Nội vụ Vương quốc Anh tài trợ."
    assert ("Bộ Nội vụ Vương quốc Anh", "funded", "Hội thảo về nhận diện nạn nhân") in triples(article(tmp_path, text))


@pytest.mark.parametrize("sentence, doc_date, expected", [
    ("Từ ngày 10-11/7, tại TP Quy Nhơn, Cục Đối ngoại tổ chức hội thảo", "2024-07-11", "2024-07-10"),
    ("Sáng 30/12, tại Quảng Ninh, Cục Đối ngoại tổ chức lễ", "2021-12-30", "2021-12-30"),
    ("từ ngày 21-22/2/2022 tại TPHCM", "", "2022-02-21"),
    ("Ngày 21-2, tại TPHCM", "", ""),
    ("Năm 2020, Cơ quan Thường trực đã tổ chức hội thảo", "", "2020"),
])
def test_event_date_is_resolved_against_the_dateline_and_never_guessed(sentence, doc_date, expected):
    assert event_date(sentence, doc_date) == expected


def test_same_event_reported_by_two_outlets_is_one_node_with_both_articles(tmp_path):
    a = "Thứ Hai, 21/02/2022, 10:00\n\nNgày 21-2, Cục Đối ngoại tổ chức Hội thảo lần thứ hai về nâng cao hiệu quả hợp tác quốc tế trong phòng, chống tội phạm mua bán người."
    b = "Ngày 21/2/2022, Công an TPHCM phối hợp tổ chức Hội thảo lần thứ hai về nâng cao hiệu quả hợp tác quốc tế trong phòng, chống mua bán người."
    (tmp_path / "b.txt").write_text(b, encoding="utf-8")
    g = article(tmp_path, a)
    events = [d for _, d in g.nodes(data=True) if d["type"] == "Event"]
    assert len(events) == 1 and events[0]["docs"] == ["a", "b"]


def test_province_inside_a_longer_proper_name_is_not_a_location(tmp_path):
    g = article(tmp_path, "Ông Masood Karimipour, Trưởng đại diện UNODC khu vực Đông Nam Á và Thái Bình Dương, phát biểu.")
    assert "tỉnh Thái Bình" not in entities(g, "Location")


def test_embassy_named_by_its_country_belongs_to_that_country(tmp_path):
    t = triples(article(tmp_path, "Khóa tập huấn về điều tra do Đại sứ quán Hoa Kỳ tại Việt Nam tài trợ."))
    assert ("Đại sứ quán Hoa Kỳ tại Việt Nam", "country", "Hoa Kỳ") in t
    assert ("Đại sứ quán Hoa Kỳ tại Việt Nam", "country", "Việt Nam") not in t


def test_lower_case_event_organised_about_a_topic_is_individuated(tmp_path):
    g = article(tmp_path, "Sáng 5-6, Viện Kiểm sát nhân dân tối cao tổ chức khóa tập huấn về kỹ năng điều tra các vụ án mua bán người.")
    assert ("Viện Kiểm sát nhân dân tối cao", "organized", "Khóa tập huấn về kỹ năng điều tra các vụ án mua bán người") in triples(g)


def test_member_of_a_convention_is_party_to_it(tmp_path):
    t = triples(article(tmp_path, "Việt Nam là thành viên của Công ước ACTIP từ năm 2017."))
    assert ("Việt Nam", "partyTo", "Công ước ASEAN về phòng, chống buôn bán người, đặc biệt là phụ nữ và trẻ em") in t


def test_peers_in_a_list_are_not_part_of_each_other(tmp_path):
    t = triples(article(tmp_path, "Dự có đại diện Cục Cảnh sát hình sự, Bộ Tư lệnh Bộ đội Biên phòng, Cục Lãnh sự (Bộ Ngoại giao)."))
    assert not any(r == "partOf" and s == "Cục Cảnh sát Hình sự" for s, r, _ in t)
    assert ("Cục Lãnh sự", "partOf", "Bộ Ngoại giao") in t


def test_acronym_defined_after_an_unknown_body_names_it_later(tmp_path):
    g = article(tmp_path, "Sở Tư pháp tỉnh Lai Châu phối hợp với Trung tâm Hỗ trợ Nạn nhân Mua bán người (VTC) tổ chức tập huấn. VTC cam kết hỗ trợ.")
    nodes = [d for _, d in g.nodes(data=True) if "VTC" in d["aliases"]]
    assert len(nodes) == 1 and nodes[0]["label"] == "Trung tâm Hỗ trợ Nạn nhân Mua bán người"
    assert len(nodes[0]["docs"]) == 1 and len({e["sentence"] for e in nodes[0]["evidence"]}) == 2


def test_national_body_followed_by_a_province_is_the_provinces_own_body(tmp_path):
    g = article(tmp_path, "Tham dự Hội nghị có đại diện Bộ đội Biên phòng tỉnh An Giang và Hội Liên hiệp Phụ nữ tỉnh An Giang.")
    orgs = entities(g, "Organization")
    assert {"Bộ đội Biên phòng tỉnh An Giang", "Hội Liên hiệp Phụ nữ tỉnh An Giang"} <= orgs
    assert "Bộ Tư lệnh Bộ đội Biên phòng" not in orgs


def test_dash_and_va_inside_a_department_name(tmp_path):
    g = article(tmp_path, "Ủy ban nhân dân tỉnh An Giang phối hợp với Sở Lao động - Thương binh và Xã hội tỉnh An Giang tổ chức Hội nghị sơ kết.")
    assert "Sở Lao động - Thương binh và Xã hội tỉnh An Giang" in entities(g, "Organization")


def test_joining_a_convention_makes_a_party(tmp_path):
    t = triples(article(tmp_path, "Việt Nam đã tham gia Công ước ACTIP và phối hợp chặt chẽ với UNICEF trong hỗ trợ nạn nhân."))
    assert ("Việt Nam", "partyTo", "Công ước ASEAN về phòng, chống buôn bán người, đặc biệt là phụ nữ và trẻ em") in t
    assert ("Việt Nam", "cooperatesWith", "Quỹ Nhi đồng Liên hợp quốc") in t or ("Quỹ Nhi đồng Liên hợp quốc", "cooperatesWith", "Việt Nam") in t


def test_event_in_parentheses_takes_the_date_and_place_inside_them(tmp_path):
    text = ("Từ ngày 21-22/2/2022 tại TPHCM, Cục Đối ngoại tổ chức Hội thảo lần thứ hai về hợp tác quốc tế "
            "(hội thảo lần thứ nhất đã được tổ chức từ ngày 14-16/4/2021 tại TP Lào Cai, tỉnh Lào Cai).")
    g = article(tmp_path, text)
    ev = {d["label"]: d for _, d in g.nodes(data=True) if d["type"] == "Event"}
    assert ev["Hội thảo lần thứ hai về hợp tác quốc tế"]["date"] == "2022-02-21"
    assert ev["Hội thảo lần thứ hai về hợp tác quốc tế"]["place"] == "TPHCM"
    assert ev["Hội thảo lần thứ nhất"]["date"] == "2021-04-14" and ev["Hội thảo lần thứ nhất"]["place"] == "TP Lào Cai"


def test_name_after_post_and_body_is_a_person_holding_that_post(tmp_path):
    t = triples(article(tmp_path, "Đoàn công tác do Thứ trưởng Bộ Công an Nguyễn Văn Long dẫn đầu đã hội đàm với Cảnh sát Quốc gia Campuchia."))
    assert ("Nguyễn Văn Long", "holdsPosition", "Bộ Công an") in t


def test_a_general_post_whose_last_word_opens_the_body_s_name_is_its_chief(tmp_path):
    # "Tổng Thanh tra Chính phủ": the post "Tổng Thanh tra" (inspector general) and the body "Thanh tra Chính
    # phủ" share the word "Thanh tra"; the name after them is the holder's
    t = triples(article(tmp_path, "Tổng Thanh tra Chính phủ Phan Văn Sáu chủ trì hội nghị trực tuyến."))
    assert ("Phan Văn Sáu", "holdsPosition", "Thanh tra Chính phủ") in t


def test_a_deputy_of_a_general_post_before_its_body_holds_a_post_in_it(tmp_path):
    t = triples(article(tmp_path, "Phó Tổng Kiểm toán Nhà nước Hồ Đức Phớc cho biết kết quả kiểm toán."))
    assert ("Hồ Đức Phớc", "holdsPosition", "Kiểm toán Nhà nước") in t


def test_a_central_bank_governor_holds_his_post_and_a_speaker_of_the_assembly_acts_for_his_country(tmp_path):
    # "Thống đốc" (governor) is a post held in the body after it; "Chủ tịch QH" (the press's short form of
    # "Chủ tịch Quốc hội") is a head of state's title, who gets no holdsPosition (FORMAT.md)
    t = triples(article(tmp_path, "Thống đốc Ngân hàng Nhà nước Lê Minh Hưng cho biết. Chủ tịch QH Nguyễn Thị Kim Ngân "
                                  "phát biểu."))
    assert ("Lê Minh Hưng", "holdsPosition", "Ngân hàng Nhà nước Việt Nam") in t
    assert not any(s.endswith("Nguyễn Thị Kim Ngân") and r == "holdsPosition" for s, r, _ in t), t


def test_posts_after_a_person_named_after_his_post_are_other_people_s(tmp_path):
    # a list of those who came: the later posts are held by people the sentence does not name
    t = triples(article(tmp_path, "Tháp tùng Phó Thủ tướng có Thứ trưởng Bộ Công an Nguyễn Văn Long, Phó Chánh án "
                                  "Tòa án nhân dân tối cao, Phó Chủ nhiệm Văn phòng Chính phủ."))
    assert ("Nguyễn Văn Long", "holdsPosition", "Bộ Công an") in t
    assert not {("Nguyễn Văn Long", "holdsPosition", "Tòa án nhân dân tối cao"),
                ("Nguyễn Văn Long", "holdsPosition", "Văn phòng Chính phủ")} & t


def test_district_and_border_gate_found_by_their_prefix(tmp_path):
    t = triples(article(tmp_path, "Ngày 3/4/2023, tại huyện Mường Tè, tỉnh Lai Châu, Đồn Biên phòng cửa khẩu Ma Lù Thàng "
                                  "phối hợp với Công an huyện Mường Tè tổ chức Lễ tiếp nhận nạn nhân."))
    assert ("Lễ tiếp nhận nạn nhân", "heldIn", "huyện Mường Tè") in t
    assert ("Đồn Biên phòng cửa khẩu Ma Lù Thàng", "organized", "Lễ tiếp nhận nạn nhân") in t


def test_sentence_words_and_gaps_are_the_word_regex_matches():
    """_Sent splits words in one pass; its words are WORD's matches and its gaps the text between."""
    from kg.extract.entities import WORD, _Sent

    for text in ("Cục Đối ngoại, Bộ Công an (C03) - NQ-CP 138/CP", "  a--b a-b-c a.-b ’x’ ", "", "...",
                 "Thỏa thuận ASEAN-Australia; Nghị định 88/2019/NĐ-CP."):
        s = _Sent(text)
        words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
        assert s.words == words
        bounds = [0] + [x for a, b, _ in words for x in (a, b)] + [len(text)]
        assert s.gaps == [text[a:b] for a, b in zip(bounds[0::2], bounds[1::2])]


def test_neighbouring_capital_check_agrees_with_its_regex_definition():
    """_touches_capital reads the neighbouring words directly; it answers as the regexes
    r"(\\w+)\\s$" (before) and r"\\s(\\w+)" (after) did, a final line break included."""
    import itertools
    import re

    from kg.extract.entities import _touches_capital

    def by_regex(text, start, end):
        before = re.search(r"(\w+)\s$", text[:start])
        after = re.match(r"\s(\w+)", text[end:])
        return bool(before and before.group(1)[0].isupper()) or bool(after and after.group(1)[0].isupper())

    for chars in itertools.product("aĐ _\n.", repeat=5):
        text = "".join(chars)
        for start in range(len(text) + 1):
            for end in (start, min(start + 1, len(text)), len(text)):
                assert _touches_capital(text, start, end) == by_regex(text, start, end), (text, start, end)


# --- grammatical glue read from rules/cues.tsv (funded/agent, participatedIn/attendees, memberOf/become,
# memberOf/of, country/linker, country/seat after a post, list/and) -----------------------------------

def test_attendees_listed_after_co_following_du_and_the_event(tmp_path):
    text = ("Cục Đối ngoại tổ chức Hội thảo về nhận diện nạn nhân mua bán người. "
            "Dự Hội thảo có đại diện Bộ Ngoại giao, Tổ chức Di cư quốc tế (IOM).")
    t = triples(article(tmp_path, text))
    assert ("Bộ Ngoại giao", "participatedIn", "Hội thảo về nhận diện nạn nhân mua bán người") in t
    assert ("Tổ chức Di cư quốc tế", "participatedIn", "Hội thảo về nhận diện nạn nhân mua bán người") in t


def test_funders_coordinated_between_do_and_tai_tro_each_fund(tmp_path):
    text = ("Cục Đối ngoại tổ chức Hội nghị giao ban. "
            "Đây là hoạt động do Tổ chức Di cư quốc tế và Đại sứ quán Australia tài trợ.")
    t = triples(article(tmp_path, text))
    assert ("Tổ chức Di cư quốc tế", "funded", "Hội nghị giao ban") in t
    assert ("Đại sứ quán Australia", "funded", "Hội nghị giao ban") in t


def test_becoming_a_member_with_tro_thanh_thanh_vien_cua(tmp_path):
    t = triples(article(tmp_path, "Năm 2020, Việt Nam trở thành thành viên của Tổ chức Di cư quốc tế."))
    assert ("Việt Nam", "memberOf", "Tổ chức Di cư quốc tế") in t


def test_official_member_with_thanh_vien_chinh_thuc_cua(tmp_path):
    t = triples(article(tmp_path, "Việt Nam là một thành viên chính thức của ASEAN."))
    assert ("Việt Nam", "memberOf", "ASEAN") in t


def test_a_member_described_between_thanh_vien_and_cua_is_a_member(tmp_path):
    t = triples(article(tmp_path, "Việt Nam là một thành viên tích cực của ASEAN."))
    assert ("Việt Nam", "memberOf", "ASEAN") in t


def test_a_partner_of_a_body_is_no_member(tmp_path):
    t = triples(article(tmp_path, "Việt Nam là một đối tác tích cực của ASEAN."))
    assert not any(r == "memberOf" for _, r, _ in t)


def test_a_government_joined_to_its_country_by_nuoc_is_the_country(tmp_path):
    g = article(tmp_path, "Bộ Công an và Chính phủ nước Cộng hòa Pháp ký kết Hiệp định hợp tác về phòng, chống tội phạm.")
    assert ("Pháp", "partyTo", "Hiệp định hợp tác về phòng, chống tội phạm") in triples(g)
    france = next(d for _, d in g.nodes(data=True) if d["label"] == "Pháp")
    assert france["type"] == "Country" and "Chính phủ nước Cộng hòa Pháp" in france["aliases"]
    assert "Organization" not in {d["type"] for _, d in g.nodes(data=True) if "Chính phủ" in d["label"]}


def test_an_unqualified_government_is_viet_nam_but_a_prime_ministers_title_names_nothing(tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    assert entities(article(tmp_path / "a", "Chính phủ đã ban hành Nghị định số 62/2012."), "Country") == {"Việt Nam"}
    assert entities(article(tmp_path / "b", "Thủ tướng Chính phủ Nguyễn Văn An phê duyệt Đề án."), "Country") == set()


def test_seat_after_a_post_is_skipped_to_the_next_post(tmp_path):
    text = "Bà Nguyễn Thị Hà, Trưởng đại diện UNODC tại Hà Nội, Giám đốc Tổ chức Di cư quốc tế phát biểu."
    t = triples(article(tmp_path, text))
    assert ("Nguyễn Thị Hà", "holdsPosition", "Văn phòng Liên hợp quốc về Ma túy và Tội phạm") in t
    assert ("Nguyễn Thị Hà", "holdsPosition", "Tổ chức Di cư quốc tế") in t


def test_two_partners_after_giua_joined_by_va_cooperate(tmp_path):
    t = triples(article(tmp_path, "Hội thảo là dịp để tăng cường hợp tác giữa Bộ Công an và Tổ chức Di cư quốc tế."))
    assert ("Bộ Công an", "cooperatesWith", "Tổ chức Di cư quốc tế") in t


def _article_with_cues(tmp_path, text: str, *cue_lines: str):
    """Build one article with a private copy of rules/ whose cues.tsv has `cue_lines` appended."""
    import shutil
    from pathlib import Path

    rules = Path(shutil.copytree(Path(kg.__file__).resolve().parent.parent / "rules", tmp_path / "rules"))
    with open(rules / "cues.tsv", "a", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in cue_lines))
    corpus = tmp_path / "with-cues"
    corpus.mkdir()
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    return kg.build_graph(kg.read_corpus(corpus), kg.load_rules(rules), all_topics=True)


def test_a_new_become_word_in_cues_tsv_makes_a_member(tmp_path):
    text = "Việt Nam được kết nạp làm thành viên của ASEAN năm 1995."
    (tmp_path / "as-is").mkdir()
    assert not any(r == "memberOf" for _, r, _ in triples(article(tmp_path / "as-is", text)))
    g = _article_with_cues(tmp_path, text, "c.member.duoc-ket-nap-lam\tmemberOf\tđược kết nạp làm\tbecome")
    assert ("Việt Nam", "memberOf", "ASEAN") in triples(g)


def test_a_new_seat_word_in_cues_tsv_is_skipped_after_a_post(tmp_path):
    text = "Bà Nguyễn Thị Hà, Trưởng đại diện UNODC đặt tại Hà Nội, Giám đốc Tổ chức Di cư quốc tế phát biểu."
    (tmp_path / "as-is").mkdir()
    assert ("Nguyễn Thị Hà", "holdsPosition", "Tổ chức Di cư quốc tế") not in triples(article(tmp_path / "as-is", text))
    g = _article_with_cues(tmp_path, text, "c.country.dat-tai\tcountry\tđặt tại\tseat")
    assert ("Nguyễn Thị Hà", "holdsPosition", "Tổ chức Di cư quốc tế") in triples(g)


def test_a_ministry_whose_name_ends_in_a_common_noun_spelt_like_a_country_has_no_country(tmp_path):
    # "Bộ Tư pháp" is the Ministry of Justice: "tư pháp" (justice) is not "Pháp" (France).
    g = article(tmp_path, "Bộ Tư pháp phối hợp với Bộ Công an tổ chức hội nghị.")
    assert not [t for t in triples(g) if t[1] == "country"]
    assert ("Bộ Công an", "cooperatesWith", "Bộ Tư pháp") in triples(g)


def test_unit_with_its_acronym_then_its_ministry_is_part_of_it_and_the_subject(tmp_path):
    # "(C02)" names the department itself; ", Bộ Công an" after it is still its parent in apposition.
    g = article(tmp_path, "Cục Cảnh sát hình sự (C02), Bộ Công an phối hợp với IOM tổ chức Hội nghị tập huấn "
                          "tại tỉnh Hà Giang.")
    t = triples(g)
    assert ("Cục Cảnh sát Hình sự", "partOf", "Bộ Công an") in t
    assert ("Cục Cảnh sát Hình sự", "organized", "Hội nghị tập huấn") in t
    assert ("Bộ Công an", "organized", "Hội nghị tập huấn") not in t


def test_place_after_an_embassy_is_where_it_sits_not_where_the_event_is_held(tmp_path):
    g = article(tmp_path, "Hội thảo phòng, chống mua bán người được tổ chức tại tỉnh Lào Cai với sự tài trợ của "
                          "Đại sứ quán Hoa Kỳ tại Hà Nội.")
    held = {(s, o) for s, r, o in triples(g) if r == "heldIn"}
    assert held and all(o != "Hà Nội" for _, o in held)
    assert any(r == "funded" and s.startswith("Đại sứ quán Hoa Kỳ") for s, r, _ in triples(g))


def test_member_of_a_convention_and_its_protocol_is_party_to_both(tmp_path):
    g = article(tmp_path, "Việt Nam là thành viên của Công ước Liên hợp quốc về chống tội phạm có tổ chức xuyên "
                          "quốc gia và Nghị định thư về phòng ngừa, trấn áp và trừng trị tội mua bán người, đặc biệt "
                          "là phụ nữ và trẻ em.")
    assert ("Việt Nam", "partyTo", "Công ước chống tội phạm có tổ chức xuyên quốc gia") in triples(g)
    assert ("Việt Nam", "partyTo", "Nghị định thư về phòng ngừa, trấn áp và trừng trị tội buôn bán người, "
            "đặc biệt là phụ nữ và trẻ em") in triples(g)


def test_project_funded_with_do_tai_tro_has_its_funder(tmp_path):
    g = article(tmp_path, 'Dự án "Tăng cường năng lực phòng, chống mua bán người" do Cơ quan Phát triển quốc tế '
                          'Hoa Kỳ (USAID) tài trợ, Tổ chức Di cư quốc tế (IOM) thực hiện từ năm 2021.')
    assert ("Cơ quan Phát triển Quốc tế Hoa Kỳ", "funded",
            'Dự án "Tăng cường năng lực phòng, chống mua bán người"') in triples(g)


def test_office_of_a_body_whose_name_opens_with_its_own_head_is_one_name(tmp_path):
    # "Văn phòng" + "Cơ quan Thường trực Ban Chỉ đạo 138/CP": the office of the standing agency.
    g = article(tmp_path, "Đại diện Văn phòng Cơ quan Thường trực Ban Chỉ đạo 138/CP cho biết Việt Nam đã tiếp "
                          "nhận nạn nhân.")
    assert "Văn phòng Cơ quan Thường trực Ban Chỉ đạo 138/CP" in entities(g, "Organization")
    assert ("Văn phòng Cơ quan Thường trực Ban Chỉ đạo 138/CP", "partOf", "Ban Chỉ đạo 138/CP") in triples(g)


def test_both_governments_are_party_to_the_vietnam_cambodia_agreement(tmp_path):
    g = article(tmp_path, "Hai bên nhất trí tiếp tục triển khai hiệu quả Hiệp định giữa Chính phủ nước Cộng hòa xã "
                          "hội chủ nghĩa Việt Nam và Chính phủ Hoàng gia Campuchia về hợp tác song phương nhằm loại "
                          "trừ nạn buôn bán phụ nữ, trẻ em và giúp đỡ nạn nhân bị buôn bán.")
    parties = {s for s, r, _ in triples(g) if r == "partyTo"}
    assert parties == {"Việt Nam", "Campuchia"}


def test_bodies_that_sign_an_unnamed_cooperation_agreement_cooperate(tmp_path):
    g = article(tmp_path, "Hội Liên hiệp Phụ nữ Việt Nam và Tổ chức Rồng Xanh (Blue Dragon) đã ký thỏa thuận hợp "
                          "tác hỗ trợ nạn nhân trở về tái hòa nhập cộng đồng.")
    assert ("Tổ chức Trẻ em Rồng Xanh", "cooperatesWith", "Hội Liên hiệp phụ nữ Việt Nam") in triples(g)


def test_signatories_of_a_named_agreement_after_ky_ket_are_parties(tmp_path):
    g = article(tmp_path, "Bộ Công an Việt Nam và Bộ Nội vụ Lào đã ký kết Thỏa thuận hợp tác về phòng, chống mua "
                          "bán người giai đoạn 2024 - 2028.")
    parties = {s for s, r, _ in triples(g) if r == "partyTo"}
    assert parties == {"Bộ Công an", "Bộ Nội vụ Lào"}
    assert not [t for t in triples(g) if t[1] == "cooperatesWith"]


def test_bodies_of_one_province_listed_together_are_peers_not_parent_and_unit(tmp_path):
    g = article(tmp_path, "Tham dự lớp tập huấn có đại diện Công an tỉnh Lào Cai, Sở Lao động - Thương binh và Xã "
                          "hội tỉnh Lào Cai, Hội Liên hiệp Phụ nữ tỉnh Lào Cai cùng gần 60 học viên.")
    assert not [t for t in triples(g) if t[1] == "partOf"]


def test_training_within_a_funded_project_is_under_it_and_the_funder_funds_the_project(tmp_path):
    g = article(tmp_path, 'Ngày 13/11, Cục Phòng, chống tệ nạn xã hội tổ chức Lớp tập huấn "Kỹ năng nhận diện nạn '
                          'nhân bị mua bán" tại TP Lào Cai.\n\nLớp tập huấn nằm trong khuôn khổ Dự án "Phòng, chống '
                          'mua bán người tại khu vực biên giới" do Chính phủ Australia tài trợ.')
    event = 'Lớp tập huấn "Kỹ năng nhận diện nạn nhân bị mua bán"'
    project = 'Dự án "Phòng, chống mua bán người tại khu vực biên giới"'
    assert entities(g, "Event") == {event}
    assert (event, "underFramework", project) in triples(g)
    assert ("Australia", "funded", project) in triples(g)


def test_country_alone_in_parentheses_after_a_body_is_its_country(tmp_path):
    g = article(tmp_path, "Bộ đội Biên phòng tỉnh Quảng Ninh tiếp nhận 20 công dân bị mua bán do Công an thành phố "
                          "Đông Hưng (Trung Quốc) trao trả.")
    assert ("Công an thành phố Đông Hưng", "country", "Trung Quốc") in triples(g)


def test_two_bodies_that_hold_talks_together_cooperate(tmp_path):
    g = article(tmp_path, "Dịp này, Bộ Công an Việt Nam và Cảnh sát Quốc gia Indonesia đã trao đổi về việc tăng "
                          "cường hợp tác trong đấu tranh phòng, chống tội phạm mua bán người.")
    assert ("Bộ Công an", "cooperatesWith", "Cảnh sát Quốc gia Indonesia") in triples(g)


def test_ministries_listed_after_one_shared_head_are_each_a_participant(tmp_path):
    # "các Bộ: Quốc phòng, Ngoại giao, …": "Bộ" (ministry) is said once for the whole list.
    g = article(tmp_path, "Ngày 10/10/2024, Bộ Công an tổ chức Hội thảo quốc gia về phòng, chống mua bán người.\n\n"
                          "Tham dự Hội thảo có đại diện các Bộ: Quốc phòng, Ngoại giao, Tư pháp, Lao động - Thương "
                          "binh và Xã hội cùng các tổ chức quốc tế.")
    event = "Hội thảo quốc gia về phòng, chống mua bán người"
    assert {s for s, r, o in triples(g) if r == "participatedIn" and o == event} == {
        "Bộ Quốc phòng", "Bộ Ngoại giao", "Bộ Tư pháp", "Bộ Lao động - Thương binh và Xã hội"}
    assert "Quốc phòng" not in {a for _, d in g.nodes(data=True) for a in d["aliases"]}


def test_a_shared_head_takes_only_names_the_gazetteer_knows(tmp_path):
    g = article(tmp_path, "Đại diện các bộ, ngành và địa phương đã tham dự.")
    assert entities(g, "Organization") == set()


def test_a_dated_law_title_ends_at_its_year(tmp_path):
    g = article(tmp_path, "Theo Luật Phòng, chống mua bán người năm 2024, các cơ quan chức năng phải xác minh nạn "
                          "nhân trong 15 ngày.")
    assert entities(g, "Agreement") == {"Luật Phòng, chống mua bán người năm 2024"}


def test_a_code_of_law_is_an_agreement_not_a_ministry(tmp_path):
    # "Bộ luật" (code of law) starts with "Bộ" (ministry): the longer head wins.
    g = article(tmp_path, "Tòa án nhân dân tỉnh Hà Giang đã xét xử 5 bị cáo theo Điều 150 Bộ luật Hình sự.")
    assert "Bộ luật Hình sự" in entities(g, "Agreement")
    assert "Bộ luật Hình sự" not in entities(g, "Organization")


def test_department_names_keep_their_lower_case_second_syllable(tmp_path):
    g = article(tmp_path, "Sở Ngoại vụ tỉnh Lạng Sơn và Sở Giao thông vận tải tỉnh Lạng Sơn tham dự. Công an tỉnh "
                          "Lào Cai vụ án mua bán người đã được khởi tố.")
    orgs = entities(g, "Organization")
    assert {"Sở Ngoại vụ tỉnh Lạng Sơn", "Sở Giao thông vận tải tỉnh Lạng Sơn"} <= orgs
    assert "Công an tỉnh Lào Cai" in orgs                  # "vụ án" (a case) is not part of the name


def test_bodies_working_with_a_delegation_cooperate_with_the_body_it_comes_from(tmp_path):
    g = article(tmp_path, "UBND tỉnh Lạng Sơn và Sở Ngoại vụ tỉnh Lạng Sơn đã làm việc với Đoàn công tác của Đại sứ "
                          "quán Vương quốc Anh tại Việt Nam.")
    coop = {frozenset((s, o)) for s, r, o in triples(g) if r == "cooperatesWith"}
    assert coop == {frozenset(("UBND tỉnh Lạng Sơn", "Đại sứ quán Vương quốc Anh tại Việt Nam")),
                    frozenset(("Sở Ngoại vụ tỉnh Lạng Sơn", "Đại sứ quán Vương quốc Anh tại Việt Nam"))}


def test_a_country_after_a_post_is_not_a_persons_name(tmp_path):
    g = article(tmp_path, "Dự buổi lễ có Đại sứ Hoa Kỳ tại Việt Nam Marc Knapper.")
    assert "Hoa Kỳ" not in entities(g, "Person")


def test_a_signing_ceremony_is_named_by_what_is_signed_and_organised_by_its_hosts(tmp_path):
    g = article(tmp_path, "Ngày 8/3/2024, tại Hà Nội, Bộ Lao động - Thương binh và Xã hội và Quỹ Châu Á (The Asia "
                          "Foundation) tổ chức Lễ ký kết Biên bản ghi nhớ về hỗ trợ nạn nhân bị mua bán.")
    event = "Lễ ký kết Biên bản ghi nhớ về hỗ trợ nạn nhân bị mua bán"
    assert event in entities(g, "Event")
    assert {s for s, r, o in triples(g) if r == "organized" and o == event} == {
        "Bộ Lao động - Thương binh và Xã hội", "Quỹ Châu Á"}


def test_sides_named_inside_a_ceremonys_title_cooperate(tmp_path):
    g = article(tmp_path, "Lễ ký kết hợp tác giữa Bộ Lao động - Thương binh và Xã hội và Quỹ Châu Á\n\nHai bên cam "
                          "kết tiếp tục hỗ trợ nạn nhân.")
    assert ("Bộ Lao động - Thương binh và Xã hội", "cooperatesWith", "Quỹ Châu Á") in triples(g)


def test_a_headline_event_is_the_event_its_lead_names_in_full(tmp_path):
    g = article(tmp_path, "Lễ ký kết hợp tác giữa Bộ Lao động - Thương binh và Xã hội và Quỹ Châu Á\n\n"
                          "Ngày 8/3/2024, Bộ Lao động - Thương binh và Xã hội và Quỹ Châu Á tổ chức Lễ ký kết Biên bản "
                          "ghi nhớ về hỗ trợ nạn nhân bị mua bán.\n\nDự buổi lễ có Thứ trưởng Nguyễn Văn Hồi.")
    assert entities(g, "Event") == {"Lễ ký kết Biên bản ghi nhớ về hỗ trợ nạn nhân bị mua bán"}
    assert ("Nguyễn Văn Hồi", "participatedIn", "Lễ ký kết Biên bản ghi nhớ về hỗ trợ nạn nhân bị mua bán") in triples(g)


def test_exchanging_information_with_a_foreign_police_is_cooperation(tmp_path):
    g = article(tmp_path, "Cục Hợp tác quốc tế, Bộ Công an đã trao đổi thông tin với Cảnh sát Quốc gia Campuchia để "
                          "xác minh danh tính các nạn nhân.")
    t = triples(g)
    assert ("Cảnh sát Quốc gia Campuchia", "cooperatesWith", "Cục Hợp tác quốc tế") in t
    assert ("Cục Hợp tác quốc tế", "partOf", "Bộ Công an") in t


def test_a_short_title_of_an_agreement_named_in_full_in_the_same_article_is_that_agreement(tmp_path):
    g = article(tmp_path, "Sơ kết 3 năm thực hiện Chương trình phòng, chống mua bán người\n\nBan Chỉ đạo 138/CP tổ "
                          "chức Hội nghị sơ kết 3 năm thực hiện Chương trình phòng, chống mua bán người giai đoạn "
                          "2021-2025 và định hướng đến năm 2030.")
    assert entities(g, "Agreement") == {
        "Chương trình phòng, chống mua bán người giai đoạn 2021-2025 và định hướng đến năm 2030"}


def test_the_politburo_is_one_body_not_a_ministry_named_chinh(tmp_path):
    g = article(tmp_path, "Đồng chí Tô Lâm, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an chủ trì Hội nghị.")
    orgs = entities(g, "Organization")
    assert "Bộ Chính" not in orgs and "Bộ Chính trị" in orgs


def test_a_division_chief_holds_a_post_in_the_division_named_without_its_head(tmp_path):
    # "Trưởng phòng" (division chief) + "Cảnh sát hình sự Công an tỉnh Tây Ninh": the "Phòng" (division).
    g = article(tmp_path, "Theo Thượng tá Trần Văn Bình, Trưởng phòng Cảnh sát hình sự Công an tỉnh Tây Ninh, hợp "
                          "tác ngày càng hiệu quả.")
    # (the division named in lower case, "phòng Cảnh sát hình sự", then its parent: the unit, partOf its parent)
    t = triples(g)
    assert ("Trần Văn Bình", "holdsPosition", "Phòng Cảnh sát hình sự, Công an tỉnh Tây Ninh") in t
    assert ("Phòng Cảnh sát hình sự, Công an tỉnh Tây Ninh", "partOf", "Công an tỉnh Tây Ninh") in t


def test_a_body_named_after_thong_qua_is_a_means_not_a_unit_of_the_subject(tmp_path):
    g = article(tmp_path, "Thông qua Văn phòng Interpol Việt Nam, Công an tỉnh Nghệ An đã xác minh 12 nạn nhân.")
    assert not [t for t in triples(g) if t[1] == "partOf"]


def test_a_workshop_that_received_funding_is_the_funded_event(tmp_path):
    g = article(tmp_path, 'Ngày 5/6/2024, Công an tỉnh Nghệ An tổ chức Hội thảo "Nâng cao hiệu quả phòng, chống mua '
                          'bán người".\n\nHội thảo nhận được sự tài trợ của Liên minh châu Âu (EU).')
    event = 'Hội thảo "Nâng cao hiệu quả phòng, chống mua bán người"'
    assert entities(g, "Event") == {event}
    assert ("Liên minh Châu Âu", "funded", event) in triples(g)


def test_phong_chong_inside_a_department_name_does_not_end_it(tmp_path):
    # "phòng, chống" (prevention and combat) is one fixed pair, comma included.
    g = article(tmp_path, "Tham dự có đại diện Cục Phòng, chống ma túy và tội phạm, Bộ Tư lệnh Bộ đội Biên phòng.")
    assert ("Cục Phòng chống ma túy và tội phạm Bộ đội Biên phòng", "partOf", "Bộ Tư lệnh Bộ đội Biên phòng") in triples(g)


def test_a_department_of_prevention_and_combat_found_by_its_head_keeps_the_pair(tmp_path):
    g = article(tmp_path, "Đại diện Cục Phòng, chống tội phạm công nghệ cao tham dự.")
    assert "Cục Phòng" not in entities(g, "Organization")
    assert any(o.startswith("Cục Phòng, chống tội phạm") for o in entities(g, "Organization"))


def test_an_event_at_a_border_gate_is_held_in_the_gates_town(tmp_path):
    g = article(tmp_path, "Sáng 5/7, tại Cửa khẩu quốc tế Móng Cái, Bộ đội Biên phòng tỉnh Quảng Ninh tổ chức Lễ tiếp "
                          "nhận 20 công dân bị mua bán.")
    assert ("Lễ tiếp nhận 20 công dân bị mua bán", "heldIn", "TP Móng Cái") in triples(g)


def test_an_event_over_several_days_is_dated_by_its_first_day():
    assert event_date("Từ ngày 3 đến 5/9/2024, tại huyện Sa Pa, Công an tỉnh Lào Cai tổ chức Lớp tập huấn.",
                      "", 60, 80) == "2024-09-03"


def test_a_name_after_a_post_its_body_and_the_bodys_seat_is_the_person(tmp_path):
    g = article(tmp_path, "Dự buổi lễ có Đại sứ Hoa Kỳ tại Việt Nam Marc Knapper.")
    assert entities(g, "Person") == {"Marc Knapper"}


def test_a_head_of_mission_named_after_an_acronym_body_and_its_seat(tmp_path):
    g = article(tmp_path, "Dự buổi lễ có Trưởng Phái đoàn IOM tại Việt Nam Park Mihyung.")
    assert entities(g, "Person") == {"Park Mihyung"}


def test_a_short_title_with_two_different_completions_is_left_alone(tmp_path):
    # Which completion it would take must not depend on set order (PYTHONHASHSEED): it takes none.
    from kg.extract import compile_lexicon
    from kg.extract.entities import find_mentions
    (tmp_path / "a.txt").write_text(
        "Sơ kết Chương trình phòng, chống mua bán người\n\nCác bộ đã thực hiện Chương trình phòng, chống mua bán "
        "người giai đoạn 2011 - 2015.\n\nCác bộ đang thực hiện Chương trình phòng, chống mua bán người giai đoạn "
        "2016 - 2020.", encoding="utf-8")
    doc = kg.read_corpus(tmp_path).documents[0]
    short = [m for m in find_mentions(doc, compile_lexicon(kg.load_rules()))
             if m.text == "Chương trình phòng, chống mua bán người"]
    assert short and all(not m.attr("canonical") for m in short)


def test_a_gazetteer_name_ending_inside_a_hyphenated_word_does_not_hang(tmp_path):
    # "ASEAN" (a gazetteer body) ends inside "ASEAN-Nhật": the name extender must still move on
    g = article(tmp_path, "Trung tâm ASEAN-Nhật Bản, Hội đồng Kinh doanh ASEAN-Ấn Độ được khuyến khích tổ chức diễn đàn.")
    assert any(label.startswith("Trung tâm ASEAN") for label in entities(g, "Organization"))


def test_a_parliamentary_delegation_stands_for_its_chamber(tmp_path):
    # "đoàn Nghị sĩ" (a delegation of members of parliament) is glue before the body, like "đoàn đại biểu"
    t = triples(article(tmp_path, "Bộ Tư pháp đã làm việc với đoàn Nghị sĩ Hạ viện Nhật Bản."))
    assert ("Bộ Tư pháp", "cooperatesWith", "Hạ viện Nhật Bản") in t or ("Hạ viện Nhật Bản", "cooperatesWith", "Bộ Tư pháp") in t


def test_an_acronym_in_parentheses_does_not_break_a_coordinated_subject(tmp_path):
    t = triples(article(tmp_path, "Ngày 10/7, Đài Tiếng nói Việt Nam (VOV) và UBND tỉnh Nghệ An đã ký kết Chương trình hợp tác truyền thông."))
    assert ("Đài Tiếng nói Việt Nam", "partyTo", "Chương trình hợp tác truyền thông") in t
    assert ("UBND tỉnh Nghệ An", "partyTo", "Chương trình hợp tác truyền thông") in t


def test_a_delegation_led_by_a_person_acts_for_its_body(tmp_path):
    # "do Thứ trưởng X dẫn đầu" (led by) sits between the delegation's body and its verb
    t = triples(article(tmp_path, "Đoàn công tác Bộ Công an Việt Nam do Thứ trưởng Nguyễn Văn Sơn dẫn đầu đã có buổi "
                                  "làm việc với Bộ Công an Lào."))
    assert ("Bộ Công an", "cooperatesWith", "Bộ Công an Lào") in t or ("Bộ Công an Lào", "cooperatesWith", "Bộ Công an") in t


def test_a_department_named_after_an_international_body_is_not_part_of_it(tmp_path):
    # "Vụ ASEAN" is the foreign ministry's ASEAN department: its field, not its parent
    t = triples(article(tmp_path, "Ông Phạm Văn Nam, Vụ trưởng Vụ ASEAN, Bộ Ngoại giao chủ trì cuộc họp."))
    assert ("Vụ ASEAN", "partOf", "Bộ Ngoại giao") in t and ("Vụ ASEAN", "partOf", "ASEAN") not in t


def test_adverbs_between_a_subject_and_its_verb_keep_the_subject(tmp_path):
    # "sẽ tiếp tục" (will go on) stands between the funder and "tài trợ cho"
    t = triples(article(tmp_path, "Chính phủ Australia sẽ tiếp tục tài trợ cho Dự án hỗ trợ nạn nhân giai đoạn 2018-2020."))
    assert ("Australia", "funded", "Dự án hỗ trợ nạn nhân giai đoạn 2018-2020") in t


def test_a_meeting_held_in_a_foreign_city_the_gazetteer_knows_is_held_there(tmp_path):
    # locations.tsv lists the main foreign capitals and conference cities with their country
    t = triples(article(tmp_path, "Hội nghị Bộ trưởng ASEAN về tội phạm xuyên quốc gia lần thứ 17 tại Bali đã kết thúc."))
    assert ("Hội nghị Bộ trưởng ASEAN về tội phạm xuyên quốc gia lần thứ 17", "heldIn", "Bali") in t


def test_a_mission_named_with_a_foreign_capital_is_based_in_its_country(tmp_path):
    t = triples(article(tmp_path, "Đại sứ quán Việt Nam tại Paris đã hỗ trợ các công dân gặp nạn."))
    assert ("Đại sứ quán Việt Nam tại Paris", "basedIn", "Pháp") in t


def test_a_district_court_is_no_part_of_the_provincial_court(tmp_path):
    # district people's courts are courts of their own, unlike the district police (cues.tsv partOf/vertical)
    t = triples(article(tmp_path, "TAND huyện Tương Dương đã xét xử vụ án. TAND tỉnh Nghệ An sẽ xét xử phúc thẩm."))
    assert not any(r == "partOf" for _, r, _ in t)


def test_a_district_police_is_not_made_part_of_a_provincial_police_the_text_does_not_say_it_is_in(tmp_path):
    # FORMAT.md's partOf needs a cue ("Cục Đối ngoại, Bộ Công an"): the map, not the text, puts the district in
    # the province (the noise samples' judges marked such links wrong)
    t = triples(article(tmp_path, "Công an huyện Tương Dương đã bắt giữ đối tượng. Công an tỉnh Nghệ An chỉ đạo điều tra."))
    assert ("Công an huyện Tương Dương", "partOf", "Công an tỉnh Nghệ An") not in t


def test_a_body_does_not_take_part_in_its_own_meeting_named_elsewhere(tmp_path):
    # FORMAT.md: a body's own meeting gets no link to that body, in its sentence or in another one
    t = triples(article(tmp_path, "Hôm nay, Kỳ họp thứ 5 của Quốc hội khai mạc tại Hà Nội. "
                                  "Tham dự có đại diện Quốc hội và Mặt trận Tổ quốc Việt Nam."))
    assert not any(s == "Quốc hội" and r == "participatedIn" for s, r, _ in t)


def test_a_member_university_is_part_of_its_national_university(tmp_path):
    # heads.tsv: "Trường Đại học" ranks above its units and below "Đại học Quốc gia"
    g = article(tmp_path, "Tin tuyển sinh\nSáng 3/8, Trường ĐH Khoa học Tự nhiên (ĐH Quốc gia Hà Nội) công bố điểm chuẩn.")
    assert ("Trường ĐH Khoa học Tự nhiên", "partOf", "Đại học Quốc gia Hà Nội") in triples(g)
    g = article(tmp_path, "Tin tuyển sinh\nSáng 3/8, Trường ĐH Kinh tế (ĐHQG TP.HCM) công bố điểm chuẩn.")
    assert ("Trường ĐH Kinh tế, ĐHQG TP.HCM", "partOf", "Đại học Quốc gia Thành phố Hồ Chí Minh") in triples(g)


def test_a_schools_office_named_before_the_school_is_part_of_it(tmp_path):
    g = article(tmp_path, "Tin tuyển sinh\nÔng Nguyễn Văn Nam, Phó trưởng Phòng Công tác Sinh viên Trường Đại học "
                          "Bách khoa Hà Nội cho biết số thí sinh tăng.")
    assert ("Phòng Công tác Sinh viên, Trường Đại học Bách khoa Hà Nội", "partOf",
            "Trường Đại học Bách khoa Hà Nội") in triples(g)


def test_a_mission_said_to_be_o_a_country_is_based_there(tmp_path):
    # "ở" (in) says where a mission sits as "tại" does (cues.tsv country/seat)
    g = article(tmp_path, "Tin thế giới\nThư được gửi từ tài khoản của Đại sứ quán Pháp ở Ai Cập hôm qua.")
    assert {("Đại sứ quán Pháp ở Ai Cập", "country", "Pháp"),
            ("Đại sứ quán Pháp ở Ai Cập", "basedIn", "Ai Cập")} <= triples(g)


def test_an_investigator_holds_a_post_in_the_division_after_a_dash(tmp_path):
    g = article(tmp_path, "Thiếu tá Vi Văn Nam - Điều tra viên phòng CSHS Công an tỉnh Nghệ An cho biết đơn vị "
                          "đang mở rộng điều tra.")
    assert ("Vi Văn Nam", "holdsPosition", "Phòng CSHS, Công an tỉnh Nghệ An") in triples(g)


def test_a_word_class_is_found_however_the_tone_of_oa_or_uy_is_placed():
    # the tagged sample writes "uỷ ban", "hoà bình"; the press as often "ủy ban", "hòa bình"
    from kg.extract import compile_lexicon
    lex = compile_lexicon(kg.load_rules())
    assert lex.word_class.get("ủy ban") == lex.word_class.get("uỷ ban") == "noun"
    assert lex.word_class.get("hòa bình") == lex.word_class.get("hoà bình") == "noun"
