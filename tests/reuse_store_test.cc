// The reuse area of the store on the seeds: the SouthFront and InfoBrics
// passages with offsets into both bodies, no pair for what one site
// repeats, sightings and duplicates, and an index that grows document by
// document to the same pairs as one built at once.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "common/utf8.h"
#include "ingest/ingest.h"
#include "pipeline/document.h"
#include "store/store.h"
#include "test_files.h"

namespace seismo {
namespace {

// The seeds as `seismo ingest --no-entities --no-events` reads them.
std::vector<DocumentRecord> seed_documents() {
  std::vector<DocumentRecord> out;
  for (const auto& p : testing::seed_paths(SEISMO_SHARED_DIR)) {
    DocumentReader r({p}, {}, [](const IngestError&) {});
    RawDocument raw;
    if (r.next(raw)) out.push_back(process_document(raw, Stages{}));
  }
  return out;
}

void store_all(const std::string& path, std::vector<DocumentRecord> docs) {
  Database db(path, Access::kWrite);
  IngestWriter w(db, {"test"});
  for (auto& d : docs) w.add(std::move(d));
  w.finish();
}

// The text between two code-point offsets.
std::string cut(const std::string& s, int from, int to) {
  size_t b = 0, e = s.size();
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (n == from) b = i;
    if (n == to) {
      e = i;
      break;
    }
    ++n;
  }
  return s.substr(b, e - b);
}

class ReuseSeeds : public ::testing::Test {
 protected:
  void SetUp() override {
    docs_ = seed_documents();
    if (docs_.size() != 5) GTEST_SKIP() << "no ../shared/seeds";
  }
  const DocumentRecord& seed(size_t i) const { return docs_[i]; }
  std::vector<DocumentRecord> docs_;
  testing::TempDir dir_;
};

TEST_F(ReuseSeeds, SouthFrontAndInfoBricsShareTheQuoteWithOffsetsIntoBothBodies) {
  const std::string path = dir_.path("s.db");
  store_all(path, docs_);
  {
    Database db(path, Access::kWrite);
    ReuseUpdate u = update_reuse(db, ReuseOptions{});
    EXPECT_EQ(u.documents, 5);
  }
  Database db(path, Access::kRead);
  const DocumentRecord &southfront = seed(0), &global_research = seed(3), &southfront_reprint = seed(4);
  ASSERT_EQ(southfront.source, "SouthFront");
  ASSERT_EQ(global_research.republished_from, "InfoBrics");
  auto pairs = reuse_pairs(db);
  const StoredReusePair* shared = nullptr;
  for (const auto& p : pairs) {
    EXPECT_FALSE((p.a == southfront.id && p.b == southfront_reprint.id) || (p.b == southfront.id && p.a == southfront_reprint.id))
        << "two SouthFront pages share their site's text, which is no reuse";
    if ((p.a == southfront.id && p.b == global_research.id) || (p.b == southfront.id && p.a == global_research.id)) shared = &p;
  }
  ASSERT_TRUE(shared) << "the Petković quote and the election-commission passage";
  EXPECT_EQ(shared->kind, ReuseKind::kSharedPassage);
  ASSERT_GE(shared->passages.size(), 1u);
  const DocumentRecord& a = shared->a == southfront.id ? southfront : global_research;
  const DocumentRecord& b = shared->a == southfront.id ? global_research : southfront;
  bool quote = false;
  for (const auto& p : shared->passages) {
    EXPECT_EQ(cut(a.body, p.a_start, p.a_end), p.text) << "a's offsets are code points into a's body";
    std::string on_b = cut(b.body, p.b_start, p.b_end);
    EXPECT_GE(p.words, 12);
    if (p.text.find("The people are furious") != std::string::npos) {
      quote = true;
      EXPECT_NE(on_b.find("The people are furious"), std::string::npos) << "b's offsets point at b's copy";
      EXPECT_NE(on_b.find("Kurti"), std::string::npos);
    }
  }
  EXPECT_TRUE(quote);
  EXPECT_EQ(shared->a_seen.outlet, a.source);
  // Ingesting again changes nothing: the index knows every document.
  Database w(path, Access::kWrite);
  EXPECT_EQ(update_reuse(w, ReuseOptions{}).documents, 0);
  EXPECT_EQ(reuse_pairs(w).size(), pairs.size());
}

TEST_F(ReuseSeeds, TheIndexGrowsToTheSamePairsAsOneBuiltAtOnce) {
  const std::string once = dir_.path("once.db"), grown = dir_.path("grown.db");
  store_all(once, docs_);
  {
    Database db(once, Access::kWrite);
    update_reuse(db, ReuseOptions{});
  }
  for (size_t i = 0; i < docs_.size(); ++i) {
    store_all(grown, {docs_[i]});
    Database db(grown, Access::kWrite);
    EXPECT_EQ(update_reuse(db, ReuseOptions{}).documents, 1) << "only the new document is compared";
  }
  auto key = [](const std::string& path) {
    Database db(path, Access::kRead);
    std::map<std::string, std::string> m;
    for (const auto& p : reuse_pairs(db)) m[p.a + p.b] = std::string(reuse_kind_name(p.kind)) + std::to_string(p.passages.size());
    return m;
  };
  EXPECT_EQ(key(once), key(grown));
}

// Pages stored without an update (ingest --no-reuse, --no-stories) are
// indexed and placed by the next update, with the pages after them, and
// the same pairs and stories come out as when each was updated at once.
TEST_F(ReuseSeeds, PagesStoredWithoutAnUpdateAreTakenByTheNext) {
  const std::string once = dir_.path("once.db"), late = dir_.path("late.db");
  store_all(once, docs_);
  {
    Database db(once, Access::kWrite);
    update_reuse(db, ReuseOptions{});
    update_stories(db, StoryOptions{});
  }
  const size_t half = docs_.size() / 2;
  store_all(late, std::vector<DocumentRecord>(docs_.begin(), docs_.begin() + static_cast<std::ptrdiff_t>(half)));
  store_all(late, std::vector<DocumentRecord>(docs_.begin() + static_cast<std::ptrdiff_t>(half), docs_.end()));
  {
    Database db(late, Access::kWrite);
    EXPECT_EQ(update_reuse(db, ReuseOptions{}).documents, static_cast<int>(docs_.size()));
    StoryUpdate u = update_stories(db, StoryOptions{});
    EXPECT_EQ(u.documents + u.skipped, static_cast<int>(docs_.size()));
    EXPECT_EQ(update_stories(db, StoryOptions{}).documents, 0) << "placed once";
    EXPECT_EQ(update_reuse(db, ReuseOptions{}).documents, 0) << "indexed once";
  }
  auto key = [](const std::string& path) {
    Database db(path, Access::kRead);
    std::map<std::string, std::string> m;
    for (const auto& p : reuse_pairs(db)) m[p.a + p.b] = std::string(reuse_kind_name(p.kind)) + std::to_string(p.passages.size());
    for (const auto& st : list_stories(db, StoryQuery{})) m["story " + st.title] = std::to_string(st.documents);
    return m;
  };
  EXPECT_EQ(key(once), key(late));
}

TEST_F(ReuseSeeds, OneTextAtTwoOutletsIsOneDocumentWithTwoSightingsAndADuplicatePair) {
  const std::string path = dir_.path("d.db");
  DocumentRecord mirror = seed(2);
  mirror.uris = {"https://mirror.example.org/alarms"};
  mirror.source = "Mirror Example";
  mirror.site = "mirror.example.org";
  mirror.published = "2022-12-12";
  store_all(path, {seed(2), mirror});
  Database db(path, Access::kWrite);
  update_reuse(db, ReuseOptions{});
  auto seen = sightings_of(db, seed(2).id);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[1].outlet, "Mirror Example");
  EXPECT_EQ(seen[1].published, "2022-12-12");
  auto pairs = reuse_pairs(db, seed(2).id.substr(0, 10));
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].kind, ReuseKind::kDuplicate);
  EXPECT_EQ(pairs[0].a, pairs[0].b);
  EXPECT_EQ(pairs[0].direction, ReuseDirection::kAToB) << "the mirror came a day later";
  auto flows = outlet_flows(db);
  ASSERT_EQ(flows.size(), 1u);
  EXPECT_EQ(flows[0].to, "Mirror Example");
  EXPECT_EQ(flows[0].copies, 1);
}

