// The full-text area of the store: titles, bodies and comments, indexed by
// stems (search_tokenizer.h), ranked by BM25, with snippets.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "store/database.h"

namespace seismo {

enum class SearchScope { kArticles, kComments, kAll };

struct SearchQuery {
  std::string text;  // words, "a phrase", or FTS5 syntax (OR, NOT, prefix*)
  SearchScope scope = SearchScope::kArticles;
  int limit = 20;
};

struct SearchHit {
  std::string id, title, source, published, snippet;
  double rank = 0;     // BM25, lower is better
  int comment = -1;    // the comment's ordinal in its document when the hit is a comment
  std::string author;  // of the comment
};

// A query's cost is bounded: repeated words are read once, and a query of
// more than kMaxQueryWords different words, or longer than kMaxQueryBytes
// once repeats are dropped (kMaxInputBytes as given), is refused with
// std::invalid_argument.
constexpr size_t kMaxQueryWords = 64;
constexpr size_t kMaxQueryBytes = 4096;
constexpr size_t kMaxInputBytes = 64 * 1024;

std::vector<SearchHit> search(const Database& db, const SearchQuery& query);

}  // namespace seismo
