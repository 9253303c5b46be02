#include "events/cameo_refine.h"

#include <initializer_list>
#include <utility>

namespace seismo {
namespace {

bool starts(std::string_view code, std::string_view prefix) { return code.substr(0, prefix.size()) == prefix; }

const char* first_match(std::string_view code, std::initializer_list<std::pair<const char*, const char*>> table) {
  for (const auto& [prefix, to] : table)
    if (starts(code, prefix)) return to;
  return nullptr;
}

bool mentions_any(std::string_view clause, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    for (size_t at = clause.find(w); at != std::string_view::npos; at = clause.find(w, at + 1)) {
      bool starts_word = at == 0 || clause[at - 1] == ' ';
      if (starts_word) return true;  // prefixes count: "airstrikes", "shelled"
    }
  }
  return false;
}

}  // namespace

std::string intent_code(const std::string& cameo, Modality modality) {
  const char* to = nullptr;
  if (modality == Modality::kPlanned) {
    // Longer prefixes first.
    to = first_match(cameo, {{"045", "039"}, {"04", "036"},  {"057", nullptr}, {"05", "032"},  {"061", "0311"},
                             {"062", "0312"}, {"063", "0313"}, {"064", "0314"}, {"06", "031"},  {"071", "0331"},
                             {"072", "0332"}, {"073", "0333"}, {"074", "0334"}, {"07", "033"},  {"081", "0351"},
                             {"082", "0352"}, {"083", "034"},  {"084", "0353"}, {"085", "0354"}, {"086", "0355"},
                             {"087", "0356"}, {"08", "035"}});
  } else if (modality == Modality::kThreatened) {
    to = first_match(cameo, {{"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"164", "134"}, {"165", "135"},
                             {"166", "136"},  {"16", "131"},   {"172", "132"},  {"17", "137"},  {"14", "133"},
                             {"191", "1381"}, {"192", "1382"}, {"19", "1384"},  {"18", "1383"}, {"20", "1385"}});
  }
  return to ? std::string(to) : cameo;
}

std::string appeal_code(const std::string& act) {
  const char* to = first_match(act, {{"045", "028"}, {"04", "026"},  {"05", "022"},  {"061", "0211"}, {"062", "0212"},
                                     {"063", "0213"}, {"064", "0214"}, {"06", "021"},  {"071", "0231"}, {"072", "0232"},
                                     {"073", "0233"}, {"074", "0234"}, {"07", "023"},  {"081", "0251"}, {"082", "0252"},
                                     {"083", "024"},  {"084", "0253"}, {"085", "0254"}, {"086", "0255"}, {"087", "0256"},
                                     {"08", "025"}});
  return to ? std::string(to) : std::string("020");
}

std::string demand_code(const std::string& act) {
  const char* to = first_match(act, {{"045", "105"},  {"04", "108"},   {"05", "102"},   {"061", "1011"}, {"062", "1012"},
                                     {"063", "1013"}, {"064", "1014"}, {"071", "1031"}, {"072", "1032"}, {"073", "1033"},
                                     {"074", "1034"}, {"07", "103"},   {"081", "1051"}, {"082", "1052"}, {"083", "104"},
                                     {"084", "1053"}, {"085", "1054"}, {"086", "1055"}, {"0871", "107"}, {"087", "1056"}});
  return to ? std::string(to) : std::string("100");
}

bool names_aircraft(std::string_view clause) {
  return mentions_any(clause, {"aircraft", "warplane", "jet", "drone", "airstrike", "air strike", "air raid",
                               "helicopter", "bomber", "missile", "air force"});
}

std::string armed_force_code(const std::string& cameo, std::string_view actor, std::string_view clause) {
  // A strike ("struck targets", "striking cities") by aircraft, drones or
  // missiles is an air strike, whoever the striker is.
  if (cameo == "190" && mentions_any(clause, {"struck", "strike", "striking"}) && names_aircraft(clause))
    return "195";
  if (!starts(cameo, "18") || actor.size() < 6) return cameo;
  std::string_view role = actor.substr(actor.size() - 3);
  bool army = role == "MIL";
  bool armed_group = role == "REB" || role == "INS";
  if (!army && !armed_group) return cameo;
  // Abduction, sexual violence and torture stay what they are; a rebel
  // group's bombing is unconventional violence, an army's is not.
  bool attack_or_killing = cameo == "180" || cameo == "1823" || cameo == "182";
  bool bombing = starts(cameo, "183");
  if (!attack_or_killing && !(army && bombing)) return cameo;
  if (names_aircraft(clause)) return "195";
  if (mentions_any(clause, {"shell", "artillery", "mortar", "rocket", "tank", "howitzer"})) return "194";
  if (mentions_any(clause, {"gun", "shot", "shoot", "fired", "fire on", "sniper", "rifle", "bullet"})) return "193";
  return "190";
}

}  // namespace seismo
