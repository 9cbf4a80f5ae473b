# Shared by the command-line tests (tests/cli/*.sh), sourced after they read their arguments:
# a scratch folder $tmp removed on exit, and the counters of passed and failed checks.
#
#     check NAME COMMAND...   one check: passes when COMMAND succeeds
#     fail NAME WHY           one failed check, said on stderr
#     pass                    one passed check
#
# Each script ends by printing `NAME: N passed, M failed` and exiting non-zero on a failure.
# Not a test itself: tests/CMakeLists.txt leaves it out.

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() {
    echo "FAIL $1: $2" >&2
    failed=$((failed + 1))
}
check() {
    local name=$1
    shift
    if "$@"; then pass; else fail "$name" "$*"; fi
}
