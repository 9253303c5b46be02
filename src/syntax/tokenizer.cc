// English tokenisation as UD English EWT does it. A text is cut at white
// space (including no-break and other Unicode spaces), then each piece is
// peeled: opening punctuation from the front, closing punctuation from the
// back (a final period stays on an abbreviation), clitics from the end of
// the word (n't, 's, 're, 've, 'll, 'd, 'm; "cannot", "gonna"), and the word
// is cut at hyphens and slashes between letters (not after prefixes such as
// "e-", "co-", "non-", nor between digits: 713-853-3989, 11/28/2000).
#include <array>
#include <cstring>

#include "syntax/syntax.h"

namespace seismo {
namespace {

struct Span {
  size_t begin, end;
};

// One code point at s[i]: its value (U+FFFD for an ill-formed byte) and length.
char32_t decode(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    *len = 1;
    return 0xfffd;
  }
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
  for (size_t k = 1; k < n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xc0) != 0x80) {
      *len = 1;
      return 0xfffd;
    }
    cp = (cp << 6) | (cc & 0x3f);
  }
  *len = n;
  return cp;
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xa0 ||
         (c >= 0x2000 && c <= 0x200b) || c == 0x202f || c == 0x205f || c == 0x3000 || c == 0xfeff || c == 0x85;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Punctuation that is a token of its own wherever it stands.
bool is_punct(char32_t c) {
  if (c < 0x80) return std::strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~", static_cast<int>(c)) && c != 0;
  return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e) || c == 0xab || c == 0xbb || c == 0xa1 ||
         c == 0xbf || c == 0xb7 || c == 0xa7 || c == 0xb6 || c == 0x3001 || c == 0x3002;
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

// Letters and marks of any script, as far as tokenisation needs: anything
// that is neither space, punctuation, digit nor a control.
bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return !is_punct(c) && !is_space(c) && c != 0xfffd;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> list) {
  for (auto w : list)
    if (word == w) return true;
  return false;
}

// Words whose final period belongs to them ("Dr.", "etc."), lower-cased,
// without the period.
bool known_abbreviation(std::string_view w) {
  return one_of(w, {"mr",   "mrs",  "ms",   "dr",   "prof", "sr",   "jr",   "st",   "vs",   "etc",  "inc",
                    "ltd",  "co",   "corp", "jan",  "feb",  "mar",  "apr",  "jun",  "jul",  "aug",  "sep",
                    "sept", "oct",  "nov",  "dec",  "gen",  "sen",  "rep",  "gov",  "lt",   "col",  "capt",
                    "sgt",  "no",   "mt",   "ft",   "approx", "dept", "est", "fig", "vol",  "pp",   "cf",
                    "al",   "ave",  "blvd", "rd",   "univ", "assn", "bros", "messrs", "hon", "rev", "pres",
                    "adm",  "maj",  "cmdr", "atty", "supt", "mon",  "tue",  "tues", "wed", "thu", "thurs",
                    "fri",  "sat",  "sun",  "min",  "max",  "hr",   "hrs",  "sq",   "mi",   "oz",  "lb", "lbs"});
}

