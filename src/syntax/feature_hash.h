// Features are 64-bit hashes of a template number and up to three values
// (word hashes, tag ids, labels, distances), so no feature strings are ever
// built while tagging or parsing.
#pragma once
#include <cstdint>
#include <string_view>

namespace seismo::syntax {

// MurmurHash3's 64-bit finaliser: every input bit reaches every output bit.
inline uint64_t fmix64(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

inline uint64_t feature(uint64_t tmpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = fmix64(tmpl * 0x9e3779b97f4a7c15ULL + a);
  h = fmix64(h ^ (b + 0x632be59bd9b4e019ULL));
  h = fmix64(h ^ (c + 0x85ebca77c2b2ae63ULL));
  return h ? h : 1;  // 0 marks an empty slot in LinearModel
}

// FNV-1a folded through fmix64: stable across platforms and runs, which the
// byte-identical model files need.
inline uint64_t string_hash(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return fmix64(h);
}

}  // namespace seismo::syntax
