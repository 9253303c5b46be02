#include "syntax/conllu.h"

#include <charconv>

namespace seismo {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i)
    if (i == line.size() || line[i] == '\t') {
      cols.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  return cols;
}

bool parse_int(std::string_view s, int& v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size();
}

std::string field(const std::string& s) { return s.empty() ? "_" : s; }

}  // namespace

bool ConlluReader::next(ConlluSentence& s) {
  s = ConlluSentence();
  std::string line;
  bool any = false;
  while (std::getline(in_, line)) {
    ++line_no_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (any) return check_heads(s);
      continue;
    }
    any = true;
    if (line[0] == '#') {
      s.comments.push_back(line);
      continue;
    }
    auto fail = [&](const std::string& why) {
      error_ = name_ + " line " + std::to_string(line_no_) + ": " + why;
      return false;
    };
    auto cols = split_tabs(line);
    if (cols.size() != 10) return fail("expected 10 tab-separated columns, found " + std::to_string(cols.size()));
    std::string_view id = cols[0];
    if (id.find('-') != std::string_view::npos || id.find('.') != std::string_view::npos) {
      s.extra_lines.emplace_back(s.words.size(), line);
      continue;
    }
    int n = 0;
    if (!parse_int(id, n) || n != static_cast<int>(s.words.size()) + 1)
      return fail("word id " + std::string(id) + " out of sequence");
    SyntaxToken t;
    t.form = std::string(cols[1]);
    t.lemma = cols[2] == "_" && cols[1] != "_" ? "" : std::string(cols[2]);
    t.upos = cols[3] == "_" ? "" : std::string(cols[3]);
    t.xpos = cols[4] == "_" ? "" : std::string(cols[4]);
    if (cols[6] == "_") {
      t.head = -1;
    } else if (!parse_int(cols[6], t.head) || t.head < 0) {
      return fail("head " + std::string(cols[6]) + " is not a word id");
    }
    t.deprel = cols[7] == "_" ? "" : std::string(cols[7]);
    s.words.push_back(std::move(t));
    s.feats.emplace_back(cols[5]);
    s.deps.emplace_back(cols[8]);
    s.misc.emplace_back(cols[9]);
  }
  if (in_.bad()) {
    error_ = name_ + ": read error";
    return false;
  }
  return any && check_heads(s);
}

bool ConlluReader::check_heads(const ConlluSentence& s) {
  for (const auto& w : s.words)
    if (w.head > static_cast<int>(s.words.size())) {
      error_ = name_ + " line " + std::to_string(line_no_) + ": head " + std::to_string(w.head) +
               " beyond the sentence's " + std::to_string(s.words.size()) + " words";
      return false;
    }
  return true;
}

std::string to_conllu(const ConlluSentence& s) {
  std::string out;
  for (const auto& c : s.comments) out += c + "\n";
  size_t extra = 0;
  for (size_t i = 0; i <= s.words.size(); ++i) {
    // Range lines come before their first word, empty nodes after the word
    // they follow; both were recorded with the count of words before them.
    while (extra < s.extra_lines.size() && s.extra_lines[extra].first == i) out += s.extra_lines[extra++].second + "\n";
    if (i == s.words.size()) break;
    const SyntaxToken& w = s.words[i];
    auto col = [&](const std::vector<std::string>& v) { return i < v.size() ? field(v[i]) : std::string("_"); };
    out += std::to_string(i + 1) + "\t" + field(w.form) + "\t" + field(w.lemma) + "\t" + field(w.upos) + "\t" +
           field(w.xpos) + "\t" + col(s.feats) + "\t" + (w.head < 0 ? "_" : std::to_string(w.head)) + "\t" +
           field(w.deprel) + "\t" + col(s.deps) + "\t" + col(s.misc) + "\n";
  }
  return out + "\n";
}

std::string universal_relation(const std::string& deprel) { return deprel.substr(0, deprel.find(':')); }

}  // namespace seismo
