// Function words by language (the npm package stopwords-iso, copied into
// the build's data directory), folded as the stage folds words. Internal to
// stories.
#pragma once
#include <string_view>

namespace seismo {

// Whether `folded_word` is a function word of `language` (ISO 639-1).
// Serbian, Bosnian and Montenegrin, which the list lacks, read Croatian's.
// Loaded once, on first use; no list (a build without the data) means no
// word is one.
bool is_stop_word(std::string_view folded_word, std::string_view language);

}  // namespace seismo
