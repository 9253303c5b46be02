// CoNLL-U (https://universaldependencies.org/format.html) read and written
// with the syntax stage's tokens. Multiword token ranges ("1-2") and empty
// nodes ("1.1") are kept verbatim and written back where they were, so a
// re-parsed file keeps its tokenisation line for line.
#pragma once
#include <istream>
#include <string>
#include <utility>
#include <vector>

#include "syntax/syntax.h"

namespace seismo {

struct ConlluSentence {
  std::vector<std::string> comments;  // "# ..." lines, without the newline
  std::vector<SyntaxToken> words;     // the syntactic words, ids 1..n
  std::vector<std::string> feats, deps, misc;  // per word, as read ("_" when empty)
  // Range and empty-node lines, each with the number of words before it.
  std::vector<std::pair<size_t, std::string>> extra_lines;
};

class ConlluReader {
 public:
  // `name` is what errors say the input is (a file name).
  ConlluReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}
  // The next sentence; false at the end or on a malformed line, which
  // error() then names ("FILE line N: ...").
  bool next(ConlluSentence& sentence);
  const std::string& error() const { return error_; }

 private:
  bool check_heads(const ConlluSentence& s);  // every head names a word of the sentence
  std::istream& in_;
  std::string name_, error_;
  size_t line_no_ = 0;
};

// The sentence as CoNLL-U lines, ending with the blank line.
std::string to_conllu(const ConlluSentence& sentence);

// The universal part of a relation: "nsubj:pass" -> "nsubj".
std::string universal_relation(const std::string& deprel);

}  // namespace seismo
