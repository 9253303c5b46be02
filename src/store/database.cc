#include "store/database.h"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "store/schema.h"
#include "store/search_tokenizer.h"
#include "store/statement.h"

namespace seismo {
namespace {

// A path as an SQLite URI ("file:...?immutable=1"): the characters a URI
// gives meaning to are percent-encoded.
std::string file_uri(const std::string& path, const char* query) {
  std::string out = "file:";
  const char* hex = "0123456789ABCDEF";
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20 || c == 0x7F) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "?" + query;
}

// Whether this process can write the store: the file and its directory (a
// WAL reader needs to create the -shm file beside it).
bool writable(const std::string& path) {
  std::filesystem::path p(path);
  std::string dir = p.has_parent_path() ? p.parent_path().string() : ".";
  return ::access(path.c_str(), W_OK) == 0 && ::access(dir.c_str(), W_OK) == 0;
}

// What SQLite's message means for someone running seismo.
std::string explained(int code, const std::string& message) {
  switch (code & 0xFF) {
    case SQLITE_BUSY:
      return message + " (another seismo kept the store's write lock for more than " +
             std::to_string(Database::busy_timeout_ms() / 1000) + " s; run the command again)";
    case SQLITE_NOTADB:
      return "not a seismo store (" + message + ")";
    case SQLITE_READONLY:
      return message + " (the store or its directory is not writable)";
    default:
      return message;
  }
}

// Runs `f` again while it fails with SQLITE_BUSY, for at most the busy
// timeout. SQLite does not call the busy handler everywhere: changing the
// journal mode, and a lock taken while another connection is creating the
// same file, fail at once; several processes opening a new store at the
// same moment meet exactly those.
template <class F>
void retry_while_busy(F&& f) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(Database::busy_timeout_ms());
  for (int attempt = 0;; ++attempt) {
    try {
      f();
      return;
    } catch (const StoreError& e) {
      if (e.code() != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(5 + 5 * attempt, 100)));
  }
}

}  // namespace

int Database::busy_timeout_ms() {
  if (const char* v = std::getenv("SEISMO_BUSY_TIMEOUT_MS")) {
    char* end = nullptr;
    long ms = std::strtol(v, &end, 10);
    if (end != v && *end == '\0' && ms >= 0 && ms <= 24L * 3600 * 1000) return static_cast<int>(ms);
  }
  return 60000;
}

Database::Database(const std::string& path, Access access) : path_(path), access_(access) {
  if (access == Access::kRead) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw StoreError(path + ": no such store (seismo ingest creates one)");
    if (std::filesystem::is_directory(path, ec)) throw StoreError(path + ": is a directory, not a store");
  }
  open(access);
  try {
    if (access == Access::kWrite) {
      retry_while_busy([&] { migrate(); });
      return;
    }
    int version = schema_version();
    int latest = static_cast<int>(schema_migrations().size());
    if (version == 0) {
      Stmt tables(*this, "SELECT count(*) FROM sqlite_schema");
      bool empty = tables.step() && tables.integer(0) == 0;
      throw StoreError(path + (empty ? ": an empty store (no documents yet, or an ingest is creating it)"
                                     : ": not a seismo store (it has no seismo schema)"));
    }
    if (version > latest)
      throw StoreError(path + ": store schema " + std::to_string(version) + " is newer than this seismo understands (" +
                       std::to_string(latest) + ")");
    if (version < latest) {
      // An older store is brought up to date once, by a short write
      // connection, when this process may write it; reading goes on
      // read-only.
      if (!writable(path))
        throw StoreError(path + ": store schema " + std::to_string(version) + " needs migrating to " +
                         std::to_string(latest) + ", and the store is not writable");
      sqlite3_close(db_);
      db_ = nullptr;
      { Database upgrade(path, Access::kWrite); }
      open(Access::kRead);
    }
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
}

void Database::open(Access access) {
  int flags;
  std::string name = path_;
  if (access == Access::kWrite) {
    flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  } else if (writable(path_)) {
    flags = SQLITE_OPEN_READONLY;
  } else {
    // Nothing can write a store this process cannot write either, so it may
    // be read without locks or a -shm file (a read-only mount, a CD).
    flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    name = file_uri(path_, "immutable=1");
  }
  int rc = sqlite3_open_v2(name.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(path_ + ": cannot open the store: " + explained(rc, msg), rc);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms());
  try {
    register_search_tokenizer(*this);
    if (access == Access::kWrite) {
      // Switching to WAL takes a lock; a second process opening a new
      // store at the same moment waits in the busy handler.
      retry_while_busy([&] { exec("PRAGMA journal_mode=WAL"); });
      // A writer's updates (the reuse and story indexes) touch pages all
      // over their B-trees: 64 MiB of page cache instead of SQLite's 2 MiB
      // keeps the hot ones in memory as the store grows. A checkpoint every
      // 16,384 WAL pages (64 MiB) instead of SQLite's 1,000: those updates
      // dirty thousands of pages per transaction, and a page rewritten by
      // several transactions is then written back once (reuse_eval --scale
      // 20000, the last batch's update: 1.81 s -> 1.17 s; 0.92 s with
      // reuse's 500-document transactions).
      exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=16384;");
    } else {
      exec("PRAGMA query_only=1");
    }
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

void Database::migrate() {
  const auto& migrations = schema_migrations();
  int latest = static_cast<int>(migrations.size());
  if (schema_version() == latest) return;
  // Under an exclusive lock, and the version read again inside it: of
  // several processes opening a new store at once, one migrates and the
  // others find it done.
  exec("BEGIN EXCLUSIVE");
  try {
    int version = schema_version();
    if (version > latest)
      throw StoreError(path_ + ": store schema " + std::to_string(version) +
                       " is newer than this seismo understands (" + std::to_string(latest) + ")");
    for (int v = version; v < latest; ++v) {
      exec(migrations[static_cast<size_t>(v)]);
      exec("PRAGMA user_version=" + std::to_string(v + 1));
    }
    exec("COMMIT");
  } catch (...) {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

int Database::schema_version() const {
  Stmt s(*this, "PRAGMA user_version");
  return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

void Database::exec(const std::string& sql) const {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw StoreError(path_ + ": " + explained(rc, msg), rc & 0xFF);
  }
}

StoreError Database::error(const std::string& what) const {
  int rc = sqlite3_extended_errcode(db_);
  std::string msg = sqlite3_errmsg(db_);
  return StoreError(path_ + ": " + (what.empty() ? "" : what + ": ") + explained(rc, msg), rc & 0xFF);
}

WriteTransaction::WriteTransaction(const Database& db) : db_(db) {
  db_.exec("BEGIN IMMEDIATE");
  open_ = true;
}

WriteTransaction::~WriteTransaction() {
  // SQLite may already have rolled back on its own (a full disk, an I/O
  // error): only an open transaction is rolled back here.
  if (open_ && !sqlite3_get_autocommit(db_.handle()))
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void WriteTransaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

}  // namespace seismo
