package server

import (
	"fmt"
	"io/fs"
	"net/http"
)

// pages maps the UI's paths to their HTML files under "pages/" of
// Config.Web. The article page reads its document's hash from its path.
func pages() map[string]string {
	return map[string]string{
		"/{$}":            "index.html",
		"/timeline":       "timeline.html",
		"/network":        "network.html",
		"/map":            "map.html",
		"/events":         "events.html",
		"/article/{hash}": "article.html",
	}
}

// webRoutes registers the UI's pages and its assets under /static/ on mux.
func (s *Server) webRoutes(mux *http.ServeMux, get func(string, http.HandlerFunc)) {
	for path, file := range pages() {
		get(path, s.page("pages/"+file))
	}
	if static, err := fs.Sub(s.cfg.Web, "static"); err == nil {
		get("/static/", http.StripPrefix("/static/", http.FileServerFS(static)).ServeHTTP)
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, fmt.Sprintf("404: no page %s", r.URL.Path), http.StatusNotFound)
	})
}

// page serves the HTML file name of the UI.
func (s *Server) page(name string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b, err := fs.ReadFile(s.cfg.Web, name)
		if err != nil {
			s.cfg.Logf("server: page %s: %v", name, err)
			http.Error(w, "500: page missing from the build", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(b)
	}
}
