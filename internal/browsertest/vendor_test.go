package browsertest

import (
	"mime"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"testing"
)

// vendorPages are pages that use each vendored library the way sitrep's
// web UI does, to show that it runs under the strict policy: no eval, no
// inline script, no injected stylesheet.
var vendorPages = map[string]string{
	"/graph.html": `<!doctype html><html><head><title>graph</title>
<link rel="stylesheet" href="/test.css">
<link rel="stylesheet" id="__________cytoscape_stylesheet" href="/static/vendor/cytoscape/container.css">
<script src="/static/vendor/cytoscape/cytoscape.min.js"></script>
<script src="/graph.js" defer></script></head>
<body><div id="graph" class="box"></div><p id="done"></p></body></html>`,
	"/graph.js": `const cy = cytoscape({
  container: document.getElementById("graph"),
  elements: [
    {data: {id: "USA", label: "United States"}}, {data: {id: "IRN", label: "Iran"}},
    {data: {id: "ISR", label: "Israel"}},
    {data: {id: "e1", source: "USA", target: "IRN", label: "threaten"}},
    {data: {id: "e2", source: "ISR", target: "IRN", label: "fight"}},
  ],
  style: [{selector: "node", style: {label: "data(label)", "background-color": "#2b6cb0"}},
          {selector: "edge", style: {label: "data(label)", "curve-style": "bezier", "target-arrow-shape": "triangle"}}],
  layout: {name: "cose", animate: false},
});
document.getElementById("done").textContent = cy.nodes().length + " nodes, " + cy.edges().length + " edges";`,
	"/timeline.html": `<!doctype html><html><head><title>timeline</title>
<link rel="stylesheet" href="/static/vendor/vis-timeline/vis-timeline-graph2d.min.css">
<script src="/static/vendor/moment/moment.min.js"></script>
<script src="/static/vendor/vis-data/vis-data.min.js"></script>
<script src="/static/vendor/vis-timeline/vis-timeline-graph2d.min.js"></script>
<link rel="stylesheet" href="/test.css">
<script src="/timeline.js" defer></script></head>
<body><div id="timeline" class="box"></div><p id="done"></p></body></html>`,
	"/timeline.js": `const items = new vis.DataSet([
  {id: 1, content: "USA threatens Iran", start: "2026-03-02"},
  {id: 2, content: "Israel strikes", start: "2026-03-04", end: "2026-03-06"},
  {id: 3, content: "talks proposed", start: "2026-03-09"},
]);
const tl = new vis.Timeline(document.getElementById("timeline"), items, {start: "2026-02-28", end: "2026-03-12"});
document.getElementById("done").textContent = items.length + " items";`,
	"/map.html": `<!doctype html><html><head><title>map</title>
<link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css">
<link rel="stylesheet" href="/test.css">
<script src="/static/vendor/leaflet/leaflet.js"></script>
<script src="/map.js" defer></script></head>
<body><div id="map" class="box"></div><p id="done"></p></body></html>`,
	"/map.js": `const map = L.map("map", {worldCopyJump: true}).setView([30, 20], 2);
L.marker([33.89, 35.50]).addTo(map).bindPopup("Beirut");
fetch("/static/vendor/world/countries.geojson").then((r) => r.json()).then((geo) => {
  const layer = L.geoJSON(geo, {style: (f) => ({weight: 1, color: "#555", fillOpacity: f.properties.code === "IRN" ? 0.6 : 0.1})}).addTo(map);
  const codes = geo.features.filter((f) => f.properties.code).length;
  document.getElementById("done").textContent = layer.getLayers().length + " countries, " + codes + " with a code";
});`,
	"/test.css": `.box { width: 900px; height: 450px; border: 1px solid #ccc; }`,
}

func httptestVendor(t *testing.T) string {
	vendor := http.StripPrefix("/static/vendor/", http.FileServer(http.Dir("../../web/static/vendor")))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", strictCSP)
		switch body, ok := vendorPages[r.URL.Path]; {
		case r.URL.Path == "/favicon.ico":
			w.WriteHeader(http.StatusNoContent)
		case strings.HasPrefix(r.URL.Path, "/static/vendor/"):
			vendor.ServeHTTP(w, r)
		case ok:
			w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(r.URL.Path)))
			w.Write([]byte(body))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestVendoredLibraries(t *testing.T) {
	b := Start(t)
	srvURL := httptestVendor(t)
	tests := []struct {
		page, ready, want string
	}{
		{"/graph.html", "#graph canvas", "3 nodes, 2 edges"},
		{"/timeline.html", ".vis-item", "3 items"},
		{"/map.html", ".leaflet-overlay-pane path", "177 countries, 177 with a code"},
	}
	for _, tt := range tests {
		t.Run(strings.TrimSuffix(tt.page[1:], ".html"), func(t *testing.T) {
			p, err := b.Open(srvURL + tt.page)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			if err := p.WaitVisible(tt.ready); err != nil {
				t.Fatal(err)
			}
			if got, err := p.Text("#done"); err != nil || got != tt.want {
				t.Errorf("#done reads %q (%v), want %q", got, err, tt.want)
			}
			if _, err := p.Screenshot(strings.TrimSuffix(tt.page[1:], ".html")); err != nil {
				t.Error(err)
			}
			if msgs, err := p.Messages(); err != nil || len(msgs) > 0 {
				t.Errorf("console shows %v (%v), want nothing", msgs, err)
			}
			if n, err := p.Count("style"); err != nil || n != 0 {
				t.Errorf("%d <style> elements (%v): the policy refuses them", n, err)
			}
		})
	}
}
