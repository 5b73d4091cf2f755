"""A malformed rule table stops `kg build` with one line naming the file and line, before any
article is read; rule phrases are literal text, never regular expressions."""
import shutil
import signal
import time
from contextlib import contextmanager

import pytest
from robust_helpers import ROOT

import kg
from kg.cli import main
from kg.corpus import read_corpus
from kg.extract import compile_lexicon, extract_document

HEADS = "heads.tsv"


@pytest.fixture
def rules_dir(tmp_path):
    """A private copy of the project's rules, named `rules` like the original."""
    return shutil.copytree(ROOT / "rules", tmp_path / "rules")


def _append(path, line: str) -> int:
    """Append one line to a table; returns its line number."""
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def _build_error(rules_dir, tmp_path, capsys) -> str:
    """Build a corpus that does not exist with `rules_dir`: a rule error must come first."""
    out = tmp_path / "out"
    code = main(["build", str(tmp_path / "no-corpus-here"), "--out", str(out), "--rules", str(rules_dir), "-q"])
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert len(err.splitlines()) == 1, err
    return err.strip()


def test_stray_tab_is_reported_with_file_and_line(rules_dir, tmp_path, capsys):
    n = _append(rules_dir / HEADS, "org.thu\tOrganization\tHội\t2\t\tghi chú\tthừa")
    assert _build_error(rules_dir, tmp_path, capsys) == \
        f"kg: error: rules/heads.tsv:{n}: 7 fields, header has 6 (a stray tab?)"


def test_unknown_entity_type_is_reported(rules_dir, tmp_path, capsys):
    n = _append(rules_dir / HEADS, "org.thu\tOrganisation\tHội đồng\t2")
    assert _build_error(rules_dir, tmp_path, capsys) == (
        f"kg: error: rules/heads.tsv:{n}: unknown type 'Organisation' "
        "(one of Agreement, Country, Event, Location, Organization, Person)")


def test_duplicate_id_is_reported_with_both_lines(rules_dir, tmp_path, capsys):
    n = _append(rules_dir / HEADS, "org.bo\tOrganization\tBan\t2")
    first = next(i for i, l in enumerate((rules_dir / HEADS).read_text(encoding="utf-8").split("\n"), 1)
                 if l.startswith("org.bo\t"))
    assert _build_error(rules_dir, tmp_path, capsys) == \
        f"kg: error: rules/heads.tsv:{n}: duplicate id 'org.bo' (first on line {first})"


def test_empty_phrase_is_reported(rules_dir, tmp_path, capsys):
    n = _append(rules_dir / HEADS, "org.rong\tOrganization\t\t2")
    assert _build_error(rules_dir, tmp_path, capsys) == f"kg: error: rules/heads.tsv:{n}: empty 'head'"


def test_phrase_without_any_letter_is_reported(rules_dir, tmp_path, capsys):
    n = _append(rules_dir / "gazetteer" / "organizations.tsv", "org.gach\tBan Chỉ đạo 138\t-|BCĐ 138")
    assert _build_error(rules_dir, tmp_path, capsys) == \
        f"kg: error: rules/gazetteer/organizations.tsv:{n}: phrase '-' has no letter or digit"


def test_control_character_in_a_phrase_is_reported(rules_dir, tmp_path, capsys):
    n = _append(rules_dir / HEADS, "org.chuong\tOrganization\tHội\x07đồng\t2")
    assert _build_error(rules_dir, tmp_path, capsys) == \
        f"kg: error: rules/heads.tsv:{n}: control character in phrase"


def test_unknown_column_is_reported_on_the_header_line(rules_dir, tmp_path, capsys):
    path = rules_dir / HEADS
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, l in enumerate(lines) if l.startswith("id\t"))
    lines[at] += "\tmau"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert _build_error(rules_dir, tmp_path, capsys) == (
        f"kg: error: rules/heads.tsv:{at + 1}: unknown column 'mau' (expected id, type, head, level, tail, within, note)")


