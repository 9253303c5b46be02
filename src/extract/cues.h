// Lexical cues, in several languages, that say what a line of a page is:
// boilerplate (share, subscribe, donate, copyright, disclaimers), a photo
// caption or credit, the start or chrome of a comment section, a teaser's
// "keep reading", or a provenance note ("Originally published on X").
// Shared by the HTML and the flat-text extractors. Every function takes the
// line folded with fold_for_matching() and its word count, so a line is
// folded once.
#pragma once
#include <string>
#include <string_view>

namespace seismo {

bool is_boilerplate_line(std::string_view folded, int words);
bool is_caption_line(std::string_view folded, int words);
bool is_comment_section_start(std::string_view folded, int words);
bool is_comment_chrome(std::string_view folded, int words);
bool is_teaser_marker(std::string_view folded, int words);

// "Last edited 2 years ago by X": returns X, or empty.
std::string edit_note_author(std::string_view line);

// The outlet a provenance note names ("Originally published on AntiWar",
// "The original source of this article is InfoBrics"), or empty.
std::string provenance_source(std::string_view line);

// "Support SouthFront", "Donate to X": the outlet a donation prompt names.
std::string donation_prompt_outlet(std::string_view line);

}  // namespace seismo
