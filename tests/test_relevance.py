"""The topic decision (kg/relevance.py, rules/topic.tsv): which articles report a body acting
against trafficking in persons, why, and what a build does with the others. Sentences are our own."""
import json
import shutil
from pathlib import Path

import pytest
import rdflib

from conftest import ROOT

import kg
import kg.parallel
from kg.cli import main
from kg.corpus import read_document
from kg.errors import RuleError
from kg.relevance import Relevance, compile_topic, judge

RULES = ROOT / "rules"

BUST = ("Công an tỉnh Lào Cai triệt phá đường dây mua bán người sang Trung Quốc\n"
        "Ngày 3/5, Công an tỉnh Lào Cai cho biết đã bắt giữ ba đối tượng lừa bán phụ nữ qua biên giới.\n")
VISIT = ("Thủ tướng hội đàm với Thủ tướng Lào\n"
         "Chiều 12/4, tại Hà Nội, Thủ tướng đã hội đàm với Thủ tướng Lào.\n"
         "Hai bên đánh giá cao kết quả hợp tác kinh tế, thương mại và đầu tư.\n"
         "Kim ngạch thương mại song phương năm qua tăng 15%.\n"
         "Hai bên nhất trí tăng cường hợp tác phòng, chống buôn bán người và tội phạm ma túy.\n")
TIPS = ("Dạy trẻ cách tránh người lạ\n"
        "Cha mẹ nên dặn con không nhận quà của người lạ.\n"
        "Kẻ buôn người thường dụ dỗ trẻ bằng bánh kẹo.\n"
        "Hãy tập cho trẻ nhớ số điện thoại của bố mẹ.\n")
FOOTBALL = ("Câu lạc bộ giữ chân tiền đạo\n"
            "Ban lãnh đạo khẳng định không muốn bán người cho đối thủ cạnh tranh trực tiếp.\n")
FRUIT = ("Giá thanh long tăng\n"
         "Thanh long được bán sang Trung Quốc với giá cao, doanh nghiệp phối hợp tiêu thụ.\n")


def decide(tmp_path, text, rules=None, name="bai.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return judge(read_document(path), compile_topic(kg.load_rules(rules)))


def rules_copy(tmp_path) -> Path:
    return Path(shutil.copytree(RULES, tmp_path / "rules"))


def set_line(path: Path, key: str, line: str) -> None:
    """Replace the line of a rule table whose first cell is `key`."""
    rows = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(line if r.split("\t")[0] == key else r for r in rows), encoding="utf-8")


def line_of(path: Path, prefix: str) -> int:
    rows = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, r in enumerate(rows, start=1) if r.startswith(prefix))


# ---------------------------------------------------------------- the decision

def test_a_police_bust_of_a_trafficking_ring_is_on_topic(tmp_path):
    r = decide(tmp_path, BUST)
    assert r.on_topic and r.score == 15.0 and r.threshold == 3.0
    assert [(h.zone, h.cue, h.action, h.points) for h in r.hits] == [
        ("title", "mua bán người", "triệt phá", 9.0), ("lead", "lừa bán", "bắt giữ", 6.0)]
    assert r.reason == "score 15 >= 3: title: 'mua bán người' + 'triệt phá' (9); lead: 'lừa bán' + 'bắt giữ' (6)"


def test_a_state_visit_agreeing_to_fight_trafficking_as_one_point_among_many_is_on_topic(tmp_path):
    r = decide(tmp_path, VISIT)
    assert r.on_topic and r.score == 3.0
    assert [(h.zone, h.cue, h.action) for h in r.hits] == [("body", "buôn bán người", "phòng, chống")]


def test_a_parenting_tip_naming_traffickers_with_no_body_acting_is_off_topic(tmp_path):
    r = decide(tmp_path, TIPS)
    assert not r.on_topic and r.score == 0 and r.hits == ()
    assert r.reason == "score 0 < 3: trafficking named ('buôn người', lead) but no body acts on it nearby"


def test_selling_a_player_is_not_selling_people(tmp_path):
    r = decide(tmp_path, FOOTBALL)
    assert not r.on_topic and r.reason == "score 0 < 3: no trafficking cue"


