#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <atomic>
#include <cstdlib>
#include <thread>

#include "pipeline/document.h"
#include "store/schema.h"
#include "store/store.h"
#include "test_files.h"

namespace seismo {
namespace {

// The version a store has after every migration.
int current_version() { return static_cast<int>(schema_migrations().size()); }

// Writes `docs` as one ingest run and returns its counts.
IngestRun ingest(const std::string& path, std::vector<DocumentRecord> docs, WriterOptions options = {}) {
  Database db(path, Access::kWrite);
  IngestWriter w(db, {"test"}, options);
  for (auto& d : docs) w.add(std::move(d));
  w.finish();
  return w.run();
}

// Runs one SQL statement and gives its first column of its first row.
std::string query_one(const std::string& path, const std::string& sql) {
  Database db(path, Access::kRead);
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db.handle());
  std::string out;
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  return out;
}

DocumentRecord doc(const std::string& id, const std::string& uri, const std::string& title) {
  DocumentRecord d;
  d.id = id;
  d.uris = {uri};
  d.title = title;
  d.source = "Example News";
  d.site = "example.org";
  d.body = "The Jarinje crossing was closed.\n\nMitrovicë and Kosovska Mitrovica are one town.";
  d.published = "2022-12-10";
  d.comments = {{"Anna", "2022-12-11T07:47", "first", "en", 0, -1}, {"", "", "reply", "en", 1, 0}};
  d.paragraph_fingerprints = {1, 2};
  return d;
}

TEST(Store, ReingestChangesNothingAndSecondUrlIsRecorded) {
  testing::TempDir dir;
  std::string db = dir.path() + "/t.db";
  auto run = ingest(db, {doc("aaaa000000000001", "https://example.org/a", "Crossing closed"),
                         doc("aaaa000000000001", "https://example.org/a", "Crossing closed"),
                         doc("aaaa000000000001", "https://mirror.example.net/a", "Crossing closed")});
  EXPECT_EQ(run.documents_new, 1);
  EXPECT_EQ(run.documents_known, 1);
  EXPECT_EQ(run.urls_added, 1);
  Database s(db, Access::kRead);  // reopen: migrations are not re-run
  EXPECT_EQ(s.schema_version(), current_version());
  EXPECT_EQ(count_documents(s), 1);
  EXPECT_EQ(count_comments(s), 2);
  auto d = get_document(s, "aaaa");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->uris.size(), 2u);
  EXPECT_EQ(d->comments[1].parent, 0);
  EXPECT_EQ(d->comments[0].parent, -1);
  EXPECT_FALSE(get_document(s, "ffff"));
}

TEST(Store, FullTextSearchFoldsDiacritics) {
  testing::TempDir dir;
  ingest(dir.path() + "/t.db", {doc("bbbb000000000001", "u1", "Crossing closed")});
  Database s(dir.path() + "/t.db", Access::kRead);
  auto hits = search(s, {"mitrovice", SearchScope::kArticles, 10});
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_NE(hits[0].snippet.find("["), std::string::npos);
  EXPECT_EQ(hits[0].snippet.find('\x02'), std::string::npos) << "the language prefix never shows";
  EXPECT_EQ(search(s, {"\"unbalanced", SearchScope::kArticles, 10}).size(), 0u) << "bad FTS syntax falls back to plain words";
  EXPECT_EQ(search(s, {"jarinje crossing", SearchScope::kArticles, 10}).size(), 1u);
}

TEST(Store, SiteTemplatesLearned) {
  testing::TempDir dir;
  std::vector<DocumentRecord> docs;
  for (int i = 0; i < 6; ++i) {
    auto d = doc("cccc00000000000" + std::to_string(i), "u" + std::to_string(i), "T" + std::to_string(i));
    d.paragraph_fingerprints = {42, static_cast<uint64_t>(100 + i)};
    docs.push_back(d);
  }
  ingest(dir.path() + "/t.db", docs);
  SiteTemplates t;
  load_site_templates(Database(dir.path() + "/t.db", Access::kRead), t);
  EXPECT_TRUE(t.is_template("example.org", 42));
  EXPECT_FALSE(t.is_template("example.org", 101));
}

