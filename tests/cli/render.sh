#!/usr/bin/env bash
# `camaudit render`: every example site renders to a well-formed SVG that names each of its
# cameras, identically twice; the languages, --bands and --no-findings work; stdout without -o;
# and no input error ever leaves a file behind or overwrites the input.
#
# Usage: render.sh CAMAUDIT_BINARY REPO_ROOT
set -u

bin=${1:?usage: render.sh CAMAUDIT_BINARY REPO_ROOT}
root=${2:?usage: render.sh CAMAUDIT_BINARY REPO_ROOT}
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"  # $tmp, pass, fail, check

# The camera ids of a site file: `- id: X` or `- {id: X, ...}` items of the top-level
# `cameras:` list.
camera_ids() {
    awk '
        /^[A-Za-z_][A-Za-z0-9_-]*:/ { section = $1; next }
        section == "cameras:" && match($0, /^[ ]*-[ ]*\{?[ ]*id:[ ]*"?[^",} ]+/) {
            s = substr($0, RSTART, RLENGTH); sub(/.*id:[ ]*"?/, "", s); print s
        }' "$1"
}

starts_svg() { head -c 64 "$1" | grep -qE '^(<\?xml|<svg)'; }
has_text() { grep -qF -- ">$2</text>" "$1"; }
well_formed() {
    # Tag balance is checked by the unit tests; here xmllint, where it is installed, checks
    # the whole document.
    if command -v xmllint >/dev/null 2>&1; then xmllint --noout "$1" 2>/dev/null; else true; fi
}
no_file() { [ ! -e "$1" ]; }
empty() { [ ! -s "$1" ]; }

shopt -s nullglob
examples=("$root"/data/examples/*.yaml)
if [ ${#examples[@]} -eq 0 ]; then
    echo "render: no example sites under $root/data/examples" >&2
    exit 1
fi

for site in "${examples[@]}"; do
    name=$(basename "$site" .yaml)
    out="$tmp/$name.svg"
    "$bin" render "$site" -o "$out" >"$tmp/stdout" 2>"$tmp/stderr"
    status=$?
    if [ "$status" -ne 0 ]; then
        fail "$name" "exit $status: $(head -n 3 "$tmp/stderr")"
        continue
    fi
    pass
    check "$name: nothing on stdout" empty "$tmp/stdout"
    check "$name: starts with <svg or <?xml" starts_svg "$out"
    check "$name: well-formed" well_formed "$out"
    ids=$(camera_ids "$site")
    [ -n "$ids" ] || fail "$name" "no camera ids found in the site file"
    for id in $ids; do check "$name: camera $id drawn" has_text "$out" "$id"; done

    "$bin" render "$site" -o "$tmp/$name.again.svg" 2>/dev/null
    check "$name: deterministic" cmp -s "$out" "$tmp/$name.again.svg"

    "$bin" render "$site" --lang en --bands -o "$tmp/$name.en.svg" 2>/dev/null
    check "$name: --lang en --bands" has_text "$tmp/$name.en.svg" "Viewshed"
    check "$name: en well-formed" well_formed "$tmp/$name.en.svg"
    "$bin" render "$site" --lang zh --no-findings >"$tmp/$name.zh.svg" 2>/dev/null
    check "$name: --lang zh to stdout" has_text "$tmp/$name.zh.svg" "视域"
    check "$name: --no-findings" grep -qF -- "--no-findings" "$tmp/$name.zh.svg"
done

# Never over the input: refused with 2, the input unchanged, nothing written.
site=${examples[0]}
cp "$site" "$tmp/input.yaml"
"$bin" render "$tmp/input.yaml" -o "$tmp/input.yaml" >"$tmp/stdout" 2>"$tmp/stderr"
check "-o onto the input: exit 2" [ $? -eq 2 ]
check "-o onto the input: input unchanged" cmp -s "$site" "$tmp/input.yaml"
check "-o onto the input: nothing on stdout" empty "$tmp/stdout"
check "-o onto the input: a reason on stderr" test -s "$tmp/stderr"

# Input errors: status 2, no file, the error on stderr.
"$bin" render "$tmp/missing.yaml" -o "$tmp/missing.svg" >"$tmp/stdout" 2>"$tmp/stderr"
check "missing site: exit 2" [ $? -eq 2 ]
check "missing site: no output file" no_file "$tmp/missing.svg"
check "missing site: nothing on stdout" empty "$tmp/stdout"

printf 'camaudit: 1\nsite: {id: broken}\nzones: [\n' >"$tmp/broken.yaml"
"$bin" render "$tmp/broken.yaml" -o "$tmp/broken.svg" >"$tmp/stdout" 2>"$tmp/stderr"
check "invalid site: exit 2" [ $? -eq 2 ]
check "invalid site: no output file" no_file "$tmp/broken.svg"
check "invalid site: file:line:col on stderr" grep -qE "broken\.yaml:[0-9]+:[0-9]+:" "$tmp/stderr"

"$bin" render "$site" --lang fr -o "$tmp/fr.svg" >/dev/null 2>&1
check "bad --lang: exit 2" [ $? -eq 2 ]
check "bad --lang: no output file" no_file "$tmp/fr.svg"
"$bin" render >/dev/null 2>&1
check "no site: exit 2" [ $? -eq 2 ]

echo "render: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
