#!/usr/bin/env bash
# Start-up A/B: the capstone lint with bin/dbzlint of an older commit against this checkout's,
# alternating runs so both see the same machine, and the median of each. For changes that must not
# cost lint's start-up (a new dependency, a new command).
#
#   bench/startup-ab.sh REF [RUNS]     # e.g. bench/startup-ab.sh HEAD~3 31
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:?usage: bench/startup-ab.sh REF [RUNS]}
runs=${2:-21}
old=$(mktemp -d)
trap 'git worktree remove --force "$old" > /dev/null 2>&1 || true' EXIT
git worktree add -q --detach "$old" "$ref"
(cd "$old" && mvn -B -q package -DskipTests)
mvn -B -q package -DskipTests
for _ in $(seq "$runs"); do
  for side in before after; do
    dir=$PWD
    [ "$side" = before ] && dir=$old
    start=$(date +%s%N)
    "$dir/bin/dbzlint" lint --no-config --color never examples/capstone > /dev/null 2>&1 || true
    end=$(date +%s%N)
    echo "$side $(((end - start) / 1000000))"
  done
done | awk '{print > ("/dev/stderr")} {t[$1] = t[$1] " " $2} END {for (s in t) print s, t[s]}' 2> /dev/null |
  while read -r side times; do
    median=$(tr ' ' '\n' <<< "$times" | sed '/^$/d' | sort -n | awk '{x[NR] = $1} END {print x[int((NR + 1) / 2)]}')
    echo "$side ($([ "$side" = before ] && echo "$ref" || echo "this checkout")): median $median ms over $runs runs"
  done | sort
