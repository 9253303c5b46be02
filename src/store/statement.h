// Internal to the store: a prepared statement that finalizes itself and
// reports failures as StoreError naming the store and SQLite's own cause.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace seismo {

class Stmt {
 public:
  Stmt(const Database& db, const std::string& sql);
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind_or_null(int i, const std::string& v) {
    if (v.empty()) sqlite3_bind_null(s_, i);
    else bind(i, v);
    return *this;
  }
  Stmt& bind_null(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  Stmt& bind_real(int i, double v) {
    sqlite3_bind_double(s_, i, v);
    return *this;
  }
  Stmt& bind_blob(int i, const void* data, size_t n) {
    sqlite3_bind_blob(s_, i, data, static_cast<int>(n), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  // True while there is a row; false when done; throws StoreError otherwise.
  bool step();
  void run() {
    step();
    reset();
  }
  void reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  bool is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  std::string text(int col) const {
    auto* t = sqlite3_column_text(s_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(s_, col)) : std::string();
  }
  int64_t integer(int col) const { return sqlite3_column_int64(s_, col); }
  std::string blob(int col) const {
    const void* b = sqlite3_column_blob(s_, col);
    return b ? std::string(static_cast<const char*>(b), sqlite3_column_bytes(s_, col)) : std::string();
  }
  double real(int col) const { return sqlite3_column_double(s_, col); }

 private:
  const Database& db_;
  sqlite3_stmt* s_ = nullptr;
};

// A JSON array of strings ("[]" when empty or malformed).
std::vector<std::string> parse_string_array(const std::string& s);
std::string string_array_json(const std::vector<std::string>& v);

// `s` with LIKE's wildcards escaped, for `LIKE ? ESCAPE '\'`.
std::string like_escaped(const std::string& s);

}  // namespace seismo
