"""The report: a researcher's first questions answered from the graph — how much was read, when things
happened, who is most active, the strongest partnerships and the articles behind them, each country in
a few lines — as report.md (tables) and report.html (the same with charts, self-contained, offline).

`report_data` computes everything once; the two writers only lay it out. All text from the articles is
escaped (Markdown table pipes; HTML entities); the page has no script and loads nothing.
"""
from __future__ import annotations

import html
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath

import networkx as nx

from ..model import ENTITY_TYPES
from .vocab import relation_label, type_label

TOP = 15                     # bodies, countries and partnerships shown
COUNTRIES = 12               # countries given a summary
ARTICLES_PER_PAIR = 5        # articles listed under each partnership
PARTNER_TIES = frozenset({"cooperatesWith"})
SHARED_ROLES = {"Event": frozenset({"organized", "participatedIn", "funded"}),
                "Agreement": frozenset({"partyTo", "funded"})}
ACTORS = frozenset({"Organization", "Country"})
STRUCTURAL = frozenset({"partOf", "country", "basedIn"})      # a body's parent or country: not a partner


@dataclass
class Pair:
    """Two bodies (or countries) that work together: the articles stating a direct tie or a shared
    event or agreement."""
    a: str
    b: str
    docs: set = field(default_factory=set)
    direct: bool = False
    shared: set = field(default_factory=set)


@dataclass
class ReportData:
    types: Counter
    relations: Counter
    years: list[str]
    articles_per_year: dict[str, int]
    events_per_year: dict[str, int]
    bodies: list[tuple[str, int, int]]            # (node, articles, links)
    countries: list[tuple[str, int, int]]
    pairs: list[Pair]                             # the TOP strongest partnerships (see partnerships)
    country_summaries: list[dict]
    documents: dict
    skipped: list[tuple[str, str]]


def _label(g, n) -> str:
    return str(g.nodes[n].get("label", n))


def _year(date: str) -> str:
    date = str(date or "")
    return date[:4] if len(date) >= 4 and date[:4].isdigit() else ""


def _pair_rows(g: nx.MultiDiGraph, edges: list[tuple] | None = None):
    """Every partnership as (a, b, parts, direct, shared) with a < b, structural ties left out, grouped by
    `a`: the pairs of one body are gathered, yielded and forgotten before the next body's, so memory
    stays linear in the graph (a 10,000-article graph has ~10^6 pairs; holding them all took 1.5 GB).
    A pair's articles are the union of the sets in `parts` (see _docs), left unmerged: most pairs are only
    weighed against a bound (strongest_partnerships), and merging every pair's sets was most of the report's
    time. Plain lists while gathering (3 million visits of a pair there): a Pair is made only for the pairs kept."""
    nodes = g.nodes
    direct: dict[str, dict[str, set]] = {}
    structural = set()                                     # (u, v) of links that are structure, not partnership
    for u, v, k, d in g.edges(keys=True, data=True) if edges is None else edges:
        relation = d.get("relation", k)
        if relation in PARTNER_TIES and u != v:
            a, b = (u, v) if u <= v else (v, u)
            direct.setdefault(a, {}).setdefault(b, set()).update(str(e["doc"]) for e in d.get("evidence", ()))
        elif relation in STRUCTURAL:
            structural.add((u, v))
    members: dict[str, list[tuple[str, set]]] = {}        # event/agreement -> its participants, sorted
    shared_of: dict[str, list[tuple[str, int]]] = {}       # participant -> (event, its place in members)
    for x, xd in g.nodes(data=True):
        roles = SHARED_ROLES.get(xd.get("type"))
        if not roles:
            continue
        ins: dict[str, set] = {}       # each participant once, with the articles of all its ties to x
        for y, _, k, d in g.in_edges(x, keys=True, data=True):
            if d.get("relation", k) in roles and nodes[y].get("type") in ACTORS:
                ins.setdefault(y, set()).update(str(e["doc"]) for e in d.get("evidence", ()))
        if len(ins) > 1:
            members[x] = sorted(ins.items())
            for i, (y, _) in enumerate(members[x][:-1]):
                shared_of.setdefault(y, []).append((x, i))
    for a in sorted(set(direct) | set(shared_of)):
        local: dict[str, list] = {}                          # b -> [parts, direct, shared]
        for b, docs in direct.get(a, {}).items():
            local[b] = [[docs], True, []]
        get = local.get
        for x, i in shared_of.get(a, ()):
            m = members[x]
            d1 = m[i][1]
            for b, d2 in m[i + 1:]:
                p = get(b)
                if p is None:
                    local[b] = [[d1, d2], False, [x]]
                else:
                    p[0] += (d1, d2)
                    p[2].append(x)
        for b, (parts, is_direct, shared) in local.items():
            if (a, b) not in structural and (b, a) not in structural:
                yield a, b, parts, is_direct, shared


