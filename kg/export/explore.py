"""What the explorer page knows beyond the graph itself, computed once at build time: how important
each entity is, which group (Louvain community) it works in, when it and each link were seen
(first and last dates, months), and its English name where the rules know one.

Plain functions over the exported graph; nothing here changes the graph (graph.json, GraphML and
RDF stay as kg.graph makes them).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

COMMUNITY_SEED = 7
GROUP_NAME_MEMBERS = 3          # a group is named by its three leading members
# Tables whose aliases include English names (locations.tsv lists Vietnamese places, without any).
GAZETTEER_TABLES = ("gazetteer/organizations.tsv", "gazetteer/countries.tsv", "gazetteer/agreements.tsv")


# ---------------------------------------------------------------- importance

def importance_order(articles: list[int], degree: list[int], labels: list[str], keys: list[str]) -> list[int]:
    """Node indices, most important first: named in more articles, then more links, then by name."""
    return sorted(range(len(keys)), key=lambda i: (-articles[i], -degree[i], labels[i], keys[i]))


def pair_weights(g: nx.MultiDiGraph, index: dict, edges: list[tuple] | None = None) -> dict[tuple[int, int], int]:
    """(i, j) with i < j -> number of distinct articles stating any link between the two entities
    (`edges`: list(g.edges(keys=True, data=True)), if already made)."""
    docs: dict[tuple[int, int], set] = {}
    for u, v, _, d in g.edges(keys=True, data=True) if edges is None else edges:
        a, b = index[u], index[v]
        if a == b:
            continue
        pair = (a, b) if a < b else (b, a)
        docs.setdefault(pair, set()).update([str(e.get("doc", "")) for e in d.get("evidence") or ()])
    return {pair: max(1, len(s)) for pair, s in sorted(docs.items())}


# ---------------------------------------------------------------- communities

@dataclass(frozen=True)
class Group:
    """A community of at least two entities: members most important first, named by the leaders."""
    members: tuple[int, ...]
    name: str


def communities(n: int, weights: dict[tuple[int, int], int], rank: list[int], labels: list[str],
                seed: int = COMMUNITY_SEED) -> tuple[list[int], list[Group]]:
    """(group index of each node or -1, the groups biggest first): networkx's Louvain (kg.export.louvain,
    the same algorithm on plain dicts) on the links weighted by shared articles, with a fixed seed, so the same graph always gives the same groups.
    Unlinked entities belong to no group."""
    from .louvain import louvain_communities
    linked = sorted({i for pair in weights for i in pair})
    found = louvain_communities(linked, [(a, b, w) for (a, b), w in weights.items()], seed) if linked else []
    ordered = sorted((sorted(c, key=rank.__getitem__) for c in found if len(c) > 1),
                     key=lambda members: (-len(members), rank[members[0]]))
    group_of = [-1] * n
    groups = []
    for k, members in enumerate(ordered):
        for m in members:
            group_of[m] = k
        groups.append(Group(tuple(members), ", ".join(labels[m] for m in members[:GROUP_NAME_MEMBERS])))
    return group_of, groups


# ---------------------------------------------------------------- time

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def months_of(date: str) -> list[int]:
    """Month numbers (year * 12 + month - 1) a date covers: one for 'YYYY-MM(-DD)', twelve for a
    bare year, none for an empty or unreadable date."""
    m = _DATE.match((date or "").strip())
    if not m:
        return []
    year = int(m.group(1))
    if m.group(2):
        month = int(m.group(2))
        return [year * 12 + month - 1] if 1 <= month <= 12 else []
    return [year * 12 + k for k in range(12)]


def month_label(month: int) -> str:
    """'2024-07' for the month number of July 2024."""
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


# ---------------------------------------------------------------- English names

_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?$")
_ENGLISH_CHARS = re.compile(r"^[A-Za-z][A-Za-z0-9 '’.,&()/-]*$")


def looks_english(name: str) -> bool:
    """True for a name written in English: ASCII letters only, not an all-capitals acronym ('IOM'),
    not Vietnamese written without accents ('Viet Nam', 'Nga') nor a syllable-by-syllable
    transliteration ('Cam-pu-chia'): at least one word is not a Vietnamese syllable."""
    if not _ENGLISH_CHARS.match(name) or not any(c.islower() for c in name):
        return False
    if re.search(r"-[a-z]", name):          # 'Ma-lai-xi-a': hyphenated lower-case syllables
        return False
    if re.search(r"\b[B-DF-HJ-NP-TV-Z]{2,}\b", name):   # 'CHDC Congo', 'TP Vinh': a Vietnamese abbreviation
        return False
    words = [w for w in re.split(r"[\s\-/(),.&]+", name.lower()) if w]
    return any(not _SYLLABLE.match(w) for w in words)


def _squash(name: str) -> str:
    from ..text import fold
    return re.sub(r"[\s-]+", "", fold(name))


def english_name(name: str, aliases: tuple[str, ...]) -> str:
    """The English name of a gazetteer row; '' when it has none. Its canonical name when that is
    already English or an acronym ('Malaysia', 'ASEAN', 'Chile' beside 'Republic of Chile'), else its
    first English alias ('Bộ Công an' -> 'Ministry of Public Security'). A spelling that is an
    accentless hyphenated transliteration run together ('Campuchia' beside 'Cam-pu-chia',
    'Xingapo' beside 'Xin-ga-po') is not English."""
    transliterated = {_squash(a) for a in aliases if "-" in a and a.isascii() and not looks_english(a)}
    candidates = [a for a in aliases if looks_english(a) and _squash(a) not in transliterated]
    if _ENGLISH_CHARS.match(name) and (name.isupper() or looks_english(name)):
        word = re.compile(r"(?<![A-Za-z])" + re.escape(name.lower()) + r"(?![A-Za-z])")
        if (not candidates or any(word.search(c.lower()) for c in candidates)
                or _squash(name) not in transliterated):
            return name
    return candidates[0] if candidates else ""


def english_names(g: nx.MultiDiGraph, rules_dir: str | Path | None = None) -> dict[str, str]:
    """node id -> English name, for entities found through a gazetteer row that has one (rows are
    matched by the table the node names in its `gazetteer` attribute and by id). Names equal to
    the Vietnamese label are left out."""
    from ..errors import RuleError
    from ..rules import DEFAULT_RULES_DIR, load_table
    folder = Path(rules_dir) if rules_dir is not None else DEFAULT_RULES_DIR
    wanted: dict[str, list[str]] = {}
    for node, d in g.nodes(data=True):
        source = str(d.get("gazetteer", "") or "")
        table = next((t for t in GAZETTEER_TABLES if t in source), None)
        if table:
            wanted.setdefault(table, []).append(str(node))
    out: dict[str, str] = {}
    for table, nodes in sorted(wanted.items()):
        path = folder / table
        if not path.is_file():
            continue
        try:
            rows = {r.id: r for r in load_table(path, table, f"{folder.name}/{table}")}
        except RuleError:
            continue            # a broken table was reported by the build; the page just lacks names
        for node in nodes:
            row = rows.get(node)
            if row is None:
                continue
            name = english_name(row["name"], row.list("aliases"))
            if name and name != str(g.nodes[node].get("label", "")):
                out[node] = name
    return out
