#!/usr/bin/env bash
# seismo parse end to end: plain text and HTML to CoNLL-U, --conllu keeping a
# file's tokenisation, and one-line errors for bad models and usage.
set -u
seismo=$1
shared=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"

printf 'The bridge was closed by the police.\n\nProtesters did not leave.\n' >"$work/a.txt"
"$seismo" parse "$work/a.txt" >"$work/out" 2>"$work/err"
check "parse a text file exits 0" test $? -eq 0
check "prints one sentence per sentence" test "$(grep -c '^# sent_id' "$work/out")" -eq 2
check "the passive subject" grep -qP '^2\tbridge\tbridge\tNOUN\tNN\t_\t4\tnsubj:pass\t' "$work/out"
check "the agent" grep -qP '^7\tpolice\tpolice\tNOUN\tNN\t_\t4\tobl:agent\t' "$work/out"
check "every word line has 10 columns" test -z "$(grep -P '^\d' "$work/out" | awk -F'\t' 'NF!=10')"

printf 'Talks failed.' | "$seismo" parse >"$work/piped" 2>&1
check "reads piped stdin" grep -qP '^1\tTalks\ttalk\tNOUN' "$work/piped"

printf '<html><head><title>Road closed</title></head><body><article><p>Police closed the main road near the border on Monday after clashes.</p></article></body></html>' >"$work/p.html"
"$seismo" parse "$work/p.html" >"$work/html" 2>&1
check "HTML goes through extraction" grep -qP '^\d+\tclashes\tclash\t' "$work/html"

# --conllu keeps the tokenisation (ranges and all) of the test set.
test_set="$shared/treebanks/en_ewt/en_ewt-ud-test.conllu"
awk 'BEGIN{RS="";ORS="\n\n"} NR>20{exit} {print}' "$test_set" >"$work/gold.conllu"
"$seismo" parse --conllu "$work/gold.conllu" >"$work/re.conllu" 2>"$work/err"
check "parse --conllu exits 0" test $? -eq 0
check "same lines but the annotation" \
  diff <(cut -f1,2 "$work/gold.conllu" | grep -v '^#') <(cut -f1,2 "$work/re.conllu" | grep -v '^#')
check "comments kept" diff <(grep '^#' "$work/gold.conllu") <(grep '^#' "$work/re.conllu")
check "heads are predicted" test "$(grep -cP '^\d+\t' "$work/re.conllu")" -eq "$(awk -F'\t' '$1 ~ /^[0-9]+$/ && $7 ~ /^[0-9]+$/' "$work/re.conllu" | wc -l)"

# Errors: one line naming the file.
"$seismo" parse --model "$work/missing.syntax" "$work/a.txt" >/dev/null 2>"$work/err"
check "missing model exits 1" test $? -eq 1
check "and names it on one line" test "$(grep -c "missing.syntax" "$work/err")" -eq 1 -a "$(wc -l <"$work/err")" -eq 1
model=$("$seismo" parse --help | grep -o '/[^ ]*en_ewt.syntax' | head -1)
head -c 5000 "$model" >"$work/short.syntax"
"$seismo" parse --model "$work/short.syntax" "$work/a.txt" >/dev/null 2>"$work/err"
check "truncated model exits 1" test $? -eq 1
check "and says so" grep -q "short.syntax: truncated" "$work/err"
printf '1\tx\n' >"$work/bad.conllu"
"$seismo" parse --conllu "$work/bad.conllu" >/dev/null 2>"$work/err"
check "malformed CoNLL-U exits 1" test $? -eq 1
check "naming file and line" grep -q "bad.conllu line 1:" "$work/err"
"$seismo" parse --conllu "$work/gold.conllu" "$work/a.txt" >/dev/null 2>"$work/err"
check "--conllu with paths is a usage error (exit 2)" test $? -eq 2
check "on one seismo: line" grep -q "^seismo: " "$work/err"
exit $fails
