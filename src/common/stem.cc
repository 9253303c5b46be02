#include "common/stem.h"

#include <libstemmer.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <unordered_map>

namespace seismo {
namespace {

// The languages seismo identifies that Snowball stems. Serbian, Croatian and
// Bosnian share Snowball's Serbian stemmer (it reads both scripts).
constexpr SnowballLanguage kLanguages[] = {
    {"en", "english", "en"},    {"de", "german", "de"},      {"fr", "french", "fr"},     {"it", "italian", "it"},
    {"es", "spanish", "es"},    {"pt", "portuguese", "pt"},  {"nl", "dutch", "nl"},      {"sv", "swedish", "sv"},
    {"no", "norwegian", "no"},  {"nb", "norwegian", "no"},   {"nn", "norwegian", "no"},  {"da", "danish", "da"},
    {"fi", "finnish", "fi"},    {"ru", "russian", "ru"},     {"hu", "hungarian", "hu"},  {"ro", "romanian", "ro"},
    {"tr", "turkish", "tr"},    {"sr", "serbian", "sr"},     {"hr", "serbian", "sr"},    {"bs", "serbian", "sr"},
    {"sh", "serbian", "sr"},    {"me", "serbian", "sr"},     {"el", "greek", "el"},      {"ar", "arabic", "ar"},
    {"lt", "lithuanian", "lt"}, {"ca", "catalan", "ca"},     {"id", "indonesian", "id"}, {"ms", "indonesian", "id"},
    {"ga", "irish", "ga"},      {"hi", "hindi", "hi"},       {"ne", "nepali", "ne"},     {"ta", "tamil", "ta"},
    {"eu", "basque", "eu"},     {"hy", "armenian", "hy"},    {"yi", "yiddish", "yi"},
};

struct StemmerFree {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

struct Hash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// One thread's stemmers (sb_stemmer keeps per-call state) and what they
// gave: news repeats its words, and a lookup costs a tenth of a stem.
struct ThreadStemmers {
  std::map<std::string_view, std::unique_ptr<sb_stemmer, StemmerFree>> by_algorithm;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> memo;  // "tag\x1fword" -> stem
};

}  // namespace

const SnowballLanguage* snowball_language(std::string_view code) {
  for (const auto& s : kLanguages)
    if (code == s.code) return &s;
  return nullptr;
}

const std::vector<const SnowballLanguage*>& snowball_algorithms() {
  static const std::vector<const SnowballLanguage*> list = [] {
    std::vector<const SnowballLanguage*> out;
    for (const auto& s : kLanguages) {
      bool seen = std::any_of(out.begin(), out.end(), [&](const SnowballLanguage* o) { return std::strcmp(o->snowball, s.snowball) == 0; });
      if (!seen) out.push_back(&s);
    }
    return out;
  }();
  return list;
}

std::string stem_word(std::string_view word, std::string_view language) {
  const SnowballLanguage* lang = snowball_language(language);
  if (!lang || word.empty()) return std::string(word);
  thread_local ThreadStemmers t;
  std::string key = std::string(lang->tag) + '\x1f' + std::string(word);
  if (auto it = t.memo.find(key); it != t.memo.end()) return it->second;
  auto& stemmer = t.by_algorithm[lang->snowball];
  if (!stemmer) stemmer.reset(sb_stemmer_new(lang->snowball, "UTF_8"));
  std::string stem(word);
  if (stemmer) {
    const sb_symbol* out =
        sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (out) stem.assign(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(stemmer.get())));
  }
  if (t.memo.size() > 200000) t.memo.clear();  // bounded: a crawl meets endless rare words
  t.memo.emplace(std::move(key), stem);
  return stem;
}

}  // namespace seismo
