// The event table: the events the filters select, a page at a time, each
// linked to its article. A "target" parameter (from the network page)
// keeps the events whose target actor's code starts with it.
import { api, el, setup, filterParams, tone, actorNames, eventLabel, sourcing, showError, articleLink } from "./common.js";

const PAGE = 50;

async function load() {
  const q = new URLSearchParams(location.search);
  const params = filterParams();
  const target = (q.get("target") || "").toUpperCase();
  const offset = Number(q.get("offset") || 0);
  // With a target, a wider page is read and narrowed here.
  params.set("limit", target ? 1000 : PAGE);
  params.set("offset", target ? 0 : offset);
  params.set("order", "-day");
  const status = document.getElementById("status");
  const body = document.querySelector("#events tbody");
  try {
    const res = await api("events", params);
    let rows = res.events;
    if (target) rows = rows.filter((r) => (r.target || []).some((a) => (a.code || "").startsWith(target)));
    body.replaceChildren(...rows.map(row));
    const what = target ? ` with ${params.get("actor") || "any actor"} → ${target}` : "";
    status.textContent = rows.length
      ? `Events ${offset + 1} to ${offset + rows.length}${what}`
      : `No events${what} match these filters.`;
    status.className = "status";
    pager(offset, !target && res.events.length === PAGE);
  } catch (err) {
    showError("status", err);
  }
}

function row(r) {
  const place = r.location ? r.location.name || r.location.text || r.location.country : "";
  return el("tr", { className: tone(r) },
    el("td", {}, r.day || ""),
    el("td", {}, actorNames(r.source)),
    el("td", { className: "code" }, eventLabel(r)),
    el("td", {}, actorNames(r.target)),
    el("td", {}, r.status || ""),
    el("td", {}, place || ""),
    el("td", {}, sourcing(r)),
    el("td", {}, articleLink(r, r.text)),
  );
}

function pager(offset, more) {
  const go = (to) => () => {
    const q = new URLSearchParams(location.search);
    q.set("offset", Math.max(0, to));
    history.pushState(null, "", "?" + q);
    load();
  };
  const prev = document.getElementById("prev");
  const next = document.getElementById("next");
  prev.disabled = offset === 0;
  next.disabled = !more;
  prev.onclick = go(offset - PAGE);
  next.onclick = go(offset + PAGE);
}

setup(load);
load();