// Hyphenated prefixes EWT keeps inside the word ("e-mail", "non-profit").
bool keeps_hyphen(std::string_view prefix) {
  return one_of(lower_ascii(prefix), {"e", "co", "non", "pre", "post", "re", "anti", "multi", "ex", "mid", "sub",
                                      "semi", "pro", "inter", "intra", "counter", "cross", "de", "bi", "tri", "x"});
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, size_t offset) : text_(text), offset_(offset) {}

  std::vector<SyntaxToken> run() {
    size_t i = 0;
    while (i < text_.size()) {
      size_t len;
      if (is_space(decode(text_, i, &len))) {
        i += len;
        continue;
      }
      size_t start = i;
      while (i < text_.size() && !is_space(decode(text_, i, &len))) i += len;
      piece(start, i);
    }
    return std::move(tokens_);
  }

 private:
  char32_t at(size_t i, size_t* len) const { return decode(text_, i, len); }
  // The code point ending at byte `end` (> begin).
  char32_t before(size_t begin, size_t end, size_t* len) const {
    size_t j = end - 1;
    while (j > begin && (static_cast<unsigned char>(text_[j]) & 0xc0) == 0x80 && end - j < 4) --j;
    char32_t c = decode(text_, j, len);
    if (j + *len != end) {
      *len = 1;
      return 0xfffd;
    }
    return c;
  }

  void emit(size_t b, size_t e) {
    if (b >= e) return;
    SyntaxToken t;
    t.form = std::string(text_.substr(b, e - b));
    t.begin = offset_ + b;
    t.end = offset_ + e;
    tokens_.push_back(std::move(t));
  }

  bool url_like(size_t b, size_t e) const {
    std::string w = lower_ascii(text_.substr(b, e - b));
    if (w.rfind("http://", 0) == 0 || w.rfind("https://", 0) == 0 || w.rfind("www.", 0) == 0 ||
        w.rfind("ftp://", 0) == 0 || w.rfind("mailto:", 0) == 0)
      return true;
    size_t at_sign = w.find('@');
    return at_sign != std::string::npos && at_sign > 0 && w.find('.', at_sign) != std::string::npos &&
           w.find('.', at_sign) + 1 < w.size();
  }

  // The end of a run of one repeated punctuation mark ("...", "--", "!!!",
  // "?!") starting at b.
  size_t punct_run(size_t b, size_t e) const {
    size_t len;
    char32_t c = at(b, &len);
    size_t i = b + len;
    if (c == '.' || c == '-' || c == '!' || c == '?' || c == '*' || c == '=' || c == '<' || c == '>' || c == '_') {
      while (i < e) {
        size_t l2;
        char32_t d = at(i, &l2);
        bool same = d == c || ((c == '!' || c == '?') && (d == '!' || d == '?'));
        if (!same) break;
        i += l2;
      }
    }
    return i;
  }

  void piece(size_t b, size_t e) {
    std::vector<Span> tail;  // closing punctuation, last first
    size_t len;
    // Opening punctuation (and any punctuation before the first letter or
    // digit, except a period or sign starting a number: ".5", "-3").
    while (b < e) {
      char32_t c = at(b, &len);
      if (!is_punct(c)) break;
      if ((c == '.' || c == '-' || c == '+') && b + len < e && is_digit(static_cast<unsigned char>(text_[b + len])))
        break;
      if (is_apostrophe(c) && b + len < e && clitic_start(b, e)) break;
      size_t r = punct_run(b, e);
      emit(b, r);
      b = r;
    }
    if (b >= e) return;
    if (url_like(b, e)) {
      // Trailing punctuation that ends a sentence or clause is not the URL's.
      size_t end = e;
      while (end > b) {
        char32_t c = before(b, end, &len);
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == '"' ||
            c == 0x201d || c == 0x2019 || c == '\'')
          end -= len;
        else
          break;
      }
      emit(b, end);
      for (size_t i = end; i < e;) {
        size_t r = punct_run(i, e);
        emit(i, r);
        i = r;
      }
      return;
    }
    // Closing punctuation, back to front.
    while (e > b) {
      char32_t c = before(b, e, &len);
      if (!is_punct(c)) break;
      if (c == '.' && keeps_period(b, e)) break;
      // A run of the same mark is one token.
      size_t s = e - len;
      while (s > b) {
        size_t l2;
        char32_t d = before(b, s, &l2);
        bool same = d == c || ((c == '!' || c == '?') && (d == '!' || d == '?'));
        if (!same || !(c == '.' || c == '-' || c == '!' || c == '?' || c == '*' || c == '=')) break;
        s -= l2;
      }
      tail.push_back({s, e});
      e = s;
    }
    word(b, e);
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) emit(it->begin, it->end);
  }

  // "U.S.", "e.g.", "a.m.", "J.", "Dr.", "etc.": the period is the word's.
  bool keeps_period(size_t b, size_t e) const {
    std::string_view w = text_.substr(b, e - b - 1);  // without the final period
    if (w.empty()) return false;
    if (known_abbreviation(lower_ascii(w))) return true;
    // Short runs of letters separated by single periods: "U.S", "e.g",
    // "Ph.D" (not "Wait..", nor "file.txt").
    if (w.find('.') != std::string_view::npos) {
      size_t run = 0;
      bool ok = true;
      for (char c : w) {
        if (c == '.') {
          ok = ok && run >= 1;
          run = 0;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
          ok = ok && ++run <= 3;
        } else {
          ok = false;
        }
      }
      if (ok && run >= 1) return true;
    }
    // An initial: one capital letter.
    return w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z';
  }

  // Whether the apostrophe at b starts a clitic that ends the piece ("'s").
  bool clitic_start(size_t b, size_t e) const {
    size_t len;
    at(b, &len);
    std::string rest = lower_ascii(text_.substr(b + len, e - b - len));
    return one_of(rest, {"s", "re", "ve", "ll", "d", "m"});
  }

  // A word with its clitics: cut them from the end, then cut the stem at
  // hyphens and slashes.
  void word(size_t b, size_t e) {
    if (b >= e) return;
    std::string low = lower_ascii(text_.substr(b, e - b));
    size_t n = low.size();
    auto ends_with = [&](std::string_view s) { return n > s.size() && low.compare(n - s.size(), s.size(), s) == 0; };
    // n't and n’t: "don't" -> "do" + "n't", "can't" -> "ca" + "n't".
    for (std::string_view nt : {std::string_view("n't"), std::string_view("n\xe2\x80\x99t")}) {
      if (ends_with(nt)) {
        stem(b, e - nt.size());
        emit(e - nt.size(), e);
        return;
      }
    }
    for (std::string_view cl : {"'s", "'re", "'ve", "'ll", "'d", "'m"}) {
      std::string curly = "\xe2\x80\x99" + std::string(cl.substr(1));
      for (const std::string& c : {std::string(cl), curly})
        if (ends_with(c) && is_letter_before(b, e - c.size())) {
          stem(b, e - c.size());
          emit(e - c.size(), e);
          return;
        }
    }
    if (low == "cannot") {
      emit(b, b + 3);
      emit(b + 3, e);
      return;
    }
    if (low == "gonna" || low == "wanna" || low == "gotta") {
      emit(b, b + 3);
      emit(b + 3, e);
      return;
    }
    stem(b, e);
  }

  bool is_letter_before(size_t b, size_t e) const {
    if (e <= b) return false;
    size_t len;
    return is_letter(before(b, e, &len));
  }

  // Cuts at '-' and '/' and at commas, semicolons, brackets and quotes
  // inside the word, unless digits stand on both sides (phone numbers,
  // dates, "1,000") or a hyphen follows a kept prefix.
  void stem(size_t b, size_t e) {
    size_t start = b, i = b, len;
    while (i < e) {
      char32_t c = at(i, &len);
      bool cut = false;
      if (c == '-' || c == '/' || c == ',' || c == ';' || c == '(' || c == ')' || c == '"' || c == '[' ||
          c == ']' || c == 0x2013 || c == 0x2014 || c == 0x201c || c == 0x201d) {
        bool digit_before = i > b && is_digit(static_cast<unsigned char>(text_[i - 1]));
        bool digit_after = i + len < e && is_digit(static_cast<unsigned char>(text_[i + len]));
        cut = !(digit_before && digit_after);
        if (c == '-' && cut && i > start && keeps_hyphen(text_.substr(start, i - start))) cut = false;
        if (c == '-' && i == start) cut = true;
        if ((c == '-' || c == '/') && (i == b || i + len >= e)) cut = true;
      }
      if (cut) {
        emit(start, i);
        size_t r = c == '-' ? punct_run(i, e) : i + len;
        emit(i, r);
        start = i = r;
        continue;
      }
      i += len;
    }
    emit(start, e);
  }

  std::string_view text_;
  size_t offset_;
  std::vector<SyntaxToken> tokens_;
};

}  // namespace

std::vector<SyntaxToken> tokenize_english(std::string_view text, size_t offset) {
  return Tokenizer(text, offset).run();
}

}  // namespace seismo
