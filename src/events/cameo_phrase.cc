#include "events/cameo_phrase.h"

#include <algorithm>
#include <cctype>

namespace seismo::cameo {
namespace {

using Kind = PhraseElement::Kind;

bool is_word_char(char c) {
  return c != ' ' && c != '\t' && c != '_' && c != '{' && c != '}' && c != '|';
}

// Parses elements from text[pos] until the end, or a '|' or '}' when
// `depth` > 0 (inside braces). Leaves pos on the stopping character.
bool parse_sequence(std::string_view text, size_t& pos, int depth, Phrase& out, std::string& error) {
  const bool in_choice = depth > 0;
  while (pos < text.size()) {
    char c = text[pos];
    if (c == ' ' || c == '\t') {
      ++pos;
      continue;
    }
    if (c == '_') {
      // Joins what comes before to what comes after; before a blank it
      // only closes the word ("IN_ *": IN exactly, anywhere before the verb).
      bool before_blank = pos + 1 >= text.size() || text[pos + 1] == ' ' || text[pos + 1] == '\t';
      if (!out.empty() && !before_blank) out.back().joined = true;
      ++pos;
      continue;
    }
    if (c == '|' || c == '}') {
      if (!in_choice) {
        error = std::string("unexpected '") + c + "'";
        return false;
      }
      return true;
    }
    if (c == '{') {
      // Dictionaries nest alternatives a level or two; deeper nesting is
      // refused before its spelt-out patterns grow exponentially.
      if (depth >= 4) {
        error = "alternatives nested more than four deep";
        return false;
      }
      ++pos;
      PhraseElement choice;
      choice.kind = Kind::kChoice;
      for (;;) {
        Phrase alt;
        if (!parse_sequence(text, pos, depth + 1, alt, error)) return false;
        if (pos >= text.size()) {
          error = "'{' without '}'";
          return false;
        }
        if (alt.empty()) {
          error = "empty alternative in { }";
          return false;
        }
        alt.back().joined = false;  // what follows the braces is joined by the choice itself
        choice.choices.push_back(std::move(alt));
        if (text[pos++] == '}') break;
      }
      out.push_back(std::move(choice));
      continue;
    }
    size_t start = pos;
    while (pos < text.size() && is_word_char(text[pos])) ++pos;
    std::string_view raw = text.substr(start, pos - start);
    // A hyphen inside a word joins two words, as '_' does ("BARAD-DUR");
    // text words are split at hyphens the same way.
    size_t piece_start = 0;
    for (size_t i = 0; i <= raw.size(); ++i) {
      if (i < raw.size() && raw[i] != '-') continue;
      std::string_view piece = raw.substr(piece_start, i - piece_start);
      bool hyphen_after = i < raw.size();
      piece_start = i + 1;
      if (piece.empty()) {
        if (hyphen_after && !out.empty() && i > 0) out.back().joined = true;
        continue;
      }
      PhraseElement e;
      bool open_mark = false;
      if (piece.back() == '~') {
        open_mark = true;
        piece.remove_suffix(1);
      } else if (piece.back() == '=') {
        e.form = WordForm::kExact;
        piece.remove_suffix(1);
      }
      if (piece == "*") e.kind = Kind::kVerb;
      else if (piece == "$") e.kind = Kind::kSource;
      else if (piece == "+") e.kind = Kind::kTarget;
      else if (piece == "%") e.kind = Kind::kCompound;
      else if (piece == "^") e.kind = Kind::kSkip;
      else if (piece.size() > 1 && piece[0] == '&') e.kind = Kind::kSynset;
      else if (piece.empty()) continue;
      e.word.reserve(piece.size());
      for (char ch : piece) e.word.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
      bool joined_next = hyphen_after || (pos < text.size() && text[pos] == '_' && i == raw.size());
      if (e.kind == Kind::kWord && e.form != WordForm::kExact && joined_next && !open_mark) e.form = WordForm::kClosed;
      if (hyphen_after) e.joined = true;
      out.push_back(std::move(e));
    }
  }
  if (in_choice) {
    error = "'{' without '}'";
    return false;
  }
  return true;
}

void fill_reversed(Phrase& p) {
  for (auto& e : p) {
    if (e.kind != Kind::kChoice) continue;
    for (auto& alt : e.choices) fill_reversed(alt);
    e.reversed_choices.clear();
    for (const auto& alt : e.choices) e.reversed_choices.push_back(reverse_phrase(alt));
  }
}

}  // namespace

bool parse_phrase(std::string_view text, Phrase& out, std::string& error) {
  out.clear();
  size_t pos = 0;
  if (!parse_sequence(text, pos, 0, out, error)) return false;
  if (out.empty()) {
    error = "empty phrase";
    return false;
  }
  out.back().joined = false;
  fill_reversed(out);
  return true;
}

Phrase reverse_phrase(const Phrase& p) {
  Phrase r(p.rbegin(), p.rend());
  // The connector after element i (left to right) sits after element
  // n-2-i when read right to left.
  for (size_t m = 0; m < r.size(); ++m) r[m].joined = m + 1 < r.size() && p[p.size() - 2 - m].joined;
  for (auto& e : r) {
    if (e.kind != Kind::kChoice) continue;
    std::swap(e.choices, e.reversed_choices);
  }
  return r;
}

int phrase_weight(const Phrase& p) {
  int n = 0;
  for (const auto& e : p) {
    if (e.kind == Kind::kWord) n += static_cast<int>(e.word.size());
    if (e.kind == Kind::kSynset) n += 1;  // a synset is less specific than any word
    if (e.kind == Kind::kChoice) {
      int best = 0;
      for (const auto& alt : e.choices) best = std::max(best, phrase_weight(alt));
      n += best;
    }
  }
  return n;
}

std::vector<Phrase> expand_choices(const Phrase& p, size_t limit) {
  std::vector<Phrase> out{Phrase()};
  for (const auto& e : p) {
    if (e.kind != Kind::kChoice) {
      for (auto& partial : out) partial.push_back(e);
      continue;
    }
    std::vector<Phrase> alternatives;
    for (const auto& alt : e.choices) {
      for (Phrase& x : expand_choices(alt, limit)) {
        if (alternatives.size() < limit) alternatives.push_back(std::move(x));
      }
    }
    std::vector<Phrase> next;
    for (const auto& partial : out) {
      {
        for (const Phrase& expanded_alt : alternatives) {
          if (next.size() >= limit) break;
          Phrase q = partial;
          q.insert(q.end(), expanded_alt.begin(), expanded_alt.end());
          q.back().joined = e.joined;
          next.push_back(std::move(q));
        }
      }
    }
    out = std::move(next);
  }
  return out;
}

void close_open_words(Phrase& p) {
  for (auto& e : p) {
    if (e.kind == Kind::kWord && e.form == WordForm::kOpen) e.form = WordForm::kClosed;
    for (auto& alt : e.choices) close_open_words(alt);
    for (auto& alt : e.reversed_choices) close_open_words(alt);
  }
}

bool word_matches(const PhraseElement& e, std::string_view w, Endings endings) {
  const std::string& d = e.word;
  if (d.empty() || w.empty()) return false;
  if (e.form == WordForm::kOpen) return w.starts_with(d);
  if (w == d) return true;
  if (e.form == WordForm::kExact || endings == Endings::kNone) return false;
  auto ending_in = [](std::string_view rest, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), rest) != list.end();
  };
  if (endings == Endings::kNoun) {
    return w.starts_with(d) && ending_in(w.substr(d.size()), {"S", "ES", "'S", "S'", "'"});
  }
  if (w.starts_with(d) && ending_in(w.substr(d.size()), {"S", "ES", "ED", "ING", "EN", "D"})) {
    return w.substr(d.size()) != "D" || d.back() == 'E';
  }
  // DEPLORE -> DEPLORING
  return d.size() > 2 && d.back() == 'E' && w.size() == d.size() + 2 && w.starts_with(d.substr(0, d.size() - 1)) &&
         w.ends_with("ING");
}

