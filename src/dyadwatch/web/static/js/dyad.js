/* dyadwatch dashboard: two dyads compared on one chart, conflict and cooperation side by side.
 * Each panel has one line per dyad, told apart by colour, dash pattern, marker and a label at
 * the line's end, so the chart reads without colour. The numbers come from /api/series
 * (by=class); a point's list comes from /api/series/events with the same query, so the number
 * on a point is the number of events it lists. */
"use strict";

(() => {
  const NS = "http://www.w3.org/2000/svg";
  const PANELS = [
    {key: "conflict", title: "Conflict (verbal + material)", groups: ["verbal_conflict", "material_conflict"]},
    {key: "cooperation", title: "Cooperation (verbal + material, statements excluded)", groups: ["verbal_cooperation", "material_cooperation"]},
  ];
  const STYLES = [
    {colour: "#b03a2e", dash: "", marker: "circle"},
    {colour: "#1b6ca8", dash: "7 3", marker: "square"},
  ];

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    for (const child of children) if (child) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    return node;
  }

  function marker(kind, x, y, s, attrs) {
    if (kind === "square") return svg("rect", {x: x - s, y: y - s, width: 2 * s, height: 2 * s, ...attrs});
    return svg("circle", {cx: x, cy: y, r: s, ...attrs});
  }

  function niceMax(value) {
    if (value <= 5) return 5;
    const step = Math.pow(10, Math.floor(Math.log10(value)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= value) return m * step;
    return 10 * step;
  }

  /* Per dyad: period -> {count per panel}, summing the panel's classes. */
  function panelCounts(data, panel) {
    const out = new Map();
    for (const p of data.points) {
      if (!out.has(p.period)) out.set(p.period, {period: p.period, period_end: p.period_end, count: 0});
      if (panel.groups.includes(p.group)) out.get(p.period).count += p.count;
    }
    return out;
  }

  function pointUrl(query, freq, panel, period) {
    const q = new URLSearchParams(query.replace(/^\?/, ""));
    q.set("freq", freq);
    q.delete("group");
    panel.groups.forEach((g) => q.append("group", g));
    q.set("period", period);
    return "/api/series/events?" + q.toString();
  }

  function drawPanel(panel, dyads, results, target) {
    const periods = [...new Set(results.flatMap((r) => r.points.map((p) => p.period)))].sort();
    const width = 460, height = 280, m = {l: 44, r: 70, t: 30, b: 40};
    const plotW = width - m.l - m.r, plotH = height - m.t - m.b;
    const band = plotW / Math.max(periods.length, 1);
    const x = (i) => m.l + (i + 0.5) * band;
    const counts = results.map((r) => panelCounts(r, panel));
    const yMax = niceMax(Math.max(1, ...counts.flatMap((c) => [...c.values()].map((v) => v.count))));
    const y = (v) => m.t + plotH - (v / yMax) * plotH;
    const root = svg("svg", {viewBox: `0 0 ${width} ${height}`, width, height, role: "group", "aria-label": panel.title, class: "chart-svg compare-panel", "data-panel": panel.key});
    root.append(svg("text", {x: m.l, y: 16, class: "axis-label"}, panel.title));
    for (let i = 0; i <= 5; i++) {
      const v = (yMax / 5) * i;
      root.append(svg("line", {x1: m.l, x2: m.l + plotW, y1: y(v), y2: y(v), class: "grid"}));
      root.append(svg("text", {x: m.l - 6, y: y(v) + 4, "text-anchor": "end", class: "tick"}, Number.isInteger(v) ? v : v.toFixed(1)));
    }
    const step = Math.max(1, Math.ceil(periods.length / 5));
    periods.forEach((p, i) => { if (!(i % step)) root.append(svg("text", {x: x(i), y: m.t + plotH + 18, "text-anchor": "middle", class: "tick"}, p)); });
    const freq = results[0] ? results[0].freq : "day";
    root.append(svg("text", {x: m.l, y: height - 4, class: "axis-label"}, `${results[0] ? results[0].unit_label : "events"} per ${freq}`));
    dyads.forEach((dyad, di) => {
      const style = STYLES[di % STYLES.length];
      const byPeriod = counts[di];
      let d = "";
      periods.forEach((p, i) => {
        const point = byPeriod.get(p);
        if (!point) { d += " "; return; } // not covered: a gap, not a zero
        d += `${d && !d.endsWith(" ") ? "L" : "M"}${x(i).toFixed(1)},${y(point.count).toFixed(1)}`;
      });
      root.append(svg("path", {d: d.replace(/ +/g, ""), fill: "none", stroke: style.colour, "stroke-width": 2, "stroke-dasharray": style.dash || null, class: "series-line", "data-dyad": dyad.label}));
      periods.forEach((p, i) => {
        const point = byPeriod.get(p);
        if (!point) return;
        const g = svg("g", {class: "series-point", "data-dyad": dyad.label, "data-count": point.count});
        g.append(marker(style.marker, x(i), y(point.count), point.count ? 4 : 2.5, {fill: point.count ? style.colour : "#fff", stroke: style.colour, "stroke-width": 1.5}));
        const text = `${dyad.label}, ${panel.key}, ${p}: ${point.count} events`;
        g.setAttribute("tabindex", "0");
        g.setAttribute("role", "button");
        g.setAttribute("aria-label", text);
        g.append(svg("title", {}, text));
        const open = () => DW.showEvents(target, pointUrl(dyad.query, freq, panel, p), text);
        g.addEventListener("click", open);
        g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
        root.append(g);
      });
      const last = [...byPeriod.values()].pop();
      const ly = last ? y(last.count) + di * 14 : m.t + di * 14;
      root.append(marker(style.marker, m.l + plotW + 10, ly, 3.5, {fill: style.colour}));
      root.append(svg("text", {x: m.l + plotW + 18, y: ly + 4, class: "series-label"}, dyad.label));
    });
    return root;
  }

  async function init(figure) {
    const area = figure.querySelector(".chart-area");
    const dyads = JSON.parse(figure.dataset.series || "[]");
    const target = document.getElementById(figure.dataset.target);
    try {
      const results = await Promise.all(dyads.map((d) => DW.getJSON("/api/series" + d.query)));
      if (!results.some((r) => r.points.length)) {
        area.replaceChildren(DW.el("p", {class: "muted"}, "No dated events of these dyads in the periods the documents cover."));
        return;
      }
      const panels = PANELS.map((panel) => drawPanel(panel, dyads, results, target));
      const notes = results.flatMap((r, i) => (r.notes || []).map((n) => `${dyads[i].label}: ${n}`));
      area.replaceChildren(DW.el("div", {class: "panels"}, ...panels), notes.length ? DW.el("p", {class: "muted chart-notes"}, "Not shown: " + notes.join("; ") + ".") : "");
    } catch (error) {
      area.replaceChildren(DW.el("p", {class: "error-message", role: "alert"}, `Chart failed: ${error.message}`));
    }
  }

  document.querySelectorAll("#compare-chart").forEach(init);
})();