def _docs(parts: list[set]) -> set:
    """A pair's articles: the union of its parts (see _pair_rows)."""
    return set().union(*parts)


def _pair_stream(g: nx.MultiDiGraph):
    """Every partnership as a Pair (see _pair_rows)."""
    for a, b, parts, is_direct, shared in _pair_rows(g):
        yield Pair(a, b, _docs(parts), is_direct, set(shared))


def _labels(g: nx.MultiDiGraph) -> dict:
    return {n: str(d.get("label", n)) for n, d in g.nodes(data=True)}


def _pair_order(g: nx.MultiDiGraph):
    """Sort key of a Pair: most articles first, then direct ties, then by labels (and ids)."""
    labels = _labels(g)
    return lambda p: (-len(p.docs), -p.direct, labels[p.a], labels[p.b], p.a, p.b)


def partnerships(g: nx.MultiDiGraph) -> list[Pair]:
    """Pairs of bodies/countries with a direct cooperatesWith link or a shared event/agreement, strongest
    (most articles) first; a body's link to its own parent or country is structure, not partnership."""
    return sorted(_pair_stream(g), key=_pair_order(g))


def strongest_partnerships(g: nx.MultiDiGraph, n: int, wanted=(),
                           edges: list[tuple] | None = None) -> tuple[list[Pair], dict[str, list[str]]]:
    """(the first `n` of partnerships(g), and for each node of `wanted` the other end of each of its
    pairs in that order), without holding every pair at once (`edges`: list(g.edges(keys=True,
    data=True)), if already made)."""
    labels = _labels(g)
    best: list[tuple] = []
    bar = None                  # the n-th smallest key so far, once n are known: only smaller ones matter
    most = None                 # -(its number of articles): a pair with fewer cannot come before it
    partners: dict[str, list[tuple]] = {c: [] for c in wanted}
    for a, b, parts, is_direct, shared in _pair_rows(g, edges):
        if most is not None and -sum(map(len, parts)) > most and a not in partners and b not in partners:
            continue            # too few articles even counted with repeats: its sets need no merging
        docs = _docs(parts)
        fewer = most is not None and -len(docs) > most
        if fewer and a not in partners and b not in partners:
            continue
        key = (-len(docs), -is_direct, labels[a], labels[b], a, b)
        if not fewer and (bar is None or key < bar):
            best.append((key, (a, b, docs, is_direct, set(shared))))
            if len(best) >= 4 * n + 64:
                best.sort(key=lambda kp: kp[0])
                del best[n:]
                bar = best[-1][0] if len(best) == n else None
                most = bar[0] if bar is not None else None
        if a in partners:
            partners[a].append((key, b))
        if b in partners:
            partners[b].append((key, a))
    best.sort(key=lambda kp: kp[0])
    return ([Pair(*row) for _, row in best[:n]],
            {c: [o for _, o in sorted(rows)] for c, rows in partners.items()})


def _activity(g, etype: str) -> list[tuple[str, int, int]]:
    rows = [(n, len(d.get("docs", ())), g.degree(n)) for n, d in g.nodes(data=True) if d.get("type") == etype]
    rows.sort(key=lambda r: (-r[1], -r[2], _label(g, r[0]), r[0]))
    return rows


