"""A file name is text from outside too: one that is not UTF-8 is skipped with a reason (never a
traceback, with or without the cache), and a name holding a line break or an escape sequence is
quoted in every message, so it can neither forge a line on stderr nor drive the terminal."""
import os
import shutil

import pytest
from robust_helpers import ARTICLE, ARTICLE_ID

from kg.cli import main


@pytest.fixture
def folder(tmp_path):
    f = tmp_path / "corpus"
    f.mkdir()
    shutil.copy(ARTICLE, f / f"{ARTICLE_ID}.txt")
    return f


def _write_bytes_name(folder, name: bytes, data: bytes) -> None:
    fd = os.open(os.path.join(os.fsencode(folder), name), os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, data)
    os.close(fd)


@pytest.mark.parametrize("cache", [True, False])
def test_a_file_name_that_is_not_utf8_is_skipped_with_a_reason_and_the_rest_is_built(folder, tmp_path, capsys,
                                                                                      cache):
    try:
        _write_bytes_name(folder, b"caf\xe9.txt", "Bộ Ngoại giao họp với IOM.\n".encode("utf-8"))
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    out = tmp_path / "out"
    code = main(["build", str(folder), "--out", str(out), "-q", "--workers", "1"] + ([] if cache else ["--no-cache"]))
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        f"kg: skipped '{folder}/caf\\xe9.txt': the file name is not UTF-8 text; rename the file"]
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "- `'caf\\\\xe9.txt'`: the file name is not UTF-8 text; rename the file" in report   # Markdown escapes \\
    assert "Bộ Công an" in (out / "graph.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("name,shown", [
    ("bai\nkg: skipped nothing.txt", "'bai\\nkg: skipped nothing.txt'"),
    ("bai\x1b[2J.txt", "'bai\\x1b[2J.txt'"),
    ("bai\u2028moi.txt", "'bai\\u2028moi.txt'"),
])
def test_a_skipped_file_whose_name_holds_control_characters_is_one_quoted_line(folder, tmp_path, capsys, name,
                                                                               shown):
    (folder / name).write_bytes(b"")
    code = main(["build", str(folder), "--out", str(tmp_path / "out"), "-q", "--workers", "1"])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert err == [f"kg: skipped '{folder}/{shown[1:-1]}': empty file"]
    report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert f"- `{shown.replace(chr(92), chr(92) * 2)}`: empty file" in report          # Markdown escapes \\


def test_a_good_article_whose_name_holds_a_line_break_is_built(folder, tmp_path):
    shutil.copy(ARTICLE, folder / "bai\nhai.txt")
    assert main(["build", str(folder), "--out", str(tmp_path / "out"), "-q", "--workers", "1"]) == 0
