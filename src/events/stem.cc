#include "events/stem.h"

#include "common/stem.h"

namespace seismo {

std::string english_stem(std::string_view folded_word) { return stem_word(folded_word, "en"); }

}  // namespace seismo