def test_table_saved_in_a_legacy_encoding_is_reported_at_the_first_bad_line(rules_dir, tmp_path, capsys):
    path = rules_dir / HEADS
    text = path.read_text(encoding="utf-8")
    first_non_ascii = next(i for i, l in enumerate(text.split("\n"), 1) if not l.isascii())
    path.write_bytes(text.encode("cp1258", errors="replace"))
    err = _build_error(rules_dir, tmp_path, capsys)
    assert err.startswith(f"kg: error: rules/heads.tsv:{first_non_ascii}: not UTF-8 (byte 0x")
    assert err.endswith("save the table as UTF-8")


def test_table_without_header_is_reported(rules_dir, tmp_path, capsys):
    (rules_dir / HEADS).write_text("# chỉ có ghi chú\n", encoding="utf-8")
    assert _build_error(rules_dir, tmp_path, capsys) == "kg: error: rules/heads.tsv:1: no header line"


def test_trailing_empty_cells_from_a_spreadsheet_are_accepted(rules_dir):
    n = _append(rules_dir / HEADS, "org.hoi-dong-thu\tOrganization\tHội đồng\t2\t\t\t")
    rule = next(r for r in kg.load_rules(rules_dir).table(HEADS) if r.id == "org.hoi-dong-thu")
    assert (rule.line, rule["head"], rule["level"]) == (n, "Hội đồng", "2")


def test_rule_error_comes_before_any_article_is_read(rules_dir, tmp_path, capsys, monkeypatch):
    _append(rules_dir / HEADS, "org.thu\tOrganisation\tHội đồng\t2")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Bộ Công an họp.", encoding="utf-8")
    opened = []
    monkeypatch.setattr("kg.corpus.open", lambda *a, **k: opened.append(a) or open(*a, **k), raising=False)
    code = main(["build", str(corpus), "--out", str(tmp_path / "out"), "--rules", str(rules_dir), "-q"])
    assert code == 2 and opened == []
    assert "rules/heads.tsv:" in capsys.readouterr().err


@contextmanager
def _fails_after(seconds: int):
    def alarm(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_regex_looking_phrase_is_matched_literally_and_instantly(rules_dir, tmp_path):
    _append(rules_dir / "gazetteer" / "organizations.tsv", "org.regex\t(a+)+$")
    _append(rules_dir / "cues.tsv", "c.regex\tcooperatesWith\t(a+)+$\tverb")
    rules = kg.load_rules(rules_dir)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Bộ Công an và (a+)+$ họp.\n" + "a" * 50_000 + "!\n" + "aaaa+$ (a)+$\n",
                                  encoding="utf-8")
    (doc,) = read_corpus(corpus).documents
    lex = compile_lexicon(rules)            # (compiling the rules is not what is timed)
    start = time.perf_counter()
    with _fails_after(20):                  # were it a regex, backtracking would run for ages: fail, not hang
        ex = extract_document(doc, lex)
    assert time.perf_counter() - start < 2
    hits = [(m.sentence, m.text) for m in ex.mentions if m.key == "org.regex"]
    assert hits == [(0, "(a+)+$")]


CUES = "cues.tsv"


def test_glue_role_on_a_relation_that_does_not_read_it_is_reported(rules_dir, tmp_path, capsys):
    n = _append(rules_dir / CUES, "c.member.sai\torganized\ttrở thành\tbecome")
    assert _build_error(rules_dir, tmp_path, capsys) == (
        f"kg: error: rules/cues.tsv:{n}: no rule reads the cue class 'organized/become' "
        "(a pattern of relations.tsv reads it as <organized/become>)")


def test_misspelt_cue_role_is_reported_as_a_class_no_rule_reads(rules_dir, tmp_path, capsys):
    n = _append(rules_dir / CUES, "c.fund.boi\tfunded\tbởi\tagents")
    assert _build_error(rules_dir, tmp_path, capsys) == (
        f"kg: error: rules/cues.tsv:{n}: no rule reads the cue class 'funded/agents' "
        "(a pattern of relations.tsv reads it as <funded/agents>)")


