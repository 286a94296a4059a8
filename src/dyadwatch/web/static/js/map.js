/* dyadwatch dashboard: event locations on an offline world map (world-atlas 110m countries,
 * topojson-client), equirectangular projection fitted to the places shown, drawn as SVG. */
"use strict";

(() => {
  const NS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    for (const child of children) if (child) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    return node;
  }

  /* Longitude/latitude box around the places, padded, at least 50 x 30 degrees. */
  function extent(places) {
    if (!places.length) return {w: -180, e: 180, s: -58, n: 84};
    let w = Math.min(...places.map((p) => p.lon)), e = Math.max(...places.map((p) => p.lon));
    let s = Math.min(...places.map((p) => p.lat)), n = Math.max(...places.map((p) => p.lat));
    const padLon = Math.max(12, (e - w) * 0.25), padLat = Math.max(8, (n - s) * 0.25);
    w -= padLon; e += padLon; s -= padLat; n += padLat;
    if (e - w < 50) { const c = (e + w) / 2; w = c - 25; e = c + 25; }
    if (n - s < 30) { const c = (n + s) / 2; s = c - 15; n = c + 15; }
    return {w: Math.max(w, -180), e: Math.min(e, 180), s: Math.max(s, -85), n: Math.min(n, 85)};
  }

  /* SVG path data of a (multi)polygon; rings crossing the antimeridian are unwrapped and
   * drawn once more shifted by 360 degrees so no stripe crosses the map. */
  function pathData(geometry, project) {
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    let d = "";
    for (const polygon of polygons) {
      for (const ring of polygon) {
        const unwrapped = [];
        let shift = 0;
        ring.forEach(([lon, lat], i) => {
          if (i) {
            const prev = ring[i - 1][0];
            if (lon - prev > 180) shift -= 360; else if (prev - lon > 180) shift += 360;
          }
          unwrapped.push([lon + shift, lat]);
        });
        const lons = unwrapped.map((p) => p[0]);
        const shifts = [0];
        if (Math.min(...lons) < -180) shifts.push(360);
        if (Math.max(...lons) > 180) shifts.push(-360);
        for (const s of shifts) {
          d += unwrapped.map(([lon, lat], i) => {
            const [x, y] = project(lon + s, lat);
            return `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
          }).join("") + "Z";
        }
      }
    }
    return d;
  }

  async function init(figure) {
    const area = figure.querySelector(".map-area");
    const target = document.getElementById(figure.dataset.target);
    try {
      const [world, data] = await Promise.all([DW.getJSON(figure.dataset.world), DW.getJSON(figure.dataset.src)]);
      const places = data.places.filter((p) => p.lat !== null && p.lon !== null);
      const box = extent(places);
      const width = Math.max(area.clientWidth || 900, 560);
      // fit the box in width x at most 480 px, then widen it to fill the width
      const k = Math.min(width / (box.e - box.w), 480 / (box.n - box.s));
      const height = Math.round((box.n - box.s) * k);
      const west = (box.w + box.e) / 2 - width / k / 2;
      const project = (lon, lat) => [(lon - west) * k, (box.n - lat) * k];
      const root = svg("svg", {viewBox: `0 0 ${width} ${height}`, width, height, role: "group", "aria-label": "Map of event locations", class: "map-svg"});
      root.append(svg("rect", {width, height, class: "sea"}));
      const countries = topojson.feature(world, world.objects.countries).features;
      const land = svg("g", {class: "land"});
      for (const c of countries) land.append(svg("path", {d: pathData(c.geometry, project)}, svg("title", {}, c.properties.name)));
      root.append(land);
      const maxN = Math.max(1, ...places.map((p) => p.n_events));
      const sorted = [...places].sort((a, b) => b.n_events - a.n_events);
      const layer = svg("g", {class: "places"});
      sorted.forEach((p, rank) => {
        const [x, y] = project(p.lon, p.lat);
        const r = 5 + 17 * Math.sqrt(p.n_events / maxN);
        const conflict = p.conflict_share >= 0.5;
        const g = svg("g", {class: `place ${conflict ? "conflict" : "cooperation"}`, tabindex: "0", role: "button"});
        const label = `${p.name}: ${p.n_events} events, ${Math.round(p.conflict_share * 100)}% conflict`;
        g.setAttribute("aria-label", label);
        g.append(svg("title", {}, label));
        g.append(svg("circle", {cx: x, cy: y, r}));
        if (conflict) g.append(svg("path", {d: `M${x - r * 0.6},${y - r * 0.6}L${x + r * 0.6},${y + r * 0.6}M${x + r * 0.6},${y - r * 0.6}L${x - r * 0.6},${y + r * 0.6}`, class: "cross"}));
        if (rank < 12) g.append(svg("text", {x: x + r + 3, y: y + 4, class: "place-label"}, `${p.name} (${p.n_events})`));
        const open = () => {
          const q = new URLSearchParams(figure.dataset.eventQuery.replace(/^\?/, ""));
          q.set("place", p.location_id || p.name);
          q.set("limit", "20");
          DW.showEvents(target, "/api/events?" + q.toString(), label);
        };
        g.addEventListener("click", open);
        g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
        layer.append(g);
      });
      root.append(layer);
      const legend = DW.el("p", {class: "legend"}, `${places.length} places. `,
        places.length ? "" : "No located events match these filters.");
      area.replaceChildren(root, legend);
    } catch (error) {
      area.replaceChildren(DW.el("p", {class: "error-message", role: "alert"}, `Map failed: ${error.message}`));
    }
  }

  document.querySelectorAll("figure.map").forEach(init);
})();
