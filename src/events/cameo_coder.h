// A sparse-parse event coder in the manner of TABARI, driven by CAMEO
// dictionaries in the TABARI/PETRARCH formats: actors, agents and verbs
// are found by their phrases; comma-delimited asides are dropped;
// conjunctions join actors into compounds or split the sentence into
// clauses; each clause's verb is coded by its longest matching pattern,
// with the source the clause's first actor (or the pattern's '$') and the
// target the first actor after the verb (or the pattern's '+'). Passives,
// pronouns, paired codes ("032:033"), null, complex and discard codes
// follow TABARI's rules. Internal to events.
#pragma once
#include <climits>
#include <string>
#include <string_view>
#include <vector>

#include "events/cameo_dictionary.h"

namespace seismo::cameo {

struct CameoEvent {
  std::string source, target, code;  // actor codes and the CAMEO code ("032")
  std::string source_text, target_text;  // as written; a default actor's code when no words name it
  // Bytes of the actors' words in the sentence, npos for a default actor.
  size_t source_begin = std::string::npos, source_end = std::string::npos;
  size_t target_begin = std::string::npos, target_end = std::string::npos;
  size_t verb_begin = 0, verb_end = 0;  // bytes of the verb's first word in the sentence
  std::string verb;                     // the verb entry that matched, as written
  std::string pattern;                  // the pattern that matched, empty when the verb's own code
};

struct SentenceCoding {
  enum class Outcome { kCoded, kNoEvent, kTooShort, kComplex, kDiscarded };
  Outcome outcome = Outcome::kNoEvent;
  std::string reason;  // why a sentence was not coded ("5 verbs", "discard code in MORDOR")
  std::vector<CameoEvent> events;
  // The root codes of the sentence's first actor, which a pronoun opening
  // the next sentence may refer to (CodingOptions::forward).
  std::vector<std::string> subject;
};

class CameoCoder {
 public:
  // `dictionary` must outlive the coder and be index()ed.
  explicit CameoCoder(const CameoDictionary& dictionary) : dict_(dictionary) {}

  // Codes one sentence (a TABARI record's text) dated `day` (days since
  // 1970-01-01, INT_MIN when unknown), which chooses between an actor's
  // dated codes. `previous_subject` is the subject of the sentence before
  // in the same story, or null.
  SentenceCoding code(std::string_view sentence, int day, const CodingOptions& options,
                      const std::vector<std::string>* previous_subject = nullptr) const;

 private:
  const CameoDictionary& dict_;
};

}  // namespace seismo::cameo