def test_unknown_helper_relation_is_reported(rules_dir, tmp_path, capsys):
    n = _append(rules_dir / CUES, "c.ordinal.lan\tordinals\tlần")
    err = _build_error(rules_dir, tmp_path, capsys)
    assert err.startswith(f"kg: error: rules/cues.tsv:{n}: unknown relation 'ordinals' (one of ")
    assert "ordinal, " in err and "topic" in err


def test_glue_word_without_any_letter_is_reported(rules_dir, tmp_path, capsys):
    n = _append(rules_dir / CUES, "c.list.gach\tlist\t-\tjoiner")
    assert _build_error(rules_dir, tmp_path, capsys) == \
        f"kg: error: rules/cues.tsv:{n}: phrase '-' has no letter or digit"


def test_regex_looking_glue_word_is_matched_literally(rules_dir):
    _append(rules_dir / CUES, "c.list.regex\tlist\t(a+)+$\tjoiner")
    lex = compile_lexicon(kg.load_rules(rules_dir))
    assert lex.list_separators.match(" (a+)+$ ")
    assert not lex.list_separators.match(" aaaa ")


# --- every table is required ------------------------------------------------------------------------

def test_a_deleted_table_stops_the_build_and_the_previous_output_is_kept(rules_dir, tmp_path, capsys):
    from robust_helpers import CORPUS, reader_view
    out = tmp_path / "out"
    kg.build(CORPUS, out, rules_dir=rules_dir, workers=1, cache=False)
    before = reader_view(out)
    (rules_dir / HEADS).unlink()
    code = main(["build", str(CORPUS), "--out", str(out), "--rules", str(rules_dir), "-q"])
    assert code == 2
    assert capsys.readouterr().err.strip() == ("kg: error: rules/heads.tsv: missing; every table in "
                                               "rules/README.md is required (copy it from the project's rules/)")
    assert reader_view(out) == before


def test_a_folder_in_place_of_a_table_is_reported(rules_dir, tmp_path, capsys):
    (rules_dir / HEADS).unlink()
    (rules_dir / HEADS).mkdir()
    assert _build_error(rules_dir, tmp_path, capsys) == "kg: error: rules/heads.tsv: is a folder, not a table"


def test_a_symlink_loop_in_place_of_a_table_is_reported(rules_dir, tmp_path, capsys):
    import os
    (rules_dir / HEADS).unlink()
    os.symlink(rules_dir / HEADS, rules_dir / HEADS)
    assert _build_error(rules_dir, tmp_path, capsys) == \
        "kg: error: rules/heads.tsv: cannot read: Too many levels of symbolic links"


@pytest.mark.bound(30)
def test_a_pipe_in_place_of_a_table_is_reported_without_waiting_on_it(rules_dir, tmp_path, capsys):
    import os
    (rules_dir / HEADS).unlink()
    os.mkfifo(rules_dir / HEADS)
    assert _build_error(rules_dir, tmp_path, capsys) == \
        "kg: error: rules/heads.tsv: not a regular file (a pipe, socket or device)"


def test_rules_at_an_empty_folder_name_the_first_missing_table(tmp_path, capsys):
    empty = tmp_path / "rules"
    empty.mkdir()
    from kg.rules import SCHEMAS
    assert _build_error(empty, tmp_path, capsys).startswith(f"kg: error: rules/{sorted(SCHEMAS)[0]}: missing; ")


def test_rules_at_a_file_is_reported(tmp_path, capsys):
    target = tmp_path / "rules"
    target.write_text("id\tword\n", encoding="utf-8")
    assert _build_error(target, tmp_path, capsys) == \
        f"kg: error: {target}: not a folder (--rules must name the rules folder)"


def test_a_level_that_is_not_a_whole_number_is_reported(rules_dir, tmp_path, capsys):
    n = _append(rules_dir / HEADS, "org.hoi-dong-thu\tOrganization\tHội đồng\thai")
    assert _build_error(rules_dir, tmp_path, capsys) == \
        f"kg: error: rules/heads.tsv:{n}: level 'hai' is not a whole number"
