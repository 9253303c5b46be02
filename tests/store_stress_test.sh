#!/usr/bin/env bash
# The store under errors, concurrency and read-only media, through the
# seismo binary (small sizes of bench/store_stress.sh, which BENCHMARKS.md
# runs at full size).
set -u
seismo=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"
check "errors interleaved with documents leave the index sound" bash "$here/../bench/store_stress.sh" "$seismo" interleaved 150 3
check "three concurrent ingests and a reader lose nothing" bash "$here/../bench/store_stress.sh" "$seismo" concurrent 120 3

work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
printf 'A title\n\nBarricades went up on the road to Jarinje on Saturday, residents said.\n' >"$work/a.txt"
"$seismo" --db "$work/s.db" -q ingest "$work/a.txt"
# A store nobody may write (a read-only mount, a CD): read as immutable.
if [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null; then
  mkdir -p "$work/ro"
  cp "$work/s.db" "$work/ro/s.db"
  chmod 0555 "$work/ro"
  chmod 0444 "$work/ro/s.db"
  chmod 0755 "$work"
  out=$(runuser -u nobody -- "$seismo" --db "$work/ro/s.db" -q search barricaded 2>&1)
  check "a read-only store can be searched ($out)" grep -q "A title" <<<"$out"
  out=$(runuser -u nobody -- "$seismo" --db "$work/ro/s.db" -q docs 2>&1)
  check "a read-only store can be listed" grep -q "A title" <<<"$out"
  out=$(runuser -u nobody -- "$seismo" --db "$work/ro/s.db" -q export docs 2>&1)
  check "a read-only store can be exported" grep -q '"title":"A title"' <<<"$out"
  out=$(runuser -u nobody -- "$seismo" --db "$work/ro/s.db" -q ingest "$work/a.txt" 2>&1)
  check "ingest into it names the store and the cause ($out)" grep -q "ro/s.db: .*readonly\|ro/s.db: .*not writable\|ro/s.db: .*unable to open" <<<"$out"
else
  echo "skip read-only media (needs root to run as another user)"
fi
# Read commands never create a store.
(cd "$work" && "$seismo" docs >/dev/null 2>"$work/err")
check "docs in an empty directory fails with status 1" test $? -eq 1
check "and says which store is missing" grep -q "seismo.db: no such store" "$work/err"
check "and leaves no file behind" test ! -e "$work/seismo.db"
# A killed ingest is resumed by running it again: nothing doubles.
mkdir -p "$work/many"
for i in $(seq -w 1 400); do
  printf 'Report %s\n\nResidents of Northbridge said the police closed road %s near the bridge on Monday.\n' "$i" "$i" >"$work/many/$i.txt"
done
"$seismo" --db "$work/k.db" -q -j 1 ingest "$work/many" &
pid=$!
sleep 0.3
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
"$seismo" --db "$work/k.db" -q ingest "$work/many"
check "resumed after kill -9: 400 documents" test "$("$seismo" --db "$work/k.db" -q docs | tail -n +2 | wc -l)" -eq 400
check "and the store is sound" "$seismo" --db "$work/k.db" -q check
exit $fails
