"""The cache in OUT/.cache/ can neither crash a build nor run code: an entry that cannot be written
(full disk, read-only folder, a folder in its place) turns the cache off with one warning, or the
build fails with one line and exit 2 having taken back what it wrote; an entry is plain data, so a
crafted one (with a valid checksum) can at worst be recomputed."""
import errno
import json
import os
import pickle
import shutil
import subprocess
import sys
import textwrap

import pytest
from robust_helpers import ARTICLE, ARTICLE_ID, CORPUS, ROOT, reader_view

import kg
import kg.cache
from kg.cache import article_key, encode_entry
from kg.cli import main
from kg.codec import BadPayload, decode, encode


@pytest.fixture
def corpus(tmp_path):
    return shutil.copytree(CORPUS, tmp_path / "corpus")


def _entries(out):
    return sorted((out / ".cache" / "facts").glob("*.kgx"))


def _fail_cache_writes_after(n: int, monkeypatch, err=errno.ENOSPC, text="No space left on device"):
    """The cache's os.write works for `n` entries, then fails like a full disk."""
    real = os.write
    count = [0]

    def write(fd, data):
        count[0] += 1
        if count[0] > n:
            raise OSError(err, text)
        return real(fd, data)
    monkeypatch.setattr(kg.cache, "_write", write)


def test_a_cache_that_fills_the_disk_is_turned_off_with_one_warning_and_what_it_wrote_is_removed(
        corpus, tmp_path, monkeypatch, capsys):
    fresh = tmp_path / "fresh"
    kg.build(corpus, fresh, cache=False, workers=1)
    _fail_cache_writes_after(2, monkeypatch)
    out = tmp_path / "out"
    code = main(["build", str(corpus), "--out", str(out), "-q", "--workers", "1"])
    err = capsys.readouterr().err.splitlines()
    assert code == 0
    assert err == [f"kg: warning: {out}/.cache/facts: cannot write the cache (No space left on device); "
                   "built without it"]
    assert _entries(out) == []                         # the two entries it had written are gone
    assert reader_view(out) == reader_view(fresh)


def test_after_a_failed_cache_the_next_build_fills_it(corpus, tmp_path, monkeypatch):
    _fail_cache_writes_after(0, monkeypatch, errno.EROFS, "Read-only file system")
    kg.build(corpus, tmp_path / "out", workers=1)
    monkeypatch.undo()
    res = kg.build(corpus, tmp_path / "out", workers=1)
    assert res.warnings == [] and len(_entries(tmp_path / "out")) == 5


def test_a_folder_in_place_of_an_entry_is_replaced_by_the_entry(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    kg.build(corpus, out, workers=1)
    before = reader_view(out)
    victim = _entries(out)[0]
    victim.unlink()
    victim.mkdir()
    (victim / "x").write_text("không phải mục", encoding="utf-8")
    for _ in range(2):                                 # and no trouble on the build after
        assert main(["build", str(corpus), "--out", str(out), "-q", "--workers", "1"]) == 0
        assert capsys.readouterr().err == ""
        assert victim.is_file() and reader_view(out) == before


def test_a_pipe_in_place_of_an_entry_does_not_block_the_build(corpus, tmp_path):
    out = tmp_path / "out"
    kg.build(corpus, out, workers=1)
    victim = _entries(out)[0]
    victim.unlink()
    os.mkfifo(victim)
    res = kg.build(corpus, out, workers=1)
    assert res.warnings == [] and victim.is_file()


def test_out_naming_a_file_is_one_line_and_exit_2_before_any_article_is_read(corpus, tmp_path, capsys, monkeypatch):
    target = tmp_path / "graph.json"
    target.write_text("{}", encoding="utf-8")
    monkeypatch.setattr("kg.parallel.read_document", lambda *a: pytest.fail("an article was read"))
    assert main(["build", str(corpus), "--out", str(target), "-q"]) == 2
    assert capsys.readouterr().err.strip() == f"kg: error: {target}: not a folder (--out must name a folder)"
    assert target.read_text(encoding="utf-8") == "{}"


# --- a real full disk and a real read-only folder: a small file system of our own --------------

def _private_mount_works() -> bool:
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt 2>/dev/null"],
                           capture_output=True)
    return probe.returncode == 0


needs_mount = pytest.mark.skipif(not _private_mount_works(),
                                 reason="needs root and `unshare -m` to mount a small private file system")

