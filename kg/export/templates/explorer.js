/* kg graph explorer. It draws the pyvis-style node and edge records of the page's data on a canvas,
   at positions computed at build time, decides what is shown (overview, filters, focus, paths,
   groups, period) and fills the panels. Every string from the articles reaches the
   page through textContent, SVG text nodes or the canvas, never through innerHTML. */
(function () {
  "use strict";
  var timings = { scriptStart: performance.now() };
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = data.nodes, edges = data.edges, nodeInfo = data.nodeInfo, edgeInfo = data.edgeInfo;
  var docs = data.documents, sentences = data.sentences, groups = data.groups, legend = data.legend;
  var order = data.order;
  timings.parsed = performance.now();
  var N = nodes.length, E = edges.length;
  var byId = function (id) { return document.getElementById(id); };
  var DIM_NODE = "#dcdcdc", DIM_EDGE = "#ececec", OTHER_GROUP = "#a0a0a0";
  var BACKBONE = 3, EVIDENCE_SHOWN = 10, MAX_LABELS = 350, MAX_MATCHES_SHOWN = 200, RESULTS_SHOWN = 30, PARTNERS_SHOWN = 30;
  var LABEL_FONT = "DejaVu Sans, Noto Sans, Segoe UI, Arial, sans-serif";

  /* ---------------------------------------------------------------- languages */
  var STRINGS = {
    en: {
      title: "Anti-trafficking cooperation", search: "Search an entity (accents optional)",
      searchPlaceholder: "e.g. bo cong an", overview: "Overview", topN: "Most important entities",
      minArticles: "Named in at least … articles", unlinked: "show entities without links",
      allLinks: "all links between them (else each one's 3 strongest)",
      colourBy: "Colour by", byGroup: "group", byType: "type", groups: "Groups that work together",
      groupsHint: "Click a name to see the group; collapse it to one node.", types: "Entity types",
      relations: "Relations", period: "Period (event or article date)", from: "from", to: "to",
      undated: "include undated", view: "View", fit: "Fit to screen", reset: "Reset",
      download: "Download what is shown", dlNodes: "Entities (CSV)", dlEdges: "Links and evidence (CSV)",
      dlGraphml: "Graph (GraphML)",
      hint: "Shape = type, size = number of links. Hover for a summary; click an entity or a link for its evidence.",
      timeline: "Articles and events by month", clearPeriod: "Clear period",
      detailsHint: "Click an entity or a link to see its names, partners and the sentences it comes from.",
      status: "{shown} of {total} entities, {links} of {totalLinks} links shown", matching: "{n} matching",
      noMatch: "No entity matches.", type: "Type", id: "Id", articles: "Articles", links: "Links",
      firstSeen: "First seen", lastSeen: "Last seen", group: "Group", alsoCalled: "Also called",
      noOtherName: "No other name.", neighbourhood: "Neighbourhood", depth1: "1 link away", depth2: "2 links away",
      hideRest: "hide everything else", partners: "Partners, by articles linking them ({n})",
      nArticles: "{n} articles", oneArticle: "1 article", hiddenLinks: "{n} more links hidden by the filters",
      showAll: "Show all {n}", pathTo: "Path to …", pathPlaceholder: "another entity",
      pathNone: "No chain of links between {a} and {b}.", pathFound: "Shortest chains: {n}, of {k} links each",
      clearPath: "Clear path", evidence: "Evidence ({n})",
      evidencePart: "The first {shown} of {n} sentences; graph.json has them all.",
      noEvidence: "No evidence sentence recorded.", undatedArticle: "undated", untitled: "Untitled article ({file})",
      article: "Article {id}", relation: "Relation", fromNode: "From", toNode: "To",
      otherLinks: "Other links between them", groupOf: "A group of {n} entities", leading: "Leading members",
      collapse: "Collapse", expand: "Expand", showGroup: "Show on the graph", clearFocus: "Clear selection",
      articlesSeries: "articles", eventsSeries: "events with a date", links2: "{n} links",
      collapsedLinks: "{n} links between the group and {name}"
    },
    vi: {
      title: "Hợp tác phòng, chống mua bán người", search: "Tìm một thực thể (không cần dấu)",
      searchPlaceholder: "vd. bo cong an", overview: "Tổng quan", topN: "Số thực thể quan trọng nhất",
      minArticles: "Xuất hiện trong ít nhất … bài", unlinked: "hiện cả thực thể không có liên kết",
      allLinks: "mọi liên kết giữa chúng (nếu không: 3 liên kết mạnh nhất của mỗi thực thể)",
      colourBy: "Tô màu theo", byGroup: "nhóm", byType: "loại", groups: "Các nhóm cùng hợp tác",
      groupsHint: "Bấm vào tên để xem nhóm; có thể thu gọn nhóm thành một nút.", types: "Loại thực thể",
      relations: "Quan hệ", period: "Thời gian (ngày sự kiện hoặc ngày bài báo)", from: "từ", to: "đến",
      undated: "gồm cả mục không rõ ngày", view: "Hiển thị", fit: "Vừa màn hình", reset: "Đặt lại",
      download: "Tải về phần đang hiển thị", dlNodes: "Thực thể (CSV)", dlEdges: "Liên kết và dẫn chứng (CSV)",
      dlGraphml: "Đồ thị (GraphML)",
      hint: "Hình dạng = loại, kích thước = số liên kết. Di chuột để xem tóm tắt; bấm vào thực thể hoặc liên kết để xem dẫn chứng.",
      timeline: "Bài báo và sự kiện theo tháng", clearPeriod: "Bỏ chọn thời gian",
      detailsHint: "Bấm vào một thực thể hoặc liên kết để xem tên gọi, đối tác và các câu trích dẫn.",
      status: "Hiển thị {shown}/{total} thực thể, {links}/{totalLinks} liên kết", matching: "{n} kết quả",
      noMatch: "Không có thực thể phù hợp.", type: "Loại", id: "Mã", articles: "Số bài", links: "Liên kết",
      firstSeen: "Lần đầu", lastSeen: "Lần cuối", group: "Nhóm", alsoCalled: "Tên khác",
      noOtherName: "Không có tên khác.", neighbourhood: "Vùng lân cận", depth1: "cách 1 liên kết",
      depth2: "cách 2 liên kết", hideRest: "ẩn phần còn lại", partners: "Đối tác, xếp theo số bài ({n})",
      nArticles: "{n} bài", oneArticle: "1 bài", hiddenLinks: "{n} liên kết khác bị bộ lọc ẩn",
      showAll: "Xem cả {n}", pathTo: "Đường liên kết đến …", pathPlaceholder: "thực thể khác",
      pathNone: "Không có chuỗi liên kết nào giữa {a} và {b}.", pathFound: "Chuỗi ngắn nhất: {n}, mỗi chuỗi {k} liên kết",
      clearPath: "Bỏ đường liên kết", evidence: "Dẫn chứng ({n})",
      evidencePart: "{shown} câu đầu trong {n} câu; graph.json có đủ tất cả.",
      noEvidence: "Không có câu dẫn chứng.", undatedArticle: "không rõ ngày", untitled: "Bài không có tiêu đề ({file})",
      article: "Bài {id}", relation: "Quan hệ", fromNode: "Từ", toNode: "Đến",
      otherLinks: "Các liên kết khác giữa hai bên", groupOf: "Nhóm gồm {n} thực thể", leading: "Thành viên tiêu biểu",
      collapse: "Thu gọn", expand: "Mở rộng", showGroup: "Xem trên đồ thị", clearFocus: "Bỏ chọn",
      articlesSeries: "bài báo", eventsSeries: "sự kiện có ngày", links2: "{n} liên kết",
      collapsedLinks: "{n} liên kết giữa nhóm và {name}"
    }
  };
  var lang = "en";
  try { if (window.localStorage.getItem("kg-lang") === "vi") { lang = "vi"; } } catch (e) { /* file:// may refuse */ }
  function t(key, args) {
    var s = STRINGS[lang][key] || STRINGS.en[key] || key;
    return s.replace(/\{(\w+)\}/g, function (m, k) { return args && k in args ? String(args[k]) : m; });
  }
  /* Types and relations as a reader names them (kg/export/vocab.py), in the interface's language. */
  function word(table, code) {
    var pair = legend.words[table][code];
    if (!pair) { return code || "?"; }
    var w = pair[lang === "vi" ? 1 : 0];
    return w.charAt(0).toUpperCase() + w.slice(1);
  }
  function typeName(type) { return word("types", type); }
  function relName(rel) { var w = word("relations", rel); return w.charAt(0).toLowerCase() + w.slice(1); }
  /* The entity's name in the interface's language: its English name where the rules know one. */
  function nameOf(i) { return lang === "en" && nodeInfo[i].en ? nodeInfo[i].en : nodeInfo[i].label; }
  function otherName(i) { return !nodeInfo[i].en ? "" : (lang === "en" ? nodeInfo[i].label : nodeInfo[i].en); }
  var shortNames = { en: [], vi: [] };
  function shortName(i) {
    var cache = shortNames[lang];
    if (cache[i] === undefined) { var s = nameOf(i); cache[i] = s.length > 48 ? s.slice(0, 47).replace(/\s+$/, "") + "\u2026" : s; }
    return cache[i];
  }
  function articlesText(n) { return n === 1 ? t("oneArticle") : t("nArticles", { n: n }); }

  /* ---------------------------------------------------------------- DOM helpers (text only) */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k === "text") { node.textContent = props[k]; }
        else if (k === "className") { node.className = props[k]; }
        else { node.setAttribute(k, props[k]); }
      });
    }
    (children || []).forEach(function (c) { if (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); } });
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  /* Accent- and case-insensitive key, like kg.text.fold: "Bộ Công an" -> "bo cong an". */
  function fold(s) {
    return String(s).replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }
  var SVGNS = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function glyph(shape, color) {
    var svg = svgEl("svg", { width: "14", height: "14", viewBox: "0 0 16 16", "class": "glyph", "aria-hidden": "true" });
    var pts = {
      square: "2,2 14,2 14,14 2,14", diamond: "8,1 15,8 8,15 1,8", triangle: "8,1 15,14 1,14",
      hexagon: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8",
      star: "8,0.5 10,6 15.5,6 11,9.5 12.8,15 8,11.7 3.2,15 5,9.5 0.5,6 6,6"
    }[shape];
    var shapeEl = pts ? svgEl("polygon", { points: pts }) : svgEl("circle", { cx: "8", cy: "8", r: "6.5" });
    shapeEl.setAttribute("fill", color); shapeEl.setAttribute("stroke", "#333"); shapeEl.setAttribute("stroke-width", "0.6");
    svg.appendChild(shapeEl);
    return svg;
  }
  function swatch(color, cls) { var s = el("span", { className: cls || "swatch" }); s.style.background = color; return s; }
  function safeUrl(u) {
    if (!/^https?:\/\//i.test(u || "")) { return null; }
    try { var url = new URL(u); return url.protocol === "http:" || url.protocol === "https:" ? url.href : null; }
    catch (e) { return null; }
  }

  /* ---------------------------------------------------------------- indexes */
  var typeColor = {}, typeShape = {};
  legend.types.forEach(function (x) { typeColor[x.name] = x.color; typeShape[x.name] = x.shape; });
  var relColor = {};
  legend.relations.forEach(function (r) { relColor[r.name] = r.color; });
  var rankOf = new Int32Array(N);
  order.forEach(function (i, r) { rankOf[i] = r; });
  /* month numbers (year * 12 + month - 1) of each article; -1 when it has no month */
  var docMonth = docs.map(function (d) {
    var m = /^(\d{4})-(\d{2})/.exec(d.date || "");
    return m ? parseInt(m[1], 10) * 12 + parseInt(m[2], 10) - 1 : -1;
  });
  /* A link's months, and its first and last dates: its articles are listed oldest first, undated last. */
  var edgeMonths = edgeInfo.map(function (x) {
    var seen = [];
    x.first = x.last = "";
    x.docs.forEach(function (k) {
      var d = docs[k].date;
      if (d) { if (!x.first) { x.first = d; } x.last = d; }
      if (docMonth[k] >= 0 && seen[seen.length - 1] !== docMonth[k]) { seen.push(docMonth[k]); }
    });
    return seen;
  });
  /* incidence lists (edge ids) in compressed form */
  var adjStart = new Int32Array(N + 1), adjEdge = new Int32Array(2 * E);
  (function () {
    var deg = new Int32Array(N);
    edges.forEach(function (e) { deg[e.from]++; deg[e.to]++; });
    for (var i = 0; i < N; i++) { adjStart[i + 1] = adjStart[i] + deg[i]; }
    var fill = adjStart.slice(0, N);
    edges.forEach(function (e, k) { adjEdge[fill[e.from]++] = k; adjEdge[fill[e.to]++] = k; });
  })();
  function other(k, i) { return edges[k].from === i ? edges[k].to : edges[k].from; }
  var searchKeys = null;
  function keysOf(i) {
    if (!searchKeys) {
      searchKeys = nodeInfo.map(function (x) { return [x.label].concat(x.en ? [x.en] : [], x.aliases).map(fold); });
    }
    return searchKeys[i];
  }

  /* ---------------------------------------------------------------- state and what is shown */
  var allTypes = legend.types.map(function (x) { return x.name; });
  var allRelations = legend.relations.map(function (r) { return r.name; });
  var state = {
    types: new Set(allTypes), relations: new Set(allRelations),
    monthFrom: null, monthTo: null, undated: true,
    topN: Math.min(data.overview, N), minArticles: 1, unlinked: false, allLinks: false,
    colourBy: "group", collapsed: new Set(), query: "",
    focus: null, depth: 1, hideRest: false, path: null, selected: null
  };
  var view = null;          /* what compute() decided: see there */

  function inPeriod(months) {
    if (state.monthFrom === null) { return true; }
    if (!months.length) { return state.undated; }
    var lo = 0, hi = months.length;             /* first month >= monthFrom */
    while (lo < hi) { var mid = (lo + hi) >> 1; if (months[mid] < state.monthFrom) { lo = mid + 1; } else { hi = mid; } }
    return lo < months.length && months[lo] <= state.monthTo;
  }
  function nodePasses(i) {
    var x = nodeInfo[i];
    return state.types.has(x.type) && inPeriod(x.months) && (state.unlinked || x.degree > 0);
  }
  function edgePassesOwn(k) { return state.relations.has(edgeInfo[k].relation) && inPeriod(edgeMonths[k]); }

  /* Search: exact name first, then a name starting with the query, then containing it; ties by importance. */
  function rankMatches(query, okNode) {
    var q = fold(query);
    if (!q) { return []; }
    var hits = [];
    for (var i = 0; i < N; i++) {
      if (okNode && !okNode[i]) { continue; }
      var keys = keysOf(i), best = 3;
      for (var j = 0; j < keys.length && best > 0; j++) {
        var at = keys[j].indexOf(q);
        if (at < 0) { continue; }
        best = Math.min(best, keys[j].length === q.length ? 0 : at === 0 ? 1 : 2);
      }
      if (best < 3) { hits.push([best, rankOf[i], i]); }
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return hits.map(function (h) { return h[2]; });
  }

  /* Nodes within `depth` links of `start` through edges that pass the filters, and the links that
     lead out to them level by level (with `all`, also the links between entities of one level). */
  function neighbourhood(start, depth, okNode, okEdge, all) {
    var dist = new Map([[start, 0]]), frontier = [start];
    for (var d = 1; d <= depth; d++) {
      var next = [];
      frontier.forEach(function (i) {
        for (var a = adjStart[i]; a < adjStart[i + 1]; a++) {
          var k = adjEdge[a];
          if (!okEdge[k]) { continue; }
          var o = other(k, i);
          if (!dist.has(o)) { dist.set(o, d); next.push(o); }
        }
      });
      frontier = next;
    }
    var nodeSet = new Set(dist.keys()), edgeSet = new Set();
    nodeSet.forEach(function (i) {
      for (var a = adjStart[i]; a < adjStart[i + 1]; a++) {
        var k = adjEdge[a], o = other(k, i);
        if (okEdge[k] && dist.has(o) && (all || Math.abs(dist.get(o) - dist.get(i)) === 1)) { edgeSet.add(k); }
      }
    });
    return { nodes: nodeSet, edges: edgeSet };
  }

  /* The overview's links: each drawn entity's BACKBONE strongest partners among the drawn ones (by
     articles linking them; every relation with such a partner), unless all links are asked for. */
  function backbone(shown, okEdge) {
    var keep = new Uint8Array(E);
    for (var i = 0; i < N; i++) {
      if (!shown[i]) { continue; }
      var weight = new Map();
      for (var a = adjStart[i]; a < adjStart[i + 1]; a++) {
        var k = adjEdge[a], o = other(k, i);
        if (okEdge[k] && shown[o]) { weight.set(o, (weight.get(o) || 0) + edgeInfo[k].docs.length); }
      }
      if (!weight.size) { continue; }
      var best = new Set(Array.from(weight.keys()).sort(function (x, y) {
        return weight.get(y) - weight.get(x) || rankOf[x] - rankOf[y];
      }).slice(0, BACKBONE));
      for (a = adjStart[i]; a < adjStart[i + 1]; a++) {
        k = adjEdge[a];
        if (okEdge[k] && best.has(other(k, i))) { keep[k] = 1; }
      }
    }
    return keep;
  }

  /* What the filters keep, and the overview with its links, are kept until a filter or an overview
     control changes: focus, paths and search, the frequent ones, then cost only their own part. */
  var kept = { filters: null, okNode: null, okEdge: null, overview: null, base: null, strong: null };
  function filtered() {
    var key = [Array.from(state.types).sort().join(","), Array.from(state.relations).sort().join(","),
               state.monthFrom, state.monthTo, state.undated, state.unlinked].join("|");
    if (kept.filters !== key) {
      var okNode = new Uint8Array(N), okEdge = new Uint8Array(E), i, k;
      for (i = 0; i < N; i++) { okNode[i] = nodePasses(i) ? 1 : 0; }
      for (k = 0; k < E; k++) { okEdge[k] = okNode[edges[k].from] && okNode[edges[k].to] && edgePassesOwn(k) ? 1 : 0; }
      kept = { filters: key, okNode: okNode, okEdge: okEdge, overview: null, base: null, strong: null };
    }
    var over = state.topN + "|" + state.minArticles + "|" + state.allLinks;
    if (kept.overview !== over) {
      var base = new Uint8Array(N), count = 0;
      for (var r = 0; r < N && count < state.topN; r++) {
        var j = order[r];
        if (kept.okNode[j] && nodeInfo[j].articles >= state.minArticles) { base[j] = 1; count++; }
      }
      kept.overview = over; kept.base = base;
      kept.strong = state.allLinks ? null : backbone(base, kept.okEdge);
    }
    return kept;
  }

  function compute() {
    var f = filtered(), okNode = f.okNode, okEdge = f.okEdge, i, k;
    var emphasis = null, emphasisEdges = null, matches = [];
    if (state.focus !== null || state.path) {
      emphasis = new Set(); emphasisEdges = new Set();
    }
    var restHidden = emphasis && state.hideRest;
    var shown = restHidden ? new Uint8Array(N) : f.base.slice();
    if (state.query) {
      matches = rankMatches(state.query, okNode);
      if (!emphasis) {
        emphasis = new Set(matches.slice(0, MAX_MATCHES_SHOWN)); emphasisEdges = null;
        emphasis.forEach(function (m) { shown[m] = 1; });
      }
    }
    if (state.path) {
      state.path.chains.forEach(function (chain) {
        chain.nodes.forEach(function (m) { emphasis.add(m); shown[m] = 1; });
        chain.steps.forEach(function (step) { step.forEach(function (kk) { emphasisEdges.add(kk); }); });
      });
    } else if (state.focus !== null) {
      var near = neighbourhood(state.focus, state.depth, okNode, okEdge, state.allLinks);
      near.nodes.forEach(function (m) { emphasis.add(m); shown[m] = 1; });
      near.edges.forEach(function (kk) { emphasisEdges.add(kk); });
      shown[state.focus] = 1;
    }
    /* the overview's links, and (links between two entities in focus come from the focus itself) */
    var shownEdges = [], strong = f.strong;
    for (k = 0; k < E; k++) {
      var e = edges[k];
      if (!shown[e.from] || !shown[e.to]) { continue; }
      if (emphasisEdges ? emphasisEdges.has(k) || (okEdge[k] && (!strong || strong[k]) && !(emphasis.has(e.from) && emphasis.has(e.to)))
                        : okEdge[k] && (!strong || strong[k])) { shownEdges.push(k); }
    }
    var shownNodes = [];
    for (i = 0; i < N; i++) { if (shown[i]) { shownNodes.push(i); } }
    view = { okNode: okNode, okEdge: okEdge, nodes: shownNodes, edges: shownEdges, shown: shown,
             emphasis: emphasis, emphasisEdges: emphasisEdges, matches: matches };
    return view;
  }

  /* The drawn key of entity i: its group's node when that group is collapsed (unless emphasised). */
  function drawnKey(i) {
    var g = nodes[i].group;
    if (g >= 0 && state.collapsed.has(g) && !(view.emphasis && view.emphasis.has(i)) && state.focus !== i) { return "g" + g; }
    return "n" + i;
  }
  function fade(hex, alpha) {
    var v = parseInt(hex.slice(1), 16);
    return "rgba(" + (v >> 16) + "," + ((v >> 8) & 255) + "," + (v & 255) + "," + alpha.toFixed(2) + ")";
  }
  function nodeColor(i) {
    if (state.colourBy === "type") { return nodes[i].color; }
    var g = nodes[i].group;
    return g >= 0 ? groups[g].color : OTHER_GROUP;
  }

  /* ---------------------------------------------------------------- drawing (Canvas 2D) */
  /* The scene is what is drawn, rebuilt from `view` on each change; positions are the build's. The
     camera maps them to the screen: screen = (position - centre) * scale + half the canvas. A
     canvas and batched paths (one per colour) draw thousands of links faster than WebGL does where
     there is no GPU (headless, remote desktops), and need nothing but the browser. */
  var canvas = byId("graph-canvas"), ctx = canvas.getContext("2d");
  var W = 0, H = 0, dpr = 1, renderer = "canvas2d";
  var scene = { nodes: [], edges: [], byKey: new Map(), edgeByKey: new Map() };
  var camera = { x: 0, y: 0, scale: 1 };
  var hoveredNode = null, hoveredEdge = null, labelOrder = [], drawnLabels = [], aggregated = [];
  var pending = 0, moving = false, movingTimer = 0;
  var BIG_SCENE = 20000;           /* links: above this, they are hidden while the view moves */
  var MANY_LINKS = 2000, MANY_NODES = 3000;   /* above these: hairlines, no arrow heads, no outlines */
  var UNIT = 110;                  /* layout units per node spacing (kg/export/layout.py PX_PER_NODE) */
  var extent = (function () {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    nodes.forEach(function (n) { x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y); });
    if (!N) { x0 = y0 = 0; x1 = y1 = 1; }
    return { x0: x0, x1: x1, y0: y0, y1: y1 };
  })();

  /* Entities grow a little as one zooms in, shrink a little as one zooms out. */
  function zoomFactor() { return Math.min(3, Math.max(0.6, Math.sqrt(camera.scale * UNIT / 14))); }
  function radius(n) { return n.size * zoomFactor(); }
  function sx(x) { return (x - camera.x) * camera.scale + W / 2; }
  function sy(y) { return (y - camera.y) * camera.scale + H / 2; }

  /* Build the scene from `view`: entities (or their collapsed groups) and links. */
  function draw() {
    var emph = view.emphasis, emphEdges = view.emphasisEdges;
    var out = { nodes: [], edges: [], byKey: new Map(), edgeByKey: new Map() };
    var priority = [], groupMembers = {};
    view.nodes.forEach(function (i) {
      var key = drawnKey(i);
      if (key.charAt(0) === "g") { (groupMembers[key] = groupMembers[key] || []).push(i); return; }
      var on = !emph || emph.has(i);
      if (!on && state.hideRest && emph) { return; }
      var n = nodes[i];
      var node = { key: key, i: i, g: -1, x: n.x, y: n.y, size: n.size * (i === state.focus ? 1.4 : 1), shape: n.shape,
                   color: on ? nodeColor(i) : DIM_NODE, label: shortName(i), on: on, focus: i === state.focus };
      out.nodes.push(node); out.byKey.set(key, node);
      if (on) { priority.push([i === state.focus ? -2 : emph ? -1 : 0, rankOf[i], node]); }
    });
    Object.keys(groupMembers).forEach(function (key) {
      var k = parseInt(key.slice(1), 10), grp = groups[k], members = groupMembers[key];
      var node = { key: key, i: -1, g: k, x: grp.x, y: grp.y, size: Math.min(20, 7 + 1.5 * Math.sqrt(members.length)),
                   shape: "dot", color: emph ? DIM_NODE : grp.color, label: groupName(k) + " (+" + members.length + ")",
                   on: !emph, focus: false };
      out.nodes.push(node); out.byKey.set(key, node);
      if (!emph) { priority.push([-1, rankOf[grp.leaders[0]], node]); }
    });
    aggregated = [];
    var pairs = {};
    /* many links at once: fainter, so the entities and their labels stay readable */
    var alpha = Math.max(0.25, Math.min(0.85, 250 / Math.max(1, view.edges.length)));
    view.edges.forEach(function (k) {
      var e = edges[k], a = out.byKey.get(drawnKey(e.from)), b = out.byKey.get(drawnKey(e.to));
      if (!a || !b || a === b) { return; }
      var on = !emphEdges ? (!emph || (emph.has(e.from) && emph.has(e.to))) : emphEdges.has(k);
      if (!on && state.hideRest && emph) { return; }
      if (a.g >= 0 || b.g >= 0) {
        var pk = a.key < b.key ? a.key + "|" + b.key : b.key + "|" + a.key;
        if (!(pk in pairs)) {
          pairs[pk] = aggregated.length;
          var agg = { key: "a" + aggregated.length, k: -1, a: a, b: b, edges: [], color: on ? "rgba(120,120,120,0.6)" : DIM_EDGE,
                      width: 1, arrow: false, on: on };
          aggregated.push(agg); out.edges.push(agg); out.edgeByKey.set(agg.key, agg);
        }
        var ag = aggregated[pairs[pk]];
        ag.edges.push(k);
        ag.width = Math.min(5, 1 + Math.log2(ag.edges.length));
        return;
      }
      var edge = { key: "e" + k, k: k, a: a, b: b, color: on ? fade(e.color, emph ? 0.9 : alpha) : DIM_EDGE,
                   width: on ? Math.min(2.5, 0.8 + Math.log2(1 + edgeInfo[k].docs.length) * 0.4) : 0.8,
                   arrow: !!e.arrows && on, on: on };
      out.edges.push(edge); out.edgeByKey.set(edge.key, edge);
    });
    /* dimmed first, so what is in focus is drawn over it */
    out.nodes.sort(function (x, y) { return (x.on - y.on) || (x.focus - y.focus); });
    out.edges.sort(function (x, y) { return x.on - y.on; });
    priority.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1]; });
    labelOrder = priority.map(function (p) { return p[2]; });
    scene = out;
    if (hoveredNode && !scene.byKey.has(hoveredNode.key)) { hoveredNode = null; }
    if (hoveredEdge && !scene.edgeByKey.has(hoveredEdge.key)) { hoveredEdge = null; }
    updateStatus();
    requestRender();
  }

  /* One entity's outline, added to the current path. Polygons end with a line back to their first
     corner rather than closePath(), which grows slower with the size of the batched path. */
  var POLYGONS = (function () {
    function ring(n, r0, r1, start) {
      var pts = [];
      for (var k = 0; k < n; k++) { var a = start + k * 2 * Math.PI / n, r = k % 2 ? r1 : r0; pts.push(r * Math.cos(a), r * Math.sin(a)); }
      return pts;
    }
    return { square: [-0.85, -0.85, 0.85, -0.85, 0.85, 0.85, -0.85, 0.85], diamond: [0, -1.2, 1.2, 0, 0, 1.2, -1.2, 0],
             triangle: [0, -1.25, 1.15, 0.8, -1.15, 0.8], star: ring(10, 1.35, 0.55, -Math.PI / 2), hexagon: ring(6, 1.1, 1.1, 0) };
  })();
  function shapePath(c, shape, x, y, r) {
    var pts = POLYGONS[shape];
    if (!pts) { c.moveTo(x + r, y); c.arc(x, y, r, 0, 2 * Math.PI); return; }
    c.moveTo(x + pts[0] * r, y + pts[1] * r);
    for (var k = 2; k < pts.length; k += 2) { c.lineTo(x + pts[k] * r, y + pts[k + 1] * r); }
    c.lineTo(x + pts[0] * r, y + pts[1] * r);
  }

  function requestRender() { if (!pending) { pending = requestAnimationFrame(render); } }
  function render() {
    pending = 0;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    var zf = zoomFactor(), m = 40, i, n, x, y;
    /* links, one path per colour and width; arrow heads once they are long enough to show */
    if (!(moving && scene.edges.length > BIG_SCENE)) {
      /* thousands of links: hairlines without arrow heads, the fast path of every canvas */
      var many = scene.edges.length > MANY_LINKS;
      var paths = new Map(), heads = new Map(), order = [];
      scene.edges.forEach(function (e) {
        var x1 = sx(e.a.x), y1 = sy(e.a.y), x2 = sx(e.b.x), y2 = sy(e.b.y);
        if ((x1 < -m && x2 < -m) || (x1 > W + m && x2 > W + m) || (y1 < -m && y2 < -m) || (y1 > H + m && y2 > H + m)) { return; }
        var bucket = e.color + "|" + (many ? 1 : Math.round(e.width * 2) / 2);
        var p = paths.get(bucket);
        if (!p) { p = []; paths.set(bucket, p); order.push(bucket); }
        p.push(x1, y1, x2, y2);
        if (e.arrow && !many) {
          var dx = x2 - x1, dy = y2 - y1, len = Math.sqrt(dx * dx + dy * dy), rb = e.b.size * zf + 1.5;
          if (len > rb + 18) {
            var ux = dx / len, uy = dy / len, tipx = x2 - ux * rb, tipy = y2 - uy * rb, hl = 5 + e.width * 1.5, hw = 2.5 + e.width;
            var h = heads.get(e.color);
            if (!h) { h = []; heads.set(e.color, h); }
            h.push(tipx, tipy, tipx - ux * hl - uy * hw, tipy - uy * hl + ux * hw, tipx - ux * hl + uy * hw, tipy - uy * hl - ux * hw);
          }
        }
      });
      ctx.lineCap = "butt";
      order.forEach(function (bucket) {
        var p = paths.get(bucket), cut = bucket.lastIndexOf("|");
        ctx.beginPath();
        for (var j = 0; j < p.length; j += 4) { ctx.moveTo(p[j], p[j + 1]); ctx.lineTo(p[j + 2], p[j + 3]); }
        ctx.strokeStyle = bucket.slice(0, cut);
        ctx.lineWidth = parseFloat(bucket.slice(cut + 1));
        ctx.stroke();
      });
      heads.forEach(function (h, color) {
        ctx.beginPath();
        for (var j = 0; j < h.length; j += 6) { ctx.moveTo(h[j], h[j + 1]); ctx.lineTo(h[j + 2], h[j + 3]); ctx.lineTo(h[j + 4], h[j + 5]); }
        ctx.fillStyle = color;
        ctx.fill();
      });
    }
    /* entities, one path per colour and shape, dimmed ones first */
    var batches = new Map(), batchOrder = [];
    for (i = 0; i < scene.nodes.length; i++) {
      n = scene.nodes[i]; x = sx(n.x); y = sy(n.y);
      var r = n.size * zf;
      if (x < -m || x > W + m || y < -m || y > H + m) { continue; }
      var bk = (n.on ? "1" : "0") + n.color + "|" + n.shape + (n.g >= 0 ? "|g" : "");
      var batch = batches.get(bk);
      if (!batch) { batch = { color: n.color, shape: n.shape, on: n.on, group: n.g >= 0, items: [] }; batches.set(bk, batch); batchOrder.push(bk); }
      batch.items.push(x, y, r);
    }
    batchOrder.forEach(function (bk) {
      var b = batches.get(bk), it = b.items;
      ctx.beginPath();
      for (var j = 0; j < it.length; j += 3) { shapePath(ctx, b.shape, it[j], it[j + 1], it[j + 2]); }
      ctx.fillStyle = b.color;
      ctx.fill();
      if (b.on && (b.group || it.length < 3 * MANY_NODES)) {
        ctx.lineWidth = b.group ? 2.5 : 0.8;
        ctx.strokeStyle = b.group ? "#ffffff" : "rgba(30,30,30,0.75)";
        ctx.stroke();
      }
    });
    scene.nodes.forEach(function (fn) {
      if (!fn.focus && !(fn.g >= 0 && fn.on)) { return; }
      ctx.beginPath();
      shapePath(ctx, fn.shape, sx(fn.x), sy(fn.y), fn.size * zf + (fn.focus ? 4 : 2));
      ctx.lineWidth = fn.focus ? 3 : 1.5;
      ctx.strokeStyle = fn.focus ? "#d55e00" : fn.color;
      ctx.stroke();
    });
    drawLabels();
    drawHover();
  }

  /* Labels only where they fit: most important first, skipped when they would overlap one drawn. */
  function drawLabels() {
    drawnLabels = [];
    var cell = 48, grid = new Map(), tried = 0;
    ctx.font = "600 13px " + LABEL_FONT;
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    for (var j = 0; j < labelOrder.length && drawnLabels.length < MAX_LABELS && tried < 6000; j++) {
      var n = labelOrder[j], px = sx(n.x), py = sy(n.y);
      if (px < -50 || py < -20 || px > W + 50 || py > H + 20) { continue; }
      tried++;
      if (n.labelWidth === undefined) { n.labelWidth = ctx.measureText(n.label).width; }
      var r = radius(n), w = n.labelWidth, h = 16;
      var box = { x: px + r + 3, y: py - h / 2, w: w + 2, h: h, key: n.key };
      if (box.x + box.w > W && px - r - 3 - box.w >= 0) { box.x = px - r - 3 - box.w; }   /* else cut by the edge */
      if (box.x > W || box.x + box.w < 0 || box.y < 0 || box.y + h > H) { continue; }
      var cx0 = Math.floor(box.x / cell), cx1 = Math.floor((box.x + box.w) / cell);
      var cy0 = Math.floor(box.y / cell), cy1 = Math.floor((box.y + box.h) / cell), clash = false, cx, cy;
      for (cx = cx0; cx <= cx1 && !clash; cx++) {
        for (cy = cy0; cy <= cy1 && !clash; cy++) {
          var list = grid.get(cx * 10007 + cy);
          if (list) {
            clash = list.some(function (o) { return o.x < box.x + box.w && box.x < o.x + o.w && o.y < box.y + box.h && box.y < o.y + o.h; });
          }
        }
      }
      if (clash) { continue; }
      for (cx = cx0; cx <= cx1; cx++) {
        for (cy = cy0; cy <= cy1; cy++) {
          var id = cx * 10007 + cy;
          if (!grid.has(id)) { grid.set(id, []); }
          grid.get(id).push(box);
        }
      }
      ctx.strokeStyle = "rgba(255,255,255,0.92)"; ctx.lineWidth = 3.5;
      ctx.strokeText(n.label, box.x + 1, py);
      ctx.fillStyle = "#1a1a1a";
      ctx.fillText(n.label, box.x + 1, py);
      drawnLabels.push(box);
    }
  }

  /* The entity or link under the pointer, drawn over everything with its name. */
  function drawHover() {
    if (hoveredEdge && !hoveredNode) {
      var e = hoveredEdge;
      ctx.beginPath(); ctx.moveTo(sx(e.a.x), sy(e.a.y)); ctx.lineTo(sx(e.b.x), sy(e.b.y));
      ctx.strokeStyle = "rgba(213,94,0,0.85)"; ctx.lineWidth = e.width + 2.5; ctx.stroke();
    }
    if (!hoveredNode) { return; }
    var n = hoveredNode, x = sx(n.x), y = sy(n.y), r = radius(n);
    ctx.beginPath(); shapePath(ctx, n.shape, x, y, r + 3);
    ctx.lineWidth = 2.5; ctx.strokeStyle = "#1a1a1a"; ctx.stroke();
    ctx.font = "600 13px " + LABEL_FONT;
    var w = ctx.measureText(n.label).width, bx = x + r + 5;
    if (bx + w + 8 > W) { bx = x - r - 5 - w - 8; }
    ctx.fillStyle = "rgba(255,255,255,0.96)"; ctx.fillRect(bx, y - 10, w + 8, 20);
    ctx.strokeStyle = "#888"; ctx.lineWidth = 1; ctx.strokeRect(bx, y - 10, w + 8, 20);
    ctx.fillStyle = "#1a1a1a"; ctx.textBaseline = "middle"; ctx.fillText(n.label, bx + 4, y);
  }

  /* ---------------------------------------------------------------- pointer, camera */
  /* The entity under the pointer: of those it touches, the one whose centre is nearest (relative to
     its size), entities in focus before dimmed ones; not merely the one drawn last. */
  function nodeAt(px, py) {
    var zf = zoomFactor(), best = null, bestScore = Infinity;
    for (var j = 0; j < scene.nodes.length; j++) {
      var n = scene.nodes[j], r = Math.max(4, n.size * zf * 1.25) + 1, dx = sx(n.x) - px, dy = sy(n.y) - py;
      var d2 = dx * dx + dy * dy;
      if (d2 > r * r) { continue; }
      var score = Math.sqrt(d2) / r + (n.on ? 0 : 10);
      if (score < bestScore) { best = n; bestScore = score; }
    }
    return best;
  }
  function edgeAt(px, py) {
    var best = null, bestD = Infinity;
    for (var j = scene.edges.length - 1; j >= 0; j--) {
      var e = scene.edges[j], x1 = sx(e.a.x), y1 = sy(e.a.y), x2 = sx(e.b.x), y2 = sy(e.b.y), tol = Math.max(3, e.width / 2 + 2);
      if (px < Math.min(x1, x2) - tol || px > Math.max(x1, x2) + tol || py < Math.min(y1, y2) - tol || py > Math.max(y1, y2) + tol) { continue; }
      var dx = x2 - x1, dy = y2 - y1, l2 = dx * dx + dy * dy, u = l2 ? Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / l2)) : 0;
      var ex = x1 + u * dx - px, ey = y1 + u * dy - py, d = Math.sqrt(ex * ex + ey * ey);
      if (d <= tol && (d < bestD || (best && !best.on && e.on))) { best = e; bestD = d; }
    }
    return best;
  }
  function setCamera(x, y, scale) {
    camera.x = x; camera.y = y;
    camera.scale = Math.max(minScale(), Math.min(maxScale(), scale));
    requestRender();
  }
  function minScale() { return 0.2 * Math.min(W / Math.max(1, extent.x1 - extent.x0), H / Math.max(1, extent.y1 - extent.y0)); }
  function maxScale() { return 8 / UNIT * 40; }
  /* Camera onto a set of drawn keys (or every drawn entity). */
  function fitKeys(keys) {
    var list = keys ? keys.map(function (k) { return scene.byKey.get(k); }).filter(Boolean) : scene.nodes;
    if (!list.length) { return; }
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    list.forEach(function (n) { x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y); });
    var dx = Math.max(x1 - x0, 3 * UNIT), dy = Math.max(y1 - y0, 3 * UNIT);
    /* room on the right for the labels of the rightmost entities */
    var labelRoom = Math.min(200, W * 0.22), scale = Math.min((W - labelRoom - 30) / dx, (H - Math.min(60, H * 0.1)) / dy);
    setCamera((x0 + x1) / 2 + (labelRoom - 30) / 2 / scale, (y0 + y1) / 2, scale);
  }
  function fitView() {
    var keys = null;
    if (view.emphasis && view.emphasis.size) {
      keys = [];
      view.emphasis.forEach(function (i) { keys.push(drawnKey(i)); });
    }
    fitKeys(keys);
  }
  function resize() {
    var box = byId("graph").getBoundingClientRect();
    dpr = window.devicePixelRatio || 1;
    W = Math.max(1, Math.round(box.width)); H = Math.max(1, Math.round(box.height));
    canvas.width = Math.round(W * dpr); canvas.height = Math.round(H * dpr);
    canvas.style.width = W + "px"; canvas.style.height = H + "px";
    requestRender();
  }
  function markMoving() {
    moving = true;
    clearTimeout(movingTimer);
    movingTimer = setTimeout(function () { moving = false; requestRender(); }, 160);
  }

  /* ---------------------------------------------------------------- status and refresh */
  function updateStatus() {
    var entities = 0, links = 0;
    scene.nodes.forEach(function (n) { if (n.i >= 0) { entities++; } });
    scene.edges.forEach(function (e) { links += e.k >= 0 ? 1 : e.edges.length; });
    var text = t("status", { shown: entities, total: N, links: links, totalLinks: E });
    if (state.query) { text += " \u2014 " + t("matching", { n: view.matches.length }); }
    byId("status").textContent = text;
  }
  function refresh(opts) {
    hideTooltip();
    compute();
    draw();
    renderResults();
    renderGroupList();
    if (opts && opts.fit) { fitView(); }
  }

  /* ---------------------------------------------------------------- panels */
  var details = byId("details-body");
  function docLine(k) {
    var d = docs[k] || {};
    var box = el("div", { className: "source" });
    var title = d.title || (d.file ? t("untitled", { file: d.file }) : t("article", { id: d.id || "?" }));
    var url = safeUrl(d.url);
    box.appendChild(url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow", text: title })
                        : el("span", { className: "title", text: title }));
    [d.outlet, d.date || t("undatedArticle")].forEach(function (part) {
      if (part) { box.appendChild(document.createTextNode(" \u00b7 " + part)); }
    });
    if (url) { box.appendChild(el("div", { className: "url" }, [el("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow", text: url })])); }
    return box;
  }
  function docText(k) {
    var d = docs[k] || {};
    return [d.title || (d.file ? t("untitled", { file: d.file }) : t("article", { id: d.id || "?" })), d.outlet,
            d.date || t("undatedArticle")].filter(Boolean).join(" \u00b7 ");
  }
  /* The sentence as text nodes, with every occurrence of one of `names` in a <mark>. */
  function marked(sentence, names) {
    var box = el("div", { className: "sentence" });
    var lower = sentence.toLowerCase();
    var keys = names.filter(Boolean).map(function (n) { return n.toLowerCase(); })
      .sort(function (a, b) { return b.length - a.length; });
    if (lower.length !== sentence.length) { keys = []; }
    var at = 0;
    while (at < sentence.length) {
      var best = -1, len = 0;
      keys.forEach(function (k) {
        var i = lower.indexOf(k, at);
        if (i !== -1 && (best === -1 || i < best || (i === best && k.length > len))) { best = i; len = k.length; }
      });
      if (best === -1) { break; }
      if (best > at) { box.appendChild(document.createTextNode(sentence.slice(at, best))); }
      box.appendChild(el("mark", { text: sentence.slice(best, best + len) }));
      at = best + len;
    }
    if (at < sentence.length) { box.appendChild(document.createTextNode(sentence.slice(at))); }
    return box;
  }
  function evidenceSection(info, names) {
    var box = el("section", { className: "evidence-section" });
    box.appendChild(el("h3", { text: t("evidence", { n: info.evidenceTotal }) }));
    if (info.evidenceTotal > info.evidence.length) {
      box.appendChild(el("p", { className: "hint", text: t("evidencePart", { shown: info.evidence.length, n: info.evidenceTotal }) }));
    }
    if (!info.evidence.length) { box.appendChild(el("p", { className: "hint", text: t("noEvidence") })); return box; }
    var list = el("ol", { className: "evidence" });
    function add(from, to) {
      info.evidence.slice(from, to).forEach(function (s) {
        var row = sentences[s];
        list.appendChild(el("li", null, [docLine(row[0]), marked(row[1], names)]));
      });
    }
    add(0, EVIDENCE_SHOWN);
    box.appendChild(list);
    if (info.evidence.length > EVIDENCE_SHOWN) {          /* the rest on demand: a long panel lays out slowly */
      var more = el("button", { type: "button", className: "linklike more-evidence", text: t("showAll", { n: info.evidence.length }) });
      more.addEventListener("click", function () { add(EVIDENCE_SHOWN, info.evidence.length); more.remove(); });
      box.appendChild(more);
    }
    return box;
  }
  function namesOf(i) { return [nodeInfo[i].label, nodeInfo[i].en].concat(nodeInfo[i].aliases); }
  function kindBadge(type) {
    var badge = el("span", { className: "kind", text: typeName(type) });
    badge.style.background = typeColor[type] || "#777";
    return badge;
  }
  function nodeButton(i) {
    var b = el("button", { type: "button", className: "linklike", text: nameOf(i) });
    b.addEventListener("click", function () { select(i); });
    return b;
  }
  function panelStart(kind) {
    clear(details);
    byId("details-hint").hidden = true;
    details.setAttribute("data-kind", kind);
  }
  function heading(i) {
    var h = el("h2", { text: nameOf(i) });
    if (lang === "en" && nodeInfo[i].en) { h.setAttribute("lang", "en"); } else { h.setAttribute("lang", "vi"); }
    var out = [h];
    var alt = otherName(i);
    if (alt) { out.push(el("p", { className: "alt-name", lang: lang === "en" ? "vi" : "en", text: alt })); }
    return out;
  }
  function groupName(k) { return groups[k].leaders.map(nameOf).join(", "); }
  function dateRange(x) { return x.first ? (x.first === x.last ? x.first : x.first + " \u2013 " + x.last) : ""; }

  /* Partners of i through links the filters keep, most articles first. */
  function partnersOf(i) {
    var byOther = new Map(), hidden = 0;
    for (var a = adjStart[i]; a < adjStart[i + 1]; a++) {
      var k = adjEdge[a];
      if (!view.okEdge[k]) { hidden++; continue; }
      var o = other(k, i);
      if (!byOther.has(o)) { byOther.set(o, { node: o, docs: new Set(), links: [] }); }
      var p = byOther.get(o);
      edgeInfo[k].docs.forEach(function (d) { p.docs.add(d); });
      p.links.push(k);
    }
    var list = Array.from(byOther.values());
    list.sort(function (x, y) {
      return y.docs.size - x.docs.size || y.links.length - x.links.length || rankOf[x.node] - rankOf[y.node];
    });
    return { list: list, hidden: hidden };
  }

  function showNode(i) {
    state.selected = { kind: "node", id: i };
    var x = nodeInfo[i];
    panelStart("node");
    heading(i).forEach(function (h) { details.appendChild(h); });
    var dl = el("dl", null, [el("dt", { text: t("type") }), el("dd", null, [kindBadge(x.type)]),
                             el("dt", { text: t("id") }), el("dd", { text: x.key }),
                             el("dt", { text: t("articles") }), el("dd", { text: String(x.articles) }),
                             el("dt", { text: t("links") }), el("dd", { text: String(x.degree) })]);
    if (x.first) {
      dl.appendChild(el("dt", { text: t("firstSeen") })); dl.appendChild(el("dd", { className: "first", text: x.first }));
      dl.appendChild(el("dt", { text: t("lastSeen") })); dl.appendChild(el("dd", { className: "last", text: x.last }));
    }
    var g = nodes[i].group;
    if (g >= 0) {
      var gb = el("button", { type: "button", className: "linklike", text: groupName(g) });
      gb.addEventListener("click", function () { showGroup(g); });
      dl.appendChild(el("dt", { text: t("group") }));
      dl.appendChild(el("dd", null, [swatch(groups[g].color, "dot"), gb]));
    }
    x.attrs.forEach(function (kv) { dl.appendChild(el("dt", { text: kv[0] })); dl.appendChild(el("dd", { text: kv[1] })); });
    details.appendChild(dl);
    details.appendChild(focusControls(i));
    details.appendChild(pathBox(i));
    var partners = partnersOf(i);
    details.appendChild(el("h3", { text: t("partners", { n: partners.list.length }) }));
    var list = el("ol", { className: "partners" });
    function fill(limit) {
      clear(list);
      partners.list.slice(0, limit).forEach(function (p) {
        var li = el("li", { "data-node": String(p.node) },
                    [el("div", { className: "line" }, [nodeButton(p.node), el("span", { className: "count", text: articlesText(p.docs.size) })])]);
        var rels = el("div", { className: "rels" });
        p.links.forEach(function (k) {
          var e = edges[k];
          var rb = el("button", { type: "button", className: "linklike rel", text: (e.from === i ? "\u2192 " : "\u2190 ") + relName(edgeInfo[k].relation) });
          rb.addEventListener("click", function () { showEdge(k); });
          rels.appendChild(rb);
        });
        li.appendChild(rels);
        list.appendChild(li);
      });
    }
    fill(PARTNERS_SHOWN);
    details.appendChild(list);
    if (partners.list.length > PARTNERS_SHOWN) {
      var more = el("button", { type: "button", className: "linklike", text: t("showAll", { n: partners.list.length }) });
      more.addEventListener("click", function () { fill(partners.list.length); more.remove(); });
      details.appendChild(more);
    }
    if (partners.hidden) { details.appendChild(el("p", { className: "hint hidden-links", text: t("hiddenLinks", { n: partners.hidden }) })); }
    details.appendChild(el("h3", { text: t("alsoCalled") }));
    details.appendChild(x.aliases.length
      ? el("ul", { className: "aliases" }, x.aliases.map(function (a) { return el("li", { lang: "vi", text: a }); }))
      : el("p", { className: "hint", text: t("noOtherName") }));
    details.appendChild(evidenceSection(x, namesOf(i)));
  }

  function focusControls(i) {
    var box = el("div", { className: "focus-controls" });
    box.appendChild(el("h3", { text: t("neighbourhood") }));
    var row = el("div", { className: "row" });
    [1, 2].forEach(function (d) {
      var b = el("button", { type: "button", id: "depth-" + d, "aria-pressed": String(state.focus === i && state.depth === d),
                             text: t("depth" + d) });
      b.addEventListener("click", function () { state.depth = d; state.path = null; focusOn(i); });
      row.appendChild(b);
    });
    var clr = el("button", { type: "button", id: "clear-focus", text: t("clearFocus") });
    clr.addEventListener("click", clearFocus);
    row.appendChild(clr);
    box.appendChild(row);
    var hide = el("input", { type: "checkbox", id: "hide-rest" });
    hide.checked = state.hideRest;
    hide.addEventListener("change", function () { state.hideRest = hide.checked; refresh({ fit: true }); });
    box.appendChild(el("label", { className: "check" }, [hide, el("span", { text: t("hideRest") })]));
    return box;
  }

  function pathBox(i) {
    var box = el("div", { className: "path-box" });
    box.appendChild(el("h3", { text: t("pathTo") }));
    var input = el("input", { type: "search", id: "path-input", autocomplete: "off", spellcheck: "false",
                              placeholder: t("pathPlaceholder"), "aria-label": t("pathTo") });
    var list = el("ol", { className: "suggestions", id: "path-suggestions" });
    var out = el("div", { id: "path-result" });
    function suggest() {
      clear(list);
      rankMatches(input.value, null).filter(function (j) { return j !== i; }).slice(0, 8).forEach(function (j) {
        var b = el("button", { type: "button" }, [glyph(nodes[j].shape, nodes[j].color), " " + nameOf(j)]);
        b.addEventListener("click", function () { input.value = nameOf(j); clear(list); runPath(i, j); });
        list.appendChild(el("li", null, [b]));
      });
    }
    input.addEventListener("input", suggest);
    input.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") { return; }
      var first = rankMatches(input.value, null).filter(function (j) { return j !== i; })[0];
      if (first !== undefined) { input.value = nameOf(first); clear(list); runPath(i, first); }
    });
    box.appendChild(input); box.appendChild(list); box.appendChild(out);
    if (state.path && state.path.source === i) { input.value = nameOf(state.path.target); renderPath(out); }
    return box;
  }

  function runPath(a, b) {
    state.path = { source: a, target: b, chains: shortestChains(a, b, 3) };
    state.focus = a;
    refresh({ fit: true });
    renderPath(byId("path-result"));
  }
  function renderPath(out) {
    clear(out);
    var p = state.path;
    if (!p) { return; }
    if (!p.chains.length) {
      out.appendChild(el("p", { className: "hint", text: t("pathNone", { a: nameOf(p.source), b: nameOf(p.target) }) }));
    } else {
      out.appendChild(el("p", { className: "hint", text: t("pathFound", { n: p.chains.length, k: p.chains[0].steps.length }) }));
      out.appendChild(el("ol", { className: "chains" }, p.chains.map(function (chain) {
        var li = el("li", { className: "chain" });
        chain.nodes.forEach(function (m, s) {
          li.appendChild(nodeButton(m));
          if (s < chain.steps.length) {
            var rels = el("span", { className: "step" });
            chain.steps[s].forEach(function (k, r) {
              var fwd = edges[k].from === m;
              var b = el("button", { type: "button", className: "linklike rel",
                                     text: (fwd ? "" : "\u2190 ") + relName(edgeInfo[k].relation) + (fwd ? " \u2192" : "") });
              b.addEventListener("click", function () { showEdge(k); });
              if (r) { rels.appendChild(document.createTextNode(" / ")); }
              rels.appendChild(b);
            });
            li.appendChild(document.createTextNode(" "));
            li.appendChild(rels);
            li.appendChild(document.createTextNode(" "));
          }
        });
        return li;
      })));
    }
    var clr = el("button", { type: "button", id: "clear-path", text: t("clearPath") });
    clr.addEventListener("click", function () { state.path = null; refresh(); renderPath(out); });
    out.appendChild(clr);
  }

  function showEdge(k) {
    state.selected = { kind: "edge", id: k };
    var e = edges[k], x = edgeInfo[k];
    panelStart("edge");
    var title = el("h2");
    title.appendChild(nodeButton(e.from));
    title.appendChild(document.createTextNode(" \u2014" + relName(x.relation) + (e.arrows ? "\u2192 " : "\u2014 ")));
    title.appendChild(nodeButton(e.to));
    details.appendChild(title);
    var dl = el("dl", null, [
      el("dt", { text: t("relation") }), el("dd", { text: relName(x.relation) }),
      el("dt", { text: t("fromNode") }), el("dd", { text: nameOf(e.from) + " (" + typeName(nodeInfo[e.from].type) + ")" }),
      el("dt", { text: t("toNode") }), el("dd", { text: nameOf(e.to) + " (" + typeName(nodeInfo[e.to].type) + ")" }),
      el("dt", { text: t("articles") }), el("dd", { text: String(x.docs.length) })]);
    if (x.first) {
      dl.appendChild(el("dt", { text: t("firstSeen") })); dl.appendChild(el("dd", { className: "first", text: x.first }));
      dl.appendChild(el("dt", { text: t("lastSeen") })); dl.appendChild(el("dd", { className: "last", text: x.last }));
    }
    details.appendChild(dl);
    var siblings = [];
    for (var a = adjStart[e.from]; a < adjStart[e.from + 1]; a++) {
      var j = adjEdge[a];
      if (j !== k && other(j, e.from) === e.to && view.okEdge[j]) { siblings.push(j); }
    }
    if (siblings.length) {
      details.appendChild(el("h3", { text: t("otherLinks") }));
      details.appendChild(el("ul", { className: "aliases" }, siblings.map(function (j) {
        var b = el("button", { type: "button", className: "linklike", text: nameOf(edges[j].from) + " \u2192 " + relName(edgeInfo[j].relation) + " \u2192 " + nameOf(edges[j].to) });
        b.addEventListener("click", function () { showEdge(j); });
        return el("li", null, [b]);
      })));
    }
    details.appendChild(evidenceSection(x, namesOf(e.from).concat(namesOf(e.to))));
  }

  function showGroup(g) {
    state.selected = { kind: "group", id: g };
    var grp = groups[g];
    panelStart("group");
    var h = el("h2", null, [swatch(grp.color, "dot"), document.createTextNode(" " + groupName(g))]);
    details.appendChild(h);
    details.appendChild(el("p", { text: t("groupOf", { n: grp.size }) }));
    var row = el("div", { className: "row" });
    var toggle = el("button", { type: "button", id: "group-toggle", text: state.collapsed.has(g) ? t("expand") : t("collapse") });
    toggle.addEventListener("click", function () { toggleGroup(g); showGroup(g); });
    var show = el("button", { type: "button", id: "group-show", text: t("showGroup") });
    show.addEventListener("click", function () {
      var keys = [];
      view.nodes.forEach(function (i) { if (nodes[i].group === g) { keys.push(drawnKey(i)); } });
      fitKeys(keys.length ? keys : ["g" + g]);
    });
    row.appendChild(toggle); row.appendChild(show);
    details.appendChild(row);
    details.appendChild(el("h3", { text: t("leading") }));
    var members = [];
    for (var r = 0; r < N && members.length < 15; r++) { if (nodes[order[r]].group === g) { members.push(order[r]); } }
    details.appendChild(el("ol", { className: "aliases" }, members.map(function (i) {
      return el("li", null, [nodeButton(i), el("span", { className: "count", text: articlesText(nodeInfo[i].articles) })]);
    })));
  }

  function showAggregated(a) {
    var agg = aggregated[a];
    panelStart("aggregate");
    var g = agg.a.charAt(0) === "g" ? agg.a : agg.b, otherKey = g === agg.a ? agg.b : agg.a;
    var otherName2 = otherKey.charAt(0) === "g" ? groupName(parseInt(otherKey.slice(1), 10)) : nameOf(parseInt(otherKey.slice(1), 10));
    details.appendChild(el("h2", { text: t("collapsedLinks", { n: agg.edges.length, name: otherName2 }) }));
    details.appendChild(el("ul", { className: "aliases" }, agg.edges.map(function (k) {
      var b = el("button", { type: "button", className: "linklike", text: nameOf(edges[k].from) + " \u2192 " + relName(edgeInfo[k].relation) + " \u2192 " + nameOf(edges[k].to) });
      b.addEventListener("click", function () { showEdge(k); });
      return el("li", null, [b]);
    })));
  }

  function rerenderSelection() {
    var s = state.selected;
    if (!s) { return; }
    if (s.kind === "node") { showNode(s.id); } else if (s.kind === "edge") { showEdge(s.id); } else if (s.kind === "group") { showGroup(s.id); }
  }

  /* ---------------------------------------------------------------- focus, selection */
  function focusOn(i) {
    state.focus = i;
    refresh({ fit: true });
    showNode(i);
  }
  function select(i) {
    if (state.path && state.path.source !== i) { state.path = null; }
    focusOn(i);
  }
  function clearFocus() {
    state.focus = null; state.path = null;
    refresh();
    clear(details);
    byId("details-hint").hidden = false;
    state.selected = null;
  }
  function toggleGroup(g) {
    if (state.collapsed.has(g)) { state.collapsed.delete(g); } else { state.collapsed.add(g); }
    refresh();
  }

  /* The shortest chains between a and b over every link (either direction), sorted by the labels
     along the chain, then the ids: the same answer, in the same order, as `kg path` (kg.query). */
  function shortestChains(a, b, limit) {
    if (a === b) { return [{ nodes: [a], steps: [] }]; }
    function bfs(s) {
      var d = new Int32Array(N).fill(-1), q = [s];
      d[s] = 0;
      for (var h = 0; h < q.length; h++) {
        var u = q[h];
        for (var x = adjStart[u]; x < adjStart[u + 1]; x++) {
          var w = other(adjEdge[x], u);
          if (d[w] < 0) { d[w] = d[u] + 1; q.push(w); }
        }
      }
      return d;
    }
    var da = bfs(a);
    if (da[b] < 0) { return []; }
    var db = bfs(b), D = da[b];
    function next(u) {
      var out = [];
      for (var x = adjStart[u]; x < adjStart[u + 1]; x++) {
        var w = other(adjEdge[x], u);
        if (da[w] === da[u] + 1 && db[w] === db[u] - 1 && out.indexOf(w) < 0) { out.push(w); }
      }
      return out;
    }
    function cmp(x, y) { return x < y ? -1 : x > y ? 1 : 0; }
    var results = [], levels = [[a]];
    /* walk label sequences in order; each level holds every node of the chosen label at that depth */
    function walk(depth) {
      if (results.length >= limit) { return; }
      if (depth === D) { concrete(0, [a]); return; }
      var byLabel = new Map();
      levels[depth].forEach(function (u) {
        next(u).forEach(function (w) {
          var l = nodeInfo[w].label;
          if (!byLabel.has(l)) { byLabel.set(l, []); }
          if (byLabel.get(l).indexOf(w) < 0) { byLabel.get(l).push(w); }
        });
      });
      Array.from(byLabel.keys()).sort(cmp).forEach(function (l) {
        if (results.length >= limit) { return; }
        levels[depth + 1] = byLabel.get(l);
        walk(depth + 1);
      });
    }
    function concrete(depth, path) {
      if (results.length >= limit) { return; }
      if (depth === D) { results.push(path.slice()); return; }
      var allowed = levels[depth + 1];
      next(path[depth]).filter(function (w) { return allowed.indexOf(w) >= 0; })
        .sort(function (x, y) { return cmp(nodeInfo[x].key, nodeInfo[y].key); })
        .forEach(function (w) { path.push(w); concrete(depth + 1, path); path.pop(); });
    }
    walk(0);
    return results.map(function (p) {
      var steps = [];
      for (var s = 0; s + 1 < p.length; s++) {
        var u = p[s], w = p[s + 1], links = [];
        for (var x = adjStart[u]; x < adjStart[u + 1]; x++) {
          var k = adjEdge[x];
          if (other(k, u) === w && links.indexOf(k) < 0) { links.push(k); }
        }
        /* kg.query.links_between: u->w links by relation, then w->u links by relation */
        links.sort(function (x, y) {
          var dx = edges[x].from === u ? 0 : 1, dy = edges[y].from === u ? 0 : 1;
          return dx - dy || cmp(edgeInfo[x].relation, edgeInfo[y].relation);
        });
        steps.push(links);
      }
      return { nodes: p, steps: steps };
    });
  }

  /* ---------------------------------------------------------------- tooltip */
  var tooltip = byId("tooltip");
  function clip(s, n) { return s.length > n ? s.slice(0, n - 1) + "\u2026" : s; }
  function showTooltip(ev, heading, sub, evidence) {
    clear(tooltip);
    tooltip.appendChild(el("strong", { text: heading }));
    tooltip.appendChild(el("div", { className: "source", text: sub }));
    if (evidence) {
      tooltip.appendChild(el("div", { className: "sentence", text: "\u201c" + clip(evidence[1], 240) + "\u201d" }));
      tooltip.appendChild(el("div", { className: "source", text: docText(evidence[0]) }));
    }
    tooltip.style.left = Math.min(ev.clientX + 14, window.innerWidth - 390) + "px";
    tooltip.style.top = Math.min(ev.clientY + 14, window.innerHeight - 150) + "px";
    tooltip.hidden = false;
  }
  function hideTooltip() { tooltip.hidden = true; }
  function tipFor(ev) {
    if (hoveredNode) {
      var n = hoveredNode;
      if (n.g >= 0) { showTooltip(ev, groupName(n.g), t("groupOf", { n: groups[n.g].size }), null); return; }
      var x = nodeInfo[n.i];
      var sub = typeName(x.type) + " \u00b7 " + articlesText(x.articles) + (x.first ? " \u00b7 " + dateRange(x) : "");
      if (otherName(n.i)) { sub += " \u00b7 " + otherName(n.i); }
      showTooltip(ev, nameOf(n.i), sub, sentences[x.evidence[0]]);
    } else if (hoveredEdge && hoveredEdge.k >= 0) {
      var k = hoveredEdge.k, e = edges[k], info = edgeInfo[k];
      showTooltip(ev, nameOf(e.from) + " \u2192 " + nameOf(e.to),
                  relName(info.relation) + " \u00b7 " + articlesText(info.docs.length), sentences[info.evidence[0]]);
    } else if (hoveredEdge) {
      showTooltip(ev, t("links2", { n: hoveredEdge.edges.length }), "", null);
    } else { hideTooltip(); }
  }

  var drag = null;
  function local(ev) { var r = canvas.getBoundingClientRect(); return [ev.clientX - r.left, ev.clientY - r.top]; }
  canvas.addEventListener("pointerdown", function (ev) {
    if (ev.button !== 0) { return; }
    var p = local(ev);
    drag = { x: p[0], y: p[1], cx: camera.x, cy: camera.y, moved: false, id: ev.pointerId };
    hideTooltip();
  });
  canvas.addEventListener("pointermove", function (ev) {
    var p = local(ev);
    if (drag && drag.id === ev.pointerId) {
      if (!drag.moved && Math.abs(p[0] - drag.x) + Math.abs(p[1] - drag.y) > 4) { drag.moved = true; canvas.setPointerCapture(ev.pointerId); }
      if (drag.moved) {
        markMoving();
        setCamera(drag.cx - (p[0] - drag.x) / camera.scale, drag.cy - (p[1] - drag.y) / camera.scale, camera.scale);
        return;
      }
    }
    var n = nodeAt(p[0], p[1]), e = n ? null : edgeAt(p[0], p[1]);
    if (n !== hoveredNode || e !== hoveredEdge) {
      hoveredNode = n; hoveredEdge = e;
      canvas.style.cursor = n || e ? "pointer" : "grab";
      requestRender();
    }
    if (n || e) { tipFor(ev); } else { hideTooltip(); }
  });
  canvas.addEventListener("pointerup", function (ev) {
    var d = drag;
    drag = null;
    if (!d || d.moved) { return; }
    var p = local(ev), n = nodeAt(p[0], p[1]), e = n ? null : edgeAt(p[0], p[1]);
    if (n && n.g >= 0) { showGroup(n.g); }
    else if (n) { select(n.i); }
    else if (e && e.k >= 0) { showEdge(e.k); }
    else if (e) { showAggregated(parseInt(e.key.slice(1), 10)); }
    else if (state.focus !== null || state.path) { clearFocus(); }
  });
  canvas.addEventListener("pointerleave", function () {
    if (hoveredNode || hoveredEdge) { hoveredNode = hoveredEdge = null; requestRender(); }
    hideTooltip();
  });
  canvas.addEventListener("dblclick", function (ev) {
    var p = local(ev), n = nodeAt(p[0], p[1]);
    if (n && n.g >= 0) { toggleGroup(n.g); return; }
    zoomAt(p[0], p[1], 2);
  });
  function zoomAt(px, py, factor) {
    var gx = (px - W / 2) / camera.scale + camera.x, gy = (py - H / 2) / camera.scale + camera.y;
    var s2 = Math.max(minScale(), Math.min(maxScale(), camera.scale * factor));
    setCamera(gx - (px - W / 2) / s2, gy - (py - H / 2) / s2, s2);
  }
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    hideTooltip();
    markMoving();
    var p = local(ev), delta = ev.deltaMode === 1 ? ev.deltaY * 33 : ev.deltaY;
    zoomAt(p[0], p[1], Math.exp(-delta * 0.0015));
  }, { passive: false });
  canvas.addEventListener("keydown", function (ev) {
    var step = 80 / camera.scale, handled = true;
    if (ev.key === "+" || ev.key === "=") { zoomAt(W / 2, H / 2, 1.4); }
    else if (ev.key === "-") { zoomAt(W / 2, H / 2, 1 / 1.4); }
    else if (ev.key === "ArrowLeft") { setCamera(camera.x - step, camera.y, camera.scale); }
    else if (ev.key === "ArrowRight") { setCamera(camera.x + step, camera.y, camera.scale); }
    else if (ev.key === "ArrowUp") { setCamera(camera.x, camera.y - step, camera.scale); }
    else if (ev.key === "ArrowDown") { setCamera(camera.x, camera.y + step, camera.scale); }
    else { handled = false; }
    if (handled) { ev.preventDefault(); }
  });
  if (window.ResizeObserver) { new ResizeObserver(resize).observe(byId("graph")); } else { window.addEventListener("resize", resize); }
  /* The pointer can leave the canvas without a move over its edge (a jump to the panel). */
  byId("centre").addEventListener("mouseleave", hideTooltip);
  document.addEventListener("pointermove", function (ev) {
    if (!tooltip.hidden && ev.target !== canvas) { hideTooltip(); }
  }, true);

  /* ---------------------------------------------------------------- controls */
  var search = byId("search");
  function renderResults() {
    var list = byId("results");
    clear(list);
    if (!state.query) { return; }
    view.matches.slice(0, RESULTS_SHOWN).forEach(function (i) {
      var b = el("button", { type: "button" }, [glyph(nodes[i].shape, nodeColor(i)), " " + nameOf(i)]);
      b.appendChild(el("span", { className: "count", text: typeName(nodeInfo[i].type) + " \u00b7 " + nodeInfo[i].articles }));
      b.addEventListener("click", function () { select(i); });
      list.appendChild(el("li", null, [b]));
    });
    if (!view.matches.length) { list.appendChild(el("li", { className: "hint", text: t("noMatch") })); }
  }
  search.addEventListener("input", function () {
    state.query = search.value.trim();
    state.focus = null; state.path = null;
    refresh({ fit: !!state.query });
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && view.matches.length) { ev.preventDefault(); select(view.matches[0]); }
  });

  var topN = byId("top-n"), topRange = byId("top-n-range");
  topN.max = topRange.max = String(Math.max(10, N));
  topN.value = topRange.value = String(state.topN);
  function setTop(v) {
    var n = Math.max(1, Math.min(N, parseInt(v, 10) || state.topN));
    state.topN = n; topN.value = String(n); topRange.value = String(n);
    refresh();
  }
  topN.addEventListener("change", function () { setTop(topN.value); });
  topRange.addEventListener("input", function () { setTop(topRange.value); });
  byId("min-articles").addEventListener("change", function (ev) {
    state.minArticles = Math.max(1, parseInt(ev.target.value, 10) || 1); ev.target.value = String(state.minArticles); refresh();
  });
  byId("unlinked").addEventListener("change", function (ev) { state.unlinked = ev.target.checked; refresh(); });
  byId("all-links").addEventListener("change", function (ev) { state.allLinks = ev.target.checked; refresh(); });
  document.querySelectorAll("input[name=colour-by]").forEach(function (input) {
    input.addEventListener("change", function () { if (input.checked) { state.colourBy = input.value; refresh(); } });
  });

  function renderGroupList() {
    var list = byId("group-list");
    clear(list);
    groups.forEach(function (grp, k) {
      var name = el("button", { type: "button", className: "linklike", text: groupName(k) });
      name.addEventListener("click", function () { showGroup(k); });
      var toggle = el("button", { type: "button", className: "small", "aria-pressed": String(state.collapsed.has(k)),
                                  text: state.collapsed.has(k) ? t("expand") : t("collapse") });
      toggle.addEventListener("click", function () { toggleGroup(k); });
      list.appendChild(el("li", { "data-group": String(k) }, [swatch(grp.color, "dot"), name,
        el("span", { className: "count", text: String(grp.size) }), toggle]));
    });
  }

  function checkbox(set, name, count, decoration, label) {
    var input = el("input", { type: "checkbox", value: name });
    input.checked = set.has(name);
    input.addEventListener("change", function () {
      if (input.checked) { set.add(name); } else { set.delete(name); }
      refresh();
      rerenderSelection();
    });
    return el("label", { className: "check" }, [input, decoration, el("span", { className: "name", text: label }),
                                                el("span", { className: "count", text: String(count) })]);
  }
  function renderFilters() {
    var tf = byId("type-filter"), rf = byId("relation-filter");
    Array.from(tf.querySelectorAll("label")).forEach(function (l) { l.remove(); });
    Array.from(rf.querySelectorAll("label")).forEach(function (l) { l.remove(); });
    legend.types.forEach(function (x) { tf.appendChild(checkbox(state.types, x.name, x.count, glyph(x.shape, x.color), typeName(x.name))); });
    legend.relations.forEach(function (r) { rf.appendChild(checkbox(state.relations, r.name, r.count, swatch(r.color), relName(r.name))); });
  }

  /* ---------------------------------------------------------------- time: selects and timeline */
  var monthFrom = byId("month-from"), monthTo = byId("month-to");
  var M0 = legend.months.length ? legend.months[0] : null, M1 = legend.months.length ? legend.months[1] : null;
  function monthLabel(m) { var y = Math.floor(m / 12), mo = m % 12 + 1; return y + "-" + (mo < 10 ? "0" : "") + mo; }
  if (M0 !== null) {
    for (var m = M0; m <= M1; m++) {
      monthFrom.appendChild(el("option", { value: String(m), text: monthLabel(m) }));
      monthTo.appendChild(el("option", { value: String(m), text: monthLabel(m) }));
    }
    monthFrom.value = String(M0); monthTo.value = String(M1);
  } else { monthFrom.disabled = true; monthTo.disabled = true; }
  function setPeriod(a, b) {
    if (a === null || M0 === null) {
      state.monthFrom = state.monthTo = null;
      if (M0 !== null) { monthFrom.value = String(M0); monthTo.value = String(M1); }
    } else {
      state.monthFrom = Math.max(M0, Math.min(a, b)); state.monthTo = Math.min(M1, Math.max(a, b));
      monthFrom.value = String(state.monthFrom); monthTo.value = String(state.monthTo);
    }
    byId("clear-period").hidden = state.monthFrom === null;
    byId("period-label").textContent = state.monthFrom === null ? "" : monthLabel(state.monthFrom) + " \u2013 " + monthLabel(state.monthTo);
    refresh();
    drawTimeline();
    rerenderSelection();
  }
  function onSelects() {
    var a = parseInt(monthFrom.value, 10), b = parseInt(monthTo.value, 10);
    if (Math.min(a, b) === M0 && Math.max(a, b) === M1) { setPeriod(null); } else { setPeriod(a, b); }
  }
  monthFrom.addEventListener("change", onSelects);
  monthTo.addEventListener("change", onSelects);
  byId("undated").addEventListener("change", function (ev) { state.undated = ev.target.checked; refresh(); rerenderSelection(); });
  byId("clear-period").addEventListener("click", function () { setPeriod(null); });

  var articlesByMonth = new Map(), eventsByMonth = new Map();
  docMonth.forEach(function (m) { if (m >= 0) { articlesByMonth.set(m, (articlesByMonth.get(m) || 0) + 1); } });
  nodeInfo.forEach(function (x) {
    if (x.eventMonth !== undefined) { eventsByMonth.set(x.eventMonth, (eventsByMonth.get(x.eventMonth) || 0) + 1); }
  });
  var svg = byId("timeline-svg"), brush = null;
  var TL = { pad: 34, top: 4, rowA: 34, rowB: 22, gap: 4, axis: 14 };
  function monthX(m, W) { return TL.pad + (m - M0) * (W - 2 * TL.pad) / (M1 - M0 + 1); }
  function drawTimeline() {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    if (M0 === null) { return; }
    var W = svg.clientWidth || 800, H = TL.top + TL.rowA + TL.gap + TL.rowB + TL.axis + 4;
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("height", String(H));
    var bw = (W - 2 * TL.pad) / (M1 - M0 + 1);
    var maxA = 1, maxB = 1;
    articlesByMonth.forEach(function (v) { maxA = Math.max(maxA, v); });
    eventsByMonth.forEach(function (v) { maxB = Math.max(maxB, v); });
    var inside = function (m) { return state.monthFrom === null || (m >= state.monthFrom && m <= state.monthTo); };
    var yA = TL.top + TL.rowA, yB = yA + TL.gap + TL.rowB;
    svg.appendChild(svgEl("text", { x: "2", y: String(TL.top + 12), "class": "series" })).textContent = t("articlesSeries");
    svg.appendChild(svgEl("text", { x: "2", y: String(yA + TL.gap + 12), "class": "series" })).textContent = t("eventsSeries");
    articlesByMonth.forEach(function (v, m) {
      var h = Math.max(1, v / maxA * TL.rowA);
      svg.appendChild(svgEl("rect", { x: String(monthX(m, W)), y: String(yA - h), width: String(Math.max(0.8, bw - 0.6)),
                                      height: String(h), "class": inside(m) ? "bar a" : "bar a out" }));
    });
    eventsByMonth.forEach(function (v, m) {
      var h = Math.max(1, v / maxB * TL.rowB);
      svg.appendChild(svgEl("rect", { x: String(monthX(m, W)), y: String(yB - h), width: String(Math.max(0.8, bw - 0.6)),
                                      height: String(h), "class": inside(m) ? "bar b" : "bar b out" }));
    });
    var y0 = Math.floor(M0 / 12), y1 = Math.floor(M1 / 12), stepY = Math.max(1, Math.ceil((y1 - y0 + 1) / Math.max(1, W / 60)));
    for (var y = y0; y <= y1; y += stepY) {
      var x = monthX(Math.max(M0, y * 12), W);
      svg.appendChild(svgEl("line", { x1: String(x), x2: String(x), y1: String(yB), y2: String(yB + 4), "class": "tick" }));
      svg.appendChild(svgEl("text", { x: String(x + 2), y: String(yB + TL.axis), "class": "year" })).textContent = String(y);
    }
    if (state.monthFrom !== null) {
      var bx = monthX(state.monthFrom, W), ex = monthX(state.monthTo + 1, W);
      svg.appendChild(svgEl("rect", { x: String(bx), y: String(TL.top), width: String(Math.max(1, ex - bx)),
                                      height: String(yB - TL.top), "class": "brush" }));
    }
    if (brush) {
      var a = Math.min(brush.a, brush.b), b = Math.max(brush.a, brush.b);
      svg.appendChild(svgEl("rect", { x: String(monthX(a, W)), y: String(TL.top), width: String(Math.max(1, monthX(b + 1, W) - monthX(a, W))),
                                      height: String(yB - TL.top), "class": "brush live" }));
    }
  }
  function monthAt(ev) {
    var r = svg.getBoundingClientRect(), W = r.width;
    var m = M0 + Math.floor((ev.clientX - r.left - TL.pad) / ((W - 2 * TL.pad) / (M1 - M0 + 1)));
    return Math.max(M0, Math.min(M1, m));
  }
  svg.addEventListener("pointerdown", function (ev) {
    if (M0 === null) { return; }
    brush = { a: monthAt(ev), b: monthAt(ev) };
    svg.setPointerCapture(ev.pointerId);
    drawTimeline();
  });
  svg.addEventListener("pointermove", function (ev) {
    if (!brush) { return; }
    var m2 = monthAt(ev);
    if (m2 !== brush.b) { brush.b = m2; drawTimeline(); }
  });
  svg.addEventListener("pointerup", function () {
    if (!brush) { return; }
    var a = brush.a, b = brush.b;
    brush = null;
    setPeriod(a, b);
  });
  window.addEventListener("resize", drawTimeline);

  /* ---------------------------------------------------------------- downloads */
  /* What is shown, as entities and links: when something is in focus (an entity's neighbourhood, a
     path, search matches), that; else everything drawn. A collapsed group counts as its members. */
  function exportSets() {
    var keep = view.emphasis ? view.nodes.filter(function (i) { return view.emphasis.has(i); }) : view.nodes.slice();
    var inSet = new Set(keep);
    var links = view.edges.filter(function (k) {
      var e = edges[k];
      if (!inSet.has(e.from) || !inSet.has(e.to)) { return false; }
      return !view.emphasisEdges || view.emphasisEdges.has(k);
    });
    return { nodes: keep, edges: links };
  }
  function csvCell(v) {
    var s = String(v === undefined || v === null ? "" : v);
    if (/^[=+\-@\t\r]/.test(s)) { s = "'" + s; }          /* never a formula in a spreadsheet */
    return /[",\n\r]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
  }
  function csv(rows) { return "\ufeff" + rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n"; }
  function groupLabel(i) { var g = nodes[i].group; return g >= 0 ? String(g + 1) + ": " + groupName(g) : ""; }
  function nodesCsv(set) {
    var rows = [["id", "name", "name_en", "type", "group", "articles", "links", "first_seen", "last_seen", "aliases"]];
    set.nodes.forEach(function (i) {
      var x = nodeInfo[i];
      rows.push([x.key, x.label, x.en, x.type, groupLabel(i), x.articles, x.degree, x.first, x.last, x.aliases.join("; ")]);
    });
    return csv(rows);
  }
  function edgesCsv(set) {
    var rows = [["source_id", "source", "relation", "target_id", "target", "articles", "first_seen", "last_seen",
                 "evidence_sentence", "article_title", "outlet", "article_date", "url"]];
    set.edges.forEach(function (k) {
      var e = edges[k], x = edgeInfo[k];
      var base = [nodeInfo[e.from].key, nodeInfo[e.from].label, x.relation, nodeInfo[e.to].key, nodeInfo[e.to].label,
                  x.docs.length, x.first, x.last];
      if (!x.evidence.length) { rows.push(base.concat(["", "", "", "", ""])); return; }
      x.evidence.forEach(function (s) {
        var row = sentences[s], d = docs[row[0]] || {};
        rows.push(base.concat([row[1], d.title || "", d.outlet || "", d.date || "", d.url || ""]));
      });
    });
    return csv(rows);
  }
  function xml(s) {
    return String(s).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function graphml(set) {
    var nk = [["label", "string"], ["label_en", "string"], ["type", "string"], ["group", "string"], ["articles", "int"],
              ["first_seen", "string"], ["last_seen", "string"]];
    var ek = [["relation", "string"], ["articles", "int"], ["first_seen", "string"], ["last_seen", "string"]];
    var out = ['<?xml version="1.0" encoding="UTF-8"?>',
               '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
    nk.forEach(function (k) { out.push('<key id="n_' + k[0] + '" for="node" attr.name="' + k[0] + '" attr.type="' + k[1] + '"/>'); });
    ek.forEach(function (k) { out.push('<key id="e_' + k[0] + '" for="edge" attr.name="' + k[0] + '" attr.type="' + k[1] + '"/>'); });
    out.push('<graph id="kg" edgedefault="directed">');
    set.nodes.forEach(function (i) {
      var x = nodeInfo[i], vals = [x.label, x.en, x.type, groupLabel(i), x.articles, x.first, x.last];
      out.push('<node id="' + xml(x.key) + '">' + nk.map(function (k, j) {
        return '<data key="n_' + k[0] + '">' + xml(vals[j]) + "</data>";
      }).join("") + "</node>");
    });
    set.edges.forEach(function (k) {
      var e = edges[k], x = edgeInfo[k], vals = [x.relation, x.docs.length, x.first, x.last];
      out.push('<edge id="e' + k + '" source="' + xml(nodeInfo[e.from].key) + '" target="' + xml(nodeInfo[e.to].key) + '">' +
               ek.map(function (kk, j) { return '<data key="e_' + kk[0] + '">' + xml(vals[j]) + "</data>"; }).join("") + "</edge>");
    });
    out.push("</graph>", "</graphml>");
    return out.join("\n") + "\n";
  }
  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = el("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }
  byId("dl-nodes").addEventListener("click", function () { download("kg-entities.csv", "text/csv;charset=utf-8", nodesCsv(exportSets())); });
  byId("dl-edges").addEventListener("click", function () { download("kg-links.csv", "text/csv;charset=utf-8", edgesCsv(exportSets())); });
  byId("dl-graphml").addEventListener("click", function () { download("kg-graph.graphml", "application/xml", graphml(exportSets())); });

  /* ---------------------------------------------------------------- language, view buttons, keys */
  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach(function (node) { node.textContent = t(node.getAttribute("data-i18n")); });
    search.placeholder = t("searchPlaceholder");
    byId("lang-en").setAttribute("aria-pressed", String(lang === "en"));
    byId("lang-vi").setAttribute("aria-pressed", String(lang === "vi"));
    renderFilters();
    drawTimeline();
  }
  function setLanguage(l) {
    lang = l;
    try { window.localStorage.setItem("kg-lang", l); } catch (e) { /* ignore */ }
    applyLanguage();
    refresh();
    rerenderSelection();
  }
  byId("lang-en").addEventListener("click", function () { setLanguage("en"); });
  byId("lang-vi").addEventListener("click", function () { setLanguage("vi"); });
  byId("fit").addEventListener("click", function () { fitView(); });
  byId("reset").addEventListener("click", function () {
    state.types = new Set(allTypes); state.relations = new Set(allRelations);
    state.undated = true; byId("undated").checked = true;
    state.topN = Math.min(data.overview, N); topN.value = topRange.value = String(state.topN);
    state.minArticles = 1; byId("min-articles").value = "1";
    state.unlinked = false; byId("unlinked").checked = false;
    state.allLinks = false; byId("all-links").checked = false;
    state.collapsed = new Set(); state.query = ""; search.value = "";
    state.focus = null; state.path = null; state.hideRest = false; state.selected = null;
    clear(details); byId("details-hint").hidden = false;
    renderFilters();
    setPeriod(null);
    fitView();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && (state.focus !== null || state.path)) { clearFocus(); }
  });

  /* ---------------------------------------------------------------- start */
  timings.indexed = performance.now();
  var explorer = window.kgExplorer = {
    renderer: renderer, nodeCount: N, edgeCount: E, firstDrawMs: null, timings: timings,
    visibleNodeIds: function () { return view.nodes.filter(function (i) { return scene.byKey.has("n" + i); }); },
    visibleEdgeIds: function () { return view.edges.filter(function (k) { return scene.edgeByKey.has("e" + k); }); },
    emphasised: function () { return view.emphasis ? Array.from(view.emphasis).sort(function (a, b) { return a - b; }) : null; },
    dimmedNodeIds: function () {
      return view.nodes.filter(function (i) { var n = scene.byKey.get("n" + i); return n && !n.on; });
    },
    drawnKeys: function () { return scene.nodes.map(function (n) { return n.key; }); },
    drawn: function (key) {
      var n = scene.byKey.get(key);
      return n ? { x: n.x, y: n.y, size: n.size, color: n.color, shape: n.shape, label: n.label, on: n.on } : null;
    },
    drawnLabels: function () { return drawnLabels.map(function (b) { return { key: b.key, x: b.x, y: b.y, w: b.w, h: b.h }; }); },
    camera: function (c) { if (c) { setCamera(c.x, c.y, c.scale); } return { x: camera.x, y: camera.y, scale: camera.scale }; },
    render: render,
    /* what a click at page point (x, y) would hit: a drawn key, or null for the empty canvas */
    hit: function (x, y) {
      var r = canvas.getBoundingClientRect(), n = nodeAt(x - r.left, y - r.top), e = n ? null : edgeAt(x - r.left, y - r.top);
      return n ? n.key : e ? e.key : null;
    },
    centreOn: function (keys, scale) {
      var list = keys.map(function (k) { return scene.byKey.get(k); }).filter(Boolean);
      if (!list.length) { return; }
      var x = 0, y = 0;
      list.forEach(function (n) { x += n.x; y += n.y; });
      setCamera(x / list.length, y / list.length, scale || camera.scale);
      render();
    },
    nodeIdByKey: function (key) { return nodeInfo.findIndex(function (x) { return x.key === key; }); },
    info: function (i) { return nodeInfo[i]; },
    name: function (i) { return nameOf(i); },
    edge: function (k) { return { from: edges[k].from, to: edges[k].to, relation: edgeInfo[k].relation }; },
    focus: function () { return state.focus; },
    select: select, showEdge: showEdge, toggleGroup: toggleGroup, clearFocus: clearFocus,
    shortestChains: function (a, b, limit) { return shortestChains(a, b, limit || 3); },
    partners: function (i) { return partnersOf(i).list.map(function (p) { return [p.node, p.docs.size]; }); },
    exports: function () { var s = exportSets(); return { nodes: nodesCsv(s), edges: edgesCsv(s), graphml: graphml(s) }; },
    viewportPosition: function (key) {
      var n = scene.byKey.get(key);
      if (!n) { return null; }
      var r = canvas.getBoundingClientRect();
      return [r.left + sx(n.x), r.top + sy(n.y)];
    },
    state: state
  };
  resize();
  applyLanguage();
  compute();
  draw();
  renderGroupList();
  fitView();
  timings.drawn = performance.now();
  render();
  explorer.firstDrawMs = performance.now();
  document.body.setAttribute("data-drawn", "true");
})();
