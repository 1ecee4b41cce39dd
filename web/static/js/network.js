// The actor network: actors of the selected events as nodes, an edge from
// each source actor to each target actor, as wide as its events are many
// and coloured by their mean Goldstein score. Clicking an edge opens the
// event table of that dyad, clicking an actor the table of its events.
import { api, setup, filterParams, colour, showError } from "./common.js";

let graph = null;

async function load() {
  const params = filterParams();
  const status = document.getElementById("status");
  try {
    const res = await api("network", params);
    const most = Math.max(1, ...res.edges.map((e) => e.events));
    const elements = [
      ...res.nodes.map((n) => ({ data: { id: n.id, label: n.label, events: n.events } })),
      ...res.edges.map((e, i) => ({
        data: {
          id: "e" + i, source: e.source, target: e.target, events: e.events,
          width: 1 + 9 * Math.sqrt(e.events / most), colour: colour(e.goldstein_mean),
        },
      })),
    ];
    status.textContent = `${res.nodes.length} actors, ${res.edges.length} source → target pairs`;
    status.className = "status";
    if (graph) graph.destroy();
    graph = cytoscape({
      container: document.getElementById("graph"),
      elements,
      layout: { name: res.nodes.length > 1 ? "cose" : "grid", animate: false, padding: 30 },
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 11, "background-color": "#4a6785",
          width: 18, height: 18, "text-valign": "bottom", "text-margin-y": 4 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)",
          "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "curve-style": "bezier",
          opacity: 0.85 } },
      ],
    });
    const table = (extra) => {
      const q = filterParams();
      for (const [k, v] of Object.entries(extra)) q.set(k, v);
      location.href = "/events?" + q;
    };
    graph.on("tap", "edge", (ev) => table({ actor: ev.target.data("source"), target: ev.target.data("target") }));
    graph.on("tap", "node", (ev) => table({ actor: ev.target.id() }));
  } catch (err) {
    showError("status", err);
  }
}

setup(load);
load();
