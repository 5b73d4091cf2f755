"""Shared fixtures: the project's corpus and rules, built once per session."""
from __future__ import annotations

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


def pytest_terminal_summary(terminalreporter):
    """Say loudly when the browser tests were skipped for want of chromium (and how to get it)."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "tests/browser/" in r.nodeid.replace("\\", "/")]
    if not skipped:
        return
    terminalreporter.write_sep("!", f"{len(skipped)} BROWSER TESTS SKIPPED: chromium is missing", red=True, bold=True)
    terminalreporter.write_line("graph.html and report.html were NOT checked in a browser. Install chromium "
                                "(Debian/Ubuntu: sudo apt-get install chromium) and run `make test` again.",
                                red=True, bold=True)
