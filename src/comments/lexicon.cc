#include "comments/lexicon.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/data_files.h"
#include "common/fold.h"
#include "common/stem.h"
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

// Snowball's English stemmer, to tell a real inflection from a spelling
// rule misapplied: "rated" and "rating" stem to "rate", not "rat"; "doging"
// (the doubling rule not applied) to "doge", not "dog": the Snowball
// English stem of the last word of `key`.
std::string last_word_stem(std::string_view key) {
  size_t space = key.rfind(' ');
  return stem_word(space == std::string_view::npos ? key : key.substr(space + 1), "en");
}

// The inflected forms of `key` that are forms of it by Snowball's reading:
// the key itself and those that stem as it does.
std::vector<std::string> checked_english_forms(const std::string& key) {
  std::vector<std::string> forms = english_forms(key), out;
  std::string stem = last_word_stem(key);
  for (const auto& f : forms) {
    if (f == key || last_word_stem(f) == stem) out.push_back(f);
  }
  return out;
}

}  // namespace

std::string language_family(std::string_view code) {
  std::string c;
  for (char ch : code) {
    if (ch == '-' || ch == '_') break;
    c.push_back(static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch));
  }
  if (c.empty() || c == "und") return "";
  if (c == "sr" || c == "hr" || c == "bs" || c == "sh" || c == "cnr") return "sh";
  return c;
}

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
  size_t first_entry = entries_.size();
  std::vector<std::pair<std::string, int>> international;  // keys marked, and their lines
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
    if (!f.empty() && f[0] == "international") {
      // Words of this lexicon that are used as they are in other languages'
      // text: they match there too, exactly as written (no inflections, no
      // typos).
      if (f.size() != 2) {
        warn("expected international | term; term");
        continue;
      }
      for (std::string_view term : split_fields(f[1], ';')) {
        std::string key = lexicon_key(term);
        if (!key.empty()) international.emplace_back(key, number);
      }
      continue;
    }
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
      else if (language == "en") forms = checked_english_forms(key);
      else for (const auto& ending : endings(language)) forms.push_back(key + ending);
      std::unordered_set<std::string> seen;
      for (const auto& k : forms) {
        if (!seen.insert(k).second) continue;
        curated_keys_.insert(k);
        add(LexEntry{std::string(term), k, cat->category, weight, ambiguous, group, language_family(language)});
      }
    }
  }
  for (const auto& [key, line_number] : international) {
    bool found = false;
    for (size_t k = first_entry; k < entries_.size(); ++k) {
      if (entries_[k].key == key) entries_[k].international = found = true;
    }
    if (!found) {
      number = line_number;
      warn("international: '" + key + "' is no entry of this lexicon");
    }
  }
  return true;
}

bool AbuseLexicon::load_cuss(const std::string& path, const std::string& language, std::vector<std::string>& warnings) {
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
    LexEntry e{std::string(word), key, LexCategory::kProfanity, r == 2 ? 0.6 : 0.35, r == 1, "", language_family(language)};
    e.listed = true;
    add(std::move(e));
  }
  return true;
}

bool AbuseLexicon::load_word_list(const std::string& path, const std::string& language,
                                  std::vector<std::string>& warnings) {
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
    LexEntry e{word, key, LexCategory::kProfanity, 0.5, true, "", language_family(language)};
    e.listed = true;
    add(std::move(e));
  }
  return true;
}

bool AbuseLexicon::load_common_words(const std::string& path, const std::string& language, long min_count,
                                     std::vector<std::string>& warnings) {
  std::ifstream in(path);
  if (!in) {
    warnings.push_back(path + ": cannot read the word-frequency list");
    return false;
  }
  auto j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_array()) {
    warnings.push_back(path + ": not a JSON array of {word, count}");
    return false;
  }
  std::string family = language_family(language);
  auto& set = common_[family];
  auto& counts = counts_[family];
  for (const auto& e : j) {
    if (!e.is_object() || !e.contains("word") || !e["word"].is_string()) continue;
    long count = e.contains("count") && e["count"].is_number() ? e["count"].get<long>() : 0;
    std::string key = fold_for_matching(e["word"].get<std::string>());
    bool plain = !key.empty();
    for (char c : key) plain = plain && ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80);
    if (!plain) continue;
    counts[key] += count;
    if (count >= min_count) set.insert(std::move(key));
  }
  return true;
}

long AbuseLexicon::frequency(const std::string& key, const std::string& family) const {
  auto it = counts_.find(family);
  if (it == counts_.end()) return 0;
  auto w = it->second.find(key);
  return w == it->second.end() ? 0 : w->second;
}

