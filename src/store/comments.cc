#include "store/comments.h"

#include "store/rows.h"

namespace seismo {

void for_each_comment(const Database& db, const CommentQuery& q, const std::function<void(const StoredComment&)>& f) {
  Stmt s(db, std::string("SELECT c.document_id, c.ordinal, src.name, d.title, ") + kCommentColumns +
                 " FROM comments c JOIN documents d ON d.id = c.document_id LEFT JOIN sources src ON src.id = d.source_id"
                 " WHERE (?1 = '' OR c.document_id LIKE ?1 || '%' ESCAPE '\\') AND (?2 = 0 OR c.toxicity >= 0.5)"
                 " AND (?3 = '' OR c.language = ?3)"
                 " ORDER BY d.published IS NULL, d.published, d.rowid, c.ordinal");
  s.bind(1, like_escaped(q.doc)).bind(2, int64_t(q.flagged)).bind(3, q.language);
  while (s.step()) {
    StoredComment row;
    row.doc_id = s.text(0);
    row.ordinal = static_cast<size_t>(s.integer(1));
    row.source = s.text(2);
    row.title = s.text(3);
    row.comment = read_comment(s, 4);
    f(row);
  }
}

int count_comments(const Database& db) {
  Stmt s(db, "SELECT count(*) FROM comments");
  return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

std::vector<AbuseSummary> abuse_summary(const Database& db, bool by_outlet, int limit) {
  std::string key = by_outlet ? "coalesce(src.name, '')" : "d.id";
  std::string label = by_outlet ? "coalesce(src.name, '')" : "coalesce(d.title, '')";
  Stmt s(db, "SELECT " + key + ", " + label + ", count(*), count(c.toxicity), sum(c.toxicity >= 0.5)"
                 " FROM comments c JOIN documents d ON d.id = c.document_id LEFT JOIN sources src ON src.id = d.source_id"
                 " GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ?");
  s.bind(1, int64_t(limit));
  std::vector<AbuseSummary> out;
  while (s.step()) {
    out.push_back(AbuseSummary{s.text(0), s.text(1), static_cast<int>(s.integer(2)), static_cast<int>(s.integer(3)),
                               static_cast<int>(s.integer(4)), {}});
  }
  Stmt t(db, "SELECT t.value, count(*) FROM comments c JOIN documents d ON d.id = c.document_id"
                 " LEFT JOIN sources src ON src.id = d.source_id, json_each(c.targets) t"
                 " WHERE c.identity_attack >= 0.5 AND " + key + " = ? GROUP BY t.value ORDER BY count(*) DESC, t.value LIMIT 5");
  for (auto& row : out) {
    t.bind(1, row.key);
    while (t.step()) row.targets.emplace_back(t.text(0), static_cast<int>(t.integer(1)));
    t.reset();
  }
  return out;
}

}  // namespace seismo
