// The comments area of the store: reader comments and their abuse flags.
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/document.h"
#include "store/database.h"

namespace seismo {

struct CommentQuery {
  std::string doc;       // id or a unique prefix; empty: all documents
  bool flagged = false;  // only comments whose toxicity is 0.5 or more
  std::string language;  // ISO 639-1; empty: any
};

struct StoredComment {
  std::string doc_id;
  size_t ordinal = 0;
  std::string source, title;  // of its document
  CommentRecord comment;
};

// In document order.
void for_each_comment(const Database& db, const CommentQuery& query, const std::function<void(const StoredComment&)>& f);
int count_comments(const Database& db);

// Share of abusive comments and the groups most attacked, per outlet or per
// document (most comments first).
struct AbuseSummary {
  std::string key, label;  // outlet name, or document id and title
  int comments = 0, scored = 0, flagged = 0;
  std::vector<std::pair<std::string, int>> targets;  // group, comments attacking it; most first
};
std::vector<AbuseSummary> abuse_summary(const Database& db, bool by_outlet, int limit);

}  // namespace seismo
