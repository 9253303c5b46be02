// Internal to the store: the FTS5 tokenizer "seismo" behind full-text
// search. It reads words as unicode61 does (diacritics removed, case
// folded), folds Cyrillic and Greek to Latin with ICU as the rest of seismo
// does, and stems each word with the Snowball stemmer of the text's
// language, so "barricades" finds "barricaded" and "Mitrovici" finds
// "Mitrovica". A stored text says its language in a prefix,
// "\x02" LANG "\x03" TEXT (search_text()); its stems are indexed tagged
// with that language ("barricad_en"), and a query word is looked up as
// itself and as its stem in every language Snowball knows, so stems of
// different languages never meet.
#pragma once
#include <string>

namespace seismo {

class Database;

// Registers the tokenizer on the connection (every connection needs it
// before it touches a full-text table).
void register_search_tokenizer(const Database& db);

// The indexed form of a text in `language` (ISO 639-1, may be empty).
std::string search_text(const std::string& language, const std::string& text);
// `s` without a leading language prefix (snippets may start with it).
std::string strip_search_prefix(std::string s);

}  // namespace seismo
