#include "common/fold.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

namespace seismo {
namespace {

// Transliterators are costly to build and not thread-safe to share, so each
// thread builds one once.
icu::Transliterator* folder() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Any-Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) tr.reset();
    return tr;
  }();
  return t.get();
}

}  // namespace

std::string fold_for_matching(std::string_view s) {
  bool ascii = true;
  for (unsigned char c : s) {
    if (c >= 0x80) { ascii = false; break; }
  }
  std::string out;
  if (ascii) {
    out.assign(s);
    for (char& c : out) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (auto* t = folder()) {
    t->transliterate(u);
  } else {
    u.foldCase();
  }
  u.toUTF8String(out);
  return out;
}

}  // namespace seismo
