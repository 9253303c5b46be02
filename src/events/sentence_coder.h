// Codes the events of one sentence: a shallow reading of clauses around
// the verbs the action dictionary knows. Internal to events.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/action_dictionary.h"
#include "events/events.h"

namespace seismo {

// One word of the sentence, with its place in the body.
struct SentenceToken {
  size_t begin = 0, end = 0;  // byte offsets into the body
  std::string key;            // folded
  std::string stem;           // Snowball English stem of the key
  bool capitalised = false;
  bool barrier_before = false;  // punctuation stands before it
  int mention = -1;             // index into SentenceInput::mentions, or -1
};

struct SentenceInput {
  std::string_view body;
  size_t begin = 0, end = 0;        // the sentence, bytes into the body
  size_t cp_begin = 0, cp_end = 0;  // the same in code points, as events report them
  std::vector<SentenceToken> tokens;
  std::vector<const EntityMention*> mentions;  // entities inside the sentence, in text order
  std::vector<std::pair<size_t, size_t>> mention_tokens;  // [first, end) token range of each mention
  std::optional<CalendarDate> published;
  // Per mention, the government a country or capital stands for when it
  // acts or is acted on ("SRBGOV"), else empty. The parse-based coder fills
  // it (mark_states()); the shallow coder reads EntityMention::government.
  std::vector<std::string> state_codes;
};

// The first half of a hyphenated modifier ("NATO-backed", "EU-brokered",
// "Western-led"): the name describes someone else, who is the one acting.
bool is_hyphen_modifier(const SentenceInput& in, int mention);
// An actor mention that is not such a modifier.
bool is_actor_mention(const SentenceInput& in, int mention);

// Events of the sentence; offsets in code points into the body.
std::vector<Event> code_sentence(const SentenceInput& in, const ActionDictionary& actions);

// The circumstances of an event whose verb is token `head`: the sentence,
// the place and date nearest the verb (the publication date when the
// sentence has none), its modality (from the words since `clause_start`)
// and `attributed_to`. Both coders describe their events with it.
void describe_event(const SentenceInput& in, size_t head, size_t clause_start, const std::string& attributed_to,
                    Event& e);

// Who the sentence attributes its facts to ("according to X", "X said"),
// for a coder that does not know which words are its verbs.
std::string sentence_attribution(const SentenceInput& in);

}  // namespace seismo
