#include "syntax/linear_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace seismo::syntax {
namespace {

// Blob layout (all little-endian uint32): nclasses, nslots, nwords, then
// fingerprints[nslots], runs[nslots] (offset into words << 8 | number of
// entries), words[nwords]. The table is at most
// 3/4 full and its size is not rounded to a power of two (which would waste
// up to half of it): a hash's home slot is its low half scaled to nslots.
constexpr size_t kHeaderWords = 3;

uint32_t fingerprint(uint64_t h) {
  uint32_t f = static_cast<uint32_t>(h >> 32);
  return f ? f : 1;
}

uint32_t home_slot(uint64_t h, uint32_t nslots) {
  return static_cast<uint32_t>((static_cast<uint64_t>(static_cast<uint32_t>(h)) * nslots) >> 32);
}

void put32(std::string& out, uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); }

}  // namespace

bool LinearModel::attach(std::string_view blob, std::string& error) {
  if (blob.size() < kHeaderWords * 4 || reinterpret_cast<uintptr_t>(blob.data()) % 4 != 0) {
    error = "weight table too short";
    return false;
  }
  const uint32_t* w = reinterpret_cast<const uint32_t*>(blob.data());
  uint32_t nclasses = w[0], nslots = w[1], nwords = w[2];
  if (nclasses == 0 || nclasses > 255 || nwords >= (1u << 24) || nslots == 0 || blob.size() != (kHeaderWords + 2ull * nslots + nwords) * 4) {
    error = "weight table of the wrong size";
    return false;
  }
  nclasses_ = nclasses;
  nslots_ = nslots;
  fingerprints_ = w + kHeaderWords;
  offsets_ = fingerprints_ + nslots;
  words_ = offsets_ + nslots;
  nwords_ = nwords;
  // Every occupied slot must point at a run of entries inside the table and
  // name classes that exist, so scoring never reads out of bounds; and one
  // slot at least must be empty, so a lookup of an unknown feature ends.
  bool any_empty = false;
  for (uint32_t i = 0; i < nslots; ++i) {
    if (!fingerprints_[i]) {
      any_empty = true;
      continue;
    }
    uint64_t off = offsets_[i] >> 8, count = offsets_[i] & 0xff;
    if (off + count > nwords) {
      error = "weight table entry out of range";
      return false;
    }
    for (uint32_t k = 0; k < count; ++k)
      if ((words_[off + k] >> 16) >= nclasses) {
        error = "weight table names a class that does not exist";
        return false;
      }
  }
  if (!any_empty) {
    error = "weight table full";
    return false;
  }
  return true;
}

void LinearModel::add(uint64_t feature, int32_t* scores) const {
  uint32_t fp = fingerprint(feature);
  for (uint32_t slot = home_slot(feature, nslots_);; slot = slot + 1 == nslots_ ? 0 : slot + 1) {
    uint32_t f = fingerprints_[slot];
    if (f == 0) return;
    if (f == fp) {
      uint32_t run = offsets_[slot];
      const uint32_t* e = words_ + (run >> 8);
      for (uint32_t k = 0, n = run & 0xff; k < n; ++k) scores[e[k] >> 16] += static_cast<int16_t>(e[k] & 0xffff);
      return;
    }
  }
}

void LinearModel::score(const uint64_t* features, size_t n, int32_t* scores) const {
  std::fill(scores, scores + nclasses_, 0);
  for (size_t i = 0; i < n; ++i) add(features[i], scores);
}

std::string LinearModel::serialise(const Weights& weights, int nclasses, float min_weight, double keep) {
  float max_abs = 1e-9f;
  std::vector<float> magnitudes;
  for (const auto& [key, row] : weights)
    for (const auto& [cls, wt] : row) {
      max_abs = std::max(max_abs, std::fabs(wt));
      magnitudes.push_back(std::fabs(wt));
    }
  // Keeping the largest share `keep` of the weights: the threshold is the
  // magnitude at that rank.
  if (keep < 1.0 && !magnitudes.empty()) {
    size_t rank = static_cast<size_t>(static_cast<double>(magnitudes.size()) * (1.0 - std::max(0.0, keep)));
    rank = std::min(rank, magnitudes.size() - 1);
    std::nth_element(magnitudes.begin(), magnitudes.begin() + rank, magnitudes.end());
    min_weight = std::max(min_weight, magnitudes[rank]);
  }
  float scale = 32767.0f / max_abs;
  // Quantise first: a weight that rounds to zero is not stored.
  std::vector<std::pair<uint64_t, std::vector<uint32_t>>> kept;
  for (const auto& [key, row] : weights) {
    std::vector<uint32_t> entries;
    for (const auto& [cls, wt] : row) {
      if (std::fabs(wt) < min_weight) continue;
      long q = std::lround(wt * scale);
      if (q == 0) continue;
      entries.push_back(static_cast<uint32_t>(cls) << 16 | static_cast<uint16_t>(static_cast<int16_t>(q)));
    }
    if (!entries.empty()) kept.emplace_back(key, std::move(entries));
  }
  uint32_t nslots = static_cast<uint32_t>(kept.size() * 4 / 3 + 16);  // at most 3/4 full
  std::vector<uint32_t> fps(nslots, 0), offs(nslots, 0), words;
  for (const auto& [key, entries] : kept) {
    uint32_t slot = home_slot(key, nslots);
    while (fps[slot]) slot = slot + 1 == nslots ? 0 : slot + 1;
    fps[slot] = fingerprint(key);
    offs[slot] = static_cast<uint32_t>(words.size()) << 8 | static_cast<uint32_t>(entries.size());
    words.insert(words.end(), entries.begin(), entries.end());
  }
  std::string out;
  put32(out, static_cast<uint32_t>(nclasses));
  put32(out, nslots);
  put32(out, static_cast<uint32_t>(words.size()));
  out.append(reinterpret_cast<const char*>(fps.data()), fps.size() * 4);
  out.append(reinterpret_cast<const char*>(offs.data()), offs.size() * 4);
  out.append(reinterpret_cast<const char*>(words.data()), words.size() * 4);
  return out;
}

}  // namespace seismo::syntax
