// Sentence boundaries for plain text, over tokens: a token of only . ! ? or …
// ends a sentence (with the closing quotes and brackets right after it) when
// the next token can start one; a blank line always ends one. Abbreviations
// never end a sentence, since the tokenizer keeps their period inside them.
#include "syntax/syntax.h"

namespace seismo {
namespace {

bool final_mark(std::string_view f) {
  if (f.empty()) return false;
  for (size_t i = 0; i < f.size();) {
    if (f[i] == '.' || f[i] == '!' || f[i] == '?') {
      ++i;
    } else if (f.compare(i, 3, "\xe2\x80\xa6") == 0) {  // …
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

bool closing(std::string_view f) {
  return f == "\"" || f == "'" || f == ")" || f == "]" || f == "\xe2\x80\x9d" || f == "\xe2\x80\x99" ||
         f == "\xc2\xbb";
}

// Lower-case ASCII letters continue a sentence ("... etc. and more");
// everything else (capitals, digits, quotes, other scripts) may start one.
bool can_start(std::string_view f) { return !f.empty() && !(f[0] >= 'a' && f[0] <= 'z'); }

bool blank_line_between(std::string_view text, size_t from, size_t to) {
  int newlines = 0;
  for (size_t i = from; i < to && i < text.size(); ++i) {
    if (text[i] == '\n') {
      if (++newlines == 2) return true;
    } else if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') {
      newlines = 0;
    }
  }
  return false;
}

}  // namespace

std::vector<std::vector<SyntaxToken>> split_english_sentences(std::vector<SyntaxToken> tokens, std::string_view text,
                                                              size_t offset) {
  std::vector<std::vector<SyntaxToken>> out;
  std::vector<SyntaxToken> current;
  auto local = [&](size_t pos) { return pos >= offset ? pos - offset : 0; };
  for (size_t i = 0; i < tokens.size(); ++i) {
    current.push_back(std::move(tokens[i]));
    size_t j = i + 1;
    bool end = false;
    if (final_mark(current.back().form)) {
      while (j < tokens.size() && closing(tokens[j].form) && tokens[j].begin == current.back().end) {
        current.push_back(std::move(tokens[j]));
        i = j++;
      }
      end = j >= tokens.size() || can_start(tokens[j].form);
    }
    if (j < tokens.size() && blank_line_between(text, local(current.back().end), local(tokens[j].begin))) end = true;
    if (end || j >= tokens.size()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  return out;
}

}  // namespace seismo
