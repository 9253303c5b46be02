#include "syntax/train.h"

#include <algorithm>
#include <climits>
#include <map>

#include "syntax/lemmatizer.h"
#include "syntax/model_parts.h"
#include "syntax/parser.h"
#include "syntax/perceptron.h"
#include "syntax/tagger.h"
#include "syntax/word_features.h"

namespace seismo::syntax {
namespace {

// SplitMix64: a fixed, platform-independent sequence (std::shuffle and the
// std distributions differ between standard libraries).
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  void shuffle(std::vector<size_t>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[next() % i]);
  }

 private:
  uint64_t state_;
};

struct Example {
  std::vector<WordInfo> words;
  std::vector<int> tags;       // gold tag classes
  std::vector<int> predicted;  // jackknifed first-pass tag classes
  std::vector<int> parser_tags;  // jackknifed second-pass tag classes: what the parser learns from
  std::vector<int> heads;      // gold, n = root
  std::vector<int> labels;     // gold label classes
};

int argmax(const std::vector<float>& scores) {
  return static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

// With `second`, the second pass, reading each example's jackknifed
// first-pass tags.
Perceptron train_tagger(const std::vector<Example>& data, const std::vector<size_t>& use, int ntags, int epochs,
                        Random& rng, bool second = false) {
  Perceptron p(ntags);
  std::vector<size_t> order = use;
  std::vector<uint64_t> feats;
  std::vector<float> scores;
  for (int e = 0; e < epochs; ++e) {
    rng.shuffle(order);
    for (size_t idx : order) {
      const Example& ex = data[idx];
      std::vector<int> history(ex.words.size(), -1);
      for (size_t i = 0; i < ex.words.size(); ++i) {
        if (second)
          tagger_second_features(ex.words, ex.predicted, i, i >= 1 ? history[i - 1] : -1,
                                 i >= 2 ? history[i - 2] : -1, feats);
        else
          tagger_features(ex.words, i, i >= 1 ? history[i - 1] : -1, i >= 2 ? history[i - 2] : -1, feats);
        p.score(feats, scores);
        int guess = argmax(scores);
        p.update(feats, ex.tags[i], guess);
        p.tick();
        history[i] = guess;
      }
    }
  }
  return p;
}

std::vector<int> tag_with(const Perceptron& p, const std::vector<WordInfo>& words) {
  std::vector<int> tags(words.size(), -1);
  std::vector<uint64_t> feats;
  std::vector<float> scores;
  for (size_t i = 0; i < words.size(); ++i) {
    tagger_features(words, i, i >= 1 ? tags[i - 1] : -1, i >= 2 ? tags[i - 2] : -1, feats);
    p.score(feats, scores);
    tags[i] = argmax(scores);
  }
  return tags;
}

std::vector<int> second_pass_with(const Perceptron& p, const std::vector<WordInfo>& words,
                                  const std::vector<int>& first) {
  std::vector<int> tags(words.size(), -1);
  std::vector<uint64_t> feats;
  std::vector<float> scores;
  for (size_t i = 0; i < words.size(); ++i) {
    tagger_second_features(words, first, i, i >= 1 ? tags[i - 1] : -1, i >= 2 ? tags[i - 2] : -1, feats);
    p.score(feats, scores);
    tags[i] = argmax(scores);
  }
  return tags;
}

void train_parser(const std::vector<Example>& data, const std::vector<uint64_t>& coarse, int root_label,
                  const TrainOptions& opt,
                  Random& rng, Perceptron& moves, Perceptron& labels) {
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<uint64_t> feats, lfeats;
  std::vector<float> scores, lscores;
  for (int e = 0; e < opt.parser_epochs; ++e) {
    rng.shuffle(order);
    size_t correct = 0, total = 0;
    for (size_t idx : order) {
      const Example& ex = data[idx];
      int n = static_cast<int>(ex.words.size());
      ParseInput in;
      for (int i = 0; i < n; ++i) {
        in.word.push_back(ex.words[i].norm);
        in.tag.push_back(ex.parser_tags[i]);
        in.coarse.push_back(coarse[ex.parser_tags[i]]);
      }
      ParserState s(n);
      while (!s.terminal()) {
        parser_features(in, s, feats);
        moves.score(feats, scores);
        int cost[kMoves], min_cost = INT_MAX;
        for (int m = 0; m < kMoves; ++m) {
          cost[m] = move_cost(s, static_cast<Move>(m), ex.heads);
          min_cost = std::min(min_cost, cost[m]);
        }
        int pred = -1, gold = -1;
        for (int m = 0; m < kMoves; ++m) {
          if (cost[m] == INT_MAX) continue;
          if (pred < 0 || scores[m] > scores[pred]) pred = m;
          if (cost[m] == min_cost && (gold < 0 || scores[m] > scores[gold])) gold = m;
        }
        moves.update(feats, gold, pred);
        moves.tick();
        ++total;
        correct += pred == gold;
        int next = gold;
        if (pred != gold && e >= 1 && rng.uniform() < opt.explore) next = pred;
        Move move = static_cast<Move>(next);
        int label = -1;
        if (move != kShift) {
          int h = s.arc_head(move), d = s.arc_dependent();
          if (h == n) {
            label = root_label;
          } else {
            label_features(in, s, h, d, lfeats);
            labels.score(lfeats, lscores);
            lscores[root_label] = -1e30f;
            label = argmax(lscores);
            if (ex.heads[d] == h) {
              labels.update(lfeats, ex.labels[d], label);
              labels.tick();
            }
          }
        }
        s.apply(move, label);
      }
    }
    if (opt.log)
      opt.log("parser epoch " + std::to_string(e + 1) + ": moves agreeing with the oracle " +
              std::to_string(100.0 * correct / std::max<size_t>(total, 1)) + "%");
  }
}

}  // namespace

