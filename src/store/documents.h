// The documents area of the store: documents, their sources and URLs.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "store/database.h"

namespace seismo {

struct DocumentSummary {
  std::string id, published, source, title;
  int comments = 0;
};

enum class DocumentOrder { kNewest, kOldest, kTitle, kSource, kComments };

struct DocumentQuery {
  std::string since, until;  // ISO dates on the publication date; undated documents match neither
  DocumentOrder order = DocumentOrder::kNewest;  // undated documents last
  int limit = -1;                                // -1: all
};

std::vector<DocumentSummary> list_documents(const Database& db, const DocumentQuery& query);
// By id or a unique id prefix; throws StoreError when the prefix is ambiguous.
std::optional<DocumentRecord> get_document(const Database& db, const std::string& id_or_prefix);
// The full id of the one document whose id starts with `prefix`; throws
// StoreError naming the prefix when none or several do.
std::string resolve_document_id(const Database& db, const std::string& prefix);
// Every document, oldest first (undated last), with its comments, entities and events.
void for_each_document(const Database& db, const std::function<void(const DocumentRecord&)>& f);
int count_documents(const Database& db);

}  // namespace seismo
