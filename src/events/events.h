// Stage: events. Who did what to whom, where and when: each sentence of an
// article body is read for actions in the action dictionary, and each
// action gets its source and target actors, place, date, modality and
// attribution from the sentence and the entities found in it. Offsets
// count code points, as the entities stage's do.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/dates.h"
#include "entities/entities.h"

namespace seismo {

// What the sentence says about whether the action happened.
enum class Modality { kAsserted, kPlanned, kThreatened, kRequested, kDenied, kHypothetical };
const char* modality_name(Modality m);
// The inverse of modality_name(); anything else is kAsserted.
Modality parse_modality(std::string_view name);

struct ActionCode {
  std::string cameo;       // "173"
  std::string label;       // seismo's short label of the CAMEO code
  double goldstein = 0;    // Goldstein conflict-cooperation score, -10..+10
  std::string plover;      // PLOVER event type, or empty when CAMEO has none
  std::string acled_event_type;      // ACLED event type, or empty
  std::string acled_sub_event_type;  // ACLED sub-event type, or empty
};

struct EventParticipant {
  std::string text;  // as written in the sentence
  std::string code;  // actor code, empty when the actor is not in a dictionary
  size_t start = 0, end = 0;
};

struct Event {
  size_t sentence_start = 0, sentence_end = 0;  // code points into the body
  std::string sentence;
  std::optional<EventParticipant> source, target;
  ActionCode action;
  std::string verb;     // the words that matched, as written ("blocked ... roads")
  std::string pattern;  // the dictionary pattern that matched ("block road")
  std::optional<EntityMention> place;  // where it happened, from the entities stage
  std::optional<DateRef> date;
  bool date_from_publication = false;  // the sentence gave no date: the article's
  std::string attributed_to;           // who says so ("Petković", "local media"), or empty
  Modality modality = Modality::kAsserted;
  // Told as background: a past-perfect or "since" clause, "at the time", or
  // dated a year or more before the article. Such an event keeps its own
  // date when it has one and never takes the publication date.
  bool historical = false;
  double confidence = 0;
};

// At most this many events per document: a real article codes tens; a
// body with more is a dump or a concatenation of pages (see
// kMaxEntityMentions), and each event is a stored row with its sentence.
inline constexpr size_t kMaxEvents = 2000;
// A "sentence" longer than this (some 600 words) is a list or a page
// without punctuation, not a sentence the coder can read: it is not coded.
// Coding one costs time growing faster than its length, and every event
// from it would carry all of it. The longest of the 8,746 sentences of the
// seeds and the 181 benchmark pages has 883 bytes.
inline constexpr size_t kMaxSentenceBytes = 4096;

struct EventOptions {
  std::vector<std::string> dictionaries;  // seismo-format action files; empty: the bundled data/actions.txt
  // The published CAMEO dictionaries instead of seismo's coder: a TABARI
  // project file (its verbs, actors, agents and options), or PETRARCH
  // dictionaries (directories or files). Actors then come from those
  // dictionaries too; seismo's action file still gives each code its
  // label, Goldstein score and PLOVER/ACLED types.
  std::string tabari_project;
  std::vector<std::string> petrarch;
  // The syntax model seismo's own coder reads clauses with: empty, the
  // bundled one; "none", code without a parse (the shallow window coder).
  // A model that cannot be loaded is a warning, and coding falls back to
  // the shallow coder.
  std::string syntax_model;
};

class EventCoder {
 public:
  // Loads the action dictionaries. Each problem (a missing file, a bad
  // line with its file and line number) is one entry of `warnings`; null
  // when no action could be loaded.
  static std::unique_ptr<EventCoder> load(const EventOptions& options, std::vector<std::string>& warnings);
  ~EventCoder();

  // Events of an article body, in text order. `entities` are the entities
  // stage's mentions in the same body; `published` is the article's date.
  // The verb patterns are English: a body in another language (ISO 639-1
  // `language`, empty when unknown) has no events.
  // `stopped_at` is where the entities stage stopped reading (recognise()'s
  // `stopped_at`): a sentence it may have cut short, and all after it, are
  // not coded, since their actors and places are unknown. At most
  // kMaxEvents, the first in text order; sentences longer than
  // kMaxSentenceBytes are not coded. `truncated` (if given) is set when
  // sentences were left uncoded for any of these reasons.
  std::vector<Event> code(std::string_view body, const std::vector<EntityMention>& entities,
                          const std::optional<CalendarDate>& published, std::string_view language,
                          size_t stopped_at = std::string_view::npos, bool* truncated = nullptr) const;

  size_t pattern_count() const;
  // Whether seismo's own coder reads a dependency parse (a syntax model loaded).
  bool parses() const;

 private:
  struct Impl;
  explicit EventCoder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The bundled action dictionary (data/actions.txt in the source tree, copied
// beside the gazetteer in the build tree).
std::string default_action_dictionary_path();

// The codes the action files define, with their PLOVER and ACLED types,
// sorted by code; `files` empty: the bundled dictionary. What a filter on
// event types can ask for.
std::vector<ActionCode> action_codes(const std::vector<std::string>& files, std::vector<std::string>& warnings);

}  // namespace seismo
