#!/usr/bin/env bash
# Lints the man pages in man/ and checks them against the built program.
#
#   1. Every man/*.1 and man/*.5 formats without a single diagnostic:
#          preconv FILE | groff -man -ww -z -Tutf8
#      (groff -k, which runs preconv itself, where preconv is not installed). groff exits 0
#      on warnings, so anything at all on stderr is a failure, as is a non-zero status.
#   2. Every page is valid UTF-8, and a page with non-ASCII text says so on its first two
#      lines (`.\" -*- coding: UTF-8 -*-`), so that preconv never has to guess.
#   3. Every page's .TH names the page as its file does (camaudit-check.1: CAMAUDIT-CHECK 1).
#   4. Every subcommand listed under "Subcommands:" by `camaudit help` (except help itself)
#      has a page man/camaudit-CMD.1, whose OPTIONS section mentions every long option that
#      `camaudit CMD -h` prints (--help aside) and no long option that it does not print:
#      a page documents what the program does, not what it may do one day.
#   5. camaudit.1 mentions every long option of `camaudit --help` in its OPTIONS section and
#      refers to the page of every subcommand; no man/camaudit-X.1 exists for a command X that
#      the program does not have.
#   6. The Simplified-Chinese pages in man/zh_CN/ (issue 6: every man page line in Chinese as
#      well as English): every man/PAGE has a twin man/zh_CN/PAGE and every zh_CN page an
#      English original, so a new English page fails here until it is translated. Each zh_CN
#      page passes checks 1-3 and has a 名称 (NAME) section; the zh_CN page of each command
#      lists in its 选项 (OPTIONS) section exactly the long options of `camaudit CMD -h`, as in
#      check 4; zh_CN/camaudit.1 does what check 5 asks of camaudit.1. A zh_CN page whose
#      number of .SH/.SS headings differs from its original's is noted on stderr (not a
#      failure: a hint that the translation lags behind).
#
# The OPTIONS section is taken from the formatted page (one very long line per paragraph,
# no hyphenation), so an option split by the source's escapes or fonts still counts.
#
# Usage: manpages.sh CAMAUDIT_BINARY REPO_ROOT
set -u
set -o pipefail

bin=${1:?usage: manpages.sh CAMAUDIT_BINARY REPO_ROOT}
root=${2:?usage: manpages.sh CAMAUDIT_BINARY REPO_ROOT}
mandir="$root/man"
zhdir="$mandir/zh_CN"

if ! command -v groff >/dev/null 2>&1; then
    echo "manpages: groff is not installed, so the man pages cannot be linted;" \
        "install it (Debian/Ubuntu: apt-get install groff-base)" >&2
    exit 1
fi
if [ ! -x "$bin" ]; then
    echo "manpages: $bin is not an executable camaudit binary" >&2
    exit 1
fi

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"  # $tmp, pass, fail, check

run_limited() {  # a command, with a time limit where timeout(1) exists
    if command -v timeout >/dev/null 2>&1; then timeout 20 "$@"; else "$@"; fi
}

# format PAGE GROFF_ARGS...: the page through preconv and groff -man (stdout, stderr as groff's).
format() {
    local page=$1
    shift
    if command -v preconv >/dev/null 2>&1; then
        preconv "$page" | groff -man "$@"
    else
        groff -man -k "$@" "$page"
    fi
}

# formatted PAGE: the formatted page, one paragraph a line, with the Unicode hyphens and minus
# signs that a device may use for `-` and `\-` made ASCII.
formatted() {
    format "$1" -Tutf8 -rLL=3000n -rHY=0 -P-cbou 2>/dev/null |
        sed -e 's/\xe2\x80\x90/-/g; s/\xe2\x80\x91/-/g; s/\xe2\x88\x92/-/g'
}

# options_section PAGE [HEADING]: the text of the formatted page's OPTIONS section (HEADING,
# 选项 in a zh_CN page), one paragraph a line.
options_section() {
    formatted "$1" |
        awk -v heading="${2:-OPTIONS}" '
             $0 ~ ("^" heading "[ \t]*$") { inside = 1; next }
             inside && /^[^ \t]/ { exit }
             inside { print }'
}

# long_options: the long options (--xxx) in the option column of a CLI11 help text on stdin,
# --help left out, one a line.
long_options() {
    awk '/^[ \t]+-/ { print $1 }' |
        grep -oE -- '--[A-Za-z0-9][A-Za-z0-9-]*' |
        grep -vx -- '--help' |
        sort -u
}

