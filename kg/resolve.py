"""Mentions -> Entities and Relations: one node per real-world entity across the corpus.

Merges gazetteer ids, acronyms in parentheses, case/spelling variants, foreign-qualified bodies,
and near-identical agreement and event titles (the same event reported by two outlets)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from collections import defaultdict
from collections.abc import Callable, Iterable

from .extract.lexicon import Lexicon
import dataclasses

from .model import (ArticleFacts, Entity, Evidence, Extraction, LinkFact, MentionFact, Relation,
                    SYMMETRIC_RELATIONS, mention_key)
from .text import norm_key, slug

FUZZY_TYPES = ("Agreement", "Event")
_norm = lru_cache(maxsize=1 << 16)(norm_key)
_KEPT_ATTRS = frozenset(("country", "date", "place", "canonical", "sig"))
JACCARD_MIN = 0.6


@lru_cache(maxsize=65536)
def _tokens(text: str) -> frozenset[str]:
    return frozenset(t for t in re.split(r"[\W_]+", norm_key(text)) if t)


# an ordinal spelled out ("lần thứ năm", the fifth) is the number it spells: "lần thứ 3" is another meeting
_ORDINALS = {"nhất": "1", "hai": "2", "ba": "3", "tư": "4", "bốn": "4", "năm": "5", "sáu": "6", "bảy": "7",
             "tám": "8", "chín": "9", "mười": "10"}


@lru_cache(maxsize=65536)
def _distinctive(text: str) -> frozenset[str]:
    """Proper-name and number tokens after the first word ("… Việt Nam và Campuchia", "2021-2025"), and the
    ordinal after "thứ" as its number ("lần thứ năm" = 5)."""
    words = [w for w in re.split(r"[\W_]+", unicodedata.normalize("NFC", text)) if w][1:]
    out = {w.casefold() for w in words if w[0].isupper() or any(map(str.isdigit, w))}
    out.update(_ORDINALS[w.casefold()] for prev, w in zip(words, words[1:])
               if prev.casefold() == "thứ" and w.casefold() in _ORDINALS)
    return frozenset(out)


@lru_cache(maxsize=65536)
def _head(text: str) -> str:
    return norm_key(text.split()[0]) if text.split() else ""


def same_title(a: str, b: str) -> bool:
    """Two agreement/event titles name the same thing: high token overlap, no clashing proper names."""
    if _head(a) != _head(b):
        return False                        # a law is never a programme: the head noun must agree
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb or len(ta & tb) < _min_overlap(ta, tb) * len(ta | tb):
        return False
    da, db = _distinctive(a), _distinctive(b)
    return not (da - db and db - da)


def _sentence_evidence(ex: Extraction) -> Callable[[int, str], Evidence]:
    """evidence(sentence index, rule) for one article, each sentence's raw offsets looked up once."""
    doc = ex.doc
    spans: dict[int, tuple[str, int, int]] = {}
    made: dict[tuple[int, str], Evidence] = {}

    def evidence(i: int, rule: str) -> Evidence:
        ev = made.get((i, rule))
        if ev is None:
            span = spans.get(i)
            if span is None:
                s = doc.sentences[i]
                span = spans[i] = (s.text, doc.raw_offset(s.start), doc.raw_offset(s.end))
            ev = made[(i, rule)] = Evidence(doc.id, *span, rule)
        return ev
    return evidence


class _UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def summarize(ex: Extraction) -> ArticleFacts:
    """The per-article half of resolution: each mention's provisional key, surface forms, declared
    aliases, attributes and evidence, and each link between keys. Runs where the article was
    extracted (a pool worker), so only these facts travel to the build process."""
    sentence_evidence = _sentence_evidence(ex)
    same = {}.setdefault      # one object per distinct key: pickled once, unpickled once
    mentions: list[MentionFact] = []
    for m in ex.mentions:
        ma: dict[str, str] = {}
        for a, v in m.attrs:
            ma.setdefault(a, v)
        surfaces: list[str] = []
        if not ma.get("anaphor") and not ma.get("distributed") and not ma.get("trigger"):
            # "hội thảo" points back; "Quốc phòng" in "các Bộ: Quốc phòng, …" is a name only with the
            # shared head; an event told by a verb ("triệt phá") is named by its clause, not its verb
            surfaces.append(m.text)
        alias_keys: list[str] = []
        for extra in ma.get("aliases", "").split("|"):
            if extra:
                surfaces.append(extra)
                if not ma.get("bare"):
                    alias_keys.append(f"{m.type}|{_norm(extra)}")
        kept = tuple((a, v) for a, v in m.attrs if v and a in _KEPT_ATTRS)
        k = mention_key(m)
        mentions.append((same(k, k), m.type, tuple(surfaces), tuple(alias_keys), kept,
                         sentence_evidence(m.sentence, m.rule)))
    links: list[LinkFact] = []
    for rm in ex.relations:
        ks, kt = mention_key(rm.source), mention_key(rm.target)
        links.append((same(ks, ks), rm.relation, same(kt, kt), sentence_evidence(rm.sentence if rm.sentence >= 0 else rm.source.sentence, rm.rule)))
    light = dataclasses.replace(ex.doc, text="", sentences=(), raw_offsets=())
    return ArticleFacts(light, tuple(mentions), tuple(links))


