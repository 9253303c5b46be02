// Part-of-speech tagging: one averaged-perceptron decision per word, greedy
// left to right, in two passes (the second also reading the first's tags of
// the words to the right), over the word, its affixes and shape, the words two either
// side and the two tags already chosen. Each class is a (UPOS, XPOS) pair
// seen in training, so the two tags always agree.
#pragma once
#include <cstdint>
#include <vector>

#include "syntax/linear_model.h"
#include "syntax/word_features.h"

namespace seismo::syntax {

// The features of word i given the tags of the two words before it (-1 for
// none); appended to `out`, which is cleared first.
void tagger_features(const std::vector<WordInfo>& words, size_t i, int prev1, int prev2, std::vector<uint64_t>& out);

// The second pass also sees the first pass's tags of the word and the two
// after it (`first`), so it decides with right context too.
void tagger_second_features(const std::vector<WordInfo>& words, const std::vector<int>& first, size_t i, int prev1,
                            int prev2, std::vector<uint64_t>& out);

// Greedy decoding with the two trained passes: one class per word. Where
// `allowed` is given, it has one entry per word: null, or the classes that
// word may take (one flag per class). What the caller knows of a word (a
// name it recognised, a form that is only ever a verb) constrains the
// tagger's choice, and the words after it see that choice.
std::vector<int> tag_words(const LinearModel& first, const LinearModel& second, const std::vector<WordInfo>& words,
                           const std::vector<const std::vector<bool>*>* allowed = nullptr);

}  // namespace seismo::syntax