TEST(Store, UnwritablePathIsAClearError) {
  EXPECT_THROW(Database("/nonexistent-dir/x/y.db", Access::kWrite), StoreError);
}

TEST(Store, EntitiesRoundTripOnceAndCountByResolution) {
  testing::TempDir dir;
  auto d = doc("bbbb000000000001", "https://example.org/e", "Entities");
  EntityMention place;
  place.kind = EntityKind::kPlace;
  place.text = "Mitrovicë";
  place.start = 34;
  place.end = 43;
  place.place = ResolvedPlace{"Mitrovicë", 789225, 42.88333, 20.86667, "XK", "PPLA", 0.97};
  EntityMention place2 = place;
  place2.text = "Kosovska Mitrovica";
  place2.start = 48;
  place2.end = 66;
  EntityMention curated = place;
  curated.text = "Jarinje";
  curated.start = 4;
  curated.end = 11;
  curated.place = ResolvedPlace{"Jarinje", 0, 43.156, 20.745, "XK", "PSTB", 1.0};
  EntityMention actor;
  actor.kind = EntityKind::kActor;
  actor.text = "Kosovo police";
  actor.actor = ActorRef{"police of Kosovo", "KSVCOP"};
  EntityMention date;
  date.kind = EntityKind::kDate;
  date.text = "December 10";
  date.date = DateRef{"--12-10", DatePrecision::kDay};
  d.entities = {curated, place, place2, actor, date};
  ingest(dir.path() + "/e.db", {d, d});  // twice: nothing doubles
  Database s(dir.path() + "/e.db", Access::kRead);
  auto back = get_document(s, "bbbb");
  ASSERT_TRUE(back);
  ASSERT_EQ(back->entities.size(), 5u);
  EXPECT_EQ(back->entities[0].place->geonameid, 0u);
  EXPECT_EQ(back->entities[1].place->geonameid, 789225u);
  EXPECT_NEAR(back->entities[1].place->lat, 42.88333, 1e-6);
  EXPECT_EQ(back->entities[3].actor->code, "KSVCOP");
  EXPECT_EQ(back->entities[4].date->value, "--12-10");
  EXPECT_EQ(back->entities[4].date->precision, DatePrecision::kDay);
  auto places = count_entities(s, "place", 10);
  ASSERT_EQ(places.size(), 2u);
  EXPECT_EQ(places[0].entity.place->geonameid, 789225u) << "two spellings, one town";
  EXPECT_EQ(places[0].mentions, 2);
  EXPECT_EQ(places[0].documents, 1);
  int n = 0;
  for_each_entity(s, "actor", [&](const std::string& id, const EntityMention& m) {
    EXPECT_EQ(id, "bbbb000000000001");
    EXPECT_EQ(m.actor->name, "police of Kosovo");
    ++n;
  });
  EXPECT_EQ(n, 1);
}

Event closing_event() {
  Event e;
  e.sentence = "The Jarinje crossing was closed.";
  e.sentence_start = 0;
  e.sentence_end = 32;
  e.target = EventParticipant{"Kosovo police", "KSVCOP", 4, 11};
  e.action = ActionCode{"191", "Impose blockade, restrict movement", -9.5, "SANCTION", "Strategic developments", "Other"};
  e.verb = "closed";
  e.pattern = "close";
  EntityMention place;
  place.kind = EntityKind::kPlace;
  place.text = "Jarinje";
  place.start = 4;
  place.end = 11;
  place.place = ResolvedPlace{"Jarinje", 0, 43.156, 20.745, "XK", "PSTB", 1.0};
  e.place = place;
  e.date = DateRef{"2022-12-10", DatePrecision::kDay};
  e.date_from_publication = true;
  e.attributed_to = "local media";
  e.modality = Modality::kThreatened;
  e.confidence = 0.75;
  return e;
}

