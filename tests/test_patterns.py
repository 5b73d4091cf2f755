"""The relation pattern language (rules/relations.tsv): a bad rule stops the build with its file and
line; a rule a researcher adds is read without code; the engine's scopes (clause subjects carried
over ';', apposition chains) behave as rules/README.md says."""
import re
import shutil
from pathlib import Path

import pytest

import kg
from kg.cli import main
from kg.extract.lexicon import _alternatives, _led_alternatives, _led_ignorecase, _trie_alternatives
from kg.extract.patterns import TWO_CASES, search_words, words_rx

ROOT = Path(kg.__file__).resolve().parent.parent
HEADER = "id\tscope\tpattern\twhere\tyield\texample\texpect\tnote"


@pytest.fixture
def rules_dir(tmp_path):
    return shutil.copytree(ROOT / "rules", tmp_path / "rules")


def _add_rule(rules_dir, *cells: str) -> int:
    path = rules_dir / "relations.tsv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\t".join(cells) + "\n", encoding="utf-8")
    return text.count("\n") + 1


def _error(rules_dir, tmp_path, capsys) -> str:
    code = main(["build", str(tmp_path / "none"), "--out", str(tmp_path / "out"), "--rules", str(rules_dir), "-q"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1, err
    return err


def _triples(text: str, tmp_path, rules=None):
    corpus = tmp_path / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    g = kg.build_graph(kg.read_corpus(corpus), rules, all_topics=True)     # patterns, whatever the topic
    return {(g.nodes[u]["label"], d["relation"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True)}


EXAMPLE = ("Bộ Công an bắt tay với Tổ chức Di cư quốc tế.", "Bộ Công an cooperatesWith Tổ chức Di cư quốc tế")


@pytest.mark.parametrize("cells, message", [
    (("r.x", "clause", "{S:Subject} <cooperatesWith/verbs> {O:Party+}", "", "S cooperatesWith O", *EXAMPLE),
     "pattern: unknown word class <cooperatesWith/verbs> (cues.tsv relation/role, post, deputy, title, head:TYPE)"),
    (("r.x", "clause", "{S:Subject} bắt tay [với {O:Party+}", "", "S cooperatesWith O", *EXAMPLE),
     "pattern: '[' without ']'"),
    (("r.x", "clause", "{S:Subject} bắt tay với {O:Organisation}", "", "S cooperatesWith O", *EXAMPLE),
     "pattern: unknown slot type 'Organisation' (one of Org, Country, Agreement, Event, Person, Place, Party, Actor, "
     "Subject)"),
    (("r.x", "clause", "{S:Subject} bắt tay với {O:Party+}", "", "S cooperatesWith B", *EXAMPLE),
     "yield: 'B' is not a slot of the pattern"),
    (("r.x", "clause", "{S:Subject} bắt tay với {O:Party+}", "", "S cooperates O", *EXAMPLE),
     "yield: unknown relation 'cooperates' (one of partOf, country, basedIn, organized, participatedIn, "
     "cooperatesWith, funded, partyTo, memberOf, heldIn, underFramework, holdsPosition)"),
    (("r.x", "clause", "{S:Subject} bắt tay với {O:Party+}", "near(S, O)", "S cooperatesWith O", *EXAMPLE),
     "where: unknown test 'near' (one of rank, count, acronym, after, after-colon, after-intro, between, has-country, has-parties, head, international, "
     "known-parent, lower, names-other, object, paired, parent-ok, peer-follows, posted, qualifier, same, same-place, same-state, seat, "
     "unreal, within-ok)"),
    (("r.x", "sentence", "{S:Subject} bắt tay với {O:Party+}", "", "S cooperatesWith O", *EXAMPLE),
     "a Subject slot is for scope clause"),
    (("r.x", "paragraph", "{S:Org} bắt tay với {O:Party+}", "", "S cooperatesWith O", *EXAMPLE),
     "unknown scope 'paragraph' (one of name, apposition, clause, sentence; name:TYPE)"),
    (("r.x", "clause", "{S:Subject} bắt tay với {O:Party+}", "", "S cooperatesWith O", EXAMPLE[0], ""),
     "empty 'expect'"),
    (("r.x", "clause", "{S:Subject} bắt tay với {O:Party+}", "", "S cooperatesWith O", EXAMPLE[0], "Bộ Công an bắt tay IOM"),
     "expect: 'Bộ Công an bắt tay IOM' is not 'Source label relation Target label'"),
])
def test_a_bad_relation_rule_is_reported_with_file_and_line(rules_dir, tmp_path, capsys, cells, message):
    n = _add_rule(rules_dir, *cells)
    assert _error(rules_dir, tmp_path, capsys) == f"kg: error: rules/relations.tsv:{n}: {message}"


def test_a_new_relation_rule_is_one_line_of_data(rules_dir, tmp_path):
    text = "Bộ Công an đã bắt tay với Tổ chức Di cư quốc tế và UNICEF trong công tác hỗ trợ nạn nhân."
    assert not any(r == "cooperatesWith" for _, r, _ in _triples(text, tmp_path / "before"))
    _add_rule(rules_dir, "r.coop.bat-tay", "clause", "{S:Subject} bắt tay với {O:Party+}", "", "S cooperatesWith O",
              *EXAMPLE)
    t = _triples(text, tmp_path / "after", kg.load_rules(rules_dir))
    assert ("Bộ Công an", "cooperatesWith", "Tổ chức Di cư quốc tế") in t
    assert ("Bộ Công an", "cooperatesWith", "Quỹ Nhi đồng Liên hợp quốc") in t


def test_a_clause_without_its_own_subject_keeps_the_previous_clauses(tmp_path):
    t = _triples("Cục Đối ngoại tổ chức Hội thảo về di cư an toàn; đồng thời phối hợp với Tổ chức Di cư quốc tế "
                 "triển khai dự án hỗ trợ nạn nhân.", tmp_path)
    assert ("Cục Đối ngoại", "cooperatesWith", "Tổ chức Di cư quốc tế") in t


def test_a_chain_of_posts_gives_each_post(tmp_path):
    t = _triples("Đồng chí Tô Lâm, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an chủ trì Hội nghị.", tmp_path)
    assert ("Tô Lâm", "holdsPosition", "Bộ Chính trị") in t
    assert ("Tô Lâm", "holdsPosition", "Bộ Công an") in t


def test_a_parent_in_apposition_is_not_a_member_of_the_list(tmp_path):
    t = _triples("Cục Đối ngoại tổ chức Hội thảo về di cư an toàn. Dự có đại diện Cục Cảnh sát hình sự, Bộ Công an "
                 "và Tổ chức Di cư quốc tế.", tmp_path)
    part = {s for s, r, o in t if r == "participatedIn"}
    assert part == {"Cục Cảnh sát Hình sự", "Tổ chức Di cư quốc tế"}


def test_the_two_sides_are_the_two_countries_an_article_names_most_and_together(tmp_path):
    text = ("Thủ tướng Việt Nam tiếp Bộ trưởng Ngoại giao Thái Lan tại Hà Nội. Việt Nam và Thái Lan là đối tác tin cậy. "
            "Hai bên nhất trí tăng cường hợp tác phòng, chống tội phạm. Lào cũng được nhắc tới một lần.")
    t = _triples(text, tmp_path)
    assert ("Thái Lan", "cooperatesWith", "Việt Nam") in t or ("Việt Nam", "cooperatesWith", "Thái Lan") in t
    assert not any("Lào" in (s, o) for s, r, o in t if r == "cooperatesWith")


def test_two_countries_never_named_together_are_no_sides(tmp_path):
    text = ("Việt Nam xuất khẩu gạo. Việt Nam nhập khẩu phân bón. Brazil xuất khẩu cà phê. Brazil nhập khẩu máy móc. "
            "Hai nước đều muốn hợp tác với nhiều đối tác.")
    assert not [x for x in _triples(text, tmp_path) if x[1] == "cooperatesWith"]


def test_the_longest_cue_at_a_place_is_the_cue_there(tmp_path):
    # "ký kết" (sign) before a named agreement: its signatories are parties, and the shorter cue "ký"
    # inside "ký kết" does not read the agreement as unnamed (which would pair them as partners)
    t = _triples("Bộ Công an và Bộ Nội vụ Lào đã ký kết Thỏa thuận hợp tác về phòng, chống tội phạm năm 2024.", tmp_path)
    assert {s for s, r, _ in t if r == "partyTo"} == {"Bộ Công an", "Bộ Nội vụ Lào"}
    assert not [x for x in t if x[1] == "cooperatesWith"]


def test_a_rank_two_body_before_a_ministry_is_part_of_it_only_when_its_head_names_a_unit(tmp_path):
    # head(A, <partOf/unit>): "Tổng cục" names a unit of a ministry, "Hội" (an association) does not
    t = _triples("Dự có đại diện Tổng cục Cảnh sát, Bộ Công an. Dự có đại diện Hội Nông dân Việt Nam, Bộ Ngoại giao.",
                 tmp_path)
    assert ("Tổng cục Cảnh sát", "partOf", "Bộ Công an") in t
    assert not any(r == "partOf" and o == "Bộ Ngoại giao" for _, r, o in t)


def test_a_correspondent_abroad_is_not_the_agency_based_there(tmp_path):
    # after(A, <basedIn/reporter>): "phóng viên TTXVN tại Mỹ" is where the reporter works
    t = _triples("Theo phóng viên TTXVN tại Mỹ, UNDP tại Việt Nam đã tài trợ nhiều dự án.", tmp_path)
    assert not any(r == "basedIn" and s == "Thông tấn xã Việt Nam" for s, r, _ in t)
    assert ("Chương trình phát triển Liên hợp quốc", "basedIn", "Việt Nam") in t


@pytest.mark.parametrize("text", [
    "Phó Chủ tịch UBND tỉnh, Phó Giám đốc Sở và Chủ tịch Hội",
    "các thứ trưởng   Bộ Y tế, THỨ TRƯỞNG các bộ; đại diện các cơ quan",
    "Phó Chủ, Phó Chủ tịchx, phó chủ  tịch nước",
])
@pytest.mark.parametrize("after", [r"", r"(?!\w)", r"(?=\s*[,;])", r"(?=\s+\w)"])
def test_the_list_glue_written_as_a_trie_matches_what_the_flat_alternation_matches(text, after):
    # the list glue of the relation rules (posts, titles, joiners) is compiled as a trie of letters:
    # at every place the same phrase is taken, the longest first, as with the plain alternatives
    phrases = ["Phó Chủ tịch", "Chủ tịch", "Phó Giám đốc", "Giám đốc", "Thứ trưởng", "Phó", "đại diện",
               "đại diện các", "các", "Chủ tịch nước", "Phó Chủ tịch nước"]
    flat = re.compile(r"(?<!\w)(?i:" + _alternatives(phrases) + ")" + after)
    trie = re.compile(r"(?<!\w)(?i:" + _trie_alternatives(phrases) + ")" + after)
    assert len(trie.pattern) < len(flat.pattern)
    for i in range(len(text)):
        a, b = flat.match(text, i), trie.match(text, i)
        assert (a and a.span()) == (b and b.span()), (text[i:], a, b)


def test_a_capital_k_is_no_odd_letter_for_the_trie():
    # "K" also matches the Kelvin sign when case is ignored, and so does "k", its lower case: the glue of
    # posts such as "Kiểm sát viên" is a trie too, and matches what the flat alternation matches
    phrases = ["Kiểm sát viên", "Tổng Kiểm toán", "Tổng Thư ký", "Tổng", "Ủy viên"]
    assert _trie_alternatives(phrases) != _alternatives(phrases)
    text = "Kiểm sát viên, \u212aiểm sát viên và KIỂM SÁT VIÊN; tổng kiểm toán, Tổng Thư \u212aý, tổng, Ủy viên"
    flat = re.compile(r"(?<!\w)(?i:" + _alternatives(phrases) + r")(?!\w)")
    trie = re.compile(r"(?<!\w)(?i:" + _trie_alternatives(phrases) + r")(?!\w)")
    for i in range(len(text)):
        a, b = flat.match(text, i), trie.match(text, i)
        assert (a and a.span()) == (b and b.span()), (text[i:], a, b)


@pytest.mark.parametrize("text", [
    "Hai bên đã ký kết Biên bản ghi nhớ; CUỘC họp, buổi làm việc và đợt kiểm tra, phiên họp thứ hai.",
    "Ông Nguyễn Văn A, Thứ trưởng Bộ Công an, Phó Thủ tướng Thường trực, phó thủ tướng; ký, ký kết, kýx",
])
def test_words_under_ignorecase_written_as_a_trie_match_what_the_flat_alternation_matches(text):
    # the relation rules are compiled with IGNORECASE: their cue words and posts are a trie of letters
    phrases = ["Thứ trưởng", "Phó Thủ tướng", "Phó Thủ tướng Thường trực", "Phó", "ký", "ký kết", "cuộc", "buổi", "Biên bản"]
    flat = re.compile(words_rx(phrases) + r"\s*(\w*)", re.IGNORECASE)
    trie = re.compile(words_rx(phrases, ignorecase=True) + r"\s*(\w*)", re.IGNORECASE)
    assert trie.pattern != flat.pattern
    for i in range(len(text) + 1):
        a, b = flat.match(text, i), trie.match(text, i)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (text[i:], a, b)


def test_the_list_glue_falls_back_to_plain_alternatives_for_letters_with_odd_case_folding():
    # ("ſ", the long s, matches "s" when case is ignored, though "ſ".lower() is itself)
    assert _trie_alternatives(["Sở Tư pháp", "ſở"]) == _alternatives(["Sở Tư pháp", "ſở"])


_SEARCHED = [
    "Hai bên đã ký kết Biên bản ghi nhớ; CUỘC họp, buổi làm việc và đợt kiểm tra, phiên họp thứ hai.",
    "Đoàn công tác Bộ Công an thăm và làm việc tại Lào, hội đàm với Bộ An ninh; xbuổi, buổix, Hội đàm.",
    "Về phía Campuchia có Bộ Nội vụ; VỀ PHÍA Lào, các bộ, ngành của Thái Lan; sau đó, về  phía Việt Nam",
]


@pytest.mark.parametrize("text", _SEARCHED)
@pytest.mark.parametrize("phrases", [["cuộc", "buổi", "phiên", "đợt"], ["hội đàm", "thăm", "làm việc", "ký kết", "ký"],
                                     ["Biên bản ghi nhớ", "bộ", "về phía"]])
def test_a_phrase_regex_made_for_searching_finds_what_words_rx_finds_ignoring_case(text, phrases):
    # search_words opens with the phrases' first letters in both cases (a phrase opening with "k", whose
    # case-insensitive match is wider, keeps words_rx itself): the same spans, in the same order
    plain = re.compile(words_rx(phrases), re.IGNORECASE)
    fast = search_words(phrases)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert (fast.flags & re.IGNORECASE) == (re.IGNORECASE if "ký" in phrases else 0)


def test_two_cases_letters_match_only_their_two_cases_when_case_is_ignored():
    # every code point that a TWO_CASES letter matches under IGNORECASE is that letter or its capital
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    found = set(re.findall("[" + "".join(sorted(TWO_CASES)) + "]", every, re.IGNORECASE))
    assert found == set(TWO_CASES) | {c.upper() for c in TWO_CASES}


@pytest.mark.parametrize("text", _SEARCHED)
def test_a_word_start_test_after_the_first_letter_finds_what_it_finds_before_it(text):
    phrases = ["Bộ", "Hội", "Cục", "về phía", "các bộ, ngành của"]
    before = re.compile(r"(?<![\w\-/])" + _alternatives(phrases))
    after = re.compile(_led_alternatives(phrases, r"[\w\-/]"))
    assert [m.span() for m in after.finditer(text)] == [m.span() for m in before.finditer(text)]
    before = re.compile(r"(?<!\w)(?i:" + _alternatives(phrases) + ")")
    after = re.compile(_led_ignorecase(phrases))
    assert [m.span() for m in after.finditer(text)] == [m.span() for m in before.finditer(text)]


def test_count_compares_how_many_entities_a_list_slot_holds():
    from kg.extract.patterns import _parse_test
    t = _parse_test("count(S) <= 3", "rules/relations.tsv:1", {"S"})
    assert (t.pred, t.args, t.op, t.rhs) == ("count", ("S",), "<=", 3)
