"""Positions of the explorer's entities, computed once at build time so the page draws at once.

The SKELETON most important linked entities (what the overview shows) are laid out first, with
networkx's spring layout of a backbone of their strongest links, each tied to its group's centre,
and spread until two are never closer than a label's height; every other linked entity then grows
around the entities it is linked to, most important first; pieces they never reach are laid out
alone and packed in rows beside; unlinked entities go in a grid below. Deterministic: the same graph
and seed give the same integers, whatever PYTHONHASHSEED.
"""
from __future__ import annotations

import math

import networkx as nx

LAYOUT_SEED = 7
PX_PER_NODE = 110         # ~spacing between neighbouring nodes, in layout units
SPRING_MAX = 300          # pieces this big or bigger use the O(n) grid force layout
GAP = 1.5                 # between packed pieces, in node spacings
SKELETON = 400            # the most important entities, laid out first and spread for their labels
SKELETON_SPACING = 1.6    # least distance between two skeleton entities (x counts 0.7)
BACKBONE = 3              # links per skeleton entity kept for its layout


def _spread_layout(n: int, pairs: list[tuple[int, int]], seed: int, iterations: int = 30) -> list:
    """Fruchterman-Reingold in numpy with repulsion from grid-cell centroids: O(n*cells + m) a step,
    so 10,000 nodes lay out in about a second (networkx's own needs scipy above 500 nodes)."""
    import numpy as np
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    pos = rng.random((n, 2)) * side
    us = np.fromiter((a for a, _ in pairs), dtype=np.int64, count=len(pairs))
    vs = np.fromiter((b for _, b in pairs), dtype=np.int64, count=len(pairs))
    cells = 12
    temp = side / 8
    for step in range(iterations):
        lo = pos.min(axis=0)
        span = np.maximum(pos.max(axis=0) - lo, 1e-9)
        ij = np.minimum(((pos - lo) / span * cells).astype(np.int64), cells - 1)
        cell = ij[:, 0] * cells + ij[:, 1]
        count = np.bincount(cell, minlength=cells * cells)
        occ = count > 0
        w = count[occ].astype(np.float64)
        cx = (np.bincount(cell, pos[:, 0], cells * cells)[occ] / w).astype(np.float32)
        cy = (np.bincount(cell, pos[:, 1], cells * cells)[occ] / w).astype(np.float32)
        p32 = pos.astype(np.float32)
        dx = p32[:, 0:1] - cx[None, :]
        dy = p32[:, 1:2] - cy[None, :]
        f = dx * dx
        f += dy * dy
        f += np.float32(0.01)
        np.divide(w.astype(np.float32)[None, :], f, out=f)
        disp = np.stack([np.einsum("ij,ij->i", dx, f), np.einsum("ij,ij->i", dy, f)], axis=1).astype(np.float64)
        if len(pairs):
            d = pos[us] - pos[vs]
            pull = d * np.sqrt((d * d).sum(axis=1))[:, None]
            for axis in (0, 1):
                disp[:, axis] -= np.bincount(us, pull[:, axis], n)
                disp[:, axis] += np.bincount(vs, pull[:, axis], n)
        disp -= (pos - pos.mean(axis=0)) * (0.05 / side)
        length = np.maximum(np.sqrt((disp * disp).sum(axis=1)), 1e-9)[:, None]
        pos += disp / length * np.minimum(length, temp * (1 - step / iterations) + 0.05)
    return pos.tolist()


def _local_layout(members: list[int], pairs: list[tuple[int, int]], seed: int) -> list[tuple[float, float]]:
    """Positions of a set of nodes from the links among them, about one unit between neighbouring
    nodes, the lowest corner at (0, 0)."""
    n = len(members)
    if n <= 5:
        if n == 1:
            return [(0.0, 0.0)]
        r = 0.5 / math.sin(math.pi / n)
        return [(r + r * math.cos(2 * math.pi * k / n), r + r * math.sin(2 * math.pi * k / n)) for k in range(n)]
    local = {m: k for k, m in enumerate(members)}
    local_pairs = [(local[u], local[v]) for u, v in pairs]
    if n < SPRING_MAX:
        simple = nx.Graph()
        simple.add_nodes_from(range(n))
        simple.add_edges_from(local_pairs)
        layout = nx.spring_layout(simple, seed=seed, iterations=60)
        raw = [(float(layout[k][0]), float(layout[k][1])) for k in range(n)]
    else:
        raw = _spread_layout(n, local_pairs, seed)
    xs, ys = [p[0] for p in raw], [p[1] for p in raw]
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale, x0, y0 = 1.6 * math.sqrt(n) / extent, min(xs), min(ys)
    pts = [((x - x0) * scale, (y - y0) * scale) for x, y in raw]
    return _declutter(pts) if n < SPRING_MAX else pts