TEST(Store, EventsRoundTripOnceAndFilter) {
  testing::TempDir dir;
  auto d = doc("cccc000000000001", "https://example.org/v", "Events");
  Event month = closing_event();
  month.date = DateRef{"2022-11", DatePrecision::kMonth};
  month.action.cameo = "141";
  month.action.acled_event_type = "Protests";
  month.action.plover = "PROTEST";
  month.source = EventParticipant{"Serbs", "SRBETH", 0, 5};
  month.target.reset();
  month.place.reset();
  d.events = {closing_event(), month};
  d.events_coded = true;
  ingest(dir.path() + "/v.db", {d, d});  // twice: nothing doubles
  Database s(dir.path() + "/v.db", Access::kRead);
  EXPECT_EQ(count_events(s), 2);
  auto back = get_document(s, "cccc");
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->events_coded);
  ASSERT_EQ(back->events.size(), 2u);
  const Event& e = back->events[0];
  EXPECT_EQ(e.sentence, "The Jarinje crossing was closed.");
  EXPECT_FALSE(e.source.has_value());
  ASSERT_TRUE(e.target.has_value());
  EXPECT_EQ(e.target->code, "KSVCOP");
  EXPECT_EQ(e.target->end, 11u);
  EXPECT_EQ(e.action.cameo, "191");
  EXPECT_EQ(e.action.plover, "SANCTION");
  EXPECT_DOUBLE_EQ(e.action.goldstein, -9.5);
  ASSERT_TRUE(e.place && e.place->place);
  EXPECT_EQ(e.place->place->geonameid, 0u);
  EXPECT_EQ(e.place->place->feature_code, "PSTB");
  EXPECT_EQ(e.date->value, "2022-12-10");
  EXPECT_TRUE(e.date_from_publication);
  EXPECT_EQ(e.attributed_to, "local media");
  EXPECT_EQ(e.modality, Modality::kThreatened);
  EXPECT_DOUBLE_EQ(e.confidence, 0.75);

  auto codes = [&](EventQuery q) {
    std::string out;
    for_each_event(s, q, [&](const StoredEvent& row) {
      EXPECT_EQ(row.doc_id, "cccc000000000001");
      EXPECT_EQ(row.source, "Example News");
      out += row.event.action.cameo + " ";
    });
    return out;
  };
  EXPECT_EQ(codes({}), "141 191 ") << "in date order";
  EXPECT_EQ(codes({"2022-12-01", "", "", ""}), "191 ");
  EXPECT_EQ(codes({"2022-11-15", "", "", ""}), "141 191 ") << "a month overlaps a date inside it";
  EXPECT_EQ(codes({"", "2022-11-30", "", ""}), "141 ");
  EXPECT_EQ(codes({"", "", "KSV", ""}), "191 ") << "target codes count";
  EXPECT_EQ(codes({"", "", "SRB", ""}), "141 ");
  EXPECT_EQ(codes({"", "", "", "19"}), "191 ") << "CAMEO prefix";
  EXPECT_EQ(codes({"", "", "", "protests"}), "141 ") << "ACLED type, any case";
  EXPECT_EQ(codes({"", "", "", "SANCTION"}), "191 ") << "PLOVER type";
  EXPECT_EQ(codes({"", "", "_", ""}), "") << "LIKE wildcards in a code are literal";
  EXPECT_EQ(codes({"", "", "%", ""}), "");
  EXPECT_EQ(codes({"", "", "", "1_1"}), "");
}

TEST(Store, DocumentStoredBeforeEventsGainsThemOnce) {
  testing::TempDir dir;
  auto d = doc("dddd000000000001", "https://example.org/w", "Later");
  auto coded = d;  // no event coder ran for d
  coded.events = {closing_event()};
  coded.events_coded = true;
  auto recoded = coded;
  recoded.events.push_back(closing_event());  // coded already: stays as it was
  ingest(dir.path() + "/w.db", {d, coded, recoded});
  EXPECT_EQ(count_events(Database(dir.path() + "/w.db", Access::kRead)), 1);
}

