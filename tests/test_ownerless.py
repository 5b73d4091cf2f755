"""Names that say not which body or which meeting (kg/extract/ownerless.py), on sentences written for
these tests in the constructions of real Vietnamese news."""
from test_names import agreements, events_of, orgs


def test_a_department_named_without_its_province_is_the_one_province_of_the_article(tmp_path):
    found = orgs(tmp_path, "Tỉnh Sơn La vừa khánh thành cầu mới. Giám đốc Sở Giao thông vận tải cho biết cầu dài 200 m.")
    assert "Sở Giao thông vận tải tỉnh Sơn La" in found


def test_a_department_of_a_centrally_run_city_is_named_with_tp(tmp_path):
    found = orgs(tmp_path, "Hà Nội sẽ trồng thêm cây xanh. Sở Xây dựng đang lập kế hoạch.")
    assert "Sở Xây dựng TP Hà Nội" in found


def test_a_department_in_an_article_naming_two_provinces_is_no_entity(tmp_path):
    found = orgs(tmp_path, "Đoàn công tác tỉnh Lào Cai thăm tỉnh Yên Bái. Sở Tư pháp giới thiệu mô hình hòa giải.")
    assert not any(o.startswith("Sở Tư pháp") for o in found)


def test_a_department_abroad_named_after_a_foreign_capital_is_not_a_province_s(tmp_path):
    found = orgs(tmp_path, "Phái đoàn tới Thủ đô Bắc Kinh hôm qua. Sở Văn hóa tiếp đón phái đoàn.")
    assert not any(o.startswith("Sở Văn hóa") for o in found)


def test_a_provincial_party_committee_named_without_its_province_takes_the_article_s(tmp_path):
    found = orgs(tmp_path, "Ông A công tác tại tỉnh Điện Biên và là ủy viên Ban Thường vụ Tỉnh ủy.")
    assert "Ban Thường vụ Tỉnh ủy Điện Biên" in found


def test_a_routine_review_meeting_names_no_event(tmp_path):
    found = events_of(tmp_path, "Sáng 5/7, Hội nghị sơ kết công tác 6 tháng đầu năm đã được tổ chức.")
    assert not found


def test_a_routine_meeting_on_a_named_field_of_work_is_an_event(tmp_path):
    # "giao ban" (briefing) alone names no meeting; "công tác phòng, chống mua bán người" (events.tsv field) does
    found = events_of(tmp_path, "Thứ trưởng Lê Văn Nam chủ trì Hội nghị giao ban công tác phòng, chống mua bán người.")
    assert found == {"Hội nghị giao ban công tác phòng, chống mua bán người"}


def test_a_meeting_named_only_by_its_ordinal_names_no_event(tmp_path):
    assert not events_of(tmp_path, "Các đại biểu đã thông qua nghị quyết tại Phiên họp lần thứ 12.")


def test_a_meeting_with_a_proper_name_after_its_ordinal_is_kept(tmp_path):
    found = events_of(tmp_path, "Hội nghị Bộ trưởng ASEAN lần thứ 12 diễn ra tại Manila.")
    assert any(e.startswith("Hội nghị Bộ trưởng ASEAN") for e in found)


def test_a_unit_of_a_department_named_without_its_province_takes_the_article_s(tmp_path):
    found = orgs(tmp_path, "Tỉnh Quảng Ninh đã lấy mẫu thực phẩm. Thanh tra Sở Y tế tiến hành kiểm tra cơ sở.")
    assert "Thanh tra Sở Y tế tỉnh Quảng Ninh" in found


def test_an_agreement_named_only_by_its_ordinal_is_no_entity(tmp_path):
    found = agreements(tmp_path, "Hai nước đã ký ba văn bản. Thỏa thuận thứ hai quy định việc trao đổi thông tin.")
    assert not found


def test_an_agreement_named_only_by_its_year_is_no_entity(tmp_path):
    assert not agreements(tmp_path, "Theo Hiệp ước năm 2013, hai bên sẽ hợp tác chống khủng bố.")


def test_a_party_board_named_without_its_body_is_no_entity(tmp_path):
    assert not orgs(tmp_path, "Ông A bị Ban cán sự Đảng ủy đề nghị kỷ luật.")


def test_a_routine_meeting_its_organiser_holds_right_before_it_is_that_body_s_event(tmp_path):
    found = events_of(tmp_path, "Cục Cảnh sát hình sự tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm tại Hà Nội.")
    assert "Hội nghị sơ kết công tác 6 tháng đầu năm" in found


def test_an_annual_meeting_on_a_named_subject_is_an_event(tmp_path):
    found = events_of(tmp_path, "Hội nghị thường niên về phòng, chống mua bán người diễn ra tại Hà Nội.")
    assert "Hội nghị thường niên về phòng, chống mua bán người" in found


def test_a_session_of_the_body_named_after_it_is_named_with_that_body(tmp_path):
    found = events_of(tmp_path, "Phó Chủ tịch Quốc hội dự phiên họp thứ 5 của Ủy ban Thường vụ Quốc hội.")
    assert found == {"Phiên họp thứ 5 của Ủy ban Thường vụ Quốc hội"}


