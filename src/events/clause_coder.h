// seismo's own coder over a dependency parse: each verb the action
// dictionary knows, matched on its lemma, is an event whose source is the
// clause's subject (the agent of a passive), whose target is its object or
// the right oblique, and whose modality, date, place and attribution come
// from the clause around it (clause_reading.h). Internal to events.
#pragma once
#include <string>
#include <unordered_map>
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

// The agent words of the actor dictionary ("security forces" -> MIL,
// "police" -> COP): a noun phrase whose head is one, with a country in it
// ("Iranian security forces", "soldiers in Niger"), is that country's agent
// even when the words are not side by side.
using AgentWords = std::unordered_map<std::string, std::string>;

std::vector<Event> code_parsed_sentence(const SentenceInput& in, const ParseTree& tree, const ActionDictionary& actions,
                                        const AgentWords& agents, Discourse& discourse);

}  // namespace seismo
