#include "events/action_dictionary.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "common/fold.h"
#include "common/text.h"
#include "events/stem.h"

namespace seismo {
namespace {

bool is_cameo_code(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "take into custody" -> {{take}, {into}, {custodi}}; "build/built" -> {{build, built}}.
std::vector<std::vector<std::string>> pattern_words(std::string_view pattern) {
  std::vector<std::vector<std::string>> words;
  for (std::string_view w : split_fields(pattern, ' ')) {
    if (w.empty()) continue;
    std::vector<std::string> alternatives;
    for (std::string_view alt : split_fields(w, '/')) {
      if (!alt.empty()) alternatives.push_back(english_stem(fold_for_matching(alt)));
    }
    if (!alternatives.empty()) words.push_back(std::move(alternatives));
  }
  return words;
}

}  // namespace

bool ActionDictionary::load(const std::string& path, std::vector<std::string>& warnings) {
  std::ifstream in(path);
  if (!in) {
    warnings.push_back(path + ": cannot read the action dictionary");
    return false;
  }
  std::string line;
  int number = 0;
  auto warn = [&](const std::string& what) { warnings.push_back(path + ":" + std::to_string(number) + ": " + what); };
  while (std::getline(in, line)) {
    ++number;
    std::string_view l = trim(line);
    if (l.empty() || l[0] == '#') continue;
    if (l.substr(0, 5) == "code ") {
      auto f = split_fields(l.substr(5), '|');
      if (f.size() != 6 || !is_cameo_code(f[0])) {
        warn("a code line has six fields: code CAMEO | Goldstein | PLOVER | ACLED event | ACLED sub-event | label");
        continue;
      }
      char* end = nullptr;
      std::string score(f[1]);
      double goldstein = std::strtod(score.c_str(), &end);
      if (end == score.c_str() || goldstein < -10 || goldstein > 10) {
        warn("Goldstein score must be a number from -10 to 10");
        continue;
      }
      ActionCode c{std::string(f[0]), std::string(f[5]), goldstein, std::string(f[2]), std::string(f[3]),
                   std::string(f[4])};
      codes_[c.cameo] = std::move(c);
    } else if (l.substr(0, 5) == "verb ") {
      auto bar = l.find('|');
      std::string_view cameo = trim(l.substr(5, bar == std::string_view::npos ? std::string_view::npos : bar - 5));
      if (bar == std::string_view::npos || !is_cameo_code(cameo)) {
        warn("a verb line is: verb CAMEO | pattern ; pattern ...");
        continue;
      }
      if (!codes_.count(std::string(cameo))) {
        warn("code " + std::string(cameo) + " is used before a code line defines it");
        continue;
      }
      for (std::string_view p : split_fields(l.substr(bar + 1), ';')) {
        if (p.empty()) continue;
        auto words = pattern_words(p);
        if (words.empty()) continue;
        patterns_.push_back({std::move(words), std::string(p), std::string(cameo)});
      }
    } else {
      warn("unknown line (expected \"code\" or \"verb\")");
    }
  }
  index();
  return true;
}

void ActionDictionary::index() {
  by_head_.clear();
  for (const auto& p : patterns_) {
    for (const auto& head : p.words[0]) by_head_[head].push_back(&p);
  }
  for (auto& [head, list] : by_head_) {
    std::stable_sort(list.begin(), list.end(),
                     [](const ActionPattern* a, const ActionPattern* b) { return a->words.size() > b->words.size(); });
  }
}

const ActionCode* ActionDictionary::code(const std::string& cameo) const {
  auto it = codes_.find(cameo);
  return it == codes_.end() ? nullptr : &it->second;
}

const std::vector<const ActionPattern*>* ActionDictionary::patterns_for_head(const std::string& stem) const {
  auto it = by_head_.find(stem);
  return it == by_head_.end() ? nullptr : &it->second;
}

}  // namespace seismo
