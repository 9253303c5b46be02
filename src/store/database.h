// The store's connection to one SQLite file. Read commands open it with
// Access::kRead: never created, never written (immutable when the file is
// not writable, so a store on read-only media can still be read). Ingest
// opens it with Access::kWrite: created and migrated as needed, under an
// exclusive lock so concurrent first opens do not race. Writers wait for
// each other through a busy handler; every failure is a StoreError whose
// message names the store and SQLite's real cause.
#pragma once
#include <stdexcept>
#include <string>

struct sqlite3;

namespace seismo {

class StoreError : public std::runtime_error {
 public:
  StoreError(const std::string& message, int sqlite_code = 0)
      : std::runtime_error(message), code_(sqlite_code) {}
  // SQLite's primary result code (SQLITE_BUSY, SQLITE_FULL, ...); 0 when
  // the error is seismo's own.
  int code() const { return code_; }

 private:
  int code_;
};

enum class Access { kRead, kWrite };

class Database {
 public:
  // How long a writer waits for another writer's transaction before giving
  // up: SEISMO_BUSY_TIMEOUT_MS, default 60 s.
  static int busy_timeout_ms();

  Database(const std::string& path, Access access);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }
  Access access() const { return access_; }
  int schema_version() const;

  // Runs statements without results; throws StoreError on failure.
  void exec(const std::string& sql) const;
  // The StoreError for SQLite's current error on this connection, with
  // `what` saying what was being done ("" for nothing).
  StoreError error(const std::string& what = "") const;

 private:
  void open(Access access);
  void migrate();
  std::string path_;
  Access access_;
  sqlite3* db_ = nullptr;
};

// A write transaction taken with BEGIN IMMEDIATE (so a writer waits for the
// lock up front instead of failing halfway); rolled back unless committed.
class WriteTransaction {
 public:
  explicit WriteTransaction(const Database& db);
  ~WriteTransaction();
  void commit();

 private:
  const Database& db_;
  bool open_ = false;
};

}  // namespace seismo
