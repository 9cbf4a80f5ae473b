#!/usr/bin/env bash
# The workflow of README.md ("camaudit.yaml", "Baselines", "In CI"), run for real on a
# throwaway design repository: camaudit.yaml found from a subfolder (the nearest wins, --config
# overrides, options beat it, errors at file:line:column), --write-baseline, reasons written
# with sed, --baseline (exit 0), a reordered site file (the baseline still matches), an expired
# entry (its finding back, exit 1; CAMAUDIT_TODAY), an unused entry (a warning), the SARIF and
# JUnit commands of the CI jobs, and the pre-commit hook's entry.
#
# Usage: ci_workflow.sh CAMAUDIT_BINARY REPO_ROOT
set -u

bin=${1:?usage: ci_workflow.sh CAMAUDIT_BINARY REPO_ROOT}
root=${2:?usage: ci_workflow.sh CAMAUDIT_BINARY REPO_ROOT}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
root=$(cd "$root" && pwd)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"  # $tmp, pass, fail, check
unset CAMAUDIT_TODAY

# lib.sh's fail, also showing the failed run's output.
fail() {
    echo "FAIL $1: $2" >&2
    for f in "$tmp/out" "$tmp/err"; do
        [ -s "$f" ] && sed -e 's/^/    /' "$f" | head -n 8 >&2
    done
    failed=$((failed + 1))
}
# run DIR ARGS...: camaudit in DIR; stdout, stderr and the status in $tmp/out, $tmp/err, $status.
run() {
    local dir=$1
    shift
    (cd "$dir" && "$bin" "$@") >"$tmp/out" 2>"$tmp/err"
    status=$?
}
status_is() { [ "$status" -eq "$1" ]; }
out_has() { grep -qF -- "$1" "$tmp/out"; }
err_has() { grep -qE -- "$1" "$tmp/err"; }
err_empty() { [ ! -s "$tmp/err" ]; }
out_empty() { [ ! -s "$tmp/out" ]; }
# The number of error and warning findings in a JSON report on stdout.
failing() { grep -cE '"severity": "(error|warning)"' "$tmp/out"; }
# The number of sites in a JSON report on stdout (each has "zones": N; a finding has "zone").
sites_in_report() { grep -cE '"zones": [0-9]+' "$tmp/out" || true; }

# --- a design repository ------------------------------------------------------------------
repo=$tmp/repo
mkdir -p "$repo/sites/hotel" "$repo/sites/school" "$repo/sites/street" "$repo/docs/notes" \
    "$repo/sites/.drafts"
cp "$root/data/examples/hotel-anhui.yaml" "$repo/sites/hotel/"
cp "$root/data/examples/school-dormitory.yaml" "$repo/sites/school/"
cp "$root/data/examples/street-military.yaml" "$repo/sites/street/"
cp "$root/tests/fixtures/missing-signage/signage.yaml" "$repo/sites/"
echo "not: a site" >"$repo/sites/.drafts/broken.yaml"  # hidden: never matched by **
echo "not: a site" >"$repo/sites/notes.yml"             # excluded by pattern
cat >"$repo/camaudit.yaml" <<'EOF'
# The design repository's camaudit settings.
sites: ["sites/**/*.yaml", "sites/*.yml"]
exclude: ["sites/notes.yml"]
format: json
rule_params:
  ah-guest-room-view: {min_overlap_m2: 0.01}   # an Anhui rule: applies to the CN-AH sites only
EOF

