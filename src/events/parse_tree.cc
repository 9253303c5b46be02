#include "events/parse_tree.h"

#include <algorithm>
#include <cctype>

#include "events/stem.h"

namespace seismo {
namespace {

// Verbs and their arguments are English words: ASCII case folding is
// enough to match them, and it costs nothing next to ICU's.
std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Curly apostrophes, as in "didn’t", read as straight ones.
  for (size_t p; (p = out.find("\xE2\x80\x99")) != std::string::npos;) out.replace(p, 3, "'");
  return out;
}

bool clause_relation(std::string_view rel) {
  return rel == "ccomp" || rel == "advcl" || rel == "acl" || rel == "parataxis" || rel == "conj" || rel == "csubj" ||
         rel == "list" || rel == "xcomp";
}

void collect(const ParseTree& t, int i, bool with_xcomp, bool phrase, std::vector<int>& out) {
  out.push_back(i);
  for (int c : t.children(i)) {
    std::string_view r = t.rel(c);
    if (r == "xcomp" && with_xcomp) {
      collect(t, c, with_xcomp, phrase, out);
      continue;
    }
    if (clause_relation(r)) continue;
    if (phrase && (r == "appos" || r == "punct" || r == "cc" || r == "dep")) continue;
    collect(t, c, with_xcomp, phrase, out);
  }
}

}  // namespace

ParseTree::ParseTree(const SentenceInput& in, const std::vector<SyntaxToken>& words) : words_(words) {
  size_t n = words_.size();
  head_.assign(n, -1);
  children_.assign(n, {});
  rel_.resize(n);
  mention_.assign(n, -1);
  lower_.reserve(n);
  lemma_.reserve(n);
  stem_.reserve(n);
  form_stem_.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    int h = words_[i].head;
    // A head out of range is a parser failure: the word hangs from the root.
    head_[i] = h >= 1 && static_cast<size_t>(h) <= n && static_cast<size_t>(h) != i + 1 ? h - 1 : -1;
    if (head_[i] >= 0) children_[head_[i]].push_back(static_cast<int>(i));
    else words_[i].deprel = "root";  // whatever the parser said, a word with no head is a root
    std::string_view d = words_[i].deprel;
    rel_[i] = d.substr(0, d.find(':'));
    lower_.push_back(ascii_lower(words_[i].form));
    lemma_.push_back(words_[i].lemma.empty() ? lower_.back() : ascii_lower(words_[i].lemma));
    stem_.push_back(english_stem(lemma_.back()));
    form_stem_.push_back(english_stem(lower_.back()));
  }
  // A cycle (a parser that failed to finish a tree) would make the walks
  // up the tree loop: any word on one is cut from its head.
  for (size_t i = 0; i < n; ++i) {
    size_t steps = 0;
    for (int k = head_[i]; k >= 0 && ++steps <= n; k = head_[k]) {
      if (k != static_cast<int>(i)) continue;
      auto& siblings = children_[head_[i]];
      siblings.erase(std::remove(siblings.begin(), siblings.end(), static_cast<int>(i)), siblings.end());
      head_[i] = -1;
      words_[i].deprel = "root";
      rel_[i] = words_[i].deprel;
      break;
    }
  }
  // Mentions: the sentence token each word overlaps.
  size_t t = 0;
  for (size_t i = 0; i < n; ++i) {
    while (t < in.tokens.size() && in.tokens[t].end <= words_[i].begin) ++t;
    if (t < in.tokens.size() && in.tokens[t].begin < words_[i].end) mention_[i] = in.tokens[t].mention;
  }
}

int ParseTree::child(int i, std::string_view relation) const {
  bool full = relation.find(':') != std::string_view::npos;
  for (int c : children_[i]) {
    if (full ? words_[c].deprel == relation : rel_[c] == relation) return c;
  }
  return -1;
}

std::string_view ParseTree::case_of(int i) const {
  int c = child(i, "case");
  if (c < 0) return {};
  // "according to", "in front of": a fixed expression keeps its first
  // word, as written (the lemma of "according" is "accord").
  return lower_[c];
}

std::string_view ParseTree::mark_of(int i) const {
  int c = child(i, "mark");
  return c < 0 ? std::string_view() : std::string_view(lower_[c]);
}

std::vector<int> ParseTree::clause_words(int i, bool with_xcomp) const {
  std::vector<int> out;
  collect(*this, i, with_xcomp, false, out);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<int> ParseTree::phrase_words(int i) const {
  std::vector<int> out;
  collect(*this, i, false, true, out);
  std::sort(out.begin(), out.end());
  return out;
}

std::string_view ParseTree::text_of(const std::vector<int>& words, std::string_view body) const {
  if (words.empty()) return {};
  size_t b = words_[words.front()].begin, e = words_[words.back()].end;
  if (b >= e || e > body.size()) return {};
  return body.substr(b, e - b);
}

}  // namespace seismo
