#include "common/hash.h"
#include "common/match_text.h"
#include "common/utf8.h"
#include "reuse/reuse.h"

namespace seismo {

// The match text's words are the folded forms every stage matches with
// ("Kosovska Mitrovica", "Косовска Митровица" and "KOSOVSKA MITROVICA"
// give the same words), so a copy that changed the script or the case
// still shares its passages.
ReuseWords reuse_words(std::string_view body) {
  ReuseWords w;
  MatchText t = make_match_text(body);
  w.words.reserve(t.tokens.size());
  w.ids.reserve(t.tokens.size());
  w.starts.reserve(t.tokens.size());
  w.ends.reserve(t.tokens.size());
  CodePointCursor starts(body), ends(body);
  for (size_t i = 0; i < t.tokens.size(); ++i) {
    w.words.emplace_back(t.key_of(i));
    w.ids.push_back(hash64(w.words.back()));
    w.starts.push_back(static_cast<uint32_t>(starts.at(t.tokens[i].begin)));
    w.ends.push_back(static_cast<uint32_t>(ends.at(t.tokens[i].end)));
  }
  return w;
}

bool inside_spans(uint32_t at, const TextSpans& spans) {
  for (const auto& [from, to] : spans)
    if (at >= from && at < to) return true;
  return false;
}

ReuseWords words_outside(const ReuseWords& w, const TextSpans& spans) {
  if (spans.empty()) return w;
  ReuseWords out;
  for (size_t i = 0; i < w.words.size(); ++i) {
    if (inside_spans(w.starts[i], spans)) continue;
    out.words.push_back(w.words[i]);
    out.ids.push_back(w.ids[i]);
    out.starts.push_back(w.starts[i]);
    out.ends.push_back(w.ends[i]);
  }
  return out;
}

const char* reuse_kind_name(ReuseKind k) {
  switch (k) {
    case ReuseKind::kDuplicate: return "duplicate";
    case ReuseKind::kReprint: return "reprint";
    case ReuseKind::kNearDuplicate: return "near_duplicate";
    case ReuseKind::kSharedPassage: return "shared_passage";
  }
  return "shared_passage";
}

std::optional<ReuseKind> parse_reuse_kind(std::string_view name) {
  for (ReuseKind k : {ReuseKind::kDuplicate, ReuseKind::kReprint, ReuseKind::kNearDuplicate, ReuseKind::kSharedPassage})
    if (name == reuse_kind_name(k)) return k;
  return std::nullopt;
}

}  // namespace seismo