def test_goods_sold_to_china_are_no_sale_of_a_person(tmp_path):
    assert not decide(tmp_path, FRUIT).on_topic


def test_a_person_sold_to_china_and_rescued_is_on_topic(tmp_path):
    r = decide(tmp_path, "Giải cứu hai cô gái\nHai cô gái bị đưa bán sang Trung Quốc đã được công an giải cứu.\n")
    assert r.on_topic and [(h.cue, h.action) for h in r.hits][-1] == ("bán sang Trung Quốc", "giải cứu")


def test_the_title_counts_three_times_a_body_sentence(tmp_path):
    title = decide(tmp_path, "Triệt phá đường dây mua bán người\nTrời mưa.\n", name="a.txt")
    body = decide(tmp_path, "Tin trong ngày\nTrời mưa.\nTrời nắng.\nTrời gió.\n"
                  "Triệt phá đường dây mua bán người.\n", name="b.txt")
    assert [(h.zone, h.points) for h in title.hits] == [("title", 9.0)]
    assert [(h.zone, h.points) for h in body.hits] == [("body", 3.0)]


def test_an_action_in_the_next_sentence_counts_one_two_sentences_away_does_not(tmp_path):
    near = decide(tmp_path, "Tin trong ngày\nTrời mưa.\nTrời nắng.\nTrời gió.\n"
                  "Nhiều phụ nữ là nạn nhân của nạn mua bán người.\nCông an tỉnh đã giải cứu họ.\n", name="a.txt")
    far = decide(tmp_path, "Tin trong ngày\nTrời mưa.\nTrời nắng.\nTrời gió.\n"
                 "Nhiều phụ nữ là nạn nhân của nạn mua bán người.\nTrời lạnh.\nCông an tỉnh đã giải cứu họ.\n",
                 name="b.txt")
    assert near.on_topic and near.hits[0].action == "giải cứu"
    assert not far.on_topic


def test_punctuation_between_the_words_of_a_cue_is_ignored(tmp_path):
    r = decide(tmp_path, "Phòng - chống mua bán người là nhiệm vụ của toàn xã hội\nTrời mưa.\n")
    assert r.hits[0].action == "phòng, chống"


def test_kidnapped_is_not_arrested(tmp_path):
    text = "Chuyện một người mẹ\nCon gái bà bị bán sang Trung Quốc từ lâu, năm ngoái cháu trai bà bị bắt cóc.\n"
    assert not decide(tmp_path, text).on_topic          # "bị bắt cóc" is a mask: its "bị bắt" is no arrest
    rules = rules_copy(tmp_path)
    set_line(rules / "topic.tsv", "m.bi-bat-coc", "")
    assert decide(tmp_path, text, rules).on_topic


def test_the_threshold_is_read_from_the_settings(tmp_path):
    rules = rules_copy(tmp_path)
    set_line(rules / "topic_settings.tsv", "threshold", "threshold\t10")
    r = decide(tmp_path, "Triệt phá đường dây mua bán người\nTrời mưa.\n", rules)
    assert r.score == 9.0 and r.threshold == 10.0 and not r.on_topic
    assert r.reason.startswith("score 9 < 10: title:")


def test_a_new_cue_is_one_line(tmp_path):
    rules = rules_copy(tmp_path)
    with (rules / "topic.tsv").open("a", encoding="utf-8") as fh:
        fh.write("t.mang-thai-ho-thuong-mai\ttopic\tmang thai hộ vì mục đích thương mại\t3\n")
    text = "Triệt phá đường dây mang thai hộ vì mục đích thương mại\nTrời mưa.\n"
    assert not decide(tmp_path, text).on_topic and decide(tmp_path, text, rules).on_topic


