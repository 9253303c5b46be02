// Snowball stems by language: which ISO 639-1 codes Snowball has a stemmer
// for, and a word's stem in one of them. What search, event patterns and
// story terms compare words by.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace seismo {

struct SnowballLanguage {
  const char* code;      // ISO 639-1
  const char* snowball;  // Snowball's algorithm name
  const char* tag;       // one code per algorithm: Serbian, Croatian and Bosnian share "sr"
};

// The stemmer for an ISO 639-1 code, or null when Snowball has none.
const SnowballLanguage* snowball_language(std::string_view code);
// Each algorithm once.
const std::vector<const SnowballLanguage*>& snowball_algorithms();

// The stem of a folded (lower-case) word in `language` (ISO 639-1); the
// word itself for a language without a stemmer. Thread-safe: one stemmer
// per thread and algorithm, and a bounded memo of the words met.
std::string stem_word(std::string_view folded_word, std::string_view language);

}  // namespace seismo
