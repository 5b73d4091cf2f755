"""The generated gazetteers (rules/gazetteer/*.tsv, written by tools/make_gazetteers.py): what they let
kg find in a sentence, and that the committed files are exactly what the generator writes."""
import importlib.metadata
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.errors import RuleError
from kg.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "tools" / "make_gazetteers.py"
sys.path.insert(0, str(ROOT / "tools"))
import make_gazetteers  # noqa: E402


def article(tmp_path, text: str):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    return kg.build_graph(kg.read_corpus(tmp_path), all_topics=True)     # names, whatever the topic


def nodes(g, etype):
    return {d["label"]: d for _, d in g.nodes(data=True) if d["type"] == etype}


def test_abbreviated_and_full_ministry_names_are_one_node(tmp_path):
    g = article(tmp_path, "Bộ GD-ĐT vừa ban hành hướng dẫn mới. Bộ Giáo dục và Đào tạo yêu cầu các trường "
                          "tuyên truyền về phòng, chống mua bán người. Đại diện Bộ GD&ĐT cho biết thêm.")
    assert list(nodes(g, "Organization")) == ["Bộ Giáo dục và Đào tạo"]


def test_ministry_with_differently_spaced_dashes_is_one_node(tmp_path):
    g = article(tmp_path, "Bộ Lao động-Thương binh và Xã hội chủ trì hội nghị. Bộ Lao động - Thương binh và Xã hội "
                          "đề nghị các địa phương hỗ trợ nạn nhân.")
    assert list(nodes(g, "Organization")) == ["Bộ Lao động - Thương binh và Xã hội"]


def test_district_named_with_its_prefix_is_a_location_and_no_country(tmp_path):
    g = article(tmp_path, "Hội thảo phòng, chống mua bán người được tổ chức tại huyện Mỹ Đức, Hà Nội.")
    assert "huyện Mỹ Đức" in nodes(g, "Location")
    assert nodes(g, "Location")["huyện Mỹ Đức"]["kind"] == "district"
    assert nodes(g, "Country") == {}


def test_post_2025_special_zone_is_a_location(tmp_path):
    g = article(tmp_path, "Từ ngày 1/7/2025, đặc khu Thổ Châu thuộc tỉnh An Giang.")
    assert {"đặc khu Thổ Châu", "tỉnh An Giang"} <= set(nodes(g, "Location"))


def test_old_and_new_tone_placement_of_a_province_are_one_node(tmp_path):
    g = article(tmp_path, "Công an tỉnh Khánh Hoà đã trao trả nạn nhân. Tại Khánh Hòa, nhiều lao động bị lừa sang biên giới.")
    assert list(nodes(g, "Location")) == ["tỉnh Khánh Hòa"]


def test_both_spellings_of_dak_lak_are_one_province(tmp_path):
    g = article(tmp_path, "Hai nạn nhân quê ở Đắk Lăk đã được đưa về. Chính quyền tỉnh Đắk Lắk hỗ trợ họ học nghề.")
    assert list(nodes(g, "Location")) == ["tỉnh Đắk Lắk"]


def test_unspaced_hyphen_province_is_one_province_and_not_the_city(tmp_path):
    g = article(tmp_path, "Đoàn công tác làm việc tại Bà Rịa-Vũng Tàu trong hai ngày.")
    assert list(nodes(g, "Location")) == ["tỉnh Bà Rịa - Vũng Tàu"]


def test_country_known_only_from_the_iso_list_is_a_country(tmp_path):
    g = article(tmp_path, "Cảnh sát Bolivia và Cảnh sát Việt Nam trao đổi thông tin về đường dây mua bán người.")
    assert nodes(g, "Country")["Bolivia"]["iso"] == "BO"


def test_ocean_is_not_the_province_nor_india(tmp_path):
    g = article(tmp_path, "Các nước ven Ấn Độ Dương và Thái Bình Dương tăng cường hợp tác chống mua bán người.")
    assert set(nodes(g, "Location")) == {"Ấn Độ Dương", "Thái Bình Dương"}
    assert nodes(g, "Country") == {}