def _country_summary(g, c: str, pairs: list[Pair], partners: list[str] | None = None) -> dict:
    def sources(rel):
        return sorted((u for u, _, k, d in g.in_edges(c, keys=True, data=True) if d.get("relation", k) == rel),
                      key=lambda n: (_label(g, n), n))
    agreements = sorted((v for _, v, k, d in g.out_edges(c, keys=True, data=True) if d.get("relation", k) == "partyTo"),
                        key=lambda n: (_label(g, n), n))
    if partners is None:
        partners = [p.b if p.a == c else p.a for p in pairs if c in (p.a, p.b)]
    return {"node": c, "label": _label(g, c), "articles": len(g.nodes[c].get("docs", ())),
            "bodies": sources("country"), "offices": sources("basedIn"), "events": sources("heldIn"),
            "agreements": agreements, "partners": partners}


def in_graph(g: nx.MultiDiGraph, meta: dict) -> bool:
    """Whether an article gave the graph its nodes and links: on topic, or kept with --all-topics."""
    rel = meta.get("relevance")
    return not rel or rel.get("on_topic", True) or bool((g.graph.get("relevance") or {}).get("all_topics"))


def report_data(g: nx.MultiDiGraph, skipped=None, edges: list[tuple] | None = None) -> ReportData:
    """Every figure of both reports (`edges`: list(g.edges(keys=True, data=True)), if already made)."""
    edges = list(g.edges(keys=True, data=True)) if edges is None else edges
    docs = g.graph.get("documents", {})
    types = Counter(d.get("type") for _, d in g.nodes(data=True))
    rels = Counter(d.get("relation") for _, _, _, d in edges)
    art_years = Counter(_year(m.get("date", "")) for m in docs.values() if in_graph(g, m))
    ev_years = Counter(_year(d.get("date", "")) for _, d in g.nodes(data=True) if d.get("type") == "Event")
    years = sorted(y for y in set(art_years) | set(ev_years) if y)
    countries = _activity(g, "Country")
    top = [c for c, n, _ in countries[:COUNTRIES] if n]
    pairs, partners = strongest_partnerships(g, TOP, top, edges)
    return ReportData(types, rels, years, {y: art_years.get(y, 0) for y in years}, {y: ev_years.get(y, 0) for y in years},
                      _activity(g, "Organization"), countries, pairs,
                      [_country_summary(g, c, pairs, partners[c]) for c in top],
                      docs, [(_shown_path(p), r) for p, r in (skipped or [])])


def _shown_path(path: str) -> str:
    """A skipped file as the reader knows it: its name, not where the build machine keeps it."""
    return PurePath(str(path)).name or str(path)


def _articles_of(data: ReportData, ids) -> list[tuple[str, str, str]]:
    """(id, title, date) of articles, newest first."""
    rows = sorted((i, data.documents.get(i, {}).get("title", ""), data.documents.get(i, {}).get("date", "")) for i in ids)
    return sorted(rows, key=lambda r: r[2], reverse=True)      # stable: same date by id; undated ("") last


# --- Markdown ------------------------------------------------------------------------------------------

def _md(text) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _names(g, ids, n: int = 8) -> str:
    ids = list(ids)
    more = f" … (+{len(ids) - n})" if len(ids) > n else ""
    return ", ".join(_md(_label(g, i)) for i in ids[:n]) + more if ids else "—"


