#!/usr/bin/env bash
# Lists WordNet synonyms of verbs, to review candidates for the action
# dictionary (data/actions.txt) by hand. It only prints: nothing it lists
# goes into the dictionary unless someone reads the sense and adds it.
#
#   tools/wordnet_synonyms.sh VERB...              every verb sense of each VERB
#   tools/wordnet_synonyms.sh --code 173           the head verbs of code 173's patterns,
#                                                  and synonyms not yet in the dictionary
#   tools/wordnet_synonyms.sh --all                the same for every code with verbs
#
# Options: --dict FILE (default data/actions.txt), --wordnet DIR (default
# /usr/share/wordnet, from Debian's wordnet-base that scripts/setup installs),
# --senses N (only each verb's N most frequent senses; default 3),
# --troponyms (also list the more specific verbs of each sense).
#
# Each sense line reads: the verb, its sense number and how often that sense
# was tagged in WordNet's corpus (senses are numbered by frequency), the
# synonyms (multi-word verbs with spaces: "open fire"), and the gloss. In
# --code mode a synonym already a head verb of the dictionary is shown with
# the codes it heads ("seize=171,192"), so a clash with another code is seen.
set -euo pipefail

dict="$(cd "$(dirname "$0")/.." && pwd)/data/actions.txt"
wordnet=/usr/share/wordnet
senses=3
troponyms=0
mode=verbs
codes=()
verbs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dict) dict="$2"; shift 2 ;;
    --wordnet) wordnet="$2"; shift 2 ;;
    --senses) senses="$2"; shift 2 ;;
    --troponyms) troponyms=1; shift ;;
    --code) mode=code; codes+=("$2"); shift 2 ;;
    --all) mode=all; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "wordnet_synonyms: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) verbs+=("$1"); shift ;;
  esac
done

for f in index.verb data.verb; do
  if [ ! -r "$wordnet/$f" ]; then
    echo "wordnet_synonyms: $wordnet/$f not found (install wordnet-base: scripts/setup)" >&2
    exit 1
  fi
done
if [ ! -r "$dict" ]; then
  if [ "$mode" != verbs ]; then
    echo "wordnet_synonyms: cannot read the action dictionary $dict" >&2
    exit 1
  fi
  dict=/dev/null  # plain verb look-ups need no dictionary
