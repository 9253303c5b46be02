#include <algorithm>
#include <limits>

#include "reuse/ngrams.h"
#include "reuse/reuse.h"

namespace seismo {

using reuse_internal::mix;
using reuse_internal::ngram_hashes;

// Each MinHash function is the finaliser of the shingle's hash xored with
// its own salt: one pass over the shingles fills the whole signature.
std::vector<uint64_t> minhash_signature(const ReuseWords& w, const ReuseOptions& o) {
  if (o.signature_size <= 0) return {};
  const auto shingles = ngram_hashes(w, o.shingle_words);
  if (shingles.empty()) return {};
  std::vector<uint64_t> sig(static_cast<size_t>(o.signature_size), std::numeric_limits<uint64_t>::max());
  std::vector<uint64_t> salts(sig.size());
  for (size_t k = 0; k < salts.size(); ++k) salts[k] = mix(0xa0761d6478bd642fULL + k);
  for (uint64_t s : shingles)
    for (size_t k = 0; k < sig.size(); ++k) sig[k] = std::min(sig[k], mix(s ^ salts[k]));
  return sig;
}

std::vector<uint64_t> lsh_band_keys(const std::vector<uint64_t>& signature, const ReuseOptions& o) {
  std::vector<uint64_t> keys;
  if (signature.empty() || o.bands <= 0) return keys;
  const size_t rows = std::max<size_t>(1, signature.size() / static_cast<size_t>(o.bands));
  for (size_t b = 0; b * rows + rows <= signature.size(); ++b) {
    uint64_t h = mix(b + 1);
    for (size_t r = 0; r < rows; ++r) h = mix(h ^ signature[b * rows + r]);
    keys.push_back(h >> 1);  // 63 bits: SQLite integers are signed
  }
  return keys;
}

double estimated_jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t same = 0;
  for (size_t k = 0; k < a.size(); ++k) same += a[k] == b[k];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

std::vector<uint64_t> seed_grams(const ReuseWords& w, const ReuseOptions& o, const TextSpans& excluded) {
  std::vector<uint64_t> out = ngram_hashes(w, o.seed_words);
  if (!excluded.empty()) {
    size_t kept = 0;
    for (size_t i = 0; i < out.size(); ++i)
      if (!inside_spans(w.starts[i], excluded)) out[kept++] = out[i];
    out.resize(kept);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace seismo
