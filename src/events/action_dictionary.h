// The action dictionary: CAMEO codes with their scores and mappings, and
// the verb patterns that express them. Format: docs/dictionaries.md.
// Internal to events.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "events/events.h"

namespace seismo {

// One verb pattern: a head verb and, optionally, words that must follow
// it in order ("take into custody", "raise readiness"). Each word is a set
// of alternative stems ("build/built").
struct ActionPattern {
  std::vector<std::vector<std::string>> words;  // stems; words[0] is the head verb
  std::string text;                             // as written in the dictionary
  std::string cameo;
};

class ActionDictionary {
 public:
  // Adds the codes and patterns of a seismo-format file. Problems go to
  // `warnings` with file and line; returns false if the file cannot be read.
  bool load(const std::string& path, std::vector<std::string>& warnings);

  const ActionCode* code(const std::string& cameo) const;
  const std::unordered_map<std::string, ActionCode>& codes() const { return codes_; }
  // Patterns whose head verb has this stem, longest first.
  const std::vector<const ActionPattern*>* patterns_for_head(const std::string& stem) const;
  size_t pattern_count() const { return patterns_.size(); }

 private:
  void index();

  std::unordered_map<std::string, ActionCode> codes_;
  std::vector<ActionPattern> patterns_;
  std::unordered_map<std::string, std::vector<const ActionPattern*>> by_head_;
};

}  // namespace seismo
