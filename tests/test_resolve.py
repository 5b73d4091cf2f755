"""Resolution across articles: when two titles name one agreement, and when they do not."""
import kg


def build(tmp_path, *texts):
    for i, text in enumerate(texts):
        (tmp_path / f"a{i}.txt").write_text(text, encoding="utf-8")
    return kg.build_graph(tmp_path, all_topics=True)        # resolution, whatever the topic


def agreements(g):
    return sorted(d["label"] for _, d in g.nodes(data=True) if d["type"] == "Agreement")


def test_agreements_with_different_parties_stay_apart_though_their_titles_are_alike(tmp_path):
    g = build(tmp_path,
              "Bộ Công an triển khai Hiệp định giữa Việt Nam và Lào về hợp tác phòng, chống mua bán người.",
              "Bộ Công an triển khai Hiệp định giữa Việt Nam và Campuchia về hợp tác phòng, chống mua bán người.")
    assert agreements(g) == ["Hiệp định giữa Việt Nam và Campuchia về hợp tác phòng, chống mua bán người",
                             "Hiệp định giữa Việt Nam và Lào về hợp tác phòng, chống mua bán người"]


def test_a_longer_title_of_the_same_agreement_is_the_same_node(tmp_path):
    g = build(tmp_path,
              "Bộ Công an triển khai Hiệp định giữa Việt Nam và Lào về hợp tác phòng, chống mua bán người.",
              "Hai bên ký Hiệp định giữa Chính phủ Việt Nam và Chính phủ Lào về hợp tác phòng, chống mua bán người.")
    assert agreements(g) == ["Hiệp định giữa Chính phủ Việt Nam và Chính phủ Lào về hợp tác phòng, chống mua bán người"]


def test_a_plan_named_with_or_without_quoc_gia_for_the_same_years_is_one_node(tmp_path):
    g = build(tmp_path,
              "Các bộ, ngành triển khai Kế hoạch hành động phòng, chống mua bán người giai đoạn 2021 - 2025.",
              "Bộ Công an chủ trì Kế hoạch hành động quốc gia phòng, chống mua bán người giai đoạn 2021 - 2025.")
    assert len(agreements(g)) == 1


def test_candidate_filters_find_exactly_the_pairs_a_full_comparison_finds():
    """The prefix and proper-name filters only skip comparisons that could not match."""
    import itertools
    from kg.resolve import _UnionFind, _merge_similar_titles, same_title, union_title_pairs
    parties = ["Việt Nam", "Lào", "Campuchia", "Chính phủ Việt Nam", "Thái Lan", ""]
    topics = ["về hợp tác phòng, chống mua bán người", "về hợp tác phòng, chống mua bán người và bảo vệ nạn nhân",
              "về tương trợ tư pháp", ""]
    titles = sorted({" ".join(f"Hiệp định giữa {a} và {b} {t}".split()) if a and b else
                     " ".join(f"Hiệp định {a or b} {t}".split())
                     for a, b, t in itertools.product(parties, parties, topics) if a != b or not a})
    keys = [f"Agreement|{t.casefold()}" for t in titles]
    surfaces = {k: {t} for k, t in zip(keys, titles)}
    fast = _UnionFind()
    _merge_similar_titles(keys, surfaces, {k: {} for k in keys}, fast)
    full = _UnionFind()
    union_title_pairs([(k1, t1, k2, t2) for (k1, t1), (k2, t2) in itertools.combinations(zip(keys, titles), 2)
                       if same_title(t1, t2)], full)
    assert {k: fast.find(k) for k in keys} == {k: full.find(k) for k in keys}
    assert len({full.find(k) for k in keys}) < len(keys)        # some titles do merge


def organizations(g):
    return sorted(d["label"] for _, d in g.nodes(data=True) if d["type"] == "Organization")


def test_a_body_written_with_or_without_abbreviations_is_one_node(tmp_path):
    g = build(tmp_path,
              "Tin 1\nUBND TP Hải Phòng đã ban hành kế hoạch phòng, chống mua bán người.",
              "Tin 2\nỦy ban nhân dân thành phố Hải Phòng đã ban hành kế hoạch phòng, chống mua bán người.")
    assert len(organizations(g)) == 1


def test_old_and_new_tone_placement_and_dash_spacing_do_not_split_a_body(tmp_path):
    g = build(tmp_path,
              "Tin 1\nSở Lao động - Thương binh và Xã hội tỉnh Hoà Bình tiếp nhận nạn nhân.",
              "Tin 2\nSở Lao động-Thương binh và Xã hội tỉnh Hòa Bình tiếp nhận nạn nhân.")
    assert len(organizations(g)) == 1


def test_a_city_body_named_without_its_city_is_no_entity_nor_merged_across_articles(tmp_path):
    g = build(tmp_path,
              "Tin 1\nUBND TP đã ban hành kế hoạch phòng, chống mua bán người.",
              "Tin 2\nUBND TP đã tổ chức lễ tiếp nhận nạn nhân.")
    assert organizations(g) == []                 # which city's? the article never says


def test_agreements_named_only_by_their_subject_are_not_merged_across_articles(tmp_path):
    # "an extradition treaty" in an article on Malaysia and in one on Slovakia are two treaties
    g = build(tmp_path,
              "Tin 1\nViệt Nam và Malaysia thúc đẩy đàm phán Hiệp định dẫn độ tội phạm.",
              "Tin 2\nViệt Nam và Slovakia xây dựng dự thảo Hiệp định dẫn độ tội phạm.")
    assert agreements(g) == ["Hiệp định dẫn độ tội phạm", "Hiệp định dẫn độ tội phạm"]