def resolve(extractions: Iterable[Extraction], lexicon: Lexicon) -> tuple[list[Entity], list[Relation]]:
    """Merge the mentions of all documents into entities, and their relation mentions into relations."""
    return resolve_facts([summarize(ex) for ex in extractions], lexicon)


def resolve_facts(facts: Iterable[ArticleFacts], lexicon: Lexicon) -> tuple[list[Entity], list[Relation]]:
    """The corpus-wide half of resolution, over every article's summarized facts."""
    facts = sorted(facts, key=lambda f: f.doc.id)
    uf = _UnionFind()
    surfaces: dict[str, set[str]] = defaultdict(set)
    types: dict[str, str] = {}
    attrs: dict[str, dict[str, str]] = defaultdict(dict)
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    alias_of: dict[str, str] = {}          # norm alias -> key (from parentheses / gazetteer)

    local_keys = {f.doc.id: _periodic_keys(f, lexicon) for f in facts}
    for f in facts:
        local = local_keys[f.doc.id]
        for k, etype, forms, alias_keys, kept, ev in f.mentions:
            if local:                   # (most articles have no periodic meeting)
                k = _local(k, f.doc.id, local)
            if k not in types:
                types[k] = etype
                uf.parent[k] = k
            surfaces[k].update(forms)
            for alias in alias_keys:
                alias_of.setdefault(alias, k)
            for a, v in kept:
                had = attrs[k].setdefault(a, v)
                if a == "canonical" and etype == "Organization" and had != v and _best_label({had, v}) == v:
                    attrs[k][a] = v         # "ĐSQ Việt Nam tại Hà Lan", then "Đại sứ quán …": the fullest name
            evidence[k].append(ev)

    # Acronyms and aliases declared anywhere resolve bare uses elsewhere ("IOM" -> Tổ chức Di cư quốc tế).
    for k in sorted(types):
        if not k.startswith(tuple(f"{t}|" for t in ("Organization", "Agreement", "Location"))):
            continue
        target = alias_of.get(k)
        if target and uf.find(target) != uf.find(k):
            uf.union(target, k)

    _merge_same_names(types, surfaces, attrs, lexicon, {f.doc.id for f in facts}, uf)
    glue = _party_glue(lexicon)
    for f in facts:
        _merge_agreement_wordings(f, surfaces, uf, glue)

    # Case/spelling variants are already merged by norm_key; near-identical titles merge here.
    by_type: dict[str, list[str]] = defaultdict(list)
    for k, t in sorted(types.items()):
        if t in FUZZY_TYPES and k.count("|") == 1:
            by_type[t].append(k)
    for t, keys in by_type.items():
        _merge_similar_titles(keys, surfaces, attrs, uf)
    _merge_event_signatures(types, attrs, uf)

    groups: dict[str, list[str]] = defaultdict(list)
    for k in types:
        groups[uf.find(k)].append(k)

    entities: list[Entity] = []
    key_to_id: dict[str, str] = {}
    used_ids: set[str] = set()
    next_n: dict[str, int] = {}            # base -> where the search for its next free "base-N" starts
    for root in sorted(groups):
        members = sorted(groups[root])
        etype = types[root]
        names: set[str] = set()
        merged_attrs: dict[str, str] = {}
        ev: list[Evidence] = []
        for k in members:
            names |= surfaces[k]
            for a, v in attrs[k].items():
                merged_attrs.setdefault(a, v)
            ev += evidence[k]
        gaz = next((lexicon.entries[k] for k in members if k in lexicon.entries), None)
        if gaz:
            label = gaz.name
            names |= set(gaz.aliases)
            for a, v in gaz.attrs:
                if a in ("iso", "wikidata", "kind"):
                    merged_attrs[a] = v
                elif a == "country" and v in lexicon.entries:
                    merged_attrs.setdefault("country", lexicon.entries[v].name)
            merged_attrs["gazetteer"] = gaz.rule
            base = gaz.key
        else:
            label = merged_attrs.pop("canonical", "") or _best_label(names)
            base = slug(label)
            if etype == "Event":
                base = "ev-" + (merged_attrs.get("date", "") + "-" if merged_attrs.get("date") else "") + base
                if root.count("|") == 2:      # a bare, per-article event: keep it per article
                    base = f"{base}-{slug(root.split('|')[1], 24)}"
        merged_attrs.pop("canonical", None)
        merged_attrs.pop("sig", None)
        eid = base
        if eid in used_ids:
            eid = f"{base}-{slug(etype)}"
        if eid in used_ids:
            # the first free "base-N" from N = 2; ids are only ever added, so the search goes on where
            # the last one for this base stopped (a title shared by thousands of events: not quadratic)
            n = next_n.get(base, 2)
            while f"{base}-{n}" in used_ids:
                n += 1
            eid, next_n[base] = f"{base}-{n}", n + 1
        used_ids.add(eid)
        for k in members:
            key_to_id[k] = eid
        names = {unicodedata.normalize("NFC", x).strip() for x in names if x.strip()}
        entities.append(Entity(eid, label, etype, tuple(sorted(names - {label})),
                               tuple(sorted(merged_attrs.items())), tuple(ev)))

    rel_ev: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for f in facts:
        local = local_keys[f.doc.id]
        for ks, relation, kt, ev in f.links:
            if local:
                ks, kt = _local(ks, f.doc.id, local), _local(kt, f.doc.id, local)
            s, t = key_to_id.get(ks), key_to_id.get(kt)
            if not s or not t or s == t:
                continue
            if relation in SYMMETRIC_RELATIONS and t < s:
                s, t = t, s
            rel_ev[(s, relation, t)].append(ev)
    relations = [Relation(s, r, t, tuple(ev)) for (s, r, t), ev in _sorted_links(rel_ev)]
    return entities, relations


