// seismo's own coder over a dependency parse: each verb the action
// dictionary knows, matched on its lemma, is an event whose source is the
// clause's subject (the agent of a passive), whose target is its object or
// the right oblique, and whose modality, date, place and attribution come
// from the clause around it (clause_reading.h). Internal to events.
#pragma once
#include <vector>

#include "events/action_dictionary.h"
#include "events/parse_tree.h"

namespace seismo {

// What one sentence leaves for the next: the actor a later "they" or "he"
// stands for.
struct Discourse {
  std::optional<EventParticipant> last_source;
  int sentences_since = 0;
};

std::vector<Event> code_parsed_sentence(const SentenceInput& in, const ParseTree& tree, const ActionDictionary& actions,
                                        Discourse& discourse);

}  // namespace seismo