void AbuseLexicon::mark_ordinary_words(long min_count) {
  // The curated swear words and insults, per language: a list word made of
  // one ("shithead", "dickhead", "horseshit") is a swear word however often
  // subtitles say it, not an ordinary word with a swear sense.
  constexpr size_t kMinPartLetters = 3;
  std::unordered_map<std::string, std::vector<std::string>> parts;
  for (const auto& e : entries_) {
    bool swear = e.category == LexCategory::kProfanity || e.category == LexCategory::kSexual ||
                 e.category == LexCategory::kInsult || e.category == LexCategory::kSlur;
    if (swear && !e.listed && e.key.size() >= kMinPartLetters && e.key.find(' ') == std::string::npos)
      parts[e.language].push_back(e.key);
  }
  auto holds_swear_word = [&](const LexEntry& e) {
    auto it = parts.find(e.language);
    if (it == parts.end()) return false;
    for (const auto& p : it->second) {
      if (e.key.find(p) != std::string::npos) return true;
    }
    return false;
  };
  for (auto& e : entries_) {
    // A phrase of ordinary words ("alligator bait") is no ordinary phrase.
    if (!e.listed || curated_keys_.count(e.key) || e.key.find(' ') != std::string::npos) continue;
    e.ordinary = frequency(e.key, e.language) >= min_count && !holds_swear_word(e);
  }
}

bool AbuseLexicon::common(const std::string& key, const std::string& family) const {
  if (family.empty()) {
    for (const auto& [f, words] : common_) {
      if (words.count(key)) return true;
    }
    return false;
  }
  auto it = common_.find(family);
  return it != common_.end() && it->second.count(key) > 0;
}

// Fuzzy reading (a typo) only for words of this many letters or more, in
// the text and in the lexicon: shorter words have real words among their
// variants ("hats" is "hates" less a letter).
constexpr size_t kFuzzyLetters = 5;

void AbuseLexicon::build(Words& out, const std::string& family) const {
  // "": every lexicon (the text's language is unknown); "*": a language no
  // lexicon is in, read with the international words only.
  auto included = [&](const LexEntry& e) { return family.empty() || e.language == family || e.international; };
  auto fuzzy = [&](const LexEntry& e) { return family.empty() || e.language == family; };
  std::unordered_set<std::string> all_words, fuzzy_words;
  for (const auto& e : entries_) {
    for (std::string_view w : split_fields(e.key, ' ')) {
      if (w.empty()) continue;
      all_words.emplace(w);
      if (included(e)) out.words.emplace(w);
      if (fuzzy(e)) fuzzy_words.emplace(w);
    }
  }
  for (const auto& w : out.words) out.by_length[w.size()].push_back(w);
  // A variant is no typo when it is itself a word: of any lexicon, or an
  // ordinary word of the text's language ("refer" is not "reefer" mistyped).
  auto real = [&](const std::string& v) { return all_words.count(v) || common(v, family); };
  for (const auto& w : fuzzy_words) {
    // Two neighbours swapped ("wmoen") in words of five letters or more,
    // one letter dropped ("muslms") in words of six or more.
    if (w.size() < kFuzzyLetters) continue;
    for (size_t k = 0; k < w.size(); ++k) {
      // Not the last letter: "albania", "italian", "illegal" are words of
      // their own, not "albanian", "italiano", "illegals" mistyped.
      std::string dropped = w.substr(0, k) + w.substr(k + 1);
      if (dropped.size() >= kFuzzyLetters && k + 1 < w.size() && !real(dropped)) out.typos.emplace(dropped, w);
      if (k + 1 < w.size() && w[k] != w[k + 1]) {
        std::string swapped = w;
        std::swap(swapped[k], swapped[k + 1]);
        if (!real(swapped)) out.typos.emplace(swapped, w);
      }
    }
  }
  for (auto& [n, list] : out.by_length) std::sort(list.begin(), list.end());
  Words* self = &out;
  out.view.is_word = [self](std::string_view k) { return self->words.count(std::string(k)) > 0; };
  out.view.near = [self](std::string_view k) {
    if (k.size() < kFuzzyLetters) return std::string();
    auto it = self->typos.find(std::string(k));
    return it == self->typos.end() ? std::string() : it->second;
  };
  out.view.words_of_length = [self](size_t n) -> const std::vector<std::string>* {
    auto it = self->by_length.find(n);
    return it == self->by_length.end() ? nullptr : &it->second;
  };
}

bool AbuseLexicon::compile(std::string* error) {
  std::vector<std::string> keys;
  keys.reserve(entries_.size());
  std::unordered_set<std::string> families = {"", "*"};
  for (const auto& e : entries_) {
    keys.push_back(e.key);
    if (!e.language.empty()) families.insert(e.language);
  }
  by_language_.clear();
  for (const auto& f : families) {
    auto w = std::make_unique<Words>();
    build(*w, f == "*" ? "*" : f);
    by_language_[f] = std::move(w);
  }
  phrases_ = PhraseSet::compile(keys, error);
  return phrases_ != nullptr;
}

const LexiconView& AbuseLexicon::view(std::string_view language) const {
  std::string family = language_family(language);
  auto it = by_language_.find(family);
  if (it == by_language_.end()) it = by_language_.find("*");
  return it->second->view;
}

bool AbuseLexicon::covers(std::string_view language) const {
  std::string family = language_family(language);
  return !family.empty() && family != "*" && by_language_.count(family) > 0;
}

std::string default_abuse_lexicon_dir() {
  if (const char* env = std::getenv("SEISMO_ABUSE_LEXICONS"); env && *env) return env;
  return find_data_file("abuse");
}

}  // namespace seismo
