#include "comments/normalise.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <memory>

#include "common/fold.h"

namespace seismo {
namespace {

enum class Kind { kSpace, kWord, kSymbol, kApostrophe, kHyphen, kStop, kClause, kQuote };

// Symbols that stand for letters in disguised spellings ("a$$", "@ss",
// "sh!t", "f*ck"); they belong to a word only when a letter or digit is next
// to them.
bool is_disguise(UChar32 c) { return c == '*' || c == '@' || c == '$' || c == '!' || c == '|' || c == '+' || c == '#'; }

Kind kind_of(UChar32 c) {
  // U+2018 too: typed for an apostrophe often enough ("testa ‘ri cazzu").
  if (c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC) return Kind::kApostrophe;
  if (c == '-' || c == 0x2010 || c == 0x2011 || c == 0xAD) return Kind::kHyphen;
  if (c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB) return Kind::kQuote;
  if (c == '.' || c == '?' || c == 0x2026 || c == '\n') return Kind::kStop;
  if (is_disguise(c)) return Kind::kSymbol;
  if (c < 0x80 ? (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') : u_isUWhiteSpace(c)) return Kind::kSpace;
  if (c == 0x200B) return Kind::kSpace;
  if (c < 0x80 ? ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
               : (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_COMBINING_SPACING_MARK))
    return Kind::kWord;
  return Kind::kClause;
}

struct Code {
  UChar32 c;
  int32_t begin, end;
  Kind kind;
};

std::vector<Code> code_points(std::string_view text) {
  std::vector<Code> out;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX)), i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    out.push_back({c, start, i, kind_of(c)});
  }
  return out;
}

// Letters of another script that look like Latin ones, inside a word that
// is otherwise Latin ("Yоur" with a Cyrillic о, "сunt" with a Cyrillic с):
// ICU's confusable skeleton says which Latin letter each one imitates.
std::string unconfuse(std::string_view word) {
  bool latin = false, other = false;
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  int32_t n = static_cast<int32_t>(word.size()), i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &st);
    if (sc == USCRIPT_LATIN) latin = true;
    else if (sc == USCRIPT_CYRILLIC || sc == USCRIPT_GREEK) other = true;
  }
  if (!latin || !other) return std::string(word);
  thread_local std::unique_ptr<USpoofChecker, void (*)(USpoofChecker*)> checker(
      [] {
        UErrorCode st = U_ZERO_ERROR;
        USpoofChecker* sc = uspoof_open(&st);
        return U_FAILURE(st) ? nullptr : sc;
      }(),
      [](USpoofChecker* sc) {
        if (sc) uspoof_close(sc);
      });
  std::string out;
  i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    std::string_view one = word.substr(static_cast<size_t>(start), static_cast<size_t>(i - start));
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &st);
    if (checker && (sc == USCRIPT_CYRILLIC || sc == USCRIPT_GREEK)) {
      char skeleton[16];
      UErrorCode e = U_ZERO_ERROR;
      int32_t len = uspoof_getSkeletonUTF8(checker.get(), 0, one.data(), static_cast<int32_t>(one.size()), skeleton,
                                          sizeof skeleton, &e);
      if (U_SUCCESS(e) && len == 1 && static_cast<unsigned char>(skeleton[0]) < 0x80) {
        out.push_back(skeleton[0]);
        continue;
      }
    }
    out += one;
  }
  return out;
}

bool is_plain_key_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80; }
bool has_letter(std::string_view s) {
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

std::string letters_only(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (is_plain_key_char(c)) out.push_back(c);
  }
  return out;
}

// Runs of three or more of one letter ("fuuuck", "asssss") shortened to one
// and to two letters.
std::vector<std::string> collapsed(std::string_view s) {
  std::string one, two;
  bool changed = false;
  for (size_t i = 0; i < s.size();) {
    size_t j = i;
    while (j < s.size() && s[j] == s[i]) ++j;
    size_t run = j - i;
    if (run >= 3 && static_cast<unsigned char>(s[i]) < 0x80) changed = true;
    one.append(run >= 3 ? 1 : run, s[i]);
    two.append(run >= 3 ? 2 : run, s[i]);
    i = j;
  }
  if (!changed) return {};
  return {one, two};
}

char leet_letter(char c) {
  switch (c) {
    case '0': return 'o';
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '7': return 't';
    case '8': return 'b';
    case '@': return 'a';
    case '$': return 's';
    case '!': return 'i';
    case '|': return 'i';
    case '+': return 't';
    default: return c;
  }
}

