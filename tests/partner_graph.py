"""A small graph of three dated articles about Bộ Công an, its units, IOM's country office and an
embassy abroad: `country` (a body's own state) and `basedIn` (where an office works) side by side.

Built directly from Entities and Relations (the sentences are written for these tests), so the
exporters and `kg partners` are tested on basedIn links whatever the extractor finds today."""
from __future__ import annotations

from kg.graph import assemble_graph
from kg.model import Document, Entity, Evidence, Relation

A, B, C = "a_2023", "b_2024", "c_2024"
SA = ("Ngày 12/5/2023, Cục Đối ngoại, Bộ Công an phối hợp với Tổ chức Di cư quốc tế (IOM) Việt Nam "
      "tổ chức Hội thảo về phòng, chống mua bán người tại Hà Nội.")
SB = ("Cục Cảnh sát hình sự (Bộ Công an) đã làm việc với Văn phòng Liên hợp quốc về Ma túy và Tội phạm "
      "(UNODC) về điều tra các đường dây mua bán người.")
SC = "Đại sứ quán Việt Nam tại Myanmar phối hợp với IOM tiếp nhận 15 công dân bị lừa bán sang Myanmar."
SD = ("Bộ Công an (Ministry of Public Security) và IOM đã ký Biên bản ghi nhớ về hỗ trợ nạn nhân bị mua bán "
      "trong khuôn khổ hợp tác với Liên minh châu Âu.")
SE = "Năm 2024, Cục Đối ngoại tiếp tục hợp tác với IOM trong việc hỗ trợ nạn nhân trở về."
SENTENCES = {SA: A, SB: B, SC: C, SD: C, SE: B}


def ev(sentence: str, rule: str) -> Evidence:
    return Evidence(SENTENCES[sentence], sentence, 0, len(sentence), rule)


HOI_THAO = "ev-2023-05-12-hoi-thao"
TIEP_NHAN = "ev-2024-11-20-tiep-nhan"
MOU = "bien-ban-ghi-nho-ho-tro-nan-nhan"