def test_a_session_its_body_opens_is_named_with_that_body(tmp_path):
    found = events_of(tmp_path, "Sáng 8/7, HĐND tỉnh Hà Giang khai mạc kỳ họp thứ 7.")
    assert found == {"Kỳ họp thứ 7 của HĐND tỉnh Hà Giang"}


def test_a_session_whose_body_the_sentence_does_not_name_is_no_event(tmp_path):
    assert not events_of(tmp_path, "Quần thể di tích được công nhận là di sản thế giới trong kỳ họp thứ 40 tại Đức.")


def test_a_unit_named_only_by_its_number_is_no_entity(tmp_path):
    found = orgs(tmp_path, "Ông từng chiến đấu trong Tiểu đoàn 3 và Đại đội 9 ở chiến trường miền Đông.")
    assert not any(o.startswith(("Tiểu đoàn", "Đại đội")) for o in found)


def test_a_session_is_of_the_body_named_after_it_rather_than_of_the_subject(tmp_path):
    found = events_of(tmp_path, "Ủy ban Thường vụ Quốc hội tổng kết Kỳ họp thứ 5 của Quốc hội khóa XV.")
    assert found == {"Kỳ họp thứ 5 của Quốc hội"}


def test_a_ceremony_named_by_one_lower_case_word_is_no_event(tmp_path):
    assert not events_of(tmp_path, "Sáng 3/4, đơn vị đã tổ chức lễ xuất quân tại sân vận động huyện.")


def test_a_holiday_named_by_its_date_is_no_event(tmp_path):
    assert not events_of(tmp_path, "Lễ 30.4 năm nay người lao động được nghỉ 4 ngày.")


def test_a_procuracy_named_without_its_place_is_no_entity_in_an_article_naming_none(tmp_path):
    assert not orgs(tmp_path, "Cơ quan điều tra đề nghị Viện KSND cùng cấp truy tố bị can.")

def test_a_department_word_inside_another_word_names_no_department(tmp_path):
    # "Sở hữu trí tuệ" (intellectual property) holds "Sở" as a syllable, not the head of a department
    found = orgs(tmp_path, "Hội thảo do Cục Sở hữu trí tuệ tổ chức tại Hà Nội.")
    assert "Cục Sở hữu trí tuệ" in found


def test_a_division_named_by_its_police_code_alone_is_no_entity(tmp_path):
    assert not orgs(tmp_path, "Theo thống kê của Phòng PC67, số vụ tai nạn giao thông đã giảm.")


def test_a_numbered_market_watch_team_without_its_body_is_no_entity(tmp_path):
    assert not orgs(tmp_path, "Chiều 5/7, Đội QLTT số 3 đã kiểm tra một kho hàng.")


def test_a_numbered_team_named_with_its_body_is_kept(tmp_path):
    found = orgs(tmp_path, "Chiều 5/7, Đội QLTT số 3, Chi cục QLTT tỉnh Nam Định đã kiểm tra một kho hàng.")
    assert "Đội QLTT số 3, Chi cục QLTT tỉnh Nam Định" in found


def test_a_police_division_named_by_its_field_alone_is_no_entity(tmp_path):
    assert not orgs(tmp_path, "Tổ công tác nhận được yêu cầu phối hợp từ Phòng Cảnh sát môi trường về vụ việc.")


def test_a_traffic_police_team_named_by_its_place_is_kept(tmp_path):
    assert "Đội CSGT Hàng Xanh" in orgs(tmp_path, "Đội CSGT Hàng Xanh đã lập biên bản xử phạt tài xế.")


def test_a_department_in_a_list_of_the_one_provinces_bodies_is_that_provinces(tmp_path):
    found = orgs(tmp_path, "Công ty phối hợp với Sở Văn hóa Thể thao, Trung tâm Bảo tồn Di tích Cố đô để làm việc "
                           "tại tỉnh Thừa Thiên - Huế.")
    assert "Sở Văn hóa Thể thao tỉnh Thừa Thiên Huế" in found


def test_a_national_bodys_name_with_a_bare_province_word_is_the_provinces_namesake(tmp_path):
    # "(Ban chỉ đạo 389 tỉnh)": the province's steering committee 389, not the national one
    found = orgs(tmp_path, "Tin từ tỉnh Quảng Ninh: ông Lê Văn An, Trưởng Ban chỉ đạo chống buôn lậu tỉnh Quảng Ninh "
                           "(Ban chỉ đạo 389 tỉnh) cho biết số vụ việc đã giảm.")
    assert "Ban chỉ đạo 389 tỉnh Quảng Ninh" in found
    assert "Ban Chỉ đạo 389 quốc gia" not in found


def test_a_provincial_city_does_not_count_as_a_second_province(tmp_path):
    # "TP Huế" was Thừa Thiên Huế's provincial city (gazetteer parent): a bare "Sở …" in an article naming both
    # is still the one province's department
    found = orgs(tmp_path, "UBND TP Huế đề nghị UBND tỉnh Thừa Thiên Huế cho phép công ty phối hợp với Sở Văn hóa Thể "
                           "thao, Trung tâm Bảo tồn Di tích Cố đô Huế để làm việc.")
    assert "Sở Văn hóa Thể thao tỉnh Thừa Thiên Huế" in found