def _sorted_links(rel_ev: dict) -> list:
    """sorted(rel_ev.items()) by their (source, relation, target) keys, each compared as one string, its
    parts joined by NUL: the same order when no part holds a NUL (else the tuples are sorted). Comparing
    140,000 tuples took 0.4 s of the serial stage at 10,000 articles, the strings a third of it."""
    if "\0".join(["\0".join(k) for k in rel_ev]).count("\0") != 3 * len(rel_ev) - 1:
        return sorted(rel_ev.items())
    return sorted(rel_ev.items(), key=lambda kv: "\0".join(kv[0]))


def _periodic_keys(f: ArticleFacts, lexicon: Lexicon) -> frozenset[str]:
    """The events of an article named by a periodic meeting that every body holds and no proper name
    ("Hội nghị sơ kết công tác 6 tháng đầu năm": events.tsv specifier/periodic): each article's is its
    own event, not one across articles by title (two ministries' reviews are two meetings)."""
    words = getattr(lexicon, "periodic_events", ())
    if not words:
        return frozenset()
    out = set()
    for k, etype, forms, _, _, _ in f.mentions:
        if etype == "Event" and k.count("|") == 1 and any(_generic_periodic(x, words) for x in forms):
            out.add(k)
    return frozenset(out)


def _generic_periodic(title: str, words: tuple[str, ...]) -> bool:
    low = " " + " ".join(title.lower().split()) + " "
    return any(f" {w} " in low for w in words) and not any(t[:1].isupper() for t in title.split()[1:])


def _local(k: str, doc: str, local: frozenset[str]) -> str:
    return f"Event|{doc}|{k[len('Event|'):]}" if k in local else k


