// A set of phrases compiled once into one Hyperscan automaton and matched
// against a MatchText in a single pass, whatever the number of phrases
// (a gazetteer holds some 400,000 names). Phrases are match keys
// (match_key()); a hit always covers whole tokens.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/match_text.h"

namespace seismo {

class PhraseSet {
 public:
  struct Hit {
    uint32_t id;           // index of the phrase in the list it was compiled from
    uint32_t first_token;  // tokens [first_token, end_token) of the MatchText
    uint32_t end_token;
  };

  // Compiles `keys` (match keys; empty ones never match). Returns null and
  // sets `error` when Hyperscan refuses the set.
  static std::unique_ptr<PhraseSet> compile(const std::vector<std::string>& keys, std::string* error);
  // Rebuilds a set from serialize()'s bytes without compiling again.
  static std::unique_ptr<PhraseSet> deserialize(std::string_view bytes, std::string* error);
  ~PhraseSet();

  std::string serialize() const;

  // Every occurrence of every phrase, overlapping ones included, in order
  // of their end. Thread-safe: each thread keeps its own scratch space.
  std::vector<Hit> scan(const MatchText& text) const;

 private:
  struct Impl;
  explicit PhraseSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace seismo
