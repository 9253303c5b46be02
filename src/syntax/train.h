// Training the syntax model from CoNLL-U: deterministic (the same sentences,
// options and seed give the same bytes), single-threaded.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "syntax/conllu.h"

namespace seismo::syntax {

struct TrainOptions {
  int tagger_epochs = 5;
  int parser_epochs = 8;
  int folds = 4;          // jackknifing: the parser learns from tags predicted by taggers that never saw the sentence
  uint64_t seed = 1;      // shuffling and the dynamic oracle's exploration
  double explore = 0.9;   // from the second epoch, how often a wrong predicted move is followed
  float min_weight = 0;   // averaged weights smaller than this are not stored
  double keep = 1.0;      // and only this share of the largest weights of the parser's classifiers
  double keep_tagger = 1.0;  // and of the tagger's
  std::string description;  // stored in the model
  std::function<void(const std::string&)> log;  // progress lines, may be empty
};

// The model file's bytes.
std::string train_syntax_model(const std::vector<ConlluSentence>& sentences, const TrainOptions& options);

}  // namespace seismo::syntax
