"""Events as news prose tells them (kg/extract/events.py, rules/events.tsv): one behaviour per test,
on sentences written for these tests in the constructions of Vietnamese news."""
import shutil
from pathlib import Path

import pytest

import kg
from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent


def build(tmp_path, *texts: str):
    """A graph of one article per text (a.txt, b.txt, …)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"{chr(97 + i)}.txt").write_text(text, encoding="utf-8")
    return kg.build_graph(kg.read_corpus(folder), all_topics=True)      # events, whatever the topic


def events(g) -> dict[str, dict]:
    return {d["label"]: d for _, d in g.nodes(data=True) if d["type"] == "Event"}


def labels(g, etype: str) -> set[str]:
    return {d["label"] for _, d in g.nodes(data=True) if d["type"] == etype}


# --- police operations, rescues, handovers --------------------------------------------------

def test_a_bust_told_by_its_verb_is_an_event_named_by_the_verb_phrase(tmp_path):
    g = build(tmp_path, "Ngày 12-3, Công an tỉnh Hà Giang phối hợp với Bộ đội Biên phòng tỉnh Hà Giang "
                        "triệt phá một đường dây mua bán phụ nữ sang Trung Quốc.")
    assert set(events(g)) == {"Triệt phá một đường dây mua bán phụ nữ sang Trung Quốc"}


def test_a_bust_of_a_case_named_by_its_crime_is_an_event_the_helper_takes_part_in(tmp_path):
    # "phá một vụ buôn lậu ma túy" (bust a drug-smuggling case); "với sự phối hợp với C": C helps the police that act
    g = build(tmp_path, "Với sự phối hợp với Công an tỉnh Lạng Sơn, Công an tỉnh Cao Bằng đã phá một vụ mua bán "
                        "người qua biên giới, giải cứu 3 phụ nữ.")
    label = next(e for e in events(g) if e.startswith("Phá một vụ mua bán người"))
    links = {(g.nodes[u]["label"], d["relation"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True)}
    assert ("Công an tỉnh Cao Bằng", "organized", label) in links
    assert ("Công an tỉnh Lạng Sơn", "participatedIn", label) in links


def test_a_rescue_of_a_counted_group_is_an_event(tmp_path):
    g = build(tmp_path, "Đồn Biên phòng Cửa khẩu Thanh Thủy đã giải cứu 4 thiếu nữ bị lừa bán sang Trung Quốc.")
    assert set(events(g)) == {"Giải cứu 4 thiếu nữ bị lừa bán sang Trung Quốc"}


def test_an_arrest_someone_is_asked_to_order_is_no_event(tmp_path):
    # "đề nghị … ra quyết định tạm giữ" (asks that a detention be ordered): not (yet) done
    g = build(tmp_path, "Tin\nĐội Cảnh sát hình sự Công an huyện Bát Xát đã thu giữ tang vật và đề nghị cơ quan điều "
                        "tra ra quyết định tạm giữ đối tượng trong thời gian 3 ngày.")
    assert events(g) == {}


def test_a_rescue_counted_over_years_is_no_event(tmp_path):
    # "trong 5 năm qua" (over the past five years): the verb counts what was done then, no one rescue
    g = build(tmp_path, "Tin\nTrong 5 năm qua, Công an tỉnh Lào Cai đã phối hợp giải cứu 320 nạn nhân bị mua bán.")
    assert events(g) == {}


def test_detaining_a_suspect_is_an_operation_of_the_body_that_acts(tmp_path):
    g = build(tmp_path, "Tin\nNgày 12/7, Công an tỉnh Tây Ninh đã tạm giữ 3 đối tượng để làm rõ hành vi mua bán người.")
    label = {n: d["label"] for n, d in g.nodes(data=True)}
    assert ("Công an tỉnh Tây Ninh", "organized", "Tạm giữ 3 đối tượng") in {
        (label[u], k, label[v]) for u, v, k in g.edges(keys=True)}


def test_two_handover_verbs_in_a_row_name_one_event(tmp_path):
    g = build(tmp_path, "Sáng 3/7/2017, Công an tỉnh Lạng Sơn tiếp nhận, xác minh 15 công dân do phía Trung Quốc trao trả.")
    ev = events(g)
    assert set(ev) == {"Tiếp nhận, xác minh 15 công dân do phía Trung Quốc trao trả"}
    assert ev["Tiếp nhận, xác minh 15 công dân do phía Trung Quốc trao trả"]["date"] == "2017-07-03"


def test_an_operation_needs_a_body_that_acts(tmp_path):
    g = build(tmp_path, "Cần phối hợp chặt chẽ trong tiếp nhận, xác minh và hỗ trợ nạn nhân bị mua bán trở về.")
    assert events(g) == {}


def test_rescuing_farm_produce_is_not_an_event(tmp_path):
    g = build(tmp_path, "Hội Nông dân tỉnh Quảng Ngãi kêu gọi các doanh nghiệp giải cứu dưa hấu cho bà con.")
    assert events(g) == {}


def test_an_organised_ceremony_in_lower_case_is_named_by_what_it_does(tmp_path):
    g = build(tmp_path, "Sáng 5/4, Sở Lao động - Thương binh và Xã hội tỉnh Lào Cai tổ chức lễ tiếp nhận, bàn giao "
                        "14 phụ nữ bị mua bán từ Trung Quốc trở về.")
    assert set(events(g)) == {"Lễ tiếp nhận, bàn giao 14 phụ nữ bị mua bán"}


def test_a_headline_operation_and_the_arrests_of_the_body_are_one_case(tmp_path):
    g = build(tmp_path, "Triệt phá đường dây đưa phụ nữ sang Trung Quốc bán\n"
                        "Công an huyện Bát Xát vừa bắt giữ 3 đối tượng trong đường dây. "
                        "Ngày 2-6, Công an tỉnh Lào Cai tiếp tục bắt giữ đối tượng Sùng A Páo.")
    ev = events(g)
    assert list(ev) == ["Triệt phá đường dây đưa phụ nữ sang Trung Quốc bán"]
    assert "bắt giữ 3 đối tượng trong đường dây" in ev["Triệt phá đường dây đưa phụ nữ sang Trung Quốc bán"]["aliases"]


def test_victims_returning_told_of_them_is_an_event(tmp_path):
    g = build(tmp_path, "Chiều 20/6/2017, 9 nạn nhân bị lừa bán sang Campuchia đã được trở về Việt Nam an toàn.")
    assert set(events(g)) == {"9 nạn nhân bị lừa bán sang Campuchia đã được trở về Việt Nam an toàn"}


def test_a_victim_rescued_in_the_passive_is_a_rescue_named_by_its_verb(tmp_path):
    g = build(tmp_path, "Ngày 24-4, một trong 3 nạn nhân của đường dây là chị Giàng Thị Mai đã được giải cứu về nước.")
    assert set(events(g)) == {"Giải cứu một trong 3 nạn nhân của đường dây là chị Giàng Thị Mai về nước"}


def test_what_has_not_happened_is_no_event(tmp_path):
    g = build(tmp_path, "Hiện vẫn còn 2 nạn nhân chưa được trở về với gia đình.")
    assert events(g) == {}


def test_the_date_before_a_report_verb_is_the_reports_and_the_flashback_dates_the_event(tmp_path):
    g = build(tmp_path, "Thứ Sáu, 19/05/2017, 10:00\n\n"
                        "Ngày 19-5, Đồn Biên phòng Hoành Mô cho biết đã triệt phá một đường dây mua bán người. "
                        "Trước đó, ngày 13-5, trong khi tuần tra, tổ công tác phát hiện hai đối tượng.")
    assert events(g)["Triệt phá một đường dây mua bán người"]["date"] == "2017-05-13"


def test_two_outlets_reporting_one_bust_give_one_event(tmp_path):
    a = ("Phá đường dây đưa phụ nữ qua biên giới\n"
         "Ngày 13-5, Đồn Biên phòng Hoành Mô bắt giữ hai đối tượng đang đưa một phụ nữ vượt biên trái phép.")
    b = ("Bắt hai đối tượng mua bán người\n"
         "Ngày 13-5, Đồn Biên phòng Hoành Mô phối hợp với Công an huyện Bình Liêu triệt phá một đường dây mua bán người.")
    ev = [d for d in events(build(tmp_path, a, b)).values()]
    assert len(ev) == 1 and ev[0]["docs"] == ["a", "b"]


def test_an_operation_told_as_a_purpose_is_no_event(tmp_path):
    # "để khởi tố" (in order to prosecute): what the body means to do, not what it did
    g = build(tmp_path, "Tin\nHiện Công an tỉnh Đắk Nông đang củng cố hồ sơ để khởi tố vụ án giết người.")
    assert events(g) == {}


def test_prosecuting_and_remanding_an_accused_is_one_case(tmp_path):
    # "khởi tố" (prosecute) and "bắt tạm giam" (arrest and remand): operations of one case
    t = triples(build(tmp_path, "Tin\nNgày 12/7, Công an tỉnh Quảng Nam đã khởi tố bị can và bắt tạm giam Lê Văn Tùng về "
                                "tội mua bán người."))
    assert ("Công an tỉnh Quảng Nam", "organized", "Khởi tố bị can và bắt tạm giam Lê Văn Tùng về tội mua bán người") in t


# --- visits ----------------------------------------------------------------------------------

def test_a_visit_told_by_the_verb_is_named_after_its_host_and_visitor(tmp_path):
    g = build(tmp_path, "Nhận lời mời của Thủ tướng Campuchia Hun Sen, Phó Thủ tướng Phạm Bình Minh đã thăm chính thức "
                        "Campuchia từ ngày 3 – 5/8/2017.")
    ev = events(g)
    name = "Chuyến thăm chính thức Campuchia của Phó Thủ tướng Phạm Bình Minh"
    assert set(ev) == {name}
    assert ev[name]["date"] == "2017-08-03" and ev[name]["place"] == "Campuchia"
    assert "Phó Thủ tướng Phạm Bình Minh đã thăm chính thức Campuchia" in ev[name]["aliases"]


def test_the_visit_noun_with_and_without_its_host_is_one_visit(tmp_path):
    g = build(tmp_path, "Chuyến thăm của Chủ tịch nước Trần Đại Quang tới Nhật Bản có ý nghĩa quan trọng. "
                        "Chuyến thăm của Chủ tịch nước Trần Đại Quang sẽ thúc đẩy hợp tác hai nước.")
    assert set(events(g)) == {"Chuyến thăm của Chủ tịch nước Trần Đại Quang tới Nhật Bản"}


def test_the_visitor_of_a_visit_noun_is_the_subject_after_trong(tmp_path):
    g = build(tmp_path, "Tháng 9/2015, trong chuyến thăm Lào, Chủ tịch nước Trương Tấn Sang đã dự lễ kỷ niệm.")
    ev = events(g)
    assert set(ev) == {"Chuyến thăm Lào của Chủ tịch nước Trương Tấn Sang"}
    assert ev["Chuyến thăm Lào của Chủ tịch nước Trương Tấn Sang"]["date"] == "2015-09"


def test_a_delegation_led_by_someone_is_the_visitor(tmp_path):
    g = build(tmp_path, "Đoàn đại biểu Bộ Công an Lào do Thứ trưởng Khamphan Phommathat làm Trưởng đoàn sang thăm, "
                        "làm việc tại Việt Nam.")
    assert set(events(g)) == {"Chuyến thăm, làm việc tại Việt Nam của Đoàn đại biểu Bộ Công an Lào"}


def test_a_delegation_visiting_a_named_body_is_a_visit_to_it(tmp_path):
    g = build(tmp_path, "Chiều cùng ngày, Đoàn đại biểu Bộ Công an Lào đã tới thăm Học viện Cảnh sát nhân dân.")
    assert set(events(g)) == {"Thăm Học viện Cảnh sát nhân dân"}


def test_a_visit_to_a_state_of_a_country_is_held_in_that_state(tmp_path):
    g = build(tmp_path, "Ngày 11/7, ông Trần Văn Nam, Phó Chủ tịch UBND tỉnh Long An đã thăm và làm việc tại bang "
                        "Virginia.")
    ev = events(g)
    name = "Chuyến thăm và làm việc tại bang Virginia của ông Trần Văn Nam"
    assert set(ev) == {name}
    held = {g.nodes[t]["label"] for _, t, d in g.out_edges(ev[name]["id"] if "id" in ev[name] else
                                                             next(n for n, x in g.nodes(data=True) if x["label"] == name),
                                                             data=True) if d["relation"] == "heldIn"}
    assert held == {"bang Virginia"}


def test_the_deputy_in_apposition_is_the_person_before_the_post(tmp_path):
    # "ông X, Phó Chủ tịch UBND tỉnh Y thăm …": the visitor is X, not the chairman the post names
    g = build(tmp_path, "Ông Trần Văn Nam, Phó Chủ tịch UBND tỉnh Long An thăm và làm việc tại Hàn Quốc.")
    assert set(events(g)) == {"Chuyến thăm và làm việc tại Hàn Quốc của Ông Trần Văn Nam"}


def test_a_visit_without_a_visitor_named_is_no_event(tmp_path):
    g = build(tmp_path, "Ông cho biết sẽ sớm thăm Việt Nam.")
    assert events(g) == {}


def test_two_outlets_reporting_one_visit_give_one_event(tmp_path):
    a = "Thủ tướng Nguyễn Xuân Phúc thăm chính thức Lào\nSáng 7/5, Thủ tướng Nguyễn Xuân Phúc đã thăm chính thức Lào."
    b = "Chuyến thăm của Thủ tướng Nguyễn Xuân Phúc tới Lào đã kết thúc tốt đẹp."
    ev = list(events(build(tmp_path, a, b)).values())
    assert len(ev) == 1 and ev[0]["docs"] == ["a", "b"]


# --- talks -----------------------------------------------------------------------------------

def test_talks_with_someone_are_named_after_both_sides(tmp_path):
    g = build(tmp_path, "Ngày 8/3/2017, tại Hà Nội, Đại tướng Tô Lâm, Bộ trưởng Bộ Công an đã hội đàm với "
                        "Bộ trưởng Bộ Nội vụ Campuchia Sar Kheng.")
    ev = events(g)
    name = "Hội đàm giữa Đại tướng Tô Lâm và Bộ trưởng Bộ Nội vụ Campuchia Sar Kheng"
    assert set(ev) == {name}
    assert ev[name]["date"] == "2017-03-08" and ev[name]["place"] == "Hà Nội"


def test_the_other_side_of_talks_may_hold_a_chain_of_posts_before_the_name(tmp_path):
    # "Phó Thủ tướng, Bộ trưởng Bộ Nội vụ Campuchia Sar Kheng": two posts, comma by comma, of one person
    g = build(tmp_path, "Bộ trưởng Bộ Công an Tô Lâm đã hội đàm với Phó Thủ tướng, Bộ trưởng Bộ Nội vụ Campuchia "
                        "Samdech Sar Kheng.")
    name = "Hội đàm giữa Bộ trưởng Bộ Công an Tô Lâm và Phó Thủ tướng, Bộ trưởng Bộ Nội vụ Campuchia Samdech Sar Kheng"
    assert set(events(g)) == {name}
    assert ("Samdech Sar Kheng", "participatedIn", name) in triples(g)
    assert ("Bộ Nội vụ Campuchia", "participatedIn", name) in triples(g)


def test_talks_between_two_coordinated_subjects(tmp_path):
    g = build(tmp_path, "Chủ tịch nước Trần Đại Quang và Tổng thống Philippines Rodrigo Duterte đã hội đàm.")
    assert set(events(g)) == {"Hội đàm giữa Chủ tịch nước Trần Đại Quang và Tổng thống Philippines Rodrigo Duterte"}


def test_a_visitor_named_with_a_post_and_its_country_in_parentheses_is_found(tmp_path):
    # "ông X, Thống đốc tỉnh Kanagawa (Nhật Bản) thăm …": the subject is before the parenthesised country,
    # and a governor's post runs through the place of the post
    g = build(tmp_path, "Chiều 12/7, ông Yuji Kuroiwa, Thống đốc tỉnh Kanagawa (Nhật Bản) thăm và làm việc tại Việt Nam.")
    name = "Chuyến thăm và làm việc tại Việt Nam của ông Yuji Kuroiwa"
    assert set(events(g)) == {name}
    assert ("Yuji Kuroiwa", "participatedIn", name) in triples(g)


def test_activities_listed_with_semicolons_share_the_first_ones_subject(tmp_path):
    g = build(tmp_path, "Thủ tướng Nguyễn Xuân Phúc đã hội đàm với Thủ tướng Mark Rutte; hội kiến Tổng thống Đức "
                        "Frank-Walter Steinmeier.")
    name = "Hội kiến giữa Thủ tướng Nguyễn Xuân Phúc và Tổng thống Đức Frank-Walter Steinmeier"
    assert name in events(g)
    assert ("Nguyễn Xuân Phúc", "participatedIn", name) in triples(g)


def test_a_courtesy_call_on_a_head_of_state_named_by_country_is_an_event(tmp_path):
    g = build(tmp_path, "Thủ tướng Nguyễn Xuân Phúc hội kiến Tổng thống Pháp tại Paris.")
    name = "Hội kiến giữa Thủ tướng Nguyễn Xuân Phúc và Tổng thống Pháp"
    assert set(events(g)) == {name}
    assert ("Pháp", "participatedIn", name) in triples(g)


def test_talks_two_bodies_held_are_talks_between_them(tmp_path):
    # "A và B đã tổ chức / tiến hành hội đàm": the coordinated subject of the verb that has the talks
    g = build(tmp_path, "Sáng 15/3, Bộ Công an và Bộ Nội vụ Lào đã tổ chức hội đàm tại Hà Nội.")
    name = "Hội đàm giữa Bộ Công an và Bộ Nội vụ Lào"
    assert set(events(g)) == {name}
    t = triples(g)
    assert ("Bộ Nội vụ Lào", "participatedIn", name) in t and ("Bộ Công an", "participatedIn", name) in t


def test_a_working_session_with_a_delegation_is_talks_between_the_two_sides(tmp_path):
    # "có buổi làm việc với …": a working session (the classifier "buổi" makes "làm việc", to work, a meeting)
    g = build(tmp_path, "Sáng 10/5, Cục Cảnh sát hình sự đã có buổi làm việc với Đoàn công tác của Bộ Nội vụ "
                        "Vương quốc Anh về hợp tác phòng, chống mua bán người.")
    name = "Buổi làm việc giữa Cục Cảnh sát hình sự và Đoàn công tác của Bộ Nội vụ Vương quốc Anh"
    assert set(events(g)) == {name}
    t = triples(g)
    assert ("Bộ Nội vụ Vương quốc Anh", "participatedIn", name) in t
    assert ("Cục Cảnh sát Hình sự", "participatedIn", name) in t


def test_work_without_a_classifier_is_no_meeting(tmp_path):
    g = build(tmp_path, "Đoàn công tác của Bộ Công an đã làm việc với Công an tỉnh Lào Cai về công tác phòng, "
                        "chống mua bán người.")
    assert not events(g)


def test_a_proposed_working_session_is_no_event(tmp_path):
    g = build(tmp_path, "Cục Hợp tác quốc tế đề xuất lãnh đạo Bộ tổ chức buổi làm việc với Đại sứ quán Hàn Quốc "
                        "vào tháng tới.")
    assert not events(g)


def test_a_body_organising_a_visit_is_not_its_visitor(tmp_path):
    # "tổ chức" frames talks only (events.tsv frame-verb, class talks): the ministry organises the trip
    g = build(tmp_path, "Đại sứ Nguyễn Văn Nam đã tổ chức chuyến thăm Lào cho các phóng viên nước ngoài.")
    assert not any(r == "participatedIn" and s == "Nguyễn Văn Nam" for s, r, _ in triples(g))


def test_a_courtesy_call_without_voi_names_the_other_side_directly(tmp_path):
    g = build(tmp_path, "Phó Thủ tướng Vương Đình Huệ hội kiến Thủ tướng Singapore Lý Hiển Long.")
    assert set(events(g)) == {"Hội kiến giữa Phó Thủ tướng Vương Đình Huệ và Thủ tướng Singapore Lý Hiển Long"}


def test_the_talks_referred_to_later_are_the_same_event(tmp_path):
    g = build(tmp_path, "Bộ trưởng Tô Lâm hội đàm với Bộ trưởng Bộ Nội vụ Lào Vilay Lakhamphong. "
                        "Phát biểu tại hội đàm, hai bên nhất trí tăng cường hợp tác.")
    assert set(events(g)) == {"Hội đàm giữa Bộ trưởng Tô Lâm và Bộ trưởng Bộ Nội vụ Lào Vilay Lakhamphong"}


# --- titles and lower-case meetings ----------------------------------------------------------

def test_a_title_ends_where_the_clause_verb_begins(tmp_path):
    g = build(tmp_path, "Hội nghị Quan chức cao cấp ASEAN diễn ra tại Manila. "
                        "Hội nghị ghi nhận những tiến triển tích cực trong hợp tác.")
    assert set(events(g)) == {"Hội nghị Quan chức cao cấp ASEAN"}


def test_a_title_runs_on_through_an_acronym_and_a_trailing_acronym_is_an_alias(tmp_path):
    g = build(tmp_path, "Cuộc họp các Quan chức cao cấp (SOM) ASEAN và Nhật Bản diễn ra tại Tokyo. "
                        "Hội nghị Bộ trưởng Tư pháp các nước ASEAN (ALAWMM) sẽ họp vào tháng 10.")
    ev = events(g)
    assert set(ev) == {"Cuộc họp các Quan chức cao cấp (SOM) ASEAN và Nhật Bản",
                       "Hội nghị Bộ trưởng Tư pháp các nước ASEAN"}
    assert "ALAWMM" in ev["Hội nghị Bộ trưởng Tư pháp các nước ASEAN"]["aliases"]


def test_a_title_ends_before_its_month(tmp_path):
    g = build(tmp_path, "Hai bên chuẩn bị cho Hội nghị Bộ trưởng Ngoại giao ASEAN-Nhật Bản tháng 8-2017 và các hoạt động khác.")
    assert set(events(g)) == {"Hội nghị Bộ trưởng Ngoại giao ASEAN-Nhật Bản"}


def test_a_plural_title_with_two_topics_is_two_events(tmp_path):
    g = build(tmp_path, "Việt Nam sẽ đăng cai các Hội thảo ARF về An ninh biển và Cứu trợ thiên tai trong năm 2018.")
    assert set(events(g)) == {"Hội thảo ARF về An ninh biển", "Hội thảo ARF về Cứu trợ thiên tai"}


def test_a_generic_plural_is_no_event(tmp_path):
    g = build(tmp_path, "Các bên đã tổ chức các hội nghị thường niên để trao đổi thông tin.")
    assert events(g) == {}


def test_a_lower_case_workshop_with_a_quoted_title(tmp_path):
    g = build(tmp_path, "Đây là nội dung chính của hội thảo “Phòng ngừa lao động trẻ em” do Bộ Tư pháp tổ chức ngày 2/6/2017.")
    assert set(events(g)) == {"Hội thảo Phòng ngừa lao động trẻ em"}


def test_an_annual_meeting_in_lower_case_is_named_by_its_specifier(tmp_path):
    g = build(tmp_path, "Hai bên đã tổ chức hội nghị thường niên phối hợp thực hiện Hiệp định về hợp tác "
                        "phòng, chống mua bán người.")
    assert "Hội nghị thường niên phối hợp thực hiện Hiệp định về hợp tác phòng, chống mua bán người" in events(g)


def test_a_dialogue_dated_right_after_its_noun(tmp_path):
    g = build(tmp_path, "Trong cuộc đối thoại với các doanh nghiệp ngày 17/5, Thủ tướng nhấn mạnh vai trò của khu vực tư nhân.")
    assert set(events(g)) == {"Cuộc đối thoại với các doanh nghiệp"}


def test_a_session_numbered_by_an_ordinal_skips_its_dated_clause(tmp_path):
    g = build(tmp_path, "Ông phát biểu tại phiên thảo luận đặc biệt thứ hai diễn ra chiều 4/6 về an ninh hàng hải.")
    assert set(events(g)) == {"Phiên thảo luận đặc biệt thứ hai về an ninh hàng hải"}


def test_a_year_and_an_edition_of_one_meeting_in_an_article_are_one_event(tmp_path):
    g = build(tmp_path, "Đối thoại Shangri-La 2018 khai mạc tại Singapore. Tại Đối thoại Shangri-La 17, các nước thảo luận nhiều vấn đề.")
    assert set(events(g)) == {"Đối thoại Shangri-La 2018"}


def test_sessions_numbered_alike_in_two_articles_stay_two_events(tmp_path):
    g = build(tmp_path, "Sáng 10/7, Hội đồng nhân dân tỉnh Nghệ An khai mạc kỳ họp thứ 3.",
                        "Sáng 12/7, Hội đồng nhân dân tỉnh Hà Tĩnh khai mạc kỳ họp thứ 3.")
    assert sorted(d["docs"] for _, d in g.nodes(data=True) if d["type"] == "Event") == [["a"], ["b"]]


def test_a_grand_ceremony_is_no_pointer_back_at_the_article_s_ceremony(tmp_path):
    # "đại lễ" (a grand ceremony) is one word: its "lễ" does not point back at "Lễ thả hoa đăng"
    t = triples(build(tmp_path, "Đại lễ cầu siêu các anh hùng liệt sỹ tại Quảng Trị\nTối qua, người dân tiến hành "
                                "Lễ thả hoa đăng trên sông Thạch Hãn."))
    assert not any(r == "heldIn" and s.startswith("Lễ thả hoa đăng") for s, r, o in t), t


def test_a_numbered_session_of_a_body_named_by_its_press_spelling_is_an_event(tmp_path):
    # "UB Thường vụ QH" (Ủy ban Thường vụ Quốc hội): a known body whose first word is no head noun; its
    # session's number makes the event, and a sentence glued on after the number is no part of it
    g = build(tmp_path, "Tin\nChủ tịch Quốc hội phát biểu tại phiên họp UB Thường vụ QH thứ 10 Giải thích lý do "
                        "về sự thay đổi này, Tổng thư ký cho biết.")
    assert set(events(g)) == {"Phiên họp UB Thường vụ QH thứ 10"}


def test_a_plenum_named_in_its_resolution_s_title_leaves_the_topic_to_the_resolution(tmp_path):
    # "Nghị quyết Hội nghị Trung ương 5 khóa XII về …": the resolution is about the topic; the plenum passed it
    g = build(tmp_path, "Tin\nCác bộ phải thực hiện Nghị quyết Hội nghị Trung ương 5 khóa XII về sắp xếp, đổi mới "
                        "doanh nghiệp nhà nước, Phó Thủ tướng nhấn mạnh.")
    assert set(events(g)) == {"Hội nghị Trung ương 5 khóa XII"}
    assert labels(g, "Agreement") == {"Nghị quyết Hội nghị Trung ương 5 khóa XII về sắp xếp, đổi mới doanh nghiệp nhà nước"}


def test_each_session_of_a_body_is_no_event(tmp_path):
    g = build(tmp_path, "Tin\nMỗi kỳ họp Quốc hội có hàng trăm cơ quan báo chí đến tham dự và đưa tin.")
    assert events(g) == {}


# --- bodies named like events ----------------------------------------------------------------

def test_standing_fora_listed_after_cac_dien_dan_are_organizations(tmp_path):
    g = build(tmp_path, "Việt Nam tích cực tham gia các diễn đàn khu vực như Hội nghị Cấp cao Đông Á (EAS), "
                        "Diễn đàn Khu vực ASEAN (ARF), góp phần xây dựng lòng tin.")
    assert events(g) == {}
    assert {"Hội nghị Cấp cao Đông Á", "Diễn đàn Khu vực ASEAN"} <= labels(g, "Organization")


def test_the_forum_whose_meeting_it_is_is_an_organization_inside_the_title(tmp_path):
    g = build(tmp_path, "Ngày 24/5, tại Manila đã diễn ra Hội nghị Quan chức cao cấp Diễn đàn Khu vực ASEAN (SOM ARF).")
    ev = events(g)
    assert set(ev) == {"Hội nghị Quan chức cao cấp Diễn đàn Khu vực ASEAN"}
    assert "SOM ARF" in ev["Hội nghị Quan chức cao cấp Diễn đàn Khu vực ASEAN"]["aliases"]
    assert "Diễn đàn Khu vực ASEAN" in labels(g, "Organization")


# --- sport and markets -----------------------------------------------------------------------

def test_sport_and_market_news_give_no_event(tmp_path):
    g = build(tmp_path, "Tiền đạo Công Phượng phá lưới đội khách ở phút 89. "
                        "Giá lợn hơi giảm mạnh, nhiều tỉnh kêu gọi giải cứu thịt lợn.")
    assert events(g) == {}


# --- the rule table --------------------------------------------------------------------------

def test_a_class_that_does_not_fit_its_kind_is_reported_with_file_and_line(tmp_path, capsys):
    rules = shutil.copytree(ROOT / "rules", tmp_path / "rules")
    table = rules / "events.tsv"
    text = table.read_text(encoding="utf-8")
    table.write_text(text.rstrip("\n") + "\nop.bat-coc\toperation\tbắt cóc\tkidnap\n", encoding="utf-8")
    n = text.rstrip("\n").count("\n") + 2
    code = main(["build", str(tmp_path / "none"), "--out", str(tmp_path / "out"), "--rules", str(rules), "-q"])
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        f"kg: error: rules/events.tsv:{n}: class 'kidnap' does not fit kind 'operation' "
        "(one of case, rescue, repatriation)")


def test_a_name_template_with_an_unknown_slot_is_reported(tmp_path, capsys):
    rules = shutil.copytree(ROOT / "rules", tmp_path / "rules")
    table = rules / "events.tsv"
    text = table.read_text(encoding="utf-8")
    table.write_text(text.rstrip("\n") + "\nn.visit2\tname\tChuyến thăm của {guest}\tvisit\n", encoding="utf-8")
    code = main(["build", str(tmp_path / "none"), "--out", str(tmp_path / "out"), "--rules", str(rules), "-q"])
    assert code == 2
    assert "unknown slot or stray brace" in capsys.readouterr().err


def test_talks_the_subject_had_are_its_talks(tmp_path):
    g = build(tmp_path, "Ngày 7/7, Tổng thống Pháp Emmanuel Macron đã có cuộc hội đàm với Thủ tướng Canada Justin Trudeau.")
    assert set(events(g)) == {"Hội đàm giữa Tổng thống Pháp Emmanuel Macron và Thủ tướng Canada Justin Trudeau"}


def test_talks_coordinated_with_another_verb_before_the_partner(tmp_path):
    g = build(tmp_path, "Thủ tướng Nguyễn Xuân Phúc đã hội đàm và dự chiêu đãi với Thủ tướng Úc Malcolm Turnbull.")
    assert set(events(g)) == {"Hội đàm giữa Thủ tướng Nguyễn Xuân Phúc và Thủ tướng Úc Malcolm Turnbull"}


def test_the_person_and_the_delegation_with_him_are_one_visitor(tmp_path):
    g = build(tmp_path, "Thủ tướng Nguyễn Xuân Phúc và Phu nhân cùng Đoàn đại biểu cấp cao Chính phủ Việt Nam đã thăm "
                        "chính thức làm việc tại Vương quốc Hà Lan. Chuyến thăm của Thủ tướng Nguyễn Xuân Phúc đã thành công.")
    assert set(events(g)) == {"Chuyến thăm chính thức làm việc tại Vương quốc Hà Lan của Thủ tướng Nguyễn Xuân Phúc "
                              "và Phu nhân cùng Đoàn đại biểu cấp cao Chính phủ Việt Nam"}


def test_a_visit_noun_dated_by_its_year(tmp_path):
    g = build(tmp_path, "Ông nhắc lại chuyến thăm Hoa Kỳ năm 2015 của Tổng Bí thư Nguyễn Phú Trọng.")
    assert set(events(g)) == {"Chuyến thăm Hoa Kỳ năm 2015 của Tổng Bí thư Nguyễn Phú Trọng"}


def test_a_campaign_opened_in_lower_case(tmp_path):
    g = build(tmp_path, "Công an tỉnh Nghệ An mở đợt cao điểm tấn công trấn áp tội phạm mua bán người.")
    assert set(events(g)) == {"Đợt cao điểm tấn công trấn áp tội phạm mua bán người"}


def test_a_suspect_caught_told_in_the_passive_joins_the_case(tmp_path):
    g = build(tmp_path, "Triệt phá đường dây lừa bán phụ nữ sang Trung Quốc\n"
                        "Sau nhiều ngày truy xét, đối tượng cầm đầu đường dây đã bị bắt giữ tại Lạng Sơn.")
    assert set(events(g)) == {"Triệt phá đường dây lừa bán phụ nữ sang Trung Quốc"}


def test_a_headline_opening_with_a_meeting_verb_names_the_main_event(tmp_path):
    g = build(tmp_path, "Gặp mặt cán bộ lãnh sự Việt Nam ở nước ngoài\n"
                        "Chiều 14/7/2017, tại Hà Nội, Phó Thủ tướng Phạm Bình Minh gặp mặt cán bộ lãnh sự Việt Nam ở nước ngoài.")
    ev = events(g)
    assert set(ev) == {"Gặp mặt cán bộ lãnh sự Việt Nam ở nước ngoài"}
    assert ev["Gặp mặt cán bộ lãnh sự Việt Nam ở nước ngoài"]["date"] == "2017-07-14"


# --- the links an event told by a verb states ------------------------------------------------

def triples(g):
    return {(g.nodes[u]["label"], d["relation"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True)}


def test_the_bodies_that_act_together_organise_the_operation(tmp_path):
    t = triples(build(tmp_path, "Đồn Biên phòng Hoành Mô phối hợp với Công an huyện Bình Liêu triệt phá một đường dây "
                                "mua bán người."))
    ev = "Triệt phá một đường dây mua bán người"
    assert {s for s, r, o in t if r == "organized" and o == ev} == {"Đồn Biên phòng Hoành Mô", "Công an huyện Bình Liêu"}


def test_a_body_that_only_assists_takes_part(tmp_path):
    t = triples(build(tmp_path, "Với sự phối hợp của Công an huyện Bình Liêu, Đồn Biên phòng Hoành Mô đã giải cứu "
                                "2 phụ nữ bị lừa bán."))
    ev = "Giải cứu 2 phụ nữ bị lừa bán"
    assert ("Đồn Biên phòng Hoành Mô", "organized", ev) in t
    assert ("Công an huyện Bình Liêu", "participatedIn", ev) in t
    assert ("Công an huyện Bình Liêu", "organized", ev) not in t


def test_a_head_of_government_visits_for_his_country_and_the_visit_is_held_in_the_host(tmp_path):
    t = triples(build(tmp_path, "Thủ tướng Nguyễn Xuân Phúc đã thăm chính thức Nhật Bản. "
                                "Việt Nam và Nhật Bản nhất trí tăng cường hợp tác."))
    ev = "Chuyến thăm chính thức Nhật Bản của Thủ tướng Nguyễn Xuân Phúc"
    assert {("Nguyễn Xuân Phúc", "participatedIn", ev), ("Việt Nam", "participatedIn", ev),
            (ev, "heldIn", "Nhật Bản")} <= t
    assert ("Nhật Bản", "participatedIn", ev) not in t


def test_the_home_country_of_a_head_of_government_takes_part_where_the_event_is_told(tmp_path):
    # the headline names Việt Nam first, but only the sentence of the visit states that it took part
    g = build(tmp_path, "Quan hệ Việt Nam - Nhật Bản\nThủ tướng Nguyễn Xuân Phúc đã thăm chính thức Nhật Bản.")
    ev = "Chuyến thăm chính thức Nhật Bản của Thủ tướng Nguyễn Xuân Phúc"
    evidence = [d["evidence"] for u, v, d in g.edges(data=True)
                if (g.nodes[u]["label"], d["relation"], g.nodes[v]["label"]) == ("Việt Nam", "participatedIn", ev)]
    assert [e["sentence"] for e in evidence[0]] == ["Thủ tướng Nguyễn Xuân Phúc đã thăm chính thức Nhật Bản."]


def test_both_sides_of_talks_take_part_with_the_bodies_they_speak_for(tmp_path):
    t = triples(build(tmp_path, "Thượng tướng Tô Lâm hội đàm với Bộ trưởng Bộ Nội vụ Campuchia Sar Kheng."))
    ev = "Hội đàm giữa Thượng tướng Tô Lâm và Bộ trưởng Bộ Nội vụ Campuchia Sar Kheng"
    assert {s for s, r, o in t if r == "participatedIn" and o == ev} >= {"Tô Lâm", "Bộ Nội vụ Campuchia"}
    assert ("Campuchia", "participatedIn", ev) not in t


def test_a_visiting_delegation_takes_part_with_its_body(tmp_path):
    t = triples(build(tmp_path, "Đoàn đại biểu Bộ Công an Lào do Thứ trưởng Khamphan Phommathat làm Trưởng đoàn "
                                "sang thăm, làm việc tại Việt Nam."))
    ev = "Chuyến thăm, làm việc tại Việt Nam của Đoàn đại biểu Bộ Công an Lào"
    assert ("Bộ Công an Lào", "participatedIn", ev) in t and (ev, "heldIn", "Việt Nam") in t


def test_a_visit_someone_is_invited_to_make_is_no_event(tmp_path):
    g = build(tmp_path, "Nhân dịp này, Thủ tướng Nguyễn Xuân Phúc đã mời Thủ tướng Mark Rutte thăm Việt Nam.")
    assert events(g) == {}


def test_a_leader_receiving_a_visitor_is_a_reception_both_take_part_in(tmp_path):
    # "tiếp" (receives) with the visitor after it: a call, named like talks
    t = triples(build(tmp_path, "Tin\nNgày 14/7, tại Trụ sở Chính phủ, Thủ tướng Nguyễn Văn An tiếp ông Tanaka Hiroshi, "
                                "Thống đốc tỉnh Chiba (Nhật Bản)."))
    ev = "Thủ tướng Nguyễn Văn An tiếp ông Tanaka Hiroshi"
    assert ("Nguyễn Văn An", "participatedIn", ev) in t and ("Tanaka Hiroshi", "participatedIn", ev) in t


def test_an_official_meeting_someone_named_is_a_meeting_both_take_part_in(tmp_path):
    # "gặp" (meets) with the one met, named, after it: named like talks
    t = triples(build(tmp_path, "Tin\nChiều 10/7, Thủ tướng Nguyễn Văn An đã gặp Tổng thống Pháp Jean Moreau."))
    ev = "Cuộc gặp giữa Thủ tướng Nguyễn Văn An và Tổng thống Pháp Jean Moreau"
    assert ("Nguyễn Văn An", "participatedIn", ev) in t and ("Jean Moreau", "participatedIn", ev) in t


def test_two_people_meeting_by_their_titles_of_address_is_no_meeting(tmp_path):
    # "ông X gặp bà Y": neither speaks for a state or a body
    g = build(tmp_path, "Tin\nHôm sau, ông Trần Văn Hòa gặp bà Lê Thị Mai tại quán cà phê.")
    assert events(g) == {}


def test_meeting_someone_unnamed_is_no_meeting(tmp_path):
    # a headline's "Thủ tướng gặp Chủ tịch Thượng viện" names no one met
    g = build(tmp_path, "Thủ tướng gặp Chủ tịch Thượng viện\nBuổi làm việc diễn ra thân mật.")
    assert events(g) == {}


def test_meeting_difficulties_is_no_meeting(tmp_path):
    g = build(tmp_path, "Tin\nThủ tướng Nguyễn Văn An cho biết doanh nghiệp gặp nhiều khó khăn.")
    assert events(g) == {}


def test_talks_on_the_telephone_are_talks(tmp_path):
    t = triples(build(tmp_path, "Tin\nCuối tuần qua, Tổng thống Nga Ivan Petrov đã điện đàm với Quốc vương Qatar Tamim Bin "
                                "Hamad Al Thani."))
    ev = "Điện đàm giữa Tổng thống Nga Ivan Petrov và Quốc vương Qatar Tamim Bin Hamad Al Thani"
    assert ("Tamim Bin Hamad Al Thani", "participatedIn", ev) in t


def test_a_coordinated_subject_before_the_reception_verb_is_no_reception(tmp_path):
    # "tiếp" needs its visitor after it: "A và B tiếp …" is no reception between A and B
    g = build(tmp_path, "Tin\nBộ trưởng Lê Văn Hải và Thứ trưởng Trần Văn Bình tiếp, làm việc suốt buổi sáng.")
    assert events(g) == {}


def test_talks_between_the_two_leaders_are_between_those_the_sentence_opens_with(tmp_path):
    # "giữa hai nhà lãnh đạo" (between the two leaders): the pair named at the start of the sentence
    t = triples(build(tmp_path, "Tin\nThủ tướng Nguyễn Văn An và Thủ tướng Jan de Vries nhất trí như vậy tại buổi hội "
                                "đàm giữa hai nhà lãnh đạo."))
    ev = "Hội đàm giữa Thủ tướng Nguyễn Văn An và Thủ tướng Jan de Vries"
    assert ("Nguyễn Văn An", "participatedIn", ev) in t and ("Jan de Vries", "participatedIn", ev) in t


def test_talks_are_held_where_the_place_after_their_last_side_says(tmp_path):
    t = triples(build(tmp_path, "Tin\nChiều 10/7, Thủ tướng Nguyễn Văn An đã hội đàm với Thủ tướng Jan de Vries tại La Hay."))
    assert ("Hội đàm giữa Thủ tướng Nguyễn Văn An và Thủ tướng Jan de Vries", "heldIn", "La Hay") in t


def test_the_country_visited_takes_part_in_talks_with_its_leader_named_without_it(tmp_path):
    # on a visit to the Netherlands, "Thủ tướng Jan de Vries" (no country named) acts for it
    t = triples(build(tmp_path, "Tin\nThủ tướng Nguyễn Văn An thăm chính thức Hà Lan từ ngày 8/7. Chiều 10/7, Thủ tướng "
                                "Nguyễn Văn An đã hội đàm với Thủ tướng Jan de Vries. Việt Nam và Hà Lan nhất trí."))
    assert ("Hà Lan", "participatedIn", "Hội đàm giữa Thủ tướng Nguyễn Văn An và Thủ tướng Jan de Vries") in t


def test_an_envoy_named_with_his_seat_is_a_side_of_talks(tmp_path):
    # "Đại sứ Hoa Kỳ tại Việt Nam X": the post, its country, its seat, then the name
    t = triples(build(tmp_path, "Tin\nBộ trưởng Lê Văn Hải hội kiến Đại sứ Hoa Kỳ tại Việt Nam Mark Brown."))
    assert ("Mark Brown", "participatedIn", "Hội kiến giữa Bộ trưởng Lê Văn Hải và Đại sứ Hoa Kỳ tại Việt Nam Mark Brown") in t


def test_an_event_named_by_its_head_and_acronym_is_the_event_that_defined_it(tmp_path):
    g = build(tmp_path, "Tin\nHội nghị lần thứ 12 các Bộ trưởng Tư pháp ASEAN (ALAWMM 12) diễn ra tại Hà Nội. "
                        "Hội nghị ALAWMM 12 sẽ thảo luận về hợp tác tư pháp.")
    assert set(events(g)) == {"Hội nghị lần thứ 12 các Bộ trưởng Tư pháp ASEAN"}


def test_a_minister_s_lunch_with_a_group_of_ambassadors_is_a_meeting(tmp_path):
    # "có buổi gặp và ăn trưa với đại sứ các nước …": a meeting noun after "có", what else they did, then the group
    t = triples(build(tmp_path, "Tin\nNgày 11/7, Ngoại trưởng Nhật Bản Yamada Taro đã có buổi gặp và ăn trưa với đại sứ "
                                "các nước ASEAN nhân dịp kỷ niệm 50 năm thành lập ASEAN."))
    assert ("Yamada Taro", "participatedIn", "Buổi gặp và ăn trưa với đại sứ các nước ASEAN") in t


def test_the_other_side_of_earlier_talks_is_no_subject_of_later_ones(tmp_path):
    # "sau cuộc hội đàm với X, …, hội đàm với Y": X met the speaker before; X is not the one who met Y
    g = build(tmp_path, "Tin\nHôm 12/7, sau cuộc hội đàm với người đồng cấp Bỉ Jan Peeters, Bộ trưởng Lê Văn Hải cho biết "
                        "con trai ông, Trần Văn Nam, hội đàm với Bộ trưởng Bộ Tài chính Nguyễn Văn Bình.")
    assert not [e for e in events(g) if "Jan Peeters" in e]


def test_talks_held_by_a_leaders_son_are_not_the_leaders(tmp_path):
    # "con trai" (son) before the president: the son talks; kg names no actor and no event
    t = triples(build(tmp_path, "Tin\nNgày 3/6, con trai Tổng thống Mỹ Donald Trump đã hội đàm với Thủ tướng Ấn Độ "
                                "Narendra Modi tại New Delhi."))
    assert not [x for x in t if x[1] == "participatedIn"]


def test_a_leader_named_without_a_country_visiting_the_home_country_is_not_its_own(tmp_path):
    t = triples(build(tmp_path, "Thủ tướng Lý Hiển Long thăm chính thức Việt Nam. Việt Nam và Singapore nhất trí hợp tác."))
    ev = "Chuyến thăm chính thức Việt Nam của Thủ tướng Lý Hiển Long"
    assert (ev, "heldIn", "Việt Nam") in t and ("Việt Nam", "participatedIn", ev) not in t


def test_a_suspect_caught_told_only_in_the_passive_is_no_operation(tmp_path):
    g = build(tmp_path, "Theo hãng tin AP, nghi phạm đã bị bắt giữ ngay sau vụ việc.")
    assert events(g) == {}


def test_the_visitor_after_a_dated_adjunct_following_the_visit_noun(tmp_path):
    g = build(tmp_path, "Tiếp tục chuyến thăm chính thức Hà Lan, chiều 10-7, Thủ tướng Nguyễn Xuân Phúc đã dự diễn đàn doanh nghiệp.")
    assert set(events(g)) == {"Chuyến thăm chính thức Hà Lan của Thủ tướng Nguyễn Xuân Phúc"}


def test_the_visitor_after_a_date_and_a_place_following_trong_khuon_kho(tmp_path):
    # "Trong khuôn khổ chuyến thăm …" (within the visit), then a date and a place, then the visitor
    g = build(tmp_path, "Trong khuôn khổ chuyến thăm chính thức Nhật Bản, sáng 6/6 (giờ địa phương), tại thủ đô Tokyo, "
                        "Thủ tướng Nguyễn Xuân Phúc đã hội kiến Nhật hoàng Akihito.")
    assert "Chuyến thăm chính thức Nhật Bản của Thủ tướng Nguyễn Xuân Phúc" in events(g)


def test_the_visitor_after_the_host_named_with_tai(tmp_path):
    # "chuyến thăm … tại Vương quốc Hà Lan của Thủ tướng X": the visitor after the host
    g = build(tmp_path, "Hai Thủ tướng đã hội đàm nhân chuyến thăm chính thức và làm việc tại Vương quốc Bỉ "
                        "của Thủ tướng Nguyễn Xuân Phúc.")
    ev = [d for label, d in events(g).items() if label.startswith("Chuyến thăm")]
    assert len(ev) == 1 and ev[0]["label"].endswith("của Thủ tướng Nguyễn Xuân Phúc")


def test_a_country_qualifying_businesses_takes_no_part(tmp_path):
    # "với sự tham dự của 300 doanh nghiệp Hà Lan": the businesses took part, not the Netherlands
    g = build(tmp_path, "Chiều 10/7, Bộ Kế hoạch và Đầu tư tổ chức Diễn đàn Doanh nghiệp Việt Nam - Bỉ tại Brussels, "
                        "với sự tham dự của khoảng 300 doanh nghiệp Ba Lan.")
    links = {(g.nodes[u]["label"], d["relation"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True)}
    assert ("Bộ Kế hoạch và Đầu tư", "organized", "Diễn đàn Doanh nghiệp Việt Nam - Bỉ") in links
    assert not any(s == "Ba Lan" and r == "participatedIn" for s, r, _ in links)


def test_a_signing_ceremony_is_named_with_the_whole_agreement_and_its_sides_take_part(tmp_path):
    # "Lễ ký <agreement>": the title runs to the agreement's end ("… với các đối tác …" is the agreement's),
    # and the sides named in the agreement take part in its signing
    g = build(tmp_path, "Chiều 11/7, Lễ ký Thỏa thuận hợp tác giữa Bộ Y tế với Tổ chức Y tế thế giới đã diễn ra tại Hà Nội.")
    name = "Lễ ký Thỏa thuận hợp tác giữa Bộ Y tế với Tổ chức Y tế thế giới"
    assert name in events(g)
    links = {(g.nodes[u]["label"], d["relation"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True)}
    assert ("Bộ Y tế", "participatedIn", name) in links


def test_meeting_one_person_is_no_event(tmp_path):
    # "tiếp xúc với con trai" (met the son): an official meets a group or a body ("gần 200 doanh nhân"), not a relative
    assert events(build(tmp_path, "Một luật sư có liên quan đến Điện Kremlin đã tiếp xúc với con trai của ông Trump.")) == {}


def test_talks_with_two_persons_on_the_other_side(tmp_path):
    # "hội kiến Chủ tịch Thượng viện X và Chủ tịch Hạ viện Y": both took part (and their houses)
    g = build(tmp_path, "Chiều 11/7, Thủ tướng Nguyễn Xuân Phúc đã hội kiến Chủ tịch Thượng viện Bỉ Christine Defraigne "
                        "và Chủ tịch Hạ viện Bỉ Siegfried Bracke.")
    links = {(g.nodes[u]["label"], d["relation"]) for u, v, d in g.edges(data=True) if g.nodes[v]["type"] == "Event"}
    assert ("Christine Defraigne", "participatedIn") in links and ("Siegfried Bracke", "participatedIn") in links


def test_a_court_trial_is_no_event(tmp_path):
    g = build(tmp_path, "Ngày 12/7/2017, Tòa án nhân dân tỉnh Lào Cai mở phiên tòa xét xử 5 bị cáo về tội mua bán người.")
    assert events(g) == {}


def test_a_head_alone_points_back_to_the_last_event_named_with_it(tmp_path):
    g = build(tmp_path, "Thủ tướng Nguyễn Xuân Phúc sẽ thăm chính thức Nhật Bản và tham dự Hội nghị Tương lai châu Á lần thứ 23. "
                        "Hội nghị có sự tham gia của lãnh đạo nhiều nước.")
    ev = events(g)
    assert set(ev) == {"Chuyến thăm chính thức Nhật Bản của Thủ tướng Nguyễn Xuân Phúc",
                       "Hội nghị Tương lai châu Á lần thứ 23"}
    assert len({e["sentence"] for e in ev["Hội nghị Tương lai châu Á lần thứ 23"]["evidence"]}) == 2


def test_a_session_of_a_standing_body_named_like_a_meeting_is_an_event(tmp_path):
    g = build(tmp_path, "Hội nghị Cấp cao Đông Á lần thứ 12 diễn ra tại Manila. Việt Nam là thành viên tích cực của Hội nghị Cấp cao Đông Á.")
    assert set(events(g)) == {"Hội nghị Cấp cao Đông Á lần thứ 12"}
    assert "Hội nghị Cấp cao Đông Á" in labels(g, "Organization")


def test_a_meeting_named_by_its_ordinal_takes_whose_meeting_it_is(tmp_path):
    # after the ordinal, "của" + a capitalised name (or "các nước" + one) is the meeting's owner, in its title
    g = build(tmp_path, "Hội nghị lần thứ 20 của Ủy ban hỗn hợp Việt Nam - Lào diễn ra tại Viêng Chăn. "
                        "Cuộc họp thượng đỉnh lần thứ 5 của các nước ASEAN được tổ chức tại Bangkok.")
    assert set(events(g)) == {"Hội nghị lần thứ 20 của Ủy ban hỗn hợp Việt Nam - Lào",
                              "Cuộc họp thượng đỉnh lần thứ 5 của các nước ASEAN"}


def test_a_session_named_after_the_standing_bodys_acronym_is_an_event(tmp_path):
    g = build(tmp_path, "Hội nghị Bộ trưởng Quốc phòng ASEAN mở rộng (ADMM+) lần thứ 4 diễn ra tại Manila.")
    assert set(events(g)) == {"Hội nghị Bộ trưởng Quốc phòng ASEAN mở rộng (ADMM+) lần thứ 4"}


def test_an_official_meeting_a_group_is_an_event_named_by_the_verb_phrase(tmp_path):
    t = triples(build(tmp_path, "Thủ tướng Nguyễn Xuân Phúc đã gặp gỡ và đối thoại với gần 300 doanh nhân Việt Nam tại Hà Lan."))
    ev = "Gặp gỡ và đối thoại với gần 300 doanh nhân Việt Nam"
    assert ("Nguyễn Xuân Phúc", "participatedIn", ev) in t


def test_a_party_leaders_visit_is_his_own(tmp_path):
    t = triples(build(tmp_path, "Tổng Bí thư Đảng Cộng sản Việt Nam Nguyễn Phú Trọng đã thăm chính thức Lào."))
    ev = "Chuyến thăm chính thức Lào của Tổng Bí thư Đảng Cộng sản Việt Nam Nguyễn Phú Trọng"
    assert {s for s, r, o in t if r == "participatedIn" and o == ev} == {"Nguyễn Phú Trọng"}


def test_two_generic_round_tables_are_told_apart_by_their_places(tmp_path):
    g = build(tmp_path, "Thủ tướng dự Tọa đàm doanh nghiệp ở thành phố Boston. "
                        "Hôm sau, Thủ tướng dự Tọa đàm doanh nghiệp ở Thủ đô Ottawa.")
    assert set(events(g)) == {"Tọa đàm doanh nghiệp ở thành phố Boston", "Tọa đàm doanh nghiệp ở Thủ đô Ottawa"}


def test_a_title_ends_where_a_verb_follows_its_name(tmp_path):
    g = build(tmp_path, "Việc tham dự Hội nghị Thượng đỉnh G20 thể hiện sự coi trọng vai trò của Việt Nam. "
                        "Thủ tướng dự Diễn đàn Doanh nghiệp Việt Nam – Nhật Bản và chứng kiến lễ trao thỏa thuận.")
    assert set(events(g)) == {"Hội nghị Thượng đỉnh G20", "Diễn đàn Doanh nghiệp Việt Nam – Nhật Bản"}


def test_a_title_ends_before_when_it_was(tmp_path):
    g = build(tmp_path, "Tại Hội nghị thượng đỉnh G20 cuối tuần qua, các nhà lãnh đạo đã thảo luận về thương mại.")
    assert set(events(g)) == {"Hội nghị thượng đỉnh G20"}


def test_no_title_opens_with_a_determiner(tmp_path):
    g = build(tmp_path, "Diễn đàn những thế mạnh của doanh nghiệp trẻ đã thu hút nhiều người.")
    assert events(g) == {}


def test_a_dated_handover_of_equipment_by_one_body_to_another(tmp_path):
    t = triples(build(tmp_path, "Ngày 5/2/2015, Cục Thủy sản Nhật Bản đã chuyển giao tàu tuần tra cho Cảnh sát biển Việt Nam."))
    ev = "Cục Thủy sản Nhật Bản đã chuyển giao tàu tuần tra cho Cảnh sát biển Việt Nam"
    assert ("Cục Thủy sản Nhật Bản", "organized", ev) in t


def test_a_thing_handed_over_on_a_day_told_in_a_relative_clause(tmp_path):
    g = build(tmp_path, "Một tàu tuần tra được đóng mới do Tổ chức Hợp tác Quốc tế Nhật Bản chuyển giao vào ngày 3/4/2016.")
    assert set(events(g)) == {"Tàu tuần tra được đóng mới do Tổ chức Hợp tác Quốc tế Nhật Bản chuyển giao vào ngày 3/4/2016"}


def test_suspects_handed_over_are_no_transfer(tmp_path):
    g = build(tmp_path, "Năm 2017, Đồn Biên phòng Hoành Mô đã bàn giao hai đối tượng cho Công an tỉnh Quảng Ninh.")
    assert not any(e.startswith("Đồn Biên phòng Hoành Mô đã bàn giao") for e in events(g))


def test_a_visit_no_mention_names_the_visitor_of_is_no_event(tmp_path):
    g = build(tmp_path, "Ông cho biết đã trao đổi về vấn đề này trong chuyến thăm Myanmar hồi tháng 3.")
    assert events(g) == {}


def test_a_known_name_ending_inside_a_hyphenated_word_keeps_the_word_in_the_title(tmp_path):
    g = build(tmp_path, "Hai bên chuẩn bị cho Hội nghị Bộ trưởng Ngoại giao ASEAN-EU và các hoạt động khác.")
    assert set(events(g)) == {"Hội nghị Bộ trưởng Ngoại giao ASEAN-EU"}


def test_talks_in_the_headline_are_the_talks_the_body_names(tmp_path):
    # the headline names the sides by their posts, the lead by their names: one event, both sides take part
    g = build(tmp_path, "Bộ trưởng Bộ Công an hội đàm với Bộ trưởng Bộ An ninh Lào\n"
                        "Chiều 10/4, tại Hà Nội, Đại tướng Trần Văn Quang, Bộ trưởng Bộ Công an đã hội đàm với "
                        "Thượng tướng Vilay Lakhamphong, Bộ trưởng Bộ An ninh Lào.\n")
    talks = [label for label in events(g) if label.startswith("Hội đàm")]
    assert talks == ["Hội đàm giữa Đại tướng Trần Văn Quang và Thượng tướng Vilay Lakhamphong"], talks
    parts = {g.nodes[u]["label"] for u, v, d in g.edges(data=True) if d["relation"] == "participatedIn"}
    assert {"Bộ Công an", "Bộ An ninh Lào"} <= parts


def test_bilateral_talks_take_their_other_side_after_song_phuong(tmp_path):
    # "hội đàm song phương với X" (bilateral talks with X): "song phương" stands between the verb and the side
    g = build(tmp_path, "Ngày 21/8, Thứ trưởng Nguyễn Văn Long đã hội đàm song phương với Bộ trưởng Bộ Nội vụ "
                        "Campuchia Sar Kheng.")
    parts = {g.nodes[u]["label"] for u, v, d in g.edges(data=True) if d["relation"] == "participatedIn"}
    assert {"Nguyễn Văn Long", "Sar Kheng"} <= parts, parts


def test_a_rally_marking_a_named_day_is_one_event(tmp_path):
    # "lễ mít tinh" (a rally) is a rite an organising verb individuates; "Ngày Thế giới …" before a capital is the
    # name of a day, not a date ("ngày 30/7")
    g = build(tmp_path, "Sáng 30/7, Ban Chỉ đạo 138/CP tổ chức lễ mít tinh hưởng ứng Ngày Thế giới phòng, chống "
                        "mua bán người.")
    assert "Lễ mít tinh hưởng ứng Ngày Thế giới phòng, chống mua bán người" in events(g), list(events(g))


def test_those_at_the_handover_it_names_take_part_in_it(tmp_path):
    # "buổi bàn giao" (the handover session) points back at the handover the article is about
    g = build(tmp_path, "Bàn giao 9 nạn nhân cho phía Lào\nNgày 2/11, Bộ Chỉ huy Bộ đội Biên phòng tỉnh Hà Tĩnh tổ chức "
                        "bàn giao 9 công dân Lào là nạn nhân bị mua bán cho lực lượng chức năng tỉnh Bolikhamxay (Lào).\n"
                        "Tham dự buổi bàn giao có đại diện Tổng Lãnh sự quán Lào tại Đà Nẵng.\n")
    parts = {(g.nodes[u]["label"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True) if d["relation"] == "participatedIn"}
    assert ("Tổng Lãnh sự quán Lào tại Đà Nẵng", "Bàn giao 9 nạn nhân") in parts, parts


def test_a_rescue_told_in_the_passive_with_its_agent(tmp_path):
    # "X đã được <body> giải cứu" (were rescued by the body): the body organised the rescue
    g = build(tmp_path, "Tin tức\nTrước đó, 5 nạn nhân đã được Công an tỉnh Hà Tĩnh giải cứu tại huyện Kỳ Anh.\n")
    assert any(g.nodes[u]["label"] == "Công an tỉnh Hà Tĩnh" and d["relation"] == "organized"
               and g.nodes[v]["label"].startswith("Giải cứu 5 nạn nhân") for u, v, d in g.edges(data=True))


# --- lower-case meetings named by their sides or their body ------------------------------------

def test_a_lower_case_meeting_between_two_bodies_is_an_event_they_take_part_in(tmp_path):
    g = build(tmp_path, "Ngày 5/3, cuộc họp giữa Bộ Công an Việt Nam và Bộ Công an Lào về phòng, chống mua bán "
                        "người diễn ra tại Viêng Chăn.")
    name = "Cuộc họp giữa Bộ Công an Việt Nam và Bộ Công an Lào về phòng, chống mua bán người"
    assert name in events(g)
    links = {(g.nodes[a]["label"], d["relation"], g.nodes[b]["label"]) for a, b, d in g.edges(data=True)}
    assert ("Bộ Công an Lào", "participatedIn", name) in links


def test_a_meeting_between_unnamed_sides_is_no_event(tmp_path):
    g = build(tmp_path, "Cuộc đối thoại giữa hai nhà lãnh đạo diễn ra trong không khí cởi mở.")
    assert events(g) == {}


def test_a_lower_case_sitting_of_a_standing_body_is_that_body_s_event(tmp_path):
    g = build(tmp_path, "Tại phiên họp Ủy ban Thường vụ Quốc hội sáng 5/7, các đại biểu đã thảo luận dự án luật.")
    assert "Phiên họp Ủy ban Thường vụ Quốc hội" in events(g)


def test_a_meeting_a_body_held_told_by_a_relative_clause_is_not_named_by_it(tmp_path):
    # "hội nghị Bộ Tư pháp vừa tổ chức" is "the conference the ministry just held", not a title
    g = build(tmp_path, "Phát biểu tại hội nghị Bộ Tư pháp vừa tổ chức, ông Nguyễn Văn A cho biết.")
    assert not any("Bộ Tư pháp" in e for e in events(g))


def test_a_headline_visit_is_the_body_s_one_visit_to_the_same_host(tmp_path):
    g = build(tmp_path, "Bộ trưởng Bộ Nội vụ Campuchia thăm Việt Nam\n"
                        "Đoàn đại biểu cấp cao Bộ Nội vụ Vương quốc Campuchia do Bộ trưởng Sar Kheng dẫn đầu đã thăm "
                        "và làm việc tại Việt Nam từ ngày 3 đến 6/7/2018.")
    assert len([e for e in events(g) if e.startswith("Chuyến thăm")]) == 1


def test_a_side_of_talks_named_by_a_post_in_a_house_keeps_the_whole_word(tmp_path):
    names = labels(build(tmp_path, "Thủ tướng Nguyễn Xuân Phúc hội kiến Chủ tịch Thượng viện, Chủ tịch Hạ viện Bỉ."), "Event")
    assert names and not any(n.endswith("Chủ tịch Thượng") for n in names)


def test_an_event_carried_out_according_to_an_agreement_is_under_its_framework(tmp_path):
    # "được thực hiện theo" (carried out according to) + an agreement: the event's framework
    g = build(tmp_path, "Tin\nHội thảo về bảo vệ nạn nhân do Bộ Công an tổ chức được thực hiện theo Kế hoạch "
                        "hợp tác giữa Bộ Công an và Tổ chức Di cư quốc tế.")
    label = {n: d["label"] for n, d in g.nodes(data=True)}
    assert ("Hội thảo về bảo vệ nạn nhân", "underFramework",
            "Kế hoạch hợp tác giữa Bộ Công an và Tổ chức Di cư quốc tế") in {
        (label[u], k, label[v]) for u, v, k in g.edges(keys=True)}


def test_a_campaign_is_no_other_name_of_the_articles_meeting(tmp_path):
    # a bare lower-case "chiến dịch" (campaign) points back at the article's event only if that is a campaign;
    # the article's event here is a meeting, so UNICEF organised no meeting
    g = build(tmp_path, "Tin\nBộ Công an tổ chức Hội nghị sơ kết công tác phòng, chống mua bán người. "
                        "UNICEF phát động chiến dịch truyền thông về bảo vệ trẻ em.")
    label = {n: d["label"] for n, d in g.nodes(data=True)}
    assert not any(label[u] == "Quỹ Nhi đồng Liên hợp quốc" and k == "organized" for u, v, k in g.edges(keys=True))


def test_a_lower_case_meeting_with_its_topic_and_organiser_after_it_is_an_event(tmp_path):
    # "buổi tọa đàm về …" (a roundtable on …) "do X tổ chức" (organised by X): individuated, named by its topic
    g = build(tmp_path, "Tin\nSáng 5/7, tại Hà Nội, diễn ra buổi tọa đàm về bảo vệ nạn nhân do Viện Nghiên cứu Lập pháp tổ chức.")
    label = {n: d["label"] for n, d in g.nodes(data=True)}
    assert ("Viện Nghiên cứu Lập pháp", "organized", "Buổi tọa đàm về bảo vệ nạn nhân") in {
        (label[u], k, label[v]) for u, v, k in g.edges(keys=True)}


def test_talks_presided_over_by_a_minister_are_his_talks(tmp_path):
    # "chủ trì hội đàm với" (presided over talks with): the subject holds the talks
    g = build(tmp_path, "Tin\nChiều 25/8, tại Hà Nội, Đại tướng Tô Lâm, Bộ trưởng Bộ Công an đã chủ trì hội đàm với "
                        "Bộ trưởng Bộ Nội vụ Lào Vilay Lakhamphong.")
    assert any(label.startswith("Hội đàm giữa Đại tướng Tô Lâm và") for label in events(g)), list(events(g))


def test_a_signing_ceremony_someone_attends_is_an_event(tmp_path):
    # "dự / chứng kiến lễ ký …": a ceremony attended, like one organised, is individuated by what it signs
    g = build(tmp_path, "Bộ trưởng Tô Lâm dự lễ ký kết Hiệp định tương trợ tư pháp về hình sự giữa Việt Nam và Lào.")
    assert "Lễ ký kết Hiệp định tương trợ tư pháp về hình sự giữa Việt Nam và Lào" in events(g)


def test_an_event_title_does_not_end_with_a_list_joiner(tmp_path):
    # "… lần thứ 228 cùng với Tổng thống Mỹ": "cùng với" (together with) belongs to the clause
    g = build(tmp_path, "Ông Macron tham dự lễ kỷ niệm Quốc khánh Pháp lần thứ 228 cùng với Tổng thống Mỹ Donald Trump.")
    assert "Lễ kỷ niệm Quốc khánh Pháp lần thứ 228" in events(g)


def test_a_meeting_named_by_a_body_takes_the_bodys_whole_name(tmp_path):
    # the group's name runs through "và các"; the meeting's title runs with it to the ordinal
    g = build(tmp_path, "Cuộc họp Nhóm Chuyên gia và các Nhân vật Nổi tiếng ASEAN lần thứ 9 diễn ra tại Hà Nội.")
    assert "Cuộc họp Nhóm Chuyên gia và các Nhân vật Nổi tiếng ASEAN lần thứ 9" in events(g)


def test_who_leads_a_delegation_that_visits_is_the_visitor(tmp_path):
    # "X dẫn đầu đoàn công tác thăm Lào": the delegation X leads visits; X is the visitor named
    g = build(tmp_path, "Tin công tác\nThứ trưởng Nguyễn Văn Long dẫn đầu đoàn công tác thăm Lào từ ngày 3 đến 5/6.")
    visit = [label for label in events(g) if label.startswith("Chuyến thăm")]
    assert visit and ("Nguyễn Văn Long", "participatedIn", visit[0]) in {
        (g.nodes[u]["label"], d["relation"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True)}


def test_a_suspect_caught_by_a_named_body_is_that_bodys_operation(tmp_path):
    # the passive "bị <body> bắt quả tang" names who caught the suspect
    g = build(tmp_path, "Tin pháp luật\nNgày 5/6, đối tượng Nguyễn Văn A bị Công an huyện Bát Xát bắt quả tang khi đang "
                        "đưa 3 phụ nữ sang Trung Quốc bán.")
    organized = {(g.nodes[u]["label"], g.nodes[v]["type"]) for u, v, d in g.edges(data=True) if d["relation"] == "organized"}
    assert ("Công an huyện Bát Xát", "Event") in organized


def test_an_ampersand_inside_an_event_title_joins_its_name(tmp_path):
    g = build(tmp_path, "Tin\nUBND tỉnh Nghệ An tổ chức Hội nghị Triển khai chương trình Khoa học & Công nghệ phục vụ nông thôn mới.")
    assert "Hội nghị Triển khai chương trình Khoa học & Công nghệ phục vụ nông thôn mới" in events(g)


def test_a_no_break_space_does_not_hide_an_operations_object(tmp_path):
    g = build(tmp_path, "Tin\nCông an tỉnh Tây Ninh ngày 12/7 tạm giữ\u00a0Nguyễn Thị Oanh để làm rõ hành vi mua bán người.")
    assert "Tạm giữ Nguyễn Thị Oanh" in events(g)


def test_a_police_division_named_whole_in_lower_case_takes_part_in_the_joint_rescue(tmp_path):
    # "phối hợp với phòng CSGT giải cứu …": the province police's traffic division, named alone, in lower case
    g = build(tmp_path, "Tin\nNgày 10-7, Công an tỉnh Nghệ An cho biết, cơ quan này vừa phối hợp với phòng CSGT "
                        "giải cứu 3 thiếu nữ bị lừa bán.")
    links = {(g.nodes[u]["label"], d["relation"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True)}
    assert ("Phòng CSGT, Công an tỉnh Nghệ An", "partOf", "Công an tỉnh Nghệ An") in links
    assert ("Phòng CSGT, Công an tỉnh Nghệ An", "organized", "Giải cứu 3 thiếu nữ bị lừa bán") in links


def test_a_regular_sessions_month_is_part_of_its_name(tmp_path):
    # "thường kỳ" (regular) is one word, not the adverb "thường" (usually) ending the title; the month of a
    # periodic meeting says which session it is
    g = build(tmp_path, "Tin tức\nSáng 2/10, Thủ tướng chủ trì Phiên họp Chính phủ thường kỳ tháng 9/2024.")
    assert "Phiên họp Chính phủ thường kỳ tháng 9/2024" in events(g)


def test_a_one_off_meetings_month_is_when_not_which(tmp_path):
    g = build(tmp_path, "Tin tức\nHội nghị Bộ trưởng ASEAN-EU tháng 8-2017 đã kết thúc tốt đẹp.")
    assert "Hội nghị Bộ trưởng ASEAN-EU" in events(g)


def test_a_verb_after_a_capitalised_titles_comma_is_the_clauses_next_act(tmp_path):
    g = build(tmp_path, "Tin tức\nBộ trưởng dự Tọa đàm Bàn tròn Đầu tư Xanh, tiếp đại diện các quỹ đầu tư Singapore.")
    assert "Tọa đàm Bàn tròn Đầu tư Xanh" in events(g)


def test_a_round_table_discussion_is_an_event(tmp_path):
    # "thảo luận | bàn tròn": the head ends a word of its own and the next two syllables make one ("luận bàn"
    # across them is no word here)
    g = build(tmp_path, "Tin tức\nViện Nghiên cứu Lập pháp tổ chức buổi thảo luận bàn tròn về phòng, chống mua bán người.")
    assert "Buổi thảo luận bàn tròn về phòng, chống mua bán người" in events(g)


def test_an_event_head_right_after_another_is_no_title_of_it(tmp_path):
    # a caption glued to the next sentence: "… Kết luận Hội nghị Hội thảo diễn ra …"
    g = build(tmp_path, "Tin tức\nBộ trưởng phát biểu kết luận Hội nghị Hội thảo diễn ra trong một buổi sáng.")
    assert "Hội nghị Hội thảo" not in events(g)


def test_a_unit_rewarded_for_an_arrest_made_it_not_the_body_that_rewards(tmp_path):
    # "X thưởng … cho ban chuyên án đã bắt giữ …": the task force (no entity) arrested, X only rewards it
    g = build(tmp_path, "Tin tức\nBộ Chỉ huy Bộ đội Biên phòng tỉnh Lai Châu thưởng nóng 5 triệu đồng cho tổ công tác đã "
                        "bắt giữ ba đối tượng vận chuyển ma túy.")
    assert not any(d["relation"] == "organized" for _, _, d in g.edges(data=True))


def test_a_body_that_says_it_arrested_made_the_arrest(tmp_path):
    g = build(tmp_path, "Tin tức\nCông an tỉnh Lai Châu cho biết đã bắt giữ ba đối tượng vận chuyển ma túy.")
    assert any(d["relation"] == "organized" for _, _, d in g.edges(data=True))


def test_a_king_takes_part_in_talks_for_his_country(tmp_path):
    # "Quốc vương Qatar X" acts for Qatar (events.tsv actor class for-country)
    t = triples(build(tmp_path, "Tin\nCuối tuần qua, Tổng thống Nga Ivan Petrov đã điện đàm với Quốc vương Qatar Tamim Bin "
                                "Hamad Al Thani."))
    ev = "Điện đàm giữa Tổng thống Nga Ivan Petrov và Quốc vương Qatar Tamim Bin Hamad Al Thani"
    assert ("Qatar", "participatedIn", ev) in t


def test_a_foreign_minister_takes_part_in_talks_for_the_country_named_with_him(tmp_path):
    t = triples(build(tmp_path, "Tin\nNgoại trưởng Nhật Bản Kenji Sato đã hội đàm với Ngoại trưởng Australia Julie Brown "
                                "tại Tokyo."))
    ev = "Hội đàm giữa Ngoại trưởng Nhật Bản Kenji Sato và Ngoại trưởng Australia Julie Brown"
    assert ("Nhật Bản", "participatedIn", ev) in t and ("Australia", "participatedIn", ev) in t


def test_a_king_named_without_a_country_acts_for_no_country(tmp_path):
    # Việt Nam has no king: a bare "Nhà vua" is not the home country's head of state
    t = triples(build(tmp_path, "Tin\nNhà vua Abdullah đã hội đàm với Tổng thống Pháp Jean Martin tại Paris."))
    assert not any(s == "Việt Nam" for s, _, _ in t)


def test_a_leader_called_by_his_surname_takes_part_in_talks(tmp_path):
    t = triples(build(tmp_path, "Tin\nTổng thống Nga Ivan Petrov đến Paris. Sáng nay, ông Petrov đã điện đàm với Quốc vương "
                                "Qatar Tamim Bin Hamad Al Thani."))
    assert ("Ivan Petrov", "participatedIn", "Điện đàm giữa ông Petrov và Quốc vương Qatar Tamim Bin Hamad Al Thani") in t


def test_a_meeting_on_implementing_an_agreement_between_two_sides_is_under_it(tmp_path):
    # the agreement names the two sides; the meeting named by it is still held under it (FORMAT.md)
    t = triples(build(tmp_path, "Tin\nBộ Công an tổ chức Hội nghị tổng kết thực hiện Hiệp định hợp tác phòng, chống buôn "
                                "bán người giữa Việt Nam và Lào."))
    assert ("Hội nghị tổng kết thực hiện Hiệp định hợp tác phòng, chống buôn bán người giữa Việt Nam và Lào",
            "underFramework", "Hiệp định hợp tác phòng, chống buôn bán người giữa Việt Nam và Lào") in t


def test_those_also_present_take_part(tmp_path):
    # "Tham dự Hội nghị còn có …" (also present were): "còn có" ends no title, the bare head is the article's event
    t = triples(build(tmp_path, "Tin\nNgày 12/6, Bộ Công an tổ chức Hội nghị quốc tế về phòng, chống mua bán người. "
                                "Tham dự Hội nghị còn có đại diện Bộ Ngoại giao."))
    assert ("Bộ Ngoại giao", "participatedIn", "Hội nghị quốc tế về phòng, chống mua bán người") in t


def test_a_summit_named_in_lower_case_by_its_body_is_an_event(tmp_path):
    g = build(tmp_path, "Tin\nHai nhà lãnh đạo đã gặp nhau bên lề hội nghị thượng đỉnh G20 tại Hamburg.")
    assert "Hội nghị thượng đỉnh G20" in events(g)


def test_a_summit_named_by_no_body_is_no_event(tmp_path):
    g = build(tmp_path, "Tin\nÔng nói tại hội nghị thượng đỉnh rằng hai bên nhất trí.")
    assert events(g) == {}


def test_a_rally_for_a_named_day_keeps_the_days_name(tmp_path):
    # "Ngày toàn dân …" (the people's day of …): a capitalised "Ngày" before a lower-case noun names a day, not a date
    g = build(tmp_path, "Tin\nSáng 29/7, Bộ Công an tổ chức Lễ mít tinh hưởng ứng Ngày toàn dân phòng, chống mua bán người.")
    assert "Lễ mít tinh hưởng ứng Ngày toàn dân phòng, chống mua bán người" in events(g)


def test_a_leader_receiving_a_bodys_leaders_receives_the_body(tmp_path):
    # "tiếp lãnh đạo X" (receives the leaders of X): the body takes part (events.tsv actor, class delegation)
    t = triples(build(tmp_path, "Tin\nChiều 9/7, Thủ tướng Nguyễn Văn An đã tiếp lãnh đạo Tập đoàn Vingroup tại Hà Nội."))
    assert ("Tập đoàn Vingroup", "participatedIn", "Thủ tướng Nguyễn Văn An tiếp lãnh đạo Tập đoàn Vingroup") in t


def test_a_fronted_reception_clause_has_its_host_after_the_comma(tmp_path):
    # "Tiếp …, Thủ tướng X …" (receiving …, the Prime Minister …): the subject follows the fronted clause
    t = triples(build(tmp_path, "Tin\nTiếp Đại sứ Nhật Bản Kenji Sato, Chủ tịch nước Lê Văn Hải khẳng định quan hệ hai "
                                "nước đang phát triển tốt."))
    ev = "Chủ tịch nước Lê Văn Hải tiếp Đại sứ Nhật Bản Kenji Sato"
    assert ("Lê Văn Hải", "participatedIn", ev) in t and ("Kenji Sato", "participatedIn", ev) in t


def test_a_reception_at_a_fronted_meeting_noun_has_its_host_after_the_comma(tmp_path):
    t = triples(build(tmp_path, "Tin\nTại buổi tiếp Ban lãnh đạo Tập đoàn Vingroup, Thủ tướng Nguyễn Văn An đánh giá cao "
                                "vai trò của doanh nghiệp."))
    assert ("Nguyễn Văn An", "participatedIn", "Thủ tướng Nguyễn Văn An tiếp Ban lãnh đạo Tập đoàn Vingroup") in t


def test_the_work_of_rescuing_is_no_rescue(tmp_path):
    # "công tác giải cứu nạn nhân" (the work of rescuing victims): a kind of work, not one operation
    g = build(tmp_path, "Tin\nBộ đội Biên phòng tỉnh Lào Cai đẩy mạnh công tác giải cứu nạn nhân bị mua bán.")
    assert events(g) == {}


def test_talks_between_one_side_with_the_other_are_talks(tmp_path):
    # "giữa A với B" (between A with B): the press's other way to pair the sides
    t = triples(build(tmp_path, "Tin\nVấn đề được đề cập trong cuộc điện đàm giữa Tổng thống Nga Ivan Petrov với Quốc vương "
                                "Bahrain Hamad Isa Al Khalifa."))
    ev = "Điện đàm giữa Tổng thống Nga Ivan Petrov và Quốc vương Bahrain Hamad Isa Al Khalifa"
    assert ("Ivan Petrov", "participatedIn", ev) in t and ("Bahrain", "participatedIn", ev) in t


def test_the_last_meeting_between_two_leaders_is_a_meeting(tmp_path):
    # "cuộc gặp lần trước giữa A và B" (the last meeting between): "lần trước" stands between the noun and "giữa"
    g = build(tmp_path, "Tin\nVấn đề đã được ấn định trong cuộc gặp lần trước giữa Tổng thống Nga Ivan Petrov và Nhà vua "
                        "Saudi Arabia Bin Salman.")
    assert "Cuộc gặp giữa Tổng thống Nga Ivan Petrov và Nhà vua Saudi Arabia Bin Salman" in events(g)


def test_prosecuting_a_case_it_does_not_name_is_no_event(tmp_path):
    # "khởi tố vụ án" and nothing more: no crime, count or name says which case; every prosecution reads so
    g = build(tmp_path, "Tin\nCơ quan Cảnh sát điều tra Công an tỉnh Hòa Bình đã khởi tố vụ án.")
    assert events(g) == {}


def test_prosecuting_a_case_named_by_its_crime_is_an_event(tmp_path):
    g = build(tmp_path, "Tin\nCơ quan Cảnh sát điều tra Công an tỉnh Hòa Bình đã khởi tố vụ án mua bán người.")
    assert "Khởi tố vụ án mua bán người" in events(g)


def test_a_title_goes_on_through_the_work_it_names(tmp_path):
    # "công tác phối hợp quản lý biên giới": after "công tác" (the work of), the verb names the work
    g = build(tmp_path, "Tin\nNgày 10/7, Bộ Công an tổ chức Hội thảo về công tác phối hợp quản lý biên giới.")
    assert "Hội thảo về công tác phối hợp quản lý biên giới" in events(g)


def test_a_greater_mekong_meeting_keeps_mo_rong_in_its_title(tmp_path):
    # "Tiểu vùng sông Mê Công mở rộng" is the Greater Mekong Subregion: "mở rộng" (enlarged) is part of the
    # region's name, not a verb after the title
    g = build(tmp_path, "Ngày 19/11, Bộ Công an tổ chức Hội nghị cấp Bộ trưởng các nước Tiểu vùng sông Mê Công mở "
                        "rộng về phòng, chống mua bán người tại Hà Nội.")
    assert set(events(g)) == {"Hội nghị cấp Bộ trưởng các nước Tiểu vùng sông Mê Công mở rộng về phòng, chống mua "
                              "bán người"}


def test_a_quoted_meeting_name_runs_through_a_comma_to_its_closing_quote(tmp_path):
    g = build(tmp_path, "Hai bên đã tổ chức thành công “Hội nghị thường niên Bộ trưởng Công an, Nội vụ "
                        "Campuchia-Lào-Việt Nam” lần thứ nhất tại Đà Nẵng.")
    assert "Hội nghị thường niên Bộ trưởng Công an, Nội vụ Campuchia-Lào-Việt Nam" in events(g)


def test_a_review_meeting_of_a_plan_is_under_that_plan(tmp_path):
    # FORMAT.md: "Hội nghị tổng kết … Hiệp định X" is under X (cues.tsv underFramework/inner "tổng kết")
    g = build(tmp_path, "Ngày 19/2, Bộ Công an và Bộ Nội vụ Lào tổ chức Hội nghị tổng kết Kế hoạch hợp tác năm "
                        "2024 tại Hà Nội.")
    assert ("Hội nghị tổng kết Kế hoạch hợp tác năm 2024", "underFramework", "Kế hoạch hợp tác năm 2024") in triples(g)


def test_a_place_after_tai_is_no_side_of_a_working_session(tmp_path):
    # "tại thủ đô Phnom Penh, đoàn … đã có buổi làm việc với …": the capital is where, not who
    g = build(tmp_path, "Ngày 21/7, tại thủ đô Phnom Penh, đoàn công tác Bộ Công an đã có buổi làm việc với "
                        "ông Ouk Kim Lek, Quốc vụ khanh Bộ Nội vụ Campuchia.")
    assert set(events(g)) == {"Buổi làm việc giữa đoàn công tác Bộ Công an và ông Ouk Kim Lek"}


def test_a_rescue_of_a_woman_named_after_chi_is_an_event(tmp_path):
    # "giải cứu được chị Mai": "được" (managed to) between the verb and its object; "chị" + a name, the victim
    g = build(tmp_path, "Ngày 23/5, Đồn Biên phòng Móng Cái đã giải cứu được chị Lan bị lừa bán sang Trung Quốc.")
    assert set(events(g)) == {"Giải cứu được chị Lan bị lừa bán sang Trung Quốc"}


def test_an_operation_name_ends_before_truoc_khi(tmp_path):
    g = build(tmp_path, "Công an huyện Kỳ Sơn kịp thời giải cứu thành công 2 nạn nhân trước khi bị bán sang Trung Quốc.")
    assert set(events(g)) == {"Giải cứu thành công 2 nạn nhân"}


def test_an_organised_training_named_by_its_aim_is_an_event(tmp_path):
    # "tổ chức lớp tập huấn nâng cao năng lực …": an aim of four words or more after the noun (events.tsv purpose)
    g = build(tmp_path, "Từ ngày 3 đến 5/10, Cục Phòng chống ma túy và tội phạm BĐBP phối hợp với Đại sứ quán Anh tổ "
                        "chức lớp tập huấn nâng cao năng lực phòng, chống mua bán người cho cán bộ các tỉnh phía Nam.")
    assert set(events(g)) == {"Lớp tập huấn nâng cao năng lực phòng, chống mua bán người"}


def test_an_organised_meeting_noun_with_a_short_aim_is_no_event(tmp_path):
    g = build(tmp_path, "Chi bộ đã tổ chức cuộc họp chi bộ ngay sau đó.")
    assert not events(g)


def test_the_meeting_called_this_time_points_back_at_the_articles_meeting(tmp_path):
    # "Hội nghị lần này" (this meeting): "lần này" (this time) is a determiner (words.tsv), not a title's ordinal
    g = build(tmp_path, "Bộ Công an tham dự Hội nghị Bộ trưởng ASEAN về tội phạm xuyên quốc gia lần thứ 12. "
                        "Hội nghị lần này do Campuchia đăng cai tổ chức tại thủ đô Phnom Penh.")
    name = "Hội nghị Bộ trưởng ASEAN về tội phạm xuyên quốc gia lần thứ 12"
    assert set(events(g)) == {name}
    assert ("Campuchia", "organized", name) in triples(g)
