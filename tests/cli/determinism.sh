#!/usr/bin/env bash
# Determinism: every example and fixture site gives byte-identical reports with one worker
# thread and with four, and twice with four (where scheduling differs from run to run): `check`
# in json, sarif, geojson and html, and `coverage` in json; the same for all the sites at once
# (then the threads work across sites). The exit status and stderr must match too.
#
# formats.sh and html.sh already compare two runs with the default thread count on the
# examples together; this adds -j 1 against -j 4, each site alone (where the viewsheds of one
# site run in parallel) and the fixtures.
#
# Usage: determinism.sh CAMAUDIT_BINARY REPO_ROOT
set -u

bin=${1:?usage: determinism.sh CAMAUDIT_BINARY REPO_ROOT}
root=${2:?usage: determinism.sh CAMAUDIT_BINARY REPO_ROOT}
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"  # $tmp, pass, fail, check
export CAMAUDIT_TODAY=2025-07-01 NO_COLOR=1

# same NAME ARGS...: camaudit ARGS with -j 1, -j 4 and -j 4 again: identical stdout, stderr
# and status.
same() {
    local name=$1 run
    shift
    for run in 1 4 4b; do
        "$bin" "$@" -j "${run%b}" >"$tmp/out.$run" 2>"$tmp/err.$run"
        echo $? >"$tmp/status.$run"
    done
    for run in 4 4b; do
        if ! cmp -s "$tmp/out.1" "$tmp/out.$run" || ! cmp -s "$tmp/err.1" "$tmp/err.$run" ||
            ! cmp -s "$tmp/status.1" "$tmp/status.$run"; then
            echo "FAIL $name: -j 1 and -j ${run%b} (${run}) differ" >&2
            diff "$tmp/out.1" "$tmp/out.$run" | head -n 6 | sed 's/^/    /' >&2
            failed=$((failed + 1))
            return
        fi
    done
    if [ "$(cat "$tmp/status.1")" -ge 2 ]; then
        echo "FAIL $name: exit status $(cat "$tmp/status.1")" >&2
        sed 's/^/    /' "$tmp/err.1" | head -n 4 >&2
        failed=$((failed + 1))
        return
    fi
    passed=$((passed + 1))
}

shopt -s nullglob
cd "$root" || exit 1
sites=(data/examples/*.yaml data/examples/*.geojson tests/fixtures/*/*.yaml tests/fixtures/*/*.geojson)
# Known defect, left open (see the issue note): under ASan, reading an IFC model (a forked child)
# while other threads audit can hang (one run in four of all the sites with -j 4). The sanitizer
# runs leave the IFC-importing fixtures out until the reader no longer forks from a threaded
# process; the release run (scripts/test) keeps them.
if [ "${CAMAUDIT_SANITIZER_RUN:-0}" = 1 ]; then
    kept=()
    for s in "${sites[@]}"; do [[ $s == tests/fixtures/ifc-import/* ]] || kept+=("$s"); done
    sites=("${kept[@]}")
fi
if [ ${#sites[@]} -lt 10 ]; then
    echo "determinism: expected the example and fixture sites, found ${#sites[@]}" >&2
    exit 1
fi

for site in "${sites[@]}"; do
    for format in json sarif geojson html; do
        same "check $format $site" check --format "$format" "$site"
    done
    same "coverage json $site" coverage --format json "$site"
done
same "check json, all sites" check --format json "${sites[@]}"
same "check sarif, all sites" check --format sarif "${sites[@]}"
same "coverage json, all sites" coverage --format json "${sites[@]}"

echo "determinism: $passed passed, $failed failed (${#sites[@]} sites)"
[ "$failed" -eq 0 ]
