#!/usr/bin/env bash
# IFC import from the command line, through site files (the reader itself is tested by
# tests/unit/test_ifc_*.cpp): the hand-written corridor.ifc with doors closed and open gives
# the fixtures' findings; text and SARIF reports name the model's entity; `camaudit import`
# writes a site file that validates and checks to the same findings; every malformed model of
# tests/ifc/malformed/ (and a file over the size limit, a crs the model cannot be placed in, a
# storey mapping with a typo) gives `model.ifc:LINE:1: #ID CLASS ...` with status 2, in English
# and in Chinese, or a warning where the model is usable; nothing is written on an error.
#
# Usage: ifc.sh CAMAUDIT_BINARY REPO_ROOT
set -u

bin=${1:?usage: ifc.sh CAMAUDIT_BINARY REPO_ROOT}
root=${2:?usage: ifc.sh CAMAUDIT_BINARY REPO_ROOT}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac  # the tests run in a scratch folder
case $root in /*) ;; *) root=$PWD/$root ;; esac
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"  # $tmp, pass, fail, check
empty() { [ ! -s "$1" ]; }
no_file() { [ ! -e "$1" ]; }
has() { grep -qF -- "$2" "$1"; }

# A site file importing MODEL with the extra keys of the import item given as lines.
site() {
    local name=$1 model=$2
    shift 2
    {
        echo "camaudit: 1"
        echo "operator: {id: op, name: 测试单位, type: enterprise, credit_code: 91310110666007217T, responsible: true}"
        echo "system: {retention_days: 30, delivered: 2025-06-01, filing: {filed: true, date: 2025-06-20, record_no: \"fx-1\"}}"
        echo "site: {id: $name, region: CN}"
        echo "import:"
        echo "  - ifc: $model"
        for line in "$@"; do echo "    $line"; done
    } >"$name.yaml"
}

# The findings of a JSON report without where they are (file, line, column).
findings_of() { grep -vE '"(file|line|column)":' "$1"; }

cd "$tmp" || exit 1
cp "$root/tests/ifc/corridor.ifc" .
kinds='kinds: {Corridor: generic.room, Bathroom: public.toilet}'
site closed corridor.ifc "$kinds"
site open corridor.ifc "$kinds" "doors: open"

# 1. Doors closed: nothing seen; open: the bathroom through the doorway (9.8 m², derived in
#    tests/fixtures/ifc-import/doors-open.yaml).
"$bin" check closed.yaml >closed.out 2>closed.err
check "doors closed: exit 0" [ $? -eq 0 ]
check "doors closed: stderr empty" empty closed.err
"$bin" check open.yaml --lang en >open.out 2>open.err
check "doors open: exit 1" [ $? -eq 1 ]
check "doors open: stderr empty" empty open.err
check "doors open: the bathroom seen" has open.out "camera “CAM-1” sees 9.8 m² (64%) of the public toilet “B01”"

# 2. Reports name the model's entity.
check "text: modelled at the STEP line" has open.out \
    "    modelled at: corridor.ifc:107: #300 IFCAUDIOVISUALAPPLIANCE 'Corridor camera'"
"$bin" check open.yaml --lang zh >open-zh.out 2>/dev/null
check "text zh: 模型位置" has open-zh.out \
    "    模型位置: corridor.ifc:107: #300 IFCAUDIOVISUALAPPLIANCE 'Corridor camera'"
"$bin" check open.yaml --format sarif -o open.sarif 2>/dev/null
check "sarif: logical location" grep -qE '"fullyQualifiedName": *"corridor\.ifc#300"' open.sarif
check "sarif: related location in the model" grep -qE '"uri": *"corridor\.ifc"' open.sarif
check "sarif: at the STEP line" grep -qE '"startLine": *107' open.sarif

# 3. camaudit import: a plain site file that validates and checks to the same findings.
"$bin" import open.yaml -o full.yaml >import.out 2>import.err
check "import: exit 0" [ $? -eq 0 ]
check "import: stderr empty" empty import.err
check "import: no import section" bash -c '! grep -q "^import:" full.yaml'
check "import: the storey as a floor" has full.yaml '  - {id: "Level 1", elevation: 0}'
check "import: origin comments" has full.yaml "  # corridor.ifc#120: IFCSPACE 'B01', line 45"
check "import: the space's id and name" has full.yaml '  - id: "B01"'
check "import: the door left out" bash -c '! grep -q "IFCDOOR" full.yaml'
check "import: the camera" has full.yaml '  - id: "CAM-1"'
"$bin" import closed.yaml -o full-closed.yaml 2>/dev/null
check "import closed: the door as a wall" has full-closed.yaml "  # corridor.ifc#250: IFCDOOR 'Bathroom door', line 99"
"$bin" validate full.yaml >/dev/null 2>&1
check "import output validates" [ $? -eq 0 ]
"$bin" check open.yaml --format json -o open.json 2>/dev/null
"$bin" check full.yaml --format json -o full.json 2>/dev/null
check "import output: the same findings" cmp -s <(findings_of open.json) <(findings_of full.json)

# 4. Malformed models through a site file: status, position and entity, in both languages.
#    NAME STATUS "LINE:1: what the message starts with"
while read -r name status want; do
    [ -n "$name" ] || continue
    cp "$root/tests/ifc/malformed/$name.ifc" .
    site "m-$name" "$name.ifc"
    "$bin" validate --lang en "m-$name.yaml" >out 2>err
    got=$?
    check "$name: exit $status" [ "$got" -eq "$status" ]
    check "$name: never a crash" [ "$got" -lt 128 ]
    check "$name: $want" has err "$name.ifc:$want"
    "$bin" validate --lang zh "m-$name.yaml" >/dev/null 2>err-zh
    check "$name zh: exit $status" [ $? -eq "$status" ]
    check "$name zh: the same position" has err-zh "$name.ifc:${want%%: *}"
    check "$name zh: in Chinese" grep -qP '[\x{4e00}-\x{9fff}]' err-zh
done <<'EOF'
truncated 2 25:1: #104 IFCEXTRUDEDAREASOLID: the model is cut short
dangling 2 22:1: #100 IFCSPACE '1': a reference to an instance the file does not define
space-without-geometry 2 22:1: #100 IFCSPACE '1': a space without geometry
no-spaces 0 8:1: warning: #1 IFCPROJECT: the model has no IfcSpace
schema-ifc4x3 2 5:1: a schema camaudit does not read
wrong-class 2 29:1: #106 IFCPOLYLINE: an unusable value
endless-arc 2 32:1: #108 IFCTRIMMEDCURVE: an unusable value
endless-arc-wrapped 2 33:1: #108 IFCTRIMMEDCURVE: an unusable value
EOF

# A fuzzed model (fuzz_ifc) on which IFC++ dereferences a null representation while building
# the wall #200: the reader's child crashes, camaudit names the product it was building.
cp "$root/tests/ifc/malformed/fuzz-null-representation.ifc" .
site fuzz fuzz-null-representation.ifc
"$bin" validate --lang en fuzz.yaml >/dev/null 2>err
got=$?
check "IFC++ crash: exit 2" [ "$got" -eq 2 ]
check "IFC++ crash: the product" has err "fuzz-null-representation.ifc: #200: IFC++ could not read the model"

# 5. A model over the size limit (a sparse file: never read), refused before reading.
truncate -s 300M big.ifc
site big big.ifc
"$bin" validate --lang en big.yaml >/dev/null 2>err
check "too large: exit 2" [ $? -eq 2 ]
check "too large: said" has err "big.ifc: the model is too large to read"

# 6. A projected crs without an IfcMapConversion; a storey mapping with a typo; a wrong doors.
site crs corridor.ifc "$kinds"
sed -i 's/site: {id: crs, region: CN}/site: {id: crs, region: CN, crs: "EPSG:4547"}/' crs.yaml
"$bin" validate --lang en crs.yaml >/dev/null 2>err
check "crs without IfcMapConversion: exit 2" [ $? -eq 2 ]
check "crs without IfcMapConversion: said" has err "the model has no IfcMapConversion"
site storeys corridor.ifc "$kinds" 'storeys: {"Level 2": F2}'
"$bin" validate --lang en storeys.yaml >/dev/null 2>err
check "storeys typo: exit 2" [ $? -eq 2 ]
check "storeys typo: a suggestion" has err "storeys: the model has no storey 'Level 2'; did you mean 'Level 1'?"
check "storeys typo: the unmapped storey" has err "#44 IFCBUILDINGSTOREY 'Level 1' is mapped to no floor"
site doors corridor.ifc "$kinds" "doors: ajar"
"$bin" validate --lang en doors.yaml >/dev/null 2>err
check "doors ajar: exit 2" [ $? -eq 2 ]
"$bin" import storeys.yaml -o none.yaml >/dev/null 2>&1
check "import with errors: exit 2" [ $? -eq 2 ]
check "import with errors: nothing written" no_file none.yaml

echo "ifc: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