def test_pronoun_anh_at_the_start_of_a_sentence_is_not_the_united_kingdom(tmp_path):
    g = article(tmp_path, "Anh cho biết đã bị lừa sang biên giới làm việc. Sau đó anh được Công an tỉnh Lạng Sơn giải cứu.")
    assert nodes(g, "Country") == {}


def test_variants_cover_dash_spacing_and_the_comma_of_phong_chong():
    assert make_gazetteers.variants("Bộ Lao động - Thương binh và Xã hội") == [
        "Bộ Lao động - Thương binh và Xã hội", "Bộ Lao động-Thương binh và Xã hội",
        "Bộ Lao động -Thương binh và Xã hội", "Bộ Lao động- Thương binh và Xã hội"]
    assert make_gazetteers.variants("Cục Phòng, chống tệ nạn xã hội") == [
        "Cục Phòng, chống tệ nạn xã hội", "Cục Phòng chống tệ nạn xã hội"]
    assert make_gazetteers.variants("Cam-pu-chia") == ["Cam-pu-chia"]     # a transliteration's hyphens stay


def test_committed_gazetteers_load_with_kg_rules():
    rules = load_rules()
    assert len(rules.table("gazetteer/countries.tsv")) > 240
    assert len(rules.table("gazetteer/locations.tsv")) > 700
    assert len(rules.table("gazetteer/subdivisions.tsv")) > 3000


def test_a_subdivision_of_an_unknown_country_is_an_error_naming_its_line(tmp_path):
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    with open(tmp_path / "rules" / "gazetteer" / "subdivisions.tsv", "a", encoding="utf-8") as f:
        f.write("sub-xx-1\tNowhere\tatlantis\n")
    with pytest.raises(RuleError, match=r"subdivisions.tsv:\d+: country 'atlantis' is not a country id"):
        load_rules(tmp_path / "rules")


def test_a_us_state_is_the_state_and_its_governor_is_a_person(tmp_path):
    (tmp_path / "a.txt").write_text("Tin\nThống đốc bang Virginia Terry McAuliffe đã tiếp đoàn công tác tại thủ phủ "
                                    "Richmond.", encoding="utf-8")
    g = kg.build_graph(kg.read_corpus(tmp_path), all_topics=True)
    found = {(d["type"], d["label"]) for _, d in g.nodes(data=True)}
    assert ("Location", "bang Virginia") in found and ("Person", "Terry McAuliffe") in found


def test_a_state_of_three_words_is_one_place(tmp_path):
    (tmp_path / "a.txt").write_text("Tin\nHội nghị được tổ chức tại bang New South Wales (Australia) vào tháng 5.",
                                    encoding="utf-8")
    g = kg.build_graph(kg.read_corpus(tmp_path), all_topics=True)
    assert "bang New South Wales" in {d["label"] for _, d in g.nodes(data=True) if d["type"] == "Location"}


def test_a_reception_at_a_seat_of_state_is_held_there(tmp_path):
    # "Phủ Chủ tịch" (the Presidential Palace): a venue of sources/locations.tsv, where the call is held
    (tmp_path / "a.txt").write_text("Tin\nSáng 13/7, tại Phủ Chủ tịch, Chủ tịch nước Trần Văn Quý tiếp Đại sứ Chile "
                                    "Juan Carlos Ortega.", encoding="utf-8")
    g = kg.build_graph(kg.read_corpus(tmp_path), all_topics=True)
    lab = {n: d["label"] for n, d in g.nodes(data=True)}
    held = {(lab[a], lab[b]) for a, b, d in g.edges(data=True) if d["relation"] == "heldIn"}
    assert ("Chủ tịch nước Trần Văn Quý tiếp Đại sứ Chile Juan Carlos Ortega", "Phủ Chủ tịch") in held


def test_asia_pacific_written_in_lower_case_is_one_region(tmp_path):
    # the press writes "châu" (continent) in lower case: the region is one place, not Asia and the Pacific
    (tmp_path / "a.txt").write_text("Tin\nCác doanh nghiệp muốn mở rộng sang thị trường châu Á - Thái Bình Dương.",
                                    encoding="utf-8")
    g = kg.build_graph(kg.read_corpus(tmp_path), all_topics=True)
    assert {d["label"] for _, d in g.nodes(data=True) if d["type"] == "Location"} == {"châu Á - Thái Bình Dương"}


