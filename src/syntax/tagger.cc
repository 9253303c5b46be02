#include "syntax/tagger.h"

#include <limits>

#include <algorithm>

#include "syntax/feature_hash.h"

namespace seismo::syntax {
namespace {

const WordInfo& padding(long i) {
  static const WordInfo before = word_info("\x02<s>"), after = word_info("\x02</s>");
  return i < 0 ? before : after;
}

}  // namespace

void tagger_features(const std::vector<WordInfo>& words, size_t i, int prev1, int prev2, std::vector<uint64_t>& out) {
  out.clear();
  long n = static_cast<long>(words.size()), at = static_cast<long>(i);
  auto word = [&](long k) -> const WordInfo& { return k < 0 || k >= n ? padding(k) : words[k]; };
  const WordInfo &w = word(at), &p1 = word(at - 1), &p2 = word(at - 2), &n1 = word(at + 1), &n2 = word(at + 2);
  uint64_t t1 = static_cast<uint64_t>(prev1 + 2), t2 = static_cast<uint64_t>(prev2 + 2);
  out.push_back(feature(1, 0));
  out.push_back(feature(2, w.norm));
  out.push_back(feature(3, w.form));
  for (int k = 0; k < 4; ++k) out.push_back(feature(4 + k, w.suffix[k]));
  for (int k = 0; k < 3; ++k) out.push_back(feature(8 + k, w.prefix[k]));
  out.push_back(feature(11, w.shape));
  out.push_back(feature(12, w.flags, at == 0));
  out.push_back(feature(13, t1));
  out.push_back(feature(14, t2, t1));
  out.push_back(feature(15, t1, w.norm));
  out.push_back(feature(16, p1.norm));
  out.push_back(feature(17, p1.suffix[2]));
  out.push_back(feature(18, p2.norm));
  out.push_back(feature(19, n1.norm));
  out.push_back(feature(20, n1.suffix[2]));
  out.push_back(feature(21, n2.norm));
  out.push_back(feature(22, p1.norm, w.norm));
  out.push_back(feature(23, w.norm, n1.norm));
  out.push_back(feature(24, p1.shape, w.shape, n1.shape));
  out.push_back(feature(25, t1, n1.norm));
  out.push_back(feature(26, t1, w.suffix[2]));
  out.push_back(feature(27, n1.suffix[1], w.suffix[2]));
  out.push_back(feature(28, p1.norm, w.norm, n1.norm));
  out.push_back(feature(29, t1, p1.norm));
  out.push_back(feature(30, n1.shape, n2.suffix[2]));
  out.push_back(feature(31, n1.prefix[0], w.shape));
}

void tagger_second_features(const std::vector<WordInfo>& words, const std::vector<int>& first, size_t i, int prev1,
                            int prev2, std::vector<uint64_t>& out) {
  tagger_features(words, i, prev1, prev2, out);
  auto tag = [&](size_t k) { return k < first.size() ? static_cast<uint64_t>(first[k]) + 2 : 1; };
  const WordInfo& w = words[i];
  uint64_t t1 = static_cast<uint64_t>(prev1 + 2), f0 = tag(i), f1 = tag(i + 1), f2 = tag(i + 2);
  out.push_back(feature(40, f0));
  out.push_back(feature(41, f1));
  out.push_back(feature(42, f1, f2));
  out.push_back(feature(43, w.norm, f1));
  out.push_back(feature(44, t1, f1));
  out.push_back(feature(45, t1, f0, f1));
  out.push_back(feature(46, w.suffix[2], f1));
  out.push_back(feature(47, w.norm, f1, f2));
  out.push_back(feature(48, w.shape, f0));
}

std::vector<int> tag_words(const LinearModel& first, const LinearModel& second, const std::vector<WordInfo>& words,
                           const std::vector<const std::vector<bool>*>* allowed) {
  std::vector<int> tags(words.size(), -1), tags2(words.size(), -1);
  std::vector<uint64_t> feats;
  std::vector<int32_t> scores(first.classes());
  size_t at = 0;  // the word being tagged
  auto best = [&] {
    const std::vector<bool>* mask = allowed && at < allowed->size() ? (*allowed)[at] : nullptr;
    if (mask) {
      for (size_t c = 0; c < scores.size() && c < mask->size(); ++c)
        if (!(*mask)[c]) scores[c] = std::numeric_limits<int32_t>::min();
    }
    return static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
  };
  for (size_t i = 0; i < words.size(); ++i) {
    at = i;
    tagger_features(words, i, i >= 1 ? tags[i - 1] : -1, i >= 2 ? tags[i - 2] : -1, feats);
    first.score(feats.data(), feats.size(), scores.data());
    tags[i] = best();
  }
  for (size_t i = 0; i < words.size(); ++i) {
    at = i;
    tagger_second_features(words, tags, i, i >= 1 ? tags2[i - 1] : -1, i >= 2 ? tags2[i - 2] : -1, feats);
    second.score(feats.data(), feats.size(), scores.data());
    tags2[i] = best();
  }
  return tags2;
}

}  // namespace seismo::syntax
