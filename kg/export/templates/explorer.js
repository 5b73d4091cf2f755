/* kg graph explorer. Every string from the articles reaches the page through textContent or the
   canvas, never through innerHTML or vis-network's HTML tooltips. */
(function () {
  "use strict";
  var startedMs = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodeInfo = data.nodeInfo, edgeInfo = data.edgeInfo, docs = data.documents, legend = data.legend;
  var sentences = data.sentences;   /* [article id, sentence]; nodes and links refer to them by index */
  var byId = function (id) { return document.getElementById(id); };
  var VEIL = "rgba(255,255,255,0.8)";

  /* ---------- small DOM helpers (text only) ---------- */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k === "text") { node.textContent = props[k]; }
        else if (k === "className") { node.className = props[k]; }
        else { node.setAttribute(k, props[k]); }
      });
    }
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  /* Accent- and case-insensitive key, like kg.text.fold: "Bộ Công an" -> "bo cong an". */
  function fold(s) {
    return String(s).replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  var SVGNS = "http://www.w3.org/2000/svg";
  function glyph(shape, color) {
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", "16"); svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "0 0 16 16"); svg.setAttribute("class", "glyph");
    var pts = {
      square: "2,2 14,2 14,14 2,14", diamond: "8,1 15,8 8,15 1,8",
      triangle: "8,1 15,14 1,14", triangleDown: "1,2 15,2 8,15",
      hexagon: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8",
      star: "8,0.5 10,6 15.5,6 11,9.5 12.8,15 8,11.7 3.2,15 5,9.5 0.5,6 6,6"
    }[shape];
    var shapeEl = document.createElementNS(SVGNS, pts ? "polygon" : "circle");
    if (pts) { shapeEl.setAttribute("points", pts); }
    else { shapeEl.setAttribute("cx", "8"); shapeEl.setAttribute("cy", "8"); shapeEl.setAttribute("r", "6.5"); }
    shapeEl.setAttribute("fill", color); shapeEl.setAttribute("stroke", "#333"); shapeEl.setAttribute("stroke-width", "0.6");
    svg.appendChild(shapeEl);
    return svg;
  }

  /* ---------- data sets, adjacency and search keys ---------- */
  var typeColor = {};
  legend.types.forEach(function (t) { typeColor[t.name] = t.color; });
  var searchKeys = data.nodes.map(function (n, i) {
    return [nodeInfo[i].label].concat(nodeInfo[i].aliases).map(fold);
  });
  var incident = data.nodes.map(function () { return []; });
  data.edges.forEach(function (e) { incident[e.from].push(e.id); if (e.to !== e.from) { incident[e.to].push(e.id); } });

  /* ---------- filter state ---------- */
  var state = {
    types: new Set(legend.types.map(function (t) { return t.name; })),
    relations: new Set(legend.relations.map(function (r) { return r.name; })),
    yearFrom: legend.years.length ? legend.years[0] : null,
    yearTo: legend.years.length ? legend.years[1] : null,
    undated: true,
    query: ""
  };
  var shownNodes = new Set(), shownEdges = new Set(), matches = [];

  function yearOk(years) {
    if (!years.length) { return state.undated; }
    if (state.yearFrom === null) { return true; }
    return years.some(function (y) { return y >= state.yearFrom && y <= state.yearTo; });
  }
  function edgePasses(e) { var info = edgeInfo[e.id]; return state.relations.has(info.relation) && yearOk(info.years); }

  function recompute() {
    var base = new Set();
    data.nodes.forEach(function (n, i) {
      if (state.types.has(nodeInfo[i].type) && yearOk(nodeInfo[i].years)) { base.add(i); }
    });
    var q = fold(state.query);
    matches = [];
    if (q) {
      base.forEach(function (i) {
        if (searchKeys[i].some(function (k) { return k.indexOf(q) !== -1; })) { matches.push(i); }
      });
      var keep = new Set(matches);
      matches.forEach(function (i) {
        incident[i].forEach(function (eid) {
          var e = data.edges[eid];
          var other = e.from === i ? e.to : e.from;
          if (base.has(other) && edgePasses(e)) { keep.add(other); }
        });
      });
      base = keep;
    }
    shownNodes = base;
    shownEdges = new Set();
    data.edges.forEach(function (e) {
      if (shownNodes.has(e.from) && shownNodes.has(e.to) && edgePasses(e)) { shownEdges.add(e.id); }
    });
  }

  /* ---------- network ---------- */
  /* Filters flip `hidden` on vis-network's own node and edge objects and ask it to re-index once:
     a DataSet update re-parses every item's options and takes seconds at 10,000 nodes. */
  recompute();
  data.nodes.forEach(function (n) { n.hidden = !shownNodes.has(n.id); });
  data.edges.forEach(function (e) { e.hidden = !shownEdges.has(e.id); });
  var network = new vis.Network(byId("graph"), { nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges) },
                                data.options);
  var body = network.body;
  function syncHidden() {
    data.nodes.forEach(function (n) { body.nodes[n.id].options.hidden = !shownNodes.has(n.id); });
    data.edges.forEach(function (e) { body.edges[e.id].options.hidden = !shownEdges.has(e.id); });
    body.emitter.emit("_dataUpdated");
  }
  var explorer = window.kgExplorer = {
    network: network, nodeCount: data.nodes.length, edgeCount: data.edges.length, firstDrawMs: null,
    timings: { scriptStartMs: startedMs, networkReadyMs: performance.now() },
    visibleNodeIds: function () { return Array.from(shownNodes).sort(function (a, b) { return a - b; }); },
    visibleEdgeIds: function () { return Array.from(shownEdges).sort(function (a, b) { return a - b; }); },
    focus: function () { return focus; },
    nodeIdByKey: function (key) { return nodeInfo.findIndex(function (n) { return n.key === key; }); },
    info: function (id) { return nodeInfo[id]; },
    edge: function (id) { return { from: data.edges[id].from, to: data.edges[id].to, relation: edgeInfo[id].relation }; }
  };
  network.once("afterDrawing", function () {
    explorer.firstDrawMs = performance.now();
    document.body.setAttribute("data-drawn", "true");
  });

  function updateStatus() {
    var text = shownNodes.size + " of " + data.nodes.length + " entities, " + shownEdges.size + " of " +
      data.edges.length + " links shown";
    if (state.query) { text += " \u2014 " + matches.length + " match" + (matches.length === 1 ? "" : "es"); }
    byId("status").textContent = text;
  }

  function applyFilters() {
    clearHighlight();
    recompute();
    syncHidden();
    updateStatus();
    renderResults();
  }

  /* ---------- neighbourhood highlight ---------- */
  /* A white veil over the drawing, then the neighbourhood drawn again on top: the cost is the
     neighbourhood's size, not the graph's. */
  var focus = null;
  function highlight(nodeId) {
    if (!byId("highlight").checked) { return; }
    var near = new Set([nodeId]), nearEdges = [];
    incident[nodeId].forEach(function (eid) {
      if (!shownEdges.has(eid)) { return; }
      var e = data.edges[eid];
      near.add(e.from); near.add(e.to); nearEdges.push(eid);
    });
    focus = { nodes: Array.from(near).sort(function (a, b) { return a - b; }), edges: nearEdges };
    network.redraw();
  }
  function clearHighlight() {
    if (focus) { focus = null; network.redraw(); }
  }
  network.on("afterDrawing", function (ctx) {
    if (!focus) { return; }
    var c = ctx.canvas, a = network.DOMtoCanvas({ x: 0, y: 0 });
    var b = network.DOMtoCanvas({ x: c.clientWidth, y: c.clientHeight });
    ctx.save();
    ctx.fillStyle = VEIL;
    ctx.fillRect(a.x, a.y, b.x - a.x, b.y - a.y);
    ctx.restore();
    focus.edges.forEach(function (id) { body.edges[id].draw(ctx); });
    focus.edges.forEach(function (id) { body.edges[id].drawArrows(ctx); });
    var labels = [];
    focus.nodes.forEach(function (id) {
      var later = body.nodes[id].draw(ctx);
      if (later && later.drawExternalLabel) { labels.push(later.drawExternalLabel); }
    });
    labels.forEach(function (draw) { draw(); });
  });

  /* ---------- details panel and tooltip ---------- */
  function docLine(docId) {
    var d = docs[docId] || {};
    var parts = [d.title || (d.file ? "Untitled article (" + d.file + ")" : "Article " + docId)];
    parts.push(d.date || "undated");
    if (d.outlet) { parts.push(d.outlet); }
    return parts.join(" \u00b7 ");
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
    var box = el("section");
    box.appendChild(el("h3", { text: "Evidence (" + info.evidenceTotal + ")" }));
    if (info.evidenceTotal > info.evidence.length) {
      box.appendChild(el("p", { className: "hint", text: "The first " + info.evidence.length + " of " +
        info.evidenceTotal + " sentences; graph.json has them all." }));
    }
    box.appendChild(evidenceList(info.evidence.map(function (i) { return sentences[i]; }), names));
    return box;
  }
  function evidenceList(items, names) {
    if (!items.length) { return el("p", { className: "hint", text: "No evidence sentence recorded." }); }
    return el("ol", { className: "evidence" }, items.map(function (ev) {
      return el("li", null, [el("div", { className: "source", text: docLine(ev[0]) }), marked(ev[1], names)]);
    }));
  }
  function namesOf(id) { return [nodeInfo[id].label].concat(nodeInfo[id].aliases); }
  function kindBadge(type) {
    var badge = el("span", { className: "kind", text: type || "?" });
    badge.style.background = typeColor[type] || "#777";
    return badge;
  }
  function nodeButton(id) {
    var b = el("button", { type: "button", className: "linklike", text: nodeInfo[id].label });
    b.addEventListener("click", function () { focusNode(id); });
    return b;
  }

  function showNode(id) {
    var info = nodeInfo[id];
    var body = byId("details-body");
    clear(body);
    byId("details-hint").hidden = true;
    body.appendChild(el("h2", { text: info.label }));
    var dl = el("dl", null, [el("dt", { text: "Type" }), el("dd", null, [kindBadge(info.type)]),
                             el("dt", { text: "Id" }), el("dd", { text: info.key }),
                             el("dt", { text: "Links" }), el("dd", { text: String(info.degree) })]);
    info.attrs.forEach(function (kv) { dl.appendChild(el("dt", { text: kv[0] })); dl.appendChild(el("dd", { text: kv[1] })); });
    body.appendChild(dl);
    body.appendChild(el("h3", { text: "Also called" }));
    body.appendChild(info.aliases.length
      ? el("ul", { className: "aliases" }, info.aliases.map(function (a) { return el("li", { text: a }); }))
      : el("p", { className: "hint", text: "No other name." }));
    var links = incident[id].map(function (eid) { return data.edges[eid]; });
    if (links.length) {
      body.appendChild(el("h3", { text: "Links (" + links.length + ")" }));
      body.appendChild(el("ul", { className: "aliases" }, links.map(function (e) {
        var rel = el("button", { type: "button", className: "linklike", text: edgeInfo[e.id].relation });
        rel.addEventListener("click", function () { network.selectEdges([e.id]); showEdge(e.id); });
        var li = el("li");
        li.appendChild(e.from === id ? document.createTextNode("\u2192 ") : document.createTextNode("\u2190 "));
        li.appendChild(rel); li.appendChild(document.createTextNode(" "));
        li.appendChild(nodeButton(e.from === id ? e.to : e.from));
        return li;
      })));
    }
    body.appendChild(evidenceSection(info, namesOf(id)));
  }

  function showEdge(id) {
    var e = data.edges[id], info = edgeInfo[id];
    var body = byId("details-body");
    clear(body);
    byId("details-hint").hidden = true;
    var title = el("h2");
    title.appendChild(nodeButton(e.from));
    title.appendChild(document.createTextNode(" \u2014" + info.relation + (e.arrows ? "\u2192 " : "\u2014 ")));
    title.appendChild(nodeButton(e.to));
    body.appendChild(title);
    body.appendChild(el("dl", null, [
      el("dt", { text: "Relation" }), el("dd", { text: info.relation }),
      el("dt", { text: "From" }), el("dd", { text: nodeInfo[e.from].label + " (" + nodeInfo[e.from].type + ")" }),
      el("dt", { text: "To" }), el("dd", { text: nodeInfo[e.to].label + " (" + nodeInfo[e.to].type + ")" })]));
    body.appendChild(evidenceSection(info, namesOf(e.from).concat(namesOf(e.to))));
  }

  function clip(s, n) { return s.length > n ? s.slice(0, n - 1) + "\u2026" : s; }
  var tooltip = byId("tooltip");
  function showTooltip(pointer, heading, sub, ev) {
    clear(tooltip);
    tooltip.appendChild(el("strong", { text: heading }));
    tooltip.appendChild(el("div", { className: "source", text: sub }));
    if (ev) {
      tooltip.appendChild(el("div", { className: "sentence", text: "\u201c" + clip(ev[1], 240) + "\u201d" }));
      tooltip.appendChild(el("div", { className: "source", text: docLine(ev[0]) }));
    }
    var box = byId("graph").getBoundingClientRect();
    tooltip.style.left = Math.min(box.left + pointer.DOM.x + 14, window.innerWidth - 390) + "px";
    tooltip.style.top = Math.min(box.top + pointer.DOM.y + 14, window.innerHeight - 140) + "px";
    tooltip.hidden = false;
  }
  function hideTooltip() { tooltip.hidden = true; }

  network.on("hoverNode", function (p) {
    var info = nodeInfo[p.node];
    var sub = info.type + (info.aliases.length ? " \u00b7 also: " + clip(info.aliases.join("; "), 120) : "");
    showTooltip(p.pointer, nodeInfo[p.node].label, sub, sentences[info.evidence[0]]);
  });
  network.on("hoverEdge", function (p) {
    var e = data.edges[p.edge], info = edgeInfo[p.edge];
    showTooltip(p.pointer, nodeInfo[e.from].label + " \u2192 " + nodeInfo[e.to].label, info.relation, sentences[info.evidence[0]]);
  });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);

  network.on("click", function (p) {
    clearHighlight();
    if (p.nodes.length) { showNode(p.nodes[0]); highlight(p.nodes[0]); }
    else if (p.edges.length) { showEdge(p.edges[0]); }
  });

  function focusNode(id) {
    if (!shownNodes.has(id)) { return; }
    clearHighlight();
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(id);
    highlight(id);
  }

  /* ---------- controls ---------- */
  function renderResults() {
    var list = byId("results");
    clear(list);
    if (!state.query) { return; }
    matches.slice(0, 30).forEach(function (i) {
      var b = el("button", { type: "button" }, [glyph(data.nodes[i].shape, data.nodes[i].color)]);
      b.appendChild(document.createTextNode(" " + nodeInfo[i].label));
      b.addEventListener("click", function () { focusNode(i); });
      list.appendChild(el("li", null, [b]));
    });
    if (!matches.length) { list.appendChild(el("li", { className: "hint", text: "No entity matches." })); }
  }

  function checkbox(set, name, count, decoration) {
    var input = el("input", { type: "checkbox", value: name });
    input.checked = true;
    input.addEventListener("change", function () {
      if (input.checked) { set.add(name); } else { set.delete(name); }
      applyFilters();
    });
    return el("label", { className: "check" }, [input, decoration, el("span", { text: name }),
                                                el("span", { className: "count", text: String(count) })]);
  }
  legend.types.forEach(function (t) {
    byId("type-filter").appendChild(checkbox(state.types, t.name, t.count, glyph(t.shape, t.color)));
  });
  legend.relations.forEach(function (r) {
    var sw = el("span", { className: "swatch" });
    sw.style.background = r.color;
    byId("relation-filter").appendChild(checkbox(state.relations, r.name, r.count, sw));
  });

  var from = byId("year-from"), to = byId("year-to");
  if (legend.years.length) {
    for (var y = legend.years[0]; y <= legend.years[1]; y++) {
      from.appendChild(el("option", { value: String(y), text: String(y) }));
      to.appendChild(el("option", { value: String(y), text: String(y) }));
    }
    from.value = String(legend.years[0]);
    to.value = String(legend.years[1]);
  } else {
    from.disabled = true; to.disabled = true;
  }
  function onYears() {
    var a = parseInt(from.value, 10), b = parseInt(to.value, 10);
    state.yearFrom = Math.min(a, b); state.yearTo = Math.max(a, b);
    applyFilters();
  }
  from.addEventListener("change", onYears);
  to.addEventListener("change", onYears);
  byId("year-undated").addEventListener("change", function (ev) { state.undated = ev.target.checked; applyFilters(); });

  var search = byId("search");
  search.addEventListener("input", function () {
    state.query = search.value;
    applyFilters();
    var ids = state.query ? Array.from(shownNodes) : [];
    if (ids.length || !state.query) { network.fit({ nodes: ids, animation: false }); }
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && matches.length) { focusNode(matches[0]); }
  });

  byId("highlight").addEventListener("change", function (ev) { if (!ev.target.checked) { clearHighlight(); } });
  var physicsButton = byId("physics"), frozen = true;
  physicsButton.addEventListener("click", function () {
    frozen = !frozen;
    network.setOptions({ physics: { enabled: !frozen } });
    physicsButton.textContent = frozen ? "Unfreeze layout" : "Freeze layout";
    physicsButton.setAttribute("aria-pressed", String(!frozen));
  });
  byId("fit").addEventListener("click", function () { network.fit({ animation: false }); });
  byId("reset").addEventListener("click", function () {
    document.querySelectorAll("#type-filter input, #relation-filter input").forEach(function (i) { i.checked = true; });
    legend.types.forEach(function (t) { state.types.add(t.name); });
    legend.relations.forEach(function (r) { state.relations.add(r.name); });
    if (legend.years.length) { from.value = String(legend.years[0]); to.value = String(legend.years[1]); }
    state.yearFrom = legend.years.length ? legend.years[0] : null;
    state.yearTo = legend.years.length ? legend.years[1] : null;
    byId("year-undated").checked = true; state.undated = true;
    search.value = ""; state.query = "";
    applyFilters();
    network.fit({ animation: false });
  });

  updateStatus();
})();
