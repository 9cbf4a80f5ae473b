#!/usr/bin/env bash
# `camaudit diff OLD NEW`: every pair under tests/fixtures-diff/NAME/ (old.yaml, new.yaml) gives
# exactly its expected JSON and Markdown reports in English and JSON in Chinese (expected.json,
# expected.md, expected.zh.json; the tool version aside) and the exit status in its file
# exit-status, identically twice; --fail-on; identical files (no changes, 0); stdin; -o; and an
# input error in either file gives status 2, the error as file:line:column on stderr, nothing on
# stdout and no -o file.
#
# CAMAUDIT_UPDATE_FIXTURES=1 rewrites the expected files, to be reviewed like any change.
#
# Usage: diff.sh CAMAUDIT_BINARY REPO_ROOT
set -u

bin=${1:?usage: diff.sh CAMAUDIT_BINARY REPO_ROOT}
root=${2:?usage: diff.sh CAMAUDIT_BINARY REPO_ROOT}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"  # $tmp, pass, fail, check
cd "$root" || exit 1

empty() { [ ! -s "$1" ]; }
no_file() { [ ! -e "$1" ]; }
has() { grep -qF -- "$2" "$1"; }
# same_report EXPECTED GOT: equal but for the tool's version.
same_report() {
    cmp -s <(grep -v '"version": ' "$1") <(grep -v '"version": ' "$2") ||
        { diff -u "$1" "$2" | head -n 40 >&2; false; }
}

