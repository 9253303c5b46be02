// A trained linear classifier, read-only and memory-mapped: sparse weights
// (only the classes a feature ever voted for), 16-bit quantised, in an
// open-addressing table keyed by feature hash.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace seismo::syntax {

class LinearModel {
 public:
  // Points into `blob` (which must outlive the model). False and `error`
  // when the blob is not a well-formed table.
  bool attach(std::string_view blob, std::string& error);
  int classes() const { return nclasses_; }
  // Adds the feature's weights to scores[0..classes()).
  void add(uint64_t feature, int32_t* scores) const;
  // scores[] = sum over features; scores must hold classes() entries.
  void score(const uint64_t* features, size_t n, int32_t* scores) const;

  // Serialises averaged weights (at most 255 classes, 2^24 entries): one entry per feature (its hash and its
  // (class, weight) pairs). Weights with |w| below `min_weight` are dropped,
  // and so are all but the largest share `keep` (0..1] of them; the rest are
  // scaled so the largest is 32767.
  using Weights = std::vector<std::pair<uint64_t, std::vector<std::pair<uint16_t, float>>>>;
  static std::string serialise(const Weights& weights, int nclasses, float min_weight, double keep = 1.0);

 private:
  uint32_t nclasses_ = 0, nslots_ = 0;
  const uint32_t* fingerprints_ = nullptr;  // high half of the hash, 0 = empty
  const uint32_t* offsets_ = nullptr;       // offset into words_ << 8 | entry count
  const uint32_t* words_ = nullptr;         // entry = class << 16 | uint16(weight)
  size_t nwords_ = 0;
};

}  // namespace seismo::syntax
