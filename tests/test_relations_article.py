"""Links read over the whole article or shaped by it (our own sentences): a district's police is
part of its province's; an international body can be a side of a bilateral article; a party right
after an event told by a verb is its object, not the subject of the next verb; an operation verb
may take 'thành công' before its object."""
import kg

RULES = kg.load_rules()


def _links(text, tmp_path):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    g = kg.build_graph(kg.read_corpus(tmp_path), RULES, all_topics=True)
    return {(g.nodes[u]["label"], d["relation"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True)}


def test_a_district_police_named_with_its_parent_after_a_comma_is_part_of_it(tmp_path):
    # the cue FORMAT.md asks for partOf: the parent right after the unit, after a comma
    links = _links("Công an huyện Vị Xuyên, Công an tỉnh Hà Giang đã tiếp nhận tin báo của người dân.", tmp_path)
    assert ("Công an huyện Vị Xuyên", "partOf", "Công an tỉnh Hà Giang") in links


def test_a_body_named_with_a_foreign_city_is_not_given_that_citys_country(tmp_path):
    # only a state organ (police, a people's government) is its foreign place's country's: FORMAT.md links a
    # body to the country the text names with it
    links = _links("Hội phê bình Điện ảnh Thượng Hải đã trao giải cho bộ phim.", tmp_path)
    assert not any(r == "country" for _, r, _ in links)


def test_a_district_people_committee_is_not_part_of_the_province_one(tmp_path):
    links = _links("UBND huyện Vị Xuyên báo cáo vụ việc. UBND tỉnh Hà Giang đã chỉ đạo xử lý.", tmp_path)
    assert not any(r == "partOf" for _, r, _ in links)


def test_an_international_body_is_a_side_of_a_bilateral_article(tmp_path):
    text = ("Cuộc họp Quan chức cao cấp ASEAN-EU lần thứ 20 diễn ra tại Bangkok. "
            "Quan hệ ASEAN-EU phát triển tốt đẹp; EU là đối tác lớn của ASEAN. "
            "Hai bên nhất trí tăng cường hợp tác phòng, chống mua bán người. "
            "EU ủng hộ vai trò trung tâm của ASEAN.")
    links = _links(text, tmp_path)
    assert any(r == "cooperatesWith" and {s, t} == {"ASEAN", "Liên minh Châu Âu"} for s, r, t in links)


def test_a_visited_country_does_not_attend_the_next_event(tmp_path):
    links = _links("Thủ tướng Nguyễn Văn An sẽ thăm chính thức Nhật Bản và tham dự Hội nghị Tương lai "
                   "châu Á lần thứ 30 tại Tokyo.", tmp_path)
    assert ("Nguyễn Văn An", "participatedIn", "Hội nghị Tương lai châu Á lần thứ 30") in links
    assert ("Nhật Bản", "participatedIn", "Hội nghị Tương lai châu Á lần thứ 30") not in links


def test_an_operation_verb_may_take_thanh_cong_before_its_object(tmp_path):
    links = _links("Ngày 5/4, Đồn Biên phòng Thanh Thủy giải cứu thành công 5 phụ nữ bị lừa bán "
                   "sang Trung Quốc.", tmp_path)
    assert any(s == "Đồn Biên phòng Thanh Thủy" and r == "organized" and t.startswith("Giải cứu thành công 5 phụ nữ")
               for s, r, t in links), links


def test_a_name_the_entity_rules_did_not_read_does_not_end_a_list(tmp_path):
    # "Xyz Abc Def": capitalised words no rule reads as a name; the list of companions goes on after them
    links = _links("Phó Thủ tướng Nguyễn Văn An thăm chính thức Malaysia. Tháp tùng Phó Thủ tướng có "
                   "Tổng Thanh tra Chính phủ Xyz Abc Def, Thứ trưởng các Bộ Ngoại giao, Tư pháp.", tmp_path)
    parts = {s for s, r, _ in links if r == "participatedIn"}
    assert {"Thanh tra Chính phủ", "Bộ Ngoại giao", "Bộ Tư pháp"} <= parts, parts


def test_the_inviter_before_a_delegation_is_not_the_visitor(tmp_path):
    links = _links("Nhận lời mời của Đại tướng Trần Văn Lâm, Bộ trưởng Bộ Công an, Đoàn đại biểu cấp cao "
                   "Bộ Nội vụ Lào do Bộ trưởng Vilay Xaysana dẫn đầu đã thăm chính thức Việt Nam từ ngày 5 "
                   "đến 8/8.", tmp_path)
    visitors = {s for s, r, _ in links if r == "participatedIn"}
    assert {"Vilay Xaysana", "Bộ Nội vụ Lào"} <= visitors, links
    assert "Trần Văn Lâm" not in visitors


def test_the_country_of_the_place_is_not_a_subject(tmp_path):
    links = _links("Ngày 10/11, tại thành phố Hà Khẩu, Trung Quốc, Bộ Tư lệnh Bộ đội Biên phòng và Cục Quản lý "
                   "xuất nhập cảnh Trung Quốc tổ chức Hội đàm biên phòng lần thứ 5.", tmp_path)
    organisers = {s for s, r, _ in links if r == "organized"}
    assert "Bộ Tư lệnh Bộ đội Biên phòng" in organisers, links
    assert "Trung Quốc" not in organisers


def test_a_body_that_takes_part_in_a_named_training_participates(tmp_path):
    links = _links("Cán bộ Công an tỉnh Hà Giang tham gia Lớp tập huấn về kỹ năng điều tra tội phạm mua bán người.",
                   tmp_path)
    assert ("Công an tỉnh Hà Giang", "participatedIn", "Lớp tập huấn về kỹ năng điều tra tội phạm mua bán người") in links


def test_two_countries_that_step_up_cooperation_cooperate(tmp_path):
    links = _links("Việt Nam và Australia tăng cường hợp tác phòng, chống mua bán người.", tmp_path)
    assert any(r == "cooperatesWith" and {s, t} == {"Việt Nam", "Australia"} for s, r, t in links), links


def test_two_countries_committed_to_go_on_cooperating_cooperate(tmp_path):
    links = _links("Việt Nam và Lào cam kết tiếp tục hợp tác chặt chẽ trong phòng, chống mua bán người.", tmp_path)
    assert any(r == "cooperatesWith" and {s, t} == {"Việt Nam", "Lào"} for s, r, t in links), links


def test_the_ministries_of_two_ministers_in_talks_cooperate(tmp_path):
    links = _links("Ngày 3/6, tại Hà Nội, Thượng tướng Trần Văn Lâm, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an "
                   "đã hội đàm với Bộ trưởng Bộ Nội vụ Campuchia Sar Kheng.", tmp_path)
    assert any(r == "cooperatesWith" and {s, t} == {"Bộ Công an", "Bộ Nội vụ Campuchia"} for s, r, t in links), links
    assert not any(r == "cooperatesWith" and "Bộ Chính trị" in (s, t) for s, r, t in links)
    talks = [t for s, r, t in links if s == "Bộ Công an" and r == "participatedIn"]
    assert talks and talks[0].startswith("Hội đàm")


def test_an_event_funded_in_the_passive_and_one_within_a_plan(tmp_path):
    links = _links("Ngày 12/4, Cục Cảnh sát hình sự tổ chức Hội thảo về hỗ trợ nạn nhân bị mua bán. Hội thảo được "
                   "tài trợ bởi Cơ quan Phát triển quốc tế Hoa Kỳ (USAID). Đây là hoạt động nằm trong Kế hoạch "
                   "thực hiện Chương trình phòng, chống mua bán người giai đoạn 2021-2025.", tmp_path)
    assert ("Cơ quan Phát triển Quốc tế Hoa Kỳ", "funded", "Hội thảo về hỗ trợ nạn nhân bị mua bán") in links, links
    assert any(s == "Hội thảo về hỗ trợ nạn nhân bị mua bán" and r == "underFramework" and t.startswith("Kế hoạch")
               for s, r, t in links), links


def test_each_side_named_in_a_three_sided_meeting_takes_part(tmp_path):
    links = _links("Hội nghị tham vấn ba bên Việt Nam - Lào - Campuchia về phòng, chống mua bán người diễn ra "
                   "tại Hà Nội.", tmp_path)
    sides = {s for s, r, _ in links if r == "participatedIn"}
    assert {"Việt Nam", "Lào", "Campuchia"} <= sides, links


def test_people_at_an_event_named_only_by_a_lower_case_noun_do_not_take_part_in_the_main_event(tmp_path):
    links = _links("Bộ Công an tổ chức Hội nghị sơ kết công tác phòng, chống mua bán người. "
                   "Tham dự buổi họp báo, về phía Bộ Ngoại giao có Thứ trưởng Lê Văn Hải. "
                   "Thứ trưởng Nguyễn Văn Bình phát biểu tại buổi sơ kết.", tmp_path)
    parts = {(s, t) for s, r, t in links if r == "participatedIn"}
    main = "Hội nghị sơ kết công tác phòng, chống mua bán người"
    assert ("Lê Văn Hải", main) not in parts and ("Bộ Ngoại giao", main) not in parts, parts
    # the lower-case words are in the main event's name ("buổi sơ kết"): that event
    assert ("Nguyễn Văn Bình", main) in parts, parts


def test_people_at_several_sessions_do_not_take_part_in_the_main_event(tmp_path):
    # "tại các phiên họp này" (at these sessions): several meetings, none of them the one the article is about
    links = _links("Bộ Tư pháp tổ chức Hội nghị sơ kết công tác phòng, chống mua bán người. "
                   "Tại các phiên họp này, có sự tham gia của đại diện Bộ Ngoại giao.", tmp_path)
    assert not any(r == "participatedIn" and s == "Bộ Ngoại giao" for s, r, _ in links), links


def test_a_body_named_with_two_parties_joined_by_a_dash_has_no_country(tmp_path):
    links = _links("Ủy ban ASEAN-Nhật Bản họp tại Tokyo. Thủ tướng tiếp Hội Doanh nghiệp Thái Lan – Việt Nam. "
                   "Ban công tác liên ngành COMMIT Việt Nam báo cáo kết quả.", tmp_path)
    countries = {(s, t) for s, r, t in links if r == "country"}
    assert not any(s.startswith("Ủy ban ASEAN") or s.startswith("Hội Doanh nghiệp") for s, _ in countries), countries
    # without a dash, a body before a country is its office there
    assert ("Ban công tác liên ngành COMMIT Việt Nam", "Việt Nam") in countries


def test_a_periodic_meeting_every_body_holds_is_one_event_per_article(tmp_path):
    (tmp_path / "a.txt").write_text("Ngày 12/7, Bộ Tư pháp tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm 2017.",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Ngày 12/7, Bộ Xây dựng tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm 2017.",
                                    encoding="utf-8")
    g = kg.build_graph(kg.read_corpus(tmp_path), RULES, all_topics=True)
    organised = {(g.nodes[u]["label"], v) for u, v, d in g.edges(data=True) if d["relation"] == "organized"}
    assert len({v for _, v in organised}) == 2, organised          # two meetings, not one of both ministries


def test_a_lower_case_meeting_of_another_body_is_not_the_main_event(tmp_path):
    links = _links("Bộ trưởng Nguyễn Văn An thăm chính thức Lào. Phát biểu tại phiên họp của Ủy ban Mekong-Lancang "
                   "ở Viêng Chăn, Bộ trưởng Nguyễn Văn An đề nghị tăng cường hợp tác.", tmp_path)
    assert not any(s.startswith("Ủy ban Mekong") and r == "participatedIn" for s, r, _ in links), links


def test_who_reach_an_agreement_are_its_parties(tmp_path):
    links = _links("Hai nước cần sớm đạt được Hiệp định Hợp tác nghề cá. Việt Nam và Indonesia cần sớm đạt được "
                   "một Hiệp định phân định vùng đặc quyền kinh tế.", tmp_path)
    parties = {s for s, r, t in links if r == "partyTo" and t.startswith("Hiệp định phân định")}
    assert {"Việt Nam", "Indonesia"} <= parties, links


def test_a_counted_lower_case_event_is_a_new_one_not_the_main_event(tmp_path):
    links = _links("Bộ trưởng Ngoại giao Australia thăm chính thức Nhật Bản. Trong một cuộc hội thảo tại Đại học "
                   "Sydney, ông John Carter cho rằng quan hệ hai nước rất tốt đẹp.", tmp_path)
    assert not any(s == "John Carter" and r == "participatedIn" for s, r, _ in links), links


def test_a_speaker_at_another_named_event_does_not_take_part_in_the_one_before(tmp_path):
    links = _links("Bộ Công an tổ chức Hội thảo về di cư an toàn; ông Peter Jansen dự và phát biểu tại "
                   "Diễn đàn Doanh nghiệp Việt Nam - Hà Lan.", tmp_path)
    assert ("Peter Jansen", "participatedIn", "Hội thảo về di cư an toàn") not in links, links


def test_a_province_department_is_no_unit_of_a_district_committee_listed_after_it(tmp_path):
    links = _links("Thành phố giao Sở Xây dựng phối hợp với Sở Tài nguyên và Môi trường, UBND quận Hoàng Mai "
                   "kiểm tra công trình. Đoàn công tác làm việc với Sở Văn hóa, UBND Quận Hải An.", tmp_path)
    assert not any(r == "partOf" and t.startswith("UBND quận") for _, r, t in links), links


def test_visited_countries_listed_together_do_not_attend_the_next_event(tmp_path):
    links = _links("Thủ tướng Nguyễn Văn An sẽ thăm chính thức Nhật Bản, Hàn Quốc và tham dự Hội nghị Tương lai "
                   "châu Á lần thứ 30 tại Tokyo.", tmp_path)
    assert ("Hàn Quốc", "participatedIn", "Hội nghị Tương lai châu Á lần thứ 30") not in links, links


def test_a_body_that_opens_or_launches_a_campaign_organises_it(tmp_path):
    # "mở" (open) and "phát động" (launch) are organising verbs for a campaign, a class, a drive
    links = _links("Ngày 1/6, Công an tỉnh Hà Giang mở đợt cao điểm tấn công trấn áp tội phạm mua bán người.", tmp_path)
    assert any(s == "Công an tỉnh Hà Giang" and r == "organized" and t.startswith("Đợt cao điểm tấn công")
               for s, r, t in links), links


def test_a_body_that_opens_a_training_course_organises_it(tmp_path):
    # "khai giảng" (opens a course): the body and its partner organise the course
    links = _links("Sáng 5/9, Cục Cảnh sát hình sự phối hợp với Tổ chức Di cư quốc tế khai giảng lớp tập huấn "
                   "về kỹ năng điều tra tội phạm mua bán người.", tmp_path)
    course = [t for s, r, t in links if s == "Cục Cảnh sát Hình sự" and r == "organized"]
    assert course and course[0].startswith("Lớp tập huấn về kỹ năng điều tra"), links


def test_the_two_sides_are_the_sides_of_the_talks_the_article_is_about(tmp_path):
    # no two countries are named twice: "hai bên" (the two sides) are the bodies that held the talks
    links = _links("Bộ trưởng Bộ Công an hội đàm với Bộ trưởng Bộ An ninh Lào\n"
                   "Chiều 10/4, tại Hà Nội, Đại tướng Trần Văn Quang, Bộ trưởng Bộ Công an đã hội đàm với "
                   "Thượng tướng Vilay Lakhamphong, Bộ trưởng Bộ An ninh Lào.\n"
                   "Hai bên đã ký Biên bản ghi nhớ về hợp tác phòng, chống tội phạm mua bán người.\n", tmp_path)
    mou = "Biên bản ghi nhớ về hợp tác phòng, chống tội phạm mua bán người"
    assert ("Bộ Công an", "partyTo", mou) in links and ("Bộ An ninh Lào", "partyTo", mou) in links, links


def test_a_second_predicate_after_va_da_keeps_the_clauses_subject(tmp_path):
    # "X là thành viên của Y và đã phê chuẩn Z": X ratified Z; Y, the end of the first predicate, did not
    links = _links("Việt Nam là thành viên của Tiến trình Bali và đã phê chuẩn Công ước ASEAN về phòng, chống "
                   "buôn bán người.", tmp_path)
    parties = {s for s, r, t in links if r == "partyTo"}
    assert "Việt Nam" in parties and not any("Bali" in p for p in parties), links


def test_a_foreign_minister_named_after_his_post_holds_no_vietnamese_ministry(tmp_path):
    links = _links("Tin thế giới\nBộ trưởng Quốc phòng Kenji Tanaka cho biết Nhật sẽ mua thêm tên lửa.", tmp_path)
    assert not any(r == "holdsPosition" for _, r, _ in links)


def test_a_foreign_officials_party_post_is_not_in_the_vietnamese_party(tmp_path):
    links = _links("Tin thế giới\nPhát biểu tại buổi lễ, Thiếu tướng Khamla Sibounheuang - Bí thư Trung ương Đảng, "
                   "nhấn mạnh quan hệ đặc biệt giữa hai nước.", tmp_path)
    assert not any(r == "holdsPosition" for _, r, _ in links)


def test_an_operation_named_from_the_text_does_not_end_on_va(tmp_path):
    links = _links("Tin an ninh\nCông an huyện Kỳ Anh đã bắt khẩn cấp 2 đối tượng và đang truy tìm kẻ còn lại.", tmp_path)
    events = {b for _, r, b in links if r == "organized"}
    assert events and not any(e.endswith(" và") for e in events)


def test_a_body_does_not_take_part_in_its_own_meeting(tmp_path):
    links = _links("Tin thời sự\nChủ tịch Quốc hội phát biểu khai mạc Phiên họp thứ 20 của Ủy ban Thường vụ Quốc hội.",
                   tmp_path)
    assert not any(a == "Ủy ban Thường vụ Quốc hội" and r == "participatedIn" for a, r, _ in links)


def test_a_delegations_country_after_the_place_is_no_place(tmp_path):
    # "tại Bangkok (Thái Lan), Đoàn đại biểu Việt Nam …": a list of places does not run on through the
    # delegation's words, so Việt Nam is not where the conference was held
    links = _links("Từ ngày 14 - 16/11, tại Bangkok (Thái Lan), Đoàn đại biểu Việt Nam do Thứ trưởng Đỗ Hùng Việt dẫn "
                   "đầu đã tham dự Hội nghị Bộ trưởng Tiến trình Bali lần thứ 8.", tmp_path)
    held = {t for s, r, t in links if r == "heldIn"}
    assert "Việt Nam" not in held, links


def test_a_bodys_head_written_alone_is_the_body_the_article_named(tmp_path):
    # "Hội đã phối hợp với …": the short form of the one "Hội …" the article named before
    links = _links("Bà Hà Thị Nga, Chủ tịch Hội Liên hiệp Phụ nữ Việt Nam phát biểu tại tọa đàm. Từ năm 2010, Hội đã "
                   "phối hợp với Đại sứ quán Hàn Quốc tại Việt Nam tổ chức nhiều lớp tập huấn.", tmp_path)
    assert any(r == "cooperatesWith" and {s, t} == {"Hội Liên hiệp phụ nữ Việt Nam", "Đại sứ quán Hàn Quốc tại Việt Nam"}
               for s, r, t in links), links


def test_a_unit_in_a_chain_of_posts_of_a_union_is_the_unions(tmp_path):
    # "Vụ trưởng Vụ X, Trưởng SOM ASEAN của EU, ông Y": the department is the EU's
    links = _links("Cuộc họp do ông Gunnar Wiegand, Vụ trưởng Vụ Châu Á-Thái Bình Dương, Trưởng SOM ASEAN của EU "
                   "chủ trì. Vụ trưởng Vụ Châu Á-Thái Bình Dương, Trưởng SOM ASEAN của EU, ông Gunnar Wiegand "
                   "phát biểu.", tmp_path)
    assert ("Vụ Châu Á-Thái Bình Dương", "country", "Liên minh Châu Âu") in links, links


def test_a_post_after_an_en_dash_names_the_holders_body(tmp_path):
    # "<,|->" in a rule means any dash: the press writes "–" as often as "-"
    links = _links("Bà Hoàng Thị Lan – Trưởng đại diện UNFPA tại Việt Nam phát biểu tại buổi lễ.", tmp_path)
    assert ("Hoàng Thị Lan", "holdsPosition", "Quỹ Dân số Liên hợp quốc") in links


def test_a_border_post_commander_and_a_political_commissar_hold_their_posts(tmp_path):
    links = _links("Tham dự có Thượng tá Lò Văn Minh, Đồn trưởng Đồn Biên phòng Tây Trang; "
                   "Đại tá Nguyễn Văn Hùng, Chính ủy Bộ đội Biên phòng tỉnh Điện Biên.", tmp_path)
    assert ("Lò Văn Minh", "holdsPosition", "Đồn Biên phòng Tây Trang") in links
    assert ("Nguyễn Văn Hùng", "holdsPosition", "Bộ đội Biên phòng tỉnh Điện Biên") in links


def test_a_resident_coordinator_holds_a_post_in_the_united_nations(tmp_path):
    links = _links("Ông John Smith, Điều phối viên thường trú Liên hợp quốc tại Việt Nam, phát biểu.", tmp_path)
    assert ("John Smith", "holdsPosition", "Liên hợp quốc") in links


def test_an_event_held_in_a_capital_named_with_o_is_held_there(tmp_path):
    links = _links("Hội nghị Bộ trưởng Tư pháp ASEAN lần thứ 9 được tổ chức ở thủ đô Viêng Chăn, Lào.", tmp_path)
    assert ("Hội nghị Bộ trưởng Tư pháp ASEAN lần thứ 9", "heldIn", "Thủ đô Viêng Chăn") in links
    assert ("Hội nghị Bộ trưởng Tư pháp ASEAN lần thứ 9", "heldIn", "Lào") in links


def test_an_event_held_at_a_venue_is_held_in_the_city_after_it(tmp_path):
    links = _links("Hội thảo quốc tế về di cư lao động diễn ra tại khách sạn Melia, Hà Nội.", tmp_path)
    assert ("Hội thảo quốc tế về di cư lao động", "heldIn", "Hà Nội") in links


def test_a_known_body_written_with_its_parent_after_its_name_is_part_of_it(tmp_path):
    # the gazetteer knows "Cục Lãnh sự Bộ Ngoại giao" as one spelling of the department: the ministry
    # it names at its end is still a body of the text, and the department's parent
    links = _links("Ông Nguyễn Văn Nam, Phó Cục trưởng Cục Lãnh sự Bộ Ngoại giao cho biết. "
                   "Hội đồng Bảo an LHQ đã họp phiên bất thường.", tmp_path)
    assert ("Cục Lãnh sự", "partOf", "Bộ Ngoại giao") in links
    assert ("Hội đồng Bảo an Liên hợp quốc", "partOf", "Liên hợp quốc") in links


def test_two_vice_ministers_sign_for_their_ministries(tmp_path):
    links = _links("Thứ trưởng Bộ Công an Lê Văn Tâm và Thứ trưởng Bộ An ninh Lào Khamsone Phommachanh đã ký "
                   "Biên bản ghi nhớ về hợp tác phòng, chống tội phạm.", tmp_path)
    assert ("Bộ Công an", "partyTo", "Biên bản ghi nhớ về hợp tác phòng, chống tội phạm") in links
    assert ("Bộ An ninh Lào", "partyTo", "Biên bản ghi nhớ về hợp tác phòng, chống tội phạm") in links
    assert not any(s == "Lê Văn Tâm" and r == "partyTo" for s, r, _ in links)


def test_a_prime_minister_named_with_his_country_signs_for_it(tmp_path):
    links = _links("Thủ tướng Malaysia Najib Razak đã ký Hiệp định về hợp tác kinh tế giai đoạn 2017-2020.", tmp_path)
    assert ("Malaysia", "partyTo", "Hiệp định về hợp tác kinh tế giai đoạn 2017-2020") in links


def test_two_prime_ministers_who_sign_a_letter_of_intent_make_their_countries_parties(tmp_path):
    text = ("Thủ tướng Việt Nam hội đàm với Thủ tướng Hà Lan tại La Haye. Quan hệ Việt Nam - Hà Lan phát triển tốt. "
            "Hai Thủ tướng đã ký Ý định thư về hợp tác quản lý nước. Việt Nam và Hà Lan nhất trí tăng cường hợp tác.")
    links = _links(text, tmp_path)
    assert ("Việt Nam", "partyTo", "Ý định thư về hợp tác quản lý nước") in links
    assert ("Hà Lan", "partyTo", "Ý định thư về hợp tác quản lý nước") in links


def test_coordination_in_a_meetings_title_does_not_end_it(tmp_path):
    links = _links("Bộ Tư lệnh Bộ đội Biên phòng tổ chức Hội nghị giao ban công tác phối hợp phòng, chống tội phạm "
                   "mua bán người khu vực biên giới.", tmp_path)
    assert ("Bộ Tư lệnh Bộ đội Biên phòng", "organized",
            "Hội nghị giao ban công tác phối hợp phòng, chống tội phạm mua bán người khu vực biên giới") in links


def test_both_sides_sign_a_cooperation_record(tmp_path):
    text = ("Hội đàm giữa Việt Nam và Lào diễn ra tại Viêng Chăn. Quan hệ Việt Nam - Lào phát triển tốt. "
            "Hai bên đã ký Biên bản hợp tác phòng, chống mua bán người giai đoạn 2017 - 2020.")
    links = _links(text, tmp_path)
    assert ("Việt Nam", "partyTo", "Biên bản hợp tác phòng, chống mua bán người giai đoạn 2017 - 2020") in links
    assert ("Lào", "partyTo", "Biên bản hợp tác phòng, chống mua bán người giai đoạn 2017 - 2020") in links


def test_attendees_after_con_co_take_part(tmp_path):
    # "còn có" (also had): more attendees after the first list
    links = _links("Bộ Công an tổ chức Khóa đào tạo về điều tra tội phạm mua bán người. "
                   "Dự khóa đào tạo còn có đại diện Cục Điều tra Liên bang Mỹ (FBI).", tmp_path)
    assert ("Cục Điều tra Liên bang Mỹ", "participatedIn", "Khóa đào tạo về điều tra tội phạm mua bán người") in links


def test_a_consulate_with_its_seats_country_in_parentheses_is_based_there(tmp_path):
    links = _links("Tổng Lãnh sự quán Việt Nam tại Quảng Châu (Trung Quốc) đã cấp giấy tờ cho 5 công dân.", tmp_path)
    assert ("Tổng Lãnh sự quán Việt Nam tại Quảng Châu", "basedIn", "Trung Quốc") in links
    assert ("Tổng Lãnh sự quán Việt Nam tại Quảng Châu", "country", "Trung Quốc") not in links


def test_an_event_in_a_lao_province_is_held_there(tmp_path):
    links = _links("Hội nghị về di cư an toàn diễn ra tại Luông Pha Băng (Lào).", tmp_path)
    assert ("Hội nghị về di cư an toàn", "heldIn", "tỉnh Luông Pha Băng") in links


def test_a_countrys_delegation_takes_part_for_it(tmp_path):
    # "Đoàn" is a surname too, but before a country it is the delegation: "Đoàn Việt Nam" names no person
    links = _links("Hội nghị Bộ trưởng ASEAN về tội phạm xuyên quốc gia lần thứ 11 diễn ra tại Manila. "
                   "Đoàn Việt Nam do Thượng tướng Lê Văn Tâm, Thứ trưởng Bộ Công an dẫn đầu đã tham dự hội nghị.", tmp_path)
    assert ("Việt Nam", "participatedIn", "Hội nghị Bộ trưởng ASEAN về tội phạm xuyên quốc gia lần thứ 11") in links


def test_a_training_held_according_to_a_plan_is_under_it(tmp_path):
    links = _links("Khóa tập huấn về điều tra được tổ chức theo Kế hoạch hợp tác năm 2017 giữa Bộ Công an Việt Nam "
                   "và Bộ An ninh Lào.", tmp_path)
    assert ("Khóa tập huấn về điều tra", "underFramework",
            "Kế hoạch hợp tác năm 2017 giữa Bộ Công an Việt Nam và Bộ An ninh Lào") in links


def test_a_body_named_with_a_foreign_province_is_that_countrys(tmp_path):
    # the gazetteer gives Vân Nam's country (locations.tsv country): no "(Trung Quốc)" needs to follow
    links = _links("Đồn Biên phòng Lào Cai đã tiếp nhận 12 phụ nữ do Công an tỉnh Vân Nam trao trả.", tmp_path)
    assert ("Công an tỉnh Vân Nam", "country", "Trung Quốc") in links


def test_a_mission_named_with_a_foreign_capital_is_based_in_its_country(tmp_path):
    links = _links("Đại sứ quán Việt Nam tại Bắc Kinh đã hỗ trợ các nạn nhân làm thủ tục về nước.", tmp_path)
    assert {("Đại sứ quán Việt Nam tại Bắc Kinh", "country", "Việt Nam"),
            ("Đại sứ quán Việt Nam tại Bắc Kinh", "basedIn", "Trung Quốc")} <= links


def test_those_at_the_opening_take_part_in_the_articles_event(tmp_path):
    # "Tham dự khai mạc có …" (attending the opening were …): the opening is the training's
    links = _links("Cục Phòng chống ma túy và tội phạm tổ chức Lớp tập huấn về điều tra tội phạm mua bán người. "
                   "Tham dự khai mạc có đại diện Đại sứ quán Australia tại Việt Nam và Tổ chức Di cư quốc tế.", tmp_path)
    assert ("Tổ chức Di cư quốc tế", "participatedIn", "Lớp tập huấn về điều tra tội phạm mua bán người") in links


def test_a_country_in_parentheses_after_a_place_is_no_attendee(tmp_path):
    links = _links("Ngày 20/9, tại Manila (Philippines), Thượng tướng Lê Quý Vương, Thứ trưởng Bộ Công an đã tham dự "
                   "Hội nghị Bộ trưởng ASEAN về tội phạm xuyên quốc gia lần thứ 11.", tmp_path)
    assert ("Hội nghị Bộ trưởng ASEAN về tội phạm xuyên quốc gia lần thứ 11", "heldIn", "Philippines") in links
    assert ("Philippines", "participatedIn", "Hội nghị Bộ trưởng ASEAN về tội phạm xuyên quốc gia lần thứ 11") not in links


def test_a_country_after_an_unknown_acronym_is_no_partner(tmp_path):
    # "BHXH Việt Nam" (Vietnam Social Security, written by its acronym): not the state Việt Nam
    links = _links("Sở Y tế đề nghị Bộ Y tế làm việc với BHXH Việt Nam để có hướng dẫn cụ thể.", tmp_path)
    assert not any(r == "cooperatesWith" for _, r, _ in links)


def test_a_level_the_gazetteer_tree_skips_can_be_a_units_stated_parent(tmp_path):
    # before 2018 the criminal police department sat under the General Department of Police, which the
    # gazetteer's current tree (Cục → Bộ Công an) skips: the text's "thuộc" is believed
    links = _links("Cục Cảnh sát hình sự thuộc Tổng cục Cảnh sát, Bộ Công an đã chủ trì chuyên án.", tmp_path)
    assert ("Cục Cảnh sát Hình sự", "partOf", "Tổng cục Cảnh sát") in links


def test_an_events_city_after_its_venue_and_a_comma_is_where_it_was_held(tmp_path):
    links = _links("Hội nghị Bộ trưởng Tư pháp ASEAN lần thứ 10 diễn ra tại Trung tâm Hội nghị Quốc gia, Hà Nội.", tmp_path)
    assert ("Hội nghị Bộ trưởng Tư pháp ASEAN lần thứ 10", "heldIn", "Hà Nội") in links


def test_an_opening_adjunct_names_no_subject(tmp_path):
    # "Trong khuôn khổ Dự án do X tài trợ, Y đã tổ chức …", "Với sự hỗ trợ của X, Y đã tổ chức …": the adjunct
    # up to its comma (cues.tsv intro) is no part of the clause's subject, which is Y
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Tin\nVới sự hỗ trợ của Tổ chức Tầm nhìn Thế giới, Trung tâm Công tác xã hội tỉnh Lào Cai "
                                  "đã tổ chức Hội thảo về hỗ trợ nạn nhân.", encoding="utf-8")
    g = kg.build_graph(kg.read_corpus(folder), all_topics=True)
    links = {(g.nodes[u]["label"], d["relation"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True)}
    assert ("Trung tâm Công tác xã hội tỉnh Lào Cai", "organized", "Hội thảo về hỗ trợ nạn nhân") in links


def test_a_foreign_schools_country_after_a_comma_is_its_own(tmp_path):
    links = _links("Các nhà nghiên cứu tại Đại học Nebraska-Lincoln, Mỹ đã công bố một nghiên cứu mới.", tmp_path)
    assert ("Đại học Nebraska-Lincoln", "country", "Hoa Kỳ") in links


def test_a_country_that_opens_a_list_after_a_foreign_body_is_not_its_country(tmp_path):
    links = _links("Hội thảo có các chuyên gia của Đại học Harvard, Nhật Bản, Hàn Quốc và Việt Nam.", tmp_path)
    assert not any(r == "country" and a == "Đại học Harvard" for a, r, _ in links)


def test_a_vietnamese_body_before_a_comma_and_a_country_is_an_item_of_a_list(tmp_path):
    links = _links("Đoàn công tác gồm đại diện Bộ Tư pháp, Lào cùng tham dự cuộc họp.", tmp_path)
    assert ("Bộ Tư pháp", "country", "Lào") not in links


def test_two_units_of_one_rank_before_their_parent_are_both_its_units(tmp_path):
    links = _links("Bệnh viện đã gửi văn bản tới Cục Quản lý dược, Cục Quản lý khám chữa bệnh, Bộ Y tế "
                   "đề nghị hướng dẫn phòng ngộ độc.", tmp_path)
    assert ("Cục Quản lý dược", "partOf", "Bộ Y tế") in links
    assert ("Cục Quản lý Khám, chữa bệnh", "partOf", "Bộ Y tế") in links     # (the gazetteer's spelling)


def test_a_speaker_at_a_ceremony_the_main_events_name_does_not_hold_is_not_its_participant(tmp_path):
    # "phát biểu tại lễ ký kết" (at the signing ceremony) in an article about a visit: another event
    links = _links("Đoàn công tác của Đài Tiếng nói Việt Nam do Tổng Giám đốc Nguyễn Thế Kỷ làm trưởng đoàn đến thăm "
                   "Đài PT-TH Nghệ An. Chủ tịch UBND tỉnh Nghệ An Nguyễn Xuân Đường phát biểu tại lễ ký kết.", tmp_path)
    assert not any(a == "Nguyễn Xuân Đường" and r == "participatedIn" for a, r, _ in links)


def test_a_speaker_at_the_opening_ceremony_takes_part_in_the_main_event(tmp_path):
    links = _links("Hội thảo quốc gia về phòng, chống mua bán người diễn ra tại Hà Nội. "
                   "Thứ trưởng Bộ Công an Lê Quý Vương phát biểu tại lễ khai mạc.", tmp_path)
    assert any(a == "Lê Quý Vương" and r == "participatedIn" for a, r, _ in links)


def test_a_unit_of_a_foreign_ministry_is_that_ministrys_countrys(tmp_path):
    # "Cục …, Bộ An ninh Lào": the unit's full name ends with its parent's, which names Laos
    links = _links("Thiếu tướng Sổm Xay, Cục trưởng Cục Cảnh sát điều tra, Bộ An ninh Lào phát biểu tại Hội nghị.", tmp_path)
    assert ("Cục Cảnh sát điều tra, Bộ An ninh Lào", "country", "Lào") in links


def test_a_unit_of_a_vietnamese_ministry_takes_no_country_from_it(tmp_path):
    # a Vietnamese body named without a country gets none (FORMAT.md), even when its parent is named with one
    links = _links("Cục Cảnh sát hình sự, Bộ Công an Việt Nam đã phối hợp với Tổ chức Di cư quốc tế.", tmp_path)
    assert ("Bộ Công an", "country", "Việt Nam") in links
    assert not any(s.startswith("Cục Cảnh sát") and r == "country" for s, r, _ in links)


def test_a_country_signing_with_unnamed_companions_is_a_party(tmp_path):
    # "cùng 5 nước khác" names no one else: the named country still signs
    links = _links("Năm 2004, Việt Nam cùng 5 nước khác trong khu vực đã ký Bản ghi nhớ về hợp tác chống buôn bán người.",
                   tmp_path)
    assert ("Việt Nam", "partyTo", "Bản ghi nhớ về hợp tác chống buôn bán người") in links


def test_cung_joins_two_signing_subjects(tmp_path):
    # "A cùng B ký X" (A together with B signs X): both are parties, as with "và"
    links = _links("Năm 2010, Việt Nam cùng Lào ký Hiệp định về hợp tác phòng, chống mua bán người.", tmp_path)
    assert ("Việt Nam", "partyTo", "Hiệp định về hợp tác phòng, chống mua bán người") in links
    assert ("Lào", "partyTo", "Hiệp định về hợp tác phòng, chống mua bán người") in links


def test_a_dated_note_in_parentheses_does_not_end_a_list_of_partners(tmp_path):
    links = _links("Việt Nam đã ký Hiệp định hợp tác song phương về phòng chống buôn bán người với Campuchia "
                   "(năm 2005), Thái Lan (năm 2008) và Lào (năm 2010).", tmp_path)
    assert {p for p, r, t in links if r == "partyTo"} == {"Việt Nam", "Campuchia", "Thái Lan", "Lào"}


def test_du_kien_is_no_attendance_verb_cutting_the_subject(tmp_path):
    # "Dự kiến" (it is expected) opens with "dự" (attend) but is another word: the subject after it organises
    links = _links("Dự kiến, vào tháng tới, Bộ Công an sẽ tổ chức Hội thảo về phòng, chống mua bán người.", tmp_path)
    assert ("Bộ Công an", "organized", "Hội thảo về phòng, chống mua bán người") in links


def test_an_untitled_name_before_a_post_is_a_person_holding_it(tmp_path):
    # a list of guests names each by full name, a comma, then the post: no title of address before the name
    links = _links("Tham dự Hội thảo về di cư an toàn có Nguyễn Văn Sơn, Thứ trưởng Bộ Công an; "
                   "Lê Thị Hà, Phó Chủ tịch Hội Liên hiệp Phụ nữ Việt Nam.", tmp_path)
    assert ("Nguyễn Văn Sơn", "holdsPosition", "Bộ Công an") in links
    assert ("Lê Thị Hà", "participatedIn", "Hội thảo về di cư an toàn") in links


def test_capitals_of_a_body_before_a_post_are_no_person(tmp_path):
    # the name must open an item of a list: "… Bộ Công an Việt Nam, Thứ trưởng …" is no "Việt Nam" person
    (tmp_path / "a.txt").write_text("Đoàn công tác Bộ Công an Việt Nam, Thứ trưởng Lê Văn Hải dẫn đầu, đã tới Lào.",
                                    encoding="utf-8")
    g = kg.build_graph(kg.read_corpus(tmp_path), RULES, all_topics=True)
    assert {d["label"] for _, d in g.nodes(data=True) if d["type"] == "Person"} == {"Lê Văn Hải"}


def test_a_list_of_units_each_with_its_ministry_gives_each_pair(tmp_path):
    # "Vụ A, Bộ X và Vụ B, Bộ Y": what follows the first ministry is another unit with its own ministry,
    # not a peer of the first ministry
    links = _links("Đại diện Vụ Hợp tác quốc tế, Bộ Tư pháp và Vụ Pháp chế, Bộ Ngoại giao đã tham dự.", tmp_path)
    assert ("Vụ Hợp tác quốc tế", "partOf", "Bộ Tư pháp") in links
    assert ("Vụ Pháp chế", "partOf", "Bộ Ngoại giao") in links


def test_the_body_of_a_document_in_an_opening_adjunct_is_no_subject(tmp_path):
    # "Theo Quyết định … của Bộ X, Cục Y sẽ đăng cai …": the ministry issued the decision; the department hosts
    links = _links("Theo Quyết định số 1043/QĐ-BKHCN của Bộ trưởng Bộ Khoa học và Công nghệ, Cục Sở hữu trí tuệ sẽ "
                   "đăng cai tổ chức Hội thảo quốc tế về sở hữu trí tuệ.", tmp_path)
    assert ("Cục Sở hữu trí tuệ", "organized", "Hội thảo quốc tế về sở hữu trí tuệ") in links
    assert ("Bộ Khoa học và Công nghệ", "organized", "Hội thảo quốc tế về sở hữu trí tuệ") not in links


def test_a_sports_delegation_is_not_its_country_organising(tmp_path):
    links = _links("Theo kế hoạch, đoàn Thể thao Việt Nam sẽ tổ chức Lễ xuất quân SEA Games 29 vào ngày 8/8.", tmp_path)
    assert not any(r == "organized" for _, r, _ in links)


def test_a_spokesmans_bodies_do_not_make_the_prosecution_they_report(tmp_path):
    # "X, người phát ngôn Công an tỉnh Y cho biết, Cơ quan CSĐT … đã khởi tố …": the investigation agency named
    # after the reporting verb acts; the spokesman's division and province police only report it
    links = _links("Thượng tá Phạm Văn Bình, Trưởng phòng Tham mưu, người phát ngôn Công an tỉnh Đắk Nông cho biết, "
                   "Cơ quan CSĐT Công an tỉnh đã khởi tố vụ án giết người xảy ra tại huyện Đắk Mil.", tmp_path)
    organizers = {s for s, r, _ in links if r == "organized"}
    assert organizers and not organizers & {"Công an tỉnh Đắk Nông", "Phòng Tham mưu"}


def test_a_body_reporting_its_own_operation_still_makes_it(tmp_path):
    # "cơ quan này" (this agency) after the reporting verb is the reporter itself
    links = _links("Ngày 10-7, Công an tỉnh Nghệ An cho biết, cơ quan này vừa phối hợp với Công an huyện Nam Đàn "
                   "giải cứu 3 thiếu nữ bị lừa bán.", tmp_path)
    assert ("Công an tỉnh Nghệ An", "organized", "Giải cứu 3 thiếu nữ bị lừa bán") in links


def test_the_member_states_of_a_bloc_after_and_sign_with_the_first_subject(tmp_path):
    # "Việt Nam và các nước thành viên ASEAN đã ký …": both Việt Nam and the bloc sign (cues.tsv list/fellows)
    links = _links("Năm 2015, Việt Nam và các nước thành viên ASEAN đã ký Công ước ACTIP.", tmp_path)
    convention = "Công ước ASEAN về phòng, chống buôn bán người, đặc biệt là phụ nữ và trẻ em"
    assert ("Việt Nam", "partyTo", convention) in links
    assert ("ASEAN", "partyTo", convention) in links


def test_attendees_listed_after_gom_take_part(tmp_path):
    # "Tham dự hội thảo gồm …" lists who attended as "Tham dự hội thảo có …" does
    links = _links("Ngày 5/3, Cục Đối ngoại tổ chức Hội thảo về hợp tác quốc tế trong phòng, chống mua bán người. "
                   "Tham dự hội thảo gồm đại biểu Bộ Quốc phòng, Bộ Ngoại giao và Hội Liên hiệp Phụ nữ Việt Nam.",
                   tmp_path)
    event = "Hội thảo về hợp tác quốc tế trong phòng, chống mua bán người"
    assert ("Bộ Quốc phòng", "participatedIn", event) in links
    assert ("Bộ Ngoại giao", "participatedIn", event) in links


def test_states_listed_after_a_region_in_parentheses_are_not_the_regions_country(tmp_path):
    # "6 nước Tiểu vùng sông Mê Công (Campuchia, Lào …)": a list of the region's states, the first of them
    # included, not "Manila (Philippines)", the one country a place lies in
    links = _links("Tiến trình COMMIT của 6 nước Tiểu vùng sông Mê Công (Campuchia, Trung Quốc, Lào, Myanmar, "
                   "Thái Lan và Việt Nam) được thành lập năm 2004.", tmp_path)
    assert ("Campuchia", "memberOf", "Tiến trình COMMIT") in links
    assert ("Việt Nam", "memberOf", "Tiến trình COMMIT") in links


def test_an_embassy_listed_before_a_mass_organisation_is_not_part_of_it(tmp_path):
    # "đại diện Đại sứ quán Anh, Hội Liên hiệp Phụ nữ, …": a list of guests, not a unit and its parent
    links = _links("Hội thảo thu hút 200 đại biểu, bao gồm đại diện Đại sứ quán Vương quốc Anh, Hội Liên hiệp Phụ "
                   "nữ, Đoàn Thanh niên và các tổ chức xã hội.", tmp_path)
    assert not any(r == "partOf" for _, r, _ in links)


def test_a_unit_named_with_its_body_is_not_part_of_the_next_body_in_a_list(tmp_path):
    # "Phòng Cảnh sát Hình sự Công an tỉnh Hà Tĩnh, Bộ đội Biên phòng Hà Tĩnh phối hợp …": two peers
    links = _links("Tháng 6, Phòng Cảnh sát Hình sự Công an tỉnh Hà Tĩnh, Bộ đội Biên phòng tỉnh Hà Tĩnh phối hợp "
                   "với Công an tỉnh Nghệ An giải cứu 12 nạn nhân.", tmp_path)
    assert not any(r == "partOf" and t.startswith("Bộ đội Biên phòng") for _, r, t in links)


def test_a_missions_seat_is_not_its_country(tmp_path):
    # "Đại sứ quán Anh tại Việt Nam": Việt Nam is where it sits (basedIn), not its state
    links = _links("Cục Phòng chống ma túy và tội phạm phối hợp với Đại sứ quán Anh tại Việt Nam tổ chức lớp tập "
                   "huấn.", tmp_path)
    assert ("Đại sứ quán Anh tại Việt Nam", "basedIn", "Việt Nam") in links
    assert ("Đại sứ quán Anh tại Việt Nam", "country", "Việt Nam") not in links


def test_a_reporter_named_after_a_photo_credit_is_no_attendee(tmp_path):
    # "(Ảnh: X/TTXVN) Theo Đặc phái viên TTXVN, sau khi dự …": the credit and the attribution name who reports
    links = _links("Thủ tướng tiếp ông Piere Eladari. (Ảnh: Thống Nhất/TTXVN) Theo Đặc phái viên TTXVN, sau khi dự "
                   "và phát biểu khai mạc tại Diễn đàn Doanh nghiệp Việt Nam-Hà Lan chiều 10/7, Thủ tướng Nguyễn Xuân "
                   "Phúc đã tiếp lãnh đạo một số tập đoàn của Hà Lan.", tmp_path)
    assert not any(s == "Thông tấn xã Việt Nam" and r == "participatedIn" for s, r, _ in links)


def test_a_list_of_attendees_runs_on_through_the_kind_of_its_next_members(tmp_path):
    # "… và đoàn đại biểu các nước Lào, Campuchia": "nước" (country) names the kind of the members after it
    # (cues.tsv list/kind); the list goes on through it
    links = _links("Bộ Công an tổ chức Hội nghị ASEAN về phòng, chống mua bán người tại Hà Nội. Tham dự hội nghị có "
                   "đại diện Bộ Ngoại giao, Bộ Tư pháp và đoàn đại biểu các nước Lào, Campuchia, Thái Lan.", tmp_path)
    event = "Hội nghị ASEAN về phòng, chống mua bán người"
    for party in ("Bộ Tư pháp", "Lào", "Campuchia", "Thái Lan"):
        assert (party, "participatedIn", event) in links


def test_a_list_of_attendees_runs_on_through_partner_countries(tmp_path):
    # "… Tổng Thư ký ASEAN và đại diện các nước đối tác Trung Quốc, Nhật Bản": "nước đối tác" (partner
    # countries) names the kind of the members after it
    links = _links("Bộ Công an tổ chức Hội nghị an ninh khu vực tại Hà Nội. Tham dự hội nghị có Tổng Thư ký ASEAN "
                   "và đại diện các nước đối tác Trung Quốc, Nhật Bản.", tmp_path)
    for party in ("Trung Quốc", "Nhật Bản"):
        assert (party, "participatedIn", "Hội nghị an ninh khu vực") in links


def test_a_team_whose_field_is_capitalised_is_still_part_of_the_police_named_after_it(tmp_path):
    # "Đội Cảnh sát Hình sự Công an quận Cẩm Lệ": "Cảnh sát Hình sự" is the team's field, not a body whose
    # name runs on; "Công an", a head of the same rank as "Cảnh sát", opens the team's parent
    links = _links("Đội Cảnh sát Hình sự Công an quận Cẩm Lệ đã giải cứu hai nạn nhân bị lừa bán.", tmp_path)
    assert ("Đội Cảnh sát Hình sự, Công an quận Cẩm Lệ", "partOf", "Công an quận Cẩm Lệ") in links


def test_a_post_abbreviated_in_the_news_names_its_holder(tmp_path):
    # "TGĐ" is how the press writes "Tổng Giám đốc" (general director)
    links = _links("Dự lễ có ông Trần Văn Nam, TGĐ Đài Truyền hình Việt Nam.", tmp_path)
    assert ("Trần Văn Nam", "holdsPosition", "Đài Truyền hình Việt Nam") in links


def test_the_side_that_hands_victims_back_takes_part_in_their_reception(tmp_path):
    # "do phía Lào trao trả": handed back by the Lao side (r.part.handed-over-by reads "phía" before the party)
    links = _links("Ngày 15/8, Đồn Biên phòng Tây Trang đã tiếp nhận 7 công dân Việt Nam do phía Lào trao trả.", tmp_path)
    assert ("Lào", "participatedIn", "Tiếp nhận 7 công dân Việt Nam do phía Lào trao trả") in links


def test_the_body_victims_are_handed_over_to_takes_part_after_a_long_object(tmp_path):
    # "bàn giao 7 công dân Việt Nam cho X": the object may run to several words before "cho" (to)
    links = _links("Ngày 9/9, Công an tỉnh Phongsaly (Lào) đã bàn giao 7 công dân Việt Nam cho Đồn Biên phòng Tây Trang.",
                   tmp_path)
    assert ("Đồn Biên phòng Tây Trang", "participatedIn", "Bàn giao 7 công dân Việt Nam") in links


def test_a_country_in_parentheses_before_the_verb_qualifies_and_does_not_act(tmp_path):
    # "… Chính quyền châu Hồng Hà (Trung Quốc) tổ chức …": the country qualifies a body no rule names; it is
    # not the subject of "tổ chức" (organise)
    links = _links("Ủy ban nhân dân tỉnh Lào Cai và Chính quyền châu Hồng Hà (Trung Quốc) tổ chức Hội nghị "
                   "hợp tác quản lý biên giới năm 2019.", tmp_path)
    assert not any(s == "Trung Quốc" and r == "organized" for s, r, _ in links)


def test_a_provincial_body_named_by_its_level_is_the_one_province_of_the_article(tmp_path):
    # "Công an tỉnh", "UBND tỉnh", "Bộ đội Biên phòng tỉnh": "tỉnh" (province) with no name after it is the
    # province the article names
    links = _links("Sáng 22/11, tại tỉnh Hà Giang diễn ra hội nghị tổng kết công tác phòng, chống mua bán người. "
                   "Công an tỉnh đã ký kết quy chế phối hợp với Bộ đội Biên phòng tỉnh trong đấu tranh phòng, chống "
                   "tội phạm. Ông Nguyễn Văn Sơn, Phó Chủ tịch UBND tỉnh chủ trì hội nghị.", tmp_path)
    assert ("Bộ đội Biên phòng tỉnh Hà Giang", "cooperatesWith", "Công an tỉnh Hà Giang") in links
    assert ("Nguyễn Văn Sơn", "holdsPosition", "UBND tỉnh Hà Giang") in links


def test_a_body_named_by_its_level_is_none_when_the_article_names_no_province(tmp_path):
    links = _links("Công an tỉnh đã phối hợp với Bộ đội Biên phòng tỉnh giải cứu 3 nạn nhân.", tmp_path)
    assert not any("Công an tỉnh" in s or "Công an tỉnh" in t for s, _, t in links)


def test_attendance_told_by_presence_words_makes_the_attendees_take_part(tmp_path):
    # "có sự góp mặt của" (with the presence of), "có mặt tại" (present at), "dự và chỉ đạo" (attend and direct)
    links = _links("Ngày 10/5, Bộ Công an tổ chức Hội nghị ASEAN về phòng, chống mua bán người. Hội nghị còn có sự góp "
                   "mặt của đại diện Bộ Ngoại giao. Đại diện Bộ Tư pháp cũng có mặt tại hội nghị. Dự và chỉ đạo hội "
                   "nghị có Thứ trưởng Bộ Y tế Lê Văn Hùng.", tmp_path)
    event = "Hội nghị ASEAN về phòng, chống mua bán người"
    for who in ("Bộ Ngoại giao", "Bộ Tư pháp", "Lê Văn Hùng"):
        assert (who, "participatedIn", event) in links


def test_a_military_presence_is_no_attendance(tmp_path):
    links = _links("Hội nghị ASEAN về an ninh khu vực diễn ra tại Hà Nội. Nhiều nước phản đối sự hiện diện của Mỹ ở "
                   "châu Phi.", tmp_path)
    assert not any(s == "Hoa Kỳ" and r == "participatedIn" for s, r, _ in links)


def test_a_lower_case_agreement_between_named_parties_is_one_without_its_verb(tmp_path):
    # "theo quy định tại bản ghi nhớ về tuyển dụng lao động giữa Việt Nam và Malaysia": the parties named after
    # "giữa" (between) make it an agreement, and its parties; its name ends at the comma after them
    links = _links("Theo quy định tại bản ghi nhớ về tuyển dụng lao động giữa Việt Nam và Malaysia, người lao động "
                   "phải đăng ký với doanh nghiệp được cấp phép.", tmp_path)
    memo = "Bản ghi nhớ về tuyển dụng lao động giữa Việt Nam và Malaysia"
    assert ("Việt Nam", "partyTo", memo) in links and ("Malaysia", "partyTo", memo) in links


def test_a_lower_case_agreement_between_unnamed_parties_is_none(tmp_path):
    links = _links("Đây là thỏa thuận hợp tác đầu tiên giữa một bang quan trọng hàng đầu của Mỹ với Việt Nam.", tmp_path)
    assert not any(r == "partyTo" for _, r, _ in links)


def test_a_commander_written_without_truong_holds_his_post(tmp_path):
    # "Chỉ huy Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Nam": "Chỉ huy" (commander) is the post "Chỉ huy trưởng"
    links = _links("Ngày 13-7, Đại tá Nguyễn Hữu Thắng, Chỉ huy Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Nam xác nhận "
                   "vụ việc.", tmp_path)
    assert ("Nguyễn Hữu Thắng", "holdsPosition", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Nam") in links


def test_a_body_does_not_take_part_in_its_own_meeting(tmp_path):
    # FORMAT.md: "a body's own meeting gets no link to that body"; its member states take part
    links = _links("Hội nghị COMMIT\nBộ Công an tổ chức Hội nghị quan chức cao cấp Tiến trình COMMIT lần thứ 14. "
                   "Tham dự Hội nghị có các đoàn đại biểu đến từ 6 quốc gia thành viên Tiến trình COMMIT gồm "
                   "Campuchia, Lào và Việt Nam.", tmp_path)
    event = "Hội nghị quan chức cao cấp Tiến trình COMMIT lần thứ 14"
    assert ("Lào", "participatedIn", event) in links
    assert not any(s == "Tiến trình COMMIT" and r == "participatedIn" for s, r, _ in links)


def test_a_title_written_alone_is_the_person_named_with_it_before(tmp_path):
    # "Thủ tướng cũng đã dự …": a title alone as the subject is the one person the article named with it
    links = _links("Thủ tướng Trần Văn Minh đã thăm chính thức Lào. Trong chuyến thăm, Thủ tướng cũng đã tham dự "
                   "Diễn đàn Doanh nghiệp Việt Nam - Lào.", tmp_path)
    assert ("Trần Văn Minh", "participatedIn", "Diễn đàn Doanh nghiệp Việt Nam - Lào") in links


def test_a_title_written_alone_after_two_people_with_it_is_no_one(tmp_path):
    links = _links("Thủ tướng Trần Văn Minh và Thủ tướng Phạm Hữu Lộc gặp nhau tại Hà Nội. Thủ tướng cũng đã "
                   "tham dự Diễn đàn Doanh nghiệp Việt Nam - Lào.", tmp_path)
    assert not any(r == "participatedIn" and s in ("Trần Văn Minh", "Phạm Hữu Lộc") and "Diễn đàn" in t
                   for s, r, t in links)


def test_a_title_of_address_written_alone_is_a_pronoun_not_the_person(tmp_path):
    # "Ông" (Mr) alone is "he": whoever the sentence speaks of, not the one man the article titled so
    links = _links("Ông Trần Văn Minh làm việc tại Hà Nội. Ông cũng đã tham dự Diễn đàn Doanh nghiệp Việt Nam - Lào.",
                   tmp_path)
    assert ("Trần Văn Minh", "participatedIn", "Diễn đàn Doanh nghiệp Việt Nam - Lào") not in links


def test_a_ceremony_named_again_by_its_head_alone_is_the_one_named_in_full(tmp_path):
    # "Tham dự Lễ ký kết có …" after "Lễ ký kết hợp tác … giữa A và B": the short form is that ceremony
    links = _links("Ngày 12/7, Lễ ký kết hợp tác truyền thông giữa tỉnh Hà Giang và Báo Lao động đã diễn ra tại "
                   "Hà Nội. Tham dự Lễ ký kết có Bộ trưởng Bộ Tư pháp Lê Văn Tâm.", tmp_path)
    assert ("Lê Văn Tâm", "participatedIn",
            "Lễ ký kết hợp tác truyền thông giữa tỉnh Hà Giang và Báo Lao động") in links


def test_two_ceremonies_named_again_by_their_head_in_two_articles_stay_two(tmp_path):
    # the short form names its own article's ceremony: no alias that would join another article's
    (tmp_path / "b.txt").write_text("Ngày 14/7, Lễ ký kết hợp tác phòng, chống mua bán người giữa Bộ Công an và "
                                    "Tổ chức Di cư quốc tế đã diễn ra tại Hà Nội. Tham dự Lễ ký kết có Thứ trưởng "
                                    "Bộ Ngoại giao Phạm Thị Lan.", encoding="utf-8")
    links = _links("Ngày 12/7, Lễ ký kết hợp tác truyền thông giữa tỉnh Hà Giang và Báo Lao động đã diễn ra tại "
                   "Hà Nội. Tham dự Lễ ký kết có Bộ trưởng Bộ Tư pháp Lê Văn Tâm.", tmp_path)
    events = {t for s, r, t in links if r == "participatedIn"}
    assert len(events) == 2


def test_a_fronted_membership_is_no_subject_of_the_clause(tmp_path):
    # "Là thành viên ASEAN, Việt Nam đã phê chuẩn …": the bloc is what Việt Nam is a member of, not a ratifier
    links = _links("Là thành viên ASEAN, Việt Nam đã phê chuẩn Công ước ASEAN về phòng, chống buôn bán người, "
                   "đặc biệt là phụ nữ và trẻ em.", tmp_path)
    assert ("Việt Nam", "memberOf", "ASEAN") in links
    assert not any(s == "ASEAN" and r == "partyTo" for s, r, _ in links)
