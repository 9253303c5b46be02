// Comment text made ready for the abuse lexicons: words folded with ICU
// (Serbian Cyrillic to Latin, diacritics and case removed), look-alike
// letters of another script read as Latin, and masked or leet spellings
// ("f*ck", "sh1t", "a$$", "fuuuck", "f u c k", "wmoen") read as the lexicon
// word they hide. Internal to comments.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/match_text.h"

namespace seismo {

struct CommentText {
  MatchText match;                 // keys of the words, "#" between clauses and sentences
  std::vector<uint32_t> sentence;  // per token: its sentence's number
  std::vector<bool> quoted;        // per token: inside quotation marks
  std::vector<bool> question;      // per sentence: it ends with a question mark
};

// What the normaliser may read a disguised word as: `is_word(key)` says
// whether a folded key is a lexicon word; `near(key)` gives the lexicon word
// one typo away (one letter dropped or two swapped), or empty.
struct LexiconView {
  std::function<bool(std::string_view)> is_word;
  std::function<std::string(std::string_view)> near;
  // Lexicon words of a length, for reading masked spellings ("f**k").
  std::function<const std::vector<std::string>*(size_t)> words_of_length;
};

// `lexicon` may be null: the words are only folded.
CommentText normalise_comment(std::string_view text, const LexiconView* lexicon);

// The folded key of one word or phrase as the lexicons write it: the same
// folding, no deobfuscation.
std::string lexicon_key(std::string_view phrase);

}  // namespace seismo
