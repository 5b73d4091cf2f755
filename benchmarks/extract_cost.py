"""Per-article extraction cost of the working tree against a baseline commit, in one run:

    python benchmarks/extract_cost.py [--baseline 2d73e60] [--corpus ../shared/noise/texts] [-n 150]
                                      [--mode auto|callgrind|cpu] [--repeat 3]

Both trees run the same driver in a child process with this Python: read the corpus, compile the
rules (`compile_lexicon(load_rules())`, paid once per worker process), then extract
(`kg.extract.extract_document`) the first N articles. The baseline is unpacked with `git archive`
into a temporary folder (the working tree is used as it is, uncommitted edits included).

- `callgrind` (the default when `valgrind` is on PATH): instructions counted by
  `valgrind --tool=callgrind`, which do not move with the machine's load. The count is split where
  extraction starts and ends (the driver extracts inside one `functools.reduce` call, and callgrind
  dumps its counters before and after that function): setup is everything before (start, imports,
  reading, compiling the rules), per article the extraction part divided by N. The two trees run
  side by side; a few minutes.
- `cpu` (without valgrind): CPU time, best of --repeat passes over the N articles after a warm-up,
  and the setup's CPU time; the trees alternate so that both see the same load. Load-dependent:
  compare the ratio, not the milliseconds, with other days.

Prints both figures and their ratio. Without the corpus (../shared beside the repository) or the
baseline commit (a shallow clone, another repository), it says so and exits 0.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "2d73e60"            # before the real-news extraction work (issue 11: at most +30 % per article)
CORPUS = ROOT.parent / "shared" / "noise" / "texts"
BUDGET = 1.30

# The driver, the same for both trees: argv = corpus, N, mode, repeat. In callgrind mode the
# extraction is the one functools.reduce call of the process (callgrind splits its counts there).
DRIVER = r"""
import functools, sys, time
import kg
from kg.extract import compile_lexicon, extract_document
from kg.rules import load_rules
folder, n, mode, repeat = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
t = time.process_time()
corpus = kg.read_corpus(folder)
docs = list(getattr(corpus, "documents", corpus))[:n]
lex = compile_lexicon(load_rules())
setup = time.process_time() - t
if mode == "callgrind":
    functools.reduce(lambda _, d: extract_document(d, lex), docs, None)
else:
    for d in docs[:5]:
        extract_document(d, lex)
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        for d in docs:
            extract_document(d, lex)
        best = min(best, time.process_time() - t)
    print(f"RESULT {len(docs)} {setup!r} {best / len(docs)!r}")
"""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", default=BASELINE, help=f"commit to compare with (default {BASELINE})")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of articles (default ../shared/noise/texts)")
    ap.add_argument("-n", type=int, default=150, help="articles extracted: the first N of the folder (default 150)")
    ap.add_argument("--mode", choices=("auto", "callgrind", "cpu"), default="auto",
                    help="auto: callgrind when valgrind is on PATH, else cpu")
    ap.add_argument("--repeat", type=int, default=3, help="cpu mode: best of this many passes (default 3)")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("-n must be at least 1")
    if args.mode == "auto":
        args.mode = "callgrind" if shutil.which("valgrind") else "cpu"
    return args


def missing(args: argparse.Namespace) -> str:
    """Why nothing can be measured ("" when everything is there)."""
    if not args.corpus.is_dir():
        return f"corpus {args.corpus} not found (../shared lives beside the repository)"
    ok = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{args.baseline}^{{commit}}"],
                        capture_output=True).returncode == 0
    if not ok:
        return f"baseline commit {args.baseline} not in this repository (a shallow clone?)"
    return ""


def unpack(commit: str, into: Path) -> Path:
    """The baseline's files (kg/ and rules/ are what extraction reads) in a folder of their own."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def _env(tree: Path) -> dict[str, str]:
    # the tree's kg first on the path; a fixed hash seed, so that two runs execute the same code paths
    return {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}


def _driver_args(args: argparse.Namespace, mode: str) -> list[str]:
    return [sys.executable, "-c", DRIVER, str(args.corpus), str(args.n), mode, str(args.repeat)]


