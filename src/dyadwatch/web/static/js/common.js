/* dyadwatch dashboard: shared helpers (no dependencies, no build step). */
"use strict";

const DW = (() => {
  const QUAD = {1: "Q1 verbal cooperation", 2: "Q2 material cooperation",
    3: "Q3 verbal conflict", 4: "Q4 material conflict"};

  async function getJSON(url) {
    const response = await fetch(url, {headers: {Accept: "application/json"}});
    if (!response.ok) {
      let message = `HTTP ${response.status}`;
      try {
        const body = await response.json();
        message = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
      } catch (_) { /* not JSON */ }
      throw new Error(message);
    }
    return response.json();
  }

  /* el("a", {href: "/x", class: "y"}, "text", child) */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function docUrl(id) { return "/documents/" + encodeURIComponent(id); }

  /* The evidence sentence with source/verb/target marked from the event's spans. */
  function evidence(event) {
    const ev = event.evidence;
    const text = ev.text;
    const spans = [];
    for (const role of ["source", "verb", "target"]) {
      const pair = (ev.spans || {})[role];
      if (!pair) continue;
      const a = Math.max(pair[0] - ev.start, 0), b = Math.min(pair[1] - ev.start, text.length);
      if (a < b) spans.push([role, a, b]);
    }
    const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s[1], s[2]])])]
      .sort((x, y) => x - y);
    const quote = el("blockquote", {class: `evidence modality-${event.modality}`});
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [a, b] = [cuts[i], cuts[i + 1]];
      const roles = spans.filter((s) => s[1] <= a && b <= s[2]).map((s) => s[0]);
      const piece = text.slice(a, b);
      quote.append(roles.length
        ? el("mark", {class: roles.map((r) => `role-${r}`).join(" "), title: roles.join(" + ")}, piece)
        : piece);
    }
    return quote;
  }

  function eventItem(e) {
    const target = e.target ? (e.target.label || e.target.code) : "—";
    const rules = Object.entries(e.rule || {}).map(([k, v]) => `${k}: ${v}`).join("; ");
    return el("li", {class: `event-item modality-${e.modality}`},
      el("p", {},
        `${e.event_date || "undated"} · `, el("strong", {}, e.source.label || e.source.code), " → ",
        el("strong", {}, target), " · ", el("code", {}, e.code), " ",
        el("span", {class: `badge quad quad-${e.quad_class}`}, QUAD[e.quad_class] || ""), " ",
        el("span", {class: `badge modality-${e.modality}`}, e.modality),
        e.location ? ` · ${e.location.name}` : "", " · ",
        el("a", {href: `${docUrl(e.doc_id)}#s${e.evidence.start}`}, e.doc_id), " · ",
        el("a", {href: `/api/events/${encodeURIComponent(e.id)}`, class: "event-id"}, el("code", {}, e.id))),
      evidence(e),
      rules ? el("p", {class: "muted rule-line"}, "Rule: ", el("code", {}, rules)) : null);
  }

  /* Fetch /api/events at `url` into `target` (a container), with a "more" button. */
  async function showEvents(target, url, title) {
    target.replaceChildren(el("p", {class: "muted"}, "Loading events…"));
    const list = el("ol", {class: "plain event-list"});
    const heading = el("h3", {tabindex: "-1"}, title);
    const status = el("p", {role: "status"});
    const more = el("button", {type: "button", hidden: true}, "More events");
    const close = el("button", {type: "button", class: "close"}, "Close list");
    close.addEventListener("click", () => target.replaceChildren());
    let cursor = null;
    async function load() {
      const page = await getJSON(url + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""));
      page.events.forEach((e) => list.append(eventItem(e)));
      cursor = page.next_cursor;
      more.hidden = !cursor;
      status.textContent = `${page.total} ${page.unit_label || "events (reports)"} in this selection; showing ${list.children.length}.`;
    }
    more.addEventListener("click", () => load().catch(fail));
    function fail(error) { target.append(el("p", {class: "error-message", role: "alert"}, String(error.message))); }
    try {
      await load();
      target.replaceChildren(heading, status, list, more, close);
      heading.focus();
    } catch (error) {
      target.replaceChildren();
      fail(error);
    }
  }

  /* Evidence toggles in the explorer; empty form fields are not sent. */
  document.addEventListener("click", (event) => {
    const button = event.target.closest("button.toggle");
    if (!button) return;
    const row = document.getElementById(button.getAttribute("aria-controls"));
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? "Hide" : "Evidence";
    row.hidden = !open;
  });
  document.addEventListener("submit", (event) => {
    for (const field of event.target.querySelectorAll("input, select")) {
      if (field.name && !field.value.trim()) field.disabled = true;
    }
  });
  window.addEventListener("pageshow", () => {
    document.querySelectorAll("form [disabled]").forEach((f) => { f.disabled = false; });
  });

  return {QUAD, getJSON, el, evidence, eventItem, showEvents, docUrl};
})();
