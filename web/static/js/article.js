// The article view: the document's text with the source and target actor
// spans, the event triggers and the attribution spans highlighted, and each
// event with its codes, status, date, place, sourcing and explanation;
// clicking an event picks out its spans. Offsets are Unicode code points,
// so the text is indexed as Array.from(text); every piece is put into the
// page as text, never as markup.
import { api, el, setup, tone, actorNames, eventLabel, sourcing, showError } from "./common.js";

async function load() {
  const hash = location.pathname.split("/").pop();
  try {
    const res = await api("documents/" + encodeURIComponent(hash));
    const d = res.document;
    document.title = (d.title || d.id) + " · sitrep";
    document.querySelector("h1").textContent = d.title || d.id;
    const meta = document.getElementById("meta");
    meta.replaceChildren(
      [d.outlet, d.published ? d.published.slice(0, 10) : "", d.id].filter(Boolean).join(" · "), " ",
      d.url ? el("a", { href: d.url, rel: "noopener noreferrer" }, "original") : "");
    const chars = Array.from(d.text);
    document.getElementById("text").replaceChildren(...render(chars, marks(chars, res.events)));
    document.getElementById("records").replaceChildren(...res.events.map(record));
  } catch (err) {
    showError("meta", err);
  }
}

// marks returns, for each code point, the set of kind@event marks on it.
function marks(chars, events) {
  const at = chars.map(() => new Set());
  const mark = (start, end, kind, i) => {
    for (let p = Math.max(0, start); p < Math.min(end, chars.length); p++) at[p].add(kind + "@" + i);
  };
  events.forEach((r, i) => {
    for (const a of r.source || []) if (a.end > a.start) mark(a.start, a.end, "source", i);
    for (const a of r.target || []) if (a.end > a.start) mark(a.start, a.end, "target", i);
    if (r.trigger) mark(r.trigger.start, r.trigger.end, "trigger", i);
    // Attribution spans carry no offsets: their cue and source text are
    // found in the event's sentence.
    const sentence = sentenceStart(chars, r);
    if (sentence < 0 || !r.attribution) return;
    const len = Array.from(r.text).length;
    const inSentence = chars.slice(sentence, sentence + len).join("");
    for (const s of r.attribution.chain || []) {
      for (const part of [s.cue, s.text || s.name]) {
        if (!part) continue;
        const k = inSentence.indexOf(part);
        if (k < 0) continue;
        const start = sentence + Array.from(inSentence.slice(0, k)).length;
        mark(start, start + Array.from(part).length, "attrib", i);
      }
    }
  });
  return at;
}

// sentenceStart returns the code point where the record's sentence starts
// in the text: near its trigger, or its first occurrence; -1 when absent.
function sentenceStart(chars, r) {
  if (!r.text) return -1;
  const text = chars.join("");
  let from = 0;
  if (r.trigger) from = Math.max(0, chars.slice(0, Math.max(0, r.trigger.start - Array.from(r.text).length)).join("").length);
  let k = text.indexOf(r.text, from);
  if (k < 0) k = text.indexOf(r.text);
  return k < 0 ? -1 : Array.from(text.slice(0, k)).length;
}

// render turns runs of code points with the same marks into text nodes
// and <mark> elements.
function render(chars, at) {
  const out = [];
  let i = 0;
  while (i < chars.length) {
    const key = [...at[i]].sort().join(" ");
    let j = i + 1;
    while (j < chars.length && [...at[j]].sort().join(" ") === key) j++;
    const piece = chars.slice(i, j).join("");
    if (!key) {
      out.push(document.createTextNode(piece));
    } else {
      const kinds = new Set([...at[i]].map((m) => m.split("@")[0]));
      const evs = new Set([...at[i]].map((m) => m.split("@")[1]));
      out.push(el("mark", { className: [...kinds].join(" "), "data-events": [...evs].join(" ") }, piece));
    }
    i = j;
  }
  return out;
}

function record(r, i) {
  const date = r.date ? r.date.start + (r.date.end && r.date.end !== r.date.start ? " to " + r.date.end : "") +
    (r.date.text ? ` ("${r.date.text}")` : "") : "undated";
  const place = r.location ? [r.location.name || r.location.text, r.location.country].filter(Boolean).join(", ") : "";
  const li = el("li", { className: "record " + tone(r), tabindex: "0", "data-event": String(i) },
    el("div", { className: "head" }, el("b", {}, eventLabel(r)), ` ${actorNames(r.source) || "?"} → ${actorNames(r.target) || "?"}`),
    el("div", {}, `${r.status || ""} · ${date}` + (place ? ` · ${place}` : "") +
      (typeof r.goldstein === "number" ? ` · Goldstein ${r.goldstein}` : "")),
    r.attribution ? el("div", { className: "sourcing" }, sourcing(r)) : null,
    el("div", { className: "explain" }, r.explain || ""),
  );
  const pick = () => {
    for (const m of document.querySelectorAll("mark")) {
      m.classList.toggle("focus", (m.dataset.events || "").split(" ").includes(String(i)));
    }
    for (const x of document.querySelectorAll(".record")) x.classList.toggle("focus", x === li);
  };
  li.addEventListener("click", pick);
  li.addEventListener("keydown", (ev) => { if (ev.key === "Enter") pick(); });
  return li;
}

setup(load);
load();
