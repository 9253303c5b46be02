// The project's event gold files (data/gold/events_world.tsv,
// data/gold/events_en.tsv): one sentence a line with the events an analyst
// codes in it, read and checked here so that the evaluation tool and the
// test that guards the files agree on what a valid line is.
//
//   sentence <TAB> events [<TAB> country <TAB> split <TAB> date]
//
// events: "---" (none) or "SOURCE TARGET CODE [MODALITY]" separated by ";".
// The format and the coding conventions are written in the files' headers.
#pragma once
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "events/events.h"

namespace seismo::gold {

struct GoldEvent {
  std::string source;  // actor code, "-" when the sentence names none
  std::string target;
  std::string code;    // CAMEO event code
  Modality modality = Modality::kAsserted;
};

struct GoldRecord {
  size_t line = 0;       // 1-based line in the file
  std::string sentence;
  std::vector<GoldEvent> events;  // empty for "---"
  std::string country;   // ISO 3166 alpha-3, or empty when the file has no such column
  std::string split;     // "dev", "test", or empty
  std::string date;      // YYYY-MM-DD article date, or empty
};

// A CAMEO-style actor code: "-" or upper-case letters in groups of three
// ("IRNGOV", "IGOUNOREFHCR").
bool valid_actor_code(std::string_view code);
// Two to four digits (the shape, not membership of CAMEO's list).
bool valid_event_code_shape(std::string_view code);
// One of Modality's names (modality_name()).
bool valid_modality(std::string_view name);

// Parses one non-comment, non-blank line. On failure returns false and sets
// `error` to a message without the file name ("column 2: ...").
bool parse_gold_line(std::string_view line, size_t line_no, GoldRecord& out, std::string& error);

// Every record of a gold file; blank lines and "#" comments skipped. Each bad
// line adds "PATH:LINE: message" to `errors` and is left out. A file that
// cannot be read adds one error.
std::vector<GoldRecord> read_gold_file(const std::string& path, std::vector<std::string>& errors);

// The CAMEO event codes of a code table such as CAMEO.eventcodes.txt (code,
// tab, description; a header line is skipped). Empty when unreadable.
std::set<std::string> read_cameo_codes(const std::string& path);

// The actor codes a seismo actor dictionary (data/actors.txt format,
// docs/dictionaries.md) can give: every code listed under an actor, every
// "@country" code composed with every "@agent" code, and each agent alone.
// Empty when unreadable.
std::set<std::string> producible_actor_codes(const std::string& actors_path);

}  // namespace seismo::gold
