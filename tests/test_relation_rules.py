"""Every relation rule of rules/relations.tsv reads its own example sentence: the links its `expect`
column lists are found (and, for a link of a relation the rule yields, found by that rule), and the
"not …" ones are not. One test per line of the file: a new rule is tested as soon as it is written."""
import pytest

import kg
from kg.extract.patterns import parse_rule
from kg.model import SYMMETRIC_RELATIONS

RULES = kg.load_rules()
ROWS = RULES.table("relations.tsv")


def _links(g) -> dict[tuple[str, str, str], set[str]]:
    """(source label, relation, target label) -> ids of the rules in the link's evidence."""
    out: dict[tuple[str, str, str], set[str]] = {}
    for u, v, d in g.edges(data=True):
        out.setdefault((g.nodes[u]["label"], d["relation"], g.nodes[v]["label"]), set()).update(
            e["rule"] for e in d["evidence"])
    return out


def test_the_rule_file_has_rules_of_every_scope():
    assert {r["scope"].split(":")[0] for r in ROWS} == {"name", "apposition", "clause", "sentence"}


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_rule_reads_its_example(row, tmp_path):
    rule = parse_rule(row)
    (tmp_path / "a.txt").write_text(rule.example, encoding="utf-8")
    links = _links(kg.build_graph(kg.read_corpus(tmp_path), RULES, all_topics=True))     # whatever the topic
    yielded = {y.relation for y in rule.yields}
    for present, source, relation, target in rule.expect:
        rules = links.get((source, relation, target))
        if rules is None and relation in SYMMETRIC_RELATIONS:
            rules = links.get((target, relation, source))
        if present:
            assert rules is not None, f"{row.file}:{row.line}: {source} {relation} {target} not found in {sorted(links)}"
            if relation in yielded:
                assert row.id in rules, f"{row.file}:{row.line}: found by {sorted(rules)}, not by {row.id}"
        else:
            assert rules is None, f"{row.file}:{row.line}: {source} {relation} {target} found by {sorted(rules)}"


def test_a_list_goes_on_through_a_kind_that_opens_examples(tmp_path):
    # "… và các tổ chức quốc tế như UNODC, UNICEF": the kind ("international organisations such as") joins the list
    (tmp_path / "a.txt").write_text("Tin\nBộ Công an tổ chức Hội thảo về di cư an toàn. Hội thảo có sự tham dự của đại diện "
                                    "Đại sứ quán Hoa Kỳ và các tổ chức quốc tế như UNODC, UNICEF.", encoding="utf-8")
    links = _links(kg.build_graph(kg.read_corpus(tmp_path), all_topics=True))
    assert ("Quỹ Nhi đồng Liên hợp quốc", "participatedIn", "Hội thảo về di cư an toàn") in links
