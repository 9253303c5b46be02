#include "entities/word_lists.h"

#include <string>
#include <unordered_set>

namespace seismo {
namespace {

using WordSet = std::unordered_set<std::string_view>;

bool in(const WordSet& s, std::string_view k) { return s.count(k) > 0; }

}  // namespace

bool is_common_word(std::string_view key) {
  static const WordSet s{
      // English function words and frequent words that GeoNames also lists as towns.
      "a", "about", "after", "again", "against", "all", "also", "an", "and", "any", "are", "as", "at", "back", "be",
      "because", "been", "before", "being", "best", "between", "both", "but", "by", "can", "come", "could", "day",
      "did", "do", "does", "down", "during", "each", "early", "even", "every", "few", "first", "for", "from",
      "further", "good", "great", "had", "has", "have", "he", "her", "here", "high", "his", "how", "i", "if", "in",
      "into", "is", "it", "its", "just", "last", "late", "least", "less", "like", "little", "long", "made", "many",
      "may", "me", "more", "most", "much", "must", "my", "new", "next", "no", "nor", "not", "now", "of", "off", "old",
      "on", "once", "one", "only", "or", "other", "our", "out", "over", "own", "same", "say", "says", "said", "see",
      "she", "should", "since", "so", "some", "still", "such", "than", "that", "the", "their", "them", "then", "there",
      "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon", "very", "was", "we",
      "well", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "within",
      "without", "would", "yet", "you", "your", "today", "tonight", "yesterday", "tomorrow", "week", "year", "time",
      "news", "people", "media", "north", "south", "east", "west", "central", "western", "eastern", "northern",
      "southern", "march", "april", "june", "july", "august", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "christmas", "easter", "read", "view", "comment", "comments", "share", "reply", "click",
      // The same role in the region's languages: frequent words that are also village names.
      "da", "ne", "je", "i", "u", "na", "se", "za", "od", "do", "po", "sa", "te", "ti", "to", "mi", "ni", "vi",
      "e", "ne", "me", "per", "nga", "si", "qe", "te", "ka", "ma", "il", "la", "le", "di", "del", "che", "non",
      "der", "die", "das", "und", "den", "von", "des", "le", "les", "et", "un", "une", "el", "los", "las", "y",
      "selo", "grad", "reka", "polje", "dolina", "most",
  };
  return in(s, key);
}

bool is_common_noun(std::string_view key) {
  static const WordSet s{"police", "army", "government", "president", "security", "union", "party", "state", "city",
                         "town", "village", "centre", "center", "republic", "ministry", "office", "press", "radio",
                         "online", "video", "photo", "source", "update", "breaking", "live", "home", "world", "local",
                         "national", "border", "bridge", "hope", "victoria", "independence", "liberty", "paradise",
                         "mobile", "reading", "split", "nice", "bath", "deal", "sale", "hall", "wells", "god", "man",
                         "son", "king", "queen", "prince", "mark", "top", "page", "post", "most", "university",
                         "college", "school", "church", "court", "park", "lake", "river", "mount", "bay", "beach",
                         "trust", "energy", "health", "education", "justice", "welcome", "story", "life", "family"};
  return in(s, key);
}

bool is_person_title(std::string_view key) {
  static const WordSet s{"president", "minister", "premier", "prime", "pm", "mr", "mrs", "ms", "miss", "dr",
                         "sir", "lord", "lady", "general", "gen", "colonel", "col", "major", "captain", "capt",
                         "commander", "lieutenant", "lt", "sergeant", "sgt", "admiral", "marshal", "pope",
                         "father", "bishop", "patriarch", "ambassador", "envoy", "secretary", "chancellor",
                         "mayor", "governor", "senator", "sen", "rep", "representative", "judge", "prosecutor",
                         "spokesman", "spokeswoman", "spokesperson", "director", "chief", "professor", "prof",
                         "leader", "deputy", "speaker", "chairman", "chairwoman", "king", "queen", "prince",
                         "princess", "emperor", "sultan", "sheikh", "imam", "rabbi", "reverend", "rev",
                         "predsednik", "predsjednik", "ministar", "premijer", "kryeministri", "presidenti",
                         "ministri", "gospodin", "zoti", "signor", "presidente", "herr", "frau", "monsieur"};
  return in(s, key);
}

bool is_place_noun(std::string_view key) {
  static const WordSet s{"municipality", "city", "town", "village", "county", "district", "region", "province",
                         "valley", "river", "lake", "mountain", "mountains", "canton", "oblast", "krai",
                         "governorate", "prefecture", "state", "area", "border", "crossing", "opstina",
                         "komuna", "grad", "selo", "okrug"};
  return in(s, key);
}

bool is_direction_word(std::string_view key) {
  static const WordSet s{"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "northern", "southern", "eastern", "western", "northeastern", "northwestern",
                         "southeastern", "southwestern", "central", "upper", "lower", "greater", "inner", "outer",
                         "mid", "downtown", "coastal", "rural", "metro", "metropolitan", "saharan", "subsaharan"};
  return in(s, key);
}

bool is_name_qualifier(std::string_view key) {
  static const WordSet s{"acting", "former", "late", "interim", "incoming", "outgoing", "ex", "then", "two", "three",
                         "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
                         "dozens", "hundreds", "thousands", "several", "both", "all", "some", "many", "most"};
  return in(s, key);
}

bool is_organisation_noun(std::string_view key) {
  static const WordSet s{"police", "department", "dept", "sheriff", "sheriffs", "jail", "prison", "penitentiary",
                         "correctional", "detention", "patrol", "council", "court", "courts", "hospital", "clinic",
                         "medical", "university", "college", "school", "schools", "academy", "institute", "board",
                         "commission", "commissioners", "office", "fire", "rescue", "authority", "agency",
                         "association", "chamber", "library", "museum", "airport", "church", "club", "company",
                         "corporation", "corp", "bank", "party", "government", "assembly", "legislature",
                         "parliament", "ministry", "federation", "league", "foundation", "times", "post", "herald",
                         "tribune", "journal", "gazette", "daily", "observer", "courier", "register", "high",
                         "middle", "elementary", "hall", "center", "centre", "housing", "transit", "zoo", "guard",
                         "army", "forces", "troops", "military", "society", "bureau", "convention", "visitors",
                         "committee", "coalition", "alliance", "network", "partnership", "services", "service",
                         "station", "mall", "plaza", "stadium", "arena", "theatre", "theater", "festival",
                         "orchestra", "symphony", "library", "cathedral", "chapel", "synagogue", "mosque", "temple",
                         "cemetery", "hotel", "inn", "restaurant", "store", "market", "press", "radio", "television",
                         "tv", "magazine", "broadcasting", "foundation", "trust", "fund", "society", "union",
                         "utilities", "utility", "water", "electric", "gas", "power", "railway", "railroad",
                         "airlines", "airways", "port", "harbour", "harbor", "navy", "marines", "command",
                         "manager", "administrator", "superintendent", "clerk", "treasurer", "auditor",
                         "commissioner", "councilman", "councilwoman", "councilor", "councillor", "trustee",
                         "attorney", "solicitor", "coroner", "assessor", "engineer", "planner", "officer",
                         "officers", "coordinator", "officials", "official", "authorities", "senate", "house",
                         "partners", "review", "park", "project", "perimeter", "highway", "road", "street",
                         "avenue", "boulevard", "route", "courthouse", "administration", "building", "fairgrounds",
                         "expo", "fair"};
  return in(s, key);
}

bool is_agent_verb(std::string_view key) {
  static const WordSet s{
      "said", "says", "say", "asked", "asks", "ask", "wants", "wanted", "want", "demanded", "demands", "demand",
      "accused", "accuses", "rejected", "rejects", "insists", "insisted", "refused", "refuses", "denied", "denies",
      "condemned", "condemns", "warned", "warns", "claims", "claimed", "called", "calls", "responded", "responds",
      "announced", "announces", "agreed", "agrees", "decided", "decides", "sent", "sends", "has", "have", "had",
      "is", "was", "will", "would", "must", "should", "could", "can", "cannot", "did", "does", "do", "may",
      "might", "expects", "expected", "hopes", "hoped", "believes", "believed", "considers", "considered",
      "recognised", "recognized", "recognises", "recognizes", "blamed", "blames", "threatened", "threatens",
      "formally", "officially", "also", "again", "still", "now", "then", "later", "reportedly", "quickly",
      "proposed", "proposes", "requested", "requests", "supports", "supported", "opposes", "opposed",
      "sought", "seeks", "imposed", "imposes", "ordered", "orders", "closed", "closes", "raised", "raises",
      "deployed", "deploys", "protested", "protests", "signed", "signs", "welcomed", "welcomes", "urged", "urges",
      "needs", "needed", "tried", "tries", "continues", "continued", "refuse", "reacted", "reacts"};
  return in(s, key);
}

bool is_locative_preposition(std::string_view key) {
  static const WordSet s{"in", "at", "near", "from", "to", "into", "toward", "towards", "outside", "inside",
                         "around", "across", "through", "via", "of", "between", "and", "or", "u", "iz", "na",
                         "ne", "nga", "per", "a", "da"};
  return in(s, key);
}

}  // namespace seismo
