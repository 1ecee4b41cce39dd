// The situation report page: for the period, country or actor of the
// filters, the numbers of events, cooperation and conflict, the most
// active actors and dyads, the places, the latest events, and the written
// report of package report when the server has it (shown as text).
import { api, el, setup, filterParams, tone, colour, actorNames, eventLabel, sourcing, showError, articleLink } from "./common.js";

async function load() {
  const params = filterParams();
  const out = document.getElementById("report");
  try {
    const [days, actors, net, places, latest] = await Promise.all([
      api("aggregates", Object.assign(Object.fromEntries(params), { by: "day" })),
      api("actors", Object.assign(Object.fromEntries(params), { limit: 10 })),
      api("network", Object.assign(Object.fromEntries(params), { limit: 10 })),
      api("places", Object.assign(Object.fromEntries(params), { limit: 10 })),
      api("events", Object.assign(Object.fromEntries(params), { limit: 15, order: "-day" })),
    ]);
    let n = 0, goldSum = 0, goldN = 0;
    const plover = new Map();
    for (const b of days.buckets) {
      n += b.events;
      goldSum += b.goldstein_sum;
      goldN += b.goldstein_n;
      for (const [k, v] of Object.entries(b.plover || {})) plover.set(k, (plover.get(k) || 0) + v);
    }
    const dated = days.buckets.filter((b) => b.period);
    const span = dated.length ? `from ${dated[0].start} to ${dated[dated.length - 1].end}` : "undated";
    const mean = goldN ? goldSum / goldN : null;
    const types = [...plover].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", ");
    out.replaceChildren(
      el("section", { id: "overview" },
        el("h2", {}, "Overview"),
        el("p", { className: "lead" }, `${n} events ${span}; mean Goldstein score `,
          el("span", { className: "score " + tone(mean) }, mean === null ? "n/a" : mean.toFixed(1)), "."),
        types ? el("p", {}, "By PLOVER type: " + types + ".") : null),
      el("section", { id: "written" }),
      el("section", {},
        el("h2", {}, "Main dyads"),
        table(["Source", "Target", "Events", "Mean Goldstein", ""], net.edges.map((e) => [
          e.source, e.target, e.events,
          el("span", { className: "score " + tone(e.goldstein_mean) },
            e.goldstein_mean === undefined ? "n/a" : e.goldstein_mean.toFixed(1)),
          el("a", { href: "/events?" + withParams({ actor: e.source, target: e.target }) }, "events"),
        ]))),
      el("section", {},
        el("h2", {}, "Key actors"),
        table(["Actor", "Code", "Events", "As source", "As target"], actors.actors.map((a) => [
          el("a", { href: "/events?" + withParams({ actor: a.code }) }, a.name || a.code), a.code, a.events, a.as_source, a.as_target,
        ]))),
      el("section", {},
        el("h2", {}, "Places"),
        table(["Place", "Country", "Events"], places.places.map((p) => [p.name, p.country || "", p.events]))),
      el("section", { id: "latest" },
        el("h2", {}, "Latest events"),
        el("ul", { className: "latest" }, latest.events.map((r) => el("li", { className: tone(r) },
          el("span", { className: "day" }, r.day || "undated"), " ",
          el("b", {}, eventLabel(r)), ` ${actorNames(r.source) || "?"} → ${actorNames(r.target) || "?"} `,
          el("span", { className: "sourcing" }, sourcing(r)), " ",
          articleLink(r, "article"))))),
    );
    written(params);
  } catch (err) {
    out.replaceChildren(el("p", { id: "status", className: "status error" }, String(err.message || err)));
  }
}

// written adds the report of package report, as text, when the server
// serves one (a 501 otherwise, and nothing is shown).
async function written(params) {
  params.set("format", "markdown");
  const resp = await fetch("/api/v1/report?" + params);
  if (!resp.ok) return;
  const text = await resp.text();
  document.getElementById("written").replaceChildren(el("h2", {}, "Written report"), el("pre", { className: "written" }, text));
}

function withParams(extra) {
  const q = filterParams();
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q;
}

function table(head, rows) {
  if (!rows.length) return el("p", { className: "empty" }, "None.");
  return el("table", {}, el("thead", {}, el("tr", {}, head.map((h) => el("th", {}, h)))),
    el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c) => el("td", {}, c))))));
}

setup(load);
load();