// What a folded word hides, if it is a disguised lexicon word; else the
// word's letters and digits. Numbers and identifiers are never decoded: a
// key is only read as a lexicon word, never invented.
std::string read_key(const std::string& folded, const LexiconView* lex) {
  std::string plain = letters_only(folded);
  if (!lex) return plain;
  if (lex->is_word(plain)) return plain;
  if (!has_letter(folded)) return plain;
  bool symbols = plain.size() != folded.size();
  bool digits = false;
  for (char c : folded) digits = digits || (c >= '0' && c <= '9');
  auto accept = [&](const std::string& k) { return lex->is_word(k); };
  if (symbols || digits) {
    std::string leet;
    for (char c : folded) {
      char l = leet_letter(c);
      if (is_plain_key_char(l)) leet.push_back(l);
      else if (l == '*' || l == '#') leet.push_back('*');
    }
    if (leet.find('*') == std::string::npos) {
      if (accept(leet)) return leet;
      for (const auto& c : collapsed(leet)) {
        if (accept(c)) return c;
      }
    } else if (lex->words_of_length) {
      // Masked letters: the one lexicon word of that length with the
      // other letters in place.
      if (const auto* words = lex->words_of_length(leet.size())) {
        const std::string* found = nullptr;
        int known = 0;
        for (char c : leet) known += c != '*';
        if (known >= 1) {
          for (const auto& w : *words) {
            bool fits = true;
            for (size_t k = 0; k < w.size() && fits; ++k) fits = leet[k] == '*' || leet[k] == w[k];
            if (fits) {
              found = &w;
              break;
            }
          }
        }
        if (found) return *found;
      }
    }
  }
  for (const auto& c : collapsed(plain)) {
    if (accept(c)) return c;
  }
  // A contraction or possessive ("here's", "Randy's") is an ordinary word
  // with its ending, never a typo: "heres" is no "herpes" mistyped.
  bool apostrophe = folded.find('\'') != std::string::npos || folded.find("\xE2\x80\x99") != std::string::npos ||
                    folded.find("\xE2\x80\x98") != std::string::npos || folded.find("\xCA\xBC") != std::string::npos;
  if (plain.size() >= 4 && lex->near && !apostrophe) {
    std::string n = lex->near(plain);
    if (!n.empty()) return n;
  }
  return plain;
}

struct RawToken {
  int32_t begin, end;  // bytes
  std::string folded;
  bool stop_before = false, clause_before = false, quoted = false, capitalised = false, all_caps = false;
  bool question_after = false;  // a "?" follows it
};

std::vector<RawToken> raw_tokens(std::string_view text) {
  std::vector<Code> cps = code_points(text);
  std::vector<RawToken> out;
  bool stop = false, clause = false, in_quote = false;
  size_t i = 0;
  auto is_part = [&](size_t k) {
    Kind kd = cps[k].kind;
    if (kd == Kind::kWord) return true;
    // A disguise symbol, an apostrophe or a dot between or beside word
    // characters stays in the word: "sh!t", "f*ck", "don't", "a$$".
    if (kd == Kind::kSymbol || kd == Kind::kApostrophe) {
      bool before = k > 0 && (cps[k - 1].kind == Kind::kWord || cps[k - 1].kind == Kind::kSymbol);
      bool after = k + 1 < cps.size() && (cps[k + 1].kind == Kind::kWord || cps[k + 1].kind == Kind::kSymbol);
      if (kd == Kind::kApostrophe) return before && after;
      if (cps[k].c == '!') return before && after;  // a final "!" ends a sentence
      return before || after;
    }
    return false;
  };
  while (i < cps.size()) {
    if (!is_part(i)) {
      Kind kd = cps[i].kind;
      if (kd == Kind::kStop || (cps[i].c == '!')) {
        // "U.S.", "f.u.c.k": a dot between letters does not end a sentence.
        bool inner_dot = cps[i].c == '.' && i > 0 && i + 1 < cps.size() && cps[i - 1].kind == Kind::kWord &&
                         cps[i + 1].kind == Kind::kWord;
        if (!inner_dot) stop = true;
        if (cps[i].c == '?' && !out.empty()) out.back().question_after = true;
      } else if (kd == Kind::kClause || kd == Kind::kSymbol) {
        clause = true;
      } else if (kd == Kind::kQuote) {
        in_quote = !in_quote;
        clause = true;
      }
      ++i;
      continue;
    }
    size_t j = i;
    while (j < cps.size() && is_part(j)) ++j;
    RawToken t;
    t.begin = cps[i].begin;
    t.end = cps[j - 1].end;
    std::string raw = unconfuse(text.substr(static_cast<size_t>(t.begin), static_cast<size_t>(t.end - t.begin)));
    t.folded = fold_for_matching(raw);
    t.stop_before = stop;
    t.clause_before = clause;
    t.quoted = in_quote;
    UChar32 first = cps[i].c;
    t.capitalised = u_isupper(first) || u_istitle(first);
    bool all = true;
    int letters = 0;
    for (size_t k = i; k < j; ++k) {
      if (u_isalpha(cps[k].c)) {
        ++letters;
        all = all && u_isupper(cps[k].c);
      }
    }
    t.all_caps = all && letters > 1;
    out.push_back(std::move(t));
    stop = clause = false;
    i = j;
  }
  return out;
}

}  // namespace

