// The stories area of the store on the seeds, read by the whole pipeline:
// the December 2022 pages in one story and the May 2023 protest in its
// own, the two tellings of the 10 December detention one event with two
// reports, a placement that grows page by page to what one made at once,
// and bad input that costs nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "common/hash.h"
#include "entities/entities.h"
#include "events/events.h"
#include "ingest/ingest.h"
#include "pipeline/document.h"
#include "store/store.h"
#include "test_files.h"

namespace seismo {
namespace {

// The seeds as `seismo ingest` reads them, processed once for all tests.
const std::vector<DocumentRecord>& seeds() {
  static const std::vector<DocumentRecord> docs = [] {
    std::vector<DocumentRecord> out;
    auto paths = testing::seed_paths(SEISMO_SHARED_DIR);
    if (paths.empty()) return out;
    std::vector<std::string> warnings;
    auto entities = EntityRecognizer::load(EntityOptions{}, warnings);
    auto events = EventCoder::load(EventOptions{}, warnings);
    for (const auto& p : paths) {
      DocumentReader r({p}, {}, [](const IngestError&) {});
      RawDocument raw;
      if (r.next(raw)) out.push_back(process_document(raw, Stages{nullptr, entities.get(), events.get(), nullptr}));
    }
    return out;
  }();
  return docs;
}

void store(const std::string& path, const std::vector<DocumentRecord>& docs) {
  Database db(path, Access::kWrite);
  {
    IngestWriter w(db, {"test"});
    for (auto d : docs) w.add(std::move(d));
    w.finish();
  }
  update_reuse(db, ReuseOptions{});
  update_stories(db, StoryOptions{});
}

// Each document's story, as sets of documents (story numbers aside).
std::set<std::set<std::string>> partition(const Database& db) {
  std::set<std::set<std::string>> out;
  for (const auto& s : list_stories(db, StoryQuery{})) {
    std::set<std::string> members;
    auto story = get_story(db, s.id);
    for (const auto& m : story->documents) members.insert(m.id);
    out.insert(members);
  }
  return out;
}

class StorySeeds : public ::testing::Test {
 protected:
  void SetUp() override {
    if (seeds().size() != 5) GTEST_SKIP() << "no ../shared/seeds";
  }
  const DocumentRecord& seed(size_t i) const { return seeds()[i]; }
  testing::TempDir dir_;
};

TEST_F(StorySeeds, DecemberPagesAreOneStoryAndTheMayProtestAnother) {
  const std::string path = dir_.path("s.db");
  store(path, seeds());
  Database db(path, Access::kRead);
  auto december = story_of(db, seed(2).id);  // "Alarms sound in Serbian enclaves", 11 December
  ASSERT_TRUE(december);
  EXPECT_EQ(story_of(db, seed(3).id), december);  // Global Research, 13 December
  EXPECT_EQ(story_of(db, seed(0).id), december);  // SouthFront, which shares passages with it
  auto may = story_of(db, seed(1).id);            // protests at the municipal buildings, May 2023
  ASSERT_TRUE(may);
  EXPECT_NE(may, december);
  auto story = get_story(db, *december);
  ASSERT_TRUE(story);
  EXPECT_EQ(story->summary.first_seen, "2022-12-11");
  EXPECT_EQ(story->summary.last_seen, "2022-12-13");
  EXPECT_FALSE(story->summary.title.empty());
  EXPECT_GE(story->summary.outlets, 2);
  EXPECT_LT(story->summary.events, story->summary.reports);  // some events were told twice
}

TEST_F(StorySeeds, TheTwoTellingsOfTheTenthDecemberDetentionAreOneEventWithTwoReports) {
  const std::string path = dir_.path("s.db");
  store(path, seeds());
  Database db(path, Access::kRead);
  std::vector<StoredEvent> detentions;
  EventQuery q;
  q.type = "173";
  for_each_event(db, q, [&](const StoredEvent& e) {
    if (e.event.sentence.find("Pantic") != std::string::npos) detentions.push_back(e);
  });
  ASSERT_EQ(detentions.size(), 1u) << "one occurrence, not one per outlet";
  const StoredEvent& d = detentions[0];
  EXPECT_EQ(d.reports, 2);
  EXPECT_EQ(d.doc_id, seed(2).id) << "the first published telling stands for it";
  EXPECT_EQ(d.story_id, *story_of(db, seed(2).id));
  auto others = occurrence_reports(db, d.occurrence, d.doc_id, d.ordinal);
  ASSERT_EQ(others.size(), 1u);
  EXPECT_EQ(others[0].doc_id, seed(3).id);
  EXPECT_NE(others[0].event.sentence.find("Dejan Pantic"), std::string::npos);
  // Each report on its own when asked.
  q.each_report = true;
  int told = 0;
  for_each_event(db, q, [&](const StoredEvent& e) { told += e.event.sentence.find("Pantic") != std::string::npos; });
  EXPECT_EQ(told, 2);
  // The arrests of "local Serbs" in the same article are another occurrence.
  int other_arrests = 0;
  q.each_report = false;
  for_each_event(db, q, [&](const StoredEvent& e) { other_arrests += e.event.sentence.find("mistreating") != std::string::npos; });
  EXPECT_EQ(other_arrests, 1);
}

TEST_F(StorySeeds, PlacedPageByPageAsAtOnceAndReingestChangesNothing) {
  const std::string once = dir_.path("once.db"), grown = dir_.path("grown.db");
  store(once, seeds());
  // Newest first, one page per ingest: the stories are the same.
  for (size_t i = seeds().size(); i-- > 0;) store(grown, {seeds()[i]});
  Database a(once, Access::kRead);
  {
    Database b(grown, Access::kRead);
    EXPECT_EQ(partition(a), partition(b));
  }
  int events = 0;
  for_each_event(a, EventQuery{}, [&](const StoredEvent&) { ++events; });
  store(once, seeds());
  Database again(once, Access::kRead);
  EXPECT_EQ(partition(again), partition(a));
  int events_again = 0;
  for_each_event(again, EventQuery{}, [&](const StoredEvent&) { ++events_again; });
  EXPECT_EQ(events_again, events);
}

DocumentRecord page(const std::string& title, const std::string& body, const std::string& outlet, const std::string& date) {
  DocumentRecord d;
  d.title = title;
  d.body = body;
  d.source = outlet;
  d.published = date;
  d.id = content_id({d.title, "\n", d.body});
  d.uris = {"https://" + outlet + ".example/" + d.id};
  return d;
}

TEST(StoryStore, EmptyAndWordlessPagesAreNotedAndInNoStory) {
  testing::TempDir dir;
  const std::string path = dir.path("s.db");
  store(path, {page("", "", "a", "2023-01-01"), page("", "1 2 3 ... !!!", "a", "2023-01-01"),
               page("Flood", "Flood", "b", "2023-01-02")});
  Database db(path, Access::kWrite);
  StoryUpdate again = update_stories(db, StoryOptions{});
  EXPECT_EQ(again.documents + again.skipped, 0) << "each page placed once";
  auto stories = list_stories(db, StoryQuery{});
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].title, "Flood");
}

