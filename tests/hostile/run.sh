#!/usr/bin/env bash
# Runs one case of the hostile-input corpus (tests/hostile/NAME.case; README "Threat model").
# A case file holds `key: value` lines (and `#` comments saying what the input attacks):
#
#     args: check --format json pan-1e308.yaml   the camaudit arguments (shell words), run in
#                                                a scratch copy of tests/hostile/
#     setup: python3 gen.py bomb 12 b.dxf       optional: shell command run there first
#                                                ($CAMAUDIT_SOURCE, $CAMAUDIT_BIN are set)
#     status: 2                                  the expected exit status
#     stderr: ptz.pan must be in [-720, 720]     optional, repeatable: substrings of stderr
#     stdout: ...                                optional, repeatable: substrings of stdout
#     absent: \e                                 optional, repeatable: a string (printf %b
#                                                escapes) that must be in neither stdout,
#                                                stderr nor any file the run wrote
#     absent-re: \binf\b                          optional, repeatable: the same, an extended regular expression
#     file: out.csv                              optional: a file the run must leave; `file-has:`
#                                                and `file-absent:` lines then check its text
#     wrapper: plant.sh                          optional: run `bash plant.sh CAMAUDIT ARGS...`
#                                                instead (it ends by exec'ing camaudit)
#     after: python3 -c ...                      optional: a shell command that must succeed
#                                                after the run (it checks what was written)
#     timeout: 20                                seconds (also the CTest TIMEOUT of the case)
#
# Never a crash (status < 128) and never the timeout. Usage: run.sh CAMAUDIT REPO_ROOT NAME.case
set -u
bin=${1:?usage: run.sh CAMAUDIT REPO_ROOT CASE}
root=${2:?usage: run.sh CAMAUDIT REPO_ROOT CASE}
case_file=${3:?usage: run.sh CAMAUDIT REPO_ROOT CASE}
name=$(basename "$case_file" .case)
. "$root/tests/cli/lib.sh" # $tmp, pass, fail

values() { sed -n "s/^$1: //p" "$case_file"; }
args=$(values args)
want_status=$(values status)
limit=$(values timeout)
limit=${limit:-20}
[ -n "$args" ] && [ -n "$want_status" ] || {
    echo "$name: needs 'args:' and 'status:' lines" >&2
    exit 1
}
cp -R "$root/tests/hostile" "$tmp/work"
export CAMAUDIT_SOURCE=$root CAMAUDIT_BIN=$bin
# The rule packs too, in the scratch folder: a case may aim `-o` at one of them.
cp -R "$root/rules" "$tmp/work/rules"
export CAMAUDIT_RULES=$tmp/work/rules
cd "$tmp/work" || exit 1
setup=$(values setup)
if [ -n "$setup" ] && ! bash -c "$setup"; then
    echo "$name: setup failed: $setup" >&2
    exit 1
fi
touch "$tmp/stamp"
sleep 0.01
eval "set -- $args"
wrapper=$(values wrapper)
if [ -n "$wrapper" ]; then set -- bash "$wrapper" "$bin" "$@"; else set -- "$bin" "$@"; fi
timeout "$limit" "$@" >"$tmp/out" 2>"$tmp/err"
status=$?
show() { sed 's/^/    /' "$tmp/err" | head -c 2000 >&2; }
if [ "$status" -eq 124 ]; then
    fail "$name" "timed out after $limit s"
elif [ "$status" -ge 128 ]; then
    fail "$name" "crashed (status $status)"
elif [ "$status" -ne "$want_status" ]; then
    fail "$name" "exit status $status, expected $want_status"
    show
else
    pass
fi
while IFS= read -r want; do
    if grep -qF -- "$want" "$tmp/err"; then pass; else
        fail "$name" "stderr lacks '$want'"
        show
    fi
done < <(values stderr)
while IFS= read -r want; do
    if grep -qF -- "$want" "$tmp/out"; then pass; else fail "$name" "stdout lacks '$want'"; fi
done < <(values stdout)
written=$(find . -type f -newer "$tmp/stamp")
while IFS= read -r bad; do
    bad=$(printf '%b' "$bad")
    # shellcheck disable=SC2086
    if grep -qF -- "$bad" "$tmp/out" "$tmp/err" $written; then
        fail "$name" "output holds the forbidden '$(values absent | head -n 1)'"
    else
        pass
    fi
done < <(values absent)
while IFS= read -r bad; do
    # shellcheck disable=SC2086
    if grep -qiE -- "$bad" "$tmp/out" "$tmp/err" $written; then
        fail "$name" "output matches the forbidden /$bad/"
        grep -hiE -- "$bad" "$tmp/out" "$tmp/err" $written | head -n 3 | cut -c 1-200 >&2
    else
        pass
    fi
done < <(values absent-re)
out_file=$(values file)
if [ -n "$out_file" ]; then
    if [ -f "$out_file" ]; then
        while IFS= read -r want; do
            if grep -qF -- "$want" "$out_file"; then pass; else
                fail "$name" "$out_file lacks '$want'"
            fi
        done < <(values file-has)
        while IFS= read -r bad; do
            bad=$(printf '%b' "$bad")
            if grep -qF -- "$bad" "$out_file"; then
                fail "$name" "$out_file holds '$bad'"
            else pass; fi
        done < <(values file-absent)
    else
        fail "$name" "no file $out_file"
    fi
fi
after=$(values after)
if [ -n "$after" ]; then
    if bash -c "$after" >"$tmp/after" 2>&1; then pass; else
        fail "$name" "after: $after"
        head -c 1000 "$tmp/after" >&2
    fi
fi
echo "$name: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
