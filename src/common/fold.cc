#include "common/fold.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>
#include <unordered_map>

namespace seismo {
namespace {

// Transliterators are not thread-safe to share, so each thread builds one.
// Only the scripts foldable_script() lets through are named: "Any-Latin"
// would also build Han, Arabic, Hangul... and cost 36 ms per thread instead
// of 0.3 ms. Serbian's BGN table comes first so that Љ, Њ, Џ become "lj",
// "nj", "dž" (generic Cyrillic-Latin gives L̂, N̂, D̂, which Latin-ASCII
// reduces to a bare "l", "n", "d"); Cyrillic-Latin then takes every other
// Cyrillic letter.
icu::Transliterator* folder() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
        "Serbian-Latin/BGN; Cyrillic-Latin; Greek-Latin; Latin-ASCII; Any-Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) tr.reset();
    return tr;
  }();
  return t.get();
}

}  // namespace

namespace {

// Scripts folding applies to. Runs in other scripts (Han, Arabic, Hangul...)
// are kept as they are: every lexicon and gazetteer seismo matches is in
// Latin, Cyrillic or Greek, and transliterating long CJK runs costs more
// than all the rest of extraction.
bool foldable_script(std::string_view run) {
  const auto* p = reinterpret_cast<const uint8_t*>(run.data());
  int32_t n = static_cast<int32_t>(run.size()), i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0x80) continue;
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &st);
    if (sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED) continue;
    return sc == USCRIPT_LATIN || sc == USCRIPT_CYRILLIC || sc == USCRIPT_GREEK;
  }
  return true;
}

void fold_run(std::string_view run, std::string& out);

// A run longer than this (a page without spaces) is folded in pieces:
// ICU's transliteration takes time growing faster than the length of the
// string it is given, and a piece of a kilobyte has all the context a
// transliteration rule looks at.
constexpr size_t kFoldPieceBytes = 1024;

void fold_long_run(std::string_view run, std::string& out) {
  const auto* p = reinterpret_cast<const uint8_t*>(run.data());
  const int32_t n = static_cast<int32_t>(run.size());
  int32_t start = 0, i = 0;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    // Cut before a character that starts a new letter, never before a
    // combining mark, which belongs to the letter before it.
    if (static_cast<size_t>(at - start) >= kFoldPieceBytes && c >= 0 && u_getCombiningClass(c) == 0) {
      fold_run(run.substr(start, at - start), out);
      start = at;
    }
  }
  fold_run(run.substr(start), out);
}

void fold_run(std::string_view run, std::string& out) {
  if (!foldable_script(run)) {
    out += run;
    return;
  }
  if (run.size() > 2 * kFoldPieceBytes) {
    fold_long_run(run, out);
    return;
  }
  // The same short runs ("’s", "“", "Mitrovicë") recur endlessly: remember
  // what ICU made of them. Bounded, per thread.
  thread_local std::unordered_map<std::string, std::string> memo;
  if (run.size() <= 48) {
    auto it = memo.find(std::string(run));
    if (it != memo.end()) {
      out += it->second;
      return;
    }
  }
  std::string folded;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(run.data(), static_cast<int32_t>(run.size())));
  if (auto* t = folder()) {
    t->transliterate(u);
  } else {
    u.foldCase();
  }
  u.toUTF8String(folded);
  out += folded;
  if (run.size() <= 48) {
    if (memo.size() > 200000) memo.clear();
    memo.emplace(std::string(run), std::move(folded));
  }
}

}  // namespace

std::string fold_for_matching(std::string_view s) {
  // ASCII is lower-cased directly; only the runs of non-ASCII text (with the
  // ASCII letters they are glued to, which a transliteration may need as
  // context) go through ICU. News text is mostly ASCII with the odd curly
  // quote or diacritic, so this is many times faster than folding it whole.
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      char c = s[i++];
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
      continue;
    }
    // Extend the run back over the word's ASCII letters already written and
    // forward to the end of the word.
    size_t start = i;
    size_t back = 0;
    while (start > 0 && back < out.size() && isalpha(static_cast<unsigned char>(s[start - 1]))) { --start; ++back; }
    out.resize(out.size() - back);
    size_t end = i;
    while (end < s.size() && (static_cast<unsigned char>(s[end]) >= 0x80 || isalpha(static_cast<unsigned char>(s[end])))) ++end;
    fold_run(s.substr(start, end - start), out);
    i = end;
  }
  return out;
}

}  // namespace seismo
