#!/usr/bin/env bash
# End-to-end through the seismo binary: ingest, idempotent re-ingest,
# docs/show/search/export, bad input in a batch, stdin.
set -u
seismo=$1
shared=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"
db=$work/t.db

if [ -d "$shared/seeds" ]; then
  "$seismo" --db "$db" -q ingest "$shared/seeds" 2>"$work/err1"
  check "ingest seeds exits 0" test $? -eq 0
  "$seismo" --db "$db" ingest "$shared/seeds" 2>"$work/err2"
  check "re-ingest exits 0" test $? -eq 0
  check "re-ingest adds nothing" grep -q "^0 new, 5 already stored" "$work/err2"
  n2=$("$seismo" --db "$db" -q docs | tail -n +2 | wc -l)
  check "five documents listed" test "$n2" -eq 5
  id=$("$seismo" --db "$db" -q search Jarinje | sed -n 2p | cut -c1-6)
  check "search finds Jarinje" test -n "$id"
  "$seismo" --db "$db" show "$id" >"$work/show"
  check "show prints the document" grep -q "Jarinje" "$work/show"
  "$seismo" --db "$db" export docs --format jsonl >"$work/docs.jsonl"
  check "export has five lines" test "$(wc -l <"$work/docs.jsonl")" -eq 5
  for key in '"id"' '"uri"' '"source"' '"title"' '"authors"' '"published"' '"language"' '"body"' '"comments"' '"republished_from"'; do
    check "export field $key" test "$(grep -c "$key" "$work/docs.jsonl")" -eq 5
  done
  check "export names the reprints" grep -q '"republished_from":"InfoBrics"' "$work/docs.jsonl"
  "$seismo" --db "$db" export docs --format csv >"$work/docs.csv"
  check "csv export has a header" grep -q '^id,uri,source,title' "$work/docs.csv"
  # Entities: stored with the documents, exported one per line, listed.
  "$seismo" --db "$db" export entities >"$work/ent.jsonl"
  check "entities exported" test "$(wc -l <"$work/ent.jsonl")" -gt 100
  check "entity has doc_id and offsets" grep -q '"doc_id":"[0-9a-f]\{16\}".*"end":[0-9]*.*"start":[0-9]*' "$work/ent.jsonl"
  check "Leposavich resolves to GeoNames 788731" grep -q '"geonameid":788731.*"text":"Leposavich"' "$work/ent.jsonl"
  check "metonym Belgrade is SRBGOV" grep -q '"actor":{"code":"SRBGOV","name":"Government of Serbia"}.*"text":"Belgrade"' "$work/ent.jsonl"
  "$seismo" --db "$db" export entities --kind date --format csv >"$work/dates.csv"
  check "date csv has header and rows" test "$(grep -c ',date,' "$work/dates.csv")" -gt 5
  # The store was ingested twice above: it must hold each mention once, as
  # many as analyze finds in the same pages without a store.
  analyzed=$("$seismo" -q analyze --no-events "$shared/seeds" | grep -o '"kind":"\(place\|actor\|date\)"' | wc -l)
  check "re-ingest does not double entities" test "$(wc -l <"$work/ent.jsonl")" -eq "$analyzed"
  "$seismo" --db "$db" places >"$work/places"
  check "places lists Zvečan with its id" grep -q "Zvečan.*783770" "$work/places"
  "$seismo" --db "$db" actors --json >"$work/actors"
  check "actors lists KFOR" grep -q '"code":"IGONATKFR"' "$work/actors"
  "$seismo" gazetteer info >"$work/gz"
  check "gazetteer info loads the index" grep -q "^places [0-9]\{6\}" "$work/gz"
  "$seismo" analyze --no-entities "$shared/seeds/"004_*.txt >"$work/noent.json"
  check "--no-entities gives an empty entities array" grep -q '"entities":\[\]' "$work/noent.json"
  # The published Phoenix (PETRARCH) dictionaries load in place of the bundled one.
  if [ -d "$shared/benchmarks/events/petrarch2/dictionaries" ]; then
    "$seismo" analyze --petrarch "$shared/benchmarks/events/petrarch2/dictionaries" "$shared/seeds/"004_*.txt \
      >"$work/phoenix.json" 2>"$work/phoenix.err"
    check "Phoenix dictionaries code NATO" grep -q '"code":"IGOWSTNAT"' "$work/phoenix.json"
    check "metonyms still work with them" grep -q '"actor":{"code":"SRBGOV","name":"Government of Serbia"},"end":8,"kind":"actor","start":0' "$work/phoenix.json"
    check "their malformed dates are named by line" grep -q 'Phoenix.Countries.actors.txt:[0-9]*: bad date' "$work/phoenix.err"
    check "Phoenix verbs code the request to NATO" grep -q '"target":{"code":"IGOWSTNAT","end":[0-9]*,"start":[0-9]*,"text":"NATO"}' "$work/phoenix.json"
    check "a CAMEO event names its verb and pattern" grep -q '"pattern":"[A-Z_ ]*: [^"]*\*[^"]*"' "$work/phoenix.json"
  fi
  # A body in another language is not read for events, and its record says so.
  printf 'Kosovska policija je u subotu uhapsila bivšeg srpskog policajca na prelazu Jarinje. Srbi su zatim blokirali puteve i podigli barikade oko Leposavića.\n' >"$work/sr.txt"
  "$seismo" -q analyze "$work/sr.txt" >"$work/sr.json"
  check "a Serbian body says its events were not coded" grep -q '"events_not_coded":"language sr: events are coded from English only"' "$work/sr.json"
  check "an English body has no such note" grep -q '"events_not_coded":null' "$work/noent.json"
  # Indented JSON is for reading: the contract's order, the id first and
  # the entities and events last, and each object's fields in its order.
  contract='id uri uris source site title authors published published_estimated published_from language script canonical_url republished_from body comments entities entities_truncated events events_truncated events_not_coded'
  "$seismo" -q analyze --pretty "$shared/seeds/"001_*.txt >"$work/pretty.json"
  check "analyze --pretty prints the contract's fields in its order" \
    test "$(sed -n 's/^  "\([a-z_]*\)":.*/\1/p' "$work/pretty.json" | tr '\n' ' ')" = "$contract "
  check "an entity's fields in its order" \
    test "$(sed -n 's/^      "\([a-z_]*\)":.*/\1/p' "$work/pretty.json" | head -4 | tr '\n' ' ')" = "kind text start end "
  "$seismo" --db "$db" show --json "$id" >"$work/show.json"
  check "show --json too" test "$(sed -n 's/^  "\([a-z_]*\)":.*/\1/p' "$work/show.json" | tr '\n' ' ')" = "$contract "
  check "a comment's fields in its order" \
    test "$(sed -n 's/^      "\([a-z_]*\)":.*/\1/p' "$work/show.json" | head -9 | tr '\n' ' ')" = "author posted text language depth parent flags reasons targets "
  cat "$shared/seeds/"001_*.txt | "$seismo" analyze - >"$work/stdin.json"
  check "analyze reads stdin" grep -q "Several hundred Serbs" "$work/stdin.json"
  # Events: coded with the bundled action dictionary, explained, and
  # replaced or switched off from the command line.
  "$seismo" -q analyze "$shared/seeds" >"$work/events.json"
  check "analyze codes events" grep -q '"action":{"acled_event_type":"Strategic developments","acled_sub_event_type":"Other","cameo":"152"' "$work/events.json"
  check "events name their pattern and modality" grep -q '"modality":"asserted","pattern":"raise combat readiness"' "$work/events.json"
  printf 'code 141 | -6.5 | PROTEST | Protests | Peaceful protest | Rally\nverb 141 | protest\nverb 999 | nothing\n' >"$work/actions.txt"
  "$seismo" -q analyze --actions "$work/actions.txt" "$shared/seeds" >"$work/events2.json" 2>"$work/events2.err"
  check "analyze with own actions exits 0" test $? -eq 0
  check "a bad action line is named by file and line" grep -q 'actions.txt:3: ' "$work/events2.err"
  check "only the given actions are coded" test "$(grep -o '"cameo":"[0-9]*"' "$work/events2.json" | sort -u)" = '"cameo":"141"'
  # A --dictionaries directory in seismo's format brings its actors and its actions.
  mkdir -p "$work/own"
  cp "$(dirname "$seismo")/data/actors.txt" "$work/own/actors.txt"
  printf 'code 141 | -6.5 | PROTEST | Protests | Peaceful protest | Rally\nverb 141 | protest\n' >"$work/own/my_actions.txt"
  "$seismo" -q analyze --dictionaries "$work/own" "$shared/seeds" >"$work/events4.json" 2>"$work/events4.err"
  check "--dictionaries DIR takes its action files" test "$(grep -o '"cameo":"[0-9]*"' "$work/events4.json" | sort -u)" = '"cameo":"141"'
  check "and its actors" grep -q '"code":"SRB' "$work/events4.json"
  "$seismo" -q analyze --no-events "$shared/seeds" >"$work/events3.json"
  check "--no-events codes none" test "$(grep -c '"events":\[\]' "$work/events3.json")" -eq 5
  # Stored events: ingest codes them once (the store was ingested twice),
  # as many as analyze codes; filters, formats, export, show.
  "$seismo" --db "$db" export events --each-report >"$work/ev.jsonl"
  check "re-ingest does not double events" test "$(wc -l <"$work/ev.jsonl")" -eq "$(grep -o '"modality":' "$work/events.json" | wc -l)"
  # Stories: one event per occurrence, its reports counted; every report
  # still there with --each-report.
  "$seismo" --db "$db" export events >"$work/occ.jsonl"
  check "events told twice are exported once" test "$(wc -l <"$work/occ.jsonl")" -lt "$(wc -l <"$work/ev.jsonl")"
  check "with their reports counted" test "$(jq -s 'map(.reports) | add' "$work/occ.jsonl")" -eq "$(wc -l <"$work/ev.jsonl")"
  check "the detention once, with the other telling" test "$(jq -c 'select(.sentence | test("detained the former policeman Dejan Pantic")) | [.reports, (.reported_by | length), (.story_id != null)]' "$work/occ.jsonl")" = "[2,1,true]"
  "$seismo" --db "$db" export stories >"$work/stories.jsonl"
  check "export stories: one object per story" test "$(jq -c 'select(.docs | length >= 3) | [.first_seen, .last_seen, (.events | length > 0)]' "$work/stories.jsonl")" = '["2022-12-11","2022-12-13",true]'
  check "every document in one story" test "$(jq -r '.docs[]' "$work/stories.jsonl" | sort -u | wc -l)" -eq 5
  "$seismo" --db "$db" stories >"$work/st"
  check "stories: a table with its header" grep -q "^STORY  FIRST  *LAST  *DOCS  *OUTLETS  *EVENTS  *REPORTS  *TITLE" "$work/st"
  big=$(jq -r 'select(.docs | length >= 3) | .id' "$work/stories.jsonl")
  "$seismo" --db "$db" story "$big" >"$work/story"
  check "story ID lists its documents and how they joined" grep -q "^03174df019097bb6  2022-12-13  Global Research  similarity" "$work/story"
  check "and its events once each" test "$(grep -c 'Dejan Pantic' "$work/story")" -eq 1
  "$seismo" --db "$db" story 03174df0 --format jsonl >"$work/story.json"
  check "a document's prefix opens its story" test "$(jq '.id' "$work/story.json")" -eq "$big"
  check "with its members" test "$(jq '.members | length' "$work/story.json")" -ge 3
  check "an unknown story fails" expect_status 1 "$seismo" --db "$db" story 999
  "$seismo" --db "$db" story 999 2>"$work/err" || true
  check "and says which" grep -q "^seismo: no story 999 in " "$work/err"
  "$seismo" --db "$db" events --story "$big" --format jsonl >"$work/sev"
  check "events --story gives that story's" test "$(jq -r '.story_id' "$work/sev" | sort -u)" = "$big"
  check "exported events are traceable" grep -q '"doc_id":"[0-9a-f]\{16\}".*"id":"[0-9a-f]\{16\}-e[0-9]*".*"outlet":.*"sentence":' "$work/ev.jsonl"
  "$seismo" --db "$db" -q events --type 152 --format jsonl >"$work/ev152.jsonl"
  check "events --type 152 finds combat readiness" grep -q '"pattern":"raise combat readiness"' "$work/ev152.jsonl"
  check "events --type keeps only that code" test "$(grep -o '"cameo":"[0-9]*"' "$work/ev152.jsonl" | sort -u)" = '"cameo":"152"'
  "$seismo" --db "$db" -q events --type Protests --format csv >"$work/evp.csv"
  check "events --type takes an ACLED type" test "$(tail -n +2 "$work/evp.csv" | grep -vc ',"Protests",')" -eq 0
  check "csv has its header" grep -q '^id,doc_id,date,precision,cameo,' "$work/evp.csv"
  "$seismo" --db "$db" -q events --actor SRB --since 2022-12-10 --until 2022-12 --format jsonl >"$work/evs.jsonl"
  check "date and actor filters select" test "$(wc -l <"$work/evs.jsonl")" -gt 0
  check "--since/--until bound the dates" test "$(grep -o '"date":{"from":"[a-z]*","precision":"[a-z]*","value":"[^"]*"' "$work/evs.jsonl" | grep -vc 'value":"2022-12-\(1[0-9]\|2[0-9]\|3[01]\)')" -eq 0
  check "--actor matches source or target" test "$(grep -vc '"code":"SRB' "$work/evs.jsonl")" -eq 0
  "$seismo" --db "$db" -q events --place Pristina --format jsonl >"$work/evm1.jsonl"
  "$seismo" --db "$db" -q events --place Prishtinë --format jsonl >"$work/evm2.jsonl"
  check "--place finds events at Pristina" test "$(wc -l <"$work/evm1.jsonl")" -gt 0
  check "--place in either language finds the same" cmp -s "$work/evm1.jsonl" "$work/evm2.jsonl"
  # Containment: a country's name, in any language or script, finds the
  # events at the places inside it, not only at its own point.
  for name in Kosovo Kosova Kosovë Косово; do
    "$seismo" --db "$db" -q events --place "$name" --format jsonl >"$work/evk-$name.jsonl"
  done
  check "--place Kosovo finds events inside Kosovo" grep -q '"feature_code":"PPL' "$work/evk-Kosovo.jsonl"
  check "--place Kosovo finds no events outside it" test "$(grep -vc '"country":"XK"' "$work/evk-Kosovo.jsonl")" -eq 0
  check "--place Kosova, Kosovë, Косово find the same" sh -c "cmp -s '$work/evk-Kosovo.jsonl' '$work/evk-Kosova.jsonl' && cmp -s '$work/evk-Kosovo.jsonl' '$work/evk-Kosovë.jsonl' && cmp -s '$work/evk-Kosovo.jsonl' '$work/evk-Косово.jsonl'"
  "$seismo" --db "$db" -q events --country xk --format jsonl >"$work/evxk.jsonl"
  check "--country XK finds what --place Kosovo finds" cmp -s "$work/evk-Kosovo.jsonl" "$work/evxk.jsonl"
  check "--place with a name nobody knows fails" expect_status 1 "$seismo" --db "$db" -q events --place Nowhereville-on-Sea
  check "and says so in one line" sh -c "'$seismo' --db '$db' -q events --place Nowhereville-on-Sea 2>&1 >/dev/null | grep -q \"^seismo: no place named 'Nowhereville-on-Sea'\""
  "$seismo" --db "$db" -q events --format geojson >"$work/ev.geojson"
  check "geojson is a FeatureCollection of points" grep -q '^{"type":"FeatureCollection","features":\[' "$work/ev.geojson"
  # Without a JSON tool the test would need installing: one feature per line,
  # each a point, and the collection closed.
  features=$(grep -c '^{"geometry":{"coordinates":\[[-0-9.]*,[-0-9.]*\],"type":"Point"},"properties":{.*},"type":"Feature"},\?$' "$work/ev.geojson")
  check "geojson features are points" test "$features" -gt 0 -a "$features" -eq "$(($(wc -l <"$work/ev.geojson") - 2))"
  check "geojson collection is closed" test "$(tail -1 "$work/ev.geojson")" = "]}"
  # Readable tables: headers, the document id, sized to $COLUMNS, never
  # cut when piped, partial dates said as they are and sorted after full ones.
  check "places has a header" grep -q "^MENTIONS  DOCS  PLACE  *CC  *LAT  *LON  GEONAMES  ROLE  *WRITTEN AS$" <("$seismo" --db "$db" -q places)
  check "places says which mentions are demonyms" grep -q " demonym  *Serbian$" <("$seismo" --db "$db" -q places)
  check "places --by country groups by country" grep -q "^ *[0-9]*  *[0-9]*  *[0-9]*  XK  Kosovo$" <("$seismo" --db "$db" -q places --by country)
  check "places --by takes country or region only" expect_status 2 "$seismo" --db "$db" -q places --by planet
  check "actors has a header" grep -q "^MENTIONS  DOCS  CODE  *NAME$" <("$seismo" --db "$db" -q actors)
  unset COLUMNS
  "$seismo" --db "$db" -q events >"$work/evt"
  # Modality and history filter what the table shows, and say so in the action.
  "$seismo" --db "$db" -q events --historical only >"$work/evt-past"
  check "--historical only keeps the acts told as background" test "$(tail -n +2 "$work/evt-past" | grep -vc '\[[a-z, ]*past\]')" -eq 0
  check "and there are some in the seeds" test "$(tail -n +2 "$work/evt-past" | wc -l)" -gt 0
  "$seismo" --db "$db" -q events --historical exclude --format jsonl >"$work/evt-now.jsonl"
  check "--historical exclude leaves none" test "$(grep -c '"historical":true' "$work/evt-now.jsonl")" -eq 0
  "$seismo" --db "$db" -q events --modality denied,threatened --format jsonl >"$work/evt-mod.jsonl"
  check "--modality keeps only those" test "$(grep -vc '"modality":"\(denied\|threatened\)"' "$work/evt-mod.jsonl")" -eq 0
  check "--modality finds the seeds' denials" grep -q '"modality":"denied"' "$work/evt-mod.jsonl"
  "$seismo" --db "$db" -q events --modality sure >/dev/null 2>"$work/evt-bad"; rc=$?
  check "an unknown modality is a usage error" test "$rc" -eq 2
  check "events table names the document" grep -q "^DOC  *DATE  *CAMEO  *ACTION" "$work/evt"
  check "every event row starts with its document id" test "$(tail -n +2 "$work/evt" | grep -vc '^[0-9a-f]\{16\}  ')" -eq 0
  check "piped, sentences are not cut" grep -q "in the city of Kosovska Mitrovica and destroyed it, director of the Serbian government's Office for Kosovo and Metohia Petar Petkovic wrote on Twitter at the time.$" "$work/evt"
  check "a month without a year is said so" grep -q "(month 11, year unknown)" "$work/evt"
  check "and sorts after the full dates" test "$(grep -n 'year unknown' "$work/evt" | head -1 | cut -d: -f1)" -gt "$(grep -n '  2022-12-' "$work/evt" | tail -1 | cut -d: -f1)"
  COLUMNS=140 "$seismo" --db "$db" -q events --each-report >"$work/evt120"
  check "COLUMNS=140 fits the table" test "$(LC_ALL=C.UTF-8 wc -L <"$work/evt120")" -le 140
  check "and keeps place names whole" grep -q "Kosovo-Mitrovica / Mitrovicë" "$work/evt120"
  # docs, search and comments are tables too: a CJK title (two columns a
  # character) keeps the columns after it aligned; the words that raised
  # each flag are shown as written (offsets count code points: "Č", "—" and
  # "北京" come before "idiot").
  cat >"$work/cjk.html" <<'HTML'
<!doctype html><html lang="en"><head><title>北京市政府宣布新的交通规划方案</title><meta property="og:site_name" content="Example Metropolitan News Service"></head><body>
<article><p>Officials in Beijing announced the zebrafinch transport plan on Tuesday, saying that new metro lines would open within three years and that buses would run through the night.</p>
<p>The plan was presented to the city council, which approved it after a long debate about its cost and about the routes the new lines would take through the older districts.</p>
<p>Residents said they had waited for better transport for a long time, and several groups asked for more stations in the suburbs where most of them live and work.</p></article>
<div id=comments class=comments-area><h2>2 Comments</h2><ol class=comment-list>
<li class=comment id=comment-1><div class=comment-author><cite class=fn>Žarko</cite> says:</div><div class=comment-content><p>Čitao sam — “北京” writer, you are a clueless idiot and nobody reads you.</p></div></li>
<li class=comment id=comment-2><div class=comment-author><cite class=fn>Anna</cite></div><div class=comment-content><p>I like the new lines very much.</p></div></li>
</ol></div></body></html>
HTML
  tdb=$work/tables.db
  "$seismo" --db "$tdb" -q ingest "$shared/seeds" "$work/cjk.html"
  width() { printf '%s' "$1" | LC_ALL=C.UTF-8 wc -L; }
  "$seismo" --db "$tdb" -q docs >"$work/docs"
  check "docs has a header" grep -q "^ID  *DATE  *SOURCE  *COMMENTS  TITLE$" "$work/docs"
  check "every docs row starts with its id" test "$(tail -n +2 "$work/docs" | grep -vc '^[0-9a-f]\{16\}  ')" -eq 0
  check "piped, docs cuts no source" grep -q "  Example Metropolitan News Service  " "$work/docs"
  COLUMNS=100 "$seismo" --db "$tdb" -q docs >"$work/docs100"
  check "COLUMNS=100 fits docs" test "$(LC_ALL=C.UTF-8 wc -L <"$work/docs100")" -le 100
  check "by cutting titles, not ids" test "$(tail -n +2 "$work/docs100" | grep -vc '^[0-9a-f]\{16\}  ')" -eq 0 -a "$(grep -c '…$' "$work/docs100")" -gt 0
  "$seismo" --db "$tdb" -q search zebrafinch >"$work/cjks"
  check "search has a header" grep -q "^ID  *DATE  *SOURCE  *IN  *TITLE  *SNIPPET$" "$work/cjks"
  check "search aligns the snippet after a CJK title" \
    test "$(width "$(sed -n 1p "$work/cjks" | sed 's/SNIPPET$//')")" -eq "$(width "$(sed -n 2p "$work/cjks" | sed 's/Officials.*//')")"
  check "search says where the hit is" grep -q "^[0-9a-f]\{16\}  .*  article  北京" "$work/cjks"
  "$seismo" --db "$tdb" -q search --in comments majmune >"$work/cs"
  check "a comment hit names the comment and its author" grep -q "  comment [0-9]* by (anonymous)  " "$work/cs"
  COLUMNS=120 "$seismo" --db "$tdb" -q search --in all kosovo >"$work/cs120"
  check "COLUMNS=120 fits search" test "$(LC_ALL=C.UTF-8 wc -L <"$work/cs120")" -le 120
  "$seismo" --db "$tdb" comments --summary document >"$work/sum"
  check "summary has a header" grep -q "^DOCUMENT  *TITLE  *COMMENTS  FLAGGED  SHARE  GROUPS ATTACKED (comments)$" "$work/sum"
  check "summary aligns its numbers after a CJK title" \
    test "$(width "$(sed -n 1p "$work/sum" | sed 's/GROUPS ATTACKED (comments)$//')")" -eq "$(width "$(grep '北京' "$work/sum" | sed 's/-$//')")"
  check "summary by outlet has a header" grep -q "^OUTLET  *COMMENTS  FLAGGED  SHARE  GROUPS ATTACKED (comments)$" \
    <("$seismo" --db "$tdb" comments --summary outlet)
  "$seismo" --db "$tdb" -q comments --flagged >"$work/ct"
  check "comments has a header" grep -q "^DOC  *#  *TOX  FLAGS  AUTHOR  *WORDS  *TEXT$" "$work/ct"
  check "comments shows the words as written, with the lexicon term" grep -q "  majmune (majmun~, insult)  *You need English lessons, majmune !!$" "$work/ct"
  check "words after CJK text are read by code points" grep -q "  Žarko  *clueless (insult); idiot (idiot~, insult)  *Čitao sam" "$work/ct"
  COLUMNS=120 "$seismo" --db "$tdb" -q comments >"$work/ct120"
  check "COLUMNS=120 fits comments" test "$(LC_ALL=C.UTF-8 wc -L <"$work/ct120")" -le 120
  check "and keeps the ids" test "$(tail -n +2 "$work/ct120" | grep -vc '^[0-9a-f]\{16\}  ')" -eq 0
  cjk=$(grep '北京' "$work/docs" | cut -d' ' -f1)
  check "show names the words after FLAGGED" grep -q "^\[1\] Žarko .*FLAGGED insult [0-9.]*: clueless (insult); idiot (idiot~, insult)$" \
    <("$seismo" --db "$tdb" show "$cjk")
  "$seismo" --db "$db" events --since 2022-13-40x >/dev/null 2>"$work/everr"
  check "a bad date is a clear error" grep -q "not a date" "$work/everr"
  "$seismo" --db "$db" show "$id" >"$work/show2"
  check "show marks events in the text" grep -q '\[E1\(,E[0-9]*\)*\]' "$work/show2"
  check "show lists the events" grep -q '^\[E1\] ' "$work/show2"
  # Comment abuse flags: stored with the comments, listed, summarised,
  # exported, and scored for texts from elsewhere.
  "$seismo" --db "$db" -q comments --flagged --format jsonl >"$work/flagged.jsonl"
  check "flagged comments listed" test "$(wc -l <"$work/flagged.jsonl")" -gt 5
  check "majmune is flagged as an insult" grep -q '"insult":0.8.*"text":"You need English lessons, majmune !!"' "$work/flagged.jsonl"
  check "every listed comment is flagged" test "$(grep -c '"flagged":true' "$work/flagged.jsonl")" -eq "$(wc -l <"$work/flagged.jsonl")"
  "$seismo" --db "$db" -q comments --format jsonl >"$work/allc.jsonl"
  check "civil comment is not flagged" grep -q '"flagged":false.*"text":"They play both sides mostly."' "$work/allc.jsonl"
  "$seismo" --db "$db" -q export docs >"$work/docs2.jsonl"
  check "export docs carries comment flags and reasons" grep -q '"flags":{"identity_attack":[0-9.]*,"insult":[0-9.]*,"profanity":[0-9.]*,"sexual":[0-9.]*,"threat":[0-9.]*,"toxicity":[0-9.]*},"language":"[a-z]*","parent":[a-z0-9]*,"posted":[^,]*,"reasons":\[{"category":' "$work/docs2.jsonl"
  "$seismo" --db "$db" export comments --format csv >"$work/comments.csv"
  check "export comments csv has a header" grep -q '^doc_id,ordinal,outlet,author,posted,language,depth,parent,toxicity' "$work/comments.csv"
  check "export comments has every comment" test "$(wc -l <"$work/allc.jsonl")" -eq "$("$seismo" --db "$db" export comments | wc -l)"
  "$seismo" --db "$db" comments --summary document >"$work/summary"
  check "summary names the groups attacked" grep -q 'albanians' "$work/summary"
  "$seismo" --db "$db" comments nosuchdoc >/dev/null 2>"$work/cerr"
  check "comments of an unknown document is an error" grep -q "nosuchdoc: no such document" "$work/cerr"
  printf 'You are a clueless idiot.\n{"id": "c2", "text": "Ukraine also supports Serbia."}\n{"id": 3}\n' | "$seismo" abuse - >"$work/abuse.jsonl" 2>"$work/abuse.err"
  check "abuse exits 1 on a bad line" test $? -eq 1
  check "abuse names the bad line" grep -q -- "seismo: - line 3: not a JSON object" "$work/abuse.err"
  check "abuse scores plain lines" grep -q '"flagged":true.*"insult":0.75.*"line":1' "$work/abuse.jsonl"
  check "abuse keeps JSON ids" grep -q '"flagged":false.*"id":"c2"' "$work/abuse.jsonl"
  "$seismo" --db "$work/noabuse.db" -q ingest --no-abuse "$shared/seeds"
  check "--no-abuse stores comments unscored" grep -q '"flags":null' <("$seismo" --db "$work/noabuse.db" -q comments --format jsonl)
  "$seismo" --db "$work/noabuse.db" -q ingest "$shared/seeds"
  check "a re-ingest scores them once" test "$("$seismo" --db "$work/noabuse.db" -q comments --format jsonl | grep -c '"flags":null')" -eq 0
fi

# A batch with bad input: every good document still goes in, exit status 1.
mkdir -p "$work/batch"
printf '' >"$work/batch/empty.txt"
head -c 3000 /dev/urandom >"$work/batch/junk.bin"
printf 'A perfectly ordinary page of text about a bridge that the council approved.\n' | gzip >"$work/batch/good.txt.gz"
printf 'Another ordinary page of text, this one about the river and the town nearby.\n' | gzip | head -c 30 >"$work/batch/cut.txt.gz"
printf 'Third ordinary page of text, plain and simple, about the municipal elections.\n' >"$work/batch/plain.txt"
"$seismo" --db "$work/bad.db" -q ingest "$work/batch" "$work/missing" 2>"$work/err3"
rc=$?
[ -n "${VERBOSE:-}" ] && cat "$work/err3"
check "bad batch exits 1" test $rc -eq 1
check "empty file named" grep -q "empty.txt: empty" "$work/err3"
check "binary file named" grep -q "junk.bin: binary" "$work/err3"
check "truncated gzip named" grep -q "cut.txt.gz: truncated gzip" "$work/err3"
check "missing path named" grep -q "missing: no such file" "$work/err3"
check "one line per error" test "$(wc -l <"$work/err3")" -eq 4
check "good documents stored" test "$("$seismo" --db "$work/bad.db" -q docs | tail -n +2 | wc -l)" -eq 2

# --max-doc-mb reaches the reader: a 2 MiB page is refused at 1 MiB, kept at 4.
head -c $((2 << 20)) /dev/zero | tr '\0' 'a' >"$work/big.txt"
"$seismo" -q analyze --max-doc-mb 1 "$work/big.txt" >/dev/null 2>"$work/err4"
rc=$?
check "oversized document refused with exit 1" test $rc -eq 1
check "oversized document named" grep -q "big.txt: document is larger than the 1 MiB limit" "$work/err4"
"$seismo" -q analyze --max-doc-mb 4 "$work/big.txt" >/dev/null 2>&1
check "larger limit accepts it" test $? -eq 0

# TABARI's validation suite from the command line, and its project coding a
# document: --tabari PROJECT chooses the dictionaries, a bad pattern is
# named by file and line and the rest still codes.
if [ -f "$shared/benchmarks/events/tabari/Validate.project" ]; then
  "$seismo" validate --tabari "$shared/benchmarks/events/tabari/Validate.project" >"$work/val.txt" 2>/dev/null
  check "validate exits 0" test $? -eq 0
  check "validate prints the standard records' share" grep -q '^standard *9[7-9]\.[0-9]%' "$work/val.txt"
  check "validate prints record groups" grep -q '^PATTERN ' "$work/val.txt"
  "$seismo" validate --petrarch "$shared/benchmarks/events/petrarch2" >"$work/pval.txt" 2>/dev/null
  check "validate --petrarch reads the XML records" grep -q '^SYNSET ' "$work/pval.txt"
  mkdir -p "$work/tab"
  cp "$shared/benchmarks/events/tabari/TABARI.Demo.actors" "$shared/benchmarks/events/tabari/Validate.agents" "$work/tab/"
  { cat "$shared/benchmarks/events/tabari/TABARI.Demo.verbs" | sed 's/^~~FINISH.*//'; printf 'QUARREL [111]\n- * { BROKEN [222]\n'; } >"$work/tab/t.verbs"
  printf '<actorsfile> TABARI.Demo.actors\n<verbsfile> t.verbs\n<agentsfile> Validate.agents\n' >"$work/tab/t.project"
  printf 'Arnor signed an accord with Gondor on trade, officials said.\n\nLater Arnor quarrelled with Rohan over the border.\n' >"$work/tab/doc.txt"
  "$seismo" analyze --tabari "$work/tab/t.project" "$work/tab/doc.txt" >"$work/tab/out.json" 2>"$work/tab/err"
  check "analyze --tabari exits 0" test $? -eq 0
  check "analyze --tabari codes with the project" grep -q '"source":{"code":"ARN","end":5,"start":0,"text":"Arnor"},"target":{"code":"GON","end":[0-9]*,"start":[0-9]*,"text":"Gondor"}' "$work/tab/out.json"
  check "a pattern that cannot compile is named" grep -q "t.verbs:[0-9]*: pattern .*'{' without '}'" "$work/tab/err"
  check "and the verbs after it still code" grep -q '"cameo":"111"' "$work/tab/out.json"
  head -c 3000 /dev/urandom >"$work/tab/junk.txt"
  "$seismo" validate --tabari "$work/tab/t.project" --text "$work/tab/junk.txt" >/dev/null 2>"$work/tab/err3"
  check "validate on junk says there are no records" test $? -ne 0 -a -n "$(grep 'junk.txt: no validation records' "$work/tab/err3")"
  "$seismo" validate --tabari "$work/missing.project" >/dev/null 2>"$work/tab/err2"
  check "validate with a missing project fails with its name" test $? -ne 0 -a -n "$(grep missing.project "$work/tab/err2")"
fi

# A missing default gazetteer: one warning saying how to get one; actors
# still coded. A gazetteer asked for by name and missing is an error.
printf 'NATO said Belgrade must act.\n' >"$work/n.txt"
printf 'NATO | North Atlantic Treaty Organization\n  IGONAT\nbroken role line\n  X Y Z\n' >"$work/actors.txt"
SEISMO_GAZETTEER="$work/none.idx" "$seismo" analyze --dictionaries "$work/actors.txt" "$work/n.txt" >"$work/n.json" 2>"$work/n.err"
check "analyze runs without a gazetteer" test $? -eq 0
check "missing gazetteer said once" test "$(grep -c 'places will not be resolved' "$work/n.err")" -eq 1
check "bad dictionary line named with its number" grep -q "actors.txt:4: expected CODE" "$work/n.err"
check "actor still coded" grep -q '"code":"IGONAT"' "$work/n.json"

"$seismo" analyze --gazetteer "$work/none.idx" "$work/n.txt" >/dev/null 2>"$work/n2.err"
check "a missing --gazetteer exits 2" test $? -eq 2
check "and names the file" grep -q "^seismo: analyze: --gazetteer: .*$work/none.idx" "$work/n2.err"

# A GeoNames dump where an index is expected: compiled once into the cache
# directory (not beside it), keyed by its path, size and mtime, reused.
export XDG_CACHE_HOME=$work/cache
printf '783770\tZvečan\tZvecan\tZvecan,Звечан\t42.9075\t20.84028\tP\tPPLA2\tXK\t\t01\t\t\t\t17000\t\t0\tEurope/Belgrade\t2020-01-01\n' >"$work/geo.txt"
printf 'Police came to Звечан on Monday.\n' >"$work/z.txt"
"$seismo" analyze --gazetteer "$work/geo.txt" "$work/z.txt" >"$work/z.json" 2>"$work/z.err"
check "a GeoNames dump is compiled on first use" grep -q "building a gazetteer cache of it in $work/cache/seismo/" "$work/z.err"
check "and resolves with it" grep -q '"geonameid":783770' "$work/z.json"
check "nothing is written beside the dump" test -z "$(ls "$work" | grep '^geo\.txt.')"
check "the cache is in XDG_CACHE_HOME/seismo" test "$(ls "$work/cache/seismo" | grep -c '^geo\.txt-.*\.idx$')" -eq 1
"$seismo" analyze --gazetteer "$work/geo.txt" "$work/z.txt" >/dev/null 2>"$work/z2.err"
check "the compiled index is reused" test ! -s "$work/z2.err"
printf '792578\tLeposavić\tLeposavic\tLeposavich\t43.10389\t20.80278\tP\tPPLA2\tXK\t\t01\t\t\t\t18600\t\t0\tEurope/Belgrade\t2020-01-01\n' >>"$work/geo.txt"
"$seismo" analyze --gazetteer "$work/geo.txt" "$work/z.txt" >/dev/null 2>"$work/z3.err"
check "a changed dump is compiled again" grep -q "building a gazetteer cache" "$work/z3.err"
check "replacing its old cache" test "$(ls "$work/cache/seismo" | grep -c '^geo\.txt-.*\.idx$')" -eq 1
cp "$work/geo.txt" "$work/geo2.txt"
"$seismo" analyze --gazetteer "$work/geo2.txt" "$work/z.txt" >/dev/null 2>"$work/z4.err"
check "another path is another cache" grep -q "building a gazetteer cache" "$work/z4.err"
unset XDG_CACHE_HOME

# An index built without countries resolves "Kosovo" to a town: said.
"$seismo" gazetteer build --geonames "$work/geo.txt" -o "$work/nocountries.idx" 2>"$work/gb.err"
check "gazetteer build without countries warns" grep -q "nocountries.idx: holds no countries" "$work/gb.err"
check "gazetteer info counts countries" grep -q "^countries [0-9]\{3\}" <("$seismo" gazetteer info)

echo "$((fails == 0 ? 1 : 0)) passed, $fails failed" | sed 's/^1 passed, 0 failed$/cli end-to-end: all checks passed/'
[ "$fails" -eq 0 ]