def _merge_same_names(types: dict[str, str], surfaces: dict[str, set[str]], attrs: dict, lexicon: Lexicon,
                      doc_ids: set[str], uf: "_UnionFind") -> None:
    """One body, one node: bodies whose names read the same are one, however their keys were made
    ("Cảnh sát Hoàng gia Malaysia" keyed by its body and its country in one sentence, by its full
    name in another; "Công an TP.Biên Hòa" and "Công an TP Biên Hòa"), except a body an article names
    without its place, which stays that article's own."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for k in sorted(types):
        if types[k] != "Organization":
            continue
        parts = k.split("|")
        if len(parts) > 2 and parts[1] in doc_ids:
            continue
        gaz = lexicon.entries.get(k)
        name = gaz.name if gaz else (attrs[k].get("canonical") or _best_label(surfaces[k]))
        # (punctuation aside: "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Lao động - Thương binh và Xã hội")
        by_name[" ".join(re.sub(r"[.,;:\-–—]", " ", _norm(name)).split())].append(k)
    for keys in by_name.values():
        for k in keys[1:]:
            if uf.find(k) != uf.find(keys[0]):
                uf.union(keys[0], k)


def _party_glue(lexicon: Lexicon) -> frozenset[str]:
    """The words that say how an agreement's parties are named, not what it is about ("giữa Chính phủ nước … và
    … về"): governments.tsv words, cues.tsv country/linker and of, cooperatesWith/between and partner, list/and, topic."""
    cues = lexicon.cues
    words = [*lexicon.government_words, *lexicon.country_links, *lexicon.and_words, *(" ".join(t) for t in lexicon.topics),
             *(c for c, _, role in cues.get("cooperatesWith", ()) if role in ("between", "partner"))]
    return frozenset(t for w in words for t in _tokens(w))


def _merge_agreement_wordings(f: ArticleFacts, surfaces: dict[str, set[str]], uf: "_UnionFind",
                              glue: frozenset[str]) -> None:
    """One article may name one agreement in two wordings: "Hiệp định phòng, chống mua bán người giữa Việt
    Nam và Lào" (a headline) and "Hiệp định giữa Chính phủ nước CHXHCN Việt Nam và Chính phủ nước CHDCND Lào
    về hợp tác phòng, chống mua bán người …". Two agreements of one head noun, with the same two parties or
    more (their partyTo links in the article) and no clashing numbers, are one when what the shorter says it
    is about (its words, less its parties' names and the words that name them) is all in the longer."""
    parties: dict[str, set[str]] = defaultdict(set)
    for ks, rel, kt, _ in f.links:
        if rel == "partyTo" and kt.startswith("Agreement|"):
            parties[kt].add(ks)
    cands = sorted(k for k, p in parties.items() if len(p) >= 2)
    if len(cands) < 2:
        return
    def topic(k: str) -> tuple[str, frozenset[str], frozenset[str], bool]:
        title = max(surfaces[k], key=len)
        words = _tokens(title)
        named = [set().union(*(_tokens(x) for x in surfaces.get(p, ()))) for p in sorted(parties[k])]
        names = set().union(*named)
        return (_head(title), frozenset(words - names - glue - {_head(title)}), _numbers(title),
                all(n & words for n in named))
    seen = {k: topic(k) for k in cands}
    for i, a in enumerate(cands):
        for b in cands[i + 1:]:
            (ha, ta, na, named_a), (hb, tb, nb, named_b) = seen[a], seen[b]
            # (both titles must name every party: a series of joint statements between the same two states,
            # named by their themes, are different documents)
            if ha != hb or parties[a] != parties[b] or (na and nb and na != nb) or not (named_a and named_b):
                continue
            small, large = sorted((ta, tb), key=len)
            if len(small) >= 3 and len(small & large) >= 0.8 * len(small):
                uf.union(a, b)


def _numbers(title: str) -> frozenset[str]:
    return frozenset(re.findall(r"\d+", title))