CommentText normalise_comment(std::string_view text, const LexiconView* lexicon) {
  std::vector<RawToken> raw = raw_tokens(text);
  struct Word {
    RawToken raw;
    std::string key;
  };
  std::vector<Word> words;
  words.reserve(raw.size());
  for (auto& r : raw) {
    // English contractions: "I'll" is "I will", "they're" is "they are"
    // ("don't" stays one word, as the lexicons write it).
    std::string expansion;
    for (auto [suffix, word] : {std::pair{"'ll", "will"}, {"'re", "are"}, {"'ve", "have"}, {"'d", "would"}, {"'m", "am"}}) {
      std::string_view sfx(suffix);
      if (r.folded.size() > sfx.size() && r.folded.compare(r.folded.size() - sfx.size(), sfx.size(), sfx) == 0) {
        r.folded.resize(r.folded.size() - sfx.size());
        expansion = word;
        break;
      }
    }
    std::string key = read_key(r.folded, lexicon);
    if (key.empty()) continue;
    RawToken copy = expansion.empty() ? RawToken() : r;
    words.push_back({std::move(r), std::move(key)});
    if (!expansion.empty()) {
      copy.stop_before = copy.clause_before = false;
      words.push_back({std::move(copy), expansion});
    }
  }
  // Letters spaced out ("f u c k", "m u s l i m s"): three or more
  // one-letter words in a row that spell a lexicon word become that word.
  if (lexicon) {
    std::vector<Word> merged;
    for (size_t i = 0; i < words.size();) {
      size_t j = i;
      std::string joined;
      while (j < words.size() && words[j].key.size() == 1 && (j == i || !words[j].raw.clause_before) &&
             (j == i || !words[j].raw.stop_before))
        joined += words[j++].key;
      if (j - i >= 3 && lexicon->is_word(joined)) {
        Word w = words[i];
        w.raw.end = words[j - 1].raw.end;
        w.key = joined;
        merged.push_back(std::move(w));
        i = j;
        continue;
      }
      merged.push_back(std::move(words[i]));
      ++i;
    }
    words = std::move(merged);
  }
  CommentText out;
  MatchText& m = out.match;
  m.key.push_back(' ');
  uint32_t sentence = 0;
  for (size_t k = 0; k < words.size(); ++k) {
    const Word& w = words[k];
    if (k > 0 && w.raw.stop_before) ++sentence;
    if (k > 0 && (w.raw.stop_before || w.raw.clause_before)) m.key += "# ";
    MatchToken t;
    t.begin = static_cast<uint32_t>(w.raw.begin);
    t.end = static_cast<uint32_t>(w.raw.end);
    t.key_begin = static_cast<uint32_t>(m.key.size());
    m.key += w.key;
    t.key_end = static_cast<uint32_t>(m.key.size());
    m.key.push_back(' ');
    t.capitalised = w.raw.capitalised;
    t.all_caps = w.raw.all_caps;
    m.tokens.push_back(t);
    out.sentence.push_back(sentence);
    out.quoted.push_back(w.raw.quoted);
    if (out.question.size() <= sentence) out.question.resize(sentence + 1, false);
    if (w.raw.question_after) out.question[sentence] = true;
  }
  return out;
}

std::string lexicon_key(std::string_view phrase) {
  CommentText t = normalise_comment(phrase, nullptr);
  std::string key;
  for (size_t i = 0; i < t.match.tokens.size(); ++i) {
    if (i) key.push_back(' ');
    key += t.match.key_of(i);
  }
  return key;
}

}  // namespace seismo
