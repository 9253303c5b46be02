// The words that raised a comment's abuse flags, as the reader wrote them:
// what `comments` and `show` print beside a flag, so that a flag can be
// checked without opening the JSON.
#pragma once
#include <string>

#include "comments/abuse.h"

namespace seismo::cli {

// "majmune (majmun~, insult); cock (cock~, insult, profanity)": each
// reason's words from `text`, then the lexicon term when it is written
// otherwise, and the categories they raised; each word once, in text order.
// Empty without reasons.
std::string abuse_words(const std::string& text, const AbuseScore& score);

}  // namespace seismo::cli
