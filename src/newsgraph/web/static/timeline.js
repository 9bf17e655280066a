/* Draws /api/timeline as diverging stacked bars (cooperation up, conflict down) with
   the net-cooperation line, into <svg id="timeline-chart" data-api="...">. */
"use strict";
(function () {
  const svg = document.getElementById("timeline-chart");
  if (!svg) return;
  const caption = document.getElementById("timeline-caption");
  const W = 960, H = 360, L = 52, R = 16, T = 14, B = 44;

  function draw(data) {
    const ng = window.ng;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const periods = data.periods || [];
    const who = data.a && data.b ? data.a + (data.directed ? " → " : " – ") + data.b : (data.a || data.b || "all actors");
    if (!periods.length) {
      ng.text(svg, W / 2, H / 2, "No dated events for " + who, { "text-anchor": "middle" });
      caption.textContent = "No events with a date precise enough for " + data.by + " periods (" + data.total + " events in all).";
      svg.dataset.drawn = "empty";
      return;
    }
    const up = periods.map(p => p.quad1 + p.quad2);
    const down = periods.map(p => p.quad3 + p.quad4);
    const top = Math.max(1, ...up, ...down);
    const innerW = W - L - R, innerH = H - T - B;
    const y = v => T + innerH / 2 - (v / top) * (innerH / 2);
    const step = innerW / periods.length;
    const bw = Math.max(1, step * 0.8);
    const grid = ng.el("g", {}, svg);
    for (const v of [top, top / 2, 0, -top / 2, -top]) {
      ng.el("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), class: v === 0 ? "zero" : "grid" }, grid);
      ng.text(grid, L - 6, y(v) + 4, String(Math.round(v * 10) / 10), { "text-anchor": "end" });
    }
    const bars = ng.el("g", { class: "bars" }, svg);
    periods.forEach((p, i) => {
      const x = L + i * step + (step - bw) / 2;
      let base = 0;
      for (const [q, n] of [[2, p.quad2], [1, p.quad1]]) {
        if (!n) continue;
        const r = ng.el("rect", { x: x, width: bw, y: y(base + n), height: y(base) - y(base + n), class: "bar q" + q }, bars);
        ng.title(r, p.period + ": " + n + (q === 1 ? " verbal" : " material") + " cooperation");
        base += n;
      }
      base = 0;
      for (const [q, n] of [[4, p.quad4], [3, p.quad3]]) {
        if (!n) continue;
        const r = ng.el("rect", { x: x, width: bw, y: y(base), height: y(base - n) - y(base), class: "bar q" + q }, bars);
        ng.title(r, p.period + ": " + n + (q === 3 ? " verbal" : " material") + " conflict");
        base -= n;
      }
    });
    const pts = periods.map((p, i) => (L + i * step + step / 2).toFixed(1) + "," + y(p.net_coop_count).toFixed(1));
    ng.el("polyline", { points: pts.join(" "), class: "net" }, svg);
    const every = Math.max(1, Math.ceil(periods.length / 10));
    periods.forEach((p, i) => {
      if (i % every) return;
      ng.text(svg, L + i * step + step / 2, H - B + 16, p.period, { "text-anchor": "middle" });
    });
    ng.el("line", { x1: L, x2: L, y1: T, y2: H - B, class: "axis" }, svg);
    ng.text(svg, L, H - 6, "events per " + data.by + " (up: cooperation, down: conflict)", {});
    svg.dataset.drawn = String(bars.childNodes.length);
    caption.textContent = who + ": " + data.total + " events, " + periods.length + " " + data.by +
      " periods" + (data.imprecise ? ", " + data.imprecise + " with a date too coarse to place" : "") + ".";
    table(periods);
  }

  function table(periods) {
    const t = document.getElementById("timeline-table");
    if (!t) return;
    const head = ["period", "events", "q1", "q2", "q3", "q4", "mean intensity", "net (count)", "net (intensity)"];
    const thead = t.createTHead().insertRow();
    for (const h of head) { const th = document.createElement("th"); th.textContent = h; thead.appendChild(th); }
    const body = t.createTBody();
    for (const p of periods.slice(-120)) {
      const row = body.insertRow();
      for (const v of [p.period, p.n, p.quad1, p.quad2, p.quad3, p.quad4, p.intensity_mean, p.net_coop_count, p.net_coop_intensity]) {
        row.insertCell().textContent = String(v);
      }
    }
  }

  window.ng.getJSON(svg.dataset.api).then(draw).catch(err => {
    caption.textContent = "Could not load the timeline: " + err.message;
    svg.dataset.drawn = "error";
  });
})();
