#!/usr/bin/env bash
# `--format html` in a real browser: the page of `check` (and of `coverage`) is loaded by headless
# Chromium, and the DOM it built is checked, not only the text written: as many finding rows as
# the JSON report has findings, the plan's SVG with every camera id, the section headings in
# both languages, unique ids, nothing fetched from the network; printed to PDF on A4 pages; a
# screenshot is taken. Also: deterministic output, and no file on an input error.
#
# Usage: html.sh CAMAUDIT_BINARY REPO_ROOT
# Needs Chromium (Debian package `chromium`; $CHROMIUM names another binary); pdfinfo
# (poppler-utils) is used where installed. CAMAUDIT_HTML_KEEP=DIR keeps the pages, PDFs and
# screenshots in DIR for a person to look at.
set -u

bin=${1:?usage: html.sh CAMAUDIT_BINARY REPO_ROOT}
root=${2:?usage: html.sh CAMAUDIT_BINARY REPO_ROOT}
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"  # $tmp, pass, fail, check
finish() {
    echo "html: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit
}

chromium=${CHROMIUM:-}
if [ -z "$chromium" ]; then
    for c in chromium chromium-browser; do
        if command -v "$c" >/dev/null 2>&1; then chromium=$c; break; fi
    done
fi
if [ -z "$chromium" ]; then
    fail "chromium" "not installed (Debian package chromium; scripts/setup installs it)"
    finish
fi

# One headless Chromium run, offline, with a fresh profile: browser ARGS... URL.
browser() {
    local profile
    profile=$(mktemp -d "$tmp/profile.XXXXXX")
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-extensions --user-data-dir="$profile" "$@" 2>>"$tmp/chromium.log"
}

# The camera ids of a site file (as in render.sh).
camera_ids() {
    awk '
        /^[A-Za-z_][A-Za-z0-9_-]*:/ { section = $1; next }
        section == "cameras:" && match($0, /^[ ]*-[ ]*\{?[ ]*id:[ ]*"?[^",} ]+/) {
            s = substr($0, RSTART, RLENGTH); sub(/.*id:[ ]*"?/, "", s); print s
        }' "$1"
}