// A document cut at the caps says so when read back, as `analyze` said it
// (export docs prints the same JSON); one that was not, does not.
TEST(Store, TruncationNotesRoundTrip) {
  testing::TempDir dir;
  auto cut = doc("eeee000000000001", "https://example.org/big", "Big");
  EntityMention m;
  m.kind = EntityKind::kActor;
  m.text = "NATO";
  m.end = 4;
  m.actor = ActorRef{"NATO", "IGONAT"};
  cut.entities = {m};
  cut.entities_truncated = true;
  cut.events = {closing_event()};
  cut.events_coded = true;
  cut.events_truncated = true;
  auto whole = doc("eeee000000000002", "https://example.org/small", "Small");
  whole.body += " More.";
  ingest(dir.path() + "/t.db", {cut, whole});
  Database s(dir.path() + "/t.db", Access::kRead);
  auto a = get_document(s, "eeee000000000001");
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->entities_truncated);
  EXPECT_TRUE(a->events_truncated);
  auto b = get_document(s, "eeee000000000002");
  ASSERT_TRUE(b);
  EXPECT_FALSE(b->entities_truncated);
  EXPECT_FALSE(b->events_truncated);
}

TEST(Store, CommentAbuseRoundTripsAndIsScoredOnce) {
  testing::TempDir dir;
  auto d = doc("eeee000000000001", "https://example.org/c", "Comments");
  std::vector<DocumentRecord> docs{d};  // stored unscored
  AbuseScore a;
  a.flags = AbuseFlags{0.9, 0.8, 0.9, 0.0, 0.0, 0.0};
  a.reasons = {AbuseReason{0, 5, "identity_attack", "shipo"}};
  a.targets = {"albanians"};
  d.comments[0].abuse = a;
  d.comments[1].abuse = AbuseScore{};
  docs.push_back(d);  // gains the scores
  AbuseScore other = a;
  other.flags.toxicity = 0.1;
  d.comments[0].abuse = other;
  docs.push_back(d);  // scored already: stays
  ingest(dir.path() + "/c.db", docs);
  Database s(dir.path() + "/c.db", Access::kRead);
  auto back = get_document(s, "eeee");
  ASSERT_TRUE(back);
  ASSERT_EQ(back->comments.size(), 2u);
  ASSERT_TRUE(back->comments[0].abuse);
  EXPECT_DOUBLE_EQ(back->comments[0].abuse->flags.toxicity, 0.9);
  ASSERT_EQ(back->comments[0].abuse->reasons.size(), 1u);
  EXPECT_EQ(back->comments[0].abuse->reasons[0].term, "shipo");
  EXPECT_EQ(back->comments[0].abuse->reasons[0].end, 5u);
  EXPECT_EQ(back->comments[0].abuse->targets, std::vector<std::string>{"albanians"});
  int flagged = 0;
  for_each_comment(s, {"eeee", true, ""}, [&](const StoredComment& c) {
    EXPECT_EQ(c.ordinal, 0u);
    ++flagged;
  });
  EXPECT_EQ(flagged, 1);
  auto summary = abuse_summary(s, true, 10);
  ASSERT_EQ(summary.size(), 1u);
  EXPECT_EQ(summary[0].key, "Example News");
  EXPECT_EQ(summary[0].comments, 2);
  EXPECT_EQ(summary[0].flagged, 1);
  ASSERT_EQ(summary[0].targets.size(), 1u);
  EXPECT_EQ(summary[0].targets[0].first, "albanians");
}


