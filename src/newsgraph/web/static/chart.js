/* Shared helpers of the dashboard's scripts: SVG drawing and fetching JSON from the API
   (no framework, no inline script). */
"use strict";
window.ng = (function () {
  const SVG = "http://www.w3.org/2000/svg";
  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (parent) parent.appendChild(node);
    return node;
  }
  function text(parent, x, y, content, attrs) {
    const node = el("text", Object.assign({ x: x, y: y, class: "tick" }, attrs || {}), parent);
    node.textContent = content;
    return node;
  }
  function title(parent, content) {
    const node = el("title", {}, parent);
    node.textContent = content;
    return node;
  }
  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (!response.ok) throw new Error((data && data.error) || ("HTTP " + response.status));
    return data;
  }
  return { el: el, text: text, title: title, getJSON: getJSON };
})();
