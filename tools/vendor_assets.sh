#!/usr/bin/env bash
# Copy the dashboard's third-party front-end files from npm into the package, with their
# licences, so an installed dyadwatch serves everything itself (no CDN, no npm at run time).
#
#   bash tools/vendor_assets.sh      # after changing a version in package.json
#
# Versions are pinned in package.json / package-lock.json; the copies are committed under
# src/dyadwatch/web/static/vendor/ (node_modules/ is not).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --ignore-scripts --no-audit --no-fund >/dev/null
out=src/dyadwatch/web/static/vendor
rm -rf "$out"
mkdir -p "$out/swagger-ui" "$out/topojson-client" "$out/world-atlas"

sw=node_modules/swagger-ui-dist
cp "$sw/swagger-ui-bundle.js" "$sw/swagger-ui.css" "$sw/favicon-32x32.png" "$sw/LICENSE" \
  "$sw/NOTICE" "$sw/swagger-ui-bundle.js.LICENSE.txt" "$out/swagger-ui/"
# the bundle ends with a sourceMappingURL to a file we do not ship: drop it (no 404 in devtools)
sed -i '/^\/\/# sourceMappingURL=/d' "$out/swagger-ui/swagger-ui-bundle.js"
sed -i 's#/\*\# sourceMappingURL=[^*]*\*/##' "$out/swagger-ui/swagger-ui.css"

cp node_modules/topojson-client/dist/topojson-client.min.js \
  node_modules/topojson-client/LICENSE "$out/topojson-client/"
cp node_modules/world-atlas/countries-110m.json node_modules/world-atlas/LICENSE \
  "$out/world-atlas/"

for pkg in swagger-ui-dist topojson-client world-atlas; do
  node -e "const p=require('./node_modules/$pkg/package.json');console.log(p.name+' '+p.version+' '+p.license)"
done >"$out/VERSIONS.txt"
echo "vendored into $out:"
cat "$out/VERSIONS.txt"
