#include "common/match_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "common/fold.h"

namespace seismo {
namespace {

inline bool is_ascii_alnum(UChar32 c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_word_char(UChar32 c) {
  if (c < 0x80) return is_ascii_alnum(c);
  return u_isalnum(c) || u_getCombiningClass(c) > 0 || u_charType(c) == U_NON_SPACING_MARK ||
         u_charType(c) == U_COMBINING_SPACING_MARK;
}

// Invisible characters a word may carry inside it: the soft hyphen sites
// put in long German and Croatian words, the zero-width (non-)joiners of
// Persian and Indic scripts, the word joiner. Folding removes them.
bool is_invisible_joiner(UChar32 c) { return c == 0x00AD || c == 0x200C || c == 0x200D || c == 0x2060; }

// Characters that join two words without separating them as a barrier:
// spaces, hyphens and apostrophes ("Kosovo-Mitrovica", "Mitrovica's").
bool is_soft_separator(UChar32 c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '-' || c == '\'';
  return u_isUWhiteSpace(c) || c == '-' || c == 0x2010 || c == 0x2011 || c == '\'' || c == 0x2019 ||
         c == 0x02BC || c == 0xAD || c == 0x200B;
}

// Folding may leave punctuation (a Cyrillic soft sign becomes a prime, then
// an apostrophe): keep letters and digits only.
// Slavic names written with "-ich" in English ("Leposavich") fold like
// their "-ić" spelling: the key of the word just appended at `start` loses
// its last letter.
void fold_ich(std::string& key, size_t start) {
  if (key.size() - start > 4 && key.compare(key.size() - 3, 3, "ich") == 0) key.pop_back();
}

void append_folded(std::string_view word, std::string& key) {
  size_t start = key.size();
  bool ascii = true;
  for (char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {  // most words of most news: lower-case them here, no ICU, no allocation
    for (char c : word) key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    fold_ich(key, start);
    return;
  }
  std::string folded = fold_for_matching(word);
  for (char c : folded) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80) key.push_back(c);
  }
  fold_ich(key, start);
}

}  // namespace

MatchText make_match_text(std::string_view text) {
  MatchText m;
  m.key.reserve(text.size() + 2);
  m.tokens.reserve(text.size() / 5 + 4);  // about a token per five bytes of prose
  m.key.push_back(' ');
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX)), i = 0;
  bool barrier = false;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || !is_word_char(c)) {
      // A full stop between single letters is an abbreviation ("U.S.",
      // "W.Va."), not the end of a sentence.
      bool abbreviation = c == '.' && !m.tokens.empty() && m.tokens.back().end + 1 == static_cast<uint32_t>(i) &&
                          m.tokens.back().end - m.tokens.back().begin == 1 && i < n && p[i] < 0x80 &&
                          is_ascii_alnum(static_cast<char>(p[i])) && (i + 1 >= n || !is_ascii_alnum(static_cast<char>(p[i + 1])));
      if (c < 0 || (!is_soft_separator(c) && !abbreviation)) barrier = true;
      continue;
    }
    // A word: letters, digits and marks.
    MatchToken t;
    t.begin = static_cast<uint32_t>(start);
    t.capitalised = c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c));
    int letters = (c < 0x80 ? !(c >= '0' && c <= '9') : u_isalpha(c)) ? 1 : 0, upper = t.capitalised ? 1 : 0;
    int32_t end = i;
    while (end < n) {
      if (p[end] < 0x80) {  // ASCII: no decoding, no property lookup
        char a = static_cast<char>(p[end]);
        if (!is_ascii_alnum(a)) break;
        if (!(a >= '0' && a <= '9')) {
          ++letters;
          if (a >= 'A' && a <= 'Z') ++upper;
        }
        ++end;
        continue;
      }
      int32_t next = end;
      UChar32 d;
      U8_NEXT(p, next, n, d);
      if (is_invisible_joiner(d) && next < n) {
        // Inside a word: "zusam\u00ADmen\u00ADfüh\u00ADren" is one word,
        // which folding writes without them.
        int32_t after = next;
        UChar32 e;
        U8_NEXT(p, after, n, e);
        if (e >= 0 && is_word_char(e)) {
          end = next;
          continue;
        }
      }
      if (d < 0 || !is_word_char(d)) break;
      if (u_isalpha(d)) {
        ++letters;
        if (u_isupper(d)) ++upper;
      }
      end = next;
    }
    i = end;
    t.end = static_cast<uint32_t>(end);
    t.all_caps = letters > 1 && upper == letters;
    if (barrier && m.tokens.size() > 0) m.key += "# ";
    barrier = false;
    t.key_begin = static_cast<uint32_t>(m.key.size());
    append_folded(text.substr(start, end - start), m.key);
    if (m.key.size() == t.key_begin) continue;  // folded to nothing
    t.key_end = static_cast<uint32_t>(m.key.size());
    m.key.push_back(' ');
    m.tokens.push_back(t);
  }
  return m;
}

std::string match_key(std::string_view phrase) {
  MatchText m = make_match_text(phrase);
  if (m.key.size() <= 2) return {};
  return m.key.substr(1, m.key.size() - 2);
}

}  // namespace seismo