// Errors reported from another thread while documents are written (as the
// reader thread does during an ingest) never shift a document's index row:
// every document is found by its own word, and FTS5's integrity check,
// which compares the index with the documents, passes.
TEST(Store, ErrorsFromAnotherThreadNeverCorruptTheIndex) {
  testing::TempDir dir;
  std::string path = dir.path() + "/f.db";
  {
    Database db(path, Access::kWrite);
    IngestWriter w(db, {"x"}, WriterOptions{7, 1u << 20, std::chrono::milliseconds(1000)});
    std::atomic<bool> done{false};
    std::thread errors([&] {
      for (int k = 0; !done; ++k) {
        w.add_error("bad" + std::to_string(k), "empty file");
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
    });
    for (int i = 0; i < 300; ++i) {
      auto d = doc("ffff" + std::to_string(100000000000 + i), "u" + std::to_string(i), "T");
      d.body = "Report zq" + std::to_string(i) + "zq from the crossing.";
      w.add(std::move(d));
    }
    done = true;
    errors.join();
    w.finish();
    EXPECT_GT(w.run().errors, 0);
  }
  Database db(path, Access::kRead);
  for (int i = 0; i < 300; i += 7) {
    auto hits = search(db, {"zq" + std::to_string(i) + "zq", SearchScope::kArticles, 5});
    ASSERT_EQ(hits.size(), 1u) << i;
    EXPECT_NE(hits[0].snippet.find("zq" + std::to_string(i) + "zq"), std::string::npos);
  }
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(db.handle(), "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)",
                         nullptr, nullptr, &err), SQLITE_READONLY) << "a read connection cannot write";
  sqlite3_free(err);
  Database w(path, Access::kWrite);
  EXPECT_NO_THROW(w.exec("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)"));
  EXPECT_NO_THROW(w.exec("INSERT INTO comments_fts(comments_fts, rank) VALUES ('integrity-check', 1)"));
}

TEST(Store, SearchIsStemmedFoldedAndCoversComments) {
  testing::TempDir dir;
  std::string path = dir.path() + "/s.db";
  auto en = doc("abab000000000001", "u1", "Roads blocked");
  en.language = "en";
  en.body = "Serbs barricaded the roads near Zvečan.";
  en.comments = {{"Ana", "", "The protesters are furious about the arrests.", "en", 0, -1}};
  auto sr = doc("abab000000000002", "u2", "Барикаде");
  sr.language = "sr";
  sr.body = "Срби су подигли барикаде у Косовској Митровици.";
  sr.comments.clear();
  ingest(path, {en, sr});
  Database db(path, Access::kRead);
  auto ids = [&](const std::string& q, SearchScope in = SearchScope::kArticles) {
    std::string out;
    for (const auto& h : search(db, {q, in, 10})) out += h.id.substr(15) + (h.comment >= 0 ? "c" : "") + " ";
    return out;
  };
  EXPECT_EQ(ids("barricades"), "1 ") << "a stem finds another form of the word";
  EXPECT_EQ(ids("zvecan"), "1 ") << "diacritics folded";
  EXPECT_EQ(ids("mitrovica"), "2 ") << "Cyrillic folded to Latin, and the Serbian stem joins the case forms";
  EXPECT_EQ(ids("Митровица"), "2 ");
  EXPECT_EQ(ids("arrested"), "") << "comments are not articles";
  EXPECT_EQ(ids("arrested", SearchScope::kComments), "1c ");
  // Both scopes, one article and one comment, in rank order.
  std::string all = ids("furious OR barricade", SearchScope::kAll);
  EXPECT_TRUE(all == "1 1c " || all == "1c 1 ") << all;
}

