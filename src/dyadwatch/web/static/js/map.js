/* dyadwatch dashboard: event locations on an offline world map (world-atlas 110m countries,
 * topojson-client), equirectangular projection fitted to the places shown, drawn as SVG;
 * zoom (wheel, buttons) and pan (drag), with overlapping places clustered at each zoom. */
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

  /* Places whose circles overlap on screen merged, busiest first: each cluster keeps its
   * members, their events summed, at the events-weighted centre. */
  function cluster(points, radius) {
    const clusters = [];
    for (const p of points) {
      const hit = clusters.find((c) => Math.hypot(c.x - p.x, c.y - p.y) < radius(c.n) + radius(p.place.n_events));
      if (hit) {
        const n = hit.n + p.place.n_events;
        hit.x = (hit.x * hit.n + p.x * p.place.n_events) / n;
        hit.y = (hit.y * hit.n + p.y * p.place.n_events) / n;
        hit.n = n;
        hit.conflict += p.place.conflict_share * p.place.n_events;
        hit.members.push(p.place);
      } else {
        clusters.push({x: p.x, y: p.y, n: p.place.n_events, conflict: p.place.conflict_share * p.place.n_events, members: [p.place]});
      }
    }
    return clusters;
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
      const root = svg("svg", {viewBox: `0 0 ${width} ${height}`, width, height, role: "group", "aria-label": "Map of event locations (scroll or +/- to zoom, drag to pan)", class: "map-svg"});
      root.append(svg("rect", {width, height, class: "sea"}));
      const countries = topojson.feature(world, world.objects.countries).features;
      const land = svg("g", {class: "land"});
      for (const c of countries) land.append(svg("path", {d: pathData(c.geometry, project), "vector-effect": "non-scaling-stroke"}, svg("title", {}, c.properties.name)));
      root.append(land);
      const layer = svg("g", {class: "places"});
      root.append(layer);
      const maxN = Math.max(1, ...places.map((p) => p.n_events));
      const radius = (n) => 5 + 17 * Math.sqrt(Math.min(n, maxN) / maxN);
      const sorted = [...places].sort((a, b) => b.n_events - a.n_events);
      const base = sorted.map((place) => { const [x, y] = project(place.lon, place.lat); return {x, y, place}; });
      const view = {scale: 1, tx: 0, ty: 0};
      const status = DW.el("p", {class: "legend map-status", "aria-live": "polite"});

      const open = (members, label) => {
        const q = new URLSearchParams(figure.dataset.eventQuery.replace(/^\?/, ""));
        q.delete("place");
        for (const m of members) q.append("place", m.location_id || m.name);
        q.set("limit", "20");
        DW.showEvents(target, "/api/events?" + q.toString(), label);
      };
      const zoomTo = (scale, cx, cy) => {
        const next = Math.min(256, Math.max(1, scale));
        // keep the point (cx, cy) of the screen where it is
        view.tx = cx - (cx - view.tx) * (next / view.scale);
        view.ty = cy - (cy - view.ty) * (next / view.scale);
        view.scale = next;
        clamp();
        draw();
      };
      const clamp = () => {
        view.tx = Math.min(0, Math.max(width - width * view.scale, view.tx));
        view.ty = Math.min(0, Math.max(height - height * view.scale, view.ty));
      };

      function draw() {
        land.setAttribute("transform", `translate(${view.tx.toFixed(1)},${view.ty.toFixed(1)}) scale(${view.scale})`);
        const shown = base
          .map((b) => ({x: b.x * view.scale + view.tx, y: b.y * view.scale + view.ty, place: b.place}))
          .filter((b) => b.x > -30 && b.x < width + 30 && b.y > -30 && b.y < height + 30);
        const groups = cluster(shown, radius);
        layer.replaceChildren();
        groups.forEach((c, rank) => {
          const many = c.members.length > 1;
          const share = c.conflict / c.n;
          const conflict = share >= 0.5;
          const r = radius(c.n);
          const name = many ? `${c.members.length} places (${c.members.slice(0, 3).map((m) => m.name).join(", ")}${c.members.length > 3 ? ", …" : ""})` : c.members[0].name;
          const label = `${name}: ${c.n} events, ${Math.round(share * 100)}% conflict`;
          const g = svg("g", {class: `place ${conflict ? "conflict" : "cooperation"}${many ? " cluster" : ""}`, tabindex: "0", role: "button", "data-places": String(c.members.length), "aria-label": label});
          g.append(svg("title", {}, label + (many ? ". Click to zoom in." : "")));
          g.append(svg("circle", {cx: c.x, cy: c.y, r}));
          if (many) g.append(svg("text", {x: c.x, y: c.y + 4, class: "cluster-count", "text-anchor": "middle"}, String(c.members.length)));
          else if (conflict) g.append(svg("path", {d: `M${c.x - r * 0.6},${c.y - r * 0.6}L${c.x + r * 0.6},${c.y + r * 0.6}M${c.x + r * 0.6},${c.y - r * 0.6}L${c.x - r * 0.6},${c.y + r * 0.6}`, class: "cross"}));
          if (rank < 12) g.append(svg("text", {x: c.x + r + 3, y: c.y + 4, class: "place-label"}, many ? `${c.members.length} places (${c.n})` : `${c.members[0].name} (${c.n})`));
          const act = () => {
            if (many && view.scale < 256) zoomTo(view.scale * 3, c.x, c.y);
            else open(c.members, label);
          };
          g.addEventListener("click", (e) => { e.stopPropagation(); if (!dragged) act(); });
          g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); act(); } });
          layer.append(g);
        });
        status.textContent = `${places.length} places, ${groups.length} marks at zoom ${view.scale.toFixed(1)}×. ` + (places.length ? "" : "No located events match these filters.");
        root.dataset.zoom = view.scale.toFixed(2);
      }

      // zoom: wheel around the pointer, buttons around the centre; pan: drag
      const point = (e) => { const r = root.getBoundingClientRect(); return [(e.clientX - r.left) * width / r.width, (e.clientY - r.top) * height / r.height]; };
      root.addEventListener("wheel", (e) => { e.preventDefault(); const [x, y] = point(e); zoomTo(view.scale * (e.deltaY < 0 ? 1.5 : 1 / 1.5), x, y); }, {passive: false});
      let drag = null, dragged = false;
      root.addEventListener("pointerdown", (e) => { drag = {x: e.clientX, y: e.clientY, tx: view.tx, ty: view.ty}; dragged = false; });
      window.addEventListener("pointermove", (e) => {
        if (!drag) return;
        const r = root.getBoundingClientRect();
        const dx = (e.clientX - drag.x) * width / r.width, dy = (e.clientY - drag.y) * height / r.height;
        if (Math.abs(dx) + Math.abs(dy) > 3) dragged = true;
        if (!dragged) return;
        view.tx = drag.tx + dx; view.ty = drag.ty + dy; clamp(); draw();
      });
      window.addEventListener("pointerup", () => { drag = null; setTimeout(() => { dragged = false; }, 0); });
      const button = (text, title, name, fn) => { const b = DW.el("button", {type: "button", class: name, title, "aria-label": title}, text); b.addEventListener("click", fn); return b; };
      const controls = DW.el("div", {class: "map-controls"},
        button("+", "Zoom in", "map-zoom-in", () => zoomTo(view.scale * 2, width / 2, height / 2)),
        button("−", "Zoom out", "map-zoom-out", () => zoomTo(view.scale / 2, width / 2, height / 2)),
        button("Reset", "Reset view", "map-reset", () => { view.scale = 1; view.tx = 0; view.ty = 0; draw(); }));
      draw();
      area.replaceChildren(controls, root, status);
    } catch (error) {
      area.replaceChildren(DW.el("p", {class: "error-message", role: "alert"}, `Map failed: ${error.message}`));
    }
  }

  /* The places table, paged in the browser (all rows stay in the page without JavaScript). */
  function pageTable(table, size) {
    const rows = [...table.tBodies[0].rows];
    if (rows.length <= size) return;
    const pages = Math.ceil(rows.length / size);
    let current = 0;
    const info = DW.el("span", {class: "page-info", "aria-live": "polite"});
    const prev = DW.el("button", {type: "button", class: "page-prev"}, "← Previous");
    const next = DW.el("button", {type: "button", class: "page-next"}, "Next →");
    const show = () => {
      rows.forEach((row, i) => { row.hidden = Math.floor(i / size) !== current; });
      info.textContent = ` Page ${current + 1} of ${pages} (${rows.length} places) `;
      prev.disabled = current === 0;
      next.disabled = current === pages - 1;
    };
    prev.addEventListener("click", () => { current = Math.max(0, current - 1); show(); });
    next.addEventListener("click", () => { current = Math.min(pages - 1, current + 1); show(); });
    table.after(DW.el("nav", {class: "pager table-pager", "aria-label": "Places pages"}, prev, info, next));
    show();
  }

  document.querySelectorAll("figure.map").forEach(init);
  document.querySelectorAll("table[data-page-size]").forEach((t) => pageTable(t, Number(t.dataset.pageSize)));
})();
