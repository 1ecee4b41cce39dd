// What every page of sitrep's UI shares: the API client, a DOM builder
// that only ever sets text (never markup), the navigation, the filter form
// kept in step with the query string, the colours of cooperation and
// conflict, and live updates from the server's event stream.

// api fetches /api/v1/PATH with the parameters params (an object or
// URLSearchParams) and returns the decoded JSON; it throws the server's
// error message on a failure.
export async function api(path, params) {
  const qs = new URLSearchParams(params || {});
  for (const [k, v] of [...qs]) {
    if (v === "") qs.delete(k);
  }
  const url = "/api/v1/" + path + (qs.toString() ? "?" + qs : "");
  const resp = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await resp.json();
  } catch (e) {
    throw new Error(`${url}: ${resp.status}, not JSON`);
  }
  if (!resp.ok) {
    const err = new Error(`${url}: ${body && body.error ? body.error : resp.status}`);
    err.status = resp.status;
    throw err;
  }
  return body;
}

// el returns a new element of tag with the attributes attrs (className,
// href, data-*, ...; event handlers as functions under "on...") and the
// children, strings becoming text nodes: nothing is ever parsed as HTML.
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "className") e.className = v;
    else if (k.startsWith("on") && typeof v === "function") e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

// The pages of the navigation.
const PAGES = [
  ["/", "Report"],
  ["/timeline", "Timeline"],
  ["/network", "Network"],
  ["/map", "Map"],
  ["/events", "Events"],
];

// The filters of the form: query parameter, label, input type, hint.
const FILTERS = [
  ["from", "From", "date", ""],
  ["to", "To", "date", ""],
  ["country", "Country", "text", "LBN"],
  ["actor", "Actor", "text", "ISR, Hezbollah"],
  ["cameo_root", "CAMEO root", "text", "19"],
  ["plover", "PLOVER", "text", "ASSAULT"],
  ["status", "Status", "select", ["", "asserted", "negated", "intended", "hypothetical"]],
  ["text", "Text", "search", "words"],
];

// filterParams returns the filters of the page's query string.
export function filterParams() {
  const q = new URLSearchParams(location.search);
  const out = new URLSearchParams();
  for (const [name] of FILTERS) {
    if (q.get(name)) out.set(name, q.get(name));
  }
  if (q.get("merged") === "true") out.set("merged", "true");
  return out;
}

// setup draws the navigation and, when the page has one, the filter form
// (filled from the query string; submitting it changes the query string
// and calls reload), and starts the live updates, which call reload too.
export function setup(reload) {
  const here = location.pathname;
  const top = document.getElementById("top");
  top.append(
    el("a", { href: "/", className: "brand" }, "sitrep"),
    el("nav", {}, PAGES.map(([href, label]) =>
      el("a", { href: href + location.search, className: here === href ? "current" : "" }, label))),
    el("span", { id: "live", className: "live", title: "live updates from the store" }, "connecting"),
  );
  const form = document.getElementById("filters");
  if (form) buildForm(form, reload);
  live(reload);
}

// buildForm fills form with the filter inputs.
function buildForm(form, reload) {
  const q = new URLSearchParams(location.search);
  for (const [name, label, type, hint] of FILTERS) {
    let input;
    if (type === "select") {
      input = el("select", { name }, hint.map((v) => el("option", { value: v }, v || "any")));
    } else {
      input = el("input", { name, type, placeholder: hint });
    }
    input.value = q.get(name) || "";
    form.append(el("label", {}, label, input));
  }
  const merged = el("input", { name: "merged", type: "checkbox", value: "true" });
  merged.checked = q.get("merged") === "true";
  form.append(el("label", { className: "check" }, merged, "one per merged event"));
  form.append(el("button", { type: "submit" }, "Apply"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const next = new URLSearchParams(location.search);
    for (const [name] of FILTERS) next.delete(name);
    next.delete("merged");
    next.delete("offset");
    for (const [k, v] of new FormData(form)) {
      if (v !== "") next.set(k, v);
    }
    history.pushState(null, "", location.pathname + (next.toString() ? "?" + next : ""));
    reload();
  });
  window.addEventListener("popstate", () => location.reload());
}

// live listens to the server's event stream and reports new documents in
// the header, calling reload after each.
function live(reload) {
  const badge = document.getElementById("live");
  if (!window.EventSource) {
    badge.textContent = "no live updates";
    return;
  }
  const src = new EventSource("/api/v1/stream");
  src.addEventListener("open", () => {
    badge.textContent = "live";
    badge.className = "live on";
  });
  src.addEventListener("error", () => {
    badge.textContent = "reconnecting";
    badge.className = "live";
  });
  src.addEventListener("ingested", (ev) => {
    const c = JSON.parse(ev.data);
    badge.textContent = `live: ${c.documents} documents, ${c.events} events`;
    badge.className = "live on fresh";
    if (reload) reload();
  });
}

// tone classes an event or a mean Goldstein score: "coop" above zero,
// "conflict" below, "neutral" at zero or unknown. For an event, its PLOVER
// quad (penta class 1-2 cooperation, 3-4 conflict) decides when it has no
// score.
export function tone(x) {
  let g = x;
  if (x && typeof x === "object") {
    g = x.goldstein;
    if (g === undefined || g === null) {
      const p = x.penta_class;
      if (p === 1 || p === 2) return "coop";
      if (p === 3 || p === 4) return "conflict";
      return "neutral";
    }
  }
  if (typeof g !== "number" || g === 0) return "neutral";
  return g > 0 ? "coop" : "conflict";
}

// colour returns the colour of a mean Goldstein score g (-10 to 10): red
// through grey to green.
export function colour(g) {
  if (typeof g !== "number") return "#888888";
  const t = Math.max(-1, Math.min(1, g / 10));
  const mix = (a, b) => Math.round(a + (b - a) * Math.abs(t));
  const [r, gr, b] = t < 0 ? [mix(136, 200), mix(136, 30), mix(136, 30)] : [mix(136, 30), mix(136, 150), mix(136, 60)];
  return `rgb(${r}, ${gr}, ${b})`;
}

// actorNames formats the actors of a record: name or text, and code.
export function actorNames(actors) {
  return (actors || []).map((a) => {
    const name = a.name || a.text || "";
    return name && a.code ? `${name} (${a.code})` : name || a.code || "?";
  }).join(", ");
}

// eventLabel formats a record's codes: CAMEO code and PLOVER type.
export function eventLabel(r) {
  const p = r.plover && r.plover.type ? " " + r.plover.type : "";
  return (r.cameo || "?") + p;
}

// sourcing formats a record's attribution: the publisher's voice, or the
// chain of those cited, hedged or not.
export function sourcing(r) {
  const a = r.attribution;
  if (!a) return "";
  if (a.voice === "publisher" && !(a.chain && a.chain.length)) return "publisher" + (a.hedged ? ", hedged" : "");
  const chain = (a.chain || []).map((s) => {
    const who = s.name || s.text || s.role || s.cue;
    return s.count ? `${who} (${s.count})` : who;
  }).filter(Boolean);
  return (chain.length ? "cited: " + chain.join(" ← ") : "cited") + (a.hedged ? ", hedged" : "");
}

// showError puts an error message into the element with id, as text.
export function showError(id, err) {
  const e = document.getElementById(id);
  if (e) {
    e.textContent = String(err.message || err);
    e.className = "status error";
  }
}

// articleLink returns a link to the article view of a row's document.
export function articleLink(row, label) {
  return el("a", { href: "/article/" + row.document.hash }, label || row.document.title || row.document.id);
}
