#include "store/documents.h"

#include "store/rows.h"

namespace seismo {

std::vector<DocumentSummary> list_documents(const Database& db, const DocumentQuery& q) {
  const char* order = "d.published IS NULL, d.published DESC, d.rowid DESC";
  switch (q.order) {
    case DocumentOrder::kNewest: break;
    case DocumentOrder::kOldest: order = "d.published IS NULL, d.published, d.rowid"; break;
    case DocumentOrder::kTitle: order = "d.title IS NULL, d.title COLLATE NOCASE, d.rowid"; break;
    case DocumentOrder::kSource: order = "s.name IS NULL, s.name COLLATE NOCASE, d.published DESC, d.rowid"; break;
    case DocumentOrder::kComments: order = "5 DESC, d.published DESC, d.rowid"; break;
  }
  // A partial date ("2022-11") overlaps `since` when its padded end does
  // not come before it, and `until` when its start does not come after it.
  Stmt s(db, std::string("SELECT d.id, d.published, s.name, d.title,"
                         " (SELECT count(*) FROM comments c WHERE c.document_id = d.id)"
                         " FROM documents d LEFT JOIN sources s ON s.id = d.source_id"
                         " WHERE (?1 = '' OR (d.published GLOB '[0-9]*' AND substr(d.published, 1, 10) || '-99-99' >= ?1))"
                         " AND (?2 = '' OR (d.published GLOB '[0-9]*' AND substr(d.published, 1, 10) <= ?2))"
                         " ORDER BY ") + order + " LIMIT ?3");
  s.bind(1, q.since).bind(2, q.until).bind(3, int64_t(q.limit));
  std::vector<DocumentSummary> out;
  while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), static_cast<int>(s.integer(4))});
  return out;
}

std::optional<DocumentRecord> get_document(const Database& db, const std::string& id_or_prefix) {
  Stmt s(db, std::string(kDocumentSelect) + " WHERE d.id LIKE ? || '%' ESCAPE '\\' LIMIT 2");
  s.bind(1, like_escaped(id_or_prefix));
  if (!s.step()) return std::nullopt;
  DocumentRecord d = read_record(db, s);
  if (s.step()) throw StoreError("id prefix '" + id_or_prefix + "' matches more than one document");
  return d;
}

std::string resolve_document_id(const Database& db, const std::string& prefix) {
  Stmt s(db, "SELECT id FROM documents WHERE id LIKE ? || '%' ESCAPE '\\' LIMIT 2");
  s.bind(1, like_escaped(prefix));
  if (!s.step()) throw StoreError("no document with id '" + prefix + "'");
  std::string id = s.text(0);
  if (s.step()) throw StoreError("id prefix '" + prefix + "' matches more than one document");
  return id;
}

void for_each_document(const Database& db, const std::function<void(const DocumentRecord&)>& f) {
  Stmt s(db, std::string(kDocumentSelect) + " ORDER BY d.published IS NULL, d.published, d.rowid");
  while (s.step()) f(read_record(db, s));
}

int count_documents(const Database& db) {
  Stmt s(db, "SELECT count(*) FROM documents");
  return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

}  // namespace seismo
