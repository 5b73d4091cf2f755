/* kg graph explorer. sigma.js (WebGL) draws the pyvis-style node and edge records of the page's
   data, at positions computed at build time; this script decides what is shown (overview, filters,
   focus, paths, groups, period) and fills the panels. Every string from the articles reaches the
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
  var MAX_LABELS = 350, MAX_MATCHES_SHOWN = 200, RESULTS_SHOWN = 30, PARTNERS_SHOWN = 30;
  var LABEL_FONT = "DejaVu Sans, Noto Sans, Segoe UI, Arial, sans-serif";

  /* ---------------------------------------------------------------- languages */
  var STRINGS = {
    en: {
      title: "Anti-trafficking cooperation", search: "Search an entity (accents optional)",
      searchPlaceholder: "e.g. bo cong an", overview: "Overview", topN: "Most important entities",
      minArticles: "Named in at least … articles", unlinked: "show entities without links",
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
      noWebgl: "This browser cannot draw WebGL graphics (turn on hardware acceleration, or use a recent Firefox, " +
        "Chrome or Edge). Search, lists, evidence, the timeline and downloads still work.",
      articlesSeries: "articles", eventsSeries: "events with a date", links2: "{n} links", also: "also: {names}",
      collapsedLinks: "{n} links between the group and {name}", groupCollapsed: "collapsed"
    },
    vi: {
      title: "Hợp tác phòng, chống mua bán người", search: "Tìm một thực thể (không cần dấu)",
      searchPlaceholder: "vd. bo cong an", overview: "Tổng quan", topN: "Số thực thể quan trọng nhất",
      minArticles: "Xuất hiện trong ít nhất … bài", unlinked: "hiện cả thực thể không có liên kết",
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
      noWebgl: "Trình duyệt này không vẽ được đồ họa WebGL (hãy bật tăng tốc phần cứng, hoặc dùng Firefox, Chrome, " +
        "Edge bản mới). Tìm kiếm, danh sách, dẫn chứng, dòng thời gian và tải về vẫn hoạt động.",
      articlesSeries: "bài báo", eventsSeries: "sự kiện có ngày", links2: "{n} liên kết", also: "tên khác: {names}",
      collapsedLinks: "{n} liên kết giữa nhóm và {name}", groupCollapsed: "đã thu gọn"
    }
  };
  var TYPE_VI = { Organization: "Tổ chức", Country: "Quốc gia", Agreement: "Văn kiện", Event: "Sự kiện",
                  Person: "Cá nhân", Location: "Địa điểm" };
  var REL_VI = { partOf: "trực thuộc", country: "thuộc quốc gia", organized: "tổ chức", participatedIn: "tham gia",
                 cooperatesWith: "hợp tác với", funded: "tài trợ", partyTo: "là bên của", memberOf: "thành viên của",
                 heldIn: "diễn ra tại", underFramework: "trong khuôn khổ", holdsPosition: "giữ chức vụ tại" };
  var lang = "en";
  try { if (window.localStorage.getItem("kg-lang") === "vi") { lang = "vi"; } } catch (e) { /* file:// may refuse */ }
  function t(key, args) {
    var s = STRINGS[lang][key] || STRINGS.en[key] || key;
    return s.replace(/\{(\w+)\}/g, function (m, k) { return args && k in args ? String(args[k]) : m; });
  }
  function typeName(type) { return lang === "vi" && TYPE_VI[type] ? TYPE_VI[type] : (type || "?"); }
  function relName(rel) { return lang === "vi" && REL_VI[rel] ? REL_VI[rel] : rel; }
  /* The entity's name in the interface's language: its English name where the rules know one. */
  function nameOf(i) { return lang === "en" && nodeInfo[i].en ? nodeInfo[i].en : nodeInfo[i].label; }
  function otherName(i) { return !nodeInfo[i].en ? "" : (lang === "en" ? nodeInfo[i].label : nodeInfo[i].en); }
  function shortName(i) { var s = nameOf(i); return s.length > 48 ? s.slice(0, 47).replace(/\s+$/, "") + "\u2026" : s; }
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
  var edgeMonths = edgeInfo.map(function (x) {
    var seen = [];
    x.docs.forEach(function (k) { if (docMonth[k] >= 0 && seen.indexOf(docMonth[k]) < 0) { seen.push(docMonth[k]); } });
    return seen.sort(function (a, b) { return a - b; });
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
    topN: Math.min(data.overview, N), minArticles: 1, unlinked: false,
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

  /* Nodes and edges within `depth` links of `start`, through edges that pass the filters. */
  function neighbourhood(start, depth, okNode, okEdge) {
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
        var k = adjEdge[a];
        if (okEdge[k] && nodeSet.has(other(k, i))) { edgeSet.add(k); }
      }
    });
    return { nodes: nodeSet, edges: edgeSet };
  }

  function compute() {
    var okNode = new Uint8Array(N), okEdge = new Uint8Array(E), i, k;
    for (i = 0; i < N; i++) { okNode[i] = nodePasses(i) ? 1 : 0; }
    for (k = 0; k < E; k++) { okEdge[k] = okNode[edges[k].from] && okNode[edges[k].to] && edgePassesOwn(k) ? 1 : 0; }
    var shown = new Uint8Array(N), emphasis = null, emphasisEdges = null, matches = [];
    if (state.focus !== null || state.path) {
      emphasis = new Set(); emphasisEdges = new Set();
    }
    var restHidden = emphasis && state.hideRest;
    if (!restHidden) {
      var count = 0;
      for (var r = 0; r < N && count < state.topN; r++) {
        i = order[r];
        if (okNode[i] && nodeInfo[i].articles >= state.minArticles) { shown[i] = 1; count++; }
      }
    }
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
      var near = neighbourhood(state.focus, state.depth, okNode, okEdge);
      near.nodes.forEach(function (m) { emphasis.add(m); shown[m] = 1; });
      near.edges.forEach(function (kk) { emphasisEdges.add(kk); });
      shown[state.focus] = 1;
    }
    var shownEdges = [];
    for (k = 0; k < E; k++) {
      var e = edges[k];
      if (shown[e.from] && shown[e.to] && (okEdge[k] || (emphasisEdges && emphasisEdges.has(k)))) { shownEdges.push(k); }
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

  /* ---------------------------------------------------------------- drawing */
  var SHAPES = { dot: 0, square: 1, diamond: 2, triangle: 3, star: 4, hexagon: 5 };
  var renderer = null, graph = null, labelOrder = [], drawnLabels = [], aggregated = [];
  var extent = (function () {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    nodes.forEach(function (n) { x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, -n.y); y1 = Math.max(y1, -n.y); });
    if (!N) { x0 = y0 = 0; x1 = y1 = 1; }
    return { x: [x0, x1], y: [y0, y1] };
  })();

  function shapeProgram() {
    var R = Sigma.rendering, GL = WebGLRenderingContext;
    var VERT = [
      "attribute vec4 a_id; attribute vec4 a_color; attribute vec2 a_position; attribute float a_size;",
      "attribute float a_shape; attribute float a_angle;",
      "uniform mat3 u_matrix; uniform float u_sizeRatio; uniform float u_correctionRatio;",
      "varying vec4 v_color; varying vec2 v_diffVector; varying float v_radius; varying float v_shape;",
      "const float bias = 255.0 / 254.0;",
      "void main() {",
      "  float size = a_size * u_correctionRatio / u_sizeRatio * 4.0;",
      "  vec2 diffVector = size * vec2(cos(a_angle), sin(a_angle));",
      "  gl_Position = vec4((u_matrix * vec3(a_position + diffVector, 1)).xy, 0, 1);",
      "  v_diffVector = diffVector; v_radius = size / 2.0; v_shape = a_shape;",
      "  #ifdef PICKING_MODE", "  v_color = a_id;", "  #else", "  v_color = a_color;", "  #endif",
      "  v_color.a *= bias;", "}"].join("\n");
    /* Signed distances of unit shapes (after Inigo Quilez), in units of the node's radius. */
    var FRAG = [
      "precision highp float;",
      "varying vec4 v_color; varying vec2 v_diffVector; varying float v_radius; varying float v_shape;",
      "uniform float u_correctionRatio;",
      "float box(vec2 p) { vec2 d = abs(p) - vec2(0.7); return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0); }",
      "float tri(vec2 p) { const float k = 1.7320508; float r = 0.866; p.y -= 0.1; p.x = abs(p.x) - r; p.y = p.y + r / k;",
      "  if (p.x + k * p.y > 0.0) p = vec2(p.x - k * p.y, -k * p.x - p.y) / 2.0;",
      "  p.x -= clamp(p.x, -2.0 * r, 0.0); return -length(p) * sign(p.y); }",
      "float star(vec2 p) { const vec2 k1 = vec2(0.809016994375, -0.587785252292); const vec2 k2 = vec2(-0.809016994375, -0.587785252292);",
      "  p.x = abs(p.x); p -= 2.0 * max(dot(k1, p), 0.0) * k1; p -= 2.0 * max(dot(k2, p), 0.0) * k2;",
      "  p.x = abs(p.x); p.y -= 1.0; vec2 ba = 0.5 * vec2(-k1.y, k1.x) - vec2(0.0, 1.0);",
      "  float h = clamp(dot(p, ba) / dot(ba, ba), 0.0, 1.0); return length(p - ba * h) * sign(p.y * ba.x - p.x * ba.y); }",
      "float hex(vec2 p) { const vec3 k = vec3(-0.866025404, 0.5, 0.577350269); float r = 0.866; p = abs(p);",
      "  p -= 2.0 * min(dot(k.xy, p), 0.0) * k.xy; p -= vec2(clamp(p.x, -k.z * r, k.z * r), r); return length(p) * sign(p.y); }",
      "float shape(vec2 p, float s) {",
      "  if (s < 0.5) return length(p) - 1.0; if (s < 1.5) return box(p); if (s < 2.5) return (abs(p.x) + abs(p.y) - 1.0) * 0.7071;",
      "  if (s < 3.5) return tri(p); if (s < 4.5) return star(p); return hex(p); }",
      "void main(void) {",
      "  float border = u_correctionRatio * 2.0;",
      "  float d = shape(v_diffVector / v_radius, v_shape) * v_radius;",
      "  #ifdef PICKING_MODE",
      "  gl_FragColor = d > 0.0 ? vec4(0.0) : v_color;",
      "  #else",
      "  vec4 ink = mix(v_color, vec4(v_color.rgb * 0.55, v_color.a), smoothstep(-2.0 * border, -border, d));",
      "  gl_FragColor = mix(ink, vec4(0.0), clamp(d / border + 0.5, 0.0, 1.0));",
      "  #endif", "}"].join("\n");
    class NodeShapeProgram extends R.NodeProgram {
      getDefinition() {
        return {
          VERTICES: 3, VERTEX_SHADER_SOURCE: VERT, FRAGMENT_SHADER_SOURCE: FRAG, METHOD: GL.TRIANGLES,
          UNIFORMS: ["u_sizeRatio", "u_correctionRatio", "u_matrix"],
          ATTRIBUTES: [{ name: "a_position", size: 2, type: GL.FLOAT }, { name: "a_size", size: 1, type: GL.FLOAT },
                       { name: "a_color", size: 4, type: GL.UNSIGNED_BYTE, normalized: true },
                       { name: "a_id", size: 4, type: GL.UNSIGNED_BYTE, normalized: true },
                       { name: "a_shape", size: 1, type: GL.FLOAT }],
          CONSTANT_ATTRIBUTES: [{ name: "a_angle", size: 1, type: GL.FLOAT }],
          CONSTANT_DATA: [[0], [2 * Math.PI / 3], [4 * Math.PI / 3]]
        };
      }
      processVisibleItem(nodeIndex, start, d) {
        var a = this.array;
        a[start++] = d.x; a[start++] = d.y; a[start++] = d.size; a[start++] = Sigma.utils.floatColor(d.color);
        a[start++] = nodeIndex; a[start++] = d.shape || 0;
      }
      setUniforms(params, ctx) {
        var gl = ctx.gl, u = ctx.uniformLocations;
        gl.uniform1f(u.u_correctionRatio, params.correctionRatio);
        gl.uniform1f(u.u_sizeRatio, params.sizeRatio);
        gl.uniformMatrix3fv(u.u_matrix, false, params.matrix);
      }
    }
    return NodeShapeProgram;
  }

  /* sigma.js needs a WebGL context as soon as it loads: it is kept as text and run only here, once
     WebGL is known to work (the Content-Security-Policy lets its exact text run). */
  function loadSigma() {
    if (!window.Sigma) {
      var code = document.createElement("script");
      code.textContent = byId("kg-renderer").textContent;
      document.head.appendChild(code);
    }
    return !!window.Sigma;
  }
  function createRenderer() {
    try {
      var probe = document.createElement("canvas");
      if (!(probe.getContext("webgl2") || probe.getContext("webgl"))) { throw new Error("no WebGL"); }
      if (!loadSigma()) { throw new Error("sigma.js did not load"); }
      graph = new graphology.MultiDirectedGraph();
      var r = new Sigma.Sigma(graph, byId("graph"), {
        renderLabels: false, renderEdgeLabels: false, enableEdgeEvents: true, zIndex: true,
        defaultNodeType: "shape", nodeProgramClasses: { shape: shapeProgram() },
        defaultEdgeType: "line",
        edgeProgramClasses: { line: Sigma.rendering.EdgeRectangleProgram, arrow: Sigma.rendering.EdgeArrowProgram },
        labelFont: LABEL_FONT, labelSize: 13, labelWeight: "600", minCameraRatio: 0.005, maxCameraRatio: 3,
        stagePadding: 24, allowInvalidContainer: true, hideEdgesOnMove: false
      });
      r.setCustomBBox(extent);
      return r;
    } catch (err) {
      var box = byId("no-webgl");
      box.hidden = false;
      box.textContent = t("noWebgl");
      byId("graph").hidden = true;
      return null;
    }
  }

  /* Build the drawn graph from `view`: entities (or their collapsed groups) and links. */
  function draw() {
    var emph = view.emphasis, emphEdges = view.emphasisEdges;
    var g = new graphology.MultiDirectedGraph();
    var priority = [];
    var groupMembers = {};
    view.nodes.forEach(function (i) {
      var key = drawnKey(i);
      if (key.charAt(0) === "g") { (groupMembers[key] = groupMembers[key] || []).push(i); return; }
      var on = !emph || emph.has(i);
      if (!on && state.hideRest && emph) { return; }
      var n = nodes[i];
      g.addNode(key, { x: n.x, y: -n.y, size: n.size * (i === state.focus ? 1.5 : 1), shape: SHAPES[n.shape] || 0,
                       color: on ? nodeColor(i) : DIM_NODE, label: shortName(i), zIndex: on ? 2 : 0,
                       highlighted: i === state.focus });
      if (on) { priority.push([i === state.focus ? -2 : emph ? -1 : 0, rankOf[i], key, shortName(i)]); }
    });
    Object.keys(groupMembers).forEach(function (key) {
      var k = parseInt(key.slice(1), 10), grp = groups[k], members = groupMembers[key];
      var name = groupName(k) + " (+" + members.length + ")";
      g.addNode(key, { x: grp.x, y: -grp.y, size: Math.min(22, 8 + 2 * Math.sqrt(members.length)), shape: 0,
                       color: emph ? DIM_NODE : grp.color, label: name, zIndex: 1 });
      if (!emph) { priority.push([-1, rankOf[grp.leaders[0]], key, name]); }
    });
    aggregated = [];
    var pairs = {};
    /* many links at once: fainter, so the entities and their labels stay readable */
    var alpha = Math.max(0.3, Math.min(0.9, 600 / Math.max(1, view.edges.length)));
    view.edges.forEach(function (k) {
      var e = edges[k], a = drawnKey(e.from), b = drawnKey(e.to);
      if (!g.hasNode(a) || !g.hasNode(b) || a === b) { return; }
      var on = !emphEdges ? (!emph || (emph.has(e.from) && emph.has(e.to))) : emphEdges.has(k);
      if (!on && state.hideRest && emph) { return; }
      var width = Math.min(4, 1 + Math.log2(1 + edgeInfo[k].docs.length) * 0.6);
      if (a.charAt(0) === "g" || b.charAt(0) === "g") {
        var pk = a < b ? a + "|" + b : b + "|" + a;
        if (!(pk in pairs)) {
          pairs[pk] = aggregated.length;
          aggregated.push({ a: a, b: b, edges: [] });
          g.addEdgeWithKey("a" + pairs[pk], a, b, { color: on ? "#9a9a9a" : DIM_EDGE, size: 1, zIndex: on ? 1 : 0 });
        }
        aggregated[pairs[pk]].edges.push(k);
        var agg = aggregated[pairs[pk]];
        g.setEdgeAttribute("a" + pairs[pk], "size", Math.min(5, 1 + Math.log2(agg.edges.length)));
        return;
      }
      g.addEdgeWithKey("e" + k, a, b, { color: on ? fade(e.color, emph ? 0.9 : alpha) : DIM_EDGE, size: on ? width : 1,
                                        type: e.arrows ? "arrow" : "line", zIndex: on ? 1 : 0 });
    });
    priority.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1]; });
    labelOrder = priority;
    graph = g;
    if (renderer) {
      renderer.setSetting("hideEdgesOnMove", g.size > 30000);
      renderer.setGraph(g);
    }
    updateStatus();
  }

  /* Labels only where they fit: most important first, skipped when they would overlap one drawn. */
  function drawLabels() {
    drawnLabels = [];
    if (!renderer) { return; }
    var ctx = renderer.getCanvases().labels.getContext("2d");
    var dims = renderer.getDimensions(), W = dims.width, H = dims.height;
    var cell = 48, grid = new Map();
    ctx.font = "600 13px " + LABEL_FONT;
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    var tried = 0;
    for (var j = 0; j < labelOrder.length && drawnLabels.length < MAX_LABELS && tried < 6000; j++) {
      var key = labelOrder[j][2];
      if (!graph.hasNode(key)) { continue; }
      var attrs = graph.getNodeAttributes(key);
      var p = renderer.graphToViewport(attrs);
      if (p.x < -50 || p.y < -20 || p.x > W + 50 || p.y > H + 20) { continue; }
      tried++;
      var text = labelOrder[j][3];
      var r = renderer.scaleSize(attrs.size);
      var w = ctx.measureText(text).width, h = 16;
      var box = { x: p.x + r + 3, y: p.y - h / 2, w: w + 2, h: h, key: key };
      if (box.x + box.w > W) { box.x = p.x - r - 3 - box.w; }
      if (box.x < 0 || box.y < 0 || box.y + h > H) { continue; }
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
      ctx.strokeText(text, box.x + 1, p.y);
      ctx.fillStyle = "#1a1a1a";
      ctx.fillText(text, box.x + 1, p.y);
      drawnLabels.push(box);
    }
  }

  /* Camera onto a set of drawn keys (or every drawn node). */
  function fitKeys(keys) {
    if (!renderer || !graph.order) { return; }
    keys = (keys || graph.nodes()).filter(function (k) { return graph.hasNode(k); });
    if (!keys.length) { return; }
    var ratio = Math.max(extent.x[1] - extent.x[0], extent.y[1] - extent.y[0]) || 1;
    var cx = (extent.x[0] + extent.x[1]) / 2, cy = (extent.y[0] + extent.y[1]) / 2;
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    keys.forEach(function (k) {
      var a = graph.getNodeAttributes(k), fx = 0.5 + (a.x - cx) / ratio, fy = 0.5 + (a.y - cy) / ratio;
      x0 = Math.min(x0, fx); x1 = Math.max(x1, fx); y0 = Math.min(y0, fy); y1 = Math.max(y1, fy);
    });
    var camera = renderer.getCamera();
    camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    var a0 = renderer.framedGraphToViewport({ x: x0, y: y0 }), a1 = renderer.framedGraphToViewport({ x: x1, y: y1 });
    var dims = renderer.getDimensions();
    var need = Math.max(Math.abs(a1.x - a0.x) / Math.max(dims.width - 160, 50),
                        Math.abs(a1.y - a0.y) / Math.max(dims.height - 80, 50));
    camera.setState({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio: Math.min(1.2, Math.max(need * 1.05, 0.02)), angle: 0 });
  }
  function fitView() {
    var keys = null;
    if (view.emphasis && view.emphasis.size) {
      keys = [];
      view.emphasis.forEach(function (i) { keys.push(drawnKey(i)); });
    }
    fitKeys(keys);
  }

  /* ---------------------------------------------------------------- status and refresh */
  function updateStatus() {
    var entities = 0;
    graph.forEachNode(function (k) { if (k.charAt(0) === "n") { entities++; } });
    var text = t("status", { shown: entities, total: N, links: graph.size, totalLinks: E });
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
    box.appendChild(el("ol", { className: "evidence" }, info.evidence.map(function (s) {
      var row = sentences[s];
      return el("li", null, [docLine(row[0]), marked(row[1], names)]);
    })));
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
    var box = byId("graph").getBoundingClientRect();
    tooltip.style.left = Math.min(box.left + ev.x + 14, window.innerWidth - 390) + "px";
    tooltip.style.top = Math.min(box.top + ev.y + 14, window.innerHeight - 150) + "px";
    tooltip.hidden = false;
  }
  function hideTooltip() { tooltip.hidden = true; }

  function bindRenderer() {
    if (!renderer) { return; }
    renderer.on("afterRender", drawLabels);
    renderer.on("enterNode", function (p) {
      var key = p.node;
      if (key.charAt(0) === "g") {
        var g = parseInt(key.slice(1), 10);
        showTooltip(p.event, groupName(g), t("groupOf", { n: groups[g].size }), null);
        return;
      }
      var i = parseInt(key.slice(1), 10), x = nodeInfo[i];
      var sub = typeName(x.type) + " \u00b7 " + articlesText(x.articles) + (x.first ? " \u00b7 " + dateRange(x) : "");
      if (otherName(i)) { sub += " \u00b7 " + otherName(i); }
      showTooltip(p.event, nameOf(i), sub, sentences[x.evidence[0]]);
    });
    renderer.on("enterEdge", function (p) {
      if (p.edge.charAt(0) !== "e") { return; }
      var k = parseInt(p.edge.slice(1), 10), e = edges[k], x = edgeInfo[k];
      showTooltip(p.event, nameOf(e.from) + " \u2192 " + nameOf(e.to),
                  relName(x.relation) + " \u00b7 " + articlesText(x.docs.length), sentences[x.evidence[0]]);
    });
    ["leaveNode", "leaveEdge", "leaveStage", "downNode", "downStage", "wheelStage", "wheelNode"].forEach(function (name) {
      renderer.on(name, hideTooltip);
    });
    renderer.on("clickNode", function (p) {
      var key = p.node;
      if (key.charAt(0) === "g") { showGroup(parseInt(key.slice(1), 10)); return; }
      select(parseInt(key.slice(1), 10));
    });
    renderer.on("doubleClickNode", function (p) {
      if (p.node.charAt(0) === "g") { p.preventSigmaDefault(); toggleGroup(parseInt(p.node.slice(1), 10)); }
    });
    renderer.on("clickEdge", function (p) {
      if (p.edge.charAt(0) === "e") { showEdge(parseInt(p.edge.slice(1), 10)); }
      else { showAggregated(parseInt(p.edge.slice(1), 10)); }
    });
    renderer.on("clickStage", function () { if (state.focus !== null || state.path) { clearFocus(); } });
  }
  /* The pointer can leave the canvas without sigma seeing it leave a node (a jump to the panel). */
  byId("centre").addEventListener("mouseleave", hideTooltip);
  document.addEventListener("pointermove", function (ev) {
    if (!tooltip.hidden && !byId("graph").contains(ev.target)) { hideTooltip(); }
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
    if (!renderer) { byId("no-webgl").textContent = t("noWebgl"); }
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
  renderer = createRenderer();
  timings.renderer = performance.now();
  var explorer = window.kgExplorer = {
    renderer: renderer, nodeCount: N, edgeCount: E, firstDrawMs: null, timings: timings,
    visibleNodeIds: function () { return view.nodes.filter(function (i) { return graph.hasNode("n" + i); }); },
    visibleEdgeIds: function () { return view.edges.filter(function (k) { return graph.hasEdge("e" + k); }); },
    emphasised: function () { return view.emphasis ? Array.from(view.emphasis).sort(function (a, b) { return a - b; }) : null; },
    dimmedNodeIds: function () {
      return view.nodes.filter(function (i) { return graph.hasNode("n" + i) && view.emphasis && !view.emphasis.has(i); });
    },
    drawnKeys: function () { return graph.nodes(); },
    drawnLabels: function () { return drawnLabels.map(function (b) { return { key: b.key, x: b.x, y: b.y, w: b.w, h: b.h }; }); },
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
      if (!renderer || !graph.hasNode(key)) { return null; }
      var p = renderer.graphToViewport(graph.getNodeAttributes(key)), r = byId("graph").getBoundingClientRect();
      return [r.left + p.x, r.top + p.y];
    },
    state: state
  };
  applyLanguage();
  compute();
  draw();
  renderGroupList();
  bindRenderer();
  fitView();
  timings.drawn = performance.now();
  function ready() {
    explorer.firstDrawMs = performance.now();
    document.body.setAttribute("data-drawn", "true");
  }
  if (renderer) { renderer.once("afterRender", ready); renderer.refresh(); } else { ready(); }
})();