shopt -s nullglob
pairs=(tests/fixtures-diff/*/)
if [ ${#pairs[@]} -eq 0 ]; then
    echo "diff: no fixture pairs under $root/tests/fixtures-diff" >&2
    exit 1
fi

# --- the fixture pairs ---------------------------------------------------------------------
for dir in "${pairs[@]}"; do
    dir=${dir%/}
    name=$(basename "$dir")
    old=$dir/old.yaml
    new=$dir/new.yaml
    want_status=$(cat "$dir/exit-status" 2>/dev/null || echo missing)
    # FORMAT LANG EXPECTED-SUFFIX: the JSON in Chinese pins the Chinese wording of the notes
    # and findings, as the English JSON and Markdown pin the English.
    for variant in "json en json" "markdown en md" "json zh zh.json"; do
        read -r format lang ext <<<"$variant"
        "$bin" diff --lang "$lang" --format "$format" "$old" "$new" >"$tmp/out" 2>"$tmp/err"
        status=$?
        if [ -n "${CAMAUDIT_UPDATE_FIXTURES:-}" ]; then
            cp "$tmp/out" "$dir/expected.$ext"
            echo "$status" >"$dir/exit-status"
            want_status=$status
        fi
        check "$name $format $lang: exit $want_status" [ "$status" = "$want_status" ]
        check "$name $format $lang: nothing on stderr" empty "$tmp/err"
        check "$name $format $lang: as expected.$ext" same_report "$dir/expected.$ext" "$tmp/out"
        "$bin" diff --lang "$lang" --format "$format" "$old" "$new" >"$tmp/again" 2>/dev/null
        check "$name $format $lang: deterministic" cmp -s "$tmp/out" "$tmp/again"
    done
    "$bin" diff --lang zh "$old" "$new" >"$tmp/text" 2>"$tmp/err"
    check "$name text zh: exit $want_status" [ $? = "$want_status" ]
    check "$name text zh: a summary line" test -s "$tmp/text"
    "$bin" diff --fail-on never "$old" "$new" >/dev/null 2>&1
    check "$name --fail-on never: exit 0" [ $? -eq 0 ]
done

# --- exit statuses -------------------------------------------------------------------------
ptz=tests/fixtures-diff/ptz-warning
"$bin" diff "$ptz/old.yaml" "$ptz/new.yaml" >/dev/null 2>&1
check "new warning, --fail-on error (default): exit 0" [ $? -eq 0 ]
"$bin" diff --fail-on warning "$ptz/old.yaml" "$ptz/new.yaml" >/dev/null 2>&1
check "new warning, --fail-on warning: exit 1" [ $? -eq 1 ]
"$bin" diff --fail-on warning "$ptz/new.yaml" "$ptz/old.yaml" >/dev/null 2>&1
check "warning fixed (the reverse), --fail-on warning: exit 0" [ $? -eq 0 ]
street=tests/fixtures-diff/street-article7
"$bin" diff "$street/old.yaml" "$street/new.yaml" >/dev/null 2>&1
check "new error: exit 1" [ $? -eq 1 ]
"$bin" diff "$street/new.yaml" "$street/old.yaml" >/dev/null 2>&1
check "error fixed (the reverse): exit 0" [ $? -eq 0 ]

# --- identical files: no changes, exit 0 ----------------------------------------------------
site=tests/fixtures-diff/anhui-hotel/new.yaml
"$bin" diff --lang en "$site" "$site" >"$tmp/out" 2>"$tmp/err"
check "identical: exit 0 although the site has findings" [ $? -eq 0 ]
check "identical: no changes" has "$tmp/out" "no changes"
check "identical: nothing on stderr" empty "$tmp/err"
"$bin" diff --format json "$site" "$site" >"$tmp/out" 2>/dev/null
check "identical json: changed false" has "$tmp/out" '"changed": false'
check "identical json: no camera" has "$tmp/out" '"cameras": []'
"$bin" diff --format markdown --lang en "$site" "$site" >"$tmp/out" 2>/dev/null
check "identical markdown: no changes" has "$tmp/out" "**no changes**"

# --- markdown for a pull request -------------------------------------------------------------
hotel=tests/fixtures-diff/anhui-hotel
"$bin" diff --format markdown --lang en "$hotel/old.yaml" "$hotel/new.yaml" >"$tmp/md" 2>/dev/null
check "markdown: summary line" grep -qE '^`.*` → `.*`: \*\*[0-9]+ new finding' "$tmp/md"
check "markdown: camera table" has "$tmp/md" "| camera | change | details |"
check "markdown: coverage table" has "$tmp/md" "| zone | kind | before | after |"
check "markdown: details block" has "$tmp/md" "<details><summary>"
check "markdown: quoted article" has "$tmp/md" "> **Anhui Measures art. 16(iii)**: (三)不擅自改变"
check "markdown: fixed findings" has "$tmp/md" "#### Fixed findings"

# --- stdin, -o ----------------------------------------------------------------------------
"$bin" diff --format json "$hotel/old.yaml" "$hotel/new.yaml" >"$tmp/files.json" 2>/dev/null
"$bin" diff --format json - "$hotel/new.yaml" <"$hotel/old.yaml" >"$tmp/stdin.json" 2>"$tmp/err"
check "stdin as OLD: exit 1" [ $? -eq 1 ]
check "stdin as OLD: same report" cmp -s <(sed 's#"file": "[^"]*old.yaml"#"file": "<stdin>"#' \
    "$tmp/files.json") "$tmp/stdin.json"
"$bin" diff - - <"$site" >"$tmp/out" 2>"$tmp/err"
check "stdin twice: exit 2" [ $? -eq 2 ]
check "stdin twice: nothing on stdout" empty "$tmp/out"
"$bin" diff --format markdown --lang en -o "$tmp/report.md" "$hotel/old.yaml" "$hotel/new.yaml" \
    >"$tmp/out" 2>/dev/null
check "-o: exit 1" [ $? -eq 1 ]
check "-o: nothing on stdout" empty "$tmp/out"
check "-o: the report" cmp -s "$tmp/report.md" "$hotel/expected.md"
cp "$site" "$tmp/input.yaml"
"$bin" diff -o "$tmp/input.yaml" "$site" "$tmp/input.yaml" >"$tmp/out" 2>"$tmp/err"
check "-o onto NEW: exit 2" [ $? -eq 2 ]
check "-o onto NEW: input unchanged" cmp -s "$site" "$tmp/input.yaml"

# --- input errors: 2, file:line:column, nothing written ------------------------------------
printf 'camaudit: 1\nsite: {id: broken}\nzones: [\n' >"$tmp/broken.yaml"
"$bin" diff "$site" "$tmp/broken.yaml" >"$tmp/out" 2>"$tmp/err"
check "broken NEW: exit 2" [ $? -eq 2 ]
check "broken NEW: nothing on stdout" empty "$tmp/out"
check "broken NEW: file:line:col on stderr" grep -qE "broken\.yaml:[0-9]+:[0-9]+:" "$tmp/err"
"$bin" diff -o "$tmp/never.json" --format json "$tmp/broken.yaml" "$site" >"$tmp/out" 2>"$tmp/err"
check "broken OLD: exit 2" [ $? -eq 2 ]
check "broken OLD: nothing on stdout" empty "$tmp/out"
check "broken OLD: no -o file" no_file "$tmp/never.json"
check "broken OLD: file:line:col on stderr" grep -qE "broken\.yaml:[0-9]+:[0-9]+:" "$tmp/err"
sed 's/kind: hotel.lobby/kind: hotel.lobbby/' "$site" >"$tmp/unknown-kind.yaml"
"$bin" diff "$site" "$tmp/unknown-kind.yaml" >"$tmp/out" 2>"$tmp/err"
check "invalid NEW (unknown kind): exit 2" [ $? -eq 2 ]
check "invalid NEW: nothing on stdout" empty "$tmp/out"
check "invalid NEW: file:line:col" grep -qE "unknown-kind\.yaml:[0-9]+:[0-9]+:" "$tmp/err"
"$bin" diff "$tmp/missing.yaml" "$site" >"$tmp/out" 2>"$tmp/err"
check "missing OLD: exit 2" [ $? -eq 2 ]
check "missing OLD: nothing on stdout" empty "$tmp/out"
"$bin" diff --format sarif "$site" "$site" >"$tmp/out" 2>/dev/null
check "bad --format: exit 2" [ $? -eq 2 ]
"$bin" diff "$site" >/dev/null 2>&1
check "one file only: exit 2" [ $? -eq 2 ]

echo "diff: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
