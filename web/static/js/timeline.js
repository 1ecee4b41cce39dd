// The timeline: the events the filters select on vis-timeline, each
// coloured by cooperation or conflict (Goldstein score, or PLOVER quad)
// and opening its article when clicked. Item contents are DOM nodes built
// with text only, so no event text is parsed as markup.
import { api, el, setup, filterParams, tone, actorNames, eventLabel, showError } from "./common.js";

let timeline = null;

async function load() {
  const params = filterParams();
  params.set("limit", 1000);
  params.set("order", "day");
  const status = document.getElementById("status");
  try {
    const res = await api("events", params);
    const rows = res.events.filter((r) => r.day);
    const hashes = new Map();
    const items = rows.map((r, i) => {
      hashes.set(i, r.document.hash);
      const end = r.date && r.date.end && r.date.end > r.day ? r.date.end : null;
      return {
        id: i,
        start: r.day,
        end: end ? end + "T23:59:59" : undefined,
        type: end ? "range" : "box",
        className: tone(r),
        content: el("span", { className: "item" },
          el("b", {}, eventLabel(r)), " ",
          `${actorNames(r.source) || "?"} → ${actorNames(r.target) || "?"}`),
      };
    });
    status.textContent = `${rows.length} dated events` + (res.events.length === 1000 ? " (the first 1000)" : "");
    status.className = "status";
    const container = document.getElementById("timeline");
    const data = new vis.DataSet(items);
    if (timeline) {
      timeline.setItems(data);
      if (items.length) timeline.fit();
      return;
    }
    timeline = new vis.Timeline(container, data, { stack: true, maxHeight: 640, zoomMin: 86400000 });
    timeline.on("select", (p) => {
      if (p.items.length) location.href = "/article/" + hashes.get(p.items[0]);
    });
  } catch (err) {
    showError("status", err);
  }
}

setup(load);
load();
