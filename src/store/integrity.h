// The store's own check: SQLite's integrity check of every table and
// index, and FTS5's check that each full-text index matches the rows it
// indexes (a shifted rowid, a lost entry). Needs a connection opened for
// writing: FTS5 takes its check as an INSERT, though it changes nothing.
#pragma once
#include <string>
#include <vector>

#include "store/database.h"

namespace seismo {

// What is wrong, one line each; empty when the store is sound.
std::vector<std::string> check_store(const Database& db);

}  // namespace seismo