count() { grep -o -- "$2" "$1" | wc -l; }
same() { [ "$1" -eq "$2" ] || { echo "  $1 != $2" >&2; false; }; }
has() { grep -qF -- "$2" "$1"; }
hasnt() { ! grep -qF -- "$2" "$1"; }
# Nothing the page could fetch: the only URL is the SVG namespace.
offline() {
    ! grep -oE '(https?|ftp)://[^"'"'"' )<>]*' "$1" | grep -vqx 'http://www.w3.org/2000/svg' &&
        ! grep -qiE '<script|<link|<iframe|<img|<object|<embed|@import|src=' "$1"
}
unique_ids() { [ -z "$(grep -oE ' id="[^"]*"' "$1" | sort | uniq -d)" ]; }
# pdfinfo: at least one page, every page A4 (595 x 842 pt, either way round), the first upright.
a4_pdf() {
    local pdf=$1 info
    info=$(pdfinfo -f 1 -l 1000 "$pdf" 2>/dev/null) || return 1
    echo "$info" | awk '
        /^Pages:/ { pages = $2 }
        /^Page +[0-9]+ size:/ {
            w = $4 + 0; h = $6 + 0; n++
            up = (w > 594 && w < 596 && h > 841 && h < 843)
            side = (h > 594 && h < 596 && w > 841 && w < 843)
            if (!up && !side) bad++
            if (n == 1 && !up) bad++
        }
        END { exit !(pages >= 1 && n == pages && bad == 0) }'
}
png() { [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; }

site=$root/data/examples/hotel-anhui.yaml
[ -f "$site" ] || { fail "example" "$site missing"; finish; }
keep=${CAMAUDIT_HTML_KEEP:-}
[ -n "$keep" ] && mkdir -p "$keep"

for lang in zh en; do
    page=$tmp/check-$lang.html
    "$bin" check "$site" --format html --lang "$lang" -o "$page" 2>"$tmp/stderr"
    status=$?
    check "check $lang: exit 0 or 1" [ "$status" -le 1 ]
    check "check $lang: page written" test -s "$page"
    "$bin" check "$site" --format json --lang "$lang" -o "$tmp/check-$lang.json" 2>/dev/null
    findings=$(count "$tmp/check-$lang.json" '"fingerprint":')
    check "check $lang: the example has findings" [ "$findings" -gt 0 ]

    # The text written.
    check "check $lang: doctype" has "$page" "<!DOCTYPE html>"
    check "check $lang: charset" has "$page" '<meta charset="utf-8">'
    check "check $lang: version" has "$page" "camaudit "
    check "check $lang: A4 print stylesheet" grep -q '@page { size: A4' "$page"
    check "check $lang: offline" offline "$page"
    check "check $lang: no XML prolog inside" hasnt "$page" "<?xml"
    check "check $lang: unique ids" unique_ids "$page"
    "$bin" check "$site" --format html --lang "$lang" -o "$tmp/again.html" 2>/dev/null
    check "check $lang: deterministic" cmp -s "$page" "$tmp/again.html"

    # The DOM that Chromium built.
    dom=$tmp/check-$lang.dom
    browser --dump-dom "file://$page" >"$dom"
    check "check $lang: chromium loaded the page" test -s "$dom"
    if [ "$lang" = zh ]; then
        check "check $lang: lang attribute" has "$dom" '<html lang="zh-CN">'
        headings=("站点概况" "平面图" "问题清单（$findings 项）" "应安装区域的覆盖情况")
    else
        check "check $lang: lang attribute" has "$dom" '<html lang="en">'
        headings=("Site summary" "Plan" "Findings ($findings)" "Coverage of the zones that must be watched")
    fi
    for h in "${headings[@]}"; do check "check $lang: heading $h" has "$dom" "<h3>$h</h3>"; done
    check "check $lang: one row per finding" same "$(count "$dom" '<tr class="finding ')" "$findings"
    check "check $lang: rows as written" same "$(count "$dom" '<tr class="finding ')" \
        "$(count "$page" '<tr class="finding ')"
    check "check $lang: the quoted articles" same "$(count "$dom" '<blockquote class="article"')" \
        "$(count "$tmp/check-$lang.json" '"text_zh":')"
    check "check $lang: one plan" same "$(count "$dom" '<svg ')" 1
    check "check $lang: the plan is SVG" has "$dom" 'xmlns="http://www.w3.org/2000/svg"'
    # The plan's part of the DOM: every camera's id is drawn in it.
    sed -n '/<svg /,/<\/svg>/p' "$dom" >"$tmp/svg-$lang.dom"
    ids=$(camera_ids "$site")
    [ -n "$ids" ] || fail "check $lang" "no camera ids in $site"
    for id in $ids; do check "check $lang: camera $id on the plan" has "$tmp/svg-$lang.dom" ">$id</text>"; done
    # The plan numbers the errors and warnings 1..N (info findings are not drawn).
    drawn=$(grep -cE '"severity": "(error|warning)"' "$tmp/check-$lang.json")
    [ "$drawn" -eq 0 ] || check "check $lang: finding $drawn on the plan" has "$tmp/svg-$lang.dom" ">$drawn</text>"

    pdf=$tmp/check-$lang.pdf
    browser --no-pdf-header-footer --print-to-pdf="$pdf" "file://$page" >/dev/null
    check "check $lang: printed to PDF" test -s "$pdf"
    if command -v pdfinfo >/dev/null 2>&1; then
        check "check $lang: A4 pages" a4_pdf "$pdf"
    fi
    shot=$tmp/check-$lang.png
    browser --hide-scrollbars --window-size=1240,1754 --screenshot="$shot" "file://$page" >/dev/null
    check "check $lang: screenshot" png "$shot"
    [ -n "$keep" ] && cp "$page" "$pdf" "$shot" "$keep"/
done

# Several sites: a plan each, still unique ids.
"$bin" check "$root"/data/examples/*.yaml --format html --lang en -o "$tmp/all.html" 2>/dev/null
check "all examples: page written" test -s "$tmp/all.html"
check "all examples: unique ids" unique_ids "$tmp/all.html"
browser --dump-dom "file://$tmp/all.html" >"$tmp/all.dom"
n=$(ls "$root"/data/examples/*.yaml | wc -l)
check "all examples: a plan each" same "$(count "$tmp/all.dom" '<svg ')" "$n"
"$bin" check "$root"/data/examples/*.yaml --format json -o "$tmp/all.json" 2>/dev/null
check "all examples: one row per finding" same "$(count "$tmp/all.dom" '<tr class="finding ')" \
    "$(count "$tmp/all.json" '"fingerprint":')"

# coverage --format html: every camera and zone of the JSON report.
for s in "$root"/data/examples/*.yaml; do
    name=$(basename "$s" .yaml)
    "$bin" coverage "$s" --format html -o "$tmp/cov.html" 2>"$tmp/stderr"
    check "coverage $name: exit 0" [ $? -eq 0 ]
    check "coverage $name: offline" offline "$tmp/cov.html"
    "$bin" coverage "$s" --format json -o "$tmp/cov.json" 2>/dev/null
    browser --dump-dom "file://$tmp/cov.html" >"$tmp/cov.dom"
    check "coverage $name: zones" same "$(count "$tmp/cov.dom" '<tr class="zone')" \
        "$(count "$tmp/cov.json" '"kind":')"
    check "coverage $name: cameras" same "$(count "$tmp/cov.dom" '<tr class="camera"')" \
        "$(count "$tmp/cov.json" '"viewshed_m2":')"
    check "coverage $name: the plan" same "$(count "$tmp/cov.dom" '<svg ')" 1
    [ -n "$keep" ] && cp "$tmp/cov.html" "$keep/coverage-$name.html"
done

# inspect --format html: the record an inspector prints and hands over. Every item of the
# checklist quotes the law, the filing sheet and the audit's plan and findings are in it.
"$bin" check "$site" --format json -o "$tmp/check.json" 2>/dev/null
for lang in zh en; do
    page=$tmp/inspect-$lang.html
    CAMAUDIT_TODAY=2026-11-26 "$bin" inspect "$site" --format html --lang "$lang" -o "$page" 2>"$tmp/stderr"
    status=$?
    check "inspect $lang: exit 0 or 1" [ "$status" -le 1 ]
    check "inspect $lang: page written" test -s "$page"
    check "inspect $lang: offline" offline "$page"
    check "inspect $lang: unique ids" unique_ids "$page"
    check "inspect $lang: A4 print stylesheet" grep -q '@page { size: A4' "$page"
    CAMAUDIT_TODAY=2026-11-26 "$bin" inspect "$site" --format html --lang "$lang" -o "$tmp/again.html" 2>/dev/null
    check "inspect $lang: deterministic" cmp -s "$page" "$tmp/again.html"
    CAMAUDIT_TODAY=2026-11-26 "$bin" inspect "$site" --format json -o "$tmp/inspect.json" 2>/dev/null
    "$bin" filing "$site" --format json -o "$tmp/filing.json" 2>/dev/null

    dom=$tmp/inspect-$lang.dom
    browser --dump-dom "file://$page" >"$dom"
    check "inspect $lang: chromium loaded the page" test -s "$dom"
    check "inspect $lang: 13 items" same "$(count "$dom" '<tr class="item status-')" 13
    # Each item in the law's own words (第十条, as the JSON record quotes it).
    n=0
    while IFS= read -r text; do
        n=$((n + 1))
        check "inspect $lang: item $n quotes the law" has "$dom" "$text"
    done < <(grep -o '"text_zh": "[^"]*"' "$tmp/inspect.json" | sed 's/^"text_zh": "//; s/"$//')
    check "inspect $lang: the JSON has the 13 items" same "$n" 13
    check "inspect $lang: the filing sheet" same "$(count "$dom" '<tr class="filing-item"')" \
        "$(count "$tmp/filing.json" '"display_zh":')"
    check "inspect $lang: one plan" same "$(count "$dom" '<svg ')" 1
    check "inspect $lang: one row per finding" same "$(count "$dom" '<tr class="finding ')" \
        "$(count "$tmp/check.json" '"fingerprint":')"
    # Every failing item links to findings that are on the page.
    for target in $(grep -o 'class="finding-ref" href="#[^"]*"' "$dom" | sed 's/.*href="#//; s/"$//' | sort -u); do
        check "inspect $lang: link #$target resolves" has "$dom" "id=\"$target\""
    done
    if [ "$lang" = zh ]; then
        check "inspect $lang: title" has "$dom" "公共安全视频图像信息系统监督检查记录"
        check "inspect $lang: signatures" has "$dom" "检查人员（签名）"
    else
        check "inspect $lang: title" has "$dom" "Inspection record of a public security video system"
        check "inspect $lang: signatures" has "$dom" "Inspector (signature)"
    fi
    pdf=$tmp/inspect-$lang.pdf
    browser --no-pdf-header-footer --print-to-pdf="$pdf" "file://$page" >/dev/null
    check "inspect $lang: printed to PDF" test -s "$pdf"
    if command -v pdfinfo >/dev/null 2>&1; then
        check "inspect $lang: A4 pages" a4_pdf "$pdf"
    fi
    [ -n "$keep" ] && cp "$page" "$pdf" "$keep"/
done

# An input error writes no page.
printf 'camaudit: 1\nsite: {id: broken}\nzones: [\n' >"$tmp/broken.yaml"
"$bin" check "$tmp/broken.yaml" --format html -o "$tmp/broken.html" >"$tmp/stdout" 2>/dev/null
check "invalid site: exit 2" [ $? -eq 2 ]
check "invalid site: no page" test ! -e "$tmp/broken.html"
check "invalid site: nothing on stdout" test ! -s "$tmp/stdout"

finish