TEST(Store, SearchQueriesAreCappedAndRepeatsCostNothing) {
  testing::TempDir dir;
  std::string path = dir.path() + "/q.db";
  ingest(path, {doc("acac000000000001", "u1", "Crossing closed")});
  Database db(path, Access::kRead);
  std::string repeated;
  for (int k = 0; k < 2000; ++k) repeated += "crossing ";
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(search(db, {repeated, SearchScope::kArticles, 10}).size(), 1u) << "2,000 repeats are one word";
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
  std::string many;
  for (int k = 0; k < 200; ++k) many += "w" + std::to_string(k) + " OR ";
  many += "crossing";
  EXPECT_THROW(search(db, {many, SearchScope::kArticles, 10}), std::invalid_argument);
  EXPECT_THROW(search(db, {std::string(5000, 'a'), SearchScope::kArticles, 10}), std::invalid_argument);
}

// A page's id is its own text: templates learned from the store may drop a
// paragraph from the stored body, never change which document it is.
TEST(Store, TemplatesCleanTheBodyButNeverChangeTheId) {
  RawDocument raw;
  raw.uri = raw.url = "https://news.example.org/a";
  raw.format = ContentFormat::kHtml;
  raw.content =
      "<html><head><title>Crossing closed</title></head><body><article><h1>Crossing closed</h1>"
      "<p>The Jarinje crossing was closed on Saturday morning by the police after the protest grew.</p>"
      "<p>The weather in the region stayed mild for the season, and many people were outside all day.</p>"
      "</article></body></html>";
  DocumentRecord plain = process_document(raw, {});
  SiteTemplates t;
  auto& site = t.site("news.example.org");
  site.pages = 10;
  site.paragraphs[SiteTemplates::fingerprint(
      "The weather in the region stayed mild for the season, and many people were outside all day.")] = 10;
  Stages stages;
  stages.templates = &t;
  DocumentRecord cleaned = process_document(raw, stages);
  ASSERT_NE(plain.body, cleaned.body) << "the template paragraph was dropped";
  EXPECT_EQ(plain.id, cleaned.id);
}

TEST(Store, ReadAccessNeverCreatesOrWritesAStore) {
  testing::TempDir dir;
  std::string path = dir.path() + "/none.db";
  try {
    Database db(path, Access::kRead);
    FAIL() << "opened a store that does not exist";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("no such store"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  // Not a store at all: named, and said so.
  std::string junk = dir.write("junk.db", std::string(4096, 'x'));
  try {
    Database db(junk, Access::kRead);
    count_documents(db);
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("junk.db: "), std::string::npos) << e.what();
  }
  // A store read leaves its file as it was.
  std::string real = dir.path() + "/real.db";
  ingest(real, {doc("adad000000000001", "u1", "Crossing closed")});
  std::string before = testing::read_file(real);
  {
    Database db(real, Access::kRead);
    EXPECT_EQ(count_documents(db), 1);
    EXPECT_EQ(search(db, {"crossing", SearchScope::kAll, 5}).size(), 1u);
  }
  EXPECT_EQ(testing::read_file(real), before);
}

TEST(Store, ConcurrentFirstOpensMigrateOnce) {
  for (int round = 0; round < 20; ++round) {
    testing::TempDir dir;
    std::string path = dir.path() + "/new.db";
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int k = 0; k < 6; ++k) {
      threads.emplace_back([&] {
        try {
          Database db(path, Access::kWrite);
          if (db.schema_version() != current_version()) ++failures;
        } catch (const std::exception& e) {
          ADD_FAILURE() << e.what();
          ++failures;
        }
      });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures, 0);
  }
}

TEST(Store, AWriterWaitsForAnotherThenNamesTheStoreWhenItGivesUp) {
  testing::TempDir dir;
  std::string path = dir.path() + "/b.db";
  ingest(path, {doc("aeae000000000001", "u1", "One")});
  Database holder(path, Access::kWrite);
  holder.exec("BEGIN IMMEDIATE");
  setenv("SEISMO_BUSY_TIMEOUT_MS", "300", 1);
  try {
    Database db(path, Access::kWrite);
    IngestWriter w(db, {"x"});
    FAIL() << "wrote while another writer held the lock";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.code(), SQLITE_BUSY);
    EXPECT_NE(std::string(e.what()).find(path + ": "), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("write lock"), std::string::npos) << e.what();
  }
  holder.exec("COMMIT");
  // A lock held briefly is waited for, not reported.
  setenv("SEISMO_BUSY_TIMEOUT_MS", "5000", 1);
  holder.exec("BEGIN IMMEDIATE");
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    holder.exec("COMMIT");
  });
  EXPECT_NO_THROW(ingest(path, {doc("aeae000000000002", "u2", "Two")}));
  release.join();
  unsetenv("SEISMO_BUSY_TIMEOUT_MS");
  EXPECT_EQ(count_documents(Database(path, Access::kRead)), 2);
}

