"""Shortcuts taken for speed give exactly what the plain form they replace gives (issue 11: the output
stays byte-identical): the word split read between spaces, literal phrases found as whole words
without a regex, a sentence's lower case cut from its document's."""
import functools
import re

import pytest

import kg
from kg.corpus import read_document
from kg.extract import compile_lexicon, find_mentions

from kg.extract.entities import _residence_spans, _Sent, _split_words
from kg.extract.lexicon import _case_spellings, lowered, lowered_part, whole_words

PLAIN_SPLIT = re.compile(r"(\w+(?:[/.&'’-]\w+)*)")      # the word regex, as _Sent read it before

SENTENCES = [
    "Ngày 5/3, Bộ Công an (BCA) và UBND TP.HCM đã ký Biên bản ghi nhớ về phòng, chống mua bán người.",
    "Ông Nguyễn Văn Minh  —  Phó Cục trưởng Cục C-03: “hợp tác là then chốt”…",
    "  hai  dấu cách ở đầu, ở giữa và ở cuối  ",
    "Hà Nội\u00a0ngày 1 – 2/10, tên_biến và A&B, O'Neil’s -đầu cuối- .",
    "",
    " ",
    "...",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_words_split_between_spaces_are_those_of_the_word_regex(text):
    assert _split_words(text) == PLAIN_SPLIT.split(text)


def test_a_sentence_has_its_words_with_their_offsets():
    s = _Sent("Bộ Công an, (Việt Nam).")
    assert s.words == [(0, 2, "Bộ"), (3, 7, "Công"), (8, 10, "an"), (13, 17, "Việt"), (18, 21, "Nam")]


@pytest.mark.parametrize("text, phrases", [
    ("Chính phủ Hoàng gia Campuchia và Chính phủ Việt Nam", ("Chính phủ", "Chính phủ Hoàng gia")),
    ("Chính phủ Hoàng gia Campuchia và Chính phủ Việt Nam", ("Chính phủ Hoàng gia", "Chính phủ")),
    ("Bùi Thị Nga gặp Nga-Bỉ, Nga_x và Ngaa", ("Nga", "Nga-Bỉ", "Bỉ")),
    ("PC44, PC45 và PC44A", ("PC44",)),
])
def test_whole_words_are_those_the_lookaround_regex_finds(text, phrases):
    rx = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\w)")
    assert whole_words(text, phrases) == [m.span() for m in rx.finditer(text)]


@pytest.mark.parametrize("text", [
    "Bộ Công an. Đoàn ÔNG A đến.",
    "İstanbul (Thổ Nhĩ Kỳ). Đoàn đến.",          # "İ" lowers into two characters
    "ΟΔΟΣ. ΣΟΦΙΑ và Bộ Ngoại giao.",              # a capital sigma lowers by what surrounds it
])
def test_a_part_lowered_is_that_part_of_the_text_lowered(text):
    assert lowered(text) == text.lower()
    for start in range(len(text)):
        for end in range(start, len(text) + 1, 3):
            assert lowered_part(text, start, end) == text[start:end].lower()


def test_the_spellings_of_heads_are_every_string_the_case_insensitive_regex_matches():
    spellings = _case_spellings(["Bộ", "Sở"])
    assert {"Bộ", "BỘ", "bộ", "Sở", "SỞ", "ſở"} <= spellings      # "ſ" (long s) is an "s" to re
    assert all(re.fullmatch("(?i:Bộ|Sở)", w) for w in spellings) and len(spellings) == 10


def test_too_many_spellings_are_not_listed():
    assert _case_spellings(["Bộ"], limit=3) is None


def test_a_distributed_head_in_capitals_is_read(tmp_path):
    doc = _doc(tmp_path, "Đại diện các BỘ: Quốc phòng, Ngoại giao và Tư pháp đã dự họp.")
    assert "các BỘ: Quốc phòng" in {m.text for m in find_mentions(doc, _lexicon())}


def test_a_government_word_joined_to_the_word_before_it_is_read(tmp_path):
    doc = _doc(tmp_path, "Tin vắn.\nHợp tác ASEAN-Chính phủ Nhật Bản được củng cố.")
    assert ("Chính phủ Nhật Bản", "Country") in {(m.text, m.type) for m in find_mentions(doc, _lexicon())}


@pytest.mark.parametrize("text", [
    "Bị can Lò Văn H. (trú tại bản X, xã Y; quê ở huyện Z) và Vàng A S. (cư  trú ở tỉnh Lào Cai) bị bắt.",
    "Anh T., sinh sống tại Hà Nội, ngụ ở phường Q thường trú tại số 5 phố P. Cuộc sống ở tại đây",
    "Chị M. (tạm\ntrú ở quận B, HKTT ở tỉnh C)",
    "Ông K. quê\tquán Lạng Sơn",                 # no phrase written as it is listed: no span
    "Anh T. trú ở Hà Nội (ởtại, trút tại).",
])
def test_residence_spans_are_those_the_regex_finds_where_a_phrase_is_written(text):
    lex = _lexicon()
    written = any(p in text for p in lex.residence_phrases)
    assert _residence_spans(text, lex) == ([m.span() for m in lex.residence_re.finditer(text)] if written else [])


def _doc(tmp_path, text):
    (tmp_path / "a.txt").write_text("Tin tức\n" + text, encoding="utf-8")
    return read_document(tmp_path / "a.txt")


@functools.lru_cache(maxsize=1)
def _lexicon():
    return compile_lexicon(kg.load_rules())


def test_a_mention_made_by_its_own_init_is_the_frozen_dataclass_it_was():
    """Mention writes its fields at once (kg.model): the same fields, in order, with their defaults, and
    still frozen, equal, hashed and replaced as a dataclass; kg.model.replace makes what dataclasses.replace
    makes."""
    import dataclasses
    import inspect

    from kg.model import Mention, replace
    fields = dataclasses.fields(Mention)
    params = list(inspect.signature(Mention.__init__).parameters.values())[1:]
    assert [(f.name, f.default) for f in fields] == [(p.name, p.default if p.default is not p.empty
                                                      else dataclasses.MISSING) for p in params]
    m = Mention("d", 1, 2, 9, "Bộ Công an", "Organization", "r", attrs=(("level", "1"),))
    assert (m.doc, m.sentence, m.start, m.end, m.text, m.type, m.rule, m.key, m.attrs) == \
        ("d", 1, 2, 9, "Bộ Công an", "Organization", "r", "", (("level", "1"),))
    assert m == Mention("d", 1, 2, 9, "Bộ Công an", "Organization", "r", "", (("level", "1"),))
    assert hash(m) == hash(Mention("d", 1, 2, 9, "Bộ Công an", "Organization", "r", "", (("level", "1"),)))
    assert dataclasses.replace(m, key="bo-cong-an").key == "bo-cong-an"
    for changes in ({}, {"key": "bo-cong-an"}, {"attrs": (), "type": "Country", "start": 3}):
        assert replace(m, **changes) == dataclasses.replace(m, **changes)
    with pytest.raises(TypeError):
        replace(m, name="x")                 # (not a field, as dataclasses.replace says)
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.key = "x"
