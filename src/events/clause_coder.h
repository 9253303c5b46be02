// seismo's own coder over a dependency parse: each verb the action
// dictionary knows, matched on its lemma, is an event whose source is the
// clause's subject (the agent of a passive), whose target is its object or
// the right oblique, and whose modality, date, place and attribution come
// from the clause around it (clause_reading.h). Internal to events.
#pragma once
#include <string>
#include <unordered_map>
#include <unordered_set>
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

// What the coder knows of the actor dictionary. Its agent words
// ("security forces" -> MIL, "police" -> COP): a noun phrase whose head is
// one, with a country in it ("Iranian security forces", "soldiers in
// Niger"), is that country's agent even when the words are not side by
// side; with no country in it ("police", "protesters"), the country of
// where the act happened. And each country's CAMEO code by its ISO code,
// to know which country a place is in.
struct ActorWords {
  std::unordered_map<std::string, std::string> agents;        // folded words -> "MIL"
  std::unordered_map<std::string, std::string> cameo_of_iso2;  // "RS" -> "SRB"
  std::unordered_set<std::string> countries;                   // "SRB", "KSV", ...
};

// A place that is a country or a capital: what can stand for a state.
bool names_a_state(const EntityMention& m);

// Fills in.state_codes: each country or capital mention's government.
void mark_states(SentenceInput& in, const ActorWords& words);

std::vector<Event> code_parsed_sentence(const SentenceInput& in, const ParseTree& tree, const ActionDictionary& actions,
                                        const ActorWords& words, Discourse& discourse);

}  // namespace seismo
