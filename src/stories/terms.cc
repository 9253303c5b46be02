#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "common/hash.h"
#include "common/stem.h"
#include "reuse/reuse.h"
#include "stories/stopwords.h"
#include "stories/stories.h"

namespace seismo {
namespace {

// A word worth comparing: three or more letters, not a number, not a
// function word of the text's language.
bool content_word(const std::string& w, std::string_view language) {
  size_t letters = 0;
  bool digit = false;
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c >= '0' && c <= '9') digit = true;
    if ((c & 0xC0) != 0x80) ++letters;
  }
  if (letters < 3 || digit) return false;
  // Every text is also read with English function words: news in any
  // language quotes English, and a text whose language is unknown is
  // more often English than not.
  return !is_stop_word(w, language) && !is_stop_word(w, "en");
}

void add_words(std::string_view text, std::string_view language, float weight, size_t max_words,
               std::unordered_map<uint64_t, float>& counts) {
  ReuseWords words = reuse_words(text);
  size_t n = std::min(words.words.size(), max_words);
  for (size_t i = 0; i < n; ++i) {
    const std::string& w = words.words[i];
    if (!content_word(w, language)) continue;
    counts[hash64("w\x1f" + stem_word(w, language))] += weight;
  }
}

float damped(float n) { return n > 0 ? 1.0f + std::log(n) : 0.0f; }

}  // namespace

TermVector story_term_counts(const StoryText& text, const StoryOptions& options) {
  std::unordered_map<uint64_t, float> words, entities;
  add_words(text.title, text.language, 1, 64, words);
  std::unordered_map<uint64_t, float> title = words;
  words.clear();
  add_words(text.body, text.language, 1, static_cast<size_t>(options.lede_words), words);
  for (const auto& key : text.entities) entities[hash64("e\x1f" + key)] += 1;
  std::unordered_map<uint64_t, float> all;
  for (const auto& [t, n] : words) all[t] += damped(n);
  for (const auto& [t, n] : title) all[t] += 3 * damped(n);
  for (const auto& [t, n] : entities) all[t] += 2 * damped(n);
  TermVector v(all.begin(), all.end());
  std::sort(v.begin(), v.end());
  return v;
}

TermVector weigh_terms(const TermVector& counts, const std::function<double(uint64_t)>& idf, size_t keep) {
  TermVector v;
  v.reserve(counts.size());
  for (const auto& [term, n] : counts) {
    float w = static_cast<float>(n * idf(term));
    if (w > 0) v.emplace_back(term, w);
  }
  auto stronger = [](const auto& x, const auto& y) { return x.second > y.second || (x.second == y.second && x.first < y.first); };
  if (v.size() > keep) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(keep), v.end(), stronger);
    v.resize(keep);
  }
  std::sort(v.begin(), v.end());
  double norm = 0;
  for (const auto& t : v) norm += double(t.second) * t.second;
  norm = std::sqrt(norm);
  if (norm > 0)
    for (auto& t : v) t.second = static_cast<float>(t.second / norm);
  return v;
}

double cosine(const TermVector& a, const TermVector& b) {
  double dot = 0, na = 0, nb = 0;
  for (const auto& t : a) na += double(t.second) * t.second;
  for (const auto& t : b) nb += double(t.second) * t.second;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i].first < b[j].first) ++i;
    else if (b[j].first < a[i].first) ++j;
    else dot += double(a[i++].second) * b[j++].second;
  }
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

TermVector add_to_centroid(const TermVector& centroid, const TermVector& member, size_t keep) {
  TermVector sum;
  sum.reserve(centroid.size() + member.size());
  size_t i = 0, j = 0;
  while (i < centroid.size() || j < member.size()) {
    if (j == member.size() || (i < centroid.size() && centroid[i].first < member[j].first)) sum.push_back(centroid[i++]);
    else if (i == centroid.size() || member[j].first < centroid[i].first) sum.push_back(member[j++]);
    else {
      sum.emplace_back(centroid[i].first, centroid[i].second + member[j].second);
      ++i, ++j;
    }
  }
  if (sum.size() > keep) {
    auto stronger = [](const auto& x, const auto& y) { return x.second > y.second || (x.second == y.second && x.first < y.first); };
    std::nth_element(sum.begin(), sum.begin() + static_cast<std::ptrdiff_t>(keep), sum.end(), stronger);
    sum.resize(keep);
    std::sort(sum.begin(), sum.end());
  }
  return sum;
}

std::string pack_terms(const TermVector& v) {
  std::string out(v.size() * 12, '\0');
  for (size_t i = 0; i < v.size(); ++i) {
    std::memcpy(&out[i * 12], &v[i].first, 8);
    std::memcpy(&out[i * 12 + 8], &v[i].second, 4);
  }
  return out;
}

TermVector unpack_terms(std::string_view blob) {
  TermVector v(blob.size() / 12);
  for (size_t i = 0; i < v.size(); ++i) {
    std::memcpy(&v[i].first, blob.data() + i * 12, 8);
    std::memcpy(&v[i].second, blob.data() + i * 12 + 8, 4);
  }
  return v;
}

}  // namespace seismo