def generate_report(g: nx.MultiDiGraph, skipped: list[tuple[str, str]] | None = None,
                    data: ReportData | None = None) -> str:
    """report.md; `data` (report_data(g, skipped)) when the caller has it already."""
    data = data or report_data(g, skipped)
    lines = [f"# {_md(report_title(g))}", "",
             f"Knowledge graph report: {len(data.documents)} article(s) read, {len(data.skipped)} skipped; "
             f"{g.number_of_nodes()} entities, {g.number_of_edges()} links. "
             "report.html has the same with charts.", "", topic_line(g), ""]
    lines += ["## Entities per type", "", "| type | count |", "|---|---|"]
    lines += [f"| {t} ({type_label(t, 'vi')}) | {data.types.get(t, 0)} |" for t in ENTITY_TYPES]
    lines += ["", "## Links per relation", "", "| relation | meaning | count |", "|---|---|---|"]
    lines += [f"| {r} | {relation_label(r)} / {relation_label(r, 'vi')} | {c} |" for r, c in sorted(data.relations.items())]
    lines += ["", "## Articles and events per year", "", "| year | articles | events |", "|---|---|---|"]
    lines += [f"| {y} | {data.articles_per_year[y]} | {data.events_per_year[y]} |" for y in data.years] or ["| — | | |"]
    lines += ["", "## Most active bodies", "", "| organisation | articles | links |", "|---|---|---|"]
    lines += [f"| {_md(_label(g, n))} | {a} | {k} |" for n, a, k in data.bodies[:TOP]]
    lines += ["", "## Most active countries", "", "| country | articles | links |", "|---|---|---|"]
    lines += [f"| {_md(_label(g, n))} | {a} | {k} |" for n, a, k in data.countries[:TOP]]
    lines += ["", "## Strongest partnerships", "",
              "Pairs that cooperate directly (cooperatesWith) or meet at the same event or agreement, "
              "by the number of articles that say so.", ""]
    if not data.pairs:
        lines.append("- none")
    for p in data.pairs[:TOP]:
        how = "cooperate" if p.direct else "shared"
        shared = f"; shared: {_names(g, sorted(p.shared, key=lambda n: _label(g, n)), 3)}" if p.shared else ""
        lines.append(f"- **{_md(_label(g, p.a))} ↔ {_md(_label(g, p.b))}** — {len(p.docs)} article(s) ({how}{shared})")
        for i, title, date in _articles_of(data, sorted(p.docs))[:ARTICLES_PER_PAIR]:
            lines.append(f"  - {_md(date or 'undated')} · {_md(title or i)} (`{_md(i)}`)")
    lines += ["", "## Countries", ""]
    for c in data.country_summaries:
        lines.append(f"### {_md(c['label'])} — {c['articles']} article(s)")
        lines.append("")
        lines.append(f"- its bodies: {_names(g, c['bodies'])}")
        lines.append(f"- offices based there: {_names(g, c['offices'])}")
        lines.append(f"- events held there: {_names(g, c['events'])}")
        lines.append(f"- agreements it is party to: {_names(g, c['agreements'])}")
        lines.append(f"- partners: {_names(g, c['partners'])}")
        lines.append("")
    lines += [f"## Articles read ({len(data.documents)})", ""] + _md_articles(g, data)
    lines += ["", f"## Articles skipped ({len(data.skipped)})", ""]
    lines += [f"- `{_md(p)}`: {_md(r)}" for p, r in data.skipped] or ["- none"]
    return "\n".join(lines) + "\n"


def report_title(g: nx.MultiDiGraph) -> str:
    """The build's title (kg build --title; by default the topic's name)."""
    return str(g.graph.get("title") or "Knowledge graph")


def topic_line(g: nx.MultiDiGraph) -> str:
    """Which articles the graph holds: all of them, or those on the topic of rules/topic.tsv."""
    rel = g.graph.get("relevance") or {}
    if not rel.get("topic"):
        return "Every article is in the graph (the rules judge no topic)."
    on, off = rel.get("on_topic", 0), rel.get("off_topic", 0)
    kept = "all are in the graph (--all-topics)" if rel.get("all_topics") else f"the {on} on topic give the nodes and links"
    return f"{on} article(s) on topic ({rel['topic']}), {off} off topic: {kept}."


def topic_groups(g: nx.MultiDiGraph, data: ReportData) -> tuple[list, list, str]:
    """(on-topic articles, off-topic articles, what became of the off-topic ones), each article as
    (id, metadata, relevance), sorted by id."""
    rel = g.graph.get("relevance") or {}
    rows = [(i, m, m.get("relevance") or {}) for i, m in sorted(data.documents.items())]
    on = [r for r in rows if r[2].get("on_topic", True)]
    off = [r for r in rows if not r[2].get("on_topic", True)]
    how = ("kept in the graph (--all-topics)" if rel.get("all_topics") else "read, but they give no nodes or links")
    return on, off, (f"Their score is below the threshold ({rel.get('threshold', 0):g}, "
                     f"rules/topic_settings.tsv): {how}.")


