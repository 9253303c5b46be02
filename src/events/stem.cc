#include "events/stem.h"

#include <libstemmer.h>

#include <memory>
#include <string_view>
#include <unordered_map>

namespace seismo {
namespace {

struct Hash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct StemmerFree {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

}  // namespace

std::string english_stem(std::string_view folded_word) {
  // sb_stemmer keeps per-call state: not shareable between threads.
  thread_local std::unique_ptr<sb_stemmer, StemmerFree> stemmer(sb_stemmer_new("english", "UTF_8"));
  if (!stemmer || folded_word.empty()) return std::string(folded_word);
  // Every word of every sentence is stemmed, and news repeats its words:
  // a lookup costs a tenth of Snowball's 1,700 instructions a word.
  thread_local std::unordered_map<std::string, std::string, Hash, std::equal_to<>> memo;
  if (auto it = memo.find(folded_word); it != memo.end()) return it->second;
  const sb_symbol* out = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(folded_word.data()),
                                         static_cast<int>(folded_word.size()));
  std::string stem = out ? std::string(reinterpret_cast<const char*>(out),
                                       static_cast<size_t>(sb_stemmer_length(stemmer.get())))
                         : std::string(folded_word);
  if (memo.size() > 100000) memo.clear();  // bounded: a crawl meets endless rare words
  memo.emplace(std::string(folded_word), stem);
  return stem;
}

}  // namespace seismo