def test_the_decision_is_stored_in_the_facts_a_worker_sends(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text(BUST, encoding="utf-8")
    rules = kg.load_rules()
    doc = read_document(path)
    facts = kg.parallel.summarize_judged(kg.extract_corpus([doc], rules)[0], rules)
    assert facts.relevance == judge(doc, compile_topic(rules)) and facts.relevance.on_topic


# ---------------------------------------------------------------- the rule files

@pytest.mark.parametrize("line, message", [
    ("t.x\ttopic\tbuôn bán nội tạng người\tnhiều", "weight 'nhiều' of a 'topic' cue must be a number > 0"),
    ("t.x\ttopic\tbuôn bán nội tạng người\t0", "weight '0' of a 'topic' cue must be a number > 0"),
    ("t.x\tsale\tbán sang Myanmar\t", "weight '' of a 'sale' cue must be a number > 0"),
    ("t.x\taction\ttruy bắt\t2", "'action' cues take no weight (only sale, topic cues do)"),
    ("t.x\tchủ đề\tbuôn người\t3", "unknown kind 'chủ đề' (one of action, mask, person, sale, topic)"),
    ("t.x\tmask\tbuôn người", "cue 'buôn người' is already a topic cue"),
    ("t.x\taction\tPhòng chống", "cue 'Phòng chống' is already a action cue"),
])
def test_a_malformed_topic_line_is_refused_with_file_and_line(tmp_path, line, message):
    rules = rules_copy(tmp_path)
    path = rules / "topic.tsv"
    n = len(path.read_text(encoding="utf-8").rstrip("\n").split("\n")) + 1
    with path.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    with pytest.raises(RuleError) as err:
        kg.load_rules(rules)
    assert str(err.value).startswith(f"rules/topic.tsv:{n}: {message}")


@pytest.mark.parametrize("key, line, message", [
    ("threshold", "threshold\tsix", "threshold must be a number >= 0, got 'six'"),
    ("threshold", "threshold\t-1", "threshold must be a number >= 0, got '-1'"),
    ("window", "window\t1.5", "window must be a whole number >= 0, got '1.5'"),
    ("unacted", "unacted\tnan", "unacted must be a number >= 0, got 'nan'"),
    ("lead", "lede\t2", "unknown setting 'lede' (one of name, threshold, title, lead, body, lead_sentences, "
                        "window, unacted)"),
])
def test_a_malformed_setting_is_refused_with_file_and_line(tmp_path, key, line, message):
    rules = rules_copy(tmp_path)
    path = rules / "topic_settings.tsv"
    n = line_of(path, key + "\t")
    set_line(path, key, line)
    with pytest.raises(RuleError) as err:
        kg.load_rules(rules)
    assert str(err.value) == f"rules/topic_settings.tsv:{n}: {message}"


def test_a_missing_setting_is_named(tmp_path):
    rules = rules_copy(tmp_path)
    set_line(rules / "topic_settings.tsv", "window", "")
    with pytest.raises(RuleError, match=r"^rules/topic_settings.tsv: setting 'window' missing$"):
        kg.load_rules(rules)


def test_cues_without_their_settings_are_refused(tmp_path):
    rules = rules_copy(tmp_path)
    (rules / "topic_settings.tsv").unlink()
    with pytest.raises(RuleError, match=r"^rules/topic_settings.tsv: missing"):
        kg.load_rules(rules)


def test_a_bad_topic_rule_stops_kg_build_before_reading_any_article(tmp_path, capsys):
    rules = rules_copy(tmp_path)
    set_line(rules / "topic_settings.tsv", "threshold", "threshold\tba")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(BUST, encoding="utf-8")
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--rules", str(rules), "-q"]) == 2
    assert "kg: error: rules/topic_settings.tsv:" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- what a build does with it

@pytest.fixture
def mixed(tmp_path):
    """Two articles on topic, and one about a ministry's trade fair (bodies, a link, no trafficking)."""
    corpus = tmp_path / "mixed"
    corpus.mkdir()
    (corpus / "bust.txt").write_text(BUST, encoding="utf-8")
    (corpus / "visit.txt").write_text(VISIT, encoding="utf-8")
    (corpus / "fair.txt").write_text(
        "Khai mạc hội chợ nông sản\nBộ Công Thương phối hợp với Bộ Nông nghiệp và Phát triển nông thôn "
        "tổ chức Hội chợ nông sản lần thứ 5 tại Hà Nội.\n", encoding="utf-8")
    return corpus


def labels(g):
    return {d["label"] for _, d in g.nodes(data=True)}


def test_an_off_topic_article_gives_no_node_and_no_link(mixed, tmp_path):
    g = kg.build(mixed, tmp_path / "out", workers=1).graph
    assert "Bộ Công Thương" not in labels(g) and "Công an tỉnh Lào Cai" in labels(g)
    docs = {doc for _, d in g.nodes(data=True) for doc in d["docs"]}
    docs |= {e["doc"] for _, _, d in g.edges(data=True) for e in d["evidence"]}
    assert docs == {"bust", "visit"}


def test_every_article_keeps_its_decision_in_graph_json(mixed, tmp_path):
    kg.build(mixed, tmp_path / "out", workers=1)
    data = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    documents = {a["id"]: a for a in data["articles"]}
    assert {d: m["relevance"]["on_topic"] for d, m in documents.items()} == {"bust": True, "visit": True, "fair": False}
    assert documents["fair"]["relevance"]["score"] == 0 and documents["fair"]["relevance"]["hits"] == []
    assert documents["bust"]["relevance"]["hits"][0] == {"zone": "title", "sentence": 0, "cue": "mua bán người",
                                                         "rule": "t.mua-ban-nguoi", "action": "triệt phá",
                                                         "points": 9.0}
    assert data["graph"]["relevance"] == {"topic": "Anti-trafficking cooperation", "all_topics": False,
                                          "threshold": 3.0, "on_topic": 2, "off_topic": 1}


def test_report_lists_the_off_topic_articles_with_why(mixed, tmp_path):
    kg.build(mixed, tmp_path / "out", workers=1)
    report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert report.startswith("# Anti-trafficking cooperation\n\nKnowledge graph report: 3 article(s) read, ")
    assert ("\n2 article(s) on topic (Anti-trafficking cooperation), 1 off topic: the 2 on topic give the nodes "
            "and links.\n") in report
    assert "### Off topic (1)" in report
    assert "| fair | Khai mạc hội chợ nông sản |  | score 0 < 3: no trafficking cue |" in report
    assert "| bust | Công an tỉnh Lào Cai triệt phá đường dây mua bán người sang Trung Quốc |  | 15 |" in report


def test_report_html_lists_them_too(mixed, tmp_path):
    kg.build(mixed, tmp_path / "out", workers=1, title="Tin <tổng hợp>")
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<title>Tin &lt;tổng hợp&gt;: report</title>" in page and "<h1>Tin &lt;tổng hợp&gt;</h1>" in page
    assert "<h3>Off topic (1)</h3>" in page
    assert "<td>fair</td><td>Khai mạc hội chợ nông sản</td><td></td><td>score 0 &lt; 3: no trafficking cue</td>" in page


def test_the_rdf_says_which_articles_are_on_topic(mixed, tmp_path):
    kg.build(mixed, tmp_path / "out", workers=1)
    g = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    rows = g.query("""PREFIX kg: <https://kg.example.org/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?id ?on ?score WHERE { ?a dcterms:identifier ?id ; kg:onTopic ?on ; kg:relevanceScore ?score }""")
    assert {(str(i), on.toPython(), float(s)) for i, on, s in rows} == {
        ("bust", True, 15.0), ("visit", True, 3.0), ("fair", False, 0.0)}


def test_all_topics_keeps_every_article_as_a_build_without_topic_rules_does(mixed, tmp_path):
    everything = kg.build(mixed, tmp_path / "all", workers=1, all_topics=True).graph
    rules = rules_copy(tmp_path)
    (rules / "topic.tsv").unlink()
    (rules / "topic_settings.tsv").unlink()
    unjudged = kg.build(mixed, tmp_path / "unjudged", rules_dir=rules, workers=1).graph
    assert "Bộ Công Thương" in labels(everything)
    assert sorted(everything.nodes) == sorted(unjudged.nodes)
    assert sorted(everything.edges(keys=True)) == sorted(unjudged.edges(keys=True))
    assert everything.graph["documents"]["fair"]["relevance"]["on_topic"] is False
    assert "relevance" not in unjudged.graph["documents"]["fair"]


def test_the_default_build_does_not_extract_an_article_off_topic(mixed, tmp_path, monkeypatch):
    seen = []
    real = kg.parallel.extract_document
    monkeypatch.setattr(kg.parallel, "extract_document", lambda doc, lex: seen.append(doc.id) or real(doc, lex))
    g = kg.build(mixed, tmp_path / "out", workers=1).graph
    assert sorted(seen) == ["bust", "visit"]
    assert g.graph["documents"]["fair"]["relevance"]["on_topic"] is False


def test_switching_to_all_topics_extracts_only_the_articles_off_topic_and_back_nothing(mixed, tmp_path, monkeypatch):
    seen = []
    real = kg.parallel.extract_document
    monkeypatch.setattr(kg.parallel, "extract_document", lambda doc, lex: seen.append(doc.id) or real(doc, lex))
    kg.build(mixed, tmp_path / "out", workers=1)
    seen.clear()
    g = kg.build(mixed, tmp_path / "out", workers=1, all_topics=True).graph
    assert seen == ["fair"] and "Bộ Công Thương" in labels(g)
    seen.clear()
    kg.build(mixed, tmp_path / "out", workers=1)
    assert seen == []


def test_a_default_build_off_topic_gives_the_files_of_one_that_extracted_everything(mixed, tmp_path):
    judged = kg.build(mixed, tmp_path / "judged", workers=1)
    kg.build(mixed, tmp_path / "full", workers=1, all_topics=True)
    full = kg.build(mixed, tmp_path / "full", workers=1)          # from the whole facts of every article
    for name in ("graph.json", "graph.ttl", "report.md"):
        assert (tmp_path / "judged" / name).read_bytes() == (tmp_path / "full" / name).read_bytes()
    assert judged.graph.graph["documents"] == full.graph.graph["documents"]


def test_the_title_of_the_page_and_the_report_comes_from_the_build(mixed, tmp_path):
    out = tmp_path / "out"
    kg.build(mixed, out, workers=1, title='Mạng lưới <b>"đối tác"</b> 2024')
    assert (out / "report.md").read_text(encoding="utf-8").startswith('# Mạng lưới <b>"đối tác"</b> 2024\n')
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "<title>kg — Mạng lưới &lt;b&gt;&#34;đối tác&#34;&lt;/b&gt; 2024</title>" in page
    assert "<h1>Mạng lưới &lt;b&gt;&#34;đối tác&#34;&lt;/b&gt; 2024</h1>" in page and "<b>\"đối tác" not in page


def test_the_default_title_is_the_topics_name_or_says_all_topics(mixed, tmp_path):
    assert kg.build(mixed, tmp_path / "a", workers=1).graph.graph["title"] == "Anti-trafficking cooperation"
    everything = kg.build(mixed, tmp_path / "b", workers=1, all_topics=True).graph
    assert everything.graph["title"] == "Knowledge graph: all topics"
    assert "<h1>Knowledge graph: all topics</h1>" in (tmp_path / "b" / "graph.html").read_text(encoding="utf-8")


def test_kg_build_reports_the_topic_counts_and_takes_all_topics_and_title(mixed, tmp_path, capsys):
    assert main(["build", str(mixed), "--out", str(tmp_path / "out"), "--workers", "1"]) == 0
    assert "  2 on topic, 1 off topic (they give no nodes or links; listed in report.md)" in capsys.readouterr().out
    assert main(["build", str(mixed), "--out", str(tmp_path / "out"), "--workers", "1", "--all-topics",
                 "--title", "Tin tổng hợp"]) == 0
    assert "  2 on topic, 1 off topic; all kept (--all-topics)" in capsys.readouterr().out
    assert (tmp_path / "out" / "report.md").read_text(encoding="utf-8").startswith("# Tin tổng hợp\n")


def test_the_shipped_corpus_is_all_on_topic(graph):
    assert graph.graph["relevance"]["on_topic"] == 5 and graph.graph["relevance"]["off_topic"] == 0


def test_a_decision_round_trips_through_plain_data_and_bad_data_is_refused(tmp_path):
    r = decide(tmp_path, BUST)
    assert Relevance.from_dict(json.loads(json.dumps(r.as_dict()))) == r
    for bad in ({}, {**r.as_dict(), "on_topic": "yes"}, {**r.as_dict(), "hits": [{"zone": "title"}]}):
        with pytest.raises(ValueError):
            Relevance.from_dict(bad)