def _md_articles(g: nx.MultiDiGraph, data: ReportData) -> list[str]:
    """The articles read: one table, or with a topic, those on topic (score) and those off (why)."""
    if not (g.graph.get("relevance") or {}).get("topic"):
        return (["| id | title | date |", "|---|---|---|"]
                + [f"| {_md(i)} | {_md(m.get('title', ''))} | {_md(m.get('date', ''))} |"
                   for i, m in sorted(data.documents.items())])
    on, off, how = topic_groups(g, data)
    lines = [f"### On topic ({len(on)})", ""]
    lines += ["| id | title | date | score |", "|---|---|---|---|"] if on else ["- none"]
    lines += [f"| {_md(i)} | {_md(m.get('title', ''))} | {_md(m.get('date', ''))} | {r.get('score', 0):g} |"
              for i, m, r in on]
    lines += ["", f"### Off topic ({len(off)})", ""]
    if not off:
        return lines + ["- none"]
    lines += [how, "", "| id | title | date | why |", "|---|---|---|---|"]
    lines += [f"| {_md(i)} | {_md(m.get('title', ''))} | {_md(m.get('date', ''))} | {_md(r.get('reason', ''))} |"
              for i, m, r in off]
    return lines


# --- HTML with charts ------------------------------------------------------------------------------------

CSS = """
body { font-family: 'DejaVu Sans', 'Noto Sans', 'Segoe UI', Arial, sans-serif; color: #222; max-width: 60rem;
       margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; } h3 { margin-bottom: .3rem; }
table { border-collapse: collapse; margin: .6rem 0; } td, th { border-bottom: 1px solid #eee; padding: .2rem .6rem;
text-align: left; vertical-align: top; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.chart svg { max-width: 100%; height: auto; } .muted { color: #666; } ul.articles { margin: .2rem 0 .8rem; }
"""


def _h(text) -> str:
    return html.escape(str(text), quote=True)


def _hnames(g, ids, n: int = 8) -> str:
    ids = list(ids)
    more = f" … (+{len(ids) - n})" if len(ids) > n else ""
    return ", ".join(_h(_label(g, i)) for i in ids[:n]) + more if ids else "—"


