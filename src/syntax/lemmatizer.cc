#include "syntax/lemmatizer.h"

#include <algorithm>
#include <cstring>

#include "syntax/feature_hash.h"

namespace seismo::syntax {
namespace {

constexpr size_t kMaxSuffix = 5;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// An edit: "L" or "K" (lower-case or keep), the number of bytes to cut, a
// space, the bytes to append. E.g. "L1 " for "Dogs" -> "dog", "K0 " for names.
std::string edit_between(std::string_view form, std::string_view lemma) {
  std::string best;
  size_t best_keep = 0;
  for (bool lower : {false, true}) {
    std::string base = lower ? lower_ascii(form) : std::string(form);
    size_t common = 0;
    while (common < base.size() && common < lemma.size() && base[common] == lemma[common]) ++common;
    if (best.empty() || common > best_keep) {
      best_keep = common;
      best = std::string(lower ? "L" : "K") + std::to_string(base.size() - common) + " " +
             std::string(lemma.substr(common));
    }
  }
  return best;
}

std::string apply_edit(std::string_view form, std::string_view edit) {
  if (edit.size() < 3) return std::string(form);
  std::string base = edit[0] == 'L' ? lower_ascii(form) : std::string(form);
  size_t space = edit.find(' ');
  size_t cut = 0;
  for (size_t i = 1; i < space && i < edit.size(); ++i) cut = cut * 10 + static_cast<size_t>(edit[i] - '0');
  if (cut > base.size()) return std::string(form);
  base.resize(base.size() - cut);
  return base + std::string(edit.substr(space + 1));
}

uint64_t exception_key(std::string_view form, int tag) { return feature(101, string_hash(form), tag); }
uint64_t rule_key(std::string_view lower_suffix, int tag) { return feature(102, string_hash(lower_suffix), tag); }

template <typename T>
void put(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

}  // namespace

void LemmaTrainer::add(std::string_view form, int tag, std::string_view lemma) {
  ++lemmas_[{std::string(form), tag}][std::string(lemma)];
}

std::string LemmaTrainer::serialise() const {
  // The edit each (tag, ending) votes for, counted over word types.
  std::map<std::pair<std::string, int>, std::map<std::string, int>> votes;
  std::map<std::pair<std::string, int>, std::string> best_lemma;
  for (const auto& [key, counts] : lemmas_) {
    const auto& [form, tag] = key;
    auto best = std::max_element(counts.begin(), counts.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    best_lemma[key] = best->first;
    std::string edit = edit_between(form, best->first);
    std::string low = lower_ascii(form);
    for (size_t k = 0; k <= std::min(kMaxSuffix, low.size()); ++k) ++votes[{low.substr(low.size() - k), tag}][edit];
  }
  std::vector<std::pair<uint64_t, std::string>> rules;
  std::map<std::pair<std::string, int>, std::string> rule_of;
  for (const auto& [key, counts] : votes) {
    auto best = std::max_element(counts.begin(), counts.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    // An ending seen in one word type only is that word, not a rule.
    if (best->second < 2 && !key.first.empty()) continue;
    rule_of[key] = best->first;
    rules.emplace_back(rule_key(key.first, key.second), best->first);
  }
  auto predict = [&](const std::string& form, int tag) {
    std::string low = lower_ascii(form);
    for (size_t k = std::min(kMaxSuffix, low.size()) + 1; k-- > 0;) {
      auto it = rule_of.find({low.substr(low.size() - k), tag});
      if (it != rule_of.end()) return apply_edit(form, it->second);
    }
    return form;
  };
  std::vector<std::pair<uint64_t, std::string>> exceptions;
  for (const auto& [key, lemma] : best_lemma)
    if (predict(key.first, key.second) != lemma) exceptions.emplace_back(exception_key(key.first, key.second), lemma);
  std::string strings, out;
  auto table = [&](std::vector<std::pair<uint64_t, std::string>>& entries) {
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end(),
                              [](const auto& a, const auto& b) { return a.first == b.first; }),
                  entries.end());
    put<uint64_t>(out, entries.size());
    for (const auto& e : entries) put<uint64_t>(out, e.first);
    for (const auto& e : entries) {
      put<uint32_t>(out, static_cast<uint32_t>(strings.size()));
      strings += e.second;
      strings += '\0';
    }
    if (entries.size() % 2) put<uint32_t>(out, 0);  // keep the next table 8-byte aligned
  };
  table(exceptions);
  table(rules);
  return out + strings;
}

const uint32_t* Lemmatizer::Table::find(uint64_t key) const {
  const uint64_t* it = std::lower_bound(keys, keys + size, key);
  if (it == keys + size || *it != key) return nullptr;
  return values + (it - keys);
}

bool Lemmatizer::attach(std::string_view blob, std::string& error) {
  size_t pos = 0;
  auto read_table = [&](Table& t) {
    if (pos + 8 > blob.size()) return false;
    uint64_t n;
    std::memcpy(&n, blob.data() + pos, 8);
    size_t bytes = 8 + n * 8 + n * 4 + (n % 2) * 4;
    if (n > blob.size() || pos + bytes > blob.size()) return false;
    t.size = n;
    t.keys = reinterpret_cast<const uint64_t*>(blob.data() + pos + 8);
    t.values = reinterpret_cast<const uint32_t*>(blob.data() + pos + 8 + n * 8);
    pos += bytes;
    return true;
  };
  if (reinterpret_cast<uintptr_t>(blob.data()) % 8 != 0 || !read_table(exceptions_) || !read_table(rules_)) {
    error = "lemma tables truncated";
    return false;
  }
  strings_ = blob.substr(pos);
  // The pool ends with a NUL, so every offset inside it starts a C string.
  if (!strings_.empty() && strings_.back() != '\0') {
    error = "lemma strings unterminated";
    return false;
  }
  for (const Table* t : {&exceptions_, &rules_})
    for (size_t i = 0; i < t->size; ++i)
      if (t->values[i] >= strings_.size()) {
        error = "lemma string out of range";
        return false;
      }
  return true;
}

std::string Lemmatizer::lemma(std::string_view form, int tag) const {
  auto value = [&](const Table& t, uint64_t key) -> const char* {
    const uint32_t* offset = t.find(key);
    return offset ? strings_.data() + *offset : nullptr;
  };
  if (const char* s = value(exceptions_, exception_key(form, tag))) return s;
  std::string low = lower_ascii(form);
  if (low != form)
    if (const char* s = value(exceptions_, exception_key(low, tag))) return s;
  for (size_t k = std::min(kMaxSuffix, low.size()) + 1; k-- > 0;)
    if (const char* e = value(rules_, rule_key(std::string_view(low).substr(low.size() - k), tag)))
      return apply_edit(form, e);
  return std::string(form);
}

}  // namespace seismo::syntax