# mentioned OPTION FILE: whether FILE mentions OPTION as a whole word.
mentioned() {
    grep -qE -- "(^|[^A-Za-z0-9-])$1([^A-Za-z0-9-]|$)" "$2"
}

# Every long option in FILE, one a line.
options_in() {
    grep -oE -- '(^|[^A-Za-z0-9-])--[A-Za-z0-9][A-Za-z0-9-]*' "$1" |
        sed -e 's/^[^-]*//' | sort -u
}

shopt -s nullglob
pages=("$mandir"/*.1 "$mandir"/*.5)
if [ ${#pages[@]} -eq 0 ]; then
    echo "manpages: no man pages under $mandir" >&2
    exit 1
fi

# --- 1-3: each page on its own -------------------------------------------------------------
# lint_page PAGE NAME: checks 1-3 of PAGE, reported as NAME.
lint_page() {
    local page=$1 name=$2 base status th th_name th_section want_name want_section

    format "$page" -ww -z -Tutf8 >"$tmp/out" 2>"$tmp/err"
    status=$?
    if [ "$status" -ne 0 ]; then
        fail "$name" "groff exited with status $status"
        sed -e 's/^/    /' "$tmp/err" | head -n 20 >&2
    elif [ -s "$tmp/err" ]; then
        fail "$name" "groff printed diagnostics:"
        sed -e 's/^/    /' "$tmp/err" | head -n 20 >&2
    else
        pass
    fi

    if ! iconv -f UTF-8 -t UTF-8 "$page" >/dev/null 2>&1; then
        fail "$name" "not valid UTF-8"
    elif LC_ALL=C grep -q $'[\x80-\xff]' "$page" &&
        ! head -n 2 "$page" | grep -qiE 'coding:[[:space:]]*utf-?8'; then
        fail "$name" "has non-ASCII text but no '.\\\" -*- coding: UTF-8 -*-' on its first two lines"
    else
        pass
    fi

    th=$(grep -m 1 -E '^\.TH[[:space:]]' "$page" | sed -e 's/\\-/-/g; s/"//g')
    read -r _ th_name th_section _ <<<"$th"
    base=$(basename "$page")
    want_name=${base%.*}
    want_section=${base##*.}
    if [ -z "$th" ]; then
        fail "$name" "no .TH line"
    elif [ "${th_name,,}" != "${want_name,,}" ] || [ "$th_section" != "$want_section" ]; then
        fail "$name" ".TH says '$th_name $th_section', the file name says '$want_name $want_section'"
    else
        pass
    fi
}

for page in "${pages[@]}"; do
    lint_page "$page" "$(basename "$page")"
done

# --- 4: a page per subcommand, with its options ---------------------------------------------
subcommands() {  # the names under "Subcommands:" in the help text on stdin
    awk '/^Subcommands:/ { inside = 1; next }
         inside && NF == 0 { exit }
         inside && /^[ \t]+[A-Za-z]/ { print $1 }'
}

run_limited "$bin" help </dev/null >"$tmp/help" 2>&1
commands=$(subcommands <"$tmp/help")
if [ -z "$commands" ]; then
    # `camaudit help` without a topic is meant to print the overview; where it does not (it
    # printed the usage of `help` itself in early builds), take the list from --help.
    echo "manpages: note: 'camaudit help' lists no subcommands; taking them from 'camaudit --help'" >&2
    run_limited "$bin" --help </dev/null >"$tmp/help" 2>&1
    commands=$(subcommands <"$tmp/help")
fi
if [ -z "$commands" ]; then
    fail "camaudit help" "no 'Subcommands:' section in the output of '$bin help' or '$bin --help'"
fi

# command_options PAGE NAME CMD HEADING: PAGE's HEADING section lists exactly the long options
# that `camaudit CMD -h` prints (in $tmp/want).
command_options() {
    local page=$1 name=$2 cmd=$3 heading=$4 ok=1 opt
    options_section "$page" "$heading" >"$tmp/section"
    if [ ! -s "$tmp/section" ]; then
        fail "$name" "no $heading section"
        return
    fi
    while read -r opt; do
        [ -n "$opt" ] || continue
        if ! mentioned "$opt" "$tmp/section"; then
            fail "$name" "$heading does not mention $opt, which 'camaudit $cmd -h' prints"
            ok=0
        fi
    done <"$tmp/want"
    while read -r opt; do
        if [ -z "$opt" ] || [ "$opt" = --help ]; then continue; fi
        if ! grep -qx -- "$opt" "$tmp/want"; then
            fail "$name" "$heading documents $opt, which 'camaudit $cmd -h' does not print"
            ok=0
        fi
    done < <(options_in "$tmp/section")
    [ "$ok" -eq 1 ] && pass
}

for cmd in $commands; do
    [ "$cmd" = help ] && continue
    page="$mandir/camaudit-$cmd.1"
    name="camaudit-$cmd.1"
    if [ ! -f "$page" ]; then
        fail "$name" "'camaudit help' lists the command '$cmd' but man/$name does not exist"
        continue
    fi
    if ! run_limited "$bin" "$cmd" -h </dev/null >"$tmp/cmdhelp" 2>&1; then
        fail "$name" "'camaudit $cmd -h' failed"
        sed -e 's/^/    /' "$tmp/cmdhelp" | head -n 10 >&2
        continue
    fi
    long_options <"$tmp/cmdhelp" >"$tmp/want"
    command_options "$page" "$name" "$cmd" OPTIONS
    # 6: its zh_CN twin (a missing twin is reported below, once)
    if [ -f "$zhdir/$name" ]; then
        command_options "$zhdir/$name" "zh_CN/$name" "$cmd" 选项
    fi
done

# --- 5: the overview page, and no page for a command that does not exist -------------------
# overview PAGE NAME HEADING: PAGE mentions every long option of `camaudit --help` in its
# HEADING section and refers to camaudit-CMD(1) for every command.
overview() {
    local page=$1 name=$2 heading=$3 ok=1 opt cmd
    run_limited "$bin" --help </dev/null 2>&1 | awk '/^Subcommands:/ { exit } { print }' |
        long_options >"$tmp/want"
    options_section "$page" "$heading" >"$tmp/section"
    while read -r opt; do
        [ -n "$opt" ] || continue
        if ! mentioned "$opt" "$tmp/section"; then
            fail "$name" "$heading does not mention $opt, which 'camaudit --help' prints"
            ok=0
        fi
    done <"$tmp/want"
    formatted "$page" >"$tmp/overview"
    for cmd in $commands; do
        [ "$cmd" = help ] && continue
        if ! grep -qF -- "camaudit-$cmd(1)" "$tmp/overview"; then
            fail "$name" "does not refer to camaudit-$cmd(1)"
            ok=0
        fi
    done
    [ "$ok" -eq 1 ] && pass
}

if [ ! -f "$mandir/camaudit.1" ]; then
    fail "camaudit.1" "man/camaudit.1 does not exist"
else
    overview "$mandir/camaudit.1" camaudit.1 OPTIONS
fi

for page in "$mandir"/camaudit-*.1; do
    cmd=$(basename "$page" .1)
    cmd=${cmd#camaudit-}
    if ! grep -qx -- "$cmd" <<<"$commands"; then
        fail "camaudit-$cmd.1" "documents a command '$cmd' that 'camaudit help' does not list"
    else
        pass
    fi
done

# --- 6: the Simplified-Chinese pages in man/zh_CN/ ------------------------------------------
# headings PAGE: the number of .SH and .SS requests in PAGE.
headings() {
    grep -cE '^\.S[HS]([[:space:]]|$)' "$1"
}

zh_pages=("$zhdir"/*.1 "$zhdir"/*.5)
for page in "${pages[@]}"; do
    name=$(basename "$page")
    if [ ! -f "$zhdir/$name" ]; then
        fail "zh_CN/$name" "man/$name has no Simplified-Chinese twin man/zh_CN/$name (issue 6:
    every man page in Chinese as well): translate it with the same .TH, sections, options and
    examples, headings 名称/概要/描述/选项/..., in UTF-8 with the coding line like the
    other zh_CN pages, and the same CJK line-breaking set-up after .TH"
    else
        pass
    fi
done
for page in "${zh_pages[@]}"; do
    name=$(basename "$page")
    if [ ! -f "$mandir/$name" ]; then
        fail "zh_CN/$name" "man/zh_CN/$name has no English original man/$name"
        continue
    fi
    lint_page "$page" "zh_CN/$name"
    formatted "$page" >"$tmp/zh"
    if ! grep -qE '^名称[[:space:]]*$' "$tmp/zh"; then
        fail "zh_CN/$name" "no 名称 (NAME) section: is it translated?"
    else
        pass
    fi
    zh_headings=$(headings "$page")
    en_headings=$(headings "$mandir/$name")
    if [ "$zh_headings" != "$en_headings" ]; then
        echo "manpages: note: zh_CN/$name has $zh_headings .SH/.SS headings, man/$name" \
            "$en_headings: does the translation lag behind the English page?" >&2
    fi
done

if [ -f "$zhdir/camaudit.1" ]; then
    overview "$zhdir/camaudit.1" zh_CN/camaudit.1 选项
fi

echo "manpages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
