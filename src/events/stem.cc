#include "events/stem.h"

#include <libstemmer.h>

#include <memory>

namespace seismo {
namespace {

struct StemmerFree {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

}  // namespace

std::string english_stem(std::string_view folded_word) {
  // sb_stemmer keeps per-call state: not shareable between threads.
  thread_local std::unique_ptr<sb_stemmer, StemmerFree> stemmer(sb_stemmer_new("english", "UTF_8"));
  if (!stemmer || folded_word.empty()) return std::string(folded_word);
  const sb_symbol* out = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(folded_word.data()),
                                         static_cast<int>(folded_word.size()));
  if (!out) return std::string(folded_word);
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(stemmer.get())));
}

}  // namespace seismo
