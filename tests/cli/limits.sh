#!/usr/bin/env bash
# The size limits of the site reader (src/io/site_reader.hpp), on inputs generated here (never
# checked in): a 300 MB file, a polygon of 1.2 million and one of 5 million vertices, and two
# million cameras. Each must give exit status 2 and its clear message, promptly and in bounded
# memory: each run has its address space capped (ulimit -v) so that running out of memory
# shows up as a crash or an "internal error", not as a slow machine, and its peak resident
# size is checked when /usr/bin/time can measure it.
#
# Under a sanitizer (CAMAUDIT_SANITIZER_RUN=1) the address-space cap cannot be used (ASan
# reserves terabytes of virtual memory) and the largest inputs take minutes: only the cheap
# cases run there.
#
# Usage: limits.sh CAMAUDIT_BINARY REPO_ROOT
set -u

bin=${1:?usage: limits.sh CAMAUDIT_BINARY REPO_ROOT}
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"  # $tmp, pass, fail, check
sanitized=${CAMAUDIT_SANITIZER_RUN:-0}

# lib.sh's fail, also showing the run's stderr.
fail() {
    echo "FAIL $1: $2" >&2
    sed -e 's/^/    /' "$tmp/err" | head -n 5 >&2
    failed=$((failed + 1))
}

# expect NAME FILE MAX_RSS_MB MESSAGE: `camaudit validate FILE` exits 2 with MESSAGE on stderr,
# nothing on stdout, within MAX_RSS_MB of peak resident memory (twice that as address space).
expect() {
    local name=$1 file=$2 max_mb=$3 message=$4 status rss
    local timer=()
    [ -x /usr/bin/time ] && timer=(/usr/bin/time -f "%M" -o "$tmp/rss")
    rm -f "$tmp/rss"
    (
        [ "$sanitized" = 1 ] || ulimit -v $((2 * max_mb * 1024))
        exec "${timer[@]}" "$bin" validate "$file"
    ) >"$tmp/out" 2>"$tmp/err"
    status=$?
    if [ "$status" -ne 2 ]; then
        fail "$name" "exit status $status, expected 2"
        return
    fi
    if [ -s "$tmp/out" ]; then
        fail "$name" "unexpected output on stdout"
        return
    fi
    if ! grep -qF -- "$file" "$tmp/err" || ! grep -qF -- "$message" "$tmp/err"; then
        fail "$name" "no diagnostic naming $file with '$message'"
        return
    fi
    if grep -q "internal error" "$tmp/err"; then
        fail "$name" "an internal error (out of memory?)"
        return
    fi
    if [ -s "$tmp/rss" ]; then
        rss=$(($(tail -n 1 "$tmp/rss") / 1024))
        echo "limits: $name: peak resident memory $rss MB (at most $max_mb MB)"
        if [ "$sanitized" != 1 ] && [ "$rss" -gt "$max_mb" ]; then
            fail "$name" "peak resident memory $rss MB above $max_mb MB"
            return
        fi
    fi
    passed=$((passed + 1))
}

head_yaml() {
    printf 'camaudit: 1\nsite: {id: s1}\noperator: {id: op1, type: individual}\n'
}

# 1. A 300 MB file: refused from its size, before a byte is read (a sparse file: no disk used).
truncate -s 300M "$tmp/huge.yaml"
expect huge-file "$tmp/huge.yaml" 200 "file is larger than 256 MiB"

# 2. A polygon of 1.2 million vertices: over the limit of 1 million points a polygon.
polygon() {
    head_yaml
    printf 'zones:\n  - id: z\n    kind: generic.room\n    polygon: ['
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "[%d,%d],", i % 1000, int(i / 1000) }'
    printf '[0,0]]\ncameras: []\n'
}
if [ "$sanitized" != 1 ]; then
    polygon 1200000 >"$tmp/vertices.yaml"
    expect polygon-1.2M-vertices "$tmp/vertices.yaml" 1500 \
        "polygon: 1200001 points, more than the limit of 1000000"

    # 3. Five million vertices: 15 million YAML values, stopped at the limit of 10 million.
    polygon 5000000 >"$tmp/vertices5m.yaml"
    expect polygon-5M-vertices "$tmp/vertices5m.yaml" 3000 "more than 10000000 YAML values"

    # 4. Two million cameras: stopped at the same limit, long before memory runs out.
    {
        head_yaml
        printf 'zones: []\ncameras:\n'
        awk 'BEGIN { for (i = 0; i < 2000000; i++)
            printf "  - {id: C%07d, position: [%d, %d], azimuth: 45, hfov: 90, range: 25}\n",
                   i, i % 1000, int(i / 1000) }'
    } >"$tmp/cameras.yaml"
    expect cameras-2M "$tmp/cameras.yaml" 3000 "more than 10000000 YAML values"
fi

echo "limits: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
