#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>

#include "common/data_files.h"
#include "common/fold.h"
#include "common/hash.h"
#include "common/text.h"
#include "common/utf8.h"
#include "test_files.h"

namespace seismo {
namespace {

TEST(DataFiles, DictionaryFilesOfADirectoryByName) {
  testing::TempDir dir;
  dir.write("b_Actors.txt", "x");
  dir.write("a_actors.txt", "x");
  dir.write("AGENTS.TXT", "x");
  dir.write("verbs.txt", "x");
  dir.write("sub/actors.txt", "x");  // not descended
  auto names = [](const std::vector<std::string>& files) {
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(std::filesystem::path(f).filename().string());
    return out;
  };
  EXPECT_EQ(names(dictionary_files(dir.path(), {"actors", "agents"})),
            (std::vector<std::string>{"AGENTS.TXT", "a_actors.txt", "b_Actors.txt"}));
  EXPECT_EQ(dictionary_files(dir.path()).size(), 4u);
  // A file is itself, whatever its name.
  EXPECT_EQ(dictionary_files(dir.path("verbs.txt"), {"actors"}), std::vector<std::string>{dir.path("verbs.txt")});
}

TEST(Utf8, ValidatesAndRepairs) {
  EXPECT_TRUE(is_valid_utf8("Mitrovicë Косовска"));
  EXPECT_FALSE(is_valid_utf8("bad \xC3 byte"));
  size_t replaced = 0;
  std::string fixed = repair_utf8("a\xFF" "b\xC3", &replaced);
  EXPECT_EQ(fixed, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  EXPECT_EQ(replaced, 2u);
  EXPECT_TRUE(is_valid_utf8(fixed));
}

TEST(Utf8, CountsCodePoints) { EXPECT_EQ(code_point_count("Zvečan"), 6u); }

TEST(Utf8, SlicesByCodePoints) {
  // Offsets count code points, not bytes: "č" is two bytes, "北" three.
  EXPECT_EQ(code_point_slice("Zvečan majmune", 7, 14), "majmune");
  EXPECT_EQ(code_point_slice("Zvečan", 3, 5), "ča");
  EXPECT_EQ(code_point_slice("北京 idiot", 3, 8), "idiot");
  EXPECT_EQ(code_point_slice("北京", 0, 1), "北");
  EXPECT_EQ(code_point_slice("abc", 1, 99), "bc");
  EXPECT_EQ(code_point_slice("abc", 5, 9), "");
  EXPECT_EQ(code_point_slice("abc", 2, 1), "");
}

TEST(Text, CollapsesUnicodeWhitespace) {
  EXPECT_EQ(collapse_whitespace("  a\u00a0\u00a0b\t\n c\u2009d  "), "a b c d");
  EXPECT_EQ(trim("\u00a0 x \u00a0"), "x");
}

TEST(Text, CountsWords) {
  EXPECT_EQ(word_count("Kosovska Mitrovica, 2022."), 3);
  EXPECT_EQ(word_count("0 $"), 1);
  EXPECT_EQ(word_count("Косовска Митровица"), 2);
}

TEST(Fold, MeetsAcrossScriptsAndDiacritics) {
  EXPECT_EQ(fold_for_matching("Косовска Митровица"), "kosovska mitrovica");
  EXPECT_EQ(fold_for_matching("Mitrovicë"), "mitrovice");
  EXPECT_EQ(fold_for_matching("ZVEČAN"), "zvecan");
  EXPECT_EQ(fold_for_matching("Zveçan"), "zvecan");
  // Serbian letters with no one-letter Latin twin keep both letters.
  EXPECT_EQ(fold_for_matching("Љубљана Његош Џаковица"), "ljubljana njegos dzakovica");
  EXPECT_EQ(fold_for_matching("Leposavić Лепосавић"), "leposavic leposavic");
}

TEST(Fold, OtherScriptsKeptAsTheyAre) {
  EXPECT_EQ(fold_for_matching("Ελλάδα"), "ellada");
  EXPECT_EQ(fold_for_matching("東京 Tokyo"), "東京 tokyo");
  EXPECT_EQ(fold_for_matching("don’t “quote”"), fold_for_matching("don’t “quote”")) << "memoised runs fold the same";
  EXPECT_EQ(fold_for_matching("DON’T"), fold_for_matching("don’t"));
}

// A page without spaces is one run of letters: folded right, and in time
// that grows with its length, not faster. Folding a run 16 times as long
// must cost about what folding the short one 16 times does (given the whole
// run, ICU took three times as long).
TEST(Fold, ARunWithoutSpacesFoldsInLinearTime) {
  const std::string piece = "ĆevapiЉубЗвечан";
  const std::string folded_piece = fold_for_matching(piece);
  auto run_of = [&](size_t copies) {
    std::string run;
    for (size_t i = 0; i < copies; ++i) run += piece;
    return run;
  };
  const std::string small = run_of(500), large = run_of(8000);  // 14 KB and 230 KB
  auto best_of_three = [](const std::function<void()>& f) {
    double best = 1e9;
    for (int attempt = 0; attempt < 3; ++attempt) {
      auto t0 = std::chrono::steady_clock::now();
      f();
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    return best;
  };
  std::string f;
  double sixteen_small = best_of_three([&] {
    for (int k = 0; k < 16; ++k) f = fold_for_matching(small);
  });
  double one_large = best_of_three([&] { f = fold_for_matching(large); });
  EXPECT_EQ(f.size(), folded_piece.size() * 8000);
  EXPECT_EQ(f.substr(f.size() - folded_piece.size()), folded_piece);
  EXPECT_LT(one_large, 2 * sixteen_small) << "the long run took " << one_large / sixteen_small
                                          << " times as long as the same text in short runs";
}

TEST(Hash, StableContentIds) {
  EXPECT_EQ(content_id("abc"), content_id("abc"));
  EXPECT_NE(content_id("abc"), content_id("abd"));
  EXPECT_EQ(content_id("abc").size(), 32u);
  // In parts, as the pipeline hashes title and body: the same id.
  std::string body(100000, 'x');
  EXPECT_EQ(content_id({"Title", "\n", body}), content_id("Title\n" + body));
  EXPECT_EQ(content_id({}), content_id(""));
}

}  // namespace
}  // namespace seismo
