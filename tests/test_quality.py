"""Extraction quality on the five gold-annotated articles, scored by the reference scorer
(a copy of shared/eval/score.py): a regression below the floors fails CI."""
import json
import subprocess
import sys

from conftest import GOLD

from kg.evaluate import evaluate
from kg.export.json import generate_json

CORE_F1_FLOOR = 0.95
RELATIONS_F1_FLOOR = 0.90


def _score(graph, tmp_path):
    path = tmp_path / "graph.json"
    path.write_text(generate_json(graph), encoding="utf-8")
    out = subprocess.run([sys.executable, str(GOLD / "score.py"), str(path), str(GOLD), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return path, json.loads(out)


def test_core_entities_meet_the_f1_floor(graph, tmp_path):
    _, result = _score(graph, tmp_path)
    assert result["entities"]["core (micro)"]["f1"] >= CORE_F1_FLOOR, result["missed"] + result["spurious"]


def test_all_relations_meet_the_f1_floor(graph, tmp_path):
    _, result = _score(graph, tmp_path)
    assert result["relations"]["all (micro)"]["f1"] >= RELATIONS_F1_FLOOR


def test_kg_eval_agrees_with_the_reference_scorer(graph, tmp_path):
    path, ref = _score(graph, tmp_path)
    ours = evaluate(path, [GOLD])
    for section, key in (("entities", "core (micro)"), ("relations", "all (micro)")):
        assert round(ours[section][key]["f1"], 3) == ref[section][key]["f1"]
        assert ours[section][key]["tp"] == ref[section][key]["tp"]


def test_kg_eval_lists_misses_and_spurious_finds(graph, tmp_path, capsys):
    from kg.cli import main
    path, _ = _score(graph, tmp_path)
    assert main(["eval", str(GOLD), "--graph", str(path)]) == 0
    out = capsys.readouterr().out
    assert "core (micro)" in out and "spurious" in out


def test_kg_eval_counts_right_and_wrong_links_by_rule(tmp_path):
    gold = {"doc": "a.txt", "relations": [{"source": "bca", "relation": "cooperatesWith", "target": "iom"}],
            "entities": [{"id": "bca", "type": "Organization", "name": "Bộ Công an"},
                         {"id": "iom", "type": "Organization", "name": "Tổ chức Di cư quốc tế"},
                         {"id": "ev", "type": "Event", "name": "Hội thảo về di cư an toàn"}]}
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text(json.dumps(gold), encoding="utf-8")

    def link(s, r, t, *rules):
        return {"source": s, "target": t, "relation": r, "evidence": [{"rule": x} for x in rules]}
    graph = {"nodes": [{"id": "n1", "label": "Bộ Công an", "type": "Organization"},
                       {"id": "n2", "label": "Tổ chức Di cư quốc tế", "type": "Organization"},
                       {"id": "n3", "label": "Hội thảo về di cư an toàn", "type": "Event"},
                       {"id": "n4", "label": "Cục Lãnh sự", "type": "Organization"}],
             "links": [link("n2", "cooperatesWith", "n1", "r.a"),          # right (either direction)
                       link("n1", "organized", "n3", "r.a", "r.b"),        # wrong link, both ends in the gold
                       link("n4", "partOf", "n1", "r.b")]}                 # an end the gold lacks
    (tmp_path / "graph.json").write_text(json.dumps(graph), encoding="utf-8")
    rules = evaluate(tmp_path / "graph.json", [tmp_path / "gold"])["rules"]
    assert rules["r.a"] == {"links": 2, "true": 1, "false_link": 1, "false_entity": 0, "p": 0.5}
    assert rules["r.b"] == {"links": 2, "true": 0, "false_link": 1, "false_entity": 1, "p": 0.0}
    assert list(rules) == ["r.b", "r.a"]                                   # most wrong links first


# --- the dev set of real articles (../shared/dev), when it is beside the repository -------------
# Core-entity floors are issue 11's targets (all 21 articles ≥ 0.85, the check split ≥ 0.80), met since 5 Dec
# 2026 (0.890, 0.803); relation floors are issue 12's targets (all 21 ≥ 0.70, the check split ≥ 0.60), met
# since 6 Dec 2026 (0.779, 0.601), and for the tune split and all 21 a regression guard above them (0.912,
# 0.779 then). The split is tests/dev_split.tsv: 'check' articles are never read to write rules.
import pathlib

import pytest

DEV = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "dev"
DEV_FLOORS = {"tune": (0.96, 0.90), "check": (0.80, 0.60), "all": (0.88, 0.77)}   # (core-entity F1, relation F1)


def _dev_split() -> dict[str, list[str]]:
    split: dict[str, list[str]] = {}
    for line in (pathlib.Path(__file__).parent / "dev_split.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "id\t")):
            doc, part = line.split("\t")
            split.setdefault(part, []).append(doc)
    return split


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory):
    if not (DEV / "texts").is_dir():
        pytest.skip("../shared/dev is not beside the repository: the dev-set quality floors are not checked")
    import kg
    scores = {}
    split = _dev_split()
    split["all"] = sorted(doc for docs in list(split.values()) for doc in docs)   # the 21 built together
    for part, docs in split.items():
        corpus = tmp_path_factory.mktemp(part)
        for doc in docs:
            (corpus / f"{doc}.txt").write_bytes((DEV / "texts" / f"{doc}.txt").read_bytes())
        gold = tmp_path_factory.mktemp(f"{part}-gold")
        for doc in docs:
            (gold / f"{doc}.json").write_bytes((DEV / "gold" / f"{doc}.json").read_bytes())
        path = corpus / "graph.json"
        path.write_text(generate_json(kg.build_graph(kg.read_corpus(corpus))), encoding="utf-8")
        out = subprocess.run([sys.executable, str(GOLD / "score.py"), str(path), str(gold), "--json"],
                             capture_output=True, text=True, check=True).stdout
        scores[part] = json.loads(out)
    return scores


@pytest.mark.parametrize("part", sorted(DEV_FLOORS))
def test_dev_core_entities_meet_their_floor(dev_scores, part):
    assert dev_scores[part]["entities"]["core (micro)"]["f1"] >= DEV_FLOORS[part][0]


@pytest.mark.parametrize("part", sorted(DEV_FLOORS))
def test_dev_relations_meet_their_floor(dev_scores, part):
    assert dev_scores[part]["relations"]["all (micro)"]["f1"] >= DEV_FLOORS[part][1]


# Event F1 today, a regression guard (issue 12's target, 0.80 on all 21 dev articles, met: 0.847). "all" went from 0.85 to 0.84 on 4 Dec 2026, by
# choice: a leader receiving a visitor ("X tiếp Y") is an event (events.tsv reception; blind annotations of
# other diplomatic news name 6 such events in 41), and one dev article's gold leaves a reception told in a
# photo caption out
EVENT_FLOORS = {"tune": 0.90, "check": 0.70, "all": 0.84}


@pytest.mark.parametrize("part", sorted(EVENT_FLOORS))
def test_dev_events_meet_their_floor(dev_scores, part):
    assert dev_scores[part]["entities"]["Event"]["f1"] >= EVENT_FLOORS[part]
