"""Score a built graph against gold annotations (format: shared/gold/FORMAT.md), and count, for
each rule id in the links' evidence, how many of its links are right: which rules make spurious links.

Matching follows shared/eval/score.py, which remains the referee: names equal after NFC,
case- and space-folding; agreements and events also by token Jaccard >= 0.6 without clashing
proper names or numbers; greedy one-to-one matching, best score first."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from .errors import KgError
from .model import ENTITY_TYPES, RELATIONS, SYMMETRIC_RELATIONS

CORE = ("Organization", "Country", "Agreement", "Event")


def _norm(text: str) -> str:
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(text)).casefold())
    return text.strip(" \t\n\"'“”‘’«»()[]{}.,;:-–—")


def _tokens(text: str) -> set[str]:
    return {t for t in re.split(r"[\W_]+", _norm(text)) if t}


def _distinctive(text: str) -> set[str]:
    words = [w for w in re.split(r"[\W_]+", unicodedata.normalize("NFC", str(text))) if w][1:]
    return {w.casefold() for w in words if w[0].isupper() or any(c.isdigit() for c in w)}


def _similarity(etype: str, pred: set[str], gold: set[str]) -> float:
    if {_norm(x) for x in pred} & {_norm(x) for x in gold}:
        return 1.0
    if etype not in ("Event", "Agreement"):
        return 0.0
    best = 0.0
    for a in pred:
        for b in gold:
            da, db = _distinctive(a), _distinctive(b)
            if da - db and db - da:
                continue
            ta, tb = _tokens(a), _tokens(b)
            if ta and tb:
                best = max(best, len(ta & tb) / len(ta | tb))
    return best if best >= 0.6 else 0.0


def _key(s: str, r: str, t: str) -> tuple[str, str, str]:
    return (t, r, s) if r in SYMMETRIC_RELATIONS and t < s else (s, r, t)


def load_gold(paths) -> tuple[dict, set]:
    files: list[Path] = []
    for p in map(Path, paths):
        if not p.exists():
            raise KgError(f"{p}: gold folder or file does not exist")
        files += sorted(p.glob("*.json")) if p.is_dir() else [p]
    entities: dict[str, dict] = {}
    relations: set = set()
    for f in files:
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
            for e in data["entities"]:
                ent = entities.setdefault(e["id"], {"type": e["type"], "names": set()})
                ent["names"] |= {e["name"], *e.get("aliases", [])}
            for r in data["relations"]:
                relations.add(_key(r["source"], r["relation"], r["target"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise KgError(f"{f}: not a gold annotation file ({exc})") from exc
    return entities, relations


def load_predicted(path) -> tuple[dict, list]:
    """Nodes (type, names, degree) and edges (source, relation, target, ids of the rules in its evidence)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KgError(f"{path}: cannot read graph JSON ({exc})") from exc
    nodes = {}
    for n in data.get("nodes", []):
        if n.get("type") in ENTITY_TYPES:
            nodes[str(n["id"])] = {"type": n["type"], "degree": 0,
                                   "names": {str(n.get("label") or n["id"]), *map(str, n.get("aliases") or [])}}
    edges = []
    for e in data.get("links", data.get("edges", [])):
        if e.get("relation") in RELATIONS:
            rules = frozenset(str(x.get("rule", "")) for x in e.get("evidence") or () if isinstance(x, dict))
            edges.append((str(e["source"]), e.get("relation"), str(e["target"]), rules))
            for end in (str(e["source"]), str(e["target"])):
                if end in nodes:
                    nodes[end]["degree"] += 1
    return nodes, edges


