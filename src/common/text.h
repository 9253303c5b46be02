// Small, allocation-light helpers on UTF-8 text shared by every stage.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace seismo {

std::string_view trim(std::string_view s);

// Collapses every run of whitespace (ASCII, NBSP, the Unicode spaces,
// zero-width space) into one ASCII space and trims the ends.
std::string collapse_whitespace(std::string_view s);

// Number of words: maximal runs of letters or digits (Unicode aware).
int word_count(std::string_view s);

// ASCII lower-casing; non-ASCII bytes are left as they are.
std::string ascii_lower(std::string_view s);

// True when a line ends like a finished sentence or quotation: . ! ? : ;
// closing quotes and brackets, an ellipsis. Headings, names and menu items
// do not.
bool ends_sentence(std::string_view s);

bool starts_with_ascii_ci(std::string_view s, std::string_view prefix);
bool contains_ascii_ci(std::string_view haystack, std::string_view needle);

std::vector<std::string_view> split_lines(std::string_view s);

// The fields of `s` between `sep`s, each trimmed; empty fields are kept
// ("a | | b" has three), as dictionary formats with optional columns need.
std::vector<std::string_view> split_fields(std::string_view s, char sep);

// Joins paragraphs with one blank line between them, the body format of the
// JSON contract.
std::string join_paragraphs(const std::vector<std::string>& paragraphs);

}  // namespace seismo
