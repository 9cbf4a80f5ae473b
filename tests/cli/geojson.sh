#!/usr/bin/env bash
# GeoJSON site files on the command line: the OpenStreetMap example validates and audits;
# `validate --strict` lists the properties outside the site format and fails, and passes a file
# without any; the OSM fixture's assumed values are info findings in every format's source
# (JSON); `explain assumed-default` works; a broken GeoJSON file gives status 2 and no report.
#
# Usage: geojson.sh CAMAUDIT_BINARY REPO_ROOT
set -u

bin=${1:?usage: geojson.sh CAMAUDIT_BINARY REPO_ROOT}
root=${2:?usage: geojson.sh CAMAUDIT_BINARY REPO_ROOT}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"  # $tmp, pass, fail, check
cd "$root" || exit 1

# run NAME STATUS COMMAND...: runs it into $tmp/out, $tmp/err; checks the exit status.
run() {
    local name=$1 want=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local status=$?
    if [ "$status" -ne "$want" ]; then
        fail "$name" "exit status $status, expected $want"
        sed 's/^/    /' "$tmp/err" | head -n 20 >&2
        return 1
    fi
    return 0
}
# expect NAME FILE TEXT: FILE contains TEXT.
expect() {
    if grep -qF -- "$3" "$2"; then passed=$((passed + 1)); else
        fail "$1" "no '$3' in $(basename "$2")"
        sed 's/^/    /' "$2" | head -n 20 >&2
    fi
}
empty() {
    if [ ! -s "$2" ]; then passed=$((passed + 1)); else fail "$1" "$(basename "$2") not empty"; fi
}

monaco=data/examples/osm-monaco.geojson
osm=tests/fixtures/assumed-default/osm-tags.geojson

if run monaco-valid 0 "$bin" validate "$monaco"; then
    expect monaco-valid "$tmp/out" \
        "$monaco: valid: 10 cameras, 18 zones, 812 walls, 0 floors, CRS EPSG:4326 (working CRS EPSG:32632)"
    empty monaco-valid-stderr "$tmp/err"
fi

# --strict: one warning per ignored property (the OSM tags of walls, zones and cameras), then
# the file fails as an invalid one does: status 2, nothing on stdout.
if run monaco-strict 2 "$bin" validate --strict "$monaco"; then
    expect strict-wall-tag "$tmp/err" \
        "warning: property 'building' of wall 'a47430102-0' is not in the site format (ignored)"
    expect strict-camera-tag "$tmp/err" "warning: property 'camera:mount' of camera 'n6459866647'"
    expect strict-summary "$tmp/err" \
        "$monaco: 914 properties or members are outside the site format (--strict)"
    empty strict-stdout "$tmp/out"
fi

# A GeoJSON file with nothing outside the schema passes --strict; YAML files are unaffected.
cat >"$tmp/clean.geojson" <<'JSON'
{"type": "FeatureCollection", "camaudit": 1,
 "site": {"id": "clean", "crs": "local"},
 "operator": {"id": "op", "type": "individual"},
 "features": [{"type": "Feature", "id": "C1",
   "properties": {"camaudit": "camera", "azimuth": 0, "hfov": 60, "range": 5},
   "geometry": {"type": "Point", "coordinates": [0, 0]}}]}
JSON
if run strict-clean 0 "$bin" validate --strict "$tmp/clean.geojson"; then
    expect strict-clean "$tmp/out" "clean.geojson: valid: 1 cameras"
fi
run strict-yaml 0 "$bin" validate --strict data/examples/hotel-anhui.yaml && passed=$((passed + 1))

# The OSM fixture: info findings for the assumed values, next to the errors they lead to.
if run osm-check 1 "$bin" check --format json --lang en "$osm"; then
    expect osm-info "$tmp/out" '"check": "assumed-default"'
    expect osm-info-message "$tmp/out" \
        "camera “K7” is read from OpenStreetMap tags; assumed: camera:type = fixed (no camera:type tag)"
    expect osm-summary "$tmp/out" '"info": 8'  # 7 assumed-default, 1 filing sheet (issue #14 point 4)
fi
if run osm-text 1 "$bin" check --lang en "$osm"; then
    expect osm-text "$tmp/out" "info [cn-assumed-default] camera “node/1” is read from OpenStreetMap tags"
fi
# The info findings never fail a run on their own, not even with --fail-on warning.
cat >"$tmp/one-node.geojson" <<'JSON'
{"type": "FeatureCollection", "camaudit": 1,
 "site": {"id": "one-node", "region": "MC"},
 "operator": {"id": "op", "type": "individual"},
 "features": [{"type": "Feature", "id": "node/6459866647",
   "properties": {"man_made": "surveillance", "surveillance:type": "camera", "direction": "240"},
   "geometry": {"type": "Point", "coordinates": [7.4155145, 43.7332957]}}]}
JSON
if run osm-fail-on 0 "$bin" check --fail-on warning --format json "$tmp/one-node.geojson"; then
    expect osm-fail-on "$tmp/out" '"info": 1'
fi

if run explain 0 "$bin" explain --lang en assumed-default; then
    expect explain "$tmp/out" "cn-assumed-default"
    expect explain-basis "$tmp/out" "Regulation art. 13"
fi

# A broken GeoJSON file: status 2, the position on stderr, no report.
printf '{"type": "FeatureCollection", "features": [}\n' >"$tmp/broken.geojson"
if run broken 2 "$bin" check --format json -o "$tmp/report.json" "$tmp/broken.geojson"; then
    expect broken "$tmp/err" "$tmp/broken.geojson:1:"
    empty broken-stdout "$tmp/out"
    if [ -e "$tmp/report.json" ]; then fail broken-report "a report file was written"; fi
fi

echo "geojson: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
