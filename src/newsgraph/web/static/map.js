/* The dashboard map: located events (/api/map, grouped by place) as markers clustered
   with their event counts (Leaflet.markercluster), over country outlines served by the
   dashboard (/static/countries.json; no tiles, no network).  A marker's popup lists the
   events at that place (/api/map/events) with their evidence and a link to the article.
   <div id="map" data-api="..." data-events="..." data-world="..."> */
"use strict";
(function () {
  const box = document.getElementById("map");
  if (!box || !window.L) return;
  const caption = document.getElementById("map-caption");

  const getJSON = window.ng.getJSON;  // chart.js

  function node(tag, cls, text, parent) {
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    if (text !== undefined && text !== null) el.textContent = String(text);
    if (parent) parent.appendChild(el);
    return el;
  }

  const map = L.map(box, { minZoom: 1, maxZoom: 12, worldCopyJump: true, zoomSnap: 1 });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth");
  map.setView([25, 15], 2);
  window.ngMap = map;  // for the browser tests
  map.on("zoomend", () => { box.dataset.zoom = String(map.getZoom()); });
  box.dataset.zoom = String(map.getZoom());

  function basemap(world) {
    L.geoJSON(world, {
      interactive: false,
      style: () => ({ className: "ng-country", color: "#a9b3a0", weight: 0.7, fillColor: "#eef0e8", fillOpacity: 1 }),
    }).addTo(map);
  }

  function size(n) { return Math.round(22 + 10 * Math.log10(Math.max(1, n))); }

  function popup(p) {
    const div = node("div", "ng-popup");
    node("h3", "", p.name + (p.country ? " (" + p.country + ")" : ""), div);
    const note = node("div", "meta", p.events + " events: " + p.cooperation + " cooperative, " + p.conflict + " conflictual", div);
    const list = node("ol", "", null, div);
    const url = box.dataset.events + (box.dataset.events.includes("?") ? "&" : "?") +
      "lat=" + encodeURIComponent(p.lat) + "&lon=" + encodeURIComponent(p.lon);
    getJSON(url).then(data => {
      for (const e of data.items) {
        const li = node("li", "", null, list);
        const a = node("a", "", e.type + " · " + (e.date || "undated") + (e.outlet ? " · " + e.outlet : ""), li);
        a.href = "/articles/" + encodeURIComponent(e.article_id) + "#" + encodeURIComponent(e.event_id);
        node("span", "ev", e.evidence.length > 240 ? e.evidence.slice(0, 240) + "…" : e.evidence, li);
        node("span", "src", "place from the " + (e.location_source || "clause"), li);
      }
      if (data.total > data.items.length) node("div", "meta", (data.total - data.items.length) + " more", div);
      div.dataset.loaded = String(data.items.length);
    }).catch(err => { note.textContent = "Could not load the events: " + err.message; });
    return div;
  }

  function points(data) {
    const items = data.items || [];
    const clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 45,
      iconCreateFunction: cluster => {
        const n = cluster.getAllChildMarkers().reduce((sum, m) => sum + m.options.events, 0);
        const s = size(n) + 6;
        return L.divIcon({ html: String(n), className: "ng-cluster", iconSize: [s, s] });
      },
    });
    for (const p of items) {
      const kind = p.conflict > p.cooperation ? "conf" : "coop";
      const s = size(p.events);
      const marker = L.marker([p.lat, p.lon], {
        icon: L.divIcon({ html: String(p.events), className: "ng-pt " + kind, iconSize: [s, s] }),
        title: p.name + (p.country ? " (" + p.country + ")" : "") + ": " + p.events + " events",
        events: p.events,
      });
      marker.bindPopup(() => popup(p), { maxWidth: 360 });
      clusters.addLayer(marker);
    }
    map.addLayer(clusters);
    const list = document.getElementById("map-places");
    if (list) {
      for (const p of items.slice(0, 30)) {
        node("li", "", p.name + (p.country ? " (" + p.country + ")" : "") + " — " + p.events, list);
      }
    }
    box.dataset.points = String(items.length);
    caption.textContent = data.total + " located events at " + items.length + " places.";
  }

  Promise.all([getJSON(box.dataset.world), getJSON(box.dataset.api)])
    .then(([world, data]) => { basemap(world); points(data); box.dataset.drawn = "1"; })
    .catch(err => { caption.textContent = "Could not draw the map: " + err.message; box.dataset.drawn = "error"; });
})();