def _table(header, rows, numeric=()) -> str:
    head = "".join(f"<th>{_h(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td class=\"n\">{_h(c)}</td>" if i in numeric else f"<td>{_h(c)}</td>"
                                    for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def generate_report_html(g: nx.MultiDiGraph, skipped: list[tuple[str, str]] | None = None,
                         data: ReportData | None = None) -> str:
    """report.html; `data` (report_data(g, skipped)) when the caller has it already."""
    from .charts import bar_chart, year_chart
    data = data or report_data(g, skipped)
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "img-src data:\">",
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
           f"<title>{_h(report_title(g))}: report</title>", f"<style>{CSS}</style></head><body>",
           f"<h1>{_h(report_title(g))}</h1>",
           f"<p>Knowledge graph report: {len(data.documents)} article(s) read, {len(data.skipped)} skipped; "
           f"{g.number_of_nodes()} entities, {g.number_of_edges()} links. Open <code>graph.html</code> to explore "
           f"them.</p>", f"<p>{_h(topic_line(g))}</p>"]
    out.append("<h2>When</h2>")
    if data.years:
        out.append('<div class="chart">' + year_chart(data.years, {
            "articles": [data.articles_per_year[y] for y in data.years],
            "events": [data.events_per_year[y] for y in data.years]}, "Articles and events per year") + "</div>")
    else:
        out.append('<p class="muted">No article or event is dated.</p>')
    out.append("<h2>Who is most active</h2>")
    bodies = [b for b in data.bodies[:TOP] if b[1]]
    if bodies:
        out.append('<div class="chart">' + bar_chart([_label(g, n) for n, _, _ in bodies], [a for _, a, _ in bodies],
                                                    "Organisations by articles naming them", "articles") + "</div>")
    countries = [c for c in data.countries[:TOP] if c[1]]
    if countries:
        out.append('<div class="chart">' + bar_chart([_label(g, n) for n, _, _ in countries],
                                                    [a for _, a, _ in countries],
                                                    "Countries by articles naming them", "articles") + "</div>")
    out.append("<h2>Strongest partnerships</h2>")
    out.append("<p>Pairs that cooperate directly or meet at the same event or agreement, by the number of "
               "articles that say so, with those articles (newest first).</p>")
    top = data.pairs[:TOP]
    if top:
        out.append('<div class="chart">' + bar_chart([f"{_label(g, p.a)} ↔ {_label(g, p.b)}" for p in top[:10]],
                                                    [len(p.docs) for p in top[:10]], "Partnerships by articles",
                                                    "articles") + "</div>")
    for p in top:
        shared = f"; shared: {_hnames(g, sorted(p.shared, key=lambda n: _label(g, n)), 3)}" if p.shared else ""
        out.append(f"<h3>{_h(_label(g, p.a))} ↔ {_h(_label(g, p.b))}</h3>"
                   f"<p class=\"muted\">{len(p.docs)} article(s); {'cooperate directly' if p.direct else 'no direct link'}"
                   f"{shared}</p><ul class=\"articles\">")
        for i, title, date in _articles_of(data, sorted(p.docs))[:ARTICLES_PER_PAIR]:
            out.append(f"<li>{_h(date or 'undated')} · {_h(title or i)} <span class=\"muted\">({_h(i)})</span></li>")
        out.append("</ul>")
    if not top:
        out.append('<p class="muted">None found.</p>')
    out.append("<h2>Countries</h2>")
    for c in data.country_summaries:
        out.append(f"<h3>{_h(c['label'])} <span class=\"muted\">— {c['articles']} article(s)</span></h3><ul>")
        for name, key in (("its bodies", "bodies"), ("offices based there", "offices"), ("events held there", "events"),
                          ("agreements it is party to", "agreements"), ("partners", "partners")):
            out.append(f"<li>{name}: {_hnames(g, c[key])}</li>")
        out.append("</ul>")
    out.append("<h2>What was found</h2>")
    out.append(_table(["type", "loại", "count"], [(t, type_label(t, "vi"), data.types.get(t, 0)) for t in ENTITY_TYPES],
                      numeric=(2,)))
    out.append(_table(["relation", "meaning", "ý nghĩa", "count"],
                      [(r, relation_label(r), relation_label(r, "vi"), c) for r, c in sorted(data.relations.items())],
                      numeric=(3,)))
    out.append(f"<h2>Articles read ({len(data.documents)})</h2>")
    if (g.graph.get("relevance") or {}).get("topic"):
        on, off, how = topic_groups(g, data)
        out.append(f"<h3>On topic ({len(on)})</h3>")
        out.append(_table(["id", "title", "date", "score"], [(i, m.get("title", ""), m.get("date", ""),
                                                              f"{r.get('score', 0):g}") for i, m, r in on], numeric=(3,)))
        out.append(f"<h3>Off topic ({len(off)})</h3>")
        out.append(f"<p>{_h(how)}</p>" + _table(["id", "title", "date", "why"], [
            (i, m.get("title", ""), m.get("date", ""), r.get("reason", "")) for i, m, r in off]) if off else "<p>None.</p>")
    else:
        out.append(_table(["id", "title", "date"], [(i, m.get("title", ""), m.get("date", ""))
                                                     for i, m in sorted(data.documents.items())]))
    out.append(f"<h2>Articles skipped ({len(data.skipped)})</h2>")
    out.append(_table(["file", "reason"], data.skipped) if data.skipped else "<p>None.</p>")
    out.append("</body></html>\n")
    return "\n".join(out)
