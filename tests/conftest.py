"""Shared fixtures: the project's corpus and rules, built once per session; and the robustness
matrix's bookkeeping (tests/robustness/): every case there runs with a bound on its time, and a
run ends with how many cases were tried and how many were handled (passed), per area (test
module). `python tests/robustness/matrix.py` runs just that folder."""
from __future__ import annotations

import signal
import threading
from collections import Counter, defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def rules():
    import kg
    return kg.load_rules()


@pytest.fixture(scope="session")
def corpus():
    import kg
    return kg.read_corpus(CORPUS)


@pytest.fixture(scope="session")
def graph(corpus, rules):
    import kg
    return kg.build_graph(corpus, rules)


@pytest.fixture(scope="session")
def built(tmp_path_factory, rules):
    """A full `kg build` of the shipped corpus into a temporary output folder."""
    import kg
    out = tmp_path_factory.mktemp("output")
    return kg.build(CORPUS, out)


# --- the robustness matrix ------------------------------------------------------------------------

DEFAULT_BOUND = 180          # seconds; a case that needs longer is a runaway, not a slow test

_outcomes: dict[str, str] = {}


def pytest_configure(config):
    config.addinivalue_line("markers", "bound(seconds): fail the case when it runs longer than this")


@pytest.fixture(autouse=True)
def time_bound(request):
    """Fail (not hang) a robustness case that runs past its bound: SIGALRM in the main thread."""
    marker = request.node.get_closest_marker("bound")
    seconds = int(marker.args[0]) if marker else DEFAULT_BOUND
    if (not _is_robustness(request.node.nodeid) or threading.current_thread() is not threading.main_thread()
            or not hasattr(signal, "SIGALRM")):
        yield
        return

    def expired(signum, frame):
        raise TimeoutError(f"{request.node.name}: still running after its bound of {seconds} s")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _is_robustness(nodeid: str) -> bool:
    return "robustness/" in nodeid.replace("\\", "/")


def pytest_runtest_logreport(report):
    if not _is_robustness(report.nodeid):
        return
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        _outcomes[report.nodeid] = report.outcome
    elif report.when == "teardown" and report.outcome == "failed":
        _outcomes[report.nodeid] = "failed"


def _robustness_summary(terminalreporter):
    if not _outcomes:
        return
    areas: dict[str, Counter] = defaultdict(Counter)
    for nodeid, outcome in _outcomes.items():
        area = nodeid.split("::")[0].rsplit("/", 1)[-1].removeprefix("test_robust_").removesuffix(".py")
        areas[area][outcome] += 1
    tw = terminalreporter
    tw.write_sep("-", "robustness matrix")
    for area, c in sorted(areas.items()):
        tried = c["passed"] + c["failed"]
        tw.write_line(f"{area:16} tried {tried:4}  handled {c['passed']:4}" + (f"  skipped {c['skipped']}" if c["skipped"] else ""))
    total = Counter()
    for c in areas.values():
        total.update(c)
    tw.write_line(f"{'all':16} tried {total['passed'] + total['failed']:4}  handled {total['passed']:4}"
                  + (f"  skipped {total['skipped']}" if total["skipped"] else ""))


def _browser_summary(terminalreporter):
    """Say loudly when the browser tests were skipped for want of chromium (and how to get it)."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "tests/browser/" in r.nodeid.replace("\\", "/")]
    if not skipped:
        return
    terminalreporter.write_sep("!", f"{len(skipped)} BROWSER TESTS SKIPPED: chromium is missing", red=True, bold=True)
    terminalreporter.write_line("graph.html and report.html were NOT checked in a browser. Install chromium "
                                "(Debian/Ubuntu: sudo apt-get install chromium) and run `make test` again.",
                                red=True, bold=True)


def pytest_terminal_summary(terminalreporter):
    _robustness_summary(terminalreporter)
    _browser_summary(terminalreporter)
