// The two extractors behind extract_article(). Internal to extract.
#pragma once
#include "extract/extract.h"

namespace seismo {

// Flattened page text: lines and blank-line-separated blocks, as scraped.
Article extract_from_text(const RawDocument& doc);

// HTML: a parsed DOM.
Article extract_from_html(const RawDocument& doc);

// Splits "By Jane Doe and John Roe" / "Jane Doe, John Roe" into names.
std::vector<std::string> split_author_names(std::string_view byline);

// If `line` is a byline ("By X", "Von X", "Autor: X"), the part naming the
// authors; else empty.
std::string byline_names(std::string_view line);

}  // namespace seismo
