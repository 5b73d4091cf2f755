"""Broken input files are reported (path and reason) and skipped; the good articles are still built,
and `kg build` exits 1 to say that some input was skipped."""
import os
import time

import pytest
from robust_helpers import ARTICLE, ARTICLE_ID, to_cp1258

from kg.cli import main
from kg.corpus import ReadOptions, read_corpus, read_document, split_sentences
from kg.errors import CorpusError

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300"
                    "0100000500010d0a2db40000000049454e44ae426082")


@pytest.fixture
def folder(tmp_path):
    """A corpus folder holding one good article."""
    f = tmp_path / "corpus"
    f.mkdir()
    (f / f"{ARTICLE_ID}.txt").write_bytes(ARTICLE.read_bytes())
    return f


def _only_good_read(folder, options=None):
    corpus = read_corpus(folder, options)
    assert [d.id for d in corpus.documents] == [ARTICLE_ID]
    return {os.path.basename(s.path): s.reason for s in corpus.skipped}


def test_empty_file_is_skipped(folder):
    (folder / "rong.txt").write_bytes(b"")
    assert _only_good_read(folder) == {"rong.txt": "empty file"}


def test_whitespace_only_file_is_skipped(folder):
    (folder / "trang.txt").write_bytes(b" \n\t\r\n\xc2\xa0\n")
    assert _only_good_read(folder) == {"trang.txt": "no text (whitespace only)"}


def test_binary_file_renamed_txt_is_skipped(folder):
    (folder / "anh.txt").write_bytes(PNG)
    assert _only_good_read(folder) == {"anh.txt": "binary file, not text"}


def test_binary_file_without_nul_bytes_is_skipped(folder):
    (folder / "nen.txt").write_bytes(bytes(range(1, 32)) * 40 + "Bộ Công an".encode("utf-8"))
    assert _only_good_read(folder) == {"nen.txt": "binary file, not text (control characters)"}


def test_file_over_the_size_limit_is_skipped_without_being_read(folder, monkeypatch):
    big = folder / "lon.txt"
    with big.open("wb") as fh:                       # 50 MB of real article text
        block = ARTICLE.read_bytes()
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            fh.write(block)
    assert big.stat().st_size > 50 * 1024 * 1024
    opened = []
    real_open = open
    monkeypatch.setattr("kg.corpus.open", lambda p, *a, **k: opened.append(str(p)) or real_open(p, *a, **k),
                        raising=False)
    reasons = _only_good_read(folder)
    assert reasons == {"lon.txt": "too large (50.0 MB, limit 20.0 MB; see --max-size)"}
    assert str(big) not in opened


def test_size_limit_is_configurable(folder):
    (folder / "vua.txt").write_text("Bộ Công an họp.\n" * 100, encoding="utf-8")       # 1 900 bytes
    assert _size_limited(folder, 3000) == ["vua"]
    assert read_corpus(folder, ReadOptions(max_bytes=3000)).skipped[0].reason == \
        "too large (4085 bytes, limit 3000 bytes; see --max-size)"


def _size_limited(folder, max_bytes):
    return [d.id for d in read_corpus(folder, ReadOptions(max_bytes=max_bytes)).documents]


def test_single_one_megabyte_line_is_skipped_quickly(folder):
    (folder / "mot-dong.txt").write_text("Bộ Công an phối hợp với IOM " * 40000, encoding="utf-8")
    start = time.perf_counter()
    reasons = _only_good_read(folder)
    assert time.perf_counter() - start < 5
    assert reasons == {"mot-dong.txt": "line 1 is 1120000 characters long (limit 100000): "
                                       "not article text (a minified page or an encoded blob?)"}


def test_long_line_under_the_limit_is_read_in_sentences_of_bounded_length():
    text = "Bộ Công an phối hợp với IOM tổ chức hội thảo tại Hà Nội " * 1500     # 84 000 chars, no full stop
    start = time.perf_counter()
    sentences = split_sentences(text)
    assert time.perf_counter() - start < 5
    assert max(len(s.text) for s in sentences) <= 2000
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")


def test_symlink_loop_is_skipped(folder):
    os.symlink(folder / "vong-b.txt", folder / "vong-a.txt")
    os.symlink(folder / "vong-a.txt", folder / "vong-b.txt")
    assert _only_good_read(folder) == {"vong-a.txt": "cannot read: Too many levels of symbolic links",
                                       "vong-b.txt": "cannot read: Too many levels of symbolic links"}


def test_dangling_symlink_is_skipped(folder):
    os.symlink(folder / "da-xoa.txt", folder / "lien-ket.txt")
    assert _only_good_read(folder) == {"lien-ket.txt": "cannot read: No such file or directory"}


def test_folder_named_like_an_article_is_skipped(folder):
    (folder / "thu-muc.txt").mkdir()
    assert _only_good_read(folder) == {"thu-muc.txt": "is a folder, not an article file"}


def test_named_pipe_is_skipped_instead_of_blocking_the_build(folder):
    os.mkfifo(folder / "ong.txt")
    assert _only_good_read(folder) == {"ong.txt": "not a regular file (a pipe, socket or device)"}