PhraseMatcher::PhraseMatcher(const std::vector<CodingToken>& tokens, const std::vector<SlotGroup>& groups,
                             const SynsetTable* synsets)
    : tokens_(tokens), groups_(groups), synsets_(synsets), starting_(tokens.size()), ending_(tokens.size()) {
  for (size_t g = 0; g < groups.size(); ++g) {
    const SlotGroup& s = groups[g];
    if (s.first < 0 || s.last >= static_cast<int>(tokens.size()) || s.first > s.last) continue;
    starting_[s.first].push_back(static_cast<int>(g));
    ending_[s.last].push_back(static_cast<int>(g));
  }
  // A slot takes the widest group first: a compound before its members.
  auto wider = [&](int a, int b) { return groups[a].last - groups[a].first > groups[b].last - groups[b].first; };
  for (auto& v : starting_) std::stable_sort(v.begin(), v.end(), wider);
  for (auto& v : ending_) std::stable_sort(v.begin(), v.end(), wider);
}

bool PhraseMatcher::match(const Phrase& p, int start, int dir, bool anchored, int lo, int hi, Endings endings,
                          PhraseMatch& out) const {
  dir_ = dir;
  lo_ = std::max(lo, 0);
  hi_ = std::min(hi, static_cast<int>(tokens_.size()) - 1);
  endings_ = endings;
  budget_ = 20000;  // backtracking steps; patterns are short, sentences are not
  depth_ = 0;
  PhraseMatch m;
  m.next = start;
  if (!match_from(p, 0, start, anchored, m)) return false;
  out = std::move(m);
  return true;
}

