// Package web holds the web UI of sitrep serve, embedded in the binary:
// HTML pages (pages/: situation report, timeline, actor network, map,
// event table, article view) and their assets (static/: plain ES modules
// and CSS, no build step, and the front-end libraries vendored under
// static/vendor/ with their licences). The pages carry no inline script
// or style, so they run under the server's strict Content-Security-Policy,
// and every text from the store is put into the page with textContent,
// never as markup.
package web

import (
	"embed"
	"io/fs"
)

//go:embed pages static
var files embed.FS

// FS returns the UI's files: the pages under "pages/" and the assets
// under "static/".
func FS() fs.FS { return files }