def test_a_title_with_and_without_ve_in_one_article_is_one_agreement(tmp_path):
    g = build(tmp_path, "Tin\nHai bên xây dựng Hiệp định chuyển giao người bị kết án. Bộ trưởng trao dự thảo "
                        "Hiệp định về chuyển giao người bị kết án phạt tù giữa hai nước.")
    assert len(agreements(g)) == 1


def test_two_dated_laws_do_not_merge_through_their_undated_short_name(tmp_path):
    g = build(tmp_path,
              "Tin 1\nQuốc hội thông qua Luật Du lịch 2005 sau nhiều phiên họp.",
              "Tin 2\nLuật Du lịch có hiệu lực từ đầu năm.",
              "Tin 3\nQuốc hội thông qua Luật Du lịch 2017 với đa số phiếu.")
    assert {"Luật Du lịch 2005", "Luật Du lịch 2017"} <= set(agreements(g))


def test_codes_of_law_one_word_apart_stay_apart(tmp_path):
    g = build(tmp_path, "Tin 1\nTheo Bộ luật Dân sự, hợp đồng bị vô hiệu.", "Tin 2\nTheo Bộ luật Hình sự, hành vi bị xử lý.")
    assert len(agreements(g)) == 2


def orgs(g):
    return sorted(d["label"] for _, d in g.nodes(data=True) if d["type"] == "Organization")


def test_a_city_abbreviation_touching_its_name_is_the_same_body(tmp_path):
    g = build(tmp_path, "Tin\nNgày 9/7, Công an TP Biên Hòa tạm giữ hai đối tượng.",
              "Tin\nNgày 11/7, Công an TP.Biên Hòa khởi tố bị can.")
    assert len([o for o in orgs(g) if "Biên Hòa" in o]) == 1


def test_a_ministrys_name_is_one_body_whatever_its_punctuation(tmp_path):
    g = build(tmp_path, "Tin\nBộ Văn hóa, Thể thao và Du lịch tổ chức lễ hội.",
              "Tin\nBộ Văn hóa Thể thao và Du lịch chỉ đạo các sở.")
    assert len([o for o in orgs(g) if o.startswith("Bộ Văn hóa")]) == 1


def test_a_province_s_body_with_or_without_the_word_tinh_is_one_node(tmp_path):
    g = build(tmp_path,
              "Tin 1\nCông an tỉnh Quảng Bình đã giải cứu 3 phụ nữ.",
              "Tin 2\nCông an Quảng Bình đã bàn giao 3 phụ nữ cho gia đình.")
    assert organizations(g) == ["Công an tỉnh Quảng Bình"]


def test_a_city_s_body_however_the_city_is_abbreviated_is_one_node(tmp_path):
    # "TP HCM", "TPHCM", "TP.HCM": one city; its police is one body
    g = build(tmp_path,
              "Tin 1\nCông an TPHCM đã giải cứu 3 phụ nữ.",
              "Tin 2\nCông an TP HCM đã bàn giao 3 phụ nữ cho gia đình.")
    assert len(organizations(g)) == 1


def test_a_provincial_city_s_body_is_not_the_province_s(tmp_path):
    # "thành phố Lào Cai" is a city inside "tỉnh Lào Cai": their police are two bodies
    g = build(tmp_path,
              "Tin 1\nCông an tỉnh Lào Cai đã giải cứu 3 phụ nữ.",
              "Tin 2\nCông an thành phố Lào Cai đã bàn giao 3 phụ nữ cho gia đình.")
    assert len(organizations(g)) == 2


def test_meetings_with_different_ordinals_spelled_or_in_digits_stay_apart(tmp_path):
    # "Hội nghị lần thứ năm …" (the fifth) and "Hội nghị lần thứ 3 …" (the third) are two plenums
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Tin\nĐề án tổng kết Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa IX "
                                  "về tiếp tục đổi mới cơ chế; Đề án tổng kết Nghị quyết Hội nghị lần thứ 3 Ban Chấp hành "
                                  "Trung ương Đảng khóa IX về tiếp tục sắp xếp doanh nghiệp.", encoding="utf-8")
    g = kg.build_graph(kg.read_corpus(folder), all_topics=True)
    events = {d["label"] for _, d in g.nodes(data=True) if d["type"] == "Event"}
    assert events == {"Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa IX",
                      "Hội nghị lần thứ 3 Ban Chấp hành Trung ương Đảng khóa IX"}


def test_one_article_naming_an_agreement_in_two_wordings_gives_one_node(tmp_path):
    # a headline's short form and the formal name of the body text: the same head noun, the same two parties,
    # and what the short one says it is about all in the long one
    g = build(tmp_path, "Hội nghị thực hiện Hiệp định phòng, chống mua bán người giữa Việt Nam và Lào\n"
                        "Hai bên đánh giá việc thực hiện Hiệp định giữa Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam "
                        "và Chính phủ nước Cộng hòa Dân chủ Nhân dân Lào về hợp tác phòng, chống mua bán người và bảo vệ "
                        "nạn nhân bị mua bán.")
    assert agreements(g) == ["Hiệp định giữa Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam và Chính phủ nước Cộng "
                             "hòa Dân chủ Nhân dân Lào về hợp tác phòng, chống mua bán người và bảo vệ nạn nhân bị mua bán"]


def test_two_agreements_between_the_same_parties_on_other_matters_stay_apart(tmp_path):
    g = build(tmp_path, "Hai bên đã ký Hiệp định dẫn độ giữa Việt Nam và Lào và Hiệp định tương trợ tư pháp giữa "
                        "Việt Nam và Lào.")
    assert len(agreements(g)) == 2
