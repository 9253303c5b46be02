// Closed word lists the entity rules consult. Lists of kinds of word, not of
// names: which words are function words, titles, verbs of saying and acting,
// generic place nouns. Keys are match keys (folded, lower case).
#pragma once
#include <string_view>

namespace seismo {

// Common words that are also the names of some town somewhere ("Most",
// "Police", "May", "Of"): never a place when sentence-initial or alone.
bool is_common_word(std::string_view key);
// Common nouns that are also the names of towns ("Reading", "Police",
// "Split", "Mobile"): not a place where a capital says nothing (at the start
// of a sentence), a place elsewhere.
bool is_common_noun(std::string_view key);
// Titles that put a person's name after them ("President", "Minister").
bool is_person_title(std::string_view key);
// Nouns that may follow a place name inside the same capitalised run
// without making it another kind of name ("Zvečan Municipality").
bool is_place_noun(std::string_view key);
// Words that name a part of a place before its name ("Northeast Georgia",
// "Southern Serbia", "Greater London", "Upper Austria").
bool is_direction_word(std::string_view key);
// Words that qualify an office or a count before a name without being a
// given name ("Acting U.S. Attorney", "Former Yugoslav", "Eight Florida
// troopers").
bool is_name_qualifier(std::string_view key);
// Head nouns of organisations a place name may open ("Hopkinton Police
// Department", "Anderson County Jail", "Kosovo Police"): the name is still
// a place, flagged as inside an organisation's name.
bool is_organisation_noun(std::string_view key);
// Verbs (and auxiliaries) that, right after a capital or country, make it
// the subject of an act: "Belgrade asked", "Pristina wants".
bool is_agent_verb(std::string_view key);
// Prepositions after which a name is a location, not an agent.
bool is_locative_preposition(std::string_view key);

}  // namespace seismo
