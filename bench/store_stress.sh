#!/usr/bin/env bash
# Store safety under errors and concurrency (BENCHMARKS.md records the
# figures with these commands; tests/store_stress_test.sh runs small ones).
#
#   store_stress.sh SEISMO interleaved N RUNS
#     RUNS times: ingest N documents interleaved with N bad (empty) files into
#     a new store; the store must hold the N documents, record the N errors,
#     pass `seismo check` (FTS5's check that the index matches every row) and
#     find a sample of documents by their own word.
#   store_stress.sh SEISMO concurrent N WRITERS
#     WRITERS ingests of N documents each into one store at once, and a
#     reader searching in a loop meanwhile; every document must be stored,
#     no ingest or search may fail; timed against one ingest of all of them.
set -uo pipefail
seismo=$1 mode=$2 n=$3 k=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }

# Document I of set S: a flat-text page whose title and body carry its own
# word zqS_Izq, with enough prose to take a moment to process.
write_doc() {  # write_doc FILE S I
  local w="zq${2}x${3}zq"
  {
    printf 'Report %s from the northern crossings\n\n' "$w"
    for p in 1 2 3 4 5 6; do
      printf 'Residents of Northbridge said on Monday that the police had closed the road near the bridge %s, ' "$w"
      printf 'while the town council called for calm and opposition parties announced protests for paragraph %d.\n\n' "$p"
    done
  } >"$1"
}

case $mode in
  interleaved)
    ok_runs=0
    for run in $(seq 1 "$k"); do
      dir=$work/in$run db=$work/i$run.db
      mkdir -p "$dir"
      for i in $(seq -w 1 "$n"); do
        write_doc "$dir/d$i-a.txt" "$run" "$i"
        : >"$dir/d$i-b.txt"  # an empty file: an error between two documents
      done
      "$seismo" --db "$db" ingest --no-reuse "$dir" >/dev/null 2>"$work/err"  # the index under errors, not reuse (the concurrent runs cover it)
      rc=$?
      summary=$(tail -1 "$work/err")
      [ $rc -eq 1 ] || die "run $run: exit $rc, expected 1 (the empty files)"
      case $summary in "$n new, 0 already stored, 0 seen at a new URL, "*"$n errors"*) ;; *) die "run $run: $summary" ;; esac
      "$seismo" --db "$db" -q check || die "run $run: check failed"
      bad=0
      for i in $(shuf -i 1-"$n" -n 25 2>/dev/null || seq 1 25); do
        i=$(printf "%0${#n}d" "$i")
        hit=$("$seismo" --db "$db" -q search "zq${run}x${i}zq" | head -1)
        case $hit in *"Report zq${run}x${i}zq "*) ;; *) bad=$((bad + 1)); echo "run $run: search zq${run}x${i}zq gave: $hit" ;; esac
      done
      [ $bad -eq 0 ] && [ $fail -eq 0 ] && ok_runs=$((ok_runs + 1))
    done
    echo "interleaved: $ok_runs of $k runs clean ($n documents and $n bad files each)"
    ;;
  concurrent)
    for w in $(seq 1 "$k"); do
      mkdir -p "$work/w$w"
      for i in $(seq -w 1 "$n"); do write_doc "$work/w$w/d$i.txt" "$w" "$i"; done
    done
    db=$work/c.db
    "$seismo" --db "$db" -q ingest "$work/w1" >/dev/null 2>&1 && rm -f "$db"*  # warm the page cache
    : >"$work/reader.err"
    (
      sleep 0.2
      while [ ! -e "$work/done" ]; do
        [ -e "$db" ] || { sleep 0.05; continue; }
        out=$("$seismo" --db "$db" -q search northbridge -n 3 2>&1)
        rc=$?
        # Until the first ingest has created the store's schema it is not a
        # store yet; after that, exit 1 with nothing printed is "no match
        # yet" and anything else is a failure.
        [ $rc -eq 0 ] && live=1
        if [ -n "${live:-}" ] && { [ $rc -gt 1 ] || { [ $rc -eq 1 ] && [ -n "$out" ]; }; }; then echo "$out" >>"$work/reader.err"; fi
        echo x >>"$work/reads"
      done
    ) &
    reader=$!
    start=$(date +%s.%N)
    pids=()
    for w in $(seq 1 "$k"); do
      "$seismo" --db "$db" -q -j 1 ingest "$work/w$w" >"$work/out$w" 2>"$work/err$w" &
      pids+=($!)
    done
    for w in $(seq 1 "$k"); do
      wait "${pids[$((w - 1))]}" || die "ingest $w failed: $(head -3 "$work/err$w")"
    done
    end=$(date +%s.%N)
    touch "$work/done"
    wait $reader
    [ -s "$work/reader.err" ] && die "reader: $(head -3 "$work/reader.err")"
    stored=$("$seismo" --db "$db" -q docs | tail -n +2 | wc -l)
    [ "$stored" -eq $((n * k)) ] || die "$stored documents stored, expected $((n * k))"
    "$seismo" --db "$db" -q check || die "check failed"
    mkdir -p "$work/all"
    for w in $(seq 1 "$k"); do for f in "$work/w$w"/*; do cp "$f" "$work/all/w$w-$(basename "$f")"; done; done
    one_start=$(date +%s.%N)
    "$seismo" --db "$work/one.db" -q -j "$k" ingest "$work/all" >/dev/null 2>&1 || die "single ingest failed"
    one_end=$(date +%s.%N)
    reads=$(wc -l <"$work/reads" 2>/dev/null || echo 0)
    awk -v k="$k" -v n="$n" -v a="$start" -v b="$end" -v c="$one_start" -v d="$one_end" -v s="$stored" -v r="$reads" 'BEGIN {
      printf "concurrent: %d ingests of %d documents: %d stored, %.2f s; one ingest of %d (-j %d): %.2f s; ratio %.2f; %d searches meanwhile\n",
        k, n, s, b - a, k * n, k, d - c, (b - a) / (d - c), r }'
    ;;
  *) echo "usage: store_stress.sh SEISMO interleaved|concurrent N RUNS|WRITERS" >&2; exit 2 ;;
esac
[ $fail -eq 0 ] && echo "store_stress: ok" || echo "store_stress: FAILED"
exit $fail
