#!/usr/bin/env bash
# The pipeline's layers point one way (README "Layout"): a folder of src/ includes only its own
# headers and those of the layers below it, never one above.
#
#   util ← model ← geo ← io ← audit ← report ← cli ← main.cpp
#
#   folder   may include (besides itself)
#   util     -
#   model    util
#   geo      model util
#   io       model geo util      (the readers check CRSs with PROJ and polygons with GEOS)
#   audit    model geo io util   (io for the pipeline's loading: audit/pipeline.cpp)
#   report   model audit util    (renderers: no geo/, no GEOS, no geometry)
#   cli      everything below it
#   main.cpp everything
#
# Checked on every `#include "x/..."` line of every file under src/:
#   1. its folder x is allowed for the including folder (table above);
#   2. every folder of src/ is in the table, so a new folder is placed before it is used;
#   3. GEOS and PROJ (their headers <geos_c.h>, <proj.h>, their calls proj_*() and every GEOS
#      name: functions, types, constants, GEOSArea_r, GEOSGeometry, GEOS_POLYGON; the type is
#      geo::Geometry elsewhere) only in src/geo/, except the files listed in KNOWN_RAW_GEOS
#      below (being moved); the bare word GEOS in a comment or a message is fine;
#   4. no file under tests/, bench/ or fuzz/ includes cli/: what a test needs is a library
#      layer, not the command line.
# The script first runs itself on a small tree with one violation of each kind, and fails if
# it does not find exactly those: a layering test that cannot fail proves nothing.
#
# Usage: layering.sh CAMAUDIT_BINARY REPO_ROOT (the binary is not used; the CTest driver passes it)
set -u
set -o pipefail

root=${2:?usage: layering.sh CAMAUDIT_BINARY REPO_ROOT}
source "$(dirname "$0")/lib.sh"

declare -A allowed=(
    [util]=""
    [model]="util"
    [geo]="model util"
    [io]="model geo util"
    [audit]="model geo io util"
    [report]="model audit util"
    [cli]="report audit io geo model util"
)

# Files allowed to use GEOS or PROJ outside src/geo/ while they are being moved (none left
# since issue 18's arch-geo work). Remove a file from this list once it is clean; the check
# then keeps it so.
KNOWN_RAW_GEOS=()

raw_geos='#[[:space:]]*include[[:space:]]*<(geos_c|proj)\.h>|\bGEOS[A-Za-z0-9_]+|\bproj_[a-z0-9_]+[[:space:]]*\('

# Prints one line per violation in the tree at $1: "FILE: what".
violations() {
    local tree=$1 dir folder file line target
    for dir in "$tree"/src/*/; do
        folder=$(basename "$dir")
        if [ -z "${allowed[$folder]+set}" ]; then
            echo "src/$folder/: a folder that the layering table does not place"
            continue
        fi
        while IFS= read -r -d '' file; do
            while IFS= read -r line; do
                target=${line#*\"}
                target=${target%%/*}
                [ "$target" = "$folder" ] && continue
                case " ${allowed[$folder]} " in
                    *" $target "*) ;;
                    *) echo "${file#"$tree"/}: $folder/ includes $target/ ($line)" ;;
                esac
            done < <(grep -hoE '^[[:space:]]*#[[:space:]]*include[[:space:]]+"[a-z_]+/' "$file")
        done < <(find "$dir" -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) -print0)
    done
    while IFS= read -r -d '' file; do
        local rel=${file#"$tree"/} known=0 k
        for k in "${KNOWN_RAW_GEOS[@]}"; do [ "$rel" = "$k" ] && known=1; done
        [ "$known" = 1 ] && continue
        if grep -qE "$raw_geos" "$file"; then
            echo "$rel: GEOS or PROJ used outside src/geo/"
        fi
    done < <(find "$tree/src" -path "$tree/src/geo" -prune -o -type f \
        \( -name '*.cpp' -o -name '*.hpp' \) -print0)
    local d
    for d in tests bench fuzz; do
        [ -d "$tree/$d" ] || continue
        grep -rlE '^[[:space:]]*#[[:space:]]*include[[:space:]]+"cli/' "$tree/$d" 2>/dev/null |
            sed "s|^$tree/||; s|\$|: includes cli/ (use the library layers)|"
    done
}

# 1. The check itself, on a tree with one violation of each kind and lines that are fine.
fake="$tmp/fake"
mkdir -p "$fake"/src/{util,model,geo,io,audit,report,cli,fix} "$fake/tests/unit"
printf '#include "model/site.hpp"\n#include "audit/finding.hpp"\n// GEOS\x27s overlay\n' \
    >"$fake/src/report/ok.cpp"
printf '#include "cli/output.hpp"\n' >"$fake/src/report/up.cpp"
printf '  #  include "audit/engine.hpp"\n' >"$fake/src/io/up.hpp"
printf '#include "geo/geos.hpp"\n#include "util/parallel.hpp"\n' >"$fake/src/io/ok.cpp"
printf '#include "report/render.hpp"\n#include "io/site_reader.hpp"\n' >"$fake/src/cli/ok.cpp"
printf '#include <geos_c.h>\n' >"$fake/src/geo/ok.cpp"
printf 'double a = GEOSArea_r(ctx, g, &x);\n' >"$fake/src/report/raw.cpp"
printf 'double area(const GEOSGeometry* g);\n' >"$fake/src/audit/type.hpp"
printf '#include "cli/config.hpp"\n' >"$fake/tests/unit/test_x.cpp"
violations "$fake" | sort >"$tmp/fake.out"
cat >"$tmp/fake.expected" <<'EOF'
src/audit/type.hpp: GEOS or PROJ used outside src/geo/
src/fix/: a folder that the layering table does not place
src/io/up.hpp: io/ includes audit/ (  #  include "audit/)
src/report/raw.cpp: GEOS or PROJ used outside src/geo/
src/report/up.cpp: report/ includes cli/ (#include "cli/)
tests/unit/test_x.cpp: includes cli/ (use the library layers)
EOF
if diff -u "$tmp/fake.expected" "$tmp/fake.out" >&2; then
    pass
else
    fail "self-test" "the check does not find exactly the violations of the sample tree"
fi

# 2. The real tree.
violations "$root" >"$tmp/real.out"
if [ -s "$tmp/real.out" ]; then
    sed 's/^/layering: /' "$tmp/real.out" >&2
    fail "layers" "$(wc -l <"$tmp/real.out") include(s) against the layering (listed above)"
else
    pass
fi
# The known exceptions are still exceptions: a file that was cleaned, moved or renamed must
# leave the list rather than keep a hole in the check.
for k in "${KNOWN_RAW_GEOS[@]}"; do
    check "KNOWN_RAW_GEOS: $k still calls GEOS or PROJ (else remove it from the list)" \
        grep -qE "$raw_geos" "$root/$k"
done

echo "layering: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
