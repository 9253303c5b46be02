#include "store/search.h"

#include <sqlite3.h>

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include "store/search_tokenizer.h"
#include "store/statement.h"

namespace seismo {
namespace {

std::vector<std::string> words_of(const std::string& query) {
  std::vector<std::string> out;
  std::string w;
  for (char c : query) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!w.empty()) out.push_back(std::move(w));
      w.clear();
    } else {
      w.push_back(c);
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

// The query with each repeated word dropped: in a query of plain words
// (implicit AND) a word said twice says nothing more, and FTS5's cost grows
// with the number of terms. Queries with FTS5 syntax are kept as written.
std::string without_repeats(const std::vector<std::string>& words, bool& has_syntax) {
  has_syntax = false;
  for (const auto& w : words) {
    if (w == "AND" || w == "OR" || w == "NOT" || w == "NEAR" || w.find_first_of("\"()*^:+{}") != std::string::npos)
      has_syntax = true;
  }
  std::string out;
  std::unordered_set<std::string> seen;
  for (const auto& w : words) {
    if (!has_syntax) {
      std::string key = w;
      std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
      if (!seen.insert(key).second) continue;
    }
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

// Each word as an FTS5 string: what a query that is not valid FTS5 syntax
// ("unbalanced, NOT) is searched as.
std::string quoted_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    std::string esc;
    for (char c : w) esc += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += (out.empty() ? "\"" : " \"") + esc + "\"";
  }
  return out;
}

std::vector<SearchHit> search_articles(const Database& db, const std::string& match, int limit) {
  Stmt s(db,
         "SELECT d.id, d.title, s.name, d.published, snippet(documents_fts, 1, '[', ']', '…', 14),"
         " bm25(documents_fts, 5.0, 1.0) AS r FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
         " LEFT JOIN sources s ON s.id = d.source_id WHERE documents_fts MATCH ? ORDER BY r LIMIT ?");
  s.bind(1, match).bind(2, int64_t(limit));
  std::vector<SearchHit> out;
  while (s.step()) {
    out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), strip_search_prefix(s.text(4)), s.real(5), -1, ""});
  }
  return out;
}

std::vector<SearchHit> search_comments(const Database& db, const std::string& match, int limit) {
  Stmt s(db,
         "SELECT f.document_id, d.title, s.name, d.published, snippet(comments_fts, 0, '[', ']', '…', 14),"
         " bm25(comments_fts) AS r, f.ordinal, c.author FROM comments_fts f"
         " JOIN documents d ON d.id = f.document_id LEFT JOIN sources s ON s.id = d.source_id"
         " LEFT JOIN comments c ON c.document_id = f.document_id AND c.ordinal = f.ordinal"
         " WHERE comments_fts MATCH ? ORDER BY r LIMIT ?");
  s.bind(1, match).bind(2, int64_t(limit));
  std::vector<SearchHit> out;
  while (s.step()) {
    out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), strip_search_prefix(s.text(4)), s.real(5),
                   static_cast<int>(s.integer(6)), s.text(7)});
  }
  return out;
}

std::vector<SearchHit> run(const Database& db, const std::string& match, const SearchQuery& q) {
  std::vector<SearchHit> hits;
  if (q.scope != SearchScope::kComments) hits = search_articles(db, match, q.limit);
  if (q.scope != SearchScope::kArticles) {
    auto c = search_comments(db, match, q.limit);
    hits.insert(hits.end(), c.begin(), c.end());
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.rank < b.rank; });
    if (q.limit >= 0 && hits.size() > static_cast<size_t>(q.limit)) hits.resize(static_cast<size_t>(q.limit));
  }
  return hits;
}

}  // namespace

std::vector<SearchHit> search(const Database& db, const SearchQuery& q) {
  if (q.text.size() > kMaxInputBytes)
    throw std::invalid_argument("query is " + std::to_string(q.text.size()) + " bytes long; at most " +
                                std::to_string(kMaxInputBytes) + " are read");
  auto words = words_of(q.text);
  bool has_syntax = false;
  std::string match = without_repeats(words, has_syntax);
  if (match.size() > kMaxQueryBytes)
    throw std::invalid_argument("query is " + std::to_string(match.size()) + " bytes long; at most " +
                                std::to_string(kMaxQueryBytes) + " are searched");
  size_t n = words_of(match).size();
  if (n > kMaxQueryWords)
    throw std::invalid_argument("query has " + std::to_string(n) + " different words; at most " +
                                std::to_string(kMaxQueryWords) + " are searched");
  if (match.empty()) return {};
  try {
    return run(db, match, q);
  } catch (const StoreError& e) {
    if (e.code() != SQLITE_ERROR) throw;  // a busy or broken store is not a syntax error
    return run(db, quoted_words(words_of(match)), q);
  }
}

}  // namespace seismo
