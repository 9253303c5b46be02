// What a loaded syntax model holds, shared by loading, annotation and
// training (which writes the same sections).
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/lemmatizer.h"
#include "syntax/linear_model.h"
#include "syntax/model_file.h"
#include "syntax/syntax.h"

namespace seismo::syntax {

// Section names in the model file.
inline constexpr std::string_view kMetaSection = "meta", kTaggerSection = "tagger", kTagger2Section = "tagger2", kMovesSection = "moves",
                                  kLabelsSection = "labels", kLemmaSection = "lemmas";

// The meta section: lines "description\tTEXT", "tag\tUPOS\tXPOS" (classes
// in order) and "label\tDEPREL" (classes in order).
struct ModelMeta {
  std::string description;
  std::vector<std::pair<std::string, std::string>> tags;
  std::vector<std::string> labels;
  std::string serialise() const;
  bool parse(std::string_view text, std::string& error);
  int label_index(std::string_view name) const;
};

}  // namespace seismo::syntax

namespace seismo {

struct SyntaxModel::Impl {
  std::unique_ptr<syntax::MappedModel> file;
  syntax::ModelMeta meta;
  syntax::LinearModel tagger, tagger2, moves, labels;
  syntax::Lemmatizer lemmatizer;
  int root_label = 0;
  std::vector<uint64_t> coarse;  // coarse_tag_hash of each tag class's UPOS
  // The classes a word may take when the caller marks it (SyntaxToken):
  // in_name, verb_form.
  std::vector<bool> name_classes, verb_classes;
};

}  // namespace seismo
