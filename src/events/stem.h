// English stems (Snowball) for matching verbs in any inflection. Internal
// to events.
#pragma once
#include <string>
#include <string_view>

namespace seismo {

// The Snowball English stem of a folded (lower-case) word: "detained",
// "detains", "detaining" -> "detain". Thread-safe (one stemmer per thread).
std::string english_stem(std::string_view folded_word);

}  // namespace seismo