TEST(StoryStore, TheSameDevelopmentDaysApartJoinsAndMonthsApartDoesNot) {
  testing::TempDir dir;
  const std::string path = dir.path("s.db");
  const std::string a = "Flood waters rose along the Drina river, and the towns of Bajina Basta and Ljubovija evacuated "
                        "hundreds of families while rescue crews reinforced the embankments overnight.";
  const std::string b = "Rescue crews on the Drina river reinforced embankments as flood waters forced families from "
                        "Ljubovija and Bajina Basta to evacuate.";
  const std::string unrelated = "The central bank raised interest rates by half a point, citing inflation in food "
                                "and energy prices and a weaker currency.";
  // Told again in September in other words: a new development, though it
  // reads like May's (a reprint would join whenever it ran).
  const std::string september = "Families in Ljubovija and Bajina Basta evacuated once more as the Drina river flooded "
                                "after storms, and crews again reinforced the embankments.";
  store(path, {page("Drina floods force evacuations", a, "one", "2023-05-16"),
               page("Families evacuated as the Drina floods", b, "two", "2023-05-17"),
               page("Rates up by half a point", unrelated, "three", "2023-05-17"),
               page("Drina floods: families evacuated again", september, "four", "2023-09-20")});
  Database db(path, Access::kRead);
  auto stories = list_stories(db, StoryQuery{});
  ASSERT_EQ(stories.size(), 3u);
  std::map<int, int> sizes;
  for (const auto& s : stories) ++sizes[s.documents];
  EXPECT_EQ(sizes[2], 1);  // the two May tellings
  EXPECT_EQ(sizes[1], 2);  // the bank, and September's flood
  EXPECT_EQ(list_stories(db, StoryQuery{"2023-09-01", "", 1, -1}).size(), 1u);
  EXPECT_EQ(list_stories(db, StoryQuery{"", "", 2, -1}).size(), 1u);
}

TEST(StoryStore, ManyNearCopiesOfOnePageAreOneStoryInLinearTime) {
  testing::TempDir dir;
  const std::string path = dir.path("s.db");
  std::vector<DocumentRecord> copies;
  const std::string body = "Protesters blocked the main road to the border crossing for a third day, demanding the "
                           "release of a detained former police officer, while the mayor called for calm and talks.";
  for (int i = 0; i < 200; ++i)
    copies.push_back(page("Road blocked", body + " Update " + std::to_string(i) + ".", "outlet" + std::to_string(i % 7),
                          "2023-03-0" + std::to_string(1 + i % 3)));
  store(path, copies);
  Database db(path, Access::kRead);
  auto stories = list_stories(db, StoryQuery{});
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].documents, 200);
}

}  // namespace
}  // namespace seismo
