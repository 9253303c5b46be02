#!/usr/bin/env bash
# The command line as users of git and ripgrep expect it: global options
# anywhere, usage errors on one line with exit status 2, help, piped stdin.
set -u
seismo=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"
# status NAME WANT COMMAND...: runs COMMAND (stderr to $work/err) and checks its exit status.
status() {
  local name=$1 want=$2; shift 2
  "$@" >"$work/out" 2>"$work/err" </dev/null
  local rc=$?
  if [ "$rc" -eq "$want" ]; then echo "ok   $name"; else echo "FAIL $name (exit $rc, want $want)"; cat "$work/err"; fails=$((fails + 1)); fi
}
printf 'Serbian police closed the road at Jarinje on Monday, officials said.\n' >"$work/page.txt"

# A. Global options after the command, and listed in its help.
status "ingest with --db and -q after the command" 0 "$seismo" ingest "$work/page.txt" --db "$work/t.db" -q -j 1
check "-q after the command silences the summary" test ! -s "$work/err"
status "docs --db after the command" 0 "$seismo" docs --db "$work/t.db"
check "and reads that store" grep -q "^[0-9a-f]\{16\} " "$work/out"
status "a flag before the command is not taken for its value" 0 "$seismo" --db "$work/t.db" -q docs
check "so the command still runs" grep -q "^[0-9a-f]\{16\} " "$work/out"
status "-j after the command" 0 "$seismo" analyze "$work/page.txt" -j 2
for cmd in docs events "export docs" "gazetteer build" abuse; do
  "$seismo" $cmd --help >"$work/help" 2>&1
  check "'$cmd --help' lists --db, -j and -q" grep -q -- "--db" "$work/help" -a -n "$(grep -- '-j,--threads' "$work/help")" \
    -a -n "$(grep -- '-q,--quiet' "$work/help")"
done

# B. Usage errors: "seismo: ..." on one line, exit status 2.
status "an unknown command exits 2" 2 "$seismo" foo
check "and is named" grep -qx "seismo: 'foo' is not a seismo command; see 'seismo help'" "$work/err"
status "a near miss exits 2" 2 "$seismo" doc
check "and suggests the command" grep -q "'doc' is not a seismo command (did you mean 'docs'?)" "$work/err"
check "without CLI11's text" test -z "$(grep -i 'subcommand is required' "$work/err")"
status "a command without its subcommand exits 2" 2 "$seismo" export
check "and lists the choices" grep -q "^seismo: export: which one? docs, entities, events, stories, reuse or comments" "$work/err"
status "an unexpected argument exits 2" 2 "$seismo" docs --db "$work/t.db" extra
check "and names it" grep -q "^seismo: docs: unexpected argument 'extra'" "$work/err"
status "an unknown option exits 2" 2 "$seismo" docs --nope
check "with the seismo: prefix" grep -q "^seismo: docs: " "$work/err"
status "a bad --format exits 2" 2 "$seismo" events --db "$work/t.db" --format bogus
check "every usage error is one line" test "$(wc -l <"$work/err")" -eq 1
status "seismo alone exits 2" 2 "$seismo"
check "and prints a short usage" grep -q "^usage: seismo .*COMMAND" "$work/err"
status "seismo help exits 0" 0 "$seismo" help
check "and lists the commands" grep -q "events" "$work/out"
status "seismo help events exits 0" 0 "$seismo" help events
check "and prints the command's help" grep -q -- "--since" "$work/out"
status "seismo help export docs" 0 "$seismo" help export docs
check "prints the subcommand's help" grep -q "Usage: seismo export docs" "$work/out"
status "seismo help nosuch exits 2" 2 "$seismo" help nosuch
status "--help still exits 0" 0 "$seismo" --help

# C. Filters are checked: a typo is a usage error, not an empty listing.
for bad in 2022-13-45 2023-02-29 2022-00 22-11 2022-1-5; do
  status "events --since $bad exits 2" 2 "$seismo" events --db "$work/t.db" --since "$bad"
done
check "and says it is not a date" grep -q "^seismo: events: --since: '2022-1-5' is not a date: give YYYY, YYYY-MM or YYYY-MM-DD" "$work/err"
status "docs --until on no calendar exits 2" 2 "$seismo" docs --db "$work/t.db" --until 2022-11-31
for good in 2024-02-29 2022-11 2022; do
  status "events --until $good is a date" 0 "$seismo" events --db "$work/t.db" --until "$good"
done
status "events --type bogus exits 2" 2 "$seismo" events --db "$work/t.db" --type bogus
check "and lists the valid types" grep -q "PLOVER type (.*PROTEST.*), an ACLED event type (.*Protests.*) or sub-event type (.*Peaceful protest" "$work/err"
status "a CAMEO prefix no code has exits 2" 2 "$seismo" events --db "$work/t.db" --type 99
for good in 14 145 protests PROTEST "Peaceful protest"; do
  status "events --type '$good' is a type" 0 "$seismo" events --db "$work/t.db" --type "$good"
done

# D. Piped stdin is read when no path is given; otherwise a path is needed.
printf 'You are a clueless idiot.\n' | "$seismo" abuse >"$work/abuse" 2>"$work/err"
check "abuse reads piped stdin" grep -q '"flagged":true' "$work/abuse"
"$seismo" analyze <"$work/page.txt" >"$work/an" 2>"$work/err"
check "analyze reads stdin from a file" grep -q "Jarinje" "$work/an"
printf 'Kosovo police patrolled Zvečan on Tuesday, the ministry said.\n' | "$seismo" ingest --db "$work/s.db" -q
check "ingest reads piped stdin" grep -q "^[0-9a-f]\{16\} " <("$seismo" docs --db "$work/s.db" -q)
status "abuse with no input at all exits 2" 2 "$seismo" abuse
check "and says what is missing" grep -q "^seismo: abuse: missing paths" "$work/err"
status "analyze with no input at all exits 2" 2 "$seismo" analyze

echo "$((fails == 0 ? 1 : 0)) passed, $fails failed" | sed 's/^1 passed, 0 failed$/cli usage: all checks passed/'
[ "$fails" -eq 0 ]
