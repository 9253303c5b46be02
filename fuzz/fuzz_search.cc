// Any bytes as a search query and as an indexed text: the store's FTS5
// tokenizer (language prefix, stemming, folding to Latin) and the query
// handling must not crash, and must never leave the index inconsistent.
#include <sqlite3.h>
#include <unistd.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "store/search_tokenizer.h"
#include "store/store.h"

namespace {

seismo::Database& store() {
  static std::unique_ptr<seismo::Database> db = [] {
    std::string path = "/tmp/seismo-fuzz-search-" + std::to_string(getpid()) + ".db";
    unlink(path.c_str());
    auto d = std::make_unique<seismo::Database>(path, seismo::Access::kWrite);
    seismo::IngestWriter w(*d, {"fuzz"});
    seismo::DocumentRecord r;
    r.id = "0000000000000001";
    r.title = "Barricades near Zvečan";
    r.language = "en";
    r.body = "Serbs barricaded the roads near Zvečan. Срби су подигли барикаде.";
    r.comments = {{"Ana", "", "They closed the crossing again.", "en", 0, -1}};
    w.add(std::move(r));
    w.finish();
    return d;
  }();
  return *db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string s(reinterpret_cast<const char*>(data), size);
  seismo::Database& db = store();
  try {
    seismo::search(db, {s, seismo::SearchScope::kAll, 5});
  } catch (const std::invalid_argument&) {
  } catch (const seismo::StoreError&) {
  }
  // The same bytes indexed as a comment in the language its first byte
  // picks, then taken back.
  static const char* languages[] = {"en", "sr", "de", "ru", "sq", "", "el", "tr"};
  std::string text = seismo::search_text(languages[size ? data[0] % 8 : 0], s);
  db.exec("SAVEPOINT f");
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db.handle(), "INSERT INTO comments_fts(text, document_id, ordinal) VALUES (?, 'x', 0)", -1, &st, nullptr);
  sqlite3_bind_text(st, 1, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  sqlite3_step(st);
  sqlite3_finalize(st);
  db.exec("ROLLBACK TO f; RELEASE f");
  return 0;
}