# 1. No arguments, from a subfolder: the sites of ../../camaudit.yaml.
run "$repo/docs/notes" check
check "config from a subfolder: status 1" status_is 1
check "config from a subfolder: all four sites" [ "$(sites_in_report)" -eq 4 ]
check "config from a subfolder: paths from here" out_has '"file": "../../sites/hotel/hotel-anhui.yaml"'
check "config from a subfolder: no warnings" err_empty
all_failing=$(failing)
check "config from a subfolder: findings" [ "$all_failing" -gt 3 ]
expired_fp=$(awk '/"severity": "error"/ { e = 1 }
    e && match($0, /"fingerprint": "[0-9a-f]+"/) { print substr($0, RSTART + 16, 16); exit }' "$tmp/out")
check "an error finding's fingerprint" [ -n "$expired_fp" ]

# 2. Site arguments replace `sites`; options beat the config.
run "$repo/docs" check ../sites/signage.yaml --format text
check "arguments replace sites" out_has "fx-signage"
check "arguments replace sites: one site" [ "$(grep -c 'hotel-anhui.yaml' "$tmp/out")" -eq 0 ]
check "--format beats format" status_is 1
run "$repo" check --fail-on never
check "--fail-on beats the default" status_is 0

# 3. No sites anywhere: a usage error; --no-config ignores the config.
run "$repo" check --no-config
check "--no-config without sites: status 2" status_is 2
check "--no-config without sites: says why" err_has "no site files"
check "--no-config without sites: no report" out_empty
if ! (cd "$tmp" && d=$PWD && while [ "$d" != / ]; do [ -e "$d/camaudit.yaml" ] && exit 0; d=$(dirname "$d"); done; exit 1); then
    run "$tmp" check
    check "no config, no sites: status 2" status_is 2
fi

# 4. A baseline named in camaudit.yaml before it exists: an error, until --write-baseline
#    writes it.
cp "$repo/camaudit.yaml" "$tmp/config-before"
echo "baseline: camaudit-baseline.yaml" >>"$repo/camaudit.yaml"
run "$repo/docs" check
check "configured baseline missing: status 2" status_is 2
check "configured baseline missing: says so" err_has '^\.\./camaudit-baseline\.yaml: cannot open'
run "$repo/docs" check --write-baseline ../camaudit-baseline.yaml
check "first baseline of the configured file: status 0" status_is 0
cp "$tmp/config-before" "$repo/camaudit.yaml"
rm "$repo/camaudit-baseline.yaml"

# 5. --write-baseline: every error and warning, TODO reasons, status 0, no report.
run "$repo/docs" check --write-baseline ../camaudit-baseline.yaml
check "write-baseline: status 0" status_is 0
check "write-baseline: no report" out_empty
check "write-baseline: says what to do" err_has "wrote $all_failing baseline entries.*TODO"
check "write-baseline: one entry per finding" \
    [ "$(grep -c '^  - fingerprint:' "$repo/camaudit-baseline.yaml")" -eq "$all_failing" ]
check "write-baseline: is a baseline" grep -q '^camaudit_baseline: 1$' "$repo/camaudit-baseline.yaml"

# 6. The TODO reasons are refused, with file:line:column.
run "$repo/docs" check --baseline ../camaudit-baseline.yaml
check "TODO reasons: status 2" status_is 2
check "TODO reasons: file:line:column" err_has '^\.\./camaudit-baseline\.yaml:[0-9]+:[0-9]+: reason: still the placeholder'
check "TODO reasons: no report" out_empty

# 7. Reasons written: everything accepted, status 0.
sed -i 's/"TODO: say why this finding is accepted"/"accepted at the design review of 2025-07-01"/' \
    "$repo/camaudit-baseline.yaml"
run "$repo/docs" check --baseline ../camaudit-baseline.yaml
check "baseline: status 0" status_is 0
check "baseline: findings hidden" [ "$(failing)" -eq 0 ]
check "baseline: no warnings" err_empty

# 8. The baseline in camaudit.yaml; `camaudit check` with no arguments, as in CI.
echo "baseline: camaudit-baseline.yaml" >>"$repo/camaudit.yaml"
run "$repo/docs/notes" check
check "baseline from the config: status 0" status_is 0
check "baseline from the config: no warnings" err_empty
run "$repo" check -o camaudit-baseline.yaml
check "-o onto the baseline: refused" status_is 2

# 9. Reorder cameras: block-style items of the hotel, one-line items of the signage fixture.
swap_first_two_cameras() {  # FILE: the first two items of the top-level `cameras:` list swapped
    awk '
        function flush() { if (!done && n >= 2) printf "%s%s", blk[2], blk[1]; done = 1 }
        /^[^ #]/ { if (cams) flush(); cams = ($0 ~ /^cameras:/); print; next }
        cams && /^  - / { n++ }
        cams && n >= 1 && n <= 2 { blk[n] = blk[n] $0 "\n"; next }
        cams && n > 2 { flush() }
        { print }
        END { if (cams) flush() }' "$1" >"$1.new" && mv "$1.new" "$1"
}
first_camera() { awk '/^cameras:/ { c = 1; next } c && /^  - / { print; exit }' "$1"; }
before_hotel=$(first_camera "$repo/sites/hotel/hotel-anhui.yaml")
before_sign=$(first_camera "$repo/sites/signage.yaml")
swap_first_two_cameras "$repo/sites/hotel/hotel-anhui.yaml"
swap_first_two_cameras "$repo/sites/signage.yaml"
check "reordered: hotel changed" [ "$(first_camera "$repo/sites/hotel/hotel-anhui.yaml")" != "$before_hotel" ]
check "reordered: signage changed" [ "$(first_camera "$repo/sites/signage.yaml")" != "$before_sign" ]
run "$repo" validate sites/hotel/hotel-anhui.yaml sites/signage.yaml
check "reordered: still valid" status_is 0
run "$repo/docs" check
check "reordered: the baseline still matches" status_is 0
check "reordered: no unused entries" err_empty

# 10. An expired entry: its finding is back (status 1) and the entry is listed.
awk -v fp="$expired_fp" '
    index($0, fp) { hit = 1 }
    { print }
    hit && /^    reason:/ { print "    expires: 2020-01-31"; hit = 0 }' \
    "$repo/camaudit-baseline.yaml" >"$tmp/b" && cp "$tmp/b" "$repo/camaudit-baseline.yaml"
run "$repo/docs" check
check "expired: status 1" status_is 1
check "expired: the finding is back" out_has "\"fingerprint\": \"$expired_fp\""
check "expired: one finding" [ "$(failing)" -eq 1 ]
check "expired: a warning at file:line:column" \
    err_has '^\.\./camaudit-baseline\.yaml:[0-9]+:14: warning: .*expired on 2020-01-31'
sed -i 's/expires: 2020-01-31/expires: 2030-06-30/' "$repo/camaudit-baseline.yaml"
CAMAUDIT_TODAY=2030-06-30 run "$repo" check
check "CAMAUDIT_TODAY on the expiry day: hidden" status_is 0
CAMAUDIT_TODAY=2030-07-01 run "$repo" check
check "CAMAUDIT_TODAY the day after: back" status_is 1
CAMAUDIT_TODAY=2030-02-30 run "$repo" check
check "CAMAUDIT_TODAY malformed: status 2" status_is 2

# 11. --write-baseline again: the reasons and the expiry are kept.
run "$repo" check --write-baseline camaudit-baseline.yaml
check "refresh: status 0" status_is 0
check "refresh: reasons kept" [ "$(grep -c 'accepted at the design review' "$repo/camaudit-baseline.yaml")" -eq "$all_failing" ]
check "refresh: expiry kept" grep -q 'expires: 2030-06-30' "$repo/camaudit-baseline.yaml"
check "refresh: nothing TODO" err_has "wrote $all_failing baseline entries to camaudit-baseline.yaml$"

# 12. An entry that matches nothing: a warning, status unchanged.
cp "$repo/camaudit-baseline.yaml" "$tmp/good-baseline.yaml"
cat >>"$repo/camaudit-baseline.yaml" <<'EOF'
  - fingerprint: "0123456789abcdef"
    site: fx-signage
    reason: "a camera removed since"
  - fingerprint: "fedcba9876543210"
    site: a-site-not-audited
    reason: "another project's site"
EOF
run "$repo" check
check "unused entry: status 0" status_is 0
check "unused entry: a warning" err_has '^camaudit-baseline\.yaml:[0-9]+:5: warning: unused baseline entry.*0123456789abcdef'
check "unused entry: other sites' entries not unused" [ "$(grep -c warning "$tmp/err")" -eq 1 ]
cp "$tmp/good-baseline.yaml" "$repo/camaudit-baseline.yaml"

# 13. The nearest camaudit.yaml wins; --config overrides.
printf 'sites: "*.yaml"\nfail_on: never\n' >"$repo/sites/street/camaudit.yaml"
run "$repo/sites/street" check --format json
check "nearest config: its sites only" [ "$(sites_in_report)" -eq 1 ]
check "nearest config: its fail_on" status_is 0
rm "$repo/sites/street/camaudit.yaml"
mkdir -p "$tmp/elsewhere"
printf 'sites: [../repo/sites/signage.yaml]\nformat: json\n' >"$tmp/elsewhere/ci.yaml"
run "$repo/docs" check --config "$tmp/elsewhere/ci.yaml"
check "--config: its sites" [ "$(sites_in_report)" -eq 1 ]
check "--config: no baseline of the repository" status_is 1

# 14. Errors in camaudit.yaml: file:line:column, status 2, no report.
cp "$repo/camaudit.yaml" "$tmp/good-config.yaml"
echo "fail-on: warning" >>"$repo/camaudit.yaml"
run "$repo/docs" check
check "config typo: status 2" status_is 2
check "config typo: did you mean" err_has "^\.\./camaudit\.yaml:[0-9]+:1: unknown key 'fail-on' in camaudit\.yaml; did you mean 'fail_on'\?"
check "config typo: no report" out_empty
cp "$tmp/good-config.yaml" "$repo/camaudit.yaml"
printf 'disable: [missing-signge]\n' >>"$repo/camaudit.yaml"
run "$repo" check
check "config unknown rule: status 2" status_is 2
check "config unknown rule: where" err_has "^camaudit\.yaml:[0-9]+:11: disable: 'missing-signge' is neither.*did you mean 'missing-signage'"
cp "$tmp/good-config.yaml" "$repo/camaudit.yaml"
printf 'sites: [plans/*.yaml]\n' >"$tmp/elsewhere/typo.yaml"
run "$repo" check --config "$tmp/elsewhere/typo.yaml"
check "a glob that matches nothing: status 2" status_is 2
check "a glob that matches nothing: where" err_has "typo\.yaml:1:9: sites: 'plans/\*\.yaml' matches no file"

# 15. The CI jobs of README.md: SARIF for GitHub, JUnit for GitLab.
for cmd in "camaudit check --format sarif -o camaudit.sarif" \
    "camaudit check --format junit -o camaudit-junit.xml"; do
    check "README shows '$cmd'" grep -qF -- "$cmd" "$root/README.md"
done
"$bin" check -h >"$tmp/help" 2>&1
if grep -q sarif "$tmp/help"; then
    run "$repo" check --format sarif -o camaudit.sarif
    check "sarif: status 0 with the baseline" status_is 0
    check "sarif: written" grep -q '"2.1.0"' "$repo/camaudit.sarif"
else
    echo "ci_workflow: note: this camaudit has no sarif format yet; skipped" >&2
fi
if grep -q junit "$tmp/help"; then
    CAMAUDIT_TODAY=2030-07-01 run "$repo" check --format junit -o camaudit-junit.xml
    check "junit: status 1 (expired entry)" status_is 1
    check "junit: written" grep -q '<testsuite' "$repo/camaudit-junit.xml"
else
    echo "ci_workflow: note: this camaudit has no junit format yet; skipped" >&2
fi

# 16. The pre-commit hook: its entry, with no file arguments, from the repository's top.
hooks=$root/.pre-commit-hooks.yaml
entry=$(sed -n 's/^ *entry: *//p' "$hooks" | head -n 1)
files=$(sed -n 's/^ *files: *//p' "$hooks" | head -n 1)
check "hook: entry is camaudit check" [ "$entry" = "camaudit check" ]
check "hook: no file arguments" grep -qE '^ *pass_filenames: *false' "$hooks"
check "hook: site files trigger it" grep -qE -- "$files" <<<"sites/hotel/hotel-anhui.yaml"
check "hook: the baseline triggers it" grep -qE -- "$files" <<<"camaudit-baseline.yaml"
check "hook: other files do not" bash -c "! grep -qE -- '$files' <<<'README.md'"
read -r -a words <<<"$entry"
run "$repo" "${words[@]:1}"
check "hook: passes with the baseline" status_is 0
swap_first_two_cameras "$repo/sites/school/school-dormitory.yaml"
run "$repo" "${words[@]:1}"
check "hook: a reordered site still passes" status_is 0

echo "ci_workflow: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
