#!/usr/bin/env bash
# `make demo`: builds only what it runs, and its output ends with a legend
# of the codes it printed and commands that run when pasted as they are.
set -u
seismo=$1
source_dir=$2
seeds=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"
make -s -n -C "$source_dir" demo >"$work/plan" 2>/dev/null
check "make demo builds only the binary and the gazetteer" grep -q -- "--target seismo gazetteer" "$work/plan"
check "make demo does not build everything" test -z "$(grep -E -- '--build [^ ]+ -j [0-9]+$' "$work/plan")"
check "-j is the machine's core count" grep -q -- "-j $(nproc) " "$work/plan"
check "JOBS=N still chooses" grep -q -- "-j 3 " <(make -s -n -C "$source_dir" demo JOBS=3 2>/dev/null)

if [ -d "$seeds" ]; then
  (cd "$work" && bash "$source_dir/scripts/demo" "$seismo" "$work/demo.db" "$seeds") >"$work/out" 2>&1
  check "the demo exits 0" test $? -eq 0
  check "it explains CAMEO codes" grep -q "^CAMEO .*14 protest" "$work/out"
  check "it explains actor codes" grep -q "^actors .*SRB Serbia" "$work/out"
  check "it explains the flag letters" grep -q "^FLAGS .*I insult, A identity attack, T threat, P profanity, S sexual" "$work/out"
  sed -n '/^== try next/,$p' "$work/out" | grep "^[./]" >"$work/next"
  check "it suggests commands" test "$(wc -l <"$work/next")" -ge 5
  check "none joined by ' | '" test -z "$(grep ' | ' "$work/next")"
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    (cd "$work" && bash -c "$line") >"$work/run$n" 2>"$work/run$n.err" </dev/null
    check "pasted as it is, runs: $line" test $? -eq 0
  done <"$work/next"
fi

echo "$((fails == 0 ? 1 : 0)) passed, $fails failed" | sed 's/^1 passed, 0 failed$/demo: all checks passed/'
[ "$fails" -eq 0 ]
