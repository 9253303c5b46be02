#include "store/integrity.h"

#include "store/statement.h"

namespace seismo {

std::vector<std::string> check_store(const Database& db) {
  std::vector<std::string> problems;
  Stmt s(db, "PRAGMA integrity_check");
  while (s.step()) {
    if (s.text(0) != "ok") problems.push_back(s.text(0));
  }
  for (const char* table : {"documents_fts", "comments_fts"}) {
    try {
      db.exec(std::string("INSERT INTO ") + table + "(" + table + ", rank) VALUES ('integrity-check', 1)");
    } catch (const StoreError& e) {
      problems.push_back(std::string(table) + ": " + e.what());
    }
  }
  return problems;
}

}  // namespace seismo
