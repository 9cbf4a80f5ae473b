#!/usr/bin/env bash
# Runs `camaudit validate` on every file of the malformed-input corpus and checks each against
# its expectation: the first line of the file, or a sidecar NAME.expect where a comment cannot
# be the first line (empty, binary, UTF-16 files):
#
#     # expect: STATUS LINE:COL substring of the message
#
# Each run must exit with STATUS (never a crash: status < 128, no timeout), print nothing on
# stdout, and print `FILE:LINE:COL:` followed by the substring on stderr.
#
# Usage: malformed.sh CAMAUDIT_BINARY REPO_ROOT
set -u

bin=${1:?usage: malformed.sh CAMAUDIT_BINARY REPO_ROOT}
root=${2:?usage: malformed.sh CAMAUDIT_BINARY REPO_ROOT}
corpus="$root/tests/malformed/site"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
fail() {
    echo "FAIL $1: $2" >&2
    failed=$((failed + 1))
}

shopt -s nullglob
files=("$corpus"/*.yaml)
if [ ${#files[@]} -eq 0 ]; then
    echo "malformed: no corpus files under $corpus" >&2
    exit 1
fi

for file in "${files[@]}"; do
    name=$(basename "$file")
    if [ -f "${file%.yaml}.expect" ]; then
        spec=$(head -n 1 "${file%.yaml}.expect")
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

    timeout 10 "$bin" validate "$file" >"$tmp/out" 2>"$tmp/err"
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
    passed=$((passed + 1))
done

echo "malformed: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
