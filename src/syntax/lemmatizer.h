// Lemmas learned from a treebank's lemma column: for each tag and word ending
// (up to five bytes) the most frequent edit that turns a form into its lemma
// (lower-case or not, bytes cut from the end, bytes appended); words the
// edits get wrong in training are kept as exceptions, looked up first.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace seismo::syntax {

class LemmaTrainer {
 public:
  void add(std::string_view form, int tag, std::string_view lemma);
  std::string serialise() const;

 private:
  std::map<std::pair<std::string, int>, std::map<std::string, int>> lemmas_;  // (form, tag) -> lemma counts
};

class Lemmatizer {
 public:
  // Points into `blob`, which must outlive the lemmatizer.
  bool attach(std::string_view blob, std::string& error);
  std::string lemma(std::string_view form, int tag) const;

 private:
  // Sorted (hash, string offset) pairs and the strings they point at.
  struct Table {
    const uint64_t* keys = nullptr;
    const uint32_t* values = nullptr;
    size_t size = 0;
    const uint32_t* find(uint64_t key) const;  // the string offset, or null
  };
  Table exceptions_, rules_;
  std::string_view strings_;
};

}  // namespace seismo::syntax
