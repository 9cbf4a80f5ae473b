#!/usr/bin/env bash
# `camaudit filing` and `camaudit inspect`: the JSON of every fixture under
# tests/fixtures-inspect/ equals its NAME.inspect.json and NAME.filing.json (run from that
# folder, as of CAMAUDIT_TODAY=2025-11-01); exit statuses 0, 1 and 2; the scopes; the
# formats (text in both languages quotes the items verbatim, Markdown, CSV); and no report at
# all on an input error. CAMAUDIT_UPDATE_FIXTURES=1 rewrites the expected files (review them).
#
# Usage: inspect.sh CAMAUDIT_BINARY REPO_ROOT
set -u

bin=${1:?usage: inspect.sh CAMAUDIT_BINARY REPO_ROOT}
root=${2:?usage: inspect.sh CAMAUDIT_BINARY REPO_ROOT}
case $bin in /*) ;; *) bin="$PWD/$bin" ;; esac
fixtures="$root/tests/fixtures-inspect"
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"  # $tmp, pass, fail, check
export CAMAUDIT_TODAY=2025-11-01

# run ARGS...: camaudit in the fixtures folder; stdout, stderr and status in $tmp.
run() {
    (cd "$fixtures" && "$bin" "$@") >"$tmp/out" 2>"$tmp/err"
    status=$?
}
status_is() { [ "$status" -eq "$1" ]; }
out_has() { grep -qF -- "$1" "$tmp/out"; }
out_lacks() { ! grep -qF -- "$1" "$tmp/out"; }
err_has() { grep -qF -- "$1" "$tmp/err"; }
out_empty() { [ ! -s "$tmp/out" ]; }
err_empty() { [ ! -s "$tmp/err" ]; }
# item_numbers: the "number" members of a JSON checklist on stdout, joined by spaces.
item_numbers() { grep -oE '^      "number": [0-9]+' "$tmp/out" | grep -oE '[0-9]+$' | tr '\n' ' '; }

# --- 1. the fixtures' JSON, and their exit statuses -----------------------------------------
declare -A want_inspect=([good]=0 [failing]=1 [unbuilt]=1 [shop-article9]=0)
declare -A want_filing=([good]=0 [failing]=1 [unbuilt]=1 [shop-article9]=0)
for name in "${!want_inspect[@]}"; do
    for cmd in inspect filing; do
        run "$cmd" --format json "$name.yaml"
        if [ "$cmd" = inspect ]; then want=${want_inspect[$name]}; else want=${want_filing[$name]}; fi
        check "$name $cmd: exit $want" status_is "$want"
        check "$name $cmd: nothing on stderr" err_empty
        expected="$fixtures/$name.$cmd.json"
        if [ -n "${CAMAUDIT_UPDATE_FIXTURES:-}" ]; then cp "$tmp/out" "$expected"; fi
        if cmp -s "$tmp/out" "$expected"; then
            pass
        else
            fail "$name $cmd" "JSON differs from $name.$cmd.json:"
            diff "$expected" "$tmp/out" | head -n 20 >&2
        fi
    done
done

# --- 2. scopes --------------------------------------------------------------------------------
run inspect --format json good.yaml
check "scope all: items 1-13" [ "$(item_numbers)" = "1 2 3 4 5 6 7 8 9 10 11 12 13 " ]
run inspect --format json --scope general good.yaml
check "scope general: exit 0" status_is 0
check "scope general: items 1-7" [ "$(item_numbers)" = "1 2 3 4 5 6 7 " ]
run inspect --format json --scope professional good.yaml
check "scope professional: items 8-13" [ "$(item_numbers)" = "8 9 10 11 12 13 " ]
run inspect --scope professional unbuilt.yaml
check "scope professional, not built: exit 1" status_is 1
run inspect --scope general failing.yaml --lang en
check "scope general: (九) left out" out_lacks "(九)"
check "scope general: (七) in" out_has "(七)视频图像信息的保存期限是否符合《条例》规定;"
run inspect --scope everything good.yaml
check "bad scope: exit 2" status_is 2
check "bad scope: nothing on stdout" out_empty

# --- 3. formats and languages -----------------------------------------------------------------
run inspect good.yaml
check "text: Chinese by default for CN in a C locale" out_has "监督检查表"
check "text zh: the item verbatim" out_has "【通过】(一)建设安装主体是否符合《条例》规定;"
check "text zh: item (十三) verbatim" \
    out_has "(十三)是否采取规范内部人员查阅处理视频图像信息的授权管理、访问控制等技术措施。"
check "text zh: summary" out_has "结论：各项均通过或已确认"
run inspect --lang en failing.yaml
check "text en: the item in Chinese, verbatim" out_has "(四)是否备案以及备案信息是否真实;"
check "text en: its English rendering" out_has "Whether the system has been filed"
check "text en: a failing finding as evidence" out_has "failing.yaml:48:5: error [cn-installer-authority]"
check "text en: a stale measure" out_has "518 days before today 2025-11-01"
check "text en: summary" out_has "Not every item passes or is attested."
run inspect --lang en shop-article9.yaml
check "article9: the focus (第十二条)" out_has "a focus (Provisions art. 12)"
check "article9: exempt items" out_has "exempt by law"
run inspect --format markdown --lang en failing.yaml
check "markdown: exit 1" status_is 1
check "markdown: table" out_has "| item | status | what is inspected |"
check "markdown: a section per item" out_has "## (九)图像采集设备的安装位置"
run inspect --format csv good.yaml
check "inspect --format csv: exit 2" status_is 2
check "inspect --format csv: nothing on stdout" out_empty

run filing good.yaml
check "filing text: exit 0" status_is 0
check "filing text: 第六条 items" out_has "统一社会信用代码"
check "filing text: the unit type's Chinese name" out_has "机关"
check "filing text: complete" out_has "结论：备案信息齐全"
run filing --lang en failing.yaml
check "filing text en: invalid code" out_has "[invalid: 91310110666007217X is not a valid"
check "filing text en: where" out_has "failing.yaml:16:7: Location of the system: missing"
run filing --format markdown unbuilt.yaml
check "filing markdown: exit 1" status_is 1
check "filing markdown: 7 decimals for longitude" out_has "| 117.2805000 | 31.8609500 |"
run filing --format csv --lang en good.yaml
check "csv: exit 0" status_is 0
check "csv: header" out_has "unit_name,unit_type,credit_code,address,retention_days,camera,floor"
check "csv: one row per camera" [ "$(wc -l <"$tmp/out")" -eq 4 ]
check "csv: CRLF" grep -q $'\r$' "$tmp/out"
check "csv: the free-text purpose" out_has ",C3,,广场监控,广场监控,panoramic,panoramic,10.00,30.00,local"
run filing --format csv failing.yaml
check "csv incomplete: exit 1" status_is 1
check "csv incomplete: the problems on stderr" err_has "failing.yaml:21:16: 统一社会信用代码"
run filing --format csv --lang zh shop-article9.yaml
check "csv zh: header" out_has "单位名称,单位类型,统一社会信用代码"
check "csv zh: an individual" out_has "张三,个人,,"

# -o: written whole; never over the input.
run filing --format json -o "$tmp/sheet.json" good.yaml
check "-o: exit 0" status_is 0
check "-o: nothing on stdout" out_empty
check "-o: the file" grep -qF '"complete": true' "$tmp/sheet.json"
run inspect -o "$tmp/checklist.md" --format markdown --lang en failing.yaml
check "-o inspect: exit 1" status_is 1
check "-o inspect: the file" grep -qF "| item | status |" "$tmp/checklist.md"
cp "$fixtures/good.yaml" "$tmp/input.yaml"
run inspect "$tmp/input.yaml" -o "$tmp/input.yaml"
check "-o onto the input: exit 2" status_is 2
check "-o onto the input: unchanged" cmp -s "$fixtures/good.yaml" "$tmp/input.yaml"

# --- 4. input errors: status 2, file:line:column, no report --------------------------------
for cmd in inspect filing; do
    run "$cmd" errors/measures.yaml --lang en -o "$tmp/never.txt"
    check "$cmd measures errors: exit 2" status_is 2
    check "$cmd measures errors: nothing on stdout" out_empty
    check "$cmd measures errors: no file" [ ! -e "$tmp/never.txt" ]
    check "$cmd measures errors: did you mean" \
        err_has "errors/measures.yaml:8:5: unknown key 'maintainance' in measures; did you mean 'maintenance'?"
    check "$cmd measures errors: every error" \
        err_has "errors/measures.yaml:9:27: measures.operation.attested: expected true or false"
    # The same errors in Chinese: a CN-* site with no locale said (LC_ALL=C.UTF-8 here).
    run "$cmd" errors/measures.yaml -o "$tmp/never.txt"
    check "$cmd measures errors in Chinese: exit 2" status_is 2
    check "$cmd measures errors in Chinese: did you mean" \
        err_has "errors/measures.yaml:8:5: measures（管理措施）中有未知的键 'maintainance'；是否应为 'maintenance'？"
    run "$cmd" missing.yaml
    check "$cmd missing file: exit 2" status_is 2
    check "$cmd missing file: nothing on stdout" out_empty
    run "$cmd"
    check "$cmd without a site: exit 2" status_is 2
    run "$cmd" good.yaml --lang fr
    check "$cmd bad --lang: exit 2" status_is 2
done
CAMAUDIT_TODAY=2025-02-30 run inspect good.yaml
check "bad CAMAUDIT_TODAY: exit 2" status_is 2
check "bad CAMAUDIT_TODAY: the reason" err_has "CAMAUDIT_TODAY"
check "bad CAMAUDIT_TODAY: nothing on stdout" out_empty
CAMAUDIT_TODAY=2026-12-01 run inspect --format json good.yaml
check "a year later: maintenance is stale, exit 1" status_is 1
check "a year later: not attested" out_has '"status": "not attested"'

echo "inspect: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
