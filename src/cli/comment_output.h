// Stored comments with their abuse flags, as JSON Lines, CSV or a table:
// what `seismo comments` and `seismo export comments` share.
#pragma once
#include <string>

#include "store/store.h"

namespace seismo::cli {

// Prints the comments `query` selects, at most `limit` (negative: all), in
// `format` (table, jsonl or csv). Returns how many were printed.
size_t print_comments(const Database& store, const CommentQuery& query, const std::string& format, long limit);

}  // namespace seismo::cli
