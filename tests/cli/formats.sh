#!/usr/bin/env bash
# `camaudit check --format sarif|junit|geojson` on the example sites: the SARIF passes the SARIF
# Multitool's validator (its SARIF and GitHub rules) with no error; the JUnit XML is well-formed
# with one <testsuite> per site; the GeoJSON parses, with one feature per finding. Each format
# also on stdout, deterministic, and never written after an input error.
#
# The validator is the npm package @microsoft/sarif-multitool-linux, installed once into
# BUILD/npm (BUILD: the folder of the binary) and reused from there, offline. Without npm the
# SARIF validation is skipped, saying so; without node the JSON checks are skipped too.
#
# Usage: formats.sh CAMAUDIT_BINARY REPO_ROOT
set -u

bin=${1:?usage: formats.sh CAMAUDIT_BINARY REPO_ROOT}
root=${2:?usage: formats.sh CAMAUDIT_BINARY REPO_ROOT}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
build=$(dirname "$bin")
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"  # $tmp, pass, fail, check

have() { command -v "$1" >/dev/null 2>&1; }
no_file() { [ ! -e "$1" ]; }
empty() { [ ! -s "$1" ]; }

# Well-formed XML: xmllint where it is installed; else tags balance (attribute values never
# hold a raw '<' or '>') and every '&' starts an entity.
well_formed() {
    if have xmllint; then
        xmllint --noout "$1"
        return
    fi
    grep -qP '&(?!(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);)' "$1" && return 1
    awk 'BEGIN { RS = "<"; n = 0; bad = 0 }
        NR > 1 {
            tag = $0; sub(/>.*/, "", tag)
            if (tag ~ /^\?/ || tag ~ /\/$/) next
            name = tag; sub(/^\//, "", name); sub(/[ \t\n\/].*/, "", name)
            if (tag ~ /^\//) { if (n == 0 || stack[n] != name) { bad = 1; exit } n-- }
            else stack[++n] = name
        }
        END { exit (bad || n) ? 1 : 0 }' "$1"
}

# The validator: BUILD/npm/.../Sarif.Multitool, installed on first use. Prints its path;
# returns 1 when npm is missing (skip) and 2 when installing failed.
multitool() {
    local dir=$build/npm
    local exe=$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
    if [ ! -f "$exe" ]; then
        have npm || return 1
        echo "formats: installing @microsoft/sarif-multitool-linux into $dir (once)" >&2
        mkdir -p "$dir"
        if ! npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
            @microsoft/sarif-multitool-linux >"$tmp/npm.log" 2>&1 || [ ! -f "$exe" ]; then
            cat "$tmp/npm.log" >&2
            return 2
        fi
    fi
    # npm may have left out the package's postinstall (chmod u+x).
    [ -x "$exe" ] || chmod u+x "$exe"
    echo "$exe"
}

shopt -s nullglob
cd "$root" || exit 1
examples=(data/examples/*.yaml)
if [ ${#examples[@]} -eq 0 ]; then
    echo "formats: no example sites under $root/data/examples" >&2
    exit 1
fi
nsites=${#examples[@]}

# The findings, from the pinned JSON report, to compare the other formats with.
"$bin" check "${examples[@]}" --format json -o "$tmp/x.json" 2>"$tmp/stderr"
check "json: exit 1 (the examples have findings)" [ $? -eq 1 ]

# -o naming a pipe (or /dev/null, /dev/stdout) writes into it: a rename would replace the pipe
# with a regular file.
mkfifo "$tmp/pipe"
cat "$tmp/pipe" >"$tmp/from-pipe" &
reader=$!
"$bin" check "${examples[@]}" --format json -o "$tmp/pipe" 2>/dev/null
wait "$reader"
check "-o a pipe: still a pipe" test -p "$tmp/pipe"
check "-o a pipe: the report went through it" cmp -s "$tmp/x.json" "$tmp/from-pipe"

for format in sarif junit geojson; do
    out=$tmp/x.$format
    "$bin" check "${examples[@]}" --format "$format" -o "$out" >"$tmp/stdout" 2>"$tmp/stderr"
    status=$?
    check "$format: exit 1 (the examples have findings)" [ "$status" -eq 1 ]
    check "$format: -o writes the file" test -s "$out"
    check "$format: nothing on stdout with -o" empty "$tmp/stdout"
    check "$format: nothing on stderr" empty "$tmp/stderr"
    "$bin" check "${examples[@]}" --format "$format" -o "$tmp/again.$format" 2>/dev/null
    check "$format: deterministic" cmp -s "$out" "$tmp/again.$format"
    "$bin" check "${examples[@]}" --format "$format" >"$tmp/stdout.$format" 2>/dev/null
    check "$format: stdout is the same report" cmp -s "$out" "$tmp/stdout.$format"
    # An input error writes nothing.
    "$bin" check "$tmp/missing.yaml" --format "$format" -o "$tmp/missing.$format" \
        >"$tmp/stdout" 2>"$tmp/stderr"
    check "$format: missing site: exit 2" [ $? -eq 2 ]
    check "$format: missing site: no output file" no_file "$tmp/missing.$format"
    check "$format: missing site: nothing on stdout" empty "$tmp/stdout"
done

"$bin" check -h >"$tmp/help" 2>&1
for format in text json sarif junit geojson; do
    check "check -h lists $format" grep -qE "\-\-format.*[{,]$format[,}]" "$tmp/help"
done

# --- SARIF: the Multitool's validator, with its SARIF and GitHub (Gh) rules ----------------
exe=$(multitool)
case $? in
    1) echo "formats: SKIP the SARIF validation: npm is not installed" ;;
    2) fail "sarif: validator" "npm install @microsoft/sarif-multitool-linux failed" ;;
    *)
        DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$exe" validate "$tmp/x.sarif" \
            --rule-kind "Sarif;Gh" -o "$tmp/validation.sarif" --log ForceOverwrite \
            >"$tmp/validate.out" 2>&1
        status=$?
        check "sarif: validator ran (exit $status)" [ "$status" -eq 0 -a -s "$tmp/validation.sarif" ]
        # Errors are the result lines "FILE(LINE,COL): error CODE: ...".
        if grep -E ": error [A-Z]+[0-9]+" "$tmp/validate.out" >&2; then
            fail "sarif: validator" "errors above"
        else
            pass
        fi
        grep -E ": warning [A-Z]+[0-9]+" "$tmp/validate.out" | sed 's/^/formats: validator: /'
        if have node; then
            node -e '
                const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
                const run = log.runs[0];
                const errors = run.results.filter((r) => r.level === "error");
                const notes = (run.invocations[0].toolExecutionNotifications || [])
                    .filter((n) => n.level === "error");
                for (const e of errors.concat(notes)) console.error(e.ruleId || "", e.message.text || JSON.stringify(e.message));
                process.exit(errors.length + notes.length === 0 && run.invocations[0].executionSuccessful ? 0 : 1);
            ' "$tmp/validation.sarif"
            check "sarif: the validator's log has no error" [ $? -eq 0 ]
        fi
        ;;
esac

if ! have node; then
    echo "formats: SKIP the SARIF and GeoJSON structure checks: node is not installed"
else
    # What the validator does not check: levels, rule indexes, locations, fingerprints.
    node -e '
        const fs = require("fs");
        const log = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
        const report = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
        const problems = [];
        const want = (ok, what) => { if (!ok) problems.push(what); };
        want(log.version === "2.1.0" && log.runs.length === 1, "one 2.1.0 run");
        const run = log.runs[0];
        const rules = run.tool.driver.rules;
        want(run.columnKind === "utf16CodeUnits", "columnKind");
        want(run.invocations[0].executionSuccessful === true, "executionSuccessful");
        want(run.results.length === report.findings.length, "a result per finding");
        const levels = {error: "error", warning: "warning", info: "note"};
        run.results.forEach((r, i) => {
            const f = report.findings[i] || {};
            want(rules[r.ruleIndex] && rules[r.ruleIndex].id === r.ruleId, `result ${i}: ruleIndex`);
            want(r.ruleId === f.rule, `result ${i}: ruleId`);
            want(r.level === levels[f.severity], `result ${i}: level`);
            const loc = r.locations[0].physicalLocation;
            want(loc.artifactLocation.uriBaseId === "%SRCROOT%" &&
                 decodeURI(loc.artifactLocation.uri) === f.file, `result ${i}: uri`);
            want(loc.region.startLine === f.line, `result ${i}: line`);
            want(r.partialFingerprints["camauditFingerprint/v1"] === f.fingerprint, `result ${i}: fingerprint`);
        });
        for (const d of rules)
            want(d.shortDescription && d.fullDescription && d.help && d.help.markdown, `rule ${d.id}: texts`);
        for (const p of problems) console.error(p);
        process.exit(problems.length ? 1 : 0);
    ' "$tmp/x.sarif" "$tmp/x.json"
    check "sarif: results match the JSON report" [ $? -eq 0 ]

    node -e '
        const fs = require("fs");
        const g = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
        const report = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
        const problems = [];
        const want = (ok, what) => { if (!ok) problems.push(what); };
        want(g.type === "FeatureCollection", "a FeatureCollection");
        want(g.features.length === report.findings.length, "one feature per finding");
        g.features.forEach((f, i) => {
            const r = report.findings[i] || {};
            want(f.type === "Feature" && "geometry" in f, `feature ${i}: a Feature with geometry`);
            want(f.properties.fingerprint === r.fingerprint && f.properties.rule === r.rule,
                 `feature ${i}: properties`);
            const t = f.geometry && f.geometry.type;
            want(r.geometry ? t === r.geometry.type : (t === "Point" || f.geometry === null),
                 `feature ${i}: geometry`);
            want(f.geometry !== null || r.camera === null && r.zone === null,
                 `feature ${i}: a camera or zone finding has a point`);
        });
        for (const p of problems) console.error(p);
        process.exit(problems.length ? 1 : 0);
    ' "$tmp/x.geojson" "$tmp/x.json"
    check "geojson: parses, one feature per finding" [ $? -eq 0 ]
fi

# --- JUnit --------------------------------------------------------------------------------
check "junit: well-formed" well_formed "$tmp/x.junit"
check "junit: one <testsuite> per site" [ "$(grep -c '<testsuite ' "$tmp/x.junit")" -eq "$nsites" ]
nfindings=$(grep -c '"fingerprint":' "$tmp/x.json")
nfailures=$(grep -cE '"severity": "(error|warning)"' "$tmp/x.json")
check "junit: a <failure> per error and warning" \
    [ "$(grep -c '<failure ' "$tmp/x.junit")" -eq "$nfailures" ]
check "junit: a testcase per finding (at least one per site)" \
    [ "$(grep -c '<testcase ' "$tmp/x.junit")" -ge "$nfindings" ]
check "junit: failures counted" grep -q "<testsuites name=\"camaudit\" tests=\"[0-9]*\" failures=\"$nfailures\"" "$tmp/x.junit"

echo "formats: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
