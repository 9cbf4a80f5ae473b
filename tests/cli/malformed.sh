#!/usr/bin/env bash
# Runs `camaudit validate` on every file of the malformed-input corpora (YAML site files in
# tests/malformed/site, GeoJSON site files in tests/malformed/geojson) and checks each against
# its expectation: the first line of the file, or a sidecar NAME.expect where a comment cannot
# be the first line (empty, binary, UTF-16 files, and every JSON file):
#
#     # expect: STATUS LINE:COL substring of the message
#
# Each run (--lang en) must exit with STATUS (never a crash: status < 128, no timeout), print
# nothing on stdout, and print `FILE:LINE:COL:` followed by the substring on stderr; with
# --lang zh, the same status and a translated message at the same position.
#
# Usage: malformed.sh CAMAUDIT_BINARY REPO_ROOT
set -u

bin=${1:?usage: malformed.sh CAMAUDIT_BINARY REPO_ROOT}
root=${2:?usage: malformed.sh CAMAUDIT_BINARY REPO_ROOT}
corpora=("$root/tests/malformed/site" "$root/tests/malformed/geojson")
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"  # $tmp, pass, fail, check

shopt -s nullglob
files=()
for corpus in "${corpora[@]}"; do
    here=("$corpus"/*.yaml "$corpus"/*.geojson)
    if [ ${#here[@]} -eq 0 ]; then
        echo "malformed: no corpus files under $corpus" >&2
        exit 1
    fi
    files+=("${here[@]}")
done

for file in "${files[@]}"; do
    name=$(basename "$file")
    if [ -f "${file%.*}.expect" ]; then
        spec=$(head -n 1 "${file%.*}.expect")
    elif [ -f "$file.expect" ]; then
        spec=$(head -n 1 "$file.expect")
    else
        spec=$(head -n 1 "$file")
    fi
    spec=${spec#\# }
    if [[ ! $spec =~ ^expect:\ ([0-9]+)\ ([0-9]+):([0-9]+)\ (.+)$ ]]; then
        fail "$name" "no '# expect: STATUS LINE:COL message' line"
        continue
    fi
    want_status=${BASH_REMATCH[1]}
    want_pos="${BASH_REMATCH[2]}:${BASH_REMATCH[3]}"
    want_text=${BASH_REMATCH[4]}
    want_text=${want_text%$'\r'}

    timeout 10 "$bin" validate --lang en "$file" >"$tmp/out" 2>"$tmp/err"
    status=$?
    if [ "$status" -eq 124 ]; then
        fail "$name" "timed out after 10 s"
        continue
    fi
    if [ "$status" -ge 128 ]; then
        fail "$name" "crashed (status $status)"
        continue
    fi
    if [ "$status" -ne "$want_status" ]; then
        fail "$name" "exit status $status, expected $want_status"
        sed 's/^/    /' "$tmp/err" >&2
        continue
    fi
    if [ -s "$tmp/out" ]; then
        fail "$name" "unexpected output on stdout"
        sed 's/^/    /' "$tmp/out" >&2
        continue
    fi
    if ! grep -F -- "$file:$want_pos: " "$tmp/err" | grep -qF -- "$want_text"; then
        fail "$name" "no diagnostic at $want_pos containing '$want_text'"
        sed 's/^/    /' "$tmp/err" >&2
        continue
    fi
    # In Chinese: the same status and position, and the message translated (the catalogue of
    # util/message_catalog_zh.cpp knows it: the line differs from the English one).
    timeout 10 "$bin" validate --lang zh "$file" >/dev/null 2>"$tmp/err-zh"
    zh_status=$?
    zh_line=$(grep -F -- "$file:$want_pos: " "$tmp/err-zh" | head -n 1)
    if [ "$zh_status" -ne "$want_status" ] || [ -z "$zh_line" ]; then
        fail "$name" "--lang zh: exit status $zh_status or no diagnostic at $want_pos"
        continue
    fi
    if grep -qxF -- "$zh_line" "$tmp/err"; then
        fail "$name" "--lang zh: the message at $want_pos is not translated: $zh_line"
        continue
    fi
    passed=$((passed + 1))
done

echo "malformed: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