TEST(Store, AFullStoreSaysSoAndHowMuchWasNotStored) {
  testing::TempDir dir;
  std::string path = dir.path() + "/full.db";
  ingest(path, {doc("afaf000000000001", "u1", "One")});
  Database db(path, Access::kWrite);
  db.exec("PRAGMA max_page_count = 40");
  IngestWriter w(db, {"x"}, WriterOptions{4, 1u << 30, std::chrono::milliseconds(100000)});
  try {
    for (int i = 0; i < 40; ++i) {
      auto d = doc("afaf1000000000" + std::to_string(10 + i), "u" + std::to_string(i), "T");
      d.body = std::string(20000, 'a' + static_cast<char>(i % 26));
      w.add(std::move(d));
    }
    w.finish();
    FAIL() << "a store limited to 40 pages took 800 KB";
  } catch (const StoreError& e) {
    std::string m = e.what();
    EXPECT_EQ(e.code(), SQLITE_FULL) << m;
    EXPECT_NE(m.find("full"), std::string::npos) << m;
    EXPECT_EQ(m.find("savepoint"), std::string::npos) << m;
    EXPECT_NE(m.find("not stored"), std::string::npos) << m;
  }
}

TEST(Store, AKilledRunReadsAsInterrupted) {
  testing::TempDir dir;
  std::string path = dir.path() + "/k.db";
  ingest(path, {doc("b0b0000000000001", "u1", "One")});
  {
    Database db(path, Access::kWrite);
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    // pid 2^22 + 1 is above Linux's largest pid: no such process.
    db.exec(std::string("INSERT INTO ingest_runs(inputs, status, pid, host) VALUES ('[]', 'running', 4194305, '") + host + "')");
  }
  ingest(path, {});
  EXPECT_EQ(query_one(path, "SELECT group_concat(status, ' ') FROM (SELECT status FROM ingest_runs ORDER BY id)"),
            "finished interrupted finished");
}

TEST(Store, AnOutletWithoutASiteIsKept) {
  testing::TempDir dir;
  std::string path = dir.path() + "/o.db";
  auto d = doc("b1b1000000000001", "seeds/001.txt", "Flat text");
  d.source = "SouthFront";
  d.site.clear();
  ingest(path, {d, d});
  Database db(path, Access::kRead);
  auto docs = list_documents(db, {});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].source, "SouthFront");
  EXPECT_EQ(get_document(db, "b1b1")->source, "SouthFront");
  EXPECT_EQ(abuse_summary(db, true, 5).at(0).key, "SouthFront");
}

TEST(Store, DocumentsListNewestFirstAndFilterByDate) {
  testing::TempDir dir;
  std::string path = dir.path() + "/l.db";
  auto a = doc("b2b2000000000001", "u1", "Older");
  a.published = "2022-11-05";
  auto b = doc("b2b2000000000002", "u2", "Newer");
  b.published = "2022-12-10";
  auto c = doc("b2b2000000000003", "u3", "Undated");
  c.published.clear();
  ingest(path, {a, b, c});
  Database db(path, Access::kRead);
  auto titles = [&](DocumentQuery q) {
    std::string out;
    for (const auto& d : list_documents(db, q)) out += d.title + " ";
    return out;
  };
  EXPECT_EQ(titles({}), "Newer Older Undated ");
  EXPECT_EQ(titles({"", "", DocumentOrder::kOldest, -1}), "Older Newer Undated ");
  EXPECT_EQ(titles({"", "", DocumentOrder::kTitle, -1}), "Newer Older Undated ");
  EXPECT_EQ(titles({"2022-12-01", "", DocumentOrder::kNewest, -1}), "Newer ");
  EXPECT_EQ(titles({"", "2022-11-99", DocumentOrder::kNewest, -1}), "Older ");
  EXPECT_EQ(titles({"", "", DocumentOrder::kNewest, 1}), "Newer ");
}