def test_file_the_user_may_not_read_is_skipped(folder, monkeypatch):
    (folder / "khoa.txt").write_text("Bộ Công an họp.", encoding="utf-8")
    real_open = open

    def deny(path, *args, **kwargs):
        if str(path).endswith("khoa.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("kg.corpus.open", deny, raising=False)
    assert _only_good_read(folder) == {"khoa.txt": "cannot read: Permission denied"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_file_with_mode_000_is_skipped(folder):
    locked = folder / "khoa.txt"
    locked.write_text("Bộ Công an họp.", encoding="utf-8")
    locked.chmod(0)
    try:
        assert _only_good_read(folder) == {"khoa.txt": "cannot read: Permission denied"}
    finally:
        locked.chmod(0o644)


def test_hidden_and_appledouble_files_are_not_articles(folder):
    (folder / "._bai.txt").write_bytes(b"\x00\x05\x16\x07" + b"\x00" * 60)
    (folder / ".nhap.txt").write_text("nháp", encoding="utf-8")
    assert _only_good_read(folder) == {}


def test_read_document_names_the_file_in_its_error(tmp_path):
    p = tmp_path / "rong.txt"
    p.write_bytes(b"")
    with pytest.raises(CorpusError, match=r"rong\.txt: empty file$"):
        read_document(p)


def test_build_of_a_mixed_folder_builds_the_good_lists_the_bad_and_exits_1(folder, tmp_path, capsys):
    (folder / "rong.txt").write_bytes(b"")
    (folder / "anh.txt").write_bytes(PNG)
    (folder / "mot-dong.txt").write_text("x" * 200_000, encoding="utf-8")
    (folder / "thu-muc.txt").mkdir()
    os.symlink(folder / "vong.txt", folder / "vong.txt")
    out = tmp_path / "out"
    code = main(["build", str(folder), "--out", str(out), "-q", "--no-cache"])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert err == [f"kg: skipped {folder}/anh.txt: binary file, not text",
                   f"kg: skipped {folder}/mot-dong.txt: line 1 is 200000 characters long (limit 100000): "
                   "not article text (a minified page or an encoded blob?)",
                   f"kg: skipped {folder}/rong.txt: empty file",
                   f"kg: skipped {folder}/thu-muc.txt: is a folder, not an article file",
                   f"kg: skipped {folder}/vong.txt: cannot read: Too many levels of symbolic links"]
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "## Articles skipped (5)" in report and "- `rong.txt`: empty file" in report
    assert str(folder) not in report                    # no path of the build machine in a shared report
    assert "Bộ Công an" in (out / "graph.json").read_text(encoding="utf-8")


def test_max_size_option_of_kg_build(folder, tmp_path, capsys):
    (folder / "vua.txt").write_text("Bộ Công an họp.\n" * 50, encoding="utf-8")
    code = main(["build", str(folder), "--out", str(tmp_path / "out"), "-q", "--no-cache", "--max-size", "0.002",
                 "--all-topics"])          # the one short article left is off topic: keep it anyway
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        f"kg: skipped {folder}/{ARTICLE_ID}.txt: too large (4085 bytes, limit 2097 bytes; see --max-size)"]


def test_stray_control_characters_are_read_as_spaces_keeping_offsets(tmp_path):
    p = tmp_path / "dieu-khien.txt"
    p.write_text("Tiêu đề\n\nBộ Công\x08an phối hợp\x1bvới IOM.\fCục Đối ngoại họp.", encoding="utf-8")
    doc = read_document(p)
    assert [s.text for s in doc.sentences] == ["Tiêu đề", "Bộ Công an phối hợp với IOM.", "Cục Đối ngoại họp."]
    assert doc.text.index("IOM") == p.read_text(encoding="utf-8").index("IOM")


def test_build_where_no_article_can_be_read_exits_2_and_keeps_the_previous_output(tmp_path, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "rong.txt").write_bytes(b"")
    (folder / "anh.txt").write_bytes(PNG)
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.json").write_text("previous", encoding="utf-8")
    code = main(["build", str(folder), "--out", str(out), "-q", "--no-cache"])
    assert code == 2
    assert capsys.readouterr().err.strip() == \
        f"kg: error: {folder}: no article could be read (2 skipped; {folder}/anh.txt: binary file, not text)"
    assert [p.name for p in out.iterdir()] == ["graph.json"]
    assert (out / "graph.json").read_text(encoding="utf-8") == "previous"


MANIFEST_HEADER = "id\tfile\ttitle\tdate\toutlet\turl\n"


def test_manifest_title_with_quotes_is_read_as_written(folder):
    (folder / "articles.tsv").write_text(
        MANIFEST_HEADER + f'{ARTICLE_ID}\t{ARTICLE_ID}.txt\tHội thảo "Hợp tác quốc tế" tại Quy Nhơn\t2024-07-11\t\t\n',
        encoding="utf-8")
    (doc,) = read_corpus(folder).documents
    assert doc.title == 'Hội thảo "Hợp tác quốc tế" tại Quy Nhơn'


def test_manifest_with_a_quote_never_closed_is_one_line_naming_the_file_and_line(folder, tmp_path, capsys):
    (folder / "articles.tsv").write_text(
        MANIFEST_HEADER + f'{ARTICLE_ID}\t{ARTICLE_ID}.txt\t"Hội thảo tại Quy Nhơn\t2024-07-11\t\t\n'
        'khac\tkhac.txt\tBài khác\t2024-07-12\t\t\n', encoding="utf-8")
    code = main(["build", str(folder), "--out", str(tmp_path / "out"), "-q", "--no-cache"])
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        f"kg: error: {folder}/articles.tsv:2: a quote in this row is never closed (the rows after it run together)")


def test_manifest_in_a_legacy_encoding_is_one_line_naming_the_file(folder, tmp_path, capsys):
    (folder / "articles.tsv").write_bytes(MANIFEST_HEADER.encode() + to_cp1258(
        f"{ARTICLE_ID}\t{ARTICLE_ID}.txt\tHội thảo tại Quy Nhơn\t2024-07-11\t\t\n"))
    code = main(["build", str(folder), "--out", str(tmp_path / "out"), "-q", "--no-cache"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1
    assert err.startswith(f"kg: error: {folder}/articles.tsv: cannot read manifest: 'utf-8' codec can't decode")