def _merge_similar_titles(keys: list[str], surfaces: dict[str, set[str]], attrs: dict, uf: "_UnionFind") -> None:
    """Union the keys whose titles name the same agreement or event (see same_title), on dates
    that do not clash. Titles are compared only within one head noun, and only when two filters
    that never drop a match let them through:
    - prefix filtering: two token sets with Jaccard >= t share one of the |x| - ceil(t|x|) + 1
      rarest tokens of x;
    - distinctive names: "Hiệp định giữa Việt Nam và Lào" and "… giữa Việt Nam và Campuchia" share
      most tokens but clash on a proper name. A match needs one title's names to include the
      other's: y contains x's rarest name, or y's rarest name is one of x's (or y has none).
    Candidates are gathered with set operations; only they are checked in Python."""
    import math
    pairs: list[tuple[str, str, str, str]] = []       # (key, title, key, title) of matching titles
    by_head: dict[str, list[tuple[str, frozenset[str], str]]] = defaultdict(list)
    for k in keys:
        for x in sorted(surfaces[k]):
            ts = _tokens(x)
            if ts:
                by_head[_head(x)].append((k, ts, x))
    for items in by_head.values():
        df: dict[str, int] = defaultdict(int)
        for _, ts, _ in items:
            for tok in ts:
                df[tok] += 1
        names_df: dict[str, int] = defaultdict(int)
        for _, _, x in items:
            for n in _distinctive(x):
                names_df[n] += 1
        index: dict[str, list[int]] = defaultdict(list)       # prefix token -> earlier items
        by_name: dict[str, list[int]] = defaultdict(list)     # distinctive name -> earlier items
        by_rarest: dict[str, list[int]] = defaultdict(list)   # rarest distinctive name -> earlier items
        nameless: list[int] = []                              # earlier items without one
        for i, (k, ts, x) in enumerate(items):
            order = sorted(ts, key=lambda tok: (df[tok], tok))
            prefix = order[:len(order) - math.ceil(JACCARD_MIN * len(order)) + 1]
            da = _distinctive(x)
            rarest = min(da, key=lambda n: (names_df[n], n)) if da else ""
            cands = set().union(*[index[tok] for tok in prefix if tok in index])
            if da and cands:
                cands &= set(nameless).union(by_name.get(rarest, ()), *[by_rarest[n] for n in da if n in by_rarest])
            date_k = attrs[k].get("date", "")
            for j in sorted(cands):
                k2, ts2, x2 = items[j]
                if k2 == k:
                    continue
                if not (JACCARD_MIN * len(ts) <= len(ts2) <= len(ts) / JACCARD_MIN):
                    continue
                if len(ts & ts2) < JACCARD_MIN * len(ts | ts2):
                    continue
                date_2 = attrs[k2].get("date", "")
                if date_k and date_2 and date_k[:len(date_2)] != date_2[:len(date_k)]:
                    continue
                db = _distinctive(x2)
                if not (da - db and db - da) and len(ts & ts2) >= _min_overlap(ts, ts2) * len(ts | ts2):
                    pairs.append((k, x, k2, x2))
            for tok in prefix:
                index[tok].append(i)
            for n in da:
                by_name[n].append(i)
            if da:
                by_rarest[rarest].append(i)
            else:
                nameless.append(i)
    union_title_pairs(pairs, uf)


def union_title_pairs(pairs, uf: "_UnionFind") -> None:
    """Merge matching titles, except through an ambiguous one: "Luật Du lịch" matches both "Luật Du
    lịch 2005" and "Luật Du lịch 2017", which clash; it joins neither, so the two laws stay two.
    The result does not depend on the order of the pairs."""
    matched: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[frozenset[str]]] = defaultdict(set)
    for k, x, k2, x2 in pairs:
        if k != k2:
            matched[k].add(k2)
            matched[k2].add(k)
            names[k2].add(_distinctive(x2))
            names[k].add(_distinctive(x))
    def ambiguous(k: str) -> bool:
        seen = [d for other in matched[k] for d in names[other]]
        return any(a - b and b - a for a in seen for b in seen)
    hubs = {k for k in matched if ambiguous(k)}
    for k, _, k2, _ in sorted(pairs):
        if k not in hubs and k2 not in hubs:
            uf.union(k, k2)


def _min_overlap(ta: frozenset[str], tb: frozenset[str]) -> float:
    """Short titles differ by one word in a fifth of their tokens ("Bộ luật Dân sự", "Bộ luật Hình
    sự"): below six tokens, two titles are one only if they share three quarters of their words."""
    return 0.75 if min(len(ta), len(tb)) < 6 else JACCARD_MIN


def _merge_event_signatures(types: dict[str, str], attrs: dict, uf: "_UnionFind") -> None:
    """Events told by a verb are kept per article; two of them are one event when their signature
    (extract/events.py: a visit's visitor and host, the sides of talks, an operation's group,
    acting body and day) is the same and their dates do not clash (two outlets, one event)."""
    by_sig: dict[str, list[str]] = defaultdict(list)
    for k in sorted(types):
        if types[k] == "Event" and attrs[k].get("sig"):
            by_sig[attrs[k]["sig"]].append(k)
    for keys in by_sig.values():
        for i, k in enumerate(keys):
            dk = attrs[k].get("date", "")
            for k2 in keys[:i]:
                d2 = attrs[k2].get("date", "")
                if not (dk and d2 and dk[:len(d2)] != d2[:len(dk)]):
                    uf.union(k2, k)
                    break


def _best_label(names: set[str]) -> str:
    """The fullest surface form: longest, then with the most capitals, then alphabetical."""
    if len(names) <= 1:
        return [*names][0]
    # capitals are counted only among the longest (the first key decides the rest)
    longest = max(map(len, names))
    return min((n for n in names if len(n) == longest), key=lambda n: (-sum(c.isupper() for c in n), n))
