// A dependency parse of one sentence as the event coder reads it: each
// word's head, children and relation, its folded form and stems, and the
// entity mention it belongs to. Internal to events.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "events/sentence_coder.h"
#include "syntax/syntax.h"

namespace seismo {

// Whether `w` is one of `words`.
inline bool one_of(std::string_view w, std::initializer_list<std::string_view> words) {
  for (std::string_view x : words)
    if (w == x) return true;
  return false;
}

class ParseTree {
 public:
  // `words` come from the syntax stage with byte offsets into `in.body`;
  // each word takes the mention of the sentence token it overlaps.
  ParseTree(const SentenceInput& in, const std::vector<SyntaxToken>& words);
  // The relations are views into the words' strings: a copy would point
  // into the original's.
  ParseTree(const ParseTree&) = delete;
  ParseTree& operator=(const ParseTree&) = delete;

  size_t size() const { return words_.size(); }
  const SyntaxToken& word(int i) const { return words_[i]; }
  int head(int i) const { return head_[i]; }  // -1 for the root
  const std::vector<int>& children(int i) const { return children_[i]; }
  // The universal relation, subtype stripped ("nsubj" for "nsubj:pass").
  std::string_view rel(int i) const { return rel_[i]; }
  const std::string& deprel(int i) const { return words_[i].deprel; }
  const std::string& lower(int i) const { return lower_[i]; }     // folded form
  const std::string& lemma(int i) const { return lemma_[i]; }     // folded lemma
  const std::string& stem(int i) const { return stem_[i]; }       // Snowball stem of the lemma
  const std::string& form_stem(int i) const { return form_stem_[i]; }
  int mention(int i) const { return mention_[i]; }  // index into SentenceInput::mentions, or -1
  bool is(int i, std::string_view upos) const { return words_[i].upos == upos; }

  // The first child with this relation (full "obl:agent" or universal
  // "obl"), or -1.
  int child(int i, std::string_view relation) const;
  // The folded form of the child with relation `case`/`mark` ("in", "by",
  // "according").
  std::string_view case_of(int i) const;
  std::string_view mark_of(int i) const;

  // Words of i's own clause: i and its dependents, not descending into
  // dependents that are clauses of their own (ccomp, advcl, acl, parataxis,
  // conj, csubj, list) — but into xcomp when `with_xcomp`.
  std::vector<int> clause_words(int i, bool with_xcomp) const;
  // The noun phrase headed by i: its dependents except clauses,
  // appositions and conjuncts. Sorted.
  std::vector<int> phrase_words(int i) const;
  // The body text from the first to the last of `words` (sorted).
  std::string_view text_of(const std::vector<int>& words, std::string_view body) const;

 private:
  std::vector<SyntaxToken> words_;
  std::vector<int> head_;
  std::vector<std::vector<int>> children_;
  std::vector<std::string_view> rel_;
  std::vector<std::string> lower_, lemma_, stem_, form_stem_;
  std::vector<int> mention_;
};

}  // namespace seismo
