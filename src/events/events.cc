#include "events/events.h"

#include <unicode/utf8.h>

#include "common/match_text.h"
#include "entities/gazetteer.h"
#include "events/action_dictionary.h"
#include "events/sentence_coder.h"
#include "events/sentences.h"
#include "events/stem.h"

namespace seismo {

const char* modality_name(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kPlanned: return "planned";
    case Modality::kThreatened: return "threatened";
    case Modality::kRequested: return "requested";
    case Modality::kDenied: return "denied";
    case Modality::kHypothetical: return "hypothetical";
  }
  return "asserted";
}

struct EventCoder::Impl {
  ActionDictionary actions;
};

EventCoder::EventCoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventCoder::~EventCoder() = default;

std::unique_ptr<EventCoder> EventCoder::load(const EventOptions& options, std::vector<std::string>& warnings) {
  auto impl = std::make_unique<Impl>();
  std::vector<std::string> files = options.dictionaries;
  if (files.empty()) files.push_back(default_action_dictionary_path());
  for (const auto& f : files) impl->actions.load(f, warnings);
  if (impl->actions.pattern_count() == 0) {
    warnings.push_back("no action patterns loaded: events are not coded");
    return nullptr;
  }
  return std::unique_ptr<EventCoder>(new EventCoder(std::move(impl)));
}

size_t EventCoder::pattern_count() const { return impl_->actions.pattern_count(); }

namespace {

// Byte offset of every code point of `text`, and one past the end.
std::vector<size_t> code_point_bytes(std::string_view text) {
  std::vector<size_t> at;
  at.reserve(text.size() + 1);
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size()), i = 0;
  while (i < n) {
    at.push_back(static_cast<size_t>(i));
    UChar32 c;
    U8_NEXT(p, i, n, c);
    (void)c;
  }
  at.push_back(text.size());
  return at;
}

size_t byte_to_code_point(const std::vector<size_t>& at, size_t byte) {
  return static_cast<size_t>(std::lower_bound(at.begin(), at.end(), byte) - at.begin());
}

SentenceInput read_sentence(std::string_view body, SentenceSpan span, const std::vector<EntityMention>& entities,
                            const std::vector<size_t>& cp_bytes) {
  SentenceInput in;
  in.body = body;
  in.begin = span.begin;
  in.end = span.end;
  MatchText mt = make_match_text(body.substr(span.begin, span.end - span.begin));
  in.tokens.reserve(mt.tokens.size());
  for (size_t i = 0; i < mt.tokens.size(); ++i) {
    SentenceToken t;
    t.begin = span.begin + mt.tokens[i].begin;
    t.end = span.begin + mt.tokens[i].end;
    t.key = std::string(mt.key_of(i));
    t.stem = english_stem(t.key);
    t.capitalised = mt.tokens[i].capitalised;
    t.barrier_before = i > 0 && mt.barrier_before(i);
    in.tokens.push_back(std::move(t));
  }
  for (const EntityMention& e : entities) {
    if (e.end > cp_bytes.size() - 1) continue;
    size_t b = cp_bytes[e.start], end = cp_bytes[e.end];
    if (b < span.begin || end > span.end) continue;
    size_t first = SIZE_MAX, last = 0;
    for (size_t i = 0; i < in.tokens.size(); ++i) {
      if (in.tokens[i].begin >= b && in.tokens[i].end <= end) {
        first = std::min(first, i);
        last = i + 1;
      }
    }
    if (first == SIZE_MAX) continue;
    int index = static_cast<int>(in.mentions.size());
    in.mentions.push_back(&e);
    in.mention_tokens.emplace_back(first, last);
    for (size_t i = first; i < last; ++i) {
      if (in.tokens[i].mention < 0) in.tokens[i].mention = index;
    }
  }
  return in;
}

}  // namespace

std::vector<Event> EventCoder::code(std::string_view body, const std::vector<EntityMention>& entities,
                                    const std::optional<CalendarDate>& published, std::string_view language) const {
  std::vector<Event> out;
  if (!language.empty() && language != "en") return out;
  std::vector<size_t> cp_bytes = code_point_bytes(body);
  for (SentenceSpan span : split_sentences(body)) {
    SentenceInput in = read_sentence(body, span, entities, cp_bytes);
    in.published = published;
    for (Event& e : code_sentence(in, impl_->actions)) {
      // Bytes to code points, as every offset of the JSON contract.
      e.sentence_start = byte_to_code_point(cp_bytes, e.sentence_start);
      e.sentence_end = byte_to_code_point(cp_bytes, e.sentence_end);
      for (auto* p : {&e.source, &e.target}) {
        if (!*p) continue;
        (*p)->start = byte_to_code_point(cp_bytes, (*p)->start);
        (*p)->end = byte_to_code_point(cp_bytes, (*p)->end);
      }
      out.push_back(std::move(e));
    }
  }
  return out;
}

std::string default_action_dictionary_path() { return find_data_file("actions.txt"); }

}  // namespace seismo
