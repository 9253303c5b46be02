#include "syntax/perceptron.h"

#include <algorithm>

namespace seismo::syntax {

void Perceptron::score(const std::vector<uint64_t>& features, std::vector<float>& scores) const {
  scores.assign(nclasses_, 0.0f);
  for (uint64_t f : features) {
    auto it = rows_.find(f);
    if (it == rows_.end()) continue;
    for (const Entry& e : it->second) scores[e.cls] += e.w;
  }
}

void Perceptron::update(const std::vector<uint64_t>& features, int truth, int guess) {
  if (truth == guess) return;
  for (uint64_t f : features) {
    auto& row = rows_[f];
    for (auto [cls, delta] : {std::pair{truth, 1.0f}, std::pair{guess, -1.0f}}) {
      auto it = std::find_if(row.begin(), row.end(), [cls = cls](const Entry& e) { return e.cls == cls; });
      if (it == row.end()) {
        row.push_back(Entry{static_cast<uint16_t>(cls)});
        it = row.end() - 1;
        it->stamp = now_;
      }
      it->total += static_cast<double>(now_ - it->stamp) * it->w;
      it->stamp = now_;
      it->w += delta;
    }
  }
}

LinearModel::Weights Perceptron::averaged() const {
  LinearModel::Weights out;
  out.reserve(rows_.size());
  for (const auto& [key, row] : rows_) {
    std::vector<std::pair<uint16_t, float>> avg;
    for (const Entry& e : row) {
      double total = e.total + static_cast<double>(now_ - e.stamp) * e.w;
      float a = static_cast<float>(total / static_cast<double>(now_));
      if (a != 0.0f) avg.emplace_back(e.cls, a);
    }
    std::sort(avg.begin(), avg.end());
    if (!avg.empty()) out.emplace_back(key, std::move(avg));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

}  // namespace seismo::syntax
