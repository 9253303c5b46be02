// Sentence boundaries with ICU. Internal to events.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace seismo {

struct SentenceSpan {
  size_t begin = 0, end = 0;  // byte offsets, surrounding whitespace excluded
};

// The sentences of `text` (UTF-8): ICU's sentence rules with its list of
// abbreviations that do not end a sentence ("U.S.", "Mr.", "Gen."), so
// "the U.S. ambassador said" stays one sentence. A line break between
// paragraphs always ends one.
std::vector<SentenceSpan> split_sentences(std::string_view text);

}  // namespace seismo
