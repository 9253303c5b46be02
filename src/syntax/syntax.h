// The syntax stage: English tokenisation in UD English EWT style, and a
// tagger (UPOS + XPOS), lemmatiser and dependency parser trained by seismo on
// UD English EWT (tools/train_syntax.cc, model card data/models/README.md).
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace seismo {

struct SyntaxToken {
  std::string form;
  size_t begin = 0, end = 0;  // byte offsets into the text given to the tokenizer
  std::string lemma, upos, xpos;  // upos: "VERB", "NOUN", ...
  int head = -1;  // 0 = root, else 1-based index of the head token in the sentence
  std::string deprel;  // full UD relation with subtype: "nsubj:pass", "obl", "compound:prt"
  // Set by the caller before annotate(): the word is part of a name it has
  // recognised (an entity mention written with a capital), so it is tagged
  // a proper noun, a noun, an adjective or a number — never a verb.
  bool in_name = false;
  // Set by the caller before annotate(): the word is a verb form here
  // ("struck", "retook"; see tools/verb_forms.sh), so it is tagged a verb or
  // an adjective (a participle) — never a noun. A `lemma` the caller gives
  // with it is kept when the word is tagged a verb: the learned lemmatiser
  // has not seen every irregular form.
  bool verb_form = false;
};

// Splits text into tokens (UD EWT conventions: punctuation, n't, 's, 're,
// 'll, hyphens and slashes split off; URLs, e-mail addresses, numbers such as
// 1,000 and 3.5, and abbreviations such as U.S., Dr. and e.g. kept whole).
// Offsets are relative to `text` plus `offset`. Invalid UTF-8 never crashes:
// bytes that are not letters stay inside the token they touch.
std::vector<SyntaxToken> tokenize_english(std::string_view text, size_t offset = 0);

// Groups tokens of `text` (as tokenize_english gave them, with the same
// `offset`) into sentences: after . ! ? (and the quotes or brackets that close
// them) before a token that can start a sentence, and at blank lines.
std::vector<std::vector<SyntaxToken>> split_english_sentences(std::vector<SyntaxToken> tokens,
                                                              std::string_view text, size_t offset = 0);

// Sentences longer than this are parsed in chunks of this many tokens; each
// later chunk's root is attached to the first chunk's root as `dep`. Tagging
// and lemmatisation see the whole sentence.
inline constexpr size_t kMaxParseTokens = 400;

class SyntaxModel {
 public:
  // nullptr and a one-line `error` naming the file when it is missing,
  // truncated, corrupt or of another version.
  static std::unique_ptr<SyntaxModel> load(const std::string& path, std::string& error);
  // Tags, lemmatises and parses one sentence in place (forms given). Always
  // yields a tree with one root (every token a head), never crashes.
  // Thread-safe: the model is read-only once loaded.
  void annotate(std::vector<SyntaxToken>& sentence) const;
  // The file's size in bytes and what it was trained on (its metadata line).
  size_t file_size() const;
  std::string description() const;
  ~SyntaxModel();

  struct Impl;

 private:
  explicit SyntaxModel(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// data/models/en_ewt.syntax in the source tree (beside the build tree the
// binary belongs to) or beside the installed binary's data.
std::string default_syntax_model_path();

}  // namespace seismo