_ON_SMALL_DISK = textwrap.dedent("""
    import json, os, shutil, subprocess, sys
    from pathlib import Path
    disk, corpus, scenario = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    out = disk / "out"
    kg = [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "-q", "--workers", "1"]
    first = subprocess.run(kg, capture_output=True, text=True)
    view = lambda: {p.name: p.read_bytes().hex() for p in sorted(out.iterdir()) if p.is_file()}
    before = view()
    for p in sorted(corpus.glob("*.txt")):     # every article edited: the next build writes new entries
        p.write_text(p.read_text(encoding="utf-8") + "\\nBộ Công an phối hợp với IOM.\\n", encoding="utf-8")
    if scenario == "full":
        fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(fd, b"\\0" * 4096)
        except OSError:
            pass
        os.close(fd)
        os.truncate(disk / "filler", max(0, os.path.getsize(disk / "filler") - 40_000))   # room for a few entries
    else:
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    free = shutil.disk_usage(disk).free
    second = subprocess.run(kg, capture_output=True, text=True)
    print(json.dumps({"first": first.returncode, "code": second.returncode, "err": second.stderr,
                      "same": view() == before, "free_before": free, "free_after": shutil.disk_usage(disk).free,
                      "gens": len([p for p in (out / ".kg").iterdir() if p.name.startswith("gen-")]),
                      "tmps": sorted(str(p) for p in disk.rglob("*") if ".tmp" in p.name or ".kg-stage" in p.name)}))
""")


def _on_small_disk(tmp_path, scenario: str) -> dict:
    disk = tmp_path / "disk"
    disk.mkdir()
    script = tmp_path / "scenario.py"
    script.write_text(_ON_SMALL_DISK, encoding="utf-8")
    corpus = shutil.copytree(CORPUS, tmp_path / "corpus")
    cmd = f"mount -t tmpfs -o size=2200k tmpfs {disk} && exec {sys.executable} {script} {disk} {corpus} {scenario}"
    run = subprocess.run(["unshare", "-m", "sh", "-c", cmd], capture_output=True, text=True, cwd=ROOT, timeout=170)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@needs_mount
@pytest.mark.bound(180)
def test_on_a_full_disk_the_build_fails_in_one_line_keeps_the_output_and_gives_back_the_space(tmp_path):
    r = _on_small_disk(tmp_path, "full")
    assert r["first"] == 0
    assert r["code"] == 2
    lines = r["err"].splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: ") and "No space left on device" in lines[0], lines
    assert lines[0].endswith("previous output left intact")
    assert r["same"]                                   # the six files as they were
    assert r["free_after"] == r["free_before"]         # the cache entries and files it wrote are gone
    assert r["gens"] == 1 and r["tmps"] == []


@needs_mount
@pytest.mark.bound(180)
def test_on_a_read_only_output_folder_the_build_fails_in_one_line_and_keeps_the_output(tmp_path):
    r = _on_small_disk(tmp_path, "readonly")
    assert r["first"] == 0 and r["code"] == 2 and r["same"]
    lines = r["err"].splitlines()
    assert len(lines) == 1 and "Read-only file system" in lines[0] and lines[0].startswith("kg: error: "), lines


# --- no code in the cache ---------------------------------------------------------------------

def test_a_crafted_pickle_with_a_valid_checksum_is_never_run(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    kg.build(corpus, out, workers=1)
    before = reader_view(out)
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (open, (str(marker), "w"))
    for entry in _entries(out):
        entry.write_bytes(encode_entry(pickle.dumps(Exploit())))
    kg.build(corpus, out, workers=1)
    assert not marker.exists()
    assert reader_view(out) == before


def test_a_crafted_entry_of_the_wrong_types_is_recomputed_not_a_crash(corpus, tmp_path):
    import msgpack
    out = tmp_path / "out"
    kg.build(corpus, out, workers=1)
    before = reader_view(out)
    for entry in _entries(out):
        entry.write_bytes(encode_entry(msgpack.packb(
            {"v": 2, "kind": "facts", "doc": [1, b"x", 2, 3, 4, 5], "str": [7], "m": [[1, 2, 3]], "l": []})))
    res = kg.build(corpus, out, workers=1)
    assert res.warnings == [] and reader_view(out) == before


@pytest.mark.parametrize("payload", [
    b"", b"\xc1", b"\x93\x01\x02\x03", b"\xdd\xff\xff\xff\xff",          # truncated, reserved, a list, a huge array
    bytes([0x91] * 100_000),                                             # 100,000 nested arrays
])
def test_a_payload_that_is_not_exactly_the_format_is_refused(payload):
    with pytest.raises(BadPayload):
        decode(payload)


def test_facts_and_extractions_read_back_equal(tmp_path):
    from kg.parallel import _extract_folder
    rules = kg.load_rules()
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(ARTICLE, folder / f"{ARTICLE_ID}.txt")
    for summarized in (True, False):
        _, (value,) = _extract_folder(folder, rules, 1, None, None, False, None, summarized)
        assert decode(encode(value)) == value


def test_the_key_of_a_file_name_that_is_not_utf8_is_computed():
    name = os.fsdecode(b"corpus/caf\xe9.txt")
    assert article_key(b"x", name, None, "r") != article_key(b"x", "corpus/cafe.txt", None, "r")


def test_the_format_stores_every_field_of_the_model():
    import dataclasses
    from kg.codec import FIELDS
    for cls, stored in FIELDS.items():
        names = cls._fields if hasattr(cls, "_fields") else tuple(f.name for f in dataclasses.fields(cls))
        assert names == stored, f"{cls.__name__}: add the new field to kg/codec.py (encode, decode, FIELDS)"
