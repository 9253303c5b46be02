// The reuse stage on texts written for each rule: MinHash and its bands,
// shared passages with their offsets, what is not reuse, and who copied
// whom.
#include <gtest/gtest.h>

#include <algorithm>

#include <string>

#include "common/utf8.h"
#include "reuse/reuse.h"

namespace seismo {
namespace {

// n distinct made-up words, "w<seed>x<k>", as a body of prose-like length.
std::string filler(int seed, int n) {
  std::string s;
  for (int k = 0; k < n; ++k) s += "w" + std::to_string(seed) + "x" + std::to_string(k) + (k % 12 == 11 ? ". " : " ");
  return s;
}

const std::string kQuote =
    "The people are furious, but they do not intend to succumb to the provocations of the prime minister, "
    "the director of the office wrote on Twitter late on Tuesday evening.";

TEST(MinHash, SignaturesEstimateJaccardAndShareBandsWhenClose) {
  ReuseOptions o;
  ReuseWords a = reuse_words(filler(1, 400));
  auto sa = minhash_signature(a, o);
  ASSERT_EQ(sa.size(), 128u);
  EXPECT_EQ(estimated_jaccard(sa, minhash_signature(reuse_words(filler(1, 400)), o)), 1.0);
  EXPECT_LT(estimated_jaccard(sa, minhash_signature(reuse_words(filler(2, 400)), o)), 0.05);
  // The same text with its last tenth replaced: Jaccard about 0.8.
  auto sb = minhash_signature(reuse_words(filler(1, 360) + filler(3, 40)), o);
  double j = estimated_jaccard(sa, sb);
  EXPECT_GT(j, 0.65);
  EXPECT_LT(j, 0.95);
  auto ka = lsh_band_keys(sa, o), kb = lsh_band_keys(sb, o);
  ASSERT_EQ(ka.size(), 32u);
  int same = 0;
  for (size_t i = 0; i < ka.size(); ++i) same += ka[i] == kb[i];
  EXPECT_GT(same, 0) << "close bodies meet in at least one band";
  EXPECT_TRUE(minhash_signature(reuse_words("too short"), o).empty());
}

TEST(SharedPassages, AQuoteCopiedWithAnEditIsFoundWithItsOffsets) {
  ReuseOptions o;
  const std::string a = filler(1, 80) + kQuote + " " + filler(2, 80);
  // The copy changes one word and the case, and sits elsewhere in its text.
  std::string quote_b = kQuote;
  quote_b.replace(quote_b.find("Tuesday"), 7, "Monday");
  const std::string b = "Грађани " + filler(3, 150) + quote_b + " " + filler(4, 40);
  auto ps = shared_passages(reuse_words(a), reuse_words(b), o);
  ASSERT_EQ(ps.size(), 1u);
  const auto& p = ps[0];
  const uint32_t a_at = static_cast<uint32_t>(code_point_count(a.substr(0, a.find(kQuote))));
  const uint32_t b_at = static_cast<uint32_t>(code_point_count(b.substr(0, b.find(quote_b))));
  EXPECT_EQ(p.a_start, a_at) << "offsets count code points";
  EXPECT_EQ(p.b_start, b_at) << "the Cyrillic word before it counts its letters, not its bytes";
  EXPECT_EQ(p.a_end, a_at + code_point_count(kQuote) - 1) << "up to the last word, without the full stop";
  EXPECT_GE(p.words, 25);
  EXPECT_GT(p.similarity, 0.9);
  EXPECT_LT(p.similarity, 1.0) << "one word differs";
}

TEST(SharedPassages, CommonPhrasesAndIgnoredSeedsAreNoReuse) {
  ReuseOptions o;
  const std::string phrase = "according to local media reports";
  auto ps = shared_passages(reuse_words(filler(1, 50) + phrase + " " + filler(2, 50)),
                            reuse_words(filler(3, 50) + phrase + " " + filler(4, 50)), o);
  EXPECT_TRUE(ps.empty()) << "five words are shorter than a passage";
  // The seeds a site's standing text would give are left out of its index.
  const ReuseWords quoted = reuse_words(filler(1, 40) + kQuote + " " + filler(2, 40));
  const auto all = seed_grams(quoted, o);
  const uint32_t from = quoted.starts[40], to = quoted.ends[quoted.words.size() - 41];
  const auto kept = seed_grams(quoted, o, {{from, to + 1}});
  EXPECT_LT(kept.size(), all.size());
  for (uint64_t g : seed_grams(reuse_words(kQuote), o)) EXPECT_EQ(std::count(kept.begin(), kept.end(), g), 0);
}

// A paragraph rewritten with a word in four changed, dropped or added has
// no run of five words intact: the shorter seeds of the alignment still
// find it whole.
TEST(SharedPassages, AParaphrasedParagraphIsFoundWhole) {
  const std::string original =
      "The protesters blocked the roads to the administrative crossings on Saturday night and said they would not "
      "leave until the detained former police officer was released from custody in Pristina by the court";
  const std::string rewritten =
      "Protesters had blocked the roads toward the administrative crossings late Saturday night and said that they "
      "would not leave before the detained former Kosovo police officer is released from his custody in Pristina "
      "by judges";
  ReuseOptions o;
  auto ps = shared_passages(reuse_words(filler(1, 40) + original + " " + filler(2, 40)),
                            reuse_words(filler(3, 40) + rewritten + " " + filler(4, 40)), o);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_GE(ps[0].words, 28);
  EXPECT_GT(ps[0].similarity, 0.6);
}

TEST(SharedPassages, BadBodiesNeitherCrashNorBlowUp) {
  ReuseOptions o;
  EXPECT_TRUE(shared_passages(reuse_words(""), reuse_words(kQuote), o).empty());
  EXPECT_TRUE(shared_passages(reuse_words("word"), reuse_words("word"), o).empty());
  // One sentence repeated: its n-grams repeat too often to seed anything.
  std::string same;
  for (int i = 0; i < 2000; ++i) same += "The bridge was closed again today. ";
  EXPECT_TRUE(shared_passages(reuse_words(same), reuse_words(same), o).empty());
}

TEST(ReuseDirection, ProvenanceThenDateThenTheLongerOriginal) {
  ReuseSide antiwar{"a", "Antiwar.com", "2022-12-12", "", 100};
  ReuseSide southfront{"b", "SouthFront", "2022-12-11", "AntiWar", 100};
  EXPECT_EQ(reuse_direction(antiwar, southfront), ReuseDirection::kAToB) << "the page names its origin, whatever the dates";
  ReuseSide x{"x", "One", "2022-12-06", "", 50}, y{"y", "Two", "2022-12-13", "", 50};
  EXPECT_EQ(reuse_direction(x, y), ReuseDirection::kAToB);
  EXPECT_EQ(reuse_direction(y, x), ReuseDirection::kBToA);
  ReuseSide undated_long{"p", "One", "", "", 120}, undated_short{"q", "Two", "2022-12-13", "", 60};
  EXPECT_EQ(reuse_direction(undated_long, undated_short), ReuseDirection::kAToB) << "the copier trims";
  ReuseSide same1{"p", "One", "", "", 60}, same2{"q", "Two", "", "", 60};
  EXPECT_EQ(reuse_direction(same1, same2), ReuseDirection::kUnknown);
  EXPECT_EQ(parse_reuse_kind("near_duplicate"), ReuseKind::kNearDuplicate);
  EXPECT_FALSE(parse_reuse_kind("copy"));
}

}  // namespace
}  // namespace seismo
