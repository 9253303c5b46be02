// The sparse parse the CAMEO pattern coder reads a sentence with, in
// TABARI's manner: words; actors, agents and pronouns from the
// dictionaries; comma-delimited asides dropped; verbs; compounds; clauses.
// Internal to events.
#pragma once
#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "events/cameo_coder.h"

namespace seismo::cameo {

inline bool in_list(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}
inline bool is_determiner(std::string_view w) { return in_list(w, {"THE", "A", "AN"}); }
inline bool is_conjunction(std::string_view w) { return in_list(w, {"AND", "OR", "BUT", "NOR"}); }
inline bool is_pronoun(std::string_view w) { return in_list(w, {"HE", "SHE", "IT", "THEY", "HIM", "HER", "THEM"}); }
inline bool is_comma(const CodingToken& t) { return t.word == ","; }

// An actor, agent or pronoun found in the sentence.
struct Occurrence {
  enum class Kind { kActor, kAgent, kPronoun };
  Kind kind = Kind::kActor;
  int first = 0, last = 0;          // tokens spanned
  std::vector<std::string> codes;   // with the agent's code
  std::vector<std::string> roots;   // the actor's own codes
  std::string agent_code;           // kAgent; for an actor, the agent code it took
  bool agent_prefix = false, attached = false;
  int attached_to = -1;             // an attached agent's actor occurrence
  bool agent_before = false;        // an actor's agent stands before it ("the ministers of Arnor")
  bool discard = false, complex = false;
  std::string text;
};

struct Marking {
  std::vector<int> owner;       // token -> occurrence, -1 for none
  std::vector<bool> noun;       // listed nouns and adjectives, null-coded actors
  std::vector<Occurrence> occ;  // in text order of their first token
};

// The actor occurrence that starts at token t, also when its first words
// are an agent attached to it ("the government of Gondor"); -1 for none.
inline int actor_starting_at(const Marking& m, int t) {
  if (t < 0 || t >= static_cast<int>(m.owner.size()) || m.owner[t] < 0) return -1;
  int o = m.owner[t];
  if (m.occ[o].kind == Occurrence::Kind::kAgent && m.occ[o].attached) o = m.occ[o].attached_to;
  return o >= 0 && m.occ[o].kind == Occurrence::Kind::kActor && m.occ[o].first == t ? o : -1;
}

struct VerbOccurrence {
  int entry = -1;
  int first = 0, last = 0;
  std::vector<int> tokens;
};

// One actor code of a group, with the tokens it was read from (-1 for a
// default actor, which no words name).
struct Party {
  std::string code;
  int first = -1, last = -1;
};

// A group of actors that a clause role or a pattern slot can take.
struct Group {
  std::vector<Party> parties;  // its actor codes, each with its words
  std::vector<int> members;    // occurrences
  bool compound = false;
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const auto& p : parties) out.push_back(p.code);
    return out;
  }
};

// A clause: tokens [begin, end), split from its neighbours at a conjunction.
struct Clause {
  int begin = 0, end = 0;
  bool forwards = true;  // the previous clause's subject carries over
};

struct SentenceParse {
  std::vector<CodingToken> tokens;  // after asides are dropped
  Marking marking;
  std::vector<VerbOccurrence> verbs;
  std::vector<Group> groups;     // one per actor, pronoun and compound
  std::vector<SlotGroup> slots;  // the groups' spans, for pattern slots
  std::vector<int> top;          // the widest groups, in text order
  std::vector<Clause> clauses;
};

// Parses `sentence` (see CameoCoder::code for `day` and
// `previous_subject`). False, with `out`'s outcome and reason set, when
// the sentence is not to be coded: too short or long, a discard or complex
// code, too many verbs or conjunctions. Sets `out.subject`.
bool parse_sentence(const CameoDictionary& dict, std::string_view sentence, int day, const CodingOptions& options,
                    const std::vector<std::string>* previous_subject, SentenceParse& parse, SentenceCoding& out);

}  // namespace seismo::cameo
