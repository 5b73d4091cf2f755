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
