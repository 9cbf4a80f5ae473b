#!/usr/bin/env bash
# DXF import from the command line: the example hotel drawn in CAD (data/examples/hotel-dxf/)
# checks to the findings of its hand-written twin; `camaudit import` writes a site file that
# validates and checks to the same findings; text and SARIF reports name the drawing's entity;
# render draws the imported cameras; errors in a drawing are `file:line:1: entity H (TYPE on
# LAYER): ...` with status 2 and nothing written.
#
# Usage: dxf.sh CAMAUDIT_BINARY REPO_ROOT
set -u

bin=${1:?usage: dxf.sh CAMAUDIT_BINARY REPO_ROOT}
root=${2:?usage: dxf.sh CAMAUDIT_BINARY REPO_ROOT}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac  # the tests run in a scratch folder
case $root in /*) ;; *) root=$PWD/$root ;; esac
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"  # $tmp, pass, fail, check
empty() { [ ! -s "$1" ]; }
no_file() { [ ! -e "$1" ]; }
has() { grep -qF -- "$2" "$1"; }

# The findings of a JSON report, one per line, without where they are (file, line, column)
# and sorted: what two sites that are the same design must share.
findings_of() {
    awk '
        /^  "findings": \[/ { on = 1; next }
        on && /^  \]/ { on = 0 }
        on && /^    \{/ { item = ""; next }
        on && /^    \}/ { print item; next }
        on && !/"(file|line|column)":/ { sub(/^ +/, ""); item = item $0 }
    ' "$1" | sort
}

hotel=$root/data/examples/hotel-dxf
cd "$tmp" || exit 1
cp "$hotel"/hotel-dxf.yaml "$hotel"/hotel-f1.dxf "$hotel"/hotel-dxf-twin.yaml .

# 1. The drawing and its twin: the same findings, status 1 (errors found) for both.
"$bin" check hotel-dxf.yaml --format json -o drawn.json 2>drawn.err
status=$?
check "check drawing: exit 1" [ "$status" -eq 1 ]
check "check drawing: stderr empty" empty drawn.err
"$bin" check hotel-dxf-twin.yaml --format json -o twin.json 2>/dev/null
findings_of drawn.json >drawn.findings
findings_of twin.json >twin.findings
check "drawing has findings" test -s drawn.findings
check "drawing and twin: the same findings" cmp -s drawn.findings twin.findings
check "forbidden view into room 103" grep -q '"camera": *"C03".*"zone": *"103客房"' drawn.findings
check "forbidden view into the toilet" grep -q '"camera": *"C04".*"zone": *"公共卫生间"' drawn.findings

# 2. camaudit import: a plain site file that validates and checks to the same findings.
"$bin" import hotel-dxf.yaml -o full.yaml >import.out 2>import.err
check "import: exit 0" [ $? -eq 0 ]
check "import: nothing on stdout" empty import.out
check "import: stderr empty" empty import.err
check "import: no import section" bash -c '! grep -q "^import:" full.yaml'
check "import: origin comments" has full.yaml "# hotel-f1.dxf#"
check "import: Chinese ids as written" has full.yaml '- id: "101客房"'
check "import: the second corridor" has full.yaml '- id: "走廊#2"'
"$bin" validate full.yaml >/dev/null 2>validate.err
check "import output validates" [ $? -eq 0 ]
"$bin" check full.yaml --format json -o full.json 2>/dev/null
findings_of full.json >full.findings
check "import output: the same findings" cmp -s drawn.findings full.findings
"$bin" import hotel-dxf.yaml >stdout.yaml 2>/dev/null
check "import to stdout: the same text" cmp -s full.yaml stdout.yaml
"$bin" import full.yaml -o again.yaml 2>/dev/null
check "import of a plain site: exit 0" [ $? -eq 0 ]

# 3. Reports name the drawing's entity.
"$bin" check hotel-dxf.yaml --lang en >text.out 2>/dev/null
check "text: drawn at the DXF line" grep -qE '^    drawn at: hotel-f1\.dxf:[0-9]+: entity [0-9A-F]+ \(INSERT on A-CCTV\)$' text.out
"$bin" check hotel-dxf.yaml --lang zh >text-zh.out 2>/dev/null
check "text zh: 图纸位置" grep -qE '^    图纸位置: hotel-f1\.dxf:[0-9]+: 图元 [0-9A-F]+（INSERT，图层 A-CCTV）$' text-zh.out
"$bin" check hotel-dxf.yaml --format sarif -o report.sarif 2>/dev/null
check "sarif: logical location" grep -qE '"fullyQualifiedName": *"hotel-f1\.dxf#[0-9A-F]+"' report.sarif
check "sarif: related location in the drawing" grep -qE '"uri": *"hotel-f1\.dxf"' report.sarif

# 4. render draws the imported cameras, C05 from the nested block too.
"$bin" render hotel-dxf.yaml -o plan.svg 2>render.err
check "render: exit 0" [ $? -eq 0 ]
for id in C01 C02 C03 C04 C05 C06; do check "render: camera $id" has plan.svg ">$id</text>"; done

# 5. Errors in a drawing: each at the entity's line, status 2, nothing written.
cp "$root"/tests/dxf/errors-r2010.dxf .
cat >bad.yaml <<'YAML'
camaudit: 1
site: {id: bad}
operator: {id: op, type: individual}
import:
  - dxf: errors-r2010.dxf
    zones: [ZONE, "NONE-*"]
    kinds: {Office: office.room}
    cameras: {blocks: [CAM]}
YAML
"$bin" import bad.yaml -o bad-full.yaml >bad.out 2>bad.err
check "drawing errors: exit 2" [ $? -eq 2 ]
check "drawing errors: nothing on stdout" empty bad.out
check "drawing errors: no output file" no_file bad-full.yaml
check "drawing errors: 7 errors" [ "$(grep -cE '^errors-r2010\.dxf:[0-9]+:1: entity [0-9A-F]+ \((LWPOLYLINE|INSERT) on (ZONE|CCTV)\): ' bad.err)" -eq 7 ]
check "drawing errors: the wildcard warning" grep -qE "^bad\.yaml:6:19: warning: import 'errors-r2010\.dxf': no layer matches 'NONE-\*'" bad.err
# The line named is the entity's own: its type name in the DXF text.
while IFS=: read -r file line _; do
    [ "$(sed -n "${line}p" "$file" | tr -d '\r')" = LWPOLYLINE ] || [ "$(sed -n "${line}p" "$file" | tr -d '\r')" = INSERT ] ||
        fail "error line" "$file:$line is not an entity"
done < <(grep -E '^errors-r2010\.dxf:[0-9]+:' bad.err)
"$bin" check bad.yaml --format json -o bad.json >/dev/null 2>&1
check "check with drawing errors: exit 2" [ $? -eq 2 ]
check "check with drawing errors: no report" no_file bad.json

# 6. -o never over the site file or its drawing.
cp hotel-f1.dxf keep.dxf
"$bin" import hotel-dxf.yaml -o hotel-f1.dxf >/dev/null 2>over.err
check "-o onto the drawing: exit 2" [ $? -eq 2 ]
check "-o onto the drawing: drawing unchanged" cmp -s hotel-f1.dxf keep.dxf
"$bin" import hotel-dxf.yaml -o hotel-dxf.yaml >/dev/null 2>&1
check "-o onto the site: exit 2" [ $? -eq 2 ]
check "-o onto the site: site unchanged" cmp -s hotel-dxf.yaml "$hotel"/hotel-dxf.yaml
"$bin" import -h >help.out 2>&1
check "import -h: exit 0" [ $? -eq 0 ]
check "import -h: --output" has help.out "--output"

# 7. GDAL is loaded for a drawing only (src/io/gdal_api.hpp): its 117 libraries would cost
# every other run about 35 ms of start-up. The dynamic loader's trace names what it opens.
LD_DEBUG=files "$bin" check "$root"/data/examples/hotel-anhui.yaml -o plain.json 2>plain.trace
check "site without a drawing: GDAL not loaded" sh -c '! grep -q "file=libgdal" plain.trace'
LD_DEBUG=files "$bin" check hotel-dxf.yaml --format json -o drawn2.json 2>drawn.trace
check "site with a drawing: GDAL loaded" grep -q "file=libgdal" drawn.trace
check "site with a drawing: the same report" cmp -s drawn.json drawn2.json

echo "dxf: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