TEST_F(ReuseSeeds, ANewVersionAtTheSameUrlIsKeptBesideTheOldAndPairedWithIt) {
  const std::string path = dir_.path("v.db");
  DocumentRecord old_version = seed(2), new_version = seed(2);
  new_version.body += "\n\nUpdate: the barricades were removed on Monday, local officials said.";
  new_version.id = "f" + old_version.id.substr(1);
  new_version.published = "2022-12-12";
  store_all(path, {old_version, new_version});
  Database db(path, Access::kWrite);
  update_reuse(db, ReuseOptions{});
  EXPECT_EQ(count_documents(db), 2) << "both versions are kept";
  auto pairs = reuse_pairs(db, old_version.id);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_TRUE(pairs[0].kind == ReuseKind::kReprint || pairs[0].kind == ReuseKind::kNearDuplicate)
      << "one outlet's own page in two versions is still paired";
  EXPECT_EQ(pairs[0].a, old_version.id);
  EXPECT_EQ(pairs[0].direction, ReuseDirection::kAToB) << "the old version came first";
}

TEST(ReuseStore, ShortBodiesAreNotedAndManyCopiesCostABoundedCompareEach) {
  testing::TempDir dir;
  const std::string path = dir.path("r.db");
  std::vector<DocumentRecord> docs;
  auto make = [](const std::string& id, const std::string& body, const std::string& outlet) {
    DocumentRecord d;
    d.id = id;
    d.uris = {"https://" + outlet + "/" + id};
    d.source = outlet;
    d.site = outlet;
    d.body = body;
    return d;
  };
  docs.push_back(make("e0000000000000000000000000000000", "", "a.example"));
  docs.push_back(make("e1000000000000000000000000000000", "word", "a.example"));
  std::string article;
  for (int k = 0; k < 300; ++k) article += "word" + std::to_string(k) + (k % 10 == 9 ? ". " : " ");
  // 120 near-copies of one article from 120 outlets, each a word different.
  for (int i = 0; i < 120; ++i) {
    char id[40];
    std::snprintf(id, sizeof id, "c%031d", i);
    docs.push_back(make(id, article + "edition" + std::to_string(i), "outlet" + std::to_string(i) + ".example"));
  }
  store_all(path, docs);
  Database db(path, Access::kWrite);
  ReuseUpdate u = update_reuse(db, ReuseOptions{});
  EXPECT_EQ(u.documents, 122);
  EXPECT_EQ(u.skipped, 2) << "the empty and the one-word body";
  // Each copy is compared with at most a bounded number of earlier ones.
  EXPECT_LE(u.pairs, 120 * 25) << "at most 25 candidates each";
  EXPECT_GE(u.pairs, 119) << "each copy pairs with the ones before it";
  for (const auto& p : reuse_pairs(db, "c0000000000000000000000000000001")) EXPECT_EQ(p.kind, ReuseKind::kReprint);
}

}  // namespace
}  // namespace seismo
