// Folding for matching, done with ICU: any script to Latin (Serbian Cyrillic
// included), diacritics removed, case folded. "Косовска Митровица",
// "Mitrovicë" and "MITROVICA" all fold to the same string.
#pragma once
#include <string>
#include <string_view>

namespace seismo {

std::string fold_for_matching(std::string_view s);

}  // namespace seismo
