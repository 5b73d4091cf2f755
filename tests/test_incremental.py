"""A build kept up to date article by article writes the same bytes as a cold build of the same
corpus: adds, edits, deletes and a rule-file change, each built incrementally (cache warm), then
everything built again from nothing and compared file by file (issue 17)."""
import shutil
from pathlib import Path

import pytest

from conftest import ROOT

import kg
from kg.pipeline import OUTPUT_FILES

# Our own sentences, built the way news articles are (a body acting against trafficking with partners).
ARTICLES = {
    "a_hoi_thao": "Hội thảo phòng, chống mua bán người tại Hà Nội\n\n"
                  "Ngày 12/3/2024, Bộ Công an phối hợp với Tổ chức Di cư Quốc tế (IOM) tổ chức Hội thảo về "
                  "phòng, chống mua bán người tại Hà Nội. Đại diện Đại sứ quán Australia tham dự hội thảo.\n",
    "b_ky_ket": "Ký kết hợp tác phòng, chống mua bán người\n\n"
                "Bộ Lao động - Thương binh và Xã hội và Tổ chức Lao động Quốc tế (ILO) đã ký kết biên bản ghi nhớ "
                "về phòng, chống mua bán người. Cục Cảnh sát hình sự, Bộ Công an cũng tham dự lễ ký.\n",
    "c_bien_gioi": "Phối hợp điều tra mua bán người qua biên giới\n\n"
                   "Bộ đội Biên phòng tỉnh Lào Cai phối hợp với Công an tỉnh Lào Cai triệt phá đường dây mua bán "
                   "người sang Trung Quốc. Bộ Công an Việt Nam và Bộ Công an Trung Quốc trao đổi thông tin.\n",
}
ADDED = ("d_dien_dan", "Diễn đàn khu vực về phòng, chống mua bán người\n\n"
         "Bộ Ngoại giao phối hợp với Văn phòng Liên hợp quốc về Ma túy và Tội phạm (UNODC) tổ chức diễn đàn "
         "về phòng, chống mua bán người. Hội Liên hiệp Phụ nữ Việt Nam và Tổ chức Thử Nghiệm Xanh tham dự.\n")
EDITED = ("b_ky_ket", "Ký kết hợp tác phòng, chống mua bán người\n\n"
          "Bộ Lao động - Thương binh và Xã hội và Tổ chức Lao động Quốc tế (ILO) đã ký kết biên bản ghi nhớ "
          "về phòng, chống mua bán người. Cơ quan Phát triển Quốc tế Hoa Kỳ (USAID) tài trợ chương trình.\n")
NEW_BODY = "to-chuc-thu-nghiem-xanh\tTổ chức Thử Nghiệm Xanh\t\t\tviet-nam\t\t\n"


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUT_FILES}


@pytest.fixture
def setup(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    rules = Path(shutil.copytree(ROOT / "rules", tmp_path / "rules"))
    return corpus, rules


def test_an_incrementally_kept_build_is_byte_identical_to_a_cold_one(setup, tmp_path):
    corpus, rules = setup
    out = tmp_path / "out"

    def build():
        kg.build(corpus, out, rules_dir=rules, workers=1, query_store=False)
        return _outputs(out)

    steps = [build()]
    (corpus / f"{ADDED[0]}.txt").write_text(ADDED[1], encoding="utf-8")                  # an article added
    steps.append(build())
    (corpus / f"{EDITED[0]}.txt").write_text(EDITED[1], encoding="utf-8")                # an article edited
    steps.append(build())
    (corpus / "c_bien_gioi.txt").unlink()                                                # an article deleted
    steps.append(build())
    gaz = rules / "gazetteer" / "organizations.tsv"
    gaz.write_bytes(gaz.read_bytes() + NEW_BODY.encode("utf-8"))                         # a rule file changed
    steps.append(build())
    assert all(a != b for a, b in zip(steps, steps[1:]))      # every step changed the graph

    kg.build(corpus, tmp_path / "cold", rules_dir=rules, workers=1, cache=False, query_store=False)
    cold = _outputs(tmp_path / "cold")
    assert {k: len(v) for k, v in steps[-1].items()} == {k: len(v) for k, v in cold.items()}
    assert steps[-1] == cold
    assert b'"id": "to-chuc-thu-nghiem-xanh"' in cold["graph.json"]       # the rule change took effect
    assert b"c_bien_gioi" not in cold["graph.json"]


def test_incremental_equals_cold_with_two_workers_too(setup, tmp_path):
    corpus, rules = setup
    kg.build(corpus, tmp_path / "out", rules_dir=rules, workers=2, query_store=False)
    (corpus / f"{ADDED[0]}.txt").write_text(ADDED[1], encoding="utf-8")
    (corpus / f"{EDITED[0]}.txt").write_text(EDITED[1], encoding="utf-8")
    kg.build(corpus, tmp_path / "out", rules_dir=rules, workers=2, query_store=False)
    kg.build(corpus, tmp_path / "cold", rules_dir=rules, workers=1, cache=False, query_store=False)
    assert _outputs(tmp_path / "out") == _outputs(tmp_path / "cold")


def test_a_rebuild_that_changes_nothing_keeps_the_query_store_and_an_edit_remakes_it(setup, tmp_path, monkeypatch):
    import kg.sparql
    corpus, rules = setup
    out = tmp_path / "out"
    kg.build(corpus, out, rules_dir=rules, workers=1, query_store=True)
    made = []
    real = kg.sparql.write_store_in_child
    monkeypatch.setattr(kg.sparql, "write_store_in_child", lambda folder: made.append(folder) or real(folder))
    assert kg.build(corpus, out, rules_dir=rules, workers=1, query_store=True).warnings == []
    assert made == [] and kg.sparql.store_is_current(out)
    (corpus / f"{EDITED[0]}.txt").write_text(EDITED[1], encoding="utf-8")
    kg.build(corpus, out, rules_dir=rules, workers=1, query_store=True)
    assert made == [out] and kg.sparql.store_is_current(out)