// A store made by the previous schema gains stemmed search over what it
// already holds, and its flat-text documents their outlet on re-ingest.
TEST(Store, AnOlderStoreIsMigratedWithNothingLost) {
  testing::TempDir dir;
  std::string path = dir.path() + "/old.db";
  ingest(path, {doc("b3b3000000000001", "u1", "Barricades")});
  {
    // Back to version 5: the old index and no comment index.
    Database db(path, Access::kWrite);
    db.exec("DROP TABLE comments_fts; DROP TABLE documents_fts; DROP VIEW documents_search;"
            "CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, content='documents', content_rowid='rowid',"
            " tokenize='unicode61 remove_diacritics 2');"
            "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');"
            "ALTER TABLE ingest_runs DROP COLUMN status; ALTER TABLE ingest_runs DROP COLUMN pid;"
            "ALTER TABLE ingest_runs DROP COLUMN host;"
            "ALTER TABLE documents DROP COLUMN entities_truncated; ALTER TABLE documents DROP COLUMN events_truncated;"
            "ALTER TABLE events DROP COLUMN historical; ALTER TABLE documents DROP COLUMN events_not_coded;"
            "ALTER TABLE entities DROP COLUMN role; ALTER TABLE entities DROP COLUMN parents;"
            "ALTER TABLE events DROP COLUMN place_parents;"
            "DROP TABLE sightings; DROP TABLE reuse_pairs; DROP TABLE reuse_grams; DROP TABLE reuse_bands;"
            "DROP TABLE reuse_indexed; DROP INDEX site_paragraphs_fingerprint;"
            "DROP TABLE stories; DROP TABLE story_documents; DROP TABLE story_terms; DROP TABLE story_term_df;"
            "DROP TABLE occurrences; DROP TABLE event_reports;"
            "UPDATE documents SET source_id = NULL; PRAGMA user_version = 5;");
  }
  auto d = doc("b3b3000000000001", "u1", "Barricades");
  d.body = "Serbs barricaded the roads.";
  {
    Database db(path, Access::kRead);  // migrates, then reads
    EXPECT_EQ(db.schema_version(), current_version());
    EXPECT_EQ(search(db, {"reply", SearchScope::kComments, 5}).size(), 1u);
    EXPECT_EQ(list_documents(db, {}).at(0).source, "");
    auto seen = sightings_of(db, "b3b3000000000001");
    ASSERT_EQ(seen.size(), 1u) << "each stored URL becomes a sighting";
    EXPECT_EQ(seen[0].url, "u1");
  }
  ingest(path, {d});
  EXPECT_EQ(list_documents(Database(path, Access::kRead), {}).at(0).source, "Example News");
}

TEST(Store, CheckFindsAnIndexThatNoLongerMatchesItsRows) {
  testing::TempDir dir;
  std::string path = dir.path() + "/x.db";
  ingest(path, {doc("b4b4000000000001", "u1", "One"), doc("b4b4000000000002", "u2", "Two")});
  Database db(path, Access::kWrite);
  EXPECT_TRUE(check_store(db).empty());
  // What the old writer did: an index entry under another row's id.
  db.exec("UPDATE documents SET body = 'Report zq638zq' WHERE id = 'b4b4000000000002'");
  auto problems = check_store(db);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("documents_fts"), std::string::npos) << problems[0];
}

}  // namespace
}  // namespace seismo
