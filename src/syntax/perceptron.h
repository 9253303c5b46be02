// Averaged multiclass perceptron (Collins 2002) over hashed features, used
// only while training; LinearModel is what annotation reads.
#pragma once
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "syntax/linear_model.h"

namespace seismo::syntax {

class Perceptron {
 public:
  explicit Perceptron(int nclasses) : nclasses_(nclasses) {}
  int classes() const { return nclasses_; }
  // Current (not averaged) scores.
  void score(const std::vector<uint64_t>& features, std::vector<float>& scores) const;
  // One training example seen: +1 for `truth`, -1 for `guess` on every
  // feature (nothing when they agree). Call once per example, update or not.
  void update(const std::vector<uint64_t>& features, int truth, int guess);
  void tick() { ++now_; }
  // The averaged weights, sorted by feature hash (so output is deterministic).
  LinearModel::Weights averaged() const;
  size_t features() const { return rows_.size(); }

 private:
  struct Entry {
    uint16_t cls;
    float w = 0;
    double total = 0;
    int64_t stamp = 0;
  };
  int nclasses_;
  int64_t now_ = 1;
  std::unordered_map<uint64_t, std::vector<Entry>> rows_;
};

}  // namespace seismo::syntax
