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
#include <algorithm>
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

  // The folded form of token i.
  std::string_view key_of(size_t i) const {
    return std::string_view(key).substr(tokens[i].key_begin, tokens[i].key_end - tokens[i].key_begin);
  }
  // True when punctuation (not a space, hyphen or apostrophe) stands
  // before token i, or it is the first.
  bool barrier_before(size_t i) const { return i == 0 || key[tokens[i].key_begin - 2] == '#'; }
};

// Of spans of tokens that overlap, keeps the longest (the earlier among
// equals): "Sremska Mitrovica" is not also "Mitrovica". Returns the kept
// spans in text order. Span has `first` and `end` token indices.
template <typename Span>
std::vector<Span> longest_non_overlapping(std::vector<Span> spans, size_t token_count) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.end - a.first != b.end - b.first ? a.end - a.first > b.end - b.first : a.first < b.first;
  });
  std::vector<bool> taken(token_count, false);
  std::vector<Span> kept;
  for (auto& s : spans) {
    bool free = true;
    for (auto i = s.first; i < s.end && free; ++i) free = !taken[i];
    if (!free) continue;
    for (auto i = s.first; i < s.end; ++i) taken[i] = true;
    kept.push_back(std::move(s));
  }
  std::sort(kept.begin(), kept.end(), [](const Span& a, const Span& b) { return a.first < b.first; });
  return kept;
}

MatchText make_match_text(std::string_view text);

// The key of a dictionary phrase: the tokens of make_match_text() joined by
// single spaces, without the outer spaces. Empty when the phrase has no word.
std::string match_key(std::string_view phrase);

}  // namespace seismo
