#include "store/search_tokenizer.h"

#include <libstemmer.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <string_view>
#include <vector>

#include "common/fold.h"
#include "common/stem.h"
#include "store/database.h"

namespace seismo {
namespace {

struct StemmerFree {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// One per full-text table per connection; a connection is used by one
// thread at a time, so its stemmers (which keep state) need no lock.
struct Tokenizer {
  fts5_tokenizer inner_api{};
  Fts5Tokenizer* inner = nullptr;
  std::map<std::string, std::unique_ptr<sb_stemmer, StemmerFree>> stemmers;  // by Snowball name

  sb_stemmer* stemmer(const char* snowball) {
    auto& s = stemmers[snowball];
    if (!s) s.reset(sb_stemmer_new(snowball, "UTF_8"));
    return s.get();
  }
  ~Tokenizer() {
    if (inner) inner_api.xDelete(inner);
  }
};

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// A word (already lower case, Latin diacritics removed) in Latin ASCII:
// Cyrillic and Greek transliterated, as everywhere else in seismo.
std::string to_latin(std::string_view word) {
  if (is_ascii(word)) return std::string(word);
  std::string f = fold_for_matching(word);
  std::erase(f, ' ');
  return f.empty() ? std::string(word) : f;
}

std::string stemmed(sb_stemmer* s, std::string_view word) {
  if (!s) return std::string(word);
  const sb_symbol* out = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!out) return std::string(word);
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(s)));
}

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

struct Call {
  Tokenizer* tokenizer;
  void* ctx;
  TokenCallback emit;
  int flags;
  int offset;                       // bytes of the language prefix skipped
  const SnowballLanguage* language;      // of a stored text; null for a query or an unknown language
};

int on_token(void* p, int tflags, const char* token, int n, int start, int end) {
  Call& c = *static_cast<Call*>(p);
  std::string_view word(token, static_cast<size_t>(n));
  start += c.offset;
  end += c.offset;
  if (!(c.flags & FTS5_TOKENIZE_QUERY)) {
    std::string term = c.language ? to_latin(stemmed(c.tokenizer->stemmer(c.language->snowball), word)) + "_" + c.language->tag
                                  : to_latin(word);
    return c.emit(c.ctx, tflags, term.data(), static_cast<int>(term.size()), start, end);
  }
  // A prefix query ("barric*") matches stems and words as they are.
  if (c.flags & FTS5_TOKENIZE_PREFIX) {
    std::string term = to_latin(word);
    return c.emit(c.ctx, tflags, term.data(), static_cast<int>(term.size()), start, end);
  }
  // A query word: itself (texts in languages without a stemmer) and its
  // stem in every language, at one position.
  std::vector<std::string> terms{to_latin(word)};
  for (const SnowballLanguage* s : snowball_algorithms())
    terms.push_back(to_latin(stemmed(c.tokenizer->stemmer(s->snowball), word)) + "_" + s->tag);
  std::sort(terms.begin() + 1, terms.end());
  terms.erase(std::unique(terms.begin() + 1, terms.end()), terms.end());
  for (size_t k = 0; k < terms.size(); ++k) {
    int rc = c.emit(c.ctx, k == 0 ? tflags : (tflags | FTS5_TOKEN_COLOCATED), terms[k].data(),
                    static_cast<int>(terms[k].size()), start, end);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

int create(void* api_ptr, const char**, int, Fts5Tokenizer** out) {
  auto* api = static_cast<fts5_api*>(api_ptr);
  auto t = std::make_unique<Tokenizer>();
  void* user = nullptr;
  int rc = api->xFindTokenizer(api, "unicode61", &user, &t->inner_api);
  if (rc != SQLITE_OK) return rc;
  const char* args[] = {"remove_diacritics", "2"};
  rc = t->inner_api.xCreate(user, args, 2, &t->inner);
  if (rc != SQLITE_OK) return rc;
  *out = reinterpret_cast<Fts5Tokenizer*>(t.release());
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer* p) { delete reinterpret_cast<Tokenizer*>(p); }

int tokenize(Fts5Tokenizer* p, void* ctx, int flags, const char* text, int n, TokenCallback emit) {
  auto* t = reinterpret_cast<Tokenizer*>(p);
  Call c{t, ctx, emit, flags, 0, nullptr};
  std::string_view s(text, static_cast<size_t>(n));
  if (!(flags & FTS5_TOKENIZE_QUERY) && !s.empty() && s[0] == '\x02') {
    size_t close = s.find('\x03');
    if (close != std::string_view::npos && close < 16) {
      c.language = snowball_language(s.substr(1, close - 1));
      c.offset = static_cast<int>(close + 1);
    }
  }
  return t->inner_api.xTokenize(t->inner, &c, flags, text + c.offset, n - c.offset, on_token);
}

fts5_api* fts5_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  sqlite3_finalize(st);
  return api;
}

}  // namespace

void register_search_tokenizer(const Database& db) {
  fts5_api* api = fts5_of(db.handle());
  if (!api) throw StoreError(db.path() + ": this SQLite has no FTS5");
  fts5_tokenizer tok{create, destroy, tokenize};
  if (api->xCreateTokenizer(api, "seismo", api, &tok, nullptr) != SQLITE_OK)
    throw StoreError(db.path() + ": cannot register the search tokenizer");
}

std::string search_text(const std::string& language, const std::string& text) {
  return "\x02" + language + "\x03" + text;
}

std::string strip_search_prefix(std::string s) {
  size_t open = s.find('\x02');
  if (open != std::string::npos) {
    size_t close = s.find('\x03', open);
    if (close != std::string::npos) s.erase(open, close - open + 1);
  }
  return s;
}

}  // namespace seismo