fi
if [ "$mode" = verbs ] && [ ${#verbs[@]} -eq 0 ]; then
  echo "wordnet_synonyms: give verbs, --code CODE or --all (see --help)" >&2
  exit 2
fi

# One awk program reads the dictionary (verb lines: which codes each head
# verb heads), WordNet's verb index (lemma -> synset offsets, most frequent
# first) and its verb data (offset -> words, pointers, gloss), then prints.
# Heads are compared as written in the dictionary, lower case, without the
# irregular alternatives after "/" being lost: "take/took" heads as both.
awk -v mode="$mode" -v want_codes="${codes[*]:-}" -v want_verbs="$(IFS="|"; echo "${verbs[*]:-}")" \
    -v senses="$senses" -v troponyms="$troponyms" '
FILENAME == ARGV[1] {
  if ($1 != "verb") next
  line = $0
  code = line; sub(/^verb[ \t]+/, "", code); sub(/[ \t]*\|.*/, "", code)
  rest = line; sub(/^[^|]*\|/, "", rest)
  n = split(rest, pats, ";")
  for (i = 1; i <= n; ++i) {
    p = pats[i]; gsub(/^[ \t]+|[ \t]+$/, "", p)
    if (p == "") continue
    split(p, pw, /[ \t]+/)
    m = split(pw[1], alts, "/")
    for (j = 1; j <= m; ++j) {
      h = tolower(alts[j])
      if (index("," heads[h] ",", "," code ",") == 0) heads[h] = (heads[h] == "" ? code : heads[h] "," code)
      if (index(" " code_heads[code] " ", " " h " ") == 0) code_heads[code] = code_heads[code] " " h
    }
    # A multi-word pattern is also a WordNet lemma when WordNet lists it
    # ("open fire", "call off"): record it so it is not offered again.
    phrase = tolower(p); gsub(/[ \t]+/, " ", phrase)
    if (index(phrase, " ") > 0 && index(phrase, "/") == 0) {
      if (index("," heads[phrase] ",", "," code ",") == 0) heads[phrase] = (heads[phrase] == "" ? code : heads[phrase] "," code)
    }
    if (!(code in seen_code)) { seen_code[code] = 1; code_order[++ncodes] = code }
  }
  next
}
FILENAME == ARGV[2] {
  if ($0 ~ /^ /) next  # licence header
  lemma = $1; nsyn = $3; nptr = $4
  first = 5 + nptr + 2  # after the pointer symbols, sense_cnt and tagsense_cnt
  offsets[lemma] = ""
  for (i = first; i < first + nsyn; ++i) offsets[lemma] = offsets[lemma] " " $i
  next
}
FILENAME == ARGV[3] {
  if ($0 ~ /^ /) next
  off = $1
  nw = hex($4)
  words = ""
  for (i = 0; i < nw; ++i) {
    w = $(5 + 2 * i); sub(/\([a-z]+\)$/, "", w)
    words = words (words == "" ? "" : "|") w
  }
  synset_words[off] = words
  k = 5 + 2 * nw
  np = $k + 0
  tro = ""
  for (i = 0; i < np; ++i) {
    sym = $(k + 1 + 4 * i); target = $(k + 2 + 4 * i); tpos = $(k + 3 + 4 * i)
    if (sym == "~" && tpos == "v") tro = tro " " target
  }
  synset_troponyms[off] = tro
  g = $0; sub(/^[^|]*\|[ \t]*/, "", g); sub(/[ \t]+$/, "", g)
  gloss[off] = g
  next
}
function hex(s,   i, v) {  # mawk has no strtonum
  v = 0
  for (i = 1; i <= length(s); ++i) v = v * 16 + index("0123456789abcdef", tolower(substr(s, i, 1))) - 1
  return v
}
function show(word) {
  word = tolower(word); gsub(/ /, "_", word)
  return word
}
function spaced(word) { gsub(/_/, " ", word); return word }
function mark(word,   s) {
  s = spaced(word)
  return (s in heads) ? s "=" heads[s] : s
}
# Prints the senses of `verb`; in code mode, returns the synonyms that are
# not yet heads of the dictionary (space separated) through `fresh`.
function senses_of(verb, code_mode,   key, n, offs, i, words, nw, ws, j, out, line, t, nt, ts, tw) {
  key = show(verb)
  if (!(key in offsets)) { print "  " spaced(key) ": not in WordNet as a verb"; return }
  n = split(offsets[key], offs, " ")
  for (i = 1; i <= n && i <= senses; ++i) {
    nw = split(synset_words[offs[i]], ws, "|")
    line = ""
    for (j = 1; j <= nw; ++j) {
      if (tolower(ws[j]) == key) continue
      line = line (line == "" ? "" : ", ") mark(tolower(ws[j]))
      if (code_mode && !(spaced(tolower(ws[j])) in heads)) fresh[spaced(tolower(ws[j]))] = fresh[spaced(tolower(ws[j]))] " " verb "#" i
    }
    printf "  %s#%d: %s\n      %s\n", spaced(key), i, (line == "" ? "(no synonyms)" : line), gloss[offs[i]]
    if (troponyms) {
      nt = split(synset_troponyms[offs[i]], ts, " ")
      line = ""
      for (t = 1; t <= nt; ++t) {
        split(synset_words[ts[t]], tw, "|")
        line = line (line == "" ? "" : ", ") mark(tolower(tw[1]))
        if (code_mode && !(spaced(tolower(tw[1])) in heads)) fresh[spaced(tolower(tw[1]))] = fresh[spaced(tolower(tw[1]))] " " verb "#" i ">"
      }
      if (line != "") printf "      more specific: %s\n", line
    }
  }
}
function review_code(code,   hs, n, i, f, list) {
  if (!(code in code_heads)) { printf "%s: no verb patterns in the dictionary\n", code; return }
  printf "%s: heads%s\n", code, code_heads[code]
  delete fresh
  n = split(code_heads[code], hs, " ")
  for (i = 1; i <= n; ++i) senses_of(hs[i], 1)
  list = ""
  for (f in fresh) list = list "\n    " f "   (from" fresh[f] ")"
  if (list != "") printf "  candidates not yet in the dictionary:%s\n", list
  print ""
}
END {
  if (mode == "verbs") {
    n = split(want_verbs, vs, "|")
    for (i = 1; i <= n; ++i) {
      printf "%s%s\n", vs[i], (tolower(vs[i]) in heads) ? " (heads " heads[tolower(vs[i])] ")" : ""
      senses_of(vs[i], 0)
    }
  } else if (mode == "code") {
    n = split(want_codes, cs, " ")
    for (i = 1; i <= n; ++i) review_code(cs[i])
  } else {
    for (i = 1; i <= ncodes; ++i) review_code(code_order[i])
  }
}' "$dict" "$wordnet/index.verb" "$wordnet/data.verb" | LC_ALL=C sed 's/[ \t]*$//'