def partner_graph():
    docs = [Document(A, f"corpus/{A}.txt", "", (), title="Hội thảo về phòng, chống mua bán người", date="2023-05-12"),
            Document(B, f"corpus/{B}.txt", "", (), title="Hợp tác điều tra", date="2024-03-08"),
            Document(C, f"corpus/{C}.txt", "", (), title="Tiếp nhận công dân", date="2024-11-20")]
    ents = [
        Entity("bo-cong-an", "Bộ Công an", "Organization", ("Ministry of Public Security",),
               (("country", "Việt Nam"),), (ev(SA, "org.gazetteer"), ev(SB, "org.gazetteer"), ev(SD, "org.gazetteer"))),
        Entity("cuc-doi-ngoai", "Cục Đối ngoại", "Organization", (), (), (ev(SA, "org.gazetteer"), ev(SE, "org.gazetteer"))),
        Entity("cuc-canh-sat-hinh-su", "Cục Cảnh sát hình sự", "Organization", (), (), (ev(SB, "org.gazetteer"),)),
        Entity("iom", "Tổ chức Di cư quốc tế", "Organization",
               ("IOM", "IOM Việt Nam", "International Organization for Migration"),
               (("wikidata", "Q482626"), ("gazetteer", "rules/gazetteer/organizations.tsv:40")),
               (ev(SA, "org.gazetteer"), ev(SC, "org.gazetteer"), ev(SD, "org.gazetteer"))),
        Entity("unodc", "Văn phòng Liên hợp quốc về Ma túy và Tội phạm", "Organization", ("UNODC",),
               (("gazetteer", "rules/gazetteer/organizations.tsv:41"),),
               (ev(SB, "org.gazetteer"),)),
        Entity("dai-su-quan-viet-nam-tai-myanmar", "Đại sứ quán Việt Nam tại Myanmar", "Organization", (), (),
               (ev(SC, "org.head"),)),
        Entity("viet-nam", "Việt Nam", "Country", ("Vietnam",), (("iso", "VN"),), (ev(SA, "country.gazetteer"),)),
        Entity("myanmar", "Myanmar", "Country", (), (("iso", "MM"),), (ev(SC, "country.gazetteer"),)),
        Entity("eu", "Liên minh châu Âu", "Country", ("EU", "European Union"), (), (ev(SD, "country.gazetteer"),)),
        Entity(HOI_THAO, "Hội thảo về phòng, chống mua bán người", "Event", (),
               (("date", "2023-05-12"), ("place", "Hà Nội")), (ev(SA, "event.head"),)),
        Entity(TIEP_NHAN, "tiếp nhận 15 công dân", "Event", (), (("date", "2024-11-20"),), (ev(SC, "event.head"),)),
        Entity(MOU, "Biên bản ghi nhớ về hỗ trợ nạn nhân bị mua bán", "Agreement", (), (),
               (ev(SD, "agreement.head"),)),
        Entity("ha-noi", "Hà Nội", "Location", (), (), (ev(SA, "loc.gazetteer"),)),
    ]
    rels = [
        Relation("cuc-doi-ngoai", "partOf", "bo-cong-an", (ev(SA, "rel.partOf"),)),
        Relation("cuc-canh-sat-hinh-su", "partOf", "bo-cong-an", (ev(SB, "rel.partOf"),)),
        Relation("bo-cong-an", "country", "viet-nam", (ev(SA, "rel.country"),)),
        Relation("iom", "basedIn", "viet-nam", (ev(SA, "rel.basedIn"),)),
        Relation("dai-su-quan-viet-nam-tai-myanmar", "country", "viet-nam", (ev(SC, "rel.country"),)),
        Relation("dai-su-quan-viet-nam-tai-myanmar", "basedIn", "myanmar", (ev(SC, "rel.basedIn"),)),
        Relation("cuc-doi-ngoai", "cooperatesWith", "iom", (ev(SA, "rel.cooperates"), ev(SE, "rel.cooperates"))),
        Relation("cuc-doi-ngoai", "organized", HOI_THAO, (ev(SA, "rel.organized"),)),
        Relation("iom", "organized", HOI_THAO, (ev(SA, "rel.organized"),)),
        Relation(HOI_THAO, "heldIn", "ha-noi", (ev(SA, "rel.heldIn"),)),
        Relation("cuc-canh-sat-hinh-su", "cooperatesWith", "unodc", (ev(SB, "rel.cooperates"),)),
        Relation("dai-su-quan-viet-nam-tai-myanmar", "cooperatesWith", "iom", (ev(SC, "rel.cooperates"),)),
        Relation("dai-su-quan-viet-nam-tai-myanmar", "organized", TIEP_NHAN, (ev(SC, "rel.organized"),)),
        Relation("iom", "organized", TIEP_NHAN, (ev(SC, "rel.organized"),)),
        Relation("bo-cong-an", "partyTo", MOU, (ev(SD, "rel.partyTo"),)),
        Relation("iom", "partyTo", MOU, (ev(SD, "rel.partyTo"),)),
        Relation("bo-cong-an", "cooperatesWith", "eu", (ev(SD, "rel.cooperates"),)),
    ]
    return assemble_graph(ents, rels, docs)


def write_build(folder) -> None:
    """The partner graph's graph.json, graph.ttl and graph.trig in `folder`, as `kg build` writes them."""
    from pathlib import Path

    from kg.export.json import generate_json
    from kg.export.rdf import render_rdf
    folder = Path(folder)
    g = partner_graph()
    ttl, trig = render_rdf(g)
    (folder / "graph.json").write_text(generate_json(g), encoding="utf-8")
    (folder / "graph.ttl").write_bytes(ttl)
    (folder / "graph.trig").write_bytes(trig)
