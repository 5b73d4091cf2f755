"""What the browser tests share: how to start Debian Chromium, a small graph (five entities over
three articles, one article hostile) and a synthetic corpus to build."""
from __future__ import annotations

import os

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")     # another path: to test the "missing" notice
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

XSS_LABEL = "Tổ chức <img src=x onerror=alert(1)>"
XSS_ALIAS = '"><svg onload=alert(2)>'
XSS_SENTENCE = ("Bộ Công an ký kết </script><script>window.__pwned=1</script> với "
                "<img src=x onerror=alert(3)> ngày 10/7/2019.")
XSS_TITLE = "<b>Hội nghị</b></script><script>alert(4)</script>"
XSS_URL = "javascript:alert(5)"
CAMPUCHIA_URL = "https://tin-tuc.example.vn/hop-tac-viet-nam-campuchia?id=7&lang=vi"


def small_graph():
    """Five entities over three articles (2019, 2021, undated), one of them hostile."""
    from kg.graph import assemble_graph
    from kg.model import Document, Entity, Evidence, Relation

    def doc(i, title, date, outlet="", url=""):
        return Document(id=i, path=f"corpus/{i}.txt", text="", sentences=(), title=title, date=date,
                        outlet=outlet, url=url)

    def ev(d, s):
        return (Evidence(d, s, 0, len(s), "test"),)

    s_bca = "Bộ Công an chủ trì hội nghị về phòng, chống mua bán người."
    s_cam = "Việt Nam và Campuchia tăng cường hợp tác phòng, chống mua bán người."
    s_bali = "Hội nghị Bali diễn ra tại Hà Nội."
    entities = [
        Entity("bo-cong-an", "Bộ Công an", "Organization", ("Bộ CA",), (), ev("d1", s_bca)),
        Entity("xss", XSS_LABEL, "Organization", (XSS_ALIAS,), (), ev("d1", XSS_SENTENCE)),
        Entity("campuchia", "Campuchia", "Country", (), (("iso", "KH"),), ev("d2", s_cam)),
        Entity("hoi-nghi-bali", "Hội nghị Bali", "Event", (), (("date", "2023-05-02"),), ev("d3", s_bali)),
        Entity("ha-noi", "Hà Nội", "Location", (), (), ev("d3", s_bali)),
    ]
    relations = [
        Relation("bo-cong-an", "cooperatesWith", "campuchia", ev("d2", s_cam)),
        Relation("xss", "partOf", "bo-cong-an", ev("d1", XSS_SENTENCE)),
        Relation("bo-cong-an", "participatedIn", "hoi-nghi-bali", ev("d3", s_bali)),
        Relation("hoi-nghi-bali", "heldIn", "ha-noi", ev("d3", s_bali)),
    ]
    docs = [doc("d1", XSS_TITLE, "2019-07-10", "Báo <i>Mẫu</i>", XSS_URL),
            doc("d2", "Hợp tác Việt Nam – Campuchia", "2021-03-01", "Báo Biên phòng", CAMPUCHIA_URL),
            doc("d3", "", "")]
    return assemble_graph(entities, relations, docs)


def synthetic_corpus(out):
    """40 articles from benchmarks/make_corpus.py (dates over 2015-2025, a few hundred entities)."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from make_corpus import make_corpus
    return make_corpus(40, out, seed=5)
