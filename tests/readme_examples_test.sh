#!/usr/bin/env bash
# Every example of README.md's command table, run as written against a
# store ingested from the seeds (what `make demo` builds): each must exit 0
# and print something, to stdout or to the file it redirects to. Rows
# marked "readme-test: skip" need files of the reader's own (a crawl, a
# full GeoNames dump) and are skipped, each said so.
set -u
seismo=$1
readme=$2
shared=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0 ran=0
# Nothing: no output, a table's header alone, or a GeoJSON collection
# without features.
prints_nothing() {
  [ ! -s "$1" ] && return 0
  if grep -q '^{"type":"FeatureCollection"' "$1"; then
    grep -q '"type":"Feature"}' "$1" && return 1
    return 0
  fi
  [ "$(wc -l <"$1")" -le 1 ] && grep -q '^[A-Z][A-Z]*  ' "$1" && return 0
  return 1
}
if [ ! -d "$shared/seeds" ]; then echo "skip: no $shared/seeds"; exit 0; fi
"$seismo" --db "$work/seismo-demo.db" -q ingest "$shared/seeds" || { echo "FAIL ingesting the seeds"; exit 1; }
export SEISMO_DB=$work/seismo-demo.db
# The examples' relative paths (../shared/...) are written from the
# repository's root: run them from a directory with the same neighbour.
mkdir -p "$work/repo"
ln -s "$shared" "$work/shared"
n=0
while IFS= read -r row; do
  example=$(printf '%s\n' "$row" | sed -n 's/.*| `\(.*\)`.*|$/\1/p' | sed 's/\\|/|/g')
  [ -n "$example" ] || continue
  n=$((n + 1))
  if printf '%s' "$row" | grep -q 'readme-test: skip'; then
    echo "skip $example   (marked in README.md: needs your own files)"
    continue
  fi
  # "seismo" at the start of a command, or of a command after a pipe.
  command=$(printf '%s\n' "$example" | sed "s#^seismo #$seismo #; s#| seismo #| $seismo #g")
  out=$(printf '%s\n' "$example" | sed -n 's/.*> *\([^ ]*\)$/\1/p')
  (cd "$work/repo" && bash -c "$command") >"$work/out.$n" 2>"$work/err.$n" </dev/null
  rc=$?
  printed=$work/out.$n
  [ -n "$out" ] && printed=$work/repo/$out
  ran=$((ran + 1))
  if [ "$rc" -ne 0 ]; then
    echo "FAIL $example   (exit $rc: $(head -1 "$work/err.$n"))"; fails=$((fails + 1))
  elif prints_nothing "$printed"; then
    echo "FAIL $example   (prints nothing)"; fails=$((fails + 1))
  else
    echo "ok   $example"
  fi
done < <(sed -n '/^| command | what it does | example |$/,/^$/p' "$readme" | tail -n +3)
if [ "$ran" -lt 10 ]; then echo "FAIL only $ran examples found in $readme"; fails=$((fails + 1)); fi
echo "$((fails == 0 ? 1 : 0)) passed, $fails failed" | sed 's/^1 passed, 0 failed$/readme examples: all checks passed/'
[ "$fails" -eq 0 ]
