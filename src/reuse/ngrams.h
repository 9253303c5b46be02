// Internal to the reuse stage: the hashing every part of it shares, so a
// shingle, a seed and an index key of the same words are the same number.
#pragma once
#include <cstdint>
#include <vector>

#include "reuse/reuse.h"

namespace seismo::reuse_internal {

// splitmix64's finaliser: a cheap, well-mixed permutation of 64-bit values.
uint64_t mix(uint64_t x);
// The hash of the n words starting at each position (63 bits, so they
// compare the same as SQLite's signed integers); empty when fewer words.
std::vector<uint64_t> ngram_hashes(const ReuseWords& w, int n);

}  // namespace seismo::reuse_internal
