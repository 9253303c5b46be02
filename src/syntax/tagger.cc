#include "syntax/tagger.h"

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

std::vector<int> tag_words(const LinearModel& model, const std::vector<WordInfo>& words) {
  std::vector<int> tags(words.size(), -1);
  std::vector<uint64_t> feats;
  std::vector<int32_t> scores(model.classes());
  for (size_t i = 0; i < words.size(); ++i) {
    tagger_features(words, i, i >= 1 ? tags[i - 1] : -1, i >= 2 ? tags[i - 2] : -1, feats);
    model.score(feats.data(), feats.size(), scores.data());
    tags[i] = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
  }
  return tags;
}

}  // namespace seismo::syntax
