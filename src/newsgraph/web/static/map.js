/* Draws located events (/api/map) over a coarse world outline (/static/world.json),
   equirectangular, into <svg id="map" data-api="..." data-world="...">. */
"use strict";
(function () {
  const svg = document.getElementById("map");
  if (!svg) return;
  const caption = document.getElementById("map-caption");
  const W = 960, H = 480;
  const px = lon => ((lon + 180) / 360) * W;
  const py = lat => ((90 - lat) / 180) * H;

  function path(ring) {
    return ring.map((p, i) => (i ? "L" : "M") + px(p[0]).toFixed(1) + " " + py(p[1]).toFixed(1)).join("") + "Z";
  }

  function basemap(world) {
    const ng = window.ng;
    ng.el("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }, svg);
    const grid = ng.el("g", { class: "graticule" }, svg);
    for (let lon = -150; lon <= 150; lon += 30) ng.el("line", { x1: px(lon), x2: px(lon), y1: 0, y2: H, class: "grid" }, grid);
    for (let lat = -60; lat <= 60; lat += 30) ng.el("line", { x1: 0, x2: W, y1: py(lat), y2: py(lat), class: "grid" }, grid);
    const land = ng.el("g", { class: "landmass" }, svg);
    for (const shape of world.land) ng.el("path", { d: path(shape.ring), class: "land", "data-name": shape.name }, land);
    for (const shape of world.lakes || []) ng.el("path", { d: path(shape.ring), class: "lake", "data-name": shape.name }, land);
  }

  function points(data) {
    const ng = window.ng;
    const items = data.items || [];
    const layer = ng.el("g", { class: "points" }, svg);
    const most = Math.max(1, ...items.map(p => p.events));
    const list = document.getElementById("map-places");
    items.forEach(p => {
      const r = 3 + 15 * Math.sqrt(p.events / most);
      const kind = p.conflict > p.cooperation ? "conf" : "coop";
      const c = ng.el("circle", { cx: px(p.lon).toFixed(1), cy: py(p.lat).toFixed(1), r: r.toFixed(1), class: "pt " + kind }, layer);
      ng.title(c, p.name + (p.country ? " (" + p.country + ")" : "") + ": " + p.events + " events, " +
        p.cooperation + " cooperative, " + p.conflict + " conflictual");
    });
    if (list) {
      for (const p of items.slice(0, 30)) {
        const li = document.createElement("li");
        li.textContent = p.name + (p.country ? " (" + p.country + ")" : "") + " — " + p.events;
        list.appendChild(li);
      }
    }
    svg.dataset.points = String(items.length);
    caption.textContent = data.total + " located events at " + items.length + " places.";
  }

  Promise.all([window.ng.getJSON(svg.dataset.world), window.ng.getJSON(svg.dataset.api)])
    .then(([world, data]) => { basemap(world); points(data); svg.dataset.drawn = "1"; })
    .catch(err => { caption.textContent = "Could not draw the map: " + err.message; svg.dataset.drawn = "error"; });
})();
