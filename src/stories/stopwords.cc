#include "stories/stopwords.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "common/data_files.h"
#include "common/match_text.h"

namespace seismo {
namespace {

using WordSet = std::unordered_set<std::string>;

std::unordered_map<std::string, WordSet> load_lists() {
  std::unordered_map<std::string, WordSet> lists;
  std::ifstream in(find_data_file("stopwords-iso.json"));
  if (!in) return lists;
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object()) return lists;
  for (const auto& [language, words] : j.items()) {
    if (!words.is_array()) continue;
    WordSet& set = lists[language];
    for (const auto& w : words) {
      if (!w.is_string()) continue;
      // The list's words as a text's words are folded (Cyrillic to Latin,
      // no diacritics), each word of a multi-word entry on its own.
      MatchText t = make_match_text(w.get<std::string>());
      for (size_t i = 0; i < t.tokens.size(); ++i) set.emplace(t.key_of(i));
    }
  }
  return lists;
}

}  // namespace

bool is_stop_word(std::string_view word, std::string_view language) {
  static const std::unordered_map<std::string, WordSet> lists = load_lists();
  if (language == "sr" || language == "bs" || language == "me" || language == "sh") language = "hr";
  auto it = lists.find(std::string(language));
  if (it == lists.end()) return false;
  return it->second.count(std::string(word)) > 0;
}

}  // namespace seismo