std::string train_syntax_model(const std::vector<ConlluSentence>& sentences, const TrainOptions& opt) {
  ModelMeta meta;
  meta.description = opt.description;
  std::map<std::pair<std::string, std::string>, int> tag_ids;
  std::map<std::string, int> label_ids;
  auto label_of = [&](const std::string& l) {
    auto [it, added] = label_ids.emplace(l, static_cast<int>(meta.labels.size()));
    if (added) meta.labels.push_back(l);
    return it->second;
  };
  label_of("root");
  std::vector<Example> data;
  LemmaTrainer lemmas;
  for (const auto& sent : sentences) {
    if (sent.words.empty()) continue;
    Example ex;
    int n = static_cast<int>(sent.words.size());
    bool complete = true;
    for (const auto& w : sent.words) {
      ex.words.push_back(word_info(w.form));
      auto key = std::make_pair(w.upos, w.xpos);
      auto [it, added] = tag_ids.emplace(key, static_cast<int>(meta.tags.size()));
      if (added) meta.tags.push_back(key);
      ex.tags.push_back(it->second);
      if (w.head < 0 || w.head > n) complete = false;
      ex.heads.push_back(w.head == 0 ? n : w.head - 1);
      ex.labels.push_back(label_of(w.head == 0 ? "root" : (w.deprel.empty() ? "dep" : w.deprel)));
      lemmas.add(w.form, it->second, w.lemma.empty() ? w.form : w.lemma);
    }
    if (complete) data.push_back(std::move(ex));
  }
  int ntags = static_cast<int>(meta.tags.size()), nlabels = static_cast<int>(meta.labels.size());
  Random rng(opt.seed);
  auto log = [&](const std::string& s) {
    if (opt.log) opt.log(s);
  };
  log(std::to_string(data.size()) + " sentences, " + std::to_string(ntags) + " tags, " + std::to_string(nlabels) +
      " labels");

  // Jackknifed tags for the parser.
  int folds = std::max(1, opt.folds);
  for (int k = 0; k < folds && folds > 1; ++k) {
    std::vector<size_t> use;
    for (size_t i = 0; i < data.size(); ++i)
      if (static_cast<int>(i % folds) != k) use.push_back(i);
    Perceptron p = train_tagger(data, use, ntags, opt.tagger_epochs, rng);
    for (size_t i = k; i < data.size(); i += folds) data[i].predicted = tag_with(p, data[i].words);
    log("jackknife fold " + std::to_string(k + 1) + " of " + std::to_string(folds) + " tagged");
  }
  std::vector<size_t> all(data.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  Perceptron tagger = train_tagger(data, all, ntags, opt.tagger_epochs, rng);
  if (folds <= 1)
    for (auto& ex : data) ex.predicted = tag_with(tagger, ex.words);
  // The second pass jackknifed the same way, over the first pass's
  // jackknifed tags, so the parser learns from tags as good as it will see.
  for (int k = 0; k < folds && folds > 1; ++k) {
    std::vector<size_t> use;
    for (size_t i = 0; i < data.size(); ++i)
      if (static_cast<int>(i % folds) != k) use.push_back(i);
    Perceptron p = train_tagger(data, use, ntags, opt.tagger_epochs, rng, true);
    for (size_t i = k; i < data.size(); i += folds)
      data[i].parser_tags = second_pass_with(p, data[i].words, data[i].predicted);
    log("jackknife fold " + std::to_string(k + 1) + " of " + std::to_string(folds) + " tagged by the second pass");
  }
  Perceptron tagger2 = train_tagger(data, all, ntags, opt.tagger_epochs, rng, true);
  if (folds <= 1)
    for (auto& ex : data) ex.parser_tags = second_pass_with(tagger2, ex.words, ex.predicted);
  log("tagger trained: " + std::to_string(tagger.features()) + " + " + std::to_string(tagger2.features()) +
      " features");

  Perceptron moves(kMoves), labels(nlabels);
  std::vector<uint64_t> coarse;
  for (const auto& tag : meta.tags) coarse.push_back(coarse_tag_hash(tag.first));
  train_parser(data, coarse, label_ids["root"], opt, rng, moves, labels);
  log("parser trained: " + std::to_string(moves.features()) + " move features, " + std::to_string(labels.features()) +
      " label features");

  ModelWriter w;
  w.add(std::string(kMetaSection), meta.serialise());
  w.add(std::string(kTaggerSection), LinearModel::serialise(tagger.averaged(), ntags, opt.min_weight, opt.keep_tagger));
  w.add(std::string(kTagger2Section), LinearModel::serialise(tagger2.averaged(), ntags, opt.min_weight, opt.keep_tagger));
  w.add(std::string(kMovesSection), LinearModel::serialise(moves.averaged(), kMoves, opt.min_weight, opt.keep));
  w.add(std::string(kLabelsSection), LinearModel::serialise(labels.averaged(), nlabels, opt.min_weight, opt.keep));
  w.add(std::string(kLemmaSection), lemmas.serialise());
  return w.finish();
}

}  // namespace seismo::syntax