bool PhraseMatcher::match_from(const Phrase& p, size_t k, int pos, bool anchored, PhraseMatch& m) const {
  if (k == p.size()) {
    m.next = pos;
    return true;
  }
  std::vector<PhraseMatch> ways;
  for (int q = pos; q >= lo_ && q <= hi_; q += dir_) {
    if (--budget_ < 0) return false;
    ways.clear();
    match_element(p[k], q, m, ways);
    for (auto& w : ways) {
      PhraseMatch saved = m;
      m = std::move(w);
      if (match_from(p, k + 1, m.next, p[k].joined, m)) return true;
      m = std::move(saved);
    }
    if (anchored) break;
  }
  return false;
}

bool PhraseMatcher::match_element(const PhraseElement& e, int pos, PhraseMatch& m,
                                  std::vector<PhraseMatch>& ways) const {
  switch (e.kind) {
    case Kind::kWord:
      // Only a phrase's last word takes a possessive ("ITHILEN'S
      // GOVERNMENT RADIO" is not ITHILEN_GOVERNMENT_RADIO_).
      if (word_matches(e, tokens_[pos].word, endings_) &&
          !(e.joined && e.form == WordForm::kClosed && endings_ == Endings::kNoun &&
            tokens_[pos].word.find('\'') != std::string::npos && tokens_[pos].word != e.word)) {
        PhraseMatch w = m;
        w.next = pos + dir_;
        w.words++;
        w.tokens.push_back(pos);
        ways.push_back(std::move(w));
      }
      break;
    case Kind::kSource:
    case Kind::kTarget:
    case Kind::kSkip:
    case Kind::kCompound:
      for (int g : dir_ > 0 ? starting_[pos] : ending_[pos]) {
        const SlotGroup& s = groups_[g];
        if (e.kind == Kind::kCompound && !s.compound) continue;
        PhraseMatch w = m;
        w.next = dir_ > 0 ? s.last + 1 : s.first - 1;
        if (e.kind == Kind::kSource) w.source = g;
        if (e.kind == Kind::kTarget) w.target = g;
        if (e.kind == Kind::kCompound) w.compound = g;
        ways.push_back(std::move(w));
      }
      break;
    case Kind::kSynset:
    case Kind::kChoice: {
      if (depth_ > 8) break;  // synsets naming each other in a loop
      const std::vector<Phrase>* alts = nullptr;
      if (e.kind == Kind::kChoice) {
        alts = &e.choices;
      } else if (synsets_) {
        auto it = synsets_->find(e.word);
        if (it != synsets_->end()) alts = dir_ > 0 ? &it->second.phrases : &it->second.reversed;
      }
      if (!alts) break;
      ++depth_;
      for (const Phrase& alt : *alts) {
        PhraseMatch w = m;
        if (match_from(alt, 0, pos, true, w)) ways.push_back(std::move(w));
      }
      --depth_;
      break;
    }
    case Kind::kVerb:
      break;
  }
  return !ways.empty();
}

}  // namespace seismo::cameo
