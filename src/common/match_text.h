// Text in the form every dictionary of seismo is matched against: words
// folded with fold_for_matching(), joined by single spaces, with a "#"
// wherever punctuation other than a hyphen or an apostrophe separated two
// words, so that a name never matches across a comma or a full stop.
//
//   "Kosovo-Mitrovica's mayor, Zvečan"  ->  " kosovo mitrovica s mayor # zvecan "
//
// Dictionary entries go through match_key(), the same function, so a name
// and its mention always meet however either was written. Each token keeps
// its place in the original text, so a match maps back to exact offsets.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace seismo {

struct MatchToken {
  uint32_t begin = 0, end = 0;          // byte offsets in the original text
  uint32_t key_begin = 0, key_end = 0;  // byte offsets in MatchText::key
  bool capitalised = false;             // first letter upper or title case
  bool all_caps = false;                // every letter upper case (and more than one)
};

struct MatchText {
  std::string key;  // starts and ends with a space
  std::vector<MatchToken> tokens;

  // Index of the token whose key starts (ends) at `offset`, or -1.
  int token_starting_at(size_t offset) const;
  int token_ending_at(size_t offset) const;
};

MatchText make_match_text(std::string_view text);

// The key of a dictionary phrase: the tokens of make_match_text() joined by
// single spaces, without the outer spaces. Empty when the phrase has no word.
std::string match_key(std::string_view phrase);

}  // namespace seismo
