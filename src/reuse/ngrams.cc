#include "reuse/ngrams.h"

#include <algorithm>


namespace seismo::reuse_internal {

uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::vector<uint64_t> ngram_hashes(const ReuseWords& w, int n) {
  const size_t len = static_cast<size_t>(std::max(1, n));
  std::vector<uint64_t> out;
  if (w.ids.size() < len) return out;
  const std::vector<uint64_t>& words = w.ids;
  out.reserve(words.size() - len + 1);
  // Each word's hash folded in order: a shingle is hashed without
  // building its string.
  for (size_t i = 0; i + len <= words.size(); ++i) {
    uint64_t h = 0x51ed27a1b3c2d4e5ULL;
    for (size_t k = 0; k < len; ++k) h = mix(h ^ words[i + k]);
    out.push_back(h >> 1);
  }
  return out;
}

}  // namespace seismo::reuse_internal
