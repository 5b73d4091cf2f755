"""Extraction quality on the five gold-annotated articles, scored by the reference scorer
(a copy of shared/eval/score.py): a regression below the floors fails CI."""
import json
import subprocess
import sys

from conftest import GOLD

from kg.evaluate import evaluate
from kg.export.json import generate_json

CORE_F1_FLOOR = 0.90
RELATIONS_F1_FLOOR = 0.75


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
