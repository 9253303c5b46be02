#include "comments/lexicon.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/data_files.h"
#include "common/text.h"

namespace seismo {
namespace {

struct CategoryName {
  const char* name;
  LexCategory category;
  double weight;  // when the line gives none
};
constexpr CategoryName kCategories[] = {
    {"insult", LexCategory::kInsult, 0.75},       {"slur", LexCategory::kSlur, 0.9},
    {"derogation", LexCategory::kDerogation, 0.7}, {"threat", LexCategory::kThreat, 0.8},
    {"hate", LexCategory::kHate, 0.75},           {"profanity", LexCategory::kProfanity, 0.6},
    {"sexual", LexCategory::kSexual, 0.7},        {"identity", LexCategory::kIdentity, 0},
    {"positive", LexCategory::kPositive, 0},      {"negator", LexCategory::kNegator, 0},
    {"denounce", LexCategory::kDenounce, 0},      {"pronoun", LexCategory::kPronoun, 0},
    {"addressee", LexCategory::kAddressee, 0},    {"self", LexCategory::kSelf, 0},
    {"exclusion", LexCategory::kExclusion, 0.75}, {"modal", LexCategory::kModal, 0},
};

// Inflections a final "~" stands for, per language (written folded: the
// endings meet the folded text). Serbian, Croatian and Bosnian share theirs.
const std::vector<std::string>& endings(const std::string& language) {
  static const std::vector<std::string> en = {"", "s", "es", "ed", "ing"};
  static const std::vector<std::string> sh = {"",    "a",   "e",   "i",   "o",   "u",    "om",  "em",
                                              "ima", "ama", "ov",  "ova", "ove", "ovi",  "ovima"};
  static const std::vector<std::string> sq = {"", "i", "u", "a", "e", "it", "ut", "in", "un", "ve", "et", "te", "at",
                                              "ave", "eve", "ja", "je", "ra", "ri", "rit"};
  // Italian: noun and adjective endings, and the verb endings of the
  // infinitive, present, future and participles (uccid~: uccidere,
  // uccidiamo, ucciderò, ucciso is written on its own).
  static const std::vector<std::string> it = {"",     "a",    "e",     "i",    "o",    "are",  "ere",  "ire",
                                              "iamo", "ate",  "ete",   "ite",  "ano",  "ono",  "ero",  "era",
                                              "eremo", "ato", "ata",   "ati",  "uto",  "ito",  "ando", "endo",
                                              "ino",  "oso",  "osa",   "osi",  "ose"};
  static const std::vector<std::string> none = {""};
  if (language == "en") return en;
  if (language == "sr" || language == "hr" || language == "bs") return sh;
  if (language == "sq") return sq;
  if (language == "it") return it;
  return none;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// English inflections of the last word of `key`: plural and third person,
// past and participles, with the spelling rules ("execute" -> "executed",
// "executing"; "stab" -> "stabbed"; "party" -> "parties").
std::vector<std::string> english_forms(const std::string& key) {
  std::vector<std::string> out = {key};
  if (key.empty()) return out;
  char last = key.back();
  char before = key.size() >= 2 ? key[key.size() - 2] : 0;
  auto add = [&](std::string f) { out.push_back(std::move(f)); };
  if (last == 'e') {
    add(key + "s");
    add(key + "d");
    add(key.substr(0, key.size() - 1) + "ing");
  } else if (last == 'y' && !is_vowel(before)) {
    std::string stem = key.substr(0, key.size() - 1);
    add(stem + "ies");
    add(stem + "ied");
    add(key + "ing");
  } else {
    bool sibilant = last == 's' || last == 'x' || last == 'z' || (last == 'h' && (before == 'c' || before == 's'));
    add(key + (sibilant ? "es" : "s"));
    add(key + "ed");
    add(key + "ing");
    // One vowel before one final consonant in a short word doubles it.
    size_t word_start = key.rfind(' ') == std::string::npos ? 0 : key.rfind(' ') + 1;
    size_t len = key.size() - word_start;
    char third = key.size() >= 3 ? key[key.size() - 3] : 0;
    if (len <= 4 && !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' && is_vowel(before) && !is_vowel(third)) {
      add(key + last + "ed");
      add(key + last + "ing");
    }
  }
  return out;
}

}  // namespace

void AbuseLexicon::add(LexEntry e) {
  if (e.key.empty()) return;
  entries_.push_back(std::move(e));
}

bool AbuseLexicon::load(const std::string& path, std::vector<std::string>& warnings) {
  std::ifstream in(path);
  if (!in) {
    warnings.push_back(path + ": cannot read the abuse lexicon");
    return false;
  }
  std::string line, language;
  int number = 0;
  auto warn = [&](const std::string& what) { warnings.push_back(path + ":" + std::to_string(number) + ": " + what); };
  while (std::getline(in, line)) {
    ++number;
    std::string_view l = trim(line);
    if (size_t hash = l.find(" #"); hash != std::string_view::npos) l = trim(l.substr(0, hash));
    if (l.empty() || l[0] == '#') continue;
    if (l.substr(0, 10) == "@language ") {
      language = std::string(trim(l.substr(10)));
      continue;
    }
    auto f = split_fields(l, '|');
    const CategoryName* cat = nullptr;
    for (const auto& n : kCategories) {
      if (!f.empty() && f[0] == n.name) cat = &n;
    }
    if (!cat || f.size() < 2 || f.size() > 4) {
      warn("expected CATEGORY | terms[; terms] [| weight] [| marks], CATEGORY one of insult, slur, derogation, "
           "threat, hate, profanity, sexual, identity, positive, negator, denounce, pronoun, addressee, self, exclusion, "
           "modal");
      continue;
    }
    double weight = cat->weight;
    if (f.size() >= 3 && !f[2].empty()) {
      std::string w(f[2]);
      char* end = nullptr;
      weight = std::strtod(w.c_str(), &end);
      if (end == w.c_str() || *end || weight < 0 || weight > 1) {
        warn("weight must be a number from 0 to 1");
        continue;
      }
    }
    bool ambiguous = false;
    std::string group;
    bool bad_mark = false;
    if (f.size() == 4) {
      std::istringstream marks{std::string(f[3])};
      std::string m;
      while (marks >> m) {
        if (m == "ambiguous") ambiguous = true;
        else if (m.rfind("group=", 0) == 0) {
          group = m.substr(6);
          std::replace(group.begin(), group.end(), '_', ' ');
        } else {
          warn("unknown mark '" + m + "' (ambiguous, group=NAME)");
          bad_mark = true;
        }
      }
    }
    if (bad_mark) continue;
    if (language.empty()) {
      warn("no @language line before the first entry");
      continue;
    }
    for (std::string_view term : split_fields(f[1], ';')) {
      if (term.empty()) continue;
      bool inflected = term.back() == '~';
      std::string base(inflected ? trim(term.substr(0, term.size() - 1)) : term);
      std::string key = lexicon_key(base);
      if (key.empty()) {
        warn("'" + std::string(term) + "' has no letters");
        continue;
      }
      std::vector<std::string> forms;
      if (!inflected) forms.push_back(key);
      else if (language == "en") forms = english_forms(key);
      else for (const auto& ending : endings(language)) forms.push_back(key + ending);
      std::unordered_set<std::string> seen;
      for (const auto& k : forms) {
        if (!seen.insert(k).second) continue;
        curated_keys_.insert(k);
        add(LexEntry{std::string(term), k, cat->category, weight, ambiguous, group});
      }
    }
  }
  return true;
}

bool AbuseLexicon::load_cuss(const std::string& path, std::vector<std::string>& warnings) {
  std::ifstream in(path);
  if (!in) {
    warnings.push_back(path + ": cannot read the word list");
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    // "  word: 2," or "  'two words': 1,"
    std::string_view l = trim(line);
    size_t colon = l.rfind(':');
    if (colon == std::string_view::npos || l.empty() || l.back() != ',') continue;
    std::string_view word = trim(l.substr(0, colon));
    std::string_view rating = trim(l.substr(colon + 1, l.size() - colon - 2));
    if (word.size() >= 2 && (word.front() == '\'' || word.front() == '"')) word = word.substr(1, word.size() - 2);
    if (word.empty() || rating.size() != 1 || rating[0] < '0' || rating[0] > '2') continue;
    int r = rating[0] - '0';
    if (r == 0) continue;  // "innocent" in cuss's own rating: "african", "allah"
    std::string key = lexicon_key(word);
    if (key.empty() || curated_keys_.count(key)) continue;
    add(LexEntry{std::string(word), key, LexCategory::kProfanity, r == 2 ? 0.6 : 0.35, r == 1, ""});
  }
  return true;
}

bool AbuseLexicon::load_word_list(const std::string& path, std::vector<std::string>& warnings) {
  std::ifstream in(path);
  if (!in) {
    warnings.push_back(path + ": cannot read the word list");
    return false;
  }
  auto j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_array()) {
    warnings.push_back(path + ": not a JSON array of words");
    return false;
  }
  for (const auto& w : j) {
    if (!w.is_string()) continue;
    std::string word = w.get<std::string>();
    std::string key = lexicon_key(word);
    if (key.empty() || curated_keys_.count(key)) continue;
    add(LexEntry{word, key, LexCategory::kProfanity, 0.5, true, ""});
  }
  return true;
}

bool AbuseLexicon::compile(std::string* error) {
  std::vector<std::string> keys;
  keys.reserve(entries_.size());
  words_.clear();
  by_length_.clear();
  typos_.clear();
  for (const auto& e : entries_) {
    keys.push_back(e.key);
    for (std::string_view w : split_fields(e.key, ' ')) {
      if (!w.empty()) words_.emplace(w);
    }
  }
  for (const auto& w : words_) {
    by_length_[w.size()].push_back(w);
    // Two neighbours swapped ("wmoen") in words of five letters or more,
    // one letter dropped ("muslms") in words of six or more: shorter words
    // have real words among their variants ("hats" is "hates" less a letter).
    if (w.size() < 5) continue;
    for (size_t k = 0; k < w.size(); ++k) {
      // Not the last letter: "albania", "italian", "illegal" are words of
      // their own, not "albanian", "italiano", "illegals" mistyped.
      std::string dropped = w.substr(0, k) + w.substr(k + 1);
      if (w.size() >= 6 && k + 1 < w.size() && !words_.count(dropped)) typos_.emplace(dropped, w);
      if (k + 1 < w.size() && w[k] != w[k + 1]) {
        std::string swapped = w;
        std::swap(swapped[k], swapped[k + 1]);
        if (!words_.count(swapped)) typos_.emplace(swapped, w);
      }
    }
  }
  for (auto& [n, list] : by_length_) std::sort(list.begin(), list.end());
  phrases_ = PhraseSet::compile(keys, error);
  view_.is_word = [this](std::string_view k) { return words_.count(std::string(k)) > 0; };
  view_.near = [this](std::string_view k) {
    auto it = typos_.find(std::string(k));
    return it == typos_.end() ? std::string() : it->second;
  };
  view_.words_of_length = [this](size_t n) -> const std::vector<std::string>* {
    auto it = by_length_.find(n);
    return it == by_length_.end() ? nullptr : &it->second;
  };
  return phrases_ != nullptr;
}

std::string default_abuse_lexicon_dir() {
  if (const char* env = std::getenv("SEISMO_ABUSE_LEXICONS"); env && *env) return env;
  return find_data_file("abuse");
}

}  // namespace seismo
