#!/usr/bin/env bash
# `camaudit kinds` (spec, "Revision 2 of the commands") and `camaudit explain KIND`: the kinds
# of the active packs with their category, public default, 第七条 place, builder and articles;
# a kind's explanation with the pack's judgment call; "did you mean" for an unknown kind.
#
# Usage: kinds.sh CAMAUDIT_BINARY REPO_ROOT
set -u

bin=${1:?usage: kinds.sh CAMAUDIT_BINARY REPO_ROOT}
root=${2:?usage: kinds.sh CAMAUDIT_BINARY REPO_ROOT}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"  # $tmp, pass, fail, check
cd "$root" || exit 1

has() { grep -qF -- "$2" "$1"; }

"$bin" kinds --format json >"$tmp/cn.json" 2>"$tmp/err"
check "kinds json: exit 0" [ $? -eq 0 ]
check "kinds json: nothing on stderr" [ ! -s "$tmp/err" ]
check "kinds json: packs [cn]" has "$tmp/cn.json" '"packs": ['
check "kinds json: a builder" has "$tmp/cn.json" '"builder": "government"'
check "kinds json: the nap room" has "$tmp/cn.json" '"id": "kindergarten.nap_room"'

"$bin" kinds --pack cn-ah --format json >"$tmp/ah.json" 2>/dev/null
check "kinds --pack cn-ah: exit 0" [ $? -eq 0 ]
check "kinds --pack cn-ah: the Anhui pack" has "$tmp/ah.json" '"cn-ah"'
check "kinds --pack cn-ah: mandatory kinds" has "$tmp/ah.json" '"category": "mandatory"'

"$bin" kinds --lang en >"$tmp/text" 2>/dev/null
check "kinds text: exit 0" [ $? -eq 0 ]
check "kinds text: a line per kind" has "$tmp/text" "kindergarten.nap_room"
check "kinds text: the article's label" has "$tmp/text" "Regulation art. 8(1)(iv)"
line() { grep -E "^$2 " "$1"; }
check "kinds text: a road is government-built" eval 'line "$tmp/text" road.key_segment | grep -qF "government-built"'
check "kinds text: a nap room is forbidden" eval 'line "$tmp/text" kindergarten.nap_room | grep -qF "forbidden"'
check "kinds text: a hotel lobby is neutral" eval 'line "$tmp/text" hotel.lobby | grep -qF "neutral"'
check "kinds text: a ballot box is forbidden" eval 'line "$tmp/text" polling.ballot_box | grep -qF "forbidden"'

"$bin" kinds --format yaml >/dev/null 2>&1
check "kinds --format yaml: exit 2" [ $? -eq 2 ]

"$bin" explain --lang en kindergarten.nap_room >"$tmp/explain" 2>&1
check "explain KIND: exit 0" [ $? -eq 0 ]
check "explain KIND: the judgment" has "$tmp/explain" "The pack's judgment:"
check "explain KIND: the article" has "$tmp/explain" "（四）安装图像采集设备后能够拍摄、窥视、窃听他人隐私的其他区域、部位。"
"$bin" explain --lang en hotel.lobby >"$tmp/hotel" 2>&1
check "explain hotel.lobby: why not article 7" has "$tmp/hotel" "does not name hotels"
"$bin" explain --lang en cn-installer-authority >"$tmp/rule" 2>&1
check "explain RULE: its penalties" has "$tmp/rule" "Penalties:"

printf 'camaudit: 1\noperator: {id: op, type: individual}\nsite: {id: s}\nzones:\n  - {id: z, kind: kindergarten.nap_rom, polygon: [[0,0],[1,0],[1,1]]}\ncameras: []\n' >"$tmp/typo.yaml"
"$bin" validate --lang en "$tmp/typo.yaml" >/dev/null 2>"$tmp/err"
check "unknown kind: exit 2" [ $? -eq 2 ]
check "unknown kind: did you mean" has "$tmp/err" "did you mean 'kindergarten.nap_room'"

echo "kinds: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
