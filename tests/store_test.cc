#include <gtest/gtest.h>

#include "pipeline/document.h"
#include "store/store.h"
#include "test_files.h"

namespace seismo {
namespace {

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
  {
    Store s(db);
    EXPECT_EQ(s.schema_version(), 6);
    auto run = s.begin_run({"x"});
    s.add(run, doc("aaaa000000000001", "https://example.org/a", "Crossing closed"));
    s.add(run, doc("aaaa000000000001", "https://example.org/a", "Crossing closed"));
    s.add(run, doc("aaaa000000000001", "https://mirror.example.net/a", "Crossing closed"));
    s.finish_run(run);
    EXPECT_EQ(run.documents_new, 1);
    EXPECT_EQ(run.documents_known, 1);
    EXPECT_EQ(run.urls_added, 1);
  }
  Store s(db);  // reopen: migrations are not re-run
  EXPECT_EQ(s.count_documents(), 1);
  EXPECT_EQ(s.count_comments(), 2);
  auto d = s.get_document("aaaa");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->uris.size(), 2u);
  EXPECT_EQ(d->comments[1].parent, 0);
  EXPECT_EQ(d->comments[0].parent, -1);
  EXPECT_FALSE(s.get_document("ffff"));
}

TEST(Store, FullTextSearchFoldsDiacritics) {
  testing::TempDir dir;
  Store s(dir.path() + "/t.db");
  auto run = s.begin_run({"x"});
  s.add(run, doc("bbbb000000000001", "u1", "Crossing closed"));
  s.finish_run(run);
  auto hits = s.search("mitrovice", 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_NE(hits[0].snippet.find("["), std::string::npos);
  EXPECT_EQ(s.search("\"unbalanced", 10).size(), 0u) << "bad FTS syntax falls back to plain words";
  EXPECT_EQ(s.search("jarinje crossing", 10).size(), 1u);
}

TEST(Store, SiteTemplatesLearned) {
  testing::TempDir dir;
  Store s(dir.path() + "/t.db");
  auto run = s.begin_run({"x"});
  for (int i = 0; i < 6; ++i) {
    auto d = doc("cccc00000000000" + std::to_string(i), "u" + std::to_string(i), "T" + std::to_string(i));
    d.paragraph_fingerprints = {42, static_cast<uint64_t>(100 + i)};
    s.add(run, d);
  }
  s.finish_run(run);
  SiteTemplates t;
  s.load_templates(t);
  EXPECT_TRUE(t.is_template("example.org", 42));
  EXPECT_FALSE(t.is_template("example.org", 101));
}

TEST(Store, UnwritablePathIsAClearError) {
  EXPECT_THROW(Store("/nonexistent-dir/x/y.db"), std::runtime_error);
}

TEST(Store, EntitiesRoundTripOnceAndCountByResolution) {
  testing::TempDir dir;
  Store s(dir.path() + "/e.db");
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
  auto run = s.begin_run({"x"});
  s.add(run, d);
  s.add(run, d);  // again: nothing doubles
  s.finish_run(run);
  auto back = s.get_document("bbbb");
  ASSERT_TRUE(back);
  ASSERT_EQ(back->entities.size(), 5u);
  EXPECT_EQ(back->entities[0].place->geonameid, 0u);
  EXPECT_EQ(back->entities[1].place->geonameid, 789225u);
  EXPECT_NEAR(back->entities[1].place->lat, 42.88333, 1e-6);
  EXPECT_EQ(back->entities[3].actor->code, "KSVCOP");
  EXPECT_EQ(back->entities[4].date->value, "--12-10");
  EXPECT_EQ(back->entities[4].date->precision, DatePrecision::kDay);
  auto places = s.count_entities("place", 10);
  ASSERT_EQ(places.size(), 2u);
  EXPECT_EQ(places[0].entity.place->geonameid, 789225u) << "two spellings, one town";
  EXPECT_EQ(places[0].mentions, 2);
  EXPECT_EQ(places[0].documents, 1);
  int n = 0;
  s.for_each_entity("actor", [&](const std::string& id, const EntityMention& m) {
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
  Store s(dir.path() + "/v.db");
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
  auto run = s.begin_run({"x"});
  s.add(run, d);
  s.add(run, d);  // again: nothing doubles
  s.finish_run(run);
  EXPECT_EQ(s.count_events(), 2);
  auto back = s.get_document("cccc");
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

  auto codes = [&](Store::EventQuery q) {
    std::string out;
    s.for_each_event(q, [&](const Store::StoredEvent& row) {
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
}

TEST(Store, DocumentStoredBeforeEventsGainsThemOnce) {
  testing::TempDir dir;
  Store s(dir.path() + "/w.db");
  auto d = doc("dddd000000000001", "https://example.org/w", "Later");
  auto run = s.begin_run({"x"});
  s.add(run, d);  // no event coder ran
  d.events = {closing_event()};
  d.events_coded = true;
  s.add(run, d);
  d.events.push_back(closing_event());
  s.add(run, d);  // coded already: stays as it was
  s.finish_run(run);
  EXPECT_EQ(s.count_events(), 1);
}

// A document cut at the caps says so when read back, as `analyze` said it
// (export docs prints the same JSON); one that was not, does not.
TEST(Store, TruncationNotesRoundTrip) {
  testing::TempDir dir;
  Store s(dir.path() + "/t.db");
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
  auto run = s.begin_run({"x"});
  s.add(run, cut);
  s.add(run, whole);
  s.finish_run(run);
  auto a = s.get_document("eeee000000000001");
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->entities_truncated);
  EXPECT_TRUE(a->events_truncated);
  auto b = s.get_document("eeee000000000002");
  ASSERT_TRUE(b);
  EXPECT_FALSE(b->entities_truncated);
  EXPECT_FALSE(b->events_truncated);
}

TEST(Store, CommentAbuseRoundTripsAndIsScoredOnce) {
  testing::TempDir dir;
  Store s(dir.path() + "/c.db");
  auto d = doc("eeee000000000001", "https://example.org/c", "Comments");
  auto run = s.begin_run({"x"});
  s.add(run, d);  // stored unscored
  AbuseScore a;
  a.flags = AbuseFlags{0.9, 0.8, 0.9, 0.0, 0.0, 0.0};
  a.reasons = {AbuseReason{0, 5, "identity_attack", "shipo"}};
  a.targets = {"albanians"};
  d.comments[0].abuse = a;
  d.comments[1].abuse = AbuseScore{};
  s.add(run, d);  // gains the scores
  AbuseScore other = a;
  other.flags.toxicity = 0.1;
  d.comments[0].abuse = other;
  s.add(run, d);  // scored already: stays
  s.finish_run(run);
  auto back = s.get_document("eeee");
  ASSERT_TRUE(back);
  ASSERT_EQ(back->comments.size(), 2u);
  ASSERT_TRUE(back->comments[0].abuse);
  EXPECT_DOUBLE_EQ(back->comments[0].abuse->flags.toxicity, 0.9);
  ASSERT_EQ(back->comments[0].abuse->reasons.size(), 1u);
  EXPECT_EQ(back->comments[0].abuse->reasons[0].term, "shipo");
  EXPECT_EQ(back->comments[0].abuse->reasons[0].end, 5u);
  EXPECT_EQ(back->comments[0].abuse->targets, std::vector<std::string>{"albanians"});
  int flagged = 0;
  s.for_each_comment({"eeee", true, ""}, [&](const Store::StoredComment& c) {
    EXPECT_EQ(c.ordinal, 0u);
    ++flagged;
  });
  EXPECT_EQ(flagged, 1);
  auto summary = s.abuse_summary(true, 10);
  ASSERT_EQ(summary.size(), 1u);
  EXPECT_EQ(summary[0].key, "Example News");
  EXPECT_EQ(summary[0].comments, 2);
  EXPECT_EQ(summary[0].flagged, 1);
  ASSERT_EQ(summary[0].targets.size(), 1u);
  EXPECT_EQ(summary[0].targets[0].first, "albanians");
}

}  // namespace
}  // namespace seismo