def _prf(tp: int, npred: int, ngold: int) -> dict:
    p = tp / npred if npred else float(not ngold)
    r = tp / ngold if ngold else float(not npred)
    return {"gold": ngold, "pred": npred, "tp": tp, "p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def evaluate(graph_path, gold_paths) -> dict:
    gold_e, gold_r = load_gold(gold_paths)
    pred_n, pred_e = load_predicted(graph_path)
    # of equally good predicted nodes, the one with more links wins (as the reference scorer does)
    cands = sorted(((s, pid, gid) for pid, pn in pred_n.items() for gid, ge in gold_e.items()
                    if pn["type"] == ge["type"] and (s := _similarity(pn["type"], pn["names"], ge["names"])) > 0),
                   key=lambda c: (-c[0], -pred_n[c[1]]["degree"], c[1], c[2]))
    mapping, used = {}, set()
    for _, pid, gid in cands:
        if pid not in mapping and gid not in used:
            mapping[pid] = gid
            used.add(gid)
    out = {"entities": {}, "relations": {}}
    ct = cp = cg = 0
    for t in ENTITY_TYPES:
        ng = sum(g["type"] == t for g in gold_e.values())
        np_ = sum(p["type"] == t for p in pred_n.values())
        tp = sum(pred_n[p]["type"] == t for p in mapping)
        out["entities"][t] = _prf(tp, np_, ng)
        if t in CORE:
            ct, cp, cg = ct + tp, cp + np_, cg + ng
    out["entities"]["core (micro)"] = _prf(ct, cp, cg)
    pred_rules: dict[tuple[str, str, str], set[str]] = {}
    for s, r, t, rules in pred_e:
        pred_rules.setdefault(_key(mapping.get(s, "?" + s), r, mapping.get(t, "?" + t)), set()).update(rules)
    pred_keys = set(pred_rules)
    at = ap = ag = 0
    for rel in RELATIONS:
        g = {k for k in gold_r if k[1] == rel}
        p = {k for k in pred_keys if k[1] == rel}
        if g or p:
            out["relations"][rel] = _prf(len(g & p), len(p), len(g))
        at, ap, ag = at + len(g & p), ap + len(p), ag + len(g)
    out["relations"]["all (micro)"] = _prf(at, ap, ag)
    names = {gid: sorted(g["names"])[0] for gid, g in gold_e.items()}
    pnames = {pid: sorted(p["names"])[0] for pid, p in pred_n.items()}
    out["missed"] = sorted(f"{g['type']}: {names[gid]}" for gid, g in gold_e.items() if gid not in used)
    out["spurious"] = sorted(f"{p['type']}: {pnames[pid]}" for pid, p in pred_n.items() if pid not in mapping)
    out["missed_relations"] = sorted(" ".join(k) for k in gold_r - pred_keys)
    out["spurious_relations"] = sorted(" ".join(k) for k in pred_keys - gold_r)
    out["rules"] = _rule_counts(pred_rules, gold_r)
    return out


def _rule_counts(pred_rules: dict, gold_r: set) -> dict[str, dict]:
    """Per rule id: the links whose evidence names it, how many are in the gold, and how many are
    not: between two gold entities (a wrong link) or with an end the gold lacks (an entity error)."""
    out: dict[str, dict] = {}
    for key, rules in pred_rules.items():
        kind = "true" if key in gold_r else ("false_entity" if key[0][:1] == "?" or key[2][:1] == "?" else "false_link")
        for rid in rules or {""}:
            c = out.setdefault(rid or "(no rule)", {"links": 0, "true": 0, "false_link": 0, "false_entity": 0})
            c["links"] += 1
            c[kind] += 1
    for c in out.values():
        c["p"] = c["true"] / c["links"]
    return dict(sorted(out.items(), key=lambda kv: (-(kv[1]["false_link"] + kv[1]["false_entity"]), kv[0])))


def format_scores(result: dict, show_errors: bool = True) -> str:
    lines = []
    for section in ("entities", "relations"):
        lines.append(f"{section:<18} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}")
        for name, m in result[section].items():
            lines.append(f"  {name:<16} {m['gold']:>5} {m['pred']:>5} {m['tp']:>5} {m['p']:>6.3f} {m['r']:>6.3f} {m['f1']:>6.3f}")
    if result.get("rules"):
        lines.append(f"{'links by rule':<34} {'links':>5} {'true':>5} {'false':>5} {'(link':>6} {'entity)':>7} {'P':>6}")
        for rid, c in result["rules"].items():
            lines.append(f"  {rid:<32} {c['links']:>5} {c['true']:>5} {c['false_link'] + c['false_entity']:>5} "
                         f"{c['false_link']:>6} {c['false_entity']:>7} {c['p']:>6.3f}")
    if show_errors:
        for key in ("missed", "spurious", "missed_relations", "spurious_relations"):
            if result[key]:
                lines.append(f"{key.replace('_', ' ')} ({len(result[key])}):")
                lines += ["  " + x for x in result[key]]
    return "\n".join(lines)
