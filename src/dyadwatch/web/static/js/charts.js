/* dyadwatch dashboard: time-series charts drawn as SVG from /api/series.
 * Every series has its own line style and marker shape as well as a colour, is labelled in
 * the chart, and the numbers are available as a table: the chart reads without colour. */
"use strict";

(() => {
  const NS = "http://www.w3.org/2000/svg";
  const STYLES = [ // per series: colour, dash pattern, marker
    {colour: "#1b6ca8", dash: "", marker: "circle"},
    {colour: "#2a7f62", dash: "7 3", marker: "square"},
    {colour: "#b8650a", dash: "2 3", marker: "triangle"},
    {colour: "#b03a2e", dash: "10 3 2 3", marker: "diamond"},
    {colour: "#5e5e5e", dash: "1 3", marker: "square"},
  ];

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    for (const child of children) if (child) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    return node;
  }

  function marker(kind, x, y, size, attrs) {
    const s = size;
    if (kind === "square") return svg("rect", {x: x - s, y: y - s, width: 2 * s, height: 2 * s, ...attrs});
    if (kind === "triangle") return svg("path", {d: `M${x},${y - s * 1.3}L${x + s * 1.2},${y + s}L${x - s * 1.2},${y + s}Z`, ...attrs});
    if (kind === "diamond") return svg("path", {d: `M${x},${y - s * 1.4}L${x + s * 1.2},${y}L${x},${y + s * 1.4}L${x - s * 1.2},${y}Z`, ...attrs});
    return svg("circle", {cx: x, cy: y, r: s, ...attrs});
  }

  function niceMax(value) {
    if (value <= 5) return 5;
    const step = Math.pow(10, Math.floor(Math.log10(value)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= value) return m * step;
    return 10 * step;
  }

  function periodLabel(period, freq) {
    if (freq === "year") return period.slice(0, 4);
    if (freq === "month") return period.slice(0, 7);
    return period;
  }

  function frame(container, n) {
    const width = Math.max(container.clientWidth || 900, 560);
    const height = 300;
    const m = {l: 46, r: 190, t: 26, b: 40};
    const plotW = width - m.l - m.r, plotH = height - m.t - m.b;
    const band = plotW / Math.max(n, 1);
    return {width, height, m, plotW, plotH, band, x: (i) => m.l + (i + 0.5) * band};
  }

  function axes(root, f, periods, freq, yMax, yLabel) {
    const y = (v) => f.m.t + f.plotH - (v / yMax) * f.plotH;
    const ticks = 5;
    for (let i = 0; i <= ticks; i++) {
      const v = (yMax / ticks) * i, yy = y(v);
      root.append(svg("line", {x1: f.m.l, x2: f.m.l + f.plotW, y1: yy, y2: yy, class: "grid"}));
      root.append(svg("text", {x: f.m.l - 6, y: yy + 4, "text-anchor": "end", class: "tick"}, Number.isInteger(v) ? v : v.toFixed(1)));
    }
    root.append(svg("text", {x: 4, y: 14, class: "axis-label"}, yLabel));
    const step = Math.max(1, Math.ceil(periods.length / 7));
    periods.forEach((p, i) => {
      if (i % step) return;
      root.append(svg("line", {x1: f.x(i), x2: f.x(i), y1: f.m.t + f.plotH, y2: f.m.t + f.plotH + 4, class: "axis"}));
      root.append(svg("text", {x: f.x(i), y: f.m.t + f.plotH + 18, "text-anchor": "middle", class: "tick"}, periodLabel(p, freq)));
    });
    root.append(svg("line", {x1: f.m.l, x2: f.m.l + f.plotW, y1: f.m.t + f.plotH, y2: f.m.t + f.plotH, class: "axis"}));
    return y;
  }

  function clickable(node, label, onActivate) {
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    node.setAttribute("aria-label", label);
    node.classList.add("point");
    node.append(svg("title", {}, label));
    node.addEventListener("click", onActivate);
    node.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); onActivate(); } });
  }

  function dataTable(rows, headers) {
    const details = DW.el("details", {class: "chart-table"}, DW.el("summary", {}, "Show the numbers as a table"));
    const table = DW.el("table", {class: "data"},
      DW.el("thead", {}, DW.el("tr", {}, headers.map((h) => DW.el("th", {scope: "col"}, h)))),
      DW.el("tbody", {}, rows.map((r) => DW.el("tr", {}, r.map((c) => DW.el("td", {}, c))))));
    details.append(table);
    return details;
  }

  function groupsOf(data) {
    const byGroup = new Map();
    for (const p of data.points) {
      if (!byGroup.has(p.group)) byGroup.set(p.group, []);
      byGroup.get(p.group).push(p);
    }
    return byGroup;
  }

  /* The events one chart point counts: /api/series/events with the chart's own query, so
   * the list has exactly as many entries as the number on the point. */
  function pointUrl(src, freq, extra) {
    const q = new URLSearchParams(src.split("?")[1] || "");
    q.set("freq", freq);
    for (const [k, v] of Object.entries(extra)) {
      if (Array.isArray(v)) { q.delete(k); v.forEach((x) => q.append(k, x)); } else q.set(k, v);
    }
    return "/api/series/events?" + q.toString();
  }

  /* One line per group (e.g. quad classes), markers clickable. */
  function drawLines(figure, area, data) {
    const labels = JSON.parse(figure.dataset.labels || "{}");
    const byGroup = groupsOf(data);
    const names = [...byGroup.keys()].sort();
    const periods = (byGroup.get(names[0]) || []).map((p) => p.period);
    if (!periods.length) { area.replaceChildren(DW.el("p", {class: "muted"}, "No dated events to chart yet.")); return; }
    const f = frame(area, periods.length);
    const root = svg("svg", {viewBox: `0 0 ${f.width} ${f.height}`, width: f.width, height: f.height, role: "group", "aria-label": "Events over time by group", class: "chart-svg"});
    const yMax = niceMax(Math.max(1, ...data.points.map((p) => p.count)));
    const y = axes(root, f, periods, data.freq, yMax, `${data.unit_label || "events"} per ${data.freq}`);
    const target = document.getElementById(figure.dataset.target);
    const ends = [];
    names.forEach((name, gi) => {
      const style = STYLES[(Number(name) - 1) >= 0 && Number(name) <= 4 ? Number(name) - 1 : gi % STYLES.length];
      const points = byGroup.get(name);
      const label = labels[name] || name;
      const d = points.map((p, i) => `${i ? "L" : "M"}${f.x(i).toFixed(1)},${y(p.count).toFixed(1)}`).join("");
      root.append(svg("path", {d, fill: "none", stroke: style.colour, "stroke-width": 2, "stroke-dasharray": style.dash || null, class: "series-line"}));
      points.forEach((p, i) => {
        const g = svg("g", {class: "series-point"});
        g.append(svg("rect", {x: f.x(i) - f.band / 2, y: y(p.count) - 9, width: Math.max(f.band, 6), height: 18, fill: "transparent"}));
        g.append(marker(style.marker, f.x(i), y(p.count), p.count ? 4 : 2.5, {fill: p.count ? style.colour : "#fff", stroke: style.colour, "stroke-width": 1.5}));
        const text = `${label}, ${periodLabel(p.period, data.freq)}: ${p.count} events`;
        clickable(g, text, () => DW.showEvents(target, pointUrl(figure.dataset.src, data.freq, {group: name, period: p.period}), text));
        root.append(g);
      });
      ends.push({y: y(points[points.length - 1].count), label, style});
    });
    ends.sort((a, b) => a.y - b.y);
    for (let i = 1; i < ends.length; i++) ends[i].y = Math.max(ends[i].y, ends[i - 1].y + 15);
    for (const end of ends) {
      const x = f.m.l + f.plotW + 10;
      root.append(svg("line", {x1: x, x2: x + 22, y1: end.y, y2: end.y, stroke: end.style.colour, "stroke-width": 2, "stroke-dasharray": end.style.dash || null}));
      root.append(marker(end.style.marker, x + 11, end.y, 3.5, {fill: end.style.colour}));
      root.append(svg("text", {x: x + 28, y: end.y + 4, class: "series-label"}, end.label));
    }
    const rows = periods.map((p, i) => [periodLabel(p, data.freq), ...names.map((n) => byGroup.get(n)[i].count)]);
    area.replaceChildren(root, notes(data) || "", dataTable(rows, ["period", ...names.map((n) => labels[n] || n)]));
  }

  /* Bars (count) + Goldstein line + streak bands + spike marks; bars clickable. */
  function drawBars(figure, area, data, spikes, streaks) {
    const points = data.points;
    if (!points.length) { area.replaceChildren(DW.el("p", {class: "muted"}, "No dated events for this dyad.")); return; }
    const periods = points.map((p) => p.period);
    const f = frame(area, periods.length);
    const root = svg("svg", {viewBox: `0 0 ${f.width} ${f.height}`, width: f.width, height: f.height, role: "group", "aria-label": "Dyad timeline", class: "chart-svg"});
    const defs = svg("defs", {});
    const hatch = svg("pattern", {id: "hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)"});
    hatch.append(svg("rect", {width: 6, height: 6, fill: "#f4efe1"}), svg("line", {x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#a89a6a", "stroke-width": 2}));
    defs.append(hatch);
    root.append(defs);
    const yMax = niceMax(Math.max(1, ...points.map((p) => p.count)));
    for (const s of streaks) { // bands behind the bars
      const idx = points.map((p, i) => (p.period_end >= s.start && p.period <= s.end ? i : -1)).filter((i) => i >= 0);
      if (!idx.length) continue;
      const x0 = f.x(idx[0]) - f.band / 2, x1 = f.x(idx[idx.length - 1]) + f.band / 2;
      root.append(svg("rect", {x: x0, y: f.m.t, width: x1 - x0, height: f.plotH, fill: "url(#hatch)", class: "streak-band"}, svg("title", {}, `streak: ${s.length} ${data.freq}s, ${s.start} to ${s.end}`)));
      root.append(svg("text", {x: x0 + 2, y: f.m.t - 6, class: "band-label"}, `streak ${s.length}`));
    }
    const y = axes(root, f, periods, data.freq, yMax, `${data.unit_label || "events"} per ${data.freq}`);
    const target = document.getElementById(figure.dataset.target);
    const spikeStarts = new Set(spikes.map((s) => s.start));
    const barW = Math.max(Math.min(f.band * 0.7, 40), 2);
    points.forEach((p, i) => {
      const g = svg("g", {class: "bar"});
      g.append(svg("rect", {x: f.x(i) - f.band / 2, y: f.m.t, width: f.band, height: f.plotH, fill: "transparent"}));
      g.append(svg("rect", {x: f.x(i) - barW / 2, y: y(p.count), width: barW, height: f.m.t + f.plotH - y(p.count), fill: "#1b6ca8", stroke: "#0d3b5e", class: "bar-rect"}));
      if (spikeStarts.has(p.period)) {
        g.append(svg("text", {x: f.x(i), y: y(p.count) - 4, "text-anchor": "middle", class: "spike-mark"}, "▲ spike"));
      }
      const gm = p.goldstein_mean === null ? "no events" : `mean Goldstein ${p.goldstein_mean.toFixed(1)}`;
      const text = `${periodLabel(p.period, data.freq)}: ${p.count} events, ${gm}`;
      clickable(g, text, () => DW.showEvents(target, pointUrl(figure.dataset.src, data.freq, {period: p.period}), text));
      root.append(g);
    });
    // Goldstein mean on a right-hand axis, -10..+10; gaps where a period has no events
    const gy = (v) => f.m.t + f.plotH * (1 - (v + 10) / 20);
    const xr = f.m.l + f.plotW;
    for (const v of [-10, 0, 10]) root.append(svg("text", {x: xr + 6, y: gy(v) + 4, class: "tick"}, (v > 0 ? "+" : "") + v));
    root.append(svg("text", {x: xr + 6, y: f.m.t - 10, class: "axis-label"}, "Goldstein"));
    let d = "";
    points.forEach((p, i) => {
      if (p.goldstein_mean === null) return;
      const prev = i > 0 && points[i - 1].goldstein_mean !== null;
      d += `${prev ? "L" : "M"}${f.x(i).toFixed(1)},${gy(p.goldstein_mean).toFixed(1)}`;
    });
    root.append(svg("path", {d, fill: "none", stroke: "#b03a2e", "stroke-width": 2, "stroke-dasharray": "6 3", class: "goldstein-line"}));
    points.forEach((p, i) => { if (p.goldstein_mean !== null) root.append(marker("diamond", f.x(i), gy(p.goldstein_mean), 3.5, {fill: "#b03a2e", "pointer-events": "none"})); });
    const legendX = xr + 40;
    root.append(svg("rect", {x: legendX, y: 40, width: 14, height: 14, fill: "#1b6ca8"}), svg("text", {x: legendX + 20, y: 52, class: "series-label"}, "events"));
    root.append(svg("line", {x1: legendX, x2: legendX + 14, y1: 72, y2: 72, stroke: "#b03a2e", "stroke-width": 2, "stroke-dasharray": "6 3"}), marker("diamond", legendX + 7, 72, 3.5, {fill: "#b03a2e"}), svg("text", {x: legendX + 20, y: 76, class: "series-label"}, "mean Goldstein"));
    root.append(svg("rect", {x: legendX, y: 88, width: 14, height: 14, fill: "url(#hatch)", stroke: "#a89a6a"}), svg("text", {x: legendX + 20, y: 100, class: "series-label"}, "streak"));
    root.append(svg("text", {x: legendX, y: 124, class: "series-label"}, "▲ spike"));
    const rows = points.map((p) => [periodLabel(p.period, data.freq), p.count, p.goldstein_mean === null ? "—" : p.goldstein_mean.toFixed(1), spikeStarts.has(p.period) ? "spike" : ""]);
    area.replaceChildren(root, notes(data) || "", dataTable(rows, ["period", "events", "mean Goldstein", "spike"]));
  }

  function notes(data) {
    if (!data.notes || !data.notes.length) return null;
    return DW.el("p", {class: "muted chart-notes"}, "Not shown: " + data.notes.join("; ") + ".");
  }

  async function init(figure) {
    const area = figure.querySelector(".chart-area");
    try {
      const data = await DW.getJSON(figure.dataset.src);
      if (figure.dataset.kind === "bars") {
        const [spikes, streaks] = await Promise.all([
          figure.dataset.spikes ? DW.getJSON(figure.dataset.spikes).then((r) => r.spikes) : [],
          figure.dataset.streaks ? DW.getJSON(figure.dataset.streaks).then((r) => r.streaks) : [],
        ]);
        drawBars(figure, area, data, spikes, streaks);
      } else {
        drawLines(figure, area, data);
      }
    } catch (error) {
      area.replaceChildren(DW.el("p", {class: "error-message", role: "alert"}, `Chart failed: ${error.message}`));
    }
  }

  document.querySelectorAll("figure.chart[data-src]").forEach(init);
})();
