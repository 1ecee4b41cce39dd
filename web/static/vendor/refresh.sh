#!/usr/bin/env bash
# Refreshes sitrep's vendored front-end libraries from the npm registry:
# installs the pinned versions in a temporary directory outside the
# repository, copies only the browser builds, their stylesheets, images and
# licences here, and makes world/countries.geojson from world-atlas with
# sitrep's own converter (internal/tools/topo2geo). Needs npm and Go; building
# sitrep itself needs neither npm nor Node.
#
#   web/static/vendor/refresh.sh            # the versions pinned below
#   CYTOSCAPE=3.36.0 web/static/vendor/refresh.sh
#
# Then check web/static/vendor/README.md (versions, sizes) and run the
# browser tests.
set -euo pipefail
cd "$(dirname "$0")"
vendor=$PWD
repo=$(cd ../../.. && pwd)

CYTOSCAPE=${CYTOSCAPE:-3.35.0}
VIS_TIMELINE=${VIS_TIMELINE:-8.5.4}
VIS_DATA=${VIS_DATA:-8.0.6}
MOMENT=${MOMENT:-2.31.0}
LEAFLET=${LEAFLET:-1.9.4}
WORLD_ATLAS=${WORLD_ATLAS:-2.0.2}

npmdir=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-vendor-npm.XXXXXX")
trap 'rm -rf "$npmdir"' EXIT
(
	cd "$npmdir"
	npm init -y > /dev/null
	npm install --ignore-scripts --no-audit --no-fund --silent \
		"cytoscape@$CYTOSCAPE" "vis-timeline@$VIS_TIMELINE" \
		"vis-data@$VIS_DATA" "moment@$MOMENT" \
		"leaflet@$LEAFLET" "world-atlas@$WORLD_ATLAS"
)
nm=$npmdir/node_modules

# fresh copies library by library: nothing stale stays behind
rm -rf cytoscape vis-timeline vis-data moment leaflet world
mkdir -p cytoscape vis-timeline vis-data moment leaflet/images world

cp "$nm/cytoscape/dist/cytoscape.min.js" "$nm/cytoscape/LICENSE" cytoscape/
echo "$CYTOSCAPE" > cytoscape/VERSION
# cytoscape adds a <style> element with one rule unless an element with its
# id exists; a page links this file under that id instead (style-src 'self')
cat > cytoscape/container.css <<'CSS'
/* Written for sitrep, not part of cytoscape: the one rule cytoscape would
   otherwise add in a <style> element of its own, which a Content-Security-
   Policy of style-src 'self' refuses. Link it as
   <link rel="stylesheet" id="__________cytoscape_stylesheet" href=".../container.css">
   so that cytoscape finds it and adds nothing. */
.__________cytoscape_container { position: relative; }
CSS

# the peer build: moment and vis-data are separate scripts loaded before it.
# The standalone build injects its CSS in <style> elements, which
# style-src 'self' refuses, and the dist build is deprecated.
cp "$nm/vis-timeline/peer/umd/vis-timeline-graph2d.min.js" \
	"$nm/vis-timeline/styles/vis-timeline-graph2d.min.css" \
	"$nm/vis-timeline/LICENSE.md" "$nm/vis-timeline/LICENSE.Apache-2.0.txt" \
	"$nm/vis-timeline/LICENSE.MIT.txt" vis-timeline/
echo "$VIS_TIMELINE" > vis-timeline/VERSION
cp "$nm/vis-data/peer/umd/vis-data.min.js" "$nm/vis-data/LICENSE-APACHE-2.0" \
	"$nm/vis-data/LICENSE-MIT" vis-data/
echo "$VIS_DATA" > vis-data/VERSION
cp "$nm/moment/min/moment.min.js" "$nm/moment/LICENSE" moment/
echo "$MOMENT" > moment/VERSION

cp "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$nm/leaflet/LICENSE" leaflet/
cp "$nm/leaflet/dist/images/"*.png leaflet/images/
echo "$LEAFLET" > leaflet/VERSION

cp "$nm/world-atlas/LICENSE" world/LICENSE
echo "$WORLD_ATLAS" > world/VERSION
(cd "$repo" && go run ./internal/tools/topo2geo \
	-in "$nm/world-atlas/countries-110m.json" -object countries \
	-out "$vendor/world/countries.geojson")

du -sh "$vendor"