def start_callgrind(tree: Path, out: Path, args: argparse.Namespace) -> subprocess.Popen:
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
           "--dump-before=functools_reduce", "--dump-after=functools_reduce", *_driver_args(args, "callgrind")]
    return subprocess.Popen(cmd, cwd=tree, env=_env(tree), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _total(dump: Path) -> int:
    m = re.search(r"^(?:summary|totals):\s*(\d+)", dump.read_text(errors="replace"), re.MULTILINE)
    return int(m.group(1)) if m else 0


def callgrind_parts(out: Path) -> tuple[int, int]:
    """(setup, extraction) instructions from the dumps: out.1 before extraction, out.2 extraction."""
    parts = sorted(out.parent.glob(out.name + ".*"), key=lambda p: int(p.suffix[1:]))
    if len(parts) < 2:
        raise RuntimeError(f"callgrind wrote {len(parts)} part(s) to {out}.*: expected the extraction's own")
    return _total(parts[0]), _total(parts[1])


def measure_callgrind(trees: dict[str, Path], tmp: Path, args: argparse.Namespace) -> dict[str, tuple[float, float]]:
    procs = {name: start_callgrind(tree, tmp / f"cg-{name}.out", args) for name, tree in trees.items()}
    out = {}
    for name, p in procs.items():
        _, err = p.communicate()
        if p.returncode != 0:
            raise RuntimeError(f"{name}: the driver failed under valgrind:\n{err[-2000:]}")
        setup, extraction = callgrind_parts(tmp / f"cg-{name}.out")
        out[name] = (setup, extraction / args.n)
    return out


def measure_cpu(trees: dict[str, Path], args: argparse.Namespace) -> dict[str, tuple[float, float]]:
    best: dict[str, tuple[float, float]] = {}
    for _ in range(2):                       # alternate the trees: both see the same load
        for name, tree in trees.items():
            r = subprocess.run(_driver_args(args, "cpu"), cwd=tree, env=_env(tree), capture_output=True, text=True)
            line = next((ln for ln in r.stdout.splitlines() if ln.startswith("RESULT ")), None)
            if r.returncode != 0 or line is None:
                raise RuntimeError(f"{name}: the driver failed:\n{r.stderr[-2000:]}")
            _, _, setup, per = line.split()
            prev = best.get(name, (float("inf"), float("inf")))
            best[name] = (min(prev[0], float(setup)), min(prev[1], float(per)))
    return best


def report(results: dict[str, tuple[float, float]], args: argparse.Namespace) -> str:
    (b_setup, b_per), (w_setup, w_per) = results["baseline"], results["working tree"]
    if args.mode == "callgrind":
        unit = lambda x: f"{x / 1e6:,.2f} M instructions"       # noqa: E731
        big = lambda x: f"{x / 1e9:,.2f} G instructions"        # noqa: E731
    else:
        unit = lambda x: f"{x * 1e3:.3f} ms CPU"                 # noqa: E731
        big = lambda x: f"{x:.2f} s CPU"                         # noqa: E731
    ratio = w_per / b_per
    verdict = "within" if ratio <= BUDGET else "over"
    return "\n".join([
        f"extraction cost, first {args.n} articles of {args.corpus} ({args.mode})",
        f"  baseline {args.baseline}: {unit(b_per)} per article, setup {big(b_setup)}",
        f"  working tree:     {unit(w_per)} per article, setup {big(w_setup)}",
        f"  ratio {ratio:.3f} ({ratio - 1:+.1%} per article; setup {w_setup / b_setup - 1:+.1%}): "
        f"{verdict} the +{BUDGET - 1:.0%} budget",
    ])


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    why = missing(args)
    if why:
        print(f"extract_cost: nothing measured: {why}")
        return 0
    print(f"extract_cost: {args.mode}, baseline {args.baseline}, first {args.n} articles of {args.corpus} …", flush=True)
    with tempfile.TemporaryDirectory(prefix="kg-extract-cost-") as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "baseline").mkdir()
        trees = {"baseline": unpack(args.baseline, tmp / "baseline"), "working tree": ROOT}
        results = measure_callgrind(trees, tmp, args) if args.mode == "callgrind" else measure_cpu(trees, args)
    print(report(results, args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