def _declutter(pts: list[tuple[float, float]], min_dist: float = 1.0, rounds: int = 40) -> list[tuple[float, float]]:
    """Push apart nodes closer than `min_dist` (one node spacing) so that labels stay readable;
    x counts 0.7 because labels are wider than tall. Stops once no pair is closer than 95 %."""
    import numpy as np
    pos = np.array(pts, dtype=np.float64)
    aspect = np.array([0.7, 1.0])
    for _ in range(rounds):
        d = (pos[:, None, :] - pos[None, :, :]) * aspect
        dist = np.sqrt((d * d).sum(axis=2))
        np.fill_diagonal(dist, np.inf)
        overlap = np.clip(min_dist - dist, 0, None)
        if overlap.max(initial=0.0) <= 0.05 * min_dist:
            break
        push = (d / np.maximum(dist, 1e-6)[:, :, None] * (overlap / 2)[:, :, None]).sum(axis=1) / aspect
        pos += push
    pos -= pos.min(axis=0)
    return [(float(x), float(y)) for x, y in pos]


def components(n: int, pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Connected components of nodes 0..n-1, each sorted (union-find: a networkx Graph of a large
    corpus takes longer to build than the whole layout)."""
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for u, v in pairs:
        ru, rv = root(u), root(v)
        if ru != rv:
            parent[ru] = rv
    groups: dict[int, list[int]] = {}
    for m in range(n):
        groups.setdefault(root(m), []).append(m)
    return list(groups.values())


def _skeleton_layout(skeleton: list[int], weights: dict[tuple[int, int], int], group_of: list[int],
                     seed: int) -> dict[int, tuple[float, float]]:
    """The most important entities laid out among themselves, then spread until two are never closer
    than about a label's height: these are what the overview shows. The layout is networkx's spring
    layout of a backbone of their links (each entity's BACKBONE strongest links to the others: in a
    dense corpus every hub links every other, and all links would pull them into one knot), each
    entity also tied to its group's centre so that groups gather. Pieces the backbone does not
    connect are laid out alone and packed in rows."""
    inside = {m: r for r, m in enumerate(skeleton)}
    strongest: dict[int, list[tuple[int, int, int]]] = {}
    for (a, b), w in weights.items():
        if a in inside and b in inside:
            strongest.setdefault(a, []).append((-w, inside[b], b))
            strongest.setdefault(b, []).append((-w, inside[a], a))
    simple = nx.Graph()
    simple.add_nodes_from(skeleton)
    for a, links in sorted(strongest.items()):
        for negw, _, b in sorted(links)[:BACKBONE]:
            simple.add_edge(a, b, weight=1.0 + math.log(-negw))
    for m in skeleton:
        if group_of[m] >= 0:
            simple.add_edge(m, -1 - group_of[m], weight=0.3)      # the group's centre: a negative id
    pieces = []
    for comp in nx.connected_components(simple):
        members = sorted((m for m in comp if m >= 0), key=inside.__getitem__)
        if members:
            # a piece built in the order of `simple` (a subgraph view may follow the set's order)
            piece = nx.Graph()
            piece.add_nodes_from(m for m in simple if m in comp)
            piece.add_edges_from((u, v, d) for u, v, d in simple.edges(data=True) if u in comp)
            pieces.append((members, _spread_piece(piece, members, seed)))
    pieces.sort(key=lambda p: (-len(p[0]), inside[p[0][0]]))
    boxes = [(members, pts, max(x for x, _ in pts), max(y for _, y in pts)) for members, pts in pieces]
    return dict(_pack(boxes))


def _spread_piece(graph: nx.Graph, members: list[int], seed: int) -> list[tuple[float, float]]:
    """Spring layout of one connected piece of the skeleton, scaled so that its entities sit about
    SKELETON_SPACING apart and pushed apart where they are closer; lowest corner at (0, 0)."""
    import numpy as np
    if len(members) == 1:
        return [(0.0, 0.0)]
    pos = nx.spring_layout(graph, seed=seed, iterations=100, weight="weight")
    pts = np.array([pos[m] for m in members], dtype=np.float64)
    d = np.sqrt(((pts[:, None, :] - pts[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(d, np.inf)
    # scaled for the typical entity (median nearest neighbour), not the densest: scaling until the
    # tightest knot is spread would fling the loosely tied ones far out; the knot is spread next
    close = float(np.median(d.min(axis=1)))
    pts *= 1.2 * SKELETON_SPACING / max(close, 1e-9)
    return _declutter([(float(x), float(y)) for x, y in pts], min_dist=SKELETON_SPACING, rounds=200)


def _pack(boxes) -> list[tuple[int, tuple[float, float]]]:
    """Boxes (members, points from (0, 0), width, height) placed in rows, in the order given."""
    area = sum((w + GAP) * (h + GAP) for _, _, w, h in boxes)
    row_width = max(boxes[0][2] if boxes else 0.0, 1.2 * math.sqrt(area), 8.0)
    out = []
    x = y = row_height = 0.0
    for members, pts, w, h in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + GAP, 0.0
        out.extend((m, (x + px, y + py)) for m, (px, py) in zip(members, pts))
        x += w + GAP
        row_height = max(row_height, h)
    return out


def _grow(placed: dict[int, tuple[float, float]], rest: list[int], neighbours: dict[int, list[tuple[int, int]]]):
    """Place each remaining entity, most important first, beside the entities already placed that it
    is linked to (their weighted centre), on a sunflower spiral around its strongest link so that
    the many small partners of a hub ring it instead of piling up."""
    golden = math.pi * (3 - math.sqrt(5))
    around: dict[int, int] = {}
    waiting = list(rest)
    while waiting:
        later = []
        for m in waiting:
            near = [(o, w) for o, w in neighbours.get(m, ()) if o in placed]
            if not near:
                later.append(m)
                continue
            total = sum(w for _, w in near)
            cx = sum(placed[o][0] * w for o, w in near) / total
            cy = sum(placed[o][1] * w for o, w in near) / total
            anchor = max(near, key=lambda ow: (ow[1], -ow[0]))[0]
            k = around.get(anchor, 0)
            around[anchor] = k + 1
            r = 0.9 + 0.55 * math.sqrt(k + 1)
            angle = k * golden + (anchor % 97) * 0.37
            placed[m] = (cx + r * math.cos(angle), cy + r * math.sin(angle))
        if len(later) == len(waiting):
            break
        waiting = later
    return waiting


def positions(n: int, pairs: list[tuple[int, int]], group_of: list[int] | None = None,
              order: list[int] | None = None, seed: int = LAYOUT_SEED,
              weights: dict[tuple[int, int], int] | None = None) -> list[tuple[int, int]]:
    """Integer positions of nodes 0..n-1 linked by `pairs` (i < j), most important first in `order`.

    The SKELETON most important linked entities are laid out first and spread for their labels (the
    overview); the other linked entities grow around them; components they do not reach are laid
    out alone and packed in rows beside; unlinked entities go in a grid below."""
    group_of = group_of if group_of is not None else [-1] * n
    order = order if order is not None else list(range(n))
    weights = weights if weights is not None else {p: 1 for p in pairs}
    neighbours: dict[int, list[tuple[int, int]]] = {}
    for (a, b), w in sorted(weights.items()):
        neighbours.setdefault(a, []).append((b, w))
        neighbours.setdefault(b, []).append((a, w))
    linked = [i for i in order if i in neighbours]
    placed: dict[int, tuple[float, float]] = {}
    boxes = []
    if linked:
        placed = _skeleton_layout(linked[:SKELETON], weights, group_of, seed)
        left = set(_grow(placed, linked[SKELETON:], neighbours))
        x0, y0 = min(p[0] for p in placed.values()), min(p[1] for p in placed.values())
        x1, y1 = max(p[0] for p in placed.values()), max(p[1] for p in placed.values())
        main = sorted(placed)
        boxes.append((main, [(placed[m][0] - x0, placed[m][1] - y0) for m in main], x1 - x0, y1 - y0))
        rest_pairs = [p for p in pairs if p[0] in left]
        comps = sorted((c for c in components(n, rest_pairs) if c[0] in left), key=lambda c: (-len(c), c[0]))
        comp_of = {m: k for k, c in enumerate(comps) for m in c}
        comp_pairs: list[list] = [[] for _ in comps]
        for p in rest_pairs:
            comp_pairs[comp_of[p[0]]].append(p)
        for members, cp in zip(comps, comp_pairs):
            pts = _local_layout(members, cp, seed)
            boxes.append((members, pts, max(p[0] for p in pts), max(p[1] for p in pts)))
    out: list[tuple[float, float]] = [(0.0, 0.0)] * n
    for m, p in _pack(boxes):
        out[m] = p
    alone = [i for i in order if i not in neighbours]
    if alone:
        width = max((p[0] for p in out), default=0.0) if boxes else math.sqrt(len(alone)) * 1.6
        top = (max(p[1] for p in out) + 3 * GAP) if boxes else 0.0
        per_row = max(1, int(width // 1.6) + 1)
        for k, i in enumerate(alone):
            out[i] = ((k % per_row) * 1.6, top + (k // per_row) * 1.0)
    if not out:
        return []
    cx = (max(p[0] for p in out) + min(p[0] for p in out)) / 2
    cy = (max(p[1] for p in out) + min(p[1] for p in out)) / 2
    return [(round((px - cx) * PX_PER_NODE), round((py - cy) * PX_PER_NODE)) for px, py in out]
