// The map: country outlines from the vendored world GeoJSON (no tile
// server), countries whose actors take part shaded, and a circle at each
// place of the selected events, its area by their number. Popups are DOM
// nodes built with text only.
import { api, el, setup, filterParams, showError } from "./common.js";

let map = null;
let world = null;
let layers = [];

async function load() {
  const params = filterParams();
  const status = document.getElementById("status");
  try {
    if (!map) {
      map = L.map("map", { worldCopyJump: true, minZoom: 1 }).setView([32, 35], 4);
      world = await (await fetch("/static/vendor/world/countries.geojson")).json();
    }
    const [places, actors] = await Promise.all([
      api("places", params),
      api("actors", Object.assign(Object.fromEntries(params), { limit: 1000 })),
    ]);
    const active = new Map();
    for (const a of actors.actors) {
      if (a.country) active.set(a.country, (active.get(a.country) || 0) + a.events);
    }
    for (const l of layers) l.remove();
    const outlines = L.geoJSON(world, {
      style: (f) => ({
        color: "#6b7b8c", weight: 0.6, fillOpacity: active.has(f.properties.code) ? 0.45 : 0.15,
        fillColor: active.has(f.properties.code) ? "#c9a227" : "#dfe6ec",
      }),
      onEachFeature: (f, layer) => {
        const n = active.get(f.properties.code);
        layer.bindTooltip(el("span", {}, f.properties.name + (n ? `: ${n} events` : "")));
      },
    }).addTo(map);
    const most = Math.max(1, ...places.places.map((p) => p.events));
    const circles = places.places.map((p) => {
      const q = filterParams();
      q.set("place", p.name);
      return L.circleMarker([p.lat, p.lon], {
        radius: 4 + 12 * Math.sqrt(p.events / most), color: "#8b1e1e", weight: 1, fillColor: "#d9534f", fillOpacity: 0.6,
        className: "place",
      }).bindPopup(el("div", {}, el("b", {}, p.name), ` ${p.country || ""}: ${p.events} events `,
        el("a", { href: "/events?" + q }, "list them")));
    });
    layers = [outlines, ...circles.map((c) => c.addTo(map))];
    if (circles.length) map.fitBounds(L.featureGroup(circles).getBounds().pad(1), { maxZoom: 5 });
    status.textContent = `${places.places.length} places, ${active.size} countries`;
    status.className = "status";
  } catch (err) {
    showError("status", err);
  }
}

setup(load);
load();
