"""benchmarks/extract_cost.py: its options, and that it measures nothing (and says why) without the
corpus or the baseline commit. Nothing here runs valgrind or times anything."""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("extract_cost", ROOT / "benchmarks" / "extract_cost.py")
extract_cost = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(extract_cost)


def test_defaults_are_the_issue_baseline_and_150_noise_articles():
    args = extract_cost.parse_args(["--mode", "cpu"])
    assert args.baseline == "2d73e60"
    assert args.n == 150
    assert args.corpus == ROOT.parent / "shared" / "noise" / "texts"
    assert args.repeat == 3


def test_auto_mode_is_callgrind_only_with_valgrind(monkeypatch):
    monkeypatch.setattr(extract_cost.shutil, "which", lambda name: None)
    assert extract_cost.parse_args([]).mode == "cpu"
    monkeypatch.setattr(extract_cost.shutil, "which", lambda name: "/usr/bin/valgrind")
    assert extract_cost.parse_args([]).mode == "callgrind"


def test_options_set_corpus_count_and_baseline(tmp_path):
    args = extract_cost.parse_args(["--corpus", str(tmp_path), "-n", "20", "--baseline", "abc1234", "--mode", "cpu"])
    assert (args.corpus, args.n, args.baseline) == (tmp_path, 20, "abc1234")


def test_without_the_corpus_it_says_so_and_exits_0(tmp_path, capsys):
    assert extract_cost.main(["--corpus", str(tmp_path / "absent"), "--mode", "cpu"]) == 0
    out = capsys.readouterr().out
    assert "nothing measured" in out and "absent" in out


def test_without_the_baseline_commit_it_says_so_and_exits_0(tmp_path, capsys):
    assert extract_cost.main(["--corpus", str(tmp_path), "--baseline", "0" * 40, "--mode", "cpu"]) == 0
    out = capsys.readouterr().out
    assert "nothing measured" in out and "0" * 40 in out


def test_the_report_gives_both_figures_and_the_ratio():
    args = extract_cost.parse_args(["--mode", "callgrind"])
    text = extract_cost.report({"baseline": (5e9, 10e6), "working tree": (6e9, 12e6)}, args)
    assert "10.00 M instructions per article" in text and "12.00 M instructions per article" in text
    assert "ratio 1.200" in text and "within the +30% budget" in text
