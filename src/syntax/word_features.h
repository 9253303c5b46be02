// What the tagger and the parser know about a word before tagging it: hashes
// of its normalised form, affixes and shape, computed once per token.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace seismo::syntax {

struct WordInfo {
  uint64_t form = 0;    // the form as written
  uint64_t norm = 0;    // lower-cased, digits as 0
  uint64_t suffix[4] = {};  // last 1..4 bytes of norm
  uint64_t prefix[3] = {};  // first 1..3 bytes of norm
  uint64_t shape = 0;   // "Xxxx", "dd.d", runs cut at two
  uint32_t flags = 0;   // kHas* below
};

inline constexpr uint32_t kHasUpper = 1, kHasDigit = 2, kHasHyphen = 4, kAllUpper = 8, kInitialUpper = 16,
                          kHasNonAscii = 32, kHasPunct = 64;

// Lower-cased (ASCII letters) with every ASCII digit as '0'.
std::string normalise_word(std::string_view form);
WordInfo word_info(std::string_view form);

}  // namespace seismo::syntax