def test_the_mekong_delta_is_a_region_not_the_river(tmp_path):
    # "đồng bằng sông Cửu Long" (the Mekong Delta), in either case: a region of Việt Nam, not "sông Cửu Long"
    (tmp_path / "a.txt").write_text("Tin\nHà Lan hỗ trợ Đồng bằng sông Cửu Long ứng phó biến đổi khí hậu.", encoding="utf-8")
    g = kg.build_graph(kg.read_corpus(tmp_path), all_topics=True)
    assert {d["label"] for _, d in g.nodes(data=True) if d["type"] == "Location"} == {"đồng bằng sông Cửu Long"}


def test_the_federal_in_a_federations_name_is_no_state(tmp_path):
    (tmp_path / "a.txt").write_text("Tin\nSau khi Liên bang Xô Viết tan rã, nhiều nước ra đời.", encoding="utf-8")
    g = kg.build_graph(kg.read_corpus(tmp_path), all_topics=True)
    assert not any(d["label"].startswith("bang") for _, d in g.nodes(data=True))


def _generator_ready() -> str:
    """Empty when the optional packages at the pinned versions are there, else why not."""
    for name, pinned in make_gazetteers.PINNED.items():
        if importlib.util.find_spec(name) is None:
            return f"{name} is not installed (pip install -e '.[gazetteer]')"
        if importlib.metadata.version(name) != pinned:
            return f"{name} {importlib.metadata.version(name)} is installed, the gazetteers were made with {pinned}"
    return ""


def test_regenerating_gives_byte_identical_files(tmp_path):
    why = _generator_ready()
    if why:
        pytest.skip(f"cannot regenerate the gazetteers: {why}")
    done = subprocess.run([sys.executable, str(GENERATOR), "--out", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for name in ("countries", "locations", "organizations", "agreements", "subdivisions"):
        assert (tmp_path / f"{name}.tsv").read_bytes() == (ROOT / "rules" / "gazetteer" / f"{name}.tsv").read_bytes(), name


def test_a_bad_source_line_is_a_one_line_error_naming_it(tmp_path, monkeypatch):
    src = tmp_path / "sources"
    src.mkdir()
    (src / "organizations.tsv").write_text("id\tname\taliases\tparent\tcountry\twikidata\tnote\n"
                                           "bo-x\tBộ X\t\t\t\t\t\textra\n", encoding="utf-8")
    monkeypatch.setattr(make_gazetteers, "SOURCES", src)
    monkeypatch.setattr(make_gazetteers, "ROOT", tmp_path)
    with pytest.raises(make_gazetteers.SourceError, match=r"^sources/organizations.tsv:2: 8 fields"):
        make_gazetteers.curated_table("organizations", "organizations.tsv", make_gazetteers.ORG_SOURCE)


def test_two_hand_kept_bodies_may_not_share_a_surface_form():
    a = make_gazetteers.Entry("organizations", "a", "Bộ A", {}, where="x.tsv:2")
    b = make_gazetteers.Entry("organizations", "b", "Bộ B", {}, where="x.tsv:3")
    a.add("BA", True)
    b.add("BA", True)
    with pytest.raises(make_gazetteers.SourceError, match="x.tsv:3: 'ba' also names a"):
        make_gazetteers.expand_and_dedupe([a, b])


def test_an_abbreviated_ministry_written_with_a_spaced_comma_is_the_ministry(tmp_path):
    # "LĐ, TB&XH" is the press's abbreviation of "Lao động, Thương binh và Xã hội", its comma spaced or not
    g = article(tmp_path, "Bộ trưởng Bộ LĐ, TB&XH dẫn đầu đoàn công tác. Bộ LĐ,TB&XH đề nghị các địa phương hỗ trợ nạn nhân.")
    assert list(nodes(g, "Organization")) == ["Bộ Lao động - Thương binh và Xã hội"]
