// CAMEO's own structure applied to a coded act: what a verb means
// depends on whether it is announced or threatened and on who does it.
// Internal to events.
#pragma once
#include <string>
#include <string_view>

#include "events/events.h"

namespace seismo {

// An act announced or threatened, where CAMEO has a code for that: a
// planned meeting is 036 "intent to meet", planned military cooperation
// 0312, planned aid 033x, a planned release 0353; a threatened attack
// 1384, threatened sanctions 1312, a threatened arrest 137. Other codes
// are returned as they are: "will cut aid" stays 162, planned.
std::string intent_code(const std::string& cameo, Modality modality);

// An appeal for an act is CAMEO's appeal for that kind of act: asking for
// talks 026, for military aid 0232, for de-escalation 0256, for a
// release 0253; "020" when the act has no appeal code of its own.
std::string appeal_code(const std::string& requested_act);

// The same for a demand: demanding talks 108, a release 1053, a
// ceasefire 107, de-escalation 1056; "100" when the act has no demand code.
std::string demand_code(const std::string& demanded_act);

// Violence by an armed force is military force: an army's or a rebel
// group's "attack" or "killing" is CAMEO 19x, not the 18x of assault,
// refined by the weapons the clause names (aircraft and missiles 195,
// artillery and shelling 194, guns 193). `actor` is the source's code,
// `clause` the folded words of the verb's clause, space-separated. A 190
// strike ("struck targets") whose clause names aircraft, drones or missiles
// is 195 whatever its source.
std::string armed_force_code(const std::string& cameo, std::string_view actor, std::string_view clause);

}  // namespace seismo
